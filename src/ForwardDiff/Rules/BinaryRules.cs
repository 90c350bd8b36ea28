using System.Numerics;
using ForwardDiff.Internal;

namespace ForwardDiff.Rules;

/// <summary>The table of two-argument rules f(x, y): one nested struct per function, each with its rule comment.</summary>
/// <remarks>
/// The first argument of every row is the first argument of the .NET method it mirrors: for
/// <see cref="Atan2"/> that is y (<c>Atan2(y, x)</c>), so there <c>dx</c> is ∂/∂y and <c>dy</c> is ∂/∂x.
/// </remarks>
public static class BinaryRules
{
    /// <summary>x^y (dual base, dual exponent).</summary>
    /// <remarks>
    /// Conventions at x = 0 (the table): 0^0 → value 1, ∂x 0, ∂y 0; 0^1 → ∂x 1; 0^2 → ∂x 0; 0^0.5 → ∂x +∞;
    /// ∂y = 0 whenever x = 0 (the value does not change with y on either side of a positive y). For x &lt; 0 and an
    /// integer y, ∂x = y·x^(y−1) is exact and ∂y = x^y ln x is NaN — which the strong-zero rule turns into no
    /// contribution unless y is actually perturbed. ∂x = 0 whenever y = 0 (x^0 ≡ 1), so 0·∞ never appears there.
    /// Second partials at x = 0: ∂²/∂x² per the formula (0 when y is 0 or 1), ∂²/∂x∂y and ∂²/∂y² are 0.
    /// </remarks>
    public readonly struct Pow : IBinaryRule
    {
        // (a + h)^(b + k) ≈ a^b + h b a^(b−1) + k a^b ln a
        /// <inheritdoc />
        public static T Evaluate<T>(T x, T y, out T dx, out T dy)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Pow(x, y);
            dx = PowExponentDerivativeFree(x, y);
            if (!T.IsFinite(dx) && !Scalar.IsZeroValue(x) && T.IsFinite(value))
            {
                // x^(y−1) overflowed although y·x^(y−1) = (y/x)·x^y may be finite (x^x at the smallest subnormals)
                T viaValue = y / x * value;
                if (T.IsFinite(viaValue))
                {
                    dx = viaValue;
                }
            }

            // x^y·ln x; where x^y is exactly 0 and ln x infinite (x = ±∞, y < 0) the limit 0, not 0·∞
            dy = Scalar.IsZeroValue(x) ? T.Zero : VanishingTimes(value, T.Log(x));
            return value;
        }

        /// <inheritdoc />
        public static void Second<T>(T x, T y, T value, T dx, T dy, out T dxx, out T dxy, out T dyy)
            where T : IFloatingPointIeee754<T>
        {
            // ∂²/∂x² = y (y − 1) x^(y−2);  ∂²/∂x∂y = x^(y−1) (1 + y ln x);  ∂²/∂y² = x^y ln² x
            // a vanishing power wins over an infinite coefficient (x^(y−2) = 0 with y = ±∞): the limit 0, not ∞·0
            if (T.IsZero(y) || y == T.One)
            {
                dxx = T.Zero;
            }
            else
            {
                T power2 = T.Pow(x, y - RuleConstants<T>.Two);

                // as in the first partial: a perturbed y whose value is 0 keeps the x^0 convention where x^(y−2) is infinite
                dxx = Scalar.IsZeroValue(y) && !T.IsFinite(power2) ? T.Zero : VanishingTimes(power2, y * (y - T.One));
            }

            if (!T.IsFinite(dxx) && !Scalar.IsZeroValue(x) && T.IsFinite(dx))
            {
                // x^(y−2) overflowed although y (y − 1) x^(y−2) = (y − 1)·(y x^(y−1))/x may be finite: x^x at x = 1e-300
                // has ∂²/∂x² = −1e300 with x^(x−2) = ∞. Only a finite result replaces the overflowed one.
                T viaFirst = (y - T.One) * dx / x;
                if (T.IsFinite(viaFirst))
                {
                    dxx = viaFirst;
                }
            }

            if (Scalar.IsZeroValue(x))
            {
                dxy = T.Zero;
                dyy = T.Zero;
                return;
            }

            T log = T.Log(x);
            T power = T.Pow(x, y - T.One);
            // x^(y−1)(1 + y ln x) and x^y ln² x: where the power is exactly 0 the logarithmic factor cannot revive it
            dxy = power + (T.IsZero(y) ? T.Zero : VanishingTimes(VanishingTimes(power, y), log));
            dyy = VanishingTimes(dy, log);
        }

        /// <summary>
        /// vanishing × factor, except that an exact zero times an infinite factor is 0: a power that has vanished
        /// (x^y = 0 with x = ±∞ and y &lt; 0, or y = ±∞) against a logarithm or a polynomial coefficient in y, whose
        /// limit is 0, not the NaN of 0·∞. A NaN factor stays NaN, and a product that underflows is not an exact zero.
        /// </summary>
        internal static T VanishingTimes<T>(T vanishing, T factor)
            where T : IFloatingPointIeee754<T>
            => T.IsInfinity(factor) && StrongZero.IsExactZero(vanishing) ? T.Zero : vanishing * factor;

        /// <summary>y·x^(y−1), with 0 for y = 0 (x^0 is constant, even at x = 0 where x^(−1) is infinite).</summary>
        internal static T PowExponentDerivativeFree<T>(T x, T y)
            where T : IFloatingPointIeee754<T>
        {
            if (StrongZero.IsExactZero(y))
            {
                return T.Zero;
            }

            T power = T.Pow(x, y - T.One);

            // a perturbed y whose value is 0 (x^x at x = 0 in nested duals): the same convention, ∂x = 0, where x^(y−1)
            // is infinite; the product would be 0·∞ = NaN, so the outer level's f′ disagreed with the inner level's 0
            if (Scalar.IsZeroValue(y) && !T.IsFinite(power))
            {
                return T.Zero;
            }

            return VanishingTimes(power, y);   // y = ±∞ with x^(y−1) = 0: the limit 0
        }
    }

    /// <summary>atan2(y, x), the angle of the point (x, y); the row's first argument is y.</summary>
    /// <remarks>At the origin the angle has no derivative: both partials are NaN (they vanish only for unperturbed arguments).</remarks>
    public readonly struct Atan2 : IBinaryRule
    {
        // atan2(b + k, a + h) ≈ atan2(b, a) + (a k − b h) / (a² + b²)
        // With ρ = hypot(a, b) the partials are (a/ρ)/ρ and −(b/ρ)/ρ, which neither overflow nor underflow where
        // a² + b² would; the cheap a² + b² form is used whenever it is a normal number.
        /// <inheritdoc />
        public static T Evaluate<T>(T x, T y, out T dx, out T dy)
            where T : IFloatingPointIeee754<T>
        {
            // Here x is the ordinate (first argument of Atan2) and y the abscissa.
            T value = T.Atan2(x, y);
            Partials(x, y, out dx, out dy);
            return value;
        }

        /// <inheritdoc />
        public static void Second<T>(T x, T y, T value, T dx, T dy, out T dxx, out T dxy, out T dyy)
            where T : IFloatingPointIeee754<T>
        {
            // With ordinate b, abscissa a, D = a² + b²: ∂²/∂b² = −2ab/D², ∂²/∂a² = 2ab/D², ∂²/∂a∂b = (b² − a²)/D²;
            // in terms of the first partials fb = a/D, fa = −b/D: 2 fa fb, −2 fa fb, fa² − fb².
            // on an axis one partial is exactly 0 and so are ∂²/∂a² and ∂²/∂b², even where the other partial overflows
            // (atan2(0, 5e-324): 1/a = ∞), which would make 2·∞·0 = NaN
            T product = StrongZero.IsExactZero(dx) || StrongZero.IsExactZero(dy) ? T.Zero : RuleConstants<T>.Two * dx * dy;
            dxx = product;
            dyy = -product;
            dxy = (dy * dy) - (dx * dx);
        }

        /// <summary>∂/∂ordinate and ∂/∂abscissa of atan2(ordinate, abscissa).</summary>
        internal static void Partials<T>(T ordinate, T abscissa, out T dOrdinate, out T dAbscissa)
            where T : IFloatingPointIeee754<T>
        {
            T squared = (abscissa * abscissa) + (ordinate * ordinate);
            if (T.IsNormal(squared))
            {
                dOrdinate = abscissa / squared;
                dAbscissa = -(ordinate / squared);
                return;
            }

            T rho = T.Hypot(abscissa, ordinate);

            // One infinite coordinate and a finite other one: its c/ρ tends to ±1 (as in the Hypot row), so both
            // partials tend to ±0 (signed like x/ρ² and −y/ρ²) instead of ∞/∞ = NaN. Both infinite, or a NaN
            // coordinate, give NaN: the direction is undefined, as for Hypot.
            T a = T.IsInfinity(abscissa) && T.IsFinite(ordinate) ? T.CopySign(T.One, abscissa) : abscissa / rho;
            T b = T.IsInfinity(ordinate) && T.IsFinite(abscissa) ? T.CopySign(T.One, ordinate) : ordinate / rho;
            dOrdinate = a / rho;
            dAbscissa = -(b / rho);
        }
    }

    /// <summary>atan2(y, x) / π; the row's first argument is y.</summary>
    public readonly struct Atan2Pi : IBinaryRule
    {
        // atan2pi(b + k, a + h) ≈ atan2pi(b, a) + (a k − b h) / (π (a² + b²))
        /// <inheritdoc />
        public static T Evaluate<T>(T x, T y, out T dx, out T dy)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Atan2Pi(x, y);
            Atan2.Partials(x, y, out T dOrdinate, out T dAbscissa);
            dx = dOrdinate / RuleConstants<T>.Pi;
            dy = dAbscissa / RuleConstants<T>.Pi;
            return value;
        }

        /// <inheritdoc />
        public static void Second<T>(T x, T y, T value, T dx, T dy, out T dxx, out T dxy, out T dyy)
            where T : IFloatingPointIeee754<T>
        {
            // the atan2 second partials divided by π, written with the atan2pi first partials (each already ÷ π)
            T product = StrongZero.IsExactZero(dx) || StrongZero.IsExactZero(dy) ? T.Zero : RuleConstants<T>.Two * RuleConstants<T>.Pi * dx * dy;   // 0 on the axes, as atan2
            dxx = product;
            dyy = -product;
            dxy = RuleConstants<T>.Pi * ((dy * dy) - (dx * dx));
        }
    }

    /// <summary>√(x² + y²) without undue overflow.</summary>
    /// <remarks>
    /// At the origin the cone has no derivative: both partials are NaN. When the value is infinite because one
    /// argument is infinite, that argument's partial is its sign and the other's is 0 (the limits of x/ρ, y/ρ).
    /// </remarks>
    public readonly struct Hypot : IBinaryRule
    {
        // hypot(a + h, b + k) ≈ hypot(a, b) + (a h + b k) / hypot(a, b);  ∂²/∂a² = b²/ρ³, ∂²/∂a∂b = −ab/ρ³, ∂²/∂b² = a²/ρ³
        /// <inheritdoc />
        public static T Evaluate<T>(T x, T y, out T dx, out T dy)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Hypot(x, y);
            T ax = T.Abs(x);
            T ay = T.Abs(y);
            if (T.IsFinite(x) && T.IsFinite(y) && (ax > T.Zero || ay > T.Zero))
            {
                // With L the argument of larger magnitude and q = S/L (|q| ≤ 1): ∂ρ/∂L = sign(L)/√(1 + q²) and
                // ∂ρ/∂S = q·∂ρ/∂L. Formed from the ratio rather than as x/ρ: finite when ρ overflows, and in a nested
                // dual the derivative of x/ρ would be (ρ − x·x/ρ)/ρ², which cancels for |x| ≫ |y|.
                if (ax >= ay)
                {
                    T q = y / x;
                    dx = T.CopySign(T.One, x) / T.Sqrt(T.One + (q * q));
                    dy = q * dx;
                }
                else
                {
                    T q = x / y;
                    dy = T.CopySign(T.One, y) / T.Sqrt(T.One + (q * q));
                    dx = q * dy;
                }
            }
            else if (T.IsFinite(value))
            {
                // the origin: 0/0, NaN partials (the direction is undefined)
                dx = x / value;
                dy = y / value;
            }
            else if (T.IsInfinity(x) != T.IsInfinity(y))
            {
                // exactly one argument is infinite: ρ grows like |that argument|
                dx = T.IsInfinity(x) ? (T.IsNegative(x) ? -T.One : T.One) : T.Zero;
                dy = T.IsInfinity(y) ? (T.IsNegative(y) ? -T.One : T.One) : T.Zero;
            }
            else
            {
                // NaN arguments, or both infinite (the direction is undefined)
                dx = T.NaN;
                dy = T.NaN;
            }

            return value;
        }

        /// <inheritdoc />
        public static void Second<T>(T x, T y, T value, T dx, T dy, out T dxx, out T dxy, out T dyy)
            where T : IFloatingPointIeee754<T>
        {
            if (T.IsInfinity(value) && T.IsFinite(x) && T.IsFinite(y))
            {
                // ρ overflowed but 1/ρ need not: 1/ρ = |∂ρ/∂L| / |L| with L the argument of larger magnitude
                // (hypot(max, max): ∂²/∂x² = 1/(2√2·max) ≈ 2e-309, where dy²/ρ gave 0)
                T inverse = T.Abs(x) >= T.Abs(y) ? T.Abs(dx) / T.Abs(x) : T.Abs(dy) / T.Abs(y);
                dxx = dy * dy * inverse;
                dyy = dx * dx * inverse;
                dxy = -(dx * dy * inverse);
                return;
            }

            dxx = dy * dy / value;
            dyy = dx * dx / value;
            dxy = -(dx * dy / value);
        }
    }

    /// <summary>log_b x = ln x / ln b (.NET's <c>Log(x, newBase)</c>; the row's arguments are x and the base).</summary>
    public readonly struct LogBase : IBinaryRule
    {
        // log_(b + k)(a + h) ≈ log_b a + h / (a ln b) − k ln a / (b ln² b)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, T y, out T dx, out T dy)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Log(x, y);
            T logBase = T.Log(y);
            dx = T.One / (x * logBase);
            dy = -(value / (y * logBase));
            return value;
        }

        /// <inheritdoc />
        public static void Second<T>(T x, T y, T value, T dx, T dy, out T dxx, out T dxy, out T dyy)
            where T : IFloatingPointIeee754<T>
        {
            // ∂²/∂a² = −1/(a² ln b);  ∂²/∂a∂b = −1/(a b ln² b);  ∂²/∂b² = ln a (ln b + 2) / (b² ln³ b)
            T logBase = T.Log(y);
            dxx = -(dx / x);
            dxy = -(dx / (y * logBase));
            dyy = -(dy * (logBase + RuleConstants<T>.Two) / (y * logBase));
        }
    }

    /// <summary>IEEE 754 remainder x − y·n with n = x/y rounded to the nearest integer (ties to even).</summary>
    public readonly struct Ieee754Remainder : IBinaryRule
    {
        // rem(a + h, b + k) ≈ rem(a, b) + h − k n,  n = round(a / b)   (piecewise linear: second partials 0)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, T y, out T dx, out T dy)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Ieee754Remainder(x, y);
            dx = T.One;
            dy = -QuotientOf(x, y, value);
            return value;
        }

        /// <inheritdoc />
        public static void Second<T>(T x, T y, T value, T dx, T dy, out T dxx, out T dxy, out T dyy)
            where T : IFloatingPointIeee754<T>
        {
            // Zero wherever the quotient is defined; where it is not (y = 0, x infinite, or trunc(x/y) overflows) ∂/∂y
            // is NaN or infinite, and so is ∂²/∂y², as nesting gives. ∂²/∂x∂y = ∂/∂y (∂/∂x = 1) stays 0.
            dxx = T.Zero;
            dxy = T.Zero;
            dyy = T.IsFinite(dy) ? T.Zero : T.NaN;
        }

        /// <summary>The integer n with x = n·y + remainder, recovered from the exact remainder (not from a rounded x/y).</summary>
        internal static T QuotientOf<T>(T x, T y, T remainder)
            where T : IFloatingPointIeee754<T>
        {
            if (T.IsInfinity(y) && T.IsFinite(x))
            {
                return T.Zero;
            }

            return T.Round((x - remainder) / y);
        }
    }

    /// <summary>The truncated remainder x % y = x − y·trunc(x/y) (C#'s <c>%</c>, C's fmod).</summary>
    public readonly struct Remainder : IBinaryRule
    {
        // (a + h) % (b + k) ≈ a % b + h − k trunc(a / b)   (piecewise linear: second partials 0)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, T y, out T dx, out T dy)
            where T : IFloatingPointIeee754<T>
        {
            T value = x % y;
            dx = T.One;
            dy = -Ieee754Remainder.QuotientOf(x, y, value);
            return value;
        }

        /// <inheritdoc />
        public static void Second<T>(T x, T y, T value, T dx, T dy, out T dxx, out T dxy, out T dyy)
            where T : IFloatingPointIeee754<T>
        {
            // Zero wherever the quotient is defined; where it is not (y = 0, x infinite, or trunc(x/y) overflows) ∂/∂y
            // is NaN or infinite, and so is ∂²/∂y², as nesting gives. ∂²/∂x∂y = ∂/∂y (∂/∂x = 1) stays 0.
            dxx = T.Zero;
            dxy = T.Zero;
            dyy = T.IsFinite(dy) ? T.Zero : T.NaN;
        }
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using ForwardDiff.Rules;

namespace ForwardDiff;

public readonly partial struct HyperDual<T>
{
    //
    // IAdditionOperators
    //

    // (a + bε₁ + cε₂ + dε₁ε₂) + (p + qε₁ + rε₂ + sε₁ε₂) = (a + p) + (b + q)ε₁ + (c + r)ε₂ + (d + s)ε₁ε₂

    /// <inheritdoc cref="IAdditionOperators{TSelf, TOther, TResult}.op_Addition(TSelf, TOther)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> operator +(HyperDual<T> left, HyperDual<T> right)
        => new(left.Value + right.Value, left.E1 + right.E1, left.E2 + right.E2, left.E1E2 + right.E1E2);

    /// <summary>Adds a constant: only the real part changes.</summary>
    /// <param name="left">The hyper-dual number.</param>
    /// <param name="right">The constant.</param>
    /// <returns>The sum.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> operator +(HyperDual<T> left, T right)
        => new(left.Value + right, left.E1, left.E2, left.E1E2);

    /// <summary>Adds a constant: only the real part changes.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The hyper-dual number.</param>
    /// <returns>The sum.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> operator +(T left, HyperDual<T> right)
        => new(left + right.Value, right.E1, right.E2, right.E1E2);

    //
    // IDecrementOperators
    //

    /// <inheritdoc cref="IDecrementOperators{TSelf}.op_Decrement(TSelf)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> operator --(HyperDual<T> value)
    {
        return new(value.Value - T.One, value.E1, value.E2, value.E1E2);
    }

    //
    // IDivisionOperators
    //

    // x / y = z with z·y = x, solved component by component:
    //   z₀ = a / p,  z₁ = (b − z₀ q) / p,  z₂ = (c − z₀ r) / p,  z₁₂ = (d − z₀ s − z₁ r − z₂ q) / p
    // The real part is one correctly rounded division (bit-identical to T); the perturbations multiply by 1/p, so
    // the whole quotient costs two divisions instead of four.
    // Strong zeros: a zero numerator gives a zero component even when p = 0 (a constant over zero stays a
    // constant ±∞ instead of picking up NaN perturbations).

    /// <inheritdoc cref="IDivisionOperators{TSelf, TOther, TResult}.op_Division(TSelf, TOther)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> operator /(HyperDual<T> left, HyperDual<T> right)
    {
        T p = right.Value;
        T z0 = left.Value / p;
        T inverse = T.One / p;
        if (T.IsFinite(z0) && T.IsFinite(inverse) && !T.IsZero(inverse))
        {
            T z1 = (left.E1 - (z0 * right.E1)) * inverse;
            T z2 = (left.E2 - (z0 * right.E2)) * inverse;
            if (T.IsFinite(z1) && T.IsFinite(z2))
            {
                return new(z0, z1, z2, (left.E1E2 - (z0 * right.E1E2) - (z1 * right.E2) - (z2 * right.E1)) * inverse);
            }

            return DivideOverflowed(left, right, z0, z1, z2, inverse);
        }

        return DivideNonFinite(left, right, z0, p);
    }

    // A first-order part of the quotient overflowed (x/y with tiny y): it must not turn an unperturbed ε into ∞·0 = NaN.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HyperDual<T> DivideOverflowed(HyperDual<T> left, HyperDual<T> right, T z0, T z1, T z2, T inverse)
        => new(z0, z1, z2, (left.E1E2 - (z0 * right.E1E2) - StrongZero.Scale(z1, right.E2) - StrongZero.Scale(z2, right.E1)) * inverse);

    // The strong-zero path of the quotient, out of line (see MultiplyNonFinite).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HyperDual<T> DivideNonFinite(HyperDual<T> left, HyperDual<T> right, T z0, T p)
    {
        T s1 = StrongDivide(left.E1 - StrongZero.Scale(z0, right.E1), p);
        T s2 = StrongDivide(left.E2 - StrongZero.Scale(z0, right.E2), p);
        T s12 = StrongDivide(
            left.E1E2 - StrongZero.Scale(z0, right.E1E2) - StrongZero.Scale(s1, right.E2) - StrongZero.Scale(s2, right.E1),
            p);
        return new(z0, s1, s2, s12);
    }

    /// <summary>Divides by a constant: every component is divided by it.</summary>
    /// <param name="left">The hyper-dual number.</param>
    /// <param name="right">The constant divisor.</param>
    /// <returns>The quotient.</returns>
    public static HyperDual<T> operator /(HyperDual<T> left, T right)
        => new(left.Value / right, StrongDivide(left.E1, right), StrongDivide(left.E2, right), StrongDivide(left.E1E2, right));

    /// <summary>Divides a constant by a hyper-dual number.</summary>
    /// <param name="left">The constant dividend.</param>
    /// <param name="right">The hyper-dual divisor.</param>
    /// <returns>The quotient.</returns>
    public static HyperDual<T> operator /(T left, HyperDual<T> right) => new HyperDual<T>(left) / right;

    //
    // IEqualityOperators
    //

    /// <summary>True when all four components are equal (IEEE equality on each: NaN ≠ NaN, −0 = +0).</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether the numbers are equal.</returns>
    public static bool operator ==(HyperDual<T> left, HyperDual<T> right)
        => left.Value == right.Value && left.E1 == right.E1 && left.E2 == right.E2 && left.E1E2 == right.E1E2;

    /// <summary>The negation of <c>==</c>: true when any component differs.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether the numbers differ.</returns>
    public static bool operator !=(HyperDual<T> left, HyperDual<T> right) => !(left == right);

    //
    // IComparisonOperators (on the real part)
    //

    /// <summary>Compares the real parts.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><c>left.Value &lt; right.Value</c>.</returns>
    public static bool operator <(HyperDual<T> left, HyperDual<T> right) => left.Value < right.Value;

    /// <summary>Compares the real parts.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><c>left.Value &gt; right.Value</c>.</returns>
    public static bool operator >(HyperDual<T> left, HyperDual<T> right) => left.Value > right.Value;

    /// <summary>Compares the real parts.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><c>left.Value &lt;= right.Value</c>.</returns>
    public static bool operator <=(HyperDual<T> left, HyperDual<T> right) => left.Value <= right.Value;

    /// <summary>Compares the real parts.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><c>left.Value &gt;= right.Value</c>.</returns>
    public static bool operator >=(HyperDual<T> left, HyperDual<T> right) => left.Value >= right.Value;

    //
    // IIncrementOperators
    //

    /// <inheritdoc cref="IIncrementOperators{TSelf}.op_Increment(TSelf)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> operator ++(HyperDual<T> value)
    {
        return new(value.Value + T.One, value.E1, value.E2, value.E1E2);
    }

    //
    // IModulusOperators
    //

    /// <summary>The truncated remainder x % y (row <see cref="BinaryRules.Remainder"/>: ∂/∂x = 1, ∂/∂y = −trunc(x/y), second partials 0).</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The remainder.</returns>
    public static HyperDual<T> operator %(HyperDual<T> left, HyperDual<T> right) => Apply<BinaryRules.Remainder>(left, right);

    //
    // IMultiplyOperators
    //

    // (a + bε₁ + cε₂ + dε₁ε₂)(p + qε₁ + rε₂ + sε₁ε₂) = ap + (aq + bp)ε₁ + (ar + cp)ε₂ + (as + dp + br + cq)ε₁ε₂

    /// <inheritdoc cref="IMultiplyOperators{TSelf, TOther, TResult}.op_Multiply(TSelf, TOther)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> operator *(HyperDual<T> left, HyperDual<T> right)
    {
        T a = left.Value;
        T p = right.Value;
        if (T.IsFinite(a) && T.IsFinite(p))
        {
            return new(
                a * p,
                (a * right.E1) + (left.E1 * p),
                (a * right.E2) + (left.E2 * p),
                (a * right.E1E2) + (left.E1E2 * p) + (left.E1 * right.E2) + (left.E2 * right.E1));
        }

        return MultiplyNonFinite(left, right);
    }

    // The strong-zero path, out of line so that the inlined product stays small (inlined, it used up the JIT's inlining
    // budget for a user's function, after which even additions were calls).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HyperDual<T> MultiplyNonFinite(HyperDual<T> left, HyperDual<T> right)
    {
        T a = left.Value;
        T p = right.Value;
        return new(
            a * p,
            StrongZero.Scale(a, right.E1) + StrongZero.Scale(p, left.E1),
            StrongZero.Scale(a, right.E2) + StrongZero.Scale(p, left.E2),
            StrongZero.Scale(a, right.E1E2) + StrongZero.Scale(p, left.E1E2) + (left.E1 * right.E2) + (left.E2 * right.E1));
    }

    /// <summary>Multiplies by a constant: every component is scaled (a zero component stays zero, even times ±∞).</summary>
    /// <param name="left">The hyper-dual number.</param>
    /// <param name="right">The constant.</param>
    /// <returns>The product.</returns>
    public static HyperDual<T> operator *(HyperDual<T> left, T right)
        => new(left.Value * right, StrongZero.Scale(right, left.E1), StrongZero.Scale(right, left.E2), StrongZero.Scale(right, left.E1E2));

    /// <summary>Multiplies by a constant: every component is scaled (a zero component stays zero, even times ±∞).</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The hyper-dual number.</param>
    /// <returns>The product.</returns>
    public static HyperDual<T> operator *(T left, HyperDual<T> right) => right * left;

    //
    // ISubtractionOperators
    //

    /// <inheritdoc cref="ISubtractionOperators{TSelf, TOther, TResult}.op_Subtraction(TSelf, TOther)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> operator -(HyperDual<T> left, HyperDual<T> right)
        => new(left.Value - right.Value, left.E1 - right.E1, left.E2 - right.E2, left.E1E2 - right.E1E2);

    /// <summary>Subtracts a constant: only the real part changes.</summary>
    /// <param name="left">The hyper-dual number.</param>
    /// <param name="right">The constant.</param>
    /// <returns>The difference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> operator -(HyperDual<T> left, T right)
        => new(left.Value - right, left.E1, left.E2, left.E1E2);

    /// <summary>Subtracts from a constant: the perturbations change sign.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The hyper-dual number.</param>
    /// <returns>The difference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> operator -(T left, HyperDual<T> right)
        => new(left - right.Value, -right.E1, -right.E2, -right.E1E2);

    //
    // IUnaryNegationOperators
    //

    /// <inheritdoc cref="IUnaryNegationOperators{TSelf, TResult}.op_UnaryNegation(TSelf)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> operator -(HyperDual<T> value) => new(-value.Value, -value.E1, -value.E2, -value.E1E2);

    //
    // IUnaryPlusOperators
    //

    /// <inheritdoc cref="IUnaryPlusOperators{TSelf, TResult}.op_UnaryPlus(TSelf)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> operator +(HyperDual<T> value) => value;

    // num / den, except that an exactly zero numerator stays zero when den is 0 or ±∞ (strong zero).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T StrongDivide(T numerator, T denominator)
        => StrongZero.IsExactZero(numerator) && (T.IsZero(denominator) || !T.IsFinite(denominator)) ? T.Zero : numerator / denominator;
}

using System.Numerics;
using ForwardDiff.Internal;

namespace ForwardDiff.Rules;

public static partial class UnaryRules
{
    /// <summary>sinh x.</summary>
    public readonly struct Sinh : IUnaryRule
    {
        // sinh(a + h) ≈ sinh(a) + h cosh(a);  sinh″ = sinh
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.Cosh(x);
            return T.Sinh(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => value;
    }

    /// <summary>cosh x.</summary>
    public readonly struct Cosh : IUnaryRule
    {
        // cosh(a + h) ≈ cosh(a) + h sinh(a);  cosh″ = cosh
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.Sinh(x);
            return T.Cosh(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => value;
    }

    /// <summary>tanh x.</summary>
    public readonly struct Tanh : IUnaryRule
    {
        // tanh(a + h) ≈ tanh(a) + h (1 − tanh²(a));  tanh″ = −2 tanh · tanh′
        // For |tanh a| ≥ ½, 1 − tanh² has lost the digits (tanh rounds towards ±1), so f′ = sech²(a) = (1/cosh a)²
        // there; 1 − t·t is used only where it is well conditioned.
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Tanh(x);
            if (T.Abs(value) < RuleConstants<T>.Half)
            {
                // 1 − t·t, not (1 − t)(1 + t): no cancellation in the value for |t| < ½, and in a nested dual
                // the derivative −2t t′ is not formed as the difference (1 − t) − (1 + t), which cancels as t → 0.
                first = T.One - (value * value);
            }
            else if (T.Abs(x) <= RuleConstants<T>.Twenty)
            {
                T sech = T.One / T.Cosh(x);
                first = sech * sech;
            }
            else
            {
                // sech² x = 4e^(−2|x|) / (1 + e^(−2|x|))², and 1 + e^(−2|x|) rounds to 1 here (e^(−40) < 2⁻⁵³): 4e^(−2|x|),
                // one correctly rounded exp. The (1/cosh)² form is NaN in a nested dual once cosh overflows (|x| > 710:
                // ∞/∞ in its derivative), where this form underflows to 0 with derivative 0, the limit.
                first = RuleConstants<T>.Four * T.Exp(-(RuleConstants<T>.Two * T.Abs(x)));
            }

            return value;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(RuleConstants<T>.Two * value * first);
    }

    /// <summary>asinh x.</summary>
    public readonly struct Asinh : IUnaryRule
    {
        // asinh(a + h) ≈ asinh(a) + h / √(a² + 1);  asinh″ = −a · asinh′³
        // For |a| > 1 f′ = |r| / √(1 + r²) with r = 1/a, so a² cannot overflow.
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            if (T.Abs(x) <= T.One)
            {
                first = T.One / T.Sqrt(T.One + (x * x));
            }
            else
            {
                T r = T.One / x;
                first = T.Abs(r) / T.Sqrt(T.One + (r * r));
            }

            return T.Asinh(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => T.IsInfinity(x) ? T.Zero : -(x * first * first * first);   // at ±∞ the limit 0, not ∞·0
    }

    /// <summary>acosh x (x ≥ 1).</summary>
    public readonly struct Acosh : IUnaryRule
    {
        // acosh(a + h) ≈ acosh(a) + h / √((a − 1)(a + 1));  acosh″ = −a · acosh′³   (at a = 1: f′ = +∞)
        // For a > 2 f′ = r / √(1 − r²) with r = 1/a, so a² cannot overflow.
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            if (x <= RuleConstants<T>.Two)
            {
                first = T.One / T.Sqrt((x - T.One) * (x + T.One));
            }
            else
            {
                T r = T.One / x;
                first = r / T.Sqrt(T.One - (r * r)); // r ≤ ½: no cancellation in the value nor, nested, in −2r r′
            }

            return T.Acosh(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => T.IsPositiveInfinity(x) ? T.Zero : -(x * first * first * first);   // at +∞ the limit 0, not ∞·0
    }

    /// <summary>atanh x (|x| &lt; 1).</summary>
    public readonly struct Atanh : IUnaryRule
    {
        // atanh(a + h) ≈ atanh(a) + h / (1 − a²);  atanh″ = 2a · atanh′²   (1 − a² from OneMinusSquare: no cancellation near ±1 nor, nested, near 0)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.One / OneMinusSquare(x);
            return T.Atanh(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => RuleConstants<T>.Two * x * first * first;
    }
}

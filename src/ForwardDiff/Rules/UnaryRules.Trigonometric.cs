using System.Numerics;
using ForwardDiff.Internal;

namespace ForwardDiff.Rules;

/// <summary>The table of one-argument rules: one nested struct per function, each with its rule comment.</summary>
public static partial class UnaryRules
{
    /// <summary>sin x.</summary>
    public readonly struct Sin : IUnaryRule
    {
        // sin(a + h) ≈ sin(a) + h cos(a);  sin″ = −sin
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            (T sin, T cos) = T.SinCos(x);
            first = cos;
            return sin;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -value;
    }

    /// <summary>cos x.</summary>
    public readonly struct Cos : IUnaryRule
    {
        // cos(a + h) ≈ cos(a) − h sin(a);  cos″ = −cos
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            (T sin, T cos) = T.SinCos(x);
            first = -sin;
            return cos;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -value;
    }

    /// <summary>tan x.</summary>
    public readonly struct Tan : IUnaryRule
    {
        // tan(a + h) ≈ tan(a) + h (1 + tan²(a));  tan″ = 2 tan (1 + tan²)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Tan(x);
            first = T.One + (value * value);
            return value;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => RuleConstants<T>.Two * value * first;
    }

    /// <summary>sin(πx).</summary>
    public readonly struct SinPi : IUnaryRule
    {
        // sinpi(a + h) ≈ sinpi(a) + h π cospi(a);  sinpi″ = −π² sinpi   (cospi is exact at integers and half-integers)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            (T sin, T cos) = T.SinCosPi(x);
            first = RuleConstants<T>.Pi * cos;
            return sin;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(RuleConstants<T>.PiSquared * value);
    }

    /// <summary>cos(πx).</summary>
    public readonly struct CosPi : IUnaryRule
    {
        // cospi(a + h) ≈ cospi(a) − h π sinpi(a);  cospi″ = −π² cospi
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            (T sin, T cos) = T.SinCosPi(x);
            first = -(RuleConstants<T>.Pi * sin);
            return cos;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(RuleConstants<T>.PiSquared * value);
    }

    /// <summary>tan(πx).</summary>
    public readonly struct TanPi : IUnaryRule
    {
        // tanpi(a + h) ≈ tanpi(a) + h π (1 + tanpi²(a));  tanpi″ = 2π tanpi · tanpi′
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.TanPi(x);
            first = RuleConstants<T>.Pi * (T.One + (value * value));
            return value;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => RuleConstants<T>.Two * RuleConstants<T>.Pi * value * first;
    }

    /// <summary>asin x.</summary>
    public readonly struct Asin : IUnaryRule
    {
        // asin(a + h) ≈ asin(a) + h / √((1 − a)(1 + a));  asin″ = a · asin′³   (1 − a² formed by OneMinusSquare: no cancellation near ±1 nor, in nested duals, near 0)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.One / T.Sqrt(OneMinusSquare(x));
            return T.Asin(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => x * first * first * first;
    }

    /// <summary>acos x.</summary>
    public readonly struct Acos : IUnaryRule
    {
        // acos(a + h) ≈ acos(a) − h / √((1 − a)(1 + a));  acos″ = a · acos′³
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = -(T.One / T.Sqrt(OneMinusSquare(x)));
            return T.Acos(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => x * first * first * first;
    }

    /// <summary>atan x.</summary>
    public readonly struct Atan : IUnaryRule
    {
        // atan(a + h) ≈ atan(a) + h / (1 + a²);  atan″ = −2a · atan′²
        // For |a| > 1 the derivative is formed from r = 1/a as r² / (1 + r²), so a² cannot overflow and tiny
        // derivatives (|a| > 1e154) keep their digits instead of flushing to zero.
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = AtanDerivative(x);
            return T.Atan(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => T.IsInfinity(x)
                ? T.Zero   // the limit 0 (−2x·f′² would be ∞·0)
                : -((x * first) * (RuleConstants<T>.Two * first));   // = −2x·f′² bit for bit, but 2x cannot overflow (x ≈ 1/f′)
    }

    /// <summary>asin(x) / π.</summary>
    public readonly struct AsinPi : IUnaryRule
    {
        // asinpi(a + h) ≈ asinpi(a) + h / (π √((1 − a)(1 + a)));  asinpi″ = π² a · asinpi′³
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.One / T.Sqrt(OneMinusSquare(x)) / RuleConstants<T>.Pi;   // asin′/π: the same infinities at ±1 as asin, nested
            return T.AsinPi(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => RuleConstants<T>.PiSquared * x * first * first * first;
    }

    /// <summary>acos(x) / π.</summary>
    public readonly struct AcosPi : IUnaryRule
    {
        // acospi(a + h) ≈ acospi(a) − h / (π √((1 − a)(1 + a)));  acospi″ = π² a · acospi′³
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = -(T.One / T.Sqrt(OneMinusSquare(x)) / RuleConstants<T>.Pi);   // acos′/π: the same infinities at ±1 as acos, nested
            return T.AcosPi(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => RuleConstants<T>.PiSquared * x * first * first * first;
    }

    /// <summary>atan(x) / π.</summary>
    public readonly struct AtanPi : IUnaryRule
    {
        // atanpi(a + h) ≈ atanpi(a) + h / (π (1 + a²));  atanpi″ = −2π a · atanpi′²
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = AtanDerivative(x) / RuleConstants<T>.Pi;
            return T.AtanPi(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => T.IsInfinity(x)
                ? T.Zero   // the limit 0 (−2πx·f′² would be ∞·0)
                : -(RuleConstants<T>.Two * RuleConstants<T>.Pi * (x * first) * first);   // x·f′ first: 2πx overflows near the largest x
    }

    /// <summary>
    /// 1 − x², accurate in the value and, for nested duals, in the derivative: near ±1 as (1 − x)(1 + x), whose
    /// factors are exact, and for |x| &lt; ½ as 1 − x·x, whose derivative −2x is formed without cancellation (the
    /// factored form would get it as the difference (1 − x) − (1 + x), losing every digit as x → 0).
    /// </summary>
    internal static T OneMinusSquare<T>(T x)
        where T : IFloatingPointIeee754<T>
        => T.Abs(x) < RuleConstants<T>.Half ? T.One - (x * x) : (T.One - x) * (T.One + x);

    /// <summary>1 / (1 + x²) without overflow of x² and without flushing to zero for huge |x|.</summary>
    private static T AtanDerivative<T>(T x)
        where T : IFloatingPointIeee754<T>
    {
        if (T.Abs(x) <= T.One)
        {
            return T.One / (T.One + (x * x));
        }

        T r = T.One / x;
        T r2 = r * r;
        return r2 / (T.One + r2);
    }
}

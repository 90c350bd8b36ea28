using System.Numerics;
using ForwardDiff.Internal;

namespace ForwardDiff.Rules;

public static partial class UnaryRules
{
    /// <summary>|x|.</summary>
    public readonly struct Abs : IUnaryRule
    {
        // abs(a + h) ≈ abs(a) + h sign(a);  abs″ = 0
        // Convention at ±0: f′ follows the sign bit (+1 at +0, −1 at −0), the branch the value itself takes.
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.IsNegative(x) ? -T.One : T.One;
            return T.Abs(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => T.Zero;
    }

    /// <summary>⌊x⌋ (piecewise constant: zero derivative everywhere, including at the jumps).</summary>
    public readonly struct Floor : IUnaryRule
    {
        // floor(a + h) ≈ floor(a) + 0 h
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.Zero;
            return T.Floor(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => T.Zero;
    }

    /// <summary>⌈x⌉ (zero derivative).</summary>
    public readonly struct Ceiling : IUnaryRule
    {
        // ceiling(a + h) ≈ ceiling(a) + 0 h
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.Zero;
            return T.Ceiling(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => T.Zero;
    }

    /// <summary>Round to nearest, ties to even (zero derivative).</summary>
    public readonly struct Round : IUnaryRule
    {
        // round(a + h) ≈ round(a) + 0 h
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.Zero;
            return T.Round(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => T.Zero;
    }

    /// <summary>Round towards zero (zero derivative).</summary>
    public readonly struct Truncate : IUnaryRule
    {
        // truncate(a + h) ≈ truncate(a) + 0 h
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.Zero;
            return T.Truncate(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => T.Zero;
    }

    /// <summary>1 / x.</summary>
    public readonly struct Reciprocal : IUnaryRule
    {
        // 1/(a + h) ≈ 1/a − h / a²;  (1/a)″ = 2 / a³   (f′ from the computed value: −(1/a)², no overflow of a²)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.One / x;
            first = -(value * value);
            return value;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(RuleConstants<T>.Two * value * first);
    }

    /// <summary>An estimate of 1 / x (the value is whatever <c>T.ReciprocalEstimate</c> returns; the derivative is exact).</summary>
    public readonly struct ReciprocalEstimate : IUnaryRule
    {
        // rcp(a + h) ≈ rcp(a) − h / a²;  rcp″ = 2 / a³   (derivative of the exact reciprocal: the estimate only approximates the value)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            T exact = T.One / x;
            first = -(exact * exact);
            return T.ReciprocalEstimate(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(RuleConstants<T>.Two * first) * (T.One / x);   // 2/x³ as −2f′·(1/x): no overflow of f′² for tiny x, ±∞ at ±0, ±0 at ±∞
    }

    /// <summary>An estimate of 1 / √x (the derivative is that of the exact function).</summary>
    public readonly struct ReciprocalSqrtEstimate : IUnaryRule
    {
        // rsqrt(a + h) ≈ rsqrt(a) − h / (2 a √a);  rsqrt″ = 3 / (4 a² √a)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            T exact = T.One / T.Sqrt(x);
            first = -(RuleConstants<T>.Half * exact * exact * exact);
            return T.ReciprocalSqrtEstimate(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(RuleConstants<T>.Three * RuleConstants<T>.Half * first / x);
    }
}

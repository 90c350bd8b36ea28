using System.Numerics;
using ForwardDiff.Internal;

namespace ForwardDiff.Rules;

public static partial class UnaryRules
{
    /// <summary>ln x.</summary>
    public readonly struct Log : IUnaryRule
    {
        // log(a + h) ≈ log(a) + h / a;  log″ = −1/a²   (at a = 0: f′ = +∞, a zero partial stays zero)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.One / x;
            return T.Log(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(first * first);
    }

    /// <summary>log₂ x.</summary>
    public readonly struct Log2 : IUnaryRule
    {
        // log2(a + h) ≈ log2(a) + h / (a ln2);  log2″ = −1/(a² ln2)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.One / (x * RuleConstants<T>.Ln2);
            return T.Log2(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(first / x);
    }

    /// <summary>log₁₀ x.</summary>
    public readonly struct Log10 : IUnaryRule
    {
        // log10(a + h) ≈ log10(a) + h / (a ln10);  log10″ = −1/(a² ln10)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.One / (x * RuleConstants<T>.Ln10);
            return T.Log10(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(first / x);
    }

    /// <summary>ln(1 + x).</summary>
    public readonly struct LogP1 : IUnaryRule
    {
        // log1p(a + h) ≈ log1p(a) + h / (1 + a);  log1p″ = −1/(1 + a)²
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.One / (T.One + x);
            return T.LogP1(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(first * first);
    }

    /// <summary>log₂(1 + x).</summary>
    public readonly struct Log2P1 : IUnaryRule
    {
        // log2p1(a + h) ≈ log2p1(a) + h / ((1 + a) ln2);  log2p1″ = −1/((1 + a)² ln2)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.One / ((T.One + x) * RuleConstants<T>.Ln2);
            return T.Log2P1(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(first / (T.One + x));
    }

    /// <summary>log₁₀(1 + x).</summary>
    public readonly struct Log10P1 : IUnaryRule
    {
        // log10p1(a + h) ≈ log10p1(a) + h / ((1 + a) ln10);  log10p1″ = −1/((1 + a)² ln10)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.One / ((T.One + x) * RuleConstants<T>.Ln10);
            return T.Log10P1(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(first / (T.One + x));
    }
}

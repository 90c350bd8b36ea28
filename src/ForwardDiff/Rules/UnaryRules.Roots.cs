using System.Numerics;
using ForwardDiff.Internal;

namespace ForwardDiff.Rules;

public static partial class UnaryRules
{
    /// <summary>√x.</summary>
    public readonly struct Sqrt : IUnaryRule
    {
        // sqrt(a + h) ≈ sqrt(a) + h / (2 sqrt(a));  sqrt″ = −1 / (4 a sqrt(a))   (at a = 0: f′ = +∞)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Sqrt(x);
            first = T.One / (value + value);
            return value;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(first / (value + value)) * first * (T.One + T.One);
    }

    /// <summary>∛x (real cube root, defined for negative x).</summary>
    public readonly struct Cbrt : IUnaryRule
    {
        // cbrt(a + h) ≈ cbrt(a) + h / (3 cbrt(a)²);  cbrt″ = −2 / (9 cbrt(a)⁵) = −2 cbrt′² / cbrt   (at a = 0: f′ = +∞)
        // f′ from the computed root, 1/(3 r²), which neither overflows nor underflows for any finite a.
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Cbrt(x);
            first = T.One / (RuleConstants<T>.Three * value * value);
            return value;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => -(RuleConstants<T>.Two * first * first / value);
    }
}

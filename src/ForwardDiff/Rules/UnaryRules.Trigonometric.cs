using System.Numerics;

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
}

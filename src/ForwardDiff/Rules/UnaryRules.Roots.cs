using System.Numerics;

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
}

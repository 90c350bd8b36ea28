using System.Numerics;

namespace ForwardDiff.Rules;

public static partial class UnaryRules
{
    /// <summary>eˣ.</summary>
    public readonly struct Exp : IUnaryRule
    {
        // exp(a + h) ≈ exp(a) + h exp(a);  exp″ = exp
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Exp(x);
            first = value;
            return value;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => value;
    }

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
}

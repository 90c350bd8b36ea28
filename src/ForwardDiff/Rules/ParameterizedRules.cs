using System.Numerics;
using ForwardDiff.Internal;

namespace ForwardDiff.Rules;

/// <summary>The table of rules with a constant parameter p of the same number type: f(x; p).</summary>
public static class ParameterizedRules
{
    /// <summary>The n-th root x^(1/n); p holds the integer n.</summary>
    /// <remarks>At x = ±0 with n &gt; 1 the derivative is +∞ (the root is vertical there for even and odd n alike); n = 1 gives 1.</remarks>
    public readonly struct RootN : IParameterizedRule
    {
        // rootn(a + h, n) ≈ rootn(a, n) + h rootn(a, n) / (n a);  rootn″ = (1 − n) rootn′ / (n a)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, T p, out T first)
            where T : IFloatingPointIeee754<T>
        {
            int n = int.CreateSaturating(p);
            T value = T.RootN(x, n);
            if (Scalar.IsZeroValue(x) && n > 0)
            {
                // +∞ for n > 1, as 1/(n r^(n−1)) with r = 0; written as that formula rather than the constant +∞ so that
                // a nested dual's second derivative here is NaN (undefined at the branch point), not 0
                first = n == 1 ? T.One : T.One / (p * T.Pow(value, p - T.One));
            }
            else
            {
                T scaled = p * x;
                first = T.IsInfinity(scaled) ? value / x / p : value / scaled;   // n·x overflows near the largest finite x
            }

            return value;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T p, T value, T first)
            where T : IFloatingPointIeee754<T>
            => (T.One - p) * first / (p * x);
    }

    /// <summary>x^c with a constant exponent c = p.</summary>
    /// <remarks>Same conventions as the binary <see cref="BinaryRules.Pow"/> row: x^0 has derivative 0 everywhere, 0^1 → 1, 0^2 → 0, 0^0.5 → +∞.</remarks>
    public readonly struct PowConstantExponent : IParameterizedRule
    {
        // (a + h)^c ≈ a^c + h c a^(c−1);  ″ = c (c − 1) a^(c−2)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, T p, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = BinaryRules.Pow.PowExponentDerivativeFree(x, p);
            return T.Pow(x, p);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T p, T value, T first)
            where T : IFloatingPointIeee754<T>
            => T.IsZero(p) || p == T.One ? T.Zero : BinaryRules.Pow.VanishingTimes(T.Pow(x, p - RuleConstants<T>.Two), p * (p - T.One));   // as BinaryRules.Pow: 0, not ∞·0, where the power vanishes
    }

    /// <summary>c^y with a constant base c = p.</summary>
    /// <remarks>At c = 0 the derivative is 0 (0^y is 0 for every y &gt; 0); for c &lt; 0 it is NaN (ln c), which strong zeros hide unless y is perturbed.</remarks>
    public readonly struct PowConstantBase : IParameterizedRule
    {
        // c^(b + k) ≈ c^b + k c^b ln c;  ″ = c^b ln² c
        /// <inheritdoc />
        public static T Evaluate<T>(T x, T p, out T first)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Pow(p, x);
            first = Scalar.IsZeroValue(p) ? T.Zero : BinaryRules.Pow.VanishingTimes(value, T.Log(p));   // c = ±∞ with c^y = 0: the limit 0
            return value;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T p, T value, T first)
            where T : IFloatingPointIeee754<T>
            => Scalar.IsZeroValue(p) ? T.Zero : BinaryRules.Pow.VanishingTimes(first, T.Log(p));
    }

    /// <summary>x·2ⁿ; p holds the integer n.</summary>
    public readonly struct ScaleB : IParameterizedRule
    {
        // scaleb(a + h, n) ≈ scaleb(a, n) + h 2ⁿ;  ″ = 0
        /// <inheritdoc />
        public static T Evaluate<T>(T x, T p, out T first)
            where T : IFloatingPointIeee754<T>
        {
            int n = int.CreateSaturating(p);
            first = T.ScaleB(T.One, n);
            return T.ScaleB(x, n);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T p, T value, T first)
            where T : IFloatingPointIeee754<T>
            => T.Zero;
    }
}

using System.Numerics;
using ForwardDiff.Internal;

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

    /// <summary>2ˣ.</summary>
    public readonly struct Exp2 : IUnaryRule
    {
        // exp2(a + h) ≈ exp2(a) + h ln2 exp2(a);  exp2″ = ln²2 exp2
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Exp2(x);
            first = value * RuleConstants<T>.Ln2;
            return value;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => value * RuleConstants<T>.Ln2Squared;
    }

    /// <summary>10ˣ.</summary>
    public readonly struct Exp10 : IUnaryRule
    {
        // exp10(a + h) ≈ exp10(a) + h ln10 exp10(a);  exp10″ = ln²10 exp10
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            T value = T.Exp10(x);
            first = value * RuleConstants<T>.Ln10;
            return value;
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => value * RuleConstants<T>.Ln10Squared;
    }

    /// <summary>eˣ − 1.</summary>
    public readonly struct ExpM1 : IUnaryRule
    {
        // expm1(a + h) ≈ expm1(a) + h exp(a);  expm1″ = exp
        // f′ is exp(a) itself, not expm1(a) + 1, which loses every digit when expm1(a) is close to −1.
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.Exp(x);
            return T.ExpM1(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => first;
    }

    /// <summary>2ˣ − 1.</summary>
    public readonly struct Exp2M1 : IUnaryRule
    {
        // exp2m1(a + h) ≈ exp2m1(a) + h ln2 exp2(a);  exp2m1″ = ln²2 exp2(a)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.Exp2(x) * RuleConstants<T>.Ln2;
            return T.Exp2M1(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => first * RuleConstants<T>.Ln2;
    }

    /// <summary>10ˣ − 1.</summary>
    public readonly struct Exp10M1 : IUnaryRule
    {
        // exp10m1(a + h) ≈ exp10m1(a) + h ln10 exp10(a);  exp10m1″ = ln²10 exp10(a)
        /// <inheritdoc />
        public static T Evaluate<T>(T x, out T first)
            where T : IFloatingPointIeee754<T>
        {
            first = T.Exp10(x) * RuleConstants<T>.Ln10;
            return T.Exp10M1(x);
        }

        /// <inheritdoc />
        public static T Second<T>(T x, T value, T first)
            where T : IFloatingPointIeee754<T>
            => first * RuleConstants<T>.Ln10;
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using ForwardDiff.Internal;
using ForwardDiff.Rules;

namespace ForwardDiff;

public readonly partial struct Dual<T>
{
    //
    // IAdditiveIdentity
    //

    /// <inheritdoc cref="IAdditiveIdentity{TSelf, TResult}.AdditiveIdentity" />
    static Dual<T> IAdditiveIdentity<Dual<T>, Dual<T>>.AdditiveIdentity => new(T.AdditiveIdentity, T.Zero);

    //
    // IMinMaxValue
    //

    /// <summary>The largest finite value of <typeparamref name="T"/> (as <c>BitDecrement(+∞)</c>, so it exists for nested duals too), derivative 0.</summary>
    public static Dual<T> MaxValue => new(T.BitDecrement(T.PositiveInfinity), T.Zero);

    /// <summary>The most negative finite value of <typeparamref name="T"/>, derivative 0.</summary>
    public static Dual<T> MinValue => new(T.BitIncrement(T.NegativeInfinity), T.Zero);

    //
    // IMultiplicativeIdentity
    //

    /// <inheritdoc cref="IMultiplicativeIdentity{TSelf, TResult}.MultiplicativeIdentity" />
    static Dual<T> IMultiplicativeIdentity<Dual<T>, Dual<T>>.MultiplicativeIdentity => new(T.MultiplicativeIdentity, T.Zero);

    //
    // INumberBase
    //

    /// <summary>The constant 1 (derivative 0).</summary>
    public static Dual<T> One
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(T.One, T.Zero);
    }

    /// <inheritdoc cref="INumberBase{TSelf}.Radix" />
    static int INumberBase<Dual<T>>.Radix => T.Radix;

    /// <summary>The constant 0 (derivative 0).</summary>
    public static Dual<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(T.Zero, T.Zero);
    }

    /// <summary>|x|, with derivative ±b following the sign bit of the value (+1 at +0, −1 at −0).</summary>
    /// <param name="value">The argument.</param>
    /// <returns>|x|.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> Abs(Dual<T> value) => Apply<UnaryRules.Abs>(value);

    /// <summary>Whether the value is canonical in <typeparamref name="T"/>.</summary>
    /// <param name="value">The dual.</param>
    /// <returns><c>T.IsCanonical(value.Value)</c>.</returns>
    static bool INumberBase<Dual<T>>.IsCanonical(Dual<T> value) => T.IsCanonical(value.Value);

    /// <summary>False: a dual over a real type is not a complex number.</summary>
    /// <param name="value">The dual.</param>
    /// <returns><c>T.IsComplexNumber(value.Value)</c>.</returns>
    static bool INumberBase<Dual<T>>.IsComplexNumber(Dual<T> value) => T.IsComplexNumber(value.Value);

    /// <summary>Whether the value is an even integer (the derivative is not looked at).</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is an even integer.</returns>
    public static bool IsEvenInteger(Dual<T> value) => T.IsEvenInteger(value.Value);

    /// <summary>Whether the value is finite.</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is finite.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsFinite(Dual<T> value) => T.IsFinite(value.Value);

    /// <summary>Whether the value is imaginary (never, for a real <typeparamref name="T"/>).</summary>
    /// <param name="value">The dual.</param>
    /// <returns><c>T.IsImaginaryNumber(value.Value)</c>.</returns>
    static bool INumberBase<Dual<T>>.IsImaginaryNumber(Dual<T> value) => T.IsImaginaryNumber(value.Value);

    /// <summary>Whether the value is ±∞.</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is infinite.</returns>
    public static bool IsInfinity(Dual<T> value) => T.IsInfinity(value.Value);

    /// <summary>Whether the value is an integer (the derivative is not looked at).</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is an integer.</returns>
    public static bool IsInteger(Dual<T> value) => T.IsInteger(value.Value);

    /// <summary>Whether the value is NaN (a NaN derivative alone does not make the dual NaN).</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNaN(Dual<T> value) => T.IsNaN(value.Value);

    /// <summary>Whether the value is negative (sign bit set, so −0 counts).</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is negative.</returns>
    public static bool IsNegative(Dual<T> value) => T.IsNegative(value.Value);

    /// <summary>Whether the value is −∞.</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is −∞.</returns>
    public static bool IsNegativeInfinity(Dual<T> value) => T.IsNegativeInfinity(value.Value);

    /// <summary>Whether the value is a normal number.</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is normal.</returns>
    public static bool IsNormal(Dual<T> value) => T.IsNormal(value.Value);

    /// <summary>Whether the value is an odd integer.</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is an odd integer.</returns>
    public static bool IsOddInteger(Dual<T> value) => T.IsOddInteger(value.Value);

    /// <summary>Whether the value is positive (sign bit clear, so +0 counts).</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is positive.</returns>
    public static bool IsPositive(Dual<T> value) => T.IsPositive(value.Value);

    /// <summary>Whether the value is +∞.</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is +∞.</returns>
    public static bool IsPositiveInfinity(Dual<T> value) => T.IsPositiveInfinity(value.Value);

    /// <summary>Whether the value is a real number (not NaN).</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is real.</returns>
    public static bool IsRealNumber(Dual<T> value) => T.IsRealNumber(value.Value);

    /// <summary>Whether the value is subnormal.</summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether the value is subnormal.</returns>
    public static bool IsSubnormal(Dual<T> value) => T.IsSubnormal(value.Value);

    /// <summary>
    /// Whether value AND derivative are zero: a perturbed zero (0 + 1ε) is not zero, so code that special-cases zero
    /// (<c>T.IsZero(x) ? … : …</c>) keeps following the derivative.
    /// </summary>
    /// <param name="value">The dual.</param>
    /// <returns>Whether both components are zero.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(Dual<T> value) => T.IsZero(value.Value) && T.IsZero(value.Derivative);

    /// <summary>The argument of larger magnitude (.NET semantics: NaN propagates; of ±a the positive one); at an exact tie the derivatives are averaged.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>The argument of larger magnitude.</returns>
    public static Dual<T> MaxMagnitude(Dual<T> x, Dual<T> y) => Select(x, y, T.MaxMagnitude(x.Value, y.Value));

    /// <summary>Like <see cref="MaxMagnitude"/>, but a NaN argument loses to a number.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>The argument of larger magnitude.</returns>
    public static Dual<T> MaxMagnitudeNumber(Dual<T> x, Dual<T> y) => Select(x, y, T.MaxMagnitudeNumber(x.Value, y.Value));

    /// <summary>The argument of smaller magnitude (.NET semantics: NaN propagates; of ±a the negative one); at an exact tie the derivatives are averaged.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>The argument of smaller magnitude.</returns>
    public static Dual<T> MinMagnitude(Dual<T> x, Dual<T> y) => Select(x, y, T.MinMagnitude(x.Value, y.Value));

    /// <summary>Like <see cref="MinMagnitude"/>, but a NaN argument loses to a number.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>The argument of smaller magnitude.</returns>
    public static Dual<T> MinMagnitudeNumber(Dual<T> x, Dual<T> y) => Select(x, y, T.MinMagnitudeNumber(x.Value, y.Value));

    /// <summary>
    /// a·b + c with the value of <c>T.MultiplyAddEstimate</c> (fused where the hardware has FMA, as for double, so the
    /// value equals the plain-<typeparamref name="T"/> result on every machine), derivative a′b + ab′ + c′ as in
    /// <see cref="FusedMultiplyAdd"/>.
    /// </summary>
    /// <param name="left">a.</param>
    /// <param name="right">b.</param>
    /// <param name="addend">c.</param>
    /// <returns>a·b + c.</returns>
    static Dual<T> INumberBase<Dual<T>>.MultiplyAddEstimate(Dual<T> left, Dual<T> right, Dual<T> addend)
        => new(T.MultiplyAddEstimate(left.Value, right.Value, addend.Value), FusedMultiplyAdd(left, right, addend).Derivative);

    /// <summary>
    /// Picks the argument whose value the scalar selection function chose. When both values are equal (a tie,
    /// including −0 against +0) the result carries the average of both derivatives, so it does not depend on the
    /// order of the arguments; a NaN result comes from the NaN argument.
    /// </summary>
    /// <remarks>
    /// Design note: the average is the symmetric choice (the one-sided derivatives are the two derivatives);
    /// ForwardDiff.jl and Ceres pick one argument, which makes Max(x, y) and Max(y, x) differ in their derivative.
    /// A tie in magnitude with opposite signs (3 against −3) is not a tie: .NET picks one argument and so do we.
    /// </remarks>
    private static Dual<T> Select(Dual<T> x, Dual<T> y, T chosen)
    {
        if (Scalar.IsEqualValue(x.Value, y.Value))
        {
            return new(chosen, Scalar.Average(x.Derivative, y.Derivative));
        }

        bool isX = T.IsNaN(chosen) ? T.IsNaN(x.Value) : Scalar.IsEqualValue(chosen, x.Value);
        return new(chosen, isX ? x.Derivative : y.Derivative);
    }
}

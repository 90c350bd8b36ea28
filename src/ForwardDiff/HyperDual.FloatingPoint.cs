using System.Numerics;
using ForwardDiff.Rules;

namespace ForwardDiff;

public readonly partial struct HyperDual<T>
{
    //
    // IFloatingPoint: rounding (piecewise constant, so every perturbation is zero)
    //

    /// <summary>⌈x⌉ of the real part as a constant: the derivatives of a step function are zero where they exist.</summary>
    /// <param name="x">The number.</param>
    /// <returns>The rounded constant.</returns>
    public static HyperDual<T> Ceiling(HyperDual<T> x) => Apply<UnaryRules.Ceiling>(x);

    /// <summary>⌊x⌋ of the real part as a constant (zero perturbations).</summary>
    /// <param name="x">The number.</param>
    /// <returns>The rounded constant.</returns>
    public static HyperDual<T> Floor(HyperDual<T> x) => Apply<UnaryRules.Floor>(x);

    /// <summary>The real part rounded to the nearest integer (ties to even), as a constant.</summary>
    /// <param name="x">The number.</param>
    /// <returns>The rounded constant.</returns>
    public static HyperDual<T> Round(HyperDual<T> x) => Apply<UnaryRules.Round>(x);

    /// <summary>The real part rounded to <paramref name="digits"/> fractional digits, as a constant.</summary>
    /// <param name="x">The number.</param>
    /// <param name="digits">The number of fractional digits.</param>
    /// <returns>The rounded constant.</returns>
    public static HyperDual<T> Round(HyperDual<T> x, int digits) => new(T.Round(x.Value, digits));

    /// <summary>The real part rounded with <paramref name="mode"/>, as a constant.</summary>
    /// <param name="x">The number.</param>
    /// <param name="mode">The rounding mode.</param>
    /// <returns>The rounded constant.</returns>
    public static HyperDual<T> Round(HyperDual<T> x, MidpointRounding mode) => new(T.Round(x.Value, mode));

    /// <summary>The real part rounded to <paramref name="digits"/> fractional digits with <paramref name="mode"/>, as a constant.</summary>
    /// <param name="x">The number.</param>
    /// <param name="digits">The number of fractional digits.</param>
    /// <param name="mode">The rounding mode.</param>
    /// <returns>The rounded constant.</returns>
    public static HyperDual<T> Round(HyperDual<T> x, int digits, MidpointRounding mode) => new(T.Round(x.Value, digits, mode));

    /// <summary>The real part truncated toward zero, as a constant.</summary>
    /// <param name="x">The number.</param>
    /// <returns>The truncated constant.</returns>
    public static HyperDual<T> Truncate(HyperDual<T> x) => Apply<UnaryRules.Truncate>(x);

    //
    // IFloatingPoint: bit-level description (of the real part)
    //

    /// <inheritdoc cref="IFloatingPoint{TSelf}.GetExponentByteCount" />
    int IFloatingPoint<HyperDual<T>>.GetExponentByteCount() => Value.GetExponentByteCount();

    /// <inheritdoc cref="IFloatingPoint{TSelf}.GetExponentShortestBitLength" />
    int IFloatingPoint<HyperDual<T>>.GetExponentShortestBitLength() => Value.GetExponentShortestBitLength();

    /// <inheritdoc cref="IFloatingPoint{TSelf}.GetSignificandBitLength" />
    int IFloatingPoint<HyperDual<T>>.GetSignificandBitLength() => Value.GetSignificandBitLength();

    /// <inheritdoc cref="IFloatingPoint{TSelf}.GetSignificandByteCount" />
    int IFloatingPoint<HyperDual<T>>.GetSignificandByteCount() => Value.GetSignificandByteCount();

    /// <inheritdoc cref="IFloatingPoint{TSelf}.TryWriteExponentBigEndian(Span{byte}, out int)" />
    bool IFloatingPoint<HyperDual<T>>.TryWriteExponentBigEndian(Span<byte> destination, out int bytesWritten)
        => Value.TryWriteExponentBigEndian(destination, out bytesWritten);

    /// <inheritdoc cref="IFloatingPoint{TSelf}.TryWriteExponentLittleEndian(Span{byte}, out int)" />
    bool IFloatingPoint<HyperDual<T>>.TryWriteExponentLittleEndian(Span<byte> destination, out int bytesWritten)
        => Value.TryWriteExponentLittleEndian(destination, out bytesWritten);

    /// <inheritdoc cref="IFloatingPoint{TSelf}.TryWriteSignificandBigEndian(Span{byte}, out int)" />
    bool IFloatingPoint<HyperDual<T>>.TryWriteSignificandBigEndian(Span<byte> destination, out int bytesWritten)
        => Value.TryWriteSignificandBigEndian(destination, out bytesWritten);

    /// <inheritdoc cref="IFloatingPoint{TSelf}.TryWriteSignificandLittleEndian(Span{byte}, out int)" />
    bool IFloatingPoint<HyperDual<T>>.TryWriteSignificandLittleEndian(Span<byte> destination, out int bytesWritten)
        => Value.TryWriteSignificandLittleEndian(destination, out bytesWritten);

    //
    // IFloatingPointConstants
    //

    /// <inheritdoc cref="IFloatingPointConstants{TSelf}.E" />
    public static HyperDual<T> E => new(T.E);

    /// <inheritdoc cref="IFloatingPointConstants{TSelf}.Pi" />
    public static HyperDual<T> Pi => new(T.Pi);

    /// <inheritdoc cref="IFloatingPointConstants{TSelf}.Tau" />
    public static HyperDual<T> Tau => new(T.Tau);

    //
    // IFloatingPointIeee754: constants
    //

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.Epsilon" />
    public static HyperDual<T> Epsilon => new(T.Epsilon);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.NaN" />
    public static HyperDual<T> NaN => new(T.NaN);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.NegativeInfinity" />
    public static HyperDual<T> NegativeInfinity => new(T.NegativeInfinity);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.NegativeZero" />
    public static HyperDual<T> NegativeZero => new(T.NegativeZero);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.PositiveInfinity" />
    public static HyperDual<T> PositiveInfinity => new(T.PositiveInfinity);

    //
    // IFloatingPointIeee754: functions
    //

    /// <summary>The next representable real part above x; the perturbations are unchanged (the local slope is 1).</summary>
    /// <param name="x">The number.</param>
    /// <returns>x with its real part one ulp larger.</returns>
    public static HyperDual<T> BitIncrement(HyperDual<T> x) => new(T.BitIncrement(x.Value), x.E1, x.E2, x.E1E2);

    /// <summary>The next representable real part below x; the perturbations are unchanged (the local slope is 1).</summary>
    /// <param name="x">The number.</param>
    /// <returns>x with its real part one ulp smaller.</returns>
    public static HyperDual<T> BitDecrement(HyperDual<T> x) => new(T.BitDecrement(x.Value), x.E1, x.E2, x.E1E2);

    /// <summary>
    /// (left × right) + addend with the real part rounded once (<c>T.FusedMultiplyAdd</c>); the perturbations
    /// follow the product and sum rules.
    /// </summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    /// <param name="addend">The addend.</param>
    /// <returns>The fused multiply-add.</returns>
    public static HyperDual<T> FusedMultiplyAdd(HyperDual<T> left, HyperDual<T> right, HyperDual<T> addend)
    {
        HyperDual<T> product = left * right;
        return new(
            T.FusedMultiplyAdd(left.Value, right.Value, addend.Value),
            product.E1 + addend.E1,
            product.E2 + addend.E2,
            product.E1E2 + addend.E1E2);
    }

    /// <summary>The IEEE 754 remainder x − n y, n the integer nearest x / y (row <see cref="BinaryRules.Ieee754Remainder"/>).</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The remainder.</returns>
    public static HyperDual<T> Ieee754Remainder(HyperDual<T> left, HyperDual<T> right) => Apply<BinaryRules.Ieee754Remainder>(left, right);

    /// <summary>The unbiased binary exponent of the real part.</summary>
    /// <param name="x">The number.</param>
    /// <returns><c>T.ILogB(x.Value)</c>.</returns>
    public static int ILogB(HyperDual<T> x) => T.ILogB(x.Value);

    /// <summary>
    /// Linear interpolation <c>value1 + (value2 − value1) × amount</c>: real part from <c>T.Lerp</c> (bit-identical
    /// to <typeparamref name="T"/>), perturbations from the product and sum rules of <c>value1 (1 − amount) + value2 amount</c>.
    /// </summary>
    /// <param name="value1">The start.</param>
    /// <param name="value2">The end.</param>
    /// <param name="amount">The interpolation weight.</param>
    /// <returns>The interpolated number.</returns>
    public static HyperDual<T> Lerp(HyperDual<T> value1, HyperDual<T> value2, HyperDual<T> amount)
    {
        HyperDual<T> blend = (value1 * (T.One - amount)) + (value2 * amount);
        return new(T.Lerp(value1.Value, value2.Value, amount.Value), blend.E1, blend.E2, blend.E1E2);
    }

    /// <summary>An estimate of 1/x for the real part, with the perturbations of 1/x (row <see cref="UnaryRules.ReciprocalEstimate"/>).</summary>
    /// <param name="x">The number.</param>
    /// <returns>The reciprocal estimate.</returns>
    public static HyperDual<T> ReciprocalEstimate(HyperDual<T> x) => Apply<UnaryRules.ReciprocalEstimate>(x);

    /// <summary>An estimate of 1/√x for the real part, with the perturbations of x^(−1/2) (row <see cref="UnaryRules.ReciprocalSqrtEstimate"/>).</summary>
    /// <param name="x">The number.</param>
    /// <returns>The reciprocal square-root estimate.</returns>
    public static HyperDual<T> ReciprocalSqrtEstimate(HyperDual<T> x) => Apply<UnaryRules.ReciprocalSqrtEstimate>(x);

    // ScaleB is linear in x, so it is applied to each component with T.ScaleB: exact, and free of the overflow a
    // local derivative 2ⁿ would hit for n beyond the exponent range while x·2ⁿ is still finite.
    /// <summary>x × 2ⁿ, applied exactly to every component (ScaleB is linear in x).</summary>
    /// <param name="x">The number.</param>
    /// <param name="n">The power of two.</param>
    /// <returns>The scaled number.</returns>
    public static HyperDual<T> ScaleB(HyperDual<T> x, int n)
        => new(T.ScaleB(x.Value, n), T.ScaleB(x.E1, n), T.ScaleB(x.E2, n), T.ScaleB(x.E1E2, n));
}

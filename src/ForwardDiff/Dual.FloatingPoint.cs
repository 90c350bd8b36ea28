using System.Numerics;
using System.Runtime.CompilerServices;
using ForwardDiff.Internal;
using ForwardDiff.Rules;

namespace ForwardDiff;

public readonly partial struct Dual<T>
{
    //
    // IFloatingPoint
    //

    /// <summary>⌈x⌉ with zero derivative (piecewise constant).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>⌈x⌉ + 0ε.</returns>
    public static Dual<T> Ceiling(Dual<T> x) => Apply<UnaryRules.Ceiling>(x);

    /// <summary>⌊x⌋ with zero derivative (piecewise constant).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>⌊x⌋ + 0ε.</returns>
    public static Dual<T> Floor(Dual<T> x) => Apply<UnaryRules.Floor>(x);

    /// <summary>Rounds to the nearest integer, ties to even, with zero derivative.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The rounded value + 0ε.</returns>
    public static Dual<T> Round(Dual<T> x) => Apply<UnaryRules.Round>(x);

    /// <summary>Rounds to <paramref name="digits"/> fractional digits, with zero derivative.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="digits">The number of fractional digits.</param>
    /// <returns>The rounded value + 0ε.</returns>
    public static Dual<T> Round(Dual<T> x, int digits) => new(T.Round(x.Value, digits), T.Zero);

    /// <summary>Rounds to an integer with <paramref name="mode"/>, with zero derivative.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="mode">The rounding mode.</param>
    /// <returns>The rounded value + 0ε.</returns>
    public static Dual<T> Round(Dual<T> x, MidpointRounding mode) => new(T.Round(x.Value, mode), T.Zero);

    /// <summary>Rounds to <paramref name="digits"/> fractional digits with <paramref name="mode"/>, with zero derivative.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="digits">The number of fractional digits.</param>
    /// <param name="mode">The rounding mode.</param>
    /// <returns>The rounded value + 0ε.</returns>
    public static Dual<T> Round(Dual<T> x, int digits, MidpointRounding mode) => new(T.Round(x.Value, digits, mode), T.Zero);

    /// <summary>Rounds towards zero, with zero derivative.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The truncated value + 0ε.</returns>
    public static Dual<T> Truncate(Dual<T> x) => Apply<UnaryRules.Truncate>(x);

    /// <inheritdoc cref="IFloatingPoint{TSelf}.GetExponentByteCount" />
    int IFloatingPoint<Dual<T>>.GetExponentByteCount() => Value.GetExponentByteCount();

    /// <inheritdoc cref="IFloatingPoint{TSelf}.GetExponentShortestBitLength" />
    int IFloatingPoint<Dual<T>>.GetExponentShortestBitLength() => Value.GetExponentShortestBitLength();

    /// <inheritdoc cref="IFloatingPoint{TSelf}.GetSignificandBitLength" />
    int IFloatingPoint<Dual<T>>.GetSignificandBitLength() => Value.GetSignificandBitLength();

    /// <inheritdoc cref="IFloatingPoint{TSelf}.GetSignificandByteCount" />
    int IFloatingPoint<Dual<T>>.GetSignificandByteCount() => Value.GetSignificandByteCount();

    /// <summary>Writes the exponent of the value (the derivative has no bit representation here), big-endian.</summary>
    /// <param name="destination">The destination.</param>
    /// <param name="bytesWritten">The number of bytes written.</param>
    /// <returns>Whether the exponent fitted.</returns>
    bool IFloatingPoint<Dual<T>>.TryWriteExponentBigEndian(Span<byte> destination, out int bytesWritten)
        => Value.TryWriteExponentBigEndian(destination, out bytesWritten);

    /// <summary>Writes the exponent of the value, little-endian.</summary>
    /// <param name="destination">The destination.</param>
    /// <param name="bytesWritten">The number of bytes written.</param>
    /// <returns>Whether the exponent fitted.</returns>
    bool IFloatingPoint<Dual<T>>.TryWriteExponentLittleEndian(Span<byte> destination, out int bytesWritten)
        => Value.TryWriteExponentLittleEndian(destination, out bytesWritten);

    /// <summary>Writes the significand of the value, big-endian.</summary>
    /// <param name="destination">The destination.</param>
    /// <param name="bytesWritten">The number of bytes written.</param>
    /// <returns>Whether the significand fitted.</returns>
    bool IFloatingPoint<Dual<T>>.TryWriteSignificandBigEndian(Span<byte> destination, out int bytesWritten)
        => Value.TryWriteSignificandBigEndian(destination, out bytesWritten);

    /// <summary>Writes the significand of the value, little-endian.</summary>
    /// <param name="destination">The destination.</param>
    /// <param name="bytesWritten">The number of bytes written.</param>
    /// <returns>Whether the significand fitted.</returns>
    bool IFloatingPoint<Dual<T>>.TryWriteSignificandLittleEndian(Span<byte> destination, out int bytesWritten)
        => Value.TryWriteSignificandLittleEndian(destination, out bytesWritten);

    //
    // IFloatingPointConstants
    //

    /// <summary>e (derivative 0).</summary>
    public static Dual<T> E => new(T.E, T.Zero);

    /// <summary>π (derivative 0).</summary>
    public static Dual<T> Pi => new(T.Pi, T.Zero);

    /// <summary>τ = 2π (derivative 0).</summary>
    public static Dual<T> Tau => new(T.Tau, T.Zero);

    //
    // IFloatingPointIeee754
    //

    /// <summary>The smallest positive subnormal of <typeparamref name="T"/> (derivative 0).</summary>
    public static Dual<T> Epsilon => new(T.Epsilon, T.Zero);

    /// <summary>NaN (derivative 0).</summary>
    public static Dual<T> NaN => new(T.NaN, T.Zero);

    /// <summary>−∞ (derivative 0).</summary>
    public static Dual<T> NegativeInfinity => new(T.NegativeInfinity, T.Zero);

    /// <summary>−0 (derivative 0).</summary>
    public static Dual<T> NegativeZero => new(T.NegativeZero, T.Zero);

    /// <summary>+∞ (derivative 0).</summary>
    public static Dual<T> PositiveInfinity => new(T.PositiveInfinity, T.Zero);

    /// <summary>atan2(y, x), the angle of the point (x, y); NaN derivatives at the origin.</summary>
    /// <param name="y">The ordinate.</param>
    /// <param name="x">The abscissa.</param>
    /// <returns>The angle in (−π, π].</returns>
    public static Dual<T> Atan2(Dual<T> y, Dual<T> x) => Apply<BinaryRules.Atan2>(y, x);

    /// <summary>atan2(y, x)/π.</summary>
    /// <param name="y">The ordinate.</param>
    /// <param name="x">The abscissa.</param>
    /// <returns>The angle in half-turns.</returns>
    public static Dual<T> Atan2Pi(Dual<T> y, Dual<T> x) => Apply<BinaryRules.Atan2Pi>(y, x);

    /// <summary>The next smaller value; the derivative passes through unchanged.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The next smaller representable value + the same derivative.</returns>
    public static Dual<T> BitDecrement(Dual<T> x) => new(T.BitDecrement(x.Value), x.Derivative);

    /// <summary>The next larger value; the derivative passes through unchanged.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The next larger representable value + the same derivative.</returns>
    public static Dual<T> BitIncrement(Dual<T> x) => new(T.BitIncrement(x.Value), x.Derivative);

    /// <summary>
    /// a·b + c with a single rounding of the value; the derivative is the exact product-sum rule a′b + ab′ + c′,
    /// itself evaluated with fused operations (strong zeros apply to each term).
    /// </summary>
    /// <param name="left">a.</param>
    /// <param name="right">b.</param>
    /// <param name="addend">c.</param>
    /// <returns>a·b + c.</returns>
    // fma(a + h, b + k, c + l) ≈ fma(a, b, c) + (a k + h b + l)
    public static Dual<T> FusedMultiplyAdd(Dual<T> left, Dual<T> right, Dual<T> addend)
    {
        T value = T.FusedMultiplyAdd(left.Value, right.Value, addend.Value);
        T derivative = T.FusedMultiplyAdd(left.Value, right.Derivative, T.FusedMultiplyAdd(left.Derivative, right.Value, addend.Derivative));
        if (T.IsNaN(derivative))
        {
            T first = StrongZero.IsExactZero(right.Derivative) ? T.Zero : left.Value * right.Derivative;
            T second = StrongZero.IsExactZero(left.Derivative) ? T.Zero : left.Derivative * right.Value;
            derivative = first + second + addend.Derivative;
        }

        return new(value, derivative);
    }

    /// <summary>The IEEE 754 remainder x − y·round(x/y); ∂/∂x = 1, ∂/∂y = −round(x/y).</summary>
    /// <param name="left">x.</param>
    /// <param name="right">y.</param>
    /// <returns>The remainder.</returns>
    public static Dual<T> Ieee754Remainder(Dual<T> left, Dual<T> right) => Apply<BinaryRules.Ieee754Remainder>(left, right);

    /// <summary>The unbiased exponent of the value (an integer: no derivative).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>⌊log₂|x|⌋ of the value.</returns>
    public static int ILogB(Dual<T> x) => T.ILogB(x.Value);

    /// <summary>Linear interpolation a·(1 − t) + b·t, differentiable in all three arguments.</summary>
    /// <remarks>
    /// The value is <c>T.Lerp</c> of the values (bit for bit what T gives, which may fuse the multiply-add);
    /// ∂/∂a = 1 − t, ∂/∂b = t, ∂/∂t = b − a, each with the strong-zero convention.
    /// </remarks>
    /// <param name="value1">a.</param>
    /// <param name="value2">b.</param>
    /// <param name="amount">t.</param>
    /// <returns>The interpolated value.</returns>
    public static Dual<T> Lerp(Dual<T> value1, Dual<T> value2, Dual<T> amount)
    {
        // lerp(a + h, b + k, t + s) ≈ lerp(a, b, t) + (1 − t) h + t k + (b − a) s
        T t = amount.Value;
        T derivative = StrongZero.Scale(T.One - t, value1.Derivative)
            + StrongZero.Scale(t, value2.Derivative)
            + StrongZero.Scale(value2.Value - value1.Value, amount.Derivative);
        return new(T.Lerp(value1.Value, value2.Value, t), derivative);
    }

    /// <summary>The platform estimate of 1/x for the value; the derivative −b/x² is that of the exact reciprocal.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>≈ 1/x.</returns>
    public static Dual<T> ReciprocalEstimate(Dual<T> x) => Apply<UnaryRules.ReciprocalEstimate>(x);

    /// <summary>The platform estimate of 1/√x for the value; the derivative is that of the exact function.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>≈ 1/√x.</returns>
    public static Dual<T> ReciprocalSqrtEstimate(Dual<T> x) => Apply<UnaryRules.ReciprocalSqrtEstimate>(x);

    /// <summary>x·2ⁿ computed exactly; derivative 2ⁿ·b.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="n">The power of two.</param>
    /// <returns>x·2ⁿ.</returns>
    public static Dual<T> ScaleB(Dual<T> x, int n) => Apply<ParameterizedRules.ScaleB>(x, T.CreateTruncating(n));

    //
    // INumber
    //

    /// <summary>
    /// Clamps the value to [min, max] (value as <typeparamref name="T"/>'s <c>Clamp</c>); at a bound (a tie) the
    /// derivative is the average of the argument's and the bound's, as for <see cref="Max"/> and <see cref="Min"/>.
    /// </summary>
    /// <param name="value">The argument.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    /// <returns>The clamped dual.</returns>
    /// <exception cref="ArgumentException"><paramref name="min"/> is greater than <paramref name="max"/>.</exception>
    public static Dual<T> Clamp(Dual<T> value, Dual<T> min, Dual<T> max)
    {
        if (min.Value > max.Value)
        {
            throw new ArgumentException($"Clamp: min ({min.Value}) must not be greater than max ({max.Value}).", nameof(min));
        }

        T clamped = T.Clamp(value.Value, min.Value, max.Value);

        // the derivative of Min(Max(value, min), max), with the tie rule at each stage
        T lower;
        T derivative;
        if (value.Value < min.Value)
        {
            lower = min.Value;
            derivative = min.Derivative;
        }
        else
        {
            lower = value.Value;
            derivative = Scalar.IsEqualValue(value.Value, min.Value) ? Scalar.Average(value.Derivative, min.Derivative) : value.Derivative;
        }

        if (lower > max.Value)
        {
            derivative = max.Derivative;
        }
        else if (Scalar.IsEqualValue(lower, max.Value))
        {
            derivative = Scalar.Average(derivative, max.Derivative);
        }

        return new(clamped, derivative);
    }

    /// <summary>|value| with the sign of <paramref name="sign"/>; the derivative is multiplied by the sign flip (±1), and <paramref name="sign"/> contributes none.</summary>
    /// <param name="value">The magnitude source.</param>
    /// <param name="sign">The sign source.</param>
    /// <returns>The dual with the copied sign.</returns>
    public static Dual<T> CopySign(Dual<T> value, Dual<T> sign)
    {
        T result = T.CopySign(value.Value, sign.Value);
        bool flipped = T.IsNegative(value.Value) != T.IsNegative(sign.Value);
        return new(result, flipped ? -value.Derivative : value.Derivative);
    }

    /// <summary>The larger value (NaN propagates; +0 beats −0); at a tie the derivatives are averaged.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>The larger argument.</returns>
    public static Dual<T> Max(Dual<T> x, Dual<T> y) => Select(x, y, T.Max(x.Value, y.Value));

    /// <summary>The larger value, a NaN losing to a number; at a tie the derivatives are averaged.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>The larger argument.</returns>
    public static Dual<T> MaxNumber(Dual<T> x, Dual<T> y) => Select(x, y, T.MaxNumber(x.Value, y.Value));

    /// <summary>The smaller value (NaN propagates; −0 beats +0); at a tie the derivatives are averaged.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>The smaller argument.</returns>
    public static Dual<T> Min(Dual<T> x, Dual<T> y) => Select(x, y, T.Min(x.Value, y.Value));

    /// <summary>The smaller value, a NaN losing to a number; at a tie the derivatives are averaged.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>The smaller argument.</returns>
    public static Dual<T> MinNumber(Dual<T> x, Dual<T> y) => Select(x, y, T.MinNumber(x.Value, y.Value));

    /// <summary>The sign of the value as an integer (−1, 0, +1); as for <typeparamref name="T"/>, a NaN value throws.</summary>
    /// <param name="value">The argument.</param>
    /// <returns>The sign of the value.</returns>
    /// <exception cref="ArithmeticException">The value is NaN (the behaviour of <typeparamref name="T"/>'s <c>Sign</c>).</exception>
    public static int Sign(Dual<T> value) => T.Sign(value.Value);

    //
    // ISignedNumber
    //

    /// <summary>The constant −1 (derivative 0).</summary>
    public static Dual<T> NegativeOne => new(-T.One, T.Zero);
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using ForwardDiff.Rules;

namespace ForwardDiff;

public readonly partial struct ChunkDual<T, TPartials> :
    IFloatingPointIeee754<ChunkDual<T, TPartials>>,
    IComparable,
    IComparable<ChunkDual<T, TPartials>>,
    IEquatable<ChunkDual<T, TPartials>>
{
    //
    // IComparable (on the value)
    //

    /// <summary>Orders by value only (partials are ignored), as <c>&lt;</c> does; NaN orders first, like <see cref="double.CompareTo(double)"/>.</summary>
    /// <param name="obj">Another <see cref="ChunkDual{T, TPartials}"/> or null.</param>
    /// <returns>The sign of the comparison of the values.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="ChunkDual{T, TPartials}"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        ChunkDual<T, TPartials> other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(ChunkDual<T, TPartials>)}.", nameof(obj)),
    };

    /// <summary>Orders by value only (partials are ignored), as <c>&lt;</c> does.</summary>
    /// <param name="other">The other dual.</param>
    /// <returns>The sign of the comparison of the values.</returns>
    public int CompareTo(ChunkDual<T, TPartials> other) => _value.CompareTo(other._value);

    //
    // IEquatable (value and every partial; NaN equals NaN as in double.Equals)
    //

    /// <summary>True when the values and every partial are equal in the sense of <see cref="double.Equals(double)"/> (NaN equals NaN, −0 equals +0).</summary>
    /// <param name="other">The other dual.</param>
    /// <returns>Whether the two are the same number.</returns>
    public bool Equals(ChunkDual<T, TPartials> other)
        => _value.Equals(other._value) && PartialsMath.EqualsMethod(ref FirstPartial, ref other.FirstPartial, TPartials.Count);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ChunkDual<T, TPartials> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(_value);
        ref T p = ref FirstPartial;
        for (int i = 0; i < TPartials.Count; i++)
        {
            hash.Add(System.Runtime.CompilerServices.Unsafe.Add(ref p, i));
        }

        return hash.ToHashCode();
    }

    //
    // IFormattable, ISpanFormattable
    //

    /// <summary>Formats as <c>value + [p₁, …, p_N]ε</c>, each number with <paramref name="format"/> and <paramref name="formatProvider"/>.</summary>
    /// <param name="format">A numeric format for the value and the partials, or null.</param>
    /// <param name="formatProvider">Culture information, or null for the current culture.</param>
    /// <returns>The text.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        StringBuilder text = new();
        text.Append(_value.ToString(format, formatProvider)).Append(" + [");
        ref T p = ref FirstPartial;
        for (int i = 0; i < TPartials.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(System.Runtime.CompilerServices.Unsafe.Add(ref p, i).ToString(format, formatProvider));
        }

        return text.Append("]ε").ToString();
    }

    /// <summary>Formats as <c>value + [p₁, …, p_N]ε</c> in the invariant culture.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <inheritdoc cref="ISpanFormattable.TryFormat(Span{char}, out int, ReadOnlySpan{char}, IFormatProvider?)" />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        string text = ToString(format.IsEmpty ? null : format.ToString(), provider);
        if (text.AsSpan().TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    //
    // IParsable, ISpanParsable, INumberBase parsing: the text of a plain number becomes a constant
    //

    /// <summary>Parses a plain number (e.g. "2.5") into a constant.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Culture information.</param>
    /// <returns>The constant.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a number.</exception>
    public static ChunkDual<T, TPartials> Parse(string s, IFormatProvider? provider) => new(T.Parse(s, provider));

    /// <summary>Parses a plain number into a constant.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Culture information.</param>
    /// <returns>The constant.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a number.</exception>
    public static ChunkDual<T, TPartials> Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(T.Parse(s, provider));

    /// <summary>Parses a plain number into a constant.</summary>
    /// <param name="s">The text.</param>
    /// <param name="style">The permitted number style.</param>
    /// <param name="provider">Culture information.</param>
    /// <returns>The constant.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a number.</exception>
    public static ChunkDual<T, TPartials> Parse(string s, NumberStyles style, IFormatProvider? provider) => new(T.Parse(s, style, provider));

    /// <summary>Parses a plain number into a constant.</summary>
    /// <param name="s">The text.</param>
    /// <param name="style">The permitted number style.</param>
    /// <param name="provider">Culture information.</param>
    /// <returns>The constant.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a number.</exception>
    public static ChunkDual<T, TPartials> Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => new(T.Parse(s, style, provider));

    /// <summary>Tries to parse a plain number into a constant.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Culture information.</param>
    /// <param name="result">The constant, or zero.</param>
    /// <returns>Whether the text was a number.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ChunkDual<T, TPartials> result)
        => Wrap(T.TryParse(s, provider, out T? value), value, out result);

    /// <summary>Tries to parse a plain number into a constant.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Culture information.</param>
    /// <param name="result">The constant, or zero.</param>
    /// <returns>Whether the text was a number.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ChunkDual<T, TPartials> result)
        => Wrap(T.TryParse(s, provider, out T? value), value, out result);

    /// <summary>Tries to parse a plain number into a constant.</summary>
    /// <param name="s">The text.</param>
    /// <param name="style">The permitted number style.</param>
    /// <param name="provider">Culture information.</param>
    /// <param name="result">The constant, or zero.</param>
    /// <returns>Whether the text was a number.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, out ChunkDual<T, TPartials> result)
        => Wrap(T.TryParse(s, style, provider, out T? value), value, out result);

    /// <summary>Tries to parse a plain number into a constant.</summary>
    /// <param name="s">The text.</param>
    /// <param name="style">The permitted number style.</param>
    /// <param name="provider">Culture information.</param>
    /// <param name="result">The constant, or zero.</param>
    /// <returns>Whether the text was a number.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out ChunkDual<T, TPartials> result)
        => Wrap(T.TryParse(s, style, provider, out T? value), value, out result);

    private static bool Wrap(bool ok, T? value, out ChunkDual<T, TPartials> result)
    {
        result = ok && value is not null ? new(value) : new(T.Zero);
        return ok;
    }

    //
    // IFloatingPoint: rounding is piecewise constant, so the partials are zero
    //

    /// <summary>⌈x⌉ with zero partials (the derivative of a step function away from its jumps).</summary>
    /// <param name="x">The number.</param>
    /// <returns>⌈x⌉ as a constant.</returns>
    public static ChunkDual<T, TPartials> Ceiling(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Ceiling>(x);

    /// <summary>⌊x⌋ with zero partials.</summary>
    /// <param name="x">The number.</param>
    /// <returns>⌊x⌋ as a constant.</returns>
    public static ChunkDual<T, TPartials> Floor(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Floor>(x);

    /// <summary>x rounded to an integer (ties to even) with zero partials.</summary>
    /// <param name="x">The number.</param>
    /// <returns>The rounded constant.</returns>
    public static ChunkDual<T, TPartials> Round(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Round>(x);

    /// <summary>x rounded to <paramref name="digits"/> fractional digits with zero partials.</summary>
    /// <param name="x">The number.</param>
    /// <param name="digits">Fractional digits.</param>
    /// <returns>The rounded constant.</returns>
    public static ChunkDual<T, TPartials> Round(ChunkDual<T, TPartials> x, int digits) => Flat(T.Round(x._value, digits));

    /// <summary>x rounded with <paramref name="mode"/>, zero partials.</summary>
    /// <param name="x">The number.</param>
    /// <param name="mode">The rounding mode.</param>
    /// <returns>The rounded constant.</returns>
    public static ChunkDual<T, TPartials> Round(ChunkDual<T, TPartials> x, MidpointRounding mode) => Flat(T.Round(x._value, mode));

    /// <summary>x rounded to <paramref name="digits"/> digits with <paramref name="mode"/>, zero partials.</summary>
    /// <param name="x">The number.</param>
    /// <param name="digits">Fractional digits.</param>
    /// <param name="mode">The rounding mode.</param>
    /// <returns>The rounded constant.</returns>
    public static ChunkDual<T, TPartials> Round(ChunkDual<T, TPartials> x, int digits, MidpointRounding mode) => Flat(T.Round(x._value, digits, mode));

    /// <summary>x rounded toward zero with zero partials.</summary>
    /// <param name="x">The number.</param>
    /// <returns>The truncated constant.</returns>
    public static ChunkDual<T, TPartials> Truncate(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Truncate>(x);

    // The binary representation queries describe the value.

    /// <inheritdoc />
    int IFloatingPoint<ChunkDual<T, TPartials>>.GetExponentByteCount() => _value.GetExponentByteCount();

    /// <inheritdoc />
    int IFloatingPoint<ChunkDual<T, TPartials>>.GetExponentShortestBitLength() => _value.GetExponentShortestBitLength();

    /// <inheritdoc />
    int IFloatingPoint<ChunkDual<T, TPartials>>.GetSignificandBitLength() => _value.GetSignificandBitLength();

    /// <inheritdoc />
    int IFloatingPoint<ChunkDual<T, TPartials>>.GetSignificandByteCount() => _value.GetSignificandByteCount();

    /// <inheritdoc />
    bool IFloatingPoint<ChunkDual<T, TPartials>>.TryWriteExponentBigEndian(Span<byte> destination, out int bytesWritten) => _value.TryWriteExponentBigEndian(destination, out bytesWritten);

    /// <inheritdoc />
    bool IFloatingPoint<ChunkDual<T, TPartials>>.TryWriteExponentLittleEndian(Span<byte> destination, out int bytesWritten) => _value.TryWriteExponentLittleEndian(destination, out bytesWritten);

    /// <inheritdoc />
    bool IFloatingPoint<ChunkDual<T, TPartials>>.TryWriteSignificandBigEndian(Span<byte> destination, out int bytesWritten) => _value.TryWriteSignificandBigEndian(destination, out bytesWritten);

    /// <inheritdoc />
    bool IFloatingPoint<ChunkDual<T, TPartials>>.TryWriteSignificandLittleEndian(Span<byte> destination, out int bytesWritten) => _value.TryWriteSignificandLittleEndian(destination, out bytesWritten);

    //
    // IFloatingPointIeee754 constants
    //

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.Epsilon" />
    public static ChunkDual<T, TPartials> Epsilon => new(T.Epsilon);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.NaN" />
    public static ChunkDual<T, TPartials> NaN => new(T.NaN);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.NegativeInfinity" />
    public static ChunkDual<T, TPartials> NegativeInfinity => new(T.NegativeInfinity);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.NegativeZero" />
    public static ChunkDual<T, TPartials> NegativeZero => new(T.NegativeZero);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.PositiveInfinity" />
    public static ChunkDual<T, TPartials> PositiveInfinity => new(T.PositiveInfinity);

    //
    // INumber
    //

    /// <summary>Clamps x to [min, max] as <c>Min(Max(x, min), max)</c>, so at a bound the partials average (tie convention).</summary>
    /// <param name="value">The number.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    /// <returns>The clamped number.</returns>
    /// <exception cref="ArgumentException"><paramref name="min"/> is greater than <paramref name="max"/>.</exception>
    public static ChunkDual<T, TPartials> Clamp(ChunkDual<T, TPartials> value, ChunkDual<T, TPartials> min, ChunkDual<T, TPartials> max)
    {
        if (min._value > max._value)
        {
            throw new ArgumentException($"'{min._value}' cannot be greater than {max._value}.", nameof(min));
        }

        return Min(Max(value, min), max);
    }

    // copysign(a + h, b) = s a + s h with s = ±1 (whether the sign changes); y only supplies a sign bit.
    /// <inheritdoc cref="INumber{TSelf}.CopySign(TSelf, TSelf)" />
    public static ChunkDual<T, TPartials> CopySign(ChunkDual<T, TPartials> value, ChunkDual<T, TPartials> sign)
    {
        T result = T.CopySign(value._value, sign._value);
        T factor = T.IsNegative(result) == T.IsNegative(value._value) ? T.One : -T.One;
        return Chain(result, factor, value);
    }

    /// <summary>The larger of x and y; at a tie (x.Value == y.Value) the partials are the average of both, so the result does not depend on argument order. NaN propagates.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The maximum.</returns>
    public static ChunkDual<T, TPartials> Max(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y)
    {
        if (T.IsNaN(x._value))
        {
            return x;
        }

        if (T.IsNaN(y._value))
        {
            return y;
        }

        return Select(x, y, T.Max(x._value, y._value), x._value > y._value, x._value < y._value);
    }

    /// <summary>The larger of x and y, a NaN argument losing to a number; ties average as in <see cref="Max"/>.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The maximum.</returns>
    public static ChunkDual<T, TPartials> MaxNumber(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y)
    {
        if (T.IsNaN(x._value))
        {
            return y;
        }

        return T.IsNaN(y._value) ? x : Max(x, y);
    }

    /// <summary>The smaller of x and y; at a tie the partials are the average of both. NaN propagates.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The minimum.</returns>
    public static ChunkDual<T, TPartials> Min(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y)
    {
        if (T.IsNaN(x._value))
        {
            return x;
        }

        if (T.IsNaN(y._value))
        {
            return y;
        }

        return Select(x, y, T.Min(x._value, y._value), x._value < y._value, x._value > y._value);
    }

    /// <summary>The smaller of x and y, a NaN argument losing to a number; ties average as in <see cref="Min"/>.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The minimum.</returns>
    public static ChunkDual<T, TPartials> MinNumber(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y)
    {
        if (T.IsNaN(x._value))
        {
            return y;
        }

        return T.IsNaN(y._value) ? x : Min(x, y);
    }

    /// <inheritdoc cref="INumber{TSelf}.Sign(TSelf)" />
    public static int Sign(ChunkDual<T, TPartials> value) => T.Sign(value._value);

    // Picks x when xWins, y when yWins, and at a tie averages the partials: ½ ∂x + ½ ∂y (the tie convention).
    private static ChunkDual<T, TPartials> Select(in ChunkDual<T, TPartials> x, in ChunkDual<T, TPartials> y, T value, bool xWins, bool yWins)
    {
        if (xWins)
        {
            return WithValue(value, x);
        }

        if (yWins)
        {
            return WithValue(value, y);
        }

        T half = T.One / (T.One + T.One);
        return Chain(value, half, x, half, y);
    }

    //
    // INumberBase
    //

    /// <inheritdoc cref="INumberBase{TSelf}.One" />
    public static ChunkDual<T, TPartials> One
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(T.One);
    }

    /// <inheritdoc />
    static int INumberBase<ChunkDual<T, TPartials>>.Radix => T.Radix;

    /// <inheritdoc cref="INumberBase{TSelf}.Zero" />
    public static ChunkDual<T, TPartials> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(T.Zero);
    }

    /// <inheritdoc cref="ISignedNumber{TSelf}.NegativeOne" />
    public static ChunkDual<T, TPartials> NegativeOne => new(-T.One);

    // |a + h| = |a| + sign(a) h, the sign taken from the sign bit, so |·| at +0 has slope +1 and at −0 slope −1
    // (the branch the value takes).
    /// <summary>|x|; at ±0 the derivative follows the sign bit (+1 at +0, −1 at −0).</summary>
    /// <param name="value">The number.</param>
    /// <returns>|x|.</returns>
    public static ChunkDual<T, TPartials> Abs(ChunkDual<T, TPartials> value) => Unary<UnaryRules.Abs>(value);

    /// <inheritdoc />
    static bool INumberBase<ChunkDual<T, TPartials>>.IsCanonical(ChunkDual<T, TPartials> value) => true;

    /// <inheritdoc />
    static bool INumberBase<ChunkDual<T, TPartials>>.IsComplexNumber(ChunkDual<T, TPartials> value) => false;

    /// <summary>Whether the value is an even integer (partials are ignored).</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the value is even.</returns>
    public static bool IsEvenInteger(ChunkDual<T, TPartials> value) => T.IsEvenInteger(value._value);

    /// <summary>Whether the value is finite (partials are ignored).</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the value is finite.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsFinite(ChunkDual<T, TPartials> value) => T.IsFinite(value._value);

    /// <inheritdoc />
    static bool INumberBase<ChunkDual<T, TPartials>>.IsImaginaryNumber(ChunkDual<T, TPartials> value) => false;

    /// <summary>Whether the value is infinite (partials are ignored).</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the value is ±∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsInfinity(ChunkDual<T, TPartials> value) => T.IsInfinity(value._value);

    /// <summary>Whether the value is an integer (partials are ignored).</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the value is an integer.</returns>
    public static bool IsInteger(ChunkDual<T, TPartials> value) => T.IsInteger(value._value);

    /// <summary>Whether the value is NaN (partials are ignored).</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the value is NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNaN(ChunkDual<T, TPartials> value) => T.IsNaN(value._value);

    /// <summary>Whether the value is negative, −0 included (partials are ignored).</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the sign bit of the value is set.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNegative(ChunkDual<T, TPartials> value) => T.IsNegative(value._value);

    /// <summary>Whether the value is −∞.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the value is −∞.</returns>
    public static bool IsNegativeInfinity(ChunkDual<T, TPartials> value) => T.IsNegativeInfinity(value._value);

    /// <summary>Whether the value is normal.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the value is normal.</returns>
    public static bool IsNormal(ChunkDual<T, TPartials> value) => T.IsNormal(value._value);

    /// <summary>Whether the value is an odd integer.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the value is odd.</returns>
    public static bool IsOddInteger(ChunkDual<T, TPartials> value) => T.IsOddInteger(value._value);

    /// <summary>Whether the value is positive, +0 included.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the sign bit of the value is clear.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPositive(ChunkDual<T, TPartials> value) => T.IsPositive(value._value);

    /// <summary>Whether the value is +∞.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the value is +∞.</returns>
    public static bool IsPositiveInfinity(ChunkDual<T, TPartials> value) => T.IsPositiveInfinity(value._value);

    /// <inheritdoc />
    static bool INumberBase<ChunkDual<T, TPartials>>.IsRealNumber(ChunkDual<T, TPartials> value) => T.IsRealNumber(value._value);

    /// <summary>Whether the value is subnormal.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the value is subnormal.</returns>
    public static bool IsSubnormal(ChunkDual<T, TPartials> value) => T.IsSubnormal(value._value);

    /// <summary>True only when the value and every partial are zero: a zero value that still carries a perturbation is not zero, so <c>x == 0 ? a : b</c> in user code does not drop derivatives.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the dual is exactly zero.</returns>
    public static bool IsZero(ChunkDual<T, TPartials> value)
        => T.IsZero(value._value) && PartialsMath.AllZero(ref value.FirstPartial, TPartials.Count);

    /// <summary>The argument of larger magnitude; at equal values the partials average (tie convention). NaN propagates.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The argument of larger magnitude.</returns>
    public static ChunkDual<T, TPartials> MaxMagnitude(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y)
    {
        if (T.IsNaN(x._value))
        {
            return x;
        }

        if (T.IsNaN(y._value))
        {
            return y;
        }

        T value = T.MaxMagnitude(x._value, y._value);
        T ax = T.Abs(x._value);
        T ay = T.Abs(y._value);
        return x._value == y._value ? Select(x, y, value, false, false) : (ax > ay || (ax == ay && value == x._value && !T.IsNegative(x._value))) ? WithValue(value, x) : WithValue(value, y);
    }

    /// <summary>As <see cref="MaxMagnitude"/>, a NaN argument losing to a number.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The argument of larger magnitude.</returns>
    public static ChunkDual<T, TPartials> MaxMagnitudeNumber(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y)
    {
        if (T.IsNaN(x._value))
        {
            return y;
        }

        return T.IsNaN(y._value) ? x : MaxMagnitude(x, y);
    }

    /// <summary>The argument of smaller magnitude; at equal values the partials average (tie convention). NaN propagates.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The argument of smaller magnitude.</returns>
    public static ChunkDual<T, TPartials> MinMagnitude(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y)
    {
        if (T.IsNaN(x._value))
        {
            return x;
        }

        if (T.IsNaN(y._value))
        {
            return y;
        }

        T value = T.MinMagnitude(x._value, y._value);
        T ax = T.Abs(x._value);
        T ay = T.Abs(y._value);
        return x._value == y._value ? Select(x, y, value, false, false) : (ax < ay || (ax == ay && value == x._value && T.IsNegative(x._value))) ? WithValue(value, x) : WithValue(value, y);
    }

    /// <summary>As <see cref="MinMagnitude"/>, a NaN argument losing to a number.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The argument of smaller magnitude.</returns>
    public static ChunkDual<T, TPartials> MinMagnitudeNumber(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y)
    {
        if (T.IsNaN(x._value))
        {
            return y;
        }

        return T.IsNaN(y._value) ? x : MinMagnitude(x, y);
    }

    // Conversions. From a plain number (any BCL numeric type, or T itself) → a constant. To a plain number → the
    // value, the partials dropped: generic code that converts to double on purpose (to print, to index) gets the
    // number it sees. Between dual types → not supported (returns false, so CreateChecked throws NotSupportedException).

    /// <inheritdoc />
    static bool INumberBase<ChunkDual<T, TPartials>>.TryConvertFromChecked<TOther>(TOther value, out ChunkDual<T, TPartials> result)
    {
        if (ChunkConversions.IsPlainNumber<TOther, T>())
        {
            result = new(T.CreateChecked(value));
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    static bool INumberBase<ChunkDual<T, TPartials>>.TryConvertFromSaturating<TOther>(TOther value, out ChunkDual<T, TPartials> result)
    {
        if (ChunkConversions.IsPlainNumber<TOther, T>())
        {
            result = new(T.CreateSaturating(value));
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    static bool INumberBase<ChunkDual<T, TPartials>>.TryConvertFromTruncating<TOther>(TOther value, out ChunkDual<T, TPartials> result)
    {
        if (ChunkConversions.IsPlainNumber<TOther, T>())
        {
            result = new(T.CreateTruncating(value));
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    static bool INumberBase<ChunkDual<T, TPartials>>.TryConvertToChecked<TOther>(ChunkDual<T, TPartials> value, [MaybeNullWhen(false)] out TOther result)
    {
        if (ChunkConversions.IsPlainNumber<TOther, T>())
        {
            result = TOther.CreateChecked(value._value);
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    static bool INumberBase<ChunkDual<T, TPartials>>.TryConvertToSaturating<TOther>(ChunkDual<T, TPartials> value, [MaybeNullWhen(false)] out TOther result)
    {
        if (ChunkConversions.IsPlainNumber<TOther, T>())
        {
            result = TOther.CreateSaturating(value._value);
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    static bool INumberBase<ChunkDual<T, TPartials>>.TryConvertToTruncating<TOther>(ChunkDual<T, TPartials> value, [MaybeNullWhen(false)] out TOther result)
    {
        if (ChunkConversions.IsPlainNumber<TOther, T>())
        {
            result = TOther.CreateTruncating(value._value);
            return true;
        }

        result = default;
        return false;
    }
}

/// <summary>The conversion policy of <see cref="ChunkDual{T, TPartials}"/>.</summary>
internal static class ChunkConversions
{
    /// <summary>True when <typeparamref name="TOther"/> is a BCL number type or the scalar type itself (a JIT-time constant).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPlainNumber<TOther, T>()
    {
        Type t = typeof(TOther);
        return t == typeof(T) || t == typeof(double) || t == typeof(float) || t == typeof(Half) || t == typeof(decimal)
            || t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(sbyte) || t == typeof(byte)
            || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong) || t == typeof(nint) || t == typeof(nuint)
            || t == typeof(Int128) || t == typeof(UInt128) || t == typeof(char) || t == typeof(BigInteger);
    }
}

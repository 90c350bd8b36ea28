using System.Globalization;
using System.Numerics;
using ForwardDiff.Internal;

namespace ForwardDiff;

public readonly partial struct Dual<T>
{
    //
    // IFormattable, ISpanFormattable
    //

    /// <summary>Formats as <c>"value + derivativeε"</c> (e.g. <c>"1.5 + 2ε"</c>, <c>"1.5 - 2ε"</c>) in the current culture.</summary>
    /// <returns>The text form, which <see cref="Parse(string, IFormatProvider?)"/> reads back.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats as <c>"value + derivativeε"</c>, each component with <paramref name="format"/> and
    /// <paramref name="provider"/>; components of a nested dual are parenthesised: <c>"(1 + 2ε) + (3 + 4ε)ε"</c>.
    /// </summary>
    /// <param name="format">The numeric format for each component (e.g. <c>"R"</c>, <c>"G17"</c>, <c>"F3"</c>).</param>
    /// <param name="provider">The culture.</param>
    /// <returns>The text form.</returns>
    public string ToString(string? format, IFormatProvider? provider)
        => DualText.ToString<T>([Value, Derivative], DualText.DualSuffixes, format, provider);

    /// <summary>Formats as <c>"value + derivativeε"</c> into <paramref name="destination"/> without allocating.</summary>
    /// <param name="destination">The destination.</param>
    /// <param name="charsWritten">The number of characters written (0 when the text does not fit).</param>
    /// <param name="format">The numeric format for each component.</param>
    /// <param name="provider">The culture.</param>
    /// <returns>Whether the text fitted.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => DualText.TryFormat<T>([Value, Derivative], DualText.DualSuffixes, destination, out charsWritten, format, provider);

    //
    // IParsable, ISpanParsable, INumberBase parsing
    //

    /// <summary>
    /// Parses a number (derivative 0) or the <c>"value + derivativeε"</c> form written by <see cref="ToString()"/>.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture.</param>
    /// <returns>The dual.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a valid dual; the message quotes it.</exception>
    public static Dual<T> Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), NumberStyles.Float | NumberStyles.AllowThousands, provider);
    }

    /// <inheritdoc cref="Parse(string, IFormatProvider?)" />
    /// <param name="s">The text.</param>
    /// <param name="style">The number style of each component.</param>
    /// <param name="provider">The culture.</param>
    public static Dual<T> Parse(string s, NumberStyles style, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    /// <inheritdoc cref="Parse(string, IFormatProvider?)" />
    public static Dual<T> Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider);

    /// <inheritdoc cref="Parse(string, IFormatProvider?)" />
    /// <param name="s">The text.</param>
    /// <param name="style">The number style of each component.</param>
    /// <param name="provider">The culture.</param>
    public static Dual<T> Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider)
    {
        if (!TryParse(s, style, provider, out Dual<T> result))
        {
            throw DualText.InvalidText(s, TypeName);
        }

        return result;
    }

    /// <summary>Tries to parse a number (derivative 0) or the <c>"value + derivativeε"</c> form.</summary>
    /// <param name="s">The text (null gives false).</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The dual, or zero on failure.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse(string? s, IFormatProvider? provider, out Dual<T> result)
        => TryParse(s.AsSpan(), NumberStyles.Float | NumberStyles.AllowThousands, provider, out result);

    /// <inheritdoc cref="TryParse(string?, IFormatProvider?, out Dual{T})" />
    /// <param name="s">The text (null gives false).</param>
    /// <param name="style">The number style of each component.</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The dual, or zero on failure.</param>
    public static bool TryParse(string? s, NumberStyles style, IFormatProvider? provider, out Dual<T> result)
        => TryParse(s.AsSpan(), style, provider, out result);

    /// <inheritdoc cref="TryParse(string?, IFormatProvider?, out Dual{T})" />
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Dual<T> result)
        => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider, out result);

    /// <inheritdoc cref="TryParse(string?, IFormatProvider?, out Dual{T})" />
    /// <param name="s">The text.</param>
    /// <param name="style">The number style of each component.</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The dual, or zero on failure.</param>
    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out Dual<T> result)
    {
        Span<T> components = [T.Zero, T.Zero];
        if (!DualText.TryParse(s, style, provider, DualText.DualSuffixes, components))
        {
            result = Zero;
            return false;
        }

        result = new(components[0], components[1]);
        return true;
    }

    private static string TypeName => $"Dual<{typeof(T).Name}>";
}

using System.Globalization;
using ForwardDiff.Internal;

namespace ForwardDiff;

public readonly partial struct HyperDual<T>
{
    // The text form is the one every dual flavour shares (ForwardDiff.Internal.DualText): a sum of terms with the
    // suffixes ε₁, ε₂, ε₁ε₂, e.g. "2 + 3ε₁ + 3ε₂ + 1ε₁ε₂"; components of a nested number are parenthesised.
    private static readonly string[] Suffixes = [string.Empty, "ε₁", "ε₂", "ε₁ε₂"];

    private const NumberStyles DefaultStyle = NumberStyles.Float | NumberStyles.AllowThousands;

    //
    // IFormattable, ISpanFormattable
    //

    /// <summary>Formats as <c>"value + e1ε₁ + e2ε₂ + e1e2ε₁ε₂"</c> (e.g. <c>"4 + 4ε₁ + 4ε₂ + 2ε₁ε₂"</c>) in the current culture.</summary>
    /// <returns>The text form, which <see cref="Parse(string, IFormatProvider?)"/> reads back.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats as <c>"value + e1ε₁ + e2ε₂ + e1e2ε₁ε₂"</c>, each component with <paramref name="format"/> and
    /// <paramref name="provider"/>; a negative component is written with <c>-</c> (<c>"1 - 2ε₁ + …"</c>).
    /// </summary>
    /// <param name="format">The numeric format for each component (e.g. <c>"R"</c>, <c>"G17"</c>, <c>"F3"</c>).</param>
    /// <param name="provider">The culture.</param>
    /// <returns>The text form.</returns>
    public string ToString(string? format, IFormatProvider? provider)
        => DualText.ToString<T>([Value, E1, E2, E1E2], Suffixes, format, provider);

    /// <summary>Formats into <paramref name="destination"/> without allocating.</summary>
    /// <param name="destination">The destination.</param>
    /// <param name="charsWritten">The number of characters written (0 when the text does not fit).</param>
    /// <param name="format">The numeric format for each component.</param>
    /// <param name="provider">The culture.</param>
    /// <returns>Whether the text fitted.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => DualText.TryFormat<T>([Value, E1, E2, E1E2], Suffixes, destination, out charsWritten, format, provider);

    //
    // IParsable, ISpanParsable, INumberBase parsing
    //

    /// <summary>
    /// Parses a number (all perturbations 0) or the form written by <see cref="ToString()"/>; terms may be missing
    /// (<c>"2 + 1ε₁ε₂"</c>) but each suffix appears at most once.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture.</param>
    /// <returns>The hyper-dual number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a valid hyper-dual number; the message quotes it.</exception>
    public static HyperDual<T> Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), DefaultStyle, provider);
    }

    /// <inheritdoc cref="Parse(string, IFormatProvider?)" />
    /// <param name="s">The text.</param>
    /// <param name="style">The number style of each component.</param>
    /// <param name="provider">The culture.</param>
    public static HyperDual<T> Parse(string s, NumberStyles style, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    /// <inheritdoc cref="Parse(string, IFormatProvider?)" />
    public static HyperDual<T> Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s, DefaultStyle, provider);

    /// <inheritdoc cref="Parse(string, IFormatProvider?)" />
    /// <param name="s">The text.</param>
    /// <param name="style">The number style of each component.</param>
    /// <param name="provider">The culture.</param>
    public static HyperDual<T> Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider)
    {
        if (!TryParse(s, style, provider, out HyperDual<T> result))
        {
            throw new FormatException(
                $"The text '{s.ToString()}' is not a valid HyperDual<{typeof(T).Name}>: expected a number (perturbations 0) or the form 'value + e1ε₁ + e2ε₂ + e1e2ε₁ε₂' as written by ToString.");
        }

        return result;
    }

    /// <summary>Tries to parse a number (perturbations 0) or the <c>"value + e1ε₁ + e2ε₂ + e1e2ε₁ε₂"</c> form.</summary>
    /// <param name="s">The text (null gives false).</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The number, or zero on failure.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse(string? s, IFormatProvider? provider, out HyperDual<T> result)
        => TryParse(s.AsSpan(), DefaultStyle, provider, out result);

    /// <inheritdoc cref="TryParse(string?, IFormatProvider?, out HyperDual{T})" />
    /// <param name="s">The text (null gives false).</param>
    /// <param name="style">The number style of each component.</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The number, or zero on failure.</param>
    public static bool TryParse(string? s, NumberStyles style, IFormatProvider? provider, out HyperDual<T> result)
        => TryParse(s.AsSpan(), style, provider, out result);

    /// <inheritdoc cref="TryParse(string?, IFormatProvider?, out HyperDual{T})" />
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out HyperDual<T> result)
        => TryParse(s, DefaultStyle, provider, out result);

    /// <inheritdoc cref="TryParse(string?, IFormatProvider?, out HyperDual{T})" />
    /// <param name="s">The text.</param>
    /// <param name="style">The number style of each component.</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The number, or zero on failure.</param>
    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out HyperDual<T> result)
    {
        Span<T> components = [T.Zero, T.Zero, T.Zero, T.Zero];
        if (!DualText.TryParse(s, style, provider, Suffixes, components))
        {
            result = Zero;
            return false;
        }

        result = new(components[0], components[1], components[2], components[3]);
        return true;
    }
}

using System.Globalization;
using System.Numerics;

namespace ForwardDiff.Internal;

/// <summary>
/// Text form shared by every dual flavour: components written as a sum of terms, <c>"1.5 + 2ε"</c>, where each term
/// after the first is a component followed by its suffix (<c>ε</c>; a hyper-dual uses <c>ε₁</c>, <c>ε₂</c>, <c>ε₁ε₂</c>).
/// </summary>
/// <remarks>
/// Design: a term's sign is written as the operator (<c>"1 - 2ε"</c>), so the text reads as mathematics; a NaN is
/// always written with <c>+</c>. Components that are themselves composite (those of a nested dual) are written in
/// parentheses, joined with <c>+</c>: <c>"(1 + 2ε) + (3 + 4ε)ε"</c>. Each component uses the caller's format and provider,
/// so with the round-trip formats (<c>"R"</c>, or the default shortest form of .NET Core) Parse gives back the same
/// bits. Parsing splits at top-level <c>" + "</c> / <c>" - "</c> (space, sign, space): exponent signs (<c>1E+20</c>) have
/// no spaces around them. A plain number parses as a value with derivative 0. Formatting writes straight into the
/// destination span and allocates nothing.
/// </remarks>
internal static class DualText
{
    /// <summary>The suffix of the first derivative of <c>Dual&lt;T&gt;</c>.</summary>
    public const string EpsilonSuffix = "ε";

    /// <summary>Suffixes of <c>Dual&lt;T&gt;</c>: the value has none, the derivative ε.</summary>
    public static readonly string[] DualSuffixes = [string.Empty, EpsilonSuffix];

    /// <summary>Formats the components as a sum of terms into <paramref name="destination"/>.</summary>
    public static bool TryFormat<T>(
        scoped ReadOnlySpan<T> components,
        ReadOnlySpan<string> suffixes,
        Span<char> destination,
        out int charsWritten,
        ReadOnlySpan<char> format,
        IFormatProvider? provider)
        where T : IFloatingPointIeee754<T>
    {
        bool composite = Composite<T>.Is;
        int written = 0;
        for (int i = 0; i < components.Length; i++)
        {
            T component = components[i];
            bool negate = false;
            if (i > 0)
            {
                negate = !composite && T.IsNegative(component) && !T.IsNaN(component);
                if (!TryAppend(negate ? " - " : " + ", destination, ref written))
                {
                    charsWritten = 0;
                    return false;
                }
            }

            bool parenthesize = composite;
            if (parenthesize && !TryAppend("(", destination, ref written))
            {
                charsWritten = 0;
                return false;
            }

            if (!(negate ? -component : component).TryFormat(destination[written..], out int count, format, provider))
            {
                charsWritten = 0;
                return false;
            }

            written += count;
            if ((parenthesize && !TryAppend(")", destination, ref written)) || !TryAppend(suffixes[i], destination, ref written))
            {
                charsWritten = 0;
                return false;
            }
        }

        charsWritten = written;
        return true;
    }

    /// <summary>Formats the components into a new string (a stack buffer first, a larger heap buffer only for very long text).</summary>
    public static string ToString<T>(scoped ReadOnlySpan<T> components, ReadOnlySpan<string> suffixes, string? format, IFormatProvider? provider)
        where T : IFloatingPointIeee754<T>
    {
        Span<char> buffer = stackalloc char[256];
        if (TryFormat(components, suffixes, buffer, out int written, format, provider))
        {
            return new string(buffer[..written]);
        }

        for (int size = 1024; ; size *= 4)
        {
            char[] heap = new char[size];
            if (TryFormat(components, suffixes, heap, out written, format, provider))
            {
                return new string(heap, 0, written);
            }
        }
    }

    /// <summary>
    /// Parses a sum of terms into <paramref name="components"/> (missing terms are zero, each suffix at most once).
    /// </summary>
    public static bool TryParse<T>(ReadOnlySpan<char> text, NumberStyles style, IFormatProvider? provider, ReadOnlySpan<string> suffixes, Span<T> components)
        where T : IFloatingPointIeee754<T>
    {
        components.Clear();
        Span<bool> seen = stackalloc bool[components.Length];
        seen.Clear();
        ReadOnlySpan<char> s = text.Trim();
        if (s.IsEmpty)
        {
            return false;
        }

        int start = 0;
        bool negative = false;
        int depth = 0;
        for (int i = 0; i <= s.Length; i++)
        {
            bool atSeparator = false;
            if (i < s.Length)
            {
                char c = s[i];
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }
                else if (depth == 0 && c == ' ' && i + 2 < s.Length && (s[i + 1] == '+' || s[i + 1] == '-') && s[i + 2] == ' ' && i > start)
                {
                    atSeparator = true;
                }
            }

            if (i == s.Length || atSeparator)
            {
                if (!TryParseTerm(s[start..i], negative, style, provider, suffixes, components, seen))
                {
                    return false;
                }

                if (atSeparator)
                {
                    negative = s[i + 1] == '-';
                    start = i + 3;
                    i += 2;
                }
            }
        }

        return depth == 0;
    }

    private static bool TryParseTerm<T>(ReadOnlySpan<char> term, bool negative, NumberStyles style, IFormatProvider? provider, ReadOnlySpan<string> suffixes, Span<T> components, Span<bool> seen)
        where T : IFloatingPointIeee754<T>
    {
        term = term.Trim();
        int index = 0;
        for (int k = suffixes.Length - 1; k > 0; k--)
        {
            // longest suffixes are listed last (ε₁ε₂ after ε₂), so scan from the end of the list
            if (term.EndsWith(suffixes[k], StringComparison.Ordinal))
            {
                index = k;
                term = term[..^suffixes[k].Length];
                break;
            }
        }

        // Parentheses delimit the component of a nested dual; around a plain number they are the caller's
        // NumberStyles.AllowParentheses negative sign ("(42)" is −42), so they are left to T.TryParse.
        if (typeof(ICompositeNumber).IsAssignableFrom(typeof(T)) && term.Length >= 2 && term[0] == '(' && term[^1] == ')')
        {
            term = term[1..^1];
        }

        if (seen[index] || term.IsEmpty || !T.TryParse(term.Trim(), style, provider, out T? component))
        {
            return false;
        }

        seen[index] = true;
        components[index] = negative ? -component! : component!;
        return true;
    }

    /// <summary>The exception for text that is neither a number nor a dual in the documented form.</summary>
    public static FormatException InvalidText(ReadOnlySpan<char> text, string typeName)
        => new($"The text '{text.ToString()}' is not a valid {typeName}: expected a number (derivative 0) or the form 'value + derivativeε' as written by ToString.");

    private static bool TryAppend(ReadOnlySpan<char> text, Span<char> destination, ref int written)
    {
        if (!text.TryCopyTo(destination[written..]))
        {
            return false;
        }

        written += text.Length;
        return true;
    }

    /// <summary>Whether <typeparamref name="T"/> is a multi-component number, decided once per type.</summary>
    private static class Composite<T>
    {
        public static readonly bool Is = typeof(ICompositeNumber).IsAssignableFrom(typeof(T));
    }
}

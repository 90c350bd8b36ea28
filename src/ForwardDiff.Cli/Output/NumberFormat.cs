using System.Globalization;
using System.Text.Json;

namespace ForwardDiff.Cli.Output;

/// <summary>How numbers are printed: round-trip by default, or a given count of significant digits.</summary>
/// <param name="Digits">Significant digits (1–17), or <see langword="null"/> for the shortest round-trip form.</param>
internal readonly record struct NumberFormat(int? Digits)
{
    /// <summary>The default: the shortest text that parses back to the same double.</summary>
    public static NumberFormat RoundTrip { get; } = new(null);

    /// <summary>Formats a double, invariant culture; NaN and ∞ print as <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Its text.</returns>
    public string Format(double value) =>
        Digits is { } d
            ? value.ToString("G" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>JSON helpers shared by the commands.</summary>
internal static class Json
{
    /// <summary>Options used for every JSON document fdiff writes: indented, UTF-8 without escaping of non-ASCII.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes a double in full round-trip precision; JSON has no NaN or ∞, so those are written as the strings
    /// <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The number.</param>
    public static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a named double property.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The number.</param>
    public static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        WriteNumber(writer, value);
    }

    /// <summary>Writes a named array of doubles.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="values">The numbers.</param>
    public static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            WriteNumber(writer, v);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a named matrix as an array of row arrays.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="matrix">The matrix.</param>
    public static void WriteMatrix(Utf8JsonWriter writer, string name, double[,] matrix)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < matrix.GetLength(0); i++)
        {
            writer.WriteStartArray();
            for (var j = 0; j < matrix.GetLength(1); j++)
            {
                WriteNumber(writer, matrix[i, j]);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    /// <summary>Runs <paramref name="body"/> against a JSON writer and returns the document as text.</summary>
    /// <param name="body">Writes one JSON value.</param>
    /// <returns>The JSON text.</returns>
    public static string Build(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            body(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

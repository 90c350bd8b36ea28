using System.Globalization;
using ForwardDiff.Cli.Calculus;
using ScottPlot;

namespace ForwardDiff.Cli.Plotting;

/// <summary>The picture format, from the output file's extension.</summary>
internal enum PlotFormat
{
    /// <summary>PNG raster.</summary>
    Png,

    /// <summary>SVG vector.</summary>
    Svg,
}

/// <summary>What was drawn and written.</summary>
/// <param name="Path">The file written.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Value">f(a).</param>
/// <param name="Slope">f′(a), the tangent's slope.</param>
/// <param name="Intercept">f(a) − f′(a)·a, the tangent's intercept.</param>
/// <param name="Fonts">The font status when drawing.</param>
internal sealed record PlotResult(string Path, long Bytes, double Value, double Slope, double Intercept, FontStatus Fonts);

/// <summary>Draws f and its tangent line at a point, like the textbook's figure (f(x) = 3x² − 4x, tangent at 1).</summary>
/// <remarks>
/// Both curves are solid lines: the textbook draws the tangent dashed, but Skia's SVG backend does not support
/// path effects — it prints "Unsupported path effect" on stderr and draws the line solid anyway — so fdiff picks
/// distinct colours instead and keeps stderr clean. Non-finite samples (outside the domain) split the curve
/// into separate segments instead of being drawn as spikes.
/// </remarks>
internal static class TangentPlot
{
    /// <summary>Picture width in pixels.</summary>
    public const int Width = 640;

    /// <summary>Picture height in pixels.</summary>
    public const int Height = 480;

    private const int Samples = 301;

    /// <summary>The legend text of the tangent: <c>Tangent line (x=1)</c>.</summary>
    /// <param name="a">The point.</param>
    /// <returns>The text.</returns>
    public static string TangentLegend(double a) => $"Tangent line (x={a.ToString("R", CultureInfo.InvariantCulture)})";

    /// <summary>The format for a file name, or <see langword="null"/> if the extension is neither .png nor .svg.</summary>
    /// <param name="path">The file name.</param>
    /// <returns>The format.</returns>
    public static PlotFormat? FormatOf(string path) => System.IO.Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".PNG" => PlotFormat.Png,
        ".SVG" => PlotFormat.Svg,
        _ => null,
    };

    /// <summary>Draws f on [from, to] with its tangent at <paramref name="a"/> and writes the picture.</summary>
    /// <param name="f">One-variable bound expression.</param>
    /// <param name="name">The variable name (the x-axis label).</param>
    /// <param name="a">The tangent point.</param>
    /// <param name="from">Left end of the x range.</param>
    /// <param name="to">Right end of the x range.</param>
    /// <param name="path">Output file (.png or .svg).</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentException">Unknown extension or an empty range.</exception>
    public static PlotResult Write(BoundExpression f, string name, double a, double from, double to, string path)
    {
        var format = FormatOf(path) ?? throw new ArgumentException($"The output file must end in .png or .svg: {path}", nameof(path));
        if (!(from < to) || !double.IsFinite(from) || !double.IsFinite(to))
        {
            throw new ArgumentException($"The plot range must satisfy from < to, both finite (got from = {from}, to = {to}).", nameof(from));
        }

        var d = ExpressionCalculus.Derivatives(f, a, 1);
        var (value, slope) = (d[0], d[1]);
        var intercept = value - (slope * a);

        var plot = new Plot();
        plot.Font.Set(FontProbe.Family);
        var evaluator = f.For<double>();
        var first = true;
        foreach (var (xs, ys) in FiniteSegments(evaluator, from, to))
        {
            var curve = plot.Add.ScatterLine(xs, ys, Colors.C0);
            curve.LineWidth = 2;
            if (first)
            {
                curve.LegendText = $"f({name})";
                first = false;
            }
        }

        if (double.IsFinite(value) && double.IsFinite(slope))
        {
            double[] tx = [from, to];
            double[] ty = [value + (slope * (from - a)), value + (slope * (to - a))];
            var tangent = plot.Add.ScatterLine(tx, ty, Colors.Magenta);
            tangent.LineWidth = 2;
            tangent.LegendText = TangentLegend(a);
            var marker = plot.Add.Marker(a, value);
            marker.Color = Colors.Magenta;
        }

        plot.XLabel(name);
        plot.YLabel($"f({name})");
        plot.ShowLegend(Alignment.UpperLeft);

        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        if (format == PlotFormat.Png)
        {
            plot.SavePng(full, Width, Height);
        }
        else
        {
            plot.SaveSvg(full, Width, Height);
        }

        return new PlotResult(full, new FileInfo(full).Length, value, slope, intercept, FontProbe.Status);
    }

    private static IEnumerable<(double[] Xs, double[] Ys)> FiniteSegments(BoundEvaluator<double> f, double from, double to)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var x = i == Samples - 1 ? to : from + ((to - from) * i / (Samples - 1));
            var y = f.Evaluate([x]);
            if (double.IsFinite(y))
            {
                xs.Add(x);
                ys.Add(y);
            }
            else if (xs.Count > 0)
            {
                yield return ([.. xs], [.. ys]);
                xs.Clear();
                ys.Clear();
            }
        }

        if (xs.Count > 0)
        {
            yield return ([.. xs], [.. ys]);
        }
    }
}

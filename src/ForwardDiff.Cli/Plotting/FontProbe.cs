using SkiaSharp;

namespace ForwardDiff.Cli.Plotting;

/// <summary>What the font probe found.</summary>
/// <param name="FamilyInstalled">Whether the requested family is installed.</param>
/// <param name="TextRenders">Whether drawing text with it (or its fallback) puts any pixel on the canvas.</param>
internal readonly record struct FontStatus(bool FamilyInstalled, bool TextRenders);

/// <summary>
/// Detects a font-less machine. Without any font, Skia (and so ScottPlot) silently draws pictures with no text at
/// all; this probe draws a word on a small canvas and checks that some pixel changed.
/// </summary>
internal static class FontProbe
{
    /// <summary>The family fdiff plots with.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<FontStatus> Cached = new(() => Probe(Family));

    /// <summary>The status of <see cref="Family"/> on this machine (probed once per process).</summary>
    public static FontStatus Status => Cached.Value;

    /// <summary>Probes a font family.</summary>
    /// <param name="family">The family name.</param>
    /// <returns>Whether it is installed and whether text renders.</returns>
    public static FontStatus Probe(string family)
    {
        var installed = SKFontManager.Default.FontFamilies.Contains(family, StringComparer.OrdinalIgnoreCase);
        using var typeface = SKTypeface.FromFamilyName(family) ?? SKTypeface.Default;
        using var surface = SKSurface.Create(new SKImageInfo(96, 40));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var font = new SKFont(typeface, 24);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawText("f(x)", 4, 30, font, paint);
        using var image = surface.Snapshot();
        using var bitmap = SKBitmap.FromImage(image);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                if (bitmap.GetPixel(x, y) != SKColors.White)
                {
                    return new FontStatus(installed, true);
                }
            }
        }

        return new FontStatus(installed, false);
    }
}

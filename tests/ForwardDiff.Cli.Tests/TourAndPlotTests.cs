using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ForwardDiff.Cli.Plotting;

namespace ForwardDiff.Cli.Tests;

/// <summary><c>fdiff tour</c> and <c>fdiff plot</c>: the tour passes, pictures are valid and carry both series and the legend.</summary>
public sealed class TourAndPlotTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory()
    {
        directory = Path.Combine(Path.GetTempPath(), "fdiff-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Tour_AllChecksPass_AndEndsWithTheSummaryLine()
    {
        var plot = Path.Combine(directory, "tangent.png");
        var (code, output, error) = CliRunner.Run("tour", "--plot", plot);
        var lines = output.TrimEnd('\n').Split('\n');

        Assert.That(code, Is.Zero, output + error);
        Assert.That(error, Is.Empty);
        Assert.That(lines[^1], Is.EqualTo("25 checks passed, 0 failed"));
        Assert.That(output, Does.Not.Contain("FAILED"));
        Assert.That(File.Exists(plot), Is.True);
    }

    [Test]
    public void Tour_WalksTheTextbookSectionsInOrder()
    {
        var (_, output, _) = CliRunner.Run("tour", "--plot", Path.Combine(directory, "t.svg"));
        string[] sections =
        [
            "== 2.4.1 Derivatives and differentiation: the numerical limit",
            "== 2.4.1 Rules of differentiation",
            "== 2.4.2 Visualization",
            "== 2.4.3 Partial derivatives and gradients",
            "== 2.4.4 Chain rule",
        ];
        var positions = sections.Select(s => output.IndexOf(s, StringComparison.Ordinal)).ToArray();

        Assert.That(positions, Has.All.GreaterThanOrEqualTo(0));
        Assert.That(positions, Is.Ordered);
        Assert.That(output, Does.Contain("h=").Or.Contain("1e-5  2.0000300000155846"));
    }

    [Test]
    public void Tour_Json_ReportsEveryCheck()
    {
        var (code, output, _) = CliRunner.Run("tour", "--json", "--plot", Path.Combine(directory, "t.png"));
        using var doc = JsonDocument.Parse(output);
        var checks = doc.RootElement.GetProperty("checks").EnumerateArray().ToArray();

        Assert.That(code, Is.Zero);
        Assert.That(checks, Has.Length.EqualTo(25));
        Assert.That(checks.Select(c => c.GetProperty("passed").GetBoolean()), Has.All.True);
        Assert.That(doc.RootElement.GetProperty("failed").GetInt32(), Is.Zero);
    }

    [Test]
    public void Tour_OtherSeed_StillPasses()
    {
        var (code, output, _) = CliRunner.Run("tour", "--seed", "7", "--plot", Path.Combine(directory, "t.png"));

        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("(seed 7)"));
    }

    [Test]
    public void Plot_Png_WritesAValidPictureOfTheRightSize()
    {
        var file = Path.Combine(directory, "tangent.png");
        var (code, output, error) = CliRunner.Run("plot", "3*x^2 - 4*x", "--at", "1", "-o", file);
        var bytes = File.ReadAllBytes(file);

        Assert.That(code, Is.Zero, error);
        Assert.That(error, Is.Empty, "stderr stays clean");
        Assert.That(bytes.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        // IHDR: width and height, big-endian, at bytes 16..23.
        Assert.That((bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19], Is.EqualTo(TangentPlot.Width));
        Assert.That((bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23], Is.EqualTo(TangentPlot.Height));
        Assert.That(bytes, Has.Length.GreaterThan(10_000));
        Assert.That(output, Does.Contain("tangent at x = 1: y = 2*x - 3"));
    }

    [Test]
    public void Plot_Svg_ContainsBothSeriesAndTheLegendText()
    {
        var file = Path.Combine(directory, "tangent.svg");
        var (code, _, error) = CliRunner.Run("plot", "3*x^2 - 4*x", "--at", "1", "-o", file);
        var svg = File.ReadAllText(file, Encoding.UTF8);

        Assert.That(code, Is.Zero, error);
        Assert.That(error, Is.Empty, "no 'Unsupported path effect' or other noise on stderr");
        Assert.That(svg, Does.StartWith("<?xml").Or.StartWith("<svg"));
        Assert.That(svg, Does.Contain($"width=\"{TangentPlot.Width}\"").And.Contain($"height=\"{TangentPlot.Height}\""));
        var texts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.That(texts, Does.Contain("f(x)").And.Contain("Tangent line (x=1)"), "legend");
        Assert.That(texts, Does.Contain("x"), "x-axis label");
        Assert.That(svg, Does.Contain("stroke=\"#1F77B4\""), "the f(x) series");
        Assert.That(svg, Does.Contain("stroke=\"fuchsia\""), "the tangent series");
        Assert.That(svg, Does.Contain("font-family=\"DejaVu Sans\""));
    }

    [Test]
    public void Plot_DomainGap_SplitsTheCurveInsteadOfFailing()
    {
        var file = Path.Combine(directory, "log.svg");
        var (code, output, error) = CliRunner.Run("plot", "log(x)", "--at", "1", "--from", "-1", "--to", "3", "-o", file);

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("tangent at x = 1: y = 1*x - 1"));
        Assert.That(new FileInfo(file).Length, Is.GreaterThan(1_000));
    }

    [TestCase("out.txt", "-o must name a .png or .svg file")]
    public void Plot_BadExtension_IsAUsageError(string name, string message)
    {
        var (code, _, error) = CliRunner.Run("plot", "x", "--at", "1", "-o", Path.Combine(directory, name));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public void Plot_EmptyRange_IsAUsageError()
    {
        var (code, _, error) = CliRunner.Run("plot", "x", "--at", "1", "--from", "2", "--to", "2", "-o", Path.Combine(directory, "p.png"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("--from must be less than --to"));
    }

    [Test]
    public void FontProbe_WithDejaVuInstalled_RendersText()
    {
        // The CI machine installs fonts-dejavu-core (.ci/run); this is the state every other plot test relies on.
        var status = FontProbe.Probe(FontProbe.Family);

        Assert.That(status.FamilyInstalled, Is.True, "install fonts-dejavu-core");
        Assert.That(status.TextRenders, Is.True);
    }

    [Test]
    public void FontProbe_UnknownFamily_IsReportedAsNotInstalled()
    {
        var status = FontProbe.Probe("No Such Font Family 12345");

        Assert.That(status.FamilyInstalled, Is.False);
    }
}

namespace ForwardDiff.Tests.Chunk;

/// <summary>
/// The partial storage types are generated from src/ForwardDiff/Partials/Partials.template.txt; this test expands the
/// template the same way as <c>dotnet cake --target=GeneratePartials</c> and fails when the checked-in file is stale.
/// </summary>
public class PartialsGeneratorTests
{
    /// <summary>Expands every <c>//&lt;&lt;each</c> … <c>//&gt;&gt;each</c> block once per size on the <c>//sizes:</c> line, replacing $N$.</summary>
    public static string Expand(string template)
    {
        string[] lines = template.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string[] sizes = lines.First(l => l.StartsWith("//sizes:", StringComparison.Ordinal))["//sizes:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        List<string> output = [];
        List<string>? block = null;
        foreach (string line in lines)
        {
            if (line.Trim() == "//<<each")
            {
                block = [];
            }
            else if (line.Trim() == "//>>each")
            {
                foreach (string size in sizes)
                {
                    output.AddRange(block!.Select(l => l.Replace("$N$", size, StringComparison.Ordinal)));
                }

                block = null;
            }
            else if (block is not null)
            {
                block.Add(line);
            }
            else
            {
                output.Add(line);
            }
        }

        return string.Join("\n", output);
    }

    [Test]
    public void GeneratedPartials_AreUpToDateWithTheTemplate()
    {
        DirectoryInfo? root = new(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ForwardDiff.sln")))
        {
            root = root.Parent;
        }

        Assert.That(root, Is.Not.Null, "repository root (ForwardDiff.sln) not found above the test directory");
        string folder = Path.Combine(root!.FullName, "src", "ForwardDiff", "Partials");
        string expected = Expand(File.ReadAllText(Path.Combine(folder, "Partials.template.txt")));
        string actual = File.ReadAllText(Path.Combine(folder, "Partials.g.cs")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.That(actual, Is.EqualTo(expected), "Partials.g.cs is stale: run `dotnet cake --target=GeneratePartials`.");
    }

    [Test]
    public void AvailableSizes_IncludeTheRequiredOnes()
        => Assert.That(new[] { 1, 2, 4, 8, 12, 16 }.All(s => typeof(Partials1<>).Assembly.GetType($"ForwardDiff.Partials{s}`1") is not null), Is.True);
}

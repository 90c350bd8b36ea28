namespace ForwardDiff.Tests.Chunk;

/// <summary>
/// The partial storage types are generated from src/ForwardDiff/Partials/Partials.template.txt and
/// Vector256Partials.template.txt; this test expands the templates the same way as <c>dotnet cake --target=GeneratePartials</c> and fails when the checked-in file is stale.
/// </summary>
public class PartialsGeneratorTests
{
    /// <summary>
    /// Expands every <c>//&lt;&lt;each</c> … <c>//&gt;&gt;each</c> block once per size on the <c>//sizes:</c> line: $N$ is
    /// the size, $NAME$ the size's entry on a <c>//var NAME: …</c> line; a <c>//field …</c> line repeats once per field
    /// letter ($f$ = a, b, c, …) and <c>{{…}}</c> repeats its text once per field letter, joined by ", ".
    /// </summary>
    public static string Expand(string template)
    {
        string[] lines = template.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string[] sizes = lines.First(l => l.StartsWith("//sizes:", StringComparison.Ordinal))["//sizes:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Dictionary<string, string[]> vars = lines.Where(l => l.StartsWith("//var ", StringComparison.Ordinal))
            .Select(l => l["//var ".Length..].Split(':'))
            .ToDictionary(v => v[0].Trim(), v => v[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
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
                for (int i = 0; i < sizes.Length; i++)
                {
                    string[] fields = "abcdefghijklmnop"[..int.Parse(sizes[i], System.Globalization.CultureInfo.InvariantCulture)].Select(c => c.ToString()).ToArray();
                    foreach (string raw in block!)
                    {
                        string l = raw.Replace("$N$", sizes[i], StringComparison.Ordinal);
                        foreach (KeyValuePair<string, string[]> v in vars)
                        {
                            l = l.Replace("$" + v.Key + "$", v.Value[i], StringComparison.Ordinal);
                        }

                        string trimmed = l.TrimStart();
                        if (trimmed.StartsWith("//field ", StringComparison.Ordinal))
                        {
                            string indent = l[..(l.Length - trimmed.Length)];
                            output.AddRange(fields.Select(f => indent + trimmed["//field ".Length..].Replace("$f$", f, StringComparison.Ordinal)));
                        }
                        else
                        {
                            output.Add(System.Text.RegularExpressions.Regex.Replace(l, @"\{\{(.*?)\}\}", m => string.Join(", ", fields.Select(f => m.Groups[1].Value.Replace("$f$", f, StringComparison.Ordinal)))));
                        }
                    }
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
        foreach (string name in new[] { "Partials", "Vector256Partials" })
        {
            string expected = Expand(File.ReadAllText(Path.Combine(folder, name + ".template.txt")));
            string actual = File.ReadAllText(Path.Combine(folder, name + ".g.cs")).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.That(actual, Is.EqualTo(expected), $"{name}.g.cs is stale: run `dotnet cake --target=GeneratePartials`.");
        }
    }

    [Test]
    public void AvailableSizes_IncludeTheRequiredOnes()
        => Assert.That(new[] { 1, 2, 4, 8, 12, 16 }.All(s => typeof(Partials1<>).Assembly.GetType($"ForwardDiff.Partials{s}`1") is not null), Is.True);
}

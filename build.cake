// ForwardDiff build pipeline.
//   dotnet tool restore
//   dotnet cake --target=Default     (Build + Test)
//   dotnet cake --target=Test        (what CI runs; TRX files under artifacts/test-results/)
//   dotnet cake --target=Bench       (BenchmarkDotNet short job; reports under perf/results/)

///////////////////////////////////////////////////////////////////////////////
// ARGUMENTS
///////////////////////////////////////////////////////////////////////////////

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var benchFilter = Argument("filter", "*");

///////////////////////////////////////////////////////////////////////////////
// GLOBALS
///////////////////////////////////////////////////////////////////////////////

var solution = File("./ForwardDiff.sln");
var artifacts = Directory("./artifacts");
var testResults = artifacts + Directory("test-results");
var benchResults = Directory("./perf/results");
var testProjects = GetFiles("./tests/**/*.Tests.csproj").OrderBy(p => p.FullPath).ToList();

DotNetMSBuildSettings StrictMSBuild() => new DotNetMSBuildSettings()
    .TreatAllWarningsAs(MSBuildTreatAllWarningsAs.Error)
    .SetConfiguration(configuration);

///////////////////////////////////////////////////////////////////////////////
// SETUP
///////////////////////////////////////////////////////////////////////////////

Setup(context =>
{
    Information($"ForwardDiff: target {target}, configuration {configuration}, {testProjects.Count} test projects.");
});

///////////////////////////////////////////////////////////////////////////////
// TASKS
///////////////////////////////////////////////////////////////////////////////

Task("Clean")
    .Description("Deletes build outputs and test results.")
    .Does(() =>
{
    CleanDirectory(testResults);
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration });
});

Task("Restore")
    .Description("Restores NuGet packages for the whole solution.")
    .Does(() =>
{
    DotNetRestore(solution, new DotNetRestoreSettings { MSBuildSettings = StrictMSBuild() });
});

Task("Build")
    .Description("Builds every project with warnings as errors.")
    .IsDependentOn("Restore")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings
    {
        Configuration = configuration,
        NoRestore = true,
        MSBuildSettings = StrictMSBuild(),
    });
});

Task("Test")
    .Description("Runs every test project once, writing one TRX file per project under artifacts/test-results/.")
    .IsDependentOn("Build")
    .Does(() =>
{
    EnsureDirectoryExists(testResults);
    CleanDirectory(testResults);
    var failed = new List<string>();
    foreach (var project in testProjects)
    {
        var name = project.GetFilenameWithoutExtension().ToString();
        try
        {
            DotNetTest(project.FullPath, new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                NoRestore = true,
                ResultsDirectory = testResults + Directory(name),
                Loggers = new[] { $"trx;LogFileName={name}.trx", "console;verbosity=minimal" },
            });
        }
        catch (Exception e)
        {
            Error($"{name}: {e.Message}");
            failed.Add(name);
        }
    }

    if (failed.Count > 0)
    {
        throw new Exception($"Tests failed in: {string.Join(", ", failed)}");
    }
});

Task("GeneratePartials")
    .Description("Regenerates src/ForwardDiff/Partials/Partials.g.cs from Partials.template.txt (a test checks it is current).")
    .Does(() =>
{
    // Same expansion as PartialsGeneratorTests.Expand: each //<<each … //>>each block once per size on the //sizes: line.
    var folder = "./src/ForwardDiff/Partials/";
    var lines = System.IO.File.ReadAllText(folder + "Partials.template.txt").Replace("\r\n", "\n").Split('\n');
    var sizes = lines.First(l => l.StartsWith("//sizes:")).Substring("//sizes:".Length).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    var output = new List<string>();
    List<string> block = null;
    foreach (var line in lines)
    {
        if (line.Trim() == "//<<each") { block = new List<string>(); }
        else if (line.Trim() == "//>>each") { foreach (var size in sizes) { output.AddRange(block.Select(l => l.Replace("$N$", size))); } block = null; }
        else if (block != null) { block.Add(line); }
        else { output.Add(line); }
    }

    System.IO.File.WriteAllText(folder + "Partials.g.cs", string.Join("\n", output));
    Information($"Partials.g.cs: sizes {string.Join(", ", sizes)}.");
});

Task("Bench")
    .Description("Runs the BenchmarkDotNet suite (short job) and copies the reports to perf/results/.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var artifactsDir = artifacts + Directory("bench");
    CleanDirectory(artifactsDir);
    DotNetRun("./perf/ForwardDiff.Benchmarks/ForwardDiff.Benchmarks.csproj",
        new ProcessArgumentBuilder()
            .Append("--filter").AppendQuoted(benchFilter)
            .Append("--job").Append("short")
            .Append("--artifacts").AppendQuoted(MakeAbsolute(artifactsDir).FullPath),
        new DotNetRunSettings { Configuration = "Release", NoBuild = true, NoRestore = true });
    EnsureDirectoryExists(benchResults);
    CopyFiles(GetFiles(artifactsDir.Path.FullPath + "/results/*-report-github.md"), benchResults);
    CopyFiles(GetFiles(artifactsDir.Path.FullPath + "/results/*-report.csv"), benchResults);
});

///////////////////////////////////////////////////////////////////////////////
// TARGETS
///////////////////////////////////////////////////////////////////////////////

Task("Default")
    .Description("Builds and tests.")
    .IsDependentOn("Build")
    .IsDependentOn("Test");

RunTarget(target);

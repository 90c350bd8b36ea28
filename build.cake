// ForwardDiff build pipeline.
//   dotnet tool restore
//   dotnet cake --target=Default     (Build + Test)
//   dotnet cake --target=Native      (CMake build of native/: one libforwarddiff_native_<vendor>.so per BLAS found)
//   dotnet cake --target=Test        (what CI runs: every test project once per backend, managed + each native
//                                     vendor built; TRX files under artifacts/test-results/<backend>/<Project>/)
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
var nativeSource = Directory("./native");
var nativeBuild = nativeSource + Directory("build");
var isCI = string.Equals(EnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
// The native vendors CI must be able to test (installed by .ci/run); a missing one fails the run there.
var ciRequiredBackends = new[] { "openblas", "mkl" };

// Native vendors whose library the Native task built, in the order the backends are tested.
List<string> BuiltNativeBackends() => new[] { "openblas", "mkl", "reference" }
    .Where(v => FileExists(nativeBuild + Directory("lib") + File($"libforwarddiff_native_{v}.so")))
    .ToList();

int Run(string tool, string arguments)
{
    Information($"{tool} {arguments}");
    return StartProcess(tool, new ProcessSettings { Arguments = arguments });
}

bool HasCmake()
{
    try
    {
        return StartProcess("cmake", new ProcessSettings { Arguments = "--version", RedirectStandardOutput = true }) == 0;
    }
    catch (Exception)
    {
        return false;
    }
}

// ForwardDiffBuildNative=false: the Native task has already run CMake; the build only copies its libraries.
DotNetMSBuildSettings StrictMSBuild() => new DotNetMSBuildSettings()
    .TreatAllWarningsAs(MSBuildTreatAllWarningsAs.Error)
    .SetConfiguration(configuration)
    .WithProperty("ForwardDiffBuildNative", "false");

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

Task("Native")
    .Description("Configures and builds native/ with CMake: one libforwarddiff_native_<vendor>.so per BLAS/LAPACK found (MKL, OpenBLAS; reference BLAS only if neither).")
    .Does(() =>
{
    if (!HasCmake())
    {
        var message = "cmake is not installed: native/ is not built and the tests run on the managed provider only.";
        if (isCI)
        {
            throw new Exception(message);
        }

        Warning(message);
        return;
    }

    var source = MakeAbsolute(nativeSource).FullPath;
    var build = MakeAbsolute(nativeBuild).FullPath;
    var configure = Run("cmake", $"-S \"{source}\" -B \"{build}\" -DCMAKE_BUILD_TYPE=Release");
    if (configure != 0)
    {
        throw new Exception($"cmake configure of native/ failed with exit code {configure}.");
    }

    var compile = Run("cmake", $"--build \"{build}\" --parallel 2");
    if (compile != 0)
    {
        throw new Exception($"cmake build of native/ failed with exit code {compile}.");
    }

    var built = BuiltNativeBackends();
    Information(built.Count == 0
        ? "native/: no BLAS/LAPACK found, no native library built (managed provider only)."
        : $"native/: built {string.Join(", ", built.Select(v => $"libforwarddiff_native_{v}.so"))}.");
});

Task("Build")
    .Description("Builds every project with warnings as errors (after the native library).")
    .IsDependentOn("Restore")
    .IsDependentOn("Native")
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
    .Description("Runs every test project once per backend (managed, then each native vendor built), one TRX per project and backend under artifacts/test-results/<backend>/<Project>/.")
    .IsDependentOn("Build")
    .Does(() =>
{
    EnsureDirectoryExists(testResults);
    CleanDirectory(testResults);

    var natives = BuiltNativeBackends();
    if (isCI)
    {
        var missing = ciRequiredBackends.Except(natives).ToList();
        if (missing.Count > 0)
        {
            throw new Exception($"CI must test every backend, but no native library was built for: {string.Join(", ", missing)}.");
        }
    }

    var backends = new[] { "managed" }.Concat(natives).ToList();
    Information($"Test backends: {string.Join(", ", backends)}");
    var failed = new List<string>();
    foreach (var backend in backends)
    {
        foreach (var project in testProjects)
        {
            var name = project.GetFilenameWithoutExtension().ToString();
            var settings = new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                NoRestore = true,
                ResultsDirectory = testResults + Directory(backend) + Directory(name),
                Loggers = new[] { $"trx;LogFileName={name}.trx", "console;verbosity=minimal" },
                EnvironmentVariables = new Dictionary<string, string> { ["FORWARDDIFF_PROVIDER"] = backend },
            };
            if (isCI)
            {
                settings.EnvironmentVariables["FORWARDDIFF_REQUIRED_BACKENDS"] = string.Join(",", ciRequiredBackends);
            }

            try
            {
                Information($"== {name} on {backend}");
                DotNetTest(project.FullPath, settings);
            }
            catch (Exception e)
            {
                Error($"{name} on {backend}: {e.Message}");
                failed.Add($"{name} ({backend})");
            }
        }
    }

    if (failed.Count > 0)
    {
        throw new Exception($"Tests failed in: {string.Join(", ", failed)}");
    }
});

Task("GeneratePartials")
    .Description("Regenerates Partials.g.cs and Vector256Partials.g.cs in src/ForwardDiff/Partials/ from their templates (a test checks they are current).")
    .Does(() =>
{
    // Same expansion as PartialsGeneratorTests.Expand: each //<<each … //>>each block once per size on the //sizes: line,
    // with $N$ the size, $NAME$ the size's entry on a "//var NAME: …" line, "//field …" lines repeated per field
    // letter ($f$ = a, b, c, …) and {{…}} repeated per field letter, joined by ", ".
    var folder = "./src/ForwardDiff/Partials/";
    foreach (var name in new[] { "Partials", "Vector256Partials" })
    {
        var lines = System.IO.File.ReadAllText(folder + name + ".template.txt").Replace("\r\n", "\n").Split('\n');
        var sizes = lines.First(l => l.StartsWith("//sizes:")).Substring("//sizes:".Length).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var vars = lines.Where(l => l.StartsWith("//var ")).Select(l => l.Substring("//var ".Length).Split(':'))
            .ToDictionary(v => v[0].Trim(), v => v[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var output = new List<string>();
        List<string> block = null;
        foreach (var line in lines)
        {
            if (line.Trim() == "//<<each") { block = new List<string>(); }
            else if (line.Trim() == "//>>each")
            {
                for (var i = 0; i < sizes.Length; i++)
                {
                    var fields = "abcdefghijklmnop".Substring(0, int.Parse(sizes[i])).Select(c => c.ToString()).ToArray();
                    foreach (var raw in block)
                    {
                        var l = raw.Replace("$N$", sizes[i]);
                        foreach (var v in vars) { l = l.Replace("$" + v.Key + "$", v.Value[i]); }
                        var trimmed = l.TrimStart();
                        if (trimmed.StartsWith("//field "))
                        {
                            var indent = l.Substring(0, l.Length - trimmed.Length);
                            output.AddRange(fields.Select(f => indent + trimmed.Substring("//field ".Length).Replace("$f$", f)));
                        }
                        else
                        {
                            output.Add(System.Text.RegularExpressions.Regex.Replace(l, @"\{\{(.*?)\}\}", m => string.Join(", ", fields.Select(f => m.Groups[1].Value.Replace("$f$", f)))));
                        }
                    }
                }

                block = null;
            }
            else if (block != null) { block.Add(line); }
            else { output.Add(line); }
        }

        System.IO.File.WriteAllText(folder + name + ".g.cs", string.Join("\n", output));
        Information($"{name}.g.cs: sizes {string.Join(", ", sizes)}.");
    }
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

Task("CeresPeer")
    .Description("Builds and runs the C++ Ceres Jet peer of the gradient and Hessian benchmarks (perf/ceres; needs libceres-dev and libeigen3-dev).")
    .Does(() =>
{
    if (!HasCmake() || !System.IO.File.Exists("/usr/include/ceres/jet.h"))
    {
        throw new Exception("The Ceres peer needs cmake and Ceres' headers: apt-get install -y cmake g++ libceres-dev libeigen3-dev.");
    }

    var source = MakeAbsolute(Directory("./perf/ceres")).FullPath;
    var build = MakeAbsolute(Directory("./perf/ceres/build")).FullPath;
    if (Run("cmake", $"-S \"{source}\" -B \"{build}\" -DCMAKE_BUILD_TYPE=Release") != 0 || Run("cmake", $"--build \"{build}\"") != 0)
    {
        throw new Exception("cmake could not build perf/ceres.");
    }

    if (Run($"{build}/ceres_peer", "") != 0)
    {
        throw new Exception("ceres_peer failed its gradient or Hessian check.");
    }
});

///////////////////////////////////////////////////////////////////////////////
// TARGETS
///////////////////////////////////////////////////////////////////////////////

Task("Default")
    .Description("Builds and tests.")
    .IsDependentOn("Build")
    .IsDependentOn("Test");

RunTarget(target);

using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ForwardDiff.Native;
using MathNet.Numerics;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace ForwardDiff.Benchmarks;

/// <summary>
/// DGEMM C = A B (n × n, column-major) through MathNet's provider interface: the managed provider
/// (baseline) against ForwardDiff.Native on OpenBLAS and on MKL, plus each vendor's cblas_dgemm
/// called directly (no provider, no validation) to show what the provider layer costs. The
/// GFLOP/s column is 2n³ / mean time.
/// </summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project perf/ForwardDiff.Benchmarks -- --filter '*GemmBenchmarks*' --job short</c>.
/// Each case runs in its own process, so one vendor's idle worker threads never compete with the next one's.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(GflopsConfig))]
public unsafe class GemmBenchmarks
{
    private double[] _a = [];
    private double[] _b = [];
    private double[] _c = [];
    private NativeLinearAlgebraProvider? _openBlas;
    private NativeLinearAlgebraProvider? _mkl;
    private delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> _rawOpenBlas;
    private delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> _rawMkl;

    /// <summary>Matrix order.</summary>
    [Params(256, 512, 1024, 2048)]
    public int N { get; set; }

    /// <summary>Threads given to the BLAS (and to MathNet's managed parallel loops).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Random inputs, providers loaded, thread counts set.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _a = Enumerable.Range(0, N * N).Select(_ => random.NextDouble() - 0.5).ToArray();
        _b = Enumerable.Range(0, N * N).Select(_ => random.NextDouble() - 0.5).ToArray();
        _c = new double[N * N];
        Control.MaxDegreeOfParallelism = Threads;
        _openBlas = NativeLinearAlgebra.Load(NativeVendor.OpenBlas);
        _mkl = NativeLinearAlgebra.Load(NativeVendor.Mkl);
        if (_openBlas is not null)
        {
            _openBlas.Threads = Threads;
            _rawOpenBlas = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)
                NativeLibrary.GetExport(NativeLibrary.Load("libopenblas.so.0"), "cblas_dgemm");
        }

        if (_mkl is not null)
        {
            _mkl.Threads = Threads;
            _rawMkl = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)
                NativeLibrary.GetExport(NativeLibrary.Load("libmkl_rt.so"), "cblas_dgemm");
        }
    }

    /// <summary>MathNet's managed provider.</summary>
    [Benchmark(Baseline = true)]
    public void Managed() => ManagedLinearAlgebraProvider.Instance.MatrixMultiply(_a, N, N, _b, N, N, _c);

    /// <summary>ForwardDiff.Native on OpenBLAS.</summary>
    [Benchmark]
    public void OpenBlas() => Require(_openBlas, "OpenBLAS").MatrixMultiply(_a, N, N, _b, N, N, _c);

    /// <summary>ForwardDiff.Native on MKL.</summary>
    [Benchmark]
    public void Mkl() => Require(_mkl, "MKL").MatrixMultiply(_a, N, N, _b, N, N, _c);

    /// <summary>OpenBLAS's cblas_dgemm by direct P/Invoke (the reference the provider is held to).</summary>
    [Benchmark]
    public void OpenBlasDirect() => RawGemm(_rawOpenBlas, "OpenBLAS");

    /// <summary>MKL's cblas_dgemm by direct P/Invoke.</summary>
    [Benchmark]
    public void MklDirect() => RawGemm(_rawMkl, "MKL");

    private static NativeLinearAlgebraProvider Require(NativeLinearAlgebraProvider? provider, string name) =>
        provider ?? throw new InvalidOperationException($"{name} is not available: {NativeLinearAlgebra.LastFailure}");

    private void RawGemm(delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> gemm, string name)
    {
        if (gemm == null)
        {
            throw new InvalidOperationException($"{name} is not available: {NativeLinearAlgebra.LastFailure}");
        }

        fixed (double* pa = _a, pb = _b, pc = _c)
        {
            // CblasColMajor = 102, CblasNoTrans = 111.
            gemm(102, 111, 111, N, N, N, 1.0, pa, N, pb, N, 0.0, pc, N);
        }
    }

    /// <summary>Adds the GFLOP/s column.</summary>
    private sealed class GflopsConfig : ManualConfig
    {
        public GflopsConfig() => AddColumn(new GflopsColumn());
    }

    /// <summary>2n³ floating-point operations divided by the mean time (ns), i.e. GFLOP/s.</summary>
    private sealed class GflopsColumn : IColumn
    {
        public string Id => nameof(GflopsColumn);

        public string ColumnName => "GFLOP/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "2 n^3 / mean time, in 10^9 floating-point operations per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            if (mean is null or <= 0)
            {
                return "NA";
            }

            var n = Convert.ToDouble(benchmarkCase.Parameters["N"], System.Globalization.CultureInfo.InvariantCulture);
            return (2.0 * n * n * n / mean.Value).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

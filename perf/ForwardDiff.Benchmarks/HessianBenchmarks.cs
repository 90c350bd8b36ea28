using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Differentiation;

namespace ForwardDiff.Benchmarks;

/// <summary>
/// Hessian of extended Rosenbrock: second-order adjoints on a tape (the automatic config), nested chunked duals (row
/// segments, and 8 × 8 / 4 × 4 upper-triangle blocks), the analytic Hessian, and MathNet's finite-difference
/// <see cref="NumericalHessian"/>; ratios against one plain f.
/// </summary>
[MemoryDiagnoser]
public class HessianBenchmarks
{
    private double[] _x = [];
    private double[] _hessian = [];
    private double[] _direction = [];
    private double[] _product = [];
    private double[,] _analytic = new double[0, 0];
    private HessianConfig<double> _automatic = null!;
    private HessianConfig<double> _rowSegments = null!;
    private HessianConfig<double> _block8 = null!;
    private HessianConfig<double> _block4 = null!;
    private NumericalHessian _numerical = null!;

    /// <summary>The input length.</summary>
    [Params(10, 100)]
    public int N { get; set; }

    /// <summary>Allocates inputs and configs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Random random = new(42);
        _x = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        _hessian = new double[N * N];
        _direction = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        _product = new double[N];
        _analytic = new double[N, N];
        _automatic = new HessianConfig<double>(N);
        _rowSegments = new HessianConfig<double>(N, method: HessianMethod.NestedDuals);
        _block8 = new HessianConfig<double>(N, 8, method: HessianMethod.NestedDuals);
        _block4 = new HessianConfig<double>(N, 4, method: HessianMethod.NestedDuals);
        _numerical = new NumericalHessian();
    }

    /// <summary>f itself on double.</summary>
    /// <returns>f(x).</returns>
    [Benchmark(Baseline = true)]
    public double F() => new ExtendedRosenbrock().Invoke<double>(_x);

    /// <summary>The automatic config: second-order adjoints on a tape of one evaluation (16 directions per sweep).</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianAutomatic() => AutoDiff.Hessian(new ExtendedRosenbrock(), _x, _hessian, _automatic);

    /// <summary>Nested duals, register-resident row segments (1 × 4 per pass), upper triangle only.</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianNestedRowSegments() => AutoDiff.Hessian(new ExtendedRosenbrock(), _x, _hessian, _rowSegments);

    /// <summary>Nested chunked duals, 8 × 8 blocks, upper triangle only.</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianBlock8() => AutoDiff.Hessian(new ExtendedRosenbrock(), _x, _hessian, _block8);

    /// <summary>Nested chunked duals, 4 × 4 blocks, upper triangle only.</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianBlock4() => AutoDiff.Hessian(new ExtendedRosenbrock(), _x, _hessian, _block4);

    /// <summary>H·v with the automatic config: unit seeds in one register inside, v as the single outer partial.</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianVectorProductAutomatic() => AutoDiff.HessianVectorProduct(new ExtendedRosenbrock(), _x, _direction, _product, _automatic);

    /// <summary>H·v with v inside (one partial) and an outer chunk of 8 unit seeds ([InlineArray] nested storage).</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianVectorProductChunk8() => AutoDiff.HessianVectorProduct(new ExtendedRosenbrock(), _x, _direction, _product, _block8);

    /// <summary>The analytic Hessian (tridiagonal), written by hand.</summary>
    /// <returns>H[0, 0].</returns>
    [Benchmark]
    public double HessianAnalytic()
    {
        double[] x = _x;
        double[,] h = _analytic;
        Array.Clear(h);
        for (int i = 0; i + 1 < x.Length; i++)
        {
            h[i, i] += (1200 * x[i] * x[i]) - (400 * x[i + 1]) + 2;
            h[i, i + 1] += -400 * x[i];
            h[i + 1, i] += -400 * x[i];
            h[i + 1, i + 1] += 200;
        }

        return h[0, 0];
    }

    /// <summary>MathNet's central finite-difference Hessian.</summary>
    /// <returns>H[0, 0].</returns>
    [Benchmark]
    public double HessianMathNetFiniteDifference() => _numerical.Evaluate(x => new ExtendedRosenbrock().Invoke<double>(x), _x)[0, 0];
}

using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace ForwardDiff.Benchmarks;

/// <summary>
/// The Hessian of a sum whose terms are dominated by exp, sin, sqrt and log rather than by arithmetic: the case where
/// the automatic row segments (many cheap passes) lose to square blocks (few expensive passes), because every pass
/// evaluates the transcendental functions again. Ratios against one plain f.
/// </summary>
[MemoryDiagnoser]
public class HessianTranscendentalBenchmarks
{
    private double[] _x = [];
    private double[] _hessian = [];
    private HessianConfig<double> _automatic = null!;
    private HessianConfig<double> _block8 = null!;
    private HessianConfig<double> _rowSegments = null!;

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
        _automatic = new HessianConfig<double>(N);
        _block8 = new HessianConfig<double>(N, 8, method: HessianMethod.NestedDuals);
        _rowSegments = new HessianConfig<double>(N, method: HessianMethod.NestedDuals);
    }

    /// <summary>f itself on double.</summary>
    /// <returns>f(x).</returns>
    [Benchmark(Baseline = true)]
    public double F() => new TranscendentalSum().Invoke<double>(_x);

    /// <summary>The automatic config: second-order adjoints on a tape.</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianAutomatic() => AutoDiff.Hessian(new TranscendentalSum(), _x, _hessian, _automatic);

    /// <summary>Nested chunked duals, 8 × 8 blocks.</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianBlock8() => AutoDiff.Hessian(new TranscendentalSum(), _x, _hessian, _block8);

    /// <summary>Nested duals, register-resident row segments (1 × 4 per pass).</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianNestedRowSegments() => AutoDiff.Hessian(new TranscendentalSum(), _x, _hessian, _rowSegments);
}

/// <summary>f(x) = Σ exp(xᵢ/10)·sin(xᵢ₊₁) + √(1 + xᵢ²) + log(1 + xᵢ₊₁²).</summary>
public readonly struct TranscendentalSum : IMultivariateFunction
{
    /// <inheritdoc />
    public T Invoke<T>(ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        T tenth = T.CreateTruncating(0.1);
        for (int i = 0; i + 1 < x.Length; i++)
        {
            sum += (T.Exp(x[i] * tenth) * T.Sin(x[i + 1])) + T.Sqrt(T.One + (x[i] * x[i])) + T.Log(T.One + (x[i + 1] * x[i + 1]));
        }

        return sum;
    }
}

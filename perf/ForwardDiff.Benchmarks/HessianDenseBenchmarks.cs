using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace ForwardDiff.Benchmarks;

/// <summary>
/// A Hessian with no zero entries (log-sum-exp of a·x plus a coupled quadratic): every operation depends on every
/// input, so the tape's sweeps can skip nothing. Second-order adjoints (automatic) against nested duals.
/// </summary>
[MemoryDiagnoser]
public class HessianDenseBenchmarks
{
    private double[] _x = [];
    private double[] _hessian = [];
    private HessianConfig<double> _automatic = null!;
    private HessianConfig<double> _rowSegments = null!;
    private HessianConfig<double> _block8 = null!;

    /// <summary>The input length.</summary>
    [Params(10, 100)]
    public int N { get; set; }

    /// <summary>Allocates inputs and configs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Random random = new(7);
        _x = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        _hessian = new double[N * N];
        _automatic = new HessianConfig<double>(N);
        _rowSegments = new HessianConfig<double>(N, method: HessianMethod.NestedDuals);
        _block8 = new HessianConfig<double>(N, 8, method: HessianMethod.NestedDuals);
    }

    /// <summary>f itself on double.</summary>
    /// <returns>f(x).</returns>
    [Benchmark(Baseline = true)]
    public double F() => new DenseLogSumExp().Invoke<double>(_x);

    /// <summary>The automatic config: second-order adjoints on a tape.</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianAutomatic() => AutoDiff.Hessian(new DenseLogSumExp(), _x, _hessian, _automatic);

    /// <summary>Nested duals, register-resident row segments (1 × 4 per pass).</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianNestedRowSegments() => AutoDiff.Hessian(new DenseLogSumExp(), _x, _hessian, _rowSegments);

    /// <summary>Nested chunked duals, 8 × 8 blocks.</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianBlock8() => AutoDiff.Hessian(new DenseLogSumExp(), _x, _hessian, _block8);
}

/// <summary>f(x) = log Σ exp(xᵢ · (1 + i/n)) + (Σ xᵢ)² / 2: a dense Hessian.</summary>
public readonly struct DenseLogSumExp : IMultivariateFunction
{
    /// <inheritdoc />
    public T Invoke<T>(ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
    {
        T n = T.CreateTruncating(x.Length);
        T sum = T.Zero;
        T total = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            sum += T.Exp(x[i] * (T.One + (T.CreateTruncating(i) / n)));
            total += x[i];
        }

        return T.Log(sum) + (total * total / (T.One + T.One));
    }
}

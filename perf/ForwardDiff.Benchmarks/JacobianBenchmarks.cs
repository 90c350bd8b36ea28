using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace ForwardDiff.Benchmarks;

/// <summary>
/// The residuals of the (unchained) extended Rosenbrock function, m = n: r₂ₖ = 10(x₂ₖ₊₁ − x₂ₖ²), r₂ₖ₊₁ = 1 − x₂ₖ, the
/// least-squares form Ceres' own examples use (n even).
/// </summary>
public readonly struct RosenbrockResiduals : IVectorFunction
{
    /// <inheritdoc />
    public int OutputLength(int inputLength) => inputLength;

    /// <inheritdoc />
    public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
        where T : IFloatingPointIeee754<T>
    {
        T ten = T.CreateTruncating(10);
        for (int k = 0; k + 1 < x.Length; k += 2)
        {
            y[k] = ten * (x[k + 1] - (x[k] * x[k]));
            y[k + 1] = T.One - x[k];
        }
    }
}

/// <summary>
/// Dense Jacobian of <see cref="RosenbrockResiduals"/> (n × n, into a caller's buffer with a config) against one plain
/// evaluation; the Ceres peer in perf/ceres runs the same passes.
/// </summary>
[MemoryDiagnoser]
public class JacobianBenchmarks
{
    private double[] _x = [];
    private double[] _values = [];
    private double[] _jacobian = [];
    private JacobianConfig<double> _auto = null!;
    private JacobianConfig<double> _chunk8 = null!;
    private JacobianConfig<double> _tape = null!;

    /// <summary>Number of inputs and of residuals.</summary>
    [Params(10, 100, 1000)]
    public int N { get; set; }

    /// <summary>Inputs uniform in [−1, 1] (seed 42) and preallocated buffers and configs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Random random = new(42);
        _x = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        _values = new double[N];
        _jacobian = new double[N * N];
        _auto = new JacobianConfig<double>(N, N);
        _chunk8 = new JacobianConfig<double>(N, N, 8, method: JacobianMethod.ChunkedDuals);
        _tape = new JacobianConfig<double>(N, N, method: JacobianMethod.ForwardOnTape);
    }

    /// <summary>One plain evaluation of the residuals.</summary>
    /// <returns>A residual (kept alive).</returns>
    [Benchmark(Baseline = true)]
    public double F()
    {
        new RosenbrockResiduals().Invoke<double>(_x, _values);
        return _values[0];
    }

    /// <summary>The automatic config: chunked duals below <see cref="JacobianConfig{T}.TapeThreshold"/> inputs, the tape from there.</summary>
    /// <returns>An entry (kept alive).</returns>
    [Benchmark]
    public double JacobianAuto()
    {
        AutoDiff.Jacobian(new RosenbrockResiduals(), _x, _values, _jacobian, _auto);
        return _jacobian[0];
    }

    /// <summary>Forward sweeps on the tape at every n.</summary>
    /// <returns>An entry (kept alive).</returns>
    [Benchmark]
    public double JacobianTape()
    {
        AutoDiff.Jacobian(new RosenbrockResiduals(), _x, _values, _jacobian, _tape);
        return _jacobian[0];
    }

    /// <summary>The Jacobian on chunked duals with chunk 8.</summary>
    /// <returns>An entry (kept alive).</returns>
    [Benchmark]
    public double JacobianChunk8()
    {
        AutoDiff.Jacobian(new RosenbrockResiduals(), _x, _values, _jacobian, _chunk8);
        return _jacobian[0];
    }
}

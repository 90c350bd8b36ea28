using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace ForwardDiff.Benchmarks;

/// <summary>The extended Rosenbrock function f(x) = Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², written once generically.</summary>
public readonly struct ExtendedRosenbrock : IMultivariateFunction
{
    /// <inheritdoc />
    public T Invoke<T>(ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        T hundred = T.CreateTruncating(100);
        for (int i = 0; i + 1 < x.Length; i++)
        {
            T a = x[i + 1] - (x[i] * x[i]);
            T b = T.One - x[i];
            sum += (hundred * a * a) + (b * b);
        }

        return sum;
    }
}

/// <summary>
/// Gradient of extended Rosenbrock: time(gradient) / time(f) on double: the automatic config (chunked duals below 48
/// inputs, reverse mode on the tape from 48), chunked duals (automatic chunk and fixed 8, 16), the tape at every n,
/// one-partial <see cref="Dual{T}"/> (n passes) and a hand-written gradient, all in one run.
/// </summary>
[MemoryDiagnoser]
public class GradientBenchmarks
{
    private double[] _x = [];
    private double[] _gradient = [];
    private Dual<double>[] _duals = [];
    private GradientConfig<double> _auto = null!;
    private GradientConfig<double> _chunk8 = null!;
    private GradientConfig<double> _chunk16 = null!;
    private GradientConfig<double> _chunkedAuto = null!;
    private GradientConfig<double> _tape = null!;

    /// <summary>The input length.</summary>
    [Params(10, 100, 1000)]
    public int N { get; set; }

    /// <summary>Allocates inputs and configs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Random random = new(42);
        _x = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        _gradient = new double[N];
        _duals = new Dual<double>[N];
        _auto = new GradientConfig<double>(N);
        _chunk8 = new GradientConfig<double>(N, 8, method: GradientMethod.ChunkedDuals);
        _chunk16 = new GradientConfig<double>(N, 16, method: GradientMethod.ChunkedDuals);
        _chunkedAuto = new GradientConfig<double>(N, method: GradientMethod.ChunkedDuals);
        _tape = new GradientConfig<double>(N, method: GradientMethod.ReverseOnTape);
    }

    /// <summary>f itself on double.</summary>
    /// <returns>f(x).</returns>
    [Benchmark(Baseline = true)]
    public double F() => new ExtendedRosenbrock().Invoke<double>(_x);

    /// <summary>The automatic config: chunked duals below <see cref="GradientConfig{T}.ReverseThreshold"/> inputs, the tape from there.</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double GradientAuto() => AutoDiff.Gradient(new ExtendedRosenbrock(), _x, _gradient, _auto);

    /// <summary>Chunked gradient, automatic chunk size (for double on AVX2: n ≤ 8 → n, else 8, on <c>Vector256Partials2</c>).</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double GradientChunkedAuto() => AutoDiff.Gradient(new ExtendedRosenbrock(), _x, _gradient, _chunkedAuto);

    /// <summary>Reverse mode on the tape: one recorded evaluation and one reverse pass.</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double GradientReverseTape() => AutoDiff.Gradient(new ExtendedRosenbrock(), _x, _gradient, _tape);

    /// <summary>Chunked gradient, 8 partials (one Vector512 of double).</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double GradientChunk8() => AutoDiff.Gradient(new ExtendedRosenbrock(), _x, _gradient, _chunk8);

    /// <summary>Chunked gradient, 16 partials.</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double GradientChunk16() => AutoDiff.Gradient(new ExtendedRosenbrock(), _x, _gradient, _chunk16);

    /// <summary>n passes of one-partial <see cref="Dual{T}"/>.</summary>
    /// <returns>The last partial.</returns>
    [Benchmark]
    public double GradientOnePartialDual()
    {
        double[] x = _x;
        Dual<double>[] duals = _duals;
        for (int i = 0; i < x.Length; i++)
        {
            duals[i] = new Dual<double>(x[i], 0);
        }

        for (int i = 0; i < x.Length; i++)
        {
            duals[i] = new Dual<double>(x[i], 1);
            _gradient[i] = new ExtendedRosenbrock().Invoke<Dual<double>>(duals).Derivative;
            duals[i] = new Dual<double>(x[i], 0);
        }

        return _gradient[^1];
    }

    /// <summary>A hand-written gradient (the floor).</summary>
    /// <returns>The first component.</returns>
    [Benchmark]
    public double GradientByHand()
    {
        double[] x = _x;
        double[] g = _gradient;
        Array.Clear(g);
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = x[i + 1] - (x[i] * x[i]);
            g[i] += (-400 * x[i] * a) - (2 * (1 - x[i]));
            g[i + 1] += 200 * a;
        }

        return g[0];
    }
}

using BenchmarkDotNet.Attributes;

namespace ForwardDiff.Benchmarks;

/// <summary>
/// The directional derivative ∇f(x)·v of extended Rosenbrock by <c>AutoDiff.JacobianVectorProduct</c> (one evaluation on
/// <see cref="Dual{T}"/>), against f alone, against the one-partial chunk dual it used before
/// (<c>ChunkDual&lt;double, Partials1&lt;double&gt;&gt;</c>, an <c>[InlineArray]</c> the JIT keeps in memory), and against a full
/// gradient followed by a dot product.
/// </summary>
[MemoryDiagnoser]
public class JacobianVectorProductBenchmarks
{
    private double[] _x = [];
    private double[] _direction = [];
    private double[] _gradient = [];
    private Dual<double>[] _buffer = [];
    private ChunkDual<double, Partials1<double>>[] _chunkBuffer = [];
    private GradientConfig<double> _gradientConfig = null!;

    /// <summary>The input length.</summary>
    [Params(10, 100, 1000)]
    public int N { get; set; }

    /// <summary>Creates the point, the direction and the buffers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Random random = new(42);
        _x = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        _direction = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        _gradient = new double[N];
        _buffer = new Dual<double>[N];
        _chunkBuffer = new ChunkDual<double, Partials1<double>>[N];
        _gradientConfig = new GradientConfig<double>(N);
    }

    /// <summary>f on plain doubles (the baseline).</summary>
    /// <returns>f(x).</returns>
    [Benchmark(Baseline = true)]
    public double F() => new ExtendedRosenbrock().Invoke<double>(_x);

    /// <summary>∇f(x)·v by the verb with a caller's buffer (no allocation).</summary>
    /// <returns>∇f(x)·v.</returns>
    [Benchmark]
    public double JacobianVectorProduct() => AutoDiff.JacobianVectorProduct(new ExtendedRosenbrock(), _x, _direction, _buffer, out _);

    /// <summary>∇f(x)·v by the convenience form (allocates its n duals).</summary>
    /// <returns>∇f(x)·v.</returns>
    [Benchmark]
    public double JacobianVectorProductAllocating() => AutoDiff.JacobianVectorProduct(new ExtendedRosenbrock(), _x, _direction, out _);

    /// <summary>The same evaluation on the one-partial <c>[InlineArray]</c> chunk dual the verb used before.</summary>
    /// <returns>∇f(x)·v.</returns>
    [Benchmark]
    public double BeforeOnePartialChunkDual()
    {
        ChunkDual<double, Partials1<double>>[] duals = _chunkBuffer;
        for (int i = 0; i < duals.Length; i++)
        {
            duals[i] = new ChunkDual<double, Partials1<double>>(_x[i], new ReadOnlySpan<double>(in _direction[i]));
        }

        return new ExtendedRosenbrock().Invoke<ChunkDual<double, Partials1<double>>>(duals).FirstPartial;
    }

    /// <summary>The full gradient (chunked, automatic chunk) and then ∇f·v.</summary>
    /// <returns>∇f(x)·v.</returns>
    [Benchmark]
    public double GradientThenDot()
    {
        AutoDiff.Gradient(new ExtendedRosenbrock(), _x, _gradient, _gradientConfig);
        double sum = 0;
        for (int i = 0; i < _gradient.Length; i++)
        {
            sum += _gradient[i] * _direction[i];
        }

        return sum;
    }
}

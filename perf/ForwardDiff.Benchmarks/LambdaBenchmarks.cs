using BenchmarkDotNet.Attributes;

namespace ForwardDiff.Benchmarks;

/// <summary>
/// The quick-use lambda overloads against the struct form with a config, on extended Rosenbrock. For double points C#
/// binds a lambda to the overloads typed on register-resident duals (<c>Vector256Partials2</c>, row-segment nested duals);
/// the <c>…Partials8</c> rows force the generic overloads (typed on <c>Partials8&lt;double&gt;</c>, the only quick-use
/// type before these overloads existed). Lambda forms build their buffers on every call, so they allocate.
/// The delegates are the function's own method (a method group, as a lambda with the body written in it): a lambda that
/// only forwards to a generic method (<c>v =&gt; f.Invoke(v)</c>) measured several times slower, because the JIT inlines
/// the generic method into the lambda and runs out of inlining budget for the dual operators (perf/README.md).
/// </summary>
[MemoryDiagnoser]
public class LambdaBenchmarks
{
    private double[] _x = [];
    private double[] _gradient = [];
    private double[] _hessian = [];
    private GradientConfig<double> _gradientConfig = null!;
    private HessianConfig<double> _hessianConfig = null!;
    private MultivariateFunc<ChunkDual<double, Vector256Partials2<double>>> _registerGradient = null!;
    private MultivariateFunc<ChunkDual<double, Partials8<double>>> _partials8Gradient = null!;
    private MultivariateFunc<ChunkDual<ChunkDual<double, Vector256Partials1<double>>, SinglePartial<ChunkDual<double, Vector256Partials1<double>>>>> _rowHessian = null!;
    private MultivariateFunc<ChunkDual<ChunkDual<double, Partials8<double>>, Partials8<ChunkDual<double, Partials8<double>>>>> _blockHessian = null!;

    /// <summary>The input length.</summary>
    [Params(10, 100)]
    public int N { get; set; }

    /// <summary>Creates the point and the configs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Random random = new(42);
        _x = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        _gradient = new double[N];
        _hessian = new double[N * N];
        _gradientConfig = new GradientConfig<double>(N, 8);
        _hessianConfig = new HessianConfig<double>(N);
        _registerGradient = new ExtendedRosenbrock().Invoke;
        _partials8Gradient = new ExtendedRosenbrock().Invoke;
        _rowHessian = new ExtendedRosenbrock().Invoke;
        _blockHessian = new ExtendedRosenbrock().Invoke;
    }

    /// <summary>f on plain doubles (the baseline).</summary>
    /// <returns>f(x).</returns>
    [Benchmark(Baseline = true)]
    public double F() => new ExtendedRosenbrock().Invoke<double>(_x);

    /// <summary>∇f by the struct form with a config (chunk 8, no allocation).</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double GradientStruct() => AutoDiff.Gradient(new ExtendedRosenbrock(), _x, _gradient, _gradientConfig);

    /// <summary>∇f by the lambda overload (binds to <c>ChunkDual&lt;double, Vector256Partials2&lt;double&gt;&gt;</c>).</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double GradientLambda() => AutoDiff.Gradient(_registerGradient, _x, _gradient);

    /// <summary>∇f by the generic lambda overload on <c>Partials8&lt;double&gt;</c>.</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double GradientLambdaPartials8() => AutoDiff.Gradient(_partials8Gradient, _x, _gradient);

    /// <summary>∇²f by the struct form with the automatic config (row segments, no allocation).</summary>
    /// <returns>f(x).</returns>
    [Benchmark]
    public double HessianStruct() => AutoDiff.Hessian(new ExtendedRosenbrock(), _x, _hessian, _hessianConfig);

    /// <summary>∇²f by the lambda overload (binds to the row-segment nested duals).</summary>
    /// <returns>H[0, 0].</returns>
    [Benchmark]
    public double HessianLambda() => AutoDiff.Hessian(_rowHessian, _x)[0, 0];

    /// <summary>∇²f by the generic lambda overload (8 × 8 blocks on nested <c>Partials8</c>).</summary>
    /// <returns>H[0, 0].</returns>
    [Benchmark]
    public double HessianLambdaPartials8() => AutoDiff.Hessian(_blockHessian, _x)[0, 0];
}

using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace ForwardDiff.Benchmarks;

/// <summary>
/// Second derivatives of issue 2's f(x) = sin(x²)·eˣ/(1 + x²) + log(1 + x) over 10⁶ points: the same generic function on
/// <see cref="double"/> (baseline: value only), on <see cref="HyperDual{T}"/> (value, f′ and f″ from one evaluation) and on
/// nested <c>Dual&lt;Dual&lt;double&gt;&gt;</c> (<see cref="AutoDiff.SecondDerivative{TFunction, T}(TFunction, T)"/>).
/// </summary>
[MemoryDiagnoser]
public class HyperDualBenchmarks
{
    private const int Count = 1_000_000;
    private double[] points = [];
    private double[] destination = [];

    /// <summary>Points spread over [0.05, 3), as in <see cref="DualBenchmarks"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        points = new double[Count];
        destination = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            points[i] = 0.05 + (2.95 * i / Count);
        }
    }

    /// <summary>f on plain doubles: the cost of the value alone.</summary>
    /// <returns>The sum of f over the points (keeps the work observable).</returns>
    [Benchmark(Baseline = true)]
    public double Value()
    {
        var f = default(Objective);
        double sum = 0;
        foreach (double x in points)
        {
            sum += f.Invoke(x);
        }

        return sum;
    }

    /// <summary>f″ (with f and f′) by <see cref="AutoDiff.SecondDerivativeHyper{TFunction, T}(TFunction, T)"/>.</summary>
    /// <returns>The sum of f″ over the points.</returns>
    [Benchmark]
    public double HyperDual()
    {
        var f = default(Objective);
        double sum = 0;
        foreach (double x in points)
        {
            sum += AutoDiff.SecondDerivativeHyper(f, x).SecondDerivative;
        }

        return sum;
    }

    /// <summary>f″ by nesting, <see cref="AutoDiff.SecondDerivative{TFunction, T}(TFunction, T)"/> on <c>Dual&lt;Dual&lt;double&gt;&gt;</c>.</summary>
    /// <returns>The sum of f″ over the points.</returns>
    [Benchmark]
    public double NestedDual()
    {
        var f = default(Objective);
        double sum = 0;
        foreach (double x in points)
        {
            sum += AutoDiff.SecondDerivative(f, x);
        }

        return sum;
    }

    /// <summary>f″ into a destination span by hyper-duals (the allocation-free batch form).</summary>
    /// <returns>The first second derivative written.</returns>
    [Benchmark]
    public double HyperDualIntoSpan()
    {
        AutoDiff.SecondDerivativeHyper(default(Objective), points, destination);
        return destination[0];
    }

    /// <summary>The benchmark function, written once for every number type.</summary>
    private readonly struct Objective : IScalarFunction
    {
        public T Invoke<T>(T x)
            where T : IFloatingPointIeee754<T>
        {
            T square = x * x;
            return (T.Sin(square) * T.Exp(x) / (T.One + square)) + T.Log(T.One + x);
        }
    }
}

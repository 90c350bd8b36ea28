using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace ForwardDiff.Benchmarks;

/// <summary>
/// Issue 2's benchmark: f(x) = sin(x²)·eˣ/(1 + x²) + log(1 + x) over 10⁶ points, the same generic function on
/// <see cref="double"/> (baseline: value only) and on <see cref="Dual{T}"/> (value and derivative in one pass).
/// </summary>
[MemoryDiagnoser]
public class DualBenchmarks
{
    private const int Count = 1_000_000;
    private double[] points = [];
    private double[] destination = [];

    /// <summary>Points spread over [0.05, 3).</summary>
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

    /// <summary>f′ through <see cref="AutoDiff.Derivative{TFunction, T}(TFunction, T)"/> on <see cref="Dual{T}"/>.</summary>
    /// <returns>The sum of f′ over the points.</returns>
    [Benchmark]
    public double Derivative()
    {
        var f = default(Objective);
        double sum = 0;
        foreach (double x in points)
        {
            sum += AutoDiff.Derivative(f, x);
        }

        return sum;
    }

    /// <summary>f′ into a destination span (the allocation-free batch form).</summary>
    /// <returns>The first derivative written.</returns>
    [Benchmark]
    public double DerivativeIntoSpan()
    {
        AutoDiff.Derivative(default(Objective), points, destination);
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

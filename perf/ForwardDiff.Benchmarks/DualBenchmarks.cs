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

    /// <summary>
    /// f and f′ written out by hand on doubles (one SinCos, one Exp, one Log): the cost of the mathematics itself,
    /// what a perfect dual implementation would reach.
    /// </summary>
    /// <returns>The sum of f + f′ over the points.</returns>
    [Benchmark]
    public double HandWritten()
    {
        double sum = 0;
        foreach (double x in points)
        {
            double square = x * x;
            (double sin, double cos) = Math.SinCos(square);
            double exp = Math.Exp(x);
            double denominator = 1 + square;
            double numerator = sin * exp;
            double value = (numerator / denominator) + Math.Log(1 + x);
            double numeratorDerivative = ((2 * x * cos) + sin) * exp;
            double derivative = ((numeratorDerivative - (numerator / denominator * 2 * x)) / denominator) + (1 / (1 + x));
            sum += value + derivative;
        }

        return sum;
    }

    /// <summary>f and f′ from one pass on <see cref="Dual{T}"/> through <see cref="AutoDiff.DerivativeWithValue{TFunction, T}(TFunction, T)"/>.</summary>
    /// <returns>The sum of f + f′ over the points (both consumed, so no part of the work is dead code).</returns>
    [Benchmark]
    public double Derivative()
    {
        var f = default(Objective);
        double sum = 0;
        foreach (double x in points)
        {
            DerivativeResult<double> result = AutoDiff.DerivativeWithValue(f, x);
            sum += result.Value + result.Derivative;
        }

        return sum;
    }

    /// <summary>
    /// f′ only through <see cref="AutoDiff.Derivative{TFunction, T}(TFunction, T)"/>. The JIT may drop work that feeds
    /// only the value (here the final logarithm), so this is faster than <see cref="Derivative"/>: shown to make
    /// that effect visible, not as the headline ratio.
    /// </summary>
    /// <returns>The sum of f′ over the points.</returns>
    [Benchmark]
    public double DerivativeOnly()
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

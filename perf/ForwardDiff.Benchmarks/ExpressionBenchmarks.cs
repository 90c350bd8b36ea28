using System.Numerics;
using BenchmarkDotNet.Attributes;
using ForwardDiff.Cli.Expressions;

namespace ForwardDiff.Benchmarks;

/// <summary>
/// fdiff's interpreted expression evaluator against the same function compiled as generic C#, on double and on
/// <see cref="Dual{T}"/>, over 1 000 points of f(x) = x²·sin(x) + exp(−x)/(1 + x²) (plus the cost of parsing it).
/// </summary>
[MemoryDiagnoser]
public class ExpressionBenchmarks
{
    private const string Text = "x^2*sin(x) + exp(-x)/(1 + x^2)";
    private const int Count = 1_000;
    private double[] points = [];
    private Evaluator<double> plain = null!;
    private Evaluator<Dual<double>> dual = null!;
    private double[] plainInput = [];
    private Dual<double>[] dualInput = [];

    /// <summary>Parses once and prepares one evaluator per number type.</summary>
    [GlobalSetup]
    public void Setup()
    {
        points = Enumerable.Range(0, Count).Select(i => 0.05 + (2.95 * i / Count)).ToArray();
        var e = Expression.Parse(Text);
        plain = new Evaluator<double>(e);
        dual = new Evaluator<Dual<double>>(e);
        plainInput = new double[1];
        dualInput = new Dual<double>[1];
    }

    /// <summary>Compiled generic C# on double.</summary>
    /// <returns>The sum of f.</returns>
    [Benchmark(Baseline = true)]
    public double CompiledDouble()
    {
        double sum = 0;
        foreach (var x in points)
        {
            sum += F(x);
        }

        return sum;
    }

    /// <summary>The parsed expression on double.</summary>
    /// <returns>The sum of f.</returns>
    [Benchmark]
    public double InterpretedDouble()
    {
        double sum = 0;
        var x = plainInput;
        foreach (var p in points)
        {
            x[0] = p;
            sum += plain.Evaluate(x);
        }

        return sum;
    }

    /// <summary>Compiled generic C# on Dual&lt;double&gt;: value and derivative.</summary>
    /// <returns>The sum of f′.</returns>
    [Benchmark]
    public double CompiledDual()
    {
        double sum = 0;
        foreach (var x in points)
        {
            sum += F(Dual<double>.Variable(x)).Derivative;
        }

        return sum;
    }

    /// <summary>The parsed expression on Dual&lt;double&gt;: what <c>fdiff derivative</c> and <c>fdiff plot</c> run.</summary>
    /// <returns>The sum of f′.</returns>
    [Benchmark]
    public double InterpretedDual()
    {
        double sum = 0;
        var x = dualInput;
        foreach (var p in points)
        {
            x[0] = Dual<double>.Variable(p);
            sum += dual.Evaluate(x).Derivative;
        }

        return sum;
    }

    /// <summary>Parsing the expression text, 1 000 times.</summary>
    /// <returns>The total program length.</returns>
    [Benchmark]
    public int Parse()
    {
        var total = 0;
        for (var i = 0; i < Count; i++)
        {
            total += Expression.Parse(Text).Variables.Count;
        }

        return total;
    }

    private static T F<T>(T x)
        where T : IFloatingPointIeee754<T>
        => (T.Pow(x, T.CreateTruncating(2)) * T.Sin(x)) + (T.Exp(-x) / (T.One + T.Pow(x, T.CreateTruncating(2))));
}

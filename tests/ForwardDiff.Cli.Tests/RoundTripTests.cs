using ForwardDiff.Cli.Expressions;

namespace ForwardDiff.Cli.Tests;

/// <summary>Printing a parsed expression and parsing it back gives the same tree and the same values.</summary>
public sealed class RoundTripTests
{
    [Test]
    public void PrintThenParse_RandomExpressions_SameTextSameValueSameDerivative()
    {
        var generator = new RandomExpressions(seed: 12345);
        for (var n = 0; n < 5_000; n++)
        {
            var text = generator.Next(maxDepth: 1 + (n % 7));
            var first = Expression.Parse(text);
            var printed = first.ToString();
            var second = Expression.Parse(printed);

            Assert.That(second.ToString(), Is.EqualTo(printed), text);
            Assert.That(second.Variables, Is.EqualTo(first.Variables), text);
            Assert.That(second.Program.Select(i => (i.Op, i.Operand)), Is.EqualTo(first.Program.Select(i => (i.Op, i.Operand))), text);
            Assert.That(second.Constants, Is.EqualTo(first.Constants), text);

            var point = first.Variables.Select(_ => (generator.Random.NextDouble() * 4) - 2).ToArray();
            var a = first.Evaluate<double>(point);
            var b = second.Evaluate<double>(point);
            Assert.That(Same(a, b), Is.True, $"{text}: {a} vs {b}");

            if (first.Variables.Count > 0)
            {
                var duals = point.Select((v, i) => new Dual<double>(v, i == 0 ? 1.0 : 0.0)).ToArray();
                var da = first.Evaluate<Dual<double>>(duals).Derivative;
                var db = second.Evaluate<Dual<double>>(duals).Derivative;
                Assert.That(Same(da, db), Is.True, $"{text}: {da} vs {db}");
            }
        }
    }

    private static bool Same(double a, double b) =>
        BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    [Test]
    public void Print_FlatSumOfTenThousandCharacters_IsLinearAndRoundTrips()
    {
        var text = string.Join(" + ", Enumerable.Range(0, 2_500).Select(i => i % 2 == 0 ? "x" : "1"));
        var e = Expression.Parse(text);

        Assert.That(e.ToString(), Is.EqualTo(text));
    }
}

using System.Globalization;
using ForwardDiff.Rules;
using ForwardDiff.Tests.Oracles;

namespace ForwardDiff.Tests.Rules;

/// <summary>
/// Walks the whole rule table (<see cref="RuleTable"/>): every row's f, f′ and f″ (<c>Second</c>) on double
/// against the closed forms written in the test, f″ also against nesting, and the table against the rule types.
/// </summary>
[TestFixture]
public sealed class RuleTableTests
{
    private const int Samples = 41;

    private static IEnumerable<UnaryRuleInfo> UnaryRows => RuleTable.Unary;

    private static IEnumerable<BinaryRuleInfo> BinaryRows => RuleTable.Binary;

    private static IEnumerable<ParameterizedRuleInfo> ParameterizedRows => RuleTable.Parameterized;

    private static IEnumerable<double> Sample(double lower, double upper)
        => Enumerable.Range(0, Samples).Select(i => lower + ((upper - lower) * i / (Samples - 1)));

    // The closed forms of UnaryFunctions under the table's names, plus the rows that have no .NET method of their own.
    private static UnaryFunction ClosedForm(string name) => name switch
    {
        "Reciprocal" => UnaryFunctions.All.Single(f => f.Name == "ReciprocalEstimate") with { Name = "Reciprocal", RelativeTolerance = 1e-14 },
        _ => UnaryFunctions.All.Single(f => f.Name == name),
    };

    private static double Value(string name, double x) => name switch
    {
        "Reciprocal" => 1 / x,
        _ => UnaryFunctions.Apply(name, x),
    };

    private static string Show(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    [TestCaseSource(nameof(UnaryRows))]
    public void UnaryRow_ValueFirstAndSecond_MatchClosedForms(UnaryRuleInfo row)
    {
        UnaryFunction closed = ClosedForm(row.Name);
        foreach (double x in Sample(row.Lower, row.Upper).Where(closed.Valid))
        {
            (double value, double first, double second) = row.Evaluate(x);
            Assert.That(value, Is.EqualTo(Value(row.Name, x)), () => $"{row.Name}({Show(x)})");
            Close.Check(first, closed.D1(x), closed.RelativeTolerance, $"row {row.Name} f′", x);
            Close.Check(second, closed.D2(x), closed.RelativeTolerance * 10, $"row {row.Name} f″ (Second)", x);
        }
    }

    [TestCaseSource(nameof(UnaryRows))]
    public void UnaryRow_Second_AgreesWithNestedDualDerivativeOfFirst(UnaryRuleInfo row)
    {
        foreach (double x in Sample(row.Lower, row.Upper).Where(ClosedForm(row.Name).Valid))
        {
            (_, double first, double second) = row.Evaluate(x);
            Dual<double> viaRow = row.Apply(Dual<double>.Variable(x));
            Assert.That(viaRow.Derivative, Is.EqualTo(first), () => $"{row.Name}: Dual.Apply and Evaluate agree on f′ at {Show(x)}");
            Dual<Dual<double>> nested = UnaryFunctions.Apply(row.Name == "Reciprocal" ? "3 / x" : row.Name, Seeds.Second(x));
            double scale = row.Name == "Reciprocal" ? 3 : 1;
            Close.Check(nested.Derivative.Derivative, scale * second, Math.Max(ClosedForm(row.Name).RelativeTolerance * 10, 1e-12), $"{row.Name}″ by nesting vs row Second", x);
        }
    }

    [TestCaseSource(nameof(UnaryRows))]
    public void UnaryRow_DomainNote_AndSamplingInterval_AreMeaningful(UnaryRuleInfo row)
    {
        Assert.That(row.Domain, Is.Not.Empty);
        Assert.That(row.Lower, Is.LessThan(row.Upper));
        Assert.That(row.Rule.DeclaringType, Is.EqualTo(typeof(UnaryRules)));
        Assert.That(Sample(row.Lower, row.Upper).Count(ClosedForm(row.Name).Valid), Is.GreaterThan(Samples / 2), "most sampled points are inside the oracle's smooth domain");
    }

    private static BinaryFunction BinaryClosedForm(string name) => BinaryFunctions.All.Single(f => f.Name == name switch
    {
        "Log" => "Log(x, y)",
        "op_Modulus" => "x % y",
        _ => name,
    });

    [TestCaseSource(nameof(BinaryRows))]
    public void BinaryRow_GradientAndSecondPartials_MatchClosedForms(BinaryRuleInfo row)
    {
        BinaryFunction closed = BinaryClosedForm(row.Name);
        int checkedPoints = 0;
        foreach (double x in Sample(row.LowerX, row.UpperX))
        {
            foreach (double y in Sample(row.LowerY, row.UpperY).Where(y => closed.Valid(x, y)))
            {
                (double value, double dx, double dy) = row.Evaluate(x, y);
                (double dxx, double dxy, double dyy) = row.EvaluateSecond(x, y);
                Partials p = closed.Closed(x, y);
                string at = $"{row.Name} at y = {Show(y)}";
                Assert.That(value, Is.EqualTo(closed.Apply(x, y)), () => $"{at}, x = {Show(x)}");
                Close.Check(dx, p.Dx, closed.RelativeTolerance, "∂x " + at, x);
                Close.Check(dy, p.Dy, closed.RelativeTolerance, "∂y " + at, x);
                Close.Check(dxx, p.Dxx, closed.RelativeTolerance * 10, "∂xx " + at, x);
                Close.Check(dxy, p.Dxy, closed.RelativeTolerance * 10, "∂xy " + at, x);
                Close.Check(dyy, p.Dyy, closed.RelativeTolerance * 10, "∂yy " + at, x);
                checkedPoints++;
            }
        }

        Assert.That(checkedPoints, Is.GreaterThan(Samples * Samples / 2));
    }

    // Closed forms of the parameterized rows: f(x; p), f′, f″.
    private static (double Value, double First, double Second) ParameterizedClosedForm(string name, double x, double p)
    {
        switch (name)
        {
            case "RootN":
                double r = 1 / p;
                double root = x < 0 ? -Math.Pow(-x, r) : Math.Pow(x, r);
                return (root, r * root / x, r * (r - 1) * root / (x * x));
            case "PowConstantExponent":
                return (Math.Pow(x, p), p == 0 ? 0 : p * Math.Pow(x, p - 1), p * (p - 1) * Math.Pow(x, p - 2));
            case "PowConstantBase":
                double lnC = Math.Log(p);
                return (Math.Pow(p, x), lnC * Math.Pow(p, x), lnC * lnC * Math.Pow(p, x));
            case "ScaleB":
                return (Math.ScaleB(x, (int)p), Math.ScaleB(1.0, (int)p), 0);
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown parameterized row.");
        }
    }

    [TestCaseSource(nameof(ParameterizedRows))]
    public void ParameterizedRow_ValueFirstAndSecond_MatchClosedForms(ParameterizedRuleInfo row)
    {
        Assert.That(row.Parameters, Is.Not.Empty);
        foreach (double p in row.Parameters)
        {
            foreach (double x in Sample(row.Lower, row.Upper).Where(x => x != 0))
            {
                (double value, double first, double second) = row.Evaluate(x, p);
                (double v, double d1, double d2) = ParameterizedClosedForm(row.Name, x, p);
                string what = $"{row.Name}(x; {p})";
                Close.Check(value, v, 1e-14, what, x);
                Close.Check(first, d1, 1e-13, what + "′", x);
                Close.Check(second, d2, 1e-12, what + "″", x);
            }
        }
    }

    [Test]
    public void Table_ListsEveryRuleType_ExactlyOnce()
    {
        Type[] listed = [.. RuleTable.Unary.Select(r => r.Rule), .. RuleTable.Binary.Select(r => r.Rule), .. RuleTable.Parameterized.Select(r => r.Rule)];
        Assert.That(listed, Is.Unique);
        IEnumerable<Type> rowTypes =
            from container in new[] { typeof(UnaryRules), typeof(BinaryRules), typeof(ParameterizedRules) }
            from nested in container.GetNestedTypes()
            where typeof(IUnaryRule).IsAssignableFrom(nested) || typeof(IBinaryRule).IsAssignableFrom(nested) || typeof(IParameterizedRule).IsAssignableFrom(nested)
            select nested;
        Assert.That(listed, Is.EquivalentTo(rowTypes), "every row struct of the rule table is listed in RuleTable (and nothing else)");
    }

    [Test]
    public void Hypot_WhenTheValueOverflows_KeepsFinitePartials()
    {
        // hypot(1.5e308, 1.5e308) = +∞ in double, but ∂/∂x = x/ρ = 1/√2 is perfectly finite.
        (double value, double dx, double dy) = RuleTable.Binary.Single(r => r.Name == "Hypot").Evaluate(1.5e308, 1.5e308);
        Assert.That(value, Is.EqualTo(double.PositiveInfinity));
        Assert.That(dx, Is.EqualTo(Math.Sqrt(0.5)).Within(2).Ulps);
        Assert.That(dy, Is.EqualTo(Math.Sqrt(0.5)).Within(2).Ulps);
        Assert.That(Dual<double>.Hypot(Dual<double>.Variable(-1.5e308), 1.5e308).Derivative, Is.EqualTo(-Math.Sqrt(0.5)).Within(2).Ulps);
    }

    [TestCase(double.PositiveInfinity, 2.0, 0.0, -0.0)]
    [TestCase(double.NegativeInfinity, 2.0, 0.0, 0.0)]
    [TestCase(2.0, double.PositiveInfinity, 0.0, -0.0)]
    [TestCase(-2.0, double.NegativeInfinity, -0.0, 0.0)]
    public void Atan2_WithOneInfiniteCoordinate_HasTheSignedZeroLimits(double y, double x, double dy, double dx)
    {
        // ∂/∂y = x/(x² + y²) and ∂/∂x = −y/(x² + y²) tend to ±0 as one coordinate grows without bound (signed like
        // x/ρ² and −y/ρ²); with both coordinates infinite the direction is undefined and the partials are NaN.
        BinaryRuleInfo atan2 = RuleTable.Binary.Single(r => r.Name == "Atan2");
        (double value, double partialY, double partialX) = atan2.Evaluate(y, x);
        Assert.That(value, Is.EqualTo(Math.Atan2(y, x)));
        Assert.That(BitConverter.DoubleToInt64Bits(partialY), Is.EqualTo(BitConverter.DoubleToInt64Bits(dy)), () => $"∂y = {partialY}");
        Assert.That(BitConverter.DoubleToInt64Bits(partialX), Is.EqualTo(BitConverter.DoubleToInt64Bits(dx)), () => $"∂x = {partialX}");
        Assert.That(Dual<double>.Atan2Pi(Dual<double>.Variable(y), x).Derivative, Is.Zero);
        Assert.That(atan2.Evaluate(double.PositiveInfinity, double.NegativeInfinity).Dx, Is.NaN);
    }
}

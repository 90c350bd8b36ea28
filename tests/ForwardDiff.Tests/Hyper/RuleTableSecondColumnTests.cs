using System.Reflection;
using ForwardDiff.Rules;

namespace ForwardDiff.Tests.Hyper;

/// <summary>
/// Walks EVERY row of the rule table by reflection (rows added later are covered automatically) and checks its f″
/// column two ways: against nesting through the row itself (evaluate the row on a Dual&lt;double&gt; and
/// differentiate its f′ output), and against HyperDual&lt;double&gt;.Apply with the row.
/// </summary>
[TestFixture]
public sealed class RuleTableSecondColumnTests
{
    private const double Tolerance = 1e-12;

    private static readonly double[] Points = [-3.7, -2, -1.5, -0.9, -0.5, -0.3, -0.1, 0.1, 0.3, 0.5, 0.9, 1.5, 2, 3.7, 10];

    private static readonly double[] Parameters = [-1.5, 0.5, 2, 2.5, 3, 4, 10];

    // rows whose parameter is an integer by contract (the root index, the ScaleB exponent)
    private static readonly double[] IntegralParameters = [-3, -2, 2, 3, 4, 5];

    private static readonly string[] IntegralParameterRows = ["RootN", "ScaleB"];

    private static IEnumerable<Type> RowsOf(Type table, Type rowInterface)
        => table.GetNestedTypes(BindingFlags.Public).Where(t => t.IsValueType && rowInterface.IsAssignableFrom(t)).OrderBy(t => t.Name);

    /// <summary>Every one-argument row.</summary>
    public static IEnumerable<Type> UnaryRows() => RowsOf(typeof(UnaryRules), typeof(IUnaryRule));

    /// <summary>Every two-argument row.</summary>
    public static IEnumerable<Type> BinaryRows() => RowsOf(typeof(BinaryRules), typeof(IBinaryRule));

    /// <summary>Every row with a constant parameter.</summary>
    public static IEnumerable<Type> ParameterizedRows() => RowsOf(typeof(ParameterizedRules), typeof(IParameterizedRule));

    [Test]
    public void Table_HasRowsOfEveryShape()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(UnaryRows().Count(), Is.GreaterThanOrEqualTo(40));
            Assert.That(BinaryRows().Count(), Is.GreaterThanOrEqualTo(6));
            Assert.That(ParameterizedRows().Count(), Is.GreaterThanOrEqualTo(4));
        }
    }

    private static bool Usable(params double[] values) => values.All(double.IsFinite);

    private static void AssertClose(double actual, double expected, string what)
        => Assert.That(actual, Is.EqualTo(expected).Within(Tolerance * Math.Max(1, Math.Abs(expected))), what);

    private static void Run(string method, Type row)
    {
        try
        {
            typeof(RuleTableSecondColumnTests).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(row).Invoke(null, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }

    [TestCaseSource(nameof(UnaryRows))]
    public void UnaryRow_SecondColumn_EqualsDerivativeOfFirstColumn_AndHyperDual(Type row) => Run(nameof(CheckUnary), row);

    [TestCaseSource(nameof(BinaryRows))]
    public void BinaryRow_SecondPartials_EqualDerivativesOfGradient_AndHyperDual(Type row) => Run(nameof(CheckBinary), row);

    [TestCaseSource(nameof(ParameterizedRows))]
    public void ParameterizedRow_SecondColumn_EqualsDerivativeOfFirstColumn_AndHyperDual(Type row) => Run(nameof(CheckParameterized), row);

    private static void CheckUnary<TRule>()
        where TRule : IUnaryRule
    {
        int checkedPoints = 0;
        foreach (double x in Points)
        {
            double value = TRule.Evaluate(x, out double first);
            double second = TRule.Second(x, value, first);
            TRule.Evaluate(Dual<double>.Variable(x), out Dual<double> firstOnDual);
            if (!Usable(value, first, second, firstOnDual.Derivative))
            {
                continue;
            }

            checkedPoints++;
            HyperDual<double> h = HyperDual<double>.Apply<TRule>(HyperDual<double>.Variable(x));
            using (Assert.EnterMultipleScope())
            {
                AssertClose(second, firstOnDual.Derivative, $"{typeof(TRule).Name}″({x}) vs d/dx of its f′");
                Assert.That(h.Value, Is.EqualTo(value), $"{typeof(TRule).Name}({x})");
                Assert.That(h.E1, Is.EqualTo(first), $"{typeof(TRule).Name}′({x}) in ε₁");
                Assert.That(h.E2, Is.EqualTo(first), $"{typeof(TRule).Name}′({x}) in ε₂");
                Assert.That(h.E1E2, Is.EqualTo(second), $"{typeof(TRule).Name}″({x}) in ε₁ε₂");
            }
        }

        Assert.That(checkedPoints, Is.GreaterThanOrEqualTo(4), $"{typeof(TRule).Name}: too few points in its domain");
    }

    private static void CheckParameterized<TRule>()
        where TRule : IParameterizedRule
    {
        int checkedPoints = 0;
        foreach (double p in IntegralParameterRows.Contains(typeof(TRule).Name) ? IntegralParameters : Parameters)
        {
            foreach (double x in Points)
            {
                double value = TRule.Evaluate(x, p, out double first);
                double second = TRule.Second(x, p, value, first);
                TRule.Evaluate(Dual<double>.Variable(x), p, out Dual<double> firstOnDual);
                if (!Usable(value, first, second, firstOnDual.Derivative))
                {
                    continue;
                }

                checkedPoints++;
                HyperDual<double> h = HyperDual<double>.Apply<TRule>(HyperDual<double>.Variable(x), p);
                using (Assert.EnterMultipleScope())
                {
                    AssertClose(second, firstOnDual.Derivative, $"{typeof(TRule).Name}″({x}; {p}) vs d/dx of its f′");
                    Assert.That(h.E1, Is.EqualTo(first), $"{typeof(TRule).Name}′({x}; {p})");
                    Assert.That(h.E1E2, Is.EqualTo(second), $"{typeof(TRule).Name}″({x}; {p})");
                }
            }
        }

        Assert.That(checkedPoints, Is.GreaterThanOrEqualTo(10), $"{typeof(TRule).Name}: too few points in its domain");
    }

    private static void CheckBinary<TRule>()
        where TRule : IBinaryRule
    {
        int checkedPoints = 0;
        foreach (double x in Points)
        {
            foreach (double y in Points)
            {
                double value = TRule.Evaluate(x, y, out double dx, out double dy);
                TRule.Second(x, y, value, dx, dy, out double dxx, out double dxy, out double dyy);
                TRule.Evaluate(Dual<double>.Variable(x), Dual<double>.Constant(y), out Dual<double> dxAlongX, out Dual<double> dyAlongX);
                TRule.Evaluate(Dual<double>.Constant(x), Dual<double>.Variable(y), out Dual<double> dxAlongY, out Dual<double> dyAlongY);
                if (!Usable(value, dx, dy, dxx, dxy, dyy, dxAlongX.Derivative, dyAlongX.Derivative, dxAlongY.Derivative, dyAlongY.Derivative))
                {
                    continue;
                }

                checkedPoints++;
                HyperDual<double> h = HyperDual<double>.Apply<TRule>(HyperDual<double>.VariableE1(x), HyperDual<double>.VariableE2(y));
                string at = $"{typeof(TRule).Name}({x}, {y})";
                using (Assert.EnterMultipleScope())
                {
                    AssertClose(dxx, dxAlongX.Derivative, $"∂xx {at}");
                    AssertClose(dxy, dyAlongX.Derivative, $"∂xy {at} (∂/∂x of ∂f/∂y)");
                    AssertClose(dxy, dxAlongY.Derivative, $"∂xy {at} (∂/∂y of ∂f/∂x)");
                    AssertClose(dyy, dyAlongY.Derivative, $"∂yy {at}");
                    Assert.That(h.E1, Is.EqualTo(dx), $"∂x {at} in ε₁");
                    Assert.That(h.E2, Is.EqualTo(dy), $"∂y {at} in ε₂");
                    Assert.That(h.E1E2, Is.EqualTo(dxy), $"∂xy {at} in ε₁ε₂");
                }
            }
        }

        Assert.That(checkedPoints, Is.GreaterThanOrEqualTo(20), $"{typeof(TRule).Name}: too few points in its domain");
    }
}

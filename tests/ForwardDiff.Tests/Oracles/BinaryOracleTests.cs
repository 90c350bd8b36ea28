using System.Globalization;

namespace ForwardDiff.Tests.Oracles;

/// <summary>
/// Functions of two arguments: the gradient from two Dual passes (one seed per argument), the mixed and
/// pure second partials by nesting (ε₁ on x, ε₂ on y), against closed forms and Ridders finite differences.
/// </summary>
[TestFixture]
public sealed class BinaryOracleTests
{
    private static IEnumerable<BinaryFunction> Functions => BinaryFunctions.All;

    private static IEnumerable<BinaryFunction> FiniteDifferenceFunctions => BinaryFunctions.All.Where(f => f.FiniteDifferenceApplies);

    private static string At(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"({x:R}, {y:R})");

    [TestCaseSource(nameof(Functions))]
    public void Value_OnDualDouble_IsBitwiseTheDoubleResult(BinaryFunction f)
    {
        double[] ladder = [.. BinaryFunctions.Grid, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.MaxValue, double.Epsilon];
        foreach (double x in ladder)
        {
            foreach (double y in ladder)
            {
                double expected;
                try
                {
                    expected = f.Apply(x, y);
                }
                catch (ArgumentException)
                {
                    // double.Clamp rejects min > max; the dual must reject the same arguments the same way.
                    Assert.That(() => f.Apply(Dual<double>.Variable(x), Dual<double>.Constant(y)), Throws.InstanceOf<ArgumentException>(), () => $"{f.Name}{At(x, y)}");
                    continue;
                }

                double actual = f.Apply(Dual<double>.Variable(x), Dual<double>.Constant(y)).Value;
                Assert.That(BitConverter.DoubleToInt64Bits(actual), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), () => $"{f.Name}{At(x, y)} = {actual:R}, double gives {expected:R}");
            }
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void Gradient_ByTwoDualPasses_MatchesClosedForm(BinaryFunction f)
    {
        foreach ((double x, double y) in f.Points)
        {
            Partials p = f.Closed(x, y);
            double dx = f.Apply(Dual<double>.Variable(x), Dual<double>.Constant(y)).Derivative;
            double dy = f.Apply(Dual<double>.Constant(x), Dual<double>.Variable(y)).Derivative;
            double both = f.Apply(Dual<double>.Variable(x), Dual<double>.Variable(y)).Derivative;
            Close.Check(dx, p.Dx, f.RelativeTolerance, $"∂{f.Name}/∂x at y = {y:R}", x);
            Close.Check(dy, p.Dy, f.RelativeTolerance, $"∂{f.Name}/∂y at x = {x:R}", y);
            Close.Check(both, p.Dx + p.Dy, f.RelativeTolerance * 10, $"directional derivative of {f.Name} along (1, 1) at y = {y:R}", x);
        }
    }

    [TestCaseSource(nameof(FiniteDifferenceFunctions))]
    public void Gradient_MatchesRiddersFiniteDifference(BinaryFunction f)
    {
        foreach ((double x, double y) in f.Points)
        {
            double dx = f.Apply(Dual<double>.Variable(x), Dual<double>.Constant(y)).Derivative;
            double dy = f.Apply(Dual<double>.Constant(x), Dual<double>.Variable(y)).Derivative;
            double hx = FiniteDifference.StartingStep(x, Math.Max(0.2 * Math.Abs(x), 1e-3));
            double hy = FiniteDifference.StartingStep(y, Math.Max(0.2 * Math.Abs(y), 1e-3));
            (double fdx, double ex) = FiniteDifference.Ridders(t => f.Apply(t, y), x, hx);
            (double fdy, double ey) = FiniteDifference.Ridders(t => f.Apply(x, t), y, hy);
            Assert.That(Math.Abs(dx - fdx), Is.LessThanOrEqualTo((4 * ex) + (1e-12 * Math.Abs(fdx))), () => $"∂{f.Name}/∂x at {At(x, y)}: AD {dx:R}, FD {fdx:R} ± {ex:G3}");
            Assert.That(Math.Abs(dy - fdy), Is.LessThanOrEqualTo((4 * ey) + (1e-12 * Math.Abs(fdy))), () => $"∂{f.Name}/∂y at {At(x, y)}: AD {dy:R}, FD {fdy:R} ± {ey:G3}");
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void SecondPartials_ByNesting_MatchClosedForm(BinaryFunction f)
    {
        foreach ((double x, double y) in f.Points)
        {
            Partials p = f.Closed(x, y);

            // x on both levels: ∂²f/∂x².
            Dual<Dual<double>> xx = f.Apply(Seeds.Second(x), Seeds.ConstantSecond(y));

            // x on the inner level, y on the outer: ∂²f/∂x∂y.
            Dual<Dual<double>> xy = f.Apply(new Dual<Dual<double>>(Dual<double>.Variable(x), default), new Dual<Dual<double>>(Dual<double>.Constant(y), Dual<double>.Constant(1)));

            // y on both levels: ∂²f/∂y².
            Dual<Dual<double>> yy = f.Apply(Seeds.ConstantSecond(x), Seeds.Second(y));

            Close.Check(xx.Derivative.Derivative, p.Dxx, f.RelativeTolerance * 10, $"∂²{f.Name}/∂x² at y = {y:R}", x);
            Close.Check(xy.Derivative.Derivative, p.Dxy, f.RelativeTolerance * 10, $"∂²{f.Name}/∂x∂y at y = {y:R}", x);
            Close.Check(xy.Value.Derivative, p.Dx, f.RelativeTolerance, $"∂{f.Name}/∂x (inner) at y = {y:R}", x);
            Close.Check(xy.Derivative.Value, p.Dy, f.RelativeTolerance, $"∂{f.Name}/∂y (outer) at y = {y:R}", x);
            Close.Check(yy.Derivative.Derivative, p.Dyy, f.RelativeTolerance * 10, $"∂²{f.Name}/∂y² at y = {y:R}", x);
        }
    }

    [Test]
    public void Table_CoversEveryFunctionExactlyOnce()
    {
        Assert.That(BinaryFunctions.All.Select(f => f.Name), Is.Unique);
        foreach (BinaryFunction f in BinaryFunctions.All)
        {
            Assert.That(f.Points.Count(), Is.GreaterThanOrEqualTo(20), f.Name);
        }
    }
}

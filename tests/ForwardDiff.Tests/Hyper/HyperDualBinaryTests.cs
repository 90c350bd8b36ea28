using System.Numerics;

namespace ForwardDiff.Tests.Hyper;

/// <summary>
/// Two-argument rows: seeding ε₁ on x and ε₂ on y puts ∂f/∂x in ε₁, ∂f/∂y in ε₂ and ∂²f/∂x∂y in ε₁ε₂; seeding
/// both on one argument gives that argument's pure second partial. Checked against closed forms and nesting.
/// </summary>
[TestFixture]
public sealed class HyperDualBinaryTests
{
    private const double Tolerance = 1e-13;

    /// <summary>A two-argument function with closed-form gradient and Hessian [fx, fy, fxx, fxy, fyy].</summary>
    public sealed record BinaryRow(string Name, (double X, double Y)[] Points, Func<double, double, double> F, Func<double, double, double[]> Partials)
    {
        /// <inheritdoc />
        public override string ToString() => Name;
    }

    private static readonly (double, double)[] Plane = [(1, 2), (-1, 2), (3, -0.5), (-2.5, -1.5), (0.1, 4), (4, 0.1), (1e-3, -2), (-7, 3)];
    private static readonly (double, double)[] PositiveBase = [(0.5, 2), (2, 0.5), (3, -1.5), (1.5, 3.25), (10, 0.1), (0.1, -0.7), (7, 2)];
    private static readonly (double, double)[] LogBases = [(2, 10), (0.5, 3), (10, 2), (3, 0.25), (100, 1.5), (0.01, 7)];
    private static readonly (double, double)[] Remainders = [(7.5, 2), (-7.5, 2), (5.25, -1.5), (1.2, 0.5), (10, 3)];

    /// <summary>Closed forms written independently of the library.</summary>
    public static IEnumerable<BinaryRow> BinaryRows()
    {
        yield return new("Add", Plane, (x, y) => x + y, (x, y) => [1, 1, 0, 0, 0]);
        yield return new("Subtract", Plane, (x, y) => x - y, (x, y) => [1, -1, 0, 0, 0]);
        yield return new("Multiply", Plane, (x, y) => x * y, (x, y) => [y, x, 0, 1, 0]);
        yield return new("Divide", Plane, (x, y) => x / y, (x, y) => [1 / y, -x / (y * y), 0, -1 / (y * y), 2 * x / (y * y * y)]);
        yield return new("Pow", PositiveBase, Math.Pow, (x, y) =>
        [
            y * Math.Pow(x, y - 1),
            Math.Pow(x, y) * Math.Log(x),
            y * (y - 1) * Math.Pow(x, y - 2),
            Math.Pow(x, y - 1) * (1 + (y * Math.Log(x))),
            Math.Pow(x, y) * Math.Log(x) * Math.Log(x),
        ]);
        yield return new("Atan2", Plane, Math.Atan2, (y, x) =>
        {
            double r2 = (x * x) + (y * y);
            return [x / r2, -y / r2, -2 * x * y / (r2 * r2), ((y * y) - (x * x)) / (r2 * r2), 2 * x * y / (r2 * r2)];
        });
        yield return new("Atan2Pi", Plane, (y, x) => Math.Atan2(y, x) / Math.PI, (y, x) =>
        {
            double r2 = ((x * x) + (y * y)) * Math.PI;
            double r4 = ((x * x) + (y * y)) * ((x * x) + (y * y)) * Math.PI;
            return [x / r2, -y / r2, -2 * x * y / r4, ((y * y) - (x * x)) / r4, 2 * x * y / r4];
        });
        yield return new("Hypot", Plane, (x, y) => Math.Sqrt((x * x) + (y * y)), (x, y) =>
        {
            double h = Math.Sqrt((x * x) + (y * y));
            double h3 = h * h * h;
            return [x / h, y / h, y * y / h3, -x * y / h3, x * x / h3];
        });
        yield return new("LogBase", LogBases, Math.Log, (x, b) =>
        {
            double lx = Math.Log(x);
            double lb = Math.Log(b);
            return [1 / (x * lb), -lx / (b * lb * lb), -1 / (x * x * lb), -1 / (x * b * lb * lb), lx * (lb + 2) / (b * b * lb * lb * lb)];
        });
        yield return new("Remainder", Remainders, (x, y) => x % y, (x, y) => [1, -Math.Truncate(x / y), 0, 0, 0]);
        yield return new("Ieee754Remainder", Remainders, Math.IEEERemainder, (x, y) => [1, -Math.Round(x / y), 0, 0, 0]);
        yield return new("FusedMultiplyAddWith3", Plane, (x, y) => (x * y) + 3, (x, y) => [y, x, 0, 1, 0]);
    }

    internal static T Call<T>(string name, T x, T y)
        where T : IFloatingPointIeee754<T> => name switch
        {
            "Add" => x + y,
            "Subtract" => x - y,
            "Multiply" => x * y,
            "Divide" => x / y,
            "Pow" => T.Pow(x, y),
            "Atan2" => T.Atan2(x, y),
            "Atan2Pi" => T.Atan2Pi(x, y),
            "Hypot" => T.Hypot(x, y),
            "LogBase" => T.Log(x, y),
            "Remainder" => x % y,
            "Ieee754Remainder" => T.Ieee754Remainder(x, y),
            "FusedMultiplyAddWith3" => T.FusedMultiplyAdd(x, y, T.CreateChecked(3)),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown function"),
        };

    private static void AssertClose(double actual, double expected, string what)
        => Assert.That(actual, Is.EqualTo(expected).Within(Tolerance * Math.Max(1, Math.Abs(expected))), what);

    [TestCaseSource(nameof(BinaryRows))]
    public void Row_SeedE1OnXAndE2OnY_GivesGradientAndMixedPartial(BinaryRow row)
    {
        foreach ((double x, double y) in row.Points)
        {
            double[] p = row.Partials(x, y);
            HyperDual<double> r = Call(row.Name, HyperDual<double>.VariableE1(x), HyperDual<double>.VariableE2(y));
            using (Assert.EnterMultipleScope())
            {
                AssertClose(r.Value, row.F(x, y), $"{row.Name}({x}, {y})");
                AssertClose(r.E1, p[0], $"∂x {row.Name}({x}, {y})");
                AssertClose(r.E2, p[1], $"∂y {row.Name}({x}, {y})");
                AssertClose(r.E1E2, p[3], $"∂x∂y {row.Name}({x}, {y})");
            }
        }
    }

    [TestCaseSource(nameof(BinaryRows))]
    public void Row_SeedBothDirectionsOnOneArgument_GivesPureSecondPartials(BinaryRow row)
    {
        foreach ((double x, double y) in row.Points)
        {
            double[] p = row.Partials(x, y);
            HyperDual<double> onX = Call(row.Name, HyperDual<double>.Variable(x), HyperDual<double>.Variable(y) - HyperDual<double>.Variable(0) + 0);
            HyperDual<double> rx = Call(row.Name, HyperDual<double>.Variable(x), HyperDual<double>.Constant(y));
            HyperDual<double> ry = Call(row.Name, HyperDual<double>.Constant(x), HyperDual<double>.Variable(y));
            using (Assert.EnterMultipleScope())
            {
                AssertClose(rx.E1, p[0], $"∂x {row.Name}({x}, {y})");
                AssertClose(rx.E1E2, p[2], $"∂xx {row.Name}({x}, {y})");
                AssertClose(ry.E2, p[1], $"∂y {row.Name}({x}, {y})");
                AssertClose(ry.E1E2, p[4], $"∂yy {row.Name}({x}, {y})");
                AssertClose(onX.E1E2, p[2], $"∂xx {row.Name}({x}, {y}) with a cancelled perturbation on y");
            }
        }
    }

    [TestCaseSource(nameof(BinaryRows))]
    public void Row_BothArgumentsVariable_GivesSecondDirectionalDerivative(BinaryRow row)
    {
        // d²/dt² f(x + t, y + t) = fxx + 2 fxy + fyy
        foreach ((double x, double y) in row.Points)
        {
            double[] p = row.Partials(x, y);
            HyperDual<double> r = Call(row.Name, HyperDual<double>.Variable(x), HyperDual<double>.Variable(y));
            AssertClose(r.E1E2, p[2] + (2 * p[3]) + p[4], $"{row.Name}({x}, {y})");
        }
    }

    [TestCaseSource(nameof(BinaryRows))]
    public void Row_MixedPartial_EqualsNestedDual(BinaryRow row)
    {
        foreach ((double x, double y) in row.Points)
        {
            HyperDual<double> h = Call(row.Name, HyperDual<double>.VariableE1(x), HyperDual<double>.VariableE2(y));

            // inner ε on x, outer ε on y: the outer derivative of the inner derivative is ∂²f/∂y∂x
            Dual<Dual<double>> n = Call(
                row.Name,
                new Dual<Dual<double>>(Dual<double>.Variable(x), Dual<double>.Constant(0)),
                new Dual<Dual<double>>(Dual<double>.Constant(y), Dual<double>.Constant(1)));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(h.Value, Is.EqualTo(n.Value.Value), $"{row.Name}({x}, {y}) value");
                AssertClose(h.E1, n.Value.Derivative, $"∂x {row.Name}({x}, {y})");
                AssertClose(h.E2, n.Derivative.Value, $"∂y {row.Name}({x}, {y})");
                AssertClose(h.E1E2, n.Derivative.Derivative, $"∂x∂y {row.Name}({x}, {y})");
            }
        }
    }

    [Test]
    public void Hessian_OfThreeVariableFunction_MatchesAnalytic()
    {
        // f(x, y, z) = x² y + sin(y z) + exp(x z) + log(x + y²)
        double[] at = [0.7, -1.3, 0.4];
        double x = at[0], y = at[1], z = at[2];
        double s = x + (y * y);
        double[,] expected =
        {
            { (2 * y) + (z * z * Math.Exp(x * z)) - (1 / (s * s)), (2 * x) - (2 * y / (s * s)), Math.Exp(x * z) * (1 + (x * z)) },
            { (2 * x) - (2 * y / (s * s)), (-z * z * Math.Sin(y * z)) + (2 / s) - (4 * y * y / (s * s)), Math.Cos(y * z) - (y * z * Math.Sin(y * z)) },
            { Math.Exp(x * z) * (1 + (x * z)), Math.Cos(y * z) - (y * z * Math.Sin(y * z)), (-y * y * Math.Sin(y * z)) + (x * x * Math.Exp(x * z)) },
        };

        static HyperDual<double> F(HyperDual<double>[] v)
            => (v[0] * v[0] * v[1]) + HyperDual<double>.Sin(v[1] * v[2]) + HyperDual<double>.Exp(v[0] * v[2]) + HyperDual<double>.Log(v[0] + (v[1] * v[1]));

        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                var v = new HyperDual<double>[3];
                for (int k = 0; k < 3; k++)
                {
                    v[k] = new HyperDual<double>(at[k], k == i ? 1 : 0, k == j ? 1 : 0, 0);
                }

                Assert.That(F(v).E1E2, Is.EqualTo(expected[i, j]).Within(1e-13 * Math.Max(1, Math.Abs(expected[i, j]))), $"H[{i},{j}]");
            }
        }
    }

    [Test]
    public void Hessian_OfRosenbrock2_MatchesAnalyticAndIsSymmetric()
    {
        // f = 100 (y − x²)² + (1 − x)²:  Hxx = 1200 x² − 400 y + 2, Hxy = −400 x, Hyy = 200
        const double X = -1.2, Y = 1;
        static HyperDual<double> F(HyperDual<double> x, HyperDual<double> y)
            => (100 * (y - (x * x)) * (y - (x * x))) + ((1 - x) * (1 - x));
        HyperDual<double> xx = F(HyperDual<double>.Variable(X), Y);
        HyperDual<double> xy = F(HyperDual<double>.VariableE1(X), HyperDual<double>.VariableE2(Y));
        HyperDual<double> yx = F(HyperDual<double>.VariableE2(X), HyperDual<double>.VariableE1(Y));
        HyperDual<double> yy = F(X, HyperDual<double>.Variable(Y));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(xx.E1E2, Is.EqualTo((1200 * X * X) - (400 * Y) + 2).Within(1e-10));
            Assert.That(xy.E1E2, Is.EqualTo(-400 * X).Within(1e-12));
            Assert.That(yx.E1E2, Is.EqualTo(xy.E1E2));
            Assert.That(yy.E1E2, Is.EqualTo(200).Within(1e-12));
            Assert.That(xy.E1, Is.EqualTo((-400 * X * (Y - (X * X))) - (2 * (1 - X))).Within(1e-12));
            Assert.That(xy.E2, Is.EqualTo(200 * (Y - (X * X))).Within(1e-12));
        }
    }
}

using System.Numerics;

namespace ForwardDiff.Tests.Hyper;

/// <summary>
/// The f″ column of the rule table: for every one-argument function, HyperDual's value, ε₁, ε₂ and ε₁ε₂ equal
/// closed forms written here independently, and equal the nested Dual&lt;Dual&lt;double&gt;&gt; at the same points.
/// </summary>
[TestFixture]
public sealed class HyperDualRuleTableTests
{
    private const double Tolerance = 1e-13;

    private static readonly double[] General = [-7.5, -3, -1.25, -1, -0.5, -1e-3, -1e-9, 0, 1e-9, 1e-3, 0.5, 1, 1.25, 3, 7.5];
    private static readonly double[] Positive = [1e-9, 1e-3, 0.1, 0.5, 1, 1.5, 2, 3, 10, 1e3, 1e9];
    private static readonly double[] AboveMinusOne = [-0.999, -0.5, -1e-9, 0, 1e-9, 0.5, 1, 2, 10, 1e3];
    private static readonly double[] OpenUnit = [-0.999, -0.9, -0.5, -0.1, -1e-9, 0, 1e-9, 0.1, 0.5, 0.9, 0.999];
    private static readonly double[] AboveOne = [1.000001, 1.001, 1.5, 2, 3, 10, 1e3];
    private static readonly double[] Moderate = [-3, -2, -1, -0.5, -1e-6, 0, 1e-6, 0.5, 1, 2, 3];
    private static readonly double[] Angles = [-1.5, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 1.5, 2, 3, 10];
    private static readonly double[] Turns = [-0.45, -0.3, -0.1, 0, 0.1, 0.2, 0.3, 0.45, 0.7, 1.2];
    private static readonly double[] Cube = [-27, -8, -1, -0.125, -1e-6, 1e-6, 0.125, 1, 8, 27];

    /// <summary>One row of the table under test: its name, domain and closed-form f, f′, f″.</summary>
    public sealed record Row(string Name, double[] Points, Func<double, double> F, Func<double, double> F1, Func<double, double> F2)
    {
        /// <inheritdoc />
        public override string ToString() => Name;
    }

    // 1 − x² and x² − 1 without cancellation near |x| = 1 (the closed forms must be at least as accurate as the rules)
    private static double OneMinusSquare(double x) => (1 - x) * (1 + x);

    private static double SquareMinusOne(double x) => (x - 1) * (x + 1);

    private static double Sec2(double x) => 1 / (Math.Cos(x) * Math.Cos(x));

    /// <summary>The rows: closed forms written independently of the library.</summary>
    public static IEnumerable<Row> Rows()
    {
        double ln2 = Math.Log(2);
        double ln10 = Math.Log(10);
        double pi = Math.PI;
        yield return new("Exp", Moderate, Math.Exp, Math.Exp, Math.Exp);
        yield return new("ExpM1", Moderate, x => Math.Exp(x) - 1, Math.Exp, Math.Exp);
        yield return new("Exp2", Moderate, x => Math.Pow(2, x), x => ln2 * Math.Pow(2, x), x => ln2 * ln2 * Math.Pow(2, x));
        yield return new("Exp2M1", Moderate, x => Math.Pow(2, x) - 1, x => ln2 * Math.Pow(2, x), x => ln2 * ln2 * Math.Pow(2, x));
        yield return new("Exp10", Moderate, x => Math.Pow(10, x), x => ln10 * Math.Pow(10, x), x => ln10 * ln10 * Math.Pow(10, x));
        yield return new("Exp10M1", Moderate, x => Math.Pow(10, x) - 1, x => ln10 * Math.Pow(10, x), x => ln10 * ln10 * Math.Pow(10, x));
        yield return new("Log", Positive, Math.Log, x => 1 / x, x => -1 / (x * x));
        yield return new("Log2", Positive, Math.Log2, x => 1 / (x * ln2), x => -1 / (x * x * ln2));
        yield return new("Log10", Positive, Math.Log10, x => 1 / (x * ln10), x => -1 / (x * x * ln10));
        yield return new("LogP1", AboveMinusOne, x => Math.Log(1 + x), x => 1 / (1 + x), x => -1 / ((1 + x) * (1 + x)));
        yield return new("Log2P1", AboveMinusOne, x => Math.Log2(1 + x), x => 1 / ((1 + x) * ln2), x => -1 / ((1 + x) * (1 + x) * ln2));
        yield return new("Log10P1", AboveMinusOne, x => Math.Log10(1 + x), x => 1 / ((1 + x) * ln10), x => -1 / ((1 + x) * (1 + x) * ln10));
        yield return new("Sqrt", Positive, Math.Sqrt, x => 0.5 / Math.Sqrt(x), x => -0.25 / (x * Math.Sqrt(x)));
        yield return new("Cbrt", Cube, Math.Cbrt, x => 1 / (3 * Math.Cbrt(x) * Math.Cbrt(x)), x => -2 / (9 * Math.Pow(Math.Cbrt(x), 5)));
        yield return new("Sin", Angles, Math.Sin, Math.Cos, x => -Math.Sin(x));
        yield return new("Cos", Angles, Math.Cos, x => -Math.Sin(x), x => -Math.Cos(x));
        yield return new("Tan", Angles.Where(a => Math.Abs(a) < 1.55).ToArray(), Math.Tan, Sec2, x => 2 * Math.Tan(x) * Sec2(x));
        yield return new("SinPi", Turns, x => Math.Sin(pi * x), x => pi * Math.Cos(pi * x), x => -pi * pi * Math.Sin(pi * x));
        yield return new("CosPi", Turns, x => Math.Cos(pi * x), x => -pi * Math.Sin(pi * x), x => -pi * pi * Math.Cos(pi * x));
        yield return new("TanPi", Turns.Where(t => Math.Abs(t) < 0.4).ToArray(), x => Math.Tan(pi * x), x => pi * Sec2(pi * x), x => 2 * pi * pi * Math.Tan(pi * x) * Sec2(pi * x));
        yield return new("Asin", OpenUnit, Math.Asin, x => 1 / Math.Sqrt(OneMinusSquare(x)), x => x / Math.Pow(OneMinusSquare(x), 1.5));
        yield return new("Acos", OpenUnit, Math.Acos, x => -1 / Math.Sqrt(OneMinusSquare(x)), x => -x / Math.Pow(OneMinusSquare(x), 1.5));
        yield return new("Atan", General, Math.Atan, x => 1 / (1 + (x * x)), x => -2 * x / ((1 + (x * x)) * (1 + (x * x))));
        yield return new("AsinPi", OpenUnit, x => Math.Asin(x) / pi, x => 1 / (pi * Math.Sqrt(OneMinusSquare(x))), x => x / (pi * Math.Pow(OneMinusSquare(x), 1.5)));
        yield return new("AcosPi", OpenUnit, x => Math.Acos(x) / pi, x => -1 / (pi * Math.Sqrt(OneMinusSquare(x))), x => -x / (pi * Math.Pow(OneMinusSquare(x), 1.5)));
        yield return new("AtanPi", General, x => Math.Atan(x) / pi, x => 1 / (pi * (1 + (x * x))), x => -2 * x / (pi * (1 + (x * x)) * (1 + (x * x))));
        yield return new("Sinh", Moderate, Math.Sinh, Math.Cosh, Math.Sinh);
        yield return new("Cosh", Moderate, Math.Cosh, Math.Sinh, Math.Cosh);
        yield return new("Tanh", Moderate, Math.Tanh, x => 1 - (Math.Tanh(x) * Math.Tanh(x)), x => -2 * Math.Tanh(x) * (1 - (Math.Tanh(x) * Math.Tanh(x))));
        yield return new("Asinh", General, Math.Asinh, x => 1 / Math.Sqrt((x * x) + 1), x => -x / Math.Pow((x * x) + 1, 1.5));
        yield return new("Acosh", AboveOne, Math.Acosh, x => 1 / Math.Sqrt(SquareMinusOne(x)), x => -x / Math.Pow(SquareMinusOne(x), 1.5));
        yield return new("Atanh", OpenUnit, Math.Atanh, x => 1 / OneMinusSquare(x), x => 2 * x / (OneMinusSquare(x) * OneMinusSquare(x)));
        yield return new("Abs", General.Where(x => x != 0).ToArray(), Math.Abs, x => Math.Sign(x), _ => 0);
        yield return new("Floor", General, Math.Floor, _ => 0, _ => 0);
        yield return new("Ceiling", General, Math.Ceiling, _ => 0, _ => 0);
        yield return new("Round", General, Math.Round, _ => 0, _ => 0);
        yield return new("Truncate", General, Math.Truncate, _ => 0, _ => 0);
        yield return new("Reciprocal", General.Where(x => x != 0).ToArray(), x => 1 / x, x => -1 / (x * x), x => 2 / (x * x * x));
        yield return new("RootN5", Cube, x => Math.Sign(x) * Math.Pow(Math.Abs(x), 0.2), x => 0.2 * Math.Pow(Math.Abs(x), -0.8), x => -0.16 * Math.Sign(x) * Math.Pow(Math.Abs(x), -1.8));
        yield return new("PowConstant2.5", Positive, x => Math.Pow(x, 2.5), x => 2.5 * Math.Pow(x, 1.5), x => 3.75 * Math.Sqrt(x));
        yield return new("PowConstantInteger3", General, x => x * x * x, x => 3 * x * x, x => 6 * x);
        yield return new("ConstantBasePow3", Moderate, x => Math.Pow(3, x), x => Math.Log(3) * Math.Pow(3, x), x => Math.Log(3) * Math.Log(3) * Math.Pow(3, x));
        yield return new("DegreesToRadians", General, x => x * pi / 180, _ => pi / 180, _ => 0);
        yield return new("ScaleB3", General, x => x * 8, _ => 8, _ => 0);
    }

    /// <summary>Calls the named function through the generic-math interfaces of <typeparamref name="T"/>.</summary>
    internal static T Call<T>(string name, T x)
        where T : IFloatingPointIeee754<T> => name switch
        {
            "Exp" => T.Exp(x),
            "ExpM1" => T.ExpM1(x),
            "Exp2" => T.Exp2(x),
            "Exp2M1" => T.Exp2M1(x),
            "Exp10" => T.Exp10(x),
            "Exp10M1" => T.Exp10M1(x),
            "Log" => T.Log(x),
            "Log2" => T.Log2(x),
            "Log10" => T.Log10(x),
            "LogP1" => T.LogP1(x),
            "Log2P1" => T.Log2P1(x),
            "Log10P1" => T.Log10P1(x),
            "Sqrt" => T.Sqrt(x),
            "Cbrt" => T.Cbrt(x),
            "Sin" => T.Sin(x),
            "Cos" => T.Cos(x),
            "Tan" => T.Tan(x),
            "SinPi" => T.SinPi(x),
            "CosPi" => T.CosPi(x),
            "TanPi" => T.TanPi(x),
            "Asin" => T.Asin(x),
            "Acos" => T.Acos(x),
            "Atan" => T.Atan(x),
            "AsinPi" => T.AsinPi(x),
            "AcosPi" => T.AcosPi(x),
            "AtanPi" => T.AtanPi(x),
            "Sinh" => T.Sinh(x),
            "Cosh" => T.Cosh(x),
            "Tanh" => T.Tanh(x),
            "Asinh" => T.Asinh(x),
            "Acosh" => T.Acosh(x),
            "Atanh" => T.Atanh(x),
            "Abs" => T.Abs(x),
            "Floor" => T.Floor(x),
            "Ceiling" => T.Ceiling(x),
            "Round" => T.Round(x),
            "Truncate" => T.Truncate(x),
            "Reciprocal" => T.One / x,
            "RootN5" => T.RootN(x, 5),
            "PowConstant2.5" => T.Pow(x, T.CreateChecked(2.5)),
            "PowConstantInteger3" => T.Pow(x, T.CreateChecked(3)),
            "ConstantBasePow3" => T.Pow(T.CreateChecked(3), x),
            "DegreesToRadians" => T.DegreesToRadians(x),
            "ScaleB3" => T.ScaleB(x, 3),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown function"),
        };

    private static void AssertClose(double actual, double expected, string what)
    {
        double tol = Tolerance * Math.Max(1, Math.Abs(expected));
        Assert.That(actual, Is.EqualTo(expected).Within(tol), what);
    }

    [TestCaseSource(nameof(Rows))]
    public void Row_HyperDualComponents_MatchClosedForms(Row row)
    {
        foreach (double x in row.Points)
        {
            HyperDual<double> r = Call(row.Name, HyperDual<double>.Variable(x));
            using (Assert.EnterMultipleScope())
            {
                AssertClose(r.Value, row.F(x), $"{row.Name}({x})");
                AssertClose(r.E1, row.F1(x), $"{row.Name}′({x}) in ε₁");
                AssertClose(r.E2, row.F1(x), $"{row.Name}′({x}) in ε₂");
                AssertClose(r.E1E2, row.F2(x), $"{row.Name}″({x})");
            }
        }
    }

    [TestCaseSource(nameof(Rows))]
    public void Row_HyperDual_EqualsNestedDual(Row row)
    {
        foreach (double x in row.Points)
        {
            HyperDual<double> h = Call(row.Name, HyperDual<double>.Variable(x));
            Dual<Dual<double>> n = Call(row.Name, new Dual<Dual<double>>(Dual<double>.Variable(x), Dual<double>.Constant(1)));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(h.Value, Is.EqualTo(n.Value.Value), $"{row.Name}({x}) value");
                AssertClose(h.E1, n.Value.Derivative, $"{row.Name}′({x}) vs nesting");
                AssertClose(h.E1, h.E2, $"{row.Name}′({x}) ε₁ vs ε₂");
                AssertClose(h.E1E2, n.Derivative.Derivative, $"{row.Name}″({x}) vs nesting");
            }
        }
    }

    [TestCaseSource(nameof(Rows))]
    public void Row_ValueOfHyperDual_IsBitwiseTheValueOfDouble(Row row)
    {
        foreach (double x in row.Points)
        {
            double expected = Call(row.Name, x);
            double actual = Call(row.Name, HyperDual<double>.Variable(x)).Value;
            Assert.That(BitConverter.DoubleToInt64Bits(actual), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), $"{row.Name}({x})");
        }
    }

    [TestCaseSource(nameof(Rows))]
    public void Row_SeedAlongOneDirection_LeavesCurvatureZero(Row row)
    {
        foreach (double x in row.Points)
        {
            HyperDual<double> r = Call(row.Name, HyperDual<double>.VariableE1(x));
            using (Assert.EnterMultipleScope())
            {
                AssertClose(r.E1, row.F1(x), $"{row.Name}′({x})");
                Assert.That(r.E2, Is.Zero, $"{row.Name}: ε₂ unseeded");
                Assert.That(r.E1E2, Is.Zero, $"{row.Name}: ε₁ε₂ needs both directions");
            }
        }
    }

    [TestCaseSource(nameof(Rows))]
    public void Row_HyperDualFloat_MatchesClosedFormsToSinglePrecision(Row row)
    {
        foreach (double x in row.Points.Where(p => Math.Abs(p) is > 1e-3 and < 1e3 && Math.Abs(Math.Abs(p) - 1) > 0.01))
        {
            HyperDual<float> r = Call(row.Name, HyperDual<float>.Variable((float)x));
            double scale = Math.Max(1, Math.Abs(row.F2(x)));
            Assert.That((double)r.E1E2, Is.EqualTo(row.F2((float)x)).Within(2e-3 * scale), $"{row.Name}″({x}) on float");
        }
    }
}

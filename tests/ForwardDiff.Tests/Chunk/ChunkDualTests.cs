using System.Globalization;
using System.Numerics;

namespace ForwardDiff.Tests.Chunk;

using C = ChunkDual<double, Partials8<double>>;
using D = Dual<double>;
using Inner = ChunkDual<double, Partials2<double>>;

public class ChunkDualTests
{
    private static readonly (string Name, Func<C, C> Chunk, Func<D, D> Single, double Low, double High)[] Unary =
    [
        ("Negate", x => -x, x => -x, -3, 3),
        ("Square", x => x * x, x => x * x, -3, 3),
        ("Reciprocal", x => C.One / x, x => D.One / x, 0.5, 3),
        ("Sin", C.Sin, D.Sin, -3, 3), ("Cos", C.Cos, D.Cos, -3, 3), ("Tan", C.Tan, D.Tan, -1.2, 1.2),
        ("SinPi", C.SinPi, D.SinPi, -1, 1), ("CosPi", C.CosPi, D.CosPi, -1, 1), ("TanPi", C.TanPi, D.TanPi, -0.4, 0.4),
        ("Asin", C.Asin, D.Asin, -0.9, 0.9), ("Acos", C.Acos, D.Acos, -0.9, 0.9), ("Atan", C.Atan, D.Atan, -3, 3),
        ("AsinPi", C.AsinPi, D.AsinPi, -0.9, 0.9), ("AcosPi", C.AcosPi, D.AcosPi, -0.9, 0.9), ("AtanPi", C.AtanPi, D.AtanPi, -3, 3),
        ("Sinh", C.Sinh, D.Sinh, -3, 3), ("Cosh", C.Cosh, D.Cosh, -3, 3), ("Tanh", C.Tanh, D.Tanh, -3, 3),
        ("Asinh", C.Asinh, D.Asinh, -3, 3), ("Acosh", C.Acosh, D.Acosh, 1.1, 4), ("Atanh", C.Atanh, D.Atanh, -0.9, 0.9),
        ("Exp", C.Exp, D.Exp, -3, 3), ("ExpM1", C.ExpM1, D.ExpM1, -3, 3), ("Exp2", C.Exp2, D.Exp2, -3, 3),
        ("Exp2M1", C.Exp2M1, D.Exp2M1, -3, 3), ("Exp10", C.Exp10, D.Exp10, -2, 2), ("Exp10M1", C.Exp10M1, D.Exp10M1, -2, 2),
        ("Log", C.Log, D.Log, 0.1, 5), ("LogP1", C.LogP1, D.LogP1, -0.5, 5), ("Log2", C.Log2, D.Log2, 0.1, 5),
        ("Log2P1", C.Log2P1, D.Log2P1, -0.5, 5), ("Log10", C.Log10, D.Log10, 0.1, 5), ("Log10P1", C.Log10P1, D.Log10P1, -0.5, 5),
        ("Sqrt", C.Sqrt, D.Sqrt, 0.1, 5), ("Cbrt", C.Cbrt, D.Cbrt, -5, 5), ("RootN5", x => C.RootN(x, 5), x => D.RootN(x, 5), 0.1, 5),
        ("Abs", C.Abs, D.Abs, -3, 3), ("Floor", C.Floor, D.Floor, -3, 3), ("Ceiling", C.Ceiling, D.Ceiling, -3, 3),
        ("Round", C.Round, D.Round, -3, 3), ("Truncate", C.Truncate, D.Truncate, -3, 3),
        ("ScaleB", x => C.ScaleB(x, 3), x => D.ScaleB(x, 3), -3, 3), ("PowConst", x => C.Pow(x, 2.5), x => D.Pow(x, 2.5), 0.1, 3),
        ("ConstPow", x => C.Pow(1.7, x), x => D.Pow(1.7, x), -2, 2),
        ("DegreesToRadians", C.DegreesToRadians, D.DegreesToRadians, -180, 180),
        ("RadiansToDegrees", C.RadiansToDegrees, D.RadiansToDegrees, -3, 3),
        ("BitIncrement", C.BitIncrement, D.BitIncrement, -3, 3),
        ("SinCos.Cos", x => C.SinCos(x).Cos, x => D.SinCos(x).Cos, -3, 3),
        ("SinCosPi.Cos", x => C.SinCosPi(x).CosPi, x => D.SinCosPi(x).CosPi, -1, 1),
    ];

    private static readonly (string Name, Func<C, C, C> Chunk, Func<D, D, D> Single, double Low, double High)[] Binary =
    [
        ("Add", (x, y) => x + y, (x, y) => x + y, -3, 3),
        ("Subtract", (x, y) => x - y, (x, y) => x - y, -3, 3),
        ("Multiply", (x, y) => x * y, (x, y) => x * y, -3, 3),
        ("Divide", (x, y) => x / y, (x, y) => x / y, 0.5, 3),
        ("Remainder", (x, y) => x % y, (x, y) => x % y, 0.5, 7),
        ("Pow", C.Pow, D.Pow, 0.5, 3),
        ("Atan2", C.Atan2, D.Atan2, -3, 3), ("Atan2Pi", C.Atan2Pi, D.Atan2Pi, -3, 3),
        ("Hypot", C.Hypot, D.Hypot, -3, 3), ("LogBase", C.Log, D.Log, 1.5, 5),
        ("Ieee754Remainder", C.Ieee754Remainder, D.Ieee754Remainder, 0.5, 7),
        ("Max", C.Max, D.Max, -3, 3), ("Min", C.Min, D.Min, -3, 3),
        ("MaxMagnitude", C.MaxMagnitude, D.MaxMagnitude, -3, 3), ("MinMagnitude", C.MinMagnitude, D.MinMagnitude, -3, 3),
        ("CopySign", C.CopySign, D.CopySign, -3, 3),
    ];

    private static IEnumerable<TestCaseData> UnaryCases() => Unary.Select((u, i) => new TestCaseData(i).SetName($"Unary_{u.Name}_EachPartialMatchesDual"));

    private static IEnumerable<TestCaseData> BinaryCases() => Binary.Select((u, i) => new TestCaseData(i).SetName($"Binary_{u.Name}_EachPartialMatchesDual"));

    private static double[] RandomPartials(Random random)
    {
        double[] p = new double[8];
        for (int k = 0; k < 8; k++)
        {
            p[k] = k % 3 == 2 ? 0 : (random.NextDouble() * 4) - 2;
        }

        return p;
    }

    // Division is the one operation written differently: Dual<T> forms (h − q k) / b, the chunk dual
    // h · (1/b) − (q/b) · k (one reciprocal, then only multiplications on the vector of partials), so they may
    // differ by an ulp or two; everything else agrees to the last bit or within half an ulp.
    private static void AssertPartial(double actual, double expected, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected) || expected == 0)
        {
            Assert.That(actual, Is.EqualTo(expected), what);
        }
        else
        {
            Assert.That(actual, Is.EqualTo(expected).Within(4e-16 * Math.Abs(expected)), what);
        }
    }

    [TestCaseSource(nameof(UnaryCases))]
    public void UnaryFunction(int index)
    {
        var (name, chunk, single, low, high) = Unary[index];
        Random random = new(index);
        for (int trial = 0; trial < 20; trial++)
        {
            double x = low + ((high - low) * random.NextDouble());
            double[] p = RandomPartials(random);
            C result = chunk(new C(x, p));
            for (int k = 0; k < 8; k++)
            {
                D expected = single(new D(x, p[k]));
                Assert.That(result.Value, Is.EqualTo(expected.Value), $"{name}({x}) value");
                AssertPartial(result.GetPartial(k), expected.Derivative, $"{name}({x}) partial {k}");
            }
        }
    }

    [TestCaseSource(nameof(BinaryCases))]
    public void BinaryFunction(int index)
    {
        var (name, chunk, single, low, high) = Binary[index];
        Random random = new(100 + index);
        for (int trial = 0; trial < 20; trial++)
        {
            double x = low + ((high - low) * random.NextDouble());
            double y = trial == 0 ? x : low + ((high - low) * random.NextDouble());
            double[] p = RandomPartials(random);
            double[] q = RandomPartials(random);
            C result = chunk(new C(x, p), new C(y, q));
            for (int k = 0; k < 8; k++)
            {
                D expected = single(new D(x, p[k]), new D(y, q[k]));
                Assert.That(result.Value, Is.EqualTo(expected.Value), $"{name}({x}, {y}) value");
                if (name == "Divide")
                {
                    // scale of the terms h/b and (q/b)·k: cancellation between them is allowed a few ulps of the terms
                    double terms = (Math.Abs(p[k]) + Math.Abs(x / y * q[k])) / Math.Abs(y);
                    Assert.That(result.GetPartial(k), Is.EqualTo(expected.Derivative).Within(1e-15 * terms), $"{name}({x}, {y}) partial {k}");
                }
                else
                {
                    AssertPartial(result.GetPartial(k), expected.Derivative, $"{name}({x}, {y}) partial {k}");
                }
            }
        }
    }

    [Test]
    public void FusedMultiplyAdd_EachPartialMatchesDual()
    {
        Random random = new(5);
        double[] p = RandomPartials(random), q = RandomPartials(random), r = RandomPartials(random);
        C result = C.FusedMultiplyAdd(new C(1.5, p), new C(-0.7, q), new C(2.25, r));
        for (int k = 0; k < 8; k++)
        {
            D expected = D.FusedMultiplyAdd(new D(1.5, p[k]), new D(-0.7, q[k]), new D(2.25, r[k]));
            Assert.That(result.Value, Is.EqualTo(expected.Value));
            AssertPartial(result.GetPartial(k), expected.Derivative, $"partial {k}");
        }
    }

    [Test]
    public void Sqrt_AtZeroWithConstantPartials_KeepsThemZero()
    {
        C x = new(0.0, [0, 1, 0, 0, 0, 0, 0, 2]);
        C y = C.Sqrt(x);
        Assert.That(y.GetPartial(0), Is.Zero);
        Assert.That(y.GetPartial(1), Is.EqualTo(double.PositiveInfinity));
        Assert.That(y.GetPartial(2), Is.Zero);
    }

    [Test]
    public void Multiply_InfiniteValueTimesZeroPartial_StaysZero()
    {
        C y = new C(double.PositiveInfinity) * C.Variable(2.0, 3);
        Assert.That(y.GetPartial(0), Is.Zero);
        Assert.That(y.GetPartial(3), Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void IsZero_ZeroValueWithPerturbation_IsFalse()
    {
        C x = C.Variable(0.0, 2);
        Assert.That(C.IsZero(x), Is.False);
        Assert.That(x == C.Zero, Is.False);
        Assert.That(C.IsZero(new C(0.0)), Is.True);
    }

    [Test]
    public void Ordering_LooksAtValueOnly()
    {
        C a = C.Variable(1.0, 0);
        C b = C.Variable(1.0, 1);
        Assert.That(a < b || a > b, Is.False);
        Assert.That(a.CompareTo(b), Is.Zero);
        Assert.That(a == b, Is.False);
        Assert.That(a.Equals(b), Is.False);
    }

    [Test]
    public void Equals_NaNEqualsItselfButOperatorDoesNot()
    {
        C nan = C.NaN;
        Assert.That(nan.Equals(nan), Is.True);
        Assert.That(nan == C.NaN, Is.False);
        Assert.That(nan.GetHashCode(), Is.EqualTo(C.NaN.GetHashCode()));
    }

    [Test]
    public void Max_AtTie_AveragesPartialsWhateverTheOrder()
    {
        C a = C.Variable(2.0, 0);
        C b = C.Variable(2.0, 1);
        Assert.That(C.Max(a, b), Is.EqualTo(C.Max(b, a)));
        Assert.That(C.Max(a, b).GetPartial(0), Is.EqualTo(0.5));
        Assert.That(C.Min(a, b).GetPartial(1), Is.EqualTo(0.5));
    }

    [Test]
    public void Abs_AtNegativeZero_HasSlopeMinusOne()
        => Assert.That(C.Abs(new C(-0.0, [1, 0, 0, 0, 0, 0, 0, 0])).GetPartial(0), Is.EqualTo(-1.0));

    [Test]
    public void Float_PartialsMatchDualFloat()
    {
        ChunkDual<float, Partials12<float>> x = new(0.7f, Enumerable.Range(0, 12).Select(i => (float)(i - 5)).ToArray());
        ChunkDual<float, Partials12<float>> y = ChunkDual<float, Partials12<float>>.Sin(x * x) / (x + 2f);
        for (int k = 0; k < 12; k++)
        {
            Dual<float> d = new(0.7f, k - 5);
            Dual<float> expected = Dual<float>.Sin(d * d) / (d + 2f);
            Assert.That(y.GetPartial(k), Is.EqualTo(expected.Derivative).Within(2e-7f * Math.Max(1, Math.Abs(expected.Derivative))));
        }
    }

    [Test]
    public void Half_EvaluatesWithScalarFallback()
    {
        ChunkDual<Half, Partials2<Half>> x = new((Half)1.5, [(Half)1, (Half)0]);
        ChunkDual<Half, Partials2<Half>> y = x * x;
        Assert.That((double)y.GetPartial(0), Is.EqualTo(3.0));
        Assert.That((double)y.GetPartial(1), Is.Zero);
    }

    [Test]
    public void Nested_ChunkOfChunks_GivesSecondDerivatives()
    {
        // f(x, y) = x² y³ at (2, 1): ∂²f/∂x∂y = 6 x y² = 12, ∂²f/∂y² = 6 x² y = 24
        ChunkDual<Inner, Partials2<Inner>> x = new(Inner.Variable(2, 0), [Inner.One, Inner.Zero]);
        ChunkDual<Inner, Partials2<Inner>> y = new(Inner.Variable(1, 1), [Inner.Zero, Inner.One]);
        var f = x * x * y * y * y;
        Assert.That(f.GetPartial(0).GetPartial(1), Is.EqualTo(12.0));
        Assert.That(f.GetPartial(1).GetPartial(1), Is.EqualTo(24.0));
        Assert.That(f.GetPartial(1).GetPartial(0), Is.EqualTo(12.0));
    }

    [Test]
    public void GenericCode_RunsThroughTheInterface()
    {
        static T Poly<T>(T x)
            where T : IFloatingPointIeee754<T>
            => (T.CreateChecked(3) * x * x) - (T.CreateChecked(4) * x);

        C y = Poly(C.Variable(1.0, 5));
        Assert.That(y.Value, Is.EqualTo(-1.0));
        Assert.That(y.GetPartial(5), Is.EqualTo(2.0));
    }

    [Test]
    public void ParseAndFormat_RoundTripAConstant()
    {
        C x = C.Parse("2.5", CultureInfo.InvariantCulture);
        Assert.That(x, Is.EqualTo(new C(2.5)));
        Assert.That(C.Variable(1.5, 1).ToString(), Is.EqualTo("1.5 + [0, 1, 0, 0, 0, 0, 0, 0]ε"));
        Assert.That(C.TryParse("abc", CultureInfo.InvariantCulture, out _), Is.False);
    }

    [Test]
    public void Constructor_WrongPartialCount_NamesBothCounts()
    {
        ArgumentException? e = Assert.Throws<ArgumentException>(() => _ = new C(1.0, [1.0, 2.0]));
        Assert.That(e!.Message, Does.Contain("8").And.Contain("2"));
    }

    private static T Create<T>(int value)
        where T : INumberBase<T>
        => T.CreateChecked(value);

    [Test]
    public void CreateChecked_FromIntAndToDouble_UseTheValue()
    {
        Assert.That(Create<C>(3), Is.EqualTo(new C(3.0)));
        Assert.That(double.CreateChecked(C.Variable(4.0, 0)), Is.EqualTo(4.0));
    }
}

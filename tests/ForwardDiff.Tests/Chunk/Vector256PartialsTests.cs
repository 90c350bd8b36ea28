using System.Numerics;

namespace ForwardDiff.Tests.Chunk;

/// <summary>
/// The register storage (<c>Vector256PartialsK&lt;T&gt;</c>) against the <c>[InlineArray]</c> storage of the same size:
/// every function of the generic surface, at ordinary and special points (zeros, infinities, NaN, points where the
/// local derivative is infinite), must give the same bits in the value and every partial.
/// </summary>
public class Vector256PartialsTests
{
    private static readonly string[] UnaryNames =
    [
        "Negate", "Square", "Reciprocal", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Tanh", "Asinh",
        "Acosh", "Atanh", "Exp", "ExpM1", "Exp2", "Exp10", "Log", "LogP1", "Log2", "Log10", "Sqrt", "Cbrt", "Abs", "Floor",
        "Round", "PowHalf", "ConstPow", "Hypot1", "PlusConst", "ConstMinus", "TimesInfinity", "Max0", "Min0",
    ];

    private static readonly string[] BinaryNames = ["Add", "Subtract", "Multiply", "Divide", "Pow", "Atan2", "Hypot", "Max", "Min", "Remainder", "FusedMultiplyAdd"];

    private static readonly double[] Points = [0.7, -1.3, 2.5, 0.0, -0.0, 1.0, -1.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e-300, 1e300];

    private static T Unary<T>(string name, T x)
        where T : IFloatingPointIeee754<T>
        => name switch
        {
            "Negate" => -x,
            "Square" => x * x,
            "Reciprocal" => T.One / x,
            "Sin" => T.Sin(x),
            "Cos" => T.Cos(x),
            "Tan" => T.Tan(x),
            "Asin" => T.Asin(x),
            "Acos" => T.Acos(x),
            "Atan" => T.Atan(x),
            "Sinh" => T.Sinh(x),
            "Cosh" => T.Cosh(x),
            "Tanh" => T.Tanh(x),
            "Asinh" => T.Asinh(x),
            "Acosh" => T.Acosh(x),
            "Atanh" => T.Atanh(x),
            "Exp" => T.Exp(x),
            "ExpM1" => T.ExpM1(x),
            "Exp2" => T.Exp2(x),
            "Exp10" => T.Exp10(x),
            "Log" => T.Log(x),
            "LogP1" => T.LogP1(x),
            "Log2" => T.Log2(x),
            "Log10" => T.Log10(x),
            "Sqrt" => T.Sqrt(x),
            "Cbrt" => T.Cbrt(x),
            "Abs" => T.Abs(x),
            "Floor" => T.Floor(x),
            "Round" => T.Round(x),
            "PowHalf" => T.Pow(x, T.CreateTruncating(0.5)),
            "ConstPow" => T.Pow(T.CreateTruncating(1.7), x),
            "Hypot1" => T.Hypot(x, T.One),
            "PlusConst" => x + T.CreateTruncating(3),
            "ConstMinus" => T.One - x,
            "TimesInfinity" => x * T.PositiveInfinity,
            "Max0" => T.Max(x, T.Zero),
            "Min0" => T.Min(x, T.Zero),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown function"),
        };

    private static T Binary<T>(string name, T x, T y)
        where T : IFloatingPointIeee754<T>
        => name switch
        {
            "Add" => x + y,
            "Subtract" => x - y,
            "Multiply" => x * y,
            "Divide" => x / y,
            "Pow" => T.Pow(x, y),
            "Atan2" => T.Atan2(x, y),
            "Hypot" => T.Hypot(x, y),
            "Max" => T.Max(x, y),
            "Min" => T.Min(x, y),
            "Remainder" => x % y,
            "FusedMultiplyAdd" => T.FusedMultiplyAdd(x, y, x),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown function"),
        };

    // Partials with exact zeros (strong-zero cases), negative zeros, and ordinary values.
    private static T[] Partials<T>(int count, int seed)
        where T : IFloatingPointIeee754<T>
    {
        Random random = new(seed);
        T[] p = new T[count];
        for (int k = 0; k < count; k++)
        {
            p[k] = (k % 4) switch
            {
                0 => T.Zero,
                1 => T.NegativeZero,
                _ => T.CreateTruncating((random.NextDouble() * 4) - 2),
            };
        }

        return p;
    }

    private static void AssertSameBits<T, TA, TB>(ChunkDual<T, TA> actual, ChunkDual<T, TB> expected, string what)
        where T : IFloatingPointIeee754<T>
        where TA : struct, IPartials<TA, T>
        where TB : struct, IPartials<TB, T>
    {
        Assert.That(ChunkDual<T, TA>.PartialCount, Is.EqualTo(ChunkDual<T, TB>.PartialCount), "storage sizes");
        AssertSame(actual.Value, expected.Value, $"{what}: value");
        for (int k = 0; k < ChunkDual<T, TA>.PartialCount; k++)
        {
            AssertSame(actual.GetPartial(k), expected.GetPartial(k), $"{what}: partial {k}");
        }
    }

    private static void AssertSame<T>(T actual, T expected, string what)
        where T : IFloatingPointIeee754<T>
    {
        if (T.IsNaN(expected))
        {
            Assert.That(T.IsNaN(actual), Is.True, $"{what}: expected NaN, got {actual}");
        }
        else
        {
            Assert.That(actual.Equals(expected) && T.IsNegative(actual) == T.IsNegative(expected), Is.True, $"{what}: expected {expected}, got {actual}");
        }
    }

    private static void CompareUnary<T, TVector, TArray>(int seed)
        where T : IFloatingPointIeee754<T>
        where TVector : struct, IPartials<TVector, T>
        where TArray : struct, IPartials<TArray, T>
    {
        int n = ChunkDual<T, TVector>.PartialCount;
        foreach (string name in UnaryNames)
        {
            foreach (double point in Points)
            {
                T[] p = Partials<T>(n, seed++);
                T x = T.CreateTruncating(point);
                ChunkDual<T, TVector> v = Unary(name, new ChunkDual<T, TVector>(x, p));
                ChunkDual<T, TArray> a = Unary(name, new ChunkDual<T, TArray>(x, p));
                AssertSameBits(v, a, $"{name}({point})");
            }
        }
    }

    private static void CompareBinary<T, TVector, TArray>(int seed)
        where T : IFloatingPointIeee754<T>
        where TVector : struct, IPartials<TVector, T>
        where TArray : struct, IPartials<TArray, T>
    {
        int n = ChunkDual<T, TVector>.PartialCount;
        foreach (string name in BinaryNames)
        {
            foreach (double px in Points)
            {
                foreach (double py in Points)
                {
                    T[] p = Partials<T>(n, seed++), q = Partials<T>(n, seed++);
                    T x = T.CreateTruncating(px), y = T.CreateTruncating(py);
                    ChunkDual<T, TVector> v = Binary(name, new ChunkDual<T, TVector>(x, p), new ChunkDual<T, TVector>(y, q));
                    ChunkDual<T, TArray> a = Binary(name, new ChunkDual<T, TArray>(x, p), new ChunkDual<T, TArray>(y, q));
                    AssertSameBits(v, a, $"{name}({px}, {py})");
                }
            }
        }
    }

    // SinglePartial<T>: the plain-field, register-resident one-partial storage (outer level of the Hessian row segments).
    [Test]
    public void SingleDouble_Unary_SameBitsAsInlineArray() => CompareUnary<double, SinglePartial<double>, Partials1<double>>(21);

    [Test]
    public void SingleDouble_Binary_SameBitsAsInlineArray() => CompareBinary<double, SinglePartial<double>, Partials1<double>>(22);

    [Test]
    public void SingleHalf_Unary_SameBitsAsInlineArray() => CompareUnary<Half, SinglePartial<Half>, Partials1<Half>>(23);

    [Test]
    public void SingleNested_Unary_SameAsInlineArray()
        => CompareUnary<ChunkDual<double, Vector256Partials1<double>>, SinglePartial<ChunkDual<double, Vector256Partials1<double>>>, Partials1<ChunkDual<double, Vector256Partials1<double>>>>(24);

    [Test]
    public void SingleNested_Binary_SameAsInlineArray()
        => CompareBinary<ChunkDual<double, Vector256Partials1<double>>, SinglePartial<ChunkDual<double, Vector256Partials1<double>>>, Partials1<ChunkDual<double, Vector256Partials1<double>>>>(25);

    [Test]
    public void Double4_Unary_SameBitsAsInlineArray() => CompareUnary<double, Vector256Partials1<double>, Partials4<double>>(1);

    [Test]
    public void Double8_Unary_SameBitsAsInlineArray() => CompareUnary<double, Vector256Partials2<double>, Partials8<double>>(2);

    [Test]
    public void Double12_Unary_SameBitsAsInlineArray() => CompareUnary<double, Vector256Partials3<double>, Partials12<double>>(3);

    [Test]
    public void Double16_Unary_SameBitsAsInlineArray() => CompareUnary<double, Vector256Partials4<double>, Partials16<double>>(4);

    [Test]
    public void Float8_Unary_SameBitsAsInlineArray() => CompareUnary<float, Vector256Partials1<float>, Partials8<float>>(5);

    [Test]
    public void Float16_Unary_SameBitsAsInlineArray() => CompareUnary<float, Vector256Partials2<float>, Partials16<float>>(6);

    [Test]
    public void Double4_Binary_SameBitsAsInlineArray() => CompareBinary<double, Vector256Partials1<double>, Partials4<double>>(7);

    [Test]
    public void Double8_Binary_SameBitsAsInlineArray() => CompareBinary<double, Vector256Partials2<double>, Partials8<double>>(8);

    [Test]
    public void Double12_Binary_SameBitsAsInlineArray() => CompareBinary<double, Vector256Partials3<double>, Partials12<double>>(9);

    [Test]
    public void Double16_Binary_SameBitsAsInlineArray() => CompareBinary<double, Vector256Partials4<double>, Partials16<double>>(10);

    [Test]
    public void Float16_Binary_SameBitsAsInlineArray() => CompareBinary<float, Vector256Partials2<float>, Partials16<float>>(11);

    [Test]
    public void Count_IsPartialsPerStorage()
    {
        Assert.That(ChunkDual<double, Vector256Partials1<double>>.PartialCount, Is.EqualTo(4));
        Assert.That(ChunkDual<double, Vector256Partials2<double>>.PartialCount, Is.EqualTo(8));
        Assert.That(ChunkDual<double, Vector256Partials3<double>>.PartialCount, Is.EqualTo(12));
        Assert.That(ChunkDual<double, Vector256Partials4<double>>.PartialCount, Is.EqualTo(16));
        Assert.That(ChunkDual<float, Vector256Partials1<float>>.PartialCount, Is.EqualTo(8));
        Assert.That(ChunkDual<float, Vector256Partials2<float>>.PartialCount, Is.EqualTo(16));
    }

    [Test]
    public void Half_IsNotSupported_WithAMessageNamingTheType()
    {
        NotSupportedException? e = Assert.Throws<NotSupportedException>(() => _ = ChunkDual<Half, Vector256Partials2<Half>>.PartialCount);
        Assert.That(e!.Message, Does.Contain("Half"));
    }

    [Test]
    public void StrongZero_InfiniteLocalDerivative_KeepsZeroPartialsZero()
    {
        // sqrt′(0) = ∞: partials that are exactly zero stay +0, the others become ±∞
        double[] p = [0, 1, -0.0, -2, 0, 0, 3, 0];
        ChunkDual<double, Vector256Partials2<double>> y = ChunkDual<double, Vector256Partials2<double>>.Sqrt(new(0, p));
        double[] expected = [0, double.PositiveInfinity, 0, double.NegativeInfinity, 0, 0, double.PositiveInfinity, 0];
        for (int k = 0; k < 8; k++)
        {
            Assert.That(y.GetPartial(k), Is.EqualTo(expected[k]), $"partial {k}");
            Assert.That(double.IsNegative(y.GetPartial(k)), Is.EqualTo(double.IsNegative(expected[k])), $"sign of partial {k}");
        }
    }

    [Test]
    public void Gradient_EveryChunkSize_SameBitsWithRegisterAndInlineArrayStorage()
    {
        Random random = new(12);
        double[] x = Enumerable.Range(0, 37).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        double[] reference = AutoDiff.Gradient(new TestFunctions.Rosenbrock(), x, new GradientConfig<double>(x.Length, 3));
        foreach (int chunk in new[] { 4, 8, 12, 16 })
        {
            double[] g = AutoDiff.Gradient(new TestFunctions.Rosenbrock(), x, new GradientConfig<double>(x.Length, chunk));
            Assert.That(g, Is.EqualTo(reference), $"chunk {chunk}");
        }
    }

    [Test]
    public void FloatGradient_RegisterChunks_SameBitsAsScalarChunk_AndCloseToDouble()
    {
        Random random = new(13);
        double[] xd = Enumerable.Range(0, 41).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        float[] x = xd.Select(v => (float)v).ToArray();
        float[] reference = AutoDiff.Gradient(new TestFunctions.Rosenbrock(), x, new GradientConfig<float>(x.Length, 3));
        foreach (int chunk in new[] { 0, 8, 16 })
        {
            float[] g = AutoDiff.Gradient(new TestFunctions.Rosenbrock(), x, new GradientConfig<float>(x.Length, chunk));
            Assert.That(g, Is.EqualTo(reference), $"chunk {chunk}");
        }

        double[] exact = TestFunctions.Rosenbrock.Gradient(x.Select(v => (double)v).ToArray());
        for (int i = 0; i < x.Length; i++)
        {
            Assert.That(reference[i], Is.EqualTo(exact[i]).Within(1e-4 * (1 + Math.Abs(exact[i]))), $"component {i}");
        }
    }

    [Test]
    public void Jacobian_RegisterAndInlineArrayStorage_SameBits()
    {
        double[] x = [0.3, -1.2, 2.0, 0.7, -0.4, 1.1, 0.9, -2.2, 0.05];
        double[,] viaScalarChunk = AutoDiff.Jacobian(new TestFunctions.Mixed(), x, new JacobianConfig<double>(x.Length, x.Length, 3));
        foreach (int chunk in new[] { 0, 4, 8, 12, 16 })
        {
            double[,] viaRegisters = AutoDiff.Jacobian(new TestFunctions.Mixed(), x, new JacobianConfig<double>(x.Length, x.Length, chunk));
            Assert.That(viaRegisters, Is.EqualTo(viaScalarChunk), $"chunk {chunk}");
        }
    }
}

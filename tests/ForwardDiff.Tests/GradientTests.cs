using ForwardDiff.Tests.Chunk;
using static ForwardDiff.Tests.Chunk.TestFunctions;

namespace ForwardDiff.Tests;

public class GradientTests
{
    private const double Tolerance = 1e-13;

    private static void AssertClose(double[] actual, double[] expected, double tolerance = Tolerance)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.That(actual[i], Is.EqualTo(expected[i]).Within(RelativeTolerance(expected[i], tolerance)), $"component {i}");
        }
    }

    [TestCase(2)]
    [TestCase(10)]
    [TestCase(100)]
    public void Gradient_Rosenbrock_MatchesAnalytic(int n)
    {
        double[] x = Point(n, n);
        AssertClose(AutoDiff.Gradient(new Rosenbrock(), x), Rosenbrock.Gradient(x));
    }

    [Test]
    public void Gradient_Beale_MatchesAnalytic()
        => AssertClose(AutoDiff.Gradient(new Beale(), [1.3, 0.7]), Beale.Gradient(1.3, 0.7));

    [Test]
    public void Gradient_Booth_MatchesAnalytic()
        => AssertClose(AutoDiff.Gradient(new Booth(), [0.4, -2.5]), Booth.Gradient(0.4, -2.5));

    [Test]
    public void Gradient_Himmelblau_MatchesAnalytic()
        => AssertClose(AutoDiff.Gradient(new Himmelblau(), [-1.1, 2.9]), Himmelblau.Gradient(-1.1, 2.9));

    [TestCase(4)]
    [TestCase(20)]
    public void Gradient_ExtendedPowell_MatchesAnalytic(int n)
    {
        double[] x = Point(n, 7);
        AssertClose(AutoDiff.Gradient(new ExtendedPowell(), x), ExtendedPowell.Gradient(x));
    }

    [TestCase(3)]
    [TestCase(30)]
    public void Gradient_LogSumExp_IsSoftmax(int n)
    {
        double[] x = Point(n, 11);
        AssertClose(AutoDiff.Gradient(new LogSumExp(), x), LogSumExp.Gradient(x));
    }

    [Test]
    public void Gradient_ChainRuleExample_IsFourX()
    {
        double[] g = AutoDiff.Gradient(new ChainExample(), [1.5, -0.25]);
        Assert.That(g, Is.EqualTo(new[] { 6.0, -1.0 }));
    }

    [Test]
    public void Gradient_AllChunkSizes_GiveIdenticalBits()
    {
        double[] x = Point(37, 5);
        double[] reference = AutoDiff.Gradient(new MixedSum(), x, new GradientConfig<double>(37, 1));
        foreach (int chunk in new[] { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16 })
        {
            double[] g = AutoDiff.Gradient(new MixedSum(), x, new GradientConfig<double>(37, chunk));
            Assert.That(g, Is.EqualTo(reference), $"chunk {chunk}");
        }
    }

    [Test]
    public void Gradient_ChunkedEqualsOnePartialDualPerComponent()
    {
        double[] x = Point(13, 3);
        double[] g = AutoDiff.Gradient(new MixedSum(), x);
        Dual<double>[] duals = new Dual<double>[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j < x.Length; j++)
            {
                duals[j] = new Dual<double>(x[j], i == j ? 1 : 0);
            }

            double expected = new MixedSum().Invoke<Dual<double>>(duals).Derivative;
            Assert.That(g[i], Is.EqualTo(expected).Within(RelativeTolerance(expected, 1e-15)), $"component {i}");
        }
    }

    [TestCase(100, 8, GradientMethod.Automatic)]
    [TestCase(1000, 12, GradientMethod.ChunkedDuals)]
    [TestCase(1000, 12, GradientMethod.Automatic)]
    public void Gradient_Parallel_IsBitIdenticalToSerial(int n, int chunk, GradientMethod method)
    {
        double[] x = Point(n, 9);
        double[] serial = AutoDiff.Gradient(new Rosenbrock(), x, new GradientConfig<double>(n, chunk, method: method));
        double[] parallel = AutoDiff.Gradient(new Rosenbrock(), x, new GradientConfig<double>(n, chunk, parallel: true, method: method));
        Assert.That(parallel.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(serial.Select(BitConverter.DoubleToInt64Bits)));
    }

    [Test]
    public void Gradient_ResultForm_HoldsValueAndGradientFromOneSweep()
    {
        double[] x = Point(10, 1);
        GradientResult<double> result = new(10);
        AutoDiff.Gradient(new Rosenbrock(), x, result, new GradientConfig<double>(10));
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.EqualTo(new Rosenbrock().Invoke<double>(x)));
            AssertClose(result.Gradient, Rosenbrock.Gradient(x));
        });
    }

    [Test]
    public void Gradient_IntoSpan_ReturnsValue()
    {
        double[] x = Point(5, 2);
        double[] g = new double[5];
        double value = AutoDiff.Gradient(new Rosenbrock(), x, g);
        Assert.That(value, Is.EqualTo(new Rosenbrock().Invoke<double>(x)));
        AssertClose(g, Rosenbrock.Gradient(x));
    }

    [Test]
    public void Gradient_Delegate_MatchesStructForm()
    {
        double[] g = AutoDiff.Gradient(x => (x[0] * x[0] * x[1]) + ChunkDual<double, Partials8<double>>.Sin(x[1]), [2.0, 0.5]);
        Assert.That(g[0], Is.EqualTo(2.0));
        Assert.That(g[1], Is.EqualTo(4 + Math.Cos(0.5)).Within(1e-15));
    }

    [Test]
    public void Gradient_Float_MatchesAnalytic()
    {
        float[] g = AutoDiff.Gradient(new Rosenbrock(), [1.2f, 0.8f, -0.5f]);
        double[] expected = Rosenbrock.Gradient([1.2f, 0.8f, -0.5f]);
        for (int i = 0; i < 3; i++)
        {
            Assert.That(g[i], Is.EqualTo(expected[i]).Within(RelativeTolerance(expected[i], 1e-5)));
        }
    }

    [Test]
    public void Gradient_WithConfigIntoSpan_AllocatesNothing()
    {
        double[] x = Point(100, 4);
        double[] g = new double[100];
        GradientConfig<double> config = new(100);
        AutoDiff.Gradient(new Rosenbrock(), x, g, config);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.Gradient(new Rosenbrock(), x, g, config);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void Gradient_EmptyInput_GivesEmptyGradientAndValue()
    {
        GradientResult<double> result = new(0);
        AutoDiff.Gradient(new Rosenbrock(), ReadOnlySpan<double>.Empty, result);
        Assert.That(result.Gradient, Is.Empty);
        Assert.That(result.Value, Is.Zero);
    }

    [Test]
    public void Gradient_DestinationLengthMismatch_NamesBothLengths()
    {
        ArgumentException? e = Assert.Throws<ArgumentException>(() => AutoDiff.Gradient(new Rosenbrock(), new double[4], new double[3]));
        Assert.That(e!.Message, Does.Contain("3").And.Contain("4"));
    }

    [Test]
    public void Gradient_ConfigLengthMismatch_NamesBothLengths()
    {
        ArgumentException? e = Assert.Throws<ArgumentException>(() => AutoDiff.Gradient(new Rosenbrock(), new double[5], new GradientConfig<double>(7)));
        Assert.That(e!.Message, Does.Contain("5").And.Contain("7"));
    }

    [TestCase(-1)]
    [TestCase(13)]
    [TestCase(17)]
    public void GradientConfig_InvalidChunkSize_Throws(int chunk)
        => Assert.Throws<ArgumentOutOfRangeException>(() => _ = new GradientConfig<double>(10, chunk));

    [Test]
    public void Gradient_NaNInput_PropagatesNaN()
    {
        double[] g = AutoDiff.Gradient(new Rosenbrock(), [1.0, double.NaN, 2.0]);
        Assert.That(double.IsNaN(g[1]) && double.IsNaN(g[0]), Is.True);
    }

    // Element types without a register path (Half here) follow ForwardDiff.jl's rule with threshold 12.
    [TestCase(1, 1)]
    [TestCase(2, 2)]
    [TestCase(3, 4)]
    [TestCase(10, 12)]
    [TestCase(12, 12)]
    [TestCase(13, 8)]
    [TestCase(100, 12)]
    [TestCase(1000, 12)]
    [TestCase(50, 12)]
    public void GradientConfig_AutomaticChunkSize_FollowsTheRule(int n, int expected)
        => Assert.That(new GradientConfig<Half>(n).ChunkSize, Is.EqualTo(expected));

    // double with SIMD (AVX2, AVX-512, or 128-bit only: Vector256 as two halves): threshold 8, the largest register-resident Vector256 storage;
    // 9–12 inputs take one pass of 12 rather than two of 8 (measured faster); 1 and 2 inputs one Vector256 of 4.
    [TestCase(1, 4)]
    [TestCase(2, 4)]
    [TestCase(3, 4)]
    [TestCase(8, 8)]
    [TestCase(9, 12)]
    [TestCase(10, 12)]
    [TestCase(12, 12)]
    [TestCase(13, 8)]
    [TestCase(17, 8)]
    [TestCase(100, 8)]
    [TestCase(1000, 8)]
    public void GradientConfig_AutomaticChunkSize_ForDouble_UsesTheRegisterThreshold(int n, int expectedWith256BitSimd)
    {
        int expected = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated || System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? expectedWith256BitSimd : new GradientConfig<Half>(n).ChunkSize;
        Assert.That(new GradientConfig<double>(n).ChunkSize, Is.EqualTo(expected));
    }

    // float on 256-bit hardware: threshold 16, sizes rounded to 8 or 16 (one or two Vector256 of float lanes).
    [TestCase(1, 8)]
    [TestCase(5, 8)]
    [TestCase(8, 8)]
    [TestCase(9, 16)]
    [TestCase(16, 16)]
    [TestCase(17, 16)]
    [TestCase(20, 16)]
    [TestCase(33, 16)]
    [TestCase(100, 16)]
    public void GradientConfig_AutomaticChunkSize_ForFloat_UsesWholeVectors(int n, int expectedWith256BitSimd)
    {
        int expected = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated || System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? expectedWith256BitSimd : new GradientConfig<Half>(n).ChunkSize;
        Assert.That(new GradientConfig<float>(n).ChunkSize, Is.EqualTo(expected));
    }

    [Test]
    public void CheckGradient_Rosenbrock_AgreesWithFiniteDifferences()
    {
        GradientCheck<double> check = AutoDiff.CheckGradient(new Rosenbrock(), Point(10, 3));
        Assert.That(check.Agrees(1e-7), Is.True, check.ToString());
    }

    [Test]
    public void CheckGradient_NonSmoothFunctionAtKink_ReportsTheComponent()
    {
        GradientCheck<double> check = AutoDiff.CheckGradient(new AbsSum(), [0.0, 2.0]);
        Assert.That(check.WorstComponent, Is.Zero);
        Assert.That(check.MaxRelativeError, Is.EqualTo(1.0).Within(1e-12));
    }

    private readonly struct AbsSum : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : System.Numerics.IFloatingPointIeee754<T>
            => T.Abs(x[0]) + (x[1] * x[1]);
    }
}

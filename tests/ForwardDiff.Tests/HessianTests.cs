using static ForwardDiff.Tests.Chunk.TestFunctions;

namespace ForwardDiff.Tests;

public class HessianTests
{
    private static void AssertClose(double[,] actual, double[,] expected, double tolerance = 1e-12)
    {
        Assert.That(actual.GetLength(0), Is.EqualTo(expected.GetLength(0)));
        for (int i = 0; i < expected.GetLength(0); i++)
        {
            for (int j = 0; j < expected.GetLength(1); j++)
            {
                Assert.That(actual[i, j], Is.EqualTo(expected[i, j]).Within(RelativeTolerance(expected[i, j], tolerance)), $"[{i}, {j}]");
            }
        }
    }

    [TestCase(2)]
    [TestCase(10)]
    [TestCase(100)]
    public void Hessian_Rosenbrock_MatchesAnalytic(int n)
    {
        double[] x = Point(n, n + 1);
        AssertClose(AutoDiff.Hessian(new Rosenbrock(), x), Rosenbrock.Hessian(x));
    }

    [Test]
    public void Hessian_Beale_MatchesAnalytic() => AssertClose(AutoDiff.Hessian(new Beale(), [1.3, 0.7]), Beale.Hessian(1.3, 0.7));

    [Test]
    public void Hessian_Booth_IsConstant() => AssertClose(AutoDiff.Hessian(new Booth(), [3.0, -1.0]), Booth.Hessian());

    [Test]
    public void Hessian_Himmelblau_MatchesAnalytic() => AssertClose(AutoDiff.Hessian(new Himmelblau(), [-1.1, 2.9]), Himmelblau.Hessian(-1.1, 2.9));

    [TestCase(8)]
    [TestCase(12)]
    public void Hessian_ExtendedPowell_MatchesAnalytic(int n)
    {
        double[] x = Point(n, 3);
        AssertClose(AutoDiff.Hessian(new ExtendedPowell(), x), ExtendedPowell.Hessian(x));
    }

    [TestCase(5)]
    [TestCase(19)]
    public void Hessian_LogSumExp_MatchesAnalytic(int n)
    {
        double[] x = Point(n, 4);
        AssertClose(AutoDiff.Hessian(new LogSumExp(), x), LogSumExp.Hessian(x), 1e-14);
    }

    [Test]
    public void Hessian_IsExactlySymmetric([Values(HessianMethod.SecondOrderAdjoint, HessianMethod.NestedDuals)] HessianMethod method)
    {
        double[] x = Point(23, 6);
        double[,] h = AutoDiff.Hessian(new MixedSum(), x, new HessianConfig<double>(23, 5, method: method));
        for (int i = 0; i < 23; i++)
        {
            for (int j = 0; j < 23; j++)
            {
                Assert.That(h[i, j], Is.EqualTo(h[j, i]), $"[{i}, {j}]");
            }
        }
    }

    [Test]
    public void Hessian_AllBlockSizesAgreeAndParallelIsBitIdentical([Values(HessianMethod.SecondOrderAdjoint, HessianMethod.NestedDuals)] HessianMethod method)
    {
        double[] x = Point(21, 2);
        double[,] reference = AutoDiff.Hessian(new MixedSum(), x, new HessianConfig<double>(21, 1, method: method));
        foreach (int chunk in new[] { 2, 3, 4, 8, 12, 16 })
        {
            double[,] serial = AutoDiff.Hessian(new MixedSum(), x, new HessianConfig<double>(21, chunk, method: method));
            AssertClose(serial, reference, 1e-14);
            Assert.That(AutoDiff.Hessian(new MixedSum(), x, new HessianConfig<double>(21, chunk, parallel: true, method: method)), Is.EqualTo(serial), $"parallel block {chunk}");
        }
    }

    [Test]
    public void Hessian_ResultForm_HoldsValueGradientAndHessian()
    {
        double[] x = Point(17, 7);
        HessianResult<double> result = new(17);
        AutoDiff.Hessian(new Rosenbrock(), x, result, new HessianConfig<double>(17, 4));
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.EqualTo(new Rosenbrock().Invoke<double>(x)));
            Assert.That(result.Gradient, Is.EqualTo(Rosenbrock.Gradient(x)).Within(1e-11));
            AssertClose(result.Hessian, Rosenbrock.Hessian(x));
        });
    }

    [Test]
    public void Hessian_WithConfigIntoSpan_AllocatesNothing()
    {
        double[] x = Point(30, 1);
        double[] h = new double[900];
        HessianConfig<double> config = new(30);
        AutoDiff.Hessian(new Rosenbrock(), x, h, config);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.Hessian(new Rosenbrock(), x, h, config);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Hessian_EmptyInput_GivesEmptyMatrix()
        => Assert.That(AutoDiff.Hessian(new Rosenbrock(), ReadOnlySpan<double>.Empty), Is.Empty);

    [Test]
    public void Hessian_DestinationMismatch_NamesBothLengths()
    {
        ArgumentException? e = Assert.Throws<ArgumentException>(() => AutoDiff.Hessian(new Rosenbrock(), new double[3], new double[8]));
        Assert.That(e!.Message, Does.Contain("8").And.Contain("9"));
    }

    [Test]
    public void HessianConfig_InvalidChunkSize_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => _ = new HessianConfig<double>(10, 14));

    [Test]
    public void Hessian_Delegate_MatchesAnalytic()
    {
        double[,] h = AutoDiff.Hessian<double>(x => x[0] * x[0] * x[1], [3.0, 2.0]);
        Assert.That(h, Is.EqualTo(new double[,] { { 4, 6 }, { 6, 0 } }));
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(16)]
    public void HessianVectorProduct_EqualsHessianTimesVector(int chunk)
    {
        double[] x = Point(19, 1);
        double[] v = Point(19, 2);
        double[,] h = AutoDiff.Hessian(new MixedSum(), x);
        HessianVectorProductResult<double> result = new(19);
        AutoDiff.HessianVectorProduct(new MixedSum(), x, v, result, new HessianConfig<double>(19, chunk));
        for (int i = 0; i < 19; i++)
        {
            double expected = 0;
            for (int k = 0; k < 19; k++)
            {
                expected += h[i, k] * v[k];
            }

            Assert.That(result.Product[i], Is.EqualTo(expected).Within(1e-12 * Math.Max(1, Math.Abs(expected))), $"component {i}");
        }

        Assert.That(result.Gradient, Is.EqualTo(AutoDiff.Gradient(new MixedSum(), x)).Within(1e-13));
    }

    [Test]
    public void HessianVectorProduct_ParallelIsBitIdentical()
    {
        double[] x = Point(40, 1);
        double[] v = Point(40, 2);
        double[] serial = AutoDiff.HessianVectorProduct(new Rosenbrock(), x, v, new HessianConfig<double>(40, 4));
        double[] parallel = AutoDiff.HessianVectorProduct(new Rosenbrock(), x, v, new HessianConfig<double>(40, 4, parallel: true));
        Assert.That(parallel, Is.EqualTo(serial));
    }

    [Test]
    public void HessianVectorProduct_DirectionMismatch_NamesBothLengths()
    {
        ArgumentException? e = Assert.Throws<ArgumentException>(() => AutoDiff.HessianVectorProduct(new Rosenbrock(), new double[4], new double[6]));
        Assert.That(e!.Message, Does.Contain("4").And.Contain("6"));
    }
}

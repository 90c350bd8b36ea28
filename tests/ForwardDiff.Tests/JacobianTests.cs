using static ForwardDiff.Tests.Chunk.TestFunctions;

namespace ForwardDiff.Tests;

public class JacobianTests
{
    [Test]
    public void Jacobian_ChainRuleExample_IsOnesAndMinusOne()
    {
        double[,] j = AutoDiff.Jacobian(new SumDifference(), [0.3, 1.7]);
        Assert.That(j, Is.EqualTo(new double[,] { { 1, 1 }, { 1, -1 } }));
    }

    [Test]
    public void Jacobian_ChainRule_GradientEqualsJTransposeTimesOuterGradient()
    {
        double[] x = [0.8, -1.9];
        JacobianResult<double> inner = new(2, 2);
        AutoDiff.Jacobian(new SumDifference(), x, inner);
        double[] gu = AutoDiff.Gradient(new SumOfSquares(), inner.Value);
        double[] expected = [(inner.Jacobian[0, 0] * gu[0]) + (inner.Jacobian[1, 0] * gu[1]), (inner.Jacobian[0, 1] * gu[0]) + (inner.Jacobian[1, 1] * gu[1])];
        double[] g = AutoDiff.Gradient(new ChainExample(), x);
        Assert.That(g, Is.EqualTo(expected));
        Assert.That(g, Is.EqualTo(new[] { 4 * x[0], 4 * x[1] }).Within(1e-15));
    }

    [Test]
    public void Jacobian_PolarToCartesian_MatchesAnalytic()
    {
        double r = 2.5, t = 0.9;
        double[,] j = AutoDiff.Jacobian(new PolarToCartesian(), [r, t]);
        Assert.That(j[0, 0], Is.EqualTo(Math.Cos(t)).Within(1e-15));
        Assert.That(j[0, 1], Is.EqualTo(-r * Math.Sin(t)).Within(1e-15));
        Assert.That(j[1, 0], Is.EqualTo(Math.Sin(t)).Within(1e-15));
        Assert.That(j[1, 1], Is.EqualTo(r * Math.Cos(t)).Within(1e-15));
    }

    [Test]
    public void Jacobian_Lorenz_MatchesAnalytic()
    {
        double x = 1.2, y = -0.7, z = 20.5;
        JacobianResult<double> result = new(3, 3);
        AutoDiff.Jacobian(new Lorenz(), [x, y, z], result);
        double[,] expected = { { -10, 10, 0 }, { 28 - z, -1, -x }, { y, x, -8.0 / 3.0 } };
        Assert.That(result.Jacobian, Is.EqualTo(expected).Within(1e-14));
        Assert.That(result.Value, Is.EqualTo(new[] { 10 * (y - x), (x * (28 - z)) - y, (x * y) - (8.0 / 3.0 * z) }).Within(1e-14));
    }

    [Test]
    public void Jacobian_AllChunkSizesAndParallel_GiveIdenticalBits()
    {
        double[] x = Point(29, 8);
        double[,] reference = AutoDiff.Jacobian(new Mixed(), x, new JacobianConfig<double>(29, 29, 1));
        foreach (int chunk in new[] { 2, 4, 7, 8, 12, 16 })
        {
            Assert.That(AutoDiff.Jacobian(new Mixed(), x, new JacobianConfig<double>(29, 29, chunk)), Is.EqualTo(reference), $"chunk {chunk}");
            Assert.That(AutoDiff.Jacobian(new Mixed(), x, new JacobianConfig<double>(29, 29, chunk, parallel: true)), Is.EqualTo(reference), $"parallel chunk {chunk}");
        }
    }

    [Test]
    public void Jacobian_RowsAreGradientsOfTheComponents()
    {
        double[] x = Point(9, 2);
        double[,] j = AutoDiff.Jacobian(new Mixed(), x);
        double[] columnSums = new double[9];
        for (int i = 0; i < 9; i++)
        {
            for (int k = 0; k < 9; k++)
            {
                columnSums[k] += j[i, k];
            }
        }

        double[] g = AutoDiff.Gradient(new MixedSum(), x);
        Assert.That(columnSums, Is.EqualTo(g).Within(1e-13));
    }

    [Test]
    public void Jacobian_IntoSpans_WithConfigAllocatesNothing()
    {
        double[] x = Point(20, 1);
        double[] values = new double[20];
        double[] j = new double[400];
        JacobianConfig<double> config = new(20, 20);
        AutoDiff.Jacobian(new Mixed(), x, values, j, config);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.Jacobian(new Mixed(), x, values, j, config);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Jacobian_DestinationMismatch_NamesBothLengths()
    {
        ArgumentException? e = Assert.Throws<ArgumentException>(() => AutoDiff.Jacobian(new Lorenz(), new double[3], new double[3], new double[8]));
        Assert.That(e!.Message, Does.Contain("8").And.Contain("9"));
    }

    [Test]
    public void Jacobian_Delegate_MatchesStructForm()
    {
        double[,] j = AutoDiff.Jacobian<double>((x, y) => { y[0] = x[0] * x[1]; y[1] = x[0] + x[1] + x[2]; }, [2.0, 3.0, 4.0], 2);
        Assert.That(j, Is.EqualTo(new double[,] { { 3, 2, 0 }, { 1, 1, 1 } }));
    }

    [Test]
    public void JacobianVectorProduct_EqualsJacobianTimesVector()
    {
        double[] x = Point(11, 4);
        double[] v = Point(11, 5);
        double[,] j = AutoDiff.Jacobian(new Mixed(), x);
        double[] jv = AutoDiff.JacobianVectorProduct(new Mixed(), x, v);
        for (int i = 0; i < 11; i++)
        {
            double expected = 0;
            for (int k = 0; k < 11; k++)
            {
                expected += j[i, k] * v[k];
            }

            Assert.That(jv[i], Is.EqualTo(expected).Within(1e-13 * Math.Max(1, Math.Abs(expected))));
        }
    }

    [Test]
    public void JacobianVectorProduct_ScalarFunction_IsDirectionalDerivative()
    {
        double[] x = Point(6, 4);
        double[] v = [1, 0, -1, 2, 0.5, 0];
        double d = AutoDiff.JacobianVectorProduct(new Rosenbrock(), x, v, out double value);
        double[] g = Rosenbrock.Gradient(x);
        Assert.That(d, Is.EqualTo(g.Zip(v, (a, b) => a * b).Sum()).Within(1e-12));
        Assert.That(value, Is.EqualTo(new Rosenbrock().Invoke<double>(x)));
    }

    [Test]
    public void JacobianVectorProduct_DirectionMismatch_NamesBothLengths()
    {
        ArgumentException? e = Assert.Throws<ArgumentException>(() => AutoDiff.JacobianVectorProduct(new Lorenz(), new double[3], new double[2]));
        Assert.That(e!.Message, Does.Contain("2").And.Contain("3"));
    }
}

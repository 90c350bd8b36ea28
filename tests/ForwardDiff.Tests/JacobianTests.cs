using System.Numerics;
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

    // The engine copies whole-chunk rows as one block store of the partials storage and partial chunks (the last one, or
    // chunks with idle lanes) element by element, and copies the values once after the last pass; every path must give
    // the one-partial reference's bits, the plain evaluation's values, and leave the rest of a larger buffer untouched.
    // Cases: several passes with idle lanes (chunk 1 → 4 lanes, 3, 5), whole chunks (8, 16), one pass shorter than the
    // storage (n = 10 → 12 lanes; n = 9, chunk 12; n = 3 → 4 lanes; n = 5, chunk 16, too short to spill into the next row).
    [TestCase(21, 1)]
    [TestCase(21, 3)]
    [TestCase(21, 5)]
    [TestCase(21, 8)]
    [TestCase(21, 16)]
    [TestCase(10, 0)]
    [TestCase(9, 12)]
    [TestCase(3, 0)]
    [TestCase(5, 16)]
    public void Jacobian_IntoBuffers_BlockAndElementCopiesAgreeWithOnePartialPasses(int n, int chunk)
    {
        int m = n;
        double[] x = Point(n, 11);
        double[] plain = new double[m];
        new Mixed().Invoke<double>(x, plain);
        double[,] reference = AutoDiff.Jacobian(new Mixed(), x, new JacobianConfig<double>(n, m, 1));
        foreach (bool parallel in new[] { false, true })
        {
            double[] values = new double[m];
            double[] buffer = Enumerable.Repeat(-7.0, (n * m) + 5).ToArray();
            AutoDiff.Jacobian(new Mixed(), x, values, buffer.AsSpan(0, n * m), new JacobianConfig<double>(n, m, chunk, parallel));
            Assert.That(values, Is.EqualTo(plain), $"values, parallel {parallel}");
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    Assert.That(BitConverter.DoubleToInt64Bits(buffer[(i * n) + j]), Is.EqualTo(BitConverter.DoubleToInt64Bits(reference[i, j])), $"J[{i}, {j}], parallel {parallel}");
                }
            }

            Assert.That(buffer.AsSpan(n * m).ToArray(), Is.All.EqualTo(-7.0), "entries past m·n");
        }
    }

    // m ≠ n: a row is n entries long, so a spill from row i lands in row i + 1's first columns after n − start entries.
    [TestCase(3, 20, 0)]
    [TestCase(20, 3, 0)]
    [TestCase(7, 10, 0)]
    [TestCase(10, 7, 5)]
    [TestCase(5, 13, 3)]
    public void Jacobian_NonSquare_BlockAndElementCopiesAgreeWithOnePartialPasses(int m, int n, int chunk)
    {
        var function = new Mixing(m);
        double[] x = Point(n, 13);
        double[] plain = new double[m];
        function.Invoke<double>(x, plain);
        double[,] reference = AutoDiff.Jacobian(function, x, new JacobianConfig<double>(n, m, 1));
        double[] values = new double[m];
        double[] buffer = Enumerable.Repeat(-7.0, (n * m) + 5).ToArray();
        AutoDiff.Jacobian(function, x, values, buffer.AsSpan(0, n * m), new JacobianConfig<double>(n, m, chunk));
        Assert.That(values, Is.EqualTo(plain));
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.That(buffer[(i * n) + j], Is.EqualTo(reference[i, j]), $"J[{i}, {j}]");
                Assert.That(reference[i, j], Is.Not.EqualTo(0.0), $"every output depends on every input: J[{i}, {j}]");
            }
        }

        Assert.That(buffer.AsSpan(n * m).ToArray(), Is.All.EqualTo(-7.0), "entries past m·n");
    }

    // float: 8 or 16 lanes per storage (n = 10 runs one pass on 16 lanes and spills; n = 32 fills two whole storages)
    [TestCase(10, 0)]
    [TestCase(32, 16)]
    [TestCase(19, 5)]
    public void Jacobian_Float_BlockAndElementCopiesAgreeWithOnePartialPasses(int n, int chunk)
    {
        var function = new Mixing(n + 2);
        int m = n + 2;
        float[] x = Point(n, 17).Select(v => (float)v).ToArray();
        float[,] reference = AutoDiff.Jacobian(function, x, new JacobianConfig<float>(n, m, 1));
        float[] values = new float[m];
        float[] buffer = Enumerable.Repeat(-7f, (n * m) + 5).ToArray();
        AutoDiff.Jacobian(function, x, values, buffer.AsSpan(0, n * m), new JacobianConfig<float>(n, m, chunk));
        float[] plain = new float[m];
        function.Invoke<float>(x, plain);
        Assert.That(values, Is.EqualTo(plain));
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.That(buffer[(i * n) + j], Is.EqualTo(reference[i, j]), $"J[{i}, {j}]");
            }
        }

        Assert.That(buffer.AsSpan(n * m).ToArray(), Is.All.EqualTo(-7f), "entries past m·n");
    }

    /// <summary>y_i = Σ_j sin((i + 1) x_j) + x_j²/(j + 1): m outputs for any n, each depending on every input.</summary>
    private readonly struct Mixing(int outputs) : IVectorFunction
    {
        public int OutputLength(int inputLength) => outputs;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            for (int i = 0; i < y.Length; i++)
            {
                T sum = T.Zero;
                for (int j = 0; j < x.Length; j++)
                {
                    sum += T.Sin(T.CreateTruncating(i + 1) * x[j]) + (x[j] * x[j] / T.CreateTruncating(j + 1));
                }

                y[i] = sum;
            }
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

    [Test]
    public void JacobianVectorProduct_UnitDirections_GiveTheJacobianColumns()
    {
        // A unit seed makes the one-direction dual do the per-lane arithmetic of the chunk's partial k: bit for bit for
        // functions without quotients (Lorenz, Rosenbrock); with quotients Dual<T> forms (a′ − q·b′)/b and chunk duals
        // a′·(1/b) − b′·(q/b), which can differ in the last bit (Mixed, KitchenSink).
        Columns(new Lorenz(), Point(3, 9), 0);
        Columns(new Mixed(), Point(11, 9), 4e-16);
        Directional(new Rosenbrock(), Point(12, 10), 0);
        Directional(new Chunk.HessianRowSegmentTests.KitchenSink(), Point(11, 9), 4e-16);

        static void Columns<TFunction>(TFunction function, double[] x, double ulps)
            where TFunction : IVectorFunction
        {
            double[,] j = AutoDiff.Jacobian(function, x);
            for (int k = 0; k < x.Length; k++)
            {
                double[] unit = new double[x.Length];
                unit[k] = 1;
                double[] column = AutoDiff.JacobianVectorProduct(function, x, unit);
                for (int i = 0; i < column.Length; i++)
                {
                    Same(column[i], j[i, k], ulps, $"{typeof(TFunction).Name} J[{i}, {k}]");
                }
            }
        }

        static void Directional<TFunction>(TFunction function, double[] x, double ulps)
            where TFunction : IMultivariateFunction
        {
            double[] g = AutoDiff.Gradient(function, x);
            for (int k = 0; k < x.Length; k++)
            {
                double[] unit = new double[x.Length];
                unit[k] = 1;
                Same(AutoDiff.JacobianVectorProduct(function, x, unit, out _), g[k], ulps, $"{typeof(TFunction).Name} ∂f/∂x{k}");
            }
        }

        static void Same(double actual, double expected, double relative, string context)
        {
            if (relative == 0)
            {
                Assert.That(BitConverter.DoubleToInt64Bits(actual), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), context);
            }
            else
            {
                Assert.That(actual, Is.EqualTo(expected).Within(relative * Math.Abs(expected)), context);
            }
        }
    }

    [Test]
    public void JacobianVectorProduct_WithBuffers_AllocatesNothing_AndMatchesConvenienceForms()
    {
        double[] x = Point(40, 2);
        double[] v = Point(40, 3);
        double[] values = new double[40];
        double[] product = new double[40];
        Dual<double>[] vectorBuffer = new Dual<double>[80];
        Dual<double>[] scalarBuffer = new Dual<double>[40];
        AutoDiff.JacobianVectorProduct(new Mixed(), x, v, values, product, vectorBuffer);
        AutoDiff.JacobianVectorProduct(new Rosenbrock(), x, v, scalarBuffer, out double _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.JacobianVectorProduct(new Mixed(), x, v, values, product, vectorBuffer);
        double directional = AutoDiff.JacobianVectorProduct(new Rosenbrock(), x, v, scalarBuffer, out double value);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero);
            Assert.That(product, Is.EqualTo(AutoDiff.JacobianVectorProduct(new Mixed(), x, v)));
            Assert.That(directional, Is.EqualTo(AutoDiff.JacobianVectorProduct(new Rosenbrock(), x, v, out double convenienceValue)));
            Assert.That(value, Is.EqualTo(convenienceValue));
        });
    }

    [Test]
    public void JacobianVectorProduct_ShortBuffers_NameBothLengths()
    {
        double[] x = new double[5];
        ArgumentException? vector = Assert.Throws<ArgumentException>(() => AutoDiff.JacobianVectorProduct(new Mixed(), x, x, new double[5], new double[5], new Dual<double>[9]));
        ArgumentException? scalar = Assert.Throws<ArgumentException>(() => AutoDiff.JacobianVectorProduct(new Rosenbrock(), x, x, new Dual<double>[4], out double _));
        Assert.That(vector!.Message, Does.Contain("9").And.Contain("10"));
        Assert.That(scalar!.Message, Does.Contain("4").And.Contain("5"));
    }

    [Test]
    public void JacobianVectorProduct_EmptyInput_GivesEmptyOrZero()
    {
        Assert.That(AutoDiff.JacobianVectorProduct(new Rosenbrock(), ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, out double value), Is.EqualTo(0.0));
        Assert.That(value, Is.EqualTo(0.0));
    }
}

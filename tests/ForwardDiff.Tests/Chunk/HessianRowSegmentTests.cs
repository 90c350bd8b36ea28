using System.Numerics;
using System.Runtime.Intrinsics;
using static ForwardDiff.Tests.Chunk.TestFunctions;

namespace ForwardDiff.Tests.Chunk;

/// <summary>
/// The automatic Hessian for double and float evaluates one row segment per pass on register-resident nested duals
/// (<c>ChunkDual&lt;ChunkDual&lt;T, Vector256Partials1&lt;T&gt;&gt;, SinglePartial&lt;…&gt;&gt;</c>). Each entry is formed by the
/// same per-lane arithmetic as in the square-block mode, so the two must agree bit for bit — at ordinary and at special points.
/// </summary>
public class HessianRowSegmentTests
{
    /// <summary>Many rules at once: products, quotients, powers, roots, logs, trigonometric and non-smooth functions, coupling neighbours.</summary>
    public readonly struct KitchenSink : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T sum = T.Zero;
            T half = T.CreateChecked(0.5);
            for (int i = 0; i < x.Length; i++)
            {
                T a = x[i];
                T b = x[(i + 1) % x.Length];
                sum += (T.Sin(a) * b) + (T.Exp(a / T.CreateChecked(3)) * T.Sqrt((a * a) + T.One));
                sum += (T.LogP1(a * a) * T.Atan2(b, T.CreateChecked(1.5))) + T.Pow(T.Abs(a) + half, b);
                sum += T.Hypot(a, b) + (a / (T.One + (b * b))) + T.Cbrt(a * b) + T.Max(a, b) + T.Sqrt(T.Abs(a));
                sum += T.Tanh(a - b) * T.Cos(a * b);
            }

            return sum;
        }
    }

    private static void AssertBitIdentical(double[,] actual, double[,] expected, string context)
    {
        int n = expected.GetLength(0);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.That(BitConverter.DoubleToInt64Bits(actual[i, j]), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected[i, j])), $"{context} [{i}, {j}]: {actual[i, j]:R} vs {expected[i, j]:R}");
            }
        }
    }

    private static bool RowSegmentsAvailable => Vector256.IsHardwareAccelerated || System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated;

    [Test]
    public void AutomaticConfig_UsesRowSegmentsOfOneVector()
    {
        HessianConfig<double> d = new(50);
        HessianConfig<float> f = new(50);
        HessianConfig<Half> h = new(50);
        Assert.Multiple(() =>
        {
            Assert.That(d.ChunkSize, Is.EqualTo(RowSegmentsAvailable ? 4 : 8));
            Assert.That(f.ChunkSize, Is.EqualTo(8), "float: row segments of one Vector256 (8 lanes), or square blocks of min(n, 8)");
            Assert.That(h.ChunkSize, Is.EqualTo(8), "other element types keep square blocks of min(n, 8)");
            Assert.That(new HessianConfig<double>(50, 4).ChunkSize, Is.EqualTo(4), "an explicit chunk size keeps square blocks");
        });
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(13)]
    public void RowSegments_EqualSquareBlocks_BitForBit(int n)
    {
        double[] x = Point(n, n + 40);
        double[,] rows = AutoDiff.Hessian(new KitchenSink(), x, new HessianConfig<double>(n, method: HessianMethod.NestedDuals));
        foreach (int block in new[] { 1, 4, 8 })
        {
            AssertBitIdentical(rows, AutoDiff.Hessian(new KitchenSink(), x, new HessianConfig<double>(n, block, method: HessianMethod.NestedDuals)), $"block {block}");
        }
    }

    [Test]
    public void RowSegments_AtSpecialPoints_EqualSquareBlocks_BitForBit()
    {
        double[][] points =
        [
            [0.0, -0.0, 1.0, -1.0, 0.5],
            [0.0, 0.0, 0.0, 0.0, 0.0],
            [double.NaN, 0.3, -0.7, 1.1, 2.0],
            [1e-300, -1e300, 0.25, double.PositiveInfinity, -0.5],
            [-0.0, double.NegativeInfinity, 3.0, 1e-20, -2.0],
        ];
        foreach (double[] x in points)
        {
            double[,] rows = AutoDiff.Hessian(new KitchenSink(), x, new HessianConfig<double>(x.Length, method: HessianMethod.NestedDuals));
            AssertBitIdentical(rows, AutoDiff.Hessian(new KitchenSink(), x, new HessianConfig<double>(x.Length, 4, method: HessianMethod.NestedDuals)), string.Join(", ", x));
        }
    }

    [Test]
    public void RowSegments_NaNInput_PropagatesToItsRowAndColumn()
    {
        double[] x = Point(9, 3);
        x[4] = double.NaN;
        double[,] h = AutoDiff.Hessian(new Rosenbrock(), x, new HessianConfig<double>(9, method: HessianMethod.NestedDuals));
        Assert.Multiple(() =>
        {
            Assert.That(h[4, 4], Is.NaN);
            Assert.That(h[4, 5], Is.NaN, "∂²f/∂x4∂x5 = −400·x4");
            Assert.That(h[5, 4], Is.NaN);
            Assert.That(h[3, 4], Is.EqualTo(-400 * x[3]), "∂²f/∂x3∂x4 = −400·x3 does not involve x4");
            Assert.That(h[0, 0], Is.EqualTo(Rosenbrock.Hessian(x)[0, 0]).Within(1e-12 * Math.Abs(Rosenbrock.Hessian(x)[0, 0])), "rows not touching x4 stay finite");
        });
    }

    [Test]
    public void RowSegments_ResultForm_GradientEqualsGradientVerb_AndParallelIsBitIdentical()
    {
        double[] x = Point(27, 8);
        HessianResult<double> serial = new(27);
        HessianResult<double> parallel = new(27);
        AutoDiff.Hessian(new KitchenSink(), x, serial, new HessianConfig<double>(27, method: HessianMethod.NestedDuals));
        AutoDiff.Hessian(new KitchenSink(), x, parallel, new HessianConfig<double>(27, parallel: true, method: HessianMethod.NestedDuals));
        double[] gradient = AutoDiff.Gradient(new KitchenSink(), x);
        Assert.Multiple(() =>
        {
            Assert.That(serial.Value, Is.EqualTo(new KitchenSink().Invoke<double>(x)));
            Assert.That(serial.Gradient, Is.EqualTo(gradient).Within(1e-12));
            Assert.That(parallel.Value, Is.EqualTo(serial.Value));
            Assert.That(parallel.Gradient, Is.EqualTo(serial.Gradient));
            AssertBitIdentical(parallel.Hessian, serial.Hessian, "parallel");
        });
    }

    [TestCase(2)]
    [TestCase(10)]
    [TestCase(100)]
    public void RowSegments_Rosenbrock_MatchAnalytic(int n)
    {
        double[] x = Point(n, 11);
        double[,] expected = Rosenbrock.Hessian(x);
        double[,] actual = AutoDiff.Hessian(new Rosenbrock(), x, new HessianConfig<double>(n, method: HessianMethod.NestedDuals));
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.That(actual[i, j], Is.EqualTo(expected[i, j]).Within(RelativeTolerance(expected[i, j], 1e-13)), $"[{i}, {j}]");
            }
        }
    }

    [Test]
    public void RowSegments_Float_EqualSquareBlocksAndAnalytic()
    {
        double[] xd = Point(19, 5);
        float[] x = Array.ConvertAll(xd, v => (float)v);
        float[,] rows = AutoDiff.Hessian(new Rosenbrock(), x, new HessianConfig<float>(19, method: HessianMethod.NestedDuals));
        float[,] blocks = AutoDiff.Hessian(new Rosenbrock(), x, new HessianConfig<float>(19, 8, method: HessianMethod.NestedDuals));
        double[,] expected = Rosenbrock.Hessian(Array.ConvertAll(x, v => (double)v));
        for (int i = 0; i < 19; i++)
        {
            for (int j = 0; j < 19; j++)
            {
                Assert.That(BitConverter.SingleToInt32Bits(rows[i, j]), Is.EqualTo(BitConverter.SingleToInt32Bits(blocks[i, j])), $"[{i}, {j}]");
                Assert.That(rows[i, j], Is.EqualTo(expected[i, j]).Within(2e-5 * Math.Max(1, Math.Abs(expected[i, j]))), $"[{i}, {j}] analytic");
            }
        }
    }

    [Test]
    public void RowSegments_EmptyAndSingleInput()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AutoDiff.Hessian(new Rosenbrock(), Array.Empty<double>()).Length, Is.Zero);
            double[,] one = AutoDiff.Hessian(new KitchenSink(), [0.8]);
            Assert.That(one[0, 0], Is.EqualTo(AutoDiff.Hessian(new KitchenSink(), [0.8], new HessianConfig<double>(1, 1, method: HessianMethod.NestedDuals))[0, 0]));
        });
    }

    [Test]
    public void RowSegments_WithConfigIntoSpan_AllocateNothing()
    {
        double[] x = Point(37, 2);
        double[] h = new double[37 * 37];
        HessianConfig<double> config = new(37, method: HessianMethod.NestedDuals);
        AutoDiff.Hessian(new KitchenSink(), x, h, config);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.Hessian(new Rosenbrock(), x, h, config);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(19)]
    public void RegisterHessianVectorProduct_EqualsHessianTimesVector_AndGradient(int n)
    {
        double[] x = Point(n, 1);
        double[] v = Point(n, 2);
        double[,] h = AutoDiff.Hessian(new KitchenSink(), x, new HessianConfig<double>(n, 1, method: HessianMethod.NestedDuals));
        HessianVectorProductResult<double> result = new(n);
        AutoDiff.HessianVectorProduct(new KitchenSink(), x, v, result, new HessianConfig<double>(n));
        double[] gradient = AutoDiff.Gradient(new KitchenSink(), x);
        Assert.Multiple(() =>
        {
            for (int i = 0; i < n; i++)
            {
                double expected = 0;
                double scale = 0;
                for (int k = 0; k < n; k++)
                {
                    expected += h[i, k] * v[k];
                    scale += Math.Abs(h[i, k] * v[k]);
                }

                Assert.That(result.Product[i], Is.EqualTo(expected).Within(1e-13 * Math.Max(1, scale)), $"component {i}");
                Assert.That(result.Gradient[i], Is.EqualTo(gradient[i]).Within(1e-14 * Math.Max(1, Math.Abs(gradient[i]))), $"gradient {i}");
            }

            Assert.That(result.Value, Is.EqualTo(new KitchenSink().Invoke<double>(x)));
        });
    }

    [Test]
    public void RegisterHessianVectorProduct_ParallelIsBitIdentical_AndConvenienceFormAgrees()
    {
        double[] x = Point(41, 3);
        double[] v = Point(41, 4);
        double[] serial = AutoDiff.HessianVectorProduct(new KitchenSink(), x, v, new HessianConfig<double>(41));
        double[] parallel = AutoDiff.HessianVectorProduct(new KitchenSink(), x, v, new HessianConfig<double>(41, parallel: true));
        double[] convenience = AutoDiff.HessianVectorProduct(new KitchenSink(), x, v);
        Assert.Multiple(() =>
        {
            Assert.That(parallel, Is.EqualTo(serial));
            Assert.That(convenience, Is.EqualTo(serial));
        });
    }

    [Test]
    public void RegisterHessianVectorProduct_NaNDirectionComponent_PoisonsOnlyCoupledComponents()
    {
        double[] x = Point(12, 5);
        double[] v = new double[12];
        v[6] = double.NaN;
        // the register path on any hardware (the automatic config takes it only on 256-bit SIMD hardware; the
        // v-inside path of other machines carries the NaN in every inner partial, so it reaches every component)
        double[] hv = AutoDiff.HessianVectorProduct(new Rosenbrock(), x, v, new HessianConfig<double>(12, 0, parallel: false, PartialsStorage.Vector256));
        Assert.Multiple(() =>
        {
            Assert.That(hv[5], Is.NaN, "H[5, 6] ≠ 0");
            Assert.That(hv[6], Is.NaN);
            Assert.That(hv[7], Is.NaN, "H[7, 6] ≠ 0");
            Assert.That(hv[0], Is.EqualTo(0.0), "row 0 does not couple to x6: 0 · NaN stays 0 (strong zero on the direction)");
        });
    }

    [Test]
    public void RegisterHessianVectorProduct_Float_MatchesDouble()
    {
        double[] xd = Point(21, 6);
        double[] vd = Point(21, 7);
        float[] x = Array.ConvertAll(xd, a => (float)a);
        float[] v = Array.ConvertAll(vd, a => (float)a);
        float[] hv = AutoDiff.HessianVectorProduct(new Rosenbrock(), x, v, new HessianConfig<float>(21));
        double[] expected = AutoDiff.HessianVectorProduct(new Rosenbrock(), Array.ConvertAll(x, a => (double)a), Array.ConvertAll(v, a => (double)a));
        for (int i = 0; i < 21; i++)
        {
            Assert.That(hv[i], Is.EqualTo(expected[i]).Within(1e-4 * Math.Max(1, Math.Abs(expected[i]))), $"component {i}");
        }
    }

    [Test]
    public void RegisterHessianVectorProduct_WithConfigIntoSpan_AllocatesNothing()
    {
        double[] x = Point(33, 8);
        double[] v = Point(33, 9);
        double[] hv = new double[33];
        HessianConfig<double> config = new(33);
        AutoDiff.HessianVectorProduct(new KitchenSink(), x, v, hv, config);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.HessianVectorProduct(new KitchenSink(), x, v, hv, config);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}

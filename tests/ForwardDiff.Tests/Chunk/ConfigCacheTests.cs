using static ForwardDiff.Tests.Chunk.TestFunctions;

namespace ForwardDiff.Tests.Chunk;

/// <summary>
/// The verbs that build their own config (convenience and lambda forms, a null config) keep one per thread and kind,
/// so repeated calls do not rebuild the buffers. A caller's config is never cached; a nested call of the same kind
/// builds its own; a call that throws does not put its config back.
/// </summary>
public class ConfigCacheTests
{
    /// <summary>f(x) = Σ xᵢ · g₀ where g₀ = ∂/∂y₀ of y₀y₁ at (2, 3), computed by a nested convenience gradient on doubles.</summary>
    private readonly struct NestedSameKind : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : System.Numerics.IFloatingPointIeee754<T>
        {
            double inner = AutoDiff.Gradient<double, Product>(default, [2.0, 3.0])[0];
            T sum = T.Zero;
            foreach (T xi in x)
            {
                sum += xi * T.CreateChecked(inner);
            }

            return sum;
        }
    }

    private readonly struct Product : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : System.Numerics.IFloatingPointIeee754<T>
            => x[0] * x[1];
    }

    private readonly struct ThrowsOnDuals : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : System.Numerics.IFloatingPointIeee754<T>
            => throw new InvalidOperationException("user code failed");
    }

    [Test]
    public void ConvenienceGradient_SecondCall_ReusesTheBuffers()
    {
        double[] x = Point(20, 1);
        double[] first = AutoDiff.Gradient<double, Rosenbrock>(default, x);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double[] second = AutoDiff.Gradient<double, Rosenbrock>(default, x);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(allocated, Is.LessThanOrEqualTo(20 * sizeof(double) + 64), "only the result array");
            Assert.That(ConfigCache<double>.CachedGradient, Is.Not.Null);
        });
    }

    [Test]
    public void ConvenienceHessian_SecondCall_ReusesTheBuffers()
    {
        double[] x = Point(12, 2);
        double[,] first = AutoDiff.Hessian<double, Rosenbrock>(default, x);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double[,] second = AutoDiff.Hessian<double, Rosenbrock>(default, x);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(second, Is.EqualTo(first));
        Assert.That(allocated, Is.LessThanOrEqualTo((12 * 12 * sizeof(double)) + 64), "only the result array");
    }

    [Test]
    public void CallersConfig_IsNeverCached()
    {
        double[] x = Point(7, 3);
        GradientConfig<double> mine = new(7);
        AutoDiff.Gradient(new Rosenbrock(), x, new double[7], mine);
        Assert.That(mine.Cached, Is.False);
        Assert.That(ConfigCache<double>.CachedGradient, Is.Not.SameAs(mine));
    }

    [Test]
    public void LargeInputs_AreNotKept()
    {
        int n = ConfigCache<double>.MaxInputLength + 1;
        AutoDiff.Gradient<double, Rosenbrock>(default, Point(n, 4));
        Assert.That(ConfigCache<double>.CachedGradient?.InputLength, Is.Not.EqualTo(n));
    }

    [Test]
    public void NestedCallOfTheSameKind_BothResultsCorrect()
    {
        // outer: gradient of Σ xᵢ·3 = 3 everywhere; inner (inside every evaluation): ∂(y₀y₁)/∂y₀ at (2, 3) = 3
        double[] g = AutoDiff.Gradient<double, NestedSameKind>(default, [1.0, 2.0, 3.0]);
        Assert.That(g, Is.EqualTo(new[] { 3.0, 3.0, 3.0 }));
        Assert.That(AutoDiff.Gradient<double, NestedSameKind>(default, [1.0, 2.0, 3.0]), Is.EqualTo(new[] { 3.0, 3.0, 3.0 }), "again, with the cache warm");
    }

    [Test]
    public void ThrowingFunction_LeavesLaterCallsCorrect()
    {
        double[] x = Point(9, 5);
        double[] expected = AutoDiff.Gradient(new Rosenbrock(), x, new GradientConfig<double>(9));
        Assert.Throws<InvalidOperationException>(() => AutoDiff.Gradient<double, ThrowsOnDuals>(default, x));
        Assert.That(AutoDiff.Gradient<double, Rosenbrock>(default, x), Is.EqualTo(expected));
    }

    [Test]
    public void AlternatingKinds_EachGivesItsOwnResult()
    {
        double[] x = Point(10, 6);
        double[] v = Point(10, 7);
        double[] g = AutoDiff.Gradient<double, Rosenbrock>(default, x);
        double[,] h = AutoDiff.Hessian<double, Rosenbrock>(default, x);
        double[] hv = AutoDiff.HessianVectorProduct<double, Rosenbrock>(default, x, v);
        for (int round = 0; round < 3; round++)
        {
            Assert.That(AutoDiff.Gradient(v2 => new Rosenbrock().Invoke(v2), x), Is.EqualTo(g));
            Assert.That(AutoDiff.Hessian<double, Rosenbrock>(default, x), Is.EqualTo(h));
            Assert.That(AutoDiff.HessianVectorProduct<double, Rosenbrock>(default, x, v), Is.EqualTo(hv));
            Assert.That(AutoDiff.Gradient<double, Rosenbrock>(default, x), Is.EqualTo(g));
        }
    }

    [Test]
    public void JacobianVectorProduct_ConvenienceForms_ReuseTheirDuals()
    {
        double[] x = Point(30, 8);
        double[] v = Point(30, 9);
        double first = AutoDiff.JacobianVectorProduct(new Rosenbrock(), x, v, out double value);
        double[] vector = AutoDiff.JacobianVectorProduct(new Mixed(), x, v);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double second = AutoDiff.JacobianVectorProduct(new Rosenbrock(), x, v, out double secondValue);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero);
            Assert.That(second, Is.EqualTo(first));
            Assert.That(secondValue, Is.EqualTo(value));
            Assert.That(AutoDiff.JacobianVectorProduct(new Mixed(), x, v), Is.EqualTo(vector), "the longer cached buffer serves a shorter call");
            Assert.That(AutoDiff.JacobianVectorProduct(new Rosenbrock(), x[..5], v[..5], out _), Is.EqualTo(AutoDiff.JacobianVectorProduct(new Rosenbrock(), x[..5], v[..5], new Dual<double>[5], out _)));
        });
    }
}

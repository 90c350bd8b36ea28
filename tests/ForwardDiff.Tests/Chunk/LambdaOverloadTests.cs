using static ForwardDiff.Tests.Chunk.TestFunctions;
using HessianDouble = ForwardDiff.ChunkDual<ForwardDiff.ChunkDual<double, ForwardDiff.Vector256Partials1<double>>, ForwardDiff.SinglePartial<ForwardDiff.ChunkDual<double, ForwardDiff.Vector256Partials1<double>>>>;
using HessianFloat = ForwardDiff.ChunkDual<ForwardDiff.ChunkDual<float, ForwardDiff.Vector256Partials1<float>>, ForwardDiff.SinglePartial<ForwardDiff.ChunkDual<float, ForwardDiff.Vector256Partials1<float>>>>;

namespace ForwardDiff.Tests.Chunk;

/// <summary>
/// The lambda ("quick use") overloads: for double and float points C# picks the overloads typed on register-resident
/// duals (<c>Vector256Partials2</c>, and row-segment nested duals for Hessians); other element types, and lambdas that
/// name <c>Partials8</c>, bind to the generic overloads. Every form must give the same bits as the
/// <see cref="IMultivariateFunction"/> struct form on the same storage.
/// </summary>
public class LambdaOverloadTests
{
    // Same bits, except that any NaN matches any NaN: IEEE 754 leaves the sign of a NaN from an invalid operation
    // unspecified, and without 256-bit hardware the Vector256 storage runs in software, where it can differ.
    private static void AssertSameBits(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, string context)
    {
        Assert.That(actual.Length, Is.EqualTo(expected.Length), context);
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.That(actual[i], Is.NaN, $"{context} [{i}]");
                continue;
            }

            Assert.That(BitConverter.DoubleToInt64Bits(actual[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected[i])), $"{context} [{i}]: {actual[i]:R} vs {expected[i]:R}");
        }
    }

    private static void AssertSameBits(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, string context)
    {
        Assert.That(actual.Length, Is.EqualTo(expected.Length), context);
        for (int i = 0; i < expected.Length; i++)
        {
            if (float.IsNaN(expected[i]))
            {
                Assert.That(actual[i], Is.NaN, $"{context} [{i}]");
                continue;
            }

            Assert.That(BitConverter.SingleToInt32Bits(actual[i]), Is.EqualTo(BitConverter.SingleToInt32Bits(expected[i])), $"{context} [{i}]: {actual[i]:R} vs {expected[i]:R}");
        }
    }

    private static double[] Flatten(double[,] a) => a.Cast<double>().ToArray();

    private static float[] Flatten(float[,] a) => a.Cast<float>().ToArray();

    private static double[] SpecialPoint(int n)
    {
        double[] specials = [0.0, -0.0, 1e-300, -1e300, 2.5, -0.75, double.Epsilon, 1.0];
        return Enumerable.Range(0, n).Select(i => specials[i % specials.Length]).ToArray();
    }

    [Test]
    public void DoubleLambdas_BindToRegisterDuals()
    {
        Type? gradient = null, jacobian = null, hessian = null;
        AutoDiff.Gradient(v => { gradient = v[0].GetType(); return v[0] * v[1]; }, [2.0, 3.0]);
        AutoDiff.Jacobian((v, y) => { jacobian = v[0].GetType(); y[0] = v[0] * v[1]; }, [2.0, 3.0], 1);
        AutoDiff.Hessian(v => { hessian = v[0].GetType(); return v[0] * v[1]; }, [2.0, 3.0]);
        Assert.Multiple(() =>
        {
            Assert.That(gradient, Is.EqualTo(typeof(ChunkDual<double, Vector256Partials2<double>>)));
            Assert.That(jacobian, Is.EqualTo(typeof(ChunkDual<double, Vector256Partials2<double>>)));
            Assert.That(hessian, Is.EqualTo(typeof(HessianDouble)));
        });
    }

    [Test]
    public void FloatLambdas_BindToRegisterDuals()
    {
        Type? gradient = null, jacobian = null, hessian = null;
        AutoDiff.Gradient(v => { gradient = v[0].GetType(); return v[0] * v[1]; }, [2f, 3f]);
        AutoDiff.Jacobian((v, y) => { jacobian = v[0].GetType(); y[0] = v[0] * v[1]; }, [2f, 3f], 1);
        AutoDiff.Hessian(v => { hessian = v[0].GetType(); return v[0] * v[1]; }, [2f, 3f]);
        Assert.Multiple(() =>
        {
            Assert.That(gradient, Is.EqualTo(typeof(ChunkDual<float, Vector256Partials2<float>>)));
            Assert.That(jacobian, Is.EqualTo(typeof(ChunkDual<float, Vector256Partials2<float>>)));
            Assert.That(hessian, Is.EqualTo(typeof(HessianFloat)));
        });
    }

    [Test]
    public void OtherElementTypesAndNamedPartials8_BindToGenericOverloads()
    {
        Type? half = null, named = null;
        Half[] g = AutoDiff.Gradient(v => { half = v[0].GetType(); return v[0] * v[1]; }, [(Half)2, (Half)3]);
        double[] d = AutoDiff.Gradient(v => { named = v[0].GetType(); return v[0] * ChunkDual<double, Partials8<double>>.Sin(v[1]); }, [2.0, 0.5]);
        Assert.Multiple(() =>
        {
            Assert.That(half, Is.EqualTo(typeof(ChunkDual<Half, Partials8<Half>>)));
            Assert.That(g, Is.EqualTo(new[] { (Half)3, (Half)2 }));
            Assert.That(named, Is.EqualTo(typeof(ChunkDual<double, Partials8<double>>)));
            Assert.That(d[0], Is.EqualTo(Math.Sin(0.5)));
            Assert.That(d[1], Is.EqualTo(2 * Math.Cos(0.5)));
        });
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(9)]
    [TestCase(40)]
    public void GradientLambda_SameBitsAsStructAndGenericLambda(int n)
    {
        foreach (double[] x in new[] { Point(n, n + 3), SpecialPoint(n) })
        {
            double[] fromStruct = new double[n];
            double value = AutoDiff.Gradient(new HessianRowSegmentTests.KitchenSink(), x, fromStruct, new GradientConfig<double>(n, 8));
            double[] fromLambda = AutoDiff.Gradient(v => new HessianRowSegmentTests.KitchenSink().Invoke(v), x);
            double[] intoSpan = new double[n];
            double spanValue = AutoDiff.Gradient(v => new HessianRowSegmentTests.KitchenSink().Invoke(v), x, intoSpan);
            double[] generic = AutoDiff.Gradient<double>(v => new HessianRowSegmentTests.KitchenSink().Invoke(v), x);
            AssertSameBits(fromLambda, fromStruct, "register lambda vs struct");
            AssertSameBits(intoSpan, fromStruct, "register lambda into a span vs struct");
            AssertSameBits(generic, fromStruct, "generic Partials8 lambda vs struct");
            Assert.That(BitConverter.DoubleToInt64Bits(spanValue), Is.EqualTo(BitConverter.DoubleToInt64Bits(value)), "f(x)");
        }
    }

    [TestCase(3)]
    [TestCase(16)]
    [TestCase(21)]
    public void FloatGradientLambda_SameBitsAsStruct(int n)
    {
        float[] x = Point(n, 11 * n).Select(v => (float)v).ToArray();
        float[] fromStruct = AutoDiff.Gradient(new HessianRowSegmentTests.KitchenSink(), x, new GradientConfig<float>(n, 16));
        float[] fromLambda = AutoDiff.Gradient(v => new HessianRowSegmentTests.KitchenSink().Invoke(v), x);
        AssertSameBits(fromLambda, fromStruct, "float register lambda vs struct");
        float[] span = new float[n];
        AutoDiff.Gradient(v => new HessianRowSegmentTests.KitchenSink().Invoke(v), x, span);
        AssertSameBits(span, fromStruct, "float register lambda into a span vs struct");
    }

    [Test]
    public void GradientLambda_Rosenbrock_MatchesAnalyticGradient()
    {
        double[] x = Point(100, 5);
        double[] g = AutoDiff.Gradient(v => new Rosenbrock().Invoke(v), x);
        double[] expected = Rosenbrock.Gradient(x);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.That(g[i], Is.EqualTo(expected[i]).Within(RelativeTolerance(expected[i], 1e-13)), $"∂f/∂x{i}");
        }
    }

    [Test]
    public void JacobianLambda_SameBitsAsStruct()
    {
        double[] x = [1.5, -2.0, 0.25];
        double[,] fromStruct = AutoDiff.Jacobian(new Lorenz(), x, new JacobianConfig<double>(3, 3, 8));
        double[,] fromLambda = AutoDiff.Jacobian((v, y) => new Lorenz().Invoke(v, y), x, 3);
        AssertSameBits(Flatten(fromLambda), Flatten(fromStruct), "double Lorenz");

        float[] xf = [1.5f, -2.0f, 0.25f];
        float[,] fromStructF = AutoDiff.Jacobian(new Lorenz(), xf, new JacobianConfig<float>(3, 3, 16));
        float[,] fromLambdaF = AutoDiff.Jacobian((v, y) => new Lorenz().Invoke(v, y), xf, 3);
        AssertSameBits(Flatten(fromLambdaF), Flatten(fromStructF), "float Lorenz");
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(5)]
    [TestCase(13)]
    public void HessianLambda_SameBitsAsSquareBlocks(int n)
    {
        foreach (double[] x in new[] { Point(n, 17 + n), SpecialPoint(n) })
        {
            double[,] fromLambda = AutoDiff.Hessian(v => new HessianRowSegmentTests.KitchenSink().Invoke(v), x);
            double[,] blocks = AutoDiff.Hessian(new HessianRowSegmentTests.KitchenSink(), x, new HessianConfig<double>(n, 4, method: HessianMethod.NestedDuals));
            Assert.That(fromLambda.GetLength(0), Is.EqualTo(n));
            AssertSameBits(Flatten(fromLambda), Flatten(blocks), "row-segment lambda vs 4 × 4 blocks");
        }
    }

    [Test]
    public void HessianLambda_Rosenbrock_MatchesAnalyticHessian()
    {
        double[] x = Point(30, 8);
        double[,] h = AutoDiff.Hessian(v => new Rosenbrock().Invoke(v), x);
        double[,] expected = Rosenbrock.Hessian(x);
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j < x.Length; j++)
            {
                Assert.That(h[i, j], Is.EqualTo(expected[i, j]).Within(RelativeTolerance(expected[i, j], 1e-13)), $"H[{i}, {j}]");
            }
        }
    }

    [Test]
    public void FloatHessianLambda_SameBitsAsFloatBlocks()
    {
        float[] x = Point(11, 2).Select(v => (float)v).ToArray();
        float[,] fromLambda = AutoDiff.Hessian(v => new HessianRowSegmentTests.KitchenSink().Invoke(v), x);
        float[,] blocks = AutoDiff.Hessian(new HessianRowSegmentTests.KitchenSink(), x, new HessianConfig<float>(11, 8, method: HessianMethod.NestedDuals));
        AssertSameBits(Flatten(fromLambda), Flatten(blocks), "float row-segment lambda vs 8 × 8 blocks");
    }

    [TestCase(1)]
    [TestCase(6)]
    [TestCase(23)]
    public void HessianVectorProductLambda_SameBitsAsStructForm(int n)
    {
        double[] x = Point(n, 31 + n);
        double[] v = Point(n, 32 + n);
        Type? seen = null;
        double[] fromLambda = AutoDiff.HessianVectorProduct(w => { seen = w[0].GetType(); return new HessianRowSegmentTests.KitchenSink().Invoke(w); }, x, v);
        double[] fromStruct = AutoDiff.HessianVectorProduct(new HessianRowSegmentTests.KitchenSink(), x, v, new HessianConfig<double>(n, 0, parallel: false, PartialsStorage.Vector256));
        Assert.That(seen, Is.EqualTo(typeof(HessianDouble)));
        AssertSameBits(fromLambda, fromStruct, "register HVP lambda vs struct");

        float[] xf = x.Select(a => (float)a).ToArray();
        float[] vf = v.Select(a => (float)a).ToArray();
        float[] fromLambdaF = AutoDiff.HessianVectorProduct(w => new HessianRowSegmentTests.KitchenSink().Invoke(w), xf, vf);
        float[] fromStructF = AutoDiff.HessianVectorProduct(new HessianRowSegmentTests.KitchenSink(), xf, vf, new HessianConfig<float>(n, 0, parallel: false, PartialsStorage.Vector256));
        AssertSameBits(fromLambdaF, fromStructF, "float register HVP lambda vs struct");
    }

    [Test]
    public void HessianVectorProductLambda_OtherElementTypes_UseTheGenericOverload()
    {
        // f = x₀²x₁ at (3, 2): H = [[2x₁, 2x₀], [2x₀, 0]] = [[4, 6], [6, 0]]; H·(1, 1) = (10, 6)
        Type? seen = null;
        Half[] hv = AutoDiff.HessianVectorProduct(w => { seen = w[0].GetType(); return w[0] * w[0] * w[1]; }, [(Half)3, (Half)2], [(Half)1, (Half)1]);
        double[] generic = AutoDiff.HessianVectorProduct<double>(w => w[0] * w[0] * w[1], [3.0, 2.0], [1.0, 1.0]);
        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(typeof(ChunkDual<ChunkDual<Half, Partials1<Half>>, Partials8<ChunkDual<Half, Partials1<Half>>>>)));
            Assert.That(hv, Is.EqualTo(new[] { (Half)10, (Half)6 }));
            Assert.That(generic, Is.EqualTo(new[] { 10.0, 6.0 }));
            Assert.That(AutoDiff.HessianVectorProduct(w => w[0] * w[0] * w[1], [3.0, 2.0], [1.0, 1.0]), Is.EqualTo(new[] { 10.0, 6.0 }));
        });
    }

    [Test]
    public void JacobianVectorProductLambdas_SameBitsAsStructForms()
    {
        double[] x = Point(9, 3);
        double[] v = Point(9, 4);
        double lambda = AutoDiff.JacobianVectorProduct(w => new HessianRowSegmentTests.KitchenSink().Invoke(w), x, v, out double lambdaValue);
        double fromStruct = AutoDiff.JacobianVectorProduct(new HessianRowSegmentTests.KitchenSink(), x, v, out double structValue);
        double[] vectorLambda = AutoDiff.JacobianVectorProduct((w, y) => new Mixed().Invoke(w, y), x, v, 9);
        double[] vectorStruct = AutoDiff.JacobianVectorProduct(new Mixed(), x, v);
        Assert.Multiple(() =>
        {
            Assert.That(BitConverter.DoubleToInt64Bits(lambda), Is.EqualTo(BitConverter.DoubleToInt64Bits(fromStruct)));
            Assert.That(BitConverter.DoubleToInt64Bits(lambdaValue), Is.EqualTo(BitConverter.DoubleToInt64Bits(structValue)));
            Assert.Throws<ArgumentNullException>(() => AutoDiff.JacobianVectorProduct((MultivariateFunc<Dual<double>>)null!, x, v, out _));
            Assert.Throws<ArgumentOutOfRangeException>(() => AutoDiff.JacobianVectorProduct((w, y) => { }, x, v, -1));
            Assert.Throws<ArgumentException>(() => AutoDiff.JacobianVectorProduct(w => w[0], x, new double[3], out _));
        });
        AssertSameBits(vectorLambda, vectorStruct, "vector JVP lambda vs struct");
    }

    [Test]
    public void ReadmeQuickUseExample()
    {
        // README.md, "quick use": f = x₀²x₁ at (3, 2)
        double[] g2 = AutoDiff.Gradient(v => v[0] * v[0] * v[1], [3.0, 2.0]);
        double[,] h2 = AutoDiff.Hessian(v => v[0] * v[0] * v[1], [3.0, 2.0]);
        double[] hv = AutoDiff.HessianVectorProduct(v => v[0] * v[0] * v[1], [3.0, 2.0], [1.0, 1.0]);
        double dv = AutoDiff.JacobianVectorProduct(v => v[0] * v[1], [2.0, 3.0], [1.0, 0.0], out double fx);
        Assert.That(g2, Is.EqualTo(new[] { 12.0, 9.0 }));
        Assert.That(h2, Is.EqualTo(new double[,] { { 4, 6 }, { 6, 0 } }));
        Assert.That(hv, Is.EqualTo(new[] { 10.0, 6.0 }));
        Assert.That(dv, Is.EqualTo(3.0));
        Assert.That(fx, Is.EqualTo(6.0));
    }

    [Test]
    public void NestedLambdaCall_NoPerturbationConfusion()
    {
        // d/dx [x · d/dy (x + y)] at x = 1 is 1: the inner derivative is taken on Dual<outer dual>, a different type
        double[] g = AutoDiff.Gradient(
            v =>
            {
                var x = v[0];
                return x * AutoDiff.Derivative(y => x + y, x);
            },
            [1.0]);
        Assert.That(g[0], Is.EqualTo(1.0));
    }

    [Test]
    public void BadInput_ClearExceptions()
    {
        double[] x = [1.0, 2.0];
        MultivariateFunc<ChunkDual<double, Vector256Partials2<double>>>? none = null;
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentNullException>(() => AutoDiff.Gradient(none!, x));
            Assert.Throws<ArgumentNullException>(() => AutoDiff.Hessian((MultivariateFunc<HessianDouble>)null!, x));
            Assert.Throws<ArgumentNullException>(() => AutoDiff.Jacobian((VectorFunc<ChunkDual<float, Vector256Partials2<float>>>)null!, [1f], 1));
            ArgumentException? length = Assert.Throws<ArgumentException>(() => AutoDiff.Gradient(v => v[0] * v[1], x, new double[3]));
            Assert.That(length!.Message, Does.Contain("3").And.Contain("2"));
            Assert.Throws<ArgumentOutOfRangeException>(() => AutoDiff.Jacobian((v, y) => { y[0] = v[0]; }, x, -1));
            Assert.That(AutoDiff.Gradient(v => v[0] * v[1], [double.NaN, 2.0])[0], Is.EqualTo(2.0), "∂(xy)/∂x = y even when x is NaN");
            Assert.That(double.IsNaN(AutoDiff.Gradient(v => v[0] * v[1], [double.NaN, 2.0])[1]), "∂(xy)/∂y = x = NaN");
            Assert.That(AutoDiff.Gradient(v => v.Length == 0 ? ChunkDual<double, Vector256Partials2<double>>.Zero : v[0], ReadOnlySpan<double>.Empty), Is.Empty);
        });
    }
}

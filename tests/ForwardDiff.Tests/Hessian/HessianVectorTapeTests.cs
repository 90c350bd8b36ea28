using ForwardDiff.Tests.Chunk;
using static ForwardDiff.Tests.Chunk.TestFunctions;

namespace ForwardDiff.Tests.Hessian;

/// <summary>
/// <c>AutoDiff.HessianVectorProduct</c> on the tape (one recording, one sweep with v as its direction): agrees with
/// nested duals and with the tape's own Hessian times v to rounding, hands non-finite inputs and directions to nested
/// duals bit for bit, and allocates nothing with a config.
/// </summary>
public class HessianVectorTapeTests
{
    private static HessianConfig<double> Adjoint(int n) => new(n, method: HessianMethod.SecondOrderAdjoint);

    private static HessianConfig<double> Nested(int n) => new(n, method: HessianMethod.NestedDuals);

    private static double[] Direction(int n, int seed, bool sparse)
    {
        Random random = new(seed);
        return Enumerable.Range(0, n).Select(i => sparse && i % 3 != 1 ? 0.0 : (random.NextDouble() * 2) - 1).ToArray();
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (int n in new[] { 1, 2, 7, 16, 17, 40, 41, 57 })
        {
            foreach (bool sparse in new[] { false, true })
            {
                yield return new TestCaseData(n, sparse).SetArgDisplayNames($"n = {n}", sparse ? "sparse v" : "dense v");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void TapeProduct_AgreesWithNestedDualsAndWithHessianTimesV(int n, bool sparse)
    {
        double[] x = Point(n, 11 + n);
        double[] v = Direction(n, 5 + n, sparse);
        HessianVectorProductResult<double> tape = new(n);
        HessianVectorProductResult<double> nested = new(n);
        AutoDiff.HessianVectorProduct(new HessianRowSegmentTests.KitchenSink(), x, v, tape, Adjoint(n));
        AutoDiff.HessianVectorProduct(new HessianRowSegmentTests.KitchenSink(), x, v, nested, Nested(n));
        double[,] h = AutoDiff.Hessian(new HessianRowSegmentTests.KitchenSink(), x, Adjoint(n));
        double[] gradient = AutoDiff.Gradient(new HessianRowSegmentTests.KitchenSink(), x);
        Assert.Multiple(() =>
        {
            Assert.That(tape.Value, Is.EqualTo(new HessianRowSegmentTests.KitchenSink().Invoke<double>(x)), "value = plain f");
            for (int i = 0; i < n; i++)
            {
                // |Σⱼ Hᵢⱼvⱼ| can cancel far below its terms: bound by the size of the terms
                double scale = Math.Max(1, Enumerable.Range(0, n).Sum(j => Math.Abs(h[i, j] * v[j])));
                double byHessian = Enumerable.Range(0, n).Sum(j => h[i, j] * v[j]);
                Assert.That(tape.Product[i], Is.EqualTo(nested.Product[i]).Within(1e-13 * scale), $"(Hv)[{i}] against nested duals");
                Assert.That(tape.Product[i], Is.EqualTo(byHessian).Within(1e-13 * scale), $"(Hv)[{i}] against the tape Hessian times v");
                Assert.That(tape.Gradient[i], Is.EqualTo(gradient[i]).Within(1e-13 * Math.Max(1, Math.Abs(gradient[i]))), $"∇f[{i}]");
            }
        });
    }

    [Test]
    public void TapeProduct_Rosenbrock_MatchesAnalytic([Values(2, 10, 100)] int n)
    {
        double[] x = Point(n, 3);
        double[] v = Direction(n, 8, sparse: false);
        double[] product = AutoDiff.HessianVectorProduct(new Rosenbrock(), x, v, Adjoint(n));
        double[,] h = Rosenbrock.Hessian(x);
        for (int i = 0; i < n; i++)
        {
            double expected = Enumerable.Range(0, n).Sum(j => h[i, j] * v[j]);
            double scale = Math.Max(1, Enumerable.Range(0, n).Sum(j => Math.Abs(h[i, j] * v[j])));
            Assert.That(product[i], Is.EqualTo(expected).Within(1e-13 * scale), $"(Hv)[{i}]");
        }
    }

    [Test]
    public void TapeProduct_NonFiniteInputOrDirection_GivesTheNestedBits()
    {
        const int n = 45;
        double[] x = Point(n, 4);
        double[] v = Direction(n, 2, sparse: false);
        double[] nanDirection = (double[])v.Clone();
        nanDirection[3] = double.NaN;
        double[] nanInput = (double[])x.Clone();
        nanInput[5] = double.NaN;
        double[] zeroBase = (double[])x.Clone();
        zeroBase[0] = 0;
        foreach ((double[] point, double[] direction, string label) in new[] { (x, nanDirection, "NaN in v"), (nanInput, v, "NaN in x"), (zeroBase, v, "x0 = 0 under Sqrt") })
        {
            double[] tape = AutoDiff.HessianVectorProduct(new HessianRowSegmentTests.KitchenSink(), point, direction, Adjoint(n));
            double[] nested = AutoDiff.HessianVectorProduct(new HessianRowSegmentTests.KitchenSink(), point, direction, Nested(n));
            Assert.That(tape.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(nested.Select(BitConverter.DoubleToInt64Bits)), label);
        }
    }

    [Test]
    public void TapeProduct_ZeroDirection_IsZero_AndDefaultConfigUsesTheTape()
    {
        const int n = 48;
        double[] x = Point(n, 6);
        double[] zero = new double[n];
        Assert.That(AutoDiff.HessianVectorProduct(new Rosenbrock(), x, zero, Adjoint(n)), Is.All.EqualTo(0.0));
        double[] v = Direction(n, 9, sparse: false);
        double[] automatic = AutoDiff.HessianVectorProduct(new Rosenbrock(), x, v);
        double[] tape = AutoDiff.HessianVectorProduct(new Rosenbrock(), x, v, Adjoint(n));
        double[] nested = AutoDiff.HessianVectorProduct(new Rosenbrock(), x, v, Nested(n));
        bool simd = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated || System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated;
        if (simd)
        {
            Assert.That(automatic, Is.EqualTo(tape), "the convenience form resolves to the tape for double");
        }
        else
        {
            // without SIMD the automatic config takes nested duals on PartialsN
            Assert.That(automatic, Is.EqualTo(nested), "the convenience form resolves to nested duals without SIMD");
        }

        Assert.That(tape.Select(BitConverter.DoubleToInt64Bits), Is.Not.EqualTo(nested.Select(BitConverter.DoubleToInt64Bits)), "n = 48 is on the tape: some bit differs from nesting (rounding)");
    }

    [Test]
    public void TapeProduct_WithConfigIntoSpan_AllocatesNothing()
    {
        double[] x = Point(60, 2);
        double[] v = Direction(60, 3, sparse: false);
        double[] product = new double[60];
        HessianConfig<double> config = Adjoint(60);
        AutoDiff.HessianVectorProduct(new Rosenbrock(), x, v, product, config);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.HessianVectorProduct(new Rosenbrock(), x, v, product, config);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void TapeHessian_FirstCallOnAFreshConfig_AllocatesNothing([Values(10, 100)] int n)
    {
        double[] x = Point(n, 7);
        double[] h = new double[n * n];
        AutoDiff.Hessian(new Rosenbrock(), x, h, Adjoint(n));
        HessianConfig<double> fresh = Adjoint(n);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.Hessian(new Rosenbrock(), x, h, fresh);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero, "the tape's buffers are allocated with the config");
    }
}

/// <summary>
/// The tape number behind the user's generic T: the members that are not arithmetic (parsing, conversions, predicates,
/// comparisons, text) must behave as on the dual numbers, so a function using them has the same Hessian on the tape as
/// with nested duals.
/// </summary>
public class TapeNumberSurfaceTests
{
    public readonly struct NonArithmetic : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : System.Numerics.IFloatingPointIeee754<T>
        {
            T parsed = T.Parse("2.5", System.Globalization.CultureInfo.InvariantCulture);
            T fromDecimal = T.CreateChecked(0.75m);
            T fromLong = T.CreateTruncating(3L);
            T eighth = T.TryParse("0.125".AsSpan(), System.Globalization.CultureInfo.InvariantCulture, out T? parsedEighth) && parsedEighth is not null ? parsedEighth : T.NaN;
            T sum = (parsed * x[0] * x[1]) + (fromDecimal * x[1] * x[1]) + (fromLong * T.Sin(x[2])) + (eighth * x[0] * x[2]);

            // branches on predicates and comparisons read the value, as on duals
            if (T.Sign(x[0]) > 0 && !T.IsInteger(x[1]) && x[0].CompareTo(x[1]) != 0 && T.ILogB(x[2]) > -5)
            {
                sum += T.Exp(x[0] - x[2]);
            }

            // rounding is constant, CopySign follows the sign bit, Clamp takes the chosen argument
            sum += T.Round(x[1], 2) * x[0];
            sum += T.CopySign(x[2], -x[0]) * x[1];
            sum += T.Clamp(x[0] * x[1], T.Zero, parsed);

            // text round-trips the value
            string text = sum.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return text.Length > 0 ? sum : T.NaN;
        }
    }

    [Test]
    public void NonArithmeticMembers_GiveTheNestedHessian()
    {
        double[] x = [0.6, 1.3, 0.4];
        double[,] tape = AutoDiff.Hessian(new NonArithmetic(), x, new HessianConfig<double>(3, method: HessianMethod.SecondOrderAdjoint));
        double[,] nested = AutoDiff.Hessian(new NonArithmetic(), x, new HessianConfig<double>(3, method: HessianMethod.NestedDuals));
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.That(tape[i, j], Is.EqualTo(nested[i, j]).Within(1e-13 * Math.Max(1, Math.Abs(nested[i, j]))), $"H[{i}, {j}]");
            }
        }

        Assert.That(tape[0, 1], Is.Not.Zero, "the parsed and converted constants reach the mixed partial");
    }

    public readonly struct EqualityBranch : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : System.Numerics.IFloatingPointIeee754<T>
        {
            // a perturbed input is never equal to a constant, even at the same value (as a dual with a nonzero partial);
            // the same number is equal to itself, and to itself plus zero
            T shifted = x[0] + T.Zero;
            bool sameNode = shifted == x[0] && shifted.Equals(x[0]) && shifted.GetHashCode() == x[0].GetHashCode();
            bool constant = x[0] == T.One || T.IsZero(x[0] - x[0] + x[1]);
            return sameNode && !constant ? x[0] * x[0] * x[1] : T.Zero;
        }
    }

    [Test]
    public void Equality_TreatsDependentNumbersAsPerturbed([Values(HessianMethod.SecondOrderAdjoint, HessianMethod.NestedDuals)] HessianMethod method)
    {
        // at x0 = 1 and x1 = 0 the values equal the constants, but both inputs are perturbed
        double[,] h = AutoDiff.Hessian(new EqualityBranch(), [1.0, 0.0], new HessianConfig<double>(2, method: method));
        Assert.That(h, Is.EqualTo(new double[,] { { 0, 2 }, { 2, 0 } }), "H of x0²·x1 at (1, 0)");
    }
}

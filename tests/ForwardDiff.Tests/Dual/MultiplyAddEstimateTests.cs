using System.Numerics;

namespace ForwardDiff.Tests.Dual;

/// <summary>
/// <c>T.MultiplyAddEstimate</c> through generic math must give the value plain double gives on this machine (fused
/// with FMA hardware, a rounded product plus an addend without), so generic code yields the same value on double and
/// on every dual type; the derivatives follow the product and sum rules.
/// </summary>
public class MultiplyAddEstimateTests
{
    // a·b = 1 − 2⁻⁶⁰ exactly: the fused result is −2⁻⁶⁰, the unfused one 0, so the test sees which one a type used.
    private const double A = 1 + (1.0 / (1L << 30));
    private const double B = 1 - (1.0 / (1L << 30));
    private const double C = -1;

    private static T Estimate<T>(T a, T b, T c)
        where T : INumberBase<T>
        => T.MultiplyAddEstimate(a, b, c);

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    [Test]
    public void Dual_ValueIsPlainDoubleResult_DerivativeIsProductSumRule()
    {
        double expected = Estimate(A, B, C);
        Dual<double> da = Estimate(Dual<double>.Variable(A), B, C);
        Dual<double> db = Estimate(A, Dual<double>.Variable(B), C);
        Dual<double> dc = Estimate(A, B, Dual<double>.Variable(C));
        Assert.Multiple(() =>
        {
            Assert.That(Bits(da.Value), Is.EqualTo(Bits(expected)), $"{da.Value:R} vs double {expected:R}");
            Assert.That(da.Derivative, Is.EqualTo(B));
            Assert.That(db.Derivative, Is.EqualTo(A));
            Assert.That(dc.Derivative, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void HyperDual_ValueIsPlainDoubleResult_PerturbationsFollowProductRule()
    {
        double expected = Estimate(A, B, C);
        HyperDual<double> x = HyperDual<double>.Variable(A);

        // f(x) = x·x + C: f′ = 2x, f″ = 2
        HyperDual<double> r = Estimate(x, x, new HyperDual<double>(C));
        Assert.Multiple(() =>
        {
            Assert.That(Bits(Estimate(HyperDual<double>.Variable(A), new HyperDual<double>(B), new HyperDual<double>(C)).Value), Is.EqualTo(Bits(expected)));
            Assert.That(r.E1, Is.EqualTo(2 * A));
            Assert.That(r.E2, Is.EqualTo(2 * A));
            Assert.That(r.E1E2, Is.EqualTo(2.0));
        });
    }

    [Test]
    public void ChunkDual_BothStorages_ValueIsPlainDoubleResult_PartialsAreProductSumRule()
    {
        Check<Partials8<double>>();
        Check<Vector256Partials2<double>>();

        static void Check<TPartials>()
            where TPartials : struct, IPartials<TPartials, double>
        {
            double expected = Estimate(A, B, C);
            ChunkDual<double, TPartials> r = Estimate(
                ChunkDual<double, TPartials>.Variable(A, 0),
                ChunkDual<double, TPartials>.Variable(B, 1),
                ChunkDual<double, TPartials>.Variable(C, 2));
            Assert.Multiple(() =>
            {
                Assert.That(Bits(r.Value), Is.EqualTo(Bits(expected)), $"{typeof(TPartials).Name}: {r.Value:R} vs double {expected:R}");
                Assert.That(r.GetPartial(0), Is.EqualTo(B));
                Assert.That(r.GetPartial(1), Is.EqualTo(A));
                Assert.That(r.GetPartial(2), Is.EqualTo(1.0));
                Assert.That(r.GetPartial(3), Is.EqualTo(0.0));
            });
        }
    }

    [Test]
    public void NestedDual_ValueIsPlainDoubleResult()
    {
        double expected = Estimate(A, B, C);
        Dual<Dual<double>> r = Estimate<Dual<Dual<double>>>(new Dual<Dual<double>>(Dual<double>.Variable(A), 1.0), (Dual<double>)B, (Dual<double>)C);
        Assert.Multiple(() =>
        {
            Assert.That(Bits(r.Value.Value), Is.EqualTo(Bits(expected)));
            Assert.That(r.Derivative.Value, Is.EqualTo(B));
            Assert.That(r.Value.Derivative, Is.EqualTo(B));
            Assert.That(r.Derivative.Derivative, Is.EqualTo(0.0));
        });
    }
}

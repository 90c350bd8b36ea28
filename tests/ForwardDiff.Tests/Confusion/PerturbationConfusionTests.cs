namespace ForwardDiff.Tests.Confusion;

/// <summary>
/// Perturbation confusion (Siskind &amp; Pearlmutter; ForwardDiff.jl issue 83 and its <c>test/ConfusionTest.jl</c>):
/// nested derivatives must keep each level's perturbation apart. In C# each level is a distinct static type, so the
/// inner derivative is correct whenever its point has the type of the captured outer variables; the tests below
/// also pin down the one way to confuse levels through the public API (an inner call instantiated one level too
/// low), documented in <c>src/ForwardDiff/CONFUSION.md</c>.
/// </summary>
[TestFixture]
public sealed class PerturbationConfusionTests
{
    [Test]
    public void Issue83_DxOfXTimesDyOfXPlusY_IsOne()
    {
        // d/dx [x · d/dy (x + y)] at x = 1: the inner derivative is 1 whatever x is, so the result is 1 (2 if confused).
        double result = AutoDiff.Derivative(x => x * AutoDiff.Derivative(y => x + y, Dual<double>.Constant(1)), 1.0);
        Assert.That(result, Is.EqualTo(1.0));
    }

    [Test]
    public void Issue83_InnerPointIsTheOuterVariable_IsOne()
    {
        double result = AutoDiff.Derivative(x => x * AutoDiff.Derivative(y => x + y, x), 1.0);
        Assert.That(result, Is.EqualTo(1.0));
    }

    [Test]
    public void Issue83_InnerCallOneLevelTooLow_ConfusesPerturbations()
    {
        // The documented pitfall: with a plain double as the inner point, C# infers the inner level as Dual<double>,
        // the SAME type as the captured x, so x's perturbation is read as the inner one: d/dy (x + y) comes out 2, and
        // being a plain double it is a constant to the outer level. This compiles; CONFUSION.md says how to avoid it.
        double confused = AutoDiff.Derivative(x => x * AutoDiff.Derivative(y => x + y, 1.0), 1.0);
        Assert.That(confused, Is.EqualTo(2.0));
    }

    [Test]
    public void OuterVariableCannotEnterAHyperDualInnerLevelImplicitly()
    {
        // Dual<double> → HyperDual<double> has no conversion, so x · y below would not compile with x a Dual<double>;
        // the inner level must be HyperDual<Dual<double>>, where x is a constant of the inner level: d/dx [x · d²/dy² (x y²)] = 4x.
        double result = AutoDiff.Derivative(
            x => x * AutoDiff.SecondDerivativeHyper(y => x * y * y, Dual<double>.Constant(1)).SecondDerivative,
            1.0);
        Assert.That(result, Is.EqualTo(4.0));
    }

    [Test]
    public void HyperDualOuter_DualInner_SecondDerivativeOfXSquaredTimesDyOfXY_IsSixX()
    {
        // d²/dx² [x² · d/dy (x y)] = d²/dx² x³ = 6x
        var r = AutoDiff.SecondDerivativeHyper(
            x => x * x * AutoDiff.Derivative(y => x * y, HyperDual<double>.Constant(1)),
            2.0);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Value, Is.EqualTo(8.0));
            Assert.That(r.Derivative, Is.EqualTo(12.0));
            Assert.That(r.SecondDerivative, Is.EqualTo(12.0));
        }
    }

    [Test]
    public void Julia_DerivativeOfInnerDerivativeOfConstantClosure_IsZero()
    {
        // ForwardDiff.derivative(x -> ForwardDiff.derivative(y -> x, x), 1.0) == 0
        double result = AutoDiff.Derivative(x => AutoDiff.Derivative(y => x, x), 1.0);
        Assert.That(result, Is.EqualTo(0.0));
    }

    [Test]
    public void Julia_GradientOfSumTimesInnerDerivative_EqualsGradientWithoutInnerDerivative()
    {
        // gradient(v -> sum(v) * D(y -> y * norm(v), 1), [1]) == gradient(v -> sum(v) * norm(v), [1])
        double[] at = [1.0];
        double[] nested = NestedCalculus.Gradient(v => Sum(v) * AutoDiff.Derivative(y => y * Norm(v), Dual<double>.Constant(1)), at);
        double[] direct = NestedCalculus.Gradient(v => Sum(v) * Norm(v), at);
        Assert.That(nested, Is.EqualTo(direct));
        Assert.That(nested, Is.EqualTo(new[] { 2.0 }));
    }

    [Test]
    public void Julia_JacobianOfGradientOfBilinearForm_IsTheMatrix()
    {
        // A == jacobian(x -> gradient(y -> dot(y, A*x), y0), x0) for A 10×8
        var random = new Random(83);
        double[,] a = new double[10, 8];
        for (int i = 0; i < 10; i++)
        {
            for (int j = 0; j < 8; j++)
            {
                a[i, j] = random.NextDouble();
            }
        }

        double[] y0 = Enumerable.Range(0, 10).Select(_ => random.NextDouble()).ToArray();
        double[] x0 = Enumerable.Range(0, 8).Select(_ => random.NextDouble()).ToArray();

        double[,] jacobian = NestedCalculus.Jacobian(
            x => NestedCalculus.Gradient(y => Dot(y, MatVec(a, x)), Array.ConvertAll(y0, Dual<double>.Constant)),
            x0,
            10);
        Assert.That(jacobian, Is.EqualTo(a));
    }

    [Test]
    public void Julia_Issue238_MixedSecondDerivativeOfLagrangian_IsZero()
    {
        // L(t, q, q̇) = m/2 q̇·q̇ − m g q₂;  ∂/∂q (∂L/∂q̇) = 0
        double[] q = [1, 2];
        double[] qdot = [3, 4];
        double[,] dqqdot = NestedCalculus.Jacobian(
            a => NestedCalculus.Gradient(b => Lagrangian(a, b), Array.ConvertAll(qdot, Dual<double>.Constant)),
            q,
            2);
        Assert.That(dqqdot, Is.EqualTo(new double[2, 2]));
    }

    [Test]
    public void Julia_Issue238_GradientOfHamiltonianFromLegendreTransform_IsZeroAndG()
    {
        // H(q, p) = Legendre transform of q̇ ↦ L(t, q, q̇) at p; ∂H/∂q = [0, g]. The transform takes a Hessian and a
        // gradient (by hyper-duals, one level inside the outer gradient) and solves a Cholesky system.
        double[] q = [1, 2];
        double[] p = [5, 6];
        double[] grad = NestedCalculus.Gradient(a => Hamiltonian(a, Array.ConvertAll(p, Dual<double>.Constant)), q);
        Assert.That(grad, Is.EqualTo(new[] { 0.0, G }));
    }

    [Test]
    public void Julia_Issue267_HessianOfFirstComponentThroughClosures_IsZero()
    {
        object captured = new object[] { 1, 2, new object[] { 3, new[] { 4, 5 } } };
        Func<HyperDual<double>[], HyperDual<double>> g = x => First(captured, x);
        Func<HyperDual<double>[], HyperDual<double>> h = x => g(x);
        HyperDual<double> r = h([new HyperDual<double>(1.0, 1, 1, 0)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.E1E2, Is.Zero);
            Assert.That(r.E1, Is.EqualTo(1.0));
            Assert.That(AutoDiff.SecondDerivativeHyper(x => h([x]), 1.0).SecondDerivative, Is.Zero);
        }
    }

    [Test]
    public void ThreeLevels_EachDerivativeSeesOnlyItsOwnVariable()
    {
        // inner: d/dz (x y z) = x y;  middle: d/dy (y · x y) = 2 x y, at y = 1 → 2x;  outer: d/dx (x · 2x) = 4x, at x = 1.5 → 6.
        double result = AutoDiff.Derivative(
            x => x * AutoDiff.Derivative(
                y => y * AutoDiff.Derivative(z => x * y * z, Dual<Dual<double>>.Constant(Dual<double>.Constant(0.5))),
                Dual<double>.Constant(1)),
            1.5);
        Assert.That(result, Is.EqualTo(6.0));
    }

    private const double G = 9.8;

    private static Dual<double> Sum(Dual<double>[] v) => v.Aggregate(Dual<double>.Constant(0), (s, e) => s + e);

    private static Dual<double> Norm(Dual<double>[] v) => Dual<double>.Sqrt(v.Aggregate(Dual<double>.Constant(0), (s, e) => s + (e * e)));

    private static Dual<Dual<double>> Dot(Dual<Dual<double>>[] y, Dual<double>[] ax)
    {
        Dual<Dual<double>> s = Dual<Dual<double>>.Constant(Dual<double>.Constant(0));
        for (int i = 0; i < y.Length; i++)
        {
            s += y[i] * ax[i];
        }

        return s;
    }

    private static Dual<double>[] MatVec(double[,] a, Dual<double>[] x)
    {
        var r = new Dual<double>[a.GetLength(0)];
        for (int i = 0; i < r.Length; i++)
        {
            Dual<double> s = Dual<double>.Constant(0);
            for (int j = 0; j < x.Length; j++)
            {
                s += a[i, j] * x[j];
            }

            r[i] = s;
        }

        return r;
    }

    // L(t, q, q̇) = m/2 q̇·q̇ − m g q₂ with m = 1, written once for any number type.
    private static TNum Lagrangian<TNum>(ReadOnlySpan<TNum> q, ReadOnlySpan<TNum> qdot)
        where TNum : System.Numerics.IFloatingPointIeee754<TNum>
    {
        TNum half = TNum.CreateChecked(0.5);
        return (half * ((qdot[0] * qdot[0]) + (qdot[1] * qdot[1]))) - (TNum.CreateChecked(G) * q[1]);
    }

    private static Dual<Dual<double>> Lagrangian(Dual<double>[] q, Dual<Dual<double>>[] qdot)
        => Lagrangian<Dual<Dual<double>>>([q[0], q[1]], qdot);

    // Legendre transform of v ↦ L(q, v) at w: M = ∇²L(0), b = ∇L(0), v = M⁻¹(w − b) by Cholesky, H = w·v − L(v).
    private static Dual<double> Hamiltonian(Dual<double>[] q, Dual<double>[] w)
    {
        var z = new Dual<double>[] { 0, 0 };
        var m = new Dual<double>[2, 2];
        var b = new Dual<double>[2];
        HyperDual<Dual<double>>[] hq = [q[0], q[1]];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                HyperDual<Dual<double>>[] v =
                [
                    new(z[0], i == 0 ? 1 : 0, j == 0 ? 1 : 0, 0),
                    new(z[1], i == 1 ? 1 : 0, j == 1 ? 1 : 0, 0),
                ];
                HyperDual<Dual<double>> l = Lagrangian<HyperDual<Dual<double>>>(hq, v);
                m[i, j] = l.E1E2;
                b[i] = l.E1;
            }
        }

        // Cholesky of the 2×2 M, then forward and back substitution
        Dual<double> l00 = Dual<double>.Sqrt(m[0, 0]);
        Dual<double> l10 = m[1, 0] / l00;
        Dual<double> l11 = Dual<double>.Sqrt(m[1, 1] - (l10 * l10));
        Dual<double> r0 = w[0] - b[0];
        Dual<double> r1 = w[1] - b[1];
        Dual<double> u0 = r0 / l00;
        Dual<double> u1 = (r1 - (l10 * u0)) / l11;
        Dual<double> v1 = u1 / l11;
        Dual<double> v0 = (u0 - (l10 * v1)) / l00;
        return (w[0] * v0) + (w[1] * v1) - Lagrangian<Dual<double>>(q, [v0, v1]);
    }

    private static HyperDual<double> First(object captured, HyperDual<double>[] x) => captured is null ? default : x[0];
}

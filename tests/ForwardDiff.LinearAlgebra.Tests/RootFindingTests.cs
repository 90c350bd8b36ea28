using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra.Tests;

/// <summary>Newton root finding with AD derivatives: the textbook's functions and a nonlinear system.</summary>
public class RootFindingTests
{
    [Test]
    public void FindRoot_OfThreeXSquaredMinusFourX_InBracketAroundFourThirds_IsFourThirds()
    {
        double root = AutoDiffRootFinding.FindRoot(x => (3.0 * DualScalar.Square(x)) - (4.0 * x), 1.0, 2.0);

        Assert.That(root, Is.EqualTo(4.0 / 3.0).Within(1e-14));
    }

    [Test]
    public void FindRootNearGuess_OfSinOfXSquared_IsSqrtPi()
    {
        double root = AutoDiffRootFinding.FindRootNearGuess(x => DualScalar.Sin(DualScalar.Square(x)), 1.7, 1.0, 2.0);

        Assert.That(root, Is.EqualTo(Math.Sqrt(Math.PI)).Within(1e-14));
    }

    [Test]
    public void FindRoot_OfSystem_CircleAndLine_ConvergesToIntersection()
    {
        // x² + y² = 4, y = x ⇒ (√2, √2).
        DualVector System(DualVector v)
        {
            DualScalar circle = DualVector.SquaredNorm(v) - 4.0;
            DualScalar line = v[1] - v[0];
            return DualVector.FromPartials(
                Vector<double>.Build.Dense([circle.Value, line.Value]),
                Matrix<double>.Build.DenseOfRowVectors(circle.Gradient, line.Gradient));
        }

        Vector<double> root = AutoDiffRootFinding.FindRoot(System, Vector<double>.Build.Dense([1.0, 2.0]));

        TestData.AssertClose(root, Vector<double>.Build.Dense([Math.Sqrt(2), Math.Sqrt(2)]), 1e-14);
    }

    [Test]
    public void FindRoot_OfAffineSystem_IsTheLinearSolution()
    {
        Matrix<double> a = TestData.RandomMatrix(6, 6, 81) + (3.0 * Matrix<double>.Build.DenseIdentity(6));
        Vector<double> b = TestData.RandomVector(6, 82);

        Vector<double> root = AutoDiffRootFinding.FindRoot(x => (a * x) - b, Vector<double>.Build.Dense(6));

        TestData.AssertClose(root, a.Solve(b), 1e-12);
    }

    [Test]
    public void FindRoot_OfNonSquareSystem_NamesBothSizes()
    {
        Matrix<double> a = TestData.RandomMatrix(3, 2, 83);

        Assert.That(
            () => AutoDiffRootFinding.FindRoot(x => a * x, Vector<double>.Build.Dense(2)),
            Throws.ArgumentException.With.Message.Contains("2 unknowns").And.Message.Contains("3 equations"));
    }

    [Test]
    public void FindRoot_WithoutRoot_ThrowsNonConvergence()
    {
        Assert.That(
            () => AutoDiffRootFinding.FindRoot(x => DualVector.Exp(x) + 1.0, Vector<double>.Build.Dense([0.0]), maxIterations: 20),
            Throws.TypeOf<NonConvergenceException>());
    }
}

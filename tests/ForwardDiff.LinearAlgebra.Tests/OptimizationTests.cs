using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace ForwardDiff.LinearAlgebra.Tests;

/// <summary>MathNet's minimizers on an objective written once, with AD gradient and Hessian.</summary>
public class OptimizationTests
{
    private static readonly Vector Start = Vector.Build.Dense([-1.2, 1.0]);
    private static readonly Vector Minimum = Vector.Build.Dense([1.0, 1.0]);

    // Rosenbrock: (1 − x₀)² + 100 (x₁ − x₀²)², written once on dual types.
    private static DualScalar Rosenbrock(DualVector x) =>
        DualScalar.Square(1.0 - x[0]) + (100.0 * DualScalar.Square(x[1] - DualScalar.Square(x[0])));

    [Test]
    public void Bfgs_OnRosenbrock_ReachesOneOneWithin1e8()
    {
        var objective = new AutoDiffObjectiveFunction(Rosenbrock);

        MinimizationResult result = new BfgsMinimizer(1e-12, 1e-12, 1e-12, 1000).FindMinimum(objective, Start);

        TestData.AssertClose(result.MinimizingPoint, Minimum, 1e-8);
        Assert.That(objective.GradientEvaluations, Is.InRange(1, 400), "first-order sweeps");
        Assert.That(objective.HessianEvaluations, Is.Zero, "BFGS needs no Hessian");
        TestContext.Out.WriteLine($"BFGS: {result.Iterations} iterations, {objective.GradientEvaluations} value+gradient sweeps");
    }

    [Test]
    public void Newton_OnRosenbrock_ReachesOneOneWithin1e8()
    {
        var objective = new AutoDiffObjectiveFunction(Rosenbrock);

        MinimizationResult result = new NewtonMinimizer(1e-12, 100, useLineSearch: true).FindMinimum(objective, Start);

        TestData.AssertClose(result.MinimizingPoint, Minimum, 1e-8);
        Assert.That(objective.HessianEvaluations, Is.InRange(1, 100), "second-order sweeps");
        TestContext.Out.WriteLine(
            $"Newton: {result.Iterations} iterations, {objective.HessianEvaluations} Hessian sweeps, {objective.GradientEvaluations} value+gradient sweeps");
    }

    [Test]
    public void LimitedMemoryBfgs_OnRosenbrock_ReachesOneOne()
    {
        var objective = new AutoDiffObjectiveFunction(Rosenbrock);

        MinimizationResult result = new LimitedMemoryBfgsMinimizer(1e-12, 1e-12, 1e-12, 5, 1000).FindMinimum(objective, Start);

        TestData.AssertClose(result.MinimizingPoint, Minimum, 1e-6);
    }

    [Test]
    public void ConjugateGradient_OnConvexQuadratic_ReachesTheSolutionOfTheLinearSystem()
    {
        // f(x) = ½xᵀAx − bᵀx with A symmetric positive definite: minimum at A⁻¹b.
        Matrix<double> m = TestData.RandomMatrix(5, 5, 71);
        Matrix<double> a = (m.TransposeThisAndMultiply(m)) + Matrix<double>.Build.DenseIdentity(5);
        Vector b = TestData.RandomVector(5, 72);
        var objective = new AutoDiffObjectiveFunction(x => (0.5 * DualVector.QuadraticForm(x, a)) - DualVector.Dot(x, b));

        MinimizationResult result = new ConjugateGradientMinimizer(1e-12, 1000).FindMinimum(objective, Vector.Build.Dense(5));

        TestData.AssertClose(result.MinimizingPoint, a.Solve(b), 1e-7);
    }

    [Test]
    public void Objective_GradientAndHessian_MatchClosedFormAtStart()
    {
        var objective = new AutoDiffObjectiveFunction(Rosenbrock);
        objective.EvaluateAt(Start);
        double x = Start[0];
        double y = Start[1];

        TestData.AssertClose(objective.Gradient, Vector.Build.Dense([(-2 * (1 - x)) - (400 * x * (y - (x * x))), 200 * (y - (x * x))]), 1e-14);
        TestData.AssertClose(
            objective.Hessian,
            Matrix<double>.Build.DenseOfArray(new[,] { { 2 - (400 * (y - (3 * x * x))), -400 * x }, { -400 * x, 200.0 } }),
            1e-14);
        Assert.That(objective.Value, Is.EqualTo(24.2).Within(1e-12));
    }

    [Test]
    public void Bfgs_OnGenericRosenbrockThroughChunkedDuals_ReachesOneOneWithin1e8()
    {
        AutoDiffObjectiveFunction objective = AutoDiffObjectiveFunction.Create(new GenericRosenbrock());

        MinimizationResult result = new BfgsMinimizer(1e-12, 1e-12, 1e-12, 1000).FindMinimum(objective, Start);

        TestData.AssertClose(result.MinimizingPoint, Minimum, 1e-8);
        Assert.That(objective.GradientEvaluations, Is.InRange(1, 400));
    }

    [Test]
    public void Newton_OnGenericRosenbrockThroughChunkedDuals_ReachesOneOneWithin1e8()
    {
        AutoDiffObjectiveFunction objective = AutoDiffObjectiveFunction.Create(new GenericRosenbrock());

        MinimizationResult result = new NewtonMinimizer(1e-12, 100, useLineSearch: true).FindMinimum(objective, Start);

        TestData.AssertClose(result.MinimizingPoint, Minimum, 1e-8);
        Assert.That(objective.HessianEvaluations, Is.InRange(1, 100));
    }

    private readonly struct GenericRosenbrock : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T a = T.One - x[0];
            T b = x[1] - (x[0] * x[0]);
            return (a * a) + (T.CreateChecked(100) * b * b);
        }
    }
}

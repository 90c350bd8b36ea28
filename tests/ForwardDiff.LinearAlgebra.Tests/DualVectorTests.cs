using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra.Tests;

/// <summary>Elementwise functions, structure of the partials, strong zeros, softmax and log-sum-exp.</summary>
public class DualVectorTests
{
    private static readonly Vector<double> Point = Vector<double>.Build.Dense([0.3, -1.2, 2.5, 0.05, 1.7]);

    public static IEnumerable<TestCaseData> ElementwiseFunctions()
    {
        yield return Case("Exp", DualVector.Exp, Math.Exp, Math.Exp, Math.Exp);
        yield return Case("Log", DualVector.Log, Math.Log, x => 1.0 / x, x => -1.0 / (x * x));
        yield return Case("Sqrt", DualVector.Sqrt, Math.Sqrt, x => 0.5 / Math.Sqrt(x), x => -0.25 / (x * Math.Sqrt(x)));
        yield return Case("Sin", DualVector.Sin, Math.Sin, Math.Cos, x => -Math.Sin(x));
        yield return Case("Cos", DualVector.Cos, Math.Cos, x => -Math.Sin(x), x => -Math.Cos(x));
        yield return Case("Tanh", DualVector.Tanh, Math.Tanh, x => 1.0 / (Math.Cosh(x) * Math.Cosh(x)), x => -2.0 * Math.Tanh(x) / (Math.Cosh(x) * Math.Cosh(x)));
        yield return Case(
            "Sigmoid",
            DualVector.Sigmoid,
            x => 1.0 / (1.0 + Math.Exp(-x)),
            x => Math.Exp(-x) / Math.Pow(1.0 + Math.Exp(-x), 2),
            x => (Math.Exp(-2 * x) - Math.Exp(-x)) / Math.Pow(1.0 + Math.Exp(-x), 3));
        yield return Case("Pow2.5", v => DualVector.Pow(v, 2.5), x => Math.Pow(x, 2.5), x => 2.5 * Math.Pow(x, 1.5), x => 3.75 * Math.Pow(x, 0.5));
        yield return Case("Square", DualVector.Square, x => x * x, x => 2 * x, _ => 2.0);
        yield return Case("Reciprocal", DualVector.Reciprocal, x => 1.0 / x, x => -1.0 / (x * x), x => 2.0 / (x * x * x));
    }

    [TestCaseSource(nameof(ElementwiseFunctions))]
    public void Elementwise_OfAffineMap_MatchesClosedFormJacobianAndHessian(
        Func<DualVector, DualVector> f, Func<double, double> value, Func<double, double> first, Func<double, double> second)
    {
        // y = f(Bx + c) with positive arguments (Log, Sqrt, Pow): J = diag(f′(u))B, and Σ yᵢ has Hessian Bᵀdiag(f″(u))B.
        Matrix<double> b = TestData.RandomMatrix(4, 3, 31) * 0.2;
        Vector<double> c = Vector<double>.Build.Dense([1.0, 1.5, 2.0, 0.8]);
        Vector<double> x = TestData.RandomVector(3, 32);
        Vector<double> u = (b * x) + c;

        (Vector<double> y, Matrix<double> jacobian) = MatrixAutoDiff.ValueAndJacobian(v => f((b * v) + c), x);
        Matrix<double> hessian = MatrixAutoDiff.Hessian(v => DualVector.Sum(f((b * v) + c)), x);

        TestData.AssertClose(y, u.Map(value), 1e-15);
        TestData.AssertClose(jacobian, Matrix<double>.Build.DenseOfDiagonalVector(u.Map(first)) * b, 1e-14);
        TestData.AssertClose(hessian, b.Transpose() * Matrix<double>.Build.DenseOfDiagonalVector(u.Map(second)) * b, 1e-13);
    }

    [Test]
    public void Variable_IsIdentitySeed_AndMatrixProductOfItIsDenseCopyOfTheMatrix()
    {
        Matrix<double> w = TestData.RandomMatrix(3, 5, 33);
        var x = DualVector.Variable(TestData.RandomVector(5, 34));

        DualVector wx = w * x;

        Assert.That(x.Kind, Is.EqualTo(PartialsKind.Identity));
        Assert.That(wx.Kind, Is.EqualTo(PartialsKind.Dense));
        TestData.AssertClose(wx.ToPartialsMatrix(), w, 0.0);
    }

    [Test]
    public void ElementwiseFunctionOfVariable_KeepsDiagonalStructure()
    {
        var x = DualVector.Variable(Point);

        DualVector y = DualVector.Exp(x) + DualVector.Tanh(x);

        Assert.That(y.Kind, Is.EqualTo(PartialsKind.Diagonal));
        TestData.AssertClose(
            y.ToPartialsMatrix(),
            Matrix<double>.Build.DenseOfDiagonalVector(Point.Map(v => Math.Exp(v) + (1.0 - (Math.Tanh(v) * Math.Tanh(v))))),
            1e-15);
    }

    [Test]
    public void Constant_HasZeroPartials_AndAddingItKeepsTheVariablesPartials()
    {
        var x = DualVector.Variable(Point);
        var c = DualVector.Constant(Point, Point.Count);

        DualVector sum = x + c;

        Assert.That(c.Kind, Is.EqualTo(PartialsKind.Zero));
        Assert.That(sum.Kind, Is.EqualTo(PartialsKind.Identity));
        TestData.AssertClose(sum.Value, 2.0 * Point, 0.0);
    }

    [Test]
    public void Sqrt_AtZeroOfConstant_KeepsPartialsZero()
    {
        // A constant entry at 0 through √ has f′ = +∞; its zero partials must stay zero (strong zero), not NaN.
        Vector<double> x = Vector<double>.Build.Dense([0.0, 4.0]);
        Matrix<double> keepSecondOnly = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 0, 1 } });

        Matrix<double> jacobian = MatrixAutoDiff.Jacobian(v => DualVector.Sqrt(keepSecondOnly * v), x);
        Matrix<double> jacobianOfVariable = MatrixAutoDiff.Jacobian(DualVector.Sqrt, x);

        Assert.That(jacobian[0, 0], Is.EqualTo(0.0));
        Assert.That(jacobian[0, 1], Is.EqualTo(0.0));
        Assert.That(jacobian[1, 1], Is.EqualTo(0.25));
        Assert.That(jacobianOfVariable[0, 0], Is.EqualTo(double.PositiveInfinity));
        Assert.That(jacobianOfVariable[0, 1], Is.EqualTo(0.0));
    }

    [Test]
    public void Log_AtZeroOfConstantInDenseDual_KeepsPartialsZero()
    {
        Vector<double> x = Vector<double>.Build.Dense([1.0, 2.0]);
        Matrix<double> map = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 1, 1 } });

        Matrix<double> jacobian = MatrixAutoDiff.Jacobian(v => DualVector.Log(map * v), x);

        Assert.That(jacobian[0, 0], Is.EqualTo(0.0));
        Assert.That(jacobian[0, 1], Is.EqualTo(0.0));
        Assert.That(jacobian[1, 0], Is.EqualTo(1.0 / 3.0).Within(1e-16));
    }

    [Test]
    public void NaNAndInfinityInValues_Propagate()
    {
        Vector<double> x = Vector<double>.Build.Dense([double.NaN, double.PositiveInfinity, 1.0]);

        (Vector<double> y, Matrix<double> jacobian) = MatrixAutoDiff.ValueAndJacobian(v => DualVector.Exp(2.0 * v), x);

        Assert.That(double.IsNaN(y[0]), Is.True);
        Assert.That(double.IsNaN(jacobian[0, 0]), Is.True);
        Assert.That(y[1], Is.EqualTo(double.PositiveInfinity));
        Assert.That(jacobian[1, 1], Is.EqualTo(double.PositiveInfinity));
        Assert.That(jacobian[2, 2], Is.EqualTo(2.0 * Math.Exp(2.0)).Within(1e-14));
        Assert.That(jacobian[0, 1], Is.EqualTo(0.0));
    }

    [Test]
    public void Softmax_Jacobian_IsDiagSMinusSSTranspose_EvenForHugeEntries()
    {
        Vector<double> x = Vector<double>.Build.Dense([1000.0, 1001.0, 999.5]);
        Vector<double> shifted = x - 1001.0;
        Vector<double> s = shifted.PointwiseExp() / shifted.PointwiseExp().Sum();

        (Vector<double> y, Matrix<double> jacobian) = MatrixAutoDiff.ValueAndJacobian(DualVector.Softmax, x);

        TestData.AssertClose(y, s, 1e-15);
        TestData.AssertClose(jacobian, Matrix<double>.Build.DenseOfDiagonalVector(s) - s.OuterProduct(s), 1e-15);
    }

    [Test]
    public void LogSumExp_IsStable_AndItsGradientIsTheSoftmax()
    {
        Vector<double> x = Vector<double>.Build.Dense([-800.0, 700.0, 710.0]);
        double expected = 710.0 + Math.Log(Math.Exp(-1510.0) + Math.Exp(-10.0) + 1.0);
        Vector<double> shifted = x - 710.0;
        Vector<double> softmax = shifted.PointwiseExp() / shifted.PointwiseExp().Sum();

        (double value, Vector<double> gradient, Matrix<double> hessian) = MatrixAutoDiff.ValueGradientHessian(DualVector.LogSumExp, x);

        Assert.That(value, Is.EqualTo(expected).Within(1e-12));
        TestData.AssertClose(gradient, softmax, 1e-15);
        TestData.AssertClose(hessian, Matrix<double>.Build.DenseOfDiagonalVector(softmax) - softmax.OuterProduct(softmax), 1e-15);
    }

    [Test]
    public void DotOfTwoDuals_GradientAndHessian_MatchProductRule()
    {
        // y = (Ax)·(Bx): ∇y = Aᵀ(Bx) + Bᵀ(Ax), ∇²y = AᵀB + BᵀA.
        Matrix<double> a = TestData.RandomMatrix(4, 3, 35);
        Matrix<double> b = TestData.RandomMatrix(4, 3, 36);
        Vector<double> x = TestData.RandomVector(3, 37);

        (double _, Vector<double> gradient, Matrix<double> hessian) =
            MatrixAutoDiff.ValueGradientHessian(v => DualVector.Dot(a * v, b * v), x);

        TestData.AssertClose(gradient, (a.Transpose() * (b * x)) + (b.Transpose() * (a * x)), 1e-14);
        TestData.AssertClose(hessian, (a.Transpose() * b) + (b.Transpose() * a), 1e-14);
    }

    [Test]
    public void PointwiseMultiply_JacobianIsDiagYTimesJxPlusDiagXTimesJy()
    {
        Matrix<double> a = TestData.RandomMatrix(4, 3, 38);
        Matrix<double> b = TestData.RandomMatrix(4, 3, 39);
        Vector<double> x = TestData.RandomVector(3, 40);

        Matrix<double> jacobian = MatrixAutoDiff.Jacobian(v => DualVector.PointwiseMultiply(a * v, DualVector.Sin(b * v)), x);

        Vector<double> ax = a * x;
        Vector<double> sinBx = (b * x).PointwiseSin();
        Matrix<double> expected = (Matrix<double>.Build.DenseOfDiagonalVector(sinBx) * a)
            + (Matrix<double>.Build.DenseOfDiagonalVector(ax.PointwiseMultiply((b * x).PointwiseCos())) * b);
        TestData.AssertClose(jacobian, expected, 1e-14);
    }

    [Test]
    public void ScalingByDualScalar_MatchesProductRule()
    {
        // y = (c·x) x: J = (c·x)I + x cᵀ.
        Vector<double> c = TestData.RandomVector(3, 41);
        Vector<double> x = TestData.RandomVector(3, 42);

        Matrix<double> jacobian = MatrixAutoDiff.Jacobian(v => DualVector.Dot(v, c) * v, x);

        TestData.AssertClose(jacobian, ((c * x) * Matrix<double>.Build.DenseIdentity(3)) + x.OuterProduct(c), 1e-15);
    }

    [Test]
    public void DualMatrixTimesVector_GradientMatchesClosedForm()
    {
        // f(X) = ‖Xv‖²: ∇_X f = 2(Xv)vᵀ.
        Matrix<double> x = TestData.RandomMatrix(4, 3, 43);
        Vector<double> v = TestData.RandomVector(3, 44);

        Matrix<double> gradient = MatrixAutoDiff.Gradient(X => DualVector.SquaredNorm(X * v), x);

        TestData.AssertClose(gradient, 2.0 * (x * v).OuterProduct(v), 1e-15);
    }

    [Test]
    public void Indexer_ReturnsEntryWithItsRowOfPartials()
    {
        Matrix<double> a = TestData.RandomMatrix(3, 4, 45);
        var x = DualVector.Variable(TestData.RandomVector(4, 46));

        DualScalar second = (a * x)[1];

        TestData.AssertClose(second.Gradient, a.Row(1), 0.0);
    }

    private static TestCaseData Case(
        string name, Func<DualVector, DualVector> f, Func<double, double> value, Func<double, double> first, Func<double, double> second) =>
        new TestCaseData(f, value, first, second).SetArgDisplayNames(name);
}

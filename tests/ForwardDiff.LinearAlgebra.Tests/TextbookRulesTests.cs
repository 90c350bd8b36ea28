using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra.Tests;

/// <summary>The textbook's matrix rules (section 2.4.3–2.4.4), forward result against the closed form.</summary>
public class TextbookRulesTests
{
    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void GradientMatrix_OfAx_IsATranspose(int m, int n)
    {
        Matrix<double> a = TestData.RandomMatrix(m, n, 1);
        Vector<double> x = TestData.RandomVector(n, 2);

        Matrix<double> gradient = MatrixAutoDiff.GradientMatrix(v => a * v, x);

        TestData.AssertClose(gradient, a.Transpose(), 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void Jacobian_OfAx_IsA_RowsAreOutputs(int m, int n)
    {
        Matrix<double> a = TestData.RandomMatrix(m, n, 3);
        Vector<double> x = TestData.RandomVector(n, 4);

        (Vector<double> value, Matrix<double> jacobian) = MatrixAutoDiff.ValueAndJacobian(v => a * v, x);

        TestData.AssertClose(jacobian, a, 0.0);
        TestData.AssertClose(value, a * x, 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void GradientMatrix_OfXTransposeA_IsA(int n, int m)
    {
        Matrix<double> a = TestData.RandomMatrix(n, m, 5);
        Vector<double> x = TestData.RandomVector(n, 6);

        Matrix<double> gradient = MatrixAutoDiff.GradientMatrix(v => DualVector.TransposeMultiply(v, a), x);

        TestData.AssertClose(gradient, a, 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Sizes))]
    public void Gradient_OfQuadraticForm_IsASymmetrisedTimesX(int n)
    {
        Matrix<double> a = TestData.RandomMatrix(n, n, 7);
        Vector<double> x = TestData.RandomVector(n, 8);

        (double value, Vector<double> gradient) = MatrixAutoDiff.ValueAndGradient(v => DualVector.QuadraticForm(v, a), x);

        TestData.AssertClose(gradient, (a + a.Transpose()) * x, 1e-13);
        Assert.That(value, Is.EqualTo(x * (a * x)).Within(1e-12 * Math.Max(1.0, Math.Abs(value))));
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Sizes))]
    public void Hessian_OfQuadraticForm_IsAPlusATranspose(int n)
    {
        Matrix<double> a = TestData.RandomMatrix(n, n, 9);
        Vector<double> x = TestData.RandomVector(n, 10);

        Matrix<double> hessian = MatrixAutoDiff.Hessian(v => DualVector.QuadraticForm(v, a), x);

        TestData.AssertClose(hessian, a + a.Transpose(), 1e-13);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Sizes))]
    public void Hessian_OfQuadraticFormWrittenAsDotOfXAndAx_IsAPlusATranspose(int n)
    {
        Matrix<double> a = TestData.RandomMatrix(n, n, 11);
        Vector<double> x = TestData.RandomVector(n, 12);

        (double value, Vector<double> gradient, Matrix<double> hessian) =
            MatrixAutoDiff.ValueGradientHessian(v => DualVector.Dot(v, a * v), x);

        TestData.AssertClose(hessian, a + a.Transpose(), 1e-12);
        TestData.AssertClose(gradient, (a + a.Transpose()) * x, 1e-12);
        Assert.That(value, Is.EqualTo(x * (a * x)).Within(1e-12 * Math.Max(1.0, Math.Abs(value))));
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Sizes))]
    public void Gradient_OfSquaredNorm_IsTwoX(int n)
    {
        Vector<double> x = TestData.RandomVector(n, 13);

        Vector<double> gradient = MatrixAutoDiff.Gradient(DualVector.SquaredNorm, x);
        Matrix<double> hessian = MatrixAutoDiff.Hessian(DualVector.SquaredNorm, x);

        TestData.AssertClose(gradient, 2.0 * x, 0.0);
        TestData.AssertClose(hessian, 2.0 * Matrix<double>.Build.DenseIdentity(n), 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void Gradient_OfSquaredFrobeniusNorm_IsTwoX(int m, int n)
    {
        Matrix<double> x = TestData.RandomMatrix(m, n, 14);

        Matrix<double> gradient = MatrixAutoDiff.Gradient(DualMatrix.FrobeniusNormSquared, x);

        TestData.AssertClose(gradient, 2.0 * x, 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void Gradient_OfTraceOfAX_IsATranspose(int m, int n)
    {
        Matrix<double> x = TestData.RandomMatrix(m, n, 15);
        Matrix<double> a = TestData.RandomMatrix(n, m, 16);

        Matrix<double> gradient = MatrixAutoDiff.Gradient(X => DualMatrix.TraceOfProduct(a, X), x);

        TestData.AssertClose(gradient, a.Transpose(), 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Sizes))]
    public void Gradient_OfTrace_IsIdentity(int n)
    {
        Matrix<double> x = TestData.RandomMatrix(n, n, 17);

        Matrix<double> gradient = MatrixAutoDiff.Gradient(DualMatrix.Trace, x);

        TestData.AssertClose(gradient, Matrix<double>.Build.DenseIdentity(n), 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void Gradient_OfFrobeniusNormOfAX_Is2ATransposeAX(int m, int n)
    {
        // ‖AX‖²_F with A q×m: gradient 2AᵀAX, through the DualMatrix product (one GEMM on the partials).
        Matrix<double> x = TestData.RandomMatrix(m, n, 18);
        Matrix<double> a = TestData.RandomMatrix(4, m, 19);

        Matrix<double> gradient = MatrixAutoDiff.Gradient(X => DualMatrix.FrobeniusNormSquared(a * X), x);

        TestData.AssertClose(gradient, 2.0 * a.Transpose() * a * x, 1e-12);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.SmallShapes))]
    public void Hessian_OfSquaredFrobeniusNorm_IsTwoIdentityOverVecX(int m, int n)
    {
        Matrix<double> x = TestData.RandomMatrix(m, n, 20);

        Matrix<double> hessian = MatrixAutoDiff.Hessian(DualMatrix.FrobeniusNormSquared, x);

        TestData.AssertClose(hessian, 2.0 * Matrix<double>.Build.DenseIdentity(m * n), 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void ChainRule_GradientOfComposition_IsInnerGradientMatrixTimesOuterGradient(int m, int n)
    {
        // u = tanh(Bx + c) (m outputs of n inputs), y = ‖u‖² + sum(sin u); textbook: ∇ₓy = A∇ᵤy, A = ∇ₓu (n×m).
        Matrix<double> b = TestData.RandomMatrix(m, n, 21);
        Vector<double> c = TestData.RandomVector(m, 22);
        Vector<double> x = TestData.RandomVector(n, 23);
        DualVector U(DualVector v) => DualVector.Tanh((b * v) + c);
        DualScalar Y(DualVector u) => DualVector.SquaredNorm(u) + DualVector.Sum(DualVector.Sin(u));

        Vector<double> direct = MatrixAutoDiff.Gradient(v => Y(U(v)), x);
        Matrix<double> a = MatrixAutoDiff.GradientMatrix(U, x);
        Vector<double> u = MatrixAutoDiff.ValueAndJacobian(U, x).Value;
        Vector<double> outer = MatrixAutoDiff.Gradient(Y, u);

        Assert.That(a.RowCount, Is.EqualTo(n));
        Assert.That(a.ColumnCount, Is.EqualTo(m));
        TestData.AssertClose(direct, a * outer, 1e-12);
    }

    [Test]
    public void ChainRule_TextbookExample_GradientIsFourX()
    {
        // y = u₁² + u₂², u₁ = x₁ + x₂, u₂ = x₁ − x₂ ⇒ ∇ₓy = (4x₁, 4x₂), A = [[1, 1], [1, −1]], ∇ᵤy = 2u.
        Vector<double> x = Vector<double>.Build.Dense([0.75, -2.5]);
        Matrix<double> map = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 1 }, { 1, -1 } });
        DualVector U(DualVector v) => map * v;

        Vector<double> gradient = MatrixAutoDiff.Gradient(v => DualVector.SquaredNorm(U(v)), x);
        Matrix<double> a = MatrixAutoDiff.GradientMatrix(U, x);
        Vector<double> u = map * x;
        Vector<double> gradientU = MatrixAutoDiff.Gradient(DualVector.SquaredNorm, u);

        TestData.AssertClose(gradient, 4.0 * x, 0.0);
        TestData.AssertClose(a, map.Transpose(), 0.0);
        TestData.AssertClose(gradientU, 2.0 * u, 0.0);
        TestData.AssertClose(a * gradientU, gradient, 0.0);
    }

    [Test]
    public void Derivative_OfTextbookFunction_ThreeXSquaredMinusFourX_IsSixXMinusFour()
    {
        // u = f(x) = 3x² − 4x, f′(1) = 2 (the textbook's limit example).
        Vector<double> gradient = MatrixAutoDiff.Gradient(
            v => (3.0 * DualScalar.Square(v[0])) - (4.0 * v[0]),
            Vector<double>.Build.Dense([1.0]));

        Assert.That(gradient[0], Is.EqualTo(2.0));
    }

    [Test]
    public void Derivative_OfSinOfXSquared_IsTwoXCosXSquared()
    {
        const double x0 = 0.7;
        Vector<double> gradient = MatrixAutoDiff.Gradient(
            v => DualScalar.Sin(DualScalar.Square(v[0])),
            Vector<double>.Build.Dense([x0]));

        Assert.That(gradient[0], Is.EqualTo(Math.Cos(x0 * x0) * 2.0 * x0).Within(1e-15));
    }
}

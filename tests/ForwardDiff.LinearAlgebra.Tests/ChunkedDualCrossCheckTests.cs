using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace ForwardDiff.LinearAlgebra.Tests;

/// <summary>
/// The matrix layer against the core's chunked duals: each rule written once as a generic
/// <see cref="IMultivariateFunction"/>/<see cref="IVectorFunction"/> and differentiated by
/// <c>AutoDiff.Gradient/Jacobian/Hessian</c> through the MathNet-typed overloads.
/// </summary>
public class ChunkedDualCrossCheckTests
{
    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void JacobianOfAx_MatrixLayerEqualsChunkedDuals(int m, int n)
    {
        Matrix<double> a = TestData.RandomMatrix(m, n, 201);
        Vector x = TestData.RandomVector(n, 202);

        Matrix<double> layer = MatrixAutoDiff.Jacobian(v => a * v, x);
        Matrix<double> chunked = AutoDiff.Jacobian(new Affine(a), x);

        TestData.AssertClose(layer, chunked, 0.0);
        TestData.AssertClose(MatrixAutoDiff.GradientMatrix(v => a * v, x), chunked.Transpose(), 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void GradientMatrixOfXTransposeA_MatrixLayerEqualsChunkedDuals(int n, int m)
    {
        Matrix<double> a = TestData.RandomMatrix(n, m, 203);
        Vector x = TestData.RandomVector(n, 204);

        Matrix<double> layer = MatrixAutoDiff.GradientMatrix(v => DualVector.TransposeMultiply(v, a), x);
        Matrix<double> chunked = AutoDiff.Jacobian(new Affine(a.Transpose()), x).Transpose();

        TestData.AssertClose(layer, chunked, 1e-15);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Sizes))]
    public void GradientAndHessianOfQuadraticForm_MatrixLayerEqualsChunkedDuals(int n)
    {
        Matrix<double> a = TestData.RandomMatrix(n, n, 205);
        Vector x = TestData.RandomVector(n, 206);

        (double _, Vector gradient, Matrix<double> hessian) = MatrixAutoDiff.ValueGradientHessian(v => DualVector.QuadraticForm(v, a), x);

        TestData.AssertClose(gradient, AutoDiff.Gradient(new Quadratic(a), x), 1e-13);
        TestData.AssertClose(hessian, AutoDiff.Hessian(new Quadratic(a), x), 1e-13);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Sizes))]
    public void GradientAndHessianOfSquaredNorm_MatrixLayerEqualsChunkedDuals(int n)
    {
        Vector x = TestData.RandomVector(n, 207);

        TestData.AssertClose(MatrixAutoDiff.Gradient(DualVector.SquaredNorm, x), AutoDiff.Gradient(new SquaredNorm(), x), 0.0);
        TestData.AssertClose(MatrixAutoDiff.Hessian(DualVector.SquaredNorm, x), AutoDiff.Hessian(new SquaredNorm(), x), 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void GradientOfSquaredFrobeniusNorm_MatrixLayerEqualsChunkedDuals(int m, int n)
    {
        Matrix<double> x = TestData.RandomMatrix(m, n, 208);

        Matrix<double> layer = MatrixAutoDiff.Gradient(DualMatrix.FrobeniusNormSquared, x);
        Vector chunked = AutoDiff.Gradient(new SquaredNorm(), Vector.Build.Dense(x.ToColumnMajorArray()));

        TestData.AssertClose(layer, Matrix<double>.Build.Dense(m, n, chunked.ToArray()), 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void JacobianOfTwoLayerNetwork_MatrixLayerEqualsChunkedDuals(int m, int n)
    {
        Matrix<double> w1 = TestData.RandomMatrix(m, n, 209);
        Matrix<double> w2 = TestData.RandomMatrix(m, m, 210);
        Vector b1 = TestData.RandomVector(m, 211);
        Vector b2 = TestData.RandomVector(m, 212);
        Vector x = TestData.RandomVector(n, 213);

        Matrix<double> layer = MatrixAutoDiff.Jacobian(v => DualVector.Tanh((w2 * DualVector.Tanh((w1 * v) + b1)) + b2), x);
        Matrix<double> chunked = AutoDiff.Jacobian(new TwoLayer(w1, w2, b1, b2), x);

        TestData.AssertClose(layer, chunked, 1e-13);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void ChainRule_MatrixLayerEqualsChunkedDuals(int m, int n)
    {
        // y = ‖tanh(Bx)‖²: the chunked gradient equals A∇ᵤy with A = ∇ₓu from the matrix layer.
        Matrix<double> b = TestData.RandomMatrix(m, n, 214);
        Vector x = TestData.RandomVector(n, 215);
        DualVector U(DualVector v) => DualVector.Tanh(b * v);

        Matrix<double> a = MatrixAutoDiff.GradientMatrix(U, x);
        Vector u = (b * x).PointwiseTanh();
        Vector chunked = AutoDiff.Gradient(new SquaredNormOfTanh(b), x);

        TestData.AssertClose(a * (2.0 * u), chunked, 1e-13);
    }

    [Test]
    public void LambdaOverloads_TakeAndReturnMathNetTypes()
    {
        Vector x = Vector.Build.Dense([2.0, 3.0]);

        Vector gradient = AutoDiff.Gradient(v => v[0] * v[1], x);
        Matrix<double> jacobian = AutoDiff.Jacobian(
            (v, y) =>
            {
                y[0] = v[0] * v[1];
                y[1] = v[0] + v[1];
                y[2] = v[1];
            },
            x,
            3);

        TestData.AssertClose(gradient, Vector.Build.Dense([3.0, 2.0]), 0.0);
        TestData.AssertClose(jacobian, Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 2 }, { 1, 1 }, { 0, 1 } }), 0.0);
    }

    [Test]
    public void LambdaOverloads_BindToRegisterDuals_UnlessTheLambdaNamesPartials8()
    {
        Vector x = Vector.Build.Dense([2.0, 0.5]);
        Type? fast = null, named = null, jacobian = null;
        Vector g = AutoDiff.Gradient(v => { fast = v[0].GetType(); return v[0] * v[1]; }, x);
        Vector h = AutoDiff.Gradient(v => { named = v[0].GetType(); return v[0] * ChunkDual<double, Partials8<double>>.Sin(v[1]); }, x);
        AutoDiff.Jacobian((v, y) => { jacobian = v[0].GetType(); y[0] = v[0]; }, x, 1);
        Assert.Multiple(() =>
        {
            Assert.That(fast, Is.EqualTo(typeof(ChunkDual<double, Vector256Partials2<double>>)));
            Assert.That(jacobian, Is.EqualTo(typeof(ChunkDual<double, Vector256Partials2<double>>)));
            Assert.That(named, Is.EqualTo(typeof(ChunkDual<double, Partials8<double>>)));
        });
        TestData.AssertClose(g, Vector.Build.Dense([0.5, 2.0]), 0.0);
        TestData.AssertClose(h, Vector.Build.Dense([Math.Sin(0.5), 2.0 * Math.Cos(0.5)]), 0.0);
    }

    private static T[] MatVec<T>(Matrix<double> a, ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
    {
        var y = new T[a.RowCount];
        for (int i = 0; i < a.RowCount; i++)
        {
            T sum = T.Zero;
            for (int j = 0; j < a.ColumnCount; j++)
            {
                sum += T.CreateChecked(a[i, j]) * x[j];
            }

            y[i] = sum;
        }

        return y;
    }

    private static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    private sealed class Affine(Matrix<double> a) : IVectorFunction
    {
        public int OutputLength(int inputLength) => a.RowCount;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T> => MatVec(a, x).CopyTo(y);
    }

    private sealed class Quadratic(Matrix<double> a) : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T> => Dot(x, MatVec(a, x));
    }

    private readonly struct SquaredNorm : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T> => Dot(x, x);
    }

    private sealed class SquaredNormOfTanh(Matrix<double> b) : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T[] u = MatVec(b, x);
            for (int i = 0; i < u.Length; i++)
            {
                u[i] = T.Tanh(u[i]);
            }

            return Dot<T>(u, u);
        }
    }

    private sealed class TwoLayer(Matrix<double> w1, Matrix<double> w2, Vector b1, Vector b2) : IVectorFunction
    {
        public int OutputLength(int inputLength) => w2.RowCount;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            T[] hidden = MatVec(w1, x);
            for (int i = 0; i < hidden.Length; i++)
            {
                hidden[i] = T.Tanh(hidden[i] + T.CreateChecked(b1[i]));
            }

            T[] output = MatVec<T>(w2, hidden);
            for (int i = 0; i < output.Length; i++)
            {
                y[i] = T.Tanh(output[i] + T.CreateChecked(b2[i]));
            }
        }
    }
}

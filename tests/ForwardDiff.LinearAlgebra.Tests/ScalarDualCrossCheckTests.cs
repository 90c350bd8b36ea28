using System.Numerics;
using ForwardDiff;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace ForwardDiff.LinearAlgebra.Tests;

/// <summary>
/// The matrix layer against the scalar core: every rule evaluated again as a generic scalar function on
/// <see cref="Dual{T}"/> (one pass per seeded direction; Hessians by <c>Dual&lt;Dual&lt;double&gt;&gt;</c>, one pass per pair)
/// must give the same numbers.
/// </summary>
public class ScalarDualCrossCheckTests
{
    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void JacobianOfAx_MatrixLayerEqualsScalarDuals(int m, int n)
    {
        Matrix<double> a = TestData.RandomMatrix(m, n, 101);
        Vector x = TestData.RandomVector(n, 102);

        Matrix<double> layer = MatrixAutoDiff.Jacobian(v => a * v, x);
        Matrix<double> scalar = ScalarJacobian(v => MatVec(a, v), x);

        TestData.AssertClose(layer, scalar, 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void GradientMatrixOfXTransposeA_MatrixLayerEqualsScalarDuals(int n, int m)
    {
        Matrix<double> a = TestData.RandomMatrix(n, m, 103);
        Vector x = TestData.RandomVector(n, 104);

        Matrix<double> layer = MatrixAutoDiff.GradientMatrix(v => DualVector.TransposeMultiply(v, a), x);
        Matrix<double> scalar = ScalarJacobian(v => MatVec(a.Transpose(), v), x).Transpose();

        TestData.AssertClose(layer, scalar, 1e-15);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Sizes))]
    public void GradientAndHessianOfQuadraticForm_MatrixLayerEqualsScalarDuals(int n)
    {
        Matrix<double> a = TestData.RandomMatrix(n, n, 105);
        Vector x = TestData.RandomVector(n, 106);

        (double _, Vector gradient, Matrix<double> hessian) =
            MatrixAutoDiff.ValueGradientHessian(v => DualVector.QuadraticForm(v, a), x);

        TestData.AssertClose(gradient, ScalarGradient(v => Dot(v, MatVec(a, v)), x), 1e-13);
        Matrix<double> scalar = ScalarHessian(v => Dot(v, MatVec(a, v)), x, maxSize: 20);
        TestData.AssertClose(hessian.SubMatrix(0, scalar.RowCount, 0, scalar.ColumnCount), scalar, 1e-13);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Sizes))]
    public void GradientOfSquaredNorm_MatrixLayerEqualsScalarDuals(int n)
    {
        Vector x = TestData.RandomVector(n, 107);

        Vector layer = MatrixAutoDiff.Gradient(DualVector.SquaredNorm, x);
        Vector scalar = ScalarGradient(v => Dot(v, v), x);

        TestData.AssertClose(layer, scalar, 0.0);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.Shapes))]
    public void ChainRuleThroughTwoLayerNetwork_MatrixLayerEqualsScalarDuals(int m, int n)
    {
        // y = tanh(W₂ tanh(W₁x + b₁) + b₂) with W₁ m×n and W₂ m×m.
        Matrix<double> w1 = TestData.RandomMatrix(m, n, 109);
        Matrix<double> w2 = TestData.RandomMatrix(m, m, 110);
        Vector b1 = TestData.RandomVector(m, 111);
        Vector b2 = TestData.RandomVector(m, 112);
        Vector x = TestData.RandomVector(n, 113);

        Matrix<double> layer = MatrixAutoDiff.Jacobian(v => DualVector.Tanh((w2 * DualVector.Tanh((w1 * v) + b1)) + b2), x);
        Matrix<double> scalar = ScalarJacobian(v => Tanh(Add(MatVec(w2, Tanh(Add(MatVec(w1, v), b1))), b2)), x);

        TestData.AssertClose(layer, scalar, 1e-13);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.SmallShapes))]
    public void HessianOfSoftmaxCrossEntropyOfAffineMap_MatrixLayerEqualsScalarDuals(int m, int n)
    {
        // f(x) = LSE(Ax) − (Ax)₀: the softmax cross-entropy of class 0.
        Matrix<double> a = TestData.RandomMatrix(m, n, 114);
        Vector x = TestData.RandomVector(n, 115);

        Matrix<double> layer = MatrixAutoDiff.Hessian(v => DualVector.LogSumExp(a * v) - (a * v)[0], x);
        Matrix<double> scalar = ScalarHessian(v => CrossEntropy(MatVec(a, v)), x, maxSize: 20);

        TestData.AssertClose(layer, scalar, 1e-14);
    }

    private static T CrossEntropy<T>(T[] z)
        where T : IFloatingPointIeee754<T>
    {
        T max = z.Aggregate(T.NegativeInfinity, (acc, v) => T.Max(acc, T.CreateTruncating(double.CreateTruncating(v))));
        T sum = T.Zero;
        foreach (T v in z)
        {
            sum += T.Exp(v - max);
        }

        return max + T.Log(sum) - z[0];
    }

    private static T[] MatVec<T>(Matrix<double> a, T[] x)
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

    private static T[] Add<T>(T[] x, Vector c)
        where T : IFloatingPointIeee754<T> => x.Select((v, i) => v + T.CreateChecked(c[i])).ToArray();

    private static T[] Tanh<T>(T[] x)
        where T : IFloatingPointIeee754<T> => x.Select(T.Tanh).ToArray();

    private static T Dot<T>(T[] x, T[] y)
        where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>J[:, j] from one Dual pass seeded on xⱼ.</summary>
    private static Matrix<double> ScalarJacobian(Func<Dual<double>[], Dual<double>[]> f, Vector x)
    {
        Matrix<double>? jacobian = null;
        for (int j = 0; j < x.Count; j++)
        {
            Dual<double>[] y = f(x.Select((v, i) => new Dual<double>(v, i == j ? 1.0 : 0.0)).ToArray());
            jacobian ??= Matrix<double>.Build.Dense(y.Length, x.Count);
            for (int i = 0; i < y.Length; i++)
            {
                jacobian[i, j] = y[i].Derivative;
            }
        }

        return jacobian ?? Matrix<double>.Build.Dense(0, 0);
    }

    private static Vector ScalarGradient(Func<Dual<double>[], Dual<double>> f, Vector x)
    {
        Dual<double>[] args = x.Select(v => Dual<double>.Constant(v)).ToArray();
        var gradient = Vector.Build.Dense(x.Count);
        for (int j = 0; j < x.Count; j++)
        {
            args[j] = Dual<double>.Variable(x[j]);
            gradient[j] = f(args).Derivative;
            args[j] = Dual<double>.Constant(x[j]);
        }

        return gradient;
    }

    /// <summary>
    /// H[i, j] from one nested-dual pass seeded on xᵢ (inner) and xⱼ (outer); only the leading block of at most
    /// maxSize×maxSize (n² passes of O(n²) each would take minutes at n = 100).
    /// </summary>
    private static Matrix<double> ScalarHessian(Func<Dual<Dual<double>>[], Dual<Dual<double>>> f, Vector x, int maxSize)
    {
        int n = x.Count;
        int size = Math.Min(n, maxSize);
        var hessian = Matrix<double>.Build.Dense(size, size);
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < size; j++)
            {
                Dual<Dual<double>>[] args = x.Select((v, k) => new Dual<Dual<double>>(
                    new Dual<double>(v, k == i ? 1.0 : 0.0),
                    new Dual<double>(k == j ? 1.0 : 0.0, 0.0))).ToArray();
                hessian[i, j] = f(args).Derivative.Derivative;
            }
        }

        return hessian;
    }
}

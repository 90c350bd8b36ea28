using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra.Tests;

/// <summary>Scalar arithmetic and functions on DualScalar, first and second order, against closed forms.</summary>
public class DualScalarTests
{
    private static readonly Vector<double> Point = Vector<double>.Build.Dense([0.7, -1.3]);

    [Test]
    public void Product_GradientAndHessian_MatchClosedForm()
    {
        // f = x₀²·x₁: ∇f = (2x₀x₁, x₀²), ∇²f = [[2x₁, 2x₀], [2x₀, 0]].
        (double value, Vector<double> gradient, Matrix<double> hessian) =
            MatrixAutoDiff.ValueGradientHessian(v => v[0] * v[0] * v[1], Point);

        double a = Point[0];
        double b = Point[1];
        Assert.That(value, Is.EqualTo(a * a * b));
        TestData.AssertClose(gradient, Vector<double>.Build.Dense([2 * a * b, a * a]), 1e-15);
        TestData.AssertClose(hessian, Matrix<double>.Build.DenseOfArray(new[,] { { 2 * b, 2 * a }, { 2 * a, 0.0 } }), 1e-15);
    }

    [Test]
    public void Quotient_GradientAndHessian_MatchClosedForm()
    {
        // f = x₀/x₁: ∇f = (1/x₁, −x₀/x₁²), ∇²f = [[0, −1/x₁²], [−1/x₁², 2x₀/x₁³]].
        (double value, Vector<double> gradient, Matrix<double> hessian) =
            MatrixAutoDiff.ValueGradientHessian(v => v[0] / v[1], Point);

        double a = Point[0];
        double b = Point[1];
        Assert.That(value, Is.EqualTo(a / b));
        TestData.AssertClose(gradient, Vector<double>.Build.Dense([1 / b, -a / (b * b)]), 1e-15);
        TestData.AssertClose(
            hessian,
            Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, -1 / (b * b) }, { -1 / (b * b), 2 * a / (b * b * b) } }),
            1e-15);
    }

    [Test]
    public void ScalarFunctions_MatchClosedFormDerivatives()
    {
        const double x0 = 0.6;
        Vector<double> x = Vector<double>.Build.Dense([x0]);
        (Func<DualScalar, DualScalar> F, double D1, double D2)[] cases =
        [
            (DualScalar.Exp, Math.Exp(x0), Math.Exp(x0)),
            (DualScalar.Log, 1 / x0, -1 / (x0 * x0)),
            (DualScalar.Sqrt, 0.5 / Math.Sqrt(x0), -0.25 / (x0 * Math.Sqrt(x0))),
            (DualScalar.Sin, Math.Cos(x0), -Math.Sin(x0)),
            (DualScalar.Cos, -Math.Sin(x0), -Math.Cos(x0)),
            (DualScalar.Tanh, 1 - (Math.Tanh(x0) * Math.Tanh(x0)), -2 * Math.Tanh(x0) * (1 - (Math.Tanh(x0) * Math.Tanh(x0)))),
            (v => DualScalar.Pow(v, 3.0), 3 * x0 * x0, 6 * x0),
            (DualScalar.Square, 2 * x0, 2.0),
            (v => 1.0 / v, -1 / (x0 * x0), 2 / (x0 * x0 * x0)),
            (v => 2.0 - v, -1.0, 0.0),
        ];

        foreach ((Func<DualScalar, DualScalar> f, double d1, double d2) in cases)
        {
            (double _, Vector<double> gradient, Matrix<double> hessian) = MatrixAutoDiff.ValueGradientHessian(v => f(v[0]), x);
            Assert.That(gradient[0], Is.EqualTo(d1).Within(1e-15 * Math.Max(1, Math.Abs(d1))));
            Assert.That(hessian[0, 0], Is.EqualTo(d2).Within(1e-14 * Math.Max(1, Math.Abs(d2))));
        }
    }

    [Test]
    public void Sigmoid_DerivativeIsSigmaTimesOneMinusSigma()
    {
        var x = DualScalar.Variable(-0.4);

        DualScalar y = DualScalar.Sigmoid(x);

        double s = 1 / (1 + Math.Exp(0.4));
        Assert.That(y.Value, Is.EqualTo(s).Within(1e-16));
        Assert.That(y.Gradient[0], Is.EqualTo(s * (1 - s)).Within(1e-16));
    }

    [Test]
    public void Pow_WithExponentZero_AtZero_HasZeroDerivative()
    {
        DualScalar y = DualScalar.Pow(DualScalar.Variable(0.0), 0.0);

        Assert.That(y.Value, Is.EqualTo(1.0));
        Assert.That(y.Gradient[0], Is.EqualTo(0.0));
    }

    [Test]
    public void Hessian_OfFirstOrderScalar_Throws()
    {
        DualScalar y = DualScalar.Exp(DualScalar.Variable(1.0));

        Assert.That(() => y.Hessian, Throws.InvalidOperationException);
    }

    [Test]
    public void MixingFirstAndSecondOrderVariables_ThrowsArgumentException()
    {
        var first = DualVector.Variable(Point);

        Assert.That(
            () => MatrixAutoDiff.Hessian(v => DualVector.Dot(v, first), Point),
            Throws.ArgumentException.With.Message.Contains("second-order"));
    }
}

using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra.Tests;

/// <summary>Dimension mismatches name both shapes, null functions are rejected, empty inputs give empty results.</summary>
public class BadInputTests
{
    [Test]
    public void MatrixTimesDualVector_WithWrongLength_NamesBothShapes()
    {
        Matrix<double> a = TestData.RandomMatrix(2, 3, 51);
        var x = DualVector.Variable(TestData.RandomVector(4, 52));

        Assert.That(() => a * x, Throws.ArgumentException.With.Message.Contains("2×3").And.Message.Contains("length 4"));
    }

    [Test]
    public void AddingDualVectorsOfDifferentLengths_NamesBothShapes()
    {
        var x = DualVector.Variable(TestData.RandomVector(3, 53));
        var y = DualVector.Constant(TestData.RandomVector(2, 54), 3);

        Assert.That(() => x + y, Throws.ArgumentException.With.Message.Contains("3×3").And.Message.Contains("2×3"));
    }

    [Test]
    public void DotWithConstantOfWrongLength_NamesBothLengths()
    {
        var x = DualVector.Variable(TestData.RandomVector(3, 55));

        Assert.That(
            () => DualVector.Dot(x, TestData.RandomVector(5, 56)),
            Throws.ArgumentException.With.Message.Contains("length 3").And.Message.Contains("length 5"));
    }

    [Test]
    public void QuadraticForm_WithNonSquareMatrix_NamesBothShapes()
    {
        var x = DualVector.Variable(TestData.RandomVector(3, 57));

        Assert.That(
            () => DualVector.QuadraticForm(x, TestData.RandomMatrix(3, 2, 58)),
            Throws.ArgumentException.With.Message.Contains("3×3").And.Message.Contains("3×2"));
    }

    [Test]
    public void TraceOfProduct_WithWrongShape_NamesBothShapes()
    {
        Assert.That(
            () => MatrixAutoDiff.Gradient(X => DualMatrix.TraceOfProduct(TestData.RandomMatrix(2, 2, 59), X), TestData.RandomMatrix(2, 3, 60)),
            Throws.ArgumentException.With.Message.Contains("3×2").And.Message.Contains("2×2"));
    }

    [Test]
    public void Trace_OfNonSquareMatrix_ThrowsArgumentException()
    {
        Assert.That(
            () => MatrixAutoDiff.Gradient(DualMatrix.Trace, TestData.RandomMatrix(2, 3, 61)),
            Throws.ArgumentException.With.Message.Contains("2×3"));
    }

    [Test]
    public void EntryPoints_WithNullFunction_ThrowArgumentNullException()
    {
        Vector<double> x = TestData.RandomVector(2, 62);

        Assert.That(() => MatrixAutoDiff.Gradient((Func<DualVector, DualScalar>)null!, x), Throws.ArgumentNullException);
        Assert.That(() => MatrixAutoDiff.Hessian((Func<DualVector, DualScalar>)null!, x), Throws.ArgumentNullException);
        Assert.That(() => MatrixAutoDiff.Jacobian(null!, x), Throws.ArgumentNullException);
        Assert.That(() => MatrixAutoDiff.Gradient((Func<DualMatrix, DualScalar>)null!, TestData.RandomMatrix(2, 2, 63)), Throws.ArgumentNullException);
        Assert.That(() => new AutoDiffObjectiveFunction(null!), Throws.ArgumentNullException);
        Assert.That(() => AutoDiffRootFinding.FindRoot((Func<DualScalar, DualScalar>)null!, 0, 1), Throws.ArgumentNullException);
        Assert.That(() => AutoDiffRootFinding.FindRoot((Func<DualVector, DualVector>)null!, x), Throws.ArgumentNullException);
    }

    [Test]
    public void FunctionReturningNull_ThrowsInvalidOperationException()
    {
        Assert.That(() => MatrixAutoDiff.Gradient(_ => null!, TestData.RandomVector(2, 64)), Throws.InvalidOperationException);
    }

    [Test]
    public void FunctionIgnoringItsArgument_ThrowsInvalidOperationException()
    {
        Assert.That(
            () => MatrixAutoDiff.Gradient(_ => DualScalar.Constant(1.0, 5), TestData.RandomVector(2, 65)),
            Throws.InvalidOperationException.With.Message.Contains("5 partials"));
    }

    [Test]
    public void EmptyInput_GivesEmptyResults()
    {
        Vector<double> empty = Vector<double>.Build.Dense(0);

        Vector<double> gradient = MatrixAutoDiff.Gradient(DualVector.SquaredNorm, empty);
        Matrix<double> jacobian = MatrixAutoDiff.Jacobian(v => DualVector.Tanh(v), empty);
        Matrix<double> hessian = MatrixAutoDiff.Hessian(DualVector.Sum, empty);
        DualScalar lse = DualVector.LogSumExp(DualVector.Variable(empty));

        Assert.That(gradient.Count, Is.Zero);
        Assert.That(jacobian.RowCount, Is.Zero);
        Assert.That(jacobian.ColumnCount, Is.Zero);
        Assert.That(hessian.RowCount, Is.Zero);
        Assert.That(lse.Value, Is.EqualTo(double.NegativeInfinity));
    }

    [Test]
    public void FromPartials_WithWrongRowCount_NamesBothShapes()
    {
        Assert.That(
            () => DualVector.FromPartials(TestData.RandomVector(3, 66), TestData.RandomMatrix(2, 4, 67)),
            Throws.ArgumentException.With.Message.Contains("2×4").And.Message.Contains("3 entries"));
    }
}

using ForwardDiff.Native;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace ForwardDiff.Native.Tests;

/// <summary>
/// MathNet's own matrix API on the suite's backend (whatever FORWARDDIFF_PROVIDER selected, managed
/// included): results must equal the same computation done by the managed provider directly.
/// </summary>
[NonParallelizable]
public sealed class MathNetIntegrationTests
{
    private static readonly MatrixBuilder<double> M = Matrix<double>.Build;

    [SetUp]
    public void UseSuiteBackend() => SuiteBackend.Restore();

    [Test]
    public void Provider_IsTheSuiteBackend()
    {
        Assert.That(NativeLinearAlgebra.ActiveVendor, Is.EqualTo(SuiteBackend.Selected));
    }

    [Test]
    public void Multiply_DenseMatrices_MatchesManagedProvider([Values(1, 7, 64, 257)] int n)
    {
        var a = M.Dense(n, n + 3, Data.Matrix(n, n + 3, 50));
        var b = M.Dense(n + 3, n, Data.Matrix(n + 3, n, 51));
        var expected = Data.Multiply(a.AsColumnMajorArray(), n, n + 3, false, b.AsColumnMajorArray(), n + 3, n, false);

        Assert.That((a * b).ToColumnMajorArray(), Is.EqualTo(expected).Within(1e-12 * n));
    }

    [Test]
    public void TransposedProducts_DenseMatrices_MatchManagedProvider()
    {
        var a = M.Dense(9, 5, Data.Matrix(9, 5, 52));
        var b = M.Dense(9, 4, Data.Matrix(9, 4, 53));
        var c = M.Dense(6, 5, Data.Matrix(6, 5, 54));

        Assert.Multiple(() =>
        {
            Assert.That(a.TransposeThisAndMultiply(b).ToColumnMajorArray(),
                Is.EqualTo(Data.Multiply(a.ToColumnMajorArray(), 9, 5, true, b.ToColumnMajorArray(), 9, 4, false)).Within(1e-13));
            Assert.That(a.TransposeAndMultiply(c).ToColumnMajorArray(),
                Is.EqualTo(Data.Multiply(a.ToColumnMajorArray(), 9, 5, false, c.ToColumnMajorArray(), 6, 5, true)).Within(1e-13));
        });
    }

    [Test]
    public void SolveAndInverse_WellConditionedMatrix_Reconstruct([Values(7, 64)] int n)
    {
        var a = M.Dense(n, n, Data.Square(n, 55));
        var b = M.Dense(n, 2, Data.Matrix(n, 2, 56));

        var x = a.Solve(b);
        var inverse = a.Inverse();

        Assert.Multiple(() =>
        {
            Assert.That((a * x - b).Enumerate().Max(Math.Abs), Is.LessThan(1e-11));
            Assert.That((a * inverse - M.DenseIdentity(n)).Enumerate().Max(Math.Abs), Is.LessThan(1e-12));
        });
    }

    [Test]
    public void Factorizations_ThroughMathNet_Reconstruct()
    {
        var a = M.Dense(12, 7, Data.Matrix(12, 7, 57));
        var spd = M.Dense(7, 7, Data.Spd(7, 58));
        var sym = M.Dense(7, 7, Data.Symmetric(7, 59));

        var qr = a.QR(QRMethod.Thin);
        var svd = a.Svd();
        var chol = spd.Cholesky();
        var evd = sym.Evd(Symmetricity.Symmetric);

        Assert.Multiple(() =>
        {
            Assert.That((qr.Q * qr.R - a).Enumerate().Max(Math.Abs), Is.LessThan(1e-13));
            Assert.That((svd.U * svd.W * svd.VT - a).Enumerate().Max(Math.Abs), Is.LessThan(1e-13));
            Assert.That((chol.Factor * chol.Factor.Transpose() - spd).Enumerate().Max(Math.Abs), Is.LessThan(1e-12));
            Assert.That((sym * evd.EigenVectors - evd.EigenVectors * evd.D).Enumerate().Max(Math.Abs), Is.LessThan(1e-12));
        });
    }

    [Test]
    public void LinearAlgebraControl_AcceptsTheNativeProvider()
    {
        Assert.That(LinearAlgebraControl.Provider, SuiteBackend.Selected == NativeVendor.Managed
            ? Is.InstanceOf<ManagedLinearAlgebraProvider>()
            : Is.InstanceOf<NativeLinearAlgebraProvider>());
    }
}

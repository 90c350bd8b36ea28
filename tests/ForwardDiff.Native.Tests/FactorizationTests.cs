using System.Numerics;
using ForwardDiff.Native;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace ForwardDiff.Native.Tests;

/// <summary>LAPACK members of the native provider: reconstruction, orthogonality, and agreement with the managed provider.</summary>
[TestFixtureSource(typeof(Backends), nameof(Backends.VendorsUnderTest))]
public sealed class FactorizationTests(NativeVendor vendor)
{
    private static readonly int[] Sizes = [1, 7, 64, 257];

    private static readonly (int Rows, int Columns)[] Rectangles = [(1, 1), (7, 3), (3, 7), (64, 7), (7, 64), (257, 64), (64, 257)];

    private static readonly (int Rows, int Columns)[] Tall = [(1, 1), (7, 3), (7, 7), (64, 7), (257, 64)];

    private NativeLinearAlgebraProvider Native => Backends.Provider(vendor);

    //
    // LU
    //

    [Test]
    public void LUFactor_RandomSquare_ReconstructsPermutedMatrixWithManagedPivots([ValueSource(nameof(Sizes))] int n)
    {
        var a = Data.Square(n, 20);
        var lu = (double[])a.Clone();
        var ipiv = new int[n];
        var managedLu = (double[])a.Clone();
        var managedIpiv = new int[n];

        Native.LUFactor(lu, n, ipiv);
        Backends.Managed.LUFactor(managedLu, n, managedIpiv);

        var l = new double[n * n];
        var u = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var v = lu[(j * n) + i];
                if (i > j)
                {
                    l[(j * n) + i] = v;
                }
                else
                {
                    u[(j * n) + i] = v;
                }
            }

            l[(j * n) + j] = 1.0;
        }

        var pa = (double[])a.Clone();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                (pa[(j * n) + i], pa[(j * n) + ipiv[i]]) = (pa[(j * n) + ipiv[i]], pa[(j * n) + i]);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(Data.Multiply(l, n, n, false, u, n, n, false), Is.EqualTo(pa).Within(1e-12 * n));
            Assert.That(ipiv, Is.EqualTo(managedIpiv));
        });
    }

    [Test]
    public void LUSolve_RandomSystem_MatchesManagedAndLeavesMatrixUnchanged([ValueSource(nameof(Sizes))] int n)
    {
        var a = Data.Square(n, 21);
        var original = (double[])a.Clone();
        var b = Data.Matrix(n, 3, 22);
        var expected = (double[])b.Clone();

        Native.LUSolve(3, a, n, b);
        Backends.Managed.LUSolve(3, (double[])original.Clone(), n, expected);

        Assert.Multiple(() =>
        {
            Assert.That(b, Is.EqualTo(expected).Within(1e-12));
            Assert.That(a, Is.EqualTo(original));
        });
    }

    [Test]
    public void LUSolveFactored_AfterLUFactor_SolvesTheSystem([ValueSource(nameof(Sizes))] int n)
    {
        var a = Data.Square(n, 23);
        var lu = (double[])a.Clone();
        var ipiv = new int[n];
        var b = Data.Matrix(n, 2, 24);
        var x = (double[])b.Clone();

        Native.LUFactor(lu, n, ipiv);
        Native.LUSolveFactored(2, lu, n, ipiv, x);

        Assert.That(Data.Multiply(a, n, n, false, x, n, 2, false), Is.EqualTo(b).Within(1e-12 * n));
    }

    [Test]
    public void LUInverse_RandomSquare_TimesMatrixIsIdentity([ValueSource(nameof(Sizes))] int n)
    {
        var a = Data.Square(n, 25);
        var inverse = (double[])a.Clone();
        var factored = (double[])a.Clone();
        var ipiv = new int[n];

        Native.LUInverse(inverse, n);
        Native.LUFactor(factored, n, ipiv);
        Native.LUInverseFactored(factored, n, ipiv);

        Assert.Multiple(() =>
        {
            Assert.That(Data.Multiply(a, n, n, false, inverse, n, n, false), Is.EqualTo(Data.Identity(n)).Within(1e-12));
            Assert.That(factored, Is.EqualTo(inverse).Within(1e-13));
        });
    }

    [Test]
    public void LUInverse_ExactlySingular_GivesNonFiniteEntriesLikeManaged()
    {
        double[] a = [1, 2, 2, 4]; // columns (1, 2) and (2, 4)

        Native.LUInverse(a, 2);

        Assert.That(a.Any(v => !double.IsFinite(v)), Is.True);
    }

    [Test]
    public void LUSolveFactored_PivotOutOfRange_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Native.LUSolveFactored(1, new double[4], 2, [0, 2], new double[2]));
    }

    //
    // Cholesky
    //

    [Test]
    public void CholeskyFactor_Spd_MatchesManagedFactorAndReconstructs([ValueSource(nameof(Sizes))] int n)
    {
        var a = Data.Spd(n, 26);
        var l = (double[])a.Clone();
        var managed = (double[])a.Clone();

        Native.CholeskyFactor(l, n);
        Backends.Managed.CholeskyFactor(managed, n);

        Assert.Multiple(() =>
        {
            Assert.That(l, Is.EqualTo(managed).Within(1e-12 * n));
            Assert.That(Data.Multiply(l, n, n, false, l, n, n, true), Is.EqualTo(a).Within(1e-12 * n * n));
        });
    }

    [Test]
    public void CholeskySolve_Spd_MatchesManaged([ValueSource(nameof(Sizes))] int n)
    {
        var a = Data.Spd(n, 27);
        var b = Data.Matrix(n, 4, 28);
        var x = (double[])b.Clone();
        var expected = (double[])b.Clone();
        var factor = (double[])a.Clone();
        var viaFactor = (double[])b.Clone();

        Native.CholeskySolve(a, n, x, 4);
        Backends.Managed.CholeskySolve(a, n, expected, 4);
        Native.CholeskyFactor(factor, n);
        Native.CholeskySolveFactored(factor, n, viaFactor, 4);

        Assert.Multiple(() =>
        {
            Assert.That(x, Is.EqualTo(expected).Within(1e-12));
            Assert.That(viaFactor, Is.EqualTo(x).Within(1e-13));
        });
    }

    [Test]
    public void CholeskyFactor_IndefiniteMatrix_ThrowsArgumentException()
    {
        double[] a = [1, 2, 2, 1];

        var e = Assert.Throws<ArgumentException>(() => Native.CholeskyFactor(a, 2));

        Assert.That(e!.Message, Does.Contain("positive definite"));
    }

    //
    // QR
    //

    [Test]
    public void QRFactor_Rectangles_QIsOrthogonalRIsUpperAndQRIsA([ValueSource(nameof(Rectangles))] (int Rows, int Columns) shape)
    {
        var (m, n) = shape;
        var a = Data.Matrix(m, n, 29);
        var r = (double[])a.Clone();
        var q = new double[m * m];
        var tau = new double[Math.Min(m, n)];

        Native.QRFactor(r, m, n, q, tau);

        var below = Enumerable.Range(0, n).SelectMany(j => Enumerable.Range(j + 1, Math.Max(0, m - j - 1)).Select(i => r[(j * m) + i]));
        Assert.Multiple(() =>
        {
            Assert.That(below, Is.All.EqualTo(0.0));
            Assert.That(Data.Multiply(q, m, m, true, q, m, m, false), Is.EqualTo(Data.Identity(m)).Within(1e-13 * m));
            Assert.That(Data.Multiply(q, m, m, false, r, m, n, false), Is.EqualTo(a).Within(1e-13 * m));
        });
    }

    [Test]
    public void ThinQRFactor_TallMatrices_ReconstructsWithOrthonormalColumns([ValueSource(nameof(Tall))] (int Rows, int Columns) shape)
    {
        var (m, n) = shape;
        var a = Data.Matrix(m, n, 30);
        var q = (double[])a.Clone();
        var r = new double[n * n];
        var tau = new double[n];

        Native.ThinQRFactor(q, m, n, r, tau);

        Assert.Multiple(() =>
        {
            Assert.That(Data.Multiply(q, m, n, true, q, m, n, false), Is.EqualTo(Data.Identity(n)).Within(1e-13 * m));
            Assert.That(Data.Multiply(q, m, n, false, r, n, n, false), Is.EqualTo(a).Within(1e-13 * m));
        });
    }

    [Test]
    public void QRSolve_TallLeastSquares_MatchesManagedForBothMethods([ValueSource(nameof(Tall))] (int Rows, int Columns) shape, [Values] QRMethod method)
    {
        var (m, n) = shape;
        var a = Data.Matrix(m, n, 31);
        var b = Data.Matrix(m, 2, 32);
        var x = new double[n * 2];
        var expected = new double[n * 2];

        Native.QRSolve(a, m, n, b, 2, x, method);
        Backends.Managed.QRSolve(a, m, n, b, 2, expected, method);

        Assert.That(x, Is.EqualTo(expected).Within(1e-10));
    }

    [Test]
    public void QRSolveFactored_FullAndThinFactors_GiveTheLeastSquaresSolution([ValueSource(nameof(Tall))] (int Rows, int Columns) shape)
    {
        var (m, n) = shape;
        var a = Data.Matrix(m, n, 33);
        var b = Data.Matrix(m, 3, 34);
        var expected = new double[n * 3];
        Native.QRSolve(a, m, n, b, 3, expected, QRMethod.Full);

        var r = (double[])a.Clone();
        var q = new double[m * m];
        var tau = new double[n];
        Native.QRFactor(r, m, n, q, tau);
        var full = new double[n * 3];
        Native.QRSolveFactored(q, r, m, n, tau, b, 3, full, QRMethod.Full);

        var q1 = (double[])a.Clone();
        var r1 = new double[n * n];
        Native.ThinQRFactor(q1, m, n, r1, tau);
        var thin = new double[n * 3];
        Native.QRSolveFactored(q1, r1, m, n, tau, b, 3, thin, QRMethod.Thin);

        Assert.Multiple(() =>
        {
            Assert.That(full, Is.EqualTo(expected).Within(1e-10));
            Assert.That(thin, Is.EqualTo(expected).Within(1e-10));
        });
    }

    [Test]
    public void QRSolve_WideMatrix_ThrowsNamingTheShape()
    {
        var e = Assert.Throws<ArgumentException>(() => Native.QRSolve(new double[6], 2, 3, new double[2], 1, new double[3], QRMethod.Full));

        Assert.That(e!.Message, Does.Contain("2×3"));
    }

    //
    // SVD
    //

    [Test]
    public void SingularValueDecomposition_Rectangles_MatchesManagedValuesAndReconstructs([ValueSource(nameof(Rectangles))] (int Rows, int Columns) shape)
    {
        var (m, n) = shape;
        var k = Math.Min(m, n);
        var a = Data.Matrix(m, n, 35);
        var s = new double[k];
        var u = new double[m * m];
        var vt = new double[n * n];
        var managedS = new double[k];

        Native.SingularValueDecomposition(true, (double[])a.Clone(), m, n, s, u, vt);
        Backends.Managed.SingularValueDecomposition(true, (double[])a.Clone(), m, n, managedS, new double[m * m], new double[n * n]);

        var sigma = new double[m * n];
        for (var i = 0; i < k; i++)
        {
            sigma[(i * m) + i] = s[i];
        }

        var usvt = Data.Multiply(Data.Multiply(u, m, m, false, sigma, m, n, false), m, n, false, vt, n, n, false);
        Assert.Multiple(() =>
        {
            Assert.That(s, Is.EqualTo(managedS).Within(1e-12 * Math.Max(m, n)));
            Assert.That(s, Is.Ordered.Descending);
            Assert.That(usvt, Is.EqualTo(a).Within(1e-12 * Math.Max(m, n)));
            Assert.That(Data.Multiply(u, m, m, true, u, m, m, false), Is.EqualTo(Data.Identity(m)).Within(1e-12 * m));
            Assert.That(Data.Multiply(vt, n, n, false, vt, n, n, true), Is.EqualTo(Data.Identity(n)).Within(1e-12 * n));
        });
    }

    [Test]
    public void SingularValueDecomposition_WithoutVectors_GivesTheSameValues()
    {
        var a = Data.Matrix(9, 5, 36);
        var withVectors = new double[5];
        var valuesOnly = new double[5];

        Native.SingularValueDecomposition(true, a, 9, 5, withVectors, new double[81], new double[25]);
        Native.SingularValueDecomposition(false, a, 9, 5, valuesOnly, new double[81], new double[25]);

        Assert.That(valuesOnly, Is.EqualTo(withVectors).Within(1e-13));
    }

    [Test]
    public void SvdSolve_TallSystem_MatchesManaged([ValueSource(nameof(Tall))] (int Rows, int Columns) shape)
    {
        var (m, n) = shape;
        var a = Data.Matrix(m, n, 37);
        var b = Data.Matrix(m, 2, 38);
        var x = new double[n * 2];
        var expected = new double[n * 2];

        Native.SvdSolve((double[])a.Clone(), m, n, b, 2, x);
        Backends.Managed.SvdSolve((double[])a.Clone(), m, n, b, 2, expected);

        Assert.That(x, Is.EqualTo(expected).Within(1e-9));
    }

    //
    // Eigenvalues
    //

    [Test]
    public void EigenDecomp_Symmetric_ReconstructsWithManagedEigenvalues([ValueSource(nameof(Sizes))] int n)
    {
        var a = Data.Symmetric(n, 39);
        var v = new double[n * n];
        var values = new Complex[n];
        var d = new double[n * n];
        var managedValues = new Complex[n];

        Native.EigenDecomp(true, n, a, v, values, d);
        Backends.Managed.EigenDecomp(true, n, (double[])a.Clone(), new double[n * n], managedValues, new double[n * n]);

        Assert.Multiple(() =>
        {
            Assert.That(Data.Multiply(a, n, n, false, v, n, n, false), Is.EqualTo(Data.Multiply(v, n, n, false, d, n, n, false)).Within(1e-12 * n));
            Assert.That(Data.Multiply(v, n, n, true, v, n, n, false), Is.EqualTo(Data.Identity(n)).Within(1e-12 * n));
            Assert.That(values.Select(z => z.Real), Is.EqualTo(managedValues.Select(z => z.Real)).Within(1e-12 * n));
            Assert.That(values.Select(z => z.Real), Is.Ordered.Ascending);
            Assert.That(values.Select(z => z.Imaginary), Is.All.EqualTo(0.0));
        });
    }

    [Test]
    public void EigenDecomp_NonSymmetric_ReconstructsThroughTheManagedPath([Values(1, 7, 64)] int n)
    {
        var a = Data.Matrix(n, n, 40);
        var v = new double[n * n];
        var values = new Complex[n];
        var d = new double[n * n];

        Native.EigenDecomp(false, n, a, v, values, d);

        Assert.That(Data.Multiply(a, n, n, false, v, n, n, false), Is.EqualTo(Data.Multiply(v, n, n, false, d, n, n, false)).Within(1e-10 * n));
    }

    [Test]
    public void SingularValueDecomposition_WrongULength_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Native.SingularValueDecomposition(true, new double[6], 3, 2, new double[2], new double[4], new double[4]));
    }

    [Test]
    public void SingularValueDecomposition_NonFiniteInput_GivesNaNEverywhere([Values(double.NaN, double.PositiveInfinity)] double bad)
    {
        var a = Data.Matrix(5, 4, 41);
        a[7] = bad;
        var s = new double[4];
        var u = new double[25];
        var vt = new double[16];

        Native.SingularValueDecomposition(true, a, 5, 4, s, u, vt);

        Assert.Multiple(() =>
        {
            Assert.That(s, Is.All.NaN);
            Assert.That(u, Is.All.NaN);
            Assert.That(vt, Is.All.NaN);
        });
    }

    [Test]
    public void EigenDecomp_SymmetricWithNaN_GivesNaNEigenvalues()
    {
        var a = Data.Symmetric(4, 42);
        a[5] = double.NaN;
        var values = new Complex[4];

        Native.EigenDecomp(true, 4, a, new double[16], values, new double[16]);

        Assert.That(values.Select(z => z.Real), Is.All.NaN);
    }
}

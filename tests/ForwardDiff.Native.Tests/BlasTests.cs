using ForwardDiff.Native;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace ForwardDiff.Native.Tests;

/// <summary>BLAS members of the native provider against MathNet's managed provider.</summary>
[TestFixtureSource(typeof(Backends), nameof(Backends.VendorsUnderTest))]
public sealed class BlasTests(NativeVendor vendor)
{
    private static readonly int[] Sizes = [1, 7, 64, 257];

    private NativeLinearAlgebraProvider Native => Backends.Provider(vendor);

    [Test]
    public void MatrixMultiplyWithUpdate_AllTransposesAndShapes_MatchesManaged(
        [Values(Transpose.DontTranspose, Transpose.Transpose)] Transpose ta,
        [Values(Transpose.DontTranspose, Transpose.Transpose)] Transpose tb,
        [ValueSource(nameof(Sizes))] int m,
        [ValueSource(nameof(Sizes))] int n,
        [ValueSource(nameof(Sizes))] int k)
    {
        var (rowsA, columnsA) = ta == Transpose.DontTranspose ? (m, k) : (k, m);
        var (rowsB, columnsB) = tb == Transpose.DontTranspose ? (k, n) : (n, k);
        var a = Data.Matrix(rowsA, columnsA, 1);
        var b = Data.Matrix(rowsB, columnsB, 2);
        var expected = Data.Matrix(m, n, 3);
        var actual = (double[])expected.Clone();

        Backends.Managed.MatrixMultiplyWithUpdate(ta, tb, 0.75, a, rowsA, columnsA, b, rowsB, columnsB, -1.5, expected);
        Native.MatrixMultiplyWithUpdate(ta, tb, 0.75, a, rowsA, columnsA, b, rowsB, columnsB, -1.5, actual);

        Assert.That(actual, Is.EqualTo(expected).Within(1e-14 * (k + 4)));
    }

    [Test]
    public void MatrixMultiplyWithUpdate_ConjugateTranspose_IsTransposeForReals()
    {
        var a = Data.Matrix(7, 5, 4);
        var b = Data.Matrix(7, 3, 5);
        var expected = new double[5 * 3];
        var actual = new double[5 * 3];

        Backends.Managed.MatrixMultiplyWithUpdate(Transpose.Transpose, Transpose.DontTranspose, 1.0, a, 7, 5, b, 7, 3, 0.0, expected);
        Native.MatrixMultiplyWithUpdate(Transpose.ConjugateTranspose, Transpose.DontTranspose, 1.0, a, 7, 5, b, 7, 3, 0.0, actual);

        Assert.That(actual, Is.EqualTo(expected).Within(1e-14));
    }

    [Test]
    public void MatrixMultiply_NonSquareShapes_MatchesManaged([ValueSource(nameof(Sizes))] int m, [ValueSource(nameof(Sizes))] int n)
    {
        const int k = 13;
        var x = Data.Matrix(m, k, 6);
        var y = Data.Matrix(k, n, 7);
        var expected = new double[m * n];
        var actual = Data.Matrix(m, n, 8); // garbage that must be overwritten

        Backends.Managed.MatrixMultiply(x, m, k, y, k, n, expected);
        Native.MatrixMultiply(x, m, k, y, k, n, actual);

        Assert.That(actual, Is.EqualTo(expected).Within(1e-13));
    }

    [Test]
    public void MatrixMultiply_EmptyInnerDimension_GivesZeros()
    {
        var actual = Data.Matrix(3, 2, 9);

        Native.MatrixMultiply([], 3, 0, [], 0, 2, actual);

        Assert.That(actual, Is.EqualTo(new double[6]));
    }

    [Test]
    public void MatrixMultiply_NaNInLeftRow_PropagatesToThatRowOnly()
    {
        var x = Data.Matrix(4, 4, 10);
        x[1 + (4 * 2)] = double.NaN; // row 1
        var y = Data.Matrix(4, 3, 11);
        var c = new double[12];

        Native.MatrixMultiply(x, 4, 4, y, 4, 3, c);

        Assert.Multiple(() =>
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.That(c[1 + (4 * j)], Is.NaN);
                Assert.That(double.IsNaN(c[0 + (4 * j)]), Is.False);
            }
        });
    }

    [Test]
    public void MatrixMultiplyWithUpdate_InnerDimensionMismatch_ThrowsNamingBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Native.MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 1.0, new double[6], 2, 3, new double[8], 4, 2, 0.0, new double[4]));

        Assert.That(e!.Message, Does.Contain("2×3").And.Contain("4×2"));
    }

    [Test]
    public void MatrixMultiply_WrongResultLength_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Native.MatrixMultiply(new double[4], 2, 2, new double[4], 2, 2, new double[3]));
    }

    [Test]
    public void MatrixMultiply_NullArgument_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Native.MatrixMultiply(null!, 2, 2, new double[4], 2, 2, new double[4]));
    }

    [Test]
    public void DotProduct_RandomVectors_MatchesManaged([ValueSource(nameof(Sizes))] int n)
    {
        var x = Data.Matrix(n, 1, 12);
        var y = Data.Matrix(n, 1, 13);

        Assert.That(Native.DotProduct(x, y), Is.EqualTo(Backends.Managed.DotProduct(x, y)).Within(1e-14 * n));
    }

    [Test]
    public void DotProduct_DifferentLengths_ThrowsNamingBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => Native.DotProduct(new double[3], new double[4]));

        Assert.That(e!.Message, Does.Contain('3').And.Contain('4'));
    }

    [Test]
    public void AddVectorToScaledVector_SeparateAndAliasedResults_MatchManaged([ValueSource(nameof(Sizes))] int n, [Values(0.0, 1.0, -2.5)] double alpha)
    {
        var x = Data.Matrix(n, 1, 14);
        var y = Data.Matrix(n, 1, 15);
        var expected = new double[n];
        Backends.Managed.AddVectorToScaledVector(y, alpha, x, expected);

        var separate = new double[n];
        Native.AddVectorToScaledVector(y, alpha, x, separate);
        var intoY = (double[])y.Clone();
        Native.AddVectorToScaledVector(intoY, alpha, x, intoY);
        var intoX = (double[])x.Clone();
        Native.AddVectorToScaledVector(y, alpha, intoX, intoX);

        Assert.Multiple(() =>
        {
            Assert.That(separate, Is.EqualTo(expected).Within(1e-15));
            Assert.That(intoY, Is.EqualTo(expected).Within(1e-15));
            Assert.That(intoX, Is.EqualTo(expected).Within(1e-15));
        });
    }

    [Test]
    public void ScaleArray_SeparateAndInPlace_MatchesManaged([ValueSource(nameof(Sizes))] int n, [Values(0.0, 1.0, -3.25)] double alpha)
    {
        var x = Data.Matrix(n, 1, 16);
        var expected = new double[n];
        Backends.Managed.ScaleArray(alpha, x, expected);

        var separate = new double[n];
        Native.ScaleArray(alpha, x, separate);
        var inPlace = (double[])x.Clone();
        Native.ScaleArray(alpha, inPlace, inPlace);

        Assert.Multiple(() =>
        {
            Assert.That(separate, Is.EqualTo(expected));
            Assert.That(inPlace, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Threads_SetToOne_IsReportedBack()
    {
        var provider = Native;
        var before = provider.Threads;
        try
        {
            provider.Threads = 1;

            Assert.That(provider.Threads, Is.EqualTo(1));
        }
        finally
        {
            provider.Threads = before;
        }
    }
}

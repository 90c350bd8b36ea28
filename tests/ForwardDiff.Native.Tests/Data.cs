namespace ForwardDiff.Native.Tests;

/// <summary>Seeded random inputs and small dense helpers (column-major) for the provider tests.</summary>
internal static class Data
{
    public static double[] Matrix(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var a = new double[rows * columns];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = (2.0 * random.NextDouble()) - 1.0;
        }

        return a;
    }

    /// <summary>A well-conditioned square matrix: random plus n on the diagonal.</summary>
    public static double[] Square(int n, int seed)
    {
        var a = Matrix(n, n, seed);
        for (var i = 0; i < n; i++)
        {
            a[(i * n) + i] += n;
        }

        return a;
    }

    /// <summary>A symmetric positive-definite matrix M Mᵀ + n I.</summary>
    public static double[] Spd(int n, int seed)
    {
        var m = Matrix(n, n, seed);
        var a = Multiply(m, n, n, false, m, n, n, true);
        for (var i = 0; i < n; i++)
        {
            a[(i * n) + i] += n;
        }

        return a;
    }

    public static double[] Symmetric(int n, int seed)
    {
        var m = Matrix(n, n, seed);
        var a = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                a[(j * n) + i] = m[(j * n) + i] + m[(i * n) + j];
            }
        }

        return a;
    }

    /// <summary>op(a) op(b) with the managed provider (the reference the native results are checked against).</summary>
    public static double[] Multiply(double[] a, int rowsA, int columnsA, bool transposeA, double[] b, int rowsB, int columnsB, bool transposeB)
    {
        var m = transposeA ? columnsA : rowsA;
        var n = transposeB ? rowsB : columnsB;
        var c = new double[m * n];
        Backends.Managed.MatrixMultiplyWithUpdate(
            transposeA ? MathNet.Numerics.Providers.LinearAlgebra.Transpose.Transpose : MathNet.Numerics.Providers.LinearAlgebra.Transpose.DontTranspose,
            transposeB ? MathNet.Numerics.Providers.LinearAlgebra.Transpose.Transpose : MathNet.Numerics.Providers.LinearAlgebra.Transpose.DontTranspose,
            1.0, a, rowsA, columnsA, b, rowsB, columnsB, 0.0, c);
        return c;
    }

    public static double[] Identity(int n)
    {
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            a[(i * n) + i] = 1.0;
        }

        return a;
    }

    public static double MaxAbs(double[] a) => a.Length == 0 ? 0.0 : a.Max(Math.Abs);
}

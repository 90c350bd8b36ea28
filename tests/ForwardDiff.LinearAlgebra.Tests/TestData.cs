using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra.Tests;

/// <summary>Random inputs with fixed seeds, the sizes the issue asks for, and matrix comparison helpers.</summary>
internal static class TestData
{
    /// <summary>(rows, columns) pairs: 1×1, 2×3, 3×2, 7×5, 100×100.</summary>
    public static IEnumerable<TestCaseData> Shapes()
    {
        yield return new TestCaseData(1, 1).SetArgDisplayNames("1x1");
        yield return new TestCaseData(2, 3).SetArgDisplayNames("2x3");
        yield return new TestCaseData(3, 2).SetArgDisplayNames("3x2");
        yield return new TestCaseData(7, 5).SetArgDisplayNames("7x5");
        yield return new TestCaseData(100, 100).SetArgDisplayNames("100x100");
    }

    /// <summary>The shapes except 100×100 (for (mn)×(mn) Hessians of matrix arguments).</summary>
    public static IEnumerable<TestCaseData> SmallShapes() => Shapes().Take(4);

    /// <summary>Square sizes n taken from the same shapes (1, 2, 3, 7, 100).</summary>
    public static IEnumerable<TestCaseData> Sizes()
    {
        foreach (int n in new[] { 1, 2, 3, 7, 100 })
        {
            yield return new TestCaseData(n).SetArgDisplayNames($"n{n}");
        }
    }

    public static Matrix<double> RandomMatrix(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => (random.NextDouble() * 2.0) - 1.0);
    }

    public static Vector<double> RandomVector(int n, int seed)
    {
        var random = new Random(seed);
        return Vector<double>.Build.Dense(n, _ => (random.NextDouble() * 2.0) - 1.0);
    }

    /// <summary>Asserts equal shape and |aᵢⱼ − eᵢⱼ| ≤ tolerance·max(1, |eᵢⱼ|) for every entry.</summary>
    public static void AssertClose(Matrix<double> actual, Matrix<double> expected, double tolerance)
    {
        Assert.That(actual.RowCount, Is.EqualTo(expected.RowCount), "row count");
        Assert.That(actual.ColumnCount, Is.EqualTo(expected.ColumnCount), "column count");
        for (int i = 0; i < expected.RowCount; i++)
        {
            for (int j = 0; j < expected.ColumnCount; j++)
            {
                double e = expected[i, j];
                Assert.That(actual[i, j], Is.EqualTo(e).Within(tolerance * Math.Max(1.0, Math.Abs(e))), $"entry ({i}, {j})");
            }
        }
    }

    /// <summary>Asserts equal length and |aᵢ − eᵢ| ≤ tolerance·max(1, |eᵢ|).</summary>
    public static void AssertClose(Vector<double> actual, Vector<double> expected, double tolerance)
    {
        Assert.That(actual.Count, Is.EqualTo(expected.Count), "length");
        for (int i = 0; i < expected.Count; i++)
        {
            double e = expected[i];
            Assert.That(actual[i], Is.EqualTo(e).Within(tolerance * Math.Max(1.0, Math.Abs(e))), $"entry {i}");
        }
    }
}

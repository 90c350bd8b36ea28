using System.Numerics.Tensors;
using ForwardDiff.Rules;

namespace ForwardDiff.LinearAlgebra;

/// <summary>Span kernels shared by the dual vector, matrix and scalar types (column-major storage).</summary>
internal static class Kernels
{
    /// <summary>Effectively computes <c>destination[i] = StrongZero.Scale(factor, source[i])</c>.</summary>
    public static void Scale(ReadOnlySpan<double> source, double factor, Span<double> destination)
    {
        if (double.IsFinite(factor))
        {
            TensorPrimitives.Multiply(source, factor, destination);
            return;
        }

        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = StrongZero.Scale(factor, source[i]);
        }
    }

    /// <summary>Effectively computes <c>destination[i] += StrongZero.Scale(factor, source[i])</c>.</summary>
    public static void ScaleAdd(ReadOnlySpan<double> source, double factor, Span<double> destination)
    {
        if (double.IsFinite(factor))
        {
            TensorPrimitives.MultiplyAdd(source, factor, destination, destination);
            return;
        }

        for (int i = 0; i < source.Length; i++)
        {
            destination[i] += StrongZero.Scale(factor, source[i]);
        }
    }

    /// <summary>True when every entry is finite.</summary>
    public static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Row scaling diag(d)·P of a column-major rows×columns matrix: <c>destination[i, j] = StrongZero.Scale(d[i], source[i, j])</c>.
    /// </summary>
    public static void ScaleRows(ReadOnlySpan<double> source, ReadOnlySpan<double> d, int columns, Span<double> destination)
    {
        int rows = d.Length;
        if (AllFinite(d))
        {
            for (int j = 0; j < columns; j++)
            {
                TensorPrimitives.Multiply(source.Slice(j * rows, rows), d, destination.Slice(j * rows, rows));
            }

            return;
        }

        for (int j = 0; j < columns; j++)
        {
            int offset = j * rows;
            for (int i = 0; i < rows; i++)
            {
                destination[offset + i] = StrongZero.Scale(d[i], source[offset + i]);
            }
        }
    }

    /// <summary>
    /// Row-scaled accumulation: <c>destination[i, j] += StrongZero.Scale(d[i], source[i, j])</c> (column-major, rows = d.Length).
    /// </summary>
    public static void ScaleRowsAdd(ReadOnlySpan<double> source, ReadOnlySpan<double> d, int columns, Span<double> destination)
    {
        int rows = d.Length;
        if (AllFinite(d))
        {
            for (int j = 0; j < columns; j++)
            {
                Span<double> dst = destination.Slice(j * rows, rows);
                TensorPrimitives.MultiplyAdd(source.Slice(j * rows, rows), d, dst, dst);
            }

            return;
        }

        for (int j = 0; j < columns; j++)
        {
            int offset = j * rows;
            for (int i = 0; i < rows; i++)
            {
                destination[offset + i] += StrongZero.Scale(d[i], source[offset + i]);
            }
        }
    }

    /// <summary>
    /// Mᵀw for a column-major rows×columns matrix M: <c>destination[j] = Σᵢ M[i, j] w[i]</c>, one dot product per column.
    /// </summary>
    public static void TransposeTimes(ReadOnlySpan<double> m, ReadOnlySpan<double> w, Span<double> destination)
    {
        int rows = w.Length;
        for (int j = 0; j < destination.Length; j++)
        {
            destination[j] = TensorPrimitives.Dot(m.Slice(j * rows, rows), w);
        }
    }

    /// <summary>
    /// Adds the symmetrised row outer products Σ over the selected rows: for row i of the column-major n×k matrices
    /// A and B, <c>destination[a + b·k] += c·(A[i,a]·B[i,b] + B[i,a]·A[i,b])</c>, with c = 1 unless <paramref name="weights"/> is given.
    /// </summary>
    public static void AddSymmetricRowOuter(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n, int k, ReadOnlySpan<double> weights, Span<double> destination)
    {
        for (int col = 0; col < k; col++)
        {
            for (int row = 0; row < k; row++)
            {
                double sum = 0.0;
                ReadOnlySpan<double> aRow = a.Slice(row * n, n);
                ReadOnlySpan<double> bCol = b.Slice(col * n, n);
                ReadOnlySpan<double> bRow = b.Slice(row * n, n);
                ReadOnlySpan<double> aCol = a.Slice(col * n, n);
                if (weights.IsEmpty)
                {
                    sum = TensorPrimitives.Dot(aRow, bCol) + TensorPrimitives.Dot(bRow, aCol);
                }
                else
                {
                    for (int i = 0; i < n; i++)
                    {
                        sum += weights[i] * ((aRow[i] * bCol[i]) + (bRow[i] * aCol[i]));
                    }
                }

                destination[row + (col * k)] += sum;
            }
        }
    }
}

using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra;

/// <summary>
/// A dual matrix variable X (m×p): its value plus the partials of every entry with respect to k seeded
/// variables, stored as a <see cref="DualVector"/> over vec(X) (entries in column-major order, index i + j·m).
/// Used for matrix-argument functions such as ‖X‖²_F and trace forms.
/// </summary>
/// <remarks>
/// The gradient of a scalar function of X (<see cref="MatrixAutoDiff.Gradient(Func{DualMatrix, DualScalar}, Matrix{double})"/>)
/// comes back as an m×p matrix G with G[i, j] = ∂f/∂Xᵢⱼ, the textbook's ∇_X f (so ∇_X‖X‖²_F = 2X).
/// </remarks>
public sealed class DualMatrix
{
    private DualMatrix(int rowCount, int columnCount, DualVector entries)
    {
        RowCount = rowCount;
        ColumnCount = columnCount;
        Entries = entries;
    }

    /// <summary>The number m of rows.</summary>
    public int RowCount { get; }

    /// <summary>The number p of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>vec(X): the entries in column-major order (index i + j·m) with their partials.</summary>
    public DualVector Entries { get; }

    /// <summary>The number k of partials per entry.</summary>
    public int PartialCount => Entries.PartialCount;

    /// <summary>The value of X as a fresh m×p matrix.</summary>
    public Matrix<double> Value => Matrix<double>.Build.Dense(RowCount, ColumnCount, Entries.ValueSpan.ToArray());

    /// <summary>The dual entry Xᵢⱼ.</summary>
    /// <param name="row">The row i.</param>
    /// <param name="column">The column j.</param>
    /// <returns>Xᵢⱼ with its partials.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is out of range.</exception>
    public DualScalar this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
            return Entries[row + (column * RowCount)];
        }
    }

    /// <summary>A matrix variable seeded with the identity over its m·p entries (no (mp)×(mp) matrix is stored).</summary>
    /// <param name="x">The point (copied).</param>
    /// <returns>The seeded variable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public static DualMatrix Variable(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new DualMatrix(x.RowCount, x.ColumnCount, DualVector.Variable(Vector<double>.Build.Dense(x.ToColumnMajorArray())));
    }

    /// <summary>A matrix variable seeded for second order (used by the Hessian entry point).</summary>
    internal static DualMatrix SecondOrderVariable(Matrix<double> x) =>
        new(x.RowCount, x.ColumnCount, DualVector.SecondOrderVariable(Vector<double>.Build.Dense(x.ToColumnMajorArray())));

    /// <summary>Wraps vec(X) as an m×p dual matrix.</summary>
    /// <param name="entries">The entries in column-major order.</param>
    /// <param name="rowCount">The number m of rows.</param>
    /// <param name="columnCount">The number p of columns.</param>
    /// <returns>The dual matrix.</returns>
    /// <exception cref="ArgumentException">The entry count is not m·p.</exception>
    public static DualMatrix FromEntries(DualVector entries, int rowCount, int columnCount)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        if ((long)rowCount * columnCount != entries.Count)
        {
            throw new ArgumentException($"A {rowCount}×{columnCount} matrix needs {(long)rowCount * columnCount} entries, but the dual vector has {entries.Count}.", nameof(entries));
        }

        return new DualMatrix(rowCount, columnCount, entries);
    }

    /// <summary>‖X‖²_F = Σᵢⱼ Xᵢⱼ² = ‖vec X‖²; for a seeded X its gradient is 2X (the textbook's ∇_X‖X‖²_F = 2X).</summary>
    /// <param name="x">The matrix.</param>
    /// <returns>The squared Frobenius norm.</returns>
    public static DualScalar FrobeniusNormSquared(DualMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return DualVector.SquaredNorm(x.Entries);
    }

    /// <summary>tr X = Σᵢ Xᵢᵢ for square X; its gradient is I.</summary>
    /// <param name="x">The square matrix.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="ArgumentException">X is not square.</exception>
    public static DualScalar Trace(DualMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.RowCount != x.ColumnCount)
        {
            throw new ArgumentException($"The trace needs a square matrix, but X is {x.RowCount}×{x.ColumnCount}.", nameof(x));
        }

        return DualVector.Dot(x.Entries, Vector<double>.Build.Dense(Matrix<double>.Build.DenseIdentity(x.RowCount).ToColumnMajorArray()));
    }

    /// <summary>tr(AX) = Σᵢⱼ Aⱼᵢ Xᵢⱼ for a constant p×m matrix A; its gradient with respect to X is Aᵀ.</summary>
    /// <param name="a">The constant p×m matrix.</param>
    /// <param name="x">The m×p matrix.</param>
    /// <returns>tr(AX).</returns>
    /// <exception cref="ArgumentException">A is not p×m.</exception>
    public static DualScalar TraceOfProduct(Matrix<double> a, DualMatrix x)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(x);
        if (a.RowCount != x.ColumnCount || a.ColumnCount != x.RowCount)
        {
            throw new ArgumentException(
                $"tr(AX) needs A to be {x.ColumnCount}×{x.RowCount} for X {x.RowCount}×{x.ColumnCount}, but A is {a.RowCount}×{a.ColumnCount}.");
        }

        return DualVector.Dot(x.Entries, Vector<double>.Build.Dense(a.Transpose().ToColumnMajorArray()));
    }

    /// <summary>Σᵢⱼ Xᵢⱼ.</summary>
    /// <param name="x">The matrix.</param>
    /// <returns>The sum of the entries.</returns>
    public static DualScalar Sum(DualMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return DualVector.Sum(x.Entries);
    }

    /// <summary>
    /// Constant matrix times dual matrix, AX (q×p for A q×m): vec(AX) = (I ⊗ A)vec X, computed as one product of A
    /// with the partials viewed as an m×(p·k) matrix.
    /// </summary>
    /// <param name="a">The constant q×m matrix.</param>
    /// <param name="x">The m×p dual matrix.</param>
    /// <returns>AX.</returns>
    /// <exception cref="ArgumentException">A has not m columns.</exception>
    public static DualMatrix operator *(Matrix<double> a, DualMatrix x)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(x);
        if (a.ColumnCount != x.RowCount)
        {
            throw new ArgumentException($"Cannot multiply a {a.RowCount}×{a.ColumnCount} matrix by a {x.RowCount}×{x.ColumnCount} dual matrix.");
        }

        int m = x.RowCount;
        int p = x.ColumnCount;
        int q = a.RowCount;
        int k = x.PartialCount;
        Matrix<double> value = a * Matrix<double>.Build.Dense(m, p, x.Entries.ValueSpan.ToArray());
        Partials block = x.Entries.PartialsBlock;
        double[] partials = block.Kind switch
        {
            PartialsKind.Zero => new double[q * p * k],
            PartialsKind.Identity or PartialsKind.Diagonal => BlockDiagonalProduct(a, block, m, p),
            _ => LeftMultiplyBlocks(a, block.Storage!, m, p * k),
        };
        double[]? second = x.Entries.SecondStorage is null ? null : LeftMultiplyBlocks(a, x.Entries.SecondStorage, m, p * k * k);
        var entries = new DualVector(
            Vector<double>.Build.Dense(value.ToColumnMajorArray()),
            Partials.Dense(q * p, k, partials),
            second,
            x.Entries.TracksSecondOrder);
        return new DualMatrix(q, p, entries);
    }

    /// <summary>Dual matrix times constant vector, Xv (length m): (Xv)ᵢ = Σⱼ Xᵢⱼvⱼ.</summary>
    /// <param name="x">The m×p dual matrix.</param>
    /// <param name="v">The constant vector of length p.</param>
    /// <returns>Xv with its partials.</returns>
    /// <exception cref="ArgumentException">v has not p entries.</exception>
    public static DualVector operator *(DualMatrix x, Vector<double> v)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(v);
        if (v.Count != x.ColumnCount)
        {
            throw new ArgumentException($"Cannot multiply a {x.RowCount}×{x.ColumnCount} dual matrix by a vector of length {v.Count}.");
        }

        int m = x.RowCount;
        int p = x.ColumnCount;
        int k = x.PartialCount;
        Vector<double> value = Matrix<double>.Build.Dense(m, p, x.Entries.ValueSpan.ToArray()) * v;
        double[] partials = ColumnCombination(x.Entries.PartialsBlock.ToDenseArray(), v, m, p, k);
        double[]? second = x.Entries.SecondStorage is null ? null : ColumnCombination(x.Entries.SecondStorage, v, m, p, k * k);
        return new DualVector(value, Partials.Dense(m, k, partials), second, x.Entries.TracksSecondOrder);
    }

    /// <summary>Sum of dual matrices of equal shape.</summary>
    /// <param name="x">The left operand.</param>
    /// <param name="y">The right operand.</param>
    /// <returns>X + Y.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static DualMatrix operator +(DualMatrix x, DualMatrix y)
    {
        CheckSameShape(x, y, "add");
        return new DualMatrix(x.RowCount, x.ColumnCount, x.Entries + y.Entries);
    }

    /// <summary>Difference of dual matrices of equal shape.</summary>
    /// <param name="x">The left operand.</param>
    /// <param name="y">The right operand.</param>
    /// <returns>X − Y.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static DualMatrix operator -(DualMatrix x, DualMatrix y)
    {
        CheckSameShape(x, y, "subtract");
        return new DualMatrix(x.RowCount, x.ColumnCount, x.Entries - y.Entries);
    }

    /// <summary>Scaling by a constant.</summary>
    /// <param name="c">The constant.</param>
    /// <param name="x">The dual matrix.</param>
    /// <returns>c·X.</returns>
    public static DualMatrix operator *(double c, DualMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new DualMatrix(x.RowCount, x.ColumnCount, c * x.Entries);
    }

    /// <inheritdoc />
    public override string ToString() => $"DualMatrix ({RowCount}×{ColumnCount}, k = {PartialCount})";

    private static void CheckSameShape(DualMatrix x, DualMatrix y, string operation)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.RowCount != y.RowCount || x.ColumnCount != y.ColumnCount)
        {
            throw new ArgumentException($"Cannot {operation} dual matrices of shapes {x.RowCount}×{x.ColumnCount} and {y.RowCount}×{y.ColumnCount}.");
        }
    }

    /// <summary>
    /// (I_p ⊗ A)·diag(d) for identity (d = 1) or diagonal partials of vec X: entry (r + j·q, i + j·m) is A[r, i]·d[i + j·m],
    /// written directly in O(q·p·m·p) instead of materialising the (mp)×(mp) seed and multiplying.
    /// </summary>
    private static double[] BlockDiagonalProduct(Matrix<double> a, Partials block, int m, int p)
    {
        int q = a.RowCount;
        int rows = q * p;
        var result = new double[rows * m * p];
        double[] aValues = a.ToColumnMajorArray();
        for (int j = 0; j < p; j++)
        {
            for (int i = 0; i < m; i++)
            {
                int column = i + (j * m);
                Span<double> destination = result.AsSpan((column * rows) + (j * q), q);
                ReadOnlySpan<double> source = aValues.AsSpan(i * q, q);
                if (block.Kind == PartialsKind.Identity)
                {
                    source.CopyTo(destination);
                }
                else
                {
                    TensorPrimitives.Multiply(source, block.Storage![column], destination);
                }
            }
        }

        return result;
    }

    /// <summary>A·B where B is the column-major m×columns view of <paramref name="storage"/>: one provider product.</summary>
    private static double[] LeftMultiplyBlocks(Matrix<double> a, double[] storage, int m, int columns)
    {
        var result = Matrix<double>.Build.Dense(a.RowCount, columns);
        a.Multiply(Matrix<double>.Build.Dense(m, columns, storage), result);
        return result.AsColumnMajorArray() ?? result.ToColumnMajorArray();
    }

    /// <summary>
    /// For each of the <paramref name="blocks"/> columns c of the (m·p)×blocks column-major storage (each an m×p
    /// matrix Mc), returns Mc·v, as an m×blocks column-major array.
    /// </summary>
    private static double[] ColumnCombination(double[] storage, Vector<double> v, int m, int p, int blocks)
    {
        var result = new double[m * blocks];
        ReadOnlySpan<double> weights = DualVector.ValuesOf(v);
        for (int c = 0; c < blocks; c++)
        {
            Span<double> destination = result.AsSpan(c * m, m);
            for (int j = 0; j < p; j++)
            {
                ReadOnlySpan<double> column = storage.AsSpan((c * m * p) + (j * m), m);
                TensorPrimitives.MultiplyAdd(column, weights[j], destination, destination);
            }
        }

        return result;
    }
}

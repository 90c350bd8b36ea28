using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra;

/// <summary>
/// The structured n×k partials matrix of a dual vector: zero, identity, diagonal or dense (column-major).
/// Instances are immutable once built; operations return new blocks and may share storage with their inputs.
/// </summary>
internal readonly struct Partials
{
    public Partials(PartialsKind kind, int rows, int columns, double[]? storage)
    {
        Kind = kind;
        Rows = rows;
        Columns = columns;
        Storage = storage;
    }

    public PartialsKind Kind { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Dense: rows·columns numbers, column-major. Diagonal: the rows diagonal entries. Otherwise null.</summary>
    public double[]? Storage { get; }

    public static Partials Zero(int rows, int columns) => new(PartialsKind.Zero, rows, columns, null);

    public static Partials Identity(int n) => new(PartialsKind.Identity, n, n, null);

    public static Partials Diagonal(double[] diagonal) => new(PartialsKind.Diagonal, diagonal.Length, diagonal.Length, diagonal);

    public static Partials Dense(int rows, int columns, double[] storage) => new(PartialsKind.Dense, rows, columns, storage);

    /// <summary>The dense column-major form; the dense kind returns its own storage, which callers must not modify.</summary>
    public double[] ToDenseArray()
    {
        switch (Kind)
        {
            case PartialsKind.Dense:
                return Storage!;
            case PartialsKind.Zero:
                return new double[Rows * Columns];
            default:
                var dense = new double[Rows * Columns];
                for (int i = 0; i < Rows; i++)
                {
                    dense[i + (i * Rows)] = Kind == PartialsKind.Identity ? 1.0 : Storage![i];
                }

                return dense;
        }
    }

    /// <summary>A fresh MathNet matrix holding these partials (always a copy).</summary>
    public Matrix<double> ToMatrix()
    {
        double[] dense = ToDenseArray();
        return Matrix<double>.Build.Dense(Rows, Columns, Kind == PartialsKind.Dense ? (double[])dense.Clone() : dense);
    }

    /// <summary>The diagonal entries for the identity or diagonal kinds.</summary>
    private double[] DiagonalEntries()
    {
        if (Kind == PartialsKind.Identity)
        {
            var ones = new double[Rows];
            Array.Fill(ones, 1.0);
            return ones;
        }

        return Storage!;
    }

    /// <summary>diag(d)·P with the strong-zero convention.</summary>
    public Partials ScaleRows(ReadOnlySpan<double> d)
    {
        switch (Kind)
        {
            case PartialsKind.Zero:
                return this;
            case PartialsKind.Identity:
                return Diagonal(d.ToArray());
            case PartialsKind.Diagonal:
                {
                    var result = new double[Rows];
                    Kernels.ScaleRows(Storage, d, 1, result);
                    return Diagonal(result);
                }

            default:
                {
                    var result = new double[Rows * Columns];
                    Kernels.ScaleRows(Storage, d, Columns, result);
                    return Dense(Rows, Columns, result);
                }
        }
    }

    /// <summary>c·P with the strong-zero convention.</summary>
    public Partials Scale(double factor)
    {
        switch (Kind)
        {
            case PartialsKind.Zero:
                return this;
            case PartialsKind.Identity:
                {
                    var result = new double[Rows];
                    Array.Fill(result, factor);
                    return Diagonal(result);
                }

            default:
                {
                    var result = new double[Storage!.Length];
                    Kernels.Scale(Storage, factor, result);
                    return new Partials(Kind, Rows, Columns, result);
                }
        }
    }

    /// <summary>P + sign·Q (sign is +1 or −1, both exact).</summary>
    public Partials Add(in Partials other, double sign)
    {
        if (other.Kind == PartialsKind.Zero)
        {
            return this;
        }

        if (Kind == PartialsKind.Zero)
        {
            return sign > 0 ? other : other.Scale(-1.0);
        }

        if (Kind != PartialsKind.Dense && other.Kind != PartialsKind.Dense)
        {
            double[] left = DiagonalEntries();
            double[] right = other.DiagonalEntries();
            var sum = new double[Rows];
            if (sign > 0)
            {
                TensorPrimitives.Add(left, right, sum);
            }
            else
            {
                TensorPrimitives.Subtract(left, right, sum);
            }

            return Diagonal(sum);
        }

        var result = new double[Rows * Columns];
        if (Kind == PartialsKind.Dense && other.Kind == PartialsKind.Dense)
        {
            if (sign > 0)
            {
                TensorPrimitives.Add(Storage, other.Storage, result);
            }
            else
            {
                TensorPrimitives.Subtract(Storage, other.Storage, result);
            }

            return Dense(Rows, Columns, result);
        }

        if (Kind == PartialsKind.Dense)
        {
            Storage.AsSpan().CopyTo(result);
            double[] diagonal = other.DiagonalEntries();
            for (int i = 0; i < Rows; i++)
            {
                result[i + (i * Rows)] += sign * diagonal[i];
            }
        }
        else
        {
            Kernels.Scale(other.Storage, sign, result);
            double[] diagonal = DiagonalEntries();
            for (int i = 0; i < Rows; i++)
            {
                result[i + (i * Rows)] += diagonal[i];
            }
        }

        return Dense(Rows, Columns, result);
    }

    /// <summary>Pᵀw (a k-vector): column sums weighted by w.</summary>
    public double[] TransposeTimes(ReadOnlySpan<double> w)
    {
        var result = new double[Columns];
        switch (Kind)
        {
            case PartialsKind.Zero:
                break;
            case PartialsKind.Identity:
                w.CopyTo(result);
                break;
            case PartialsKind.Diagonal:
                TensorPrimitives.Multiply(Storage, w, result);
                break;
            default:
                Kernels.TransposeTimes(Storage, w, result);
                break;
        }

        return result;
    }

    /// <summary>Row i of P as a fresh k-vector.</summary>
    public double[] Row(int i)
    {
        var result = new double[Columns];
        switch (Kind)
        {
            case PartialsKind.Zero:
                break;
            case PartialsKind.Identity:
                result[i] = 1.0;
                break;
            case PartialsKind.Diagonal:
                result[i] = Storage![i];
                break;
            default:
                for (int j = 0; j < Columns; j++)
                {
                    result[j] = Storage![i + (j * Rows)];
                }

                break;
        }

        return result;
    }

    /// <summary>A·P for a constant m×n matrix A: a copy of A, a column scaling, or one provider GEMM.</summary>
    public Partials LeftMultiply(Matrix<double> a)
    {
        int m = a.RowCount;
        switch (Kind)
        {
            case PartialsKind.Zero:
                return Zero(m, Columns);
            case PartialsKind.Identity:
                // A·I = A: a copy, no product.
                return Dense(m, Columns, a.ToColumnMajorArray());
            case PartialsKind.Diagonal:
                {
                    // A·diag(d): scale column j of A by d[j], O(mn).
                    double[] result = a.ToColumnMajorArray();
                    for (int j = 0; j < Columns; j++)
                    {
                        Span<double> column = result.AsSpan(j * m, m);
                        TensorPrimitives.Multiply(column, Storage![j], column);
                    }

                    return Dense(m, Columns, result);
                }

            default:
                {
                    Matrix<double> p = Matrix<double>.Build.Dense(Rows, Columns, Storage);
                    var result = Matrix<double>.Build.Dense(m, Columns);
                    a.Multiply(p, result);
                    return Dense(m, Columns, result.AsColumnMajorArray() ?? result.ToColumnMajorArray());
                }
        }
    }
}

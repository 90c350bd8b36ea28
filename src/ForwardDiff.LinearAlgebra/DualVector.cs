using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra;

/// <summary>
/// A vector of n dual numbers stored as a value vector v (length n) plus a partials matrix P = ∂v/∂x (n×k,
/// rows are entries, columns are the k seeded variables), so that d(Ax) = A·P is one matrix product on
/// MathNet's active linear-algebra provider instead of n·k scalar dual multiplications.
/// </summary>
/// <remarks>
/// <para><b>Layout.</b> P is in the usual rows-are-outputs (numerator) layout: P[i, j] = ∂vᵢ/∂xⱼ, so for
/// v = Ax the partials are P = A. The textbook's gradient ∇ₓ(Ax) = Aᵀ is the transpose of this; the
/// entry points say in their names which one they return (<see cref="MatrixAutoDiff.Jacobian"/> vs
/// <see cref="MatrixAutoDiff.GradientMatrix"/>).</para>
/// <para><b>Structure.</b> P is kept structured (<see cref="PartialsKind"/>): a seeded variable is the
/// identity and costs nothing; W·x then copies W instead of multiplying by I; an elementwise function of a
/// seeded variable is diagonal.</para>
/// <para><b>Second order.</b> When seeded by <see cref="MatrixAutoDiff.Hessian(Func{DualVector, DualScalar}, Vector{double})"/>
/// each entry also carries its k×k Hessian (stored as an n×k² matrix, so a constant matrix applies to it
/// with one more product).</para>
/// <para><b>Conventions.</b> Same as the scalar core: exactly-zero partials stay zero whatever the local
/// derivative (strong zero); NaN and ±∞ in values propagate by IEEE rules. Instances are immutable; results
/// may share storage with operands.</para>
/// </remarks>
public sealed partial class DualVector
{
    private readonly Vector<double> _value;
    private readonly Partials _partials;

    /// <summary>Second-order partials: n×k² column-major (entry (i, a + b·k) = ∂²vᵢ/∂xₐ∂x_b), or null when zero.</summary>
    private readonly double[]? _second;

    internal DualVector(Vector<double> value, Partials partials, double[]? second, bool tracksSecondOrder)
    {
        _value = value;
        _partials = partials;
        _second = second;
        TracksSecondOrder = tracksSecondOrder;
    }

    /// <summary>The values vᵢ. This is the dual vector's own storage: treat it as read-only.</summary>
    public Vector<double> Value => _value;

    /// <summary>The number n of entries.</summary>
    public int Count => _value.Count;

    /// <summary>The number k of partials per entry (seeded variables).</summary>
    public int PartialCount => _partials.Columns;

    /// <summary>How the partials are stored (zero, identity, diagonal, dense).</summary>
    public PartialsKind Kind => _partials.Kind;

    /// <summary>Whether second-order partials are carried (seeded by a Hessian entry point).</summary>
    public bool TracksSecondOrder { get; }

    internal Partials PartialsBlock => _partials;

    internal double[]? SecondStorage => _second;

    internal ReadOnlySpan<double> ValueSpan => ValuesOf(_value);

    /// <summary>The dual value of entry <paramref name="index"/>: vᵢ with its row of partials (and Hessian).</summary>
    /// <param name="index">The entry, 0 ≤ index &lt; <see cref="Count"/>.</param>
    /// <returns>The entry as a dual scalar.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public DualScalar this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            double[]? hessian = null;
            if (TracksSecondOrder)
            {
                int k = PartialCount;
                hessian = new double[k * k];
                if (_second is not null)
                {
                    for (int c = 0; c < hessian.Length; c++)
                    {
                        hessian[c] = _second[index + (c * Count)];
                    }
                }
            }

            return new DualScalar(_value[index], _partials.Row(index), hessian);
        }
    }

    /// <summary>
    /// A variable seeded with the identity: k = n partials, P = I stored as a flag (no n×n matrix).
    /// </summary>
    /// <param name="x">The point (copied).</param>
    /// <returns>The seeded variable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public static DualVector Variable(Vector<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new DualVector(Vector<double>.Build.DenseOfVector(x), Partials.Identity(x.Count), null, false);
    }

    /// <summary>A constant: the values of <paramref name="c"/> with k zero partials (no storage).</summary>
    /// <param name="c">The values (copied).</param>
    /// <param name="partialCount">The number k of partials, matching the variables it is combined with.</param>
    /// <returns>The constant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="c"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partialCount"/> is negative.</exception>
    public static DualVector Constant(Vector<double> c, int partialCount)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentOutOfRangeException.ThrowIfNegative(partialCount);
        return new DualVector(Vector<double>.Build.DenseOfVector(c), Partials.Zero(c.Count, partialCount), null, false);
    }

    /// <summary>A dual vector with the given values and dense partials P[i, j] = ∂vᵢ/∂xⱼ (both copied).</summary>
    /// <param name="value">The n values.</param>
    /// <param name="partials">The n×k partials.</param>
    /// <returns>The dual vector.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The partials do not have one row per value.</exception>
    public static DualVector FromPartials(Vector<double> value, Matrix<double> partials)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.RowCount != value.Count)
        {
            throw new ArgumentException(
                $"The partials are {partials.RowCount}×{partials.ColumnCount} but the value has {value.Count} entries; they need one row per entry.",
                nameof(partials));
        }

        return new DualVector(
            Vector<double>.Build.DenseOfVector(value),
            Partials.Dense(partials.RowCount, partials.ColumnCount, partials.ToColumnMajorArray()),
            null,
            false);
    }

    /// <summary>A variable seeded for second order: identity partials (stored dense) and zero second partials.</summary>
    internal static DualVector SecondOrderVariable(Vector<double> x)
    {
        int n = x.Count;
        var identity = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            identity[i + (i * n)] = 1.0;
        }

        return new DualVector(Vector<double>.Build.DenseOfVector(x), Partials.Dense(n, n, identity), null, true);
    }

    /// <summary>The partials P[i, j] = ∂vᵢ/∂xⱼ as a fresh n×k matrix (materialises structured kinds).</summary>
    /// <returns>The partials (rows-are-outputs Jacobian of this vector with respect to the seeded variables).</returns>
    public Matrix<double> ToPartialsMatrix() => _partials.ToMatrix();

    /// <summary>The second partials of entry <paramref name="index"/> as a fresh k×k matrix.</summary>
    /// <param name="index">The entry.</param>
    /// <returns>∂²vᵢ/∂xₐ∂x_b.</returns>
    /// <exception cref="InvalidOperationException">This vector carries no second-order partials.</exception>
    public Matrix<double> HessianOf(int index)
    {
        if (!TracksSecondOrder)
        {
            throw new InvalidOperationException("This dual vector carries no second-order partials: seed it through MatrixAutoDiff.Hessian.");
        }

        return this[index].Hessian;
    }

    // ------------------------------------------------------------------ + and −

    /// <summary>Sum of dual vectors: P = Pₓ + P_y (structure kept where possible).</summary>
    /// <param name="x">The left operand.</param>
    /// <param name="y">The right operand.</param>
    /// <returns>x + y.</returns>
    /// <exception cref="ArgumentException">The lengths or partial counts differ.</exception>
    public static DualVector operator +(DualVector x, DualVector y) => Combine(x, y, 1.0);

    /// <summary>Difference of dual vectors: P = Pₓ − P_y.</summary>
    /// <param name="x">The left operand.</param>
    /// <param name="y">The right operand.</param>
    /// <returns>x − y.</returns>
    /// <exception cref="ArgumentException">The lengths or partial counts differ.</exception>
    public static DualVector operator -(DualVector x, DualVector y) => Combine(x, y, -1.0);

    /// <summary>Adds a constant vector; the partials are shared unchanged.</summary>
    /// <param name="x">The dual operand.</param>
    /// <param name="c">The constant.</param>
    /// <returns>x + c.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static DualVector operator +(DualVector x, Vector<double> c)
    {
        CheckLength(x, c, "add");
        return new DualVector(x._value + c, x._partials, x._second, x.TracksSecondOrder);
    }

    /// <summary>Adds a constant vector; the partials are shared unchanged.</summary>
    /// <param name="c">The constant.</param>
    /// <param name="x">The dual operand.</param>
    /// <returns>c + x.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static DualVector operator +(Vector<double> c, DualVector x) => x + c;

    /// <summary>Subtracts a constant vector; the partials are shared unchanged.</summary>
    /// <param name="x">The dual operand.</param>
    /// <param name="c">The constant.</param>
    /// <returns>x − c.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static DualVector operator -(DualVector x, Vector<double> c)
    {
        CheckLength(x, c, "subtract");
        return new DualVector(x._value - c, x._partials, x._second, x.TracksSecondOrder);
    }

    /// <summary>Constant minus dual vector: the partials are negated.</summary>
    /// <param name="c">The constant.</param>
    /// <param name="x">The dual operand.</param>
    /// <returns>c − x.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static DualVector operator -(Vector<double> c, DualVector x)
    {
        CheckLength(x, c, "subtract");
        DualVector negated = -x;
        return new DualVector(c - x._value, negated._partials, negated._second, x.TracksSecondOrder);
    }

    /// <summary>Adds the same constant to every entry.</summary>
    /// <param name="x">The dual operand.</param>
    /// <param name="c">The constant.</param>
    /// <returns>x + c·1.</returns>
    public static DualVector operator +(DualVector x, double c)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new DualVector(x._value + c, x._partials, x._second, x.TracksSecondOrder);
    }

    /// <summary>Subtracts the same constant from every entry.</summary>
    /// <param name="x">The dual operand.</param>
    /// <param name="c">The constant.</param>
    /// <returns>x − c·1.</returns>
    public static DualVector operator -(DualVector x, double c)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new DualVector(x._value - c, x._partials, x._second, x.TracksSecondOrder);
    }

    /// <summary>Negation.</summary>
    /// <param name="x">The operand.</param>
    /// <returns>−x.</returns>
    public static DualVector operator -(DualVector x) => Scale(x, -1.0);

    /// <summary>Scaling by a constant: P = c·Pₓ (an exactly-zero partial stays zero even for c = ±∞).</summary>
    /// <param name="c">The constant.</param>
    /// <param name="x">The dual operand.</param>
    /// <returns>c·x.</returns>
    public static DualVector operator *(double c, DualVector x) => Scale(x, c);

    /// <summary>Scaling by a constant.</summary>
    /// <param name="x">The dual operand.</param>
    /// <param name="c">The constant.</param>
    /// <returns>x·c.</returns>
    public static DualVector operator *(DualVector x, double c) => Scale(x, c);

    /// <summary>Division by a constant (computed as a true division of each value and partial, not as a product by 1/c).</summary>
    /// <param name="x">The dual operand.</param>
    /// <param name="c">The constant.</param>
    /// <returns>x / c.</returns>
    public static DualVector operator /(DualVector x, double c)
    {
        ArgumentNullException.ThrowIfNull(x);
        var value = Vector<double>.Build.Dense(x.Count);
        x._value.Divide(c, value);
        Partials partials = x._partials;
        switch (partials.Kind)
        {
            case PartialsKind.Zero:
                break;
            case PartialsKind.Identity:
                {
                    var diagonal = new double[x.Count];
                    Array.Fill(diagonal, 1.0 / c);
                    partials = Partials.Diagonal(diagonal);
                    break;
                }

            default:
                {
                    var storage = new double[partials.Storage!.Length];
                    TensorPrimitives.Divide(partials.Storage, c, storage);
                    partials = new Partials(partials.Kind, partials.Rows, partials.Columns, storage);
                    break;
                }
        }

        double[]? second = null;
        if (x._second is not null)
        {
            second = new double[x._second.Length];
            TensorPrimitives.Divide(x._second, c, second);
        }

        return new DualVector(value, partials, second, x.TracksSecondOrder);
    }

    /// <summary>
    /// Broadcast subtraction of a dual scalar from every entry: P = Pₓ − 1·∇sᵀ (used by the stable softmax).
    /// </summary>
    /// <param name="x">The dual vector.</param>
    /// <param name="s">The dual scalar.</param>
    /// <returns>x − s·1.</returns>
    /// <exception cref="ArgumentException">The partial counts differ.</exception>
    public static DualVector operator -(DualVector x, DualScalar s) => Broadcast(x, s, -1.0);

    /// <summary>Broadcast addition of a dual scalar to every entry: P = Pₓ + 1·∇sᵀ.</summary>
    /// <param name="x">The dual vector.</param>
    /// <param name="s">The dual scalar.</param>
    /// <returns>x + s·1.</returns>
    /// <exception cref="ArgumentException">The partial counts differ.</exception>
    public static DualVector operator +(DualVector x, DualScalar s) => Broadcast(x, s, 1.0);

    /// <summary>
    /// Scaling by a dual scalar (product rule): v = s·x, P = s·Pₓ + x∇sᵀ,
    /// ∇²vᵢ = s∇²xᵢ + xᵢ∇²s + ∇xᵢ∇sᵀ + ∇s∇xᵢᵀ.
    /// </summary>
    /// <param name="s">The dual scalar.</param>
    /// <param name="x">The dual vector.</param>
    /// <returns>s·x.</returns>
    /// <exception cref="ArgumentException">The partial counts differ.</exception>
    public static DualVector operator *(DualScalar s, DualVector x)
    {
        bool second = CheckScalar(x, s);
        int n = x.Count;
        int k = x.PartialCount;
        Vector<double> value = x._value * s.Value;
        ReadOnlySpan<double> v = x.ValueSpan;
        ReadOnlySpan<double> g = s.GradientSpan;
        double[] p = x._partials.ToDenseArray();
        var partials = new double[n * k];
        Kernels.Scale(p, s.Value, partials);
        for (int j = 0; j < k; j++)
        {
            Kernels.ScaleAdd(v, g[j], partials.AsSpan(j * n, n));
        }

        double[]? secondStorage = null;
        if (second)
        {
            secondStorage = new double[n * k * k];
            if (x._second is not null)
            {
                Kernels.Scale(x._second, s.Value, secondStorage);
            }

            double[]? h = s.HessianStorage;
            for (int b = 0; b < k; b++)
            {
                for (int a = 0; a < k; a++)
                {
                    Span<double> column = secondStorage.AsSpan((a + (b * k)) * n, n);
                    if (h is not null)
                    {
                        Kernels.ScaleAdd(v, h[a + (b * k)], column);
                    }

                    // ∇xᵢ∇sᵀ + ∇s∇xᵢᵀ at (a, b): P[i, a]·g[b] + g[a]·P[i, b]
                    Kernels.ScaleAdd(p.AsSpan(a * n, n), g[b], column);
                    Kernels.ScaleAdd(p.AsSpan(b * n, n), g[a], column);
                }
            }
        }

        return new DualVector(value, Partials.Dense(n, k, partials), secondStorage, second);
    }

    /// <summary>Scaling by a dual scalar.</summary>
    /// <param name="x">The dual vector.</param>
    /// <param name="s">The dual scalar.</param>
    /// <returns>x·s.</returns>
    public static DualVector operator *(DualVector x, DualScalar s) => s * x;

    /// <inheritdoc />
    public override string ToString() => $"DualVector (n = {Count}, k = {PartialCount}, {Kind} partials{(TracksSecondOrder ? ", second order" : string.Empty)})";

    internal static ReadOnlySpan<double> ValuesOf(Vector<double> v) => v.AsArray() ?? v.ToArray();

    internal static void CheckLength(DualVector x, Vector<double> c, string operation)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(c);
        if (c.Count != x.Count)
        {
            throw new ArgumentException($"Cannot {operation} a dual vector of length {x.Count} and a vector of length {c.Count}.");
        }
    }

    /// <summary>Checks two dual vectors for equal shape and compatible seeding; returns whether the result tracks second order.</summary>
    internal static bool CheckPair(DualVector x, DualVector y, string operation)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.PartialCount != y.PartialCount)
        {
            throw new ArgumentException(
                $"Cannot {operation} dual vectors of shapes {x.Count}×{x.PartialCount} and {y.Count}×{y.PartialCount} (entries × partials).");
        }

        CheckSecondOrder(x, y.TracksSecondOrder, y._partials.Kind == PartialsKind.Zero && y._second is null);
        CheckSecondOrder(y, x.TracksSecondOrder, x._partials.Kind == PartialsKind.Zero && x._second is null);
        return x.TracksSecondOrder || y.TracksSecondOrder;
    }

    private static void CheckSecondOrder(DualVector x, bool otherTracks, bool otherIsConstant)
    {
        if (x.TracksSecondOrder && !otherTracks && !otherIsConstant)
        {
            throw new ArgumentException(
                "A first-order dual (seeded by Gradient/Jacobian) was combined with a second-order dual (seeded by Hessian); seed every variable through the same entry point.");
        }
    }

    internal static bool CheckScalar(DualVector x, DualScalar s)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(s);
        if (x.PartialCount != s.PartialCount)
        {
            throw new ArgumentException(
                $"The dual vector carries {x.PartialCount} partials and the dual scalar {s.PartialCount}; they were seeded for different variables.");
        }

        bool xConstant = x._partials.Kind == PartialsKind.Zero && x._second is null;
        ReadOnlySpan<double> xProbe = xConstant ? [] : [1.0];
        return DualScalar.CheckSecondOrder(x.TracksSecondOrder, xProbe, s.TracksSecondOrder, s.GradientSpan);
    }

    private static DualVector Combine(DualVector x, DualVector y, double sign)
    {
        bool second = CheckPair(x, y, sign > 0 ? "add" : "subtract");
        Vector<double> value = sign > 0 ? x._value + y._value : x._value - y._value;
        Partials partials = x._partials.Add(y._partials, sign);
        double[]? secondStorage = null;
        if (second)
        {
            if (y._second is null)
            {
                secondStorage = x._second;
            }
            else if (x._second is null)
            {
                secondStorage = sign > 0 ? y._second : Negated(y._second);
            }
            else
            {
                secondStorage = new double[x._second.Length];
                x._second.AsSpan().CopyTo(secondStorage);
                Kernels.ScaleAdd(y._second, sign, secondStorage);
            }
        }

        return new DualVector(value, partials, secondStorage, second);
    }

    private static DualVector Scale(DualVector x, double c)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[]? second = null;
        if (x._second is not null)
        {
            second = new double[x._second.Length];
            Kernels.Scale(x._second, c, second);
        }

        return new DualVector(x._value * c, x._partials.Scale(c), second, x.TracksSecondOrder);
    }

    private static DualVector Broadcast(DualVector x, DualScalar s, double sign)
    {
        bool second = CheckScalar(x, s);
        int n = x.Count;
        int k = x.PartialCount;
        var value = Vector<double>.Build.Dense(n);
        x._value.Add(sign * s.Value, value);
        var partials = new double[n * k];
        x._partials.ToDenseArray().AsSpan().CopyTo(partials);
        ReadOnlySpan<double> g = s.GradientSpan;
        for (int j = 0; j < k; j++)
        {
            Span<double> column = partials.AsSpan(j * n, n);
            TensorPrimitives.Add(column, sign * g[j], column);
        }

        double[]? secondStorage = null;
        if (second)
        {
            secondStorage = new double[n * k * k];
            x._second?.AsSpan().CopyTo(secondStorage);
            double[]? h = s.HessianStorage;
            if (h is not null)
            {
                for (int c = 0; c < k * k; c++)
                {
                    Span<double> column = secondStorage.AsSpan(c * n, n);
                    TensorPrimitives.Add(column, sign * h[c], column);
                }
            }
        }

        return new DualVector(value, Partials.Dense(n, k, partials), secondStorage, second);
    }
}

using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra;

/// <summary>Products and reductions: the operations that go through MathNet's provider.</summary>
public sealed partial class DualVector
{
    /// <summary>
    /// Constant matrix times dual vector: v = A·x and P = A·Pₓ (one GEMM on the active provider; A·I is a
    /// copy of A and A·diag(d) a column scaling, so a seeded variable costs no product).
    /// </summary>
    /// <param name="a">The constant m×n matrix.</param>
    /// <param name="x">The dual vector of length n.</param>
    /// <returns>A·x, length m, rows-are-outputs partials A·Pₓ.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A has not n columns.</exception>
    public static DualVector operator *(Matrix<double> a, DualVector x) => Multiply(a, x);

    /// <inheritdoc cref="op_Multiply(Matrix{double}, DualVector)"/>
    public static DualVector Multiply(Matrix<double> a, DualVector x)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(x);
        if (a.ColumnCount != x.Count)
        {
            throw new ArgumentException(
                $"Cannot multiply a {a.RowCount}×{a.ColumnCount} matrix by a dual vector of length {x.Count}.");
        }

        var value = Vector<double>.Build.Dense(a.RowCount);
        a.Multiply(x._value, value);
        Partials partials = x._partials.LeftMultiply(a);
        double[]? second = null;
        if (x._second is not null)
        {
            int kk = x.PartialCount * x.PartialCount;
            var result = Matrix<double>.Build.Dense(a.RowCount, kk);
            a.Multiply(Matrix<double>.Build.Dense(x.Count, kk, x._second), result);
            second = result.AsColumnMajorArray() ?? result.ToColumnMajorArray();
        }

        return new DualVector(value, partials, second, x.TracksSecondOrder);
    }

    /// <summary>
    /// Row vector times constant matrix, xᵀA (m-vector for A n×m): the textbook's ∇ₓ(xᵀA) = A. Computed as Aᵀx.
    /// </summary>
    /// <param name="x">The dual vector of length n.</param>
    /// <param name="a">The constant n×m matrix.</param>
    /// <returns>(xᵀA)ᵀ as a dual vector of length m.</returns>
    /// <exception cref="ArgumentException">A has not n rows.</exception>
    public static DualVector TransposeMultiply(DualVector x, Matrix<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(x);
        if (a.RowCount != x.Count)
        {
            throw new ArgumentException(
                $"Cannot form xᵀA for a dual vector of length {x.Count} and a {a.RowCount}×{a.ColumnCount} matrix.");
        }

        return Multiply(a.Transpose(), x);
    }

    /// <summary>Dot product with a constant vector: y = x·c, ∇y = Pₓᵀc, ∇²y = Σᵢ cᵢ∇²xᵢ.</summary>
    /// <param name="x">The dual vector.</param>
    /// <param name="c">The constant vector.</param>
    /// <returns>x·c.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static DualScalar Dot(DualVector x, Vector<double> c)
    {
        CheckLength(x, c, "take the dot product of");
        ReadOnlySpan<double> w = ValuesOf(c);
        double value = TensorPrimitives.Dot(x.ValueSpan, w);
        return new DualScalar(value, x._partials.TransposeTimes(w), x.SecondTransposeTimes(w));
    }

    /// <summary>
    /// Dot product of two dual vectors: y = x·z, ∇y = Pₓᵀz + P_zᵀx, ∇²y = Σᵢ(zᵢ∇²xᵢ + xᵢ∇²zᵢ) + PₓᵀP_z + P_zᵀPₓ.
    /// </summary>
    /// <param name="x">The left operand.</param>
    /// <param name="z">The right operand.</param>
    /// <returns>x·z.</returns>
    /// <exception cref="ArgumentException">The lengths or partial counts differ.</exception>
    public static DualScalar Dot(DualVector x, DualVector z)
    {
        bool second = CheckPair(x, z, "take the dot product of");
        int n = x.Count;
        int k = x.PartialCount;
        double value = TensorPrimitives.Dot(x.ValueSpan, z.ValueSpan);
        double[] gradient = x._partials.TransposeTimes(z.ValueSpan);
        TensorPrimitives.Add(gradient, z._partials.TransposeTimes(x.ValueSpan), gradient);
        double[]? hessian = null;
        if (second)
        {
            hessian = new double[k * k];
            AddTo(hessian, x.SecondTransposeTimes(z.ValueSpan));
            AddTo(hessian, z.SecondTransposeTimes(x.ValueSpan));
            Kernels.AddSymmetricRowOuter(x._partials.ToDenseArray(), z._partials.ToDenseArray(), n, k, default, hessian);
        }

        return new DualScalar(value, gradient, hessian);
    }

    /// <summary>
    /// Quadratic form y = xᵀAx for a constant square A: ∇y = Pₓᵀ(A + Aᵀ)x (the textbook's rule 2, with Pₓ = I for a
    /// seeded variable) and ∇²y = Pₓᵀ(A + Aᵀ)Pₓ + Σᵢ((A + Aᵀ)x)ᵢ∇²xᵢ.
    /// </summary>
    /// <param name="x">The dual vector of length n.</param>
    /// <param name="a">The constant n×n matrix.</param>
    /// <returns>xᵀAx.</returns>
    /// <exception cref="ArgumentException">A is not n×n.</exception>
    public static DualScalar QuadraticForm(DualVector x, Matrix<double> a)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(a);
        if (a.RowCount != x.Count || a.ColumnCount != x.Count)
        {
            throw new ArgumentException(
                $"The quadratic form needs a {x.Count}×{x.Count} matrix for a dual vector of length {x.Count}, but the matrix is {a.RowCount}×{a.ColumnCount}.");
        }

        Vector<double> ax = a * x._value;
        Vector<double> w = ax + a.TransposeThisAndMultiply(x._value);
        ReadOnlySpan<double> ws = ValuesOf(w);
        double value = TensorPrimitives.Dot(x.ValueSpan, ValuesOf(ax));
        double[] gradient = x._partials.TransposeTimes(ws);
        double[]? hessian = null;
        if (x.TracksSecondOrder)
        {
            int k = x.PartialCount;
            hessian = new double[k * k];
            AddTo(hessian, x.SecondTransposeTimes(ws));
            Matrix<double> p = Matrix<double>.Build.Dense(x.Count, k, x._partials.ToDenseArray());
            Matrix<double> symmetric = a + a.Transpose();
            Matrix<double> curvature = p.TransposeThisAndMultiply(symmetric * p);
            AddTo(hessian, curvature.AsColumnMajorArray() ?? curvature.ToColumnMajorArray());
        }

        return new DualScalar(value, gradient, hessian);
    }

    /// <summary>Squared Euclidean norm y = ‖x‖² = x·x: ∇y = 2Pₓᵀx (the textbook's ∇‖x‖² = 2x for a seeded variable).</summary>
    /// <param name="x">The dual vector.</param>
    /// <returns>‖x‖².</returns>
    public static DualScalar SquaredNorm(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.Count;
        int k = x.PartialCount;
        double value = TensorPrimitives.Dot(x.ValueSpan, x.ValueSpan);
        double[] gradient = x._partials.TransposeTimes(x.ValueSpan);
        TensorPrimitives.Multiply(gradient, 2.0, gradient);
        double[]? hessian = null;
        if (x.TracksSecondOrder)
        {
            hessian = new double[k * k];
            AddTo(hessian, x.SecondTransposeTimes(x.ValueSpan));
            TensorPrimitives.Multiply(hessian, 2.0, hessian);
            double[] p = x._partials.ToDenseArray();
            Kernels.AddSymmetricRowOuter(p, p, n, k, default, hessian);
        }

        return new DualScalar(value, gradient, hessian);
    }

    /// <summary>Sum of the entries: ∇y = Pₓᵀ1 (column sums of the partials).</summary>
    /// <param name="x">The dual vector.</param>
    /// <returns>Σᵢ xᵢ.</returns>
    public static DualScalar Sum(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var ones = new double[x.Count];
        Array.Fill(ones, 1.0);
        return new DualScalar(TensorPrimitives.Sum(x.ValueSpan), x._partials.TransposeTimes(ones), x.SecondTransposeTimes(ones));
    }

    /// <summary>
    /// log Σᵢ exp xᵢ computed stably as m + log Σᵢ exp(xᵢ − m) with m the largest finite value (its derivative is
    /// the softmax); an empty vector gives −∞ with zero partials.
    /// </summary>
    /// <param name="x">The dual vector.</param>
    /// <returns>The log-sum-exp.</returns>
    public static DualScalar LogSumExp(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double shift = x.Count == 0 ? 0.0 : TensorPrimitives.Max(x.ValueSpan);
        if (!double.IsFinite(shift))
        {
            shift = 0.0;
        }

        return DualScalar.Log(Sum(Exp(x - shift))) + shift;
    }

    /// <summary>
    /// Softmax sᵢ = exp(xᵢ − LSE(x)), stable for large entries; its partials are diag(s)(Pₓ − 1·∇LSEᵀ).
    /// </summary>
    /// <param name="x">The dual vector.</param>
    /// <returns>The softmax, entries in [0, 1] summing to 1.</returns>
    public static DualVector Softmax(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);

        // Values as exp(xᵢ − m) / Σⱼ exp(xⱼ − m), which is correctly rounded up to a few ulps, rather than
        // exp(xᵢ − LSE), whose argument carries the absolute rounding error of LSE ≈ m. The partials follow the
        // composition exp(x − LSE(x)) with those values as local derivatives.
        double shift = x.Count == 0 ? 0.0 : TensorPrimitives.Max(x.ValueSpan);
        if (!double.IsFinite(shift))
        {
            shift = 0.0;
        }

        double[] softmax = new double[x.Count];
        TensorPrimitives.Subtract(x.ValueSpan, shift, softmax);
        TensorPrimitives.Exp(softmax, softmax);
        TensorPrimitives.Divide(softmax, TensorPrimitives.Sum(softmax), softmax);
        return (x - LogSumExp(x)).Chain(softmax, softmax, softmax);
    }

    /// <summary>Σᵢ wᵢ∇²xᵢ as a k×k column-major array, or null when no second order is tracked.</summary>
    internal double[]? SecondTransposeTimes(ReadOnlySpan<double> w)
    {
        if (!TracksSecondOrder)
        {
            return null;
        }

        int k = PartialCount;
        var result = new double[k * k];
        if (_second is not null)
        {
            Kernels.TransposeTimes(_second, w, result);
        }

        return result;
    }

    private static void AddTo(Span<double> destination, ReadOnlySpan<double> source)
    {
        if (!source.IsEmpty)
        {
            TensorPrimitives.Add(destination, source, destination);
        }
    }
}

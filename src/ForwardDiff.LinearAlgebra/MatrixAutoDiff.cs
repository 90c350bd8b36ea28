using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra;

/// <summary>
/// Entry points for functions written on <see cref="DualVector"/>, <see cref="DualMatrix"/> and
/// <see cref="DualScalar"/>: gradients, Jacobians and Hessians returned as MathNet types.
/// </summary>
/// <remarks>
/// <para><b>Layout convention.</b> <see cref="Jacobian"/> returns the usual rows-are-outputs Jacobian
/// J[i, j] = ∂yᵢ/∂xⱼ (m×n for y of length m and x of length n), so for y = Ax it returns A.
/// The textbook writes gradients of vector functions in the transposed (denominator) layout,
/// ∇ₓ(Ax) = Aᵀ and ∇ₓ(xᵀA) = A; <see cref="GradientMatrix"/> returns that layout, n×m, = Jᵀ, and the
/// multivariable chain rule reads ∇ₓy = (∇ₓu)·∇ᵤy in it.</para>
/// <para>All work on matrices goes through MathNet's active linear-algebra provider (managed or native).</para>
/// </remarks>
public static class MatrixAutoDiff
{
    /// <summary>The gradient ∇f(x) (length n) of a scalar function of a vector.</summary>
    /// <param name="f">The function, written on dual types.</param>
    /// <param name="x">The point.</param>
    /// <returns>∂f/∂xⱼ for j = 0..n−1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> or <paramref name="x"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="f"/> returned null or a value seeded for other variables.</exception>
    public static Vector<double> Gradient(Func<DualVector, DualScalar> f, Vector<double> x) => ValueAndGradient(f, x).Gradient;

    /// <summary>f(x) and ∇f(x) from one forward sweep.</summary>
    /// <param name="f">The function, written on dual types.</param>
    /// <param name="x">The point.</param>
    /// <returns>The value and the gradient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> or <paramref name="x"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="f"/> returned null or a value seeded for other variables.</exception>
    public static (double Value, Vector<double> Gradient) ValueAndGradient(Func<DualVector, DualScalar> f, Vector<double> x)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        DualScalar y = Check(f(DualVector.Variable(x)), x.Count);
        return (y.Value, y.Gradient);
    }

    /// <summary>The Hessian ∇²f(x) (n×n) of a scalar function of a vector, by forward-over-forward propagation of second partials.</summary>
    /// <param name="f">The function, written on dual types.</param>
    /// <param name="x">The point.</param>
    /// <returns>H[i, j] = ∂²f/∂xᵢ∂xⱼ.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> or <paramref name="x"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="f"/> returned null or a value seeded for other variables.</exception>
    public static Matrix<double> Hessian(Func<DualVector, DualScalar> f, Vector<double> x) => ValueGradientHessian(f, x).Hessian;

    /// <summary>f(x), ∇f(x) and ∇²f(x) from one sweep.</summary>
    /// <param name="f">The function, written on dual types.</param>
    /// <param name="x">The point.</param>
    /// <returns>The value, the gradient and the Hessian.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> or <paramref name="x"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="f"/> returned null or a value seeded for other variables.</exception>
    public static (double Value, Vector<double> Gradient, Matrix<double> Hessian) ValueGradientHessian(Func<DualVector, DualScalar> f, Vector<double> x)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        DualScalar y = Check(f(DualVector.SecondOrderVariable(x)), x.Count);
        if (!y.TracksSecondOrder)
        {
            // The result does not depend on the seeded variable at all (f returned a fresh constant).
            return (y.Value, y.Gradient, Matrix<double>.Build.Dense(x.Count, x.Count));
        }

        return (y.Value, y.Gradient, y.Hessian);
    }

    /// <summary>
    /// The Jacobian in the rows-are-outputs layout, J[i, j] = ∂yᵢ/∂xⱼ (m×n): for y = Ax it is A. This is the
    /// transpose of the textbook's ∇ₓy (see <see cref="GradientMatrix"/>).
    /// </summary>
    /// <param name="f">The function, written on dual types.</param>
    /// <param name="x">The point.</param>
    /// <returns>The m×n Jacobian.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> or <paramref name="x"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="f"/> returned null or a value seeded for other variables.</exception>
    public static Matrix<double> Jacobian(Func<DualVector, DualVector> f, Vector<double> x) => ValueAndJacobian(f, x).Jacobian;

    /// <summary>y = f(x) and its rows-are-outputs Jacobian from one sweep.</summary>
    /// <param name="f">The function, written on dual types.</param>
    /// <param name="x">The point.</param>
    /// <returns>The value and the m×n Jacobian.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> or <paramref name="x"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="f"/> returned null or a value seeded for other variables.</exception>
    public static (Vector<double> Value, Matrix<double> Jacobian) ValueAndJacobian(Func<DualVector, DualVector> f, Vector<double> x)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        DualVector y = f(DualVector.Variable(x)) ?? throw new InvalidOperationException("The function returned null.");
        if (y.PartialCount != x.Count)
        {
            throw new InvalidOperationException(
                $"The function returned a dual vector with {y.PartialCount} partials, but {x.Count} variables were seeded: it must be computed from its argument.");
        }

        return (Vector<double>.Build.DenseOfVector(y.Value), y.ToPartialsMatrix());
    }

    /// <summary>
    /// The textbook's gradient of a vector function, ∇ₓy (n×m, column j is ∇ₓyⱼ): the transpose of
    /// <see cref="Jacobian"/>. For y = Ax it is Aᵀ, and for y = (xᵀA)ᵀ it is A.
    /// </summary>
    /// <param name="f">The function, written on dual types.</param>
    /// <param name="x">The point.</param>
    /// <returns>The n×m matrix ∂yⱼ/∂xᵢ.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> or <paramref name="x"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="f"/> returned null or a value seeded for other variables.</exception>
    public static Matrix<double> GradientMatrix(Func<DualVector, DualVector> f, Vector<double> x) => Jacobian(f, x).Transpose();

    /// <summary>The gradient ∇_X f (m×p, G[i, j] = ∂f/∂Xᵢⱼ) of a scalar function of a matrix.</summary>
    /// <param name="f">The function, written on dual types.</param>
    /// <param name="x">The point.</param>
    /// <returns>∇_X f, the same shape as X.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> or <paramref name="x"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="f"/> returned null or a value seeded for other variables.</exception>
    public static Matrix<double> Gradient(Func<DualMatrix, DualScalar> f, Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        DualScalar y = Check(f(DualMatrix.Variable(x)), x.RowCount * x.ColumnCount);
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, y.GradientSpan.ToArray());
    }

    /// <summary>
    /// The Hessian of a scalar function of a matrix with respect to vec(X) (column-major entries, index i + j·m):
    /// an (m·p)×(m·p) matrix.
    /// </summary>
    /// <param name="f">The function, written on dual types.</param>
    /// <param name="x">The point.</param>
    /// <returns>∂²f/∂vec(X)ₐ∂vec(X)_b.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> or <paramref name="x"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="f"/> returned null or a value seeded for other variables.</exception>
    public static Matrix<double> Hessian(Func<DualMatrix, DualScalar> f, Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        int n = x.RowCount * x.ColumnCount;
        DualScalar y = Check(f(DualMatrix.SecondOrderVariable(x)), n);
        return y.TracksSecondOrder ? y.Hessian : Matrix<double>.Build.Dense(n, n);
    }

    private static DualScalar Check(DualScalar? y, int n)
    {
        if (y is null)
        {
            throw new InvalidOperationException("The function returned null.");
        }

        if (y.PartialCount != n)
        {
            throw new InvalidOperationException(
                $"The function returned a dual scalar with {y.PartialCount} partials, but {n} variables were seeded: it must be computed from its argument.");
        }

        return y;
    }
}

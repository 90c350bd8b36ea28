using System.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace ForwardDiff.Native;

// Double-precision members served by the native library. Each one validates its arrays against the
// sizes it is given (the C side trusts them), pins, calls, and maps the status code.
public sealed unsafe partial class NativeLinearAlgebraProvider
{
    private const int NoTranspose = 111;
    private const int DoTranspose = 112;

    //
    // BLAS level 1
    //

    /// <summary>Computes <c>result = y + alpha * x</c> (BLAS axpy); <paramref name="result"/> may be <paramref name="x"/> or <paramref name="y"/>.</summary>
    /// <param name="y">The vector added.</param>
    /// <param name="alpha">The scale of <paramref name="x"/>; 0 copies <paramref name="y"/> (as MathNet's managed provider does).</param>
    /// <param name="x">The vector scaled.</param>
    /// <param name="result">Receives the sum; same length as <paramref name="x"/> and <paramref name="y"/>.</param>
    public void AddVectorToScaledVector(double[] y, double alpha, double[] x, double[] result)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(result);
        SameLength(y, nameof(y), x, nameof(x));
        SameLength(y, nameof(y), result, nameof(result));
        if (alpha == 0.0)
        {
            y.AsSpan().CopyTo(result);
            return;
        }

        fixed (double* py = y, px = x, pr = result)
        {
            if (ReferenceEquals(result, y))
            {
                _native.Daxpy(y.Length, alpha, px, pr);
            }
            else if (ReferenceEquals(result, x))
            {
                _native.Dscal(x.Length, alpha, pr);
                _native.Daxpy(x.Length, 1.0, py, pr);
            }
            else
            {
                y.AsSpan().CopyTo(result);
                _native.Daxpy(y.Length, alpha, px, pr);
            }
        }
    }

    /// <summary>Computes <c>result = alpha * x</c> (BLAS scal); alpha = 0 clears, as MathNet's managed provider does.</summary>
    /// <param name="alpha">The scale.</param>
    /// <param name="x">The values.</param>
    /// <param name="result">Receives the scaled values; same length as <paramref name="x"/>, may be <paramref name="x"/>.</param>
    public void ScaleArray(double alpha, double[] x, double[] result)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(result);
        SameLength(x, nameof(x), result, nameof(result));
        if (alpha == 0.0)
        {
            Array.Clear(result);
            return;
        }

        if (!ReferenceEquals(x, result))
        {
            x.AsSpan().CopyTo(result);
        }

        if (alpha != 1.0)
        {
            fixed (double* pr = result)
            {
                _native.Dscal(result.Length, alpha, pr);
            }
        }
    }

    /// <summary>Returns the dot product <c>sum x[i] y[i]</c> (BLAS dot).</summary>
    /// <param name="x">The first vector.</param>
    /// <param name="y">The second vector, same length.</param>
    /// <returns>The dot product.</returns>
    public double DotProduct(double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        SameLength(x, nameof(x), y, nameof(y));
        fixed (double* px = x, py = y)
        {
            return _native.Ddot(x.Length, px, py);
        }
    }

    //
    // BLAS level 3
    //

    /// <summary>Computes <c>result = x * y</c> (column-major, BLAS gemm).</summary>
    /// <param name="x">The rowsX × columnsX left matrix.</param>
    /// <param name="rowsX">Rows of <paramref name="x"/>.</param>
    /// <param name="columnsX">Columns of <paramref name="x"/>; must equal <paramref name="rowsY"/>.</param>
    /// <param name="y">The rowsY × columnsY right matrix.</param>
    /// <param name="rowsY">Rows of <paramref name="y"/>.</param>
    /// <param name="columnsY">Columns of <paramref name="y"/>.</param>
    /// <param name="result">Receives the rowsX × columnsY product.</param>
    public void MatrixMultiply(double[] x, int rowsX, int columnsX, double[] y, int rowsY, int columnsY, double[] result) =>
        MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 1.0, x, rowsX, columnsX, y, rowsY, columnsY, 0.0, result);

    /// <summary>Computes <c>c = alpha * op(a) * op(b) + beta * c</c> (column-major, BLAS gemm); beta = 0 ignores the old <paramref name="c"/>.</summary>
    /// <param name="transposeA">Whether to transpose <paramref name="a"/> (conjugate transpose is transpose for real data).</param>
    /// <param name="transposeB">Whether to transpose <paramref name="b"/>.</param>
    /// <param name="alpha">The scale of the product.</param>
    /// <param name="a">The stored rowsA × columnsA matrix.</param>
    /// <param name="rowsA">Rows of <paramref name="a"/> as stored.</param>
    /// <param name="columnsA">Columns of <paramref name="a"/> as stored.</param>
    /// <param name="b">The stored rowsB × columnsB matrix.</param>
    /// <param name="rowsB">Rows of <paramref name="b"/> as stored.</param>
    /// <param name="columnsB">Columns of <paramref name="b"/> as stored.</param>
    /// <param name="beta">The scale of the old <paramref name="c"/>.</param>
    /// <param name="c">The rows(op(a)) × columns(op(b)) matrix updated in place.</param>
    public void MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, double alpha, double[] a, int rowsA, int columnsA, double[] b, int rowsB, int columnsB, double beta, double[] c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        Shape(a, nameof(a), rowsA, columnsA);
        Shape(b, nameof(b), rowsB, columnsB);
        var ta = transposeA == Transpose.DontTranspose ? NoTranspose : DoTranspose;
        var tb = transposeB == Transpose.DontTranspose ? NoTranspose : DoTranspose;
        var m = ta == NoTranspose ? rowsA : columnsA;
        var k = ta == NoTranspose ? columnsA : rowsA;
        var kb = tb == NoTranspose ? rowsB : columnsB;
        var n = tb == NoTranspose ? columnsB : rowsB;
        if (k != kb)
        {
            throw new ArgumentException($"Inner dimensions differ: op(a) is {m}×{k}, op(b) is {kb}×{n}.");
        }

        Shape(c, nameof(c), m, n);
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (double* pa = a, pb = b, pc = c)
        {
            Check(_native.Dgemm(ta, tb, m, n, k, alpha, pa, Math.Max(1, rowsA), pb, Math.Max(1, rowsB), beta, pc, Math.Max(1, m)), "dgemm");
        }
    }

    //
    // LU
    //

    /// <summary>Factors the square matrix in place as P A = L U (LAPACK getrf); pivots are 0-based.</summary>
    /// <param name="data">The order × order matrix; receives L (unit diagonal, below) and U (on and above the diagonal).</param>
    /// <param name="order">The order.</param>
    /// <param name="ipiv">Receives the pivots: row i was swapped with row ipiv[i].</param>
    public void LUFactor(double[] data, int order, int[] ipiv)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(ipiv);
        Shape(data, nameof(data), order, order);
        Length(ipiv, nameof(ipiv), order);
        fixed (double* pd = data)
        fixed (int* pp = ipiv)
        {
            // A positive status only says U has an exact zero on its diagonal: the factors are complete.
            CheckArguments(_native.LuFactor(order, pd, pp), "getrf");
        }
    }

    /// <summary>Replaces the square matrix by its inverse (LAPACK getrf + getri); an exactly singular matrix gives IEEE infinities/NaN, as MathNet's managed provider does.</summary>
    /// <param name="a">The order × order matrix.</param>
    /// <param name="order">The order.</param>
    public void LUInverse(double[] a, int order)
    {
        ArgumentNullException.ThrowIfNull(a);
        Shape(a, nameof(a), order, order);
        fixed (double* pa = a)
        {
            CheckArguments(_native.LuInverse(order, pa), "getri");
        }
    }

    /// <summary>Replaces LU factors (from <see cref="LUFactor(double[], int, int[])"/>) by the inverse of the factored matrix (LAPACK getri).</summary>
    /// <param name="a">The factors; receives the inverse.</param>
    /// <param name="order">The order.</param>
    /// <param name="ipiv">The 0-based pivots.</param>
    public void LUInverseFactored(double[] a, int order, int[] ipiv)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(ipiv);
        Shape(a, nameof(a), order, order);
        Pivots(ipiv, order);
        fixed (double* pa = a)
        fixed (int* pp = ipiv)
        {
            CheckArguments(_native.LuInverseFactored(order, pa, pp), "getri");
        }
    }

    /// <summary>Solves A X = B (LAPACK getrf + getrs); <paramref name="a"/> is left unchanged.</summary>
    /// <param name="columnsOfB">Columns of B.</param>
    /// <param name="a">The order × order matrix A.</param>
    /// <param name="order">The order.</param>
    /// <param name="b">B on entry, X on exit (order × columnsOfB).</param>
    public void LUSolve(int columnsOfB, double[] a, int order, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Shape(a, nameof(a), order, order);
        Shape(b, nameof(b), order, columnsOfB);
        Distinct(a, b);
        fixed (double* pa = a, pb = b)
        {
            CheckArguments(_native.LuSolve(order, columnsOfB, pa, pb), "getrs");
        }
    }

    /// <summary>Solves A X = B from LU factors (LAPACK getrs).</summary>
    /// <param name="columnsOfB">Columns of B.</param>
    /// <param name="a">The factors from <see cref="LUFactor(double[], int, int[])"/>.</param>
    /// <param name="order">The order.</param>
    /// <param name="ipiv">The 0-based pivots.</param>
    /// <param name="b">B on entry, X on exit.</param>
    public void LUSolveFactored(int columnsOfB, double[] a, int order, int[] ipiv, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(ipiv);
        ArgumentNullException.ThrowIfNull(b);
        Shape(a, nameof(a), order, order);
        Pivots(ipiv, order);
        Shape(b, nameof(b), order, columnsOfB);
        Distinct(a, b);
        fixed (double* pa = a, pb = b)
        fixed (int* pp = ipiv)
        {
            CheckArguments(_native.LuSolveFactored(order, columnsOfB, pa, pp, pb), "getrs");
        }
    }

    //
    // Cholesky
    //

    /// <summary>Replaces the symmetric positive-definite matrix by its lower Cholesky factor L (A = L Lᵀ; LAPACK potrf), upper triangle zeroed.</summary>
    /// <param name="a">The order × order matrix (lower triangle read).</param>
    /// <param name="order">The order.</param>
    /// <exception cref="ArgumentException">The matrix is not positive definite.</exception>
    public void CholeskyFactor(double[] a, int order)
    {
        ArgumentNullException.ThrowIfNull(a);
        Shape(a, nameof(a), order, order);
        fixed (double* pa = a)
        {
            NotPositiveDefinite(_native.CholeskyFactor(order, pa), "potrf");
        }
    }

    /// <summary>Solves A X = B for symmetric positive-definite A (LAPACK potrf + potrs); <paramref name="a"/> is left unchanged.</summary>
    /// <param name="a">The orderA × orderA matrix.</param>
    /// <param name="orderA">The order.</param>
    /// <param name="b">B on entry, X on exit.</param>
    /// <param name="columnsB">Columns of B.</param>
    /// <exception cref="ArgumentException">The matrix is not positive definite.</exception>
    public void CholeskySolve(double[] a, int orderA, double[] b, int columnsB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Shape(a, nameof(a), orderA, orderA);
        Shape(b, nameof(b), orderA, columnsB);
        Distinct(a, b);
        fixed (double* pa = a, pb = b)
        {
            NotPositiveDefinite(_native.CholeskySolve(orderA, columnsB, pa, pb), "potrs");
        }
    }

    /// <summary>Solves A X = B from the lower Cholesky factor (LAPACK potrs).</summary>
    /// <param name="a">The factor from <see cref="CholeskyFactor(double[], int)"/>.</param>
    /// <param name="orderA">The order.</param>
    /// <param name="b">B on entry, X on exit.</param>
    /// <param name="columnsB">Columns of B.</param>
    public void CholeskySolveFactored(double[] a, int orderA, double[] b, int columnsB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Shape(a, nameof(a), orderA, orderA);
        Shape(b, nameof(b), orderA, columnsB);
        Distinct(a, b);
        fixed (double* pa = a, pb = b)
        {
            CheckArguments(_native.CholeskySolveFactored(orderA, columnsB, pa, pb), "potrs");
        }
    }

    //
    // QR
    //

    /// <summary>Full QR factorisation A = Q R (LAPACK geqrf + orgqr).</summary>
    /// <param name="a">The rowsA × columnsA matrix; receives R (zero below the diagonal).</param>
    /// <param name="rowsA">Rows.</param>
    /// <param name="columnsA">Columns.</param>
    /// <param name="q">Receives the rowsA × rowsA orthogonal Q.</param>
    /// <param name="tau">Receives the min(rows, columns) Householder scalars (LAPACK's, not the managed provider's).</param>
    public void QRFactor(double[] a, int rowsA, int columnsA, double[] q, double[] tau)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(tau);
        Shape(a, nameof(a), rowsA, columnsA);
        Shape(q, nameof(q), rowsA, rowsA);
        AtLeast(tau, nameof(tau), Math.Min(rowsA, columnsA));
        fixed (double* pa = a, pq = q, pt = tau)
        {
            Check(_native.QrFactorFull(rowsA, columnsA, pa, pq, pt), "geqrf/orgqr");
        }
    }

    /// <summary>Thin QR factorisation A = Q₁ R₁ (LAPACK geqrf + orgqr); needs rowsA ≥ columnsA, otherwise MathNet's managed code runs.</summary>
    /// <param name="a">The rowsA × columnsA matrix; receives the rowsA × columnsA Q₁.</param>
    /// <param name="rowsA">Rows.</param>
    /// <param name="columnsA">Columns.</param>
    /// <param name="r">Receives the columnsA × columnsA upper-triangular R₁.</param>
    /// <param name="tau">Receives the Householder scalars.</param>
    public void ThinQRFactor(double[] a, int rowsA, int columnsA, double[] r, double[] tau)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(tau);
        Shape(a, nameof(a), rowsA, columnsA);
        Shape(r, nameof(r), columnsA, columnsA);
        AtLeast(tau, nameof(tau), Math.Min(rowsA, columnsA));
        if (rowsA < columnsA)
        {
            Managed.ThinQRFactor(a, rowsA, columnsA, r, tau);
            return;
        }

        fixed (double* pa = a, pr = r, pt = tau)
        {
            Check(_native.QrFactorThin(rowsA, columnsA, pa, pr, pt), "geqrf/orgqr");
        }
    }

    /// <summary>Least-squares solution of A X ≈ B for full-rank A with rows ≥ columns (LAPACK gels); both methods give the same X.</summary>
    /// <param name="a">The rows × columns matrix (unchanged).</param>
    /// <param name="rows">Rows of A.</param>
    /// <param name="columns">Columns of A.</param>
    /// <param name="b">The rows × columnsB right-hand side (unchanged).</param>
    /// <param name="columnsB">Columns of B.</param>
    /// <param name="x">Receives the columns × columnsB solution.</param>
    /// <param name="method">Full or thin (no effect on X).</param>
    public void QRSolve(double[] a, int rows, int columns, double[] b, int columnsB, double[] x, QRMethod method = QRMethod.Full)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(x);
        Shape(a, nameof(a), rows, columns);
        Shape(b, nameof(b), rows, columnsB);
        Shape(x, nameof(x), columns, columnsB);
        RowsAtLeastColumns(rows, columns);
        fixed (double* pa = a, pb = b, px = x)
        {
            // gels reports i > 0 when R(i, i) is exactly zero: A is rank deficient.
            var info = _native.QrSolve(rows, columns, columnsB, pa, pb, px);
            if (info > 0)
            {
                throw new ArgumentException($"The {rows}×{columns} matrix is rank deficient (R[{info - 1},{info - 1}] = 0): no unique least-squares solution.", nameof(a));
            }

            Check(info, "gels");
        }
    }

    /// <summary>Solves A X ≈ B from explicit factors Q and R: X = R₁⁻¹ Q₁ᵀ B (BLAS gemm + trsm).</summary>
    /// <param name="q">Q: rowsA × rowsA (full) or rowsA × columnsA (thin).</param>
    /// <param name="r">R: rowsA × columnsA (full) or columnsA × columnsA (thin).</param>
    /// <param name="rowsA">Rows of A.</param>
    /// <param name="columnsA">Columns of A.</param>
    /// <param name="tau">The Householder scalars (not needed: Q is explicit).</param>
    /// <param name="b">The rowsA × columnsB right-hand side.</param>
    /// <param name="columnsB">Columns of B.</param>
    /// <param name="x">Receives the columnsA × columnsB solution.</param>
    /// <param name="method">Which factorisation <paramref name="q"/> and <paramref name="r"/> come from.</param>
    public void QRSolveFactored(double[] q, double[] r, int rowsA, int columnsA, double[] tau, double[] b, int columnsB, double[] x, QRMethod method = QRMethod.Full)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(x);
        RowsAtLeastColumns(rowsA, columnsA);
        var thin = method == QRMethod.Thin;
        var qColumns = thin ? columnsA : rowsA;
        var rRows = thin ? columnsA : rowsA;
        Shape(q, nameof(q), rowsA, qColumns);
        Shape(r, nameof(r), rRows, columnsA);
        Shape(b, nameof(b), rowsA, columnsB);
        Shape(x, nameof(x), columnsA, columnsB);
        fixed (double* pq = q, pr = r, pb = b, px = x)
        {
            Check(_native.QrSolveFactored(rowsA, columnsA, columnsB, pq, qColumns, pr, Math.Max(1, rRows), pb, px), "trsm");
        }
    }

    //
    // SVD
    //

    /// <summary>Singular value decomposition A = U Σ Vᵀ (LAPACK gesdd, falling back to gesvd if it does not converge); <paramref name="a"/> is left unchanged.</summary>
    /// <param name="computeVectors">Whether to compute U and Vᵀ.</param>
    /// <param name="a">The rowsA × columnsA matrix.</param>
    /// <param name="rowsA">Rows.</param>
    /// <param name="columnsA">Columns.</param>
    /// <param name="s">Receives the min(rows, columns) singular values, descending.</param>
    /// <param name="u">Receives the rowsA × rowsA U (when vectors are computed).</param>
    /// <param name="vt">Receives the columnsA × columnsA Vᵀ (when vectors are computed).</param>
    /// <exception cref="NonConvergenceException">Neither algorithm converged.</exception>
    public void SingularValueDecomposition(bool computeVectors, double[] a, int rowsA, int columnsA, double[] s, double[] u, double[] vt)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(s);
        Shape(a, nameof(a), rowsA, columnsA);
        AtLeast(s, nameof(s), Math.Min(rowsA, columnsA));
        if (computeVectors)
        {
            ArgumentNullException.ThrowIfNull(u);
            ArgumentNullException.ThrowIfNull(vt);
            Shape(u, nameof(u), rowsA, rowsA);
            Shape(vt, nameof(vt), columnsA, columnsA);
        }

        fixed (double* pa = a, ps = s, pu = u, pv = vt)
        {
            Converged(_native.Svd(computeVectors ? 1 : 0, rowsA, columnsA, pa, ps, pu, pv), "gesdd/gesvd");
        }
    }

    /// <summary>Solves A X ≈ B through the SVD: X = V Σ⁻¹ Uᵀ B over all min(rows, columns) singular values (no cut-off, as MathNet's managed provider).</summary>
    /// <param name="a">The rowsA × columnsA matrix (unchanged).</param>
    /// <param name="rowsA">Rows.</param>
    /// <param name="columnsA">Columns.</param>
    /// <param name="b">The rowsA × columnsB right-hand side.</param>
    /// <param name="columnsB">Columns of B.</param>
    /// <param name="x">Receives the columnsA × columnsB solution.</param>
    /// <exception cref="NonConvergenceException">The SVD did not converge.</exception>
    public void SvdSolve(double[] a, int rowsA, int columnsA, double[] b, int columnsB, double[] x)
    {
        ArgumentNullException.ThrowIfNull(a);
        Shape(a, nameof(a), rowsA, columnsA);
        var s = new double[Math.Min(rowsA, columnsA)];
        var u = new double[(long)rowsA * rowsA];
        var vt = new double[(long)columnsA * columnsA];
        SingularValueDecomposition(true, a, rowsA, columnsA, s, u, vt);
        SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);
    }

    /// <summary>Solves A X ≈ B from an SVD: X = V Σ⁻¹ Uᵀ B (two BLAS gemm).</summary>
    /// <param name="rowsA">Rows of A.</param>
    /// <param name="columnsA">Columns of A.</param>
    /// <param name="s">The singular values.</param>
    /// <param name="u">The rowsA × rowsA U.</param>
    /// <param name="vt">The columnsA × columnsA Vᵀ.</param>
    /// <param name="b">The rowsA × columnsB right-hand side.</param>
    /// <param name="columnsB">Columns of B.</param>
    /// <param name="x">Receives the columnsA × columnsB solution.</param>
    public void SvdSolveFactored(int rowsA, int columnsA, double[] s, double[] u, double[] vt, double[] b, int columnsB, double[] x)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(vt);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(x);
        AtLeast(s, nameof(s), Math.Min(rowsA, columnsA));
        Shape(u, nameof(u), rowsA, rowsA);
        Shape(vt, nameof(vt), columnsA, columnsA);
        Shape(b, nameof(b), rowsA, columnsB);
        Shape(x, nameof(x), columnsA, columnsB);
        fixed (double* ps = s, pu = u, pv = vt, pb = b, px = x)
        {
            Check(_native.SvdSolveFactored(rowsA, columnsA, columnsB, ps, pu, pv, pb, px), "svd solve");
        }
    }

    //
    // Eigenvalues
    //

    /// <summary>
    /// Eigen-decomposition A V = V D. Symmetric: LAPACK syevd (eigenvalues ascending, orthonormal
    /// eigenvectors, D diagonal). Non-symmetric: MathNet's managed code (D block diagonal with 2 × 2
    /// blocks for complex pairs).
    /// </summary>
    /// <param name="isSymmetric">Whether A is symmetric (only its lower triangle is then read).</param>
    /// <param name="order">The order.</param>
    /// <param name="matrix">The order × order matrix A (unchanged).</param>
    /// <param name="matrixEv">Receives the eigenvectors as columns.</param>
    /// <param name="vectorEv">Receives the eigenvalues.</param>
    /// <param name="matrixD">Receives the order × order D.</param>
    /// <exception cref="NonConvergenceException">The symmetric solver did not converge.</exception>
    public void EigenDecomp(bool isSymmetric, int order, double[] matrix, double[] matrixEv, Complex[] vectorEv, double[] matrixD)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(matrixEv);
        ArgumentNullException.ThrowIfNull(vectorEv);
        ArgumentNullException.ThrowIfNull(matrixD);
        if (!isSymmetric)
        {
            Managed.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
            return;
        }

        Shape(matrix, nameof(matrix), order, order);
        Shape(matrixEv, nameof(matrixEv), order, order);
        Shape(matrixD, nameof(matrixD), order, order);
        if (vectorEv.Length != order)
        {
            throw new ArgumentException($"vectorEv has length {vectorEv.Length}, expected {order}.", nameof(vectorEv));
        }

        var w = new double[order];
        fixed (double* pa = matrix, pv = matrixEv, pw = w)
        {
            Converged(_native.SymEigen(order, pa, pw, pv), "syevd");
        }

        Array.Clear(matrixD);
        for (var i = 0; i < order; i++)
        {
            vectorEv[i] = new Complex(w[i], 0.0);
            matrixD[(i * order) + i] = w[i];
        }
    }

    //
    // Validation and status codes
    //

    private static void Shape(double[] array, string name, int rows, int columns)
    {
        if (rows < 0 || columns < 0)
        {
            throw new ArgumentException($"{name}: negative dimensions {rows}×{columns}.", name);
        }

        if (array.Length != (long)rows * columns)
        {
            throw new ArgumentException($"{name} has length {array.Length}, but {rows}×{columns} needs {(long)rows * columns}.", name);
        }
    }

    private static void Length(int[] array, string name, int length)
    {
        if (array.Length != length)
        {
            throw new ArgumentException($"{name} has length {array.Length}, expected {length}.", name);
        }
    }

    private static void AtLeast(double[] array, string name, int length)
    {
        if (array.Length < length)
        {
            throw new ArgumentException($"{name} has length {array.Length}, needs at least {length}.", name);
        }
    }

    private static void Pivots(int[] ipiv, int order)
    {
        Length(ipiv, nameof(ipiv), order);
        for (var i = 0; i < ipiv.Length; i++)
        {
            if ((uint)ipiv[i] >= (uint)order)
            {
                throw new ArgumentException($"ipiv[{i}] = {ipiv[i]} is not a row index of a matrix of order {order}.", nameof(ipiv));
            }
        }
    }

    private static void SameLength(double[] x, string xName, double[] y, string yName)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"{xName} has length {x.Length} but {yName} has length {y.Length}: they must be equal.");
        }
    }

    private static void Distinct(double[] a, double[] b)
    {
        if (ReferenceEquals(a, b))
        {
            throw new ArgumentException("The matrix and the right-hand side must be different arrays.");
        }
    }

    private static void RowsAtLeastColumns(int rows, int columns)
    {
        if (rows < columns)
        {
            throw new ArgumentException($"A QR least-squares solve needs rows ≥ columns, got a {rows}×{columns} matrix.");
        }
    }

    private static void CheckArguments(int status, string routine)
    {
        if (status < 0)
        {
            Check(status, routine);
        }
    }

    private static void NotPositiveDefinite(int status, string routine)
    {
        if (status > 0)
        {
            throw new ArgumentException($"Matrix must be positive definite (the leading minor of order {status} is not).");
        }

        Check(status, routine);
    }

    private static void Converged(int status, string routine)
    {
        if (status > 0)
        {
            throw new NonConvergenceException($"{routine} did not converge ({status} off-diagonal elements did not converge to zero).");
        }

        Check(status, routine);
    }

    private static void Check(int status, string routine)
    {
        switch (status)
        {
            case 0:
                return;
            case NativeBackendStatus.AllocationError:
                throw new OutOfMemoryException($"The native {routine} could not allocate its workspace.");
            case < 0:
                throw new InvalidOperationException($"The native {routine} rejected argument {-status}; this is a bug in ForwardDiff.Native's validation.");
            default:
                throw new InvalidOperationException($"The native {routine} failed with status {status}.");
        }
    }

    private static class NativeBackendStatus
    {
        internal const int AllocationError = Interop.NativeBackend.AllocationError;
    }
}

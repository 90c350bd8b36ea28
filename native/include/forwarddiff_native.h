/*
 * forwarddiff_native: a small, stable C ABI over a vendor BLAS/LAPACK (Intel MKL, OpenBLAS or the
 * reference implementation) for ForwardDiff.Native, the MathNet.Numerics provider.
 *
 * Conventions (every function):
 *   - matrices are column-major (Fortran/MathNet order) with the leading dimension given explicitly;
 *   - sizes are 32-bit ints (MathNet indexes arrays with int), the LP64 BLAS interface;
 *   - transposes use the CBLAS codes 111 (none) and 112 (transpose), which MathNet's Transpose enum
 *     shares; 113 (conjugate transpose) means transpose for real data;
 *   - functions that can fail return an int status: 0 success, < 0 an argument error (-i: argument i),
 *     > 0 a numerical failure reported by LAPACK (singular, not positive definite, no convergence),
 *     FDN_ERROR_ALLOCATION when a workspace could not be allocated.
 *
 * The caller checks array lengths before calling: the library trusts the sizes it is given.
 *
 * Handshake: a caller must check fdn_abi_revision() == FDN_ABI_REVISION before trusting any other
 * export, then fdn_capabilities() for the operations it needs. The revision changes whenever a
 * signature or a semantic of an existing export changes; new exports add capability bits instead.
 */
#ifndef FORWARDDIFF_NATIVE_H
#define FORWARDDIFF_NATIVE_H

#include <stdint.h>

#if defined(_WIN32)
#define FDN_EXPORT __declspec(dllexport)
#else
#define FDN_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define FDN_ABI_REVISION 1

#define FDN_ERROR_ALLOCATION (-1000)

/* Capability bits returned by fdn_capabilities(). */
#define FDN_CAP_BLAS1 (1u << 0)      /* fdn_ddot, fdn_daxpy, fdn_dscal */
#define FDN_CAP_BLAS2 (1u << 1)      /* fdn_dgemv */
#define FDN_CAP_BLAS3 (1u << 2)      /* fdn_dgemm */
#define FDN_CAP_LU (1u << 3)         /* fdn_lu_* */
#define FDN_CAP_CHOLESKY (1u << 4)   /* fdn_cholesky_* */
#define FDN_CAP_QR (1u << 5)         /* fdn_qr_* */
#define FDN_CAP_SVD (1u << 6)        /* fdn_svd_* */
#define FDN_CAP_SYM_EIGEN (1u << 7)  /* fdn_sym_eigen */
#define FDN_CAP_THREADS (1u << 8)    /* fdn_set_threads changes the vendor's thread count */

/* ---- handshake and description ---------------------------------------------------------------- */

/* The ABI revision this library implements (FDN_ABI_REVISION at build time). */
FDN_EXPORT int32_t fdn_abi_revision(void);
/* Bitwise OR of the FDN_CAP_* flags this build supports. */
FDN_EXPORT uint32_t fdn_capabilities(void);
/* The vendor the library was built against: "mkl", "openblas" or "reference". Static storage. */
FDN_EXPORT const char *fdn_vendor(void);
/* The vendor's own description of itself at run time (version, kernel, threading). Static storage. */
FDN_EXPORT const char *fdn_vendor_version(void);
/* Threads the vendor uses for level-3 BLAS and LAPACK (1 for the reference BLAS). */
FDN_EXPORT int32_t fdn_get_threads(void);
/* Sets the vendor's thread count (values < 1 mean 1); a no-op without FDN_CAP_THREADS. */
FDN_EXPORT void fdn_set_threads(int32_t threads);

/* ---- BLAS ----------------------------------------------------------------------------------- */

/* Returns sum x[i] y[i] (unit strides). */
FDN_EXPORT double fdn_ddot(int32_t n, const double *x, const double *y);
/* y := alpha x + y (unit strides). */
FDN_EXPORT void fdn_daxpy(int32_t n, double alpha, const double *x, double *y);
/* x := alpha x (unit stride). */
FDN_EXPORT void fdn_dscal(int32_t n, double alpha, double *x);
/* y := alpha op(A) x + beta y, A m x n with leading dimension lda. */
FDN_EXPORT int32_t fdn_dgemv(int32_t trans, int32_t m, int32_t n, double alpha, const double *a,
                             int32_t lda, const double *x, double beta, double *y);
/* C := alpha op(A) op(B) + beta C with op(A) m x k, op(B) k x n, C m x n. */
FDN_EXPORT int32_t fdn_dgemm(int32_t trans_a, int32_t trans_b, int32_t m, int32_t n, int32_t k,
                             double alpha, const double *a, int32_t lda, const double *b, int32_t ldb,
                             double beta, double *c, int32_t ldc);

/* ---- LU (square, order n; pivots are 0-based row indices, MathNet's convention) -------------- */

/* a := L\U in place (unit-diagonal L below, U on and above the diagonal); ipiv[n] 0-based.
 * Returns 0, or i > 0 when U(i-1, i-1) is exactly zero (the factors are still complete). */
FDN_EXPORT int32_t fdn_lu_factor(int32_t n, double *a, int32_t *ipiv);
/* a := inverse of the matrix whose factors fdn_lu_factor left in a (0-based ipiv). */
FDN_EXPORT int32_t fdn_lu_inverse_factored(int32_t n, double *a, const int32_t *ipiv);
/* a := inverse(a). */
FDN_EXPORT int32_t fdn_lu_inverse(int32_t n, double *a);
/* b := A^-1 b for factors from fdn_lu_factor; b is n x nrhs. */
FDN_EXPORT int32_t fdn_lu_solve_factored(int32_t n, int32_t nrhs, const double *lu, const int32_t *ipiv,
                                         double *b);
/* b := A^-1 b; a is left unchanged. */
FDN_EXPORT int32_t fdn_lu_solve(int32_t n, int32_t nrhs, const double *a, double *b);

/* ---- Cholesky (lower factor) ---------------------------------------------------------------- */

/* a := L with A = L L^T, strict upper triangle set to zero. Returns i > 0 when the leading minor
 * of order i is not positive definite. */
FDN_EXPORT int32_t fdn_cholesky_factor(int32_t n, double *a);
/* b := A^-1 b for the lower factor l from fdn_cholesky_factor. */
FDN_EXPORT int32_t fdn_cholesky_solve_factored(int32_t n, int32_t nrhs, const double *l, double *b);
/* b := A^-1 b; a is left unchanged. */
FDN_EXPORT int32_t fdn_cholesky_solve(int32_t n, int32_t nrhs, const double *a, double *b);

/* ---- QR (Householder) ----------------------------------------------------------------------- */

/* Full QR of the m x n matrix in r: r := R (m x n, zero below the diagonal), q := Q (m x m),
 * tau[min(m, n)] the Householder scalars. */
FDN_EXPORT int32_t fdn_qr_factor_full(int32_t m, int32_t n, double *r, double *q, double *tau);
/* Thin QR (m >= n) of the m x n matrix in a: a := Q (m x n), r := R (n x n), tau[n]. */
FDN_EXPORT int32_t fdn_qr_factor_thin(int32_t m, int32_t n, double *a, double *r, double *tau);
/* Least squares x (n x nrhs) minimising ||A x - b|| for full-rank A (m x n, m >= n), a and b unchanged. */
FDN_EXPORT int32_t fdn_qr_solve(int32_t m, int32_t n, int32_t nrhs, const double *a, const double *b,
                                double *x);
/* x := R1^-1 (Q1^T b) from explicit factors: q is m x qcols (qcols = m for a full, n for a thin
 * factorisation), r has leading dimension ldr (m full, n thin) and its top n x n block is R1. */
FDN_EXPORT int32_t fdn_qr_solve_factored(int32_t m, int32_t n, int32_t nrhs, const double *q, int32_t qcols,
                                         const double *r, int32_t ldr, const double *b, double *x);

/* ---- SVD ------------------------------------------------------------------------------------ */

/* A = U diag(s) VT for the m x n matrix a (a is left unchanged). s[min(m, n)] descending; with
 * vectors != 0, u is m x m and vt is n x n. Divide and conquer (gesdd) first; if it does not
 * converge, the QR iteration (gesvd). Returns > 0 when neither converges. A matrix with a NaN or an
 * infinity gives NaN in every output. */
FDN_EXPORT int32_t fdn_svd(int32_t vectors, int32_t m, int32_t n, const double *a, double *s, double *u,
                           double *vt);
/* x := V diag(1/s) U^T b over the min(m, n) singular triplets (b is m x nrhs, x is n x nrhs). */
FDN_EXPORT int32_t fdn_svd_solve_factored(int32_t m, int32_t n, int32_t nrhs, const double *s,
                                          const double *u, const double *vt, const double *b, double *x);

/* ---- symmetric eigenproblem ----------------------------------------------------------------- */

/* Eigenvalues w[n] ascending and orthonormal eigenvectors v (n x n, columns) of the symmetric
 * matrix a (only its lower triangle is read; a is left unchanged). Divide and conquer (syevd).
 * A matrix with a NaN or an infinity gives NaN in every output. */
FDN_EXPORT int32_t fdn_sym_eigen(int32_t n, const double *a, double *w, double *v);

#ifdef __cplusplus
}
#endif

#endif /* FORWARDDIFF_NATIVE_H */

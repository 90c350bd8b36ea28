/*
 * Thin wrappers over the vendor's CBLAS and LAPACKE (column-major, LP64) behind the stable ABI of
 * forwarddiff_native.h. What lives here rather than in C#: LAPACK workspace queries and
 * allocation, multi-call sequences that would otherwise cross the managed/native boundary several
 * times (factor + solve, geqrf + orgqr, gesdd with a gesvd fallback), the 0-/1-based pivot
 * translation, and the vendor-specific thread and version calls.
 *
 * LAPACKE's *_work entry points are used throughout: the high-level LAPACKE wrappers scan every
 * input for NaN and refuse it, whereas NaN must propagate as IEEE says.
 */
#include "forwarddiff_native.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#if defined(FDN_VENDOR_MKL)
#include <dlfcn.h>
#include <mkl.h>
#define FDN_VENDOR_NAME "mkl"
#elif defined(FDN_VENDOR_OPENBLAS)
#include <cblas.h>
#include <lapacke.h>
#define FDN_VENDOR_NAME "openblas"
#elif defined(FDN_VENDOR_REFERENCE)
#include <cblas.h>
#include <lapacke.h>
#define FDN_VENDOR_NAME "reference"
#else
#error "define one of FDN_VENDOR_MKL, FDN_VENDOR_OPENBLAS, FDN_VENDOR_REFERENCE"
#endif

#define FDN_COL LAPACK_COL_MAJOR

static int fdn_max(int a, int b) { return a > b ? a : b; }
static int fdn_min(int a, int b) { return a < b ? a : b; }

static CBLAS_TRANSPOSE fdn_trans(int32_t code) { return code == 111 ? CblasNoTrans : CblasTrans; }

/* ---- handshake and description ---------------------------------------------------------------- */

#if defined(FDN_VENDOR_MKL)
/* MKL's default threading layer (Intel OpenMP, libiomp5) is not part of Debian's libmkl-rt; the GNU
 * layer only needs libgomp, which GCC installs. libmkl_rt opens libmkl_gnu_thread.so itself, and
 * that library expects the OpenMP runtime among the process's global symbols, so libgomp is opened
 * RTLD_GLOBAL first. The choice must precede any other MKL call, so it runs when this library is
 * loaded; MKL_THREADING_LAYER in the environment still wins. If libgomp is absent, MKL runs
 * sequentially rather than failing. */
__attribute__((constructor)) static void fdn_mkl_init(void)
{
    if (getenv("MKL_THREADING_LAYER") == NULL) {
        if (dlopen("libgomp.so.1", RTLD_NOW | RTLD_GLOBAL) != NULL) {
            mkl_set_threading_layer(MKL_THREADING_GNU);
        } else {
            mkl_set_threading_layer(MKL_THREADING_SEQUENTIAL);
        }
    }
}
#endif

int32_t fdn_abi_revision(void) { return FDN_ABI_REVISION; }

uint32_t fdn_capabilities(void)
{
    uint32_t caps = FDN_CAP_BLAS1 | FDN_CAP_BLAS2 | FDN_CAP_BLAS3 | FDN_CAP_LU | FDN_CAP_CHOLESKY | FDN_CAP_QR |
                    FDN_CAP_SVD | FDN_CAP_SYM_EIGEN;
#if defined(FDN_VENDOR_MKL) || defined(FDN_VENDOR_OPENBLAS)
    caps |= FDN_CAP_THREADS;
#endif
    return caps;
}

const char *fdn_vendor(void) { return FDN_VENDOR_NAME; }

const char *fdn_vendor_version(void)
{
#if defined(FDN_VENDOR_MKL)
    static char version[256];
    if (version[0] == '\0') {
        mkl_get_version_string(version, (int)sizeof version);
    }
    return version;
#elif defined(FDN_VENDOR_OPENBLAS)
    static char version[256];
    if (version[0] == '\0') {
        const char *config = openblas_get_config();
        const char *core = openblas_get_corename();
        strncpy(version, config ? config : "OpenBLAS", sizeof version - 1);
        if (core != NULL && strlen(version) + strlen(core) + 8 < sizeof version) {
            strcat(version, " core=");
            strcat(version, core);
        }
    }
    return version;
#else
    return "reference BLAS/LAPACK (libblas.so.3, liblapack.so.3)";
#endif
}

int32_t fdn_get_threads(void)
{
#if defined(FDN_VENDOR_MKL)
    return mkl_get_max_threads();
#elif defined(FDN_VENDOR_OPENBLAS)
    return openblas_get_num_threads();
#else
    return 1;
#endif
}

void fdn_set_threads(int32_t threads)
{
    int n = threads < 1 ? 1 : threads;
#if defined(FDN_VENDOR_MKL)
    mkl_set_num_threads(n);
#elif defined(FDN_VENDOR_OPENBLAS)
    openblas_set_num_threads(n);
#else
    (void)n;
#endif
}

/* ---- BLAS ----------------------------------------------------------------------------------- */

double fdn_ddot(int32_t n, const double *x, const double *y) { return cblas_ddot(n, x, 1, y, 1); }

void fdn_daxpy(int32_t n, double alpha, const double *x, double *y) { cblas_daxpy(n, alpha, x, 1, y, 1); }

void fdn_dscal(int32_t n, double alpha, double *x) { cblas_dscal(n, alpha, x, 1); }

int32_t fdn_dgemv(int32_t trans, int32_t m, int32_t n, double alpha, const double *a, int32_t lda,
                  const double *x, double beta, double *y)
{
    if (m < 0) return -2;
    if (n < 0) return -3;
    if (lda < fdn_max(1, m)) return -6;
    cblas_dgemv(CblasColMajor, fdn_trans(trans), m, n, alpha, a, lda, x, 1, beta, y, 1);
    return 0;
}

int32_t fdn_dgemm(int32_t trans_a, int32_t trans_b, int32_t m, int32_t n, int32_t k, double alpha,
                  const double *a, int32_t lda, const double *b, int32_t ldb, double beta, double *c, int32_t ldc)
{
    if (m < 0) return -3;
    if (n < 0) return -4;
    if (k < 0) return -5;
    if (lda < fdn_max(1, trans_a == 111 ? m : k)) return -8;
    if (ldb < fdn_max(1, trans_b == 111 ? k : n)) return -10;
    if (ldc < fdn_max(1, m)) return -13;
    if (m == 0 || n == 0) return 0;
    cblas_dgemm(CblasColMajor, fdn_trans(trans_a), fdn_trans(trans_b), m, n, k, alpha, a, lda, b, ldb, beta, c,
                ldc);
    return 0;
}

/* ---- LU ------------------------------------------------------------------------------------- */

int32_t fdn_lu_factor(int32_t n, double *a, int32_t *ipiv)
{
    if (n < 0) return -1;
    if (n == 0) return 0;
    lapack_int info = LAPACKE_dgetrf_work(FDN_COL, n, n, a, n, ipiv);
    if (info < 0) return info;
    for (int i = 0; i < n; i++) {
        ipiv[i] -= 1; /* LAPACK counts rows from 1, MathNet from 0 */
    }
    return info;
}

/* getri refuses an exactly singular U; MathNet's managed provider then returns the IEEE result of
 * solving against the identity (infinities and NaNs), and so does this library. */
static int32_t fdn_lu_inverse_by_solve(int n, double *a, const lapack_int *ipiv1)
{
    double *inverse = (double *)calloc((size_t)n * (size_t)n, sizeof(double));
    if (inverse == NULL) return FDN_ERROR_ALLOCATION;
    for (int i = 0; i < n; i++) inverse[(size_t)i * n + i] = 1.0;
    lapack_int info = LAPACKE_dgetrs_work(FDN_COL, 'N', n, n, a, n, ipiv1, inverse, n);
    if (info == 0) memcpy(a, inverse, (size_t)n * (size_t)n * sizeof(double));
    free(inverse);
    return info;
}

static int32_t fdn_lu_inverse_pivots1(int n, double *a, const lapack_int *ipiv1)
{
    for (int i = 0; i < n; i++) {
        if (a[(size_t)i * n + i] == 0.0) return fdn_lu_inverse_by_solve(n, a, ipiv1);
    }
    double query = 0.0;
    lapack_int info = LAPACKE_dgetri_work(FDN_COL, n, a, n, ipiv1, &query, -1);
    if (info != 0) return info;
    lapack_int lwork = fdn_max(1, (int)query);
    double *work = (double *)malloc((size_t)lwork * sizeof(double));
    if (work == NULL) return FDN_ERROR_ALLOCATION;
    info = LAPACKE_dgetri_work(FDN_COL, n, a, n, ipiv1, work, lwork);
    free(work);
    return info;
}

static lapack_int *fdn_pivots_to_one_based(int n, const int32_t *ipiv)
{
    lapack_int *p = (lapack_int *)malloc((size_t)fdn_max(1, n) * sizeof(lapack_int));
    if (p != NULL) {
        for (int i = 0; i < n; i++) p[i] = ipiv[i] + 1;
    }
    return p;
}

int32_t fdn_lu_inverse_factored(int32_t n, double *a, const int32_t *ipiv)
{
    if (n < 0) return -1;
    if (n == 0) return 0;
    lapack_int *p = fdn_pivots_to_one_based(n, ipiv);
    if (p == NULL) return FDN_ERROR_ALLOCATION;
    int32_t info = fdn_lu_inverse_pivots1(n, a, p);
    free(p);
    return info;
}

int32_t fdn_lu_inverse(int32_t n, double *a)
{
    if (n < 0) return -1;
    if (n == 0) return 0;
    lapack_int *p = (lapack_int *)malloc((size_t)n * sizeof(lapack_int));
    if (p == NULL) return FDN_ERROR_ALLOCATION;
    lapack_int info = LAPACKE_dgetrf_work(FDN_COL, n, n, a, n, p);
    if (info >= 0) info = fdn_lu_inverse_pivots1(n, a, p);
    free(p);
    return info;
}

int32_t fdn_lu_solve_factored(int32_t n, int32_t nrhs, const double *lu, const int32_t *ipiv, double *b)
{
    if (n < 0) return -1;
    if (nrhs < 0) return -2;
    if (n == 0 || nrhs == 0) return 0;
    lapack_int *p = fdn_pivots_to_one_based(n, ipiv);
    if (p == NULL) return FDN_ERROR_ALLOCATION;
    lapack_int info = LAPACKE_dgetrs_work(FDN_COL, 'N', n, nrhs, lu, n, p, b, n);
    free(p);
    return info;
}

int32_t fdn_lu_solve(int32_t n, int32_t nrhs, const double *a, double *b)
{
    if (n < 0) return -1;
    if (nrhs < 0) return -2;
    if (n == 0 || nrhs == 0) return 0;
    double *lu = (double *)malloc((size_t)n * (size_t)n * sizeof(double));
    lapack_int *p = (lapack_int *)malloc((size_t)n * sizeof(lapack_int));
    lapack_int info = FDN_ERROR_ALLOCATION;
    if (lu != NULL && p != NULL) {
        memcpy(lu, a, (size_t)n * (size_t)n * sizeof(double));
        info = LAPACKE_dgetrf_work(FDN_COL, n, n, lu, n, p);
        /* A singular U still solves to the IEEE result (as MathNet's managed provider does). */
        if (info >= 0) info = LAPACKE_dgetrs_work(FDN_COL, 'N', n, nrhs, lu, n, p, b, n);
    }
    free(lu);
    free(p);
    return info;
}

/* ---- Cholesky ------------------------------------------------------------------------------- */

int32_t fdn_cholesky_factor(int32_t n, double *a)
{
    if (n < 0) return -1;
    if (n == 0) return 0;
    lapack_int info = LAPACKE_dpotrf_work(FDN_COL, 'L', n, a, n);
    if (info != 0) return info;
    for (int j = 1; j < n; j++) {
        memset(a + (size_t)j * n, 0, (size_t)j * sizeof(double));
    }
    return 0;
}

int32_t fdn_cholesky_solve_factored(int32_t n, int32_t nrhs, const double *l, double *b)
{
    if (n < 0) return -1;
    if (nrhs < 0) return -2;
    if (n == 0 || nrhs == 0) return 0;
    return LAPACKE_dpotrs_work(FDN_COL, 'L', n, nrhs, l, n, b, n);
}

int32_t fdn_cholesky_solve(int32_t n, int32_t nrhs, const double *a, double *b)
{
    if (n < 0) return -1;
    if (nrhs < 0) return -2;
    if (n == 0 || nrhs == 0) return 0;
    double *l = (double *)malloc((size_t)n * (size_t)n * sizeof(double));
    if (l == NULL) return FDN_ERROR_ALLOCATION;
    memcpy(l, a, (size_t)n * (size_t)n * sizeof(double));
    lapack_int info = LAPACKE_dpotrf_work(FDN_COL, 'L', n, l, n);
    if (info == 0) info = LAPACKE_dpotrs_work(FDN_COL, 'L', n, nrhs, l, n, b, n);
    free(l);
    return info;
}

/* ---- QR ------------------------------------------------------------------------------------- */

/* geqrf on a (m x n, leading dimension m) with its own workspace. */
static lapack_int fdn_geqrf(int m, int n, double *a, double *tau)
{
    double query = 0.0;
    lapack_int info = LAPACKE_dgeqrf_work(FDN_COL, m, n, a, m, tau, &query, -1);
    if (info != 0) return info;
    lapack_int lwork = fdn_max(1, (int)query);
    double *work = (double *)malloc((size_t)lwork * sizeof(double));
    if (work == NULL) return FDN_ERROR_ALLOCATION;
    info = LAPACKE_dgeqrf_work(FDN_COL, m, n, a, m, tau, work, lwork);
    free(work);
    return info;
}

/* orgqr: q (m x cols) := the first cols columns of H1 ... Hk. */
static lapack_int fdn_orgqr(int m, int cols, int k, double *q, const double *tau)
{
    double query = 0.0;
    lapack_int info = LAPACKE_dorgqr_work(FDN_COL, m, cols, k, q, m, tau, &query, -1);
    if (info != 0) return info;
    lapack_int lwork = fdn_max(1, (int)query);
    double *work = (double *)malloc((size_t)lwork * sizeof(double));
    if (work == NULL) return FDN_ERROR_ALLOCATION;
    info = LAPACKE_dorgqr_work(FDN_COL, m, cols, k, q, m, tau, work, lwork);
    free(work);
    return info;
}

int32_t fdn_qr_factor_full(int32_t m, int32_t n, double *r, double *q, double *tau)
{
    if (m < 0) return -1;
    if (n < 0) return -2;
    if (m == 0) return 0;
    int k = fdn_min(m, n);
    lapack_int info = k > 0 ? fdn_geqrf(m, n, r, tau) : 0;
    if (info != 0) return info;
    /* The reflectors sit below the diagonal of r: move them into q, then expand q to m x m. */
    memset(q, 0, (size_t)m * (size_t)m * sizeof(double));
    for (int j = 0; j < k; j++) {
        for (int i = j + 1; i < m; i++) {
            q[(size_t)j * m + i] = r[(size_t)j * m + i];
            r[(size_t)j * m + i] = 0.0;
        }
    }
    return fdn_orgqr(m, m, k, q, tau);
}

int32_t fdn_qr_factor_thin(int32_t m, int32_t n, double *a, double *r, double *tau)
{
    if (m < 0) return -1;
    if (n < 0 || n > m) return -2;
    if (n == 0) return 0;
    lapack_int info = fdn_geqrf(m, n, a, tau);
    if (info != 0) return info;
    for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) {
            r[(size_t)j * n + i] = i <= j ? a[(size_t)j * m + i] : 0.0;
        }
    }
    return fdn_orgqr(m, n, n, a, tau);
}

int32_t fdn_qr_solve(int32_t m, int32_t n, int32_t nrhs, const double *a, const double *b, double *x)
{
    if (m < 0) return -1;
    if (n < 0 || n > m) return -2;
    if (nrhs < 0) return -3;
    if (n == 0 || nrhs == 0) return 0;
    double *qr = (double *)malloc((size_t)m * (size_t)n * sizeof(double));
    double *bw = (double *)malloc((size_t)m * (size_t)nrhs * sizeof(double));
    lapack_int info = FDN_ERROR_ALLOCATION;
    if (qr != NULL && bw != NULL) {
        memcpy(qr, a, (size_t)m * (size_t)n * sizeof(double));
        memcpy(bw, b, (size_t)m * (size_t)nrhs * sizeof(double));
        double query = 0.0;
        info = LAPACKE_dgels_work(FDN_COL, 'N', m, n, nrhs, qr, m, bw, m, &query, -1);
        if (info == 0) {
            lapack_int lwork = fdn_max(1, (int)query);
            double *work = (double *)malloc((size_t)lwork * sizeof(double));
            info = work == NULL ? FDN_ERROR_ALLOCATION
                                : LAPACKE_dgels_work(FDN_COL, 'N', m, n, nrhs, qr, m, bw, m, work, lwork);
            free(work);
        }
        if (info == 0) {
            for (int j = 0; j < nrhs; j++) {
                memcpy(x + (size_t)j * n, bw + (size_t)j * m, (size_t)n * sizeof(double));
            }
        }
    }
    free(qr);
    free(bw);
    return info;
}

int32_t fdn_qr_solve_factored(int32_t m, int32_t n, int32_t nrhs, const double *q, int32_t qcols, const double *r,
                              int32_t ldr, const double *b, double *x)
{
    if (m < 0) return -1;
    if (n < 0 || n > m) return -2;
    if (nrhs < 0) return -3;
    if (qcols < n || qcols > m) return -5;
    if (ldr < fdn_max(1, n)) return -7;
    if (n == 0 || nrhs == 0) return 0;
    /* x := Q1^T b, with Q1 the first n columns of q; then x := R1^-1 x. */
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, n, nrhs, m, 1.0, q, m, b, m, 0.0, x, n);
    cblas_dtrsm(CblasColMajor, CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit, n, nrhs, 1.0, r, ldr, x, n);
    return 0;
}

/* ---- SVD ------------------------------------------------------------------------------------ */

static int fdn_all_finite(size_t count, const double *a)
{
    for (size_t i = 0; i < count; i++) {
        if (!isfinite(a[i])) return 0;
    }
    return 1;
}

static void fdn_fill_nan(size_t count, double *a)
{
    for (size_t i = 0; i < count; i++) a[i] = NAN;
}

static lapack_int fdn_gesdd(char job, int m, int n, double *a, double *s, double *u, double *vt)
{
    int k = fdn_min(m, n);
    lapack_int *iwork = (lapack_int *)malloc((size_t)fdn_max(1, 8 * k) * sizeof(lapack_int));
    if (iwork == NULL) return FDN_ERROR_ALLOCATION;
    int ldu = fdn_max(1, m), ldvt = fdn_max(1, n);
    double query = 0.0;
    lapack_int info = LAPACKE_dgesdd_work(FDN_COL, job, m, n, a, m, s, u, ldu, vt, ldvt, &query, -1, iwork);
    if (info == 0) {
        lapack_int lwork = fdn_max(1, (int)query);
        double *work = (double *)malloc((size_t)lwork * sizeof(double));
        info = work == NULL ? FDN_ERROR_ALLOCATION
                            : LAPACKE_dgesdd_work(FDN_COL, job, m, n, a, m, s, u, ldu, vt, ldvt, work, lwork, iwork);
        free(work);
    }
    free(iwork);
    return info;
}

static lapack_int fdn_gesvd(char job, int m, int n, double *a, double *s, double *u, double *vt)
{
    int ldu = fdn_max(1, m), ldvt = fdn_max(1, n);
    double query = 0.0;
    lapack_int info = LAPACKE_dgesvd_work(FDN_COL, job, job, m, n, a, m, s, u, ldu, vt, ldvt, &query, -1);
    if (info != 0) return info;
    lapack_int lwork = fdn_max(1, (int)query);
    double *work = (double *)malloc((size_t)lwork * sizeof(double));
    if (work == NULL) return FDN_ERROR_ALLOCATION;
    info = LAPACKE_dgesvd_work(FDN_COL, job, job, m, n, a, m, s, u, ldu, vt, ldvt, work, lwork);
    free(work);
    return info;
}

int32_t fdn_svd(int32_t vectors, int32_t m, int32_t n, const double *a, double *s, double *u, double *vt)
{
    if (m < 0) return -2;
    if (n < 0) return -3;
    if (m == 0 || n == 0) return 0;
    /* gesdd rejects NaN input (info = -4) and its iterations are undefined on infinities: a
     * non-finite matrix has no SVD, so every output is NaN, the IEEE answer. */
    if (!fdn_all_finite((size_t)m * (size_t)n, a)) {
        fdn_fill_nan((size_t)fdn_min(m, n), s);
        if (vectors) {
            fdn_fill_nan((size_t)m * (size_t)m, u);
            fdn_fill_nan((size_t)n * (size_t)n, vt);
        }
        return 0;
    }
    size_t size = (size_t)m * (size_t)n * sizeof(double);
    double *work_a = (double *)malloc(size);
    if (work_a == NULL) return FDN_ERROR_ALLOCATION;
    char job = vectors ? 'A' : 'N';
    memcpy(work_a, a, size);
    lapack_int info = fdn_gesdd(job, m, n, work_a, s, u, vt);
    if (info > 0) {
        /* Divide and conquer did not converge (rare, badly scaled input): the QR iteration is slower
         * but more robust. */
        memcpy(work_a, a, size);
        info = fdn_gesvd(job, m, n, work_a, s, u, vt);
    }
    free(work_a);
    return info;
}

int32_t fdn_svd_solve_factored(int32_t m, int32_t n, int32_t nrhs, const double *s, const double *u,
                               const double *vt, const double *b, double *x)
{
    if (m < 0) return -1;
    if (n < 0) return -2;
    if (nrhs < 0) return -3;
    if (n == 0 || nrhs == 0) return 0;
    int k = fdn_min(m, n);
    if (k == 0) {
        memset(x, 0, (size_t)n * (size_t)nrhs * sizeof(double));
        return 0;
    }
    double *t = (double *)malloc((size_t)k * (size_t)nrhs * sizeof(double));
    if (t == NULL) return FDN_ERROR_ALLOCATION;
    /* t := U1^T b (k x nrhs), scaled row by row by 1/s; x := V1 t = VT1^T t. */
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, k, nrhs, m, 1.0, u, m, b, m, 0.0, t, k);
    for (int j = 0; j < nrhs; j++) {
        for (int i = 0; i < k; i++) t[(size_t)j * k + i] /= s[i];
    }
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, n, nrhs, k, 1.0, vt, n, t, k, 0.0, x, n);
    free(t);
    return 0;
}

/* ---- symmetric eigenproblem ----------------------------------------------------------------- */

int32_t fdn_sym_eigen(int32_t n, const double *a, double *w, double *v)
{
    if (n < 0) return -1;
    if (n == 0) return 0;
    /* As for the SVD: a non-finite matrix gives NaN eigenvalues and eigenvectors. */
    if (!fdn_all_finite((size_t)n * (size_t)n, a)) {
        fdn_fill_nan((size_t)n, w);
        fdn_fill_nan((size_t)n * (size_t)n, v);
        return 0;
    }
    memcpy(v, a, (size_t)n * (size_t)n * sizeof(double));
    double query = 0.0;
    lapack_int iquery = 0;
    lapack_int info = LAPACKE_dsyevd_work(FDN_COL, 'V', 'L', n, v, n, w, &query, -1, &iquery, -1);
    if (info != 0) return info;
    lapack_int lwork = fdn_max(1, (int)query), liwork = fdn_max(1, iquery);
    double *work = (double *)malloc((size_t)lwork * sizeof(double));
    lapack_int *iwork = (lapack_int *)malloc((size_t)liwork * sizeof(lapack_int));
    info = (work == NULL || iwork == NULL)
               ? FDN_ERROR_ALLOCATION
               : LAPACKE_dsyevd_work(FDN_COL, 'V', 'L', n, v, n, w, work, lwork, iwork, liwork);
    free(work);
    free(iwork);
    return info;
}

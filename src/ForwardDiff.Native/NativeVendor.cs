namespace ForwardDiff.Native;

/// <summary>The linear-algebra backends ForwardDiff can put under MathNet.Numerics.</summary>
public enum NativeVendor
{
    /// <summary>MathNet's managed provider (no native code).</summary>
    Managed = 0,

    /// <summary>OpenBLAS, through <c>libforwarddiff_native_openblas</c>.</summary>
    OpenBlas = 1,

    /// <summary>Intel MKL, through <c>libforwarddiff_native_mkl</c>.</summary>
    Mkl = 2,

    /// <summary>The reference (netlib) BLAS/LAPACK, through <c>libforwarddiff_native_reference</c>.</summary>
    Reference = 3,
}

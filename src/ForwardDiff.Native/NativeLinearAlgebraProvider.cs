using ForwardDiff.Native.Interop;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace ForwardDiff.Native;

/// <summary>
/// A MathNet.Numerics linear-algebra provider whose double-precision hot members run in a native
/// BLAS/LAPACK (MKL, OpenBLAS or the reference implementation) and whose other members are MathNet's
/// managed provider. Obtain it from <see cref="NativeLinearAlgebra"/>; assign it to
/// <see cref="LinearAlgebraControl.Provider"/> (or call <see cref="NativeLinearAlgebra.UseNative()"/>).
/// </summary>
/// <remarks>
/// Native: matrix multiply (all transpose combinations, with update), dot, axpy, scale, LU
/// (factor, solve, inverse), Cholesky (factor, solve), QR (full and thin factor, least-squares solve),
/// SVD (factor, solve) and the symmetric eigenproblem. Managed: element-wise array operations and
/// norms (memory bound: a BLAS call buys nothing), the non-symmetric eigenproblem, and every
/// single-precision and complex member. Arguments are validated in C# before any native call, so a
/// wrong size is an <see cref="ArgumentException"/>, never a buffer overrun.
/// </remarks>
public sealed partial class NativeLinearAlgebraProvider : ILinearAlgebraProvider
{
    private readonly NativeBackend _native;

    internal NativeLinearAlgebraProvider(NativeBackend native) => _native = native;

    /// <summary>The vendor of the native library.</summary>
    public NativeVendor Vendor => _native.Vendor;

    /// <summary>The vendor's own description of itself (version, CPU kernel, threading).</summary>
    public string VendorVersion => _native.VendorVersion;

    /// <summary>The path of the loaded <c>libforwarddiff_native_&lt;vendor&gt;</c>.</summary>
    public string LibraryPath => _native.LibraryPath;

    /// <summary>The ABI revision the library reported in the handshake.</summary>
    public int AbiRevision => _native.Revision;

    /// <summary>
    /// The threads the vendor uses for level-3 BLAS and LAPACK. Setting it changes the vendor's
    /// process-wide setting (values below 1 mean 1); the reference BLAS is always single-threaded.
    /// </summary>
    public int Threads
    {
        get => _native.Threads;
        set => _native.Threads = value;
    }

    /// <summary>Whether <see cref="Threads"/> can be changed for this vendor.</summary>
    public bool CanSetThreads => _native.CanSetThreads;

    /// <inheritdoc />
    public bool IsAvailable() => true;

    /// <summary>Repeats the handshake; throws when the loaded library can no longer be trusted.</summary>
    /// <exception cref="NotSupportedException">The library's revision or capabilities do not match.</exception>
    public void InitializeVerify()
    {
        var mismatch = NativeBackend.CheckHandshake(_native.Revision, _native.Capabilities);
        if (mismatch is not null)
        {
            throw new NotSupportedException($"{_native.LibraryPath}: {mismatch}");
        }
    }

    /// <summary>Does nothing: the library stays loaded for the life of the process (MathNet may call back on any thread).</summary>
    public void FreeResources()
    {
    }

    /// <summary>Describes the provider: vendor, version, threads, library and ABI revision.</summary>
    /// <returns>One line.</returns>
    public override string ToString() =>
        $"native {NativeBackend.VendorKey(Vendor)}: {VendorVersion}; threads {Threads}; ABI revision {AbiRevision}; {LibraryPath}";
}

using System.Runtime.InteropServices;

namespace ForwardDiff.Native.Interop;

/// <summary>
/// One loaded <c>libforwarddiff_native_&lt;vendor&gt;</c>: the handle, the handshake results and an
/// unmanaged function pointer per export.
/// </summary>
/// <remarks>
/// Design note: exports are bound with <see cref="NativeLibrary.GetExport"/> into
/// <c>delegate* unmanaged</c> fields instead of <c>[LibraryImport]</c>, because the library name is
/// only known at run time (one library per vendor) and two vendors may be loaded side by side (tests
/// and benchmarks compare them in one process). The call cost is the same as a blittable
/// <c>LibraryImport</c>. Nothing is bound before the revision handshake has passed.
/// </remarks>
internal sealed unsafe class NativeBackend
{
    /// <summary>The ABI revision this assembly was written against (<c>FDN_ABI_REVISION</c>).</summary>
    internal const int ExpectedRevision = 1;

    /// <summary>Capabilities this assembly calls: BLAS 1/2/3, LU, Cholesky, QR, SVD, symmetric eigen.</summary>
    internal const uint RequiredCapabilities = 0xFF;

    /// <summary>Capability bit: <c>fdn_set_threads</c> changes the vendor's thread count.</summary>
    internal const uint ThreadsCapability = 1u << 8;

    /// <summary>Status the library returns when it cannot allocate a workspace.</summary>
    internal const int AllocationError = -1000;

    private static readonly string[] CapabilityNames =
        ["BLAS1", "BLAS2", "BLAS3", "LU", "Cholesky", "QR", "SVD", "symmetric eigen"];

    private readonly nint _handle;

    private NativeBackend(nint handle, string path, NativeVendor vendor, int revision, uint capabilities)
    {
        _handle = handle;
        LibraryPath = path;
        Vendor = vendor;
        Revision = revision;
        Capabilities = capabilities;
        VendorName = Marshal.PtrToStringUTF8((nint)((delegate* unmanaged<byte*>)Bind("fdn_vendor"))()) ?? "?";
        VendorVersion = Marshal.PtrToStringUTF8((nint)((delegate* unmanaged<byte*>)Bind("fdn_vendor_version"))()) ?? "?";
        GetThreads = (delegate* unmanaged<int>)Bind("fdn_get_threads");
        SetThreads = (delegate* unmanaged<int, void>)Bind("fdn_set_threads");
        Ddot = (delegate* unmanaged<int, double*, double*, double>)Bind("fdn_ddot");
        Daxpy = (delegate* unmanaged<int, double, double*, double*, void>)Bind("fdn_daxpy");
        Dscal = (delegate* unmanaged<int, double, double*, void>)Bind("fdn_dscal");
        Dgemv = (delegate* unmanaged<int, int, int, double, double*, int, double*, double, double*, int>)Bind("fdn_dgemv");
        Dgemm = (delegate* unmanaged<int, int, int, int, int, double, double*, int, double*, int, double, double*, int, int>)Bind("fdn_dgemm");
        LuFactor = (delegate* unmanaged<int, double*, int*, int>)Bind("fdn_lu_factor");
        LuInverseFactored = (delegate* unmanaged<int, double*, int*, int>)Bind("fdn_lu_inverse_factored");
        LuInverse = (delegate* unmanaged<int, double*, int>)Bind("fdn_lu_inverse");
        LuSolveFactored = (delegate* unmanaged<int, int, double*, int*, double*, int>)Bind("fdn_lu_solve_factored");
        LuSolve = (delegate* unmanaged<int, int, double*, double*, int>)Bind("fdn_lu_solve");
        CholeskyFactor = (delegate* unmanaged<int, double*, int>)Bind("fdn_cholesky_factor");
        CholeskySolveFactored = (delegate* unmanaged<int, int, double*, double*, int>)Bind("fdn_cholesky_solve_factored");
        CholeskySolve = (delegate* unmanaged<int, int, double*, double*, int>)Bind("fdn_cholesky_solve");
        QrFactorFull = (delegate* unmanaged<int, int, double*, double*, double*, int>)Bind("fdn_qr_factor_full");
        QrFactorThin = (delegate* unmanaged<int, int, double*, double*, double*, int>)Bind("fdn_qr_factor_thin");
        QrSolve = (delegate* unmanaged<int, int, int, double*, double*, double*, int>)Bind("fdn_qr_solve");
        QrSolveFactored = (delegate* unmanaged<int, int, int, double*, int, double*, int, double*, double*, int>)Bind("fdn_qr_solve_factored");
        Svd = (delegate* unmanaged<int, int, int, double*, double*, double*, double*, int>)Bind("fdn_svd");
        SvdSolveFactored = (delegate* unmanaged<int, int, int, double*, double*, double*, double*, double*, int>)Bind("fdn_svd_solve_factored");
        SymEigen = (delegate* unmanaged<int, double*, double*, double*, int>)Bind("fdn_sym_eigen");
    }

    /// <summary>The vendor this library was asked to be.</summary>
    internal NativeVendor Vendor { get; }

    /// <summary>Full path of the loaded library.</summary>
    internal string LibraryPath { get; }

    /// <summary>The ABI revision the library reported in the handshake.</summary>
    internal int Revision { get; }

    /// <summary>The <c>FDN_CAP_*</c> bits the library reported.</summary>
    internal uint Capabilities { get; }

    /// <summary>The vendor name the library reports (<c>mkl</c>, <c>openblas</c>, <c>reference</c>).</summary>
    internal string VendorName { get; }

    /// <summary>The vendor's run-time self-description (version, kernel, threading).</summary>
    internal string VendorVersion { get; }

    // One field per export of forwarddiff_native.h, same order and signature.
    internal readonly delegate* unmanaged<int> GetThreads;
    internal readonly delegate* unmanaged<int, void> SetThreads;
    internal readonly delegate* unmanaged<int, double*, double*, double> Ddot;
    internal readonly delegate* unmanaged<int, double, double*, double*, void> Daxpy;
    internal readonly delegate* unmanaged<int, double, double*, void> Dscal;
    internal readonly delegate* unmanaged<int, int, int, double, double*, int, double*, double, double*, int> Dgemv;
    internal readonly delegate* unmanaged<int, int, int, int, int, double, double*, int, double*, int, double, double*, int, int> Dgemm;
    internal readonly delegate* unmanaged<int, double*, int*, int> LuFactor;
    internal readonly delegate* unmanaged<int, double*, int*, int> LuInverseFactored;
    internal readonly delegate* unmanaged<int, double*, int> LuInverse;
    internal readonly delegate* unmanaged<int, int, double*, int*, double*, int> LuSolveFactored;
    internal readonly delegate* unmanaged<int, int, double*, double*, int> LuSolve;
    internal readonly delegate* unmanaged<int, double*, int> CholeskyFactor;
    internal readonly delegate* unmanaged<int, int, double*, double*, int> CholeskySolveFactored;
    internal readonly delegate* unmanaged<int, int, double*, double*, int> CholeskySolve;
    internal readonly delegate* unmanaged<int, int, double*, double*, double*, int> QrFactorFull;
    internal readonly delegate* unmanaged<int, int, double*, double*, double*, int> QrFactorThin;
    internal readonly delegate* unmanaged<int, int, int, double*, double*, double*, int> QrSolve;
    internal readonly delegate* unmanaged<int, int, int, double*, int, double*, int, double*, double*, int> QrSolveFactored;
    internal readonly delegate* unmanaged<int, int, int, double*, double*, double*, double*, int> Svd;
    internal readonly delegate* unmanaged<int, int, int, double*, double*, double*, double*, double*, int> SvdSolveFactored;
    internal readonly delegate* unmanaged<int, double*, double*, double*, int> SymEigen;

    /// <summary>The library file name for a vendor on the running OS.</summary>
    internal static string FileName(NativeVendor vendor)
    {
        var stem = "forwarddiff_native_" + VendorKey(vendor);
        if (OperatingSystem.IsWindows())
        {
            return stem + ".dll";
        }

        return OperatingSystem.IsMacOS() ? "lib" + stem + ".dylib" : "lib" + stem + ".so";
    }

    /// <summary>The lower-case key of a vendor, as in file names and <c>FORWARDDIFF_PROVIDER</c>.</summary>
    internal static string VendorKey(NativeVendor vendor) => vendor switch
    {
        NativeVendor.OpenBlas => "openblas",
        NativeVendor.Mkl => "mkl",
        NativeVendor.Reference => "reference",
        _ => "managed",
    };

    /// <summary>
    /// Checks the handshake values a library reported. Returns null when they can be trusted,
    /// otherwise the reason, worded for the user.
    /// </summary>
    internal static string? CheckHandshake(int revision, uint capabilities)
    {
        if (revision != ExpectedRevision)
        {
            return $"it implements ABI revision {revision}, this ForwardDiff.Native expects revision {ExpectedRevision} " +
                "(rebuild native/ from the same commit as the assembly: dotnet cake --target=Native)";
        }

        var missing = RequiredCapabilities & ~capabilities;
        if (missing != 0)
        {
            var names = Enumerable.Range(0, CapabilityNames.Length)
                .Where(i => (missing & (1u << i)) != 0)
                .Select(i => CapabilityNames[i]);
            return $"it lacks the capabilities {string.Join(", ", names)} (capability mask 0x{capabilities:X})";
        }

        return null;
    }

    /// <summary>
    /// Loads the library at <paramref name="path"/> as <paramref name="vendor"/> and performs the
    /// handshake. Never throws: on failure returns null and the reason.
    /// </summary>
    internal static NativeBackend? TryLoad(string path, NativeVendor vendor, out string failure)
    {
        nint handle;
        try
        {
            handle = NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or ArgumentException)
        {
            failure = $"{path} could not be loaded: {e.Message}";
            return null;
        }

        if (!NativeLibrary.TryGetExport(handle, "fdn_abi_revision", out var revisionExport) ||
            !NativeLibrary.TryGetExport(handle, "fdn_capabilities", out var capabilitiesExport))
        {
            NativeLibrary.Free(handle);
            failure = $"{path} is not a ForwardDiff native library (it has no fdn_abi_revision/fdn_capabilities export)";
            return null;
        }

        var revision = ((delegate* unmanaged<int>)revisionExport)();
        var capabilities = ((delegate* unmanaged<uint>)capabilitiesExport)();
        var mismatch = CheckHandshake(revision, capabilities);
        if (mismatch is not null)
        {
            NativeLibrary.Free(handle);
            failure = $"{path} was not trusted: {mismatch}";
            return null;
        }

        try
        {
            var backend = new NativeBackend(handle, path, vendor, revision, capabilities);
            if (backend.VendorName != VendorKey(vendor))
            {
                NativeLibrary.Free(handle);
                failure = $"{path} was built for vendor '{backend.VendorName}', not '{VendorKey(vendor)}'";
                return null;
            }

            failure = string.Empty;
            return backend;
        }
        catch (EntryPointNotFoundException e)
        {
            NativeLibrary.Free(handle);
            failure = $"{path} passed the handshake but misses an export: {e.Message}";
            return null;
        }
    }

    /// <summary>The threads the vendor uses.</summary>
    internal int Threads
    {
        get => GetThreads();
        set => SetThreads(value);
    }

    /// <summary>Whether <see cref="Threads"/> can be changed.</summary>
    internal bool CanSetThreads => (Capabilities & ThreadsCapability) != 0;

    private void* Bind(string name) => (void*)NativeLibrary.GetExport(_handle, name);
}

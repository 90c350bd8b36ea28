using System.Runtime.Intrinsics.X86;
using System.Text;
using ForwardDiff.Native.Interop;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace ForwardDiff.Native;

/// <summary>
/// Chooses the linear-algebra provider under MathNet.Numerics (<see cref="LinearAlgebraControl.Provider"/>):
/// a native BLAS/LAPACK through <c>libforwarddiff_native_&lt;vendor&gt;</c>, or MathNet's managed code.
/// </summary>
/// <remarks>
/// <para>
/// Default rule (<see cref="UseDefault"/> without an override): on a CPU whose vendor string is
/// <c>GenuineIntel</c> the order is MKL, OpenBLAS, reference; on any other CPU (AMD, Hygon, non-x86)
/// it is OpenBLAS, MKL, reference; the first library that loads and passes the handshake wins, and
/// MathNet's managed provider is the last resort. Reason: MKL selects its fastest kernels only for
/// Intel processors; on this project's AMD EPYC machines OpenBLAS 0.3.21 runs DGEMM about 1.15–1.3×
/// faster than MKL 2020.4 (perf/results/native.md), while on Intel CPUs MKL is generally the faster one.
/// </para>
/// <para>
/// Override with the environment variable <c>FORWARDDIFF_PROVIDER</c> = <c>mkl</c> | <c>openblas</c> |
/// <c>reference</c> | <c>managed</c> | <c>auto</c>, or call <see cref="UseNative(NativeVendor)"/>.
/// Libraries are searched in <c>FORWARDDIFF_NATIVE_DIR</c>, the application directory, this
/// assembly's directory and their <c>runtimes/&lt;rid&gt;/native</c> folders.
/// </para>
/// <para>
/// A missing or mismatched library never crashes: <see cref="TryUseNative()"/> returns false,
/// <see cref="UseDefault"/> falls back to the managed provider and says so once per process on
/// standard error, and <see cref="Describe"/> reports why.
/// </para>
/// </remarks>
public static class NativeLinearAlgebra
{
    /// <summary>The environment variable <see cref="UseDefault"/> honours.</summary>
    public const string ProviderVariable = "FORWARDDIFF_PROVIDER";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<NativeVendor, NativeLinearAlgebraProvider> Loaded = [];
    private static string? _lastFailure;
    private static bool _fallbackReported;

    /// <summary>The native provider MathNet is using now, or null when it is not one of ours.</summary>
    public static NativeLinearAlgebraProvider? Active => LinearAlgebraControl.Provider as NativeLinearAlgebraProvider;

    /// <summary>The vendor MathNet is using now (<see cref="NativeVendor.Managed"/> for any non-ForwardDiff provider).</summary>
    public static NativeVendor ActiveVendor => Active?.Vendor ?? NativeVendor.Managed;

    /// <summary>Why the last attempt to load a native library failed, or null if none failed.</summary>
    public static string? LastFailure
    {
        get
        {
            lock (Gate)
            {
                return _lastFailure;
            }
        }
    }

    /// <summary>
    /// The native vendors in the order the default rule tries them on the running CPU
    /// (MKL first on Intel, OpenBLAS first elsewhere; the reference BLAS last).
    /// </summary>
    public static IReadOnlyList<NativeVendor> PreferredOrder() => PreferredOrder(IsIntelCpu());

    /// <summary>Uses the first native vendor of <see cref="PreferredOrder()"/> that loads.</summary>
    /// <exception cref="NativeBackendException">No native library could be loaded; the message lists each reason.</exception>
    public static void UseNative()
    {
        if (!TryUseNative())
        {
            throw new NativeBackendException(LastFailure ?? "No native linear-algebra library was found.");
        }
    }

    /// <summary>Uses the given native vendor.</summary>
    /// <param name="vendor">The vendor; <see cref="NativeVendor.Managed"/> is the same as <see cref="UseManaged"/>.</param>
    /// <exception cref="NativeBackendException">Its library is missing or failed the handshake; the message says which.</exception>
    public static void UseNative(NativeVendor vendor)
    {
        if (!TryUseNative(vendor))
        {
            throw new NativeBackendException(LastFailure ?? $"The {vendor} library could not be loaded.");
        }
    }

    /// <summary>Tries the vendors of <see cref="PreferredOrder()"/> in turn; leaves the provider unchanged on failure.</summary>
    /// <returns>True when a native provider is now active.</returns>
    public static bool TryUseNative()
    {
        var reasons = new List<string>();
        foreach (var vendor in PreferredOrder())
        {
            if (TryUseNative(vendor))
            {
                return true;
            }

            reasons.Add(LastFailure ?? vendor.ToString());
        }

        lock (Gate)
        {
            _lastFailure = "no native linear-algebra library could be used: " + string.Join("; ", reasons);
        }

        return false;
    }

    /// <summary>Tries to use the given native vendor; leaves the provider unchanged on failure.</summary>
    /// <param name="vendor">The vendor; <see cref="NativeVendor.Managed"/> selects the managed provider and returns true.</param>
    /// <returns>True when the requested provider is now active.</returns>
    public static bool TryUseNative(NativeVendor vendor)
    {
        if (vendor == NativeVendor.Managed)
        {
            UseManaged();
            return true;
        }

        var provider = Load(vendor);
        if (provider is null)
        {
            return false;
        }

        LinearAlgebraControl.Provider = provider;
        return true;
    }

    /// <summary>Uses MathNet's managed provider.</summary>
    public static void UseManaged() => LinearAlgebraControl.UseManaged();

    /// <summary>
    /// Applies <c>FORWARDDIFF_PROVIDER</c> (<c>mkl</c>, <c>openblas</c>, <c>reference</c>, <c>managed</c>;
    /// unset or <c>auto</c> means the default rule) and falls back to the managed provider, saying so
    /// once per process on standard error, when the requested native library cannot be used.
    /// </summary>
    /// <returns>The vendor now active.</returns>
    public static NativeVendor UseDefault()
    {
        var requested = Environment.GetEnvironmentVariable(ProviderVariable)?.Trim().ToLowerInvariant();
        string? problem = null;
        switch (requested)
        {
            case null or "" or "auto" or "native":
                if (!TryUseNative())
                {
                    problem = LastFailure;
                }

                break;
            case "managed":
                UseManaged();
                return NativeVendor.Managed;
            case "mkl" or "openblas" or "reference":
                var vendor = ParseVendor(requested);
                if (!TryUseNative(vendor))
                {
                    problem = $"{ProviderVariable}={requested} was requested but " + LastFailure;
                }

                break;
            default:
                problem = $"{ProviderVariable}={requested} is not one of mkl, openblas, reference, managed, auto";
                lock (Gate)
                {
                    _lastFailure = problem;
                }

                break;
        }

        if (problem is not null)
        {
            UseManaged();
            ReportFallbackOnce(problem);
        }

        return ActiveVendor;
    }

    /// <summary>
    /// Describes the provider MathNet is using: vendor, the vendor's own version string, threads,
    /// library path and ABI revision for a native provider; for the managed provider, why no native
    /// one is active when an attempt failed.
    /// </summary>
    /// <returns>A one-line description.</returns>
    public static string Describe()
    {
        if (Active is { } native)
        {
            return native.ToString();
        }

        var text = new StringBuilder("managed: ").Append(LinearAlgebraControl.Provider);
        var failure = LastFailure;
        if (failure is not null)
        {
            text.Append(" (native unavailable: ").Append(failure).Append(')');
        }

        return text.ToString();
    }

    /// <summary>Parses a vendor key (<c>mkl</c>, <c>openblas</c>, <c>reference</c>, <c>managed</c>), case-insensitively.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The vendor.</returns>
    /// <exception cref="ArgumentException">The key is not one of the four.</exception>
    public static NativeVendor ParseVendor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Trim().ToLowerInvariant() switch
        {
            "mkl" => NativeVendor.Mkl,
            "openblas" => NativeVendor.OpenBlas,
            "reference" => NativeVendor.Reference,
            "managed" => NativeVendor.Managed,
            _ => throw new ArgumentException($"'{key}' is not a provider: use mkl, openblas, reference or managed.", nameof(key)),
        };
    }

    /// <summary>
    /// Loads (once per process) and returns the provider of a native vendor without making it active,
    /// or null when its library cannot be used (<see cref="LastFailure"/> says why).
    /// </summary>
    /// <param name="vendor">A native vendor.</param>
    /// <returns>The provider, or null.</returns>
    /// <exception cref="ArgumentException"><paramref name="vendor"/> is <see cref="NativeVendor.Managed"/>.</exception>
    public static NativeLinearAlgebraProvider? Load(NativeVendor vendor)
    {
        if (vendor == NativeVendor.Managed || !Enum.IsDefined(vendor))
        {
            throw new ArgumentException($"{vendor} is not a native vendor.", nameof(vendor));
        }

        lock (Gate)
        {
            if (Loaded.TryGetValue(vendor, out var cached))
            {
                return cached;
            }

            var path = NativeLocator.Find(vendor);
            if (path is null)
            {
                _lastFailure = $"{NativeBackend.FileName(vendor)} was not found in " +
                    string.Join(", ", NativeLocator.SearchDirectories()) +
                    " (build it with: dotnet cake --target=Native)";
                return null;
            }

            var backend = NativeBackend.TryLoad(path, vendor, out var failure);
            if (backend is null)
            {
                _lastFailure = failure;
                return null;
            }

            var provider = new NativeLinearAlgebraProvider(backend);
            Loaded[vendor] = provider;
            return provider;
        }
    }

    /// <summary>Loads a library from an explicit path as <paramref name="vendor"/> (tests: handshake and fallback).</summary>
    internal static NativeLinearAlgebraProvider? LoadFrom(string path, NativeVendor vendor, out string failure)
    {
        var backend = NativeBackend.TryLoad(path, vendor, out failure);
        return backend is null ? null : new NativeLinearAlgebraProvider(backend);
    }

    internal static IReadOnlyList<NativeVendor> PreferredOrder(bool intel) => intel
        ? [NativeVendor.Mkl, NativeVendor.OpenBlas, NativeVendor.Reference]
        : [NativeVendor.OpenBlas, NativeVendor.Mkl, NativeVendor.Reference];

    internal static bool IsIntelCpu()
    {
        if (!X86Base.IsSupported)
        {
            return false;
        }

        // CPUID leaf 0: the vendor string is EBX, EDX, ECX as twelve ASCII bytes.
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        Span<byte> vendor = stackalloc byte[12];
        BitConverter.TryWriteBytes(vendor[..4], ebx);
        BitConverter.TryWriteBytes(vendor[4..8], edx);
        BitConverter.TryWriteBytes(vendor[8..], ecx);
        return Encoding.ASCII.GetString(vendor) == "GenuineIntel";
    }

    private static void ReportFallbackOnce(string problem)
    {
        lock (Gate)
        {
            if (_fallbackReported)
            {
                return;
            }

            _fallbackReported = true;
        }

        Console.Error.WriteLine($"ForwardDiff.Native: using MathNet's managed linear-algebra provider: {problem}");
    }
}

using ForwardDiff.Native;
using ForwardDiff.Native.Interop;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace ForwardDiff.Native.Tests;

/// <summary>
/// Which backend the suite runs under and which native vendors the provider fixtures test.
/// FORWARDDIFF_PROVIDER = mkl | openblas | reference: that vendor only (it must load);
/// managed: none (the MathNet-level tests then run on the managed provider); unset: every vendor
/// whose library is found next to the tests.
/// </summary>
public static class Backends
{
    public static string? Requested =>
        Environment.GetEnvironmentVariable(NativeLinearAlgebra.ProviderVariable)?.Trim().ToLowerInvariant() is { Length: > 0 } v ? v : null;

    public static IEnumerable<NativeVendor> VendorsUnderTest()
    {
        switch (Requested)
        {
            case "managed":
                return [];
            case "mkl" or "openblas" or "reference":
                return [NativeLinearAlgebra.ParseVendor(Requested)];
            default:
                return Found();
        }
    }

    public static IEnumerable<NativeVendor> Found() =>
        new[] { NativeVendor.OpenBlas, NativeVendor.Mkl, NativeVendor.Reference }.Where(v => NativeLocator.Find(v) is not null);

    public static NativeLinearAlgebraProvider Provider(NativeVendor vendor) =>
        NativeLinearAlgebra.Load(vendor) ?? throw new InvalidOperationException($"{vendor}: {NativeLinearAlgebra.LastFailure}");

    public static ManagedLinearAlgebraProvider Managed => ManagedLinearAlgebraProvider.Instance;
}

/// <summary>Selects the suite's backend once, as an application would: <see cref="NativeLinearAlgebra.UseDefault"/>.</summary>
[SetUpFixture]
public sealed class SuiteBackend
{
    public static NativeVendor Selected { get; private set; }

    [OneTimeSetUp]
    public void SelectBackend()
    {
        Selected = NativeLinearAlgebra.UseDefault();
        TestContext.Progress.WriteLine($"ForwardDiff.Native.Tests backend: {NativeLinearAlgebra.Describe()}");
    }

    /// <summary>Puts the suite's backend back after a test changed the global provider.</summary>
    public static void Restore()
    {
        if (Selected == NativeVendor.Managed)
        {
            NativeLinearAlgebra.UseManaged();
        }
        else
        {
            NativeLinearAlgebra.UseNative(Selected);
        }
    }
}

using System.Runtime.InteropServices;
using ForwardDiff.Native;
using ForwardDiff.Native.Interop;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace ForwardDiff.Native.Tests;

/// <summary>Selection, handshake and fallback behaviour of <see cref="NativeLinearAlgebra"/>.</summary>
[NonParallelizable]
public sealed class SelectionTests
{
    [TearDown]
    public void RestoreSuiteBackend() => SuiteBackend.Restore();

    [Test]
    public void UseDefault_AtSuiteStart_ActivatedTheRequestedBackend()
    {
        var expected = Backends.Requested switch
        {
            "managed" => NativeVendor.Managed,
            "mkl" or "openblas" or "reference" => NativeLinearAlgebra.ParseVendor(Backends.Requested),
            _ => NativeLinearAlgebra.PreferredOrder().FirstOrDefault(v => NativeLocator.Find(v) is not null, NativeVendor.Managed),
        };

        Assert.That(SuiteBackend.Selected, Is.EqualTo(expected), NativeLinearAlgebra.Describe());
    }

    [Test]
    public void RequiredBackends_AreFoundAndPassTheHandshake()
    {
        // Cake sets FORWARDDIFF_REQUIRED_BACKENDS in CI (openblas,mkl); otherwise every library found must load.
        var required = Environment.GetEnvironmentVariable("FORWARDDIFF_REQUIRED_BACKENDS") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(NativeLinearAlgebra.ParseVendor).ToList()
            : Backends.Found().ToList();

        Assert.Multiple(() =>
        {
            foreach (var vendor in required)
            {
                Assert.That(NativeLinearAlgebra.Load(vendor), Is.Not.Null, $"{vendor}: {NativeLinearAlgebra.LastFailure}");
            }
        });
    }

    [Test]
    public void UseDefault_ManagedRequested_SelectsManaged()
    {
        using var _ = new EnvironmentOverride(NativeLinearAlgebra.ProviderVariable, "managed");

        var selected = NativeLinearAlgebra.UseDefault();

        Assert.Multiple(() =>
        {
            Assert.That(selected, Is.EqualTo(NativeVendor.Managed));
            Assert.That(LinearAlgebraControl.Provider, Is.InstanceOf<ManagedLinearAlgebraProvider>());
        });
    }

    [Test]
    public void UseDefault_UnknownValue_FallsBackToManagedAndSaysWhy()
    {
        using var _ = new EnvironmentOverride(NativeLinearAlgebra.ProviderVariable, "cuda");

        var selected = NativeLinearAlgebra.UseDefault();

        Assert.Multiple(() =>
        {
            Assert.That(selected, Is.EqualTo(NativeVendor.Managed));
            Assert.That(NativeLinearAlgebra.LastFailure, Does.Contain("cuda"));
            Assert.That(NativeLinearAlgebra.Describe(), Does.StartWith("managed").And.Contain("native unavailable"));
        });
    }

    [TestCaseSource(typeof(Backends), nameof(Backends.Found))]
    public void UseDefault_VendorRequested_SelectsIt(NativeVendor vendor)
    {
        using var _ = new EnvironmentOverride(NativeLinearAlgebra.ProviderVariable, NativeBackend.VendorKey(vendor).ToUpperInvariant());

        var selected = NativeLinearAlgebra.UseDefault();

        Assert.Multiple(() =>
        {
            Assert.That(selected, Is.EqualTo(vendor));
            Assert.That(LinearAlgebraControl.Provider, Is.SameAs(NativeLinearAlgebra.Load(vendor)));
            Assert.That(NativeLinearAlgebra.Describe(), Does.StartWith("native " + NativeBackend.VendorKey(vendor)).And.Contain("threads"));
        });
    }

    [Test]
    public void LoadFrom_MissingFile_FailsWithThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir", NativeBackend.FileName(NativeVendor.Mkl));

        var provider = NativeLinearAlgebra.LoadFrom(path, NativeVendor.Mkl, out var failure);

        Assert.Multiple(() =>
        {
            Assert.That(provider, Is.Null);
            Assert.That(failure, Does.Contain(path).And.Contain("could not be loaded"));
        });
    }

    [Test]
    public void LoadFrom_LibraryWithoutHandshake_IsNotTrusted()
    {
        // Every .NET runtime ships libSystem.Native: a real shared library that is not ours.
        var path = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), OperatingSystem.IsWindows() ? "System.Native.dll" : "libSystem.Native.so");

        var provider = NativeLinearAlgebra.LoadFrom(path, NativeVendor.OpenBlas, out var failure);

        Assert.Multiple(() =>
        {
            Assert.That(provider, Is.Null);
            Assert.That(failure, Does.Contain("is not a ForwardDiff native library"));
        });
    }

    [TestCaseSource(typeof(Backends), nameof(Backends.Found))]
    public void LoadFrom_LibraryOfAnotherVendor_IsRejected(NativeVendor vendor)
    {
        var other = vendor == NativeVendor.Mkl ? NativeVendor.OpenBlas : NativeVendor.Mkl;

        var provider = NativeLinearAlgebra.LoadFrom(NativeLocator.Find(vendor)!, other, out var failure);

        Assert.Multiple(() =>
        {
            Assert.That(provider, Is.Null);
            Assert.That(failure, Does.Contain($"built for vendor '{NativeBackend.VendorKey(vendor)}'"));
        });
    }

    [Test]
    public void CheckHandshake_OtherRevision_IsRejectedNamingBothRevisions()
    {
        var reason = NativeBackend.CheckHandshake(NativeBackend.ExpectedRevision + 1, 0x1FF);

        Assert.That(reason, Does.Contain($"revision {NativeBackend.ExpectedRevision + 1}").And.Contain($"expects revision {NativeBackend.ExpectedRevision}"));
    }

    [Test]
    public void CheckHandshake_MissingCapabilities_NamesThem()
    {
        var reason = NativeBackend.CheckHandshake(NativeBackend.ExpectedRevision, 0x1F); // no QR, SVD, eigen

        Assert.That(reason, Does.Contain("QR").And.Contain("SVD").And.Contain("symmetric eigen").And.Not.Contain("Cholesky"));
    }

    [Test]
    public void CheckHandshake_MatchingRevisionAndCapabilities_IsTrusted()
    {
        Assert.That(NativeBackend.CheckHandshake(NativeBackend.ExpectedRevision, 0x1FF), Is.Null);
    }

    [Test]
    public void PreferredOrder_IntelCpu_PutsMklFirst()
    {
        Assert.That(NativeLinearAlgebra.PreferredOrder(intel: true), Is.EqualTo(new[] { NativeVendor.Mkl, NativeVendor.OpenBlas, NativeVendor.Reference }));
    }

    [Test]
    public void PreferredOrder_OtherCpu_PutsOpenBlasFirst()
    {
        Assert.That(NativeLinearAlgebra.PreferredOrder(intel: false), Is.EqualTo(new[] { NativeVendor.OpenBlas, NativeVendor.Mkl, NativeVendor.Reference }));
    }

    [Test]
    public void PreferredOrder_RunningCpu_FollowsItsVendorString()
    {
        Assert.That(NativeLinearAlgebra.PreferredOrder()[0], Is.EqualTo(NativeLinearAlgebra.IsIntelCpu() ? NativeVendor.Mkl : NativeVendor.OpenBlas));
    }

    [Test]
    public void ParseVendor_UnknownKey_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => NativeLinearAlgebra.ParseVendor("atlas"));
    }

    [Test]
    public void Load_Managed_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => NativeLinearAlgebra.Load(NativeVendor.Managed));
    }

    [Test]
    public void TryUseNative_Managed_SelectsManagedProvider()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NativeLinearAlgebra.TryUseNative(NativeVendor.Managed), Is.True);
            Assert.That(NativeLinearAlgebra.ActiveVendor, Is.EqualTo(NativeVendor.Managed));
        });
    }

    /// <summary>Sets an environment variable for the life of the object.</summary>
    private sealed class EnvironmentOverride : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentOverride(string name, string value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}

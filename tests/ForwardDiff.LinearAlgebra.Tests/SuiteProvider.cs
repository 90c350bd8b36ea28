using ForwardDiff.Native;

namespace ForwardDiff.LinearAlgebra.Tests;

/// <summary>
/// Selects MathNet's linear-algebra provider once for the whole suite, as an application would
/// (<see cref="NativeLinearAlgebra.UseDefault"/>: FORWARDDIFF_PROVIDER = managed | openblas | mkl | reference,
/// unset = best native found, else managed). The matrix layer only calls MathNet's matrix operations, so every
/// test here must pass on every provider.
/// </summary>
[SetUpFixture]
public sealed class SuiteProvider
{
    [OneTimeSetUp]
    public void SelectProvider()
    {
        NativeLinearAlgebra.UseDefault();
        TestContext.Progress.WriteLine($"ForwardDiff.LinearAlgebra.Tests provider: {NativeLinearAlgebra.Describe()}");
    }
}

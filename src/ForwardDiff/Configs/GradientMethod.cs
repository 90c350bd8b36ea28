namespace ForwardDiff;

/// <summary>How <c>AutoDiff.Gradient</c> computes ∇f.</summary>
public enum GradientMethod
{
    /// <summary>
    /// <see cref="ReverseOnTape"/> for double and float from n = <c>GradientConfig.ReverseThreshold</c> (256) inputs on
    /// SIMD hardware, where it is measured faster; <see cref="ChunkedDuals"/> otherwise. The choice depends on n and
    /// the element type only, so every chunk size and the parallel mode give the same bits.
    /// </summary>
    Automatic,

    /// <summary>
    /// Forward mode: ⌈n/chunk⌉ evaluations of f on chunked duals, each carrying a chunk of partials in
    /// SIMD registers. Works for every element type.
    /// </summary>
    ChunkedDuals,

    /// <summary>
    /// Reverse mode on a tape: f is evaluated once on a number type that records each operation with its local partials
    /// (the same tape as <see cref="HessianMethod.SecondOrderAdjoint"/>), then one reverse pass accumulates the adjoints.
    /// The cost no longer grows with n: at n = 1000 it is several times faster than the chunked duals, at n ≤ 100 slower
    /// (perf/README.md). Where an input, a recorded value or a local partial is not finite the call is redone with
    /// chunked duals, so the conventions at special points are theirs. Only <see cref="double"/> and <see cref="float"/>.
    /// </summary>
    ReverseOnTape,
}

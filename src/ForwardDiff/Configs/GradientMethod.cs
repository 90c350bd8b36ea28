namespace ForwardDiff;

/// <summary>How <c>AutoDiff.Gradient</c> computes ∇f.</summary>
public enum GradientMethod
{
    /// <summary>
    /// <see cref="ReverseOnTape"/> for double and float from n = <c>GradientConfig.ReverseThreshold</c> (48 for double, 96 for float) inputs on
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
    /// Its cost is a few evaluations of f whatever n is (about 5 ns per recorded operation here), against ⌈n/chunk⌉ for
    /// the chunked duals: on extended Rosenbrock it is faster from n ≈ 48 (double), about 2× at n = 100 and over 10× at
    /// n = 1000, and slower for small n, where its fixed cost dominates (perf/README.md). Where an input, a recorded value or a local partial is not finite the call is redone with
    /// chunked duals, so the conventions at special points are theirs. Only <see cref="double"/> and <see cref="float"/>.
    /// </summary>
    ReverseOnTape,
}

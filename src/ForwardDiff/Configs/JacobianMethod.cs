namespace ForwardDiff;

/// <summary>How <c>AutoDiff.Jacobian</c> computes J.</summary>
public enum JacobianMethod
{
    /// <summary>
    /// <see cref="ForwardOnTape"/> for double and float from n = <c>JacobianConfig.TapeThreshold</c> inputs on SIMD
    /// hardware, where it is measured faster; <see cref="ChunkedDuals"/> otherwise. The choice depends on n and the
    /// element type only, so every chunk size and the parallel mode give the same bits.
    /// </summary>
    Automatic,

    /// <summary>
    /// ⌈n/chunk⌉ evaluations of f on chunked duals, each carrying a chunk of partials in SIMD registers. Works for every
    /// element type.
    /// </summary>
    ChunkedDuals,

    /// <summary>
    /// f is evaluated once on a number type that records each operation with its local partials (the tape of
    /// <see cref="HessianMethod.SecondOrderAdjoint"/>), then forward sweeps of 16 directions (32 for float) carry the
    /// tangents over the tape. A sweep visits only the operations that depend on its inputs, so a function whose outputs
    /// each read a few inputs (banded, sparse, separable) costs far less than ⌈n/chunk⌉ evaluations, and transcendental
    /// functions are evaluated once instead of once per chunk. Where an input, a recorded value, a local partial or an
    /// entry is not finite the call is redone with chunked duals, so the conventions at special points are theirs. Only
    /// <see cref="double"/> and <see cref="float"/>.
    /// </summary>
    ForwardOnTape,
}

namespace ForwardDiff;

/// <summary>How <c>AutoDiff.Hessian</c> computes second derivatives.</summary>
public enum HessianMethod
{
    /// <summary>
    /// <see cref="SecondOrderAdjoint"/> for <see cref="double"/> and <see cref="float"/> on SIMD hardware (the cost grows
    /// like n evaluations instead of n²), <see cref="NestedDuals"/> for every other number type.
    /// </summary>
    Automatic,

    /// <summary>
    /// One evaluation of f records every operation with its local first and second partials on a tape; the Hessian
    /// then comes from second-order adjoint sweeps (forward tangents for a block of directions, a reverse sweep of
    /// second-order adjoints), ⌈n/L⌉ sweeps of a few fused multiply–adds per operation (L = 16 doubles or 32 floats).
    /// f itself is evaluated once. Where a recorded local partial or a result is not finite (√ or log at 0, x^y at 0,
    /// NaN or infinite inputs, overflow), the call is redone with <see cref="NestedDuals"/>, so the conventions at
    /// special points are exactly those of the dual numbers. Only <see cref="double"/> and <see cref="float"/>.
    /// </summary>
    SecondOrderAdjoint,

    /// <summary>
    /// Nested chunked duals (forward over forward): every pass evaluates f on duals seeded for one block or row segment
    /// of H, on and above the diagonal; the rest is mirrored. Works for every element type.
    /// </summary>
    NestedDuals,
}

namespace ForwardDiff.LinearAlgebra;

/// <summary>
/// How the partials matrix ∂v/∂seed (n×k) of a <see cref="DualVector"/> is stored.
/// </summary>
/// <remarks>
/// Design note: seeding x with the identity and then forming W·x must not cost a matrix product, since W·I
/// is W. Keeping the seed structured makes the first layer of y = tanh(Wx + b) cost O(n²) (one copy of W and
/// one row scaling), so only later layers pay for a GEMM. Any operation whose result has no cheaper
/// structure returns <see cref="Dense"/>.
/// </remarks>
public enum PartialsKind
{
    /// <summary>All partials are exactly zero (a constant); no storage.</summary>
    Zero = 0,

    /// <summary>The partials are the n×n identity (a freshly seeded variable); no storage.</summary>
    Identity = 1,

    /// <summary>The partials are a diagonal n×n matrix (an elementwise function of a seeded variable); n numbers.</summary>
    Diagonal = 2,

    /// <summary>The partials are a general n×k matrix, column-major.</summary>
    Dense = 3,
}

using System.Numerics;

namespace ForwardDiff.Tests.Oracles;

/// <summary>
/// Seeds for nested duals: the inner level carries dx, each outer level a fresh perturbation of the
/// same x, so the innermost-outermost path of partials holds the n-th derivative.
/// </summary>
public static class Seeds
{
    /// <summary>x + ε (first derivatives).</summary>
    public static Dual<T> First<T>(T x)
        where T : IFloatingPointIeee754<T>
        => Dual<T>.Variable(x);

    /// <summary>x + ε₁ + ε₂ (second derivatives in <c>.Derivative.Derivative</c>).</summary>
    public static Dual<Dual<T>> Second<T>(T x)
        where T : IFloatingPointIeee754<T>
        => new(Dual<T>.Variable(x), Dual<T>.Constant(T.One));

    /// <summary>x + ε₁ + ε₂ + ε₃ (third derivatives in <c>.Derivative.Derivative.Derivative</c>).</summary>
    public static Dual<Dual<Dual<T>>> Third<T>(T x)
        where T : IFloatingPointIeee754<T>
        => new(Second(x), Dual<Dual<T>>.Constant(Dual<T>.Constant(T.One)));

    /// <summary>The constant c at both levels of a second-order dual.</summary>
    public static Dual<Dual<T>> ConstantSecond<T>(T c)
        where T : IFloatingPointIeee754<T>
        => Dual<Dual<T>>.Constant(Dual<T>.Constant(c));
}

using System.Numerics;
using System.Runtime.CompilerServices;

namespace ForwardDiff.Rules;

/// <summary>
/// The "strong zero" convention shared by every dual flavour: a partial that is exactly zero stays exactly
/// zero whatever the local derivative it is multiplied by, so 0 × ∞ and 0 × NaN contribute 0, not NaN.
/// </summary>
/// <remarks>
/// Why: a constant (or a variable not being differentiated) fed through √x at 0, log x at 0 or x^0.5 at 0
/// would otherwise poison every derivative downstream with NaN although it carries no perturbation at all
/// (ForwardDiff.jl's "NaN-safe mode"). The decision is taken once on the scalar local derivative: when it is
/// finite (the overwhelmingly common case) the partials are scaled with no further test; only a non-finite
/// local derivative takes the per-partial path.
/// </remarks>
public static class StrongZero
{
    /// <summary>Returns <paramref name="localDerivative"/> × <paramref name="partial"/>, except that an exactly zero partial gives zero.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="localDerivative">f′ at the point (may be ±∞ or NaN).</param>
    /// <param name="partial">The incoming partial.</param>
    /// <returns>The outgoing partial.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Scale<T>(T localDerivative, T partial)
        where T : IFloatingPointIeee754<T>
    {
        if (T.IsFinite(localDerivative))
        {
            return localDerivative * partial;
        }

        return IsExactZero(partial) ? T.Zero : localDerivative * partial;
    }

    /// <summary>
    /// The single-partial form of <see cref="Scale{T}(T, T)"/> with the same result: multiplies first and repairs the
    /// product only when it is NaN (0 × ±∞ or 0 × NaN with an exactly zero partial).
    /// </summary>
    /// <remarks>
    /// For one partial (<c>Dual&lt;T&gt;</c>) testing the product for NaN (one self-comparison) is cheaper than
    /// classifying the local derivative; for many partials <see cref="Scale{T}(T, T)"/>'s once-per-chunk test wins.
    /// A NaN product with a nonzero partial stays NaN (the local derivative really is NaN there).
    /// </remarks>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="localDerivative">f′ at the point (may be ±∞ or NaN).</param>
    /// <param name="partial">The incoming partial.</param>
    /// <returns>The outgoing partial.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Product<T>(T localDerivative, T partial)
        where T : IFloatingPointIeee754<T>
    {
        T product = localDerivative * partial;
        return T.IsNaN(product) && IsExactZero(partial) ? T.Zero : product;
    }

    /// <summary>True when <paramref name="x"/> is zero in every component (for a nested dual: value and all partials).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The number.</param>
    /// <returns>Whether the number is an exact zero.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsExactZero<T>(T x)
        where T : IFloatingPointIeee754<T>
        => T.IsZero(x);
}

using System.Numerics;

namespace ForwardDiff.Rules;

/// <summary>
/// A row of the rule table for a function of one differentiated argument and one constant parameter of the same
/// number type: x^c (constant exponent), c^y (constant base), the n-th root and ScaleB. The parameter never carries
/// a perturbation, so only the derivative with respect to the argument is returned.
/// </summary>
/// <remarks>
/// A separate shape (rather than a binary row with a zero partial) because the derivative with respect to the
/// parameter is often undefined where the one with respect to the argument is fine (∂/∂c of c^y at c &lt; 0), and
/// a constant parameter lets the dual skip that work entirely. Integer parameters (the root index, the ScaleB
/// exponent) are passed as integral values of the number type.
/// </remarks>
public interface IParameterizedRule
{
    /// <summary>Evaluates f(x; p) and returns it; writes ∂f/∂x to <paramref name="first"/>.</summary>
    /// <typeparam name="T">The number type the rule is evaluated on.</typeparam>
    /// <param name="x">The differentiated argument.</param>
    /// <param name="p">The constant parameter.</param>
    /// <param name="first">∂f/∂x, or the documented convention where f is not differentiable at x.</param>
    /// <returns>f(x; p).</returns>
    static abstract T Evaluate<T>(T x, T p, out T first)
        where T : IFloatingPointIeee754<T>;

    /// <summary>Returns ∂²f/∂x², given f and ∂f/∂x as returned by <see cref="Evaluate{T}(T, T, out T)"/>.</summary>
    /// <typeparam name="T">The number type the rule is evaluated on.</typeparam>
    /// <param name="x">The differentiated argument.</param>
    /// <param name="p">The constant parameter.</param>
    /// <param name="value">f(x; p).</param>
    /// <param name="first">∂f/∂x.</param>
    /// <returns>∂²f/∂x².</returns>
    static abstract T Second<T>(T x, T p, T value, T first)
        where T : IFloatingPointIeee754<T>;
}

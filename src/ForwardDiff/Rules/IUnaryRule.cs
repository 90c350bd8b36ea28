using System.Numerics;

namespace ForwardDiff.Rules;

/// <summary>
/// One row of the rule table: a scalar function f together with its first and second derivatives.
/// Every dual flavour (<c>Dual&lt;T&gt;</c>, the chunked duals, the hyper-dual) differentiates f by
/// calling the same row, so a rule is written, commented and tested exactly once.
/// </summary>
/// <remarks>
/// Rows are stateless structs: the dual types call them through a generic parameter constrained to this
/// interface, so the JIT inlines the row into the caller and no delegate or virtual call is involved.
/// <para>
/// <see cref="Evaluate{T}(T, out T)"/> returns f(x) and f′(x) from one evaluation (sin and cos from one
/// <c>SinCos</c>, exp and its derivative from one <c>Exp</c>). <see cref="Second{T}(T, T, T)"/> returns f″(x)
/// from x, f(x) and f′(x), so it is almost always plain arithmetic on values already computed.
/// </para>
/// <para>
/// The rows are generic over the number type itself, so a rule evaluated on <c>Dual&lt;double&gt;</c>
/// (a nested dual) produces derivatives of derivatives: nesting is how third and higher orders work.
/// </para>
/// </remarks>
public interface IUnaryRule
{
    /// <summary>Evaluates f(x) and returns it; writes f′(x) to <paramref name="first"/>.</summary>
    /// <typeparam name="T">The number type the rule is evaluated on.</typeparam>
    /// <param name="x">The point.</param>
    /// <param name="first">f′(x), or the documented convention where f is not differentiable at x.</param>
    /// <returns>f(x).</returns>
    static abstract T Evaluate<T>(T x, out T first)
        where T : IFloatingPointIeee754<T>;

    /// <summary>Returns f″(x), given f(x) and f′(x) as returned by <see cref="Evaluate{T}(T, out T)"/>.</summary>
    /// <typeparam name="T">The number type the rule is evaluated on.</typeparam>
    /// <param name="x">The point.</param>
    /// <param name="value">f(x).</param>
    /// <param name="first">f′(x).</param>
    /// <returns>f″(x).</returns>
    static abstract T Second<T>(T x, T value, T first)
        where T : IFloatingPointIeee754<T>;
}

/// <summary>
/// A row of the rule table for a function of two arguments, f(x, y), with its gradient and Hessian.
/// </summary>
/// <remarks>
/// Binary functions (Pow, Atan2, Hypot, Log with a base, …) carry their conventions at special points in
/// the row itself, e.g. the partials of x^y at x = 0.
/// </remarks>
public interface IBinaryRule
{
    /// <summary>Evaluates f(x, y); writes ∂f/∂x and ∂f/∂y.</summary>
    /// <typeparam name="T">The number type the rule is evaluated on.</typeparam>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <param name="dx">∂f/∂x at (x, y).</param>
    /// <param name="dy">∂f/∂y at (x, y).</param>
    /// <returns>f(x, y).</returns>
    static abstract T Evaluate<T>(T x, T y, out T dx, out T dy)
        where T : IFloatingPointIeee754<T>;

    /// <summary>Writes the second partials of f at (x, y), given the value and gradient from <see cref="Evaluate{T}"/>.</summary>
    /// <typeparam name="T">The number type the rule is evaluated on.</typeparam>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <param name="value">f(x, y).</param>
    /// <param name="dx">∂f/∂x.</param>
    /// <param name="dy">∂f/∂y.</param>
    /// <param name="dxx">∂²f/∂x².</param>
    /// <param name="dxy">∂²f/∂x∂y.</param>
    /// <param name="dyy">∂²f/∂y².</param>
    static abstract void Second<T>(T x, T y, T value, T dx, T dy, out T dxx, out T dxy, out T dyy)
        where T : IFloatingPointIeee754<T>;
}

using System.Numerics;

namespace ForwardDiff;

/// <summary>
/// A scalar function written once against .NET generic math, so it runs on <see cref="double"/>, on
/// <see cref="Dual{T}"/> (first derivative), on <c>Dual&lt;Dual&lt;T&gt;&gt;</c> (second derivative) and on any other
/// <see cref="IFloatingPointIeee754{TSelf}"/> type.
/// </summary>
/// <remarks>
/// Implement it on a <see langword="struct"/>: the <see cref="AutoDiff"/> entry points take the function as a generic
/// parameter constrained to this interface, so the JIT specialises and inlines <see cref="Invoke{T}(T)"/> with no
/// delegate call and no allocation.
/// <code>
/// readonly struct Parabola : IScalarFunction
/// {
///     public T Invoke&lt;T&gt;(T x) where T : IFloatingPointIeee754&lt;T&gt;
///         => T.CreateTruncating(3) * x * x - T.CreateTruncating(4) * x;
/// }
/// double slope = AutoDiff.Derivative(new Parabola(), 1.0); // 2
/// </code>
/// </remarks>
public interface IScalarFunction
{
    /// <summary>Evaluates the function at <paramref name="x"/>.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>f(x).</returns>
    T Invoke<T>(T x)
        where T : IFloatingPointIeee754<T>;
}

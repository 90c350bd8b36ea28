using System.Numerics;

namespace ForwardDiff;

/// <summary>
/// A function ℝⁿ → ℝ written once, generically, so it runs on <see cref="double"/> and on every dual type.
/// Implement it on a struct: the verbs are generic over the implementing type, so the call is direct and inlinable.
/// </summary>
/// <example>
/// <code>
/// readonly struct Rosenbrock : IMultivariateFunction
/// {
///     public T Invoke&lt;T&gt;(ReadOnlySpan&lt;T&gt; x) where T : IFloatingPointIeee754&lt;T&gt;
///     {
///         T sum = T.Zero, hundred = T.CreateTruncating(100);
///         for (int i = 0; i + 1 &lt; x.Length; i++)
///         {
///             T a = x[i + 1] - x[i] * x[i], b = T.One - x[i];
///             sum += hundred * a * a + b * b;
///         }
///         return sum;
///     }
/// }
/// double[] g = AutoDiff.Gradient(new Rosenbrock(), [1.2, 1.0]);
/// </code>
/// </example>
public interface IMultivariateFunction
{
    /// <summary>Evaluates f(x).</summary>
    /// <typeparam name="T">The number type (a plain number or a dual).</typeparam>
    /// <param name="x">The point, n components.</param>
    /// <returns>f(x).</returns>
    T Invoke<T>(ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>;
}

/// <summary>
/// A function ℝⁿ → ℝᵐ written once, generically. <see cref="OutputLength"/> gives m for an input of length n,
/// so the verbs can size their buffers.
/// </summary>
public interface IVectorFunction
{
    /// <summary>The number of outputs m for <paramref name="inputLength"/> inputs.</summary>
    /// <param name="inputLength">n.</param>
    /// <returns>m.</returns>
    int OutputLength(int inputLength);

    /// <summary>Evaluates y = f(x).</summary>
    /// <typeparam name="T">The number type (a plain number or a dual).</typeparam>
    /// <param name="x">The point, n components.</param>
    /// <param name="y">Receives f(x), m components.</param>
    void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
        where T : IFloatingPointIeee754<T>;
}

/// <summary>A delegate form of <see cref="IMultivariateFunction"/> over one concrete number type, for quick use with lambdas.</summary>
/// <typeparam name="T">The number type.</typeparam>
/// <param name="x">The point.</param>
/// <returns>f(x).</returns>
public delegate T MultivariateFunc<T>(ReadOnlySpan<T> x);

/// <summary>A delegate form of <see cref="IVectorFunction"/> over one concrete number type, for quick use with lambdas.</summary>
/// <typeparam name="T">The number type.</typeparam>
/// <param name="x">The point.</param>
/// <param name="y">Receives f(x).</param>
public delegate void VectorFunc<T>(ReadOnlySpan<T> x, Span<T> y);

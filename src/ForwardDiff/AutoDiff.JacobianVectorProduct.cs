using System.Numerics;

namespace ForwardDiff;

public static partial class AutoDiff
{
    /// <summary>
    /// J(x)·v for f: ℝⁿ → ℝᵐ in one evaluation on <see cref="Dual{T}"/> numbers seeded with v (a directional
    /// derivative; no Jacobian is formed). Effectively computes <c>result[i] = Σⱼ ∂fᵢ/∂xⱼ vⱼ</c>. The dual has two
    /// plain fields, which the JIT keeps in registers: one evaluation costs a few times f (perf/README.md).
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝᵐ.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <returns>A new array with J·v (m elements).</returns>
    /// <exception cref="ArgumentException">direction.Length differs from x.Length (the message names both).</exception>
    public static T[] JacobianVectorProduct<T, TFunction>(TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        int m = function.OutputLength(x.Length);
        T[] values = new T[m];
        T[] product = new T[m];
        Dual<T>[] buffer = ConfigCache<T>.Duals(x.Length + m);
        JacobianVectorProduct(function, x, direction, values, product, buffer);
        ConfigCache<T>.Return(buffer);
        return product;
    }

    /// <summary>
    /// Writes f(x) to <paramref name="values"/> and J(x)·v to <paramref name="destination"/> from one evaluation,
    /// using <paramref name="buffer"/> (n + m one-partial duals) as the reusable workspace, so nothing is allocated.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝᵐ.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <param name="values">Receives f(x), m elements.</param>
    /// <param name="destination">Receives J·v, m elements.</param>
    /// <param name="buffer">Workspace of at least n + m duals (the config of this verb).</param>
    /// <exception cref="ArgumentException">A length does not match (the message names both).</exception>
    public static void JacobianVectorProduct<T, TFunction>(TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, Span<T> values, Span<T> destination, Span<Dual<T>> buffer)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        int n = x.Length;
        int m = function.OutputLength(n);
        Check.Length(direction.Length, "direction length", n, nameof(direction));
        Check.Length(values.Length, "values length", m, "the function's output length", nameof(values));
        Check.Length(destination.Length, "destination length", m, "the function's output length", nameof(destination));
        if (buffer.Length < n + m)
        {
            throw new ArgumentException($"Length mismatch: buffer length is {buffer.Length} but n + m is {n + m}.", nameof(buffer));
        }

        Span<Dual<T>> duals = buffer[..n];
        Span<Dual<T>> outputs = buffer.Slice(n, m);
        Seed(x, direction, duals);
        outputs.Clear();
        function.Invoke<Dual<T>>(duals, outputs);
        for (int i = 0; i < m; i++)
        {
            values[i] = outputs[i].Value;
            destination[i] = outputs[i].Derivative;
        }
    }

    /// <summary>Fills <paramref name="result"/> with f(x) (in <see cref="JacobianVectorProductResult{T}.Value"/>) and J·v from one evaluation.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝᵐ.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <param name="result">A result for m outputs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">A length does not match (the message names both).</exception>
    public static void JacobianVectorProduct<T, TFunction>(TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, JacobianVectorProductResult<T> result)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        ArgumentNullException.ThrowIfNull(result);
        Dual<T>[] buffer = ConfigCache<T>.Duals(x.Length + result.Value.Length);
        JacobianVectorProduct(function, x, direction, result.Value, result.Product, buffer);
        ConfigCache<T>.Return(buffer);
    }

    /// <summary>
    /// The directional derivative ∇f(x)·v of f: ℝⁿ → ℝ in one evaluation (the JVP of a scalar function); f(x) comes out too.
    /// Reuses a per-thread buffer of n duals (allocation-free after the first call on a thread for n ≤ 1024).
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <param name="value">f(x).</param>
    /// <returns>∇f(x)·v.</returns>
    /// <exception cref="ArgumentException">direction.Length differs from x.Length.</exception>
    public static T JacobianVectorProduct<T, TFunction>(TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, out T value)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        Check.Length(direction.Length, "direction length", x.Length, nameof(direction));
        Dual<T>[] buffer = ConfigCache<T>.Duals(x.Length);
        T product = JacobianVectorProduct(function, x, direction, buffer, out value);
        ConfigCache<T>.Return(buffer);
        return product;
    }

    /// <summary>
    /// The directional derivative ∇f(x)·v of f: ℝⁿ → ℝ in one evaluation, using <paramref name="buffer"/> (n duals) as
    /// the workspace, so nothing is allocated; f(x) comes out too.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <param name="buffer">Workspace of at least n duals.</param>
    /// <param name="value">f(x).</param>
    /// <returns>∇f(x)·v.</returns>
    /// <exception cref="ArgumentException">direction.Length differs from x.Length, or the buffer is shorter than n (the message names both).</exception>
    public static T JacobianVectorProduct<T, TFunction>(TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, Span<Dual<T>> buffer, out T value)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        Check.Length(direction.Length, "direction length", x.Length, nameof(direction));
        if (buffer.Length < x.Length)
        {
            throw new ArgumentException($"Length mismatch: buffer length is {buffer.Length} but the input x has length {x.Length}.", nameof(buffer));
        }

        Span<Dual<T>> duals = buffer[..x.Length];
        Seed(x, direction, duals);
        Dual<T> y = function.Invoke<Dual<T>>(duals);
        value = y.Value;
        return y.Derivative;
    }

    /// <summary>
    /// The directional derivative ∇f(x)·v of a lambda over <see cref="Dual{T}"/> (quick use), with f(x):
    /// <c>AutoDiff.JacobianVectorProduct(x =&gt; x[0] * x[1], [2.0, 3.0], [1.0, 0.0], out double fx)</c>.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="function">f over one-direction duals.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <param name="value">f(x).</param>
    /// <returns>∇f(x)·v.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentException">direction.Length differs from x.Length.</exception>
    public static T JacobianVectorProduct<T>(MultivariateFunc<Dual<T>> function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, out T value)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(function);
        return JacobianVectorProduct(new DelegateFunction<Dual<T>>(function), x, direction, out value);
    }

    /// <summary>J(x)·v of a lambda f: ℝⁿ → ℝᵐ over <see cref="Dual{T}"/> writing m outputs (quick use).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="function">f over one-direction duals, writing m outputs.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <param name="outputLength">m.</param>
    /// <returns>A new array with J·v (m elements).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputLength"/> is negative.</exception>
    /// <exception cref="ArgumentException">direction.Length differs from x.Length.</exception>
    public static T[] JacobianVectorProduct<T>(VectorFunc<Dual<T>> function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, int outputLength)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        return JacobianVectorProduct(new DelegateVectorFunction<Dual<T>>(function, outputLength), x, direction);
    }

    private static void Seed<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> direction, Span<Dual<T>> duals)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < duals.Length; i++)
        {
            duals[i] = new Dual<T>(x[i], direction[i]);
        }
    }
}

/// <summary>f(x) and J(x)·v from one evaluation of <c>AutoDiff.JacobianVectorProduct</c>.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
public sealed class JacobianVectorProductResult<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Allocates a result for m outputs.</summary>
    /// <param name="outputLength">m (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputLength"/> is negative.</exception>
    public JacobianVectorProductResult(int outputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        Value = new T[outputLength];
        Product = new T[outputLength];
    }

    /// <summary>f(x), m elements.</summary>
    public T[] Value { get; }

    /// <summary>J(x)·v, m elements.</summary>
    public T[] Product { get; }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ForwardDiff;

/// <summary>The value and gradient of f: ℝⁿ → ℝ at one point, filled by one sweep of <c>AutoDiff.Gradient</c>.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
public sealed class GradientResult<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Allocates a result for <paramref name="inputLength"/> inputs.</summary>
    /// <param name="inputLength">n (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputLength"/> is negative.</exception>
    public GradientResult(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        Gradient = new T[inputLength];
    }

    /// <summary>f(x).</summary>
    public T Value { get; internal set; } = T.Zero;

    /// <summary>∇f(x), n components.</summary>
    public T[] Gradient { get; }
}

/// <summary>The value and Jacobian of f: ℝⁿ → ℝᵐ at one point, filled by one sweep of <c>AutoDiff.Jacobian</c>.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
public sealed class JacobianResult<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Allocates a result for f: ℝⁿ → ℝᵐ.</summary>
    /// <param name="inputLength">n (≥ 0).</param>
    /// <param name="outputLength">m (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A length is negative.</exception>
    public JacobianResult(int inputLength, int outputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        Value = new T[outputLength];
        Jacobian = new T[outputLength, inputLength];
    }

    /// <summary>f(x), m components.</summary>
    public T[] Value { get; }

    /// <summary>J[i, j] = ∂fᵢ/∂xⱼ, m × n.</summary>
    public T[,] Jacobian { get; }
}

/// <summary>The value, gradient and Hessian of f: ℝⁿ → ℝ at one point, filled by one sweep of <c>AutoDiff.Hessian</c>.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
public sealed class HessianResult<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Allocates a result for <paramref name="inputLength"/> inputs.</summary>
    /// <param name="inputLength">n (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputLength"/> is negative.</exception>
    public HessianResult(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        Gradient = new T[inputLength];
        Hessian = new T[inputLength, inputLength];
    }

    /// <summary>f(x).</summary>
    public T Value { get; internal set; } = T.Zero;

    /// <summary>∇f(x), n components.</summary>
    public T[] Gradient { get; }

    /// <summary>H[i, j] = ∂²f/∂xᵢ∂xⱼ, n × n, exactly symmetric.</summary>
    public T[,] Hessian { get; }
}

/// <summary>Views a rectangular array as a row-major span.</summary>
internal static class MatrixSpan
{
    public static Span<T> Of<T>(T[,] matrix)
        => MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);
}

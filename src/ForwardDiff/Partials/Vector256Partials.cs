using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ForwardDiff;

// Partials storage held in Vector256<T> fields (T = double or float). Unlike the [InlineArray] PartialsN<T> types,
// a struct of a few vector fields is promoted by the JIT: a ChunkDual<double, Vector256PartialsK<double>> lives in
// SIMD registers across the inlined operators of a user's function instead of being copied through stack memory
// for every operation (measured on extended Rosenbrock, perf/results/gradient.md). The kernels below are the same
// IEEE operations per element as PartialsMath's (a multiply, a multiply, an add; no fused multiply–add), so results
// are bit-identical to the other storage types and to Dual<T>.

/// <summary>Strong-zero vector kernels shared by the <c>Vector256PartialsK</c> storage types.</summary>
internal static class Vector256Kernels
{
    /// <summary>s · a; when s is not finite an exactly zero lane stays +0 (<c>StrongZero.Scale</c>, lane by lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Scale<T>(Vector256<T> a, Vector256<T> s, bool finite)
        where T : IFloatingPointIeee754<T>
        => finite ? a * s : Vector256.ConditionalSelect(Vector256.Equals(a, Vector256<T>.Zero), Vector256<T>.Zero, a * s);

    /// <summary>Throws unless <typeparamref name="T"/> is double or float (the element types with 256-bit vectors).</summary>
    public static int Count<T>(int vectors)
    {
        if (typeof(T) != typeof(double) && typeof(T) != typeof(float))
        {
            throw new NotSupportedException($"Vector256 partials storage holds double or float partials, not {typeof(T).Name}; use PartialsN<{typeof(T).Name}>.");
        }

        return vectors * Vector256<T>.Count;
    }
}

/// <summary>
/// Inline partials storage in one <see cref="Vector256{T}"/> field: 4 partials of <see cref="double"/>,
/// 8 of <see cref="float"/>. The register-resident choice for <c>ChunkDual&lt;double, …&gt;</c>: the JIT keeps the whole
/// dual in SIMD registers, where the <c>[InlineArray]</c> <c>Partials4&lt;double&gt;</c> is copied through memory.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>; any other type throws <see cref="NotSupportedException"/> on first use.</typeparam>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Vector256Partials1<T> : IPartials<Vector256Partials1<T>, T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Vector256<T> _a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256Partials1(Vector256<T> a)
    {
        _a = a;
    }

    /// <summary>The number of partials: 4 for double, 8 for float.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither double nor float.</exception>
    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(double) || typeof(T) == typeof(float) ? 1 * Vector256<T>.Count : Vector256Kernels.Count<T>(1);
    }

    /// <inheritdoc />
    static bool IPartials<Vector256Partials1<T>, T>.InRegisters
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => true;
    }

    /// <inheritdoc />
    static Vector256Partials1<T> IPartials<Vector256Partials1<T>, T>.Zeroed
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => default;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials1<T> IPartials<Vector256Partials1<T>, T>.Add(Vector256Partials1<T> a, Vector256Partials1<T> b)
        => new(a._a + b._a);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials1<T> IPartials<Vector256Partials1<T>, T>.Subtract(Vector256Partials1<T> a, Vector256Partials1<T> b)
        => new(a._a - b._a);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials1<T> IPartials<Vector256Partials1<T>, T>.Negate(Vector256Partials1<T> a)
        => new(-a._a);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials1<T> IPartials<Vector256Partials1<T>, T>.Scale(T s, Vector256Partials1<T> a)
    {
        Vector256<T> vs = Vector256.Create(s);
        if (T.IsFinite(s))
        {
            return new(a._a * vs);
        }

        return new(Vector256Kernels.Scale(a._a, vs, false));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials1<T> IPartials<Vector256Partials1<T>, T>.LinearCombination(T s, Vector256Partials1<T> a, T t, Vector256Partials1<T> b)
    {
        Vector256<T> vs = Vector256.Create(s);
        Vector256<T> vt = Vector256.Create(t);
        bool finiteS = T.IsFinite(s);
        bool finiteT = T.IsFinite(t);
        if (finiteS & finiteT)
        {
            return new((a._a * vs) + (b._a * vt));
        }

        return new(Vector256Kernels.Scale(a._a, vs, finiteS) + Vector256Kernels.Scale(b._a, vt, finiteT));
    }
}

/// <summary>
/// Inline partials storage in two <see cref="Vector256{T}"/> fields: 8 partials of <see cref="double"/>,
/// 16 of <see cref="float"/>. The register-resident choice for <c>ChunkDual&lt;double, …&gt;</c>: the JIT keeps the whole
/// dual in SIMD registers, where the <c>[InlineArray]</c> <c>Partials8&lt;double&gt;</c> is copied through memory.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>; any other type throws <see cref="NotSupportedException"/> on first use.</typeparam>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Vector256Partials2<T> : IPartials<Vector256Partials2<T>, T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Vector256<T> _a;
    private readonly Vector256<T> _b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256Partials2(Vector256<T> a, Vector256<T> b)
    {
        _a = a;
        _b = b;
    }

    /// <summary>The number of partials: 8 for double, 16 for float.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither double nor float.</exception>
    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(double) || typeof(T) == typeof(float) ? 2 * Vector256<T>.Count : Vector256Kernels.Count<T>(2);
    }

    /// <inheritdoc />
    static bool IPartials<Vector256Partials2<T>, T>.InRegisters
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => true;
    }

    /// <inheritdoc />
    static Vector256Partials2<T> IPartials<Vector256Partials2<T>, T>.Zeroed
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => default;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials2<T> IPartials<Vector256Partials2<T>, T>.Add(Vector256Partials2<T> a, Vector256Partials2<T> b)
        => new(a._a + b._a, a._b + b._b);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials2<T> IPartials<Vector256Partials2<T>, T>.Subtract(Vector256Partials2<T> a, Vector256Partials2<T> b)
        => new(a._a - b._a, a._b - b._b);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials2<T> IPartials<Vector256Partials2<T>, T>.Negate(Vector256Partials2<T> a)
        => new(-a._a, -a._b);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials2<T> IPartials<Vector256Partials2<T>, T>.Scale(T s, Vector256Partials2<T> a)
    {
        Vector256<T> vs = Vector256.Create(s);
        if (T.IsFinite(s))
        {
            return new(a._a * vs, a._b * vs);
        }

        return new(Vector256Kernels.Scale(a._a, vs, false), Vector256Kernels.Scale(a._b, vs, false));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials2<T> IPartials<Vector256Partials2<T>, T>.LinearCombination(T s, Vector256Partials2<T> a, T t, Vector256Partials2<T> b)
    {
        Vector256<T> vs = Vector256.Create(s);
        Vector256<T> vt = Vector256.Create(t);
        bool finiteS = T.IsFinite(s);
        bool finiteT = T.IsFinite(t);
        if (finiteS & finiteT)
        {
            return new((a._a * vs) + (b._a * vt), (a._b * vs) + (b._b * vt));
        }

        return new(Vector256Kernels.Scale(a._a, vs, finiteS) + Vector256Kernels.Scale(b._a, vt, finiteT), Vector256Kernels.Scale(a._b, vs, finiteS) + Vector256Kernels.Scale(b._b, vt, finiteT));
    }
}

/// <summary>
/// Inline partials storage in three <see cref="Vector256{T}"/> fields: 12 partials of <see cref="double"/>,
/// 24 of <see cref="float"/>. The register-resident choice for <c>ChunkDual&lt;double, …&gt;</c>: the JIT keeps the whole
/// dual in SIMD registers, where the <c>[InlineArray]</c> <c>Partials12&lt;double&gt;</c> is copied through memory.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>; any other type throws <see cref="NotSupportedException"/> on first use.</typeparam>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Vector256Partials3<T> : IPartials<Vector256Partials3<T>, T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Vector256<T> _a;
    private readonly Vector256<T> _b;
    private readonly Vector256<T> _c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256Partials3(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        _a = a;
        _b = b;
        _c = c;
    }

    /// <summary>The number of partials: 12 for double, 24 for float.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither double nor float.</exception>
    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(double) || typeof(T) == typeof(float) ? 3 * Vector256<T>.Count : Vector256Kernels.Count<T>(3);
    }

    /// <inheritdoc />
    static bool IPartials<Vector256Partials3<T>, T>.InRegisters
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => true;
    }

    /// <inheritdoc />
    static Vector256Partials3<T> IPartials<Vector256Partials3<T>, T>.Zeroed
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => default;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials3<T> IPartials<Vector256Partials3<T>, T>.Add(Vector256Partials3<T> a, Vector256Partials3<T> b)
        => new(a._a + b._a, a._b + b._b, a._c + b._c);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials3<T> IPartials<Vector256Partials3<T>, T>.Subtract(Vector256Partials3<T> a, Vector256Partials3<T> b)
        => new(a._a - b._a, a._b - b._b, a._c - b._c);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials3<T> IPartials<Vector256Partials3<T>, T>.Negate(Vector256Partials3<T> a)
        => new(-a._a, -a._b, -a._c);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials3<T> IPartials<Vector256Partials3<T>, T>.Scale(T s, Vector256Partials3<T> a)
    {
        Vector256<T> vs = Vector256.Create(s);
        if (T.IsFinite(s))
        {
            return new(a._a * vs, a._b * vs, a._c * vs);
        }

        return new(Vector256Kernels.Scale(a._a, vs, false), Vector256Kernels.Scale(a._b, vs, false), Vector256Kernels.Scale(a._c, vs, false));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials3<T> IPartials<Vector256Partials3<T>, T>.LinearCombination(T s, Vector256Partials3<T> a, T t, Vector256Partials3<T> b)
    {
        Vector256<T> vs = Vector256.Create(s);
        Vector256<T> vt = Vector256.Create(t);
        bool finiteS = T.IsFinite(s);
        bool finiteT = T.IsFinite(t);
        if (finiteS & finiteT)
        {
            return new((a._a * vs) + (b._a * vt), (a._b * vs) + (b._b * vt), (a._c * vs) + (b._c * vt));
        }

        return new(Vector256Kernels.Scale(a._a, vs, finiteS) + Vector256Kernels.Scale(b._a, vt, finiteT), Vector256Kernels.Scale(a._b, vs, finiteS) + Vector256Kernels.Scale(b._b, vt, finiteT), Vector256Kernels.Scale(a._c, vs, finiteS) + Vector256Kernels.Scale(b._c, vt, finiteT));
    }
}

/// <summary>
/// Inline partials storage in four <see cref="Vector256{T}"/> fields: 16 partials of <see cref="double"/>,
/// 32 of <see cref="float"/>. The register-resident choice for <c>ChunkDual&lt;double, …&gt;</c>: the JIT keeps the whole
/// dual in SIMD registers, where the <c>[InlineArray]</c> <c>Partials16&lt;double&gt;</c> is copied through memory.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>; any other type throws <see cref="NotSupportedException"/> on first use.</typeparam>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Vector256Partials4<T> : IPartials<Vector256Partials4<T>, T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Vector256<T> _a;
    private readonly Vector256<T> _b;
    private readonly Vector256<T> _c;
    private readonly Vector256<T> _d;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256Partials4(Vector256<T> a, Vector256<T> b, Vector256<T> c, Vector256<T> d)
    {
        _a = a;
        _b = b;
        _c = c;
        _d = d;
    }

    /// <summary>The number of partials: 16 for double, 32 for float.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither double nor float.</exception>
    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(double) || typeof(T) == typeof(float) ? 4 * Vector256<T>.Count : Vector256Kernels.Count<T>(4);
    }

    /// <inheritdoc />
    static bool IPartials<Vector256Partials4<T>, T>.InRegisters
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => true;
    }

    /// <inheritdoc />
    static Vector256Partials4<T> IPartials<Vector256Partials4<T>, T>.Zeroed
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => default;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials4<T> IPartials<Vector256Partials4<T>, T>.Add(Vector256Partials4<T> a, Vector256Partials4<T> b)
        => new(a._a + b._a, a._b + b._b, a._c + b._c, a._d + b._d);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials4<T> IPartials<Vector256Partials4<T>, T>.Subtract(Vector256Partials4<T> a, Vector256Partials4<T> b)
        => new(a._a - b._a, a._b - b._b, a._c - b._c, a._d - b._d);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials4<T> IPartials<Vector256Partials4<T>, T>.Negate(Vector256Partials4<T> a)
        => new(-a._a, -a._b, -a._c, -a._d);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials4<T> IPartials<Vector256Partials4<T>, T>.Scale(T s, Vector256Partials4<T> a)
    {
        Vector256<T> vs = Vector256.Create(s);
        if (T.IsFinite(s))
        {
            return new(a._a * vs, a._b * vs, a._c * vs, a._d * vs);
        }

        return new(Vector256Kernels.Scale(a._a, vs, false), Vector256Kernels.Scale(a._b, vs, false), Vector256Kernels.Scale(a._c, vs, false), Vector256Kernels.Scale(a._d, vs, false));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256Partials4<T> IPartials<Vector256Partials4<T>, T>.LinearCombination(T s, Vector256Partials4<T> a, T t, Vector256Partials4<T> b)
    {
        Vector256<T> vs = Vector256.Create(s);
        Vector256<T> vt = Vector256.Create(t);
        bool finiteS = T.IsFinite(s);
        bool finiteT = T.IsFinite(t);
        if (finiteS & finiteT)
        {
            return new((a._a * vs) + (b._a * vt), (a._b * vs) + (b._b * vt), (a._c * vs) + (b._c * vt), (a._d * vs) + (b._d * vt));
        }

        return new(Vector256Kernels.Scale(a._a, vs, finiteS) + Vector256Kernels.Scale(b._a, vt, finiteT), Vector256Kernels.Scale(a._b, vs, finiteS) + Vector256Kernels.Scale(b._b, vt, finiteT), Vector256Kernels.Scale(a._c, vs, finiteS) + Vector256Kernels.Scale(b._c, vt, finiteT), Vector256Kernels.Scale(a._d, vs, finiteS) + Vector256Kernels.Scale(b._d, vt, finiteT));
    }
}

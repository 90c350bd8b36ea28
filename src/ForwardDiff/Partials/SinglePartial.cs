using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ForwardDiff.Rules;

namespace ForwardDiff;

/// <summary>
/// Storage for one partial derivative in a plain field: the register-resident counterpart of the
/// <c>[InlineArray(1)]</c> <see cref="Partials1{T}"/>, for any element type. Its use is the outer level of nested duals
/// (<c>ChunkDual&lt;ChunkDual&lt;double, Vector256Partials1&lt;double&gt;&gt;, SinglePartial&lt;…&gt;&gt;</c>), which the JIT
/// then keeps whole in registers: the Hessian engine evaluates one Hessian row segment per pass with it.
/// </summary>
/// <typeparam name="T">The partial derivative type (a number or a dual).</typeparam>
[StructLayout(LayoutKind.Sequential)]
public readonly struct SinglePartial<T> : IPartials<SinglePartial<T>, T>
    where T : IFloatingPointIeee754<T>
{
    private readonly T _partial;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private SinglePartial(T partial)
    {
        _partial = partial;
    }

    /// <summary>The number of partials: 1.</summary>
    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => 1;
    }

    /// <inheritdoc />
    static bool IPartials<SinglePartial<T>, T>.InRegisters
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => true;
    }

    /// <inheritdoc />
    static SinglePartial<T> IPartials<SinglePartial<T>, T>.Zeroed
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(T.Zero);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static SinglePartial<T> IPartials<SinglePartial<T>, T>.Add(SinglePartial<T> a, SinglePartial<T> b) => new(a._partial + b._partial);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static SinglePartial<T> IPartials<SinglePartial<T>, T>.Subtract(SinglePartial<T> a, SinglePartial<T> b) => new(a._partial - b._partial);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static SinglePartial<T> IPartials<SinglePartial<T>, T>.Negate(SinglePartial<T> a) => new(-a._partial);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static SinglePartial<T> IPartials<SinglePartial<T>, T>.Scale(T s, SinglePartial<T> a)
        => T.IsFinite(s) ? new(s * a._partial) : Strong(s, a._partial);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static SinglePartial<T> IPartials<SinglePartial<T>, T>.LinearCombination(T s, SinglePartial<T> a, T t, SinglePartial<T> b)
        => T.IsFinite(s) && T.IsFinite(t) ? new((s * a._partial) + (t * b._partial)) : Strong(s, a._partial, t, b._partial);

    // the non-finite case out of line: for a nested element type the strong-zero tests are large, and inlining them
    // into every operator of the user's function exhausts the JIT's budget for the arithmetic itself
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SinglePartial<T> Strong(T s, T a) => new(StrongZero.Scale(s, a));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SinglePartial<T> Strong(T s, T a, T t, T b) => new(StrongZero.Scale(s, a) + StrongZero.Scale(t, b));
}

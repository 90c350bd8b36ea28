using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ForwardDiff;

/// <summary>
/// A dual number carrying <c>N = TPartials.Count</c> partial derivatives inline:
/// x = v + p₁ε₁ + … + p_Nε_N with εᵢεⱼ = 0. One evaluation of f on such numbers yields f and N directional
/// derivatives, so a gradient of n inputs costs ⌈n/N⌉ evaluations instead of n.
/// </summary>
/// <typeparam name="T">The value and partial type: <see cref="double"/>, <see cref="float"/>, <see cref="Half"/>, or another dual (nesting).</typeparam>
/// <typeparam name="TPartials">The inline storage: <c>Partials1&lt;T&gt;</c> … <c>Partials16&lt;T&gt;</c>.</typeparam>
/// <remarks>
/// <para>
/// This is ForwardDiff.jl's <c>Dual{T,V,N}</c> and Ceres' <c>Jet&lt;T, N&gt;</c> in .NET generic math: the type
/// implements <see cref="IFloatingPointIeee754{TSelf}"/>, so a function written once as
/// <c>static T F&lt;T&gt;(ReadOnlySpan&lt;T&gt; x) where T : IFloatingPointIeee754&lt;T&gt;</c> runs on it unchanged.
/// Every function is differentiated by the same rule rows (<c>ForwardDiff.Rules</c>) as <c>Dual&lt;T&gt;</c>;
/// the partials are updated by the vectorised kernels of <c>PartialsMath</c> (no heap, no per-partial branch).
/// </para>
/// <para>
/// Conventions (shared with <c>Dual&lt;T&gt;</c>): ordering and the classification predicates look at the value;
/// <c>==</c>, <see cref="Equals(ChunkDual{T, TPartials})"/> and <see cref="IsZero"/> look at the value and every partial,
/// so <c>x == 0</c> is false while x carries a perturbation. An exactly zero partial stays zero whatever the
/// local derivative (strong zero). Min/Max at a tie average both arguments' partials.
/// </para>
/// <para>
/// Nesting: <c>ChunkDual&lt;ChunkDual&lt;double, Partials8&lt;double&gt;&gt;, Partials8&lt;…&gt;&gt;</c> carries an 8 × 8 block of
/// second derivatives (the Hessian verbs are built on it). The outer partials are the newer perturbation.
/// </para>
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct ChunkDual<T, TPartials>
    where T : IFloatingPointIeee754<T>
    where TPartials : struct, IPartials<TPartials, T>
{
    // Partials first, value last: the JIT copies a dual with whole-vector moves from offset 0, so the partials'
    // vector loads then line up with those stores (store-to-load forwarding succeeds). With the value first, every
    // partials load straddled two stores and stalled; measured 3–5× slower on this machine.
    private readonly TPartials _partials;
    private readonly T _value;

    /// <summary>Creates a constant: value <paramref name="value"/>, every partial zero.</summary>
    /// <param name="value">The value.</param>
    public ChunkDual(T value)
    {
        _partials = TPartials.Zeroed;
        _value = value;
    }

    /// <summary>Creates a dual from its value and all of its partials.</summary>
    /// <param name="value">The value.</param>
    /// <param name="partials">The partials; exactly <see cref="PartialCount"/> of them.</param>
    /// <exception cref="ArgumentException"><paramref name="partials"/> does not hold <see cref="PartialCount"/> elements.</exception>
    public ChunkDual(T value, ReadOnlySpan<T> partials)
    {
        if (partials.Length != TPartials.Count)
        {
            throw new ArgumentException($"Expected {TPartials.Count} partials (the storage size) but got {partials.Length}.", nameof(partials));
        }

        _value = value;
        partials.CopyTo(MemoryMarshal.CreateSpan(ref PartialsMath.First<T, TPartials>(ref _partials), TPartials.Count));
    }

    /// <summary>Creates a dual from a value and a partials storage (by value: the register path of <see cref="PartialsValue"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ChunkDual(T value, TPartials partials)
    {
        _partials = partials;
        _value = value;
    }

    /// <summary>The number of partials every value of this type carries (the chunk size N).</summary>
    public static int PartialCount => TPartials.Count;

    /// <summary>The value (the real part).</summary>
    public T Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _value;
    }

    /// <summary>Creates a constant (every partial zero).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The constant.</returns>
    public static ChunkDual<T, TPartials> Constant(T value) => new(value);

    /// <summary>Creates the <paramref name="index"/>-th independent variable: partial <paramref name="index"/> is one, the others zero.</summary>
    /// <param name="value">The value.</param>
    /// <param name="index">The seeded partial, 0 ≤ index &lt; <see cref="PartialCount"/>.</param>
    /// <returns>The variable.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, N).</exception>
    public static ChunkDual<T, TPartials> Variable(T value, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TPartials.Count);
        ChunkDual<T, TPartials> r = new(value);
        Unsafe.Add(ref r.FirstPartial, index) = T.One;
        return r;
    }

    /// <summary>Returns partial derivative <paramref name="index"/>.</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="PartialCount"/>.</param>
    /// <returns>∂/∂εᵢ.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, N).</exception>
    public T GetPartial(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TPartials.Count);
        return Unsafe.Add(ref FirstPartial, index);
    }

    /// <summary>Copies the partials to <paramref name="destination"/>.</summary>
    /// <param name="destination">At least <see cref="PartialCount"/> elements.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="PartialCount"/>.</exception>
    public void CopyPartialsTo(Span<T> destination)
    {
        if (destination.Length < TPartials.Count)
        {
            throw new ArgumentException($"Destination holds {destination.Length} elements but {TPartials.Count} partials are to be copied.", nameof(destination));
        }

        MemoryMarshal.CreateReadOnlySpan(ref FirstPartial, TPartials.Count).CopyTo(destination);
    }

    /// <summary>A constant with value <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator ChunkDual<T, TPartials>(T value) => new(value);

    /// <summary>The first partial, by reference (callers never write through it on a shared value).</summary>
    internal ref T FirstPartial
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref PartialsMath.First<T, TPartials>(ref Unsafe.AsRef(in _partials));
    }

    /// <summary>The value, writable: used only on a freshly created result.</summary>
    internal ref T ValueRef
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.AsRef(in _value);
    }

    /// <summary>Seeds <paramref name="x"/> in place: value <paramref name="value"/>, partial <paramref name="index"/> one, the rest zero (index outside [0, N) → a constant).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Seed(ref ChunkDual<T, TPartials> x, T value, int index)
    {
        x.ValueRef = value;
        ref T p = ref x.FirstPartial;
        PartialsMath.Zero(ref p, TPartials.Count);
        if ((uint)index < (uint)TPartials.Count)
        {
            Unsafe.Add(ref p, index) = T.One;
        }
    }

    /// <summary>Seeds <paramref name="x"/> in place from a value and a seed partials vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Seed(ref ChunkDual<T, TPartials> x, T value, in TPartials seed)
    {
        x.ValueRef = value;
        Unsafe.AsRef(in x._partials) = seed;
    }

    /// <summary>The result of a unary function: value <paramref name="value"/>, partials = <paramref name="first"/> · x's partials (strong zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ChunkDual<T, TPartials> Chain(T value, T first, ChunkDual<T, TPartials> x)
    {
        if (TPartials.InRegisters)
        {
            return new(value, TPartials.Scale(first, x._partials));
        }

        // large (nested) partials: built in place by an out-of-line kernel (no by-value copies of the storage, and
        // the user's function keeps its inlining budget for the operators themselves)
        Unsafe.SkipInit(out ChunkDual<T, TPartials> r);
        ScaleInto(ref r, value, first, in x);
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ScaleInto(ref ChunkDual<T, TPartials> r, T value, T first, in ChunkDual<T, TPartials> x)
    {
        PartialsMath.Scale(ref r.FirstPartial, first, ref Unsafe.AsRef(in x).FirstPartial, TPartials.Count);
        r.ValueRef = value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LinearCombinationInto(ref ChunkDual<T, TPartials> r, T value, T dx, in ChunkDual<T, TPartials> x, T dy, in ChunkDual<T, TPartials> y)
    {
        PartialsMath.LinearCombination(ref r.FirstPartial, dx, ref Unsafe.AsRef(in x).FirstPartial, dy, ref Unsafe.AsRef(in y).FirstPartial, TPartials.Count);
        r.ValueRef = value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void AddInto(ref ChunkDual<T, TPartials> r, in ChunkDual<T, TPartials> x, in ChunkDual<T, TPartials> y)
    {
        PartialsMath.Add(ref r.FirstPartial, ref Unsafe.AsRef(in x).FirstPartial, ref Unsafe.AsRef(in y).FirstPartial, TPartials.Count);
        r.ValueRef = x._value + y._value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void SubtractInto(ref ChunkDual<T, TPartials> r, in ChunkDual<T, TPartials> x, in ChunkDual<T, TPartials> y)
    {
        PartialsMath.Subtract(ref r.FirstPartial, ref Unsafe.AsRef(in x).FirstPartial, ref Unsafe.AsRef(in y).FirstPartial, TPartials.Count);
        r.ValueRef = x._value - y._value;
    }

    /// <summary>The result of a binary function: value, partials = dx · x's partials + dy · y's partials (strong zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ChunkDual<T, TPartials> Chain(T value, T dx, ChunkDual<T, TPartials> x, T dy, ChunkDual<T, TPartials> y)
    {
        if (TPartials.InRegisters)
        {
            return new(value, TPartials.LinearCombination(dx, x._partials, dy, y._partials));
        }

        Unsafe.SkipInit(out ChunkDual<T, TPartials> r);
        LinearCombinationInto(ref r, value, dx, in x, dy, in y);
        return r;
    }

    /// <summary>A result with value <paramref name="value"/> and every partial zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ChunkDual<T, TPartials> Flat(T value) => new(value);

    /// <summary>A result with value <paramref name="value"/> and the partials of <paramref name="x"/> unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ChunkDual<T, TPartials> WithValue(T value, ChunkDual<T, TPartials> x) => new(value, x._partials);
}

using System.Numerics;
using System.Runtime.CompilerServices;

namespace ForwardDiff;

/// <summary>
/// Fixed-size inline storage for the partial derivatives of a <see cref="ChunkDual{T, TPartials}"/>:
/// <see cref="Count"/> elements of <typeparamref name="T"/> laid out contiguously inside the struct.
/// </summary>
/// <typeparam name="TSelf">The implementing storage type (<c>Partials1&lt;T&gt;</c> … <c>Partials16&lt;T&gt;</c>).</typeparam>
/// <typeparam name="T">The partial derivative type.</typeparam>
/// <remarks>
/// The implementations are <c>[InlineArray(N)]</c> structs generated from <c>Partials.template.txt</c>.
/// <see cref="Count"/> is a static abstract property, so after generic specialisation it is a JIT-time constant
/// and the vectorised loops in <c>PartialsMath</c> compile to straight-line code for each size.
/// </remarks>
public interface IPartials<TSelf, T>
    where TSelf : struct, IPartials<TSelf, T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The number of partial derivatives held.</summary>
    static abstract int Count { get; }

    // The by-value partials kernels. The defaults take the generic paths of PartialsValue (register path for double
    // [InlineArray] storage through bit-casts, by-reference kernels otherwise); the Vector256Partials storage types
    // override them with straight vector code on their own fields, which the JIT keeps in registers.

    /// <summary>
    /// Whether the by-value kernels keep this storage in registers (the <c>Vector256PartialsK</c> types, and
    /// <c>[InlineArray]</c> double storage of 4, 8, 12 or 16). Otherwise <see cref="ChunkDual{T, TPartials}"/> builds its
    /// results in place through the by-reference kernels, which saves copying large (nested) partials around.
    /// </summary>
    internal static virtual bool InRegisters
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PartialsValue.Registers<T, TSelf>();
    }

    /// <summary>Every partial zero.</summary>
    internal static virtual TSelf Zeroed
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Unsafe.SkipInit(out TSelf r);
            PartialsMath.Zero(ref PartialsMath.First<T, TSelf>(ref r), TSelf.Count);
            return r;
        }
    }

    /// <summary>a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static virtual TSelf Add(TSelf a, TSelf b) => PartialsValue.Add<T, TSelf>(a, b);

    /// <summary>a − b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static virtual TSelf Subtract(TSelf a, TSelf b) => PartialsValue.Subtract<T, TSelf>(a, b);

    /// <summary>−a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static virtual TSelf Negate(TSelf a) => PartialsValue.Negate<T, TSelf>(a);

    /// <summary>s · a, strong zero when s is not finite (see <c>StrongZero.Scale</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static virtual TSelf Scale(T s, TSelf a) => PartialsValue.Scale<T, TSelf>(s, a);

    /// <summary>s · a + t · b, strong zero per product whose factor is not finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static virtual TSelf LinearCombination(T s, TSelf a, T t, TSelf b) => PartialsValue.LinearCombination<T, TSelf>(s, a, t, b);
}

/// <summary>A generic action chosen by run-time chunk size (see <c>ChunkSizes.Dispatch</c>).</summary>
/// <typeparam name="T">The scalar type.</typeparam>
internal interface IChunkVisitor<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Runs the action with the storage type of the selected size.</summary>
    /// <typeparam name="TPartials">The partials storage type.</typeparam>
    void Visit<TPartials>()
        where TPartials : struct, IPartials<TPartials, T>;
}

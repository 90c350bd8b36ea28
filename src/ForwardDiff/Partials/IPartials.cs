using System.Numerics;

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

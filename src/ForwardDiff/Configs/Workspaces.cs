using System.Numerics;

namespace ForwardDiff;

/// <summary>The typed buffers behind <see cref="GradientConfig{T}"/> and <see cref="JacobianConfig{T}"/> for one storage size.</summary>
internal sealed class ChunkWorkspace<T, TPartials>
    where T : IFloatingPointIeee754<T>
    where TPartials : struct, IPartials<TPartials, T>
{
    public ChunkWorkspace(int inputLength, int outputLength, int workers, int chunk)
    {
        // a pass seeds `chunk` lanes of the TPartials.Count available (more when the storage is rounded up to whole vectors)
        Chunk = Math.Clamp(chunk, 1, TPartials.Count);
        Inputs = new ChunkDual<T, TPartials>[workers][];
        Outputs = new ChunkDual<T, TPartials>[workers][];
        for (int w = 0; w < workers; w++)
        {
            Inputs[w] = new ChunkDual<T, TPartials>[inputLength];
            Outputs[w] = new ChunkDual<T, TPartials>[outputLength];
        }

        Seeds = new TPartials[TPartials.Count];
        for (int k = 0; k < Seeds.Length; k++)
        {
            ref T first = ref PartialsMath.First<T, TPartials>(ref Seeds[k]);
            PartialsMath.Zero(ref first, TPartials.Count);
            System.Runtime.CompilerServices.Unsafe.Add(ref first, k) = T.One;
        }

        PartialsMath.Zero(ref PartialsMath.First<T, TPartials>(ref ZeroSeed), TPartials.Count);
    }

    /// <summary>Partials seeded per pass (the config's chunk size): at most <c>TPartials.Count</c>.</summary>
    public int Chunk { get; }

    /// <summary>Seeded inputs, one array per worker.</summary>
    public ChunkDual<T, TPartials>[][] Inputs { get; }

    /// <summary>Outputs of a vector function, one array per worker.</summary>
    public ChunkDual<T, TPartials>[][] Outputs { get; }

    /// <summary>Seeds[k] = the k-th unit vector eₖ.</summary>
    public TPartials[] Seeds { get; }

    /// <summary>All partials zero (a constant).</summary>
#pragma warning disable CA1051 // a field so that it can be passed by reference
    public TPartials ZeroSeed;
#pragma warning restore CA1051
}

/// <summary>Creates <see cref="ChunkWorkspace{T, TPartials}"/> for a run-time chunk size.</summary>
internal static class ChunkWorkspace
{
    public struct Factory<T>(int inputLength, int outputLength, int workers, int chunk) : IChunkVisitor<T>
        where T : IFloatingPointIeee754<T>
    {
        public object? Result { get; private set; }

        public void Visit<TPartials>()
            where TPartials : struct, IPartials<TPartials, T>
            => Result = new ChunkWorkspace<T, TPartials>(inputLength, outputLength, workers, chunk);
    }
}

/// <summary>
/// The typed buffers behind <see cref="HessianConfig{T}"/>: inputs of type
/// ChunkDual&lt;ChunkDual&lt;T, TInner&gt;, TOuter&gt; (both of the block size), and seeds for both levels.
/// </summary>
internal sealed class HessianWorkspace<T, TInner, TOuter>
    where T : IFloatingPointIeee754<T>
    where TInner : struct, IPartials<TInner, T>
    where TOuter : struct, IPartials<TOuter, ChunkDual<T, TInner>>
{
    public HessianWorkspace(int inputLength, int workers)
    {
        Inputs = new ChunkDual<ChunkDual<T, TInner>, TOuter>[workers][];
        for (int w = 0; w < workers; w++)
        {
            Inputs[w] = new ChunkDual<ChunkDual<T, TInner>, TOuter>[inputLength];
        }

        InnerSeeds = new TInner[TInner.Count];
        for (int k = 0; k < InnerSeeds.Length; k++)
        {
            ref T first = ref PartialsMath.First<T, TInner>(ref InnerSeeds[k]);
            PartialsMath.Zero(ref first, TInner.Count);
            System.Runtime.CompilerServices.Unsafe.Add(ref first, k) = T.One;
        }

        PartialsMath.Zero(ref PartialsMath.First<T, TInner>(ref InnerZero), TInner.Count);
        OuterSeeds = new TOuter[TOuter.Count];
        for (int k = 0; k < OuterSeeds.Length; k++)
        {
            ref ChunkDual<T, TInner> first = ref PartialsMath.First<ChunkDual<T, TInner>, TOuter>(ref OuterSeeds[k]);
            PartialsMath.Zero(ref first, TOuter.Count);
            System.Runtime.CompilerServices.Unsafe.Add(ref first, k) = ChunkDual<T, TInner>.One;
        }

        PartialsMath.Zero(ref PartialsMath.First<ChunkDual<T, TInner>, TOuter>(ref OuterZero), TOuter.Count);
    }

    public ChunkDual<ChunkDual<T, TInner>, TOuter>[][] Inputs { get; }

    public TInner[] InnerSeeds { get; }

    public TOuter[] OuterSeeds { get; }

#pragma warning disable CA1051 // fields so that they can be passed by reference
    public TInner InnerZero;

    public TOuter OuterZero;
#pragma warning restore CA1051
}

/// <summary>Creates the Hessian and Hessian–vector workspaces for a run-time block size (two nested dispatches).</summary>
internal static class HessianWorkspace
{
    public struct Factory<T>(int inputLength, int workers) : IChunkVisitor<T>
        where T : IFloatingPointIeee754<T>
    {
        public object? Result { get; private set; }

        public object? VectorProduct { get; private set; }

        public void Visit<TInner>()
            where TInner : struct, IPartials<TInner, T>
        {
            Outer<TInner> outer = new(inputLength, workers);
            ChunkSizes.Dispatch<ChunkDual<T, TInner>, Outer<TInner>>(TInner.Count, ref outer);
            Result = outer.Result;
            VectorOuter vector = new(inputLength, workers);
            ChunkSizes.Dispatch<ChunkDual<T, Partials1<T>>, VectorOuter>(TInner.Count, ref vector);
            VectorProduct = vector.Result;
        }

        private struct Outer<TInner>(int inputLength, int workers) : IChunkVisitor<ChunkDual<T, TInner>>
            where TInner : struct, IPartials<TInner, T>
        {
            public object? Result { get; private set; }

            public void Visit<TOuter>()
                where TOuter : struct, IPartials<TOuter, ChunkDual<T, TInner>>
                => Result = new HessianWorkspace<T, TInner, TOuter>(inputLength, workers);
        }

        private struct VectorOuter(int inputLength, int workers) : IChunkVisitor<ChunkDual<T, Partials1<T>>>
        {
            public object? Result { get; private set; }

            public void Visit<TOuter>()
                where TOuter : struct, IPartials<TOuter, ChunkDual<T, Partials1<T>>>
                => Result = new HessianWorkspace<T, Partials1<T>, TOuter>(inputLength, workers);
        }
    }
}

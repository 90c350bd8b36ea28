using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ForwardDiff;

/// <summary>
/// Seeding, evaluation and extraction for the chunked verbs: the loops ForwardDiff.jl keeps in apiutils and the
/// verb files. Each method processes the chunks (or Hessian blocks) <c>first, first + stride, …</c>, so one
/// serial call does all of them and parallel workers split them without sharing a buffer.
/// </summary>
/// <remarks>
/// Design note (determinism): a chunk's result depends only on x and on which inputs it seeds, never on which
/// worker runs it or in which order, so parallel evaluation is bit-identical to serial evaluation.
/// </remarks>
internal static class ChunkEngine
{
    /// <summary>Gradient chunks: writes ∂f/∂xᵢ for the processed chunks to <paramref name="gradient"/>; returns f(x).</summary>
    public static T Gradient<T, TPartials, TFunction>(ref TFunction function, ReadOnlySpan<T> x, Span<T> gradient, ChunkWorkspace<T, TPartials> workspace, int worker, int first, int stride)
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
        where TFunction : IMultivariateFunction
    {
        int n = x.Length;
        int c = workspace.Chunk;
        Span<ChunkDual<T, TPartials>> duals = workspace.Inputs[worker].AsSpan(0, n);
        if (n == 0)
        {
            return Evaluate<TFunction, ChunkDual<T, TPartials>>(ref function, duals).Value;
        }

        // every input is written once as a constant and once per pass that seeds it; the first chunk is seeded directly
        // and the last one is not reset (the next call seeds every input again), which for n ≤ c leaves one write per input
        int firstStart = first * c;
        int firstEnd = Math.Max(firstStart, Math.Min(firstStart + c, n));
        for (int i = 0; i < n; i++)
        {
            if ((uint)(i - firstStart) >= (uint)(firstEnd - firstStart))
            {
                ChunkDual<T, TPartials>.Seed(ref duals[i], x[i], in workspace.ZeroSeed);
            }
        }

        T value = T.Zero;
        TPartials[] seeds = workspace.Seeds;
        for (int start = firstStart; start < n; start += stride * c)
        {
            int length = Math.Min(c, n - start);
            for (int k = 0; k < length; k++)
            {
                ChunkDual<T, TPartials>.Seed(ref duals[start + k], x[start + k], in seeds[k]);
            }

            ChunkDual<T, TPartials> y = Evaluate<TFunction, ChunkDual<T, TPartials>>(ref function, duals);
            ref T partial = ref y.FirstPartial;
            bool last = start + (stride * c) >= n;
            for (int k = 0; k < length; k++)
            {
                gradient[start + k] = Unsafe.Add(ref partial, k);
                if (!last)
                {
                    ChunkDual<T, TPartials>.Seed(ref duals[start + k], x[start + k], in workspace.ZeroSeed);
                }
            }

            value = y.Value;
        }

        return value;
    }

    /// <summary>Jacobian chunks: writes columns of J (row-major m × n) and f(x) to <paramref name="values"/>.</summary>
    public static void Jacobian<T, TPartials, TFunction>(ref TFunction function, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian, ChunkWorkspace<T, TPartials> workspace, int worker, int first, int stride)
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
        where TFunction : IVectorFunction
    {
        int n = x.Length;
        int m = values.Length;
        int c = workspace.Chunk;
        Span<ChunkDual<T, TPartials>> duals = workspace.Inputs[worker].AsSpan(0, n);
        Span<ChunkDual<T, TPartials>> outputs = workspace.Outputs[worker].AsSpan(0, m);
        if (n == 0)
        {
            Evaluate<TFunction, ChunkDual<T, TPartials>>(ref function, duals, outputs);
            CopyValues(outputs, values);
            return;
        }

        // as in Gradient: the first chunk is seeded directly and the last one is not reset
        int firstStart = first * c;
        int firstEnd = Math.Max(firstStart, Math.Min(firstStart + c, n));
        for (int i = 0; i < n; i++)
        {
            if ((uint)(i - firstStart) >= (uint)(firstEnd - firstStart))
            {
                ChunkDual<T, TPartials>.Seed(ref duals[i], x[i], in workspace.ZeroSeed);
            }
        }

        // every row segment written below lies inside J: rows i < m, columns start … start + length ≤ n
        if (jacobian.Length < m * n)
        {
            throw new ArgumentException($"The Jacobian buffer holds {jacobian.Length} entries; m·n = {m * n}.", nameof(jacobian));
        }

        TPartials[] seeds = workspace.Seeds;
        ref T entries = ref MemoryMarshal.GetReference(jacobian);
        bool evaluated = false;
        for (int start = firstStart; start < n; start += stride * c)
        {
            int length = Math.Min(c, n - start);
            for (int k = 0; k < length; k++)
            {
                ChunkDual<T, TPartials>.Seed(ref duals[start + k], x[start + k], in seeds[k]);
            }

            Evaluate<TFunction, ChunkDual<T, TPartials>>(ref function, duals, outputs);
            evaluated = true;

            // The chunk's partials of each output are contiguous in the dual and in J's row. They are copied without a
            // slice and bounds test per row (that bookkeeping cost more than the copy at m = n = 1000), and where
            // possible as one block store of the whole storage (two 32-byte stores for Vector256Partials2<double>; not
            // for a T holding object references, where a raw store would bypass the GC's write barrier). With idle
            // lanes (a chunk shorter than the storage, or the last chunk) a serial run may still store whole storages:
            // the extra entries land in columns of the same row that a later pass overwrites, or, in the first pass,
            // in the next row's first columns, which this pass writes next. The last row never spills past J.
            ref ChunkDual<T, TPartials> output = ref MemoryMarshal.GetReference(outputs);
            int blockRows = 0;
            if (!RuntimeHelpers.IsReferenceOrContainsReferences<TPartials>() && Unsafe.SizeOf<TPartials>() == TPartials.Count * Unsafe.SizeOf<T>())
            {
                if (length == TPartials.Count || (stride == 1 && start + TPartials.Count <= n))
                {
                    blockRows = m;
                }
                else if (stride == 1 && start == 0 && TPartials.Count - n <= length)
                {
                    blockRows = m - 1;
                }
            }

            if (blockRows == m)
            {
                for (int i = 0; i < m; i++)
                {
                    ref T partial = ref Unsafe.Add(ref output, i).FirstPartial;
                    ref T row = ref Unsafe.Add(ref entries, (i * n) + start);
                    Unsafe.WriteUnaligned(ref Unsafe.As<T, byte>(ref row), Unsafe.As<T, TPartials>(ref partial));
                }
            }
            else
            {
                for (int i = 0; i < blockRows; i++)
                {
                    ref T partial = ref Unsafe.Add(ref output, i).FirstPartial;
                    ref T row = ref Unsafe.Add(ref entries, (i * n) + start);
                    Unsafe.WriteUnaligned(ref Unsafe.As<T, byte>(ref row), Unsafe.As<T, TPartials>(ref partial));
                }

                for (int i = blockRows; i < m; i++)
                {
                    ref T partial = ref Unsafe.Add(ref output, i).FirstPartial;
                    ref T row = ref Unsafe.Add(ref entries, (i * n) + start);
                    for (int k = 0; k < length; k++)
                    {
                        Unsafe.Add(ref row, k) = Unsafe.Add(ref partial, k);
                    }
                }
            }

            if (start + (stride * c) < n)
            {
                for (int k = 0; k < length; k++)
                {
                    ChunkDual<T, TPartials>.Seed(ref duals[start + k], x[start + k], in workspace.ZeroSeed);
                }
            }
        }

        // the values are the same in every pass: copied once
        if (evaluated)
        {
            CopyValues(outputs, values);
        }
    }

    /// <summary>
    /// Hessian blocks (bi ≤ bj only, numbered row by row): each pass seeds block bi on the outer partials and block bj
    /// on the inner ones, reads the bi × bj block of second partials and mirrors it; diagonal blocks also give the gradient.
    /// </summary>
    public static T Hessian<T, TInner, TOuter, TFunction>(ref TFunction function, ReadOnlySpan<T> x, Span<T> gradient, Span<T> hessian, HessianWorkspace<T, TInner, TOuter> workspace, int worker, int first, int stride)
        where T : IFloatingPointIeee754<T>
        where TInner : struct, IPartials<TInner, T>
        where TOuter : struct, IPartials<TOuter, ChunkDual<T, TInner>>
        where TFunction : IMultivariateFunction
    {
        int n = x.Length;
        int c = TInner.Count;
        int blocks = ChunkSizes.DivideRoundingUp(n, c);
        Span<ChunkDual<ChunkDual<T, TInner>, TOuter>> duals = workspace.Inputs[worker].AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[i], new ChunkDual<T, TInner>(x[i]), in workspace.OuterZero);
        }

        if (n == 0)
        {
            return Evaluate<TFunction, ChunkDual<ChunkDual<T, TInner>, TOuter>>(ref function, duals).Value.Value;
        }

        T value = T.Zero;
        int block = 0;
        for (int bi = 0; bi < blocks; bi++)
        {
            for (int bj = bi; bj < blocks; bj++, block++)
            {
                if (block % stride != first)
                {
                    continue;
                }

                int si = bi * c;
                int li = Math.Min(c, n - si);
                int sj = bj * c;
                int lj = Math.Min(c, n - sj);
                for (int k = 0; k < lj; k++)
                {
                    ChunkDual<T, TInner> inner = default;
                    ChunkDual<T, TInner>.Seed(ref inner, x[sj + k], in workspace.InnerSeeds[k]);
                    ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[sj + k], inner, in workspace.OuterZero);
                }

                for (int k = 0; k < li; k++)
                {
                    ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[si + k], duals[si + k].Value, in workspace.OuterSeeds[k]);
                }

                ChunkDual<ChunkDual<T, TInner>, TOuter> y = Evaluate<TFunction, ChunkDual<ChunkDual<T, TInner>, TOuter>>(ref function, duals);
                ref ChunkDual<T, TInner> outer = ref y.FirstPartial;
                for (int p = 0; p < li; p++)
                {
                    ref T second = ref Unsafe.Add(ref outer, p).FirstPartial;
                    int row = si + p;
                    for (int q = 0; q < lj; q++)
                    {
                        int column = sj + q;
                        if (row <= column)
                        {
                            T h = Unsafe.Add(ref second, q);
                            hessian[(row * n) + column] = h;
                            hessian[(column * n) + row] = h;
                        }
                    }

                    if (bi == bj && !gradient.IsEmpty)
                    {
                        gradient[row] = Unsafe.Add(ref outer, p).Value;
                    }
                }

                for (int k = 0; k < li; k++)
                {
                    ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[si + k], new ChunkDual<T, TInner>(x[si + k]), in workspace.OuterZero);
                }

                for (int k = 0; k < lj; k++)
                {
                    ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[sj + k], new ChunkDual<T, TInner>(x[sj + k]), in workspace.OuterZero);
                }

                value = y.Value.Value;
            }
        }

        return value;
    }

    /// <summary>The number of passes of <see cref="HessianRows"/>: for each row r, the inner blocks from the one holding r onwards.</summary>
    public static int RowSegmentPasses(int n, int c)
    {
        int blocks = ChunkSizes.DivideRoundingUp(n, c);
        int passes = 0;
        for (int r = 0; r < n; r++)
        {
            passes += blocks - (r / c);
        }

        return passes;
    }

    /// <summary>
    /// Hessian row segments (upper triangle only, numbered row by row): each pass seeds input r on the single outer
    /// partial and a block of inputs on the inner partials, reads the 1 × c segment H[r, block] and mirrors it; the first
    /// segment of each row also gives ∂f/∂x_r. The nested duals are small enough for the JIT to keep in registers, which
    /// outweighs the c-fold more passes than square blocks need.
    /// </summary>
    public static T HessianRows<T, TInner, TOuter, TFunction>(ref TFunction function, ReadOnlySpan<T> x, Span<T> gradient, Span<T> hessian, HessianWorkspace<T, TInner, TOuter> workspace, int worker, int first, int stride)
        where T : IFloatingPointIeee754<T>
        where TInner : struct, IPartials<TInner, T>
        where TOuter : struct, IPartials<TOuter, ChunkDual<T, TInner>>
        where TFunction : IMultivariateFunction
    {
        int n = x.Length;
        int c = TInner.Count;
        int blocks = ChunkSizes.DivideRoundingUp(n, c);
        Span<ChunkDual<ChunkDual<T, TInner>, TOuter>> duals = workspace.Inputs[worker].AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[i], new ChunkDual<T, TInner>(x[i]), in workspace.OuterZero);
        }

        if (n == 0)
        {
            return Evaluate<TFunction, ChunkDual<ChunkDual<T, TInner>, TOuter>>(ref function, duals).Value.Value;
        }

        T value = T.Zero;
        int pass = 0;
        for (int row = 0; row < n; row++)
        {
            for (int bj = row / c; bj < blocks; bj++, pass++)
            {
                if (pass % stride != first)
                {
                    continue;
                }

                int sj = bj * c;
                int lj = Math.Min(c, n - sj);
                for (int k = 0; k < lj; k++)
                {
                    ChunkDual<T, TInner> inner = default;
                    ChunkDual<T, TInner>.Seed(ref inner, x[sj + k], in workspace.InnerSeeds[k]);
                    ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[sj + k], inner, in workspace.OuterZero);
                }

                ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[row], duals[row].Value, in workspace.OuterSeeds[0]);
                ChunkDual<ChunkDual<T, TInner>, TOuter> y = Evaluate<TFunction, ChunkDual<ChunkDual<T, TInner>, TOuter>>(ref function, duals);
                ref ChunkDual<T, TInner> outer = ref y.FirstPartial;
                ref T second = ref outer.FirstPartial;
                for (int q = 0; q < lj; q++)
                {
                    int column = sj + q;
                    if (row <= column)
                    {
                        T h = Unsafe.Add(ref second, q);
                        hessian[(row * n) + column] = h;
                        hessian[(column * n) + row] = h;
                    }
                }

                if (bj == row / c && !gradient.IsEmpty)
                {
                    gradient[row] = outer.Value;
                }

                ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[row], new ChunkDual<T, TInner>(x[row]), in workspace.OuterZero);
                for (int k = 0; k < lj; k++)
                {
                    ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[sj + k], new ChunkDual<T, TInner>(x[sj + k]), in workspace.OuterZero);
                }

                value = y.Value.Value;
            }
        }

        return value;
    }

    /// <summary>
    /// Hessian–vector products on register-resident nested duals (<see cref="HessianRows"/>'s types): the inner level
    /// carries a chunk of unit seeds, the single outer partial the direction v. The outer partial of f is then ∇f·v and
    /// its inner partials ∂(∇f·v)/∂x_k = (Hv)_k for the chunk; the inner partials of f's value are ∂f/∂x_k. Returns f(x).
    /// </summary>
    public static T HessianVectorRows<T, TInner, TOuter, TFunction>(ref TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, Span<T> gradient, Span<T> product, HessianWorkspace<T, TInner, TOuter> workspace, int worker, int first, int stride)
        where T : IFloatingPointIeee754<T>
        where TInner : struct, IPartials<TInner, T>
        where TOuter : struct, IPartials<TOuter, ChunkDual<T, TInner>>
        where TFunction : IMultivariateFunction
    {
        System.Diagnostics.Debug.Assert(TOuter.Count == 1, "one outer partial: the direction");
        int n = x.Length;
        int c = TInner.Count;
        Span<ChunkDual<ChunkDual<T, TInner>, TOuter>> duals = workspace.Inputs[worker].AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[i], new ChunkDual<T, TInner>(x[i]), DirectionPartial<T, TInner, TOuter>(direction[i]));
        }

        if (n == 0)
        {
            return Evaluate<TFunction, ChunkDual<ChunkDual<T, TInner>, TOuter>>(ref function, duals).Value.Value;
        }

        T value = T.Zero;
        for (int start = first * c; start < n; start += stride * c)
        {
            int length = Math.Min(c, n - start);
            for (int k = 0; k < length; k++)
            {
                ChunkDual<T, TInner> inner = default;
                ChunkDual<T, TInner>.Seed(ref inner, x[start + k], in workspace.InnerSeeds[k]);
                ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[start + k], inner, DirectionPartial<T, TInner, TOuter>(direction[start + k]));
            }

            ChunkDual<ChunkDual<T, TInner>, TOuter> y = Evaluate<TFunction, ChunkDual<ChunkDual<T, TInner>, TOuter>>(ref function, duals);
            ChunkDual<T, TInner> f = y.Value;
            ref T firstPartials = ref f.FirstPartial;
            ref T secondPartials = ref y.FirstPartial.FirstPartial;
            for (int k = 0; k < length; k++)
            {
                product[start + k] = Unsafe.Add(ref secondPartials, k);
                if (!gradient.IsEmpty)
                {
                    gradient[start + k] = Unsafe.Add(ref firstPartials, k);
                }

                ChunkDual<ChunkDual<T, TInner>, TOuter>.Seed(ref duals[start + k], new ChunkDual<T, TInner>(x[start + k]), DirectionPartial<T, TInner, TOuter>(direction[start + k]));
            }

            value = f.Value;
        }

        return value;
    }

    /// <summary>The single outer partial v (an inner dual with no inner partials) of an input whose direction component is v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TOuter DirectionPartial<T, TInner, TOuter>(T v)
        where T : IFloatingPointIeee754<T>
        where TInner : struct, IPartials<TInner, T>
        where TOuter : struct, IPartials<TOuter, ChunkDual<T, TInner>>
    {
        TOuter outer = default;
        PartialsMath.First<ChunkDual<T, TInner>, TOuter>(ref outer) = new ChunkDual<T, TInner>(v);
        return outer;
    }

    /// <summary>
    /// Hessian–vector chunks: the inner (one-partial) level carries the direction v, the outer level a chunk of unit
    /// seeds, so the outer partial p of f gives ∂f/∂xₚ and its inner partial (Hv)ₚ. Returns f(x).
    /// </summary>
    public static T HessianVector<T, TOuter, TFunction>(ref TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, Span<T> gradient, Span<T> product, HessianWorkspace<T, Partials1<T>, TOuter> workspace, int worker, int first, int stride)
        where T : IFloatingPointIeee754<T>
        where TOuter : struct, IPartials<TOuter, ChunkDual<T, Partials1<T>>>
        where TFunction : IMultivariateFunction
    {
        int n = x.Length;
        int c = TOuter.Count;
        Span<ChunkDual<ChunkDual<T, Partials1<T>>, TOuter>> duals = workspace.Inputs[worker].AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            ChunkDual<T, Partials1<T>> inner = new(x[i], new ReadOnlySpan<T>(in direction[i]));
            ChunkDual<ChunkDual<T, Partials1<T>>, TOuter>.Seed(ref duals[i], inner, in workspace.OuterZero);
        }

        if (n == 0)
        {
            return Evaluate<TFunction, ChunkDual<ChunkDual<T, Partials1<T>>, TOuter>>(ref function, duals).Value.Value;
        }

        T value = T.Zero;
        for (int start = first * c; start < n; start += stride * c)
        {
            int length = Math.Min(c, n - start);
            for (int k = 0; k < length; k++)
            {
                ChunkDual<ChunkDual<T, Partials1<T>>, TOuter>.Seed(ref duals[start + k], duals[start + k].Value, in workspace.OuterSeeds[k]);
            }

            ChunkDual<ChunkDual<T, Partials1<T>>, TOuter> y = Evaluate<TFunction, ChunkDual<ChunkDual<T, Partials1<T>>, TOuter>>(ref function, duals);
            ref ChunkDual<T, Partials1<T>> outer = ref y.FirstPartial;
            for (int k = 0; k < length; k++)
            {
                ref ChunkDual<T, Partials1<T>> partial = ref Unsafe.Add(ref outer, k);
                product[start + k] = partial.FirstPartial;
                if (!gradient.IsEmpty)
                {
                    gradient[start + k] = partial.Value;
                }

                ChunkDual<ChunkDual<T, Partials1<T>>, TOuter>.Seed(ref duals[start + k], duals[start + k].Value, in workspace.OuterZero);
            }

            value = y.Value.Value;
        }

        return value;
    }

    private static void CopyValues<T, TPartials>(Span<ChunkDual<T, TPartials>> outputs, Span<T> values)
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
    {
        for (int i = 0; i < outputs.Length; i++)
        {
            values[i] = outputs[i].Value;
        }
    }

    /// <summary>
    /// Calls f on dual numbers from its own (non-inlined) frame. Design note: inlined into the chunk loop, the user's
    /// function shared that loop's JIT inlining budget, the budget ran out part-way through the function and the
    /// remaining dual operators became calls copying 100-byte structs (measured 3–10× slower). As a root of its
    /// own, the function body gets the whole budget and every operator inlines.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TNumber Evaluate<TFunction, TNumber>(ref TFunction function, Span<TNumber> x)
        where TFunction : IMultivariateFunction
        where TNumber : IFloatingPointIeee754<TNumber>
        => function.Invoke<TNumber>(x);

    /// <summary>Calls a vector function on dual numbers from its own frame (see the other overload).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Evaluate<TFunction, TNumber>(ref TFunction function, Span<TNumber> x, Span<TNumber> y)
        where TFunction : IVectorFunction
        where TNumber : IFloatingPointIeee754<TNumber>
        => function.Invoke<TNumber>(x, y);

    /// <summary>Runs <paramref name="body"/>(worker) for every worker on the thread pool and waits.</summary>
    public static void RunWorkers(int workers, Action<int> body)
        => System.Threading.Tasks.Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, body);
}

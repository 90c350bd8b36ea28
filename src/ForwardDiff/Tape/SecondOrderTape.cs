using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ForwardDiff.Tape;

/// <summary>One recorded operation: up to two parents (0 = the constant node) and the local first partials at the point.</summary>
internal struct TapeNode<T>
{
    public int A;
    public int B;
    public T Da;
    public T Db;
}

/// <summary>
/// The local second partials of one recorded operation, kept beside <see cref="TapeNode{T}"/> only by tapes that
/// compute second derivatives (a gradient's recording writes and reads half the bytes per operation).
/// </summary>
/// <remarks>
/// After the first-order reverse pass they hold the second partials weighted by the node's adjoint λ (λ·∂²aa, …), which
/// is all the second-order sweeps need of them.
/// </remarks>
internal struct TapeCurvature<T>
{
    public T Daa;
    public T Dab;
    public T Dbb;
}

/// <summary>
/// The tape of <see cref="HessianMethod.SecondOrderAdjoint"/> and its sweeps. Node 0 is the constant node (tangent 0),
/// nodes 1…n the inputs, then one node per recorded operation in evaluation order (so parents precede children).
/// A config owns one tape and reuses its buffers, so repeated calls allocate nothing once the tape has grown to the
/// function's size.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
internal sealed class SecondOrderTape<T>
    where T : IFloatingPointIeee754<T>
{
    // The thread's recording tape. A thread static of a generic class is reached through a runtime helper; the
    // non-generic holder's fields are inlined TLS accesses, one per element type (the JIT folds the choice).
    private static SecondOrderTape<T>? t_current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (typeof(T) == typeof(double))
            {
                return Unsafe.As<SecondOrderTape<T>?>(CurrentTape.Double);
            }

            if (typeof(T) == typeof(float))
            {
                return Unsafe.As<SecondOrderTape<T>?>(CurrentTape.Single);
            }

            return CurrentTape.Other as SecondOrderTape<T>;
        }

        set
        {
            if (typeof(T) == typeof(double))
            {
                CurrentTape.Double = value;
            }
            else if (typeof(T) == typeof(float))
            {
                CurrentTape.Single = value;
            }
            else
            {
                CurrentTape.Other = value;
            }
        }
    }

    private readonly int _workers;
    private TapeNode<T>[] _nodes;
    private TapeCurvature<T>[] _second;
    private readonly bool _secondOrder;
    private int _count;
    private T[] _adjoints;
    private readonly TapeNumber<T>[] _inputs;
    private readonly TapeNumber<T>[] _outputs;
    private readonly T[][] _tangents;
    private readonly T[][] _secondAdjoints;
    private readonly byte[][] _active;
    private byte[] _curvatures;
    private readonly int[] _firstUse;
    private bool _nestedDualsRequired;
    private bool _overflowed;
    private readonly byte[][] _touched;

    /// <summary>Creates a tape for <paramref name="inputLength"/> inputs and <paramref name="workers"/> sweep workers.</summary>
    /// <param name="inputLength">n.</param>
    /// <param name="workers">Sweep workers (1 unless the config is parallel).</param>
    /// <param name="use">What the tape computes, which decides the buffers it holds.</param>
    /// <param name="outputLength">m, for <see cref="TapeUse.Jacobian"/>.</param>
    public SecondOrderTape(int inputLength, int workers, TapeUse use = TapeUse.Hessian, int outputLength = 0)
    {
        InputLength = inputLength;
        _workers = workers;
        int capacity = Math.Max(64, 16 * (inputLength + 1));
        bool sweeps = use != TapeUse.Gradient;
        _nodes = new TapeNode<T>[capacity];
        _secondOrder = use == TapeUse.Hessian;
        _second = _secondOrder ? new TapeCurvature<T>[capacity] : [];
        _adjoints = new T[capacity];
        _inputs = new TapeNumber<T>[inputLength];
        _outputs = new TapeNumber<T>[use == TapeUse.Jacobian ? outputLength : 0];
        _curvatures = new byte[capacity];
        _firstUse = new int[inputLength + 2];
        _tangents = new T[workers][];
        _secondAdjoints = new T[workers][];
        _active = new byte[workers][];
        _touched = new byte[workers][];
        // allocated here, so that even a first call allocates nothing while f records at most 16 operations per input
        for (int w = 0; w < workers; w++)
        {
            _tangents[w] = sweeps ? new T[capacity * Lanes] : [];
            _secondAdjoints[w] = _secondOrder ? new T[capacity * Lanes] : [];
            _active[w] = sweeps ? new byte[capacity] : [];
            _touched[w] = sweeps ? new byte[capacity] : [];
        }
    }

    /// <summary>The most directions per sweep: four <see cref="Vector256{T}"/> (16 doubles, 32 floats).</summary>
    public static int Lanes => 4 * Vector256<T>.Count;

    /// <summary>n.</summary>
    public int InputLength { get; }

    /// <summary>Appends a node to the current thread's tape and returns its index.</summary>
    /// <remarks>
    /// Nothing on this path calls a method: a call would clobber every vector register (all are caller-saved on
    /// x64 Unix), and the JIT would then keep the user's numbers in memory across every operation. So a full tape only
    /// sets a flag and records the result as a constant (the recording reruns f on a grown tape), and a use on a
    /// thread without a recording only counts itself.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Push(int a, T da, int b, T db, T daa, T dab, T dbb)
    {
        SecondOrderTape<T>? tape = t_current;
        if (tape is null)
        {
            return ForeignUse();
        }

        int k = tape._count;
        TapeNode<T>[] nodes = tape._nodes;
        if ((uint)k >= (uint)nodes.Length)
        {
            tape._overflowed = true;
            return 0;
        }

        ref TapeNode<T> node = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(nodes), k);
        node.A = a;
        node.B = b;
        node.Da = da;
        node.Db = db;
        if (tape._secondOrder)
        {
            ref TapeCurvature<T> second = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(tape._second), k);
            second.Daa = daa;
            second.Dab = dab;
            second.Dbb = dbb;
        }

        tape._count = k + 1;
        return k;
    }

    /// <summary>
    /// Makes the current recording fall back to nested duals: called where a value is not finite or where a
    /// convention of the dual numbers decides a second partial (x^y at x = 0), which the tape's sweeps would not
    /// reproduce bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RequireNestedDuals()
    {
        if (t_current is { } tape)
        {
            tape._nestedDualsRequired = true;
        }
        else
        {
            ForeignUse();
        }
    }

    // A tape number met on a thread that is not recording (f runs its own parallel loop on T): the operation is
    // recorded nowhere, so the recording that owns the number cannot be trusted. Every recording compares this
    // process-wide count before and after, and hands its call to the duals when it moved (a recording running
    // concurrently on another thread may do so needlessly, which costs time, never correctness). Interlocked.Increment
    // is an intrinsic (one locked add), not a call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ForeignUse()
    {
        Interlocked.Increment(ref CurrentTape.ForeignUses);
        return 0;
    }

    // Doubles the tape up to MaxNodes; past it the recording is abandoned (the call falls back to duals), so a function
    // with very many operations per input never holds a huge tape in a cached config.
    private bool TryGrow()
    {
        if (_nodes.Length >= MaxNodes)
        {
            return false;
        }

        Array.Resize(ref _nodes, Math.Min(_nodes.Length * 2, MaxNodes));
        if (_secondOrder)
        {
            Array.Resize(ref _second, _nodes.Length);
        }

        return true;
    }

    /// <summary>The most operations a recording may hold: 64 per input, at least 65 536.</summary>
    private int MaxNodes => Math.Max(1 << 16, 64 * (InputLength + 1));

    /// <summary>
    /// Records f at x, then computes f(x), ∇f (into <paramref name="gradient"/> unless empty) and H (row-major into
    /// <paramref name="hessian"/>). Returns false, with the outputs unspecified, when a local partial or a result is not
    /// finite: the caller then redoes the work with nested duals, whose conventions decide at such points.
    /// </summary>
    public bool TryRun<TFunction>(ref TFunction function, ReadOnlySpan<T> x, Span<T> gradient, Span<T> hessian, out T value)
        where TFunction : IMultivariateFunction
    {
        int n = InputLength;
        foreach (T xi in x)
        {
            if (!T.IsFinite(xi))
            {
                // NaN and ±∞ inputs: the conventions of the dual numbers decide
                value = T.Zero;
                return false;
            }
        }

        int output = Record(ref function, x, out value);
        if (_nestedDualsRequired || !ReverseFirstOrder(output))
        {
            return false;
        }

        // lanes per sweep: whole vectors up to four, fewer only when n needs fewer (the bits do not depend on the width:
        // every lane does the same operations, and a skipped contribution is an exact zero)
        int vectors = Math.Clamp((n + Vector256<T>.Count - 1) / Vector256<T>.Count, 1, 4);
        return vectors switch
        {
            1 => RunSweeps<OneVector>(output, gradient, hessian),
            2 => RunSweeps<TwoVectors>(output, gradient, hessian),
            3 => RunSweeps<ThreeVectors>(output, gradient, hessian),
            _ => RunSweeps<FourVectors>(output, gradient, hessian),
        };
    }

    private bool RunSweeps<TWidth>(int output, Span<T> gradient, Span<T> hessian)
        where TWidth : struct, ILaneWidth
    {
        int lanes = TWidth.Vectors * Vector256<T>.Count;
        int sweeps = (InputLength + lanes - 1) / lanes;
        int workers = Math.Min(_workers, Math.Max(1, sweeps));
        if (workers <= 1)
        {
            bool finite = true;
            for (int s = 0; s < sweeps; s++)
            {
                finite &= Sweep<TWidth>(0, s * lanes, output, gradient, hessian);
            }

            return finite;
        }

        return RunParallel<TWidth>(workers, sweeps, output, gradient, hessian);
    }

    /// <summary>
    /// Records f at x, then computes f(x), ∇f (reverse adjoints, into <paramref name="gradient"/> unless empty) and
    /// H·v (one sweep with v as its direction). False, with the outputs unspecified, where an input, a direction
    /// component, a value, a local partial or a result is not finite (the caller then uses nested duals).
    /// </summary>
    public bool TryHessianVector<TFunction>(ref TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, Span<T> gradient, Span<T> product, out T value)
        where TFunction : IMultivariateFunction
    {
        value = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            if (!T.IsFinite(x[i]) || !T.IsFinite(direction[i]))
            {
                return false;
            }
        }

        int output = Record(ref function, x, out value);
        if (_nestedDualsRequired || !ReverseFirstOrder(output))
        {
            return false;
        }

        bool finite = true;
        for (int i = 0; i < gradient.Length; i++)
        {
            T g = _adjoints[i + 1];
            finite &= T.IsFinite(g);
            gradient[i] = g;
        }

        return DirectionSweep(direction, product) && finite;
    }

    /// <summary>
    /// Records f at x and writes ∇f by one reverse pass (adjoints only). False, with the output unspecified, where an
    /// input, a value, a local first partial or a gradient entry is not finite (the caller then uses chunked duals).
    /// </summary>
    public bool TryGradient<TFunction>(ref TFunction function, ReadOnlySpan<T> x, Span<T> gradient, out T value)
        where TFunction : IMultivariateFunction
    {
        value = T.Zero;
        foreach (T xi in x)
        {
            if (!T.IsFinite(xi))
            {
                return false;
            }
        }

        int output = Record(ref function, x, out value);
        if (_nestedDualsRequired)
        {
            return false;
        }

        int count = _count;
        if (_adjoints.Length < count)
        {
            _adjoints = new T[_nodes.Length];
            _curvatures = new byte[_nodes.Length];
        }

        Span<T> adjoints = _adjoints.AsSpan(0, count);
        adjoints.Clear();
        if (output != 0)
        {
            adjoints[output] = T.One;
        }

        // No test of the local partials here: every recorded node has a path to an input (a node's parents are earlier
        // nodes, and an operation whose operands are all constants records nothing), and a non-finite value is never
        // lost on that path (λ·∞ and 0·∞ are ∞ or NaN, and a NaN or ∞ adjoint stays one through every sum and product),
        // so a non-finite local partial anywhere reaches a gradient entry, which is tested.
        T check = T.Zero;
        ref TapeNode<T> nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref T lambda = ref MemoryMarshal.GetReference(adjoints);
        for (int k = count - 1; k > InputLength; k--)
        {
            ref TapeNode<T> node = ref Unsafe.Add(ref nodes, k);
            T lk = Unsafe.Add(ref lambda, k);
            Unsafe.Add(ref lambda, node.A) += lk * node.Da;
            Unsafe.Add(ref lambda, node.B) += lk * node.Db;
        }

        for (int i = 0; i < InputLength; i++)
        {
            T g = Unsafe.Add(ref lambda, i + 1);
            check += g * T.Zero;
            gradient[i] = g;
        }

        return T.IsFinite(check);
    }

    /// <summary>
    /// Records the vector function f at x and writes f(x) to <paramref name="values"/> and J row-major to
    /// <paramref name="destination"/> by forward sweeps of up to 16 directions (32 for float) over the tape, each
    /// visiting only the nodes that depend on its inputs. False, with the outputs unspecified, where an input, a
    /// recorded value, a local partial or a Jacobian entry is not finite (the caller then uses chunked duals).
    /// </summary>
    public bool TryJacobian<TFunction>(ref TFunction function, ReadOnlySpan<T> x, Span<T> values, Span<T> destination)
        where TFunction : IVectorFunction
    {
        foreach (T xi in x)
        {
            if (!T.IsFinite(xi))
            {
                return false;
            }
        }

        RecordVector(ref function, x, values);
        if (_nestedDualsRequired || !FirstPartialsFinite())
        {
            return false;
        }

        // the first node reading each input, where a sweep seeding it starts (non-inputs share the spare last slot)
        int n = InputLength;
        Span<int> firstUse = _firstUse;
        firstUse.Fill(_count);
        ref TapeNode<T> nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        for (int k = _count - 1; k > n; k--)
        {
            ref TapeNode<T> node = ref Unsafe.Add(ref nodes, k);
            firstUse[node.A <= n ? node.A : n + 1] = k;
            firstUse[node.B <= n ? node.B : n + 1] = k;
        }

        int vectors = Math.Clamp((n + Vector256<T>.Count - 1) / Vector256<T>.Count, 1, 4);
        return vectors switch
        {
            1 => RunJacobianSweeps<OneVector>(destination),
            2 => RunJacobianSweeps<TwoVectors>(destination),
            3 => RunJacobianSweeps<ThreeVectors>(destination),
            _ => RunJacobianSweeps<FourVectors>(destination),
        };
    }

    // Whether every recorded local first partial is finite. A forward sweep skips the nodes its directions do not
    // reach, where the duals would multiply an infinite partial by a zero tangent (NaN), so such a tape hands over.
    private bool FirstPartialsFinite()
    {
        ref TapeNode<T> nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        bool finite = true;
        for (int k = InputLength + 1; k < _count; k++)
        {
            ref TapeNode<T> node = ref Unsafe.Add(ref nodes, k);
            finite &= node.Da - node.Da == T.Zero && node.Db - node.Db == T.Zero;
        }

        return finite;
    }

    // A J of up to 2¹⁶ entries is written block by block, each entry once (zeros included); a larger one is cleared in
    // one sequential pass first, after which the sweeps write only the outputs they reach: writing zeros block by block
    // strides through a J far larger than the cache (n = 1000: 1.5–2.5 ms against 0.85–1.1 ms).
    private bool RunJacobianSweeps<TWidth>(Span<T> destination)
        where TWidth : struct, ILaneWidth
    {
        int lanes = TWidth.Vectors * Vector256<T>.Count;
        int sweeps = (InputLength + lanes - 1) / lanes;
        int workers = Math.Min(_workers, Math.Max(1, sweeps));
        bool cleared = destination.Length > 1 << 16;
        if (cleared)
        {
            destination.Clear();
        }

        if (workers <= 1)
        {
            bool finite = true;
            for (int s = 0; s < sweeps; s++)
            {
                finite &= JacobianSweep<TWidth>(0, s * lanes, destination, cleared);
            }

            return finite;
        }

        return RunJacobianParallel<TWidth>(workers, sweeps, destination);
    }

    // Separate so that the closure exists only in parallel mode (the serial path allocates nothing).
    private bool RunJacobianParallel<TWidth>(int workers, int sweeps, Span<T> destinationOut)
        where TWidth : struct, ILaneWidth
    {
        int lanes = TWidth.Vectors * Vector256<T>.Count;
        T[] destination = new T[destinationOut.Length];
        bool[] finite = new bool[workers];
        ChunkEngine.RunWorkers(workers, w =>
        {
            bool ok = true;
            for (int s = w; s < sweeps; s += workers)
            {
                ok &= JacobianSweep<TWidth>(w, s * lanes, destination, cleared: true);
            }

            finite[w] = ok;
        });
        destination.CopyTo(destinationOut);
        return Array.TrueForAll(finite, static ok => ok);
    }

    // One block of directions e_j0 …: forward tangents, then columns j0 … of J from the outputs' tangent rows (zero for
    // an output that does not depend on the block's inputs); restores the sweep invariant.
    private bool JacobianSweep<TWidth>(int worker, int j0, Span<T> destination, bool cleared)
        where TWidth : struct, ILaneWidth
    {
        int n = InputLength;
        int lanes = TWidth.Vectors * Vector256<T>.Count;
        EnsureSweepBuffers(worker);
        T[] tangentArray = _tangents[worker];
        byte[] activeArray = _active[worker];
        int width = Math.Min(lanes, n - j0);
        // seeds: input j0 + l gets the row e_l (written whole: rows are not cleared between Jacobian sweeps)
        int first = _count;
        ref T seeds = ref MemoryMarshal.GetArrayDataReference(tangentArray);
        for (int l = 0; l < width; l++)
        {
            ref T seed = ref Unsafe.Add(ref seeds, (j0 + l + 1) * lanes);
            ClearRow<TWidth>(ref seed);
            Unsafe.Add(ref seed, l) = T.One;
            activeArray[j0 + l + 1] = 1;
            first = Math.Min(first, _firstUse[j0 + l + 1]);
        }

        PropagateForward<TWidth>(worker, first);

        // columns j0 … of every row: the output's tangent row, or zeros for an output that does not depend on the
        // block's inputs (unless J was cleared before the sweeps)
        bool finite = true;
        ref T tangents = ref MemoryMarshal.GetArrayDataReference(tangentArray);
        for (int i = 0; i < _outputs.Length; i++)
        {
            int node = _outputs[i].Index;
            Span<T> target = destination.Slice((i * n) + j0, width);
            if (node == 0 || activeArray[node] == 0)
            {
                if (cleared)
                {
                    continue;
                }

                if (width == lanes)
                {
                    ClearRow<TWidth>(ref MemoryMarshal.GetReference(target));
                }
                else
                {
                    target.Clear();
                }

                continue;
            }

            ref T row = ref Unsafe.Add(ref tangents, node * lanes);
            finite &= RowFinite<TWidth>(ref row);
            if (width == lanes)
            {
                CopyRow<TWidth>(ref row, ref MemoryMarshal.GetReference(target));
            }
            else
            {
                MemoryMarshal.CreateReadOnlySpan(ref row, width).CopyTo(target);
            }
        }

        // only the flags are cleared; stale rows are never read (inactive parents read row 0, seeds are rewritten)
        activeArray.AsSpan(j0 + 1, width).Clear();
        if (first < _count)
        {
            activeArray.AsSpan(first, _count - first).Clear();
        }

        return finite;
    }

    // A whole tangent row into J (a full-width block: every lane is a column of this sweep).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRow<TWidth>(ref T row, ref T target)
        where TWidth : struct, ILaneWidth
    {
        int half = Vector256<T>.Count;
        Vector256.LoadUnsafe(ref row).StoreUnsafe(ref target);
        if (TWidth.Vectors > 1)
        {
            Vector256.LoadUnsafe(ref row, (nuint)half).StoreUnsafe(ref target, (nuint)half);
        }

        if (TWidth.Vectors > 2)
        {
            Vector256.LoadUnsafe(ref row, (nuint)(2 * half)).StoreUnsafe(ref target, (nuint)(2 * half));
        }

        if (TWidth.Vectors > 3)
        {
            Vector256.LoadUnsafe(ref row, (nuint)(3 * half)).StoreUnsafe(ref target, (nuint)(3 * half));
        }
    }

    // Whether a tangent row (lanes past the block's width are zero) holds only finite values: v − v is +0 exactly then.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool RowFinite<TWidth>(ref T row)
        where TWidth : struct, ILaneWidth
    {
        int half = Vector256<T>.Count;
        Vector256<T> v = Vector256.LoadUnsafe(ref row);
        Vector256<T> residue = v - v;
        if (TWidth.Vectors > 1)
        {
            v = Vector256.LoadUnsafe(ref row, (nuint)half);
            residue |= v - v;
        }

        if (TWidth.Vectors > 2)
        {
            v = Vector256.LoadUnsafe(ref row, (nuint)(2 * half));
            residue |= v - v;
        }

        if (TWidth.Vectors > 3)
        {
            v = Vector256.LoadUnsafe(ref row, (nuint)(3 * half));
            residue |= v - v;
        }

        // a NaN lane has a nonzero bit pattern; +0 lanes OR to +0 (−0 cannot arise: v − v is +0 or NaN)
        return Vector256.EqualsAll(residue.AsUInt64(), Vector256<ulong>.Zero);
    }

    // Separate so that the closure exists only in parallel mode (the serial path allocates nothing).
    private bool RunParallel<TWidth>(int workers, int sweeps, int output, Span<T> gradientOut, Span<T> hessianOut)
        where TWidth : struct, ILaneWidth
    {
        int lanes = TWidth.Vectors * Vector256<T>.Count;
        T[] gradient = new T[gradientOut.Length];
        T[] hessian = new T[hessianOut.Length];
        bool[] finite = new bool[workers];
        ChunkEngine.RunWorkers(workers, w =>
        {
            bool ok = true;
            for (int s = w; s < sweeps; s += workers)
            {
                ok &= Sweep<TWidth>(w, s * lanes, output, gradient, hessian);
            }

            finite[w] = ok;
        });
        gradient.CopyTo(gradientOut);
        hessian.CopyTo(hessianOut);
        return Array.TrueForAll(finite, static ok => ok);
    }

    // Evaluates f on tape numbers; returns the output's node.
    private int Record<TFunction>(ref TFunction function, ReadOnlySpan<T> x, out T value)
        where TFunction : IMultivariateFunction
    {
        int foreignUses = PrepareRecording(x);
        SecondOrderTape<T>? previous = t_current;
        TapeNumber<T> result;
        do
        {
            StartPass();
            try
            {
                result = function.Invoke<TapeNumber<T>>(_inputs);
            }
            finally
            {
                t_current = previous;
            }
        }
        while (RecordAgain());

        FinishRecording(foreignUses);
        value = result.Value;
        return result.Index;
    }

    // Evaluates a vector function on tape numbers into the output buffer and writes its values.
    private void RecordVector<TFunction>(ref TFunction function, ReadOnlySpan<T> x, Span<T> values)
        where TFunction : IVectorFunction
    {
        int foreignUses = PrepareRecording(x);
        SecondOrderTape<T>? previous = t_current;
        do
        {
            // an output f leaves unwritten is the constant 0, as on the duals' zeroed buffer
            Array.Clear(_outputs);
            StartPass();
            try
            {
                function.Invoke<TapeNumber<T>>(_inputs, _outputs);
            }
            finally
            {
                t_current = previous;
            }
        }
        while (RecordAgain());

        FinishRecording(foreignUses);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _outputs[i].Value;
        }
    }

    // Resets the input nodes and the input numbers; returns the foreign-use count to compare after recording.
    private int PrepareRecording(ReadOnlySpan<T> x)
    {
        int n = InputLength;
        if (_nodes.Length < n + 1)
        {
            Array.Resize(ref _nodes, 2 * (n + 1));
            if (_secondOrder)
            {
                Array.Resize(ref _second, _nodes.Length);
            }
        }

        Array.Clear(_nodes, 0, n + 1);
        if (_secondOrder)
        {
            Array.Clear(_second, 0, n + 1);
        }

        for (int i = 0; i < n; i++)
        {
            _inputs[i] = new(x[i], i + 1);
        }

        return Volatile.Read(ref CurrentTape.ForeignUses);
    }

    // Empties the tape and makes it the thread's recording tape for one evaluation of f.
    private void StartPass()
    {
        _count = InputLength + 1;
        _nestedDualsRequired = false;
        _overflowed = false;
        t_current = this;
    }

    // After an evaluation: a full tape recorded the rest of f as constants, so f runs again on a tape twice the size (a
    // function may therefore run several times on a fresh config's first calls), until the cap hands the call over.
    private bool RecordAgain()
    {
        if (!_overflowed)
        {
            return false;
        }

        if (TryGrow())
        {
            return true;
        }

        _nestedDualsRequired = true;
        return false;
    }

    private void FinishRecording(int foreignUses)
    {
        if (Volatile.Read(ref CurrentTape.ForeignUses) != foreignUses)
        {
            _nestedDualsRequired = true;
        }
    }

    // λ (the gradient adjoints) once for all directions; folds λ into the second partials; false if any local partial
    // is not finite.
    private bool ReverseFirstOrder(int output)
    {
        int count = _count;
        if (_adjoints.Length < count)
        {
            _adjoints = new T[_nodes.Length];
            _curvatures = new byte[_nodes.Length];
        }

        Span<T> adjoints = _adjoints.AsSpan(0, count);
        adjoints.Clear();
        if (output != 0)
        {
            adjoints[output] = T.One;
        }

        T check = T.Zero;
        ref TapeNode<T> nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref TapeCurvature<T> seconds = ref MemoryMarshal.GetArrayDataReference(_second);
        ref T lambda = ref MemoryMarshal.GetReference(adjoints);
        ref byte curvatures = ref MemoryMarshal.GetArrayDataReference(_curvatures);
        Span<int> firstUse = _firstUse;
        firstUse.Fill(count);
        for (int k = count - 1; k > InputLength; k--)
        {
            ref TapeNode<T> node = ref Unsafe.Add(ref nodes, k);
            ref TapeCurvature<T> second = ref Unsafe.Add(ref seconds, k);
            // the first node reading each input (non-inputs share the spare last slot)
            firstUse[node.A <= InputLength ? node.A : InputLength + 1] = k;
            firstUse[node.B <= InputLength ? node.B : InputLength + 1] = k;
            T lk = Unsafe.Add(ref lambda, k);
            check += (node.Da + node.Db + second.Daa + second.Dab + second.Dbb) * T.Zero;
            Unsafe.Add(ref lambda, node.A) += lk * node.Da;
            Unsafe.Add(ref lambda, node.B) += lk * node.Db;
            second.Daa = lk * second.Daa;
            second.Dab = lk * second.Dab;
            second.Dbb = lk * second.Dbb;
            Unsafe.Add(ref curvatures, k) = (byte)((T.IsZero(second.Daa) ? 0 : 1) | (T.IsZero(second.Dab) ? 0 : 2) | (T.IsZero(second.Dbb) ? 0 : 4));
        }

        return T.IsFinite(check);
    }

    // One block of directions (TWidth vectors of lanes) e_j0 … : forward tangents, reverse second-order adjoints, then the columns
    // j0 … of H (entries on and above the diagonal, mirrored) and the same gradient entries.
    private bool Sweep<TWidth>(int worker, int j0, int output, Span<T> gradient, Span<T> hessian)
        where TWidth : struct, ILaneWidth
    {
        int n = InputLength;
        int lanes = TWidth.Vectors * Vector256<T>.Count;
        EnsureSweepBuffers(worker);
        T[] tangentArray = _tangents[worker];
        ref byte active = ref MemoryMarshal.GetArrayDataReference(_active[worker]);
        int width = Math.Min(lanes, n - j0);

        // seeds: input j0 + l in lane l; nodes before the first use of a seeded input cannot depend on the directions
        int first = _count;
        for (int l = 0; l < width; l++)
        {
            tangentArray[((j0 + l + 1) * lanes) + l] = T.One;
            Unsafe.Add(ref active, j0 + l + 1) = 1;
            first = Math.Min(first, _firstUse[j0 + l + 1]);
        }

        int low = Propagate<TWidth>(worker, first);

        // outputs: H[i, j] for i ≤ j from column j, mirrored; ∂f/∂x_j from the output's tangent
        ref T tangents = ref MemoryMarshal.GetArrayDataReference(tangentArray);
        ref T adjoints = ref MemoryMarshal.GetArrayDataReference(_secondAdjoints[worker]);
        bool finite = true;
        for (int l = 0; l < width; l++)
        {
            int j = j0 + l;
            if (!gradient.IsEmpty)
            {
                T g = Unsafe.Add(ref tangents, (output * lanes) + l);
                gradient[j] = g;
                finite &= T.IsFinite(g);
            }

            for (int i = 0; i <= j; i++)
            {
                T h = Unsafe.Add(ref adjoints, ((i + 1) * lanes) + l);
                finite &= T.IsFinite(h);
                hessian[(i * n) + j] = h;
                hessian[(j * n) + i] = h;
            }
        }

        Clean<TWidth>(worker, low);
        return finite;
    }

    // One sweep with the direction v in lane 0: H·v from the inputs' second adjoints.
    private bool DirectionSweep(ReadOnlySpan<T> direction, Span<T> product)
    {
        int n = InputLength;
        int lanes = Vector256<T>.Count;
        EnsureSweepBuffers(0);
        T[] tangentArray = _tangents[0];
        ref byte active = ref MemoryMarshal.GetArrayDataReference(_active[0]);
        int first = _count;
        for (int i = 0; i < n; i++)
        {
            if (!T.IsZero(direction[i]))
            {
                tangentArray[(i + 1) * lanes] = direction[i];
                Unsafe.Add(ref active, i + 1) = 1;
                first = Math.Min(first, _firstUse[i + 1]);
            }
        }

        int low = Propagate<OneVector>(0, first);
        ref T adjoints = ref MemoryMarshal.GetArrayDataReference(_secondAdjoints[0]);
        bool finite = true;
        for (int i = 0; i < n; i++)
        {
            T h = Unsafe.Add(ref adjoints, (i + 1) * lanes);
            finite &= T.IsFinite(h);
            product[i] = h;
        }

        Clean<OneVector>(0, low);
        return finite;
    }

    // new buffers are zero, as the invariant of Propagate requires
    private void EnsureSweepBuffers(int worker)
    {
        if (_active[worker].Length < _count)
        {
            _tangents[worker] = new T[_nodes.Length * Lanes];
            _secondAdjoints[worker] = _secondOrder ? new T[_nodes.Length * Lanes] : [];
            _active[worker] = new byte[_nodes.Length];
            _touched[worker] = new byte[_nodes.Length];
        }
    }

    // Invariant between sweeps: every tangent and second-adjoint row is zero and every flag clear. The caller seeds
    // the inputs' tangent rows (marking them active); a sweep then sets only the rows of the nodes that depend on a
    // seeded input (active) or whose second adjoint it changes (touched), skips the others (their contributions are
    // exact zeros), and Clean clears what it set. Returns the lowest node index that may have been set.
    private int Propagate<TWidth>(int worker, int first)
        where TWidth : struct, ILaneWidth
    {
        int n = InputLength;
        int count = _count;
        int lanes = TWidth.Vectors * Vector256<T>.Count;
        ref byte active = ref MemoryMarshal.GetArrayDataReference(_active[worker]);
        ref byte touched = ref MemoryMarshal.GetArrayDataReference(_touched[worker]);
        ref byte curvatures = ref MemoryMarshal.GetArrayDataReference(_curvatures);
        ref TapeNode<T> nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref T tangents = ref MemoryMarshal.GetArrayDataReference(_tangents[worker]);
        ref T adjoints = ref MemoryMarshal.GetArrayDataReference(_secondAdjoints[worker]);
        int half = Vector256<T>.Count;

        PropagateForward<TWidth>(worker, first);

        // reverse: λ̇_a += λ̇_k ∂a + λ (∂²aa ṫ_a + ∂²ab ṫ_b), λ̇_b += λ̇_k ∂b + λ (∂²ab ṫ_a + ∂²bb ṫ_b)
        // below both the first active node and the lowest row marked so far, nothing can be processed
        int low = first;
        for (int k = count - 1; k > n && k >= low; k--)
        {
            ref TapeNode<T> node = ref Unsafe.Add(ref nodes, k);

            // which parents receive a contribution that is not an exact zero: λ̇_k ≠ 0, or a nonzero weighted second
            // partial against an active tangent (curvature bits: 1 = ∂²aa, 2 = ∂²ab, 4 = ∂²bb)
            int curvature = Unsafe.Add(ref curvatures, k);
            int self = Unsafe.Add(ref touched, k);
            int fromA = Unsafe.Add(ref active, node.A);
            int fromB = Unsafe.Add(ref active, node.B);
            int toA = self | (fromA & curvature) | (fromB & (curvature >> 1));
            int toB = self | (fromA & (curvature >> 1)) | (fromB & (curvature >> 2));
            if (((toA | toB) & 1) == 0)
            {
                continue;
            }

            // a row is marked whenever it is written, so that Clean finds it
            Unsafe.Add(ref touched, node.A) |= (byte)(toA & 1);
            Unsafe.Add(ref touched, node.B) |= (byte)(toB & 1);
            low = Math.Min(low, Math.Min(node.A, node.B));
            ref T ta = ref Unsafe.Add(ref tangents, node.A * lanes);
            ref T tb = ref Unsafe.Add(ref tangents, node.B * lanes);
            ref T sk = ref Unsafe.Add(ref adjoints, k * lanes);
            ref T sa = ref Unsafe.Add(ref adjoints, node.A * lanes);
            ref T sb = ref Unsafe.Add(ref adjoints, node.B * lanes);
            Vector256<T> da = Vector256.Create(node.Da);
            Vector256<T> db = Vector256.Create(node.Db);
            ref TapeCurvature<T> second = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_second), k);
            Vector256<T> waa = Vector256.Create(second.Daa);
            Vector256<T> wab = Vector256.Create(second.Dab);
            Vector256<T> wbb = Vector256.Create(second.Dbb);
            if ((toA & 1) != 0)
            {
                Reverse(ref sk, ref ta, ref tb, ref sa, da, waa, wab, 0);
                if (TWidth.Vectors > 1)
                {
                    Reverse(ref sk, ref ta, ref tb, ref sa, da, waa, wab, (nuint)half);
                }

                if (TWidth.Vectors > 2)
                {
                    Reverse(ref sk, ref ta, ref tb, ref sa, da, waa, wab, (nuint)(2 * half));
                }


                if (TWidth.Vectors > 3)
                {
                    Reverse(ref sk, ref ta, ref tb, ref sa, da, waa, wab, (nuint)(3 * half));
                }
            }

            // after a's update, so that x·x (a = b) accumulates both
            if ((toB & 1) != 0)
            {
                Reverse(ref sk, ref ta, ref tb, ref sb, db, wab, wbb, 0);
                if (TWidth.Vectors > 1)
                {
                    Reverse(ref sk, ref ta, ref tb, ref sb, db, wab, wbb, (nuint)half);
                }

                if (TWidth.Vectors > 2)
                {
                    Reverse(ref sk, ref ta, ref tb, ref sb, db, wab, wbb, (nuint)(2 * half));
                }


                if (TWidth.Vectors > 3)
                {
                    Reverse(ref sk, ref ta, ref tb, ref sb, db, wab, wbb, (nuint)(3 * half));
                }
            }
        }

        return Math.Min(low, first);
    }

    // Forward tangents of one sweep from node `first` on: ṫ_k = ṫ_a ∂a + ṫ_b ∂b (multiply, multiply, add: the chunked
    // duals' rounding) for every node that reads an active row; marks those nodes active.
    private void PropagateForward<TWidth>(int worker, int first)
        where TWidth : struct, ILaneWidth
    {
        int count = _count;
        int lanes = TWidth.Vectors * Vector256<T>.Count;
        ref byte active = ref MemoryMarshal.GetArrayDataReference(_active[worker]);
        ref TapeNode<T> nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref T tangents = ref MemoryMarshal.GetArrayDataReference(_tangents[worker]);
        int half = Vector256<T>.Count;

        for (int k = first; k < count; k++)
        {
            ref TapeNode<T> node = ref Unsafe.Add(ref nodes, k);
            if ((Unsafe.Add(ref active, node.A) | Unsafe.Add(ref active, node.B)) == 0)
            {
                continue;
            }

            // an inactive parent reads row 0, the constant node's, which is always zero: a Jacobian sweep leaves stale
            // rows behind (it clears only the flags), a Hessian sweep clears them, and both read zeros here
            Unsafe.Add(ref active, k) = 1;
            ref T ta = ref Unsafe.Add(ref tangents, (Unsafe.Add(ref active, node.A) != 0 ? node.A : 0) * lanes);
            ref T tb = ref Unsafe.Add(ref tangents, (Unsafe.Add(ref active, node.B) != 0 ? node.B : 0) * lanes);
            ref T tk = ref Unsafe.Add(ref tangents, k * lanes);
            Vector256<T> da = Vector256.Create(node.Da);
            Vector256<T> db = Vector256.Create(node.Db);
            Forward(ref ta, ref tb, ref tk, da, db, 0);
            if (TWidth.Vectors > 1)
            {
                Forward(ref ta, ref tb, ref tk, da, db, (nuint)half);
            }

            if (TWidth.Vectors > 2)
            {
                Forward(ref ta, ref tb, ref tk, da, db, (nuint)(2 * half));
            }


            if (TWidth.Vectors > 3)
            {
                Forward(ref ta, ref tb, ref tk, da, db, (nuint)(3 * half));
            }
        }
    }

    // Restores the invariant: clears the rows and flags a sweep set (inputs and nodes from low on).
    private void Clean<TWidth>(int worker, int low)
        where TWidth : struct, ILaneWidth
    {
        int n = InputLength;
        int count = _count;
        int lanes = TWidth.Vectors * Vector256<T>.Count;
        ref byte active = ref MemoryMarshal.GetArrayDataReference(_active[worker]);
        ref byte touched = ref MemoryMarshal.GetArrayDataReference(_touched[worker]);
        ref T tangents = ref MemoryMarshal.GetArrayDataReference(_tangents[worker]);
        ref T adjoints = ref MemoryMarshal.GetArrayDataReference(_secondAdjoints[worker]);
        for (int k = 0; k < count; k = k == n ? Math.Max(n + 1, low) : k + 1)
        {
            if (Unsafe.Add(ref active, k) != 0)
            {
                Unsafe.Add(ref active, k) = 0;
                ClearRow<TWidth>(ref Unsafe.Add(ref tangents, k * lanes));
            }

            if (Unsafe.Add(ref touched, k) != 0)
            {
                Unsafe.Add(ref touched, k) = 0;
                ClearRow<TWidth>(ref Unsafe.Add(ref adjoints, k * lanes));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ClearRow<TWidth>(ref T row)
        where TWidth : struct, ILaneWidth
    {
        int half = Vector256<T>.Count;
        Vector256<T>.Zero.StoreUnsafe(ref row);
        if (TWidth.Vectors > 1)
        {
            Vector256<T>.Zero.StoreUnsafe(ref row, (nuint)half);
        }

        if (TWidth.Vectors > 2)
        {
            Vector256<T>.Zero.StoreUnsafe(ref row, (nuint)(2 * half));
        }


        if (TWidth.Vectors > 3)
        {
            Vector256<T>.Zero.StoreUnsafe(ref row, (nuint)(3 * half));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Forward(ref T ta, ref T tb, ref T tk, Vector256<T> da, Vector256<T> db, nuint offset)
        => ((Vector256.LoadUnsafe(ref ta, offset) * da) + (Vector256.LoadUnsafe(ref tb, offset) * db)).StoreUnsafe(ref tk, offset);

    // one vector of lanes of one parent's update: s += λ̇_k d + w₁ ṫ_a + w₂ ṫ_b
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reverse(ref T sk, ref T ta, ref T tb, ref T target, Vector256<T> d, Vector256<T> w1, Vector256<T> w2, nuint offset)
        => Fma(Vector256.LoadUnsafe(ref sk, offset), d, Fma(Vector256.LoadUnsafe(ref ta, offset), w1, Fma(Vector256.LoadUnsafe(ref tb, offset), w2, Vector256.LoadUnsafe(ref target, offset)))).StoreUnsafe(ref target, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(double))
        {
            return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }

        if (typeof(T) == typeof(float))
        {
            return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return (a * b) + c;
    }
}

/// <summary>The number of <c>Vector256</c> lanes blocks a sweep carries per node (a JIT-time constant).</summary>
internal interface ILaneWidth
{
    static abstract int Vectors { get; }
}

/// <summary>One vector per node: the Hessian–vector product's single direction.</summary>
internal readonly struct OneVector : ILaneWidth
{
    public static int Vectors => 1;
}

/// <summary>Two vectors per node (n ≤ 8 doubles, 16 floats).</summary>
internal readonly struct TwoVectors : ILaneWidth
{
    public static int Vectors => 2;
}

/// <summary>Three vectors per node (n ≤ 12 doubles, 24 floats).</summary>
internal readonly struct ThreeVectors : ILaneWidth
{
    public static int Vectors => 3;
}

/// <summary>Four vectors per node (16 doubles, 32 floats): the Hessian's sweeps.</summary>
internal readonly struct FourVectors : ILaneWidth
{
    public static int Vectors => 4;
}

/// <summary>The recording tape of the current thread, one slot per element type (see SecondOrderTape.t_current).</summary>
internal static class CurrentTape
{
    [ThreadStatic]
    internal static object? Double;

    [ThreadStatic]
    internal static object? Single;

    [ThreadStatic]
    internal static object? Other;

    /// <summary>How often a tape number was used on a thread without a recording (see SecondOrderTape.ForeignUse).</summary>
    internal static int ForeignUses;
}

/// <summary>What a <see cref="SecondOrderTape{T}"/> computes, which decides the buffers it holds.</summary>
internal enum TapeUse
{
    /// <summary>∇f by one reverse pass: first partials only, no sweep buffers.</summary>
    Gradient,

    /// <summary>J by forward sweeps of tangents: first partials, tangent rows and flags, an output buffer.</summary>
    Jacobian,

    /// <summary>H by sweeps of tangents and second-order adjoints: every buffer.</summary>
    Hessian,
}

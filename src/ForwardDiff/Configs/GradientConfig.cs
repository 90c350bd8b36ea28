using System.Numerics;
using System.Runtime.Intrinsics;

namespace ForwardDiff;

/// <summary>
/// Preallocated buffers for <c>AutoDiff.Gradient</c> at one input length: the chunk size, the chunked duals that
/// hold the seeded input, and the seed partials. Reusing a config makes the gradient allocation-free.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <remarks>
/// A config is not thread-safe: use one per thread (or set <see cref="Parallel"/>, which keeps one buffer per worker).
/// </remarks>
public sealed class GradientConfig<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Creates a config for functions of <paramref name="inputLength"/> inputs.</summary>
    /// <param name="inputLength">n, the input length (≥ 0).</param>
    /// <param name="chunkSize">Partials per pass: 0 picks the automatic rule (n ≤ c → n, else ⌈n/⌈n/c⌉⌉, then rounded up to 4, 8, 12 or 16 above 2, where the threshold c is 8 for double and 16 for float on SIMD hardware (AVX2, AVX-512, or 128-bit SIMD such as Arm64, where Vector256 runs as two halves; sizes then round to whole vectors), and ForwardDiff.jl's 12 otherwise), otherwise one of 1–12 or 16.</param>
    /// <param name="parallel">Evaluate chunks on several cores (per-worker buffers; the result is bit-identical to serial).</param>
    /// <param name="method">Forward chunks or reverse mode on a tape (<see cref="GradientMethod"/>; automatic: the tape
    /// for double and float from n = <see cref="ReverseThreshold"/>); on the tape the chunk size and
    /// <paramref name="parallel"/> apply only to the chunked fallback at non-finite points.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputLength"/> is negative, <paramref name="chunkSize"/> is not available or <paramref name="method"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is <see cref="GradientMethod.ReverseOnTape"/> and <typeparamref name="T"/> is neither double nor float.</exception>
    public GradientConfig(int inputLength, int chunkSize = 0, bool parallel = false, GradientMethod method = GradientMethod.Automatic)
        : this(inputLength, chunkSize, parallel, PartialsStorage.Automatic, method)
    {
    }

    /// <summary>Creates a config on a given storage family (for delegates typed on one).</summary>
    internal GradientConfig(int inputLength, int chunkSize, bool parallel, PartialsStorage storage, GradientMethod method = GradientMethod.Automatic)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        bool tapeType = typeof(T) == typeof(double) || typeof(T) == typeof(float);
        Method = method switch
        {
            GradientMethod.Automatic => storage == PartialsStorage.Automatic && tapeType && ChunkSizes.RegisterStorage && inputLength >= ReverseThreshold ? GradientMethod.ReverseOnTape : GradientMethod.ChunkedDuals,
            GradientMethod.ChunkedDuals => method,
            GradientMethod.ReverseOnTape when tapeType => method,
            GradientMethod.ReverseOnTape => throw new ArgumentException($"GradientMethod.ReverseOnTape needs double or float elements, not {typeof(T).Name}.", nameof(method)),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a GradientMethod value."),
        };
        if (Method == GradientMethod.ReverseOnTape)
        {
            Tape = new Tape.SecondOrderTape<T>(inputLength, workers: 1, ForwardDiff.Tape.TapeUse.Gradient);
        }

        Storage = storage;
        RequestedChunkSize = chunkSize;
        InputLength = inputLength;
        ChunkSize = ChunkSizes.Resolve<T>(chunkSize, inputLength, nameof(chunkSize));
        Parallel = parallel;
        WorkerCount = parallel ? Math.Max(1, Math.Min(Environment.ProcessorCount, ChunkCount)) : 1;
        StorageChunkSize = ChunkSizes.StorageSize<T>(ChunkSize, storage);
        ChunkWorkspace.Factory<T> factory = new(inputLength, 0, WorkerCount, ChunkSize);
        ChunkSizes.Dispatch<T, ChunkWorkspace.Factory<T>>(StorageChunkSize, ref factory, storage);
        Workspace = factory.Result!;
    }

    /// <summary>n, the input length this config serves.</summary>
    public int InputLength { get; }

    /// <summary>
    /// The input length from which <see cref="GradientMethod.Automatic"/> takes the tape: 48 for double and 96 for float
    /// (whose chunked duals carry twice the partials per vector), where the two methods cost the same on extended
    /// Rosenbrock on an AVX2 machine; 0 for element types the tape does not serve.
    /// </summary>
    public static int ReverseThreshold => typeof(T) == typeof(double) ? 48 : typeof(T) == typeof(float) ? 96 : 0;

    /// <summary>How this config computes gradients: <see cref="GradientMethod.Automatic"/> resolved for n, <typeparamref name="T"/> and this machine.</summary>
    public GradientMethod Method { get; }

    /// <summary>The tape of <see cref="GradientMethod.ReverseOnTape"/> (null for chunked duals).</summary>
    internal Tape.SecondOrderTape<T>? Tape { get; }

    /// <summary>Partials carried per pass.</summary>
    public int ChunkSize { get; }

    /// <summary>
    /// Lanes of the partials storage: <see cref="ChunkSize"/> rounded up to whole vectors where the register storage
    /// applies (a pass seeds only the first <see cref="ChunkSize"/> lanes; the others stay zero), else equal to it.
    /// </summary>
    internal int StorageChunkSize { get; }

    /// <summary>Number of function evaluations per gradient: ⌈n / chunk size⌉.</summary>
    public int ChunkCount => ChunkSizes.DivideRoundingUp(InputLength, ChunkSize);

    /// <summary>Whether chunks are evaluated on several cores.</summary>
    public bool Parallel { get; }

    internal int WorkerCount { get; }

    /// <summary>The storage family of the buffers (automatic unless a delegate overload forced one).</summary>
    internal PartialsStorage Storage { get; }

    /// <summary>The chunk size asked for (0 = automatic), the cache key with <see cref="Storage"/>.</summary>
    internal int RequestedChunkSize { get; }

    /// <summary>Whether this config was built by <c>ConfigCache</c> for a verb that builds its own (never a caller's config).</summary>
    internal bool Cached { get; init; }

    internal object Workspace { get; }
}

/// <summary>Preallocated buffers for <c>AutoDiff.Jacobian</c> at one input and output length.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <remarks>Not thread-safe: one per thread, or set <see cref="Parallel"/>.</remarks>
public sealed class JacobianConfig<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Creates a config for functions ℝⁿ → ℝᵐ.</summary>
    /// <param name="inputLength">n (≥ 0).</param>
    /// <param name="outputLength">m (≥ 0).</param>
    /// <param name="chunkSize">Partials per pass: 0 = automatic (as <see cref="GradientConfig{T}"/>), otherwise one of 1–12 or 16.</param>
    /// <param name="parallel">Evaluate chunks (or, on the tape, sweeps) on several cores (bit-identical to serial).</param>
    /// <param name="method">Chunked duals or forward sweeps on a tape (<see cref="JacobianMethod"/>; automatic: the tape
    /// for double and float from n = <see cref="TapeThreshold"/>); on the tape the chunk size applies only to the
    /// chunked fallback at non-finite points.</param>
    /// <exception cref="ArgumentOutOfRangeException">A length is negative, <paramref name="chunkSize"/> is not available or <paramref name="method"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is <see cref="JacobianMethod.ForwardOnTape"/> and <typeparamref name="T"/> is neither double nor float.</exception>
    public JacobianConfig(int inputLength, int outputLength, int chunkSize = 0, bool parallel = false, JacobianMethod method = JacobianMethod.Automatic)
        : this(inputLength, outputLength, chunkSize, parallel, PartialsStorage.Automatic, method)
    {
    }

    /// <summary>Creates a config on a given storage family (for delegates typed on one).</summary>
    internal JacobianConfig(int inputLength, int outputLength, int chunkSize, bool parallel, PartialsStorage storage, JacobianMethod method = JacobianMethod.Automatic)
    {
        Storage = storage;
        RequestedChunkSize = chunkSize;
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        bool tapeType = typeof(T) == typeof(double) || typeof(T) == typeof(float);
        Method = method switch
        {
            JacobianMethod.Automatic => storage == PartialsStorage.Automatic && tapeType && ChunkSizes.RegisterStorage && inputLength >= TapeThreshold ? JacobianMethod.ForwardOnTape : JacobianMethod.ChunkedDuals,
            JacobianMethod.ChunkedDuals => method,
            JacobianMethod.ForwardOnTape when tapeType => method,
            JacobianMethod.ForwardOnTape => throw new ArgumentException($"JacobianMethod.ForwardOnTape needs double or float elements, not {typeof(T).Name}.", nameof(method)),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a JacobianMethod value."),
        };
        InputLength = inputLength;
        OutputLength = outputLength;
        ChunkSize = ChunkSizes.Resolve<T>(chunkSize, inputLength, nameof(chunkSize));
        Parallel = parallel;
        WorkerCount = parallel ? Math.Max(1, Math.Min(Environment.ProcessorCount, ChunkCount)) : 1;
        StorageChunkSize = ChunkSizes.StorageSize<T>(ChunkSize, storage);
        ChunkWorkspace.Factory<T> factory = new(inputLength, outputLength, WorkerCount, ChunkSize);
        ChunkSizes.Dispatch<T, ChunkWorkspace.Factory<T>>(StorageChunkSize, ref factory, storage);
        Workspace = factory.Result!;
        if (Method == JacobianMethod.ForwardOnTape)
        {
            int sweeps = ChunkSizes.DivideRoundingUp(inputLength, ForwardDiff.Tape.SecondOrderTape<T>.Lanes);
            Tape = new ForwardDiff.Tape.SecondOrderTape<T>(inputLength, parallel ? Math.Max(1, Math.Min(Environment.ProcessorCount, sweeps)) : 1, ForwardDiff.Tape.TapeUse.Jacobian, outputLength);
        }
    }

    /// <summary>
    /// The input length from which <see cref="JacobianMethod.Automatic"/> takes the tape: 96 for double and 160 for
    /// float, where the two methods cost the same on the extended-Rosenbrock residuals (two operations per output, the
    /// cheapest case for chunked duals) on an AVX2 machine; 0 for element types the tape does not serve. Functions with
    /// more operations per output, or transcendental ones, gain from the tape from about n = 24 (double) and 48 (float):
    /// ask for <see cref="JacobianMethod.ForwardOnTape"/> there.
    /// </summary>
    public static int TapeThreshold => typeof(T) == typeof(double) ? 96 : typeof(T) == typeof(float) ? 160 : 0;

    /// <summary>How this config computes Jacobians: <see cref="JacobianMethod.Automatic"/> resolved for n, <typeparamref name="T"/> and this machine.</summary>
    public JacobianMethod Method { get; }

    /// <summary>The tape of <see cref="JacobianMethod.ForwardOnTape"/> (null for chunked duals).</summary>
    internal Tape.SecondOrderTape<T>? Tape { get; }

    /// <summary>n, the input length.</summary>
    public int InputLength { get; }

    /// <summary>m, the output length.</summary>
    public int OutputLength { get; }

    /// <summary>Partials carried per pass.</summary>
    public int ChunkSize { get; }

    /// <summary>
    /// Lanes of the partials storage: <see cref="ChunkSize"/> rounded up to whole vectors where the register storage
    /// applies (a pass seeds only the first <see cref="ChunkSize"/> lanes; the others stay zero), else equal to it.
    /// </summary>
    internal int StorageChunkSize { get; }

    /// <summary>Number of function evaluations per Jacobian: ⌈n / chunk size⌉.</summary>
    public int ChunkCount => ChunkSizes.DivideRoundingUp(InputLength, ChunkSize);

    /// <summary>Whether chunks are evaluated on several cores.</summary>
    public bool Parallel { get; }

    internal int WorkerCount { get; }

    /// <summary>The storage family of the buffers (automatic unless a delegate overload forced one).</summary>
    internal PartialsStorage Storage { get; }

    /// <summary>The chunk size asked for (0 = automatic), the cache key with <see cref="Storage"/>.</summary>
    internal int RequestedChunkSize { get; }

    /// <summary>Whether this config was built by <c>ConfigCache</c> for a verb that builds its own (never a caller's config).</summary>
    internal bool Cached { get; init; }

    internal object Workspace { get; }
}

/// <summary>
/// Preallocated buffers for <c>AutoDiff.Hessian</c> and <c>AutoDiff.HessianVectorProduct</c>. For double and float the
/// Hessian is computed by default from a tape of one evaluation by second-order adjoints
/// (<see cref="HessianMethod.SecondOrderAdjoint"/>); otherwise, and for the Hessian–vector product, by nested chunked
/// duals (a chunk of partials of a chunk of partials), which carry one chunk × chunk block of the Hessian per pass.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <remarks>Not thread-safe: one per thread, or set <see cref="Parallel"/>.</remarks>
public sealed class HessianConfig<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Creates a config for functions of <paramref name="inputLength"/> inputs.</summary>
    /// <param name="inputLength">n (≥ 0).</param>
    /// <param name="chunkSize">Block size of the nested duals (the method for element types other than double and float,
    /// for <see cref="HessianMethod.NestedDuals"/>, for the tape's fallback and for Hessian–vector products): 0 =
    /// automatic; otherwise one of 1–12 or 16, and each pass carries one chunk × chunk block of second partials. The automatic choice for double and float on
    /// SIMD hardware (256-bit, or 128-bit as two halves) is a row segment per pass (one outer partial over a vector of inner partials: 1 × 4 for double,
    /// 1 × 8 for float), which the JIT keeps in registers: measured 3–5× faster than square blocks here when the function is
    /// mostly arithmetic. Blocks need far fewer passes, so for large n and functions dominated by transcendental calls an
    /// explicit 8 can be faster (1.24× at n = 100 in perf/README.md). Elsewhere the automatic block is min(n, 8) rounded
    /// to a storage size.</param>
    /// <param name="parallel">Evaluate blocks (or second-order adjoint sweeps) on several cores (bit-identical to serial).</param>
    /// <param name="method">How H is computed (<see cref="HessianMethod"/>): by default second-order adjoints on a tape
    /// for double and float on SIMD hardware, whose result does not depend on <paramref name="chunkSize"/> (the chunk
    /// size then applies to the nested-dual fallback at non-finite points and to Hessian–vector products).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputLength"/> is negative, <paramref name="chunkSize"/> is not available or <paramref name="method"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is <see cref="HessianMethod.SecondOrderAdjoint"/> and <typeparamref name="T"/> is neither double nor float.</exception>
    public HessianConfig(int inputLength, int chunkSize = 0, bool parallel = false, HessianMethod method = HessianMethod.Automatic)
        : this(inputLength, chunkSize, parallel, PartialsStorage.Automatic, method)
    {
    }

    /// <summary>
    /// Creates a config on a given storage family (for delegates typed on one). With chunk size 0,
    /// <see cref="PartialsStorage.Vector256"/> forces row segments for double and float even without SIMD hardware.
    /// </summary>
    internal HessianConfig(int inputLength, int chunkSize, bool parallel, PartialsStorage storage, HessianMethod method = HessianMethod.Automatic)
    {
        bool tapeType = typeof(T) == typeof(double) || typeof(T) == typeof(float);
        Method = method switch
        {
            HessianMethod.Automatic => storage == PartialsStorage.Automatic && tapeType && ChunkSizes.RegisterStorage ? HessianMethod.SecondOrderAdjoint : HessianMethod.NestedDuals,
            HessianMethod.SecondOrderAdjoint when tapeType => HessianMethod.SecondOrderAdjoint,
            HessianMethod.SecondOrderAdjoint => throw new ArgumentException($"HessianMethod.SecondOrderAdjoint needs double or float elements, not {typeof(T).Name}; use HessianMethod.NestedDuals or Automatic.", nameof(method)),
            HessianMethod.NestedDuals => HessianMethod.NestedDuals,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a HessianMethod value."),
        };
        Storage = storage;
        RequestedChunkSize = chunkSize;
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        InputLength = inputLength;
        int blockSize = chunkSize == 0 ? ChunkSizes.RoundUpToAvailable(Math.Clamp(inputLength, 1, HessianThreshold)) : ChunkSizes.Resolve<T>(chunkSize, inputLength, nameof(chunkSize));
        RowSegments = chunkSize == 0 && storage switch
        {
            PartialsStorage.Automatic => RowSegmentsAvailable,
            PartialsStorage.Vector256 => typeof(T) == typeof(double) || typeof(T) == typeof(float),
            _ => false,
        };
        ChunkSize = RowSegments ? Vector256Partials1<T>.Count : blockSize;
        VectorProductChunkSize = blockSize;
        Parallel = parallel;
        int blocks = ChunkSizes.DivideRoundingUp(inputLength, ChunkSize);
        int passes = RowSegments ? ChunkEngine.RowSegmentPasses(inputLength, ChunkSize) : blocks * (blocks + 1) / 2;
        WorkerCount = parallel ? Math.Max(1, Math.Min(Environment.ProcessorCount, passes)) : 1;
        if (Method == HessianMethod.SecondOrderAdjoint)
        {
            int sweeps = ChunkSizes.DivideRoundingUp(inputLength, Tape.SecondOrderTape<T>.Lanes);
            SecondOrderTape = new Tape.SecondOrderTape<T>(inputLength, parallel ? Math.Max(1, Math.Min(Environment.ProcessorCount, sweeps)) : 1);
        }

        if (RowSegments)
        {
            // Hessian and Hessian–vector product both run on the row-segment duals: one workspace serves both
            Workspace = new HessianWorkspace<T, Vector256Partials1<T>, SinglePartial<ChunkDual<T, Vector256Partials1<T>>>>(inputLength, WorkerCount);
            VectorProductWorkspace = Workspace;
            return;
        }

        HessianWorkspace.Factory<T> factory = new(inputLength, WorkerCount);
        ChunkSizes.Dispatch<T, HessianWorkspace.Factory<T>>(blockSize, ref factory, storage);
        Workspace = factory.Result!;
        VectorProductWorkspace = factory.VectorProduct!;
    }

    /// <summary>The largest block the automatic rule picks for Hessians.</summary>
    public const int HessianThreshold = 8;

    /// <summary>How this config computes Hessians: <see cref="HessianMethod.Automatic"/> resolved for <typeparamref name="T"/> and this machine.</summary>
    public HessianMethod Method { get; }

    /// <summary>The tape and sweep buffers of <see cref="HessianMethod.SecondOrderAdjoint"/> (null for nested duals).</summary>
    internal Tape.SecondOrderTape<T>? SecondOrderTape { get; }

    /// <summary>n, the input length.</summary>
    public int InputLength { get; }

    /// <summary>
    /// Block size: partials per level of nesting, or, for the automatic row segments (see the constructor), the
    /// number of inner partials (Hessian entries of one row) per pass.
    /// </summary>
    public int ChunkSize { get; }

    /// <summary>Whether the automatic config uses row segments for <typeparamref name="T"/> here: double or float on SIMD hardware (256-bit, or 128-bit as two halves).</summary>
    internal static bool RowSegmentsAvailable => ChunkSizes.RegisterStorage && (typeof(T) == typeof(double) || typeof(T) == typeof(float));

    /// <summary>Whether each pass computes a 1 × <see cref="ChunkSize"/> row segment (register-resident nested duals) rather than a square block.</summary>
    internal bool RowSegments { get; }

    /// <summary>The outer chunk of <c>AutoDiff.HessianVectorProduct</c> (the block size rule, unaffected by row segments).</summary>
    internal int VectorProductChunkSize { get; }

    /// <summary>Whether blocks are evaluated on several cores.</summary>
    public bool Parallel { get; }

    internal int WorkerCount { get; }

    /// <summary>The storage family of the buffers (automatic unless a delegate overload forced one).</summary>
    internal PartialsStorage Storage { get; }

    /// <summary>The chunk size asked for (0 = automatic), the cache key with <see cref="Storage"/>.</summary>
    internal int RequestedChunkSize { get; }

    /// <summary>Whether this config was built by <c>ConfigCache</c> for a verb that builds its own (never a caller's config).</summary>
    internal bool Cached { get; init; }

    internal object Workspace { get; }

    internal object VectorProductWorkspace { get; }
}

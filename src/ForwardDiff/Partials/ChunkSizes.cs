using System.Runtime.Intrinsics;

namespace ForwardDiff;

internal static partial class ChunkSizes
{
    /// <summary>The largest chunk the automatic rule picks for element types without a register path (ForwardDiff.jl's threshold).</summary>
    public const int Threshold = 12;

    /// <summary>
    /// Whether the automatic choice for double and float is the <c>Vector256PartialsK</c> storage: with 256-bit SIMD, and also
    /// with only 128-bit SIMD (x64 without AVX2, Arm64), where <see cref="Vector256{T}"/> runs as two
    /// <see cref="Vector128{T}"/> halves and the dual still stays out of memory: extended Rosenbrock gradient, n = 100,
    /// AVX2 disabled, 32.7 µs against 120 µs on the memory-resident <c>PartialsN</c> (stop 11).
    /// </summary>
    public static bool RegisterStorage
    {
        get => Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated;
    }

    /// <summary>
    /// The largest chunk the automatic rule picks for <typeparamref name="T"/>: 8 for double and 16 for float on
    /// 256-bit SIMD hardware (two <c>Vector256</c> registers per dual), otherwise ForwardDiff.jl's 12.
    /// </summary>
    /// <remarks>
    /// Measured (perf/results/gradient.md, AVX2 machine, extended Rosenbrock n = 100): chunk 8 on
    /// <c>Vector256Partials2</c> stays in registers and beat chunk 12 (three vectors per dual: the sixteen ymm
    /// registers no longer hold a loop's duals and the JIT spills) and chunk 16 (four vectors: the JIT no longer
    /// promotes the struct, 2× slower at n = 1000). Machines with AVX-512 keep 8: the 16-partial storage is four
    /// <c>Vector256</c> fields there too, and struct promotion depends on the field count, not on the register file.
    /// There is no <c>Vector512</c> storage yet and no AVX-512 machine to measure one on.
    /// </remarks>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <returns>The threshold.</returns>
    public static int ThresholdFor<T>()
    {
        if (RegisterStorage && typeof(T) == typeof(double))
        {
            return 8;
        }

        if (RegisterStorage && typeof(T) == typeof(float))
        {
            return 16;
        }

        return Threshold;
    }

    /// <summary>The automatic chunk size for <paramref name="inputLength"/> inputs of <typeparamref name="T"/> (see <see cref="Default(int, int)"/> with <see cref="ThresholdFor{T}"/>; with 256-bit SIMD, whole vectors: 1–2 doubles take 4 lanes, 9–12 one pass of 12, floats 8 or 16).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="inputLength">n.</param>
    /// <returns>The chunk size.</returns>
    public static int Default<T>(int inputLength)
    {
        int threshold = ThresholdFor<T>();

        // With 256-bit SIMD, 1 and 2 double inputs take one Vector256 of 4 lanes (two idle) instead of the [InlineArray]
        // Partials1/Partials2, which live in memory: extended Rosenbrock n = 2 86 → 27 ns, Σ eˣ·x n = 1 49 → 34 ns
        // (Stopwatch harness, stop 11). float sizes are multiples of 8, the float lanes of one Vector256.
        if (inputLength >= 1 && threshold == 8 && inputLength <= 2)
        {
            return 4;
        }

        if (inputLength >= 1 && threshold == 16)
        {
            int floats = Default(inputLength, threshold);
            return floats <= 8 ? 8 : 16;
        }

        // 9–12 inputs with threshold 8: one pass on three vectors (Vector256Partials3, which spills a little) beats two
        // passes on two. Measured on extended Rosenbrock: n = 10 140 ns vs 174 ns, n = 12 167 ns vs 204 ns; from 17
        // inputs on, three passes of 8 beat two of 12.
        if (threshold == 8 && inputLength > 8 && inputLength <= 12)
        {
            return 12;
        }

        return Default(inputLength, threshold);
    }

    /// <summary>
    /// The automatic chunk size for <paramref name="inputLength"/> inputs: n ≤ threshold → n, otherwise
    /// ⌈n / ⌈n / threshold⌉⌉ (the same number of passes as the threshold, with the work spread evenly), then rounded up
    /// to a multiple of 4 (4, 8, 12, 16: the sizes with a register path) when above 2.
    /// </summary>
    /// <param name="inputLength">n.</param>
    /// <param name="threshold">The largest chunk (ForwardDiff.jl: 12).</param>
    /// <returns>The chunk size.</returns>
    public static int Default(int inputLength, int threshold = Threshold)
    {
        if (inputLength <= 1)
        {
            return 1;
        }

        int size = inputLength <= threshold ? inputLength : DivideRoundingUp(inputLength, DivideRoundingUp(inputLength, threshold));

        // Sizes that are multiples of 4 run on the register path for double (PartialsValue); measured on extended
        // Rosenbrock n = 10: chunk 10 (by-reference kernels) 2.0 µs, chunk 8 (two passes, registers) 0.63 µs.
        // So above 2 the size is rounded up to 4, 8, 12 or 16: the same number of passes, a few idle lanes.
        return size <= 2 ? size : RoundUpToAvailable((size + 3) / 4 * 4);
    }

    /// <summary>The smallest available storage size ≥ <paramref name="size"/> (the largest one if none is).</summary>
    public static int RoundUpToAvailable(int size)
    {
        foreach (int available in Available)
        {
            if (available >= size)
            {
                return available;
            }
        }

        return Available[^1];
    }

    /// <summary>Validates a requested chunk size (0 = automatic) and resolves it.</summary>
    public static int Resolve<T>(int requested, int inputLength, string paramName)
    {
        if (requested == 0)
        {
            return Default<T>(inputLength);
        }

        if (!Available.Contains(requested))
        {
            throw new ArgumentOutOfRangeException(paramName, requested, $"Chunk size must be 0 (automatic) or one of {string.Join(", ", Available.ToArray())}.");
        }

        return requested;
    }

    /// <summary>⌈a / b⌉ for positive a, b.</summary>
    /// <summary>
    /// The storage size for <paramref name="chunkSize"/> partials per pass: for double and float on the register storage
    /// (see <see cref="RegisterStorage"/>) the next whole number of vectors (4, 8, 12, 16 doubles; 8, 16 floats), so an
    /// explicit size such as 5 or 10 runs with idle lanes in registers instead of on the memory-resident
    /// <c>PartialsN</c> (~20× slower per operation); otherwise the size itself. Lanes are independent, so the partials
    /// are the same bits either way.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="chunkSize">Partials per pass.</param>
    /// <param name="storage">The storage family asked for.</param>
    /// <returns>The number of lanes to allocate.</returns>
    public static int StorageSize<T>(int chunkSize, PartialsStorage storage)
    {
        bool vectors = storage == PartialsStorage.Vector256 || (storage == PartialsStorage.Automatic && RegisterStorage);
        if (!vectors || chunkSize < 1)
        {
            return chunkSize;
        }

        if (typeof(T) == typeof(double))
        {
            return chunkSize <= 16 ? (chunkSize + 3) / 4 * 4 : chunkSize;
        }

        if (typeof(T) == typeof(float))
        {
            return chunkSize <= 8 ? 8 : chunkSize <= 16 ? 16 : chunkSize;
        }

        return chunkSize;
    }

    public static int DivideRoundingUp(int a, int b) => (a + b - 1) / b;
}

/// <summary>Which family of partials storage a config uses.</summary>
internal enum PartialsStorage
{
    /// <summary><c>Vector256PartialsK&lt;T&gt;</c> for double and float on 256-bit SIMD hardware, <c>PartialsN&lt;T&gt;</c> otherwise.</summary>
    Automatic,

    /// <summary>Always <c>PartialsN&lt;T&gt;</c> (the generic delegate overloads, typed on <c>Partials8&lt;T&gt;</c>).</summary>
    InlineArray,

    /// <summary><c>Vector256PartialsK&lt;T&gt;</c> for double and float on any hardware (the double and float delegate overloads).</summary>
    Vector256,
}

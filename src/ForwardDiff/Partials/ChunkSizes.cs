namespace ForwardDiff;

internal static partial class ChunkSizes
{
    /// <summary>The largest chunk the automatic rule picks.</summary>
    /// <remarks>
    /// ForwardDiff.jl's threshold. Measured here for double (perf/results/gradient.md, AVX2 machine): on extended
    /// Rosenbrock the automatic chunk 12 beat fixed chunks 8 and 16 at n = 100 and n = 1000, so the rule stays the
    /// published one.
    /// </remarks>
    public const int Threshold = 12;

    /// <summary>
    /// The automatic chunk size for <paramref name="inputLength"/> inputs: n ≤ 12 → n, otherwise ⌈n / ⌈n / 12⌉⌉
    /// (the same number of passes as chunk 12, with the work spread evenly), then rounded up to a multiple of 4
    /// (4, 8, 12, 16: the sizes with a register path) when above 2.
    /// </summary>
    public static int Default(int inputLength)
    {
        if (inputLength <= 1)
        {
            return 1;
        }

        int size = inputLength <= Threshold ? inputLength : DivideRoundingUp(inputLength, DivideRoundingUp(inputLength, Threshold));

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
    public static int Resolve(int requested, int inputLength, string paramName)
    {
        if (requested == 0)
        {
            return Default(inputLength);
        }

        if (!Available.Contains(requested))
        {
            throw new ArgumentOutOfRangeException(paramName, requested, $"Chunk size must be 0 (automatic) or one of {string.Join(", ", Available.ToArray())}.");
        }

        return requested;
    }

    /// <summary>⌈a / b⌉ for positive a, b.</summary>
    public static int DivideRoundingUp(int a, int b) => (a + b - 1) / b;
}

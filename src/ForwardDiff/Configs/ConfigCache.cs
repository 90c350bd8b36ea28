using System.Numerics;

namespace ForwardDiff;

/// <summary>
/// One config per thread and kind for the verbs that build their own (convenience forms, lambda forms, a null config),
/// so calling them in a loop does not rebuild the buffers every time. A config is taken out while a call uses it
/// (a nested call of the same kind builds its own) and put back only when the call completes; configs a caller passed
/// in are never cached (they are not marked <c>Cached</c>). Only inputs up to <see cref="MaxInputLength"/> are kept.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
internal static class ConfigCache<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The largest n whose buffers a thread keeps (a few tens of kilobytes per kind).</summary>
    public const int MaxInputLength = 1024;

    [ThreadStatic]
    private static GradientConfig<T>? t_gradient;

    [ThreadStatic]
    private static JacobianConfig<T>? t_jacobian;

    [ThreadStatic]
    private static HessianConfig<T>? t_hessian;

    [ThreadStatic]
    private static Dual<T>[]? t_duals;

    /// <summary>The thread's cached gradient config, if any (for tests).</summary>
    internal static GradientConfig<T>? CachedGradient => t_gradient;

    /// <summary>The thread's cached Hessian config, if any (for tests).</summary>
    internal static HessianConfig<T>? CachedHessian => t_hessian;

    /// <summary>A serial gradient config for these arguments: the thread's cached one if it matches, else a new one.</summary>
    public static GradientConfig<T> Gradient(int inputLength, int chunkSize, PartialsStorage storage)
    {
        GradientConfig<T>? config = t_gradient;
        if (config is not null && config.InputLength == inputLength && config.RequestedChunkSize == chunkSize && config.Storage == storage)
        {
            t_gradient = null;
            return config;
        }

        return new GradientConfig<T>(inputLength, chunkSize, parallel: false, storage) { Cached = inputLength <= MaxInputLength };
    }

    /// <summary>A serial Jacobian config for these arguments: the thread's cached one if it matches, else a new one.</summary>
    public static JacobianConfig<T> Jacobian(int inputLength, int outputLength, int chunkSize, PartialsStorage storage)
    {
        JacobianConfig<T>? config = t_jacobian;
        if (config is not null && config.InputLength == inputLength && config.OutputLength == outputLength && config.RequestedChunkSize == chunkSize && config.Storage == storage)
        {
            t_jacobian = null;
            return config;
        }

        return new JacobianConfig<T>(inputLength, outputLength, chunkSize, parallel: false, storage) { Cached = inputLength <= MaxInputLength && outputLength <= MaxInputLength };
    }

    /// <summary>A serial Hessian config for these arguments: the thread's cached one if it matches, else a new one.</summary>
    public static HessianConfig<T> Hessian(int inputLength, int chunkSize, PartialsStorage storage)
    {
        HessianConfig<T>? config = t_hessian;
        if (config is not null && config.InputLength == inputLength && config.RequestedChunkSize == chunkSize && config.Storage == storage)
        {
            t_hessian = null;
            return config;
        }

        return new HessianConfig<T>(inputLength, chunkSize, parallel: false, storage) { Cached = inputLength <= MaxInputLength };
    }

    /// <summary>Puts a config built by <see cref="Gradient"/> back after a completed call; does nothing for a caller's config.</summary>
    public static void Return(GradientConfig<T> config)
    {
        if (config.Cached)
        {
            t_gradient = config;
        }
    }

    /// <summary>Puts a config built by <see cref="Jacobian"/> back after a completed call; does nothing for a caller's config.</summary>
    public static void Return(JacobianConfig<T> config)
    {
        if (config.Cached)
        {
            t_jacobian = config;
        }
    }

    /// <summary>Puts a config built by <see cref="Hessian"/> back after a completed call; does nothing for a caller's config.</summary>
    public static void Return(HessianConfig<T> config)
    {
        if (config.Cached)
        {
            t_hessian = config;
        }
    }

    /// <summary>A buffer of at least <paramref name="length"/> duals for the Jacobian–vector product: the thread's cached one if long enough, else a new one.</summary>
    public static Dual<T>[] Duals(int length)
    {
        Dual<T>[]? buffer = t_duals;
        if (buffer is not null && buffer.Length >= length)
        {
            t_duals = null;
            return buffer;
        }

        return new Dual<T>[length];
    }

    /// <summary>Puts a dual buffer back after a completed call (kept only up to twice <see cref="MaxInputLength"/> elements).</summary>
    public static void Return(Dual<T>[] buffer)
    {
        if (buffer.Length <= 2 * MaxInputLength)
        {
            t_duals = buffer;
        }
    }
}

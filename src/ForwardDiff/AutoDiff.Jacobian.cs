using System.Numerics;

namespace ForwardDiff;

public static partial class AutoDiff
{
    /// <summary>
    /// The Jacobian J[i, j] = ∂fᵢ/∂xⱼ of f: ℝⁿ → ℝᵐ by chunked forward mode (⌈n / N⌉ evaluations, automatic N).
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function, ideally a struct.</typeparam>
    /// <param name="function">f; its <see cref="IVectorFunction.OutputLength"/> gives m.</param>
    /// <param name="x">The point.</param>
    /// <returns>A new m × n array.</returns>
    public static T[,] Jacobian<T, TFunction>(TFunction function, ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
        => Jacobian(function, x, ConfigCache<T>.Jacobian(x.Length, function.OutputLength(x.Length), 0, PartialsStorage.Automatic));

    /// <summary>The Jacobian with a reusable <paramref name="config"/>.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝᵐ.</param>
    /// <param name="x">The point.</param>
    /// <param name="config">A config for these n and m.</param>
    /// <returns>A new m × n array.</returns>
    /// <exception cref="ArgumentException">x.Length or m differs from the config (the message names both).</exception>
    public static T[,] Jacobian<T, TFunction>(TFunction function, ReadOnlySpan<T> x, JacobianConfig<T> config)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        ArgumentNullException.ThrowIfNull(config);
        JacobianResult<T> result = new(x.Length, config.OutputLength);
        Jacobian(function, x, result, config);
        return result.Jacobian;
    }

    /// <summary>
    /// Writes f(x) to <paramref name="values"/> and the Jacobian, row-major (J[i, j] at i·n + j), to
    /// <paramref name="destination"/>, from one sweep. With a config this allocates nothing (serial mode).
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝᵐ.</param>
    /// <param name="x">The point.</param>
    /// <param name="values">Receives f(x); m elements.</param>
    /// <param name="destination">Receives J row-major; m·n elements.</param>
    /// <param name="config">A config for these n and m, or null to create one.</param>
    /// <exception cref="ArgumentException">A length does not match (the message names both).</exception>
    public static void Jacobian<T, TFunction>(TFunction function, ReadOnlySpan<T> x, Span<T> values, Span<T> destination, JacobianConfig<T>? config = null)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        int m = function.OutputLength(x.Length);
        config ??= ConfigCache<T>.Jacobian(x.Length, m, 0, PartialsStorage.Automatic);
        Check.Length(config.InputLength, "the config's input length", x.Length, nameof(config));
        Check.Length(config.OutputLength, "the config's output length", m, "the function's output length", nameof(config));
        Check.Length(values.Length, "values length", m, "the function's output length", nameof(values));
        Check.Length(destination.Length, "destination length", m * x.Length, "m·n", nameof(destination));
        if (config.Tape is { } tape && tape.TryJacobian(ref function, x, values, destination))
        {
            // JacobianMethod.ForwardOnTape: one recorded evaluation and forward sweeps over the tape
            ConfigCache<T>.Return(config);
            return;
        }

        JacobianRun<T, TFunction> run = new() { Function = function, X = x, Values = values, Destination = destination, Config = config };
        ChunkSizes.Dispatch<T, JacobianRun<T, TFunction>>(config.StorageChunkSize, ref run, config.Storage);
        ConfigCache<T>.Return(config);
    }

    /// <summary>Fills <paramref name="result"/> with f(x) and the Jacobian from one sweep.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝᵐ.</param>
    /// <param name="x">The point.</param>
    /// <param name="result">A result for these n and m.</param>
    /// <param name="config">A config, or null to create one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">A length does not match (the message names both).</exception>
    public static void Jacobian<T, TFunction>(TFunction function, ReadOnlySpan<T> x, JacobianResult<T> result, JacobianConfig<T>? config = null)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        ArgumentNullException.ThrowIfNull(result);
        Check.Length(result.Jacobian.GetLength(1), "the result's column count", x.Length, nameof(result));
        Jacobian(function, x, result.Value, MatrixSpan.Of(result.Jacobian), config);
    }

    /// <summary>
    /// The Jacobian of a lambda over <c>ChunkDual&lt;T, Partials8&lt;T&gt;&gt;</c> (quick use, any element type); m is given
    /// explicitly. Lambdas over double and float points bind to the faster register overloads unless they name this type.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="function">f over 8-partial duals, writing m outputs.</param>
    /// <param name="x">The point.</param>
    /// <param name="outputLength">m.</param>
    /// <returns>A new m × n array.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public static T[,] Jacobian<T>(VectorFunc<ChunkDual<T, Partials8<T>>> function, ReadOnlySpan<T> x, int outputLength)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        return Jacobian(new DelegateVectorFunction<ChunkDual<T, Partials8<T>>>(function, outputLength), x, ConfigCache<T>.Jacobian(x.Length, outputLength, 8, PartialsStorage.InlineArray));
    }

    /// <summary>
    /// The Jacobian of a lambda over register-resident double duals (<c>ChunkDual&lt;double, Vector256Partials2&lt;double&gt;&gt;</c>,
    /// 8 partials per pass); m is given explicitly. C# prefers this overload for double points (see the double
    /// <c>Gradient</c> lambda overload for why).
    /// </summary>
    /// <param name="function">f over register-resident 8-partial duals, writing m outputs.</param>
    /// <param name="x">The point.</param>
    /// <param name="outputLength">m.</param>
    /// <returns>A new m × n array.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputLength"/> is negative.</exception>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
    public static double[,] Jacobian(VectorFunc<ChunkDual<double, Vector256Partials2<double>>> function, ReadOnlySpan<double> x, int outputLength)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        return Jacobian(new DelegateVectorFunction<ChunkDual<double, Vector256Partials2<double>>>(function, outputLength), x, ConfigCache<double>.Jacobian(x.Length, outputLength, Vector256Partials2<double>.Count, PartialsStorage.Vector256));
    }

    /// <summary>
    /// The Jacobian of a lambda over register-resident float duals (<c>ChunkDual&lt;float, Vector256Partials2&lt;float&gt;&gt;</c>,
    /// 16 partials per pass); m is given explicitly. C# prefers this overload for float points.
    /// </summary>
    /// <param name="function">f over register-resident 16-partial duals, writing m outputs.</param>
    /// <param name="x">The point.</param>
    /// <param name="outputLength">m.</param>
    /// <returns>A new m × n array.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputLength"/> is negative.</exception>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
    public static float[,] Jacobian(VectorFunc<ChunkDual<float, Vector256Partials2<float>>> function, ReadOnlySpan<float> x, int outputLength)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        return Jacobian(new DelegateVectorFunction<ChunkDual<float, Vector256Partials2<float>>>(function, outputLength), x, ConfigCache<float>.Jacobian(x.Length, outputLength, Vector256Partials2<float>.Count, PartialsStorage.Vector256));
    }

    private ref struct JacobianRun<T, TFunction> : IChunkVisitor<T>
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        public TFunction Function;
        public ReadOnlySpan<T> X;
        public Span<T> Values;
        public Span<T> Destination;
        public JacobianConfig<T> Config;

        public void Visit<TPartials>()
            where TPartials : struct, IPartials<TPartials, T>
        {
            ChunkWorkspace<T, TPartials> workspace = (ChunkWorkspace<T, TPartials>)Config.Workspace;
            int workers = Config.WorkerCount;
            if (workers == 1)
            {
                ChunkEngine.Jacobian(ref Function, X, Values, Destination, workspace, 0, 0, 1);
                return;
            }

            RunParallel(Function, X, Values, Destination, workspace, workers);
        }

        // Separate so that the closure exists only in parallel mode (the serial path allocates nothing).
        private static void RunParallel<TPartials>(TFunction function, ReadOnlySpan<T> input, Span<T> valuesOut, Span<T> destination, ChunkWorkspace<T, TPartials> workspace, int workers)
            where TPartials : struct, IPartials<TPartials, T>
        {
            T[] x = input.ToArray();
            T[] values = new T[valuesOut.Length];
            T[] jacobian = new T[destination.Length];
            ChunkEngine.RunWorkers(workers, w =>
            {
                TFunction local = function;
                T[] own = w == 0 ? values : new T[values.Length];
                ChunkEngine.Jacobian(ref local, x, own, jacobian, workspace, w, w, workers);
            });
            values.CopyTo(valuesOut);
            jacobian.CopyTo(destination);
        }
    }
}

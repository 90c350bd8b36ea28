using System.Numerics;

namespace ForwardDiff;

public static partial class AutoDiff
{
    /// <summary>
    /// The Hessian H[i, j] = ∂²f/∂xᵢ∂xⱼ. For double and float (on SIMD hardware) by second-order adjoints on a tape
    /// (<see cref="HessianMethod.SecondOrderAdjoint"/>): one evaluation of f records each operation with its local first
    /// and second partials, then sweeps of 16 directions (32 for float) compute the columns of H, skipping operations
    /// whose contribution is an exact zero; where an input, a value or a partial is not finite (or at 0^y) the call is
    /// redone with nested duals, whose conventions then decide. Otherwise by nested chunked duals: each evaluation
    /// carries one N × N block, or with the automatic config a 1 × N row segment on register-resident duals, and only
    /// the blocks on and above the diagonal are evaluated. Either way H is mirrored from its upper triangle, so it is
    /// exactly symmetric.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function, ideally a struct.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <returns>A new n × n array.</returns>
    public static T[,] Hessian<T, TFunction>(TFunction function, ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
        => Hessian(function, x, ConfigCache<T>.Hessian(x.Length, 0, PartialsStorage.Automatic));

    /// <summary>The Hessian with a reusable <paramref name="config"/>.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <param name="config">A config for n = x.Length.</param>
    /// <returns>A new n × n array.</returns>
    /// <exception cref="ArgumentException">x.Length differs from the config (the message names both).</exception>
    public static T[,] Hessian<T, TFunction>(TFunction function, ReadOnlySpan<T> x, HessianConfig<T> config)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        T[,] hessian = new T[x.Length, x.Length];
        Hessian(function, x, MatrixSpan.Of(hessian), config);
        return hessian;
    }

    /// <summary>Writes the Hessian row-major (H[i, j] at i·n + j) to <paramref name="destination"/> and returns f(x). With a config this allocates nothing (serial mode).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <param name="destination">Receives H; n·n elements.</param>
    /// <param name="config">A config for n = x.Length, or null to create one.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentException">A length does not match (the message names both).</exception>
    public static T Hessian<T, TFunction>(TFunction function, ReadOnlySpan<T> x, Span<T> destination, HessianConfig<T>? config = null)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
        => HessianCore(function, x, [], destination, config);

    /// <summary>Fills <paramref name="result"/> with f(x), ∇f(x) and the Hessian from one sweep (the gradient comes from the diagonal blocks).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <param name="result">A result for n = x.Length.</param>
    /// <param name="config">A config, or null to create one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">A length does not match (the message names both).</exception>
    public static void Hessian<T, TFunction>(TFunction function, ReadOnlySpan<T> x, HessianResult<T> result, HessianConfig<T>? config = null)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        ArgumentNullException.ThrowIfNull(result);
        Check.Length(result.Gradient.Length, "the result's gradient length", x.Length, nameof(result));
        result.Value = HessianCore(function, x, result.Gradient, MatrixSpan.Of(result.Hessian), config);
    }

    /// <summary>
    /// The Hessian of a lambda over nested 8-partial duals (quick use, any element type; 8 × 8 blocks in memory). The
    /// lambda's parameter type is inferred; write it with operators and the static functions of its number type. Lambdas
    /// over double and float points bind to the faster row-segment overloads unless they name this type.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="function">f over <c>ChunkDual&lt;ChunkDual&lt;T, Partials8&lt;T&gt;&gt;, Partials8&lt;…&gt;&gt;</c>.</param>
    /// <param name="x">The point.</param>
    /// <returns>A new n × n array.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public static T[,] Hessian<T>(MultivariateFunc<ChunkDual<ChunkDual<T, Partials8<T>>, Partials8<ChunkDual<T, Partials8<T>>>>> function, ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(function);
        return Hessian(new DelegateFunction<ChunkDual<ChunkDual<T, Partials8<T>>, Partials8<ChunkDual<T, Partials8<T>>>>>(function), x, ConfigCache<T>.Hessian(x.Length, 8, PartialsStorage.InlineArray));
    }

    /// <summary>
    /// The Hessian of a lambda over register-resident nested double duals, for quick use:
    /// <c>AutoDiff.Hessian(x =&gt; x[0] * x[0] * x[1], [1.0, 2.0])</c>. The lambda's parameter type,
    /// <c>ChunkDual&lt;ChunkDual&lt;double, Vector256Partials1&lt;double&gt;&gt;, SinglePartial&lt;…&gt;&gt;</c>, is inferred; each
    /// evaluation gives one row segment of four entries (as the automatic <see cref="HessianConfig{T}"/>), and the JIT
    /// keeps the duals in registers: measured ~5× faster than the generic lambda overload's 8 × 8 blocks at n = 10 and 100
    /// (perf/README.md). C# prefers this overload for double points.
    /// </summary>
    /// <param name="function">f over the row-segment duals.</param>
    /// <param name="x">The point.</param>
    /// <returns>A new n × n array.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
    public static double[,] Hessian(MultivariateFunc<ChunkDual<ChunkDual<double, Vector256Partials1<double>>, SinglePartial<ChunkDual<double, Vector256Partials1<double>>>>> function, ReadOnlySpan<double> x)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Hessian(new DelegateFunction<ChunkDual<ChunkDual<double, Vector256Partials1<double>>, SinglePartial<ChunkDual<double, Vector256Partials1<double>>>>>(function), x, ConfigCache<double>.Hessian(x.Length, 0, PartialsStorage.Vector256));
    }

    /// <summary>
    /// The Hessian of a lambda over register-resident nested float duals (row segments of eight entries per evaluation);
    /// C# prefers this overload for float points.
    /// </summary>
    /// <param name="function">f over <c>ChunkDual&lt;ChunkDual&lt;float, Vector256Partials1&lt;float&gt;&gt;, SinglePartial&lt;…&gt;&gt;</c>.</param>
    /// <param name="x">The point.</param>
    /// <returns>A new n × n array.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
    public static float[,] Hessian(MultivariateFunc<ChunkDual<ChunkDual<float, Vector256Partials1<float>>, SinglePartial<ChunkDual<float, Vector256Partials1<float>>>>> function, ReadOnlySpan<float> x)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Hessian(new DelegateFunction<ChunkDual<ChunkDual<float, Vector256Partials1<float>>, SinglePartial<ChunkDual<float, Vector256Partials1<float>>>>>(function), x, ConfigCache<float>.Hessian(x.Length, 0, PartialsStorage.Vector256));
    }

    private static T HessianCore<T, TFunction>(TFunction function, ReadOnlySpan<T> x, Span<T> gradient, Span<T> destination, HessianConfig<T>? config)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        config ??= ConfigCache<T>.Hessian(x.Length, 0, PartialsStorage.Automatic);
        Check.Length(config.InputLength, "the config's input length", x.Length, nameof(config));
        Check.Length(destination.Length, "destination length", x.Length * x.Length, "n·n", nameof(destination));
        if (config.SecondOrderTape is { } tape && tape.TryRun(ref function, x, gradient, destination, out T tapeValue))
        {
            ConfigCache<T>.Return(config);
            return tapeValue;
        }

        HessianRun<T, TFunction> run = new() { Function = function, X = x, Gradient = gradient, Destination = destination, Config = config };
        if (config.RowSegments)
        {
            // one Hessian row segment per pass on register-resident nested duals (double and float, see HessianConfig)
            HessianOuterRun<T, Vector256Partials1<T>, TFunction> rows = new() { Function = function, X = x, Gradient = gradient, Destination = destination, Config = config };
            rows.Visit<SinglePartial<ChunkDual<T, Vector256Partials1<T>>>>();
            ConfigCache<T>.Return(config);
            return rows.Value!;
        }

        ChunkSizes.Dispatch<T, HessianRun<T, TFunction>>(config.ChunkSize, ref run, config.Storage);
        ConfigCache<T>.Return(config);
        return run.Value;
    }

    private ref struct HessianRun<T, TFunction> : IChunkVisitor<T>
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        public TFunction Function;
        public ReadOnlySpan<T> X;
        public Span<T> Gradient;
        public Span<T> Destination;
        public HessianConfig<T> Config;
        public T Value;

        public void Visit<TInner>()
            where TInner : struct, IPartials<TInner, T>
        {
            HessianOuterRun<T, TInner, TFunction> outer = new() { Function = Function, X = X, Gradient = Gradient, Destination = Destination, Config = Config };
            ChunkSizes.Dispatch<ChunkDual<T, TInner>, HessianOuterRun<T, TInner, TFunction>>(TInner.Count, ref outer);
            Value = outer.Value;
        }
    }

    private ref struct HessianOuterRun<T, TInner, TFunction> : IChunkVisitor<ChunkDual<T, TInner>>
        where T : IFloatingPointIeee754<T>
        where TInner : struct, IPartials<TInner, T>
        where TFunction : IMultivariateFunction
    {
        public TFunction Function;
        public ReadOnlySpan<T> X;
        public Span<T> Gradient;
        public Span<T> Destination;
        public HessianConfig<T> Config;
        public T Value;

        public void Visit<TOuter>()
            where TOuter : struct, IPartials<TOuter, ChunkDual<T, TInner>>
        {
            HessianWorkspace<T, TInner, TOuter> workspace = (HessianWorkspace<T, TInner, TOuter>)Config.Workspace;
            int workers = Config.WorkerCount;
            if (workers == 1)
            {
                Value = Config.RowSegments
                    ? ChunkEngine.HessianRows(ref Function, X, Gradient, Destination, workspace, 0, 0, 1)
                    : ChunkEngine.Hessian(ref Function, X, Gradient, Destination, workspace, 0, 0, 1);
                return;
            }

            Value = RunParallel(Function, X, Gradient, Destination, workspace, workers, Config.RowSegments);
        }

        // Separate so that the closure exists only in parallel mode (the serial path allocates nothing).
        private static T RunParallel<TOuter>(TFunction function, ReadOnlySpan<T> input, Span<T> gradientOut, Span<T> destination, HessianWorkspace<T, TInner, TOuter> workspace, int workers, bool rows)
            where TOuter : struct, IPartials<TOuter, ChunkDual<T, TInner>>
        {
            T[] x = input.ToArray();
            T[] gradient = new T[gradientOut.Length];
            T[] hessian = new T[destination.Length];
            T[] values = new T[workers];
            ChunkEngine.RunWorkers(workers, w =>
            {
                TFunction local = function;
                values[w] = rows
                    ? ChunkEngine.HessianRows(ref local, x, gradient, hessian, workspace, w, w, workers)
                    : ChunkEngine.Hessian(ref local, x, gradient, hessian, workspace, w, w, workers);
            });
            gradient.CopyTo(gradientOut);
            hessian.CopyTo(destination);
            return values[0];
        }
    }
}

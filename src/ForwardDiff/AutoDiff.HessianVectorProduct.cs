using System.Numerics;

namespace ForwardDiff;

public static partial class AutoDiff
{
    /// <summary>
    /// H(x)·v without forming H: forward over forward, the inner level of the nested dual carries the direction v
    /// (one partial) and the outer level a chunk of unit seeds, so ⌈n / N⌉ evaluations give ∇f and H·v together.
    /// With the automatic config, double and float on SIMD hardware (256-bit, or 128-bit as two halves) swap the levels: the unit seeds ride in one
    /// register inside (4 doubles, 8 floats) and v is the single outer partial, so the nested dual stays in registers;
    /// (Hv)ₖ is then ∂(∇f·v)/∂xₖ, equal to the other order up to rounding.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <returns>A new array with H·v.</returns>
    /// <exception cref="ArgumentException">direction.Length differs from x.Length.</exception>
    public static T[] HessianVectorProduct<T, TFunction>(TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
        => HessianVectorProduct(function, x, direction, ConfigCache<T>.Hessian(x.Length, HessianConfig<T>.RowSegmentsAvailable ? 0 : ChunkSizes.Default(x.Length), PartialsStorage.Automatic));

    /// <summary>H(x)·v with a reusable <paramref name="config"/> (its chunk size is the outer chunk).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <param name="config">A config for n = x.Length.</param>
    /// <returns>A new array with H·v.</returns>
    /// <exception cref="ArgumentException">A length does not match (the message names both).</exception>
    public static T[] HessianVectorProduct<T, TFunction>(TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, HessianConfig<T> config)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        T[] product = new T[x.Length];
        HessianVectorProduct(function, x, direction, product, config);
        return product;
    }

    /// <summary>Writes H(x)·v to <paramref name="destination"/> and returns f(x). With a config this allocates nothing (serial mode).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <param name="destination">Receives H·v, n elements.</param>
    /// <param name="config">A config for n = x.Length, or null to create one.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentException">A length does not match (the message names both).</exception>
    public static T HessianVectorProduct<T, TFunction>(TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, Span<T> destination, HessianConfig<T>? config = null)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
        => HessianVectorProductCore(function, x, direction, [], destination, config);

    /// <summary>Fills <paramref name="result"/> with f(x), ∇f(x) and H(x)·v from one sweep.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <param name="result">A result for n = x.Length.</param>
    /// <param name="config">A config, or null to create one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">A length does not match (the message names both).</exception>
    public static void HessianVectorProduct<T, TFunction>(TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, HessianVectorProductResult<T> result, HessianConfig<T>? config = null)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        ArgumentNullException.ThrowIfNull(result);
        Check.Length(result.Gradient.Length, "the result's gradient length", x.Length, nameof(result));
        result.Value = HessianVectorProductCore(function, x, direction, result.Gradient, result.Product, config);
    }

    /// <summary>
    /// H(x)·v of a lambda over register-resident nested double duals (quick use):
    /// <c>AutoDiff.HessianVectorProduct(x =&gt; x[0] * x[0] * x[1], [3.0, 2.0], [1.0, 0.0])</c>. The lambda's parameter type,
    /// <c>ChunkDual&lt;ChunkDual&lt;double, Vector256Partials1&lt;double&gt;&gt;, SinglePartial&lt;…&gt;&gt;</c>, is inferred (the same
    /// as the double <c>Hessian</c> lambda's); C# prefers this overload for double points.
    /// </summary>
    /// <param name="function">f over the register-resident nested duals.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <returns>A new array with H·v.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentException">direction.Length differs from x.Length.</exception>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
    public static double[] HessianVectorProduct(MultivariateFunc<ChunkDual<ChunkDual<double, Vector256Partials1<double>>, SinglePartial<ChunkDual<double, Vector256Partials1<double>>>>> function, ReadOnlySpan<double> x, ReadOnlySpan<double> direction)
    {
        ArgumentNullException.ThrowIfNull(function);
        return HessianVectorProduct(new DelegateFunction<ChunkDual<ChunkDual<double, Vector256Partials1<double>>, SinglePartial<ChunkDual<double, Vector256Partials1<double>>>>>(function), x, direction, ConfigCache<double>.Hessian(x.Length, 0, PartialsStorage.Vector256));
    }

    /// <summary>H(x)·v of a lambda over register-resident nested float duals (quick use); C# prefers this overload for float points.</summary>
    /// <param name="function">f over <c>ChunkDual&lt;ChunkDual&lt;float, Vector256Partials1&lt;float&gt;&gt;, SinglePartial&lt;…&gt;&gt;</c>.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <returns>A new array with H·v.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentException">direction.Length differs from x.Length.</exception>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
    public static float[] HessianVectorProduct(MultivariateFunc<ChunkDual<ChunkDual<float, Vector256Partials1<float>>, SinglePartial<ChunkDual<float, Vector256Partials1<float>>>>> function, ReadOnlySpan<float> x, ReadOnlySpan<float> direction)
    {
        ArgumentNullException.ThrowIfNull(function);
        return HessianVectorProduct(new DelegateFunction<ChunkDual<ChunkDual<float, Vector256Partials1<float>>, SinglePartial<ChunkDual<float, Vector256Partials1<float>>>>>(function), x, direction, ConfigCache<float>.Hessian(x.Length, 0, PartialsStorage.Vector256));
    }

    /// <summary>
    /// H(x)·v of a lambda for any element type (quick use): the direction rides as the one inner partial and eight unit
    /// seeds as the outer partials, <c>ChunkDual&lt;ChunkDual&lt;T, Partials1&lt;T&gt;&gt;, Partials8&lt;…&gt;&gt;</c>, in memory.
    /// Lambdas over double and float points bind to the faster register overloads unless they name this type.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="function">f over the nested duals.</param>
    /// <param name="x">The point.</param>
    /// <param name="direction">v, n elements.</param>
    /// <returns>A new array with H·v.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentException">direction.Length differs from x.Length.</exception>
    public static T[] HessianVectorProduct<T>(MultivariateFunc<ChunkDual<ChunkDual<T, Partials1<T>>, Partials8<ChunkDual<T, Partials1<T>>>>> function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(function);
        return HessianVectorProduct(new DelegateFunction<ChunkDual<ChunkDual<T, Partials1<T>>, Partials8<ChunkDual<T, Partials1<T>>>>>(function), x, direction, ConfigCache<T>.Hessian(x.Length, 8, PartialsStorage.InlineArray));
    }

    /// <summary>The input length from which a config on the tape also computes Hessian–vector products on it.</summary>
    private const int HessianVectorTapeThreshold = 40;

    private static T HessianVectorProductCore<T, TFunction>(TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, Span<T> gradient, Span<T> destination, HessianConfig<T>? config)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        config ??= ConfigCache<T>.Hessian(x.Length, HessianConfig<T>.RowSegmentsAvailable ? 0 : ChunkSizes.Default(x.Length), PartialsStorage.Automatic);
        Check.Length(config.InputLength, "the config's input length", x.Length, nameof(config));
        Check.Length(direction.Length, "direction length", x.Length, nameof(direction));
        Check.Length(destination.Length, "destination length", x.Length, nameof(destination));
        if (config.SecondOrderTape is { } tape && x.Length >= HessianVectorTapeThreshold && tape.TryHessianVector(ref function, x, direction, gradient, destination, out T tapeValue))
        {
            // one evaluation on the tape and one sweep with v as its direction (HessianMethod.SecondOrderAdjoint); below
            // the threshold the register-resident row segments are faster (extended Rosenbrock, Stopwatch harness:
            // n = 10 / 20 / 30 / 50 / 100: tape 2.0 / 4.3 / 8.4 / 14.8 / 23 µs, row segments 0.7 / 2.8 / 5.2 / 20 / 52 µs)
            ConfigCache<T>.Return(config);
            return tapeValue;
        }

        if (config.RowSegments)
        {
            // register-resident nested duals: a chunk of unit seeds inside, the direction outside (see HessianConfig)
            T rowsValue = HessianVectorRows(function, x, direction, gradient, destination, config);
            ConfigCache<T>.Return(config);
            return rowsValue;
        }

        HessianVectorRun<T, TFunction> run = new() { Function = function, X = x, Direction = direction, Gradient = gradient, Destination = destination, Config = config };
        ChunkSizes.Dispatch<ChunkDual<T, Partials1<T>>, HessianVectorRun<T, TFunction>>(config.VectorProductChunkSize, ref run);
        ConfigCache<T>.Return(config);
        return run.Value;
    }

    private static T HessianVectorRows<T, TFunction>(TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, Span<T> gradient, Span<T> destination, HessianConfig<T> config)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        var workspace = (HessianWorkspace<T, Vector256Partials1<T>, SinglePartial<ChunkDual<T, Vector256Partials1<T>>>>)config.Workspace;
        int workers = Math.Min(config.WorkerCount, Math.Max(1, ChunkSizes.DivideRoundingUp(x.Length, config.ChunkSize)));
        if (workers == 1)
        {
            return ChunkEngine.HessianVectorRows(ref function, x, direction, gradient, destination, workspace, 0, 0, 1);
        }

        return HessianVectorRowsParallel(function, x, direction, gradient, destination, workspace, workers);
    }

    // Separate so that the closure exists only in parallel mode (the serial path allocates nothing).
    private static T HessianVectorRowsParallel<T, TFunction>(TFunction function, ReadOnlySpan<T> x, ReadOnlySpan<T> direction, Span<T> gradient, Span<T> destination, HessianWorkspace<T, Vector256Partials1<T>, SinglePartial<ChunkDual<T, Vector256Partials1<T>>>> workspace, int workers)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        T[] input = x.ToArray();
        T[] v = direction.ToArray();
        T[] g = new T[gradient.Length];
        T[] product = new T[destination.Length];
        T[] values = new T[workers];
        ChunkEngine.RunWorkers(workers, w =>
        {
            TFunction local = function;
            values[w] = ChunkEngine.HessianVectorRows(ref local, input, v, g, product, workspace, w, w, workers);
        });
        g.CopyTo(gradient);
        product.CopyTo(destination);
        return values[0];
    }

    private ref struct HessianVectorRun<T, TFunction> : IChunkVisitor<ChunkDual<T, Partials1<T>>>
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        public TFunction Function;
        public ReadOnlySpan<T> X;
        public ReadOnlySpan<T> Direction;
        public Span<T> Gradient;
        public Span<T> Destination;
        public HessianConfig<T> Config;
        public T Value;

        public void Visit<TOuter>()
            where TOuter : struct, IPartials<TOuter, ChunkDual<T, Partials1<T>>>
        {
            HessianWorkspace<T, Partials1<T>, TOuter> workspace = (HessianWorkspace<T, Partials1<T>, TOuter>)Config.VectorProductWorkspace;
            int workers = Config.WorkerCount;
            if (workers == 1)
            {
                Value = ChunkEngine.HessianVector(ref Function, X, Direction, Gradient, Destination, workspace, 0, 0, 1);
                return;
            }

            Value = RunParallel(Function, X, Direction, Gradient, Destination, workspace, workers);
        }

        // Separate so that the closure exists only in parallel mode (the serial path allocates nothing).
        private static T RunParallel<TOuter>(TFunction function, ReadOnlySpan<T> input, ReadOnlySpan<T> directionIn, Span<T> gradientOut, Span<T> destination, HessianWorkspace<T, Partials1<T>, TOuter> workspace, int workers)
            where TOuter : struct, IPartials<TOuter, ChunkDual<T, Partials1<T>>>
        {
            T[] x = input.ToArray();
            T[] direction = directionIn.ToArray();
            T[] gradient = new T[gradientOut.Length];
            T[] product = new T[destination.Length];
            T[] values = new T[workers];
            ChunkEngine.RunWorkers(workers, w =>
            {
                TFunction local = function;
                values[w] = ChunkEngine.HessianVector(ref local, x, direction, gradient, product, workspace, w, w, workers);
            });
            gradient.CopyTo(gradientOut);
            product.CopyTo(destination);
            return values[0];
        }
    }
}

/// <summary>f(x), ∇f(x) and H(x)·v from one sweep of <c>AutoDiff.HessianVectorProduct</c>.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
public sealed class HessianVectorProductResult<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Allocates a result for n inputs.</summary>
    /// <param name="inputLength">n (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputLength"/> is negative.</exception>
    public HessianVectorProductResult(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        Gradient = new T[inputLength];
        Product = new T[inputLength];
    }

    /// <summary>f(x).</summary>
    public T Value { get; internal set; } = T.Zero;

    /// <summary>∇f(x).</summary>
    public T[] Gradient { get; }

    /// <summary>H(x)·v.</summary>
    public T[] Product { get; }
}

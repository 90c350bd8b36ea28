using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ForwardDiff;

public static partial class AutoDiff
{
    /// <summary>
    /// ∇f(x) by chunked forward mode: ⌈n / N⌉ evaluations of f on <see cref="ChunkDual{T, TPartials}"/> with N partials
    /// (the automatic chunk size). Effectively computes <c>result[i] = ∂f/∂xᵢ</c>.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function, ideally a struct (the call then inlines).</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point (n ≥ 0; n = 0 gives an empty gradient).</param>
    /// <returns>A new array with ∇f(x).</returns>
    public static T[] Gradient<T, TFunction>(TFunction function, ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
        => Gradient(function, x, ConfigCache<T>.Gradient(x.Length, 0, PartialsStorage.Automatic));

    /// <summary>∇f(x) with a reusable <paramref name="config"/> (chunk size, buffers, parallelism).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <param name="config">A config for n = x.Length.</param>
    /// <returns>A new array with ∇f(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    /// <exception cref="ArgumentException">x.Length differs from the config's input length.</exception>
    public static T[] Gradient<T, TFunction>(TFunction function, ReadOnlySpan<T> x, GradientConfig<T> config)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        T[] gradient = new T[x.Length];
        Gradient(function, x, gradient, config);
        return gradient;
    }

    /// <summary>
    /// Writes ∇f(x) to <paramref name="destination"/> and returns f(x), from the same sweep. With a config this
    /// allocates nothing (serial mode).
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <param name="destination">Receives ∇f(x); exactly n elements.</param>
    /// <param name="config">A config for n = x.Length, or null to create one (allocates).</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentException">A length differs from x.Length (the message names both).</exception>
    public static T Gradient<T, TFunction>(TFunction function, ReadOnlySpan<T> x, Span<T> destination, GradientConfig<T>? config = null)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        config ??= ConfigCache<T>.Gradient(x.Length, 0, PartialsStorage.Automatic);
        Check.Length(config.InputLength, "the config's input length", x.Length, nameof(config));
        Check.Length(destination.Length, "destination length", x.Length, nameof(destination));
        if (config.Tape is { } tape && tape.TryGradient(ref function, x, destination, out T tapeValue))
        {
            // GradientMethod.ReverseOnTape: one recorded evaluation and one reverse pass
            ConfigCache<T>.Return(config);
            return tapeValue;
        }

        GradientRun<T, TFunction> run = new() { Function = function, X = x, Destination = destination, Config = config };
        ChunkSizes.Dispatch<T, GradientRun<T, TFunction>>(config.StorageChunkSize, ref run, config.Storage);
        ConfigCache<T>.Return(config);
        return run.Value;
    }

    /// <summary>Fills <paramref name="result"/> with f(x) and ∇f(x) from one sweep.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <param name="result">A result for n = x.Length.</param>
    /// <param name="config">A config for n = x.Length, or null to create one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">A length differs from x.Length (the message names both).</exception>
    public static void Gradient<T, TFunction>(TFunction function, ReadOnlySpan<T> x, GradientResult<T> result, GradientConfig<T>? config = null)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        ArgumentNullException.ThrowIfNull(result);
        Check.Length(result.Gradient.Length, "the result's gradient length", x.Length, nameof(result));
        result.Value = Gradient(function, x, result.Gradient.AsSpan(), config);
    }

    /// <summary>
    /// ∇f(x) for a lambda over <c>ChunkDual&lt;T, Partials8&lt;T&gt;&gt;</c> (8 partials per pass, in memory), for any
    /// element type. Lambdas over double and float points bind to the faster register overloads instead, unless they
    /// name this dual type. For other chunk sizes, configs or nesting, implement <see cref="IMultivariateFunction"/>.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="function">f over 8-partial duals.</param>
    /// <param name="x">The point.</param>
    /// <returns>A new array with ∇f(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public static T[] Gradient<T>(MultivariateFunc<ChunkDual<T, Partials8<T>>> function, ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(function);
        return Gradient(new DelegateFunction<ChunkDual<T, Partials8<T>>>(function), x, ConfigCache<T>.Gradient(x.Length, 8, PartialsStorage.InlineArray));
    }

    /// <summary>Writes ∇f(x) for a lambda over 8-partial duals to <paramref name="destination"/> and returns f(x).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="function">f over 8-partial duals.</param>
    /// <param name="x">The point.</param>
    /// <param name="destination">Receives ∇f(x); exactly n elements.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentException">destination.Length differs from x.Length.</exception>
    public static T Gradient<T>(MultivariateFunc<ChunkDual<T, Partials8<T>>> function, ReadOnlySpan<T> x, Span<T> destination)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(function);
        return Gradient(new DelegateFunction<ChunkDual<T, Partials8<T>>>(function), x, destination, ConfigCache<T>.Gradient(x.Length, 8, PartialsStorage.InlineArray));
    }

    /// <summary>
    /// ∇f(x) for a lambda over double duals with 8 partials in two <see cref="System.Runtime.Intrinsics.Vector256{T}"/>
    /// registers (<c>ChunkDual&lt;double, Vector256Partials2&lt;double&gt;&gt;</c>), for quick use:
    /// <c>AutoDiff.Gradient(x =&gt; x[0] * x[1], [2.0, 3.0])</c>. C# prefers this overload for double points; the JIT keeps
    /// these duals in registers, measured 10–17× faster than the generic lambda overload's <c>Partials8&lt;double&gt;</c>
    /// and as fast as an <see cref="IMultivariateFunction"/> struct (perf/README.md). A lambda that names
    /// <c>ChunkDual&lt;double, Partials8&lt;double&gt;&gt;</c> still binds to the generic overload.
    /// </summary>
    /// <param name="function">f over register-resident 8-partial duals.</param>
    /// <param name="x">The point.</param>
    /// <returns>A new array with ∇f(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    [OverloadResolutionPriority(1)]
    public static double[] Gradient(MultivariateFunc<ChunkDual<double, Vector256Partials2<double>>> function, ReadOnlySpan<double> x)
    {
        double[] gradient = new double[x.Length];
        Gradient(function, x, gradient);
        return gradient;
    }

    /// <summary>Writes ∇f(x) for a lambda over register-resident double duals (8 partials) to <paramref name="destination"/> and returns f(x).</summary>
    /// <param name="function">f over <c>ChunkDual&lt;double, Vector256Partials2&lt;double&gt;&gt;</c>.</param>
    /// <param name="x">The point.</param>
    /// <param name="destination">Receives ∇f(x); exactly n elements.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentException">destination.Length differs from x.Length.</exception>
    [OverloadResolutionPriority(1)]
    public static double Gradient(MultivariateFunc<ChunkDual<double, Vector256Partials2<double>>> function, ReadOnlySpan<double> x, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Gradient(new DelegateFunction<ChunkDual<double, Vector256Partials2<double>>>(function), x, destination, ConfigCache<double>.Gradient(x.Length, Vector256Partials2<double>.Count, PartialsStorage.Vector256));
    }

    /// <summary>
    /// ∇f(x) for a lambda over float duals with 16 partials in two <see cref="System.Runtime.Intrinsics.Vector256{T}"/>
    /// registers (<c>ChunkDual&lt;float, Vector256Partials2&lt;float&gt;&gt;</c>); C# prefers this overload for float points.
    /// </summary>
    /// <param name="function">f over register-resident 16-partial duals.</param>
    /// <param name="x">The point.</param>
    /// <returns>A new array with ∇f(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    [OverloadResolutionPriority(1)]
    public static float[] Gradient(MultivariateFunc<ChunkDual<float, Vector256Partials2<float>>> function, ReadOnlySpan<float> x)
    {
        float[] gradient = new float[x.Length];
        Gradient(function, x, gradient);
        return gradient;
    }

    /// <summary>Writes ∇f(x) for a lambda over register-resident float duals (16 partials) to <paramref name="destination"/> and returns f(x).</summary>
    /// <param name="function">f over <c>ChunkDual&lt;float, Vector256Partials2&lt;float&gt;&gt;</c>.</param>
    /// <param name="x">The point.</param>
    /// <param name="destination">Receives ∇f(x); exactly n elements.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentException">destination.Length differs from x.Length.</exception>
    [OverloadResolutionPriority(1)]
    public static float Gradient(MultivariateFunc<ChunkDual<float, Vector256Partials2<float>>> function, ReadOnlySpan<float> x, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Gradient(new DelegateFunction<ChunkDual<float, Vector256Partials2<float>>>(function), x, destination, ConfigCache<float>.Gradient(x.Length, Vector256Partials2<float>.Count, PartialsStorage.Vector256));
    }

    private ref struct GradientRun<T, TFunction> : IChunkVisitor<T>
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        public TFunction Function;
        public ReadOnlySpan<T> X;
        public Span<T> Destination;
        public GradientConfig<T> Config;
        public T Value;

        public void Visit<TPartials>()
            where TPartials : struct, IPartials<TPartials, T>
        {
            ChunkWorkspace<T, TPartials> workspace = (ChunkWorkspace<T, TPartials>)Config.Workspace;
            int workers = Config.WorkerCount;
            if (workers == 1)
            {
                Value = ChunkEngine.Gradient(ref Function, X, Destination, workspace, 0, 0, 1);
                return;
            }

            Value = RunParallel(Function, X, Destination, workspace, workers);
        }

        // Separate so that the closure exists only in parallel mode (the serial path allocates nothing).
        private static T RunParallel<TPartials>(TFunction function, ReadOnlySpan<T> input, Span<T> destination, ChunkWorkspace<T, TPartials> workspace, int workers)
            where TPartials : struct, IPartials<TPartials, T>
        {
            T[] x = input.ToArray();
            T[] gradient = new T[x.Length];
            T[] values = new T[workers];
            ChunkEngine.RunWorkers(workers, w =>
            {
                TFunction local = function;
                values[w] = ChunkEngine.Gradient(ref local, x, gradient, workspace, w, w, workers);
            });
            gradient.CopyTo(destination);
            return values[0];
        }
    }

    /// <summary>Adapts a delegate over one concrete dual type to the generic function shapes.</summary>
    private readonly struct DelegateFunction<TNumber>(MultivariateFunc<TNumber> function) : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            if (typeof(T) != typeof(TNumber))
            {
                throw new InvalidOperationException($"This delegate evaluates on {typeof(TNumber)}, not {typeof(T)}.");
            }

            TNumber y = function(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, TNumber>(ref MemoryMarshal.GetReference(x)), x.Length));
            return Unsafe.As<TNumber, T>(ref y);
        }
    }

    /// <summary>Adapts a vector delegate over one concrete dual type to <see cref="IVectorFunction"/>.</summary>
    private readonly struct DelegateVectorFunction<TNumber>(VectorFunc<TNumber> function, int outputLength) : IVectorFunction
    {
        public int OutputLength(int inputLength) => outputLength;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            if (typeof(T) != typeof(TNumber))
            {
                throw new InvalidOperationException($"This delegate evaluates on {typeof(TNumber)}, not {typeof(T)}.");
            }

            function(
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, TNumber>(ref MemoryMarshal.GetReference(x)), x.Length),
                MemoryMarshal.CreateSpan(ref Unsafe.As<T, TNumber>(ref MemoryMarshal.GetReference(y)), y.Length));
        }
    }
}

/// <summary>Argument checks with messages that name both sizes.</summary>
internal static class Check
{
    public static void Length(int actual, string what, int expected, string paramName)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Length mismatch: {what} is {actual} but the input x has length {expected}.", paramName);
        }
    }

    public static void Length(int actual, string what, int expected, string expectedWhat, string paramName)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Length mismatch: {what} is {actual} but {expectedWhat} is {expected}.", paramName);
        }
    }
}

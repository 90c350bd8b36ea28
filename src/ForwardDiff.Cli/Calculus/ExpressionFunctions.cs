using System.Numerics;

namespace ForwardDiff.Cli.Calculus;

/// <summary>A parsed expression as the library's <see cref="IMultivariateFunction"/>, so <see cref="AutoDiff"/>'s verbs run on it.</summary>
/// <param name="f">The bound expression; inputs in <see cref="BoundExpression.Inputs"/> order.</param>
/// <remarks>
/// The library instantiates <see cref="Invoke{T}"/> with chunked duals (and nested chunked duals for Hessians); the
/// expression's postfix program runs unchanged on each, because it only needs <see cref="IFloatingPointIeee754{TSelf}"/>.
/// Each call prepares a fresh evaluator (a few small arrays): a command line evaluates a handful of times, and a fresh
/// evaluator per call keeps the function safe for the library's optional parallel mode.
/// </remarks>
internal readonly struct ExpressionFunction(BoundExpression f) : IMultivariateFunction
{
    /// <inheritdoc />
    public T Invoke<T>(ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T> => f.For<T>().Evaluate(x);
}

/// <summary>Several parsed expressions over the same inputs as the library's <see cref="IVectorFunction"/>.</summary>
/// <param name="fs">The bound expressions, one per output.</param>
internal readonly struct ExpressionVectorFunction(IReadOnlyList<BoundExpression> fs) : IVectorFunction
{
    /// <inheritdoc />
    public int OutputLength(int inputLength) => fs.Count;

    /// <inheritdoc />
    public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
        where T : IFloatingPointIeee754<T>
    {
        for (var i = 0; i < fs.Count; i++)
        {
            y[i] = fs[i].For<T>().Evaluate(x);
        }
    }
}

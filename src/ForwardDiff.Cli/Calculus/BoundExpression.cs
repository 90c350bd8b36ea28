using System.Numerics;
using ForwardDiff.Cli.Expressions;

namespace ForwardDiff.Cli.Calculus;

/// <summary>An expression whose variables are bound to positions in a list of named inputs.</summary>
/// <remarks>
/// The inputs are the names the user gave (<c>--at x=1,y=2</c>), in that order; the expression may use a subset
/// of them (an unused input has derivative 0) but no other name.
/// </remarks>
internal sealed class BoundExpression
{
    /// <summary>Binds <paramref name="expression"/> to <paramref name="inputs"/>.</summary>
    /// <param name="expression">The parsed expression.</param>
    /// <param name="inputs">The input names, in order.</param>
    /// <exception cref="UsageException">The expression uses a name that is not an input.</exception>
    public BoundExpression(Expression expression, IReadOnlyList<string> inputs)
    {
        Expression = expression;
        Inputs = inputs;
        Map = new int[expression.Variables.Count];
        for (var k = 0; k < Map.Length; k++)
        {
            var name = expression.Variables[k];
            Map[k] = IndexOf(inputs, name);
            if (Map[k] < 0)
            {
                var given = inputs.Count == 0 ? "no variables were given" : $"the variables given are {string.Join(", ", inputs)}";
                throw new UsageException($"unknown variable '{name}' in \"{expression.Source}\"; {given} (add {name}=<value> to --at)");
            }
        }
    }

    /// <summary>The expression.</summary>
    public Expression Expression { get; }

    /// <summary>The input names.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>For each expression variable, its index in <see cref="Inputs"/>.</summary>
    public int[] Map { get; }

    /// <summary>Creates an evaluator over <typeparamref name="T"/> that takes values in <see cref="Inputs"/> order.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <returns>The evaluator.</returns>
    public BoundEvaluator<T> For<T>()
        where T : IFloatingPointIeee754<T> => new(this);

    private static int IndexOf(IReadOnlyList<string> list, string name)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Evaluates a <see cref="BoundExpression"/> over one number type, values given in input order.</summary>
/// <typeparam name="T">The number type.</typeparam>
internal sealed class BoundEvaluator<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Evaluator<T> evaluator;
    private readonly int[] map;
    private readonly T[] scratch;

    /// <summary>Prepares the evaluator.</summary>
    /// <param name="bound">The bound expression.</param>
    public BoundEvaluator(BoundExpression bound)
    {
        evaluator = new Evaluator<T>(bound.Expression);
        map = bound.Map;
        scratch = new T[map.Length];
    }

    /// <summary>Evaluates at <paramref name="inputs"/> (one value per input name).</summary>
    /// <param name="inputs">The input values.</param>
    /// <returns>The value.</returns>
    public T Evaluate(ReadOnlySpan<T> inputs)
    {
        for (var k = 0; k < map.Length; k++)
        {
            scratch[k] = inputs[map[k]];
        }

        return evaluator.Evaluate(scratch);
    }
}

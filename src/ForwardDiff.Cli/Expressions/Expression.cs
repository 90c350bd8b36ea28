using System.Numerics;

namespace ForwardDiff.Cli.Expressions;

/// <summary>What one postfix instruction does.</summary>
internal enum OpCode : byte
{
    /// <summary>Push the literal <c>Constants[Operand]</c>.</summary>
    Number,
    /// <summary>Push the named constant <c>Constants[Operand]</c> (pi or e; printed by name).</summary>
    NamedConstant,
    /// <summary>Push variable number <c>Operand</c>.</summary>
    Variable,
    /// <summary>Negate the top of the stack.</summary>
    Negate,
    /// <summary>a + b.</summary>
    Add,
    /// <summary>a − b.</summary>
    Subtract,
    /// <summary>a × b.</summary>
    Multiply,
    /// <summary>a ÷ b.</summary>
    Divide,
    /// <summary>a ^ b.</summary>
    Power,
    /// <summary>Apply function <c>(Function)Operand</c> to the top arity values.</summary>
    Call,
}

/// <summary>One postfix instruction.</summary>
/// <param name="Op">What it does.</param>
/// <param name="Operand">Constant, variable or function index, depending on <paramref name="Op"/>.</param>
/// <param name="Position">Where in the source text it came from (0-based), for error messages.</param>
internal readonly record struct Instruction(OpCode Op, int Operand, int Position);

/// <summary>
/// A parsed expression: the syntax tree stored in postfix order, with its variables in order of first appearance.
/// </summary>
/// <remarks>
/// Design note: the tree is kept as a flat postfix program rather than as linked nodes. Evaluation is then
/// one loop over an array with an explicit value stack — no recursion, so a 10⁴-term sum such as
/// <c>1+1+…+1</c> (a tree 5 000 levels deep) cannot overflow the call stack, and the same program runs on any
/// <see cref="IFloatingPointIeee754{TSelf}"/> number type. The parser bounds its own recursion by
/// <see cref="ExpressionParser.MaxNesting"/>.
/// </remarks>
internal sealed class Expression
{
    internal Expression(string source, Instruction[] program, double[] constants, string[] variables, int maxStack)
    {
        Source = source;
        Program = program;
        Constants = constants;
        Variables = variables;
        MaxStack = maxStack;
    }

    /// <summary>The text the expression was parsed from.</summary>
    public string Source { get; }

    /// <summary>The postfix program.</summary>
    internal Instruction[] Program { get; }

    /// <summary>Literal values referenced by <see cref="OpCode.Number"/> and <see cref="OpCode.NamedConstant"/>.</summary>
    internal double[] Constants { get; }

    /// <summary>The variable names, in order of first appearance.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>The deepest the value stack gets while evaluating.</summary>
    internal int MaxStack { get; }

    /// <summary>Parses <paramref name="text"/>; see <see cref="ExpressionParser.Parse"/>.</summary>
    /// <param name="text">The expression.</param>
    /// <returns>The parsed expression.</returns>
    /// <exception cref="ExpressionParseException">The text is not a valid expression.</exception>
    public static Expression Parse(string text) => ExpressionParser.Parse(text);

    /// <summary>Evaluates with the variables bound in <see cref="Variables"/> order.</summary>
    /// <typeparam name="T">Any IEEE floating-point number type (double, a dual, a hyper-dual…).</typeparam>
    /// <param name="values">One value per variable.</param>
    /// <returns>The value; out-of-domain inputs give the number type's NaN or ∞, never an exception.</returns>
    public T Evaluate<T>(ReadOnlySpan<T> values)
        where T : IFloatingPointIeee754<T> => new Evaluator<T>(this).Evaluate(values);

    /// <summary>Prints the expression with the fewest parentheses that parse back to the same tree.</summary>
    /// <returns>Canonical text.</returns>
    public override string ToString() => ExpressionPrinter.Print(this);
}

/// <summary>Evaluates one <see cref="Expression"/> over one number type, reusing its buffers between calls.</summary>
/// <typeparam name="T">The number type.</typeparam>
internal sealed class Evaluator<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Instruction[] program;
    private readonly T[] constants;
    private readonly T[] stack;

    /// <summary>Prepares <paramref name="expression"/> for evaluation over <typeparamref name="T"/>.</summary>
    /// <param name="expression">The parsed expression.</param>
    public Evaluator(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Expression = expression;
        program = expression.Program;
        constants = new T[expression.Constants.Length];
        for (var i = 0; i < constants.Length; i++)
        {
            constants[i] = T.CreateChecked(expression.Constants[i]);
        }

        stack = new T[Math.Max(1, expression.MaxStack)];
    }

    /// <summary>The expression being evaluated.</summary>
    public Expression Expression { get; }

    /// <summary>Evaluates with the variables bound in <see cref="Expression.Variables"/> order.</summary>
    /// <param name="values">One value per variable.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">Fewer values than variables.</exception>
    public T Evaluate(ReadOnlySpan<T> values)
    {
        if (values.Length < Expression.Variables.Count)
        {
            throw new ArgumentException(
                $"The expression has {Expression.Variables.Count} variables but {values.Length} values were given.", nameof(values));
        }

        var s = stack;
        var top = -1;
        foreach (var ins in program)
        {
            switch (ins.Op)
            {
                case OpCode.Number:
                case OpCode.NamedConstant:
                    s[++top] = constants[ins.Operand];
                    break;
                case OpCode.Variable:
                    s[++top] = values[ins.Operand];
                    break;
                case OpCode.Negate:
                    s[top] = -s[top];
                    break;
                case OpCode.Add:
                    top--;
                    s[top] += s[top + 1];
                    break;
                case OpCode.Subtract:
                    top--;
                    s[top] -= s[top + 1];
                    break;
                case OpCode.Multiply:
                    top--;
                    s[top] *= s[top + 1];
                    break;
                case OpCode.Divide:
                    top--;
                    s[top] /= s[top + 1];
                    break;
                case OpCode.Power:
                    top--;
                    s[top] = T.Pow(s[top], s[top + 1]);
                    break;
                default:
                    top = Call((Function)ins.Operand, s, top);
                    break;
            }
        }

        return s[0];
    }

    private static int Call(Function f, T[] s, int top)
    {
        switch (f)
        {
            case Function.LogBase:
            case Function.Pow:
            case Function.Atan2:
            case Function.Atan2Pi:
            case Function.Hypot:
            case Function.Min:
            case Function.Max:
            case Function.CopySign:
            case Function.Remainder:
                top--;
                s[top] = Apply2(f, s[top], s[top + 1]);
                return top;
            case Function.FusedMultiplyAdd:
                top -= 2;
                s[top] = T.FusedMultiplyAdd(s[top], s[top + 1], s[top + 2]);
                return top;
            case Function.Clamp:
                top -= 2;
                s[top] = Clamp(s[top], s[top + 1], s[top + 2]);
                return top;
            default:
                s[top] = Apply1(f, s[top]);
                return top;
        }
    }

    // Math.Clamp throws when lo > hi; an expression evaluator reports that as NaN instead (documented in help).
    private static T Clamp(T x, T lo, T hi) =>
        lo > hi || T.IsNaN(lo) || T.IsNaN(hi) ? T.NaN : T.Clamp(x, lo, hi);

    private static T Apply2(Function f, T a, T b) => f switch
    {
        Function.LogBase => T.Log(a, b),
        Function.Pow => T.Pow(a, b),
        Function.Atan2 => T.Atan2(a, b),
        Function.Atan2Pi => T.Atan2Pi(a, b),
        Function.Hypot => T.Hypot(a, b),
        Function.Min => T.Min(a, b),
        Function.Max => T.Max(a, b),
        Function.CopySign => T.CopySign(a, b),
        _ => T.Ieee754Remainder(a, b),
    };

    private static T Apply1(Function f, T a) => f switch
    {
        Function.Sin => T.Sin(a),
        Function.Cos => T.Cos(a),
        Function.Tan => T.Tan(a),
        Function.Asin => T.Asin(a),
        Function.Acos => T.Acos(a),
        Function.Atan => T.Atan(a),
        Function.SinPi => T.SinPi(a),
        Function.CosPi => T.CosPi(a),
        Function.TanPi => T.TanPi(a),
        Function.AsinPi => T.AsinPi(a),
        Function.AcosPi => T.AcosPi(a),
        Function.AtanPi => T.AtanPi(a),
        Function.Sinh => T.Sinh(a),
        Function.Cosh => T.Cosh(a),
        Function.Tanh => T.Tanh(a),
        Function.Asinh => T.Asinh(a),
        Function.Acosh => T.Acosh(a),
        Function.Atanh => T.Atanh(a),
        Function.Exp => T.Exp(a),
        Function.Exp2 => T.Exp2(a),
        Function.Exp10 => T.Exp10(a),
        Function.ExpM1 => T.ExpM1(a),
        Function.Exp2M1 => T.Exp2M1(a),
        Function.Exp10M1 => T.Exp10M1(a),
        Function.Log => T.Log(a),
        Function.Log2 => T.Log2(a),
        Function.Log10 => T.Log10(a),
        Function.LogP1 => T.LogP1(a),
        Function.Log2P1 => T.Log2P1(a),
        Function.Log10P1 => T.Log10P1(a),
        Function.Sqrt => T.Sqrt(a),
        Function.Cbrt => T.Cbrt(a),
        Function.Abs => T.Abs(a),
        Function.Floor => T.Floor(a),
        Function.Ceiling => T.Ceiling(a),
        Function.Round => T.Round(a),
        _ => T.Truncate(a),
    };
}

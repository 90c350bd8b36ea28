using System.Globalization;

namespace ForwardDiff.Cli.Expressions;

/// <summary>Prints a parsed expression back to text that parses to the same tree.</summary>
/// <remarks>
/// Works on the postfix program with an explicit stack (no recursion), inserting the fewest parentheses that keep
/// the tree: floating-point + and * are not associative, so <c>a + (b + c)</c> keeps its parentheses. Literals
/// print in round-trip form, so printing and parsing back gives bit-identical constants. Partial results are
/// ropes (concatenation is O(1)), flattened once at the end, so printing is linear in the output length even for
/// a 5 000-level left-leaning sum.
/// </remarks>
internal static class ExpressionPrinter
{
    // Binding strength of the printed form: sum < product < unary minus < power < atom.
    private const int Sum = 1;
    private const int Product = 2;
    private const int Unary = 3;
    private const int Pow = 4;
    private const int Atom = 5;

    private static readonly Dictionary<Function, (string Name, int Arity)> Names =
        FunctionTable.All.GroupBy(f => f.Function).ToDictionary(g => g.Key, g => (g.First().Name, g.First().Arity));

    /// <summary>Prints <paramref name="expression"/>.</summary>
    /// <param name="expression">The expression.</param>
    /// <returns>Canonical text, e.g. <c>3*x^2 - 4*x</c>.</returns>
    public static string Print(Expression expression)
    {
        var stack = new Stack<(Rope Text, int Strength)>();
        foreach (var ins in expression.Program)
        {
            switch (ins.Op)
            {
                case OpCode.Number:
                    stack.Push((new Rope(expression.Constants[ins.Operand].ToString("R", CultureInfo.InvariantCulture)), Atom));
                    break;
                case OpCode.NamedConstant:
                    stack.Push((new Rope(expression.Constants[ins.Operand] == Math.PI ? "pi" : "e"), Atom));
                    break;
                case OpCode.Variable:
                    stack.Push((new Rope(expression.Variables[ins.Operand]), Atom));
                    break;
                case OpCode.Negate:
                    var operand = stack.Pop();
                    stack.Push((new Rope(new Rope("-"), Wrap(operand, operand.Strength < Unary)), Unary));
                    break;
                case OpCode.Add:
                case OpCode.Subtract:
                    Binary(stack, ins.Op == OpCode.Add ? " + " : " - ", Sum, leftAssoc: true);
                    break;
                case OpCode.Multiply:
                case OpCode.Divide:
                    Binary(stack, ins.Op == OpCode.Multiply ? "*" : "/", Product, leftAssoc: true);
                    break;
                case OpCode.Power:
                    Binary(stack, "^", Pow, leftAssoc: false);
                    break;
                default:
                    var (name, arity) = Names[(Function)ins.Operand];
                    var parts = new Rope[(2 * arity) + 1];
                    parts[0] = new Rope(name + "(");
                    for (var i = arity - 1; i >= 0; i--)
                    {
                        parts[(2 * i) + 1] = stack.Pop().Text;
                        parts[(2 * i) + 2] = new Rope(i == arity - 1 ? ")" : ", ");
                    }

                    stack.Push((new Rope(parts), Atom));
                    break;
            }
        }

        return stack.Pop().Text.Flatten();
    }

    private static void Binary(Stack<(Rope Text, int Strength)> stack, string op, int strength, bool leftAssoc)
    {
        var right = stack.Pop();
        var left = stack.Pop();
        Rope text;
        if (leftAssoc)
        {
            // a - (b - c), a / (b * c): a right operand of equal strength needs parentheses.
            text = new Rope(Wrap(left, left.Strength < strength), new Rope(op), Wrap(right, right.Strength <= strength));
        }
        else
        {
            // ^ is right-associative and its exponent is a unary: a^b^c and 2^-x need none; (a^b)^c and (-a)^b do.
            text = new Rope(Wrap(left, left.Strength <= strength), new Rope(op), Wrap(right, right.Strength < Unary));
        }

        stack.Push((text, strength));
    }

    private static Rope Wrap((Rope Text, int Strength) operand, bool parenthesize) =>
        parenthesize ? new Rope(new Rope("("), operand.Text, new Rope(")")) : operand.Text;

    /// <summary>A string built by concatenation without copying: a leaf or a list of parts.</summary>
    private sealed class Rope
    {
        private readonly string? leaf;
        private readonly Rope[]? parts;

        public Rope(string leaf) => this.leaf = leaf;

        public Rope(params Rope[] parts) => this.parts = parts;

        public string Flatten()
        {
            var sb = new System.Text.StringBuilder();
            var pending = new Stack<Rope>();
            pending.Push(this);
            while (pending.Count > 0)
            {
                var r = pending.Pop();
                if (r.leaf is not null)
                {
                    sb.Append(r.leaf);
                    continue;
                }

                for (var i = r.parts!.Length - 1; i >= 0; i--)
                {
                    pending.Push(r.parts[i]);
                }
            }

            return sb.ToString();
        }
    }
}

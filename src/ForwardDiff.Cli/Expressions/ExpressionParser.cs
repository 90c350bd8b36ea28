using System.Globalization;

namespace ForwardDiff.Cli.Expressions;

/// <summary>
/// Hand-written precedence-climbing parser for the fdiff expression language.
/// </summary>
/// <remarks>
/// <para>Grammar, loosest binding first (whitespace is free between tokens):</para>
/// <code>
/// sum      = product (("+" | "-") product)*
/// product  = unary (("*" | "/") unary)*
/// unary    = ("-" | "+") unary | power
/// power    = primary (("^" | "**") unary)?          right-associative: 2^3^2 = 2^(3^2)
/// primary  = number | constant | variable | name "(" sum ("," sum)* ")" | "(" sum ")"
/// number   = digits ["." digits] [("e" | "E") ["+" | "-"] digits]     (also ".5", "1.")
/// </code>
/// <para>So <c>-x^2</c> is <c>-(x^2)</c>, <c>2^-x</c> is <c>2^(-x)</c> and <c>-2*x</c> is <c>(-2)*x</c>, as in
/// mathematics and Python. There is no implicit multiplication: <c>2x</c> is an error that points at <c>x</c>.
/// The Unicode signs − × · ÷ and π are accepted for − * * / and pi.</para>
/// <para>Design note — why not Pidgin: Pidgin 3.5.1 builds this grammar in a few lines, but a hand-written parser
/// is clearly better on the three things this tool is judged on. Error messages: every failure knows its exact
/// column, the construct it was inside (an unclosed '(' points back at its column, a function call knows it
/// wants ',' or ')'), and unknown names are checked against the function table as they are read. Depth: the
/// nesting counter is one integer checked on entry, so deep input fails with a parse error at a known column
/// instead of a StackOverflowException (which .NET cannot catch). Speed and allocation: one pass, no
/// combinator closures or backtracking, postfix code emitted directly.</para>
/// </remarks>
internal sealed class ExpressionParser
{
    /// <summary>
    /// The deepest nesting accepted: parentheses, function calls, unary signs and exponents each add a level.
    /// </summary>
    public const int MaxNesting = 256;

    private const string ExpectedOperand = "a number, a variable, a function call or '('";

    private readonly string text;
    private readonly List<Instruction> program = [];
    private readonly List<double> constants = [];
    private readonly List<string> variables = [];
    private int pos;
    private int depth;
    private int stack;
    private int maxStack;

    private ExpressionParser(string text) => this.text = text;

    /// <summary>Parses an expression.</summary>
    /// <param name="text">The expression, e.g. <c>x^2*sin(x)</c>.</param>
    /// <returns>The parsed expression.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ExpressionParseException">The text is not valid; the exception says where and why.</exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpressionParser(text);
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            throw new ExpressionParseException(text, parser.pos, 1, "the expression is empty", ExpectedOperand, null);
        }

        parser.ParseSum();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            var c = parser.text[parser.pos];
            throw c == ')'
                ? parser.Error("unmatched ')'", "an operator (+ - * / ^) or the end of the expression")
                : parser.Error($"unexpected {Describe(c)}", "an operator (+ - * / ^) or the end of the expression");
        }

        return new Expression(text, [.. parser.program], [.. parser.constants], [.. parser.variables], parser.maxStack);
    }

    private bool AtEnd => pos >= text.Length;

    private char Peek => pos < text.Length ? text[pos] : '\0';

    private static string Describe(char c) => c switch
    {
        '\'' => "quote character",
        _ when char.IsControl(c) => $"control character U+{(int)c:X4}",
        _ when char.IsSurrogate(c) => "character outside the Basic Multilingual Plane",
        _ => $"'{c}'",
    };

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private ExpressionParseException Error(string reason, string? expected, int? at = null, int length = 1, string? hint = null) =>
        new(text, at ?? pos, length, reason, expected, hint);

    private void SkipSpace()
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    private void Enter()
    {
        if (++depth > MaxNesting)
        {
            throw Error($"the expression nests deeper than {MaxNesting} levels (parentheses, calls, signs and powers count)", null);
        }
    }

    private void Emit(OpCode op, int operand, int position, int stackEffect)
    {
        program.Add(new Instruction(op, operand, position));
        stack += stackEffect;
        maxStack = Math.Max(maxStack, stack);
    }

    private void ParseSum()
    {
        ParseProduct();
        while (true)
        {
            SkipSpace();
            var c = Peek;
            if (c is not ('+' or '-' or '−'))
            {
                return;
            }

            var at = pos++;
            ParseProduct();
            Emit(c == '+' ? OpCode.Add : OpCode.Subtract, 0, at, -1);
        }
    }

    private void ParseProduct()
    {
        ParseUnary();
        while (true)
        {
            SkipSpace();
            var c = Peek;
            var isMultiply = c is '*' or '×' or '·';
            if (!isMultiply && c is not ('/' or '÷'))
            {
                return;
            }

            var at = pos++;
            ParseUnary();
            Emit(isMultiply ? OpCode.Multiply : OpCode.Divide, 0, at, -1);
        }
    }

    private void ParseUnary()
    {
        SkipSpace();
        var c = Peek;
        if (c is '-' or '−' or '+')
        {
            var at = pos;
            Enter();
            pos++;
            ParseUnary();
            if (c != '+')
            {
                Emit(OpCode.Negate, 0, at, 0);
            }

            depth--;
            return;
        }

        ParsePower();
    }

    private void ParsePower()
    {
        ParsePrimary();
        SkipSpace();
        var isCaret = Peek == '^';
        var isStars = !isCaret && Peek == '*' && pos + 1 < text.Length && text[pos + 1] == '*';
        if (!isCaret && !isStars)
        {
            return;
        }

        var at = pos;
        Enter();
        pos += isCaret ? 1 : 2;
        ParseUnary();
        Emit(OpCode.Power, 0, at, -1);
        depth--;
    }

    private void ParsePrimary()
    {
        SkipSpace();
        if (AtEnd)
        {
            throw Error("unexpected end of the expression", ExpectedOperand);
        }

        var c = text[pos];
        if (char.IsAsciiDigit(c) || (c == '.' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1])))
        {
            ParseNumber();
        }
        else if (c == 'π')
        {
            EmitConstant("pi", pos++);
        }
        else if (IsIdentifierStart(c))
        {
            ParseName();
        }
        else if (c == '(')
        {
            var open = pos;
            Enter();
            pos++;
            ParseSum();
            SkipSpace();
            if (Peek != ')')
            {
                throw Error(
                    AtEnd ? "unexpected end of the expression" : $"unexpected {Describe(Peek)}",
                    $"an operator or ')' to close the '(' at column {open + 1}");
            }

            pos++;
            depth--;
        }
        else
        {
            throw c == ')'
                ? Error("unexpected ')'", ExpectedOperand)
                : Error($"unexpected {Describe(c)}", ExpectedOperand);
        }
    }

    private void ParseNumber()
    {
        var start = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        if (Peek == '.')
        {
            pos++;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }
        }

        if (Peek is 'e' or 'E')
        {
            var save = pos;
            pos++;
            if (Peek is '+' or '-')
            {
                pos++;
            }

            if (char.IsAsciiDigit(Peek))
            {
                while (pos < text.Length && char.IsAsciiDigit(text[pos]))
                {
                    pos++;
                }
            }
            else
            {
                // Not an exponent ("2e" or "2e+"): the number ends before the 'e'; what follows is then an error
                // ("expected an operator") pointing at the 'e', since there is no implicit multiplication.
                pos = save;
            }
        }

        var literal = text.AsSpan(start, pos - start);
        var value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw Error($"the number '{Shorten(literal)}' is too large for a double (at most about 1.8e308)", null, start, pos - start);
        }

        constants.Add(value);
        Emit(OpCode.Number, constants.Count - 1, start, +1);
    }

    private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 24 ? s.ToString() : string.Concat(s[..20], "…");

    private void EmitConstant(string name, int at)
    {
        constants.Add(FunctionTable.Constants[name]);
        Emit(OpCode.NamedConstant, constants.Count - 1, at, +1);
    }

    private void ParseName()
    {
        var start = pos;
        while (pos < text.Length && IsIdentifierPart(text[pos]))
        {
            pos++;
        }

        var name = text[start..pos];
        var afterName = pos;
        SkipSpace();
        var isCall = Peek == '(';
        var isFunction = FunctionTable.TryGet(name, out var overloads);
        var isConstant = FunctionTable.Constants.ContainsKey(name);

        if (!isCall)
        {
            pos = afterName;
            if (isConstant)
            {
                EmitConstant(name, start);
            }
            else if (isFunction)
            {
                throw Error($"'{name}' is a function", $"'(' after it, as in {name}({string.Join(", ", Enumerable.Repeat("…", overloads[0].Arity))})", afterName);
            }
            else
            {
                var index = variables.IndexOf(name);
                if (index < 0)
                {
                    variables.Add(name);
                    index = variables.Count - 1;
                }

                Emit(OpCode.Variable, index, start, +1);
            }

            return;
        }

        if (!isFunction)
        {
            if (isConstant)
            {
                throw Error($"'{name}' is a constant, not a function", "an operator after it (there is no implicit multiplication)", afterName);
            }

            var nearest = FunctionTable.Nearest(name);
            throw Error(
                $"unknown function '{Shorten(name)}'",
                null,
                start,
                name.Length,
                nearest is null ? "run 'fdiff functions' for the list" : $"did you mean '{nearest}'?");
        }

        Enter();
        pos++; // '('
        var arity = 0;
        SkipSpace();
        if (Peek != ')')
        {
            while (true)
            {
                ParseSum();
                arity++;
                SkipSpace();
                if (Peek == ',')
                {
                    pos++;
                    continue;
                }

                if (Peek == ')')
                {
                    break;
                }

                throw Error(AtEnd ? "unexpected end of the expression" : $"unexpected {Describe(Peek)}", $"an operator, ',' or ')' to close {name}(");
            }
        }

        pos++; // ')'
        depth--;
        var match = Array.Find(overloads, f => f.Arity == arity);
        if (match is null)
        {
            var arities = string.Join(" or ", overloads.Select(f => f.Arity.ToString(CultureInfo.InvariantCulture)));
            var plural = overloads.Length == 1 && overloads[0].Arity == 1 ? "argument" : "arguments";
            throw Error($"{name} takes {arities} {plural} but was given {arity}", null, start, name.Length);
        }

        Emit(OpCode.Call, (int)match.Function, start, 1 - arity);
    }
}

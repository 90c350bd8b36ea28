using System.Diagnostics.CodeAnalysis;
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
/// combinator closures or backtracking, postfix code emitted directly, and failures returned rather than thrown
/// internally (an exception unwinding 1 000 parser frames costs ~10 ms; a returned failure costs nothing).</para>
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
    private ExpressionParseException? error;

    private ExpressionParser(string text) => this.text = text;

    /// <summary>Parses an expression.</summary>
    /// <param name="text">The expression, e.g. <c>x^2*sin(x)</c>.</param>
    /// <returns>The parsed expression.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ExpressionParseException">The text is not valid; the exception says where and why.</exception>
    public static Expression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression : throw error;

    /// <summary>Parses an expression without throwing on invalid text.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="expression">The parsed expression, when the text is valid.</param>
    /// <param name="error">What is wrong, when it is not (the exception <see cref="Parse"/> would throw).</param>
    /// <returns><see langword="true"/> if the text is a valid expression.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <remarks>
    /// Failures propagate as return values rather than exceptions inside the parser, so rejecting input costs
    /// about as much as accepting it, however deep the parser was when it failed.
    /// </remarks>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out Expression? expression,
        [NotNullWhen(false)] out ExpressionParseException? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpressionParser(text);
        expression = null;
        if (!parser.ParseAll())
        {
            error = parser.error!;
            return false;
        }

        error = null;
        expression = new Expression(text, [.. parser.program], [.. parser.constants], [.. parser.variables], parser.maxStack);
        return true;
    }

    private bool ParseAll()
    {
        SkipSpace();
        if (AtEnd)
        {
            return Fail("the expression is empty", ExpectedOperand);
        }

        if (!ParseSum())
        {
            return false;
        }

        SkipSpace();
        if (!AtEnd)
        {
            var c = text[pos];
            return c == ')'
                ? Fail("unmatched ')'", "an operator (+ - * / ^) or the end of the expression")
                : Fail($"unexpected {Describe(c)}", "an operator (+ - * / ^) or the end of the expression");
        }

        return true;
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

    private bool Fail(string reason, string? expected, int? at = null, int length = 1, string? hint = null)
    {
        error = new ExpressionParseException(text, at ?? pos, length, reason, expected, hint);
        return false;
    }

    private void SkipSpace()
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    private bool Enter() =>
        ++depth <= MaxNesting
        || Fail($"the expression nests deeper than {MaxNesting} levels (parentheses, calls, signs and powers count)", null);

    private void Emit(OpCode op, int operand, int position, int stackEffect)
    {
        program.Add(new Instruction(op, operand, position));
        stack += stackEffect;
        maxStack = Math.Max(maxStack, stack);
    }

    private bool ParseSum()
    {
        if (!ParseProduct())
        {
            return false;
        }

        while (true)
        {
            SkipSpace();
            var c = Peek;
            if (c is not ('+' or '-' or '−'))
            {
                return true;
            }

            var at = pos++;
            if (!ParseProduct())
            {
                return false;
            }

            Emit(c == '+' ? OpCode.Add : OpCode.Subtract, 0, at, -1);
        }
    }

    private bool ParseProduct()
    {
        if (!ParseUnary())
        {
            return false;
        }

        while (true)
        {
            SkipSpace();
            var c = Peek;
            var isMultiply = c is '*' or '×' or '·';
            if (!isMultiply && c is not ('/' or '÷'))
            {
                return true;
            }

            var at = pos++;
            if (!ParseUnary())
            {
                return false;
            }

            Emit(isMultiply ? OpCode.Multiply : OpCode.Divide, 0, at, -1);
        }
    }

    private bool ParseUnary()
    {
        SkipSpace();
        var c = Peek;
        if (c is '-' or '−' or '+')
        {
            var at = pos;
            if (!Enter())
            {
                return false;
            }

            pos++;
            if (!ParseUnary())
            {
                return false;
            }

            if (c != '+')
            {
                Emit(OpCode.Negate, 0, at, 0);
            }

            depth--;
            return true;
        }

        return ParsePower();
    }

    private bool ParsePower()
    {
        if (!ParsePrimary())
        {
            return false;
        }

        SkipSpace();
        var isCaret = Peek == '^';
        var isStars = !isCaret && Peek == '*' && pos + 1 < text.Length && text[pos + 1] == '*';
        if (!isCaret && !isStars)
        {
            return true;
        }

        var at = pos;
        if (!Enter())
        {
            return false;
        }

        pos += isCaret ? 1 : 2;
        if (!ParseUnary())
        {
            return false;
        }

        Emit(OpCode.Power, 0, at, -1);
        depth--;
        return true;
    }

    private bool ParsePrimary()
    {
        SkipSpace();
        if (AtEnd)
        {
            return Fail("unexpected end of the expression", ExpectedOperand);
        }

        var c = text[pos];
        if (char.IsAsciiDigit(c) || (c == '.' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1])))
        {
            return ParseNumber();
        }

        if (c == 'π')
        {
            EmitConstant("pi", pos++);
            return true;
        }

        if (IsIdentifierStart(c))
        {
            return ParseName();
        }

        if (c != '(')
        {
            return c == ')'
                ? Fail("unexpected ')'", ExpectedOperand)
                : Fail($"unexpected {Describe(c)}", ExpectedOperand);
        }

        var open = pos;
        if (!Enter())
        {
            return false;
        }

        pos++;
        if (!ParseSum())
        {
            return false;
        }

        SkipSpace();
        if (Peek != ')')
        {
            return Fail(
                AtEnd ? "unexpected end of the expression" : $"unexpected {Describe(Peek)}",
                $"an operator or ')' to close the '(' at column {open + 1}");
        }

        pos++;
        depth--;
        return true;
    }

    private bool ParseNumber()
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
            return Fail($"the number '{Shorten(literal)}' is too large for a double (at most about 1.8e308)", null, start, pos - start);
        }

        constants.Add(value);
        Emit(OpCode.Number, constants.Count - 1, start, +1);
        return true;
    }

    private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 24 ? s.ToString() : string.Concat(s[..20], "…");

    private void EmitConstant(string name, int at)
    {
        constants.Add(FunctionTable.Constants[name]);
        Emit(OpCode.NamedConstant, constants.Count - 1, at, +1);
    }

    private bool ParseName()
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
                return Fail($"'{name}' is a function", $"'(' after it, as in {name}({string.Join(", ", Enumerable.Repeat("…", overloads[0].Arity))})", afterName);
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

            return true;
        }

        if (!isFunction)
        {
            if (isConstant)
            {
                return Fail($"'{name}' is a constant, not a function", "an operator after it (there is no implicit multiplication)", afterName);
            }

            var nearest = FunctionTable.Nearest(name);
            return Fail(
                $"unknown function '{Shorten(name)}'",
                null,
                start,
                name.Length,
                nearest is null ? "run 'fdiff functions' for the list" : $"did you mean '{nearest}'?");
        }

        if (!Enter())
        {
            return false;
        }

        pos++; // '('
        var arity = 0;
        SkipSpace();
        if (Peek != ')')
        {
            while (true)
            {
                if (!ParseSum())
                {
                    return false;
                }

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

                return Fail(AtEnd ? "unexpected end of the expression" : $"unexpected {Describe(Peek)}", $"an operator, ',' or ')' to close {name}(");
            }
        }

        pos++; // ')'
        depth--;
        var match = Array.Find(overloads, f => f.Arity == arity);
        if (match is null)
        {
            var arities = string.Join(" or ", overloads.Select(f => f.Arity.ToString(CultureInfo.InvariantCulture)));
            var plural = overloads.Length == 1 && overloads[0].Arity == 1 ? "argument" : "arguments";
            return Fail($"{name} takes {arities} {plural} but was given {arity}", null, start, name.Length);
        }

        Emit(OpCode.Call, (int)match.Function, start, 1 - arity);
        return true;
    }
}

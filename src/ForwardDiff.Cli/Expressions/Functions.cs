namespace ForwardDiff.Cli.Expressions;

/// <summary>The built-in functions of the expression language.</summary>
/// <remarks>
/// Every function maps to one static member of the .NET generic-math interfaces that
/// <see cref="System.Numerics.IFloatingPointIeee754{TSelf}"/> brings together, so an expression runs unchanged on
/// <c>double</c>, <c>Dual&lt;T&gt;</c>, nested duals, chunked duals and hyper-duals: the number type supplies
/// the derivative rule, the expression only names the function.
/// </remarks>
internal enum Function : byte
{
    /// <summary>sin(x).</summary>
    Sin,
    /// <summary>cos(x).</summary>
    Cos,
    /// <summary>tan(x).</summary>
    Tan,
    /// <summary>asin(x).</summary>
    Asin,
    /// <summary>acos(x).</summary>
    Acos,
    /// <summary>atan(x).</summary>
    Atan,
    /// <summary>sinpi(x) = sin(πx).</summary>
    SinPi,
    /// <summary>cospi(x) = cos(πx).</summary>
    CosPi,
    /// <summary>tanpi(x) = tan(πx).</summary>
    TanPi,
    /// <summary>asinpi(x) = asin(x)/π.</summary>
    AsinPi,
    /// <summary>acospi(x) = acos(x)/π.</summary>
    AcosPi,
    /// <summary>atanpi(x) = atan(x)/π.</summary>
    AtanPi,
    /// <summary>sinh(x).</summary>
    Sinh,
    /// <summary>cosh(x).</summary>
    Cosh,
    /// <summary>tanh(x).</summary>
    Tanh,
    /// <summary>asinh(x).</summary>
    Asinh,
    /// <summary>acosh(x).</summary>
    Acosh,
    /// <summary>atanh(x).</summary>
    Atanh,
    /// <summary>exp(x).</summary>
    Exp,
    /// <summary>exp2(x) = 2^x.</summary>
    Exp2,
    /// <summary>exp10(x) = 10^x.</summary>
    Exp10,
    /// <summary>expm1(x) = e^x − 1.</summary>
    ExpM1,
    /// <summary>exp2m1(x) = 2^x − 1.</summary>
    Exp2M1,
    /// <summary>exp10m1(x) = 10^x − 1.</summary>
    Exp10M1,
    /// <summary>log(x), the natural logarithm (also spelled ln).</summary>
    Log,
    /// <summary>log2(x).</summary>
    Log2,
    /// <summary>log10(x).</summary>
    Log10,
    /// <summary>log1p(x) = ln(1 + x).</summary>
    LogP1,
    /// <summary>log2p1(x) = log2(1 + x).</summary>
    Log2P1,
    /// <summary>log10p1(x) = log10(1 + x).</summary>
    Log10P1,
    /// <summary>sqrt(x).</summary>
    Sqrt,
    /// <summary>cbrt(x).</summary>
    Cbrt,
    /// <summary>abs(x).</summary>
    Abs,
    /// <summary>floor(x).</summary>
    Floor,
    /// <summary>ceil(x).</summary>
    Ceiling,
    /// <summary>round(x), ties to even.</summary>
    Round,
    /// <summary>trunc(x).</summary>
    Truncate,
    /// <summary>log(x, b), the logarithm of x in base b.</summary>
    LogBase,
    /// <summary>pow(x, y) = x^y.</summary>
    Pow,
    /// <summary>atan2(y, x).</summary>
    Atan2,
    /// <summary>atan2pi(y, x) = atan2(y, x)/π.</summary>
    Atan2Pi,
    /// <summary>hypot(x, y) = sqrt(x² + y²) without overflow.</summary>
    Hypot,
    /// <summary>min(x, y).</summary>
    Min,
    /// <summary>max(x, y).</summary>
    Max,
    /// <summary>copysign(x, y): the magnitude of x with the sign of y.</summary>
    CopySign,
    /// <summary>rem(x, y), the IEEE 754 remainder.</summary>
    Remainder,
    /// <summary>fma(x, y, z) = x·y + z rounded once.</summary>
    FusedMultiplyAdd,
    /// <summary>clamp(x, lo, hi); NaN when lo &gt; hi.</summary>
    Clamp,
}

/// <summary>One row of the function table: the name a user types, its arity and its meaning.</summary>
/// <param name="Name">The name as typed.</param>
/// <param name="Arity">The number of arguments.</param>
/// <param name="Function">What it computes.</param>
/// <param name="Description">A short description for help text.</param>
internal sealed record FunctionInfo(string Name, int Arity, Function Function, string Description);

/// <summary>The function table: lookup by name and arity, and nearest-name suggestions for typos.</summary>
internal static class FunctionTable
{
    /// <summary>Every function, in the order the help text lists them.</summary>
    public static IReadOnlyList<FunctionInfo> All { get; } =
    [
        new("sin", 1, Function.Sin, "sine"),
        new("cos", 1, Function.Cos, "cosine"),
        new("tan", 1, Function.Tan, "tangent"),
        new("asin", 1, Function.Asin, "inverse sine"),
        new("acos", 1, Function.Acos, "inverse cosine"),
        new("atan", 1, Function.Atan, "inverse tangent"),
        new("sinpi", 1, Function.SinPi, "sin(pi*x)"),
        new("cospi", 1, Function.CosPi, "cos(pi*x)"),
        new("tanpi", 1, Function.TanPi, "tan(pi*x)"),
        new("asinpi", 1, Function.AsinPi, "asin(x)/pi"),
        new("acospi", 1, Function.AcosPi, "acos(x)/pi"),
        new("atanpi", 1, Function.AtanPi, "atan(x)/pi"),
        new("sinh", 1, Function.Sinh, "hyperbolic sine"),
        new("cosh", 1, Function.Cosh, "hyperbolic cosine"),
        new("tanh", 1, Function.Tanh, "hyperbolic tangent"),
        new("asinh", 1, Function.Asinh, "inverse hyperbolic sine"),
        new("acosh", 1, Function.Acosh, "inverse hyperbolic cosine"),
        new("atanh", 1, Function.Atanh, "inverse hyperbolic tangent"),
        new("exp", 1, Function.Exp, "e^x"),
        new("exp2", 1, Function.Exp2, "2^x"),
        new("exp10", 1, Function.Exp10, "10^x"),
        new("expm1", 1, Function.ExpM1, "e^x - 1, accurate near 0"),
        new("exp2m1", 1, Function.Exp2M1, "2^x - 1"),
        new("exp10m1", 1, Function.Exp10M1, "10^x - 1"),
        new("log", 1, Function.Log, "natural logarithm"),
        new("ln", 1, Function.Log, "natural logarithm"),
        new("log2", 1, Function.Log2, "base-2 logarithm"),
        new("log10", 1, Function.Log10, "base-10 logarithm"),
        new("log1p", 1, Function.LogP1, "ln(1 + x), accurate near 0"),
        new("log2p1", 1, Function.Log2P1, "log2(1 + x)"),
        new("log10p1", 1, Function.Log10P1, "log10(1 + x)"),
        new("sqrt", 1, Function.Sqrt, "square root"),
        new("cbrt", 1, Function.Cbrt, "cube root"),
        new("abs", 1, Function.Abs, "absolute value"),
        new("floor", 1, Function.Floor, "round down (derivative 0)"),
        new("ceil", 1, Function.Ceiling, "round up (derivative 0)"),
        new("round", 1, Function.Round, "round to nearest, ties to even (derivative 0)"),
        new("trunc", 1, Function.Truncate, "round toward zero (derivative 0)"),
        new("log", 2, Function.LogBase, "log(x, b): logarithm of x in base b"),
        new("pow", 2, Function.Pow, "pow(x, y) = x^y"),
        new("atan2", 2, Function.Atan2, "atan2(y, x)"),
        new("atan2pi", 2, Function.Atan2Pi, "atan2(y, x)/pi"),
        new("hypot", 2, Function.Hypot, "sqrt(x^2 + y^2) without overflow"),
        new("min", 2, Function.Min, "smaller argument"),
        new("max", 2, Function.Max, "larger argument"),
        new("copysign", 2, Function.CopySign, "magnitude of x, sign of y"),
        new("rem", 2, Function.Remainder, "IEEE 754 remainder"),
        new("fma", 3, Function.FusedMultiplyAdd, "x*y + z rounded once"),
        new("clamp", 3, Function.Clamp, "clamp(x, lo, hi); NaN when lo > hi"),
    ];

    /// <summary>The named constants: <c>pi</c> and <c>e</c>.</summary>
    public static IReadOnlyDictionary<string, double> Constants { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["pi"] = Math.PI,
        ["e"] = Math.E,
    };

    private static readonly Dictionary<string, FunctionInfo[]> ByName =
        All.GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>Finds the overloads of a function name.</summary>
    /// <param name="name">The name as typed.</param>
    /// <param name="overloads">The rows with that name (one per arity).</param>
    /// <returns><see langword="true"/> if the name is a function.</returns>
    public static bool TryGet(string name, out FunctionInfo[] overloads)
    {
        if (ByName.TryGetValue(name, out var found))
        {
            overloads = found;
            return true;
        }

        overloads = [];
        return false;
    }

    /// <summary>The known function name closest to <paramref name="name"/> (edit distance, ties by table order).</summary>
    /// <param name="name">An unknown name.</param>
    /// <returns>The nearest name, or <see langword="null"/> when nothing is within a plausible distance.</returns>
    public static string? Nearest(string name)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var lower = name.ToLowerInvariant();
        foreach (var candidate in ByName.Keys.Order(StringComparer.Ordinal))
        {
            var distance = candidate == lower ? 0 : EditDistance(lower, candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        // A suggestion that rewrites more than half the word is noise, not help.
        return best is not null && bestDistance <= Math.Max(1, (name.Length + 1) / 2) ? best : null;
    }

    /// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    /// <param name="a">First word.</param>
    /// <param name="b">Second word.</param>
    /// <returns>The number of edits.</returns>
    internal static int EditDistance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return Math.Max(a.Length, b.Length);
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

using System.Numerics;

namespace ForwardDiff.Rules;

/// <summary>A one-argument row of the rule table, described for tests and documentation.</summary>
/// <param name="Name">The .NET method name the row differentiates (e.g. <c>"Sqrt"</c> for <c>T.Sqrt</c>).</param>
/// <param name="Rule">The row type (a nested struct of <see cref="UnaryRules"/>).</param>
/// <param name="Lower">Lower end of an interval inside the domain where f is smooth (for sampling).</param>
/// <param name="Upper">Upper end of that interval.</param>
/// <param name="Domain">The mathematical domain and the points where the convention decides.</param>
public sealed record UnaryRuleInfo(string Name, Type Rule, double Lower, double Upper, string Domain)
{
    private Func<double, (double Value, double First, double Second)> Evaluator { get; init; } = static _ => default;

    private Func<Dual<double>, Dual<double>> DualEvaluator { get; init; } = static x => x;

    /// <summary>Evaluates the row on <see cref="double"/>: f(x), f′(x), f″(x).</summary>
    /// <param name="x">The point.</param>
    /// <returns>Value, first and second derivative.</returns>
    public (double Value, double First, double Second) Evaluate(double x) => Evaluator(x);

    /// <summary>Applies the row to a dual number, as <see cref="Dual{T}.Apply{TRule}(Dual{T})"/> does.</summary>
    /// <param name="x">The dual argument.</param>
    /// <returns>f(x) as a dual.</returns>
    public Dual<double> Apply(Dual<double> x) => DualEvaluator(x);

    internal static UnaryRuleInfo Create<TRule>(string name, double lower, double upper, string domain)
        where TRule : IUnaryRule
        => new(name, typeof(TRule), lower, upper, domain)
        {
            Evaluator = static x =>
            {
                double value = TRule.Evaluate(x, out double first);
                return (value, first, TRule.Second(x, value, first));
            },
            DualEvaluator = static x => Dual<double>.Apply<TRule>(x),
        };
}

/// <summary>A two-argument row of the rule table, described for tests and documentation.</summary>
/// <param name="Name">The .NET method name (e.g. <c>"Atan2"</c>; <c>"Log"</c> for <c>Log(x, newBase)</c>; <c>"op_Modulus"</c> for <c>%</c>).</param>
/// <param name="Rule">The row type (a nested struct of <see cref="BinaryRules"/>).</param>
/// <param name="LowerX">Lower end of a smooth sampling interval for the first argument.</param>
/// <param name="UpperX">Upper end of that interval.</param>
/// <param name="LowerY">Lower end of a smooth sampling interval for the second argument.</param>
/// <param name="UpperY">Upper end of that interval.</param>
/// <param name="Domain">The domain and the points where the convention decides.</param>
public sealed record BinaryRuleInfo(string Name, Type Rule, double LowerX, double UpperX, double LowerY, double UpperY, string Domain)
{
    private Func<double, double, (double Value, double Dx, double Dy)> Evaluator { get; init; } = static (_, _) => default;

    private SecondEvaluator Seconds { get; init; } = static (_, _) => default;

    private delegate (double Dxx, double Dxy, double Dyy) SecondEvaluator(double x, double y);

    /// <summary>Evaluates the row on <see cref="double"/>: f(x, y), ∂f/∂x, ∂f/∂y.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>Value and gradient.</returns>
    public (double Value, double Dx, double Dy) Evaluate(double x, double y) => Evaluator(x, y);

    /// <summary>The second partials of the row on <see cref="double"/>.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y².</returns>
    public (double Dxx, double Dxy, double Dyy) EvaluateSecond(double x, double y) => Seconds(x, y);

    internal static BinaryRuleInfo Create<TRule>(string name, double lowerX, double upperX, double lowerY, double upperY, string domain)
        where TRule : IBinaryRule
        => new(name, typeof(TRule), lowerX, upperX, lowerY, upperY, domain)
        {
            Evaluator = static (x, y) =>
            {
                double value = TRule.Evaluate(x, y, out double dx, out double dy);
                return (value, dx, dy);
            },
            Seconds = static (x, y) =>
            {
                double value = TRule.Evaluate(x, y, out double dx, out double dy);
                TRule.Second(x, y, value, dx, dy, out double dxx, out double dxy, out double dyy);
                return (dxx, dxy, dyy);
            },
        };
}

/// <summary>A row with a constant parameter, described for tests and documentation.</summary>
/// <param name="Name">A descriptive name (<c>"RootN"</c>, <c>"PowConstantExponent"</c>, <c>"PowConstantBase"</c>, <c>"ScaleB"</c>).</param>
/// <param name="Rule">The row type (a nested struct of <see cref="ParameterizedRules"/>).</param>
/// <param name="Lower">Lower end of a smooth sampling interval for the argument.</param>
/// <param name="Upper">Upper end of that interval.</param>
/// <param name="Parameters">Parameter values to test with (integers for RootN and ScaleB).</param>
/// <param name="Domain">The domain and the points where the convention decides.</param>
public sealed record ParameterizedRuleInfo(string Name, Type Rule, double Lower, double Upper, IReadOnlyList<double> Parameters, string Domain)
{
    private Func<double, double, (double Value, double First, double Second)> Evaluator { get; init; } = static (_, _) => default;

    /// <summary>Evaluates the row on <see cref="double"/>: f(x; p), ∂f/∂x, ∂²f/∂x².</summary>
    /// <param name="x">The argument.</param>
    /// <param name="p">The parameter.</param>
    /// <returns>Value, first and second derivative.</returns>
    public (double Value, double First, double Second) Evaluate(double x, double p) => Evaluator(x, p);

    internal static ParameterizedRuleInfo Create<TRule>(string name, double lower, double upper, double[] parameters, string domain)
        where TRule : IParameterizedRule
        => new(name, typeof(TRule), lower, upper, parameters, domain)
        {
            Evaluator = static (x, p) =>
            {
                double value = TRule.Evaluate(x, p, out double first);
                return (value, first, TRule.Second(x, p, value, first));
            },
        };
}

/// <summary>
/// Every row of the rule table, with a sampling interval and a domain note, so tests can walk the whole table
/// (as ForwardDiff.jl's tests walk DiffRules) and documentation can list it.
/// </summary>
public static class RuleTable
{
    /// <summary>The one-argument rows.</summary>
    public static IReadOnlyList<UnaryRuleInfo> Unary { get; } =
    [
        UnaryRuleInfo.Create<UnaryRules.Sqrt>("Sqrt", 1e-3, 100, "x ≥ 0; f′(0) = +∞"),
        UnaryRuleInfo.Create<UnaryRules.Cbrt>("Cbrt", -100, 100, "all x; f′(0) = +∞"),
        UnaryRuleInfo.Create<UnaryRules.Exp>("Exp", -20, 20, "all x"),
        UnaryRuleInfo.Create<UnaryRules.Exp2>("Exp2", -20, 20, "all x"),
        UnaryRuleInfo.Create<UnaryRules.Exp10>("Exp10", -10, 10, "all x"),
        UnaryRuleInfo.Create<UnaryRules.ExpM1>("ExpM1", -20, 20, "all x"),
        UnaryRuleInfo.Create<UnaryRules.Exp2M1>("Exp2M1", -20, 20, "all x"),
        UnaryRuleInfo.Create<UnaryRules.Exp10M1>("Exp10M1", -10, 10, "all x"),
        UnaryRuleInfo.Create<UnaryRules.Log>("Log", 1e-3, 100, "x > 0; f′(0) = +∞"),
        UnaryRuleInfo.Create<UnaryRules.Log2>("Log2", 1e-3, 100, "x > 0; f′(0) = +∞"),
        UnaryRuleInfo.Create<UnaryRules.Log10>("Log10", 1e-3, 100, "x > 0; f′(0) = +∞"),
        UnaryRuleInfo.Create<UnaryRules.LogP1>("LogP1", -0.999, 100, "x > −1"),
        UnaryRuleInfo.Create<UnaryRules.Log2P1>("Log2P1", -0.999, 100, "x > −1"),
        UnaryRuleInfo.Create<UnaryRules.Log10P1>("Log10P1", -0.999, 100, "x > −1"),
        UnaryRuleInfo.Create<UnaryRules.Sin>("Sin", -10, 10, "all x"),
        UnaryRuleInfo.Create<UnaryRules.Cos>("Cos", -10, 10, "all x"),
        UnaryRuleInfo.Create<UnaryRules.Tan>("Tan", -1.5, 1.5, "x ≠ π/2 + kπ"),
        UnaryRuleInfo.Create<UnaryRules.SinPi>("SinPi", -4, 4, "all x; f′ exact at integers"),
        UnaryRuleInfo.Create<UnaryRules.CosPi>("CosPi", -4, 4, "all x; f′ exact at half-integers"),
        UnaryRuleInfo.Create<UnaryRules.TanPi>("TanPi", -0.49, 0.49, "x ≠ ½ + k"),
        UnaryRuleInfo.Create<UnaryRules.Asin>("Asin", -0.999, 0.999, "|x| ≤ 1; f′(±1) = +∞"),
        UnaryRuleInfo.Create<UnaryRules.Acos>("Acos", -0.999, 0.999, "|x| ≤ 1; f′(±1) = −∞"),
        UnaryRuleInfo.Create<UnaryRules.Atan>("Atan", -100, 100, "all x"),
        UnaryRuleInfo.Create<UnaryRules.AsinPi>("AsinPi", -0.999, 0.999, "|x| ≤ 1; f′(±1) = +∞"),
        UnaryRuleInfo.Create<UnaryRules.AcosPi>("AcosPi", -0.999, 0.999, "|x| ≤ 1; f′(±1) = −∞"),
        UnaryRuleInfo.Create<UnaryRules.AtanPi>("AtanPi", -100, 100, "all x"),
        UnaryRuleInfo.Create<UnaryRules.Sinh>("Sinh", -10, 10, "all x"),
        UnaryRuleInfo.Create<UnaryRules.Cosh>("Cosh", -10, 10, "all x"),
        UnaryRuleInfo.Create<UnaryRules.Tanh>("Tanh", -10, 10, "all x"),
        UnaryRuleInfo.Create<UnaryRules.Asinh>("Asinh", -100, 100, "all x"),
        UnaryRuleInfo.Create<UnaryRules.Acosh>("Acosh", 1.001, 100, "x ≥ 1; f′(1) = +∞"),
        UnaryRuleInfo.Create<UnaryRules.Atanh>("Atanh", -0.999, 0.999, "|x| < 1; f′(±1) = +∞"),
        UnaryRuleInfo.Create<UnaryRules.Abs>("Abs", -10, 10, "all x; f′(±0) = ±1 (sign bit)"),
        UnaryRuleInfo.Create<UnaryRules.Floor>("Floor", -10, 10, "all x; f′ = 0"),
        UnaryRuleInfo.Create<UnaryRules.Ceiling>("Ceiling", -10, 10, "all x; f′ = 0"),
        UnaryRuleInfo.Create<UnaryRules.Round>("Round", -10, 10, "all x; f′ = 0"),
        UnaryRuleInfo.Create<UnaryRules.Truncate>("Truncate", -10, 10, "all x; f′ = 0"),
        UnaryRuleInfo.Create<UnaryRules.Reciprocal>("Reciprocal", 0.01, 100, "x ≠ 0; f′(0) = −∞ (1/x on both signs of 0)"),
        UnaryRuleInfo.Create<UnaryRules.ReciprocalEstimate>("ReciprocalEstimate", 0.01, 100, "x ≠ 0; value is the platform estimate"),
        UnaryRuleInfo.Create<UnaryRules.ReciprocalSqrtEstimate>("ReciprocalSqrtEstimate", 0.01, 100, "x > 0; value is the platform estimate"),
    ];

    /// <summary>The two-argument rows.</summary>
    public static IReadOnlyList<BinaryRuleInfo> Binary { get; } =
    [
        BinaryRuleInfo.Create<BinaryRules.Pow>("Pow", 0.01, 10, -5, 5, "x > 0 (any y), x < 0 with integer y; conventions at x = 0"),
        BinaryRuleInfo.Create<BinaryRules.Atan2>("Atan2", 0.1, 10, -10, 10, "(y, x) ≠ (0, 0); first argument is y; NaN partials at the origin"),
        BinaryRuleInfo.Create<BinaryRules.Atan2Pi>("Atan2Pi", 0.1, 10, -10, 10, "(y, x) ≠ (0, 0); first argument is y; NaN partials at the origin"),
        BinaryRuleInfo.Create<BinaryRules.Hypot>("Hypot", -10, 10, 0.1, 10, "(x, y) ≠ (0, 0); NaN partials at the origin"),
        BinaryRuleInfo.Create<BinaryRules.LogBase>("Log", 0.01, 100, 1.5, 100, "x > 0, base > 0, base ≠ 1"),
        BinaryRuleInfo.Create<BinaryRules.Ieee754Remainder>("Ieee754Remainder", -10, 10, 0.3, 3, "y ≠ 0; jumps where x/y is a half-integer"),
        BinaryRuleInfo.Create<BinaryRules.Remainder>("op_Modulus", -10, 10, 0.3, 3, "y ≠ 0; jumps where x/y is an integer"),
    ];

    /// <summary>The rows with a constant parameter.</summary>
    public static IReadOnlyList<ParameterizedRuleInfo> Parameterized { get; } =
    [
        ParameterizedRuleInfo.Create<ParameterizedRules.RootN>("RootN", 0.01, 100, [1, 2, 3, 4, 5, -2], "x ≥ 0 (even n), all x (odd n); f′(0) = +∞ for n > 1"),
        ParameterizedRuleInfo.Create<ParameterizedRules.PowConstantExponent>("PowConstantExponent", 0.01, 10, [0, 1, 2, 0.5, -1.5, 3.25], "x > 0, or x < 0 with integer c; x^0 has f′ = 0"),
        ParameterizedRuleInfo.Create<ParameterizedRules.PowConstantBase>("PowConstantBase", -5, 5, [0.5, 2, 10, 1], "c > 0; f′ = 0 for c = 0; NaN for c < 0"),
        ParameterizedRuleInfo.Create<ParameterizedRules.ScaleB>("ScaleB", -100, 100, [-3, 0, 1, 10], "all x; integer n"),
    ];
}

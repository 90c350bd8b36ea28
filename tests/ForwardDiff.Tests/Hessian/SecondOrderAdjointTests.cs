using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using ForwardDiff.Rules;
using ForwardDiff.Tests.Chunk;
using static ForwardDiff.Tests.Chunk.TestFunctions;

namespace ForwardDiff.Tests.Hessian;

/// <summary>
/// <see cref="HessianMethod.SecondOrderAdjoint"/>: one taped evaluation of f, then second-order adjoint sweeps. It must
/// agree with <see cref="HessianMethod.NestedDuals"/> to rounding at ordinary points (every rule of the table, composed so
/// that every first and second partial reaches H), give exactly the nested bits wherever a local partial or a result is
/// not finite (the fallback), be exactly symmetric, independent of the chunk size and of parallelism, and allocate nothing
/// with a config.
/// </summary>
public class SecondOrderAdjointTests
{
    // ---------------------------------------------------------------------------------------------------------------
    // Tolerances
    //
    // Both methods sum the same products of local partials along the same paths of the computational graph. They differ
    // in (a) the order and grouping of those sums (forward over forward against forward tangents + reverse second-order
    // adjoints) and (b) how a rule's local second partial is formed (the tape takes f″ from the rule's closed-form
    // `Second` through a hyper-dual, nesting differentiates the rule's f′ expression; both are accurate to a few ulp of
    // their own terms, CONVENTIONS.md). Each rounding contributes a few ulp of the term it rounds, so the sound bound on
    // an entry is |a − b| ≤ τ · S with S = Σ |path products| (the entry recomputed with every term made positive), not
    // τ · |b|: after cancellation |b| can be far below S. For the rule compositions S is written out from the chain rule
    // with |·| on each term (the local derivatives of h or g from nested duals; for the extras that chain several
    // operations on one argument, such as x/x + x whose h″ = 2/x² − 2/x² = 0, the path magnitudes of h′ and h″ are
    // written out in InternalMagnitudes: the tape gives 2e-17 there where nesting gets an exact 0).
    //   τ = 1e-13 for the compositions: (a) is at most a few dozen roundings, ~1e-15 · S; (b) was measured before the
    //   engine existed by evaluating every composition below on HyperDual<double> (the tape's local partials, formed the
    //   same way) against nested duals: worst 1.9e-14 · S, for Atan2's ∂²/∂p∂q at p ≈ q, where the rule's own
    //   (q² − p²)/ρ⁴ cancels (a condition number the chain-rule S cannot see); the rest ≤ 2e-15 · S. So τ leaves a
    //   factor 5 over the worst and 50 over the rest, and is still 10⁻¹³ of any real error in a partial.
    //   τ = 1e-12 relative to max(1, |b|) for the named test functions (Rosenbrock, Beale, …; the bound the existing
    //   Hessian tests use): their terms are O(1)–O(10³) at the sampled points; measured the same way, worst 1.9e-14
    //   (Rosenbrock's 1200x² − 400y + 2 cancelling to 1.46), a factor 50 of margin.
    // Float: τ = 2e-5 relative to max(1, |b|): nested float against nested double at the same (float) points differs by
    // at most 9.5e-7 on these functions (measured), and the tape in float rounds the same terms; a factor 20 of margin.
    // ---------------------------------------------------------------------------------------------------------------
    private const double CompositeTolerance = 1e-13;
    private const double NamedTolerance = 1e-12;
    private const double FloatTolerance = 2e-5;

    private static HessianConfig<T> Adjoint<T>(int n, int chunk = 0, bool parallel = false)
        where T : IFloatingPointIeee754<T>
        => new(n, chunk, parallel, HessianMethod.SecondOrderAdjoint);

    private static HessianConfig<T> Nested<T>(int n, int chunk = 0, bool parallel = false)
        where T : IFloatingPointIeee754<T>
        => new(n, chunk, parallel, HessianMethod.NestedDuals);

    private static HessianResult<T> Run<T, TFunction>(TFunction f, T[] x, HessianConfig<T> config)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        HessianResult<T> result = new(x.Length);
        AutoDiff.Hessian(f, x, result, config);
        return result;
    }

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Show(double[] x) => "(" + string.Join(", ", x.Select(Show)) + ")";

    private static string Show(float[] x) => "(" + string.Join(", ", x.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + ")";

    // Same bits; any NaN matches any NaN (IEEE 754 leaves the sign and payload of a NaN from an invalid operation
    // unspecified, as LambdaOverloadTests notes), so NaN positions must agree but not NaN payloads.
    private static bool SameBits(double a, double b)
        => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    private static void AssertNoProblems(List<string> problems, string context)
        => Assert.That(problems, Is.Empty, () => $"{context}: {problems.Count} mismatch(es)\n" + string.Join("\n", problems.Take(25)));

    /// <summary>
    /// Second-order adjoint against nested duals at one point: value bit-equal to plain f(x) (from both the result form
    /// and the span form), gradient against <see cref="AutoDiff.Gradient{T, TFunction}(TFunction, ReadOnlySpan{T})"/>
    /// and the nested result's gradient, every H entry against nesting, within τ · scale.
    /// </summary>
    private static void CheckAgreement<TFunction>(TFunction f, double[] x, string context, double tolerance, Func<int, int, double, double> hessianScale, Func<int, double, double> gradientScale)
        where TFunction : IMultivariateFunction
    {
        int n = x.Length;
        string at = $"{context} at x = {Show(x)}";
        HessianResult<double> adjoint = Run(f, x, Adjoint<double>(n));
        HessianResult<double> nested = Run(f, x, Nested<double>(n));
        double[] gradient = AutoDiff.Gradient(f, x);
        double plain = f.Invoke<double>(x);
        double[] span = new double[n * n];
        double returned = AutoDiff.Hessian(f, x, span, Adjoint<double>(n));

        List<string> problems = [];
        if (!SameBits(adjoint.Value, plain))
        {
            problems.Add($"value {Show(adjoint.Value)} vs plain f(x) {Show(plain)}");
        }

        if (!SameBits(returned, plain))
        {
            problems.Add($"span form returned {Show(returned)} vs plain f(x) {Show(plain)}");
        }

        for (int i = 0; i < n; i++)
        {
            double g = adjoint.Gradient[i];
            double bound = tolerance * gradientScale(i, gradient[i]);
            if (!(Math.Abs(g - gradient[i]) <= bound))
            {
                problems.Add($"gradient[{i}] {Show(g)} vs AutoDiff.Gradient {Show(gradient[i])} (bound {bound:G3})");
            }

            if (!(Math.Abs(g - nested.Gradient[i]) <= tolerance * gradientScale(i, nested.Gradient[i])))
            {
                problems.Add($"gradient[{i}] {Show(g)} vs nested result's gradient {Show(nested.Gradient[i])}");
            }

            for (int j = 0; j < n; j++)
            {
                double a = adjoint.Hessian[i, j];
                double b = nested.Hessian[i, j];
                double hBound = tolerance * hessianScale(i, j, b);
                if (!(Math.Abs(a - b) <= hBound))
                {
                    problems.Add($"H[{i}, {j}] {Show(a)} vs nested {Show(b)} (|diff| {Math.Abs(a - b):G3}, bound {hBound:G3})");
                }

                if (!SameBits(span[(i * n) + j], a))
                {
                    problems.Add($"H[{i}, {j}] span form {Show(span[(i * n) + j])} vs result form {Show(a)}");
                }
            }
        }

        AssertNoProblems(problems, at);
    }

    private static void CheckAgreementNamed<TFunction>(TFunction f, double[] x, string context)
        where TFunction : IMultivariateFunction
        => CheckAgreement(f, x, context, NamedTolerance, (_, _, b) => Math.Max(1, Math.Abs(b)), (_, g) => Math.Max(1, Math.Abs(g)));

    // A seed that is the same in every process (HashCode and string.GetHashCode are randomized per process).
    private static int StableSeed(string name, double parameter)
    {
        int seed = 17;
        foreach (char c in name)
        {
            seed = unchecked((seed * 31) + c);
        }

        return unchecked((seed * 31) + (int)(parameter * 1000)) & 0x7fffffff;
    }

    private static double[] RandomPoint(Random random, int n, double scale = 1.5)
    {
        double[] x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = ((random.NextDouble() * 2) - 1) * scale;
        }

        return x;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rule expressions, called by name on any generic-math type (the tape number, nested duals, double)
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>One-argument expressions: every row of <see cref="RuleTable.Unary"/>, the parameterized rows (parameter p) and extras.</summary>
    internal static T Unary<T>(string name, double p, T x)
        where T : IFloatingPointIeee754<T>
    {
        T two = T.CreateTruncating(2);
        T three = T.CreateTruncating(3);
        T twoAndHalf = T.CreateTruncating(2.5);
        switch (name)
        {
            // RuleTable.Unary
            case "Sqrt": return T.Sqrt(x);
            case "Cbrt": return T.Cbrt(x);
            case "Exp": return T.Exp(x);
            case "Exp2": return T.Exp2(x);
            case "Exp10": return T.Exp10(x);
            case "ExpM1": return T.ExpM1(x);
            case "Exp2M1": return T.Exp2M1(x);
            case "Exp10M1": return T.Exp10M1(x);
            case "Log": return T.Log(x);
            case "Log2": return T.Log2(x);
            case "Log10": return T.Log10(x);
            case "LogP1": return T.LogP1(x);
            case "Log2P1": return T.Log2P1(x);
            case "Log10P1": return T.Log10P1(x);
            case "Sin": return T.Sin(x);
            case "Cos": return T.Cos(x);
            case "Tan": return T.Tan(x);
            case "SinPi": return T.SinPi(x);
            case "CosPi": return T.CosPi(x);
            case "TanPi": return T.TanPi(x);
            case "Asin": return T.Asin(x);
            case "Acos": return T.Acos(x);
            case "Atan": return T.Atan(x);
            case "AsinPi": return T.AsinPi(x);
            case "AcosPi": return T.AcosPi(x);
            case "AtanPi": return T.AtanPi(x);
            case "Sinh": return T.Sinh(x);
            case "Cosh": return T.Cosh(x);
            case "Tanh": return T.Tanh(x);
            case "Asinh": return T.Asinh(x);
            case "Acosh": return T.Acosh(x);
            case "Atanh": return T.Atanh(x);
            case "Abs": return T.Abs(x);
            case "Floor": return T.Floor(x);
            case "Ceiling": return T.Ceiling(x);
            case "Round": return T.Round(x);
            case "Truncate": return T.Truncate(x);
            case "Reciprocal": return T.One / x;
            case "ReciprocalEstimate": return T.ReciprocalEstimate(x);
            case "ReciprocalSqrtEstimate": return T.ReciprocalSqrtEstimate(x);

            // RuleTable.Parameterized
            case "RootN": return T.RootN(x, (int)p);
            case "PowConstantExponent": return T.Pow(x, T.CreateTruncating(p));
            case "PowConstantBase": return T.Pow(T.CreateTruncating(p), x);
            case "ScaleB": return T.ScaleB(x, (int)p);

            // extras: other members of IFloatingPointIeee754, operators, constant operands, the same operand twice
            case "SinCos.Sin": return T.SinCos(x).Sin;
            case "SinCos.Cos": return T.SinCos(x).Cos;
            case "SinCosPi.SinPi": return T.SinCosPi(x).SinPi;
            case "SinCosPi.CosPi": return T.SinCosPi(x).CosPi;
            case "Negate": return -x;
            case "UnaryPlus": return +x;
            case "Increment": return ++x;
            case "Decrement": return --x;
            case "x + 2": return x + two;
            case "2 - x": return two - x;
            case "x * 3": return x * three;
            case "x / 3": return x / three;
            case "3 / x": return three / x;
            case "x * x": return x * x;
            case "x + x": return x + x;
            case "x * x * x": return x * x * x;
            case "x / x": return (x / x) + x;
            case "x / (x * x + 1)": return x / ((x * x) + T.One);
            case "Pow(x, x)": return T.Pow(x, x);
            case "Pow(x, 2.5)": return T.Pow(x, twoAndHalf);
            case "Pow(x, 3)": return T.Pow(x, three);
            case "Pow(2.5, x)": return T.Pow(twoAndHalf, x);
            case "Hypot(x, 3)": return T.Hypot(x, three);
            case "Hypot(3, x)": return T.Hypot(three, x);
            case "Hypot(x, x)": return T.Hypot(x, x);
            case "Atan2(x, 2)": return T.Atan2(x, two);
            case "Atan2(2, x)": return T.Atan2(two, x);
            case "Atan2Pi(x, 2)": return T.Atan2Pi(x, two);
            case "Atan2Pi(2, x)": return T.Atan2Pi(two, x);
            case "Log(x, 3)": return T.Log(x, three);
            case "Log(3, x)": return T.Log(three, x);
            case "x % 2.5": return x % twoAndHalf;
            case "2.5 % x": return twoAndHalf % x;
            case "Ieee754Remainder(x, 2.5)": return T.Ieee754Remainder(x, twoAndHalf);
            case "Ieee754Remainder(2.5, x)": return T.Ieee754Remainder(twoAndHalf, x);
            case "DegreesToRadians": return T.DegreesToRadians(x);
            case "RadiansToDegrees": return T.RadiansToDegrees(x);
            case "BitIncrement": return T.BitIncrement(x);
            case "BitDecrement": return T.BitDecrement(x);
            case "CopySign(x, -1)": return T.CopySign(x, -T.One);
            case "CopySign(3, x)": return T.CopySign(three, x);
            case "FusedMultiplyAdd(x, 3, 2)": return T.FusedMultiplyAdd(x, three, two);
            case "FusedMultiplyAdd(x, x, 1)": return T.FusedMultiplyAdd(x, x, T.One);
            case "MultiplyAddEstimate(x, x, 1)": return T.MultiplyAddEstimate(x, x, T.One);
            case "Lerp(x, 5, 0.25)": return T.Lerp(x, T.CreateTruncating(5), T.CreateTruncating(0.25));
            case "Lerp(1, 5, x)": return T.Lerp(T.One, T.CreateTruncating(5), x);
            case "Max(x, 0.5)": return T.Max(x, T.CreateTruncating(0.5));
            case "Min(x, 0.5)": return T.Min(x, T.CreateTruncating(0.5));
            case "MaxNumber(x, 0.5)": return T.MaxNumber(x, T.CreateTruncating(0.5));
            case "MinNumber(x, 0.5)": return T.MinNumber(x, T.CreateTruncating(0.5));
            case "MaxMagnitude(x, 0.5)": return T.MaxMagnitude(x, T.CreateTruncating(0.5));
            case "MinMagnitude(x, 0.5)": return T.MinMagnitude(x, T.CreateTruncating(0.5));
            case "MaxMagnitudeNumber(x, 0.5)": return T.MaxMagnitudeNumber(x, T.CreateTruncating(0.5));
            case "MinMagnitudeNumber(x, 0.5)": return T.MinMagnitudeNumber(x, T.CreateTruncating(0.5));
            case "Clamp(x, -0.5, 0.5)": return T.Clamp(x, T.CreateTruncating(-0.5), T.CreateTruncating(0.5));
            case "Round(x, 2)": return T.Round(x, 2);
            case "Round(x, AwayFromZero)": return T.Round(x, MidpointRounding.AwayFromZero);
            case "Round(x, 1, ToZero)": return T.Round(x, 1, MidpointRounding.ToZero);
            case "Exp(x) * Sin(x)": return T.Exp(x) * T.Sin(x);
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown expression: add a case for this rule row.");
        }
    }

    /// <summary>Two-argument expressions: every row of <see cref="RuleTable.Binary"/> under its name, and extras.</summary>
    internal static T Binary<T>(string name, T x, T y)
        where T : IFloatingPointIeee754<T>
        => name switch
        {
            // RuleTable.Binary
            "Pow" => T.Pow(x, y),
            "Atan2" => T.Atan2(x, y),
            "Atan2Pi" => T.Atan2Pi(x, y),
            "Hypot" => T.Hypot(x, y),
            "Log" => T.Log(x, y),
            "Ieee754Remainder" => T.Ieee754Remainder(x, y),
            "op_Modulus" => x % y,

            // extras
            "x + y" => x + y,
            "x - y" => x - y,
            "x * y" => x * y,
            "x / y" => x / y,
            "Max" => T.Max(x, y),
            "Min" => T.Min(x, y),
            "MaxNumber" => T.MaxNumber(x, y),
            "MinNumber" => T.MinNumber(x, y),
            "MaxMagnitude" => T.MaxMagnitude(x, y),
            "MinMagnitude" => T.MinMagnitude(x, y),
            "MaxMagnitudeNumber" => T.MaxMagnitudeNumber(x, y),
            "MinMagnitudeNumber" => T.MinMagnitudeNumber(x, y),
            "CopySign" => T.CopySign(x, y),
            "FusedMultiplyAdd(x, y, x)" => T.FusedMultiplyAdd(x, y, x),
            "MultiplyAddEstimate(x, y, y)" => T.MultiplyAddEstimate(x, y, y),
            "Lerp(x, y, 0.25)" => T.Lerp(x, y, T.CreateTruncating(0.25)),
            "Lerp(x, 2, y)" => T.Lerp(x, T.CreateTruncating(2), y),
            "Clamp(x, y - 1, y + 1)" => T.Clamp(x, y - T.One, y + T.One),
            "Clamp(2, x, y)" => T.Clamp(T.CreateTruncating(2), x, y),
            "Atan2(x * y, x + y)" => T.Atan2(x * y, x + y),
            "Exp(x) / y" => T.Exp(x) / y,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown expression: add a case for this rule row."),
        };

    /// <summary>f(x) = h(u)·x₁ + h(x₂)², u = x₀x₁ + 0.3x₂: h′ and h″ at u reach every entry of H (with x₀x₁'s own second partial), h at x₂ the diagonal.</summary>
    public readonly struct UnaryComposite : IMultivariateFunction
    {
        private readonly string name;
        private readonly double parameter;

        public UnaryComposite(string name, double parameter)
        {
            this.name = name;
            this.parameter = parameter;
        }

        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T u = (x[0] * x[1]) + (T.CreateTruncating(0.3) * x[2]);
            T h2 = Unary(name, parameter, x[2]);
            return (Unary(name, parameter, u) * x[1]) + (h2 * h2);
        }
    }

    /// <summary>h(x₀) alone (for its nested-dual derivatives, used only to size the tolerance).</summary>
    public readonly struct UnaryAlone : IMultivariateFunction
    {
        private readonly string name;
        private readonly double parameter;

        public UnaryAlone(string name, double parameter)
        {
            this.name = name;
            this.parameter = parameter;
        }

        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => Unary(name, parameter, x[0]);
    }

    /// <summary>f(x) = g(p, q)·(1 + x₂), p = x₀ + ¼x₂, q = x₁ − ¼x₂: all three second partials of g reach H, and the product couples g's gradient to x₂.</summary>
    public readonly struct BinaryComposite : IMultivariateFunction
    {
        private readonly string name;

        public BinaryComposite(string name) => this.name = name;

        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T quarter = T.CreateTruncating(0.25);
            T p = x[0] + (quarter * x[2]);
            T q = x[1] - (quarter * x[2]);
            return Binary(name, p, q) * (T.One + x[2]);
        }
    }

    /// <summary>g(x₀, x₁) alone (for its nested-dual derivatives, used only to size the tolerance).</summary>
    public readonly struct BinaryAlone : IMultivariateFunction
    {
        private readonly string name;

        public BinaryAlone(string name) => this.name = name;

        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => Binary(name, x[0], x[1]);
    }

    // one-argument extras with a sampling interval where they are smooth
    private static readonly (string Name, double Lower, double Upper)[] UnaryExtras =
    [
        ("SinCos.Sin", -10, 10), ("SinCos.Cos", -10, 10), ("SinCosPi.SinPi", -4, 4), ("SinCosPi.CosPi", -4, 4),
        ("Negate", -5, 5), ("UnaryPlus", -5, 5), ("Increment", -5, 5), ("Decrement", -5, 5),
        ("x + 2", -5, 5), ("2 - x", -5, 5), ("x * 3", -5, 5), ("x / 3", -5, 5), ("3 / x", 0.1, 10),
        ("x * x", -5, 5), ("x + x", -5, 5), ("x * x * x", -5, 5), ("x / x", 0.1, 5), ("x / (x * x + 1)", -5, 5),
        ("Pow(x, x)", 0.05, 4), ("Pow(x, 2.5)", 0.05, 10), ("Pow(x, 3)", -5, 5), ("Pow(2.5, x)", -5, 5),
        ("Hypot(x, 3)", -10, 10), ("Hypot(3, x)", -10, 10), ("Hypot(x, x)", 0.1, 10),
        ("Atan2(x, 2)", -10, 10), ("Atan2(2, x)", -10, 10), ("Atan2Pi(x, 2)", -10, 10), ("Atan2Pi(2, x)", -10, 10),
        ("Log(x, 3)", 0.01, 100), ("Log(3, x)", 1.5, 100),
        ("x % 2.5", -10, 10), ("2.5 % x", 0.3, 3), ("Ieee754Remainder(x, 2.5)", -10, 10), ("Ieee754Remainder(2.5, x)", 0.3, 3),
        ("DegreesToRadians", -100, 100), ("RadiansToDegrees", -5, 5), ("BitIncrement", -10, 10), ("BitDecrement", -10, 10),
        ("CopySign(x, -1)", -5, 5), ("CopySign(3, x)", -5, 5),
        ("FusedMultiplyAdd(x, 3, 2)", -5, 5), ("FusedMultiplyAdd(x, x, 1)", -5, 5), ("MultiplyAddEstimate(x, x, 1)", -5, 5),
        ("Lerp(x, 5, 0.25)", -5, 5), ("Lerp(1, 5, x)", -5, 5),
        ("Max(x, 0.5)", -2, 3), ("Min(x, 0.5)", -2, 3), ("MaxNumber(x, 0.5)", -2, 3), ("MinNumber(x, 0.5)", -2, 3),
        ("MaxMagnitude(x, 0.5)", -2, 3), ("MinMagnitude(x, 0.5)", -2, 3), ("MaxMagnitudeNumber(x, 0.5)", -2, 3), ("MinMagnitudeNumber(x, 0.5)", -2, 3),
        ("Clamp(x, -0.5, 0.5)", -2, 2), ("Round(x, 2)", -5, 5), ("Round(x, AwayFromZero)", -5, 5), ("Round(x, 1, ToZero)", -5, 5),
        ("Exp(x) * Sin(x)", -5, 5),
    ];

    // two-argument extras with sampling boxes (p in [lx, ux], q in [ly, uy])
    private static readonly (string Name, double LowerX, double UpperX, double LowerY, double UpperY)[] BinaryExtras =
    [
        ("x + y", -3, 3, -3, 3), ("x - y", -3, 3, -3, 3), ("x * y", -3, 3, -3, 3), ("x / y", -3, 3, 0.3, 3),
        ("Max", -3, 3, -3, 3), ("Min", -3, 3, -3, 3), ("MaxNumber", -3, 3, -3, 3), ("MinNumber", -3, 3, -3, 3),
        ("MaxMagnitude", -3, 3, -3, 3), ("MinMagnitude", -3, 3, -3, 3), ("MaxMagnitudeNumber", -3, 3, -3, 3), ("MinMagnitudeNumber", -3, 3, -3, 3),
        ("CopySign", -3, 3, -3, 3), ("FusedMultiplyAdd(x, y, x)", -3, 3, -3, 3), ("MultiplyAddEstimate(x, y, y)", -3, 3, -3, 3),
        ("Lerp(x, y, 0.25)", -3, 3, -3, 3), ("Lerp(x, 2, y)", -3, 3, -3, 3),
        ("Clamp(x, y - 1, y + 1)", -3, 3, -3, 3), ("Clamp(2, x, y)", -3, 1, 1.5, 3),
        ("Atan2(x * y, x + y)", 0.2, 3, 0.2, 3), ("Exp(x) / y", -3, 3, 0.3, 3),
    ];

    private static IEnumerable<TestCaseData> UnaryCases()
    {
        foreach (UnaryRuleInfo row in RuleTable.Unary)
        {
            yield return new TestCaseData(row.Name, 0.0, row.Lower, row.Upper).SetArgDisplayNames("row " + row.Name);
        }

        foreach (ParameterizedRuleInfo row in RuleTable.Parameterized)
        {
            foreach (double p in row.Parameters)
            {
                yield return new TestCaseData(row.Name, p, row.Lower, row.Upper).SetArgDisplayNames($"row {row.Name}({Show(p)})");
            }
        }

        foreach ((string name, double lower, double upper) in UnaryExtras)
        {
            yield return new TestCaseData(name, 0.0, lower, upper).SetArgDisplayNames(name);
        }
    }

    private static IEnumerable<TestCaseData> BinaryCases()
    {
        foreach (BinaryRuleInfo row in RuleTable.Binary)
        {
            yield return new TestCaseData(row.Name, row.LowerX, row.UpperX, row.LowerY, row.UpperY).SetArgDisplayNames("row " + row.Name);
        }

        foreach ((string name, double lx, double ux, double ly, double uy) in BinaryExtras)
        {
            yield return new TestCaseData(name, lx, ux, ly, uy).SetArgDisplayNames(name);
        }
    }

    private const int PointsPerExpression = 6;

    // a point inside [lower, upper], away from its ends (where some rows' derivatives blow up)
    private static double Inside(Random random, double lower, double upper) => lower + ((upper - lower) * (0.02 + (0.96 * random.NextDouble())));

    /// <summary>
    /// For the extras that combine several operations on the same argument, |h′| and |h″| can cancel below the terms
    /// that form them (x/x + x has h″ = 0 from 2/x² − 2/x²): the path magnitudes Σ|terms| of h′ and h″ at v, so the bound
    /// stays τ · Σ|terms|. Single rules keep |h′|, |h″|.
    /// </summary>
    private static (double First, double Second) InternalMagnitudes(string name, double v, double first, double second)
    {
        double a = Math.Abs(v);
        switch (name)
        {
            case "x / x":
                // v/v + v: ∂a = 1/v, ∂b = −v/v², ∂²ab = −1/v² (twice), ∂²bb = 2v/v³
                return ((2 / a) + 1, 4 / (v * v));
            case "Hypot(x, x)":
                // ρ = √2|v|: ∂a = ∂b = v/ρ; ∂²aa = ∂²bb = v²/ρ³, ∂²ab = −v²/ρ³ (twice)
                double rho = Math.Sqrt(2) * a;
                return (2 * a / rho, 4 * v * v / (rho * rho * rho));
            case "Pow(x, x)":
                double p = Math.Pow(v, v), l = Math.Log(v);
                return (Math.Abs(v * Math.Pow(v, v - 1)) + Math.Abs(p * l),
                        Math.Abs(v * (v - 1) * Math.Pow(v, v - 2)) + (2 * Math.Abs(Math.Pow(v, v - 1) * (1 + (v * l)))) + Math.Abs(p * l * l));
            case "Exp(x) * Sin(x)":
                // (e sin)″ = e sin + 2 e cos − e sin
                double e = Math.Exp(v), sin = Math.Abs(Math.Sin(v)), cos = Math.Abs(Math.Cos(v));
                return (e * (sin + cos), e * ((2 * sin) + (2 * cos)));
            case "x / (x * x + 1)":
                // a/b with a = v, b = v² + 1, b′ = 2v, b″ = 2: ∂a = 1/b, ∂b = −a/b², ∂²ab = −1/b², ∂²bb = 2a/b³
                double q = (v * v) + 1;
                return ((1 / q) + (2 * a * a / (q * q)), (4 * a / (q * q)) + (8 * a * a * a / (q * q * q)) + (2 * a / (q * q)));
            default:
                return (first, second);
        }
    }

    [TestCaseSource(nameof(UnaryCases))]
    public void SecondOrderAdjoint_AgreesWithNestedDuals_OnEveryUnaryRule(string name, double parameter, double lower, double upper)
    {
        UnaryComposite f = new(name, parameter);
        UnaryAlone h = new(name, parameter);
        Random random = new(StableSeed(name, parameter));
        for (int k = 0; k < PointsPerExpression; k++)
        {
            double a = Inside(random, lower, upper);   // target for u
            double b = Inside(random, lower, upper);   // x₂
            double x1 = 0.5 + random.NextDouble();
            double x0 = (a - (0.3 * b)) / x1;
            double[] x = [x0, x1, b];
            double u = (x0 * x1) + (0.3 * b);

            // |h|, |h′|, |h″| at u and at x₂ from nested duals (only to size the bound)
            HessianResult<double> atU = Run(h, [u], Nested<double>(1));
            HessianResult<double> atB = Run(h, [b], Nested<double>(1));
            double hu = Math.Abs(atU.Value), d1 = Math.Abs(atU.Gradient[0]), d2 = Math.Abs(atU.Hessian[0, 0]);
            double hb = Math.Abs(atB.Value), e1 = Math.Abs(atB.Gradient[0]), e2 = Math.Abs(atB.Hessian[0, 0]);
            (d1, d2) = InternalMagnitudes(name, u, d1, d2);
            (e1, e2) = InternalMagnitudes(name, b, e1, e2);
            double a0 = Math.Abs(x0), a1 = Math.Abs(x1);
            Assert.That(double.IsFinite(hu) && double.IsFinite(d1) && double.IsFinite(d2) && double.IsFinite(hb) && double.IsFinite(e1) && double.IsFinite(e2), Is.True, $"{name}: the sampling point must be smooth (u = {Show(u)}, x2 = {Show(b)})");

            // the chain rule of f with every term made positive
            double[,] s =
            {
                { d2 * a1 * a1 * a1, (d2 * a0 * a1 * a1) + (2 * d1 * a1), 0.3 * d2 * a1 * a1 },
                { 0, (d2 * a0 * a0 * a1) + (2 * d1 * a0), (0.3 * d2 * a0 * a1) + (0.3 * d1) },
                { 0, 0, (0.09 * d2 * a1) + (2 * e1 * e1) + (2 * hb * e2) },
            };
            double[] sg = [d1 * a1 * a1, (d1 * a0 * a1) + hu, (0.3 * d1 * a1) + (2 * hb * e1)];
            CheckAgreement(f, x, $"h = {name}{(parameter != 0 ? $" (p = {Show(parameter)})" : string.Empty)}, u = {Show(u)}", CompositeTolerance, (i, j, _) => s[Math.Min(i, j), Math.Max(i, j)], (i, _) => sg[i]);
        }
    }

    [TestCaseSource(nameof(BinaryCases))]
    public void SecondOrderAdjoint_AgreesWithNestedDuals_OnEveryBinaryRule(string name, double lowerX, double upperX, double lowerY, double upperY)
    {
        BinaryComposite f = new(name);
        BinaryAlone g = new(name);
        Random random = new(StableSeed(name, name[^1]));
        for (int k = 0; k < PointsPerExpression; k++)
        {
            double a = Inside(random, lowerX, upperX);   // target for p
            double b = Inside(random, lowerY, upperY);   // target for q
            double w = (random.NextDouble() * 1.6) - 0.8;
            double[] x = [a - (0.25 * w), b + (0.25 * w), w];
            double p = x[0] + (0.25 * x[2]);
            double q = x[1] - (0.25 * x[2]);

            HessianResult<double> local = Run(g, [p, q], Nested<double>(2));
            double gv = Math.Abs(local.Value), gp = Math.Abs(local.Gradient[0]), gq = Math.Abs(local.Gradient[1]);
            double gpp = Math.Abs(local.Hessian[0, 0]), gpq = Math.Abs(local.Hessian[0, 1]), gqq = Math.Abs(local.Hessian[1, 1]);
            if (name is "Atan2" or "Atan2Pi")
            {
                // the rule's own second partials, 2pq/ρ⁴ and (q² − p²)/ρ⁴, cancel where |p| ≈ |q|: their terms are 1/ρ²
                // in size (1/(πρ²) for Atan2Pi), and the tape and nesting round them differently
                double terms = (name == "Atan2" ? 1 : 1 / Math.PI) / ((p * p) + (q * q));
                gpp = Math.Max(gpp, terms);
                gpq = Math.Max(gpq, terms);
                gqq = Math.Max(gqq, terms);
            }

            Assert.That(new[] { gv, gp, gq, gpp, gpq, gqq }.All(double.IsFinite), Is.True, $"{name}: the sampling point must be smooth ((p, q) = ({Show(p)}, {Show(q)}))");

            // ∂p/∂x = (1, 0, ¼), ∂q/∂x = (0, 1, −¼), weight W = 1 + x₂: the chain rule with every term made positive
            double[] dp = [1, 0, 0.25];
            double[] dq = [0, 1, 0.25];
            double weight = Math.Abs(1 + x[2]);
            double Term(int i) => (gp * dp[i]) + (gq * dq[i]);
            double Scale(int i, int j)
                => (((gpp * dp[i] * dp[j]) + (gpq * ((dp[i] * dq[j]) + (dq[i] * dp[j]))) + (gqq * dq[i] * dq[j])) * weight)
                   + (j == 2 ? Term(i) : 0) + (i == 2 ? Term(j) : 0);
            CheckAgreement(f, x, $"g = {name}, (p, q) = ({Show(p)}, {Show(q)})", CompositeTolerance, (i, j, _) => Scale(i, j), (i, _) => (Term(i) * weight) + (i == 2 ? gv : 0));
        }
    }

    [Test]
    public void UnaryCases_CoverEveryRowOfTheRuleTable()
    {
        // the expression switch must know every row (a new row without a case fails here, not silently)
        Assert.Multiple(() =>
        {
            foreach (UnaryRuleInfo row in RuleTable.Unary)
            {
                Assert.DoesNotThrow(() => Unary(row.Name, 0, 0.5 * (row.Lower + row.Upper)), $"unary row {row.Name}");
            }

            foreach (ParameterizedRuleInfo row in RuleTable.Parameterized)
            {
                Assert.DoesNotThrow(() => Unary(row.Name, row.Parameters[0], 0.5 * (row.Lower + row.Upper)), $"parameterized row {row.Name}");
            }

            foreach (BinaryRuleInfo row in RuleTable.Binary)
            {
                Assert.DoesNotThrow(() => Binary(row.Name, 0.5 * (row.LowerX + row.UpperX), 0.5 * (row.LowerY + row.UpperY)), $"binary row {row.Name}");
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Named test functions
    // ---------------------------------------------------------------------------------------------------------------

    [TestCase(2)]
    [TestCase(10)]
    [TestCase(100)]
    public void SecondOrderAdjoint_Rosenbrock_AgreesWithNestedDuals(int n)
    {
        Random random = new(100 + n);
        for (int k = 0; k < 4; k++)
        {
            CheckAgreementNamed(new Rosenbrock(), RandomPoint(random, n), $"Rosenbrock n = {n}");
        }
    }

    [Test]
    public void SecondOrderAdjoint_TwoVariableClassics_AgreeWithNestedDuals()
    {
        Random random = new(7);
        for (int k = 0; k < 8; k++)
        {
            double[] x = RandomPoint(random, 2, 4);
            CheckAgreementNamed(new Beale(), x, "Beale");
            CheckAgreementNamed(new Booth(), x, "Booth");
            CheckAgreementNamed(new Himmelblau(), x, "Himmelblau");
        }
    }

    [TestCase(4)]
    [TestCase(8)]
    [TestCase(12)]
    public void SecondOrderAdjoint_ExtendedPowell_AgreesWithNestedDuals(int n)
    {
        Random random = new(200 + n);
        for (int k = 0; k < 4; k++)
        {
            CheckAgreementNamed(new ExtendedPowell(), RandomPoint(random, n), $"ExtendedPowell n = {n}");
        }
    }

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(19)]
    public void SecondOrderAdjoint_LogSumExp_AgreesWithNestedDuals(int n)
    {
        Random random = new(300 + n);
        for (int k = 0; k < 4; k++)
        {
            CheckAgreementNamed(new LogSumExp(), RandomPoint(random, n, 3), $"LogSumExp n = {n}");
        }
    }

    [TestCase(1)]
    [TestCase(6)]
    [TestCase(23)]
    public void SecondOrderAdjoint_KitchenSinkAndMixedSum_AgreeWithNestedDuals(int n)
    {
        Random random = new(400 + n);
        for (int k = 0; k < 3; k++)
        {
            double[] x = RandomPoint(random, n);
            CheckAgreementNamed(new HessianRowSegmentTests.KitchenSink(), x, $"KitchenSink n = {n}");
            CheckAgreementNamed(new MixedSum(), x, $"MixedSum n = {n}");
        }
    }

    [TestCase(2)]
    [TestCase(10)]
    [TestCase(100)]
    public void SecondOrderAdjoint_Rosenbrock_MatchesAnalyticHessianAndGradient(int n)
    {
        double[] x = Point(n, n + 1);
        HessianResult<double> r = Run(new Rosenbrock(), x, Adjoint<double>(n));
        double[,] expected = Rosenbrock.Hessian(x);
        double[] gradient = Rosenbrock.Gradient(x);
        List<string> problems = [];
        for (int i = 0; i < n; i++)
        {
            if (!(Math.Abs(r.Gradient[i] - gradient[i]) <= 1e-12 * Math.Max(1, Math.Abs(gradient[i]))))
            {
                problems.Add($"gradient[{i}] {Show(r.Gradient[i])} vs analytic {Show(gradient[i])}");
            }

            for (int j = 0; j < n; j++)
            {
                if (!(Math.Abs(r.Hessian[i, j] - expected[i, j]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i, j]))))
                {
                    problems.Add($"H[{i}, {j}] {Show(r.Hessian[i, j])} vs analytic {Show(expected[i, j])}");
                }
            }
        }

        AssertNoProblems(problems, $"Rosenbrock n = {n} at {Show(x)}");
    }

    [Test]
    public void SecondOrderAdjoint_Rosenbrock2_AtTextbookPoint_EqualsClosedForm()
    {
        // H = [[1200x² − 400y + 2, −400x], [−400x, 200]] at (1.2, 1.0) = [[1330, −480], [−480, 200]]
        double x = 1.2, y = 1.0;
        double[,] expected = { { (1200 * x * x) - (400 * y) + 2, -400 * x }, { -400 * x, 200 } };
        double[,] h = AutoDiff.Hessian(new Rosenbrock(), [x, y], Adjoint<double>(2));
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j < 2; j++)
                {
                    Assert.That(h[i, j], Is.EqualTo(expected[i, j]).Within(1e-12 * Math.Abs(expected[i, j])), $"Rosenbrock at (1.2, 1.0): H[{i}, {j}]");
                }
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Float
    // ---------------------------------------------------------------------------------------------------------------

    private static void CheckFloatAgreement<TFunction>(TFunction f, float[] x, string context)
        where TFunction : IMultivariateFunction
    {
        int n = x.Length;
        HessianResult<float> adjoint = Run(f, x, Adjoint<float>(n));
        HessianResult<float> nested = Run(f, x, Nested<float>(n));
        float[] gradient = AutoDiff.Gradient(f, x);
        float plain = f.Invoke<float>(x);
        List<string> problems = [];
        if (BitConverter.SingleToInt32Bits(adjoint.Value) != BitConverter.SingleToInt32Bits(plain))
        {
            problems.Add($"value {adjoint.Value:R} vs plain f(x) {plain:R}");
        }

        for (int i = 0; i < n; i++)
        {
            if (!(Math.Abs(adjoint.Gradient[i] - gradient[i]) <= FloatTolerance * Math.Max(1, Math.Abs(gradient[i]))))
            {
                problems.Add($"gradient[{i}] {adjoint.Gradient[i]:R} vs AutoDiff.Gradient {gradient[i]:R}");
            }

            for (int j = 0; j < n; j++)
            {
                float a = adjoint.Hessian[i, j], b = nested.Hessian[i, j];
                if (!(Math.Abs(a - b) <= FloatTolerance * Math.Max(1, Math.Abs(b))))
                {
                    problems.Add($"H[{i}, {j}] {a:R} vs nested {b:R}");
                }
            }
        }

        AssertNoProblems(problems, $"float {context} at {Show(x)}");
    }

    [Test]
    public void SecondOrderAdjoint_Float_AgreesWithNestedDuals()
    {
        Random random = new(11);
        for (int k = 0; k < 4; k++)
        {
            CheckFloatAgreement(new Rosenbrock(), Array.ConvertAll(RandomPoint(random, 10), v => (float)v), "Rosenbrock n = 10");
            CheckFloatAgreement(new Beale(), Array.ConvertAll(RandomPoint(random, 2, 2), v => (float)v), "Beale");
            CheckFloatAgreement(new Himmelblau(), Array.ConvertAll(RandomPoint(random, 2, 4), v => (float)v), "Himmelblau");
            CheckFloatAgreement(new HessianRowSegmentTests.KitchenSink(), Array.ConvertAll(RandomPoint(random, 9), v => (float)v), "KitchenSink n = 9");
            CheckFloatAgreement(new MixedSum(), Array.ConvertAll(RandomPoint(random, 17), v => (float)v), "MixedSum n = 17");
            CheckFloatAgreement(new LogSumExp(), Array.ConvertAll(RandomPoint(random, 5, 3), v => (float)v), "LogSumExp n = 5");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Special points: exactly the nested-dual bits (the fallback)
    // ---------------------------------------------------------------------------------------------------------------

    public readonly struct SqrtPlus : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => T.Sqrt(x[0]) + x[1];
    }

    public readonly struct LogTimes : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => (T.Log(x[0]) * x[1]) + (x[1] * x[1]);
    }

    public readonly struct PowXY : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => T.Pow(x[0], x[1]);
    }

    public readonly struct Atan2XY : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => T.Atan2(x[0], x[1]);
    }

    /// <summary>Functions with finite limits at ±∞: an infinite input with (possibly) finite value and partials.</summary>
    public readonly struct SaturatingInfinity : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => (T.Exp(x[0] < T.Zero ? x[0] : -x[0]) * x[1]) + (T.Tanh(x[1]) * T.Atan(x[0])) + (x[1] / x[0]);
    }

    /// <summary>Non-finite local partials whose effect nesting removes (strong zeros, a dead node): f = x1² + g(x0) with g chosen by <see cref="Kind"/>.</summary>
    public readonly struct HiddenInfinity : IMultivariateFunction
    {
        public HiddenInfinity(int kind) => Kind = kind;

        public int Kind { get; }

        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T square = x[1] * x[1];
            switch (Kind)
            {
                case 0:
                    T dead = T.Sqrt(x[0]);   // computed and dropped: ∂ = +∞ on a node that does not reach f
                    return dead > T.One ? square + T.One : square;
                case 1:
                    return square + T.Sqrt(x[0] - x[0]);   // √ at 0 of an argument with an exactly zero tangent
                case 2:
                    return square + (T.Log(x[0] * T.Zero) * T.Zero);   // log at 0 of a constant-zero product
                default:
                    return square + (T.Sqrt(x[0]) * T.Zero);   // a zero value times an infinite derivative (NaN by the conventions)
            }
        }
    }

    public readonly struct Radius : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => T.Sqrt((x[0] * x[0]) + (x[1] * x[1]));
    }

    public readonly struct HypotXY : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => T.Hypot(x[0], x[1]) + (x[0] * x[1]);
    }

    public readonly struct ExpOverflow : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => T.Exp(T.CreateTruncating(800) * x[0]) + (x[0] * x[1]);
    }

    /// <summary>Every local partial is finite (constants 1e300), but the product overflows: H[0, 1] = 1e600.</summary>
    public readonly struct ProductOverflow : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T big = T.CreateTruncating(1e300);
            return (big * x[0]) * (big * x[1]);
        }
    }

    private static IEnumerable<TestCaseData> SpecialCases()
    {
        static TestCaseData Case(IMultivariateFunction f, double[] x, string label) => new TestCaseData(f, x).SetArgDisplayNames(label);
        yield return Case(new SqrtPlus(), [0.0, 1.0], "Sqrt(x0) + x1 at (0, 1)");
        yield return Case(new SqrtPlus(), [-0.0, 1.0], "Sqrt(x0) + x1 at (-0, 1)");
        yield return Case(new LogTimes(), [0.0, 2.0], "Log(x0)·x1 + x1² at (0, 2)");
        yield return Case(new PowXY(), [0.0, 2.0], "Pow(x0, x1) at (0, 2)");
        yield return Case(new PowXY(), [0.0, 0.5], "Pow(x0, x1) at (0, 0.5)");
        yield return Case(new PowXY(), [0.0, 0.0], "Pow(x0, x1) at (0, 0)");
        yield return Case(new PowXY(), [0.0, 1.0], "Pow(x0, x1) at (0, 1)");
        yield return Case(new PowXY(), [-2.0, 3.0], "Pow(x0, x1) at (-2, 3)");
        yield return Case(new PowXY(), [0.0, 3.0], "Pow(x0, x1) at (0, 3)");
        yield return Case(new PowXY(), [0.5, double.PositiveInfinity], "Pow(x0, x1) at (0.5, +∞)");
        yield return Case(new PowXY(), [double.PositiveInfinity, -1.0], "Pow(x0, x1) at (+∞, −1)");
        yield return Case(new Atan2XY(), [1.0, double.PositiveInfinity], "Atan2(x0, x1) at (1, +∞)");
        yield return Case(new Atan2XY(), [double.PositiveInfinity, 2.0], "Atan2(x0, x1) at (+∞, 2)");
        yield return Case(new Atan2XY(), [double.NegativeInfinity, -1.0], "Atan2(x0, x1) at (−∞, −1)");
        yield return Case(new SaturatingInfinity(), [double.NegativeInfinity, 3.0], "Exp(x0)·x1 + Tanh(x1)·Atan(x0) + x1/x0 at (−∞, 3)");
        yield return Case(new SaturatingInfinity(), [double.PositiveInfinity, -2.0], "Exp(−x0)·x1 + … at (+∞, −2)");
        yield return Case(new HiddenInfinity(0), [0.0, 1.5], "x1² with a dead Sqrt(x0) at (0, 1.5)");
        yield return Case(new HiddenInfinity(1), [0.7, 1.5], "x1² + Sqrt(x0 − x0) at (0.7, 1.5)");
        yield return Case(new HiddenInfinity(2), [0.7, 1.5], "x1² + Log(x0·0)·0 at (0.7, 1.5)");
        yield return Case(new HiddenInfinity(3), [0.0, 1.5], "x1² + Sqrt(x0)·0 at (0, 1.5)");
        yield return Case(new Radius(), [0.0, 0.0], "Sqrt(x0² + x1²) at the origin");
        yield return Case(new HypotXY(), [0.0, 0.0], "Hypot(x0, x1) + x0·x1 at the origin");
        yield return Case(new ExpOverflow(), [1.0, 2.0], "Exp(800·x0) + x0·x1 at (1, 2)");
        yield return Case(new ProductOverflow(), [1.0, 1.0], "(1e300·x0)·(1e300·x1) at (1, 1)");
        double[] nan = Point(9, 3);
        nan[4] = double.NaN;
        yield return Case(new Rosenbrock(), nan, "Rosenbrock n = 9, x4 = NaN");
        double[] infinite = Point(9, 4);
        infinite[2] = double.PositiveInfinity;
        yield return Case(new Rosenbrock(), infinite, "Rosenbrock n = 9, x2 = +∞");
        double[] negativeInfinite = Point(6, 5);
        negativeInfinite[5] = double.NegativeInfinity;
        yield return Case(new MixedSum(), negativeInfinite, "MixedSum n = 6, x5 = −∞");
        yield return Case(new HessianRowSegmentTests.KitchenSink(), new[] { 0.0, -0.0, 1.0, -1.0, 0.5 }, "KitchenSink at (0, −0, 1, −1, 0.5)");
        yield return Case(new HessianRowSegmentTests.KitchenSink(), new[] { 0.0, 0.0, 0.0, 0.0, 0.0 }, "KitchenSink at 0");
        yield return Case(new HessianRowSegmentTests.KitchenSink(), new[] { double.NaN, 0.3, -0.7, 1.1, 2.0 }, "KitchenSink, x0 = NaN");
        yield return Case(new HessianRowSegmentTests.KitchenSink(), new[] { 1e-300, -1e300, 0.25, double.PositiveInfinity, -0.5 }, "KitchenSink, extremes and +∞");
    }

    private static void CheckSameBitsAsNested<TFunction>(TFunction f, double[] x, int chunk, bool parallel, string context)
        where TFunction : IMultivariateFunction
    {
        int n = x.Length;
        HessianResult<double> adjoint = Run(f, x, Adjoint<double>(n, chunk, parallel));
        HessianResult<double> nested = Run(f, x, Nested<double>(n, chunk, parallel));
        double[] span = new double[n * n];
        double returned = AutoDiff.Hessian(f, x, span, Adjoint<double>(n, chunk, parallel));
        List<string> problems = [];
        if (!SameBits(adjoint.Value, nested.Value))
        {
            problems.Add($"value {Show(adjoint.Value)} vs nested {Show(nested.Value)}");
        }

        if (!SameBits(returned, nested.Value))
        {
            problems.Add($"span form returned {Show(returned)} vs nested value {Show(nested.Value)}");
        }

        for (int i = 0; i < n; i++)
        {
            if (!SameBits(adjoint.Gradient[i], nested.Gradient[i]))
            {
                problems.Add($"gradient[{i}] {Show(adjoint.Gradient[i])} vs nested {Show(nested.Gradient[i])}");
            }

            for (int j = 0; j < n; j++)
            {
                if (!SameBits(adjoint.Hessian[i, j], nested.Hessian[i, j]))
                {
                    problems.Add($"H[{i}, {j}] {Show(adjoint.Hessian[i, j])} vs nested {Show(nested.Hessian[i, j])}");
                }

                if (!SameBits(span[(i * n) + j], nested.Hessian[i, j]))
                {
                    problems.Add($"H[{i}, {j}] span form {Show(span[(i * n) + j])} vs nested {Show(nested.Hessian[i, j])}");
                }
            }
        }

        AssertNoProblems(problems, $"{context} at {Show(x)} (chunk {chunk}, parallel {parallel})");
    }

    [TestCaseSource(nameof(SpecialCases))]
    public void SecondOrderAdjoint_AtSpecialPoints_GivesExactlyTheNestedDualBits(IMultivariateFunction f, double[] x)
    {
        // the function arrives boxed; dispatch on its type so the generic verbs see the struct
        string context = f.GetType().Name;
        foreach ((int chunk, bool parallel) in new[] { (0, false), (3, false), (0, true) })
        {
            switch (f)
            {
                case SqrtPlus g: CheckSameBitsAsNested(g, x, chunk, parallel, context); break;
                case LogTimes g: CheckSameBitsAsNested(g, x, chunk, parallel, context); break;
                case PowXY g: CheckSameBitsAsNested(g, x, chunk, parallel, context); break;
                case Radius g: CheckSameBitsAsNested(g, x, chunk, parallel, context); break;
                case Atan2XY g: CheckSameBitsAsNested(g, x, chunk, parallel, context); break;
                case HiddenInfinity g: CheckSameBitsAsNested(g, x, chunk, parallel, $"{context}({g.Kind})"); break;
                case SaturatingInfinity g: CheckSameBitsAsNested(g, x, chunk, parallel, context); break;
                case HypotXY g: CheckSameBitsAsNested(g, x, chunk, parallel, context); break;
                case ExpOverflow g: CheckSameBitsAsNested(g, x, chunk, parallel, context); break;
                case ProductOverflow g: CheckSameBitsAsNested(g, x, chunk, parallel, context); break;
                case Rosenbrock g: CheckSameBitsAsNested(g, x, chunk, parallel, context); break;
                case MixedSum g: CheckSameBitsAsNested(g, x, chunk, parallel, context); break;
                case HessianRowSegmentTests.KitchenSink g: CheckSameBitsAsNested(g, x, chunk, parallel, context); break;
                default: Assert.Fail($"no dispatch for {context}"); break;
            }
        }
    }

    [Test]
    public void SpecialPointCases_ReallyReachNonFiniteValues()
    {
        // guards the special-point test against checking only ordinary points: these cases really produce non-finite
        // second partials (nested duals, the reference)
        Assert.Multiple(() =>
        {
            Assert.That(double.IsFinite(AutoDiff.Hessian(new SqrtPlus(), [0.0, 1.0], Nested<double>(2))[0, 0]), Is.False, "Sqrt at 0: f″ is not finite");
            Assert.That(double.IsFinite(AutoDiff.Hessian(new LogTimes(), [0.0, 2.0], Nested<double>(2))[0, 0]), Is.False, "Log at 0: f″ is not finite");
            Assert.That(AutoDiff.Hessian(new ExpOverflow(), [1.0, 2.0], Nested<double>(2))[0, 0], Is.EqualTo(double.PositiveInfinity), "exp(800) overflows");
            Assert.That(AutoDiff.Hessian(new ProductOverflow(), [1.0, 1.0], Nested<double>(2))[0, 1], Is.EqualTo(double.PositiveInfinity), "1e300·1e300 overflows");
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Symmetry, chunk sizes, parallelism
    // ---------------------------------------------------------------------------------------------------------------

    [Test]
    public void SecondOrderAdjoint_IsExactlySymmetric([Range(1, 20)] int n)
    {
        Random random = new(500 + n);
        for (int k = 0; k < 3; k++)
        {
            double[] x = RandomPoint(random, n);
            foreach ((string name, double[,] h) in new[]
            {
                ("KitchenSink", AutoDiff.Hessian(new HessianRowSegmentTests.KitchenSink(), x, Adjoint<double>(n))),
                ("MixedSum", AutoDiff.Hessian(new MixedSum(), x, Adjoint<double>(n))),
                ("MixedSum chunk 3", AutoDiff.Hessian(new MixedSum(), x, Adjoint<double>(n, 3))),
            })
            {
                List<string> problems = [];
                for (int i = 0; i < n; i++)
                {
                    for (int j = i + 1; j < n; j++)
                    {
                        if (!SameBits(h[i, j], h[j, i]))
                        {
                            problems.Add($"H[{i}, {j}] = {Show(h[i, j])} but H[{j}, {i}] = {Show(h[j, i])}");
                        }
                    }
                }

                AssertNoProblems(problems, $"{name} n = {n} at {Show(x)}");
            }
        }
    }

    private static readonly int[] ValidChunkSizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16];

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(8)]
    [TestCase(9)]
    [TestCase(17)]
    [TestCase(40)]
    public void SecondOrderAdjoint_IsBitIdentical_AcrossChunkSizesAndParallel(int n)
    {
        double[] x = RandomPoint(new Random(600 + n), n);
        HessianRowSegmentTests.KitchenSink f = new();
        HessianResult<double> reference = Run(f, x, Adjoint<double>(n));
        List<string> problems = [];
        foreach (int chunk in ValidChunkSizes.Prepend(0))
        {
            foreach (bool parallel in new[] { false, true })
            {
                if (chunk == 0 && !parallel)
                {
                    continue;
                }

                HessianResult<double> r = Run(f, x, Adjoint<double>(n, chunk, parallel));
                string what = $"chunk {chunk}{(parallel ? ", parallel" : string.Empty)}";
                if (!SameBits(r.Value, reference.Value))
                {
                    problems.Add($"{what}: value {Show(r.Value)} vs {Show(reference.Value)}");
                }

                for (int i = 0; i < n; i++)
                {
                    if (!SameBits(r.Gradient[i], reference.Gradient[i]))
                    {
                        problems.Add($"{what}: gradient[{i}] {Show(r.Gradient[i])} vs {Show(reference.Gradient[i])}");
                    }

                    for (int j = 0; j < n; j++)
                    {
                        if (!SameBits(r.Hessian[i, j], reference.Hessian[i, j]))
                        {
                            problems.Add($"{what}: H[{i}, {j}] {Show(r.Hessian[i, j])} vs automatic serial {Show(reference.Hessian[i, j])}");
                        }
                    }
                }
            }
        }

        AssertNoProblems(problems, $"KitchenSink n = {n} at {Show(x)}");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Degenerate functions
    // ---------------------------------------------------------------------------------------------------------------

    public readonly struct Constant : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => T.CreateTruncating(2.5);
    }

    public readonly struct ConstantPlusSum : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T sum = T.CreateTruncating(3.25);
            foreach (T xi in x)
            {
                sum += xi * xi;
            }

            return sum;
        }
    }

    public readonly struct Component : IMultivariateFunction
    {
        private readonly int index;

        public Component(int index) => this.index = index;

        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => x[index];
    }

    /// <summary>sin(x₀)·x₂ + x₂²: x₁, x₃, x₄, x₅ are ignored.</summary>
    public readonly struct IgnoresSome : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => (T.Sin(x[0]) * x[2]) + (x[2] * x[2]);
    }

    [Test]
    public void SecondOrderAdjoint_EmptyInput_GivesEmptyHessianAndTheValue()
    {
        HessianConfig<double> config = Adjoint<double>(0);
        HessianResult<double> result = new(0);
        AutoDiff.Hessian(new ConstantPlusSum(), ReadOnlySpan<double>.Empty, result, config);
        Assert.Multiple(() =>
        {
            Assert.That(AutoDiff.Hessian(new ConstantPlusSum(), ReadOnlySpan<double>.Empty, config), Is.Empty, "n = 0: empty H");
            Assert.That(AutoDiff.Hessian(new ConstantPlusSum(), ReadOnlySpan<double>.Empty, Span<double>.Empty, config), Is.EqualTo(3.25), "n = 0: the span form returns f(x)");
            Assert.That(result.Value, Is.EqualTo(3.25), "n = 0: the result form holds f(x)");
            Assert.That(result.Gradient, Is.Empty);
        });
    }

    [Test]
    public void SecondOrderAdjoint_ConstantFunction_GivesZeroHessianAndGradient()
    {
        double[] x = Point(4, 9);
        HessianResult<double> result = Run(new Constant(), x, Adjoint<double>(4));
        HessianResult<double> nested = Run(new Constant(), x, Nested<double>(4));
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.EqualTo(2.5), "constant function: value");
            Assert.That(result.Gradient, Is.All.EqualTo(0.0), "constant function: gradient");
            Assert.That(result.Hessian, Is.All.EqualTo(0.0), "constant function: H");
            Assert.That(result.Hessian, Is.EqualTo(nested.Hessian), "constant function: H as nested");
        });
    }

    [TestCase(0)]
    [TestCase(2)]
    [TestCase(4)]
    public void SecondOrderAdjoint_OneInputReturned_GivesZeroHessianAndUnitGradient(int index)
    {
        double[] x = Point(5, 10 + index);
        HessianResult<double> result = Run(new Component(index), x, Adjoint<double>(5));
        double[] unit = new double[5];
        unit[index] = 1;
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.EqualTo(x[index]), $"f = x{index}: value");
            Assert.That(result.Gradient, Is.EqualTo(unit), $"f = x{index}: gradient e{index}");
            Assert.That(result.Hessian, Is.All.EqualTo(0.0), $"f = x{index}: H");
        });
    }

    [Test]
    public void SecondOrderAdjoint_IgnoredInputs_HaveZeroRowsAndColumns()
    {
        double[] x = Point(6, 12);
        HessianResult<double> result = Run(new IgnoresSome(), x, Adjoint<double>(6));
        HessianResult<double> nested = Run(new IgnoresSome(), x, Nested<double>(6));
        double[,] expected = new double[6, 6];
        expected[0, 0] = -Math.Sin(x[0]) * x[2];
        expected[0, 2] = expected[2, 0] = Math.Cos(x[0]);
        expected[2, 2] = 2;
        double[] gradient = [Math.Cos(x[0]) * x[2], 0, Math.Sin(x[0]) + (2 * x[2]), 0, 0, 0];
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 6; i++)
            {
                Assert.That(result.Gradient[i], Is.EqualTo(gradient[i]).Within(1e-15), $"sin(x0)·x2 + x2²: gradient[{i}]");
                for (int j = 0; j < 6; j++)
                {
                    Assert.That(result.Hessian[i, j], Is.EqualTo(expected[i, j]).Within(1e-15), $"sin(x0)·x2 + x2²: H[{i}, {j}] analytic");
                    Assert.That(result.Hessian[i, j], Is.EqualTo(nested.Hessian[i, j]).Within(1e-15), $"sin(x0)·x2 + x2²: H[{i}, {j}] nested");
                }
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Allocation
    // ---------------------------------------------------------------------------------------------------------------

    [TestCase(10)]
    [TestCase(100)]
    public void SecondOrderAdjoint_WithConfigIntoSpan_AllocatesNothing(int n)
    {
        double[] x = Point(n, 13);
        double[] h = new double[n * n];
        HessianConfig<double> config = Adjoint<double>(n);
        AutoDiff.Hessian(new Rosenbrock(), x, h, config);
        AutoDiff.Hessian(new HessianRowSegmentTests.KitchenSink(), x, h, config);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.Hessian(new Rosenbrock(), x, h, config);
        long rosenbrock = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.Hessian(new HessianRowSegmentTests.KitchenSink(), x, h, config);
        long kitchenSink = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(rosenbrock, Is.Zero, $"Rosenbrock n = {n}: bytes allocated after warm-up");
            Assert.That(kitchenSink, Is.Zero, $"KitchenSink n = {n}: bytes allocated after warm-up");
        });
    }

    [Test]
    public void SecondOrderAdjoint_DefaultConfig_WithConfigIntoSpan_AllocatesNothing()
    {
        double[] x = Point(30, 14);
        double[] h = new double[900];
        HessianConfig<double> config = new(30);
        AutoDiff.Hessian(new Rosenbrock(), x, h, config);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.Hessian(new Rosenbrock(), x, h, config);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero, $"automatic config ({config.Method}), Rosenbrock n = 30");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Branches and nested differentiation inside f
    // ---------------------------------------------------------------------------------------------------------------

    public readonly struct Branchy : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T r;
            if (x[0] > x[1])
            {
                r = (x[0] * x[0] * x[1]) + (T.Sin(x[1]) * x[2]);
            }
            else
            {
                r = (T.Exp(x[0]) * x[1] * x[1] * x[1]) - (x[2] * x[0]);
            }

            return r + (T.Abs(x[0] - x[2]) * x[1]) + (T.Abs(x[1] * x[2]) * x[0]);
        }
    }

    [Test]
    public void SecondOrderAdjoint_Branches_FollowTheValueAndAgreeWithNestedDuals()
    {
        double[][] points =
        [
            [1.3, 0.4, -0.7],   // x0 > x1, x0 − x2 > 0, x1·x2 < 0
            [0.2, 0.9, 1.1],    // x0 < x1, x0 − x2 < 0, x1·x2 > 0
            [-0.5, -0.2, -1.4], // x0 < x1, x0 − x2 > 0, x1·x2 > 0
            [0.8, -1.1, 1.6],   // x0 > x1, x0 − x2 < 0, x1·x2 < 0
        ];
        foreach (double[] x in points)
        {
            CheckAgreementNamed(new Branchy(), x, $"branchy ({(x[0] > x[1] ? "x0 > x1" : "x0 ≤ x1")})");
        }

        // the two branches really differ: ∂²f/∂x1² = 0 + (x0 > x1: −sin(x1)·x2 ; else 6·exp(x0)·x1)
        double[,] upper = AutoDiff.Hessian(new Branchy(), points[0], Adjoint<double>(3));
        double[,] lower = AutoDiff.Hessian(new Branchy(), points[1], Adjoint<double>(3));
        Assert.Multiple(() =>
        {
            Assert.That(upper[1, 1], Is.EqualTo(-Math.Sin(0.4) * -0.7).Within(1e-14), "x0 > x1 branch: H[1, 1] = −sin(x1)·x2");
            Assert.That(lower[1, 1], Is.EqualTo(6 * Math.Exp(0.2) * 0.9).Within(1e-13), "x0 ≤ x1 branch: H[1, 1] = 6·exp(x0)·x1");
        });
    }

    /// <summary>f = x₁ · d/dt[sin(x₀t)·t] at t = x₁ + x₀²x₂, the derivative taken inside f by AutoDiff.Derivative on a lambda closing over x₀.</summary>
    public readonly struct NestedDerivative : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T x0 = x[0];
            T inner = AutoDiff.Derivative<T>(t => Dual<T>.Sin(Dual<T>.Constant(x0) * t) * t, x[1]);
            return (x[1] * inner) + (x0 * x0 * x[2]);
        }
    }

    [Test]
    public void SecondOrderAdjoint_NestedDerivativeInsideF_AgreesWithNestedDualsAndClosedForm()
    {
        Random random = new(15);
        for (int k = 0; k < 6; k++)
        {
            double[] x = RandomPoint(random, 3);
            CheckAgreementNamed(new NestedDerivative(), x, "x1·d/dt[sin(x0·t)·t](x1) + x0²·x2");

            // closed form: f = x1·(x0·x1·cos(x0x1) + sin(x0x1)) + x0²x2; check one entry independently
            double a = x[0], b = x[1], c = x[2];
            double h22 = 0, h02 = 2 * a;
            double[,] h = AutoDiff.Hessian(new NestedDerivative(), x, Adjoint<double>(3));
            Assert.That(h[2, 2], Is.EqualTo(h22), $"nested derivative: H[2, 2] at {Show(x)}");
            Assert.That(h[0, 2], Is.EqualTo(h02).Within(1e-14), $"nested derivative: H[0, 2] = 2·x0 at {Show(x)}");
            double value = (b * ((a * b * Math.Cos(a * b)) + Math.Sin(a * b))) + (a * a * c);
            Assert.That(new NestedDerivative().Invoke<double>(x), Is.EqualTo(value).Within(1e-14), $"nested derivative: value at {Show(x)}");
        }
    }

    /// <summary>Equality with a constant reads the perturbation too (CONVENTIONS.md): a perturbed x₀ = 0 is not == 0, so the else branch is differentiated.</summary>
    public readonly struct ZeroGuard : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => x[0] == T.Zero || T.IsZero(x[0]) ? T.Zero : (x[0] * x[0] * x[1]) + T.Sin(x[1]);
    }

    [Test]
    public void SecondOrderAdjoint_EqualityWithAConstant_ReadsThePerturbation()
    {
        double[] x = [0.0, 1.5];
        HessianResult<double> adjoint = Run(new ZeroGuard(), x, Adjoint<double>(2));
        HessianResult<double> nested = Run(new ZeroGuard(), x, Nested<double>(2));
        Assert.Multiple(() =>
        {
            Assert.That(adjoint.Hessian[0, 0], Is.EqualTo(3.0), "x0 == 0 ? 0 : x0²x1 + sin x1 at (0, 1.5): H[0, 0] = 2·x1 (else branch)");
            Assert.That(adjoint.Hessian[1, 1], Is.EqualTo(-Math.Sin(1.5)).Within(1e-15), "H[1, 1] = −sin x1");
            Assert.That(adjoint.Hessian, Is.EqualTo(nested.Hessian), "as nested duals");
            Assert.That(adjoint.Gradient, Is.EqualTo(nested.Gradient), "gradient as nested duals");
        });
    }

    /// <summary>f computes a constant with a plain double Hessian (second-order adjoint, on the same thread) while it is itself being taped.</summary>
    public readonly struct Reentrant : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T head = x[0] * x[1];
            double c = AutoDiff.Hessian(new Rosenbrock(), [1.2, 1.0], new HessianConfig<double>(2, method: HessianMethod.SecondOrderAdjoint))[0, 0];   // 1330
            return (head * x[0] * T.CreateTruncating(c)) + T.Sin(x[1]) + (x[2] * head);
        }
    }

    [Test]
    public void SecondOrderAdjoint_ReentrantHessianInsideF_AgreesWithNestedDuals()
    {
        double[] x = [0.3, -0.8, 1.1];
        CheckAgreementNamed(new Reentrant(), x, "f with a double Hessian inside");
        double[,] h = AutoDiff.Hessian(new Reentrant(), x, Adjoint<double>(3));
        // f = 1330·x0²x1 + sin x1 + x0x1x2
        double[,] expected =
        {
            { 2 * 1330 * x[1], (2 * 1330 * x[0]) + x[2], x[1] },
            { (2 * 1330 * x[0]) + x[2], -Math.Sin(x[1]), x[0] },
            { x[1], x[0], 0 },
        };
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    Assert.That(h[i, j], Is.EqualTo(expected[i, j]).Within(1e-12 * Math.Max(1, Math.Abs(expected[i, j]))), $"reentrant f: H[{i}, {j}] closed form");
                }
            }
        });
    }

    [Test]
    public void SecondOrderAdjoint_ConfigReusedAcrossFunctionsAndPoints_GivesTheFreshConfigBits()
    {
        // a tape left over from a longer or different function must not leak into the next call
        int n = 12;
        HessianConfig<double> shared = Adjoint<double>(n);
        double[] x1 = Point(n, 20), x2 = Point(n, 21);
        (string Name, Func<HessianConfig<double>, double[,]> Evaluate)[] calls =
        [
            ("KitchenSink at x1", c => AutoDiff.Hessian(new HessianRowSegmentTests.KitchenSink(), x1, c)),
            ("Rosenbrock at x1", c => AutoDiff.Hessian(new Rosenbrock(), x1, c)),
            ("MixedSum at x2", c => AutoDiff.Hessian(new MixedSum(), x2, c)),
            ("Constant at x2", c => AutoDiff.Hessian(new Constant(), x2, c)),
            ("Rosenbrock with NaN (fallback)", c => AutoDiff.Hessian(new Rosenbrock(), Enumerable.Repeat(double.NaN, n).ToArray(), c)),
            ("KitchenSink at x2", c => AutoDiff.Hessian(new HessianRowSegmentTests.KitchenSink(), x2, c)),
            ("Rosenbrock at x2", c => AutoDiff.Hessian(new Rosenbrock(), x2, c)),
        ];
        List<string> problems = [];
        foreach ((string name, Func<HessianConfig<double>, double[,]> evaluate) in calls)
        {
            double[,] reused = evaluate(shared);
            double[,] fresh = evaluate(Adjoint<double>(n));
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    if (!SameBits(reused[i, j], fresh[i, j]))
                    {
                        problems.Add($"{name}: H[{i}, {j}] reused config {Show(reused[i, j])} vs fresh {Show(fresh[i, j])}");
                    }
                }
            }
        }

        AssertNoProblems(problems, "one config reused");
    }

    [Test]
    public void SecondOrderAdjoint_Float_AtSpecialPoints_GivesExactlyTheNestedDualBits()
    {
        (string Name, float[] X)[] points =
        [
            ("Sqrt(x0) + x1 at (0, 1)", [0f, 1f]),
            ("Rosenbrock with x2 = NaN", [0.5f, -0.3f, float.NaN, 1.2f]),
            ("Rosenbrock with x1 = +∞", [0.5f, float.PositiveInfinity, 0.7f]),
        ];
        foreach ((string name, float[] x) in points)
        {
            int n = x.Length;
            HessianResult<float> adjoint = name.StartsWith("Sqrt", StringComparison.Ordinal) ? Run(new SqrtPlus(), x, Adjoint<float>(n)) : Run(new Rosenbrock(), x, Adjoint<float>(n));
            HessianResult<float> nested = name.StartsWith("Sqrt", StringComparison.Ordinal) ? Run(new SqrtPlus(), x, Nested<float>(n)) : Run(new Rosenbrock(), x, Nested<float>(n));
            List<string> problems = [];
            static bool Same(float a, float b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b) || (float.IsNaN(a) && float.IsNaN(b));
            for (int i = 0; i < n; i++)
            {
                if (!Same(adjoint.Gradient[i], nested.Gradient[i]))
                {
                    problems.Add($"gradient[{i}] {adjoint.Gradient[i]:R} vs nested {nested.Gradient[i]:R}");
                }

                for (int j = 0; j < n; j++)
                {
                    if (!Same(adjoint.Hessian[i, j], nested.Hessian[i, j]))
                    {
                        problems.Add($"H[{i}, {j}] {adjoint.Hessian[i, j]:R} vs nested {nested.Hessian[i, j]:R}");
                    }
                }
            }

            AssertNoProblems(problems, $"float {name} at {Show(x)}");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Method resolution
    // ---------------------------------------------------------------------------------------------------------------

    [Test]
    public void HessianConfig_Method_Resolution()
    {
        HessianMethod automatic = Vector128.IsHardwareAccelerated ? HessianMethod.SecondOrderAdjoint : HessianMethod.NestedDuals;
        Assert.Multiple(() =>
        {
            Assert.That(new HessianConfig<double>(3).Method, Is.EqualTo(automatic), "double, default");
            Assert.That(new HessianConfig<double>(3, 4, parallel: true).Method, Is.EqualTo(automatic), "double, chunk 4, parallel");
            Assert.That(new HessianConfig<float>(3).Method, Is.EqualTo(automatic), "float, default");
            Assert.That(new HessianConfig<double>(3, method: HessianMethod.Automatic).Method, Is.EqualTo(automatic), "double, Automatic");
            Assert.That(new HessianConfig<double>(3, method: HessianMethod.SecondOrderAdjoint).Method, Is.EqualTo(HessianMethod.SecondOrderAdjoint), "double, SecondOrderAdjoint requested");
            Assert.That(new HessianConfig<float>(3, method: HessianMethod.SecondOrderAdjoint).Method, Is.EqualTo(HessianMethod.SecondOrderAdjoint), "float, SecondOrderAdjoint requested");
            Assert.That(new HessianConfig<double>(3, method: HessianMethod.NestedDuals).Method, Is.EqualTo(HessianMethod.NestedDuals), "double, NestedDuals requested");
            Assert.That(new HessianConfig<Half>(3).Method, Is.EqualTo(HessianMethod.NestedDuals), "Half, default");
            Assert.That(new HessianConfig<Dual<double>>(3).Method, Is.EqualTo(HessianMethod.NestedDuals), "Dual<double>, default");
            Assert.Catch<ArgumentException>(() => _ = new HessianConfig<Half>(3, method: HessianMethod.SecondOrderAdjoint), "Half with SecondOrderAdjoint");
            Assert.Catch<ArgumentException>(() => _ = new HessianConfig<Dual<double>>(3, method: HessianMethod.SecondOrderAdjoint), "Dual<double> with SecondOrderAdjoint");
        });
    }

    [Test]
    public void DefaultConfig_UsesTheResolvedMethod()
    {
        // the automatic config gives exactly what its resolved method gives
        double[] x = Point(11, 16);
        HessianConfig<double> automatic = new(11);
        double[,] viaDefault = AutoDiff.Hessian(new HessianRowSegmentTests.KitchenSink(), x, automatic);
        double[,] viaMethod = AutoDiff.Hessian(new HessianRowSegmentTests.KitchenSink(), x, new HessianConfig<double>(11, method: automatic.Method));
        double[,] viaNoConfig = AutoDiff.Hessian(new HessianRowSegmentTests.KitchenSink(), x);
        List<string> problems = [];
        for (int i = 0; i < 11; i++)
        {
            for (int j = 0; j < 11; j++)
            {
                if (!SameBits(viaDefault[i, j], viaMethod[i, j]) || !SameBits(viaNoConfig[i, j], viaMethod[i, j]))
                {
                    problems.Add($"H[{i}, {j}]: default config {Show(viaDefault[i, j])}, no config {Show(viaNoConfig[i, j])}, explicit {automatic.Method} {Show(viaMethod[i, j])}");
                }
            }
        }

        AssertNoProblems(problems, $"KitchenSink n = 11, resolved {automatic.Method}");
    }

    public readonly struct LambdaTwin : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
            => (T.Sin(x[0]) * T.Exp(x[1] / (T.One + (x[2] * x[2])))) + (x[0] / (T.CreateTruncating(2) + T.Cos(x[1] * x[2])));
    }

    [Test]
    public void LambdaOverload_KeepsNestedDuals()
    {
        double[] x = [0.7, -1.3, 0.4];
        double[,] lambda = AutoDiff.Hessian(v => new LambdaTwin().Invoke(v), x);
        double[,] nested = AutoDiff.Hessian(new LambdaTwin(), x, Nested<double>(3));
        List<string> problems = [];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                if (!SameBits(lambda[i, j], nested[i, j]))
                {
                    problems.Add($"H[{i}, {j}] lambda {Show(lambda[i, j])} vs NestedDuals {Show(nested[i, j])}");
                }
            }
        }

        AssertNoProblems(problems, "lambda overload at (0.7, −1.3, 0.4)");
    }
}

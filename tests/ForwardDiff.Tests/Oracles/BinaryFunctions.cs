using System.Numerics;

namespace ForwardDiff.Tests.Oracles;

/// <summary>The gradient and Hessian of f(x, y) at a point, as closed forms.</summary>
/// <param name="Dx">∂f/∂x.</param>
/// <param name="Dy">∂f/∂y.</param>
/// <param name="Dxx">∂²f/∂x².</param>
/// <param name="Dxy">∂²f/∂x∂y.</param>
/// <param name="Dyy">∂²f/∂y².</param>
public readonly record struct Partials(double Dx, double Dy, double Dxx, double Dxy, double Dyy);

/// <summary>A function of two arguments with its closed-form partials and the region where it is smooth.</summary>
/// <param name="Name">The function.</param>
/// <param name="Closed">Closed-form partials.</param>
/// <param name="Valid">Where f is smooth.</param>
/// <param name="RelativeTolerance">Tolerance against the closed forms.</param>
public sealed record BinaryFunction(string Name, Func<double, double, Partials> Closed, Func<double, double, bool> Valid, double RelativeTolerance = 1e-13)
{
    /// <summary>Whether finite differences apply (false for piecewise functions whose jumps are near the grid).</summary>
    public bool FiniteDifferenceApplies { get; init; } = true;

    /// <summary>Evaluates f on any number type.</summary>
    public T Apply<T>(T x, T y)
        where T : IFloatingPointIeee754<T>
        => BinaryFunctions.Apply(Name, x, y);

    /// <summary>The grid pairs where f is checked.</summary>
    public IEnumerable<(double X, double Y)> Points
        => from x in BinaryFunctions.Grid from y in BinaryFunctions.Grid where Valid(x, y) select (x, y);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>The table of binary functions the oracle tests walk.</summary>
public static class BinaryFunctions
{
    /// <summary>Both coordinates take these values.</summary>
    public static readonly double[] Grid = [-7.5, -2, -1, -0.3, 0, 0.3, 0.5, 1, 1.7, 3, 12];

    /// <summary>Evaluates the named function on any generic-math number type.</summary>
    public static T Apply<T>(string name, T x, T y)
        where T : IFloatingPointIeee754<T>
        => name switch
        {
            "x + y" => x + y,
            "x - y" => x - y,
            "x * y" => x * y,
            "x / y" => x / y,
            "x % y" => x % y,
            "Ieee754Remainder" => T.Ieee754Remainder(x, y),
            "Pow" => T.Pow(x, y),
            "Atan2" => T.Atan2(x, y),
            "Atan2Pi" => T.Atan2Pi(x, y),
            "Hypot" => T.Hypot(x, y),
            "Log(x, y)" => T.Log(x, y),
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
            "Lerp(x, y, 0.25)" => T.Lerp(x, y, T.CreateChecked(0.25)),
            "Lerp(x, 2, y)" => T.Lerp(x, T.CreateChecked(2), y),
            "Clamp(2, x, y)" => T.Clamp(T.CreateChecked(2), x, y),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown function."),
        };

    private static double Sq(double x) => x * x;

    private static Partials PowPartials(double x, double y)
    {
        double p = Math.Pow(x, y);
        double l = Math.Log(x);
        return new(y * Math.Pow(x, y - 1), p * l, y * (y - 1) * Math.Pow(x, y - 2), Math.Pow(x, y - 1) * (1 + (y * l)), p * l * l);
    }

    private static Partials Atan2Partials(double a, double b, double scale)
    {
        double r2 = (a * a) + (b * b);
        return new(scale * b / r2, -scale * a / r2, -scale * 2 * a * b / (r2 * r2), scale * ((a * a) - (b * b)) / (r2 * r2), scale * 2 * a * b / (r2 * r2));
    }

    private static Partials LogBasePartials(double a, double b)
    {
        double la = Math.Log(a);
        double lb = Math.Log(b);
        return new(1 / (a * lb), -la / (b * lb * lb), -1 / (a * a * lb), -1 / (a * b * lb * lb), la * (lb + 2) / (b * b * lb * lb * lb));
    }

    private static Partials HypotPartials(double a, double b)
    {
        double h = Math.Sqrt((a * a) + (b * b));
        double h3 = h * h * h;
        return new(a / h, b / h, b * b / h3, -a * b / h3, a * a / h3);
    }

    private static double Indicator(bool condition) => condition ? 1 : 0;

    /// <summary>Every binary function of the table.</summary>
    public static readonly BinaryFunction[] All =
    [
        new("x + y", (_, _) => new(1, 1, 0, 0, 0), (_, _) => true),
        new("x - y", (_, _) => new(1, -1, 0, 0, 0), (_, _) => true),
        new("x * y", (x, y) => new(y, x, 0, 1, 0), (_, _) => true),
        new("x / y", (x, y) => new(1 / y, -x / (y * y), 0, -1 / (y * y), 2 * x / (y * y * y)), (_, y) => y != 0),
        new("x % y", (x, y) => new(1, -Math.Truncate(x / y), 0, 0, 0), (x, y) => y != 0 && Math.Abs(Math.IEEERemainder(x / y, 1)) > 1e-9) { FiniteDifferenceApplies = false },
        new("Ieee754Remainder", (x, y) => new(1, -Math.Round(x / y, MidpointRounding.ToEven), 0, 0, 0), (x, y) => y != 0 && Math.Abs(Math.Abs(Math.IEEERemainder(x / y, 1)) - 0.5) > 1e-9) { FiniteDifferenceApplies = false },
        new("Pow", PowPartials, (x, _) => x > 0, 1e-12),
        new("Atan2", (a, b) => Atan2Partials(a, b, 1), (a, b) => a != 0 || b > 0, 1e-12),
        new("Atan2Pi", (a, b) => Atan2Partials(a, b, 1 / Math.PI), (a, b) => a != 0 || b > 0, 1e-12),
        new("Hypot", HypotPartials, (a, b) => a != 0 || b != 0, 1e-12),
        new("Log(x, y)", LogBasePartials, (a, b) => a > 0 && b > 0 && b != 1, 1e-12),
        new("Max", (x, y) => new(Indicator(x > y), Indicator(y > x), 0, 0, 0), (x, y) => x != y),
        new("Min", (x, y) => new(Indicator(x < y), Indicator(y < x), 0, 0, 0), (x, y) => x != y),
        new("MaxNumber", (x, y) => new(Indicator(x > y), Indicator(y > x), 0, 0, 0), (x, y) => x != y),
        new("MinNumber", (x, y) => new(Indicator(x < y), Indicator(y < x), 0, 0, 0), (x, y) => x != y),
        new("MaxMagnitude", (x, y) => new(Indicator(Math.Abs(x) > Math.Abs(y)), Indicator(Math.Abs(y) > Math.Abs(x)), 0, 0, 0), (x, y) => Math.Abs(x) != Math.Abs(y)),
        new("MinMagnitude", (x, y) => new(Indicator(Math.Abs(x) < Math.Abs(y)), Indicator(Math.Abs(y) < Math.Abs(x)), 0, 0, 0), (x, y) => Math.Abs(x) != Math.Abs(y)),
        new("MaxMagnitudeNumber", (x, y) => new(Indicator(Math.Abs(x) > Math.Abs(y)), Indicator(Math.Abs(y) > Math.Abs(x)), 0, 0, 0), (x, y) => Math.Abs(x) != Math.Abs(y)),
        new("MinMagnitudeNumber", (x, y) => new(Indicator(Math.Abs(x) < Math.Abs(y)), Indicator(Math.Abs(y) < Math.Abs(x)), 0, 0, 0), (x, y) => Math.Abs(x) != Math.Abs(y)),
        new("CopySign", (x, y) => new(Math.Sign(x) * Math.Sign(y), 0, 0, 0, 0), (x, y) => x != 0 && y != 0),
        new("FusedMultiplyAdd(x, y, x)", (x, y) => new(y + 1, x, 0, 1, 0), (_, _) => true),
        new("Lerp(x, y, 0.25)", (_, _) => new(0.75, 0.25, 0, 0, 0), (_, _) => true),

        // Lerp(x, 2, t) = x + (2 − x) t.
        new("Lerp(x, 2, y)", (x, y) => new(1 - y, 2 - x, 0, -1, 0), (_, _) => true),

        // Clamp(2, lo, hi) is lo when 2 < lo, hi when 2 > hi, else the constant 2.
        new("Clamp(2, x, y)", (x, y) => new(Indicator(x > 2), Indicator(y < 2), 0, 0, 0), (x, y) => x < y && x != 2 && y != 2) { FiniteDifferenceApplies = false },
    ];
}

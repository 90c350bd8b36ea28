namespace ForwardDiff.Tests.Oracles;

/// <summary>
/// An independent derivative oracle: Ridders' extrapolation of central differences. Central differences
/// D(h) = (f(x + h) − f(x − h)) / 2h have error c₂h² + c₄h⁴ + …; evaluating D at a geometric sequence of
/// steps and extrapolating h → 0 with a Neville tableau removes those terms one by one. The tableau also
/// yields an error estimate (the change between neighbouring entries), and the iteration stops as soon as
/// rounding makes the estimate grow, so the result comes with a bound that the tests assert against.
/// </summary>
public static class FiniteDifference
{
    private const int Levels = 12;
    private const double Shrink = 1.4;
    private const double Shrink2 = Shrink * Shrink;

    /// <summary>Estimates f′(x) starting from step <paramref name="h"/>; returns the estimate and its error bound.</summary>
    public static (double Derivative, double Error) Ridders(Func<double, double> f, double x, double h)
    {
        var table = new double[Levels, Levels];
        double step = h;
        table[0, 0] = (f(x + step) - f(x - step)) / (2 * step);
        double best = table[0, 0];
        double error = double.MaxValue;
        for (int i = 1; i < Levels; i++)
        {
            step /= Shrink;
            table[0, i] = (f(x + step) - f(x - step)) / (2 * step);
            double factor = Shrink2;
            for (int j = 1; j <= i; j++)
            {
                table[j, i] = ((table[j - 1, i] * factor) - table[j - 1, i - 1]) / (factor - 1);
                factor *= Shrink2;
                double candidate = Math.Max(Math.Abs(table[j, i] - table[j - 1, i]), Math.Abs(table[j, i] - table[j - 1, i - 1]));
                if (candidate <= error)
                {
                    error = candidate;
                    best = table[j, i];
                }
            }

            if (Math.Abs(table[i, i] - table[i - 1, i - 1]) >= 2 * error)
            {
                break;
            }
        }

        return (best, error);
    }

    /// <summary>
    /// The starting step for x: at most 1/2 (periodic functions vary on that scale), at most 0.4 × the
    /// distance to the nearest point where f stops being smooth, and relative to |x| for large x.
    /// </summary>
    public static double StartingStep(double x, double distanceToEdge)
        => Math.Min(Math.Max(0.5, Math.Abs(x) * 1e-3), 0.4 * distanceToEdge);
}

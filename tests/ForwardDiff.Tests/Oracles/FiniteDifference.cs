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
    private const int Levels = 14;
    private const double Shrink = 1.4;
    private const double Shrink2 = Shrink * Shrink;
    private const double Ulp = 1.1102230246251565e-16; // 2⁻⁵³, half the spacing of doubles at 1

    /// <summary>Estimates f′(x) starting from step <paramref name="h"/>; returns the estimate and its error bound.</summary>
    public static (double Derivative, double Error) Ridders(Func<double, double> f, double x, double h)
    {
        var table = new double[Levels, Levels];
        double step = h;
        table[0, 0] = Central(f, x, step);
        double best = table[0, 0];
        double error = double.MaxValue;
        double bestStep = step;
        double magnitude = Math.Max(Math.Abs(f(x + step)), Math.Abs(f(x - step)));
        for (int i = 1; i < Levels; i++)
        {
            step /= Shrink;
            magnitude = Math.Max(magnitude, Math.Max(Math.Abs(f(x + step)), Math.Abs(f(x - step))));
            table[0, i] = Central(f, x, step);
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
                    bestStep = step;
                }
            }

            if (Math.Abs(table[i, i] - table[i - 1, i - 1]) >= 2 * error)
            {
                break;
            }
        }

        // The tableau cannot see rounding that is the same in every entry (an exactly linear f): add the
        // rounding floor of a central difference, a few ulps of |f| divided by the step.
        double rounding = 8 * Ulp * magnitude / bestStep;
        return (best, Math.Max(error, rounding));
    }

    // (f(x + h) − f(x − h)) / 2h with the width the arguments really have after rounding (x ± h is not
    // exact when |x| ≫ h), so the quotient is not biased by the representation of the step.
    private static double Central(Func<double, double> f, double x, double step)
    {
        double plus = x + step;
        double minus = x - step;
        return (f(plus) - f(minus)) / (plus - minus);
    }

    /// <summary>
    /// The starting step for x: at most 1/10 (well inside the radius where the Taylor expansion the extrapolation assumes holds, for the functions of the table) and at most 0.4 × the
    /// distance to the nearest point where f stops being smooth.
    /// </summary>
    public static double StartingStep(double x, double distanceToEdge)
        => Math.Min(0.1, 0.4 * distanceToEdge);
}

using System.Globalization;

namespace ForwardDiff.Tests.Oracles;

/// <summary>Tolerance comparisons shared by the oracle tests.</summary>
public static class Close
{
    /// <summary>
    /// True when <paramref name="actual"/> equals <paramref name="expected"/> to a relative tolerance; an
    /// infinite or NaN expectation must be met exactly, and an exact zero expectation allows an absolute
    /// <paramref name="tolerance"/> × <paramref name="scale"/> (a derivative that crosses zero).
    /// </summary>
    public static bool Holds(double actual, double expected, double tolerance, double scale = 1e-3)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            return actual.Equals(expected);
        }

        if (!double.IsFinite(actual))
        {
            return false;
        }

        double difference = Math.Abs(actual - expected);
        return difference <= tolerance * Math.Abs(expected) || (expected == 0 && difference <= tolerance * scale);
    }

    /// <summary>Asserts <see cref="Holds"/> with a message naming the function and the point.</summary>
    public static void Check(double actual, double expected, double tolerance, string what, double x)
        => Assert.That(
            Holds(actual, expected, tolerance),
            Is.True,
            () => string.Create(CultureInfo.InvariantCulture, $"{what} at x = {x:R}: got {actual:R}, expected {expected:R} (relative tolerance {tolerance:G3})"));
}

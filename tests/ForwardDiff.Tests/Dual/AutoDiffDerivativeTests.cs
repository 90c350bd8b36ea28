using System.Numerics;

namespace ForwardDiff.Tests.Dual;

/// <summary>AutoDiff.Derivative / DerivativeWithValue / SecondDerivative in the delegate, struct and span forms.</summary>
[TestFixture]
public sealed class AutoDiffDerivativeTests
{
    // f(x) = sin(x²)·eˣ/(1 + x²) + log(1 + x): the benchmark function of issue 2.
    private readonly struct Benchmark : IScalarFunction
    {
        public T Invoke<T>(T x)
            where T : IFloatingPointIeee754<T>
            => (T.Sin(x * x) * T.Exp(x) / (T.One + (x * x))) + T.Log(T.One + x);
    }

    private sealed class ThreeXSquaredMinusFourX : IScalarFunction
    {
        public T Invoke<T>(T x)
            where T : IFloatingPointIeee754<T>
            => (T.CreateChecked(3) * x * x) - (T.CreateChecked(4) * x);
    }

    private static double F(double x) => (Math.Sin(x * x) * Math.Exp(x) / (1 + (x * x))) + Math.Log(1 + x);

    // f′ by the product, quotient and chain rules, written out by hand.
    private static double DF(double x)
    {
        double s = Math.Sin(x * x);
        double c = Math.Cos(x * x);
        double e = Math.Exp(x);
        double q = 1 + (x * x);
        return (((2 * x * c * e) + (s * e)) / q) - (s * e * 2 * x / (q * q)) + (1 / (1 + x));
    }

    private static readonly double[] Points = [-0.9, -0.5, 0, 0.3, 1, 2.5, 4];

    [Test]
    public void Derivative_DelegateAndStructForms_AgreeWithTheHandDerivative()
    {
        foreach (double x in Points)
        {
            double viaDelegate = AutoDiff.Derivative<double>(d => new Benchmark().Invoke(d), x);
            double viaStruct = AutoDiff.Derivative(new Benchmark(), x);
            Assert.That(viaDelegate, Is.EqualTo(DF(x)).Within(1e-12).Percent, () => $"at {x}");
            Assert.That(viaStruct, Is.EqualTo(viaDelegate), () => $"at {x}");
        }
    }

    [Test]
    public void DerivativeWithValue_ReturnsValueAndDerivativeOfOneEvaluation()
    {
        foreach (double x in Points)
        {
            DerivativeResult<double> viaDelegate = AutoDiff.DerivativeWithValue<double>(d => new Benchmark().Invoke(d), x);
            DerivativeResult<double> viaStruct = AutoDiff.DerivativeWithValue(new Benchmark(), x);
            Assert.That(viaDelegate.Value, Is.EqualTo(new Benchmark().Invoke(x)));
            Assert.That(viaDelegate.Value, Is.EqualTo(F(x)).Within(1e-13).Percent.Or.EqualTo(F(x)).Within(1e-15));
            Assert.That(viaDelegate.Derivative, Is.EqualTo(DF(x)).Within(1e-12).Percent);
            Assert.That(viaStruct, Is.EqualTo(viaDelegate));
        }
    }

    [Test]
    public void SecondDerivative_OfTheTextbookFunction_IsSix()
    {
        foreach (double x in Points)
        {
            Assert.That(AutoDiff.SecondDerivative(new ThreeXSquaredMinusFourX(), x), Is.EqualTo(6.0));
            Assert.That(AutoDiff.SecondDerivative<double>(d => new ThreeXSquaredMinusFourX().Invoke(d), x), Is.EqualTo(6.0));
            Assert.That(AutoDiff.Derivative(new ThreeXSquaredMinusFourX(), x), Is.EqualTo((6 * x) - 4).Within(1e-14));
        }
    }

    [Test]
    public void SecondDerivative_OfTheBenchmark_MatchesFiniteDifferenceOfTheExactFirstDerivative()
    {
        foreach (double x in Points)
        {
            (double fd, double error) = Oracles.FiniteDifference.Ridders(DF, x, Oracles.FiniteDifference.StartingStep(x, 1 + x));
            double ad = AutoDiff.SecondDerivative(new Benchmark(), x);
            Assert.That(Math.Abs(ad - fd), Is.LessThanOrEqualTo((4 * error) + (1e-12 * Math.Abs(fd))), () => $"at {x}: AD {ad}, FD {fd} ± {error}");
        }
    }

    [Test]
    public void Derivative_OnFloat_AndOnHalf_Work()
    {
        Assert.That(AutoDiff.Derivative(new ThreeXSquaredMinusFourX(), 1f), Is.EqualTo(2f));
        Assert.That(AutoDiff.Derivative(new ThreeXSquaredMinusFourX(), (Half)1), Is.EqualTo((Half)2));
        Assert.That(AutoDiff.SecondDerivative(new Benchmark(), 0.3f), Is.EqualTo((float)AutoDiff.SecondDerivative(new Benchmark(), 0.3)).Within(1e-4).Percent);
    }

    [Test]
    public void Derivative_IntoSpan_FillsOneDerivativePerPoint()
    {
        double[] destination = new double[Points.Length + 2];
        destination.AsSpan().Fill(double.NaN);
        AutoDiff.Derivative(new Benchmark(), Points, destination);
        for (int i = 0; i < Points.Length; i++)
        {
            Assert.That(destination[i], Is.EqualTo(AutoDiff.Derivative(new Benchmark(), Points[i])));
        }

        Assert.That(double.IsNaN(destination[^1]), Is.True, "elements past the input are untouched");
    }

    [Test]
    public void Derivative_IntoTooShortSpan_ThrowsNamingBothSizes()
    {
        double[] destination = new double[2];
        Assert.That(
            () => AutoDiff.Derivative(new Benchmark(), Points, destination),
            Throws.ArgumentException.With.Message.Contains("2").And.Message.Contains(Points.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void NullFunctions_ThrowArgumentNullException()
    {
        Assert.That(() => AutoDiff.Derivative<double>(null!, 1.0), Throws.ArgumentNullException);
        Assert.That(() => AutoDiff.DerivativeWithValue<double>(null!, 1.0), Throws.ArgumentNullException);
        Assert.That(() => AutoDiff.SecondDerivative<double>(null!, 1.0), Throws.ArgumentNullException);
        Assert.That(() => AutoDiff.Derivative<ThreeXSquaredMinusFourX, double>(null!, 1.0), Throws.ArgumentNullException);
        Assert.That(() => AutoDiff.DerivativeWithValue<ThreeXSquaredMinusFourX, double>(null!, 1.0), Throws.ArgumentNullException);
        Assert.That(() => AutoDiff.SecondDerivative<ThreeXSquaredMinusFourX, double>(null!, 1.0), Throws.ArgumentNullException);
    }

    [Test]
    public void OutOfDomainInput_GivesIeeeResults_NotExceptions()
    {
        // log(1 + x) at x = −2 is NaN; at x = −1 it is −∞ with derivative +∞ (1/(1 + x)).
        DerivativeResult<double> below = AutoDiff.DerivativeWithValue(new Benchmark(), -2.0);
        Assert.That(double.IsNaN(below.Value), Is.True);
        Assert.That(AutoDiff.DerivativeWithValue<double>(Dual<double>.Log, 0.0), Is.EqualTo(new DerivativeResult<double>(double.NegativeInfinity, double.PositiveInfinity)));
    }
}

using System.Numerics;
using ForwardDiff.Tests.Oracles;

namespace ForwardDiff.Tests.Dual;

/// <summary>
/// Unchanged generic algorithms, written once against <see cref="IFloatingPointIeee754{TSelf}"/> with no
/// knowledge of duals, run on double and on Dual&lt;double&gt; / Dual&lt;Dual&lt;double&gt;&gt;: the dual run must
/// give the double run's value and the exact derivative of the algorithm's output.
/// </summary>
[TestFixture]
public sealed class GenericDropInTests
{
    // p(x) = Σ c_k x^k by Horner's rule.
    private static T Horner<T>(ReadOnlySpan<double> coefficients, T x)
        where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int k = coefficients.Length - 1; k >= 0; k--)
        {
            sum = (sum * x) + T.CreateChecked(coefficients[k]);
        }

        return sum;
    }

    // Newton's iteration for √a: x ← (x + a / x) / 2, stopping on a fixed point or after 60 steps.
    private static T NewtonSqrt<T>(T a)
        where T : IFloatingPointIeee754<T>
    {
        T two = T.CreateChecked(2);
        T x = T.Max(a, T.One);
        for (int i = 0; i < 60; i++)
        {
            T next = (x + (a / x)) / two;
            if (next == x)
            {
                break;
            }

            x = next;
        }

        return x;
    }

    // One classical Runge–Kutta step of y′ = −k y from y₀ over h: y₁ = y₀ · (1 − kh + (kh)²/2 − (kh)³/6 + (kh)⁴/24).
    private static T RungeKuttaStep<T>(T k, T y0, T h)
        where T : IFloatingPointIeee754<T>
    {
        T two = T.CreateChecked(2);
        T six = T.CreateChecked(6);
        T F(T y) => -k * y;
        T k1 = F(y0);
        T k2 = F(y0 + (h / two * k1));
        T k3 = F(y0 + (h / two * k2));
        T k4 = F(y0 + (h * k3));
        return y0 + (h / six * (k1 + (two * k2) + (two * k3) + k4));
    }

    // Solves y′ = −k y to t = 1 in n RK4 steps.
    private static T Integrate<T>(T k, int steps)
        where T : IFloatingPointIeee754<T>
    {
        T y = T.One;
        T h = T.One / T.CreateChecked(steps);
        for (int i = 0; i < steps; i++)
        {
            y = RungeKuttaStep(k, y, h);
        }

        return y;
    }

    // Sum of a series with a data-dependent stop: exp(x) = Σ xⁿ/n!, stopping when the term no longer changes the sum.
    private static T ExpSeries<T>(T x)
        where T : IFloatingPointIeee754<T>
    {
        T sum = T.One;
        T term = T.One;
        for (int n = 1; n < 200; n++)
        {
            term = term * x / T.CreateChecked(n);
            T next = sum + term;
            if (next == sum)
            {
                break;
            }

            sum = next;
        }

        return sum;
    }

    private static readonly double[] Coefficients = [1.5, -2, 0.25, 3, -0.5];

    [TestCase(-2.0)]
    [TestCase(-0.3)]
    [TestCase(0.0)]
    [TestCase(0.7)]
    [TestCase(4.0)]
    public void Horner_OnDualAndNestedDual_GivesPolynomialAndItsDerivatives(double x)
    {
        double d1 = -2 + (0.5 * x) + (9 * x * x) - (2 * x * x * x);
        double d2 = 0.5 + (18 * x) - (6 * x * x);
        Dual<double> first = Horner(Coefficients, Dual<double>.Variable(x));
        Dual<Dual<double>> second = Horner(Coefficients, Seeds.Second(x));
        Dual<Dual<Dual<double>>> third = Horner(Coefficients, Seeds.Third(x));
        Assert.That(first.Value, Is.EqualTo(Horner(Coefficients, x)));
        Assert.That(first.Derivative, Is.EqualTo(d1).Within(1e-12));
        Assert.That(second.Derivative.Derivative, Is.EqualTo(d2).Within(1e-12));
        Assert.That(third.Derivative.Derivative.Derivative, Is.EqualTo(18 - (12 * x)).Within(1e-12));
    }

    [TestCase(0.25)]
    [TestCase(2.0)]
    [TestCase(10.0)]
    [TestCase(12345.678)]
    public void NewtonSqrt_OnDual_ConvergesToSqrtAndItsDerivative(double a)
    {
        Dual<double> root = NewtonSqrt(Dual<double>.Variable(a));
        Dual<Dual<double>> nested = NewtonSqrt(Seeds.Second(a));
        Assert.That(root.Value, Is.EqualTo(NewtonSqrt(a)));
        Assert.That(root.Value, Is.EqualTo(Math.Sqrt(a)).Within(2).Ulps);
        Assert.That(root.Derivative, Is.EqualTo(0.5 / Math.Sqrt(a)).Within(1e-12).Percent);
        Assert.That(nested.Derivative.Derivative, Is.EqualTo(-0.25 / (a * Math.Sqrt(a))).Within(1e-9).Percent);
    }

    [TestCase(0.5, 10)]
    [TestCase(2.0, 50)]
    [TestCase(-1.0, 20)]
    public void RungeKutta_OnDual_GivesSensitivityOfTheDiscreteSolution(double k, int steps)
    {
        // The discrete solution is y₁ = R(−kh)ⁿ with R(z) = 1 + z + z²/2 + z³/6 + z⁴/24, so dy/dk = n R(z)ⁿ⁻¹ R′(z) (−h).
        double h = 1.0 / steps;
        double z = -k * h;
        double r = 1 + z + (z * z / 2) + (z * z * z / 6) + (z * z * z * z / 24);
        double rPrime = 1 + z + (z * z / 2) + (z * z * z / 6);
        double expected = steps * Math.Pow(r, steps - 1) * rPrime * -h;
        Dual<double> y = Integrate(Dual<double>.Variable(k), steps);
        Assert.That(y.Value, Is.EqualTo(Integrate(k, steps)));
        Assert.That(y.Derivative, Is.EqualTo(expected).Within(1e-10).Percent);

        // …and it approximates the exact sensitivity d/dk e^(−k) = −e^(−k).
        Assert.That(y.Derivative, Is.EqualTo(-Math.Exp(-k)).Within(1e-4).Percent);
    }

    [TestCase(-3.0)]
    [TestCase(0.5)]
    [TestCase(1.0)]
    [TestCase(5.0)]
    public void ExpSeries_WithDataDependentStop_GivesExpAndItsDerivative(double x)
    {
        Dual<double> e = ExpSeries(Dual<double>.Variable(x));
        Assert.That(e.Value, Is.EqualTo(ExpSeries(x)));
        Assert.That(e.Value, Is.EqualTo(Math.Exp(x)).Within(1e-12).Percent);
        Assert.That(e.Derivative, Is.EqualTo(Math.Exp(x)).Within(1e-10).Percent);
    }

    [Test]
    public void GenericSort_AndLinqSum_WorkOnDuals()
    {
        Dual<double>[] values = [new(3, 1), new(-1, 2), new(2, 3), new(0.5, 4)];
        Array.Sort(values);
        Assert.That(values.Select(v => v.Value), Is.EqualTo(new[] { -1.0, 0.5, 2, 3 }));
        Assert.That(values.Select(v => v.Derivative), Is.EqualTo(new[] { 2.0, 4, 3, 1 }));
        Dual<double> sum = values.Aggregate(Dual<double>.Zero, (a, b) => a + b);
        Assert.That(sum.Value, Is.EqualTo(4.5));
        Assert.That(sum.Derivative, Is.EqualTo(10.0));
    }
}

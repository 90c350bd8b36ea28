using System.Numerics;
using CsCheck;

namespace ForwardDiff.Tests.Dual;

/// <summary>
/// Cross-checks of the special-point conventions (the table itself is in SpecialPointsTests) as properties over
/// random inputs drawn from a small set of values, so ties, signed zeros, NaN and infinities occur often.
/// </summary>
[TestFixture]
public sealed class ConventionCrossCheckTests
{
    private static readonly Gen<double> Values = Gen.OneOf(-2.0, -1.0, -0.0, 0.0, 1.0, 2.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity);
    private static readonly Gen<double> Slopes = Gen.Double[-8, 8];

    private static readonly (string Name, Func<Dual<double>, Dual<double>, Dual<double>> F)[] Selections =
    [
        ("Max", Via.Max),
        ("Min", Via.Min),
        ("MaxNumber", Via.MaxNumber),
        ("MinNumber", Via.MinNumber),
        ("MaxMagnitude", Via.MaxMagnitude),
        ("MinMagnitude", Via.MinMagnitude),
        ("MaxMagnitudeNumber", Via.MaxMagnitudeNumber),
        ("MinMagnitudeNumber", Via.MinMagnitudeNumber),
    ];

    [Test]
    public void Selections_DoNotDependOnArgumentOrder_AndPickOneDerivativeOrTheAverage()
    {
        Gen.Select(Values, Slopes, Values, Slopes).Where(t => !(double.IsNaN(t.Item1) && double.IsNaN(t.Item3))).Sample(
            (x, dx, y, dy) =>
            {
                var a = new Dual<double>(x, dx);
                var b = new Dual<double>(y, dy);
                foreach ((string name, Func<Dual<double>, Dual<double>, Dual<double>> f) in Selections)
                {
                    Dual<double> ab = f(a, b);
                    Dual<double> ba = f(b, a);
                    string at = $"{name}(({x}, {dx}), ({y}, {dy}))";
                    if (BitConverter.DoubleToInt64Bits(ab.Value) == BitConverter.DoubleToInt64Bits(ba.Value))
                    {
                        Assert.That(ab.Derivative, Is.EqualTo(ba.Derivative), "order-independent derivative: " + at);
                    }

                    Assert.That(ab.Derivative, Is.EqualTo(dx).Or.EqualTo(dy).Or.EqualTo((dx + dy) / 2).Within(1e-15), "one argument's derivative or the tie average: " + at);
                }
            },
            iter: 2000,
            threads: 1);
    }

    [Test]
    public void PiecewiseConstantFunctions_HaveZeroDerivativeEverywhere_IncludingJumps()
    {
        Gen.Double[-50, 50].Select(v => Math.Round(v * 2) / 2).Sample(
            x =>
            {
                Dual<double> v = new(x, 3.5);
                foreach (Dual<double> r in new[] { Via.Floor(v), Via.Ceiling(v), Via.Round(v), Via.Truncate(v), Via.RoundDigits(v, 0), Via.RoundMode(v, MidpointRounding.AwayFromZero), Via.RoundDigitsMode(v, 1, MidpointRounding.ToPositiveInfinity) })
                {
                    Assert.That(r.Derivative, Is.Zero, () => $"at {x}");
                }
            },
            iter: 300,
            threads: 1);
    }

    [Test]
    public void StrongZero_UnperturbedArgument_NeverPoisonsTheOtherPartial()
    {
        // f(x, c) with c a constant at a special point: ∂f/∂x must not become NaN because of c's local slope.
        double[] specials = [0.0, -0.0, 1.0, -1.0, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.Epsilon];
        foreach (double c in specials)
        {
            Dual<double> constant = Dual<double>.Constant(c);
            Dual<double> x = Dual<double>.Variable(2.0);
            Assert.That(Via.Pow(x, constant).Derivative, Is.EqualTo(double.IsFinite(c) ? c * Math.Pow(2, c - 1) : Via.Pow(x, constant).Derivative), () => $"∂/∂x of x^{c}");
            Assert.That(double.IsNaN(Via.Multiply(x, constant).Derivative) && !double.IsNaN(c), Is.False, () => $"x · {c}");
            Assert.That(double.IsNaN(Via.Hypot(x, constant).Derivative), Is.EqualTo(false), () => $"hypot(x, {c})");
            Assert.That(double.IsNaN(Via.Atan2(constant, x).Derivative), Is.EqualTo(false), () => $"atan2({c}, x)");
            Assert.That(double.IsNaN(Via.Atan2(x, constant).Derivative), Is.EqualTo(false), () => $"atan2(x, {c})");
            Assert.That(double.IsNaN(Via.Atan2Pi(constant, x).Derivative), Is.EqualTo(false), () => $"atan2π({c}, x)");
            Assert.That(Via.Add(x, Via.Sqrt(Dual<double>.Constant(Math.Abs(c)))).Derivative, Is.EqualTo(1.0), () => $"x + √{c}");
            Assert.That(Via.Add(x, Via.Log(constant)).Derivative, Is.EqualTo(1.0), () => $"x + log {c}");
        }
    }

    [Test]
    public void Abs_DerivativeFollowsTheSignBit_AtBothZeros_OnEveryNestingLevel()
    {
        Assert.That(Via.Abs(Dual<double>.Variable(0.0)).Derivative, Is.EqualTo(1.0));
        Assert.That(Via.Abs(Dual<double>.Variable(-0.0)).Derivative, Is.EqualTo(-1.0));
        Dual<Dual<double>> nested = Via.Abs(Oracles.Seeds.Second(-0.0));
        Assert.That(nested.Derivative.Value, Is.EqualTo(-1.0));
        Assert.That(nested.Value.Derivative, Is.EqualTo(-1.0));
        Assert.That(nested.Derivative.Derivative, Is.Zero);
    }

    [Test]
    public void BranchOnEquality_KeepsTheDerivative_LikeForwardDiffJlIssue480()
    {
        // A user function with a fast path for x == 0 must still differentiate at 0 through the general path.
        static T SincLike<T>(T x)
            where T : IFloatingPointIeee754<T>
            => x == T.Zero ? T.One : T.Sin(x) / x;

        static T Relu<T>(T x)
            where T : IFloatingPointIeee754<T>
            => T.IsZero(x) ? T.Zero : T.Max(x, T.Zero);

        Assert.That(SincLike(Dual<double>.Variable(0.0)).Derivative, Is.NaN.Or.EqualTo(0.0), "x == 0 is false for a perturbed 0, so sin(x)/x is evaluated (0/0 at exactly 0)");
        Assert.That(SincLike(Dual<double>.Variable(0.1)).Derivative, Is.EqualTo(((0.1 * Math.Cos(0.1)) - Math.Sin(0.1)) / 0.01).Within(1e-10).Percent);
        Assert.That(Relu(Dual<double>.Variable(0.0)).Derivative, Is.EqualTo(0.5), "IsZero is false for a perturbed 0; Max ties average ½(1 + 0)");
        Assert.That(SincLike(Dual<double>.Constant(0.0)).Value, Is.EqualTo(1.0), "an unperturbed 0 still takes the fast path");
    }
}

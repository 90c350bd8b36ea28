namespace ForwardDiff.Tests.Oracles;

/// <summary>
/// Every unary function at special arguments (±0, the smallest subnormal and normal, ±1, ±∞, the largest finite, …):
/// the hyper-dual's f″ must equal nesting's (<c>Dual&lt;Dual&lt;double&gt;&gt;</c>), and the hyper-dual of duals' f‴ must
/// equal <c>Dual&lt;Dual&lt;Dual&lt;double&gt;&gt;&gt;</c>'s, NaN matching NaN. The two routes use different parts of a
/// rule (its <c>Second</c> against the derivative of its <c>Evaluate</c>), so a disagreement is a rule whose second
/// derivative is wrong or a form that turns a limit into ∞·0. The few documented differences are listed below.
/// </summary>
public class SpecialPointAgreementTests
{
    private static readonly double[] Points =
    [
        0.0, -0.0, double.Epsilon, -double.Epsilon, 2.2250738585072014E-308, -2.2250738585072014E-308, 1e-300, -1e-300,
        1e-8, -1e-8, 0.5, -0.5, 1, -1, 2, -2, double.MaxValue, -double.MaxValue, double.PositiveInfinity,
        double.NegativeInfinity,
    ];

    /// <summary>
    /// Known differences, each documented in CONVENTIONS.md: which route gives which value and why neither is fixed.
    /// Key: function name, the argument's bits (so ±0 differ), derivative order. The list is exact: a listed case that starts to agree fails too,
    /// so the list (and the documentation) cannot go stale.
    /// </summary>
    private static readonly HashSet<(string Name, long XBits, int Order)> Documented = BuildDocumented();

    /// <summary>The unary function table.</summary>
    public static IEnumerable<UnaryFunction> Functions => UnaryFunctions.All;

    [TestCaseSource(nameof(Functions))]
    public void SecondDerivative_HyperDualAndNesting_Agree(UnaryFunction f)
    {
        Assert.Multiple(() =>
        {
            foreach (double x in Points)
            {
                double nested = f.Apply(new Dual<Dual<double>>(Dual<double>.Variable(x), Dual<double>.Constant(1.0))).Derivative.Derivative;
                double hyper = f.Apply(HyperDual<double>.Variable(x)).E1E2;
                bool documented = Documented.Contains((f.Name, BitConverter.DoubleToInt64Bits(x), 2));
                Assert.That(Agree(nested, hyper), Is.EqualTo(!documented), () => $"{f.Name} f″({x:R}): nested {nested:R}, hyper-dual {hyper:R} (listed as a documented difference: {documented})");
            }
        });
    }

    [TestCaseSource(nameof(Functions))]
    public void ThirdDerivative_HyperDualOfDualsAndNesting_Agree(UnaryFunction f)
    {
        Assert.Multiple(() =>
        {
            foreach (double x in Points)
            {
                var seed = new Dual<Dual<Dual<double>>>(
                    new Dual<Dual<double>>(Dual<double>.Variable(x), Dual<double>.Constant(1.0)),
                    new Dual<Dual<double>>(Dual<double>.Constant(1.0), Dual<double>.Constant(0.0)));
                double nested = f.Apply(seed).Derivative.Derivative.Derivative;
                var hyperSeed = new HyperDual<Dual<double>>(Dual<double>.Variable(x), Dual<double>.Constant(1.0), Dual<double>.Constant(1.0), Dual<double>.Constant(0.0));
                double hyper = f.Apply(hyperSeed).E1E2.Derivative;
                bool documented = Documented.Contains((f.Name, BitConverter.DoubleToInt64Bits(x), 3));
                Assert.That(Agree(nested, hyper), Is.EqualTo(!documented), () => $"{f.Name} f‴({x:R}): nested {nested:R}, hyper-dual of duals {hyper:R} (listed as a documented difference: {documented})");
            }
        });
    }

    /// <summary>The binary function table.</summary>
    public static IEnumerable<BinaryFunction> BinaryFunctionTable => BinaryFunctions.All;

    [TestCaseSource(nameof(BinaryFunctionTable))]
    public void SecondPartials_OfBinaryFunctions_HyperDualIsNeverWorseThanNesting(BinaryFunction f)
    {
        // At every pair of special arguments: where both routes are finite they agree; where nesting is finite the
        // hyper-dual is finite too, except where the partial does not exist (NaN is the honest answer) and nesting's
        // strong zero reports 0: ∂/∂y of x^y at x < 0, hypot with both arguments infinite, log base 1 at ±∞.
        // Where nesting's intermediates overflow (NaN) the hyper-dual may keep the limit; that is not checked here.
        double[] special = [0.0, -0.0, double.Epsilon, -double.Epsilon, 1, -1, 2, -2, 0.5, 3, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, 1e-300];
        Assert.Multiple(() =>
        {
            foreach (double x in special)
            {
                foreach (double y in special)
                {
                    if (f.Name.StartsWith("Clamp", StringComparison.Ordinal) && !(x <= y))
                    {
                        continue;   // Clamp(value, min, max) throws for min > max, as Math.Clamp
                    }

                    (double Hyper, double Nested, string Which)[] pairs =
                    [
                        (f.Apply(new HyperDual<double>(x, 1, 1, 0), new HyperDual<double>(y)).E1E2, f.Apply(Nest(x, 1, 1), Nest(y, 0, 0)).Derivative.Derivative, "∂²/∂x²"),
                        (f.Apply(new HyperDual<double>(x, 1, 0, 0), new HyperDual<double>(y, 0, 1, 0)).E1E2, f.Apply(Nest(x, 1, 0), Nest(y, 0, 1)).Derivative.Derivative, "∂²/∂x∂y"),
                        (f.Apply(new HyperDual<double>(x), new HyperDual<double>(y, 1, 1, 0)).E1E2, f.Apply(Nest(x, 0, 0), Nest(y, 1, 1)).Derivative.Derivative, "∂²/∂y²"),
                    ];
                    foreach ((double hyper, double nested, string which) in pairs)
                    {
                        if (!double.IsFinite(nested) || Agree(hyper, nested))
                        {
                            continue;
                        }

                        bool undefined = double.IsNaN(hyper) && (
                            (f.Name == "Pow" && x < 0 && which != "∂²/∂x²")
                            || (f.Name == "Hypot" && double.IsInfinity(x) && double.IsInfinity(y))
                            || (f.Name == "Log(x, y)" && double.IsInfinity(x) && y == 1));
                        bool underflowedPower = f.Name == "Pow" && x == 1e-300 && y == 2 && which == "∂²/∂x∂y";   // nesting loses x^y = 1e-600 → 0; checked below
                        Assert.That(undefined || underflowedPower, Is.True, () => $"{f.Name}({x:R}, {y:R}) {which}: hyper-dual {hyper:R}, nesting {nested:R}");
                    }
                }
            }
        });
    }

    [Test]
    public void Pow_MixedPartialWhereXToTheYUnderflows_HyperDualKeepsTheDigits()
    {
        // ∂²(x^y)/∂x∂y = x^(y−1)(1 + y ln x) = 1e-300·(1 − 1381.55…) at (1e-300, 2); nesting forms it through x^y = 1e-600,
        // which underflows to 0 and drops the x^(y−1) term (third digit wrong); the hyper-dual's closed form keeps it
        double expected = 1e-300 * (1 + (2 * Math.Log(1e-300)));
        double hyper = HyperDual<double>.Pow(new HyperDual<double>(1e-300, 1, 0, 0), new HyperDual<double>(2, 0, 1, 0)).E1E2;
        Assert.That(hyper, Is.EqualTo(expected).Within(1e-14 * Math.Abs(expected)));
    }

    [TestCase("Atan", double.PositiveInfinity)]
    [TestCase("Atan", double.NegativeInfinity)]
    [TestCase("AtanPi", double.PositiveInfinity)]
    [TestCase("Asinh", double.NegativeInfinity)]
    [TestCase("Acosh", double.PositiveInfinity)]
    public void SecondDerivative_AtInfinity_IsTheVanishingLimit(string name, double x)
    {
        // −2x·f′² (atan) and −x·f′³ (asinh, acosh) are ∞·0 at ±∞; the limit is 0 (the hyper-dual gave NaN)
        UnaryFunction f = UnaryFunctions.All.Single(u => u.Name == name);
        Assert.That(f.Apply(HyperDual<double>.Variable(x)).E1E2, Is.Zero);
    }

    [TestCase(0.0, double.PositiveInfinity, double.NegativeInfinity)]
    [TestCase(-0.0, double.NegativeInfinity, double.NegativeInfinity)]
    [TestCase(double.PositiveInfinity, 0.0, -0.0)]
    public void ReciprocalEstimate_SecondAndThirdDerivatives_AreTheLimitsOfTheExactReciprocal(double x, double second, double third)
    {
        // 2/x³ and −6/x⁴: the hyper-dual formed 2f′·(f′·x), which is ∞·0 = NaN at ±0 and at ±∞
        UnaryFunction f = UnaryFunctions.All.Single(u => u.Name == "ReciprocalEstimate");
        double hyper = f.Apply(HyperDual<double>.Variable(x)).E1E2;
        double hyperThird = f.Apply(new HyperDual<Dual<double>>(Dual<double>.Variable(x), Dual<double>.Constant(1.0), Dual<double>.Constant(1.0), Dual<double>.Constant(0.0))).E1E2.Derivative;
        Assert.Multiple(() =>
        {
            Assert.That(hyper, Is.EqualTo(second));
            Assert.That(hyperThird, Is.EqualTo(third));
        });
    }

    [TestCase(0.0)]
    [TestCase(double.Epsilon)]
    public void TruncatedRemainder_WhereTheQuotientIsUndefined_SecondDerivativeIsNaN(double y)
    {
        // 2.5 % 0 is NaN and trunc(2.5/ε) overflows: ∂/∂y is NaN or −∞, so ∂²/∂y² is not 0 (nesting gives NaN too)
        HyperDual<double> remainder = new HyperDual<double>(2.5) % HyperDual<double>.Variable(y);
        Assert.That(remainder.E1E2, Is.NaN);
    }

    [TestCase(1.0, 1e-300)]
    [TestCase(-3.0, 1e-300)]
    [TestCase(2.0, -1e-290)]
    public void HyperDualQuotient_WhenAFirstPartialOverflows_MixedPartialIsTheLimitNotNaN(double x, double y)
    {
        // ∂²(x/y)/∂x∂y = −1/y² = −∞ here; ∂(x/y)/∂y = −x/y² overflows, and the old form multiplied it by the zero ε₁ of y
        HyperDual<double> q = new HyperDual<double>(x, 1, 0, 0) / new HyperDual<double>(y, 0, 1, 0);
        var nested = new Dual<Dual<double>>(Dual<double>.Variable(x), Dual<double>.Constant(0)) / new Dual<Dual<double>>(Dual<double>.Constant(y), Dual<double>.Constant(1));
        Assert.Multiple(() =>
        {
            Assert.That(q.E1E2, Is.EqualTo(double.NegativeInfinity));
            Assert.That(nested.Derivative.Derivative, Is.EqualTo(double.NegativeInfinity));
            Assert.That(q.E1, Is.EqualTo(1 / y));
        });
    }

    [TestCase(0.5, double.PositiveInfinity)]
    [TestCase(3.0, double.NegativeInfinity)]
    [TestCase(0.5, double.MaxValue)]
    public void Pow_WhereThePowerVanishesAgainstAnInfiniteExponent_DerivativesInXAreZero(double x, double y)
    {
        // y·x^(y−1) and y(y−1)x^(y−2) are ∞·0 in IEEE arithmetic; x^y vanishes faster than any power of y grows: limit 0
        Dual<double> first = Dual<double>.Pow(Dual<double>.Variable(x), Dual<double>.Constant(y));
        HyperDual<double> second = HyperDual<double>.Pow(HyperDual<double>.Variable(x), new HyperDual<double>(y));
        HyperDual<double> both = HyperDual<double>.Pow(HyperDual<double>.Variable(x), new HyperDual<double>(y, 1, 1, 0));
        Assert.Multiple(() =>
        {
            Assert.That(first.Value, Is.Zero);
            Assert.That(first.Derivative, Is.Zero, "∂/∂x");
            Assert.That(second.E1E2, Is.Zero, "∂²/∂x², constant exponent");
            Assert.That(double.IsNaN(both.E1E2), Is.False, "x^x-style perturbation of both arguments");
        });
    }

    [TestCase(double.PositiveInfinity, -1.0)]
    [TestCase(double.PositiveInfinity, -0.5)]
    [TestCase(double.PositiveInfinity, double.NegativeInfinity)]
    public void Pow_AtInfiniteBaseWithNegativeExponent_DerivativesInYAreZero(double x, double y)
    {
        // x^y ln x and x^y ln² x with x^y = 0 and ln x = ∞: the power wins, limit 0 (was NaN)
        Dual<double> first = Dual<double>.Pow(Dual<double>.Constant(x), Dual<double>.Variable(y));
        HyperDual<double> second = HyperDual<double>.Pow(new HyperDual<double>(x), HyperDual<double>.Variable(y));
        HyperDual<double> mixed = HyperDual<double>.Pow(new HyperDual<double>(x, 1, 0, 0), new HyperDual<double>(y, 0, 1, 0));
        Assert.Multiple(() =>
        {
            Assert.That(first.Derivative, Is.Zero, "∂/∂y");
            Assert.That(second.E1E2, Is.Zero, "∂²/∂y²");
            Assert.That(mixed.E1E2, Is.Zero, "∂²/∂x∂y");
        });
    }

    [Test]
    public void PowXToTheX_AtZero_EveryRouteAndLevelGivesTheConventionZero()
    {
        // x^y at 0^0 has ∂x = ∂y = 0 by convention; with y = x perturbed, nested duals formed y·x^(y−1) = 0·∞ = NaN at
        // the outer level while the inner level gave 0, so f′ read from the two levels disagreed
        var s2 = new Dual<Dual<double>>(Dual<double>.Variable(0.0), Dual<double>.Constant(1.0));
        Dual<Dual<double>> d2 = Dual<Dual<double>>.Pow(s2, s2);
        var s3 = new Dual<Dual<Dual<double>>>(s2, new Dual<Dual<double>>(Dual<double>.Constant(1.0), Dual<double>.Constant(0.0)));
        Dual<Dual<Dual<double>>> d3 = Dual<Dual<Dual<double>>>.Pow(s3, s3);
        HyperDual<double> h = HyperDual<double>.Pow(HyperDual<double>.Variable(0.0), HyperDual<double>.Variable(0.0));
        Assert.Multiple(() =>
        {
            Assert.That(d2.Value.Value, Is.EqualTo(1.0));
            Assert.That(d2.Value.Derivative, Is.Zero, "f′, inner level");
            Assert.That(d2.Derivative.Value, Is.Zero, "f′, outer level");
            Assert.That(d2.Derivative.Derivative, Is.Zero, "f″ nested");
            Assert.That(d3.Derivative.Derivative.Derivative, Is.Zero, "f‴ nested");
            Assert.That(h.E1, Is.Zero, "f′ hyper-dual");
            Assert.That(h.E1E2, Is.Zero, "f″ hyper-dual");
        });
    }

    [TestCase(2.0, 0.5)]
    [TestCase(-2.0, -0.5)]
    public void Pow_MixedPartialAtZeroExponent_KeepsItsValueOffZero(double x, double expected)
    {
        // ∂²(x^y)/∂x∂y at y = 0 is x^(−1): the zero-exponent convention applies only where x^(y−1) is infinite (x = 0)
        var nested = Dual<Dual<double>>.Pow(new Dual<Dual<double>>(Dual<double>.Variable(x), Dual<double>.Constant(0)), new Dual<Dual<double>>(Dual<double>.Constant(0.0), Dual<double>.Constant(1)));
        HyperDual<double> hyper = HyperDual<double>.Pow(new HyperDual<double>(x, 1, 0, 0), new HyperDual<double>(0.0, 0, 1, 0));
        Assert.Multiple(() =>
        {
            Assert.That(nested.Derivative.Derivative, Is.EqualTo(expected));
            Assert.That(hyper.E1E2, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Pow_OfANegativeBase_MixedPartialStaysNaNEvenWhenATermUnderflows()
    {
        // (−2)^y has no derivative in y (ln of a negative number): y·x^(y−1) underflowing to −0 must not hide that NaN
        HyperDual<double> mixed = HyperDual<double>.Pow(new HyperDual<double>(-2.0, 1, 0, 0), new HyperDual<double>(double.Epsilon, 0, 1, 0));
        Assert.That(mixed.E1E2, Is.NaN);
    }

    [TestCase(0.0, double.Epsilon)]
    [TestCase(-0.0, -double.Epsilon)]
    [TestCase(double.Epsilon, 0.0)]
    public void Atan2_OnAnAxisWhereAPartialOverflows_PureSecondPartialsAreZero(double ordinate, double abscissa)
    {
        // 2ab/(a² + b²)² is exactly 0 on an axis; the other first partial, 1/5e-324, overflows, and 2·∞·0 gave NaN
        foreach (bool pi in new[] { false, true })
        {
            HyperDual<double> alongOrdinate = pi
                ? HyperDual<double>.Atan2Pi(HyperDual<double>.Variable(ordinate), new HyperDual<double>(abscissa))
                : HyperDual<double>.Atan2(HyperDual<double>.Variable(ordinate), new HyperDual<double>(abscissa));
            HyperDual<double> alongAbscissa = pi
                ? HyperDual<double>.Atan2Pi(new HyperDual<double>(ordinate), HyperDual<double>.Variable(abscissa))
                : HyperDual<double>.Atan2(new HyperDual<double>(ordinate), HyperDual<double>.Variable(abscissa));
            Assert.That(alongOrdinate.E1E2, Is.Zero, $"∂²/∂y², {(pi ? "Atan2Pi" : "Atan2")}");
            Assert.That(alongAbscissa.E1E2, Is.Zero, $"∂²/∂x², {(pi ? "Atan2Pi" : "Atan2")}");
        }
    }

    [TestCase(2.0, 0.0)]
    [TestCase(2.5, double.Epsilon)]
    public void Remainder_WhereTheQuotientIsUndefined_MixedPartialIsZeroAndPureIsNaN(double x, double y)
    {
        // ∂/∂x of x % y is the constant 1, so ∂²/∂x∂y = 0 (nesting agrees); ∂/∂y is NaN or −∞ there, so ∂²/∂y² is NaN
        HyperDual<double> mixed = new HyperDual<double>(x, 1, 0, 0) % new HyperDual<double>(y, 0, 1, 0);
        HyperDual<double> pure = new HyperDual<double>(x) % HyperDual<double>.Variable(y);
        Assert.Multiple(() =>
        {
            Assert.That(mixed.E1E2, Is.Zero);
            Assert.That(pure.E1E2, Is.NaN);
        });
    }

    private static Dual<Dual<double>> Nest(double value, double inner, double outer) => new(new Dual<double>(value, inner), new Dual<double>(outer, 0));

    private static bool Agree(double a, double b)
        => (double.IsNaN(a) && double.IsNaN(b))
           || a == b
           || Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b))
           || (Math.Abs(a) < 1e-300 && Math.Abs(b) < 1e-300 && Math.Abs(a - b) <= 64 * double.Epsilon);   // subnormal results keep few digits

    private static HashSet<(string, long, int)> BuildDocumented()
    {
        var set = new HashSet<(string, long, int)>();
        void Add(string name, double x, int order) => set.Add((name, BitConverter.DoubleToInt64Bits(x), order));
        foreach (string name in new[] { "Cbrt", "RootN(x, 3)", "RootN(x, 4)", "RootN(x, 5)" })
        {
            // branch point: the hyper-dual gives the one-sided limits ∓∞ of f″, nesting NaN (f′ = +∞ has no derivative)
            Add(name, 0.0, 2);
            Add(name, -0.0, 2);
        }

        // x^x at the smallest subnormal: the hyper-dual's partials overflow with opposite signs (NaN) where nesting gives
        // +∞ (at ±0 both follow the x^y conventions and give 0)
        Add("Pow(x, x)", double.Epsilon, 2);

        // log_b at the smallest subnormal: f′ = 1/(x ln b) overflows; the hyper-dual gives ∓∞ for f″, nesting NaN
        Add("Log(x, 3)", double.Epsilon, 2);
        Add("Log(3, x)", double.Epsilon, 2);

        // acosh below its domain (value NaN): nesting's strong zero gives f″ = 0 where 1 − x² has an exact zero
        // derivative; the hyper-dual gives NaN
        foreach (double x in new[] { 0.0, -0.0, double.Epsilon, -double.Epsilon, 2.2250738585072014E-308, -2.2250738585072014E-308, 1e-300, -1e-300 })
        {
            Add("Acosh", x, 2);
        }

        Add("Acosh", -double.MaxValue, 2);

        // remainders where the quotient is undefined: f″ is NaN both ways, the hyper-dual of duals' f‴ is 0, nesting's NaN
        foreach (string name in new[] { "2.5 % x", "Ieee754Remainder(2.5, x)" })
        {
            foreach (double x in new[] { 0.0, -0.0, double.Epsilon, -double.Epsilon })
            {
                Add(name, x, 3);
            }
        }

        // 1/√x: f‴ = −(15/8)x^(−7/2) overflows for tiny x; the hyper-dual of duals gives −∞ (nesting NaN), and at −0 the
        // value is −∞ with no real derivative
        foreach (double x in new[] { -0.0, double.Epsilon, 2.2250738585072014E-308, 1e-300 })
        {
            Add("ReciprocalSqrtEstimate", x, 3);
        }

        return set;
    }
}

using System.Globalization;
using System.Numerics;

namespace ForwardDiff.Tests.Hyper;

/// <summary>AutoDiff.SecondDerivativeHyper, construction, text form and conversions of HyperDual&lt;T&gt;.</summary>
[TestFixture]
public sealed class HyperDualApiTests
{
    /// <summary>The issue-2 function sin(x²)·eˣ/(1 + x²) + log(1 + x), written once for any number type.</summary>
    private readonly struct IssueFunction : IScalarFunction
    {
        public T Invoke<T>(T x)
            where T : IFloatingPointIeee754<T>
            => (T.Sin(x * x) * T.Exp(x) / (T.One + (x * x))) + T.Log(T.One + x);
    }

    [TestCase(-0.5)]
    [TestCase(0.0)]
    [TestCase(0.7)]
    [TestCase(2.5)]
    public void SecondDerivativeHyper_OfIssueFunction_MatchesNestedDualSecondDerivative(double x)
    {
        SecondDerivativeResult<double> r = AutoDiff.SecondDerivativeHyper(new IssueFunction(), x);
        double nested = AutoDiff.SecondDerivative(new IssueFunction(), x);
        double first = AutoDiff.Derivative(new IssueFunction(), x);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Value, Is.EqualTo(new IssueFunction().Invoke(x)));
            Assert.That(r.Derivative, Is.EqualTo(first).Within(1e-14 * Math.Max(1, Math.Abs(first))));
            Assert.That(r.SecondDerivative, Is.EqualTo(nested).Within(1e-13 * Math.Max(1, Math.Abs(nested))));
        }
    }

    [Test]
    public void SecondDerivativeHyper_Delegate_ReturnsValueSlopeAndCurvatureOfCubic()
    {
        // f = 3x³ − 4x at 2: f = 16, f′ = 9x² − 4 = 32, f″ = 18x = 36
        SecondDerivativeResult<double> r = AutoDiff.SecondDerivativeHyper(x => (3 * x * x * x) - (4 * x), 2.0);
        Assert.That(r, Is.EqualTo(new SecondDerivativeResult<double>(16, 32, 36)));
    }

    [Test]
    public void SecondDerivativeHyper_NullDelegate_ThrowsArgumentNullException()
    {
        Func<HyperDual<double>, HyperDual<double>>? f = null;
        Assert.That(() => AutoDiff.SecondDerivativeHyper(f!, 1.0), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("f"));
    }

    [Test]
    public void SecondDerivativeHyper_Span_FillsEveryPointAndEqualsNesting()
    {
        double[] x = [-0.9, -0.25, 0, 0.5, 1, 4];
        double[] destination = new double[x.Length];
        AutoDiff.SecondDerivativeHyper(new IssueFunction(), x, destination);
        for (int i = 0; i < x.Length; i++)
        {
            double nested = AutoDiff.SecondDerivative(new IssueFunction(), x[i]);
            Assert.That(destination[i], Is.EqualTo(nested).Within(1e-13 * Math.Max(1, Math.Abs(nested))), $"x = {x[i]}");
        }
    }

    [Test]
    public void SecondDerivativeHyper_SpanTooShort_ThrowsNamingBothLengths()
    {
        double[] x = [1, 2, 3];
        double[] destination = new double[2];
        Assert.That(
            () => AutoDiff.SecondDerivativeHyper(new IssueFunction(), x, destination),
            Throws.ArgumentException.With.Message.Contains("2").And.Message.Contains("3"));
    }

    [Test]
    public void SecondDerivativeHyper_OutOfDomain_GivesIeeeNaNNotAnException()
    {
        SecondDerivativeResult<double> r = AutoDiff.SecondDerivativeHyper(new IssueFunction(), -2.0);
        Assert.That(r.Value, Is.NaN);
    }

    [Test]
    public void Variable_Seeds_Constant_DoesNot_ImplicitConversionIsAConstant()
    {
        HyperDual<double> implicitConstant = 2.5;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(HyperDual<double>.Variable(2.5), Is.EqualTo(new HyperDual<double>(2.5, 1, 1, 0)));
            Assert.That(HyperDual<double>.VariableE1(2.5), Is.EqualTo(new HyperDual<double>(2.5, 1, 0, 0)));
            Assert.That(HyperDual<double>.VariableE2(2.5), Is.EqualTo(new HyperDual<double>(2.5, 0, 1, 0)));
            Assert.That(HyperDual<double>.Constant(2.5), Is.EqualTo(new HyperDual<double>(2.5, 0, 0, 0)));
            Assert.That(implicitConstant, Is.EqualTo(HyperDual<double>.Constant(2.5)));
        }

        (double v, double e1, double e2, double e12) = new HyperDual<double>(1, 2, 3, 4);
        Assert.That((v, e1, e2, e12), Is.EqualTo((1.0, 2.0, 3.0, 4.0)));
    }

    [Test]
    public void ToString_WritesEveryComponentWithItsSuffix()
    {
        var x = new HyperDual<double>(1.5, -2, 3, 0.25);
        Assert.That(x.ToString(null, CultureInfo.InvariantCulture), Is.EqualTo("1.5 - 2ε₁ + 3ε₂ + 0.25ε₁ε₂"));
    }

    [Test]
    public void ParseOfToString_RoundTripsEveryBit()
    {
        var x = new HyperDual<double>(Math.PI, -Math.E, 1e-300, double.MaxValue);
        string text = x.ToString("R", CultureInfo.InvariantCulture);
        HyperDual<double> back = HyperDual<double>.Parse(text, CultureInfo.InvariantCulture);
        Assert.That(back, Is.EqualTo(x));
    }

    [Test]
    public void Parse_PlainNumberOrPartialTerms_FillsMissingComponentsWithZero()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(HyperDual<double>.Parse("2.5", CultureInfo.InvariantCulture), Is.EqualTo(HyperDual<double>.Constant(2.5)));
            Assert.That(HyperDual<double>.Parse("2 + 7ε₁ε₂", CultureInfo.InvariantCulture), Is.EqualTo(new HyperDual<double>(2, 0, 0, 7)));
            Assert.That(HyperDual<double>.Parse("2 - 1ε₂", CultureInfo.InvariantCulture), Is.EqualTo(new HyperDual<double>(2, 0, -1, 0)));
        }
    }

    [TestCase("abc")]
    [TestCase("1 + 2ε₁ + 3ε₁")]
    [TestCase("")]
    public void Parse_InvalidText_ThrowsFormatExceptionQuotingTheText(string text)
    {
        Assert.That(() => HyperDual<double>.Parse(text, CultureInfo.InvariantCulture), Throws.TypeOf<FormatException>().With.Message.Contains($"'{text}'"));
        Assert.That(HyperDual<double>.TryParse(text, CultureInfo.InvariantCulture, out _), Is.False);
    }

    [Test]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.That(() => HyperDual<double>.Parse(null!, CultureInfo.InvariantCulture), Throws.ArgumentNullException);
        Assert.That(HyperDual<double>.TryParse((string?)null, CultureInfo.InvariantCulture, out _), Is.False);
    }

    [Test]
    public void TryFormat_TooSmallDestination_ReturnsFalseAndWritesNothing()
    {
        Span<char> small = stackalloc char[4];
        bool ok = new HyperDual<double>(1, 2, 3, 4).TryFormat(small, out int written, default, CultureInfo.InvariantCulture);
        Assert.That((ok, written), Is.EqualTo((false, 0)));
    }

    [Test]
    public void NestedHyperDual_ToString_ParenthesisesComponentsAndParsesBack()
    {
        var x = new HyperDual<Dual<double>>(new Dual<double>(1, 2), new Dual<double>(3, -4), Dual<double>.Constant(0), new Dual<double>(5, 6));
        string text = x.ToString(null, CultureInfo.InvariantCulture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Is.EqualTo("(1 + 2ε) + (3 - 4ε)ε₁ + (0 + 0ε)ε₂ + (5 + 6ε)ε₁ε₂"));
            Assert.That(HyperDual<Dual<double>>.Parse(text, CultureInfo.InvariantCulture), Is.EqualTo(x));
        }
    }

    [Test]
    public void CreateChecked_FromIntegersAndFloats_IsAConstant()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Create<HyperDual<double>, int>(7), Is.EqualTo(HyperDual<double>.Constant(7)));
            Assert.That(Create<HyperDual<double>, decimal>(0.5m), Is.EqualTo(HyperDual<double>.Constant(0.5)));
            Assert.That(Create<HyperDual<float>, double>(0.1), Is.EqualTo(HyperDual<float>.Constant(0.1f)));
            Assert.That(Create<HyperDual<double>, Half>((Half)1.5), Is.EqualTo(HyperDual<double>.Constant(1.5)));
        }
    }

    [Test]
    public void Conversions_ToPlainNumbers_TakeTheRealPart_WithEachOverflowRule()
    {
        var x = new HyperDual<double>(3e10, 1, 2, 3);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Create<double, HyperDual<double>>(x), Is.EqualTo(3e10));
            Assert.That(() => Create<int, HyperDual<double>>(x), Throws.TypeOf<OverflowException>());
            Assert.That(Saturate<int, HyperDual<double>>(x), Is.EqualTo(int.MaxValue));
            Assert.That(Truncate<long, HyperDual<double>>(new HyperDual<double>(-2.75, 1, 1, 1)), Is.EqualTo(-2L));
        }
    }

    [Test]
    public void Conversions_BetweenElementTypes_KeepAllFourComponents()
    {
        var x = new HyperDual<float>(1.5f, 2f, -3f, 0.25f);
        Assert.That(Create<HyperDual<double>, HyperDual<float>>(x), Is.EqualTo(new HyperDual<double>(1.5, 2, -3, 0.25)));
    }

    [Test]
    public void Conversions_BetweenDualFlavours_KeepTheFirstDerivative()
    {
        using (Assert.EnterMultipleScope())
        {
            // a + dε becomes a + dε₁ + dε₂ (the seeding of Variable); the other way, the real part and ε₁ survive
            Assert.That(Create<HyperDual<double>, Dual<double>>(new Dual<double>(2, 5)), Is.EqualTo(new HyperDual<double>(2, 5, 5, 0)));
            Assert.That(Create<Dual<double>, HyperDual<double>>(new HyperDual<double>(2, 5, 6, 7)), Is.EqualTo(new Dual<double>(2, 5)));
        }
    }

    private static TTo Create<TTo, TFrom>(TFrom x)
        where TTo : INumberBase<TTo>
        where TFrom : INumberBase<TFrom> => TTo.CreateChecked(x);

    private static TTo Saturate<TTo, TFrom>(TFrom x)
        where TTo : INumberBase<TTo>
        where TFrom : INumberBase<TFrom> => TTo.CreateSaturating(x);

    private static TTo Truncate<TTo, TFrom>(TFrom x)
        where TTo : INumberBase<TTo>
        where TFrom : INumberBase<TFrom> => TTo.CreateTruncating(x);
}

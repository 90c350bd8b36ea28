using System.Numerics;
using ForwardDiff.Internal;
using ForwardDiff.Rules;

namespace ForwardDiff;

// Every function here is one line: the rule-table row (ForwardDiff.Rules) supplies f, f′ and f″, and
// HyperDual<T>.Apply combines them with the four components. The rule comments live above the rows.
public readonly partial struct HyperDual<T>
{
    //
    // IExponentialFunctions
    //

    /// <summary>eˣ (row <see cref="UnaryRules.Exp"/>).</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>eˣ with its first and second derivatives.</returns>
    public static HyperDual<T> Exp(HyperDual<T> x) => Apply<UnaryRules.Exp>(x);

    /// <summary>eˣ − 1 (row <see cref="UnaryRules.ExpM1"/>).</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>eˣ − 1 with its first and second derivatives.</returns>
    public static HyperDual<T> ExpM1(HyperDual<T> x) => Apply<UnaryRules.ExpM1>(x);

    /// <summary>2ˣ (row <see cref="UnaryRules.Exp2"/>).</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>2ˣ with its first and second derivatives.</returns>
    public static HyperDual<T> Exp2(HyperDual<T> x) => Apply<UnaryRules.Exp2>(x);

    /// <summary>2ˣ − 1 (row <see cref="UnaryRules.Exp2M1"/>).</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>2ˣ − 1 with its first and second derivatives.</returns>
    public static HyperDual<T> Exp2M1(HyperDual<T> x) => Apply<UnaryRules.Exp2M1>(x);

    /// <summary>10ˣ (row <see cref="UnaryRules.Exp10"/>).</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>10ˣ with its first and second derivatives.</returns>
    public static HyperDual<T> Exp10(HyperDual<T> x) => Apply<UnaryRules.Exp10>(x);

    /// <summary>10ˣ − 1 (row <see cref="UnaryRules.Exp10M1"/>).</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>10ˣ − 1 with its first and second derivatives.</returns>
    public static HyperDual<T> Exp10M1(HyperDual<T> x) => Apply<UnaryRules.Exp10M1>(x);

    //
    // IHyperbolicFunctions
    //

    /// <summary>arcosh x (row <see cref="UnaryRules.Acosh"/>).</summary>
    /// <param name="x">The argument (≥ 1).</param>
    /// <returns>arcosh x with its first and second derivatives.</returns>
    public static HyperDual<T> Acosh(HyperDual<T> x) => Apply<UnaryRules.Acosh>(x);

    /// <summary>arsinh x (row <see cref="UnaryRules.Asinh"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>arsinh x with its first and second derivatives.</returns>
    public static HyperDual<T> Asinh(HyperDual<T> x) => Apply<UnaryRules.Asinh>(x);

    /// <summary>artanh x (row <see cref="UnaryRules.Atanh"/>).</summary>
    /// <param name="x">The argument (in (−1, 1)).</param>
    /// <returns>artanh x with its first and second derivatives.</returns>
    public static HyperDual<T> Atanh(HyperDual<T> x) => Apply<UnaryRules.Atanh>(x);

    /// <summary>cosh x (row <see cref="UnaryRules.Cosh"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>cosh x with its first and second derivatives.</returns>
    public static HyperDual<T> Cosh(HyperDual<T> x) => Apply<UnaryRules.Cosh>(x);

    /// <summary>sinh x (row <see cref="UnaryRules.Sinh"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>sinh x with its first and second derivatives.</returns>
    public static HyperDual<T> Sinh(HyperDual<T> x) => Apply<UnaryRules.Sinh>(x);

    /// <summary>tanh x (row <see cref="UnaryRules.Tanh"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>tanh x with its first and second derivatives.</returns>
    public static HyperDual<T> Tanh(HyperDual<T> x) => Apply<UnaryRules.Tanh>(x);

    //
    // ILogarithmicFunctions
    //

    /// <summary>ln x (row <see cref="UnaryRules.Log"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln x with its first and second derivatives.</returns>
    public static HyperDual<T> Log(HyperDual<T> x) => Apply<UnaryRules.Log>(x);

    /// <summary>log₂ x (row <see cref="UnaryRules.Log2"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>log₂ x with its first and second derivatives.</returns>
    public static HyperDual<T> Log2(HyperDual<T> x) => Apply<UnaryRules.Log2>(x);

    /// <summary>log₁₀ x (row <see cref="UnaryRules.Log10"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>log₁₀ x with its first and second derivatives.</returns>
    public static HyperDual<T> Log10(HyperDual<T> x) => Apply<UnaryRules.Log10>(x);

    /// <summary>ln(x + 1) (row <see cref="UnaryRules.LogP1"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln(x + 1) with its first and second derivatives.</returns>
    public static HyperDual<T> LogP1(HyperDual<T> x) => Apply<UnaryRules.LogP1>(x);

    /// <summary>log₂(x + 1) (row <see cref="UnaryRules.Log2P1"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>log₂(x + 1) with its first and second derivatives.</returns>
    public static HyperDual<T> Log2P1(HyperDual<T> x) => Apply<UnaryRules.Log2P1>(x);

    /// <summary>log₁₀(x + 1) (row <see cref="UnaryRules.Log10P1"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>log₁₀(x + 1) with its first and second derivatives.</returns>
    public static HyperDual<T> Log10P1(HyperDual<T> x) => Apply<UnaryRules.Log10P1>(x);

    /// <summary>log_b x = ln x / ln b in both arguments (row <see cref="BinaryRules.LogBase"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="newBase">The base.</param>
    /// <returns>log_b x with its first and second partials.</returns>
    public static HyperDual<T> Log(HyperDual<T> x, HyperDual<T> newBase) => Apply<BinaryRules.LogBase>(x, newBase);

    //
    // IPowerFunctions
    //

    /// <summary>
    /// x^y. A constant exponent uses row <see cref="ParameterizedRules.PowConstantExponent"/>, a constant base
    /// <see cref="ParameterizedRules.PowConstantBase"/>, otherwise the two-argument row <see cref="BinaryRules.Pow"/>;
    /// the conventions at x = 0 and for x &lt; 0 are those rows' (∂/∂y enters only when y is perturbed).
    /// </summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>x^y with its first and second partials.</returns>
    public static HyperDual<T> Pow(HyperDual<T> x, HyperDual<T> y)
    {
        if (IsConstant(y))
        {
            return Apply<ParameterizedRules.PowConstantExponent>(x, y.Value);
        }

        if (IsConstant(x))
        {
            return Apply<ParameterizedRules.PowConstantBase>(y, x.Value);
        }

        return Apply<BinaryRules.Pow>(x, y);
    }

    /// <summary>x^c with a constant exponent (row <see cref="ParameterizedRules.PowConstantExponent"/>).</summary>
    /// <param name="x">The base.</param>
    /// <param name="exponent">The constant exponent.</param>
    /// <returns>x^c with its first and second derivatives.</returns>
    public static HyperDual<T> Pow(HyperDual<T> x, T exponent) => Apply<ParameterizedRules.PowConstantExponent>(x, exponent);

    /// <summary>c^y with a constant base (row <see cref="ParameterizedRules.PowConstantBase"/>).</summary>
    /// <param name="constantBase">The constant base.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>c^y with its first and second derivatives.</returns>
    public static HyperDual<T> Pow(T constantBase, HyperDual<T> y) => Apply<ParameterizedRules.PowConstantBase>(y, constantBase);

    //
    // IRootFunctions
    //

    /// <summary>√(x² + y²) without undue overflow (row <see cref="BinaryRules.Hypot"/>).</summary>
    /// <param name="x">The first leg.</param>
    /// <param name="y">The second leg.</param>
    /// <returns>The hypotenuse with its first and second partials.</returns>
    public static HyperDual<T> Hypot(HyperDual<T> x, HyperDual<T> y) => Apply<BinaryRules.Hypot>(x, y);

    /// <summary>The n-th root x^(1/n) (row <see cref="ParameterizedRules.RootN"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="n">The root index.</param>
    /// <returns>The root with its first and second derivatives.</returns>
    public static HyperDual<T> RootN(HyperDual<T> x, int n) => Apply<ParameterizedRules.RootN>(x, T.CreateTruncating(n));

    /// <summary>∛x (row <see cref="UnaryRules.Cbrt"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>∛x with its first and second derivatives.</returns>
    public static HyperDual<T> Cbrt(HyperDual<T> x) => Apply<UnaryRules.Cbrt>(x);

    /// <summary>√x (row <see cref="UnaryRules.Sqrt"/>; at 0 the derivative is +∞ but a zero perturbation stays zero).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>√x with its first and second derivatives.</returns>
    public static HyperDual<T> Sqrt(HyperDual<T> x) => Apply<UnaryRules.Sqrt>(x);

    //
    // ITrigonometricFunctions
    //

    /// <summary>arccos x (row <see cref="UnaryRules.Acos"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>arccos x with its first and second derivatives.</returns>
    public static HyperDual<T> Acos(HyperDual<T> x) => Apply<UnaryRules.Acos>(x);

    /// <summary>arccos(x)/π (row <see cref="UnaryRules.AcosPi"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>arccos(x)/π with its first and second derivatives.</returns>
    public static HyperDual<T> AcosPi(HyperDual<T> x) => Apply<UnaryRules.AcosPi>(x);

    /// <summary>arcsin x (row <see cref="UnaryRules.Asin"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>arcsin x with its first and second derivatives.</returns>
    public static HyperDual<T> Asin(HyperDual<T> x) => Apply<UnaryRules.Asin>(x);

    /// <summary>arcsin(x)/π (row <see cref="UnaryRules.AsinPi"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>arcsin(x)/π with its first and second derivatives.</returns>
    public static HyperDual<T> AsinPi(HyperDual<T> x) => Apply<UnaryRules.AsinPi>(x);

    /// <summary>arctan x (row <see cref="UnaryRules.Atan"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>arctan x with its first and second derivatives.</returns>
    public static HyperDual<T> Atan(HyperDual<T> x) => Apply<UnaryRules.Atan>(x);

    /// <summary>arctan(x)/π (row <see cref="UnaryRules.AtanPi"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>arctan(x)/π with its first and second derivatives.</returns>
    public static HyperDual<T> AtanPi(HyperDual<T> x) => Apply<UnaryRules.AtanPi>(x);

    /// <summary>atan2(y, x), the angle of the point (x, y) (row <see cref="BinaryRules.Atan2"/>; NaN partials at the origin).</summary>
    /// <param name="y">The ordinate.</param>
    /// <param name="x">The abscissa.</param>
    /// <returns>The angle with its first and second partials.</returns>
    public static HyperDual<T> Atan2(HyperDual<T> y, HyperDual<T> x) => Apply<BinaryRules.Atan2>(y, x);

    /// <summary>atan2(y, x)/π (row <see cref="BinaryRules.Atan2Pi"/>).</summary>
    /// <param name="y">The ordinate.</param>
    /// <param name="x">The abscissa.</param>
    /// <returns>The angle in half-turns with its first and second partials.</returns>
    public static HyperDual<T> Atan2Pi(HyperDual<T> y, HyperDual<T> x) => Apply<BinaryRules.Atan2Pi>(y, x);

    /// <summary>cos x (row <see cref="UnaryRules.Cos"/>).</summary>
    /// <param name="x">The angle in radians.</param>
    /// <returns>cos x with its first and second derivatives.</returns>
    public static HyperDual<T> Cos(HyperDual<T> x) => Apply<UnaryRules.Cos>(x);

    /// <summary>cos(πx) (row <see cref="UnaryRules.CosPi"/>).</summary>
    /// <param name="x">The angle in half-turns.</param>
    /// <returns>cos(πx) with its first and second derivatives.</returns>
    public static HyperDual<T> CosPi(HyperDual<T> x) => Apply<UnaryRules.CosPi>(x);

    /// <summary>sin x (row <see cref="UnaryRules.Sin"/>).</summary>
    /// <param name="x">The angle in radians.</param>
    /// <returns>sin x with its first and second derivatives.</returns>
    public static HyperDual<T> Sin(HyperDual<T> x) => Apply<UnaryRules.Sin>(x);

    /// <summary>(sin x, cos x) (the Sin and Cos rows, from one <c>SinCos</c> of the real part).</summary>
    /// <param name="x">The angle in radians.</param>
    /// <returns>Both functions with their first and second derivatives.</returns>
    public static (HyperDual<T> Sin, HyperDual<T> Cos) SinCos(HyperDual<T> x)
    {
        // sin(a + h) ≈ sin a + h cos a, sin″ = −sin;  cos(a + h) ≈ cos a − h sin a, cos″ = −cos  (one SinCos of the value)
        (T sin, T cos) = T.SinCos(x.Value);
        return (
            Chain(x, sin, cos, UnaryRules.Sin.Second(x.Value, sin, cos)),
            Chain(x, cos, -sin, UnaryRules.Cos.Second(x.Value, cos, -sin)));
    }

    /// <summary>(sin πx, cos πx) (the SinPi and CosPi rows, from one <c>SinCosPi</c> of the real part).</summary>
    /// <param name="x">The angle in half-turns.</param>
    /// <returns>Both functions with their first and second derivatives.</returns>
    public static (HyperDual<T> SinPi, HyperDual<T> CosPi) SinCosPi(HyperDual<T> x)
    {
        // sinpi(a + h) ≈ sinpi a + h π cospi a, sinpi″ = −π² sinpi;  cospi(a + h) ≈ cospi a − h π sinpi a, cospi″ = −π² cospi
        (T sin, T cos) = T.SinCosPi(x.Value);
        T sinFirst = RuleConstants<T>.Pi * cos;
        T cosFirst = -(RuleConstants<T>.Pi * sin);
        return (
            Chain(x, sin, sinFirst, UnaryRules.SinPi.Second(x.Value, sin, sinFirst)),
            Chain(x, cos, cosFirst, UnaryRules.CosPi.Second(x.Value, cos, cosFirst)));
    }

    /// <summary>sin(πx) (row <see cref="UnaryRules.SinPi"/>).</summary>
    /// <param name="x">The angle in half-turns.</param>
    /// <returns>sin(πx) with its first and second derivatives.</returns>
    public static HyperDual<T> SinPi(HyperDual<T> x) => Apply<UnaryRules.SinPi>(x);

    /// <summary>Degrees to radians: linear, so applied exactly to every component.</summary>
    /// <param name="degrees">The angle in degrees.</param>
    /// <returns>The angle in radians.</returns>
    public static HyperDual<T> DegreesToRadians(HyperDual<T> degrees)
        => new(T.DegreesToRadians(degrees.Value), T.DegreesToRadians(degrees.E1), T.DegreesToRadians(degrees.E2), T.DegreesToRadians(degrees.E1E2));

    /// <summary>Radians to degrees: linear, so applied exactly to every component.</summary>
    /// <param name="radians">The angle in radians.</param>
    /// <returns>The angle in degrees.</returns>
    public static HyperDual<T> RadiansToDegrees(HyperDual<T> radians)
        => new(T.RadiansToDegrees(radians.Value), T.RadiansToDegrees(radians.E1), T.RadiansToDegrees(radians.E2), T.RadiansToDegrees(radians.E1E2));

    /// <summary>tan x (row <see cref="UnaryRules.Tan"/>).</summary>
    /// <param name="x">The angle in radians.</param>
    /// <returns>tan x with its first and second derivatives.</returns>
    public static HyperDual<T> Tan(HyperDual<T> x) => Apply<UnaryRules.Tan>(x);

    /// <summary>tan(πx) (row <see cref="UnaryRules.TanPi"/>).</summary>
    /// <param name="x">The angle in half-turns.</param>
    /// <returns>tan(πx) with its first and second derivatives.</returns>
    public static HyperDual<T> TanPi(HyperDual<T> x) => Apply<UnaryRules.TanPi>(x);

    // A number whose perturbations are all exactly zero: the constant-argument rows apply.
    private static bool IsConstant(HyperDual<T> x)
        => StrongZero.IsExactZero(x.E1) && StrongZero.IsExactZero(x.E2) && StrongZero.IsExactZero(x.E1E2);
}

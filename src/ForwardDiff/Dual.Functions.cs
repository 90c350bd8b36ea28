using System.Numerics;
using System.Runtime.CompilerServices;
using ForwardDiff.Rules;

namespace ForwardDiff;

public readonly partial struct Dual<T>
{
    //
    // IExponentialFunctions
    //

    /// <summary>eˣ; derivative eˣ·b.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>eˣ.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> Exp(Dual<T> x) => Apply<UnaryRules.Exp>(x);

    /// <summary>eˣ − 1, accurate near 0; derivative eˣ·b.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>eˣ − 1.</returns>
    public static Dual<T> ExpM1(Dual<T> x) => Apply<UnaryRules.ExpM1>(x);

    /// <summary>2ˣ; derivative 2ˣ ln 2·b.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>2ˣ.</returns>
    public static Dual<T> Exp2(Dual<T> x) => Apply<UnaryRules.Exp2>(x);

    /// <summary>2ˣ − 1; derivative 2ˣ ln 2·b.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>2ˣ − 1.</returns>
    public static Dual<T> Exp2M1(Dual<T> x) => Apply<UnaryRules.Exp2M1>(x);

    /// <summary>10ˣ; derivative 10ˣ ln 10·b.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>10ˣ.</returns>
    public static Dual<T> Exp10(Dual<T> x) => Apply<UnaryRules.Exp10>(x);

    /// <summary>10ˣ − 1; derivative 10ˣ ln 10·b.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>10ˣ − 1.</returns>
    public static Dual<T> Exp10M1(Dual<T> x) => Apply<UnaryRules.Exp10M1>(x);

    //
    // IHyperbolicFunctions
    //

    /// <summary>acosh x; derivative b/√((x − 1)(x + 1)).</summary>
    /// <param name="x">The argument (≥ 1).</param>
    /// <returns>acosh x.</returns>
    public static Dual<T> Acosh(Dual<T> x) => Apply<UnaryRules.Acosh>(x);

    /// <summary>asinh x; derivative b/√(x² + 1).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>asinh x.</returns>
    public static Dual<T> Asinh(Dual<T> x) => Apply<UnaryRules.Asinh>(x);

    /// <summary>atanh x; derivative b/((1 − x)(1 + x)).</summary>
    /// <param name="x">The argument (|x| &lt; 1).</param>
    /// <returns>atanh x.</returns>
    public static Dual<T> Atanh(Dual<T> x) => Apply<UnaryRules.Atanh>(x);

    /// <summary>cosh x; derivative sinh x·b.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>cosh x.</returns>
    public static Dual<T> Cosh(Dual<T> x) => Apply<UnaryRules.Cosh>(x);

    /// <summary>sinh x; derivative cosh x·b.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>sinh x.</returns>
    public static Dual<T> Sinh(Dual<T> x) => Apply<UnaryRules.Sinh>(x);

    /// <summary>tanh x; derivative sech² x·b.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>tanh x.</returns>
    public static Dual<T> Tanh(Dual<T> x) => Apply<UnaryRules.Tanh>(x);

    //
    // ILogarithmicFunctions
    //

    /// <summary>ln x; derivative b/x (at x = 0 the derivative is ∞, and a zero b stays zero).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln x.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> Log(Dual<T> x) => Apply<UnaryRules.Log>(x);

    /// <summary>log_base x = ln x / ln base, differentiable in both arguments.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="newBase">The base.</param>
    /// <returns>log_base x.</returns>
    public static Dual<T> Log(Dual<T> x, Dual<T> newBase) => Apply<BinaryRules.LogBase>(x, newBase);

    /// <summary>ln(1 + x); derivative b/(1 + x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln(1 + x).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> LogP1(Dual<T> x) => Apply<UnaryRules.LogP1>(x);

    /// <summary>log₂ x; derivative b/(x ln 2).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>log₂ x.</returns>
    public static Dual<T> Log2(Dual<T> x) => Apply<UnaryRules.Log2>(x);

    /// <summary>log₂(1 + x); derivative b/((1 + x) ln 2).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>log₂(1 + x).</returns>
    public static Dual<T> Log2P1(Dual<T> x) => Apply<UnaryRules.Log2P1>(x);

    /// <summary>log₁₀ x; derivative b/(x ln 10).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>log₁₀ x.</returns>
    public static Dual<T> Log10(Dual<T> x) => Apply<UnaryRules.Log10>(x);

    /// <summary>log₁₀(1 + x); derivative b/((1 + x) ln 10).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>log₁₀(1 + x).</returns>
    public static Dual<T> Log10P1(Dual<T> x) => Apply<UnaryRules.Log10P1>(x);

    //
    // IPowerFunctions
    //

    /// <summary>
    /// xʸ, differentiable in both arguments (see the conventions at x = 0 on <see cref="BinaryRules.Pow"/>). When
    /// one argument carries no perturbation the cheaper one-argument row is used (no logarithm for a constant exponent).
    /// </summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>xʸ.</returns>
    public static Dual<T> Pow(Dual<T> x, Dual<T> y)
    {
        if (StrongZero.IsExactZero(y.Derivative))
        {
            return Apply<ParameterizedRules.PowConstantExponent>(x, y.Value);
        }

        if (StrongZero.IsExactZero(x.Derivative))
        {
            return Apply<ParameterizedRules.PowConstantBase>(y, x.Value);
        }

        return Apply<BinaryRules.Pow>(x, y);
    }

    /// <summary>x^c with a constant exponent; derivative c·x^(c−1)·b.</summary>
    /// <param name="x">The base.</param>
    /// <param name="exponent">The constant exponent.</param>
    /// <returns>x^c.</returns>
    public static Dual<T> Pow(Dual<T> x, T exponent) => Apply<ParameterizedRules.PowConstantExponent>(x, exponent);

    /// <summary>c^y with a constant base; derivative c^y ln c·b.</summary>
    /// <param name="constantBase">The constant base.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>c^y.</returns>
    public static Dual<T> Pow(T constantBase, Dual<T> y) => Apply<ParameterizedRules.PowConstantBase>(y, constantBase);

    //
    // IRootFunctions
    //

    /// <summary>∛x (defined for negative x); derivative b/(3 ∛x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>∛x.</returns>
    public static Dual<T> Cbrt(Dual<T> x) => Apply<UnaryRules.Cbrt>(x);

    /// <summary>√(x² + y²) without undue overflow; NaN derivatives at the origin.</summary>
    /// <param name="x">The first leg.</param>
    /// <param name="y">The second leg.</param>
    /// <returns>The hypotenuse.</returns>
    public static Dual<T> Hypot(Dual<T> x, Dual<T> y) => Apply<BinaryRules.Hypot>(x, y);

    /// <summary>The n-th root x^(1/n); derivative x^(1/n)/(n x)·b.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="n">The root index.</param>
    /// <returns>The n-th root.</returns>
    public static Dual<T> RootN(Dual<T> x, int n) => Apply<ParameterizedRules.RootN>(x, T.CreateTruncating(n));

    /// <summary>√x; derivative b/(2√x) (at x = 0 the derivative is +∞, and a zero b stays zero).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>√x.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> Sqrt(Dual<T> x) => Apply<UnaryRules.Sqrt>(x);

    //
    // ITrigonometricFunctions
    //

    /// <summary>acos x; derivative −b/√((1 − x)(1 + x)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>acos x.</returns>
    public static Dual<T> Acos(Dual<T> x) => Apply<UnaryRules.Acos>(x);

    /// <summary>acos(x)/π.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>acos(x)/π.</returns>
    public static Dual<T> AcosPi(Dual<T> x) => Apply<UnaryRules.AcosPi>(x);

    /// <summary>asin x; derivative b/√((1 − x)(1 + x)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>asin x.</returns>
    public static Dual<T> Asin(Dual<T> x) => Apply<UnaryRules.Asin>(x);

    /// <summary>asin(x)/π.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>asin(x)/π.</returns>
    public static Dual<T> AsinPi(Dual<T> x) => Apply<UnaryRules.AsinPi>(x);

    /// <summary>atan x; derivative b/(1 + x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>atan x.</returns>
    public static Dual<T> Atan(Dual<T> x) => Apply<UnaryRules.Atan>(x);

    /// <summary>atan(x)/π.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>atan(x)/π.</returns>
    public static Dual<T> AtanPi(Dual<T> x) => Apply<UnaryRules.AtanPi>(x);

    /// <summary>cos x; derivative −sin x·b.</summary>
    /// <param name="x">The argument in radians.</param>
    /// <returns>cos x.</returns>
    public static Dual<T> Cos(Dual<T> x) => Apply<UnaryRules.Cos>(x);

    /// <summary>cos(πx).</summary>
    /// <param name="x">The argument in half-turns.</param>
    /// <returns>cos(πx).</returns>
    public static Dual<T> CosPi(Dual<T> x) => Apply<UnaryRules.CosPi>(x);

    /// <summary>Converts degrees to radians (a linear map: the derivative is scaled by π/180).</summary>
    /// <param name="degrees">The angle in degrees.</param>
    /// <returns>The angle in radians.</returns>
    public static Dual<T> DegreesToRadians(Dual<T> degrees) => new(T.DegreesToRadians(degrees.Value), T.DegreesToRadians(degrees.Derivative));

    /// <summary>Converts radians to degrees (the derivative is scaled by 180/π).</summary>
    /// <param name="radians">The angle in radians.</param>
    /// <returns>The angle in degrees.</returns>
    public static Dual<T> RadiansToDegrees(Dual<T> radians) => new(T.RadiansToDegrees(radians.Value), T.RadiansToDegrees(radians.Derivative));

    /// <summary>sin x; derivative cos x·b.</summary>
    /// <param name="x">The argument in radians.</param>
    /// <returns>sin x.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> Sin(Dual<T> x) => Apply<UnaryRules.Sin>(x);

    /// <summary>sin x and cos x from one <c>SinCos</c> of the value (the <see cref="UnaryRules.Sin"/> and <see cref="UnaryRules.Cos"/> rows, fused).</summary>
    /// <param name="x">The argument in radians.</param>
    /// <returns>(sin x, cos x).</returns>
    public static (Dual<T> Sin, Dual<T> Cos) SinCos(Dual<T> x)
    {
        // sin(a + h) ≈ sin a + h cos a;  cos(a + h) ≈ cos a − h sin a
        (T sin, T cos) = T.SinCos(x.Value);
        return (new(sin, StrongZero.Product(cos, x.Derivative)), new(cos, StrongZero.Product(-sin, x.Derivative)));
    }

    /// <summary>sin(πx) and cos(πx) from one <c>SinCosPi</c> of the value.</summary>
    /// <param name="x">The argument in half-turns.</param>
    /// <returns>(sin πx, cos πx).</returns>
    public static (Dual<T> SinPi, Dual<T> CosPi) SinCosPi(Dual<T> x)
    {
        // sinpi(a + h) ≈ sinpi a + h π cospi a;  cospi(a + h) ≈ cospi a − h π sinpi a
        (T sin, T cos) = T.SinCosPi(x.Value);
        T pi = T.Pi;
        return (new(sin, StrongZero.Product(pi * cos, x.Derivative)), new(cos, StrongZero.Product(-(pi * sin), x.Derivative)));
    }

    /// <summary>sin(πx); derivative π cos(πx)·b (exactly ±π·b at integers).</summary>
    /// <param name="x">The argument in half-turns.</param>
    /// <returns>sin(πx).</returns>
    public static Dual<T> SinPi(Dual<T> x) => Apply<UnaryRules.SinPi>(x);

    /// <summary>tan x; derivative (1 + tan² x)·b.</summary>
    /// <param name="x">The argument in radians.</param>
    /// <returns>tan x.</returns>
    public static Dual<T> Tan(Dual<T> x) => Apply<UnaryRules.Tan>(x);

    /// <summary>tan(πx).</summary>
    /// <param name="x">The argument in half-turns.</param>
    /// <returns>tan(πx).</returns>
    public static Dual<T> TanPi(Dual<T> x) => Apply<UnaryRules.TanPi>(x);
}

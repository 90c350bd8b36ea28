using System.Numerics;
using System.Runtime.CompilerServices;
using ForwardDiff.Rules;

namespace ForwardDiff;

public readonly partial struct ChunkDual<T, TPartials> :
    IExponentialFunctions<ChunkDual<T, TPartials>>,
    IFloatingPointConstants<ChunkDual<T, TPartials>>,
    IHyperbolicFunctions<ChunkDual<T, TPartials>>,
    ILogarithmicFunctions<ChunkDual<T, TPartials>>,
    IPowerFunctions<ChunkDual<T, TPartials>>,
    IRootFunctions<ChunkDual<T, TPartials>>,
    ITrigonometricFunctions<ChunkDual<T, TPartials>>
{
    // Every differentiable function below is one row of the shared rule table (ForwardDiff.Rules): the row
    // returns f and f′ at the value, and Chain scales the partials by f′ (strong zero decided on f′ itself).
    // The few functions that are conventions rather than calculus (Abs, Min/Max, rounding, CopySign, …)
    // are written out here with their design notes.

    // For nested duals (T itself a dual) the rule rows are out of line: inlined, their nested arithmetic used up the
    // JIT's inlining budget for the user's function, after which even `double + double` and the partials kernels
    // became calls (seen in the disassembly of a Hessian pass over exp/sin/log/sqrt terms). For double and float the
    // rows stay inline.
    private static bool ScalarElements
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half) || typeof(T) == typeof(System.Runtime.InteropServices.NFloat);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ChunkDual<T, TPartials> Unary<TRule>(ChunkDual<T, TPartials> x)
        where TRule : IUnaryRule
        => ScalarElements ? UnaryInline<TRule>(x) : UnaryOutOfLine<TRule>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ChunkDual<T, TPartials> UnaryInline<TRule>(ChunkDual<T, TPartials> x)
        where TRule : IUnaryRule
    {
        T value = TRule.Evaluate(x._value, out T first);
        return Chain(value, first, x);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ChunkDual<T, TPartials> UnaryOutOfLine<TRule>(ChunkDual<T, TPartials> x)
        where TRule : IUnaryRule
        => UnaryInline<TRule>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ChunkDual<T, TPartials> Binary<TRule>(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y)
        where TRule : IBinaryRule
        => ScalarElements ? BinaryInline<TRule>(x, y) : BinaryOutOfLine<TRule>(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ChunkDual<T, TPartials> BinaryInline<TRule>(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y)
        where TRule : IBinaryRule
    {
        T value = TRule.Evaluate(x._value, y._value, out T dx, out T dy);
        return Chain(value, dx, x, dy, y);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ChunkDual<T, TPartials> BinaryOutOfLine<TRule>(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y)
        where TRule : IBinaryRule
        => BinaryInline<TRule>(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ChunkDual<T, TPartials> Parameterized<TRule>(ChunkDual<T, TPartials> x, T parameter)
        where TRule : IParameterizedRule
        => ScalarElements ? ParameterizedInline<TRule>(x, parameter) : ParameterizedOutOfLine<TRule>(x, parameter);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ChunkDual<T, TPartials> ParameterizedInline<TRule>(ChunkDual<T, TPartials> x, T parameter)
        where TRule : IParameterizedRule
    {
        T value = TRule.Evaluate(x._value, parameter, out T first);
        return Chain(value, first, x);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ChunkDual<T, TPartials> ParameterizedOutOfLine<TRule>(ChunkDual<T, TPartials> x, T parameter)
        where TRule : IParameterizedRule
        => ParameterizedInline<TRule>(x, parameter);

    // A map that is linear in its argument, applied to the value and to each partial (exact unit conversions).
    private static ChunkDual<T, TPartials> Linear(T value, in ChunkDual<T, TPartials> x, Func<T, T> map)
    {
        Unsafe.SkipInit(out ChunkDual<T, TPartials> r);
        ref T source = ref x.FirstPartial;
        ref T target = ref r.FirstPartial;
        for (int i = 0; i < TPartials.Count; i++)
        {
            Unsafe.Add(ref target, i) = map(Unsafe.Add(ref source, i));
        }

        r.ValueRef = value;
        return r;
    }

    //
    // IExponentialFunctions
    //

    /// <inheritdoc cref="IExponentialFunctions{TSelf}.Exp(TSelf)" />
    public static ChunkDual<T, TPartials> Exp(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Exp>(x);

    /// <inheritdoc cref="IExponentialFunctions{TSelf}.ExpM1(TSelf)" />
    public static ChunkDual<T, TPartials> ExpM1(ChunkDual<T, TPartials> x) => Unary<UnaryRules.ExpM1>(x);

    /// <inheritdoc cref="IExponentialFunctions{TSelf}.Exp2(TSelf)" />
    public static ChunkDual<T, TPartials> Exp2(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Exp2>(x);

    /// <inheritdoc cref="IExponentialFunctions{TSelf}.Exp2M1(TSelf)" />
    public static ChunkDual<T, TPartials> Exp2M1(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Exp2M1>(x);

    /// <inheritdoc cref="IExponentialFunctions{TSelf}.Exp10(TSelf)" />
    public static ChunkDual<T, TPartials> Exp10(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Exp10>(x);

    /// <inheritdoc cref="IExponentialFunctions{TSelf}.Exp10M1(TSelf)" />
    public static ChunkDual<T, TPartials> Exp10M1(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Exp10M1>(x);

    //
    // IFloatingPointConstants
    //

    /// <inheritdoc cref="IFloatingPointConstants{TSelf}.E" />
    public static ChunkDual<T, TPartials> E => new(T.E);

    /// <inheritdoc cref="IFloatingPointConstants{TSelf}.Pi" />
    public static ChunkDual<T, TPartials> Pi => new(T.Pi);

    /// <inheritdoc cref="IFloatingPointConstants{TSelf}.Tau" />
    public static ChunkDual<T, TPartials> Tau => new(T.Tau);

    //
    // IHyperbolicFunctions
    //

    /// <inheritdoc cref="IHyperbolicFunctions{TSelf}.Acosh(TSelf)" />
    public static ChunkDual<T, TPartials> Acosh(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Acosh>(x);

    /// <inheritdoc cref="IHyperbolicFunctions{TSelf}.Asinh(TSelf)" />
    public static ChunkDual<T, TPartials> Asinh(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Asinh>(x);

    /// <inheritdoc cref="IHyperbolicFunctions{TSelf}.Atanh(TSelf)" />
    public static ChunkDual<T, TPartials> Atanh(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Atanh>(x);

    /// <inheritdoc cref="IHyperbolicFunctions{TSelf}.Cosh(TSelf)" />
    public static ChunkDual<T, TPartials> Cosh(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Cosh>(x);

    /// <inheritdoc cref="IHyperbolicFunctions{TSelf}.Sinh(TSelf)" />
    public static ChunkDual<T, TPartials> Sinh(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Sinh>(x);

    /// <inheritdoc cref="IHyperbolicFunctions{TSelf}.Tanh(TSelf)" />
    public static ChunkDual<T, TPartials> Tanh(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Tanh>(x);

    //
    // ILogarithmicFunctions
    //

    /// <inheritdoc cref="ILogarithmicFunctions{TSelf}.Log(TSelf)" />
    public static ChunkDual<T, TPartials> Log(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Log>(x);

    /// <inheritdoc cref="ILogarithmicFunctions{TSelf}.Log(TSelf, TSelf)" />
    public static ChunkDual<T, TPartials> Log(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> newBase) => Binary<BinaryRules.LogBase>(x, newBase);

    /// <inheritdoc cref="ILogarithmicFunctions{TSelf}.LogP1(TSelf)" />
    public static ChunkDual<T, TPartials> LogP1(ChunkDual<T, TPartials> x) => Unary<UnaryRules.LogP1>(x);

    /// <inheritdoc cref="ILogarithmicFunctions{TSelf}.Log2(TSelf)" />
    public static ChunkDual<T, TPartials> Log2(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Log2>(x);

    /// <inheritdoc cref="ILogarithmicFunctions{TSelf}.Log2P1(TSelf)" />
    public static ChunkDual<T, TPartials> Log2P1(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Log2P1>(x);

    /// <inheritdoc cref="ILogarithmicFunctions{TSelf}.Log10(TSelf)" />
    public static ChunkDual<T, TPartials> Log10(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Log10>(x);

    /// <inheritdoc cref="ILogarithmicFunctions{TSelf}.Log10P1(TSelf)" />
    public static ChunkDual<T, TPartials> Log10P1(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Log10P1>(x);

    //
    // IPowerFunctions
    //

    /// <summary>
    /// xʸ, differentiable in both arguments (conventions at x = 0 on <see cref="BinaryRules.Pow"/>). As in
    /// <c>Dual&lt;T&gt;</c>, when one argument carries no perturbation the cheaper one-argument row is used.
    /// </summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>xʸ.</returns>
    public static ChunkDual<T, TPartials> Pow(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y)
    {
        if (PartialsMath.AllZero(ref y.FirstPartial, TPartials.Count))
        {
            return Parameterized<ParameterizedRules.PowConstantExponent>(x, y._value);
        }

        if (PartialsMath.AllZero(ref x.FirstPartial, TPartials.Count))
        {
            return Parameterized<ParameterizedRules.PowConstantBase>(y, x._value);
        }

        return Binary<BinaryRules.Pow>(x, y);
    }

    /// <summary>A constant raised to a dual power (only ∂/∂y is formed).</summary>
    /// <param name="constantBase">The constant base.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>baseʸ.</returns>
    public static ChunkDual<T, TPartials> Pow(T constantBase, ChunkDual<T, TPartials> y) => Parameterized<ParameterizedRules.PowConstantBase>(y, constantBase);

    /// <summary>x raised to a constant power (only ∂/∂x is formed; see the Pow row for the conventions at x = 0).</summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The constant exponent.</param>
    /// <returns>xʸ.</returns>
    public static ChunkDual<T, TPartials> Pow(ChunkDual<T, TPartials> x, T y) => Parameterized<ParameterizedRules.PowConstantExponent>(x, y);

    //
    // IRootFunctions
    //

    /// <inheritdoc cref="IRootFunctions{TSelf}.Cbrt(TSelf)" />
    public static ChunkDual<T, TPartials> Cbrt(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Cbrt>(x);

    /// <inheritdoc cref="IRootFunctions{TSelf}.Hypot(TSelf, TSelf)" />
    public static ChunkDual<T, TPartials> Hypot(ChunkDual<T, TPartials> x, ChunkDual<T, TPartials> y) => Binary<BinaryRules.Hypot>(x, y);

    /// <inheritdoc cref="IRootFunctions{TSelf}.RootN(TSelf, int)" />
    public static ChunkDual<T, TPartials> RootN(ChunkDual<T, TPartials> x, int n) => Parameterized<ParameterizedRules.RootN>(x, T.CreateTruncating(n));

    /// <inheritdoc cref="IRootFunctions{TSelf}.Sqrt(TSelf)" />
    public static ChunkDual<T, TPartials> Sqrt(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Sqrt>(x);

    //
    // ITrigonometricFunctions
    //

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.Acos(TSelf)" />
    public static ChunkDual<T, TPartials> Acos(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Acos>(x);

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.AcosPi(TSelf)" />
    public static ChunkDual<T, TPartials> AcosPi(ChunkDual<T, TPartials> x) => Unary<UnaryRules.AcosPi>(x);

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.Asin(TSelf)" />
    public static ChunkDual<T, TPartials> Asin(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Asin>(x);

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.AsinPi(TSelf)" />
    public static ChunkDual<T, TPartials> AsinPi(ChunkDual<T, TPartials> x) => Unary<UnaryRules.AsinPi>(x);

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.Atan(TSelf)" />
    public static ChunkDual<T, TPartials> Atan(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Atan>(x);

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.AtanPi(TSelf)" />
    public static ChunkDual<T, TPartials> AtanPi(ChunkDual<T, TPartials> x) => Unary<UnaryRules.AtanPi>(x);

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.Cos(TSelf)" />
    public static ChunkDual<T, TPartials> Cos(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Cos>(x);

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.CosPi(TSelf)" />
    public static ChunkDual<T, TPartials> CosPi(ChunkDual<T, TPartials> x) => Unary<UnaryRules.CosPi>(x);

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.DegreesToRadians(TSelf)" />
    public static ChunkDual<T, TPartials> DegreesToRadians(ChunkDual<T, TPartials> degrees) => Linear(T.DegreesToRadians(degrees._value), degrees, static p => T.DegreesToRadians(p));

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.RadiansToDegrees(TSelf)" />
    public static ChunkDual<T, TPartials> RadiansToDegrees(ChunkDual<T, TPartials> radians) => Linear(T.RadiansToDegrees(radians._value), radians, static p => T.RadiansToDegrees(p));

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.Sin(TSelf)" />
    public static ChunkDual<T, TPartials> Sin(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Sin>(x);

    /// <summary>sin x and cos x from one evaluation of the Sin row (which returns cos x as its derivative).</summary>
    /// <param name="x">The angle in radians.</param>
    /// <returns>(sin x, cos x).</returns>
    public static (ChunkDual<T, TPartials> Sin, ChunkDual<T, TPartials> Cos) SinCos(ChunkDual<T, TPartials> x)
    {
        // sin(a + h) ≈ sin a + h cos a;  cos(a + h) ≈ cos a − h sin a
        T sin = UnaryRules.Sin.Evaluate(x._value, out T cos);
        return (Chain(sin, cos, x), Chain(cos, -sin, x));
    }

    /// <summary>sin πx and cos πx from one <c>SinCosPi</c> of the value.</summary>
    /// <param name="x">The angle in half-turns.</param>
    /// <returns>(sin πx, cos πx).</returns>
    public static (ChunkDual<T, TPartials> SinPi, ChunkDual<T, TPartials> CosPi) SinCosPi(ChunkDual<T, TPartials> x)
    {
        // sinpi(a + h) ≈ sinpi a + h π cospi a;  cospi(a + h) ≈ cospi a − h π sinpi a
        (T sin, T cos) = T.SinCosPi(x._value);
        T pi = T.Pi;
        return (Chain(sin, pi * cos, x), Chain(cos, -(pi * sin), x));
    }

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.SinPi(TSelf)" />
    public static ChunkDual<T, TPartials> SinPi(ChunkDual<T, TPartials> x) => Unary<UnaryRules.SinPi>(x);

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.Tan(TSelf)" />
    public static ChunkDual<T, TPartials> Tan(ChunkDual<T, TPartials> x) => Unary<UnaryRules.Tan>(x);

    /// <inheritdoc cref="ITrigonometricFunctions{TSelf}.TanPi(TSelf)" />
    public static ChunkDual<T, TPartials> TanPi(ChunkDual<T, TPartials> x) => Unary<UnaryRules.TanPi>(x);

    //
    // IFloatingPointIeee754 functions (the rest of that interface is in ChunkDual.NumberBase.cs)
    //

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.Atan2(TSelf, TSelf)" />
    public static ChunkDual<T, TPartials> Atan2(ChunkDual<T, TPartials> y, ChunkDual<T, TPartials> x) => Binary<BinaryRules.Atan2>(y, x);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.Atan2Pi(TSelf, TSelf)" />
    public static ChunkDual<T, TPartials> Atan2Pi(ChunkDual<T, TPartials> y, ChunkDual<T, TPartials> x) => Binary<BinaryRules.Atan2Pi>(y, x);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.ReciprocalEstimate(TSelf)" />
    public static ChunkDual<T, TPartials> ReciprocalEstimate(ChunkDual<T, TPartials> x) => Unary<UnaryRules.ReciprocalEstimate>(x);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.ReciprocalSqrtEstimate(TSelf)" />
    public static ChunkDual<T, TPartials> ReciprocalSqrtEstimate(ChunkDual<T, TPartials> x) => Unary<UnaryRules.ReciprocalSqrtEstimate>(x);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.ScaleB(TSelf, int)" />
    public static ChunkDual<T, TPartials> ScaleB(ChunkDual<T, TPartials> x, int n) => Parameterized<ParameterizedRules.ScaleB>(x, T.CreateTruncating(n));

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.Ieee754Remainder(TSelf, TSelf)" />
    public static ChunkDual<T, TPartials> Ieee754Remainder(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right) => Binary<BinaryRules.Ieee754Remainder>(left, right);

    // fma(a + h, b + k, c + l) ≈ fma(a, b, c) + (b h + a k + l)
    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.FusedMultiplyAdd(TSelf, TSelf, TSelf)" />
    public static ChunkDual<T, TPartials> FusedMultiplyAdd(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right, ChunkDual<T, TPartials> addend)
    {
        Unsafe.SkipInit(out ChunkDual<T, TPartials> r);
        PartialsMath.LinearCombination(ref r.FirstPartial, right._value, ref left.FirstPartial, left._value, ref right.FirstPartial, T.One, ref addend.FirstPartial, TPartials.Count);
        r.ValueRef = T.FusedMultiplyAdd(left._value, right._value, addend._value);
        return r;
    }

    /// <summary>
    /// a·b + c: the value is <c>T.MultiplyAddEstimate</c> (fused where the hardware has FMA, as for double, so it equals
    /// the plain-<typeparamref name="T"/> result on every machine), the partials b·∂a + a·∂b + ∂c as in <see cref="FusedMultiplyAdd"/>.
    /// </summary>
    /// <param name="left">a.</param>
    /// <param name="right">b.</param>
    /// <param name="addend">c.</param>
    /// <returns>a·b + c.</returns>
    public static ChunkDual<T, TPartials> MultiplyAddEstimate(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right, ChunkDual<T, TPartials> addend)
    {
        Unsafe.SkipInit(out ChunkDual<T, TPartials> r);
        PartialsMath.LinearCombination(ref r.FirstPartial, right._value, ref left.FirstPartial, left._value, ref right.FirstPartial, T.One, ref addend.FirstPartial, TPartials.Count);
        r.ValueRef = T.MultiplyAddEstimate(left._value, right._value, addend._value);
        return r;
    }

    // Bit steps move the value by one ulp: a step function almost everywhere, but the dual follows the identity
    // x ↦ x it approximates, so the partials pass through unchanged (as for x + tiny constant).
    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.BitDecrement(TSelf)" />
    public static ChunkDual<T, TPartials> BitDecrement(ChunkDual<T, TPartials> x) => WithValue(T.BitDecrement(x._value), x);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.BitIncrement(TSelf)" />
    public static ChunkDual<T, TPartials> BitIncrement(ChunkDual<T, TPartials> x) => WithValue(T.BitIncrement(x._value), x);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.ILogB(TSelf)" />
    public static int ILogB(ChunkDual<T, TPartials> x) => T.ILogB(x._value);
}

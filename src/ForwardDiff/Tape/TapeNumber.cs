using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using ForwardDiff.Internal;

namespace ForwardDiff.Tape;

// The number type of the tape-based Hessian (HessianMethod.SecondOrderAdjoint). A TapeNumber is a value and the index
// of the tape node that produced it; index 0 is the shared "constant" node, whose tangent is always zero. Every
// operation on a non-constant operand appends a node to the thread's current tape (SecondOrderTape<T>.Current) with
// up to two parents and the local partials ∂a, ∂b, ∂²aa, ∂²ab, ∂²bb at the point.
//
// The local partials come from the rule table through HyperDual<T>: a function g is evaluated once on
// HyperDual(x, 1, 1, 0), which yields g, g′ and g″ with every convention of the dual numbers (strong zeros, ties,
// the sign bit of Abs at ±0, the Pow conventions). Two-argument functions take three hyper-dual evaluations (∂a and
// ∂²aa, ∂b and ∂²bb, and ∂²ab from ε₁ on a and ε₂ on b). +, −, ×, ÷ are written out, with the same coefficient
// expressions as the chunked duals so the tangents (the gradient) round the same way.
//
// Comparisons and predicates read the value. == and Equals also compare the node index, the tape's stand-in for the
// derivative: a number that depends on an input is never equal to a constant, as a perturbed dual is not.
internal readonly struct TapeNumber<T> : IFloatingPointIeee754<TapeNumber<T>>
    where T : IFloatingPointIeee754<T>
{
    public readonly T Value;
    public readonly int Index;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TapeNumber(T value, int index)
    {
        // value − value is +0 exactly when value is finite (∞ − ∞ and NaN give NaN): a test in floating-point
        // registers, where T.IsFinite would move the value to an integer register through memory
        if (value - value != T.Zero && index != 0)
        {
            // an infinite or NaN value that depends on the inputs: the dual numbers' conventions decide
            SecondOrderTape<T>.RequireNestedDuals();
        }

        Value = value;
        Index = index;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TapeNumber(T value)
    {
        Value = value;
        Index = 0;
    }

    public static implicit operator TapeNumber<T>(T value) => new(value);

    //
    // recording helpers
    //

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TapeNumber<T> Linear(T value, int a, T da)
        => new(value, SecondOrderTape<T>.Push(a, da, 0, T.Zero, T.Zero, T.Zero, T.Zero));

    private static HyperDual<T> Seed(TapeNumber<T> x) => new(x.Value, T.One, T.One, T.Zero);

    // g(x) from its hyper-dual evaluation at Seed(x)
    private static TapeNumber<T> FromHyper(TapeNumber<T> x, HyperDual<T> result)
        => x.Index == 0
            ? new(result.Value)
            : new(result.Value, SecondOrderTape<T>.Push(x.Index, result.E1, 0, T.Zero, result.E1E2, T.Zero, T.Zero));

    private static TapeNumber<T> Binary(TapeNumber<T> x, TapeNumber<T> y, Func<HyperDual<T>, HyperDual<T>, HyperDual<T>> function)
    {
        if (y.Index == 0)
        {
            return x.Index == 0
                ? new(function(new HyperDual<T>(x.Value), new HyperDual<T>(y.Value)).Value)
                : FromHyper(x, function(Seed(x), new HyperDual<T>(y.Value)));
        }

        if (x.Index == 0)
        {
            return FromHyper(y, function(new HyperDual<T>(x.Value), Seed(y)));
        }

        if (x.Index == y.Index)
        {
            // g(x, x): the total derivatives along x
            return FromHyper(x, function(Seed(x), Seed(y)));
        }

        HyperDual<T> alongX = function(Seed(x), new HyperDual<T>(y.Value));
        HyperDual<T> alongY = function(new HyperDual<T>(x.Value), Seed(y));
        HyperDual<T> mixed = function(new HyperDual<T>(x.Value, T.One, T.Zero, T.Zero), new HyperDual<T>(y.Value, T.Zero, T.One, T.Zero));
        return new(alongX.Value, SecondOrderTape<T>.Push(x.Index, alongX.E1, y.Index, alongY.E1, alongX.E1E2, mixed.E1E2, alongY.E1E2));
    }

    // the average of two numbers' perturbations (a tie of Max/Min/Clamp), with the given value
    private static TapeNumber<T> AverageOf(T value, TapeNumber<T> x, TapeNumber<T> y)
    {
        if (x.Index == y.Index)
        {
            return new(value, x.Index);
        }

        T half = T.One / (T.One + T.One);
        return new(value, SecondOrderTape<T>.Push(x.Index, x.Index == 0 ? T.Zero : half, y.Index, y.Index == 0 ? T.Zero : half, T.Zero, T.Zero, T.Zero));
    }

    private static TapeNumber<T> Select(TapeNumber<T> x, TapeNumber<T> y, T chosen)
    {
        if (Scalar.IsEqualValue(x.Value, y.Value))
        {
            return AverageOf(chosen, x, y);
        }

        TapeNumber<T> picked = (T.IsNaN(chosen) ? T.IsNaN(x.Value) : Scalar.IsEqualValue(chosen, x.Value)) ? x : y;
        return new(chosen, picked.Index);
    }

    //
    // operators
    //

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TapeNumber<T> operator +(TapeNumber<T> left, TapeNumber<T> right)
    {
        T value = left.Value + right.Value;
        if (right.Index == 0)
        {
            return new(value, left.Index);
        }

        if (left.Index == 0)
        {
            return new(value, right.Index);
        }

        return new(value, SecondOrderTape<T>.Push(left.Index, T.One, right.Index, T.One, T.Zero, T.Zero, T.Zero));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TapeNumber<T> operator -(TapeNumber<T> left, TapeNumber<T> right)
    {
        T value = left.Value - right.Value;
        if (right.Index == 0)
        {
            return new(value, left.Index);
        }

        if (left.Index == 0)
        {
            return Linear(value, right.Index, T.NegativeOne);
        }

        return new(value, SecondOrderTape<T>.Push(left.Index, T.One, right.Index, T.NegativeOne, T.Zero, T.Zero, T.Zero));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TapeNumber<T> operator *(TapeNumber<T> left, TapeNumber<T> right)
    {
        T value = left.Value * right.Value;
        if (right.Index == 0)
        {
            return left.Index == 0 ? new(value) : Linear(value, left.Index, right.Value);
        }

        if (left.Index == 0)
        {
            return Linear(value, right.Index, left.Value);
        }

        return new(value, SecondOrderTape<T>.Push(left.Index, right.Value, right.Index, left.Value, T.Zero, T.One, T.Zero));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TapeNumber<T> operator /(TapeNumber<T> left, TapeNumber<T> right)
    {
        if (right.Index == 0)
        {
            return left.Index == 0 ? new(left.Value / right.Value) : Linear(left.Value / right.Value, left.Index, T.One / right.Value);
        }

        // as the chunked duals: ∂a = 1/b, ∂b = −(q/b); second partials ∂²ab = −1/b², ∂²bb = 2q/b²
        T inverse = T.One / right.Value;
        T quotient = left.Value / right.Value;
        T slope = quotient * inverse;
        T curvature = (slope + slope) * inverse;
        if (left.Index == 0)
        {
            return new(quotient, SecondOrderTape<T>.Push(right.Index, -slope, 0, T.Zero, curvature, T.Zero, T.Zero));
        }

        return new(quotient, SecondOrderTape<T>.Push(left.Index, inverse, right.Index, -slope, T.Zero, -(inverse * inverse), curvature));
    }

    public static TapeNumber<T> operator %(TapeNumber<T> left, TapeNumber<T> right) => Binary(left, right, static (a, b) => a % b);

    public static TapeNumber<T> operator -(TapeNumber<T> value) => value.Index == 0 ? new(-value.Value) : Linear(-value.Value, value.Index, T.NegativeOne);

    public static TapeNumber<T> operator +(TapeNumber<T> value) => value;

    public static TapeNumber<T> operator ++(TapeNumber<T> value) => new(value.Value + T.One, value.Index);

    public static TapeNumber<T> operator --(TapeNumber<T> value) => new(value.Value - T.One, value.Index);

    public static bool operator ==(TapeNumber<T> left, TapeNumber<T> right) => left.Value == right.Value && left.Index == right.Index;

    public static bool operator !=(TapeNumber<T> left, TapeNumber<T> right) => !(left == right);

    public static bool operator <(TapeNumber<T> left, TapeNumber<T> right) => left.Value < right.Value;

    public static bool operator >(TapeNumber<T> left, TapeNumber<T> right) => left.Value > right.Value;

    public static bool operator <=(TapeNumber<T> left, TapeNumber<T> right) => left.Value <= right.Value;

    public static bool operator >=(TapeNumber<T> left, TapeNumber<T> right) => left.Value >= right.Value;

    //
    // constants
    //

    public static TapeNumber<T> Zero => new(T.Zero);

    public static TapeNumber<T> One => new(T.One);

    public static TapeNumber<T> NegativeOne => new(T.NegativeOne);

    public static int Radix => T.Radix;

    public static TapeNumber<T> AdditiveIdentity => new(T.AdditiveIdentity);

    public static TapeNumber<T> MultiplicativeIdentity => new(T.MultiplicativeIdentity);

    public static TapeNumber<T> E => new(T.E);

    public static TapeNumber<T> Pi => new(T.Pi);

    public static TapeNumber<T> Tau => new(T.Tau);

    public static TapeNumber<T> Epsilon => new(T.Epsilon);

    public static TapeNumber<T> NaN => new(T.NaN);

    public static TapeNumber<T> NegativeInfinity => new(T.NegativeInfinity);

    public static TapeNumber<T> NegativeZero => new(T.NegativeZero);

    public static TapeNumber<T> PositiveInfinity => new(T.PositiveInfinity);

    //
    // exponential, logarithmic, power, root
    //

    public static TapeNumber<T> Exp(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Exp(Seed(x)));

    public static TapeNumber<T> ExpM1(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.ExpM1(Seed(x)));

    public static TapeNumber<T> Exp2(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Exp2(Seed(x)));

    public static TapeNumber<T> Exp2M1(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Exp2M1(Seed(x)));

    public static TapeNumber<T> Exp10(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Exp10(Seed(x)));

    public static TapeNumber<T> Exp10M1(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Exp10M1(Seed(x)));

    public static TapeNumber<T> Log(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Log(Seed(x)));

    public static TapeNumber<T> Log(TapeNumber<T> x, TapeNumber<T> newBase) => Binary(x, newBase, static (a, b) => HyperDual<T>.Log(a, b));

    public static TapeNumber<T> Log2(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Log2(Seed(x)));

    public static TapeNumber<T> Log10(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Log10(Seed(x)));

    public static TapeNumber<T> LogP1(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.LogP1(Seed(x)));

    public static TapeNumber<T> Log2P1(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Log2P1(Seed(x)));

    public static TapeNumber<T> Log10P1(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Log10P1(Seed(x)));

    public static TapeNumber<T> Pow(TapeNumber<T> x, TapeNumber<T> y)
    {
        if (T.IsZero(x.Value) && (x.Index | y.Index) != 0)
        {
            // 0^y: the conventions of CONVENTIONS.md decide the partials, and nesting differentiates them again
            SecondOrderTape<T>.RequireNestedDuals();
        }

        return Binary(x, y, static (a, b) => HyperDual<T>.Pow(a, b));
    }

    public static TapeNumber<T> Sqrt(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Sqrt(Seed(x)));

    public static TapeNumber<T> Cbrt(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Cbrt(Seed(x)));

    public static TapeNumber<T> Hypot(TapeNumber<T> x, TapeNumber<T> y) => Binary(x, y, static (a, b) => HyperDual<T>.Hypot(a, b));

    public static TapeNumber<T> RootN(TapeNumber<T> x, int n) => FromHyper(x, HyperDual<T>.RootN(Seed(x), n));

    //
    // hyperbolic, trigonometric
    //

    public static TapeNumber<T> Sinh(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Sinh(Seed(x)));

    public static TapeNumber<T> Cosh(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Cosh(Seed(x)));

    public static TapeNumber<T> Tanh(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Tanh(Seed(x)));

    public static TapeNumber<T> Asinh(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Asinh(Seed(x)));

    public static TapeNumber<T> Acosh(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Acosh(Seed(x)));

    public static TapeNumber<T> Atanh(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Atanh(Seed(x)));

    public static TapeNumber<T> Sin(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Sin(Seed(x)));

    public static TapeNumber<T> Cos(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Cos(Seed(x)));

    public static TapeNumber<T> Tan(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Tan(Seed(x)));

    public static TapeNumber<T> SinPi(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.SinPi(Seed(x)));

    public static TapeNumber<T> CosPi(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.CosPi(Seed(x)));

    public static TapeNumber<T> TanPi(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.TanPi(Seed(x)));

    public static TapeNumber<T> Asin(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Asin(Seed(x)));

    public static TapeNumber<T> Acos(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Acos(Seed(x)));

    public static TapeNumber<T> Atan(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.Atan(Seed(x)));

    public static TapeNumber<T> AsinPi(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.AsinPi(Seed(x)));

    public static TapeNumber<T> AcosPi(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.AcosPi(Seed(x)));

    public static TapeNumber<T> AtanPi(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.AtanPi(Seed(x)));

    public static TapeNumber<T> Atan2(TapeNumber<T> y, TapeNumber<T> x) => Binary(y, x, static (a, b) => HyperDual<T>.Atan2(a, b));

    public static TapeNumber<T> Atan2Pi(TapeNumber<T> y, TapeNumber<T> x) => Binary(y, x, static (a, b) => HyperDual<T>.Atan2Pi(a, b));

    public static TapeNumber<T> DegreesToRadians(TapeNumber<T> degrees) => FromHyper(degrees, HyperDual<T>.DegreesToRadians(Seed(degrees)));

    public static TapeNumber<T> RadiansToDegrees(TapeNumber<T> radians) => FromHyper(radians, HyperDual<T>.RadiansToDegrees(Seed(radians)));

    public static (TapeNumber<T> Sin, TapeNumber<T> Cos) SinCos(TapeNumber<T> x)
    {
        (HyperDual<T> sin, HyperDual<T> cos) = HyperDual<T>.SinCos(Seed(x));
        return (FromHyper(x, sin), FromHyper(x, cos));
    }

    public static (TapeNumber<T> SinPi, TapeNumber<T> CosPi) SinCosPi(TapeNumber<T> x)
    {
        (HyperDual<T> sin, HyperDual<T> cos) = HyperDual<T>.SinCosPi(Seed(x));
        return (FromHyper(x, sin), FromHyper(x, cos));
    }

    //
    // IFloatingPoint, IFloatingPointIeee754
    //

    // piecewise constant: the result is a constant
    public static TapeNumber<T> Ceiling(TapeNumber<T> x) => new(T.Ceiling(x.Value));

    public static TapeNumber<T> Floor(TapeNumber<T> x) => new(T.Floor(x.Value));

    public static TapeNumber<T> Round(TapeNumber<T> x) => new(T.Round(x.Value));

    public static TapeNumber<T> Round(TapeNumber<T> x, int digits) => new(T.Round(x.Value, digits));

    public static TapeNumber<T> Round(TapeNumber<T> x, MidpointRounding mode) => new(T.Round(x.Value, mode));

    public static TapeNumber<T> Round(TapeNumber<T> x, int digits, MidpointRounding mode) => new(T.Round(x.Value, digits, mode));

    public static TapeNumber<T> Truncate(TapeNumber<T> x) => new(T.Truncate(x.Value));

    public static TapeNumber<T> BitIncrement(TapeNumber<T> x) => new(T.BitIncrement(x.Value), x.Index);

    public static TapeNumber<T> BitDecrement(TapeNumber<T> x) => new(T.BitDecrement(x.Value), x.Index);

    public static TapeNumber<T> FusedMultiplyAdd(TapeNumber<T> left, TapeNumber<T> right, TapeNumber<T> addend)
        => new(T.FusedMultiplyAdd(left.Value, right.Value, addend.Value), ((left * right) + addend).Index);

    public static TapeNumber<T> MultiplyAddEstimate(TapeNumber<T> left, TapeNumber<T> right, TapeNumber<T> addend)
        => new(T.MultiplyAddEstimate(left.Value, right.Value, addend.Value), ((left * right) + addend).Index);

    public static TapeNumber<T> Lerp(TapeNumber<T> value1, TapeNumber<T> value2, TapeNumber<T> amount)
        => new(T.Lerp(value1.Value, value2.Value, amount.Value), ((value1 * (One - amount)) + (value2 * amount)).Index);

    public static TapeNumber<T> Ieee754Remainder(TapeNumber<T> left, TapeNumber<T> right) => Binary(left, right, static (a, b) => HyperDual<T>.Ieee754Remainder(a, b));

    public static int ILogB(TapeNumber<T> x) => T.ILogB(x.Value);

    public static TapeNumber<T> ReciprocalEstimate(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.ReciprocalEstimate(Seed(x)));

    public static TapeNumber<T> ReciprocalSqrtEstimate(TapeNumber<T> x) => FromHyper(x, HyperDual<T>.ReciprocalSqrtEstimate(Seed(x)));

    public static TapeNumber<T> ScaleB(TapeNumber<T> x, int n)
        => x.Index == 0 ? new(T.ScaleB(x.Value, n)) : Linear(T.ScaleB(x.Value, n), x.Index, T.ScaleB(T.One, n));

    int IFloatingPoint<TapeNumber<T>>.GetExponentByteCount() => Value.GetExponentByteCount();

    int IFloatingPoint<TapeNumber<T>>.GetExponentShortestBitLength() => Value.GetExponentShortestBitLength();

    int IFloatingPoint<TapeNumber<T>>.GetSignificandBitLength() => Value.GetSignificandBitLength();

    int IFloatingPoint<TapeNumber<T>>.GetSignificandByteCount() => Value.GetSignificandByteCount();

    bool IFloatingPoint<TapeNumber<T>>.TryWriteExponentBigEndian(Span<byte> destination, out int bytesWritten)
        => Value.TryWriteExponentBigEndian(destination, out bytesWritten);

    bool IFloatingPoint<TapeNumber<T>>.TryWriteExponentLittleEndian(Span<byte> destination, out int bytesWritten)
        => Value.TryWriteExponentLittleEndian(destination, out bytesWritten);

    bool IFloatingPoint<TapeNumber<T>>.TryWriteSignificandBigEndian(Span<byte> destination, out int bytesWritten)
        => Value.TryWriteSignificandBigEndian(destination, out bytesWritten);

    bool IFloatingPoint<TapeNumber<T>>.TryWriteSignificandLittleEndian(Span<byte> destination, out int bytesWritten)
        => Value.TryWriteSignificandLittleEndian(destination, out bytesWritten);

    //
    // INumber, INumberBase
    //

    public static TapeNumber<T> Abs(TapeNumber<T> value) => FromHyper(value, HyperDual<T>.Abs(Seed(value)));

    public static TapeNumber<T> Clamp(TapeNumber<T> value, TapeNumber<T> min, TapeNumber<T> max)
    {
        if (min.Value > max.Value)
        {
            throw new ArgumentException($"Clamp: min ({min.Value}) must not be greater than max ({max.Value}).", nameof(min));
        }

        // the perturbations of Min(Max(value, min), max) with the tie rule at each stage (as HyperDual<T>.Clamp)
        TapeNumber<T> lower = value.Value < min.Value ? min : Scalar.IsEqualValue(value.Value, min.Value) ? AverageOf(value.Value, value, min) : value;
        TapeNumber<T> upper = lower.Value > max.Value ? max : Scalar.IsEqualValue(lower.Value, max.Value) ? AverageOf(lower.Value, lower, max) : lower;
        return new(T.Clamp(value.Value, min.Value, max.Value), upper.Index);
    }

    public static TapeNumber<T> CopySign(TapeNumber<T> value, TapeNumber<T> sign)
    {
        T result = T.CopySign(value.Value, sign.Value);
        bool flipped = T.IsNegative(value.Value) != T.IsNegative(sign.Value);
        return flipped && value.Index != 0 ? Linear(result, value.Index, T.NegativeOne) : new(result, value.Index);
    }

    public static TapeNumber<T> Max(TapeNumber<T> x, TapeNumber<T> y) => Select(x, y, T.Max(x.Value, y.Value));

    public static TapeNumber<T> MaxNumber(TapeNumber<T> x, TapeNumber<T> y) => Select(x, y, T.MaxNumber(x.Value, y.Value));

    public static TapeNumber<T> Min(TapeNumber<T> x, TapeNumber<T> y) => Select(x, y, T.Min(x.Value, y.Value));

    public static TapeNumber<T> MinNumber(TapeNumber<T> x, TapeNumber<T> y) => Select(x, y, T.MinNumber(x.Value, y.Value));

    public static TapeNumber<T> MaxMagnitude(TapeNumber<T> x, TapeNumber<T> y) => Select(x, y, T.MaxMagnitude(x.Value, y.Value));

    public static TapeNumber<T> MaxMagnitudeNumber(TapeNumber<T> x, TapeNumber<T> y) => Select(x, y, T.MaxMagnitudeNumber(x.Value, y.Value));

    public static TapeNumber<T> MinMagnitude(TapeNumber<T> x, TapeNumber<T> y) => Select(x, y, T.MinMagnitude(x.Value, y.Value));

    public static TapeNumber<T> MinMagnitudeNumber(TapeNumber<T> x, TapeNumber<T> y) => Select(x, y, T.MinMagnitudeNumber(x.Value, y.Value));

    public static int Sign(TapeNumber<T> value) => T.Sign(value.Value);

    public static bool IsCanonical(TapeNumber<T> value) => T.IsCanonical(value.Value);

    public static bool IsComplexNumber(TapeNumber<T> value) => T.IsComplexNumber(value.Value);

    public static bool IsEvenInteger(TapeNumber<T> value) => T.IsEvenInteger(value.Value);

    public static bool IsFinite(TapeNumber<T> value) => T.IsFinite(value.Value);

    public static bool IsImaginaryNumber(TapeNumber<T> value) => T.IsImaginaryNumber(value.Value);

    public static bool IsInfinity(TapeNumber<T> value) => T.IsInfinity(value.Value);

    public static bool IsInteger(TapeNumber<T> value) => T.IsInteger(value.Value);

    public static bool IsNaN(TapeNumber<T> value) => T.IsNaN(value.Value);

    public static bool IsNegative(TapeNumber<T> value) => T.IsNegative(value.Value);

    public static bool IsNegativeInfinity(TapeNumber<T> value) => T.IsNegativeInfinity(value.Value);

    public static bool IsNormal(TapeNumber<T> value) => T.IsNormal(value.Value);

    public static bool IsOddInteger(TapeNumber<T> value) => T.IsOddInteger(value.Value);

    public static bool IsPositive(TapeNumber<T> value) => T.IsPositive(value.Value);

    public static bool IsPositiveInfinity(TapeNumber<T> value) => T.IsPositiveInfinity(value.Value);

    public static bool IsRealNumber(TapeNumber<T> value) => T.IsRealNumber(value.Value);

    public static bool IsSubnormal(TapeNumber<T> value) => T.IsSubnormal(value.Value);

    public static bool IsZero(TapeNumber<T> value) => T.IsZero(value.Value) && value.Index == 0;

    //
    // conversions: from T or any other number, a constant; out of the tape, the value
    //

    static bool INumberBase<TapeNumber<T>>.TryConvertFromChecked<TOther>(TOther value, out TapeNumber<T> result)
        => TryConvertFrom(value, NumberConversionKind.Checked, out result);

    static bool INumberBase<TapeNumber<T>>.TryConvertFromSaturating<TOther>(TOther value, out TapeNumber<T> result)
        => TryConvertFrom(value, NumberConversionKind.Saturating, out result);

    static bool INumberBase<TapeNumber<T>>.TryConvertFromTruncating<TOther>(TOther value, out TapeNumber<T> result)
        => TryConvertFrom(value, NumberConversionKind.Truncating, out result);

    static bool INumberBase<TapeNumber<T>>.TryConvertToChecked<TOther>(TapeNumber<T> value, [MaybeNullWhen(false)] out TOther result)
        => NumberConversion.TryConvert(value.Value, NumberConversionKind.Checked, out result);

    static bool INumberBase<TapeNumber<T>>.TryConvertToSaturating<TOther>(TapeNumber<T> value, [MaybeNullWhen(false)] out TOther result)
        => NumberConversion.TryConvert(value.Value, NumberConversionKind.Saturating, out result);

    static bool INumberBase<TapeNumber<T>>.TryConvertToTruncating<TOther>(TapeNumber<T> value, [MaybeNullWhen(false)] out TOther result)
        => NumberConversion.TryConvert(value.Value, NumberConversionKind.Truncating, out result);

    private static bool TryConvertFrom<TOther>(TOther value, NumberConversionKind kind, out TapeNumber<T> result)
        where TOther : INumberBase<TOther>
    {
        if (typeof(TOther) == typeof(TapeNumber<T>))
        {
            result = (TapeNumber<T>)(object)value;
            return true;
        }

        if (NumberConversion.TryConvertFrom(value, kind, out T converted, out T _))
        {
            result = new(converted);
            return true;
        }

        result = Zero;
        return false;
    }

    //
    // equality, ordering, text (value; equality also the node)
    //

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        TapeNumber<T> other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(TapeNumber<T>)}.", nameof(obj)),
    };

    public int CompareTo(TapeNumber<T> other)
    {
        int byValue = Value.CompareTo(other.Value);
        return byValue != 0 ? byValue : Index.CompareTo(other.Index);
    }

    public bool Equals(TapeNumber<T> other) => Value.Equals(other.Value) && Index == other.Index;

    public override bool Equals(object? obj) => obj is TapeNumber<T> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Value, Index);

    public override string ToString() => Value.ToString() ?? string.Empty;

    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => Value.TryFormat(destination, out charsWritten, format, provider);

    public static TapeNumber<T> Parse(string s, IFormatProvider? provider) => new(T.Parse(s, provider));

    public static TapeNumber<T> Parse(string s, NumberStyles style, IFormatProvider? provider) => new(T.Parse(s, style, provider));

    public static TapeNumber<T> Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(T.Parse(s, provider));

    public static TapeNumber<T> Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => new(T.Parse(s, style, provider));

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TapeNumber<T> result)
        => Wrap(T.TryParse(s, provider, out T? value), value, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, out TapeNumber<T> result)
        => Wrap(T.TryParse(s, style, provider, out T? value), value, out result);

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out TapeNumber<T> result)
        => Wrap(T.TryParse(s, provider, out T? value), value, out result);

    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out TapeNumber<T> result)
        => Wrap(T.TryParse(s, style, provider, out T? value), value, out result);

    private static bool Wrap(bool parsed, T? value, out TapeNumber<T> result)
    {
        result = parsed && value is not null ? new(value) : Zero;
        return parsed;
    }
}

using System.Globalization;
using System.Numerics;

namespace ForwardDiff.Tests.Dual;

/// <summary>
/// One helper per interface member, each constrained on the narrowest interface that declares it (after
/// dotnet/runtime's <c>AdditionOperatorsHelper</c>), so tests reach every member THROUGH the interface,
/// explicit implementations included, and run the very same call on double and on Dual&lt;double&gt;.
/// </summary>
internal static class Via
{
    // IAdditionOperators, ISubtractionOperators, IMultiplyOperators, IDivisionOperators, IModulusOperators
    public static T Add<T>(T a, T b) where T : IAdditionOperators<T, T, T> => a + b;

    public static T CheckedAdd<T>(T a, T b) where T : IAdditionOperators<T, T, T> => checked(a + b);

    public static T Subtract<T>(T a, T b) where T : ISubtractionOperators<T, T, T> => a - b;

    public static T CheckedSubtract<T>(T a, T b) where T : ISubtractionOperators<T, T, T> => checked(a - b);

    public static T Multiply<T>(T a, T b) where T : IMultiplyOperators<T, T, T> => a * b;

    public static T CheckedMultiply<T>(T a, T b) where T : IMultiplyOperators<T, T, T> => checked(a * b);

    public static T Divide<T>(T a, T b) where T : IDivisionOperators<T, T, T> => a / b;

    public static T CheckedDivide<T>(T a, T b) where T : IDivisionOperators<T, T, T> => checked(a / b);

    public static T Modulus<T>(T a, T b) where T : IModulusOperators<T, T, T> => a % b;

    // IUnaryNegationOperators, IUnaryPlusOperators, IIncrementOperators, IDecrementOperators
    public static T Negate<T>(T a) where T : IUnaryNegationOperators<T, T> => -a;

    public static T CheckedNegate<T>(T a) where T : IUnaryNegationOperators<T, T> => checked(-a);

    public static T Plus<T>(T a) where T : IUnaryPlusOperators<T, T> => +a;

    public static T Increment<T>(T a) where T : IIncrementOperators<T> => ++a;

    public static T CheckedIncrement<T>(T a) where T : IIncrementOperators<T> => checked(++a);

    public static T Decrement<T>(T a) where T : IDecrementOperators<T> => --a;

    public static T CheckedDecrement<T>(T a) where T : IDecrementOperators<T> => checked(--a);

    // IEqualityOperators, IComparisonOperators
    public static bool Equal<T>(T a, T b) where T : IEqualityOperators<T, T, bool> => a == b;

    public static bool NotEqual<T>(T a, T b) where T : IEqualityOperators<T, T, bool> => a != b;

    public static bool Less<T>(T a, T b) where T : IComparisonOperators<T, T, bool> => a < b;

    public static bool LessOrEqual<T>(T a, T b) where T : IComparisonOperators<T, T, bool> => a <= b;

    public static bool Greater<T>(T a, T b) where T : IComparisonOperators<T, T, bool> => a > b;

    public static bool GreaterOrEqual<T>(T a, T b) where T : IComparisonOperators<T, T, bool> => a >= b;

    public static int CompareTo<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b);

    public static int CompareToObject<T>(T a, object? b) where T : IComparable => a.CompareTo(b);

    public static bool EqualsOf<T>(T a, T b) where T : IEquatable<T> => a.Equals(b);

    // IAdditiveIdentity, IMultiplicativeIdentity, IMinMaxValue, ISignedNumber, INumberBase constants
    public static T AdditiveIdentity<T>() where T : IAdditiveIdentity<T, T> => T.AdditiveIdentity;

    public static T MultiplicativeIdentity<T>() where T : IMultiplicativeIdentity<T, T> => T.MultiplicativeIdentity;

    public static T MinValue<T>() where T : IMinMaxValue<T> => T.MinValue;

    public static T MaxValue<T>() where T : IMinMaxValue<T> => T.MaxValue;

    public static T NegativeOne<T>() where T : ISignedNumber<T> => T.NegativeOne;

    public static T One<T>() where T : INumberBase<T> => T.One;

    public static T Zero<T>() where T : INumberBase<T> => T.Zero;

    public static int Radix<T>() where T : INumberBase<T> => T.Radix;

    // IFloatingPointConstants, IFloatingPointIeee754 constants
    public static T E<T>() where T : IFloatingPointConstants<T> => T.E;

    public static T Pi<T>() where T : IFloatingPointConstants<T> => T.Pi;

    public static T Tau<T>() where T : IFloatingPointConstants<T> => T.Tau;

    public static T Epsilon<T>() where T : IFloatingPointIeee754<T> => T.Epsilon;

    public static T NaN<T>() where T : IFloatingPointIeee754<T> => T.NaN;

    public static T NegativeInfinity<T>() where T : IFloatingPointIeee754<T> => T.NegativeInfinity;

    public static T NegativeZero<T>() where T : IFloatingPointIeee754<T> => T.NegativeZero;

    public static T PositiveInfinity<T>() where T : IFloatingPointIeee754<T> => T.PositiveInfinity;

    // INumberBase predicates
    public static bool IsCanonical<T>(T x) where T : INumberBase<T> => T.IsCanonical(x);

    public static bool IsComplexNumber<T>(T x) where T : INumberBase<T> => T.IsComplexNumber(x);

    public static bool IsEvenInteger<T>(T x) where T : INumberBase<T> => T.IsEvenInteger(x);

    public static bool IsFinite<T>(T x) where T : INumberBase<T> => T.IsFinite(x);

    public static bool IsImaginaryNumber<T>(T x) where T : INumberBase<T> => T.IsImaginaryNumber(x);

    public static bool IsInfinity<T>(T x) where T : INumberBase<T> => T.IsInfinity(x);

    public static bool IsInteger<T>(T x) where T : INumberBase<T> => T.IsInteger(x);

    public static bool IsNaN<T>(T x) where T : INumberBase<T> => T.IsNaN(x);

    public static bool IsNegative<T>(T x) where T : INumberBase<T> => T.IsNegative(x);

    public static bool IsNegativeInfinity<T>(T x) where T : INumberBase<T> => T.IsNegativeInfinity(x);

    public static bool IsNormal<T>(T x) where T : INumberBase<T> => T.IsNormal(x);

    public static bool IsOddInteger<T>(T x) where T : INumberBase<T> => T.IsOddInteger(x);

    public static bool IsPositive<T>(T x) where T : INumberBase<T> => T.IsPositive(x);

    public static bool IsPositiveInfinity<T>(T x) where T : INumberBase<T> => T.IsPositiveInfinity(x);

    public static bool IsRealNumber<T>(T x) where T : INumberBase<T> => T.IsRealNumber(x);

    public static bool IsSubnormal<T>(T x) where T : INumberBase<T> => T.IsSubnormal(x);

    public static bool IsZero<T>(T x) where T : INumberBase<T> => T.IsZero(x);

    // INumberBase functions
    public static T Abs<T>(T x) where T : INumberBase<T> => T.Abs(x);

    public static T MaxMagnitude<T>(T x, T y) where T : INumberBase<T> => T.MaxMagnitude(x, y);

    public static T MaxMagnitudeNumber<T>(T x, T y) where T : INumberBase<T> => T.MaxMagnitudeNumber(x, y);

    public static T MinMagnitude<T>(T x, T y) where T : INumberBase<T> => T.MinMagnitude(x, y);

    public static T MinMagnitudeNumber<T>(T x, T y) where T : INumberBase<T> => T.MinMagnitudeNumber(x, y);

    public static T MultiplyAddEstimate<T>(T a, T b, T c) where T : INumberBase<T> => T.MultiplyAddEstimate(a, b, c);

    // INumber
    public static T Clamp<T>(T x, T min, T max) where T : INumber<T> => T.Clamp(x, min, max);

    public static T ClampNative<T>(T x, T min, T max) where T : INumber<T> => T.ClampNative(x, min, max);

    public static T CopySign<T>(T x, T sign) where T : INumber<T> => T.CopySign(x, sign);

    public static T Max<T>(T x, T y) where T : INumber<T> => T.Max(x, y);

    public static T MaxNative<T>(T x, T y) where T : INumber<T> => T.MaxNative(x, y);

    public static T MaxNumber<T>(T x, T y) where T : INumber<T> => T.MaxNumber(x, y);

    public static T Min<T>(T x, T y) where T : INumber<T> => T.Min(x, y);

    public static T MinNative<T>(T x, T y) where T : INumber<T> => T.MinNative(x, y);

    public static T MinNumber<T>(T x, T y) where T : INumber<T> => T.MinNumber(x, y);

    public static int Sign<T>(T x) where T : INumber<T> => T.Sign(x);

    // IFloatingPoint
    public static T Ceiling<T>(T x) where T : IFloatingPoint<T> => T.Ceiling(x);

    public static T Floor<T>(T x) where T : IFloatingPoint<T> => T.Floor(x);

    public static T Round<T>(T x) where T : IFloatingPoint<T> => T.Round(x);

    public static T RoundDigits<T>(T x, int digits) where T : IFloatingPoint<T> => T.Round(x, digits);

    public static T RoundMode<T>(T x, MidpointRounding mode) where T : IFloatingPoint<T> => T.Round(x, mode);

    public static T RoundDigitsMode<T>(T x, int digits, MidpointRounding mode) where T : IFloatingPoint<T> => T.Round(x, digits, mode);

    public static T Truncate<T>(T x) where T : IFloatingPoint<T> => T.Truncate(x);

    public static TInteger ConvertToInteger<T, TInteger>(T x) where T : IFloatingPoint<T> where TInteger : IBinaryInteger<TInteger> => T.ConvertToInteger<TInteger>(x);

    public static TInteger ConvertToIntegerNative<T, TInteger>(T x) where T : IFloatingPoint<T> where TInteger : IBinaryInteger<TInteger> => T.ConvertToIntegerNative<TInteger>(x);

    public static int GetExponentByteCount<T>(T x) where T : IFloatingPoint<T> => x.GetExponentByteCount();

    public static int GetExponentShortestBitLength<T>(T x) where T : IFloatingPoint<T> => x.GetExponentShortestBitLength();

    public static int GetSignificandBitLength<T>(T x) where T : IFloatingPoint<T> => x.GetSignificandBitLength();

    public static int GetSignificandByteCount<T>(T x) where T : IFloatingPoint<T> => x.GetSignificandByteCount();

    public static string WriteExponentAndSignificand<T>(T x) where T : IFloatingPoint<T>
    {
        Span<byte> buffer = stackalloc byte[32];
        var parts = new List<string>();
        parts.Add(x.TryWriteExponentBigEndian(buffer, out int written) ? Convert.ToHexString(buffer[..written]) : "fail");
        parts.Add(x.TryWriteExponentLittleEndian(buffer, out written) ? Convert.ToHexString(buffer[..written]) : "fail");
        parts.Add(x.TryWriteSignificandBigEndian(buffer, out written) ? Convert.ToHexString(buffer[..written]) : "fail");
        parts.Add(x.TryWriteSignificandLittleEndian(buffer, out written) ? Convert.ToHexString(buffer[..written]) : "fail");
        parts.Add(x.TryWriteExponentBigEndian(buffer[..0], out _) ? "fits" : "short");
        parts.Add(x.TryWriteSignificandLittleEndian(buffer[..0], out _) ? "fits" : "short");
        return string.Join('|', parts);
    }

    // IFloatingPointIeee754
    public static T Atan2<T>(T y, T x) where T : IFloatingPointIeee754<T> => T.Atan2(y, x);

    public static T Atan2Pi<T>(T y, T x) where T : IFloatingPointIeee754<T> => T.Atan2Pi(y, x);

    public static T BitDecrement<T>(T x) where T : IFloatingPointIeee754<T> => T.BitDecrement(x);

    public static T BitIncrement<T>(T x) where T : IFloatingPointIeee754<T> => T.BitIncrement(x);

    public static T FusedMultiplyAdd<T>(T a, T b, T c) where T : IFloatingPointIeee754<T> => T.FusedMultiplyAdd(a, b, c);

    public static T Ieee754Remainder<T>(T x, T y) where T : IFloatingPointIeee754<T> => T.Ieee754Remainder(x, y);

    public static int ILogB<T>(T x) where T : IFloatingPointIeee754<T> => T.ILogB(x);

    public static T Lerp<T>(T a, T b, T t) where T : IFloatingPointIeee754<T> => T.Lerp(a, b, t);

    public static T ReciprocalEstimate<T>(T x) where T : IFloatingPointIeee754<T> => T.ReciprocalEstimate(x);

    public static T ReciprocalSqrtEstimate<T>(T x) where T : IFloatingPointIeee754<T> => T.ReciprocalSqrtEstimate(x);

    public static T ScaleB<T>(T x, int n) where T : IFloatingPointIeee754<T> => T.ScaleB(x, n);

    // IExponentialFunctions
    public static T Exp<T>(T x) where T : IExponentialFunctions<T> => T.Exp(x);

    public static T ExpM1<T>(T x) where T : IExponentialFunctions<T> => T.ExpM1(x);

    public static T Exp2<T>(T x) where T : IExponentialFunctions<T> => T.Exp2(x);

    public static T Exp2M1<T>(T x) where T : IExponentialFunctions<T> => T.Exp2M1(x);

    public static T Exp10<T>(T x) where T : IExponentialFunctions<T> => T.Exp10(x);

    public static T Exp10M1<T>(T x) where T : IExponentialFunctions<T> => T.Exp10M1(x);

    // IHyperbolicFunctions
    public static T Sinh<T>(T x) where T : IHyperbolicFunctions<T> => T.Sinh(x);

    public static T Cosh<T>(T x) where T : IHyperbolicFunctions<T> => T.Cosh(x);

    public static T Tanh<T>(T x) where T : IHyperbolicFunctions<T> => T.Tanh(x);

    public static T Asinh<T>(T x) where T : IHyperbolicFunctions<T> => T.Asinh(x);

    public static T Acosh<T>(T x) where T : IHyperbolicFunctions<T> => T.Acosh(x);

    public static T Atanh<T>(T x) where T : IHyperbolicFunctions<T> => T.Atanh(x);

    // ILogarithmicFunctions
    public static T Log<T>(T x) where T : ILogarithmicFunctions<T> => T.Log(x);

    public static T LogBase<T>(T x, T b) where T : ILogarithmicFunctions<T> => T.Log(x, b);

    public static T LogP1<T>(T x) where T : ILogarithmicFunctions<T> => T.LogP1(x);

    public static T Log2<T>(T x) where T : ILogarithmicFunctions<T> => T.Log2(x);

    public static T Log2P1<T>(T x) where T : ILogarithmicFunctions<T> => T.Log2P1(x);

    public static T Log10<T>(T x) where T : ILogarithmicFunctions<T> => T.Log10(x);

    public static T Log10P1<T>(T x) where T : ILogarithmicFunctions<T> => T.Log10P1(x);

    // IPowerFunctions, IRootFunctions
    public static T Pow<T>(T x, T y) where T : IPowerFunctions<T> => T.Pow(x, y);

    public static T Cbrt<T>(T x) where T : IRootFunctions<T> => T.Cbrt(x);

    public static T Hypot<T>(T x, T y) where T : IRootFunctions<T> => T.Hypot(x, y);

    public static T RootN<T>(T x, int n) where T : IRootFunctions<T> => T.RootN(x, n);

    public static T Sqrt<T>(T x) where T : IRootFunctions<T> => T.Sqrt(x);

    // ITrigonometricFunctions
    public static T Sin<T>(T x) where T : ITrigonometricFunctions<T> => T.Sin(x);

    public static T Cos<T>(T x) where T : ITrigonometricFunctions<T> => T.Cos(x);

    public static T Tan<T>(T x) where T : ITrigonometricFunctions<T> => T.Tan(x);

    public static T Asin<T>(T x) where T : ITrigonometricFunctions<T> => T.Asin(x);

    public static T Acos<T>(T x) where T : ITrigonometricFunctions<T> => T.Acos(x);

    public static T Atan<T>(T x) where T : ITrigonometricFunctions<T> => T.Atan(x);

    public static T SinPi<T>(T x) where T : ITrigonometricFunctions<T> => T.SinPi(x);

    public static T CosPi<T>(T x) where T : ITrigonometricFunctions<T> => T.CosPi(x);

    public static T TanPi<T>(T x) where T : ITrigonometricFunctions<T> => T.TanPi(x);

    public static T AsinPi<T>(T x) where T : ITrigonometricFunctions<T> => T.AsinPi(x);

    public static T AcosPi<T>(T x) where T : ITrigonometricFunctions<T> => T.AcosPi(x);

    public static T AtanPi<T>(T x) where T : ITrigonometricFunctions<T> => T.AtanPi(x);

    public static T SinCosSin<T>(T x) where T : ITrigonometricFunctions<T> => T.SinCos(x).Sin;

    public static T SinCosCos<T>(T x) where T : ITrigonometricFunctions<T> => T.SinCos(x).Cos;

    public static T SinCosPiSin<T>(T x) where T : ITrigonometricFunctions<T> => T.SinCosPi(x).SinPi;

    public static T SinCosPiCos<T>(T x) where T : ITrigonometricFunctions<T> => T.SinCosPi(x).CosPi;

    public static T DegreesToRadians<T>(T x) where T : ITrigonometricFunctions<T> => T.DegreesToRadians(x);

    public static T RadiansToDegrees<T>(T x) where T : ITrigonometricFunctions<T> => T.RadiansToDegrees(x);

    // INumberBase conversions
    public static T CreateChecked<T, TFrom>(TFrom x) where T : INumberBase<T> where TFrom : INumberBase<TFrom> => T.CreateChecked(x);

    public static T CreateSaturating<T, TFrom>(TFrom x) where T : INumberBase<T> where TFrom : INumberBase<TFrom> => T.CreateSaturating(x);

    public static T CreateTruncating<T, TFrom>(TFrom x) where T : INumberBase<T> where TFrom : INumberBase<TFrom> => T.CreateTruncating(x);

    // IFormattable, ISpanFormattable, IUtf8SpanFormattable
    public static string Format<T>(T x, string? format) where T : IFormattable => x.ToString(format, CultureInfo.InvariantCulture);

    public static string SpanFormat<T>(T x, string? format) where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[1024];
        return x.TryFormat(buffer, out int written, format, CultureInfo.InvariantCulture) ? new string(buffer[..written]) : "<too small>";
    }

    public static bool SpanFormatTooSmall<T>(T x) where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[1];
        return x.TryFormat(buffer, out int written, "R", CultureInfo.InvariantCulture) || written != 0;
    }

    public static string Utf8Format<T>(T x, string? format) where T : IUtf8SpanFormattable
    {
        Span<byte> buffer = stackalloc byte[2048];
        return x.TryFormat(buffer, out int written, format, CultureInfo.InvariantCulture) ? System.Text.Encoding.UTF8.GetString(buffer[..written]) : "<too small>";
    }

    // IParsable, ISpanParsable, IUtf8SpanParsable, INumberBase parsing with styles
    public static T Parse<T>(string s) where T : IParsable<T> => T.Parse(s, CultureInfo.InvariantCulture);

    public static bool TryParse<T>(string? s, out T result) where T : IParsable<T> => T.TryParse(s, CultureInfo.InvariantCulture, out result!);

    public static T SpanParse<T>(string s) where T : ISpanParsable<T> => T.Parse(s.AsSpan(), CultureInfo.InvariantCulture);

    public static bool SpanTryParse<T>(string s, out T result) where T : ISpanParsable<T> => T.TryParse(s.AsSpan(), CultureInfo.InvariantCulture, out result!);

    public static T Utf8Parse<T>(string s) where T : IUtf8SpanParsable<T> => T.Parse(System.Text.Encoding.UTF8.GetBytes(s), CultureInfo.InvariantCulture);

    public static bool Utf8TryParse<T>(string s, out T result) where T : IUtf8SpanParsable<T> => T.TryParse(System.Text.Encoding.UTF8.GetBytes(s), CultureInfo.InvariantCulture, out result!);

    public static T ParseStyles<T>(string s, NumberStyles styles, IFormatProvider provider) where T : INumberBase<T> => T.Parse(s, styles, provider);

    public static bool TryParseStyles<T>(string s, NumberStyles styles, IFormatProvider provider, out T result) where T : INumberBase<T> => T.TryParse(s, styles, provider, out result!);
}

using System.Numerics;
using System.Runtime.CompilerServices;
using ForwardDiff.Internal;

namespace ForwardDiff;

public readonly partial struct HyperDual<T>
{
    //
    // IComparable
    //

    /// <summary>Orders by real part, then by E1, E2 and E1E2 (a total order consistent with <see cref="Equals(HyperDual{T})"/>).</summary>
    /// <param name="obj">A <see cref="HyperDual{T}"/> or null.</param>
    /// <returns>The ordering of the real parts; null sorts first.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="HyperDual{T}"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        HyperDual<T> other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(HyperDual<T>)}<{typeof(T).Name}>, not {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>
    /// Orders by real part, then by E1, E2 and E1E2, each as <typeparamref name="T"/>'s <c>CompareTo</c> (NaN first):
    /// a total order consistent with <see cref="Equals(HyperDual{T})"/>. The operators <c>&lt;</c>, <c>&gt;</c>, … compare
    /// real parts only, so branches in user code follow the value.
    /// </summary>
    /// <param name="other">The other number.</param>
    /// <returns>The ordering.</returns>
    public int CompareTo(HyperDual<T> other)
    {
        int c = Value.CompareTo(other.Value);
        if (c == 0)
        {
            c = E1.CompareTo(other.E1);
        }

        if (c == 0)
        {
            c = E2.CompareTo(other.E2);
        }

        return c != 0 ? c : E1E2.CompareTo(other.E1E2);
    }

    //
    // IEquatable
    //

    /// <summary>
    /// True when all four components are equal in the sense of <typeparamref name="T"/>'s <c>Equals</c>
    /// (NaN equals NaN, so this is an equivalence relation consistent with <see cref="GetHashCode"/>).
    /// </summary>
    /// <param name="other">The other number.</param>
    /// <returns>Whether the numbers are equal.</returns>
    public bool Equals(HyperDual<T> other)
        => Value.Equals(other.Value) && E1.Equals(other.E1) && E2.Equals(other.E2) && E1E2.Equals(other.E1E2);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HyperDual<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, E1, E2, E1E2);

    //
    // IMinMaxValue
    //

    /// <summary>The largest finite value of <typeparamref name="T"/> (the value just below +∞), as a constant.</summary>
    public static HyperDual<T> MaxValue => new(T.BitDecrement(T.PositiveInfinity));

    /// <summary>The most negative finite value of <typeparamref name="T"/> (the value just above −∞), as a constant.</summary>
    public static HyperDual<T> MinValue => new(T.BitIncrement(T.NegativeInfinity));

    //
    // INumber
    //

    /// <summary>
    /// Clamps <paramref name="value"/> to [<paramref name="min"/>, <paramref name="max"/>] on the real part; the
    /// result carries the perturbations of whichever argument it takes (at a tie, their average, as Max/Min).
    /// </summary>
    /// <param name="value">The number to clamp.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    /// <returns>The clamped number.</returns>
    /// <exception cref="ArgumentException"><paramref name="min"/> is greater than <paramref name="max"/>.</exception>
    public static HyperDual<T> Clamp(HyperDual<T> value, HyperDual<T> min, HyperDual<T> max)
    {
        if (min.Value > max.Value)
        {
            throw new ArgumentException($"Clamp: min ({min.Value}) must not be greater than max ({max.Value}).", nameof(min));
        }

        // the perturbations of Min(Max(value, min), max), with the tie rule at each stage; the real part is T.Clamp's
        HyperDual<T> lower = value.Value < min.Value ? min : Scalar.IsEqualValue(value.Value, min.Value) ? AverageOf(value.Value, value, min) : value;
        HyperDual<T> upper = lower.Value > max.Value ? max : Scalar.IsEqualValue(lower.Value, max.Value) ? AverageOf(lower.Value, lower, max) : lower;
        return new(T.Clamp(value.Value, min.Value, max.Value), upper.E1, upper.E2, upper.E1E2);
    }

    /// <summary>
    /// |<paramref name="value"/>| with the sign of <paramref name="sign"/>: the whole number is negated when the
    /// sign bits differ; the derivative with respect to <paramref name="sign"/> is zero.
    /// </summary>
    /// <param name="value">The magnitude source.</param>
    /// <param name="sign">The sign source.</param>
    /// <returns>The number with the requested sign.</returns>
    public static HyperDual<T> CopySign(HyperDual<T> value, HyperDual<T> sign)
    {
        bool flipped = T.IsNegative(value.Value) != T.IsNegative(sign.Value);
        T result = T.CopySign(value.Value, sign.Value);
        return flipped ? new(result, -value.E1, -value.E2, -value.E1E2) : new(result, value.E1, value.E2, value.E1E2);
    }

    /// <summary>
    /// The argument with the larger real part (.NET semantics of <c>T.Max</c>: NaN propagates, +0 beats −0); at a
    /// tie the perturbations are the average of both arguments', so the result does not depend on argument order.
    /// </summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The maximum.</returns>
    public static HyperDual<T> Max(HyperDual<T> x, HyperDual<T> y) => Select(x, y, T.Max(x.Value, y.Value));

    /// <summary>As <see cref="Max"/>, but a NaN argument loses to a number.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The maximum of the non-NaN arguments.</returns>
    public static HyperDual<T> MaxNumber(HyperDual<T> x, HyperDual<T> y) => Select(x, y, T.MaxNumber(x.Value, y.Value));

    /// <summary>The argument with the smaller real part (<c>T.Min</c> semantics); ties average (see <see cref="Max"/>).</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The minimum.</returns>
    public static HyperDual<T> Min(HyperDual<T> x, HyperDual<T> y) => Select(x, y, T.Min(x.Value, y.Value));

    /// <summary>As <see cref="Min"/>, but a NaN argument loses to a number.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The minimum of the non-NaN arguments.</returns>
    public static HyperDual<T> MinNumber(HyperDual<T> x, HyperDual<T> y) => Select(x, y, T.MinNumber(x.Value, y.Value));

    /// <summary>The sign of the real part: −1, 0 or +1.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The sign.</returns>
    /// <exception cref="ArithmeticException">The real part is NaN.</exception>
    public static int Sign(HyperDual<T> value) => T.Sign(value.Value);

    //
    // ISignedNumber
    //

    /// <inheritdoc cref="ISignedNumber{TSelf}.NegativeOne" />
    public static HyperDual<T> NegativeOne => new(T.NegativeOne);

    //
    // INumberBase: constants and predicates
    //

    /// <inheritdoc cref="INumberBase{TSelf}.One" />
    public static HyperDual<T> One
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(T.One);
    }

    /// <inheritdoc cref="INumberBase{TSelf}.Zero" />
    public static HyperDual<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(T.Zero);
    }

    /// <inheritdoc cref="INumberBase{TSelf}.Radix" />
    static int INumberBase<HyperDual<T>>.Radix => T.Radix;

    /// <inheritdoc cref="IAdditiveIdentity{TSelf, TResult}.AdditiveIdentity" />
    static HyperDual<T> IAdditiveIdentity<HyperDual<T>, HyperDual<T>>.AdditiveIdentity => Zero;

    /// <inheritdoc cref="IMultiplicativeIdentity{TSelf, TResult}.MultiplicativeIdentity" />
    static HyperDual<T> IMultiplicativeIdentity<HyperDual<T>, HyperDual<T>>.MultiplicativeIdentity => One;

    /// <summary>
    /// |x| following the sign bit of the real part: −x when it is set (negative numbers and −0), x otherwise,
    /// so the perturbations follow the branch the value takes (+1 at +0, −1 at −0).
    /// </summary>
    /// <param name="value">The number.</param>
    /// <returns>The absolute value.</returns>
    public static HyperDual<T> Abs(HyperDual<T> value) => Apply<Rules.UnaryRules.Abs>(value);

    /// <summary>Whether the real part is in canonical form.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsCanonical(value.Value)</c>.</returns>
    static bool INumberBase<HyperDual<T>>.IsCanonical(HyperDual<T> value) => T.IsCanonical(value.Value);

    /// <summary>Always false: a hyper-dual number over a real type is not complex.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsComplexNumber(value.Value)</c>.</returns>
    static bool INumberBase<HyperDual<T>>.IsComplexNumber(HyperDual<T> value) => T.IsComplexNumber(value.Value);

    /// <summary>Whether the real part is an even integer.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsEvenInteger(value.Value)</c>.</returns>
    public static bool IsEvenInteger(HyperDual<T> value) => T.IsEvenInteger(value.Value);

    /// <summary>Whether the real part is finite.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsFinite(value.Value)</c>.</returns>
    public static bool IsFinite(HyperDual<T> value) => T.IsFinite(value.Value);

    /// <summary>Whether the real part is imaginary (false for real types).</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsImaginaryNumber(value.Value)</c>.</returns>
    static bool INumberBase<HyperDual<T>>.IsImaginaryNumber(HyperDual<T> value) => T.IsImaginaryNumber(value.Value);

    /// <summary>Whether the real part is ±∞.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsInfinity(value.Value)</c>.</returns>
    public static bool IsInfinity(HyperDual<T> value) => T.IsInfinity(value.Value);

    /// <summary>Whether the real part is an integer.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsInteger(value.Value)</c>.</returns>
    public static bool IsInteger(HyperDual<T> value) => T.IsInteger(value.Value);

    /// <summary>Whether the real part is NaN.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsNaN(value.Value)</c>.</returns>
    public static bool IsNaN(HyperDual<T> value) => T.IsNaN(value.Value);

    /// <summary>Whether the sign bit of the real part is set (true for −0).</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsNegative(value.Value)</c>.</returns>
    public static bool IsNegative(HyperDual<T> value) => T.IsNegative(value.Value);

    /// <summary>Whether the real part is −∞.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsNegativeInfinity(value.Value)</c>.</returns>
    public static bool IsNegativeInfinity(HyperDual<T> value) => T.IsNegativeInfinity(value.Value);

    /// <summary>Whether the real part is normal.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsNormal(value.Value)</c>.</returns>
    public static bool IsNormal(HyperDual<T> value) => T.IsNormal(value.Value);

    /// <summary>Whether the real part is an odd integer.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsOddInteger(value.Value)</c>.</returns>
    public static bool IsOddInteger(HyperDual<T> value) => T.IsOddInteger(value.Value);

    /// <summary>Whether the sign bit of the real part is clear (true for +0).</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsPositive(value.Value)</c>.</returns>
    public static bool IsPositive(HyperDual<T> value) => T.IsPositive(value.Value);

    /// <summary>Whether the real part is +∞.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsPositiveInfinity(value.Value)</c>.</returns>
    public static bool IsPositiveInfinity(HyperDual<T> value) => T.IsPositiveInfinity(value.Value);

    /// <summary>Whether the real part is a real number (not NaN).</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsRealNumber(value.Value)</c>.</returns>
    public static bool IsRealNumber(HyperDual<T> value) => T.IsRealNumber(value.Value);

    /// <summary>Whether the real part is subnormal.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>T.IsSubnormal(value.Value)</c>.</returns>
    public static bool IsSubnormal(HyperDual<T> value) => T.IsSubnormal(value.Value);

    /// <summary>
    /// True only when all four components are zero: a number that carries a perturbation is not zero, so
    /// <c>T.IsZero(x) ? a : b</c> in user code does not silently drop derivatives.
    /// </summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether every component is zero.</returns>
    public static bool IsZero(HyperDual<T> value)
        => T.IsZero(value.Value) && T.IsZero(value.E1) && T.IsZero(value.E2) && T.IsZero(value.E1E2);

    /// <summary>The argument of larger magnitude (<c>T.MaxMagnitude</c> semantics: NaN propagates; of ±a the positive one); ties average.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The argument of larger magnitude.</returns>
    public static HyperDual<T> MaxMagnitude(HyperDual<T> x, HyperDual<T> y) => Select(x, y, T.MaxMagnitude(x.Value, y.Value));

    /// <summary>As <see cref="MaxMagnitude"/>, but a NaN argument loses to a number.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The argument of larger magnitude.</returns>
    public static HyperDual<T> MaxMagnitudeNumber(HyperDual<T> x, HyperDual<T> y) => Select(x, y, T.MaxMagnitudeNumber(x.Value, y.Value));

    /// <summary>The argument of smaller magnitude (<c>T.MinMagnitude</c> semantics: NaN propagates; of ±a the negative one); ties average.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The argument of smaller magnitude.</returns>
    public static HyperDual<T> MinMagnitude(HyperDual<T> x, HyperDual<T> y) => Select(x, y, T.MinMagnitude(x.Value, y.Value));

    /// <summary>As <see cref="MinMagnitude"/>, but a NaN argument loses to a number.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The argument of smaller magnitude.</returns>
    public static HyperDual<T> MinMagnitudeNumber(HyperDual<T> x, HyperDual<T> y) => Select(x, y, T.MinMagnitudeNumber(x.Value, y.Value));

    /// <summary>
    /// (left × right) + addend: the real part is <c>T.MultiplyAddEstimate</c> (so it equals the plain-<typeparamref name="T"/>
    /// result on every machine), the perturbations as in <see cref="FusedMultiplyAdd"/>.
    /// </summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    /// <param name="addend">The addend.</param>
    /// <returns>The multiply-add.</returns>
    static HyperDual<T> INumberBase<HyperDual<T>>.MultiplyAddEstimate(HyperDual<T> left, HyperDual<T> right, HyperDual<T> addend)
    {
        HyperDual<T> fused = FusedMultiplyAdd(left, right, addend);
        return new(T.MultiplyAddEstimate(left.Value, right.Value, addend.Value), fused.E1, fused.E2, fused.E1E2);
    }

    // Picks the argument whose real part the scalar selection chose (the same design as Dual<T>.Select). At a tie
    // (equal real parts, including −0 against +0) the function is not differentiable; the average of both one-sided
    // choices is symmetric in the arguments, so Max(x, y) and Max(y, x) agree on every component. A NaN result comes
    // from the NaN argument. Opposite signs of equal magnitude are not a tie: .NET picks one argument, so do we.
    private static HyperDual<T> Select(HyperDual<T> x, HyperDual<T> y, T chosen)
    {
        if (Scalar.IsEqualValue(x.Value, y.Value))
        {
            return AverageOf(chosen, x, y);
        }

        HyperDual<T> picked = (T.IsNaN(chosen) ? T.IsNaN(x.Value) : Scalar.IsEqualValue(chosen, x.Value)) ? x : y;
        return new(chosen, picked.E1, picked.E2, picked.E1E2);
    }

    private static HyperDual<T> AverageOf(T value, HyperDual<T> x, HyperDual<T> y)
        => new(value, Scalar.Average(x.E1, y.E1), Scalar.Average(x.E2, y.E2), Scalar.Average(x.E1E2, y.E1E2));
}

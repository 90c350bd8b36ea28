using System.Numerics;
using System.Runtime.CompilerServices;

namespace ForwardDiff;

public readonly partial struct ChunkDual<T, TPartials> :
    IAdditionOperators<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>, ChunkDual<T, TPartials>>,
    IAdditiveIdentity<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>>,
    IComparisonOperators<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>, bool>,
    IDecrementOperators<ChunkDual<T, TPartials>>,
    IDivisionOperators<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>, ChunkDual<T, TPartials>>,
    IEqualityOperators<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>, bool>,
    IIncrementOperators<ChunkDual<T, TPartials>>,
    IModulusOperators<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>, ChunkDual<T, TPartials>>,
    IMultiplicativeIdentity<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>>,
    IMultiplyOperators<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>, ChunkDual<T, TPartials>>,
    ISubtractionOperators<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>, ChunkDual<T, TPartials>>,
    IUnaryNegationOperators<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>>,
    IUnaryPlusOperators<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>>
{
    //
    // IAdditionOperators
    //

    // (a + h) + (b + k) = (a + b) + (h + k)
    /// <inheritdoc cref="IAdditionOperators{TSelf, TOther, TResult}.op_Addition(TSelf, TOther)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkDual<T, TPartials> operator +(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right)
    {
        if (TPartials.InRegisters)
        {
            return new(left._value + right._value, TPartials.Add(left._partials, right._partials));
        }

        Unsafe.SkipInit(out ChunkDual<T, TPartials> r);
        AddInto(ref r, in left, in right);
        return r;
    }

    /// <summary>Adds a constant: the partials are unchanged.</summary>
    /// <param name="left">The dual.</param>
    /// <param name="right">The constant.</param>
    /// <returns>left + right.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkDual<T, TPartials> operator +(ChunkDual<T, TPartials> left, T right) => WithValue(left._value + right, left);

    /// <summary>Adds a constant: the partials are unchanged.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The dual.</param>
    /// <returns>left + right.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkDual<T, TPartials> operator +(T left, ChunkDual<T, TPartials> right) => WithValue(left + right._value, right);

    //
    // IAdditiveIdentity
    //

    /// <inheritdoc />
    static ChunkDual<T, TPartials> IAdditiveIdentity<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>>.AdditiveIdentity => new(T.AdditiveIdentity);

    //
    // IComparisonOperators (on the value)
    //

    /// <summary>Compares the values (partials are ignored).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>left.Value &lt; right.Value.</returns>
    public static bool operator <(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right) => left._value < right._value;

    /// <summary>Compares the values (partials are ignored).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>left.Value &gt; right.Value.</returns>
    public static bool operator >(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right) => left._value > right._value;

    /// <summary>Compares the values (partials are ignored).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>left.Value ≤ right.Value.</returns>
    public static bool operator <=(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right) => left._value <= right._value;

    /// <summary>Compares the values (partials are ignored).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>left.Value ≥ right.Value.</returns>
    public static bool operator >=(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right) => left._value >= right._value;

    //
    // IDecrementOperators
    //

    // (a + h) − 1 = (a − 1) + h
    /// <inheritdoc cref="IDecrementOperators{TSelf}.op_Decrement(TSelf)" />
    public static ChunkDual<T, TPartials> operator --(ChunkDual<T, TPartials> value) => WithValue(value._value - T.One, value);

    //
    // IDivisionOperators
    //

    // (a + h) / (b + k) ≈ a/b + (h − (a/b) k) / b
    /// <inheritdoc cref="IDivisionOperators{TSelf, TOther, TResult}.op_Division(TSelf, TOther)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkDual<T, TPartials> operator /(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right)
    {
        T inverse = T.One / right._value;
        T quotient = left._value / right._value;
        return Chain(quotient, inverse, left, -(quotient * inverse), right);
    }

    /// <summary>Divides by a constant: the partials are divided too.</summary>
    /// <param name="left">The dual.</param>
    /// <param name="right">The constant.</param>
    /// <returns>left / right.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkDual<T, TPartials> operator /(ChunkDual<T, TPartials> left, T right) => Chain(left._value / right, T.One / right, left);

    //
    // IEqualityOperators (value and every partial)
    //

    /// <summary>True when the values and every partial are equal (IEEE: NaN is unequal to everything).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether the operands are equal.</returns>
    public static bool operator ==(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right)
        => left._value == right._value && PartialsMath.EqualsOperator(ref left.FirstPartial, ref right.FirstPartial, TPartials.Count);

    /// <summary>Negation of <c>==</c>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether the operands differ.</returns>
    public static bool operator !=(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right) => !(left == right);

    //
    // IIncrementOperators
    //

    // (a + h) + 1 = (a + 1) + h
    /// <inheritdoc cref="IIncrementOperators{TSelf}.op_Increment(TSelf)" />
    public static ChunkDual<T, TPartials> operator ++(ChunkDual<T, TPartials> value) => WithValue(value._value + T.One, value);

    //
    // IModulusOperators
    //

    // x % y = x − q y with q = trunc(x / y) locally constant: ∂/∂x = 1, ∂/∂y = −q (the Remainder row)
    /// <inheritdoc cref="IModulusOperators{TSelf, TOther, TResult}.op_Modulus(TSelf, TOther)" />
    public static ChunkDual<T, TPartials> operator %(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right) => Binary<Rules.BinaryRules.Remainder>(left, right);

    //
    // IMultiplicativeIdentity
    //

    /// <inheritdoc />
    static ChunkDual<T, TPartials> IMultiplicativeIdentity<ChunkDual<T, TPartials>, ChunkDual<T, TPartials>>.MultiplicativeIdentity => new(T.MultiplicativeIdentity);

    //
    // IMultiplyOperators
    //

    // (a + h)(b + k) ≈ ab + (b h + a k)
    /// <inheritdoc cref="IMultiplyOperators{TSelf, TOther, TResult}.op_Multiply(TSelf, TOther)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkDual<T, TPartials> operator *(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right)
        => Chain(left._value * right._value, right._value, left, left._value, right);

    /// <summary>Multiplies by a constant.</summary>
    /// <param name="left">The dual.</param>
    /// <param name="right">The constant.</param>
    /// <returns>left · right.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkDual<T, TPartials> operator *(ChunkDual<T, TPartials> left, T right) => Chain(left._value * right, right, left);

    /// <summary>Multiplies by a constant.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The dual.</param>
    /// <returns>left · right.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkDual<T, TPartials> operator *(T left, ChunkDual<T, TPartials> right) => Chain(left * right._value, left, right);

    //
    // ISubtractionOperators
    //

    // (a + h) − (b + k) = (a − b) + (h − k)
    /// <inheritdoc cref="ISubtractionOperators{TSelf, TOther, TResult}.op_Subtraction(TSelf, TOther)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkDual<T, TPartials> operator -(ChunkDual<T, TPartials> left, ChunkDual<T, TPartials> right)
    {
        if (TPartials.InRegisters)
        {
            return new(left._value - right._value, TPartials.Subtract(left._partials, right._partials));
        }

        Unsafe.SkipInit(out ChunkDual<T, TPartials> r);
        SubtractInto(ref r, in left, in right);
        return r;
    }

    /// <summary>Subtracts a constant: the partials are unchanged.</summary>
    /// <param name="left">The dual.</param>
    /// <param name="right">The constant.</param>
    /// <returns>left − right.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkDual<T, TPartials> operator -(ChunkDual<T, TPartials> left, T right) => WithValue(left._value - right, left);

    /// <summary>Subtracts from a constant: the partials are negated.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The dual.</param>
    /// <returns>left − right.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkDual<T, TPartials> operator -(T left, ChunkDual<T, TPartials> right)
        => new(left - right._value, TPartials.Negate(right._partials));

    //
    // IUnaryNegationOperators
    //

    // −(a + h) = −a − h
    /// <inheritdoc cref="IUnaryNegationOperators{TSelf, TResult}.op_UnaryNegation(TSelf)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkDual<T, TPartials> operator -(ChunkDual<T, TPartials> value)
        => new(-value._value, TPartials.Negate(value._partials));

    //
    // IUnaryPlusOperators
    //

    /// <inheritdoc cref="IUnaryPlusOperators{TSelf, TResult}.op_UnaryPlus(TSelf)" />
    public static ChunkDual<T, TPartials> operator +(ChunkDual<T, TPartials> value) => value;
}

using System.Numerics;
using System.Runtime.CompilerServices;
using ForwardDiff.Rules;

namespace ForwardDiff;

public readonly partial struct Dual<T>
{
    //
    // IAdditionOperators
    //

    /// <summary>(a + bε) + (c + dε) = (a + c) + (b + d)ε.</summary>
    /// <param name="left">The first addend.</param>
    /// <param name="right">The second addend.</param>
    /// <returns>The sum.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator +(Dual<T> left, Dual<T> right)
        => new(left.Value + right.Value, left.Derivative + right.Derivative);

    /// <summary>Adds a constant: (a + bε) + c = (a + c) + bε.</summary>
    /// <param name="left">The dual addend.</param>
    /// <param name="right">The constant addend.</param>
    /// <returns>The sum.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator +(Dual<T> left, T right)
        => new(left.Value + right, left.Derivative);

    /// <summary>Adds a constant: c + (a + bε) = (c + a) + bε.</summary>
    /// <param name="left">The constant addend.</param>
    /// <param name="right">The dual addend.</param>
    /// <returns>The sum.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator +(T left, Dual<T> right)
        => new(left + right.Value, right.Derivative);

    //
    // IDecrementOperators
    //

    /// <summary>Subtracts one from the value; the derivative is unchanged.</summary>
    /// <param name="value">The operand.</param>
    /// <returns><paramref name="value"/> − 1.</returns>
    public static Dual<T> operator --(Dual<T> value) => new(value.Value - T.One, value.Derivative);

    //
    // IDivisionOperators
    //

    /// <summary>(a + bε) / (c + dε) = a/c + (b − (a/c)·d)/c ε, with strong zeros (a zero derivative contributes nothing).</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient.</returns>
    // (a + h) / (c + k) ≈ a/c + (h − (a/c) k) / c
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator /(Dual<T> left, Dual<T> right)
    {
        T value = left.Value / right.Value;
        T derivative = (left.Derivative - (value * right.Derivative)) / right.Value;
        if (T.IsNaN(derivative))
        {
            derivative = GuardedQuotientDerivative(left.Derivative, right.Value, right.Derivative, value);
        }

        return new(value, derivative);
    }

    /// <summary>Divides by a constant: (a + bε) / c = a/c + (b/c)ε (a zero derivative stays zero even for c = 0).</summary>
    /// <param name="left">The dual dividend.</param>
    /// <param name="right">The constant divisor.</param>
    /// <returns>The quotient.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator /(Dual<T> left, T right)
    {
        T derivative = left.Derivative / right;
        if (T.IsNaN(derivative) && StrongZero.IsExactZero(left.Derivative))
        {
            derivative = T.Zero;
        }

        return new(left.Value / right, derivative);
    }

    /// <summary>Divides a constant: c / (a + bε) = c/a − (c/a)·b/a ε.</summary>
    /// <param name="left">The constant dividend.</param>
    /// <param name="right">The dual divisor.</param>
    /// <returns>The quotient.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator /(T left, Dual<T> right)
    {
        T value = left / right.Value;
        T derivative = -(value * right.Derivative) / right.Value;
        if (T.IsNaN(derivative))
        {
            derivative = GuardedQuotientDerivative(T.Zero, right.Value, right.Derivative, value);
        }

        return new(value, derivative);
    }

    //
    // IEqualityOperators
    //

    /// <summary>True when value AND derivative are equal (IEEE equality on each, so NaN ≠ NaN and −0 = +0).</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>Whether both components are equal.</returns>
    /// <remarks>A perturbed zero is not equal to the constant 0: branches such as <c>x == T.Zero ? a : b</c> keep the derivative.</remarks>
    public static bool operator ==(Dual<T> left, Dual<T> right)
        => left.Value == right.Value && left.Derivative == right.Derivative;

    /// <summary>True when value or derivative differ.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>The negation of <c>==</c>.</returns>
    public static bool operator !=(Dual<T> left, Dual<T> right)
        => !(left == right);

    //
    // IIncrementOperators
    //

    /// <summary>Adds one to the value; the derivative is unchanged.</summary>
    /// <param name="value">The operand.</param>
    /// <returns><paramref name="value"/> + 1.</returns>
    public static Dual<T> operator ++(Dual<T> value) => new(value.Value + T.One, value.Derivative);

    //
    // IModulusOperators
    //

    /// <summary>The truncated remainder x % y, with ∂/∂x = 1 and ∂/∂y = −trunc(x/y).</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The remainder.</returns>
    public static Dual<T> operator %(Dual<T> left, Dual<T> right)
        => Apply<BinaryRules.Remainder>(left, right);

    //
    // IMultiplyOperators
    //

    /// <summary>(a + bε)(c + dε) = ac + (ad + bc)ε, with strong zeros (a zero derivative times an infinite factor contributes 0).</summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    /// <returns>The product.</returns>
    // (a + h)(c + k) ≈ ac + (a k + h c)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator *(Dual<T> left, Dual<T> right)
    {
        T derivative = (left.Value * right.Derivative) + (left.Derivative * right.Value);
        if (T.IsNaN(derivative))
        {
            derivative = GuardedProductDerivative(left, right);
        }

        return new(left.Value * right.Value, derivative);
    }

    /// <summary>Multiplies by a constant: (a + bε)·c = ac + bcε (a zero derivative stays zero even for c = ±∞).</summary>
    /// <param name="left">The dual factor.</param>
    /// <param name="right">The constant factor.</param>
    /// <returns>The product.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator *(Dual<T> left, T right)
        => new(left.Value * right, StrongZero.Product(right, left.Derivative));

    /// <summary>Multiplies by a constant: c·(a + bε) = ca + cbε.</summary>
    /// <param name="left">The constant factor.</param>
    /// <param name="right">The dual factor.</param>
    /// <returns>The product.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator *(T left, Dual<T> right)
        => new(left * right.Value, StrongZero.Product(left, right.Derivative));

    //
    // ISubtractionOperators
    //

    /// <summary>(a + bε) − (c + dε) = (a − c) + (b − d)ε.</summary>
    /// <param name="left">The minuend.</param>
    /// <param name="right">The subtrahend.</param>
    /// <returns>The difference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator -(Dual<T> left, Dual<T> right)
        => new(left.Value - right.Value, left.Derivative - right.Derivative);

    /// <summary>Subtracts a constant.</summary>
    /// <param name="left">The dual minuend.</param>
    /// <param name="right">The constant subtrahend.</param>
    /// <returns>The difference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator -(Dual<T> left, T right)
        => new(left.Value - right, left.Derivative);

    /// <summary>Subtracts from a constant.</summary>
    /// <param name="left">The constant minuend.</param>
    /// <param name="right">The dual subtrahend.</param>
    /// <returns>The difference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator -(T left, Dual<T> right)
        => new(left - right.Value, -right.Derivative);

    //
    // IUnaryNegationOperators
    //

    /// <summary>−(a + bε) = −a − bε.</summary>
    /// <param name="value">The operand.</param>
    /// <returns>The negation.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator -(Dual<T> value) => new(-value.Value, -value.Derivative);

    //
    // IUnaryPlusOperators
    //

    /// <summary>Returns the operand unchanged.</summary>
    /// <param name="value">The operand.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static Dual<T> operator +(Dual<T> value) => value;

    /// <summary>The product rule with strong zeros, taken only when the plain form produced NaN.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T GuardedProductDerivative(Dual<T> left, Dual<T> right)
    {
        T first = StrongZero.IsExactZero(right.Derivative) ? T.Zero : left.Value * right.Derivative;
        T second = StrongZero.IsExactZero(left.Derivative) ? T.Zero : left.Derivative * right.Value;
        return first + second;
    }

    /// <summary>The quotient rule (b − q·d)/c with strong zeros, taken only when the plain form produced NaN.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T GuardedQuotientDerivative(T numeratorDerivative, T denominator, T denominatorDerivative, T quotient)
    {
        T first = StrongZero.IsExactZero(numeratorDerivative) ? T.Zero : numeratorDerivative / denominator;
        T second = StrongZero.IsExactZero(denominatorDerivative) ? T.Zero : quotient * denominatorDerivative / denominator;
        return first - second;
    }
}

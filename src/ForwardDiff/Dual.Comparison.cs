using System.Numerics;

namespace ForwardDiff;

public readonly partial struct Dual<T>
{
    //
    // IComparable
    //

    /// <summary>Compares with another object: by value, then by derivative; <see langword="null"/> sorts first.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="Dual{T}"/>.</exception>
    public int CompareTo(object? obj)
    {
        if (obj is null)
        {
            return 1;
        }

        if (obj is Dual<T> other)
        {
            return CompareTo(other);
        }

        throw new ArgumentException($"Object must be of type {nameof(Dual<T>)}<{typeof(T).Name}>, not {obj.GetType().Name}.", nameof(obj));
    }

    /// <summary>
    /// A total order consistent with <see cref="Equals(Dual{T})"/>: by value, then by derivative (each with
    /// <typeparamref name="T"/>'s <c>CompareTo</c>, in which NaN sorts first).
    /// </summary>
    /// <param name="other">The dual to compare with.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(Dual<T> other)
    {
        int byValue = Value.CompareTo(other.Value);
        return byValue != 0 ? byValue : Derivative.CompareTo(other.Derivative);
    }

    //
    // IComparisonOperators
    //

    /// <summary>Compares values only (the derivative is ignored, so branches follow the value).</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns><c>left.Value &lt; right.Value</c>.</returns>
    public static bool operator <(Dual<T> left, Dual<T> right) => left.Value < right.Value;

    /// <summary>Compares values only.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns><c>left.Value &gt; right.Value</c>.</returns>
    public static bool operator >(Dual<T> left, Dual<T> right) => left.Value > right.Value;

    /// <summary>Compares values only (so <c>x &lt;= y &amp;&amp; x &gt;= y</c> does not imply <c>x == y</c>).</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns><c>left.Value &lt;= right.Value</c>.</returns>
    public static bool operator <=(Dual<T> left, Dual<T> right) => left.Value <= right.Value;

    /// <summary>Compares values only.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns><c>left.Value &gt;= right.Value</c>.</returns>
    public static bool operator >=(Dual<T> left, Dual<T> right) => left.Value >= right.Value;

    //
    // IEquatable
    //

    /// <summary>
    /// Value AND derivative equal, with <typeparamref name="T"/>'s <c>Equals</c> (reflexive: NaN equals NaN, −0 equals +0),
    /// consistent with <see cref="GetHashCode"/> and <see cref="CompareTo(Dual{T})"/>.
    /// </summary>
    /// <param name="other">The dual to compare with.</param>
    /// <returns>Whether both components are equal.</returns>
    public bool Equals(Dual<T> other) => Value.Equals(other.Value) && Derivative.Equals(other.Derivative);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Dual<T> other && Equals(other);

    /// <summary>A hash of value and derivative (equal duals hash equally, including −0/+0 and NaNs).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Value, Derivative);
}

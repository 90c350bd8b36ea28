using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ForwardDiff.Internal;
using ForwardDiff.Rules;

namespace ForwardDiff;

/// <summary>
/// A dual number a + bε with ε² = 0: <see cref="Value"/> a and <see cref="Derivative"/> b. Evaluating any
/// generic-math function on <c>Dual&lt;T&gt;.Variable(x)</c> yields f(x) in the value and f′(x) in the derivative,
/// exact to rounding, because every operation applies its derivative rule (the chain rule) alongside the value.
/// </summary>
/// <typeparam name="T">The underlying number type: <see cref="double"/>, <see cref="float"/>, <see cref="Half"/>,
/// or another dual (nesting gives higher derivatives: <c>Dual&lt;Dual&lt;double&gt;&gt;</c> carries f″).</typeparam>
/// <remarks>
/// <para><b>Why it works.</b> f(a + bε) = f(a) + f′(a) b ε for every differentiable f, since all higher powers of ε vanish.
/// Seeding b = 1 and reading off the ε part gives f′(a). The rules (one per function) live in
/// <see cref="UnaryRules"/>, <see cref="BinaryRules"/> and <see cref="ParameterizedRules"/>, shared by every dual flavour.</para>
/// <para><b>Conventions</b> (see <c>CONVENTIONS.md</c>):</para>
/// <list type="bullet">
/// <item><description>No NaN poisoning (strong zeros): a derivative that is exactly zero stays zero whatever local
/// derivative it meets (√ at 0, log at 0, x^0.5 at 0, a zero partial times an infinite factor in × and ÷).</description></item>
/// <item><description>Equality: <c>==</c>, <c>!=</c>, <see cref="Equals(Dual{T})"/> and <see cref="GetHashCode"/> use value AND
/// derivative, so <c>x == 0</c> and <c>IsZero(x)</c> are false for a perturbed zero and branches on them do not silently
/// drop derivatives (ForwardDiff.jl issues 480/551). Ordering <c>&lt; &gt; &lt;= &gt;=</c> compares values only (branches
/// follow the value); <see cref="CompareTo(Dual{T})"/> orders by value, then by derivative (a total order consistent with
/// <see cref="Equals(Dual{T})"/>). Predicates (IsNaN, IsFinite, IsNegative, IsInteger, …) look at the value;
/// IsZero needs value and derivative zero.</description></item>
/// <item><description>Abs at ±0 follows the sign bit; Floor/Ceiling/Round/Truncate have zero derivative; Max/Min and their
/// Magnitude/Number forms, and Clamp at its bounds, average both derivatives at a tie; Atan2 at the origin has NaN
/// derivatives; CopySign multiplies the derivative by the sign flip; Sign and ILogB return integers;
/// BitIncrement/BitDecrement pass the derivative through; x % y has ∂x = 1, ∂y = −trunc(x/y).</description></item>
/// <item><description>Pow at x = 0: 0^0 → 1 with ∂x = ∂y = 0; 0^1 → ∂x 1; 0^2 → ∂x 0; 0^0.5 → ∂x +∞; ∂y = 0. For x &lt; 0 and
/// integer y, ∂x = y·x^(y−1) and ∂y is NaN, which only shows when y is perturbed.</description></item>
/// <item><description>Nesting: in <c>Dual&lt;Dual&lt;T&gt;&gt;</c> the outer ε is the newer perturbation.</description></item>
/// </list>
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct Dual<T>
    : IFloatingPointIeee754<Dual<T>>,
      IMinMaxValue<Dual<T>>,
      IDualComponents
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Creates the dual number <paramref name="value"/> + <paramref name="derivative"/>·ε.</summary>
    /// <param name="value">The value (real part).</param>
    /// <param name="derivative">The derivative (ε part).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual(T value, T derivative)
    {
        Value = value;
        Derivative = derivative;
    }

    /// <summary>Gets the value (the real part a of a + bε).</summary>
    public T Value { get; }

    /// <summary>Gets the derivative (the ε part b of a + bε).</summary>
    public T Derivative { get; }

    /// <summary>The independent variable at <paramref name="value"/>: derivative 1.</summary>
    /// <param name="value">The point at which to differentiate.</param>
    /// <returns><paramref name="value"/> + 1ε.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> Variable(T value) => new(value, T.One);

    /// <summary>A constant: derivative 0.</summary>
    /// <param name="value">The constant.</param>
    /// <returns><paramref name="value"/> + 0ε.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> Constant(T value) => new(value, T.Zero);

    /// <summary>Converts a number to a constant dual (derivative 0).</summary>
    /// <param name="value">The constant.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator Dual<T>(T value) => new(value, T.Zero);

    /// <summary>Deconstructs into value and derivative.</summary>
    /// <param name="value">The value.</param>
    /// <param name="derivative">The derivative.</param>
    public void Deconstruct(out T value, out T derivative)
    {
        value = Value;
        derivative = Derivative;
    }

    /// <summary>Applies a one-argument rule: f(a + bε) = f(a) + f′(a)·b ε, with the strong-zero rule on b.</summary>
    /// <typeparam name="TRule">The rule row.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>f(x).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> Apply<TRule>(Dual<T> x)
        where TRule : IUnaryRule
    {
        T value = TRule.Evaluate(x.Value, out T first);
        return new(value, StrongZero.Product(first, x.Derivative));
    }

    /// <summary>Applies a two-argument rule: f(a + bε, c + dε) = f(a, c) + (∂ₓf·b + ∂ᵧf·d) ε, each term with the strong-zero rule.</summary>
    /// <typeparam name="TRule">The rule row.</typeparam>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>f(x, y).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> Apply<TRule>(Dual<T> x, Dual<T> y)
        where TRule : IBinaryRule
    {
        T value = TRule.Evaluate(x.Value, y.Value, out T dx, out T dy);
        return new(value, StrongZero.Product(dx, x.Derivative) + StrongZero.Product(dy, y.Derivative));
    }

    /// <summary>Applies a rule with a constant parameter: f(a + bε; p) = f(a; p) + ∂ₓf·b ε.</summary>
    /// <typeparam name="TRule">The rule row.</typeparam>
    /// <param name="x">The differentiated argument.</param>
    /// <param name="parameter">The constant parameter.</param>
    /// <returns>f(x; p).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> Apply<TRule>(Dual<T> x, T parameter)
        where TRule : IParameterizedRule
    {
        T value = TRule.Evaluate(x.Value, parameter, out T first);
        return new(value, StrongZero.Product(first, x.Derivative));
    }
}

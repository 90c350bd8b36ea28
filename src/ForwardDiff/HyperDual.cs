using System.Numerics;
using System.Runtime.CompilerServices;
using ForwardDiff.Internal;
using ForwardDiff.Rules;

namespace ForwardDiff;

// A hyper-dual number (Fike & Alonso, 2011) is a + b ε₁ + c ε₂ + d ε₁ε₂ with ε₁² = ε₂² = 0 and ε₁ε₂ ≠ 0.
// Expanding f to second order gives, exactly (no step size, no truncation error),
//
//     f(a + b ε₁ + c ε₂ + d ε₁ε₂) = f(a) + f′(a) b ε₁ + f′(a) c ε₂ + (f′(a) d + f″(a) b c) ε₁ε₂,
//
// so seeding b = c = 1, d = 0 yields f(a), f′(a) and f″(a) from one evaluation, and seeding ε₁ on x and ε₂
// on y yields the mixed partial ∂²f/∂x∂y. Every function below reads f, f′ and f″ from the shared rule
// table (ForwardDiff.Rules), the same rows that drive Dual<T> and the chunked duals.

/// <summary>
/// A hyper-dual number <c>Value + E1 ε₁ + E2 ε₂ + E1E2 ε₁ε₂</c> (ε₁² = ε₂² = 0, ε₁ε₂ ≠ 0): exact first and
/// second derivatives from one evaluation of code written against .NET generic math.
/// </summary>
/// <typeparam name="T">
/// The underlying number type: <see cref="double"/>, <see cref="float"/>, <see cref="Half"/>, or another dual
/// flavour for higher orders (<c>HyperDual&lt;Dual&lt;double&gt;&gt;</c> carries third derivatives).
/// </typeparam>
/// <remarks>
/// <para>
/// Seeded with <see cref="Variable(T)"/> (E1 = E2 = 1, E1E2 = 0), the result of <c>f(x)</c> holds f(x) in
/// <see cref="Value"/>, f′(x) in <see cref="E1"/> and <see cref="E2"/>, and f″(x) in <see cref="E1E2"/>.
/// Seeded with <see cref="VariableE1(T)"/> on x and <see cref="VariableE2(T)"/> on y, the
/// result's <see cref="E1E2"/> is the mixed partial ∂²f/∂x∂y.
/// </para>
/// <para>
/// Conventions (shared with <c>Dual&lt;T&gt;</c>):
/// comparisons, ordering and the classification predicates (<c>IsNaN</c>, <c>IsNegative</c>, …) look at
/// <see cref="Value"/>; <c>==</c>, <see cref="Equals(HyperDual{T})"/> and <c>IsZero</c> look at all four
/// components, so a number that carries a perturbation is never "zero" and <c>x == T.Zero ? a : b</c> does not
/// silently drop derivatives. A component that is exactly zero stays zero whatever the local derivative
/// (see <see cref="StrongZero"/>). Abs follows the sign bit at ±0; Min/Max at a tie average both arguments'
/// perturbations; Floor, Ceiling, Round and Truncate have zero perturbations.
/// </para>
/// </remarks>
public readonly partial struct HyperDual<T> :
    IFloatingPointIeee754<HyperDual<T>>,
    IMinMaxValue<HyperDual<T>>,
    IDualComponents,
    IHyperDualComponents
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Creates the hyper-dual number <c>value + e1 ε₁ + e2 ε₂ + e1e2 ε₁ε₂</c>.</summary>
    /// <param name="value">The real part (the function value).</param>
    /// <param name="e1">The ε₁ component (a first derivative along the first direction).</param>
    /// <param name="e2">The ε₂ component (a first derivative along the second direction).</param>
    /// <param name="e1e2">The ε₁ε₂ component (the second derivative along both directions).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public HyperDual(T value, T e1, T e2, T e1e2)
    {
        Value = value;
        E1 = e1;
        E2 = e2;
        E1E2 = e1e2;
    }

    /// <summary>Creates a constant: <paramref name="value"/> with all perturbations zero.</summary>
    /// <param name="value">The real part.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public HyperDual(T value)
    {
        Value = value;
        E1 = T.Zero;
        E2 = T.Zero;
        E1E2 = T.Zero;
    }

    /// <summary>The real part: the function value.</summary>
    public T Value { get; }

    /// <summary>The ε₁ component: for a <see cref="Variable(T)"/> input, the first derivative f′.</summary>
    public T E1 { get; }

    /// <summary>The ε₂ component: for a <see cref="Variable(T)"/> input, the first derivative f′ again.</summary>
    public T E2 { get; }

    /// <summary>The ε₁ε₂ component: for a <see cref="Variable(T)"/> input, the second derivative f″.</summary>
    public T E1E2 { get; }

    /// <summary>The independent variable at <paramref name="x"/>: E1 = E2 = 1, E1E2 = 0, so <c>f(Variable(x)).E1E2</c> is f″(x).</summary>
    /// <param name="x">The point.</param>
    /// <returns><c>x + ε₁ + ε₂</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> Variable(T x) => new(x, T.One, T.One, T.Zero);

    /// <summary>A variable perturbed along ε₁ only: seed x with this and y with <see cref="VariableE2(T)"/> to get ∂²f/∂x∂y in E1E2.</summary>
    /// <param name="x">The point.</param>
    /// <returns><c>x + ε₁</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> VariableE1(T x) => new(x, T.One, T.Zero, T.Zero);

    /// <summary>A variable perturbed along ε₂ only (see <see cref="VariableE1(T)"/>).</summary>
    /// <param name="x">The point.</param>
    /// <returns><c>x + ε₂</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> VariableE2(T x) => new(x, T.Zero, T.One, T.Zero);

    /// <summary>A constant: <paramref name="x"/> with all perturbations zero.</summary>
    /// <param name="x">The value.</param>
    /// <returns><c>x</c> as a hyper-dual number.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> Constant(T x) => new(x);

    /// <summary>Converts a <typeparamref name="T"/> to a constant hyper-dual number (all perturbations zero).</summary>
    /// <param name="value">The value.</param>
    public static implicit operator HyperDual<T>(T value) => new(value);

    /// <summary>Deconstructs into the four components.</summary>
    /// <param name="value">The real part.</param>
    /// <param name="e1">The ε₁ component.</param>
    /// <param name="e2">The ε₂ component.</param>
    /// <param name="e1e2">The ε₁ε₂ component.</param>
    public void Deconstruct(out T value, out T e1, out T e2, out T e1e2)
    {
        value = Value;
        e1 = E1;
        e2 = E2;
        e1e2 = E1E2;
    }

    //
    // Chain rule: the one place where rule-table rows meet the four components
    //

    /// <summary>
    /// Applies a unary rule: <c>f(a + bε₁ + cε₂ + dε₁ε₂) = f(a) + f′(a) b ε₁ + f′(a) c ε₂ + (f′(a) d + f″(a) b c) ε₁ε₂</c>.
    /// </summary>
    /// <typeparam name="TRule">The rule row.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>f(x).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> Apply<TRule>(HyperDual<T> x)
        where TRule : IUnaryRule
    {
        T value = TRule.Evaluate(x.Value, out T first);
        return Chain(x, value, first, CurvatureNeeded(x.E1, x.E2) ? TRule.Second(x.Value, value, first) : T.Zero);
    }

    /// <summary>Combines f(a), f′(a), f″(a) with the perturbations of <paramref name="x"/> (strong zeros kept).</summary>
    /// <param name="x">The argument whose perturbations are propagated.</param>
    /// <param name="value">f(a).</param>
    /// <param name="first">f′(a).</param>
    /// <param name="second">f″(a).</param>
    /// <returns>f(x).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> Chain(HyperDual<T> x, T value, T first, T second)
    {
        // one test on the scalar local derivatives decides: finite (the common case) → plain arithmetic
        if (T.IsFinite(first) && T.IsFinite(second))
        {
            return new(value, first * x.E1, first * x.E2, (first * x.E1E2) + (second * (x.E1 * x.E2)));
        }

        return ChainNonFinite(x, value, first, second);
    }

    // The strong-zero path, out of line so that the inlined chain rule stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HyperDual<T> ChainNonFinite(HyperDual<T> x, T value, T first, T second)
    {
        return new(
            value,
            StrongZero.Scale(first, x.E1),
            StrongZero.Scale(first, x.E2),
            StrongZero.Scale(first, x.E1E2) + Curvature(second, x.E1, x.E2));
    }

    /// <summary>
    /// Applies a binary rule f(x, y): ε₁ and ε₂ by the gradient, ε₁ε₂ by
    /// <c>fx d_x + fy d_y + fxx b_x c_x + fxy (b_x c_y + b_y c_x) + fyy b_y c_y</c>.
    /// </summary>
    /// <typeparam name="TRule">The rule row.</typeparam>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>f(x, y).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> Apply<TRule>(HyperDual<T> x, HyperDual<T> y)
        where TRule : IBinaryRule
    {
        T value = TRule.Evaluate(x.Value, y.Value, out T dx, out T dy);
        T e1 = StrongZero.Scale(dx, x.E1) + StrongZero.Scale(dy, y.E1);
        T e2 = StrongZero.Scale(dx, x.E2) + StrongZero.Scale(dy, y.E2);
        T e12 = StrongZero.Scale(dx, x.E1E2) + StrongZero.Scale(dy, y.E1E2);
        if (CurvatureNeeded(x.E1, y.E1, x.E2, y.E2))
        {
            TRule.Second(x.Value, y.Value, value, dx, dy, out T dxx, out T dxy, out T dyy);
            e12 += Curvature(dxx, x.E1, x.E2)
                + Curvature(dxy, x.E1, y.E2)
                + Curvature(dxy, y.E1, x.E2)
                + Curvature(dyy, y.E1, y.E2);
        }

        return new(value, e1, e2, e12);
    }

    /// <summary>Applies a rule with a constant parameter (x^c, c^y with the base as parameter, the n-th root, …).</summary>
    /// <typeparam name="TRule">The rule row.</typeparam>
    /// <param name="x">The differentiated argument.</param>
    /// <param name="parameter">The constant parameter.</param>
    /// <returns>f(x; p).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HyperDual<T> Apply<TRule>(HyperDual<T> x, T parameter)
        where TRule : IParameterizedRule
    {
        T value = TRule.Evaluate(x.Value, parameter, out T first);
        return Chain(x, value, first, CurvatureNeeded(x.E1, x.E2) ? TRule.Second(x.Value, parameter, value, first) : T.Zero);
    }

    /// <summary>f″ b c with the strong-zero convention: an exactly zero b or c contributes zero even if f″ is ±∞ or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Curvature(T second, T b, T c)
    {
        if (T.IsFinite(second))
        {
            return second * (b * c);
        }

        return StrongZero.IsExactZero(b) || StrongZero.IsExactZero(c) ? T.Zero : second * (b * c);
    }

    // f″ is only needed when both first-order perturbations are present; skipping it for constants and for
    // one-direction seeds also keeps a NaN f″ (at a point where f′ exists but f″ does not) out of the result.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CurvatureNeeded(T b, T c) => !StrongZero.IsExactZero(b) && !StrongZero.IsExactZero(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CurvatureNeeded(T xE1, T yE1, T xE2, T yE2)
        => (!StrongZero.IsExactZero(xE1) || !StrongZero.IsExactZero(yE1))
            && (!StrongZero.IsExactZero(xE2) || !StrongZero.IsExactZero(yE2));
}

using System.Numerics;
using System.Runtime.CompilerServices;

namespace ForwardDiff;

/// <summary>The value and first derivative of a scalar function, from one evaluation.</summary>
/// <typeparam name="T">The number type.</typeparam>
/// <param name="Value">f(x).</param>
/// <param name="Derivative">f′(x).</param>
public readonly record struct DerivativeResult<T>(T Value, T Derivative);

/// <summary>
/// Entry points of forward-mode automatic differentiation: derivatives (this file), gradients, Jacobians and Hessians.
/// </summary>
/// <remarks>
/// Each verb comes as a delegate form (<c>Func&lt;Dual&lt;T&gt;, Dual&lt;T&gt;&gt;</c>, convenient) and as a generic-function
/// form (<see cref="IScalarFunction"/> implemented by a struct: no delegate call, one function for every order).
/// Higher derivatives nest duals; the outer perturbation is the newer one.
/// </remarks>
public static partial class AutoDiff
{
    /// <summary>f′(x): evaluates f once on x + 1ε and returns the ε part.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="f">The function, written on <see cref="Dual{T}"/>.</param>
    /// <param name="x">The point.</param>
    /// <returns>f′(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    public static T Derivative<T>(Func<Dual<T>, Dual<T>> f, T x)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        return f(Dual<T>.Variable(x)).Derivative;
    }

    /// <summary>f(x) and f′(x) from one evaluation of f on x + 1ε.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="f">The function, written on <see cref="Dual{T}"/>.</param>
    /// <param name="x">The point.</param>
    /// <returns>The value and the derivative.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    public static DerivativeResult<T> DerivativeWithValue<T>(Func<Dual<T>, Dual<T>> f, T x)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        Dual<T> y = f(Dual<T>.Variable(x));
        return new(y.Value, y.Derivative);
    }

    /// <summary>f″(x) by nesting: f is evaluated once on (x + 1ε₁) + 1ε₂ and the ε₁ε₂ part is returned.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="f">The function, written on <c>Dual&lt;Dual&lt;T&gt;&gt;</c>.</param>
    /// <param name="x">The point.</param>
    /// <returns>f″(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    public static T SecondDerivative<T>(Func<Dual<Dual<T>>, Dual<Dual<T>>> f, T x)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        return f(SeedSecond(x)).Derivative.Derivative;
    }

    /// <summary>f′(x) for a generic function (inlined: no delegate, no allocation).</summary>
    /// <typeparam name="TFunction">The function type, ideally a struct.</typeparam>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <returns>f′(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is a null reference.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Derivative<TFunction, T>(TFunction f, T x)
        where TFunction : IScalarFunction
        where T : IFloatingPointIeee754<T>
    {
        ThrowIfNull(f);
        return f.Invoke(Dual<T>.Variable(x)).Derivative;
    }

    /// <summary>f(x) and f′(x) from one evaluation of a generic function.</summary>
    /// <typeparam name="TFunction">The function type, ideally a struct.</typeparam>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <returns>The value and the derivative.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is a null reference.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DerivativeResult<T> DerivativeWithValue<TFunction, T>(TFunction f, T x)
        where TFunction : IScalarFunction
        where T : IFloatingPointIeee754<T>
    {
        ThrowIfNull(f);
        Dual<T> y = f.Invoke(Dual<T>.Variable(x));
        return new(y.Value, y.Derivative);
    }

    /// <summary>f″(x) of a generic function, by nesting duals.</summary>
    /// <typeparam name="TFunction">The function type, ideally a struct.</typeparam>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <returns>f″(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is a null reference.</exception>
    public static T SecondDerivative<TFunction, T>(TFunction f, T x)
        where TFunction : IScalarFunction
        where T : IFloatingPointIeee754<T>
    {
        ThrowIfNull(f);
        return f.Invoke(SeedSecond(x)).Derivative.Derivative;
    }

    /// <summary>Effectively computes <c>destination[i] = f′(x[i])</c> for a generic function, allocation-free.</summary>
    /// <typeparam name="TFunction">The function type, ideally a struct.</typeparam>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The points.</param>
    /// <param name="destination">Receives the derivatives.</param>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is a null reference.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>.</exception>
    public static void Derivative<TFunction, T>(TFunction f, ReadOnlySpan<T> x, Span<T> destination)
        where TFunction : IScalarFunction
        where T : IFloatingPointIeee754<T>
    {
        ThrowIfNull(f);
        if (destination.Length < x.Length)
        {
            ThrowDestinationTooShort(destination.Length, x.Length);   // a helper: the message formatting inline made the loop's method large
        }

        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = f.Invoke(Dual<T>.Variable(x[i])).Derivative;
        }
    }

    /// <summary>x seeded for a second derivative: value x + 1ε₁ (inner), outer perturbation 1ε₂ (the newer one).</summary>
    private static Dual<Dual<T>> SeedSecond<T>(T x)
        where T : IFloatingPointIeee754<T>
        => new(Dual<T>.Variable(x), Dual<T>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ThrowIfNull<TFunction>(TFunction f, [CallerArgumentExpression(nameof(f))] string? name = null)
    {
        if (f is null)
        {
            throw new ArgumentNullException(name);
        }
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;

namespace ForwardDiff;

/// <summary>The value, first and second derivative of a scalar function, from one evaluation.</summary>
/// <typeparam name="T">The number type.</typeparam>
/// <param name="Value">f(x).</param>
/// <param name="Derivative">f′(x).</param>
/// <param name="SecondDerivative">f″(x).</param>
public readonly record struct SecondDerivativeResult<T>(T Value, T Derivative, T SecondDerivative);

public static partial class AutoDiff
{
    // Second derivatives by hyper-dual numbers: one evaluation of f on x + ε₁ + ε₂ carries f, f′ (twice) and f″.
    // The alternative to SecondDerivative (which nests Dual<Dual<T>>): the same number of multiplications for the
    // f″ part, but one level of generic nesting instead of two and all three results from one call. The name differs
    // from SecondDerivative on purpose: an overload taking Func<HyperDual<T>, HyperDual<T>> would make every lambda
    // call ambiguous between the two function types.

    /// <summary>f(x), f′(x) and f″(x) from one evaluation of f on the hyper-dual x + ε₁ + ε₂.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="f">The function, written on <see cref="HyperDual{T}"/>.</param>
    /// <param name="x">The point.</param>
    /// <returns>The value, the first and the second derivative.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    public static SecondDerivativeResult<T> SecondDerivativeHyper<T>(Func<HyperDual<T>, HyperDual<T>> f, T x)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        HyperDual<T> y = f(HyperDual<T>.Variable(x));
        return new(y.Value, y.E1, y.E1E2);
    }

    /// <summary>f(x), f′(x) and f″(x) of a generic function from one hyper-dual evaluation (inlined: no delegate, no allocation).</summary>
    /// <typeparam name="TFunction">The function type, ideally a struct.</typeparam>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <returns>The value, the first and the second derivative.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is a null reference.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SecondDerivativeResult<T> SecondDerivativeHyper<TFunction, T>(TFunction f, T x)
        where TFunction : IScalarFunction
        where T : IFloatingPointIeee754<T>
    {
        ThrowIfNull(f);
        HyperDual<T> y = f.Invoke(HyperDual<T>.Variable(x));
        return new(y.Value, y.E1, y.E1E2);
    }

    /// <summary>Effectively computes <c>destination[i] = f″(x[i])</c> for a generic function by hyper-duals, allocation-free.</summary>
    /// <typeparam name="TFunction">The function type, ideally a struct.</typeparam>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The points.</param>
    /// <param name="destination">Receives the second derivatives.</param>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is a null reference.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>.</exception>
    public static void SecondDerivativeHyper<TFunction, T>(TFunction f, ReadOnlySpan<T> x, Span<T> destination)
        where TFunction : IScalarFunction
        where T : IFloatingPointIeee754<T>
    {
        ThrowIfNull(f);
        if (destination.Length < x.Length)
        {
            ThrowDestinationTooShort(destination.Length, x.Length);
        }

        // the throw lives in a helper (the message formatting inline made the method large) and Variable is marked for
        // inlining: before, even HyperDual.Variable was a call in this loop
        destination = destination[..x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = f.Invoke(HyperDual<T>.Variable(x[i])).E1E2;
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowDestinationTooShort(int destinationLength, int pointCount)
        => throw new ArgumentException($"Destination is too short: it has {destinationLength} elements for {pointCount} points.", "destination");
}

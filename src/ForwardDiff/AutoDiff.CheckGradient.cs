using System.Numerics;

namespace ForwardDiff;

public static partial class AutoDiff
{
    /// <summary>
    /// Compares the forward-mode gradient of <paramref name="function"/> with central finite differences,
    /// (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / 2hᵢ with hᵢ = ∛ε · max(|xᵢ|, 1), and reports the relative error per component.
    /// Use it to validate a hand-written function (or a hand-written gradient you compare against).
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function type.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="x">The point.</param>
    /// <returns>The per-component comparison.</returns>
    /// <remarks>
    /// The finite difference has truncation error O(h²·f‴) and rounding error O(ε·|f| / h), so agreement to about
    /// ε^(2/3) (≈ 4·10⁻¹¹ for double) relative to the scale of f is the best to expect; AD itself has no step.
    /// </remarks>
    public static GradientCheck<T> CheckGradient<T, TFunction>(TFunction function, ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
        where TFunction : IMultivariateFunction
    {
        T[] automatic = Gradient(function, x);
        T[] finite = new T[x.Length];
        T[] shifted = x.ToArray();
        T step = T.Cbrt(MachineEpsilon<T>());
        for (int i = 0; i < x.Length; i++)
        {
            T h = step * T.Max(T.Abs(x[i]), T.One);
            T xi = x[i];
            T up = xi + h;
            T down = xi - h;
            shifted[i] = up;
            T fUp = function.Invoke<T>(shifted);
            shifted[i] = down;
            T fDown = function.Invoke<T>(shifted);
            shifted[i] = xi;
            finite[i] = (fUp - fDown) / (up - down);
        }

        return new GradientCheck<T>(automatic, finite);
    }

    /// <summary>The distance from 1 to the next larger number of <typeparamref name="T"/>.</summary>
    private static T MachineEpsilon<T>()
        where T : IFloatingPointIeee754<T>
        => T.BitIncrement(T.One) - T.One;
}

/// <summary>The result of <c>AutoDiff.CheckGradient</c>: AD and finite-difference gradients side by side.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
public sealed class GradientCheck<T>
    where T : IFloatingPointIeee754<T>
{
    internal GradientCheck(T[] automatic, T[] finiteDifference)
    {
        Automatic = automatic;
        FiniteDifference = finiteDifference;
        RelativeErrors = new T[automatic.Length];
        MaxRelativeError = T.Zero;
        WorstComponent = -1;
        for (int i = 0; i < automatic.Length; i++)
        {
            T scale = T.Max(T.Max(T.Abs(automatic[i]), T.Abs(finiteDifference[i])), T.One);
            T error = T.Abs(automatic[i] - finiteDifference[i]) / scale;
            RelativeErrors[i] = error;
            if (T.IsNaN(error) || error > MaxRelativeError || WorstComponent < 0)
            {
                if (!(WorstComponent >= 0 && T.IsNaN(MaxRelativeError)))
                {
                    MaxRelativeError = error;
                    WorstComponent = i;
                }
            }
        }
    }

    /// <summary>The forward-mode gradient.</summary>
    public T[] Automatic { get; }

    /// <summary>The central finite-difference gradient.</summary>
    public T[] FiniteDifference { get; }

    /// <summary>|AD − FD| / max(|AD|, |FD|, 1) per component (absolute error for components below 1).</summary>
    public T[] RelativeErrors { get; }

    /// <summary>The largest entry of <see cref="RelativeErrors"/> (NaN if any is NaN; zero for n = 0).</summary>
    public T MaxRelativeError { get; }

    /// <summary>The index of <see cref="MaxRelativeError"/>, or −1 for n = 0.</summary>
    public int WorstComponent { get; }

    /// <summary>Whether every component agrees within <paramref name="tolerance"/> (false if any error is NaN).</summary>
    /// <param name="tolerance">The largest acceptable relative error, e.g. 1e-6 for double.</param>
    /// <returns>Whether the gradients agree.</returns>
    public bool Agrees(T tolerance) => !T.IsNaN(MaxRelativeError) && MaxRelativeError <= tolerance;

    /// <summary>One line per component: index, AD, FD, relative error.</summary>
    /// <returns>The report.</returns>
    public override string ToString()
    {
        System.Text.StringBuilder text = new();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"gradient check: max relative error {MaxRelativeError:G3} at component {WorstComponent}").AppendLine();
        for (int i = 0; i < Automatic.Length; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  [{i}] AD {Automatic[i]:G17}  FD {FiniteDifference[i]:G17}  rel.err {RelativeErrors[i]:G3}").AppendLine();
        }

        return text.ToString();
    }
}

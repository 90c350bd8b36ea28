using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.RootFinding;

namespace ForwardDiff.LinearAlgebra;

/// <summary>Newton's method with derivatives from forward-mode AD: scalar roots through MathNet's
/// <see cref="NewtonRaphson"/>, and roots of square systems through the AD Jacobian.</summary>
public static class AutoDiffRootFinding
{
    /// <summary>
    /// A root of f in [<paramref name="lowerBound"/>, <paramref name="upperBound"/>] by MathNet's Newton–Raphson with the
    /// AD derivative (one sweep gives f and f′; consecutive requests at the same point reuse it).
    /// </summary>
    /// <param name="f">The function, written on <see cref="DualScalar"/>.</param>
    /// <param name="lowerBound">The lower end of the bracket.</param>
    /// <param name="upperBound">The upper end of the bracket.</param>
    /// <param name="accuracy">The required accuracy in f (MathNet's convention).</param>
    /// <param name="maxIterations">The iteration limit.</param>
    /// <returns>The root.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="NonConvergenceException">No root was found within the iteration limit.</exception>
    public static double FindRoot(Func<DualScalar, DualScalar> f, double lowerBound, double upperBound, double accuracy = 1e-12, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(f);
        var cache = new ScalarCache(f);
        return NewtonRaphson.FindRoot(cache.Value, cache.Derivative, lowerBound, upperBound, accuracy, maxIterations);
    }

    /// <summary>A root of f near <paramref name="initialGuess"/>, within the bracket, by MathNet's Newton–Raphson with the AD derivative.</summary>
    /// <param name="f">The function, written on <see cref="DualScalar"/>.</param>
    /// <param name="initialGuess">The starting point.</param>
    /// <param name="lowerBound">The lower end of the bracket.</param>
    /// <param name="upperBound">The upper end of the bracket.</param>
    /// <param name="accuracy">The required accuracy in f.</param>
    /// <param name="maxIterations">The iteration limit.</param>
    /// <returns>The root.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="NonConvergenceException">No root was found within the iteration limit.</exception>
    public static double FindRootNearGuess(Func<DualScalar, DualScalar> f, double initialGuess, double lowerBound, double upperBound, double accuracy = 1e-12, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(f);
        var cache = new ScalarCache(f);
        return NewtonRaphson.FindRootNearGuess(cache.Value, cache.Derivative, initialGuess, lowerBound, upperBound, accuracy, maxIterations);
    }

    /// <summary>
    /// A root of the square system f(x) = 0 by Newton's method, x ← x − J(x)⁻¹f(x), with J the AD Jacobian
    /// (rows-are-outputs) solved by LU on the active provider. Stops when ‖f(x)‖∞ ≤ <paramref name="accuracy"/>.
    /// </summary>
    /// <param name="f">The system, written on <see cref="DualVector"/>; it must return as many entries as it takes.</param>
    /// <param name="initialGuess">The starting point.</param>
    /// <param name="accuracy">The required max-norm of the residual.</param>
    /// <param name="maxIterations">The iteration limit.</param>
    /// <returns>The root.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> or <paramref name="initialGuess"/> is null.</exception>
    /// <exception cref="ArgumentException">f returns a different number of entries than it takes.</exception>
    /// <exception cref="NonConvergenceException">The residual did not reach the accuracy within the iteration limit,
    /// or the iteration produced a non-finite point.</exception>
    public static Vector<double> FindRoot(Func<DualVector, DualVector> f, Vector<double> initialGuess, double accuracy = 1e-12, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(initialGuess);
        Vector<double> x = Vector<double>.Build.DenseOfVector(initialGuess);
        for (int iteration = 0; iteration <= maxIterations; iteration++)
        {
            (Vector<double> y, Matrix<double> jacobian) = MatrixAutoDiff.ValueAndJacobian(f, x);
            if (y.Count != x.Count)
            {
                throw new ArgumentException(
                    $"Newton's method needs a square system, but f maps {x.Count} unknowns to {y.Count} equations (Jacobian {jacobian.RowCount}×{jacobian.ColumnCount}).",
                    nameof(f));
            }

            if (y.InfinityNorm() <= accuracy)
            {
                return x;
            }

            if (iteration == maxIterations)
            {
                break;
            }

            x -= jacobian.Solve(y);
            if (!Kernels.AllFinite(DualVector.ValuesOf(x)))
            {
                throw new NonConvergenceException($"Newton's method produced a non-finite point at iteration {iteration + 1} (singular Jacobian?).");
            }
        }

        throw new NonConvergenceException($"Newton's method did not reach a residual of {accuracy} within {maxIterations} iterations.");
    }

    /// <summary>Evaluates f and f′ in one sweep and remembers the last point, since MathNet asks for them separately.</summary>
    private sealed class ScalarCache(Func<DualScalar, DualScalar> f)
    {
        private double _point = double.NaN;
        private double _value;
        private double _derivative;

        public double Value(double x)
        {
            Evaluate(x);
            return _value;
        }

        public double Derivative(double x)
        {
            Evaluate(x);
            return _derivative;
        }

        private void Evaluate(double x)
        {
            if (x.Equals(_point))
            {
                return;
            }

            DualScalar y = f(DualScalar.Variable(x)) ?? throw new InvalidOperationException("The function returned null.");
            if (y.PartialCount != 1)
            {
                throw new InvalidOperationException($"The function returned a dual scalar with {y.PartialCount} partials; it must be computed from its argument.");
            }

            _point = x;
            _value = y.Value;
            _derivative = y.GradientSpan[0];
        }
    }
}

using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace ForwardDiff.LinearAlgebra;

/// <summary>
/// A MathNet.Numerics <see cref="IObjectiveFunction"/> whose gradient and Hessian come from forward-mode AD of a
/// function written once, either on <see cref="DualVector"/>/<see cref="DualScalar"/> (the constructor) or generically
/// as an <see cref="IMultivariateFunction"/> on the core's chunked duals (<see cref="Create{TFunction}(TFunction)"/>), so <see cref="BfgsMinimizer"/>,
/// <see cref="LimitedMemoryBfgsMinimizer"/>, <see cref="ConjugateGradientMinimizer"/> and <see cref="NewtonMinimizer"/>
/// run on it unchanged.
/// </summary>
/// <remarks>
/// Evaluation is lazy: <see cref="EvaluateAt"/> only records the point; the first read of <see cref="Value"/> or
/// <see cref="Gradient"/> runs one first-order sweep (value and gradient together), and the first read of
/// <see cref="Hessian"/> runs one second-order sweep (value, gradient and Hessian together). The sweep counters
/// are shared by every <see cref="Fork"/> and <see cref="CreateNew"/> copy, so they count the work done for one
/// minimisation.
/// </remarks>
public sealed class AutoDiffObjectiveFunction : IObjectiveFunction
{
    private readonly Func<Vector<double>, (double Value, Vector<double> Gradient)> _firstOrder;
    private readonly Func<Vector<double>, (double Value, Vector<double> Gradient, Matrix<double> Hessian)> _secondOrder;
    private readonly Counters _counters;
    private Vector<double>? _point;
    private double _value;
    private Vector<double>? _gradient;
    private Matrix<double>? _hessian;
    private bool _hasValue;

    /// <summary>Wraps <paramref name="function"/> as an objective with AD gradient and Hessian.</summary>
    /// <param name="function">The objective, written on dual types.</param>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public AutoDiffObjectiveFunction(Func<DualVector, DualScalar> function)
        : this(FirstOrder(function), x => MatrixAutoDiff.ValueGradientHessian(function, x), new Counters())
    {
    }

    private AutoDiffObjectiveFunction(
        Func<Vector<double>, (double Value, Vector<double> Gradient)> firstOrder,
        Func<Vector<double>, (double Value, Vector<double> Gradient, Matrix<double> Hessian)> secondOrder,
        Counters counters)
    {
        _firstOrder = firstOrder;
        _secondOrder = secondOrder;
        _counters = counters;
    }

    /// <summary>
    /// An objective for a function written once on generic numbers: the gradient from the core's chunked
    /// <c>AutoDiff.Gradient</c>, the Hessian from its nested-chunk <c>AutoDiff.Hessian</c>.
    /// </summary>
    /// <typeparam name="TFunction">The function type (ideally a struct).</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <returns>The objective.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is a null reference.</exception>
    public static AutoDiffObjectiveFunction Create<TFunction>(TFunction function)
        where TFunction : IMultivariateFunction
    {
        if (function is null)
        {
            throw new ArgumentNullException(nameof(function));
        }

        return new AutoDiffObjectiveFunction(
            x =>
            {
                double[] gradient = new double[x.Count];
                double value = AutoDiff.Gradient<double, TFunction>(function, x.ToArray(), gradient);
                return (value, Vector<double>.Build.Dense(gradient));
            },
            x =>
            {
                int n = x.Count;
                double[] rowMajor = new double[n * n];
                double value = AutoDiff.Hessian<double, TFunction>(function, x.ToArray(), rowMajor);
                double[] gradient = new double[n];
                AutoDiff.Gradient<double, TFunction>(function, x.ToArray(), gradient);

                // Row-major and column-major agree for the symmetric Hessian; transpose anyway so an
                // asymmetric rounding pattern is reported as computed.
                Matrix<double> hessian = Matrix<double>.Build.Dense(n, n, rowMajor).Transpose();
                return (value, Vector<double>.Build.Dense(gradient), hessian);
            },
            new Counters());
    }

    /// <summary>The number of first-order sweeps (value and gradient) run so far, over all forks.</summary>
    public int GradientEvaluations => _counters.Gradient;

    /// <summary>The number of second-order sweeps (value, gradient and Hessian) run so far, over all forks.</summary>
    public int HessianEvaluations => _counters.Hessian;

    /// <summary>The number of points at which the objective was evaluated (<see cref="EvaluateAt"/> calls), over all forks.</summary>
    public int PointEvaluations => _counters.Points;

    /// <inheritdoc />
    public Vector<double> Point => _point ?? throw new InvalidOperationException("EvaluateAt has not been called yet.");

    /// <inheritdoc />
    public double Value
    {
        get
        {
            EnsureFirstOrder();
            return _value;
        }
    }

    /// <inheritdoc />
    public bool IsGradientSupported => true;

    /// <inheritdoc />
    public Vector<double> Gradient
    {
        get
        {
            EnsureFirstOrder();
            return _gradient!;
        }
    }

    /// <inheritdoc />
    public bool IsHessianSupported => true;

    /// <inheritdoc />
    public Matrix<double> Hessian
    {
        get
        {
            if (_hessian is null)
            {
                (double value, Vector<double> gradient, Matrix<double> hessian) = _secondOrder(Point);
                _counters.Hessian++;
                _value = value;
                _gradient = gradient;
                _hessian = hessian;
                _hasValue = true;
            }

            return _hessian;
        }
    }

    /// <inheritdoc />
    public void EvaluateAt(Vector<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        _point = Vector<double>.Build.DenseOfVector(point);
        _hasValue = false;
        _gradient = null;
        _hessian = null;
        _counters.Points++;
    }

    /// <inheritdoc />
    public IObjectiveFunction Fork()
    {
        return new AutoDiffObjectiveFunction(_firstOrder, _secondOrder, _counters)
        {
            _point = _point,
            _value = _value,
            _gradient = _gradient,
            _hessian = _hessian,
            _hasValue = _hasValue,
        };
    }

    /// <inheritdoc />
    public IObjectiveFunction CreateNew() => new AutoDiffObjectiveFunction(_firstOrder, _secondOrder, _counters);

    private void EnsureFirstOrder()
    {
        if (_hasValue)
        {
            return;
        }

        (double value, Vector<double> gradient) = _firstOrder(Point);
        _counters.Gradient++;
        _value = value;
        _gradient = gradient;
        _hasValue = true;
    }

    private static Func<Vector<double>, (double Value, Vector<double> Gradient)> FirstOrder(Func<DualVector, DualScalar> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return x => MatrixAutoDiff.ValueAndGradient(function, x);
    }

    private sealed class Counters
    {
        public int Gradient { get; set; }

        public int Hessian { get; set; }

        public int Points { get; set; }
    }
}

using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace ForwardDiff.LinearAlgebra;

/// <summary>
/// A MathNet.Numerics <see cref="IObjectiveFunction"/> whose gradient and Hessian come from forward-mode AD of a
/// function written once on <see cref="DualVector"/>/<see cref="DualScalar"/>, so <see cref="BfgsMinimizer"/>,
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
    private readonly Func<DualVector, DualScalar> _function;
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
        : this(function ?? throw new ArgumentNullException(nameof(function)), new Counters())
    {
    }

    private AutoDiffObjectiveFunction(Func<DualVector, DualScalar> function, Counters counters)
    {
        _function = function;
        _counters = counters;
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
                (double value, Vector<double> gradient, Matrix<double> hessian) = MatrixAutoDiff.ValueGradientHessian(_function, Point);
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
        return new AutoDiffObjectiveFunction(_function, _counters)
        {
            _point = _point,
            _value = _value,
            _gradient = _gradient,
            _hessian = _hessian,
            _hasValue = _hasValue,
        };
    }

    /// <inheritdoc />
    public IObjectiveFunction CreateNew() => new AutoDiffObjectiveFunction(_function, _counters);

    private void EnsureFirstOrder()
    {
        if (_hasValue)
        {
            return;
        }

        (double value, Vector<double> gradient) = MatrixAutoDiff.ValueAndGradient(_function, Point);
        _counters.Gradient++;
        _value = value;
        _gradient = gradient;
        _hasValue = true;
    }

    private sealed class Counters
    {
        public int Gradient { get; set; }

        public int Hessian { get; set; }

        public int Points { get; set; }
    }
}

using System.Globalization;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra;

/// <summary>
/// A scalar carried with its k partials (its gradient with respect to the seeded variables) and, when the
/// computation was seeded for second order, its k×k Hessian: the output type of functions written on
/// <see cref="DualVector"/> and <see cref="DualMatrix"/>.
/// </summary>
/// <remarks>
/// Every operation applies the chain rule to value, gradient and (if tracked) Hessian together:
/// for y = f(u), ∇y = f′(u)∇u and ∇²y = f′(u)∇²u + f″(u)∇u∇uᵀ. Partials that are exactly zero stay zero
/// whatever the local derivative (the core's strong-zero convention), so a constant fed through √x at 0
/// does not turn into NaN. Instances are immutable.
/// </remarks>
public sealed class DualScalar
{
    private readonly double[] _gradient;
    private readonly double[]? _hessian;

    internal DualScalar(double value, double[] gradient, double[]? hessian)
    {
        Value = value;
        _gradient = gradient;
        _hessian = hessian;
    }

    /// <summary>The value.</summary>
    public double Value { get; }

    /// <summary>The number k of partials (seeded variables).</summary>
    public int PartialCount => _gradient.Length;

    /// <summary>Whether the Hessian is carried (the computation was seeded by a Hessian entry point).</summary>
    public bool TracksSecondOrder => _hessian is not null;

    /// <summary>The k partials ∂y/∂xⱼ as a fresh vector (the textbook's column gradient ∇ₓy).</summary>
    public Vector<double> Gradient => Vector<double>.Build.Dense((double[])_gradient.Clone());

    /// <summary>The k×k Hessian ∂²y/∂xᵢ∂xⱼ as a fresh matrix.</summary>
    /// <exception cref="InvalidOperationException">The computation was seeded for first order only.</exception>
    public Matrix<double> Hessian => _hessian is null
        ? throw new InvalidOperationException("This dual scalar carries no second-order partials: seed it through a Hessian entry point (MatrixAutoDiff.Hessian).")
        : Matrix<double>.Build.Dense(PartialCount, PartialCount, (double[])_hessian.Clone());

    internal ReadOnlySpan<double> GradientSpan => _gradient;

    internal double[]? HessianStorage => _hessian;

    /// <summary>A constant: value <paramref name="value"/>, k zero partials.</summary>
    /// <param name="value">The value.</param>
    /// <param name="partialCount">The number k of partials, matching the variables it is combined with.</param>
    /// <returns>The constant.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partialCount"/> is negative.</exception>
    public static DualScalar Constant(double value, int partialCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partialCount);
        return new DualScalar(value, new double[partialCount], null);
    }

    /// <summary>A single seeded variable: value <paramref name="value"/>, one partial equal to 1 (k = 1).</summary>
    /// <param name="value">The point.</param>
    /// <returns>The seeded variable, for derivatives of functions of one variable.</returns>
    public static DualScalar Variable(double value) => new(value, [1.0], null);

    /// <summary>Makes a dual scalar from a value and its partials (copied).</summary>
    /// <param name="value">The value.</param>
    /// <param name="gradient">The k partials.</param>
    /// <returns>The dual scalar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="gradient"/> is null.</exception>
    public static DualScalar FromPartials(double value, Vector<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        return new DualScalar(value, gradient.ToArray(), null);
    }

    // ------------------------------------------------------------------ arithmetic

    /// <summary>Sum: ∇(a + b) = ∇a + ∇b.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a + b.</returns>
    public static DualScalar operator +(DualScalar a, DualScalar b) => Combine(a, b, 1.0);

    /// <summary>Difference: ∇(a − b) = ∇a − ∇b.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a − b.</returns>
    public static DualScalar operator -(DualScalar a, DualScalar b) => Combine(a, b, -1.0);

    /// <summary>Adds a constant; the partials are unchanged.</summary>
    /// <param name="a">The dual operand.</param>
    /// <param name="c">The constant.</param>
    /// <returns>a + c.</returns>
    public static DualScalar operator +(DualScalar a, double c)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new DualScalar(a.Value + c, a._gradient, a._hessian);
    }

    /// <summary>Adds a constant; the partials are unchanged.</summary>
    /// <param name="c">The constant.</param>
    /// <param name="a">The dual operand.</param>
    /// <returns>c + a.</returns>
    public static DualScalar operator +(double c, DualScalar a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new DualScalar(c + a.Value, a._gradient, a._hessian);
    }

    /// <summary>Subtracts a constant; the partials are unchanged.</summary>
    /// <param name="a">The dual operand.</param>
    /// <param name="c">The constant.</param>
    /// <returns>a − c.</returns>
    public static DualScalar operator -(DualScalar a, double c)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new DualScalar(a.Value - c, a._gradient, a._hessian);
    }

    /// <summary>Constant minus dual: the partials are negated.</summary>
    /// <param name="c">The constant.</param>
    /// <param name="a">The dual operand.</param>
    /// <returns>c − a.</returns>
    public static DualScalar operator -(double c, DualScalar a)
    {
        ArgumentNullException.ThrowIfNull(a);
        DualScalar negated = -a;
        return new DualScalar(c - a.Value, negated._gradient, negated._hessian);
    }

    /// <summary>Negation.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>−a.</returns>
    public static DualScalar operator -(DualScalar a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new DualScalar(-a.Value, Negate(a._gradient), a._hessian is null ? null : Negate(a._hessian));
    }

    /// <summary>Scaling by a constant: ∇(c·a) = c∇a (an exactly zero partial stays zero even for c = ±∞).</summary>
    /// <param name="a">The dual operand.</param>
    /// <param name="c">The constant.</param>
    /// <returns>a·c.</returns>
    public static DualScalar operator *(DualScalar a, double c)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new DualScalar(a.Value * c, ScaleCopy(a._gradient, c), a._hessian is null ? null : ScaleCopy(a._hessian, c));
    }

    /// <summary>Scaling by a constant.</summary>
    /// <param name="c">The constant.</param>
    /// <param name="a">The dual operand.</param>
    /// <returns>c·a.</returns>
    public static DualScalar operator *(double c, DualScalar a) => a * c;

    /// <summary>Division by a constant: ∇(a/c) = ∇a / c.</summary>
    /// <param name="a">The dual operand.</param>
    /// <param name="c">The constant.</param>
    /// <returns>a / c.</returns>
    public static DualScalar operator /(DualScalar a, double c)
    {
        ArgumentNullException.ThrowIfNull(a);
        var gradient = new double[a.PartialCount];
        TensorPrimitives.Divide(a._gradient, c, gradient);
        double[]? hessian = null;
        if (a._hessian is not null)
        {
            hessian = new double[a._hessian.Length];
            TensorPrimitives.Divide(a._hessian, c, hessian);
        }

        return new DualScalar(a.Value / c, gradient, hessian);
    }

    /// <summary>Constant divided by a dual: c/a = c · a⁻¹.</summary>
    /// <param name="c">The constant.</param>
    /// <param name="a">The dual operand.</param>
    /// <returns>c / a.</returns>
    public static DualScalar operator /(double c, DualScalar a) => Constant(c, a?.PartialCount ?? 0) / a!;

    /// <summary>Product rule: ∇(ab) = b∇a + a∇b; ∇²(ab) = b∇²a + a∇²b + ∇a∇bᵀ + ∇b∇aᵀ.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a·b.</returns>
    public static DualScalar operator *(DualScalar a, DualScalar b)
    {
        bool second = CheckCompatible(a, b);
        int k = a.PartialCount;
        var gradient = new double[k];
        Kernels.ScaleAdd(a._gradient, b.Value, gradient);
        Kernels.ScaleAdd(b._gradient, a.Value, gradient);
        double[]? hessian = null;
        if (second)
        {
            hessian = new double[k * k];
            if (a._hessian is not null)
            {
                Kernels.ScaleAdd(a._hessian, b.Value, hessian);
            }

            if (b._hessian is not null)
            {
                Kernels.ScaleAdd(b._hessian, a.Value, hessian);
            }

            Kernels.AddSymmetricRowOuter(a._gradient, b._gradient, 1, k, default, hessian);
        }

        return new DualScalar(a.Value * b.Value, gradient, hessian);
    }

    /// <summary>
    /// Quotient q = a/b: ∇q = (∇a − q∇b)/b; ∇²q = (∇²a − q∇²b − ∇q∇bᵀ − ∇b∇qᵀ)/b (from differentiating qb = a twice).
    /// </summary>
    /// <param name="a">The numerator.</param>
    /// <param name="b">The denominator.</param>
    /// <returns>a / b.</returns>
    public static DualScalar operator /(DualScalar a, DualScalar b)
    {
        bool second = CheckCompatible(a, b);
        int k = a.PartialCount;
        double q = a.Value / b.Value;
        var gradient = new double[k];
        a._gradient.AsSpan().CopyTo(gradient);
        Kernels.ScaleAdd(b._gradient, -q, gradient);
        TensorPrimitives.Divide(gradient, b.Value, gradient);
        double[]? hessian = null;
        if (second)
        {
            hessian = new double[k * k];
            if (a._hessian is not null)
            {
                a._hessian.AsSpan().CopyTo(hessian);
            }

            if (b._hessian is not null)
            {
                Kernels.ScaleAdd(b._hessian, -q, hessian);
            }

            var negative = new double[k * k];
            Kernels.AddSymmetricRowOuter(gradient, b._gradient, 1, k, default, negative);
            TensorPrimitives.Subtract(hessian, negative, hessian);
            TensorPrimitives.Divide(hessian, b.Value, hessian);
        }

        return new DualScalar(q, gradient, hessian);
    }

    // ------------------------------------------------------------------ functions

    /// <summary>eˣ. Rule: exp(a + h) ≈ exp(a) + h·exp(a).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>exp x.</returns>
    public static DualScalar Exp(DualScalar x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double value = Math.Exp(x.Value);
        return x.Chain(value, value, value);
    }

    /// <summary>ln x. Rule: log(a + h) ≈ log(a) + h/a (at a = 0, f′ = +∞ and a zero partial stays zero).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln x.</returns>
    public static DualScalar Log(DualScalar x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double first = 1.0 / x.Value;
        return x.Chain(Math.Log(x.Value), first, -(first * first));
    }

    /// <summary>√x. Rule: sqrt(a + h) ≈ sqrt(a) + h/(2 sqrt(a)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>√x.</returns>
    public static DualScalar Sqrt(DualScalar x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double value = Math.Sqrt(x.Value);
        double first = 1.0 / (value + value);
        return x.Chain(value, first, -2.0 * first * first * first);
    }

    /// <summary>sin x. Rule: sin(a + h) ≈ sin(a) + h·cos(a).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>sin x.</returns>
    public static DualScalar Sin(DualScalar x)
    {
        ArgumentNullException.ThrowIfNull(x);
        (double sin, double cos) = Math.SinCos(x.Value);
        return x.Chain(sin, cos, -sin);
    }

    /// <summary>cos x. Rule: cos(a + h) ≈ cos(a) − h·sin(a).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>cos x.</returns>
    public static DualScalar Cos(DualScalar x)
    {
        ArgumentNullException.ThrowIfNull(x);
        (double sin, double cos) = Math.SinCos(x.Value);
        return x.Chain(cos, -sin, -cos);
    }

    /// <summary>tanh x. Rule: tanh(a + h) ≈ tanh(a) + h(1 − tanh²a).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>tanh x.</returns>
    public static DualScalar Tanh(DualScalar x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double value = Math.Tanh(x.Value);
        double first = 1.0 - (value * value);
        return x.Chain(value, first, -2.0 * value * first);
    }

    /// <summary>The logistic sigmoid σ(x) = 1/(1 + e⁻ˣ). Rule: σ(a + h) ≈ σ(a) + h·σ(a)(1 − σ(a)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>σ(x).</returns>
    public static DualScalar Sigmoid(DualScalar x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double value = 1.0 / (1.0 + Math.Exp(-x.Value));
        double first = value * (1.0 - value);
        return x.Chain(value, first, first * (1.0 - (2.0 * value)));
    }

    /// <summary>xᵖ for a constant exponent. Rule: (a + h)ᵖ ≈ aᵖ + h·p·aᵖ⁻¹ (p = 0 has derivative 0 everywhere).</summary>
    /// <param name="x">The base.</param>
    /// <param name="p">The constant exponent.</param>
    /// <returns>xᵖ.</returns>
    public static DualScalar Pow(DualScalar x, double p)
    {
        ArgumentNullException.ThrowIfNull(x);
        (double first, double second) = PowDerivatives(x.Value, p);
        return x.Chain(Math.Pow(x.Value, p), first, second);
    }

    /// <summary>x². Rule: (a + h)² ≈ a² + 2ah.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>x·x.</returns>
    public static DualScalar Square(DualScalar x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Chain(x.Value * x.Value, 2.0 * x.Value, 2.0);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value} + [{string.Join(", ", _gradient)}]ε");

    /// <summary>The derivatives of xᵖ, with the conventions p = 0 → (0, 0) and p = 1 → (1, 0).</summary>
    internal static (double First, double Second) PowDerivatives(double x, double p)
    {
        if (p == 0.0)
        {
            return (0.0, 0.0);
        }

        if (p == 1.0)
        {
            return (1.0, 0.0);
        }

        if (p == 2.0)
        {
            return (2.0 * x, 2.0);
        }

        return (p * Math.Pow(x, p - 1.0), p * (p - 1.0) * Math.Pow(x, p - 2.0));
    }

    /// <summary>y = f(x): ∇y = f′∇x, ∇²y = f′∇²x + f″∇x∇xᵀ, each product with the strong-zero convention.</summary>
    internal DualScalar Chain(double value, double first, double second)
    {
        int k = PartialCount;
        var gradient = new double[k];
        Kernels.Scale(_gradient, first, gradient);
        double[]? hessian = null;
        if (_hessian is not null)
        {
            hessian = new double[k * k];
            Kernels.Scale(_hessian, first, hessian);
            for (int b = 0; b < k; b++)
            {
                for (int a = 0; a < k; a++)
                {
                    double outer = _gradient[a] * _gradient[b];
                    hessian[a + (b * k)] += Rules.StrongZero.Scale(second, outer);
                }
            }
        }

        return new DualScalar(value, gradient, hessian);
    }

    /// <summary>Checks that two operands share a seeding; returns whether the result tracks second order.</summary>
    internal static bool CheckCompatible(DualScalar a, DualScalar b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.PartialCount != b.PartialCount)
        {
            throw new ArgumentException(
                $"The operands carry different numbers of partials: {a.PartialCount} and {b.PartialCount}; they were seeded for different variables.");
        }

        return CheckSecondOrder(a._hessian is not null, a._gradient, b._hessian is not null, b._gradient);
    }

    /// <summary>
    /// A first-order operand may meet a second-order one only if it is a constant (all partials zero);
    /// otherwise its missing Hessian would silently be taken as zero.
    /// </summary>
    internal static bool CheckSecondOrder(bool leftTracks, ReadOnlySpan<double> leftGradient, bool rightTracks, ReadOnlySpan<double> rightGradient)
    {
        if (leftTracks == rightTracks)
        {
            return leftTracks;
        }

        ReadOnlySpan<double> untracked = leftTracks ? rightGradient : leftGradient;
        if (untracked.ContainsAnyExcept(0.0))
        {
            throw new ArgumentException(
                "A first-order dual (seeded by Gradient/Jacobian) was combined with a second-order dual (seeded by Hessian); seed every variable through the same entry point.");
        }

        return true;
    }

    private static DualScalar Combine(DualScalar a, DualScalar b, double sign)
    {
        bool second = CheckCompatible(a, b);
        int k = a.PartialCount;
        var gradient = new double[k];
        a._gradient.AsSpan().CopyTo(gradient);
        Kernels.ScaleAdd(b._gradient, sign, gradient);
        double[]? hessian = null;
        if (second)
        {
            hessian = new double[k * k];
            if (a._hessian is not null)
            {
                a._hessian.AsSpan().CopyTo(hessian);
            }

            if (b._hessian is not null)
            {
                Kernels.ScaleAdd(b._hessian, sign, hessian);
            }
        }

        return new DualScalar(sign > 0 ? a.Value + b.Value : a.Value - b.Value, gradient, hessian);
    }

    private static double[] Negate(double[] values)
    {
        var result = new double[values.Length];
        TensorPrimitives.Negate(values, result);
        return result;
    }

    private static double[] ScaleCopy(double[] values, double factor)
    {
        var result = new double[values.Length];
        Kernels.Scale(values, factor, result);
        return result;
    }
}

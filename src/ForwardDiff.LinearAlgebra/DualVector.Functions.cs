using System.Numerics.Tensors;
using ForwardDiff.Rules;
using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra;

/// <summary>Elementwise functions: values through TensorPrimitives, partials by one row scaling diag(f′(v))·P.</summary>
public sealed partial class DualVector
{
    /// <summary>Elementwise eˣ. Rule: exp(a + h) ≈ exp(a) + h·exp(a).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>exp applied to every entry.</returns>
    public static DualVector Exp(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] value = new double[x.Count];
        TensorPrimitives.Exp(x.ValueSpan, value);
        return x.Chain(value, value, value);
    }

    /// <summary>Elementwise ln x. Rule: log(a + h) ≈ log(a) + h/a (at a = 0, f′ = +∞ and a zero partial stays zero).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln applied to every entry.</returns>
    public static DualVector Log(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] value = new double[x.Count];
        TensorPrimitives.Log(x.ValueSpan, value);
        double[] first = new double[x.Count];
        TensorPrimitives.Reciprocal(x.ValueSpan, first);
        double[]? second = null;
        if (x.TracksSecondOrder)
        {
            second = new double[x.Count];
            TensorPrimitives.Multiply(first, first, second);
            TensorPrimitives.Negate(second, second);
        }

        return x.Chain(value, first, second);
    }

    /// <summary>Elementwise √x. Rule: sqrt(a + h) ≈ sqrt(a) + h/(2 sqrt(a)) (at a = 0, f′ = +∞).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>√ applied to every entry.</returns>
    public static DualVector Sqrt(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] value = new double[x.Count];
        TensorPrimitives.Sqrt(x.ValueSpan, value);
        double[] first = new double[x.Count];
        TensorPrimitives.Add(value, value, first);
        TensorPrimitives.Reciprocal(first, first);
        double[]? second = null;
        if (x.TracksSecondOrder)
        {
            // sqrt″ = −1/(4 a sqrt a) = −2 (f′)³
            second = new double[x.Count];
            TensorPrimitives.Multiply(first, first, second);
            TensorPrimitives.Multiply(second, first, second);
            TensorPrimitives.Multiply(second, -2.0, second);
        }

        return x.Chain(value, first, second);
    }

    /// <summary>Elementwise sin x. Rule: sin(a + h) ≈ sin(a) + h·cos(a).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>sin applied to every entry.</returns>
    public static DualVector Sin(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] sin = new double[x.Count];
        double[] cos = new double[x.Count];
        TensorPrimitives.SinCos(x.ValueSpan, sin, cos);
        return x.Chain(sin, cos, x.TracksSecondOrder ? Negated(sin) : null);
    }

    /// <summary>Elementwise cos x. Rule: cos(a + h) ≈ cos(a) − h·sin(a).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>cos applied to every entry.</returns>
    public static DualVector Cos(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] sin = new double[x.Count];
        double[] cos = new double[x.Count];
        TensorPrimitives.SinCos(x.ValueSpan, sin, cos);
        return x.Chain(cos, Negated(sin), x.TracksSecondOrder ? Negated(cos) : null);
    }

    /// <summary>Elementwise tanh x. Rule: tanh(a + h) ≈ tanh(a) + h(1 − tanh²a).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>tanh applied to every entry.</returns>
    public static DualVector Tanh(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] value = new double[x.Count];
        TensorPrimitives.Tanh(x.ValueSpan, value);
        double[] first = new double[x.Count];
        TensorPrimitives.MultiplyAdd(value, Negated(value), 1.0, first);
        double[]? second = null;
        if (x.TracksSecondOrder)
        {
            // tanh″ = −2 tanh (1 − tanh²)
            second = new double[x.Count];
            TensorPrimitives.Multiply(value, first, second);
            TensorPrimitives.Multiply(second, -2.0, second);
        }

        return x.Chain(value, first, second);
    }

    /// <summary>Elementwise logistic sigmoid σ(x) = 1/(1 + e⁻ˣ). Rule: σ(a + h) ≈ σ(a) + h·σ(a)(1 − σ(a)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>σ applied to every entry.</returns>
    public static DualVector Sigmoid(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] value = new double[x.Count];
        TensorPrimitives.Sigmoid(x.ValueSpan, value);
        double[] oneMinus = new double[x.Count];
        TensorPrimitives.Subtract(1.0, value, oneMinus);
        double[] first = new double[x.Count];
        TensorPrimitives.Multiply(value, oneMinus, first);
        double[]? second = null;
        if (x.TracksSecondOrder)
        {
            // σ″ = σ(1 − σ)(1 − 2σ)
            second = new double[x.Count];
            TensorPrimitives.Subtract(oneMinus, value, second);
            TensorPrimitives.Multiply(second, first, second);
        }

        return x.Chain(value, first, second);
    }

    /// <summary>
    /// Elementwise xᵖ for a constant exponent. Rule: (a + h)ᵖ ≈ aᵖ + h·p·aᵖ⁻¹; p = 0 has derivative 0 and p = 1 has
    /// second derivative 0 everywhere (so 0⁰ does not produce 0·∞).
    /// </summary>
    /// <param name="x">The base.</param>
    /// <param name="p">The constant exponent.</param>
    /// <returns>xᵖ for every entry.</returns>
    public static DualVector Pow(DualVector x, double p)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.Count;
        double[] value = new double[n];
        TensorPrimitives.Pow(x.ValueSpan, p, value);
        double[] first = new double[n];
        double[]? second = x.TracksSecondOrder ? new double[n] : null;
        ReadOnlySpan<double> v = x.ValueSpan;
        for (int i = 0; i < n; i++)
        {
            (double d1, double d2) = DualScalar.PowDerivatives(v[i], p);
            first[i] = d1;
            if (second is not null)
            {
                second[i] = d2;
            }
        }

        return x.Chain(value, first, second);
    }

    /// <summary>Elementwise x². Rule: (a + h)² ≈ a² + 2ah.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>x ∘ x.</returns>
    public static DualVector Square(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] value = new double[x.Count];
        TensorPrimitives.Multiply(x.ValueSpan, x.ValueSpan, value);
        double[] first = new double[x.Count];
        TensorPrimitives.Multiply(x.ValueSpan, 2.0, first);
        double[]? second = null;
        if (x.TracksSecondOrder)
        {
            second = new double[x.Count];
            Array.Fill(second, 2.0);
        }

        return x.Chain(value, first, second);
    }

    /// <summary>Elementwise 1/x. Rule: 1/(a + h) ≈ 1/a − h/a².</summary>
    /// <param name="x">The argument.</param>
    /// <returns>1/x for every entry.</returns>
    public static DualVector Reciprocal(DualVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] value = new double[x.Count];
        TensorPrimitives.Reciprocal(x.ValueSpan, value);
        double[] first = new double[x.Count];
        TensorPrimitives.Multiply(value, value, first);
        double[]? second = null;
        if (x.TracksSecondOrder)
        {
            // (1/x)″ = 2/x³
            second = new double[x.Count];
            TensorPrimitives.Multiply(first, value, second);
            TensorPrimitives.Multiply(second, 2.0, second);
        }

        TensorPrimitives.Negate(first, first);
        return x.Chain(value, first, second);
    }

    /// <summary>
    /// Hadamard product (product rule per entry): v = x ∘ y, P = diag(y)Pₓ + diag(x)P_y,
    /// ∇²vᵢ = yᵢ∇²xᵢ + xᵢ∇²yᵢ + ∇xᵢ∇yᵢᵀ + ∇yᵢ∇xᵢᵀ.
    /// </summary>
    /// <param name="x">The left operand.</param>
    /// <param name="y">The right operand.</param>
    /// <returns>x ∘ y.</returns>
    /// <exception cref="ArgumentException">The lengths or partial counts differ.</exception>
    public static DualVector PointwiseMultiply(DualVector x, DualVector y)
    {
        bool second = CheckPair(x, y, "multiply");
        int n = x.Count;
        int k = x.PartialCount;
        double[] value = new double[n];
        TensorPrimitives.Multiply(x.ValueSpan, y.ValueSpan, value);
        Partials partials = x._partials.ScaleRows(y.ValueSpan).Add(y._partials.ScaleRows(x.ValueSpan), 1.0);
        double[]? secondStorage = null;
        if (second)
        {
            secondStorage = new double[n * k * k];
            if (x._second is not null)
            {
                Kernels.ScaleRows(x._second, y.ValueSpan, k * k, secondStorage);
            }

            if (y._second is not null)
            {
                Kernels.ScaleRowsAdd(y._second, x.ValueSpan, k * k, secondStorage);
            }

            double[] px = x._partials.ToDenseArray();
            double[] py = y._partials.ToDenseArray();
            for (int b = 0; b < k; b++)
            {
                for (int a = 0; a < k; a++)
                {
                    Span<double> column = secondStorage.AsSpan((a + (b * k)) * n, n);
                    TensorPrimitives.MultiplyAdd(px.AsSpan(a * n, n), py.AsSpan(b * n, n), column, column);
                    TensorPrimitives.MultiplyAdd(py.AsSpan(a * n, n), px.AsSpan(b * n, n), column, column);
                }
            }
        }

        return new DualVector(Vector<double>.Build.Dense(value), partials, secondStorage, second);
    }

    /// <summary>
    /// Elementwise chain rule: vᵢ = f(xᵢ), P = diag(f′)·Pₓ, ∇²vᵢ = f′ᵢ∇²xᵢ + f″ᵢ∇xᵢ∇xᵢᵀ, every product with the
    /// strong-zero convention.
    /// </summary>
    private DualVector Chain(double[] value, double[] first, double[]? second)
    {
        Partials partials = _partials.ScaleRows(first);
        double[]? secondStorage = null;
        if (TracksSecondOrder)
        {
            int n = Count;
            int k = PartialCount;
            secondStorage = new double[n * k * k];
            if (_second is not null)
            {
                Kernels.ScaleRows(_second, first, k * k, secondStorage);
            }

            if (_partials.Kind != PartialsKind.Zero)
            {
                double[] p = _partials.ToDenseArray();
                for (int b = 0; b < k; b++)
                {
                    for (int a = 0; a < k; a++)
                    {
                        int offset = (a + (b * k)) * n;
                        for (int i = 0; i < n; i++)
                        {
                            double outer = p[i + (a * n)] * p[i + (b * n)];
                            secondStorage[offset + i] += StrongZero.Scale(second![i], outer);
                        }
                    }
                }
            }
        }

        return new DualVector(Vector<double>.Build.Dense(value), partials, secondStorage, TracksSecondOrder);
    }

    private static double[] Negated(ReadOnlySpan<double> values)
    {
        var result = new double[values.Length];
        TensorPrimitives.Negate(values, result);
        return result;
    }
}

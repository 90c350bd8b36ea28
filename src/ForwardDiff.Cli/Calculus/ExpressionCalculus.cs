namespace ForwardDiff.Cli.Calculus;

/// <summary>Exact derivatives of parsed expressions by forward-mode AD with <see cref="Dual{T}"/>.</summary>
/// <remarks>
/// <para>Higher derivatives of one variable nest duals: with K levels, each seeded with derivative 1 at the same
/// x, the value is f(x + ε₁ + … + ε_K), whose ε₁⋯ε_k coefficient is f⁽ᵏ⁾(x). So f⁽ᵏ⁾ is read by taking
/// <c>Derivative</c> on the k outer levels and <c>Value</c> on the rest. K is a compile-time nesting depth; fdiff
/// instantiates K = 1 … <see cref="MaxOrder"/> (a <c>Dual</c> of depth K carries 2ᴷ doubles, so K = 4 costs 16
/// doubles per number — cheap for one point).</para>
/// <para>Gradients, Hessians and Jacobians go through the library's chunked verbs (<see cref="AutoDiff"/>
/// <c>Gradient</c>/<c>Hessian</c>/<c>Jacobian</c>): the expression is wrapped as an <see cref="IMultivariateFunction"/>
/// or <see cref="IVectorFunction"/> and evaluated on chunked duals, ⌈n/N⌉ passes for a gradient and the upper-triangle
/// blocks of nested chunked duals for a Hessian, so the CLI reports exactly what a C# caller of the library gets.</para>
/// </remarks>
internal static class ExpressionCalculus
{
    /// <summary>The highest derivative order <see cref="Derivatives"/> supports.</summary>
    public const int MaxOrder = 4;

    /// <summary>f(x), f′(x), …, f⁽ᴷ⁾(x) for an expression of at most one input.</summary>
    /// <param name="f">The expression, bound to one input.</param>
    /// <param name="x">The point.</param>
    /// <param name="order">K, from 0 to <see cref="MaxOrder"/>.</param>
    /// <returns>K + 1 numbers: the value and the derivatives of orders 1 … K.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is outside 0 … <see cref="MaxOrder"/>.</exception>
    public static double[] Derivatives(BoundExpression f, double x, int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, MaxOrder);
        switch (order)
        {
            case 0:
                return [f.For<double>().Evaluate([x])];
            case 1:
            {
                var r = f.For<Dual<double>>().Evaluate([Dual<double>.Variable(x)]);
                return [r.Value, r.Derivative];
            }

            case 2:
            {
                var x1 = Dual<double>.Variable(x);
                var r = f.For<Dual<Dual<double>>>().Evaluate([Dual<Dual<double>>.Variable(x1)]);
                return [r.Value.Value, r.Derivative.Value, r.Derivative.Derivative];
            }

            case 3:
            {
                var x2 = Dual<Dual<double>>.Variable(Dual<double>.Variable(x));
                var r = f.For<Dual<Dual<Dual<double>>>>().Evaluate([Dual<Dual<Dual<double>>>.Variable(x2)]);
                return [r.Value.Value.Value, r.Derivative.Value.Value, r.Derivative.Derivative.Value, r.Derivative.Derivative.Derivative];
            }

            default:
            {
                var x3 = Dual<Dual<Dual<double>>>.Variable(Dual<Dual<double>>.Variable(Dual<double>.Variable(x)));
                var r = f.For<Dual<Dual<Dual<Dual<double>>>>>().Evaluate([Dual<Dual<Dual<Dual<double>>>>.Variable(x3)]);
                return
                [
                    r.Value.Value.Value.Value,
                    r.Derivative.Value.Value.Value,
                    r.Derivative.Derivative.Value.Value,
                    r.Derivative.Derivative.Derivative.Value,
                    r.Derivative.Derivative.Derivative.Derivative,
                ];
            }
        }
    }

    /// <summary>The value and gradient of <paramref name="f"/> at <paramref name="point"/>.</summary>
    /// <param name="f">The bound expression.</param>
    /// <param name="point">One value per input.</param>
    /// <returns>f(point) and ∂f/∂input for every input.</returns>
    public static (double Value, double[] Gradient) Gradient(BoundExpression f, ReadOnlySpan<double> point)
    {
        var gradient = new double[point.Length];
        var value = AutoDiff.Gradient(new ExpressionFunction(f), point, gradient);
        return (value, gradient);
    }

    /// <summary>The value, gradient and Hessian of <paramref name="f"/> at <paramref name="point"/>.</summary>
    /// <param name="f">The bound expression.</param>
    /// <param name="point">One value per input.</param>
    /// <returns>f, ∇f and the symmetric matrix ∂²f/∂xᵢ∂xⱼ.</returns>
    public static (double Value, double[] Gradient, double[,] Hessian) Hessian(BoundExpression f, ReadOnlySpan<double> point)
    {
        var result = new HessianResult<double>(point.Length);
        AutoDiff.Hessian(new ExpressionFunction(f), point, result);
        return (result.Value, result.Gradient, result.Hessian);
    }

    /// <summary>The values and Jacobian of several expressions over the same inputs.</summary>
    /// <param name="fs">The bound expressions (rows).</param>
    /// <param name="point">One value per input (columns).</param>
    /// <returns>fᵢ(point) and J[i, j] = ∂fᵢ/∂xⱼ.</returns>
    public static (double[] Values, double[,] Jacobian) Jacobian(IReadOnlyList<BoundExpression> fs, ReadOnlySpan<double> point)
    {
        var result = new JacobianResult<double>(point.Length, fs.Count);
        AutoDiff.Jacobian(new ExpressionVectorFunction(fs), point, result);
        return (result.Value, result.Jacobian);
    }
}

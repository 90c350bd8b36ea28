using System.Numerics;

namespace ForwardDiff.Tests.Confusion;

/// <summary>
/// Gradient and Jacobian by one-partial duals, one pass per input, written generically over the number type so that
/// they nest (a gradient inside a Jacobian) exactly as ForwardDiff.jl's confusion tests nest them.
/// </summary>
internal static class NestedCalculus
{
    /// <summary>∇f(x) with one Dual&lt;T&gt; pass per component.</summary>
    public static T[] Gradient<T>(Func<Dual<T>[], Dual<T>> f, T[] x)
        where T : IFloatingPointIeee754<T>
    {
        var gradient = new T[x.Length];
        var seeded = new Dual<T>[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            for (int k = 0; k < x.Length; k++)
            {
                seeded[k] = new Dual<T>(x[k], k == i ? T.One : T.Zero);
            }

            gradient[i] = f(seeded).Derivative;
        }

        return gradient;
    }

    /// <summary>The m×n Jacobian of f at x with one Dual&lt;double&gt; pass per input.</summary>
    public static double[,] Jacobian(Func<Dual<double>[], Dual<double>[]> f, double[] x, int outputs)
    {
        var jacobian = new double[outputs, x.Length];
        var seeded = new Dual<double>[x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            for (int k = 0; k < x.Length; k++)
            {
                seeded[k] = new Dual<double>(x[k], k == j ? 1 : 0);
            }

            Dual<double>[] y = f(seeded);
            for (int i = 0; i < outputs; i++)
            {
                jacobian[i, j] = y[i].Derivative;
            }
        }

        return jacobian;
    }
}

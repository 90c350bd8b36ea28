using System.Numerics;

namespace ForwardDiff.Tests.Chunk;

/// <summary>Classic test functions, written once generically, with their analytic gradients and Hessians.</summary>
internal static class TestFunctions
{
    public readonly struct Rosenbrock : IMultivariateFunction
    {
        // f(x) = Σ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T sum = T.Zero;
            T hundred = T.CreateTruncating(100);
            for (int i = 0; i + 1 < x.Length; i++)
            {
                T a = x[i + 1] - (x[i] * x[i]);
                T b = T.One - x[i];
                sum += (hundred * a * a) + (b * b);
            }

            return sum;
        }

        public static double[] Gradient(double[] x)
        {
            double[] g = new double[x.Length];
            for (int i = 0; i + 1 < x.Length; i++)
            {
                double a = x[i + 1] - (x[i] * x[i]);
                g[i] += (-400 * x[i] * a) - (2 * (1 - x[i]));
                g[i + 1] += 200 * a;
            }

            return g;
        }

        public static double[,] Hessian(double[] x)
        {
            int n = x.Length;
            double[,] h = new double[n, n];
            for (int i = 0; i + 1 < n; i++)
            {
                h[i, i] += (1200 * x[i] * x[i]) - (400 * x[i + 1]) + 2;
                h[i, i + 1] += -400 * x[i];
                h[i + 1, i] += -400 * x[i];
                h[i + 1, i + 1] += 200;
            }

            return h;
        }
    }

    public readonly struct Beale : IMultivariateFunction
    {
        // f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²
        public T Invoke<T>(ReadOnlySpan<T> v)
            where T : IFloatingPointIeee754<T>
        {
            T x = v[0], y = v[1];
            T a = T.CreateTruncating(1.5) - x + (x * y);
            T b = T.CreateTruncating(2.25) - x + (x * y * y);
            T c = T.CreateTruncating(2.625) - x + (x * y * y * y);
            return (a * a) + (b * b) + (c * c);
        }

        public static double[] Gradient(double x, double y)
        {
            double a = 1.5 - x + (x * y), b = 2.25 - x + (x * y * y), c = 2.625 - x + (x * y * y * y);
            return
            [
                (2 * a * (y - 1)) + (2 * b * ((y * y) - 1)) + (2 * c * ((y * y * y) - 1)),
                (2 * a * x) + (2 * b * 2 * x * y) + (2 * c * 3 * x * y * y),
            ];
        }

        public static double[,] Hessian(double x, double y)
        {
            double a = 1.5 - x + (x * y), b = 2.25 - x + (x * y * y), c = 2.625 - x + (x * y * y * y);
            double ax = y - 1, bx = (y * y) - 1, cx = (y * y * y) - 1;
            double ay = x, by = 2 * x * y, cy = 3 * x * y * y;
            double hxx = 2 * ((ax * ax) + (bx * bx) + (cx * cx));
            double hxy = 2 * ((ay * ax) + a + (by * bx) + (b * 2 * y) + (cy * cx) + (c * 3 * y * y));
            double hyy = 2 * ((ay * ay) + (by * by) + (b * 2 * x) + (cy * cy) + (c * 6 * x * y));
            return new[,] { { hxx, hxy }, { hxy, hyy } };
        }
    }

    public readonly struct Booth : IMultivariateFunction
    {
        // f = (x + 2y − 7)² + (2x + y − 5)²
        public T Invoke<T>(ReadOnlySpan<T> v)
            where T : IFloatingPointIeee754<T>
        {
            T two = T.CreateTruncating(2);
            T a = v[0] + (two * v[1]) - T.CreateTruncating(7);
            T b = (two * v[0]) + v[1] - T.CreateTruncating(5);
            return (a * a) + (b * b);
        }

        public static double[] Gradient(double x, double y)
            => [(2 * (x + (2 * y) - 7)) + (4 * ((2 * x) + y - 5)), (4 * (x + (2 * y) - 7)) + (2 * ((2 * x) + y - 5))];

        public static double[,] Hessian() => new double[,] { { 10, 8 }, { 8, 10 } };
    }

    public readonly struct Himmelblau : IMultivariateFunction
    {
        // f = (x² + y − 11)² + (x + y² − 7)²
        public T Invoke<T>(ReadOnlySpan<T> v)
            where T : IFloatingPointIeee754<T>
        {
            T a = (v[0] * v[0]) + v[1] - T.CreateTruncating(11);
            T b = v[0] + (v[1] * v[1]) - T.CreateTruncating(7);
            return (a * a) + (b * b);
        }

        public static double[] Gradient(double x, double y)
        {
            double a = (x * x) + y - 11, b = x + (y * y) - 7;
            return [(4 * x * a) + (2 * b), (2 * a) + (4 * y * b)];
        }

        public static double[,] Hessian(double x, double y)
        {
            double hxx = (12 * x * x) + (4 * y) - 42;
            double hxy = 4 * (x + y);
            double hyy = (4 * x) + (12 * y * y) - 26;
            return new[,] { { hxx, hxy }, { hxy, hyy } };
        }
    }

    public readonly struct ExtendedPowell : IMultivariateFunction
    {
        // f = Σ over groups of 4: (a + 10b)² + 5(c − d)² + (b − 2c)⁴ + 10(a − d)⁴
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T sum = T.Zero;
            T ten = T.CreateTruncating(10), five = T.CreateTruncating(5), two = T.CreateTruncating(2);
            for (int i = 0; i + 3 < x.Length; i += 4)
            {
                T p = x[i] + (ten * x[i + 1]);
                T q = x[i + 2] - x[i + 3];
                T r = x[i + 1] - (two * x[i + 2]);
                T s = x[i] - x[i + 3];
                sum += (p * p) + (five * q * q) + (r * r * r * r) + (ten * s * s * s * s);
            }

            return sum;
        }

        public static double[] Gradient(double[] x)
        {
            double[] g = new double[x.Length];
            for (int i = 0; i + 3 < x.Length; i += 4)
            {
                double p = x[i] + (10 * x[i + 1]), q = x[i + 2] - x[i + 3], r = x[i + 1] - (2 * x[i + 2]), s = x[i] - x[i + 3];
                g[i] = (2 * p) + (40 * s * s * s);
                g[i + 1] = (20 * p) + (4 * r * r * r);
                g[i + 2] = (10 * q) - (8 * r * r * r);
                g[i + 3] = (-10 * q) - (40 * s * s * s);
            }

            return g;
        }

        public static double[,] Hessian(double[] x)
        {
            int n = x.Length;
            double[,] h = new double[n, n];
            for (int i = 0; i + 3 < n; i += 4)
            {
                double r = x[i + 1] - (2 * x[i + 2]), s = x[i] - x[i + 3];
                double r2 = 12 * r * r, s2 = 120 * s * s;
                int a = i, b = i + 1, c = i + 2, d = i + 3;
                h[a, a] = 2 + s2; h[a, b] = 20; h[a, d] = -s2;
                h[b, a] = 20; h[b, b] = 200 + r2; h[b, c] = -2 * r2;
                h[c, b] = -2 * r2; h[c, c] = 10 + (4 * r2); h[c, d] = -10;
                h[d, a] = -s2; h[d, c] = -10; h[d, d] = 10 + s2;
            }

            return h;
        }
    }

    public readonly struct LogSumExp : IMultivariateFunction
    {
        // f = log Σ exp xᵢ, computed stably (shifted by the maximum value, a constant for differentiation)
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T max = T.NegativeInfinity;
            foreach (T xi in x)
            {
                max = xi > max ? xi : max;
            }

            T sum = T.Zero;
            foreach (T xi in x)
            {
                sum += T.Exp(xi - max);
            }

            return T.Log(sum) + max;
        }

        public static double[] Gradient(double[] x)
        {
            double m = x.Max();
            double z = x.Sum(v => Math.Exp(v - m));
            return x.Select(v => Math.Exp(v - m) / z).ToArray();
        }

        public static double[,] Hessian(double[] x)
        {
            double[] p = Gradient(x);
            int n = x.Length;
            double[,] h = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    h[i, j] = (i == j ? p[i] : 0) - (p[i] * p[j]);
                }
            }

            return h;
        }
    }

    /// <summary>u₁ = x₁ + x₂, u₂ = x₁ − x₂ (the textbook chain-rule example): J = [[1, 1], [1, −1]].</summary>
    public readonly struct SumDifference : IVectorFunction
    {
        public int OutputLength(int inputLength) => 2;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            y[0] = x[0] + x[1];
            y[1] = x[0] - x[1];
        }
    }

    /// <summary>y = u₁² + u₂².</summary>
    public readonly struct SumOfSquares : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> u)
            where T : IFloatingPointIeee754<T>
        {
            T sum = T.Zero;
            foreach (T ui in u)
            {
                sum += ui * ui;
            }

            return sum;
        }
    }

    /// <summary>y = (x₁ + x₂)² + (x₁ − x₂)², the composition.</summary>
    public readonly struct ChainExample : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T u1 = x[0] + x[1];
            T u2 = x[0] - x[1];
            return (u1 * u1) + (u2 * u2);
        }
    }

    /// <summary>(r, θ) ↦ (r cos θ, r sin θ).</summary>
    public readonly struct PolarToCartesian : IVectorFunction
    {
        public int OutputLength(int inputLength) => 2;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            y[0] = x[0] * T.Cos(x[1]);
            y[1] = x[0] * T.Sin(x[1]);
        }
    }

    /// <summary>The Lorenz system's right-hand side with σ = 10, ρ = 28, β = 8/3.</summary>
    public readonly struct Lorenz : IVectorFunction
    {
        public int OutputLength(int inputLength) => 3;

        public void Invoke<T>(ReadOnlySpan<T> s, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            T sigma = T.CreateTruncating(10), rho = T.CreateTruncating(28), beta = T.CreateTruncating(8.0 / 3.0);
            y[0] = sigma * (s[1] - s[0]);
            y[1] = (s[0] * (rho - s[2])) - s[1];
            y[2] = (s[0] * s[1]) - (beta * s[2]);
        }
    }

    /// <summary>A vector function of any size mixing many rule rows: yᵢ = sin(xᵢ)·exp(xᵢ₊₁) + log(1 + xᵢ²) + √(1 + xᵢ₋₁²).</summary>
    public readonly struct Mixed : IVectorFunction
    {
        public int OutputLength(int inputLength) => inputLength;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            int n = x.Length;
            for (int i = 0; i < n; i++)
            {
                T next = x[(i + 1) % n];
                T previous = x[(i + n - 1) % n];
                y[i] = (T.Sin(x[i]) * T.Exp(next)) + T.Log(T.One + (x[i] * x[i])) + T.Sqrt(T.One + (previous * previous)) + (x[i] / (T.CreateTruncating(3) + T.Cos(next)));
            }
        }
    }

    /// <summary>The sum of <see cref="Mixed"/>'s outputs (a scalar function for gradient and Hessian checks).</summary>
    public readonly struct MixedSum : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            Span<T> y = new T[x.Length];
            new Mixed().Invoke(x, y);
            T sum = T.Zero;
            foreach (T yi in y)
            {
                sum += yi;
            }

            return sum;
        }
    }

    public static double[] Point(int n, int seed)
    {
        Random random = new(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (random.NextDouble() * 3) - 1.5;
        }

        return x;
    }

    public static double RelativeTolerance(double expected, double tolerance) => tolerance * Math.Max(1, Math.Abs(expected));
}

using static ForwardDiff.Tests.Chunk.TestFunctions;

namespace ForwardDiff.Tests.Chunk;

/// <summary>
/// A gradient or Jacobian pass writes each input once per pass: the first chunk is seeded directly and the last one is
/// left seeded when the call returns (the next call seeds every input again). These tests check that a reused config
/// never lets a perturbation from an earlier call or chunk reach a later one.
/// </summary>
public class SeedingTests
{
    /// <summary>
    /// Σ xᵢ² plus, for every input that is not an exact constant (its partials are not all zero), 1000·xᵢ: in a correct
    /// pass exactly the seeded inputs count, so the gradient is 2xᵢ + 1000 for every i.
    /// </summary>
    private readonly struct CountsPerturbedInputs : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : System.Numerics.IFloatingPointIeee754<T>
        {
            T sum = T.Zero;
            T thousand = T.CreateChecked(1000);
            foreach (T xi in x)
            {
                sum += xi * xi;
                T constant = T.CreateTruncating(double.CreateTruncating(xi));   // same value, zero partials
                if (xi != constant)
                {
                    sum += thousand * xi;
                }
            }

            return sum;
        }
    }

    /// <summary>y = (x ⊙ x) + 1000·x where an input is perturbed, as <see cref="CountsPerturbedInputs"/>, one output per input.</summary>
    private readonly struct CountsPerturbedInputsVector : IVectorFunction
    {
        public int OutputLength(int inputLength) => inputLength;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : System.Numerics.IFloatingPointIeee754<T>
        {
            T thousand = T.CreateChecked(1000);
            for (int i = 0; i < x.Length; i++)
            {
                T constant = T.CreateTruncating(double.CreateTruncating(x[i]));
                y[i] = (x[i] * x[i]) + (x[i] != constant ? thousand * x[i] : T.Zero);
            }
        }
    }

    /// <summary>Σ xᵢ², counting its evaluations on this thread.</summary>
    private readonly struct CountedSquares : IMultivariateFunction
    {
        [ThreadStatic]
        private static int calls;

        public static int Calls { get => calls; set => calls = value; }

        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : System.Numerics.IFloatingPointIeee754<T>
        {
            calls++;
            T sum = T.Zero;
            foreach (T xi in x)
            {
                sum += xi * xi;
            }

            return sum;
        }
    }

    [TestCase(12, 5, 3)]
    [TestCase(12, 6, 2)]
    [TestCase(10, 3, 4)]
    [TestCase(20, 7, 3)]
    [TestCase(33, 11, 3)]
    public void Gradient_ExplicitChunkThatIsNotWholeVectors_TakesCeilNOverChunkPassesWithTheSameBits(int n, int chunk, int passes)
    {
        // an explicit chunk size such as 5 runs on the next whole-vector storage (8 lanes) with idle lanes: still
        // ⌈n / chunk⌉ passes, and the same bits as the automatic config
        double[] x = Point(n, 7);
        var config = new GradientConfig<double>(n, chunk);
        var gradient = new double[n];
        CountedSquares.Calls = 0;
        AutoDiff.Gradient(new CountedSquares(), x, gradient, config);
        Assert.Multiple(() =>
        {
            Assert.That(CountedSquares.Calls, Is.EqualTo(passes), "evaluations");
            Assert.That(config.ChunkSize, Is.EqualTo(chunk));
            Assert.That(config.ChunkCount, Is.EqualTo(passes));
            Assert.That(gradient, Is.EqualTo(AutoDiff.Gradient(new CountedSquares(), x, new GradientConfig<double>(n))), "bits");
        });
    }

    [TestCase(1, 0)]
    [TestCase(4, 4)]
    [TestCase(8, 0)]
    [TestCase(9, 4)]
    [TestCase(20, 8)]
    [TestCase(37, 0)]
    public void Gradient_ReusedConfig_SeesExactlyTheSeededInputsInEveryPass(int n, int chunk)
    {
        var config = new GradientConfig<double>(n, chunk);
        var gradient = new double[n];
        foreach (int seed in new[] { 1, 2, 3 })
        {
            double[] x = Point(n, seed);
            AutoDiff.Gradient(new CountsPerturbedInputs(), x, gradient, config);
            double[] expected = x.Select(v => (2 * v) + 1000).ToArray();
            Assert.That(gradient, Is.EqualTo(expected).Within(1e-12), $"call with seed {seed}");
        }
    }

    [Test]
    public void Gradient_ParallelWorkers_SeeExactlyTheSeededInputs()
    {
        const int n = 45;
        var config = new GradientConfig<double>(n, 4, parallel: true);
        var gradient = new double[n];
        for (int call = 0; call < 3; call++)
        {
            double[] x = Point(n, 10 + call);
            AutoDiff.Gradient(new CountsPerturbedInputs(), x, gradient, config);
            Assert.That(gradient, Is.EqualTo(x.Select(v => (2 * v) + 1000).ToArray()).Within(1e-12), $"call {call}");
        }
    }

    [TestCase(3, 0)]
    [TestCase(13, 4)]
    [TestCase(30, 8)]
    public void Jacobian_ReusedConfig_SeesExactlyTheSeededInputsInEveryPass(int n, int chunk)
    {
        var config = new JacobianConfig<double>(n, n, chunk);
        var values = new double[n];
        var jacobian = new double[n * n];
        foreach (int seed in new[] { 4, 5 })
        {
            double[] x = Point(n, seed);
            AutoDiff.Jacobian(new CountsPerturbedInputsVector(), x, values, jacobian, config);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double expected = i == j ? (2 * x[i]) + 1000 : 0;
                    Assert.That(jacobian[(i * n) + j], Is.EqualTo(expected).Within(1e-12), $"J[{i}, {j}], seed {seed}");
                }
            }
        }
    }
}

using System.Numerics;
using ForwardDiff.Tests.Chunk;
using static ForwardDiff.Tests.Chunk.TestFunctions;

namespace ForwardDiff.Tests;

/// <summary>
/// <see cref="JacobianMethod.ForwardOnTape"/>: one recorded evaluation and forward sweeps of tangents over the tape. It
/// agrees with the chunked duals, gives exactly their bits wherever it hands over (non-finite inputs, values, partials or
/// entries; numbers used on other threads), is the automatic choice for double and float from
/// <see cref="JacobianConfig{T}.TapeThreshold"/> inputs, is bit-identical in parallel, and allocates nothing with a config.
/// </summary>
public class JacobianTapeTests
{
    private static JacobianConfig<double> Tape(int n, int m, bool parallel = false) => new(n, m, parallel: parallel, method: JacobianMethod.ForwardOnTape);

    private static JacobianConfig<double> Chunked(int n, int m) => new(n, m, method: JacobianMethod.ChunkedDuals);

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    private static (double[] Values, double[] Jacobian) Run<TFunction>(TFunction function, double[] x, JacobianConfig<double> config)
        where TFunction : IVectorFunction
    {
        int m = function.OutputLength(x.Length);
        double[] values = new double[m];
        double[] jacobian = new double[m * x.Length];
        jacobian.AsSpan().Fill(-7);
        AutoDiff.Jacobian(function, x, values, jacobian, config);
        return (values, jacobian);
    }

    /// <summary>Banded: r₂ₖ = 10(x₂ₖ₊₁ − x₂ₖ²), r₂ₖ₊₁ = 1 − x₂ₖ (the extended-Rosenbrock residuals), m = n.</summary>
    public readonly struct Residuals : IVectorFunction
    {
        public int OutputLength(int inputLength) => inputLength;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            T ten = T.CreateTruncating(10);
            for (int k = 0; k + 1 < x.Length; k += 2)
            {
                y[k] = ten * (x[k + 1] - (x[k] * x[k]));
                y[k + 1] = T.One - x[k];
            }
        }

        public static double[,] Jacobian(double[] x)
        {
            int n = x.Length;
            double[,] j = new double[n, n];
            for (int k = 0; k + 1 < n; k += 2)
            {
                j[k, k] = -20 * x[k];
                j[k, k + 1] = 10;
                j[k + 1, k] = -1;
            }

            return j;
        }
    }

    /// <summary>Dense with fewer outputs than inputs: yᵢ = tanh(Σⱼ sin(0.37 i + 0.11 j)·xⱼ) + xᵢ₊₁·xᵢ.</summary>
    public readonly struct DenseLayer(int outputs) : IVectorFunction
    {
        public int OutputLength(int inputLength) => outputs;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            for (int i = 0; i < y.Length; i++)
            {
                T sum = T.Zero;
                for (int j = 0; j < x.Length; j++)
                {
                    sum += T.CreateTruncating(Math.Sin((0.37 * i) + (0.11 * j))) * x[j];
                }

                y[i] = T.Tanh(sum) + (x.Length == 0 ? T.Zero : x[(i + 1) % x.Length] * x[i % x.Length]);
            }
        }
    }

    private static IEnumerable<TestCaseData> Functions()
    {
        foreach (int n in new[] { 1, 2, 5, 16, 37, 100 })
        {
            yield return new TestCaseData(new Mixed(), n).SetArgDisplayNames("Mixed", $"n = {n}");
            yield return new TestCaseData(new DenseLayer(Math.Max(1, n / 3)), n).SetArgDisplayNames("DenseLayer m = n/3", $"n = {n}");
            yield return new TestCaseData(new DenseLayer(n + 7), n).SetArgDisplayNames("DenseLayer m = n + 7", $"n = {n}");
            if (n % 2 == 0)
            {
                yield return new TestCaseData(new Residuals(), n).SetArgDisplayNames("Residuals", $"n = {n}");
            }
        }

        // J of 90 000 entries: cleared in one pass before the sweeps, which then write only the outputs they reach
        yield return new TestCaseData(new Residuals(), 300).SetArgDisplayNames("Residuals", "n = 300");
        yield return new TestCaseData(new Lorenz(), 3).SetArgDisplayNames("Lorenz", "n = 3");
        yield return new TestCaseData(new PolarToCartesian(), 2).SetArgDisplayNames("PolarToCartesian", "n = 2");
        yield return new TestCaseData(new SumDifference(), 2).SetArgDisplayNames("SumDifference", "n = 2");
    }

    [TestCaseSource(nameof(Functions))]
    public void ForwardOnTape_AgreesWithChunkedDuals(IVectorFunction function, int n)
    {
        double[] x = Point(n, 31 + n);
        int m = function.OutputLength(n);
        (double[] tapeValues, double[] tape) = Run(function, x, Tape(n, m));
        (double[] chunkedValues, double[] chunked) = Run(function, x, Chunked(n, m));
        // the sweeps use the chunked duals' coefficient expressions, so at most the last bits differ; mismatches are
        // collected, not asserted one by one (a broken sweep would otherwise report up to m·n failures)
        string[] mismatches = Enumerable.Range(0, tape.Length)
            .Where(k => !(Math.Abs(tape[k] - chunked[k]) <= 1e-14 * Math.Max(1, Math.Abs(chunked[k]))))
            .Select(k => $"J[{k / n}, {k % n}] = {tape[k]:R}, chunked {chunked[k]:R}")
            .ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Bits(tapeValues), Is.EqualTo(Bits(chunkedValues)), "f(x) is plain f's value on both");
            Assert.That(mismatches, Is.Empty, $"{mismatches.Length} of {tape.Length} entries differ; first: {string.Join("; ", mismatches.Take(5))}");
        });
    }

    [Test]
    public void ForwardOnTape_Residuals_MatchTheClosedForm([Values(2, 16, 100, 1000)] int n)
    {
        double[] x = Point(n, 5);
        double[,] j = AutoDiff.Jacobian(new Residuals(), x, Tape(n, n));
        Assert.That(j, Is.EqualTo(Residuals.Jacobian(x)), "every entry is one rounded product or exact");
    }

    /// <summary>Outputs that are inputs, constants, left unwritten, or the same operation twice.</summary>
    public readonly struct OddOutputs : IVectorFunction
    {
        public int OutputLength(int inputLength) => 6;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            y[0] = x[1];
            y[1] = T.CreateTruncating(5);
            T product = x[0] * x[2];
            y[3] = product;
            y[4] = product;
            y[5] = x[1] * x[1];
        }
    }

    [Test]
    public void OutputsThatAreInputsConstantsUnwrittenOrRepeated_GiveTheirDerivatives()
    {
        double[] x = [0.5, -1.25, 3.0, 2.0];
        (double[] values, double[] jacobian) = Run(new OddOutputs(), x, Tape(4, 6));
        (double[] chunkedValues, double[] chunked) = Run(new OddOutputs(), x, Chunked(4, 6));
        double[] expected =
        [
            0, 1, 0, 0,
            0, 0, 0, 0,
            0, 0, 0, 0,
            3, 0, 0.5, 0,
            3, 0, 0.5, 0,
            0, -2.5, 0, 0,
        ];
        Assert.Multiple(() =>
        {
            Assert.That(jacobian, Is.EqualTo(expected));
            Assert.That(values, Is.EqualTo(new[] { -1.25, 5, 0, 1.5, 1.5, 1.5625 }));
            Assert.That(Bits(jacobian), Is.EqualTo(Bits(chunked)), "the chunked duals' bits");
            Assert.That(Bits(values), Is.EqualTo(Bits(chunkedValues)));
        });
    }

    /// <summary>√x₀, exp(1000·x₁) and x₂/x₃: infinite partials, overflowing values and 1/0 at chosen points.</summary>
    public readonly struct Singular : IVectorFunction
    {
        public int OutputLength(int inputLength) => 3;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            y[0] = T.Sqrt(x[0]) + x[1];
            y[1] = T.Exp(T.CreateTruncating(1000) * x[1]) * x[2];
            y[2] = x[2] / x[3];
        }
    }

    [Test]
    public void SpecialPoints_HandTheCallToTheChunkedDuals_WhichGiveTheirBits()
    {
        double[][] points =
        [
            [0, 0.5, 1, 2],                      // √ at 0: an infinite local partial
            [0.25, 1, 1, 2],                     // exp overflows
            [0.25, 0.001, 1, 0],                 // x₂/0
            [double.NaN, 0.001, 1, 2],           // NaN input
            [0.25, double.PositiveInfinity, 1, 2],
            [0.25, 0.001, 1, 2],                 // an ordinary point, for contrast
        ];
        foreach (double[] x in points)
        {
            (double[] tapeValues, double[] tape) = Run(new Singular(), x, Tape(4, 3));
            (double[] chunkedValues, double[] chunked) = Run(new Singular(), x, Chunked(4, 3));
            Assert.That(Bits(tape), Is.EqualTo(Bits(chunked)), string.Join(", ", x));
            Assert.That(Bits(tapeValues), Is.EqualTo(Bits(chunkedValues)), "values at " + string.Join(", ", x));
        }
    }

    [Test]
    public void AutomaticMethod_TakesTheTapeFromTheThreshold_ForDoubleAndFloatOnly()
    {
        bool simd = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated || System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated;
        int threshold = JacobianConfig<double>.TapeThreshold;
        int floatThreshold = JacobianConfig<float>.TapeThreshold;
        JacobianMethod onSimd = simd ? JacobianMethod.ForwardOnTape : JacobianMethod.ChunkedDuals;
        Assert.Multiple(() =>
        {
            Assert.That(threshold, Is.EqualTo(96));
            Assert.That(floatThreshold, Is.EqualTo(160));
            Assert.That(JacobianConfig<Half>.TapeThreshold, Is.Zero);
            Assert.That(new JacobianConfig<double>(threshold - 1, 3).Method, Is.EqualTo(JacobianMethod.ChunkedDuals));
            Assert.That(new JacobianConfig<double>(threshold, 3).Method, Is.EqualTo(onSimd));
            Assert.That(new JacobianConfig<float>(floatThreshold - 1, 3).Method, Is.EqualTo(JacobianMethod.ChunkedDuals));
            Assert.That(new JacobianConfig<float>(floatThreshold, 3, 8, parallel: true).Method, Is.EqualTo(onSimd), "chunk size and parallel mode do not change the method");
            Assert.That(new JacobianConfig<Half>(1000, 3).Method, Is.EqualTo(JacobianMethod.ChunkedDuals));
            Assert.That(new JacobianConfig<double>(threshold, 3, method: JacobianMethod.ChunkedDuals).Method, Is.EqualTo(JacobianMethod.ChunkedDuals));
            Assert.That(new JacobianConfig<double>(3, 3, method: JacobianMethod.ForwardOnTape).Method, Is.EqualTo(JacobianMethod.ForwardOnTape));
            Assert.That(() => new JacobianConfig<Half>(3, 3, method: JacobianMethod.ForwardOnTape), Throws.ArgumentException.With.Message.Contains("Half"));
            Assert.That(() => new JacobianConfig<double>(3, 3, method: (JacobianMethod)9), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void ConvenienceForm_AboveTheThreshold_EqualsTheTape_AndEveryChunkSizeAndParallelGiveTheSameBits()
    {
        int n = JacobianConfig<double>.TapeThreshold + 21;
        double[] x = Point(n, 12);
        double[] automatic = MatrixToArray(AutoDiff.Jacobian(new Mixed(), x));
        bool simd = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated || System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated;
        Assert.That(Bits(automatic), Is.EqualTo(Bits(Run(new Mixed(), x, simd ? Tape(n, n) : Chunked(n, n)).Jacobian)));
        foreach (int chunk in new[] { 1, 4, 8, 12, 16 })
        {
            Assert.That(Bits(MatrixToArray(AutoDiff.Jacobian(new Mixed(), x, new JacobianConfig<double>(n, n, chunk)))), Is.EqualTo(Bits(automatic)), $"chunk {chunk}");
        }

        Assert.That(Bits(Run(new Mixed(), x, Tape(n, n, parallel: true)).Jacobian), Is.EqualTo(Bits(Run(new Mixed(), x, Tape(n, n)).Jacobian)), "parallel sweeps");
    }

    private static double[] MatrixToArray(double[,] matrix) => matrix.Cast<double>().ToArray();

    [Test]
    public void Float_AgreesWithChunkedDuals()
    {
        const int n = 70;
        float[] x = Point(n, 3).Select(v => (float)v).ToArray();
        float[,] tape = AutoDiff.Jacobian(new Mixed(), x, new JacobianConfig<float>(n, n, method: JacobianMethod.ForwardOnTape));
        float[,] chunked = AutoDiff.Jacobian(new Mixed(), x, new JacobianConfig<float>(n, n, method: JacobianMethod.ChunkedDuals));
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.That(tape[i, j], Is.EqualTo(chunked[i, j]).Within(1e-6f * Math.Max(1, Math.Abs(chunked[i, j]))), $"J[{i}, {j}]");
            }
        }
    }

    [Test]
    public void FirstCallOnAFreshConfig_AllocatesNothing()
    {
        const int n = 120;
        double[] x = Point(n, 3);
        double[] values = new double[n];
        double[] jacobian = new double[n * n];
        AutoDiff.Jacobian(new Mixed(), x, values, jacobian, Tape(n, n));
        JacobianConfig<double> fresh = Tape(n, n);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.Jacobian(new Mixed(), x, values, jacobian, fresh);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void EmptyInputsOrOutputs_GiveEmptyResults()
    {
        (double[] values, double[] jacobian) = Run(new DenseLayer(3), [], Tape(0, 3));
        Assert.That(jacobian, Is.Empty);
        Assert.That(values, Is.EqualTo(new double[3]), "tanh(0) + 0");
        (double[] none, double[] empty) = Run(new DenseLayer(0), Point(5, 1), Tape(5, 0));
        Assert.That(none, Is.Empty);
        Assert.That(empty, Is.Empty);
    }

    /// <summary>Half of the outputs are computed on a second thread, where no tape records.</summary>
    public readonly struct ParallelOutputs : IVectorFunction
    {
        public int OutputLength(int inputLength) => inputLength;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            T[] input = x.ToArray();
            T[] output = new T[input.Length];
            int half = input.Length / 2;
            Thread other = new(() =>
            {
                for (int i = half; i < input.Length; i++)
                {
                    output[i] = T.Sin(input[i]) * input[(i + 1) % input.Length];
                }
            });
            other.Start();
            for (int i = 0; i < half; i++)
            {
                output[i] = T.Sin(input[i]) * input[(i + 1) % input.Length];
            }

            other.Join();
            output.CopyTo(y);
        }
    }

    [Test]
    public void NumbersUsedOnOtherThreads_HandTheCallToTheDuals()
    {
        double[] x = Point(40, 8);
        Assert.That(Bits(Run(new ParallelOutputs(), x, Tape(40, 40)).Jacobian), Is.EqualTo(Bits(Run(new ParallelOutputs(), x, Chunked(40, 40)).Jacobian)));
    }

    /// <summary>About 8 000 operations on four inputs, past the tape's first size (80 operations).</summary>
    public readonly struct LongChain : IVectorFunction
    {
        public int OutputLength(int inputLength) => 2;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : IFloatingPointIeee754<T>
        {
            T step = T.One + (x[0] * x[1] * T.CreateTruncating(1e-6));
            T product = x[2];
            for (int i = 0; i < 4000; i++)
            {
                product *= step;
            }

            y[0] = product;
            y[1] = product * x[3];
        }
    }

    [Test]
    public void AFunctionLargerThanTheTape_IsRecordedAgainOnAGrownTape()
    {
        double[] x = [0.3, 0.7, 1.5, -2];
        (_, double[] tape) = Run(new LongChain(), x, Tape(4, 2));
        (_, double[] chunked) = Run(new LongChain(), x, Chunked(4, 2));
        for (int k = 0; k < tape.Length; k++)
        {
            Assert.That(tape[k], Is.EqualTo(chunked[k]).Within(1e-11 * Math.Abs(chunked[k])), $"entry {k}");
        }

        Assert.That(tape[3], Is.Zero, "∂y₀/∂x₃");
    }
}

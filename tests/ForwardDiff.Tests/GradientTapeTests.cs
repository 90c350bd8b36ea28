using System.Numerics;
using ForwardDiff.Tests.Chunk;
using static ForwardDiff.Tests.Chunk.TestFunctions;

namespace ForwardDiff.Tests;

/// <summary>
/// <see cref="GradientMethod.ReverseOnTape"/>: one recorded evaluation and one reverse pass. It agrees with the chunked
/// duals to rounding, gives exactly their bits wherever it hands over (non-finite inputs, values or partials; a function
/// that uses its numbers on other threads; more operations than the tape may hold), is the automatic choice for double
/// and float from <see cref="GradientConfig{T}.ReverseThreshold"/> inputs, and allocates nothing with a config.
/// </summary>
public class GradientTapeTests
{
    private static GradientConfig<double> Tape(int n) => new(n, method: GradientMethod.ReverseOnTape);

    private static GradientConfig<double> Chunked(int n) => new(n, method: GradientMethod.ChunkedDuals);

    private static IEnumerable<long> Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits);

    private static IEnumerable<TestCaseData> Functions()
    {
        foreach (int n in new[] { 1, 2, 5, 37, 300 })
        {
            yield return new TestCaseData(new Rosenbrock(), n).SetArgDisplayNames("Rosenbrock", $"n = {n}");
            yield return new TestCaseData(new MixedSum(), n).SetArgDisplayNames("MixedSum", $"n = {n}");
            yield return new TestCaseData(new LogSumExp(), n).SetArgDisplayNames("LogSumExp", $"n = {n}");
            yield return new TestCaseData(new HessianRowSegmentTests.KitchenSink(), n).SetArgDisplayNames("KitchenSink", $"n = {n}");
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void ReverseOnTape_AgreesWithChunkedDuals(IMultivariateFunction function, int n)
    {
        double[] x = Point(n, 17 + n);
        GradientResult<double> tape = new(n);
        GradientResult<double> chunked = new(n);
        AutoDiff.Gradient(function, x, tape, Tape(n));
        AutoDiff.Gradient(function, x, chunked, Chunked(n));
        Assert.Multiple(() =>
        {
            Assert.That(tape.Value, Is.EqualTo(chunked.Value), "f(x) is plain f's value on both");
            for (int i = 0; i < n; i++)
            {
                // the two modes sum the same path products in a different order: a few ulp of the entry's scale
                Assert.That(tape.Gradient[i], Is.EqualTo(chunked.Gradient[i]).Within(1e-13 * Math.Max(1, Math.Abs(chunked.Gradient[i]))), $"∂f/∂x{i}");
            }
        });
    }

    [Test]
    public void ReverseOnTape_Rosenbrock_MatchesAnalytic([Values(2, 10, 300, 1000)] int n)
    {
        double[] x = Point(n, 4);
        double[] g = AutoDiff.Gradient(new Rosenbrock(), x, Tape(n));
        double[] expected = Rosenbrock.Gradient(x);
        for (int i = 0; i < n; i++)
        {
            Assert.That(g[i], Is.EqualTo(expected[i]).Within(1e-12 * Math.Max(1, Math.Abs(expected[i]))), $"∂f/∂x{i}");
        }
    }

    [Test]
    public void ReverseOnTape_Float_AgreesWithChunkedDuals([Values(3, 300)] int n)
    {
        float[] x = Point(n, 12).Select(v => (float)v).ToArray();
        float[] tape = AutoDiff.Gradient(new Rosenbrock(), x, new GradientConfig<float>(n, method: GradientMethod.ReverseOnTape));
        float[] chunked = AutoDiff.Gradient(new Rosenbrock(), x, new GradientConfig<float>(n, method: GradientMethod.ChunkedDuals));
        float[] automatic = AutoDiff.Gradient(new Rosenbrock(), x);
        Assert.That(automatic, Is.EqualTo(n >= GradientConfig<float>.ReverseThreshold && (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated || System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated) ? tape : chunked), "automatic resolves by n");
        for (int i = 0; i < n; i++)
        {
            // float: a few ulp (6e-8) of the entry's scale; terms here are O(10³)
            Assert.That(tape[i], Is.EqualTo(chunked[i]).Within(2e-5f * Math.Max(1, Math.Abs(chunked[i]))), $"∂f/∂x{i}");
        }
    }

    [Test]
    public void ReverseOnTape_AtSpecialPoints_GivesTheChunkedBits()
    {
        double[][] points =
        [
            [0.0, -0.0, 1.0, -1.0, 0.5],
            [0.0, 0.0, 0.0, 0.0, 0.0],
            [double.NaN, 0.3, -0.7, 1.1, 2.0],
            [1e-300, -1e300, 0.25, double.PositiveInfinity, -0.5],
        ];
        foreach (double[] x in points)
        {
            double[] tape = AutoDiff.Gradient(new HessianRowSegmentTests.KitchenSink(), x, Tape(5));
            double[] chunked = AutoDiff.Gradient(new HessianRowSegmentTests.KitchenSink(), x, Chunked(5));
            Assert.That(Bits(tape), Is.EqualTo(Bits(chunked)), string.Join(", ", x));
        }
    }

    [Test]
    public void AutomaticMethod_TakesTheTapeFromTheThreshold_ForDoubleAndFloatOnly()
    {
        bool simd = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated || System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated;
        int threshold = GradientConfig<double>.ReverseThreshold;
        int floatThreshold = GradientConfig<float>.ReverseThreshold;
        Assert.Multiple(() =>
        {
            Assert.That(threshold, Is.EqualTo(48));
            Assert.That(floatThreshold, Is.EqualTo(96), "float's chunked duals carry twice the partials per vector");
            Assert.That(GradientConfig<Half>.ReverseThreshold, Is.Zero, "no tape for Half");
            Assert.That(new GradientConfig<double>(threshold - 1).Method, Is.EqualTo(GradientMethod.ChunkedDuals));
            Assert.That(new GradientConfig<double>(threshold).Method, Is.EqualTo(simd ? GradientMethod.ReverseOnTape : GradientMethod.ChunkedDuals));
            Assert.That(new GradientConfig<float>(floatThreshold - 1).Method, Is.EqualTo(GradientMethod.ChunkedDuals));
            Assert.That(new GradientConfig<float>(floatThreshold, 8, parallel: true).Method, Is.EqualTo(simd ? GradientMethod.ReverseOnTape : GradientMethod.ChunkedDuals), "chunk size and parallel mode do not change the method");
            Assert.That(new GradientConfig<Half>(1000).Method, Is.EqualTo(GradientMethod.ChunkedDuals));
            Assert.That(new GradientConfig<double>(threshold, method: GradientMethod.ChunkedDuals).Method, Is.EqualTo(GradientMethod.ChunkedDuals));
            Assert.That(() => new GradientConfig<Half>(3, method: GradientMethod.ReverseOnTape), Throws.ArgumentException.With.Message.Contains("Half"));
            Assert.That(() => new GradientConfig<double>(-1, method: GradientMethod.ReverseOnTape), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new GradientConfig<double>(3, method: (GradientMethod)7), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void ConvenienceForm_AboveTheThreshold_EqualsTheTape_AndEveryChunkSizeGivesTheSameBits()
    {
        int n = GradientConfig<double>.ReverseThreshold + 44;
        double[] x = Point(n, 2);
        double[] automatic = AutoDiff.Gradient(new MixedSum(), x);
        bool simd = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated || System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated;

        // without SIMD the automatic config keeps chunked duals at every n
        double[] expected = AutoDiff.Gradient(new MixedSum(), x, simd ? Tape(n) : Chunked(n));
        Assert.That(Bits(automatic), Is.EqualTo(Bits(expected)));
        foreach (int chunk in new[] { 1, 4, 8, 12, 16 })
        {
            Assert.That(Bits(AutoDiff.Gradient(new MixedSum(), x, new GradientConfig<double>(n, chunk))), Is.EqualTo(Bits(automatic)), $"chunk {chunk}");
        }
    }

    [Test]
    public void ReverseOnTape_FirstCallOnAFreshConfig_AllocatesNothing()
    {
        double[] x = Point(300, 3);
        double[] g = new double[300];
        AutoDiff.Gradient(new Rosenbrock(), x, g, Tape(300));
        GradientConfig<double> fresh = Tape(300);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.Gradient(new Rosenbrock(), x, g, fresh);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    /// <summary>Computes half of its terms on a second thread: the tape numbers leave the recording thread.</summary>
    public readonly struct ParallelSum : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T[] input = x.ToArray();
            T[] terms = new T[input.Length];
            int half = input.Length / 2;
            Thread other = new(() =>
            {
                for (int i = half; i < input.Length; i++)
                {
                    terms[i] = T.Sin(input[i]) * input[(i + 1) % input.Length];
                }
            });
            other.Start();
            for (int i = 0; i < half; i++)
            {
                terms[i] = T.Sin(input[i]) * input[(i + 1) % input.Length];
            }

            other.Join();
            T sum = T.Zero;
            foreach (T term in terms)
            {
                sum += term;
            }

            return sum;
        }
    }

    [Test]
    public void NumbersUsedOnOtherThreads_HandTheCallToTheDuals()
    {
        double[] x = Point(40, 8);
        double[] tape = AutoDiff.Gradient(new ParallelSum(), x, Tape(40));
        double[] chunked = AutoDiff.Gradient(new ParallelSum(), x, Chunked(40));
        Assert.That(Bits(tape), Is.EqualTo(Bits(chunked)), "gradient");
        double[,] hessianTape = AutoDiff.Hessian(new ParallelSum(), x, new HessianConfig<double>(40, method: HessianMethod.SecondOrderAdjoint));
        double[,] hessianNested = AutoDiff.Hessian(new ParallelSum(), x, new HessianConfig<double>(40, method: HessianMethod.NestedDuals));
        Assert.That(hessianTape, Is.EqualTo(hessianNested), "Hessian");
    }

    /// <summary>x₀ · x₁ · (1 + x₀x₁·10⁻⁶)^20 000: about 10 000 operations per input, past the tape's first size.</summary>
    public readonly struct PowerLoop : IMultivariateFunction
    {
        public const int Steps = 20_000;

        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T product = x[0] * x[1];
            T step = T.One + (x[0] * x[1] * T.CreateTruncating(1e-6));
            for (int i = 0; i < Steps; i++)
            {
                product *= step;
            }

            return product;
        }
    }

    [Test]
    public void AFunctionLargerThanTheTape_IsRecordedAgainOnAGrownTape()
    {
        // the first call finds the tape full several times (it starts at 64 operations for two inputs) and reruns f on
        // a tape twice the size each time; every later call fits at once and allocates nothing
        double[] x = [0.3, 0.7];
        GradientConfig<double> config = Tape(2);
        double[] first = AutoDiff.Gradient(new PowerLoop(), x, config);
        double u = x[0] * x[1];
        double step = 1 + (u * 1e-6);
        double derivative = Math.Pow(step, PowerLoop.Steps) + (u * PowerLoop.Steps * Math.Pow(step, PowerLoop.Steps - 1) * 1e-6);
        double[] expected = [x[1] * derivative, x[0] * derivative];
        double[] second = new double[2];
        AutoDiff.Gradient(new PowerLoop(), x, second, config);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AutoDiff.Gradient(new PowerLoop(), x, second, config);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        double[,] hessian = AutoDiff.Hessian(new PowerLoop(), x, new HessianConfig<double>(2, method: HessianMethod.SecondOrderAdjoint));
        double[,] nested = AutoDiff.Hessian(new PowerLoop(), x, new HessianConfig<double>(2, method: HessianMethod.NestedDuals));
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 2; i++)
            {
                // 20 000 rounded steps: a few 10⁻¹² relative between any two evaluation orders
                Assert.That(first[i], Is.EqualTo(expected[i]).Within(1e-10 * Math.Abs(expected[i])), $"∂f/∂x{i}");
                Assert.That(second[i], Is.EqualTo(first[i]), $"∂f/∂x{i} on the grown tape");
                for (int j = 0; j < 2; j++)
                {
                    Assert.That(hessian[i, j], Is.EqualTo(nested[i, j]).Within(1e-10 * Math.Abs(nested[i, j])), $"H[{i}, {j}]");
                }
            }

            Assert.That(allocated, Is.Zero, "bytes allocated once the tape has grown");
        });
    }

    /// <summary>Far more operations than inputs: 70 000 multiplications of two inputs.</summary>
    public readonly struct LongLoop : IMultivariateFunction
    {
        public T Invoke<T>(ReadOnlySpan<T> x)
            where T : IFloatingPointIeee754<T>
        {
            T product = T.One;
            T step = T.One + (x[0] * x[1] * T.CreateTruncating(1e-6));
            for (int i = 0; i < 70_000; i++)
            {
                product *= step;
            }

            return product;
        }
    }

    [Test]
    public void MoreOperationsThanTheTapeHolds_HandTheCallToTheDuals()
    {
        double[] x = [0.3, 0.7];
        double[] tape = AutoDiff.Gradient(new LongLoop(), x, Tape(2));
        double[] chunked = AutoDiff.Gradient(new LongLoop(), x, Chunked(2));
        Assert.That(Bits(tape), Is.EqualTo(Bits(chunked)));
        double[,] hessianTape = AutoDiff.Hessian(new LongLoop(), x, new HessianConfig<double>(2, method: HessianMethod.SecondOrderAdjoint));
        double[,] hessianNested = AutoDiff.Hessian(new LongLoop(), x, new HessianConfig<double>(2, method: HessianMethod.NestedDuals));
        Assert.That(hessianTape, Is.EqualTo(hessianNested), "Hessian");
    }
}

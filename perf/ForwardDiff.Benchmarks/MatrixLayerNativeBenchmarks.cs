using BenchmarkDotNet.Attributes;
using ForwardDiff.LinearAlgebra;
using ForwardDiff.Native;
using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.Benchmarks;

/// <summary>
/// The matrix-layer Jacobian of y = tanh(W₂ tanh(W₁x + b₁) + b₂) (see <see cref="MatrixLayerBenchmarks"/>) rerun on
/// each backend under MathNet: the managed provider, and ForwardDiff.Native on OpenBLAS and on MKL. Its one n×n×n
/// product (W₂ times the partials) is the whole cost, so it runs at BLAS speed on a native backend.
/// Compare with <see cref="ChunkedDualJacobianBenchmarks"/> (same network, scalar chunked duals, no MathNet).
/// </summary>
[MemoryDiagnoser]
public class MatrixLayerNativeBenchmarks
{
    private Matrix<double> _w1 = null!;
    private Matrix<double> _w2 = null!;
    private Vector<double> _b1 = null!;
    private Vector<double> _b2 = null!;
    private Vector<double> _x = null!;

    /// <summary>The provider under MathNet: managed, openblas or mkl.</summary>
    [Params("managed", "openblas", "mkl")]
    public string Backend { get; set; } = "managed";

    /// <summary>The layer width n.</summary>
    [Params(1024)]
    public int N { get; set; }

    /// <summary>Network weights; the backend is installed as MathNet's provider (its default thread count).</summary>
    [GlobalSetup]
    public void Setup()
    {
        NativeLinearAlgebra.UseNative(NativeLinearAlgebra.ParseVendor(Backend));
        (_w1, _w2, _b1, _b2, _x) = Network.Create(N);
    }

    /// <summary>J = D₂W₂D₁W₁ by hand, on the same provider.</summary>
    /// <returns>The Jacobian.</returns>
    [Benchmark(Baseline = true)]
    public Matrix<double> HandWritten() => Network.HandWrittenJacobian(_w1, _w2, _b1, _b2, _x);

    /// <summary>The matrix layer (<see cref="MatrixAutoDiff.Jacobian(Func{DualVector, DualVector}, Vector{double})"/>).</summary>
    /// <returns>The Jacobian.</returns>
    [Benchmark]
    public Matrix<double> MatrixLayer() => MatrixAutoDiff.Jacobian(v => Network.Forward(_w1, _w2, _b1, _b2, v), _x);
}

/// <summary>
/// The same two-layer Jacobian by chunked scalar duals (<see cref="AutoDiff.Jacobian{T, TFunction}(TFunction, ReadOnlySpan{T})"/>),
/// the figure the native matrix layer is measured against.
/// </summary>
[MemoryDiagnoser]
public class ChunkedDualJacobianBenchmarks
{
    private TwoLayerNetwork _network;
    private double[] _x = [];

    /// <summary>The layer width n.</summary>
    [Params(1024)]
    public int N { get; set; }

    /// <summary>The same weights as <see cref="Network.Create"/>, row-major for the scalar loops.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (w1, w2, b1, b2, x) = Network.Create(N);
        _network = new TwoLayerNetwork(N, w1.ToRowMajorArray(), w2.ToRowMajorArray(), b1.ToArray(), b2.ToArray());
        _x = x.ToArray();
    }

    /// <summary>Chunked forward mode over the scalar network.</summary>
    /// <returns>The Jacobian (rows are outputs).</returns>
    [Benchmark]
    public double[,] ChunkedDuals() => AutoDiff.Jacobian<double, TwoLayerNetwork>(_network, _x);

    /// <summary>y = tanh(W₂ tanh(W₁x + b₁) + b₂) written on a generic number type.</summary>
    private readonly struct TwoLayerNetwork(int n, double[] w1, double[] w2, double[] b1, double[] b2) : IVectorFunction
    {
        public int OutputLength(int inputLength) => n;

        public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
            where T : System.Numerics.IFloatingPointIeee754<T>
        {
            var hidden = new T[n];
            Layer(w1, b1, x, hidden);
            Layer(w2, b2, hidden, y);
        }

        private void Layer<T>(double[] w, double[] b, ReadOnlySpan<T> input, Span<T> output)
            where T : System.Numerics.IFloatingPointIeee754<T>
        {
            for (var i = 0; i < n; i++)
            {
                var row = w.AsSpan(i * n, n);
                var sum = T.CreateChecked(b[i]);
                for (var k = 0; k < n; k++)
                {
                    sum += T.CreateChecked(row[k]) * input[k];
                }

                output[i] = T.Tanh(sum);
            }
        }
    }
}

using System.Numerics;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using ForwardDiff.LinearAlgebra;
using MathNet.Numerics.Differentiation;
using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.Benchmarks;

/// <summary>
/// Jacobian of the two-layer network y = tanh(W₂ tanh(W₁x + b₁) + b₂), W dense n×n, on MathNet's active provider
/// (managed unless a native provider is installed): the matrix layer against the hand-written J = D₂W₂D₁W₁.
/// </summary>
[MemoryDiagnoser]
public class MatrixLayerBenchmarks
{
    private Matrix<double> _w1 = null!;
    private Matrix<double> _w2 = null!;
    private Vector _b1 = null!;
    private Vector _b2 = null!;
    private Vector _x = null!;

    /// <summary>The layer width n.</summary>
    [Params(256, 1024)]
    public int N { get; set; }

    /// <summary>Random weights scaled by 1/√n so that tanh stays out of saturation.</summary>
    [GlobalSetup]
    public void Setup() => (_w1, _w2, _b1, _b2, _x) = Network.Create(N);

    /// <summary>J = D₂W₂D₁W₁ written by hand with the same provider (Dᵢ = diag(1 − tanh²)).</summary>
    /// <returns>The Jacobian.</returns>
    [Benchmark(Baseline = true)]
    public Matrix<double> HandWritten() => Network.HandWrittenJacobian(_w1, _w2, _b1, _b2, _x);

    /// <summary>The matrix layer: the network written once on <see cref="DualVector"/>.</summary>
    /// <returns>The Jacobian.</returns>
    [Benchmark]
    public Matrix<double> MatrixLayer() => MatrixAutoDiff.Jacobian(v => Network.Forward(_w1, _w2, _b1, _b2, v), _x);
}

/// <summary>
/// The two-layer Jacobian at n = 256 against the core's chunked scalar duals (at n = 1024 one chunked Jacobian takes
/// about a minute on this machine, so it is measured at 256 only).
/// </summary>
[MemoryDiagnoser]
public class MatrixLayerVsChunkedBenchmarks
{
    private Matrix<double> _w1 = null!;
    private Matrix<double> _w2 = null!;
    private Vector _b1 = null!;
    private Vector _b2 = null!;
    private Vector _x = null!;
    private JacobianConfig<double> _config = null!;
    private GenericNetwork _network = null!;

    /// <summary>The layer width n.</summary>
    [Params(256)]
    public int N { get; set; }

    /// <summary>Random weights, the generic network and a reusable chunk config.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_w1, _w2, _b1, _b2, _x) = Network.Create(N);
        _config = new JacobianConfig<double>(N, N);
        _network = new GenericNetwork(_w1, _w2, _b1, _b2);
    }

    /// <summary>J = D₂W₂D₁W₁ by hand.</summary>
    /// <returns>The Jacobian.</returns>
    [Benchmark(Baseline = true)]
    public Matrix<double> HandWritten() => Network.HandWrittenJacobian(_w1, _w2, _b1, _b2, _x);

    /// <summary>The matrix layer.</summary>
    /// <returns>The Jacobian.</returns>
    [Benchmark]
    public Matrix<double> MatrixLayer() => MatrixAutoDiff.Jacobian(v => Network.Forward(_w1, _w2, _b1, _b2, v), _x);

    /// <summary>The core's chunked scalar duals (automatic chunk size, reusable config) on the network written generically.</summary>
    /// <returns>The Jacobian (rows are outputs).</returns>
    [Benchmark]
    public double[,] ChunkedScalarDuals() => AutoDiff.Jacobian(_network, _x.AsArray(), _config);
}

/// <summary>
/// The same two-layer Jacobian at a size where MathNet's finite-difference Jacobian finishes: it evaluates each output
/// separately for each input (O(n⁴) work), so n = 1024 would take hours and n = 256 minutes.
/// </summary>
[MemoryDiagnoser]
public class MatrixLayerFiniteDifferenceBenchmarks
{
    private Matrix<double> _w1 = null!;
    private Matrix<double> _w2 = null!;
    private Vector _b1 = null!;
    private Vector _b2 = null!;
    private Vector _x = null!;
    private Func<double[], double>[] _outputs = null!;

    /// <summary>The layer width n.</summary>
    [Params(64)]
    public int N { get; set; }

    /// <summary>Random weights and one closure per output for the finite-difference Jacobian.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_w1, _w2, _b1, _b2, _x) = Network.Create(N);
        _outputs = new Func<double[], double>[N];
        for (int i = 0; i < N; i++)
        {
            int row = i;
            _outputs[i] = point =>
            {
                Vector hidden = ((_w1 * Vector.Build.Dense(point)) + _b1).PointwiseTanh();
                return Math.Tanh((_w2.Row(row) * hidden) + _b2[row]);
            };
        }
    }

    /// <summary>J = D₂W₂D₁W₁ by hand.</summary>
    /// <returns>The Jacobian.</returns>
    [Benchmark(Baseline = true)]
    public Matrix<double> HandWritten() => Network.HandWrittenJacobian(_w1, _w2, _b1, _b2, _x);

    /// <summary>The matrix layer.</summary>
    /// <returns>The Jacobian.</returns>
    [Benchmark]
    public Matrix<double> MatrixLayer() => MatrixAutoDiff.Jacobian(v => Network.Forward(_w1, _w2, _b1, _b2, v), _x);

    /// <summary>The core's chunked scalar duals.</summary>
    /// <returns>The Jacobian (rows are outputs).</returns>
    [Benchmark]
    public double[,] ChunkedScalarDuals() => AutoDiff.Jacobian(new GenericNetwork(_w1, _w2, _b1, _b2), _x.AsArray());

    /// <summary>MathNet's <see cref="NumericalJacobian"/> (central differences, one output at a time).</summary>
    /// <returns>The Jacobian.</returns>
    [Benchmark]
    public double[,] FiniteDifferences() => new NumericalJacobian().Evaluate(_outputs, _x.ToArray());
}

/// <summary>
/// One layer y = tanh(Wx + b): the matrix layer (O(n²): W·I is a copy, tanh a row scaling) against scalar
/// <see cref="Dual{T}"/> passes, one seeded direction per pass (O(n³) scalar dual operations).
/// </summary>
[MemoryDiagnoser]
public class OneLayerBenchmarks
{
    private Matrix<double> _w = null!;
    private Vector _b = null!;
    private Vector _x = null!;
    private double[] _wValues = null!;
    private Dual<double>[] _duals = null!;
    private double[,] _jacobian = null!;

    /// <summary>The layer width n.</summary>
    [Params(256)]
    public int N { get; set; }

    /// <summary>Random weights.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_w, _, _b, _, _x) = Network.Create(N);
        _wValues = _w.ToRowMajorArray();
        _duals = new Dual<double>[N];
        _jacobian = new double[N, N];
    }

    /// <summary>The matrix layer.</summary>
    /// <returns>The Jacobian.</returns>
    [Benchmark(Baseline = true)]
    public Matrix<double> MatrixLayer() => MatrixAutoDiff.Jacobian(v => DualVector.Tanh((_w * v) + _b), _x);

    /// <summary>The core's chunked scalar duals (automatic chunk size, reusable config).</summary>
    /// <returns>The Jacobian (rows are outputs).</returns>
    [Benchmark]
    public double[,] ChunkedScalarDuals()
    {
        _chunkConfig ??= new JacobianConfig<double>(N, N);
        _oneLayer ??= new GenericNetwork(_w, null, _b, null);
        return AutoDiff.Jacobian(_oneLayer, _x.AsArray(), _chunkConfig);
    }

    private JacobianConfig<double>? _chunkConfig;
    private GenericNetwork? _oneLayer;

    /// <summary>Scalar duals: n forward passes, each seeding one input, through a plain loop matrix-vector product.</summary>
    /// <returns>The Jacobian (rows are outputs).</returns>
    [Benchmark]
    public double[,] ScalarDuals()
    {
        int n = N;
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                _duals[i] = new Dual<double>(_x[i], i == j ? 1.0 : 0.0);
            }

            for (int i = 0; i < n; i++)
            {
                Dual<double> sum = _b[i];
                ReadOnlySpan<double> row = _wValues.AsSpan(i * n, n);
                for (int k = 0; k < n; k++)
                {
                    sum += row[k] * _duals[k];
                }

                _jacobian[i, j] = Dual<double>.Tanh(sum).Derivative;
            }
        }

        return _jacobian;
    }
}

/// <summary>
/// The network written generically for the chunked core: tanh(W₁x + b₁), then (if W₂ is given) tanh(W₂h + b₂),
/// with plain loops as a user of scalar duals would write them.
/// </summary>
internal sealed class GenericNetwork(Matrix<double> w1, Matrix<double>? w2, Vector b1, Vector? b2) : IVectorFunction
{
    private readonly double[] _w1 = w1.ToRowMajorArray();
    private readonly double[]? _w2 = w2?.ToRowMajorArray();
    private readonly double[] _b1 = b1.ToArray();
    private readonly double[]? _b2 = b2?.ToArray();

    public int OutputLength(int inputLength) => inputLength;

    public void Invoke<T>(ReadOnlySpan<T> x, Span<T> y)
        where T : IFloatingPointIeee754<T>
    {
        if (_w2 is null)
        {
            Layer(_w1, _b1, x, y);
            return;
        }

        var hidden = new T[x.Length];
        Layer(_w1, _b1, x, hidden);
        Layer(_w2, _b2!, hidden, y);
    }

    private static void Layer<T>(double[] w, double[] b, ReadOnlySpan<T> x, Span<T> y)
        where T : IFloatingPointIeee754<T>
    {
        int n = x.Length;
        for (int i = 0; i < y.Length; i++)
        {
            T sum = T.CreateChecked(b[i]);
            for (int k = 0; k < n; k++)
            {
                sum += T.CreateChecked(w[(i * n) + k]) * x[k];
            }

            y[i] = T.Tanh(sum);
        }
    }
}

/// <summary>The benchmark network and its hand-written Jacobian.</summary>
internal static class Network
{
    public static (Matrix<double> W1, Matrix<double> W2, Vector B1, Vector B2, Vector X) Create(int n)
    {
        var random = new Random(42);
        double scale = 1.0 / Math.Sqrt(n);
        Matrix<double> Weights() => Matrix<double>.Build.Dense(n, n, (_, _) => ((2.0 * random.NextDouble()) - 1.0) * scale);
        Vector Values() => Vector.Build.Dense(n, _ => (2.0 * random.NextDouble()) - 1.0);
        return (Weights(), Weights(), Values(), Values(), Values());
    }

    public static DualVector Forward(Matrix<double> w1, Matrix<double> w2, Vector b1, Vector b2, DualVector x) =>
        DualVector.Tanh((w2 * DualVector.Tanh((w1 * x) + b1)) + b2);

    /// <summary>J = D₂W₂D₁W₁: two row scalings (vectorised) and one product on the provider.</summary>
    public static Matrix<double> HandWrittenJacobian(Matrix<double> w1, Matrix<double> w2, Vector b1, Vector b2, Vector x)
    {
        Vector a1 = ((w1 * x) + b1).PointwiseTanh();
        Vector a2 = ((w2 * a1) + b2).PointwiseTanh();
        Matrix<double> d1w1 = ScaleRows(w1, a1);
        Matrix<double> j = w2 * d1w1;
        return ScaleRows(j, a2, inPlace: true);
    }

    /// <summary>diag(1 − t²)·M, column by column with TensorPrimitives.</summary>
    private static Matrix<double> ScaleRows(Matrix<double> m, Vector tanh, bool inPlace = false)
    {
        int rows = m.RowCount;
        double[] d = new double[rows];
        double[] t = tanh.AsArray();
        TensorPrimitives.MultiplyAdd(t, t, -1.0, d);
        TensorPrimitives.Negate(d, d);
        TensorPrimitives.Add(d, 1.0, d);
        Matrix<double> result = inPlace ? m : Matrix<double>.Build.Dense(rows, m.ColumnCount);
        double[] source = m.AsColumnMajorArray();
        double[] destination = result.AsColumnMajorArray();
        for (int c = 0; c < m.ColumnCount; c++)
        {
            TensorPrimitives.Multiply(source.AsSpan(c * rows, rows), d, destination.AsSpan(c * rows, rows));
        }

        return result;
    }
}

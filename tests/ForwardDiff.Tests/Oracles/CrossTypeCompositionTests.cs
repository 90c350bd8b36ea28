using System.Numerics;

namespace ForwardDiff.Tests.Oracles;

/// <summary>
/// Random compositions of the library's functions, evaluated once as generic code on every number type. Oracle: the
/// types must agree with each other. Every value equals plain double bit for bit. The derivative (∂/∂x and ∂/∂y) is
/// the same on <see cref="Dual{T}"/>, <see cref="HyperDual{T}"/> (ε₁), and chunk duals in both storage families, where
/// the chunk carries both partials in one pass. NaN matches NaN. Quotients are left out because the types form
/// them differently (CONVENTIONS.md); the two chunk storages must agree on them as well.
/// </summary>
[TestFixture]
public sealed class CrossTypeCompositionTests
{
    private const int Operations = 26;

    private static readonly double[] Pool =
    [
        0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e-300, -1e-300, 1e300, -1e300, double.Epsilon, 710.0, -745.0,
        double.PositiveInfinity, double.NegativeInfinity, double.NaN, Math.PI / 2, 1e-8, 40.0,
    ];

    /// <summary>Applies operation <paramref name="op"/> to registers a (the running value) and b (the other input).</summary>
    private static T Apply<T>(int op, T a, T b, bool quotients)
        where T : IFloatingPointIeee754<T>
    {
        T half = T.CreateChecked(0.5);
        return op switch
        {
            0 => a + b,
            1 => a - b,
            2 => a * b,
            3 => -a,
            4 => T.Sin(a),
            5 => T.Cos(a),
            6 => T.Exp(a),
            7 => T.Log(T.Abs(a)),
            8 => T.Sqrt(T.Abs(a)),
            9 => T.Tanh(a),
            10 => T.Atan(a),
            11 => T.Pow(T.Abs(a) + half, b),
            12 => T.Hypot(a, b),
            13 => T.Atan2(a, b),
            14 => T.Max(a, b),
            15 => T.Min(a, b),
            16 => T.Cbrt(a),
            17 => T.Abs(a),
            18 => T.LogP1(T.Abs(a)),
            19 => T.ExpM1(a),
            20 => T.Asinh(a),
            21 => a * a * a,
            22 => T.Sinh(a),
            23 => T.ScaleB(a, 3),
            24 => quotients ? a / b : a + (b * half),
            25 => quotients ? T.One / (T.One + (a * a)) : T.Atan(b) * a,
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
    }

    private static T Evaluate<T>(int[] program, T x, T y, bool quotients)
        where T : IFloatingPointIeee754<T>
    {
        T a = x;
        T b = y;
        foreach (int op in program)
        {
            T next = Apply(op, a, b, quotients);
            b = a;
            a = next;
        }

        return a + b;
    }

    [TestCaseSource(nameof(Seeds))]
    public void RandomComposition_SecondDerivative_HyperDualAgreesWithNestedDualAndRowHessian(int seed)
    {
        // f″ by three routes with different rounding: HyperDual ε₁ε₂ (rule table's f″), Dual<Dual<double>> (derivative of
        // the first-derivative formulas), and H[0, 0] of the row-segment Hessian. Where all three are finite they agree
        // to a relative 1e-9 of the largest intermediate magnitude; non-finite results must be non-finite on every route.
        Random random = new(5000 + seed);
        for (int trial = 0; trial < 25; trial++)
        {
            int[] program = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(Operations)).ToArray();
            double x = (random.NextDouble() * 4) - 2;
            double y = (random.NextDouble() * 4) - 2;
            string what = $"ops [{string.Join(", ", program)}] at x = {x:R}, y = {y:R}";
            HyperDual<double> hyper = Evaluate(program, HyperDual<double>.Variable(x), HyperDual<double>.Constant(y), quotients: true);
            Dual<Dual<double>> nested = Evaluate(program, new Dual<Dual<double>>(Dual<double>.Variable(x), Dual<double>.Constant(1.0)), new Dual<Dual<double>>(Dual<double>.Constant(y), Dual<double>.Constant(0.0)), quotients: true);
            double[,] hessian = AutoDiff.Hessian(v => Evaluate(program, v[0], v[1], quotients: true), [x, y]);
            double a = hyper.E1E2, b = nested.Derivative.Derivative, c = hessian[0, 0];
            if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(c) || Math.Abs(hyper.Value) > 1e100)
            {
                Assert.That(double.IsFinite(a) == double.IsFinite(b) || Math.Abs(hyper.Value) > 1e100, $"finiteness, {what}: hyper {a:R}, nested {b:R}");
                continue;
            }

            double scale = Math.Max(1, Math.Max(Math.Abs(a), Math.Max(Math.Abs(hyper.E1), Math.Abs(hyper.Value))));
            Assert.That(Math.Abs(a - b), Is.LessThanOrEqualTo(1e-9 * scale), $"hyper vs nested, {what}: {a:R} vs {b:R}");
            Assert.That(Math.Abs(a - c), Is.LessThanOrEqualTo(1e-9 * scale), $"hyper vs row Hessian, {what}: {a:R} vs {c:R}");
        }
    }

    // Same bits; any NaN matches any NaN, and a zero matches a zero of either sign (where an argument is unperturbed,
    // Dual<T>'s Pow omits its term and chunk duals add a zero, so the sign of a zero derivative can differ; CONVENTIONS.md)
    private static bool Same(double actual, double expected)
        => BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(expected)
            || (double.IsNaN(actual) && double.IsNaN(expected))
            || (actual == 0 && expected == 0);

    // values: the exact bits of plain double, NaN payloads aside
    private static bool SameValue(double actual, double expected)
        => BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(expected) || (double.IsNaN(actual) && double.IsNaN(expected));

    private static IEnumerable<int> Seeds() => Enumerable.Range(0, 100);

    [TestCaseSource(nameof(Seeds))]
    public void RandomComposition_AllNumberTypesAgree(int seed)
    {
        Random random = new(1000 + seed);
        for (int trial = 0; trial < 25; trial++)
        {
            int[] program = Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(Operations)).ToArray();
            double x = random.Next(3) == 0 ? Pool[random.Next(Pool.Length)] : (random.NextDouble() * 6) - 3;
            double y = random.Next(3) == 0 ? Pool[random.Next(Pool.Length)] : (random.NextDouble() * 6) - 3;
            string what = $"ops [{string.Join(", ", program)}] at x = {x:R}, y = {y:R}";

            foreach (bool quotients in new[] { false, true })
            {
                double value = Evaluate(program, x, y, quotients);
                ChunkDual<double, Partials8<double>> inlineArray = Evaluate(program, ChunkDual<double, Partials8<double>>.Variable(x, 0), ChunkDual<double, Partials8<double>>.Variable(y, 1), quotients);
                ChunkDual<double, Vector256Partials2<double>> registers = Evaluate(program, ChunkDual<double, Vector256Partials2<double>>.Variable(x, 0), ChunkDual<double, Vector256Partials2<double>>.Variable(y, 1), quotients);
                Assert.That(SameValue(inlineArray.Value, value), $"Partials8 value, {what}: {inlineArray.Value:R} vs {value:R}");
                Assert.That(SameValue(registers.Value, value), $"Vector256Partials2 value, {what}: {registers.Value:R} vs {value:R}");
                for (int k = 0; k < 8; k++)
                {
                    Assert.That(SameValue(registers.GetPartial(k), inlineArray.GetPartial(k)), $"partial {k}, register vs inline-array storage, quotients {quotients}, {what}: {registers.GetPartial(k):R} vs {inlineArray.GetPartial(k):R}");
                }

                if (quotients)
                {
                    continue;
                }

                Dual<double> dx = Evaluate(program, Dual<double>.Variable(x), Dual<double>.Constant(y), quotients);
                Dual<double> dy = Evaluate(program, Dual<double>.Constant(x), Dual<double>.Variable(y), quotients);
                HyperDual<double> hx = Evaluate(program, HyperDual<double>.VariableE1(x), HyperDual<double>.Constant(y), quotients);
                Assert.Multiple(() =>
                {
                    Assert.That(SameValue(dx.Value, value), $"Dual value, {what}: {dx.Value:R} vs {value:R}");
                    Assert.That(SameValue(hx.Value, value), $"HyperDual value, {what}: {hx.Value:R} vs {value:R}");
                    Assert.That(Same(registers.GetPartial(0), dx.Derivative), $"∂/∂x chunk vs Dual, {what}: {registers.GetPartial(0):R} vs {dx.Derivative:R}");
                    Assert.That(Same(registers.GetPartial(1), dy.Derivative), $"∂/∂y chunk vs Dual, {what}: {registers.GetPartial(1):R} vs {dy.Derivative:R}");
                    Assert.That(Same(hx.E1, dx.Derivative), $"∂/∂x HyperDual ε₁ vs Dual, {what}: {hx.E1:R} vs {dx.Derivative:R}");
                });
            }
        }
    }
}

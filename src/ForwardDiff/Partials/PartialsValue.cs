using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ForwardDiff;

/// <summary>
/// Value-semantic partials arithmetic: each operation takes and returns the storage by value. For double with
/// 4, 8, 12 or 16 partials the storage is reinterpreted (<see cref="Unsafe.BitCast{TFrom, TTo}"/>) as a struct of
/// <see cref="Vector256{T}"/> fields, which the JIT keeps in SIMD registers across inlined operators; every other
/// case takes the by-reference kernels of <see cref="PartialsMath"/>.
/// </summary>
/// <remarks>
/// Design note (measured, perf/results/gradient.md): the by-reference kernels force every dual into stack memory
/// (its address is taken), so each operator copies both operands and the result; one Rosenbrock pass on 8-partial
/// duals took ~8× the time of a one-partial <c>Dual&lt;double&gt;</c> pass. Through the register path the same pass
/// costs about as much as the one-partial pass. Results are bit-identical to the by-reference kernels (same
/// operations per element, no fused multiply–add).
/// </remarks>
internal static class PartialsValue
{
    /// <summary>Whether the register path applies to this storage (a JIT-time constant once inlined).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Registers<T, TPartials>()
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
        => typeof(T) == typeof(double) && Vector256.IsHardwareAccelerated
            && (TPartials.Count == 4 || TPartials.Count == 8 || TPartials.Count == 12 || TPartials.Count == 16);

    /// <summary>a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TPartials Add<T, TPartials>(TPartials a, TPartials b)
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
    {
        if (Registers<T, TPartials>())
        {
            return Apply<T, TPartials, AddOp>(default, a, b);
        }

        Unsafe.SkipInit(out TPartials r);
        PartialsMath.Add(ref PartialsMath.First<T, TPartials>(ref r), ref PartialsMath.First<T, TPartials>(ref a), ref PartialsMath.First<T, TPartials>(ref b), TPartials.Count);
        return r;
    }

    /// <summary>a − b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TPartials Subtract<T, TPartials>(TPartials a, TPartials b)
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
    {
        if (Registers<T, TPartials>())
        {
            return Apply<T, TPartials, SubtractOp>(default, a, b);
        }

        Unsafe.SkipInit(out TPartials r);
        PartialsMath.Subtract(ref PartialsMath.First<T, TPartials>(ref r), ref PartialsMath.First<T, TPartials>(ref a), ref PartialsMath.First<T, TPartials>(ref b), TPartials.Count);
        return r;
    }

    /// <summary>−a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TPartials Negate<T, TPartials>(TPartials a)
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
    {
        if (Registers<T, TPartials>())
        {
            return Apply<T, TPartials, NegateOp>(default, a, a);
        }

        Unsafe.SkipInit(out TPartials r);
        PartialsMath.Negate(ref PartialsMath.First<T, TPartials>(ref r), ref PartialsMath.First<T, TPartials>(ref a), TPartials.Count);
        return r;
    }

    /// <summary>s · a (strong zero when s is not finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TPartials Scale<T, TPartials>(T s, TPartials a)
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
    {
        if (Registers<T, TPartials>())
        {
            return T.IsFinite(s)
                ? Apply<T, TPartials, LinearCombinationOp>(new LinearCombinationOp(Unsafe.BitCast<T, double>(s), 0), a, a, scaleOnly: true)
                : ScaleByReference<T, TPartials>(s, a);
        }

        return ScaleByReference<T, TPartials>(s, a);
    }

    // Out of line and by value, so that the register path's operands are never address-exposed.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TPartials ScaleByReference<T, TPartials>(T s, TPartials a)
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
    {
        Unsafe.SkipInit(out TPartials r);
        PartialsMath.Scale(ref PartialsMath.First<T, TPartials>(ref r), s, ref PartialsMath.First<T, TPartials>(ref a), TPartials.Count);
        return r;
    }

    /// <summary>s · a + t · b (strong zero per product when its factor is not finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TPartials LinearCombination<T, TPartials>(T s, TPartials a, T t, TPartials b)
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
    {
        if (Registers<T, TPartials>())
        {
            return T.IsFinite(s) && T.IsFinite(t)
                ? Apply<T, TPartials, LinearCombinationOp>(new LinearCombinationOp(Unsafe.BitCast<T, double>(s), Unsafe.BitCast<T, double>(t)), a, b)
                : LinearCombinationByReference<T, TPartials>(s, a, t, b);
        }

        return LinearCombinationByReference<T, TPartials>(s, a, t, b);
    }

    // Out of line and by value, so that the register path's operands are never address-exposed.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TPartials LinearCombinationByReference<T, TPartials>(T s, TPartials a, T t, TPartials b)
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
    {
        Unsafe.SkipInit(out TPartials r);
        PartialsMath.LinearCombination(ref PartialsMath.First<T, TPartials>(ref r), s, ref PartialsMath.First<T, TPartials>(ref a), t, ref PartialsMath.First<T, TPartials>(ref b), TPartials.Count);
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TPartials Apply<T, TPartials, TOp>(TOp op, TPartials a, TPartials b, bool scaleOnly = false)
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
        where TOp : struct, IVectorOp
    {
        switch (TPartials.Count)
        {
            case 4:
            {
                V4 x = Unsafe.BitCast<TPartials, V4>(a), y = Unsafe.BitCast<TPartials, V4>(b);
                return Unsafe.BitCast<V4, TPartials>(new V4(op.Invoke(x.A, y.A, scaleOnly)));
            }

            case 8:
            {
                V8 x = Unsafe.BitCast<TPartials, V8>(a), y = Unsafe.BitCast<TPartials, V8>(b);
                return Unsafe.BitCast<V8, TPartials>(new V8(op.Invoke(x.A, y.A, scaleOnly), op.Invoke(x.B, y.B, scaleOnly)));
            }

            case 12:
            {
                V12 x = Unsafe.BitCast<TPartials, V12>(a), y = Unsafe.BitCast<TPartials, V12>(b);
                return Unsafe.BitCast<V12, TPartials>(new V12(op.Invoke(x.A, y.A, scaleOnly), op.Invoke(x.B, y.B, scaleOnly), op.Invoke(x.C, y.C, scaleOnly)));
            }

            default:
            {
                V16 x = Unsafe.BitCast<TPartials, V16>(a), y = Unsafe.BitCast<TPartials, V16>(b);
                return Unsafe.BitCast<V16, TPartials>(new V16(op.Invoke(x.A, y.A, scaleOnly), op.Invoke(x.B, y.B, scaleOnly), op.Invoke(x.C, y.C, scaleOnly), op.Invoke(x.D, y.D, scaleOnly)));
            }
        }
    }

    private interface IVectorOp
    {
        Vector256<double> Invoke(Vector256<double> a, Vector256<double> b, bool scaleOnly);
    }

    private readonly struct AddOp : IVectorOp
    {
        public Vector256<double> Invoke(Vector256<double> a, Vector256<double> b, bool scaleOnly) => a + b;
    }

    private readonly struct SubtractOp : IVectorOp
    {
        public Vector256<double> Invoke(Vector256<double> a, Vector256<double> b, bool scaleOnly) => a - b;
    }

    private readonly struct NegateOp : IVectorOp
    {
        public Vector256<double> Invoke(Vector256<double> a, Vector256<double> b, bool scaleOnly) => -a;
    }

    // s·a + t·b, or s·a alone (no "+ 0·b", which would turn −0 into +0 and differ from the scalar kernels)
    private readonly struct LinearCombinationOp(double s, double t) : IVectorOp
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<double> Invoke(Vector256<double> a, Vector256<double> b, bool scaleOnly)
            => scaleOnly ? a * s : (a * s) + (b * t);
    }

    private readonly struct V4(Vector256<double> a)
    {
        public readonly Vector256<double> A = a;
    }

    private readonly struct V8(Vector256<double> a, Vector256<double> b)
    {
        public readonly Vector256<double> A = a;
        public readonly Vector256<double> B = b;
    }

    private readonly struct V12(Vector256<double> a, Vector256<double> b, Vector256<double> c)
    {
        public readonly Vector256<double> A = a;
        public readonly Vector256<double> B = b;
        public readonly Vector256<double> C = c;
    }

    private readonly struct V16(Vector256<double> a, Vector256<double> b, Vector256<double> c, Vector256<double> d)
    {
        public readonly Vector256<double> A = a;
        public readonly Vector256<double> B = b;
        public readonly Vector256<double> C = c;
        public readonly Vector256<double> D = d;
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ForwardDiff.Rules;

namespace ForwardDiff;

/// <summary>
/// The partials arithmetic of <see cref="ChunkDual{T, TPartials}"/>, written once for every storage size and
/// vectorised explicitly (<see cref="Vector512"/>, then <see cref="Vector256"/>, <see cref="Vector128"/>, then
/// scalar) for <see cref="double"/> and <see cref="float"/>; any other element type (Half, a nested dual) takes
/// the scalar loop over its own operators.
/// </summary>
/// <remarks>
/// Design note (bit-exactness): every element is computed with the same sequence of IEEE operations whatever
/// lane width handles it (a multiply, a multiply, an add; no fused multiply–add), so the vector and scalar paths
/// give identical bits and the result does not depend on the chunk size, the vector width of the machine, or
/// whether chunks ran in parallel. A fused multiply–add would save one rounding but would make a partial differ
/// from the same partial computed by <c>Dual&lt;T&gt;</c> or by the scalar tail.
/// <para>
/// Strong zeros: the finiteness test is made once on the scalar local derivative; only a non-finite local
/// derivative takes the per-partial path that keeps exact zeros at zero (see <see cref="StrongZero"/>).
/// </para>
/// </remarks>
internal static class PartialsMath
{
    /// <summary>A reference to the first element of <paramref name="partials"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref T First<T, TPartials>(ref TPartials partials)
        where T : IFloatingPointIeee754<T>
        where TPartials : struct, IPartials<TPartials, T>
        => ref Unsafe.As<TPartials, T>(ref partials);

    /// <summary>r[i] = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Zero<T>(ref T r, int n)
        where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float))
        {
            // one block clear: the JIT emits whole-vector stores, which later whole-struct copies can forward from
            Unsafe.InitBlockUnaligned(ref Unsafe.As<T, byte>(ref r), 0, (uint)(n * Unsafe.SizeOf<T>()));
            return;
        }

        for (int i = 0; i < n; i++)
        {
            Unsafe.Add(ref r, i) = T.Zero;
        }
    }

    /// <summary>r[i] = a[i] + b[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<T>(ref T r, ref T a, ref T b, int n)
        where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            AddVector(ref As<T, double>(ref r), ref As<T, double>(ref a), ref As<T, double>(ref b), n);
        }
        else if (typeof(T) == typeof(float))
        {
            AddVector(ref As<T, float>(ref r), ref As<T, float>(ref a), ref As<T, float>(ref b), n);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                Unsafe.Add(ref r, i) = Unsafe.Add(ref a, i) + Unsafe.Add(ref b, i);
            }
        }
    }

    /// <summary>r[i] = a[i] − b[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract<T>(ref T r, ref T a, ref T b, int n)
        where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            SubtractVector(ref As<T, double>(ref r), ref As<T, double>(ref a), ref As<T, double>(ref b), n);
        }
        else if (typeof(T) == typeof(float))
        {
            SubtractVector(ref As<T, float>(ref r), ref As<T, float>(ref a), ref As<T, float>(ref b), n);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                Unsafe.Add(ref r, i) = Unsafe.Add(ref a, i) - Unsafe.Add(ref b, i);
            }
        }
    }

    /// <summary>r[i] = −a[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate<T>(ref T r, ref T a, int n)
        where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            NegateVector(ref As<T, double>(ref r), ref As<T, double>(ref a), n);
        }
        else if (typeof(T) == typeof(float))
        {
            NegateVector(ref As<T, float>(ref r), ref As<T, float>(ref a), n);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                Unsafe.Add(ref r, i) = -Unsafe.Add(ref a, i);
            }
        }
    }

    /// <summary>r[i] = s · a[i], an exactly zero a[i] giving zero when s is not finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Scale<T>(ref T r, T s, ref T a, int n)
        where T : IFloatingPointIeee754<T>
    {
        if (!T.IsFinite(s))
        {
            ScaleStrong(ref r, s, ref a, n);
        }
        else if (typeof(T) == typeof(double))
        {
            ScaleVector(ref As<T, double>(ref r), Unsafe.As<T, double>(ref s), ref As<T, double>(ref a), n);
        }
        else if (typeof(T) == typeof(float))
        {
            ScaleVector(ref As<T, float>(ref r), Unsafe.As<T, float>(ref s), ref As<T, float>(ref a), n);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                Unsafe.Add(ref r, i) = StrongZero.Scale(s, Unsafe.Add(ref a, i));
            }
        }
    }

    /// <summary>r[i] = s · a[i] + t · b[i], each product keeping exact zeros when its factor is not finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LinearCombination<T>(ref T r, T s, ref T a, T t, ref T b, int n)
        where T : IFloatingPointIeee754<T>
    {
        if (!T.IsFinite(s) || !T.IsFinite(t))
        {
            LinearCombinationStrong(ref r, s, ref a, t, ref b, n);
        }
        else if (typeof(T) == typeof(double))
        {
            LinearCombinationVector(ref As<T, double>(ref r), Unsafe.As<T, double>(ref s), ref As<T, double>(ref a), Unsafe.As<T, double>(ref t), ref As<T, double>(ref b), n);
        }
        else if (typeof(T) == typeof(float))
        {
            LinearCombinationVector(ref As<T, float>(ref r), Unsafe.As<T, float>(ref s), ref As<T, float>(ref a), Unsafe.As<T, float>(ref t), ref As<T, float>(ref b), n);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                Unsafe.Add(ref r, i) = StrongZero.Scale(s, Unsafe.Add(ref a, i)) + StrongZero.Scale(t, Unsafe.Add(ref b, i));
            }
        }
    }

    /// <summary>r[i] = s · a[i] + t · b[i] + u · c[i] (fused multiply–add of three duals), strong zeros as above.</summary>
    public static void LinearCombination<T>(ref T r, T s, ref T a, T t, ref T b, T u, ref T c, int n)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
        {
            Unsafe.Add(ref r, i) = StrongZero.Scale(s, Unsafe.Add(ref a, i)) + StrongZero.Scale(t, Unsafe.Add(ref b, i)) + StrongZero.Scale(u, Unsafe.Add(ref c, i));
        }
    }

    /// <summary>True when a[i] == b[i] for every i (IEEE equality: NaN is unequal to itself).</summary>
    public static bool EqualsOperator<T>(ref T a, ref T b, int n)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
        {
            if (Unsafe.Add(ref a, i) != Unsafe.Add(ref b, i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a[i].Equals(b[i]) for every i (NaN equals NaN, as <see cref="double.Equals(double)"/>).</summary>
    public static bool EqualsMethod<T>(ref T a, ref T b, int n)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
        {
            if (!Unsafe.Add(ref a, i).Equals(Unsafe.Add(ref b, i)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every a[i] is an exact zero (of either sign).</summary>
    public static bool AllZero<T>(ref T a, int n)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
        {
            if (!T.IsZero(Unsafe.Add(ref a, i)))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ScaleStrong<T>(ref T r, T s, ref T a, int n)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
        {
            Unsafe.Add(ref r, i) = StrongZero.Scale(s, Unsafe.Add(ref a, i));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LinearCombinationStrong<T>(ref T r, T s, ref T a, T t, ref T b, int n)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
        {
            Unsafe.Add(ref r, i) = StrongZero.Scale(s, Unsafe.Add(ref a, i)) + StrongZero.Scale(t, Unsafe.Add(ref b, i));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref TTo As<TFrom, TTo>(ref TFrom x) => ref Unsafe.As<TFrom, TTo>(ref x);

    // ---------------------------------------------------------------------------------------------------
    // The vector loops, generic over the primitive element (double or float). n is a JIT-time constant.
    // ---------------------------------------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddVector<TN>(ref TN r, ref TN a, ref TN b, int n)
        where TN : unmanaged, IFloatingPointIeee754<TN>
    {
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; (int)i + Vector512<TN>.Count <= n; i += (nuint)Vector512<TN>.Count)
            {
                (Vector512.LoadUnsafe(ref a, i) + Vector512.LoadUnsafe(ref b, i)).StoreUnsafe(ref r, i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; (int)i + Vector256<TN>.Count <= n; i += (nuint)Vector256<TN>.Count)
            {
                (Vector256.LoadUnsafe(ref a, i) + Vector256.LoadUnsafe(ref b, i)).StoreUnsafe(ref r, i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; (int)i + Vector128<TN>.Count <= n; i += (nuint)Vector128<TN>.Count)
            {
                (Vector128.LoadUnsafe(ref a, i) + Vector128.LoadUnsafe(ref b, i)).StoreUnsafe(ref r, i);
            }
        }

        for (; (int)i < n; i++)
        {
            Unsafe.Add(ref r, i) = Unsafe.Add(ref a, i) + Unsafe.Add(ref b, i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractVector<TN>(ref TN r, ref TN a, ref TN b, int n)
        where TN : unmanaged, IFloatingPointIeee754<TN>
    {
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; (int)i + Vector512<TN>.Count <= n; i += (nuint)Vector512<TN>.Count)
            {
                (Vector512.LoadUnsafe(ref a, i) - Vector512.LoadUnsafe(ref b, i)).StoreUnsafe(ref r, i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; (int)i + Vector256<TN>.Count <= n; i += (nuint)Vector256<TN>.Count)
            {
                (Vector256.LoadUnsafe(ref a, i) - Vector256.LoadUnsafe(ref b, i)).StoreUnsafe(ref r, i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; (int)i + Vector128<TN>.Count <= n; i += (nuint)Vector128<TN>.Count)
            {
                (Vector128.LoadUnsafe(ref a, i) - Vector128.LoadUnsafe(ref b, i)).StoreUnsafe(ref r, i);
            }
        }

        for (; (int)i < n; i++)
        {
            Unsafe.Add(ref r, i) = Unsafe.Add(ref a, i) - Unsafe.Add(ref b, i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NegateVector<TN>(ref TN r, ref TN a, int n)
        where TN : unmanaged, IFloatingPointIeee754<TN>
    {
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; (int)i + Vector512<TN>.Count <= n; i += (nuint)Vector512<TN>.Count)
            {
                (-Vector512.LoadUnsafe(ref a, i)).StoreUnsafe(ref r, i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; (int)i + Vector256<TN>.Count <= n; i += (nuint)Vector256<TN>.Count)
            {
                (-Vector256.LoadUnsafe(ref a, i)).StoreUnsafe(ref r, i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; (int)i + Vector128<TN>.Count <= n; i += (nuint)Vector128<TN>.Count)
            {
                (-Vector128.LoadUnsafe(ref a, i)).StoreUnsafe(ref r, i);
            }
        }

        for (; (int)i < n; i++)
        {
            Unsafe.Add(ref r, i) = -Unsafe.Add(ref a, i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScaleVector<TN>(ref TN r, TN s, ref TN a, int n)
        where TN : unmanaged, IFloatingPointIeee754<TN>
    {
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; (int)i + Vector512<TN>.Count <= n; i += (nuint)Vector512<TN>.Count)
            {
                (Vector512.LoadUnsafe(ref a, i) * s).StoreUnsafe(ref r, i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; (int)i + Vector256<TN>.Count <= n; i += (nuint)Vector256<TN>.Count)
            {
                (Vector256.LoadUnsafe(ref a, i) * s).StoreUnsafe(ref r, i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; (int)i + Vector128<TN>.Count <= n; i += (nuint)Vector128<TN>.Count)
            {
                (Vector128.LoadUnsafe(ref a, i) * s).StoreUnsafe(ref r, i);
            }
        }

        for (; (int)i < n; i++)
        {
            Unsafe.Add(ref r, i) = s * Unsafe.Add(ref a, i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LinearCombinationVector<TN>(ref TN r, TN s, ref TN a, TN t, ref TN b, int n)
        where TN : unmanaged, IFloatingPointIeee754<TN>
    {
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; (int)i + Vector512<TN>.Count <= n; i += (nuint)Vector512<TN>.Count)
            {
                ((Vector512.LoadUnsafe(ref a, i) * s) + (Vector512.LoadUnsafe(ref b, i) * t)).StoreUnsafe(ref r, i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; (int)i + Vector256<TN>.Count <= n; i += (nuint)Vector256<TN>.Count)
            {
                ((Vector256.LoadUnsafe(ref a, i) * s) + (Vector256.LoadUnsafe(ref b, i) * t)).StoreUnsafe(ref r, i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; (int)i + Vector128<TN>.Count <= n; i += (nuint)Vector128<TN>.Count)
            {
                ((Vector128.LoadUnsafe(ref a, i) * s) + (Vector128.LoadUnsafe(ref b, i) * t)).StoreUnsafe(ref r, i);
            }
        }

        for (; (int)i < n; i++)
        {
            Unsafe.Add(ref r, i) = (s * Unsafe.Add(ref a, i)) + (t * Unsafe.Add(ref b, i));
        }
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;

namespace ForwardDiff.Internal;

/// <summary>Small value-level tests shared by the rules and every dual flavour.</summary>
internal static class Scalar
{
    /// <summary>
    /// True when the value of <paramref name="x"/> is ±0, ignoring any perturbation it carries. For a plain
    /// floating-point type this is <c>x == 0</c>; for a dual (whose <c>==</c> also compares derivatives) it tests the
    /// value only, because the ordering operators of every dual flavour compare values only.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZeroValue<T>(T x)
        where T : IFloatingPointIeee754<T>
        => x <= T.Zero && x >= T.Zero;

    /// <summary>True when the values of <paramref name="x"/> and <paramref name="y"/> are equal (−0 = +0), ignoring perturbations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsEqualValue<T>(T x, T y)
        where T : IFloatingPointIeee754<T>
        => x <= y && x >= y;

    /// <summary>(a + b) / 2 without overflow when a + b would overflow and both are finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Average<T>(T a, T b)
        where T : IFloatingPointIeee754<T>
        => (a * RuleConstants<T>.Half) + (b * RuleConstants<T>.Half);
}

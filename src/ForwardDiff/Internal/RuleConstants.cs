using System.Numerics;

namespace ForwardDiff.Internal;

/// <summary>
/// Constants the rules need, converted once per number type. For a value type <typeparamref name="T"/> the JIT
/// specialises this class and reads the fields as constants after initialisation, so a rule pays nothing for them.
/// </summary>
/// <typeparam name="T">The number type.</typeparam>
internal static class RuleConstants<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>½.</summary>
    public static readonly T Half = T.One / (T.One + T.One);

    /// <summary>2.</summary>
    public static readonly T Two = T.One + T.One;

    /// <summary>3.</summary>
    public static readonly T Three = T.One + T.One + T.One;

    /// <summary>4.</summary>
    public static readonly T Four = T.CreateTruncating(4);

    /// <summary>20 (above it, 1 + e^(−2|x|) rounds to 1 in every supported precision).</summary>
    public static readonly T Twenty = T.CreateTruncating(20);

    /// <summary>ln 2, correctly rounded to <typeparamref name="T"/> (from the double nearest ln 2).</summary>
    public static readonly T Ln2 = T.CreateTruncating(0.693147180559945309417232121458176568);

    /// <summary>ln 10.</summary>
    public static readonly T Ln10 = T.CreateTruncating(2.30258509299404568401799145468436421);

    /// <summary>π.</summary>
    public static readonly T Pi = T.Pi;

    /// <summary>π².</summary>
    public static readonly T PiSquared = T.CreateTruncating(9.86960440108935861883449099987615114);

    /// <summary>(ln 2)².</summary>
    public static readonly T Ln2Squared = T.CreateTruncating(0.480453013918201424667102526326649717);

    /// <summary>(ln 10)².</summary>
    public static readonly T Ln10Squared = T.CreateTruncating(5.30189811047839801056166638859401769);

    /// <summary>π / 180.</summary>
    public static readonly T RadiansPerDegree = T.CreateTruncating(0.0174532925199432957692369076848861271);

    /// <summary>180 / π.</summary>
    public static readonly T DegreesPerRadian = T.CreateTruncating(57.2957795130823208767981548141051703);
}

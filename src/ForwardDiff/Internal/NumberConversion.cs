using System.Numerics;

namespace ForwardDiff.Internal;

/// <summary>Which of the three generic-math conversion families is being performed.</summary>
internal enum NumberConversionKind
{
    /// <summary><c>CreateChecked</c>: overflow throws.</summary>
    Checked,

    /// <summary><c>CreateSaturating</c>: overflow clamps.</summary>
    Saturating,

    /// <summary><c>CreateTruncating</c>: overflow wraps or truncates as the target defines.</summary>
    Truncating,
}

/// <summary>
/// Implemented by every dual flavour so that conversions between flavours and element types keep the first
/// derivative (a <c>Dual&lt;float&gt;</c> converted to <c>Dual&lt;double&gt;</c> is still a dual, not a constant).
/// </summary>
internal interface IDualComponents : ICompositeNumber
{
    /// <summary>Converts the value and the first derivative to <typeparamref name="TTarget"/>.</summary>
    bool TryConvertComponents<TTarget>(NumberConversionKind kind, out TTarget value, out TTarget derivative)
        where TTarget : INumberBase<TTarget>;
}

/// <summary>Conversion plumbing shared by every dual flavour's <c>TryConvertFrom*</c> / <c>TryConvertTo*</c>.</summary>
internal static class NumberConversion
{
    /// <summary>
    /// Converts with the requested family. Returns false (instead of throwing <see cref="NotSupportedException"/>)
    /// when neither type knows the other, so the caller can report "not supported" the generic-math way;
    /// <see cref="OverflowException"/> from a checked conversion propagates.
    /// </summary>
    public static bool TryConvert<TFrom, TTo>(TFrom value, NumberConversionKind kind, out TTo result)
        where TFrom : INumberBase<TFrom>
        where TTo : INumberBase<TTo>
    {
        try
        {
            result = kind switch
            {
                NumberConversionKind.Checked => TTo.CreateChecked(value),
                NumberConversionKind.Saturating => TTo.CreateSaturating(value),
                _ => TTo.CreateTruncating(value),
            };
            return true;
        }
        catch (NotSupportedException)
        {
            result = default!;
            return false;
        }
    }

    /// <summary>
    /// The shared body of <c>TryConvertFrom*</c> for a flavour whose value and first derivative have type
    /// <typeparamref name="T"/>: the same element type embeds as a constant, another dual keeps its derivative, any
    /// other number converts through <typeparamref name="T"/> with derivative 0.
    /// </summary>
    public static bool TryConvertFrom<TOther, T>(TOther value, NumberConversionKind kind, out T resultValue, out T resultDerivative)
        where TOther : INumberBase<TOther>
        where T : INumberBase<T>
    {
        resultDerivative = T.Zero;
        if (typeof(TOther) == typeof(T))
        {
            resultValue = (T)(object)value;
            return true;
        }

        if (value is IDualComponents dual)
        {
            return dual.TryConvertComponents(kind, out resultValue, out resultDerivative);
        }

        return TryConvert(value, kind, out resultValue);
    }
}

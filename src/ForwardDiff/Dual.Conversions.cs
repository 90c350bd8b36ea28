using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using ForwardDiff.Internal;

namespace ForwardDiff;

public readonly partial struct Dual<T>
{
    //
    // INumberBase conversions
    //
    // From: T itself embeds as a constant; another dual flavour keeps its derivative (converted element-wise); any
    // other number converts through T with derivative 0. To: a non-dual target takes the value (the derivative has
    // no place in a double or an int); dual targets are handled by their own TryConvertFrom.

    /// <inheritdoc cref="INumberBase{TSelf}.TryConvertFromChecked{TOther}(TOther, out TSelf)" />
    static bool INumberBase<Dual<T>>.TryConvertFromChecked<TOther>(TOther value, out Dual<T> result)
        => TryConvertFrom(value, NumberConversionKind.Checked, out result);

    /// <inheritdoc cref="INumberBase{TSelf}.TryConvertFromSaturating{TOther}(TOther, out TSelf)" />
    static bool INumberBase<Dual<T>>.TryConvertFromSaturating<TOther>(TOther value, out Dual<T> result)
        => TryConvertFrom(value, NumberConversionKind.Saturating, out result);

    /// <inheritdoc cref="INumberBase{TSelf}.TryConvertFromTruncating{TOther}(TOther, out TSelf)" />
    static bool INumberBase<Dual<T>>.TryConvertFromTruncating<TOther>(TOther value, out Dual<T> result)
        => TryConvertFrom(value, NumberConversionKind.Truncating, out result);

    /// <inheritdoc cref="INumberBase{TSelf}.TryConvertToChecked{TOther}(TSelf, out TOther)" />
    static bool INumberBase<Dual<T>>.TryConvertToChecked<TOther>(Dual<T> value, [MaybeNullWhen(false)] out TOther result)
        => NumberConversion.TryConvert(value.Value, NumberConversionKind.Checked, out result);

    /// <inheritdoc cref="INumberBase{TSelf}.TryConvertToSaturating{TOther}(TSelf, out TOther)" />
    static bool INumberBase<Dual<T>>.TryConvertToSaturating<TOther>(Dual<T> value, [MaybeNullWhen(false)] out TOther result)
        => NumberConversion.TryConvert(value.Value, NumberConversionKind.Saturating, out result);

    /// <inheritdoc cref="INumberBase{TSelf}.TryConvertToTruncating{TOther}(TSelf, out TOther)" />
    static bool INumberBase<Dual<T>>.TryConvertToTruncating<TOther>(Dual<T> value, [MaybeNullWhen(false)] out TOther result)
        => NumberConversion.TryConvert(value.Value, NumberConversionKind.Truncating, out result);

    /// <summary>Converts value and derivative to <typeparamref name="TTarget"/> (used when another dual type converts from this one).</summary>
    bool IDualComponents.TryConvertComponents<TTarget>(NumberConversionKind kind, out TTarget value, out TTarget derivative)
    {
        if (NumberConversion.TryConvert(Value, kind, out value) && NumberConversion.TryConvert(Derivative, kind, out derivative))
        {
            return true;
        }

        derivative = TTarget.Zero;
        return false;
    }

    private static bool TryConvertFrom<TOther>(TOther value, NumberConversionKind kind, out Dual<T> result)
        where TOther : INumberBase<TOther>
    {
        if (NumberConversion.TryConvertFrom(value, kind, out T resultValue, out T resultDerivative))
        {
            result = new(resultValue, resultDerivative);
            return true;
        }

        result = Zero;
        return false;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using ForwardDiff.Internal;

namespace ForwardDiff;

public readonly partial struct HyperDual<T>
{
    //
    // INumberBase conversions (the plumbing is ForwardDiff.Internal.NumberConversion, shared with Dual<T>)
    //
    // From: T itself embeds as a constant; another dual flavour keeps its first derivative, which becomes both ε₁ and
    // ε₂ (the seeding of Variable: a + d ε becomes a + d ε₁ + d ε₂, with no second-order part); any other number
    // converts through T with zero perturbations; a hyper-dual over another element type keeps all four components. To: a non-dual target takes the real part; another dual flavour
    // takes the real part and ε₁ (IDualComponents).

    /// <inheritdoc cref="INumberBase{TSelf}.TryConvertFromChecked{TOther}(TOther, out TSelf)" />
    static bool INumberBase<HyperDual<T>>.TryConvertFromChecked<TOther>(TOther value, out HyperDual<T> result)
        => TryConvertFrom(value, NumberConversionKind.Checked, out result);

    /// <inheritdoc cref="INumberBase{TSelf}.TryConvertFromSaturating{TOther}(TOther, out TSelf)" />
    static bool INumberBase<HyperDual<T>>.TryConvertFromSaturating<TOther>(TOther value, out HyperDual<T> result)
        => TryConvertFrom(value, NumberConversionKind.Saturating, out result);

    /// <inheritdoc cref="INumberBase{TSelf}.TryConvertFromTruncating{TOther}(TOther, out TSelf)" />
    static bool INumberBase<HyperDual<T>>.TryConvertFromTruncating<TOther>(TOther value, out HyperDual<T> result)
        => TryConvertFrom(value, NumberConversionKind.Truncating, out result);

    /// <inheritdoc cref="INumberBase{TSelf}.TryConvertToChecked{TOther}(TSelf, out TOther)" />
    static bool INumberBase<HyperDual<T>>.TryConvertToChecked<TOther>(HyperDual<T> value, [MaybeNullWhen(false)] out TOther result)
        => NumberConversion.TryConvert(value.Value, NumberConversionKind.Checked, out result);

    /// <inheritdoc cref="INumberBase{TSelf}.TryConvertToSaturating{TOther}(TSelf, out TOther)" />
    static bool INumberBase<HyperDual<T>>.TryConvertToSaturating<TOther>(HyperDual<T> value, [MaybeNullWhen(false)] out TOther result)
        => NumberConversion.TryConvert(value.Value, NumberConversionKind.Saturating, out result);

    /// <inheritdoc cref="INumberBase{TSelf}.TryConvertToTruncating{TOther}(TSelf, out TOther)" />
    static bool INumberBase<HyperDual<T>>.TryConvertToTruncating<TOther>(HyperDual<T> value, [MaybeNullWhen(false)] out TOther result)
        => NumberConversion.TryConvert(value.Value, NumberConversionKind.Truncating, out result);

    /// <summary>Converts the real part and ε₁ (the first derivative) to <typeparamref name="TTarget"/>, for another dual flavour converting from this one.</summary>
    bool IDualComponents.TryConvertComponents<TTarget>(NumberConversionKind kind, out TTarget value, out TTarget derivative)
    {
        if (NumberConversion.TryConvert(Value, kind, out value) && NumberConversion.TryConvert(E1, kind, out derivative))
        {
            return true;
        }

        derivative = TTarget.Zero;
        return false;
    }

    /// <summary>Converts all four components to <typeparamref name="TTarget"/>, for a hyper-dual over another element type.</summary>
    bool IHyperDualComponents.TryConvertComponents<TTarget>(NumberConversionKind kind, out TTarget value, out TTarget e1, out TTarget e2, out TTarget e1e2)
    {
        e2 = TTarget.Zero;
        e1e2 = TTarget.Zero;
        if (NumberConversion.TryConvert(Value, kind, out value)
            && NumberConversion.TryConvert(E1, kind, out e1)
            && NumberConversion.TryConvert(E2, kind, out e2)
            && NumberConversion.TryConvert(E1E2, kind, out e1e2))
        {
            return true;
        }

        e1 = TTarget.Zero;
        return false;
    }

    private static bool TryConvertFrom<TOther>(TOther value, NumberConversionKind kind, out HyperDual<T> result)
        where TOther : INumberBase<TOther>
    {
        if (typeof(TOther) == typeof(HyperDual<T>))
        {
            result = (HyperDual<T>)(object)value;
            return true;
        }

        if (value is IHyperDualComponents hyper)
        {
            if (hyper.TryConvertComponents(kind, out T v, out T e1, out T e2, out T e1e2))
            {
                result = new(v, e1, e2, e1e2);
                return true;
            }

            result = Zero;
            return false;
        }

        if (NumberConversion.TryConvertFrom(value, kind, out T resultValue, out T resultDerivative))
        {
            result = new(resultValue, resultDerivative, resultDerivative, T.Zero);
            return true;
        }

        result = Zero;
        return false;
    }
}

/// <summary>Implemented by every <see cref="HyperDual{T}"/> so that a conversion between element types keeps all four components.</summary>
internal interface IHyperDualComponents
{
    /// <summary>Converts the real part, ε₁, ε₂ and ε₁ε₂ to <typeparamref name="TTarget"/>.</summary>
    bool TryConvertComponents<TTarget>(NumberConversionKind kind, out TTarget value, out TTarget e1, out TTarget e2, out TTarget e1e2)
        where TTarget : INumberBase<TTarget>;
}

namespace ForwardDiff.Internal;

/// <summary>
/// Marker for number types made of several components (every dual flavour). Formatting uses it to decide whether a
/// component needs parentheses, e.g. the derivative of a <c>Dual&lt;Dual&lt;double&gt;&gt;</c>.
/// </summary>
internal interface ICompositeNumber
{
}

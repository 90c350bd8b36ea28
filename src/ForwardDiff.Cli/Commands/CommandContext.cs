using ForwardDiff.Cli.Output;

namespace ForwardDiff.Cli.Commands;

/// <summary>What every command needs: where to write, how to format numbers, and whether to write JSON.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error (diagnostics only; results always go to <paramref name="Out"/>).</param>
/// <param name="Format">Number format (<c>--digits</c>).</param>
/// <param name="Json">Whether <c>--json</c> was given.</param>
internal sealed record CommandContext(TextWriter Out, TextWriter Error, NumberFormat Format, bool Json)
{
    /// <summary>Formats a number with <see cref="Format"/>.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Its text.</returns>
    public string F(double value) => Format.Format(value);
}

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A usage or parse error: the command line or the expression is wrong.</summary>
    public const int Usage = 1;

    /// <summary>An evaluation error: a result is NaN or infinite (outside the domain), or a check failed.</summary>
    public const int Evaluation = 2;
}

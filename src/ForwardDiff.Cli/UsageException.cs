namespace ForwardDiff.Cli;

/// <summary>A user mistake on the command line (exit code 1): the message says what to do instead.</summary>
internal sealed class UsageException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public UsageException(string message)
        : base(message)
    {
    }
}

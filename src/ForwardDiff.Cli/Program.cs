namespace ForwardDiff.Cli;

/// <summary>The <c>fdiff</c> entry point.</summary>
public static class Program
{
    /// <summary>Runs fdiff.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The process exit code.</returns>
    public static int Main(string[] args)
    {
        Console.WriteLine("fdiff: the command-line tool is being built (issue 6).");
        return args.Length == 0 ? 0 : 1;
    }
}

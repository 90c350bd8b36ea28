namespace ForwardDiff.Cli;

/// <summary>The <c>fdiff</c> entry point.</summary>
public static class Program
{
    /// <summary>Runs fdiff.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The process exit code: 0 ok, 1 usage or parse error, 2 evaluation error.</returns>
    public static int Main(string[] args) => Cli.Run(args, Console.Out, Console.Error);
}

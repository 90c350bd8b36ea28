namespace ForwardDiff.Cli.Tests;

/// <summary>Runs fdiff in-process and captures its exit code, standard output and standard error.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

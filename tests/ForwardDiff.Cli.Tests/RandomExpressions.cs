using System.Globalization;
using System.Text;
using ForwardDiff.Cli.Expressions;

namespace ForwardDiff.Cli.Tests;

/// <summary>Generates random valid expression text, with random spacing and redundant parentheses.</summary>
internal sealed class RandomExpressions(int seed)
{
    private static readonly string[] Variables = ["x", "y", "z"];
    private static readonly FunctionInfo[] Functions = [.. FunctionTable.All];
    private readonly Random random = new(seed);

    public Random Random => random;

    public string Next(int maxDepth)
    {
        var sb = new StringBuilder();
        Append(sb, maxDepth);
        return sb.ToString();
    }

    private void Space(StringBuilder sb)
    {
        if (random.Next(4) == 0)
        {
            sb.Append(random.Next(3) == 0 ? "\t" : " ");
        }
    }

    private void Append(StringBuilder sb, int depth)
    {
        Space(sb);
        var choice = depth <= 0 ? random.Next(3) : random.Next(9);
        switch (choice)
        {
            case 0:
                sb.Append(Number());
                break;
            case 1:
                sb.Append(Variables[random.Next(Variables.Length)]);
                break;
            case 2:
                sb.Append(random.Next(2) == 0 ? "pi" : "e");
                break;
            case 3:
            case 4:
            case 5:
                Append(sb, depth - 1);
                Space(sb);
                sb.Append("+-*/^"[random.Next(5)]);
                Append(sb, depth - 1);
                break;
            case 6:
                sb.Append('-');
                Append(sb, depth - 1);
                break;
            case 7:
                sb.Append('(');
                Append(sb, depth - 1);
                sb.Append(')');
                break;
            default:
                var f = Functions[random.Next(Functions.Length)];
                sb.Append(f.Name).Append('(');
                for (var i = 0; i < f.Arity; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Append(sb, depth - 1);
                }

                sb.Append(')');
                break;
        }

        Space(sb);
    }

    private string Number() => random.Next(5) switch
    {
        0 => random.Next(10).ToString(CultureInfo.InvariantCulture),
        1 => (random.NextDouble() * 10).ToString("R", CultureInfo.InvariantCulture),
        2 => $"{random.Next(1, 10)}e{random.Next(-30, 30)}",
        3 => $".{random.Next(1000)}",
        _ => (random.NextDouble() * Math.Pow(10, random.Next(-300, 300))).ToString("R", CultureInfo.InvariantCulture),
    };
}

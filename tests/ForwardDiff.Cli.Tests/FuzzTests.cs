using System.Diagnostics;
using System.Text;
using ForwardDiff.Cli.Expressions;

namespace ForwardDiff.Cli.Tests;

/// <summary>
/// 10⁵ random and mutated inputs through parse and evaluate: nothing escapes but the documented
/// <see cref="ExpressionParseException"/>, nothing hangs, and deep nesting fails cleanly.
/// </summary>
public sealed class FuzzTests
{
    private const int Inputs = 100_000;
    private const string Alphabet = "xyz0123456789.eE+-*/^(),; \t$#_πabcdefghijklmnopqrstuvw";
    private static readonly string[] Tokens =
    [
        "x", "y", "1", "2.5", "1e308", "1e-320", "pi", "e", "+", "-", "*", "/", "^", "**", "(", ")", ",", " ",
        "sin(", "log(", "atan2(", "pow(", "sqrt(", "exp(", "clamp(", "fma(", "abs(", "sni(", "$", "\0", "\u2212",
    ];

    [Test]
    public void ParseAndEvaluate_HundredThousandHostileInputs_OnlyDocumentedErrorsAndNoHang()
    {
        var generator = new RandomExpressions(seed: 777);
        var random = generator.Random;
        var parsed = 0;
        var rejected = 0;
        var perKind = new TimeSpan[10];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        for (var n = 0; n < Inputs; n++)
        {
            var started = stopwatch.Elapsed;
            var text = (n % 10) switch
            {
                0 => RandomChars(random, random.Next(0, 40)),
                1 => RandomTokens(random, random.Next(0, 30)),
                2 => Nested(random),
                3 => HugeNumber(random),
                4 when n % 1000 == 4 => Long(generator, random),
                4 => string.Empty.PadLeft(random.Next(0, 4)),
                _ => Mutate(random, generator.Next(random.Next(1, 6))),
            };

            // Every input goes through TryParse (the no-throw path); every tenth also through Parse, which must
            // either succeed the same way or throw exactly the documented ExpressionParseException.
            var ok = ExpressionParser.TryParse(text, out var e, out var error);
            if (n % 10 == 7)
            {
                Exception? thrown = null;
                try
                {
                    _ = Expression.Parse(text);
                }
                catch (Exception ex)
                {
                    thrown = ex;
                }

                if (ok)
                {
                    Assert.That(thrown, Is.Null, text);
                }
                else
                {
                    Assert.That(thrown, Is.TypeOf<ExpressionParseException>().And.Property("Position").EqualTo(error!.Position), text);
                }
            }

            if (!ok)
            {
                rejected++;
                Assert.That(error!.Position, Is.InRange(0, text.Length), text);
                perKind[n % 10] += stopwatch.Elapsed - started;
                continue;
            }

            parsed++;
            var point = e!.Variables.Select(_ => (random.NextDouble() * 6) - 3).ToArray();
            _ = e.Evaluate<double>(point);
            if (n % 4 == 0)
            {
                var duals = point.Select(v => Dual<double>.Variable(v)).ToArray();
                _ = e.Evaluate<Dual<double>>(duals);
            }

            if (text.Length < 2_000)
            {
                var printed = e.ToString();
                Assert.That(Expression.Parse(printed).ToString(), Is.EqualTo(printed), text);
            }

            perKind[n % 10] += stopwatch.Elapsed - started;
        }

        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        TestContext.Out.WriteLine($"{Inputs} inputs: {parsed} parsed, {rejected} rejected, {stopwatch.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU");
        TestContext.Out.WriteLine("seconds by kind (chars, tokens, nesting, huge numbers, long/empty, mutated x5): " +
            string.Join(", ", perKind.Select(t => t.TotalSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(parsed + rejected, Is.EqualTo(Inputs));
        Assert.That(parsed, Is.GreaterThan(Inputs / 10), "the generator should produce a fair share of valid input");
        Assert.That(rejected, Is.GreaterThan(Inputs / 10), "the generator should produce a fair share of invalid input");
        // CPU time, not wall time: on a shared, overloaded build machine wall time measures the neighbours.
        Assert.That(cpu, Is.LessThan(TimeSpan.FromSeconds(10)), "10^5 inputs must stay within 10 s of CPU");
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(120)), "nothing may hang");
    }

    private static string RandomChars(Random random, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(random.Next(20) == 0 ? (char)random.Next(0, 0xD7FF) : Alphabet[random.Next(Alphabet.Length)]);
        }

        return sb.ToString();
    }

    private static string RandomTokens(Random random, int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(Tokens[random.Next(Tokens.Length)]);
        }

        return sb.ToString();
    }

    private static string Nested(Random random)
    {
        var depth = random.Next(2) == 0 ? random.Next(1, 400) : random.Next(1, 5_000);
        var open = random.Next(5) switch { 0 => "(", 1 => "-", 2 => "sin(", 3 => "x^", _ => "(-" };
        var close = open is "-" or "x^" ? string.Empty : ")";
        var closing = random.Next(4) == 0 ? Math.Max(0, depth - random.Next(0, 3)) : depth;
        var sb = new StringBuilder((open.Length * depth) + 1 + closing);
        sb.Insert(0, open, depth).Append('x');
        return close.Length == 0 ? sb.ToString() : sb.Append(')', closing).ToString();
    }

    private static string HugeNumber(Random random) => random.Next(6) switch
    {
        0 => new string('9', random.Next(300, 400)),
        1 => "1e" + random.Next(300, 100_000),
        2 => "0." + new string('0', random.Next(300, 400)) + "1",
        3 => "1e308*10*x",
        4 => "1e-" + random.Next(300, 100_000) + "/x",
        _ => "2^" + random.Next(1000, 5000) + "-2^" + random.Next(1000, 5000),
    };

    private static string Long(RandomExpressions generator, Random random)
    {
        var sb = new StringBuilder();
        while (sb.Length < 10_000)
        {
            sb.Append(generator.Next(3)).Append(random.Next(2) == 0 ? " + " : "*");
        }

        sb.Append('x');
        return random.Next(2) == 0 ? sb.ToString() : Mutate(random, sb.ToString());
    }

    private static string Mutate(Random random, string text)
    {
        var chars = new StringBuilder(text);
        var mutations = random.Next(0, 4);
        for (var m = 0; m < mutations && chars.Length > 0; m++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(4))
            {
                case 0:
                    chars.Remove(at, 1);
                    break;
                case 1:
                    chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    var length = random.Next(1, Math.Min(10, chars.Length - at) + 1);
                    chars.Insert(at, chars.ToString(at, length));
                    break;
                default:
                    chars[at] = Tokens[random.Next(Tokens.Length)][0];
                    break;
            }
        }

        return chars.ToString();
    }
}

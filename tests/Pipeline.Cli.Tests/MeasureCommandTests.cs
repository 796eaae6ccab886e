using Xunit;

namespace Pipeline.Cli.Tests;

/// <summary>`pipeline measure` on a small hand-made corpus (never the shared one).</summary>
public class MeasureCommandTests
{
    private const string Prompt = "Get the best of our reporting on the region in your morning briefing from the foreign desk every weekday.";

    [Fact]
    public void Measure_SmallCorpus_ReportsRecallBoilerplateAndClusters()
    {
        using var folder = new TempFolder();
        var wire = System.IO.File.ReadAllBytes(CliRun.Seed("000"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "paper"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "wire"));
        folder.Write("wire/strikes.txt", wire);
        folder.Write("paper/strikes.txt", wire);
        var index = new System.Text.StringBuilder("file\tevent\n");
        index.Append("wire/strikes.txt\tstrikes\npaper/strikes.txt\tstrikes\n");
        foreach (var story in new[] { "alpha", "beta", "gamma" })
        {
            folder.Write($"paper/{story}.txt", System.Text.Encoding.UTF8.GetBytes($"{Story(story)}\n\n{Prompt}\n\n{Story(story + "x")}"));
            index.Append(System.Globalization.CultureInfo.InvariantCulture, $"paper/{story}.txt\t{story}\n");
        }

        folder.Write("index.tsv", System.Text.Encoding.UTF8.GetBytes(index.ToString()));

        var run = CliRun.Of("measure", folder.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("5 articles kept of 5 read, 2 outlets, 4 stories", run.Output, StringComparison.Ordinal);
        Assert.Contains("(1 copies)", run.Output, StringComparison.Ordinal);
        Assert.Contains("  all           :", run.Output, StringComparison.Ordinal);
        Assert.Contains("boilerplate runs aligned", run.Output, StringComparison.Ordinal);
        Assert.Contains(": 0 / 3  0.000", run.Output, StringComparison.Ordinal);
        Assert.Contains("20 most widely carried clusters", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("BOILERPLATE", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("index.tsv", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_NoSuchFolder_NonZeroExit()
    {
        var run = CliRun.Of("measure", Path.Combine(Path.GetTempPath(), "no-such-corpus-" + Guid.NewGuid().ToString("n")));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("no such folder", run.Error, StringComparison.Ordinal);
    }

    // Made-up words seeded by the topic: articles about different topics share no run of words by chance.
    private static string Story(string topic)
    {
        var seed = 17;
        foreach (var c in topic)
        {
            seed = (seed * 31) + c;
        }

        var random = new Random(seed);
        var text = new System.Text.StringBuilder();
        for (var s = 0; s < 12; s++)
        {
            for (var w = 0; w < 10; w++)
            {
                for (var l = 0; l < 3; l++)
                {
                    text.Append("bcdfghklmnprstvz"[random.Next(16)]).Append("aeiou"[random.Next(5)]);
                }

                text.Append(w == 9 ? ". " : " ");
            }
        }

        return text.ToString().TrimEnd();
    }
}

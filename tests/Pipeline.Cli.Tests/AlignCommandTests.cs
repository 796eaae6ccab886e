using System.Text.Json;
using Xunit;

namespace Pipeline.Cli.Tests;

public class AlignCommandTests
{
    [Fact]
    public void Align_Seeds_PrintsJsonLinesWhoseOffsetsIndexTheFileText()
    {
        var run = CliRun.Of("align", CliRun.Seeds);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Lines();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            foreach (var side in new[] { "source", "target" })
            {
                var span = line.GetProperty(side);
                var text = System.IO.File.ReadAllText(span.GetProperty("file").GetString()!);
                var start = span.GetProperty("start").GetInt32();
                var end = span.GetProperty("end").GetInt32();
                Assert.Equal(text[start..end], span.GetProperty("text").GetString());
            }

            Assert.InRange(line.GetProperty("score").GetDouble(), 0.5, 1.0);
            Assert.Contains(line.GetProperty("kind").GetString(), new[] { "quote", "text", "copy" });
            Assert.All(line.GetProperty("diff").EnumerateArray(), run => Assert.Contains(run.GetProperty("op").GetString(), new[] { "equal", "insert", "delete" }));
        }
    }

    [Fact]
    public void Align_Seeds_KirbyQuoteAlignedAcrossThreeOutlets()
    {
        var lines = CliRun.Of("align", CliRun.Seeds).Lines();

        var kirby = lines.Where(l => Text(l, "source").Contains("nor are we deconflicting", StringComparison.Ordinal)).ToList();
        var files = kirby.SelectMany(l => new[] { File(l, "source"), File(l, "target") }).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["000", "001", "002"], files.Select(f => Path.GetFileName(f)[..3]));
    }

    [Fact]
    public void Align_MinScoreOne_OnlyIdenticalPassages()
    {
        var lines = CliRun.Of("align", CliRun.Seeds, "--min-score", "1").Lines();

        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(1.0, l.GetProperty("score").GetDouble()));
    }

    [Fact]
    public void Align_TableFormat_PrintsATable()
    {
        var run = CliRun.Of("align", CliRun.Seeds, "--format", "table");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Score", run.Output, StringComparison.Ordinal);
        Assert.Contains("{+", run.Output, StringComparison.Ordinal);
        Assert.Contains("[-", run.Output, StringComparison.Ordinal);
        Assert.Contains("quote", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Align_BadFilesAmongGoodOnes_ReportedOnStderrAndSkipped()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", System.IO.File.ReadAllBytes(CliRun.Seed("000")));
        folder.Write("b.txt", System.IO.File.ReadAllBytes(CliRun.Seed("001")));
        folder.Write("empty.txt", []);
        folder.Write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

        var run = CliRun.Of("align", folder.Path, Path.Combine(folder.Path, "missing.txt"));

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.Lines());
        Assert.Contains("empty.txt", run.Error, StringComparison.Ordinal);
        Assert.Contains("image.png", run.Error, StringComparison.Ordinal);
        Assert.Contains("missing.txt", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("empty.txt", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Align_SameArticleUnderManyNamesOfOneOutlet_AlignedOnce()
    {
        using var folder = new TempFolder();
        var copy = System.IO.File.ReadAllBytes(CliRun.Seed("000"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "agency"));
        for (var i = 0; i < 6; i++)
        {
            folder.Write($"agency/copy{i}.txt", copy);
        }

        folder.Write("other.txt", System.IO.File.ReadAllBytes(CliRun.Seed("001")));

        var run = CliRun.Of("align", folder.Path);

        var lines = run.Lines();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.EndsWith("copy0.txt", File(l, "source"), StringComparison.Ordinal));
        Assert.All(lines, l => Assert.EndsWith("other.txt", File(l, "target"), StringComparison.Ordinal));
        Assert.Contains("identical to", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Align_SameArticleInThreeOutlets_ShownAsCopiesOfTheFirstAndAlignedWithOthers()
    {
        using var folder = new TempFolder();
        var wire = System.IO.File.ReadAllBytes(CliRun.Seed("000"));
        foreach (var outlet in new[] { "c-outlet", "a-outlet", "b-outlet" })
        {
            Directory.CreateDirectory(Path.Combine(folder.Path, outlet));
            folder.Write($"{outlet}/wire.txt", wire);
        }

        folder.Write("other.txt", System.IO.File.ReadAllBytes(CliRun.Seed("001")));

        var run = CliRun.Of("align", folder.Path);

        var lines = run.Lines();
        var copies = lines.Where(l => l.GetProperty("kind").GetString() == "copy").ToList();
        Assert.Equal(2, copies.Count);
        Assert.All(copies, l => Assert.EndsWith(Path.Combine("a-outlet", "wire.txt"), File(l, "source"), StringComparison.Ordinal));
        Assert.Equal(["b-outlet", "c-outlet"], copies.Select(l => Path.GetFileName(Path.GetDirectoryName(File(l, "target")))).Order(StringComparer.Ordinal));
        // Each copy still aligns with the other article, so the clusters carry every outlet.
        foreach (var outlet in new[] { "a-outlet", "b-outlet", "c-outlet" })
        {
            Assert.Contains(lines, l => File(l, "source").Contains(outlet, StringComparison.Ordinal) && File(l, "target").EndsWith("other.txt", StringComparison.Ordinal));
        }

        Assert.DoesNotContain("identical to", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Align_FileLargerThanAnArticleMayBe_SkippedWithoutReadingIt()
    {
        using var folder = new TempFolder();
        var big = Path.Combine(folder.Path, "big.txt");
        using (var stream = System.IO.File.Create(big))
        {
            stream.SetLength(Pipeline.Core.Articles.ReadOptions.Default.MaxBytes + 1L);
        }

        folder.Write("a.txt", System.IO.File.ReadAllBytes(CliRun.Seed("000")));
        folder.Write("b.txt", System.IO.File.ReadAllBytes(CliRun.Seed("001")));

        var run = CliRun.Of("align", folder.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.Lines());
        Assert.Contains("big.txt", run.Error, StringComparison.Ordinal);
        Assert.Contains("too-large", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Align_OnlyUnreadableFiles_NonZeroExit()
    {
        using var folder = new TempFolder();
        folder.Write("empty.txt", []);

        var run = CliRun.Of("align", folder.Path);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("empty.txt", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("align")]
    [InlineData("align", "seeds", "--min-score", "3")]
    [InlineData("align", "seeds", "--format", "xml")]
    [InlineData("frobnicate")]
    [InlineData]
    public void Run_UsageError_NonZeroExitAndMessageOnStderr(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public void Align_AsAProcess_StdoutIsOnlyJsonLines()
    {
        var run = CliRun.Process("align", "seeds");

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.Lines());
        Assert.Empty(run.Error);
    }

    private static string Text(JsonElement line, string side) => line.GetProperty(side).GetProperty("text").GetString()!;

    private static string File(JsonElement line, string side) => line.GetProperty(side).GetProperty("file").GetString()!;
}

using Xunit;

namespace Pipeline.Cli.Tests;

public class NormalizeCommandTests
{
    [Fact]
    public void Normalize_Seed_PrintsItsProse()
    {
        var run = CliRun.Of("normalize", CliRun.Seed("001"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("We are not coordinating with nor are we deconflicting with Iranian military", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_MissingFile_NonZeroAndReason()
    {
        var run = CliRun.Of("normalize", Path.Combine(CliRun.Seeds, "nope.txt"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("nope.txt", run.Error, StringComparison.Ordinal);
    }
}

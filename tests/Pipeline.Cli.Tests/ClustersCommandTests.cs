using Xunit;

namespace Pipeline.Cli.Tests;

public class ClustersCommandTests
{
    [Fact]
    public void Clusters_Seeds_KirbyQuoteIsOneClusterOfFourOutlets()
    {
        var run = CliRun.Of("clusters", CliRun.Seeds);

        Assert.Equal(0, run.ExitCode);
        var clusters = run.Lines();
        var kirby = Assert.Single(clusters, c => c.GetProperty("members").EnumerateArray().Any(m => m.GetProperty("text").GetString()!.Contains("nor are we deconflicting", StringComparison.Ordinal)));
        var files = kirby.GetProperty("members").EnumerateArray().Select(m => Path.GetFileName(m.GetProperty("file").GetString()!)[..3]);
        // 004 carries only a short fragment of it, Kirby's "to de-conflict that airspace".
        Assert.Equal(["000", "001", "002", "004"], files);
        Assert.Matches("^c[0-9a-f]{16}$", kirby.GetProperty("id").GetString()!);
    }

    [Fact]
    public void Clusters_SameInputTwice_SameIds()
    {
        Assert.Equal(CliRun.Of("clusters", CliRun.Seeds).Output, CliRun.Of("clusters", CliRun.Seeds).Output);
    }
}

using Pipeline.Functions.Processing;
using Pipeline.Functions.Standalone;

namespace Pipeline.Functions.Tests.Standalone;

public sealed class SeedManifestTests
{
    [Fact]
    public void Parse_HeaderAndRows_EmptyCellsLeftOut()
    {
        var manifest = SeedManifest.Parse("file\toutlet\ttitle\turl\n000.txt\tAl Jazeera America\tUS strikes\t\n001.txt\tCBS DC\n\n");

        Assert.Equal(2, manifest.Count);
        Assert.Equal("Al Jazeera America", manifest["000.txt"]["outlet"]);
        Assert.Equal("US strikes", manifest["000.txt"]["title"]);
        Assert.False(manifest["000.txt"].ContainsKey("url"));
        Assert.Equal(["outlet"], manifest["001.txt"].Keys);
    }

    [Fact]
    public void Encode_NonAsciiAndPercent_RoundTripsThroughTheMetadataReader()
    {
        var encoded = SeedManifest.Encode("Café 100% «vrai»");

        Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal("Café 100% «vrai»", ArticleMetadata.From(new Dictionary<string, string> { ["title"] = encoded }).Title);
    }

    [Theory]
    [InlineData("name\toutlet\nx\ty", "line 1")]
    [InlineData("file\toutlet\nx\ty\tz", "line 2")]
    public void Parse_Malformed_NamesTheLine(string text, string line)
    {
        var error = Assert.Throws<FormatException>(() => SeedManifest.Parse(text));
        Assert.Contains(line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepositorySeeds_EveryRowNamesAFileAndEveryFileHasAnOutlet()
    {
        var seeds = Path.Combine(Support.Seeds.Folder, SeedManifest.FileName);
        var manifest = SeedManifest.Parse(File.ReadAllText(seeds));
        var files = Directory.GetFiles(Support.Seeds.Folder, "*.txt").Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(files, manifest.Keys.ToHashSet(StringComparer.Ordinal));
        Assert.All(manifest.Values, m => Assert.False(string.IsNullOrWhiteSpace(m.TryGetValue("outlet", out var outlet) ? outlet : null)));
    }
}

using Pipeline.Core.Candidates.Sharding;
using Xunit;

namespace Pipeline.Core.Tests.Candidates.Sharding;

public class ShardKeysTests
{
    [Fact]
    public void ShingleRow_RoundTrips_AndManifestRowsAreNotShingles()
    {
        Assert.True(ShardKeys.TryParseShingleRow(ShardKeys.ShingleRow(0xDEADBEEF12345678UL), out var hash));
        Assert.Equal(0xDEADBEEF12345678UL, hash);
        Assert.False(ShardKeys.TryParseShingleRow(ShardKeys.ManifestRow("news/a.txt"), out _));
    }

    [Fact]
    public void Partition_SpreadsMixedHashesEvenly()
    {
        var random = new Random(7);
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < 100_000; i++)
        {
            var partition = ShardKeys.Partition((ulong)random.NextInt64() * 0x9E3779B97F4A7C15UL, 10);
            counts[partition] = counts.GetValueOrDefault(partition) + 1;
        }

        Assert.Equal(10, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void Keys_AreValidTableKeys_ForAnyArticleName()
    {
        foreach (var name in new[] { "a/b#c?d\\e.txt", "ünïcødé/ニュース.txt", "" })
        {
            foreach (var key in new[] { ShardKeys.ManifestRow(name), ShardKeys.ManifestPartition(name, 16), ShardKeys.PostingProperty(name) })
            {
                Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
                Assert.True(char.IsAsciiLetter(key[0]));
            }
        }
    }
}

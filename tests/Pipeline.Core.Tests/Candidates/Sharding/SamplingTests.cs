using Pipeline.Core.Candidates;
using Pipeline.Core.Candidates.Sharding;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Candidates.Sharding;

public class SamplingTests
{
    [Fact]
    public void QuerySample_AnyStrideConsecutiveShingles_HoldOneSampled()
    {
        for (var stride = 1; stride <= 6; stride++)
        {
            for (var count = 0; count <= 120; count++)
            {
                var shingles = Enumerable.Range(0, count).Select(i => new Shingle((ulong)i, i)).ToList();
                var sampled = QuerySample.Of(shingles, stride).Select(s => s.Position).ToHashSet();
                for (var start = 0; start + stride <= count; start++)
                {
                    Assert.Contains(Enumerable.Range(start, stride), sampled.Contains);
                }
            }
        }
    }

    [Fact]
    public void QuerySample_DenseRanges_EveryShingleStartingInsideIsRead_TheStrideElsewhere()
    {
        var shingles = Enumerable.Range(0, 40).Select(i => new Shingle((ulong)i, i * 2)).ToList();
        var sampled = QuerySample.Of(shingles, 4, [(30, 7), (2, 0), (70, 100)]).Select(s => s.Position).ToList();

        // Positions 0, 8, 16, ... by stride; 30, 32, 34, 36 start inside [30, 37); 70..78 inside [70, 170); (2, 0) is empty.
        int[] expected = [0, 8, 16, 24, 30, 32, 34, 36, 40, 48, 56, 64, 70, 72, 74, 76, 78];
        Assert.Equal(expected, sampled);
        Assert.Equal(QuerySample.Of(shingles, 4), QuerySample.Of(shingles, 4, []));
    }

    [Fact]
    public void SharedQuoteOfFiveWords_InADenseRange_AtEveryOffset_SharesAReadShingle()
    {
        var random = new Random(12);
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => "w" + random.Next(1_000_000)));
        var quote = Words(5);
        var missedByStride = 0;
        for (var before = 0; before < 8; before++)
        {
            var stored = Fingerprint.Of(TestArticles.From("old", Words(before + 3) + " " + quote + " " + Words(20)), ShardingOptions.Fingerprint);
            var query = Fingerprint.Of(TestArticles.From("new", Words(before) + " " + quote + " " + Words(5)), ShardingOptions.Fingerprint);
            var storedHashes = stored.Select(s => s.Hash).ToHashSet();
            var dense = QuerySample.Of(query, ShardingOptions.Default.QueryStride, [(before, 5)]);
            Assert.True(dense.Any(s => storedHashes.Contains(s.Hash)), $"quote after {before} words was missed");
            missedByStride += QuerySample.Of(query, ShardingOptions.Default.QueryStride).Any(s => storedHashes.Contains(s.Hash)) ? 0 : 1;
        }

        // Without the range, the stride misses it at some offsets: what the dense range is for.
        Assert.True(missedByStride > 0);
    }

    [Fact]
    public void SharedRunOfEightWords_AnywhereInEitherArticle_SharesASampledStoredShingle()
    {
        // The guarantee the storage index gives the aligner: the older article stores every shingle, the newer one
        // looks up every 4th, so a shared run of 8 content words is found whatever its offset on either side.
        var random = new Random(11);
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => "w" + random.Next(1_000_000)));
        var run = Words(8);
        for (var before = 0; before < 12; before++)
        {
            var stored = Fingerprint.Of(TestArticles.From("old", Words(before + 3) + " " + run + " " + Words(20)), ShardingOptions.Fingerprint);
            var query = Fingerprint.Of(TestArticles.From("new", Words(before) + " " + run + " " + Words(5)), ShardingOptions.Fingerprint);
            var sampled = QuerySample.Of(query, ShardingOptions.Default.QueryStride).Select(s => s.Hash);
            Assert.True(sampled.Intersect(stored.Select(s => s.Hash)).Any(), $"run after {before} words was missed");
        }
    }

    [Fact]
    public void PointReadPlan_CoversEveryHashOnce_FourteenKeysPerPartitionRead()
    {
        var hashes = Enumerable.Range(0, 500).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToList();
        var reads = PointRead.Plan(hashes.Concat(hashes.Take(50)), 10);

        Assert.All(reads, r => Assert.InRange(r.RowKeys.Count, 1, PointRead.MaxKeys));
        Assert.All(reads, r => Assert.All(r.RowKeys, k => Assert.True(ShardKeys.TryParseShingleRow(k, out var h) && ShardKeys.Partition(h, 10) == r.Partition)));
        Assert.Equal(hashes.Select(ShardKeys.ShingleRow).Order(StringComparer.Ordinal), reads.SelectMany(r => r.RowKeys).Order(StringComparer.Ordinal));
        Assert.True(reads.Count <= (500 / PointRead.MaxKeys) + 10);
    }

    [Fact]
    public void ArticleManifest_PacksAndUnpacks_AcrossChunks()
    {
        var shingles = Enumerable.Range(0, 20_000).Select(i => new Shingle((ulong)(i % 17_000) * 31, i)).ToList();
        var manifest = ArticleManifest.For("a.txt", shingles, 20_000, 40_000);

        Assert.Equal(17_000, manifest.Hashes.Count);
        Assert.True(manifest.Hashes.SequenceEqual(manifest.Hashes.Order()));
        var chunks = manifest.PackHashes();
        Assert.Equal(3, chunks.Count);
        Assert.All(chunks, c => Assert.True(c.Length <= 64 * 1024));
        Assert.True(manifest.SameAs(manifest with { Hashes = ArticleManifest.UnpackHashes(chunks) }));
        Assert.False(manifest.SameAs(manifest with { Day = 1 }));
    }
}

using Pipeline.Core.Candidates;
using Pipeline.Core.Candidates.Sharding;
using Pipeline.Index.Counting;
using Pipeline.Index.Tables;

namespace Pipeline.Index.Tests;

/// <summary>Request bounds and Azure's limits, measured on the counting table.</summary>
public sealed class CountingTableTests
{
    [Theory]
    [InlineData(1, 16, 140, 190)]
    [InlineData(PointRead.MaxKeys, 10, 20, 35)]
    public async Task RequestsPerArticle_DoNotGrowWithTheCorpus(int rowsPerRead, int buckets, int least, int most)
    {
        var random = new Random(21);
        var table = new CountingIndexTable();
        var index = new ShardedCandidateIndex(table, ShardingOptions.Default with { RowsPerRead = rowsPerRead, Buckets = buckets });
        var perArticle = new List<long>();
        for (var i = 0; i < 300; i++)
        {
            var name = $"n{i:D3}.txt";
            var shingles = Texts.Shingles(name, Texts.Words(random, 600));
            var before = table.Traffic;
            await index.FindCandidatesAsync(name, shingles, Texts.Published);
            await index.IndexAsync(name, shingles, Texts.Published);
            perArticle.Add(table.Traffic.Since(before).Requests);
        }

        // 600 words: 150 sampled shingles read one by one, or 14 to a query over 10 partitions (about 2 each);
        // one transaction per partition; 1 manifest read.
        Assert.InRange(perArticle.Take(50).Average(), least, most);
        Assert.InRange(perArticle.Skip(250).Average() - perArticle.Take(50).Average(), -1.5, 1.5);
        Assert.True(table.Traffic.Hottest().Share <= 1.0 / 8, $"hottest partition took {table.Traffic.Hottest().Share:P1}");
    }

    [Fact]
    public async Task RowAtThePropertyLimit_BecomesCommon_WithoutFailingTheIndexing()
    {
        var random = new Random(22);
        var table = new CountingIndexTable();
        var candidates = new CandidateOptions(MaxPostingsPerShingle: 1_000);
        const string Shared = "harbour authority confirmed container cranes resumed loading overnight";
        for (var i = 0; i < CountingIndexTable.MaxProperties + 5; i++)
        {
            // A fresh index each time: no process remembers the row is full, the table's refusal is what stops it.
            await new ShardedCandidateIndex(table, candidates: candidates).IndexAsync($"h{i:D3}.txt", Texts.With(random, $"h{i:D3}.txt", Shared, after: 10), Texts.Published);
        }

        var found = await new ShardedCandidateIndex(table, candidates: candidates).FindCandidatesAsync("q.txt", Texts.With(random, "q.txt", Shared), Texts.Published);
        Assert.True(found.Count < CountingIndexTable.MaxProperties);
    }

    [Fact]
    public async Task Limits_AreEnforced_LikeAzure()
    {
        var table = new CountingIndexTable();
        var tooMany = Enumerable.Range(0, 15).Select(i => ShardKeys.ShingleRow((ulong)i)).ToList();
        await Assert.ThrowsAsync<ArgumentException>(() => table.ReadRowsAsync(new PointRead("b00", tooMany), CancellationToken.None));
        var writes = Enumerable.Range(0, 101).Select(i => TableWrite.Merge(ShardKeys.ShingleRow((ulong)i), new Dictionary<string, object?>())).ToList();
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitAsync("b00", writes, CancellationToken.None));

        var rejected = await Assert.ThrowsAsync<TableWriteRejectedException>(() => table.SubmitAsync(
            "b00",
            [TableWrite.Merge("r1", new Dictionary<string, object?> { ["x"] = "1" }), TableWrite.Delete("missing")],
            CancellationToken.None));
        Assert.Equal((1, 404), (rejected.FailedIndex, rejected.Status));
        Assert.Empty(await table.ReadRowsAsync(new PointRead("b00", ["r1"]), CancellationToken.None));
        // Calls that break a limit are bugs caught before sending, so only the refused transaction and the read count.
        Assert.Equal(2, table.Traffic.Requests);
    }

    [Fact]
    public void Filter_IsOnePartitionAndOredRowKeys()
    {
        Assert.Equal(
            "PartitionKey eq 'b03' and (RowKey eq '00ff' or RowKey eq 'it''s')",
            AzureIndexTable.Filter(new PointRead("b03", ["00ff", "it's"])));
    }
}

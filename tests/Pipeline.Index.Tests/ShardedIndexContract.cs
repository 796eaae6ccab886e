using Pipeline.Core.Candidates;
using Pipeline.Core.Candidates.Sharding;
using Pipeline.Index.Tables;

namespace Pipeline.Index.Tests;

/// <summary>What the sharded index promises, run against each table implementation (Azurite and the counting table).</summary>
public abstract class ShardedIndexContract
{
    private const string Quote = "Iranian military forces deconflicting airspace above Diyala province yesterday evening";

    /// <summary>The layout under test: point GETs by default, packed filter reads in the *PackedReads classes.</summary>
    protected virtual ShardingOptions Sharding => ShardingOptions.Default;

    protected abstract Task<IIndexTable> NewTableAsync();

    [Fact]
    public async Task SharedPassage_FindsPartner_NotUnrelated_NotItself()
    {
        var random = new Random(1);
        var index = new ShardedCandidateIndex(await NewTableAsync(), Sharding);
        var a = Texts.With(random, "a.txt", Quote);
        var b = Texts.With(random, "b.txt", Quote, before: 90);
        var c = Texts.Shingles("c.txt", Texts.Words(random, 300));
        await index.IndexAsync("a.txt", a, Texts.Published);
        await index.IndexAsync("c.txt", c, Texts.Published);

        Assert.Equal(["a.txt"], Names(await index.FindCandidatesAsync("b.txt", b, Texts.Published)));
        await index.IndexAsync("b.txt", b, Texts.Published);
        Assert.Equal(["b.txt"], Names(await index.FindCandidatesAsync("a.txt", a, Texts.Published)));
        Assert.Empty(await index.FindCandidatesAsync("c.txt", c, Texts.Published));
    }

    [Fact]
    public async Task ShardOfEightWords_AtEveryOffset_IsFound()
    {
        var random = new Random(2);
        var index = new ShardedCandidateIndex(await NewTableAsync(), Sharding);
        var run = Texts.Words(random, 8);
        await index.IndexAsync("stored.txt", Texts.With(random, "stored.txt", run, before: 17), Texts.Published);
        for (var before = 0; before < 8; before++)
        {
            var query = Texts.With(random, "q.txt", run, before: before, after: 30);
            Assert.Equal(["stored.txt"], Names(await index.FindCandidatesAsync("q.txt", query, Texts.Published)));
        }
    }

    [Fact]
    public async Task ShortQuote_InADenseRange_IsFoundAtEveryOffset()
    {
        var random = new Random(5);
        var index = new ShardedCandidateIndex(await NewTableAsync(), Sharding);
        var quote = Texts.Words(random, 5);
        await index.IndexAsync("quoted.txt", Texts.With(random, "quoted.txt", quote, before: 23), Texts.Published);
        for (var before = 0; before < 8; before++)
        {
            var query = Texts.With(random, "q.txt", quote, before: before, after: 30);
            Assert.Equal(["quoted.txt"], Names(await index.FindCandidatesAsync("q.txt", query, Texts.Published, dense: [(before, 5)])));
        }
    }

    [Fact]
    public async Task Reindex_SameIsNoOp_ChangedDropsOldShingles()
    {
        var random = new Random(3);
        var index = new ShardedCandidateIndex(await NewTableAsync(), Sharding);
        var first = Texts.With(random, "x.txt", Quote);
        Assert.True(await index.IndexAsync("x.txt", first, Texts.Published));
        Assert.False(await index.IndexAsync("x.txt", first, Texts.Published));

        var other = "completely different shared wording about coastal shipping lanes tonight";
        Assert.True(await index.IndexAsync("x.txt", Texts.With(random, "x.txt", other), Texts.Published));
        Assert.Empty(await index.FindCandidatesAsync("q1.txt", Texts.With(random, "q1.txt", Quote), Texts.Published));
        Assert.Equal(["x.txt"], Names(await index.FindCandidatesAsync("q2.txt", Texts.With(random, "q2.txt", other), Texts.Published)));
    }

    [Fact]
    public async Task Version_ReturnedOnCandidates_NewVersionOfSameTextRewritesIt()
    {
        var random = new Random(4);
        var index = new ShardedCandidateIndex(await NewTableAsync(), Sharding);
        var text = Texts.With(random, "v.txt", Quote);
        await index.IndexAsync("v.txt", text, Texts.Published, "0x1");
        await index.IndexAsync("unversioned.txt", Texts.With(random, "unversioned.txt", Quote), Texts.Published);
        var query = Texts.With(random, "q.txt", Quote);

        var found = await index.FindCandidatesAsync("q.txt", query, Texts.Published);
        Assert.Equal("0x1", found.Single(c => c.Article == "v.txt").Version);
        Assert.Null(found.Single(c => c.Article == "unversioned.txt").Version);

        // Same words, new version (metadata changed): not a no-op, or readers would be sent to the old version.
        Assert.True(await index.IndexAsync("v.txt", text, Texts.Published, "0x2"));
        Assert.False(await index.IndexAsync("v.txt", text, Texts.Published, "0x2"));
        Assert.Equal("0x2", (await index.FindCandidatesAsync("q.txt", query, Texts.Published)).Single(c => c.Article == "v.txt").Version);
    }

    [Fact]
    public async Task Remove_ForgetsArticle_Once()
    {
        var random = new Random(4);
        var index = new ShardedCandidateIndex(await NewTableAsync(), Sharding);
        await index.IndexAsync("gone.txt", Texts.With(random, "gone.txt", Quote), Texts.Published);

        Assert.True(await index.RemoveAsync("gone.txt"));
        Assert.False(await index.RemoveAsync("gone.txt"));
        Assert.Empty(await index.FindCandidatesAsync("q.txt", Texts.With(random, "q.txt", Quote), Texts.Published));

        // Re-indexed after removal: found again (tombstones are overwritten).
        await index.IndexAsync("gone.txt", Texts.With(random, "gone.txt", Quote), Texts.Published);
        Assert.Equal(["gone.txt"], Names(await index.FindCandidatesAsync("q.txt", Texts.With(random, "q.txt", Quote), Texts.Published)));
    }

    [Fact]
    public async Task Remove_WithoutManifest_UsesGivenShingles()
    {
        var random = new Random(9);
        var table = await NewTableAsync();
        var index = new ShardedCandidateIndex(table, Sharding);
        var shingles = Texts.With(random, "half.txt", Quote);
        await index.IndexAsync("half.txt", shingles, Texts.Published);
        // Simulate an indexing that stopped before its last transaction: the manifest is missing.
        var manifestPartition = ShardKeys.ManifestPartition("half.txt", Sharding.Buckets);
        await table.SubmitAsync(manifestPartition, [TableWrite.Delete(ShardKeys.ManifestRow("half.txt"))], CancellationToken.None);

        Assert.False(await index.RemoveAsync("half.txt"));
        Assert.True(await index.RemoveAsync("half.txt", shingles));
        Assert.Empty(await index.FindCandidatesAsync("q.txt", Texts.With(random, "q.txt", Quote), Texts.Published));
    }

    [Fact]
    public async Task Window_LeavesOutArticlesPublishedTooFarApart()
    {
        var random = new Random(5);
        var index = new ShardedCandidateIndex(await NewTableAsync(), Sharding);
        await index.IndexAsync("old.txt", Texts.With(random, "old.txt", Quote), Texts.Published.AddDays(-10));
        await index.IndexAsync("recent.txt", Texts.With(random, "recent.txt", Quote), Texts.Published.AddDays(-2));
        var query = Texts.With(random, "q.txt", Quote);

        Assert.Equal(["recent.txt"], Names(await index.FindCandidatesAsync("q.txt", query, Texts.Published, new PublicationWindow(3))));
        Assert.Equal(["old.txt", "recent.txt"], Names(await index.FindCandidatesAsync("q.txt", query, Texts.Published)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ConcurrentIndexing_OfArticlesSharingRows_LosesNoPosting()
    {
        var random = new Random(6);
        var table = await NewTableAsync();
        var articles = Enumerable.Range(0, 24)
            .Select(i => ($"c{i:D2}.txt", Texts.With(random, $"c{i:D2}.txt", Quote, before: i)))
            .ToList();

        // Separate index objects stand for separate instances: nothing is shared but the table.
        await Task.WhenAll(articles.Select(a => new ShardedCandidateIndex(table, Sharding).IndexAsync(a.Item1, a.Item2, Texts.Published)));

        var found = await new ShardedCandidateIndex(table, Sharding).FindCandidatesAsync("q.txt", Texts.With(random, "q.txt", Quote), Texts.Published);
        Assert.Equal(articles.Select(a => a.Item1), Names(found).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ShingleOverTheCap_IsCommon_IgnoredAndShrunkToAMarker()
    {
        var random = new Random(7);
        var table = await NewTableAsync();
        var candidates = new CandidateOptions(MaxPostingsPerShingle: 3);
        var boilerplate = "regional festival organisers confirmed schedules remain unchanged despite heavy rainfall";
        for (var i = 0; i < 5; i++)
        {
            await new ShardedCandidateIndex(table, Sharding, candidates).IndexAsync($"p{i}.txt", Texts.With(random, $"p{i}.txt", boilerplate), Texts.Published);
        }

        var reader = new ShardedCandidateIndex(table, Sharding, candidates);
        var query = Texts.With(random, "q.txt", boilerplate);
        Assert.Empty(await reader.FindCandidatesAsync("q.txt", query, Texts.Published));
        Assert.True(reader.CachedCommonShingles > 0);

        // The reader replaced the over-full rows by markers: the rows now say common, and hold no postings.
        var passage = Texts.Shingles("passage.txt", Texts.Words(random, 10) + " " + boilerplate + ".").Select(s => s.Hash).Intersect(query.Select(s => s.Hash)).ToHashSet();
        var sampled = QuerySample.Of(query, Sharding.QueryStride).Where(s => passage.Contains(s.Hash)).ToList();
        Assert.NotEmpty(sampled);
        foreach (var shingle in sampled)
        {
            var read = new PointRead(ShardKeys.Partition(shingle.Hash, Sharding.Buckets), [ShardKeys.ShingleRow(shingle.Hash)]);
            var row = PostingRow.Parse(shingle.Hash, Assert.Single(await table.ReadRowsAsync(read, CancellationToken.None)).Properties);
            Assert.True(row.Common);
            Assert.Empty(row.Postings);
        }
    }

    internal static IReadOnlyList<string> Names(IEnumerable<Candidate> candidates) => candidates.Select(c => c.Article).ToList();
}

/// <summary>The contract against Azure Table Storage's emulator through the official SDK.</summary>
public sealed class AzuriteShardedIndexTests(AzuriteIndexFixture azurite) : ShardedIndexContract, IClassFixture<AzuriteIndexFixture>
{
    protected override async Task<IIndexTable> NewTableAsync() => await azurite.NewTableAsync();
}

/// <summary>The contract against the in-memory request-counting table the simulation uses.</summary>
public sealed class CountingShardedIndexTests : ShardedIndexContract
{
    protected override Task<IIndexTable> NewTableAsync() => Task.FromResult<IIndexTable>(new Counting.CountingIndexTable());
}

/// <summary>The contract on Azurite with lookups packed 14 rows to a filter query.</summary>
public sealed class AzuritePackedReadsTests(AzuriteIndexFixture azurite) : ShardedIndexContract, IClassFixture<AzuriteIndexFixture>
{
    protected override ShardingOptions Sharding { get; } = ShardingOptions.Default with { Buckets = 10, RowsPerRead = PointRead.MaxKeys };

    protected override async Task<IIndexTable> NewTableAsync() => await azurite.NewTableAsync();
}

/// <summary>The contract on the counting table with lookups packed 14 rows to a filter query.</summary>
public sealed class CountingPackedReadsTests : ShardedIndexContract
{
    protected override ShardingOptions Sharding { get; } = ShardingOptions.Default with { Buckets = 10, RowsPerRead = PointRead.MaxKeys };

    protected override Task<IIndexTable> NewTableAsync() => Task.FromResult<IIndexTable>(new Counting.CountingIndexTable());
}

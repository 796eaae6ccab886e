using Pipeline.Core.Candidates;
using Pipeline.Functions.Stores;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>The stored candidate index and each process's mirror of it, against Azurite: two stores stand for two app instances.</summary>
public sealed class CandidateIndexStoreTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task SecondInstance_SeesAdditionsReplacementsAndRemovals_OfTheFirst()
    {
        var (writer, reader) = await TwoInstancesAsync();
        var first = Shingles(1_000, 12_000);
        await writer.ReplaceAsync("mirror/first.txt", first, "sig-first");

        // Shingles from the third binary chunk (positions past 10,000) are found: the row's chunks decode in order.
        var query = first.Skip(11_000).Take(20).ToList();
        Assert.Equal(["mirror/first.txt"], await NamesAsync(reader, "query", query));

        // Written after the reader's first refresh: found by the incremental read.
        var second = Shingles(50_000, 300);
        await writer.ReplaceAsync("mirror/second.txt", second, "sig-second");
        Assert.Equal(["mirror/second.txt"], await NamesAsync(reader, "query", second.Take(10).ToList()));

        // Replaced with other content: the old shingles no longer lead to it, the new ones do.
        var replaced = Shingles(90_000, 300);
        Assert.Null(await writer.ReplaceAsync("mirror/second.txt", replaced, "sig-second"));
        Assert.Empty(await NamesAsync(reader, "query", second.Take(10).ToList()));
        Assert.Equal(["mirror/second.txt"], await NamesAsync(reader, "query", replaced.Take(10).ToList()));

        // Removed: the tombstone reaches the reader, and a removal says which signature group the article left.
        Assert.Equal("sig-first", await writer.RemoveAsync("mirror/first.txt"));
        Assert.Empty(await NamesAsync(reader, "query", query));
        Assert.Null(await writer.RemoveAsync("mirror/first.txt"));
        Assert.Empty(await writer.SignatureMembersAsync("sig-first"));
    }

    [Fact]
    public async Task ChangedSignature_ReturnedOnce_AndMembershipMoves()
    {
        var (writer, _) = await TwoInstancesAsync();
        await writer.ReplaceAsync("sig/a.txt", Shingles(200_000, 50), "sig-old");
        Assert.Equal(["sig/a.txt"], await writer.SignatureMembersAsync("sig-old"));

        Assert.Equal("sig-old", await writer.ReplaceAsync("sig/a.txt", Shingles(200_000, 50), "sig-new"));
        Assert.Empty(await writer.SignatureMembersAsync("sig-old"));
        Assert.Equal(["sig/a.txt"], await writer.SignatureMembersAsync("sig-new"));
        Assert.Null(await writer.ReplaceAsync("sig/a.txt", Shingles(200_000, 50), "sig-new"));
    }

    [Fact]
    public async Task ArticleOverTheShingleLimit_IndexedByItsFirstShingles()
    {
        var (writer, reader) = await TwoInstancesAsync();
        var huge = Shingles(300_000, PostingStore.MaxShingles + 500);
        await writer.ReplaceAsync("huge/article.txt", huge, "sig-huge");

        Assert.Equal(["huge/article.txt"], await NamesAsync(reader, "query", huge.Skip(PostingStore.MaxShingles - 10).Take(10).ToList()));
        Assert.Empty(await NamesAsync(reader, "query", huge.Skip(PostingStore.MaxShingles).Take(10).ToList()));
    }

    [Fact]
    public async Task Search_LeavesTheArticleItselfOut()
    {
        var (writer, reader) = await TwoInstancesAsync();
        var own = Shingles(400_000, 100);
        await writer.ReplaceAsync("self/article.txt", own, "sig-self");
        Assert.Empty(await NamesAsync(reader, "self/article.txt", own));
        Assert.Equal(["self/article.txt"], await NamesAsync(reader, "other", own));
    }

    [Fact]
    public async Task Mirror_KnowsTheSignatureOfTheVersionItIndexed_AndOfNoOther()
    {
        var (writer, reader) = await TwoInstancesAsync();
        await writer.ReplaceAsync("known/a.txt", Shingles(500_000, 40), "sig-a", "\"0x1\"");
        Assert.Null(reader.KnownSignatureOf("known/a.txt", "0x1"));

        // A search brings the mirror up to date; quotes around an ETag do not make it another version.
        await NamesAsync(reader, "other", Shingles(500_000, 5));
        Assert.Equal("sig-a", reader.KnownSignatureOf("known/a.txt", "0x1"));
        Assert.Null(reader.KnownSignatureOf("known/a.txt", "0x2"));
        Assert.Null(reader.KnownSignatureOf("known/a.txt", null));
        Assert.Null(reader.KnownSignatureOf("known/unindexed.txt", "0x1"));

        // Replaced by another version: only that version's signature is known, once a search has seen it.
        await writer.ReplaceAsync("known/a.txt", Shingles(500_000, 40), "sig-b", "0x2");
        await NamesAsync(reader, "other", Shingles(500_000, 5));
        Assert.Null(reader.KnownSignatureOf("known/a.txt", "0x1"));
        Assert.Equal("sig-b", reader.KnownSignatureOf("known/a.txt", "0x2"));
    }

    private async Task<(PostingStore Writer, PostingStore Reader)> TwoInstancesAsync()
    {
        var pipeline = new Pipeline.Functions.Storage.PipelineStorage(Pipeline.Functions.Storage.StorageClients.FromConnectionString(storage.ConnectionString));
        await pipeline.InitializeAsync();
        var other = new Pipeline.Functions.Storage.PipelineStorage(Pipeline.Functions.Storage.StorageClients.FromConnectionString(storage.ConnectionString));
        return (new PostingStore(pipeline), new PostingStore(other));
    }

    private static async Task<List<string>> NamesAsync(PostingStore store, string self, IReadOnlyList<Shingle> query) =>
        (await store.FindCandidatesAsync(self, query)).Select(c => c.Article).Where(a => !a.StartsWith("query", StringComparison.Ordinal)).ToList();

    // Distinct hashes per test (by the start value) so the tests' articles never share shingles.
    private static List<Shingle> Shingles(int start, int count) =>
        Enumerable.Range(start, count).Select(i => new Shingle(StableHash(i), i - start)).ToList();

    private static ulong StableHash(int i) => (ulong)i * 0x9E3779B97F4A7C15UL;
}

using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>Candidates' records kept per process: bounded, least recently used first out, and only ever served for the version asked.</summary>
public sealed class RecordCacheTests
{
    [Fact]
    public void Get_OtherVersion_Null_SameVersion_TheRecord()
    {
        var cache = new RecordCache(4);
        cache.Set(Record("a.txt", "\"v1\""));

        Assert.Null(cache.Get("a.txt", "v2"));
        Assert.Null(cache.Get("b.txt", "v1"));
        Assert.Equal("v1", cache.Get("a.txt", "v1")?.SourceETag.Trim('"'));

        cache.Set(Record("a.txt", "v2"));
        Assert.Null(cache.Get("a.txt", "v1"));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Set_PastCapacity_DropsTheLeastRecentlyUsed()
    {
        var cache = new RecordCache(2);
        cache.Set(Record("a.txt", "1"));
        cache.Set(Record("b.txt", "1"));
        Assert.NotNull(cache.Get("a.txt", "1"));

        cache.Set(Record("c.txt", "1"));

        Assert.Equal(2, cache.Count);
        Assert.NotNull(cache.Get("a.txt", "1"));
        Assert.Null(cache.Get("b.txt", "1"));
        Assert.NotNull(cache.Get("c.txt", "1"));
    }

    internal static NormalizedRecord Record(string name, string sourceETag, string text = "Rain is expected in Lisbon through Friday, the weather service said.") =>
        new(name, "outlet", sourceETag, "hash-" + sourceETag, "sig", ArticleReader.Read(name, Encoding.UTF8.GetBytes(text)).Article!);
}

/// <summary>The version an index row names travels to other instances' searches, and a record is served from the cache only for it.</summary>
public sealed class CandidateRecordTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task ReadCandidateRecord_NewVersionIndexed_ReadsTheNewRecord()
    {
        var pipeline = new PipelineStorage(StorageClients.FromConnectionString(storage.ConnectionString));
        await pipeline.InitializeAsync();
        var (writer, reader) = (new PostingStore(pipeline), new PostingStore(pipeline));
        var articles = new ArticleStore(pipeline);
        var shingles = Enumerable.Range(0, 40).Select(i => new Shingle((ulong)(777_000 + i), i)).ToList();

        await writer.ReplaceAsync("cache/a.txt", shingles, "sig-a", "v1");
        await articles.WriteRecordAsync(RecordCacheTests.Record("cache/a.txt", "v1", "The first version says the bridge stays open."));
        await reader.FindCandidatesAsync("cache/query.txt", shingles);
        Assert.Equal("v1", reader.IndexedSourceETag("cache/a.txt"));
        Assert.Contains("stays open", (await articles.ReadCandidateRecordAsync("cache/a.txt", "v1"))!.Article.Text, StringComparison.Ordinal);

        // Re-normalized: the index row names v2 and the search after it reports it, so the cached v1 is not served.
        await writer.ReplaceAsync("cache/a.txt", shingles, "sig-a", "v2");
        await articles.WriteRecordAsync(RecordCacheTests.Record("cache/a.txt", "v2", "The second version says the bridge is closed."));
        await reader.FindCandidatesAsync("cache/query.txt", shingles);
        Assert.Equal("v2", reader.IndexedSourceETag("cache/a.txt"));
        Assert.Contains("is closed", (await articles.ReadCandidateRecordAsync("cache/a.txt", reader.IndexedSourceETag("cache/a.txt")))!.Article.Text, StringComparison.Ordinal);

        // Unknown version (an index row written before rows carried one): always read, never cached.
        Assert.Contains("is closed", (await articles.ReadCandidateRecordAsync("cache/a.txt", null))!.Article.Text, StringComparison.Ordinal);
    }
}

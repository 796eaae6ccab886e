using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Functions.Hosting;
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

/// <summary>The version an article was indexed with travels to other instances' searches, in either index, and a record
/// is served from the cache only for it.</summary>
public sealed class CandidateRecordTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    private const string Shared = "Engineers inspecting the old harbour bridge after the storm found cracks in two of its steel cables, "
        + "and the city council met late on Thursday to decide what should happen to the morning traffic. ";

    [Theory]
    [InlineData("Mirror")]
    [InlineData("Sharded")]
    public async Task ReadCandidateRecord_NewVersionIndexed_ReadsTheNewRecord(string index)
    {
        var kind = Enum.Parse<CandidateIndexKind>(index);
        var pipeline = new PipelineStorage(StorageClients.FromConnectionString(storage.ConnectionString));
        await pipeline.InitializeAsync();
        var options = new PipelineOptions { CandidateIndex = kind };
        var (writer, reader) = (new PostingStore(pipeline, options), new PostingStore(pipeline, options));
        var articles = new ArticleStore(pipeline);
        var name = $"cache-{kind}/a.txt";
        var query = RecordCacheTests.Record($"cache-{kind}/query.txt", "q", Shared);

        var first = RecordCacheTests.Record(name, "v1", Shared + "The first version says the bridge stays open.");
        await writer.IndexAsync(first);
        await articles.WriteRecordAsync(first);
        var version = (await reader.FindCandidatesAsync(query)).Single(c => c.Article == name).Version;
        Assert.Equal("v1", version);
        Assert.Contains("stays open", (await articles.ReadCandidateRecordAsync(name, version))!.Article.Text, StringComparison.Ordinal);

        // Re-normalized: the index names v2 and the search after it reports it, so the cached v1 is not served.
        var second = RecordCacheTests.Record(name, "v2", Shared + "The second version says the bridge is closed.");
        await writer.IndexAsync(second);
        await articles.WriteRecordAsync(second);
        version = (await reader.FindCandidatesAsync(query)).Single(c => c.Article == name).Version;
        Assert.Equal("v2", version);
        Assert.Contains("is closed", (await articles.ReadCandidateRecordAsync(name, version))!.Article.Text, StringComparison.Ordinal);

        // Unknown version (an index row written before rows carried one): always read, never cached.
        Assert.Contains("is closed", (await articles.ReadCandidateRecordAsync(name, null))!.Article.Text, StringComparison.Ordinal);
    }
}

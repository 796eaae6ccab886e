using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Functions.Hosting;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;
using Pipeline.Functions.Tests.Support;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>The app with the sharded candidate index (Pipeline:CandidateIndex = sharded) against Azurite: the same
/// answers as with the mirror, and storage indexed by one kind of index is indexed again when the other is switched on.</summary>
public sealed class ShardedIndexPipelineTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    private static readonly Dictionary<string, string?> s_sharded = new() { ["Pipeline:CandidateIndex"] = "sharded" };

    [Fact]
    public async Task Seeds_Sharded_SameAlignmentsAndClustersAsTheMirror()
    {
        var names = Seeds.All().Select(s => s.Name).ToList();
        await using var mirrored = new AzuriteFixture();
        await mirrored.InitializeAsync();
        var expected = await AnswersAsync(mirrored.ConnectionString, new TestStorage(mirrored.ConnectionString), null, names);
        var actual = await AnswersAsync(storage.ConnectionString, storage.Storage, s_sharded, names);

        Assert.Contains("deconflict", expected[0], StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    private static async Task<IReadOnlyList<string>> AnswersAsync(string connectionString, TestStorage files, IReadOnlyDictionary<string, string?>? settings, IReadOnlyList<string> names)
    {
        await using var app = await PipelineHost.StartAsync(connectionString, extra: settings);
        foreach (var (name, content) in Seeds.All())
        {
            await files.UploadAsync(name, content);
        }

        await files.WaitUntilProcessedAsync();
        await app.WaitForAsync(names);
        var answers = new List<string>();
        foreach (var path in new[] { "/api/alignments?top=1000", "/api/clusters" })
        {
            answers.Add((await app.GetJsonAsync(path)).GetRawText());
        }

        return answers;
    }
}

/// <summary>Switching the index on storage already in use: the standalone app normalizes again the articles indexed by the
/// other kind, so articles added after the switch find them.</summary>
public sealed class CandidateIndexSwitchTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Theory]
    [InlineData("mirror", "sharded")]
    [InlineData("sharded", "mirror")]
    public async Task Switch_ArticlesIndexedBefore_IndexedAgainAndFound(string before, string after)
    {
        var seeds = Seeds.All();
        var prefix = before + "-" + after + "/";
        var names = seeds.Select(s => prefix + s.Name).ToList();
        await using (var first = await PipelineHost.StartAsync(storage.ConnectionString, extra: Index(before)))
        {
            foreach (var (name, content) in seeds.Take(4))
            {
                await storage.Storage.UploadAsync(prefix + name, content);
            }

            await storage.Storage.WaitUntilProcessedAsync();
            await first.WaitForAsync(names.Take(4).ToList());
        }

        var records = await RecordVersionsAsync(prefix);
        Assert.Equal(4, records.Count);

        await using var second = await PipelineHost.StartAsync(storage.ConnectionString, extra: Index(after));
        var (lastName, lastContent) = seeds[4];
        await storage.Storage.UploadAsync(prefix + lastName, lastContent);
        await storage.Storage.WaitUntilProcessedAsync();
        var articles = await second.WaitForAsync(names);

        // Every row now says it was written for the index in use.
        var rows = (await storage.Storage.EntitiesAsync("postings")).Where(r => r.PartitionKey == "index" && r.GetString("Article")!.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(names.ToHashSet(), rows.Select(r => r.GetString("Article")).ToHashSet());
        Assert.All(rows, r => Assert.Equal(after == "sharded", r.GetBoolean("Sharded")));

        // The article added after the switch found the old ones (004 carries Kerry's quote, as 000-002 do).
        Assert.True(articles[prefix + lastName].GetProperty("alignments").GetInt32() > 0, "the new article found no partner among the articles indexed before the switch");

        // Indexed again in place, from their records: none was normalized again (which would have rewritten its record
        // and aligned it again), and storage records which kind every article is indexed for.
        var after4 = await RecordVersionsAsync(prefix);
        Assert.All(records, r => Assert.Equal(r.Value, after4[r.Key]));
        var marker = (await storage.Storage.EntitiesAsync("postings")).Single(r => r.PartitionKey == "meta" && r.RowKey == "candidate-index");
        Assert.Equal(after, marker.GetString("Kind"), ignoreCase: true);
    }

    private async Task<Dictionary<string, string>> RecordVersionsAsync(string prefix)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        var container = new Azure.Storage.Blobs.BlobServiceClient(storage.ConnectionString).GetBlobContainerClient("normalized");
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, default))
        {
            versions[blob.Name] = blob.Properties.ETag.ToString()!;
        }

        return versions;
    }

    private static Dictionary<string, string?> Index(string kind) => new() { ["Pipeline:CandidateIndex"] = kind };
}

/// <summary>The migration the Functions host runs at start-up (it has no poller): articles indexed by the mirror are
/// indexed again for the sharded index from their records, once.</summary>
public sealed class CandidateIndexMigrationTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task Run_MirrorIndexedArticles_IndexedForShardedOnce_AndFound()
    {
        var seeds = Seeds.All().Take(3).ToList();
        await using (var mirrored = await PipelineHost.StartAsync(storage.ConnectionString))
        {
            foreach (var (name, content) in seeds)
            {
                await storage.Storage.UploadAsync(name, content);
            }

            await storage.Storage.WaitUntilProcessedAsync();
            await mirrored.WaitForAsync(seeds.Select(s => s.Name).ToList());
        }

        var pipeline = new PipelineStorage(StorageClients.FromConnectionString(storage.ConnectionString));
        var sharded = new PostingStore(pipeline, new PipelineOptions { CandidateIndex = CandidateIndexKind.Sharded });
        var articles = new ArticleStore(pipeline);
        var migration = new CandidateIndexMigration(pipeline, sharded, articles, NullLogger<CandidateIndexMigration>.Instance);

        var record = (await articles.ReadRecordAsync(seeds[0].Name))!;
        Assert.Empty(await sharded.FindCandidatesAsync(record));

        Assert.Equal(3, await migration.RunAsync());
        Assert.Empty(await sharded.IndexedForTheOtherKindAsync());
        Assert.Equal(0, await migration.RunAsync());

        // 000 shares Kirby's and Kerry's quotes with 001 and 002: found through the sharded index now.
        var found = (await sharded.FindCandidatesAsync(record)).Select(c => c.Article).ToHashSet();
        Assert.Equal(seeds.Skip(1).Select(s => s.Name).ToHashSet(), found);
    }
}

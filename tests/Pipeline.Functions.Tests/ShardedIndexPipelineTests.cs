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
    }

    private static Dictionary<string, string?> Index(string kind) => new() { ["Pipeline:CandidateIndex"] = kind };
}

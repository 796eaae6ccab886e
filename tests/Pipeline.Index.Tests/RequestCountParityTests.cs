using Pipeline.Index.Counting;
using Pipeline.Index.Tables;
using Pipeline.Testing;

namespace Pipeline.Index.Tests;

/// <summary>The simulation's request counts are real: the same work sends exactly as many HTTP requests to Azurite
/// through the official SDK as the counting table counts.</summary>
public sealed class RequestCountParityTests(AzuriteIndexFixture azurite) : IClassFixture<AzuriteIndexFixture>
{
    [Fact]
    public async Task SameWork_SameRequestCount_OnAzuriteAndCountingTable()
    {
        var policy = new RequestCountingPolicy();
        var counting = new CountingIndexTable();
        var onAzurite = await RunAsync(await azurite.NewTableAsync(policy));
        var onCounting = await RunAsync(counting);

        Assert.Equal(onCounting, onAzurite);
        Assert.Equal(counting.Traffic.Requests, policy.Attempts);
    }

    private static async Task<IReadOnlyList<string>> RunAsync(IIndexTable table)
    {
        var random = new Random(31);
        var index = new ShardedCandidateIndex(table);
        const string Shared = "ministers agreed overnight ferry subsidies continue through winter months";
        var found = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var name = $"r{i}.txt";
            var shingles = Texts.With(random, name, Shared, before: 10 + i, after: 120);
            await index.IndexAsync(name, shingles, Texts.Published);
            found.AddRange((await index.FindCandidatesAsync(name, shingles, Texts.Published)).Select(c => c.Article));
        }

        await index.RemoveAsync("r0.txt");
        return found;
    }
}

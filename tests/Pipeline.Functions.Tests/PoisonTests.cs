using Azure.Data.Tables;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>The standalone trigger retries a failing blob, then records it as poisoned, and recovers when the blob changes.</summary>
public sealed class PoisonTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task FailingBlob_RetriedThenPoisoned_ThenProcessedAfterReupload()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString, extra: new Dictionary<string, string?>
        {
            ["Pipeline:MaxAttempts"] = "2",
            ["Pipeline:MaxBackoffSeconds"] = "0.2",
        });

        // Break the candidate index underneath the running app: normalizing any article now fails.
        var postings = new TableServiceClient(storage.ConnectionString).GetTableClient("postings");
        await postings.DeleteAsync();
        var (name, content) = Seeds.Get("003");
        var blob = "poison/" + name;
        await storage.Storage.UploadAsync(blob, content);

        var failed = (await app.WaitForAsync([blob], item => item.Str("status") == "failed"))[blob];
        Assert.Contains("failed 2 times", failed.Str("error"), StringComparison.Ordinal);
        var poison = await storage.Storage.EntitiesAsync("poison");
        var row = Assert.Single(poison);
        Assert.Equal(blob, row.GetString("Name"));
        Assert.Equal(2, row.GetInt32("Attempts"));

        // Repair storage and upload again: the new version is processed and the poison row goes.
        await postings.CreateIfNotExistsAsync();
        await storage.Storage.UploadAsync(blob, content);
        await app.WaitForAsync([blob], item => item.Str("status") == "aligned");
        await storage.Storage.WaitUntilProcessedAsync();
        Assert.Empty(await storage.Storage.EntitiesAsync("poison"));
    }
}

using Azure;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Tables;
using Pipeline.Testing;
using Xunit;

namespace Pipeline.Storage.Tests;

// Stops and restarts its own persistent Azurite, so it must not share a fixture with other classes.
public sealed class FaultTests(PersistentAzuriteFixture azurite) : IClassFixture<PersistentAzuriteFixture>
{
    [Fact]
    public async Task GetEntityAsync_ServerStopped_RetriesThenFailsClearlyAndWorksAfterRestart()
    {
        var table = await Clients.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = "kept" });
        var counter = new RequestCountingPolicy();
        var options = Clients.FastTableOptions(counter);
        var flaky = new TableServiceClient(azurite.ConnectionString, options).GetTableClient(table.Name);

        await azurite.StopAsync();
        try
        {
            var error = await Assert.ThrowsAsync<AggregateException>(() => flaky.GetEntityAsync("p", "r"));

            Assert.Equal(options.Retry.MaxRetries + 1, counter.Attempts);
            Assert.StartsWith("Retry failed after 4 tries", error.Message, StringComparison.Ordinal);
            Assert.All(error.InnerExceptions, e => Assert.IsType<RequestFailedException>(e));
            Assert.Contains(azurite.TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture), error.InnerExceptions[0].Message, StringComparison.Ordinal);
        }
        finally
        {
            await azurite.StartAsync();
        }

        // Persistent mode: the data written before the stop is still there.
        Assert.Equal("kept", (await flaky.GetEntityAsync("p", "r")).Value.GetString("V"));
    }

    [Fact]
    public async Task UploadAsync_ServerBackDuringRetries_Succeeds()
    {
        var container = await Clients.NewContainerAsync(azurite);
        var counter = new RequestCountingPolicy();
        var options = Clients.FastBlobOptions(counter);

        // The server comes back right before the third try: deterministic, however slow Azurite is to restart.
        options.AddPolicy(new BeforeTryPolicy(3, () => azurite.StartAsync()), Azure.Core.HttpPipelinePosition.PerRetry);
        var blob = new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient(container.Name).GetBlobClient("during-outage.txt");
        await azurite.StopAsync();
        try
        {
            await blob.UploadAsync(BinaryData.FromString("made it"));
        }
        finally
        {
            await azurite.StartAsync();
        }

        Assert.Equal(3, counter.Attempts);
        Assert.Equal("made it", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task GetEntityAsync_ServerAnswers503_RetriesThenThrowsRequestFailedWith503()
    {
        await using var server = RawHttpServer.Answering(503, "Service Unavailable", "ServerBusy");
        var counter = new RequestCountingPolicy();
        var table = new TableServiceClient(server.ConnectionString, Clients.FastTableOptions(counter)).GetTableClient("busy");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "r"));

        Assert.Equal(503, error.Status);
        Assert.Equal("ServerBusy", error.ErrorCode);
        Assert.Contains("x-ms-request-id: raw-", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, counter.Attempts);
        Assert.Equal(4, server.Requests);
    }

    [Fact]
    public async Task GetEntityAsync_ServerAnswers400_IsNotRetried()
    {
        await using var server = RawHttpServer.Answering(400, "Bad Request", "InvalidInput");
        var counter = new RequestCountingPolicy();
        var table = new TableServiceClient(server.ConnectionString, Clients.FastTableOptions(counter)).GetTableClient("bad");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "r"));

        Assert.Equal("InvalidInput", error.ErrorCode);
        Assert.Equal(1, counter.Attempts);
    }

    [Fact]
    public async Task DownloadContentAsync_ServerNeverAnswers_EachTryTimesOutAndIsRetried()
    {
        await using var server = RawHttpServer.BlackHole();
        var counter = new RequestCountingPolicy();
        var options = Clients.FastBlobOptions(counter);
        options.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(300);
        options.Retry.MaxRetries = 2;
        var blob = new BlobServiceClient(server.ConnectionString, options).GetBlobContainerClient("hole").GetBlobClient("x");

        var error = await Assert.ThrowsAsync<AggregateException>(() => blob.DownloadContentAsync());

        Assert.Equal(3, counter.Attempts);
        Assert.Contains("timeout", error.InnerExceptions[0].Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DownloadContentAsync_CancelledWhileServerHangs_ThrowsOperationCanceled()
    {
        await using var server = RawHttpServer.BlackHole();
        var options = Clients.FastBlobOptions();
        options.Retry.NetworkTimeout = TimeSpan.FromMinutes(5);
        var blob = new BlobServiceClient(server.ConnectionString, options).GetBlobContainerClient("hole").GetBlobClient("x");
        using var cancellation = new CancellationTokenSource();

        var download = blob.DownloadContentAsync(cancellation.Token);
        while (server.Requests == 0)
        {
            await Task.Delay(20);
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download);
    }

    /// <summary>Runs an action (e.g. restarting the server) just before the given try reaches the transport.</summary>
    private sealed class BeforeTryPolicy(int beforeTry, Func<Task> action) : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        private int _tries;

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            if (Interlocked.Increment(ref _tries) == beforeTry)
            {
                await action();
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}

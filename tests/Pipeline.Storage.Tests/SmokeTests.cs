using Azure;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Tables;
using Pipeline.Testing;
using Xunit;

namespace Pipeline.Storage.Tests;

public sealed class SmokeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task BlobAndTable_RoundTrip_Works()
    {
        var connection = StorageConnection.Parse(azurite.ConnectionString);
        var container = connection.CreateBlobServiceClient().GetBlobContainerClient("smoke");
        Assert.NotNull(await container.CreateIfNotExistsAsync());
        Assert.Null(await container.CreateIfNotExistsAsync());
        var blob = container.GetBlobClient("a b/ü#?%.txt");
        await blob.UploadAsync(BinaryData.FromString("hello"), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["k"] = "v" } });
        var download = await blob.DownloadContentAsync();
        Assert.Equal("hello", download.Value.Content.ToString());
        Assert.Equal("v", download.Value.Details.Metadata["k"]);
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync())
        {
            names.Add(item.Name);
        }

        Assert.Equal(["a b/ü#?%.txt"], names);

        var table = connection.CreateTableServiceClient().GetTableClient("smoke");
        await table.CreateIfNotExistsAsync();
        await table.CreateIfNotExistsAsync();
        var entity = new TableEntity("p'1", "r 1") { ["Count"] = 5L, ["Name"] = "x" };
        await table.AddEntityAsync(entity);
        var read = await table.GetEntityAsync("p'1", "r 1");
        Assert.Equal(5L, read.Value.GetInt64("Count"));
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(entity));
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Contains("x-ms-request-id", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}

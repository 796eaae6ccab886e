using Azure.Core;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Tables;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

/// <summary>Clients against a fixture's Azurite, with unique container/table names so tests never share state.</summary>
internal static class Clients
{
    private static int s_counter;

    internal static string UniqueName(string prefix) =>
        $"{prefix}{Interlocked.Increment(ref s_counter)}x{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 34)];

    internal static BlobClientOptions FastBlobOptions(RequestCountingPolicy? counter = null)
    {
        var options = new BlobClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxRetries = 3;
        if (counter is not null)
        {
            options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        }

        return options;
    }

    internal static TableClientOptions FastTableOptions(RequestCountingPolicy? counter = null)
    {
        var options = new TableClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxRetries = 3;
        if (counter is not null)
        {
            options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        }

        return options;
    }

    internal static async Task<BlobContainerClient> NewContainerAsync(AzuriteFixture azurite, RequestCountingPolicy? counter = null)
    {
        var container = new BlobServiceClient(azurite.ConnectionString, FastBlobOptions(counter))
            .GetBlobContainerClient(UniqueName("c").ToLowerInvariant());
        await container.CreateIfNotExistsAsync();
        return container;
    }

    internal static async Task<TableClient> NewTableAsync(AzuriteFixture azurite, RequestCountingPolicy? counter = null)
    {
        var table = new TableServiceClient(azurite.ConnectionString, FastTableOptions(counter))
            .GetTableClient(UniqueName("t"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    internal static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

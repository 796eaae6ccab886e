using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Pipeline.Index.Tables;
using Pipeline.Testing;

namespace Pipeline.Index.Tests;

/// <summary>One private Azurite for the Azurite-backed test class; each test gets a fresh table.</summary>
public sealed class AzuriteIndexFixture : AzuriteFixture
{
    private int _tables;

    public async Task<AzureIndexTable> NewTableAsync(HttpPipelinePolicy? policy = null)
    {
        var name = "index" + Interlocked.Increment(ref _tables).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await new TableServiceClient(ConnectionString).GetTableClient(name).CreateIfNotExistsAsync();
        var options = new TableClientOptions();
        if (policy is not null)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return new AzureIndexTable(new TableServiceClient(ConnectionString, options).GetTableClient(name));
    }
}

using Azure.Data.Tables;
using Pipeline.Index.Tables;
using Pipeline.Testing;

namespace Pipeline.Index.Tests;

/// <summary>One private Azurite for the Azurite-backed test class; each test gets a fresh table.</summary>
public sealed class AzuriteIndexFixture : AzuriteFixture
{
    private int _tables;

    public async Task<AzureIndexTable> NewTableAsync()
    {
        var name = "index" + Interlocked.Increment(ref _tables).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var table = new AzureIndexTable(new TableServiceClient(ConnectionString).GetTableClient(name));
        await table.CreateIfNotExistsAsync();
        return table;
    }
}

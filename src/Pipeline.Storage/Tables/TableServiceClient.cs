using Azure.Core;
using Azure.Core.Pipeline;
using Pipeline.Storage.Http;

namespace Pipeline.Storage.Tables;

/// <summary>Entry point to an account's Table service (shaped like Azure.Data.Tables.TableServiceClient).</summary>
public sealed class TableServiceClient
{
    /// <summary>Connects with a storage connection string (UseDevelopmentStorage=true, account key or SAS).</summary>
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), options)
    {
    }

    /// <summary>Connects with Microsoft Entra tokens (e.g. a managed identity) to <paramref name="endpoint"/>.</summary>
    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        : this(endpoint, new StorageAuthorization.Bearer(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    internal TableServiceClient(Uri endpoint, StorageAuthorization authorization, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Uri = new Uri(endpoint.AbsoluteUri.TrimEnd('/'));
        Pipeline = StoragePipeline.Create(options ?? new TableClientOptions(), authorization, StoragePipeline.Service.Table);
    }

    private TableServiceClient(StorageConnection connection, TableClientOptions? options)
        : this(connection.TableEndpoint, connection.Authorization, options)
    {
    }

    /// <summary>The service endpoint.</summary>
    public Uri Uri { get; }

    internal HttpPipeline Pipeline { get; }

    /// <summary>A client for the table <paramref name="tableName"/> (no request is made).</summary>
    public TableClient GetTableClient(string tableName) => new(this, tableName);
}

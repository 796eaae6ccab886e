using Azure.Core;
using Azure.Core.Pipeline;
using Pipeline.Storage.Http;

namespace Pipeline.Storage.Blobs;

/// <summary>Entry point to an account's Blob service (shaped like Azure.Storage.Blobs.BlobServiceClient).</summary>
public sealed class BlobServiceClient
{
    /// <summary>Connects with a storage connection string (UseDevelopmentStorage=true, account key or SAS).</summary>
    public BlobServiceClient(string connectionString, BlobClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), options)
    {
    }

    /// <summary>Connects with Microsoft Entra tokens (e.g. a managed identity) to <paramref name="serviceUri"/>.</summary>
    public BlobServiceClient(Uri serviceUri, TokenCredential credential, BlobClientOptions? options = null)
        : this(serviceUri, new StorageAuthorization.Bearer(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    internal BlobServiceClient(Uri serviceUri, StorageAuthorization authorization, BlobClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        Uri = new Uri(serviceUri.AbsoluteUri.TrimEnd('/'));
        Pipeline = StoragePipeline.Create(options ?? new BlobClientOptions(), authorization, StoragePipeline.Service.Blob);
    }

    private BlobServiceClient(StorageConnection connection, BlobClientOptions? options)
        : this(connection.BlobEndpoint, connection.Authorization, options)
    {
    }

    /// <summary>The service endpoint.</summary>
    public Uri Uri { get; }

    internal HttpPipeline Pipeline { get; }

    /// <summary>A client for the container <paramref name="name"/> (no request is made).</summary>
    public BlobContainerClient GetBlobContainerClient(string name) => new(this, name);
}

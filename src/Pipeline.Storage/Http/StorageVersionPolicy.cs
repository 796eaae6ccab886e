using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Storage.Http;

/// <summary>Pins the REST API version (x-ms-version) of one service.</summary>
/// <remarks>https://learn.microsoft.com/rest/api/storageservices/versioning-for-the-azure-storage-services</remarks>
internal sealed class StorageVersionPolicy(string version) : HttpPipelineSynchronousPolicy
{
    /// <summary>Blob: the version Azure.Storage.Blobs 12.23 sends; Azurite 3.37 accepts it without --skipApiVersionCheck.</summary>
    internal const string BlobVersion = "2025-01-05";

    /// <summary>Table: the version Azure.Data.Tables sends; Azurite 3.37 accepts it without --skipApiVersionCheck.</summary>
    internal const string TableVersion = "2019-02-02";

    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", version);
    }
}

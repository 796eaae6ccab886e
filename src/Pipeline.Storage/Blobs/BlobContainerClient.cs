using Azure;
using Azure.Core;
using Pipeline.Storage.Http;

namespace Pipeline.Storage.Blobs;

/// <summary>One container (shaped like Azure.Storage.Blobs.BlobContainerClient).</summary>
public sealed class BlobContainerClient
{
    internal BlobContainerClient(BlobServiceClient service, string name)
    {
        BlobPath.ValidateContainerName(name);
        Service = service;
        Name = name;
        Uri = new Uri(service.Uri.AbsoluteUri + "/" + name);
    }

    /// <summary>The container name.</summary>
    public string Name { get; }

    /// <summary>The container URL.</summary>
    public Uri Uri { get; }

    internal BlobServiceClient Service { get; }

    /// <summary>A client for the blob <paramref name="blobName"/> in this container (no request is made).</summary>
    public BlobClient GetBlobClient(string blobName) => new(this, blobName);

    /// <summary>Why <see cref="GetBlobClient"/> would refuse <paramref name="blobName"/>, or null when it can address it.</summary>
    /// <remarks>Not in the official client: the service stores some names (such as <c>a/../b</c>, made from <c>a\..\b</c>) that no URL can reach.</remarks>
    public static string? BlobNameProblem(string blobName) => BlobPath.Problem(blobName);

    /// <summary>Creates the container unless it exists; returns null when it already existed (as the official client does).</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/create-container</remarks>
    public async Task<Response<BlobContainerInfo>?> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Service.Pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Put;
        message.Request.Uri.Reset(Uri);
        message.Request.Uri.AppendQuery("restype", "container");
        var response = await StoragePipeline.SendAsync(Service.Pipeline, message, cancellationToken, 201, 409);
        if (response.Status == 409)
        {
            if (StorageErrors.TryGetCode(response) != "ContainerAlreadyExists")
            {
                throw StorageErrors.CreateException(response);
            }

            return null;
        }

        return Response.FromValue(new BlobContainerInfo(BlobResponses.ETagOf(response), BlobResponses.LastModified(response)), response);
    }

    /// <summary>True when the container exists.</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Service.Pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Head;
        message.Request.Uri.Reset(Uri);
        message.Request.Uri.AppendQuery("restype", "container");
        var response = await StoragePipeline.SendAsync(Service.Pipeline, message, cancellationToken, 200, 404);
        return Response.FromValue(response.Status == 200, response);
    }

    /// <summary>Deletes the container; false when it did not exist.</summary>
    public async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Service.Pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Delete;
        message.Request.Uri.Reset(Uri);
        message.Request.Uri.AppendQuery("restype", "container");
        var response = await StoragePipeline.SendAsync(Service.Pipeline, message, cancellationToken, 202, 404);
        return Response.FromValue(response.Status == 202, response);
    }

    /// <summary>Deletes the blob <paramref name="blobName"/>; false when it did not exist.</summary>
    public Task<Response<bool>> DeleteBlobIfExistsAsync(string blobName, CancellationToken cancellationToken = default) =>
        GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken);

    /// <summary>Lists blobs (with metadata) whose names start with <paramref name="prefix"/>, in name order;
    /// <c>.AsPages(marker, pageSize)</c> resumes from the service's NextMarker.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/list-blobs</remarks>
    public AsyncPageable<BlobItem> GetBlobsAsync(string? prefix = null, CancellationToken cancellationToken = default) =>
        new StoragePageable<BlobItem>((marker, pageSize, ct) => ListPageAsync(prefix, marker, pageSize, ct), cancellationToken);

    private async Task<Page<BlobItem>> ListPageAsync(string? prefix, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        if (pageSize is <= 0 or > 5000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "The page size must be between 1 and 5,000.");
        }

        using var message = Service.Pipeline.CreateMessage();
        var uri = message.Request.Uri;
        message.Request.Method = RequestMethod.Get;
        uri.Reset(Uri);
        uri.AppendQuery("restype", "container");
        uri.AppendQuery("comp", "list");
        uri.AppendQuery("include", "metadata");
        if (!string.IsNullOrEmpty(prefix))
        {
            uri.AppendQuery("prefix", prefix);
        }

        if (!string.IsNullOrEmpty(marker))
        {
            uri.AppendQuery("marker", marker);
        }

        if (pageSize is { } size)
        {
            uri.AppendQuery("maxresults", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var response = await StoragePipeline.SendAsync(Service.Pipeline, message, cancellationToken, 200);
        var (items, nextMarker) = BlobListing.Parse(response.Content.ToStream());
        return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(nextMarker) ? null : nextMarker, response);
    }
}

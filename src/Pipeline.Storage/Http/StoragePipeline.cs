using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Storage.Http;

/// <summary>Builds the Azure.Core pipeline for one service: retries, per-try timeout, version, date and authorization.</summary>
internal static class StoragePipeline
{
    internal const string StorageScope = "https://storage.azure.com/.default";

    internal enum Service
    {
        Blob,
        Table,
    }

    internal static HttpPipeline Create(ClientOptions options, StorageAuthorization authorization, Service service)
    {
        var perCall = new List<HttpPipelinePolicy>
        {
            new StorageVersionPolicy(service == Service.Blob ? StorageVersionPolicy.BlobVersion : StorageVersionPolicy.TableVersion),
        };
        var perRetry = new List<HttpPipelinePolicy> { StorageDatePolicy.Shared };
        switch (authorization)
        {
            case StorageAuthorization.SharedKey key when service == Service.Blob:
                perRetry.Add(new BlobSharedKeyPolicy(key.AccountName, key.Key));
                break;
            case StorageAuthorization.SharedKey key:
                perRetry.Add(new TableSharedKeyPolicy(key.AccountName, key.Key));
                break;
            case StorageAuthorization.SharedAccessSignature sas:
                perCall.Add(new SharedAccessSignaturePolicy(sas.Token));
                break;
            case StorageAuthorization.Bearer token:
                perRetry.Add(new BearerTokenAuthenticationPolicy(token.Credential, StorageScope));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(authorization), "Unknown storage authorization.");
        }

        return HttpPipelineBuilder.Build(options, [.. perCall], [.. perRetry], new ResponseClassifier());
    }

    /// <summary>Sends and throws <see cref="RequestFailedException"/> unless the status is one of <paramref name="expected"/>.</summary>
    internal static async Task<Response> SendAsync(HttpPipeline pipeline, HttpMessage message, CancellationToken cancellationToken, params int[] expected)
    {
        await pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (Array.IndexOf(expected, response.Status) < 0)
        {
            throw StorageErrors.CreateException(response);
        }

        return response;
    }
}

using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Storage.Http;

/// <summary>Appends a SAS token to the request query (once: it runs per call, before retries).</summary>
/// <remarks>https://learn.microsoft.com/rest/api/storageservices/delegate-access-with-shared-access-signature</remarks>
internal sealed class SharedAccessSignaturePolicy(string token) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var query = message.Request.Uri.Query;
        if (query.Contains("sig=", StringComparison.Ordinal))
        {
            return;
        }

        message.Request.Uri.Query = string.IsNullOrEmpty(query) || query == "?" ? "?" + token : query + "&" + token;
    }
}

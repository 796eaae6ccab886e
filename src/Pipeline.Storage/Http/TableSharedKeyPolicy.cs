using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Storage.Http;

/// <summary>Signs Table requests with the Table service's Shared Key variant.</summary>
/// <remarks>StringToSign = VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedResource, where Date is the
/// x-ms-date value and CanonicalizedResource is /account/encoded-path plus ?comp=... only:
/// https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key#table-service-shared-key-authorization</remarks>
internal sealed class TableSharedKeyPolicy(string accountName, byte[] key) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        SharedKeySignature.Authorize(message.Request, accountName, key, BuildStringToSign(message.Request, accountName));

    internal static string BuildStringToSign(Request request, string accountName)
    {
        string Header(string name) => request.Headers.TryGetValue(name, out var value) ? value : "";
        var date = Header("x-ms-date");
        if (date.Length == 0)
        {
            date = Header("Date");
        }

        return string.Concat(
            request.Method.Method.ToUpperInvariant(), "\n",
            Header("Content-MD5"), "\n",
            Header("Content-Type"), "\n",
            date, "\n",
            CanonicalizedResource(request.Uri.ToUri(), accountName));
    }

    internal static string CanonicalizedResource(Uri uri, string accountName)
    {
        var resource = "/" + accountName + (uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);
        var comp = BlobSharedKeyPolicy.ParseQuery(uri.Query)
            .Where(p => string.Equals(p.Name, "comp", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Value)
            .FirstOrDefault();
        return comp is null ? resource : resource + "?comp=" + comp;
    }
}

using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Storage.Http;

/// <summary>Stamps x-ms-date on every try, so a retried request carries a fresh date for its signature.</summary>
/// <remarks>Shared Key requests must be dated within 15 minutes of the service clock:
/// https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key#specifying-the-date-header</remarks>
internal sealed class StorageDatePolicy : HttpPipelineSynchronousPolicy
{
    internal static readonly StorageDatePolicy Shared = new();

    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
    }
}

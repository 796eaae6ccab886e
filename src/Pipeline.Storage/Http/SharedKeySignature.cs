using System.Security.Cryptography;
using System.Text;
using Azure.Core;

namespace Pipeline.Storage.Http;

/// <summary>The Shared Key Authorization header: HMAC-SHA256 of a service's string-to-sign with the account key.</summary>
internal static class SharedKeySignature
{
    /// <summary>Sets <c>Authorization: SharedKey account:signature</c> on <paramref name="request"/>.</summary>
    public static void Authorize(Request request, string accountName, byte[] key, string stringToSign)
    {
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.SetValue("Authorization", $"SharedKey {accountName}:{signature}");
    }
}

using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Storage.Http;

/// <summary>Signs Blob (and Queue) requests with Shared Key.</summary>
/// <remarks>String-to-sign per "Authorize with Shared Key", Blob/Queue/File services, version 2009-09-19 and later:
/// https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key#blob-queue-and-file-services-shared-key-authorization</remarks>
internal sealed class BlobSharedKeyPolicy(string accountName, byte[] key) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        SharedKeySignature.Authorize(message.Request, accountName, key, BuildStringToSign(message.Request, accountName));

    internal static string BuildStringToSign(Request request, string accountName)
    {
        string Header(string name) => request.Headers.TryGetValue(name, out var value) ? value : "";

        // Since 2015-02-21 a zero Content-Length is signed as the empty string.
        var contentLength = "";
        if (request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0)
        {
            contentLength = length.ToString(CultureInfo.InvariantCulture);
        }

        var builder = new StringBuilder();
        builder.Append(request.Method.Method.ToUpperInvariant()).Append('\n')
            .Append(Header("Content-Encoding")).Append('\n')
            .Append(Header("Content-Language")).Append('\n')
            .Append(contentLength).Append('\n')
            .Append(Header("Content-MD5")).Append('\n')
            .Append(Header("Content-Type")).Append('\n')
            .Append("").Append('\n') // Date: x-ms-date is always set and is signed among the canonicalized headers.
            .Append(Header("If-Modified-Since")).Append('\n')
            .Append(Header("If-Match")).Append('\n')
            .Append(Header("If-None-Match")).Append('\n')
            .Append(Header("If-Unmodified-Since")).Append('\n')
            .Append(Header("Range")).Append('\n');
        AppendCanonicalizedHeaders(builder, request);
        AppendCanonicalizedResource(builder, request.Uri.ToUri(), accountName);
        return builder.ToString();
    }

    private static void AppendCanonicalizedHeaders(StringBuilder builder, Request request)
    {
        var headers = request.Headers
            .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Name.ToLowerInvariant(), Value: UnfoldWhitespace(h.Value)))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private static void AppendCanonicalizedResource(StringBuilder builder, Uri uri, string accountName)
    {
        // The path is signed as sent (percent-encoded); query parameters are decoded, names lower-cased and sorted,
        // repeated names joined with commas (values sorted).
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);
        var parameters = ParseQuery(uri.Query)
            .GroupBy(p => p.Name.ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in parameters)
        {
            builder.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }
    }

    internal static IEnumerable<(string Name, string Value)> ParseQuery(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            yield return (Uri.UnescapeDataString(name), Uri.UnescapeDataString(value));
        }
    }

    private static string UnfoldWhitespace(string value)
    {
        // Folded/linear whitespace collapses to one space, except inside quoted strings, and the value is trimmed.
        var builder = new StringBuilder(value.Length);
        var quoted = false;
        var lastWasSpace = false;
        foreach (var c in value.Trim())
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            var isSpace = !quoted && (c == ' ' || c == '\t' || c == '\r' || c == '\n');
            if (isSpace)
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}

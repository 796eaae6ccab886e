using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;

namespace Pipeline.Storage.Tables;

/// <summary>Builds the $batch multipart/mixed body (one changeset) and parses the multipart response.</summary>
/// <remarks>https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions</remarks>
internal static partial class TableBatch
{
    internal static (byte[] Body, string ContentType) Build(Uri tableUri, IReadOnlyList<TableTransactionAction> actions)
    {
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("D");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("D");
        var body = new StringBuilder();
        body.Append("--").Append(batchBoundary).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var (method, url, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUri.AbsoluteUri, (string?)null, true),
                TableTransactionActionType.UpsertMerge => ("MERGE", TableClient.EntityUri(tableUri, action.Entity.PartitionKey, action.Entity.RowKey), null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", TableClient.EntityUri(tableUri, action.Entity.PartitionKey, action.Entity.RowKey), null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", TableClient.EntityUri(tableUri, action.Entity.PartitionKey, action.Entity.RowKey), IfMatch(action.ETag), true),
                TableTransactionActionType.UpdateReplace => ("PUT", TableClient.EntityUri(tableUri, action.Entity.PartitionKey, action.Entity.RowKey), IfMatch(action.ETag), true),
                TableTransactionActionType.Delete => ("DELETE", TableClient.EntityUri(tableUri, action.Entity.PartitionKey, action.Entity.RowKey), IfMatch(action.ETag), false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action."),
            };
            body.Append("--").Append(changesetBoundary).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n")
                .Append("Content-ID: ").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n")
                .Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n")
                .Append("Accept: application/json;odata=minimalmetadata\r\n")
                .Append("DataServiceVersion: 3.0;\r\n");
            if (ifMatch is not null)
            {
                body.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            }

            if (hasBody)
            {
                var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(action.Entity));
                body.Append("Content-Type: application/json\r\n")
                    .Append("Prefer: return-no-content\r\n")
                    .Append("\r\n").Append(json).Append("\r\n");
            }
            else
            {
                body.Append("\r\n");
            }
        }

        body.Append("--").Append(changesetBoundary).Append("--\r\n")
            .Append("--").Append(batchBoundary).Append("--\r\n");
        return (Encoding.UTF8.GetBytes(body.ToString()), "multipart/mixed; boundary=" + batchBoundary);
    }

    internal static string IfMatch(ETag etag) => etag == default ? "*" : etag.ToString("H");

    /// <summary>Splits the response into one sub-response per operation (or the single failing one).</summary>
    internal static IReadOnlyList<BatchItemResponse> Parse(string contentType, string body)
    {
        var outer = Boundary(contentType) ?? throw new FormatException("The $batch response has no multipart boundary.");
        var results = new List<BatchItemResponse>();
        foreach (var part in Parts(body, outer))
        {
            var (headers, partBody) = SplitHeaders(part);
            var innerType = headers.FirstOrDefault(h => string.Equals(h.Name, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "";
            if (innerType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase) && Boundary(innerType) is { } inner)
            {
                results.AddRange(Parts(partBody, inner).Select(ParseHttp));
            }
            else
            {
                results.Add(ParseHttp(part));
            }
        }

        return results;
    }

    private static BatchItemResponse ParseHttp(string part)
    {
        var (_, http) = SplitHeaders(part);
        var (lines, body) = SplitHeaders(http, keepStatusLine: true);
        var statusLine = StatusLine().Match(lines.Count > 0 ? lines[0].Name : "");
        if (!statusLine.Success)
        {
            throw new FormatException("A $batch sub-response has no HTTP status line.");
        }

        var status = int.Parse(statusLine.Groups[1].Value, CultureInfo.InvariantCulture);
        return new BatchItemResponse(status, statusLine.Groups[2].Value.Trim(), lines.Skip(1).ToList(), BinaryData.FromString(body.Trim()));
    }

    private static List<string> Parts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var pieces = body.Split(delimiter);

        // pieces[0] is the preamble; a piece starting with "--" is the closing delimiter's tail.
        return pieces.Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).Select(p => p.TrimStart('\r', '\n')).ToList();
    }

    private static (List<(string Name, string Value)> Headers, string Body) SplitHeaders(string text, bool keepStatusLine = false)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? normalized : normalized[..end];
        var rest = end < 0 ? "" : normalized[(end + 2)..];
        var headers = new List<(string Name, string Value)>();
        foreach (var line in head.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (keepStatusLine && headers.Count == 0 && line.StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add((line, ""));
            }
            else if (colon > 0)
            {
                headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return (headers, rest);
    }

    private static string? Boundary(string contentType)
    {
        var match = BoundaryParameter().Match(contentType);
        return match.Success ? match.Groups[1].Value.Trim('"') : null;
    }

    /// <summary>The failing operation's index: the service prefixes the message with "N:"; else the Content-ID we sent.</summary>
    internal static (string? Code, string? Message, int? Index) DescribeFailure(BatchItemResponse failure)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(failure.Content.ToString());
            if (document.RootElement.TryGetProperty("odata.error", out var error))
            {
                code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v)
                    ? v.GetString()
                    : null;
            }
        }
        catch (JsonException)
        {
        }

        int? index = null;
        var prefix = message is null ? Match.Empty : IndexPrefix().Match(message);
        if (prefix.Success)
        {
            index = int.Parse(prefix.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        else if (failure.Headers.TryGetValue("Content-ID", out var contentId) && int.TryParse(contentId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
        {
            index = id;
        }

        return (code, message, index);
    }

    [GeneratedRegex(@"^HTTP/\d\.\d\s+(\d{3})(.*)$")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"boundary=([^;\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryParameter();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}

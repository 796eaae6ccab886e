using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Pipeline.Storage.Http;

/// <summary>Turns a failed response into Azure.RequestFailedException with the storage error code.</summary>
/// <remarks>Error codes come from x-ms-error-code, else the XML (Blob) or OData JSON (Table) body:
/// https://learn.microsoft.com/rest/api/storageservices/status-and-error-codes2</remarks>
internal static class StorageErrors
{
    private static readonly StorageErrorDetailsParser s_parser = new();

    internal static RequestFailedException CreateException(Response response)
    {
        var inner = new RequestFailedException(response, null, s_parser);
        return WithRequestId(inner, response);
    }

    internal static string? TryGetCode(Response response) =>
        s_parser.TryParse(response, out var error, out _) ? error?.Code : null;

    private static RequestFailedException WithRequestId(RequestFailedException exception, Response response)
    {
        // Azure.Core lists x-ms-request-id among the logged headers, but only when the options allow it;
        // the request id is what support asks for, so make sure it is always in the first line.
        if (response.Headers.TryGetValue("x-ms-request-id", out var requestId) &&
            !exception.Message.Contains(requestId, StringComparison.Ordinal))
        {
            return new RequestFailedException(
                response.Status,
                $"{exception.Message}{Environment.NewLine}x-ms-request-id: {requestId}",
                exception.ErrorCode,
                exception);
        }

        return exception;
    }

    private sealed class StorageErrorDetailsParser : RequestFailedDetailsParser
    {
        public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
        {
            data = null;
            response.Headers.TryGetValue("x-ms-error-code", out var code);
            string? message = null;
            var body = ReadBody(response);
            if (body.Length > 0)
            {
                (var bodyCode, message) = body.TrimStart().StartsWith('<') ? ParseXml(body) : ParseJson(body);
                code ??= bodyCode;
            }

            error = code is null && message is null ? null : new ResponseError(code, message);
            return error is not null;
        }

        private static string ReadBody(Response response)
        {
            try
            {
                return response.ContentStream is { CanSeek: true } ? response.Content.ToString() : "";
            }
            catch (InvalidOperationException)
            {
                return "";
            }
        }

        private static (string? Code, string? Message) ParseXml(string body)
        {
            try
            {
                var root = XDocument.Parse(body).Root;
                return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
            }
            catch (System.Xml.XmlException)
            {
                return (null, null);
            }
        }

        private static (string? Code, string? Message) ParseJson(string body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object &&
                    (document.RootElement.TryGetProperty("odata.error", out var error) || document.RootElement.TryGetProperty("error", out error)))
                {
                    var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    string? message = null;
                    if (error.TryGetProperty("message", out var m))
                    {
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                    }

                    return (code, message);
                }
            }
            catch (JsonException)
            {
            }

            return (null, null);
        }
    }
}

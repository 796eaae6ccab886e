using System.Security.Cryptography;
using System.Text;
using System.Text.Json;


namespace Pipeline.Functions.Api;

/// <summary>Opaque paging tokens: base64url JSON holding a hash of the query's parameters, the storage position and a checksum.</summary>
/// <remarks>
/// A token only resumes the query it came from: another query's token, or one that was altered, is refused (400).
/// The checksum catches corruption and casual edits; it is not a secret (any instance must read any other's tokens).
/// </remarks>
internal static class ContinuationToken
{
    private sealed record Payload(string H, string? S, int K, string C);

    /// <summary>A hash identifying a query by its parameters.</summary>
    public static string QueryHash(params string?[] parameters) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u0001', parameters.Select(p => p ?? "\u0000")))).AsSpan(0, 12));

    /// <summary>Makes a token resuming at storage position <paramref name="storageToken"/>, skipping <paramref name="skip"/> rows there.</summary>
    public static string Encode(string queryHash, string? storageToken, int skip)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(queryHash, storageToken, skip, Checksum(queryHash, storageToken, skip)));
        return Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a token made by <see cref="Encode"/> for the same query; false with a reason otherwise.</summary>
    public static bool TryDecode(string token, string queryHash, out string? storageToken, out int skip, out string? error)
    {
        storageToken = null;
        skip = 0;
        error = "continuationToken is not valid for this query.";
        if (token.Length is 0 or > 4096)
        {
            return false;
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var payload = JsonSerializer.Deserialize<Payload>(Convert.FromBase64String(base64));
            if (payload is null || payload.K < 0 || payload.H is null || payload.C is null
                || !string.Equals(payload.C, Checksum(payload.H, payload.S, payload.K), StringComparison.Ordinal)
                || !string.Equals(payload.H, queryHash, StringComparison.Ordinal))
            {
                return false;
            }

            storageToken = payload.S;
            skip = payload.K;
            error = null;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Checksum(string hash, string? storageToken, int skip) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"pipeline-token-v1\u0001{hash}\u0001{storageToken}\u0001{skip.ToString(System.Globalization.CultureInfo.InvariantCulture)}")).AsSpan(0, 8));
}

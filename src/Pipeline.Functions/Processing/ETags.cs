
namespace Pipeline.Functions.Processing;

/// <summary>Compares ETags whether or not they carry quotes (listings, properties and host metadata differ).</summary>
internal static class ETags
{
    /// <summary>The ETag without surrounding quotes or a weak prefix.</summary>
    public static string Normalize(string? etag)
    {
        var value = (etag ?? string.Empty).Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Trim('"');
    }

    /// <summary>Whether two ETags name the same version.</summary>
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);
}

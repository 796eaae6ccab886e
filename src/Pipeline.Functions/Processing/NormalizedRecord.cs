using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Articles;


namespace Pipeline.Functions.Processing;

/// <summary>The JSON blob NormalizeArticle writes to <c>normalized/{name}</c> and AlignArticle reads.</summary>
/// <param name="Name">The article's blob name in <c>articles</c>.</param>
/// <param name="Outlet">The outlet that published it.</param>
/// <param name="SourceETag">ETag of the article blob this record was made from; a record whose ETag is no longer the blob's is stale.</param>
/// <param name="ContentHash">Hash of the article blob's bytes: equal for byte-identical uploads, so re-uploading the same file keeps every row.</param>
/// <param name="Signature">Content signature: equal for identical copies.</param>
/// <param name="Article">The normalized, segmented article.</param>
internal sealed record NormalizedRecord(string Name, string Outlet, string SourceETag, string ContentHash, string Signature, Article Article)
{
    /// <summary>Format version of the record.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The headline from blob metadata <c>title</c>, which wins over the one found in the text.</summary>
    public string? Title { get; init; }

    /// <summary>The original's address, from blob metadata <c>url</c>.</summary>
    public string? Url { get; init; }

    /// <summary>When it was published, from blob metadata <c>published</c>.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When this version of the blob was uploaded.</summary>
    public DateTimeOffset? Uploaded { get; init; }

    /// <summary>The article's date for the time window: <see cref="Published"/> when given, else <see cref="Uploaded"/>.</summary>
    [JsonIgnore]
    public DateTimeOffset? Dated => Published ?? Uploaded;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Serializes the record.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, s_json);

    /// <summary>Parses a record; throws <see cref="JsonException"/> when the bytes are not one.</summary>
    public static NormalizedRecord Parse(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<NormalizedRecord>(json, s_json) ?? throw new JsonException("The normalized record is empty.");
}

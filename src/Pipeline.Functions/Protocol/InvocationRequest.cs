using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Functions.Protocol;

/// <summary>What the Functions host posts to a custom handler for a non-HTTP trigger: binding data plus trigger metadata.</summary>
/// <remarks>
/// The host serializes many metadata values as JSON-in-JSON (a string holding <c>"\"name.txt\""</c> or an object's JSON),
/// so every accessor here accepts both the plain and the doubly-encoded form.
/// </remarks>
internal sealed record InvocationRequest
{
    /// <summary>Input binding values by binding name.</summary>
    [JsonPropertyName("Data")]
    public Dictionary<string, JsonElement>? Data { get; init; }

    /// <summary>Trigger metadata by name (name, Uri, Properties, Metadata, sys, ...).</summary>
    [JsonPropertyName("Metadata")]
    public Dictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>The metadata value as a string, unwrapping a JSON-encoded string; null when absent.</summary>
    public string? MetadataString(string key) => Find(Metadata, key) is { } value ? AsString(value) : null;

    /// <summary>The metadata value as a JSON object, parsing it when the host sent it as a string; null when absent or not an object.</summary>
    public JsonElement? MetadataObject(string key) => Find(Metadata, key) is { } value ? AsObject(value) : null;

    /// <summary>The binary content of an input binding: base64 (the host's form for dataType binary), else the string's UTF-8 bytes.</summary>
    public byte[]? DataBytes(string binding)
    {
        if (Find(Data, binding) is not { } value)
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString() ?? string.Empty;
                var buffer = new byte[text.Length];
                return Convert.TryFromBase64String(text, buffer, out var written)
                    ? buffer[..written]
                    : System.Text.Encoding.UTF8.GetBytes(text);
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            default:
                // An object or array: the host already parsed JSON content; hand back its JSON text.
                return System.Text.Encoding.UTF8.GetBytes(value.GetRawText());
        }
    }

    /// <summary>A string property of an object-valued metadata entry (for example Properties.ETag), case-insensitively.</summary>
    public string? MetadataProperty(string key, string property)
    {
        if (MetadataObject(key) is not { } obj)
        {
            return null;
        }

        foreach (var member in obj.EnumerateObject())
        {
            if (string.Equals(member.Name, property, StringComparison.OrdinalIgnoreCase))
            {
                return member.Value.ValueKind switch
                {
                    JsonValueKind.String => member.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => member.Value.GetRawText(),
                };
            }
        }

        return null;
    }

    /// <summary>The object-valued metadata entry as a string dictionary (for example the blob's own Metadata).</summary>
    public IReadOnlyDictionary<string, string> MetadataDictionary(string key)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (MetadataObject(key) is { } obj)
        {
            foreach (var member in obj.EnumerateObject())
            {
                if (AsString(member.Value) is { } text)
                {
                    result[member.Name] = text;
                }
            }
        }

        return result;
    }

    private static JsonElement? Find(Dictionary<string, JsonElement>? values, string key)
    {
        if (values is null)
        {
            return null;
        }

        if (values.TryGetValue(key, out var exact))
        {
            return exact;
        }

        foreach (var (name, value) in values)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static string? AsString(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString();
                if (text is { Length: >= 2 } && text[0] == '"' && text[^1] == '"')
                {
                    try
                    {
                        return JsonSerializer.Deserialize<string>(text);
                    }
                    catch (JsonException)
                    {
                        return text;
                    }
                }

                return text;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            default:
                return value.GetRawText();
        }
    }

    private static JsonElement? AsObject(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && text.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }
}

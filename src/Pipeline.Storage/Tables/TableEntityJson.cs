using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Azure;

namespace Pipeline.Storage.Tables;

/// <summary>Entity ⇄ OData JSON with @odata.type annotations for the types JSON cannot carry.</summary>
/// <remarks>https://learn.microsoft.com/rest/api/storageservices/payload-format-for-table-service-operations</remarks>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    internal static byte[] Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in entity)
        {
            if (value is null || name == TableEntity.TimestampName || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }

            switch (value)
            {
                case string s:
                    writer.WriteString(name, s);
                    break;
                case int i:
                    writer.WriteNumber(name, i);
                    break;
                case long l:
                    writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                    writer.WriteString(name + TypeSuffix, "Edm.Int64");
                    break;
                case double d:
                    if (double.IsFinite(d))
                    {
                        writer.WriteNumber(name, d);
                    }
                    else
                    {
                        writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                    }

                    writer.WriteString(name + TypeSuffix, "Edm.Double");
                    break;
                case bool b:
                    writer.WriteBoolean(name, b);
                    break;
                case DateTimeOffset dto:
                    writer.WriteString(name, FormatDate(dto));
                    writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                    break;
                case DateTime dt:
                    writer.WriteString(name, FormatDate(new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt)));
                    writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                    break;
                case Guid g:
                    writer.WriteString(name, g.ToString("D"));
                    writer.WriteString(name + TypeSuffix, "Edm.Guid");
                    break;
                case byte[] bytes:
                    writer.WriteBase64String(name, bytes);
                    writer.WriteString(name + TypeSuffix, "Edm.Binary");
                    break;
                case BinaryData data:
                    writer.WriteBase64String(name, data.ToMemory().Span);
                    writer.WriteString(name + TypeSuffix, "Edm.Binary");
                    break;
                default:
                    throw new ArgumentException(
                        $"Property '{name}' has type {value.GetType().Name}; supported: string, int, long, double, bool, DateTimeOffset, DateTime, Guid, byte[], BinaryData.",
                        nameof(entity));
            }
        }

        writer.WriteEndObject();
    }

    internal static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static TableEntity Read(JsonElement element, ETag headerETag = default)
    {
        var entity = new TableEntity();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString()!;
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name == "odata.etag")
            {
                entity.ETag = new ETag(property.Value.GetString()!);
                continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            types.TryGetValue(name, out var type);
            if (name == TableEntity.TimestampName)
            {
                type = "Edm.DateTime";
            }

            entity[name] = ReadValue(property.Value, type, name);
        }

        if (entity.ETag == default && headerETag != default)
        {
            entity.ETag = headerETag;
        }

        return entity;
    }

    private static object? ReadValue(JsonElement value, string? type, string name)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                if (type == "Edm.Double")
                {
                    return value.GetDouble();
                }

                if (type == "Edm.Int64")
                {
                    return value.GetInt64();
                }

                var raw = value.GetRawText();
                if (raw.AsSpan().IndexOfAny(".eE") < 0 && value.TryGetInt32(out var i))
                {
                    return i;
                }

                return raw.AsSpan().IndexOfAny(".eE") < 0 && value.TryGetInt64(out var l) ? l : value.GetDouble();
            case JsonValueKind.String:
                var text = value.GetString()!;
                return type switch
                {
                    null or "Edm.String" => text,
                    "Edm.Int64" => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                    "Edm.Int32" => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                    "Edm.Double" => text switch
                    {
                        "NaN" => double.NaN,
                        "Infinity" => double.PositiveInfinity,
                        "-Infinity" => double.NegativeInfinity,
                        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                    },
                    "Edm.DateTime" => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                    "Edm.Guid" => Guid.Parse(text, CultureInfo.InvariantCulture),
                    "Edm.Binary" => Convert.FromBase64String(text),
                    "Edm.Boolean" => bool.Parse(text),
                    _ => throw new FormatException($"Property '{name}' has unsupported type '{type}'."),
                };
            default:
                throw new FormatException($"Property '{name}' has an unexpected JSON {value.ValueKind}.");
        }
    }
}

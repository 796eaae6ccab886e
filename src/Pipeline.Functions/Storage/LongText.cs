using Azure.Data.Tables;

namespace Pipeline.Functions.Storage;

/// <summary>Stores text longer than one table property allows (64 KiB) across numbered properties.</summary>
internal static class LongText
{
    // 30,000 UTF-16 characters stay under the 64 KiB property limit; 16 chunks keep the entity under 1 MiB.
    private const int ChunkChars = 30_000;
    private const int MaxChunks = 16;

    /// <summary>Writes <paramref name="text"/> into properties name, name1, name2...; text beyond the limit is cut.</summary>
    public static void Write(TableEntity entity, string name, string? text)
    {
        if (text is null)
        {
            return;
        }

        var chunks = 0;
        for (var offset = 0; offset < text.Length && chunks < MaxChunks; offset += ChunkChars, chunks++)
        {
            var key = chunks == 0 ? name : name + chunks.ToString(System.Globalization.CultureInfo.InvariantCulture);
            entity[key] = text.Substring(offset, Math.Min(ChunkChars, text.Length - offset));
        }

        if (chunks == 0)
        {
            entity[name] = string.Empty;
        }
    }

    /// <summary>Reads back what <see cref="Write"/> stored.</summary>
    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetString(name) is not { } first)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(first);
        for (var i = 1; i < MaxChunks && entity.GetString(name + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } next; i++)
        {
            builder.Append(next);
        }

        return builder.ToString();
    }

    /// <summary>The properties <see cref="Write"/> may use for <paramref name="name"/>, for a query's select list.</summary>
    public static IEnumerable<string> Names(string name) =>
        Enumerable.Range(0, MaxChunks).Select(i => i == 0 ? name : name + i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A string cut to fit one property.</summary>
    public static string Clip(string text) => text.Length > ChunkChars ? text[..ChunkChars] : text;
}

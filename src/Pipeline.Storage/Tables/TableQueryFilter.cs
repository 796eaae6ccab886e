using System.Globalization;
using System.Text;

namespace Pipeline.Storage.Tables;

/// <summary>Formats interpolated values as OData literals so a value can never change the filter's structure.</summary>
/// <remarks>Literal forms: https://learn.microsoft.com/rest/api/storageservices/querying-tables-and-entities#constructing-filter-strings</remarks>
internal static class TableQueryFilter
{
    internal static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select((value, index) => (object)Literal(value, index)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    internal static string Literal(object? value, int index = 0) => value switch
    {
        null => throw new ArgumentException($"Filter argument {index} is null; Table queries cannot compare with null.", nameof(value)),
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d when double.IsFinite(d) => FormatDouble(d),
        DateTimeOffset dto => $"datetime'{TableEntityJson.FormatDate(dto)}'",
        DateTime dt => $"datetime'{TableEntityJson.FormatDate(new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt))}'",
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexString(bytes)}'",
        BinaryData data => $"X'{Convert.ToHexString(data.ToMemory().Span)}'",
        _ => throw new ArgumentException(
            $"Filter argument {index} has type {value.GetType().Name}; supported: string, char, bool, int, long, finite double, DateTimeOffset, DateTime, Guid, byte[], BinaryData.",
            nameof(value)),
    };

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            builder.Append(c);
            if (c == '\'')
            {
                builder.Append('\'');
            }
        }

        return builder.Append('\'').ToString();
    }

    private static string FormatDouble(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);

        // A bare "5" would be an Int32 literal; keep the double type explicit.
        return text.AsSpan().IndexOfAny(".E") < 0 ? text + ".0" : text;
    }
}

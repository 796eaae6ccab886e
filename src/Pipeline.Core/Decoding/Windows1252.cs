namespace Pipeline.Core.Decoding;

/// <summary>Decodes Windows-1252, the usual encoding of text that is not valid UTF-8.</summary>
/// <remarks>
/// Our own table rather than System.Text.Encoding.CodePages so there is no process-wide provider registration.
/// Only 0x80-0x9F differ from Latin-1; the five undefined bytes map to the C1 control of the same value, which the
/// binary check then counts.
/// </remarks>
internal static class Windows1252
{
    private static readonly char[] s_high =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    public static string Decode(ReadOnlySpan<byte> bytes) =>
        string.Create(bytes.Length, bytes.ToArray(), static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var b = source[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? s_high[b - 0x80] : (char)b;
            }
        });
}

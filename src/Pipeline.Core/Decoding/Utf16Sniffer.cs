namespace Pipeline.Core.Decoding;

/// <summary>Recognises UTF-16 text saved without a byte order mark (as some Windows tools do) by its pattern of zero bytes.</summary>
internal static class Utf16Sniffer
{
    private const int SamplePairs = 4096;

    /// <summary>Whether <paramref name="content"/> looks like BOM-less UTF-16, and in which byte order.</summary>
    /// <remarks>
    /// Text in Latin, Cyrillic, Greek and most punctuation has a zero high byte in nearly every code unit, and no zero
    /// low byte: so one position of each byte pair is almost always zero and the other almost never. Binary data with
    /// NULs does not show that pattern. Scripts whose high byte is never zero (CJK) are not recognised; they stay refused.
    /// </remarks>
    public static bool LooksLikeUtf16(ReadOnlySpan<byte> content, out bool bigEndian)
    {
        bigEndian = false;
        if (content.Length < 8 || content.Length % 2 != 0)
        {
            return false;
        }

        var pairs = Math.Min(content.Length / 2, SamplePairs);
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < pairs; i++)
        {
            zeroEven += content[2 * i] == 0 ? 1 : 0;
            zeroOdd += content[(2 * i) + 1] == 0 ? 1 : 0;
        }

        // 90 % of code units with a zero high byte, and a zero low byte in at most 1 %.
        static bool Pattern(int zeroHigh, int zeroLow, int pairs) => zeroHigh * 10 >= pairs * 9 && zeroLow * 100 <= pairs;
        if (Pattern(zeroOdd, zeroEven, pairs))
        {
            return true;
        }

        bigEndian = Pattern(zeroEven, zeroOdd, pairs);
        return bigEndian;
    }
}

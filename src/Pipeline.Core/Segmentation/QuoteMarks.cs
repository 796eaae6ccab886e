namespace Pipeline.Core.Segmentation;

/// <summary>Double quotation marks: straight ones open or close by position, curly and guillemets by shape.</summary>
internal static class QuoteMarks
{
    public static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\uFF02' or '\u2033';

    public static bool IsOpenOnly(char c) => c is '\u201C' or '\u201E' or '\u201F' or '\u00AB';

    public static bool IsCloseOnly(char c) => c is '\u201D' or '\u00BB';
}

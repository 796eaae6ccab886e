namespace Pipeline.Cli.Measure;

/// <summary>The words of an article's decoded original text, independent of Core's normalization and tokens.</summary>
/// <remarks>
/// The measure must not share the pipeline's idea of a word, or a tokenization bug would hide itself: a word here is a
/// run of letters and digits, apostrophes and hyphens inside a word kept ("it's", "31-year-old" are one word each),
/// case-folded, located in the original text.
/// </remarks>
internal sealed class RawWords
{
    private RawWords(ulong[] hashes, int[] starts, int[] ends)
    {
        Hashes = hashes;
        Starts = starts;
        Ends = ends;
    }

    /// <summary>Hash of each case-folded word.</summary>
    public ulong[] Hashes { get; }

    /// <summary>Offset of each word's first character in the original text.</summary>
    public int[] Starts { get; }

    /// <summary>Offset just past each word's last character.</summary>
    public int[] Ends { get; }

    public int Count => Hashes.Length;

    public static RawWords Of(string text)
    {
        var hashes = new List<ulong>();
        var starts = new List<int>();
        var ends = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var hash = 14695981039346656037UL;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (IsJoiner(text[i]) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && i > start)))
            {
                var c = IsApostrophe(text[i]) ? '\'' : text[i] is '-' or '\u2010' or '\u2011' ? '-' : char.ToLowerInvariant(text[i]);
                hash = (hash ^ c) * 1099511628211UL;
                i++;
            }

            hashes.Add(hash);
            starts.Add(start);
            ends.Add(i);
        }

        return new RawWords([.. hashes], [.. starts], [.. ends]);
    }

    /// <summary>Hash of the <paramref name="length"/> words starting at <paramref name="position"/>.</summary>
    public ulong GramAt(int position, int length)
    {
        var hash = 1469598103934665603UL;
        for (var i = position; i < position + length; i++)
        {
            hash = (hash ^ Hashes[i]) * 1099511628211UL;
            hash ^= hash >> 29;
        }

        return hash;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool IsJoiner(char c) => IsApostrophe(c) || c is '-' or '\u2010' or '\u2011';
}

namespace Pipeline.Core.Segmentation;

/// <summary>Reduces a speaker as written to a grouping key.</summary>
internal static class SpeakerNames
{
    private static readonly HashSet<string> s_suffixes = new(StringComparer.OrdinalIgnoreCase) { "jr", "sr", "ii", "iii", "iv" };

    /// <summary>The last name word, without possessive or punctuation, case-folded: "Rear Adm. John F. Kirby" → "kirby".</summary>
    public static string KeyOf(string speaker)
    {
        var words = speaker.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = words.Length - 1; i >= 0; i--)
        {
            var word = words[i].Trim('.', ',', ';', ':', '"', '\u201C', '\u201D', '(', ')');
            if (word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase))
            {
                word = word[..^2];
            }

            if (word.Length == 0 || s_suffixes.Contains(word))
            {
                continue;
            }

            return word.ToLowerInvariant();
        }

        return speaker.Trim().ToLowerInvariant();
    }
}

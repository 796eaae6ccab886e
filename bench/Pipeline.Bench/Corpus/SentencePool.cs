using System.Text.RegularExpressions;

namespace Pipeline.Bench.Corpus;

/// <summary>
/// Real sentences harvested from real articles: the quotable ones become planted passages, and all of them
/// train the word chain that writes the filler around the passages.
/// </summary>
internal sealed partial class SentencePool
{
    private SentencePool(IReadOnlyList<string> sentences, IReadOnlyList<string> quotable)
    {
        Sentences = sentences;
        Quotable = quotable;
    }

    /// <summary>Every sentence, in corpus order.</summary>
    public IReadOnlyList<string> Sentences { get; }

    /// <summary>Distinct sentences of 12 to 45 words without quote marks of their own: the planted-passage stock.</summary>
    public IReadOnlyList<string> Quotable { get; }

    public static SentencePool Harvest(RealCorpus corpus)
    {
        var sentences = new List<string>();
        foreach (var article in corpus.Articles)
        {
            foreach (var line in article.Text.Split('\n'))
            {
                var trimmed = WhitespaceRun().Replace(line, " ").Trim();
                if (trimmed.Length == 0)
                {
                    continue;
                }

                foreach (var sentence in SentenceBreak().Split(trimmed))
                {
                    var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length >= 4)
                    {
                        sentences.Add(string.Join(' ', words));
                    }
                }
            }
        }

        // Outlets in the real set share wire copy, so near-identical sentences appear several times: keep one
        // of each (keyed on both ends) so two planted passages never secretly share text.
        var seenHeads = new HashSet<string>(StringComparer.Ordinal);
        var seenTails = new HashSet<string>(StringComparer.Ordinal);
        var quotable = new List<string>();
        foreach (var sentence in sentences)
        {
            if (sentence.IndexOfAny(QuoteMarks) >= 0)
            {
                continue;
            }

            var words = sentence.Split(' ');
            if (words.Length is < 12 or > 45)
            {
                continue;
            }

            var head = string.Join(' ', words.Take(6)).ToUpperInvariant();
            var tail = string.Join(' ', words.TakeLast(6)).ToUpperInvariant();
            if (seenHeads.Add(head) & seenTails.Add(tail))
            {
                quotable.Add(sentence);
            }
        }

        return new SentencePool(sentences, quotable);
    }

    private static readonly char[] QuoteMarks = ['"', '“', '”', '‘', '\'', '’', '[', ']', '(', ')'];

    [GeneratedRegex(@"(?<=[.!?][""”’)]?)\s+(?=[""“‘(]?[A-Z0-9])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}

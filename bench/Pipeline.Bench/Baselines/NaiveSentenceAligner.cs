using System.Text;
using System.Text.RegularExpressions;
using DiffPlex;

namespace Pipeline.Bench.Baselines;

/// <summary>
/// The obvious alternative: split both articles into sentences and word-diff every sentence of one against every
/// sentence of the other with DiffPlex, keeping pairs whose similarity clears a threshold. No index, no shingles.
/// </summary>
internal sealed partial class NaiveSentenceAligner(double threshold = 0.5)
{
    private const int MinWords = 4;
    private static readonly Func<string, string[]> WordChunks = s => s.Split(' ');
    private readonly Differ _differ = new();

    /// <summary>Splits an article once; the result is reused for every pair it takes part in.</summary>
    public static NaiveArticle Prepare(string text)
    {
        var sentences = new List<NaiveSentence>();
        var start = 0;
        foreach (Match m in Boundary().Matches(text))
        {
            Add(text, start, m.Index, sentences);
            start = m.Index + m.Length;
        }

        Add(text, start, text.Length, sentences);
        return new NaiveArticle(sentences);
    }

    /// <summary>Every sentence pair of (a, b) at or above the threshold.</summary>
    public List<(NaiveSentence A, NaiveSentence B, double Similarity)> Align(NaiveArticle a, NaiveArticle b)
    {
        var kept = new List<(NaiveSentence, NaiveSentence, double)>();
        foreach (var sa in a.Sentences)
        {
            foreach (var sb in b.Sentences)
            {
                var diff = _differ.CreateCustomDiffs(sa.Words, sb.Words, false, WordChunks);
                var deleted = 0;
                foreach (var block in diff.DiffBlocks)
                {
                    deleted += block.DeleteCountA;
                }

                var equal = diff.PiecesOld.Length - deleted;
                var similarity = 2.0 * equal / (diff.PiecesOld.Length + diff.PiecesNew.Length);
                if (similarity >= threshold)
                {
                    kept.Add((sa, sb, similarity));
                }
            }
        }

        return kept;
    }

    private static void Add(string text, int from, int to, List<NaiveSentence> sentences)
    {
        var words = new StringBuilder(to - from);
        var count = 0;
        var inWord = false;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord && words.Length > 0)
                {
                    words.Append(' ');
                }

                if (!inWord)
                {
                    count++;
                }

                words.Append(char.ToLowerInvariant(c));
                inWord = true;
            }
            else if (c is '\'' or '’' && inWord)
            {
                continue;
            }
            else
            {
                inWord = false;
            }
        }

        if (count >= MinWords)
        {
            sentences.Add(new NaiveSentence(from, to, words.ToString(), count));
        }
    }

    [GeneratedRegex(@"(?<=[.!?][""”’)]?)\s+(?=[""“‘(]?[A-Z0-9])|\n\s*\n")]
    private static partial Regex Boundary();
}

/// <summary>An article split for the naive aligner.</summary>
internal sealed record NaiveArticle(IReadOnlyList<NaiveSentence> Sentences);

/// <summary>A sentence: its span in the text and its words, lower-cased and space-joined.</summary>
internal sealed record NaiveSentence(int Start, int End, string Words, int WordCount);

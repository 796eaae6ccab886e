namespace Pipeline.Bench.Corpus;

/// <summary>
/// A first-order word chain trained on real sentences. It writes filler with real vocabulary and real phrase
/// statistics, so unrelated generated articles share common phrases ("said in a statement") the way real news
/// does, but not whole sentences: copying real sentences into 100,000 articles would repeat each one hundreds of
/// times and turn every article into a near-duplicate of every other.
/// </summary>
internal sealed class WordChain
{
    private readonly Dictionary<string, string[]> _next;
    private readonly string[] _starts;

    private WordChain(Dictionary<string, string[]> next, string[] starts)
    {
        _next = next;
        _starts = starts;
    }

    public static WordChain Train(IReadOnlyList<string> sentences)
    {
        var next = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var starts = new List<string>();
        foreach (var sentence in sentences)
        {
            // Quote marks, brackets and parentheses are dropped: the chain would scatter unbalanced ones through
            // the filler, and those delimit exactly the things (quotes, editorial insertions) the generator plants.
            var words = sentence.Split(' ')
                .Select(w => new string(w.Where(c => c is not ('"' or '“' or '”' or '(' or ')' or '[' or ']')).ToArray()))
                .Where(w => w.Length > 0)
                .ToArray();
            if (words.Length == 0)
            {
                continue;
            }

            starts.Add(words[0]);
            for (var i = 0; i + 1 < words.Length; i++)
            {
                if (!next.TryGetValue(words[i], out var list))
                {
                    next[words[i]] = list = [];
                }

                list.Add(words[i + 1]);
            }
        }

        return new WordChain(next.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), [.. starts]);
    }

    /// <summary>One sentence of 6 to 40 words ending in terminal punctuation.</summary>
    public string Sentence(ref Prng rng, int minWords = 6, int maxWords = 40)
    {
        var words = new List<string> { _starts[rng.Next(_starts.Length)] };
        while (true)
        {
            var last = words[^1];
            var ends = last.Length > 1 && last[^1] is '.' or '?' or '!';
            if (ends && words.Count >= minWords)
            {
                break;
            }

            if (words.Count >= maxWords || !_next.TryGetValue(last, out var options))
            {
                words[^1] = last.TrimEnd(',', ';', ':', '-', '—') + ".";
                if (words.Count >= minWords)
                {
                    break;
                }

                words.Add(_starts[rng.Next(_starts.Length)]);
                continue;
            }

            words.Add(options[rng.Next(options.Length)]);
        }

        return string.Join(' ', words);
    }

    /// <summary>A short run of words without terminal punctuation, for headlines and editorial insertions.</summary>
    public string Phrase(ref Prng rng, int words)
    {
        var sentence = Sentence(ref rng, words, words + 10).Split(' ');
        return string.Join(' ', sentence.Take(words)).TrimEnd('.', ',', ';', ':', '?', '!');
    }
}

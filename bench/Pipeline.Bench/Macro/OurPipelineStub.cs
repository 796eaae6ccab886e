using Pipeline.Bench.Baselines;
using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;

namespace Pipeline.Bench.Macro;

internal readonly record struct Shingle(ulong Hash, int Position);

// TEMPORARY stand-in until core-prepare/core-align land; never committed.
internal sealed class OurPipeline
{
    private readonly Dictionary<ulong, List<string>> _index = [];
    private int _count;

    public int Count => _count;

    public static Article Prepare(string name, string text)
    {
        var tokens = new List<Token>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var w = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (w && start < 0) start = i;
            else if (!w && start >= 0) { tokens.Add(new Token(start, i - start, text[start..i].ToLowerInvariant())); start = -1; }
        }
        return new Article(name, text, text, new OffsetMap([]), null, tokens, []);
    }

    public static Article Prepare(string name, byte[] content) => Prepare(name, System.Text.Encoding.UTF8.GetString(content));

    public static IReadOnlyList<Shingle> Fingerprint(Article article)
    {
        var list = new List<Shingle>();
        for (var i = 0; i + 4 <= article.Tokens.Count; i++)
        {
            var h = (ulong)HashCode.Combine(article.Tokens[i].Key, article.Tokens[i + 1].Key, article.Tokens[i + 2].Key, article.Tokens[i + 3].Key);
            if (h % 4 == 0) list.Add(new Shingle(h, i));
        }
        return list;
    }

    public void Add(string name, IReadOnlyList<Shingle> shingles)
    {
        foreach (var s in shingles)
        {
            if (!_index.TryGetValue(s.Hash, out var l)) _index[s.Hash] = l = [];
            if (l.Count <= 200) l.Add(name);
        }
        _count++;
    }

    public IReadOnlyList<string> FindCandidates(IReadOnlyList<Shingle> shingles, string name)
    {
        var counts = new Dictionary<string, int>();
        foreach (var s in shingles)
            if (_index.TryGetValue(s.Hash, out var l) && l.Count <= 200)
                foreach (var n in l) if (n != name) counts[n] = counts.GetValueOrDefault(n) + 1;
        return counts.Where(p => p.Value >= 2).OrderByDescending(p => p.Value).Take(100).Select(p => p.Key).ToList();
    }

    public static IReadOnlyList<Alignment> Align(Article source, Article target)
    {
        var a = NaiveSentenceAligner.Prepare(source.Original);
        var b = NaiveSentenceAligner.Prepare(target.Original);
        return new NaiveSentenceAligner().Align(a, b).Select(k => new Alignment(
            new AlignedSpan(source.Name, k.A.Start, k.A.End, ""), new AlignedSpan(target.Name, k.B.Start, k.B.End, ""), k.Similarity, PassageKind.Text, [])).ToList();
    }
}

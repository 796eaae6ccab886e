using Pipeline.Core.Articles;

namespace Pipeline.Core.Tokens;

/// <summary>The alias table of <see cref="ReadOptions"/> compiled to word-key sequences, looked up by first key.</summary>
internal sealed class PhraseTable
{
    private readonly Dictionary<string, List<Phrase>> _byFirst = new(StringComparer.Ordinal);

    private PhraseTable()
    {
    }

    public static PhraseTable Compile(IReadOnlyDictionary<string, string> aliases)
    {
        var table = new PhraseTable();
        foreach (var (source, target) in aliases)
        {
            var words = WordScanner.Scan(source);
            if (words.Count == 0)
            {
                continue;
            }

            var keys = words.Select(w => WordKey.Of(source, w.Start, w.End)).ToArray();

            // A short all-capitals alias ("IS") is also an everyday word in lower case: match it only as written.
            var exact = source.Length <= 2 && source.All(char.IsUpper) ? source : null;
            if (!table._byFirst.TryGetValue(keys[0], out var list))
            {
                list = [];
                table._byFirst[keys[0]] = list;
            }

            list.Add(new Phrase(keys, target.ToLowerInvariant(), exact));
            list.Sort((a, b) => b.Keys.Length.CompareTo(a.Keys.Length));
        }

        return table;
    }

    public bool TryGet(string firstKey, out List<Phrase> phrases) => _byFirst.TryGetValue(firstKey, out phrases!);

    /// <summary>One alias: its word keys, the key it maps to, and the exact spelling required when case matters.</summary>
    internal sealed record Phrase(string[] Keys, string Target, string? Exact);
}

namespace Pipeline.Bench.Corpus;

/// <summary>The edits outlets make when they copy a quote or a wire paragraph.</summary>
[Flags]
internal enum OutletEdit
{
    None = 0,
    BracketInsertion = 1,
    Ellipsis = 2,
    CurlyQuotes = 4,
    Hyphenation = 8,
    DroppedWord = 16,
    InsertedWord = 32,
    Parenthetical = 64,
}

/// <summary>Applies a random, bounded set of outlet edits to one copy of a passage.</summary>
internal static class OutletEdits
{
    private static readonly string[] Fillers = ["also", "now", "still", "really", "very", "just", "indeed", "then"];
    private static readonly string[] Ellipses = [". . .", "…", "..."];
    private static readonly string[] Parentheticals =
        ["(the Iranians)", "(the Americans)", "(the company)", "(the president)", "(ISIL)", "(the ministry)", "(them)"];

    /// <summary>
    /// Returns the edited words and which edits were applied. At most three edits, so a copy stays recognisably
    /// the same passage (as published copies do).
    /// </summary>
    public static (string Text, OutletEdit Edits) Apply(string passage, WordChain chain, ref Prng rng)
    {
        var words = passage.Split(' ').ToList();
        var edits = OutletEdit.None;
        var budget = 3;

        if (budget > 0 && words.Count >= 18 && rng.Chance(0.3))
        {
            var from = rng.Next(3, words.Count - 8);
            var count = rng.Next(3, 7);
            words.RemoveRange(from, count);
            words.Insert(from, rng.Pick(Ellipses));
            edits |= OutletEdit.Ellipsis;
            budget--;
        }

        if (budget > 0 && rng.Chance(0.35))
        {
            var insertion = "[" + chain.Phrase(ref rng, rng.Next(1, 5)).Trim('[', ']', '(', ')', '"', '“', '”') + "]";
            words.Insert(rng.Next(1, words.Count - 1), insertion);
            edits |= OutletEdit.BracketInsertion;
            budget--;
        }

        if (budget > 0 && rng.Chance(0.25))
        {
            var candidates = Enumerable.Range(0, words.Count)
                .Where(i => words[i].Length >= 7 && words[i].All(char.IsLetter))
                .ToList();
            if (candidates.Count > 0)
            {
                var i = rng.Pick(candidates);
                var at = rng.Next(2, 4);
                words[i] = words[i][..at] + "-" + words[i][at..];
                edits |= OutletEdit.Hyphenation;
                budget--;
            }
        }

        if (budget > 0 && words.Count > 8 && rng.Chance(0.25))
        {
            words.RemoveAt(rng.Next(2, words.Count - 2));
            edits |= OutletEdit.DroppedWord;
            budget--;
        }

        if (budget > 0 && rng.Chance(0.25))
        {
            words.Insert(rng.Next(2, words.Count - 1), rng.Pick(Fillers));
            edits |= OutletEdit.InsertedWord;
            budget--;
        }

        if (budget > 0 && rng.Chance(0.2))
        {
            words.Insert(rng.Next(2, words.Count - 1), rng.Pick(Parentheticals));
            edits |= OutletEdit.Parenthetical;
        }

        return (string.Join(' ', words), edits);
    }
}

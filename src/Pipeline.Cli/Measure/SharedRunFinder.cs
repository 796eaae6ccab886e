namespace Pipeline.Cli.Measure;

/// <summary>Every maximal run of at least N identical words that two articles share.</summary>
internal static class SharedRunFinder
{
    public static List<SharedRun> Find(IReadOnlyList<RawWords> articles, int minLength)
    {
        var postings = new Dictionary<ulong, List<(int Article, int Position)>>();
        for (var a = 0; a < articles.Count; a++)
        {
            var words = articles[a];
            for (var p = 0; p + minLength <= words.Count; p++)
            {
                var gram = words.GramAt(p, minLength);
                if (!postings.TryGetValue(gram, out var list))
                {
                    list = [];
                    postings[gram] = list;
                }

                list.Add((a, p));
            }
        }

        var runs = new List<SharedRun>();
        foreach (var list in postings.Values)
        {
            if (list.Count < 2)
            {
                continue;
            }

            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    var (a, pa) = list[x];
                    var (b, pb) = list[y];
                    if (a == b)
                    {
                        continue;
                    }

                    if (a > b)
                    {
                        (a, pa, b, pb) = (b, pb, a, pa);
                    }

                    // Start runs only where they start, so a run of L words is reported once, not L - N + 1 times.
                    var wa = articles[a];
                    var wb = articles[b];
                    if (pa > 0 && pb > 0 && wa.Hashes[pa - 1] == wb.Hashes[pb - 1])
                    {
                        continue;
                    }

                    var length = 0;
                    while (pa + length < wa.Count && pb + length < wb.Count && wa.Hashes[pa + length] == wb.Hashes[pb + length])
                    {
                        length++;
                    }

                    if (length >= minLength)
                    {
                        runs.Add(new SharedRun(a, b, pa, pb, length));
                    }
                }
            }
        }

        return runs;
    }
}

namespace Pipeline.Core.Outlets;

/// <summary>
/// The same boilerplate rule as <see cref="OutletBoilerplate"/>, for an app that sees one article at a time with the
/// articles of its outlet it shares text with (its candidates): a run is the outlet's boilerplate when
/// <see cref="OutletBoilerplate.MinStories"/> of the outlet's articles carry it and are pairwise about different stories.
/// </summary>
/// <remarks>
/// The answer depends only on which articles are at hand, never on the order they came in, so an app that keeps the
/// union of what every article learned reaches the same set whatever the upload order.
/// </remarks>
public static class OutletRuns
{
    /// <summary>The runs of <paramref name="article"/> that it and others of its outlet prove to be boilerplate, sorted.</summary>
    /// <param name="article">The article's evidence.</param>
    /// <param name="sameOutlet">Evidence of other articles of the same outlet (any order; the article itself may be among them).</param>
    public static ulong[] Learn(ArticleEvidence article, IEnumerable<ArticleEvidence> sameOutlet)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(sameOutlet);

        // Only articles about another story than this one can be witnesses; a rewrite of the same story proves nothing.
        var witnesses = sameOutlet.Where(o => !ReferenceEquals(o, article) && article.DifferentStory(o)).ToList();
        var carriers = new Dictionary<ulong, List<int>>();
        for (var w = 0; w < witnesses.Count; w++)
        {
            foreach (var run in Shared(article.Shingles, witnesses[w].Shingles))
            {
                if (!carriers.TryGetValue(run, out var list))
                {
                    carriers[run] = list = [];
                }

                list.Add(w);
            }
        }

        var needed = OutletBoilerplate.MinStories - 1;
        var different = new Dictionary<(int, int), bool>();
        var learned = new List<ulong>();
        foreach (var (run, list) in carriers)
        {
            if (list.Count >= needed && HasDistinctStories(list, needed, witnesses, different))
            {
                learned.Add(run);
            }
        }

        learned.Sort();
        return [.. learned];
    }

    /// <summary>The runs of <paramref name="article"/> found in <paramref name="known"/>, sorted: what marks it.</summary>
    public static ulong[] Present(ArticleEvidence article, IReadOnlySet<ulong> known)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(known);
        return known.Count == 0 ? [] : [.. article.Shingles.Where(known.Contains)];
    }

    /// <summary>Whether every run of <paramref name="required"/> is in <paramref name="held"/> (both sorted).</summary>
    public static bool Covers(ReadOnlySpan<ulong> held, ReadOnlySpan<ulong> required)
    {
        var h = 0;
        foreach (var run in required)
        {
            while (h < held.Length && held[h] < run)
            {
                h++;
            }

            if (h == held.Length || held[h] != run)
            {
                return false;
            }
        }

        return true;
    }

    private static List<ulong> Shared(ulong[] a, ulong[] b)
    {
        var shared = new List<ulong>();
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (b[j] < a[i])
            {
                j++;
            }
            else
            {
                shared.Add(a[i]);
                i++;
                j++;
            }
        }

        return shared;
    }

    // Whether `needed` of the carriers are pairwise about different stories: a small clique search, since carriers of a
    // run are few once the common ones are known.
    private static bool HasDistinctStories(List<int> carriers, int needed, List<ArticleEvidence> witnesses, Dictionary<(int, int), bool> different)
    {
        bool Different(int x, int y)
        {
            var key = x < y ? (x, y) : (y, x);
            if (!different.TryGetValue(key, out var d))
            {
                different[key] = d = witnesses[x].DifferentStory(witnesses[y]);
            }

            return d;
        }

        bool Extend(List<int> chosen, int from)
        {
            if (chosen.Count == needed)
            {
                return true;
            }

            for (var c = from; c < carriers.Count; c++)
            {
                if (chosen.TrueForAll(x => Different(x, carriers[c])))
                {
                    chosen.Add(carriers[c]);
                    if (Extend(chosen, c + 1))
                    {
                        return true;
                    }

                    chosen.RemoveAt(chosen.Count - 1);
                }
            }

            return false;
        }

        return Extend([], 0);
    }
}

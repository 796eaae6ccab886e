using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;
using Pipeline.Core.Duplicates;
using Pipeline.Core.Outlets;

namespace Pipeline.Cli;

/// <summary>Aligns every pair of articles that candidate search says share something, each pair once, and shows copies as copies.</summary>
internal static class CorpusAlignment
{
    /// <summary>All alignments among <paramref name="articles"/>, ordered by source article, source start, target article, target start.</summary>
    public static List<Alignment> AlignAll(IReadOnlyList<Article> articles, AlignmentOptions options, CliConsole console) =>
        AlignAll(new ArticleFiles(articles, articles.Count, new Dictionary<string, string>(StringComparer.Ordinal)), options, console);

    /// <summary>
    /// All alignments among the files' articles. Articles of different outlets that are copies of each other are
    /// grouped; each copy gets one <see cref="PassageKind.Copy"/> alignment to its group's canonical copy instead of
    /// passage alignments with the other copies, and keeps its passage alignments with everything else.
    /// </summary>
    public static List<Alignment> AlignAll(ArticleFiles files, AlignmentOptions options, CliConsole console)
    {
        var articles = MarkBoilerplate(files);
        var index = new CandidateIndex();
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            index.Add(articles[i]);
            order[articles[i].Name] = i;
        }

        var pairs = new Dictionary<(int, int), IReadOnlyList<Alignment>>();
        for (var i = 0; i < articles.Count; i++)
        {
            console.Progress("aligning", i + 1, articles.Count);
            foreach (var candidate in index.FindCandidates(articles[i]))
            {
                // Each unordered pair once: the earlier article of the input is the source.
                var j = order[candidate.Article];
                if (j > i)
                {
                    pairs[(i, j)] = PassageAligner.Align(articles[i], articles[j], options);
                }
            }
        }

        console.ClearProgress();
        var groups = CopyGroups(files, articles, pairs);
        var alignments = new List<Alignment>();
        foreach (var ((i, j), found) in pairs)
        {
            if (groups[i] != groups[j])
            {
                alignments.AddRange(found);
            }
        }

        foreach (var members in Enumerable.Range(0, articles.Count).GroupBy(i => groups[i]).Where(g => g.Count() > 1))
        {
            var canonical = order[ArticleCopies.Canonical(members.Select(i => articles[i].Name))];
            foreach (var member in members.Where(m => m != canonical))
            {
                var key = canonical < member ? (canonical, member) : (member, canonical);
                alignments.Add(ArticleCopies.Align(articles[canonical], articles[member], pairs.GetValueOrDefault(key, [])));
            }
        }

        alignments.Sort((a, b) =>
        {
            var c = order[a.Source.Article].CompareTo(order[b.Source.Article]);
            if (c == 0)
            {
                c = a.Source.Start.CompareTo(b.Source.Start);
            }

            if (c == 0)
            {
                c = order[a.Target.Article].CompareTo(order[b.Target.Article]);
            }

            return c != 0 ? c : a.Target.Start.CompareTo(b.Target.Start);
        });
        return alignments;
    }

    // Learns each outlet's boilerplate from all of its articles first, then marks every article with it: on disk the
    // whole corpus is at hand, so no article is aligned before its outlet's boilerplate is known.
    private static List<Article> MarkBoilerplate(ArticleFiles files)
    {
        var models = new Dictionary<string, OutletBoilerplate>(StringComparer.Ordinal);
        foreach (var article in files.Articles)
        {
            var outlet = files.OutletOf(article.Name);
            if (!models.TryGetValue(outlet, out var model))
            {
                model = new OutletBoilerplate();
                models[outlet] = model;
            }

            model.Observe(article.Name, ArticleEvidence.Of(article));
        }

        return files.Articles.Select(a => models[files.OutletOf(a.Name)].Mark(a)).ToList();
    }

    // Each article's group: the smallest index among the articles of other outlets it is a copy of, transitively.
    private static int[] CopyGroups(ArticleFiles files, List<Article> articles, Dictionary<(int, int), IReadOnlyList<Alignment>> pairs)
    {
        var group = Enumerable.Range(0, articles.Count).ToArray();
        int Find(int x)
        {
            while (group[x] != x)
            {
                x = group[x] = group[group[x]];
            }

            return x;
        }

        foreach (var ((i, j), found) in pairs)
        {
            if (files.OutletOf(articles[i].Name) != files.OutletOf(articles[j].Name) && ArticleCopies.AreCopies(articles[i], articles[j], found))
            {
                int a = Find(i), b = Find(j);
                group[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        for (var x = 0; x < group.Length; x++)
        {
            group[x] = Find(x);
        }

        return group;
    }
}

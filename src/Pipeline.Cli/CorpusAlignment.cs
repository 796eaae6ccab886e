using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Cli;

/// <summary>Aligns every pair of articles that candidate search says share something, each pair once.</summary>
internal static class CorpusAlignment
{
    /// <summary>All alignments among <paramref name="articles"/>, ordered by source article, source start, target article, target start.</summary>
    public static List<Alignment> AlignAll(IReadOnlyList<Article> articles, AlignmentOptions options, CliConsole console)
    {
        var index = new CandidateIndex();
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            index.Add(articles[i]);
            order[articles[i].Name] = i;
        }

        var alignments = new List<Alignment>();
        for (var i = 0; i < articles.Count; i++)
        {
            console.Progress("aligning", i + 1, articles.Count);
            foreach (var candidate in index.FindCandidates(articles[i]))
            {
                // Each unordered pair once: the earlier article of the input is the source.
                var j = order[candidate.Article];
                if (j > i)
                {
                    alignments.AddRange(PassageAligner.Align(articles[i], articles[j], options));
                }
            }
        }

        console.ClearProgress();
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
}

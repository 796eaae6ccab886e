using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Core.Duplicates;

/// <summary>
/// Whole articles carried by several outlets (wire copies): recognised from the passages two articles share, and shown
/// as one <see cref="PassageKind.Copy"/> alignment per copy to a canonical copy rather than hidden as duplicates.
/// </summary>
/// <remarks>
/// The guard against N² rows: within a group of copies only each copy and the canonical one are aligned; the copy
/// alignments put every copy in one cluster, and each copy still aligns passage by passage with articles outside the
/// group. The same bytes under several names of one outlet remain duplicates (<see cref="ArticleSignature"/>).
/// </remarks>
public static class ArticleCopies
{
    /// <summary>Share of each article's matching words that shared passages must cover for the two to be copies.</summary>
    public const double MinCoverage = 0.9;

    /// <summary>Whether two articles are copies of each other: same signature, or their alignments cover nearly all of both.</summary>
    /// <param name="a">One article.</param>
    /// <param name="b">The other.</param>
    /// <param name="alignments">What <see cref="PassageAligner.Align"/> found between them (either order).</param>
    public static bool AreCopies(Article a, Article b, IReadOnlyList<Alignment> alignments)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(alignments);
        // Most candidate pairs differ in length by far more than copies can: settle them before hashing or covering.
        var shorter = Math.Min(a.Tokens.Count, b.Tokens.Count);
        var longer = Math.Max(a.Tokens.Count, b.Tokens.Count);
        if (shorter < MinCoverage * MinCoverage * longer)
        {
            return false;
        }

        if (a.Tokens.Count == b.Tokens.Count && ArticleSignature.Of(a) == ArticleSignature.Of(b))
        {
            return true;
        }

        return alignments.Count > 0 && Coverage(a, alignments) >= MinCoverage && Coverage(b, alignments) >= MinCoverage;
    }

    /// <summary>The canonical copy of a group: the ordinal-first name, so every process picks the same one.</summary>
    public static string Canonical(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Min(StringComparer.Ordinal) ?? throw new ArgumentException("A group of copies has at least one name.", nameof(names));
    }

    /// <summary>One alignment of kind <see cref="PassageKind.Copy"/> spanning both whole articles, canonical as the source.</summary>
    /// <param name="canonical">The group's canonical copy.</param>
    /// <param name="copy">Another copy.</param>
    /// <param name="alignments">Their passage alignments (either order), whose diffs make the copy's diff; none when identical.</param>
    public static Alignment Align(Article canonical, Article copy, IReadOnlyList<Alignment> alignments)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(alignments);
        var ordered = alignments
            .Select(x => x.Source.Article == canonical.Name ? x : Mirror(x))
            .OrderBy(x => x.Source.Start)
            .ToList();
        var diff = ordered.Count > 0
            ? ordered.SelectMany(x => x.Diff).ToList()
            : [new DiffRun(DiffOp.Equal, Whole(canonical).Text)];
        var matched = ordered.Count > 0 ? Math.Min(Coverage(canonical, ordered), Coverage(copy, ordered)) : 1.0;
        return new Alignment(Whole(canonical), Whole(copy), Math.Round(matched, 4), PassageKind.Copy, diff);
    }

    private static AlignedSpan Whole(Article article)
    {
        if (article.Tokens.Count == 0)
        {
            return new AlignedSpan(article.Name, 0, 0, string.Empty);
        }

        var start = article.Tokens[0].Start;
        var end = article.Tokens[^1].End;
        return new AlignedSpan(article.Name, start, end, article.Original[start..end]);
    }

    private static Alignment Mirror(Alignment x) => x with
    {
        Source = x.Target,
        Target = x.Source,
        Diff = x.Diff.Select(r => r.Op switch
        {
            DiffOp.Insert => r with { Op = DiffOp.Delete },
            DiffOp.Delete => r with { Op = DiffOp.Insert },
            _ => r,
        }).ToList(),
    };

    // Share of the article's matching words inside one of the alignments' spans on its side.
    private static double Coverage(Article article, IReadOnlyList<Alignment> alignments)
    {
        int all = 0, covered = 0;
        foreach (var token in article.Tokens)
        {
            if (!KeySequence.IsMatching(token))
            {
                continue;
            }

            all++;
            foreach (var x in alignments)
            {
                var side = x.Source.Article == article.Name ? x.Source : x.Target;
                if (token.Start >= side.Start && token.End <= side.End)
                {
                    covered++;
                    break;
                }
            }
        }

        return all == 0 ? 0 : covered / (double)all;
    }
}

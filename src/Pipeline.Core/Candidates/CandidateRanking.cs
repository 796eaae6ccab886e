using System.Runtime.InteropServices;

namespace Pipeline.Core.Candidates;

/// <summary>Chooses candidate articles for a query from the postings of its shingles, wherever they are stored.</summary>
public static class CandidateRanking
{
    /// <summary>Ranks the articles named in <paramref name="postings"/> by how many of the query's shingles they share.</summary>
    /// <param name="query">The query article's shingles (<see cref="Fingerprint.Of"/>).</param>
    /// <param name="postings">Postings for (at least) the query's hashes; postings of other hashes are ignored.</param>
    /// <param name="options">Thresholds; defaults when null.</param>
    /// <param name="exclude">An article to leave out, normally the query article itself.</param>
    /// <returns>Candidates, most shared shingles first, ties by name (ordinal).</returns>
    public static IReadOnlyList<Candidate> Rank(
        IReadOnlyList<Shingle> query,
        IEnumerable<Posting> postings,
        CandidateOptions? options = null,
        string? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(postings);
        options ??= CandidateOptions.Default;

        var queryPositions = new Dictionary<ulong, List<int>>(query.Count);
        for (var i = 0; i < query.Count; i++)
        {
            ref var positions = ref CollectionsMarshal.GetValueRefOrAddDefault(queryPositions, query[i].Hash, out _);
            (positions ??= new List<int>(1)).Add(query[i].Position);
        }

        var relevant = new List<Posting>();
        var perHash = new Dictionary<ulong, int>();
        foreach (var posting in postings)
        {
            if (!queryPositions.ContainsKey(posting.Hash))
            {
                continue;
            }

            CollectionsMarshal.GetValueRefOrAddDefault(perHash, posting.Hash, out _)++;
            if (!string.Equals(posting.Article, exclude, StringComparison.Ordinal))
            {
                relevant.Add(posting);
            }
        }

        var perArticle = new Dictionary<string, List<Seed>>(StringComparer.Ordinal);
        foreach (var posting in relevant)
        {
            if (perHash[posting.Hash] > options.MaxPostingsPerShingle)
            {
                continue;
            }

            ref var seeds = ref CollectionsMarshal.GetValueRefOrAddDefault(perArticle, posting.Article, out _);
            seeds ??= [];
            foreach (var q in queryPositions[posting.Hash])
            {
                seeds.Add(new Seed(q, posting.Position, posting.Hash));
            }
        }

        var candidates = new List<Candidate>(perArticle.Count);
        foreach (var (article, seeds) in perArticle)
        {
            var shared = CountDistinctHashes(seeds);
            if (shared >= options.MinSharedShingles)
            {
                candidates.Add(new Candidate(article, shared, Regions(seeds, options.RegionGap)));
            }
        }

        candidates.Sort(static (a, b) =>
        {
            var byShared = b.SharedShingles.CompareTo(a.SharedShingles);
            return byShared != 0 ? byShared : string.CompareOrdinal(a.Article, b.Article);
        });
        if (candidates.Count > options.MaxCandidates)
        {
            candidates.RemoveRange(options.MaxCandidates, candidates.Count - options.MaxCandidates);
        }

        return candidates;
    }

    private static int CountDistinctHashes(List<Seed> seeds)
    {
        var hashes = new HashSet<ulong>();
        foreach (var seed in seeds)
        {
            hashes.Add(seed.Hash);
        }

        return hashes.Count;
    }

    private static SeedRegion[] Regions(List<Seed> seeds, int gap)
    {
        seeds.Sort(static (a, b) => a.Query != b.Query ? a.Query.CompareTo(b.Query) : a.Candidate.CompareTo(b.Candidate));
        var regions = new List<SeedRegion>();
        var current = default(SeedRegion);
        var open = false;
        foreach (var seed in seeds)
        {
            if (open
                && seed.Query - current.QueryLast <= gap
                && seed.Candidate >= current.CandidateFirst - gap
                && seed.Candidate <= current.CandidateLast + gap)
            {
                current = new SeedRegion(
                    current.QueryFirst,
                    seed.Query,
                    Math.Min(current.CandidateFirst, seed.Candidate),
                    Math.Max(current.CandidateLast, seed.Candidate),
                    current.SharedShingles + 1);
                continue;
            }

            if (open)
            {
                regions.Add(current);
            }

            current = new SeedRegion(seed.Query, seed.Query, seed.Candidate, seed.Candidate, 1);
            open = true;
        }

        if (open)
        {
            regions.Add(current);
        }

        return [.. regions];
    }

    private readonly record struct Seed(int Query, int Candidate, ulong Hash);
}

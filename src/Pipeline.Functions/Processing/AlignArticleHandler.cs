using System.Globalization;
using Azure.Data.Tables;
using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Duplicates;
using Pipeline.Functions.Hosting;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Processing;

/// <summary>The AlignArticle function: aligns a normalized article against its candidates and stores pairs and clusters.</summary>
/// <remarks>
/// Every pair is aligned in name order (first = ordinal-smaller name) and stored under keys both sides compute the same way,
/// so the two articles of a pair may align in any order, or at once, and leave the same rows.
/// A candidate whose normalized record is not there yet is skipped: its own AlignArticle will find this article.
/// </remarks>
internal sealed partial class AlignArticleHandler(
    PipelineStorage storage,
    ArticleStore articles,
    PostingStore postings,
    AlignmentStore alignments,
    OutletBoilerplateLearning boilerplate,
    ClusterRefresh clusters,
    PipelineOptions options,
    ILogger<AlignArticleHandler> logger)
{
    private readonly AlignmentOptions _alignment = AlignmentOptions.Default with { MinScore = options.MinScore };

    /// <summary>Aligns one article; <paramref name="record"/> is the trigger's payload when the host sent it. Returns a log line.</summary>
    public async Task<string> HandleAsync(string name, NormalizedRecord? record, CancellationToken cancellationToken = default)
    {
        record ??= await articles.ReadRecordAsync(name, cancellationToken);
        if (record is null)
        {
            return $"Skipped {name}: no normalized record.";
        }

        var current = await storage.SourceETagAsync(record.Name, cancellationToken);
        if (!ETags.Same(current, record.SourceETag))
        {
            LogStale(logger, record.Name);
            return $"Skipped {record.Name}: the record is stale (the article changed or was deleted).";
        }

        // With the mirrored index the search comes first: it brings the mirror up to date with every article indexed before
        // it began, as the query of the signature's members would, and the mirror then knows whether any other article
        // has this one's signature. Most have none, and need no query for it.
        var candidates = postings.IsMirrored ? await postings.FindCandidatesAsync(record, cancellationToken) : null;
        var members = candidates is not null && postings.IsKnownUnique(record.Name, record.Signature)
            ? [record.Name]
            : await postings.SignatureMembersAsync(record.Signature, cancellationToken);
        var canonical = await CanonicalAsync(members, record.Name, record.Outlet, cancellationToken) ?? record.Name;
        if (!string.Equals(canonical, record.Name, StringComparison.Ordinal))
        {
            return await RecordDuplicateAsync(record, canonical, cancellationToken);
        }

        await RetriggerFormerCanonicalsAsync(record, members, cancellationToken);

        candidates ??= await postings.FindCandidatesAsync(record, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellationToken };
        var others = new System.Collections.Concurrent.ConcurrentBag<NormalizedRecord>();
        await Parallel.ForEachAsync(candidates, parallel, async (candidate, ct) =>
        {
            // A candidate whose record is not there yet is skipped: its own AlignArticle will find this article.
            if (await articles.ReadCandidateRecordAsync(candidate.Article, candidate.Version, ct) is { } other)
            {
                others.Add(other);
            }
        });

        var self = await boilerplate.LearnAndMarkAsync(record, [.. others], cancellationToken);
        var pairs = new PairsInProgress(self, others.ToDictionary(o => o.Name, StringComparer.Ordinal));
        var aligned = 0;
        var written = 0;
        await Parallel.ForEachAsync(others, parallel, async (other, ct) =>
        {
            var count = await AlignPairAsync(pairs, other, ct);
            Interlocked.Add(ref aligned, count);
            Interlocked.Add(ref written, count > 0 ? 1 : 0);
        });

        // Every pair's rows at once (grouped by partition), and before the sweep, which judges them.
        await alignments.WriteAsync(pairs.Pending, cancellationToken);

        var swept = await alignments.SweepAsync(record.Name, (partner, ct) => CurrentVersionAsync(pairs, partner, ct), cancellationToken);

        // The rows the sweep kept are this partition as it stands after every write of this article, unless the sweep
        // aligned a pair again: then the clusters' walk reads it once more.
        var count = await clusters.RefreshAndCountAsync(record.Name, swept.Partners, articles, pairs.Rewritten ? null : swept.Kept, cancellationToken);

        // Last: "aligned" promises that this article's pairs, its partners' counts and its clusters are all in place.
        await articles.UpdateIfCurrentAsync(
            record.Name,
            record.SourceETag,
            row => row with { Status = ArticleStatus.Aligned, Error = null, Alignments = count, DuplicateOf = null, Updated = DateTimeOffset.UtcNow },
            cancellationToken);

        // Its outlet may have learned boilerplate it carries while it was being aligned, from an article that saw it
        // before it was "aligned" and so did not ask it to align again.
        if (await boilerplate.IsBehindAsync(self, cancellationToken))
        {
            await articles.RetriggerAsync(record.Name, cancellationToken);
        }

        LogAligned(logger, record.Name, candidates.Count, written, aligned);
        return string.Create(CultureInfo.InvariantCulture, $"Aligned {record.Name}: {candidates.Count} candidates, {aligned} alignments with {written} articles.");
    }

    /// <summary>Aligns the pair and writes its rows; returns how many alignments it has (0 when the candidate is skipped).</summary>
    /// <remarks>
    /// Copies of one article in different outlets (wire copies) are shown, not hidden: the pair gets one whole-article
    /// <see cref="PassageKind.Copy"/> alignment instead of passage alignments. For byte-identical copies that is written
    /// only with the group's canonical copy, so N outlets carrying one article make N - 1 rows, not N²; each copy still
    /// aligns passage by passage with every other article.
    /// The partner is marked with the boilerplate runs it published on its status row. Reading them for every pair would
    /// cost a request each, so the pair is first aligned with the runs of its outlet this article knows (none for another
    /// outlet's partner); the sweep, which reads every partner's row anyway, aligns again the pairs whose partner
    /// published other runs (<see cref="CurrentVersionAsync"/>).
    /// </remarks>
    private async Task<int> AlignPairAsync(PairsInProgress pairs, NormalizedRecord other, CancellationToken cancellationToken)
    {
        var self = pairs.Self;
        var record = self.Record;

        // Outside the time window (Pipeline:WindowDays) a pair gets no rows.
        if (!options.Window.Admits(record.Dated, other.Dated))
        {
            return 0;
        }

        if (string.Equals(other.Signature, record.Signature, StringComparison.Ordinal) && string.Equals(other.Outlet, record.Outlet, StringComparison.Ordinal))
        {
            // The same bytes within one outlet: a duplicate, recorded by the duplicate check.
            return 0;
        }

        var otherRuns = self.SameOutletRuns.GetValueOrDefault(other.Name) ?? [];
        var otherArticle = OutletBoilerplateLearning.Mark(other.Article, otherRuns);
        var found = Align(self, other.Name, otherArticle);

        // Most candidates share nothing worth keeping; only a pair with rows to write needs the duplicate check's queries.
        // (A signature no other indexed article has needs no query: an article later found to share it makes its former
        // canonical copy align again.)
        if (found.Count == 0
            || (!postings.IsKnownUnique(other.Name, other.Signature)
                && !string.Equals(await CanonicalAsync(await postings.SignatureMembersAsync(other.Signature, cancellationToken), other.Name, other.Outlet, cancellationToken) ?? other.Name, other.Name, StringComparison.Ordinal)))
        {
            return 0;
        }

        pairs.Written[other.Name] = otherRuns;
        return (await WritePairAsync(self, other, otherArticle, otherRuns, found, pairs.Pending, cancellationToken)).Count;
    }

    /// <summary>The pair's alignments in name order (first = ordinal-smaller name), each side marked with its boilerplate.</summary>
    private List<Alignment> Align(MarkedArticle self, string otherName, Article otherArticle)
    {
        var (first, second) = string.CompareOrdinal(self.Record.Name, otherName) < 0 ? (self.Article, otherArticle) : (otherArticle, self.Article);
        return PassageAligner.Align(first, second, _alignment).Where(a => a.Score >= options.MinScore).ToList();
    }

    /// <summary>Writes the pair's rows (one whole-article copy row for copies in different outlets); returns what was written.</summary>
    /// <remarks>With <paramref name="pending"/>, the rows are collected there for one write of all pairs instead.</remarks>
    private async Task<List<Alignment>> WritePairAsync(
        MarkedArticle self, NormalizedRecord other, Article otherArticle, ulong[] otherRuns, List<Alignment> found,
        System.Collections.Concurrent.ConcurrentBag<TableTransactionAction>? pending, CancellationToken cancellationToken)
    {
        var identical = string.Equals(other.Signature, self.Record.Signature, StringComparison.Ordinal);
        var selfSide = (self.Record, self.Article, self.Side);
        var otherSide = (Record: other, Article: otherArticle, Side: AlignmentStore.Side(other.ContentHash, otherRuns));
        var (first, second) = string.CompareOrdinal(self.Record.Name, other.Name) < 0 ? (selfSide, otherSide) : (otherSide, selfSide);
        if (!string.Equals(first.Record.Outlet, second.Record.Outlet, StringComparison.Ordinal)
            && (identical || ArticleCopies.AreCopies(first.Article, second.Article, found)))
        {
            if (identical && !await IsCopyCanonicalPairAsync(self.Record.Signature, first.Record.Name, second.Record.Name, cancellationToken))
            {
                return [];
            }

            var firstIsCanonical = string.Equals(ArticleCopies.Canonical([first.Record.Name, second.Record.Name]), first.Record.Name, StringComparison.Ordinal);
            var whole = firstIsCanonical ? ArticleCopies.Align(first.Article, second.Article, found) : ArticleCopies.Align(second.Article, first.Article, found);
            found = [firstIsCanonical ? whole : Reverse(whole)];
        }

        var version = AlignmentStore.Version(first.Record.Name, first.Side, second.Record.Name, second.Side)!;
        var rows = AlignmentStore.PairRows(version, (first.Record.Outlet, first.Record.Published), (second.Record.Outlet, second.Record.Published), found);
        if (pending is null)
        {
            await alignments.WriteAsync(rows, cancellationToken);
        }
        else
        {
            rows.ForEach(pending.Add);
        }

        return found;
    }

    /// <summary>The canonical copy of a signature within one outlet: the ordinal-first member of <paramref name="outlet"/> that is
    /// normalized (<paramref name="known"/> is); null when none is. Copies in other outlets are not duplicates: they are shown as copies.</summary>
    private async Task<string?> CanonicalAsync(IReadOnlyList<string> members, string known, string outlet, CancellationToken cancellationToken)
    {
        foreach (var member in members.Order(StringComparer.Ordinal))
        {
            if (string.Equals(member, known, StringComparison.Ordinal))
            {
                return member;
            }

            var row = await articles.GetAsync(member, cancellationToken);
            if (row?.ContentHash is not null && string.Equals(row.Outlet, outlet, StringComparison.Ordinal))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>Whether one of two byte-identical copies is the copy group's canonical one: the ordinal-first normalized member
    /// that is not a duplicate within its own outlet. Only such pairs get a copy row.</summary>
    private async Task<bool> IsCopyCanonicalPairAsync(string signature, string a, string b, CancellationToken cancellationToken)
    {
        var outlets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in (await postings.SignatureMembersAsync(signature, cancellationToken)).Order(StringComparer.Ordinal))
        {
            var row = await articles.GetAsync(member, cancellationToken);
            if (row?.ContentHash is null || !outlets.Add(row.Outlet))
            {
                continue;
            }

            // The first outlet representative in name order is the canonical copy.
            return string.Equals(member, a, StringComparison.Ordinal) || string.Equals(member, b, StringComparison.Ordinal);
        }

        return false;
    }

    private static Alignment Reverse(Alignment alignment) => alignment with
    {
        Source = alignment.Target,
        Target = alignment.Source,
        Diff = alignment.Diff.Select(run => run with
        {
            Op = run.Op switch { DiffOp.Insert => DiffOp.Delete, DiffOp.Delete => DiffOp.Insert, _ => run.Op },
        }).ToList(),
    };

    private async Task<string> RecordDuplicateAsync(NormalizedRecord record, string canonical, CancellationToken cancellationToken)
    {
        var partners = await alignments.RemoveArticleAsync(record.Name, cancellationToken);
        await clusters.RefreshAndCountAsync(record.Name, partners, articles, cancellationToken: cancellationToken);
        await articles.UpdateIfCurrentAsync(
            record.Name,
            record.SourceETag,
            row => row with { Status = ArticleStatus.Aligned, Error = null, Alignments = 0, DuplicateOf = canonical, Updated = DateTimeOffset.UtcNow },
            cancellationToken);
        LogDuplicate(logger, record.Name, canonical);
        return $"{record.Name} is an identical copy of {canonical}; recorded as its duplicate.";
    }

    /// <summary>Copies of this article that do not yet know it is their canonical copy align again to step aside.</summary>
    private async Task RetriggerFormerCanonicalsAsync(NormalizedRecord record, IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        foreach (var member in members)
        {
            if (string.Equals(member, record.Name, StringComparison.Ordinal))
            {
                continue;
            }

            var row = await articles.GetAsync(member, cancellationToken);
            if (row is not { Status: ArticleStatus.Aligned })
            {
                continue;
            }

            if (string.Equals(row.Outlet, record.Outlet, StringComparison.Ordinal))
            {
                if (!string.Equals(row.DuplicateOf, record.Name, StringComparison.Ordinal))
                {
                    await articles.RetriggerAsync(member, cancellationToken);
                }
            }
            else if (await IsCopyCanonicalPairAsync(record.Signature, record.Name, record.Name, cancellationToken)
                && (await alignments.OfArticleAsync(member, cancellationToken)).Any(r => r.Kind == "copy" && !string.Equals(r.Target.Article, record.Name, StringComparison.Ordinal)))
            {
                // This article is the copy group's new canonical copy: a copy still paired with the former one aligns again,
                // and its sweep drops that pair.
                await articles.RetriggerAsync(member, cancellationToken);
            }
        }
    }

    /// <summary>The pair's current version; a pair written with other runs than the partner has published is aligned again first.</summary>
    private async Task<string?> CurrentVersionAsync(PairsInProgress pairs, string partner, CancellationToken cancellationToken)
    {
        var self = pairs.Self;
        var row = await articles.GetAsync(partner, cancellationToken);

        // Pairs outside the time window have no rows, so turning the window on withdraws them as articles align again.
        if (!options.Window.Admits(self.Record.Dated, row?.Dated))
        {
            return null;
        }

        // Two identical copies in different outlets keep rows only when one is the group's canonical copy.
        if (row is not null && !string.Equals(row.Outlet, self.Record.Outlet, StringComparison.Ordinal)
            && await IsIdenticalCopyAsync(pairs, partner, row, cancellationToken)
            && !await IsCopyCanonicalPairAsync(self.Record.Signature, self.Record.Name, partner, cancellationToken))
        {
            return null;
        }

        var published = row?.BoilerplateRuns ?? [];
        if (pairs.Written.TryGetValue(partner, out var used) && !used.AsSpan().SequenceEqual(published) && pairs.Others.TryGetValue(partner, out var other))
        {
            var otherArticle = OutletBoilerplateLearning.Mark(other.Article, published);
            var found = Align(self, partner, otherArticle);
            if (found.Count > 0)
            {
                await WritePairAsync(self, other, otherArticle, published, found, null, cancellationToken);
                pairs.Rewritten = true;
            }
        }

        return AlignmentStore.Version(self.Record.Name, self.Side, partner, AlignmentStore.Side(row?.ContentHash, published));
    }

    /// <summary>Whether a partner's version that <paramref name="row"/> describes has this article's signature (the same
    /// content): from the mirror when it indexed that version, else from one query of the signature's members, made
    /// after this article's pairs were written so that it sees copies aligning at the same time.</summary>
    private async Task<bool> IsIdenticalCopyAsync(PairsInProgress pairs, string partner, ArticleRow row, CancellationToken cancellationToken)
    {
        var signature = pairs.Self.Record.Signature;
        if (postings.KnownSignatureOf(partner, row.SourceETag) is { } known)
        {
            return string.Equals(known, signature, StringComparison.Ordinal);
        }

        pairs.Copies ??= (await postings.SignatureMembersAsync(signature, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return pairs.Copies.Contains(partner);
    }

    /// <summary>One AlignArticle's article, its candidates' records, and the boilerplate runs each written pair's partner was marked with.</summary>
    private sealed record PairsInProgress(MarkedArticle Self, IReadOnlyDictionary<string, NormalizedRecord> Others)
    {
        /// <summary>The articles with this article's signature, once queried.</summary>
        public HashSet<string>? Copies { get; set; }

        /// <summary>Whether the sweep aligned a pair again, writing rows after it read the article's partition.</summary>
        public bool Rewritten { get; set; }

        public System.Collections.Concurrent.ConcurrentDictionary<string, ulong[]> Written { get; } = new(StringComparer.Ordinal);

        /// <summary>Rows of the pairs aligned so far, written together once every pair is aligned.</summary>
        public System.Collections.Concurrent.ConcurrentBag<TableTransactionAction> Pending { get; } = [];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Aligned {Name}: {Candidates} candidates, {Pairs} articles, {Alignments} alignments")]
    private static partial void LogAligned(ILogger logger, string name, int candidates, int pairs, int alignments);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name} is an identical copy of {Canonical}")]
    private static partial void LogDuplicate(ILogger logger, string name, string canonical);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped stale record of {Name}")]
    private static partial void LogStale(ILogger logger, string name);
}

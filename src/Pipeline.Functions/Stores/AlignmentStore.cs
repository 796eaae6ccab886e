using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Stores;

/// <summary>Aligned passage pairs in table <c>alignments</c>, stored once per direction and partitioned by article.</summary>
/// <remarks>
/// PK = encoded article name (the row's source), RK = pair id + "_" + version. Both articles of a pair write the same two rows,
/// so whichever side aligns first (or both, concurrently) leaves the same result; a sweep deletes rows whose version is not current.
/// </remarks>
internal sealed class AlignmentStore(PipelineStorage storage)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    // Every property but the word diff, which is as long as both texts together and which only the API shows. A property
    // added to ToEntity that OfArticleAsync's callers need must be added here, or it reads back as missing.
    private static readonly string[] s_withoutDiff =
    [
        "Id", "Version", "Primary", "Score", "Kind", "Other",
        "SourceArticle", "SourceOutlet", "SourceStart", "SourceEnd", "SourceSpeaker", "SourcePublished",
        "TargetArticle", "TargetOutlet", "TargetStart", "TargetEnd", "TargetSpeaker", "TargetPublished",
        .. LongText.Names("SourceText"), .. LongText.Names("TargetText"),
    ];

    /// <summary>The version of a pair's rows: a hash of both articles' content hashes in name order; null when either is unknown.</summary>
    public static string? Version(string firstName, string? firstHash, string secondName, string? secondHash)
    {
        if (firstHash is null || secondHash is null)
        {
            return null;
        }

        return string.CompareOrdinal(firstName, secondName) <= 0
            ? Hash(firstHash, secondHash)
            : Hash(secondHash, firstHash);
    }

    /// <summary>What one side contributes to a pair's <see cref="Version"/>: its content hash, plus a hash of the learned
    /// boilerplate runs its passages were marked with, so that learning new boilerplate makes the pair's rows stale.</summary>
    public static string? Side(string? contentHash, IReadOnlyList<ulong> boilerplateRuns)
    {
        if (contentHash is null || boilerplateRuns.Count == 0)
        {
            return contentHash;
        }

        var bytes = new byte[boilerplateRuns.Count * sizeof(ulong)];
        for (var i = 0; i < boilerplateRuns.Count; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), boilerplateRuns[i]);
        }

        return contentHash + "+" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8));
    }

    /// <summary>Writes rows made by <see cref="PairRows"/>, several pairs' at once: one transaction per partition (≤ 100
    /// rows), so an article aligned with many partners writes its own partition once, not once per partner.</summary>
    public Task WriteAsync(IEnumerable<TableTransactionAction> rows, CancellationToken cancellationToken = default) =>
        PipelineStorage.SubmitAsync(storage.Alignments, rows, cancellationToken: cancellationToken);

    /// <summary>The upserts of both directions of a pair's alignments (oriented first → second).</summary>
    public static List<TableTransactionAction> PairRows(
        string version, (string Outlet, DateTimeOffset? Published) firstArticle, (string Outlet, DateTimeOffset? Published) secondArticle,
        IReadOnlyList<Alignment> alignments)
    {
        ArgumentNullException.ThrowIfNull(alignments);
        var actions = new List<TableTransactionAction>();
        foreach (var alignment in alignments)
        {
            var first = alignment.Source;
            var second = alignment.Target;
            var id = Hash(first.Article, second.Article, Num(first.Start), Num(first.End), Num(second.Start), Num(second.End));
            var kind = alignment.Kind switch { PassageKind.Quote => "quote", PassageKind.Copy => "copy", _ => "text" };
            var forward = new AlignmentRow(id, version, true, alignment.Score, kind,
                new SpanRow(first.Article, firstArticle.Outlet, first.Start, first.End, first.Text, first.Speaker) { Published = firstArticle.Published },
                new SpanRow(second.Article, secondArticle.Outlet, second.Start, second.End, second.Text, second.Speaker) { Published = secondArticle.Published },
                alignment.Diff);
            var backward = new AlignmentRow(id, version, false, alignment.Score, kind, forward.Target, forward.Source, Mirror(alignment.Diff));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(forward)));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(backward)));
        }

        return actions;
    }

    /// <summary>Every row whose source is <paramref name="article"/>, without its word diff (<see cref="AlignmentRow.Diff"/> is empty).</summary>
    /// <remarks>The sweep, the cluster walk and the copy check read partitions many times per article and need spans and
    /// texts only; leaving the diffs out spares the service sending them and this process parsing them.</remarks>
    public async Task<IReadOnlyList<AlignmentRow>> OfArticleAsync(string article, CancellationToken cancellationToken = default)
    {
        var rows = await PipelineStorage.QueryAllAsync(
            storage.Alignments, TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(article)}"), s_withoutDiff, cancellationToken);
        return rows.Select(FromEntity).ToList();
    }

    /// <summary>Deletes rows of <paramref name="article"/> (both directions) whose version is not the pair's current one;
    /// returns the partners seen and the rows of its partition that were kept.</summary>
    /// <param name="article">The article whose partition is swept.</param>
    /// <param name="currentVersion">The current version of the pair with a partner, or null when the pair can have no rows (partner gone).</param>
    /// <param name="cancellationToken">Cancels the sweep.</param>
    public async Task<Swept> SweepAsync(
        string article, Func<string, CancellationToken, Task<string?>> currentVersion, CancellationToken cancellationToken = default)
    {
        var rows = await OfArticleAsync(article, cancellationToken);
        var partners = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<AlignmentRow>();
        var deletes = new List<TableTransactionAction>();
        foreach (var group in rows.GroupBy(r => r.Target.Article, StringComparer.Ordinal))
        {
            partners.Add(group.Key);
            var current = await currentVersion(group.Key, cancellationToken);
            foreach (var row in group)
            {
                if (string.Equals(row.Version, current, StringComparison.Ordinal))
                {
                    kept.Add(row);
                    continue;
                }

                deletes.Add(Delete(article, row));
                deletes.Add(Delete(group.Key, row));
            }
        }

        await PipelineStorage.SubmitAsync(storage.Alignments, deletes, cancellationToken: cancellationToken);
        return new Swept(partners, kept);
    }

    /// <summary>Deletes every row of an article in both directions; returns its former partners.</summary>
    public async Task<IReadOnlySet<string>> RemoveArticleAsync(string article, CancellationToken cancellationToken = default) =>
        (await SweepAsync(article, (_, _) => Task.FromResult<string?>(null), cancellationToken)).Partners;

    /// <summary>One page of rows matching a filter (built with <see cref="TableClient.CreateQueryFilter"/>).</summary>
    public async Task<(IReadOnlyList<AlignmentRow> Rows, string? Next)> PageAsync(
        string filter, string? continuation, int size, CancellationToken cancellationToken = default)
    {
        await foreach (var page in storage.Alignments.QueryAsync<TableEntity>(filter, maxPerPage: size, cancellationToken: cancellationToken).AsPages(continuation, size))
        {
            return (page.Values.Select(FromEntity).ToList(), string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>The row in the other direction's partition that mirrors <paramref name="row"/>.</summary>
    private static TableTransactionAction Delete(string partitionArticle, AlignmentRow row) =>
        new(TableTransactionActionType.Delete, new TableEntity(TableKey.Encode(partitionArticle), row.Id + "_" + row.Version));

    private static IReadOnlyList<DiffRun> Mirror(IReadOnlyList<DiffRun> diff) =>
        diff.Select(run => run.Op switch
        {
            DiffOp.Insert => run with { Op = DiffOp.Delete },
            DiffOp.Delete => run with { Op = DiffOp.Insert },
            _ => run,
        }).ToList();

    private static TableEntity ToEntity(AlignmentRow row)
    {
        var entity = new TableEntity(TableKey.Encode(row.Source.Article), row.Id + "_" + row.Version)
        {
            ["Id"] = row.Id,
            ["Version"] = row.Version,
            ["Primary"] = row.Primary,
            ["Score"] = row.Score,
            ["Kind"] = row.Kind,
            ["Other"] = row.Target.Article,
            ["SourceArticle"] = row.Source.Article,
            ["SourceOutlet"] = row.Source.Outlet,
            ["SourceStart"] = row.Source.Start,
            ["SourceEnd"] = row.Source.End,
            ["SourceSpeaker"] = row.Source.Speaker,
            ["SourcePublished"] = row.Source.Published,
            ["TargetArticle"] = row.Target.Article,
            ["TargetOutlet"] = row.Target.Outlet,
            ["TargetStart"] = row.Target.Start,
            ["TargetEnd"] = row.Target.End,
            ["TargetSpeaker"] = row.Target.Speaker,
            ["TargetPublished"] = row.Target.Published,
        };
        LongText.Write(entity, "SourceText", row.Source.Text);
        LongText.Write(entity, "TargetText", row.Target.Text);
        LongText.Write(entity, "Diff", JsonSerializer.Serialize(row.Diff, s_json));
        return entity;
    }

    private static AlignmentRow FromEntity(TableEntity entity)
    {
        IReadOnlyList<DiffRun> diff;
        try
        {
            diff = LongText.Read(entity, "Diff") is { } json ? JsonSerializer.Deserialize<List<DiffRun>>(json, s_json) ?? [] : [];
        }
        catch (JsonException)
        {
            diff = [];
        }

        return new AlignmentRow(
            entity.GetString("Id") ?? string.Empty,
            entity.GetString("Version") ?? string.Empty,
            entity.GetBoolean("Primary") ?? false,
            entity.GetDouble("Score") ?? 0,
            entity.GetString("Kind") ?? "text",
            new SpanRow(
                entity.GetString("SourceArticle") ?? string.Empty,
                entity.GetString("SourceOutlet") ?? string.Empty,
                entity.GetInt32("SourceStart") ?? 0,
                entity.GetInt32("SourceEnd") ?? 0,
                LongText.Read(entity, "SourceText") ?? string.Empty,
                entity.GetString("SourceSpeaker")) { Published = entity.GetDateTimeOffset("SourcePublished") },
            new SpanRow(
                entity.GetString("TargetArticle") ?? string.Empty,
                entity.GetString("TargetOutlet") ?? string.Empty,
                entity.GetInt32("TargetStart") ?? 0,
                entity.GetInt32("TargetEnd") ?? 0,
                LongText.Read(entity, "TargetText") ?? string.Empty,
                entity.GetString("TargetSpeaker")) { Published = entity.GetDateTimeOffset("TargetPublished") },
            diff);
    }

    private static string Num(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Hash(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u0001', parts)));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }
}

/// <summary>What a sweep of one article's partition saw.</summary>
/// <param name="Partners">Every partner it had rows with, stale ones included.</param>
/// <param name="Kept">The rows it left in the partition, as read.</param>
internal sealed record Swept(IReadOnlySet<string> Partners, IReadOnlyList<AlignmentRow> Kept);

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Stores;

/// <summary>Passage clusters in table <c>clusters</c>: PK "cluster" / RK id, plus index rows PK "member_" + encoded article / RK id.</summary>
internal sealed class ClusterStore(PipelineStorage storage)
{
    private const string Partition = "cluster";
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The id of a cluster with these members: named after its anchor, the member first published (then the
    /// ordinal-first article, then the first span), so it stays the same while the cluster grows by later articles.</summary>
    /// <remarks>
    /// A cluster named after all its members would get a new id with every article that joins: its row and one index
    /// row per member article written again under the new id, the old ones deleted, so keeping a cluster of k articles
    /// cost about 2k requests per new member and a link to it broke each time. Anchored, a new member costs its own
    /// index row and the cluster row. The id changes only when the anchor does (an article published earlier joins, or
    /// the anchor's span starts elsewhere), and it depends on the stored rows alone, not on the order they came in.
    /// Two clusters never share an anchor span start: clustering merges spans that overlap, except that a copy cluster
    /// (whole articles) and a passage cluster may both start at an article's first token, hence the kind in the key.
    /// </remarks>
    public static string IdOf(IEnumerable<SpanRow> members, string kind)
    {
        var anchor = members
            .OrderBy(m => m.Published ?? DateTimeOffset.MaxValue)
            .ThenBy(m => m.Article, StringComparer.Ordinal)
            .ThenBy(m => m.Start)
            .First();
        return Hash($"{kind}\u0001{anchor.Article}\u0001{anchor.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <summary>The clusters with one id each: where two share an anchor (a passage cluster whose every member is also a
    /// copy's whole-article span can share one with that copy group), all but the first by members take an id made
    /// from all their members, so no cluster is lost to another's id.</summary>
    public static List<ClusterRow> WithDistinctIds(IEnumerable<ClusterRow> clusters)
    {
        var result = new List<ClusterRow>();
        foreach (var group in clusters.GroupBy(c => c.Id, StringComparer.Ordinal))
        {
            var ordered = group.Select(c => (Key: MembersKey(c.Members), Cluster: c)).DistinctBy(c => c.Key).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
            result.Add(ordered[0].Cluster);
            result.AddRange(ordered.Skip(1).Select(c => c.Cluster with { Id = Hash(c.Key) }));
        }

        return result;
    }

    /// <summary>Replaces every cluster touching <paramref name="articles"/> with <paramref name="clusters"/>.</summary>
    /// <param name="articles">The seeds: every cluster stored with one of their spans is replaced or deleted.</param>
    /// <param name="clusters">The clusters now, as computed from the rows the walk read.</param>
    /// <param name="written">Index rows (article, id) this refresh wrote in an earlier round; the rows written now are
    /// added. A row written from a view that turned out to be outdated is deleted here if the cluster no longer holds
    /// its article, even when the stored cluster another refresh wrote meanwhile never listed it.</param>
    /// <param name="trustStored">Whether what the stored cluster rows list may be taken as written: then a cluster stored
    /// exactly as computed is not written again, and of a cluster that grew only the new members' index rows are.
    /// The caller passes false once its walk has found the rows changed under it (see <see cref="Processing.ClusterRefresh"/>).</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>Whether anything was written or deleted: when not, the stored clusters are those computed.</returns>
    /// <remarks>
    /// Order makes a stored cluster row a promise: index rows are upserted first, then the index rows of articles that
    /// left are deleted, then the cluster rows are written, then clusters that are gone are deleted. So a cluster row on
    /// record has the index rows of its members, and a process killed part way leaves a state its retry repairs.
    /// A concurrent refresh with an outdated view can still delete a row a stored cluster lists; it then finds the rows
    /// changed when it walks again and writes its next round without trusting anything stored.
    /// </remarks>
    public async Task<bool> ReplaceAsync(
        IReadOnlyCollection<string> articles,
        IReadOnlyList<ClusterRow> clusters,
        HashSet<(string Article, string Id)> written,
        bool trustStored,
        CancellationToken cancellationToken = default)
    {
        var oldIds = (await ConcurrentReads.ReadAsync(articles, async (article, ct) => await IdsOfAsync(article, ct), cancellationToken))
            .Values.SelectMany(ids => ids).ToHashSet(StringComparer.Ordinal);

        var now = clusters.ToDictionary(c => c.Id, c => c.Members.Select(m => m.Article).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        // An id kept keeps its rows; only the articles that left it lose their index row. They can be articles that are
        // not seeds (a removed alignment splits a chain), so the stored cluster says who they are.
        var stored = await GetManyAsync(oldIds.Where(now.ContainsKey), cancellationToken);

        var departed = new HashSet<(string Article, string Id)>(written.Where(w => now.TryGetValue(w.Id, out var members) && !members.Contains(w.Article)));
        foreach (var (id, old) in stored)
        {
            departed.UnionWith(old.Members.Select(m => m.Article).Where(a => !now[id].Contains(a)).Select(a => (a, id)));
        }

        var indexRows = new List<TableTransactionAction>();
        var rows = new List<TableTransactionAction>();
        foreach (var cluster in clusters)
        {
            var old = trustStored ? stored.GetValueOrDefault(cluster.Id) : null;
            var listed = old?.Members.Select(m => m.Article).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var article in now[cluster.Id].Where(a => !listed.Contains(a)))
            {
                indexRows.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(IndexPartition(article), cluster.Id)));
                written.Add((article, cluster.Id));
            }

            if (old is null || !Same(old, cluster))
            {
                rows.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(cluster)));
            }
        }

        await PipelineStorage.SubmitAsync(storage.Clusters, indexRows, cancellationToken: cancellationToken);
        await PipelineStorage.SubmitAsync(storage.Clusters, departed.Select(d => Delete(IndexPartition(d.Article), d.Id)), cancellationToken: cancellationToken);
        written.ExceptWith(departed);
        await PipelineStorage.SubmitAsync(storage.Clusters, rows, cancellationToken: cancellationToken);

        var deletes = new List<TableTransactionAction>();
        var gone = oldIds.Concat(written.Select(w => w.Id)).Where(id => !now.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        var goneRows = await GetManyAsync(gone, cancellationToken);
        foreach (var id in gone)
        {
            if (goneRows.TryGetValue(id, out var old))
            {
                deletes.AddRange(old.Members.Select(m => m.Article).Distinct(StringComparer.Ordinal).Select(a => Delete(IndexPartition(a), id)));
            }

            deletes.Add(Delete(Partition, id));
            deletes.AddRange(articles.Select(a => Delete(IndexPartition(a), id)));
        }

        deletes.AddRange(written.Where(w => gone.Contains(w.Id)).Select(w => Delete(IndexPartition(w.Article), w.Id)));
        await PipelineStorage.SubmitAsync(storage.Clusters, deletes.DistinctBy(d => (d.Entity.PartitionKey, d.Entity.RowKey)), cancellationToken: cancellationToken);
        written.RemoveWhere(w => gone.Contains(w.Id));
        return indexRows.Count + departed.Count + rows.Count + deletes.Count > 0;
    }

    /// <summary>One cluster, or null.</summary>
    public async Task<ClusterRow?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await storage.Clusters.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    private Task<Dictionary<string, ClusterRow>> GetManyAsync(IEnumerable<string> ids, CancellationToken cancellationToken) =>
        ConcurrentReads.ReadAsync(ids, GetAsync, cancellationToken);

    /// <summary>The clusters an article's index rows name: one query and a read per cluster, whatever the number of clusters.</summary>
    public async Task<IReadOnlyList<ClusterRow>> OfArticleAsync(string article, CancellationToken cancellationToken = default) =>
        (await GetManyAsync(await IdsOfAsync(article, cancellationToken), cancellationToken)).Values.ToList();

    private async Task<IEnumerable<string>> IdsOfAsync(string article, CancellationToken cancellationToken) =>
        (await PipelineStorage.QueryAllAsync(
            storage.Clusters, TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition(article)}"), ["RowKey"], cancellationToken))
        .Select(r => r.RowKey);

    /// <summary>Every cluster.</summary>
    public async Task<IReadOnlyList<ClusterRow>> AllAsync(CancellationToken cancellationToken = default)
    {
        var rows = await PipelineStorage.QueryAllAsync(storage.Clusters, TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken);
        return rows.Select(FromEntity).ToList();
    }

    private static TableTransactionAction Delete(string partition, string id) => new(TableTransactionActionType.Delete, new TableEntity(partition, id));

    private static bool Same(ClusterRow stored, ClusterRow computed) =>
        string.Equals(stored.Speaker, computed.Speaker, StringComparison.Ordinal)
        && string.Equals(stored.Kind, computed.Kind, StringComparison.Ordinal)
        && stored.Members.SequenceEqual(computed.Members);

    private static string MembersKey(IEnumerable<SpanRow> members) => string.Join('\u0002', members
        .Select(m => $"{m.Article}\u0001{m.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)}\u0001{m.End.ToString(System.Globalization.CultureInfo.InvariantCulture)}")
        .Order(StringComparer.Ordinal));

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8));

    private static string IndexPartition(string article) => TableKey.Encode("member_" + article);

    private static TableEntity ToEntity(ClusterRow cluster)
    {
        var entity = new TableEntity(Partition, cluster.Id)
        {
            ["Speaker"] = cluster.Speaker,
            ["Articles"] = cluster.Articles,
            ["Kind"] = cluster.Kind,
        };
        LongText.Write(entity, "Members", JsonSerializer.Serialize(cluster.Members, s_json));
        return entity;
    }

    private static ClusterRow FromEntity(TableEntity entity)
    {
        IReadOnlyList<SpanRow> members;
        try
        {
            members = LongText.Read(entity, "Members") is { } json ? JsonSerializer.Deserialize<List<SpanRow>>(json, s_json) ?? [] : [];
        }
        catch (JsonException)
        {
            members = [];
        }

        return new ClusterRow(entity.RowKey, entity.GetString("Speaker"), members) { Kind = entity.GetString("Kind") ?? "passage" };
    }
}

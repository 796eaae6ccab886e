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

    /// <summary>A stable id for a cluster with these members.</summary>
    public static string IdOf(IEnumerable<SpanRow> members)
    {
        var key = string.Join('\u0002', members
            .Select(m => $"{m.Article}\u0001{m.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)}\u0001{m.End.ToString(System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8));
    }

    /// <summary>Replaces every cluster touching <paramref name="articles"/> with <paramref name="clusters"/>.</summary>
    public async Task ReplaceAsync(IReadOnlyCollection<string> articles, IReadOnlyList<ClusterRow> clusters, CancellationToken cancellationToken = default)
    {
        var oldIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var index = await PipelineStorage.QueryAllAsync(
                storage.Clusters, TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition(article)}"), ["RowKey"], cancellationToken);
            oldIds.UnionWith(index.Select(r => r.RowKey));
        }

        var newIds = clusters.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var writes = new List<TableTransactionAction>();
        foreach (var cluster in clusters)
        {
            writes.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(cluster)));
            foreach (var article in cluster.Members.Select(m => m.Article).Distinct(StringComparer.Ordinal))
            {
                writes.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(IndexPartition(article), cluster.Id)));
            }
        }

        await PipelineStorage.SubmitAsync(storage.Clusters, writes, cancellationToken);

        var deletes = new List<TableTransactionAction>();
        foreach (var id in oldIds.Where(id => !newIds.Contains(id)))
        {
            if (await GetAsync(id, cancellationToken) is { } old)
            {
                foreach (var article in old.Members.Select(m => m.Article).Distinct(StringComparer.Ordinal))
                {
                    deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(IndexPartition(article), id)));
                }
            }

            deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, id)));
        }

        foreach (var article in articles)
        {
            foreach (var id in oldIds.Where(id => !newIds.Contains(id)))
            {
                deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(IndexPartition(article), id)));
            }
        }

        await PipelineStorage.SubmitAsync(storage.Clusters, deletes.DistinctBy(d => (d.Entity.PartitionKey, d.Entity.RowKey)), cancellationToken);
    }

    /// <summary>One cluster, or null.</summary>
    public async Task<ClusterRow?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await storage.Clusters.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    /// <summary>Every cluster.</summary>
    public async Task<IReadOnlyList<ClusterRow>> AllAsync(CancellationToken cancellationToken = default)
    {
        var rows = await PipelineStorage.QueryAllAsync(storage.Clusters, TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken);
        return rows.Select(FromEntity).ToList();
    }

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

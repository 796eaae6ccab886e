using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Pipeline.Functions.Storage;

/// <summary>The containers and tables the pipeline uses, created on start-up when missing.</summary>
internal sealed class PipelineStorage
{
    /// <summary>Container the articles are uploaded to (the NormalizeArticle trigger).</summary>
    public const string ArticlesContainerName = "articles";

    /// <summary>Container of normalized records (the AlignArticle trigger).</summary>
    public const string NormalizedContainerName = "normalized";

    /// <summary>Creates the clients for a storage account.</summary>
    public PipelineStorage(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        Clients = clients;
        var blobs = clients.Blobs;
        var tables = clients.Tables;
        Articles = blobs.GetBlobContainerClient(ArticlesContainerName);
        Normalized = blobs.GetBlobContainerClient(NormalizedContainerName);
        ArticleRows = tables.GetTableClient("articles");
        Postings = tables.GetTableClient("postings");
        Candidates = tables.GetTableClient("candidates");
        Alignments = tables.GetTableClient("alignments");
        Clusters = tables.GetTableClient("clusters");
        Receipts = tables.GetTableClient("receipts");
        Poison = tables.GetTableClient("poison");
    }

    /// <summary>The service clients every store shares.</summary>
    public StorageClients Clients { get; }

    /// <summary>Uploaded articles.</summary>
    public BlobContainerClient Articles { get; }

    /// <summary>Normalized records.</summary>
    public BlobContainerClient Normalized { get; }

    /// <summary>One status row per article.</summary>
    public TableClient ArticleRows { get; }

    /// <summary>Index rows (one per article; with its shingles when the index is mirrored) and duplicate signatures.</summary>
    public TableClient Postings { get; }

    /// <summary>The sharded candidate index (<c>Pipeline:CandidateIndex</c> = sharded): posting rows by shingle hash.</summary>
    public TableClient Candidates { get; }

    /// <summary>Aligned passage pairs, stored once per direction.</summary>
    public TableClient Alignments { get; }

    /// <summary>Passage clusters and their per-article index.</summary>
    public TableClient Clusters { get; }

    /// <summary>Standalone trigger receipts (processed blob name + ETag).</summary>
    public TableClient Receipts { get; }

    /// <summary>Blobs that failed every attempt.</summary>
    public TableClient Poison { get; }

    /// <summary>Creates every container and table that is missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await Articles.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Normalized.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var table in new[] { ArticleRows, Postings, Candidates, Alignments, Clusters, Receipts, Poison })
        {
            await table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>Whether storage answers at all (used by the health endpoint).</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var page in ArticleRows.QueryAsync<TableEntity>(filter: (string?)null, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(null, 1))
            {
                _ = page;
                break;
            }

            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The current ETag of an uploaded article, or null when it no longer exists.</summary>
    public async Task<string?> SourceETagAsync(string name, CancellationToken cancellationToken = default)
    {
        if (BlobNames.Problem(name) is not null)
        {
            // Unreachable by URL: it was rejected for that, and is treated as absent once it is no longer listed.
            return null;
        }

        try
        {
            var properties = await Articles.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Submits upserts and deletes in as few batches as the table service allows.</summary>
    /// <param name="table">The table.</param>
    /// <param name="actions">The actions, in any partitions.</param>
    /// <param name="tolerated">A status that means one row was not in the state an action expects and may be skipped
    /// (409: inserted meanwhile; 404: gone meanwhile). A batch of deletes always tolerates 404.</param>
    /// <param name="cancellationToken">Cancels the remaining batches.</param>
    /// <remarks>The service refuses a whole transaction for one such row, so that batch is sent again an action at a time.</remarks>
    public static async Task SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, int? tolerated = null, CancellationToken cancellationToken = default)
    {
        foreach (var batch in TableTransactionBatches.Split(actions))
        {
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
            }
            catch (RequestFailedException e) when (Tolerates(e, batch, tolerated) && batch.Count > 1)
            {
                foreach (var action in batch)
                {
                    try
                    {
                        await table.SubmitTransactionAsync([action], cancellationToken);
                    }
                    catch (RequestFailedException one) when (Tolerates(one, [action], tolerated))
                    {
                    }
                }
            }
            catch (RequestFailedException e) when (Tolerates(e, batch, tolerated))
            {
            }
        }
    }

    private static bool Tolerates(RequestFailedException e, IReadOnlyList<TableTransactionAction> batch, int? tolerated) =>
        e.Status == tolerated || (e.Status == 404 && batch.All(a => a.ActionType == TableTransactionActionType.Delete));

    /// <summary>Deletes a row, ignoring a row that is already gone.</summary>
    public static async Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Reads every row a filter selects.</summary>
    public static async Task<IReadOnlyList<TableEntity>> QueryAllAsync(TableClient table, string filter, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: select, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}

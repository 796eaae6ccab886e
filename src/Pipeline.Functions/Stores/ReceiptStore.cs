using Azure.Data.Tables;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Stores;

/// <summary>Receipts (table <c>receipts</c>, PK container, RK encoded name) and poison rows (table <c>poison</c>, same keys).</summary>
internal sealed class ReceiptStore(PipelineStorage storage)
{
    /// <summary>Every receipt of a container, by blob name.</summary>
    public async Task<IReadOnlyDictionary<string, Receipt>> AllAsync(string container, CancellationToken cancellationToken = default)
    {
        var rows = await PipelineStorage.QueryAllAsync(storage.Receipts, TableClient.CreateQueryFilter($"PartitionKey eq {container}"), cancellationToken: cancellationToken);
        var result = new Dictionary<string, Receipt>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var name = row.GetString("Name") ?? TableKey.Decode(row.RowKey);
            result[name] = new Receipt(
                container,
                name,
                row.GetString("BlobETag") ?? string.Empty,
                row.GetString("State") ?? Receipt.Done,
                row.GetInt32("Attempts") ?? 0,
                row.GetString("Error"),
                row.GetDateTimeOffset("NextAttempt"));
        }

        return result;
    }

    /// <summary>Writes a receipt.</summary>
    public Task PutAsync(Receipt receipt, CancellationToken cancellationToken = default) =>
        storage.Receipts.UpsertEntityAsync(ToEntity(receipt), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Writes many receipts: one transaction per container and 100 receipts, instead of a request each.</summary>
    public Task PutManyAsync(IEnumerable<Receipt> receipts, CancellationToken cancellationToken = default) =>
        PipelineStorage.SubmitAsync(
            storage.Receipts, receipts.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(r))), cancellationToken: cancellationToken);

    /// <summary>Deletes a receipt.</summary>
    public Task DeleteAsync(string container, string name, CancellationToken cancellationToken = default) =>
        PipelineStorage.DeleteIfExistsAsync(storage.Receipts, container, TableKey.Encode(name), cancellationToken);

    /// <summary>Records a blob that failed every attempt.</summary>
    public Task PoisonAsync(Receipt receipt, CancellationToken cancellationToken = default) =>
        storage.Poison.UpsertEntityAsync(
            new TableEntity(receipt.Container, TableKey.Encode(receipt.Name))
            {
                ["Name"] = receipt.Name,
                ["BlobETag"] = receipt.ETag,
                ["Attempts"] = receipt.Attempts,
                ["Error"] = receipt.Error is { Length: > 4000 } e ? e[..4000] : receipt.Error,
                ["At"] = DateTimeOffset.UtcNow,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>Forgets a poison row (the blob changed or was deleted).</summary>
    public Task ClearPoisonAsync(string container, string name, CancellationToken cancellationToken = default) =>
        PipelineStorage.DeleteIfExistsAsync(storage.Poison, container, TableKey.Encode(name), cancellationToken);

    private static TableEntity ToEntity(Receipt receipt) => new(receipt.Container, TableKey.Encode(receipt.Name))
    {
        ["Name"] = receipt.Name,
        ["BlobETag"] = receipt.ETag,
        ["State"] = receipt.State,
        ["Attempts"] = receipt.Attempts,
        ["Error"] = receipt.Error is { Length: > 4000 } e ? e[..4000] : receipt.Error,
        ["NextAttempt"] = receipt.NextAttempt,
    };
}

using Pipeline.Storage.Tables;
using Pipeline.Testing;
using Xunit;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    private static List<TableTransactionAction> Adds(string partition, int count) =>
        Enumerable.Range(0, count)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"{i:D3}") { ["N"] = i }))
            .ToList();

    [Fact]
    public async Task SubmitTransactionAsync_100Operations_AllApplied()
    {
        var table = await Clients.NewTableAsync(azurite);

        var response = await table.SubmitTransactionAsync(Adds("p", 100));

        Assert.Equal(100, response.Value.Count);
        Assert.All(response.Value, r => Assert.Equal(204, r.Status));
        Assert.Equal(100, (await table.QueryAsync().ToListAsync()).Count);
    }

    [Fact]
    public async Task SubmitTransactionAsync_101Operations_ThrowsBeforeSending()
    {
        var counter = new RequestCountingPolicy();
        var table = await Clients.NewTableAsync(azurite, counter);
        var before = counter.Attempts;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Adds("p", 101)));

        Assert.Contains("100", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, counter.Attempts);
    }

    [Fact]
    public async Task SubmitTransactionAsync_TwoPartitions_ThrowsBeforeSending()
    {
        var table = await Clients.NewTableAsync(azurite);
        var actions = Adds("p", 2).Concat(Adds("q", 1)).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(actions));

        Assert.Contains("one partition", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitTransactionAsync_OneOperationConflicts_NothingAppliedAndErrorNamesItsIndex()
    {
        var table = await Clients.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity("p", "007"));
        var actions = Adds("p", 10).Where(a => a.Entity.RowKey != "007").ToList();
        actions.Insert(3, new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "007")));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal(3, error.FailedTransactionActionIndex);
        Assert.Contains("operation 3", error.Message, StringComparison.Ordinal);
        Assert.Single(await table.QueryAsync().ToListAsync());
    }

    [Fact]
    public async Task SubmitTransactionAsync_MixedActionTypes_ApplyLikeSingleCalls()
    {
        var table = await Clients.NewTableAsync(azurite);
        var existing = new TableEntity("p", "update") { ["A"] = "a", ["B"] = "b" };
        await table.AddEntityAsync(existing);
        await table.AddEntityAsync(new TableEntity("p", "replace") { ["A"] = "a" });
        await table.AddEntityAsync(new TableEntity("p", "delete"));

        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "add") { ["A"] = "new" }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsert") { ["A"] = "u" }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "update") { ["B"] = "b2" }, existing.ETag),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "replace") { ["C"] = "c" }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
        ]);

        var rows = (await table.QueryAsync().ToListAsync()).ToDictionary(e => e.RowKey);
        Assert.Equal(["add", "replace", "update", "upsert"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("a", "b2"), (rows["update"].GetString("A"), rows["update"].GetString("B")));
        Assert.Null(rows["replace"].GetString("A"));
        Assert.Equal("c", rows["replace"].GetString("C"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_StaleETag_FailsWith412AndIndex()
    {
        var table = await Clients.NewTableAsync(azurite);
        var entity = new TableEntity("p", "r");
        await table.AddEntityAsync(entity);
        var stale = entity.ETag;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "fresh")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "r"), stale),
        ]));

        Assert.Equal(412, error.Status);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.False((await table.GetEntityIfExistsAsync("p", "fresh")).HasValue);
    }

    [Fact]
    public void Split_ManyPartitionsAndRepeats_GroupsByPartitionWithin100AndNoRepeatedRow()
    {
        var actions = Adds("a", 250).Concat(Adds("b", 30)).Concat(Adds("c", 10)).Concat(Adds("c", 10)).Concat(Adds("a", 5)).ToList();

        var batches = TableTransactionBatches.Split(actions);

        Assert.All(batches, b => Assert.Single(b.Select(a => a.Entity.PartitionKey).Distinct()));
        Assert.All(batches, b => Assert.InRange(b.Count, 1, 100));
        Assert.All(batches, b => Assert.Equal(b.Count, b.Select(a => a.Entity.RowKey).Distinct().Count()));
        Assert.Equal(actions.Count, batches.Sum(b => b.Count));
        // "a" 000-004 come again after 200-249: not repeated within that batch, so they join it; "c" repeats all 10 rows.
        Assert.Equal([100, 100, 55, 30, 10, 10], batches.Select(b => b.Count));
    }

    [Fact]
    public async Task Split_LargeEntities_EveryBatchUnder4MiBAndAccepted()
    {
        var table = await Clients.NewTableAsync(azurite);
        var big = new string('x', 30_000); // 60 KB as UTF-16, under the 64 KiB property limit
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity("p", $"{i:D3}") { ["A"] = big, ["B"] = big, ["C"] = big }))
            .ToList();

        var batches = TableTransactionBatches.Split(actions);

        Assert.True(batches.Count > 1);
        foreach (var batch in batches)
        {
            await table.SubmitTransactionAsync(batch);
        }

        Assert.Equal(100, (await table.QueryAsync(select: ["RowKey"]).ToListAsync()).Count);
    }
}

using Azure;
using Pipeline.Storage.Tables;
using Pipeline.Testing;
using Xunit;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddEntityAsync_EveryPropertyType_RoundTripsTypedValues()
    {
        var table = await Clients.NewTableAsync(azurite);
        var when = new DateTimeOffset(2026, 11, 21, 22, 35, 1, 234, TimeSpan.FromHours(2)).AddTicks(5678);
        var id = Guid.NewGuid();
        var entity = new TableEntity("outlet", "article")
        {
            ["Text"] = "Grüße, \"quoted\" 'single' 日本語",
            ["Int"] = 42,
            ["Long"] = 9_007_199_254_740_993L,
            ["Double"] = 2.5,
            ["WholeDouble"] = 3.0,
            ["Bool"] = true,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 255 },
        };
        await table.AddEntityAsync(entity);

        var read = (await table.GetEntityAsync("outlet", "article")).Value;

        Assert.Equal("Grüße, \"quoted\" 'single' 日本語", read.GetString("Text"));
        Assert.Equal(42, read.GetInt32("Int"));
        Assert.Equal(9_007_199_254_740_993L, read.GetInt64("Long"));
        Assert.Equal(2.5, read.GetDouble("Double"));
        Assert.Equal(3.0, read.GetDouble("WholeDouble"));
        Assert.True(read.GetBoolean("Bool"));
        Assert.Equal(when, read.GetDateTimeOffset("When"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, read.GetBinary("Bytes"));
        Assert.NotNull(read.Timestamp);
        Assert.NotEqual(default, read.ETag);
        Assert.Equal(entity.ETag, read.ETag);
        Assert.Null(read.GetString("Absent"));
    }

    [Fact]
    public async Task AddEntityAsync_Existing_Throws409EntityAlreadyExistsWithRequestId()
    {
        var table = await Clients.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Contains("x-ms-request-id", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UpsertEntityAsync_MergeThenReplace_MergeKeepsAndReplaceDropsUnsentProperties()
    {
        var table = await Clients.NewTableAsync(azurite);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b2", ["C"] = "c" }, TableUpdateMode.Merge);
        var merged = (await table.GetEntityAsync("p", "r")).Value;
        Assert.Equal(("a", "b2", "c"), (merged.GetString("A"), merged.GetString("B"), merged.GetString("C")));

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["D"] = "d" }, TableUpdateMode.Replace);
        var replaced = (await table.GetEntityAsync("p", "r")).Value;
        Assert.Equal(((string?)null, (string?)null, (string?)null, "d"), (replaced.GetString("A"), replaced.GetString("B"), replaced.GetString("C"), replaced.GetString("D")));
    }

    [Fact]
    public async Task UpdateEntityAsync_StaleETag_Throws412ConditionNotMetAndKeepsNewerValue()
    {
        var table = await Clients.NewTableAsync(azurite);
        var entity = new TableEntity("p", "r") { ["V"] = 1 };
        await table.AddEntityAsync(entity);
        var stale = entity.ETag;
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, stale, TableUpdateMode.Replace);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 3 }, stale, TableUpdateMode.Merge));

        Assert.Equal(412, error.Status);
        Assert.Contains(error.ErrorCode, new[] { "ConditionNotMet", "UpdateConditionNotSatisfied" });
        Assert.Equal(2, (await table.GetEntityAsync("p", "r")).Value.GetInt32("V"));
    }

    [Fact]
    public async Task UpdateEntityAsync_Missing_Throws404ResourceNotFound()
    {
        var table = await Clients.NewTableAsync(azurite);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "nope"), ETag.All));

        Assert.Equal(404, error.Status);
        Assert.Equal("ResourceNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task GetEntityIfExistsAsync_MissingThenPresent_HasValueOnlyWhenPresent()
    {
        var table = await Clients.NewTableAsync(azurite);
        Assert.False((await table.GetEntityIfExistsAsync("p", "r")).HasValue);
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "r"));
        Assert.Equal("ResourceNotFound", missing.ErrorCode);

        await table.AddEntityAsync(new TableEntity("p", "r") { ["X"] = "x", ["Y"] = "y" });

        var found = await table.GetEntityIfExistsAsync("p", "r", select: ["X"]);
        Assert.True(found.HasValue);
        Assert.Equal("x", found.Value!.GetString("X"));
        Assert.False(found.Value.ContainsKey("Y"));
    }

    [Fact]
    public async Task DeleteEntityAsync_DefaultETag_DeletesUnconditionallyAndStaleETagFails()
    {
        var table = await Clients.NewTableAsync(azurite);
        var entity = new TableEntity("p", "r");
        await table.AddEntityAsync(entity);
        var stale = entity.ETag;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", stale));
        Assert.Equal(412, error.Status);

        await table.DeleteEntityAsync("p", "r");
        Assert.False((await table.GetEntityIfExistsAsync("p", "r")).HasValue);
        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r"));
        Assert.Equal("ResourceNotFound", gone.ErrorCode);
    }

    [Fact]
    public async Task QueryAsync_MoreThan3000Entities_FollowsContinuationAndTokenResumes()
    {
        var table = await Clients.NewTableAsync(azurite);
        var expected = new List<string>();
        foreach (var partition in new[] { "a", "b", "c", "d" })
        {
            var actions = Enumerable.Range(0, 800)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"{i:D4}") { ["N"] = i }))
                .ToList();
            expected.AddRange(actions.Select(a => a.Entity.PartitionKey + "/" + a.Entity.RowKey));
            foreach (var batch in TableTransactionBatches.Split(actions))
            {
                await table.SubmitTransactionAsync(batch);
            }
        }

        var all = await table.QueryAsync().ToListAsync();
        Assert.Equal(expected, all.Select(e => e.PartitionKey + "/" + e.RowKey));

        var pages = await table.QueryAsync(maxPerPage: 500).AsPages().ToListAsync();
        Assert.Equal(7, pages.Count);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(500, p.Values.Count));

        // The token is a plain string: it survives being stored and handed back later.
        var token = new string(pages[3].ContinuationToken!.AsSpan());
        var resumed = await table.QueryAsync(maxPerPage: 500).AsPages(token).ToListAsync();
        Assert.Equal(expected.Skip(2_000), resumed.SelectMany(p => p.Values).Select(e => e.PartitionKey + "/" + e.RowKey));
    }

    [Fact]
    public async Task QueryAsync_FilterSelectAndTop_ReturnsMatchingColumnsOnly()
    {
        var table = await Clients.NewTableAsync(azurite);
        for (var i = 0; i < 10; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", $"r{i}") { ["N"] = i, ["Label"] = $"label {i}", ["Other"] = "o" });
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"p"} and N ge {5}");
        var rows = await table.QueryAsync(filter, select: ["N", "Label"]).ToListAsync();

        Assert.Equal([5, 6, 7, 8, 9], rows.Select(r => r.GetInt32("N")!.Value));
        Assert.All(rows, r => Assert.False(r.ContainsKey("Other")));

        var firstPage = await table.QueryAsync(filter, maxPerPage: 2).AsPages().FirstAsync();
        Assert.Equal(2, firstPage.Values.Count);
        Assert.NotNull(firstPage.ContinuationToken);
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_Succeeds()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("Twice");

        await table.CreateIfNotExistsAsync();
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
    }

    [Fact]
    public async Task QueryAsync_Cancelled_ThrowsOperationCanceled()
    {
        var table = await Clients.NewTableAsync(azurite);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => table.QueryAsync(cancellationToken: cancellation.Token).ToListAsync());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => table.AddEntityAsync(new TableEntity("p", "r"), cancellation.Token));
    }

    [Theory]
    [InlineData("it's", "O''Brien")]
    [InlineData("100% sure", "a+b=c&d")]
    [InlineData("Grüße 日本語 🙂", "(paren),comma")]
    [InlineData("'", "''")]
    public async Task EntityOperations_KeysWithQuotesPercentAndUnicode_AddressTheRightEntity(string partitionKey, string rowKey)
    {
        var table = await Clients.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 1 });
        await table.AddEntityAsync(new TableEntity(partitionKey, rowKey + "x") { ["V"] = 99 });

        var read = (await table.GetEntityAsync(partitionKey, rowKey)).Value;
        Assert.Equal((partitionKey, rowKey, 1), (read.PartitionKey, read.RowKey, read.GetInt32("V")));

        await table.UpdateEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 2 }, read.ETag);
        await table.SubmitTransactionAsync([new(TableTransactionActionType.UpsertMerge, new TableEntity(partitionKey, rowKey) { ["W"] = 3 })]);
        var updated = (await table.GetEntityAsync(partitionKey, rowKey)).Value;
        Assert.Equal((2, 3), (updated.GetInt32("V"), updated.GetInt32("W")));

        await table.DeleteEntityAsync(partitionKey, rowKey);
        var left = Assert.Single(await table.QueryAsync().ToListAsync());
        Assert.Equal(rowKey + "x", left.RowKey);
    }
}

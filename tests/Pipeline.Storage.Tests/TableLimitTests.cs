using Pipeline.Storage.Tables;
using Pipeline.Testing;
using Xunit;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableLimitTests(AzuriteFixture azurite)
{
    private async Task<(TableClient Table, RequestCountingPolicy Counter)> TableAsync()
    {
        var counter = new RequestCountingPolicy();
        return (await Clients.NewTableAsync(azurite, counter), counter);
    }

    [Fact]
    public async Task AddEntityAsync_StringOver64KiB_ThrowsOurErrorWithoutSending()
    {
        var (table, counter) = await TableAsync();
        var before = counter.Attempts;

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            table.AddEntityAsync(new TableEntity("p", "r") { ["Body"] = new string('x', 32 * 1024 + 1) }));

        Assert.Contains("'Body'", error.Message, StringComparison.Ordinal);
        Assert.Contains("64 KiB", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, counter.Attempts);
    }

    [Fact]
    public async Task AddEntityAsync_StringAtExactly64KiB_IsAcceptedByTheServer()
    {
        var (table, _) = await TableAsync();

        await table.AddEntityAsync(new TableEntity("p", "r") { ["Body"] = new string('x', 32 * 1024) });

        Assert.Equal(32 * 1024, (await table.GetEntityAsync("p", "r")).Value.GetString("Body")!.Length);
    }

    [Fact]
    public async Task AddEntityAsync_BinaryOver64KiB_ThrowsOurError()
    {
        var (table, counter) = await TableAsync();
        var before = counter.Attempts;

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            table.AddEntityAsync(new TableEntity("p", "r") { ["Blob"] = new byte[64 * 1024 + 1] }));

        Assert.Contains("'Blob'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, counter.Attempts);
    }

    [Fact]
    public async Task AddEntityAsync_EntityOver1MiB_ThrowsOurError()
    {
        var (table, counter) = await TableAsync();
        var before = counter.Attempts;
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 20; i++)
        {
            entity[$"Part{i}"] = new string('x', 30_000);
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(entity));

        Assert.Contains("1 MiB", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, counter.Attempts);
    }

    [Fact]
    public async Task AddEntityAsync_253UserProperties_ThrowsOurErrorAnd252AreAccepted()
    {
        var (table, counter) = await TableAsync();
        var tooMany = new TableEntity("p", "r");
        var most = new TableEntity("p", "r2");
        for (var i = 0; i < 253; i++)
        {
            tooMany[$"P{i}"] = i;
            if (i < 252)
            {
                most[$"P{i}"] = i;
            }
        }

        var before = counter.Attempts;
        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(tooMany));
        Assert.Contains("255", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, counter.Attempts);

        await table.AddEntityAsync(most);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    public async Task AddEntityAsync_ForbiddenKeyCharacter_ThrowsOurErrorPointingToTableKey(string key)
    {
        var (table, _) = await TableAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(key, "r")));

        Assert.Contains("TableKey.Encode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEntityAsync_KeyOver512Chars_ThrowsOurErrorAnd512IsAccepted()
    {
        var (table, _) = await TableAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(new string('k', 513), "r")));
        Assert.Contains("1 KiB", error.Message, StringComparison.Ordinal);

        await table.AddEntityAsync(new TableEntity(new string('k', 512), new string('r', 512)));
    }

    [Fact]
    public async Task AddEntityAsync_UnsupportedPropertyType_ThrowsOurError()
    {
        var (table, _) = await TableAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["When"] = TimeSpan.Zero }));

        Assert.Contains("'When'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitTransactionAsync_Over4MiB_ThrowsOurErrorWithoutSending()
    {
        var (table, counter) = await TableAsync();
        var big = new string('x', 30_000);
        var actions = Enumerable.Range(0, 30)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i}") { ["A"] = big, ["B"] = big, ["C"] = big, ["D"] = big, ["E"] = big }))
            .ToList();
        var before = counter.Attempts;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(actions));

        Assert.Contains("4 MiB", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, counter.Attempts);
    }
}

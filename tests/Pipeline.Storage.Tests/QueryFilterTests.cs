using Pipeline.Storage.Tables;
using Pipeline.Testing;
using Xunit;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueryFilterTests(AzuriteFixture azurite)
{
    [Fact]
    public void CreateQueryFilter_EveryType_FormatsTypedODataLiterals()
    {
        var when = new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.FromHours(1));
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var filter = TableClient.CreateQueryFilter(
            $"S eq {"it's"} and I eq {7} and L eq {7L} and D eq {2.0} and E eq {0.5} and B eq {true} and T ge {when} and G eq {id} and X eq {new byte[] { 0xAB, 0x01 }}");

        Assert.Equal(
            "S eq 'it''s' and I eq 7 and L eq 7L and D eq 2.0 and E eq 0.5 and B eq true and T ge datetime'2026-11-21T22:00:00.0000000Z' and G eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and X eq X'AB01'",
            filter);
    }

    [Fact]
    public void CreateQueryFilter_NullOrUnsupportedValue_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"A eq {(string?)null}"));
        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"A eq {new object()}"));
        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"A eq {double.NaN}"));
    }

    private static readonly string[] s_hostile =
    [
        "O'Brien",
        "x' or 'a' eq 'a",
        "' or PartitionKey ne '",
        "eq",
        "a or b",
        "''",
        "'",
        "日本語 ü 🙂",
        "back\\slash",
        "percent%20and&amp",
        "paren) or (true",
    ];

    public static TheoryData<string> HostileValues => new(s_hostile);

    [Theory]
    [MemberData(nameof(HostileValues))]
    public async Task QueryAsync_HostileValueInFilter_ReturnsExactlyTheIntendedRow(string value)
    {
        var table = await Clients.NewTableAsync(azurite);
        var values = s_hostile;
        var batch = values.Select((v, i) => new TableTransactionAction(
            TableTransactionActionType.Add, new TableEntity("p", $"r{i:D2}") { ["Name"] = v })).ToList();
        await table.SubmitTransactionAsync(batch);

        var rows = await table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"p"} and Name eq {value}")).ToListAsync();

        var row = Assert.Single(rows);
        Assert.Equal(value, row.GetString("Name"));
    }

    [Fact]
    public async Task QueryAsync_TypedComparisons_MatchServerSemantics()
    {
        var table = await Clients.NewTableAsync(azurite);
        var baseTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", $"r{i}")
            {
                ["L"] = 10_000_000_000L + i,
                ["D"] = i + 0.5,
                ["T"] = baseTime.AddDays(i),
                ["B"] = i % 2 == 0,
            });
        }

        async Task<int> CountAsync(FormattableString filter) => (await table.QueryAsync(TableClient.CreateQueryFilter(filter)).ToListAsync()).Count;

        Assert.Equal(2, await CountAsync($"L ge {10_000_000_003L}"));
        Assert.Equal(4, await CountAsync($"D gt {1.0}"));
        Assert.Equal(2, await CountAsync($"T lt {baseTime.AddDays(2)}"));
        Assert.Equal(3, await CountAsync($"B eq {true}"));
    }
}

using FsCheck;
using FsCheck.Fluent;
using Pipeline.Storage.Tables;
using Pipeline.Testing;
using Xunit;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableKeyTests(AzuriteFixture azurite)
{
    // Characters a naive encoding (URL-escape, replace '/' with '_', strip controls, ...) would merge or choke on.
    private static readonly char[] s_tricky = ['/', '\\', '#', '?', '%', '~', '_', '-', '.', ' ', '\'', '\0', '\t', '\u007F', '\u0085', 'A', 'a', 'ü', 'ß', '日', '\uD83D', '\uDE42', '\uFFFF', '0', 'F'];

    private static Arbitrary<string> AnyString()
    {
        var anyChar = Gen.Choose(0, 0xFFFF).Select(i => (char)i);
        var trickyChar = Gen.Elements(s_tricky);
        var mixed = Gen.Frequency((3, trickyChar), (1, anyChar));
        return Gen.ArrayOf(mixed).Select(chars => new string(chars)).ToArbitrary();
    }

    private static bool IsValidKey(string key) =>
        key.Length <= TableKey.MaxLength && key.All(c => c is not ('/' or '\\' or '#' or '?') && !char.IsControl(c) && !char.IsSurrogate(c));

    [Fact]
    public void Encode_AnyString_IsValidKeyAndDecodesBack()
    {
        Prop.ForAll(AnyString(), value =>
        {
            var key = TableKey.Encode(value);
            return IsValidKey(key) && (TableKey.IsHashed(key) || TableKey.Decode(key) == value);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Encode_TwoDifferentStrings_GiveDifferentKeys()
    {
        Prop.ForAll(AnyString(), AnyString(), (a, b) => a == b || TableKey.Encode(a) != TableKey.Encode(b)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Encode_StringAndOneCharVariant_GiveDifferentKeys()
    {
        // Random pairs rarely collide by construction; pairs that differ in exactly one tricky char are the real test.
        var variant = AnyString().Generator.SelectMany(s => Gen.Choose(0, s.Length).SelectMany(i => Gen.Elements(s_tricky).Select(c => (s, s.Insert(i, c.ToString())))));
        Prop.ForAll(variant.ToArbitrary(), pair => TableKey.Encode(pair.Item1) != TableKey.Encode(pair.Item2)).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("a/b", "a_b")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a~002Fb", "a/b")]
    [InlineData("x\0", "x")]
    [InlineData("ü", "u\u0308")]
    [InlineData("A", "a")]
    public void Encode_NamesANaiveEncodingWouldMerge_StayDistinct(string first, string second)
    {
        Assert.NotEqual(TableKey.Encode(first), TableKey.Encode(second));
        Assert.Equal(first, TableKey.Decode(TableKey.Encode(first)));
        Assert.Equal(second, TableKey.Decode(TableKey.Encode(second)));
    }

    [Fact]
    public void Encode_TooLongNames_AreHashedDeterministicallyDistinctAndRefuseDecode()
    {
        var first = new string('/', 200) + "one";
        var second = new string('/', 200) + "two";

        var a = TableKey.Encode(first);

        Assert.True(TableKey.IsHashed(a));
        Assert.InRange(a.Length, TableKey.MaxLength - 4, TableKey.MaxLength);
        Assert.Equal(a, TableKey.Encode(first));
        Assert.NotEqual(a, TableKey.Encode(second));
        Assert.Throws<ArgumentException>(() => TableKey.Decode(a));
        Assert.False(TableKey.IsHashed(TableKey.Encode(new string('/', 102))));
        Assert.False(TableKey.IsHashed(TableKey.Encode(new string('x', 512))));
    }

    [Theory]
    [InlineData("~")]
    [InlineData("~12")]
    [InlineData("~zzzz")]
    [InlineData("~0041")]
    [InlineData("a/b")]
    public void Decode_Malformed_ThrowsFormatException(string key)
    {
        Assert.Throws<FormatException>(() => TableKey.Decode(key));
    }

    [Fact]
    public async Task Encode_AwkwardNames_StoredAndReadBackFromAzurite()
    {
        var table = await Clients.NewTableAsync(azurite);
        string[] names =
        [
            "https://example.com/news/2026/11/21/story?id=1#top",
            "C:\\articles\\a.html",
            "with spaces and 'quotes'",
            "Grüße/日本語/🙂",
            "100% ~tilde~ ~007E",
            "tab\tnew\nline\u0001",
            "",
            new string('é', 600),
        ];

        foreach (var name in names)
        {
            await table.UpsertEntityAsync(new TableEntity(TableKey.Encode(name), TableKey.Encode(name)) { ["Name"] = name });
        }

        var rows = await table.QueryAsync().ToListAsync();
        Assert.Equal(names.Length, rows.Count);
        foreach (var row in rows)
        {
            var name = row.GetString("Name")!;
            Assert.Equal(TableKey.Encode(name), row.PartitionKey);
            Assert.Equal(TableKey.Encode(name), row.RowKey);
            Assert.Equal(name, TableKey.IsHashed(row.RowKey) ? name : TableKey.Decode(row.RowKey));
            var single = await table.GetEntityAsync(row.PartitionKey, row.RowKey);
            Assert.Equal(name, single.Value.GetString("Name"));
        }
    }
}

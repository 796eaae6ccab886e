using Pipeline.Core.Candidates.Sharding;
using Xunit;

namespace Pipeline.Core.Tests.Candidates.Sharding;

public class PostingCodecTests
{
    [Theory]
    [InlineData("plain.txt", 0, 0, null)]
    [InlineData("with,commas,in/the name.txt", 12345, 20_000, "0x8DE3A1B2C3D4E5F")]
    [InlineData("before-1970.txt", 3, -400, null)]
    [InlineData(",leading comma.txt", 7, 1, "v")]
    public void Encode_Decode_RoundTrips(string article, int position, int day, string? version)
    {
        var posting = new StoredPosting(article, position, day, version);
        Assert.True(PostingCodec.TryDecode(PostingCodec.Encode(posting), out var decoded));
        Assert.Equal(posting, decoded);
    }

    [Fact]
    public void Encode_VersionWithComma_Refused() =>
        Assert.Throws<ArgumentException>(() => PostingCodec.Encode(new StoredPosting("a.txt", 1, 1, "x,y")));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12")]
    [InlineData("x,1,,a")]
    [InlineData("1,x,,a")]
    [InlineData("1,2,a")]
    public void TryDecode_TombstoneOrGarbage_False(string? value) => Assert.False(PostingCodec.TryDecode(value, out _));

    [Fact]
    public void PostingRow_Parse_SeparatesLivePostingsTombstonesAndMarker()
    {
        var row = PostingRow.Parse(42, new Dictionary<string, object?>
        {
            ["a01"] = PostingCodec.Encode(new StoredPosting("x.txt", 5, 100)),
            ["a02"] = PostingCodec.Tombstone,
            ["a03"] = PostingCodec.Encode(new StoredPosting("y.txt", 9, 101)),
            ["Other"] = "ignored",
        });

        Assert.Equal(["x.txt", "y.txt"], row.Postings.Select(p => p.Article).Order(StringComparer.Ordinal));
        Assert.Equal(1, row.Tombstones);
        Assert.False(row.Common);
        Assert.False(row.IsCommon(2));
        Assert.True(row.IsCommon(1));
        Assert.True(PostingRow.Parse(42, new Dictionary<string, object?> { [PostingRow.CommonProperty] = true }).IsCommon(200));
    }

    [Fact]
    public void PublicationWindow_AdmitsWithinDays_UnlimitedAdmitsAll()
    {
        var day = PublicationDay.Of(new DateTimeOffset(2026, 12, 4, 23, 59, 0, TimeSpan.Zero));
        Assert.Equal(day, PublicationDay.Of(new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.FromHours(2))));
        Assert.True(new PublicationWindow(3).Admits(day, day - 3));
        Assert.False(new PublicationWindow(3).Admits(day, day + 4));
        Assert.True(PublicationWindow.Unlimited.Admits(day, day - 10_000));
    }
}

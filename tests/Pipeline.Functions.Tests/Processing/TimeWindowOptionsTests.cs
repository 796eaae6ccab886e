using Microsoft.Extensions.Configuration;
using Pipeline.Functions.Hosting;
using Pipeline.Functions.Processing;

namespace Pipeline.Functions.Tests.Processing;

public sealed class TimeWindowOptionsTests
{
    private static readonly DateTimeOffset s_day0 = new(2014, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Dated_PublishedWins_ElseUploadTime()
    {
        var published = new NormalizedRecord("a", "o", "e", "h", "s", null!) { Published = s_day0, Uploaded = s_day0.AddDays(3) };
        var undated = published with { Published = null };

        Assert.Equal(s_day0, published.Dated);
        Assert.Equal(s_day0.AddDays(3), undated.Dated);
        Assert.Null((undated with { Uploaded = null }).Dated);
    }

    [Fact]
    public void Dated_NotWrittenToTheRecord_PublishedStaysWhatThePublisherGave()
    {
        var record = new NormalizedRecord("a", "o", "e", "h", "s", null!) { Uploaded = s_day0 };

        var json = System.Text.Encoding.UTF8.GetString(record.ToJson());

        Assert.DoesNotContain("\"dated\"", json, StringComparison.Ordinal);
        Assert.Null(NormalizedRecord.Parse(record.ToJson()).Published);
    }

    [Fact]
    public void Options_WindowDays_UnsetOrEmptyIsNoWindow_NumberIsRead()
    {
        Assert.Null(Options().WindowDays);
        Assert.Null(Options().Window.Days);
        Assert.Null(Options(" ").WindowDays);
        Assert.Equal(7, Options("7").Window.Days);
        Assert.Equal(0, Options("0").Window.Days);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0.5")]
    [InlineData("a week")]
    [InlineData("36501")]
    public void Options_WindowDays_BadValue_ThrowsNamingTheSetting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Options(value));
        Assert.Contains("Pipeline__WindowDays", error.Message, StringComparison.Ordinal);
    }

    private static PipelineOptions Options(string? windowDays = null)
    {
        var values = new Dictionary<string, string?>();
        if (windowDays is not null)
        {
            values["Pipeline:WindowDays"] = windowDays;
        }

        return PipelineOptions.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }
}

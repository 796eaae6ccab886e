using Microsoft.Extensions.Configuration;
using Pipeline.Functions.Hosting;

namespace Pipeline.Functions.Tests.Processing;

public sealed class CandidateIndexOptionsTests
{
    [Theory]
    [InlineData(null, "Mirror")]
    [InlineData(" ", "Mirror")]
    [InlineData("mirror", "Mirror")]
    [InlineData("Sharded", "Sharded")]
    [InlineData(" sharded ", "Sharded")]
    public void Options_CandidateIndex_UnsetIsMirror_NamesAreRead(string? value, string expected) =>
        Assert.Equal(expected, Options(value).CandidateIndex.ToString());

    [Theory]
    [InlineData("1")]
    [InlineData("memory")]
    [InlineData("sharded,mirror")]
    public void Options_CandidateIndex_BadValue_ThrowsNamingTheSettingAndTheChoices(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Options(value));
        Assert.Contains("Pipeline__CandidateIndex", error.Message, StringComparison.Ordinal);
        Assert.Contains("'mirror' or 'sharded'", error.Message, StringComparison.Ordinal);
    }

    private static PipelineOptions Options(string? value)
    {
        var values = new Dictionary<string, string?>();
        if (value is not null)
        {
            values["Pipeline:CandidateIndex"] = value;
        }

        return PipelineOptions.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }
}

using Pipeline.Bench.Baselines;
using Xunit;

namespace Pipeline.Bench.Tests;

public class NaiveSentenceAlignerTests
{
    [Fact]
    public void Align_SharedSentenceWithEdits_KeepsThatPairOnly()
    {
        var a = NaiveSentenceAligner.Prepare("The sky was grey over the harbour. Officials said the port would reopen on Monday after the storm passed.");
        var b = NaiveSentenceAligner.Prepare("Fishing boats stayed home all week. Officials said the port would [likely] reopen on Monday after the storm.");
        var kept = new NaiveSentenceAligner().Align(a, b);
        var pair = Assert.Single(kept);
        Assert.StartsWith("officials said", pair.A.Words, StringComparison.Ordinal);
        Assert.StartsWith("officials said", pair.B.Words, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_Sentences_SpansIndexTheText()
    {
        const string text = "First sentence has five words. Second one has five too.";
        var article = NaiveSentenceAligner.Prepare(text);
        Assert.Equal(2, article.Sentences.Count);
        Assert.Equal("First sentence has five words.", text[article.Sentences[0].Start..article.Sentences[0].End]);
    }
}

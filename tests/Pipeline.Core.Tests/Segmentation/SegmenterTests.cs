using Pipeline.Core.Articles;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Segmentation;

public class SegmenterTests
{
    private static (PassageKind Kind, string Text, string? Speaker)[] Passages(string text)
    {
        var article = ArticleAssertions.ReadText(text);
        return article.Passages.Select(p => (p.Kind, ArticleAssertions.Collapse(article.Slice(p)), p.Speaker)).ToArray();
    }

    [Fact]
    public void Segment_QuoteThenAttribution_SplitsQuoteAndNarrative()
    {
        var passages = Passages("\"We are not coordinating,\" Kirby said. Officials agreed.");

        Assert.Equal(
            [(PassageKind.Quote, "We are not coordinating,", "Kirby"), (PassageKind.Text, "Kirby said.", null), (PassageKind.Text, "Officials agreed.", null)],
            passages);
    }

    [Fact]
    public void Segment_CurlyQuoteSpanningSentences_IsOneQuotePassage()
    {
        var passages = Passages("“It’s the Iraqi air space. We are not coordinating,” Kirby said.");

        Assert.Equal((PassageKind.Quote, "It’s the Iraqi air space. We are not coordinating,", "Kirby"), passages[0]);
    }

    [Fact]
    public void Segment_MixedStraightOpenAndCurlyClose_IsOneQuote()
    {
        var passages = Passages("Kerry said: \"If Iran is taking on ISIL, the net effect is positive.” Then he left.");

        Assert.Equal((PassageKind.Quote, "If Iran is taking on ISIL, the net effect is positive.", "Kerry"), passages[1]);
    }

    [Fact]
    public void Segment_ContinuedQuoteAfterSaidName_KeepsSpeaker()
    {
        var passages = Passages("“It is positive,” said Kerry. “But that’s not something that we’re coordinating.”");

        Assert.Equal((PassageKind.Quote, "But that’s not something that we’re coordinating.", "Kerry"), passages[^1]);
    }

    [Fact]
    public void Segment_MultiParagraphQuote_PartsShareTheSpeaker()
    {
        var passages = Passages("\"The first part of the statement runs on.\n\n\"The second part ends here,\" said Kirby.");

        Assert.Equal((PassageKind.Quote, "The first part of the statement runs on.", "Kirby"), passages[0]);
        Assert.Equal((PassageKind.Quote, "The second part ends here,", "Kirby"), passages[1]);
    }

    [Fact]
    public void Segment_PronounAttribution_ResolvesToEarlierNamedSpeaker()
    {
        var passages = Passages("The U.S. is not working with Iran, Kirby said.\n\n\"We are not coordinating,\" he said.");

        Assert.Equal((PassageKind.Quote, "We are not coordinating,", "Kirby"), passages.Single(p => p.Kind == PassageKind.Quote));
    }

    [Fact]
    public void Segment_UnnamedAttribution_HasNoSpeaker()
    {
        var passages = Passages("Kirby spoke earlier.\n\n\"Iran was never involved,\" a senior Iranian official told Reuters.");

        Assert.Null(passages.Single(p => p.Kind == PassageKind.Quote).Speaker);
    }

    [Fact]
    public void Segment_ScareQuoteSentencesLater_DoesNotInheritSpeaker()
    {
        var passages = Passages("Kerry said: \"We are careful.\" Many things happened. Other things followed. Iran was on the \"axis of evil\" list.");

        Assert.Null(passages.Single(p => p.Text == "axis of evil").Speaker);
    }

    [Fact]
    public void Segment_Passages_AreOrderedAndIndexTokens()
    {
        var article = ArticleAssertions.ReadText("Kerry said: \"We are careful.\" Then he left.\n\nA second paragraph follows here.");

        Assert.Equal(article.Passages.OrderBy(p => p.Start).Select(p => p.Index), article.Passages.Select(p => p.Index));
        Assert.Equal(Enumerable.Range(0, article.Passages.Count), article.Passages.Select(p => p.Index));
        var covered = article.Passages.Sum(p => p.TokenCount);
        Assert.Equal(article.Tokens.Count, covered);
        foreach (var p in article.Passages)
        {
            for (var t = p.FirstToken; t < p.FirstToken + p.TokenCount; t++)
            {
                Assert.InRange(article.Tokens[t].Start, p.Start, p.End - 1);
            }
        }
    }

    [Fact]
    public void Segment_QuotedTokens_AreFlaggedQuoted()
    {
        var article = ArticleAssertions.ReadText("Kerry said: \"We are careful.\" Then he left.");
        var quote = article.Passages.Single(p => p.Kind == PassageKind.Quote);

        for (var t = 0; t < article.Tokens.Count; t++)
        {
            var inside = t >= quote.FirstToken && t < quote.FirstToken + quote.TokenCount;
            Assert.Equal(inside, (article.Tokens[t].Flags & TokenFlags.Quoted) != 0);
        }
    }
}

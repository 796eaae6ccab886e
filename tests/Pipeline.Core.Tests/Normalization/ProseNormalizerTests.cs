using Pipeline.Core.Normalization;
using Xunit;

namespace Pipeline.Core.Tests.Normalization;

public class ProseNormalizerTests
{
    [Fact]
    public void Normalize_WrappedAndSpacedText_CollapsesWhitespaceAndSeparatesParagraphs()
    {
        var normalized = ProseNormalizer.Normalize("The  first\nline   joins here.\n\n\nSecond\u00A0paragraph is here.\n");

        Assert.Equal("The first line joins here.\n\nSecond paragraph is here.", normalized.Text);
        Assert.Equal(2, normalized.Paragraphs.Count);
        Assert.Equal("Second paragraph is here.", normalized.Text[normalized.Paragraphs[1].Start..normalized.Paragraphs[1].End]);
    }

    [Fact]
    public void Normalize_HyphenBrokenAtLineEnd_JoinsWordWithoutSpace()
    {
        var normalized = ProseNormalizer.Normalize("It is up to Iraq to de-\nconflict that airspace.");

        Assert.Equal("It is up to Iraq to de-conflict that airspace.", normalized.Text);
    }

    [Fact]
    public void Normalize_EveryTextCharacter_MapsToEqualOrWhitespaceOriginal()
    {
        const string original = "Title words of this page here\n\n  Kirby   said it.\n\"We\nare not\tcoordinating,\" he said.\r\n\r\nShow Comments\n";

        var normalized = ProseNormalizer.Normalize(original);

        for (var i = 0; i < normalized.Text.Length; i++)
        {
            var o = normalized.Map.ToOriginal(i);
            var c = normalized.Text[i];
            Assert.True(c == original[o] || (char.IsWhiteSpace(c) && char.IsWhiteSpace(original[o])), $"text[{i}]='{c}' maps to original[{o}]='{original[o]}'");
        }
    }

    [Fact]
    public void Normalize_DroppedLeadAndTail_MapStillPointsIntoOriginal()
    {
        const string original = "Portuguese / Spanish / English\n\nThe only real sentence of the article is here.\n\nShow Comments";

        var normalized = ProseNormalizer.Normalize(original);

        Assert.Equal("The only real sentence of the article is here.", normalized.Text);
        Assert.Equal(original.IndexOf("The only", StringComparison.Ordinal), normalized.Map.ToOriginal(0));
    }
}

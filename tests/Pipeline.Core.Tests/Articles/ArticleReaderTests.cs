using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Articles;

public class ArticleReaderTests
{
    [Fact]
    public void Read_PlainArticle_ReturnsArticleWithNameOriginalAndText()
    {
        const string original = "Iran strikes ISIL targets in Iraq\n\nKirby said the strikes were   real.\n";

        var result = ArticleReader.Read("seed.txt", Encoding.UTF8.GetBytes(original));

        Assert.False(result.IsRejected);
        Assert.Null(result.Rejection);
        var article = result.Article!;
        Assert.Equal("seed.txt", article.Name);
        Assert.Equal(original, article.Original);
        Assert.Equal("Kirby said the strikes were real.", article.Text);
        Assert.Equal("Iran strikes ISIL targets in Iraq", article.Title);
    }

    [Fact]
    public void Read_MixedUtf8AndStrayBytes_ReadAsWindows1252AndKept()
    {
        // Valid UTF-8 "é" read as Windows-1252 becomes "Ã©": the © must not make the sentence a copyright line.
        var content = Encoding.UTF8.GetBytes("Officials met on Tuesday \u00E9 to discuss the budget for the caf\u00E9.").Concat(" The minister said the plan would fail."u8.ToArray()).ToArray();
        content[25] = 0xE9;
        content = [.. content.Take(26), .. content.Skip(27)];

        var result = ArticleReader.Read("mixed.txt", content);

        Assert.False(result.IsRejected, result.Rejection?.Message);
        Assert.Contains("discuss the budget for the caf\u00C3\u00A9.", result.Article!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyContent_RejectsEmpty()
    {
        var result = ArticleReader.Read("a.txt", []);

        Assert.True(result.IsRejected);
        Assert.Null(result.Article);
        Assert.Equal("empty", result.Rejection!.Code);
    }

    [Fact]
    public void Read_ContentOverLimit_RejectsTooLarge()
    {
        var result = ArticleReader.Read("a.txt", new byte[101], new ReadOptions { MaxBytes = 100 });

        Assert.Equal("too-large", result.Rejection?.Code);
    }

    [Fact]
    public void Read_PngBytes_RejectsBinary()
    {
        var result = ArticleReader.Read("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);

        Assert.Equal("binary", result.Rejection?.Code);
    }

    [Fact]
    public void Read_OnlyPageFurniture_RejectsNoProse()
    {
        var result = ArticleReader.Read("a.txt", Encoding.UTF8.GetBytes("Portuguese / Spanish / English\n\n© 2023 Newsmax. All rights reserved.\n"));

        Assert.Equal("no-prose", result.Rejection?.Code);
    }

    [Fact]
    public void Read_OnlyPunctuation_RejectsNoProse()
    {
        Assert.Equal("no-prose", ArticleReader.Read("a.txt", Encoding.UTF8.GetBytes("... --- !!! ***")).Rejection?.Code);
    }

    [Fact]
    public void Read_HtmlFile_OriginalIsExtractedText()
    {
        const string html = "<html><head><title>T</title></head><body><nav>Home | World | Sport</nav><article><h1>Iran and the US strike ISIL</h1><p>&ldquo;We are not coordinating,&rdquo; Kirby said.</p></article></body></html>";

        var article = ArticleReader.Read("page.html", Encoding.UTF8.GetBytes(html)).Article!;

        Assert.Equal("Iran and the US strike ISIL\n\n\u201CWe are not coordinating,\u201D Kirby said.", article.Original);
        Assert.Equal("Iran and the US strike ISIL", article.Title);
        var quote = article.Passages.Single(p => p.Kind == PassageKind.Quote);
        Assert.Equal("We are not coordinating,", article.Slice(quote));
        Assert.Equal("Kirby", quote.Speaker);
    }

    [Fact]
    public void Read_HtmlSniffedWithoutExtension_IsExtracted()
    {
        var article = ArticleReader.Read("blob-123", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>The only paragraph here.</p></body></html>")).Article!;

        Assert.Equal("The only paragraph here.", article.Text);
    }

    [Fact]
    public void Read_HtmlWithoutText_RejectsNoProse()
    {
        Assert.Equal("no-prose", ArticleReader.Read("a.html", Encoding.UTF8.GetBytes("<html><body><script>x()</script></body></html>")).Rejection?.Code);
    }

    [Fact]
    public void Read_Utf16File_ReadsLikeUtf8()
    {
        const string text = "“We are not coordinating,” Kirby said.";
        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var a = ArticleReader.Read("a.txt", utf16).Article!;
        var b = ArticleReader.Read("b.txt", Encoding.UTF8.GetBytes(text)).Article!;

        Assert.Equal(b.Tokens, a.Tokens);
        Assert.Equal(b.Passages, a.Passages);
    }

    [Fact]
    public void Read_TwoMegabyteSingleLine_ReturnsArticle()
    {
        var line = string.Concat(Enumerable.Repeat("Kirby said \"we are not coordinating\" with Iran, and (the Iranians) agreed. ", 2 * 1024 * 1024 / 75));

        var result = ArticleReader.Read("big.txt", Encoding.UTF8.GetBytes(line));

        Assert.False(result.IsRejected);
        Assert.True(result.Article!.Passages.Count > 50_000);
    }

    [Fact]
    public void Read_TwoMegabyteLineWithoutPunctuation_ReturnsArticle()
    {
        var line = string.Concat(Enumerable.Repeat("word ", 2 * 1024 * 1024 / 5));

        var result = ArticleReader.Read("big.txt", Encoding.UTF8.GetBytes(line));

        Assert.False(result.IsRejected);
        Assert.Equal(2 * 1024 * 1024 / 5, result.Article!.Tokens.Count);
    }

    [Fact]
    public void Read_OneMegabyteSingleWord_ReturnsOneToken()
    {
        var result = ArticleReader.Read("word.txt", Encoding.UTF8.GetBytes(new string('a', 1 << 20)));

        Assert.False(result.IsRejected);
        Assert.Single(result.Article!.Tokens);
    }

    [Fact]
    public void Read_OneMegabyteOfQuoteMarks_ReturnsSensibleResult()
    {
        var text = string.Concat(Enumerable.Repeat("\"a\" ", 256 * 1024));

        var result = ArticleReader.Read("quotes.txt", Encoding.UTF8.GetBytes(text));

        Assert.False(result.IsRejected);
        Assert.Equal(256 * 1024, result.Article!.Passages.Count(p => p.Kind == PassageKind.Quote));
    }

    [Fact]
    public void Read_FiftyThousandTinyParagraphs_KeepsEveryParagraph()
    {
        var text = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"Line {i} is here.\n\n"));

        var article = ArticleReader.Read("many.txt", Encoding.UTF8.GetBytes(text)).Article!;

        Assert.Equal(50_000, article.Passages.Count);
        Assert.Equal(50_000 * 4, article.Tokens.Count);
    }

    [Fact]
    public void Read_ManySingleWordLines_ReturnsSensibleResult()
    {
        var text = string.Concat(Enumerable.Range(0, 200_000).Select(i => $"w{i}\n"));

        var result = ArticleReader.Read("words.txt", Encoding.UTF8.GetBytes(text));

        Assert.False(result.IsRejected);
    }
}

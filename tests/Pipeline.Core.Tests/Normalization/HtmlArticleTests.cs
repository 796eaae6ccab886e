using Pipeline.Core.Normalization;
using Xunit;

namespace Pipeline.Core.Tests.Normalization;

public class HtmlArticleTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html><head><title>Site title</title><style>p { color: red }</style><script>var ad = "buy";</script></head>
        <body>
          <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
          <aside>Related News</aside>
          <article>
            <h1>US and Iran strike ISIL</h1>
            <p>Pentagon spokesman Rear Adm. John Kirby spoke on <b>Wednesday</b>.</p>
            <p>&ldquo;We are not coordinating with nor are we deconflicting with Iranian military,&rdquo; Kirby said.</p>
            <form><input value="Sign up for our newsletter"></form>
            <noscript>Enable JavaScript</noscript>
          </article>
          <footer>© 2023 Example. All rights reserved.</footer>
        </body></html>
        """;

    [Fact]
    public void Extract_ArticlePage_KeepsArticleParagraphsOnly()
    {
        var (text, _) = HtmlArticle.Extract(Page);

        Assert.Equal(
            "US and Iran strike ISIL\n\nPentagon spokesman Rear Adm. John Kirby spoke on Wednesday.\n\n\u201CWe are not coordinating with nor are we deconflicting with Iranian military,\u201D Kirby said.",
            text);
    }

    [Fact]
    public void Extract_ArticlePage_TitleIsFirstHeading()
    {
        Assert.Equal("US and Iran strike ISIL", HtmlArticle.Extract(Page).Title);
    }

    [Fact]
    public void Extract_PageWithMainButNoArticle_PrefersMain()
    {
        var (text, _) = HtmlArticle.Extract("<html><body><div>Menu item</div><main><p>The story itself.</p></main></body></html>");

        Assert.Equal("The story itself.", text);
    }

    [Fact]
    public void Extract_PageWithoutArticleOrMain_UsesBodyWithoutChrome()
    {
        var (text, _) = HtmlArticle.Extract("<html><body><nav>Home</nav><p>One.</p><script>x()</script><p>Two.</p><footer>Foot</footer></body></html>");

        Assert.Equal("One.\n\nTwo.", text);
    }

    [Fact]
    public void Extract_DeeplyNestedMarkup_DoesNotOverflow()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 20_000)) + "Deep text." + string.Concat(Enumerable.Repeat("</div>", 20_000)) + "</body></html>";

        Assert.Equal("Deep text.", HtmlArticle.Extract(html).Text);
    }

    [Theory]
    [InlineData("page.html", "plain words", true)]
    [InlineData("page.HTM", "plain words", true)]
    [InlineData("page.txt", "  <!DOCTYPE html><html></html>", true)]
    [InlineData("page.txt", "<html lang=\"en\"><body></body></html>", true)]
    [InlineData("page.txt", "Kirby said <html> is a tag.", false)]
    [InlineData("page.txt", "Plain prose.", false)]
    public void Looks_NameOrContent_DetectsHtml(string name, string text, bool expected)
    {
        Assert.Equal(expected, HtmlArticle.Looks(name, text));
    }
}

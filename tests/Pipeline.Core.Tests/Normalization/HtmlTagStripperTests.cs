using Pipeline.Core.Normalization;
using Xunit;

namespace Pipeline.Core.Tests.Normalization;

public class HtmlTagStripperTests
{
    [Fact]
    public void Strip_Markup_KeepsTextAsParagraphs()
    {
        var text = HtmlTagStripper.Strip("<p>One &amp; <b>two</b>.</p><!-- note --><script>var x = '<p>';</script><div>Three&nbsp;four.</div><nav>Menu</nav>");

        Assert.Equal("One & two.\n\nThree four.", text);
    }

    [Fact]
    public void Depth_NestedTags_CountsOpenElements()
    {
        Assert.Equal(3, HtmlTagStripper.Depth("<div><p><b>x</b><br><img src=x/></p></div>", 100));
    }

    [Fact]
    public void Depth_PastLimit_StopsEarly()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 10_000));

        Assert.Equal(11, HtmlTagStripper.Depth(html, 10));
    }

    [Fact]
    public void Extract_PathologicallyDeepPage_FallsBackToStripper()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "Deep text here." + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";

        Assert.Equal("Deep text here.", HtmlArticle.Extract(html).Text);
    }

    [Fact]
    public void Strip_UnterminatedTagAndScript_DoesNotLoop()
    {
        Assert.Equal("a", HtmlTagStripper.Strip("a<script>never closed"));
        Assert.Equal("b", HtmlTagStripper.Strip("b<div"));
    }
}

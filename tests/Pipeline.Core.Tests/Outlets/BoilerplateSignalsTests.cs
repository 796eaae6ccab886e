using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Outlets;

/// <summary>General page-furniture signals, marked per passage by the reader.</summary>
public class BoilerplateSignalsTests
{
    [Theory]
    [InlineData("Hide Caption 18 of 25 Photos: Crowds gather outside the hotel after the shooting.")]
    [InlineData("Sign up for BREAKING NEWS Emails privacy policy.")]
    [InlineData("Newsletter Sign Up Continue reading the main story Today's Headlines: Asia Edition Get news and analysis from Asia delivered to your inbox every day.")]
    [InlineData("We pay for your stories! Do you have a story for The Sun news desk? Email us at tips@the-sun.co.uk or call us.")]
    [InlineData("NPR transcripts are created on a rush deadline by a contractor and may not be in final form.")]
    [InlineData("Read more: The other stories of the week.")]
    [InlineData("Share Tweet Email Print")]
    [InlineData("Please verify you're not a robot by clicking the box. Invalid email address. Please re-enter. You must select a newsletter to subscribe to.")]
    [InlineData("You agree to receive occasional updates and special offers for The New York Times products and services. Thank you for subscribing.")]
    [InlineData("An error has occurred. Please try again later. You are already subscribed to this email. View all New York Times newsletters.")]
    [InlineData("Invalid email address. Please re-enter.")]
    [InlineData("Accuracy and availability may vary. The authoritative record of NPR’s programming is the audio record.")]
    [InlineData("This text may not be in its final form and may be updated or revised in the future.")]
    public void Read_FurnitureBetweenProseParagraphs_MarkedAsSignal(string furniture)
    {
        var article = RealArticles.Read("a", RealArticles.Story("lambda"), furniture, RealArticles.Story("mu"));

        var marked = article.Passages.Where(p => p.Boilerplate == BoilerplateReason.Signal).ToList();

        Assert.NotEmpty(marked);
        Assert.All(marked, p => Assert.Contains(article.Original[p.Start..p.End], furniture, StringComparison.Ordinal));
        Assert.Contains(article.Passages, p => p.Boilerplate is null);
    }

    [Theory]
    [InlineData("The newsletter that the paper started last year now has two million readers in the country.")]
    [InlineData("He said he had subscribed to the service for years and would keep receiving its special offers by mail.")]
    [InlineData("In this Thursday file photo, the defendant is brought to a courtroom inside the military prison near the capital, where she faces twelve charges including assault, incitement and throwing stones at soldiers during the protests of last winter. (AP Photo/Mahmoud Illean, File)")]
    public void Read_ProseThatMentionsASignal_NotMarked(string prose)
    {
        var article = RealArticles.Read("a", RealArticles.Story("nu"), prose, RealArticles.Story("xi"));

        // A credit standing as its own passage is furniture; the sentence it follows is not.
        var marked = article.Passages.Where(p => p.Boilerplate is not null).Select(p => article.Original[p.Start..p.End]);
        Assert.All(marked, text => Assert.StartsWith("(AP Photo", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ShortWidgetTextBetweenFurniture_MarkedToo()
    {
        const string signUp = "Please verify you're not a robot by clicking the box. Please re-enter. You must select a newsletter to subscribe to. " +
            "An error has occurred. Thank you for subscribing.";
        var article = RealArticles.Read("a", RealArticles.Story("nu"), signUp, RealArticles.Story("xi"));

        var widget = article.Passages.Where(p => article.Original[p.Start..p.End] is "Please re-enter." or "An error has occurred.").ToList();
        Assert.Equal(2, widget.Count);
        Assert.All(widget, p => Assert.Equal(BoilerplateReason.Signal, p.Boilerplate));
        Assert.Contains(article.Passages, p => p.Boilerplate is null);
    }

    [Fact]
    public void Read_SentenceRunIntoAGalleryCaption_SentenceStaysText()
    {
        var article = RealArticles.Read("a", RealArticles.Story("tau2"),
            "The launch went ahead despite the united plea of the international community against such an act Hide Caption 4 of 8 Photos: North Korea launches rocket",
            RealArticles.Story("upsilon2"));

        var text = Assert.Single(article.Passages, p => article.Original[p.Start..p.End].Contains("united plea", StringComparison.Ordinal));
        Assert.Null(text.Boilerplate);
        Assert.DoesNotContain("Hide Caption", article.Original[text.Start..text.End], StringComparison.Ordinal);
        Assert.Contains(article.Passages, p => p.Boilerplate == BoilerplateReason.Signal && article.Original[p.Start..p.End].StartsWith("Hide Caption 4 of 8", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, article.Passages.Count), article.Passages.Select(p => p.Index));
    }

    [Fact]
    public void Align_ArticlesSharingOnlyFurniture_NothingAligned()
    {
        const string prompt = "Newsletter Sign Up Continue reading the main story Today's Headlines: Asia Edition Get news and analysis from Asia delivered to your inbox every day.";
        var a = RealArticles.Read("a", RealArticles.Story("omicron"), prompt, RealArticles.Story("pi"));
        var b = RealArticles.Read("b", RealArticles.Story("rho"), prompt, RealArticles.Story("sigma"));

        Assert.Empty(PassageAligner.Align(a, b));
    }
}

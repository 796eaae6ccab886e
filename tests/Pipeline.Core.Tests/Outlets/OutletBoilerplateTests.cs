using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Outlets;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Outlets;

/// <summary>Boilerplate learned per outlet from articles about different stories.</summary>
public class OutletBoilerplateTests
{
    private const string Prompt = OutletTexts.Prompt;
    private const string Background = OutletTexts.Background;

    [Fact]
    public void Mark_RunInThreeDifferentStoriesOfOneOutlet_IsBoilerplateAndNeverAligns()
    {
        var articles = new[] { "omega", "aleph", "beth" }.Select(t => RealArticles.Read($"paper/{t}", RealArticles.Story(t), Prompt + ".", RealArticles.Story(t + "2"))).ToList();
        var model = Learn(articles);

        var marked = articles.Select(model.Mark).ToList();

        Assert.All(marked, a => Assert.Contains(a.Passages, p => p.Boilerplate == BoilerplateReason.Outlet && a.Original[p.Start..p.End].Contains("morning briefing", StringComparison.Ordinal)));
        Assert.All(marked, a => Assert.Contains(a.Passages, p => p.Boilerplate is null));
        Assert.Empty(PassageAligner.Align(marked[0], marked[1]));
    }

    [Fact]
    public void Mark_RunInTwoStoriesOnly_NotBoilerplate()
    {
        var articles = new[] { "gimel", "daleth" }.Select(t => RealArticles.Read($"paper/{t}", RealArticles.Story(t), Prompt + ".")).ToList();
        var model = Learn(articles);

        Assert.All(articles, a => Assert.Same(a, model.Mark(a)));
    }

    [Fact]
    public void Mark_OutletRepeatingItsOwnReportingOnOneStory_NotBoilerplate()
    {
        // Three versions of one story (updates): they share most of their text, so they count as one story.
        var story = RealArticles.Story("he", 10);
        var articles = Enumerable.Range(0, 3).Select(i => RealArticles.Read($"paper/update{i}", story, Background + ".", RealArticles.Story("vav" + i, 1))).ToList();
        var model = Learn(articles);

        Assert.All(articles, a => Assert.All(model.Mark(a).Passages, p => Assert.Null(p.Boilerplate)));
    }

    [Fact]
    public void Mark_PassageWithBoilerplateGluedToIt_OnlyTheCoveredStretchMarked()
    {
        var articles = new[] { "zayin", "heth", "teth" }.Select(t => RealArticles.Read($"paper/{t}", RealArticles.Story(t, 12), $"The team of {t} reviewed the {t} plan again {Prompt}")).ToList();
        var model = Learn(articles);

        var marked = model.Mark(articles[0]);

        var prose = Assert.Single(marked.Passages, p => marked.Original[p.Start..p.End].Contains("reviewed the", StringComparison.Ordinal));
        Assert.Null(prose.Boilerplate);
        Assert.Contains(marked.Passages, p => p.Boilerplate == BoilerplateReason.Outlet && marked.Original[p.Start..p.End].EndsWith("every weekday", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, marked.Passages.Count), marked.Passages.Select(p => p.Index));
    }

    [Fact]
    public void Observe_SameArticleAgain_ChangesNothing()
    {
        var article = RealArticles.Read("paper/yod", RealArticles.Story("yod"), Prompt + ".");
        var model = new OutletBoilerplate();
        var evidence = ArticleEvidence.Of(article);

        model.Observe(article.Name, evidence);
        model.Observe(article.Name, evidence);
        model.Observe(article.Name, evidence);

        Assert.All(evidence.Shingles, s => Assert.False(model.IsBoilerplate(s)));
    }

    [Fact]
    public void Observe_ManyArticles_StaysWithinItsBound()
    {
        var model = new OutletBoilerplate(maxShingles: 500);
        for (var i = 0; i < 60; i++)
        {
            var article = RealArticles.Read($"paper/{i}", RealArticles.Story("story" + i, 6));
            model.Observe(article.Name, ArticleEvidence.Of(article));
            Assert.True(model.Count <= 500, $"{model.Count} runs tracked after {i + 1} articles");
        }
    }

    [Fact]
    public void Import_ExportedState_SameAnswers()
    {
        var articles = new[] { "kaph", "lamed", "mem" }.Select(t => RealArticles.Read($"paper/{t}", RealArticles.Story(t), Prompt + ".")).ToList();
        var model = Learn(articles);
        var (runs, evidence) = model.Export();

        var copy = OutletBoilerplate.Import(runs, evidence);

        Assert.All(articles, a => Assert.Equal(model.Mark(a).Passages, copy.Mark(a).Passages));
    }

    private static OutletBoilerplate Learn(IEnumerable<Article> articles)
    {
        var model = new OutletBoilerplate();
        foreach (var article in articles)
        {
            model.Observe(article.Name, ArticleEvidence.Of(article));
        }

        return model;
    }
}

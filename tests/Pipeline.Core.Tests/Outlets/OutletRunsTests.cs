using Pipeline.Core.Articles;
using Pipeline.Core.Outlets;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Outlets;

/// <summary>The one-article-at-a-time form of the outlet boilerplate rule, as the app applies it.</summary>
public class OutletRunsTests
{
    private const string Prompt = OutletTexts.Prompt;
    private const string Background = OutletTexts.Background;

    [Fact]
    public void Learn_ThreeDifferentStories_LearnsThePromptRunsOnly()
    {
        var evidence = new[] { "omega", "aleph", "beth" }.Select(t => Evidence($"paper/{t}", RealArticles.Story(t), Prompt + ".", RealArticles.Story(t + "2"))).ToList();

        var learned = OutletRuns.Learn(evidence[0], evidence);

        var prompt = Evidence("paper/prompt", Prompt + ".").Shingles;
        Assert.NotEmpty(learned);
        Assert.Equal(prompt, learned);
    }

    [Fact]
    public void Learn_AnyArticleOfTheThree_LearnsTheSameRuns()
    {
        var evidence = new[] { "gimel", "daleth", "he" }.Select(t => Evidence($"paper/{t}", RealArticles.Story(t), Prompt + ".", RealArticles.Story(t + "2"))).ToList();

        var learned = evidence.Select(e => OutletRuns.Learn(e, evidence.AsEnumerable().Reverse())).ToList();

        Assert.All(learned, l => Assert.Equal(learned[0], l));
        Assert.NotEmpty(learned[0]);
    }

    [Fact]
    public void Learn_TwoStoriesOnly_LearnsNothing()
    {
        var evidence = new[] { "zayin", "heth" }.Select(t => Evidence($"paper/{t}", RealArticles.Story(t), Prompt + ".", RealArticles.Story(t + "2"))).ToList();

        Assert.Empty(OutletRuns.Learn(evidence[0], evidence));
    }

    [Fact]
    public void Learn_ThreeVersionsOfOneStory_LearnsNothing()
    {
        // An outlet repeating its own reporting on one story: the versions resemble each other, so they count once.
        var story = RealArticles.Story("teth", 10);
        var evidence = Enumerable.Range(0, 3).Select(i => Evidence($"paper/update{i}", story, Background + ".", RealArticles.Story("yod" + i, 1))).ToList();

        Assert.Empty(OutletRuns.Learn(evidence[0], evidence));
    }

    [Fact]
    public void Learn_WitnessesThatAreOneStoryBetweenThem_LearnNothing()
    {
        // Two of the three carriers are versions of one story: only two different stories carry the prompt.
        var story = RealArticles.Story("kaph", 10);
        var self = Evidence("paper/self", RealArticles.Story("lamed"), Prompt + ".", RealArticles.Story("lamed2"));
        var first = Evidence("paper/v1", story, Prompt + ".");
        var second = Evidence("paper/v2", story, Prompt + ".", RealArticles.Story("mem", 1));

        Assert.Empty(OutletRuns.Learn(self, [first, second]));
        Assert.NotEmpty(OutletRuns.Learn(self, [first, second, Evidence("paper/other", RealArticles.Story("nun"), Prompt + ".", RealArticles.Story("nun2"))]));
    }

    [Fact]
    public void Present_MarksWithKnownRunsOnly()
    {
        var article = Evidence("paper/samekh", RealArticles.Story("samekh"), Prompt + ".", RealArticles.Story("samekh2"));
        var prompt = Evidence("paper/prompt", Prompt + ".").Shingles;

        Assert.Equal(prompt, OutletRuns.Present(article, prompt.ToHashSet()));
        Assert.Empty(OutletRuns.Present(article, new HashSet<ulong>()));
    }

    [Fact]
    public void Mark_WithStoredRuns_MarksLikeTheModel()
    {
        var articles = new[] { "ayin", "pe", "tsade" }.Select(t => RealArticles.Read($"paper/{t}", RealArticles.Story(t), Prompt + ".", RealArticles.Story(t + "2"))).ToList();
        var model = new OutletBoilerplate();
        articles.ForEach(a => model.Observe(a.Name, ArticleEvidence.Of(a)));
        var runs = OutletRuns.Learn(ArticleEvidence.Of(articles[0]), articles.Select(ArticleEvidence.Of)).ToHashSet();

        var marked = OutletBoilerplate.Mark(articles[0], runs.Contains);

        Assert.Equal(model.Mark(articles[0]).Passages, marked.Passages);
        Assert.Contains(marked.Passages, p => p.Boilerplate == BoilerplateReason.Outlet);
    }

    [Theory]
    [InlineData(new ulong[] { 1, 3, 5 }, new ulong[] { 3, 5 }, true)]
    [InlineData(new ulong[] { 1, 3, 5 }, new ulong[] { }, true)]
    [InlineData(new ulong[] { 1, 3, 5 }, new ulong[] { 2 }, false)]
    [InlineData(new ulong[] { }, new ulong[] { 7 }, false)]
    [InlineData(new ulong[] { 1, 3 }, new ulong[] { 3, 9 }, false)]
    public void Covers_SortedSets(ulong[] held, ulong[] required, bool expected) =>
        Assert.Equal(expected, OutletRuns.Covers(held, required));

    private static ArticleEvidence Evidence(string name, params string[] paragraphs) => ArticleEvidence.Of(RealArticles.Read(name, paragraphs));
}

/// <summary>One outlet's follow-ups on one story that share only a quote: the same story by their vocabulary, so not boilerplate.</summary>
public class OutletRunsSameStoryTests
{
    private const string Quote = "\"We will not rest until every family in Marlow Vale has clean water again,\" said Governor Adaeze Okonkwo.";

    private static readonly string[] s_followUps =
    [
        "Marlow Vale residents queued for bottled water on Tuesday after the Okonkwo administration confirmed lead in the reservoir feeding the eastern districts. Engineers from the state utility began flushing mains near the Calder pumping station.",
        "Governor Okonkwo toured the Calder pumping station in Marlow Vale on Wednesday as engineers replaced a corroded valve blamed for the lead readings. Families in the eastern districts were told to keep using bottled water through the weekend.",
        "Lead readings at the Calder reservoir fell on Friday, the state utility said, but Marlow Vale families in the eastern districts should still drink bottled water, Okonkwo told reporters outside the pumping station.",
    ];

    [Fact]
    public void Learn_FollowUpsOnOneStorySharingAQuote_LearnNothing()
    {
        var evidence = s_followUps.Select((text, i) => ArticleEvidence.Of(RealArticles.Read($"paper/water{i}", text, Quote, RealArticles.Story("water" + i, 2)))).ToList();

        Assert.All(evidence.SelectMany(a => evidence.Where(b => !ReferenceEquals(a, b)), (a, b) => a.Resemblance(b)), r => Assert.True(r < ArticleEvidence.SameStoryResemblance, "the runs alone would call them different stories"));
        Assert.Empty(OutletRuns.Learn(evidence[0], evidence));
    }
}

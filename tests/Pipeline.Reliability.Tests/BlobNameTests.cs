using Pipeline.Functions.Storage;
using System.Text;
using Pipeline.Reliability.Tests.Support;
using Xunit;

namespace Pipeline.Reliability.Tests;

/// <summary>Odd blob names are each their own article: none escapes its container, merges with another, or touches another's rows.</summary>
[Collection(nameof(BlobNameTests))]
public sealed class BlobNameTests
{
    private static readonly string[] s_names =
    [
        "names/with space.txt",
        "names/hash#tag.txt",
        "names/question?mark.txt",
        "names/percent%20literal.txt",
        "names/percent%2Fslash.txt",
        "names/unicode-é中文-ü.txt",
        "names/a/b.txt",
        "names/a_b.txt",
        "names/a%2Fb.txt",
        "names/a~002Fb.txt",
        "names/A_b.txt",
        "names/..dots.txt",
        "names/long-" + new string('x', 984) + "1.txt",
        "names/long-" + new string('x', 984) + "2.txt",
    ];

    [Fact]
    public async Task Upload_OddNames_EachItsOwnArticleListedAndReadableByExactName()
    {
        Assert.All(s_names.Where(n => n.Contains("long-", StringComparison.Ordinal)), n => Assert.Equal(1000, n.Length));
        var contents = Corpus.Articles(s_names.Length, storySize: 5, prefix: "names");
        var files = s_names.Select((name, i) => (name, contents[i].Content)).ToList();
        await using var run = await PipelineRun.StartAsync();
        await run.State.UploadAllAsync(files, writers: 8);
        await run.WaitSettledAsync(s_names, TimeSpan.FromMinutes(3));

        var states = await run.State.ArticleStatesAsync();
        Assert.Equal(s_names.Order(StringComparer.Ordinal), states.Keys.Order(StringComparer.Ordinal));
        Assert.All(s_names, n => Assert.Equal("aligned", states[n].Status));

        var listed = (await run.ListArticlesAsync()).Select(a => a.GetProperty("article").GetString()!).ToList();
        Assert.Equal(s_names.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));

        foreach (var name in s_names)
        {
            var (status, body, raw) = await run.GetJsonAsync("api/articles/" + EscapePath(name));
            Assert.True(status == 200, $"{name}: {status} {raw}");
            Assert.Equal(name, body.GetProperty("article").GetString());
            var expectedText = Encoding.UTF8.GetString(files.Single(f => f.name == name).Content);
            Assert.Contains(BodyStart(expectedText), body.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        // Alignments name the exact articles, and each article's own partition holds only rows about itself.
        var alignments = await run.State.AlignmentsAsync();
        Assert.NotEmpty(alignments);
        Assert.All(alignments, a => Assert.Contains(a.Source, s_names));
        Assert.All(alignments, a => Assert.Contains(a.Target, s_names));
        foreach (var name in s_names)
        {
            var (status, body, _) = await run.GetJsonAsync("api/alignments?top=1000&article=" + Uri.EscapeDataString(name));
            Assert.Equal(200, status);
            Assert.All(body.GetProperty("items").EnumerateArray(), item => Assert.Equal(name, item.GetProperty("source").GetProperty("article").GetString()));
        }

        Figures.Record("Odd blob names", $"{s_names.Length} names (space, #, ?, %, unicode, 1,000 chars, a/b vs a_b vs a%2Fb vs a~002Fb): all distinct rows, listed and fetched by exact name, alignments only under their own article");
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../b.txt")]
    [InlineData("a/./b.txt")]
    [InlineData("..")]
    [InlineData("trailing.")]
    public void BlobName_PathTraversal_NamedUnaddressableBeforeAnyRequest(string name)
    {
        // The official client sends these as given; URL normalization on the way can turn them into another blob's address.
        Assert.NotNull(BlobNames.Problem(name));
    }

    [Fact]
    public async Task Upload_NameLikeAnotherArticlesKey_LeavesTheOtherArticlesRowsAlone()
    {
        var contents = Corpus.Articles(3, storySize: 3, prefix: "keys");
        await using var run = await PipelineRun.StartAsync();
        await run.State.UploadAllAsync([("keys/x/y.txt", contents[0].Content), ("keys/partner.txt", contents[1].Content)], writers: 2);
        await run.WaitSettledAsync(["keys/x/y.txt", "keys/partner.txt"], TimeSpan.FromMinutes(2));
        var before = await run.State.AlignmentsAsync();
        Assert.NotEmpty(before);

        // The encoded key of "keys/x/y.txt" used as a literal name, and its URL-escaped form: new articles, not overwrites.
        var lookalikes = new[] { TableKey.Encode("keys/x/y.txt"), "keys/x%2Fy.txt", "keys/x_y.txt" };
        await run.State.UploadAllAsync(lookalikes.Select(n => (Name: n, contents[2].Content)), writers: 3);
        await run.WaitSettledAsync([.. lookalikes, "keys/x/y.txt"], TimeSpan.FromMinutes(2));

        var states = await run.State.ArticleStatesAsync();
        Assert.Equal(5, states.Count);
        Assert.Equal("aligned", states["keys/x/y.txt"].Status);
        Assert.Null(states["keys/x/y.txt"].DuplicateOf);
        var after = await run.State.AlignmentsAsync();
        Assert.All(before, a => Assert.Contains(a, after));
    }

    [Fact]
    public async Task Upload_BackslashDotDotName_NeverReachesAnotherArticleAndEndsWithReason()
    {
        // Blob storage turns '\' into '/', so "a\..\b.txt" is stored as "a/../b.txt": a name no client can address by URL.
        var contents = Corpus.Articles(2, storySize: 2, prefix: "dots");
        await using var run = await PipelineRun.StartAsync();
        await run.State.UploadAllAsync([("dots/b.txt", contents[0].Content), ("dots/a\\..\\b.txt", contents[1].Content)], writers: 1);
        var stored = (await StoredState.ListAsync(run.State.Articles)).Keys.Single(n => n != "dots/b.txt");
        await run.WaitSettledAsync(["dots/b.txt", stored], TimeSpan.FromMinutes(2));

        var states = await run.State.ArticleStatesAsync();
        Assert.Equal("aligned", states["dots/b.txt"].Status);
        Assert.Equal("rejected", states[stored].Status);
        Assert.StartsWith("unaddressable-name:", states[stored].Error, StringComparison.Ordinal);
        Assert.Contains("..", states[stored].Error, StringComparison.Ordinal);

        // Rejected at once, not retried: the name can never be read, so retrying would only repeat the failure.
        var receipt = (await run.State.ReceiptsAsync("articles"))[stored];
        Assert.Equal(0, receipt.Attempts);
        Assert.Empty(await run.State.PoisonAsync());
        var (status, body, _) = await run.GetJsonAsync("api/articles/dots%2Fb.txt");
        Assert.Equal(200, status);
        Assert.Contains(BodyStart(Encoding.UTF8.GetString(contents[0].Content)), body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Figures.Record("Name with '\\..\\'", $"stored by blob storage as '{stored}'; the app never touches another article, the upload ends '{states[stored].Status}' with the reason ({states[stored].Error!.Split('\n')[0]})");
    }

    // The reader takes the first line as the headline; the body's first words identify the article's text.
    private static string BodyStart(string article) => article.Split("\n\n")[1][..30];

    private static string EscapePath(string name) => string.Join("/", name.Split('/').Select(Uri.EscapeDataString));
}

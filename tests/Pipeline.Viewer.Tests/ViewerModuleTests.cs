using System.Text.Json;
using Microsoft.Playwright;
using Pipeline.Viewer.Tests.Browser;
using Xunit;

namespace Pipeline.Viewer.Tests;

/// <summary>The viewer's routing, API-root detection and passage location, run as ES modules in the real browser.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ViewerModuleTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private ViewerPage? _viewer;

    private IPage Page => _viewer!.Page;

    public async Task InitializeAsync()
    {
        _viewer = await chromium.OpenPageAsync();
        await StaticViewer.OpenModulesPageAsync(_viewer);
    }

    public async Task DisposeAsync()
    {
        if (_viewer is not null)
        {
            Assert.Empty(_viewer.Problems);
            await _viewer.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("seeds/000_d3b1e8ddd48edc73.txt")]
    [InlineData("feeds/2014 Dec/wire #3?.html")]
    [InlineData("été/日本語/%41 & = +.txt")]
    [InlineData("a//b/")]
    public async Task Route_ArticleNameWithReservedCharacters_RoundTripsThroughTheHash(string name)
    {
        var parsed = await Page.EvaluateAsync<JsonElement>(
            """
            async (name) => {
              const { route, parseRoute } = await import('/js/route.js');
              const hash = route(['article', name], { start: 10, end: 20 });
              location.hash = hash;
              const back = parseRoute(location.hash);
              return { hash, view: back.view, rest: back.rest, start: back.params.get('start'), end: back.params.get('end') };
            }
            """,
            name);

        Assert.Equal("article", parsed.GetProperty("view").GetString());
        Assert.Equal(name, parsed.GetProperty("rest").GetString());
        Assert.Equal("10", parsed.GetProperty("start").GetString());
        Assert.Equal("20", parsed.GetProperty("end").GetString());
        Assert.DoesNotContain("#", parsed.GetProperty("hash").GetString()![1..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "/api/")]
    [InlineData("/index.html", "/api/")]
    [InlineData("/api/viewer/", "/api/")]
    [InlineData("/api/viewer", "/api/")]
    [InlineData("/api/viewer/index.html", "/api/")]
    [InlineData("/prefix/api/viewer/", "/prefix/api/")]
    public async Task ApiBase_PagePath_PointsAtTheApiRoot(string pagePath, string expected)
    {
        var actual = await Page.EvaluateAsync<string>(
            "async (pathname) => (await import('/js/api.js')).apiBase({ pathname })", pagePath);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task LocatePassage_HardWrappedOriginalAndRepairedText_FindsThePassageInTheText()
    {
        var located = await Page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const { locatePassage } = await import('/js/locate.js');
              const text = 'Kirby said. "We are not coordinating with nor are we deconflicting with Iranian military," he said.';
              const passages = [{ start: 40, end: 120, text: '"We\nare not coordinating with nor are we deconflicting with Iranian military,"' }];
              return locatePassage({ text, passages }, 45, 100);
            }
            """);

        Assert.Equal("text", located.GetProperty("in").GetString());
        var range = located.GetProperty("ranges")[0];
        Assert.Equal(12, range[0].GetInt32());
        Assert.Equal(90, range[1].GetInt32());
    }

    [Fact]
    public async Task LocatePassage_SpanCoversPartsOfTwoSentencePassages_MarksExactlyTheSpanAsOneRange()
    {
        // Offsets index the original: "Kirby: “It’s ours to deconflict. We are not coordinating,” he said." with passages per sentence.
        var located = await Page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const { locatePassage } = await import('/js/locate.js');
              const original = 'Kirby: “It’s ours to deconflict. We are not coordinating,” he said.';
              const passages = [
                { start: 7, end: 32, text: original.slice(7, 32) },
                { start: 32, end: 67, text: original.slice(32, 67) },
              ];
              const text = 'Intro.\n\n' + original;
              const start = original.indexOf('ours'), end = original.indexOf(',”');
              return { located: locatePassage({ text, passages }, start, end), text };
            }
            """);

        var text = located.GetProperty("text").GetString()!;
        var ranges = located.GetProperty("located").GetProperty("ranges");
        Assert.Equal(1, ranges.GetArrayLength());
        Assert.Equal("ours to deconflict. We are not coordinating", text[ranges[0][0].GetInt32()..ranges[0][1].GetInt32()]);
    }

    [Fact]
    public async Task LocatePassage_OriginalGivenButTextDiffers_FallsBackToExactOffsetsInTheOriginal()
    {
        var located = await Page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const { locatePassage } = await import('/js/locate.js');
              return locatePassage({ text: 'Something else entirely.', original: 'Intro. The quote here. Outro.', passages: [] }, 7, 22);
            }
            """);

        Assert.Equal("original", located.GetProperty("in").GetString());
        Assert.Equal(7, located.GetProperty("ranges")[0][0].GetInt32());
        Assert.Equal(22, located.GetProperty("ranges")[0][1].GetInt32());
    }

    [Fact]
    public async Task LocatePassage_PassageNowhere_ReturnsNull()
    {
        var located = await Page.EvaluateAsync<JsonElement?>(
            """
            async () => {
              const { locatePassage } = await import('/js/locate.js');
              return locatePassage({ text: 'Nothing to see.', passages: [{ start: 0, end: 5, text: 'absent words' }] }, 0, 5);
            }
            """);

        Assert.True(located is null || located.Value.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Paragraphs_SoftWrap_JoinsSingleLineBreaksAndKeepsOffsets()
    {
        var paragraphs = await Page.EvaluateAsync<JsonElement>(
            """
            async () => (await import('/js/locate.js')).paragraphs('One\nline.\n\nTwo.', { softWrap: true })
            """);

        Assert.Equal(2, paragraphs.GetArrayLength());
        Assert.Equal("One line.", paragraphs[0].GetProperty("text").GetString());
        Assert.Equal(11, paragraphs[1].GetProperty("start").GetInt32());
        Assert.Equal("Two.", paragraphs[1].GetProperty("text").GetString());
    }
}

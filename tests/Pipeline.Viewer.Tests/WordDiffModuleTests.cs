using System.Text.Json;
using Pipeline.Viewer.Tests.Browser;
using Xunit;

namespace Pipeline.Viewer.Tests;

/// <summary>The word diff the viewer computes when the API sends none, run in the real browser.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class WordDiffModuleTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string Module = "/js/worddiff.js";

    [Fact]
    public async Task DiffWords_IdenticalText_OneEqualRun()
    {
        var runs = await DiffAsync("We are not coordinating.", "We are not coordinating.");

        Assert.Equal([("equal", "We are not coordinating.")], runs);
    }

    [Fact]
    public async Task DiffWords_EditorialBracketsDiffer_OnlyBracketsChange()
    {
        var runs = await DiffAsync("air space and [Iraq’s] to deconflict", "air space and (Iraq’s) to deconflict");

        Assert.Contains(("delete", "["), runs);
        Assert.Contains(("insert", "("), runs);
        Assert.DoesNotContain(runs, r => r.Op != "equal" && r.Text.Contains("Iraq", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DiffWords_QuoteAndCaseVariants_CountAsEqual()
    {
        var runs = await DiffAsync("“It's the Iraqi air space", "\"it’s the Iraqi  air space");

        Assert.All(runs, r => Assert.Equal("equal", r.Op));
    }

    [Fact]
    public async Task DiffWords_VersionDropsOpeningWords_DeleteRunCarriesReferenceText()
    {
        var runs = await DiffAsync(
            "It's the Iraqi air space. We are not coordinating with Iranian military",
            "We are not coordinating with Iranian military");

        Assert.Equal(("delete", "It's the Iraqi air space. "), runs[0]);
        Assert.Equal(("equal", "We are not coordinating with Iranian military"), runs[1]);
        Assert.Equal(2, runs.Count);
    }

    [Fact]
    public async Task DiffWords_VersionAddsWords_InsertRunCarriesVersionText()
    {
        var runs = await DiffAsync("the net effect is positive", "the net effect is very positive indeed");

        Assert.Equal([("equal", "the net effect is "), ("insert", "very "), ("equal", "positive "), ("insert", "indeed")], runs);
    }

    [Fact]
    public async Task DiffWords_RandomEdits_RunsRebuildBothVersionsAndKeepTheLongestCommonWords()
    {
        var random = new Random(20141203);
        string[] vocabulary = ["Iran", "Iraq", "we", "are", "not", "coordinating", "with", "said", "Kirby", "—", "the", "net", "Net", "effect"];
        for (var round = 0; round < 60; round++)
        {
            var reference = Words(random, vocabulary);
            var version = Words(random, vocabulary);
            var runs = await DiffAsync(reference, version);

            Assert.Equal(version, string.Concat(runs.Where(r => r.Op != "delete").Select(r => r.Text)));
            // Equal words show the version's spelling, so the reference comes back up to case and spacing.
            Assert.Equal(Squash(reference), Squash(string.Concat(runs.Where(r => r.Op != "insert").Select(r => r.Text))), ignoreCase: true);
            var kept = runs.Where(r => r.Op == "equal").Sum(r => r.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.True(kept == LongestCommonWords(reference.Split(' '), version.Split(' ')), $"round {round}: {kept} words kept, not the longest common run, for «{reference}» vs «{version}»");
        }
    }

    [Fact]
    public async Task RefineRuns_ApostropheSwapAndSharedWordInReplacedPhrase_OnlyRealChangesRemain()
    {
        var page = await OpenAsync();
        var refined = await page.EvaluateAsync<JsonElement>(
            $$"""async () => (await import('{{Module}}')).refineRuns([{op:'equal',text:'I think '},{op:'insert',text:'it’s '},{op:'delete',text:"it's "},{op:'equal',text:'going to be '},{op:'insert',text:'— the net '},{op:'delete',text:'a net '},{op:'equal',text:'effect'}])""");
        var runs = refined.EnumerateArray().Select(r => (r.GetProperty("op").GetString()!, r.GetProperty("text").GetString()!)).ToList();

        // Within a replacement the old words come first, then the new ones.
        Assert.Equal([("equal", "I think it’s going to be "), ("delete", "a "), ("insert", "— the "), ("equal", "net effect")], runs);
    }

    [Fact]
    public async Task DiffStats_InsertedAndDeletedWords_CountsWordsNotPunctuation()
    {
        var page = await OpenAsync();
        var stats = await page.EvaluateAsync<JsonElement>(
            $"async () => (await import('{Module}')).diffStats([{{op:'equal',text:'a b '}},{{op:'insert',text:'very, '}},{{op:'delete',text:'[ ( x y z'}}])");

        Assert.Equal(1, stats.GetProperty("inserted").GetInt32());
        Assert.Equal(3, stats.GetProperty("deleted").GetInt32());
        Assert.Equal(2, stats.GetProperty("equal").GetInt32());
    }

    [Fact]
    public async Task MarkEditorial_BracketedWords_MarkedEditorialOnTheirOwnSide()
    {
        var page = await OpenAsync();
        var segments = await page.EvaluateAsync<JsonElement>(
            $$"""async () => (await import('{{Module}}')).markEditorial([{op:'equal',text:'space and '},{op:'delete',text:'['},{op:'insert',text:'('},{op:'equal',text:'Iraq’s'},{op:'delete',text:']'},{op:'insert',text:')'},{op:'equal',text:' to deconflict'}])""");

        var editorial = segments.EnumerateArray().Where(s => s.GetProperty("editorial").GetBoolean()).Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.Equal(["[", "(", "Iraq’s", "]", ")"], editorial);
        var plain = segments.EnumerateArray().Where(s => !s.GetProperty("editorial").GetBoolean()).Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.Equal(["space and ", " to deconflict"], plain);
    }

    [Fact]
    public async Task MarkEditorial_DeletedParenthesisNeverClosed_StopsAtTheEndOfTheDeletion()
    {
        var page = await OpenAsync();
        var segments = await page.EvaluateAsync<JsonElement>(
            $$"""async () => (await import('{{Module}}')).markEditorial([{op:'equal',text:'Iran is taking '},{op:'delete',text:'(action against '},{op:'insert',text:'on '},{op:'equal',text:'ISIL in some place, '},{op:'delete',text:'that '},{op:'equal',text:'is positive'}])""");

        var editorial = segments.EnumerateArray().Where(s => s.GetProperty("editorial").GetBoolean()).Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.Equal(["(action against "], editorial);
    }

    private async Task<List<(string Op, string Text)>> DiffAsync(string reference, string version)
    {
        var page = await OpenAsync();
        var runs = await page.EvaluateAsync<JsonElement>(
            $"async ([a, b]) => (await import('{Module}')).diffWords(a, b)", new[] { reference, version });
        return [.. runs.EnumerateArray().Select(r => (r.GetProperty("op").GetString()!, r.GetProperty("text").GetString()!))];
    }

    private ViewerPage? _viewer;

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

    private Task<Microsoft.Playwright.IPage> OpenAsync() => Task.FromResult(_viewer!.Page);

    private static string Words(Random random, string[] vocabulary) =>
        string.Join(' ', Enumerable.Range(0, random.Next(0, 12)).Select(_ => vocabulary[random.Next(vocabulary.Length)]));

    private static string Squash(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static int LongestCommonWords(string[] a, string[] b)
    {
        var a2 = a.Where(w => w.Length > 0).ToArray();
        var b2 = b.Where(w => w.Length > 0).ToArray();
        var table = new int[a2.Length + 1, b2.Length + 1];
        for (var i = a2.Length - 1; i >= 0; i--)
        {
            for (var j = b2.Length - 1; j >= 0; j--)
            {
                table[i, j] = string.Equals(a2[i], b2[j], StringComparison.OrdinalIgnoreCase) ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        return table[0, 0];
    }
}

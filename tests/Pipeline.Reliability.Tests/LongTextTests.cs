using System.Text;
using Pipeline.Reliability.Tests.Support;
using Xunit;

namespace Pipeline.Reliability.Tests;

/// <summary>Text longer than a table property (64 KiB) is stored whole, never cut silently: the API returns all of it.</summary>
[Collection(nameof(LongTextTests))]
public sealed class LongTextTests
{
    [Fact]
    public async Task Align_SharedPassageOver64KiB_ApiReturnsTheWholePassage()
    {
        // One 110,000-character passage (no sentence breaks) shared by two articles.
        var words = Corpus.SeedWords;
        var passage = new StringBuilder();
        for (var i = 0; passage.Length < 110_000; i++)
        {
            passage.Append(words[(i * 7) % words.Count]).Append(' ');
        }

        var shared = passage.ToString().TrimEnd() + ".";
        var first = $"Long report one\n\nIntroduction from the first outlet about the talks.\n\n{shared}\n\nClosing words from the first outlet.\n";
        var second = $"Long report two\n\nA different opening line from the second outlet today.\n\n{shared}\n\nAnother ending from the second outlet.\n";
        await using var run = await PipelineRun.StartAsync();
        await run.State.UploadAllAsync([("long/first.txt", Encoding.UTF8.GetBytes(first)), ("long/second.txt", Encoding.UTF8.GetBytes(second))], writers: 2);
        await run.WaitSettledAsync(["long/first.txt", "long/second.txt"], TimeSpan.FromMinutes(3));

        var (status, body, raw) = await run.GetJsonAsync("api/alignments?top=100&article=" + Uri.EscapeDataString("long/first.txt"));
        Assert.True(status == 200, raw);
        var sources = body.GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("source"))
            .Select(s => (Start: s.GetProperty("start").GetInt32(), End: s.GetProperty("end").GetInt32(), Text: s.GetProperty("text").GetString()!))
            .ToList();
        Assert.NotEmpty(sources);

        // Every span's stored text is exactly the article's text between its offsets (nothing cut), and together they cover the passage.
        Assert.All(sources, s => Assert.True(s.Text == first[s.Start..s.End], $"span {s.Start}..{s.End}: API text has {s.Text.Length} chars, the article {s.End - s.Start}"));
        var passageStart = first.IndexOf(shared, StringComparison.Ordinal);
        var covered = sources.SelectMany(s => Enumerable.Range(s.Start, s.End - s.Start)).Where(i => i >= passageStart && i < passageStart + shared.Length).Distinct().Count();
        Assert.True(covered >= shared.Length * 0.9, $"alignments cover {covered} of the passage's {shared.Length} characters");
        var longest = sources.Max(s => s.Text.Length);
        Figures.Record("Text over a table property's 64 KiB", $"a {shared.Length:N0}-character shared passage: {sources.Count} alignment(s) covering {covered:N0} chars, each span's text returned exactly (longest {longest:N0} chars)");
    }

    [Fact]
    public async Task Normalize_HeadlineOf3000Characters_ApiReturnsItWholeOrNotAtAll()
    {
        var headline = string.Join(' ', Enumerable.Range(0, 600).Select(i => Corpus.SeedWords[(i * 13) % Corpus.SeedWords.Count])).TrimEnd();
        headline = headline[..3000].TrimEnd();
        var (a, _) = BadInputTests.GoodPair();
        var article = headline + "\n\n" + Encoding.UTF8.GetString(a);
        await using var run = await PipelineRun.StartAsync();
        await run.State.UploadAsync("long/headline.txt", Encoding.UTF8.GetBytes(article));
        await run.WaitSettledAsync(["long/headline.txt"], TimeSpan.FromMinutes(2));
        var (status, body, raw) = await run.GetJsonAsync("api/articles/long%2Fheadline.txt");
        Assert.True(status == 200, raw);
        var title = body.GetProperty("title").GetString() ?? string.Empty;

        // A reader may choose a shorter title, but a stored title that is a cut-off prefix of the headline is silent truncation.
        Assert.False(title.Length < headline.Length && title.Length >= 1000 && headline.StartsWith(title, StringComparison.Ordinal), $"title cut from {headline.Length} to {title.Length} characters");
    }
}

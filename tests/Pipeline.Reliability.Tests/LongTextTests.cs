using System.Text;
using Pipeline.Reliability.Tests.Support;
using Xunit;

namespace Pipeline.Reliability.Tests;

/// <summary>Text longer than a table property (64 KiB) is stored whole, never cut silently: the API returns all of it.</summary>
[Collection(nameof(LongTextTests))]
public sealed class LongTextTests
{
    [Fact]
    public async Task Align_SharedPassageOver64KiBInTotal_SpansCoverItAndEachSpanTextIsExact()
    {
        // One 110,000-character passage (no sentence breaks) shared by two articles. The aligner cuts it into regions of at most
        // 4,000 tokens, each under one property's 30,000 characters, so this checks coverage and exact texts, not property splitting
        // (Align_SpanLongerThanOneProperty_StoredAcrossPropertiesAndReadBackExactly does that).
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
    public async Task Align_SpanLongerThanOneProperty_StoredAcrossPropertiesAndReadBackExactly()
    {
        // Long words (10+ letters, about 3,600 of them: under the aligner's 4,000-token region, which would otherwise cut the passage
        // into halves) so that one aligned region is longer than the 30,000 characters
        // LongText keeps in one property (64 KiB of UTF-16): its SourceText/TargetText must be split into SourceText, SourceText1...
        var longWords = Corpus.SeedWords.Where(w => w.Length >= 10).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(longWords.Count >= 50, $"only {longWords.Count} long seed words");
        var random = new Random(1234);
        var passage = new StringBuilder();
        while (passage.Length < 40_000)
        {
            passage.Append(longWords[random.Next(longWords.Count)]).Append(' ');
        }

        var shared = passage.ToString().TrimEnd() + ".";
        var first = $"Long words one\n\nIntroduction from the first outlet about the talks.\n\n{shared}\n\nClosing words from the first outlet.\n";
        var second = $"Long words two\n\nA different opening line from the second outlet today.\n\n{shared}\n\nAnother ending from the second outlet.\n";
        await using var run = await PipelineRun.StartAsync();
        await run.State.UploadAllAsync([("split/first.txt", Encoding.UTF8.GetBytes(first)), ("split/second.txt", Encoding.UTF8.GetBytes(second))], writers: 2);
        await run.WaitSettledAsync(["split/first.txt", "split/second.txt"], TimeSpan.FromMinutes(3));

        // Straight from the table: at least one alignment row holds its span text in more than one property.
        var rows = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in run.State.Table("alignments").QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            rows.Add(row);
        }

        var split = rows.Where(r => r.ContainsKey("SourceText1") && r.ContainsKey("TargetText1")).ToList();
        Assert.True(split.Count > 0, $"no alignment row split its text across properties; span lengths: {string.Join(", ", rows.Select(r => (r.GetString("SourceText") ?? string.Empty).Length))}");
        Assert.All(split, r => Assert.Equal(30_000, r.GetString("SourceText")!.Length));

        // Through the API: every split span reads back exactly as the article's text between its offsets.
        var (status, body, raw) = await run.GetJsonAsync("api/alignments?top=100&article=" + Uri.EscapeDataString("split/first.txt"));
        Assert.True(status == 200, raw);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        var longest = 0;
        foreach (var row in split.Where(r => r.GetString("SourceArticle") == "split/first.txt"))
        {
            var item = Assert.Single(items, i => i.GetProperty("id").GetString() == row.GetString("Id"));
            var source = item.GetProperty("source");
            var (start, end, text) = (source.GetProperty("start").GetInt32(), source.GetProperty("end").GetInt32(), source.GetProperty("text").GetString()!);
            Assert.True(end - start > 30_000, $"span {start}..{end} is not longer than one property");
            Assert.True(text == first[start..end], $"span {start}..{end}: API text has {text.Length} chars, the article {end - start}; first difference at {FirstDifference(text, first[start..end])}");
            var target = item.GetProperty("target");
            var (targetStart, targetEnd) = (target.GetProperty("start").GetInt32(), target.GetProperty("end").GetInt32());
            Assert.True(target.GetProperty("text").GetString() == second[targetStart..targetEnd], $"target span {targetStart}..{targetEnd} not read back exactly");
            longest = Math.Max(longest, text.Length);
        }

        Assert.True(longest > 30_000, "no split span from split/first.txt came back through the API");
        Figures.Record("Text longer than one table property (30,000 chars)", $"a {shared.Length:N0}-character shared passage of long words: {split.Count} alignment row(s) stored their span across SourceText/SourceText1/… (longest {longest:N0} chars); read back through the API exactly");
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
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

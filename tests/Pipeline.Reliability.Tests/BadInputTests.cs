using System.Text;
using System.Text.Json;
using Pipeline.Reliability.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Reliability.Tests;

/// <summary>Whatever people drop into the container gets a clear outcome, is read at most once, and never disturbs the good articles.</summary>
[Collection(nameof(BadInputTests))]
public sealed class BadInputTests(ITestOutputHelper output)
{
    private const string GoodA = "good/first.txt";
    private const string GoodB = "good/second.txt";

    [Fact]
    public async Task Upload_BadFilesAlongsideGoodOnes_BadRejectedOrReadOnceGoodAligned()
    {
        var (goodA, goodB) = GoodPair();
        var bad = BadFiles();
        await using var run = await PipelineRun.StartAsync(
            new Dictionary<string, string> { ["Pipeline__MaxArticleBytes"] = (3 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            throughProxy: true);
        List<(string Name, byte[] Content)> files = [.. bad.Select(b => (b.Name, b.Content)), (GoodA, goodA), (GoodB, goodB)];
        await run.State.UploadAllAsync(files, writers: 8);
        var took = await run.WaitSettledAsync(files.Select(f => f.Name).ToList(), TimeSpan.FromMinutes(4));
        output.WriteLine($"{files.Count} files settled in {took.TotalSeconds:F1}s");

        var states = await run.State.ArticleStatesAsync();
        var receipts = await run.State.ReceiptsAsync("articles");
        var report = new StringBuilder();
        var problems = new List<string>();
        foreach (var file in bad)
        {
            var state = states[file.Name];
            var receipt = receipts[file.Name];
            var reads = run.BlobProxy!.Matching("GET", "^/devstoreaccount1/articles/" + System.Text.RegularExpressions.Regex.Escape(file.Name) + "$").Count;
            report.AppendLine($"| {file.Label} | {state.Status} | {state.Error} | attempts {receipt.Attempts}, reads {reads} |");
            // Exactly the documented outcome (docs/reliability.md, README): aligned, or rejected with this reason code and a reason.
            if (file.RejectedAs is null && state.Status != "aligned")
            {
                problems.Add($"{file.Label}: must align but ended '{state.Status}' ({state.Error})");
            }

            if (file.RejectedAs is { } code && (state.Status != "rejected" || state.Error is null || !state.Error.StartsWith(code + ": ", StringComparison.Ordinal) || state.Error.Length <= code.Length + 3))
            {
                problems.Add($"{file.Label}: must be rejected as '{code}: <reason>' but ended '{state.Status}' ({state.Error})");
            }

            if (receipt.Attempts != 0 || receipt.State != "done")
            {
                problems.Add($"{file.Label}: receipt {receipt.State} after {receipt.Attempts} failed attempts (no retries expected): {receipt.Error}");
            }

            if (reads > 1)
            {
                problems.Add($"{file.Label}: the app downloaded it {reads} times");
            }

            if (state.Status == "aligned" && file.MustContain is { } expected)
            {
                var (status, body, raw) = await run.GetJsonAsync("api/articles/" + Uri.EscapeDataString(file.Name));
                var text = status == 200 && body.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : raw;
                if (!text.Contains(expected, StringComparison.Ordinal))
                {
                    problems.Add($"{file.Label}: accepted, but its text does not contain '{expected}' (mis-decoded?): {Clip(text)}");
                }

                if (file.MustNotContain is { } forbidden && text.Contains(forbidden, StringComparison.Ordinal))
                {
                    problems.Add($"{file.Label}: accepted, but its text still contains '{forbidden}'");
                }
            }
        }

        output.WriteLine("| input | status | reason | retries |\n|---|---|---|---|\n" + report);
        Assert.True(problems.Count == 0, string.Join('\n', problems) + "\n" + run.Diagnostics());

        Assert.Empty(await run.State.PoisonAsync());
        Assert.Equal("aligned", states[GoodA].Status);
        Assert.Equal("aligned", states[GoodB].Status);
        var alignments = await run.State.AlignmentsAsync();
        Assert.Contains(alignments, a => a.Source == GoodA && a.Target == GoodB);

        var listed = (await run.ListArticlesAsync()).Select(a => a.GetProperty("article").GetString()).ToHashSet(StringComparer.Ordinal);
        Assert.True(files.All(f => listed.Contains(f.Name)), "/api/articles does not list every upload");
        Figures.Record("Bad input", $"{bad.Count} bad files + 2 good: settled in {took.TotalSeconds:F1}s; each ended exactly as documented ({bad.Count(b => b.RejectedAs is not null)} rejected with the expected reason code, {bad.Count(b => b.RejectedAs is null)} aligned and read correctly), 0 retries, at most one download each, good pair aligned");
        Figures.RecordTable("Bad input outcomes", "| input | status | reason | retries |\n|---|---|---|---|\n" + report);
    }

    [Fact]
    public async Task Upload_FileOverSizeCap_RejectedFromLengthWithoutDownloading()
    {
        var (goodA, goodB) = GoodPair();
        await using var run = await PipelineRun.StartAsync(new Dictionary<string, string> { ["Pipeline__MaxArticleBytes"] = "65536" }, throughProxy: true);
        var big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("An ordinary sentence that goes on and on. ", 4000)));
        await run.State.UploadAllAsync([("big/over-cap.txt", big), (GoodA, goodA), (GoodB, goodB)], writers: 3);
        await run.WaitSettledAsync(["big/over-cap.txt", GoodA, GoodB], TimeSpan.FromMinutes(2));

        var state = (await run.State.ArticleStatesAsync())["big/over-cap.txt"];
        Assert.Equal("rejected", state.Status);
        Assert.Contains("65536", state.Error, StringComparison.Ordinal);
        Assert.Empty(run.BlobProxy!.Matching("GET", "^/devstoreaccount1/articles/big/over-cap.txt$"));
        Assert.Equal(0, (await run.State.ReceiptsAsync("articles"))["big/over-cap.txt"].Attempts);
        Assert.Equal("aligned", (await run.State.ArticleStatesAsync())[GoodA].Status);
    }

    [Fact]
    public async Task Upload_SameArticleUnderFiftyNames_RecognisedAsDuplicatesNotPairs()
    {
        var articles = Support.Corpus.Articles(2, storySize: 2, prefix: "dup");
        var copies = Enumerable.Range(0, 50).Select(i => ($"copies/copy-{i:D2}.txt", articles[0].Content)).ToList();
        var partner = ("partner/other.txt", articles[1].Content);
        await using var run = await PipelineRun.StartAsync();
        await run.State.UploadAllAsync(copies.Append(partner), writers: 16);
        var names = copies.Select(c => c.Item1).Append(partner.Item1).ToList();
        var took = await run.WaitSettledAsync(names, TimeSpan.FromMinutes(3));

        var states = await run.State.ArticleStatesAsync();
        Assert.All(names, n => Assert.Equal("aligned", states[n].Status));
        var canonical = copies.Select(c => c.Item1).Order(StringComparer.Ordinal).First();
        var duplicates = copies.Select(c => c.Item1).Where(n => n != canonical).ToList();
        Assert.All(duplicates, n => Assert.Equal(canonical, states[n].DuplicateOf));
        Assert.Null(states[canonical].DuplicateOf);

        // Only the canonical copy aligns with the partner; 50 copies must not make 1,225 copy-to-copy pairs.
        var alignments = await run.State.AlignmentsAsync();
        var pairs = alignments.Select(a => (a.Source, a.Target)).Distinct().ToList();
        Assert.Equal([(canonical, partner.Item1)], pairs);
        var rows = await run.State.AlignmentRowCountAsync();
        Assert.Equal(alignments.Count * 2, rows);
        output.WriteLine($"50 copies + partner settled in {took.TotalSeconds:F1}s; {alignments.Count} alignments, {rows} rows");
        Figures.Record("Same article under 50 names", $"49 recorded as duplicates of {canonical}; {alignments.Count} alignment(s), {rows} rows (not 1,225 pairs); settled in {took.TotalSeconds:F1}s");
    }

    internal static (byte[] A, byte[] B) GoodPair()
    {
        var pair = Support.Corpus.Articles(2, storySize: 2, prefix: "good");
        return (pair[0].Content, pair[1].Content);
    }

    /// <summary>A bad file and its one documented outcome: <paramref name="RejectedAs"/> is the rejection's reason code, or null when it must align.</summary>
    private sealed record BadFile(string Name, string Label, byte[] Content, string? RejectedAs, string? MustContain = null, string? MustNotContain = null);

    private static List<BadFile> BadFiles()
    {
        var random = new Random(42);
        byte[] Random(int length)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }

        byte[] Join(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
        var ascii = Encoding.ASCII;
        var article = "Officials met on Tuesday to discuss the café budget. The minister said the naïve plan would fail.\n\nA second paragraph follows here.";
        var html = "<html><head><title>Bulletin</title><script>var secret='scriptpayload'; for(;;){}</script><style>body{}</style></head><body><p>Officials met on Tuesday to discuss the budget for the café.</p><img src=\"data:image/png;base64," +
            Convert.ToBase64String(Random(1024 * 1024)) + "\"><p>The minister said the plan would fail.</p></body></html>";
        var tinyParagraphs = new StringBuilder();
        for (var i = 0; i < 50_000; i++)
        {
            tinyParagraphs.Append("Word ").Append(i % 97).Append(".\n\n");
        }

        return
        [
            new("bad/empty.txt", "empty file", [], RejectedAs: "empty"),
            new("bad/whitespace.txt", "whitespace only", Encoding.UTF8.GetBytes("   \n\t\r\n \u00A0 \n"), RejectedAs: "empty"),
            new("bad/image.png", "PNG", Join([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52], Random(4096)), RejectedAs: "binary"),
            new("bad/doc.pdf", "PDF", Join(ascii.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nstream\n"), Random(4096), ascii.GetBytes("\nendstream\n%%EOF\n")), RejectedAs: "binary"),
            new("bad/archive.zip", "ZIP", Join([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], Random(4096)), RejectedAs: "binary"),
            new("bad/random.bin", "random bytes", Random(8192), RejectedAs: "binary"),
            new("bad/invalid-utf8.txt", "invalid UTF-8", Join(Encoding.UTF8.GetBytes("Officials met on Tuesday "), [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC], Encoding.UTF8.GetBytes(" to discuss the budget for the café. The minister said the plan would fail.")), RejectedAs: null, MustContain: "discuss the budget"),
            new("bad/utf16-bom.txt", "UTF-16 with BOM", Join(Encoding.Unicode.GetPreamble(), Encoding.Unicode.GetBytes(article)), RejectedAs: null, MustContain: "café budget"),
            new("bad/utf16-nobom.txt", "UTF-16 without BOM", Encoding.Unicode.GetBytes(article), RejectedAs: null, MustContain: "café budget"),
            new("bad/windows-1252.txt", "Windows-1252", Latin1252(article), RejectedAs: null, MustContain: "café budget"),
            new("bad/page.html", "HTML with script and 1 MiB inline data", Encoding.UTF8.GetBytes(html), RejectedAs: null, MustContain: "discuss the budget", MustNotContain: "scriptpayload"),
            new("bad/one-line.txt", "2 MiB single line", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("and the talks went on without a pause ", (2 * 1024 * 1024 / 38) + 1))), RejectedAs: null, MustContain: "the talks went on without a pause"),
            new("bad/one-word.txt", "1 MiB single word", Encoding.UTF8.GetBytes(new string('w', 1024 * 1024)), RejectedAs: null),
            new("bad/tiny-paragraphs.txt", "50,000 tiny paragraphs", Encoding.UTF8.GetBytes(tinyParagraphs.ToString()), RejectedAs: "no-prose"),
        ];
    }

    private static byte[] Latin1252(string text)
    {
        // Windows-1252 equals Latin-1 for these characters (é, ï), and Latin-1 is always available.
        return Encoding.Latin1.GetBytes(text);
    }

    private static string Clip(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

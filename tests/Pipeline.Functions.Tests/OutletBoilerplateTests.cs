using System.Text;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>The app learns an outlet's boilerplate from its articles as they come, and withdraws what it aligned before it knew.</summary>
/// <remarks>Each case has its own storage: the same articles in two cases' outlets would be wire copies of each other.</remarks>
public abstract class OutletBoilerplateTests(EmptyStorage storage)
{
    // No general signal knows this line: only the outlet's own articles can show that it is furniture.
    private const string Footer = "The Dunmore Gazette is printed on recycled paper at the cooperative works beside the old canal basin every Tuesday night.";

    private static readonly string[] s_stories =
    [
        "Engineers closed the Harlow Street bridge on Monday after inspectors found corroded steel beneath the eastern span. "
        + "\"We cannot let heavy lorries cross until every bearing has been replaced,\" said county surveyor Ellen Marsh, who expects repairs to last until spring.\n\n"
        + "Traders on the far bank say deliveries now take a forty minute detour through the industrial estate, and two cafes have cut their opening hours.\n\n"
        + "The bridge was built in eighteen sixty for horse drawn carts and widened twice, most recently when the ring road opened; its iron railings are listed, which means any replacement must match the original castings.\n\n"
        + "Councillors will ask the transport ministry for emergency funds next week. A temporary footbridge for pedestrians and cyclists could open within a fortnight if the scaffolding contractor can source enough aluminium decking, officials said.",
        "Parents packed the assembly hall at Oakfield Primary to argue over a proposal to merge the infant classes next autumn. "
        + "The governors blamed a falling birth rate and a heating bill that doubled in two winters.\n\n"
        + "A vote is expected in March; several teachers warned that larger classes would hurt children who already struggle with reading.\n\n"
        + "One grandmother read out a letter from her grandson asking the governors to keep his teacher, and the room fell silent before the chair promised that no decision had been made.\n\n"
        + "The headteacher, Priya Raman, said enrolment had fallen from two hundred and ten pupils to one hundred and sixty four since the nearby factory closed, leaving half of the reception classroom empty.",
        "Birdwatchers from three counties gathered at Fenby marsh after a hoopoe, a pink crested visitor from southern Europe, was photographed near the reed beds. "
        + "Wardens roped off the footpath to keep crowds from trampling nesting lapwings.\n\n"
        + "The last confirmed sighting in the district was recorded by a schoolteacher in nineteen ninety eight, according to the county recorder.\n\n"
        + "By dusk a queue of parked cars stretched half a mile along the lane, and a farmer charged two pounds a vehicle for his paddock, giving the takings to the lifeboat station.\n\n"
        + "Photographers with long lenses lined the sea wall until the bird flew inland towards the orchards, where a retired postman spotted it perched on his greenhouse roof eating beetles.",
    ];

    // Another outlet carries the surveyor's quote: legitimate reuse that must stay aligned.
    private const string Courier = "Heavy traffic will be diverted for months. \"We cannot let heavy lorries cross until every bearing has been replaced,\" said county surveyor Ellen Marsh, who expects repairs to last until spring.\n\n"
        + "The Courier asked the council how much the closure would cost local firms; a spokesman declined to give a figure.";

    /// <summary>Uploads the articles and checks the outcome.</summary>
    public abstract Task Run();

    protected async Task ThirdStoryWithTheSameFooter_FooterBecomesBoilerplate_StoredFooterAlignmentWithdrawn()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString);
        var names = Names("sequential");
        await UploadAsync(names[0], Gazette(0));
        await UploadAsync(names[1], Gazette(1));
        await UploadAsync(names[3], Courier, "courier");
        await storage.Storage.WaitUntilProcessedAsync();
        await app.WaitForAsync(names.Where(n => n != names[2]).ToList(), item => item.Str("status") == "aligned");

        // Two stories are not enough: the footer the two share is aligned like any other text.
        Assert.Contains(await RowsAsync(app, "sequential"), r => r.Contains("recycled paper", StringComparison.Ordinal));

        await UploadAsync(names[2], Gazette(2));
        await storage.Storage.WaitUntilProcessedAsync();
        await app.WaitForAsync(names, item => item.Str("status") == "aligned");

        await AssertFooterIsBoilerplateAsync(app, "sequential", names);

        // An article of another outlet arriving now aligns with the gazette as the gazette published itself: footer marked.
        var followUp = "sequential/courier/bridge-followup.txt";
        await UploadAsync(followUp, Courier.Replace("The Courier asked", "The Courier again asked", StringComparison.Ordinal) + "\n\nA second inspection is due in May.\n", "courier");
        await storage.Storage.WaitUntilProcessedAsync();
        await app.WaitForAsync([.. names, followUp], item => item.Str("status") == "aligned");
        var rows = await RowsAsync(app, "sequential");
        Assert.Contains(rows, r => r.Contains(followUp, StringComparison.Ordinal) && r.Contains(names[0], StringComparison.Ordinal) && r.Contains("every bearing has been replaced", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("recycled paper", StringComparison.Ordinal));
    }

    protected async Task AllAtOnce_SameOutcome()
    {
        await using var app = await PipelineHost.StartAsync(storage.ConnectionString);
        var names = Names("concurrent");
        await Task.WhenAll(
            UploadAsync(names[3], Courier, "courier"),
            UploadAsync(names[2], Gazette(2)),
            UploadAsync(names[0], Gazette(0)),
            UploadAsync(names[1], Gazette(1)));
        await storage.Storage.WaitUntilProcessedAsync();
        await app.WaitForAsync(names, item => item.Str("status") == "aligned");

        await AssertFooterIsBoilerplateAsync(app, "concurrent", names);
    }

    private async Task AssertFooterIsBoilerplateAsync(PipelineHost app, string prefix, string[] names)
    {
        var rows = await RowsAsync(app, prefix);
        var learned = (await storage.Storage.EntitiesAsync("postings")).Where(e => e.GetString("Outlet") is not null).Select(e => e.GetString("Outlet") + ": " + (e.GetBinary("Runs")?.Length / 8)).ToList();
        var marked = (await storage.Storage.EntitiesAsync("articles")).Select(e => e.GetString("Name") + ": " + (e.GetBinary("BoilerplateRuns")?.Length / 8)).ToList();
        Assert.False(
            rows.Any(r => r.Contains("recycled paper", StringComparison.Ordinal)),
            $"the footer is still aligned; outlets' learned runs: {string.Join(", ", learned)}; articles' runs: {string.Join(", ", marked)}");
        Assert.Contains(rows, r => r.Contains("every bearing has been replaced", StringComparison.Ordinal));

        var clusters = Json.Items(await app.GetJsonAsync("/api/clusters?top=1000"))
            .Where(c => c.GetProperty("members").EnumerateArray().Any(m => m.Str("article").StartsWith(prefix + "/", StringComparison.Ordinal)))
            .Select(c => c.GetRawText())
            .ToList();
        Assert.False(clusters.Any(c => c.Contains("recycled paper", StringComparison.Ordinal)), "a cluster holds the footer: " + string.Join("\n", clusters.Where(c => c.Contains("recycled paper", StringComparison.Ordinal))));

        foreach (var name in names[..3])
        {
            var article = await app.GetJsonAsync("/api/articles/" + Uri.EscapeDataString(name));
            var footer = article.GetProperty("passages").EnumerateArray().Single(p => p.Str("text").Contains("recycled paper", StringComparison.Ordinal));
            Assert.Equal("outlet", footer.Str("boilerplate"));
            Assert.Contains(article.GetProperty("passages").EnumerateArray(), p => p.Str("boilerplate") == string.Empty);
        }

        var counts = await app.WaitForAsync(names);
        Assert.Equal(0, counts[names[1]].GetProperty("alignments").GetInt32());
        Assert.True(counts[names[0]].GetProperty("alignments").GetInt32() > 0, "the gazette's bridge story keeps the quote the courier carried");
    }

    private static string[] Names(string prefix) =>
        [$"{prefix}/gazette/bridge.txt", $"{prefix}/gazette/school.txt", $"{prefix}/gazette/hoopoe.txt", $"{prefix}/courier/bridge.txt"];

    // Real articles run to hundreds of words; made-up words of each story's own bring these to that length, so their
    // shared footer and everyday words are as small a part of them as in real news.
    private static string Gazette(int story) => s_stories[story] + "\n\n" + MadeUpWords(story) + "\n\n" + Footer + "\n";

    private static string MadeUpWords(int story)
    {
        var random = new Random(story + 1);
        var text = new StringBuilder();
        for (var w = 0; w < 150; w++)
        {
            text.Append(w % 12 == 0 ? "Q" : "q");
            for (var c = 0; c < 5; c++)
            {
                text.Append((char)('a' + random.Next(26)));
            }

            text.Append(w % 12 == 11 ? ". " : " ");
        }

        return text.ToString().TrimEnd() + ".";
    }

    private static async Task<List<string>> RowsAsync(PipelineHost app, string prefix) =>
        Json.Items(await app.GetJsonAsync("/api/alignments?top=1000"))
            .Where(r => r.GetProperty("source").Str("article").StartsWith(prefix + "/", StringComparison.Ordinal))
            .Select(r => r.GetRawText())
            .ToList();

    private Task UploadAsync(string name, string text, string outlet = "gazette") =>
        storage.Storage.UploadAsync(name, Encoding.UTF8.GetBytes(text), new Dictionary<string, string> { ["outlet"] = outlet + "-" + name.Split('/')[0] });
}

/// <summary>Two stories align on their shared footer; the third teaches the app that it is boilerplate, and the row goes.</summary>
public sealed class OutletBoilerplateLearnedLaterTests(EmptyStorage storage) : OutletBoilerplateTests(storage), IClassFixture<EmptyStorage>
{
    /// <inheritdoc/>
    [Fact]
    public override Task Run() => ThirdStoryWithTheSameFooter_FooterBecomesBoilerplate_StoredFooterAlignmentWithdrawn();
}

/// <summary>The same articles uploaded at once end the same way.</summary>
public sealed class OutletBoilerplateAllAtOnceTests(EmptyStorage storage) : OutletBoilerplateTests(storage), IClassFixture<EmptyStorage>
{
    /// <inheritdoc/>
    [Fact]
    public override Task Run() => AllAtOnce_SameOutcome();
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pipeline.Viewer.Tests.Browser;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.Viewer.Tests;

/// <summary>The viewer in headless Chromium against the real app on Azurite with the seeds loaded.</summary>
[Collection(ViewerCollection.Name)]
public sealed class ViewerTests(ChromiumFixture chromium, ViewerAppFixture app)
{
    [Fact]
    public async Task Search_DeconflictThenOpenClusterAndMember_ShowsFourNamedOutletsDiffAndPassageInContext()
    {
        await using var viewer = await chromium.OpenPageAsync(1280, 900);
        var page = viewer.Page;
        await page.GotoAsync(app.ViewerUrl("#/clusters"));

        await page.GetByLabel("Search passages").FillAsync("deconflict");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("#results-heading")).ToContainTextAsync("matching “deconflict”");
        var first = page.Locator(".cluster-link").First;
        await Expect(first).ToContainTextAsync("deconflict", new() { IgnoreCase = true });
        await viewer.ScreenshotAsync("clusters-search");

        await first.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#/cluster/"));
        var versions = page.Locator("li.version");
        await Expect(versions.First).ToBeVisibleAsync();
        var outlets = await page.Locator(".version__outlet").AllTextContentsAsync();
        // Kirby's quote in four outlets (004's "to de-conflict" is a short shared quote), named by seeds/manifest.tsv.
        Assert.Equal(["Al Jazeera America", "CBS DC", "Newsmax", "WBIR"], outlets.Distinct().Order(StringComparer.Ordinal));
        Assert.All(outlets, o => Assert.False(string.IsNullOrWhiteSpace(o)));
        await Expect(page.Locator(".version--reference")).ToHaveCountAsync(1);
        var differences = page.Locator(".version ins.diff-ins, .version del.diff-del");
        Assert.True(await differences.CountAsync() > 0, "no word-level difference is highlighted");
        await Expect(differences.First).ToBeVisibleAsync();
        await Expect(page.Locator(".version .editorial").First).ToBeVisibleAsync();
        await viewer.ScreenshotAsync("cluster-deconflict");

        var member = versions.Nth(1);
        var outlet = (await member.Locator(".version__outlet").TextContentAsync())!;
        await member.GetByRole(AriaRole.Link, new() { Name = "Read in context" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#/article/.+\\?start=\\d+&end=\\d+"));
        await Expect(page.Locator(".kicker--outlet")).ToHaveTextAsync(outlet);
        var highlight = page.Locator("mark.passage-highlight").First;
        await Expect(highlight).ToBeVisibleAsync();
        await Expect(highlight).ToBeInViewportAsync();
        await Expect(highlight).ToContainTextAsync("deconflicting");
        await viewer.ScreenshotAsync("article-highlight", fullPage: false);

        Assert.Empty(viewer.Problems);
    }

    [Fact]
    public async Task Clusters_MostWidelyCarriedFirst_OpensWithEveryOutletsVersionMarked()
    {
        await using var viewer = await chromium.OpenPageAsync(1280, 900);
        var page = viewer.Page;
        await page.GotoAsync(app.ViewerUrl("#/clusters"));
        var counts = await page.Locator(".cluster-card .count__number").AllTextContentsAsync();
        Assert.NotEmpty(counts);
        var numbers = counts.Select(int.Parse).ToList();
        Assert.Equal(numbers.OrderByDescending(n => n), numbers);

        await page.Locator(".cluster-link").First.ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync($"How {numbers[0]} outlets carried this passage");
        var outlets = await page.Locator(".version__outlet").AllTextContentsAsync();
        Assert.Equal(numbers[0], outlets.Distinct().Count());
        await Expect(page.Locator(".version--reference")).ToHaveCountAsync(1);
        Assert.True(await page.Locator(".version ins.diff-ins, .version del.diff-del").CountAsync() > 0, "the most widely carried passage shows no difference at all");
        await viewer.ScreenshotAsync("cluster-widest");
        Assert.Empty(viewer.Problems);
    }

    [Fact]
    public async Task Cluster_CompareAgainstAnotherVersion_MakesItTheReferenceAndRediffsInTheBrowser()
    {
        await using var viewer = await chromium.OpenPageAsync();
        var page = viewer.Page;
        await page.GotoAsync(app.ViewerUrl(await app.DeconflictClusterHashAsync()));
        var versions = page.Locator("li.version");
        await Expect(versions.First).ToBeVisibleAsync();
        // A version missing words the reference has: as the reference, the others carry words it lacks.
        var chosen = versions.Filter(new() { Has = page.Locator("del.diff-del") }).First;
        var outlet = (await chosen.Locator(".version__outlet").TextContentAsync())!;
        var index = await chosen.EvaluateAsync<int>("el => [...el.parentElement.children].indexOf(el)");

        await chosen.GetByRole(AriaRole.Link, new() { Name = "Compare against this version" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"\\?ref={index}$"));
        await Expect(page.Locator(".version--reference .version__outlet")).ToHaveTextAsync(outlet);
        await Expect(page.Locator(".page__lede")).ToContainTextAsync($"with the {outlet} version");
        await Expect(page.Locator(".version ins.diff-ins").First).ToBeVisibleAsync();
        Assert.Empty(viewer.Problems);
    }

    [Theory]
    [InlineData("#/clusters")]
    [InlineData("#/clusters?q=deconflict")]
    [InlineData("#/articles")]
    [InlineData("cluster")]
    [InlineData("article")]
    public async Task Page_375PixelsWide_NothingOverflowsHorizontally(string where)
    {
        await using var viewer = await chromium.OpenPageAsync(375, 812);
        var page = viewer.Page;
        var hash = where switch
        {
            "cluster" => await app.DeconflictClusterHashAsync(),
            "article" => await app.DeconflictMemberHashAsync(),
            _ => where,
        };
        await page.GotoAsync(app.ViewerUrl(hash));
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Locator("[aria-busy=true]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".state--loading")).ToHaveCountAsync(0);

        var overflow = await page.EvaluateAsync<string[]>(
            """
            () => {
              const width = document.documentElement.clientWidth;
              const wide = [];
              if (document.documentElement.scrollWidth > width) wide.push(`page scrolls to ${document.documentElement.scrollWidth}px`);
              for (const el of document.querySelectorAll('body *')) {
                const box = el.getBoundingClientRect();
                if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5) && !el.closest('.visually-hidden, .skip-link')) {
                  wide.push(`${el.tagName.toLowerCase()}.${el.className} spans ${Math.round(box.left)}..${Math.round(box.right)}px`);
                }
              }
              return wide.slice(0, 10);
            }
            """);
        await viewer.ScreenshotAsync("narrow-" + Regex.Replace(where, "[^a-z]+", "-").Trim('-'));

        Assert.Empty(overflow);
        Assert.Empty(viewer.Problems);
    }

    [Fact]
    public async Task Keyboard_TabToSearchTypeEnterTabToClusterEnter_OpensTheCluster()
    {
        await using var viewer = await chromium.OpenPageAsync(1280, 900);
        var page = viewer.Page;
        await page.GotoAsync(app.ViewerUrl("#/clusters"));
        await Expect(page.Locator(".cluster-link").First).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await FocusedAsync(page, "el.className"));
        await Expect(page.Locator(".skip-link")).ToBeInViewportAsync();
        await TabUntilAsync(page, "el.id === 'cluster-search'", 8);
        await page.Keyboard.TypeAsync("deconflict");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#results-heading")).ToContainTextAsync("matching “deconflict”");
        Assert.Equal("cluster-search", await FocusedAsync(page, "el.id"));

        await TabUntilAsync(page, "el.classList.contains('cluster-link')", 5);
        var outline = await FocusedAsync(page, "getComputedStyle(el).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("#/cluster/"));
        await Expect(page.Locator("h1")).ToContainTextAsync("outlets carried this passage");
        Assert.Equal("H1", await FocusedAsync(page, "el.tagName"));
        Assert.Empty(viewer.Problems);
    }

    [Theory]
    [InlineData("/api/viewer/")]
    [InlineData("/api/viewer")]
    public async Task FunctionsRoute_ViewerUnderApi_FindsTheApiAndSearches(string path)
    {
        await using var viewer = await chromium.OpenPageAsync();
        var page = viewer.Page;
        await page.GotoAsync($"{app.BaseUrl}{path}#/clusters?q=deconflict");

        await Expect(page).ToHaveURLAsync(new Regex("/api/viewer/#/clusters\\?q=deconflict$"));
        await Expect(page.Locator(".cluster-link").First).ToContainTextAsync("deconflict", new() { IgnoreCase = true });
        await Expect(page.Locator(".health--ok")).ToBeVisibleAsync();
        Assert.Empty(viewer.Problems);
    }

    [Fact]
    public async Task FunctionsRoute_PageGivenAFunctionKey_SendsItAsHeaderOnEveryApiCall()
    {
        await using var viewer = await chromium.OpenPageAsync();
        var page = viewer.Page;
        var calls = new System.Collections.Concurrent.ConcurrentQueue<(string Url, string? Key)>();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) && !request.Url.Contains("/api/viewer/", StringComparison.Ordinal))
            {
                calls.Enqueue((request.Url, request.Headers.TryGetValue("x-functions-key", out var key) ? key : null));
            }
        };
        await page.GotoAsync($"{app.BaseUrl}/api/viewer/?code=test-key#/clusters?q=deconflict");

        await Expect(page.Locator(".cluster-link").First).ToBeVisibleAsync();
        await Expect(page.Locator(".health--ok")).ToBeVisibleAsync();
        Assert.NotEmpty(calls);
        Assert.All(calls, call =>
        {
            Assert.Equal("test-key", call.Key);
            Assert.DoesNotContain("code=", call.Url, StringComparison.Ordinal);
        });
        Assert.Empty(viewer.Problems);
    }

    [Fact]
    public async Task Landmarks_EveryView_HasBannerNavMainAndLiveRegion()
    {
        await using var viewer = await chromium.OpenPageAsync();
        var page = viewer.Page;
        await page.GotoAsync(app.ViewerUrl("#/articles"));

        await Expect(page.GetByRole(AriaRole.Banner)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Contentinfo)).ToHaveCountAsync(1);
        await Expect(page.Locator("[aria-live=polite]")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Articles" })).ToHaveAttributeAsync("aria-current", "page");
        Assert.Empty(viewer.Problems);
    }

    [Fact]
    public async Task Articles_SeedsLoaded_ListsEachWithOutletAndStatus()
    {
        await using var viewer = await chromium.OpenPageAsync();
        var page = viewer.Page;
        await page.GotoAsync(app.ViewerUrl("#/articles"));

        var items = page.Locator(".article-item");
        await Expect(items.First).ToBeVisibleAsync();
        Assert.True(await items.CountAsync() >= 5, "fewer articles than seeds");
        foreach (var outlet in await page.Locator(".article-item__outlet").AllTextContentsAsync())
        {
            Assert.False(string.IsNullOrWhiteSpace(outlet));
        }

        await Expect(page.Locator(".article-item .badge").First).ToBeVisibleAsync();
        await viewer.ScreenshotAsync("articles");
        Assert.Empty(viewer.Problems);
    }

    [Fact]
    public async Task Articles_EmptyUpload_ShowsRejectedWithTheReason()
    {
        Assert.True(app.HasExtraArticles, "this test uploads its own articles: unset PIPELINE_VIEWER_URL so the fixture runs its own Azurite");
        await using var viewer = await chromium.OpenPageAsync();
        var page = viewer.Page;
        await page.GotoAsync(app.ViewerUrl("#/articles"));

        var item = page.Locator(".article-item", new() { Has = page.GetByText(ViewerAppFixture.RejectedArticleName, new() { Exact = true }) });
        await Expect(item.Locator(".badge")).ToHaveTextAsync("⊘Rejected");
        await Expect(item.Locator(".article-item__error")).ToBeVisibleAsync();
        await Expect(item.Locator(".article-item__error")).ToContainTextAsync("Why it was rejected:");
        var reason = (await item.Locator(".article-item__error").TextContentAsync())!.Replace("Why it was rejected:", "", StringComparison.Ordinal).Trim();
        Assert.True(reason.Length > 5, $"the rejection gives no reason: «{reason}»");
        Assert.Empty(viewer.Problems);
    }

    [Fact]
    public async Task Article_OutletBoilerplate_GreyedWithTheReasonAndTheStoryNot()
    {
        Assert.True(app.HasExtraArticles, "this test uploads its own articles: unset PIPELINE_VIEWER_URL so the fixture runs its own Azurite");
        await app.WaitForGazetteFooterLearnedAsync();
        await using var viewer = await chromium.OpenPageAsync();
        var page = viewer.Page;
        await page.GotoAsync(app.ViewerUrl("#/article/gazette/bridge.txt"));

        var footer = page.Locator(".article__body p.boilerplate", new() { HasText = "recycled paper" });
        await Expect(footer).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("this outlet's boilerplate"));
        await Expect(footer).ToContainTextAsync("Left out of comparison");
        await Expect(page.Locator(".article__body p:not(.boilerplate)", new() { HasText = "Harlow Street bridge" })).ToBeVisibleAsync();

        // Glued to the end of a paragraph, the footer is greyed where it stands and the paragraph is not.
        await page.GotoAsync(app.ViewerUrl("#/article/gazette/hoopoe.txt"));
        var glued = page.Locator(".article__body p:not(.boilerplate)", new() { HasText = "recycled paper" });
        await Expect(glued.Locator(".boilerplate-inline")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Left out of comparison \\(this outlet's boilerplate[^)]*\\): The Dunmore Gazette is printed on recycled paper"));
        await Expect(glued.Locator(".boilerplate-inline")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("this outlet's boilerplate"));
        Assert.Empty(viewer.Problems);
    }

    [Fact]
    public async Task Article_NameWithSlashSpaceHashQuestionMarkAndAccents_OpensFromTheList()
    {
        Assert.True(app.HasExtraArticles, "this test uploads its own articles: unset PIPELINE_VIEWER_URL so the fixture runs its own Azurite");
        await using var viewer = await chromium.OpenPageAsync();
        var page = viewer.Page;
        await page.GotoAsync(app.ViewerUrl("#/articles"));

        var item = page.Locator(".article-item", new() { Has = page.GetByText(ViewerAppFixture.AwkwardArticleName, new() { Exact = true }) });
        await item.Locator(".article-item__title a").ClickAsync();

        await Expect(page.Locator(".article__name")).ToHaveTextAsync(ViewerAppFixture.AwkwardArticleName);
        await Expect(page.Locator(".article__body")).ToContainTextAsync("keep umbrellas close");
        await page.ReloadAsync();
        await Expect(page.Locator(".article__body")).ToContainTextAsync("keep umbrellas close");
        Assert.Empty(viewer.Problems);
    }

    [Fact]
    public async Task Cluster_UnknownId_ShowsAnAlertNotABlankPage()
    {
        await using var viewer = await chromium.OpenPageAsync();
        var page = viewer.Page;
        await page.GotoAsync(app.ViewerUrl("#/cluster/no-such-cluster"));

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("no shared passage with this id");
        Assert.All(viewer.Problems, p => Assert.Contains("404", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_NothingMatches_SaysSoInAnEmptyState()
    {
        await using var viewer = await chromium.OpenPageAsync();
        var page = viewer.Page;
        await page.GotoAsync(app.ViewerUrl("#/clusters?q=zqxjwv"));

        await Expect(page.Locator(".state--empty")).ToContainTextAsync("No shared passage matches that search.");
        await Expect(page.Locator("#results-heading")).ToHaveTextAsync("0 passages matching “zqxjwv”");
        await Expect(page.Locator("#status")).ToHaveTextAsync("0 passages matching “zqxjwv”");
        Assert.Empty(viewer.Problems);
    }

    [Fact]
    public async Task Clusters_ApiUnreachableThenBack_ShowsAnAlertAndRetryRecovers()
    {
        await using var viewer = await chromium.OpenPageAsync();
        var page = viewer.Page;
        await page.RouteAsync("**/api/clusters*", route => route.AbortAsync("connectionrefused"));
        await page.GotoAsync(app.ViewerUrl("#/clusters"));

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Could not reach the API");
        await page.UnrouteAsync("**/api/clusters*");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();

        await Expect(page.Locator(".cluster-link").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        Assert.All(viewer.Problems, p => Assert.Contains("/api/clusters", p, StringComparison.Ordinal));
    }

    private static Task<string> FocusedAsync(IPage page, string expression) =>
        page.EvaluateAsync<string>($"() => {{ const el = document.activeElement; return String({expression}); }}");

    private static async Task TabUntilAsync(IPage page, string condition, int maxPresses)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => {{ const el = document.activeElement; return !!el && ({condition}); }}"))
            {
                return;
            }
        }

        Assert.Fail($"focus never reached ({condition}) after {maxPresses} Tab presses; it is on {await FocusedAsync(page, "el.outerHTML.slice(0, 120)")}");
    }
}

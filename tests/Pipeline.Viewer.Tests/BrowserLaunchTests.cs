using Pipeline.Viewer.Tests.Browser;
using Xunit;

namespace Pipeline.Viewer.Tests;

/// <summary>The browser stack itself: Playwright's bundled driver (its own node) driving Debian's Chromium, offline.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class BrowserLaunchTests(ChromiumFixture chromium)
{
    [Fact]
    public void Launch_DebianChromium_ConnectedThroughTheBundledDriver()
    {
        var node = Path.Combine(AppContext.BaseDirectory, ".playwright", "node", "linux-x64", "node");

        Assert.True(File.Exists(node), $"Playwright's bundled node is missing at {node}: rebuild tests/Pipeline.Viewer.Tests");
        Assert.True(chromium.Browser.IsConnected);
        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", chromium.Browser.Version);
    }

    [Fact]
    public async Task OpenPage_ScriptThrows_TheErrorIsRecorded()
    {
        await using var viewer = await chromium.OpenPageAsync();
        await viewer.Page.SetContentAsync("<script>console.error('boom'); setTimeout(() => { throw new Error('kaboom'); });</script>");
        for (var i = 0; i < 100 && !viewer.Problems.Any(p => p.Contains("kaboom", StringComparison.Ordinal)); i++)
        {
            await viewer.Page.EvaluateAsync("() => new Promise(r => setTimeout(r, 50))");
        }

        Assert.Contains(viewer.Problems, p => p.Contains("boom", StringComparison.Ordinal));
        Assert.Contains(viewer.Problems, p => p.Contains("kaboom", StringComparison.Ordinal));
    }
}

using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Functions.Functions;
using Pipeline.Functions.Hosting;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>The isolated worker's [Function] classes, invoked as the host would, over Azurite-backed official clients.</summary>
public sealed class WorkerFunctionTests(EmptyStorage storage) : IClassFixture<EmptyStorage>
{
    [Fact]
    public async Task BlobTriggers_SeedsThroughBothFunctions_ApiFunctionsShowKirbysQuote()
    {
        await using var services = CreateServices();
        var normalize = ActivatorUtilities.CreateInstance<NormalizeArticleFunction>(services);
        var align = ActivatorUtilities.CreateInstance<AlignArticleFunction>(services);
        var blobs = services.GetRequiredService<StorageClients>().Blobs;
        var names = new List<string>();
        foreach (var prefix in new[] { "000", "001", "002" })
        {
            var (name, content) = Seeds.Get(prefix);
            var blob = "worker/" + name;
            await storage.Storage.UploadAsync(blob, content);
            await normalize.RunAsync(blobs.GetBlobContainerClient("articles").GetBlobClient(blob), blob, CancellationToken.None);
            names.Add(blob);
        }

        foreach (var name in names)
        {
            await align.RunAsync(blobs.GetBlobContainerClient("normalized").GetBlobClient(name), CancellationToken.None);
        }

        var api = ActivatorUtilities.CreateInstance<ApiFunctions>(services);
        var (status, page) = await ExecuteAsync(services, request => api.ListAlignmentsAsync(request, CancellationToken.None), "q=deconflict");
        Assert.Equal(200, status);
        var texts = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("source").GetProperty("text").GetString()).ToList();
        Assert.Contains(texts, t => t!.Contains("deconflict", StringComparison.Ordinal));

        (status, var article) = await ExecuteAsync(services, request => api.GetArticleAsync(request, names[0], CancellationToken.None), null);
        Assert.Equal(200, status);
        Assert.Equal("aligned", article.Str("status"));
        Assert.True(article.GetProperty("alignments").GetInt32() > 0);
    }

    [Fact]
    public async Task ListArticles_BadQuery_AnswersAJson400()
    {
        await using var services = CreateServices();
        var api = ActivatorUtilities.CreateInstance<ApiFunctions>(services);
        var (status, body) = await ExecuteAsync(services, request => api.ListArticlesAsync(request, CancellationToken.None), "top=0");
        Assert.Equal(400, status);
        Assert.Contains("top", body.Str("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NormalizeArticle_StorageBroken_ThrowsSoTheHostRetries()
    {
        await using var services = CreateServices();
        var normalize = ActivatorUtilities.CreateInstance<NormalizeArticleFunction>(services);
        var clients = services.GetRequiredService<StorageClients>();
        var (name, content) = Seeds.Get("003");
        var blob = "broken/" + name;
        await storage.Storage.UploadAsync(blob, content);
        var postings = clients.Tables.GetTableClient("postings");
        await postings.DeleteAsync();
        try
        {
            await Assert.ThrowsAsync<RequestFailedException>(() =>
                normalize.RunAsync(clients.Blobs.GetBlobContainerClient("articles").GetBlobClient(blob), blob, CancellationToken.None));
        }
        finally
        {
            await postings.CreateIfNotExistsAsync();
        }
    }

    [Fact]
    public async Task NormalizeArticle_BlobDeletedBeforeItRuns_CompletesWithoutWriting()
    {
        await using var services = CreateServices();
        var normalize = ActivatorUtilities.CreateInstance<NormalizeArticleFunction>(services);
        var clients = services.GetRequiredService<StorageClients>();
        await normalize.RunAsync(clients.Blobs.GetBlobContainerClient("articles").GetBlobClient("gone/never.txt"), "gone/never.txt", CancellationToken.None);
        Assert.DoesNotContain(await storage.Storage.EntitiesAsync("articles"), row => row.GetString("Name") == "gone/never.txt");
    }

    [Fact]
    public async Task Viewer_FolderWithoutSlash_RedirectsKeepingTheFunctionKey()
    {
        await using var services = CreateServices();
        var api = ActivatorUtilities.CreateInstance<ApiFunctions>(services);
        var context = Context(services, "code=abc");
        context.Request.Path = "/api/viewer";
        await api.Viewer(context.Request, null).ExecuteAsync(context);
        Assert.Equal(302, context.Response.StatusCode);
        Assert.Equal("/api/viewer/?code=abc", context.Response.Headers.Location.ToString());

        context = Context(services, null);
        context.Request.Path = "/api/viewer/index.html";
        await api.Viewer(context.Request, "index.html").ExecuteAsync(context);
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Contains("text/html", context.Response.ContentType, StringComparison.Ordinal);
    }

    private ServiceProvider CreateServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPipeline(configuration).BuildServiceProvider();
        services.GetRequiredService<PipelineStorage>().InitializeAsync().GetAwaiter().GetResult();
        return services;
    }

    private static DefaultHttpContext Context(IServiceProvider services, string? query)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "GET";
        context.Request.QueryString = query is null ? QueryString.Empty : new QueryString("?" + query);
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<(int Status, JsonElement Body)> ExecuteAsync(IServiceProvider services, Func<HttpRequest, Task<IResult>> function, string? query)
    {
        var context = Context(services, query);
        var result = await function(context.Request);
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(context.Response.Body);
        return (context.Response.StatusCode, document.RootElement.Clone());
    }
}

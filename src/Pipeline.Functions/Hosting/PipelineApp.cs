using Microsoft.AspNetCore.Http.Json;
using Pipeline.Functions.Api;
using Pipeline.Functions.Standalone;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Hosting;

/// <summary>The local host (no Functions host): the API on Kestrel, the viewer, and the trigger runner, over the same handlers as the worker.</summary>
internal static partial class PipelineApp
{
    /// <summary>The standalone default port, the same as <c>func start</c>'s.</summary>
    public const int DefaultPort = 7071;

    /// <summary>The process entry point.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        CommandLine command;
        try
        {
            command = CommandLine.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}\n\n{CommandLine.Usage}");
            return 2;
        }

        if (command.Help)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        WebApplication app;
        try
        {
            app = Build(command);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or System.Text.Json.JsonException or IOException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }

        await using (app)
        {
            if (!await StartAsync(app, command))
            {
                return 1;
            }

            await app.WaitForShutdownAsync();
        }

        return 0;
    }

    /// <summary>Builds the app; <paramref name="settings"/> override every other configuration source (tests use this).</summary>
    public static WebApplication Build(CommandLine command, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. command.Rest],
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        string? localSettings = null;
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        else
        {
            localSettings = LocalSettings.Apply(builder.Configuration, [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);
        }

        builder.Services.AddPipeline(builder.Configuration);
        var options = PipelineOptions.From(builder.Configuration);
        var urls = command.Urls ?? options.Urls ?? $"http://127.0.0.1:{command.Port ?? DefaultPort}";
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Every endpoint is a GET and needs no body.
            kestrel.Limits.MaxRequestBodySize = 64 * 1024;
            kestrel.Limits.MaxRequestLineSize = 16 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            // One line per request is noise next to the pipeline's own log; set Logging__LogLevel__Microsoft.AspNetCore=Information to see them.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });

        builder.Services.Configure<JsonOptions>(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new() { Title = "News passage alignment pipeline API", Version = "v1", Description = "Articles, aligned passages and passage clusters." };

            // The same document is served under the Functions host, whose address differs: name none.
            document.Servers?.Clear();
            return Task.CompletedTask;
        }));
        if (options.RunTriggers)
        {
            builder.Services.AddSingleton<BlobTriggerPoller>();
            builder.Services.AddHostedService(services => services.GetRequiredService<BlobTriggerPoller>());
        }

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Never a stack trace: unexpected failures answer {"error": "..."} with a 500.
            ExceptionHandler = async context =>
            {
                context.Response.StatusCode = context.Response.StatusCode is >= 400 and < 500 ? context.Response.StatusCode : StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsJsonAsync(new ApiError("The request failed; see the app's log."));
            },
        });
        app.UseStatusCodePages(async context =>
        {
            if (!context.HttpContext.Response.HasStarted && context.HttpContext.Response.ContentLength is null && context.HttpContext.Response.ContentType is null)
            {
                var status = context.HttpContext.Response.StatusCode;
                await context.HttpContext.Response.WriteAsJsonAsync(new ApiError(status == 404 ? "Not found." : $"HTTP {status}."));
            }
        });

        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi("/api/openapi.json");
        ArticlesApi.Map(app);
        AlignmentsApi.Map(app);
        ClustersApi.Map(app);
        HealthApi.Map(app);
        ViewerApi.Map(app);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pipeline.Functions");
        LogStandaloneMode(logger, urls, localSettings ?? "none", app.Services.GetRequiredService<StorageClients>().Blobs.Uri.ToString());
        return app;
    }

    /// <summary>Creates missing containers and tables, uploads seeds if asked, then starts listening; false (with a clear message) when storage is unusable.</summary>
    public static async Task<bool> StartAsync(WebApplication app, CommandLine command, CancellationToken cancellationToken = default)
    {
        var storage = app.Services.GetRequiredService<PipelineStorage>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pipeline.Functions");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await storage.InitializeAsync(timeout.Token);
            if (command.Seed is { } folder)
            {
                await Seeder.UploadAsync(storage, folder, logger, timeout.Token);
            }
        }
#pragma warning disable CA1031 // Start-up must end with one clear sentence, whatever the storage client threw.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var reason = e is OperationCanceledException ? "it did not answer within 30 seconds" : (e is AggregateException { InnerException: { } inner } ? inner.Message : e.Message);
            await Console.Error.WriteLineAsync(
                $"error: storage at {storage.Clients.Blobs.Uri} / {storage.Clients.Tables.Uri} is not usable: {reason}\n" +
                "Check AzureWebJobsStorage (UseDevelopmentStorage=true needs Azurite on ports 10000 and 10002; ./run.sh starts it).");
            return false;
        }

        await app.StartAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Running standalone (no Functions host) on {Urls}: the app runs its own blob triggers. Loopback only unless --urls or Pipeline__Urls says otherwise. local.settings.json: {LocalSettings}; storage: {Storage}")]
    private static partial void LogStandaloneMode(ILogger logger, string urls, string localSettings, string storage);
}

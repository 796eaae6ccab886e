using Microsoft.AspNetCore.Http.Json;
using Pipeline.Functions.Api;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Protocol;
using Pipeline.Functions.Standalone;
using Pipeline.Functions.Stores;
using Pipeline.Storage;

namespace Pipeline.Functions.Hosting;

/// <summary>Builds and runs the app: one binary, two modes (under the Functions host, or standalone running its own triggers).</summary>
internal static partial class PipelineApp
{
    /// <summary>The setting the Functions host uses to tell a custom handler its port.</summary>
    public const string HostPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

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
        catch (Exception e) when (e is InvalidOperationException or StorageConfigurationException or FormatException or System.Text.Json.JsonException or IOException)
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
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. command.Rest],
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var hostPort = builder.Configuration[HostPortSetting];
        var underHost = !string.IsNullOrWhiteSpace(hostPort);
        string? localSettings = null;
        if (!underHost && settings is null)
        {
            localSettings = LocalSettings.Apply(builder.Configuration, [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);
        }

        var options = PipelineOptions.From(builder.Configuration);
        var connection = StorageConnection.FromConfiguration(builder.Configuration);
        string urls;
        if (underHost)
        {
            if (!int.TryParse(hostPort, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new InvalidOperationException($"{HostPortSetting} must be a port number, not '{hostPort}'.");
            }

            urls = $"http://127.0.0.1:{port}";
        }
        else
        {
            urls = command.Urls ?? options.Urls ?? $"http://127.0.0.1:{command.Port ?? DefaultPort}";
        }

        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // GET endpoints need no body; the trigger endpoints raise their own limit per request.
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

            // Under the host the handler's own address is internal; clients use the host's, so name none.
            document.Servers?.Clear();
            return Task.CompletedTask;
        }));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(connection);
        builder.Services.AddSingleton<PipelineStorage>();
        builder.Services.AddSingleton<ArticleStore>();
        builder.Services.AddSingleton<PostingStore>();
        builder.Services.AddSingleton<AlignmentStore>();
        builder.Services.AddSingleton<ClusterStore>();
        builder.Services.AddSingleton<ReceiptStore>();
        builder.Services.AddSingleton<ClusterRefresh>();
        builder.Services.AddSingleton<ArticleRemoval>();
        builder.Services.AddSingleton<NormalizeArticleHandler>();
        builder.Services.AddSingleton<AlignArticleHandler>();
        if (!underHost && options.RunTriggers)
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

        if (!underHost)
        {
            app.UseDefaultFiles();
            app.UseStaticFiles();
        }

        app.MapOpenApi("/api/openapi.json");
        TriggerEndpoints.Map(app);
        ArticlesApi.Map(app);
        AlignmentsApi.Map(app);
        ClustersApi.Map(app);
        HealthApi.Map(app);
        ViewerApi.Map(app);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pipeline.Functions");
        if (underHost)
        {
            LogHostMode(logger, urls);
        }
        else
        {
            LogStandaloneMode(logger, urls, localSettings ?? "none", connection.BlobEndpoint.ToString());
        }

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
                $"error: storage at {storage.Connection.BlobEndpoint} / {storage.Connection.TableEndpoint} is not usable: {reason}\n" +
                "Check AzureWebJobsStorage (UseDevelopmentStorage=true needs Azurite on ports 10000 and 10002; ./run.sh starts it).");
            return false;
        }

        await app.StartAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Running under the Functions host as a custom handler on {Urls}")]
    private static partial void LogHostMode(ILogger logger, string urls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Running standalone (no Functions host) on {Urls}: the app runs its own blob triggers. Loopback only unless --urls or Pipeline__Urls says otherwise. local.settings.json: {LocalSettings}; storage: {Storage}")]
    private static partial void LogStandaloneMode(ILogger logger, string urls, string localSettings, string storage);
}

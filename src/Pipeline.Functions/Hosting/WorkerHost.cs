using Microsoft.Azure.Functions.Worker.Builder;
using Pipeline.Functions.Processing;
using Pipeline.Functions.Storage;

namespace Pipeline.Functions.Hosting;

/// <summary>The isolated-worker host: what runs when the Functions host starts this executable.</summary>
internal static partial class WorkerHost
{
    // The host passes its gRPC address as a command-line switch (or, in some tools, as this setting).
    private static readonly string[] s_hostSwitches = ["--functions-uri", "--host", "--workerId", "--functions-worker-id"];

    /// <summary>Whether a Functions host started this process.</summary>
    public static bool IsStartedByFunctionsHost(IReadOnlyList<string> args) =>
        args.Any(arg => s_hostSwitches.Any(s => arg.Equals(s, StringComparison.OrdinalIgnoreCase) || arg.StartsWith(s + "=", StringComparison.OrdinalIgnoreCase)))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Functions__Worker__HostEndpoint"));

    /// <summary>Runs the worker until the host stops it.</summary>
    public static async Task RunAsync(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddPipeline(builder.Configuration);
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddHostedService<IndexMigrator>();
        using var host = builder.Build();
        await host.RunAsync();
    }

    /// <summary>Creates missing containers and tables once the worker starts; a failure is logged, and the first invocation reports it again.</summary>
    private sealed partial class StorageInitializer(PipelineStorage storage, ILogger<StorageInitializer> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await storage.InitializeAsync(cancellationToken);
            }
            catch (Azure.RequestFailedException e)
            {
                LogFailed(logger, e.Message);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Error, Message = "Creating the pipeline's containers and tables failed: {Error}")]
        private static partial void LogFailed(ILogger logger, string error);
    }

    /// <summary>Indexes again, in the background, the articles indexed for another kind of candidate index than the one
    /// in use (an upgraded deployment); a failure is logged and retried at the next start.</summary>
    private sealed partial class IndexMigrator(CandidateIndexMigration migration, ILogger<IndexMigrator> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                await migration.RunAsync(stoppingToken);
            }
            catch (Azure.RequestFailedException e)
            {
                LogFailed(logger, e.Message);
            }
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "Indexing articles again for the candidate index in use failed: {Error}")]
        private static partial void LogFailed(ILogger logger, string error);
    }
}

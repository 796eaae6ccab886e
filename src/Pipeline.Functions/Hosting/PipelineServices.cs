using Pipeline.Functions.Processing;
using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Hosting;

/// <summary>The services both hosts share: settings, one pair of storage clients, the stores and the handlers.</summary>
internal static class PipelineServices
{
    /// <summary>Registers everything the handlers and the API need; bad settings throw naming the setting.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        var options = PipelineOptions.From(configuration);
        var clients = StorageClients.FromConfiguration(configuration);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(clients);
        services.AddSingleton<PipelineStorage>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<PostingStore>();
        services.AddSingleton<AlignmentStore>();
        services.AddSingleton<ClusterStore>();
        services.AddSingleton<ReceiptStore>();
        services.AddSingleton<OutletBoilerplateStore>();
        services.AddSingleton<OutletBoilerplateLearning>();
        services.AddSingleton<ClusterRefresh>();
        services.AddSingleton<ArticleRemoval>();
        services.AddSingleton<CandidateIndexMigration>();
        services.AddSingleton<NormalizeArticleHandler>();
        services.AddSingleton<AlignArticleHandler>();
        return services;
    }
}

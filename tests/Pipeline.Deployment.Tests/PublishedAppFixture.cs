using Pipeline.Deployment.Tests.Reading;

namespace Pipeline.Deployment.Tests;

/// <summary>
/// The app published for real, once per test run and only when a test asks: <see cref="Default"/> is what azd deploys
/// (no extra properties), <see cref="Polling"/> the <c>-p:BlobTriggerSource=LogsAndContainerScan</c> build for
/// <c>func start</c> experiments. A failed publish fails every test that reads it, with the build log.
/// </summary>
public sealed class PublishedAppFixture : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pipeline-deploy-tests", Guid.NewGuid().ToString("N"));
    private readonly Lazy<FunctionApp> _default;
    private readonly Lazy<FunctionApp> _polling;

    public PublishedAppFixture()
    {
        _default = new(() => FunctionApp.Publish(Path.Combine(_root, "default"), Path.Combine(_root, "artifacts-default")));
        _polling = new(() => FunctionApp.Publish(
            Path.Combine(_root, "polling"), Path.Combine(_root, "artifacts-polling"), "BlobTriggerSource=LogsAndContainerScan"));
    }

    internal FunctionApp Default => _default.Value;

    internal FunctionApp Polling => _polling.Value;

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

/// <summary>Every test class that reads the published app shares one <see cref="PublishedAppFixture"/> (and so runs serially).</summary>
[CollectionDefinition(Name)]
public sealed class PublishedAppCollection : ICollectionFixture<PublishedAppFixture>
{
    public const string Name = "published app";
}

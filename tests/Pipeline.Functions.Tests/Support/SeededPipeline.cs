using System.Text.Json;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests.Support;

/// <summary>A private Azurite plus one standalone app instance with the five seeds uploaded and processed.</summary>
public sealed class SeededPipeline : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    /// <summary>The running app.</summary>
    public PipelineHost App { get; private set; } = null!;

    /// <summary>Direct storage access.</summary>
    public TestStorage Storage { get; private set; } = null!;

    /// <summary>The Azurite connection string.</summary>
    public string ConnectionString => _azurite.ConnectionString;

    /// <summary>The articles as listed once every seed was aligned.</summary>
    public IReadOnlyDictionary<string, JsonElement> Articles { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Storage = new TestStorage(_azurite.ConnectionString);
        App = await PipelineHost.StartAsync(_azurite.ConnectionString);
        foreach (var (name, content) in Seeds.All())
        {
            await Storage.UploadAsync(name, content);
        }

        Articles = await App.WaitForAsync(Seeds.All().Select(s => s.Name).ToList());
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }
}

/// <summary>A private Azurite with nothing uploaded (tests bring their own articles and app instances).</summary>
public sealed class EmptyStorage : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    /// <summary>The Azurite connection string.</summary>
    public string ConnectionString => _azurite.ConnectionString;

    /// <summary>Direct storage access.</summary>
    public TestStorage Storage { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Storage = new TestStorage(_azurite.ConnectionString);
    }

    /// <inheritdoc/>
    public Task DisposeAsync() => _azurite.DisposeAsync();
}

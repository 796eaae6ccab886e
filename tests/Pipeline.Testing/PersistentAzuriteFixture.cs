namespace Pipeline.Testing;

/// <summary>An Azurite that keeps its data in a temp directory, so data survives StopAsync/StartAsync (for fault tests).</summary>
public sealed class PersistentAzuriteFixture : AzuriteFixture
{
    /// <summary>Creates the persistent fixture.</summary>
    public PersistentAzuriteFixture()
        : base(persistent: true)
    {
    }
}

using Pipeline.Testing;
using Xunit;

namespace Pipeline.Storage.Tests;

/// <summary>One Azurite for every test class that does not stop it: on a 2-core machine one emulator serving the classes
/// in turn is cheaper than one emulator per class competing for the cores. Tests use unique container/table names.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

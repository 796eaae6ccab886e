using Pipeline.Deployment.Tests.Reading;

namespace Pipeline.Deployment.Tests;

[Collection(PublishedAppCollection.Name)]
public sealed class StorageTemplateTests(PublishedAppFixture published)
{
    private static readonly BicepFile Main = BicepFile.Load("infra", "main.bicep");
    private static readonly BicepFile Storage = BicepFile.Load("infra", "app", "storage.bicep");

    [Fact]
    public void BlobTriggerPaths_EveryContainer_IsCreatedByBicep()
    {
        var triggers = published.Default.BlobTriggers;
        Assert.NotEmpty(triggers);
        var containers = Main.ArrayVar("blobContainerNames");

        foreach (var trigger in triggers)
        {
            Assert.True(containers.Contains(FunctionApp.ContainerOf(trigger)),
                $"{trigger.Function} triggers on '{trigger.Path}' but main.bicep blobContainerNames is [{string.Join(", ", containers)}]");
        }
    }

    [Fact]
    public void AppTables_EveryTable_IsCreatedByBicep()
    {
        var tables = Main.ArrayVar("tableNames");

        Assert.Equal(AppContract.TableNames.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StorageModule_ContainerAndTableLoops_UseTheListsMainPasses()
    {
        var call = Main.Modules.Single(module => module.Path == "./app/storage.bicep").Params;
        Assert.Equal("blobContainerNames", call.Raw("blobContainerNames"));
        Assert.Equal("tableNames", call.Raw("tableNames"));

        var containers = Storage.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers").Single();
        var tables = Storage.ResourcesOfType("Microsoft.Storage/storageAccounts/tableServices/tables").Single();
        Assert.Matches(@"for\s+containerName\s+in\s+blobContainerNames\s*:", Storage.Text);
        Assert.Equal("containerName", containers.Properties.Raw("name"));
        Assert.Matches(@"for\s+tableName\s+in\s+tableNames\s*:", Storage.Text);
        Assert.Equal("tableName", tables.Properties.Raw("name"));
    }

    [Fact]
    public void StorageAccount_Access_IsIdentityOnlyAndLockedDown()
    {
        Assert.Equal("false", Main.Params["allowSharedKeyAccess"].Default);
        Assert.Equal("allowSharedKeyAccess", Main.Modules.Single(module => module.Path == "./app/storage.bicep").Params.Raw("allowSharedKeyAccess"));

        var account = Storage.ResourcesOfType("Microsoft.Storage/storageAccounts").Single(resource => !resource.Existing);
        var properties = account.Properties.Object("properties");
        Assert.Equal("allowSharedKeyAccess", properties.Raw("allowSharedKeyAccess"));
        Assert.Equal("TLS1_2", properties.String("minimumTlsVersion"));
        Assert.Equal("false", properties.Raw("allowBlobPublicAccess"));
        Assert.Equal("true", properties.Raw("supportsHttpsTrafficOnly"));
    }

    [Fact]
    public void DeploymentPackageContainer_IsCreatedAndUsedByTheFunctionApp()
    {
        Assert.Contains("deploymentContainerName", BicepObject.TopLevelEntries(Main.Var("blobContainerNames")[1..^1]));
        Assert.Equal("deploymentContainerName", Main.Modules.Single(module => module.Path == "./app/api.bicep").Params.Raw("deploymentContainerName"));

        var app = BicepFile.Load("infra", "app", "api.bicep").ResourcesOfType("Microsoft.Web/sites").Single(resource => !resource.Existing);
        var storage = app.Properties.Path("properties.functionAppConfig.deployment.storage");
        Assert.Equal("blobContainer", storage.String("type"));
        Assert.EndsWith("${deploymentContainerName}'", storage.Raw("value"), StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", storage.Object("authentication").String("type"));
        Assert.Equal("identityId", storage.Object("authentication").Raw("userAssignedIdentityResourceId"));
    }
}

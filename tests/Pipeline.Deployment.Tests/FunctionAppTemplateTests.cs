using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Deployment.Tests.Reading;

namespace Pipeline.Deployment.Tests;

[Collection(PublishedAppCollection.Name)]
public sealed class FunctionAppTemplateTests(PublishedAppFixture published)
{
    private static readonly BicepFile Api = BicepFile.Load("infra", "app", "api.bicep");

    private static BicepObject SiteProperties =>
        Api.ResourcesOfType("Microsoft.Web/sites").Single(resource => !resource.Existing).Properties;

    [Fact]
    public void Plan_Sku_IsFlexConsumption()
    {
        var plan = Api.ResourcesOfType("Microsoft.Web/serverfarms").Single().Properties;

        Assert.Equal("FC1", plan.Object("sku").String("name"));
        Assert.Equal("FlexConsumption", plan.Object("sku").String("tier"));
        Assert.Equal("true", plan.Object("properties").Raw("reserved"));
    }

    [Fact]
    public void FunctionApp_Runtime_IsDotnetIsolated10LikeLocalSettingsAndTheWorker()
    {
        var localSettings = JsonNode.Parse(Repo.ReadText("local.settings.sample.json"))!["Values"]!.AsObject();
        var runtime = SiteProperties.Path("properties.functionAppConfig.runtime");

        Assert.Equal("dotnet-isolated", runtime.String("name"));
        Assert.Equal("10.0", runtime.String("version"));
        // func start reads the stack from local settings; Flex from functionAppConfig.runtime; the worker declares its own.
        Assert.Equal(runtime.String("name"), (string?)localSettings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal(runtime.String("name"), (string?)published.Default.WorkerConfig["description"]!["language"]);
        Assert.Equal("'functionapp,linux'", SiteProperties.Raw("kind"));
    }

    [Fact]
    public void FunctionApp_ScaleAndConcurrency_ComesFromMainParameters()
    {
        var scale = SiteProperties.Path("properties.functionAppConfig.scaleAndConcurrency");
        Assert.Equal("maxInstanceCount", scale.Raw("maximumInstanceCount"));
        Assert.Equal("instanceMemoryMB", scale.Raw("instanceMemoryMB"));

        var call = BicepFile.Load("infra", "main.bicep").Modules.Single(module => module.Path == "./app/api.bicep").Params;
        Assert.Equal("maxInstanceCount", call.Raw("maxInstanceCount"));
        Assert.Equal("instanceMemoryMB", call.Raw("instanceMemoryMB"));
    }

    [Fact]
    public void FunctionApp_Identity_IsUserAssignedAndTaggedForAzd()
    {
        Assert.Equal("UserAssigned", SiteProperties.Object("identity").String("type"));
        Assert.Contains("'azd-service-name': 'api'", SiteProperties.Raw("tags"), StringComparison.Ordinal);
        Assert.Equal("true", SiteProperties.Object("properties").Raw("httpsOnly"));
    }

    [Fact]
    public void StorageConnections_EveryBindingConnection_HasIdentityBasedSettings()
    {
        var settings = AppContract.AppSettings();
        var prefixes = published.Default.Bindings
            .Select(binding => binding.Connection)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(prefixes);

        foreach (var prefix in prefixes)
        {
            Assert.Equal("managedidentity", settings.String($"{prefix}__credential"));
            Assert.Equal("identityClientId", settings.Raw($"{prefix}__clientId"));
            Assert.EndsWith("primaryEndpoints.blob", settings.Raw($"{prefix}__blobServiceUri"), StringComparison.Ordinal);
            Assert.EndsWith("primaryEndpoints.queue", settings.Raw($"{prefix}__queueServiceUri"), StringComparison.Ordinal);
            Assert.EndsWith("primaryEndpoints.table", settings.Raw($"{prefix}__tableServiceUri"), StringComparison.Ordinal);
            Assert.False(settings.Has(prefix), $"'{prefix}' as a plain setting would be a connection string; use the {prefix}__* form");
        }
    }

    [Fact]
    public void StorageConnections_IdentitySettings_AreAllOnesTheAppAccepts()
    {
        // The app's own clients read the same AzureWebJobsStorage__* settings and refuse to start on a key they do not know.
        var source = Repo.ReadText("src", "Pipeline.Functions", "Storage", "StorageClients.cs");
        var known = Regex.Match(source, @"s_identityKeys\s*=\s*\[(?<keys>[^\]]*)\]").Groups["keys"].Value
            .Split(',').Select(key => key.Trim().Trim('"')).Where(key => key.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("blobServiceUri", known);

        var deployed = AppContract.AppSettings().Keys
            .Where(key => key.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal))
            .Select(key => key["AzureWebJobsStorage__".Length..])
            .ToList();
        Assert.NotEmpty(deployed);
        Assert.All(deployed, key => Assert.True(known.Contains(key), $"api.bicep sets AzureWebJobsStorage__{key}, which StorageClients rejects"));
    }

    [Fact]
    public void Templates_NoSetting_CarriesASharedKey()
    {
        var settings = AppContract.AppSettings();
        foreach (var key in settings.Keys)
        {
            Assert.DoesNotMatch(new Regex("AccountKey|SharedAccess|Sas(Token)?$", RegexOptions.IgnoreCase), key);
            if (key.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase))
            {
                // The App Insights connection string holds no secret; it only locates the ingestion endpoint.
                Assert.Equal("APPLICATIONINSIGHTS_CONNECTION_STRING", key);
                Assert.Equal("applicationInsights.properties.ConnectionString", settings.Raw(key));
            }
        }

        foreach (var file in Directory.GetFiles(Repo.Infra, "*.bicep", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(new Regex(@"storageAccount\.listKeys|listAccountSas|listServiceSas"), text);
        }
    }

    [Fact]
    public void ApplicationInsights_Telemetry_UsesEntraAuthOnly()
    {
        var settings = AppContract.AppSettings();
        Assert.Equal("ClientId=${identityClientId};Authorization=AAD", settings.String("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));

        var insights = BicepFile.Load("infra", "app", "monitoring.bicep").ResourcesOfType("Microsoft.Insights/components").Single();
        Assert.Equal("true", insights.Properties.Object("properties").Raw("DisableLocalAuth"));
    }

    [Fact]
    public void LocalSettings_EveryPipelineSetting_IsSetInBicep()
    {
        var local = JsonNode.Parse(Repo.ReadText("local.settings.sample.json"))!["Values"]!.AsObject();
        var pipelineKeys = local.Select(pair => pair.Key).Where(key => key.StartsWith("Pipeline__", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pipelineKeys);
        var settings = AppContract.AppSettings();

        var missing = pipelineKeys.Where(key => !settings.Has(key)).ToList();

        Assert.True(missing.Count == 0, $"set in local.settings.sample.json but not in api.bicep appsettings: {string.Join(", ", missing)}");
    }

    [Fact]
    public void LocalSettings_Storage_IsAzuriteAndNeverDeployed()
    {
        var local = JsonNode.Parse(Repo.ReadText("local.settings.sample.json"))!["Values"]!.AsObject();

        Assert.Equal("UseDevelopmentStorage=true", (string?)local["AzureWebJobsStorage"]);
        Assert.False(AppContract.AppSettings().Has("AzureWebJobsStorage"), "the Azurite connection string must stay local");
    }

    [Fact]
    public void AppSettings_SettingsFlexRejects_AreAbsent()
    {
        var settings = AppContract.AppSettings();

        foreach (var key in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "AzureWebJobsStorage" })
        {
            Assert.False(settings.Has(key), $"{key} must not be an app setting on Flex Consumption");
        }
    }

    [Fact]
    public void Identity_RoleAssignments_AreExactlyTheRolesTheAppNeeds()
    {
        var identity = BicepFile.Load("infra", "app", "identity.bicep");
        var roleIds = identity.Var("roles");
        var assignments = identity.ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .Select(resource => resource.Properties.Object("properties"))
            .Where(properties => properties.Raw("principalId") == "identity.properties.principalId")
            .Select(properties => RoleIdOf(properties.Raw("roleDefinitionId"), roleIds))
            .Order(StringComparer.Ordinal)
            .ToList();

        string[] expected =
        [
            AppContract.BuiltInRoles["Storage Blob Data Owner"],
            AppContract.BuiltInRoles["Storage Table Data Contributor"],
            AppContract.BuiltInRoles["Storage Queue Data Contributor"],
            AppContract.BuiltInRoles["Monitoring Metrics Publisher"],
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), assignments);
    }

    private static string RoleIdOf(string roleDefinitionExpression, string rolesObject)
    {
        var name = Regex.Match(roleDefinitionExpression, @"roles\.(\w+)\)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(name), $"role definition should come from the roles map: {roleDefinitionExpression}");
        return BicepObject.Parse(rolesObject[1..^1]).String(name);
    }
}

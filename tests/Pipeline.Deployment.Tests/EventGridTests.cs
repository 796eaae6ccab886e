using System.Text.RegularExpressions;
using Pipeline.Deployment.Tests.Reading;

namespace Pipeline.Deployment.Tests;

[Collection(PublishedAppCollection.Name)]
public sealed class EventGridTests(PublishedAppFixture published)
{
    private static readonly BicepFile Subscriptions = BicepFile.Load("infra", "app", "blob-subscriptions.bicep");

    [Fact]
    public void Subscriptions_Targets_AreExactlyTheBlobTriggeredFunctions()
    {
        var triggers = published.Default.BlobTriggers;
        // The webhook feeds only triggers on the Event Grid source; a polling trigger would never see these events.
        Assert.All(triggers, trigger => Assert.Equal("EventGrid", trigger.Source));
        var expected = triggers
            .Select(trigger => $"{trigger.Function} <- /blobServices/default/containers/{FunctionApp.ContainerOf(trigger)}/")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expected);

        var actual = Subscriptions.ResourcesOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions")
            .Select(resource => resource.Properties.Object("properties"))
            .Select(properties =>
            {
                var url = properties.Path("destination.properties").String("endpointUrl");
                var function = Regex.Match(url, @"[?&]functionName=Host\.Functions\.(\w+)(&|$)").Groups[1].Value;
                return $"{function} <- {properties.Object("filter").String("subjectBeginsWith")}";
            })
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Subscriptions_Endpoint_IsTheBlobsExtensionWebhookWithItsSystemKey()
    {
        Assert.Equal("listKeys('${functionApp.id}/host/default', functionApp.apiVersion).systemKeys.blobs_extension", Subscriptions.Var("blobsExtensionKey"));
        Assert.Equal("'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs'", Subscriptions.Var("webhookBase"));

        foreach (var subscription in Subscriptions.ResourcesOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"))
        {
            var properties = subscription.Properties.Object("properties");
            Assert.Equal("WebHook", properties.Object("destination").String("endpointType"));
            Assert.Matches(@"^\$\{webhookBase\}\?functionName=Host\.Functions\.\w+&code=\$\{blobsExtensionKey\}$",
                properties.Path("destination.properties").String("endpointUrl"));
            Assert.Equal(["Microsoft.Storage.BlobCreated"], properties.Object("filter").Array("includedEventTypes"));
        }
    }

    [Fact]
    public void SystemTopic_Source_IsTheStorageAccountAndItsNameReachesTheHook()
    {
        var topic = BicepFile.Load("infra", "app", "eventgrid-topic.bicep").ResourcesOfType("Microsoft.EventGrid/systemTopics").Single();
        var properties = topic.Properties.Object("properties");
        Assert.Equal("storageAccount.id", properties.Raw("source"));
        Assert.Equal("Microsoft.Storage.StorageAccounts", properties.String("topicType"));

        Assert.Contains("EVENT_GRID_SYSTEM_TOPIC_NAME", BicepFile.Load("infra", "main.bicep").Outputs);
        Assert.Equal(["functionAppName", "systemTopicName"], Subscriptions.Params.Keys.Order(StringComparer.Ordinal));
        foreach (var hook in new[] { "postdeploy.sh", "postdeploy.ps1" })
        {
            var script = Repo.ReadText("scripts", "deploy", hook);
            Assert.Contains("infra/app/blob-subscriptions.bicep", script, StringComparison.Ordinal);
            Assert.Contains("systemKeys.blobs_extension", script, StringComparison.Ordinal);
        }
    }
}

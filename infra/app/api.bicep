// Flex Consumption (FC1) plan + the function app running our custom handler (Pipeline.Functions, linux-x64).
//
// How a custom handler is declared on Flex (source: Microsoft Learn, "Azure Functions Flex Consumption plan hosting",
// learn.microsoft.com/azure/azure-functions/flex-consumption-plan, sections "Supported language stack versions" and
// "Deprecated properties and settings"; plus "Azure Functions custom handlers",
// learn.microsoft.com/azure/azure-functions/functions-custom-handlers): the stack is chosen by
// functionAppConfig.runtime { name: 'custom', version: '1.0' }. Flex rejects the old FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE app settings and linuxFxVersion, so none is set here;
// host.json's customHandler.description.defaultExecutablePath names the executable the host starts.
// (Cited from the author's knowledge of those pages; not re-fetched while writing this template.)
param location string
param tags object
param functionAppName string
param planName string
param storageAccountName string
param deploymentContainerName string
param identityId string
param identityClientId string
param applicationInsightsName string
param maxInstanceCount int
param instanceMemoryMB int

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  // azd deploys the `api` service of azure.yaml to the resource carrying this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maxInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

// Identity-based connection "AzureWebJobsStorage" (the `connection` of both blob triggers): no key, no SAS.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storageAccount.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storageAccount.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storageAccount.properties.primaryEndpoints.table
    // Lets DefaultAzureCredential inside the handler pick the user-assigned identity.
    AZURE_CLIENT_ID: identityClientId
    // The connection string only locates the ingestion endpoint; with DisableLocalAuth the
    // authentication string below (Entra, via the identity) is what gets telemetry accepted.
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    Pipeline__MaxArticleBytes: '4194304'
    Pipeline__MinScore: '0.5'
    Pipeline__PollIntervalSeconds: '2'
    Pipeline__MaxAttempts: '5'
  }
}

output name string = functionApp.name
output url string = 'https://${functionApp.properties.defaultHostName}'

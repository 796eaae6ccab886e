// Entry point for `azd provision` / `azd up`: one resource group holding the pipeline.
// Layout follows Azure-Samples/functions-quickstart-dotnet-azd (resourceToken naming, managed identity first),
// with plain resources instead of AVM modules: nothing can be restored or compiled where this was written,
// and plain resources keep every property visible to the consistency tests in tests/Pipeline.Deployment.Tests.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; prefixes the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region for all resources. Must be a region that offers the Flex Consumption plan.')
param location string

@minValue(40)
@maxValue(1000)
@description('Upper bound on Flex Consumption instances (scaleAndConcurrency.maximumInstanceCount).')
param maxInstanceCount int = 100

@allowed([512, 2048, 4096])
@description('Memory per Flex Consumption instance in MB (scaleAndConcurrency.instanceMemoryMB).')
param instanceMemoryMB int = 2048

@description('Allow shared-key (account key / SAS) access to the storage account. Everything here uses Entra ID, so keep it off.')
param allowSharedKeyAccess bool = false

@description('Object id of the person running azd (azd fills AZURE_PRINCIPAL_ID); gets blob upload rights. Empty = none.')
param principalId string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var functionAppName = 'func-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'

// Containers the blob triggers watch (the [BlobTrigger] paths in src/Pipeline.Functions/Functions, published in
// functions.metadata) plus the Flex deployment package.
var blobContainerNames = [
  'articles'
  'normalized'
  deploymentContainerName
]

// Tables the app writes; the names are the contract with src/Pipeline.Functions/Storage/PipelineStorage.cs.
var tableNames = [
  'articles'
  'postings'
  'candidates'
  'alignments'
  'clusters'
  'receipts'
]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring './app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
  }
}

module storage './app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    storageAccountName: 'st${resourceToken}'
    allowSharedKeyAccess: allowSharedKeyAccess
    blobContainerNames: blobContainerNames
    tableNames: tableNames
  }
}

module identity './app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    location: location
    tags: tags
    identityName: 'id-${resourceToken}'
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    principalId: principalId
  }
}

module api './app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    location: location
    tags: tags
    functionAppName: functionAppName
    planName: 'plan-${resourceToken}'
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    maxInstanceCount: maxInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module eventGrid './app/eventgrid-topic.bicep' = {
  name: 'eventgrid-topic'
  scope: rg
  params: {
    location: location
    tags: tags
    systemTopicName: 'evgt-${resourceToken}'
    storageAccountName: storage.outputs.name
  }
}

// azd stores these in .azure/<env>/.env; the postdeploy hook (scripts/deploy/postdeploy.*) reads them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_APP_URL string = api.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name

// Event Grid system topic on the storage account. The two webhook subscriptions that feed the blob triggers
// need the host's blobs_extension system key, which exists only after the code is deployed and the host has
// indexed the blob-triggered functions; they are created afterwards by blob-subscriptions.bicep (see
// scripts/deploy/postdeploy.sh). Creating the topic here, up front, is what the Azure-Samples
// functions-quickstart-*-azd-eventgrid-blob templates do as well.
param location string
param tags object
param systemTopicName string
param storageAccountName string

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storageAccount.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name

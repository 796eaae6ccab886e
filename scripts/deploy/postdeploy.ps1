# azd postdeploy hook on Windows (pwsh); same steps as postdeploy.sh.
$ErrorActionPreference = 'Stop'

$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'EVENT_GRID_SYSTEM_TOPIC_NAME') {
  if (-not [Environment]::GetEnvironmentVariable($name)) {
    throw "$name is not set; run through azd (azd up / azd deploy) so the main.bicep outputs are set"
  }
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
  throw "Azure CLI (az) not found; install it and run 'az login'"
}

$group = $env:AZURE_RESOURCE_GROUP
$app = $env:AZURE_FUNCTION_APP_NAME

for ($attempt = 1; ; $attempt++) {
  $key = az functionapp keys list -g $group -n $app --query systemKeys.blobs_extension -o tsv 2>$null
  if ($key) { break }
  if ($attempt -ge 20) {
    throw "blobs_extension key never appeared on $app; check the app's logs, then rerun 'azd deploy'"
  }
  Write-Host "waiting for the blobs_extension system key ($attempt/20)..."
  Start-Sleep -Seconds 15
}

for ($attempt = 1; ; $attempt++) {
  az deployment group create -g $group --name blob-subscriptions `
    --template-file (Join-Path $root 'infra/app/blob-subscriptions.bicep') `
    --parameters functionAppName=$app systemTopicName=$env:EVENT_GRID_SYSTEM_TOPIC_NAME `
    --output none
  if ($LASTEXITCODE -eq 0) { break }
  if ($attempt -ge 3) {
    throw "creating the Event Grid subscriptions failed 3 times; rerun 'azd deploy' or this script"
  }
  Start-Sleep -Seconds 20
}
Write-Host "Event Grid subscriptions ready on $($env:EVENT_GRID_SYSTEM_TOPIC_NAME)"

# azd prepackage hook for service `api` on Windows (pwsh); same steps as prepackage.sh.
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $true

$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$app = Join-Path $root 'src/Pipeline.Functions'
# PIPELINE_PACKAGE_DIR lets the tests package into a temp folder; azd always uses artifacts/api (azure.yaml dist).
$dist = if ($env:PIPELINE_PACKAGE_DIR) { $env:PIPELINE_PACKAGE_DIR } else { Join-Path $root 'artifacts/api' }

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
  throw 'dotnet SDK not found; install .NET 10 SDK (see global.json)'
}

if (Test-Path $dist) { Remove-Item $dist -Recurse -Force }
dotnet publish (Join-Path $app 'Pipeline.Functions.csproj') -c Release -r linux-x64 --self-contained true -o $dist -nologo

Copy-Item (Join-Path $app 'host.json') (Join-Path $dist 'host.json') -Force
Get-ChildItem $app -Directory | ForEach-Object {
  $functionJson = Join-Path $_.FullName 'function.json'
  if (Test-Path $functionJson) {
    $target = Join-Path $dist $_.Name
    New-Item -ItemType Directory -Force -Path $target | Out-Null
    Copy-Item $functionJson (Join-Path $target 'function.json') -Force
  }
}
Remove-Item (Join-Path $dist 'local.settings.json') -ErrorAction SilentlyContinue

dotnet run --file (Join-Path $root 'scripts/deploy/UseEventGridBlobSource.cs') -- $dist

# A zip made on Windows carries no Unix mode bits; the Functions host on Linux needs Pipeline.Functions to be
# executable. Warn rather than fail: the deployment may still work if the platform sets the bit.
Write-Warning 'Packaged on Windows: if the host logs "permission denied" for Pipeline.Functions, package from WSL/Linux/macOS instead.'
Write-Host "package ready: $dist"

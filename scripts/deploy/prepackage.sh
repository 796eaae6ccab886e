#!/bin/sh
# azd prepackage hook for service `api` (see azure.yaml). Builds the folder azd zips and deploys:
# self-contained linux-x64 Pipeline.Functions + host.json + one folder per function, with the blob triggers
# switched to the Event Grid source (Flex Consumption supports no other). POSIX sh: azd runs it with `sh`.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
app="$root/src/Pipeline.Functions"
# PIPELINE_PACKAGE_DIR lets the tests package into a temp folder; azd always uses artifacts/api (azure.yaml dist).
dist="${PIPELINE_PACKAGE_DIR:-$root/artifacts/api}"

command -v dotnet >/dev/null 2>&1 || { echo "error: dotnet SDK not found; install .NET 10 SDK (see global.json)" >&2; exit 1; }

rm -rf "$dist"
dotnet publish "$app/Pipeline.Functions.csproj" -c Release -r linux-x64 --self-contained true -o "$dist" -nologo

# The Functions host needs host.json at the root and */function.json; copy them from source so the package
# layout does not depend on how the csproj marks content items.
cp "$app/host.json" "$dist/host.json"
for file in "$app"/*/function.json; do
  name=$(basename "$(dirname "$file")")
  mkdir -p "$dist/$name"
  cp "$file" "$dist/$name/function.json"
done
# Local-only settings must never ship.
rm -f "$dist/local.settings.json"

dotnet run --file "$root/scripts/deploy/UseEventGridBlobSource.cs" -- "$dist"

# host.json customHandler.description.defaultExecutablePath; the zip keeps this mode bit when built on Linux/macOS.
chmod +x "$dist/Pipeline.Functions"
echo "package ready: $dist"

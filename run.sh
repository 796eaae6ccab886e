#!/usr/bin/env bash
# Until the Functions app lands, this aligns seeds/ with the CLI (no Azure involved).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_dotnet
echo "The pipeline app is not built yet; aligning seeds/ with the CLI instead." >&2
dotnet run --project src/Pipeline.Cli -c Release -- align seeds/ --format table

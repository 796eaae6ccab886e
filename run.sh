#!/usr/bin/env bash
# Runs the whole pipeline locally: Azurite (unless storage is elsewhere or one already runs), the app on its local host
# (the API on Kestrel plus our own blob trigger runner; see README), and the seeds uploaded into the 'articles' container.
# Usage: ./run.sh [--port N] [--no-seed]      Ctrl-C stops what this script started.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

port=7071
seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --port) [ $# -ge 2 ] || { echo "error: --port needs a number" >&2; exit 2; }; port=$2; shift 2 ;;
    --port=*) port=${1#--port=}; shift ;;
    --no-seed) seed=0; shift ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown option '$1' (use --port N, --no-seed)" >&2; exit 2 ;;
  esac
done
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || { echo "error: --port must be 1-65535, not '$port'" >&2; exit 2; }

ensure_dotnet

# Storage: the environment wins, then local.settings.json, then Azurite on its default ports.
storage=${AzureWebJobsStorage:-}
if [ -z "$storage" ] && [ -f local.settings.json ]; then
  storage=$(sed -n 's/.*"AzureWebJobsStorage"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' local.settings.json | head -n 1)
fi
storage=${storage:-UseDevelopmentStorage=true}
export AzureWebJobsStorage="$storage"

pids=()
cleanup() {
  trap - EXIT INT TERM
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'echo; echo "Stopping..." >&2; exit 130' INT TERM

if [[ "$storage" == UseDevelopmentStorage=true* ]]; then
  if port_listening 10000 && port_listening 10002; then
    echo "Azurite (or another emulator) already listens on 10000/10002: using it." >&2
  else
    ensure_azurite
    mkdir -p .azurite
    echo "Starting Azurite (data in .azurite/, log in .azurite/azurite.log)..." >&2
    "$azurite_bin" --location .azurite --blobHost 127.0.0.1 --blobPort 10000 --queuePort 10001 --tablePort 10002 \
      --disableTelemetry --skipApiVersionCheck >.azurite/azurite.log 2>&1 &
    pids+=($!)
    wait_for_port 10000 30 && wait_for_port 10002 30 || { echo "error: Azurite did not start; see .azurite/azurite.log" >&2; exit 1; }
  fi
else
  echo "AzureWebJobsStorage names other storage: not starting Azurite." >&2
fi

if port_listening "$port"; then
  echo "error: something already listens on port $port; pick another with --port N" >&2
  exit 1
fi

echo "Building the app..." >&2
dotnet build src/Pipeline.Functions -c Release -nologo -v quiet >&2
app=src/Pipeline.Functions/bin/Release/net10.0/Pipeline.Functions
args=(--port "$port")
[ "$seed" = 1 ] && args+=(--seed seeds)
"$app" "${args[@]}" &
pids+=($!)
app_pid=$!

for ((i = 0; i < 150; i++)); do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    wait "$app_pid" || true
    echo "error: the app exited during start-up (see its messages above)" >&2
    exit 1
  fi
  port_listening "$port" && break
  sleep 0.2
done

base="http://localhost:$port"
cat <<INFO

  The pipeline is running (local host: the app runs both blob triggers itself over the official storage clients).
    Viewer:   $base/
    API:      $base/api/articles   $base/api/alignments   $base/api/clusters   $base/api/health
    OpenAPI:  $base/api/openapi.json
  Try:
    curl -s $base/api/articles
    curl -s '$base/api/alignments?q=deconflict'
    curl -s '$base/api/clusters?minArticles=3'
  Add articles by uploading blobs into the 'articles' container (or restart with new files in seeds/).
  Ctrl-C stops the app$( [ ${#pids[@]} -gt 1 ] && echo " and Azurite" ).

INFO
wait "$app_pid"

#!/bin/sh
# azd postdeploy hook: wires Event Grid to the blob-triggered functions once the code is deployed.
# Deploys infra/app/blob-subscriptions.bicep (one webhook subscription per blob trigger). It must run after
# deployment because the webhook URL carries the host's blobs_extension system key, which the host creates
# only after it has loaded the deployed blob-triggered functions. Needs the Azure CLI, signed in (`az login`).
# POSIX sh: azd runs it with `sh`; azd exports the main.bicep outputs as environment variables.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
: "${AZURE_RESOURCE_GROUP:?run through azd (azd up / azd deploy) so the main.bicep outputs are set}"
: "${AZURE_FUNCTION_APP_NAME:?run through azd so the main.bicep outputs are set}"
: "${EVENT_GRID_SYSTEM_TOPIC_NAME:?run through azd so the main.bicep outputs are set}"
command -v az >/dev/null 2>&1 || { echo "error: Azure CLI (az) not found; install it and run 'az login'" >&2; exit 1; }

# Wait for the key: a cold Flex instance has to start and index the functions first.
attempt=1
until [ -n "$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" \
    --query systemKeys.blobs_extension -o tsv 2>/dev/null)" ]; do
  if [ "$attempt" -ge 20 ]; then
    echo "error: blobs_extension key never appeared on $AZURE_FUNCTION_APP_NAME; check the app's logs, then rerun 'azd deploy'" >&2
    exit 1
  fi
  echo "waiting for the blobs_extension system key ($attempt/20)..."
  attempt=$((attempt + 1))
  sleep 15
done

# Event Grid validates each webhook when the subscription is created; retry in case the instance went cold.
attempt=1
until az deployment group create -g "$AZURE_RESOURCE_GROUP" --name blob-subscriptions \
    --template-file "$root/infra/app/blob-subscriptions.bicep" \
    --parameters functionAppName="$AZURE_FUNCTION_APP_NAME" systemTopicName="$EVENT_GRID_SYSTEM_TOPIC_NAME" \
    --output none; do
  if [ "$attempt" -ge 3 ]; then
    echo "error: creating the Event Grid subscriptions failed 3 times; rerun 'azd deploy' or this script" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 20
done
echo "Event Grid subscriptions ready on $EVENT_GRID_SYSTEM_TOPIC_NAME"

#!/usr/bin/env bash
# Builds the solution and runs every test project; the last line printed is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

results=TestResults
summary() { echo; echo "$1 passed, $2 failed"; }

ensure_dotnet && ensure_azurite && ensure_chromium || { summary 0 1; exit 1; }
export PIPELINE_AZURITE="$azurite_bin"

echo "== build" >&2
if ! dotnet build Pipeline.sln -c Release -nologo -v quiet; then
  echo "error: the build failed (see above)" >&2
  summary 0 1; exit 1
fi

passed=0; failed=0; broken=()
rm -rf "$results"
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name" >&2
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results/$name"
  rc=$?
  trx="$results/$name/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); p=${p:-0}
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=${f:-0}
  else
    p=0; f=0
  fi
  # A run that crashed or errored outside any test still counts as a failure.
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; broken+=("$name (exit $rc)"); fi
  passed=$((passed + p)); failed=$((failed + f))
done

[ ${#broken[@]} -gt 0 ] && echo "Test projects that did not finish cleanly: ${broken[*]}" >&2
summary "$passed" "$failed"
[ "$failed" = 0 ]

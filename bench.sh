#!/usr/bin/env bash
# Reproduces every figure of docs/performance.md on this machine: builds the benchmark, runs the macro benchmark
# (incremental alignment vs corpus size, the naive DiffPlex and difflib alternatives, the read+tokenize floor,
# memory, and 1,000 articles end to end through the standalone app on Azurite), then the shared corpus's 383 real
# articles end to end with 16 writers, once with each candidate index (Pipeline.Bench e2e-corpus --index mirror, then
# sharded: rate, storage requests per article for the first 100 and for the rest, the hottest table partition's share,
# CPU per article; then the mirrored index again without Azurite's debug log, for the rate alone), then the BenchmarkDotNet micro-benchmarks. Results land in
# bench/results/ (results.md, results.csv, time-per-article.svg, e2e-corpus.md with the load average, micro/).
#
#   ./bench.sh            full run: ~15-20 min on 2 busy cores (the 100k index build and the 8-min e2e budget dominate)
#   ./bench.sh --quick    smoke run: 300 and 1,000 articles, 6 queries, 40 articles end to end (30 s), the first 40
#                         corpus articles end to end (20 + 20), one micro dry run
#   ./bench.sh --no-e2e   skip both Azurite end-to-end parts    ./bench.sh --no-micro   skip BenchmarkDotNet
#   ./bench.sh --no-profile   skip the dotnet-trace CPU profile of the full path (bench/results/profile-top.txt)
#   ./bench.sh -- --corpus DIR --sizes 1000,10000 ...   anything after -- goes to the macro driver (--corpus also to e2e-corpus)
#   ./bench.sh --scale    only the scale simulation of the sharded candidate index (docs/scale.md): 100k, 1M and 10M
#                         stored articles against a request-counting table, ~1 min; writes bench/results/scale.md
#   ./bench.sh --scale-azurite   the same, plus the index timed on a private Azurite (a few more minutes)
#
# Real text: ../shared/corpora/news-cluster is used when found by walking up from here (or pass --corpus DIR);
# otherwise the repository's seeds/. The corpus is read at run time and never copied into the repository.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

quick=0; e2e=1; micro=1; profile=1; scale=0; scale_azurite=0; extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-e2e) e2e=0 ;;
    --no-micro) micro=0 ;;
    --no-profile) profile=0 ;;
    --scale) scale=1 ;;
    --scale-azurite) scale=1; scale_azurite=1 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "error: unknown option $1 (see ./bench.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

ensure_dotnet
if [ "$scale" = 1 ]; then
  echo "== build" >&2
  dotnet build bench/Pipeline.Bench -c Release -nologo -v quiet
  scale_args=(scale)
  if [ "$scale_azurite" = 1 ]; then
    ensure_azurite
    export PIPELINE_AZURITE="$azurite_bin"
    scale_args+=(--azurite)
  fi
  echo "== scale simulation" >&2
  exec dotnet bench/Pipeline.Bench/bin/Release/net10.0/Pipeline.Bench.dll "${scale_args[@]}" "${extra[@]}"
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "python3 not found (the difflib baseline needs it): installing Debian's python3..." >&2
  apt_install python3 || { echo "error: install python3 and run this again." >&2; exit 1; }
fi

echo "== build" >&2
dotnet build bench/Pipeline.Bench -c Release -nologo -v quiet
args=(macro)
[ "$quick" = 1 ] && args+=(--quick)
if [ "$e2e" = 1 ]; then
  ensure_azurite
  export PIPELINE_AZURITE="$azurite_bin"
  dotnet build src/Pipeline.Functions -c Release -nologo -v quiet
  args+=(--e2e)
fi

echo "== macro benchmark" >&2
dotnet bench/Pipeline.Bench/bin/Release/net10.0/Pipeline.Bench.dll "${args[@]}" "${extra[@]}"

if [ "$e2e" = 1 ]; then
  echo "== the shared corpus end to end, 16 writers: mirrored, sharded, then mirrored without the request log (bench/results/e2e-corpus.md)" >&2
  corpus_args=()
  for ((i = 0; i + 1 < ${#extra[@]}; i++)); do
    [ "${extra[i]}" = --corpus ] && corpus_args=(--corpus "${extra[i + 1]}")
  done
  e2e_args=(e2e-corpus --writers 16 "${corpus_args[@]}")
  [ "$quick" = 1 ] && e2e_args+=(--articles 40 --first 20 --seconds 120)
  # Wall-clock rates mean little without the machine's load (other builds share the cores), so it is written with them.
  # The request counts come from Azurite's debug log, which costs Azurite about a quarter of its CPU on this path; the
  # mirrored run is repeated without it for the rate the pipeline itself reaches.
  { for run in "mirror" "sharded" "mirror --no-request-log"; do
      echo "Load at start: $(uptime)"; echo
      # shellcheck disable=SC2086 # $run is an index and, for the last run, a flag
      dotnet bench/Pipeline.Bench/bin/Release/net10.0/Pipeline.Bench.dll "${e2e_args[@]}" --index $run
      echo; echo "Load at end: $(uptime)"; echo
    done; } | tee bench/results/e2e-corpus.md
fi

if [ "$profile" = 1 ] && [ "$quick" = 0 ]; then
  echo "== CPU profile of the full path (dotnet-trace, sampled)" >&2
  tools=bench/results/tools
  if [ ! -x "$tools/dotnet-trace" ]; then
    dotnet tool install dotnet-trace --version 10.0.750501 --tool-path "$tools" >/dev/null \
      || echo "warning: could not install dotnet-trace from NuGet; skipping the profile" >&2
  fi
  if [ -x "$tools/dotnet-trace" ]; then
    "$tools/dotnet-trace" collect --profile dotnet-common,dotnet-sampled-thread-time -o bench/results/profile.nettrace -- \
      dotnet bench/Pipeline.Bench/bin/Release/net10.0/Pipeline.Bench.dll profile --count 1000 >/dev/null
    { echo "# Top methods by exclusive thread-time samples (~100 Hz stack samples of .NET threads): full path over 1,000 generated articles, single-threaded"; \
      "$tools/dotnet-trace" report bench/results/profile.nettrace topN -n 25; \
      echo; echo "# By inclusive samples"; \
      "$tools/dotnet-trace" report bench/results/profile.nettrace topN -n 40 --inclusive; } > bench/results/profile-top.txt
    cat bench/results/profile-top.txt
  fi
fi

if [ "$micro" = 1 ]; then
  echo "== micro-benchmarks (BenchmarkDotNet)" >&2
  if [ "$quick" = 1 ]; then
    dotnet bench/Pipeline.Bench/bin/Release/net10.0/Pipeline.Bench.dll micro --smoke --filter '*PairBenchmarks*' --artifacts bench/results/micro
  else
    dotnet bench/Pipeline.Bench/bin/Release/net10.0/Pipeline.Bench.dll micro --filter '*' --artifacts bench/results/micro
  fi
fi
echo "Results: bench/results/results.md, results.csv, time-per-article.svg, e2e-corpus.md; micro-benchmarks in bench/results/micro/results/" >&2

#!/usr/bin/env bash
# Runs the benchmarks of issues #6 and #14 and writes docs/BENCHMARKS.md: BenchmarkDotNet micro-benchmarks of the
# hot path, then whole runs (block swap, throughput against the plain loop, allocations per minibatch, softmax
# against ML.NET SDCA, MLP against ML.NET LightGBM, the embedded trainer's Predict and channel feed), all in one
# process so every comparison is side by side. The adaptive policy's figures (issue #10) come from
# bench/adaptive.sh, which takes an hour, and the service's ingestion (issue #13) from bench/service-memory.sh; they are
# appended from bench/notes/adaptive.md and bench/notes/service.md, written from their output.
# Takes about 10 minutes on 2 cores (LightGBM alone 75-95 s). Run it on an otherwise idle machine.
# Extra arguments go to the program, e.g. `bench/run.sh --skip lightgbm` or `bench/run.sh --quick --out /tmp/b.md`.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/HybridSgd.Bench -c Release
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  commit="$commit with uncommitted changes"
fi
dotnet bench/HybridSgd.Bench/bin/Release/net10.0/HybridSgd.Bench.dll \
  --commit "$commit" --command "bench/run.sh${*:+ $*}" --notes bench/notes/adaptive.md --notes bench/notes/service.md "$@"

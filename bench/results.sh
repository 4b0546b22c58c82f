#!/usr/bin/env bash
# Reproduces docs/RESULTS.md's experiments: sync / async / hybrid / ML.NET SDCA on Fashion-MNIST,
# 4 workers, 20 s budget, 5 seeds, for softmax and MLP under the uniform and stragglers scenarios.
# Takes about 30 minutes on 2 cores. Run it on an otherwise idle machine. --stop budget: since issue 10 a run
# stops once converged by default; these tables compare every method over the whole 20 s.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Host -c Release
out=${1:-docs/results}
run() {
  local name=$1; shift
  dotnet src/Host/bin/Release/net10.0/hybridsgd.dll compare --dataset fashion-mnist --methods sync,async,hybrid,sdca \
    --workers 4 --stop budget --budget 20s --seeds 5 --out "$out/$name" "$@" > "$out/$name.log" 2>&1
  echo "== $name"; cat "$out/$name/summary.md"
}
mkdir -p "$out"
run softmax-uniform    --model softmax --scenario uniform
run softmax-stragglers --model softmax --scenario stragglers
run mlp-uniform        --model mlp --hidden 128 --learning-rate 0.1 --scenario uniform
run mlp-stragglers     --model mlp --hidden 128 --learning-rate 0.1 --scenario stragglers

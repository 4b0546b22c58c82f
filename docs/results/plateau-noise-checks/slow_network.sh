#!/usr/bin/env bash
# Softmax under slow network, linear hybrid vs adaptive, 20 s each (`--stop budget`), seeds 1..N, two builds
# interleaved seed by seed: the Done-when row where adaptive had been later to 0.84. Usage:
# slow_network.sh OUT "nameA=dirA nameB=dirB" [seeds] — each dir a copied Release build. About 3 minutes per seed
# per build pair on an idle 2-core machine. Pair: python3 docs/results/adaptive-slowdown-checks/time_to_084.py OUT/name/s*/compare.json
set -euo pipefail
out=$1; builds=$2; seeds=${3:-8}
cd "$(dirname "$0")/../../.."
for seed in $(seq 1 "$seeds"); do
  for build in $builds; do
    name=${build%%=*}; dir=${build#*=}
    mkdir -p "$out/$name"
    "$dir/hybridsgd" compare --dataset fashion-mnist --methods hybrid,adaptive --workers 4 --stop budget --budget 20s \
      --model softmax --scenario slow-network --seed "$seed" --seeds 1 --out "$out/$name/s$seed" > "$out/$name/s$seed.log" 2>&1
  done
done

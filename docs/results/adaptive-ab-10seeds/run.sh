#!/usr/bin/env bash
# The 10-seed re-check of time to 0.84 (linear hybrid vs adaptive) in the three scenarios where the full
# bench/adaptive.sh run at 679d018 had adaptive later; run 2026-11-29 13:34-13:55 on an idle machine with a build of
# main at e80a5b7 (the policy as at 679d018). About 7 minutes per scenario. time_to_084.py reads the per-seed times.
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet build src/Host -c Release >/dev/null
out=docs/results/adaptive-ab-10seeds
run() { local name=$1; shift
  dotnet src/Host/bin/Release/net10.0/hybridsgd.dll compare --dataset fashion-mnist --methods hybrid,adaptive --workers 4 \
    --stop budget --budget 20s --seeds 10 --out "$out/$name" "$@" > "$out/$name.log" 2>&1
  echo "== $name"; grep -E '^\| (hybrid|adaptive) ' "$out/$name/summary.md"; }
run softmax-uniform --model softmax --scenario uniform
run softmax-stragglers --model softmax --scenario stragglers
run mlp-stragglers --model mlp --hidden 128 --learning-rate 0.1 --scenario stragglers
# Seeds 11-30 of softmax uniform (2026-11-29 15:38-15:52, a build of b0708a6).
run softmax-uniform-seeds11-30 --model softmax --scenario uniform --seed 11 --seeds 20
python3 "$out/time_to_084.py" softmax-uniform softmax-stragglers mlp-stragglers softmax-uniform-seeds11-30

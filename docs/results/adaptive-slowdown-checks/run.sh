#!/usr/bin/env bash
# The checks around the validation slowdown step (2026-11-29, a build of b6294c1 / 54c3cf8): linear hybrid vs
# adaptive, 20 s each, `--stop budget`, seeds interleaved. softmax uniform seeds 11-30 (17:08-17:23; the seeds on
# which the previous policy was 0.19 s later to 0.84), MLP stragglers seeds 1-10 (17:24-17:35), and seeds 6-15 of
# both slow-network scenarios (18:28-18:44), where bench/adaptive.sh's five seeds had adaptive later. About 45
# minutes on an idle 2-core machine. time_to_084.py pairs the runs by seed: `python3 time_to_084.py DIR/compare.json...`.
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet build src/Host -c Release >/dev/null
out=docs/results/adaptive-slowdown-checks
run() { local name=$1; shift
  dotnet src/Host/bin/Release/net10.0/hybridsgd.dll compare --dataset fashion-mnist --methods hybrid,adaptive --workers 4 \
    --stop budget --budget 20s --out "$out/$name" "$@" > "$out/$name.log" 2>&1
  echo "== $name"; python3 "$out/time_to_084.py" "$out/$name/compare.json"; }
run softmax-uniform-11-30 --model softmax --scenario uniform --seed 11 --seeds 20
run mlp-stragglers-1-10 --model mlp --hidden 128 --learning-rate 0.1 --scenario stragglers --seed 1 --seeds 10
run softmax-slow-6-15 --model softmax --scenario slow-network --seed 6 --seeds 10
run mlp-slow-6-15 --model mlp --hidden 128 --learning-rate 0.1 --scenario slow-network --seed 6 --seeds 10

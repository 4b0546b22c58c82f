#!/usr/bin/env bash
# After L2 followed ML.NET SDCA's default (2.85e-5 on Fashion-MNIST's 54,000 training rows, was 1e-5): seeds 6-15 of
# softmax under slow network, linear hybrid vs adaptive, 20 s each, `--stop budget`, seeds interleaved — the row where
# bench/adaptive.sh's five seeds had adaptive later to 0.84. About 8 minutes on an idle 2-core machine. Pair the runs
# with docs/results/adaptive-slowdown-checks/time_to_084.py.
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet build src/Host -c Release >/dev/null
out=docs/results/sdca-l2-checks
dotnet src/Host/bin/Release/net10.0/hybridsgd.dll compare --dataset fashion-mnist --methods hybrid,adaptive --workers 4 \
  --stop budget --budget 20s --model softmax --scenario slow-network --seed 6 --seeds 10 \
  --out "$out/softmax-slow-6-15" > "$out/softmax-slow-6-15.log" 2>&1
python3 docs/results/adaptive-slowdown-checks/time_to_084.py docs/results/adaptive/softmax-slow-network/compare.json "$out/softmax-slow-6-15/compare.json"

#!/usr/bin/env bash
# The default command with a cap (`train --budget 2s|3s|5s`, the converged stop), seeds 1-6, two builds interleaved:
# before (the end floor prepared for the cap) and after (a converged run's cap is a safety net). Usage:
# run.sh OUT "nameA=dirA nameB=dirB" — each dir a copied Release build. About 4 minutes on an idle 2-core machine.
# Summarise with summary.py OUT nameA nameB.
set -euo pipefail
out=$1; builds=$2
cd "$(dirname "$0")/../../.."
for cap in 2s 3s 5s; do
  for seed in 1 2 3 4 5 6; do
    for build in $builds; do
      name=${build%%=*}; dir=${build#*=}
      mkdir -p "$out"
      "$dir/hybridsgd" train --budget "$cap" --seed "$seed" --out "$out/$name-$cap-$seed" > "$out/$name-$cap-$seed.log" 2>&1
    done
  done
done

#!/usr/bin/env bash
# Two builds side by side on the users' CSVs: for each file and split 1..N, build A then build B (interleaved, so
# the machine's drift falls on both), adaptive only, `compare --seed S --seeds 1` as bench/adaptive.sh runs it.
# Usage: ab.sh OUT "nameA=dirA nameB=dirB" [splits] — each dir a copied Release build (src/Host/bin/Release/net10.0).
# SDCA's figures for the pairing come from bench/adaptive.sh's csv part (docs/results/adaptive/csv-*); pair with
# paired.py. Needs runs/public/*.csv (bench/adaptive.sh writes them). About 5 minutes per 10 splits per build.
set -euo pipefail
out=$1; builds=$2; splits=${3:-10}
cd "$(dirname "$0")/../../.."
for spec in iris:species wine:cultivar breast-cancer:diagnosis diabetes:progression digits:digit; do
  ds=${spec%%:*}; label=${spec##*:}
  for split in $(seq 1 "$splits"); do
    for build in $builds; do
      name=${build%%=*}; dir=${build#*=}
      mkdir -p "$out/$name"
      "$dir/hybridsgd" compare --train "runs/public/$ds.csv" --label "$label" --methods adaptive --seed "$split" \
        --seeds 1 --out "$out/$name/$ds-$split" > "$out/$name/$ds-$split.log" 2>&1
    done
  done
done

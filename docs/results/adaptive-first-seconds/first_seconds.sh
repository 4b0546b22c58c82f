#!/usr/bin/env bash
# usage: first_seconds.sh OUT "name|ENV=v|dll|extra args;..." seeds
cd "$(dirname "$0")/../../.."  # the repository: appsettings.json is read from here
out=$1; IFS=';' read -ra arms <<< "$2"; seeds=$3
mkdir -p $out
for s in $seeds; do
  if (( s % 2 )); then order=("${arms[@]}"); else order=(); for ((i=${#arms[@]}-1;i>=0;i--)); do order+=("${arms[i]}"); done; fi
  for arm in "${order[@]}"; do
    IFS='|' read -r name envs dll extra <<< "$arm"
    env $envs timeout -s INT 4.2 dotnet $dll train --model mlp --hidden 128 --learning-rate 0.1 --scenario stragglers --stop budget --budget 20s --eval-interval 0.25s --seed $s --out "$out/scratch" $extra > $out/$name-$s.log 2>&1
  done
done

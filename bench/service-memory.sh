#!/usr/bin/env bash
# Peak memory of `hybridsgd serve` while Fashion-MNIST's training set (60 000 rows × 784 pixels, 133 MB of CSV)
# is streamed N times through the inbox. Converts the embedded gzip IDX files to CSV once (bench/FashionMnistCsv.cs),
# drops N hard links to it into a fresh inbox (each one a complete file at once, as the inbox rule asks), samples
# VmHWM/VmRSS of the service from /proc every 0.1 s until status.json (written every 0.1 s) says every row is trained
# on, then stops it with SIGTERM. (Until 2026-11-29 both were 0.5 s, which added up to a second to every timing.)
# Usage: [BUILD=plain] bench/service-memory.sh [N=1] [extra serve switches, e.g. --Service:SegmentRows 5000]
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-1}
shift || true
work=runs/bench-service
csv=$work/fashion-mnist-train.csv
mkdir -p "$work"
if [ ! -f "$csv" ]; then
  dotnet run bench/FashionMnistCsv.cs -- data/fashion-mnist "$csv"
fi
# The service as it is deployed: published for this machine's runtime identifier, ReadyToRun (precompiled, so a
# start does not wait on the JIT: see docs/SERVICE.md, "Under systemd"). BUILD=plain measures `dotnet build`'s output instead.
case "$(uname -m)" in aarch64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
if [ "${BUILD:-publish}" = plain ]; then
  dotnet build src/Host -c Release -v quiet -nologo > /dev/null
  app=src/Host/bin/Release/net10.0
else
  app=$work/app-$rid
  dotnet publish src/Host -c Release -r "$rid" --self-contained false -o "$app" -v quiet -nologo > /dev/null
fi

run=$work/n$copies
rm -rf "$run"
mkdir -p "$run/inbox"
for i in $(seq 1 "$copies"); do
  ln "$csv" "$run/inbox/copy-$(printf %03d "$i").csv"
done

dotnet "$app/hybridsgd.dll" serve --inbox "$run/inbox" --model-dir "$run/model" --label Label \
  --Service:StatusInterval 100ms --Service:SettleTime 0s "$@" > "$run/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
expected=$((copies * 60000))
start=$(date +%s.%N)
peak_rss=0
while kill -0 $pid 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
  rows=$(grep -o '"rows": [0-9]*' "$run/model/status.json" 2>/dev/null | grep -o '[0-9]*$' || echo 0)
  state=$(grep -o '"state": "[a-z]*"' "$run/model/status.json" 2>/dev/null | grep -o '[a-z]*"$' | tr -d '"' || true)
  if [ "${rows:-0}" -ge "$expected" ] && [ "$state" = waiting ]; then
    break
  fi
  sleep 0.1
done
end=$(date +%s.%N)
hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
kill -TERM $pid
wait $pid || true
trap - EXIT
seconds=$(echo "$end - $start" | bc)
printf 'copies %d, rows %d, %.1f s (%.0f rows/s); peak VmHWM %.0f MB, VmRSS at the end %.0f MB (max sampled %.0f MB)\n' \
  "$copies" "$expected" "$seconds" "$(echo "$expected / $seconds" | bc -l)" "$(echo "$hwm / 1024" | bc -l)" \
  "$(echo "$rss / 1024" | bc -l)" "$(echo "$peak_rss / 1024" | bc -l)"
grep -c 'Trained on' "$run/serve.log" | xargs printf '%s files trained on; '
grep -o '"progressiveAccuracy": [0-9.]*' "$run/model/status.json" || true

#!/usr/bin/env bash
# train --cluster across real processes on loopback: starts redis-server on a free loopback port (membership), then
# N silo processes (silo 0 starts the job, holds the weights, evaluates and writes report.json), and prints the test
# accuracy, updates, bytes per update and mean push/pull latency from the report.
#
#   bench/cluster.sh                 3 silos, Fashion-MNIST softmax, hybrid (adaptive), 80 epochs with a cosine
#                                    learning-rate decay; fails below 0.84
#   bench/cluster.sh --kill          the same, and kill -9 the last silo (not the one holding the weights) mid-run:
#                                    the run must still complete, and the report says what was lost with it
#   bench/cluster.sh --short         a CI-sized run (3 epochs, target 0.78), well under 2 minutes here
#   bench/cluster.sh --silos 1       the same job on one silo (the overhead comparison)
# More: --epochs N, --lr-decay none|linear|cosine, --workers N (per silo), --target ACC, --membership localhost|redis,
# --out DIR, --no-build, and any further switches after -- go to every silo.
# Why a decay: a cluster run has no converged stop yet (the parameter server scores no validation slice), so the
# end of training comes from the epochs; measured on 3 silos, 40 epochs gave 0.8372 at a constant rate and 0.8411–
# 0.8423 with the cosine decay, but 0.8398–0.8410 with a silo killed half-way; 80 epochs give 0.8428, and 0.8426–0.8427
# with the kill (a single process reaches 0.844 by halving the rate on validation plateaus instead).
#
# Without redis-server (and no way to install it) it falls back to localhost membership and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

silos=3 epochs=80 decay=cosine workers=2 target=0.84 kill=0 membership=redis out=runs/cluster build=1 short=0
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --short) short=1; epochs=3; target=0.78 ;;
    --kill) kill=1 ;;
    --silos) silos=$2; shift ;;
    --epochs) epochs=$2; shift ;;
    --lr-decay) decay=$2; shift ;;
    --workers) workers=$2; shift ;;
    --target) target=$2; shift ;;
    --membership) membership=$2; shift ;;
    --out) out=$2; shift ;;
    --no-build) build=0 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "bench/cluster.sh: unknown argument '$1' (see the header of this script)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$kill" = 1 ] && [ "$silos" -lt 2 ]; then
  echo "bench/cluster.sh: --kill needs at least 2 silos (silo 0 holds the weights)" >&2
  exit 2
fi

# Everything here runs at the lowest priority: the machine may be shared with other benchmarks.
run_dotnet() { nice -n 19 env MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 dotnet "$@"; }
if [ "$build" = 1 ]; then
  run_dotnet build src/Host -c Release -v quiet -nologo -p:UseSharedCompilation=false > /dev/null
fi
exe=src/Host/bin/Release/net10.0/hybridsgd.dll

# Free loopback ports: one for Redis, and runs of N consecutive ones for the silos and their gateways.
read -r redis_port silo_port gateway_port < <(python3 - "$silos" <<'EOF'
import random, socket, sys
n = int(sys.argv[1])
def free(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port)); return True
        except OSError:
            return False
def run(avoid):
    while True:
        base = random.randrange(20000, 40000 - n)
        ports = range(base, base + n)
        if all(free(p) and p not in avoid for p in ports):
            return base
with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); redis = s.getsockname()[1]
silo = run({redis})
gateway = run({redis, *range(silo, silo + n)})
print(redis, silo, gateway)
EOF
)

rm -rf "$out"
mkdir -p "$out"
pids=()
redis_pid=
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

cluster=(--cluster --silos "$silos" --silo-port "$silo_port" --gateway-port "$gateway_port" --cluster-id "bench-$$")
if [ "$membership" = redis ] && ! command -v redis-server > /dev/null 2>&1; then
  echo "redis-server is not installed: falling back to localhost membership (silo 0 keeps the table)" >&2
  membership=localhost
fi
if [ "$membership" = redis ]; then
  nice -n 19 redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no > "$out/redis.log" 2>&1 &
  redis_pid=$!
  for _ in $(seq 1 100); do
    if redis-cli -p "$redis_port" ping 2> /dev/null | grep -q PONG; then break; fi
    sleep 0.1
  done
  redis-cli -p "$redis_port" ping | grep -q PONG || { echo "redis-server did not start (see $out/redis.log)" >&2; exit 1; }
  cluster+=(--membership redis --redis "127.0.0.1:$redis_port")
  echo "redis-server on 127.0.0.1:$redis_port"
else
  cluster+=(--membership localhost)
fi

job=(train "${cluster[@]}" --dataset fashion-mnist --model softmax --mode hybrid --policy adaptive --workers "$workers"
  --stop epochs --epochs "$epochs" --lr-decay "$decay" "${extra[@]}")
echo "$silos silos on ports $silo_port.., $workers workers each, $epochs epochs, membership $membership"
started=$(date +%s.%N)
for i in $(seq 0 $((silos - 1))); do
  nice -n 19 dotnet "$exe" "${job[@]}" --silo-index "$i" --out "$out/silo-$i" > "$out/silo-$i.log" 2>&1 &
  pids+=($!)
done

if [ "$kill" = 1 ]; then
  victim=$((silos - 1))
  # Mid-run: once the coordinator's progress line shows half of the planned examples (54,000 Fashion-MNIST training
  # rows a pass), silo `victim` dies without a word and its shard's second half is lost with it.
  half=$((54000 * epochs / 2))
  until [ "$(grep -oE 'examples [0-9]+' "$out/silo-0.log" | tail -n 1 | cut -d' ' -f2 || true)" -ge "$half" ] 2> /dev/null; do
    kill -0 "${pids[0]}" 2> /dev/null || { echo "silo 0 ended before the kill (see $out/silo-0.log)" >&2; exit 1; }
    sleep 0.2
  done
  kill -9 "${pids[$victim]}"
  echo "killed silo $victim (pid ${pids[$victim]}) with SIGKILL at $(grep 'updates [1-9]' "$out/silo-0.log" | tail -n 1 | sed -E 's/^[0-9:]+ +//')"
fi

status=0
wait "${pids[0]}" || status=$?
for i in $(seq 1 $((silos - 1))); do
  if [ "$kill" = 1 ] && [ "$i" = "$victim" ]; then continue; fi
  wait "${pids[$i]}" || { echo "silo $i exited with an error (see $out/silo-$i.log)" >&2; status=1; }
done
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
if [ "$status" != 0 ] || [ ! -s "$out/silo-0/report.json" ]; then
  echo "the run failed (exit $status): see $out/silo-0.log" >&2
  tail -n 20 "$out/silo-0.log" >&2
  exit 1
fi

python3 - "$out/silo-0/report.json" "$target" "$elapsed" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1])); target = float(sys.argv[2]); c = report["cluster"]; w = c["wire"]
accuracy = report["test"]["accuracy"]
print(f"test accuracy {accuracy:.4f} (target {target}), {report['updates']} updates, {report['gradients']} gradients, "
      f"{report['examples']} examples in {report['trainSeconds']:.1f}s of training ({float(sys.argv[3]):.1f}s with start-up)")
print(f"{w['updatesPerSecond']:.0f} updates/s, {w['examplesPerSecond']:.0f} examples/s; "
      f"{w['payloadBytesPerGradient']} bytes per gradient, {w['bytesPerUpdate']:.0f} bytes per update (pushed + pulled); "
      f"mean push {w['meanPushMs']:.2f} ms (until applied), mean pull {w['meanPullMs']:.2f} ms")
print(f"silos lost {c['lostSilos']}, workers lost {c['lostWorkers']}, gradients lost {c['gradientsLost']} "
      f"({c['examplesLost']} examples); duplicates applied {c['duplicateApplications']}")
for s in c["perSilo"]:
    print(f"  silo {s['index']}: planned {s['plannedGradients']}, accepted {s['gradientsAccepted']}, "
          f"{'DEAD, lost ' + str(s['lostGradients']) if s['dead'] else 'alive'}")
k = " ".join(f"{t['oldThreshold']}->{t['newThreshold']}@{t['seconds']:.1f}s" for t in report["thresholdChanges"])
print(f"k changes: {k or 'none'}")
sys.exit(0 if accuracy >= target else 3)
EOF

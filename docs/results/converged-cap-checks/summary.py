# Per cap and build: mean ± sd test accuracy (and the lowest), log-loss, training seconds, and how each run ended
# (c converged, b budget), from run.sh's report.json files.
import json, statistics as st, sys

out, builds = sys.argv[1], sys.argv[2:]
for cap in ['2s', '3s', '5s']:
    for build in builds:
        reports = [json.load(open(f'{out}/{build}-{cap}-{seed}/report.json')) for seed in range(1, 7)]
        acc = [r['test']['accuracy'] for r in reports]
        loss = [r['test']['logLoss'] for r in reports]
        secs = [r['trainSeconds'] for r in reports]
        ended = ''.join(r['endedBy'][0] for r in reports)
        print(f"--budget {cap} {build:7s} accuracy {st.mean(acc):.4f} ± {st.stdev(acc):.4f} (lowest {min(acc):.4f}), "
              f"log-loss {st.mean(loss):.4f} ± {st.stdev(loss):.4f}, train s {st.mean(secs):.2f}, ended {ended}")

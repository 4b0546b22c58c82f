# The default command (`train --seed N`, no flags) per build: mean ± sd of test accuracy, log-loss and training
# seconds over the seeds, from default/<build>/seed-N/report.json (ab-style runs, builds interleaved seed by seed).
import glob, json, statistics as st, sys

for build in sys.argv[1:] or ['main', 'noise']:
    reports = [json.load(open(p)) for p in sorted(glob.glob(f'default/{build}/seed-*/report.json'))]
    acc = [r['test']['accuracy'] for r in reports]
    loss = [r['test']['logLoss'] for r in reports]
    secs = [r['trainSeconds'] for r in reports]
    converged = sum(r['endedBy'] == 'converged' for r in reports)
    print(f"{build:6s} {len(reports)} seeds, {converged} converged: accuracy {st.mean(acc):.4f} ± {st.stdev(acc):.4f} "
          f"[{min(acc):.4f}, {max(acc):.4f}], log-loss {st.mean(loss):.4f} ± {st.stdev(loss):.4f}, "
          f"train s {st.mean(secs):.2f} ± {st.stdev(secs):.2f} [{min(secs):.2f}, {max(secs):.2f}]")

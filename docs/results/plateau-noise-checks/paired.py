# Adaptive against ML.NET SDCA on the same split, pooled over one or more ab.sh output folders of one build:
# mean paired difference (score: accuracy or R²; loss: log-loss or RMSE) with its standard error over the ten splits
# (a split's runs are averaged first: runs of one split are not independent), and the training time's mean, 90th
# percentile, maximum and share of runs within 1 s. SDCA's runs: docs/results/adaptive/csv-*.
import json, math, os, statistics as st, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'adaptive')

def figures(path, want=None):
    for method in json.load(open(path))['methods']:
        run = method['runs'][0]
        name = 'sdca' if run['mode'] not in ('sync', 'async', 'hybrid') else 'adaptive'
        if want in (None, name):
            t = run['test']
            return t.get('accuracy', t.get('rSquared')), t.get('logLoss', t.get('rmse')), run['trainSeconds']

for ds in ['iris', 'wine', 'breast-cancer', 'diabetes', 'digits']:
    score, loss, seconds, runs = [], [], [], 0
    for split in range(1, 11):
        paths = [f'{folder}/{ds}-{split}/compare.json' for folder in sys.argv[1:]]
        ours = [figures(p) for p in paths if os.path.exists(p)]
        if not ours:
            continue
        s = figures(f'{ROOT}/csv-{ds}/split-{split}/compare.json', 'sdca')
        score.append(st.mean(a[0] for a in ours) - s[0]); loss.append(st.mean(a[1] for a in ours) - s[1])
        seconds.extend(a[2] for a in ours); runs += len(ours)
    if len(score) < 2:
        continue
    se = lambda x: st.stdev(x) / math.sqrt(len(x))
    seconds.sort()
    print(f"{ds:13s} {len(score)} splits, {runs:2d} runs  score {st.mean(score):+.4f} (se {se(score):.4f})  loss {st.mean(loss):+.4f} "
          f"(se {se(loss):.4f})  train s mean {st.mean(seconds):.2f} p90 {seconds[math.ceil(0.9 * len(seconds)) - 1]:.2f} "
          f"max {seconds[-1]:.2f} within 1 s {sum(t <= 1 for t in seconds) / len(seconds):.0%}")

# Replays the validation checks of 80 default-command runs held at k = 1 (k1-checks.txt.gz: seed, examples, loss;
# collected with a scratch build whose monitor only logged its checks: `train --mode async --stop budget --budget 4s
# --seed N --Logging:LogLevel:Default Debug`, N = 1…80) through the detector's rule (ConvergenceDetector: tolerance
# 2 %, three checks in the second half, the scatter from five jumps), asking where the first plateau — the one that
# settles k — falls when the rule must hold at 1, 2 or 3 consecutive checks, and how far the best loss then is above
# where that run's loss ended (the mean of its last million examples).
import gzip, os, statistics as st
from collections import defaultdict

def scatter(checks, middle):
    jumps = [abs(checks[i][1] - checks[i - 1][1]) for i in range(1, len(checks)) if checks[i - 1][0] > middle]
    return st.median(jumps) / 0.954 if len(jumps) >= 5 else 0.0

def holds(checks, tolerance=0.02, minimum_checks=3):
    middle = checks[-1][0] // 2
    first = [l for e, l in checks if e <= middle]
    second = [l for e, l in checks if e > middle]
    if not first or len(second) < minimum_checks:
        return False
    floor = 0.02 * checks[0][1]
    before = max(min(first), floor)
    gain = before - max(min(second), floor)
    return gain < before * tolerance or gain <= scatter(checks, middle)

def first_plateau(trace, consecutive):
    checks, held = [(0, 2.30)], 0
    for examples, loss in trace:
        checks.append((examples, loss))
        held = held + 1 if holds(checks) else 0
        if held >= consecutive:
            return examples, min(l for _, l in checks)
    return None, None

runs = defaultdict(list)
with gzip.open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'k1-checks.txt.gz'), 'rt') as f:
    for line in f:
        seed, examples, loss = line.split()
        runs[int(seed)].append((int(examples), float(loss)))

for consecutive in (1, 2, 3):
    at, above = [], []
    for seed, trace in sorted(runs.items()):
        ended = st.mean(l for e, l in trace if e >= trace[-1][0] - 1_000_000)
        examples, best = first_plateau(trace, consecutive)
        at.append((examples, seed))
        above.append((best - ended, seed, examples))
    early = [f"seed {s} at {e:,} (+{g:.3f})" for g, s, e in sorted(above, reverse=True) if g > 0.01]
    print(f"{consecutive} consecutive: median plateau at {st.median(e for e, _ in at):,.0f} examples, earliest "
          f"{min(at)[0]:,} (seed {min(at)[1]}); best loss there above the run's end: mean {st.mean(g for g, _, _ in above):+.4f}, "
          f"largest {max(above)[0]:+.4f}; more than 0.01 above: {', '.join(early) or 'none'}")

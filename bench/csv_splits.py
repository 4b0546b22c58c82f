#!/usr/bin/env python3
"""Summarises bench/adaptive.sh's users' CSVs: the default command (adaptive) against ML.NET SDCA on ten splits.

Reads OUT/csv-<name>/split-<n>/compare.json (one adaptive run and one SDCA run on split n) and prints one Markdown
row per dataset: mean test score (accuracy, or R² for regression) and loss (log-loss, or RMSE) of each, how many
splits adaptive matched or beat SDCA on, and the training seconds (mean and max) of each.
"""
import json
import pathlib
import statistics
import sys


def runs(split):
    report = json.loads((split / "compare.json").read_text())
    found = {}
    for method in report["methods"]:
        run = method["runs"][0]
        test = run["test"]
        name = "sdca" if run["mode"] not in ("sync", "async", "hybrid") else "adaptive"
        # float(): a metric that is not finite is written as the string "Infinity" or "NaN".
        found[name] = (float(test.get("accuracy", test.get("rSquared"))), float(test.get("logLoss", test.get("rmse"))), run["trainSeconds"])
    return found


def main(out):
    print("| data | splits | adaptive score | SDCA score | score ≥ SDCA | adaptive loss | SDCA loss | loss ≤ SDCA | adaptive train s (mean, max) | SDCA train s (mean, max) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in ["iris", "wine", "breast-cancer", "diabetes", "digits", "fashion-mnist"]:
        splits = sorted(pathlib.Path(out).glob(f"csv-{name}/split-*/compare.json"))
        pairs = [runs(p.parent) for p in splits]
        pairs = [p for p in pairs if "adaptive" in p and "sdca" in p]
        if not pairs:
            continue
        a = [p["adaptive"] for p in pairs]
        s = [p["sdca"] for p in pairs]
        mean = lambda rows, i: statistics.mean(r[i] for r in rows)
        wins = sum(x[0] >= y[0] for x, y in zip(a, s))
        lower = sum(x[1] <= y[1] for x, y in zip(a, s))
        print(f"| {name} | {len(pairs)} | {mean(a, 0):.4f} | {mean(s, 0):.4f} | {wins}/{len(pairs)} | {mean(a, 1):.4f} | {mean(s, 1):.4f} "
              f"| {lower}/{len(pairs)} | {mean(a, 2):.2f}, {max(r[2] for r in a):.2f} | {mean(s, 2):.2f}, {max(r[2] for r in s):.2f} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/results/adaptive")

#!/usr/bin/env python3
"""Summarises learning-curve runs over many seeds from each run's "Every world" table.

Usage: python3 bench/learning-summary.py DIR NAME[=LABEL] ...
Each NAME is a set of runs DIR/NAME-s1.md, DIR/NAME-s2.md, ... made by
  dotnet run -c Release --project bench/Kiriwake.Bench -- learning-curve --worlds 4 --cases 500 --seed N --out DIR --name NAME-sN [options]
Prints a Markdown table: target worlds (knowledge base alone > 10 % above the optimum) within 2 % after 500 cases,
mean gap over all worlds, the worst world, worlds worse than the knowledge base alone; then the first set's misses.
"""
import glob
import re
import sys


def worlds(path):
    table = open(path, encoding="utf-8").read().split("## Every world")[1]
    for line in table.splitlines():
        if not line.startswith("| ") or line.startswith("| symptom"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        pct = lambda s: float(s.replace("%", "").strip())
        # symptom, world, KB gap, gap after 500 (columns of LearningCurveHarness.Report)
        yield cells[0], int(cells[1]), pct(cells[5]), pct(cells[8])


def runs(folder, name):
    found = {int(re.search(r"-s(\d+)\.md$", f).group(1)): f for f in glob.glob(f"{folder}/{name}-s*.md")}
    return [found[s] for s in sorted(found)]


def main():
    folder, sets = sys.argv[1], [a.split("=", 1) + [a] for a in sys.argv[2:]]
    print("| runs | seeds | target worlds within 2 % after 500 | mean gap, all worlds | worst world | worse than the KB alone |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, label, *_ in sets:
        files = runs(folder, name)
        target = within = worse = 0
        gaps, worst = [], (0.0, "")
        for f in files:
            seed = re.search(r"-s(\d+)\.md$", f).group(1)
            for symptom, world, kb, gap in worlds(f):
                gaps.append(gap)
                worst = max(worst, (gap, f"{symptom} seed {seed} world {world}"))
                worse += gap > kb + 0.5
                if kb > 10:
                    target += 1
                    within += gap <= 2
        print(f"| {label} | {len(files)} | {within} of {target} | {sum(gaps) / len(gaps):.2f} % | {worst[0]:.2f} % ({worst[1]}) | {worse} of {len(gaps)} |")
    print()
    print(f"Misses of `{sets[0][1]}` (target worlds above 2 % after 500 cases):")
    print()
    for f in runs(folder, sets[0][0]):
        seed = re.search(r"-s(\d+)\.md$", f).group(1)
        for symptom, world, kb, gap in worlds(f):
            if kb > 10 and gap > 2:
                print(f"- seed {seed}, {symptom} world {world}: knowledge base alone {kb} %, learned {gap:.2f} %")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Whole-process `zanlex search` time of two or more builds, side by side: each run opens the
index, scans the corpus for freshness, searches and prints, as a user's command does. Runs
alternate between the builds; medians (and minima) in ms.

    benches/whole_search.py 15 target/compare/corpus-1000 target/compare/zanlex-index-1000 \\
        "виза мерзімі" /tmp/zanlex-before target/release/zanlex

QUERY `@compare` runs, instead of one query, the sample `benches/compare.py` times the whole
process with: four queries of each kind of benches/queries.txt, with `--json`.

A build may be given as BIN@INDEX to search an index of its own (two index formats side by
side); the others search INDEX. Every index must be up to date for its build (build it once
with it): a run that finds it stale would time a refresh.
"""
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compare_sample():
    """The queries compare.py runs as whole processes: the first four of each kind."""
    sample, per = [], {}
    for line in (ROOT / "benches" / "queries.txt").read_text(encoding="utf-8").splitlines():
        row = line.split("\t")
        if len(row) > 1 and per.get(row[0], 0) < 4:
            per[row[0]] = per.get(row[0], 0) + 1
            sample.append(row[1])
    return sample


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    n = int(sys.argv[1])
    corpus, index, query = sys.argv[2:5]
    builds = sys.argv[5:]
    times = {b: [] for b in builds}
    queries, extra = ([query], []) if query != "@compare" else (compare_sample(), ["--json"])
    for _ in range(n):
        for q in queries:
            for b in builds:
                binary, _, own = b.partition("@")
                t0 = time.perf_counter()
                subprocess.run([binary, "--corpus", corpus, "--index", own or index, "search", q,
                                "--limit", "10", *extra],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times[b].append((time.perf_counter() - t0) * 1e3)
    for b in builds:
        t = times[b]
        print(f"{b}: median {statistics.median(t):.1f} ms (min {min(t):.1f}, max {max(t):.1f}) "
              f"of {len(t)}")


if __name__ == "__main__":
    main()

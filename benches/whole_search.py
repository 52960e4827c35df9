#!/usr/bin/env python3
"""Whole-process `zanlex search` time of two or more builds, side by side: each run opens the
index, scans the corpus for freshness, searches and prints, as a user's command does. Runs
alternate between the builds; medians (and minima) in ms.

    benches/whole_search.py 15 target/compare/corpus-1000 target/compare/zanlex-index-1000 \\
        "виза мерзімі" /tmp/zanlex-before target/release/zanlex

A build may be given as BIN@INDEX to search an index of its own (two index formats side by
side); the others search INDEX. Every index must be up to date for its build (build it once
with it): a run that finds it stale would time a refresh.
"""
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    n = int(sys.argv[1])
    corpus, index, query = sys.argv[2:5]
    builds = sys.argv[5:]
    times = {b: [] for b in builds}
    for _ in range(n):
        for b in builds:
            binary, _, own = b.partition("@")
            t0 = time.perf_counter()
            subprocess.run([binary, "--corpus", corpus, "--index", own or index, "search", query,
                            "--limit", "10"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[b].append((time.perf_counter() - t0) * 1e3)
    for b in builds:
        print(f"{b}: median {statistics.median(times[b]):.1f} ms (min {min(times[b]):.1f}) of {n}")


if __name__ == "__main__":
    main()

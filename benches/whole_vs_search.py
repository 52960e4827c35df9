#!/usr/bin/env python3
"""A whole `zanlex search` process beside the search it runs: for each query, the wall time of
the command (open the index, know its freshness, search, resolve the hits' references, print
JSON) and the search's own `took_ms`, and their ratio. The goal it checks: a CLI search takes
at most 1.5× the search itself.

    benches/whole_vs_search.py BIN CORPUS INDEX [--rounds 3] [--query Q ...]

Without --query, the sample `benches/compare.py` times whole processes with (the first four
queries of each kind of benches/queries.txt). The index must be up to date for BIN. Medians
over the rounds; prints a markdown table and the median and largest ratio.
"""
import argparse
import json
import statistics
import subprocess
import time
from pathlib import Path

from whole_search import compare_sample


def run(bin_path, corpus, index, query):
    """One whole process: (wall ms, took_ms, references the hits carry)."""
    t0 = time.perf_counter()
    out = subprocess.run([bin_path, "search", "--corpus", corpus, "--index", index, "--json", query],
                         check=True, capture_output=True, text=True).stdout
    wall = (time.perf_counter() - t0) * 1e3
    page = json.loads(out)
    return wall, page["took_ms"], sum(len(h["references"]) for h in page["hits"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bin")
    ap.add_argument("corpus")
    ap.add_argument("index")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--query", action="append", help="a query (repeatable); default: the compare sample")
    args = ap.parse_args()
    queries = args.query or compare_sample()
    run(args.bin, args.corpus, args.index, queries[0])  # the index's files into the page cache
    rows = []
    for q in queries:
        walls, tooks, refs = [], [], 0
        for _ in range(args.rounds):
            wall, took, refs = run(args.bin, args.corpus, args.index, q)
            walls.append(wall)
            tooks.append(took)
        wall, took = statistics.median(walls), statistics.median(tooks)
        rows.append((q, wall, took, wall / max(took, 0.001), refs))
    print("| query | whole process (ms) | search `took_ms` | ratio | references |")
    print("|---|---:|---:|---:|---:|")
    for q, wall, took, ratio, refs in rows:
        print(f"| {q} | {wall:.0f} | {took:.0f} | {ratio:.2f} | {refs} |")
    ratios = [r[3] for r in rows]
    print(f"\n{len(rows)} queries, {args.rounds} rounds: ratio median {statistics.median(ratios):.2f}, "
          f"largest {max(ratios):.2f} ({rows[ratios.index(max(ratios))][0]})")


if __name__ == "__main__":
    main()

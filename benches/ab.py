#!/usr/bin/env python3
"""Two or more builds of zanlex side by side, in alternating runs: is a change worth keeping?

    benches/ab.py --sizes 10,100 --rounds 8 before=DIR after=DIR [more=DIR ...]

Each DIR holds a `zanlex` binary and, for the query figures, `examples/zanlex_query` (or
`zanlex_query`) built from one version of the source, e.g. with

    git worktree add /tmp/before main && (cd /tmp/before && cargo build --profile dist \
        --bin zanlex --example zanlex_query)   # then before=/tmp/before/target/dist

For each size the corpus of `benches/compare.sh` (`zanlex-scale`, seed 1, written once into
--work) is indexed by every build in turn, `--rounds` times, the order rotated each round, each
build with the corpus read into the page cache and no dirty page pending (as compare.py does);
with --fts5, SQLite FTS5 loads the same units in every round too, for the 1.3x floor. Then each
build's index answers the 200 queries of benches/queries.txt, `--rounds` runs in turn. Prints
the medians (index wall and MB/s, peak RSS, query p50/p99) and each build against the first.
"""
import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare  # noqa: E402  (the helpers of the full comparison)

ROOT = compare.ROOT


def timed(cmd):
    """Runs cmd under /usr/bin/time -v: (wall s, CPU s (user + system), peak RSS bytes).

    A build that could not index some files exits with 1 and still counts: the scaled corpus
    has undated twin editions, refused alike by every build."""
    compare.log("$", " ".join(str(c) for c in cmd))
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + [str(c) for c in cmd],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        raise SystemExit(f"failed: {cmd}\n{p.stderr[-2000:]}")
    grab = lambda pat: float(re.search(pat, p.stderr).group(1))
    cpu = grab(r"User time \(seconds\): ([0-9.]+)") + grab(r"System time \(seconds\): ([0-9.]+)")
    return wall, cpu, grab(r"Maximum resident set size \(kbytes\): (\d+)") * 1024


def tool(dir_, name):
    for p in (Path(dir_) / name, Path(dir_) / "examples" / name):
        if p.exists():
            return p
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("builds", nargs="+", help="NAME=DIR, the first is the baseline")
    ap.add_argument("--sizes", default="10,100")
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", default=str(ROOT / "target" / "compare"))
    ap.add_argument("--fts5", action="store_true", help="also load SQLite FTS5 every round")
    ap.add_argument("--no-queries", action="store_true")
    args = ap.parse_args()
    builds = dict(b.split("=", 1) for b in args.builds)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    first = next(iter(builds.values()))
    queries = ROOT / "benches" / "queries.txt"
    out = {}
    for mb in [int(s) for s in args.sizes.split(",") if s.strip()]:
        corpus = work / f"corpus-{mb}"
        stamp = work / f"corpus-{mb}.seed{args.seed}.done"
        if not stamp.exists():
            shutil.rmtree(corpus, ignore_errors=True)
            compare.sh([compare.scaler(), "--out", corpus, "--mb", mb, "--seed", args.seed],
                       cwd=ROOT)
            stamp.write_text("ok\n")
        mbytes = compare.du(corpus) / 1e6
        runs = {name: [] for name in builds}
        cpus = {name: [] for name in builds}
        rss = {name: 0 for name in builds}
        fts5 = []
        units = work / f"units-{mb}.jsonl"
        if args.fts5 and not units.exists():
            compare.sh([tool(first, "dump_units"), corpus, units], cwd=ROOT,
                       stdout=subprocess.DEVNULL)
        names = list(builds)
        for r in range(args.rounds):
            order = names[r % len(names):] + names[:r % len(names)]
            for name in order:
                idx = work / f"ab-{name}-{mb}"
                shutil.rmtree(idx, ignore_errors=True)
                compare.warm(corpus)
                compare.settle()
                wall, cpu, peak = timed([tool(builds[name], "zanlex"), "index", "--corpus",
                                         corpus, "--index", idx])
                runs[name].append(wall)
                cpus[name].append(cpu)
                rss[name] = max(rss[name], peak)
            if args.fts5:
                db = work / f"ab-fts5-{mb}.sqlite"
                compare.warm(units)
                compare.settle()
                fts5.append(timed([sys.executable, ROOT / "benches" / "peers" / "fts5.py",
                                   "load", units, db])[:2])
        q = {name: [] for name in builds}
        if not args.no_queries:
            for _ in range(args.rounds):
                for name in names:
                    zq = tool(builds[name], "zanlex_query")
                    if zq:
                        q[name].append(compare.run_json([zq, work / f"ab-{name}-{mb}", queries]))
        res = {}
        for name in names:
            wall = statistics.median(runs[name])
            res[name] = {"index_s": wall, "mbps": mbytes / wall, "rss_mb": rss[name] / 1e6,
                         "cpu_s": statistics.median(cpus[name]), "runs": runs[name],
                         "cpu_runs": cpus[name]}
            if q[name]:
                res[name]["p50_ms"] = statistics.median(o["p50_ms"] for o in q[name])
                res[name]["p99_ms"] = statistics.median(o["p99_ms"] for o in q[name])
        if fts5:
            walls = [w for w, _ in fts5]
            res["fts5"] = {"index_s": statistics.median(walls), "runs": fts5,
                           "cpu_s": statistics.median(c for _, c in fts5),
                           "mbps": mbytes / statistics.median(walls)}
        out[mb] = res
        base = res[names[0]]
        print(f"\n## {mb} MB ({mbytes:.1f} MB of sources), {args.rounds} rounds, medians")
        print("| build | index s | MB/s | vs first | CPU s | vs first | peak RSS MB | p50 ms | p99 ms |")
        print("|---|---|---|---|---|---|---|---|---|")
        for name in names:
            e = res[name]
            print(f"| {name} | {e['index_s']:.3f} | {e['mbps']:.2f} | "
                  f"{e['mbps'] / base['mbps'] - 1:+.1%} | {e['cpu_s']:.2f} | "
                  f"{e['cpu_s'] / base['cpu_s'] - 1:+.1%} | {e['rss_mb']:.0f} | "
                  f"{e.get('p50_ms', float('nan')):.3f} | {e.get('p99_ms', float('nan')):.3f} |")
        if fts5:
            f = res["fts5"]
            print(f"| FTS5 load | {f['index_s']:.3f} | {f['mbps']:.2f} | | {f['cpu_s']:.2f} | | | | |")
            for name in names:
                print(f"{name}: {res[name]['mbps'] / f['mbps']:.2f}x FTS5's MB/s")
        sys.stdout.flush()
    (work / "ab-results.json").write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()

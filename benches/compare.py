#!/usr/bin/env python3
"""zanlex beside the engines a user would pick instead, on the same scaled corpus, in one run.

    benches/compare.sh [--sizes 10,100,1000] [--seed 1] [--work target/compare] [--xapian]
                       [--repeat 5] [--no-pgo] [--layout flat|mirror] [--editions N]

zanlex and the tantivy peer are built with profile-guided optimization by benches/pgo.sh
(--no-pgo: the plain `dist` build).

For each size (MB of synthetic acts written by `zanlex-scale`, `crates/zanlex-scale`; with
--layout mirror laid out as the public mirror: act folders with kaz.md, rus.md and meta.yaml,
codes split into part files; with --editions N also a git history of N commits, which
`zanlex index --history` reads and indexes every edition of, the peers loading the units of the
current texts):
  indexing  wall time, MB/s and peak RSS (/usr/bin/time -v) of
            - `zanlex index` end to end from the files (extract, repair, structure, amend,
              Kazakh analysis into exact/stem/loose fields, tantivy), a fresh index each time;
            - SQLite FTS5 (unicode61) loading the units zanlex ingested (JSONL dumped by
              `examples/dump_units.rs`; the dump's own time is shown apart and NOT charged to it),
              its database synced at the commit as tantivy syncs zanlex's and its own files
              (and, for reference, also loading without that sync);
            - tantivy 0.25 with its default tokenizer indexing the same JSONL (examples/peer_tantivy.rs):
              the floor;
            - the fair tantivy peer (examples/peer_tantivy_fair.rs): tantivy with zanlex's own
              analyzers (exact, stem, loose, Russian and title fields), the same JSONL, queried
              through tantivy's QueryParser over those fields with boosts;
            - optionally Xapian (python3-xapian, English-less default TermGenerator) on the same JSONL.
            MB/s is always corpus MB (10^6 bytes of source files) / wall seconds. Each build
            runs --repeat times (5; three times as often up to 10 MB, twice up to 100 MB),
            the tools taking turns, each with its input read into the page cache just before
            and every dirty page of the machine written back (untimed); the median wall time
            counts.
  querying  p50, p99 and QPS over the 200 fixed queries of benches/queries.txt (words, inflected
            words, phrases, boolean, filters), one thread, warm (one untimed pass first), top 10
            with stored text; zanlex also builds citations and snippets. Each query run is
            repeated --repeat times, the tools taking turns; the run with the median p50 counts.
            Plus the whole-process
            time of `zanlex search QUERY --json` (median of 20 queries), by default and with
            `--no-refresh` (the index used as it is, the corpus not checked for changes).
  size      of each index on disk.
Prints the table with zanlex/peer ratios and writes it to benches/RESULTS.md (--out).
"""
import argparse
import hashlib
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REL = ROOT / "target" / "dist"
# The examples a run uses beside the `zanlex` binary (benches/pgo.sh builds the same).
EXAMPLES = ["dump_units", "peer_tantivy", "peer_tantivy_fair", "zanlex_query"]
ARGS = None


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    log("$", " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


AS_LIMIT = []  # ["prlimit", "--as=N", "--"] when --rss-limit-gb is given


def timed(cmd, stdout_json=False, may_fail=False, limit=False):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS bytes, parsed stdout)."""
    log("$", " ".join(str(c) for c in cmd))
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + (AS_LIMIT if limit else []) + [str(c) for c in cmd],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    rss = int(m.group(1)) * 1024 if m else 0
    if p.returncode != 0:
        log(p.stderr[-3000:])
        if may_fail:
            return wall, rss, None
        raise SystemExit(f"failed: {' '.join(str(c) for c in cmd)}")
    out = p.stdout
    if stdout_json:
        out = json.loads(p.stdout.strip().splitlines()[-1]) if p.stdout.strip() else {}
    return wall, rss, out


def warm(path):
    """Reads path (a file, or every file under a folder) into the page cache, untimed.

    The machine pages out page cache left idle for about half a minute (DAMON), and a round at
    1 GB takes minutes: without this, zanlex's corpus had lain idle since the round before while
    each peer read the units file that the tool before it had just read. Every build now starts
    with its own input cached, as the query runs do (at 1a9a81e: each tool's 1 GB build 11-13 %
    faster than in the run before, the ratios between them unchanged).
    """
    path = Path(path)
    for f in ([path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())):
        with open(f, "rb") as fh:
            while fh.read(1 << 20):
                pass


def build_rounds(repeat, mb):
    """Index builds per tool at `mb` MB: three times `repeat` up to 10 MB, twice up to 100 MB,
    else `repeat`.

    A 10 MB build lasts a third of a second to two thirds, so a hiccup of this shared machine
    weighs on it most (in the 29d2646 run FTS5's five 10 MB loads took 0.43-0.69 s); fifteen
    rounds of each tool cost under half a minute. At 100 MB five rounds left the median to one
    or two builds (c562775: FTS5's five loads took 3.83-5.26 s, three of them 3.83-3.89 s);
    ten take about two minutes of builds (4a84052: 2.3 + 4.1 + 3.8 + 2.0 s a round, FTS5 twice).
    A 1 GB round takes two minutes: five stay.
    """
    return max(1, repeat) * (3 if mb <= 10 else 2 if mb <= 100 else 1)


def settle():
    """Writes back every dirty page of the machine, untimed, before a timed build.

    FTS5's reference load without syncing (`--no-sync`) leaves its whole database dirty in the
    page cache, and `zanlex index` ran next: at 1 GB the kernel wrote 1.5 GB back while zanlex
    built, on the same two cores and disk (zanlex 1 GB builds 26.2-27.3 s after 1.5 GB of dirty
    pages, 24.7-26.0 s after `sync`, two pairs). Every other build ends synced, so only the
    build after that load paid. Now none inherits another's writes.
    """
    os.sync()


def run_json(cmd):
    log("$", " ".join(str(c) for c in cmd))
    p = subprocess.run([str(c) for c in cmd], stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(p.stdout.strip().splitlines()[-1])


def du(path):
    """Bytes of a file, or of the files under a folder (a git repository's own left out)."""
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in source_files(path))


def ensure_tools(xapian):
    if not Path("/usr/bin/time").exists():
        log("installing GNU time (apt-get install -y time)")
        sh(["apt-get", "install", "-y", "time"])
    py = sys.executable
    try:
        subprocess.run([py, "-c", "import sqlite3; c=sqlite3.connect(':memory:');"
                        "c.execute('create virtual table t using fts5(x)')"], check=True)
    except subprocess.CalledProcessError:
        raise SystemExit("this python's sqlite3 has no FTS5; install a python whose SQLite has it")
    xpy = None
    if xapian:
        for cand in [py, "/usr/bin/python3"]:
            if subprocess.run([cand, "-c", "import xapian"], capture_output=True).returncode == 0:
                xpy = cand
                break
        if xpy is None:
            log("installing python3-xapian (apt-get install -y python3-xapian)")
            subprocess.run(["apt-get", "install", "-y", "python3-xapian"], check=False)
            if subprocess.run(["/usr/bin/python3", "-c", "import xapian"],
                              capture_output=True).returncode == 0:
                xpy = "/usr/bin/python3"
            else:
                log("Xapian unavailable: skipping it")
    return xpy, build_and_snapshot_binaries()


def build_and_snapshot_binaries():
    """Builds the measured binaries into the run's own folder, so a run keeps using the same
    build even if someone rebuilds target/dist meanwhile: with profile-guided optimization
    (benches/pgo.sh: the `dist` profile trained on a workload that is not the measured one; the
    tantivy peer trained on its own work) unless --no-pgo, else, or when no llvm-profdata can be
    had, the plain `dist` profile (what `cargo build --profile dist` ships: LTO, one codegen
    unit; the tantivy peer gets the same). Returns how the binaries were built."""
    global REL
    snap = Path(ARGS.work) / "bin"
    (snap / "examples").mkdir(parents=True, exist_ok=True)
    if not ARGS.no_pgo:
        if subprocess.run(["bash", ROOT / "benches" / "pgo.sh", snap], cwd=ROOT).returncode == 0:
            REL = snap
            return "`dist` profile with profile-guided optimization (`benches/pgo.sh`)"
        log("benches/pgo.sh failed: measuring the plain `dist` build")
    sh(["cargo", "build", "--profile", "dist", "--bin", "zanlex"]
       + [a for e in EXAMPLES for a in ("--example", e)], cwd=ROOT)
    for name in ["zanlex"] + [f"examples/{e}" for e in EXAMPLES]:
        shutil.copy2(REL / name, snap / name)
    REL = snap
    return "`dist` profile (no profile-guided optimization)"


def scaler_version():
    """A short hash of the corpus scaler's source (`crates/zanlex-scale/src/*.rs`)."""
    h = hashlib.sha256()
    for f in sorted((ROOT / "crates" / "zanlex-scale" / "src").glob("*.rs")):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


def layout_tag(args):
    """What names a corpus of another layout apart: "" (flat), "-mirror", "-mirror-e5"."""
    if args.layout == "flat":
        return ""
    return "-mirror" + (f"-e{args.editions}" if args.editions else "")


def layout_note(args):
    """The layout, as the results' header says it."""
    if args.layout == "flat":
        return "flat files (`000042_….txt`, `.md`)"
    note = ("the public mirror's layout (`<repo>/…/<year>/<mmdd-slug-code>/` with kaz.md, rus.md "
            "and meta.yaml; codes split into part files; `zanlex-scale --layout mirror`)")
    if args.editions:
        note += (f", with a git history of {args.editions} commits (`--editions {args.editions}`; "
                 f"each after the first amends {args.amend_fraction:.0%} of the acts) that "
                 "`zanlex index --history` reads into its editions folder and indexes (the units "
                 "older editions printed otherwise too); the peers load the units of the "
                 "checkout's current texts")
    return note


def source_files(corpus):
    """The corpus's files, its git repository's left out."""
    return [f for f in Path(corpus).rglob("*") if f.is_file() and ".git" not in f.relative_to(corpus).parts]


def scaler():
    """The benchmark corpus generator (`crates/zanlex-scale`), a development tool built apart
    from the measured binaries."""
    sh(["cargo", "build", "--release", "--quiet", "-p", "zanlex-scale"], cwd=ROOT)
    return ROOT / "target" / "release" / "zanlex-scale"


def measure_size(mb, args, xpy):
    work = Path(args.work)
    tag = layout_tag(args)
    corpus = work / f"corpus-{mb}{tag}"
    # The stamp names the scaler's source too: a corpus made by another scaler is made again.
    stamp = work / f"corpus-{mb}{tag}.seed{args.seed}.{scaler_version()}.done"
    r = {"mb_target": mb, "layout": args.layout, "editions": args.editions}
    if not stamp.exists():
        if corpus.exists():
            shutil.rmtree(corpus)
        cmd = [scaler(), "--out", corpus, "--mb", mb, "--seed", args.seed]
        if args.layout != "flat":
            cmd += ["--layout", args.layout]
        if args.editions:
            cmd += ["--editions", args.editions, "--amend-fraction", args.amend_fraction]
        wall, rss, _ = timed(cmd)
        r["scale_s"] = wall
        stamp.write_text("ok\n")
    r["corpus_bytes"] = du(corpus)
    r["files"] = len(source_files(corpus))
    mbytes = r["corpus_bytes"] / 1e6
    queries = ROOT / "benches" / "queries.txt"
    zidx = work / f"zanlex-index-{mb}{tag}"
    # `zanlex index --history` keeps the editions it reads from the checkout beside its index.
    zhist = zidx.with_name(zidx.name + ".history")
    history = ["--history"] if args.editions else []

    # The units zanlex ingested, for the peers (not charged to anyone). With a history, those of
    # the checkout: each act's current text (zanlex also indexes the units older editions
    # printed otherwise, which the peers do not get).
    units = work / f"units-{mb}{tag}.jsonl"
    wall, rss, _ = timed([REL / "examples" / "dump_units", corpus, units])
    r["dump_s"] = wall
    r["units"] = sum(1 for _ in open(units, encoding="utf-8"))

    # Index builds: zanlex end to end from the files into a fresh index, the peers loading the
    # units; `--repeat` rounds with the tools taking turns, so a slow spell of this shared
    # machine falls on all of them. The median wall time counts; peak RSS is the largest seen.
    db = work / f"fts5-{mb}{tag}.sqlite"
    tdir = work / f"tantivy-{mb}{tag}"
    fdir = work / f"tantivy-fair-{mb}{tag}"
    xdir = work / f"xapian-{mb}{tag}"
    builds = {
        "zanlex": [REL / "zanlex", "index", *history, "--corpus", corpus, "--index", zidx],
        "fts5": [sys.executable, ROOT / "benches" / "peers" / "fts5.py", "load", units, db],
        "tantivy": [REL / "examples" / "peer_tantivy", "index", units, tdir],
        "tantivy-fair": [REL / "examples" / "peer_tantivy_fair", "index", units, fdir],
    }
    if xpy:
        builds["xapian"] = [xpy, ROOT / "benches" / "peers" / "xapian_peer.py", "load", units, xdir]
    # For reference, FTS5 also loads without syncing its database, as it did in the runs before
    # commit 90b01dc, when only zanlex's and tantivy's builds synced their files.
    nosync_db = work / f"fts5-{mb}{tag}-nosync.sqlite"
    fts5_nosync = [sys.executable, ROOT / "benches" / "peers" / "fts5.py", "load", units, nosync_db,
                   "--no-sync"]
    inputs = {tool: (corpus if tool == "zanlex" else units) for tool in builds}
    runs = {tool: [] for tool in builds}
    peak = {tool: 0 for tool in builds}
    nosync_runs = []
    for _ in range(build_rounds(args.repeat, mb)):
        warm(units)
        settle()
        nosync_runs.append(timed(fts5_nosync)[0])
        nosync_db.unlink(missing_ok=True)
        for tool, cmd in builds.items():
            warm(inputs[tool])
            settle()
            if tool == "zanlex":
                if "zanlex_failed" in r:
                    continue
                # A fresh index, and with a history its editions read anew from the commits.
                for d in (zidx, zhist):
                    if d.exists():
                        shutil.rmtree(d)
                wall, rss, out = timed(cmd, may_fail=True, limit=True)
                if out is None:
                    # Over the --rss-limit-gb address-space limit (or crashed): record it,
                    # measure the peers.
                    r["zanlex_failed"] = (
                        f"`zanlex index` failed after {wall:.0f} s at {rss / 1e6:.0f} MB RSS"
                        + (f" (address-space limit {args.rss_limit_gb} GB)"
                           if args.rss_limit_gb else ""))
            else:
                wall, rss, _ = timed(cmd)
            runs[tool].append(wall)
            peak[tool] = max(peak[tool], rss)
    sizes = {"zanlex": zidx, "fts5": db, "tantivy": tdir, "tantivy-fair": fdir, "xapian": xdir}
    for tool in builds:
        wall = statistics.median(runs[tool])
        r[tool] = {"index_s": wall, "runs": runs[tool], "rss": peak[tool], "mbps": mbytes / wall,
                   "size": du(sizes[tool])}
    r["fts5"]["nosync_runs"] = nosync_runs
    r["fts5"]["nosync_mbps"] = mbytes / statistics.median(nosync_runs)
    nan = float("nan")
    if "zanlex_failed" in r:
        r["zanlex"].update({"mbps": nan, "size": nan, "process_ms": nan,
                            "q": {"p50_ms": nan, "p99_ms": nan, "qps": nan}})

    # Queries: warm, one thread, same 200 queries; `--repeat` rounds with the tools taking
    # turns, as the builds do. The run with the median p50 counts (its p99 and QPS with it).
    query_cmds = {
        ("fts5", "q"): [sys.executable, ROOT / "benches" / "peers" / "fts5.py", "query", db, queries],
        # Like for like: FTS5 answering with what zanlex's answer has (snippets and the total).
        ("fts5", "q_page"): [sys.executable, ROOT / "benches" / "peers" / "fts5.py", "page", db,
                             queries],
        ("tantivy", "q"): [REL / "examples" / "peer_tantivy", "query", tdir, queries],
        ("tantivy-fair", "q"): [REL / "examples" / "peer_tantivy_fair", "query", fdir, queries],
    }
    if "zanlex_failed" not in r:
        query_cmds = {("zanlex", "q"): [REL / "examples" / "zanlex_query", zidx, queries],
                      **query_cmds}
    if xpy:
        query_cmds[("xapian", "q")] = [xpy, ROOT / "benches" / "peers" / "xapian_peer.py", "query",
                                      xdir, queries]
    query_runs = {key: [] for key in query_cmds}
    for _ in range(max(1, args.repeat)):
        for key, cmd in query_cmds.items():
            query_runs[key].append(run_json(cmd))
    for (tool, slot), outs in query_runs.items():
        outs = sorted(outs, key=lambda o: o["p50_ms"])
        best = dict(outs[(len(outs) - 1) // 2])
        best["p50_runs"] = [o["p50_ms"] for o in query_runs[(tool, slot)]]
        r[tool][slot] = best

    # Whole-process `zanlex search` on the built index: 4 queries of each kind.
    rows = [l.rstrip("\n").split("\t") for l in open(queries, encoding="utf-8")]
    sample, per = [], {}
    for row in rows:
        if per.get(row[0], 0) < 4:
            per[row[0]] = per.get(row[0], 0) + 1
            sample.append(row[1])
    # Each query by default (the corpus checked for changes first) and with `--no-refresh`
    # (the index as it is), the two taking turns.
    times = {"process_ms": [], "process_ms_no_refresh": []}
    for q in ([] if "zanlex_failed" in r else sample):
        for key, extra in (("process_ms", []), ("process_ms_no_refresh", ["--no-refresh"])):
            t0 = time.perf_counter()
            subprocess.run([REL / "zanlex", "search", "--corpus", corpus, "--index", zidx, "--json",
                            "--limit", "10", *extra, q],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[key].append(time.perf_counter() - t0)
    for key, each in times.items():
        if each:
            r["zanlex"][key] = statistics.median(each) * 1e3
    return r


def fmt_bytes(b):
    return f"{b / 1e6:,.1f} MB" if b < 1e9 else f"{b / 1e9:,.2f} GB"


def ratio(a, b):
    return f"{a / b:.2f}×" if b else "n/a"


def table(results, peers):
    lines = []
    all_peers = peers
    for r in results:
        peers = [p for p in all_peers if p in r]
        note = (f" — from an earlier run ({r.get('when', '?')}, commit `{r.get('commit', '?')}`)"
                if r.get("merged") else "")
        layout = ""
        if r.get("layout", "flat") != "flat":
            layout = f" ({r['layout']} layout" + (f", {r['editions']} editions" if r.get("editions") else "") + ")"
        lines.append(f"\n### {r['mb_target']} MB corpus{layout}{note}: {r['files']} files, "
                     f"{r['corpus_bytes'] / 1e6:,.1f} MB, {r['units']:,} units "
                     f"(units dumped for the peers in {r['dump_s']:.1f} s, not charged)\n")
        head = "| metric | zanlex | " + " | ".join(peers) + " | " + \
            " | ".join(f"zanlex/{p}" for p in peers) + " |"
        lines.append(head)
        lines.append("|" + "---|" * (2 + 2 * len(peers)))
        z = r["zanlex"]
        metrics = [
            ("index wall (s)", lambda e: e["index_s"], "{:.2f}"),
            ("index MB/s", lambda e: e["mbps"], "{:.2f}"),
            ("peak RSS (MB)", lambda e: e["rss"] / 1e6, "{:.0f}"),
            ("index size (MB)", lambda e: e["size"] / 1e6, "{:.1f}"),
            ("query p50 (ms)", lambda e: e["q"]["p50_ms"], "{:.3f}"),
            ("query p99 (ms)", lambda e: e["q"]["p99_ms"], "{:.3f}"),
            ("QPS", lambda e: e["q"]["qps"], "{:.0f}"),
            ("hits returned (≤ 10 × 200)", lambda e: e["q"].get("hits", float("nan")), "{:.0f}"),
        ]
        for name, get, f in metrics:
            vals = [get(z)] + [get(r[p]) for p in peers]
            cells = [f.format(v) for v in vals]
            ratios = [ratio(vals[0], v) for v in vals[1:]]
            lines.append(f"| {name} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
            if name == "query p50 (ms)" and "p50_runs" in z["q"]:
                each = [" / ".join(f"{w:.3f}" for w in e["q"].get("p50_runs", []))
                        for e in [z] + [r[p] for p in peers]]
                lines.append(f"| query p50, each run (ms) | " + " | ".join(each) + " | "
                             + " | ".join("" for _ in peers) + " |")
            if name == "index wall (s)" and "runs" in z:
                each = [" / ".join(f"{w:.2f}" for w in e.get("runs", [])) for e in [z] + [r[p] for p in peers]]
                lines.append(f"| index wall, each run (s) | " + " | ".join(each) + " | "
                             + " | ".join("" for _ in peers) + " |")
        if "nosync_mbps" in r["fts5"]:
            each = " / ".join(f"{w:.2f}" for w in r["fts5"]["nosync_runs"])
            lines.append(f"| FTS5 loading without syncing its database (`synchronous=OFF`): "
                         f"MB/s (each run, s) | {z['mbps']:.2f} | "
                         + " | ".join(f"{r[p]['nosync_mbps']:.2f} ({each})" if p == "fts5" else ""
                                      for p in peers)
                         + " | " + " | ".join(ratio(z['mbps'], r[p]['nosync_mbps'])
                                              if p == "fts5" else "" for p in peers) + " |")
        lines.append(f"| `zanlex search` whole process (ms, median of 20) | "
                     f"{z['process_ms']:.0f} | " + " | ".join("" for _ in peers) + " | " +
                     " | ".join("" for _ in peers) + " |")
        if "process_ms_no_refresh" in z:
            lines.append(f"| `zanlex search --no-refresh` whole process (ms, median of 20) | "
                         f"{z['process_ms_no_refresh']:.0f} | " + " | ".join("" for _ in peers)
                         + " | " + " | ".join("" for _ in peers) + " |")
        page = r["fts5"].get("q_page")
        if page:
            lines.append(f"| query p50 (ms), FTS5 answering as zanlex does (top 10 with `snippet()`, "
                         f"and `count(*)`) | {z['q']['p50_ms']:.3f} | "
                         + " | ".join(f"{page['p50_ms']:.3f}" if p == "fts5" else "" for p in peers)
                         + " | " + " | ".join(ratio(z['q']['p50_ms'], page['p50_ms']) if p == "fts5"
                                              else "" for p in peers) + " |")
        kinds = z["q"].get("p50_ms_by_kind", {})
        if kinds:
            lines.append("\nzanlex p50 by query kind (ms): " +
                         ", ".join(f"{k} {v:.3f}" for k, v in kinds.items()))
        if r.get("zanlex_failed"):
            lines.append(f"\n**{r['zanlex_failed']}.**")
        if z["q"].get("failed"):
            lines.append(f"\nzanlex rejected {z['q']['failed']} of the 200 queries (see stderr).")
    return "\n".join(lines)


def paired(z, f):
    """zanlex's MB/s over FTS5's round by round, for the goal's line. Each round runs zanlex's
    build and then FTS5's load, so the two share whatever the machine was doing; the medians
    of the two tools' runs may come from different rounds, and on this machine a slow spell
    of a few rounds can put them in different regimes."""
    zr, fr = z.get("runs", []), f.get("runs", [])
    if len(zr) != len(fr) or len(zr) < 3:
        return ""
    ratios = [ft / zt for zt, ft in zip(zr, fr) if zt > 0]
    if not ratios:
        return ""
    above = sum(1 for x in ratios if x >= 1.5)
    return (f"; round by round, each zanlex build against the FTS5 load right after it: median "
            f"{statistics.median(ratios):.2f}×, {above} of {len(ratios)} rounds ≥ 1.5×")


def goals(results):
    out = []
    def check(ok, text):
        out.append(f"- [{'x' if ok else ' '}] {text}")
    big = max(results, key=lambda r: r["corpus_bytes"])
    small = min(results, key=lambda r: r["corpus_bytes"])
    for r in results:
        z, f, t = r["zanlex"], r["fts5"], r["tantivy"]
        tag = f"{r['mb_target']} MB"
        nosync = (f" (FTS5 not syncing its database: {f['nosync_mbps']:.2f}, "
                  f"{z['mbps'] / f['nosync_mbps']:.2f}×)" if "nosync_mbps" in f else "")
        check(z["mbps"] >= 1.5 * f["mbps"],
              f"{tag}: indexing ≥ 1.5× FTS5's MB/s: {z['mbps']:.2f} vs {f['mbps']:.2f} "
              f"({z['mbps'] / f['mbps']:.2f}×){nosync}{paired(z, f)}")
        check(z["index_s"] <= 1.5 * t["index_s"],
              f"{tag}: indexing no slower than 1.5× default tantivy: {z['index_s']:.2f} s vs {t['index_s']:.2f} s ({z['index_s'] / t['index_s']:.2f}×)")
        check(z["q"]["p50_ms"] <= f["q"]["p50_ms"],
              f"{tag}: query p50 ≤ FTS5's (FTS5 returning bare rows): {z['q']['p50_ms']:.3f} ms vs "
              f"{f['q']['p50_ms']:.3f} ms")
        if "q_page" in f:
            check(z["q"]["p50_ms"] <= f["q_page"]["p50_ms"],
                  f"{tag}: (like for like) query p50 ≤ FTS5's answering with snippets and the total: "
                  f"{z['q']['p50_ms']:.3f} ms vs {f['q_page']['p50_ms']:.3f} ms")
    for r in results:
        z, fair = r["zanlex"], r.get("tantivy-fair")
        if not fair:
            continue
        tag = f"{r['mb_target']} MB"
        check(z["q"]["p50_ms"] <= 1.5 * fair["q"]["p50_ms"],
              f"{tag}: query p50 ≤ 1.5× the fair tantivy peer's: {z['q']['p50_ms']:.3f} ms vs "
              f"{fair['q']['p50_ms']:.3f} ms ({z['q']['p50_ms'] / fair['q']['p50_ms']:.2f}×)")
        check(z["q"]["p99_ms"] <= 2 * fair["q"]["p99_ms"],
              f"{tag}: query p99 ≤ 2× the fair tantivy peer's: {z['q']['p99_ms']:.3f} ms vs "
              f"{fair['q']['p99_ms']:.3f} ms ({z['q']['p99_ms'] / fair['q']['p99_ms']:.2f}×)")
        for p in ("fts5", "xapian"):
            if p in r:
                check(4 * z["q"]["p50_ms"] <= r[p]["q"]["p50_ms"],
                      f"{tag}: query p50 ≥ 4× faster than {p}'s: {z['q']['p50_ms']:.3f} ms vs "
                      f"{r[p]['q']['p50_ms']:.3f} ms ({r[p]['q']['p50_ms'] / z['q']['p50_ms']:.1f}×)")
    if big["mb_target"] >= 1000:
        check(big["zanlex"]["rss"] < 1e9,
              f"peak RSS under 1 GB at {big['mb_target']} MB: {big['zanlex']['rss'] / 1e6:.0f} MB")
    else:
        out.append(f"- [ ] peak RSS at 1 GB: not measured in this run (largest {big['mb_target']} MB: "
                   f"{big['zanlex']['rss'] / 1e6:.0f} MB)")
    if big is not small:
        drop = big["zanlex"]["mbps"] / small["zanlex"]["mbps"]
        check(drop >= 0.8, f"MB/s at {big['mb_target']} MB within 20% of {small['mb_target']} MB: "
              f"{big['zanlex']['mbps']:.2f} vs {small['zanlex']['mbps']:.2f} ({drop:.2f}×)")
    return "\n".join(out)


def machine():
    cpu = ""
    try:
        for l in open("/proc/cpuinfo"):
            if l.startswith("model name"):
                cpu = l.split(":", 1)[1].strip()
                break
        mem = next(l for l in open("/proc/meminfo") if l.startswith("MemTotal"))
        mem = f"{int(mem.split()[1]) / 1e6:.0f} GB RAM"
    except (OSError, StopIteration):
        mem = ""
    sqlite = subprocess.run([sys.executable, "-c", "import sqlite3;print(sqlite3.sqlite_version)"],
                            capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores, {mem}, {platform.system()} {platform.release()}; SQLite {sqlite}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000", help="corpus sizes in MB, comma-separated")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", default=str(ROOT / "target" / "compare"))
    ap.add_argument("--out", default=str(ROOT / "benches" / "RESULTS.md"))
    ap.add_argument("--xapian", action="store_true", help="also measure Xapian (python3-xapian)")
    # Five, not three: FTS5's 100 MB load took 4.25 / 4.58 / 5.48 s in one run of three, a
    # spread wider than the margins the goals are judged by.
    ap.add_argument("--repeat", type=int, default=5,
                    help="index builds and query runs per tool, taking turns; the median counts")
    ap.add_argument("--merge", action="store_true",
                    help="also report sizes measured by earlier runs (target/compare/results-N.json)")
    ap.add_argument("--no-pgo", action="store_true",
                    help="measure the plain `dist` build, without profile-guided optimization")
    ap.add_argument("--rss-limit-gb", type=float, default=0,
                    help="abort a process whose address space passes this many GB (protects a shared machine)")
    ap.add_argument("--layout", choices=["flat", "mirror"], default="flat",
                    help="how zanlex-scale lays the acts out: flat files, or the public mirror's "
                         "folders (kaz.md, rus.md, meta.yaml; codes split into part files)")
    ap.add_argument("--editions", type=int, default=0,
                    help="with --layout mirror: write the corpus as a git history of N commits and "
                         "index it with `zanlex index --history`")
    ap.add_argument("--amend-fraction", type=float, default=0.02,
                    help="with --editions: the share of acts each commit after the first amends")
    args = ap.parse_args()
    if args.editions and args.layout != "mirror":
        ap.error("--editions needs --layout mirror")
    global ARGS
    ARGS = args
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.rss_limit_gb:
        AS_LIMIT[:] = ["prlimit", f"--as={int(args.rss_limit_gb * 1e9)}", "--"]
    Path(args.work).mkdir(parents=True, exist_ok=True)
    xpy, built = ensure_tools(args.xapian)
    peers = ["fts5", "tantivy", "tantivy-fair"] + (["xapian"] if xpy else [])
    results = []
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    for mb in sizes:
        r = measure_size(mb, args, xpy)
        r["commit"] = commit
        r["when"] = f"{datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC"
        (Path(args.work) / f"results-{mb}{layout_tag(args)}.json").write_text(json.dumps(r, indent=1))
        results.append(r)
        log(table([r], peers))
    if args.merge:
        for f in sorted(Path(args.work).glob(f"results-*{layout_tag(args)}.json")):
            r = json.loads(f.read_text())
            same_layout = (r.get("layout", "flat"), r.get("editions", 0)) == (args.layout, args.editions)
            if same_layout and r["mb_target"] not in sizes and all(p in r for p in ["fts5", "tantivy"]):
                r["merged"] = True
                results.append(r)
        results.sort(key=lambda r: r["mb_target"])
        if "xapian" not in peers and any("xapian" in r for r in results):
            peers = peers + ["xapian"]
    cmd = "benches/compare.sh " + " ".join(sys.argv[1:])
    md = f"""# zanlex beside SQLite FTS5, default tantivy and tantivy with zanlex's analyzers

Written by `{cmd.strip()}` on {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC, commit `{commit}`.
Machine: {machine()}.
Corpus layout: `{args.layout}`{f", {args.editions} editions (git history, `zanlex index --history`)" if args.editions else ""}.
zanlex and the tantivy peers: {built}; SQLite: the system's.

How it is measured (see `benches/compare.py`): a synthetic corpus of realistic acts from
`zanlex-scale` (seed {args.seed}), laid out as {layout_note(args)}; `zanlex index` runs end to end from the files (extraction,
repair, structure, amendments, Kazakh analysis); the peers load the units zanlex
ingested, pre-parsed as JSONL, so their times exclude parsing. MB/s = corpus MB / wall time.
Every build ends with its index on disk: zanlex syncs each file of its new index before moving
it into place, tantivy's commit syncs the tantivy peer's files, and FTS5 loads with
`synchronous=FULL` (no journal), so SQLite syncs the database at the commit; FTS5 loading
without that sync is shown too, for reference.
Each index build ran {args.repeat} times ({build_rounds(args.repeat, 10)} up to 10 MB,
{build_rounds(args.repeat, 100)} up to 100 MB), the tools taking turns, each run with its input
(the corpus folder for zanlex, the units file for the peers) read into the page cache just
before it and no write of an earlier run pending
(`sync`, untimed: FTS5's load without syncing leaves its database dirty); the median wall time
counts,
and peak RSS (from `/usr/bin/time -v`) is the largest of the runs. Queries: the 200 of
`benches/queries.txt`, one thread, warm, {args.repeat} runs each, the tools taking turns; the run
with the median p50 counts (its p99 and QPS with it). zanlex answers each with the total number of matches
and the top 10, each with its citation and a highlighted snippet; the peers return the top 10
rows with their stored text. FTS5 also answers as zanlex does, in runs of their own: the top 10
with `snippet()`, and `count(*)` (the row "FTS5 answering as zanlex does").
{table(results, peers)}

## Goals

{goals(results)}
"""
    # A run replaces only what is above the first "## History" heading: the history of earlier
    # runs kept below it is carried over.
    out = Path(args.out)
    old = out.read_text() if out.exists() else ""
    at = old.find("\n## History")
    out.write_text(md + (old[at:] if at >= 0 else ""))
    print(md)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""One act changed, removed and added back in a large corpus: how long the refresh that a
command, `zanlex watch` or `zanlex serve` then makes takes (every file's size and time read,
the changed act and those linked to it parsed, a commit), and its peak RSS; beside the check of
an index already up to date, `zanlex index` (which also verifies the whole index) and a
whole-process `zanlex search` (which, past `--scan-limit` files, reads no file's time).

    benches/refresh_scale.py target/release/zanlex target/compare/corpus-1000 \\
        target/compare/zanlex-index-1000 [--rounds 3]

The corpus and index are those `benches/compare.sh` leaves (the index up to date, built by
the same zanlex). The corpus is put back as it was at the end: the act changed is restored
byte for byte and its time with it. Prints a markdown table.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def timed(cmd):
    """Runs cmd under GNU time: (wall s, peak RSS MB, stdout, stderr)."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr[-2000:]}")
    return wall, int(rss.group(1)) / 1024 if rss else float("nan"), p.stdout, p.stderr


def pick_act(corpus: Path) -> Path:
    """A source file near the middle of the sorted listing (the same one on every run)."""
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".txt", ".md")
                   and p.parent.name not in ("kaz", "rus"))
    if not files:
        sys.exit(f"no .txt or .md file in {corpus}")
    return files[len(files) // 2]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("zanlex")
    ap.add_argument("corpus")
    ap.add_argument("index")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    corpus, index = Path(args.corpus).resolve(), Path(args.index).resolve()
    files = sum(1 for p in corpus.rglob("*") if p.is_file())
    base = [args.zanlex, "--corpus", str(corpus), "--index", str(index)]
    act = pick_act(corpus)
    original = act.read_bytes()
    st = act.stat()
    aside = index.parent / (act.name + ".aside")
    rows = {k: [] for k in ["`zanlex index`, up to date (reads the whole index to verify it)",
                            "up to date", "one act changed", "one act removed",
                            "one act added", "changed act restored", "search (whole process)"]}
    said = {}
    try:
        for _ in range(args.rounds):
            def index_run(what):
                # Refreshed as a watcher or the server does: every file checked, the index not
                # verified against its checksums (`zanlex index` also reads the whole index to
                # verify it, which is measured apart).
                wall, rss, out, err = timed([*base, "--scan-limit", str(10**12), "search",
                                             "министрлік", "--limit", "1"])
                rows[what].append((wall, rss))
                said[what] = next((l for l in err.splitlines() if l.startswith("zanlex: ")),
                                  "up to date")

            wall, rss, out, _ = timed([*base, "index"])
            rows["`zanlex index`, up to date (reads the whole index to verify it)"].append((wall, rss))
            said["`zanlex index`, up to date (reads the whole index to verify it)"] = \
                (out.strip().splitlines() or [""])[-1]
            index_run("up to date")
            text = original.decode("utf-8")
            # A sentence added to the act's last paragraph: the act's text changes, its
            # structure and its links stay.
            act.write_text(text.rstrip("\n") + " Осы тармақ өзгертілді.\n", encoding="utf-8")
            index_run("one act changed")
            shutil.move(act, aside)
            index_run("one act removed")
            shutil.move(aside, act)
            index_run("one act added")
            act.write_bytes(original)
            os.utime(act, ns=(st.st_atime_ns, st.st_mtime_ns))
            index_run("changed act restored")
            wall, rss, _, err = timed([*base, "search", "министрлік", "--limit", "10"])
            rows["search (whole process)"].append((wall, rss))
            said["search (whole process)"] = (err.strip().splitlines() or [""])[-1][:160]
    finally:
        if aside.exists():
            shutil.move(aside, act)
        act.write_bytes(original)
        os.utime(act, ns=(st.st_atime_ns, st.st_mtime_ns))
    print(f"Corpus {corpus} ({files} files), act changed: {act.relative_to(corpus)}; "
          f"{args.rounds} rounds, medians.\n")
    print("| step | wall s | peak RSS MB | what zanlex said (last line) |")
    print("|---|---:|---:|---|")
    for what, runs in rows.items():
        walls = [w for w, _ in runs]
        print(f"| {what} | {statistics.median(walls):.2f} | {max(r for _, r in runs):.0f} | "
              f"{said.get(what, '').replace('|', '/')} |")


if __name__ == "__main__":
    main()

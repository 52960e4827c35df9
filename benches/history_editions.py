#!/usr/bin/env python3
"""Index size and build time against the number of editions of one act read from git.

Builds, for each N, a git repository holding N editions of the Constitutional Law on the
Government (104316, the Kazakh edition of 2023-04-19 and the Russian of 2022-11-05 from
tests/fixtures), one commit per edition as the public mirror writes them, where each edition
after the first changes one article (a sentence added to the article's first paragraph,
articles taken in turn): N editions, N - 1 changed units. Then runs
`zanlex index --history` on it and prints the index's size on disk (the generation folder
and the edition folders apart), the unit documents written and the wall time.

    cargo build --release && python3 benches/history_editions.py [--zanlex target/release/zanlex] [1 5 20 50]
    python3 benches/history_editions.py --files [...]   # the same editions as dated files

A store that keeps a wording once with its validity grows by one unit document per
edition; one that writes every unit of every edition grows by the act's ~300 units.
"""

import argparse
import os
import re
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KAZ = os.path.join(
    ROOT, "tests/fixtures/versions/codes_104316_government/kaz@0c5d4a0f_v2023-04-19.md"
)
MIRROR = os.path.join(
    ROOT,
    "tests/fixtures/mirror/codes/01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316",
)
ACT = "01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316"


def git(repo, *args, date="2000-01-01"):
    env = dict(os.environ)
    stamp = f"{date}T00:00:00+05:00"
    env.update(
        GIT_AUTHOR_NAME="bench",
        GIT_AUTHOR_EMAIL="bench@example.invalid",
        GIT_COMMITTER_NAME="bench",
        GIT_COMMITTER_EMAIL="bench@example.invalid",
        GIT_AUTHOR_DATE=stamp,
        GIT_COMMITTER_DATE=stamp,
        GIT_CONFIG_NOSYSTEM="1",
        HOME=repo,
    )
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def editions(n):
    """N texts of the act: the first as published, each next one with one more article's
    first paragraph extended by a sentence."""
    text = open(KAZ, encoding="utf-8").read()
    # First paragraphs of articles: a line `1. …` after an article heading.
    lines = text.split("\n")
    firsts = []
    in_article = False
    for i, line in enumerate(lines):
        if line.startswith("### "):
            in_article = True
        elif in_article and re.match(r"^1\. \S", line):
            firsts.append(i)
            in_article = False
    out = ["\n".join(lines)]
    for k in range(1, n):
        i = firsts[(k - 1) % len(firsts)]
        lines[i] = lines[i] + f" Осы тармақ {k}-басылымда толықтырылды."
        out.append("\n".join(lines))
    return out


def size(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(dirpath, f))
    return total


def run_files(zanlex, n):
    """The same editions as dated files in one folder (`kaz@k_vDATE.md`), indexed without
    git: what a zanlex without `--history` reads."""
    work = tempfile.mkdtemp(prefix="zanlex-history-bench-")
    try:
        corpus = os.path.join(work, "corpus", "104316")
        os.makedirs(corpus)
        shutil.copy(os.path.join(MIRROR, "meta.yaml"), os.path.join(corpus, "meta.yaml"))
        shutil.copy(os.path.join(MIRROR, "rus.md"), os.path.join(corpus, "rus.md"))
        for k, text in enumerate(editions(n)):
            date = f"{2000 + k // 12:04d}-{k % 12 + 1:02d}-01"
            # The edition's date in its front matter (which counts over the `source` addresses
            # of its front matter and meta.yaml).
            text = text.replace("---\n", f"---\nversion_date: {date}\n", 1)
            with open(os.path.join(corpus, f"kaz@{k:03d}_v{date}.md"), "w", encoding="utf-8") as f:
                f.write(text)
        index = os.path.join(work, "index")
        t0 = time.monotonic()
        out = subprocess.run(
            [zanlex, "index", "--corpus", os.path.join(work, "corpus"), "--index", index],
            check=True,
            capture_output=True,
            text=True,
        )
        secs = time.monotonic() - t0
        units = re.search(r"(\d+) unit documents written", out.stdout)
        return (n, size(index), 0, int(units.group(1)) if units else -1, secs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(zanlex, n):
    work = tempfile.mkdtemp(prefix="zanlex-history-bench-")
    try:
        repo = os.path.join(work, "codes")
        os.makedirs(os.path.join(repo, ACT))
        git(repo, "init", "-q", "-b", "main")
        shutil.copy(os.path.join(MIRROR, "meta.yaml"), os.path.join(repo, ACT, "meta.yaml"))
        shutil.copy(os.path.join(MIRROR, "rus.md"), os.path.join(repo, ACT, "rus.md"))
        for k, text in enumerate(editions(n)):
            with open(os.path.join(repo, ACT, "kaz.md"), "w", encoding="utf-8") as f:
                f.write(text)
            date = f"{2000 + k // 12:04d}-{k % 12 + 1:02d}-01"
            git(repo, "add", "-A", date=date)
            git(repo, "commit", "-q", "-m", f"edition {k + 1}\n\nCause-Act-Code: {900000 + k}", date=date)
        index = os.path.join(work, "index")
        t0 = time.monotonic()
        out = subprocess.run(
            [zanlex, "index", "--history", "--corpus", repo, "--index", index],
            check=True,
            capture_output=True,
            text=True,
        )
        secs = time.monotonic() - t0
        units = re.search(r"(\d+) unit documents written", out.stdout)
        return (
            n,
            size(index),
            size(index + ".history"),
            int(units.group(1)) if units else -1,
            secs,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--zanlex", default=os.path.join(ROOT, "target/release/zanlex"))
    p.add_argument("--files", action="store_true", help="dated edition files, not git")
    p.add_argument("counts", nargs="*", type=int, default=[1, 5, 20, 50])
    a = p.parse_args()
    print("| editions | index bytes | bytes / edition | edition folders bytes | unit documents | build s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in a.counts:
        n, idx, hist, units, secs = (run_files if a.files else run)(a.zanlex, n)
        print(f"| {n} | {idx:,} | {idx // n:,} | {hist:,} | {units:,} | {secs:.2f} |")


if __name__ == "__main__":
    main()

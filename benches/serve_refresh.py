#!/usr/bin/env python3
"""A commit amending one act, to `zanlex serve --history` answering from it: the time from the
commit (once git has made it: git's own staging of the work tree is timed apart) to the
server's `/healthz` counting one more refresh (the watcher's tick included), and
the first search after it (a server that reads something large for its first answer shows
it there), and the server's memory as it goes.

    benches/serve_refresh.py target/release/zanlex CORPUS INDEX [--rounds 4] [--port 8391]

CORPUS is a git checkout in the mirror's layout with its history (`zanlex-scale --layout mirror
--editions N`) and INDEX an index of it built with `zanlex index --history`. The server is
started afresh; the first commit is a warm-up (a fresh process reads the index's manifest from
disk; the rounds after it measure a server that has been running), then each round amends an
act: one word of its Russian text changed to a word no other act has, its meta.yaml dated to
the commit's day. Each round checks that a search for the new word finds the act, so a refresh
that missed the change fails the run rather than time well.

The commits stay in CORPUS (a history is not rewritten under an index that has read it); their
days follow the last commit's, so the script can be run again on the same corpus. Each commit
is an edition more of the act it amends, and making an act's documents grows with its
editions, so each round amends the next act of the listing (`--same-act` amends one act every
round, to measure an act with many editions). Each row says how many commits had changed its
act before; runs compared with each other should have counts close together. With `--add`
each round adds an act instead: a copy of the next act's folder under a new code and number
(`act_code`, the number in `requisite`), holding the new word, so the search finds the act
added. With `--remove` each round deletes the next act's folder (`git rm -r`), after an
untimed commit amending it as above: the round checks that a search for its word then finds
the act only as no longer in its source (`source_removed`). Prints a markdown table row per
round and the medians.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path


def git(corpus, *args, env=None):
    p = subprocess.run(["git", "-C", str(corpus), *args], capture_output=True, text=True,
                       env=env)
    if p.returncode != 0:
        sys.exit(f"git {' '.join(args)}: {p.stderr.strip()}")
    return p.stdout


def get(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read())


def proc_status(pid):
    """VmRSS, VmHWM, RssAnon (the process's own memory) and RssFile (pages of mapped files,
    the index's among them, which the kernel may drop and read again) of `pid` in MB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
            out[key] = int(rest.split()[0]) / 1024
    return out


def pick_acts(corpus, n, same):
    """`n` act folders with a single rus.md (not split into parts) that `amend` can change,
    from the middle of the sorted listing of the first layout folder that has one, the same
    ones on every run: `n` in a row, or the middle one `n` times when `same`."""
    for top in sorted(p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith(".")):
        acts = sorted(m.parent for m in top.rglob("meta.yaml") if (m.parent / "rus.md").is_file())
        if acts:
            mid = len(acts) // 2
            ring = (acts[(mid + k) % len(acts)] for k in range(len(acts)))
            chosen = [a for a in ring if last_words(a)][:1 if same else n]
            if chosen:
                return chosen * n if same else chosen
    sys.exit(f"no act folder with rus.md and meta.yaml in {corpus}")


def last_words(act):
    """The text of `act`'s rus.md, its last numbered paragraph (a unit's text, not a heading
    or the signature) and that paragraph's long words; `None` when it has no such word."""
    text = (act / "rus.md").read_text()
    paragraphs = list(re.finditer(r"(?m)^\d+[.)] .*$", text))
    words = [w for p in paragraphs[-1:] for w in re.finditer(r"[А-Яа-яЁё]{7,}", p.group())]
    return (text, paragraphs[-1], words) if words else None


def commits_of(corpus, act):
    """How many commits of CORPUS changed the act folder `act`."""
    return len(git(corpus, "log", "--format=%H", "--", str(act.relative_to(corpus))).split())


def amend(act, word, day):
    """The act's rus.md with the last long word of its last numbered paragraph (a unit's
    text, not a heading or the signature) replaced by `word`; meta.yaml dated `day`."""
    rus = act / "rus.md"
    found = last_words(act)
    if not found:
        sys.exit(f"{rus}: no numbered paragraph with a word to change")
    text, paragraph, words = found
    start = paragraph.start()
    last = words[-1]
    rus.write_text(text[:start + last.start()] + word + text[start + last.end():])
    meta = act / "meta.yaml"
    iso = day.isoformat()
    lines = []
    section = ""
    for line in meta.read_text().splitlines():
        if line and not line[0].isspace():
            section = line.split(":")[0]
        if line[:1].isspace() and section == "version_date":
            key = line.strip().split(":")[0]
            line = f"  {key}: {iso}"
        lines.append(line)
    meta.write_text("\n".join(lines) + "\n")


def add_copy(act, code):
    """A new act beside `act`: its folder copied under the code `code` (the folder's name
    ends with it, as the mirror's do), with `act_code` and the number in `requisite` made
    its own, so that it is an act of its own rather than an edition of `act`."""
    new = act.with_name(re.sub(r"\d+$", str(code), act.name))
    if new == act:
        sys.exit(f"{act}: the folder's name does not end with the act's code")
    shutil.copytree(act, new)
    meta = new / "meta.yaml"
    text = meta.read_text()
    # Without `act_code` the code is the folder name's number, already the new one.
    text = re.sub(r"(?m)^act_code: .*$", f"act_code: '{code}'", text)
    # Without a number of its own the copy would be an edition of `act`, and a round would
    # time an amendment while calling it an act added.
    text, numbered = re.subn(r"(года № [^\s.]+)", rf"\1-{code}", text, count=1)
    if not numbered:
        shutil.rmtree(new)
        sys.exit(f"{meta}: no number in `requisite` (года № …) to make the copy an act of its own")
    meta.write_text(text)
    return new


def commit(corpus, day, k):
    stamp = f"{day.isoformat()}T00:00:00+05:00"
    env = dict(os.environ, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp,
               GIT_AUTHOR_NAME="zanlex-bench", GIT_AUTHOR_EMAIL="bench@zanlex.invalid",
               GIT_COMMITTER_NAME="zanlex-bench", GIT_COMMITTER_EMAIL="bench@zanlex.invalid")
    code = 990000000 + k
    msg = (f"№{k}-bench Об изменении одного акта ({k})\n\nCause-Act-Code: {code}\n"
           f"Cause-Act-Requisite: Закон Республики Казахстан от {day.day}.{day.month:02}."
           f"{day.year} года № {k}-bench\n")
    git(corpus, "add", "-A", env=env)
    git(corpus, "commit", "-q", "-m", msg, env=env)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("zanlex")
    ap.add_argument("corpus")
    ap.add_argument("index")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--port", type=int, default=8391)
    ap.add_argument("--log", default=None, help="the server's stderr (default: beside INDEX)")
    ap.add_argument("--add", action="store_true",
                    help="each round adds an act (a copy of the next one under a new code) "
                         "instead of amending one")
    ap.add_argument("--remove", action="store_true",
                    help="each round deletes an act's folder (amended first, untimed) instead "
                         "of amending one")
    ap.add_argument("--same-act", action="store_true",
                    help="amend the same act every round (an edition more of it each round)")
    args = ap.parse_args()
    if args.remove and (args.add or args.same_act):
        sys.exit("--remove takes neither --add nor --same-act")
    corpus, index = Path(args.corpus).resolve(), Path(args.index).resolve()
    base = f"http://127.0.0.1:{args.port}"
    log = Path(args.log or f"{index}.serve-refresh.log")
    acts = pick_acts(corpus, args.rounds + 1, args.same_act)
    last = git(corpus, "log", "-1", "--format=%cs").strip()
    day = datetime.date.fromisoformat(last)
    server = subprocess.Popen(
        [args.zanlex, "--history", "--corpus", str(corpus), "--index", str(index), "serve",
         "--addr", f"127.0.0.1:{args.port}", "--watch-secs", "1"],
        stdout=subprocess.DEVNULL, stderr=log.open("w"))
    try:
        t0 = time.perf_counter()
        while True:
            if server.poll() is not None:
                sys.exit(f"the server exited {server.returncode}: see {log}")
            try:
                get(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.2)
        # The first tick takes in whatever changed before the watch began (a swap only when
        # something had).
        time.sleep(5)
        print(f"server up in {time.perf_counter() - t0:.1f} s, "
              f"{proc_status(server.pid)}", file=sys.stderr)
        print("| round | act (commits before) | git add + commit (s) | commit → served (s) | "
              "first search after (s) | VmRSS after (MB) | of it anonymous / file (MB) | "
              "VmHWM (MB) |")
        print("|---:|---|---:|---:|---:|---:|---:|---:|")
        times = []
        stamp = int(time.time())

        def commit_served(day, number):
            """Commits the work tree; the seconds git took, and from the commit to the
            server counting one more refresh."""
            before = get(f"{base}/healthz")["refreshes"]
            # git's own staging and commit (it reads every file of the 6 GB work tree) is
            # timed apart: the server can only see a commit once git has made it.
            t_git = time.perf_counter()
            commit(corpus, day, number)
            t0 = time.perf_counter()
            while get(f"{base}/healthz")["refreshes"] == before:
                if server.poll() is not None:
                    sys.exit(f"the server exited {server.returncode}: see {log}")
                time.sleep(0.02)
            return t0 - t_git, time.perf_counter() - t0

        for k, act in enumerate(acts):
            day += datetime.timedelta(days=1)
            word = "занлекс" + "".join("абвгдежзик"[int(c)] for c in f"{stamp % 100000}{k}")
            if args.add:
                act = add_copy(act, 980000000 + stamp % 100000 * 10 + k)
            editions = commits_of(corpus, act)
            amend(act, word, day)
            number = stamp % 100000 * 10 + k
            if args.remove:
                commit_served(day, number)
                day += datetime.timedelta(days=1)
                git(corpus, "rm", "-r", "-q", str(act.relative_to(corpus)))
                number += 1_000_000
            git_took, took = commit_served(day, number)
            q = urllib.parse.quote(word)
            t1 = time.perf_counter()
            hits = get(f"{base}/v1/search?q={q}&limit=5").get("hits", [])
            first = time.perf_counter() - t1
            if not hits:
                sys.exit(f"round {k}: the server answers nothing for {word!r} after its refresh")
            states = {h["version"]["state"]["kind"] for h in hits}
            if args.remove and states != {"source_removed"}:
                sys.exit(f"round {k}: {act.name} deleted, yet {word!r} finds it as {states}")
            mem = proc_status(server.pid)
            label = "warm-up" if k == 0 else str(k)
            print(f"| {label} | {act.name} ({editions}) | {git_took:.2f} | {took:.2f} | "
                  f"{first:.2f} | {mem['VmRSS']:.0f} | {mem['RssAnon']:.0f} / {mem['RssFile']:.0f} | "
                  f"{mem['VmHWM']:.0f} |",
                  flush=True)
            if k > 0:
                times.append(took)
        time.sleep(3)
        idle = proc_status(server.pid)
        print(f"\nmedian commit → served {statistics.median(times):.2f} s over {len(times)} "
              f"rounds ({' / '.join(f'{t:.2f}' for t in times)}); idle VmRSS "
              f"{idle['VmRSS']:.0f} MB ({idle['RssAnon']:.0f} anonymous, {idle['RssFile']:.0f} "
              f"mapped files), VmHWM {idle['VmHWM']:.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()

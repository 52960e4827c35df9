#!/usr/bin/env python3
"""Load on `zanlex serve`: 1, 8 and 64 concurrent clients on loopback, each sending the fixed
queries of benches/queries.txt to /v1/search (top 10) over a kept-alive connection, for a
bounded time and count; p50, p99, QPS and errors per level, beside the in-process time of the
same searches (`took_ms` of each answer: the library's search, measured inside the server,
without HTTP, queueing or JSON).

    benches/serve_load.sh                      # the 100 MB scaled corpus, 15 s per level
    benches/serve_load.sh --mb 10 --seconds 5  # a quick look

The corpus is `zanlex-scale --mb N --seed 1` (benches/compare.sh's), written once into
target/serve-load/. The server listens on 127.0.0.1 only, on a port the system picks.
"""
import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benches"))
import serving  # noqa: E402
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
REL = TARGET / "release"


ZANLEX = Path(os.environ.get("ZANLEX_BIN", REL / "zanlex"))


def prepare_index(mb):
    """The corpus of `zanlex-scale --mb MB --seed 1` in target/serve-load/, written once, and
    its index, built or refreshed: (corpus, index)."""
    work = TARGET / "serve-load"
    work.mkdir(parents=True, exist_ok=True)
    mb = f"{mb:g}"
    corpus, index = work / f"corpus-{mb}", work / f"index-{mb}"
    done = work / f"corpus-{mb}.done"
    if not done.exists():
        print(f"writing the {mb} MB corpus into {corpus}", file=sys.stderr)
        subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "zanlex-scale"], check=True, cwd=ROOT)
        subprocess.run([ROOT / "target" / "release" / "zanlex-scale", "--out", corpus, "--mb", mb,
                        "--seed", "1"], check=True, cwd=ROOT)
        done.write_text("ok\n")
    # Exit code 1: files the scaler made unreadable on purpose were skipped; the rest is indexed.
    if subprocess.run([ZANLEX, "index", "--corpus", corpus, "--index", index], cwd=ROOT).returncode > 1:
        sys.exit("zanlex index failed")
    return corpus, index


def load_queries():
    """The query texts of benches/queries.txt (kind TAB query ...), in order."""
    queries_file = ROOT / "benches" / "queries.txt"
    return [line.split("\t")[1] for line in queries_file.read_text(encoding="utf-8").splitlines()
            if "\t" in line]


def start_server(corpus, index, prefix=()):
    """`zanlex serve` on 127.0.0.1, on a port the system picks, run under `prefix` (e.g.
    taskset): (process, port)."""
    return serving.start_server(ZANLEX, corpus, index, "--watch-secs", "0", prefix=prefix, cwd=ROOT)


def pct(xs, p):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def run_level(port, queries, clients, seconds, max_requests):
    """`clients` threads for `seconds` (or `max_requests` in all): latencies in ms, errors."""
    lat, took, errors, lock = [], [], [0], threading.Lock()
    sent = [0]
    deadline = time.monotonic() + seconds

    def client(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        n = i
        mine, mine_took = [], []
        bad = 0
        while time.monotonic() < deadline:
            with lock:
                if sent[0] >= max_requests:
                    break
                sent[0] += 1
            q = queries[n % len(queries)]
            n += clients
            path = "/v1/search?" + urllib.parse.urlencode({"q": q, "limit": 10})
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                res = conn.getresponse()
                body = res.read()
                ok = res.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            ms = (time.perf_counter() - t0) * 1e3
            if ok:
                mine.append(ms)
                mine_took.append(json.loads(body)["took_ms"])
            else:
                bad += 1
        conn.close()
        with lock:
            lat.extend(mine)
            took.extend(mine_took)
            errors[0] += bad

    wall = serving.run_clients(client, clients)
    return lat, took, errors[0], wall


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--seconds", type=float, default=15, help="per level")
    ap.add_argument("--max-requests", type=int, default=50000, help="per level")
    ap.add_argument("--clients", default="1,8,64")
    args = ap.parse_args()

    corpus, index = prepare_index(args.mb)
    mb = f"{args.mb:g}"
    queries = load_queries()
    server, port = start_server(corpus, index)
    try:
        # Warm: every query once.
        run_level(port, queries, 1, 60, len(queries))
        rows = []
        for c in [int(x) for x in args.clients.split(",")]:
            lat, took, errors, wall = run_level(port, queries, c, args.seconds, args.max_requests)
            rows.append((c, pct(lat, 50), pct(lat, 99), len(lat) / wall, errors, len(lat),
                         pct(took, 50), pct(took, 99)))
    finally:
        server.terminate()
        server.wait(timeout=30)

    cores = os.cpu_count()
    print(f"\n{mb} MB corpus, {len(queries)} queries (benches/queries.txt), top 10, {cores} cores, "
          f"server and clients on one machine, {args.seconds:g} s per level\n")
    print("| clients | p50 ms | p99 ms | QPS | errors | requests | in-process p50 ms | in-process p99 ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for c, p50, p99, qps, err, n, t50, t99 in rows:
        print(f"| {c} | {p50:.2f} | {p99:.2f} | {qps:.0f} | {err} | {n} | {t50:.2f} | {t99:.2f} |")
    if rows:
        ratio = rows[-1][2] / rows[0][2] if rows[0][2] else float("nan")
        print(f"\np99 at {rows[-1][0]} clients / p99 at {rows[0][0]} client: {ratio:.1f}x")


if __name__ == "__main__":
    main()

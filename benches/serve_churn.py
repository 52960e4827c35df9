#!/usr/bin/env python3
"""`zanlex serve` under load while its corpus keeps changing: CLIENTS mixed clients (searches,
act lists, acts, units) for SECONDS with the corpus still, then SECONDS more while one file
of it is rewritten every EVERY seconds; requests a second, p50 and p95, errors and the
refreshes the server made, for each phase.

    benches/serve_churn.py BIN CORPUS [--clients 64] [--seconds 30] [--every 0.5]

CORPUS is copied into a temporary folder (with one more act, the file rewritten) and indexed
there first; the server watches it (`--watch-secs 1`) on a port the system picks. Each
client keeps one connection alive and cycles through its share of the mix: a search of
benches/queries.txt (top 10) half the time, then in turn the first page of `/v1/acts`, an
act's outline (`/v1/acts/{id}`) and a unit (`/v1/acts/{id}/units/{eid}`), both from the
warm-up searches' hits (not the rewritten act's). Each rewrite changes a word that is then searched for, so every
refresh has a real change to take in.
"""
import argparse
import http.client
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benches"))
from serve_load import load_queries, pct  # noqa: E402
from serving import run_clients, start_server  # noqa: E402


def act(word):
    return (f"Сынақ қағидаларын бекіту туралы\n\n1. Бірінші тармақ сынақ туралы.\n"
            f"2. Екінші тармақ {word} туралы.\n")


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", path)
    res = conn.getresponse()
    body = res.read()
    conn.close()
    return res.status, json.loads(body)


def phase(port, paths, clients, seconds):
    """`clients` threads for `seconds`, each cycling through `paths` from its own offset:
    latencies in ms of the answers 200, the other answers by status (0: no answer), the wall
    time."""
    lat, errors, lock = [], {}, threading.Lock()
    deadline = time.monotonic() + seconds

    def client(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        n, mine, bad = i * 7, [], {}
        while time.monotonic() < deadline:
            path = paths[n % len(paths)]
            n += 1
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                res = conn.getresponse()
                res.read()
                status = res.status
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            if status == 200:
                mine.append((time.perf_counter() - t0) * 1e3)
            else:
                bad[status] = bad.get(status, 0) + 1
        conn.close()
        with lock:
            lat.extend(mine)
            for k, v in bad.items():
                errors[k] = errors.get(k, 0) + v

    wall = run_clients(client, clients)
    return lat, errors, wall


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("corpus")
    ap.add_argument("--clients", type=int, default=64)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--every", type=float, default=0.5)
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="serve-churn-")
    corpus = Path(tmp.name) / "corpus"
    shutil.copytree(args.corpus, corpus)
    churned = corpus / "zz_churn.txt"
    churned.write_text(act("бастапқысөз"), encoding="utf-8")
    index = Path(tmp.name) / "index"
    if subprocess.run([args.binary, "index", "--corpus", corpus, "--index", index],
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode > 1:
        sys.exit("zanlex index failed")
    server, port = start_server(args.binary, corpus, index, "--watch-secs", "1")
    try:
        queries = load_queries()
        searches = ["/v1/search?" + urllib.parse.urlencode({"q": q, "limit": 10}) for q in queries]
        units, acts = [], []
        for path in searches:
            status, body = get(port, path)
            for h in body.get("hits", [])[:2] if status == 200 else []:
                # Not the act rewritten: its units may come and go.
                if "zz_churn" in h["source"]["file"]:
                    continue
                aid, eid = urllib.parse.quote(h["act"]["id"]), urllib.parse.quote(h["unit"]["eid"])
                units.append(f"/v1/acts/{aid}/units/{eid}")
                acts.append(f"/v1/acts/{aid}")
        acts = sorted(set(acts))
        paths = []
        for k, s in enumerate(searches):
            paths.append(s)
            other = k % 3
            if other == 0:
                paths.append("/v1/acts?limit=20")
            elif other == 1 and acts:
                paths.append(acts[k % len(acts)])
            elif units:
                paths.append(units[k % len(units)])
        rows = []
        for name, churn in (("still", False), ("one file every %gs" % args.every, True)):
            before = get(port, "/healthz")[1]["refreshes"]
            stop = threading.Event()
            writes = [0]

            def rewrite():
                while not stop.wait(args.every):
                    writes[0] += 1
                    churned.write_text(act("аралықсөз" + "а" * (writes[0] % 7 + 1)), encoding="utf-8")

            writer = threading.Thread(target=rewrite)
            if churn:
                writer.start()
            lat, errors, wall = phase(port, paths, args.clients, args.seconds)
            stop.set()
            if churn:
                writer.join()
            refreshes = get(port, "/healthz")[1]["refreshes"] - before
            rows.append((name, len(lat) / wall, pct(lat, 50), pct(lat, 95), errors, len(lat),
                         writes[0], refreshes))
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"\n{args.clients} clients, {len(paths)} paths (searches, act lists, acts, units), "
          f"{args.seconds:g} s a phase, corpus {args.corpus}\n")
    print("| phase | req/s | p50 ms | p95 ms | not 200 | answers 200 | rewrites | refreshes |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, rps, p50, p95, err, n, w, r in rows:
        shown = ", ".join(f"{v} × {k or 'no answer'}" for k, v in sorted(err.items())) or "0"
        print(f"| {name} | {rps:.1f} | {p50:.0f} | {p95:.0f} | {shown} | {n} | {w} | {r} |")
    if len(rows) == 2 and rows[0][1]:
        print(f"\nwhile changing / still: req/s {rows[1][1] / rows[0][1]:.2f}x, "
              f"p95 {rows[1][3] / rows[0][3]:.2f}x")


if __name__ == "__main__":
    main()

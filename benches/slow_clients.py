#!/usr/bin/env python3
"""Slow clients against `zanlex serve`: N connections that trickle a request (a header line, or
a `/mcp` body byte, every few seconds) while an ordinary client asks `/healthz` again and
again; whether and how fast the ordinary client is served, and when the server closes the
slow connections and with what.

    benches/slow_clients.py BIN --kind head --clients 400 --max-connections 400 --every 10
    benches/slow_clients.py BIN --kind body --clients 40 --max-connections 40 --every 5
    benches/slow_clients.py BIN --kind share --clients 400 --max-connections 400 --every 10

`head`: each slow connection sends `GET /healthz HTTP/1.1` and then one header line every
EVERY seconds, never the blank line. `body`: each sends a whole `POST /mcp` head with
`Content-Length: 400` and then one byte of the body every EVERY seconds. `head` and `body`
connect from addresses of their own (127.0.1.1, 127.0.1.2, ...: one client each, so that the
share one address may hold does not come into it); `share` is `head` from one address,
127.0.0.1. The ordinary client is 127.0.0.2. The corpus is the bundled `corpus/`, indexed into a
temporary folder; the server runs with `--watch-secs 0` on a port the system picks.
"""
import argparse
import http.client
import re
import selectors
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benches"))
from serving import start_server  # noqa: E402


def slow_address(kind, i):
    if kind == "share":
        return "127.0.0.1"
    return f"127.0.{1 + i // 250}.{1 + i % 250}"


def ordinary(port, until, timeout, out):
    """GET /healthz from 127.0.0.2, one after another until `until`: (started, status or
    None, seconds) for each."""
    while time.monotonic() < until:
        t0 = time.monotonic()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                          source_address=("127.0.0.2", 0))
        try:
            conn.request("GET", "/healthz")
            status = conn.getresponse().status
        except OSError:
            status = None
        finally:
            conn.close()
        took = time.monotonic() - t0
        out.append((t0, status, took))
        if status is not None:
            time.sleep(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("--kind", choices=["head", "body", "share"], default="head")
    ap.add_argument("--clients", type=int, default=400)
    ap.add_argument("--max-connections", type=int, default=400)
    ap.add_argument("--every", type=float, default=10.0, help="seconds between trickled pieces")
    ap.add_argument("--run", type=float, default=40.0, help="seconds the slow clients run")
    ap.add_argument("--timeout", type=float, default=10.0, help="the ordinary client's wait")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="slow-clients-")
    index = Path(tmp.name) / "index"
    server, port = start_server(args.binary, ROOT / "corpus", index, "--watch-secs", "0",
                                "--max-connections", str(args.max_connections))
    try:
        if args.kind == "body":
            head = (b"POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    b"Accept: application/json, text/event-stream\r\nContent-Length: 400\r\n\r\n")
            piece = lambda k: b"{"
        else:
            head = b"GET /healthz HTTP/1.1\r\n"
            piece = lambda k: b"X-Slow-%d: yes\r\n" % k
        sel = selectors.DefaultSelector()
        socks = {}
        started = time.monotonic()
        for i in range(args.clients):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind((slow_address(args.kind, i), 0))
            s.connect(("127.0.0.1", port))
            s.sendall(head)
            s.setblocking(False)
            sel.register(s, selectors.EVENT_READ)
            socks[s] = {"answer": b"", "closed": None}
        opened = time.monotonic() - started
        probes = []
        probe = threading.Thread(target=ordinary, args=(port, started + args.run, args.timeout, probes))
        # The ordinary client starts once the slow ones have taken their places.
        time.sleep(0.3)
        probe.start()
        k = 0
        next_piece = started + args.every
        while time.monotonic() < started + args.run:
            for key, _ in sel.select(timeout=0.1):
                s = key.fileobj
                try:
                    data = s.recv(4096)
                except (ConnectionResetError, BrokenPipeError):
                    data = b""
                if data:
                    socks[s]["answer"] += data
                else:
                    socks[s]["closed"] = time.monotonic() - started
                    sel.unregister(s)
            if time.monotonic() >= next_piece:
                k += 1
                for s, st in socks.items():
                    if st["closed"] is None:
                        try:
                            s.send(piece(k))
                        except OSError:
                            st["closed"] = time.monotonic() - started
                            sel.unregister(s)
                next_piece += args.every
        probe.join()
    finally:
        server.kill()
        server.wait()

    closed = [st["closed"] for st in socks.values() if st["closed"] is not None]
    statuses = {}
    for st in socks.values():
        m = re.match(rb"HTTP/1\.1 (\d{3})", st["answer"])
        key = m.group(1).decode() if m else ("closed, no answer" if st["closed"] is not None else "open")
        statuses[key] = statuses.get(key, 0) + 1
    served = [p for p in probes if p[1] == 200]
    print(f"kind={args.kind} clients={args.clients} max-connections={args.max_connections} "
          f"every={args.every}s run={args.run}s (connections opened in {opened:.2f} s)")
    print(f"slow connections closed by the server: {len(closed)}/{args.clients}"
          + (f", median at {statistics.median(closed):.1f} s, last at {max(closed):.1f} s" if closed else ""))
    print(f"slow connections' answers: {dict(sorted(statuses.items()))}")
    print(f"ordinary client: {len(served)}/{len(probes)} requests served within {args.timeout:g} s"
          + (f"; first served {served[0][0] - started:.1f} s after the slow clients began, "
             f"its wait {served[0][2]:.3f} s, median wait {statistics.median(p[2] for p in served):.3f} s"
             if served else "; none served"))


if __name__ == "__main__":
    main()

"""Query timing shared by the Python peers: one warm-up pass, then one timed pass, one thread."""

import json
import time


def report_latencies(queries, run):
    """Runs `run(q)` over `queries` twice (warm-up, timed) and prints p50/p99/QPS/hits as JSON.

    `run` returns the hits of one query: a list, or a count.
    """
    for q in queries:
        run(q)
    lat, hits = [], 0
    t0 = time.perf_counter()
    for q in queries:
        s = time.perf_counter()
        r = run(q)
        hits += r if isinstance(r, int) else len(r)
        lat.append(time.perf_counter() - s)
    total = time.perf_counter() - t0
    lat.sort()
    print(json.dumps({
        "queries": len(lat),
        "p50_ms": lat[len(lat) // 2] * 1e3,
        "p99_ms": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1e3,
        "qps": len(lat) / total,
        "hits": hits,
    }))

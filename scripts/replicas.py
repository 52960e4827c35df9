#!/usr/bin/env python3
"""Past one machine, on one machine: a builder, two `zanlex serve --replica` servers and an
nginx load balancer, each replica and the balancer in a network namespace of its own, joined by
virtual Ethernet pairs. Clients in the root namespace search through the balancer while the
builder indexes a new act and publishes the new generation to both replicas.

It checks that no request is lost (every answer is 200 and whole JSON), that no answer comes
from a half-copied generation (the new act's word finds nothing on the old index and exactly
the new act on the new one, and a control query answers the same throughout), that both
replicas serve the new generation within BOUND_S seconds of its publication, and that after
that every answer through the balancer is the new index's.

Needs root (network namespaces), `ip` and `nginx`; without them it says so and exits 0.
Usage: scripts/replicas.py [--zanlex target/release/zanlex] [--clients 8]
Addresses used: 10.231.1.0/24, 10.231.2.0/24, 10.231.3.0/24, inside namespaces it creates and
removes; nothing leaves this machine.
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOUND_S = 5.0  # both replicas on a new generation within this many seconds of its publication
WATCH_S = 1  # how often a replica looks for a new generation
NEW_ACT = (
    "# Жирафозавр туралы бұйрық\n\n1. Жирафозавр қорғалады.\n\n"
    "2. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.\n"
)
PROBE = "жирафозавр"  # only the new act has it
CONTROL = "рұқсат"  # the same answer on both generations
LB = "10.231.1.2"
REPLICAS = ["10.231.2.2", "10.231.3.2"]
PORT = 8080


def sh(*args, ns=None, check=True):
    cmd = (["ip", "netns", "exec", ns] if ns else []) + [str(a) for a in args]
    return subprocess.run(cmd, check=check, capture_output=True, text=True)


class Net:
    """The namespaces and links, removed on exit whatever happened."""

    def __init__(self, tag):
        self.lb, self.r = f"zlx{tag}lb", [f"zlx{tag}r1", f"zlx{tag}r2"]
        self.links = []

    def up(self):
        for ns in [self.lb, *self.r]:
            sh("ip", "netns", "add", ns)
            sh("ip", "link", "set", "lo", "up", ns=ns)
        tag = self.lb[3:-2]
        # root ↔ balancer
        self.pair(f"zc{tag}", None, "10.231.1.1/24", f"zd{tag}", self.lb, "10.231.1.2/24")
        # balancer ↔ each replica
        for i, ns in enumerate(self.r):
            self.pair(f"zl{tag}{i}", self.lb, f"10.231.{i + 2}.1/24", f"zr{tag}{i}", ns, f"10.231.{i + 2}.2/24")
            sh("ip", "route", "add", "default", "via", f"10.231.{i + 2}.1", ns=ns)
        sh("sysctl", "-qw", "net.ipv4.ip_forward=1", ns=self.lb)
        sh("ip", "route", "add", "default", "via", "10.231.1.1", ns=self.lb)
        # The root namespace reaches the replicas through the balancer's namespace, to read
        # their /healthz directly.
        sh("ip", "route", "add", "10.231.2.0/23", "via", LB)

    def pair(self, a, ns_a, addr_a, b, ns_b, addr_b):
        sh("ip", "link", "add", a, "type", "veth", "peer", "name", b)
        self.links.append(a)
        for name, ns, addr in ((a, ns_a, addr_a), (b, ns_b, addr_b)):
            if ns:
                sh("ip", "link", "set", name, "netns", ns)
            sh("ip", "addr", "add", addr, "dev", name, ns=ns)
            sh("ip", "link", "set", name, "up", ns=ns)

    def down(self):
        sh("ip", "route", "del", "10.231.2.0/23", check=False)
        for a in self.links:
            sh("ip", "link", "del", a, check=False)
        for ns in [self.lb, *self.r]:
            sh("ip", "netns", "del", ns, check=False)


def get(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as res:
        return res.status, json.loads(res.read())


def wait_healthy(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if get(url, timeout=2)[0] == 200:
                return
        except Exception:
            time.sleep(0.1)
    raise SystemExit(f"replicas: {url} did not answer within {seconds} s")


def nginx_conf(tmp):
    upstreams = "\n".join(f"    server {ip}:{PORT} max_fails=0;" for ip in REPLICAS)
    return f"""
user root;
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/nginx-body;
  proxy_temp_path {tmp}/nginx-proxy;
  upstream zanlex {{
{upstreams}
    keepalive 32;
  }}
  server {{
    listen {LB}:{PORT};
    location / {{
      proxy_pass http://zanlex;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_502 http_503;
    }}
  }}
}}
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--zanlex", default=str(ROOT / "target/release/zanlex"))
    ap.add_argument("--clients", type=int, default=8)
    args = ap.parse_args()
    missing = [t for t in ("ip", "nginx") if not shutil.which(t)]
    if os.geteuid() != 0 or missing or not Path(args.zanlex).is_file():
        why = "not root" if os.geteuid() != 0 else f"missing {', '.join(missing) or args.zanlex}"
        print(f"replicas: skipped ({why}); needs root, ip, nginx and a built zanlex")
        return 0
    zanlex = args.zanlex
    tmp = Path(tempfile.mkdtemp(prefix="zanlex-replicas-"))
    net = Net(os.getpid() % 1000)
    procs = []
    try:
        corpus, built = tmp / "corpus", tmp / "built"
        shutil.copytree(ROOT / "corpus", corpus)
        subprocess.run([zanlex, "index", "--corpus", corpus, "--index", built], check=True, capture_output=True)
        dirs = [tmp / f"replica{i + 1}" for i in range(len(REPLICAS))]
        for d in dirs:
            subprocess.run([zanlex, "publish", "--index", built, "--to", d], check=True, capture_output=True)
        net.up()
        for ns, d, ip in zip(net.r, dirs, REPLICAS):
            log = open(tmp / f"{ns}.log", "w")
            procs.append(subprocess.Popen(
                ["ip", "netns", "exec", ns, zanlex, "serve", "--replica", "--index", d,
                 "--addr", f"{ip}:{PORT}", "--watch-secs", str(WATCH_S)],
                stdout=log, stderr=log))
        (tmp / "nginx.conf").write_text(nginx_conf(tmp))
        procs.append(subprocess.Popen(
            ["ip", "netns", "exec", net.lb, "nginx", "-c", tmp / "nginx.conf"],
            stdout=subprocess.DEVNULL, stderr=open(tmp / "nginx.out", "w")))
        for ip in REPLICAS:
            wait_healthy(f"http://{ip}:{PORT}/healthz")
        wait_healthy(f"http://{LB}:{PORT}/healthz")
        return run_load(args, zanlex, corpus, built, dirs)
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
        net.down()
        shutil.rmtree(tmp, ignore_errors=True)


def run_load(args, zanlex, corpus, built, dirs):
    base = f"http://{LB}:{PORT}/v1/search?q="
    control = get(base + urllib.parse.quote(CONTROL))[1]["hits"]
    control = [(h["act"]["id"], h["unit"]["eid"]) for h in control]
    assert control, "the control query finds nothing"
    stop = threading.Event()
    records = []  # (time sent, seconds, query, status, hits as (act, eid) or an error)
    lock = threading.Lock()

    def client(k):
        n = 0
        while not stop.is_set() and n < 100_000:
            q = PROBE if (k + n) % 2 == 0 else CONTROL
            sent = time.time()
            try:
                status, body = get(base + urllib.parse.quote(q))
                found = [(h["act"]["id"], h["unit"]["eid"]) for h in body["hits"]]
            except Exception as e:  # a lost request, a 5xx, a body that is not JSON
                status, found = getattr(e, "code", 0), repr(e)
            with lock:
                records.append((sent, time.time() - sent, q, status, found))
            n += 1

    threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
    for t in threads:
        t.start()
    time.sleep(3)
    (corpus / "new.md").write_text(NEW_ACT)
    subprocess.run([zanlex, "index", "--corpus", corpus, "--index", built], check=True, capture_output=True)
    published = time.time()
    for d in dirs:
        subprocess.run([zanlex, "publish", "--index", built, "--to", d], check=True, capture_output=True)
    switched = {}
    deadline = published + 60
    while len(switched) < len(REPLICAS) and time.time() < deadline:
        for ip in REPLICAS:
            if ip not in switched and get(f"http://{ip}:{PORT}/healthz")[1]["refreshes"] >= 1:
                switched[ip] = time.time() - published
        time.sleep(0.05)
    all_new = published + max(switched.values(), default=60)
    time.sleep(3)
    stop.set()
    for t in threads:
        t.join()

    failures = []
    errors = [r for r in records if r[3] != 200]
    if errors:
        failures.append(f"{len(errors)} requests failed, e.g. {errors[0][3]} {errors[0][4]}")
    probe_new = None
    for sent, _, q, status, found in records:
        if status != 200:
            continue
        if q == CONTROL and found != control:
            failures.append(f"the control query answered {found[:3]}… at {sent - published:+.2f} s")
            break
        if q == PROBE:
            if len(found) > 1 or (found and found[0][1] != "para_1"):
                failures.append(f"the probe answered {found} at {sent - published:+.2f} s")
                break
            if found:
                probe_new = probe_new or found
            if sent > all_new + 0.01 and not found:
                failures.append(f"an old answer after both replicas switched, at {sent - published:+.2f} s")
                break
    if probe_new is None:
        failures.append("the new act was never found")
    if len(switched) < len(REPLICAS) or max(switched.values()) > BOUND_S:
        failures.append(f"replicas switched after {switched} s; the bound is {BOUND_S} s")
    latencies = sorted(r[1] * 1000 for r in records if r[3] == 200)
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan")
    print(
        f"replicas: {len(records)} requests from {args.clients} clients through nginx to 2 replicas, "
        f"{len(errors)} failed; a new generation published at t=0 was served by both after "
        f"{', '.join(f'{s:.2f} s' for s in sorted(switched.values()))} (bound {BOUND_S} s); "
        f"latency p50 {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms"
    )
    for f in failures:
        print(f"replicas: FAILED: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

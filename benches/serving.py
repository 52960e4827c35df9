"""What the benches that drive `zanlex serve` share: starting the server on a port the system
picks, and clients on threads of their own (`serve_load.py`, `open_loop.py`, `slow_clients.py`,
`serve_churn.py`)."""
import re
import subprocess
import sys
import threading
import time


def start_server(binary, corpus, index, *options, prefix=(), cwd=None):
    """`BINARY serve` on CORPUS and INDEX at 127.0.0.1, on a port the system picks, with the
    further `options` (`--watch-secs 0`, ...), run under `prefix` (e.g. taskset) from `cwd`:
    (process, port). The server's stderr is read to the line naming its port, then drained on a
    thread of its own so that it never fills; exits when the server names none."""
    server = subprocess.Popen([*prefix, binary, "serve", "--corpus", corpus, "--index", index,
                               "--addr", "127.0.0.1:0", *options],
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=cwd)
    port = None
    for line in server.stderr:
        m = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
            break
    if port is None:
        sys.exit("the server did not start")
    threading.Thread(target=lambda: server.stderr.read(), daemon=True).start()
    return server, port


def run_clients(client, clients):
    """`client(i)` for i in 0..CLIENTS, each on a thread of its own, all started together:
    the seconds until the last one ends."""
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic() - t0

#!/usr/bin/env bash
# `zanlex serve` against its goals: saturation QPS beside the in-process capacity, and p99
# under open-loop Poisson load at half of saturation beside the unloaded p99 (see
# benches/open_loop.py). Builds the server and examples/serve_cost first; needs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
# Apart: built together, the example's dev-dependency features (failpoints) would reach the
# server binary too, and the server measured would not be the one shipped.
nice -n 10 cargo build --release --bin zanlex
nice -n 10 cargo build --release --example serve_cost
exec python3 benches/open_loop.py "$@"

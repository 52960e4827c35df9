#!/usr/bin/env bash
# Load on `zanlex serve` over loopback: 1/8/64 clients, p50, p99, QPS, errors (see
# benches/serve_load.py). Builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin zanlex
exec python3 benches/serve_load.py "$@"

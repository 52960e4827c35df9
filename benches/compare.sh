#!/usr/bin/env bash
# zanlex beside SQLite FTS5, default tantivy (and Xapian with --xapian) on one scaled corpus.
#   benches/compare.sh --sizes 10,100        # quick
#   benches/compare.sh                       # 10, 100 and 1000 MB in one run (~30 min, 8 GB disk)
# Needs: cargo, python3 with sqlite3 FTS5 (standard CPython), GNU time (installed by the script
# with apt-get if missing); Xapian: apt-get install -y python3-xapian.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 benches/compare.py "$@"

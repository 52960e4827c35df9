#!/usr/bin/env bash
# Lists the library's public API from the rustdoc of the crate root (`target/doc/zanlex/all.html`,
# built by `cargo doc --no-deps`), one `kind name` a line, and compares it with
# `docs/public-api.txt`: a change to the public API must show in that file, on purpose.
# `--write` rewrites the file instead.
set -euo pipefail
cd "$(dirname "$0")/.."
doc="${CARGO_TARGET_DIR:-target}/doc/zanlex/all.html"
if [[ ! -f "$doc" ]]; then
    echo "public-api: $doc is missing; run \`cargo doc --no-deps\` first" >&2
    exit 1
fi
listing=$(python3 - "$doc" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
for href, name in sorted(set(re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', html))):
    print(href.split(".")[0], name)
PY
)
if [[ "${1:-}" == "--write" ]]; then
    printf '%s\n' "$listing" > docs/public-api.txt
    echo "public-api: wrote docs/public-api.txt ($(wc -l < docs/public-api.txt) items)"
    exit 0
fi
if ! diff -u docs/public-api.txt <(printf '%s\n' "$listing"); then
    echo "public-api: the public API changed; if on purpose, run scripts/public-api.sh --write" >&2
    exit 1
fi
echo "public-api: $(wc -l < docs/public-api.txt) items, as docs/public-api.txt lists"

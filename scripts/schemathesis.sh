#!/usr/bin/env bash
# Schema-driven requests against `zanlex serve` on the bundled corpus: Schemathesis reads the
# server's own OpenAPI document (generated from the types it sends) and, for every operation,
# sends a fixed number of generated requests, valid and invalid, with a fixed seed. It fails on
# any 5xx, on a status or content type the document does not list, and on an answer that does
# not match its schema. Installed from PyPI into target/schemathesis; where that cannot be done,
# says so and skips. Needs `target/release/zanlex` (built by `cargo test --release`).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$PWD/target/schemathesis
if [[ ! -x "$venv/bin/st" ]]; then
    if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q 'schemathesis>=4,<5'; }; then
        echo "schemathesis: could not install it from PyPI; skipped" >&2
        exit 0
    fi
fi
bin=$PWD/target/release/zanlex
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
"$bin" serve --corpus "$PWD/corpus" --index "$work/index" --addr "127.0.0.1:$port" --watch-secs 0 \
    >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then
        cat "$work/serve.log" >&2
        exit 1
    fi
    sleep 0.5
done
# Run from the temporary folder: Schemathesis keeps its cache in the folder it runs in.
(cd "$work" && "$venv/bin/st" --no-color run "http://127.0.0.1:$port/openapi.json" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "${SCHEMATHESIS_EXAMPLES:-100}" --seed 1 --workers 2 \
    --phases examples,coverage,fuzzing --request-timeout 20)

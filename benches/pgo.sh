#!/usr/bin/env bash
# Builds the binaries that benches/compare.py measures with profile-guided optimization (PGO):
# the `dist` profile instrumented, run on a training workload, rebuilt with the profile.
#
#   benches/pgo.sh OUT_DIR      # OUT_DIR/zanlex and OUT_DIR/examples/{dump_units,peer_tantivy,
#                               # zanlex_query}; about 13 minutes on 2 cores
#
# The training workload is not the measured one: a 20 MB corpus of `zanlex-scale --seed 7`
# (the comparison measures seed 1) indexed by zanlex and by the tantivy peer, and the queries
# drawn from the corpus with another seed than benches/queries.txt (`make_queries.py --seed
# 17`) less those that are also among the measured ones (176 of 200 remain), run on both. The
# tantivy peer is trained on its own work, so both Rust builds get the same treatment; SQLite
# is the system's.
#
# Needs an llvm-profdata that reads rustc's raw profiles: rustup's (`rustup component add
# llvm-tools`) or a system one (`apt-get install -y llvm-19`, which this script runs as root
# when it finds none). Exits non-zero when none can be had or none reads the profiles.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: benches/pgo.sh OUT_DIR}
work=target/pgo

# rustup's llvm-profdata first (rustc's own LLVM), then the system's, newest first.
profdata_candidates() {
    local host sysroot
    host=$(rustc -vV | sed -n 's/^host: //p')
    sysroot=$(rustc --print sysroot)
    for p in "$sysroot/lib/rustlib/$host/bin/llvm-profdata" \
        $(ls -d /usr/lib/llvm-*/bin/llvm-profdata 2>/dev/null | sort -t- -k2 -n -r); do
        if [ -x "$p" ]; then
            echo "$p"
        fi
    done
}

if [ -z "$(profdata_candidates)" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "pgo.sh: no llvm-profdata; installing llvm-19 (apt-get install -y llvm-19)" >&2
    apt-get install -y -qq llvm-19 >/dev/null ||
        { apt-get update -qq && apt-get install -y -qq llvm-19 >/dev/null; } || true
fi
if [ -z "$(profdata_candidates)" ]; then
    echo "pgo.sh: no llvm-profdata (rustup component add llvm-tools, or apt-get install llvm-19)" >&2
    exit 1
fi

# The examples benches/compare.py runs beside the binary (its EXAMPLES).
examples=(dump_units peer_tantivy peer_tantivy_fair zanlex_query)
targets=(--bin zanlex)
for e in "${examples[@]}"; do
    targets+=(--example "$e")
done
raw="$PWD/$work/raw"
rm -rf "$raw" "$work/idx" "$work/peer" "$work/peer-fair" "$work/units.jsonl"
mkdir -p "$raw"

echo "pgo.sh: building instrumented binaries" >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$raw" \
    cargo build --quiet --profile dist --target-dir "$work/gen" "${targets[@]}"
gen="$work/gen/dist"

# The stamp names the scaler's source: a corpus made by another scaler is made again.
stamp="$work/train.$(sha256sum crates/zanlex-scale/src/lib.rs | cut -c1-12).done"
if [ ! -e "$stamp" ]; then
    rm -rf "$work/train" "$work"/train.*done
    cargo build --quiet --release -p zanlex-scale
    target/release/zanlex-scale --out "$work/train" --mb 20 --seed 7 >/dev/null
    touch "$stamp"
fi
python3 benches/peers/make_queries.py corpus --seed 17 | grep -vxFf benches/queries.txt \
    >"$work/queries.txt"

echo "pgo.sh: training on $work/train and $(wc -l <"$work/queries.txt") queries" >&2
"$gen/zanlex" index --corpus "$work/train" --index "$work/idx" >/dev/null
"$gen/zanlex" search --corpus "$work/train" --index "$work/idx" --json "тұрақты тұруға рұқсат" >/dev/null
"$gen/examples/zanlex_query" "$work/idx" "$work/queries.txt" >/dev/null
"$gen/examples/dump_units" "$work/train" "$work/units.jsonl" >/dev/null
"$gen/examples/peer_tantivy" index "$work/units.jsonl" "$work/peer" >/dev/null
"$gen/examples/peer_tantivy" query "$work/peer" "$work/queries.txt" >/dev/null
"$gen/examples/peer_tantivy_fair" index "$work/units.jsonl" "$work/peer-fair" >/dev/null
"$gen/examples/peer_tantivy_fair" query "$work/peer-fair" "$work/queries.txt" >/dev/null

# An llvm-profdata older than the raw profiles' format cannot read them: take the first that can.
profdata=""
for p in $(profdata_candidates); do
    if "$p" merge -o "$work/merged.profdata" "$raw" 2>/dev/null; then
        profdata=$p
        break
    fi
done
if [ -z "$profdata" ]; then
    echo "pgo.sh: no llvm-profdata here reads rustc's profiles (rustup component add llvm-tools)" >&2
    exit 1
fi
# Named by its content, so a new profile changes RUSTFLAGS and cargo rebuilds every crate with
# it (cargo does not watch the file itself).
profile="$PWD/$work/profile-$(sha256sum "$work/merged.profdata" | cut -c1-16).profdata"
rm -f "$work"/profile-*.profdata
mv "$work/merged.profdata" "$profile"
echo "pgo.sh: building with the profile ($profdata)" >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$profile" \
    cargo build --quiet --profile dist --target-dir "$work/use" "${targets[@]}"

mkdir -p "$out/examples"
cp "$work/use/dist/zanlex" "$out/zanlex"
for e in "${examples[@]}"; do
    cp "$work/use/dist/examples/$e" "$out/examples/$e"
done
echo "pgo.sh: wrote $out" >&2

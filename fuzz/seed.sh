#!/usr/bin/env bash
# Fills fuzz/corpus/TARGET with the project's real inputs as seeds, in chunks that fit each
# target's -max_len (see the README's "Fuzzing"). Run from anywhere; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus
mkdir -p "$out"/{query_parse,decode,pdf,pdf_content,structure_text,structure_markdown,amend}

# Texts split at line ends into pieces of at most 60 000 bytes.
chunks() { # DEST PREFIX FILE...
    local dest=$1 prefix=$2 f n=0
    shift 2
    for f in "$@"; do
        n=$((n + 1))
        split -C 60000 -d -a 3 "$f" "$dest/$prefix$n-"
    done
}

cut -f3 benches/queries.txt | awk 'NF { print > sprintf("'"$out"'/query_parse/q%03d", NR) }'

txt=(corpus/*.txt tests/fixtures/amend/*/*.txt)
md=($(find tests/fixtures/mirror tests/fixtures/versions tests/fixtures/amend -name '*.md' | sort))
chunks "$out/structure_text" t "${txt[@]}"
chunks "$out/structure_markdown" m "${md[@]}"
chunks "$out/decode" t "${txt[@]}"
cp tests/fixtures/bad/*.txt tests/fixtures/bad/*.bin "$out/decode/"
# Windows-1251 and UTF-16 versions of a real text, for the decoder's other paths.
head -c 20000 corpus/001_e93b22564f257a40.txt | iconv -f utf-8 -t utf-16le > "$out/decode/u16le"
head -c 20000 corpus/001_e93b22564f257a40.txt | iconv -f utf-8 -t cp1251 -c > "$out/decode/cp1251" || true
cp tests/fixtures/pdf/*.pdf tests/fixtures/bad/*.pdf "$out/pdf/"
# The fixtures' content streams, inflated: each a seed of the content-stream target.
# Their streams are Flate, some of them in ASCII85 first (`/ASCII85Decode /FlateDecode`).
python3 - "$out/pdf_content" tests/fixtures/pdf/*.pdf <<'PY'
import base64, re, sys, zlib
def inflate(raw):
    try:
        return zlib.decompress(raw)
    except zlib.error:
        pass
    try:
        a85 = raw.strip()
        if not a85.endswith(b"~>"):
            return None
        return zlib.decompress(base64.a85decode(a85, adobe=True))
    except (ValueError, zlib.error):
        return None
n = 0
for path in sys.argv[2:]:
    data = open(path, "rb").read()
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        text = inflate(m.group(1))
        if text is None:
            continue
        if b"Tj" in text or b"TJ" in text:
            n += 1
            open(f"{sys.argv[1]}/c{n:03d}", "wb").write(text[:131072])
PY

# The amend target's first byte picks the layout: 0 plain text, 1 Markdown.
tmp=$(mktemp -d)
chunks "$tmp" t "${txt[@]}"
for f in "$tmp"/*; do { printf '\0'; cat "$f"; } > "$out/amend/$(basename "$f")"; done
rm -f "$tmp"/*
chunks "$tmp" m "${md[@]}"
for f in "$tmp"/*; do { printf '\1'; cat "$f"; } > "$out/amend/$(basename "$f")"; done
rm -rf "$tmp"
for t in "$out"/*; do echo "$(ls "$t" | wc -l) seeds in $t"; done

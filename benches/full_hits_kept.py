#!/usr/bin/env python3
"""Does a build that fills short pages with partial hits keep every full match? Runs each query
of benches/queries.txt (2nd column) through both binaries on one index and lists the queries
whose full (non-partial) hits of the new build differ from the old build's hits (act, language,
eid, score to 3 decimals) or whose total differs, and counts the queries that got partial hits.

    benches/full_hits_kept.py OLD/zanlex NEW/zanlex INDEX_DIR CORPUS_DIR [QUERIES]

An old answer that relaxed the query (no unit had enough of the words) is all partial in the new
one: its hits must then be the same, each marked partial. When the old build fills pages too (its
partial hits marked), its full hits are compared with the new build's full hits, and a relaxed
answer must stay all partial: what fills a page may change, what matches the words may not.
"""
import json
import subprocess
import sys
from pathlib import Path


def answer(binary, query, index, corpus):
    r = subprocess.run([binary, "search", query, "--index", index, "--corpus", corpus, "--json",
                        "--no-refresh"], capture_output=True, text=True)
    if r.returncode != 0:
        return None
    return json.loads(r.stdout)


def key(h):
    return (h["act"]["id"], h["lang"], h["unit"]["eid"], round(h["score"], 3))


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    old, new, index, corpus = sys.argv[1:5]
    queries = Path(sys.argv[5] if len(sys.argv) == 6
                   else Path(__file__).resolve().parent / "queries.txt")
    texts = [line.split("\t")[1] for line in queries.read_text(encoding="utf-8").splitlines()
             if "\t" in line]
    differ = filled = 0
    for q in texts:
        a, b = answer(old, q, index, corpus), answer(new, q, index, corpus)
        if a is None or b is None:
            if (a is None) != (b is None):
                differ += 1
                print(f"differs (error): {q}")
            continue
        full = [key(h) for h in b["hits"] if not h.get("partial")]
        partial = [h for h in b["hits"] if h.get("partial")]
        all_partial = bool(b["hits"]) and not full
        # An old build that fills pages too marks its partial hits: only its full ones count.
        old_fills = any(h.get("partial") for h in a["hits"])
        old_full = [key(h) for h in a["hits"] if not h.get("partial")]
        if all_partial and not old_fills:
            same = [key(h) for h in b["hits"]] == [key(h) for h in a["hits"]]
        elif all_partial:
            same = not old_full
        else:
            same = full == old_full and (old_fills or a["total"] == b["total"])
            filled += bool(partial)
        if not same:
            differ += 1
            print(f"differs: {q}\n  old {[key(h) for h in a['hits']]}\n  new {full}")
    print(f"{differ} of {len(texts)} queries lost or changed a full match; "
          f"{filled} got partial hits after their full ones")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Do two zanlex builds answer alike? Runs each query of benches/queries.txt (2nd column)
through both binaries on one index and lists the queries whose total, or any hit's act,
language, eid or score (to 3 decimals), differs. A change meant only for speed should list none.

    benches/same_hits.py OLD/zanlex NEW/zanlex INDEX_DIR CORPUS_DIR [QUERIES]
"""
import json
import subprocess
import sys
from pathlib import Path


def answer(binary, query, index, corpus):
    r = subprocess.run([binary, "search", query, "--index", index, "--corpus", corpus, "--json"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return ("error", r.stderr.strip()[:200])
    d = json.loads(r.stdout)
    return (d["total"], [(h["act"]["id"], h["lang"], h["unit"]["eid"], round(h["score"], 3))
                         for h in d["hits"]])


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    old, new, index, corpus = sys.argv[1:5]
    queries = Path(sys.argv[5] if len(sys.argv) == 6
                   else Path(__file__).resolve().parent / "queries.txt")
    texts = [line.split("\t")[1] for line in queries.read_text(encoding="utf-8").splitlines()
             if "\t" in line]
    differ = 0
    for q in texts:
        a, b = answer(old, q, index, corpus), answer(new, q, index, corpus)
        if a != b:
            differ += 1
            print(f"differs: {q}\n  old {a}\n  new {b}")
    print(f"{differ} of {len(texts)} queries differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()

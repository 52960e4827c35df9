#!/usr/bin/env python3
"""Writes benches/queries.txt: 200 fixed queries drawn from the real corpus, each in zanlex's
query language and translated for SQLite FTS5 and tantivy's QueryParser.

Run once; the output is committed so every run of the comparison uses the same queries:
    python3 benches/peers/make_queries.py corpus > benches/queries.txt
Another seed draws another 200 (benches/pgo.sh trains on such a set, not on the measured one):
    python3 benches/peers/make_queries.py corpus --seed 17

Columns (tab-separated): kind, zanlex query, FTS5 MATCH expression, tantivy query,
filter column, filter value (the last two empty when the query has no metadata filter).
"""
import argparse
import collections
import random
import re
from pathlib import Path

STOP = set("""және мен бен пен немесе үшін бойынша туралы осы оның олар сол бұл да де ғана
тиіс болып болса болған сәйкес кейін дейін бастап арқылы қатысты ретінде жөніндегі тиісті""".split())
KINDS = [("kind", "order"), ("kind", "joint_order"), ("kind", "resolution"),
         ("status", "in_force"), ("status", "repealed")]
WORD = re.compile(r"[а-яәғқңөұүһіё]+")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default="corpus")
    ap.add_argument("--seed", type=int, default=6, help="6 drew benches/queries.txt")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    rng = random.Random(args.seed)
    words = []
    for p in sorted(corpus.glob("*.txt")):
        text = p.read_text(encoding="utf-8").lower()
        # Letter-spaced and split words are damage; keep real words only.
        words += [w for w in WORD.findall(text) if len(w) >= 4]
    freq = collections.Counter(words)
    content = [w for w, c in freq.most_common() if c >= 5 and w not in STOP]
    inflected = [w for w, c in freq.most_common() if c >= 2 and len(w) >= 9 and w not in STOP
                 and re.search(r"(ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|ды|ді|ны|ні|дан|ден|тан|тен|нан|нен|ына|іне|ында|інде|дағы|дегі|лары|лері)$", w)]
    bigrams = collections.Counter(
        (a, b) for a, b in zip(words, words[1:]) if a not in STOP and b not in STOP and a != b)
    phrases = [f"{a} {b}" for (a, b), c in bigrams.most_common(400) if c >= 3]

    out = []

    def add(kind, zq, fts, tq, fcol="", fval=""):
        out.append((kind, zq, fts, tq, fcol, fval))

    for w in rng.sample(content[:300], 50):
        add("word", w, f'"{w}"', w)
    for w in rng.sample(inflected[:200], 40):
        add("inflected", w, f'"{w}"', w)
    for p in rng.sample(phrases, 40):
        add("phrase", f'"{p}"', f'"{p}"', f'"{p}"')
    pool = content[:200]
    for i in range(40):
        a, b, c = rng.sample(pool, 3)
        form = i % 4
        if form == 0:
            add("boolean", f"{a} {b}", f'"{a}" AND "{b}"', f"+{a} +{b}")
        elif form == 1:
            add("boolean", f"{a} OR {b}", f'"{a}" OR "{b}"', f"{a} OR {b}")
        elif form == 2:
            add("boolean", f"{a} -{b}", f'"{a}" NOT "{b}"', f"+{a} -{b}")
        else:
            add("boolean", f"({a} OR {b}) {c}", f'("{a}" OR "{b}") AND "{c}"', f"+({a} OR {b}) +{c}")
    for i in range(30):
        col, val = KINDS[i % len(KINDS)]
        if i % 2 == 0:
            w = rng.choice(content[:200])
            add("filter", f"{w} {col}:{val}", f'"{w}"', f"+{w} +{col}:{val}", col, val)
        else:
            p = rng.choice(phrases)
            add("filter", f'"{p}" {col}:{val}', f'"{p}"', f'+"{p}" +{col}:{val}', col, val)
    assert len(out) == 200, len(out)
    for row in out:
        print("\t".join(row))


if __name__ == "__main__":
    main()

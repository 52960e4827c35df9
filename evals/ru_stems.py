#!/usr/bin/env python3
"""zanlex's Russian stems beside Snowball's (Xapian's), on the Russian questions of the tuning
sets: which question words each joins with the words of the units that answer them.

    evals/ru_stems.py [--sets people,questions,mirror] [--data ../shared/data] [--bin DIR]

For every Russian question, each of its words is stemmed by zanlex (`ru_stem`, the analyzer of
Russian texts: `examples/ru_stems.rs`) and by Xapian's Russian Snowball stemmer
(python3-xapian), and so is every word of the units that answer it (their heading and text as
`examples/dump_units.rs` dumps them, the units below a named one included). A pair (question
word, unit word) is listed when one stemmer gives both the same stem and the other does not.
Only for the tuning sets: never run it on a held-out set.

Needs `cargo build --release --example dump_units --example ru_stems`.
"""
import argparse
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare  # noqa: E402

TUNING = ("people", "questions", "mirror")


class Zanlex:
    def __init__(self, binary):
        self.p = subprocess.Popen([str(binary)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True, encoding="utf-8")
        self.cache = {}

    def stem(self, word):
        if word not in self.cache:
            self.p.stdin.write(word + "\n")
            self.p.stdin.flush()
            toks = []
            while (line := self.p.stdout.readline().rstrip("\n")):
                toks.append(line.split("\t")[1])
            self.cache[word] = " ".join(toks)
        return self.cache[word]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(TUNING))
    ap.add_argument("--data", default=str(compare.ROOT.parent / "shared" / "data"))
    ap.add_argument("--bin", default=str(compare.ROOT / "target" / "release"))
    args = ap.parse_args()
    import xapian

    snow = xapian.Stem("russian")
    zan = Zanlex(Path(args.bin) / "examples" / "ru_stems")
    dump = Path(args.bin) / "examples" / "dump_units"
    only_snow = defaultdict(set)  # (question word, unit word) -> question ids
    only_zan = defaultdict(set)
    for name in args.sets.split(","):
        if name not in TUNING:
            raise SystemExit(f"{name} is not a tuning set: ru_stems.py runs on tuning sets only")
        rows = [r for r in compare.read_set(compare.ROOT / compare.SETS[name])
                if r["lang"] == "ru"]
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            corpus = compare.assemble(name, Path(args.data), work)
            jsonl = work / "units.jsonl"
            subprocess.run([str(dump), str(corpus), str(jsonl)], check=True,
                           stderr=subprocess.DEVNULL)
            import json
            units = [json.loads(line) for line in open(jsonl, encoding="utf-8")]
        units = [u for u in units if u["lang"] == "ru"]
        for r in rows:
            text = " ".join(
                u["title"] + " " + u["text"] for u in units
                if any(compare.answers(u["act"], u["eid"], a, e) for a, e in r["relevant"]))
            uwords = set(compare.words(text))
            for q in set(compare.words(r["query"])):
                if not q.isalpha():
                    continue
                zq, sq = zan.stem(q), snow(q.replace("ё", "е")).decode()
                for u in uwords:
                    if not u.isalpha() or u == q:
                        continue
                    z = zan.stem(u) == zq
                    s = snow(u.replace("ё", "е")).decode() == sq
                    if s and not z:
                        only_snow[(q, u)].add(r["id"])
                    elif z and not s:
                        only_zan[(q, u)].add(r["id"])
    for title, pairs in (("Snowball joins, zanlex does not", only_snow),
                         ("zanlex joins, Snowball does not", only_zan)):
        print(f"## {title}: {len(pairs)} pairs")
        for (q, u), ids in sorted(pairs.items()):
            print(f"{q}\t{u}\tzanlex {zan.stem(q)} / {zan.stem(u)}\t"
                  f"snowball {snow(q).decode()} / {snow(u).decode()}\t{' '.join(sorted(ids))}")


if __name__ == "__main__":
    main()

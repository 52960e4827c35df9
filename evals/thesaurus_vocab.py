#!/usr/bin/env python3
"""Which members of `data/thesaurus.tsv` and `data/abbreviations.tsv` the corpus contains.

    evals/thesaurus_vocab.py [--data ../shared/data] [--bin target/release] [--all]

A thesaurus member is worth searching for only if the index holds it: this lays out every
corpus the evals use (`corpus/`, `evals/corpus/`, DATA/versions, DATA/mirror), dumps its units
(examples/dump_units.rs) and looks for each member in the units of its language, its words
side by side. Russian words are compared by the Snowball stem (python3-xapian's, the stemmer
zanlex's Russian analyzer follows); Kazakh words by their first five letters (Kazakh endings
are added after the stem, and five letters keep the stems of the law's words apart), after
folding the Latin look-alikes some texts carry («i» for «і»). It prints, per group, the members
found with their count of units and the members absent; `--all` prints every group, not only
those with a member absent. The query word of a group (its first member) may well be absent:
it is what a person types, not what the law says. A group none of whose other members is
found is marked `USELESS`.

Needs `cargo build --release --example dump_units`.
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
FOLD = str.maketrans({"i": "і", "a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х",
                      "ё": "е"})


def stemmer():
    try:
        import xapian
    except ImportError:
        raise SystemExit("python3-xapian is needed: apt-get install python3-xapian")
    s = xapian.Stem("russian")
    return lambda w: s(w).decode("utf-8")


def keys(lang, text, ru_stem):
    words = WORD.findall(text.lower().translate(FOLD))
    out = []
    for w in words:
        for part in w.split("-") if lang == "ru" else [w]:
            out.append(ru_stem(part) if lang == "ru" else part[:5])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--bin", default=str(ROOT / "target" / "release"))
    ap.add_argument("--all", action="store_true")
    args = ap.parse_args()
    dump = Path(args.bin) / "examples" / "dump_units"
    ru_stem = stemmer()
    # stem -> [(unit, position)] per language
    where = {"kk": defaultdict(list), "ru": defaultdict(list)}
    seqs = {"kk": [], "ru": []}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        parts = [(ROOT / "corpus", corpus / "bundled"), (ROOT / "evals" / "corpus", corpus / "people")]
        data = Path(args.data)
        for sub in ("versions", "mirror"):
            if (data / sub).is_dir():
                parts.append((data / sub, corpus / sub))
        import shutil
        for src, dst in parts:
            shutil.copytree(src, dst, dirs_exist_ok=True)
        jsonl = Path(tmp) / "units.jsonl"
        subprocess.run([str(dump), str(corpus), str(jsonl)], check=True, stderr=subprocess.DEVNULL)
        with open(jsonl, encoding="utf-8") as f:
            for line in f:
                u = json.loads(line)
                lang = u["lang"]
                if lang not in where:
                    continue
                ks = keys(lang, (u.get("title") or "") + " " + (u.get("text") or ""), ru_stem)
                n = len(seqs[lang])
                seqs[lang].append(ks)
                for i, k in enumerate(ks):
                    where[lang][k].append((n, i))

    def units_with(lang, member):
        ks = keys(lang, member, ru_stem)
        if not ks:
            return 0
        found = set()
        for (u, i) in where[lang].get(ks[0], []):
            s = seqs[lang][u]
            # The words side by side, one other word allowed between («на … учет»).
            j, ok = i, True
            for k in ks[1:]:
                nxt = [p for p in (j + 1, j + 2) if p < len(s) and s[p] == k]
                if not nxt:
                    ok = False
                    break
                j = nxt[0]
            if ok:
                found.add(u)
        return len(found)

    useless = 0
    for name in ("data/thesaurus.tsv", "data/abbreviations.tsv"):
        print(f"== {name}")
        for n, line in enumerate(open(ROOT / name, encoding="utf-8"), 1):
            if line.startswith("#") or line.startswith("lang\t") or not line.strip():
                continue
            lang, members, _source = line.rstrip("\n").split("\t")
            ms = [m.strip() for m in members.split("|") if m.strip()]
            counts = [(m, units_with(lang, m)) for m in ms]
            absent = [m for m, c in counts if c == 0]
            dead = all(c == 0 for _, c in counts[1:])
            useless += dead
            if absent or dead or args.all:
                mark = "USELESS " if dead else ""
                shown = ", ".join(f"{m} {c}" for m, c in counts)
                print(f"{name}:{n}: {mark}{lang}: {shown}")
    print(f"{useless} groups whose other members the corpus never contains", file=sys.stderr)


if __name__ == "__main__":
    main()

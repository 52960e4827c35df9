#!/usr/bin/env python3
"""Counts the forms of structural heading lines (articles, chapters, sections) in every act
this checkout can read: how many documents print each form, and which.

    python3 evals/census/headings.py            # the table
    python3 evals/census/headings.py --acts     # the table, and the documents of each form

A heading line is a Markdown heading (`### Статья 3`) or a line that is bold and nothing else
(`**Статья 3.**`); a plain paragraph opening with the same words (`Статья 5 настоящего Закона
…`) is counted apart, as `plain`, since the parser must leave it text. A form is the line with
its number written `N` (Roman numerals `R`) and its title written `Title`: `Статья N`,
`Статья N.`, `Статья N. Title`, `N-тарау. Title`, `Тарау N. Title`, `R ТАРАУ. Title`, ….
Acts are told apart by the code ending their folder's name (one act may lie in several
folders: the census copy, the eval corpus, a fixture). Folders read: evals/census/acts, evals/corpus, corpus, tests/fixtures, and ../shared/data/mirror
and ../shared/data/versions beside the checkout when they are there. Text files (`.txt`) are
the text layout, whose headings are lines of their own: counted as `line`.
"""

import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FOLDERS = ["evals/census/acts", "evals/corpus", "corpus", "tests/fixtures"]
# `../shared/data` beside the checkout (or beside a worktree's parent folder).
SHARED = ["mirror", "versions"]

NUM = r"(?:[0-9]+(?:-[0-9]+)*)"
ROMAN = r"(?:[IVXLCІ]+)"
# Word first: `Статья 3`, `Глава II.`, `Тарау 2.`, `Бап 4`.
WORD_FIRST = re.compile(
    r"^(?P<word>(?i:статья|глава|раздел|параграф|тарау|бап|бөлім))\s+(?P<num>" + NUM + "|" + ROMAN
    + r")\s*(?P<dot>\.)?(?P<rest>\s+\S.*)?$"
)
# Number first: `3-бап.`, `1-тарау. …`, `I ТАРАУ`, `2-бөлім`, `37-1 бап`.
NUM_FIRST = re.compile(
    r"^(?P<num>" + NUM + "|" + ROMAN + r")(?P<join>\s*[-–—]\s*|\s+)(?P<word>(?i:тарау|бап|бөлім|параграф))"
    r"(?P<dot>\.)?(?P<rest>\s+\S.*)?$"
)


def form_of(text):
    """The form of a heading's words, or None when they open no structural heading."""
    m = WORD_FIRST.match(text)
    if m:
        num = "R" if re.fullmatch(ROMAN, m["num"]) else "N"
        form = f"{m['word']} {num}"
    else:
        m = NUM_FIRST.match(text)
        if not m:
            return None
        num = "R" if re.fullmatch(ROMAN, m["num"]) else "N"
        join = re.sub(r"\s+", " ", m["join"])
        form = f"{num}{join}{m['word']}"
    if m["dot"]:
        form += "."
    if m["rest"]:
        form += " Title"
    return form


def lines_of(path):
    """`(kind, words)` of each line that may be a heading: kind `###` (a Markdown heading of
    any level), `bold`, `plain` (a paragraph), `line` (a text file's unindented line)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    md = path.endswith(".md")
    for raw in text.split("\n"):
        if not md:
            if raw and not raw[0].isspace():
                yield "line", raw.strip()
            continue
        t = raw.strip()
        while t.startswith(">"):
            t = t[1:].lstrip()
        if t.startswith("#"):
            yield "###", t.lstrip("#").strip().strip("*_").strip()
        elif t.startswith("**") and t.endswith("**") and len(t) > 4 and "**" not in t[2:-2]:
            yield "bold", t[2:-2].strip()
        elif t:
            yield "plain", t.strip("*_").strip()


def folders():
    for folder in FOLDERS:
        yield folder, os.path.join(ROOT, folder)
    data = next(
        (d for d in ("../shared/data", "../../shared/data") if os.path.isdir(os.path.join(ROOT, d))),
        "../shared/data",
    )
    for name in SHARED:
        yield f"../shared/data/{name}", os.path.join(ROOT, data, name)


def documents():
    for folder, top in folders():
        top = os.path.normpath(top)
        if not os.path.isdir(top):
            print(f"(skipped, absent: {folder})", file=sys.stderr)
            continue
        for d, _, files in os.walk(top):
            for name in sorted(files):
                if name.endswith(".md") or name.endswith(".txt"):
                    yield os.path.join(d, name)


def act_of(rel):
    """The act a document belongs to: the code ending its folder's name (`…-164215`,
    `codes_104316_government`), else the file itself."""
    for part in reversed(rel.split(os.sep)[:-1]):
        m = re.match(r"^[a-z-]+_([0-9]{3,})_", part) or re.search(r"-([0-9]{3,})$", part)
        if m:
            return m.group(1)
    return rel


def main():
    show_acts = "--acts" in sys.argv[1:]
    docs = collections.defaultdict(set)  # (kind, form) -> documents
    lines = collections.Counter()
    read = []
    for path in documents():
        rel = os.path.relpath(path, ROOT).replace("../../shared", "../shared")
        read.append(rel)
        for kind, words in lines_of(path):
            form = form_of(words)
            if form:
                docs[(kind, form)].add(rel)
                lines[(kind, form)] += 1
    print(f"{len(read)} documents of {len({act_of(p) for p in read})} acts read\n")
    print("| printed as | form | acts | documents | lines |")
    print("|---|---|---|---|---|")
    for key in sorted(docs, key=lambda k: (k[1].lower(), k[0])):
        acts = {act_of(p) for p in docs[key]}
        print(f"| {key[0]} | `{key[1]}` | {len(acts)} | {len(docs[key])} | {lines[key]} |")
        if show_acts:
            for p in sorted(docs[key]):
                print(f"|   |   | {act_of(p)} | {p} | |")


if __name__ == "__main__":
    main()

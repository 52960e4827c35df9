#!/usr/bin/env python3
"""Counts of the census data for evals/census/README.md: acts by kind and source, clauses by
form and language, whole acts by trait. Reads clauses.tsv, acts/ and SOURCES.tsv; prints
Markdown tables. No third-party packages."""

import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def kind_of(path, requisite=""):
    """The kind of an act by its place in the mirror (and its requisite's first word)."""
    r = requisite.lower()
    if "01-const-laws" in path:
        return "constitutional law"
    if "02-codes" in path:
        return "code"
    if "03-laws" in path:
        return "decree having the force of law" if r.startswith("указ") else "law"
    if "102-parlament" in path:
        return "parliament resolution"
    if "103-pravitelstvo" in path:
        return "government resolution"
    if "07-ministerial" in path:
        return "ministerial order"
    if "08-local-decisions" in path:
        if "акима" in r or "акимата" in r:
            return "akim / akimat decision"
        return "maslikhat decision"
    return "other"


def main():
    rows = []
    with open(os.path.join(HERE, "clauses.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            if line.strip():
                rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    requisite = {}
    for r in rows:
        if r["form"] == "requisite" and "caused_by" not in r["place"]:
            requisite[r["act_code"]] = r["text"]
    acts = {}
    for r in rows:
        acts.setdefault(r["act_code"], kind_of(r["path"], requisite.get(r["act_code"], "")))
    whole = {}
    sources = {}
    with open(os.path.join(HERE, "SOURCES.tsv"), encoding="utf-8") as f:
        f.readline()
        for line in f:
            c = line.rstrip("\n").split("\t")
            sources.setdefault(c[0], c[3])
    for d in sorted(os.listdir(os.path.join(HERE, "acts"))):
        code = re.search(r"(\d+)$", d).group(1)
        folder = os.path.join(HERE, "acts", d)
        req = ""
        for name in os.listdir(folder):
            if name.startswith("meta"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    for l in f:
                        if l.startswith("requisite:"):
                            req = l[len("requisite:"):].strip()
        path = sources.get(d, d.replace("__", "/"))
        if d.startswith("codes__0629") or d.startswith("codes__1218"):
            path = "02-codes" if "0629" in d else "01-const-laws"
        whole[code] = (d, kind_of(path, req), req)
    all_acts = dict(acts)
    for code, (_, kind, _) in whole.items():
        all_acts[code] = kind
    print(f"acts: {len(all_acts)} ({len(acts)} in clauses.tsv, {len(whole)} whole)\n")
    print("| kind | acts | of them whole |\n|---|---|---|")
    by_kind = collections.Counter(all_acts.values())
    whole_kind = collections.Counter(k for _, k, _ in whole.values())
    for k, n in by_kind.most_common():
        print(f"| {k} | {n} | {whole_kind.get(k, 0)} |")
    print("\nclauses.tsv rows by form and language\n")
    print("| form | kk | ru |\n|---|---|---|")
    c = collections.Counter((r["form"], r["lang"]) for r in rows)
    for form in ["commencement", "expiry", "suspension", "repeal", "amendment_note", "requisite"]:
        print(f"| {form} | {c.get((form, 'kk'), 0)} | {c.get((form, 'ru'), 0)} |")
    print(f"\nrows: {len(rows)}")
    delayed_re = re.compile(
        r"(?i)(по истечении|өткен соң|вводится в действие с \d|вступает в силу с \d|\d{4} жылғы \d+ \S+ бастап|\d{4} жылдың \d+ \S+ бастап|\d{2}\.\d{2}\.\d{4} бастап|с \d{2}\.\d{2}\.\d{4})"
    )
    traits = collections.Counter()
    for code, (d, kind, req) in whole.items():
        files = []
        for root, _, names in os.walk(os.path.join(HERE, "acts", d)):
            files += [os.path.join(root, n) for n in names]
        langs = collections.Counter(
            os.path.basename(f)[:3] for f in files if "@" in os.path.basename(f) and f.endswith(".md")
        )
        if any(n >= 2 for n in langs.values()):
            traits["several editions (a language in two or more dated files)"] += 1
        if "Утратил" in req:
            traits["repealed (requisite)"] += 1
        text = "".join(open(f, encoding="utf-8").read() for f in files if f.endswith(".md"))
        if delayed_re.search(text):
            traits["delayed or staged commencement (days, months or a later day)"] += 1
        if "```" in text or "## Оглавление" in text or "## МАЗМҰНЫ" in text or "## Мазмұны" in text:
            traits["old layout (code block or a bare contents list)"] += 1
    print("\n| trait of the whole acts | acts |\n|---|---|")
    for t, n in sorted(traits.items()):
        print(f"| {t} | {n} |")
    print("\nwhole acts\n")
    for code, (d, kind, req) in sorted(whole.items(), key=lambda x: x[1][0]):
        files = sorted(os.listdir(os.path.join(HERE, "acts", d)))
        editions = [f for f in files if "@" in f and f.endswith(".md")]
        repealed = "Утратил" in req or "утратил" in req
        print(f"- `{d}`: {kind}; files {', '.join(files) if len(files) < 8 else str(len(files)) + ' files'}"
              f"{'; repealed' if repealed else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The systems table: zanlex beside the engines a user would pick instead, on the same units and
the same questions, in one run.

    evals/compare.py [--sets people,heldout,blind,blind2,blind3,blind4,blind5,blind6,blind7,
                            questions,mirror]
                     [--data ../shared/data]
                     [--bin target/release] [--out FILE]

For each relevance set (TSV: id, lang, query, relevant `ACT#EID …`, why):
  people     evals/people.tsv over corpus/* + evals/corpus (as people/), as examples/eval_people.rs
  heldout    evals/people_heldout.tsv over the same corpus (`eval_people -- heldout`): questions
             written before any engine ran on their law and never tuned on
  blind      evals/blind.tsv over the same corpus (`eval_people -- blind`): questions on six acts
             no other set uses, written before any engine ran on them and never tuned on
  blindN     evals/blindN.tsv (blind2, blind3, …) over the same corpus (`eval_people --
             blindN`): the later blind sets, each on acts no earlier set used, written and
             committed before any engine ran on them; blind2–blind7 are in the default --sets,
             the held-out ones (evals/README.md) run only when asked for by name
  questions  evals/questions.tsv over corpus/* + DATA/versions + DATA/mirror/<repo>/…,
             as examples/eval_questions.rs (skipped without DATA/versions and DATA/mirror)
  mirror     evals/mirror_queries.tsv over DATA/mirror, as examples/eval_mirror.rs
the corpus is laid out once in a temporary folder; zanlex indexes it (`zanlex index`) and
answers each question with `zanlex search QUERY --lang L --limit 10 --json`; the units it
ingested are dumped as JSON lines (examples/dump_units.rs: act, eid, lang, title, text) and
every peer indexes exactly those units:
  fts5-unicode61  SQLite FTS5, unicode61 tokenizer (no stemming), bm25
  fts5-trigram    SQLite FTS5, trigram tokenizer (substring match of words of 3+ letters), bm25
  tantivy-ru      tantivy (tantivy-py) with a simple tokenizer, lowercase and the Russian
                  Snowball stemmer, BM25
  xapian-ru       Xapian (python3-xapian) with the Russian Snowball stemmer, BM25
  tantivy-fair    tantivy with zanlex's own analyzers (examples/peer_tantivy_fair.rs: exact, stem,
                  loose, Russian and title fields), tantivy's QueryParser over them with boosts,
                  BM25 (skipped when its binary is not built)
Each peer is asked for the words of the question joined by OR (the question as a user types it,
with punctuation dropped), restricted to units in the question's language, top 10. A peer whose
module is not installed is skipped with a message (`pip install tantivy`,
`apt-get install python3-xapian`).

Scoring is examples/common/eval.rs's: a hit ACT#EID answers a relevant ACT#R when EID is R or
below it (R__…); Recall@10 is the share of a question's relevant entries answered in the top
10, MRR@10 the reciprocal rank of the first answering hit; both averaged per language.

Needs `cargo build --release --bin zanlex --example dump_units --example peer_tantivy_fair`. Prints a Markdown table
(and writes it to --out).
"""
import argparse
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
K = 10
WORD = re.compile(r"\w+", re.UNICODE)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def read_set(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            qid, lang, query, relevant, _why = line.split("\t")
            rel = [tuple(e.split("#", 1)) for e in relevant.split()]
            rows.append({"id": qid, "lang": lang, "query": query, "relevant": rel})
    return rows


def copy_into(src, dst):
    shutil.copytree(src, dst, dirs_exist_ok=True)


def assemble(name, data, work):
    """Lays out the corpus of set `name` under `work`; returns it, or None when its data is
    absent."""
    corpus = work / "corpus"
    if name in ("people", "heldout") or BLIND_SET.fullmatch(name):
        copy_into(ROOT / "corpus", corpus)
        copy_into(ROOT / "evals" / "corpus", corpus / "people")
    elif name == "questions":
        if not (data / "versions").is_dir() or not (data / "mirror").is_dir():
            return None
        copy_into(ROOT / "corpus", corpus)
        copy_into(data / "versions", corpus / "versions")
        for d in sorted((data / "mirror").iterdir()):
            if d.is_dir():
                copy_into(d, corpus / "mirror" / d.name)
    elif name == "mirror":
        if not (data / "mirror").is_dir():
            return None
        copy_into(data / "mirror", corpus)
    else:
        raise SystemExit(f"unknown set {name}")
    return corpus


SETS = {
    "people": "evals/people.tsv",
    "heldout": "evals/people_heldout.tsv",
    "questions": "evals/questions.tsv",
    "mirror": "evals/mirror_queries.tsv",
}
# `blind`, `blind2`, `blind3`, …: evals/<name>.tsv, each over the people corpus.
BLIND_SET = re.compile(r"blind\d*")


def set_file(name):
    """The TSV of set `name`, or exits naming the sets there are."""
    if BLIND_SET.fullmatch(name):
        return f"evals/{name}.tsv"
    if name in SETS:
        return SETS[name]
    raise SystemExit(f"unknown set {name}: {', '.join(SETS)}, blind, blindN")


def words(q):
    return WORD.findall(q.lower())


# ---- zanlex ------------------------------------------------------------------------------


class Zanlex:
    name = "zanlex"

    def __init__(self, binary, corpus, work):
        self.bin = str(binary)
        self.args = ["--corpus", str(corpus), "--index", str(work / "zanlex-index")]
        # Exit status 1: some files could not be indexed (the mirror's split parts of a large
        # code); the others are, and the dump the peers index leaves them out alike.
        r = subprocess.run([self.bin, *self.args, "index"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        if r.returncode not in (0, 1):
            raise SystemExit(f"zanlex index failed with status {r.returncode}")

    def search(self, query, lang):
        # Status 1 with an answer on stdout: the index holds files it could not read.
        r = subprocess.run(
            [self.bin, *self.args, "--no-refresh", "search", query, "--lang", lang,
             "--limit", str(K), "--json"],
            capture_output=True, text=True,
        )
        if r.returncode not in (0, 1) or not r.stdout.strip():
            raise SystemExit(f"zanlex search {query!r} failed: {r.stderr.strip()[:300]}")
        return [(h["act"]["id"], h["unit"]["eid"]) for h in json.loads(r.stdout)["hits"]]


# ---- SQLite FTS5 -------------------------------------------------------------------------


class Fts5:
    def __init__(self, units, tokenizer):
        self.name = f"fts5-{tokenizer}"
        self.trigram = tokenizer == "trigram"
        self.con = sqlite3.connect(":memory:")
        self.con.execute(
            "CREATE VIRTUAL TABLE units USING fts5(text, title, act UNINDEXED, eid UNINDEXED, "
            f"lang UNINDEXED, tokenize='{tokenizer}')"
        )
        self.con.executemany(
            "INSERT INTO units VALUES (?,?,?,?,?)",
            ((u["text"], u["title"], u["act"], u["eid"], u["lang"]) for u in units),
        )

    def search(self, query, lang):
        # The trigram tokenizer matches a word of fewer than 3 letters nowhere.
        ws = [w for w in words(query) if not self.trigram or len(w) >= 3]
        if not ws:
            return []
        match = " OR ".join('"' + w.replace('"', '""') + '"' for w in ws)
        rows = self.con.execute(
            "SELECT act, eid FROM units WHERE units MATCH ? AND lang = ? ORDER BY bm25(units) "
            "LIMIT ?",
            (match, lang, K),
        )
        return list(rows)


# ---- tantivy (tantivy-py) ----------------------------------------------------------------


class TantivyRu:
    name = "tantivy-ru"

    def __init__(self, units, work):
        import tantivy

        self.t = tantivy
        analyzer = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stemmer("russian"))
            .build()
        )
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("text", stored=False, tokenizer_name="ru_stem")
        sb.add_text_field("title", stored=False, tokenizer_name="ru_stem")
        sb.add_text_field("lang", stored=False, tokenizer_name="raw")
        sb.add_text_field("key", stored=True, tokenizer_name="raw")
        self.schema = sb.build()
        path = work / "tantivy-index"
        path.mkdir()
        self.index = tantivy.Index(self.schema, path=str(path))
        self.index.register_tokenizer("ru_stem", analyzer)
        w = self.index.writer()
        for u in units:
            w.add_document(
                tantivy.Document(
                    text=u["text"], title=u["title"], lang=u["lang"],
                    key=u["act"] + "#" + u["eid"],
                )
            )
        w.commit()
        w.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()

    def search(self, query, lang):
        ws = words(query)
        if not ws:
            return []
        t = self.t
        text_q = self.index.parse_query(" ".join(ws), ["text", "title"])
        q = t.Query.boolean_query(
            [
                (t.Occur.Must, text_q),
                (t.Occur.Must, t.Query.term_query(self.schema, "lang", lang)),
            ]
        )
        hits = self.searcher.search(q, K).hits
        out = []
        for _score, addr in hits:
            key = self.searcher.doc(addr)["key"][0]
            out.append(tuple(key.split("#", 1)))
        return out


# ---- tantivy with zanlex's analyzers (examples/peer_tantivy_fair.rs) -----------------------


class TantivyFair:
    name = "tantivy-fair"

    def __init__(self, binary, units_jsonl, work):
        index = work / "tantivy-fair-index"
        subprocess.run([str(binary), "index", str(units_jsonl), str(index)], check=True,
                       stdout=subprocess.DEVNULL)
        # One process answers every question: a line `LANG<TAB>QUESTION` in, a JSON line out.
        self.proc = subprocess.Popen([str(binary), "search", str(index)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def search(self, query, lang):
        question = " ".join(query.split())
        self.proc.stdin.write(f"{lang}\t{question}\n")
        self.proc.stdin.flush()
        return [tuple(h) for h in json.loads(self.proc.stdout.readline())]

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


# ---- Xapian ------------------------------------------------------------------------------


class XapianRu:
    name = "xapian-ru"

    def __init__(self, units):
        import xapian

        self.x = xapian
        self.db = xapian.WritableDatabase("", xapian.DB_BACKEND_INMEMORY)
        tg = xapian.TermGenerator()
        tg.set_stemmer(xapian.Stem("russian"))
        tg.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
        for u in units:
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(u["text"])
            tg.increase_termpos()
            tg.index_text(u["title"])
            doc.add_boolean_term("XL" + u["lang"])
            doc.set_data(u["act"] + "#" + u["eid"])
            self.db.add_document(doc)
        self.qp = xapian.QueryParser()
        self.qp.set_stemmer(xapian.Stem("russian"))
        self.qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        self.qp.set_default_op(xapian.Query.OP_OR)
        self.enquire = xapian.Enquire(self.db)

    def search(self, query, lang):
        ws = words(query)
        if not ws:
            return []
        x = self.x
        q = x.Query(x.Query.OP_FILTER, self.qp.parse_query(" ".join(ws)), x.Query("XL" + lang))
        self.enquire.set_query(q)
        return [tuple(m.document.get_data().decode().split("#", 1))
                for m in self.enquire.get_mset(0, K)]


# ---- scoring -----------------------------------------------------------------------------


def answers(act, eid, ract, reid):
    return act == ract and (eid == reid or eid.startswith(reid + "__"))


def score(engine, rows):
    """Recall@10 and MRR@10 per language: {lang: (n, recall, mrr)}."""
    acc = {}
    for r in rows:
        hits = engine.search(r["query"], r["lang"])
        found = sum(1 for ra, re_ in r["relevant"] if any(answers(a, e, ra, re_) for a, e in hits))
        first = next(
            (i + 1 for i, (a, e) in enumerate(hits)
             if any(answers(a, e, ra, re_) for ra, re_ in r["relevant"])),
            None,
        )
        n, rec, mrr = acc.get(r["lang"], (0, 0.0, 0.0))
        acc[r["lang"]] = (n + 1, rec + found / len(r["relevant"]), mrr + (1 / first if first else 0))
    return {lang: (n, rec / n, mrr / n) for lang, (n, rec, mrr) in acc.items()}


def peers(units, jsonl, work, fair):
    """The peer engines that are installed, each built over `units` (read from `jsonl`)."""
    out = [Fts5(units, "unicode61")]
    try:
        out.append(Fts5(units, "trigram"))
    except sqlite3.OperationalError as e:
        log(f"skipped fts5-trigram: this SQLite has no trigram tokenizer ({e})")
    try:
        import tantivy  # noqa: F401
    except ImportError:
        log("skipped tantivy-ru: tantivy-py is not installed (pip install tantivy)")
    else:
        out.append(TantivyRu(units, work))
    try:
        import xapian  # noqa: F401
    except ImportError:
        log("skipped xapian-ru: python3-xapian is not installed (apt-get install python3-xapian)")
    else:
        out.append(XapianRu(units))
    if fair.exists():
        out.append(TantivyFair(fair, jsonl, work))
    else:
        log(f"skipped tantivy-fair: {fair} is missing "
            "(cargo build --release --example peer_tantivy_fair)")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets",
                    default="people,heldout,blind,blind2,blind3,blind4,blind5,blind6,blind7,"
                    "questions,mirror")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--bin", default=str(ROOT / "target" / "release"),
                    help="folder with zanlex and examples/dump_units")
    ap.add_argument("--out", help="also write the table to this file")
    args = ap.parse_args()
    binary = Path(args.bin) / "zanlex"
    dump = Path(args.bin) / "examples" / "dump_units"
    fair = Path(args.bin) / "examples" / "peer_tantivy_fair"
    for b in (binary, dump):
        if not b.exists():
            raise SystemExit(
                f"{b} is missing: cargo build --release --bin zanlex --example dump_units")

    results = {}  # set -> system -> {lang: (n, recall, mrr)}
    order = []
    for name in args.sets.split(","):
        rows = read_set(ROOT / set_file(name))
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            corpus = assemble(name, Path(args.data), work)
            if corpus is None:
                log(f"skipped set {name}: its data is absent under {args.data}")
                continue
            jsonl = work / "units.jsonl"
            subprocess.run([str(dump), str(corpus), str(jsonl)], check=True,
                           stderr=subprocess.DEVNULL)
            with open(jsonl, encoding="utf-8") as f:
                units = [json.loads(line) for line in f]
            log(f"{name}: {len(rows)} questions, {len(units)} units")
            engines = [Zanlex(binary, corpus, work)] + peers(units, jsonl, work, fair)
            results[name] = {}
            for e in engines:
                results[name][e.name] = score(e, rows)
                if hasattr(e, "close"):
                    e.close()
                if e.name not in order:
                    order.append(e.name)

    lines = []
    head = "| system |"
    sep = "|---|"
    cols = []
    for name, by_sys in results.items():
        any_sys = next(iter(by_sys.values()))
        for lang in ("kk", "ru"):
            if lang in any_sys:
                cols.append((name, lang))
                head += f" {name} {lang} ({any_sys[lang][0]}) R@10 / MRR@10 |"
                sep += "---|"
    lines += [head, sep]
    for system in order:
        line = f"| {system} |"
        for name, lang in cols:
            r = results[name].get(system, {}).get(lang)
            line += f" {r[1]:.3f} / {r[2]:.3f} |" if r else " – |"
        lines.append(line)
    table = "\n".join(lines)
    print(table)
    if args.out:
        Path(args.out).write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

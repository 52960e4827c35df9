#!/usr/bin/env python3
"""Xapian peer for benches/compare.py (optional: apt-get install -y python3-xapian).

    xapian_peer.py load UNITS.jsonl DIR     index the units zanlex ingested
    xapian_peer.py query DIR QUERIES.txt    run every query warm, one thread; print JSON stats

Xapian's TermGenerator with no stemmer (Xapian has none for Kazakh): text and title indexed with
positions; kind and status as boolean filter terms (K…, S…). Queries use the FTS5 column of the
query file (the same AND / OR / NOT / "phrase" syntax) through Xapian's QueryParser.
"""
import json
import shutil
import sys

import xapian

from timing import report_latencies


def load(jsonl, path):
    shutil.rmtree(path, ignore_errors=True)
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    n = 0
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            u = json.loads(line)
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(u["text"])
            tg.increase_termpos()
            tg.index_text(u["title"], 1, "T")
            doc.add_boolean_term("K" + u["kind"])
            doc.add_boolean_term("S" + u["status"])
            doc.set_data(json.dumps({"act": u["act"], "eid": u["eid"], "text": u["text"]},
                                    ensure_ascii=False))
            db.add_document(doc)
            n += 1
    db.commit()
    db.close()
    print(json.dumps({"docs": n}))


def query(path, qpath):
    db = xapian.Database(path)
    qp = xapian.QueryParser()
    qp.set_database(db)
    qp.set_default_op(xapian.Query.OP_AND)
    flags = (xapian.QueryParser.FLAG_BOOLEAN | xapian.QueryParser.FLAG_PHRASE
             | xapian.QueryParser.FLAG_LOVEHATE)
    enq = xapian.Enquire(db)
    prefix = {"kind": "K", "status": "S"}
    qs = []
    with open(qpath, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 6:
                continue
            q = qp.parse_query(c[2], flags)
            if c[4]:
                q = xapian.Query(xapian.Query.OP_FILTER, q, xapian.Query(prefix[c[4]] + c[5]))
            qs.append(q)

    def run(q):
        enq.set_query(q)
        m = enq.get_mset(0, 10)
        for item in m:
            item.document.get_data()
        return m.size()

    report_latencies(qs, run)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("load", "query"):
        sys.exit(__doc__)
    {"load": load, "query": query}[sys.argv[1]](sys.argv[2], sys.argv[3])

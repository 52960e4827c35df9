#!/usr/bin/env python3
"""SQLite FTS5 peer (unicode61 tokenizer) for benches/compare.py.

    fts5.py load UNITS.jsonl DB.sqlite      build the index from the units zanlex ingested
    fts5.py query DB.sqlite QUERIES.txt     run every query warm, one thread; print JSON stats

Each unit is one row: text and act title indexed; act, eid, kind, status stored unindexed
(filters are SQL conditions on them). A query returns the top 10 rows by bm25 with their text,
as a search engine's results page would need.
"""
import json
import os
import sqlite3
import sys

from timing import report_latencies



def load(jsonl, db):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute(
        "CREATE VIRTUAL TABLE units USING fts5("
        "text, title, act UNINDEXED, eid UNINDEXED, kind UNINDEXED, status UNINDEXED, "
        "tokenize='unicode61')"
    )
    rows = 0
    batch = []
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            u = json.loads(line)
            batch.append((u["text"], u["title"], u["act"], u["eid"], u["kind"], u["status"]))
            if len(batch) >= 5000:
                con.executemany("INSERT INTO units VALUES (?,?,?,?,?,?)", batch)
                rows += len(batch)
                batch.clear()
    con.executemany("INSERT INTO units VALUES (?,?,?,?,?,?)", batch)
    rows += len(batch)
    con.execute("INSERT INTO units(units) VALUES('optimize')")
    con.commit()
    con.close()
    print(json.dumps({"rows": rows}))


def read_queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 6:
                out.append(cols)
    return out


def query(db, qpath):
    con = sqlite3.connect(db)
    queries = read_queries(qpath)
    plain = "SELECT act, eid, text FROM units WHERE units MATCH ? ORDER BY rank LIMIT 10"

    def run(q):
        fts, col, val = q[2], q[4], q[5]
        if col:
            sql = ("SELECT act, eid, text FROM units WHERE units MATCH ? AND %s = ? "
                   "ORDER BY rank LIMIT 10" % col)
            return con.execute(sql, (fts, val)).fetchall()
        return con.execute(plain, (fts,)).fetchall()

    report_latencies(queries, run)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("load", "query"):
        sys.exit(__doc__)
    {"load": load, "query": query}[sys.argv[1]](sys.argv[2], sys.argv[3])

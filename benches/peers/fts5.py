#!/usr/bin/env python3
"""SQLite FTS5 peer (unicode61 tokenizer) for benches/compare.py.

    fts5.py load UNITS.jsonl DB.sqlite [--no-sync]
                                            build the index from the units zanlex ingested
    fts5.py query DB.sqlite QUERIES.txt     run every query warm, one thread; print JSON stats
    fts5.py page DB.sqlite QUERIES.txt      the same, each query answered as a results page

The load ends with the database on disk (`synchronous=FULL`: SQLite syncs it at the commit), as
zanlex's and the tantivy peer's builds end with their files synced (tantivy's commit); with
`--no-sync` it never syncs (`synchronous=OFF`), for reference. No rollback journal either way:
the database is built fresh.

Each unit is one row: text and act title indexed; act, eid, kind, status stored unindexed
(filters are SQL conditions on them). `query` returns the top 10 rows by bm25 with their text.
`page` returns what zanlex's answer has: the top 10 with a highlighted snippet of the text
(FTS5's `snippet()`) and the number of matching rows (`count(*)`, a second statement, as an
application would run it: FTS5's auxiliary functions cannot run beside a window function).
"""
import json
import os
import sqlite3
import sys

from timing import report_latencies



def load(jsonl, db, sync=True):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=" + ("FULL" if sync else "OFF"))
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


ROWS = "SELECT act, eid, text FROM units WHERE units MATCH ?{} ORDER BY rank LIMIT 10"
SNIPPETS = ("SELECT act, eid, snippet(units, 0, '[', ']', '…', 24) FROM units "
            "WHERE units MATCH ?{} ORDER BY rank LIMIT 10")
COUNT = "SELECT count(*) FROM units WHERE units MATCH ?{}"


def query(db, qpath, page=False):
    con = sqlite3.connect(db)
    queries = read_queries(qpath)

    def execute(sql, q):
        fts, col, val = q[2], q[4], q[5]
        if col:
            return con.execute(sql.format(" AND %s = ?" % col), (fts, val)).fetchall()
        return con.execute(sql.format(""), (fts,)).fetchall()

    def run(q):
        if not page:
            return execute(ROWS, q)
        rows = execute(SNIPPETS, q)
        execute(COUNT, q)
        return rows

    report_latencies(queries, run)


def page(db, qpath):
    query(db, qpath, page=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    no_sync = args[0:1] == ["load"] and args[-1:] == ["--no-sync"]
    if no_sync:
        args = args[:-1]
    if len(args) != 3 or args[0] not in ("load", "query", "page"):
        sys.exit(__doc__)
    if args[0] == "load":
        load(args[1], args[2], sync=not no_sync)
    else:
        {"query": query, "page": page}[args[0]](args[1], args[2])

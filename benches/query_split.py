#!/usr/bin/env python3
"""Where each query's instructions go: compile (parse, the words' expansions and their
dictionary walks) against execute (BM25 statistics, scorers, scoring, hits and snippets),
from callgrind dumps taken one per search. Instruction counts do not move with the load of a
shared machine, as wall and CPU times do.

    valgrind --tool=callgrind --dump-after='zanlex::zan_index::ZanIndex::search' \\
        --callgrind-out-file=DIR/cg.out BUILD/examples/zanlex_query INDEX benches/queries.txt
    benches/query_split.py DIR [benches/queries.txt]

`zanlex_query` searches every query twice (a warm-up pass, then the timed pass): the first
200 dumps are the cold pass (the caches made once an index generation still empty), the next
200 the warm one, which is what the query figures of `benches/RESULTS.md` time. For each pass
it prints the queries at the 50th, 90th and 99th percentile of instructions and the whole
pass, each split in shares of the search's instructions. The split follows the search's own
calls (`zanlex::search::search`, inlined into `panic_guard::catch` or into
`ZanIndex::search`, as the build inlines): a step inlined into the search itself is counted
in `hits`, the remainder (a fraction of a percent in the builds measured). Two columns are
counted wherever they happen, and so overlap the others: `forms' unions` (a word's forms'
postings read as one list, for its document frequency and its scorer) and `dictionary` (term
dictionary lookups and walks).
"""
import collections
import glob
import os
import re
import statistics
import sys
from pathlib import Path

# The function the search's steps are called from, and the one that runs its main query: which
# of them is left a function of its own depends on the build's inlining.
SEARCHES = ("zanlex::panic_guard::catch", "zanlex::zan_index::ZanIndex::search")
RUNS = ("tantivy::core::searcher::Searcher::search_with_statistics_provider",
        "zanlex::search::top_adjusted")
COLLECT = "<zanlex::search::collect::TopAdjusted as tantivy::collector::Collector>::collect_segment"
DOC_FREQ = "zanlex::search::synonym::bm25::synonyms_doc_freq"
# Term dictionary work wherever it happens: a call into one of these from outside them.
DICTIONARY = {
    "zanlex::search::synonym::term_set::TermSet::add_from_segments",
    "zanlex::search::synonym::term_set::TermSet::look_up",
    "zanlex::search::restore::each_accepted_in",
    "tantivy::termdict::fst_termdict::termdict::TermDictionary::get",
    "tantivy::termdict::fst_termdict::termdict::TermDictionary::term_info_from_ord",
    "tantivy::termdict::fst_termdict::termdict::TermDictionary::term_ord",
    "tantivy::core::searcher::Searcher::doc_freq",
    "<tantivy::core::searcher::Searcher as tantivy::query::bm25::Bm25StatisticsProvider>::doc_freq",
    "tantivy::index::inverted_index_reader::InvertedIndexReader::doc_freq",
    "tantivy::index::inverted_index_reader::InvertedIndexReader::get_term_info",
    "<tantivy_fst::inner_map::Stream<A> as tantivy_fst::stream::Streamer>::next",
    "tantivy::termdict::fst_termdict::streamer::TermStreamer<A>::advance",
    "tantivy::termdict::fst_termdict::streamer::TermStreamerBuilder<A>::into_stream",
}
COMPILE = {
    "zanlex::search::search::{{closure}}",  # the query built (`compile_pruned`)
    "zanlex::search::compile::compile_pruned",
    "zanlex::search::compile::compile",
    "zanlex::search::compile::title_boost",
    "zanlex::search::highlighter_of",
    "zanlex::search::request_filters",
    "zanlex::search::collect::Adjust::new",
    "zanlex::search::collect::Adjust::new::{{closure}}",
    "tantivy::core::searcher::Searcher::doc_freq",  # the title bonus's, when inlined
}
# A step of the query's building that inlining leaves called from the search itself.
COMPILE_PREFIXES = ("zanlex::search::compile::", "tantivy::schema::term::Term::")
PARTS = ["parse", "compile", "titles", "statistics", "forms' unions", "scorers",
         "scoring", "hits", "dictionary"]


def parse(path):
    """Self cost by function and inclusive cost by (caller, callee) of one dump."""
    names = {}

    def name(s):
        m = re.match(r"\((\d+)\)(?: (.*))?", s)
        if not m:
            return s
        if m.group(2) is not None:
            names[m.group(1)] = m.group(2)
        return names[m.group(1)]

    own = collections.Counter()
    calls = collections.Counter()
    fn = cfn = None
    call = False
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith("fn="):
                fn = name(line[3:].strip())
            elif line.startswith("cfn="):
                cfn = name(line[4:].strip())
            elif line.startswith("calls="):
                call = True
            elif line[:1].isdigit() or line[:1] in "+-*":
                cost = line.split()
                if len(cost) < 2:
                    continue
                if call:
                    calls[(fn, cfn)] += int(cost[1])
                    call = False
                else:
                    own[fn] += int(cost[1])
    return own, calls


def split(path):
    own, calls = parse(path)
    search = next(f for f in SEARCHES if f == SEARCHES[-1] or any(a == f for a, _ in calls))
    kids = {b: c for (a, b), c in calls.items() if a == search}
    total = sum(kids.values()) + own[search]
    run_fn = next((f for f in RUNS if f in kids), RUNS[0])
    run = {b: c for (a, b), c in calls.items() if a == run_fn}
    statistics_ = sum(c for b, c in run.items() if b.endswith("::weight"))
    opened = sum(c for (a, b), c in calls.items()
                 if a == COLLECT and (b.endswith("::scorer") or b.endswith("::for_segment")))
    parts = {
        "parse": kids.get("zanlex::search::read_query", 0),
        "compile": sum(c for n, c in kids.items()
                       if n in COMPILE or n.startswith(COMPILE_PREFIXES)),
        "titles": kids.get("zanlex::search::title::act_scores", 0),
        "statistics": statistics_,
        "forms' unions": sum(calls.get((DOC_FREQ, f"zanlex::search::synonym::{n}"), 0)
                               for n in ("union::ReadUnion::read", "bm25::doc_bits")),
        "scorers": opened,
        "scoring": kids.get(run_fn, 0) - statistics_ - opened,
        "dictionary": sum(c for (a, b), c in calls.items()
                          if b in DICTIONARY and a not in DICTIONARY),
    }
    parts["hits"] = total - sum(parts[p] for p in
                                ("parse", "compile", "titles", "statistics", "scorers", "scoring"))
    return total, parts


def report(label, rows, queries):
    order = sorted(range(len(rows)), key=lambda i: rows[i][0])
    head = "| " + label + " | query | instructions | " + " | ".join(PARTS) + " |"
    print(head)
    print("|" + "---|" * (3 + len(PARTS)))
    for name, at in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99)):
        i = order[min(int(len(rows) * at), len(rows) - 1)]
        total, parts = rows[i]
        print(f"| {name} | `{queries[i]}` | {total / 1e6:.1f} M | "
              + " | ".join(f"{100 * parts[p] / total:.1f} %" for p in PARTS) + " |")
    whole = sum(t for t, _ in rows)
    print(f"| all {len(rows)} | | {whole / 1e6:.0f} M | "
          + " | ".join(f"{100 * sum(p[k] for _, p in rows) / whole:.1f} %" for k in PARTS) + " |")
    print("| median share | | | "
          + " | ".join(f"{100 * statistics.median(p[k] / t for t, p in rows):.1f} %"
                       for k in PARTS) + " |")
    print()


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    folder = sys.argv[1]
    qfile = Path(sys.argv[2] if len(sys.argv) == 3
                 else Path(__file__).resolve().parent / "queries.txt")
    queries = [line.split("\t")[1] for line in qfile.read_text(encoding="utf-8").splitlines()
               if "\t" in line]
    dumps = sorted(glob.glob(os.path.join(folder, "*.out.*")),
                   key=lambda p: int(p.rsplit(".", 1)[1]))
    rows = [split(p) for p in dumps]
    n = len(queries)
    if len(rows) < 2 * n:
        sys.exit(f"query_split: {len(rows)} dumps in {folder}, expected {2 * n} (two passes)")
    report("cold pass", rows[:n], queries)
    report("warm pass", rows[n:2 * n], queries)


if __name__ == "__main__":
    main()

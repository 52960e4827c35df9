#!/usr/bin/env python3
"""The 20-question table of the MCP tools: questions of the kind people bring to chat
assistants, each answered by at most three calls of zanlex's MCP tools, beside a regex peer that
does what the Python peer server's `search` does.

    evals/mcp_questions.py [--bin target/release] [--data ../shared/data] [--out FILE]

`evals/mcp_questions.tsv` has a header and six tab-separated columns per question:
  id        M01 …
  lang      kk or ru
  question  as a person asks it
  calls     a JSON list of [tool, arguments]: the calls an assistant makes (at most three);
            the first is the question as asked, the others what an assistant does next when
            that first page lacks the answer (words of the law instead of everyday ones,
            repealed acts asked for when the page says it left them out)
  expected  space-separated answers: `ACT#EID` (a unit that answers it: an answer counts
            when a call returns that unit or a unit inside it, as examples/common/eval.rs
            counts a hit) or `stats:PATH=VALUE` (a count of the `stats` answer, PATH dotted)
  regex     the patterns an assistant would give the peer's search, separated by ` || `: the
            key words in their dictionary form first (a substring match finds their inflected
            forms), then a second try (`-`: the peer's search has no way to answer, e.g. a
            count or what changed between two dates)

The corpus is laid out as examples/eval_questions.rs lays it out: `corpus/*`, DATA/versions as
`versions/` and the mirror sample's repository folders under `mirror/`. `zanlex mcp` is started
on it and driven over stdio with JSON-RPC lines (initialize, then each question's `tools/call`s);
zanlex finds a question when any expected answer is in the first page of one of its calls;
the table gives it for the first call alone and for all of them.

The regex peer is what the peer's `search` does: a case-insensitive regular expression over the
texts of the acts in force (repealed acts are invisible to it), first page of 10 matching units
in corpus order. It reads exactly the units zanlex ingested (examples/dump_units.rs: heading and
own text of each unit), so both see the same texts; the peer's small dictionary of everyday
words is not reproduced. Needs `cargo build --release --bin zanlex --example dump_units`.
Prints the Markdown table with totals (and writes it to --out), then the size of every answer
in characters (its JSON text, as the model reads it) beside the budget an answer must keep
(BUDGET, the library's `Budget::ASSISTANT`): a question whose answers all fit is within budget.
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = 10
MAX_CALLS = 3
# Characters an MCP answer may take (zanlex::pages::Budget::ASSISTANT.answer_chars).
BUDGET = 8000


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def read_questions(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        assert header == ["id", "lang", "question", "calls", "expected", "regex"], header
        for n, line in enumerate(f, start=2):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            cols = line.split("\t")
            assert len(cols) == 6, f"line {n}: 6 columns, got {len(cols)}"
            qid, lang, question, calls, expected, regex = cols
            calls = json.loads(calls)
            assert 1 <= len(calls) <= MAX_CALLS, f"{qid}: 1 to {MAX_CALLS} calls"
            rows.append(
                {
                    "id": qid,
                    "lang": lang,
                    "question": question,
                    "calls": calls,
                    "expected": expected.split(),
                    "regex": None if regex == "-" else regex.split(" || "),
                }
            )
    return rows


def lay_out(data, corpus):
    """corpus/* at the top, DATA/versions as versions/, the mirror's repository folders under
    mirror/ (its README and MANIFEST are no acts)."""
    for p in (ROOT / "corpus").iterdir():
        shutil.copy2(p, corpus / p.name)
    if (data / "versions").is_dir():
        shutil.copytree(data / "versions", corpus / "versions")
    else:
        log(f"{data}/versions is absent: its questions will not be found")
    if (data / "mirror").is_dir():
        for d in sorted((data / "mirror").iterdir()):
            if d.is_dir():
                shutil.copytree(d, corpus / "mirror" / d.name)
    else:
        log(f"{data}/mirror is absent: its questions will not be found")


class Mcp:
    """`zanlex mcp` over stdio: one JSON-RPC message a line each way."""

    def __init__(self, zanlex, corpus, index, stderr):
        self.proc = subprocess.Popen(
            [str(zanlex), "mcp", "--corpus", str(corpus), "--index", str(index)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            encoding="utf-8",
        )
        self.next_id = 0
        self.request(
            "initialize",
            {
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "mcp_questions", "version": "1"},
            },
        )
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def send(self, message):
        self.proc.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError(f"zanlex mcp ended before answering {method}")
            message = json.loads(line)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def call(self, tool, args):
        """The tool's JSON answer, or {"error": message} for a tool error; and the answer's
        size in characters."""
        result = self.request("tools/call", {"name": tool, "arguments": args})
        text = result["content"][0]["text"]
        if result.get("isError"):
            return {"error": text}, len(text)
        return json.loads(text), len(text)

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def units_in(tool, answer):
    """The units a tool's answer presents as its answer (not the references inside them):
    `search` its hits, `read` and `at_date` their unit, `history` its events, `changes` its
    unit changes and events, `stats` its units amended most, `refs` the units referred to,
    `cited_by` the citing units."""
    if "error" in answer:
        return set()
    out = set()
    if tool == "search":
        out |= {(h["act"]["id"], h["unit"]["eid"]) for h in answer.get("hits", [])}
    elif tool in ("read", "at_date"):
        target = answer.get("target") or f"{answer.get('act', {}).get('id')}#{answer.get('eid')}"
        if "#" in target:
            out.add(tuple(target.split("#", 1)))
    elif tool == "history":
        act = answer["act"]["id"]
        out |= {(act, e["eid"]) for e in answer.get("entries", []) if e["eid"]}
    elif tool == "changes":
        act = answer["target"].split("#")[0]
        out |= {(act, u["eid"]) for u in (answer.get("diff") or {}).get("units", [])}
        out |= {(act, e["eid"]) for e in answer.get("events", []) if e["eid"]}
    elif tool == "stats":
        out |= {(u["act"], u["eid"]) for u in answer.get("most_amended_units", [])}
    elif tool == "refs":
        for r in answer.get("references", []):
            t = r.get("target") or {}
            if t.get("act") and t.get("eid"):
                out.add((t["act"], t["eid"]))
    elif tool == "cited_by":
        for r in answer.get("cited_by", []):
            c = r.get("citing") or {}
            if c.get("act") and c.get("eid"):
                out.add((c["act"], c["eid"]))
    return out


def answers(units, expected):
    """Whether a unit of `units` answers an expected `ACT#EID` (it or a unit inside it)."""
    for e in expected:
        if e.startswith("stats:"):
            continue
        act, eid = e.split("#", 1)
        if any(a == act and (u == eid or u.startswith(eid + "__")) for a, u in units):
            return True
    return False


def stats_match(answers_, expected):
    """Whether a `stats` answer has a count an expected `stats:PATH=VALUE` names."""
    for e in expected:
        if not e.startswith("stats:"):
            continue
        path, value = e[len("stats:"):].split("=", 1)
        for a in answers_:
            v = a
            for key in path.split("."):
                v = v.get(key) if isinstance(v, dict) else None
            if v is not None and str(v) == value:
                return True
    return False


def peer_page(units, pattern):
    """The first page of the regex peer: units of acts in force whose text matches."""
    rx = re.compile(pattern, re.IGNORECASE)
    page = []
    for u in units:
        if u["status"] == "repealed":
            continue
        if rx.search(u["text"]):
            page.append((u["act"], u["eid"]))
            if len(page) == PAGE:
                break
    return page


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=str(ROOT / "target" / "release"))
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--questions", default=str(ROOT / "evals" / "mcp_questions.tsv"))
    ap.add_argument("--out")
    args = ap.parse_args()
    bin_dir = Path(args.bin)
    zanlex, dump = bin_dir / "zanlex", bin_dir / "examples" / "dump_units"
    for exe in (zanlex, dump):
        if not exe.exists():
            sys.exit(f"{exe} is missing: cargo build --release --bin zanlex --example dump_units")
    questions = read_questions(args.questions)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        corpus.mkdir()
        lay_out(Path(args.data), corpus)
        subprocess.run([str(dump), str(corpus), str(tmp / "units.jsonl")], check=True,
                       stderr=subprocess.DEVNULL)
        with open(tmp / "units.jsonl", encoding="utf-8") as f:
            units = [json.loads(line) for line in f]
        with open(tmp / "mcp.log", "w") as err:
            mcp = Mcp(zanlex, corpus, tmp / "index", err)
            rows = []
            sizes = []
            for q in questions:
                called = [mcp.call(tool, a) for tool, a in q["calls"]]
                got = [g for g, _ in called]
                sizes.append((q["id"], [n for _, n in called]))
                errors = [g["error"] for g in got if "error" in g]
                shown = set().union(*(units_in(t, g) for (t, _), g in zip(q["calls"], got)))
                found = answers(shown, q["expected"]) or (
                    stats_match([g for g in got if "error" not in g], q["expected"])
                )
                first = answers(units_in(q["calls"][0][0], got[0]), q["expected"]) or (
                    q["calls"][0][0] == "stats" and stats_match(got[:1], q["expected"])
                )
                peer = None
                if q["regex"] is not None:
                    peer = [
                        answers(set(peer_page(units, rx)), q["expected"]) for rx in q["regex"]
                    ]
                rows.append((q, first, found, peer, errors))
            mcp.close()
    yn = lambda b: "y" if b else "n"  # noqa: E731
    lines = [
        "| id | question | tool calls | zanlex 1st call | zanlex ≤3 calls "
        "| regex 1st pattern | regex any pattern | patterns |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for q, first, found, peer, errors in rows:
        calls = "; ".join(
            f"`{tool} {json.dumps(a, ensure_ascii=False)}`" for tool, a in q["calls"]
        )
        if peer is None:
            peer_cells = "n | n | (no regex answers it)"
        else:
            patterns = " · ".join(f"`{rx}`" for rx in q["regex"])
            peer_cells = f"{yn(peer[0])} | {yn(any(peer))} | {patterns}"
        lines.append(
            f"| {q['id']} | {q['question']} | {calls} | {yn(first)} | {yn(found)} | {peer_cells} |"
        )
        for e in errors:
            log(f"{q['id']}: tool error: {e}")
    n = len(rows)
    count = lambda f: sum(1 for r in rows if f(r))  # noqa: E731
    calls = sum(len(q["calls"]) for q, *_ in rows)
    most = max(len(q["calls"]) for q, *_ in rows)
    lines.append(
        f"| **total** | {n} questions | {calls} calls, at most {most} a question "
        f"| **{count(lambda r: r[1])}/{n}** | **{count(lambda r: r[2])}/{n}** "
        f"| **{count(lambda r: r[3] and r[3][0])}/{n}** "
        f"| **{count(lambda r: r[3] and any(r[3]))}/{n}** | |"
    )
    lines += [
        "",
        f"| id | characters of each call's answer | largest | within {BUDGET} |",
        "|---|---|---|---|",
    ]
    for qid, ns in sizes:
        lines.append(
            f"| {qid} | {' + '.join(f'{n:,}' for n in ns)} | {max(ns):,} | {yn(max(ns) <= BUDGET)} |"
        )
    within = sum(1 for _, ns in sizes if max(ns) <= BUDGET)
    every = [n for _, ns in sizes for n in ns]
    lines.append(
        f"| **total** | {sum(every):,} characters in {len(every)} answers "
        f"| {max(every):,} | **{within}/{len(sizes)}** |"
    )
    table = "\n".join(lines)
    print(table)
    if args.out:
        Path(args.out).write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Validates Atom feeds against RFC 4287: its RELAX NG grammar (Appendix B, kept in
tests/fixtures/atom/rfc4287.rnc, converted with rnc2rng and checked with lxml), then the two
rules the grammar states in Schematron (an author on the feed or on every entry; an alternate
link or a content on every entry) and the RFC's rules a grammar cannot say: ids are absolute
IRIs, no two entries share an id, every date has a time zone.

Usage: atom_check.py FEED.xml...; prints one line a fault and exits 1 when there is any.
Needs `lxml` and `rnc2rng` from PyPI (.ci/run installs them into target/feed-venv).
"""
import re
import sys
from pathlib import Path

import rnc2rng
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
NS = {"a": "http://www.w3.org/2005/Atom"}
SCHEMA = Path(__file__).resolve().parent.parent / "tests/fixtures/atom/rfc4287.rnc"
# RFC 3339's date-time, as RFC 4287 section 3.3 asks: a time zone always.
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
# An IRI with a scheme (RFC 3987): what an id must be (RFC 4287 section 4.2.6).
ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def faults(path, relaxng):
    doc = etree.parse(str(path))
    if not relaxng.validate(doc):
        for e in relaxng.error_log:
            yield f"{path}:{e.line}: {e.message}"
        return
    feed = doc.getroot()
    entries = feed.findall(f"{ATOM}entry")
    if feed.find(f"{ATOM}author") is None:
        for i, e in enumerate(entries):
            if e.find(f"{ATOM}author") is None:
                yield f"{path}: entry {i + 1} has no author and the feed has none"
    for i, e in enumerate(entries):
        if not e.xpath("a:link[@rel='alternate'] or a:link[not(@rel)] or a:content", namespaces=NS):
            yield f"{path}: entry {i + 1} has neither an alternate link nor a content"
    ids = [x.text or "" for x in doc.iter(f"{ATOM}id")]
    for i in ids:
        if not ABSOLUTE.match(i):
            yield f"{path}: id {i!r} is not an absolute IRI"
    entry_ids = [e.findtext(f"{ATOM}id") for e in entries]
    if len(set(entry_ids)) != len(entry_ids):
        yield f"{path}: two entries share an id"
    for tag in ("updated", "published"):
        for d in doc.iter(f"{ATOM}{tag}"):
            if not DATE.match(d.text or ""):
                yield f"{path}: {tag} {d.text!r} is not an RFC 3339 date-time"


def main(paths):
    rng = rnc2rng.dumps(rnc2rng.load(str(SCHEMA)))
    # rnc2rng declares the grammar's `local` prefix for the empty namespace, which XML does
    # not allow; its one use is written `<nsName ns=""/>` already, so the declaration goes.
    rng = re.sub(r'\s+xmlns:local=""', "", rng)
    relaxng = etree.RelaxNG(etree.fromstring(rng.encode()))
    found = [f for p in paths for f in faults(p, relaxng)]
    for f in found:
        print(f)
    if not found:
        print(f"valid Atom (RFC 4287): {len(paths)} feed(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

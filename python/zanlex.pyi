"""zanlex: search, read and compare Kazakhstan's normative acts over time.

Every answer is a `Record` whose attributes are the fields of the JSON `zanlex ... --json`
prints (a field named as a Python keyword, `from`, is read as `from_`), made from the library's
typed answer without writing JSON: nested objects are records, arrays are lists, a float has
the digits the command line prints. `to_dict()` gives the whole answer as plain Python values,
what `json.loads` makes of that JSON.
"""

import os
import pathlib
from typing import Any, ItemsView, Iterator, KeysView, Mapping, Optional, Union, ValuesView

import pandas

_Path = Union[str, os.PathLike[str]]

DEFAULT_LIMIT: int
MAX_LIMIT: int
__version__: str

class ZanlexError(Exception):
    """An error zanlex reports."""

    code: str
    """Its name in the table of error codes: `bad_request`, `bad_query`, `not_found`,
    `limit_out_of_range`, `offset_out_of_range`, `index_busy`, `internal`, ..."""
    advice: str
    """What to do about it, in one sentence."""

class BadRequest(ZanlexError):
    """A value that cannot be understood: a date, a language, a kind, a status, a page."""

class BadQuery(BadRequest):
    """A query that cannot be parsed, or has nothing searchable (code `bad_query`)."""

class NotFound(ZanlexError):
    """No such act, unit, edition or language (code `not_found`)."""

class UnknownAct(NotFound):
    """No act with the id asked for."""

    suggestions: list[str]
    """The nearest ids the index has."""

class UnknownUnit(NotFound):
    """The act has no unit with the eid asked for."""

class IndexBusy(ZanlexError):
    """Another zanlex process holds the index (code `index_busy`)."""

class InternalError(ZanlexError):
    """zanlex failed: the index could not be read or written (code `internal`)."""

class Record(Mapping[str, Any]):
    """An object of an answer, read by attribute (`r.act.id`) or key (`r["act"]`): a
    read-only mapping of its field names, in the answer's order. Its methods are not field
    names of any answer; a key reaches every field."""

    def __getattr__(self, name: str) -> Any: ...
    def __getitem__(self, key: str) -> Any: ...
    def __contains__(self, key: object) -> bool: ...
    def __iter__(self) -> Iterator[str]: ...
    def __len__(self) -> int: ...
    def keys(self) -> KeysView[str]: ...
    def values(self) -> ValuesView[Any]: ...
    def items(self) -> ItemsView[str, Any]: ...
    def get(self, key: str, default: Any = None) -> Any: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as plain Python values: what `json.loads` makes of the JSON
        `zanlex ... --json` prints."""
    def to_json(self, indent: Optional[int] = None) -> str:
        """The record as JSON text."""

class SearchResults(Record):
    """Ranked, cited hits of a search (`zanlex search --json`)."""

    query: str
    hits: list[Record]
    total: int
    total_is_lower_bound: bool
    incomplete: bool
    took_ms: float

class ActList(Record):
    """The acts of the index (`zanlex acts --json`)."""

    acts: list[Record]
    total: int
    offset: int
    failures: list[Record]

class ActOutline(Record):
    """An act's metadata, editions and unit tree."""

    id: str
    title: str
    citation: str
    units: list[Record]

class UnitTree(Record):
    """An act's unit tree (`zanlex units --json`)."""

    act: Record
    units: list[Record]
    unit_count: int

class UnitAnswer(Record):
    """A unit in the wording in force on a date (`zanlex show ACT#EID --json`).

    `state.kind` says what the wording is on that date: `in_force`, or an honest edge
    (`not_yet_in_force`, `not_in_corpus`, `repealed`, `expired`, `suspended`, …), among them
    `awaiting_other_act`: the day it takes effect is set by a provision of another act the
    corpus does not give (`state.not_before`, the earliest day; `state.set_by`, that act's
    `kind`, `date`, `number`, `citation`, `provision`, `paragraph`, `in_corpus`;
    `state.later_change`, when a later change with a known day dates `not_before`, its
    act's `citation`). `expired` names the provision it applied under (`state.under`). Only
    `in_force` and `in_force_before_earliest_edition` are the text in force.
    """

    citation: str
    text: str
    state: Record
    children: list[Record]
    amendments: list[Record]

class ParallelUnit(Record):
    """A unit in each language the act has (`zanlex show ACT#EID --parallel --json`)."""

    kk: Optional[Record]
    ru: Optional[Record]

class ActHistory(Record):
    """An act's amendment timeline, newest first (`zanlex history --json`)."""

    act: Record
    eid: Optional[str]
    versions: list[Record]
    entries: list[Record]
    wordings: list[Record]
    unparsed_notes: list[Record]
    target_fallbacks: list[Record]
    def to_dataframe(self) -> pandas.DataFrame:
        """One row per event, newest first; columns act, eid, label, action, effective
        (datetime64), effective_estimated, signed (datetime64), amending_act,
        amending_act_key, amending_act_id, note. Raises ImportError without pandas."""

class ActDiff(Record):
    """What changed between two editions of an act (`zanlex diff --json`)."""

    act: str
    eid: Optional[str]
    from_: str
    to: str
    deleted: list[str]
    inserted: list[str]
    changed: list[str]
    notes_changed: list[str]
    units: list[Record]
    def to_dataframe(self) -> pandas.DataFrame:
        """One row per changed unit; columns act, from, to, eid, name_kk, name_ru, kind,
        status_from, status_to, text_from, text_to, notes_changed. Raises ImportError
        without pandas."""

class WordingAnswer(Record):
    """When a phrase appeared in an act's units and when it went, over its editions
    (`zanlex wording --json`)."""

    act: str
    act_citation: str
    act_status: Record
    lang: str
    eid: Optional[str]
    phrase: str
    words: list[str]
    editions: int
    earliest_edition: Optional[Record]
    latest_edition: Optional[Record]
    units_total: int
    spans_total: int
    offset: int
    limit: int
    next_offset: Optional[int]
    notes: Optional[list[str]]
    units: list[Record]
    def to_dataframe(self) -> pandas.DataFrame:
        """One row per span; columns act, lang, eid, start, from (datetime64),
        from_estimated, from_edition, brought_by, end, until (datetime64), absent_from
        (datetime64), end_edition, removed_by, editions. Raises ImportError without
        pandas."""

class AmendedBy(Record):
    """What one amending act changed across the corpus (`zanlex amended-by ACT --json`)."""

    amending_act: str
    signed: Optional[str]
    number: Optional[str]
    in_corpus: bool
    amending_act_id: Optional[str]
    total: int
    acts_total: int
    acts: list[Record]
    offset: int
    limit: int
    next_offset: Optional[int]
    notes: Optional[list[str]]
    provisions: list[Record]
    def to_dataframe(self) -> pandas.DataFrame:
        """One row per provision of the page, by act and in each act's order; columns act,
        act_citation, eid, citation, label, action, effective (datetime64),
        effective_estimated, amending_act, note. Raises ImportError without pandas."""

class RefList(Record):
    """What a provision refers to (`zanlex refs --json`)."""

    target: str
    total: int
    resolved: int
    references: list[Record]

class CitedByList(Record):
    """What refers to a provision (`zanlex cited-by --json`)."""

    target: str
    total: int
    resolved: int
    cited_by: list[Record]

class Succession(Record):
    """The act an act replaced and the act that replaced it; a field is absent when the
    corpus does not say (read it with `"replaces" in answer`)."""

    replaces: Optional[Record]
    replaced_by: Optional[Record]

class CorpusStats(Record):
    """Counts across the corpus."""

    acts: int
    by_kind: Mapping[str, int]
    by_issuer: Mapping[str, int]
    by_year: Mapping[str, int]
    by_status: Mapping[str, int]
    events: int
    most_amended_units: list[Record]
    top_amending_acts: list[Record]

class LexiconList(Record):
    """Kazakh-Russian word pairs learned from the corpus (`zanlex lexicon --json`)."""

    word: Optional[str]
    total: int
    pairs: list[Record]

class RefreshReport(Record):
    """What opening or refreshing the index did."""

    changed: bool
    rebuilt: bool
    added: list[str]
    updated: list[str]
    removed: list[str]
    failures: list[list[str]]

class GrepAnswer(Record):
    """The units whose text a regular expression matches (`zanlex grep --json`)."""

    pattern: str
    ignore_case: bool
    units_scanned: int
    total: int
    total_is_lower_bound: bool
    matches_total: int
    offset: int
    limit: int
    next_offset: Optional[int]
    notes: Optional[list[str]]
    units: list[Record]

class Index:
    """An open zanlex index."""

    @property
    def corpus(self) -> Optional[pathlib.Path]: ...
    @property
    def path(self) -> pathlib.Path: ...
    @property
    def report(self) -> RefreshReport: ...
    def search(
        self,
        query: str = "",
        limit: int = 10,
        offset: int = 0,
        as_of: Optional[str] = None,
        act: Optional[str] = None,
        kind: Optional[str] = None,
        status: Optional[str] = None,
        lang: Optional[str] = None,
        exact_total: bool = False,
        issuer: Optional[str] = None,
        registration: Optional[str] = None,
        number: Optional[str] = None,
        date_from: Optional[str] = None,
        date_to: Optional[str] = None,
    ) -> SearchResults:
        """Ranked, cited passages: the hits after the first `offset`, at most `limit`.
        Dates are `YYYY-MM-DD`; `lang` is `kk` or `ru`. The requisites (`issuer` by code or
        name in Kazakh or Russian, `registration`, `number`, `date_from`, `date_to`) narrow
        the search to acts; with one of them `query` may be empty."""
    def acts(self, offset: int = 0, limit: Optional[int] = None) -> ActList: ...
    def act(
        self,
        id: str,
        as_of: Optional[str] = None,
        lang: Optional[str] = None,
        texts: bool = False,
    ) -> ActOutline: ...
    def units(self, id: str, lang: Optional[str] = None) -> UnitTree: ...
    def unit(
        self,
        act: str,
        eid: str,
        as_of: Optional[str] = None,
        lang: Optional[str] = None,
    ) -> UnitAnswer: ...
    def parallel(self, act: str, eid: str, as_of: Optional[str] = None) -> ParallelUnit: ...
    def history(
        self,
        act: str,
        eid: Optional[str] = None,
        lang: Optional[str] = None,
        affected: bool = False,
    ) -> ActHistory: ...
    def diff(
        self,
        act: str,
        from_: str,
        to: str,
        eid: Optional[str] = None,
        lang: Optional[str] = None,
    ) -> ActDiff:
        """Compares editions `from_` and `to`: edition ids or dates (`YYYY-MM-DD`)."""
    def refs(
        self,
        act: str,
        eid: Optional[str] = None,
        lang: Optional[str] = None,
        as_of: Optional[str] = None,
        unresolved: bool = False,
    ) -> RefList: ...
    def cited_by(
        self,
        act: str,
        eid: Optional[str] = None,
        exact: bool = False,
        lang: Optional[str] = None,
        as_of: Optional[str] = None,
    ) -> CitedByList: ...
    def wording(
        self,
        act: str,
        phrase: str,
        eid: Optional[str] = None,
        lang: Optional[str] = None,
        offset: Optional[int] = None,
        limit: Optional[int] = None,
    ) -> WordingAnswer:
        """When `phrase` appeared in the act's units (or unit `eid`'s) and when it went."""
    def succession(self, id: str) -> Succession: ...
    def stats(self, since: Optional[str] = None, limit: int = 10) -> CorpusStats: ...
    def lexicon(self, word: Optional[str] = None, limit: int = 50) -> LexiconList: ...
    def amended_by(
        self,
        by: str,
        lang: Optional[str] = None,
        offset: Optional[int] = None,
        limit: Optional[int] = None,
    ) -> AmendedBy:
        """What the amending act `by` (its id, or its requisites: «Закон РК от 17.07.2024 №
        118-VIII») changed across the corpus, provision by provision."""
    def grep(
        self,
        pattern: str,
        act: Optional[str] = None,
        kind: Optional[str] = None,
        status: Optional[str] = None,
        lang: Optional[str] = None,
        as_of: Optional[str] = None,
        ignore_case: bool = False,
        offset: int = 0,
        limit: int = 20,
        total_bound: int = 1000,
    ) -> GrepAnswer:
        """The units whose text the regular expression `pattern` (Rust's regex syntax)
        matches, each with its citation, permalink, state and matches (`start`, `end` in
        characters, an `excerpt`); an unreadable pattern raises `BadRequest` with code
        `bad_pattern`."""
    def refresh(self) -> RefreshReport:
        """Checks the corpus again and refreshes the index when it changed."""

def open(
    corpus: Optional[_Path],
    index: _Path,
    *,
    refresh: bool = True,
    follow: bool = False,
) -> Index:
    """Opens the index in folder `index` over the documents in `corpus`, as `zanlex search`
    does: built when missing, refreshed when the corpus changed."""

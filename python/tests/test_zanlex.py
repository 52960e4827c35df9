"""The Python door on the bundled corpus (`corpus/` at the repository's root, copied to a
temporary folder): the same answers as the command line, typed, with their error codes, and
history as a pandas DataFrame.

Needs the wheel installed and `target/release/zanlex` built (`cargo test --release` builds it;
`ZANLEX_BIN` names another); `scripts/python.sh` runs it as CI does.
"""

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

import zanlex

ROOT = Path(__file__).resolve().parents[2]
JOINT_ORDER = "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611"
MFA_ORDER = "mfa-order-2018-01-04-11-1-4-1"
# The order that amended MFA_ORDER's rules on 05.12.2025, as a Kazakh and a Russian reader name it.
ORDER_730_KK = "ҚР Сыртқы істер министрінің м.а. 05.12.2025 № 11-1-4/730 бұйрығы"
ORDER_730_RU = "приказ и.о. Министра иностранных дел РК от 05.12.2025 № 11-1-4/730"


@pytest.fixture(scope="session")
def folders(tmp_path_factory):
    """A copy of the bundled corpus and the folder its index is built in."""
    tmp = tmp_path_factory.mktemp("zanlex")
    corpus = tmp / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    return corpus, tmp / "index"


@pytest.fixture(scope="session")
def index(folders):
    corpus, index = folders
    return zanlex.open(corpus, index)


def cli_text(folders, *args):
    """What `zanlex ARGS --json` prints on the same corpus and index."""
    binary = Path(os.environ.get("ZANLEX_BIN", ROOT / "target" / "release" / "zanlex"))
    assert binary.is_file(), f"{binary} is missing: run `cargo build --release` first"
    corpus, index = folders
    out = subprocess.run(
        [str(binary), *args, "--json", "--corpus", str(corpus), "--index", str(index)],
        capture_output=True,
        check=True,
    )
    return out.stdout.decode()


def cli_json(folders, *args):
    """What `zanlex ARGS --json` prints on the same corpus and index, parsed."""
    return json.loads(cli_text(folders, *args))


def whole_page(page, *page_fields):
    """The answer inside a page the command line prints (history, diff), checked to be whole:
    the page's own fields (where it stands, what it counts, its citation and link) taken off."""
    assert "next_offset" not in page and "cut" not in page, "the page is not whole"
    assert page.pop("offset") == 0
    page.pop("limit")
    for field in ("citation", "permalink", *page_fields):
        page.pop(field, None)
    return page


def test_opening_builds_the_index_and_lists_the_five_acts(index):
    report = index.report
    assert isinstance(report, zanlex.RefreshReport)
    assert report.failures == []
    acts = index.acts()
    assert isinstance(acts, zanlex.ActList)
    assert acts.total == 5
    assert sorted(a.id for a in acts.acts) == [
        "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha",
        "government-resolution-2022-10-10-807",
        JOINT_ORDER,
        MFA_ORDER,
        "mvd-order-2012-06-14-352",
    ]
    page = index.acts(offset=1, limit=2)
    assert [a.id for a in page.acts] == [a.id for a in acts.acts[1:3]]
    assert index.stats().acts == 5


def test_search_ranks_the_amendment_on_extending_a_visa_first(index):
    found = index.search("визаның қолданылу мерзімін ұзарту", limit=2)
    assert isinstance(found, zanlex.SearchResults)
    assert [(h.rank, h.act.id, h.unit.eid) for h in found.hits] == [
        (1, JOINT_ORDER, "para_1__mod_25"),
        (2, JOINT_ORDER, "para_1__mod_2"),
    ]
    assert found.hits[0].citation == (
        "ҚР Сыртқы істер министрінің 01.09.2020 № 11-1-4/245 және ҚР Ішкі істер министрінің "
        "01.09.2020 № 611 бірлескен бұйрығы · 1-тармақ 25-өзгеріс"
    )
    # The next page holds the second hit, with its rank in the whole list.
    second = index.search("визаның қолданылу мерзімін ұзарту", limit=1, offset=1)
    assert [(h.rank, h.unit.eid) for h in second.hits] == [(2, "para_1__mod_2")]


def test_search_within_an_act_finds_the_paragraph_citing_paragraph_10(index):
    found = index.search("10-тармағында", act=MFA_ORDER, limit=2)
    assert [(h.act.id, h.unit.eid) for h in found.hits] == [(MFA_ORDER, "att_1__para_11")]
    refs = [(r.target.act, r.target.eid) for r in found.hits[0].references]
    assert (MFA_ORDER, "att_1__para_10") in refs


def test_search_answer_is_the_command_lines_json(index, folders):
    query = "тұрақты тұруға рұқсат"
    mine = index.search(query, limit=5, lang="kk").to_dict()
    cli = cli_json(folders, "search", query, "--limit", "5", "--lang", "kk")
    # Only the time each search took differs.
    assert isinstance(mine.pop("took_ms"), float)
    cli.pop("took_ms")
    assert len(mine["hits"]) == 5
    assert mine == cli


def test_history_is_the_command_lines_json_and_a_dataframe(index, folders):
    history = index.history(MFA_ORDER)
    assert isinstance(history, zanlex.ActHistory)
    page = cli_json(folders, "history", MFA_ORDER)
    mine = history.to_dict()
    assert page["totals"] == {
        "events": len(mine["entries"]),
        "editions": len(mine["versions"]),
        "wordings": len(mine["wordings"]),
        "by_act": len(mine["by_act"]),
    }
    assert mine == whole_page(page, "totals")
    frame = history.to_dataframe()
    assert frame.shape == (12, 11)
    assert list(frame.columns) == [
        "act",
        "eid",
        "label",
        "action",
        "effective",
        "effective_estimated",
        "signed",
        "amending_act",
        "amending_act_key",
        "amending_act_id",
        "note",
    ]
    first = frame.iloc[0]
    assert str(first["effective"].date()) == "2026-01-01"
    assert str(first["signed"].date()) == "2025-09-30"
    assert (first["action"], first["eid"]) == ("changed", "att_1__annex_3")
    assert first["amending_act"] == "ҚР Сыртқы істер министрінің м.а. 30.09.2025 № 11-1-4/577 бұйрығы"
    # Newest first; every effective date but the first is estimated (no publication date).
    assert frame["effective"].is_monotonic_decreasing
    assert list(frame["effective_estimated"]) == [False] + [True] * 11
    assert str(frame["effective"].dtype).startswith("datetime64")
    # Events by year, as a researcher counts them.
    by_year = frame.groupby(frame["effective"].dt.year).size().to_dict()
    assert by_year == {2022: 7, 2025: 4, 2026: 1}


def test_a_units_history_and_wording_on_a_date(index):
    history = index.history(MFA_ORDER, "att_1__para_11")
    assert [(e.effective.date, e.action) for e in history.entries] == [
        ("2025-12-15", "new_wording"),
        ("2022-06-05", "new_wording"),
    ]
    unit = index.unit(MFA_ORDER, "att_1__para_11")
    assert isinstance(unit, zanlex.UnitAnswer)
    assert unit.citation == "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 11-тармақ"
    assert "from_" not in unit and unit["citation"] == unit.citation


def test_an_unknown_act_raises_with_its_code_and_the_nearest_ids(index):
    with pytest.raises(zanlex.UnknownAct) as raised:
        index.history("mfa-order-2018-01-04-11-1-4-2")
    e = raised.value
    assert isinstance(e, zanlex.NotFound) and isinstance(e, zanlex.ZanlexError)
    assert e.code == "not_found"
    assert e.suggestions[0] == MFA_ORDER
    # Worded once in the library, for every door: the nearest ids, never the index's folder.
    assert str(e).startswith(
        'no act with id "mfa-order-2018-01-04-11-1-4-2"; did you mean: ' + MFA_ORDER + ","
    )
    assert "index" not in str(e).split(";")[0]
    with pytest.raises(zanlex.UnknownUnit) as raised:
        index.unit(MFA_ORDER, "att_1__para_99")
    assert raised.value.code == "not_found"


def test_search_by_requisites_is_the_command_lines_json(index, folders):
    # Every unit of the order registered № 16354, and only its units, as the CLI lists them.
    mine = index.search(registration="16354", limit=100).to_dict()
    cli = cli_json(folders, "search", "--registration", "16354", "--limit", "100")
    mine.pop("took_ms")
    cli.pop("took_ms")
    assert mine == cli
    assert {h["act"]["id"] for h in mine["hits"]} == {MFA_ORDER}
    assert mine["total"] == len(mine["hits"]) > 3
    by_issuer = index.search(number="11-1-4/1", issuer="Министр иностранных дел", limit=100)
    assert sorted((h.act.id, h.unit.eid) for h in by_issuer.hits) == sorted(
        (h["act"]["id"], h["unit"]["eid"]) for h in mine["hits"]
    )
    with pytest.raises(zanlex.BadRequest) as raised:
        index.search(issuer="Министр сказочных дел")
    assert raised.value.code == "bad_request", raised.value


def test_bad_requests_raise_with_their_codes(index):
    cases = [
        (lambda: index.search('"unclosed'), zanlex.BadQuery, "bad_query"),
        (lambda: index.search("виза", as_of="01.01.2020"), zanlex.BadRequest, "bad_request"),
        (lambda: index.search("виза", lang="en"), zanlex.BadRequest, "bad_request"),
        (lambda: index.search("виза", kind="novel"), zanlex.BadRequest, "bad_request"),
        (lambda: index.search("виза", limit=0), zanlex.BadRequest, "limit_out_of_range"),
        (lambda: index.search("виза", offset=1000), zanlex.BadRequest, "offset_out_of_range"),
        (lambda: index.grep("(статья"), zanlex.BadRequest, "bad_pattern"),
    ]
    for call, cls, code in cases:
        with pytest.raises(cls) as raised:
            call()
        assert raised.value.code == code, raised.value
        assert raised.value.advice


def test_without_pandas_to_dataframe_says_what_to_install(index, monkeypatch):
    history = index.history(MFA_ORDER)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="needs pandas, which is not installed: pip install pandas"):
        history.to_dataframe()


def test_records_read_by_attribute_key_and_keyword(index):
    found = index.search("визаның қолданылу мерзімін ұзарту", limit=1)
    hit = found.hits[0]
    assert isinstance(hit, zanlex.Record)
    assert hit["act"]["id"] == hit.act.id == JOINT_ORDER
    # `from` is a Python keyword: read as `from_`; as a key it is `from`.
    assert hit.version.from_ == hit.version["from"] == hit.version.to_dict()["from"]
    assert "from" in hit.version and "from_" not in hit.version
    with pytest.raises(AttributeError, match='has no field "nope"'):
        hit.nope
    with pytest.raises(KeyError):
        hit.version["from_"]
    assert "act" in dir(hit) and "to_dict" in dir(hit)
    # Made once from the typed answer: reading a field twice gives the same objects.
    assert found.hits is found.hits and found.hits[0].act is hit.act
    # A record is a read-only mapping of its fields, in the JSON's order.
    assert isinstance(hit, Mapping)
    assert list(hit.keys()) == list(hit) == list(hit.to_dict())
    assert dict(hit.act) == hit.act.to_dict()
    assert hit.get("nope") is None and hit.get("nope", 3) == 3 and hit.get("rank") == 1
    assert 5 not in hit
    # `to_dict()` is a copy: changing it leaves the answer as it was.
    copy = found.to_dict()
    copy["hits"].clear()
    assert len(found.hits) == 1 and found.to_dict() != copy
    assert json.loads(found.to_json()) == found.to_dict()


def test_a_score_reads_with_the_digits_the_command_line_prints(index, folders):
    """A score is an `f32`: read as the JSON prints it, not widened to its `f64` digits
    (`0.1` rather than `0.10000000149011612`)."""
    query = "тұрақты тұруға рұқсат"
    scores = [h.score for h in index.search(query, limit=5, lang="kk").hits]
    printed = re.findall(
        r'"score":\s*([-0-9.eE+]+)', cli_text(folders, "search", query, "--limit", "5", "--lang", "kk")
    )
    assert len(scores) == 5
    assert [repr(s) for s in scores] == printed
    # An f32 widened to f64 shows up to 17 significant digits; an f32 never needs more than 9.
    assert all(len(p.replace(".", "").lstrip("0")) <= 9 for p in printed), printed


def test_the_stubs_name_fields_the_answers_have(index):
    """Every field the stubs annotate on an answer class is in that answer's JSON."""
    stubs = ast.parse((Path(__file__).resolve().parents[1] / "zanlex.pyi").read_text())
    # A field annotated `Optional` may be left out of the JSON when it has no value.
    fields = {
        c.name: [
            s.target.id
            for s in c.body
            if isinstance(s, ast.AnnAssign) and not ast.unparse(s.annotation).startswith("Optional")
        ]
        for c in stubs.body
        if isinstance(c, ast.ClassDef)
    }
    annotations = {
        c.name: {
            s.target.id: ast.unparse(s.annotation)
            for s in c.body
            if isinstance(s, ast.AnnAssign)
        }
        for c in stubs.body
        if isinstance(c, ast.ClassDef)
    }
    answers = [
        index.search("виза", limit=1),
        index.acts(),
        index.act(MFA_ORDER),
        index.units(MFA_ORDER),
        index.unit(MFA_ORDER, "att_1__para_11"),
        index.parallel(MFA_ORDER, "att_1__para_11"),
        index.history(MFA_ORDER),
        index.refs(MFA_ORDER, "att_1__para_11"),
        index.cited_by(MFA_ORDER, "att_1__para_10"),
        index.succession(MFA_ORDER),
        index.stats(),
        index.lexicon(),
        index.report,
        index.amended_by(ORDER_730_KK),
        index.grep("виза", limit=1),
    ]
    for answer in answers:
        name = type(answer).__name__
        assert name in fields, name
        keys = answer.to_dict().keys()
        for field in fields[name]:
            assert field.rstrip("_") in keys, f"{name}.{field}"
        # Every field the answer has is of the type its stub annotates.
        for field, annotation in annotations[name].items():
            if field.rstrip("_") in answer:
                value = getattr(answer, field)
                assert is_of(value, annotation), f"{name}.{field}: {annotation} but {value!r}"


def is_of(value, annotation):
    """Whether `value` is of the type a stub's annotation (as text) names."""
    kinds = {"str": str, "int": int, "float": float, "bool": bool, "Record": zanlex.Record}
    annotation = annotation.strip()
    if annotation == "Any":
        return True
    if annotation.startswith("Optional[") and annotation.endswith("]"):
        return value is None or is_of(value, annotation[len("Optional[") : -1])
    if annotation.startswith("list[") and annotation.endswith("]"):
        return isinstance(value, list) and all(is_of(v, annotation[5:-1]) for v in value)
    if annotation.startswith("Mapping[str, ") and annotation.endswith("]"):
        inner = annotation[len("Mapping[str, ") : -1]
        return isinstance(value, Mapping) and all(
            isinstance(k, str) and is_of(v, inner) for k, v in value.items()
        )
    kind = kinds[annotation]
    # `bool` is an `int` to Python; a count is never one.
    if kind is int and isinstance(value, bool):
        return False
    return isinstance(value, kind)


def test_compare_of_two_editions_is_the_command_lines_json_and_a_dataframe(tmp_path):
    """The Law on the Government in two editions (tests/fixtures/versions): article 9 lost
    two subparagraphs, one changed and its notes changed."""
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests/fixtures/versions/codes_104316_government", corpus)
    folders = (corpus, tmp_path / "index")
    codes = zanlex.open(*folders)
    act = "constitutional-law-1995-12-18-2688"
    diff = codes.diff(act, "2022-11-05", "2023-04-19", eid="art_9")
    assert isinstance(diff, zanlex.ActDiff)
    assert (diff.from_, diff.to) == ("2022-11-05", "2023-04-19")
    assert diff.deleted == ["art_9__subpara_2", "art_9__subpara_7"]
    assert diff.changed == ["art_9__subpara_12"]
    assert diff.notes_changed == ["art_9"]
    page = cli_json(
        folders, "diff", f"{act}#art_9", "--from", "2022-11-05", "--to", "2023-04-19"
    )
    mine = diff.to_dict()
    assert page["units_total"] == len(mine["units"])
    assert mine == whole_page(page, "units_total")
    frame = diff.to_dataframe()
    assert frame.shape == (4, 12)
    assert list(zip(frame["eid"], frame["kind"])) == [
        ("art_9__subpara_2", "deleted"),
        ("art_9__subpara_7", "deleted"),
        ("art_9__subpara_12", "changed"),
        ("art_9", "notes_only"),
    ]
    assert set(frame["from"]) == {"2022-11-05"} and set(frame["to"]) == {"2023-04-19"}
    changed = frame[frame["kind"] == "changed"].iloc[0]
    assert "мәдениетті, білім беруді, денсаулық сақтауды, туризм мен спортты дамыту" in changed["text_from"]
    assert changed["status_from"] == changed["status_to"] == "live"


def test_when_a_wording_appeared_and_went_is_the_command_lines_json_and_a_dataframe(tmp_path):
    """The Law on the Government in two editions (tests/fixtures/versions): the words the law
    of 15.06.2017 gave article 12 paragraph 3 are in the earliest edition held (there at least
    since ~2017-06-15) and the law of 19.04.2023 took them out (~2023-04-29)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests/fixtures/versions/codes_104316_government", corpus)
    folders = (corpus, tmp_path / "index")
    codes = zanlex.open(*folders)
    act = "constitutional-law-1995-12-18-2688"
    phrase = "мемлекеттік бағдарламаларды"
    wording = codes.wording(act, phrase, eid="art_12__para_3")
    assert isinstance(wording, zanlex.WordingAnswer)
    assert (wording.units_total, wording.spans_total, wording.editions) == (1, 1, 2)
    page = cli_json(folders, "wording", act, phrase, "--unit", "art_12__para_3")
    assert wording.to_dict() == page
    frame = wording.to_dataframe()
    assert frame.shape == (1, 14)
    row = frame.iloc[0]
    assert (row["eid"], row["start"], row["end"]) == ("art_12__para_3", "since_at_least", "removed")
    assert str(row["from"].date()) == "2017-06-15" and bool(row["from_estimated"])
    assert str(row["absent_from"].date()) == "2023-04-29"
    assert (row["from_edition"], row["end_edition"]) == ("2022-11-05", "2023-04-19")
    assert row["brought_by"] == "ҚР 15.06.2017 № 75-VI Конституциялық Заңы"
    assert row["removed_by"] == "ҚР 19.04.2023 № 222-VII Конституциялық Заңы"
    nowhere = codes.wording(act, "ғарыштық кеме")
    assert (nowhere.units_total, len(nowhere.units)) == (0, 0)
    with pytest.raises(zanlex.NotFound) as raised:
        codes.wording("no-such-act", phrase)
    assert raised.value.code == "not_found"
    with pytest.raises(zanlex.ZanlexError) as raised:
        codes.wording(act, " — ")
    assert raised.value.code == "bad_request"


def test_what_an_amending_act_changed_is_the_command_lines_json_and_a_dataframe(index, folders):
    changed = index.amended_by(ORDER_730_KK)
    assert isinstance(changed, zanlex.AmendedBy)
    mine = changed.to_dict()
    assert mine == cli_json(folders, "amended-by", ORDER_730_KK)
    # Named in either language, the same act and the same answer.
    assert index.amended_by(ORDER_730_RU).to_dict() == mine
    assert (mine["total"], mine["acts_total"], mine["in_corpus"]) == (4, 1, False)
    frame = changed.to_dataframe()
    assert list(frame.columns) == [
        "act",
        "act_citation",
        "eid",
        "citation",
        "label",
        "action",
        "effective",
        "effective_estimated",
        "amending_act",
        "note",
    ]
    assert list(zip(frame["eid"], frame["action"])) == [
        ("att_1__para_3", "new_wording"),
        ("att_1__para_11", "new_wording"),
        ("att_1__annex_3", "renamed"),
        ("att_1__annex_3", "changed"),
    ]
    assert set(frame["act"]) == {MFA_ORDER}
    assert {str(d.date()) for d in frame["effective"]} == {"2025-12-15"}
    assert list(frame["effective_estimated"]) == [True] * 4
    assert frame["citation"][0] == (
        "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 3-тармақ"
    )
    # Requisites no note names: an empty answer saying so; an unknown id: NotFound.
    none = index.amended_by("ҚР Сыртқы істер министрінің 05.12.2025 № 11-1-4/731 бұйрығы")
    assert (none.total, none.provisions) == (0, [])
    with pytest.raises(zanlex.NotFound) as raised:
        index.amended_by("mfa-order-2025-12-05-11-1-4-730")
    assert raised.value.code == "not_found"
    with pytest.raises(zanlex.BadRequest) as raised:
        index.amended_by("приказ № 11-1-4/730")
    assert raised.value.code == "bad_request"


def test_grep_finds_the_units_citing_a_laws_article_as_the_command_line_does(index, folders):
    """A regular expression over the units' texts: «Заңның 21-бабы», «Заңы 14-1-бабы»."""
    pattern = r"Заң\w*\s+\d+(-\d+)?-ба[бп]"
    found = index.grep(pattern, limit=100)
    assert found.to_dict() == cli_json(folders, "grep", pattern, "--limit", "100")
    assert (found.total, found.matches_total, found.total_is_lower_bound) == (14, 18, False)
    faq = "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha"
    assert [f"{u.act_id}#{u.eid}" for u in found.units] == [
        f"{faq}#sec_1.2",
        f"{faq}#sec_2.1",
        f"{faq}#sec_2.3",
        f"{JOINT_ORDER}#para_1__mod_1",
        f"{JOINT_ORDER}#para_1__mod_2",
        f"{JOINT_ORDER}#para_1__mod_11",
        f"{JOINT_ORDER}#annex_3",
        f"{MFA_ORDER}#preamble",
        f"{MFA_ORDER}#att_1__para_3__subpara_4",
        f"{MFA_ORDER}#att_1__para_14",
        f"{MFA_ORDER}#att_1__para_16",
        f"{MFA_ORDER}#att_1__annex_3",
        "mvd-order-2012-06-14-352#preamble",
        "mvd-order-2012-06-14-352#att_1__para_5__subpara_1",
    ]
    first = found.units[0].matches
    assert [(m.start, m.end) for m in first] == [(2261, 2274), (2373, 2386), (2489, 2504)]
    # Counted to a bound: more than two.
    bounded = index.grep(pattern, total_bound=2, limit=2)
    assert (bounded.total, bounded.total_is_lower_bound) == (2, True)
    assert bounded.notes[0].startswith("more than 2 units match")

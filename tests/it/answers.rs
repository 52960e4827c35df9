//! The typed answers of the library (`zanlex::ZanIndex`'s answer methods) on the bundled
//! corpus: a search's hits carry their references in the library as in `--json`, a unit kind
//! has one spelling in every answer, and errors carry their code from the one table.

use std::path::PathBuf;
use std::sync::OnceLock;
use zanlex::{BuildOptions, ErrorCode, SearchRequest, Target, UnitKind, ZanIndex};

struct Fixture {
    _dir: tempfile::TempDir,
    index: ZanIndex,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let index = crate::common::build_clean(
            root.join("corpus"),
            dir.path().join("index"),
            &BuildOptions::default(),
        );
        Fixture { _dir: dir, index }
    })
}

const RULES: &str = "mfa-order-2018-01-04-11-1-4-1";

/// A search for the words of paragraph 11 of the Rules, kept to that act.
fn para_11(references: bool) -> zanlex::SearchResults {
    let req = SearchRequest::new("ресімделгені туралы хабарлама береді")
        .act(RULES)
        .limit(20)
        .references(references);
    fixture().index.search(&req).expect("search runs")
}

#[test]
fn a_library_hit_carries_the_references_its_unit_makes() {
    let res = para_11(true);
    let hit = res
        .hits
        .iter()
        .find(|h| h.unit.eid == "att_1__para_11")
        .expect("paragraph 11 is a hit");
    assert_eq!(hit.unit.kind, UnitKind::Paragraph);
    let texts: Vec<&str> = hit.references.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["осы Қағидалардың 10-тармағында"]);
    let target = hit.references[0].target.as_ref().expect("resolved");
    assert_eq!(
        (target.act.as_str(), target.eid.as_str()),
        (RULES, "att_1__para_10")
    );
    // The same references as the unit's own answer and its reference list give.
    let unit = fixture()
        .index
        .unit_answer(RULES, "att_1__para_11", None, None)
        .expect("unit");
    assert_eq!(unit.references, hit.references);
    let list = fixture()
        .index
        .refs(
            &"mfa-order-2018-01-04-11-1-4-1#att_1__para_11"
                .parse()
                .unwrap(),
            None,
            None,
        )
        .expect("refs");
    assert_eq!(list.references, hit.references);
    assert_eq!((list.total, list.resolved), (1, 1));
    // Turned off, none; resolved afterwards in a catalog the caller keeps, the same.
    let mut bare = para_11(false);
    assert!(bare.hits.iter().all(|h| h.references.is_empty()));
    let catalog = fixture().index.catalog().expect("catalog");
    bare.resolve_references_in(&catalog, None);
    assert_eq!(bare.hits, res.hits);
    // Read back from its JSON, a hit is the same but for its references, which are resolved
    // against a catalog and never read: with or without them in the JSON, none.
    let json = serde_json::to_value(hit).expect("hit JSON");
    assert!(!json["references"]
        .as_array()
        .expect("references")
        .is_empty());
    let mut read: zanlex::Hit = serde_json::from_value(json.clone()).expect("hit read back");
    assert!(read.references.is_empty());
    read.references = hit.references.clone();
    assert_eq!(&read, hit);
    let mut without = json;
    without
        .as_object_mut()
        .expect("object")
        .remove("references");
    let read: zanlex::Hit = serde_json::from_value(without).expect("hit without references");
    assert!(read.references.is_empty());
}

#[test]
fn a_unit_kind_is_spelled_one_way_in_every_answer() {
    let res = para_11(false);
    let hit = res
        .hits
        .iter()
        .find(|h| h.unit.eid == "att_1__para_11")
        .expect("paragraph 11 is a hit");
    let js = serde_json::to_value(hit).unwrap();
    assert_eq!(js["unit"]["kind"], "paragraph");
    let unit = fixture()
        .index
        .unit_answer(RULES, "att_1__para_11", None, None)
        .expect("unit");
    assert_eq!(
        serde_json::to_value(&unit).unwrap()["unit"]["kind"],
        "paragraph"
    );
    let outline = fixture()
        .index
        .act_outline(RULES, None, false)
        .expect("outline");
    let js = serde_json::to_value(&outline).unwrap();
    assert_eq!(js["units"][0]["kind"], "preamble");
    assert_eq!(
        kind_in(&js["units"], "att_1").as_deref(),
        Some("attachment")
    );
    assert_eq!(
        kind_in(&js["units"], "att_1__para_11").as_deref(),
        Some("paragraph")
    );
    let tree = fixture().index.unit_tree(RULES, None).expect("tree");
    assert!(tree.unit_counts.contains_key("paragraph"));
    assert!(!tree.unit_counts.contains_key("para"));
}

#[test]
fn errors_carry_their_code_from_the_one_table() {
    let e = fixture()
        .index
        .act_outline("no-such-act", None, false)
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    assert_eq!((e.code().http_status(), e.code().exit_code()), (404, 2));
    let e = fixture()
        .index
        .unit_answer(RULES, "att_1__para_999", None, None)
        .unwrap_err();
    assert_eq!(e.code().name(), "not_found");
    let e = fixture()
        .index
        .search(&SearchRequest::new("\"тұрақты"))
        .unwrap_err();
    assert_eq!(
        (e.code().name(), e.code().http_status()),
        ("bad_query", 400)
    );
    let e = zanlex::date_arg("as_of", "2020-13-01").unwrap_err();
    assert_eq!((e.code().name(), e.code().exit_code()), ("bad_request", 2));
    assert!(Target::parse("#att_1").is_err_and(|e| e.code() == ErrorCode::BadRequest));
    for code in ErrorCode::ALL {
        assert!(code.advice().ends_with('.'), "{code}");
    }
}

#[test]
fn the_history_and_the_parallel_view_are_answers_too() {
    let h = fixture()
        .index
        .act_history(RULES, None, None, false)
        .expect("history");
    assert_eq!(h.act.id, RULES);
    assert!(h.affected.is_none());
    let js = serde_json::to_value(&h).unwrap();
    assert!(js.get("affected").is_none());
    assert!(js["eid"].is_null());
    let both = fixture()
        .index
        .parallel_unit(RULES, "att_1__para_11", None)
        .expect("parallel");
    let kk = both[zanlex::Lang::Kk].as_ref().expect("kazakh text");
    assert_eq!(kk.lang, zanlex::Lang::Kk);
    let js = serde_json::to_value(&both).unwrap();
    assert!(js.as_object().unwrap().keys().eq(["kk", "ru"]));
}

/// The `kind` of unit `eid` in an outline's JSON tree.
fn kind_in(units: &serde_json::Value, eid: &str) -> Option<String> {
    units.as_array()?.iter().find_map(|u| {
        if u["eid"] == eid {
            u["kind"].as_str().map(str::to_string)
        } else {
            kind_in(&u["children"], eid)
        }
    })
}

#[test]
fn the_command_line_prints_the_same_answers_as_json() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let (code, out, err) = crate::common::zanlex_with(
        &tmp,
        &[
            "search",
            "ресімделгені туралы хабарлама береді",
            "--act",
            RULES,
            "--limit",
            "20",
            "--json",
            "--corpus",
            corpus,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let hit = doc["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .find(|h| h["unit"]["eid"] == "att_1__para_11")
        .expect("paragraph 11 is a hit");
    assert_eq!(hit["unit"]["kind"], "paragraph");
    assert_eq!(hit["references"][0]["target"]["eid"], "att_1__para_10");
    // The library's hit, serialized, is the command line's.
    let lib = para_11(true);
    let same = lib
        .hits
        .iter()
        .find(|h| h.unit.eid == "att_1__para_11")
        .expect("hit");
    let mut lib_hit = serde_json::to_value(same).unwrap();
    let mut cli_hit = hit.clone();
    // Scores may differ in their last bits between two processes' float sums; ranks don't.
    lib_hit["score"] = serde_json::Value::Null;
    cli_hit["score"] = serde_json::Value::Null;
    assert_eq!(cli_hit, lib_hit);
    // A bad date is bad usage: exit code 2, from the table.
    let (code, _, err) = crate::common::zanlex_with(
        &tmp,
        &["show", RULES, "--as-of", "2020-13-01", "--corpus", corpus],
    );
    assert_eq!(code, i32::from(ErrorCode::BadRequest.exit_code()), "{err}");
    assert!(err.contains("is not a date; write YYYY-MM-DD"), "{err}");
}

/// The corpus counts: one act per id whatever its languages, the acts' amendment events read
/// once, the ranked lists cut to the limit and their totals whole.
#[test]
fn corpus_stats_count_the_acts_and_their_amendments() {
    let index = &fixture().index;
    let all = index.corpus_stats(None, 3).expect("stats");
    assert_eq!(all.acts, index.act_ids().expect("ids").len());
    assert_eq!(all.acts, 5);
    let count = |m: &std::collections::BTreeMap<String, usize>| m.values().sum::<usize>();
    assert_eq!(count(&all.by_kind), all.acts);
    assert_eq!(count(&all.by_year), all.acts);
    assert_eq!(count(&all.by_status), all.acts);
    assert_eq!(all.by_kind.get("order"), Some(&2));
    // The events are the twelve of the MFA order's history and the repeal of the MVD order of
    // 2012 (on the whole act: no unit's), each act's history counted once.
    let events = |id: &str| {
        let history = index.act_history(id, None, None, false).expect("history");
        history.entries.len()
    };
    assert_eq!((events(RULES), events("mvd-order-2012-06-14-352")), (12, 1));
    assert_eq!(
        (all.events, all.amended_units, all.amending_acts),
        (13, 9, 5)
    );
    assert_eq!(all.most_amended_units.len(), 3);
    assert_eq!(
        (
            all.most_amended_units[0].eid.as_str(),
            all.most_amended_units[0].events
        ),
        ("att_1__annex_3", 4)
    );
    let since = chrono::NaiveDate::from_ymd_opt(2026, 1, 1);
    let late = index.corpus_stats(since, 10).expect("stats");
    assert_eq!(late.since, since);
    assert_eq!(
        (late.events, late.amended_units, late.amending_acts),
        (1, 1, 1)
    );
    assert_eq!(
        late.top_amending_acts[0].amending_act,
        "ҚР Сыртқы істер министрінің м.а. 30.09.2025 № 11-1-4/577 бұйрығы"
    );
    assert_eq!(late.top_amending_acts[0].act_ids, [RULES]);
}

//! Legal numbers as lawyers type them (issue 39): an act's number or registration number finds
//! the act, first its first unit; an amending act's number finds the units it amended, also
//! when the amending act is not in the index; `№`, case and Cyrillic look-alikes do not matter.
//! And `status:in_force` keeps the acts of the official database that are in force.

use crate::{ActKind, BuildOptions, Hit, SearchRequest, Status, StatusKind, ZanIndex};
use std::path::PathBuf;
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An index of `corpus` (relative to the crate) built once per name.
fn index(corpus: &'static str) -> &'static ZanIndex {
    type Built = (tempfile::TempDir, ZanIndex);
    static BUILT: [OnceLock<Built>; 5] = [const { OnceLock::new() }; 5];
    let at = [SEED, MIRROR, CODES, APPLY, ORDER]
        .iter()
        .position(|c| *c == corpus)
        .expect("a known corpus");
    let cell = &BUILT[at];
    &cell
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let (index, report) = ZanIndex::open_or_build(
                root().join(corpus),
                dir.path().join("index"),
                &BuildOptions::default(),
            )
            .expect("index builds");
            assert!(report.failures.is_empty(), "{report:?}");
            (dir, index)
        })
        .1
}

const SEED: &str = "corpus";
const MIRROR: &str = "tests/fixtures/mirror";
const CODES: &str = "tests/fixtures/versions/codes_104316_government";
/// An amending order (`№ 11-1-4/150`) and the order it amends (`№ 11-1-4/99`).
const APPLY: &str = "tests/fixtures/amend/apply";
/// Editions of an order with no metadata.
const ORDER: &str = "tests/fixtures/versions/ministerial_135478";

const JOINT_ORDER: &str = "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611";
const RULES_ORDER: &str = "mfa-order-2018-01-04-11-1-4-1";
const LAW: &str = "constitutional-law-1995-12-18-2688";
const REGISTRY_ORDER: &str = "president-office-order-2019-10-07-19-42-3-3-17";

fn search(corpus: &'static str, q: &str, limit: usize) -> Vec<Hit> {
    index(corpus)
        .search(&SearchRequest::new(q).limit(limit))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .hits
}

fn keys(hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| format!("{}#{} [{}]", h.act.id, h.unit.eid, h.lang))
        .collect()
}

/// Whether `h` was amended by an act numbered `number`, however the note spells it.
fn amended_by(h: &Hit, number: &str) -> bool {
    let key = crate::index::numbers::key;
    h.amendments
        .iter()
        .any(|a| a.by.number.as_deref().and_then(key) == key(number))
}

/// A number that identifies an act puts the act's first unit on top, in each language.
fn first_units_on_top(corpus: &'static str, q: &str, act: &str, first: &str, langs: usize) {
    let hits = search(corpus, q, 10);
    assert!(hits.len() > langs, "{q}: {:#?}", keys(&hits));
    for h in &hits[..langs] {
        assert_eq!(
            (h.act.id.as_str(), h.unit.eid.as_str()),
            (act, first),
            "{q}: {:#?}",
            keys(&hits)
        );
    }
    // The rest of the act follows.
    assert_eq!(hits[langs].act.id, act, "{q}: {:#?}", keys(&hits));
}

#[test]
fn a_law_number_finds_the_law_however_it_is_typed() {
    for q in ["2688", "№ 2688", "№2688"] {
        first_units_on_top(MIRROR, q, LAW, "preamble", 2);
    }
    // A law read without metadata: its number comes from its requisite.
    first_units_on_top(CODES, "№ 2688", LAW, "preamble", 1);
}

#[test]
fn a_registration_number_finds_its_act() {
    for q in ["21165", "№ 21165"] {
        first_units_on_top(SEED, q, JOINT_ORDER, "preamble", 1);
    }
    first_units_on_top(MIRROR, "19491", REGISTRY_ORDER, "preamble", 2);
}

#[test]
fn each_number_of_a_joint_order_finds_it() {
    for q in ["11-1-4/245", "611"] {
        first_units_on_top(SEED, q, JOINT_ORDER, "preamble", 1);
    }
}

#[test]
fn an_amending_order_in_the_index_comes_before_the_units_it_amended() {
    let amending = "mfa-order-2020-04-02-11-1-4-150";
    first_units_on_top(APPLY, "11-1-4/150", amending, "preamble", 1);
    let hits = search(APPLY, "11-1-4/150", 50);
    let first_amended = hits
        .iter()
        .position(|h| h.act.id != amending)
        .unwrap_or_else(|| panic!("{:#?}", keys(&hits)));
    assert!(first_amended > 2, "{:#?}", keys(&hits));
    assert!(
        hits[first_amended..]
            .iter()
            .all(|h| h.act.id == "mfa-order-2019-03-01-11-1-4-99" && amended_by(h, "11-1-4/150")),
        "{:#?}",
        keys(&hits)
    );
}

#[test]
fn an_amending_order_not_in_the_index_finds_the_units_it_amended() {
    for q in ["11-1-4/730", "№ 11-1-4/730", "№11-1-4/730"] {
        let hits = search(SEED, q, 10);
        assert!(hits.len() >= 2, "{q}: {:#?}", keys(&hits));
        assert!(
            hits.iter()
                .all(|h| h.act.id == RULES_ORDER && amended_by(h, "11-1-4/730")),
            "{q}: {:#?}",
            keys(&hits)
        );
        assert!(
            hits.iter().any(|h| h.unit.eid == "att_1__para_3"),
            "{q}: {:#?}",
            keys(&hits)
        );
    }
    // With other words: the amended units that have them.
    let hits = search(SEED, "11-1-4/730 қосымша", 10);
    assert!(!hits.is_empty());
    assert!(
        hits.iter().all(|h| amended_by(h, "11-1-4/730")),
        "{:#?}",
        keys(&hits)
    );
}

#[test]
fn an_amending_law_number_finds_its_amendments_in_any_case_and_letters() {
    // `156-VІІ` with Kazakh `І`, as the Russian notes of the law print it.
    for q in ["156-VII", "156-vii", "№ 156-VII", "156-VІІ"] {
        let hits = search(MIRROR, q, 10);
        assert_eq!(hits.len(), 10, "{q}");
        assert!(
            hits.iter()
                .all(|h| h.act.id == LAW && amended_by(h, "156-VII")),
            "{q}: {:#?}",
            keys(&hits)
        );
        assert!(
            hits.iter().any(|h| h.unit.eid == "art_10__para_1"),
            "{q}: {:#?}",
            keys(&hits)
        );
    }
    let hits = search(MIRROR, "75-VI", 3);
    assert!(
        hits.iter().all(|h| amended_by(h, "75-VI")),
        "{:#?}",
        keys(&hits)
    );
}

#[test]
fn a_number_with_other_words_ranks_the_acts_best_match_for_them() {
    let hits = search(MIRROR, "2688 Үкімет", 10);
    assert_eq!(hits.len(), 10);
    assert!(hits.iter().all(|h| h.act.id == LAW), "{:#?}", keys(&hits));
    // Ranked by the word, not by the number: the preamble is not put first.
    assert_ne!(hits[0].unit.eid, "preamble", "{:#?}", keys(&hits));
    // Another act's number with words only that act has: nothing of the law.
    let hits = search(SEED, "16354 тұрақты", 10);
    assert!(!hits.is_empty());
    assert!(
        hits.iter().all(|h| h.act.id == RULES_ORDER),
        "{:#?}",
        keys(&hits)
    );
}

#[test]
fn numbers_that_are_words_still_search_the_text() {
    let hits = search(SEED, "14-1", 5);
    assert!(
        hits.iter().any(|h| h.unit.eid == "att_1__para_14-1"),
        "{:#?}",
        keys(&hits)
    );
    let hits = search(SEED, "3-қосымша", 5);
    assert!(
        hits.iter().any(|h| h.unit.eid.ends_with("annex_3")),
        "{:#?}",
        keys(&hits)
    );
    // A number no act has finds nothing rather than failing.
    assert!(search(SEED, "№ 82-VIII", 5).is_empty());
}

#[test]
fn status_in_force_keeps_the_laws() {
    for corpus in [MIRROR, CODES] {
        for request in [
            SearchRequest::new("Үкімет status:in_force"),
            SearchRequest::new("Үкімет").status(StatusKind::InForce),
        ] {
            let hits = index(corpus).search(&request).expect("search").hits;
            assert!(
                hits.iter().any(|h| h.act.id == LAW),
                "{corpus}: {:#?}",
                keys(&hits)
            );
            assert!(hits.iter().all(|h| h.act.status == "in_force"));
        }
    }
    // Not only laws: an order of the database with no metadata.
    let hits = index(ORDER)
        .search(&SearchRequest::new("тізілім").status(StatusKind::InForce))
        .expect("search")
        .hits;
    assert!(!hits.is_empty());
    // The 2020 Almaty decision's requisite says it was repealed.
    let acts = index(MIRROR).acts().expect("acts");
    let almaty = acts
        .iter()
        .find(|a| a.id == "maslikhat-decision-2020-12-15-64-340")
        .expect("the 2020 Almaty decision");
    assert!(matches!(almaty.status, Status::Repealed { .. }));
    for a in &acts {
        assert_ne!(a.status, Status::Unknown, "{}", a.id);
    }
}

/// An order from the database with no metadata is in force: its paragraph that repeals other
/// orders (`… күші жойылды деп танылсын`) is no repeal mark. A mark at its head repeals it.
#[test]
fn an_edition_without_a_repeal_mark_is_in_force() {
    let file = root().join("tests/fixtures/versions/ministerial_135478/kaz@146f9b3d_latest.md");
    let act = crate::ingest::ingest_file(&file, &root()).expect("ingest");
    assert_eq!(act.kind, ActKind::Order);
    assert!(act.status == Status::InForce, "{:?}", act.status);

    let text = std::fs::read_to_string(&file).expect("read");
    assert!(text.contains("күші жойылды деп танылсын"));
    let title_end = text.find('\n').expect("a title line") + 1;
    let dir = tempfile::tempdir().expect("temp dir");
    for mark in [
        "> *Ескерту. Күші жойылды - ҚР Президенті Әкімшілігі Басшысының 01.02.2024 № 24-1 бұйрығымен.*",
        "*Утратил силу приказом Руководителя Администрации Президента РК от 01.02.2024 № 24-1.*",
    ] {
        let repealed = format!("{}\n{mark}\n{}", &text[..title_end], &text[title_end..]);
        let copy = dir.path().join("kaz_2024-02-01.md");
        std::fs::write(&copy, repealed).expect("write");
        let act = crate::ingest::ingest_file(&copy, dir.path()).expect("ingest");
        match act.status {
            Status::Repealed { by, on, .. } => {
                assert!(by.is_some_and(|b| b.contains("№ 24-1")), "{mark}");
                assert_eq!(on, chrono::NaiveDate::from_ymd_opt(2024, 2, 1), "{mark}");
            }
            other => panic!("{mark}: {other:?}"),
        }
    }
}

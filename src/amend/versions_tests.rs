//! Versions, applying amending acts, effective dates with a sidecar, history and diff
//! (issue 5, items 4-8).

use crate::amend::diff::{diff_versions, word_diff, UnitChangeKind};
use crate::amend::history::history;
use crate::amend::{act_effective, unit_versions};
use crate::ingest::ingest_corpus;
use crate::{Act, AmendAction, EffectiveRule, UnitStatus};
use chrono::NaiveDate;
use std::path::Path;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// An act's editions: (id, from, to).
fn timeline(a: &Act) -> Vec<(&str, Option<NaiveDate>, Option<NaiveDate>)> {
    a.versions
        .iter()
        .map(|v| (v.id.as_str(), v.from, v.to))
        .collect()
}

fn only_act(dir: &str, id: &str) -> Act {
    let report = ingest_corpus(Path::new(dir));
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    report
        .acts
        .into_iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no act {id}"))
}

const GOV_DIR: &str = "tests/fixtures/versions/codes_104316_government";
const GOV: &str = "constitutional-law-1995-12-18-2688";

#[test]
fn government_law_editions_are_one_act_with_a_timeline() {
    let report = ingest_corpus(Path::new(GOV_DIR));
    assert_eq!(report.acts.len(), 1, "two editions, one act");
    let a = &report.acts[0];
    assert_eq!(a.id, GOV);
    let v = timeline(a);
    assert_eq!(
        v,
        vec![
            ("2022-11-05", Some(d(2022, 11, 5)), Some(d(2023, 4, 19))),
            ("2023-04-19", Some(d(2023, 4, 19)), None),
        ]
    );
    // The current units are the newest edition's.
    assert_eq!(
        a.unit("art_9__subpara_2").unwrap().status,
        UnitStatus::Deleted
    );
}

#[test]
fn government_law_diff_2022_to_2023() {
    let a = only_act(GOV_DIR, GOV);
    let diff = diff_versions(&a, "2022-11-05", "2023-04-19", None).unwrap();
    assert!(
        diff.deleted.contains(&"art_9__subpara_2".to_string()),
        "{:?}",
        diff.deleted
    );
    assert!(
        diff.deleted.contains(&"art_9__subpara_7".to_string()),
        "{:?}",
        diff.deleted
    );
    for eid in [
        "art_9__subpara_12",
        "art_10__para_1",
        "art_10__para_2",
        "art_10__para_5-1",
    ] {
        assert!(
            diff.changed.contains(&eid.to_string()),
            "{eid} not in {:?}",
            diff.changed
        );
    }
    let unit = |eid: &str| diff.units.iter().find(|c| c.eid == eid).unwrap();
    // 12) reworded: the words on culture, education, health, tourism and sport are gone.
    let c12 = unit("art_9__subpara_12");
    let deleted: String = c12
        .words
        .iter()
        .filter(|w| w.tag == "delete")
        .map(|w| w.text.as_str())
        .collect();
    assert_eq!(
        deleted,
        ", мәдениетті, білім беруді, денсаулық сақтауды, туризм мен спортты дамыту"
    );
    assert!(c12.words.iter().all(|w| w.tag != "insert"));
    // Paragraphs 1 and 2 of article 10 gained the second part their 2022 `Ескертпе` announced,
    // and the announcement is gone from the notes.
    for (eid, added) in [
        ("art_10__para_1", "Халықтың өмірі мен денсаулығына"),
        (
            "art_10__para_2",
            "Үкіметтің заң күші бар уақытша қаулылары Үкімет мүшелері жалпы санының үштен екісінің",
        ),
    ] {
        let c = unit(eid);
        let inserted: String = c
            .words
            .iter()
            .filter(|w| w.tag == "insert")
            .map(|w| w.text.as_str())
            .collect();
        assert!(
            inserted.trim_start().starts_with(added),
            "{eid}: {inserted:?}"
        );
        assert!(c.words.iter().all(|w| w.tag != "delete"), "{eid}");
        assert!(c.notes_changed);
        assert!(
            c.notes_from.iter().any(|n| n.starts_with("Ескертпе.")),
            "{:?}",
            c.notes_from
        );
        assert!(c.notes_to.is_empty());
    }
    // 5-1 went from placeholder to text.
    let c51 = unit("art_10__para_5-1");
    assert_eq!((c51.status_from, c51.status_to), ("pending", "live"));
    assert!(c51
        .text_to
        .as_deref()
        .unwrap()
        .contains("Үкіметтің заң күші бар уақытша қаулылары"));
    // Many units changed only in their notes (reworded citations): reported apart.
    let notes_only: Vec<_> = diff
        .units
        .iter()
        .filter(|c| c.kind == UnitChangeKind::NotesOnly)
        .map(|c| c.eid.as_str())
        .collect();
    for eid in ["preamble", "art_1", "art_2", "art_9", "art_10", "art_22"] {
        assert!(notes_only.contains(&eid), "{eid} not in {notes_only:?}");
    }
    assert!(notes_only.len() >= 20, "{notes_only:?}");
    assert!(!diff.changed.iter().any(|e| e == "art_1" || e == "art_9"));
    // Deleted, inserted and changed come before note-only changes.
    let first_notes = diff
        .units
        .iter()
        .position(|c| c.kind == UnitChangeKind::NotesOnly)
        .unwrap();
    assert!(diff.units[first_notes..]
        .iter()
        .all(|c| c.kind == UnitChangeKind::NotesOnly));
    // Dates select the wording in force; the answer names the dates asked and the edition
    // behind each side; one unit can be diffed alone.
    let by_date = diff_versions(&a, "2023-01-01", "2024-01-01", Some("art_9")).unwrap();
    assert_eq!(
        (by_date.from.as_str(), by_date.to.as_str()),
        ("2023-01-01", "2024-01-01")
    );
    assert_eq!(by_date.from_side.date, Some(d(2023, 1, 1)));
    assert_eq!(by_date.from_side.editions, ["2022-11-05"]);
    assert_eq!(by_date.to_side.editions, ["2023-04-19"]);
    assert_eq!(by_date.from_side.state, None);
    assert!(by_date.units.iter().all(|c| c.eid.starts_with("art_9")));
}

#[test]
fn government_law_prospective_events() {
    let a = only_act(GOV_DIR, GOV);
    let jan23 = EffectiveRule::OnDate {
        date: d(2023, 1, 1),
    };
    for eid in [
        "art_10__para_1",
        "art_10__para_2",
        "art_10__para_4",
        "art_10__para_5-1",
    ] {
        let e = a
            .amendments
            .iter()
            .find(|e| e.target_eid == eid && e.action == AmendAction::Prospective)
            .unwrap_or_else(|| panic!("no prospective event on {eid}"));
        assert_eq!(e.by.date, Some(d(2022, 11, 5)));
        assert_eq!(e.by.number.as_deref(), Some("156-VII"));
        assert_eq!(e.rule, jan23);
        let eff = e.effective.as_ref().unwrap();
        assert_eq!((eff.date, eff.estimated), (d(2023, 1, 1), false));
    }
    // The 2023 edition prints 9 2) and 7) as deleted by 19.04.2023 № 222-VII.
    for eid in ["art_9__subpara_2", "art_9__subpara_7"] {
        let e = a.amendments.iter().find(|e| e.target_eid == eid).unwrap();
        assert_eq!(e.action, AmendAction::Deleted);
        assert_eq!(e.by.number.as_deref(), Some("222-VII"));
    }
    // In the 2022 edition 5-1 is a placeholder, not live text.
    let old = &a.versions[0];
    let p51 = old
        .units
        .iter()
        .flat_map(|u| u.walk())
        .find(|u| u.eid == "art_10__para_5-1")
        .unwrap();
    assert_eq!(
        p51.status,
        UnitStatus::Pending {
            from: Some(d(2023, 1, 1))
        }
    );
}

#[test]
fn unit_versions_are_half_open_intervals() {
    let a = only_act(GOV_DIR, GOV);
    let uv = unit_versions(&a);
    let of = |eid: &str| uv.iter().filter(|v| v.eid == eid).collect::<Vec<_>>();
    let v12 = of("art_9__subpara_12");
    assert_eq!(v12.len(), 2);
    assert_eq!(
        (v12[0].from, v12[0].to),
        (Some(d(2022, 11, 5)), Some(d(2023, 4, 19)))
    );
    assert_eq!((v12[1].from, v12[1].to), (Some(d(2023, 4, 19)), None));
    assert!(v12[0].text.contains("туризм мен спортты"));
    assert!(!v12[1].text.contains("туризм мен спортты"));
    // Unchanged text is one version over both editions.
    let v3 = of("art_9__subpara_3");
    assert_eq!(v3.len(), 1);
    assert_eq!((v3[0].from, v3[0].to), (Some(d(2022, 11, 5)), None));
}

const APPLY_DIR: &str = "tests/fixtures/amend/apply";
const TARGET: &str = "mfa-order-2019-03-01-11-1-4-99";

#[test]
fn amending_act_is_applied_to_its_target() {
    let a = only_act(APPLY_DIR, TARGET);
    let v = timeline(&a);
    // The amending order was published 2020-04-10 (sidecar) and takes effect ten days later.
    assert_eq!(
        v,
        vec![
            ("2019-03-01", Some(d(2019, 3, 1)), Some(d(2020, 4, 20))),
            (
                "applied:mfa-order-2020-04-02-11-1-4-150",
                Some(d(2020, 4, 20)),
                None
            ),
        ]
    );
    let new = &a.versions[1];
    let find = |eid: &str| {
        new.units
            .iter()
            .flat_map(|u| u.walk())
            .find(|u| u.eid == eid)
            .cloned()
    };
    assert_eq!(
        find("att_1__para_1").unwrap().text,
        "1. Осы қағидалар сынақ өткізу тәртібі мен мерзімін айқындайды."
    );
    assert_eq!(
        find("att_1__para_2__subpara_2").unwrap().status,
        UnitStatus::Deleted
    );
    assert_eq!(find("att_1__para_4").unwrap().status, UnitStatus::Deleted);
    assert!(find("att_1__para_3")
        .unwrap()
        .text
        .ends_with("Хаттамаға комиссия төрағасы қол қояды."));
    // 2-1 is inserted in its numeric place, right after 2, inside the chapter.
    let chapter = find("att_1__chp_1").unwrap();
    let order: Vec<_> = chapter.children.iter().map(|u| u.eid.as_str()).collect();
    assert_eq!(
        order,
        vec![
            "att_1__para_1",
            "att_1__para_2",
            "att_1__para_2-1",
            "att_1__para_3",
            "att_1__para_4"
        ]
    );
    // The old version still has the old text.
    let old = a.versions[0]
        .units
        .iter()
        .flat_map(|u| u.walk())
        .find(|u| u.eid == "att_1__para_1")
        .unwrap();
    assert_eq!(old.text, "1. Осы қағидалар сынақ тәртібін айқындайды.");
    // History: the five instructions, exact effective date from the sidecar.
    let h = history(&a, None);
    assert_eq!(h.len(), 5);
    for e in &h {
        let eff = e.effective.as_ref().unwrap();
        assert_eq!((eff.date, eff.estimated), (d(2020, 4, 20), false));
        assert_eq!(e.signed, Some(d(2020, 4, 2)));
    }
    let h21 = history(&a, Some("att_1__para_2-1"));
    assert_eq!(h21.len(), 1);
    assert_eq!(h21[0].action, AmendAction::Inserted);
    // The diff between the two versions sees the same changes.
    let diff = diff_versions(&a, "2019-03-01", "2020-04-20", None).unwrap();
    assert_eq!(
        diff.deleted,
        vec!["att_1__para_2__subpara_2", "att_1__para_4"]
    );
    assert_eq!(diff.inserted, vec!["att_1__para_2-1"]);
    assert_eq!(diff.changed, vec!["att_1__para_1", "att_1__para_3"]);
}

#[test]
fn effective_dates_with_and_without_sidecar() {
    let report = ingest_corpus(Path::new(APPLY_DIR));
    let amending = report
        .acts
        .iter()
        .find(|a| a.id == "mfa-order-2020-04-02-11-1-4-150")
        .unwrap();
    assert_eq!(amending.publication_date, Some(d(2020, 4, 10)));
    let eff = act_effective(amending).unwrap();
    assert_eq!((eff.date, eff.estimated), (d(2020, 4, 20), false));
    assert_eq!(
        eff.basis,
        "first official publication 2020-04-10 + 10 calendar days"
    );
    // The target has no sidecar: its own date is an estimate, and says so. It is published
    // after its registration (`Әділет министрлігінде 2019 жылғы 5 наурызда № 18000 болып
    // тіркелді`), so its ten days run from that day at the earliest.
    let target = report.acts.iter().find(|a| a.id == TARGET).unwrap();
    assert_eq!(target.publication_date, None);
    let eff = act_effective(target).unwrap();
    assert_eq!((eff.date, eff.estimated), (d(2019, 3, 15), true));
    assert!(
        eff.basis.contains(
            "publication date unknown, assumed on the state registration date 2019-03-05"
        ),
        "{}",
        eff.basis
    );
}

#[test]
fn history_of_003_newest_first() {
    let a = only_act("corpus", "mfa-order-2018-01-04-11-1-4-1");
    let h = history(&a, None);
    assert_eq!(h.len(), 12);
    let dates: Vec<_> = h
        .iter()
        .map(|e| e.effective.as_ref().unwrap().date)
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|x, y| y.cmp(x));
    assert_eq!(dates, sorted);
    assert_eq!(h[0].by.number.as_deref(), Some("11-1-4/577"));
    assert_eq!(h[0].effective.as_ref().unwrap().date, d(2026, 1, 1));
    // One unit: its own events and those on what contains it (the Rules, the whole act).
    let h3 = history(&a, Some("att_1__para_3"));
    let eids: Vec<_> = h3.iter().map(|e| e.eid.as_str()).collect();
    assert_eq!(eids, vec!["att_1__para_3", "att_1"]);
}

#[test]
fn word_diff_uses_unicode_words() {
    let w = word_diff(
        "Конституциялық Кеңеспен, Жоғарғы",
        "Конституциялық Сотпен, Жоғарғы",
    );
    let tags: Vec<_> = w.iter().map(|c| (c.tag, c.text.as_str())).collect();
    assert_eq!(
        tags,
        vec![
            ("equal", "Конституциялық "),
            ("delete", "Кеңеспен"),
            ("insert", "Сотпен"),
            ("equal", ", Жоғарғы")
        ]
    );
}

#[test]
fn units_as_of_flags_wording_missing_from_the_corpus() {
    use crate::amend::{amendments_for, units_as_of};
    // 003 is one consolidated text: paragraph 3 got new wording effective ~2025-12-15.
    let a = only_act("corpus", "mfa-order-2018-01-04-11-1-4-1");
    let at = |date: NaiveDate, eid: &str| {
        units_as_of(&a, date)
            .into_iter()
            .find(|u| u.version.eid == eid)
            .unwrap()
    };
    assert!(!at(d(2024, 1, 1), "att_1__para_3").wording_known);
    assert!(at(d(2026, 2, 1), "att_1__para_3").wording_known);
    // The Rules were reworded in 2022, so in 2020 no paragraph of them is known as worded then.
    assert!(!at(d(2020, 1, 1), "att_1__para_1").wording_known);
    assert!(at(d(2024, 1, 1), "att_1__para_1").wording_known);
    // Before the act's date nothing is in force.
    assert!(units_as_of(&a, d(2017, 1, 1)).is_empty());
    let touched: Vec<_> = amendments_for(&a, "att_1__para_3")
        .iter()
        .map(|e| e.target_eid.as_str())
        .collect();
    assert_eq!(touched, vec!["att_1", "att_1__para_3"]);
    // Editions: on 2022-12-01 article 9's 12) still has its 2022 wording, and it is known.
    let g = only_act(GOV_DIR, GOV);
    let u = units_as_of(&g, d(2022, 12, 1))
        .into_iter()
        .find(|u| u.version.eid == "art_9__subpara_12")
        .unwrap();
    assert!(u.wording_known);
    assert!(u.version.text.contains("туризм мен спортты"));
    assert_eq!(u.version.origin, "2022-11-05");
}

#[test]
fn editions_named_by_date_and_an_undated_latest() {
    // Two layouts of the 2020-11-12 edition are one version; the undated `latest` file starts
    // at the newest amendment its notes cite: the order of 25.12.2024, in force the day after
    // its first official publication (`алғашқы ресми жарияланған күнінен кейін`), published
    // on the signing day at the earliest: ~26.12.2024.
    let a = only_act(
        "tests/fixtures/versions/ministerial_135478",
        "president-office-order-2019-10-07-19-42-3-3-17",
    );
    let v = timeline(&a);
    assert_eq!(
        v,
        vec![
            ("2020-11-12", Some(d(2020, 11, 12)), Some(d(2024, 12, 26))),
            ("latest", Some(d(2024, 12, 26)), None),
        ]
    );
    let diff = diff_versions(&a, "2020-11-12", "latest", None).unwrap();
    assert_eq!(diff.changed, vec!["annex_1", "annex_2", "annex_4"]);
    // The Astana decision: 1 3) reworded by the 30.09.2020 decision, whose note is new.
    let mut report = ingest_corpus(Path::new("tests/fixtures/versions/local-astana_134470"));
    assert_eq!(report.acts.len(), 1, "two editions, one act");
    let s = report.acts.remove(0);
    let diff = diff_versions(&s, "2019-08-23", "2020-09-30", None).unwrap();
    assert_eq!(diff.changed, vec!["para_1__subpara_3"]);
    let c = &diff.units[0];
    assert!(c
        .words
        .iter()
        .any(|w| w.tag == "insert" && w.text.contains("Ұлы Отан соғысының ардагерлері")));
    assert!(c
        .words
        .iter()
        .any(|w| w.tag == "equal" && w.text.contains("толық емес отбасылар арасында")));
    let notes_only: Vec<_> = diff
        .units
        .iter()
        .filter(|c| c.kind == UnitChangeKind::NotesOnly)
        .map(|c| c.eid.as_str())
        .collect();
    assert_eq!(notes_only, vec!["para_1"]);
}

#[test]
fn consolidated_target_is_not_amended_twice_and_takes_publication_dates() {
    // The target already prints the 1-тармақ change with a note citing the amending act, which
    // is in the corpus with a sidecar: no second application, and the note's effective date
    // is exact (published 2020-04-10, ten days).
    let a = only_act("tests/fixtures/amend/consolidated", TARGET);
    // One edition, nothing applied: no stored versions besides the act's own units.
    assert!(
        a.versions.is_empty(),
        "{:?}",
        a.versions.iter().map(|v| &v.id).collect::<Vec<_>>()
    );
    assert_eq!(a.amendments.len(), 1);
    let e = &a.amendments[0];
    assert_eq!(
        (e.target_eid.as_str(), e.action),
        ("att_1__para_1", AmendAction::NewWording)
    );
    let eff = e.effective.as_ref().unwrap();
    assert_eq!((eff.date, eff.estimated), (d(2020, 4, 20), false));
    assert_eq!(
        eff.basis,
        "first official publication 2020-04-10 + 10 calendar days"
    );
}

/// A history event names its amending act in official form and links it by id when the
/// corpus holds it (`amending_act_id`); an amending act the corpus lacks has no link.
#[test]
fn history_links_the_amending_act_the_corpus_holds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    crate::test_support::copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/amend/consolidated"),
        &corpus,
    );
    crate::test_support::copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &corpus.join("bundled"),
    );
    let (index, _) = crate::ZanIndex::open_or_build(
        &corpus,
        dir.path().join("index"),
        &crate::BuildOptions::default(),
    )
    .expect("index");
    let h = index
        .act_history(TARGET, None, None, false)
        .expect("history");
    let linked: Vec<(&str, Option<&str>)> = h
        .entries
        .iter()
        .map(|e| (e.amending_act.as_str(), e.amending_act_id.as_deref()))
        .collect();
    assert_eq!(
        linked,
        [(
            "ҚР Сыртқы істер министрінің 02.04.2020 № 11-1-4/150 бұйрығы",
            Some("mfa-order-2020-04-02-11-1-4-150")
        )]
    );
    // The 2018 order's amending orders of 2025 are not in the corpus: no link.
    let h = index
        .act_history("mfa-order-2018-01-04-11-1-4-1", None, None, false)
        .expect("history");
    assert!(!h.entries.is_empty());
    assert!(h.entries.iter().all(|e| e.amending_act_id.is_none()));
}

/// A note that gives its day as a provision of the amending act (`қолданысқа енгізілу тәртібін
/// 2-тармақтан қараңыз`, as the Astana maslikhat's notes print it) takes that provision's day
/// when the amending act is in the corpus (the consolidated fixture, its note's bracket so
/// worded: paragraph 2 of the amending order, ten days after its publication on 2020-04-10),
/// and none when it is not: the rule names the dependency, no day is guessed.
#[test]
fn a_note_day_set_by_the_amending_acts_own_paragraph() {
    let src = Path::new("tests/fixtures/amend/consolidated");
    let dir = tempfile::tempdir().expect("tempdir");
    for f in [
        "010_target.txt",
        "011_amending.meta.toml",
        "011_amending.txt",
    ] {
        let mut text = std::fs::read_to_string(src.join(f)).expect("fixture");
        if f == "010_target.txt" {
            let note = text.find("Ескерту. 1-тармақ").expect("the note");
            let open = note + text[note..].find('(').expect("its bracket");
            let close = open + text[open..].find(')').expect("closed");
            text.replace_range(
                open..=close,
                "(қолданысқа енгізілу тәртібін 2-тармақтан қараңыз)",
            );
        }
        std::fs::write(dir.path().join(f), text).expect("write");
    }
    let rule = EffectiveRule::InAmendingAct {
        number: "2".into(),
        paragraph: true,
        in_corpus: true,
    };
    let a = only_act(dir.path().to_str().expect("utf-8"), TARGET);
    let e = &a.amendments[0];
    assert_eq!((e.target_eid.as_str(), &e.rule), ("att_1__para_1", &rule));
    let eff = e.effective.as_ref().expect("read from the amending act");
    assert_eq!((eff.date, eff.estimated), (d(2020, 4, 20), false));
    assert_eq!(
        eff.basis,
        "paragraph 2 of the amending act: first official publication 2020-04-10 + 10 calendar days"
    );
    // Without the amending act: the dependency, no day.
    std::fs::remove_file(dir.path().join("011_amending.txt")).expect("remove");
    std::fs::remove_file(dir.path().join("011_amending.meta.toml")).expect("remove");
    let a = only_act(dir.path().to_str().expect("utf-8"), TARGET);
    let e = &a.amendments[0];
    let without = EffectiveRule::InAmendingAct {
        number: "2".into(),
        paragraph: true,
        in_corpus: false,
    };
    assert_eq!((&e.rule, &e.effective), (&without, &None));
}

/// A note the mirror breaks over two paragraphs (the Kazakh text of the Government law, its
/// edition of 2014-09-29, articles 4 and 22: `Ескерту. 4-бапқа өзгерту енгізілді - Қазақстан
/// Республикасының*` / `1999.05.06. N 379, 2007.06.19. N 267 Конституциялық Заңдарымен.`) is
/// read whole: every amending act it names, none taken for the article's text.
#[test]
fn a_note_broken_over_two_paragraphs_is_read_whole() {
    let path =
        Path::new("tests/fixtures/time/codes_104316_government_2014/kaz@22a5d1a3_v2014-09-29.md");
    let act = crate::ingest::ingest_file(path, Path::new("tests/fixtures/time")).expect("read");
    let by = |label: &str| -> Vec<String> {
        act.amendments
            .iter()
            .filter(|e| e.target_label == label)
            .map(|e| {
                format!(
                    "{} {} {}",
                    e.target_eid,
                    e.by.date.map_or("?".into(), |d| d.to_string()),
                    e.by.number.as_deref().unwrap_or("?")
                )
            })
            .collect()
    };
    assert_eq!(
        by("4-бапқа"),
        ["art_4 1999-05-06 379", "art_4 2007-06-19 267"]
    );
    assert_eq!(
        by("22-бапқа"),
        [
            "art_22 1999-05-06 379",
            "art_22 2007-06-19 267",
            "art_22 2014-09-29 238-V"
        ]
    );
    let art4 = act.unit("art_4").expect("article 4");
    assert!(
        !art4.full_text().contains("1999.05.06"),
        "{}",
        art4.full_text()
    );
}

/// The Tax Code (117004) and the law putting it into effect (117063), excerpted in
/// `tests/fixtures/clock/codes`: article 1 of the law excepts article 23 of the code, «которые
/// вводятся в действие с 1 января 2021 года» (Kazakh «2021 жылғы 1 қаңтардан бастап
/// қолданысқа енгізілетін … 23-бапты»); the code's article 23 takes that day, in both
/// languages, named as the law's; its preamble takes the whole code's day.
#[test]
fn a_unit_the_tying_law_excepts_takes_the_day_the_law_gives_it() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clock/codes");
    let tmp = tempfile::tempdir().unwrap();
    for dir in [
        "1225-o-nalogakh-i-drugikh-obiazatelnykh-platezhakh-v-biudzhet-nalogov-117004",
        "1225-o-vvedenii-v-deistvie-kodeksa-respubliki-kazakhstan-o-nalogakh-i-117063",
    ] {
        crate::test_support::copy_dir(&fixtures.join(dir), &tmp.path().join("codes").join(dir));
    }
    let report = ingest_corpus(tmp.path());
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    let cites = [
        (crate::Lang::Ru, "Закон РК от 25.12.2017 № 121-VI"),
        (crate::Lang::Kk, "ҚР 25.12.2017 № 121-VI Заңы"),
    ];
    for (lang, cite) in cites {
        let code = report
            .acts
            .iter()
            .find(|a| a.id == "code-2017-12-25-120-vi" && a.lang == lang)
            .expect("the code");
        let times: Vec<(String, Option<NaiveDate>, String)> = code
            .unit_times
            .iter()
            .filter_map(|t| match &t.limit {
                crate::model::TimeLimit::Commences {
                    rule: EffectiveRule::WithOtherAct { on, in_corpus, .. },
                } => {
                    assert!(in_corpus);
                    Some((
                        t.eid.clone(),
                        on.as_ref().map(|o| o.date),
                        on.as_ref().map(|o| o.basis.clone()).unwrap_or_default(),
                    ))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            times,
            [(
                "art_23".to_string(),
                Some(d(2021, 1, 1)),
                format!("article 1 of {cite}: fixed date in the text (2021-01-01)")
            )],
            "{lang:?}"
        );
        assert!(
            matches!(&code.commencement, Some(EffectiveRule::WithOtherAct { on: Some(o), .. }) if o.date == d(2018, 1, 1)),
            "{:?}",
            code.commencement
        );
    }
}

/// The law's article 1 (the real texts, `tests/fixtures/clock/codes`): the units of the code
/// each exception names with its day, the same in both languages; a passage or part of a unit
/// (`абзаца четвертого части первой подпункта 15) … статьи 24`), a chapter, and the headings of
/// the table of contents name none.
#[test]
fn the_tying_laws_exceptions_name_the_codes_units_with_their_days() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "tests/fixtures/clock/codes/1225-o-vvedenii-v-deistvie-kodeksa-respubliki-kazakhstan-o-nalogakh-i-117063",
    );
    let read = |file: &str| {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let start = text
            .find("**1-бап.")
            .or_else(|| text.find("Статья 1."))
            .unwrap();
        let end = text.find("> *").unwrap();
        crate::amend::versions::excepted_references(&text[start..end])
            .into_iter()
            .map(|(rule, eids)| match rule {
                EffectiveRule::OnDate { date } => (date, eids),
                r => panic!("{file}: {r:?}"),
            })
            .collect::<Vec<_>>()
    };
    let ru = read("rus.md");
    let kk = read("kaz.md");
    assert_eq!(ru, kk);
    assert_eq!(
        ru.iter().map(|(_, e)| e.len()).collect::<Vec<_>>(),
        [0, 14, 9, 45, 11]
    );
    let s = |v: &[&str]| v.iter().map(|e| e.to_string()).collect::<Vec<_>>();
    assert_eq!(
        ru.iter().map(|(d, _)| *d).collect::<Vec<_>>(),
        [
            d(2018, 7, 1),
            d(2019, 1, 1),
            d(2020, 1, 1),
            d(2021, 1, 1),
            d(2025, 1, 1)
        ]
    );
    // Item 1 names a passage of a subparagraph only.
    assert!(ru[0].1.is_empty(), "{:?}", ru[0].1);
    assert_eq!(
        ru[2].1,
        s(&[
            "art_1__para_1__subpara_63",
            "art_1__para_1__subpara_71",
            "art_69__para_3__subpara_7",
            "art_140__para_6",
            "art_142__para_1__subpara_15",
            "art_176",
            "art_215__para_6",
            "art_484__para_3__subpara_2",
            "art_678__para_2",
        ])
    );
    assert_eq!(ru[3].1.iter().filter(|e| *e == "art_23").count(), 1);
    assert_eq!(
        ru[4].1,
        s(&[
            "art_215__para_6-1",
            "art_633__para_4__subpara_5",
            "art_634__para_2__subpara_4",
            "art_636",
            "art_637",
            "art_638",
            "art_639",
            "art_640",
            "art_641",
            "art_642",
            "art_643",
        ])
    );
}

/// The Law on the Compensation Fund for Victims of 10.01.2018 № 131-VI (117701,
/// `evals/corpus`): its article 13 brings it into effect ten days after its publication, except
/// subparagraphs 1)–3) and 5) of paragraph 1 and paragraphs 2–4 of article 10 (from 01.07.2018)
/// and subparagraphs 1)–5) of article 4, 2) and 3) of article 5, articles 6–9, subparagraph
/// 4) of article 10's paragraph 1 and article 11 (from 01.07.2020). Each language's reader
/// reads the list only in part: the Russian (`… подпунктов 1), 2), 3) и 5) пункта 1, пунктов 2,
/// 3 и 4 статьи 10 …`) reads paragraphs 2–4 of article 10 and not the subparagraphs before
/// them, nor article 4's and 5's; the Kazakh (`10-баптың 1-тармағының 1), 2), 3) және 5)
/// тармақшаларын, 2, 3 және 4-тармақтарын …`) reads the subparagraphs and not the paragraphs.
/// The twins share what each read, named as read from the other: neither answers in force
/// on a day the other says the unit is not yet.
#[test]
fn twins_share_the_days_each_texts_final_article_gives_its_units() {
    use crate::model::{Lang, TimeLimit, TimeState};
    let folder = "0110-o-fonde-kompensatsii-poterpevshim-117701";
    let tmp = tempfile::tempdir().unwrap();
    crate::test_support::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("evals/corpus/codes/03-laws/2018")
            .join(folder),
        &tmp.path().join("codes").join(folder),
    );
    let report = ingest_corpus(tmp.path());
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    let text = |lang: Lang| {
        report
            .acts
            .iter()
            .find(|a| a.id == "law-2018-01-10-131-vi" && a.lang == lang)
            .expect("the law")
    };
    let shared = |lang: Lang| -> Vec<(String, NaiveDate, Option<Lang>)> {
        text(lang)
            .unit_times
            .iter()
            .filter(|t| t.read_from.is_some())
            .map(|t| match &t.limit {
                TimeLimit::Commences {
                    rule: EffectiveRule::OnDate { date },
                } => (t.eid.clone(), *date, t.read_from),
                other => panic!("{other:?}"),
            })
            .collect()
    };
    let from =
        |eids: &[&str], date: NaiveDate, lang: Lang| -> Vec<(String, NaiveDate, Option<Lang>)> {
            eids.iter()
                .map(|e| (e.to_string(), date, Some(lang)))
                .collect()
        };
    assert_eq!(
        shared(Lang::Kk),
        from(
            &["art_10__para_2", "art_10__para_3", "art_10__para_4"],
            d(2018, 7, 1),
            Lang::Ru
        )
    );
    let mut ru = from(
        &[
            "art_10__para_1__subpara_1",
            "art_10__para_1__subpara_2",
            "art_10__para_1__subpara_3",
        ],
        d(2018, 7, 1),
        Lang::Kk,
    );
    ru.extend(from(
        &[
            "art_4__subpara_1",
            "art_4__subpara_2",
            "art_4__subpara_3",
            "art_4__subpara_4",
            "art_4__subpara_5",
            "art_5__subpara_2",
            "art_5__subpara_3",
        ],
        d(2020, 7, 1),
        Lang::Kk,
    ));
    assert_eq!(shared(Lang::Ru), ru);
    // What each text's own words give stays its own, not doubled.
    let own = |lang: Lang, eid: &str| {
        text(lang)
            .unit_times
            .iter()
            .filter(|t| t.eid == eid)
            .map(|t| t.read_from)
            .collect::<Vec<_>>()
    };
    assert_eq!(own(Lang::Ru, "art_10__para_2"), [None]);
    assert_eq!(own(Lang::Kk, "art_4__subpara_1"), [None]);
    // On 01.01.2019 the Russian subparagraph 1) of article 4 is not yet in force, from
    // 01.07.2020, as the Kazakh is; the Kazakh paragraph 2 of article 10 on 01.06.2018 not yet,
    // from 01.07.2018, as the Russian.
    for (lang, eid, on, day) in [
        (Lang::Ru, "art_4__subpara_1", d(2019, 1, 1), d(2020, 7, 1)),
        (Lang::Kk, "art_4__subpara_1", d(2019, 1, 1), d(2020, 7, 1)),
        (Lang::Kk, "art_10__para_2", d(2018, 6, 1), d(2018, 7, 1)),
        (Lang::Ru, "art_10__para_2", d(2018, 6, 1), d(2018, 7, 1)),
    ] {
        let timeline = crate::amend::time::ActTimeline::new(text(lang));
        let state = timeline.unit(eid).at(Some(on)).state;
        assert!(
            matches!(&state, TimeState::NotYetInForce { from, .. } if *from == day),
            "{lang:?} {eid}: {state:?}"
        );
    }
}

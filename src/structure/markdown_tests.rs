//! Structure of the official Markdown editions in tests/fixtures/versions (copies of
//! ../shared/data/versions): the Constitutional Law on the Government, a ministerial order with
//! appendices, a maslikhat decision; and one act id for the editions of one act.

use crate::ingest::{ingest_corpus, ingest_file};
use crate::{Act, ActKind, UnitKind, UnitStatus};
use chrono::NaiveDate;
use std::path::Path;

const GOV: &str = "tests/fixtures/versions/codes_104316_government";
const MIN: &str = "tests/fixtures/versions/ministerial_135478";
const LOCAL: &str = "tests/fixtures/versions/local-astana_134470";

fn md(dir: &str, name: &str) -> Act {
    ingest_file(&Path::new(dir).join(name), Path::new(dir)).expect("fixture ingests")
}

fn gov_2023() -> Act {
    md(GOV, "kaz@0c5d4a0f_v2023-04-19.md")
}

fn gov_2022() -> Act {
    md(GOV, "kaz@2c716769_v2022-11-05.md")
}

fn count(a: &Act, kind: UnitKind) -> usize {
    a.all_units().iter().filter(|u| u.kind == kind).count()
}

#[test]
fn government_law_units() {
    let a = gov_2023();
    assert_eq!(a.title, "Қазақстан Республикасының Үкіметі туралы");
    assert_eq!(a.kind, ActKind::ConstitutionalLaw);
    assert_eq!(a.version_date, NaiveDate::from_ymd_opt(2023, 4, 19));
    assert_eq!(count(&a, UnitKind::Chapter), 4);
    assert_eq!(count(&a, UnitKind::Article), 29);
    assert_eq!(count(&a, UnitKind::Paragraph), 64);
    assert_eq!(count(&a, UnitKind::Subparagraph), 52);
    assert_eq!(count(&a, UnitKind::Preamble), 1);
    assert_eq!(a.all_units().len(), 150);
    let top: Vec<_> = a.units.iter().map(|u| u.eid.as_str()).collect();
    assert_eq!(top, vec!["preamble", "chp_1", "chp_2", "chp_3", "chp_4"]);
    let ch1: Vec<_> = a.units[1].children.iter().map(|u| u.eid.as_str()).collect();
    assert_eq!(
        ch1,
        vec!["art_1", "art_2", "art_3", "art_3-1", "art_4", "art_5", "art_6", "art_7", "art_8"]
    );
    assert_eq!(a.units[1].heading.as_deref(), Some("ЖАЛПЫ ЕРЕЖЕЛЕР"));
    let art31 = a.unit("art_3-1").expect("art_3-1");
    assert_eq!(art31.num.as_deref(), Some("3-1"));
    assert_eq!(
        art31.heading.as_deref(),
        Some("Қазақстан Республикасының Үкiметi мүшесiнiң ант беруi")
    );
    let parts: Vec<_> = art31.children.iter().map(|u| u.eid.as_str()).collect();
    assert_eq!(parts, vec!["art_3-1__para_1", "art_3-1__para_2"]);
    // The quoted oath stays inside part 1.
    assert!(art31.children[0]
        .text
        .contains("\"Қазақстан Республикасының халқы мен Президентi алдында"));
    assert!(a.unit("art_6__para_2-1").is_some());
    assert_eq!(
        a.unit("art_9__subpara_5-1").map(|u| u.span.line_start),
        Some(205)
    );
    assert!(a.unit("art_12__para_1__subpara_2").is_some());
    // Deleted articles and subparagraphs.
    let deleted: Vec<_> = a
        .all_units()
        .iter()
        .filter(|u| u.status == UnitStatus::Deleted)
        .map(|u| u.eid.clone())
        .collect();
    assert_eq!(
        deleted,
        vec![
            "art_7",
            "art_9__subpara_2",
            "art_9__subpara_7",
            "art_11__para_3",
            "art_12__para_3",
            "art_15",
            "art_21",
            "art_21-1",
            "art_23"
        ]
    );
    let art7 = a.unit("art_7").expect("art_7");
    assert_eq!(art7.span.line_start, 167);
    assert!(art7.notes[0]
        .text
        .starts_with("Ескерту. 7-бап алып тасталды"));
    // Notes are kept apart from the text, on the unit they name.
    let art3 = a.unit("art_3").expect("art_3");
    assert_eq!(art3.notes.len(), 1);
    assert!(art3.notes[0]
        .text
        .starts_with("Ескерту. 3-бап жаңа редакцияда"));
    assert!(a.all_units().iter().all(|u| !u.text.contains("Ескерту.")));
    // The signature is not part of the last article.
    assert_eq!(
        a.unit("art_27").map(|u| u.text.as_str()),
        Some("27-бап. Осы Конституциялық заңның күшiне енгiзiлу тәртiбi\nОсы Конституциялық заң жарияланған күнiнен бастап күшiне енедi.")
    );
}

#[test]
fn government_law_metadata_and_one_id_for_both_editions() {
    let old = gov_2022();
    assert_eq!(old.id, "constitutional-law-1995-12-18-2688");
    assert_eq!(old.kind, ActKind::ConstitutionalLaw);
    assert_eq!(old.issuances.len(), 1);
    // `approved_by: ['101000000000']`: the President issued it in 1995, not Parliament.
    assert_eq!(old.issuances[0].issuer_code, "president");
    assert_eq!(old.issuances[0].date, NaiveDate::from_ymd_opt(1995, 12, 18));
    assert_eq!(old.issuances[0].number.as_deref(), Some("2688"));
    assert_eq!(old.version_date, NaiveDate::from_ymd_opt(2022, 11, 5));
    assert_eq!(old.all_units().len(), 150);
    // The 2023 export has no requisites: alone it gets a title id, beside its sibling the act's.
    let new = gov_2023();
    assert_eq!(
        new.id,
        "constitutional-law-qazaqstan-respublikasynyn-ukimeti-turaly"
    );
    // Read as a corpus, as `zanlex index` reads it, the two files are one act: the keyed
    // edition's id and requisites, each file an edition.
    let report = ingest_corpus(Path::new(GOV));
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    let [act] = report.acts.as_slice() else {
        panic!("one act, not {}", report.acts.len())
    };
    assert_eq!(act.id, old.id);
    assert_eq!(act.issuances, old.issuances);
    let files: Vec<_> = act
        .versions
        .iter()
        .map(|v| v.source.file.as_str())
        .collect();
    assert_eq!(
        files,
        [
            "codes_104316_government/kaz@2c716769_v2022-11-05.md",
            "codes_104316_government/kaz@0c5d4a0f_v2023-04-19.md",
        ]
    );
    // Unit ids are stable across the editions.
    let eids = |units: &[crate::Unit]| -> Vec<String> {
        units
            .iter()
            .flat_map(|u| u.walk())
            .map(|u| u.eid.clone())
            .collect()
    };
    assert_eq!(eids(&act.versions[0].units), eids(&act.versions[1].units));
    assert_eq!(
        eids(&act.versions[0].units),
        old.all_units()
            .iter()
            .map(|u| u.eid.clone())
            .collect::<Vec<_>>()
    );
}

#[test]
fn ministerial_order_editions_share_an_id_and_appendices() {
    let names = [
        "kaz@111e3d60_v2020-11-12_newlayout.md",
        "kaz@146f9b3d_latest.md",
        "kaz@1f596f80_v2020-11-12.md",
    ];
    for n in names {
        let a = md(MIN, n);
        assert_eq!(
            a.id, "president-office-order-2019-10-07-19-42-3-3-17",
            "{n}"
        );
        assert_eq!(a.kind, ActKind::Order);
        assert_eq!(a.issuances[0].issuer_code, "president-office");
        assert_eq!(a.issuances[0].number.as_deref(), Some("19-42-3.3.17"));
        let top: Vec<_> = a.units.iter().map(|u| u.eid.as_str()).collect();
        assert_eq!(
            top,
            vec![
                "preamble", "para_1", "para_2", "para_3", "para_4", "para_5", "annex_1", "annex_2",
                "annex_3", "annex_4", "annex_5"
            ],
            "{n}"
        );
        let an3 = a.unit("annex_3").expect("annex_3");
        assert_eq!(an3.status, UnitStatus::Deleted, "{n}");
        assert!(an3
            .heading
            .as_deref()
            .unwrap_or("")
            .contains("«Қоғамдық келісім»"));
        assert!(a.unit("para_3__subpara_2").is_some());
    }
}

#[test]
fn maslikhat_decision() {
    let a = md(LOCAL, "kaz@2765827d_v2020-09-30.md");
    assert_eq!(a.kind, ActKind::Decision);
    assert!(a
        .title
        .starts_with("Нұр-Сұлтан қаласында тұрғын үй сертификаттарының"));
    let e: Vec<_> = a.all_units().iter().map(|u| u.eid.clone()).collect();
    assert_eq!(
        e,
        vec![
            "preamble",
            "para_1",
            "para_1__subpara_1",
            "para_1__subpara_2",
            "para_1__subpara_3",
            "para_2",
            "para_3"
        ]
    );
    let p1 = a.unit("para_1").expect("para_1");
    assert!(p1.notes[0]
        .text
        .starts_with("Ескерту. 1-тармаққа өзгеріс енгізілді"));
    // No requisites in these exports: six title words and a hash of the whole title.
    assert_eq!(a.id, "maslikhat-decision-2019-08-23-418-54-vi");
    let older = md(LOCAL, "kaz@31ef956f_v2019-08-23_original.md");
    assert_eq!(older.id, a.id);
    assert_eq!(older.version_date, NaiveDate::from_ymd_opt(2019, 8, 23));
}

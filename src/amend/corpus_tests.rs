//! Amendment events, instructions and commencement read from the real corpus (issue 5).

use crate::ingest::ingest_file;
use crate::{Act, ActKind, AmendAction, EffectiveRule, InstructionOp, Status};
use chrono::NaiveDate;
use std::path::Path;

fn act(file: &str) -> Act {
    ingest_file(Path::new(&format!("corpus/{file}")), Path::new(".")).expect("ingest")
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const TEN: EffectiveRule = EffectiveRule::DaysAfterPublication { days: 10 };

#[test]
fn events_of_003_field_by_field() {
    let a = act("003_0165b7296e38fd1a.txt");
    // (target eid, label, action, date, number, rule, effective date, estimated)
    let jan26 = EffectiveRule::OnDate {
        date: d(2026, 1, 1),
    };
    let expected = vec![
        (
            "preamble",
            "Преамбула",
            AmendAction::NewWording,
            d(2022, 5, 26),
            "11-1-4/240",
            TEN,
            d(2022, 6, 5),
            true,
        ),
        (
            "att_1",
            "Қағида",
            AmendAction::NewWording,
            d(2022, 5, 26),
            "11-1-4/240",
            TEN,
            d(2022, 6, 5),
            true,
        ),
        (
            "att_1__para_3",
            "3-тармақ",
            AmendAction::NewWording,
            d(2025, 12, 5),
            "11-1-4/730",
            TEN,
            d(2025, 12, 15),
            true,
        ),
        (
            "att_1__para_11",
            "11-тармақ",
            AmendAction::NewWording,
            d(2025, 12, 5),
            "11-1-4/730",
            TEN,
            d(2025, 12, 15),
            true,
        ),
        (
            "att_1__para_14-1",
            "14-1-тармақпен",
            AmendAction::Inserted,
            d(2022, 11, 23),
            "11-1-4/628",
            TEN,
            d(2022, 12, 3),
            true,
        ),
        (
            "att_1__para_15",
            "15-тармақ",
            AmendAction::NewWording,
            d(2022, 11, 23),
            "11-1-4/628",
            TEN,
            d(2022, 12, 3),
            true,
        ),
        (
            "att_1__annex_1",
            "1-қосымшаға",
            AmendAction::Changed,
            d(2022, 11, 23),
            "11-1-4/628",
            TEN,
            d(2022, 12, 3),
            true,
        ),
        (
            "att_1__annex_2",
            "2-қосымша",
            AmendAction::Deleted,
            d(2022, 11, 23),
            "11-1-4/628",
            TEN,
            d(2022, 12, 3),
            true,
        ),
        (
            "att_1__annex_3",
            "Тақырып",
            AmendAction::Renamed,
            d(2025, 12, 5),
            "11-1-4/730",
            TEN,
            d(2025, 12, 15),
            true,
        ),
        (
            "att_1__annex_3",
            "3-қосымшаға",
            AmendAction::Changed,
            d(2022, 11, 23),
            "11-1-4/628",
            TEN,
            d(2022, 12, 3),
            true,
        ),
        (
            "att_1__annex_3",
            "3-қосымшаға",
            AmendAction::Changed,
            d(2025, 9, 30),
            "11-1-4/577",
            jan26.clone(),
            d(2026, 1, 1),
            false,
        ),
        (
            "att_1__annex_3",
            "3-қосымшаға",
            AmendAction::Changed,
            d(2025, 12, 5),
            "11-1-4/730",
            TEN,
            d(2025, 12, 15),
            true,
        ),
    ];
    assert_eq!(a.amendments.len(), 12, "{:#?}", a.amendments);
    for (e, x) in a.amendments.iter().zip(&expected) {
        assert_eq!(e.target_eid, x.0, "{e:?}");
        assert_eq!(e.target_label, x.1, "{e:?}");
        assert_eq!(e.action, x.2, "{e:?}");
        assert_eq!(e.by.date, Some(x.3), "{e:?}");
        assert_eq!(e.by.number.as_deref(), Some(x.4), "{e:?}");
        assert_eq!(e.rule, x.5, "{e:?}");
        let eff = e.effective.as_ref().expect("effective date");
        assert_eq!((eff.date, eff.estimated), (x.6, x.7), "{e:?}");
        if eff.estimated {
            assert!(
                eff.basis.contains("assumed on the signing date"),
                "{}",
                eff.basis
            );
        }
        assert_eq!(e.by.issuer, "ҚР Сыртқы істер министрінің м.а.");
        assert_eq!(e.by.issuer_code, "mfa");
        assert_eq!(e.by.kind, ActKind::Order);
        assert!(e.note.starts_with("Ескерту."), "{}", e.note);
        assert!(e.span.line_start > 0);
    }
    // The 10 notes give the 12 events: one note gives three.
    let notes: std::collections::BTreeSet<_> =
        a.amendments.iter().map(|e| e.span.line_start).collect();
    assert_eq!(notes.len(), 10);
    assert_eq!(a.status, Status::InForce);
    assert_eq!(a.commencement, Some(TEN));
}

#[test]
fn repeal_of_004() {
    let a = act("004_46f9999d47256b55.txt");
    assert_eq!(a.amendments.len(), 1, "{:#?}", a.amendments);
    let e = &a.amendments[0];
    assert_eq!(e.target_eid, "");
    assert_eq!(e.action, AmendAction::Repealed);
    assert_eq!(e.by.issuer, "ҚР Ішкі істер министрінің");
    assert_eq!(e.by.issuer_code, "mvd");
    assert_eq!(e.by.kind, ActKind::Order);
    assert_eq!(e.by.date, Some(d(2014, 3, 11)));
    assert_eq!(e.by.number.as_deref(), Some("152"));
    assert_eq!(e.rule, TEN);
    match &a.status {
        Status::Repealed { on, by, .. } => {
            assert_eq!(*on, Some(d(2014, 3, 11)));
            assert!(by.as_deref().unwrap().contains("№ 152"), "{by:?}");
        }
        other => panic!("004 is repealed, not {other:?}"),
    }
}

#[test]
fn faq_remark_is_no_amendment() {
    let a = act("000_59abb921da226678.txt");
    assert!(a.amendments.is_empty(), "{:#?}", a.amendments);
    assert!(a.instructions.is_empty());
}

#[test]
fn instructions_of_001() {
    let a = act("001_e93b22564f257a40.txt");
    let got: Vec<_> = a
        .instructions
        .iter()
        .map(|i| (i.source_eid.as_str(), i.target_eid.as_str(), i.op))
        .collect();
    assert_eq!(
        got,
        vec![
            ("para_1__mod_1", "att_1__para_10", InstructionOp::Replace),
            ("para_1__mod_2", "att_1__para_32", InstructionOp::Insert),
        ]
    );
    let t = &a.instructions[0].target_act;
    assert_eq!(
        (t.kind, t.issuer_code.as_str()),
        (ActKind::Resolution, "government")
    );
    assert_eq!(
        (t.date, t.number.as_deref()),
        (Some(d(2012, 1, 21)), Some("148"))
    );
    assert!(a.instructions[0]
        .new_text
        .as_deref()
        .unwrap()
        .starts_with("10. Уақытша тұруға рұқсат:"));
    assert!(a.instructions[1]
        .new_text
        .as_deref()
        .unwrap()
        .ends_with("шешім қабылдайды."));
    assert_eq!(a.commencement, Some(TEN));
    let eff = crate::amend::act_effective(&a).unwrap();
    assert_eq!((eff.date, eff.estimated), (d(2022, 10, 20), true));
    assert!(eff.basis.contains("2022-10-10"), "{}", eff.basis);
}

#[test]
fn instructions_of_002() {
    let a = act("002_5607aeb48d2f36af.txt");
    use InstructionOp::*;
    let expected = [
        ("preamble", Replace, None),
        ("att_1__para_1", Replace, None),
        ("att_1__para_3__subpara_8", Replace, None),
        ("att_1__para_3__subpara_11", Replace, None),
        ("att_1__para_4", Replace, None),
        ("att_1__para_6", Append, Some(3)),
        ("att_1__para_8-1", Insert, None),
        ("att_1__para_11", Replace, None),
        ("att_1__para_12__subpara_7", Delete, None),
        ("att_1__para_12-1", Insert, None),
        ("att_1__para_13", Replace, None),
        ("att_1__para_15", Replace, None),
        ("att_1__para_16", Replace, None),
        ("att_1__para_17", Replace, None),
        ("att_1__para_21", Delete, None),
        ("att_1__para_21-1", Insert, None),
        ("att_1__para_22", Replace, None),
        ("att_1__para_22-1", Insert, None),
        ("att_1__para_23", ReplacePart, Some(1)),
        ("att_1__para_25__subpara_3", ReplacePart, Some(3)),
        ("att_1__para_28", Replace, None),
        ("att_1__para_34__subpara_2", Replace, None),
        ("att_1__para_37", ReplacePart, Some(3)),
        ("att_1__para_39", Replace, None),
        ("att_1__para_46", ReplacePart, Some(5)),
        ("att_1__para_49__subpara_6", ReplacePart, Some(3)),
        ("att_1__para_50", Replace, None),
        ("att_1__chp_5", Insert, None),
        ("att_1__annex_1", Replace, None),
        ("att_1__annex_8", Delete, None),
        ("att_1__annex_3-1", Insert, None),
        ("att_1__annex_4-1", Insert, None),
        ("att_1__annex_4-2", Insert, None),
        ("att_1__annex_4-3", Insert, None),
        ("att_1__annex_4-4", Insert, None),
    ];
    let got: Vec<_> = a
        .instructions
        .iter()
        .map(|i| (i.target_eid.as_str(), i.op, i.part))
        .collect();
    assert_eq!(got, expected.to_vec());
    let by = |eid: &str| a.instructions.iter().find(|i| i.target_eid == eid).unwrap();
    assert_eq!(by("att_1__para_23").part_last, Some(2));
    // `15, 16 және 17-тармақтар` come from one instruction unit, each with its own text.
    let src: Vec<_> = ["att_1__para_15", "att_1__para_16", "att_1__para_17"]
        .iter()
        .map(|e| by(e).source_eid.clone())
        .collect();
    assert_eq!(src, vec!["para_1__mod_12"; 3]);
    assert!(by("att_1__para_16")
        .new_text
        .as_deref()
        .unwrap()
        .starts_with("16. Шақыру құжаттарын"));
    assert!(by("preamble")
        .new_text
        .as_deref()
        .unwrap()
        .starts_with("\"Халықтың көші-қоны туралы\" 2011"));
    // Unquoted appendices take their text from the amending act's own appendix.
    assert!(by("att_1__annex_3-1")
        .new_text
        .as_deref()
        .unwrap()
        .starts_with("2-қосымша"));
    assert_eq!(by("att_1__annex_8").new_text, None);
    for i in &a.instructions {
        let t = &i.target_act;
        assert_eq!(t.kind, ActKind::JointOrder);
        assert_eq!(t.issuer_code, "mfa+mvd");
        assert_eq!(t.date, Some(d(2016, 11, 24)));
        assert_eq!(t.number.as_deref(), Some("11-1-2/555 / 1100"));
        assert!(i.source_eid.starts_with("para_1__mod_"), "{}", i.source_eid);
    }
    assert_eq!(a.commencement, Some(TEN));
}

/// The Law on amnesty of 02.11.2022 № 152-VII (173385, `evals/corpus`) prints its Kazakh
/// commencement with Latin `i` in its verb («Осы Заң алғашқы ресми жарияланған күнінен бастап
/// қолданысқа енгiзiледi»): each text read alone takes effect on its publication.
#[test]
fn a_kazakh_commencement_printed_with_latin_i_is_read() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("evals/corpus/codes/03-laws/2022/1102-ob-amnistii-173385");
    for file in ["kaz.md", "rus.md"] {
        let a = ingest_file(&dir.join(file), &dir).expect("ingest");
        assert_eq!(a.commencement, Some(EffectiveRule::OnPublication), "{file}");
    }
}

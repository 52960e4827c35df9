//! Applying single instructions to a small unit tree (issue 5, item 5).

use crate::amend::apply::apply_instructions;
use crate::{ActKind, ActRef, Instruction, InstructionOp, SourceSpan, Unit, UnitKind, UnitStatus};

fn para(eid: &str, num: &str, text: &str) -> Unit {
    let mut u = Unit::new(eid, UnitKind::Paragraph, Some(num.to_string()));
    u.text = text.to_string();
    u
}

fn ins(
    eid: &str,
    op: InstructionOp,
    part: Option<u32>,
    part_last: Option<u32>,
    text: Option<&str>,
) -> Instruction {
    Instruction {
        source_eid: "para_1__mod_1".into(),
        target_act: ActRef {
            issuer: String::new(),
            issuer_code: "mfa".into(),
            kind: ActKind::Order,
            date: None,
            number: None,
            title: None,
        },
        target_eid: eid.into(),
        op,
        part,
        part_last,
        new_text: text.map(str::to_string),
        old_text: None,
        span: SourceSpan::default(),
    }
}

fn rules() -> Vec<Unit> {
    let mut att = Unit::new("att_1", UnitKind::Attachment, None);
    let mut p6 = para("att_1__para_6", "6", "6. Бірінші бөлік.\nЕкінші бөлік.");
    let mut s3 = Unit::new(
        "att_1__para_6__subpara_3",
        UnitKind::Subparagraph,
        Some("3".into()),
    );
    s3.text = "3) бірінші абзац;\nекінші абзац;\nүшінші абзац.".into();
    p6.children.push(s3);
    att.children.push(p6);
    att.children
        .push(para("att_1__para_8", "8", "8. Сегізінші."));
    att.children
        .push(para("att_1__para_9", "9", "9. Тоғызыншы."));
    vec![att]
}

fn find<'a>(units: &'a [Unit], eid: &str) -> &'a Unit {
    units
        .iter()
        .flat_map(|u| u.walk())
        .find(|u| u.eid == eid)
        .unwrap()
}

#[test]
fn parts_and_abzats() {
    use InstructionOp::*;
    let (t, failed) = apply_instructions(
        &rules(),
        &[
            ins(
                "att_1__para_6",
                Append,
                Some(3),
                None,
                Some("Үшінші бөлік."),
            ),
            ins(
                "att_1__para_6__subpara_3",
                ReplacePart,
                Some(3),
                None,
                Some("жаңа үшінші абзац."),
            ),
        ],
    );
    assert!(failed.is_empty(), "{failed:?}");
    assert_eq!(
        find(&t, "att_1__para_6").text,
        "6. Бірінші бөлік.\nЕкінші бөлік.\nҮшінші бөлік."
    );
    assert_eq!(
        find(&t, "att_1__para_6__subpara_3").text,
        "3) бірінші абзац;\nекінші абзац;\nжаңа үшінші абзац."
    );
    // `бірінші және екінші бөліктері` replaces two parts with the quoted two.
    let (t, _) = apply_instructions(
        &t,
        &[ins(
            "att_1__para_6",
            ReplacePart,
            Some(1),
            Some(2),
            Some("6. Жаңа бірінші.\nЖаңа екінші."),
        )],
    );
    assert_eq!(
        find(&t, "att_1__para_6").text,
        "6. Жаңа бірінші.\nЖаңа екінші.\nҮшінші бөлік."
    );
    // A part that does not exist is reported, not invented.
    let (_, failed) = apply_instructions(
        &t,
        &[ins("att_1__para_8", ReplacePart, Some(4), None, Some("x"))],
    );
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].target_eid, "att_1__para_8");
}

#[test]
fn insert_replace_delete() {
    use InstructionOp::*;
    let (t, failed) = apply_instructions(
        &rules(),
        &[
            ins(
                "att_1__para_8-1",
                Insert,
                None,
                None,
                Some("8-1. Жаңа тармақ:\n1) бірінші;\n2) екінші."),
            ),
            ins(
                "att_1__para_9",
                Replace,
                None,
                None,
                Some("9. Жаңа тоғызыншы."),
            ),
            ins("att_1__para_8", Delete, None, None, None),
            ins(
                "att_1__para_7-1",
                Insert,
                None,
                None,
                Some("7-1. Жетіден кейін."),
            ),
        ],
    );
    assert!(failed.is_empty(), "{failed:?}");
    let order: Vec<_> = t[0].children.iter().map(|u| u.eid.as_str()).collect();
    assert_eq!(
        order,
        vec![
            "att_1__para_6",
            "att_1__para_7-1",
            "att_1__para_8",
            "att_1__para_8-1",
            "att_1__para_9"
        ]
    );
    let p81 = find(&t, "att_1__para_8-1");
    assert_eq!(p81.text, "8-1. Жаңа тармақ:");
    let subs: Vec<_> = p81
        .children
        .iter()
        .map(|u| (u.eid.as_str(), u.text.as_str()))
        .collect();
    assert_eq!(
        subs,
        vec![
            ("att_1__para_8-1__subpara_1", "1) бірінші;"),
            ("att_1__para_8-1__subpara_2", "2) екінші.")
        ]
    );
    assert_eq!(find(&t, "att_1__para_9").text, "9. Жаңа тоғызыншы.");
    assert_eq!(find(&t, "att_1__para_8").status, UnitStatus::Deleted);
    // Deleting what is not there is reported.
    let (_, failed) = apply_instructions(&t, &[ins("att_1__para_99", Delete, None, None, None)]);
    assert_eq!(failed.len(), 1);
}

#[test]
fn word_replacement_parsed_and_applied() {
    use crate::amend::instructions::parse_instructions;
    let s = "1. … бұйрығына мынадай өзгерістер енгізілсін:\nкөрсетілген бұйрықпен бекітілген Қағидаларда:\n9-тармақтағы \"Тоғызыншы\" деген сөз \"Тоғызыншы тармақ\" деген сөздермен ауыстырылсын;\n8-тармақ алынып тасталсын.";
    let v = parse_instructions(s);
    let got: Vec<_> = v
        .iter()
        .map(|i| {
            (
                i.target_eid.as_str(),
                i.op,
                i.old_text.as_deref(),
                i.new_text.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "att_1__para_9",
                InstructionOp::ReplaceWords,
                Some("Тоғызыншы"),
                Some("Тоғызыншы тармақ")
            ),
            ("att_1__para_8", InstructionOp::Delete, None, None),
        ]
    );
    let mut i = ins(
        "att_1__para_9",
        InstructionOp::ReplaceWords,
        None,
        None,
        Some("Тоғызыншы тармақ"),
    );
    i.old_text = Some("Тоғызыншы".into());
    let (t, failed) = apply_instructions(&rules(), &[i.clone()]);
    assert!(failed.is_empty(), "{failed:?}");
    assert_eq!(find(&t, "att_1__para_9").text, "9. Тоғызыншы тармақ.");
    // Words that are not there are reported.
    i.target_eid = "att_1__para_8".into();
    let (_, failed) = apply_instructions(&rules(), &[i]);
    assert_eq!(failed.len(), 1);
}

//! Instructions of the amending acts 001 and 002 (issue 5, item 3), parsed from the corpus text.

use crate::amend::instructions::{parse_instructions, parse_target_act, ParsedInstruction};
use crate::{ActKind, InstructionOp};
use chrono::NaiveDate;

/// Lines `from..=to` (1-based) of a corpus file, as extracted (displaced words not repaired).
fn corpus_lines(file: &str, from: usize, to: usize) -> String {
    let text = std::fs::read_to_string(format!("corpus/{file}")).expect("corpus file");
    text.lines()
        .skip(from - 1)
        .take(to + 1 - from)
        .collect::<Vec<_>>()
        .join("\n")
}

fn summary(v: &[ParsedInstruction]) -> Vec<(&str, InstructionOp, Option<u32>, Option<u32>)> {
    v.iter()
        .map(|i| (i.target_eid.as_str(), i.op, i.part, i.part_last))
        .collect()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn instructions_of_001_raw_text() {
    let s = corpus_lines("001_e93b22564f257a40.txt", 12, 119);
    let v = parse_instructions(&s);
    use InstructionOp::*;
    assert_eq!(
        summary(&v),
        vec![
            ("att_1__para_10", Replace, None, None),
            ("att_1__para_32", Insert, None, None),
        ]
    );
    let t10 = v[0].new_text.as_deref().unwrap();
    assert!(t10.starts_with("10. Уақытша тұруға рұқсат:"), "{t10}");
    assert!(
        t10.ends_with("ішкі істер органдарына \nхабарлайды."),
        "{t10:?}"
    );
    let t32 = v[1].new_text.as_deref().unwrap();
    assert!(t32.starts_with("32. Қазақстан Республикасының аумағында адам саудасының"));
    assert!(t32.ends_with("шешім қабылдайды."), "{t32:?}");
    let header = &s[..s.find("енгізілсін").unwrap()];
    let target = parse_target_act(header).unwrap();
    assert_eq!(target.kind, ActKind::Resolution);
    assert_eq!(target.issuer_code, "government");
    assert_eq!(target.issuer, "Қазақстан Республикасы Үкіметінің");
    assert_eq!(target.date, Some(d(2012, 1, 21)));
    assert_eq!(target.number.as_deref(), Some("148"));
    assert!(target
        .title
        .unwrap()
        .starts_with("Көшіп келушілердің Қазақстан Республикасына"));
}

#[test]
fn instructions_of_002_raw_text() {
    let s = corpus_lines("002_5607aeb48d2f36af.txt", 13, 441);
    let v = parse_instructions(&s);
    use InstructionOp::*;
    let expected = vec![
        ("preamble", Replace, None, None),
        ("att_1__para_1", Replace, None, None),
        ("att_1__para_3__subpara_8", Replace, None, None),
        ("att_1__para_3__subpara_11", Replace, None, None),
        ("att_1__para_4", Replace, None, None),
        ("att_1__para_6", Append, Some(3), None),
        ("att_1__para_8-1", Insert, None, None),
        ("att_1__para_11", Replace, None, None),
        ("att_1__para_12__subpara_7", Delete, None, None),
        ("att_1__para_12-1", Insert, None, None),
        ("att_1__para_13", Replace, None, None),
        ("att_1__para_15", Replace, None, None),
        ("att_1__para_16", Replace, None, None),
        ("att_1__para_17", Replace, None, None),
        ("att_1__para_21", Delete, None, None),
        ("att_1__para_21-1", Insert, None, None),
        ("att_1__para_22", Replace, None, None),
        ("att_1__para_22-1", Insert, None, None),
        ("att_1__para_23", ReplacePart, Some(1), Some(2)),
        ("att_1__para_25__subpara_3", ReplacePart, Some(3), None),
        ("att_1__para_28", Replace, None, None),
        ("att_1__para_34__subpara_2", Replace, None, None),
        ("att_1__para_37", ReplacePart, Some(3), None),
        ("att_1__para_39", Replace, None, None),
        ("att_1__para_46", ReplacePart, Some(5), None),
        ("att_1__para_49__subpara_6", ReplacePart, Some(3), None),
        ("att_1__para_50", Replace, None, None),
        ("att_1__chp_5", Insert, None, None),
        ("att_1__annex_1", Replace, None, None),
        ("att_1__annex_8", Delete, None, None),
        ("att_1__annex_3-1", Insert, None, None),
        ("att_1__annex_4-1", Insert, None, None),
        ("att_1__annex_4-2", Insert, None, None),
        ("att_1__annex_4-3", Insert, None, None),
        ("att_1__annex_4-4", Insert, None, None),
    ];
    assert_eq!(summary(&v), expected);
    // Quoted texts: each paragraph of `15, 16 және 17-тармақтар` gets its own.
    let text = |eid: &str| {
        v.iter()
            .find(|i| i.target_eid == eid)
            .and_then(|i| i.new_text.clone())
            .unwrap_or_default()
    };
    assert!(text("att_1__para_15").starts_with("15. Көші-қон туралы заңның"));
    assert!(text("att_1__para_16").starts_with("16. Шақыру құжаттарын ресімдеуді"));
    assert!(text("att_1__para_17").starts_with("17. ҚР шет елдердегі мекемелерінде"));
    assert!(!text("att_1__para_15").contains("16. Шақыру"));
    assert_eq!(
        text("att_1__para_50"),
        "50. \"В2\" санатындағы визаның қолданылу мерзімі тек бір рет ұзартылады."
    );
    assert!(text("att_1__chp_5").starts_with("5-тарау. Көрсетілетін қызмет берушінің"));
    assert!(
        text("att_1__chp_5").ends_with("сотқа жүгінеді."),
        "{:?}",
        text("att_1__chp_5")
    );
    assert_eq!(text("att_1__para_12__subpara_7"), "");
    // Deletions and unquoted appendices have no quoted text; appendices name their source.
    let annex = |eid: &str| {
        v.iter()
            .find(|i| i.target_eid == eid)
            .unwrap()
            .source_annex
            .clone()
    };
    assert_eq!(annex("att_1__annex_1").as_deref(), Some("annex_1"));
    assert_eq!(annex("att_1__annex_3-1").as_deref(), Some("annex_2"));
    assert_eq!(annex("att_1__annex_4-4").as_deref(), Some("annex_6"));
    let header = &s[..s.find("енгізілсін").unwrap()];
    let target = parse_target_act(header).unwrap();
    assert_eq!(target.kind, ActKind::JointOrder);
    assert_eq!(target.issuer_code, "mfa+mvd");
    assert_eq!(target.date, Some(d(2016, 11, 24)));
    assert_eq!(target.number.as_deref(), Some("11-1-2/555 / 1100"));
    assert_eq!(
        target.issuer,
        "Қазақстан Республикасы Сыртқы істер министрінің міндетін атқарушысының және Қазақстан Республикасы Ішкі істер министрінің"
    );
}

#[test]
fn repaired_heads() {
    // The same instructions after extraction repair puts the displaced words back.
    let s = "1. … қаулысына мынадай өзгеріс енгізілсін:\nкөрсетілген бұйрықпен бекітілген Қағидаларда:\n3-тармақта:\n8) тармақшасы мынадай редакцияда жазылсын:\n\"8) жаңа мәтін;\";\n15, 16 және 17-тармақтар мынадай редакцияда жазылсын:\n\"15. Бір.\n16. Екі.\n17. Үш.\";\n12-тармақтың 7) тармақшасы алынып тасталсын;\n25-тармақтың 3) тармақшасының үшінші абзацы мынадай редакцияда жазылсын:\n\"абзац\";\n1-қосымша осы бірлескен бұйрыққа 1-қосымшаға сәйкес жаңа редакцияда жазылсын;\nосы бірлескен бұйрыққа 2-қосымшаға сәйкес 3-1-қосымшамен толықтырылсын.";
    let v = parse_instructions(s);
    use InstructionOp::*;
    assert_eq!(
        summary(&v),
        vec![
            ("att_1__para_3__subpara_8", Replace, None, None),
            ("att_1__para_15", Replace, None, None),
            ("att_1__para_16", Replace, None, None),
            ("att_1__para_17", Replace, None, None),
            ("att_1__para_12__subpara_7", Delete, None, None),
            ("att_1__para_25__subpara_3", ReplacePart, Some(3), None),
            ("att_1__annex_1", Replace, None, None),
            ("att_1__annex_3-1", Insert, None, None),
        ]
    );
    assert_eq!(v[0].new_text.as_deref(), Some("8) жаңа мәтін;"));
    assert_eq!(v[2].new_text.as_deref(), Some("16. Екі."));
    assert_eq!(v[3].new_text.as_deref(), Some("17. Үш."));
    assert_eq!(v[5].new_text.as_deref(), Some("абзац"));
    assert_eq!(v[7].source_annex.as_deref(), Some("annex_2"));
}

/// An amending paragraph's body of `n` generated lines (issue 35, defect 3): `N. тұру мәтін.`,
/// every 200th `N. алынып тасталсын: N-тармақ.` (one instruction each), joined by `sep`.
fn generated_body(n: usize, sep: &str) -> String {
    (1..=n)
        .map(|i| {
            if i % 200 == 0 {
                format!("{i}. алынып тасталсын: {i}-тармақ.")
            } else {
                format!("{i}. тұру мәтін.")
            }
        })
        .collect::<Vec<_>>()
        .join(sep)
}

#[test]
fn one_line_paragraph_of_1_5_mb_parses_in_linear_memory() {
    // Unindented lines continue their paragraph, so the structure stage joins them into one
    // line: each head's displaced-words tail used to be copied up to the end of that line,
    // holding about verbs × length / 2 bytes at once (here some 220 MB).
    let stream = format!(
        "1. \"Көші-қон туралы\" Қазақстан Республикасы Үкіметінің 2012 жылғы 21 қаңтардағы № 148 \
         қаулысына мынадай өзгеріс енгізілсін:\n{}",
        generated_body(60_000, " ")
    );
    assert!(stream.len() > 1_400_000, "{}", stream.len());
    let (v, peak) = crate::test_support::peak_heap(|| parse_instructions(&stream));
    assert_eq!(v.len(), 300);
    for (k, ins) in v.iter().enumerate() {
        let n = 200 * (k + 1);
        assert_eq!(ins.target_eid, format!("para_{n}"));
        assert_eq!(ins.op, InstructionOp::Delete);
        assert_eq!(ins.new_text, None);
        // The head runs up to the next one's verb (the words after its own verb are displaced
        // words of its line); the first one starts with the body.
        let own = format!("тасталсын: {n}-тармақ.");
        let start = if k == 0 {
            "1. тұру мәтін. 2. тұру"
        } else {
            &own
        };
        let short: String = ins.head.chars().take(60).collect();
        assert!(ins.head.starts_with(start), "{short}");
        assert!(ins.head.contains(&own), "{short}");
        let next = format!("{}. тұру мәтін. {}. алынып", n + 199, n + 200);
        assert_eq!(ins.head.ends_with(&next), k < 299, "{short}");
        assert_eq!(
            &stream[ins.offset..ins.offset + "тасталсын".len()],
            "тасталсын"
        );
    }
    // The heads are about the stream's size together; the rest is bookkeeping.
    assert!(
        peak < 4 * stream.len(),
        "parsing {} bytes held {peak} bytes at once",
        stream.len()
    );
}

#[test]
fn amending_act_of_60_000_generated_lines_is_read_whole() {
    // The header of 001 up to `енгізілсін:`, then the generated lines, unindented: all of them
    // are the text of paragraph 1, one stream of instructions.
    let text = std::fs::read_to_string("corpus/001_e93b22564f257a40.txt").expect("corpus file");
    let cut = text.find("енгізілсін:").expect("header") + "енгізілсін:".len();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("001_generated.txt");
    let body = generated_body(60_000, "\n");
    std::fs::write(&path, format!("{}\n{body}\n", &text[..cut])).expect("write");
    let act = crate::ingest::ingest_file(&path, dir.path()).expect("ingest");
    assert_eq!(act.instructions.len(), 300);
    for (k, ins) in act.instructions.iter().enumerate() {
        assert_eq!(ins.target_eid, format!("para_{}", 200 * (k + 1)));
        assert_eq!(ins.op, InstructionOp::Delete);
        assert_eq!(ins.source_eid, "para_1");
        assert_eq!(ins.target_act.number.as_deref(), Some("148"));
    }
}

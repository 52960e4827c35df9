//! The structure stage on hand-made inputs: unrepaired extraction (the provisional extractor's
//! shape), pending and deleted units, act ids, and the date and issuer helpers.

use crate::extract::{CleanLine, Extracted};
use crate::structure::{build_act, issuer_code, parse_date, slug};
use crate::{ActKind, Source, SourceFormat, SourceSpan, UnitStatus};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One line per original line, blanks kept, nothing repaired: what the first extractor gave.
fn raw(file: &str, text: &str) -> Extracted {
    let lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| CleanLine {
            text: l.trim().to_string(),
            indent: (l.len() - l.trim_start_matches(' ').len()) as u16,
            span: SourceSpan {
                line_start: i as u32 + 1,
                line_end: i as u32 + 1,
                page: None,
            },
            origins: Default::default(),
            table: None,
        })
        .collect();
    Extracted {
        source: Source {
            file: file.into(),
            format: SourceFormat::Text,
            sha256: String::new(),
            encoding: "utf-8".into(),
            parts: Vec::new(),
        },
        meta: BTreeMap::new(),
        lines,
        lang: crate::Lang::Kk,
        warnings: Vec::new(),
        folder_meta: None,
        folder_taken: None,
    }
}

fn eids(a: &crate::Act) -> Vec<String> {
    a.all_units().iter().map(|u| u.eid.clone()).collect()
}

#[test]
fn unrepaired_lines_give_the_same_units_as_repaired_ones() {
    for name in [
        "000_59abb921da226678.txt",
        "001_e93b22564f257a40.txt",
        "002_5607aeb48d2f36af.txt",
        "003_0165b7296e38fd1a.txt",
        "004_46f9999d47256b55.txt",
    ] {
        let path = std::path::Path::new("corpus").join(name);
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let from_raw = build_act(&raw(&format!("corpus/{name}"), &text)).expect("raw builds");
        let repaired =
            crate::ingest::ingest_file(&path, std::path::Path::new(".")).expect("repaired builds");
        assert_eq!(from_raw.id, repaired.id, "{name}");
        assert_eq!(eids(&from_raw), eids(&repaired), "{name}");
        let spans = |a: &crate::Act| -> Vec<u32> {
            a.all_units().iter().map(|u| u.span.line_start).collect()
        };
        assert_eq!(spans(&from_raw), spans(&repaired), "{name}");
    }
}

const ORDER: &str = "\
Тестілік қағидаларды бекіту туралы

Қазақстан Республикасы Сыртқы істер министрінің 2024 жылғы 5 наурыздағы № 11-1-4/99 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2024 жылғы 7 наурызда № 34000 болып тіркелді.
      БҰЙЫРАМЫН:
      1. Қағидалар бекітілсін.
      2. Алып тасталды - ҚР Сыртқы істер министрінің 01.02.2025 № 11-1-4/5 бұйрығымен.
      2-1. 01.01.2026 бастап қолданысқа енгізіледі
      3. Тізбе:
      1) бірінші;
      1-1) кірістірілген;
      2) екінші.
      Осы тармақтың соңғы абзацы.
      4. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.
";

#[test]
fn deleted_pending_inserted_and_closing_text() {
    let a = build_act(&raw("corpus/t.txt", ORDER)).expect("builds");
    assert_eq!(a.id, "mfa-order-2024-03-05-11-1-4-99");
    assert_eq!(a.kind, ActKind::Order);
    assert_eq!(
        a.registration.as_ref().map(|r| r.number.as_str()),
        Some("34000")
    );
    assert_eq!(
        eids(&a),
        vec![
            "preamble",
            "para_1",
            "para_2",
            "para_2-1",
            "para_3",
            "para_3__subpara_1",
            "para_3__subpara_1-1",
            "para_3__subpara_2",
            "para_4"
        ]
    );
    assert_eq!(
        a.unit("para_2").map(|u| u.status.clone()),
        Some(UnitStatus::Deleted)
    );
    assert_eq!(
        a.unit("para_2-1").map(|u| u.status.clone()),
        Some(UnitStatus::Pending {
            from: NaiveDate::from_ymd_opt(2026, 1, 1)
        })
    );
    assert_eq!(
        a.unit("para_3__subpara_1-1")
            .and_then(|u| u.num.clone())
            .as_deref(),
        Some("1-1")
    );
    assert_eq!(
        a.unit("para_3").map(|u| u.text.as_str()),
        Some("3. Тізбе:\nОсы тармақтың соңғы абзацы.")
    );
    assert_eq!(
        a.unit("para_3__subpara_2").map(|u| u.text.as_str()),
        Some("2) екінші.")
    );
}

#[test]
fn title_without_turaly_still_splits_from_the_issuance() {
    let text = "Мемлекеттік көрсетілетін қызмет стандарттары\n\nҚазақстан Республикасы Ішкі істер министрінің 2015 жылғы 27 наурыздағы № 5 бұйрығы.\n      1. Бекітілсін.\n";
    let a = build_act(&raw("corpus/s.txt", text)).expect("builds");
    assert_eq!(a.title, "Мемлекеттік көрсетілетін қызмет стандарттары");
    assert_eq!(a.id, "mvd-order-2015-03-27-5");
}

const LAW: &str = "\
Тестілік заң туралы

Қазақстан Республикасының 2020 жылғы 2 қаңтардағы № 300-VI Заңы.
      Осы Заң тест қатынастарын реттейді.
1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР
      1-бап. Негізгі ұғымдар
      Осы Заңда мынадай ұғымдар пайдаланылады:
      1) бірінші ұғым;
      2) екінші ұғым.
      1-1-бап. Қолданылу аясы
      1. Осы Заң қолданылады.
      2. Осы Заңның 5-бапқа сілтемесі
22-тарауында көзделген жағдайларды қоспағанда қолданылмайды:
      1) бірінші жағдай;
      2) екінші жағдай.
      2-бап. Алып тасталды - ҚР 01.01.2021 № 1-VII Заңымен.
2-тарау. ҚОРЫТЫНДЫ ЕРЕЖЕЛЕР
      3-бап. Күшіне ену тәртібі
      Осы Заң алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі.
";

#[test]
fn a_law_in_text_form() {
    let a = build_act(&raw("corpus/law.txt", LAW)).expect("builds");
    assert_eq!(a.kind, ActKind::Law);
    assert_eq!(a.id, "law-2020-01-02-300-vi");
    assert_eq!(a.issuances[0].issuer_code, "parliament");
    assert_eq!(
        eids(&a),
        vec![
            "preamble",
            "chp_1",
            "art_1",
            "art_1__subpara_1",
            "art_1__subpara_2",
            "art_1-1",
            "art_1-1__para_1",
            "art_1-1__para_2",
            "art_1-1__para_2__subpara_1",
            "art_1-1__para_2__subpara_2",
            "art_2",
            "chp_2",
            "art_3"
        ]
    );
    assert_eq!(
        a.unit("art_2").map(|u| u.status.clone()),
        Some(UnitStatus::Deleted)
    );
    assert_eq!(
        a.unit("chp_1").and_then(|u| u.heading.clone()).as_deref(),
        Some("ЖАЛПЫ ЕРЕЖЕЛЕР")
    );
    assert!(a.unit("art_1-1__para_2").is_some_and(|u| u
        .text
        .ends_with("22-тарауында көзделген жағдайларды қоспағанда қолданылмайды:")));
    assert_eq!(
        a.unit("art_3").map(|u| u.text.as_str()),
        Some("3-бап. Күшіне ену тәртібі\nОсы Заң алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі.")
    );
}

#[test]
fn a_note_after_instructions_is_a_note() {
    let text = "\
Бұйрыққа өзгеріс енгізу туралы

Қазақстан Республикасы Сыртқы істер министрінің 2021 жылғы 3 ақпандағы № 11-1-4/7 бұйрығы.
      1. Бұйрыққа мынадай өзгеріс енгізілсін:
      2-тармақ мынадай редакцияда жазылсын:
      \"2. Жаңа мәтін.\";
      Ескерту. 1-тармаққа өзгеріс енгізілді - ҚР Сыртқы істер министрінің 01.03.2021 № 11-1-4/9
бұйрығымен.
      2. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.
";
    let a = build_act(&raw("corpus/n.txt", text)).expect("builds");
    assert_eq!(eids(&a), vec!["para_1", "para_1__mod_1", "para_2"]);
    let p1 = a.unit("para_1").expect("para_1");
    assert_eq!(p1.notes.len(), 1);
    assert!(p1.notes[0].text.ends_with("№ 11-1-4/9 бұйрығымен."));
    assert_eq!(
        a.unit("para_1__mod_1").map(|u| u.text.as_str()),
        Some("2-тармақ мынадай редакцияда жазылсын:\n\"2. Жаңа мәтін.\";")
    );
}

#[test]
fn empty_input_is_a_structure_error() {
    let err = build_act(&raw("corpus/blank.txt", "\n   \n\n")).expect_err("nothing to build");
    let msg = err.to_string();
    assert!(msg.starts_with("corpus/blank.txt: "), "{msg}");
}

#[test]
fn dates_issuers_and_slugs() {
    assert_eq!(
        parse_date("2012 жылы 28 маусымда"),
        NaiveDate::from_ymd_opt(2012, 6, 28)
    );
    assert_eq!(
        parse_date("2020 жылғы 1 қыркүйегі"),
        NaiveDate::from_ymd_opt(2020, 9, 1)
    );
    assert_eq!(
        parse_date("2007.06.19. N 267"),
        NaiveDate::from_ymd_opt(2007, 6, 19)
    );
    assert_eq!(
        parse_date("от 23 августа 2019 года"),
        NaiveDate::from_ymd_opt(2019, 8, 23)
    );
    assert_eq!(
        parse_date("1997 жылғы 16 сәуiрдегi"),
        NaiveDate::from_ymd_opt(1997, 4, 16)
    );
    assert_eq!(parse_date("no date"), None);
    assert_eq!(
        issuer_code("Қазақстан Республикасы Сыртқы істер министрінің м.а."),
        "mfa"
    );
    assert_eq!(issuer_code("Нұр-Сұлтан қаласы мәслихатының"), "maslikhat");
    assert_eq!(
        issuer_code("Президенті Кеңсесі бастығының"),
        "president-office"
    );
    assert_eq!(slug("11-1-4/245"), "11-1-4-245");
    assert_eq!(
        slug("Қазақстан Республикасының Үкіметі"),
        "qazaqstan-respublikasynyn-ukimeti"
    );
}

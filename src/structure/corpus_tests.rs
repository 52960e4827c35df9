//! Structure of the five real corpus documents: metadata, exact eids, spans, statuses, notes.

use crate::extract::extract_file;
use crate::structure::build_act;
use crate::{Act, ActKind, Status, Unit, UnitKind, UnitStatus};
use chrono::NaiveDate;
use std::path::Path;

/// The structure stage's own output (no amendment stage after it).
fn act(name: &str) -> Act {
    let doc = extract_file(&Path::new("corpus").join(name), Path::new(".")).expect("extracts");
    build_act(&doc).expect("corpus file structures")
}

fn a000() -> Act {
    act("000_59abb921da226678.txt")
}
fn a001() -> Act {
    act("001_e93b22564f257a40.txt")
}
fn a002() -> Act {
    act("002_5607aeb48d2f36af.txt")
}
fn a003() -> Act {
    act("003_0165b7296e38fd1a.txt")
}
fn a004() -> Act {
    act("004_46f9999d47256b55.txt")
}

fn eids(a: &Act) -> Vec<String> {
    a.all_units().iter().map(|u| u.eid.clone()).collect()
}

fn unit<'a>(a: &'a Act, eid: &str) -> &'a Unit {
    a.unit(eid)
        .unwrap_or_else(|| panic!("{} has no unit {eid}", a.id))
}

fn count(a: &Act, kind: UnitKind) -> usize {
    a.all_units().iter().filter(|u| u.kind == kind).count()
}

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

#[test]
fn order_003_eids_exact_in_document_order() {
    let a = a003();
    let mut want: Vec<String> = vec!["preamble", "para_1", "para_2", "para_3"]
        .into_iter()
        .map(String::from)
        .collect();
    want.extend((1..=5).map(|n| format!("para_3__subpara_{n}")));
    want.extend(["para_4", "para_5", "att_1", "att_1__chp_1", "att_1__para_1"].map(String::from));
    want.extend(["att_1__para_2", "att_1__chp_2", "att_1__para_3"].map(String::from));
    want.extend((1..=7).map(|n| format!("att_1__para_3__subpara_{n}")));
    want.extend((4..=14).map(|n| format!("att_1__para_{n}")));
    want.extend(
        [
            "att_1__para_14-1",
            "att_1__para_15",
            "att_1__chp_3",
            "att_1__para_16",
        ]
        .map(String::from),
    );
    want.extend((1..=5).map(|n| format!("att_1__annex_{n}")));
    assert_eq!(eids(&a), want);
}

#[test]
fn order_003_has_no_rules_paragraph_17() {
    // The issue lists a Rules paragraph 17, but the text has none: its only `17.` is a field of
    // the form in appendix 1 (line 545), which is appendix text, not a provision.
    let a = a003();
    assert!(a.unit("att_1__para_17").is_none());
    assert!(unit(&a, "att_1__annex_1")
        .text
        .contains("17. Жақын туыстары (ата-анасы, жұбайлары"));
}

#[test]
fn order_003_metadata() {
    let a = a003();
    assert_eq!(a.id, "mfa-order-2018-01-04-11-1-4-1");
    assert_eq!(
        a.title,
        "Қазақстан Республикасынан тыс жерге уақытша жұмыстармен шыққан және онда тұрақты тұру үшін қалуға тілек білдірген Қазақстан Республикасы азаматтарының құжаттарын қабылдау және жолдау қағидаларын бекіту туралы"
    );
    assert_eq!(a.kind, ActKind::Order);
    assert_eq!(a.issuances.len(), 1);
    let i = &a.issuances[0];
    assert_eq!(i.issuer, "Қазақстан Республикасы Сыртқы істер министрінің");
    assert_eq!(i.issuer_code, "mfa");
    assert_eq!(i.date, d(2018, 1, 4));
    assert_eq!(i.number.as_deref(), Some("11-1-4/1"));
    let r = a.registration.as_ref().expect("registered");
    assert_eq!(r.number, "16354");
    assert_eq!(r.date, d(2018, 2, 13));
    assert_eq!(a.status, Status::InForce);
    assert_eq!(a.languages, vec!["kk", "ru"]);
    assert_eq!(a.source.file, "corpus/003_0165b7296e38fd1a.txt");
}

#[test]
fn order_003_spans_headings_and_notes() {
    let a = a003();
    let p = unit(&a, "att_1__para_14-1");
    assert_eq!(p.num.as_deref(), Some("14-1"));
    assert_eq!(p.span.line_start, 266);
    assert_eq!(p.span.line_end, 272);
    assert!(p
        .text
        .starts_with("14-1. Қазақстан Республикасы Сыртқы істер министрлігі"));
    assert_eq!(p.notes.len(), 1);
    assert!(p.notes[0]
        .text
        .starts_with("Ескерту. 14-1-тармақпен толықтырылды"));
    assert_eq!(p.notes[0].span.line_start, 270);
    assert!(!p.text.contains("Ескерту"));

    let ch3 = unit(&a, "att_1__chp_3");
    assert_eq!(ch3.kind, UnitKind::Chapter);
    assert_eq!(ch3.num.as_deref(), Some("3"));
    assert_eq!(ch3.span.line_start, 281);
    assert!(ch3
        .heading
        .as_deref()
        .unwrap_or("")
        .starts_with("Орталық мемлекеттік органның, сондай-ақ көрсетілетін қызметті берушінің"));
    assert!(ch3
        .heading
        .as_deref()
        .unwrap_or("")
        .ends_with("шағымдану тәртiбi"));
    assert_eq!(
        unit(&a, "att_1__chp_1").heading.as_deref(),
        Some("Жалпы ережелер")
    );
    assert_eq!(
        unit(&a, "att_1__chp_2").heading.as_deref(),
        Some("Құжаттарды қабылдау және жолдау тәртібі")
    );

    // The preamble's note and the Rules' note.
    let pre = unit(&a, "preamble");
    assert_eq!(pre.span.line_start, 9);
    assert_eq!(pre.notes.len(), 1);
    assert!(pre.notes[0]
        .text
        .starts_with("Ескерту. Преамбула жаңа редакцияда"));
    let att = unit(&a, "att_1");
    assert_eq!(att.kind, UnitKind::Attachment);
    assert_eq!(att.span.line_start, 77);
    assert!(att.notes[0]
        .text
        .starts_with("Ескерту. Қағида жаңа редакцияда"));

    // Rules paragraph 3: its note (printed after subparagraph 7) and its closing abzatses.
    let p3 = unit(&a, "att_1__para_3");
    assert_eq!(p3.children.len(), 7);
    assert_eq!(p3.notes.len(), 1);
    assert!(p3.notes[0]
        .text
        .starts_with("Ескерту. 3-тармақ жаңа редакцияда"));
    assert!(p3.text.ends_with("Мемлекеттік қызмет көрсетуге қойылатын негізгі талаптардың тізбесі осы Қағидаларға 3-қосымшада берілген."));
    let s7 = unit(&a, "att_1__para_3__subpara_7");
    assert_eq!(
        s7.text,
        "7) консулдық алым төленгенiн растайтын құжаттың көшiрмесi."
    );
    assert!(s7.notes.is_empty());
    // Subparagraph 2) keeps the abzatses that continue it up to `…береді;`.
    assert!(unit(&a, "att_1__para_3__subpara_2")
        .text
        .ends_with("бір уақытта береді;"));
    assert_eq!(unit(&a, "para_3__subpara_5").span.line_start, 47);
}

#[test]
fn order_003_appendices() {
    let a = a003();
    let nums: Vec<_> = a
        .all_units()
        .iter()
        .filter(|u| u.kind == UnitKind::Annex)
        .map(|u| (u.num.clone().unwrap_or_default(), u.status.clone()))
        .collect();
    assert_eq!(
        nums,
        vec![
            ("1".to_string(), UnitStatus::Live),
            ("2".to_string(), UnitStatus::Deleted),
            ("3".to_string(), UnitStatus::Live),
            ("4".to_string(), UnitStatus::Live),
            ("5".to_string(), UnitStatus::Live),
        ]
    );
    let a1 = unit(&a, "att_1__annex_1");
    assert_eq!(a1.span.line_start, 314);
    assert_eq!(
        a1.heading.as_deref(),
        Some("САУАЛНАМА–ӨТІНІШ/ЗАЯВЛЕНИЕ – АНКЕТА")
    );
    assert!(a1.text.starts_with("1-қосымша"));
    let a2 = unit(&a, "att_1__annex_2");
    assert_eq!((a2.span.line_start, a2.span.line_end), (678, 699));
    assert!(a2.notes[0]
        .text
        .starts_with("Ескерту. 2-қосымша алып тасталды"));
    let a3 = unit(&a, "att_1__annex_3");
    assert_eq!(a3.span.line_start, 703);
    assert_eq!(a3.notes.len(), 2);
    // Nothing of the form's numbered fields became a provision.
    assert_eq!(count(&a, UnitKind::Paragraph), 22);
    assert_eq!(count(&a, UnitKind::Subparagraph), 12);
}

#[test]
fn resolution_001_eids_exact_and_instructions() {
    let a = a001();
    assert_eq!(
        eids(&a),
        vec![
            "preamble",
            "para_1",
            "para_1__mod_1",
            "para_1__mod_2",
            "para_2"
        ]
    );
    let p1 = unit(&a, "para_1");
    assert!(p1.text.starts_with("1. \"Көшіп келушілердің"));
    assert!(p1
        .text
        .contains("мынадай өзгеріс пен толықтыру енгізілсін:"));
    assert!(p1.text.ends_with("қағидаларында:"));
    let m1 = unit(&a, "para_1__mod_1");
    assert_eq!(m1.kind, UnitKind::Instruction);
    assert!(m1.text.starts_with("10-тармақ мынадай редакцияда жазылсын:\n\"10. Уақытша тұруға рұқсат:\n1) отбасын біріктіру"));
    assert!(m1
        .text
        .contains("\n6) Қазақстан Республикасының заңнамасына сәйкес кәсіпкерлік"));
    assert!(m1.text.ends_with("ішкі істер органдарына хабарлайды.\";"));
    assert_eq!((m1.span.line_start, m1.span.line_end), (25, 110));
    let m2 = unit(&a, "para_1__mod_2");
    assert!(m2
        .text
        .starts_with("мынадай мазмұндағы 32-тармақпен толықтырылсын:\n\"32. Қазақстан"));
    assert!(m2.text.ends_with("шешім қабылдайды.\"."));
    assert_eq!((m2.span.line_start, m2.span.line_end), (111, 119));
    // The signature line after paragraph 2 is not law text.
    assert_eq!(
        unit(&a, "para_2").text,
        "2. Осы қаулы алғашқы ресми жарияланған күннен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі."
    );
}

#[test]
fn resolution_001_metadata() {
    let a = a001();
    assert_eq!(a.id, "government-resolution-2022-10-10-807");
    assert_eq!(a.kind, ActKind::Resolution);
    assert_eq!(a.issuances.len(), 1);
    assert_eq!(a.issuances[0].issuer, "Қазақстан Республикасы Үкіметінің");
    assert_eq!(a.issuances[0].issuer_code, "government");
    assert_eq!(a.issuances[0].date, d(2022, 10, 10));
    assert_eq!(a.issuances[0].number.as_deref(), Some("807"));
    assert_eq!(a.registration, None);
    assert_eq!(a.status, Status::InForce);
    assert!(a
        .title
        .starts_with("\"Көшіп келушілердің Қазақстан Республикасына"));
    assert!(a
        .title
        .ends_with("№ 148 қаулысына өзгеріс пен толықтыру енгізу туралы"));
    assert_eq!(a.languages, vec!["kk"]);
}

#[test]
fn joint_order_002_structure() {
    let a = a002();
    let top: Vec<_> = a.units.iter().map(|u| u.eid.as_str()).collect();
    assert_eq!(
        top,
        vec![
            "preamble", "para_1", "para_2", "para_3", "para_4", "annex_1", "annex_2", "annex_3",
            "annex_4", "annex_5", "annex_6"
        ]
    );
    assert_eq!(count(&a, UnitKind::Paragraph), 4);
    assert_eq!(count(&a, UnitKind::Instruction), 33);
    assert_eq!(count(&a, UnitKind::Subparagraph), 3);
    assert_eq!(count(&a, UnitKind::Annex), 6);
    assert_eq!(a.all_units().len(), 47);
    let p1 = unit(&a, "para_1");
    let mods: Vec<_> = p1.children.iter().map(|u| u.eid.clone()).collect();
    assert_eq!(
        mods,
        (1..=33)
            .map(|n| format!("para_1__mod_{n}"))
            .collect::<Vec<_>>()
    );
    assert!(p1.text.ends_with("қағидаларында (бұдан әрі-Қағидалар):"));
    let m = |n: u32| unit(&a, &format!("para_1__mod_{n}")).text.clone();
    assert!(m(1).starts_with("Кіріспе мынадай редакцияда жазылсын:\n\"Халықтың көші-қоны туралы\""));
    assert!(m(1).ends_with("сәйкес БҰЙЫРАМЫЗ:\";"));
    assert!(m(3).starts_with("3-тармақта: 8) тармақшасы мынадай редакцияда жазылсын:\n\"8) келуге"));
    assert_eq!(
        unit(&a, "para_1__mod_4").heading.as_deref(),
        Some("3-тармақта:")
    );
    assert_eq!(m(9), "12-тармақтың 7) тармақшасы алынып тасталсын;");
    assert!(m(12).starts_with("15, 16 және 17-тармақтар мынадай редакцияда жазылсын:\n\"15. "));
    assert!(m(12).contains("\n16. Шақыру құжаттарын"));
    assert!(m(12).contains("\n17. ҚР шет елдердегі мекемелерінде"));
    assert_eq!(m(13), "21-тармақ алынып тасталсын;");
    assert!(m(26).starts_with("мынадай мазмұндағы 5-тараумен толықтырылсын:\n\"5-тарау."));
    assert!(m(26).contains("\n58. Көрсетілетін қызметті берушінің"));
    assert_eq!(m(28), "8-қосымша алынып тасталсын;");
    assert!(m(33).ends_with("4-4 қосымшамен толықтырылсын."));
    assert_eq!(unit(&a, "para_1__mod_26").span.line_start, 407);
    // Quoted paragraphs never become the joint order's own units.
    for quoted in [
        "para_11",
        "para_13",
        "para_58",
        "para_16",
        "para_1__subpara_8",
    ] {
        assert!(a.unit(quoted).is_none(), "{quoted} must not be a live unit");
    }
    let p2 = unit(&a, "para_2");
    assert_eq!(p2.span.line_start, 442);
    assert_eq!(p2.children.len(), 3);
    // The joint order's own appendices, with the new Rules appendices they carry as text.
    let an1 = unit(&a, "annex_1");
    assert_eq!(an1.span.line_start, 499);
    assert!(an1.text.contains("қағидаларына 1-қосымша"));
    assert_eq!(unit(&a, "annex_6").num.as_deref(), Some("6"));
    assert!(unit(&a, "annex_6").text.contains("109. Ямайка"));
}

#[test]
fn joint_order_002_metadata() {
    let a = a002();
    assert_eq!(a.id, "mfa-mvd-joint-order-2020-09-01-11-1-4-245-611");
    assert_eq!(a.kind, ActKind::JointOrder);
    let got: Vec<_> = a
        .issuances
        .iter()
        .map(|i| (i.issuer_code.as_str(), i.date, i.number.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("mfa", d(2020, 9, 1), Some("11-1-4/245")),
            ("mvd", d(2020, 9, 1), Some("611"))
        ]
    );
    assert_eq!(
        a.issuances[0].issuer,
        "Қазақстан Республикасы Сыртқы істер министрінің"
    );
    assert_eq!(
        a.issuances[1].issuer,
        "Қазақстан Республикасы Ішкі істер министрінің"
    );
    assert_eq!(a.number(), "11-1-4/245 / 611");
    // Visa categories such as `В1` are not Russian words: the joint order is Kazakh only.
    assert_eq!(a.languages, vec!["kk"]);
    let r = a.registration.as_ref().expect("registered");
    assert_eq!((r.number.as_str(), r.date), ("21165", d(2020, 9, 3)));
    assert_eq!(a.status, Status::InForce);
    assert!(a
        .title
        .ends_with("бірлескен бұйрығына өзгерістер мен толықтырулар енгізу туралы"));
}

#[test]
fn repealed_order_004_structure() {
    let a = a004();
    let top: Vec<_> = a.units.iter().map(|u| u.eid.as_str()).collect();
    assert_eq!(
        top,
        vec!["preamble", "para_1", "para_2", "para_3", "para_5", "att_1"]
    );
    assert_eq!(unit(&a, "para_5").num.as_deref(), Some("5"));
    // The repeal note printed under the header goes to the first unit, outside its span.
    let pre = unit(&a, "preamble");
    assert_eq!((pre.span.line_start, pre.span.line_end), (14, 15));
    assert_eq!(pre.notes.len(), 1);
    assert!(pre.notes[0].text.starts_with(
        "Ескерту. Күші жойылды - ҚР Ішкі істер министрінің 11.03.2014 № 152 бұйрығымен"
    ));
    assert_eq!(
        (pre.notes[0].span.line_start, pre.notes[0].span.line_end),
        (11, 13)
    );
    let att = unit(&a, "att_1");
    let secs: Vec<_> = att.children.iter().map(|u| u.eid.as_str()).collect();
    assert_eq!(
        secs,
        vec![
            "att_1__sec_1",
            "att_1__sec_2",
            "att_1__sec_3",
            "att_1__annex_1",
            "att_1__annex_2"
        ]
    );
    assert_eq!(
        unit(&a, "att_1__sec_1").heading.as_deref(),
        Some("Жалпы ережелер")
    );
    let paras: Vec<String> = a
        .all_units()
        .iter()
        .filter(|u| u.kind == UnitKind::Paragraph && u.eid.starts_with("att_1__"))
        .map(|u| u.eid.clone())
        .collect();
    assert_eq!(
        paras,
        (1..=17)
            .map(|n| format!("att_1__para_{n}"))
            .collect::<Vec<_>>()
    );
    // Paragraph 11 prints `3)` twice: the second gets `_2`.
    let p11: Vec<_> = unit(&a, "att_1__para_11")
        .children
        .iter()
        .map(|u| (u.eid.as_str(), u.num.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        p11,
        vec![
            ("att_1__para_11__subpara_1", "1"),
            ("att_1__para_11__subpara_2", "2"),
            ("att_1__para_11__subpara_3", "3"),
            ("att_1__para_11__subpara_3_2", "3")
        ]
    );
    assert_eq!(unit(&a, "att_1__para_11__subpara_3_2").span.line_start, 125);
    // Paragraph 5 was letter-spaced in the PDF text (`5 .  М е м л е к е т т і к`).
    assert_eq!(unit(&a, "att_1__para_5").span.line_start, 85);
    assert_eq!(unit(&a, "att_1__para_5").children.len(), 3);
    assert_eq!(unit(&a, "att_1__annex_1").span.line_start, 175);
    assert_eq!(unit(&a, "att_1__annex_2").span.line_start, 624);
    assert_eq!(count(&a, UnitKind::Subparagraph), 17);
    assert_eq!(a.all_units().len(), 45);
}

#[test]
fn repealed_order_004_metadata() {
    let a = a004();
    assert_eq!(a.id, "mvd-order-2012-06-14-352");
    assert_eq!(a.languages, vec!["kk"]);
    assert_eq!(a.kind, ActKind::Order);
    assert_eq!(a.issuances.len(), 1);
    assert_eq!(a.issuances[0].issuer_code, "mvd");
    assert_eq!(a.issuances[0].date, d(2012, 6, 14));
    assert_eq!(a.issuances[0].number.as_deref(), Some("352"));
    let r = a.registration.as_ref().expect("registered");
    assert_eq!((r.number.as_str(), r.date), ("7775", d(2012, 6, 28)));
    match &a.status {
        Status::Repealed { by, on, .. } => {
            assert_eq!(*on, d(2014, 3, 11));
            assert_eq!(
                by.as_deref(),
                Some("Қазақстан Республикасы Ішкі істер министрінің 2014 жылғы 11 наурыздағы № 152 бұйрығымен")
            );
        }
        other => panic!("004 must be repealed, got {other:?}"),
    }
    assert!(a
        .title
        .starts_with("\"Шетелдіктер мен азаматтығы жоқ адамдарды тіркеу"));
    assert!(a.title.ends_with("регламентін бекіту туралы"));
}

#[test]
fn faq_000_sections_and_subsections() {
    let a = a000();
    assert_eq!(a.kind, ActKind::Faq);
    assert_eq!(
        a.title,
        "Қандастардың атынан жиі қойылатын сұрақтар бойынша"
    );
    assert_eq!(
        a.id,
        "faq-qandastardyn-atynan-zhii-qoiylatyn-suraqtar-boiynsha"
    );
    assert!(a.issuances.is_empty());
    assert_eq!(a.status, Status::Unknown);
    let top: Vec<_> = a.units.iter().map(|u| u.eid.clone()).collect();
    assert_eq!(top, (1..=8).map(|n| format!("sec_{n}")).collect::<Vec<_>>());
    let subs: Vec<String> = a
        .units
        .iter()
        .flat_map(|s| s.children.iter().map(|c| c.eid.clone()))
        .collect();
    let want: Vec<String> = [
        (1, 8),
        (2, 5),
        (3, 2),
        (4, 1),
        (5, 5),
        (6, 2),
        (7, 2),
        (8, 2),
    ]
    .iter()
    .flat_map(|&(s, n)| (1..=n).map(move |m| format!("sec_{s}.{m}")))
    .collect();
    assert_eq!(subs, want);
    assert_eq!(a.all_units().len(), 35);
    // 000 prints `8.2` for the second question of section 7.
    let misprint = unit(&a, "sec_7.2");
    assert_eq!(misprint.num.as_deref(), Some("8.2"));
    assert!(misprint.text.starts_with("8.2 Оқу визасына қатысты"));
    let s82 = unit(&a, "sec_8.2");
    assert_eq!(s82.span.line_start, 1562);
    assert!(s82.heading.as_deref().unwrap_or("").contains("42500 теңге"));
    // FAQ remarks are answer text, not amendment notes.
    assert!(s82.text.contains("Ескерту: Қандастарымыздың"));
    assert!(a.all_units().iter().all(|u| u.notes.is_empty()));
    // Quoted law articles stay inside their subsection.
    let s17 = unit(&a, "sec_1.7");
    assert_eq!(s17.span.line_start, 441);
    assert!(s17
        .text
        .contains("ҚР Әкімшілік құқық бұзу кодексінің 517 бабы бойынша"));
    assert!(s17
        .text
        .contains("7. Осы баптың екінші, төртінші және бесінші бөліктерінде"));
    assert_eq!(
        unit(&a, "sec_1.3").heading.as_deref(),
        Some("Тұрақты тұру ықтиярхатын рәсімдеу")
    );
    assert_eq!(
        unit(&a, "sec_1").heading.as_deref(),
        Some("Көші-қон қызметі басқармасы")
    );
    assert_eq!(
        unit(&a, "sec_7.1").heading.as_deref(),
        Some("Шақыру визасын жіберу")
    );
    assert!(unit(&a, "sec_8.1")
        .text
        .contains("2.1 Қазақстан Республикасының аумағында одан әрі"));
}

//! Notes of consolidated texts → amendment events (issue 5, item 1 and 2).

use chrono::NaiveDate;
use zanlex::amend::notes::{parse_note, parse_unit_citation, NoteEvent};
use zanlex::{ActKind, AmendAction, EffectiveRule};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const TEN: EffectiveRule = EffectiveRule::DaysAfterPublication { days: 10 };
const MFA_MA: &str = "ҚР Сыртқы істер министрінің м.а.";

fn check(
    e: &NoteEvent,
    label: &str,
    action: AmendAction,
    date: NaiveDate,
    number: &str,
    rule: &EffectiveRule,
) {
    assert_eq!(e.target_label, label, "{e:?}");
    assert_eq!(e.action, action, "{e:?}");
    assert_eq!(e.by.date, Some(date), "{e:?}");
    assert_eq!(e.by.number.as_deref(), Some(number), "{e:?}");
    assert_eq!(&e.rule, rule, "{e:?}");
}

#[test]
fn appendix_3_note_raw_gives_three_events() {
    // 003 lines 727-731, as extracted (numbers displaced into the parentheses).
    let raw = "Ескерту. 3-қосымшаға өзгеріс енгізілді – ҚР Сыртқы істер министрінің м.а. \n23.11.2022  (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн№ 11-1-4/628\nөткен соң қолданысқа енгізіледі); 30.09.2025  (01.01.2026 бастап № 11-1-4/577\nқолданысқа енгізіледі); 05.12.2025  (алғашқы ресми жарияланған күнінен № 11-1-4/730\nкейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) бұйрықтарымен.";
    let ev = parse_note(raw);
    assert_eq!(ev.len(), 3, "{ev:#?}");
    check(
        &ev[0],
        "3-қосымшаға",
        AmendAction::Changed,
        d(2022, 11, 23),
        "11-1-4/628",
        &TEN,
    );
    check(
        &ev[1],
        "3-қосымшаға",
        AmendAction::Changed,
        d(2025, 9, 30),
        "11-1-4/577",
        &EffectiveRule::OnDate {
            date: d(2026, 1, 1),
        },
    );
    check(
        &ev[2],
        "3-қосымшаға",
        AmendAction::Changed,
        d(2025, 12, 5),
        "11-1-4/730",
        &TEN,
    );
    for e in &ev {
        assert_eq!(e.by.issuer, MFA_MA);
        assert_eq!(e.by.issuer_code, "mfa");
        assert_eq!(e.by.kind, ActKind::Order);
    }
}

#[test]
fn appendix_3_note_repaired() {
    let fixed = "Ескерту. 3-қосымшаға өзгеріс енгізілді – ҚР Сыртқы істер министрінің м.а. 23.11.2022 № 11-1-4/628 (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі); 30.09.2025 № 11-1-4/577 (01.01.2026 бастап қолданысқа енгізіледі); 05.12.2025 № 11-1-4/730 (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) бұйрықтарымен.";
    let ev = parse_note(fixed);
    assert_eq!(ev.len(), 3);
    check(
        &ev[1],
        "3-қосымшаға",
        AmendAction::Changed,
        d(2025, 9, 30),
        "11-1-4/577",
        &EffectiveRule::OnDate {
            date: d(2026, 1, 1),
        },
    );
}

#[test]
fn number_far_from_sign_is_found() {
    // 003 line 90: the sign stays, the number moves to the end of the parenthesis line.
    let raw = "Ескерту. Қағида жаңа редакцияда – ҚР Сыртқы істер министрінің м.а. 26.05.2022 № \n (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң 11-1-4/240\n\nқолданысқа енгізіледі) бұйрығымен.";
    let ev = parse_note(raw);
    assert_eq!(ev.len(), 1);
    check(
        &ev[0],
        "Қағида",
        AmendAction::NewWording,
        d(2022, 5, 26),
        "11-1-4/240",
        &TEN,
    );
}

#[test]
fn repeal_note_of_004() {
    let raw = "Ескерту. Күші жойылды - ҚР Ішкі істер министрінің 11.03.2014  № 152\nбұйрығымен (алғашқы ресми жарияланғанынан кейін күнтізбелік он күн өткен \nсоң қолданысқа енгізіледі).";
    let ev = parse_note(raw);
    assert_eq!(ev.len(), 1);
    check(
        &ev[0],
        "",
        AmendAction::Repealed,
        d(2014, 3, 11),
        "152",
        &TEN,
    );
    assert_eq!(ev[0].by.issuer, "ҚР Ішкі істер министрінің");
    assert_eq!(ev[0].by.issuer_code, "mvd");
    assert_eq!(ev[0].by.kind, ActKind::Order);
}

#[test]
fn remark_is_not_a_note() {
    let raw = "Ескерту: Қандастарымыздың (оралмандардың) тұрғылықты мекен-\n\nжайы бар,  ықтиярхат алған болса оларға Қазақстан Республиканың \n\nазаматтарымен бірдей көмек көрсетіледі.";
    assert!(parse_note(raw).is_empty());
    let law_note = "Ескертпе. Осы баптың бірінші бөлігінің Қазақстан Республикасы азаматтарының уақытша болатын (тұратын) жері бойынша тіркеусіз тұруы туралы талабы";
    assert!(parse_note(law_note).is_empty());
}

#[test]
fn government_law_notes_mixed_styles() {
    let n = "> *Ескерту. 10-бапқа өзгерістер енгізілді - ҚР 1999.05.06. N 379, 2007.06.19. N 267; 15.06.2017 № 75-VI (алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі) Конституциялық заңдарымен.*";
    let ev = parse_note(n);
    assert_eq!(ev.len(), 3, "{ev:#?}");
    check(
        &ev[0],
        "10-бапқа",
        AmendAction::Changed,
        d(1999, 5, 6),
        "379",
        &EffectiveRule::Unknown,
    );
    check(
        &ev[1],
        "10-бапқа",
        AmendAction::Changed,
        d(2007, 6, 19),
        "267",
        &EffectiveRule::Unknown,
    );
    check(
        &ev[2],
        "10-бапқа",
        AmendAction::Changed,
        d(2017, 6, 15),
        "75-VI",
        &EffectiveRule::OnPublication,
    );
    for e in &ev {
        assert_eq!(e.by.kind, ActKind::ConstitutionalLaw);
        assert_eq!(e.by.issuer, "ҚР");
        assert_eq!(e.by.issuer_code, "parliament");
    }
    let n9 = "> *Ескерту. 9-бап жаңа редакцияда - ҚР 29.09.2014 N 238-V Конституциялық заңымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі); өзгерістер енгізілді - ҚР 15.06.2017 № 75-VI (алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі); 03.07.2017 № 85-VI (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Конституциялық заңдарымен.*";
    let ev = parse_note(n9);
    assert_eq!(ev.len(), 3, "{ev:#?}");
    check(
        &ev[0],
        "9-бап",
        AmendAction::NewWording,
        d(2014, 9, 29),
        "238-V",
        &TEN,
    );
    check(
        &ev[1],
        "9-бап",
        AmendAction::Changed,
        d(2017, 6, 15),
        "75-VI",
        &EffectiveRule::OnPublication,
    );
    check(
        &ev[2],
        "9-бап",
        AmendAction::Changed,
        d(2017, 7, 3),
        "85-VI",
        &TEN,
    );
    let n19 = "Ескерту. 19-бапқа өзгерістер енгізілді - ҚР 06.05.1999 N 379-I Конституциялық Заңымен; 2004.11.24 N 604 (01.01. 2005 бастап күшіне енеді) Заңымен, 2007.06.19 N 267; 29.09.2014 N 238-V (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Конституциялық заңдарымен.";
    let ev = parse_note(n19);
    assert_eq!(ev.len(), 4, "{ev:#?}");
    assert_eq!(ev[0].by.kind, ActKind::ConstitutionalLaw);
    check(
        &ev[1],
        "19-бапқа",
        AmendAction::Changed,
        d(2004, 11, 24),
        "604",
        &EffectiveRule::OnDate {
            date: d(2005, 1, 1),
        },
    );
    assert_eq!(ev[1].by.kind, ActKind::Law);
    assert_eq!(ev[2].by.kind, ActKind::ConstitutionalLaw);
}

#[test]
fn prospective_note_and_placeholder() {
    let n = "Ескертпе. 1-тармақты екінші бөлікпен толықтыру көзделген – ҚР 05.11.2022 № 156-VII (01.01.2023 бастап қолданысқа енгізіледі) Конституциялық заңымен.";
    let ev = parse_note(n);
    assert_eq!(ev.len(), 1);
    check(
        &ev[0],
        "1-тармақты екінші бөлікпен",
        AmendAction::Prospective,
        d(2022, 11, 5),
        "156-VII",
        &EffectiveRule::OnDate {
            date: d(2023, 1, 1),
        },
    );
    let p =
        "01.01.2023 бастап қолданысқа енгізіледі – ҚР 05.11.2022 № 156-VII Конституциялық заңымен.";
    let ev = parse_unit_citation(p);
    assert_eq!(ev.len(), 1, "{ev:#?}");
    check(
        &ev[0],
        "",
        AmendAction::Prospective,
        d(2022, 11, 5),
        "156-VII",
        &EffectiveRule::OnDate {
            date: d(2023, 1, 1),
        },
    );
    let del = "алып тасталды - ҚР 19.04.2023 № 222-VII (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Конституциялық заңымен;";
    let ev = parse_unit_citation(del);
    assert_eq!(ev.len(), 1, "{ev:#?}");
    check(
        &ev[0],
        "",
        AmendAction::Deleted,
        d(2023, 4, 19),
        "222-VII",
        &TEN,
    );
}

#[test]
fn dotted_numbers_and_local_issuers() {
    let n = "> *Ескерту. 4-қосымша жаңа редакцияда - ҚР Президенті Кеңсесі бастығының 12.11.2020 № 20-42-3.3.17 (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі); 13.02.2023 № 23-42-3.3.1 (алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі) бұйрықтарымен.*";
    let ev = parse_note(n);
    assert_eq!(ev.len(), 2, "{ev:#?}");
    check(
        &ev[0],
        "4-қосымша",
        AmendAction::NewWording,
        d(2020, 11, 12),
        "20-42-3.3.17",
        &TEN,
    );
    check(
        &ev[1],
        "4-қосымша",
        AmendAction::NewWording,
        d(2023, 2, 13),
        "23-42-3.3.1",
        &EffectiveRule::OnPublication,
    );
    assert_eq!(ev[0].by.issuer_code, "president-office");
    let m = "Ескерту. 1-тармаққа өзгеріс енгізілді - Нұр-Сұлтан қаласы мәслихатының 30.09.2020 № 539/73-VІ (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) шешімімен.";
    let ev = parse_note(m);
    assert_eq!(ev.len(), 1);
    check(
        &ev[0],
        "1-тармаққа",
        AmendAction::Changed,
        d(2020, 9, 30),
        "539/73-VІ",
        &TEN,
    );
    assert_eq!(ev[0].by.issuer_code, "maslikhat");
    assert_eq!(ev[0].by.kind, ActKind::Decision);
}

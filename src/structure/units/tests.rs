use super::*;

/// A unit as the tests compare it: eid, kind, number, heading and text.
type Seen = (String, UnitKind, Option<String>, Option<String>, String);

/// The units the text parser makes of `text`, in document order. The header is every
/// line before the first indented one, as the structure stage cuts it.
fn units_of(text: &str) -> Vec<Seen> {
    let lines = crate::extract::text_lines(text);
    let lines: Vec<&CleanLine> = lines.iter().collect();
    let body = lines
        .iter()
        .position(|l| l.indent >= 5)
        .unwrap_or(lines.len());
    let header: Vec<&str> = lines[..body].iter().map(|l| l.text.as_str()).collect();
    let mut p = TextParser::new(lines, &header.join(" "), true);
    p.run(body);
    let mut out = Vec::new();
    let mut stack: Vec<crate::model::Unit> = p.finish().into_iter().rev().collect();
    while let Some(u) = stack.pop() {
        stack.extend(u.children.into_iter().rev());
        out.push((u.eid, u.kind, u.num, u.heading, u.text));
    }
    out
}

/// The eids and kinds of `text`'s units.
fn eids(text: &str) -> Vec<(String, UnitKind)> {
    units_of(text)
        .into_iter()
        .map(|(eid, kind, ..)| (eid, kind))
        .collect()
}

fn eid(e: &str, kind: UnitKind) -> (String, UnitKind) {
    (e.to_string(), kind)
}

const ORDER_KK: &str = "\
Қазақстан Республикасы Әділет министрінің 2020 жылғы 5 наурыздағы № 10 бұйрығы
      Қазақстан Республикасының Заңына сәйкес БҰЙЫРАМЫН:
      1. Қоса беріліп отырған Тіркеу қағидалары бекітілсін.
      2. Мыналар:
      1) бірінші тармақша;
      2) екінші тармақша
жалғасы;
      3) үшінші тармақша.
      3. Осы бұйрық алғаш ресми жарияланған күнінен кейін қолданысқа енгізіледі.
      Қазақстан Республикасының
      Әділет министрі А. Бекетов
";

/// An order's preamble, paragraphs and subparagraphs; a line with less indent continues
/// the one before; the signature block after the last paragraph is dropped.
#[test]
fn a_kazakh_order_has_its_paragraphs_and_subparagraphs() {
    assert_eq!(
        eids(ORDER_KK),
        [
            eid("preamble", UnitKind::Preamble),
            eid("para_1", UnitKind::Paragraph),
            eid("para_2", UnitKind::Paragraph),
            eid("para_2__subpara_1", UnitKind::Subparagraph),
            eid("para_2__subpara_2", UnitKind::Subparagraph),
            eid("para_2__subpara_3", UnitKind::Subparagraph),
            eid("para_3", UnitKind::Paragraph),
        ]
    );
    let units = units_of(ORDER_KK);
    assert_eq!(units[4].2.as_deref(), Some("2"));
    assert_eq!(units[4].4, "2) екінші тармақша жалғасы;");
    assert!(!units[6].4.contains("министрі"), "{:?}", units[6].4);
}

/// A Russian order: the same layout, `ПРИКАЗЫВАЮ:` in the preamble, paragraphs and
/// subparagraphs, the minister's signature dropped.
#[test]
fn a_russian_order_has_its_paragraphs_and_subparagraphs() {
    let text = "\
Приказ Министра юстиции Республики Казахстан от 5 марта 2020 года № 10
      В соответствии с Законом Республики Казахстан ПРИКАЗЫВАЮ:
      1. Утвердить прилагаемые Правила регистрации.
      2. Департаменту обеспечить:
      1) государственную регистрацию
настоящего приказа;
      2) его размещение на интернет-ресурсе.
      3. Настоящий приказ вводится в действие по истечении десяти календарных дней.
      Министр юстиции
      Республики Казахстан                       А. Бекетов
";
    let units = units_of(text);
    let got: Vec<_> = units
        .iter()
        .map(|(eid, kind, num, ..)| (eid.as_str(), *kind, num.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("preamble", UnitKind::Preamble, None),
            ("para_1", UnitKind::Paragraph, Some("1")),
            ("para_2", UnitKind::Paragraph, Some("2")),
            ("para_2__subpara_1", UnitKind::Subparagraph, Some("1")),
            ("para_2__subpara_2", UnitKind::Subparagraph, Some("2")),
            ("para_3", UnitKind::Paragraph, Some("3")),
        ]
    );
    assert_eq!(
        units[3].4,
        "1) государственную регистрацию настоящего приказа;"
    );
    assert!(!units[5].4.contains("Министр"), "{:?}", units[5].4);
}

/// A Kazakh law's articles (`1-бап.`) after its preamble; an article number that does not
/// follow the last (a reference at a line's start) is text, not a new article.
#[test]
fn kazakh_articles_follow_their_numbers() {
    let text = "\
Қазақстан Республикасының Заңы
      Осы Заң қоғамдық қатынастарды реттейді.
1-бап. Негізгі ұғымдар
      1. Осы Заңда мынадай ұғымдар пайдаланылады.
2-бап. Заңның қолданылу аясы
1-бап. Алдыңғы бапқа сілтеме
      Осы Заң бүкіл аумақта қолданылады.
";
    assert_eq!(
        eids(text),
        [
            eid("preamble", UnitKind::Preamble),
            eid("art_1", UnitKind::Article),
            eid("art_1__para_1", UnitKind::Paragraph),
            eid("art_2", UnitKind::Article),
        ]
    );
}

/// `… бұйрығымен бекітілген` opens an attachment with its chapters and paragraphs, whose
/// ids stay flat under the attachment.
#[test]
fn an_approval_opens_an_attachment_with_chapters() {
    let text = format!(
        "{ORDER_KK}\
Қазақстан Республикасы
Әділет министрінің
2020 жылғы 5 наурыздағы
№ 10 бұйрығымен
бекітілген
Тіркеу қағидалары
1-тарау. Жалпы ережелер
      1. Осы Қағидалар тіркеу тәртібін айқындайды.
2-тарау. Тіркеу тәртібі
      2. Тіркеу мынадай тәртіппен жүргізіледі:
      1) өтініш беріледі;
      2) өтініш қаралады.
"
    );
    let got = eids(&text);
    let att: Vec<_> = got
        .iter()
        .skip_while(|(e, _)| !e.starts_with("att_"))
        .collect();
    assert_eq!(
        att,
        [
            &eid("att_1", UnitKind::Attachment),
            &eid("att_1__chp_1", UnitKind::Chapter),
            &eid("att_1__para_1", UnitKind::Paragraph),
            &eid("att_1__chp_2", UnitKind::Chapter),
            &eid("att_1__para_2", UnitKind::Paragraph),
            &eid("att_1__para_2__subpara_1", UnitKind::Subparagraph),
            &eid("att_1__para_2__subpara_2", UnitKind::Subparagraph),
        ]
    );
}

/// An amending paragraph is split into one instruction a sentence, each with its quoted
/// wording; a context line heads the instructions under it.
#[test]
fn an_amending_paragraph_is_split_into_instructions() {
    let text = "\
Қазақстан Республикасы Әділет министрінің бұйрығы
      1. Қазақстан Республикасы Әділет министрінің 2019 жылғы 1 ақпандағы № 5 бұйрығына мынадай өзгерістер енгізілсін:
      көрсетілген бұйрықпен бекітілген Тіркеу қағидаларында:
      3-тармақ мынадай редакцияда жазылсын:
      «3. Тіркеу он күн ішінде жүргізіледі.»;
      5-тармақ алып тасталсын.
      2. Осы бұйрық қолданысқа енгізіледі.
";
    let got = eids(text);
    assert_eq!(got[0], eid("para_1", UnitKind::Paragraph));
    let mods: Vec<_> = got
        .iter()
        .filter(|(_, k)| *k == UnitKind::Instruction)
        .map(|(e, _)| e.as_str())
        .collect();
    assert_eq!(mods, ["para_1__mod_1", "para_1__mod_2"]);
    assert_eq!(got.last(), Some(&eid("para_2", UnitKind::Paragraph)));
    let units = units_of(text);
    let first = units
        .iter()
        .find(|u| u.0 == "para_1__mod_1")
        .expect("mod 1");
    assert!(
        first.4.contains("«3. Тіркеу он күн ішінде"),
        "{:?}",
        first.4
    );
}

/// A note after a unit is the unit's, not a line of its text.
#[test]
fn a_note_belongs_to_the_unit_before_it() {
    let text = "\
Қазақстан Республикасы Әділет министрінің бұйрығы
      1. Бірінші тармақ.
      Ескерту. 1-тармақ жаңа редакцияда - ҚР Әділет министрінің 2021.01.01 № 1 бұйрығымен.
      2. Екінші тармақ.
";
    let lines = crate::extract::text_lines(text);
    let mut p = TextParser::new(lines.iter().collect(), lines[0].text.as_str(), true);
    p.run(1);
    let units = p.finish();
    assert_eq!(units[0].text, "1. Бірінші тармақ.");
    assert_eq!(units[0].notes.len(), 1, "{:?}", units[0].notes);
    assert_eq!(units[1].eid, "para_2");
    assert!(units[1].notes.is_empty());
}

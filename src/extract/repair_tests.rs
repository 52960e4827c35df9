//! Each repair on the real corpus: the original line(s) and the expected clean text.
//!
//! Lines are looked up by their original line number, so each test also checks that the span
//! points back at the damaged line(s).

use crate::extract::{extract_file, CleanLine, Extracted};
use crate::test_support as common;
use std::path::Path;

fn corpus(prefix: &str) -> Extracted {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    extract_file(&common::corpus_file(prefix), dir).expect("extract")
}

/// The clean line that starts at original line `n`.
fn at(doc: &Extracted, n: u32) -> &CleanLine {
    doc.lines
        .iter()
        .find(|l| l.span.line_start == n)
        .unwrap_or_else(|| panic!("no clean line starts at line {n} of {}", doc.source.file))
}

fn check(doc: &Extracted, cases: &[(u32, u32, &str)]) {
    for &(start, end, want) in cases {
        let l = at(doc, start);
        assert_eq!(l.text, want, "line {start} of {}", doc.source.file);
        assert_eq!(l.span.line_end, end, "span end of line {start}");
    }
}

#[test]
fn letter_spacing_004() {
    let doc = corpus("004_");
    check(
        &doc,
        &[
            // `5 .  М е м л е к е т т і к  қ ы з м е т :` (paragraph 5 of the Regulation)
            (85, 85, "5. Мемлекеттік қызмет:"),
            // `      2 )  С т а н д а р т т ы ң ;`
            (88, 88, "2) Стандарттың;"),
            // `Қ а з а қ с т а н  Р е с п у б л и к а с ы`: a double space is the word gap
            (41, 41, "Қазақстан Республикасы"),
            (33, 33, "Қазақстан Республикасы"),
            // `к о м и т е т і  ( П . К .  Н о к и н ) :`: initials stay whole
            (20, 20, "комитеті (П.К. Нокин):"),
            (43, 43, "2012 жылғы 14 маусымдағы"),
            (44, 44, "№ 352 бұйрығымен"),
            (36, 36, "___________ Н. Әбіқаев"),
            (123, 123, "күнтізбелік 10 күн;"),
            (129, 129, "ең ұзақ уақыты – 30 минут."),
            (143, 143, "туралы талон беріледі, онда:"),
            // Letter-spaced `... Заңы  ;9 - б а б ы н ы ң`: the link went after the `;`.
            (87, 87, "22 шілдедегі Заңы 9-бабының;"),
            // Normal text with initials is untouched.
            (
                28,
                28,
                "істер министрлігінің Көші-қон полициясы комитетіне (П.К. Нокин) жүктелсін.",
            ),
        ],
    );
    // The paragraph indent survives the repair.
    assert_eq!(at(&doc, 85).indent, 6);
    assert_eq!(at(&doc, 88).indent, 6);
}

#[test]
fn letter_spacing_002_tables() {
    let doc = corpus("002_");
    check(
        &doc,
        &[
            (558, 558, "1) шет"),
            (568, 568, "мүшелері;"),
            (614, 614, "сондай-ақ"),
            (2767, 2767, "ҚР ІІМ"),
            (3034, 3034, "1) көрсетілетін қызметті беруші;"),
            (3440, 3440, "7) шетелдік инвесторлар босатылады."),
            // `№` stays a word of its own.
            (540, 540, "р/с № Виза"),
            // A column-number row of a table is not letter spacing.
            (551, 551, "1 2 3 4 5 6 7"),
        ],
    );
}

#[test]
fn displaced_words_001() {
    let doc = corpus("001_");
    check(
        &doc,
        &[
            // `...кетуінің` / `` / `:қағидаларында`: the word ends the line before.
            (
                22,
                24,
                "келуінің және онда болуының, сондай-ақ олардың Қазақстан Республикасынан кетуінің қағидаларында:",
            ),
            // `       мынадай редакцияда жазылсын:10-тармақ`
            (25, 25, "10-тармақ мынадай редакцияда жазылсын:"),
            // ` көзделген мерзімге ресімделеді.Заңында`
            (84, 84, "Заңында көзделген мерзімге ресімделеді."),
            (
                19,
                19,
                "Қазақстан Республикасы Үкіметінің 2012 жылғы 21 қаңтардағы № 148 қаулысына",
            ),
        ],
    );
    assert_eq!(at(&doc, 25).indent, 6, "7 spaces = indent + hole");
    assert!(doc.lines.iter().all(|l| l.span.line_start != 24));
}

#[test]
fn displaced_words_002() {
    let doc = corpus("002_");
    check(
        &doc,
        &[
            (153, 153, "12-тармақтың 7) тармақшасы алынып тасталсын;"),
            (25, 25, "Кіріспе мынадай редакцияда жазылсын:"),
            (35, 35, "1-тармақ мынандай редакияда жазылсын:"),
            (
                27,
                27,
                "Заңының 10-бабы 1-1) тармақшасына және \"Мемлекеттік көрсетілетін қызметтер",
            ),
            (
                28,
                28,
                "туралы\" 2013 жылғы 15 сәуірдегі Қазақстан Республикасы Заңының 10-бабы 1)",
            ),
            (29, 29, "тармақшасына сәйкес БҰЙЫРАМЫЗ:\";"),
            (
                21,
                21,
                "жылғы 28 қарашадағы № 1100 бірлескен бұйрығына (Нормативтік құқықтық актілерді",
            ),
            (
                33,
                33,
                "олардың қолданылу мерзімдерін ұзарту және қысқарту қағидаларында (бұдан",
            ),
            (57, 57, "3-тармақта:"),
            (58, 58, "8) тармақшасы мынадай редакцияда жазылсын:"),
            (
                194,
                194,
                "қарашадағы Қазақстан Республикасы Заңының 13-1 бабымен реттеледі.",
            ),
            (
                217,
                217,
                "15, 16 және 17-тармақтар мынадай редакцияда жазылсын:",
            ),
            (
                346,
                346,
                "25-тармақтың 3) тармақшасының үшінші абзацы мынадай редакцияда жазылсын:",
            ),
            (
                434,
                434,
                "қағидаларға 1-қосымша осы бірлескен бұйрыққа 1-қосымшаға сәйкес жаңа",
            ),
            (
                441,
                441,
                "осы бірлескен бұйрыққа 6-қосымшаға сәйкес 4-4 қосымшамен толықтырылсын.",
            ),
            (
                3411,
                3411,
                "Республикасының Кодексінің 613-бабына сәйкес мемлекеттік баж өндіріп алынады,",
            ),
            (
                3498,
                3498,
                "2001 жылғы 5 шілдедегі № 648 Жарлығына сәйкес ерекше мәртебе берілген жоғары",
            ),
            (
                3755,
                3755,
                "Кодексіне сәйкес, Салық кодексінің 628-бабында тікелей көзделген",
            ),
            // `заңнамасымен` is not a hyperlinked `Заң` form: nothing moves.
            (3210, 3210, "ҚР заңнамасымен"),
        ],
    );
    assert_eq!(at(&doc, 153).indent, 6);
    assert_eq!(at(&doc, 57).indent, 6);
}

#[test]
fn displaced_words_003() {
    let doc = corpus("003_");
    check(
        &doc,
        &[
            // `... жарғысының 59-` / `` / ` және "Мемлекеттік ... Қазақстан тармағына`
            (
                10,
                12,
                "Жарлығымен бекітілген Қазақстан Республикасының Консулдық жарғысының 59-тармағына және \"Мемлекеттік көрсетілетін қызметтер туралы\" Қазақстан",
            ),
            (
                13,
                13,
                "Республикасы Заңының 14-бабы 1) тармақшасына сәйкес БҰЙЫРАМЫН:",
            ),
            (
                15,
                15,
                "26.05.2022 № 11-1-4/240 (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн",
            ),
            (
                23,
                23,
                "Сыртқы істер министрінің 2000 жылғы 18 қазандағы № 222 бұйрығының (Нормативтік",
            ),
            (
                91,
                91,
                "11-1-4/240 (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң",
            ),
            (
                121,
                121,
                "1) осы Қағидаларға 1-қосымшаға сәйкес нысан бойынша өтiнiш-сауалнама;",
            ),
            (
                155,
                155,
                "мәртебесі туралы\" Қазақстан Республикасы Заңының 47-бабына сәйкес атқарушылық іс",
            ),
            (168, 168, "Қағидаларға 3-қосымшада берілген."),
            (
                171,
                171,
                "№ 11-1-4/730 (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң",
            ),
            (
                262,
                262,
                "14. \"Мемлекеттік көрсетілетін қызметтер туралы\" Заңның 5-бабы 2-тармағы 11)",
            ),
            // `Заң)  1)-тармақшасына сәйкес 10-бабы`
            (
                103,
                103,
                "Мемлекеттік көрсетілетін қызметтер туралы\" Заң) 10-бабы 1)-тармақшасына сәйкес",
            ),
            // A hole with nothing displaced only loses its extra space.
            (
                19,
                19,
                "Республикасы азаматтарының құжаттарын қабылдау және жолдау қағидалары",
            ),
        ],
    );
}

#[test]
fn displaced_words_004() {
    let doc = corpus("004_");
    check(
        &doc,
        &[
            (18, 18, "мемлекеттік қызмет регламенті бекітілсін."),
            (
                62,
                62,
                "2009 жылғы 14 желтоқсандағы № 2102 қаулысымен бекітілген «Шетелдіктер мен",
            ),
            (
                74,
                74,
                "желтоқсандағы № 2102 қаулысымен бекітілген Шетелдіктер мен азаматтығы жоқ",
            ),
            (
                78,
                78,
                "1-қосымшада көрсетілген мекенжайлар бойынша Қазақстан Республикасының",
            ),
            (
                130,
                130,
                "12. Стандарттың 16-тармағында көзделген жағдайларда иммигранттарға",
            ),
            (174, 174, "Регламентке 2-қосымшада келтірілген."),
        ],
    );
}

#[test]
fn faq_000_is_not_rearranged() {
    let doc = corpus("000_");
    check(
        &doc,
        &[
            (441, 441, "1.7 Көші-қон саласындағы заңдарды"),
            (
                1237,
                1237,
                "Ондай жағдайда құжаттарды тану және нострификациялау қағидалары",
            ),
        ],
    );
}

#[test]
fn broken_lines_are_joined() {
    let doc = corpus("002_");
    check(
        &doc,
        &[
            // `№ 11-1` / `-4/245`: a legal number split across lines.
            (
                10,
                11,
                "Қазақстан Республикасы Сыртқы істер министрінің 2020 жылғы 1 қыркүйектегі № 11-1-4/245 және Қазақстан Республикасы Ішкі істер министрінің 2020 жылғы 1",
            ),
            // `... 4-1-` / `қосымшаға ...`
            (
                171,
                172,
                "уәкілетті қызметкері өтінішті қабылдаудан бас тартады және осы Қағидаларға 4-1-қосымшаға сәйкес нысан бойынша Қазақстан Республикасына келуге шақыруды",
            ),
            // `... 2-` / `` / ` сәйкес, ... тармағына`: a moved word completes the number.
            (
                420,
                422,
                "қызметті алушының шағымы, Мемлекеттік қызметтер туралы заңының 25-бабының 2-тармағына сәйкес, ол тіркелген күннен бастап 5 (бес) жұмыс күні ішінде қаралуға",
            ),
            // A line holding only `.` belongs to the line before.
            (
                209,
                210,
                "сұрау салуы бойынша көрсетілген мерзім күнтізбелік 30 (отыз) күнге дейін ұзартылады.",
            ),
            (2320, 2321, "Қағидалардың 17-тармағына сәйкес"),
        ],
    );
    let doc3 = corpus("003_");
    check(
        &doc3,
        &[
            (
                6,
                7,
                "Қазақстан Республикасы Сыртқы істер министрінің 2018 жылғы 4 қаңтардағы № 11-1-4/1 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2018 жылғы 13",
            ),
            (
                138,
                139,
                "Қазақстан Республикасы Сыртқы істер министрінің 2020 жылғы 12 мамырдағы № 11-1-4/149 бұйрығына (нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде №",
            ),
        ],
    );
    // A compound hyphen at a line end stays (`сондай-` / `ақ`).
    let doc0 = corpus("000_");
    assert!(at(&doc0, 1416)
        .text
        .ends_with("адамдар, сондай-ақ олардың отбасы мүшелері."));
}

#[test]
fn blank_lines_and_spaces_are_gone() {
    for p in ["000_", "001_", "002_", "003_", "004_"] {
        let doc = corpus(p);
        for l in &doc.lines {
            assert!(!l.text.is_empty(), "{p}: empty line kept");
            assert!(!l.text.contains("  "), "{p}: double space in {:?}", l.text);
            assert_eq!(l.text, l.text.trim(), "{p}: untrimmed");
            assert!(l.span.line_start <= l.span.line_end);
        }
        // No text is lost: every non-blank original line is inside some span (the corpus
        // has no running headers to drop).
        let path = common::corpus_file(p);
        let orig = std::fs::read_to_string(&path).expect("read");
        for (i, l) in orig.split('\n').enumerate() {
            let n = i as u32 + 1;
            if !l.trim().is_empty() {
                assert!(
                    doc.lines
                        .iter()
                        .any(|c| c.span.line_start <= n && n <= c.span.line_end),
                    "{p}: line {n} lost"
                );
            }
        }
        // Spans are increasing and never overlap.
        for w in doc.lines.windows(2) {
            assert!(
                w[0].span.line_end < w[1].span.line_start,
                "{p}: {:?}",
                w[1].span
            );
        }
    }
    // 001 has a page break (three blank lines) after line 38.
    let doc = corpus("001_");
    assert_eq!(at(&doc, 38).text, "асыратын діни ұйымдардың;");
    assert!(at(&doc, 42)
        .text
        .starts_with("6) Қазақстан Республикасының"));
    assert_eq!(doc.lines.len(), 111);
}

#[test]
fn every_character_maps_to_its_original_line() {
    let doc = corpus("001_");
    let l = at(&doc, 22);
    let k = l.text.find("қағидаларында:").expect("moved word");
    assert_eq!(l.origin_of(0).line, 22);
    assert_eq!(l.origin_of(k - 1).line, 22);
    assert_eq!(l.origin_of(k).line, 24);
    let doc = corpus("002_");
    let l = at(&doc, 10);
    let k = l.text.find("-4/245").expect("number tail");
    assert_eq!(l.origin_of(k - 1).line, 10);
    assert_eq!(l.origin_of(k).line, 11);
    assert_eq!(l.origin_of(l.text.len() - 1).line, 11);
    // Unjoined lines have one origin, their own line.
    for l in &doc.lines {
        assert_eq!(l.origins[0].line, l.span.line_start);
        assert_eq!(l.origins[0].offset, 0);
        assert_eq!(l.origins.last().map(|o| o.line), Some(l.span.line_end));
        assert!(l
            .origins
            .windows(2)
            .all(|w| w[0].offset < w[1].offset && w[0].line < w[1].line));
    }
}

//! A code the public mirror splits into part files (`tests/fixtures/split`: the Administrative
//! Procedural Code, heads `kaz.md` / `rus.md` with a table of parts, the articles in
//! `kaz/sec001.md` … `rus/sec004.md`) is one act in both languages: one unit tree with its
//! articles in order across the parts, each unit cited in its part file at that file's lines.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use zanlex::{BuildOptions, Lang, SearchRequest, ZanIndex};

const CODE: &str = "code-2020-06-29-350-vi";
const FOLDER: &str = "codes/02-codes/2020/\
    0629-administrativnyi-protsedurno-protsessualnyi-kodeks-respubliki-ka-144260";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/split")
}

/// One index over a copy of the fixture (the copy's folder is `corpus`).
fn index() -> &'static (tempfile::TempDir, ZanIndex) {
    static BUILT: OnceLock<(tempfile::TempDir, ZanIndex)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        crate::common::copy_dir(&fixture(), &corpus);
        let index =
            crate::common::build_clean(&corpus, dir.path().join("index"), &BuildOptions::default());
        (dir, index)
    })
}

/// The article numbers of a language's part files, counted from their headings: `#### 1-бап.`
/// / `#### Статья 1.` and the one article printed in bold (`**43-1-бап. …**`).
fn article_numbers_in_parts(lang: &str) -> Vec<String> {
    let dir = fixture().join(FOLDER).join(lang);
    let mut parts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("parts")
        .map(|e| e.expect("entry").path())
        .collect();
    parts.sort();
    let re = regex::Regex::new(
        r"^(?:#### |\*\*)(?:Статья ([0-9]+(?:-[0-9]+)*)\.|([0-9]+(?:-[0-9]+)*)-бап\.)",
    )
    .expect("regex");
    let mut out = Vec::new();
    for p in parts {
        let text = std::fs::read_to_string(&p).expect("read part");
        for line in text.lines() {
            if let Some(c) = re.captures(line) {
                out.push(
                    c.get(1)
                        .or_else(|| c.get(2))
                        .expect("number")
                        .as_str()
                        .to_string(),
                );
            }
        }
    }
    out
}

#[test]
fn a_split_code_is_one_act_with_every_article_in_order() {
    let (_, index) = index();
    let acts = index.acts().expect("acts");
    let ids: Vec<&str> = acts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, [CODE, CODE], "one act, two expressions: {ids:?}");
    for (lang, folder) in [(Lang::Kk, "kaz"), (Lang::Ru, "rus")] {
        let act = index.act_in(CODE, Some(lang)).expect("expression");
        assert_eq!(act.kind, zanlex::ActKind::Code);
        assert_eq!(act.number(), "350-VI");
        assert_eq!(
            act.date().map(|d| d.to_string()).as_deref(),
            Some("2020-06-29")
        );
        let units = act.all_units();
        let count = |kind: zanlex::UnitKind| units.iter().filter(|u| u.kind == kind).count();
        assert_eq!(count(zanlex::UnitKind::Section), 4, "{lang:?}");
        assert_eq!(count(zanlex::UnitKind::Chapter), 31, "{lang:?}");
        let articles: Vec<String> = units
            .iter()
            .filter(|u| u.kind == zanlex::UnitKind::Article)
            .map(|u| {
                u.eid
                    .rsplit("__")
                    .next()
                    .unwrap_or_default()
                    .trim_start_matches("art_")
                    .to_string()
            })
            .collect();
        // Every article heading of the part files, in the parts' order, and nothing else.
        assert_eq!(articles, article_numbers_in_parts(folder), "{lang:?}");
        assert_eq!(articles.len(), 195, "{lang:?}");
        assert_eq!(articles.first().map(String::as_str), Some("1"));
        assert_eq!(articles.last().map(String::as_str), Some("175"));
        for special in ["15-1", "43-1", "90-1", "90-6", "167-3"] {
            assert!(
                articles.iter().any(|a| a == special),
                "{lang:?}: art {special}"
            );
        }
        // Articles 43-2 to 43-4 are deleted in both languages (the Russian note names no
        // article: `*Сноска. Исключена Законом РК …*`).
        for deleted in ["art_43-2", "art_43-3", "art_43-4"] {
            let u = units
                .iter()
                .find(|u| u.eid.ends_with(deleted))
                .expect(deleted);
            assert_eq!(u.status, zanlex::UnitStatus::Deleted, "{lang:?} {deleted}");
        }
        // The table of parts and the links back to the head are no text.
        for u in &units {
            for bad in ["Части документа", "sec001", "↑"] {
                assert!(!u.text.contains(bad), "{lang:?} {}: {bad}", u.eid);
            }
        }
        assert_eq!(act.source.parts.len(), 4, "{lang:?}");
    }
}

#[test]
fn a_unit_is_cited_in_its_part_file_at_its_own_lines() {
    let (_, index) = index();
    let at = index
        .unit_answer(CODE, "art_57", Some(Lang::Ru), None)
        .expect("art 57");
    assert!(
        at.source.file.ends_with(&format!("{FOLDER}/rus/sec002.md")),
        "{}",
        at.source.file
    );
    let part = std::fs::read_to_string(fixture().join(FOLDER).join("rus/sec002.md")).expect("part");
    let heading_line = part
        .lines()
        .position(|l| l.starts_with("#### Статья 57."))
        .expect("art 57 heading") as u32
        + 1;
    assert_eq!(at.source.line_start, heading_line);
    assert!(
        at.text.starts_with("Статья 57. Компетенция центральных"),
        "{}",
        at.text
    );
}

#[test]
fn a_search_within_the_code_finds_articles_of_every_part() {
    let (_, index) = index();
    let mut parts_met = std::collections::BTreeSet::new();
    for q in [
        "административная процедура",
        "административный иск",
        "суд",
        "жалоба",
    ] {
        let res = index
            .search(&SearchRequest::new(q).act(CODE).limit(100))
            .expect("search");
        for h in res.hits {
            if let Some(part) = h.source.file.rsplit('/').next() {
                parts_met.insert(part.to_string());
            }
        }
    }
    assert_eq!(
        parts_met.into_iter().collect::<Vec<_>>(),
        ["sec001.md", "sec002.md", "sec003.md", "sec004.md"]
    );
}

#[test]
fn changing_one_part_refreshes_the_code_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    crate::common::copy_dir(&fixture(), &corpus);
    crate::common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions/local-astana_134470"),
        &corpus.join("astana"),
    );
    let idx = dir.path().join("index");
    let _ = crate::common::build_clean(&corpus, &idx, &BuildOptions::default());
    let part = corpus.join(FOLDER).join("kaz/sec003.md");
    let text = std::fs::read_to_string(&part).expect("read");
    std::fs::write(
        &part,
        text.replace("Әкімшілік рәсім", "Әкімшілік рәсім жирафозавр"),
    )
    .expect("write");
    let (index, report) =
        ZanIndex::open_or_build(&corpus, &idx, &BuildOptions::default()).expect("refresh");
    assert_eq!(report.updated.len(), 1, "{report:?}");
    assert!(
        report.updated[0].ends_with(&format!("{FOLDER}/kaz.md")),
        "{report:?}"
    );
    assert!(
        report.added.is_empty() && report.removed.is_empty(),
        "{report:?}"
    );
    let hits = index
        .search(&SearchRequest::new("жирафозавр"))
        .expect("search")
        .hits;
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| h.source.file.ends_with("kaz/sec003.md")),
        "{hits:?}"
    );
}

/// A question's rare word counts for more than its common ones: «какой ширины должен быть
/// скотопрогон» finds, among its first ten hits, the grazing Rules' paragraphs on the stock
/// route («ширина скотопрогона»), which the code's many short articles that say «должен быть»
/// pushed off the page when each word counted the same.
#[test]
fn the_rare_word_of_a_question_outweighs_its_common_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    crate::common::copy_dir(&fixture(), &corpus);
    crate::common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "tests/fixtures/mirror/local-almaty-oblast/08-local-decisions/154-almatinskoi-oblasti/\
             15400000-almatinskoi-oblasti/2020/\
             1215-ob-utverzhdenii-pravil-vypasa-selskokhoziaistvennykh-zhivotnykh-150276",
        ),
        &corpus.join("vypas"),
    );
    let (index, _) =
        ZanIndex::open_or_build(&corpus, dir.path().join("index"), &BuildOptions::default())
            .expect("index builds");
    let hits = index
        .search(&SearchRequest::new("какой ширины должен быть скотопрогон").limit(10))
        .expect("search")
        .hits;
    let keys: Vec<String> = hits
        .iter()
        .map(|h| format!("{}#{}", h.act.id, h.unit.eid))
        .collect();
    assert!(
        keys.iter().any(
            |k| k == "maslikhat-decision-2020-12-15-64-340#att_1__para_28"
                || k == "maslikhat-decision-2020-12-15-64-340#att_1__para_29"
        ),
        "{keys:#?}"
    );
}

/// A reference from one part to an article of another («статьей 96 настоящего Кодекса» in
/// article 140, `rus/sec004.md`, to article 96 in `rus/sec003.md`) resolves, and is named in its
/// own part file at that file's line.
#[test]
fn a_reference_across_parts_resolves_and_is_cited_in_its_part() {
    let (_, index) = index();
    let refs = index
        .refs(
            &zanlex::Target::new(CODE, Some("art_140".into())),
            Some(Lang::Ru),
            None,
        )
        .expect("refs");
    let r = refs
        .references
        .iter()
        .find(|r| r.text == "статьей 96 настоящего Кодекса")
        .expect("the reference to article 96");
    let target = r.target.as_ref().expect("resolved");
    assert_eq!((target.act.as_str(), target.eid.as_str()), (CODE, "art_96"));
    assert!(
        r.source.file.ends_with(&format!("{FOLDER}/rus/sec004.md")),
        "{}",
        r.source.file
    );
    let part = std::fs::read_to_string(fixture().join(FOLDER).join("rus/sec004.md")).expect("part");
    let line = part
        .lines()
        .position(|l| l.contains("статьей 96 настоящего Кодекса"))
        .expect("the line") as u32
        + 1;
    assert_eq!(r.source.line_start, line);
}

/// `zanlex units` names each unit of a split code in its part file, at that file's lines.
#[test]
fn units_are_listed_at_their_part_files_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    crate::common::copy_dir(&fixture(), &corpus);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(["units", CODE, "--lang", "ru", "--corpus"])
        .arg(&corpus)
        .arg("--index")
        .arg(dir.path().join("index"))
        .output()
        .expect("run zanlex units");
    let text = String::from_utf8_lossy(&out.stdout);
    let part = std::fs::read_to_string(fixture().join(FOLDER).join("rus/sec002.md")).expect("part");
    let heading = part
        .lines()
        .position(|l| l.starts_with("#### Статья 57."))
        .expect("art 57 heading")
        + 1;
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("art_57 "))
        .expect("art_57 listed");
    assert!(line.contains(&format!("sec002.md:L{heading}-")), "{line}");
}

/// A Roman numeral typed with the Cyrillic `І` (the Government law's Russian text cites a law
/// `№ …-VІI`) is no Kazakh word: the Russian text is Russian only. The split code's Russian
/// text stays Russian and Kazakh: it really quotes «Қазақстан Халық Кеңесі».
#[test]
fn a_roman_numeral_with_a_cyrillic_i_is_no_kazakh_word() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    crate::common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/mirror/codes/01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316"),
        &corpus.join("government"),
    );
    let (gov, _) =
        ZanIndex::open_or_build(&corpus, dir.path().join("index"), &BuildOptions::default())
            .expect("index builds");
    let ru = gov
        .act_in("constitutional-law-1995-12-18-2688", Some(Lang::Ru))
        .expect("Russian text");
    assert_eq!(ru.languages, ["ru"]);
    let (_, index) = index();
    let code = index.act_in(CODE, Some(Lang::Ru)).expect("Russian text");
    assert_eq!(code.languages, ["ru", "kk"]);
}

/// The mirror prints the note on the code's whole text above its title, beside the note that
/// deleted the contents, without «Ескерту.» / «Сноска.» (`*бүкіл мәтін бойынша … деген сөздер
/// … ауыстырылды - ҚР 09.01.2026 № 256-VIII (…) заңымен.*`). It is an event on the whole act
/// in both languages, taking effect six months after publication (estimated from the signing
/// date: the corpus has no publication date), and the text of no unit.
#[test]
fn the_note_on_the_whole_text_above_the_title_is_the_acts() {
    let (_, index) = index();
    for lang in [Lang::Kk, Lang::Ru] {
        let act = index.act_in(CODE, Some(lang)).expect("the code");
        let whole: Vec<_> = act
            .amendments
            .iter()
            .filter(|a| a.target_eid.is_empty())
            .map(|a| {
                (
                    a.action,
                    a.by.date.map(|d| d.to_string()),
                    a.by.number.clone(),
                    a.rule.clone(),
                    a.effective
                        .as_ref()
                        .map(|e| (e.date.to_string(), e.estimated)),
                    a.span.line_start,
                )
            })
            .collect();
        assert_eq!(
            whole,
            [(
                zanlex::AmendAction::Changed,
                Some("2026-01-09".to_string()),
                Some("256-VIII".to_string()),
                zanlex::EffectiveRule::MonthsAfterPublication { months: 6 },
                Some(("2026-07-09".to_string(), true)),
                5
            )],
            "{lang}"
        );
        let printed = |u: &zanlex::Unit| {
            u.walk()
                .into_iter()
                .any(|u| u.text.contains("256-VIII") && u.text.contains("цифр"))
        };
        assert!(!act.units.iter().any(printed), "{lang}: not a unit's text");
    }
}

/// A note that records three amending acts (`107-бапқа өзгерістер енгізілді - … № 136-VIII …;
/// … № 241-VIII …; … № 325-VIII … заңдарымен`) is printed once by `show`, whatever the date:
/// on a date before the last act took effect the note is the amendment, and that act alone is
/// named as a later change, from its estimated date; on a date before all three, the note is
/// a later change.
#[test]
fn a_note_of_several_amending_acts_is_shown_once_with_the_later_ones_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    crate::common::copy_dir(&fixture(), &corpus);
    let show = |date: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_zanlex"))
            .args([
                "show",
                &format!("{CODE}#art_107"),
                "--as-of",
                date,
                "--corpus",
            ])
            .arg(&corpus)
            .arg("--index")
            .arg(dir.path().join("index"))
            .output()
            .expect("run zanlex show");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let notes = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.contains("107-бапқа өзгерістер енгізілді"))
            .map(|l| l.split(':').next().unwrap_or("").to_string())
            .collect()
    };
    let between = show("2026-07-20");
    assert_eq!(notes(&between), ["Amended"], "{between}");
    let later: Vec<&str> = between
        .lines()
        .filter(|l| l.starts_with("  Changed later by"))
        .collect();
    assert_eq!(
        later,
        ["  Changed later by ҚР 24.06.2026 № 325-VIII Заңы from ~2026-08-23"],
        "{between}"
    );
    let before = show("2025-01-01");
    assert_eq!(notes(&before), ["Changed later"], "{before}");
    assert!(!before.contains("  Changed later by"), "{before}");
    let today = show("2026-11-25");
    assert_eq!(notes(&today), ["Amended"], "{today}");
    assert!(!today.contains("Changed later"), "{today}");
}

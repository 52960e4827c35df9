//! The short names of the codes in each language (`data/code_short_names.tsv`, compiled in):
//! what a citation of a code's provision names the code by (`ст. 4 АППК РК`, `ҚР ӘРПК
//! 4-бабы`).

use crate::model::{Act, Lang};
use std::sync::OnceLock;

/// The table as written, one code a row.
const TABLE: &str = include_str!("../../../data/code_short_names.tsv");

/// One code's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodeName {
    /// The database's id of the code (`meta.yaml`'s `act_code`), when known.
    pub(crate) act_code: Option<String>,
    /// Its titles, compared as [`title_key`] writes them.
    pub(crate) titles: [String; 2],
    /// Its official title in Kazakh, as the table writes it.
    pub(crate) title_kk: String,
    /// Its official title in Russian, as the table writes it.
    pub(crate) title_ru: String,
    /// `ҚР ӘРПК`.
    pub(crate) kk: String,
    /// `АППК РК`.
    pub(crate) ru: String,
}

impl CodeName {
    /// The short name in `lang`.
    pub(crate) fn in_lang(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
        }
    }
}

/// A title as titles are compared: lowercased, without the words in parentheses (`(Общая
/// часть)`) and punctuation, blanks collapsed.
fn title_key(title: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in title.chars().flat_map(char::to_lowercase) {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The table's rows; a row without its six columns is no row (the table's own test checks
/// none is left out so).
fn rows() -> &'static [CodeName] {
    static ROWS: OnceLock<Vec<CodeName>> = OnceLock::new();
    ROWS.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
                let [code, kk_title, ru_title, kk, ru, source] = cols.as_slice() else {
                    return None;
                };
                if kk.is_empty() || ru.is_empty() || source.is_empty() {
                    return None;
                }
                Some(CodeName {
                    act_code: (!code.is_empty()).then(|| code.to_string()),
                    titles: [title_key(kk_title), title_key(ru_title)],
                    title_kk: kk_title.to_string(),
                    title_ru: ru_title.to_string(),
                    kk: kk.to_string(),
                    ru: ru.to_string(),
                })
            })
            .collect()
    })
}

/// The short names of `act` when it is a code the table lists: by its database id, else by
/// its title in either language.
pub(crate) fn of_act(act: &Act) -> Option<&'static CodeName> {
    if act.kind != crate::model::ActKind::Code {
        return None;
    }
    if let Some(code) = act.code.as_deref() {
        if let Some(row) = rows().iter().find(|r| r.act_code.as_deref() == Some(code)) {
            return Some(row);
        }
    }
    let key = title_key(&act.title);
    rows().iter().find(|r| r.titles.contains(&key))
}

/// The words of a code's title or name that say which code it is: lowercased, split at blanks
/// and hyphens, without the state's name and the word `кодекс` (`Қазақстан Республикасының
/// Әкімшілік рәсімдік-процестік кодексі` → `әкімшілік`, `рәсімдік`, `процестік`).
fn core_words(title: &str) -> Vec<String> {
    title_key(&title.replace('-', " "))
        .split(' ')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !(w.starts_with("кодек")
                || w.starts_with("қазақстан")
                || w.starts_with("республик")
                || w.starts_with("казахстан")
                || *w == "рк"
                || *w == "қр")
        })
        .map(str::to_string)
        .collect()
}

/// Whether a word printed in a reference (`Трудового`, `Еңбек`) is a form of a title's word
/// (`трудовой`, `еңбек`): it and the title's word start alike, all but their last three
/// letters (at least four).
fn word_of(printed: &str, title_word: &str) -> bool {
    let n = printed.chars().count();
    let keep = n.saturating_sub(3).max(4).min(n);
    let stem: String = printed.chars().take(keep).collect();
    title_word.starts_with(&stem)
}

/// The official titles, in Kazakh and in Russian, of the code a reference names by its name
/// or its title in `lang` (`Еңбек` of `Еңбек кодексіне`, `Об административных
/// правонарушениях`), when the table lists exactly one code whose title says the same words
/// and names it `Қазақстан Республикасының … кодексі` / `… кодекс Республики Казахстан`; `None`
/// otherwise (nothing is made up: a code the table lacks stays as the text names it).
pub(crate) fn titles_of_named(words: &str, lang: Lang) -> Option<(&'static str, &'static str)> {
    let printed = core_words(words);
    if printed.is_empty() {
        return None;
    }
    let mut hits = rows().iter().filter(|r| {
        let [kk, ru] = [&r.title_kk, &r.title_ru];
        let official = kk.starts_with("Қазақстан Республикасының ")
            && kk.to_lowercase().ends_with("кодексі")
            && ru.contains("Республики Казахстан");
        let title = match lang {
            Lang::Kk => kk,
            Lang::Ru => ru,
        };
        let core = core_words(title);
        official
            && core.len() == printed.len()
            && printed.iter().zip(&core).all(|(p, t)| word_of(p, t))
    });
    let hit = hits.next()?;
    hits.next()
        .is_none()
        .then_some((hit.title_kk.as_str(), hit.title_ru.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_is_read() {
        let written = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count()
            - 1;
        assert_eq!(rows().len(), written);
        assert!(rows().len() >= 8);
        for r in rows() {
            assert!(r.kk.starts_with("ҚР "), "{r:?}");
            assert!(r.ru.ends_with(" РК"), "{r:?}");
        }
    }

    /// A code a reference names by its name or its title alone, in either language, is the
    /// table's code when exactly one code has those words; else none.
    #[test]
    fn a_code_named_by_its_name_or_title_is_the_tables_code() {
        let apk = (
            "Қазақстан Республикасының Әкімшілік құқық бұзушылық туралы кодексі",
            "Кодекс Республики Казахстан об административных правонарушениях",
        );
        let labour = (
            "Қазақстан Республикасының Еңбек кодексі",
            "Трудовой кодекс Республики Казахстан",
        );
        for (words, lang, want) in [
            // The Almaty oblast maslikhat's decision of 27.03.2015 № 43-249, in each language.
            ("Әкімшілік құқық бұзушылық туралы", Lang::Kk, Some(apk)),
            ("Об административных правонарушениях", Lang::Ru, Some(apk)),
            // «Еңбек Кодексіне», «Трудового кодекса».
            ("Еңбек", Lang::Kk, Some(labour)),
            ("Трудового", Lang::Ru, Some(labour)),
            ("Қазақстан Республикасының Еңбек", Lang::Kk, Some(labour)),
            (
                "Әкімшілік рәсімдік-процестік",
                Lang::Kk,
                Some((
                    "Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексі",
                    "Административный процедурно-процессуальный кодекс Республики Казахстан",
                )),
            ),
            // The Criminal Code, not the Code of Criminal Procedure.
            (
                "Қылмыстық",
                Lang::Kk,
                Some((
                    "Қазақстан Республикасының Қылмыстық кодексі",
                    "Уголовный кодекс Республики Казахстан",
                )),
            ),
            // A code the table lacks, a name said loosely, and the Tax Code, whose table title
            // is the 2017 code's own (`(Салық кодексі)`), not a name in official form.
            ("Жер", Lang::Kk, None),
            ("Әкімшілік құқық бұзу", Lang::Kk, None),
            ("Салық", Lang::Kk, None),
        ] {
            assert_eq!(titles_of_named(words, lang), want, "{words}");
        }
    }

    #[test]
    fn titles_are_compared_without_case_parts_or_punctuation() {
        assert_eq!(
            title_key("ГРАЖДАНСКИЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН (Общая часть)"),
            "гражданский кодекс республики казахстан"
        );
    }
}

#[cfg(test)]
mod citation_tests {
    use crate::ingest::ingest_corpus;
    use crate::model::citation::citation;
    use crate::{Act, ActKind, Lang, Unit, UnitKind};
    use std::path::PathBuf;

    /// The citation of unit `eid` of `act`, as every door gets it.
    fn cite(act: &Act, eid: &str) -> String {
        let mut path: Vec<&Unit> = Vec::new();
        fn find<'a>(units: &'a [Unit], eid: &str, path: &mut Vec<&'a Unit>) -> bool {
            for u in units {
                path.push(u);
                if u.eid == eid || find(&u.children, eid, path) {
                    return true;
                }
                path.pop();
            }
            false
        }
        assert!(find(&act.units, eid, &mut path), "{} has no {eid}", act.id);
        citation(act, &path)
    }

    /// The Administrative Procedural Code as the mirror splits it, in both languages: its
    /// articles cited by the table's short names, its sections left out.
    #[test]
    fn the_administrative_procedural_code_is_cited_in_short_form() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/split");
        let report = ingest_corpus(&root);
        let act = |lang: Lang| {
            report
                .acts
                .iter()
                .find(|a| a.id == "code-2020-06-29-350-vi" && a.lang == lang)
                .expect("the code in this language")
        };
        let (kk, ru) = (act(Lang::Kk), act(Lang::Ru));
        assert_eq!(cite(kk, "art_4"), "ҚР ӘРПК 4-бабы");
        assert_eq!(cite(ru, "art_4"), "ст. 4 АППК РК");
        assert_eq!(cite(kk, "art_4__para_2"), "ҚР ӘРПК 4-бабының 2-тармағы");
        assert_eq!(cite(ru, "art_4__para_2"), "п. 2 ст. 4 АППК РК");
    }

    /// A code the table lists by its title only (no database id): named by its title in
    /// either language, the words in parentheses (`Общая часть`) aside.
    fn code(title: &str, lang: Lang) -> Act {
        let mut act = Act {
            id: "code".into(),
            title: title.into(),
            kind: ActKind::Code,
            issuances: vec![],
            registration: None,
            status: crate::Status::InForce,
            languages: vec![],
            lang,
            code: None,
            source: crate::Source::new("code.md", crate::SourceFormat::Markdown),
            official_url: None,
            publication_date: None,
            version_date: None,
            version_dated_by: Default::default(),
            units: vec![],
            amendments: vec![],
            instructions: vec![],
            commencement: None,
            versions: vec![],
            unparsed_notes: vec![],
            target_fallbacks: vec![],
            references: vec![],
            later_changes: vec![],
            unit_times: vec![],
        };
        let mut art = Unit::new("art_462", UnitKind::Article, Some("462".into()));
        let mut para = Unit::new("art_462__para_1", UnitKind::Paragraph, Some("1".into()));
        para.children.push(Unit::new(
            "art_462__para_1__subpara_3",
            UnitKind::Subparagraph,
            Some("3".into()),
        ));
        art.children.push(para);
        let mut sec = Unit::new("sec_3", UnitKind::Section, Some("3".into()));
        sec.children.push(art);
        act.units.push(sec);
        act
    }

    #[test]
    fn codes_listed_by_title_are_cited_in_short_form_in_both_languages() {
        for (kk_title, ru_title, eid, kk, ru) in [
            (
                "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ӘКІМШІЛІК ҚҰҚЫҚ БҰЗУШЫЛЫҚ ТУРАЛЫ КОДЕКСІ",
                "КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ",
                "art_462",
                "ҚР ӘҚБтК 462-бабы",
                "ст. 462 КоАП РК",
            ),
            (
                "Қазақстан Республикасының Азаматтық кодексі (Жалпы бөлім)",
                "Гражданский кодекс Республики Казахстан (Общая часть)",
                "art_462__para_1",
                "ҚР АК 462-бабының 1-тармағы",
                "п. 1 ст. 462 ГК РК",
            ),
            (
                "Салық және бюджетке төленетін басқа да міндетті төлемдер туралы (Салық кодексі)",
                "О налогах и других обязательных платежах в бюджет (Налоговый кодекс)",
                "art_462__para_1__subpara_3",
                "ҚР СК 462-бабының 1-тармағының 3) тармақшасы",
                "пп. 3) п. 1 ст. 462 НК РК",
            ),
        ] {
            assert_eq!(cite(&code(kk_title, Lang::Kk), eid), kk);
            assert_eq!(cite(&code(ru_title, Lang::Ru), eid), ru);
        }
        // A section of a code is named as itself.
        assert_eq!(
            cite(
                &code(
                    "Гражданский кодекс Республики Казахстан (Общая часть)",
                    Lang::Ru
                ),
                "sec_3"
            ),
            "разд. 3 ГК РК"
        );
        // A code the table does not list, and an act that is not a code, keep the long form.
        let other = code("Қазақстан Республикасының Су кодексі", Lang::Kk);
        assert_eq!(
            cite(&other, "art_462"),
            "Қазақстан Республикасының Су кодексі · 3-бөлім 462-бап"
        );
        let mut law = code("Гражданский кодекс Республики Казахстан", Lang::Ru);
        law.kind = ActKind::Law;
        assert!(!cite(&law, "art_462").contains("ГК РК"));
    }
}

//! An act's requisites from its metadata (the mirror's `meta.yaml`, a sidecar, the front
//! matter): its form (`form`, `type_codes`), its issuers (`approved_by`), its date and number
//! and registration (the database's `requisite` line, `approved_on`), read with the table of
//! [`crate::model::citation::codes`]. Where the metadata exists it speaks for the act; the
//! text's header fills only what it leaves out, and nothing is guessed.
//!
//! `requisite` is Russian in the mirror (`Приказ Начальника Канцелярии Президента Республики
//! Казахстан от 7 октября 2019 года № 19-42-3.3.17. Зарегистрирован …`), Kazakh in some front
//! matters (`Қазақстан Республикасының 1995 жылғы 18 желтоқсандағы N 2688 Конституциялық
//! заңы`), or short (`Решение №45-264 от 20.05.2015, Маслихат Алматинской области`).

use crate::extract::CleanLine;
use crate::model::citation::codes::{self, Issuer};
use crate::model::{ActKind, Issuance, Lang, Registration};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// What an act's metadata says of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct MetaFacts {
    /// The kind its form code names (or its requisite's kind word).
    pub kind: Option<ActKind>,
    /// One per issuing body, in the requisite's order.
    pub issuances: Vec<Issuance>,
    /// The justice registration the requisite states.
    pub registration: Option<Registration>,
}

/// `Приказ Министра … от 4 января 2018 года № 11-1-4/1`, `… и Министра … от 1 сентября 2020
/// года № 611`: one issuing body's words, its date and its number.
static RE_RU_ISSUANCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<who>[^;№]*?)\s*\bот\s+(?P<date>[0-9]{1,2}\s+\S+\s+[0-9]{4})\s*(?:года|г\.)?\s*(?:№|N)\s*(?P<n>[0-9][^\s,;]*?(?:\s+ЗРК)?)\.?(?:\s|,|;|$)",
    )
    .expect("valid regex")
});

/// Where the kind words a Russian requisite opens with end (`Приказ`, `Постановление`, with
/// the word before that names the kind with it: `Совместный приказ`, `Нормативное
/// постановление`, `Конституционный закон`), the blanks after them included: by the one table
/// of kind words. `None` when `who` opens with none.
fn kind_words_end(who: &str) -> Option<usize> {
    use crate::model::citation::codes::{kind_word, KindWord};
    // The lowercase word at `from` (blanks before it passed over) and where it ends.
    let word_at = |from: usize| -> (String, usize) {
        let start = from + (who[from..].len() - who[from..].trim_start().len());
        let end = who[start..]
            .find(char::is_whitespace)
            .map_or(who.len(), |e| start + e);
        (crate::text::lowercase(&who[start..end]), end)
    };
    let after_blanks = |at: usize| who.len() - who[at..].trim_start().len();
    let (first, end) = word_at(0);
    match kind_word(crate::Lang::Ru, &first)? {
        KindWord::Kind(_) => Some(after_blanks(end)),
        KindWord::Modifier(_) => {
            let (second, end) = word_at(end);
            match kind_word(crate::Lang::Ru, &second)? {
                KindWord::Kind(_) => Some(after_blanks(end)),
                _ => None,
            }
        }
        KindWord::Constitution => None,
    }
}

/// A Russian requisite's issuer words without the kind word they open with (`Приказ
/// Начальника Канцелярии …` → `Начальника Канцелярии …`; `Конституционный закон Республики
/// Казахстан` → ``: a law names no issuer).
pub(crate) fn issuer_without_kind(who: &str) -> &str {
    let who = who.trim();
    let who = kind_words_end(who).map_or(who, |end| who[end..].trim());
    let who = who
        .strip_prefix("и ")
        .unwrap_or(who)
        .trim()
        .trim_end_matches(',');
    if who == "Республики Казахстан" {
        ""
    } else {
        who
    }
}

/// The form a Russian kind word names (`Приказ` → order, `Конституционный закон` →
/// constitutional law, `Совместный приказ` → joint order).
fn kind_of_ru(word: &str) -> Option<ActKind> {
    crate::model::citation::codes::kind_named(crate::Lang::Ru, word)
}

/// The part of a requisite line that names the act itself: up to its registration or repeal.
fn own_part(requisite: &str) -> &str {
    let end = [
        "Зарегистрирован",
        "Утратил",
        "Утратило",
        "Утратила",
        "Күші жойылды",
        "Әділет министрлігінде",
    ]
    .iter()
    .filter_map(|m| requisite.find(m))
    .min()
    .unwrap_or(requisite.len());
    &requisite[..end]
}

/// The issuances and kind of a Russian requisite in the long form: `Приказ Начальника
/// Канцелярии Президента Республики Казахстан от 7 октября 2019 года № 19-42-3.3.17`,
/// `Совместный приказ Министра … от … № 11-1-4/245 и Министра … от … № 611`. The issuer is the
/// printed words without the kind word (empty for a law: `Республики Казахстан`).
fn russian_issuances(requisite: &str) -> (Option<ActKind>, Vec<Issuance>) {
    let own = own_part(requisite);
    let mut kind = None;
    let mut out = Vec::new();
    for c in RE_RU_ISSUANCE.captures_iter(own) {
        let mut who = c["who"].trim().trim_start_matches(',').trim();
        if let Some(end) = kind_words_end(who) {
            if out.is_empty() {
                kind = kind_of_ru(&who[..end]);
            }
            who = who[end..].trim();
        }
        let who = who
            .strip_prefix("и ")
            .unwrap_or(who)
            .trim()
            .trim_end_matches(',');
        let who = if who == "Республики Казахстан" {
            ""
        } else {
            who
        };
        out.push(Issuance {
            issuer: who.to_string(),
            issuer_code: super::issuer_code(who),
            date: crate::text::parse_date(&format!("{} года", &c["date"])),
            number: Some(super::header::normalize_number(&c["n"])),
            issuer_translated: None,
        });
    }
    // An act that has no number, as Parliament's and the Supreme Council's resolutions of the
    // 1990s print it (`Постановление Парламента Республики Казахстан от 20 мая 1996 года`):
    // its issuer and date, the whole requisite and nothing after the date.
    if out.is_empty() {
        if let Some(c) = RE_RU_UNNUMBERED.captures(own.trim()) {
            let who = c["who"].trim();
            let who = match kind_words_end(who) {
                Some(end) => {
                    kind = kind_of_ru(&who[..end]);
                    who[end..].trim()
                }
                None => who,
            };
            out.push(Issuance {
                issuer: who.to_string(),
                issuer_code: super::issuer_code(who),
                date: crate::text::parse_date(&format!("{} года", &c["date"])),
                number: None,
                issuer_translated: None,
            });
        }
    }
    (kind, out)
}

/// A requisite of an act without a number: issuer and date, and nothing after the date.
static RE_RU_UNNUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<who>[^;№]+?)\s+от\s+(?P<date>[0-9]{1,2}\s+\S+\s+[0-9]{4})\s*(?:года|г\.)?\s*\.?$",
    )
    .expect("valid regex")
});

/// The issuances a requisite line states, whatever its shape, with the kind its words name.
fn requisite_issuances(requisite: &str) -> (Option<ActKind>, Vec<Issuance>) {
    if requisite.contains("жылғы") {
        let facts = super::header::parse_issuance(requisite);
        if !facts.issuances.is_empty() {
            return (facts.kind, facts.issuances);
        }
    }
    let (kind, found) = russian_issuances(requisite);
    if !found.is_empty() {
        return (kind, found);
    }
    match super::header::short_requisite_issuance(requisite) {
        Some(mut i) => {
            // `Маслихат Алматинской области` names the body; a citation needs its genitive.
            for (nom, gen) in [
                ("Маслихат ", "маслихата "),
                ("Акимат ", "акимата "),
                ("Аким ", "акима "),
            ] {
                if let Some(rest) = i.issuer.strip_prefix(nom) {
                    i.issuer = format!("{gen}{rest}");
                }
            }
            let kind = kind_words_end(requisite).and_then(|end| kind_of_ru(&requisite[..end]));
            (kind, vec![i])
        }
        None => (None, Vec::new()),
    }
}

/// The form a metadata map names: `form`, else the first of `type_codes` that is a form
/// (`[ПРАВ, ПРИК]`: Rules approved by an order).
fn form_kind(meta: &BTreeMap<String, String>) -> Option<ActKind> {
    if let Some(f) = meta.get("form").and_then(|f| codes::form_of_code(f)) {
        return Some(f.kind);
    }
    meta.get("type_codes")?
        .split(';')
        .find_map(codes::form_of_code)
        .map(|f| f.kind)
}

/// The words of an issuer row in `lang`.
fn row_words(row: &Issuer, lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => row.kk,
        Lang::Ru => row.ru,
    }
}

/// What the metadata says of the act's kind, issuers, date, number and registration, for its
/// expression in `lang`; `None` when the metadata has none of `form`, `type_codes`,
/// `approved_by`, `requisite`.
///
/// Each issuance's issuer code is the one its printed words name (`Начальника Канцелярии
/// Президента` → `president-office`), else the one `approved_by` names (`101000000000` → the
/// President: a constitutional law of 1995 issued by the President is not Parliament's), else
/// `other`. Its printed issuer stays as printed when the requisite is in `lang`; otherwise it
/// is the table's words for the issuer in `lang`, when the table has the issuer.
pub(crate) fn meta_facts(meta: &BTreeMap<String, String>, lang: Lang) -> Option<MetaFacts> {
    let get = |k: &str| {
        meta.get(k)
            .map(|v| v.trim().trim_matches(['\'', '"']).trim().to_string())
            .filter(|v| !v.is_empty())
    };
    // A note on the act's suspension by another act names that act, not this one's issuance.
    let requisite =
        get("requisite").map(|r| super::header::without_suspension_note(&r).into_owned());
    let approved: Vec<String> = get("approved_by")
        .map(|v| {
            v.split(';')
                .map(|c| c.trim().trim_matches(['\'', '"']).to_string())
                .filter(|c| !c.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let form = form_kind(meta);
    if requisite.is_none() && approved.is_empty() && form.is_none() {
        return None;
    }
    let (said_kind, mut issuances) = requisite
        .as_deref()
        .map(requisite_issuances)
        .unwrap_or((None, Vec::new()));
    let requisite_lang = requisite.as_deref().map(|r| {
        if r.chars().any(crate::extract::is_kazakh_letter) {
            Lang::Kk
        } else {
            Lang::Ru
        }
    });
    // The requisite names no issuer (a law's): `approved_by` does.
    if issuances.is_empty() && !approved.is_empty() {
        issuances.push(Issuance {
            issuer: String::new(),
            issuer_code: "other".into(),
            date: None,
            number: None,
            issuer_translated: None,
        });
    }
    let approved_on = get("approved_on")
        .or_else(|| get("approval_date"))
        .and_then(|d| crate::text::parse_date(&d));
    for (k, i) in issuances.iter_mut().enumerate() {
        let printed = codes::issuer_of_words(&i.issuer);
        let listed = approved.get(k).and_then(|c| codes::issuer_of_db_code(c));
        let row = printed.or(listed);
        i.issuer_code = row.map_or_else(|| "other".to_string(), |r| r.slug.to_string());
        if requisite_lang != Some(lang) || i.issuer.is_empty() {
            // The requisite's words are the other language's: kept for a citation in it.
            if !i.issuer.is_empty() {
                i.issuer_translated = Some(i.issuer.clone());
            }
            if let Some(r) = row {
                i.issuer = row_words(r, lang).to_string();
            }
        }
        if k == 0 && i.date.is_none() {
            i.date = approved_on;
        }
    }
    let mut kind = form.or(said_kind);
    if kind == Some(ActKind::Order) && issuances.len() > 1 {
        kind = Some(ActKind::JointOrder);
    }
    let registration = requisite.as_deref().and_then(|r| {
        super::header::registration_in_requisite(r)
            .or_else(|| super::header::parse_issuance(r).registration)
    });
    Some(MetaFacts {
        kind,
        issuances,
        registration,
    })
}

/// The words before `мәслихаты`, `әкімдігі`, `әкімі` that name a local body's place, taken
/// backwards: capitalised words and the place words between them.
const PLACE_WORDS: [&str; 12] = [
    "облыстық",
    "облысының",
    "облысы",
    "қалалық",
    "қаласының",
    "қаласы",
    "аудандық",
    "ауданының",
    "ауданы",
    "ауылдық",
    "кенттік",
    "селолық",
];

/// The Kazakh name of the local body that adopted the act, in the genitive a citation uses
/// (`Алматы облыстық мәслихатының`, `Нұр-Сұлтан қаласы мәслихатының`), from the sentence of
/// its text that adopts it (`… сәйкес Алматы облыстық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:`,
/// `Нұр-Сұлтан қаласының мәслихаты ШЕШІМ ҚАБЫЛДАДЫ`); `body` is `мәслихаты`, `әкімдігі` or
/// `әкімі`. Only the text's first lines are read.
pub(crate) fn local_body_in_text(lines: &[CleanLine], body: &str) -> Option<String> {
    let genitive = match body {
        "мәслихаты" => "мәслихатының",
        "әкімдігі" => "әкімдігінің",
        "әкімі" => "әкімінің",
        _ => return None,
    };
    for l in lines.iter().take(60) {
        let t = crate::text::normalize_i(&l.text);
        let upper_follows = |rest: &str| {
            let r = rest.trim_start();
            r.starts_with("ШЕШІМ") || r.starts_with("ҚАУЛЫ") || r.starts_with("ШЕШТІ")
        };
        let Some(at) = t
            .match_indices(body)
            .find(|(at, _)| upper_follows(&t[at + body.len()..]))
            .map(|(at, _)| at)
        else {
            continue;
        };
        let before: Vec<&str> = t[..at].split_whitespace().collect();
        let mut taken: Vec<String> = Vec::new();
        for w in before.iter().rev() {
            let w = w.trim_matches(|c: char| c == ',' || c == '«' || c == '»');
            let place = PLACE_WORDS.contains(&w);
            let name = w.chars().next().is_some_and(char::is_uppercase);
            if !(place || name) || w.is_empty() {
                break;
            }
            taken.push(w.to_string());
        }
        if taken.is_empty() {
            continue;
        }
        taken.reverse();
        // `Нұр-Сұлтан қаласының мәслихаты` → `Нұр-Сұлтан қаласы мәслихатының`.
        if let Some(last) = taken.last_mut() {
            for (gen, nom) in [
                ("облысының", "облысы"),
                ("қаласының", "қаласы"),
                ("ауданының", "ауданы"),
            ] {
                if last == gen {
                    *last = nom.to_string();
                }
            }
        }
        return Some(format!("{} {genitive}", taken.join(" ")));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// The 1995 constitutional law issued by the President is the President's, not
    /// Parliament's; its requisite names no issuer.
    #[test]
    fn a_constitutional_law_of_the_president() {
        let m = meta(&[
            (
                "requisite",
                "Конституционный закон Республики Казахстан от 18 декабря 1995 года № 2688",
            ),
            ("form", "КЗАК"),
            ("approved_by", "101000000000"),
        ]);
        let f = meta_facts(&m, Lang::Ru).expect("facts");
        assert_eq!(f.kind, Some(ActKind::ConstitutionalLaw));
        assert_eq!(f.issuances.len(), 1);
        assert_eq!(f.issuances[0].issuer_code, "president");
        assert_eq!(f.issuances[0].number.as_deref(), Some("2688"));
        assert_eq!(
            f.issuances[0].date,
            chrono::NaiveDate::from_ymd_opt(1995, 12, 18)
        );
        let kk = meta_facts(&m, Lang::Kk).expect("facts");
        assert_eq!(kk.issuances[0].issuer, "ҚР Президентінің");
    }

    /// A requisite opening with a note on the act's suspension by another order (16296) names
    /// the act's own issuance after it: the order of 03.07.2003 № 133, not a joint order with
    /// the suspending one.
    #[test]
    fn a_suspension_note_is_no_issuance() {
        let m = meta(&[
            ("requisite", "Сноска. Действие приказа приостановлено - приказом Министра юстиции Республики Казахстан от 16 октября 2003 года N 218. Приказ Министра юстиции Республики Казахстан от 3 июля 2003 года N 133. Зарегистрирован в Министерстве юстиции Республики Казахстан 17 июля 2003 года N 2406. Утратил силу приказом Министра юстиции Республики Казахстан от 25 сентября 2006 года N 256"),
            ("form", "ПРИК"),
            ("approved_by", "103001000000"),
        ]);
        let f = meta_facts(&m, Lang::Ru).expect("facts");
        assert_eq!(f.kind, Some(ActKind::Order));
        assert_eq!(f.issuances.len(), 1);
        assert_eq!(f.issuances[0].number.as_deref(), Some("133"));
        assert_eq!(
            f.issuances[0].date,
            chrono::NaiveDate::from_ymd_opt(2003, 7, 3)
        );
    }

    /// An order of the Head of the Presidential Office is the Office's, though `approved_by`
    /// names the Administration; a joint order has two issuances; a code's `ЗРК` is no part
    /// of its number.
    #[test]
    fn printed_issuers_and_joint_orders() {
        let m = meta(&[
            ("requisite", "Приказ Начальника Канцелярии Президента Республики Казахстан от 7 октября 2019 года № 19-42-3.3.17. Зарегистрирован в Министерстве юстиции Республики Казахстан 21 октября 2019 года № 19491"),
            ("form", "ПРИК"),
            ("approved_by", "101001000000"),
        ]);
        let f = meta_facts(&m, Lang::Ru).expect("facts");
        assert_eq!(f.issuances[0].issuer_code, "president-office");
        assert_eq!(
            f.issuances[0].issuer,
            "Начальника Канцелярии Президента Республики Казахстан"
        );
        assert_eq!(f.issuances[0].number.as_deref(), Some("19-42-3.3.17"));
        assert_eq!(f.registration.map(|r| r.number).as_deref(), Some("19491"));
        let joint = meta(&[("requisite", "Совместный приказ Министра иностранных дел Республики Казахстан от 1 сентября 2020 года № 11-1-4/245 и Министра внутренних дел Республики Казахстан от 1 сентября 2020 года № 611")]);
        let f = meta_facts(&joint, Lang::Ru).expect("facts");
        assert_eq!(f.kind, Some(ActKind::JointOrder));
        let codes: Vec<&str> = f.issuances.iter().map(|i| i.issuer_code.as_str()).collect();
        assert_eq!(codes, ["mfa", "mvd"]);
        let code = meta(&[(
            "requisite",
            "Кодекс Республики Казахстан от 29 июня 2020 года № 350-VI ЗРК",
        )]);
        let f = meta_facts(&code, Lang::Ru).expect("facts");
        assert_eq!(f.kind, Some(ActKind::Code));
        assert_eq!(f.issuances[0].number.as_deref(), Some("350-VI"));
    }

    /// A local body's name is read from the sentence that adopts the act.
    #[test]
    fn local_bodies_from_the_adopting_sentence() {
        let line = |t: &str| CleanLine {
            text: t.into(),
            indent: 6,
            span: Default::default(),
            origins: Default::default(),
            table: None,
        };
        for (text, want) in [
            (
                "… сәйкес Алматы облыстық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:",
                "Алматы облыстық мәслихатының",
            ),
            (
                "негізінде, Алматы облыстық мәслихаты ШЕШIМ ҚАБЫЛДАДЫ:",
                "Алматы облыстық мәслихатының",
            ),
            (
                "сәйкес Нұр-Сұлтан қаласының мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:",
                "Нұр-Сұлтан қаласы мәслихатының",
            ),
        ] {
            assert_eq!(
                local_body_in_text(&[line(text)], "мәслихаты").as_deref(),
                Some(want),
                "{text}"
            );
        }
        assert_eq!(
            local_body_in_text(&[line("мәслихаты туралы")], "мәслихаты"),
            None
        );
    }
}

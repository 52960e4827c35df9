//! Pinpoint citations: `ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар
//! · 3-тармақ 2) тармақша`.
//!
//! A citation names the act in official form, as the database's own notes cite acts (issuer,
//! date, number, kind; laws and codes without their issuer: `ҚР 18.12.1995 № 2688
//! Конституциялық Заңы`), with the words of [`codes`] for the act's form and issuer; then the
//! attachment (approved Rules, a Regulation, …), then the unit's numbers from its paragraph
//! down. Chapters are left out: paragraphs are numbered through the whole text. A Russian
//! expression is cited in Russian: `Приказ Министра иностранных дел РК от 04.01.2018 №
//! 11-1-4/1 · Правила · пункт 3 подпункт 2)`.

use crate::model::{Act, ActKind, ActRef, Issuance, Lang, Unit, UnitKind};
use chrono::NaiveDate;

pub(crate) mod code_names;
pub mod codes;
pub mod numbers;
pub mod phrase;
pub(crate) mod regions;

/// One issuing body's part of a citation: who, when, which number.
struct Part<'a> {
    issuer: &'a str,
    /// The issuer in the other language, when the act's metadata gives it.
    translated: Option<&'a str>,
    issuer_code: &'a str,
    date: Option<NaiveDate>,
    number: Option<&'a str>,
}

impl<'a> From<&'a Issuance> for Part<'a> {
    fn from(i: &'a Issuance) -> Self {
        Part {
            issuer: &i.issuer,
            translated: i.issuer_translated.as_deref(),
            issuer_code: &i.issuer_code,
            date: i.date,
            number: i.number.as_deref(),
        }
    }
}

/// Whether `s` is Kazakh: it has a letter only Kazakh has (`ә і ң ғ ү ұ қ ө һ`).
fn is_kazakh(s: &str) -> bool {
    s.chars().any(|c| "әӘғҒқҚңҢөӨұҰүҮһҺіІ".contains(c))
}

/// Whether a Kazakh phrase ends in the genitive a citation needs (`министрінің`,
/// `мәслихатының`, `… министрінің м.а.`), not in the nominative (`министрі`).
fn kazakh_genitive(p: &str) -> bool {
    let p = p.trim_end_matches(" м.а.").trim_end_matches('.');
    let last = p.rsplit(' ').next().unwrap_or(p);
    ["ның", "нің", "дың", "дің", "тың", "тің", "ының", "інің"]
        .iter()
        .any(|e| last.ends_with(e))
}

/// A printed issuer phrase in the language of a citation, shortened as citations shorten it
/// (`Қазақстан Республикасы Сыртқы істер министрінің` → `ҚР Сыртқы істер министрінің`,
/// `маслихата Алматинской области` as it is, `… Республики Казахстан` → `… РК`); `None` when
/// the phrase is in the other language or names nobody (`Қазақстан Республикасының`).
fn printed_in(printed: &str, lang: Lang) -> Option<String> {
    let p = printed.split_whitespace().collect::<Vec<_>>().join(" ");
    let p = p.trim().trim_end_matches(['.', ',']);
    if p.is_empty() || (is_kazakh(p) != (lang == Lang::Kk)) {
        return None;
    }
    if lang == Lang::Kk && !kazakh_genitive(p) {
        return None;
    }
    let out = match lang {
        Lang::Kk => {
            let rest = ["Қазақстан Республикасының", "Қазақстан Республикасы", "ҚР"]
                .iter()
                .find_map(|r| p.strip_prefix(r));
            match rest.map(str::trim) {
                Some("") => return None,
                Some(r) => format!("ҚР {r}"),
                None => p.to_string(),
            }
        }
        Lang::Ru => {
            let p = p.replace("Республики Казахстан", "РК");
            if p == "РК" {
                return None;
            }
            p
        }
    };
    Some(out)
}

/// The words that name the issuer of `part` in a citation in `lang`: the printed words when
/// they are in `lang` (the act names itself best: a ministry's name at the time, a maslikhat's
/// place), else the metadata's words in `lang` (a Kazakh text's Russian requisite), else the
/// table's words for the issuer ([`codes::issuers_table`]: a Kazakh citation of an
/// act whose requisite is Russian), else nothing (nothing is made up).
fn issuer_words(part: &Part, lang: Lang) -> Option<String> {
    if let Some(p) = printed_in(part.issuer, lang) {
        return Some(p);
    }
    if let Some(p) = part.translated.and_then(|t| printed_in(t, lang)) {
        return Some(p);
    }
    let row = codes::issuer_of_slug(part.issuer_code)?;
    let acting = codes::is_acting(part.issuer);
    Some(match (lang, acting) {
        (Lang::Kk, false) => row.kk.to_string(),
        (Lang::Kk, true) => format!("{} м.а.", row.kk),
        (Lang::Ru, false) => row.ru.to_string(),
        (Lang::Ru, true) => format!("исполняющего обязанности {}", row.ru),
    })
}

/// Whether acts of this kind are cited without their issuer (`ҚР … Заңы`, `Закон РК …`).
fn issuer_unnamed(kind: ActKind) -> bool {
    matches!(
        kind,
        ActKind::Law | ActKind::ConstitutionalLaw | ActKind::Code
    )
}

/// `18.12.1995`.
fn dotted(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// The short name of an act of `kind` with these issuing parts, in official form in `lang`:
/// `ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы`, `ҚР 18.12.1995 № 2688
/// Конституциялық Заңы`, `Алматы облыстық мәслихатының 15.12.2020 № 64-340 шешімі`;
/// `Приказ Министра иностранных дел РК от 04.01.2018 № 11-1-4/1`, `Конституционный закон РК
/// от 18.12.1995 № 2688`, `Решение маслихата Алматинской области от 15.12.2020 № 64-340`.
/// `None` when the kind has no citation form or no part has a date or a number.
fn cite_parts(kind: ActKind, parts: &[Part], lang: Lang) -> Option<String> {
    cite_parts_by(kind, parts, lang, |p| issuer_words(p, lang))
}

/// A local body's act in official form in `lang`, from the body and the region a reference
/// names (`маслихата Алматинской области`): `Алматы облысы мәслихатының 15.12.2020 № 64-340
/// шешімі`, `Решение маслихата Алматинской области от 15.12.2020 № 64-340`. `None` when the
/// kind has no citation form, the body no Kazakh form after a region, or there is no date
/// and no number.
pub(crate) fn cite_local(
    kind: ActKind,
    body: &codes::Issuer,
    region: &regions::Region,
    date: Option<NaiveDate>,
    number: Option<&str>,
    lang: Lang,
) -> Option<String> {
    let who = match lang {
        Lang::Kk => format!("{} {}", region.kk, regions::kk_body_after_region(body)?),
        Lang::Ru => format!("{} {}", body.ru, region.ru),
    };
    let part = Part {
        issuer: &who,
        translated: None,
        issuer_code: body.slug,
        date,
        number,
    };
    cite_parts_by(kind, std::slice::from_ref(&part), lang, |_| {
        Some(who.clone())
    })
}

/// [`cite_parts`] with the words `who` gives for each part's issuer.
fn cite_parts_by(
    kind: ActKind,
    parts: &[Part],
    lang: Lang,
    who: impl Fn(&Part) -> Option<String>,
) -> Option<String> {
    let form = codes::form_of_kind(kind)?;
    let parts: Vec<&Part> = parts
        .iter()
        .filter(|p| p.date.is_some() || p.number.is_some())
        .collect();
    if parts.is_empty() {
        return None;
    }
    let named = !issuer_unnamed(kind);
    let pieces: Vec<String> = parts
        .iter()
        .map(|p| {
            let mut s = String::new();
            let who = named.then(|| who(p)).flatten();
            match lang {
                Lang::Kk => {
                    s.push_str(who.as_deref().unwrap_or(if named { "" } else { "ҚР" }));
                    if let Some(d) = p.date {
                        s.push(' ');
                        s.push_str(&dotted(d));
                    }
                }
                Lang::Ru => {
                    s.push_str(who.as_deref().unwrap_or(""));
                    if let Some(d) = p.date {
                        s.push_str(" от ");
                        s.push_str(&dotted(d));
                    }
                }
            }
            if let Some(n) = p.number {
                s.push_str(" № ");
                s.push_str(n);
            }
            s.trim().to_string()
        })
        .collect();
    let out = match lang {
        Lang::Kk => format!("{} {}", pieces.join(" және "), form.kk),
        Lang::Ru if named => format!("{} {}", form.ru, pieces.join(" и ")),
        Lang::Ru => format!("{} РК {}", form.ru, pieces.join(" и ")),
    };
    Some(crate::text::capitalized(&out))
}

/// The act's short name in its own language: see [`act_short_name_in`].
///
/// ```
/// use zanlex::*;
/// let act = Act {
///     id: "mfa-order-2018-01-04-11-1-4-1".into(),
///     title: "… қағидаларын бекіту туралы".into(),
///     kind: ActKind::Order,
///     issuances: vec![Issuance {
///         issuer: "Қазақстан Республикасы Сыртқы істер министрі".into(),
///         issuer_code: "mfa".into(),
///         date: chrono::NaiveDate::from_ymd_opt(2018, 1, 4),
///         number: Some("11-1-4/1".into()),
///         issuer_translated: None,
///     }],
///     registration: None, status: Status::InForce, languages: vec!["kk".into()],
///     lang: zanlex::Lang::Kk, code: None,
///     source: Source::new("corpus/003.txt", SourceFormat::Text), official_url: None,
///     publication_date: None, version_date: None, version_dated_by: Default::default(), units: vec![], amendments: vec![],
///     instructions: vec![], commencement: None, versions: vec![],
///     unparsed_notes: vec![], target_fallbacks: vec![], references: vec![],
///     later_changes: vec![], unit_times: vec![],
/// };
/// assert_eq!(act.short_name(), "ҚР Сыртқы істер министрінің 04.01.2018 № 11-1-4/1 бұйрығы");
/// assert_eq!(act.short_name_in(Lang::Ru), "Приказ Министра иностранных дел РК от 04.01.2018 № 11-1-4/1");
/// ```
pub fn act_short_name(act: &Act) -> String {
    act_short_name_in(act, act.lang)
}

/// The act's short name in official form in `lang`, as citations begin: the issuer (none for
/// laws and codes), the date, the number and the kind (`ҚР Сыртқы істер министрінің
/// 04.01.2018 № 11-1-4/1 бұйрығы`; `Приказ Министра иностранных дел РК от 04.01.2018 №
/// 11-1-4/1`); the (shortened) title when the act has no form, date or number (a FAQ).
pub fn act_short_name_in(act: &Act, lang: Lang) -> String {
    let parts: Vec<Part> = act.issuances.iter().map(Part::from).collect();
    cite_parts(act.kind, &parts, lang).unwrap_or_else(|| shorten(&act.title, 90))
}

/// An amending act (or any act a note cites) in official form in `lang`: `ҚР 19.04.2023 №
/// 222-VII Конституциялық Заңы`, `Конституционный закон РК от 19.04.2023 № 222-VII`; with
/// what is known of it only (no kind: its issuer, date and number as printed).
///
/// ```
/// use zanlex::{ActKind, ActRef, Lang};
/// let r = ActRef { issuer: "ҚР".into(), issuer_code: "parliament".into(),
///     kind: ActKind::ConstitutionalLaw, date: chrono::NaiveDate::from_ymd_opt(2023, 4, 19),
///     number: Some("222-VII".into()), title: None };
/// assert_eq!(r.cite(Lang::Kk), "ҚР 19.04.2023 № 222-VII Конституциялық Заңы");
/// assert_eq!(r.cite(Lang::Ru), "Конституционный закон РК от 19.04.2023 № 222-VII");
/// ```
pub fn cite_act_ref(r: &ActRef, lang: Lang) -> String {
    let part = Part {
        issuer: &r.issuer,
        translated: None,
        issuer_code: &r.issuer_code,
        date: r.date,
        number: r.number.as_deref(),
    };
    if let Some(s) = cite_parts(r.kind, std::slice::from_ref(&part), lang) {
        return s;
    }
    let mut s = r.issuer.trim().to_string();
    if let Some(d) = r.date {
        s.push(' ');
        s.push_str(&dotted(d));
    }
    if let Some(n) = &r.number {
        s.push_str(" № ");
        s.push_str(n);
    }
    s.trim().to_string()
}

/// Shortens a title to at most `max` characters on a word boundary.
fn shorten(title: &str, max: usize) -> String {
    let t = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() <= max {
        return t;
    }
    let mut out = String::new();
    for w in t.split(' ') {
        if out.chars().count() + w.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('…');
    out
}

/// What an attachment is called in a citation: `Қағидалар`, `Регламент`, … from its heading,
/// else `1-қосымша`.
pub fn attachment_name(unit: &Unit) -> String {
    attachment_name_in(unit, Lang::Kk)
}

/// The words that name an attachment in each language (a stem of its heading, the name).
const KK_ATTACHMENT_NAMES: [(&str, &str); 8] = [
    ("қағида", "Қағидалар"),
    ("регламент", "Регламент"),
    ("стандарт", "Стандарт"),
    ("ереже", "Ереже"),
    ("тізбе", "Тізбе"),
    ("тізім", "Тізім"),
    ("нысан", "Нысан"),
    ("жоспар", "Жоспар"),
];
const RU_ATTACHMENT_NAMES: [(&str, &str); 10] = [
    ("правил", "Правила"),
    ("положени", "Положение"),
    ("регламент", "Регламент"),
    ("стандарт", "Стандарт"),
    ("перечень", "Перечень"),
    ("реестр", "Реестр"),
    ("список", "Список"),
    ("форм", "Форма"),
    ("план", "План"),
    ("порядок", "Порядок"),
];

/// An attachment's name in `lang` from its heading (or text), else its number. A Kazakh
/// heading ends in the word that names the document (`… регламенті`; `… қағидаларын бекіту
/// туралы` never reaches an attachment heading), a Russian one starts with it (`Правила
/// выпаса …`, `Реестр должностей …`).
fn attachment_name_in(unit: &Unit, lang: Lang) -> String {
    let names: &[(&str, &str)] = match lang {
        Lang::Kk => &KK_ATTACHMENT_NAMES,
        Lang::Ru => &RU_ATTACHMENT_NAMES,
    };
    let heading = unit
        .heading
        .as_deref()
        .filter(|h| !h.trim().is_empty())
        .unwrap_or(unit.text.as_str())
        .to_lowercase();
    let found = names.iter().filter_map(|(stem, name)| {
        let at = match lang {
            Lang::Kk => heading.rfind(stem),
            Lang::Ru => heading.find(stem),
        };
        at.map(|p| (p, *name))
    });
    let best = match lang {
        Lang::Kk => found.max_by_key(|(p, _)| *p),
        Lang::Ru => found.min_by_key(|(p, _)| *p),
    };
    match (best, unit.num.as_deref(), lang) {
        (Some((_, name)), _, _) => name.to_string(),
        (None, Some(n), Lang::Kk) => format!("{n}-қосымша"),
        (None, Some(n), Lang::Ru) => format!("Приложение {n}"),
        (None, None, Lang::Kk) => "Қосымша".to_string(),
        (None, None, Lang::Ru) => "Приложение".to_string(),
    }
}

/// One unit's own number as printed in a citation: `3-тармақ`, `2) тармақша`, `1-қосымша`;
/// in Russian `пункт 3`, `подпункт 2)`, `приложение 1`.
pub fn unit_number_label(unit: &Unit, act_kind: ActKind, lang: Lang) -> String {
    // Without a printed number, the eid's last step still numbers the unit (`mod_25`).
    let from_eid = unit
        .eid
        .rsplit("__")
        .next()
        .and_then(|last| last.split_once('_'))
        .map(|(_, n)| n)
        .unwrap_or("");
    let n = unit.num.as_deref().unwrap_or(from_eid).trim();
    let numbered = |word: &str| {
        if n.is_empty() {
            word.to_string()
        } else {
            format!("{n}-{word}")
        }
    };
    if lang == Lang::Ru {
        let named = |word: &str| {
            if n.is_empty() {
                word.to_string()
            } else {
                format!("{word} {n}")
            }
        };
        return match unit.kind {
            UnitKind::Preamble => "преамбула".to_string(),
            UnitKind::Attachment => attachment_name_in(unit, Lang::Ru),
            UnitKind::Section if act_kind == ActKind::Faq && n.contains('.') => named("вопрос"),
            UnitKind::Section => named("раздел"),
            UnitKind::Chapter => named("глава"),
            UnitKind::Article => named("статья"),
            UnitKind::Paragraph => named("пункт"),
            UnitKind::Subparagraph if !n.is_empty() => format!("подпункт {n})"),
            UnitKind::Subparagraph => "подпункт".to_string(),
            UnitKind::Instruction => named("изменение"),
            UnitKind::Part => named("абзац"),
            UnitKind::Annex => named("приложение"),
            UnitKind::Other => unit
                .heading
                .as_deref()
                .map(|h| shorten(h, 40))
                .unwrap_or_default(),
        };
    }
    match unit.kind {
        UnitKind::Preamble => "преамбула".to_string(),
        UnitKind::Attachment => attachment_name(unit),
        UnitKind::Section if act_kind == ActKind::Faq && n.contains('.') => numbered("сұрақ"),
        UnitKind::Section => numbered("бөлім"),
        UnitKind::Chapter => numbered("тарау"),
        UnitKind::Article => numbered("бап"),
        UnitKind::Paragraph => numbered("тармақ"),
        UnitKind::Subparagraph if !n.is_empty() => format!("{n}) тармақша"),
        UnitKind::Subparagraph => "тармақша".to_string(),
        UnitKind::Instruction => numbered("өзгеріс"),
        UnitKind::Part => numbered("абзац"),
        UnitKind::Annex => numbered("қосымша"),
        UnitKind::Other => unit
            .heading
            .as_deref()
            .map(|h| shorten(h, 40))
            .unwrap_or_default(),
    }
}

/// The unit's label: its numbers from the outermost addressable ancestor down
/// (`3-тармақ 2) тармақша`); `path` runs from the top-level unit to the unit itself.
pub fn unit_label(path: &[&Unit], act_kind: ActKind, lang: Lang) -> String {
    let parts: Vec<String> = path
        .iter()
        .filter(|u| !matches!(u.kind, UnitKind::Attachment | UnitKind::Chapter))
        .map(|u| unit_number_label(u, act_kind, lang))
        .filter(|s| !s.is_empty())
        .collect();
    if !parts.is_empty() {
        return parts.join(" ");
    }
    path.last()
        .map(|u| unit_number_label(u, act_kind, lang))
        .unwrap_or_default()
}

/// The full pinpoint citation of a unit; `path` runs from the top-level unit to the unit.
pub fn citation(act: &Act, path: &[&Unit]) -> String {
    Citer::new(act).citation(path, &unit_label(path, act.kind, act.lang))
}

/// Citations of many units of one act, as [`citation`] writes them, with the act's short
/// name worked out once and each attachment's name once (an attachment without a heading is
/// named from its lowercased text).
pub struct Citer<'a> {
    short_name: String,
    /// The code's short names, for a code the table lists: its units are cited in the short
    /// form (`ст. 4 АППК РК`).
    code: Option<&'static code_names::CodeName>,
    lang: Lang,
    attachments: std::cell::RefCell<rustc_hash::FxHashMap<*const Unit, String>>,
    _act: std::marker::PhantomData<&'a Act>,
}

impl<'a> Citer<'a> {
    /// Prepares citations of units of `act`.
    pub fn new(act: &'a Act) -> Self {
        Citer {
            short_name: act_short_name(act),
            code: code_names::of_act(act),
            lang: act.lang,
            attachments: Default::default(),
            _act: std::marker::PhantomData,
        }
    }

    /// The citation of the unit at the end of `path`, whose [`unit_label`] is `label`.
    pub fn citation(&self, path: &[&Unit], label: &str) -> String {
        if let Some(code) = self.code {
            let name = code.in_lang(self.lang);
            let unit = path.last().and_then(|u| phrase::in_code(&u.eid, self.lang));
            return match (unit, self.lang) {
                (None, _) => name.to_string(),
                (Some(u), Lang::Kk) => format!("{name} {u}"),
                (Some(u), Lang::Ru) => format!("{u} {name}"),
            };
        }
        let mut out = self.short_name.clone();
        let is_attachment_itself = path.len() == 1 && path[0].kind == UnitKind::Attachment;
        if let Some(att) = path.iter().find(|u| u.kind == UnitKind::Attachment) {
            if !is_attachment_itself {
                let mut names = self.attachments.borrow_mut();
                let name = names
                    .entry(std::ptr::from_ref::<Unit>(att))
                    .or_insert_with(|| attachment_name_in(att, self.lang));
                out.push_str(" · ");
                out.push_str(name);
            }
        }
        if !label.is_empty() {
            out.push_str(" · ");
            out.push_str(label);
        }
        out
    }
}

#[cfg(test)]
mod forms_tests;

//! Pinpoint citations: `ҚР СІМ 04.01.2018 № 11-1-4/1 бұйрығы · Қағидалар · 3-тармақ 2) тармақша`.
//!
//! A citation names the act the way Kazakh legal texts abbreviate it (issuer, date, number,
//! kind), then the attachment (approved Rules, a Regulation, …), then the unit's numbers from
//! its paragraph down. Chapters are left out: paragraphs are numbered through the whole text.
//! A Russian expression is cited in Russian: `Приказ МИД РК от 04.01.2018 № 11-1-4/1 ·
//! Правила · пункт 3 подпункт 2)`.

use crate::model::{Act, ActKind, Lang, Unit, UnitKind};

/// Short Kazakh abbreviation of an issuer, by its normalized code.
fn issuer_abbrev(code: &str, printed: &str) -> String {
    let short = match code {
        "mfa" => "СІМ",
        "mvd" => "ІІМ",
        "government" => "Үкіметінің",
        "parliament" => "Парламентінің",
        "president" => "Президентінің",
        "mjus" | "moj" => "ӘМ",
        "mlsp" | "mtszn" => "ЕХӘҚМ",
        "knb" => "ҰҚК",
        "mon" | "mes" => "ОҒМ",
        "mz" | "mh" => "ДСМ",
        "mf" => "ҚМ",
        _ => "",
    };
    if !short.is_empty() {
        return short.to_string();
    }
    printed
        .trim()
        .trim_start_matches("Қазақстан Республикасы")
        .trim_start_matches("Қазақстан Республикасының")
        .trim()
        .to_string()
}

/// Appends ` {date}` (after `date_word`, e.g. ` от`) and ` № {number}` of an issuance, as
/// short act names print them.
fn push_date_number(s: &mut String, i: &crate::model::Issuance, date_word: &str) {
    if let Some(d) = i.date {
        s.push_str(&format!("{date_word} {}", d.format("%d.%m.%Y")));
    }
    if let Some(n) = &i.number {
        s.push_str(&format!(" № {n}"));
    }
}

/// The kind word that ends a short act name (`бұйрығы`, `қаулысы`).
fn kind_word(kind: ActKind) -> Option<&'static str> {
    Some(match kind {
        ActKind::Order => "бұйрығы",
        ActKind::JointOrder => "бірлескен бұйрығы",
        ActKind::Resolution => "қаулысы",
        ActKind::Decision => "шешімі",
        ActKind::Law => "Заңы",
        ActKind::ConstitutionalLaw => "Конституциялық заңы",
        ActKind::Code => "Кодексі",
        _ => return None,
    })
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

/// The act's short name: `ҚР СІМ 04.01.2018 № 11-1-4/1 бұйрығы`; the (shortened) title when
/// the act has no issuer, date or number (a FAQ).
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
///     }],
///     registration: None, status: Status::InForce, languages: vec!["kk".into()],
///     lang: zanlex::Lang::Kk, code: None,
///     source: Source { file: "corpus/003.txt".into(), format: SourceFormat::Text,
///                      sha256: String::new(), encoding: "utf-8".into() },
///     publication_date: None, version_date: None, units: vec![], amendments: vec![],
///     instructions: vec![], commencement: None, versions: vec![],
///     unparsed_notes: vec![], target_fallbacks: vec![], references: vec![],
///     later_changes: vec![],
/// };
/// assert_eq!(act.short_name(), "ҚР СІМ 04.01.2018 № 11-1-4/1 бұйрығы");
/// ```
pub fn act_short_name(act: &Act) -> String {
    if act.lang == Lang::Ru {
        return act_short_name_ru(act);
    }
    let Some(kind) = kind_word(act.kind) else {
        return shorten(&act.title, 90);
    };
    let parts: Vec<String> = act
        .issuances
        .iter()
        .filter(|i| i.date.is_some() || i.number.is_some())
        .map(|i| {
            // A local representative or executive body is not the Republic's: `Мәслихаттың
            // 15.12.2020 № 64-340 шешімі`.
            let local = match i.issuer_code.as_str() {
                "maslikhat" => Some("Мәслихаттың"),
                "akimat" => Some("Әкімдіктің"),
                _ => None,
            };
            if let Some(body) = local {
                let mut s = body.to_string();
                push_date_number(&mut s, i, "");
                return s;
            }
            let mut s = String::from("ҚР");
            let ab = issuer_abbrev(&i.issuer_code, &i.issuer);
            if !ab.is_empty() {
                s.push(' ');
                s.push_str(&ab);
            }
            push_date_number(&mut s, i, "");
            s
        })
        .collect();
    if parts.is_empty() {
        return shorten(&act.title, 90);
    }
    format!("{} {kind}", parts.join(" және "))
}

/// The Russian short name of an act: `Приказ МИД РК от 04.01.2018 № 11-1-4/1`,
/// `Конституционный закон РК от 18.12.1995 № 2688`; the title when the act has no date or
/// number.
fn act_short_name_ru(act: &Act) -> String {
    let kind = match act.kind {
        ActKind::Order => "Приказ",
        ActKind::JointOrder => "Совместный приказ",
        ActKind::Resolution => "Постановление",
        ActKind::Decision => "Решение",
        ActKind::Law => "Закон РК",
        ActKind::ConstitutionalLaw => "Конституционный закон РК",
        ActKind::Code => "Кодекс РК",
        _ => return shorten(&act.title, 90),
    };
    let parts: Vec<String> = act
        .issuances
        .iter()
        .filter(|i| i.date.is_some() || i.number.is_some())
        .map(|i| {
            let issuer = match i.issuer_code.as_str() {
                _ if matches!(
                    act.kind,
                    ActKind::Law | ActKind::ConstitutionalLaw | ActKind::Code
                ) =>
                {
                    ""
                }
                "mfa" => " МИД РК",
                "mvd" => " МВД РК",
                "government" => " Правительства РК",
                "president" => " Президента РК",
                "maslikhat" => " маслихата",
                "akimat" => " акимата",
                _ => "",
            };
            let mut s = issuer.to_string();
            push_date_number(&mut s, i, " от");
            s
        })
        .collect();
    if parts.is_empty() {
        return shorten(&act.title, 90);
    }
    format!("{kind}{}", parts.join(" и"))
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
    lang: Lang,
    attachments: std::cell::RefCell<rustc_hash::FxHashMap<*const Unit, String>>,
    _act: std::marker::PhantomData<&'a Act>,
}

impl<'a> Citer<'a> {
    /// Prepares citations of units of `act`.
    pub fn new(act: &'a Act) -> Self {
        Citer {
            short_name: act_short_name(act),
            lang: act.lang,
            attachments: Default::default(),
            _act: std::marker::PhantomData,
        }
    }

    /// The citation of the unit at the end of `path`, whose [`unit_label`] is `label`.
    pub fn citation(&self, path: &[&Unit], label: &str) -> String {
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

//! Russian notes of consolidated texts (`Сноска.`, `Примечание.`) → amendment events: the
//! grammar beside the Kazakh one of [`super::notes`], giving the same [`NoteEvent`]s.
//!
//! A Russian note names its target first, inner unit before outer (`Подпункт 4) пункта 2
//! статьи 8`), then the action, then one or more amending acts, each with its kind word before
//! the issuer and the date (`Конституционным законом РК от 06.05.1999 N 379`), the number, and
//! usually a parenthesised effective rule:
//!
//! `Сноска. Статья 3 в редакции Конституционного закона РК от 06.05.1999 N 379; с изменением,
//! внесенным Конституционным законом РК от 15.06.2017 № 75-VI (вводится в действие со дня его
//! первого официального опубликования).`
//!
//! A plural kind word (`Конституционными законами РК от A; от B`) covers the citations after it
//! that print only `от` and a date. Dates are printed `06.05.1999` or `6 мая 1999 г.`; numbers
//! `N 379`, `№ 75-VI`, `№ 156-VІI` (with a Cyrillic `І`, kept as printed, as the Kazakh notes'
//! numbers are). `Примечание. … предусмотрено …` announces a change not yet in the text.

use super::notes_common::{
    issuer_code, own_subject, paren_ranges, placeholder_events, NoteEvent, BARE_NUMBER_RE,
    SIGN_NUMBER_RE,
};
use crate::model::citation::codes::{every_kind_form, kind_phrase_alternation};
use crate::model::Lang;
use crate::model::{ActKind, ActRef, AmendAction, EffectiveRule};
use crate::structure::effective::parse_rule;
use crate::text::find_dates_with_words;
use regex::Regex;
use std::sync::LazyLock;

/// The action phrases, each classified by [`action_of`].
static ACTION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:",
        r"предусмотрен[аоы]?\s+(?:дополнить|изменени[еяй]|исключ[а-яё]*|изложить(?:\s+в\s+(?:новой\s+)?редакции)?|в\s+(?:новой\s+)?редакции|внесение\s+изменени[йя])",
        r"|изменен\s+заголовок",
        r"|(?:изложен[аоы]?\s+)?в\s+(?:новой\s+)?редакции",
        r"|исключен[аоы]?\b",
        r"|дополнен[аоы]?\b",
        r"|с\s+(?:изменени|дополнени)[а-яё]*(?:\s+и\s+(?:изменени|дополнени)[а-яё]*)?,?\s+внесенн[а-яё]*",
        // `Статья 77 с изменениями - Законом …`: the participle left out.
        r"|с\s+(?:изменени|дополнени)[а-яё]*(?:\s+и\s+(?:изменени|дополнени)[а-яё]*)?\s+[-–—]",
        // `Приложение с изменениями, решением маслихата … от 12.05.2016 № 2-17`: the
        // participle left out after the comma.
        r"|с\s+(?:изменени|дополнени)[а-яё]*(?:\s+и\s+(?:изменени|дополнени)[а-яё]*)?,",
        // `Глава 9-1 введена Законом …` (not `введен в действие`, a rule).
        r"|введен[аоы]?\b",
        r"|внесен[оы]?\s+(?:изменени|дополнени)[а-яё]*(?:\s+и\s+(?:изменени|дополнени)[а-яё]*)?",
        r"|заменен[аоы]?\b",
        // `по всему тексту слова «…» заменить … словами «…» Законом РК от …`: the mirror's
        // note on a split code's whole text.
        r"|заменить\b",
        r"|изменен[аоы]?\b",
        r"|утратил[аои]?\s+силу",
        r"|признан[аоы]?\s+утративш[а-яё]*\s+силу",
        r")"
    ))
    .expect("static regex")
});

/// The unit an insertion adds, right after `дополнена` (`статьей 3-1`, `пунктом 5-1`).
static OBJECT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:стать[а-яё]*|пункт[а-яё]*|подпункт[а-яё]*|глав[а-яё]*|раздел[а-яё]*|приложени[а-яё]*)\s+(?:[0-9]+(?:-[0-9]+)*\)?|[IVXLCІ]+\b)")
        .expect("static regex")
});

/// A kind word, standing before the issuer (`Конституционным законом РК`, `приказа Начальника
/// Канцелярии Президента РК`, `постановлением Правительства РК`): a modifier and its noun, or
/// a noun in any case of the one table of kind words, singular or plural.
static KIND_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:(?:{})[а-яё]*|\b(?:{})\b)",
        kind_phrase_alternation(Lang::Ru, "[а-яё]*"),
        every_kind_form(Lang::Ru).join("|")
    ))
    .expect("static regex")
});

/// A unit named in a target (`Статья 3-1`, `пункта 2`, `Подпункт 4)`, `Глава I`, `Приложение 2`).
static REF_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(подпункт[а-яё]*|пункт[а-яё]*|стать[а-яё]*|глав[а-яё]*|раздел[а-яё]*|приложени[а-яё]*)\s+([0-9]+(?:-[0-9]+)*\)?|[IVXLCІ]+\b)")
        .expect("static regex")
});

/// The body of a Russian note without its `Сноска.` / `Примечание.` prefix, if it has one.
pub fn strip_prefix(text: &str) -> Option<&str> {
    for p in ["Сноска", "СНОСКА", "Примечание", "ПРИМЕЧАНИЕ", "Примечания"]
    {
        if let Some(rest) = text.strip_prefix(p) {
            if let Some(body) = rest.strip_prefix(['.', ':']) {
                return Some(body.trim());
            }
        }
    }
    None
}

/// Whether a note body holds a Russian action phrase (outside parentheses).
pub fn has_action(body: &str) -> bool {
    actions(body).next().is_some()
}

/// The action phrases of a body outside parentheses (a rule `(вводится в действие …)` holds none,
/// but a cited title might).
fn actions(body: &str) -> impl Iterator<Item = regex::Match<'_>> {
    let parens = paren_ranges(body);
    ACTION_RE
        .find_iter(body)
        .filter(move |m| !parens.iter().any(|r| r.contains(&m.start())))
        .filter(move |m| {
            !(m.as_str().to_lowercase().starts_with("введен")
                && body[m.end()..].trim_start().starts_with("в действие"))
        })
}

/// What an action phrase does; `label` is the printed target (a `Заголовок …` reworded is renamed).
fn action_of(phrase: &str, label: &str) -> AmendAction {
    let p = crate::structure::lowercase(phrase);
    let l = crate::structure::lowercase(label);
    let title = l.starts_with("заголов") || l.starts_with("наименовани");
    if p.starts_with("предусмотрен") {
        AmendAction::Prospective
    } else if p.contains("заголов") {
        AmendAction::Renamed
    } else if p.contains("редакции") {
        if title {
            AmendAction::Renamed
        } else {
            AmendAction::NewWording
        }
    } else if p.starts_with("исключ") {
        AmendAction::Deleted
    } else if p.starts_with("дополн") || p.starts_with("введен") {
        AmendAction::Inserted
    } else if p.contains("утрат") {
        AmendAction::Repealed
    } else if title {
        // `Заголовок главы 25 с изменением, внесенным …`: the heading changed, not what the
        // chapter holds.
        AmendAction::Renamed
    } else {
        AmendAction::Changed
    }
}

/// Parses a Russian note body (prefix removed) into its events, one per amending act cited per
/// action phrase. `forced_label` replaces the printed target (a deleted unit citing its act).
pub fn parse_body(body: &str, forced_label: Option<&str>) -> Vec<NoteEvent> {
    let found: Vec<_> = actions(body).collect();
    let Some(first) = found.first() else {
        return Vec::new();
    };
    let subject = body[..first.start()]
        .trim()
        .trim_end_matches([' ', '-', '–', '—', ',', ';'])
        .trim();
    let first_action = action_of(first.as_str(), subject);
    // `Глава I дополнена статьей 3-1`: the target is the unit added (and the note's later
    // segments speak of it too, as the Kazakh `Жаңа 3-1-баппен толықтырылды; өзгеріс
    // енгізілді` does).
    let adds = first_action == AmendAction::Inserted
        || crate::structure::lowercase(first.as_str()).contains("дополнить");
    let object_end = adds
        .then(|| {
            let next = found.get(1).map_or(body.len(), |n| n.start());
            OBJECT_RE
                .find(&body[first.end()..next])
                .map(|o| first.end() + o.end())
        })
        .flatten();
    let mut label = match (forced_label, object_end) {
        (Some(l), _) => l.to_string(),
        (None, Some(end)) => body[..end].trim().to_string(),
        (None, None) => subject.to_string(),
    };
    let mut out = Vec::new();
    for (i, m) in found.iter().enumerate() {
        let end = found.get(i + 1).map_or(body.len(), |n| n.start());
        // `…; пункт 2 исключен …`: a later action with a target of its own.
        if let (Some(prev), None) = (i.checked_sub(1), forced_label) {
            if let Some(own) = own_subject(&body[found[prev].end()..m.start()]) {
                label = own.to_string();
            }
        }
        let start = match object_end {
            Some(o) if i == 0 => o,
            _ => m.end(),
        };
        let action = action_of(m.as_str(), &label);
        out.extend(parse_citations(&body[start..end], action, &label));
    }
    out
}

/// Byte ranges of quoted text (`«…»`, `"…"`): words replaced, not citations.
fn quote_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '«') => open = Some((i, '»')),
            (None, '"') => open = Some((i, '"')),
            (Some((s, close)), c) if c == close => {
                out.push(s..i + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Reads the amending acts cited in one segment (`- Конституционным законом РК от 6 мая 1999 г.
/// N 379; Конституционным законом Республики Казахстан от 19 июня 2007 года N 267.`).
pub(super) fn parse_citations(seg: &str, action: AmendAction, label: &str) -> Vec<NoteEvent> {
    let parens = paren_ranges(seg);
    let quotes = quote_ranges(seg);
    let outside = |pos: usize| !parens.iter().chain(&quotes).any(|r| r.contains(&pos));
    let dates: Vec<_> = find_dates_with_words(seg)
        .into_iter()
        .filter(|(_, r)| outside(r.start))
        .collect();
    let mut out = Vec::new();
    let mut prev_end = 0usize;
    let mut kind: Option<ActKind> = None;
    let mut issuer = String::new();
    for (i, (date, r)) in dates.iter().enumerate() {
        let head = &seg[prev_end.min(r.start)..r.start];
        if let Some(k) = KIND_RE.find(head) {
            kind = Some(kind_of(k.as_str()));
            issuer = head[k.end()..]
                .trim()
                .trim_end_matches(['-', '–', '—', ' ', ','])
                .trim_end_matches("от")
                .trim()
                .to_string();
        }
        let tail_end = dates.get(i + 1).map_or(seg.len(), |n| n.1.start);
        let tail = &seg[r.end..tail_end];
        let sign = SIGN_NUMBER_RE.captures(tail).and_then(|c| c.get(1));
        let number = sign
            .map(|m| m.as_str().to_string())
            .or_else(|| BARE_NUMBER_RE.find(tail).map(|m| m.as_str().to_string()));
        let local_parens = paren_ranges(tail);
        let rule = local_parens
            .first()
            .map(|p| {
                let inner = &tail[p.clone()];
                let inner = SIGN_NUMBER_RE.replace_all(inner, " ");
                crate::structure::effective::rule_by_reference(&inner)
                    .unwrap_or_else(|| parse_rule(&inner))
            })
            .unwrap_or(EffectiveRule::Unknown);
        // The next citation's head starts after this one's number and rule.
        let used = local_parens
            .first()
            .map(|p| p.end)
            .or(sign.map(|m| m.end()))
            .unwrap_or(0);
        prev_end = r.end + used;
        let k = kind.unwrap_or(ActKind::Other);
        out.push(NoteEvent {
            target_label: label.to_string(),
            action,
            by: ActRef {
                issuer: issuer.clone(),
                issuer_code: issuer_code(&issuer, Some(k)),
                kind: k,
                date: Some(*date),
                number: number.map(|n| crate::model::citation::numbers::display_number(&n)),
                title: None,
            },
            rule,
        });
    }
    out
}

/// Maps a Russian kind word in any case (`Конституционным законом`, `приказа`, `постановлением`,
/// `Указом`, `распоряжением`) to an act kind, by the one list of kind words;
/// [`ActKind::Other`] for none.
pub fn kind_of(word: &str) -> ActKind {
    crate::model::citation::codes::kind_named(crate::Lang::Ru, word).unwrap_or(ActKind::Other)
}

/// Parses the printed text of a deleted unit or a placeholder that cites its amending act
/// (`Исключен Конституционным законом РК от 15.06.2017 № 75-VI (…).`, `Вводится в действие с
/// 01.01.2023 - Конституционным законом РК от 05.11.2022 № 156-VII.`). The target is the unit
/// itself (empty label).
pub fn parse_unit_citation(t: &str) -> Vec<NoteEvent> {
    let lower = crate::structure::lowercase(t);
    if lower.starts_with("вводится в действие") || lower.starts_with("вводятся в действие")
    {
        let Some(pos) = ["–", "—", " - "].iter().filter_map(|d| t.find(d)).min() else {
            return Vec::new();
        };
        return placeholder_events(t, pos, parse_citations);
    }
    parse_body(t, Some(""))
}

/// The units a Russian target names, outermost first (`Подпункт 4) пункта 2 статьи 8` →
/// `art_8`, `para_2`, `subpara_4`; `Глава I дополнена статьей 3-1` → `chp_1`, `art_3-1`).
/// Roman chapter numbers become Arabic, as chapter eids are.
pub fn unit_refs(label: &str) -> Vec<String> {
    let mut refs: Vec<(u8, String)> = Vec::new();
    for c in REF_RE.captures_iter(label) {
        let (Some(k), Some(n)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let k = crate::structure::lowercase(k.as_str());
        let (rank, prefix) = if k.starts_with("подпункт") {
            (4, "subpara")
        } else if k.starts_with("пункт") {
            (3, "para")
        } else if k.starts_with("стать") {
            (2, "art")
        } else if k.starts_with("глав") {
            (1, "chp")
        } else if k.starts_with("раздел") {
            (0, "sec")
        } else {
            (2, "annex")
        };
        let num = n.as_str().trim_end_matches(')');
        let num = roman(num).map_or_else(|| num.to_string(), |v| v.to_string());
        refs.push((rank, format!("{prefix}_{num}")));
    }
    // Printed inner first (`пункта 2 статьи 8`) or outer first (`Статью 10 … пунктом 5-1`):
    // ordered by level either way.
    refs.sort_by_key(|(r, _)| *r);
    refs.dedup_by(|a, b| a.0 == b.0);
    refs.into_iter().map(|(_, e)| e).collect()
}

/// A Roman numeral (`IV`, with a Cyrillic `І` read as `I`), if `s` is one: as the
/// structure stage reads chapter numbers.
fn roman(s: &str) -> Option<u32> {
    crate::structure::roman(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_in_both_orders() {
        assert_eq!(
            unit_refs("Подпункт 4) пункта 2 статьи 8"),
            ["art_8", "para_2", "subpara_4"]
        );
        assert_eq!(
            unit_refs("Глава I дополнена статьей 3-1"),
            ["chp_1", "art_3-1"]
        );
        assert_eq!(unit_refs("Приложение 2"), ["annex_2"]);
        assert_eq!(unit_refs("В названии и тексте"), Vec::<String>::new());
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("3"), None);
    }

    #[test]
    fn unit_citation_deleted() {
        let ev = parse_unit_citation("Исключен Конституционным законом РК от 15.06.2017 № 75-VI (вводится в действие со дня его первого официального опубликования).");
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].action, AmendAction::Deleted);
        assert_eq!(ev[0].target_label, "");
        assert_eq!(ev[0].by.number.as_deref(), Some("75-VI"));
        assert_eq!(ev[0].rule, EffectiveRule::OnPublication);
    }
}

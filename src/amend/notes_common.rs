//! What the Kazakh note grammar ([`super::notes`]) and the Russian one ([`super::notes_ru`])
//! share: the event a note gives, the sign number and the bare number of a citation, the
//! parentheses a rule stands in, a later action's own target and the issuer's code.

use crate::model::{ActKind, ActRef, AmendAction, EffectiveRule};
use crate::structure::effective::parse_rule;
use regex::Regex;
use std::sync::LazyLock;

/// One event read from a note, before its target is resolved to an eid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEvent {
    /// The target as printed (`3-тармақ`, `1-қосымшаға`, `Преамбула`; empty for the whole act).
    pub target_label: String,
    pub action: AmendAction,
    pub by: ActRef,
    pub rule: EffectiveRule,
}

/// A citation's number after its sign (`№ 11-1-4/628`, `N 379`), with the session mark a
/// maslikhat's number ends with (`№ 60/522-6с`, the sixth convocation's `с`).
pub(crate) static SIGN_NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:№|\bN)\s*([0-9]+(?:[-/][0-9A-Za-zІі]+(?:с\b)?|\.[0-9]+)*)")
        .expect("static regex")
});

/// A citation's number printed without its sign (`11-1-4/628`).
pub(crate) static BARE_NUMBER_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[0-9]+(?:-[0-9]+)*/[0-9]+\b").expect("static regex"));

/// The target a later action of a note prints before itself (`…; 3-тармақ алып тасталды`,
/// `…; пункт 2 исключен`): the text after the previous segment's last `;` outside parentheses,
/// when it cites no act (no date) and names a unit. `; с изменением, внесенным …` has none.
pub(crate) fn own_subject(prev: &str) -> Option<&str> {
    let parens = paren_ranges(prev);
    let cut = prev
        .char_indices()
        .rev()
        .find(|&(i, c)| c == ';' && !parens.iter().any(|r| r.contains(&i)))
        .map(|(i, _)| i + 1)?;
    let s = prev[cut..]
        .trim()
        .trim_end_matches([' ', '-', '–', '—', ',']);
    let named =
        !s.is_empty() && crate::text::find_dates_with_words(s).is_empty() && super::names_unit(s);
    named.then_some(s)
}

/// Whether the `)` at byte `at` closes a subparagraph's number inside a unit's name (`13)
/// пункта 1`, `7) тармақшасы`): a digit before it and a unit's word after it.
fn is_item_number(text: &str, at: usize) -> bool {
    const UNITS: [&str; 7] = [
        "пункт",
        "подпункт",
        "стать",
        "част",
        "абзац",
        "тармақ",
        "бап",
    ];
    let digit_before = text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    let after = crate::structure::lowercase(text[at + 1..].trim_start());
    digit_before && UNITS.iter().any(|u| after.starts_with(u))
}

/// Byte ranges of top-level parentheses (extraction may leave one unclosed: it runs to the end).
pub(crate) fn paren_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            // `… подпункта 13) пункта 1 …`: a subparagraph's number, not a closing bracket.
            ')' if depth > 0 && is_item_number(text, i) => {}
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(start..i + 1);
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        out.push(start..text.len());
    }
    out
}

/// A short code for an issuer as printed, Kazakh or Russian (`ҚР Сыртқы істер министрінің м.а.`
/// → `mfa`; `Начальника Канцелярии Президента РК` → `president-office`).
/// A bare `ҚР` citing a law means Parliament.
pub fn issuer_code(issuer: &str, kind: Option<ActKind>) -> String {
    if let Some(row) = crate::model::citation::codes::issuer_of_words(issuer) {
        return row.slug.to_string();
    }
    let code = if matches!(
        kind,
        Some(ActKind::Law | ActKind::ConstitutionalLaw | ActKind::Code)
    ) {
        "parliament"
    } else {
        "unknown"
    };
    code.to_string()
}

/// The events of a placeholder that says when its unit takes effect before a dash and cites
/// the act after it (`01.01.2023 бастап қолданысқа енгізіледі – ҚР … Заңымен`, `Вводится в
/// действие с 01.01.2023 - Законом …`): the acts `cite` reads after the dash at byte `dash`,
/// each without a rule of its own given the rule before the dash.
pub(crate) fn placeholder_events(
    t: &str,
    dash: usize,
    cite: impl Fn(&str, AmendAction, &str) -> Vec<NoteEvent>,
) -> Vec<NoteEvent> {
    let rule = parse_rule(&t[..dash]);
    let mut events = cite(&t[dash..], AmendAction::Prospective, "");
    for e in &mut events {
        if matches!(e.rule, EffectiveRule::Unknown) {
            e.rule = rule.clone();
        }
    }
    events
}

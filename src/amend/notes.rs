//! `Ескерту.` / `Ескертпе.` notes of consolidated texts → amendment events.
//!
//! A note names its target (`3-тармақ`, `1-қосымшаға`, `Преамбула`, or nothing for the whole
//! act), an action (`жаңа редакцияда`, `толықтырылды`, …), and one or more amending acts, each
//! with a date, a number and usually a parenthesised effective rule:
//!
//! `Ескерту. 3-қосымшаға өзгеріс енгізілді – ҚР Сыртқы істер министрінің м.а. 23.11.2022
//! № 11-1-4/628 (… он күн өткен соң …); 30.09.2025 № 11-1-4/577 (01.01.2026 бастап …) бұйрықтарымен.`
//!
//! Extraction can move the number into the parenthesis (`он күн№ 11-1-4/628`); the parser looks
//! for the number anywhere in the citation. Dates inside parentheses are rules, not citations.

use crate::model::{ActKind, ActRef, AmendAction, EffectiveRule};
use crate::structure::effective::{find_dates, parse_rule};
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

/// The action phrases of a Kazakh note; [`ACTION_RE`] requires the dash that leads to the
/// amending acts after one.
const ACTIONS: &str = r"(?i)(тақырыбы\s+жаңа\s+редакцияда|жаңа\s+редакцияда|толықтыру\s+көзделген|өзгеріс(?:тер)?\s+енгізу\s+көзделген|көзделген|толықтырылды|алып\s+тасталды|(?:өзгеріс|өзгерт|толықтыру)[а-яәіңғүұқөһ]*(?:\s+(?:мен|пен|және)\s+(?:өзгеріс|өзгерт|толықтыру)[а-яәіңғүұқөһ]*)?\s+енгізілді|ауыстырылды|күші\s+жойылды)";

static ACTION_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"{ACTIONS}\s*[-–—]")).expect("static regex"));

/// An action phrase with no amending act after it (`1-бапқа өзгеріс енгізілді.`): what makes
/// an unparsed note's reason `no dated amending act` rather than `no action phrase`.
static BARE_ACTION_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(ACTIONS).expect("static regex"));

pub(crate) static SIGN_NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:№|\bN)\s*([0-9]+(?:[-/][0-9A-Za-zІі]+|\.[0-9]+)*)").expect("static regex")
});

pub(crate) static BARE_NUMBER_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[0-9]+(?:-[0-9]+)*/[0-9]+\b").expect("static regex"));

/// The start of a kind word: [`kind_of`] reads only its beginning, and the first match starts
/// where it would with the rest of the word (`\w*`) matched too, so the word's tail is not
/// searched for (a Unicode `\w*` makes the reverse search costly).
static KIND_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(конституциялық\s+заң|заң|бірлескен\s+бұйр|бұйр|қаулы|жарлы|өкім|шешім|кодекс)",
    )
    .expect("static regex")
});

/// Collapses whitespace and strips Markdown emphasis and quote markers (`> *Ескерту. …*`).
pub fn clean_note_text(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    crate::text::push_words(&mut joined, text);
    joined
        .trim_start_matches(['>', ' ', '*', '_'])
        .trim_end_matches(['*', '_', ' '])
        .to_string()
}

/// Parses one note, Kazakh (`Ескерту.`, `Ескертпе.`) or Russian (`Сноска.`, `Примечание.`),
/// into its events (one per amending act cited). Returns nothing for text that is not an
/// amendment note.
#[cfg(test)]
pub fn parse_note(text: &str) -> Vec<NoteEvent> {
    parse_note_explained(text).unwrap_or_default()
}

/// Like [`parse_note`], but says why a note gave no event: no note prefix, no action phrase,
/// or no dated amending act after the action.
pub fn parse_note_explained(text: &str) -> Result<Vec<NoteEvent>, &'static str> {
    let t = clean_note_text(text);
    let (events, has_action) = if let Some(rest) = t
        .strip_prefix("Ескерту.")
        .or_else(|| t.strip_prefix("Ескертпе."))
    {
        let body = rest.trim();
        (parse_body(body, None), BARE_ACTION_RE.is_match(body))
    } else if let Some(body) = super::notes_ru::strip_prefix(&t) {
        (
            super::notes_ru::parse_body(body, None),
            super::notes_ru::has_action(body),
        )
    } else if crate::structure::is_whole_text_note(&t) {
        // A note on the whole text printed without its prefix (the mirror's head of a split
        // code): its language by its first words.
        if crate::structure::lowercase(&t).starts_with("бүкіл") {
            (parse_body(&t, None), BARE_ACTION_RE.is_match(&t))
        } else {
            (
                super::notes_ru::parse_body(&t, None),
                super::notes_ru::has_action(&t),
            )
        }
    } else {
        return Err("not an amendment note (no Ескерту. / Ескертпе. / Сноска. / Примечание.)");
    };
    match (events.is_empty(), has_action) {
        (false, _) => Ok(events),
        (true, false) => Err("no action phrase"),
        (true, true) => Err("no dated amending act"),
    }
}

/// Parses the printed text of a deleted unit or a placeholder that cites its amending act
/// (`алып тасталды - ҚР 19.04.2023 № 222-VII (…) Конституциялық заңымен;`,
/// `01.01.2023 бастап қолданысқа енгізіледі – ҚР 05.11.2022 № 156-VII Конституциялық заңымен.`).
/// The target is the unit itself (empty label).
pub fn parse_unit_citation(text: &str) -> Vec<NoteEvent> {
    let t = clean_note_text(text);
    let lower = crate::structure::lowercase(&t);
    if lower.contains("қолданысқа енгізіледі") && !lower.starts_with("алып тасталды")
    {
        // Placeholder: the rule is the sentence before the dash, the act after it.
        let Some(pos) = t
            .find(['–', '—', '-'])
            .filter(|&p| t[..p].contains("енгізіледі") || t[..p].contains("бастап"))
        else {
            return Vec::new();
        };
        let rule = parse_rule(&t[..pos]);
        let mut events = parse_citations(&t[pos..], AmendAction::Prospective, "");
        for e in &mut events {
            if matches!(e.rule, EffectiveRule::Unknown) {
                e.rule = rule.clone();
            }
        }
        return events;
    }
    let events = parse_body(&t, Some(""));
    if events.is_empty() {
        return super::notes_ru::parse_unit_citation(&t);
    }
    events
}

/// Splits a note body at its action phrases and reads each segment's citations.
fn parse_body(body: &str, forced_label: Option<&str>) -> Vec<NoteEvent> {
    let actions: Vec<_> = ACTION_RE.find_iter(body).collect();
    let Some(first) = actions.first() else {
        return Vec::new();
    };
    let mut label = match forced_label {
        Some(l) => l.to_string(),
        None => body[..first.start()]
            .trim()
            .trim_end_matches([',', ';'])
            .to_string(),
    };
    let mut out = Vec::new();
    for (i, m) in actions.iter().enumerate() {
        let end = actions.get(i + 1).map_or(body.len(), |n| n.start());
        // `…; 3-тармақ алып тасталды - …`: a later action with a target of its own.
        if let (Some(prev), None) = (i.checked_sub(1), forced_label) {
            if let Some(own) = own_subject(&body[actions[prev].end()..m.start()]) {
                label = own.to_string();
            }
        }
        let phrase = crate::structure::lowercase(m.as_str());
        let mut action = if phrase.contains("тақырыбы") {
            AmendAction::Renamed
        } else if phrase.contains("жаңа") {
            AmendAction::NewWording
        } else if phrase.contains("көзделген") {
            AmendAction::Prospective
        } else if phrase.contains("толықтырылды") {
            AmendAction::Inserted
        } else if phrase.contains("алып") {
            AmendAction::Deleted
        } else if phrase.contains("күші") {
            AmendAction::Repealed
        } else {
            AmendAction::Changed
        };
        let lower_label = crate::structure::lowercase(&label);
        if action == AmendAction::NewWording && lower_label.starts_with("тақырып") {
            action = AmendAction::Renamed;
        }
        out.extend(parse_citations(&body[m.end()..end], action, &label));
    }
    // `12-бап жаңа редакцияда - ҚР 15.06.2017 № 75-VI (…); өзгеріс енгізілді - ҚР 19.04.2023
    // № 222-VII (…) Конституциялық заңдарымен`: a plural kind word at the end covers the
    // citations of the earlier actions too.
    let plural = PLURAL_KIND_RE.is_match(body);
    let mut next: Option<ActKind> = None;
    for e in out.iter_mut().rev() {
        match (e.by.kind, next) {
            (ActKind::Other, Some(k)) if plural => {
                e.by.kind = k;
                e.by.issuer_code = issuer_code(&e.by.issuer, Some(k));
            }
            (ActKind::Other, _) => {}
            (k, _) => next = Some(k),
        }
    }
    out
}

/// A kind word in the plural (`заңдарымен`, `бұйрықтарымен`, `қаулыларымен`): it covers every
/// citation before it.
static PLURAL_KIND_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(заңдар|бұйрықтар|қаулылар|шешімдер|жарлықтар|кодекстер)\w*")
        .expect("static regex")
});

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
    let named = !s.is_empty()
        && crate::structure::effective::find_dates_with_words(s).is_empty()
        && super::names_unit(s);
    named.then_some(s)
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

/// Reads the amending acts cited in one segment (`ҚР … 23.11.2022 № … (…); 30.09.2025 … бұйрықтарымен`).
fn parse_citations(seg: &str, action: AmendAction, label: &str) -> Vec<NoteEvent> {
    let parens = paren_ranges(seg);
    let inside = |pos: usize| parens.iter().any(|r| r.contains(&pos));
    let dates: Vec<_> = find_dates(seg)
        .into_iter()
        .filter(|(_, r)| !inside(r.start))
        .collect();
    let Some(first) = dates.first() else {
        return Vec::new();
    };
    let issuer = seg[..first.1.start]
        .trim()
        .trim_start_matches(['-', '–', '—', ' ', ';', ','])
        .trim()
        .to_string();
    let mut cites: Vec<(ActRef, EffectiveRule)> = Vec::new();
    let mut kinds: Vec<Option<ActKind>> = Vec::new();
    for (i, (date, r)) in dates.iter().enumerate() {
        let span_end = dates.get(i + 1).map_or(seg.len(), |n| n.1.start);
        let span = &seg[r.end..span_end];
        let number = SIGN_NUMBER_RE
            .captures(span)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_string())
            .or_else(|| BARE_NUMBER_RE.find(span).map(|m| m.as_str().to_string()));
        let local_parens = paren_ranges(span);
        let rule = local_parens
            .first()
            .map(|p| {
                let inner = &span[p.clone()];
                let inner = SIGN_NUMBER_RE.replace_all(inner, " ");
                let inner = BARE_NUMBER_RE.replace_all(&inner, " ");
                parse_rule(&inner)
            })
            .unwrap_or(EffectiveRule::Unknown);
        // The kind word stands outside parentheses, after the number.
        let mut outside = String::new();
        let mut last = 0;
        for p in &local_parens {
            outside.push_str(&span[last..p.start]);
            outside.push(' ');
            last = p.end;
        }
        outside.push_str(&span[last.min(span.len())..]);
        let kind = KIND_RE.find(&outside).map(|m| kind_of(m.as_str()));
        kinds.push(kind);
        cites.push((
            ActRef {
                issuer: issuer.clone(),
                issuer_code: issuer_code(&issuer, kind),
                kind: kind.unwrap_or(ActKind::Other),
                date: Some(*date),
                number: number.map(|n| crate::model::citation::numbers::display_number(&n)),
                title: None,
            },
            rule,
        ));
    }
    // `A; B; C заңдарымен`: a citation without its own kind word takes the next one's.
    let mut next: Option<ActKind> = None;
    for i in (0..cites.len()).rev() {
        match kinds[i] {
            Some(k) => next = Some(k),
            None => {
                if let Some(k) = next {
                    cites[i].0.kind = k;
                    cites[i].0.issuer_code = issuer_code(&issuer, Some(k));
                }
            }
        }
    }
    cites
        .into_iter()
        .map(|(by, rule)| NoteEvent {
            target_label: label.to_string(),
            action,
            by,
            rule,
        })
        .collect()
}

/// Maps a kind word (`бұйрығымен`, `Конституциялық заңымен`, `қаулысымен`) to an act kind.
pub fn kind_of(word: &str) -> ActKind {
    let w = crate::structure::lowercase(word);
    if w.starts_with("конституциялық") {
        ActKind::ConstitutionalLaw
    } else if w.starts_with("заң") {
        ActKind::Law
    } else if w.starts_with("бірлескен") {
        ActKind::JointOrder
    } else if w.starts_with("бұйр") {
        ActKind::Order
    } else if w.starts_with("қаулы") {
        ActKind::Resolution
    } else if w.starts_with("шешім") {
        ActKind::Decision
    } else if w.starts_with("кодекс") {
        ActKind::Code
    } else if w.starts_with("жарлы") {
        ActKind::Decree
    } else if w.starts_with("өкім") {
        ActKind::Disposition
    } else {
        ActKind::Other
    }
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

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn parse_note_explained() {
        use crate::amend::notes::parse_note_explained;
        assert_eq!(
            parse_note_explained("Ескерту. Мәтін."),
            Err("no action phrase")
        );
        assert_eq!(
            parse_note_explained("Сноска. Статья 7 исключена."),
            Err("no dated amending act")
        );
    }
}

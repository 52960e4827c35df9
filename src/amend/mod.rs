//! Stage 3: amendment notes, instructions of amending acts, effective dates, versions and diffs.
//!
//! - [`notes`]: `Ескерту.` / `Ескертпе.` notes → events (target, action, amending act, rule);
//! - [`instructions`]: an amending act's instructions → operations on its target's units;
//! - [`effective`]: effective rules and the dates they give (exact or estimated);
//! - [`versions`]: editions of one act merged into a timeline, per-unit `[from, to)` versions;
//! - [`apply`]: an amending act's instructions applied to its target to make the next version;
//! - [`diff`]: unit-level and word-level differences between two versions;
//! - [`history`](mod@history): the amendment timeline of an act or unit;
//! - [`time`]: the point-in-time rule, which wording of a unit was in force on a date.

pub mod apply;
pub mod diff;
pub mod history;
pub mod instructions;
pub mod notes;
pub mod notes_common;
pub mod notes_ru;
pub mod time;
pub mod versions;

pub use versions::link_corpus;
#[cfg(test)]
pub use versions::{amendments_for, unit_versions, units_as_of};

use crate::model::{
    Act, AmendAction, Amendment, Instruction, Status, TargetFallback, Unit, UnitKind, UnitStatus,
    UnparsedNote,
};
use crate::structure::effective;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Parses one act's own notes, instructions and commencement clause into its fields:
/// `act.amendments` (one event per amending act a note cites, plus deleted units and
/// placeholders that cite their amending act), `act.unparsed_notes` (every note that gave no
/// event, with why), `act.target_fallbacks` (events whose printed target is no unit of this
/// edition), `act.instructions` (amending acts only) and `act.commencement`. Every event's
/// target is a unit of the act, or `""` for the whole act. A note repealing the whole act sets
/// `act.status` to repealed unless the header already did.
pub fn annotate_act(act: &mut Act) {
    let eids: HashSet<String> = act.all_units().iter().map(|u| u.eid.clone()).collect();
    let headed: HashSet<String> = act
        .all_units()
        .iter()
        .filter(|u| u.heading.as_deref().is_some_and(|h| !h.trim().is_empty()))
        .map(|u| u.eid.clone())
        .collect();
    let mut events = Vec::new();
    let mut unparsed = Vec::new();
    let mut fallbacks = Vec::new();
    // The whole act's own time its requisite states (eid `""`: a suspension by another act)
    // is read with the metadata, before the notes.
    let mut times: Vec<crate::model::UnitTime> = act
        .unit_times
        .iter()
        .filter(|t| t.eid.is_empty())
        .cloned()
        .collect();
    for u in act.all_units() {
        // Its expiry or suspension: a note (`Пункт 4 действовал до 01.06.2017 …`), its whole
        // text (`3-1. 01.01.2024 дейін қолданылды – ҚР … Заңымен`), or a transitional
        // provision naming others (`Осы Заңның 11-бабының 6-тармағы 4) тармақшасының
        // қолданысы 2026 жылғы 1 қаңтарға дейін тоқтатыла тұрсын`).
        // A provision suspending another act's units (`… действие абзаца шестнадцатого
        // пункта 6 Правил …, утвержденных постановлением …`) says nothing of this act's.
        let own = notes::parse_lapse(strip_num(&u.text, u.num.as_deref()))
            .filter(|l| !names_other_act(&l.label));
        let sources = own.map(|l| (l, u.text.as_str())).into_iter().chain(
            u.notes
                .iter()
                .filter_map(|n| Some((notes::parse_lapse(&n.text)?, n.text.as_str()))),
        );
        for (l, text) in sources {
            let parts = if l.label.is_empty() {
                vec![String::new()]
            } else {
                split_targets(&l.label)
            };
            for part in parts {
                if !part.is_empty() && !names_unit(&part) {
                    continue;
                }
                // `Часть третья пункта 2 статьи 37`: the part expired, not the paragraph.
                let (label, piece) = notes::unit_part(&part);
                let r = resolve_note_target(&label, &u.eid, &eids, &headed, AmendAction::Changed);
                if r.eid.is_empty() || r.wanted.is_some() {
                    continue;
                }
                let own_text = std::ptr::eq(text, u.text.as_str());
                let text = notes::clean_note_text(text);
                // A suspension that gives the unit wordings for its period (`… установив, что
                // в период приостановления данный пункт действует в следующей редакции: 1) …;
                // 2) с 1 января 2025 года до 1 января 2029 года: «3. …»`): each wording the
                // text does not print under the unit answers for it in its period.
                if own_text && matches!(l.limit, crate::model::TimeLimit::Suspended { .. }) {
                    times.extend(period_wordings(act, u, &r.eid, &l.limit));
                }
                // The provision it lapsed under: a provision naming another unit is it (a
                // transitional article: `Пункт 3 статьи 38 … действуют до 1 января 2017
                // года`); else the provision of this act the words name, when the act has it.
                let under = if own_text && r.eid != u.eid {
                    Some(u.eid.clone())
                } else {
                    l.under.as_deref().and_then(|w| {
                        let g =
                            resolve_note_target(w, &u.eid, &eids, &headed, AmendAction::Changed);
                        (g.wanted.is_none() && !g.eid.is_empty() && g.eid != r.eid).then_some(g.eid)
                    })
                };
                // The act the words name, cited in the words of this text's language.
                let set_by = l.by.as_ref().map(|b| crate::model::NamedAct {
                    kind: b.kind,
                    date: b.date,
                    number: b.number.clone(),
                    citation: b.cite(act.lang),
                });
                times.push(unit_time(
                    r.eid,
                    piece.or(l.part.clone()),
                    under,
                    set_by,
                    l.limit.clone(),
                    &text,
                ));
            }
        }
        for note in &u.notes {
            // `Пункт 4 действовал до 01.06.2017 …`, `… приостановлено до …`: read above.
            if notes::parse_lapse(&note.text).is_some() {
                continue;
            }
            let parsed = match notes::parse_note_explained(&note.text) {
                Ok(evs) => evs,
                // The act's own commencement tied to another act, read below.
                Err(_) if act_tied_by_note(&note.text).is_some() => continue,
                Err(reason) => {
                    // A split text's note is named in its part file, at that file's line.
                    let (file, span) = act.source.locate(note.span);
                    unparsed.push(UnparsedNote {
                        file: file.to_string(),
                        line: span.line_start,
                        text: notes::clean_note_text(&note.text),
                        eid: u.eid.clone(),
                        reason: reason.to_string(),
                    });
                    continue;
                }
            };
            for ev in parsed {
                let mut seen: Vec<String> = Vec::new();
                for part in split_targets(&ev.target_label) {
                    let action = part_action(&part, &ev.target_label, ev.action);
                    let r = resolve_note_target(&part, &u.eid, &eids, &headed, action);
                    if seen.contains(&r.eid) {
                        continue;
                    }
                    seen.push(r.eid.clone());
                    if let Some(wanted) = r.wanted {
                        let (file, span) = act.source.locate(note.span);
                        fallbacks.push(TargetFallback {
                            file: file.to_string(),
                            line: span.line_start,
                            label: ev.target_label.clone(),
                            wanted,
                            target_eid: r.eid.clone(),
                        });
                    }
                    let mut one = ev.clone();
                    one.action = action;
                    events.push(make_amendment(one, r.eid, &note.text, note.span));
                }
            }
        }
        let cites_act = matches!(u.status, UnitStatus::Deleted | UnitStatus::Pending { .. })
            && !crate::text::find_dates_with_words(&u.text).is_empty();
        if cites_act {
            let text = strip_num(&u.text, u.num.as_deref());
            for ev in notes::parse_unit_citation(text) {
                events.push(make_amendment(ev, u.eid.clone(), &u.text, u.span));
            }
        }
    }
    // A header that already says so (`Күші жойылды - … бұйрығымен`) keeps its wording; else the
    // note sets it, dated exactly when known, else by the repealing act's date.
    let repeal = events
        .iter()
        .find(|e| e.action == AmendAction::Repealed && e.target_eid.is_empty());
    if let (Some(rep), false) = (repeal, matches!(act.status, Status::Repealed { .. })) {
        // An estimated day counts from the signing: the earliest the repeal can have taken
        // effect, so the act is not shown repealed before it.
        act.status = Status::Repealed {
            by: Some(rep.by.cite(act.lang)),
            on: rep.effective.as_ref().map(|e| e.date).or(rep.by.date),
            estimated: rep
                .effective
                .as_ref()
                .map_or(rep.by.date.is_some(), |e| e.estimated),
        };
    }
    act.amendments = events;
    act.unparsed_notes = unparsed;
    act.target_fallbacks = fallbacks;
    act.instructions = read_instructions(act);
    let (whole, own) = commencement(act, &eids, &headed);
    act.commencement = whole;
    times.extend(own);
    act.unit_times = times;
}

/// The wordings `provision` (a suspension of unit `target`) gives the unit for periods, as
/// [`crate::model::TimeLimit::Worded`]: each list item `с D1 до D2: «…»` (a single quoted
/// wording: the suspension's own period) whose wording is not the one the act prints under
/// the unit. None when the provision sets no wording.
fn period_wordings(
    act: &Act,
    provision: &Unit,
    target: &str,
    suspension: &crate::model::TimeLimit,
) -> Vec<crate::model::UnitTime> {
    let lower = crate::structure::lowercase(&provision.text);
    if !(lower.contains("следующей редакции") || lower.contains("мынадай редакцияда"))
    {
        return Vec::new();
    }
    let Some(printed) = act.unit(target) else {
        return Vec::new();
    };
    // Letters and digits only: quotes, spacing and the closing `.` / `;` aside.
    let bare = |t: &str| -> String {
        crate::structure::lowercase(t)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let printed_words = bare(&printed.text);
    let items: Vec<(&Unit, notes::PeriodWording)> = if provision.children.is_empty() {
        // `… действует в следующей редакции: «…»`: the suspension's own period.
        let (from, until) = match suspension {
            crate::model::TimeLimit::Suspended { from, until, .. } => (*from, *until),
            _ => (None, None),
        };
        let quoted = provision
            .text
            .find('«')
            .zip(provision.text.rfind('»'))
            .and_then(|(o, c)| provision.text.get(o + '«'.len_utf8()..c));
        quoted
            .filter(|_| from.is_some() || until.is_some())
            .map(|w| {
                (
                    provision,
                    notes::PeriodWording {
                        from,
                        until,
                        wording: w.trim().to_string(),
                    },
                )
            })
            .into_iter()
            .collect()
    } else {
        provision
            .children
            .iter()
            .filter_map(|c| Some((c, notes::parse_period_wording(&c.text)?)))
            .collect()
    };
    items
        .into_iter()
        .filter(|(_, p)| bare(&p.wording) != printed_words)
        .map(|(item, p)| {
            let mut wording = printed.clone();
            wording.text = p.wording.clone();
            wording.notes = Vec::new();
            wording.children = Vec::new();
            wording.tables = Vec::new();
            wording.closing_at = None;
            wording.span = item.span;
            wording.status = crate::model::UnitStatus::Live;
            crate::model::UnitTime {
                eid: target.to_string(),
                limit: crate::model::TimeLimit::Worded {
                    from: p.from,
                    until: p.until,
                    wording: Box::new(wording),
                    given_in: item.eid.clone(),
                },
                source: notes::clean_note_text(&item.text),
                read_from: None,
            }
        })
        .collect()
}

/// A [`crate::model::UnitTime`] for `eid`; a part of the unit (`часть первая`), the provision
/// it lapsed under (`under`, an eid of the act) and the act the words name (`set_by`) are
/// named in the expiry.
fn unit_time(
    eid: String,
    part: Option<String>,
    under: Option<String>,
    set_by: Option<crate::model::NamedAct>,
    limit: crate::model::TimeLimit,
    source: &str,
) -> crate::model::UnitTime {
    let limit = match (limit, part) {
        (crate::model::TimeLimit::Expires { since, .. }, part) => {
            crate::model::TimeLimit::Expires {
                since,
                part,
                under,
                set_by,
            }
        }
        (l, _) => l,
    };
    crate::model::UnitTime {
        eid,
        limit,
        source: source.to_string(),
        read_from: None,
    }
}

/// When the act itself takes effect, from its commencement clause: exact with a publication
/// date (sidecar `NAME.meta.toml`) or a fixed date, else estimated from the signing date with
/// the assumption in `basis`.
#[cfg(test)]
pub fn act_effective(act: &Act) -> Option<crate::model::EffectiveDate> {
    effective::resolve_act(act.commencement.as_ref()?, act)
}

fn make_amendment(
    ev: notes::NoteEvent,
    target_eid: String,
    text: &str,
    span: crate::model::SourceSpan,
) -> Amendment {
    let effective = effective::resolve(&ev.rule, ev.by.date, None);
    Amendment {
        target_eid,
        target_label: ev.target_label,
        action: ev.action,
        by: ev.by,
        rule: ev.rule,
        effective,
        note: notes::clean_note_text(text),
        span,
    }
}

/// A unit's text without its printed number (`2) алып тасталды …` → `алып тасталды …`).
fn strip_num<'a>(text: &'a str, num: Option<&str>) -> &'a str {
    let t = text.trim_start_matches(['*', ' ']);
    if let Some(n) = num {
        if let Some(rest) = t.strip_prefix(n) {
            return rest.trim_start_matches([')', '.', ' ']);
        }
    }
    t
}

/// A Kazakh unit reference: `3-тармақ`, `12-бап`, and the forms a vowel ending voices
/// (`3-тармағының`, `7-бабы`, `30-бабының`), as transitional provisions and their notes
/// print them (`3-тармағының осы редакциясы …`, `Осы Заңның 7-бабы 2) тармақшасының …`).
static REF_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([0-9]+(?:-[0-9]+)*)\s*-\s*(тармақ|тармағ|бап|баб|қосымша|тарау)|([0-9]+(?:-[0-9]+)*)\)\s*тармақша",
    )
    .expect("static regex")
});

/// `Тақырып пен кіріспе`, `В названии и тексте`, `Статьи 5 и 6`: the joints of a target that
/// names several.
static JOINT_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*,\s*|\s+(?:пен|мен|және|и)\s+").expect("static regex"));

/// The lowercase words of a target label without a leading Russian preposition (`В статью 5`
/// → `статью 5`).
fn target_words(label: &str) -> String {
    let l = crate::structure::lowercase(label.trim());
    for p in ["в ", "во ", "по "] {
        if let Some(rest) = l.strip_prefix(p) {
            if !rest.starts_with("всему") {
                return rest.trim_start().to_string();
            }
        }
    }
    l
}

/// A target that is the whole text (`бүкіл мәтін бойынша …`, `по всему тексту`, `тексте`).
fn is_whole_text(label: &str) -> bool {
    let l = target_words(label);
    l.contains("бүкіл мәтін")
        || l.starts_with("мәтін")
        || l.contains("по всему тексту")
        || l.starts_with("текст")
}

/// A target that is the act itself (`Бұйрық жаңа редакцияда`, `Решение в редакции`, `Приказ
/// дополнен …`), by its kind word; a title note naming the act (`Заголовок приказа`) too.
fn names_act(label: &str) -> bool {
    use crate::model::citation::codes::is_kind_word;
    let l = target_words(label);
    let words: Vec<&str> = l.split_whitespace().collect();
    let first_is_act = words.first().is_some_and(|w| is_kind_word(w));
    let title_of_act = is_title(label) && words.iter().skip(1).any(|w| is_kind_word(w));
    first_is_act || title_of_act
}

/// A target that is a title (`Тақырып`, `Тақырыбы`, `Заголовок`, `название`, `наименование`).
fn is_title(label: &str) -> bool {
    let l = target_words(label);
    ["тақырып", "заголов", "назван", "наименован"]
        .iter()
        .any(|w| l.starts_with(w))
}

/// A target that is the preamble.
fn is_preamble(label: &str) -> bool {
    let l = target_words(label);
    ["преамбул", "кіріспе"].iter().any(|w| l.starts_with(w))
}

/// A target that is approved Rules or a Regulation (`Қағида`, `Правила`, `Положение`).
fn is_attachment(label: &str) -> bool {
    let l = target_words(label);
    ["қағида", "ереже", "регламент", "правил", "положени"]
        .iter()
        .any(|w| l.starts_with(w))
}

/// The units a label names, outermost first: Kazakh (`3-тармақ`, `2) тармақша`) or Russian
/// (`пункта 2 статьи 8`).
fn label_refs(label: &str) -> Vec<String> {
    let mut refs: Vec<String> = Vec::new();
    for c in REF_RE.captures_iter(label) {
        if let (Some(n), Some(k)) = (c.get(1), c.get(2)) {
            let prefix = match k.as_str() {
                "тармақ" | "тармағ" => "para",
                "бап" | "баб" => "art",
                "қосымша" => "annex",
                _ => "chp",
            };
            refs.push(format!("{prefix}_{}", n.as_str()));
        } else if let Some(n) = c.get(3) {
            refs.push(format!("subpara_{}", n.as_str()));
        }
    }
    if refs.is_empty() {
        refs = notes_ru::unit_refs(label);
    }
    refs
}

/// Whether a label names a target: a unit, the title, the preamble or the whole text.
pub(crate) fn names_unit(label: &str) -> bool {
    is_title(label) || is_preamble(label) || is_whole_text(label) || !label_refs(label).is_empty()
}

/// The parts of a label naming several targets, each one a target of its own (`Тақырып пен
/// кіріспе` → `Тақырып`, `кіріспе`; `Статьи 5 и 6` → `Статьи 5`, `Статьи 6`). A label is split
/// only when every part names something; otherwise it is one target (quoted words replaced
/// may hold `и`).
fn split_targets(label: &str) -> Vec<String> {
    let parts: Vec<&str> = JOINT_RE.split(label).map(str::trim).collect();
    if parts.len() < 2 || is_whole_text(label) {
        return vec![label.to_string()];
    }
    // `Статьи 5 и 6`: a bare number takes the first part's kind word.
    let kind_word = parts[0]
        .split_whitespace()
        .next()
        .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or("");
    let full: Vec<String> = parts
        .iter()
        .map(|p| {
            if p.starts_with(|c: char| c.is_ascii_digit()) && !kind_word.is_empty() {
                format!("{kind_word} {p}")
            } else {
                p.to_string()
            }
        })
        .collect();
    if full.iter().all(|p| names_unit(p)) {
        full
    } else {
        vec![label.to_string()]
    }
}

/// The action for one part of a label: a title reworded is renamed, anything else reworded
/// keeps `new_wording` (`Тақырып пен кіріспе жаңа редакцияда`).
fn part_action(part: &str, label: &str, action: AmendAction) -> AmendAction {
    if part == label {
        return action;
    }
    match action {
        AmendAction::NewWording if is_title(part) => AmendAction::Renamed,
        AmendAction::Renamed if !is_title(part) => AmendAction::NewWording,
        a => a,
    }
}

/// Where a note's event lands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedTarget {
    /// A unit of the act, or `""` for the whole act.
    pub eid: String,
    /// The eid the printed target would have when no unit has it (the event went to `eid`,
    /// the nearest existing unit the note names or sits under, instead).
    pub wanted: Option<String>,
}

/// Resolves a note's printed target (`3-тармақ`, `1-қосымшаға`, `Преамбула`, `Қағида`,
/// `Тақырып`, `2) тармақша`, `Статья 3-1`, `Подпункт 4)`, empty for the whole act) to an eid,
/// relative to the unit the note follows (in 003 the Rules are `att_1`, so `3-тармақ` under
/// them is `att_1__para_3`), against the act's units `eids` (`headed`: those with a heading,
/// whose `Тақырып` a title note means).
///
/// - empty: the unit the note sits under, or the whole act for a repeal or a title note under
///   the preamble (the act's own title);
/// - the whole text (`бүкіл мәтін бойынша`, `В названии и тексте`): `""`;
/// - units (`3-тармақ`, `Статью 10 … пунктом 5-1`): looked up by the note's place (same kind
///   in its path replaced, or appended to its path or an ancestor's), then anywhere in the act
///   (articles are flat `art_N` even under chapters; the nearest of several by shared path);
/// - a named unit not in this edition (announced, not yet printed): the nearest existing unit
///   the note names (`art_10`), else the one it sits under, with `wanted` set.
pub fn resolve_note_target(
    label: &str,
    context: &str,
    eids: &HashSet<String>,
    headed: &HashSet<String>,
    action: AmendAction,
) -> ResolvedTarget {
    let exact = |eid: String| ResolvedTarget { eid, wanted: None };
    let comps: Vec<&str> = if context.is_empty() {
        Vec::new()
    } else {
        context.split("__").collect()
    };
    // The act's own title: a title note with no unit named, under the preamble, nothing, or a
    // unit without a heading outside the attachments (a unit with a heading, like an article
    // or an appendix, has a title of its own).
    let act_title = || {
        let in_attachment = comps
            .iter()
            .any(|c| c.starts_with("annex_") || c.starts_with("att_"));
        let untitled_unit = !headed.is_empty() && !headed.contains(context);
        context.is_empty() || context == "preamble" || (untitled_unit && !in_attachment)
    };
    if label.trim().is_empty() {
        return match action {
            AmendAction::Repealed => exact(String::new()),
            AmendAction::Renamed if act_title() => exact(String::new()),
            _ => exact(context.to_string()),
        };
    }
    if is_whole_text(label) {
        return exact(String::new());
    }
    if is_preamble(label) {
        return if eids.contains("preamble") {
            exact("preamble".to_string())
        } else {
            ResolvedTarget {
                eid: context.to_string(),
                wanted: Some("preamble".to_string()),
            }
        };
    }
    let refs = label_refs(label);
    if refs.is_empty() && names_act(label) {
        return exact(String::new());
    }
    if refs.is_empty() && is_title(label) {
        return if act_title() {
            exact(String::new())
        } else {
            exact(context.to_string())
        };
    }
    if refs.is_empty() && is_attachment(label) {
        if let Some(i) = comps.iter().position(|c| c.starts_with("att_")) {
            return exact(comps[..=i].join("__"));
        }
        return if eids.contains("att_1") {
            exact("att_1".to_string())
        } else {
            exact(context.to_string())
        };
    }
    if refs.is_empty() {
        return exact(context.to_string());
    }
    // The whole chain, then without its outer units (`Глава I … статьей 3-1`: articles are
    // not inside chapters in the eids).
    for k in 0..refs.len() {
        if let Some(eid) = lookup(&refs[k..], &comps, eids) {
            return exact(eid);
        }
    }
    let wanted = plausible(&refs, &comps);
    // Not in this edition: the nearest unit the note names, else the one it sits under.
    for k in (1..refs.len()).rev() {
        if let Some(eid) = lookup(&refs[..k], &comps, eids) {
            return ResolvedTarget {
                eid,
                wanted: Some(wanted),
            };
        }
    }
    ResolvedTarget {
        eid: context.to_string(),
        wanted: Some(wanted),
    }
}

/// The eid a chain of units would have at the note's place (what the note means when the unit
/// is not printed).
fn plausible(refs: &[String], comps: &[&str]) -> String {
    let kind = refs[0].split('_').next().unwrap_or("");
    let cut = comps
        .iter()
        .rposition(|c| c.split('_').next() == Some(kind))
        .unwrap_or(comps.len());
    let mut v: Vec<&str> = comps[..cut].to_vec();
    v.extend(refs.iter().map(String::as_str));
    v.join("__")
}

/// The existing unit a chain of units names from the note's place `comps`, if any.
fn lookup(refs: &[String], comps: &[&str], eids: &HashSet<String>) -> Option<String> {
    let kind = refs[0].split('_').next().unwrap_or("");
    let build = |cut: usize| {
        let mut v: Vec<&str> = comps[..cut].to_vec();
        v.extend(refs.iter().map(String::as_str));
        v.join("__")
    };
    // Same kind in the context path: replace it (a note under paragraph 3 naming `3-тармақ`).
    let same = comps
        .iter()
        .rposition(|c| c.split('_').next() == Some(kind));
    if let Some(i) = same {
        let cand = build(i);
        if eids.contains(&cand) {
            return Some(cand);
        }
    }
    for cut in (0..=comps.len()).rev() {
        let cand = build(cut);
        if eids.contains(&cand) {
            return Some(cand);
        }
    }
    // Anywhere in the act: the one sharing the longest path with the note's place, if that
    // is one unit.
    let tail = refs.join("__");
    let suffix = format!("__{tail}");
    let shared = |e: &str| {
        e.split("__")
            .zip(comps.iter())
            .take_while(|(a, b)| a == *b)
            .count()
    };
    let mut best: Vec<(usize, &String)> = eids
        .iter()
        .filter(|e| **e == tail || e.ends_with(&suffix))
        .map(|e| (shared(e), e))
        .collect();
    best.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    match best.as_slice() {
        [] => None,
        [(_, e)] => Some((*e).clone()),
        [(a, e), (b, _), ..] if a > b => Some((*e).clone()),
        _ => None,
    }
}

/// Whether a label names a unit of another act (`пункта 6 Правил …`, `статьи 5 Закона …`,
/// `… Заңының 3-бабы`), not of the act itself (`настоящего Закона`, `осы Заңның`).
fn names_other_act(label: &str) -> bool {
    static ACTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        use crate::model::citation::codes::{kind_forms, KindCase};
        use crate::model::ActKind::{Code, Decision, Decree, Law, Order, Resolution};
        use crate::model::Lang;
        let kinds = [Law, Code, Decree, Resolution, Order, Decision];
        let mut words = vec!["правил", "қағидаларының"];
        words.extend(kind_forms(Lang::Ru, KindCase::Genitive, &kinds));
        words.extend(kind_forms(Lang::Kk, KindCase::PossessiveGenitive, &kinds));
        words
    });
    let lower = crate::structure::lowercase(label);
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        ACTS.contains(&w)
            && !i
                .checked_sub(1)
                .and_then(|p| words.get(p))
                .is_some_and(|p| p.starts_with("настоящ") || *p == "осы")
    })
}

/// Reads the instructions of every amending paragraph (`… енгізілсін:`) of an act.
fn read_instructions(act: &Act) -> Vec<Instruction> {
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    // Each source annex's text, looked up once however many instructions cite it.
    let mut annexes: HashMap<String, Option<String>> = HashMap::new();
    for u in act.all_units() {
        if u.kind == UnitKind::Instruction || !u.text.contains("енгізілсін") {
            continue;
        }
        // Inside a paragraph read already: one of its ancestors' ids is in `seen`.
        let inside_seen = u
            .eid
            .as_bytes()
            .windows(2)
            .enumerate()
            .any(|(p, w)| w == b"__" && seen.contains(&u.eid[..p]));
        if inside_seen {
            continue;
        }
        seen.insert(u.eid.clone());
        // One stream of the paragraph and its instruction units, with each unit's offset.
        let mut stream = String::new();
        let mut offsets: Vec<(usize, &Unit)> = Vec::new();
        for w in u.walk() {
            offsets.push((stream.len(), w));
            stream.push_str(&w.text);
            stream.push('\n');
        }
        let header_end = stream.find("енгізілсін").unwrap_or(0);
        let Some(target) = instructions::parse_target_act(&stream[..header_end]) else {
            continue;
        };
        for p in instructions::parse_instructions(&stream) {
            // The last unit starting at or before the head (offsets ascend).
            let at = offsets.partition_point(|(o, _)| *o <= p.offset);
            let src = at
                .checked_sub(1)
                .and_then(|k| offsets.get(k))
                .map_or(u, |(_, w)| *w);
            let new_text = p.new_text.clone().or_else(|| {
                let a = p.source_annex.as_ref()?;
                annexes
                    .entry(a.clone())
                    .or_insert_with(|| {
                        let suffix = format!("__{a}");
                        act.all_units()
                            .into_iter()
                            .find(|x| x.eid == *a || x.eid.ends_with(&suffix))
                            .map(Unit::full_text)
                    })
                    .clone()
            });
            out.push(Instruction {
                source_eid: src.eid.clone(),
                target_act: target.clone(),
                target_eid: p.target_eid,
                op: p.op,
                part: p.part,
                part_last: p.part_last,
                new_text,
                old_text: p.old_text,
                span: src.span,
            });
        }
    }
    out
}

/// The act's own commencement clause (`Осы бұйрық … қолданысқа енгізіледі.`, `Настоящий Закон
/// вводится в действие …`), read whole from the article that holds it: the whole act's rule,
/// and the units with a rule of their own (`статья 12 вводится в действие с …`, the units an
/// exception names, `… қоспағанда`).
fn commencement(
    act: &Act,
    eids: &HashSet<String>,
    headed: &HashSet<String>,
) -> (
    Option<crate::model::EffectiveRule>,
    Vec<crate::model::UnitTime>,
) {
    // A head note giving the act's commencement as another act's (`Сноска. Кодекс вводится в
    // действие в соответствии с Законом РК от 25.12.2017 № 121-VІ.`).
    let by_note = || {
        act.all_units()
            .iter()
            .flat_map(|u| u.notes.iter())
            .find_map(|n| act_tied_by_note(&n.text))
            .map(|by| crate::model::EffectiveRule::WithOtherAct {
                act: by,
                on: None,
                in_corpus: false,
            })
    };
    let Some((unit, text)) = commencement_text(act) else {
        return (by_note(), Vec::new());
    };
    let parts = effective::parse_commencement(&text);
    // The clause itself tied to another act (`Настоящий Закон вводится в действие одновременно
    // с введением в действие …`).
    let tied = notes::tied_commencement(own_words(unit)).map(|by| {
        crate::model::EffectiveRule::WithOtherAct {
            act: by,
            on: None,
            in_corpus: false,
        }
    });
    let whole = tied.or_else(|| {
        let printed = parts
            .iter()
            .find(|p| p.labels.is_empty())
            .map(|p| p.rule.clone())
            .unwrap_or_else(|| effective::parse_rule(&unit.text));
        match printed {
            crate::model::EffectiveRule::Unknown => by_note().or(Some(printed)),
            rule => Some(rule),
        }
    });
    let mut own = Vec::new();
    for p in parts.iter().filter(|p| !p.labels.is_empty()) {
        for eid in units_named(&p.labels, &unit.eid, eids, headed) {
            own.push(crate::model::UnitTime {
                eid,
                limit: crate::model::TimeLimit::Commences {
                    rule: p.rule.clone(),
                },
                source: text.clone(),
                read_from: None,
            });
        }
    }
    (whole, own)
}

/// The units of an act (`eids`, `headed` as [`resolve_note_target`] takes them) that the
/// labels of a commencement part name (`статья 11`, `9-баптың 39) тармақша`), each found
/// exactly: a label naming no unit of the text, or landing on `context` (the clause itself),
/// names none.
pub(crate) fn units_named(
    labels: &[String],
    context: &str,
    eids: &HashSet<String>,
    headed: &HashSet<String>,
) -> Vec<String> {
    let mut out = Vec::new();
    for label in labels {
        for part in split_targets(label) {
            if !names_unit(&part) {
                continue;
            }
            let r = resolve_note_target(&part, context, eids, headed, AmendAction::Changed);
            if r.eid.is_empty() || r.eid == context || r.wanted.is_some() || out.contains(&r.eid) {
                continue;
            }
            out.push(r.eid);
        }
    }
    out
}

/// The eids of an act's units, and of those with a heading: what [`units_named`] resolves
/// labels against.
pub(crate) fn unit_eids(act: &Act) -> (HashSet<String>, HashSet<String>) {
    let units = act.all_units();
    let eids = units.iter().map(|u| u.eid.clone()).collect();
    let headed = units
        .iter()
        .filter(|u| u.heading.as_deref().is_some_and(|h| !h.trim().is_empty()))
        .map(|u| u.eid.clone())
        .collect();
    (eids, headed)
}

/// The act a note ties this act's own commencement to: a note whose subject is the act itself
/// (`Сноска. Кодекс вводится в действие в соответствии с Законом РК от 25.12.2017 №
/// 121-VІ.`, `Ескерту. Кодекс ҚР 25.12.2017 № 121-VI Заңына сәйкес қолданысқа
/// енгізіледі.`), not one of its units.
fn act_tied_by_note(text: &str) -> Option<crate::model::ActRef> {
    let t = notes::note_words(text);
    let body = ["Сноска.", "Ескерту.", "Примечание."]
        .iter()
        .find_map(|p| t.strip_prefix(p))?
        .trim_start();
    let subject = body.split_whitespace().next()?;
    let is_act = [crate::model::Lang::Ru, crate::model::Lang::Kk]
        .into_iter()
        .any(|l| crate::model::citation::codes::kind_named(l, subject).is_some());
    if !is_act {
        return None;
    }
    notes::tied_commencement(body)
}

/// The unit printing the act's commencement clause and the text to read it from: the whole
/// article holding it (its other paragraphs may give units their own days), else the unit.
fn commencement_text(act: &Act) -> Option<(&crate::model::Unit, String)> {
    let units = act.all_units();
    let unit = units
        .iter()
        .rev()
        .filter(|u| u.kind != UnitKind::Instruction)
        .find(|u| effective::is_commencement(own_words(u)) || lists_its_commencement(u))?;
    let article = unit
        .eid
        .split("__")
        .next()
        .filter(|top| top.starts_with("art_") && *top != unit.eid)
        .and_then(|top| units.iter().find(|u| u.eid == top));
    let whole = article.unwrap_or(unit);
    let full = whole.full_text();
    let text = after_heading(whole, &full).to_string();
    Some((unit, text))
}

/// Whether `unit` is an article whose own words only open a list («Осы Заң:») that, read whole,
/// is the act's commencement clause: the Kazakh form names the excepted units in the items and
/// the verb of the whole act closes the last («3) … енгізілетін осы Заңның 18-бабының
/// 8-тармағын қоспағанда, … қолданысқа енгізіледі.»), so no unit says it alone.
fn lists_its_commencement(unit: &crate::model::Unit) -> bool {
    unit.kind == UnitKind::Article
        && own_words(unit).trim_end().ends_with(':')
        && effective::is_commencement(after_heading(unit, &unit.full_text()))
}

/// A unit's text past its heading line, when the text prints one (`Статья 31. Порядок
/// введения в действие настоящего Закона` above the article's own words).
fn after_heading<'a>(unit: &crate::model::Unit, text: &'a str) -> &'a str {
    if unit.kind == UnitKind::Article {
        effective::past_heading_line(text, unit.heading.as_deref())
    } else {
        text
    }
}

/// A unit's own words: its heading line and its number left out.
fn own_words(unit: &crate::model::Unit) -> &str {
    strip_num(after_heading(unit, &unit.text), unit.num.as_deref())
}

/// The whole act's commencement, when its clause prints one that is a rule (`… по истечении
/// десяти календарных дней …`, `… 2020 жылғы 1 қаңтардан бастап …`).
pub(crate) fn commencement_rule(act: &Act) -> Option<&crate::model::EffectiveRule> {
    act.commencement
        .as_ref()
        .filter(|r| !matches!(r, crate::model::EffectiveRule::Unknown))
}

#[cfg(test)]
mod apply_tests;

#[cfg(test)]
mod census_tests;

#[cfg(test)]
mod corpus_tests;

#[cfg(test)]
mod fuzz_regressions_tests;

#[cfg(test)]
mod instructions_tests;

#[cfg(test)]
mod notes_tests;

#[cfg(test)]
mod versions_tests;

#[cfg(test)]
mod mirror_tests;

#[cfg(test)]
mod tests {
    use super::*;

    fn set(eids: &[&str]) -> HashSet<String> {
        eids.iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn targets_naming_several_are_split() {
        assert_eq!(split_targets("Тақырып пен кіріспе"), ["Тақырып", "кіріспе"]);
        assert_eq!(split_targets("Статьи 5 и 6"), ["Статьи 5", "Статьи 6"]);
        // Quoted words with a joint are one whole-text target.
        assert_eq!(
            split_targets("По всему тексту слова «права и обязанности»"),
            ["По всему тексту слова «права и обязанности»"]
        );
        assert_eq!(split_targets("1, 2-тармақтар"), ["1, 2-тармақтар"]);
    }

    #[test]
    fn a_later_action_with_its_own_target() {
        let labels = |n: &str| {
            notes::parse_note(n)
                .into_iter()
                .map(|e| (e.target_label, e.action))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            labels("Ескерту. 2-тармақ жаңа редакцияда - ҚР Ішкі істер министрінің 11.03.2014 № 152 (алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі) бұйрығымен; 3-тармақ алып тасталды - ҚР Ішкі істер министрінің 11.03.2014 № 152 бұйрығымен."),
            [
                ("2-тармақ".to_string(), AmendAction::NewWording),
                ("3-тармақ".to_string(), AmendAction::Deleted),
            ]
        );
        assert_eq!(
            labels("Сноска. Пункт 1 в редакции приказа Министра внутренних дел РК от 11.03.2014 № 152; пункт 2 исключен приказом Министра внутренних дел РК от 11.03.2014 № 152."),
            [
                ("Пункт 1".to_string(), AmendAction::NewWording),
                ("пункт 2".to_string(), AmendAction::Deleted),
            ]
        );
    }

    #[test]
    fn targets_resolve_to_existing_units() {
        let eids = set(&[
            "preamble",
            "chp_1",
            "art_1",
            "art_1__para_1",
            "att_1",
            "att_1__para_3",
        ]);
        let headed = set(&["chp_1", "art_1"]);
        let r = |label: &str, ctx: &str, a: AmendAction| {
            let t = resolve_note_target(label, ctx, &eids, &headed, a);
            (t.eid, t.wanted)
        };
        assert_eq!(
            r("Приказ в редакции", "preamble", AmendAction::NewWording).0,
            ""
        );
        assert_eq!(r("Заголовок", "preamble", AmendAction::Renamed).0, "");
        assert_eq!(r("Заголовок", "art_1", AmendAction::Renamed).0, "art_1");
        assert_eq!(
            r("пункт 3", "att_1", AmendAction::Changed).0,
            "att_1__para_3"
        );
        assert_eq!(
            r(
                "Глава 1 дополнена статьей 1",
                "chp_1",
                AmendAction::Inserted
            )
            .0,
            "art_1"
        );
        assert_eq!(
            r(
                "Статью 1 дополнить пунктом 2",
                "art_1__para_1",
                AmendAction::Prospective
            ),
            ("art_1".to_string(), Some("art_1__para_2".to_string()))
        );
        assert_eq!(
            r("Статья 9", "art_1", AmendAction::Deleted),
            ("art_1".to_string(), Some("art_9".to_string()))
        );
    }
}

//! Stage 3: amendment notes, instructions of amending acts, effective dates, versions and diffs.
//!
//! - [`notes`]: `Ескерту.` / `Ескертпе.` notes → events (target, action, amending act, rule);
//! - [`instructions`]: an amending act's instructions → operations on its target's units;
//! - [`effective`]: effective rules and the dates they give (exact or estimated);
//! - [`versions`]: editions of one act merged into a timeline, per-unit `[from, to)` versions;
//! - [`apply`]: an amending act's instructions applied to its target to make the next version;
//! - [`diff`]: unit-level and word-level differences between two versions;
//! - [`history`](mod@history): the amendment timeline of an act or unit.

pub mod apply;
pub mod diff;
pub mod effective;
pub mod history;
pub mod instructions;
pub mod notes;
pub mod versions;

pub use diff::{diff_versions, ActDiff, UnitChange, UnitChangeKind, WordChange};
pub use history::{history, HistoryEntry};
pub use versions::{amendments_for, link_corpus, unit_versions, units_as_of, UnitAsOf};

use crate::model::{
    Act, ActRef, AmendAction, Amendment, Instruction, Status, Unit, UnitKind, UnitStatus,
};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Parses one act's own notes, instructions and commencement clause into its fields:
/// `act.amendments` (one event per amending act a note cites, plus deleted units and
/// placeholders that cite their amending act), `act.instructions` (amending acts only) and
/// `act.commencement`. A note repealing the whole act sets `act.status` to repealed unless the
/// header already did.
pub fn annotate_act(act: &mut Act) {
    let eids: HashSet<String> = act.all_units().iter().map(|u| u.eid.clone()).collect();
    let mut events = Vec::new();
    for u in act.all_units() {
        for note in &u.notes {
            for ev in notes::parse_note(&note.text) {
                let target_eid = resolve_target(&ev.target_label, &u.eid, &eids, ev.action);
                events.push(make_amendment(ev, target_eid, &note.text, note.span));
            }
        }
        let cites_act = matches!(u.status, UnitStatus::Deleted | UnitStatus::Pending { .. })
            && !effective::find_dates(&u.text).is_empty();
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
        act.status = Status::Repealed {
            by: Some(cite(&rep.by)),
            on: rep
                .effective
                .as_ref()
                .filter(|e| !e.estimated)
                .map(|e| e.date)
                .or(rep.by.date),
        };
    }
    act.amendments = events;
    act.instructions = read_instructions(act);
    act.commencement = commencement(act);
}

/// When the act itself takes effect, from its commencement clause: exact with a publication
/// date (sidecar `NAME.meta.toml`) or a fixed date, else estimated from the signing date with
/// the assumption in `basis`.
pub fn act_effective(act: &Act) -> Option<crate::model::EffectiveDate> {
    effective::resolve(act.commencement.as_ref()?, act.date(), act.publication_date)
}

/// The amending act as one line, e.g. `ҚР Ішкі істер министрінің 11.03.2014 № 152 (order)`.
pub fn cite(r: &ActRef) -> String {
    let mut s = r.issuer.clone();
    if let Some(d) = r.date {
        s.push_str(&format!(" {}", d.format("%d.%m.%Y")));
    }
    if let Some(n) = &r.number {
        s.push_str(&format!(" № {n}"));
    }
    s.push_str(&format!(" ({})", r.kind.as_str()));
    s.trim().to_string()
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

static REF_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([0-9]+(?:-[0-9]+)*)\s*-\s*(тармақ|бап|қосымша|тарау)|([0-9]+(?:-[0-9]+)*)\)\s*тармақша",
    )
    .expect("static regex")
});

/// Compiles the amendment readers' patterns now (see `crate::ingest::compile_patterns`).
pub(crate) fn compile_patterns() {
    LazyLock::force(&REF_RE);
    apply::compile_patterns();
    effective::compile_patterns();
    instructions::compile_patterns();
    notes::compile_patterns();
}

/// Resolves a note's printed target (`3-тармақ`, `1-қосымшаға`, `Преамбула`, `Қағида`,
/// `Тақырып`, `2) тармақша`, empty for the whole act) to an eid, relative to the unit the note
/// follows: in 003 the Rules are `att_1`, so `3-тармақ` under them is `att_1__para_3`.
/// Prefers an eid that exists in the act; otherwise the nearest plausible one.
pub fn resolve_target(
    label: &str,
    context: &str,
    eids: &HashSet<String>,
    action: AmendAction,
) -> String {
    let l = crate::structure::lowercase(label);
    let comps: Vec<&str> = if context.is_empty() {
        Vec::new()
    } else {
        context.split("__").collect()
    };
    if l.is_empty() {
        return if action == AmendAction::Repealed {
            String::new()
        } else {
            context.to_string()
        };
    }
    if l.starts_with("преамбула") || l.starts_with("кіріспе") {
        return "preamble".to_string();
    }
    if l.starts_with("тақырып") {
        return context.to_string();
    }
    if l.starts_with("қағида") || l.starts_with("ереже") || l.starts_with("регламент")
    {
        if let Some(i) = comps.iter().position(|c| c.starts_with("att_")) {
            return comps[..=i].join("__");
        }
        return if eids.contains("att_1") {
            "att_1".to_string()
        } else {
            context.to_string()
        };
    }
    let mut refs: Vec<String> = Vec::new();
    for c in REF_RE.captures_iter(label) {
        if let (Some(n), Some(k)) = (c.get(1), c.get(2)) {
            let prefix = match k.as_str() {
                "тармақ" => "para",
                "бап" => "art",
                "қосымша" => "annex",
                _ => "chp",
            };
            refs.push(format!("{prefix}_{}", n.as_str()));
        } else if let Some(n) = c.get(3) {
            refs.push(format!("subpara_{}", n.as_str()));
        }
    }
    if refs.is_empty() {
        return context.to_string();
    }
    let kind = refs[0].split('_').next().unwrap_or("").to_string();
    let build = |cut: usize| {
        let mut v: Vec<&str> = comps[..cut].to_vec();
        v.extend(refs.iter().map(String::as_str));
        v.join("__")
    };
    // Same kind in the context path: replace it (a note under paragraph 3 naming `3-тармақ`).
    let same = comps
        .iter()
        .rposition(|c| c.split('_').next() == Some(kind.as_str()));
    if let Some(i) = same {
        let cand = build(i);
        if eids.contains(&cand) {
            return cand;
        }
    }
    for cut in (0..=comps.len()).rev() {
        let cand = build(cut);
        if eids.contains(&cand) {
            return cand;
        }
    }
    match same {
        Some(i) => build(i),
        None => build(comps.len()),
    }
}

/// Reads the instructions of every amending paragraph (`… енгізілсін:`) of an act.
fn read_instructions(act: &Act) -> Vec<Instruction> {
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for u in act.all_units() {
        if u.kind == UnitKind::Instruction || !u.text.contains("енгізілсін") {
            continue;
        }
        if seen.iter().any(|s| u.eid.starts_with(&format!("{s}__"))) {
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
            let src = offsets
                .iter()
                .rev()
                .find(|(o, _)| *o <= p.offset)
                .map(|(_, w)| *w)
                .unwrap_or(u);
            let new_text = p.new_text.clone().or_else(|| {
                p.source_annex.as_ref().and_then(|a| {
                    act.all_units()
                        .into_iter()
                        .find(|x| x.eid == *a || x.eid.ends_with(&format!("__{a}")))
                        .map(Unit::full_text)
                })
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

/// The act's own commencement clause (`Осы бұйрық … қолданысқа енгізіледі.`).
fn commencement(act: &Act) -> Option<crate::model::EffectiveRule> {
    act.all_units()
        .into_iter()
        .rev()
        .filter(|u| u.kind != UnitKind::Instruction)
        .find(|u| {
            let t = strip_num(&u.text, u.num.as_deref());
            t.starts_with("Осы") && t.contains("қолданысқа енгізіледі")
        })
        .map(|u| effective::parse_rule(&u.text))
}

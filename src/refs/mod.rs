//! Stage 3b: cross-references. Every unit's text is read for what it points at, in Kazakh
//! (`осы Заңның 12-бабының 2-тармағы`, `осы Қағидаларға 1-қосымшаға`, `Еңбек кодексінің
//! 139-бабы`) and in Russian (`пункта 2 статьи 12 настоящего Закона`, `приложению 1 к
//! настоящим Правилам`), and each reference is resolved to a unit (and act) when it can be.
//!
//! - [`kk`] and [`ru`]: the two grammars, each finding [`Found`] references in one text;
//! - [`context`]: where a reference is read (an amending instruction speaks of its target
//!   act) and which eid it names from there;
//! - [`lines`]: a reference's lines in the source file;
//! - [`resolve`]: references resolved against the corpus, at the version of the cited act in
//!   force on the citing text's date;
//! - [`cited_by`](mod@cited_by): the inverse, what cites a unit.
//!
//! References are found once, at ingestion, in every edition of an act: each edition keeps
//! those of its own wording ([`crate::model::ActVersion::references`]; the current text's are
//! [`crate::model::Act::references`]), and the wording an amending act gave its target is
//! read after the amend stage has applied it ([`annotate_applied`]). [`Wording`] picks the
//! edition in force on a date. A reference within the act is resolved then; one to
//! another act is resolved when read ([`resolve::Catalog`]), because an incremental refresh
//! re-reads only the files that changed: a resolution stored with the citing act would stay
//! "not in corpus" after the cited act is added.

pub mod cited_by;
pub(crate) mod common;
pub mod context;
pub mod kk;
pub mod lines;
pub mod resolve;
pub mod ru;

pub use cited_by::cited_by;
pub use resolve::{Catalog, Citing, Edition, RefSource, Resolved, ResolvedReference, Wording};

use crate::model::{Act, Lang, Unit, UnitStatus};
pub use crate::model::{CitedAct, Reference, Resolution, TargetKind, Unresolved};
use std::collections::HashMap;

/// Where a found reference is read from: how its unit chain is scoped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// No qualifier: a unit near the citing one (`3-тармақта` under paragraph 11 of the
    /// Rules is the Rules' paragraph 3).
    Context,
    /// `осы Заңның`, `настоящего приказа`: from the act's root.
    OwnAct,
    /// `осы Қағидалардың`, `настоящих Правил`: the citing unit's attachment.
    Attachment,
    /// `осы тармақтың`, `настоящей статьи`: inside the enclosing unit of this eid prefix
    /// (`para`, `art`).
    Enclosing(&'static str),
    /// Another act.
    Other(CitedAct),
}

/// One reference as a grammar finds it, before it is placed in the act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    pub scope: Scope,
    /// The unit path named, outermost first (`["art_12", "para_2"]`); empty for an act or
    /// attachment as a whole.
    pub path: Vec<String>,
}

/// Finds the references in `text` in `lang`'s grammar.
pub fn find(text: &str, lang: Lang) -> Vec<Found> {
    match lang {
        Lang::Kk => kk::find(text),
        Lang::Ru => ru::find(text),
    }
}

/// Finds every reference in the act's current units and stores them in
/// `act.references`, each placed (its `wanted` eid), resolved when it is within the act,
/// and given its source lines from `lines` (the extracted lines of the act's file). Deleted
/// units (`Алып тасталды – … бұйрығымен`) cite only their amending act and are skipped.
pub fn annotate_refs(act: &mut Act, lines: &[crate::extract::CleanLine]) {
    act.references = references_in(act, &act.units, |u, start, end| {
        let (a, b) = lines::lines_of(u, start, end, lines);
        (a, b, None)
    });
}

/// Gives each edition an amending act's instructions made (`applied:…` versions, made after
/// ingestion by [`crate::amend::link_corpus`]) the references of its own wording, and the
/// act its current ones: the amending act may have reworded a provision that cited another
/// act, or deleted a unit others in the act cite.
///
/// A reference in a unit the instructions left as it was keeps the lines it has in the
/// earlier edition's file; one in a reworded unit is printed in the amending act, at the
/// lines of the instruction that gave the wording.
pub fn annotate_applied(acts: &mut [Act]) {
    type Given = (String, (u32, u32));
    let mut instructions: HashMap<(String, Lang), (String, Vec<Given>)> = HashMap::new();
    for a in acts.iter().filter(|a| !a.instructions.is_empty()) {
        let given = a
            .instructions
            .iter()
            .map(|i| (i.target_eid.clone(), (i.span.line_start, i.span.line_end)))
            .collect();
        instructions.insert((a.id.clone(), a.lang), (a.source.file.clone(), given));
    }
    for act in acts.iter_mut() {
        if !act.versions.iter().any(|v| v.applied_by().is_some()) {
            continue;
        }
        for k in 0..act.versions.len() {
            let Some(amending) = act.versions[k].applied_by() else {
                continue;
            };
            let earlier = k.checked_sub(1).map(|p| &act.versions[p]);
            let earlier_file = earlier.map_or(act.source.file.as_str(), |e| e.source.file.as_str());
            let kept: HashMap<&str, &str> = earlier
                .map(|e| {
                    e.units
                        .iter()
                        .flat_map(Unit::walk)
                        .map(|u| (u.eid.as_str(), u.text.as_str()))
                        .collect()
                })
                .unwrap_or_default();
            let earlier_refs = earlier.map_or(&[][..], |e| e.references.as_slice());
            let given = instructions.get(&(amending.to_string(), act.lang));
            let found = references_in(act, &act.versions[k].units, |u, start, end| {
                if kept.get(u.eid.as_str()) == Some(&u.text.as_str()) {
                    let same = earlier_refs.iter().find(|r| {
                        r.eid == u.eid && r.start as usize == start && r.end as usize == end
                    });
                    if let Some(r) = same {
                        let file = r.file.clone().unwrap_or_else(|| earlier_file.to_string());
                        return (r.line_start, r.line_end, Some(file));
                    }
                }
                // The instruction that targets the unit or the nearest unit around it.
                let Some((file, given)) = given else {
                    return (0, 0, None);
                };
                let lines = given
                    .iter()
                    .filter(|(eid, _)| resolve::inside(&u.eid, eid))
                    .max_by_key(|(eid, _)| eid.len())
                    .map_or((0, 0), |(_, l)| *l);
                (lines.0, lines.1, Some(file.clone()))
            });
            act.versions[k].references = found;
        }
        if let Some(newest) = act.versions.last().filter(|v| v.applied_by().is_some()) {
            act.references = newest.references.clone();
        }
    }
}

/// The references in `units` (an edition of `act`), with `lines` giving each one's first
/// and last line and, when it is not the edition's own, the file they are in.
fn references_in(
    act: &Act,
    units: &[Unit],
    lines: impl Fn(&Unit, usize, usize) -> (u32, u32, Option<String>),
) -> Vec<Reference> {
    let mut out = Vec::new();
    let places = context::Places::of_units(units);
    for u in units.iter().flat_map(Unit::walk) {
        if matches!(u.status, UnitStatus::Deleted) || u.text.is_empty() {
            continue;
        }
        let voice = context::voice_of(act, u);
        // A bug in the grammars must cost a unit its references, not the file its place in
        // the index.
        let found = std::panic::catch_unwind(|| find(&u.text, act.lang)).unwrap_or_default();
        let named = context::named_before(&found);
        for (f, named) in found.iter().zip(named) {
            let Some(placed) = context::place(f, u, &voice, &places, named) else {
                continue;
            };
            let (line_start, line_end, file) = lines(u, f.start, f.end);
            out.push(Reference {
                eid: u.eid.clone(),
                start: f.start as u32,
                end: f.end as u32,
                text: u.text[f.start..f.end].to_string(),
                file,
                line_start,
                line_end,
                kind: placed.kind,
                act: placed.act,
                wanted: placed.wanted,
                resolution: placed.resolution.map(|r| match r {
                    Ok(eid) => Resolution::Resolved {
                        act: act.id.clone(),
                        eid,
                    },
                    Err(reason) => Resolution::Unresolved { reason },
                }),
            });
        }
    }
    out
}

#[cfg(test)]
mod corpus_tests;

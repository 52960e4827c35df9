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
//! References are found once, at ingestion (after the amend stage), and stored with the act
//! ([`crate::model::Act::references`]). A reference within the act is resolved then; one to
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
pub use resolve::{Catalog, Citing, RefSource, Resolved, ResolvedReference};

use crate::model::{Act, Lang, UnitStatus};
pub use crate::model::{CitedAct, Reference, Resolution, TargetKind, Unresolved};

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
    let mut out = Vec::new();
    let places = context::Places::of(act);
    for u in act.all_units() {
        if matches!(u.status, UnitStatus::Deleted) || u.text.is_empty() {
            continue;
        }
        let voice = context::voice_of(act, u);
        // A bug in the grammars must cost a unit its references, not the file its place in
        // the index.
        let found = std::panic::catch_unwind(|| find(&u.text, act.lang)).unwrap_or_default();
        for f in found {
            let Some(placed) = context::place(&f, u, &voice, &places) else {
                continue;
            };
            let (line_start, line_end) = lines::lines_of(u, f.start, f.end, lines);
            out.push(Reference {
                eid: u.eid.clone(),
                start: f.start as u32,
                end: f.end as u32,
                text: u.text[f.start..f.end].to_string(),
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
    act.references = out;
}

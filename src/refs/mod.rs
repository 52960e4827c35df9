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
pub use resolve::{Catalog, Resolved, ResolvedReference};

use crate::model::{Act, ActKind, Lang, UnitStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a reference points at, as the text says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A unit of the same act (`осы Заңның 12-бабы`, `3-тармақта`, `настоящей статьи`).
    Unit,
    /// The same act's attachment or a unit in it (`осы Қағидалардың 10-тармағы`,
    /// `приложению 1 к настоящим Правилам`).
    Attachment,
    /// Another act, or a unit of it (`Еңбек кодексінің 139-бабы`, `№ 148 қаулысына`).
    OtherAct,
}

impl TargetKind {
    /// `unit`, `attachment` or `other_act`, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Unit => "unit",
            TargetKind::Attachment => "attachment",
            TargetKind::OtherAct => "other_act",
        }
    }
}

/// Another act as a reference names it: whatever of its kind, title, name, date and number
/// the text gives.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CitedAct {
    /// The kind the text names (`Заңы` → law, `қаулысы` → resolution), when it names one.
    pub kind: Option<ActKind>,
    /// The title in quotes (`Мемлекеттік көрсетілетін қызметтер туралы`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A name without quotes, for codes (`Еңбек`, `Трудового`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The number as printed after `№`, spaces removed (`11-1-4/1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Whether the reference is to an attachment the act approved (`… бұйрығымен бекітілген
    /// Қағидалардың 5-тармағы`): the unit path is then inside `att_1`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub attachment: bool,
}

/// Why a reference could not be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unresolved {
    /// The cited act is not in the corpus (or the text does not name it well enough to find).
    ActNotInCorpus,
    /// The act is there, but it has no unit the reference names, neither in the version in
    /// force on the citing text's date nor in its current text.
    UnitNotFound,
}

impl Unresolved {
    /// A short human reason.
    pub fn message(self) -> &'static str {
        match self {
            Unresolved::ActNotInCorpus => "target act not in corpus",
            Unresolved::UnitNotFound => "unit not found",
        }
    }
}

/// Where a reference leads: a unit of an act in the corpus (`eid` empty for the act as a
/// whole), or why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Resolution {
    Resolved { act: String, eid: String },
    Unresolved { reason: Unresolved },
}

/// One reference in one unit's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The citing unit.
    pub eid: String,
    /// Byte offsets of the reference in the citing unit's text (`[start, end)`); the
    /// references of a list (`15, 16 және 17-тармақтар`) share the list's span.
    pub start: u32,
    pub end: u32,
    /// The reference as printed (the unit text at `start..end`).
    pub text: String,
    /// 1-based lines of the source file the reference is printed on.
    pub line_start: u32,
    pub line_end: u32,
    pub kind: TargetKind,
    /// The other act, for [`TargetKind::OtherAct`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act: Option<CitedAct>,
    /// The eid the reference names in its target act, read from the citing unit's place
    /// (`att_1__para_10`); empty for an act or attachment named as a whole.
    pub wanted: String,
    /// Within the act: resolved at ingestion. To another act: `None`, resolved when read
    /// ([`resolve::Catalog`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
}

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

/// Compiles this stage's patterns now (see `crate::ingest::compile_patterns`).
pub(crate) fn compile_patterns() {
    kk::compile_patterns();
    ru::compile_patterns();
    common::compile_patterns();
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

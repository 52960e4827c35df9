//! Cross-references as stored with their act: what the text of a unit points at, and (within
//! the act) the unit it leads to.

use super::ActKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a reference points at, as the text says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// The date the reference gives for the act.
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// Resolved to a unit (`eid` empty: the act as a whole) of act `act`.
    Resolved {
        /// The act.
        act: String,
        /// The unit.
        eid: String,
    },
    /// Not resolved, and why.
    Unresolved {
        /// Why.
        reason: Unresolved,
    },
}

/// One reference in one unit's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The citing unit.
    pub eid: String,
    /// Byte offsets of the reference in the citing unit's text (`[start, end)`); the
    /// references of a list (`15, 16 және 17-тармақтар`) share the list's span.
    pub start: u32,
    /// The end of the byte span (exclusive).
    pub end: u32,
    /// The reference as printed (the unit text at `start..end`).
    pub text: String,
    /// The file the reference is printed in when it is not its edition's own: wording an
    /// amending act gave is printed in that act (`None`: the edition's source file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based lines of the source file the reference is printed on (0 when unknown).
    pub line_start: u32,
    /// The last line, inclusive.
    pub line_end: u32,
    /// What the reference points at.
    pub kind: TargetKind,
    /// The other act, for [`TargetKind::OtherAct`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act: Option<CitedAct>,
    /// The eid the reference names in its target act, read from the citing unit's place
    /// (`att_1__para_10`); empty for an act or attachment named as a whole.
    pub wanted: String,
    /// Within the act: resolved at ingestion. To another act: `None`, resolved when read
    /// (`Catalog` in the cross-references stage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
}

//! Succession between acts: an act repealed and replaced by a new one on the same subject (a
//! code by the next code, rules by the rules approved in their stead) is the new act's
//! predecessor, and the new act its successor.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The other act of a succession link, as the corpus names it.
///
/// `id` is the act's id when it is in the corpus; a link whose other act is not in the corpus
/// keeps the corpus's words for it (`requisite`) and says so by `id: None`, so the link is
/// neither dropped nor invented.
///
/// ```
/// use zanlex::ActLink;
/// let link = ActLink {
///     id: None,
///     requisite: "решение маслихата Алматинской области от 27 марта 2015 года № 43-249".into(),
///     date: chrono::NaiveDate::from_ymd_opt(2015, 3, 27),
///     number: Some("43-249".into()),
///     evidence: "repeal clause".into(),
/// };
/// assert_eq!(
///     link.describe(),
///     "решение маслихата Алматинской области от 27 марта 2015 года № 43-249 (not in the corpus)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActLink {
    /// The other act's id, `None` when it is not in the corpus.
    pub id: Option<String>,
    /// The other act as the corpus names it: the repeal in the old act's requisite
    /// (`решением маслихата Алматинской области от 31 июля 2019 года № 51-257`) or the act the
    /// new act's repeal clause names (`решение маслихата Алматинской области от 27 марта 2015
    /// года № 43-249`).
    pub requisite: String,
    /// The other act's date, as named.
    pub date: Option<NaiveDate>,
    /// The other act's number, as named.
    pub number: Option<String>,
    /// What in the corpus says so: `requisite` (the old act's repeal requisite names the new
    /// act, whose title is the old act's) or `repeal clause` (the new act's text repeals the
    /// old act, quoting a title that is the new act's own) or `note` (an amendment note of
    /// the act names it as the act that deleted a unit, or the words of a unit's expiry name
    /// it, [`crate::UnitAnswer::state_by`]).
    pub evidence: String,
}

impl ActLink {
    /// The other act in words: its id, or its requisite marked as not in the corpus.
    pub fn describe(&self) -> String {
        match &self.id {
            Some(id) => format!("{id} ({})", self.requisite),
            None => format!("{} (not in the corpus)", self.requisite),
        }
    }
}

//! The answers zanlex gives, as typed values: what the command line prints (as text and with
//! `--json`) and what the server sends are renderings of these, and their serde form is the
//! JSON contract (docs/json.md).
//!
//! Each answer has one file and is made by a method of [`crate::ZanIndex`]:
//! - a search: [`crate::SearchResults`], its hits with citations, highlighted snippets,
//!   editions and resolved references ([`crate::ZanIndex::search`]);
//! - the acts: [`ActList`] ([`crate::ZanIndex::act_list`]);
//! - an act with its outline: [`ActOutline`] ([`crate::ZanIndex::act_outline`]), and its unit
//!   tree: [`UnitTree`] ([`crate::ZanIndex::unit_tree`]);
//! - an act as it stood on a date, written as a file to attach (Markdown or plain text):
//!   [`ActFile`] ([`crate::ZanIndex::act_file`]);
//! - a unit with its children, notes, twin languages and references: [`UnitAnswer`]
//!   ([`crate::ZanIndex::unit_answer`]), and both languages side by side: [`ParallelUnit`]
//!   ([`crate::ZanIndex::parallel_unit`]);
//! - an amendment timeline: [`ActHistory`] ([`crate::ZanIndex::act_history`]);
//! - what changed between two editions: [`crate::ActDiff`] ([`crate::ZanIndex::act_diff`]);
//! - what a provision refers to and what refers to it: [`RefList`] and [`CitedByList`]
//!   ([`crate::ZanIndex::refs`], [`crate::ZanIndex::cited_by_list`]);
//! - the acts related to an act (its predecessor and successor, the acts it amends and that
//!   amend it, the acts it cites and that cite it, each with its status):
//!   [`crate::pages::RelatedActs`] ([`crate::pages::related_acts`]);
//! - the Kazakh↔Russian lexicon learned from the corpus: [`LexiconList`]
//!   ([`crate::ZanIndex::lexicon`]);
//! - when a phrase appeared in an act's units and when it went, over its editions:
//!   [`crate::pages::WordingAnswer`] ([`crate::pages::wording_history`]);
//! - what one amending act changed across the corpus, provision by provision:
//!   [`crate::pages::AmendedByAnswer`] ([`crate::pages::amended_by`]);
//! - counts across the corpus (acts by kind, issuer, year; the units and amending acts that
//!   changed most): [`CorpusStats`] ([`crate::ZanIndex::corpus_stats`]).
//!
//! - a server's health and what a refresh did: [`Health`], [`RefreshAnswer`];
//! - the same answers cut to a page and a size in characters, with links that open, as the
//!   MCP tools send them: [`crate::pages`].
//!
//! The arguments these take are read by one parser each: [`Target`] for `ACT_ID#EID`,
//! [`crate::parse_iso_date`] and [`date_arg`] for dates.

mod acts;
pub(crate) mod amended_by;
mod analysis;
pub(crate) mod changes;
mod download;
pub(crate) mod grep;
mod history;
mod lexicon;
pub(crate) mod list_args;
mod outline;
pub(crate) mod pages;
pub(crate) mod read_page;
pub(crate) mod recent;
mod refs;
pub(crate) mod related;
mod search;
pub(crate) mod search_page;
mod server;
mod stats;
mod succession;
mod unit;
pub(crate) mod wording;

pub use acts::{ActEntry, ActList, ActSummary, Failure};
pub use analysis::Analysis;
pub use download::{ActFile, ActFileBody, FileFormat};
pub use history::{
    ActChangesInWords, ActChangesWords, ActHistory, Affected, AmendingActChanges, ChangedUnit,
    HistoryAct, PredecessorHistory,
};
pub use lexicon::{LexiconList, DEFAULT_LEXICON_LIMIT};
pub use outline::{ActOutline, EditionSummary, OutlineUnit, TreeAct, UnitTree, Unmatched};
pub use refs::{CitedByList, RefList};
pub(crate) use search::Outgoing;
pub use search::SearchPage;
pub use server::{Health, RefreshAnswer};
pub use stats::{AmendedUnit, AmendingActCount, CorpusStats, DEFAULT_STATS_LIMIT};
pub use succession::Succession;
pub use unit::{ChildUnit, NeighbourUnit, ParallelUnit, TextLink, UnitAnswer, UnitOrParallel};

use chrono::NaiveDate;

/// A provision or a whole act, as `ACT_ID#EID` or `ACT_ID` names it.
///
/// ```
/// use zanlex::Target;
/// let t: Target = "mvd-order-2012-04-20-271#para_3".parse().unwrap();
/// assert_eq!((t.act.as_str(), t.eid.as_deref()), ("mvd-order-2012-04-20-271", Some("para_3")));
/// assert_eq!(t.to_string(), "mvd-order-2012-04-20-271#para_3");
/// assert!("#para_3".parse::<Target>().is_err());
/// assert!("mvd-order-2012-04-20-271#".parse::<Target>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Target {
    /// The act's id.
    pub act: String,
    /// The unit's eid; `None` for the whole act.
    pub eid: Option<String>,
}

impl Target {
    /// The target `act` (and unit `eid`).
    pub fn new(act: impl Into<String>, eid: Option<String>) -> Self {
        Target {
            act: act.into(),
            eid,
        }
    }

    /// Parses `ACT_ID#EID` or `ACT_ID` (blanks around either part ignored);
    /// [`crate::Error::BadArgument`] saying how to write it when the act or the eid is empty.
    pub fn parse(s: &str) -> crate::Result<Self> {
        let (act, eid) = match s.split_once('#') {
            Some((a, e)) => (a.trim(), Some(e.trim())),
            None => (s.trim(), None),
        };
        if act.is_empty() || eid == Some("") {
            return Err(crate::Error::BadArgument(format!(
                "{s:?}: write ACT_ID#EID (e.g. mfa-order-2018-01-04-11-1-4-1#att_1__para_11) or ACT_ID"
            )));
        }
        Ok(Target::new(act, eid.map(str::to_string)))
    }

    /// The eid, `None` for the whole act.
    pub fn eid(&self) -> Option<&str> {
        self.eid.as_deref()
    }
}

impl std::str::FromStr for Target {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Self> {
        Target::parse(s)
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.eid {
            Some(e) => write!(f, "{}#{e}", self.act),
            None => f.write_str(&self.act),
        }
    }
}

/// A date argument named `name` (`--as-of` on the command line, `as_of` in a query string),
/// written `YYYY-MM-DD`; [`crate::Error::BadArgument`] saying how to write it otherwise.
///
/// ```
/// assert!(zanlex::date_arg("--as-of", "2020-01-01").is_ok());
/// let e = zanlex::date_arg("--as-of", "01.01.2020").unwrap_err();
/// assert_eq!(e.to_string(), "--as-of \"01.01.2020\" is not a date; write YYYY-MM-DD, e.g. --as-of 2020-01-01");
/// ```
pub fn date_arg(name: &str, value: &str) -> crate::Result<NaiveDate> {
    crate::text::parse_iso_date(value).ok_or_else(|| {
        crate::Error::BadArgument(format!(
            "{name} {value:?} is not a date; write YYYY-MM-DD, e.g. {name} 2020-01-01"
        ))
    })
}

/// A language argument (`kk` or `ru`; `kaz` and `rus` too), as `--lang` and `lang=` take it;
/// the message of [`crate::Error::BadArgument`] otherwise.
///
/// ```
/// assert_eq!(zanlex::lang_arg("ru").unwrap(), zanlex::Lang::Ru);
/// assert!(zanlex::lang_arg("en").is_err());
/// ```
pub fn lang_arg(s: &str) -> Result<crate::Lang, String> {
    crate::Lang::parse(s).ok_or_else(|| {
        let each: Vec<String> = crate::Lang::ALL
            .iter()
            .map(|l| format!("{l} ({})", l.english()))
            .collect();
        format!("{s:?} is not a language here; write {}", each.join(" or "))
    })
}

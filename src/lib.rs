//! zanlex: full-text search and legal-document indexing for Kazakhstan's normative acts, in
//! Kazakh and Russian.
//!
//! Open (or build) an index over a corpus folder with [`ZanIndex`], ask it a
//! [`SearchRequest`], and read back ranked [`Hit`]s, each with a pinpoint citation, a
//! highlighted snippet and the dates its wording was in force. The same handle reads acts and
//! their units and a unit's wording on a date ([`ZanIndex::unit_as_of`]); [`history`] gives
//! an act's amendment timeline and [`diff`] what changed between two of its editions.
//!
//! ```no_run
//! use zanlex::{BuildOptions, SearchRequest, StatusKind, ZanIndex};
//! # fn main() -> zanlex::Result<()> {
//! let (index, _report) = ZanIndex::open_or_build("corpus", "index", &BuildOptions::default())?;
//! let request = SearchRequest::new("тұрақты тұруға рұқсат")
//!     .status(StatusKind::InForce)
//!     .limit(5);
//! for hit in index.search(&request)?.hits {
//!     println!("{}\n  {}", hit.citation, hit.snippet.text);
//! }
//! # Ok(()) }
//! ```
//!
//! Inside, the pipeline flows one way, one module per stage: extraction (text, Markdown, PDF;
//! repair of extraction damage) → structure (acts, metadata, unit trees with stable eids) →
//! amendments (notes, instructions, effective dates, editions, diffs) → cross-references →
//! the tantivy index ←
//! search (queries, ranking, cited passages). The Kazakh and Russian analyzers serve both the
//! index and search; the types every stage shares are the data model re-exported here.
//!
//! The `zanlex` command line is this crate's binary, behind the default feature `cli`; a
//! library user who wants none of its dependencies sets `default-features = false`.

#![cfg_attr(not(feature = "internals"), warn(missing_docs))]

mod amend;
mod analysis;
mod error;
mod extract;
mod index;
mod ingest;
mod model;
mod panic_guard;
mod refs;
mod search;
mod structure;
mod text;
mod zan_index;

pub use amend::diff::{ActDiff, UnitChange, UnitChangeKind, WordChange};
pub use amend::history::HistoryEntry;
pub use analysis::{AnalyzedToken, ANALYZERS};
pub use error::{Error, Result};
pub use index::{refresh, BuildOptions, Progress, RefreshReport, UnitView};
pub use model::*;
pub use panic_guard::install_quiet_hook as quiet_caught_panics;
pub use refs::{
    cited_by, Catalog, Citing, Edition, RefSource, Resolved, ResolvedReference, Wording,
};
pub use search::{
    Filter, Hit, HitAct, HitSource, HitTwin, HitUnit, HitVersion, Query, SearchRequest,
    SearchResults, Snippet, DEFAULT_LIMIT, MAX_LIMIT,
};
pub use zan_index::{analyze, concerns, diff, history, wordings, UnitAt, ZanIndex};

/// The pipeline's stages, for zanlex's own integration tests, fuzzers and benches (feature
/// `internals`): not part of the supported API, and free to change in any release.
#[cfg(feature = "internals")]
#[doc(hidden)]
#[allow(missing_docs)]
pub mod internals {
    pub mod amend {
        pub use crate::amend::*;
    }
    pub mod analysis {
        pub use crate::analysis::*;
    }
    pub mod extract {
        pub use crate::extract::*;
    }
    pub mod index {
        pub use crate::index::*;
    }
    pub mod ingest {
        pub use crate::ingest::*;
    }
    pub mod refs {
        pub use crate::refs::*;
    }
    pub mod search {
        pub use crate::search::*;
    }
    pub mod structure {
        pub use crate::structure::*;
    }
    pub mod text {
        pub use crate::text::*;
    }
}

/// The README's Rust example, compiled as a doc test so it cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The scaffold of the property tests.
#[cfg(test)]
mod property;

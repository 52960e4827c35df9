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
//! Every answer the command line prints and the server sends is a typed, serializable value
//! of this library, made by a method of [`ZanIndex`]: a search's [`SearchResults`] (each hit
//! with its resolved references), the [`ActList`], an act's [`ActOutline`] and [`UnitTree`], a
//! [`UnitAnswer`] and a [`ParallelUnit`], an [`ActHistory`], an [`ActDiff`], a [`RefList`],
//! a [`CitedByList`] and the [`CorpusStats`]. Their JSON is the contract of `--json`, of the
//! HTTP API and of the MCP tools, and every error has one [`ErrorCode`]: a name, an HTTP
//! status, an exit code and what to do. With the feature `openapi` (which `cli` turns on)
//! each of them also implements `utoipa::ToSchema`, its OpenAPI schema derived from the same
//! definition serde serializes: the server's OpenAPI document is generated from them.
//!
//! The `zanlex` command line is this crate's binary, behind the default feature `cli`; a
//! library user who wants none of its dependencies sets `default-features = false`.

#![warn(missing_docs)]

mod amend;
mod answer;
mod error;
mod error_code;
mod extract;
mod files;
#[cfg(feature = "history")]
pub mod git_history;
mod index;
mod ingest;
mod lexicon;
mod model;
mod panic_guard;
mod refs;
mod search;
mod structure;
mod text;
mod walk;
mod zan_index;

// The analyzers are their own crate; inside zanlex they keep the name of the stage they are.
use zanlex_analysis as analysis;

pub use amend::diff::{ActDiff, DiffSide, UnitChange, UnitChangeKind, WordChange};
pub use amend::history::HistoryEntry;
pub use analysis::{AnalyzedToken, ANALYZERS};
pub use answer::{
    date_arg, lang_arg, ActChangesInWords, ActChangesWords, ActEntry, ActHistory, ActList,
    ActOutline, ActSummary, Affected, AmendedUnit, AmendingActChanges, AmendingActCount,
    ChangedUnit, ChildUnit, CitedByList, CorpusStats, EditionSummary, Failure, HistoryAct,
    LexiconList, NeighbourUnit, OutlineUnit, ParallelUnit, PredecessorHistory, RefList, SearchPage,
    Succession, Target, TextLink, TreeAct, UnitAnswer, UnitTree, Unmatched, DEFAULT_LEXICON_LIMIT,
    DEFAULT_STATS_LIMIT,
};
pub use answer::{
    ActFile, ActFileBody, Analysis, FileFormat, Health, RefreshAnswer, UnitOrParallel,
};

/// The library's answers cut for a reader with a small window (an assistant's context): a
/// page of a list, a bound in characters on the whole answer, and links that open. What the
/// MCP tools send; each is made by one function from checked values.
pub mod pages {
    pub use crate::answer::amended_by::{
        amended_by, AmendedActCount, AmendedByAnswer, AmendedByArgs, AmendedByRequest,
        AmendedProvision, AmendingActName, DEFAULT_AMENDED_BY_PAGE, MAX_AMENDED_BY_PAGE,
    };
    pub use crate::answer::changes::{
        changes, ChangesAnswer, ChangesRequest, ChangesSpan, ChangesTotals, DiffPage, LinkedChange,
        DEFAULT_CHANGES_PAGE, MAX_CHANGES_PAGE,
    };
    pub use crate::answer::grep::{
        compile_pattern, grep, GrepAnswer, GrepArgs, GrepMatch, GrepRequest, GrepUnit,
        DEFAULT_GREP_BOUND, DEFAULT_GREP_PAGE, MAX_GREP_BOUND, MAX_GREP_PAGE, MAX_MATCHES_PER_UNIT,
        MAX_PATTERN_CHARS,
    };
    pub use crate::answer::list_args::{ChangesArgs, DiffArgs, ListArgs, StatsArgs};
    pub use crate::answer::pages::{
        bound_search_page, bound_text, cited_by_page, diff_page, history_page, refs_page, stats,
        ActDiffPage, Budget, DiffRequest, HistoryPage, HistoryRequest, HistoryTotals, Links,
        PageHead, Paging, RefsPage, RefsRequest, StatsAnswer, StatsRequest, LIST_END,
        MAX_SERVER_LIST_PAGE, MAX_SERVER_SEARCH_PAGE, MAX_STATS_LIMIT, SERVER_ANSWER_CHARS,
    };
    pub use crate::answer::read_page::{
        act_page, at_date, read, unit_page, ActRead, AtDateRequest, ReadAnswer, ReadArgs,
        ReadRequest, UnitOnDate, UnitRead, MAX_OUTLINE_UNITS,
    };
    pub use crate::answer::recent::{
        recent_changes, RecentArgs, RecentChange, RecentChangesAnswer, RecentChangesRequest,
        RecentScope, DEFAULT_RECENT_PAGE, MAX_RECENT_PAGE, MAX_RECENT_QUERY_ACTS,
    };
    pub use crate::answer::related::{
        related_acts, RelatedAct, RelatedActs, RelatedRequest, RelatedTotals,
    };
    pub use crate::answer::search_page::{
        hits_page, search_page, ActBrief, AmendmentBrief, HitBrief, HitsPage, RefBrief, SearchArgs,
        SearchPageRequest, UnitBrief, VersionBrief, ACT_TITLE_CHARS,
    };
    pub use crate::answer::wording::{
        wording_history, WordingAnswer, WordingArgs, WordingChange, WordingEdition, WordingEnd,
        WordingRequest, WordingSpan, WordingStart, WordingUnit, DEFAULT_WORDING_PAGE,
        MAX_WORDING_PAGE,
    };
}
pub use error::{EngineError, Error, ErrorAnswer, ErrorCode, ErrorDetail, Result};
#[cfg(feature = "watch")]
pub use index::CorpusWatch;
pub use index::{
    publish, refresh, BuildOptions, Freshness, Progress, Published, RefreshCache, RefreshReport,
    Rehash, UnitView,
};
pub use lexicon::{Lexicon, TermPair};
pub use model::*;
pub use panic_guard::install_quiet_hook as quiet_caught_panics;
pub use refs::{
    cited_by, Catalog, Citing, Edition, RefSource, Resolved, ResolvedReference, Wording,
};
pub use search::issuers::{issuers, IssuerName};
/// The longest query zanlex reads, in characters.
pub use search::query::MAX_QUERY_CHARS;
pub use search::{
    ActMeant, ArticleMatch, Filter, Hit, HitAct, HitSource, HitTwin, HitUnit, HitVersion,
    PlaceNamed, Query, QueryFault, ReadAs, SearchRequest, SearchResults, SearchedAlso, SeveralActs,
    Snippet, DEFAULT_LIMIT, DEFAULT_TOTAL_BOUND, MAX_LIMIT,
};
pub use text::parse_iso_date;
pub use walk::corpus_fingerprint;
pub use zan_index::{analyze, concerns, diff, history, wordings, UnitAt, WordingToCome, ZanIndex};

/// The entry points of the fuzz targets in `fuzz/` (cargo-fuzz builds with `--cfg fuzzing`):
/// compiled out of every other build, and no part of the API.
#[cfg(fuzzing)]
#[doc(hidden)]
#[allow(missing_docs)]
pub mod fuzzing {
    pub use crate::amend::annotate_act;
    pub use crate::amend::instructions::{parse_instructions, parse_target_act};
    pub use crate::extract::decode::decode;
    pub use crate::extract::markdown::parse_markdown;
    pub use crate::extract::pdf::{content_stream_lines, extract_pdf};
    pub use crate::extract::{detect_lang, text_lines, Extracted};
    pub use crate::search::query::parse as parse_query;
    pub use crate::structure::build_act;

    /// The Kazakh note parser.
    pub mod notes {
        pub use crate::amend::notes::{parse_note_explained, parse_unit_citation};
    }

    /// The Russian note parser.
    pub mod notes_ru {
        pub use crate::amend::notes_ru::{
            parse_body, parse_unit_citation, strip_prefix, unit_refs,
        };
    }
}

/// The README's Rust example, compiled as a doc test so it cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The scaffold of the property tests.
#[cfg(test)]
mod property;

/// Helpers shared by the unit tests (the bundled corpus, copying fixtures, heap peaks).
#[cfg(test)]
mod test_support;

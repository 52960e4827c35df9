//! The library's error type: each variant names the file, index, query or id at fault, and
//! the ones a caller acts on (an unknown act, a locked or damaged index) can be matched.

use crate::model::Lang;
use std::path::PathBuf;

/// Anything that can go wrong in zanlex. Each variant has its entry in the table of error
/// codes ([`Error::code`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A source file could not be read or decoded.
    #[error("{}: {reason}", path.display())]
    Extract {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A source file was read but its structure could not be recognised.
    #[error("{}: {reason}", path.display())]
    Structure {
        /// The file.
        path: PathBuf,
        /// What could not be recognised.
        reason: String,
    },
    /// The corpus folder given cannot be read as one.
    #[error("corpus {}: {reason}", path.display())]
    Corpus {
        /// The folder.
        path: PathBuf,
        /// Why it cannot be read.
        reason: String,
    },
    /// The folder holds no zanlex index.
    #[error(
        "index {}: no index here; run `zanlex index` (or `zanlex search`, which builds it)",
        path.display()
    )]
    NoIndex {
        /// The folder.
        path: PathBuf,
    },
    /// The index's lock could not be taken.
    #[error("index {}: cannot lock it for {purpose}: {source}", path.display())]
    Locked {
        /// The index folder.
        path: PathBuf,
        /// `reading` or `writing`.
        purpose: &'static str,
        /// Why the lock failed.
        #[source]
        source: std::io::Error,
    },
    /// The index's files are damaged: tantivy found them corrupt, or failed reading them.
    #[error("index {}: the index is damaged ({what}); run `zanlex index --force`", path.display())]
    Damaged {
        /// The index folder.
        path: PathBuf,
        /// What was found damaged.
        what: String,
    },
    /// The index could not be opened, built or written, for another reason.
    #[error("index {}: {reason}", path.display())]
    Index {
        /// The index folder.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// A query the user typed is malformed.
    #[error("bad query {query:?}: {reason}")]
    Query {
        /// The query (shortened, control characters blanked).
        query: String,
        /// What to fix.
        reason: String,
        /// The kind of fault, for words in a reader's language.
        fault: QueryFault,
    },
    /// No act has this id in the index.
    #[error("no act with id {id:?}; {}", unknown_act_hint(suggestions, *acts))]
    UnknownAct {
        /// The id asked for.
        id: String,
        /// The index folder.
        index: PathBuf,
        /// The ids nearest to it, nearest first (at most a few).
        suggestions: Vec<String>,
        /// How many acts the index holds.
        acts: usize,
    },
    /// The act has no expression in this language.
    #[error("act {id} has no text in {lang} in the index; it has: {}", langs(has))]
    NoExpression {
        /// The act's id.
        id: String,
        /// The language asked for.
        lang: Lang,
        /// The languages it has.
        has: Vec<Lang>,
    },
    /// The act has no unit with this eid.
    #[error("act {act} has no unit {eid:?}; list its units with `zanlex units {act}`")]
    UnknownUnit {
        /// The act's id.
        act: String,
        /// The eid asked for.
        eid: String,
    },
    /// The act has no edition with this id, nor one in force on this date.
    #[error("act {act}: no version {spec:?} (versions: {})", versions.join(", "))]
    UnknownVersion {
        /// The act's id.
        act: String,
        /// The edition id or date asked for.
        spec: String,
        /// The ids of the editions it has.
        versions: Vec<String>,
    },
    /// Something else asked for does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A value given to zanlex is not one it takes: a date that is not `YYYY-MM-DD`, a target
    /// that is not `ACT_ID#EID`, a limit out of range. The message says what to write.
    #[error("{0}")]
    BadArgument(String),
    /// A page of a search asked with more hits than its door's page holds, or none.
    #[error("limit {limit} is out of range; use 1 to {max} and page on with `offset`")]
    LimitOutOfRange {
        /// The page size asked for.
        limit: u64,
        /// The most hits a page holds.
        max: usize,
    },
    /// A page of a search that ends past the last hit a search gives ([`crate::MAX_LIMIT`]).
    #[error(
        "offset {offset} + limit {limit} is past hit {end}, where a search's pages end; narrow \
         the question instead (a more precise query, a filter)"
    )]
    OffsetOutOfRange {
        /// The hits before the page.
        offset: u64,
        /// The page size.
        limit: u64,
        /// Where a search's pages end.
        end: usize,
    },
    /// A regular expression (a `grep`'s pattern) that cannot be read, or compiles larger than
    /// zanlex runs: the reason says what, on one line.
    #[error("pattern «{}»: {reason}", one_line(pattern))]
    BadPattern {
        /// The pattern as given.
        pattern: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A query longer than zanlex reads.
    #[error(
        "the query is {chars} characters long; the limit is {max}: shorten it to its key words"
    )]
    QueryTooLong {
        /// Its length in characters.
        chars: usize,
        /// The most a query may have.
        max: usize,
    },
    /// An issuer asked for by a name or code that names none of [`crate::issuers`], or
    /// several: the message lists the names closest to it (or those it is part of).
    #[error("{message}")]
    UnknownIssuer {
        /// What was typed, trimmed.
        given: String,
        /// The closest names, in the language typed.
        close: Vec<String>,
        /// The whole message: what was typed, and the close names.
        message: String,
    },
    /// An analyzer name that is not one of [`crate::ANALYZERS`].
    #[error("unknown analyzer `{name}`; use one of {}", crate::ANALYZERS.join(", "))]
    UnknownAnalyzer {
        /// The name given.
        name: String,
    },
    /// A file system operation failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The search engine under the index failed reading or writing it; its own error is
    /// the [`std::error::Error::source`].
    #[error(transparent)]
    Engine(EngineError),
}

/// An error of the search engine under the index (tantivy), kept opaque so that its version
/// is not part of zanlex's API: read it through `Display` and
/// [`std::error::Error::source`].
#[derive(Debug)]
pub struct EngineError(tantivy::TantivyError);

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for EngineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

impl EngineError {
    /// Whether the engine found the index's files corrupt.
    pub(crate) fn is_corruption(&self) -> bool {
        matches!(self.0, tantivy::TantivyError::DataCorruption(_))
    }

    /// What is damaged, in one line, when the engine found an index file corrupt, cut short,
    /// missing or unreadable; `None` for any other failure.
    pub(crate) fn damage(&self) -> Option<String> {
        use tantivy::directory::error::OpenReadError;
        use tantivy::TantivyError as T;
        // tantivy's own words run to several sentences: the first says it.
        let first = |s: String| {
            s.split(". ")
                .next()
                .unwrap_or_default()
                .trim_end_matches('.')
                .to_string()
        };
        match &self.0 {
            T::DataCorruption(c) => Some(first(format!("{c:?}"))),
            T::OpenReadError(OpenReadError::IoError { io_error, filepath }) => Some(format!(
                "{}: {}",
                filepath.display(),
                first(io_error.to_string())
            )),
            T::OpenReadError(OpenReadError::FileDoesNotExist(path)) => {
                Some(format!("{} is missing", path.display()))
            }
            T::IoError(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof
                ) =>
            {
                Some(first(e.to_string()))
            }
            _ => None,
        }
    }
}

impl Error {
    /// What is damaged, when this error says the index's files are damaged.
    pub(crate) fn damage(&self) -> Option<String> {
        match self {
            Error::Damaged { what, .. } => Some(what.clone()),
            Error::Engine(e) => e.damage(),
            _ => None,
        }
    }
}

/// An [`Error::Index`] about `path` (the index folder, or a file of it), saying `reason`.
pub(crate) fn index_err(path: &std::path::Path, reason: impl std::fmt::Display) -> Error {
    Error::Index {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

#[doc(hidden)]
impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        Error::Engine(EngineError(e))
    }
}

impl Error {
    /// Whether the error is about what was asked for (a bad query, an unknown act, unit,
    /// version or language), not about the corpus, the index or the machine: the command line
    /// exits with 2 for these, and a server answers 4xx.
    pub fn is_bad_request(&self) -> bool {
        self.code().is_bad_request()
    }

    /// The error's entry in the table of error codes: its name, HTTP status and exit code.
    ///
    /// ```
    /// let e = zanlex::Error::NotFound("no such act".into());
    /// assert_eq!(e.code().name(), "not_found");
    /// assert_eq!(e.code().http_status(), 404);
    /// assert_eq!(e.code().exit_code(), 2);
    /// ```
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Query { .. } => ErrorCode::BadQuery,
            Error::UnknownAct { .. }
            | Error::NoExpression { .. }
            | Error::UnknownUnit { .. }
            | Error::UnknownVersion { .. }
            | Error::NotFound(_) => ErrorCode::NotFound,
            Error::UnknownAnalyzer { .. } | Error::UnknownIssuer { .. } | Error::BadArgument(_) => {
                ErrorCode::BadRequest
            }
            Error::LimitOutOfRange { .. } => ErrorCode::LimitOutOfRange,
            Error::OffsetOutOfRange { .. } => ErrorCode::OffsetOutOfRange,
            Error::QueryTooLong { .. } => ErrorCode::QueryTooLong,
            Error::BadPattern { .. } => ErrorCode::BadPattern,
            Error::Locked { .. } => ErrorCode::IndexBusy,
            Error::Extract { .. }
            | Error::Structure { .. }
            | Error::Corpus { .. }
            | Error::NoIndex { .. }
            | Error::Index { .. }
            | Error::Damaged { .. }
            | Error::Io(_)
            | Error::Engine(_) => ErrorCode::Internal,
        }
    }
}

/// What follows an unknown act id, in every door: the nearest ids, or that there are none.
fn unknown_act_hint(suggestions: &[String], acts: usize) -> String {
    if acts == 0 {
        "the index has no acts: index a corpus first".to_string()
    } else if suggestions.is_empty() {
        format!("the index has {acts} acts: search for the act to find its id")
    } else {
        format!(
            "did you mean: {}? (the index has {acts} acts: a search finds the act's id)",
            suggestions.join(", ")
        )
    }
}

/// `text` on one line: its line breaks and other control characters escaped (`\n`), the rest
/// as typed, so that a pattern's backslashes read as written.
pub(crate) fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn langs(has: &[Lang]) -> String {
    has.iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

pub use crate::error_code::{ErrorAnswer, ErrorCode, ErrorDetail, QueryFault};

/// `Result` with zanlex's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

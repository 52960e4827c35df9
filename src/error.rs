//! The library's error type: one variant per stage, each naming the file or query at fault.

use std::path::PathBuf;

/// Anything that can go wrong in zanlex.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A source file could not be read or decoded.
    #[error("{}: {reason}", path.display())]
    Extract { path: PathBuf, reason: String },
    /// A source file was read but its structure could not be recognised.
    #[error("{}: {reason}", path.display())]
    Structure { path: PathBuf, reason: String },
    /// The corpus folder given cannot be read as one.
    #[error("corpus {}: {reason}", path.display())]
    Corpus { path: PathBuf, reason: String },
    /// The index could not be opened, built or written.
    #[error("index {}: {reason}", path.display())]
    Index { path: PathBuf, reason: String },
    /// A query the user typed is malformed.
    #[error("bad query {query:?}: {reason}")]
    Query { query: String, reason: String },
    /// A requested act, unit, version or date does not exist.
    #[error("{0}")]
    NotFound(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Tantivy(#[from] tantivy::TantivyError),
}

/// `Result` with zanlex's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

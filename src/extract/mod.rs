//! Stage 1: bytes → clean lines with a map back to the original lines (and PDF pages).
//!
//! Decodes text (UTF-8/16, KZ-1048, Windows-1251), Markdown and PDF, then repairs extraction
//! damage (letter spacing, displaced hyperlinked words, hyphenation, page breaks, headers).

use crate::model::{Source, SourceSpan};
use std::collections::BTreeMap;
use std::path::Path;

/// One line of clean text and the original lines it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanLine {
    pub text: String,
    pub span: SourceSpan,
}

/// A decoded and repaired document, ready for the structure stage.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub source: Source,
    /// Front matter fields of a Markdown source (`title`, `version_date`, …), or a sidecar's.
    pub meta: BTreeMap<String, String>,
    pub lines: Vec<CleanLine>,
}

/// Reads and repairs one file. `corpus_parent` is the folder that `Source::file` is relative to.
pub fn extract_file(path: &Path, corpus_parent: &Path) -> crate::Result<Extracted> {
    let _ = (path, corpus_parent);
    Err(crate::Error::Extract {
        path: path.to_path_buf(),
        reason: "extraction not implemented yet".into(),
    })
}

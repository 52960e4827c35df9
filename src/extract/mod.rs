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
    /// The repaired text, without leading indentation or trailing spaces.
    pub text: String,
    /// Leading spaces of the original line: in Adilet texts a 6-space indent starts a new
    /// paragraph, which the structure stage relies on.
    pub indent: u16,
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
///
/// Provisional: reads UTF-8 text line by line without repair (the extract issue replaces this).
pub fn extract_file(path: &Path, corpus_parent: &Path) -> crate::Result<Extracted> {
    use sha2::{Digest, Sha256};
    let fail = |reason: String| crate::Error::Extract {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| fail(e.to_string()))?;
    let text = String::from_utf8(bytes.clone()).map_err(|e| fail(e.to_string()))?;
    let rel = path.strip_prefix(corpus_parent).unwrap_or(path);
    let source = Source {
        file: rel.to_string_lossy().replace('\\', "/"),
        format: crate::model::SourceFormat::Text,
        sha256: hex::encode(Sha256::digest(&bytes)),
        encoding: "utf-8".into(),
    };
    let lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| CleanLine {
            text: l.trim().to_string(),
            indent: (l.len() - l.trim_start_matches(' ').len()) as u16,
            span: SourceSpan {
                line_start: i as u32 + 1,
                line_end: i as u32 + 1,
                page: None,
            },
        })
        .collect();
    Ok(Extracted {
        source,
        meta: BTreeMap::new(),
        lines,
    })
}

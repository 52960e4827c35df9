//! Stage 1: bytes → clean lines with a map back to the original lines (and PDF pages).
//!
//! Decodes text ([`decode`]: UTF-8/16, KZ-1048, Windows-1251), Markdown ([`markdown`]) and PDF
//! ([`pdf`]), then repairs extraction damage ([`repair`]: letter spacing, displaced hyperlinked
//! words, words broken across lines, page breaks, page headers). A `NAME.meta.toml` sidecar next
//! to a source adds metadata ([`sidecar`]).
//!
//! ```no_run
//! use std::path::Path;
//! let doc = zanlex::extract::extract_file(Path::new("corpus/003_0165b7296e38fd1a.txt"), Path::new(".")).unwrap();
//! assert_eq!(doc.source.file, "corpus/003_0165b7296e38fd1a.txt");
//! for l in &doc.lines {
//!     println!("{:>4} {}", l.span.line_start, l.text);
//! }
//! ```

pub mod decode;
pub mod markdown;
pub mod pdf;
pub mod repair;
pub mod sidecar;

use crate::model::{Source, SourceFormat, SourceSpan};
use std::collections::BTreeMap;
use std::path::Path;

/// One line of clean text and the original lines it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanLine {
    /// The repaired text, without leading indentation or trailing spaces, spaces collapsed.
    pub text: String,
    /// Leading spaces of the original line: in Adilet texts a 6-space indent starts a new
    /// paragraph, which the structure stage relies on. A one-space hole a displaced word left
    /// at the line start is not counted (7 spaces → 6).
    pub indent: u16,
    /// Original 1-based lines (first and last when lines were joined) and the PDF page.
    /// For PDF sources the line numbers count the lines of the extracted text of the whole
    /// document (page 1's lines first), as `zanlex` would write them to a `.txt`.
    pub span: SourceSpan,
    /// Where each original line's part of `text` starts: every character maps back to its
    /// original line and page (see [`CleanLine::origin_of`]). One entry unless lines were
    /// joined.
    pub origins: repair::Origins,
}

impl CleanLine {
    /// The original line and page of the character at byte `offset` of `text`.
    ///
    /// ```
    /// let lines = zanlex::extract::text_lines("      3) жіберуді\n;\nжоғары және ЖОО-\nдан кейінгі");
    /// assert_eq!(lines[0].text, "3) жіберуді;");
    /// assert_eq!(lines[0].origin_of(lines[0].text.find(';').unwrap()).line, 2);
    /// assert_eq!(lines[0].origin_of(0).line, 1);
    /// assert_eq!(lines[1].text, "жоғары және ЖОО-дан кейінгі");
    /// assert_eq!(lines[1].origin_of(0).line, 3);
    /// assert_eq!(lines[1].origin_of(lines[1].text.find("дан").unwrap()).line, 4);
    /// ```
    pub fn origin_of(&self, offset: usize) -> repair::Origin {
        self.origins
            .iter()
            .rev()
            .find(|o| o.offset <= offset)
            .or(self.origins.first())
            .copied()
            .unwrap_or(repair::Origin {
                offset: 0,
                line: self.span.line_start,
                page: self.span.page,
            })
    }
}

/// A decoded and repaired document, ready for the structure stage.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub source: Source,
    /// Front matter fields of a Markdown source (`title`, `version_date`, …), and a sidecar's.
    pub meta: BTreeMap<String, String>,
    pub lines: Vec<CleanLine>,
}

/// Whether `path` is a source zanlex reads (`.txt`, `.md`, `.pdf`), not a sidecar or other file.
pub fn is_source_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name.ends_with(".meta.toml") {
        return false;
    }
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt" | "md" | "pdf")
    )
}

/// Reads, decodes and repairs one file. `corpus_parent` is the folder that `Source::file` is
/// relative to. Errors are [`crate::Error::Extract`] with a one-line reason (`empty file`,
/// `binary file …`, `unknown encoding …`, `damaged PDF: …`, `encrypted PDF: …`).
pub fn extract_file(path: &Path, corpus_parent: &Path) -> crate::Result<Extracted> {
    use sha2::{Digest, Sha256};
    let fail = |reason: String| crate::Error::Extract {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let rel = path.strip_prefix(corpus_parent).unwrap_or(path);
    let file = rel.to_string_lossy().replace('\\', "/");
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    let mut meta = BTreeMap::new();
    let (format, encoding, lines) = match ext.as_str() {
        "pdf" => {
            if bytes.is_empty() {
                return Err(fail("empty file".into()));
            }
            let lines = pdf::extract_pdf(&bytes).map_err(fail)?;
            (SourceFormat::Pdf, "pdf".to_string(), lines)
        }
        "md" => {
            let (text, enc) = decode::decode(&bytes).map_err(fail)?;
            let (m, lines) = markdown::parse_markdown(&text);
            meta = m;
            (SourceFormat::Markdown, enc.name().to_string(), lines)
        }
        _ => {
            let (text, enc) = decode::decode(&bytes).map_err(fail)?;
            (
                SourceFormat::Text,
                enc.name().to_string(),
                text_lines(&text),
            )
        }
    };
    if lines.is_empty() {
        return Err(fail("no text in file".into()));
    }
    for (k, v) in sidecar::read_sidecar(path).map_err(fail)? {
        meta.insert(k, v);
    }
    Ok(Extracted {
        source: Source {
            file,
            format,
            sha256,
            encoding,
        },
        meta,
        lines,
    })
}

/// Decoded plain text → repaired clean lines.
pub fn text_lines(text: &str) -> Vec<CleanLine> {
    let lines = repair::split_lines(text, 1, None);
    to_clean(repair::repair_all(lines))
}

fn to_clean(lines: Vec<repair::Line>) -> Vec<CleanLine> {
    lines
        .into_iter()
        .map(|l| CleanLine {
            text: l.text,
            indent: l.indent,
            span: l.span,
            origins: l.origins,
        })
        .collect()
}

//! The ways tests read a corpus folder whole: each lists the folder and runs the one pipeline
//! that `zanlex index` and every refresh run ([`ingest_scanned_changes`]), so a test reads a
//! corpus exactly as the index does.

use super::{
    corpus_listing, ingest_scanned_changes, reason_of, IngestFailure, Listed, Previous,
    StreamReport, Walk,
};
use crate::model::Act;
use std::path::{Path, PathBuf};

/// What ingesting a corpus produced.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub acts: Vec<Act>,
    pub failures: Vec<IngestFailure>,
}

/// A corpus folder and how it is walked.
#[derive(Debug, Clone, Copy)]
pub struct Corpus<'a> {
    pub dir: &'a Path,
    pub walk: Walk,
}

impl<'a> From<&'a Path> for Corpus<'a> {
    fn from(dir: &'a Path) -> Self {
        Corpus {
            dir,
            walk: Walk::default(),
        }
    }
}

/// The files under `dir` that zanlex reads: `.txt`, `.md`, `.pdf` (any case) in `dir` and
/// its subfolders (a checkout of the public mirror keeps one folder per act), sorted by path.
/// Sidecars (`*.meta.toml`, `meta.yaml`), hidden files and folders, a repository's own
/// documents (`README.md`, `LICENSE`) and other files are left out; so is what
/// [`corpus_listing`] names as skipped. `dir` itself must be readable.
pub fn corpus_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    corpus_listing(dir, Walk::default()).map(|l| l.files)
}

/// The size of each file (0 for one that cannot be read).
pub(super) fn file_sizes(files: &[PathBuf]) -> Vec<u64> {
    files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .collect()
}

/// The folder that `Source::file` paths are relative to (`dir`'s parent) and the supported
/// files in `dir`, or why the folder cannot be listed.
fn list_corpus(dir: &Path, walk: Walk) -> Result<(PathBuf, Vec<PathBuf>), IngestFailure> {
    let abs = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let parent = abs
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| abs.clone());
    let listing = corpus_listing(&abs, walk).map_err(|e| IngestFailure {
        path: dir.to_path_buf(),
        reason: format!("cannot read the corpus folder: {e}"),
        indexed: false,
    })?;
    Ok((parent, listing.files))
}

/// Ingests every supported file in `dir` as `zanlex index` does ([`ingest_corpus_changes`]),
/// the corpus as one chunk and every act kept in memory; failures are reported, not fatal.
///
/// `Source::file` is relative to `dir`'s parent (`corpus/003_….txt`).
pub fn ingest_corpus(dir: &Path) -> IngestReport {
    let mut acts = Vec::new();
    let read = ingest_corpus_changes(dir, usize::MAX, u64::MAX, None, |chunk| {
        acts.extend(chunk);
        Ok(())
    });
    let failures = match read {
        Ok(report) => report.failures,
        // Only the sink stops a read, and this one never does.
        Err(e) => vec![IngestFailure {
            path: dir.to_path_buf(),
            reason: reason_of(&e),
            indexed: false,
        }],
    };
    IngestReport { acts, failures }
}

/// [`ingest_corpus`] a chunk of linked acts at a time ([`ingest_scanned_changes`]): returns
/// the files that could not be ingested. `dir` is a path, or a [`Corpus`] saying which links
/// are read; what the walk skips is the caller's to name.
pub fn ingest_corpus_streaming<'d, F>(
    dir: impl Into<Corpus<'d>>,
    chunk_files: usize,
    keep_bytes: u64,
    sink: F,
) -> crate::Result<Vec<IngestFailure>>
where
    F: FnMut(Vec<Act>) -> crate::Result<()>,
{
    ingest_corpus_changes(dir, chunk_files, keep_bytes, None, sink).map(|r| r.failures)
}

/// Lists `dir` and runs [`ingest_scanned_changes`] over its files, with `previous` as a refresh
/// passes it.
pub fn ingest_corpus_changes<'d, F>(
    dir: impl Into<Corpus<'d>>,
    chunk_files: usize,
    keep_bytes: u64,
    previous: Option<&Previous>,
    sink: F,
) -> crate::Result<StreamReport>
where
    F: FnMut(Vec<Act>) -> crate::Result<()>,
{
    let Corpus { dir, walk } = dir.into();
    let (parent, files) = match list_corpus(dir, walk) {
        Ok(listed) => listed,
        Err(failure) => {
            let mut report = StreamReport::default();
            report.failures.push(failure);
            return Ok(report);
        }
    };
    let rels: Vec<String> = files
        .iter()
        .map(|f| crate::files::rel_key(f, &parent))
        .collect();
    let corpus = Listed {
        files: files.iter().map(PathBuf::as_path).collect(),
        rels: rels.iter().map(String::as_str).collect(),
        sizes: file_sizes(&files),
        parent,
    };
    ingest_scanned_changes(&corpus, chunk_files, keep_bytes, previous, sink)
}

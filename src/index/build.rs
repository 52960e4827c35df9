//! Building and refreshing the index from a corpus folder: the options and report, creating
//! and opening an index, and checking the paths given before anything is written.
//!
//! The manifest ([`Manifest`]) travels in the tantivy commit's payload, so it changes
//! atomically with the documents: an interrupted run leaves the previous commit, manifest
//! included, in force. A full rebuild (new index, changed schema or analyzers) is written to
//! a new generation and swapped in.

pub use super::manifest::read_manifest;
#[cfg(test)]
pub use super::manifest::{analyzer_fingerprint, Manifest};

use super::layout::{IndexDir, MARKER};
use super::manifest::stored_failures;
use super::schema::{build_schema, Fields};
use crate::error::index_err;
use serde::Serialize;
use std::path::{Path, PathBuf};
use tantivy::Index;
#[cfg(test)]
use {
    super::schema::SCHEMA_VERSION,
    super::writer::{create_index, write_acts},
    crate::model::Act,
    std::collections::BTreeMap,
};

/// What a build tells of its progress, for a display: the library prints nothing itself.
pub trait Progress: Send + Sync + std::fmt::Debug {
    /// A stage begins (`indexing`, `committing`) over `total` acts.
    fn stage(&self, name: &str, total: u64);
    /// `n` more acts are written.
    fn advance(&self, n: u64);
    /// The build is over.
    fn finish(&self);
    /// Another process is writing the index `index`: this one waits for it to finish.
    fn waiting(&self, index: &Path);
}

/// How to build or refresh.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Rebuild everything even when nothing changed.
    pub force: bool,
    /// Told how the build goes (the command line draws a bar on a terminal); `None`: nothing
    /// is told.
    pub progress: Option<std::sync::Arc<dyn Progress>>,
    /// Check the index's files against their checksums first, and rebuild it when damaged
    /// (reads the whole index once; `zanlex index` does it).
    pub verify: bool,
    /// Read symbolic links that lead out of the corpus folder (not read without it).
    pub follow: bool,
    /// Open an existing index as it is, without checking the corpus for changes: that check
    /// reads the size and time of every file, most of a search's time on a corpus of tens of
    /// thousands of files. An index that is missing is still built.
    pub no_refresh: bool,
    /// Let a corpus with no file to index empty an index that holds acts. Without it such a
    /// refresh is refused and the index stays as it is: a share not mounted yet, or a folder
    /// emptied for a moment, looks the same as a corpus emptied on purpose.
    pub allow_empty: bool,
    /// The most files a search reads the size and time of to know the index is up to date.
    /// On a larger corpus a search trusts a running watcher of the corpus
    /// ([`crate::CorpusWatch`]); with none, it opens the index as it is and its report says
    /// since when the corpus is unchecked ([`crate::Freshness::Unchecked`]), once a full
    /// check (a refresh, `zanlex index`) has recorded it. `None`, the default: every search
    /// checks every file.
    pub scan_limit: Option<usize>,
    /// The only folders of the corpus (relative to it) that changed since the index was last
    /// refreshed, for a caller that writes the corpus itself and knows what it wrote (the
    /// history's sync writes each edition as a new folder): the refresh reads the sizes and
    /// times of their files alone, and takes every other file as the index last recorded
    /// it. A change elsewhere is not seen. `None`, the default: every file is read.
    pub changed_folders: Option<Vec<std::path::PathBuf>>,
    /// What refreshes keep for the next one (the manifest of the commit written last), for a
    /// process that refreshes the same index again and again: a server. `None`, the
    /// default: each refresh reads what it needs from disk, and holds nothing after.
    pub cache: Option<super::RefreshCache>,
    /// Files compared by their content even when their size and modification time are the
    /// ones the index recorded: an edit that keeps both (`cp -p`, `rsync -t`) is seen only
    /// so. [`Rehash::Unchanged`], the default, hashes only files whose size or time moved.
    pub rehash: Rehash,
}

/// Which files a refresh hashes though their size and modification time are unchanged
/// ([`BuildOptions::rehash`]).
///
/// ```
/// use zanlex::{BuildOptions, Rehash};
/// let opts = BuildOptions {
///     rehash: Rehash::Files(vec!["corpus/law.md".into()]),
///     ..BuildOptions::default()
/// };
/// assert!(opts.rehash.any());
/// assert!(!Rehash::default().any());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Rehash {
    /// None: size and time decide.
    #[default]
    Unchanged,
    /// These files (paths as a file event names them, under the corpus folder's real name,
    /// or relative to the working folder).
    Files(Vec<std::path::PathBuf>),
    /// Every file of the corpus (a full check asked for: `POST /v1/reindex`).
    Every,
}

impl Rehash {
    /// Whether any file is to be hashed whatever its size and time.
    pub fn any(&self) -> bool {
        match self {
            Rehash::Unchanged => false,
            Rehash::Files(f) => !f.is_empty(),
            Rehash::Every => true,
        }
    }
}

/// What a build or refresh did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RefreshReport {
    /// Whether anything was written.
    pub changed: bool,
    /// Whether the index was (re)built from scratch.
    pub rebuilt: bool,
    /// Files indexed for the first time.
    pub added: Vec<String>,
    /// Files indexed again because they changed.
    pub updated: Vec<String>,
    /// Files gone from the corpus, whose documents were deleted.
    pub removed: Vec<String>,
    /// Files found unchanged.
    pub unchanged: usize,
    /// Files read and parsed: every file on a rebuild; on an incremental refresh, those that
    /// changed or are new, and the files linked to them or to a removed file.
    pub parsed: usize,
    /// Unit documents written (current texts and older editions).
    pub units_indexed: usize,
    /// Files that could not be ingested, and entries of the corpus folder that look like
    /// sources but are not read (a FIFO, a link leaving the corpus): (file, reason). The same
    /// list every run, also when nothing had to be written (then from the last commit).
    pub failures: Vec<(String, String)>,
    /// Files indexed with a problem worth saying (a broken `meta.yaml` beside them): (file,
    /// reason). Said by the refresh that read them.
    pub warnings: Vec<(String, String)>,
    /// Set when the refresh failed and the previous index is used as it is.
    pub warning: Option<String>,
    /// How the index was known to hold the corpus as it is now.
    pub freshness: super::Freshness,
}

/// Whether `dir` is a folder zanlex may replace: missing, empty, or a zanlex index.
pub(super) fn is_replaceable(dir: &Path) -> bool {
    !dir.exists() || is_empty_dir(dir) || is_zanlex_index(dir)
}

/// Whether `dir` holds a zanlex index: its [`MARKER`], or a tantivy index whose last commit
/// carries zanlex's manifest (one written before the marker).
pub fn is_zanlex_index(dir: &Path) -> bool {
    if dir.join(MARKER).is_file() {
        return true;
    }
    IndexDir::new(dir).is_legacy()
        && open_tantivy(dir).is_ok_and(|(index, _)| read_manifest(&index).is_some())
}

/// The error for an `--index` folder that zanlex did not make: it is never written into,
/// moved or deleted.
pub(super) fn not_an_index(dir: &Path) -> crate::Error {
    let what = if dir.is_file() {
        "is a file, not an index folder"
    } else {
        "is a folder with other files in it, not a zanlex index"
    };
    index_err(
        dir,
        format!("{what}; zanlex writes only into an empty folder or an index it made: pick another --index"),
    )
}

/// Opens the tantivy index in `dir`, registering zanlex's analyzers.
pub(crate) fn open_tantivy(dir: &Path) -> crate::Result<(Index, Fields)> {
    let directory =
        super::directory::GenerationDirectory::open(dir).map_err(|e| index_err(dir, e))?;
    let index = Index::open(directory).map_err(|e| index_err(dir, e))?;
    crate::analysis::register_analyzers(&index);
    let (expected, fields) = build_schema();
    if index.schema() != expected {
        return Err(index_err(
            dir,
            "the index was written by another zanlex version; run `zanlex index` to rebuild it",
        ));
    }
    Ok((index, fields))
}

/// `e`, an I/O error of building or swapping the index (which names no path), as an error
/// naming the index folder; other errors name their path already.
pub(crate) fn naming_index(e: crate::Error, index_dir: &Path) -> crate::Error {
    match e {
        crate::Error::Io(io) => index_err(
            index_dir,
            format!("cannot write the index or the folders beside it: {io}"),
        ),
        e => e,
    }
}

/// Fills the failures of a refresh that wrote nothing from the commit in force, so that an
/// index found up to date names the files it could not index as the build that wrote it did.
pub(crate) fn report_stored_failures(report: &mut RefreshReport, index: &Index) {
    if !report.changed {
        report.failures = stored_failures(index).unwrap_or_default();
    }
}

/// Checks `--corpus` and `--index` before anything is read or written, so a mistake is told
/// at once, not after a build: the index must be a folder of its own (not `.`, `..` or `/`,
/// not a file), neither the corpus folder nor inside it nor around it, and empty or a zanlex
/// index; the corpus must be a folder.
pub fn check_paths(corpus: &Path, index_dir: &Path) -> crate::Result<()> {
    if index_dir.file_name().is_none() {
        return Err(index_err(
            index_dir,
            "names no folder of its own; give --index a folder name, e.g. --index index",
        ));
    }
    if index_dir.is_file() {
        return Err(not_an_index(index_dir));
    }
    match std::fs::metadata(corpus) {
        Ok(md) if md.is_dir() => {}
        Ok(_) => {
            return Err(crate::Error::Corpus {
                path: corpus.to_path_buf(),
                reason: "is a file, not a corpus folder; give --corpus the folder of the texts"
                    .into(),
            })
        }
        Err(e) => {
            return Err(crate::Error::Corpus {
                path: corpus.to_path_buf(),
                reason: format!(
                    "cannot read the corpus folder ({e}); give --corpus the folder of the texts"
                ),
            })
        }
    }
    let absolute = |p: &Path| -> Option<PathBuf> {
        if let Ok(c) = std::fs::canonicalize(p) {
            return Some(c);
        }
        // A folder not made yet: its parent's canonical path and its name.
        let parent = std::fs::canonicalize(parent_dir(p)).ok()?;
        Some(parent.join(p.file_name()?))
    };
    if let (Some(c), Some(i)) = (absolute(corpus), absolute(index_dir)) {
        let clash = if c == i {
            Some("is the corpus folder itself")
        } else if i.starts_with(&c) {
            Some("is inside the corpus folder")
        } else if c.starts_with(&i) {
            Some("holds the corpus folder")
        } else {
            None
        };
        if let Some(what) = clash {
            return Err(index_err(
                index_dir,
                format!(
                    "{what} ({}); give --index a folder of its own outside it",
                    corpus.display()
                ),
            ));
        }
    }
    if !is_replaceable(index_dir) {
        return Err(not_an_index(index_dir));
    }
    Ok(())
}

/// The folder `index_dir` is in (`.` for a bare name).
pub(super) fn parent_dir(index_dir: &Path) -> &Path {
    match index_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Whether `p` is a folder holding nothing, or only the lock files processes started together
/// make in it while one of them creates the index.
fn is_empty_dir(p: &Path) -> bool {
    std::fs::read_dir(p).is_ok_and(|mut d| {
        d.all(|e| {
            e.is_ok_and(|e| {
                e.file_type().is_ok_and(|t| t.is_file())
                    && super::layout::LOCK_FILES
                        .iter()
                        .any(|l| e.file_name() == *l)
            })
        })
    })
}

/// Builds a fresh index in `dir` from acts already in memory (for tools that make acts
/// themselves, and for tests). Replaces the index `dir` held; a folder that is not empty and
/// not a zanlex index is refused.
#[cfg(test)]
pub fn build_from_acts(dir: &Path, acts: &[Act]) -> crate::Result<usize> {
    if dir.is_file() || !is_replaceable(dir) {
        return Err(not_an_index(dir));
    }
    let layout = IndexDir::new(dir);
    let _writing = layout
        .lock_for_writing(|| {})
        .map_err(|e| index_err(dir, format!("cannot lock it for writing: {e}")))?;
    layout.remove_leftovers();
    let gen = layout
        .new_generation()
        .map_err(|e| index_err(dir, format!("cannot create a generation: {e}")))?;
    let written = (|| {
        let (index, fields) = create_index(&gen)?;
        let manifest = Manifest {
            schema: SCHEMA_VERSION,
            analyzers: analyzer_fingerprint(&index, &fields),
            zanlex: env!("CARGO_PKG_VERSION").to_string(),
            files: BTreeMap::new(),
            links: crate::ingest::LINKS_FORMAT,
        };
        let units = write_acts(
            &index,
            &fields,
            &gen,
            acts.to_vec(),
            &manifest,
            &BuildOptions::default(),
        )?;
        drop(index);
        super::swap::make_durable(&gen)?;
        layout
            .publish(&gen)
            .map_err(|e| index_err(dir, format!("cannot switch to the new generation: {e}")))?;
        Ok(units)
    })();
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&gen);
    } else {
        layout.remove_leftovers();
    }
    written
}

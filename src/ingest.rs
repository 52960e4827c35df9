//! Runs extract → structure → amend over a corpus folder, in parallel.
//!
//! Each file is read and structured on its own (rayon, one task per file), so the cost grows
//! linearly with the corpus; a file that fails becomes one [`IngestFailure`] and the others go
//! on. Then editions of one act are given one id (see [`unify_ids`]) and
//! [`crate::amend::link_corpus`] links acts across the corpus.

use crate::model::Act;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A file that could not be ingested, and why (one line, for stderr).
#[derive(Debug, Clone)]
pub struct IngestFailure {
    pub path: PathBuf,
    pub reason: String,
}

/// What ingesting a corpus produced.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub acts: Vec<Act>,
    pub failures: Vec<IngestFailure>,
}

/// Ingests one file into an act (notes and instructions parsed, not yet linked to other acts).
pub fn ingest_file(path: &Path, corpus_parent: &Path) -> crate::Result<Act> {
    let doc = crate::extract::extract_file(path, corpus_parent)?;
    let mut act = crate::structure::build_act(&doc)?;
    crate::amend::annotate_act(&mut act);
    Ok(act)
}

/// The files of `dir` that zanlex reads: `.txt`, `.md`, `.pdf` (any case), sorted by name;
/// sidecars (`*.meta.toml`), hidden files and other files are left out. Not recursive.
pub fn corpus_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && crate::extract::is_source_file(&path) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The one-line reason of an error, without the path the failure already names.
fn reason_of(err: &crate::Error) -> String {
    let r = match err {
        crate::Error::Extract { reason, .. } | crate::Error::Structure { reason, .. } => {
            reason.clone()
        }
        other => other.to_string(),
    };
    r.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Ingests every supported file in `dir`; failures are reported, not fatal.
///
/// `Source::file` is relative to `dir`'s parent (`corpus/003_….txt`).
pub fn ingest_corpus(dir: &Path) -> IngestReport {
    let mut report = IngestReport::default();
    let abs = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let parent = abs
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| abs.clone());
    let files = match corpus_files(&abs) {
        Ok(f) => f,
        Err(e) => {
            report.failures.push(IngestFailure {
                path: dir.to_path_buf(),
                reason: format!("cannot read the corpus folder: {e}"),
            });
            return report;
        }
    };
    let results: Vec<(PathBuf, crate::Result<Act>)> = files
        .par_iter()
        .map(|f| (f.clone(), ingest_file(f, &parent)))
        .collect();
    for (path, r) in results {
        match r {
            Ok(act) => report.acts.push(act),
            Err(e) => {
                let shown = path
                    .strip_prefix(&parent)
                    .map(Path::to_path_buf)
                    .unwrap_or(path);
                report.failures.push(IngestFailure {
                    path: shown,
                    reason: reason_of(&e),
                });
            }
        }
    }
    unify_ids(&mut report.acts);
    crate::amend::link_corpus(&mut report.acts);
    report
}

/// Gives editions of one act one id.
///
/// An edition whose text names its own date and number gets the id built from them; an
/// edition that does not (a Markdown export with no requisites) gets a title-based id alone.
/// Acts are the same act when they share a date-and-number key, or when they share a title
/// (normalized) and their keys do not disagree; a keyless edition takes the id, kind, issuances
/// (and registration, when it has none) of the keyed edition with its title. Acts with different
/// keys are never merged, and a title seen with several keys merges nothing.
pub fn unify_ids(acts: &mut [Act]) {
    fn key(a: &Act) -> Option<String> {
        let complete = !a.issuances.is_empty()
            && a.issuances
                .iter()
                .all(|i| i.date.is_some() && i.number.is_some());
        complete.then(|| {
            a.issuances
                .iter()
                .map(|i| format!("{:?}/{}", i.date, i.number.as_deref().unwrap_or("")))
                .collect::<Vec<_>>()
                .join("+")
        })
    }
    fn title_key(a: &Act) -> String {
        crate::structure::slug(&a.title)
    }
    let mut order: Vec<usize> = (0..acts.len()).collect();
    order.sort_by(|&x, &y| acts[x].source.file.cmp(&acts[y].source.file));
    // Title → the distinct keys seen with it, and the first act with each key.
    let mut keyed: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    for &i in &order {
        if let Some(k) = key(&acts[i]) {
            let e = keyed.entry(title_key(&acts[i])).or_default();
            if !e.iter().any(|(kk, _)| *kk == k) {
                e.push((k, i));
            }
        }
    }
    for &i in &order {
        if key(&acts[i]).is_some() {
            continue;
        }
        let Some(found) = keyed.get(&title_key(&acts[i])) else {
            continue;
        };
        if let [(_, j)] = found.as_slice() {
            // The edition that names its date and number speaks for the act.
            let (id, kind, issuances) = (
                acts[*j].id.clone(),
                acts[*j].kind,
                acts[*j].issuances.clone(),
            );
            let registration = acts[*j].registration.clone();
            let a = &mut acts[i];
            a.id = id;
            a.kind = kind;
            a.issuances = issuances;
            if a.registration.is_none() {
                a.registration = registration;
            }
        }
    }
}

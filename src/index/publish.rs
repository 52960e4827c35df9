//! Publishing the index in force to another index folder, as one immutable generation: how a
//! builder hands its index to the replicas that serve it.
//!
//! A builder's own generation changes in place when a refresh commits into it, so it is not
//! what replicas should read. [`publish`] copies it, while no writer can commit into it, into
//! a new generation of the destination folder, makes that durable, and only then renames the
//! destination's `CURRENT` to name it: a server reading the destination (`zanlex serve
//! --replica`) switches to the new generation whole or not at all, and never sees one half
//! copied. Each published generation is written once and never changed, so any file sync or
//! object store can carry the destination folder on to other machines, generation folders
//! first and `CURRENT` last.

use super::build::{is_zanlex_index, not_an_index};
use super::durable::make_durable;
use super::layout::IndexDir;
use crate::error::index_err;
use std::path::{Path, PathBuf};

/// What [`publish`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The generation the destination's `CURRENT` names now (`gen-000003`).
    pub generation: String,
    /// Files copied (none when the destination already served this index).
    pub files: usize,
    /// Bytes copied.
    pub bytes: u64,
    /// True when the destination's current generation already held this index, file for
    /// file: nothing was written.
    pub unchanged: bool,
}

/// Publishes the index in force in `index` to the index folder `to` (created when missing;
/// otherwise it must be a zanlex index or empty), as a new generation that `to`'s `CURRENT`
/// names once it is complete and durable. `index` is held against writers while it is copied.
/// Older generations of `to` are removed when no process is opening one; a process that has
/// one open keeps reading it.
///
/// ```no_run
/// # fn main() -> zanlex::Result<()> {
/// let done = zanlex::publish("index".as_ref(), "/srv/replica-1/index".as_ref())?;
/// println!("replica-1 now serves {}", done.generation);
/// # Ok(()) }
/// ```
pub fn publish(index: &Path, to: &Path) -> crate::Result<Published> {
    let source = IndexDir::new(index);
    if source.current().is_none() {
        return Err(crate::Error::NoIndex {
            path: index.to_path_buf(),
        });
    }
    if same_folder(index, to) {
        return Err(crate::Error::BadArgument(format!(
            "{} is the index itself: publish it to another folder",
            to.display()
        )));
    }
    let empty = std::fs::read_dir(to).map_or(true, |mut d| d.next().is_none());
    if to.exists() && !empty && !is_zanlex_index(to) {
        return Err(not_an_index(to));
    }
    let locked = |path: &Path, source| crate::Error::Locked {
        path: path.to_path_buf(),
        purpose: "publishing",
        source,
    };
    // No refresh commits into the generation while its files are copied.
    let _source_held = source
        .lock_for_writing(|| log::info!("waiting for the index being written to publish it"))
        .map_err(|e| locked(index, e))?;
    let generation = source.current().ok_or_else(|| crate::Error::NoIndex {
        path: index.to_path_buf(),
    })?;
    let files = generation_files(&generation)?;
    let dest = IndexDir::new(to);
    let _dest_held = dest.lock_for_writing(|| ()).map_err(|e| locked(to, e))?;
    if let Some(current) = dest.current() {
        if same_index(&generation, &files, &current)? {
            return Ok(Published {
                generation: folder_name(&current),
                files: 0,
                bytes: 0,
                unchanged: true,
            });
        }
    }
    let target = dest.new_generation()?;
    let copied = (|| -> crate::Result<u64> {
        let mut bytes = 0;
        for (name, _) in &files {
            bytes += std::fs::copy(generation.join(name), target.join(name))
                .map_err(|e| index_err(&target.join(name), e))?;
        }
        make_durable(&target)?;
        dest.publish(&target)?;
        Ok(bytes)
    })();
    let bytes = match copied {
        Ok(bytes) => bytes,
        Err(e) => {
            // The half-written generation is never named by `CURRENT`: remove it now.
            let _ = std::fs::remove_dir_all(&target);
            return Err(e);
        }
    };
    dest.remove_leftovers();
    Ok(Published {
        generation: folder_name(&target),
        files: files.len(),
        bytes,
        unchanged: false,
    })
}

/// The regular files of a generation folder with their sizes, by name; temporary files
/// (a lexicon being replaced) are not part of it.
fn generation_files(dir: &Path) -> crate::Result<Vec<(String, u64)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| index_err(dir, e))? {
        let entry = entry.map_err(|e| index_err(dir, e))?;
        let meta = entry.metadata().map_err(|e| index_err(&entry.path(), e))?;
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            return Err(index_err(&entry.path(), "a file name that is not UTF-8"));
        };
        if meta.is_file() && !name.starts_with(".tmp-") {
            files.push((name, meta.len()));
        }
    }
    files.sort();
    Ok(files)
}

/// Whether the generation folder `current` holds the index of `generation`, whose files are
/// `files`: the same names and sizes, and the same tantivy `meta.json`, which names every
/// segment and the commit.
fn same_index(generation: &Path, files: &[(String, u64)], current: &Path) -> crate::Result<bool> {
    if generation_files(current)? != files {
        return Ok(false);
    }
    let meta = |dir: &Path| std::fs::read(dir.join("meta.json")).ok();
    Ok(meta(generation).is_some_and(|m| meta(current).as_ref() == Some(&m)))
}

fn folder_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Whether `a` and `b` name one folder, or one lies inside the other.
fn same_folder(a: &Path, b: &Path) -> bool {
    let canon = |p: &Path| -> PathBuf { std::fs::canonicalize(p).unwrap_or_else(|_| p.into()) };
    let (a, b) = (canon(a), canon(b));
    a.starts_with(&b) || b.starts_with(&a)
}

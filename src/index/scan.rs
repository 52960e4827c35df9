//! Scanning the corpus folder for what a refresh compares with the manifest: each source
//! file's size and modification time, and its sha256 when they moved.

use super::build::BuildOptions;
use super::manifest::Sha256Sum;
use crate::ingest::FileStamp;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The corpus folder by its real name (a refresh and a watcher name it so).
pub(super) fn canonical(corpus: &Path) -> std::path::PathBuf {
    std::fs::canonicalize(corpus).unwrap_or_else(|_| corpus.to_path_buf())
}

/// A file of the corpus as found on disk.
pub(super) struct Scanned {
    pub(super) path: PathBuf,
    pub(super) rel: String,
    /// With its metadata files' and parts' sizes.
    pub(super) size: u64,
    /// The file's own size.
    pub(super) own_size: u64,
    pub(super) mtime_ns: u128,
    /// Why the walk did not read it (its size and mtime are then 0): it is never opened, and
    /// its manifest entry carries the reason as its failure, so each run reports it.
    pub(super) skipped: Option<String>,
}

pub(super) fn rel_path(path: &Path, corpus_parent: &Path) -> String {
    crate::files::rel_key(path, corpus_parent)
}

/// The corpus's source files (recursively, as ingestion lists them), each with its size and
/// modification time added up with those of its metadata files (`.meta.toml` sidecars, the
/// folder's `meta.yaml`): a change to either makes the file stale.
pub(super) fn scan(corpus: &Path, opts: &BuildOptions) -> crate::Result<Vec<Scanned>> {
    scan_tree(corpus, corpus, opts)
}

/// The corpus's files as the index's `manifest` has them, but for those in the `changed`
/// folders (relative to the corpus folder), which are scanned afresh: a folder gone takes its
/// files away, a new one brings its own. For a caller that writes the corpus itself and
/// knows what it wrote ([`BuildOptions::changed_folders`]).
pub(super) fn scan_changed(
    corpus: &Path,
    manifest: &super::manifest::Manifest,
    changed: &[PathBuf],
    opts: &BuildOptions,
) -> crate::Result<Vec<Scanned>> {
    let parent = corpus.parent().unwrap_or(Path::new(""));
    let outside = |f: &&PathBuf| {
        f.components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    };
    if let Some(f) = changed.iter().find(outside) {
        return Err(crate::Error::BadArgument(format!(
            "a changed folder is named relative to the corpus, inside it: {} is not",
            f.display()
        )));
    }
    let folders: Vec<PathBuf> = changed.iter().map(|f| corpus.join(f)).collect();
    let prefixes: Vec<String> = folders
        .iter()
        .map(|f| format!("{}/", rel_path(f, parent)))
        .collect();
    let mut out: Vec<Scanned> = manifest
        .files
        .iter()
        .filter(|(rel, _)| !prefixes.iter().any(|p| rel.starts_with(p.as_str())))
        .map(|(rel, e)| {
            // What the walk skipped is recorded without a size, a time or a hash.
            let skipped = (e.size == 0 && e.mtime_ns == 0 && e.sha256.is_empty())
                .then(|| e.failure.clone())
                .flatten();
            Scanned {
                path: parent.join(rel),
                rel: rel.clone(),
                size: e.size,
                own_size: e.size,
                mtime_ns: e.mtime_ns,
                skipped,
            }
        })
        .collect();
    for folder in folders.iter().filter(|f| f.is_dir()) {
        out.extend(scan_tree(corpus, folder, opts)?);
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out.dedup_by(|a, b| a.rel == b.rel);
    Ok(out)
}

/// [`scan`] of the folder `top` of `corpus`.
fn scan_tree(corpus: &Path, top: &Path, opts: &BuildOptions) -> crate::Result<Vec<Scanned>> {
    let parent = corpus.parent().unwrap_or(Path::new(""));
    let walk = crate::ingest::Walk {
        follow: opts.follow,
    };
    let listing = crate::ingest::corpus_listing(top, walk).map_err(|e| crate::Error::Corpus {
        path: top.to_path_buf(),
        reason: format!("cannot read the corpus folder: {e}"),
    })?;
    // The folders whose sources may have metadata (a metadata file's own folder, and the
    // folder above a `meta/` folder of sidecars): only their sources look for theirs, since
    // every `zanlex search` scans every file of the corpus.
    let with_metadata: std::collections::HashSet<&std::ffi::OsStr> = listing
        .metadata
        .keys()
        .filter_map(|p| Path::new(p).parent())
        .flat_map(|d| {
            let above = d
                .file_name()
                .is_some_and(|n| n == "meta")
                .then(|| d.parent())
                .flatten();
            std::iter::once(d).chain(above)
        })
        .map(Path::as_os_str)
        .collect();
    // The parts of split texts by their folder, looked up once per head.
    let mut parts: HashMap<&Path, Vec<&FileStamp>> = HashMap::new();
    for (part, m) in &listing.parts {
        if let Some(dir) = Path::new(part).parent() {
            parts.entry(dir).or_default().push(m);
        }
    }
    let mut out = Vec::new();
    for (path, stamp) in listing.files.into_iter().zip(listing.stamps) {
        let stamp = match stamp {
            Some(s) => s,
            // A file gone since the listing is gone.
            None => match std::fs::metadata(&path) {
                Ok(md) if md.is_file() => FileStamp::of(&md),
                _ => continue,
            },
        };
        let FileStamp {
            mut size,
            mut mtime_ns,
        } = stamp;
        let own_size = size;
        if !with_metadata.is_empty()
            && path
                .parent()
                .is_some_and(|d| with_metadata.contains(d.as_os_str()))
        {
            for meta in crate::extract::sidecar::metadata_paths(&path) {
                if let Some(m) = listing.metadata.get(meta.as_os_str()) {
                    size += m.size;
                    mtime_ns = mtime_ns.max(m.mtime_ns);
                }
            }
        }
        // A split text's head answers for its parts: a part changed, added or removed
        // changes the head's stamp, so the refresh reads that act again.
        if let Some(of_head) = split_parts(&path, &parts) {
            for m in of_head {
                size += m.size + 1;
                mtime_ns = mtime_ns.max(m.mtime_ns);
            }
        }
        out.push(Scanned {
            rel: rel_path(&path, parent),
            path,
            size,
            own_size,
            mtime_ns,
            skipped: None,
        });
    }
    for (path, reason) in listing.skipped {
        out.push(Scanned {
            rel: rel_path(&path, parent),
            path,
            size: 0,
            own_size: 0,
            mtime_ns: 0,
            skipped: Some(reason),
        });
    }
    // In path order, each path once: a refresh walks the scan beside the manifest.
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out.dedup_by(|a, b| a.rel == b.rel);
    Ok(out)
}

/// The parts in the folder beside `head` (`kaz.md` → `kaz/`), when the listing holds any.
fn split_parts<'a>(
    head: &Path,
    parts: &'a HashMap<&Path, Vec<&FileStamp>>,
) -> Option<&'a [&'a FileStamp]> {
    if parts.is_empty() {
        return None;
    }
    let stem = head.file_stem()?.to_str()?;
    if !matches!(stem, "kaz" | "rus") {
        return None;
    }
    parts
        .get(head.with_file_name(stem).as_path())
        .map(Vec::as_slice)
}

/// The manifest's hash of a source file: the file's own sha256 (what ingestion records in
/// `Source::sha256`), or, when the file has a `.meta.toml` sidecar, the sha256 of that hex
/// digest followed by the sidecar's bytes.
/// Empty for what is not a regular file that can be read (never opened: a FIFO would block):
/// such a file differs from any entry, and ingestion or the walk says what is wrong with it.
pub(super) fn file_sha(path: &Path) -> crate::Result<Sha256Sum> {
    // Opened without blocking, and read only when the open file is a regular one.
    let Ok(bytes) = crate::files::read_regular(path) else {
        return Ok(Sha256Sum::default());
    };
    let own = hex::encode(Sha256::digest(bytes));
    Ok(with_sidecars(&own, path))
}

/// [`file_sha`] from the file's own sha256 (hex), read back from an act's source instead of
/// hashing the file a second time.
pub(super) fn with_sidecars(own_sha: &str, path: &Path) -> Sha256Sum {
    let mut h: Option<Sha256> = None;
    for s in crate::extract::sidecar::metadata_paths(path) {
        if let Ok(b) = crate::files::read_regular(&s) {
            let h = h.get_or_insert_with(|| {
                let mut h = Sha256::new();
                h.update(own_sha.as_bytes());
                h
            });
            h.update(b"\0sidecar\0");
            h.update(b);
        }
    }
    // A split text's parts (in name order: any order that does not change gives one hash).
    if let Some(stem) = path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| matches!(*s, "kaz" | "rus"))
    {
        let dir = path.with_file_name(stem);
        if let Ok(entries) = std::fs::read_dir(&dir) {
            let mut parts: Vec<std::path::PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .collect();
            parts.sort();
            for part in parts {
                if let Ok(b) = crate::files::read_regular(&part) {
                    let h = h.get_or_insert_with(|| {
                        let mut h = Sha256::new();
                        h.update(own_sha.as_bytes());
                        h
                    });
                    h.update(b"\0part\0");
                    h.update(
                        part.file_name()
                            .map(|n| n.as_encoded_bytes())
                            .unwrap_or_default(),
                    );
                    h.update(b);
                }
            }
        }
    }
    h.map_or_else(
        || Sha256Sum::of_hex(own_sha),
        |h| Sha256Sum::of(h.finalize().into()),
    )
}

//! What a process that refreshes an index again and again keeps between its refreshes: the
//! manifest of the commit it wrote last. At national scale the manifest has an entry for each
//! of hundreds of thousands of files, and decoding it is much of a refresh that reads one act;
//! a server that wrote the commit already holds it, decoded.

use super::manifest::{Layers, Manifest};
use std::sync::{Arc, Mutex, PoisonError};
use tantivy::Index;

/// What refreshes of one index keep for the next ([`crate::BuildOptions::cache`]): the
/// manifest of the commit the last one wrote, or compared the corpus with and found nothing
/// to write, so a long-running process (a server refreshing as the corpus changes) does not
/// decode it again from disk each time.
///
/// It is used only while that commit is the one in force: a commit made by another process
/// (`zanlex index`) has another manifest, read from disk. The cost is memory: the manifest is
/// held between refreshes (most of a kilobyte per file of the corpus), where a refresh without
/// the cache holds it only while it runs. Clones share one cache.
///
/// ```
/// use zanlex::{BuildOptions, RefreshCache};
/// let opts = BuildOptions {
///     cache: Some(RefreshCache::default()),
///     ..BuildOptions::default()
/// };
/// assert!(opts.cache.is_some());
/// ```
#[derive(Clone, Default)]
pub struct RefreshCache(Arc<Mutex<Option<KnownManifest>>>);

impl std::fmt::Debug for RefreshCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let held = self.0.lock().map(|k| k.is_some()).unwrap_or(false);
        f.debug_struct("RefreshCache")
            .field("holds_a_manifest", &held)
            .finish()
    }
}

impl RefreshCache {
    /// The manifest kept for `index`'s last commit, taken out of the cache (a refresh changes
    /// it, and keeps the new one once committed); `None` when what it holds is of another
    /// commit, or nothing.
    pub(super) fn take_of(&self, index: &Index) -> Option<KnownManifest> {
        let known = self
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()?;
        known.is_of(index).then_some(known)
    }

    /// Keeps `known` for the next refresh, in place of what was kept.
    pub(super) fn keep(&self, known: KnownManifest) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(known);
    }
}

/// A commit's manifest, decoded, with the payload that names it: a commit has the same
/// manifest when it has the same payload (which names the manifest's files by their hash).
pub(super) struct KnownManifest {
    pub(super) payload: String,
    pub(super) manifest: Manifest,
    /// The files it was read from, or written to ([`Layers`]).
    pub(super) layers: Option<Layers>,
}

impl KnownManifest {
    /// The manifest of `index`'s last commit, read from disk.
    pub(super) fn of(index: &Index) -> Option<Self> {
        let payload = index.load_metas().ok()?.payload?;
        let (manifest, layers) = super::manifest::decode_layered(index, &payload)?;
        Some(KnownManifest {
            payload,
            manifest,
            layers,
        })
    }

    /// The manifest of `index`'s last commit: kept in `cache` when it is, else read from disk.
    pub(super) fn cached_or_read(index: &Index, cache: Option<&RefreshCache>) -> Option<Self> {
        cache
            .and_then(|c| c.take_of(index))
            .or_else(|| Self::of(index))
    }

    /// Whether `index`'s last commit is the one this manifest is of.
    pub(super) fn is_of(&self, index: &Index) -> bool {
        index
            .load_metas()
            .is_ok_and(|m| m.payload.as_deref() == Some(self.payload.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::build::open_tantivy;
    use crate::index::layout::IndexDir;
    use crate::{refresh, BuildOptions};
    use std::path::{Path, PathBuf};

    /// Options refreshing with `cache`.
    fn with(cache: &RefreshCache) -> BuildOptions {
        BuildOptions {
            cache: Some(cache.clone()),
            ..BuildOptions::default()
        }
    }

    /// The last commit of the index at `dir`, open.
    fn in_force(dir: &Path) -> Index {
        let gen = IndexDir::new(dir).current().expect("a generation");
        open_tantivy(&gen).expect("it opens").0
    }

    /// Adds a line to the end of the text at `path`.
    fn append(path: &Path) {
        let mut text = std::fs::read_to_string(path).expect("text");
        text.push_str("\nҚосымша жол.\n");
        std::fs::write(path, text).expect("changed");
    }

    /// The bundled corpus in a temporary folder, indexed beside it by a refresh with a cache:
    /// the folder, the corpus, the index's folder and the cache.
    fn built_with_cache() -> (tempfile::TempDir, PathBuf, PathBuf, RefreshCache) {
        let tmp = tempfile::tempdir().expect("temp dir");
        let corpus = tmp.path().join("corpus");
        crate::test_support::copy_dir(Path::new("corpus"), &corpus);
        let dir = tmp.path().join("index");
        let cache = RefreshCache::default();
        refresh(&corpus, &dir, &with(&cache)).expect("build");
        (tmp, corpus, dir, cache)
    }

    /// Takes what `cache` keeps for the commit in force at `dir`, checks it is what that
    /// commit names on disk, and keeps it again.
    fn assert_kept_as_on_disk(cache: &RefreshCache, dir: &Path) {
        let index = in_force(dir);
        let kept = cache.take_of(&index).expect("the commit's manifest kept");
        let read = KnownManifest::of(&index).expect("the commit's manifest on disk");
        assert_eq!(kept.payload, read.payload);
        assert_eq!(kept.manifest, read.manifest);
        assert_eq!(kept.layers, read.layers);
        cache.keep(kept);
    }

    /// The manifest a refresh keeps is the one its commit names, with the files it is in: after
    /// a build (a whole manifest), a refresh that writes its changes over it, and one that
    /// finds nothing to write but a moved time.
    #[test]
    fn the_manifest_kept_is_the_one_its_commit_names() {
        let (_tmp, corpus, dir, cache) = built_with_cache();
        assert_kept_as_on_disk(&cache, &dir);
        let first = corpus.join("000_59abb921da226678.txt");
        append(&first);
        let report = refresh(&corpus, &dir, &with(&cache)).expect("refresh");
        assert!(report.changed && !report.rebuilt, "{report:?}");
        assert_eq!(report.updated, ["corpus/000_59abb921da226678.txt"]);
        assert_kept_as_on_disk(&cache, &dir);
        // Its bytes as they were, its time moved: nothing is written.
        let text = std::fs::read(&first).expect("text");
        std::fs::write(&first, text).expect("written again");
        let report = refresh(&corpus, &dir, &with(&cache)).expect("refresh");
        assert!(!report.changed, "{report:?}");
        assert_kept_as_on_disk(&cache, &dir);
    }

    /// With the manifest kept, a refresh does not read it from disk: with the files of the
    /// commit's manifest damaged, a refresh told which folder changed (as a server following
    /// a history is) still writes only the file that changed, where a refresh without the
    /// cache can only build the index again.
    #[test]
    fn a_refresh_with_the_manifest_kept_does_not_read_it() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let corpus = tmp.path().join("corpus");
        crate::test_support::copy_dir(Path::new("corpus"), &corpus.join("acts"));
        let dir = tmp.path().join("index");
        let cache = RefreshCache::default();
        refresh(&corpus, &dir, &with(&cache)).expect("build");
        let gen = IndexDir::new(&dir).current().expect("a generation");
        let damage = || {
            for entry in std::fs::read_dir(&gen).expect("listed").flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if super::super::manifest::is_manifest_file(&name) {
                    std::fs::write(entry.path(), b"damaged").expect("damaged");
                }
            }
        };
        damage();
        append(&corpus.join("acts/000_59abb921da226678.txt"));
        let told = BuildOptions {
            changed_folders: Some(vec![PathBuf::from("acts")]),
            ..with(&cache)
        };
        let report = refresh(&corpus, &dir, &told).expect("refresh");
        assert!(report.changed && !report.rebuilt, "{report:?}");
        assert_eq!(report.updated, ["corpus/acts/000_59abb921da226678.txt"]);
        damage();
        append(&corpus.join("acts/001_e93b22564f257a40.txt"));
        let report = refresh(&corpus, &dir, &BuildOptions::default()).expect("refresh");
        assert!(report.rebuilt, "{report:?}");
    }

    /// A manifest kept for one commit is not used once another process has committed: the
    /// refresh reads the new commit's, and writes only what changed since that commit.
    #[test]
    fn a_manifest_kept_of_another_commit_is_not_used() {
        let (_tmp, corpus, dir, cache) = built_with_cache();
        append(&corpus.join("000_59abb921da226678.txt"));
        refresh(&corpus, &dir, &BuildOptions::default()).expect("another process's refresh");
        append(&corpus.join("001_e93b22564f257a40.txt"));
        let report = refresh(&corpus, &dir, &with(&cache)).expect("refresh");
        assert!(report.changed && !report.rebuilt, "{report:?}");
        assert_eq!(report.updated, ["corpus/001_e93b22564f257a40.txt"]);
        assert_kept_as_on_disk(&cache, &dir);
    }
}

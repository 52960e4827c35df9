//! The manifest of an index's last commit kept in this process's memory, for a process that
//! refreshes the same index again and again ([`super::BuildOptions::remember_manifest`]: a
//! server or a watcher).
//!
//! On a corpus of hundreds of thousands of files the manifest is tens of megabytes of
//! compressed JSON: decoding it was a large share of every one-act refresh. A refresh that
//! remembers keeps the manifest it read or committed, and the next refresh takes it from
//! memory when the commit in force is still the one it belongs to.
//!
//! A manifest is known by its commit's payload, which names the manifest's file by the hash
//! of its bytes: another process's commit, or any change of the index, gives another payload,
//! and the manifest is then read from disk as before.

use super::manifest::Manifest;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// A commit's payload and its manifest.
type Commit = (String, Arc<Manifest>);

/// Each index folder's remembered commit.
static REMEMBERED: Mutex<Option<HashMap<PathBuf, Commit>>> = Mutex::new(None);

/// The manifest remembered for the index in `root` when it belongs to the commit of
/// `payload`.
pub(super) fn recall(root: &Path, payload: &str) -> Option<Arc<Manifest>> {
    let remembered = REMEMBERED.lock().unwrap_or_else(PoisonError::into_inner);
    match remembered.as_ref()?.get(root) {
        Some((kept, manifest)) if kept == payload => Some(Arc::clone(manifest)),
        _ => None,
    }
}

/// Remembers `manifest` as that of the commit of `payload` in the index in `root`, in place
/// of what was remembered for it before.
pub(super) fn keep(root: &Path, payload: String, manifest: Arc<Manifest>) {
    let mut remembered = REMEMBERED.lock().unwrap_or_else(PoisonError::into_inner);
    remembered
        .get_or_insert_with(HashMap::new)
        .insert(root.to_path_buf(), (payload, manifest));
}

/// Forgets what was remembered for the index in `root` (its commit is being replaced, or a
/// refresh that does not remember has written it).
pub(super) fn forget(root: &Path) {
    let mut remembered = REMEMBERED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(map) = remembered.as_mut() {
        map.remove(root);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::manifest::tests::manifest;

    /// A remembered manifest is handed back for its own commit and index only.
    #[test]
    fn a_manifest_is_recalled_for_its_own_commit_only() {
        let root = Path::new("/nonexistent/remembered-test-index");
        let other = Path::new("/nonexistent/remembered-test-other");
        assert!(recall(root, "p1").is_none());
        keep(root, "p1".into(), Arc::new(manifest()));
        assert_eq!(recall(root, "p1").as_deref(), Some(&manifest()));
        assert!(recall(root, "p2").is_none());
        assert!(recall(other, "p1").is_none());
        let mut next = manifest();
        next.files.clear();
        keep(root, "p2".into(), Arc::new(next.clone()));
        assert!(recall(root, "p1").is_none());
        assert_eq!(recall(root, "p2").as_deref(), Some(&next));
        forget(root);
        assert!(recall(root, "p2").is_none());
    }
}

//! Making a new generation durable before it is published.
//!
//! tantivy syncs each file of an index as it closes it, and its atomic files as it replaces
//! them; [`make_durable`] syncs every file of the folder once more, and the folder's list of
//! them, so that a generation is on disk before `CURRENT` names it, whatever wrote its files.

use std::fs::File;
use std::io;
use std::path::Path;

/// Makes every file in the folder `dir`, and the folder's list of them, durable.
pub(crate) fn make_durable(dir: &Path) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            File::open(entry.path())?.sync_data()?;
        }
    }
    sync_folder(dir)
}

/// Makes the entries of folder `dir` (files created, renamed or removed in it) durable.
pub(crate) fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir; // a folder cannot be opened as a file there; NTFS journals renames
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syncs_a_folder_and_refuses_a_missing_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.term"), b"postings").unwrap();
        make_durable(dir.path()).unwrap();
        assert!(make_durable(&dir.path().join("missing")).is_err());
    }
}

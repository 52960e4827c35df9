//! The folder a fresh index is written into before it takes the index's place.
//!
//! Tantivy makes every file durable as it is written: each segment file as it is closed, and
//! each rewrite of the `.managed.json` list of files, under that list's lock, as each new
//! segment file is opened. At the start of a build both indexing threads open their segments'
//! files together and wait on those syncs in turn (`perf record -e sched:sched_switch`: both
//! in `atomic_write`, uninterruptible, while documents wait for them). In a staging folder the
//! syncs buy nothing: nothing reads the folder until it is renamed into place, and a crash
//! before the rename leaves the old index as it was, beside a half-written hidden folder. So
//! [`StagingDirectory`] writes without syncing, and [`make_durable`] syncs each of its files
//! once, all together, just before the rename; the index is as durable as tantivy leaves it.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, TerminatingWrite,
    WatchCallback, WatchHandle, WritePtr,
};

/// A [`MmapDirectory`] whose writes are not synced (see the module doc); reads, locks and
/// watches are the inner directory's.
#[derive(Clone, Debug)]
pub(crate) struct StagingDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl StagingDirectory {
    /// Opens the existing folder `root`.
    pub(crate) fn open(root: &Path) -> Result<Self, OpenDirectoryError> {
        Ok(Self {
            inner: MmapDirectory::open(root)?,
            root: root.to_path_buf(),
        })
    }
}

/// A file written without syncing: the OS buffers it, so flushing has nothing to do.
struct UnsyncedFile(File);

impl Write for UnsyncedFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl TerminatingWrite for UnsyncedFile {
    fn terminate_ref(&mut self, _: AntiCallToken) -> io::Result<()> {
        Ok(())
    }
}

impl Directory for StagingDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        // As MmapDirectory: a segment file is written once, so one that exists is a bug.
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(self.root.join(path))
            .map_err(|e| {
                if e.kind() == io::ErrorKind::AlreadyExists {
                    OpenWriteError::FileAlreadyExists(path.to_path_buf())
                } else {
                    OpenWriteError::wrap_io_error(e, path.to_path_buf())
                }
            })?;
        Ok(io::BufWriter::new(Box::new(UnsyncedFile(file))))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        // Still atomic (written aside, then renamed): the writer's own threads read
        // `meta.json` and `.managed.json` back.
        let mut tmp = tempfile::Builder::new().tempfile_in(&self.root)?;
        tmp.write_all(data)?;
        tmp.into_temp_path().persist(self.root.join(path))?;
        Ok(())
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// Makes every file in the folder `dir`, and the folder's list of them, durable. The files are
/// synced from several threads at once, so the file system can write them out together (one
/// journal commit for many files on ext4) instead of one after another.
pub(crate) fn make_durable(dir: &Path) -> io::Result<()> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            files.push(entry.path());
        }
    }
    let threads = files.len().clamp(1, 8);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let sync_some = || -> io::Result<()> {
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(path) = files.get(i) else {
                return Ok(());
            };
            File::open(path)?.sync_data()?;
        }
    };
    std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads).map(|_| s.spawn(sync_some)).collect();
        let mut result = sync_some();
        for h in helpers {
            let done = h
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("a sync thread panicked")));
            result = result.and(done);
        }
        result
    })?;
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

    /// Segment files are written once, atomic files replaced whole, nothing left beside them,
    /// and the folder can be made durable.
    #[test]
    fn writes_files_once_and_replaces_atomic_ones() {
        let dir = tempfile::tempdir().unwrap();
        let staging = StagingDirectory::open(dir.path()).unwrap();
        let seg = Path::new("a.term");
        let mut w = staging.open_write(seg).unwrap();
        w.write_all(b"postings").unwrap();
        w.terminate().unwrap();
        assert!(matches!(
            staging.open_write(seg),
            Err(OpenWriteError::FileAlreadyExists(p)) if p == seg
        ));
        assert_eq!(
            staging
                .open_read(seg)
                .unwrap()
                .read_bytes()
                .unwrap()
                .as_slice(),
            b"postings"
        );

        let meta = Path::new("meta.json");
        staging.atomic_write(meta, b"{}").unwrap();
        staging.atomic_write(meta, b"{\"v\":2}").unwrap();
        assert_eq!(staging.atomic_read(meta).unwrap(), b"{\"v\":2}");
        // No temporary file is left beside the two.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);

        make_durable(dir.path()).unwrap();
        assert!(make_durable(&dir.path().join("missing")).is_err());
    }
}

//! The tantivy directory an existing generation is opened with: tantivy's memory-mapped
//! directory, readable where it cannot be written, and keeping file permissions on commit.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::directory::error::{DeleteError, LockError, OpenDirectoryError, OpenReadError};
use tantivy::directory::{
    DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr, META_LOCK,
};
use tantivy::Directory;

/// [`MmapDirectory`] with two differences:
/// - opening a reader takes tantivy's `meta` lock, which creates a lock file; in a folder this
///   process cannot write (another user's index, a read-only mount) nobody can be changing
///   the index, so the lock is skipped instead of failing the search;
/// - `meta.json` and `.managed.json` are rewritten through a temporary file created private
///   to the owner: the permissions the replaced file had are put back, so a refresh does not
///   lock other users out of an index they could read, and a new one gets what the umask
///   gives a file created as usual.
#[derive(Debug, Clone)]
pub(crate) struct GenerationDirectory {
    root: PathBuf,
    inner: MmapDirectory,
}

impl GenerationDirectory {
    pub(crate) fn open(dir: &Path) -> Result<Self, OpenDirectoryError> {
        Ok(GenerationDirectory {
            root: dir.to_path_buf(),
            inner: MmapDirectory::open(dir)?,
        })
    }
}

impl GenerationDirectory {
    /// The permissions of a file created as usual in this folder, as the umask makes them:
    /// the folder's own, without the execute bits. `None` where files carry no mode.
    fn default_permissions(&self) -> Option<std::fs::Permissions> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let folder = std::fs::metadata(&self.root).ok()?.permissions().mode();
            Some(std::fs::Permissions::from_mode(folder & 0o666))
        }
        #[cfg(not(unix))]
        None
    }
}

/// A lock that holds nothing: for a folder no process can write.
struct NoLock;

fn is_read_only(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

impl Directory for GenerationDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(
        &self,
        path: &Path,
    ) -> Result<WritePtr, tantivy::directory::error::OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        let full = self.root.join(path);
        // The permissions the replaced file had; a new file gets those of a file created as
        // usual (what the umask leaves of `rw-rw-rw-`), as the folder's other files are.
        let before = std::fs::metadata(&full)
            .ok()
            .map(|m| m.permissions())
            .or_else(|| self.default_permissions());
        self.inner.atomic_write(path, data)?;
        if let Some(permissions) = before {
            std::fs::set_permissions(&full, permissions)?;
        }
        Ok(())
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(e))
                if lock.filepath == META_LOCK.filepath && is_read_only(&e) =>
            {
                Ok(DirectoryLock::from(Box::new(NoLock)))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

//! The index folder on disk: what zanlex keeps in it, how a new generation replaces the
//! current one with a single rename, and the locks that keep processes out of each other's way.
//!
//! ```text
//! index/
//!   zanlex-index.json   the marker: zanlex writes into, and deletes from, only folders with it
//!   CURRENT             one line, `gen-000007`: the generation readers open
//!   gen-000007/         a complete tantivy index
//!   write.lock          held exclusively by the one process writing a generation
//!   read.lock           held shared while a process opens a generation
//! ```
//!
//! A full rebuild writes a new `gen-N` beside the current one, makes it durable, then writes
//! `CURRENT.tmp` and renames it over `CURRENT`: a process killed at any moment leaves either
//! the old generation or the new one in force, never none. An incremental refresh commits into
//! the current generation, which tantivy makes atomic itself (`meta.json` is replaced by a
//! rename). Generations other than the current one are zanlex's leftovers: the writer removes
//! those nobody can be opening (it takes `read.lock` exclusively to know), and what it cannot
//! remove now goes on a later run.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The file that marks a folder as a zanlex index: zanlex deletes, moves or overwrites only
/// folders that hold it (or, written before the marker existed, a tantivy index whose commit
/// carries zanlex's manifest).
pub const MARKER: &str = "zanlex-index.json";

/// The file naming the current generation.
pub(crate) const CURRENT: &str = "CURRENT";
const CURRENT_TMP: &str = "CURRENT.tmp";
const WRITE_LOCK: &str = "write.lock";
const READ_LOCK: &str = "read.lock";

/// The files a process makes in an index folder before the folder has its marker: a reader
/// creates `read.lock` in a folder that a writer has just created and not yet marked, so a
/// folder holding only these is still an empty one.
pub(crate) const LOCK_FILES: [&str; 2] = [WRITE_LOCK, READ_LOCK];
const GENERATION_PREFIX: &str = "gen-";

/// Files of the tantivy index that versions of zanlex before generations wrote straight into
/// the index folder (besides the files `.managed.json` lists).
const LEGACY_FILES: [&str; 4] = [
    "meta.json",
    ".managed.json",
    ".tantivy-meta.lock",
    ".tantivy-writer.lock",
];

/// The number of a generation folder's name (`gen-000007` → 7).
fn generation_number(name: &str) -> Option<u64> {
    let digits = name.strip_prefix(GENERATION_PREFIX)?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

fn generation_name(n: u64) -> String {
    format!("{GENERATION_PREFIX}{n:06}")
}

/// An index folder.
#[derive(Debug, Clone)]
pub(crate) struct IndexDir {
    root: PathBuf,
}

/// A lock held until dropped (the file's `flock`); `None` inside where the folder is
/// read-only, where no other process can write either.
#[derive(Debug)]
pub(crate) struct HeldLock(#[allow(dead_code)] Option<File>);

impl IndexDir {
    pub(crate) fn new(root: &Path) -> Self {
        IndexDir {
            root: root.to_path_buf(),
        }
    }

    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The current generation's folder, as `CURRENT` names it (`None` without one).
    pub(crate) fn current(&self) -> Option<PathBuf> {
        let text = std::fs::read_to_string(self.root.join(CURRENT)).ok()?;
        let name = text.trim();
        generation_number(name)?;
        let dir = self.root.join(name);
        dir.is_dir().then_some(dir)
    }

    /// Whether the folder holds an index written before generations (tantivy's files at its
    /// top), which the next build replaces.
    pub(crate) fn is_legacy(&self) -> bool {
        self.root.join("meta.json").is_file() && !self.root.join(CURRENT).exists()
    }

    fn lock_file(&self, name: &str) -> io::Result<Option<File>> {
        let path = self.root.join(name);
        match OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        {
            Ok(f) => Ok(Some(f)),
            // A read-only folder (another user's index, a read-only mount): nobody writes
            // it, so readers need no lock.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                Ok(File::open(&path).ok())
            }
            Err(e) => Err(e),
        }
    }

    /// Holds `read.lock` shared while a generation is opened, so that a writer does not
    /// delete it between reading `CURRENT` and opening its files. Once open, its files stay
    /// readable (they are mapped) even if a later writer removes the folder.
    pub(crate) fn lock_for_reading(&self) -> io::Result<HeldLock> {
        if !self.root.is_dir() {
            return Ok(HeldLock(None));
        }
        let file = self.lock_file(READ_LOCK)?;
        if let Some(f) = &file {
            f.lock_shared()?;
        }
        Ok(HeldLock(file))
    }

    /// Creates the folder with its marker if need be, then holds `write.lock` exclusively:
    /// one process writes at a time, the others wait here (`waiting` is called once if they
    /// have to).
    pub(crate) fn lock_for_writing(&self, waiting: impl FnOnce()) -> io::Result<HeldLock> {
        std::fs::create_dir_all(&self.root)?;
        if !self.root.join(MARKER).is_file() {
            write_marker(&self.root)?;
        }
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(self.root.join(WRITE_LOCK))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                waiting();
                file.lock()?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
        Ok(HeldLock(Some(file)))
    }

    /// A folder for a new generation, numbered after every generation present (call with the
    /// write lock held).
    pub(crate) fn new_generation(&self) -> io::Result<PathBuf> {
        let last = self.generations()?.into_iter().map(|(n, _)| n).max();
        let dir = self.root.join(generation_name(last.map_or(1, |n| n + 1)));
        std::fs::create_dir(&dir)?;
        Ok(dir)
    }

    /// Every generation folder, with its number.
    fn generations(&self) -> io::Result<Vec<(u64, PathBuf)>> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(&self.root)? {
            let entry = entry?;
            let name = entry.file_name();
            if let Some(n) = name.to_str().and_then(generation_number) {
                if entry.file_type()?.is_dir() {
                    out.push((n, entry.path()));
                }
            }
        }
        Ok(out)
    }

    /// Makes `generation` (complete and durable) the current one: `CURRENT.tmp` is written,
    /// synced and renamed over `CURRENT`, and the folder synced so the rename lasts.
    pub(crate) fn publish(&self, generation: &Path) -> io::Result<()> {
        let name = generation
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| generation_number(n).is_some())
            .ok_or_else(|| io::Error::other("not a generation folder"))?;
        let tmp = self.root.join(CURRENT_TMP);
        let mut f = File::create(&tmp)?;
        f.write_all(format!("{name}\n").as_bytes())?;
        f.sync_all()?;
        drop(f);
        // Tests abort here, the way a power cut or `kill -9` would, to check that the previous
        // index stays in force (feature `failpoints`; compiled out of releases).
        fail::fail_point!("before-publish", |_| std::process::abort());
        std::fs::rename(&tmp, self.root.join(CURRENT))?;
        super::durable::sync_folder(&self.root)?;
        fail::fail_point!("after-publish", |_| std::process::abort());
        Ok(())
    }

    /// Removes zanlex's leftovers (call with the write lock held): generations newer than the
    /// current one (builds that were killed), older ones when no process is opening one, a
    /// stray `CURRENT.tmp`, and the files of an index written before generations. Best
    /// effort: what cannot be removed now is removed by a later run.
    pub(crate) fn remove_leftovers(&self) {
        let _ = std::fs::remove_file(self.root.join(CURRENT_TMP));
        let Some(current) = self.current() else {
            return;
        };
        let current_n = current
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(generation_number)
            .unwrap_or(0);
        let Ok(generations) = self.generations() else {
            return;
        };
        // Older generations may be being opened by a reader that read `CURRENT` before it
        // changed: only with `read.lock` held exclusively is nobody doing so.
        let readers_out = self.try_hold(READ_LOCK);
        for (n, dir) in generations {
            if n > current_n || (n < current_n && readers_out.is_some()) {
                let _ = std::fs::remove_dir_all(dir);
            }
        }
        drop(readers_out);
        self.remove_legacy_files();
    }

    /// [`IndexDir::remove_leftovers`] when there are any and no process is writing: how a
    /// run that only reads clears what a killed (or busy) writer left.
    pub(crate) fn tidy_if_idle(&self) {
        let stray =
            self.root.join(CURRENT_TMP).exists() || self.generations().is_ok_and(|g| g.len() > 1);
        if !stray {
            return;
        }
        if self.try_hold(WRITE_LOCK).is_some() {
            self.remove_leftovers();
        }
    }

    /// Lock file `name` held exclusively, if no other process holds it now.
    fn try_hold(&self, name: &str) -> Option<File> {
        self.lock_file(name)
            .ok()
            .flatten()
            .filter(|f| f.try_lock().is_ok())
    }

    /// The top-level files of an index written before generations: those tantivy listed as
    /// its own in `.managed.json`, its metadata and lock files, and zanlex's manifest and
    /// lexicon files.
    fn remove_legacy_files(&self) {
        let managed = self.root.join(".managed.json");
        if let Ok(text) = std::fs::read_to_string(&managed) {
            let names: Vec<String> = serde_json::from_str(&text).unwrap_or_default();
            for name in names {
                // Only plain file names: `.managed.json` is data, and data can lie.
                let plain = Path::new(&name)
                    .file_name()
                    .is_some_and(|f| f == name.as_str());
                if plain && !name.starts_with(GENERATION_PREFIX) && name != CURRENT {
                    let _ = std::fs::remove_file(self.root.join(&name));
                }
            }
        }
        // The lexicon and its counts zanlex writes beside a commit ([`super::lexicon`]) are
        // files of a generation, never of the folder's top.
        let lexicon = [super::lexicon::LEXICON_FILE, super::lexicon::COUNTS_FILE];
        for name in LEGACY_FILES.iter().chain(&lexicon) {
            let _ = std::fs::remove_file(self.root.join(name));
        }
        // The manifest files zanlex wrote beside tantivy's (none of its own lists them).
        if let Ok(entries) = std::fs::read_dir(&self.root) {
            for entry in entries.flatten() {
                let name = entry.file_name();
                if super::manifest::is_manifest_file(&name.to_string_lossy()) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }
}

/// Writes [`MARKER`] into a new index folder, synced.
pub(crate) fn write_marker(dir: &Path) -> io::Result<()> {
    let body = format!(
        "{{\"written_by\": \"zanlex\", \"version\": \"{}\", \"schema\": {}, \"layout\": \"generations\"}}\n",
        env!("CARGO_PKG_VERSION"),
        super::SCHEMA_VERSION
    );
    let mut f = File::create(dir.join(MARKER))?;
    f.write_all(body.as_bytes())?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_names_round_trip() {
        assert_eq!(generation_number(&generation_name(7)), Some(7));
        assert_eq!(generation_name(7), "gen-000007");
        assert_eq!(generation_number("gen-"), None);
        assert_eq!(generation_number("gen-12a"), None);
        assert_eq!(generation_number("gen-+1"), None);
        assert_eq!(generation_number("meta.json"), None);
    }

    #[test]
    fn publish_switches_current_and_leftovers_go() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = IndexDir::new(&tmp.path().join("idx"));
        let _lock = dir.lock_for_writing(|| {}).expect("lock");
        assert!(dir.current().is_none());
        let first = dir.new_generation().expect("gen");
        dir.publish(&first).expect("publish");
        assert_eq!(dir.current(), Some(first.clone()));
        let second = dir.new_generation().expect("gen");
        let abandoned = dir.new_generation().expect("gen");
        assert!(abandoned.ends_with("gen-000003"));
        dir.publish(&second).expect("publish");
        dir.remove_leftovers();
        assert_eq!(dir.current(), Some(second.clone()));
        assert!(!first.exists(), "the older generation is removed");
        assert!(
            !abandoned.exists(),
            "the killed build's generation is removed"
        );
        assert!(second.exists());
    }

    #[test]
    fn an_open_reader_keeps_older_generations() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = IndexDir::new(&tmp.path().join("idx"));
        let _lock = dir.lock_for_writing(|| {}).expect("lock");
        let first = dir.new_generation().expect("gen");
        dir.publish(&first).expect("publish");
        let second = dir.new_generation().expect("gen");
        dir.publish(&second).expect("publish");
        let reading = dir.lock_for_reading().expect("read lock");
        dir.remove_leftovers();
        assert!(first.exists(), "a reader may be opening it");
        drop(reading);
        dir.remove_leftovers();
        assert!(!first.exists());
    }

    #[test]
    fn legacy_files_named_by_tantivy_go_and_nothing_else() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("idx");
        std::fs::create_dir_all(&root).expect("mkdir");
        for f in ["meta.json", "abc.idx", "keep.txt"] {
            std::fs::write(root.join(f), "x").expect("write");
        }
        std::fs::write(
            root.join(".managed.json"),
            r#"["meta.json", "abc.idx", "../outside", "sub/x"]"#,
        )
        .expect("write");
        std::fs::write(tmp.path().join("outside"), "x").expect("write");
        let dir = IndexDir::new(&root);
        assert!(dir.is_legacy());
        let _lock = dir.lock_for_writing(|| {}).expect("lock");
        let gen = dir.new_generation().expect("gen");
        dir.publish(&gen).expect("publish");
        dir.remove_leftovers();
        assert!(!root.join("meta.json").exists());
        assert!(!root.join("abc.idx").exists());
        assert!(!root.join(".managed.json").exists());
        assert!(root.join("keep.txt").exists(), "not tantivy's: kept");
        assert!(
            tmp.path().join("outside").exists(),
            "outside the folder: kept"
        );
    }
}

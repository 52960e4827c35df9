//! Knowing the index holds the corpus as it is now without reading the size and time of every
//! file: a watcher of the corpus keeps a change feed in the index folder, and a full check
//! leaves a record of when it ran.
//!
//! ```text
//! index/
//!   watch.lock     held exclusively by the process watching the corpus, for as long as it runs
//!   watch.json     what it saw: the corpus it watches, and whether changes wait for a refresh
//!   checked.json   the last full check of a large corpus: when, how many files, the commit
//! ```
//!
//! A search trusts `watch.json` only while `watch.lock` is held: the lock goes with the
//! watching process, however it ends, so a watcher that died never vouches for an index.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::path::{Path, PathBuf};

const WATCH_LOCK: &str = "watch.lock";
const WATCH_STATE: &str = "watch.json";
const CHECKED: &str = "checked.json";

/// How a search knew that its index holds the corpus as it is now
/// ([`crate::RefreshReport::freshness`]).
///
/// ```
/// use zanlex::Freshness;
/// assert_eq!(Freshness::default(), Freshness::Checked);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Freshness {
    /// The size and time of every file of the corpus were read, and the index refreshed if
    /// any had changed.
    #[default]
    Checked,
    /// A running watcher of the corpus ([`CorpusWatch`]) had seen no change since the index
    /// was last refreshed.
    Watched,
    /// The corpus is larger than [`crate::BuildOptions::scan_limit`] and nothing watches it:
    /// the index was opened as it is. It holds the corpus as it was at `since`; changes made
    /// later are not in it.
    Unchecked {
        /// When the corpus was last checked file by file.
        since: DateTime<Utc>,
        /// How many files that check read.
        files: usize,
    },
}

/// What a watcher writes into `watch.json`.
#[derive(Debug, Serialize, Deserialize)]
struct WatchState {
    /// The corpus folder watched, by its real name.
    corpus: PathBuf,
    /// Whether the watcher saw changes that no refresh has taken in yet.
    pending: bool,
}

/// What a full check of a large corpus writes into `checked.json`.
#[derive(Debug, Serialize, Deserialize)]
struct CheckedRecord {
    since: DateTime<Utc>,
    files: usize,
    /// The stat key of the commit found up to date: the record speaks for that commit only.
    stat_key: String,
}

/// What a watcher of the corpus says of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Watched {
    /// No live watcher of this corpus.
    Nobody,
    /// A live watcher has seen no change since its last refresh: the index holds the corpus.
    Clean,
    /// A live watcher has seen changes no refresh has taken in: every file must be checked.
    Pending,
}

/// What a live watcher of `corpus` says of the index in `index_dir`: one holds `watch.lock`,
/// and its `watch.json` names this corpus.
pub(crate) fn watched(index_dir: &Path, corpus: &Path) -> Watched {
    let Ok(lock) = File::open(index_dir.join(WATCH_LOCK)) else {
        return Watched::Nobody;
    };
    // A shared lock taken means nobody holds the exclusive one: no watcher is running.
    match lock.try_lock_shared() {
        Ok(()) => return Watched::Nobody,
        Err(std::fs::TryLockError::WouldBlock) => {}
        Err(std::fs::TryLockError::Error(_)) => return Watched::Nobody,
    }
    let state = std::fs::read(index_dir.join(WATCH_STATE))
        .ok()
        .and_then(|b| serde_json::from_slice::<WatchState>(&b).ok());
    match state {
        Some(s) if s.corpus != super::scan::canonical(corpus) => Watched::Nobody,
        Some(s) if !s.pending => Watched::Clean,
        // Pending, or the file not readable yet while the lock is held.
        _ => Watched::Pending,
    }
}

/// The last full check of the index's commit whose stat key is `stat_key`, when it read more
/// than `limit` files: the index is then opened as it is ([`Freshness::Unchecked`]).
pub(crate) fn unchecked_since(index_dir: &Path, stat_key: &str, limit: usize) -> Option<Freshness> {
    let record: CheckedRecord =
        serde_json::from_slice(&std::fs::read(index_dir.join(CHECKED)).ok()?).ok()?;
    (record.stat_key == stat_key && record.files > limit).then_some(Freshness::Unchecked {
        since: record.since,
        files: record.files,
    })
}

/// Records a full check that began at `since` and found the commit with `stat_key` holding
/// the corpus's `files` files. Best effort: an index folder that cannot be written is still
/// read, and the next search checks every file again.
pub(crate) fn record_check(index_dir: &Path, since: DateTime<Utc>, files: usize, stat_key: String) {
    let record = CheckedRecord {
        since,
        files,
        stat_key,
    };
    if let Ok(bytes) = serde_json::to_vec(&record) {
        if let Err(e) = write_replacing(index_dir, CHECKED, &bytes) {
            log::warn!("could not record the check in {}: {e}", index_dir.display());
        }
    }
}

/// Carries the record of the last full check over to the commit with `stat_key`, made by a
/// refresh told which folders changed ([`crate::BuildOptions::changed_folders`]) from the
/// commit with `old_key`: the new commit holds the corpus as that check found it, with those
/// changes. A record of another commit is left as it is.
pub(crate) fn carry_check(index_dir: &Path, old_key: &str, files: usize, stat_key: String) {
    let Some(record) = std::fs::read(index_dir.join(CHECKED))
        .ok()
        .and_then(|b| serde_json::from_slice::<CheckedRecord>(&b).ok())
    else {
        return;
    };
    if record.stat_key == old_key {
        record_check(index_dir, record.since, files, stat_key);
    }
}

/// Writes `name` in `dir` by a rename, so a reader sees the old content or the new, whole.
fn write_replacing(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = dir.join(format!("{name}.tmp"));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, dir.join(name))
}

/// A watcher of a corpus folder: file events from the system mark the index stale, and
/// `watch.json` in the index folder tells every search on the same index whether it is, so a
/// search on a large corpus reads no file's size and time. The owner refreshes the index when
/// [`CorpusWatch::changes`] moves and then calls [`CorpusWatch::mark_refreshed`]; `zanlex
/// serve` and `zanlex watch` do.
///
/// ```no_run
/// # fn main() -> zanlex::Result<()> {
/// use zanlex::{BuildOptions, CorpusWatch, ZanIndex};
/// let watch = CorpusWatch::start("corpus", "index")?;
/// let (changed, woken) = std::sync::mpsc::channel();
/// watch.on_change(move || {
///     let _ = changed.send(());
/// });
/// loop {
///     let seen = watch.changes();
///     ZanIndex::open_or_build("corpus", "index", &BuildOptions::default())?;
///     watch.mark_refreshed(seen);
///     while watch.changes() == seen {
///         let _ = woken.recv();
///     }
/// }
/// # }
/// ```
#[cfg(feature = "watch")]
pub struct CorpusWatch {
    shared: std::sync::Arc<Shared>,
    // Dropping it stops the events; the lock goes when `shared` does. Replaced by a watch of
    // the new folder when the corpus folder is replaced (see [`CorpusWatch::changes`]).
    watcher: std::sync::Mutex<notify::RecommendedWatcher>,
    /// The corpus folder watched, by device and inode: a folder moved away and another made
    /// in its place keeps the path, but the system's watch stays on the old one.
    identity: std::sync::Mutex<Option<FolderIdentity>>,
}

/// A folder's device and inode (none where the system has no such numbers).
#[cfg(feature = "watch")]
type FolderIdentity = (u64, u64);

/// The device and inode of the folder at `path`, if it is one.
#[cfg(feature = "watch")]
fn folder_identity(path: &Path) -> Option<FolderIdentity> {
    let md = std::fs::metadata(path).ok().filter(|m| m.is_dir())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((md.dev(), md.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = md;
        None
    }
}

/// The most files a watcher names for a refresh to compare by content; past it, the refresh
/// compares every file ([`crate::Rehash::Every`]).
#[cfg(feature = "watch")]
const MOST_NAMED: usize = 10_000;

/// The files file events named since the last refresh ([`CorpusWatch::rehash`]).
#[cfg(feature = "watch")]
#[derive(Debug, Default)]
struct Named {
    files: std::collections::BTreeSet<PathBuf>,
    /// More than [`MOST_NAMED`], or events lost: every file is to be compared.
    every: bool,
}

#[cfg(feature = "watch")]
impl std::fmt::Debug for CorpusWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusWatch")
            .field("corpus", &self.shared.corpus)
            .field("index", &self.shared.index_dir)
            .finish()
    }
}

/// What the event handler and the owner share.
#[cfg(feature = "watch")]
struct Shared {
    corpus: PathBuf,
    index_dir: PathBuf,
    /// Events seen so far (those inside the index folder left out).
    changes: std::sync::atomic::AtomicU64,
    /// Whether `watch.json` says changes are pending; held while it is written, so a late
    /// "pending" is never overwritten by an earlier "refreshed".
    pending: std::sync::Mutex<bool>,
    /// `watch.lock`, held exclusively.
    lock: File,
    /// Called after each change is counted ([`CorpusWatch::on_change`]).
    wake: std::sync::Mutex<Option<Wake>>,
    /// The files events named since the last refresh.
    named: std::sync::Mutex<Named>,
}

/// What [`CorpusWatch::on_change`] is given.
#[cfg(feature = "watch")]
type Wake = Box<dyn Fn() + Send + Sync>;

#[cfg(feature = "watch")]
impl Shared {
    fn write_state(&self, pending: bool) {
        let state = WatchState {
            corpus: self.corpus.clone(),
            pending,
        };
        let written = serde_json::to_vec(&state)
            .map_err(std::io::Error::other)
            .and_then(|b| write_replacing(&self.index_dir, WATCH_STATE, &b));
        if let Err(e) = written {
            log::warn!(
                "could not write {}: {e}",
                self.index_dir.join(WATCH_STATE).display()
            );
        }
    }

    fn saw(&self, event: &notify::Result<notify::Event>) {
        if let Ok(e) = event {
            if matches!(e.kind, notify::EventKind::Access(_)) {
                return;
            }
            if !e.need_rescan()
                && !e.paths.is_empty()
                && e.paths.iter().all(|p| p.starts_with(&self.index_dir))
            {
                return;
            }
        }
        self.name(event);
        self.count_change();
    }

    /// Keeps the files `event` names for the next refresh to compare by content.
    fn name(&self, event: &notify::Result<notify::Event>) {
        let mut named = self
            .named
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match event {
            Ok(e) if !e.need_rescan() => {
                for p in e.paths.iter().filter(|p| !p.starts_with(&self.index_dir)) {
                    if named.files.len() >= MOST_NAMED {
                        named.every = true;
                        break;
                    }
                    named.files.insert(p.clone());
                }
            }
            _ => named.every = true,
        }
    }

    /// Counts a change, says it in `watch.json` and wakes the owner.
    fn count_change(&self) {
        use std::sync::atomic::Ordering;
        // An error (events lost) counts as a change: only a full check can tell. Said (once
        // for a burst of events: a checkout of many files writes the file once), then
        // counted, under the lock `mark_refreshed` takes: whoever sees the count move finds
        // `watch.json` saying so, and a refresh that read the count before this change
        // cannot clear it.
        let mut said = self
            .pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !*said {
            self.write_state(true);
            *said = true;
        }
        self.changes.fetch_add(1, Ordering::SeqCst);
        drop(said);
        let wake = self
            .wake
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(wake) = wake.as_ref() {
            wake();
        }
    }
}

#[cfg(feature = "watch")]
impl CorpusWatch {
    /// Starts watching `corpus` (every folder in it) for the index in `index_dir`, which must
    /// exist. Until the first [`CorpusWatch::mark_refreshed`], searches check every file as
    /// before. Fails when another process already watches for this index, or when the system
    /// refuses the watch (too many folders for its limit on watches, a file system without
    /// events): the caller then checks the corpus as before.
    pub fn start(corpus: impl AsRef<Path>, index_dir: impl AsRef<Path>) -> crate::Result<Self> {
        let index_dir = std::fs::canonicalize(index_dir.as_ref())
            .unwrap_or_else(|_| index_dir.as_ref().to_path_buf());
        let corpus = super::scan::canonical(corpus.as_ref());
        let err = |reason: String| crate::Error::Index {
            path: index_dir.clone(),
            reason,
        };
        let lock = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(index_dir.join(WATCH_LOCK))
            .map_err(|e| err(format!("cannot create {WATCH_LOCK}: {e}")))?;
        lock.try_lock().map_err(|e| match e {
            std::fs::TryLockError::WouldBlock => {
                err("another process already watches the corpus for this index".into())
            }
            std::fs::TryLockError::Error(e) => err(format!("cannot lock {WATCH_LOCK}: {e}")),
        })?;
        let shared = std::sync::Arc::new(Shared {
            corpus: corpus.clone(),
            index_dir: index_dir.clone(),
            changes: Default::default(),
            pending: std::sync::Mutex::new(true),
            lock,
            wake: std::sync::Mutex::new(None),
            named: std::sync::Mutex::new(Named::default()),
        });
        shared.write_state(true);
        // Read before the watch begins: a folder replaced in between is found at the first
        // look at the changes.
        let identity = folder_identity(&corpus);
        let watcher = watch_folder(&shared).map_err(err)?;
        Ok(CorpusWatch {
            shared,
            watcher: std::sync::Mutex::new(watcher),
            identity: std::sync::Mutex::new(identity),
        })
    }

    /// How many changes the watcher has seen: read it before a refresh, and hand it to
    /// [`CorpusWatch::mark_refreshed`] after.
    ///
    /// A corpus folder replaced by another of the same name (`mv corpus old; mkdir corpus`)
    /// sends no event from the new folder: each call checks that the folder at the corpus's
    /// path is still the one watched, and when it is not, watches the new one and counts a
    /// change whose refresh compares every file.
    pub fn changes(&self) -> u64 {
        self.follow_replacement();
        self.shared
            .changes
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Watches the folder now at the corpus's path when it is not the one watched.
    fn follow_replacement(&self) {
        let mut identity = self
            .identity
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = folder_identity(&self.shared.corpus);
        // A folder gone for now is watched again once one is back.
        if now.is_none() || now == *identity {
            return;
        }
        match watch_folder(&self.shared) {
            Ok(watcher) => {
                *self
                    .watcher
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = watcher;
                *identity = now;
                log::info!(
                    "{} was replaced by another folder: watching the new one",
                    self.shared.corpus.display()
                );
            }
            Err(e) => log::warn!("{e}; trying again at the next look"),
        }
        self.shared
            .named
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .every = true;
        self.shared.count_change();
    }

    /// What the next refresh compares by content though size and time are unchanged
    /// ([`crate::BuildOptions::rehash`]): the files events named since the last
    /// [`CorpusWatch::mark_refreshed`], or every file when they were too many, events were
    /// lost or the corpus folder was replaced. Read it with [`CorpusWatch::changes`], before
    /// the refresh.
    pub fn rehash(&self) -> crate::Rehash {
        let named = self
            .shared
            .named
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if named.every {
            crate::Rehash::Every
        } else if named.files.is_empty() {
            crate::Rehash::Unchanged
        } else {
            crate::Rehash::Files(named.files.iter().cloned().collect())
        }
    }

    /// Calls `wake` after each change counted from now on (on the system's event thread, so
    /// it must return at once), in place of any `wake` given before: the owner can refresh
    /// as soon as a change comes rather than at its next look at [`CorpusWatch::changes`].
    pub fn on_change(&self, wake: impl Fn() + Send + Sync + 'static) {
        *self
            .shared
            .wake
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Box::new(wake));
    }

    /// Tells searches that the index holds the corpus again, unless a change came after
    /// `seen` (then the next refresh takes it in, and searches check every file meanwhile).
    /// A corpus folder replaced since `seen` (while the refresh read the corpus) is such a
    /// change: the new folder is watched from here on.
    pub fn mark_refreshed(&self, seen: u64) {
        // Followed before the lock below is taken: following counts a change, which takes
        // that lock too.
        self.follow_replacement();
        let mut said = self
            .shared
            .pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Checked under the lock: a change counted after it waits for the lock, then says
        // "pending" again. A folder replaced after the look above sent its move as an event
        // of the folder watched, counted; the next look at the changes follows it.
        let changes = self
            .shared
            .changes
            .load(std::sync::atomic::Ordering::SeqCst);
        if changes == seen {
            // Taken in: no later change named them (they would have moved the count).
            *self
                .shared
                .named
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Named::default();
            if *said {
                self.shared.write_state(false);
                *said = false;
            }
        }
    }
}

/// A watch of the corpus folder (every folder in it) whose events go to `shared`.
#[cfg(feature = "watch")]
fn watch_folder(shared: &std::sync::Arc<Shared>) -> Result<notify::RecommendedWatcher, String> {
    use notify::Watcher;
    let handler = std::sync::Arc::clone(shared);
    let mut watcher = notify::recommended_watcher(move |e| handler.saw(&e))
        .map_err(|e| format!("cannot watch the corpus: {e}"))?;
    watcher
        .watch(&shared.corpus, notify::RecursiveMode::Recursive)
        .map_err(|e| format!("cannot watch {}: {e}", shared.corpus.display()))?;
    Ok(watcher)
}

#[cfg(feature = "watch")]
impl Drop for CorpusWatch {
    fn drop(&mut self) {
        // Released now, not when the system's event thread lets go of its handle on the
        // shared state, which it does later: from here on nothing vouches for the index.
        let _ = self.shared.lock.unlock();
        let _ = std::fs::remove_file(self.shared.index_dir.join(WATCH_STATE));
    }
}

//! The served index and its refresh: readers take the index in force when their request
//! starts; a refresh builds or updates the index on disk, opens the new commit and swaps it in
//! at once, so requests during a refresh are answered from the previous one, whole.

use super::errors::ApiError;
use super::readers::Readers;
use arc_swap::ArcSwap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use zanlex::{BuildOptions, RefreshReport, ZanIndex};

/// What every request shares.
pub(crate) struct AppState {
    /// The index in force. Nothing is kept beside it: each request resolves the references
    /// it answers with from the acts they may name (as the library's reading commands do), not
    /// from a catalog of every act kept for the index's lifetime, which at national scale with
    /// the mirror's history is every edition's unit tree of every act, gigabytes read again
    /// after each refresh before the first answer.
    served: ArcSwap<ZanIndex>,
    /// The files the index in force does not hold: (file, reason).
    failures: ArcSwap<Vec<(String, String)>>,
    /// How many times a refresh swapped in a newly opened index.
    swaps: AtomicU64,
    pub corpus: PathBuf,
    pub index_dir: PathBuf,
    follow: bool,
    /// The git checkout whose commits `corpus` holds as edition folders (`--history`): the
    /// watcher reads its new commits into `corpus`, and the index is stale when that wrote
    /// editions. Nothing else writes the editions folder, so its files are neither watched
    /// nor stamped (a national history is hundreds of thousands of them).
    history: Option<PathBuf>,
    /// The edition folders the history's sync wrote that no refresh has begun to take in yet
    /// (relative to `corpus`): a refresh reads those alone.
    editions_pending: std::sync::Mutex<Vec<PathBuf>>,
    /// Serving an index that another process publishes into `index_dir` ([`zanlex::publish`]):
    /// never built here, and a newly published generation is swapped in whole.
    replica: bool,
    /// One refresh at a time.
    refreshing: tokio::sync::Mutex<()>,
    /// What a refresh keeps for the next, when the corpus is watched (refreshes then come
    /// one after another): the manifest of the commit written last, which at national scale
    /// would otherwise be decoded again from disk by each.
    refresh_cache: Option<zanlex::RefreshCache>,
    /// The corpus's files as last seen by the watcher.
    seen: std::sync::Mutex<Option<u64>>,
    /// File events from the corpus, when the system gives them: the watcher then reads no
    /// file's size and time, and commands on the same index trust it ([`zanlex::CorpusWatch`]).
    events: Option<CorpusEvents>,
    /// Poked by file events (of the corpus, or of the checkout's git folder with
    /// `history`): the watcher then refreshes once the burst is over rather than at its next
    /// tick.
    wake: Arc<tokio::sync::Notify>,
    /// The events of the checkout's git folder, with `history`; dropping it stops them.
    _checkout_events: Option<notify::RecommendedWatcher>,
    /// The bounded blocking reads.
    pub readers: Readers,
}

/// The corpus's file events, and how many of them the index in force has taken in.
struct CorpusEvents {
    watch: zanlex::CorpusWatch,
    /// [`zanlex::CorpusWatch::changes`] when the last refresh began; none yet at first, so
    /// the first tick refreshes, which takes in whatever changed before the watch began.
    refreshed: AtomicU64,
}

impl AppState {
    /// Opens the index (building or refreshing it from `corpus` first, as every command
    /// does) and makes the state that serves it; `watching` when [`watch`] will keep it up to
    /// date (the corpus's file events are then listened to, unless `corpus` holds the
    /// editions of the git checkout `history`, whose new commits are read instead).
    pub(crate) fn open(
        corpus: &Path,
        index_dir: &Path,
        follow: bool,
        watching: bool,
        history: Option<PathBuf>,
        readers: Readers,
    ) -> anyhow::Result<(Self, RefreshReport)> {
        // Seen before the index is opened: a change made while it opens is found later.
        let seen = match history {
            Some(_) => None,
            None => corpus_stamp(corpus, follow),
        };
        let refresh_cache = watching.then(zanlex::RefreshCache::default);
        let opts = BuildOptions {
            cache: refresh_cache.clone(),
            ..options(follow)
        };
        let (index, report) = ZanIndex::open_or_build(corpus, index_dir, &opts)?;
        // A first build, or a refresh of what changed while no server ran, frees far more
        // than a server keeps.
        crate::release_freed_memory();
        let wake = Arc::new(tokio::sync::Notify::new());
        let events = (watching && history.is_none())
            .then(|| corpus_events(corpus, index_dir, follow))
            .flatten();
        if let Some(events) = &events {
            let wake = Arc::clone(&wake);
            events.watch.on_change(move || wake.notify_one());
        }
        let checkout_events = history
            .as_deref()
            .filter(|_| watching)
            .and_then(|checkout| checkout_events(checkout, Arc::clone(&wake)));
        let state = AppState {
            served: ArcSwap::from_pointee(index),
            failures: ArcSwap::from_pointee(super::errors::shown_failures(&report.failures)),
            swaps: AtomicU64::new(0),
            corpus: corpus.to_path_buf(),
            index_dir: index_dir.to_path_buf(),
            follow,
            events,
            history,
            editions_pending: std::sync::Mutex::new(Vec::new()),
            replica: false,
            refreshing: tokio::sync::Mutex::new(()),
            refresh_cache,
            seen: std::sync::Mutex::new(seen),
            wake,
            _checkout_events: checkout_events,
            readers,
        };
        Ok((state, report))
    }

    /// Opens the index published into `index_dir` as it is, for a replica: no corpus is read
    /// and nothing is built; [`watch`] swaps in each generation published later.
    pub(crate) fn open_replica(index_dir: &Path, readers: Readers) -> anyhow::Result<Self> {
        let index = ZanIndex::open(index_dir)?;
        Ok(AppState {
            served: ArcSwap::from_pointee(index),
            failures: ArcSwap::from_pointee(Vec::new()),
            swaps: AtomicU64::new(0),
            corpus: PathBuf::new(),
            index_dir: index_dir.to_path_buf(),
            follow: false,
            history: None,
            editions_pending: std::sync::Mutex::new(Vec::new()),
            replica: true,
            refreshing: tokio::sync::Mutex::new(()),
            refresh_cache: None,
            seen: std::sync::Mutex::new(None),
            events: None,
            wake: Arc::new(tokio::sync::Notify::new()),
            _checkout_events: None,
            readers,
        })
    }

    /// The index in force; it stays whole for as long as it is held, whatever a refresh does.
    pub(crate) fn index(&self) -> Arc<ZanIndex> {
        self.served.load_full()
    }

    /// The files the index in force does not hold.
    pub(crate) fn failures(&self) -> Arc<Vec<(String, String)>> {
        self.failures.load_full()
    }

    /// How many times a refresh swapped in a new index. A swap is counted before its index is
    /// served, so whoever sees the new index sees it counted.
    pub(crate) fn swaps(&self) -> u64 {
        self.swaps.load(Ordering::SeqCst)
    }

    /// Brings the index up to date with the corpus on a blocking thread and swaps in the
    /// commit now in force. Readers holding the previous index finish on it. With
    /// `every_file`, every file of the corpus is checked, also when only new editions of the
    /// history are known to have come (as `/v1/reindex` asks).
    pub(crate) async fn refresh(
        self: &Arc<Self>,
        every_file: bool,
    ) -> Result<zanlex::RefreshAnswer, ApiError> {
        let _one = self.refreshing.lock().await;
        if self.replica {
            return self.open_published().await;
        }
        let state = Arc::clone(self);
        let events_seen = self.events.as_ref().map(|e| e.watch.changes());
        // Taken before the refresh reads the corpus: editions written during it wait for the
        // next one.
        let editions = std::mem::take(&mut *self.pending_editions());
        let seen = match (events_seen, &self.history) {
            (None, None) => corpus_stamp(&self.corpus, self.follow),
            _ => None,
        };
        let mut opts = options(self.follow);
        opts.cache = self.refresh_cache.clone();
        // Files events named are compared by content (an edit may keep size and time);
        // asked to check every file, every one is.
        opts.rehash = match (&self.events, every_file) {
            (_, true) => zanlex::Rehash::Every,
            (Some(events), false) => events.watch.rehash(),
            (None, false) => zanlex::Rehash::Unchanged,
        };
        if self.history.is_some() && !every_file {
            // Nothing else writes the editions folder: the new editions are all that changed.
            opts.changed_folders = Some(editions.clone());
        }
        let opened = tokio::task::spawn_blocking(move || {
            let opened = ZanIndex::open_or_build(&state.corpus, &state.index_dir, &opts);
            crate::release_freed_memory();
            opened
        })
        .await
        .map_err(|e| {
            eprintln!("zanlex: the refresh failed: {e}");
            ApiError::internal("the refresh failed; the server's log has the details")
        })?;
        *self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = seen;
        let (index, report) = opened.map_err(|e| {
            self.pending_editions().extend(editions);
            ApiError::from(e)
        })?;
        if let (Some(events), Some(seen)) = (&self.events, events_seen) {
            events.watch.mark_refreshed(seen);
            events.refreshed.store(seen, Ordering::SeqCst);
        }
        // Swapped in even when this refresh wrote nothing: another process (`zanlex index`)
        // may have brought the index up to date first, and the commit opened is the one in
        // force on disk either way.
        self.swaps.fetch_add(1, Ordering::SeqCst);
        self.served.store(Arc::new(index));
        self.failures
            .store(Arc::new(super::errors::shown_failures(&report.failures)));
        Ok(zanlex::RefreshAnswer::of(
            report,
            super::errors::outside_paths_hidden,
        ))
    }

    /// A replica's refresh: the generation published last, opened and swapped in when it is
    /// not the one served. One that cannot be opened (damaged, of another version) is not
    /// swapped in: the one served stays in force, and the error says why.
    async fn open_published(self: &Arc<Self>) -> Result<zanlex::RefreshAnswer, ApiError> {
        let unchanged = zanlex::RefreshAnswer::unchanged();
        if self.index().is_current() {
            return Ok(unchanged);
        }
        let dir = self.index_dir.clone();
        let opened = tokio::task::spawn_blocking(move || ZanIndex::open(&dir))
            .await
            .map_err(|e| {
                eprintln!("zanlex: opening the published index failed: {e}");
                ApiError::internal(
                    "opening the published index failed; the server's log has the details",
                )
            })?;
        let index = opened.map_err(ApiError::from)?;
        self.swaps.fetch_add(1, Ordering::SeqCst);
        self.served.store(Arc::new(index));
        let mut swapped = unchanged;
        swapped.changed = true;
        Ok(swapped)
    }

    /// Whether there is something to refresh: for a replica, a newer published generation;
    /// else the corpus's files differ from when they were last seen.
    fn stale(&self) -> bool {
        if self.replica {
            return !self.index().is_current();
        }
        if let Some(checkout) = &self.history {
            let written = self.read_new_commits(checkout);
            let mut pending = self.pending_editions();
            pending.extend(written);
            return !pending.is_empty();
        }
        if let Some(events) = &self.events {
            return events.watch.changes() != events.refreshed.load(Ordering::SeqCst);
        }
        self.corpus_changed()
    }

    /// Writes the checkout's commits not read yet into the corpus as edition folders;
    /// returns those folders, and those marked as their act's last (its folder deleted),
    /// relative to the corpus. A failure is logged and the corpus
    /// left as it is.
    fn read_new_commits(&self, checkout: &Path) -> Vec<PathBuf> {
        let opts = zanlex::git_history::HistoryOptions::default();
        match zanlex::git_history::sync_history(checkout, &self.corpus, &opts) {
            Ok(r) => {
                if !r.written.is_empty() || !r.marked.is_empty() {
                    let marked = match r.marked.len() {
                        0 => String::new(),
                        n => format!(", {n} marked as no longer in the checkout"),
                    };
                    eprintln!(
                        "zanlex: history: {} new edition(s){marked} from {} commit(s)",
                        r.written.len(),
                        r.commits_read
                    );
                }
                if !r.removed.is_empty() {
                    eprintln!(
                        "zanlex: history: its head moved back or was rewritten; {} edition(s) of commits it no longer has removed",
                        r.removed.len()
                    );
                }
                r.written
                    .into_iter()
                    .chain(r.marked)
                    .chain(r.removed)
                    .map(PathBuf::from)
                    .collect()
            }
            Err(e) => {
                eprintln!(
                    "zanlex: could not read the new commits ({}); serving the editions read before",
                    crate::common::terminal_safe(&e.to_string())
                );
                Vec::new()
            }
        }
    }

    /// The edition folders waiting for a refresh.
    fn pending_editions(&self) -> std::sync::MutexGuard<'_, Vec<PathBuf>> {
        self.editions_pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether the corpus's files differ from when they were last seen.
    fn corpus_changed(&self) -> bool {
        let now = corpus_stamp(&self.corpus, self.follow);
        let seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *seen != now
    }
}

/// The corpus's file events, when the system gives them; `None` (the watcher then reads every
/// file's size and time at each tick) with `--follow`, whose linked folders outside the corpus
/// send no events, or when the system refuses, which is said once.
fn corpus_events(corpus: &Path, index_dir: &Path, follow: bool) -> Option<CorpusEvents> {
    if follow {
        return None;
    }
    match zanlex::CorpusWatch::start(corpus, index_dir) {
        Ok(watch) => Some(CorpusEvents {
            watch,
            refreshed: AtomicU64::new(u64::MAX),
        }),
        Err(e) => {
            eprintln!(
                "zanlex: {}; the corpus's files are checked at each tick instead",
                crate::common::terminal_safe(&e.to_string())
            );
            None
        }
    }
}

/// Events of the git folder of `checkout` that poke `wake`: a commit, a fetch or a checkout
/// rewrites a file in it (`index`, `HEAD`, `packed-refs`) or under its `refs`. `None` when
/// the folder cannot be watched (said once): the watcher then reads the checkout at each tick
/// alone.
fn checkout_events(
    checkout: &Path,
    wake: Arc<tokio::sync::Notify>,
) -> Option<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    // A work tree's git folder, else the checkout is itself one (a bare repository).
    let git = Some(checkout.join(".git"))
        .filter(|g| g.is_dir())
        .unwrap_or_else(|| checkout.to_path_buf());
    let watched = (|| {
        let mut watcher = notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
            if !e.is_ok_and(|e| matches!(e.kind, notify::EventKind::Access(_))) {
                wake.notify_one();
            }
        })?;
        watcher.watch(&git, RecursiveMode::NonRecursive)?;
        let refs = git.join("refs");
        if refs.is_dir() {
            watcher.watch(&refs, RecursiveMode::Recursive)?;
        }
        Ok::<_, notify::Error>(watcher)
    })();
    watched
        .map_err(|e| {
            eprintln!(
                "zanlex: cannot watch {} ({}); its new commits are looked for at each tick",
                crate::common::terminal_safe(&git.display().to_string()),
                crate::common::terminal_safe(&e.to_string())
            )
        })
        .ok()
}

/// How the server builds or refreshes the index: quietly (the server reports on its own).
fn options(follow: bool) -> BuildOptions {
    BuildOptions {
        force: false,
        progress: None,
        verify: false,
        follow,
        no_refresh: false,
        ..BuildOptions::default()
    }
}

/// How long a burst of file events must have stopped before a refresh takes it in: a save or
/// a commit writes a few files within milliseconds, and reading them half written would only
/// need a second refresh.
const SETTLE: Duration = Duration::from_millis(100);

/// The least time between the end of one refresh and the start of the next.
const MIN_REFRESH_GAP: Duration = Duration::from_secs(1);

/// Under a stream of changes the next refresh waits this many times as long as the last one
/// took: refreshing then takes at most a quarter of the time, and the changes that came
/// meanwhile are taken in together by one refresh rather than one each.
const REFRESH_GAP_FACTOR: u32 = 3;

/// Watches the corpus: when its files' names, sizes or times changed, refreshes the index (a
/// replica watches its index folder for a newly published generation instead). File events
/// wake it as a change comes ([`SETTLE`]); it also looks every `every`, which is all it does
/// where the system gives no events (network mounts, `--follow`, a replica). Refreshes are
/// coalesced: after one, the next waits [`MIN_REFRESH_GAP`] or [`REFRESH_GAP_FACTOR`] times
/// as long as it took, the index in force serving meanwhile.
pub(crate) async fn watch(state: Arc<AppState>, every: Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            () = state.wake.notified() => settle(&state.wake, every).await,
        }
        let probe = Arc::clone(&state);
        let changed = tokio::task::spawn_blocking(move || probe.stale())
            .await
            .unwrap_or(false);
        if !changed {
            continue;
        }
        let started = tokio::time::Instant::now();
        let refreshed = state.refresh(false).await;
        // Events meanwhile leave a wake-up behind: the next refresh takes them all in.
        let gap = MIN_REFRESH_GAP.max(started.elapsed() * REFRESH_GAP_FACTOR);
        match refreshed {
            Ok(r) if r.changed && state.replica => eprintln!(
                "zanlex: replica: the published index {} is in force now",
                state.index().generation().unwrap_or_default()
            ),
            Ok(r) if r.changed => eprintln!(
                "zanlex: serving a refreshed index ({} added, {} updated, {} removed)",
                r.added.len(),
                r.updated.len(),
                r.removed.len()
            ),
            Ok(r) => {
                if let Some(w) = r.warning {
                    eprintln!("zanlex: {}", crate::common::terminal_safe(&w));
                }
            }
            Err(e) => eprintln!(
                "zanlex: could not refresh the index ({}); still serving the previous one",
                crate::common::terminal_safe(&e.message)
            ),
        }
        tokio::time::sleep(gap).await;
    }
}

/// Returns once `wake` has not been poked for [`SETTLE`], or after `most` however busy the
/// events keep it.
async fn settle(wake: &tokio::sync::Notify, most: Duration) {
    let until = tokio::time::Instant::now() + most;
    loop {
        let quiet = tokio::time::Instant::now() + SETTLE;
        tokio::select! {
            () = wake.notified() => {}
            () = tokio::time::sleep_until(quiet.min(until)) => return,
        }
        if tokio::time::Instant::now() >= until {
            return;
        }
    }
}

/// A fingerprint of the corpus's files as the library's walk lists them (links followed only
/// with `--follow`, each folder once). `None` when the folder cannot be read.
pub(crate) fn corpus_stamp(corpus: &Path, follow: bool) -> Option<u64> {
    zanlex::corpus_fingerprint(corpus, follow)
}

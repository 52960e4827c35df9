//! Refreshing an index from its corpus: the up-to-date check that a search makes, then,
//! under the write lock, plan → write → swap.

use super::build::{check_paths, is_replaceable, not_an_index, open_tantivy};
use super::build::{naming_index, report_stored_failures, BuildOptions, RefreshReport};
use super::layout::IndexDir;
use super::manifest::{
    acts_hash, analyzer_fingerprint, read_manifest, stat_key, stored_stat_key, FileEntry, Layers,
    Manifest, Over, Sha256Sum,
};
use super::refresh_cache::KnownManifest;
use super::scan::{canonical, file_sha, rel_path, scan, scan_changed, with_sidecars, Scanned};
use super::schema::{Fields, SCHEMA_VERSION};
use super::swap::swap;
use super::writer::{create_index, ActWriter};
use crate::error::index_err;
use crate::lexicon::learn::Learner;
use crate::model::Act;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tantivy::Index;

/// Brings the index in `index_dir` up to date with `corpus`: a no-op when nothing changed,
/// an incremental update when files were added, changed or removed, a full rebuild when
/// there is no usable index (or the schema or analyzers changed, or `opts.force`).
pub fn refresh(
    corpus: &Path,
    index_dir: &Path,
    opts: &BuildOptions,
) -> crate::Result<RefreshReport> {
    check_paths(corpus, index_dir)?;
    let (mut report, kept) =
        refresh_keeping(corpus, index_dir, opts).map_err(|e| naming_index(e, index_dir))?;
    if let Some((index, _)) = kept {
        report_stored_failures(&mut report, &index);
    }
    Ok(report)
}

/// [`refresh`], also handing back the index it opened when nothing had to be written, so a
/// search does not open (and parse the manifest of) the same commit twice.
///
/// Reading needs no lock beyond the moment a generation is opened; writing takes the index's
/// write lock, so processes started together build once: the others wait, then find the
/// index up to date.
pub(crate) fn refresh_keeping(
    corpus: &Path,
    index_dir: &Path,
    opts: &BuildOptions,
) -> crate::Result<Refreshed> {
    // Checked before anything is read: a folder zanlex did not make is never touched.
    if index_dir.is_file() || !is_replaceable(index_dir) {
        return Err(not_an_index(index_dir));
    }
    let layout = IndexDir::new(index_dir);
    // Files are named from the corpus folder's real name, as ingestion names them: with
    // `--corpus .` or a linked folder the scan would otherwise call a file by another name
    // than its documents carry, and a refresh would delete them without writing them again.
    let corpus = &canonical(corpus);
    let since = chrono::Utc::now();
    // Told which folders changed: the other files as the commit in force recorded them, and
    // the key of that commit, whose record of a full check the new commit inherits.
    let mut told = None;
    if let (Some(folders), false) = (&opts.changed_folders, opts.force || opts.verify) {
        if let Some((index, _)) = open_current(&layout)? {
            // A manifest read before the write lock was taken: the commit found under the
            // lock has the same one when it has the same payload, and it is not read twice.
            told = KnownManifest::cached_or_read(&index, opts.cache.as_ref()).map(|known| {
                let scanned = scan_changed(corpus, &known.manifest, folders, opts);
                (scanned, stored_stat_key(&index), known)
            });
        }
    }
    let (scanned, inherited, known) = match told {
        Some((scanned, old_key, known)) => (scanned?, Some(old_key), Some(known)),
        None => (scan(corpus, opts)?, None, None),
    };
    let checked = |kept: Option<&(Index, Fields)>| match &inherited {
        // Only a scan of every file is a full check that later searches may rely on.
        None => record_if_large(&layout, opts, since, scanned.len(), kept.map(|o| &o.0)),
        Some(old_key) => {
            let opened = kept
                .is_none()
                .then(|| open_current(&layout).ok().flatten())
                .flatten();
            let new_key = kept
                .map(|o| &o.0)
                .or(opened.as_ref().map(|o| &o.0))
                .and_then(stored_stat_key);
            if let (Some(old_key), Some(new_key)) = (old_key, new_key) {
                super::watch::carry_check(layout.root(), old_key, scanned.len(), new_key);
            }
        }
    };
    // Files to compare by content may differ though every size and time is the same.
    if !opts.force && !opts.verify && !opts.rehash.any() {
        if let Some(fresh) = open_if_up_to_date(&layout, &scanned)? {
            checked(fresh.1.as_ref());
            return Ok(fresh);
        }
    }
    let _writing = layout
        .lock_for_writing(|| {
            if let Some(progress) = &opts.progress {
                progress.waiting(index_dir);
            }
        })
        .map_err(|e| index_err(index_dir, format!("cannot lock it for writing: {e}")))?;
    layout.remove_leftovers();
    let mut damage = None;
    if opts.verify && !opts.force {
        damage = verify_current(&layout);
    }
    let existing = if damage.is_some() {
        None
    } else {
        open_current(&layout)?
    };
    // Another process may have brought the index up to date while this one waited.
    let existing = match existing {
        Some(opened) if !opts.force && !opts.rehash.any() => {
            match freshness(&layout, &scanned, opened) {
                Found::UpToDate(fresh) => {
                    checked(fresh.1.as_ref());
                    return Ok(fresh);
                }
                Found::Stale(stale) => Some(stale),
            }
        }
        other => other,
    };
    let (mut report, kept) = refresh_locked(corpus, &layout, &scanned, existing, known, opts)?;
    checked(kept.as_ref());
    if let Some(damage) = damage {
        report.warning = Some(format!("the index was damaged ({damage}); it was rebuilt"));
    }
    Ok((report, kept))
}

/// Records a full check that began at `since` and read `files` files, when they are more than
/// [`BuildOptions::scan_limit`]: later searches then open the commit `index` as it is.
fn record_if_large(
    layout: &IndexDir,
    opts: &BuildOptions,
    since: chrono::DateTime<chrono::Utc>,
    files: usize,
    index: Option<&Index>,
) {
    if opts.scan_limit.is_some_and(|limit| files > limit) {
        // A rebuild hands back no index: the one just put in force is opened for its key.
        let opened = match index {
            Some(_) => None,
            None => open_current(layout).ok().flatten(),
        };
        if let Some(key) = index
            .or(opened.as_ref().map(|o| &o.0))
            .and_then(stored_stat_key)
        {
            super::watch::record_check(layout.root(), since, files, key);
        }
    }
}

/// The corpus's files as a refresh sees them, scanned apart from opening the index (see
/// [`super::Store::open_checking`]).
pub(crate) struct CorpusScan {
    files: Vec<Scanned>,
    /// When the scan began: changes after it may not be seen.
    since: chrono::DateTime<chrono::Utc>,
}

/// Scans `corpus` as [`refresh_keeping`] does.
pub(crate) fn scan_corpus(corpus: &Path, opts: &BuildOptions) -> crate::Result<CorpusScan> {
    let since = chrono::Utc::now();
    scan(&canonical(corpus), opts).map(|files| CorpusScan { files, since })
}

/// The report of a refresh that finds `index` (the current generation of `index_dir`) built
/// from exactly the files of `scanned`; `None` when it was not, and must be refreshed.
pub(crate) fn up_to_date(
    index_dir: &Path,
    scanned: &CorpusScan,
    index: &Index,
    fields: &Fields,
    opts: &BuildOptions,
) -> Option<RefreshReport> {
    let layout = IndexDir::new(index_dir);
    let report = nothing_to_do(&layout, &scanned.files, index, fields)?;
    record_if_large(
        &layout,
        opts,
        scanned.since,
        scanned.files.len(),
        Some(index),
    );
    Some(report)
}

/// What a refresh did, with the index it opened when nothing had to be written.
pub(crate) type Refreshed = (RefreshReport, Option<(Index, Fields)>);

/// Opens the current generation (holding the read lock while it opens); `None` when there is
/// none or it cannot be opened (it is then rebuilt).
fn open_current(layout: &IndexDir) -> crate::Result<Option<(Index, Fields)>> {
    let _reading = layout
        .lock_for_reading()
        .map_err(|e| index_err(layout.root(), format!("cannot lock it for reading: {e}")))?;
    Ok(layout.current().and_then(|gen| open_tantivy(&gen).ok()))
}

/// The current generation, open, when it was built from exactly the files of `scanned` (see
/// [`freshness`]).
fn open_if_up_to_date(layout: &IndexDir, scanned: &[Scanned]) -> crate::Result<Option<Refreshed>> {
    Ok(match open_current(layout)? {
        Some(opened) => match freshness(layout, scanned, opened) {
            Found::UpToDate(fresh) => Some(fresh),
            Found::Stale(_) => None,
        },
        None => None,
    })
}

/// An open generation, found up to date or not.
enum Found {
    /// Built from exactly the scanned files: the refresh is done, with this index.
    UpToDate(Refreshed),
    /// To be refreshed: the index, handed back to write into or replace.
    Stale((Index, Fields)),
}

/// Whether the open generation was built from exactly the files of `scanned` (see
/// [`nothing_to_do`]).
fn freshness(layout: &IndexDir, scanned: &[Scanned], (index, fields): (Index, Fields)) -> Found {
    match nothing_to_do(layout, scanned, &index, &fields) {
        Some(report) => Found::UpToDate((report, Some((index, fields)))),
        None => Found::Stale((index, fields)),
    }
}

/// The report of a refresh with nothing to write, when `index` was built by this zanlex from
/// exactly the files of `scanned` (same paths, sizes and mtimes: its stored stat key is
/// theirs, checked without decoding its manifest, which on a large corpus would be much of a
/// `zanlex search`); `None` when it must be refreshed.
fn nothing_to_do(
    layout: &IndexDir,
    scanned: &[Scanned],
    index: &Index,
    fields: &Fields,
) -> Option<RefreshReport> {
    let key = stat_key(
        SCHEMA_VERSION,
        &analyzer_fingerprint(index, fields),
        env!("CARGO_PKG_VERSION"),
        scanned.iter().map(|s| (s.rel.as_str(), s.size, s.mtime_ns)),
    );
    if stored_stat_key(index).is_none_or(|stored| stored != key) {
        return None;
    }
    layout.tidy_if_idle();
    Some(RefreshReport {
        unchanged: scanned.len(),
        ..RefreshReport::default()
    })
}

/// Checks the current generation's files against the checksums tantivy wrote at their end:
/// what was damaged on disk, if anything (each file read once; `zanlex index` does it, a
/// search does not).
fn verify_current(layout: &IndexDir) -> Option<String> {
    let gen = layout.current()?;
    let (index, _) = match crate::panic_guard::catch(|| open_tantivy(&gen)) {
        Ok(Ok(opened)) => opened,
        Ok(Err(e)) => return Some(e.to_string()),
        Err(panic) => return Some(format!("it cannot be opened: {panic}")),
    };
    match crate::panic_guard::catch(|| index.validate_checksum()) {
        Ok(Ok(bad)) if bad.is_empty() => None,
        Ok(Ok(bad)) => {
            let mut names: Vec<String> = bad.iter().map(|p| p.display().to_string()).collect();
            names.sort();
            Some(format!("checksum mismatch in {}", names.join(", ")))
        }
        Ok(Err(e)) => Some(e.to_string()),
        Err(panic) => Some(format!("its files cannot be read: {panic}")),
    }
}

/// The refresh proper, with the write lock held: [`plan`] what differs from the manifest in
/// force, [`write`] the documents (incrementally into the current generation when its
/// manifest can be reused, otherwise into a new generation), and [`swap`] a new generation in
/// once it is complete.
fn refresh_locked(
    corpus: &Path,
    layout: &IndexDir,
    scanned: &[Scanned],
    existing: Option<(Index, Fields)>,
    known: Option<KnownManifest>,
    opts: &BuildOptions,
) -> crate::Result<Refreshed> {
    let index_dir = layout.root();
    refuse_emptying(corpus, scanned, existing.as_ref(), opts)?;
    // The steps after compare the scan with the manifest in one pass ([`paired`]), which
    // needs both in path order: a scan sorts its files.
    if !scanned.is_sorted_by(|a, b| a.rel < b.rel) {
        return Err(index_err(
            index_dir,
            "the corpus's scan is not in path order, so it cannot be compared with the manifest (a fault in zanlex)",
        ));
    }
    let plan = match plan(scanned, existing, known, opts)? {
        Planned::UpToDate(refreshed) => return Ok(refreshed),
        Planned::Write(plan) => plan,
    };
    let mut report = RefreshReport {
        removed: plan.removed.clone(),
        changed: true,
        ..RefreshReport::default()
    };
    // Write into the current generation (incremental) or into a new one published after.
    // Until the write succeeds, `undo` holds what to take away again, however it fails (an
    // error, a full disk, a panic): the index in force stays as it was.
    let (index, fields, write_dir, fresh, undo) = match plan.existing {
        Some((index, fields)) if plan.reusable => {
            let gen = layout
                .current()
                .ok_or_else(|| index_err(index_dir, "its current generation vanished"))?;
            let undo = Undo(Some(Leftover::Uncommitted(gen.clone())));
            (index, fields, gen, None, undo)
        }
        existing => {
            drop(existing);
            report.rebuilt = true;
            let gen = layout.new_generation().map_err(|e| {
                index_err(
                    index_dir,
                    format!(
                        "cannot create a generation: {}",
                        crate::files::io_reason(&e)
                    ),
                )
            })?;
            let undo = Undo(Some(Leftover::Generation(gen.clone())));
            let (index, fields) = create_index(&gen).map_err(|e| in_words(e, index_dir))?;
            (index, fields, gen.clone(), Some(gen), undo)
        }
    };
    // The commit written on, as it stands before the write: the lexicon's counts are updated
    // from the acts the write takes away from it.
    let before = match fresh {
        None => super::Store::from_parts(&write_dir, index.clone(), fields.clone(), None).ok(),
        Some(_) => None,
    };
    let counts = before
        .as_ref()
        .map(|before| super::lexicon::CountsAhead::start(before, &write_dir));
    let written = write(
        corpus,
        scanned,
        (
            plan.old,
            plan.layers.as_ref(),
            &plan.rehashed,
            plan.reusable,
        ),
        (&index, &fields, &write_dir),
        &mut report,
        opts,
    );
    let written = written.map(|w| {
        let change = before
            .zip(counts)
            .map(|(before, counts)| super::lexicon::Change {
                before,
                counts,
                acts: w.acts,
            });
        super::lexicon::write_beside(&index, &fields, &write_dir, w.counted, change);
        (w.units, w.known)
    });
    drop(index);
    let (written, known) = match written {
        Ok((units, known)) => (Ok(units), known),
        Err(e) => (Err(e), None),
    };
    report.units_indexed = match fresh {
        None => written,
        Some(gen) => swap(layout, &gen, written),
    }
    .map_err(|e| in_words(e, index_dir))?;
    undo.done();
    if let (Some(cache), Some(known)) = (&opts.cache, known) {
        cache.keep(known);
    }
    Ok((report, None))
}

/// What a failed write leaves to take away, taken away when dropped (unless [`Undo::done`]).
struct Undo(Option<Leftover>);

/// What [`Undo`] takes away.
enum Leftover {
    /// An incremental write into the current generation: the files its last commit does not
    /// name ([`discard_uncommitted`]).
    Uncommitted(std::path::PathBuf),
    /// A new generation: the whole folder.
    Generation(std::path::PathBuf),
}

impl Undo {
    /// The write succeeded: nothing is taken away.
    fn done(mut self) {
        self.0 = None;
    }
}

impl Drop for Undo {
    fn drop(&mut self) {
        match self.0.take() {
            Some(Leftover::Uncommitted(gen)) => discard_uncommitted(&gen),
            Some(Leftover::Generation(gen)) => {
                let _ = std::fs::remove_dir_all(gen);
            }
            None => {}
        }
    }
}

/// Removes from the generation folder `gen` what a write into it that failed left there: the
/// files of segments its last commit does not name, temporary files, and manifest files its
/// last commit does not name. The last commit stays whole, and readers read only that. Best
/// effort: a write that filled the disk must give its space back.
pub(crate) fn discard_uncommitted(gen: &Path) {
    let Ok((index, _)) = open_tantivy(gen) else {
        return;
    };
    let Ok(metas) = index.load_metas() else {
        return;
    };
    drop(index);
    let live: BTreeSet<String> = metas
        .segments
        .iter()
        .map(|s| s.id().uuid_string())
        .collect();
    let manifests = metas
        .payload
        .as_deref()
        .map(super::manifest::manifest_files_of)
        .unwrap_or_default();
    let Ok(entries) = std::fs::read_dir(gen) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stem = name.split('.').next().unwrap_or("");
        let segment_file = stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit());
        let stray = (segment_file && !live.contains(stem))
            || name.starts_with(".tmp")
            || (super::manifest::is_manifest_file(&name) && !manifests.contains(&&*name));
        if stray {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// `e` with a full disk said in words, and what to do: the system's "No space left on
/// device", inside tantivy's wording, says it less plainly.
fn in_words(e: crate::Error, index_dir: &Path) -> crate::Error {
    let text = e.to_string();
    let full = text.contains("No space left on device") || text.contains("Disk quota exceeded");
    if !full || text.starts_with("disk full") {
        return e;
    }
    index_err(
        index_dir,
        format!(
            "disk full: the index could not be written ({}); the index in force is kept as it was; free some space and run `zanlex index` again",
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        ),
    )
}

/// Refuses a refresh that would empty an index holding acts because the corpus has no file to
/// index now, unless [`BuildOptions::allow_empty`]: the index in force stays.
fn refuse_emptying(
    corpus: &Path,
    scanned: &[Scanned],
    existing: Option<&(Index, Fields)>,
    opts: &BuildOptions,
) -> crate::Result<()> {
    if opts.allow_empty || scanned.iter().any(|s| s.skipped.is_none()) {
        return Ok(());
    }
    let held = existing
        .and_then(|(index, _)| read_manifest(index))
        .map_or(0, |m| {
            m.files.values().filter(|e| !e.acts.is_empty()).count()
        });
    if held == 0 {
        return Ok(());
    }
    Err(crate::Error::Corpus {
        path: corpus.to_path_buf(),
        reason: format!(
            "holds no .txt, .md or .pdf file now, but the index holds the acts of {held} file(s) from it; \
             the index is left as it is (is the folder mounted?); to empty it, give --allow-empty"
        ),
    })
}

/// What a refresh under the write lock finds to do.
enum Planned {
    /// Nothing to write (only mtimes may have moved): the refresh is done.
    UpToDate(Refreshed),
    /// Files were added, changed or removed, or the index cannot be reused.
    Write(Plan),
}

/// The differences between the corpus and the manifest in force.
struct Plan {
    /// The index in force, when it could be opened.
    existing: Option<(Index, Fields)>,
    /// Whether its manifest is reused: written by this zanlex, with the same schema and
    /// analyzers, and no forced rebuild. Otherwise every file is written into a new index.
    reusable: bool,
    /// The manifest reused (empty when not).
    old: Manifest,
    /// The files it was read from, when the commit may write its changes over them.
    layers: Option<Layers>,
    /// The sha256 of each file whose size or mtime moved since the manifest, hashed now (see
    /// [`known_sha`]).
    rehashed: BTreeMap<String, Sha256Sum>,
    /// Files of the manifest gone from the corpus.
    removed: Vec<String>,
}

/// Compares `scanned` with the manifest of `existing`: size and mtime first, sha256 when they
/// differ.
fn plan(
    scanned: &[Scanned],
    existing: Option<(Index, Fields)>,
    known: Option<KnownManifest>,
    opts: &BuildOptions,
) -> crate::Result<Planned> {
    let fingerprint = existing.as_ref().map(|(i, f)| analyzer_fingerprint(i, f));
    let known = existing.as_ref().and_then(|(i, _)| match known {
        Some(k) if k.is_of(i) => Some(k),
        _ => KnownManifest::cached_or_read(i, opts.cache.as_ref()),
    });
    // Kept again when nothing is to be written (see below).
    let payload = opts
        .cache
        .as_ref()
        .and(known.as_ref())
        .map(|k| k.payload.clone());
    let (old, layers) = known.map(|k| (k.manifest, k.layers)).unzip();
    let reusable = match (&old, &fingerprint) {
        (Some(m), Some(fp)) => {
            !opts.force
                && m.schema == SCHEMA_VERSION
                && &m.analyzers == fp
                && m.zanlex == env!("CARGO_PKG_VERSION")
        }
        _ => false,
    };
    let (old, layers) = if reusable {
        (old.unwrap_or_default(), layers.flatten())
    } else {
        (Manifest::default(), None)
    };
    let mut rehashed: BTreeMap<String, Sha256Sum> = BTreeMap::new();
    let mut removed: Vec<String> = Vec::new();
    let mut any_change = !reusable;
    let suspect = suspects(&opts.rehash);
    for pair in paired(scanned, &old.files) {
        match pair {
            Paired::Both(s, _, e) if e.size == s.size && e.mtime_ns == s.mtime_ns => {
                // Same size and time, yet named by a file event (or every file checked): an
                // edit that kept both is told by its content alone.
                if suspect(&s.path) {
                    let sha = file_sha(&s.path)?;
                    if e.sha256 != sha {
                        any_change = true;
                        rehashed.insert(s.rel.clone(), sha);
                    }
                }
            }
            Paired::Both(s, _, prev) => {
                let sha = file_sha(&s.path)?;
                if prev.sha256 != sha {
                    any_change = true;
                }
                rehashed.insert(s.rel.clone(), sha);
            }
            // A new file: its hash comes from ingestion (`Source::sha256`), which reads it
            // anyway, instead of reading and hashing it twice.
            Paired::Scanned(_) => any_change = true,
            Paired::Recorded(rel, _) => removed.push(rel.clone()),
        }
    }
    if !removed.is_empty() {
        any_change = true;
    }
    if !any_change {
        // The manifest compared stays the one in force: the next refresh takes it.
        if let (Some(cache), Some(payload), true) = (&opts.cache, payload, reusable) {
            cache.keep(KnownManifest {
                payload,
                manifest: old,
                layers,
            });
        }
        let report = RefreshReport {
            unchanged: scanned.len(),
            ..RefreshReport::default()
        };
        return Ok(Planned::UpToDate((report, existing)));
    }
    Ok(Planned::Write(Plan {
        existing,
        reusable,
        old,
        layers,
        rehashed,
        removed,
    }))
}

/// A file of the scan beside the manifest's entry of the same path.
enum Paired<'s, 'm> {
    /// A file the manifest does not have.
    Scanned(&'s Scanned),
    /// A file the manifest has, with its path as the manifest holds it and its entry.
    Both(&'s Scanned, &'m String, &'m FileEntry),
    /// A file of the manifest the scan did not find.
    Recorded(&'m String, &'m FileEntry),
}

/// `scanned` and `files` side by side, in path order, in one pass. Both are sorted by path (a
/// scan sorts its files, and [`refresh_locked`] checks it); at national scale they hold
/// hundreds of thousands of paths sharing long prefixes, which a lookup of each path in the
/// other would compare again and again.
fn paired<'s, 'm>(
    scanned: &'s [Scanned],
    files: &'m BTreeMap<String, FileEntry>,
) -> impl Iterator<Item = Paired<'s, 'm>> {
    let mut scanned = scanned.iter().peekable();
    let mut files = files.iter().peekable();
    std::iter::from_fn(move || {
        let order = match (scanned.peek(), files.peek()) {
            (None, None) => return None,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(s), Some((rel, _))) => s.rel.as_str().cmp(rel.as_str()),
        };
        match order {
            std::cmp::Ordering::Less => scanned.next().map(Paired::Scanned),
            std::cmp::Ordering::Greater => files.next().map(|(rel, e)| Paired::Recorded(rel, e)),
            std::cmp::Ordering::Equal => scanned
                .next()
                .zip(files.next())
                .map(|(s, (rel, e))| Paired::Both(s, rel, e)),
        }
    })
}

/// The sha256 the scan knows the file `s` by, `entry` being its entry in the manifest: the
/// manifest's when its size and mtime are the same, the one hashed now ([`Plan::rehashed`])
/// when they moved; none for a new file.
fn known_sha(
    s: &Scanned,
    entry: Option<&FileEntry>,
    rehashed: &BTreeMap<String, Sha256Sum>,
) -> Option<Sha256Sum> {
    // Hashed now counts first: a file compared by content though its size and time stayed.
    if let Some(sha) = rehashed.get(&s.rel) {
        return Some(*sha);
    }
    match entry {
        Some(e) if e.size == s.size && e.mtime_ns == s.mtime_ns => Some(e.sha256),
        _ => None,
    }
}

/// Whether a file (by its path as the scan found it) is to be hashed though its size and time
/// are unchanged ([`BuildOptions::rehash`]).
fn suspects(rehash: &super::build::Rehash) -> impl Fn(&Path) -> bool + '_ {
    use super::build::Rehash;
    use std::collections::HashSet;
    use std::path::PathBuf;
    let mut named: HashSet<PathBuf> = HashSet::new();
    // The folders of named metadata files and parts: a text's hash holds its sidecars, its
    // folder's `meta.yaml` and its parts, so each text of such a folder is hashed.
    let mut folders: HashSet<PathBuf> = HashSet::new();
    if let Rehash::Files(files) = rehash {
        for f in files.iter().flat_map(|f| [f.clone(), canonical(f)]) {
            let Some(dir) = f.parent() else { continue };
            let dir_name = dir.file_name().and_then(|n| n.to_str());
            let in_subfolder = matches!(dir_name, Some("meta" | "kaz" | "rus"));
            let text = f
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["md", "txt", "pdf"].contains(&e.to_ascii_lowercase().as_str()));
            if in_subfolder {
                folders.extend(dir.parent().map(Path::to_path_buf));
            } else if !text {
                folders.insert(dir.to_path_buf());
            }
            named.insert(f);
        }
    }
    move |path: &Path| match rehash {
        Rehash::Unchanged => false,
        Rehash::Every => true,
        Rehash::Files(_) => {
            named.contains(path) || path.parent().is_some_and(|d| folders.contains(d))
        }
    }
}

/// Writes the documents of the files that differ from `old` into the index `index` (open on
/// the folder `dir`) and commits them with their new manifest; returns the number of unit
/// documents written.
fn write(
    corpus: &Path,
    scanned: &[Scanned],
    (old, layers, rehashed, reusable): (
        Manifest,
        Option<&Layers>,
        &BTreeMap<String, Sha256Sum>,
        bool,
    ),
    (index, fields, dir): (&Index, &Fields, &Path),
    report: &mut RefreshReport,
    opts: &BuildOptions,
) -> crate::Result<Written> {
    let manifest = Manifest {
        schema: SCHEMA_VERSION,
        analyzers: analyzer_fingerprint(index, fields),
        zanlex: env!("CARGO_PKG_VERSION").to_string(),
        files: BTreeMap::new(),
        links: crate::ingest::LINKS_FORMAT,
    };
    // An index in use by another process is reported before the corpus is read.
    let mut writer = ActWriter::new(index, fields, dir, opts, scanned.len() as u64, !reusable)?;
    for f in &report.removed {
        for id in old.files.get(f).map_or(&[][..], |e| &e.acts[..]) {
            writer.delete_act(id);
        }
    }
    let read = Read {
        corpus,
        scanned,
        rehashed,
        old: &old,
        reusable,
    };
    let (changed, counted, dropped) = read.write_into(&mut writer, report)?;
    let (manifest, touched) = changed.apply(manifest, old, report);
    // Only a write into the generation in force has its manifest files beside it.
    let over = layers.filter(|_| reusable).map(|layers| Over {
        layers,
        touched: &touched,
    });
    let (units, known) = writer.commit(manifest, over)?;
    Ok(Written {
        units,
        acts: dropped,
        counted,
        // Held only for a cache: the manifest is large, and the lexicon is made after.
        known: opts.cache.is_some().then_some(known),
    })
}

/// A corpus up to this size keeps its acts in memory between the two ingestion phases (see
/// [`crate::ingest::ingest_scanned_changes`]): acts take a few bytes of memory per source
/// byte. A larger corpus spills them to a temporary file, so memory stays flat.
const KEEP_SOURCE_BYTES: u64 = 128_000_000;

/// Files handed to the writer per chunk of linked acts.
const FILES_PER_CHUNK: usize = 64;

/// What a write reads the corpus with.
struct Read<'a> {
    corpus: &'a Path,
    /// The corpus's files as the scan found them: the corpus is not listed and measured again.
    scanned: &'a [Scanned],
    /// See [`Plan::rehashed`].
    rehashed: &'a BTreeMap<String, Sha256Sum>,
    /// The manifest in force (empty when not reusable).
    old: &'a Manifest,
    reusable: bool,
}

/// The manifest's entries a write changes: those of the files it read, and the sizes and
/// times of those it left unread that moved. The manifest of the commit is the one in force
/// with these applied ([`Changed::apply`]), so a refresh that reads a few files does not build
/// an entry for each of the others.
#[derive(Default)]
struct Changed {
    /// The new entries, by path.
    entries: BTreeMap<String, FileEntry>,
    /// Unread files (their acts as they are) whose size or mtime moved: (path, size, mtime).
    restamped: Vec<(String, u64, u128)>,
    /// Links of the files read, by path.
    links: BTreeMap<String, crate::ingest::FileLinks>,
    added: BTreeSet<String>,
    updated: BTreeSet<String>,
    unchanged: usize,
}

impl Read<'_> {
    /// Ingests the corpus a chunk of linked acts at a time (acts are linked across files) and
    /// writes the acts of files that differ from the manifest in force. Returns the entries
    /// to change, the lexicon's counts of the acts written, and the ids of the acts whose
    /// documents were deleted or added.
    fn write_into(
        self,
        writer: &mut ActWriter<'_>,
        report: &mut RefreshReport,
    ) -> crate::Result<(Changed, Learner, std::collections::HashSet<String>)> {
        let Read {
            corpus,
            scanned,
            rehashed,
            old,
            reusable,
        } = self;
        let mut changed = Changed::default();
        // Each file's own sha256 as ingestion recorded it (in its act's source, or in a
        // version's source when its act was merged into a newer edition), for files not
        // hashed by the scan.
        let mut ingested_shas: BTreeMap<String, String> = BTreeMap::new();
        // Records a scanned file's entry; whether its acts are to be written.
        let record = |s: &Scanned,
                      acts: &[&Act],
                      failure: Option<String>,
                      w: &mut ActWriter,
                      changed: &mut Changed,
                      ingested: &BTreeMap<String, String>| {
            let prev = old.files.get(&s.rel);
            let sha256 = match known_sha(s, prev, rehashed) {
                Some(sha) => sha,
                None => match ingested.get(&s.rel) {
                    Some(own) => with_sidecars(own, &s.path),
                    // A file that gave no act: hash it here (empty when it cannot be read,
                    // so the next refresh reads it again).
                    None if s.skipped.is_none() => file_sha(&s.path).unwrap_or_else(|e| {
                        log::warn!(
                            "cannot hash {}: {e}; it will be read again",
                            s.path.display()
                        );
                        Sha256Sum::default()
                    }),
                    None => Sha256Sum::default(),
                },
            };
            let entry = FileEntry {
                sha256,
                size: s.size,
                mtime_ns: s.mtime_ns,
                acts_hash: acts_hash(acts),
                acts: acts.iter().map(|a| a.id.clone()).collect(),
                failure,
                links: None,
            };
            let write = match prev {
                Some(prev) if prev.acts_hash == entry.acts_hash && prev.sha256 == entry.sha256 => {
                    changed.unchanged += 1;
                    false
                }
                Some(prev) => {
                    changed.updated.insert(s.rel.clone());
                    // The file's acts of before; those it still makes are written again.
                    for id in &prev.acts {
                        w.delete_act(id);
                    }
                    true
                }
                None => {
                    changed.added.insert(s.rel.clone());
                    true
                }
            };
            changed.entries.insert(s.rel.clone(), entry);
            write
        };
        // The ids whose documents this refresh deletes: those of the removed files' acts,
        // then of the acts written and of those their files made before.
        let mut dropped: std::collections::HashSet<String> = report
            .removed
            .iter()
            .flat_map(|f| old.files.get(f).into_iter().flat_map(|e| e.acts.clone()))
            .collect();
        let previous = if reusable {
            previous_read(old, scanned, rehashed)
        } else {
            None
        };
        // The lexicon's counts of the acts written, made as they go by rather than read back.
        let mut counted = Learner::default();
        // The files the walk read, named and ordered as the scan has them: under the corpus
        // folder by its real name ([`refresh_keeping`]), by their names.
        let listed = || scanned.iter().filter(|s| s.skipped.is_none());
        let sources = crate::ingest::Listed {
            files: listed().map(|s| s.path.as_path()).collect(),
            parent: corpus.parent().unwrap_or(Path::new("")).to_path_buf(),
            rels: listed().map(|s| s.rel.as_str()).collect(),
            sizes: listed().map(|s| s.own_size).collect(),
        };
        let of_rel = |rel: &str| {
            scanned
                .binary_search_by(|s| s.rel.as_str().cmp(rel))
                .ok()
                .map(|i| &scanned[i])
        };
        let streamed = crate::ingest::ingest_scanned_changes(
            &sources,
            FILES_PER_CHUNK,
            KEEP_SOURCE_BYTES,
            previous.as_ref(),
            |acts| {
                let mut by_file: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
                for (i, a) in acts.iter().enumerate() {
                    by_file.entry(a.source.file.as_str()).or_default().push(i);
                    let sources =
                        std::iter::once(&a.source).chain(a.versions.iter().map(|v| &v.source));
                    for src in sources {
                        if !ingested_shas.contains_key(&src.file) {
                            ingested_shas.insert(src.file.clone(), src.sha256.clone());
                        }
                    }
                }
                // In the order of their files.
                let mut to_write: Vec<usize> = Vec::new();
                for (file, of_file) in by_file {
                    let write = match of_rel(file) {
                        Some(s) => {
                            let refs: Vec<&Act> = of_file.iter().map(|&i| &acts[i]).collect();
                            record(s, &refs, None, writer, &mut changed, &ingested_shas)
                        }
                        // Acts whose file is not among the scanned ones (should not happen).
                        None => !reusable,
                    };
                    if write {
                        dropped
                            .extend(old.files.get(file).into_iter().flat_map(|e| e.acts.clone()));
                        dropped.extend(of_file.iter().map(|&i| acts[i].id.clone()));
                        to_write.extend(of_file);
                    }
                }
                // Documents are deleted by act id, and the Kazakh and Russian texts of an act
                // share one (as editions do): an act whose documents went with another's is
                // written again, though its own file and links did not change. Acts of one id
                // are linked, so they come in one chunk.
                let again: Vec<usize> = (0..acts.len())
                    .filter(|i| !to_write.contains(i) && dropped.contains(&acts[*i].id))
                    .collect();
                to_write.extend(again);
                count_written(&mut counted, &acts, &to_write);
                let mut acts: Vec<Option<Act>> = acts.into_iter().map(Some).collect();
                writer.add(to_write.iter().filter_map(|&i| acts[i].take()).collect())
            },
        )?;
        drop(previous);
        report.parsed = streamed.parsed.len();
        let parent = corpus.parent().unwrap_or(Path::new(""));
        let (warnings, failures): (Vec<_>, Vec<_>) =
            streamed.failures.iter().partition(|f| f.indexed);
        report.warnings.extend(
            warnings
                .iter()
                .map(|f| (rel_path(&f.path, parent), f.reason.clone())),
        );
        let failures: BTreeMap<String, String> = failures
            .iter()
            .map(|f| (rel_path(&f.path, parent), f.reason.clone()))
            .collect();
        for pair in paired(scanned, &old.files) {
            let (s, prev) = match pair {
                Paired::Scanned(s) => (s, None),
                Paired::Both(s, _, e) => (s, Some(e)),
                Paired::Recorded(..) => continue,
            };
            if changed.entries.contains_key(&s.rel) {
                continue;
            }
            // A file left unread keeps its entry, and its documents stay as they are.
            let unread = s.skipped.is_none() && !streamed.parsed.contains_key(&s.rel);
            match prev {
                Some(prev) if unread => {
                    if (prev.size, prev.mtime_ns) != (s.size, s.mtime_ns) {
                        changed.restamped.push((s.rel.clone(), s.size, s.mtime_ns));
                    }
                    changed.unchanged += 1;
                }
                // A file that gave no act (a failure) still gets an entry.
                _ => {
                    let failure = failures.get(&s.rel).or(s.skipped.as_ref()).cloned();
                    record(s, &[], failure, writer, &mut changed, &ingested_shas);
                }
            }
        }
        changed.links = streamed.parsed;
        Ok((changed, counted, dropped))
    }
}

impl Changed {
    /// `manifest` with the entries of `old` (the manifest in force, whose files the write
    /// compared with the scan) as the write changed them: the files gone from the corpus
    /// taken away, so that it has an entry for each file of the scan. Reports the files added, updated, unchanged and failed into `report`.
    /// The manifest of `old`'s files with these changes (in `manifest`, which has the
    /// commit's other fields), and the paths whose entries they set or took away.
    fn apply(
        self,
        mut manifest: Manifest,
        old: Manifest,
        report: &mut RefreshReport,
    ) -> (Manifest, BTreeSet<String>) {
        let mut files = old.files;
        let mut touched: BTreeSet<String> = report.removed.iter().cloned().collect();
        for rel in &report.removed {
            files.remove(rel);
        }
        for (rel, size, mtime_ns) in self.restamped {
            if let Some(entry) = files.get_mut(&rel) {
                entry.size = size;
                entry.mtime_ns = mtime_ns;
                touched.insert(rel);
            }
        }
        touched.extend(self.entries.keys().cloned());
        if files.is_empty() {
            // Every entry is new (a build): the map made at once, its nodes full.
            files = super::manifest::in_full_nodes(self.entries);
        } else {
            files.extend(self.entries);
        }
        for (rel, links) in self.links {
            if let Some(entry) = files.get_mut(&rel) {
                entry.links = Some(links);
                touched.insert(rel);
            }
        }
        for (rel, entry) in files.iter_mut() {
            // A file ingestion did not read (one the walk skips) gave no act, and links to
            // nothing.
            if entry.links.is_none() {
                entry.links = Some(Default::default());
                touched.insert(rel.clone());
            }
            if let Some(reason) = &entry.failure {
                report.failures.push((rel.clone(), reason.clone()));
            }
        }
        report.added.extend(self.added);
        report.updated.extend(self.updated);
        report.unchanged += self.unchanged;
        manifest.files = files;
        (manifest, touched)
    }
}

/// Counts into `counted` the acts `to_write` of a chunk that have both expressions: the
/// index then holds exactly these acts of each such id (an id's documents are deleted and
/// written again together, and its acts come in one chunk), so these are the counts
/// [`super::lexicon`] would read back from it.
fn count_written(counted: &mut Learner, acts: &[Act], to_write: &[usize]) {
    let mut by_id: BTreeMap<&str, Vec<&Act>> = BTreeMap::new();
    for &i in to_write {
        by_id.entry(acts[i].id.as_str()).or_default().push(&acts[i]);
    }
    for (_, mut expressions) in by_id {
        expressions.sort_by_key(|a| a.lang);
        if let [kk, ru] = expressions[..] {
            counted.add_act(kk, ru);
        }
    }
}

/// What a write committed.
struct Written {
    /// Unit documents written.
    units: usize,
    /// The ids of the acts whose documents were deleted or added.
    acts: std::collections::HashSet<String>,
    /// The lexicon's counts of the acts written.
    counted: Learner,
    /// The manifest committed, when a [`BuildOptions::cache`] keeps it.
    known: Option<KnownManifest>,
}

/// What the previous build recorded of the corpus, for an incremental read, beside the files
/// of the scan that the walk read (those it did not skip, in the scan's order): each file's
/// links, and the files the scan finds unchanged (their sha256 the manifest's, see
/// [`known_sha`]). A file that could not be read or parsed counts as changed, so it is tried
/// again (one refused for what other files hold is left as its links decide). `None` when a
/// file's links were not recorded, or in another format.
fn previous_read<'a>(
    old: &'a Manifest,
    scanned: &[Scanned],
    rehashed: &BTreeMap<String, Sha256Sum>,
) -> Option<crate::ingest::Previous<'a>> {
    if old.links != crate::ingest::LINKS_FORMAT {
        return None;
    }
    let mut previous = crate::ingest::Previous::default();
    for pair in paired(scanned, &old.files) {
        let (listed, rel, entry, now) = match pair {
            Paired::Scanned(s) => {
                if s.skipped.is_none() {
                    previous.then.push(None);
                    previous.unchanged.push(false);
                }
                continue;
            }
            Paired::Both(s, rel, e) => {
                (s.skipped.is_none(), rel, e, known_sha(s, Some(e), rehashed))
            }
            Paired::Recorded(rel, e) => (false, rel, e, None),
        };
        let links = entry.links.as_ref()?;
        let parsed = entry.failure.is_none() || links.gave_act();
        let unchanged = parsed && now == Some(entry.sha256);
        if listed {
            previous.then.push(Some(links));
            previous.unchanged.push(unchanged);
        } else {
            previous.unlisted.push(crate::ingest::Unlisted {
                rel,
                links,
                unchanged,
            });
        }
    }
    Some(previous)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::manifest::tests::manifest;

    /// A manifest read before the write lock stands for its own commit only: once another
    /// commit is in force, the plan reads that one's.
    #[test]
    fn a_manifest_read_before_the_lock_is_of_its_own_commit_only() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let corpus = tmp.path().join("corpus");
        crate::test_support::copy_dir(Path::new("corpus"), &corpus);
        let dir = tmp.path().join("index");
        super::refresh(&corpus, &dir, &BuildOptions::default()).expect("build");
        let layout = IndexDir::new(&dir);
        let (before, _) = open_current(&layout).expect("open").expect("an index");
        let known = KnownManifest::of(&before).expect("a manifest");
        assert!(known.is_of(&before));
        assert_eq!(known.manifest.files.len(), 5);
        let first = corpus.join("000_59abb921da226678.txt");
        let mut text = std::fs::read_to_string(&first).expect("text");
        text.push('\n');
        std::fs::write(&first, text).expect("changed");
        super::refresh(&corpus, &dir, &BuildOptions::default()).expect("refresh");
        let (after, _) = open_current(&layout).expect("open").expect("an index");
        assert!(!known.is_of(&after));
    }

    /// A refresh compares links only with a manifest that recorded every file's links in the
    /// current format; a file whose hash moved, or that could not be parsed, is not
    /// unchanged, nor is a file the scan did not find.
    #[test]
    fn previous_read_needs_every_files_links_in_this_format() {
        let mut m = manifest();
        let scan = |m: &Manifest| -> Vec<Scanned> {
            m.files
                .iter()
                .map(|(rel, e)| Scanned {
                    path: rel.into(),
                    rel: rel.clone(),
                    size: e.size,
                    own_size: e.size,
                    mtime_ns: e.mtime_ns,
                    skipped: None,
                })
                .collect()
        };
        let mut scanned = scan(&m);
        let mut rehashed = BTreeMap::new();
        assert!(previous_read(&m, &scanned, &rehashed).is_none());
        for e in m.files.values_mut() {
            e.links = Some(crate::ingest::FileLinks::default());
        }
        let unchanged = |m: &Manifest, scanned: &[Scanned], rehashed: &BTreeMap<_, _>| {
            previous_read(m, scanned, rehashed).map(|p| {
                // One entry a file of the scan, beside it; the manifest's other files apart.
                assert_eq!(p.then.len(), scanned.len());
                assert_eq!(p.then.len() + p.unlisted.len(), m.files.len());
                let mut unchanged: Vec<String> = scanned
                    .iter()
                    .zip(&p.unchanged)
                    .filter(|(_, &same)| same)
                    .map(|(s, _)| s.rel.clone())
                    .chain(
                        p.unlisted
                            .iter()
                            .filter(|u| u.unchanged)
                            .map(|u| u.rel.to_string()),
                    )
                    .collect();
                unchanged.sort();
                unchanged
            })
        };
        assert_eq!(
            unchanged(&m, &scanned, &rehashed),
            Some(vec!["corpus/001.txt".to_string(), "corpus/002.txt".into()])
        );
        // Its mtime moved, its bytes the same: unchanged.
        scanned[0].mtime_ns += 1;
        rehashed.insert(
            "corpus/001.txt".to_string(),
            Sha256Sum::of_hex(&"ab".repeat(32)),
        );
        assert_eq!(
            unchanged(&m, &scanned, &rehashed),
            Some(vec!["corpus/001.txt".to_string(), "corpus/002.txt".into()])
        );
        rehashed.insert(
            "corpus/001.txt".to_string(),
            Sha256Sum::of_hex(&"ef".repeat(32)),
        );
        assert_eq!(
            unchanged(&m, &scanned, &rehashed),
            Some(vec!["corpus/002.txt".into()])
        );
        assert_eq!(
            unchanged(&m, &scanned[..1], &rehashed),
            Some(vec![]),
            "a file gone is not unchanged"
        );
        // A file new since, and one the walk now passes over: neither is known unchanged, and
        // the one passed over is set apart with its links then.
        let mut more = scan(&m);
        more[1] = Scanned {
            size: 0,
            own_size: 0,
            mtime_ns: 0,
            skipped: Some("a FIFO".into()),
            ..scan(&m).swap_remove(1)
        };
        more.push(Scanned {
            path: "corpus/009.txt".into(),
            rel: "corpus/009.txt".into(),
            size: 1,
            own_size: 1,
            mtime_ns: 1,
            skipped: None,
        });
        let p = previous_read(&m, &more, &BTreeMap::new()).expect("links recorded");
        assert_eq!(
            (
                p.then.iter().map(Option::is_some).collect::<Vec<_>>(),
                p.unchanged
            ),
            (vec![true, true, false], vec![true, false, false])
        );
        assert_eq!(
            p.unlisted
                .iter()
                .map(|u| (u.rel, u.unchanged))
                .collect::<Vec<_>>(),
            [("corpus/002.txt", false)]
        );
        if let Some(e) = m.files.get_mut("corpus/002.txt") {
            e.failure = Some("empty file".into());
        }
        assert_eq!(unchanged(&m, &scanned, &rehashed), Some(vec![]));
        // Refused though it gave an act (a second undated edition).
        if let Some(e) = m.files.get_mut("corpus/002.txt") {
            e.links = Some(crate::ingest::FileLinks {
                lang: Some(crate::model::Lang::Kk),
                ..Default::default()
            });
        }
        assert_eq!(
            unchanged(&m, &scanned, &rehashed),
            Some(vec!["corpus/002.txt".into()])
        );
        m.links = 0;
        assert!(previous_read(&m, &scanned, &rehashed).is_none());
        scanned = scan(&m);
        assert!(previous_read(&m, &scanned, &rehashed).is_none());
    }

    /// The scan and the manifest side by side: each path once, in order, with its entry.
    #[test]
    fn paired_walks_both_in_path_order() {
        let m = manifest();
        let scanned: Vec<Scanned> = ["corpus/000.txt", "corpus/002.txt", "corpus/004.txt"]
            .iter()
            .map(|rel| Scanned {
                path: rel.into(),
                rel: rel.to_string(),
                size: 0,
                own_size: 0,
                mtime_ns: 0,
                skipped: None,
            })
            .collect();
        let seen: Vec<String> = paired(&scanned, &m.files)
            .map(|p| match p {
                Paired::Scanned(s) => format!("scan {}", s.rel),
                Paired::Both(s, rel, e) => {
                    assert_eq!(&s.rel, rel);
                    format!("both {rel} {}", e.size)
                }
                Paired::Recorded(rel, e) => format!("manifest {rel} {}", e.size),
            })
            .collect();
        assert_eq!(
            seen,
            [
                "scan corpus/000.txt",
                "manifest corpus/001.txt 10",
                "both corpus/002.txt 20",
                "manifest corpus/003.txt 30",
                "scan corpus/004.txt",
            ]
        );
    }
}

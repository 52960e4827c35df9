//! Editions of acts read from a checkout's git history (the public mirror keeps one commit per
//! edition, dated to the day the edition took effect, the amending act in its trailers).
//!
//! [`read_history`] walks the first-parent history of `HEAD` with `gix` (no `git` binary) and
//! gives, per act, its editions oldest first: each commit that changes an act's text (`kaz.md`,
//! `rus.md`, or the part files in `kaz/`, `rus/`) is one edition of it, with the files of the
//! act's folder at that commit, its date and the amending act its trailers name. A commit that
//! only touches `meta.yaml` is no edition; neither is one that moves a folder without changing
//! its text (the mirror moved `02-codes/19941227-…/` to `02-codes/1994/1227-…/`): acts are keyed
//! by their code (`act_code` in meta.yaml, else the number ending the folder's name), which
//! stays when paths change.
//!
//! The mirror rewrites its history on every rebuild, so nothing here is keyed by a commit id:
//! an edition is known by its act, date and the hash of its texts, and what was read already is
//! known by tree ids (content addresses, the same in a re-cloned mirror whose content did not
//! change; a walk stops at the first tree read before, so a rebuild that rewrote past editions
//! is read by reading the whole history again: `zanlex index --history --force`).
//! [`sync_history`] lays the editions out as dated edition folders, the form the rest
//! of zanlex reads editions in (zanlex merges them into one act per language, and the
//! point-in-time rule applies to them as to any edition), writing only those not yet written.
//!
//! ```no_run
//! use std::path::Path;
//! let opts = zanlex::git_history::HistoryOptions::default();
//! let read = zanlex::git_history::read_history(Path::new("codes"), &opts, None)?;
//! for act in &read.acts {
//!     for e in &act.editions {
//!         println!("{} {} {:?}", act.code, e.date, e.cause.as_ref().map(|c| &c.code));
//!     }
//! }
//! # Ok::<(), zanlex::git_history::HistoryError>(())
//! ```

use chrono::NaiveDate;
use gix::ObjectId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Why a history could not be read or written (one line, naming the repository or file).
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The folder is not a git repository, or its `HEAD` names no commit.
    #[error("{}: not a git checkout with a commit at HEAD ({reason})", path.display())]
    NotARepository {
        /// The folder.
        path: PathBuf,
        /// What gix said.
        reason: String,
    },
    /// An object of the repository could not be read.
    #[error("{}: cannot read the git object {id}: {reason}", path.display())]
    Object {
        /// The repository.
        path: PathBuf,
        /// The object's id.
        id: String,
        /// What gix said.
        reason: String,
    },
    /// An edition folder or the history's state file could not be written or read.
    #[error("{}: {reason}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

/// How deep [`read_history`] reads.
#[derive(Debug, Clone, Default)]
pub struct HistoryOptions {
    /// Read no commit dated before this day: each act is then taken as it stood at the newest
    /// commit before it (dated by its meta.yaml's `version_date`), and its later editions
    /// from the commits.
    pub since: Option<NaiveDate>,
}

/// The act that made an edition, as the commit's trailers name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cause {
    /// `Cause-Act-Code`: the database's code of the amending act.
    pub code: Option<String>,
    /// `Cause-Act-Requisite`: its requisites as the database prints them.
    pub requisite: Option<String>,
}

/// Where an edition's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// The commit's date: the day the edition took effect.
    Commit,
    /// The act as it stood when a `since` bound cut the history: its meta.yaml's
    /// `version_date` (Kazakh, else Russian), or the commit's date when it has none.
    MetaVersionDate,
}

/// One edition of an act: its folder's files at a commit.
#[derive(Debug, Clone)]
pub struct Edition {
    /// The day it took effect.
    pub date: NaiveDate,
    /// Where [`Edition::date`] comes from.
    pub basis: DateBasis,
    /// The amending act the commit names, when it names one.
    pub cause: Option<Cause>,
    /// The act's folder at that commit (`02-codes/1994/1227-…-1005029`).
    pub path: String,
    /// The folder's files, by path inside it (`kaz.md`, `rus.md`, `meta.yaml`, `kaz/sec001.md`).
    pub files: BTreeMap<String, Vec<u8>>,
    /// The SHA-256 of the texts (every file but `meta.yaml`), hex: with the act and the date,
    /// what the edition is known by.
    pub hash: String,
    /// The dates for which it announces text it does not bring yet: its placeholders that
    /// the edition before lacked (`5-1. 01.01.2023 бастап қолданысқа енгізіледі`,
    /// `вводится в действие с …`), sorted, each date once.
    pub announces: Vec<NaiveDate>,
    /// The dates of the placeholders of the edition before that it no longer prints: it
    /// brings the text they announced.
    pub fulfils: Vec<NaiveDate>,
    /// The languages whose text it changes (`kaz`, `rus`: their `.md` file or part files),
    /// each an edition of that language's expression; the other language's text in
    /// [`Edition::files`] is as an earlier commit left it, and is no edition of it.
    pub languages: Vec<String>,
}

/// An act's editions, oldest first.
#[derive(Debug, Clone)]
pub struct ActHistory {
    /// The act's code in the database (`104316`): the key that survives renames.
    pub code: String,
    /// Its editions read by this call, oldest first.
    pub editions: Vec<Edition>,
    /// When the newest commit read no longer has the act: the date of the commit that deleted
    /// its folder (a folder moved in one commit is no deletion). The mirror deletes a folder
    /// for reasons it does not record, so this says only that the source stopped carrying
    /// the act, not that it was repealed.
    pub removed: Option<NaiveDate>,
}

/// What [`read_history`] read.
#[derive(Debug, Clone, Default)]
pub struct HistoryRead {
    /// Acts with at least one edition read, or removed, by code.
    pub acts: Vec<ActHistory>,
    /// Commits read (those before the `since` bound or already seen are not).
    pub commits_read: usize,
    /// The state to hand to the next [`read_history`], which then reads only newer commits.
    pub state: HistoryState,
    /// Set when the repository is a shallow clone (`git clone --depth`) and the walk reached
    /// its oldest commit: that commit's date. Its acts are read as they stood then (dated by
    /// their `meta.yaml`); the editions before it are not in the repository (`git fetch
    /// --unshallow` brings them).
    pub shallow: Option<NaiveDate>,
}

/// What a read has seen, so the next one reads only the rest. Keyed by the head commit read
/// and, for a history rebuilt with other commit ids (the mirror's are, its trees keep
/// theirs), by content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryState {
    /// Root tree ids of the commits read (hex).
    pub trees: BTreeSet<String>,
    /// The head commit read up to (hex): a later read stops there, though newer commits
    /// bring the tree back to one read before (a change undone is a change, with its date).
    /// `None` in a state written before heads were kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    /// The root tree id of that head (hex): a head the history no longer has, whose tree the
    /// walk does not meet either, means the history went back or was rewritten. `None` in a
    /// state written before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_tree: Option<String>,
    /// Each act's newest edition read: (date, hash of its texts).
    pub newest: BTreeMap<String, (NaiveDate, String)>,
    /// The acts whose folder the newest commit read no longer has, with the date of the
    /// commit that deleted it ([`ActHistory::removed`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub removed: BTreeMap<String, NaiveDate>,
    /// What the edition folders written with this state hold ([`EDITIONS_LAYOUT`]): a state
    /// of another layout is not used, so the whole history is read and written again.
    #[serde(default)]
    pub layout: u32,
}

/// The layout of the edition folders [`sync_history`] writes: bumped when what they hold
/// changes (2: sidecars say `version_dated_by = "commit"`; 3: the sidecars of an act's newest
/// editions say when a commit deleted its folder).
pub const EDITIONS_LAYOUT: u32 = 3;

/// The file [`sync_history`] keeps its [`HistoryState`] in, inside the editions folder.
pub const STATE_FILE: &str = ".zanlex-history.json";

/// Reads the editions in `repo`'s first-parent history of `HEAD`, oldest first. With `seen`
/// (the state of an earlier read), the walk stops at the head read then, or, when the history
/// no longer has it (rebuilt with other commit ids), at the first commit whose tree was read
/// then; an edition whose texts equal the act's newest one then is not given again.
pub fn read_history(
    repo: &Path,
    opts: &HistoryOptions,
    seen: Option<&HistoryState>,
) -> Result<HistoryRead, HistoryError> {
    let mut acts: BTreeMap<String, ActHistory> = BTreeMap::new();
    let (commits_read, state, walked) = walk_history(repo, opts, seen, &mut |code, read| {
        let act = acts.entry(code.clone()).or_insert_with(|| ActHistory {
            code,
            editions: Vec::new(),
            removed: None,
        });
        match read {
            Read::Edition(e) => {
                act.removed = None;
                // Two editions of one day: the later commit's text is the day's.
                if act.editions.last().is_some_and(|l| l.date == e.date) {
                    act.editions.pop();
                }
                act.editions.push(e);
            }
            Read::Removed(on) => act.removed = Some(on),
        }
        Ok(())
    })?;
    Ok(HistoryRead {
        acts: acts.into_values().collect(),
        commits_read,
        state,
        shallow: walked.shallow,
    })
}

/// What the walk reads of an act, in commit order.
enum Read {
    /// An edition.
    Edition(Edition),
    /// A commit of this date deleted the act's folder.
    Removed(NaiveDate),
}

/// What the walk keeps of an act's files as last read: enough to tell which languages the next
/// edition changes and what it announces, without holding the texts (a whole checkout's texts
/// would be held otherwise).
struct LastRead {
    /// Each text file's SHA-256, by path inside the act's folder.
    digests: BTreeMap<String, [u8; 32]>,
    placeholders: BTreeSet<(NaiveDate, String)>,
}

impl LastRead {
    fn of(files: &BTreeMap<String, Vec<u8>>) -> Self {
        LastRead {
            digests: digests(files),
            placeholders: placeholders(files),
        }
    }
}

/// [`read_history`]'s walk: each edition, and each deletion of an act's folder, is handed to
/// `sink` as it is read, with its act's code, oldest commit first (two editions of one act and
/// day may follow each other: the later is the day's). Returns the commits read and the state
/// after them.
fn walk_history(
    repo: &Path,
    opts: &HistoryOptions,
    seen: Option<&HistoryState>,
    sink: &mut dyn FnMut(String, Read) -> Result<(), HistoryError>,
) -> Result<(usize, HistoryState, Walked), HistoryError> {
    let r = Reader::open(repo)?;
    let head = r.repo.head_id().map_err(|e| r.not_repo(e))?.detach();
    let mut walked = Walked::default();
    // Newest first, up to what bounds the walk.
    let mut commits: Vec<CommitInfo> = Vec::new();
    let mut boundary: Option<CommitInfo> = None;
    // A state that names no head (or none readable) is of the tree rule alone.
    let head_read = seen
        .and_then(|s| s.head.as_deref())
        .and_then(|h| ObjectId::from_hex(h.as_bytes()).ok());
    // How many commits are newer than the first one whose tree was read, once met.
    let mut before_seen_tree: Option<usize> = None;
    let mut found_head_read = false;
    let mut next = Some(head);
    while let Some(id) = next {
        if head_read == Some(id) {
            found_head_read = true;
            break;
        }
        let c = r.commit(id)?;
        if before_seen_tree.is_none() && seen.is_some_and(|s| s.trees.contains(&c.tree.to_string()))
        {
            before_seen_tree = Some(commits.len());
            if head_read.is_none() {
                break;
            }
        }
        if opts.since.is_some_and(|s| c.date < s) {
            boundary = Some(c);
            break;
        }
        // The oldest commit of a shallow clone: its acts are read as they stood then, as at
        // a `since` bound (what came before is not in the repository).
        if c.cut {
            walked.shallow = Some(c.date);
            boundary = Some(c);
            break;
        }
        next = c.parent;
        commits.push(c);
    }
    // The head read is not in this history, and the history does not hold the tree it had:
    // the head moved back (`git reset --hard HEAD~1`) or to a history rewritten otherwise.
    // Editions read from the commits left out must go: the whole history is read again.
    let head_tree = seen.and_then(|s| s.head_tree.as_deref());
    if let (false, Some(_), Some(head_tree)) = (found_head_read, head_read, head_tree) {
        let met = before_seen_tree
            .and_then(|n| commits.get(n))
            .map(|c| c.tree.to_string());
        let moved = match met {
            Some(met) => met != head_tree,
            None => boundary.is_none(),
        };
        if moved {
            let (read, state, again) = walk_history(repo, opts, None, sink)?;
            return Ok((
                read,
                state,
                Walked {
                    reread: true,
                    ..again
                },
            ));
        }
    }
    // The head read is not in this history: it was rebuilt, and its trees tell what was read.
    if let (false, Some(newer)) = (found_head_read, before_seen_tree) {
        commits.truncate(newer);
        boundary = None;
        walked.shallow = None;
    }
    commits.reverse();
    let mut state = seen.cloned().unwrap_or_default();
    state.layout = EDITIONS_LAYOUT;
    let mut push = |state: &mut HistoryState, code: String, read: Read| {
        let e = match read {
            Read::Removed(on) => {
                state.removed.insert(code.clone(), on);
                return sink(code, Read::Removed(on));
            }
            Read::Edition(e) => e,
        };
        // An act back after its folder was deleted has an edition from that day, though its
        // texts are the ones it left with.
        let back = state.removed.remove(&code).is_some();
        let newest = state.newest.get(&code);
        if !back && newest.is_some_and(|(_, h)| *h == e.hash) {
            return Ok(());
        }
        state.newest.insert(code.clone(), (e.date, e.hash.clone()));
        sink(code, Read::Edition(e))
    };
    // Each act as last read, to tell what an edition changes and announces.
    let mut last_read: BTreeMap<String, LastRead> = BTreeMap::new();
    if let Some(b) = &boundary {
        let mut folders = Vec::new();
        r.act_folders(b.tree, String::new(), &mut folders)?;
        for (path, tree) in folders {
            let files = r.folder_files(tree)?;
            let Some(code) = act_code(&path, &files) else {
                continue;
            };
            let (date, basis) = match meta_version_date(&files) {
                Some(d) => (d, DateBasis::MetaVersionDate),
                None => (b.date, DateBasis::Commit),
            };
            let hash = texts_hash(&files);
            let langs = languages(&BTreeMap::new(), &digests(&files));
            last_read.insert(code.clone(), LastRead::of(&files));
            push(
                &mut state,
                code,
                Read::Edition(Edition {
                    date,
                    basis,
                    cause: None,
                    path,
                    files,
                    hash,
                    announces: Vec::new(),
                    fulfils: Vec::new(),
                    languages: langs,
                }),
            )?;
        }
        state.trees.insert(b.tree.to_string());
    }
    for c in &commits {
        let parent_tree = match c.parent {
            Some(p) => Some(r.commit(p)?.tree),
            None => None,
        };
        let mut changed = Vec::new();
        r.diff(parent_tree, Some(c.tree), "", &mut changed)?;
        let mut folders: BTreeSet<String> = BTreeSet::new();
        for path in &changed {
            if let Some(folder) = text_folder(path) {
                folders.insert(folder);
            }
        }
        // The acts this commit leaves without a text folder, and those it has one for: an act
        // whose folder moved is in both, and stays.
        let mut gone: BTreeSet<String> = BTreeSet::new();
        let mut here: BTreeSet<String> = BTreeSet::new();
        for folder in folders {
            let files = match r.lookup_tree(c.tree, &folder)? {
                Some(tree) => r.folder_files(tree)?,
                None => BTreeMap::new(),
            };
            if !files.keys().any(|k| is_text(k)) {
                // Its texts are gone: the act it held, named by its folder before (its
                // meta.yaml alone is read: a commit moving every folder would otherwise read
                // every text again).
                let before = match parent_tree {
                    Some(p) => r.lookup_tree(p, &folder)?,
                    None => None,
                };
                if let Some(tree) = before {
                    if let (true, meta) = r.folder_meta(tree)? {
                        gone.extend(act_code(&folder, &meta));
                    }
                }
                continue;
            }
            let Some(code) = act_code(&folder, &files) else {
                continue;
            };
            here.insert(code.clone());
            let hash = texts_hash(&files);
            // The act's files before this commit: as last read, else in the parent's tree
            // (a refresh starts from commits read before).
            let parent_read = match (last_read.contains_key(&code), parent_tree) {
                (false, Some(p)) => match r.lookup_tree(p, &folder)? {
                    Some(t) => LastRead::of(&r.folder_files(t)?),
                    None => LastRead::of(&BTreeMap::new()),
                },
                _ => LastRead::of(&BTreeMap::new()),
            };
            let now_read = LastRead::of(&files);
            let old = last_read.get(&code).unwrap_or(&parent_read);
            let langs = languages(&old.digests, &now_read.digests);
            let (before, now) = (&old.placeholders, &now_read.placeholders);
            let announces = now.difference(before).map(|(d, _)| *d).collect();
            let fulfils = before.difference(now).map(|(d, _)| *d).collect();
            last_read.insert(code.clone(), now_read);
            push(
                &mut state,
                code,
                Read::Edition(Edition {
                    date: c.date,
                    basis: DateBasis::Commit,
                    cause: c.cause.clone(),
                    path: folder,
                    files,
                    hash,
                    announces: dedup(announces),
                    languages: langs,
                    fulfils: dedup(fulfils),
                }),
            )?;
        }
        for code in gone.difference(&here) {
            // Back later, it is read as new: every language an edition of it.
            last_read.remove(code);
            push(&mut state, code.clone(), Read::Removed(c.date))?;
        }
        state.trees.insert(c.tree.to_string());
    }
    state.head = Some(head.to_string());
    state.head_tree = Some(r.commit(head)?.tree.to_string());
    Ok((commits.len(), state, walked))
}

/// What else [`walk_history`] found.
#[derive(Debug, Default, Clone, Copy)]
struct Walked {
    /// The history's head moved to where the head read before is not: the whole history was
    /// read again, as a first read reads it.
    reread: bool,
    /// The date of a shallow clone's oldest commit, when the walk reached it.
    shallow: Option<NaiveDate>,
}

/// What [`sync_history`] did.
#[derive(Debug, Clone, Default)]
pub struct SyncReport {
    /// Commits read.
    pub commits_read: usize,
    /// Edition folders written (relative to the editions folder), oldest first per act.
    pub written: Vec<String>,
    /// Edition folders written before whose sidecars this sync rewrote: the newest edition of
    /// each language of an act whose folder a commit deleted, now marked with the day
    /// (`source_removed_on`), or whose sidecars it brought up to date. To be read again.
    pub marked: Vec<String>,
    /// Edition folders removed: read from commits the history no longer has (its head moved
    /// back, or it was rewritten), so that the folder holds what a first sync of the history
    /// as it is writes. To be dropped from the index.
    pub removed: Vec<String>,
    /// As [`HistoryRead::shallow`]: the date of a shallow clone's oldest commit, when this
    /// sync reached it.
    pub shallow: Option<NaiveDate>,
}

/// Reads `repo`'s history into `out` as edition folders, reading only the commits a previous
/// sync into `out` has not read (its state is kept in [`STATE_FILE`]): each edition is a
/// folder `out/<act code>/<date>_<hash>/` holding the act folder's files at its commit, and
/// beside each text a sidecar `kaz.meta.toml` giving `version_date` (the edition's date, which
/// counts over the date in the text's front matter) and the amending act. Folders already
/// there are left as they are. `out` is a corpus folder to index.
///
/// ```no_run
/// use std::path::Path;
/// let opts = zanlex::git_history::HistoryOptions::default();
/// let report = zanlex::git_history::sync_history(Path::new("codes"), Path::new("editions"), &opts)?;
/// println!("{} commits read, {} editions written", report.commits_read, report.written.len());
/// # Ok::<(), zanlex::git_history::HistoryError>(())
/// ```
pub fn sync_history(
    repo: &Path,
    out: &Path,
    opts: &HistoryOptions,
) -> Result<SyncReport, HistoryError> {
    let state_path = out.join(STATE_FILE);
    let head_path = out.join(HEAD_FILE);
    if let Some((_, stamp)) = head_stamp(repo, &state_path)? {
        if std::fs::read_to_string(&head_path).is_ok_and(|s| s == stamp) {
            return Ok(SyncReport::default());
        }
    }
    let seen: Option<HistoryState> = match std::fs::read(&state_path) {
        Ok(bytes) => serde_json::from_slice::<HistoryState>(&bytes).ok(),
        Err(_) => None,
    }
    .filter(|s| s.layout == EDITIONS_LAYOUT);
    // Each edition is written as soon as it is read, so a whole history never sits in memory.
    // Each act's last edition read by this sync: its date, and the folder this sync wrote for
    // it (none when the folder was there before), so that a later commit of the same day
    // replaces it, as the day's text.
    let mut last: BTreeMap<String, (NaiveDate, Option<String>, String)> = BTreeMap::new();
    let mut written: Vec<String> = Vec::new();
    let mut marked: Vec<String> = Vec::new();
    // Every edition folder the walk stands for, written now or before: on a read of the whole
    // history again, the others are of commits it no longer has.
    let mut kept: BTreeSet<String> = BTreeSet::new();
    let walk = walk_history(repo, opts, seen.as_ref(), &mut |code, read| {
        let e = match read {
            Read::Edition(e) => e,
            Read::Removed(on) => {
                for name in mark_removed(out, &code, on)? {
                    if !marked.contains(&name) && !written.contains(&name) {
                        marked.push(name);
                    }
                }
                return Ok(());
            }
        };
        if let Some((date, now, folder)) = last.get(&code) {
            if *date == e.date {
                kept.remove(folder);
                if let Some(name) = now {
                    let dir = out.join(name);
                    std::fs::remove_dir_all(&dir).map_err(|err| io_err(&dir, err))?;
                    written.retain(|w| w != name);
                }
            }
        }
        let folder = edition_folder(&code, &e);
        kept.insert(folder.clone());
        let name = match write_edition(&code, &e, out)? {
            Written::Folder(name) => Some(name),
            Written::Sidecars(name) => {
                if !marked.contains(&name) {
                    marked.push(name);
                }
                None
            }
            Written::Nothing => None,
        };
        written.extend(name.clone());
        last.insert(code, (e.date, name, folder));
        Ok(())
    });
    let (commits_read, state, walked) = walk?;
    let removed = if walked.reread {
        remove_editions_but(out, &kept)?
    } else {
        Vec::new()
    };
    marked.retain(|m| !removed.contains(m));
    // Per act, oldest first, as the editions of one act were read.
    written.sort_by(|a, b| a.split('/').next().cmp(&b.split('/').next()));
    // A sync that found nothing new leaves the state as it was: most syncs are a command's
    // look for new commits, and the state of a national history is megabytes.
    if seen.as_ref() != Some(&state) {
        let json = serde_json::to_vec(&state).map_err(|e| io_err(&state_path, e))?;
        std::fs::write(&state_path, json).map_err(|e| io_err(&state_path, e))?;
    }
    // Stamped only when the state was read up to the head: a commit made during the sync is
    // not vouched for.
    if let Some((head, stamp)) = head_stamp(repo, &state_path)? {
        let stale = std::fs::read_to_string(&head_path).map_or(true, |s| s != stamp);
        if state.head.as_deref() == Some(head.as_str()) && stale {
            std::fs::write(&head_path, stamp).map_err(|e| io_err(&head_path, e))?;
        }
    }
    Ok(SyncReport {
        commits_read,
        written,
        marked,
        removed,
        shallow: walked.shallow,
    })
}

/// Removes the edition folders of `out` (`<code folder>/<edition>`) that `kept` does not
/// name, and the code folders left empty; returns those removed, in path order.
fn remove_editions_but(out: &Path, kept: &BTreeSet<String>) -> Result<Vec<String>, HistoryError> {
    let names = |dir: &Path| -> Result<Vec<String>, HistoryError> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| io_err(dir, e))?
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        Ok(names)
    };
    let mut removed = Vec::new();
    for code in names(out)? {
        let code_dir = out.join(&code);
        for edition in names(&code_dir)? {
            let name = format!("{code}/{edition}");
            if !kept.contains(&name) {
                let dir = code_dir.join(&edition);
                std::fs::remove_dir_all(&dir).map_err(|e| io_err(&dir, e))?;
                if !edition.ends_with(".tmp") {
                    removed.push(name);
                }
            }
        }
        if std::fs::read_dir(&code_dir).is_ok_and(|mut d| d.next().is_none()) {
            std::fs::remove_dir(&code_dir).map_err(|e| io_err(&code_dir, e))?;
        }
    }
    Ok(removed)
}

/// The sidecar key of an act's newest edition saying since when its source no longer carries
/// it (the date of the commit that deleted its folder).
const SOURCE_REMOVED_KEY: &str = "source_removed_on";

/// Marks the newest edition folder of each language of the act `code` in `out` as the last
/// its source carried, from `on` (the sidecar beside its text gets [`SOURCE_REMOVED_KEY`]);
/// returns the folders whose sidecar changed.
fn mark_removed(out: &Path, code: &str, on: NaiveDate) -> Result<Vec<String>, HistoryError> {
    let folder = code_folder(code);
    let act_dir = out.join(&folder);
    let Ok(entries) = std::fs::read_dir(&act_dir) else {
        return Ok(Vec::new());
    };
    // Edition folders are named `<date>_<hash>`: by name, newest last. Those dated after the
    // deletion are of the act come back, written by an earlier read of the same history.
    let day = on.to_string();
    let mut editions: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.ends_with(".tmp") && n.get(..day.len()).is_some_and(|d| d <= day.as_str()))
        .collect();
    editions.sort();
    let mut changed = Vec::new();
    for lang in ["kaz", "rus"] {
        let text = format!("{lang}.md");
        let Some(newest) = editions
            .iter()
            .rev()
            .find(|n| act_dir.join(n).join(&text).is_file())
        else {
            continue;
        };
        let side = crate::extract::sidecar::sidecar_path(&act_dir.join(newest).join(&text));
        let before = std::fs::read_to_string(&side).unwrap_or_default();
        let mut table: toml::Table = before.parse().map_err(|e| io_err(&side, e))?;
        table.insert(
            SOURCE_REMOVED_KEY.into(),
            toml::Value::String(on.to_string()),
        );
        let after = table.to_string();
        if after != before {
            std::fs::write(&side, after).map_err(|e| io_err(&side, e))?;
            let name = format!("{folder}/{newest}");
            if !changed.contains(&name) {
                changed.push(name);
            }
        }
    }
    Ok(changed)
}

/// The file beside [`STATE_FILE`] naming the head a sync has read up to and the state file it
/// left: a command that finds the checkout's head and that state file as named there knows
/// nothing is new without parsing the state, which for a national history is megabytes.
const HEAD_FILE: &str = ".zanlex-history-head";

/// The head commit of `repo`, and what [`HEAD_FILE`] holds when the state file at
/// `state_path` was written after reading `repo` up to that head: the layout, the commit, and
/// the state file's size and modification time (another state file, or none, no longer
/// matches). None without a state file.
fn head_stamp(repo: &Path, state_path: &Path) -> Result<Option<(String, String)>, HistoryError> {
    let Ok(md) = std::fs::metadata(state_path) else {
        return Ok(None);
    };
    let modified = md
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let r = Reader::open(repo)?;
    let head = r
        .repo
        .head_id()
        .map_err(|e| r.not_repo(e))?
        .detach()
        .to_string();
    let stamp = format!("{EDITIONS_LAYOUT} {head} {} {modified}\n", md.len());
    Ok(Some((head, stamp)))
}

/// Writes an edition of the act `code` as a folder of `out` ([`sync_history`] says how),
/// unless there (its sidecars are then brought up to date); returns the folder written.
fn write_edition(code: &str, e: &Edition, out: &Path) -> Result<Written, HistoryError> {
    let name = edition_folder(code, e);
    let dir = out.join(&name);
    if dir.is_dir() {
        return Ok(if refresh_sidecars(&dir, e)? {
            Written::Sidecars(name)
        } else {
            Written::Nothing
        });
    }
    let tmp = out.join(format!("{name}.tmp"));
    let _ = std::fs::remove_dir_all(&tmp);
    // The texts of the languages the edition changed, and meta.yaml.
    let wanted = |rel: &str| {
        !is_text(rel)
            || e.languages
                .iter()
                .any(|l| rel.split(['.', '/']).next() == Some(l))
    };
    for (rel, bytes) in e.files.iter().filter(|(rel, _)| wanted(rel)) {
        let p = tmp.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(|err| io_err(parent, err))?;
        }
        std::fs::write(&p, bytes).map_err(|err| io_err(&p, err))?;
        if is_text(rel) && !rel.contains('/') {
            let side = crate::extract::sidecar::sidecar_path(&p);
            std::fs::write(&side, sidecar(e)).map_err(|err| io_err(&side, err))?;
        }
    }
    std::fs::rename(&tmp, &dir).map_err(|err| io_err(&dir, err))?;
    Ok(Written::Folder(name))
}

/// What [`write_edition`] did.
enum Written {
    /// The edition's folder was there, as it is to be.
    Nothing,
    /// The edition's folder was there; its sidecars were rewritten (this one).
    Sidecars(String),
    /// The edition's folder was written (this one).
    Folder(String),
}

/// The folder of an edition of the act `code`, relative to the editions folder:
/// `<code folder>/<date>_<hash>`.
fn edition_folder(code: &str, e: &Edition) -> String {
    format!("{}/{}_{}", code_folder(code), e.date, &e.hash[..12])
}

/// The most bytes of an act code used as its folder's name as it is.
const CODE_FOLDER_MAX: usize = 64;

/// The folder holding the editions of the act `code`: the code itself when it is a short
/// plain name (every code of the mirror: `134470`), else its first letters and a hash of the
/// whole, so that no code, however long or strange (`../x`, five thousand characters), makes
/// a name the file system refuses or one that leaves the editions folder.
fn code_folder(code: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if !code.is_empty()
        && code.len() <= CODE_FOLDER_MAX
        && !code.starts_with('.')
        && code.chars().all(plain)
    {
        return code.to_string();
    }
    use sha2::{Digest, Sha256};
    let hash = hex::encode(Sha256::digest(code.as_bytes()));
    let start: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(32)
        .collect();
    if start.is_empty() {
        format!("code-{}", &hash[..16])
    } else {
        format!("{start}-{}", &hash[..16])
    }
}

/// Rewrites the sidecars of an edition folder written before whose content is not what this
/// version writes (an older zanlex wrote no `version_dated_by`), so that `--force` brings an
/// editions folder up to date without rewriting its texts.
fn refresh_sidecars(dir: &Path, e: &Edition) -> Result<bool, HistoryError> {
    let want = sidecar(e);
    let mut rewritten = false;
    for lang in &e.languages {
        let text = dir.join(format!("{lang}.md"));
        if !text.is_file() {
            continue;
        }
        let side = crate::extract::sidecar::sidecar_path(&text);
        if std::fs::read_to_string(&side).ok().as_deref() != Some(want.as_str()) {
            rewritten = true;
            std::fs::write(&side, &want).map_err(|err| io_err(&side, err))?;
        }
    }
    Ok(rewritten)
}

/// The sidecar of an edition's texts: its date, what dates it, and the amending act.
fn sidecar(e: &Edition) -> String {
    let mut t = toml::Table::new();
    t.insert(
        "version_date".into(),
        toml::Value::String(e.date.to_string()),
    );
    // The day the edition took effect, which the time rule takes as exact; an act as it stood
    // at a `since` bound is dated by its meta.yaml, the database's edition date only.
    if e.basis == DateBasis::Commit {
        t.insert(
            "version_dated_by".into(),
            toml::Value::String("commit".into()),
        );
    }
    if let Some(c) = &e.cause {
        if let Some(code) = &c.code {
            t.insert("caused_by.code".into(), toml::Value::String(code.clone()));
        }
        if let Some(r) = &c.requisite {
            t.insert("caused_by.requisite".into(), toml::Value::String(r.clone()));
        }
    }
    t.to_string()
}

fn io_err(path: &Path, e: impl std::fmt::Display) -> HistoryError {
    HistoryError::Io {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

/// Whether a path inside an act's folder is one of its texts (not `meta.yaml`).
fn is_text(rel: &str) -> bool {
    matches!(rel, "kaz.md" | "rus.md")
        || ((rel.starts_with("kaz/") || rel.starts_with("rus/")) && rel.ends_with(".md"))
}

/// The act folder whose text a changed path is (`a/b/kaz.md` → `a/b`, `a/b/rus/sec001.md` →
/// `a/b`); `None` for `meta.yaml` and files of no act.
fn text_folder(path: &str) -> Option<String> {
    let (dir, name) = path.rsplit_once('/')?;
    if matches!(name, "kaz.md" | "rus.md") {
        return Some(dir.to_string());
    }
    let (act, part) = dir.rsplit_once('/').unwrap_or(("", dir));
    ((part == "kaz" || part == "rus") && name.ends_with(".md") && !act.is_empty())
        .then(|| act.to_string())
}

/// The act's code: meta.yaml's `act_code`, else the number ending the folder's name.
fn act_code(folder: &str, files: &BTreeMap<String, Vec<u8>>) -> Option<String> {
    let from_meta = meta_fields(files)
        .and_then(|mut m| m.remove("act_code"))
        .filter(|s| !s.is_empty());
    from_meta.or_else(|| {
        let name = folder.rsplit('/').next()?;
        let digits = name.rsplit('-').next()?;
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.to_string())
    })
}

/// meta.yaml's `version_date` (Kazakh, else Russian, else a plain date).
fn meta_version_date(files: &BTreeMap<String, Vec<u8>>) -> Option<NaiveDate> {
    let m = meta_fields(files)?;
    ["version_date.kaz", "version_date.rus", "version_date"]
        .iter()
        .find_map(|k| m.get(*k).and_then(|v| crate::text::parse_iso_date(v)))
}

/// The fields of the folder's `meta.yaml` as of a commit, read as ingestion reads it; `None`
/// when there is none or it cannot be read (the commit's texts are read without it).
fn meta_fields(files: &BTreeMap<String, Vec<u8>>) -> Option<BTreeMap<String, String>> {
    let text = std::str::from_utf8(files.get("meta.yaml")?).ok()?;
    crate::extract::sidecar::yaml_fields(text, "meta.yaml").ok()
}

fn texts_hash(files: &BTreeMap<String, Vec<u8>>) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for (k, v) in files.iter().filter(|(k, _)| is_text(k)) {
        h.update(k.as_bytes());
        h.update([0]);
        h.update((v.len() as u64).to_be_bytes());
        h.update(v);
    }
    hex::encode(h.finalize())
}

/// The SHA-256 of each text file of an act's folder, by path inside it.
fn digests(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, [u8; 32]> {
    use sha2::{Digest, Sha256};
    files
        .iter()
        .filter(|(k, _)| is_text(k))
        .map(|(k, v)| (k.clone(), Sha256::digest(v).into()))
        .collect()
}

/// The languages (`kaz`, `rus`) whose text files differ between `old` and `new` (their
/// [`digests`]).
fn languages(old: &BTreeMap<String, [u8; 32]>, new: &BTreeMap<String, [u8; 32]>) -> Vec<String> {
    let lang = |rel: &str| rel.split(['.', '/']).next().unwrap_or("").to_string();
    let mut out: Vec<String> = old
        .iter()
        .filter(|(k, _)| is_text(k))
        .filter(|(k, v)| new.get(*k) != Some(*v))
        .chain(
            new.iter()
                .filter(|(k, _)| is_text(k))
                .filter(|(k, v)| old.get(*k) != Some(*v)),
        )
        .map(|(k, _)| lang(k))
        .filter(|l| new.keys().any(|k| is_text(k) && lang(k) == *l))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The placeholder lines of an act's texts, each with the date it announces.
fn placeholders(files: &BTreeMap<String, Vec<u8>>) -> BTreeSet<(NaiveDate, String)> {
    files
        .iter()
        .filter(|(k, _)| is_text(k))
        .flat_map(|(_, v)| {
            String::from_utf8_lossy(v)
                .lines()
                .filter_map(|l| Some((placeholder_date(l)?, l.trim().to_string())))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn dedup(mut dates: Vec<NaiveDate>) -> Vec<NaiveDate> {
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// The date a unit that only announces its text announces: its number, then `DD.MM.YYYY
/// бастап қолданысқа енгізіледі` or `вводится в действие с DD.MM.YYYY`.
fn placeholder_date(line: &str) -> Option<NaiveDate> {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^[#>*\s]*(?:\d+(?:-\d+)*(?:-бап|-тармақ)?[.)]?|Статья\s+\d+(?:-\d+)*\.?)\s+(?:(\d{2}\.\d{2}\.\d{4})\s+(?:жылдан\s+)?бастап\s+қолданысқа\s+енгізіледі|[Вв]водится\s+в\s+действие\s+с\s+(\d{2}\.\d{2}\.\d{4}))",
        )
        .expect("the placeholder pattern is valid")
    });
    let c = RE.captures(line)?;
    let d = c.get(1).or_else(|| c.get(2))?.as_str();
    crate::text::parse_dotted_date(d)
}

/// A commit as the walk reads it.
struct CommitInfo {
    tree: ObjectId,
    parent: Option<ObjectId>,
    /// A shallow clone's boundary: the commit has a parent the repository does not hold.
    cut: bool,
    date: NaiveDate,
    cause: Option<Cause>,
}

struct Reader {
    repo: gix::Repository,
    path: PathBuf,
    /// The commits of a shallow clone whose parents the repository lacks (its `shallow`
    /// file); empty for a whole history.
    shallow: BTreeSet<ObjectId>,
}

impl Reader {
    fn open(path: &Path) -> Result<Self, HistoryError> {
        let repo = gix::open(path).map_err(|e| HistoryError::NotARepository {
            path: path.to_path_buf(),
            reason: one_line(&e.to_string()),
        })?;
        let shallow = repo
            .shallow_commits()
            .ok()
            .flatten()
            .map(|c| c.iter().copied().collect())
            .unwrap_or_default();
        Ok(Reader {
            repo,
            path: path.to_path_buf(),
            shallow,
        })
    }

    fn not_repo(&self, e: impl std::fmt::Display) -> HistoryError {
        HistoryError::NotARepository {
            path: self.path.clone(),
            reason: one_line(&e.to_string()),
        }
    }

    fn object_err(&self, id: impl std::fmt::Display, e: impl std::fmt::Display) -> HistoryError {
        HistoryError::Object {
            path: self.path.clone(),
            id: id.to_string(),
            reason: one_line(&e.to_string()),
        }
    }

    fn commit(&self, id: ObjectId) -> Result<CommitInfo, HistoryError> {
        let c = self
            .repo
            .find_commit(id)
            .map_err(|e| self.object_err(id, e))?;
        let tree = c.tree_id().map_err(|e| self.object_err(id, e))?.detach();
        let mut parent = c.parent_ids().next().map(|p| p.detach());
        // A shallow clone's oldest commits name parents it does not hold.
        let cut = parent.is_some() && self.shallow.contains(&id);
        if cut {
            parent = None;
        }
        let time = c
            .committer()
            .map_err(|e| self.object_err(id, e))?
            .time()
            .map_err(|e| self.object_err(id, e))?;
        // The committer's date (what `git log --until` reads), as a day in the commit's own
        // time zone: the mirror dates a commit to the day the edition took effect.
        let date = chrono::DateTime::from_timestamp(time.seconds + i64::from(time.offset), 0)
            .map(|t| t.date_naive())
            .ok_or_else(|| self.object_err(id, "its date is out of range"))?;
        let message = c.message_raw().map_err(|e| self.object_err(id, e))?;
        Ok(CommitInfo {
            tree,
            parent,
            cut,
            date,
            cause: cause_of(message),
        })
    }

    /// The entries of a tree: (name, is a folder, id).
    fn entries(&self, tree: ObjectId) -> Result<Vec<(String, bool, ObjectId)>, HistoryError> {
        let t = self
            .repo
            .find_tree(tree)
            .map_err(|e| self.object_err(tree, e))?;
        let decoded = t.decode().map_err(|e| self.object_err(tree, e))?;
        Ok(decoded
            .entries
            .iter()
            .filter(|e| e.mode.is_tree() || e.mode.is_blob())
            .map(|e| (e.filename.to_string(), e.mode.is_tree(), e.oid.to_owned()))
            .collect())
    }

    /// The paths of files that differ between two trees (added, removed or changed), skipping
    /// folders whose ids are equal.
    fn diff(
        &self,
        old: Option<ObjectId>,
        new: Option<ObjectId>,
        prefix: &str,
        out: &mut Vec<String>,
    ) -> Result<(), HistoryError> {
        if old == new {
            return Ok(());
        }
        let list =
            |t: Option<ObjectId>| -> Result<BTreeMap<String, (bool, ObjectId)>, HistoryError> {
                Ok(match t {
                    Some(t) => self
                        .entries(t)?
                        .into_iter()
                        .map(|(n, d, id)| (n, (d, id)))
                        .collect(),
                    None => BTreeMap::new(),
                })
            };
        let (a, b) = (list(old)?, list(new)?);
        let names: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        for name in names {
            let (x, y) = (a.get(name), b.get(name));
            if x == y {
                continue;
            }
            let path = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}/{name}")
            };
            let tree_of = |e: Option<&(bool, ObjectId)>| e.filter(|(d, _)| *d).map(|(_, id)| *id);
            let (tx, ty) = (tree_of(x), tree_of(y));
            if tx.is_some() || ty.is_some() {
                self.diff(tx, ty, &path, out)?;
            }
            let blob = |e: Option<&(bool, ObjectId)>| e.is_some_and(|(d, _)| !*d);
            if blob(x) || blob(y) {
                out.push(path);
            }
        }
        Ok(())
    }

    /// The tree at `path` (folders joined by `/`) under `root`.
    fn lookup_tree(&self, root: ObjectId, path: &str) -> Result<Option<ObjectId>, HistoryError> {
        let mut at = root;
        for part in path.split('/').filter(|p| !p.is_empty()) {
            match self
                .entries(at)?
                .into_iter()
                .find(|(n, d, _)| *d && n == part)
            {
                Some((_, _, id)) => at = id,
                None => return Ok(None),
            }
        }
        Ok(Some(at))
    }

    fn blob(&self, id: ObjectId) -> Result<Vec<u8>, HistoryError> {
        let mut b = self
            .repo
            .find_blob(id)
            .map_err(|e| self.object_err(id, e))?;
        Ok(b.take_data())
    }

    /// An act folder's files: `kaz.md`, `rus.md`, `meta.yaml` and the parts in `kaz/`, `rus/`.
    fn folder_files(&self, tree: ObjectId) -> Result<BTreeMap<String, Vec<u8>>, HistoryError> {
        let mut out = BTreeMap::new();
        for (name, dir, id) in self.entries(tree)? {
            if dir && (name == "kaz" || name == "rus") {
                for (part, pdir, pid) in self.entries(id)? {
                    if !pdir && part.ends_with(".md") {
                        out.insert(format!("{name}/{part}"), self.blob(pid)?);
                    }
                }
            } else if !dir && (is_text(&name) || name == "meta.yaml") {
                out.insert(name, self.blob(id)?);
            }
        }
        Ok(out)
    }

    /// Whether an act's folder holds a text, and its `meta.yaml` (the only file read), as
    /// [`Reader::folder_files`] would give it.
    fn folder_meta(
        &self,
        tree: ObjectId,
    ) -> Result<(bool, BTreeMap<String, Vec<u8>>), HistoryError> {
        let mut has_text = false;
        let mut meta = BTreeMap::new();
        for (name, dir, id) in self.entries(tree)? {
            if dir && (name == "kaz" || name == "rus") {
                has_text |= self
                    .entries(id)?
                    .iter()
                    .any(|(part, pdir, _)| !pdir && part.ends_with(".md"));
            } else if !dir && is_text(&name) {
                has_text = true;
            } else if !dir && name == "meta.yaml" {
                meta.insert(name, self.blob(id)?);
            }
        }
        Ok((has_text, meta))
    }

    /// Every act folder under `tree` (one holding `kaz.md` or `rus.md`), with its tree.
    fn act_folders(
        &self,
        tree: ObjectId,
        prefix: String,
        out: &mut Vec<(String, ObjectId)>,
    ) -> Result<(), HistoryError> {
        let entries = self.entries(tree)?;
        if !prefix.is_empty() && entries.iter().any(|(n, d, _)| !d && is_text(n)) {
            out.push((prefix, tree));
            return Ok(());
        }
        for (name, dir, id) in entries {
            if dir && !name.starts_with('.') {
                let p = if prefix.is_empty() {
                    name
                } else {
                    format!("{prefix}/{name}")
                };
                self.act_folders(id, p, out)?;
            }
        }
        Ok(())
    }
}

/// The amending act a commit message's trailers name (`Cause-Act-Code`,
/// `Cause-Act-Requisite`).
fn cause_of(message: &gix::bstr::BStr) -> Option<Cause> {
    let msg = gix::objs::commit::MessageRef::from_bytes(message);
    let body = msg.body()?;
    let mut code = None;
    let mut requisite = None;
    for t in body.trailers() {
        let token = t.token.to_string();
        if token.eq_ignore_ascii_case("Cause-Act-Code") {
            code = Some(t.value.to_string());
        } else if token.eq_ignore_ascii_case("Cause-Act-Requisite") {
            requisite = Some(t.value.to_string());
        }
    }
    (code.is_some() || requisite.is_some()).then_some(Cause { code, requisite })
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_folders_and_placeholders() {
        assert_eq!(text_folder("a/b/kaz.md").as_deref(), Some("a/b"));
        assert_eq!(text_folder("a/b/rus/sec001.md").as_deref(), Some("a/b"));
        assert_eq!(text_folder("a/b/meta.yaml"), None);
        assert_eq!(text_folder("README.md"), None);
        let day = NaiveDate::from_ymd_opt(2024, 1, 1);
        let p = placeholder_date;
        assert_eq!(
            p("5-1. 01.01.2024 бастап қолданысқа енгізіледі – ҚР …"),
            day
        );
        assert_eq!(
            p("### 12-1-бап. 01.01.2024 бастап қолданысқа енгізіледі"),
            day
        );
        assert_eq!(p("5-1. Вводится в действие с 01.01.2024"), day);
        assert_eq!(p("5-1. Үкімет бағдарламаларды бекітеді."), None);
    }

    /// A commit's `meta.yaml` is read as ingestion reads a folder's: the act's code as a
    /// string or a number, the edition date in Kazakh, else Russian, else plain.
    #[test]
    fn a_commits_meta_yaml() {
        let files =
            |yaml: &str| BTreeMap::from([("meta.yaml".to_string(), yaml.as_bytes().to_vec())]);
        let f = files("act_code: '104316'\nversion_date:\n  rus: 2022-11-06\n  kaz: 2022-11-05\n");
        assert_eq!(act_code("codes/x-1", &f).as_deref(), Some("104316"));
        assert_eq!(meta_version_date(&f), NaiveDate::from_ymd_opt(2022, 11, 5));
        let f = files("act_code: 104316\nversion_date:\n  rus: 2022-11-06\n");
        assert_eq!(act_code("codes/x-1", &f).as_deref(), Some("104316"));
        assert_eq!(meta_version_date(&f), NaiveDate::from_ymd_opt(2022, 11, 6));
        let f = files("version_date: 2019-01-02\n");
        assert_eq!(meta_version_date(&f), NaiveDate::from_ymd_opt(2019, 1, 2));
        // No code, or a file that is no mapping: the number ending the folder's name.
        assert_eq!(act_code("codes/gov-104316", &f).as_deref(), Some("104316"));
        let f = files("- act_code: '1'\n");
        assert_eq!(act_code("codes/gov-104316", &f).as_deref(), Some("104316"));
        assert_eq!(meta_version_date(&f), None);
        // Nesting past the bound is not parsed at all.
        let f = files(&format!("act_code: '7'\nx: {}\n", "[".repeat(70)));
        assert_eq!(act_code("codes/gov-104316", &f).as_deref(), Some("104316"));
    }
}

//! The lexicon stored with the index ([`crate::lexicon`]): learned from the acts of a commit
//! that have both a Kazakh and a Russian expression, and written beside that commit in its
//! generation folder (`zanlex-lexicon.json`), which names the commit it was learned from (its
//! segments and their deletions). A reader takes the file when it names the commit it reads,
//! and otherwise (an index written before lexicons, a process killed between the commit and
//! the file, a reader on an older commit) learns the lexicon again from the index, once per
//! commit: a search never uses a lexicon of other texts than it searches.
//!
//! Beside it go the counts it was learned from (`zanlex-lexicon-counts.bin`), naming the same
//! commit. The counts are sums over aligned units, so a refresh that rewrites a few acts takes
//! their old texts away and adds the new ones: its work grows with the acts it rewrote and the
//! terms the corpus has, not with every act's stored text. What a refresh takes away and adds
//! is appended to a log beside the counts (`zanlex-lexicon-counts.log`) rather than the counts
//! written again: a national corpus has tens of millions of term pairs, and a refresh changes
//! a few hundred. The counts are written whole again when the log has grown to a fraction of
//! them.

use super::{Fields, Store};
use crate::lexicon::learn::Learner;
use crate::lexicon::Lexicon;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use tantivy::{Index, Searcher};

/// The file's name in a generation folder.
pub(crate) const LEXICON_FILE: &str = "zanlex-lexicon.json";

/// The version of the file's layout; a file of another is learned again.
const FORMAT: u32 = 1;

/// What the file holds.
#[derive(Serialize, Deserialize)]
struct StoredLexicon {
    format: u32,
    /// The commit learned from ([`commit_key`]).
    commit: String,
    lexicon: Lexicon,
}

/// A commit's key: its segments and how many documents each has deleted, in order.
fn commit_key(searcher: &Searcher) -> String {
    let mut segments: Vec<String> = searcher
        .segment_readers()
        .iter()
        .map(|s| format!("{}:{}", s.segment_id().uuid_string(), s.num_deleted_docs()))
        .collect();
    segments.sort();
    segments.join(",")
}

/// The ids of the acts in `store` with both a Kazakh and a Russian expression, in order.
///
/// Read from the act-id terms and the postings of the act documents of each language, so no
/// stored act is opened: a corpus in one language finds none at the cost of a walk over its
/// postings.
fn bilingual_acts(store: &Store) -> crate::Result<Vec<String>> {
    use tantivy::query::{EnableScoring, Query};
    use tantivy::{DocSet, TERMINATED};
    let searcher = store.searcher();
    let f = &store.fields;
    let of_lang = |lang| super::of_type(f, super::DOC_ACT, None, Some(lang));
    let weights = [
        of_lang(crate::model::Lang::Kk).weight(EnableScoring::disabled_from_searcher(&searcher))?,
        of_lang(crate::model::Lang::Ru).weight(EnableScoring::disabled_from_searcher(&searcher))?,
    ];
    // Per id, whether it has an act document in Kazakh and in Russian.
    let mut languages: BTreeMap<String, [bool; 2]> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        // Each language's live act documents of this segment.
        let mut acts = [
            vec![false; segment.max_doc() as usize],
            vec![false; segment.max_doc() as usize],
        ];
        for (weight, docs) in weights.iter().zip(acts.iter_mut()) {
            let mut scorer = weight.scorer(segment, 1.0)?;
            let mut doc = scorer.doc();
            while doc != TERMINATED {
                if !segment.is_deleted(doc) {
                    docs[doc as usize] = true;
                }
                doc = scorer.advance();
            }
        }
        let ids = segment.inverted_index(f.act_id)?;
        let mut terms = ids.terms().stream()?;
        while terms.advance() {
            let mut postings = ids.read_postings_from_terminfo(
                terms.value(),
                tantivy::schema::IndexRecordOption::Basic,
            )?;
            let mut has = [false; 2];
            let mut doc = postings.doc();
            while doc != TERMINATED && !(has[0] && has[1]) {
                for (lang, docs) in acts.iter().enumerate() {
                    has[lang] |= docs[doc as usize];
                }
                doc = postings.advance();
            }
            if has[0] || has[1] {
                let id = String::from_utf8_lossy(terms.key()).into_owned();
                let seen = languages.entry(id).or_default();
                seen[0] |= has[0];
                seen[1] |= has[1];
            }
        }
    }
    Ok(languages
        .into_iter()
        .filter(|(_, has)| has[0] && has[1])
        .map(|(id, _)| id)
        .collect())
}

/// Counts the act `id` of `store` into `learner`, when `store` has it in
/// both languages.
fn count_act(store: &Store, id: &str, learner: &mut Learner) -> crate::Result<()> {
    // Kazakh first ([`Store::expressions`]).
    if let [kk, ru] = store.expressions(id)?.as_slice() {
        learner.add_act(kk, ru);
    }
    Ok(())
}

/// Counts the acts in `store` that have both expressions.
fn count_all(store: &Store) -> crate::Result<Learner> {
    let mut learner = Learner::default();
    for id in bilingual_acts(store)? {
        count_act(store, &id, &mut learner)?;
    }
    Ok(learner)
}

/// Learns the lexicon of the acts in `store` that have both expressions.
pub(crate) fn learn(store: &Store) -> crate::Result<Lexicon> {
    Ok(count_all(store)?.finish())
}

/// The learner's counts kept beside a commit in its generation folder ([`COUNTS_FILE`]), so
/// that a refresh that rewrites a few acts updates them instead of counting every act again.
///
/// Written as its head and the learner by [`Learner::write_packed`]; a file of
/// [`WHOLE_FORMAT`], which earlier versions wrote, is this struct in postcard (which frames no
/// struct, so the head's fields are read as they were written, first).
#[derive(Serialize, Deserialize)]
struct StoredCounts {
    head: CountsHead,
    learner: Learner,
}

/// What a counts file says of its counts, first.
#[derive(Serialize, Deserialize)]
struct CountsHead {
    format: u32,
    /// The commit counted ([`commit_key`]).
    commit: String,
    /// Refreshes that updated the counts since every act was last counted.
    updates: u32,
}

/// The counts file's name in a generation folder.
pub(crate) const COUNTS_FILE: &str = "zanlex-lexicon-counts.bin";

/// The version of the counts file's layout: the pairs packed as they are kept in memory, read
/// straight into their buffers. Counts of a layout other than this one or [`WHOLE_FORMAT`]
/// are made again.
const COUNTS_FORMAT: u32 = 3;

/// The layout before [`COUNTS_FORMAT`]: [`StoredCounts`] whole in postcard, every pair
/// decoded on reading. Still read, so that an index made before is not counted again.
const WHOLE_FORMAT: u32 = 2;

/// The counts kept in the file at `path`, of either layout, and the file's size.
fn read_counts_file(path: &Path) -> Option<(StoredCounts, u64)> {
    use std::io::{Read, Seek};
    let mut file = std::fs::File::open(path).ok()?;
    // Both layouts start with their format, a postcard integer: one byte below 128.
    let mut format = [0u8];
    file.read_exact(&mut format).ok()?;
    file.rewind().ok()?;
    match u32::from(format[0]) {
        COUNTS_FORMAT => {
            let (head, learner) = Learner::read_packed::<CountsHead>(&mut file)
                .inspect_err(|e| {
                    log::warn!(
                        "{}: {e}; the lexicon's counts are made again",
                        path.display()
                    )
                })
                .ok()?;
            let file_len = file.metadata().ok()?.len();
            (head.format == COUNTS_FORMAT).then_some((StoredCounts { head, learner }, file_len))
        }
        WHOLE_FORMAT => {
            // Read whole rather than through a reader: postcard decodes a slice far faster
            // than a reader it takes a byte at a time from. (`fs::read` sizes the buffer
            // once, from the file's length.)
            drop(file);
            let bytes = std::fs::read(path).ok()?;
            let counts = postcard::from_bytes::<StoredCounts>(&bytes)
                .ok()
                .filter(|s| s.head.format == WHOLE_FORMAT)?;
            Some((counts, bytes.len() as u64))
        }
        _ => None,
    }
}

/// The log of updates to the counts since the counts file was written, beside it: each update
/// framed by its length and its crc32 (little-endian `u32`s), then [`CountsUpdate`].
pub(crate) const COUNTS_LOG: &str = "zanlex-lexicon-counts.log";

/// One refresh's update of the counts, as the log keeps it: counting the acts the refresh
/// took away and those it wrote gives the same counts in whatever process reads them.
#[derive(Serialize, Deserialize)]
struct CountsUpdate {
    /// The commit the counts were of ([`commit_key`]).
    from: String,
    /// The commit they are of after it.
    to: String,
    /// The counts of the acts taken away, as they were.
    removed: Learner,
    /// The counts of the acts written.
    added: Learner,
}

/// The counts of `commit` as kept in `gen`: the counts file with each update the log holds
/// from the file's commit on, in order. With them, the size of the counts file and how much
/// of the log led to them (what a next update goes after). `None` when they cannot be read or
/// do not reach `commit`.
fn read_counts(gen: &Path, commit: &str) -> Option<(StoredCounts, u64, u64)> {
    let (mut counts, file_len) = read_counts_file(&gen.join(COUNTS_FILE))?;
    let mut led = 0;
    if counts.head.commit != commit {
        let log = std::fs::read(gen.join(COUNTS_LOG)).unwrap_or_default();
        let mut rest = log.as_slice();
        // Updates stop at the first frame that is not whole: one a killed process left half
        // written, which nothing has relied on since.
        while let Some((update, after)) = next_update(rest) {
            rest = after;
            // An update of an earlier counts file is left where it is; the next write drops it.
            if update.from == counts.head.commit {
                counts.learner.remove_counts(&update.removed).ok()?;
                counts.learner.add_counts(&update.added);
                counts.head.commit = update.to;
                counts.head.updates += 1;
                led = (log.len() - rest.len()) as u64;
                if counts.head.commit == commit {
                    break;
                }
            }
        }
    }
    (counts.head.commit == commit).then_some((counts, file_len, led))
}

/// The first update framed in `log`, and what follows it; `None` when no whole one starts it.
fn next_update(log: &[u8]) -> Option<(CountsUpdate, &[u8])> {
    let (len, rest) = log.split_first_chunk::<4>()?;
    let (crc, rest) = rest.split_first_chunk::<4>()?;
    let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
    let body = rest.get(..len)?;
    if crc32fast::hash(body) != u32::from_le_bytes(*crc) {
        return None;
    }
    Some((postcard::from_bytes(body).ok()?, &rest[len..]))
}

/// `update` framed for the log.
fn framed(update: &CountsUpdate) -> Result<Vec<u8>, String> {
    let body = postcard::to_stdvec(update).map_err(|e| e.to_string())?;
    let len = u32::try_from(body.len()).map_err(|_| "an update of the counts over 4 GB")?;
    let mut frame = Vec::with_capacity(body.len() + 8);
    frame.extend_from_slice(&len.to_le_bytes());
    frame.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    frame.extend_from_slice(&body);
    Ok(frame)
}

/// Appends `frame` to the log in `gen` after its first `led` bytes (what is after them leads
/// nowhere: a half-written frame, or updates of other counts), synced.
fn append_to_log(gen: &Path, led: u64, frame: &[u8]) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    let mut log = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(gen.join(COUNTS_LOG))?;
    log.set_len(led)?;
    log.seek(SeekFrom::Start(led))?;
    log.write_all(frame)?;
    log.sync_data()
}

/// What a write into a commit changed, for [`write_beside`] to update the stored counts from.
pub(super) struct Change {
    /// The index as it was before the write (its reader still on the commit before).
    pub before: Store,
    /// The counts kept for that commit, read while the write went on.
    pub counts: CountsAhead,
    /// The ids of the acts whose documents the write deleted or added.
    pub acts: std::collections::HashSet<String>,
}

/// The counts kept for a commit, read on a thread of their own while a write into that commit
/// goes on: reading them decodes tens of millions of pairs at national scale, and the write
/// reads and parses files meanwhile. No write touches them before [`write_beside`].
pub(super) struct CountsAhead {
    /// The commit whose counts are read ([`commit_key`]).
    commit: String,
    /// The thread reading them; `None` when none could be started (they are read when needed).
    reading: Option<std::thread::JoinHandle<Option<(StoredCounts, u64, u64)>>>,
}

impl CountsAhead {
    /// Starts reading the counts kept in `gen` for the commit `before` reads.
    pub(super) fn start(before: &Store, gen: &Path) -> Self {
        let commit = commit_key(&before.searcher());
        let (of, gen) = (commit.clone(), gen.to_path_buf());
        let reading = std::thread::Builder::new()
            .name("zanlex-counts".into())
            .spawn(move || read_counts(&gen, &of))
            .ok();
        CountsAhead { commit, reading }
    }

    /// The commit, with the counts [`read_counts`] gives for it once read.
    fn wait(self, gen: &Path) -> (String, Option<(StoredCounts, u64, u64)>) {
        let counts = match self.reading {
            // A thread that panicked read nothing: the counts are made again.
            Some(reading) => reading.join().ok().flatten(),
            None => read_counts(gen, &self.commit),
        };
        (self.commit, counts)
    }
}

/// The counts kept for the commit `change` was made on, with the acts it rewrote taken away
/// as that commit had them; `None` when none were kept for that commit, or they were not
/// those of its acts.
fn updated(change: Change, gen: &Path) -> crate::Result<Option<Updated>> {
    let (commit, counts) = change.counts.wait(gen);
    let Some((mut stored, file_len, led)) = counts else {
        return Ok(None);
    };
    let mut acts: Vec<&String> = change.acts.iter().collect();
    acts.sort();
    let mut removed = Learner::default();
    for id in acts {
        count_act(&change.before, id, &mut removed)?;
    }
    if stored.learner.remove_counts(&removed).is_err() {
        log::warn!(
            "the lexicon's stored counts are not those of the acts refreshed; counting again"
        );
        return Ok(None);
    }
    stored.head.updates += 1;
    Ok(Some(Updated {
        stored,
        from: commit,
        removed,
        file_len,
        led,
    }))
}

/// The counts [`updated`] gives, with what the log needs to record the update.
struct Updated {
    stored: StoredCounts,
    /// The commit the counts were of.
    from: String,
    /// The counts it took away.
    removed: Learner,
    /// The size of the counts file.
    file_len: u64,
    /// The length of the log that led to the counts.
    led: u64,
}

/// Writes `name` in `gen` with `write`, through a temporary file, synced, renamed over the
/// last.
fn replace_file(
    gen: &Path,
    name: &str,
    write: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = gen.join(format!(".tmp-{name}"));
    let file = std::fs::File::create(&tmp)?;
    let mut out = std::io::BufWriter::new(&file);
    write(&mut out)?;
    out.flush()?;
    drop(out);
    file.sync_all()?;
    std::fs::rename(&tmp, gen.join(name))
}

/// Writes the lexicon of the last commit of `index` into its generation folder `gen`, with
/// the counts it was learned from. `written` holds the counts of the acts that commit wrote:
/// for a new generation, every act. After a write into an earlier commit (`change`), the counts
/// stored with that commit lose the acts the write took away and gain `written`; when they
/// cannot (none stored for that commit, or not of its acts), every act is read back and
/// counted. A lexicon that cannot be written is left to readers to learn: the commit stands,
/// and the reason is logged.
pub(super) fn write_beside(
    index: &Index,
    fields: &Fields,
    gen: &Path,
    written: Learner,
    change: Option<Change>,
) {
    let written = (|| -> crate::Result<()> {
        let store = Store::from_parts(gen, index.clone(), fields.clone(), None)?;
        let commit = commit_key(&store.searcher());
        let in_words = |e: &dyn std::fmt::Display| crate::error::index_err(gen, e.to_string());
        let (learner, updates, logged) = match change {
            None => (written, 0, false),
            Some(change) => match updated(change, gen)? {
                None => (count_all(&store)?, 0, false),
                Some(mut update) => {
                    update.stored.learner.add_counts(&written);
                    let frame = framed(&CountsUpdate {
                        from: update.from,
                        to: commit.clone(),
                        removed: update.removed,
                        added: written,
                    })
                    .map_err(|e| in_words(&e))?;
                    // The update goes to the log when it fits; otherwise the counts are written,
                    // as they are when the file is of the layout before (so an index made
                    // before reads its counts packed from its first refresh on).
                    let fits = update.stored.head.format == COUNTS_FORMAT
                        && update.led + frame.len() as u64 <= super::changes_share(update.file_len);
                    if fits {
                        append_to_log(gen, update.led, &frame)?;
                    }
                    (update.stored.learner, update.stored.head.updates, fits)
                }
            },
        };
        let counts = StoredCounts {
            head: CountsHead {
                format: COUNTS_FORMAT,
                commit,
                updates,
            },
            learner,
        };
        let stored = StoredLexicon {
            format: FORMAT,
            commit: counts.head.commit.clone(),
            lexicon: counts.learner.finish(),
        };
        let json = serde_json::to_vec(&stored).map_err(|e| in_words(&e))?;
        // The counts first: counts that reach this commit are its acts' counts, whether or not
        // the lexicon is written after them.
        if !logged {
            // Written as the pairs are merged with their changes, not first made whole.
            replace_file(gen, COUNTS_FILE, |out| {
                counts.learner.write_packed(&counts.head, out)
            })?;
            // Its updates are of the counts written before: none would be read again.
            match std::fs::remove_file(gen.join(COUNTS_LOG)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                _ => {}
            }
        }
        replace_file(gen, LEXICON_FILE, |out| {
            std::io::Write::write_all(out, &json)
        })?;
        Ok(())
    })();
    if let Err(e) = written {
        log::warn!("the lexicon could not be stored with the index ({e}); searches learn it");
    }
}

impl Store {
    /// The Kazakh↔Russian lexicon of the texts this index searches: the one stored with its
    /// commit, or learned again from its acts when none names this commit; once per commit.
    pub fn lexicon(&self) -> crate::Result<Arc<Lexicon>> {
        let searcher = self.searcher();
        self.per_generation(&searcher, || {
            use tantivy::Directory;
            let commit = commit_key(&searcher);
            let stored = self
                .index
                .directory()
                .atomic_read(Path::new(LEXICON_FILE))
                .ok()
                .and_then(|bytes| serde_json::from_slice::<StoredLexicon>(&bytes).ok())
                .filter(|s| s.format == FORMAT && s.commit == commit);
            match stored {
                Some(mut s) => {
                    s.lexicon.reindex();
                    Ok(s.lexicon)
                }
                None => self.guarded(|| learn(self)),
            }
        })
    }
}

#[cfg(test)]
#[path = "lexicon_tests.rs"]
mod tests;

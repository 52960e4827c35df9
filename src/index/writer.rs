//! The index writer: its threads and memory, its merge policy, and the back-pressure that
//! keeps the documents handed to it and not yet indexed few.

use super::build::BuildOptions;
use super::docs::{act_documents, IndexDoc};
use super::manifest::{encode_manifest, is_manifest_file, manifest_files_of, Manifest, Over};
use super::refresh_cache::KnownManifest;
use super::schema::{build_schema, Fields};
use crate::error::index_err;
use crate::model::Act;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use tantivy::{Index, IndexWriter, Term};

/// Memory for each indexing thread's postings before it writes a segment.
const WRITER_BUDGET_PER_THREAD: usize = 100_000_000;

/// Segments with at most this many live documents are merged (four at a time); a full
/// segment holds about ten times as many.
const SMALL_SEGMENT_DOCS: usize = 10_000;

/// A full build's segments are merged at its end into segments of at most this many documents
/// (in the order tantivy lists them): a query pays each segment's term look-ups, unions and
/// scorers, so a large corpus's many segments cost its word queries CPU (see
/// docs/performance.md). A merge maps the segments it reads, which count as resident memory:
/// the bound keeps that near what the indexing threads use.
const MERGED_SEGMENT_DOCS: u32 = 500_000;

/// The cores this process may run on.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// How many threads index documents: one a core, at most four.
fn indexing_threads() -> usize {
    cores().clamp(1, 4)
}

/// Creates an empty index with zanlex's schema and analyzers in `dir`: whoever creates it calls
/// [`super::swap::make_durable`] once it is complete.
pub(crate) fn create_index(dir: &Path) -> crate::Result<(Index, Fields)> {
    std::fs::create_dir_all(dir)
        .map_err(|e| index_err(dir, format!("cannot create the folder: {e}")))?;
    let (schema, fields) = build_schema();
    let settings = tantivy::IndexSettings {
        // A thread of its own compresses each segment's doc store, beside its indexing thread:
        // worth it only on a core that indexing leaves free.
        docstore_compress_dedicated_thread: indexing_threads() < cores(),
        ..tantivy::IndexSettings::default()
    };
    let directory =
        super::directory::GenerationDirectory::open(dir).map_err(|e| index_err(dir, e))?;
    let index = Index::create(directory, schema, settings).map_err(|e| index_err(dir, e))?;
    crate::analysis::register_analyzers(&index);
    Ok((index, fields))
}

fn new_writer(index: &Index, dir: &Path) -> crate::Result<IndexWriter<Queued>> {
    let threads = indexing_threads();
    // Each indexing thread flushes a segment when its postings reach the memory budget (about
    // 110 000 unit documents). While documents come in, merging such segments would rewrite
    // them more than once, so the policy only gathers small segments: the partial ones of
    // commits and incremental refreshes, and a large one whose documents were mostly deleted;
    // a full build merges its segments once at its end (`merge_full_build`, see
    // docs/performance.md).
    let options = tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(threads)
        .memory_budget_per_thread(WRITER_BUDGET_PER_THREAD)
        .num_merge_threads(1)
        .build();
    let writer = index.writer_with_options(options).map_err(|e| match e {
        tantivy::TantivyError::LockFailure(..) => index_err(
            dir,
            "another zanlex process is updating this index; wait for it and retry",
        ),
        e => index_err(dir, e),
    })?;
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_min_num_segments(4);
    policy.set_max_docs_before_merge(SMALL_SEGMENT_DOCS);
    writer.set_merge_policy(Box::new(policy));
    Ok(writer)
}

/// What a writer tells of its progress: the build's [`super::build::Progress`], if any.
#[derive(Debug)]
struct Told(Option<std::sync::Arc<dyn super::build::Progress>>);

impl Told {
    fn stage(&self, name: &str, total: u64) {
        if let Some(p) = &self.0 {
            p.stage(name, total);
        }
    }

    fn advance(&self, n: u64) {
        if let Some(p) = &self.0 {
            p.advance(n);
        }
    }

    fn finish(&self) {
        if let Some(p) = &self.0 {
            p.finish();
        }
    }
}

/// Writes documents for `acts` into the new index `index` and commits with `manifest` as
/// payload. Returns the number of unit documents written.
#[cfg(test)]
pub(super) fn write_acts(
    index: &Index,
    fields: &Fields,
    dir: &Path,
    acts: Vec<Act>,
    manifest: &Manifest,
    opts: &BuildOptions,
) -> crate::Result<usize> {
    let mut w = ActWriter::new(index, fields, dir, opts, acts.len() as u64, true)?;
    w.add(acts)?;
    w.commit(manifest.clone(), None).map(|(units, _)| units)
}

/// An index writer fed acts a chunk at a time (as ingestion hands them over), committed once
/// with the manifest at the end.
pub(super) struct ActWriter<'a> {
    writer: IndexWriter<Queued>,
    backlog: Arc<Backlog>,
    fields: &'a Fields,
    dir: &'a Path,
    told: Told,
    units: usize,
    /// The index was empty when the writer opened: there is nothing to delete.
    fresh: bool,
    /// Ids of the acts written by this writer (unless `fresh`): their old documents are gone
    /// already, and their new ones must not be deleted.
    written: std::collections::HashSet<String>,
}

impl<'a> ActWriter<'a> {
    pub(super) fn new(
        index: &Index,
        fields: &'a Fields,
        dir: &'a Path,
        opts: &BuildOptions,
        len: u64,
        fresh: bool,
    ) -> crate::Result<Self> {
        let writer = new_writer(index, dir)?;
        let told = Told(opts.progress.clone());
        told.stage("indexing", len);
        Ok(ActWriter {
            writer,
            backlog: Arc::default(),
            fields,
            dir,
            told,
            units: 0,
            fresh,
            written: Default::default(),
        })
    }

    /// Deletes the documents of act `id` (of all its editions, whatever their files), unless
    /// this writer wrote them. Documents are deleted by act, not by file: an act's documents
    /// may come from other files than its own (older editions, versions applied from an
    /// amending act), and another act's changes must not take them away.
    pub(super) fn delete_act(&mut self, id: &str) {
        if !self.fresh && !self.written.contains(id) {
            self.writer
                .delete_term(Term::from_field_text(self.fields.act_id, id));
        }
    }

    pub(super) fn add(&mut self, mut acts: Vec<Act>) -> crate::Result<()> {
        use rayon::prelude::*;
        if !self.fresh {
            for a in &acts {
                self.delete_act(&a.id);
                self.written.insert(a.id.clone());
            }
        }
        let fields = self.fields;
        // Documents are built in parallel a chunk of acts at a time and handed to the writer
        // before the next chunk is built, so memory holds one chunk of documents.
        const ACTS_PER_CHUNK: usize = 64;
        for chunk in acts.chunks_mut(ACTS_PER_CHUNK) {
            let per_act: Vec<Vec<IndexDoc>> = chunk
                .par_iter_mut()
                .map(|a| act_documents(a, fields))
                .collect::<crate::Result<_>>()?;
            // Unit documents before the chunk's act documents (their JSON is still tens of KB):
            // a unit's doc-store block then rarely has to decompress an act to print a hit.
            // Each act's unit documents go to the indexing threads as one batch: sent one by
            // one, the full queue woke this thread for every document an indexing thread
            // took. The backlog keeps the documents in flight as few as the queue of single
            // documents did.
            let mut act_docs = Vec::with_capacity(per_act.len());
            for docs in per_act {
                let mut docs = docs.into_iter();
                act_docs.extend(docs.next());
                let batch: Vec<IndexDoc> = docs.collect();
                self.units += batch.len();
                self.send(batch)?;
                self.told.advance(1);
            }
            // Each act document goes alone, so both indexing threads take some: as one batch
            // they went to one thread, whose segment then held fewer unit documents, and the
            // other serialized its larger segment alone at the end of the build.
            for doc in act_docs {
                self.send(vec![doc])?;
            }
        }
        Ok(())
    }

    /// Hands `docs` to the indexing threads as one batch, once the backlog has room.
    fn send(&mut self, docs: Vec<IndexDoc>) -> crate::Result<()> {
        use tantivy::indexer::UserOperation;
        self.backlog.wait_for_room();
        let ops: Vec<UserOperation<Queued>> = docs
            .into_iter()
            .map(|doc| {
                UserOperation::Add(Queued {
                    doc,
                    _ticket: Ticket::new(&self.backlog),
                })
            })
            .collect();
        self.writer.run(ops).map_err(|e| index_err(self.dir, e))?;
        Ok(())
    }

    /// Commits with `manifest` (written as its changes `over` the whole manifest in force,
    /// when they are given and small enough): its file is written into the generation folder
    /// first, made durable, then named by the commit's payload; the files earlier commits
    /// named and this one does not are removed after. Returns the number of unit documents
    /// written, and the manifest as the commit holds it.
    pub(super) fn commit(
        mut self,
        manifest: Manifest,
        over: Option<Over<'_>>,
    ) -> crate::Result<(usize, KnownManifest)> {
        let dir = self.dir;
        self.told.stage("committing", 0);
        let encoded = encode_manifest(&manifest, over).map_err(|e| index_err(dir, e))?;
        write_durably(&dir.join(&encoded.file_name), &encoded.bytes)
            .map_err(|e| index_err(dir, format!("cannot write its manifest: {e}")))?;
        if self.fresh {
            // The build's own merge below takes every segment; a merge the policy started
            // would hold some of them.
            self.writer
                .set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        }
        let mut prepared = self
            .writer
            .prepare_commit()
            .map_err(|e| index_err(dir, e))?;
        prepared.set_payload(&encoded.payload);
        prepared.commit().map_err(|e| index_err(dir, e))?;
        if self.fresh {
            merge_full_build(&mut self.writer).map_err(|e| index_err(dir, e))?;
        }
        self.writer
            .wait_merging_threads()
            .map_err(|e| index_err(dir, e))?;
        // Only a refresh reads a manifest, under the write lock this writer holds: the
        // files of earlier commits have no reader left. One not removed now goes next time.
        let named = manifest_files_of(&encoded.payload);
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if is_manifest_file(&name) && !named.contains(&&*name) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
        self.told.finish();
        let known = KnownManifest {
            payload: encoded.payload,
            manifest,
            layers: Some(encoded.layers),
        };
        Ok((self.units, known))
    }
}

/// Merges the segments a full build committed into as few as hold at most
/// [`MERGED_SEGMENT_DOCS`] documents each; a merge keeps the commit's payload.
fn merge_full_build(writer: &mut IndexWriter<Queued>) -> tantivy::Result<()> {
    let metas = writer.index().searchable_segment_metas()?;
    let mut groups: Vec<Vec<tantivy::index::SegmentId>> = Vec::new();
    let mut docs = 0;
    for meta in metas {
        match groups.last_mut() {
            Some(group) if docs + meta.num_docs() <= MERGED_SEGMENT_DOCS => {
                docs += meta.num_docs();
                group.push(meta.id());
            }
            _ => {
                docs = meta.num_docs();
                groups.push(vec![meta.id()]);
            }
        }
    }
    for group in groups.iter().filter(|g| g.len() > 1) {
        writer.merge(group).wait()?;
    }
    Ok(())
}

/// Documents handed to the indexing threads and not yet indexed, at most [`Backlog::HIGH`]:
/// tantivy's queue holds 10 000 batches whatever their size, and documents are built faster
/// than they are indexed, so without a bound the queue would hold a whole 100 MB corpus.
#[derive(Default)]
struct Backlog {
    in_flight: AtomicUsize,
    lock: Mutex<()>,
    room: Condvar,
}

impl Backlog {
    /// Sending waits above this many documents in flight...
    const HIGH: usize = 10_000;
    /// ... until they are down to this many.
    const LOW: usize = Self::HIGH / 2;
    /// The longest wait for room (a segment is written in about a second).
    const MAX_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

    fn wait_for_room(&self) {
        if self.in_flight.load(Ordering::Acquire) <= Self::HIGH {
            return;
        }
        let guard = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
        // A document indexed meanwhile notifies under the lock: no wake-up is lost. The wait
        // is bounded all the same: should the indexing threads have stopped, sending is what
        // reports their error.
        let _guard = self
            .room
            .wait_timeout_while(guard, Self::MAX_WAIT, |_| {
                self.in_flight.load(Ordering::Acquire) > Self::LOW
            })
            .unwrap_or_else(PoisonError::into_inner);
    }
}

/// A document's place in the [`Backlog`], given back when tantivy drops the document (indexed,
/// or thrown away with the writer).
struct Ticket(Arc<Backlog>);

impl Ticket {
    fn new(backlog: &Arc<Backlog>) -> Self {
        backlog.in_flight.fetch_add(1, Ordering::AcqRel);
        Ticket(Arc::clone(backlog))
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let before = self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
        if before == Backlog::LOW + 1 {
            let _guard = self.0.lock.lock().unwrap_or_else(PoisonError::into_inner);
            self.0.room.notify_one();
        }
    }
}

/// An [`IndexDoc`] on its way through the indexing threads.
struct Queued {
    doc: IndexDoc,
    _ticket: Ticket,
}

impl tantivy::schema::Document for Queued {
    type Value<'a> = <IndexDoc as tantivy::schema::Document>::Value<'a>;
    type FieldsValuesIter<'a> = <IndexDoc as tantivy::schema::Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }
}

/// Writes `bytes` to a new file at `path` and makes it, and its folder's entry, durable.
fn write_durably(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    match path.parent() {
        Some(folder) => super::durable::sync_folder(folder),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sending waits while more than `HIGH` documents are in flight, and goes on once the
    /// indexing side has dropped them down to `LOW`.
    #[test]
    fn backlog_waits_for_indexed_documents() {
        let backlog = Arc::new(Backlog::default());
        let mut tickets: Vec<Ticket> = (0..=Backlog::HIGH).map(|_| Ticket::new(&backlog)).collect();
        assert_eq!(backlog.in_flight.load(Ordering::Acquire), Backlog::HIGH + 1);
        let indexer = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            // Dropped one by one, as an indexing thread does.
            while tickets.len() > Backlog::LOW / 2 {
                tickets.pop();
            }
            tickets
        });
        backlog.wait_for_room();
        assert!(backlog.in_flight.load(Ordering::Acquire) <= Backlog::LOW);
        let rest = indexer.join().unwrap();
        drop(rest);
        assert_eq!(backlog.in_flight.load(Ordering::Acquire), 0);
    }
}

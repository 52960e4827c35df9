//! Building and refreshing the index from a corpus folder.
//!
//! The manifest (each source file's sha256, size and mtime, and a hash of the acts made from
//! it) travels in the tantivy commit's payload, so it changes atomically with the documents:
//! an interrupted run leaves the previous commit, manifest included, in force. A full rebuild
//! (new index, changed schema or analyzers) is written to a sibling folder and swapped in.

use super::docs::{act_documents, IndexDoc};
use super::layout::IndexDir;
use super::schema::{build_schema, Fields, SCHEMA_VERSION};
use crate::model::Act;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::UNIX_EPOCH;
use tantivy::{Index, IndexWriter, Term};

/// What the index knows about one source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// sha256 of the file's bytes (and of its `.meta.toml` sidecar, when it has one).
    pub sha256: String,
    pub size: u64,
    pub mtime_ns: u128,
    /// sha256 of the JSON of the acts made from the file (they change when linking changes).
    pub acts_hash: String,
    pub acts: Vec<String>,
    /// Why the file could not be ingested, when it could not.
    pub failure: Option<String>,
    /// What the file's act links by, as the build that read the file found it: a refresh
    /// reads again the files linked to a changed one, and leaves the others as they are
    /// (empty links for a file that gave no act; `None` in a manifest written before links
    /// were recorded, whose next refresh reads every file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<crate::ingest::FileLinks>,
}

/// The record of what an index was built from; stored in the commit payload.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema: u32,
    /// Tokens of a probe text under each analyzer: a changed analyzer forces a rebuild.
    pub analyzers: String,
    pub zanlex: String,
    /// By path relative to the corpus folder's parent (`corpus/003_….txt`).
    pub files: BTreeMap<String, FileEntry>,
    /// The version of the link keys in `files` ([`crate::ingest::LINKS_FORMAT`]): links of
    /// another version are not compared with those of the files read now.
    #[serde(default)]
    pub links: u32,
}

/// How to build or refresh.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Rebuild everything even when nothing changed.
    pub force: bool,
    /// Draw a progress bar on stderr (only when stderr is a terminal).
    pub progress: bool,
    /// Check the index's files against their checksums first, and rebuild it when damaged
    /// (reads the whole index once; `zanlex index` does it).
    pub verify: bool,
    /// Read symbolic links that lead out of the corpus folder ([`crate::ingest::Walk`]).
    pub follow: bool,
}

/// What a build or refresh did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RefreshReport {
    /// Whether anything was written.
    pub changed: bool,
    /// Whether the index was (re)built from scratch.
    pub rebuilt: bool,
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub removed: Vec<String>,
    pub unchanged: usize,
    /// Files read and parsed: every file on a rebuild; on an incremental refresh, those that
    /// changed or are new, and the files linked to them or to a removed file.
    pub parsed: usize,
    /// Unit documents written (current texts and older editions).
    pub units_indexed: usize,
    /// Files that could not be ingested, and entries of the corpus folder that look like
    /// sources but are not read (a FIFO, a link leaving the corpus): (file, reason). The same
    /// list every run, also when nothing had to be written (then from the last commit).
    pub failures: Vec<(String, String)>,
    /// Files indexed with a problem worth saying (a broken `meta.yaml` beside them): (file,
    /// reason). Said by the refresh that read them.
    pub warnings: Vec<(String, String)>,
    /// Set when the refresh failed and the previous index is used as it is.
    pub warning: Option<String>,
}

/// A file of the corpus as found on disk.
struct Scanned {
    path: PathBuf,
    rel: String,
    size: u64,
    mtime_ns: u128,
    /// Why the walk did not read it (its size and mtime are then 0): it is never opened, and
    /// its manifest entry carries the reason as its failure, so each run reports it.
    skipped: Option<String>,
}

fn rel_path(path: &Path, corpus_parent: &Path) -> String {
    path.strip_prefix(corpus_parent)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The corpus's source files (recursively, as ingestion lists them), each with its size and
/// modification time added up with those of its metadata files (`.meta.toml` sidecars, the
/// folder's `meta.yaml`): a change to either makes the file stale.
fn scan(corpus: &Path, opts: &BuildOptions) -> crate::Result<Vec<Scanned>> {
    let parent = corpus.parent().unwrap_or(Path::new(""));
    let walk = crate::ingest::Walk {
        follow: opts.follow,
    };
    let listing =
        crate::ingest::corpus_listing(corpus, walk).map_err(|e| crate::Error::Corpus {
            path: corpus.to_path_buf(),
            reason: format!("cannot read the corpus folder: {e}"),
        })?;
    let files = listing.files;
    // Metadata files are looked up in their folder's listing, read once a folder: one `stat`
    // a source file, not four (a 1 GB corpus has 20 000 files, and every `zanlex search`
    // scans them).
    let mut listings: std::collections::HashMap<
        PathBuf,
        std::collections::HashSet<std::ffi::OsString>,
    > = Default::default();
    let mtime = |md: &std::fs::Metadata| {
        md.modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos())
    };
    let mut out = Vec::new();
    for path in files {
        // A file gone since the listing is gone.
        let Ok(md) = std::fs::metadata(&path) else {
            continue;
        };
        if !md.is_file() {
            continue;
        }
        let (mut size, mut mtime_ns) = (md.len(), mtime(&md));
        for meta in crate::extract::sidecar::metadata_paths(&path) {
            let (Some(dir), Some(name)) = (meta.parent(), meta.file_name()) else {
                continue;
            };
            let names = listings.entry(dir.to_path_buf()).or_insert_with(|| {
                std::fs::read_dir(dir)
                    .map(|rd| rd.flatten().map(|e| e.file_name()).collect())
                    .unwrap_or_default()
            });
            if !names.contains(name) {
                continue;
            }
            if let Ok(md) = std::fs::metadata(&meta) {
                size += md.len();
                mtime_ns = mtime_ns.max(mtime(&md));
            }
        }
        out.push(Scanned {
            rel: rel_path(&path, parent),
            path,
            size,
            mtime_ns,
            skipped: None,
        });
    }
    for (path, reason) in listing.skipped {
        out.push(Scanned {
            rel: rel_path(&path, parent),
            path,
            size: 0,
            mtime_ns: 0,
            skipped: Some(reason),
        });
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

/// The manifest's hash of a source file: the file's own sha256 (what ingestion records in
/// `Source::sha256`), or, when the file has a `.meta.toml` sidecar, the sha256 of that hex
/// digest followed by the sidecar's bytes.
/// Empty for what is not a regular file that can be read (never opened: a FIFO would block):
/// such a file differs from any entry, and ingestion or the walk says what is wrong with it.
fn file_sha(path: &Path) -> crate::Result<String> {
    if !std::fs::metadata(path).is_ok_and(|md| md.is_file()) {
        return Ok(String::new());
    }
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(String::new());
    };
    let own = hex::encode(Sha256::digest(bytes));
    Ok(with_sidecars(own, path))
}

/// [`file_sha`] from the file's own sha256 (hex), read back from an act's source instead of
/// hashing the file a second time.
fn with_sidecars(own_sha: String, path: &Path) -> String {
    let mut h: Option<Sha256> = None;
    for s in crate::extract::sidecar::metadata_paths(path) {
        if let Ok(b) = std::fs::read(&s) {
            let h = h.get_or_insert_with(|| {
                let mut h = Sha256::new();
                h.update(own_sha.as_bytes());
                h
            });
            h.update(b"\0sidecar\0");
            h.update(b);
        }
    }
    h.map_or(own_sha, |h| hex::encode(h.finalize()))
}

/// A fingerprint of the registered analyzers: the tokens they make of a probe text.
pub fn analyzer_fingerprint(index: &Index, fields: &Fields) -> String {
    const PROBE: &str = "Қазақстан Республикасының азаматтары тұрақты тұруға рұқсаттар \
        14-1-тармағы 11-1-4/730 VISA визаларын ұзарту turaqty туракты Тегі/Фамилия";
    let mut h = Sha256::new();
    for field in [
        fields.kk_exact,
        fields.kk_stem,
        fields.kk_loose,
        fields.ru_stem,
        fields.heading_loose,
    ] {
        if let Ok(mut an) = index.tokenizer_for_field(field) {
            let mut ts = an.token_stream(PROBE);
            while ts.advance() {
                let t = ts.token();
                h.update(t.text.as_bytes());
                h.update(format!(
                    "@{}:{}-{};",
                    t.position, t.offset_from, t.offset_to
                ));
            }
        }
        h.update(b"|");
    }
    hex::encode(&h.finalize()[..8])
}

/// Marks a payload `zanlex-manifest-v3:{stat key}:{failures}:{manifest}`, the failures being
/// base64 of the JSON list of the manifest's (file, failure) pairs (empty when none), the
/// manifest base64 of its lz4-compressed JSON.
const PAYLOAD_V3: &str = "zanlex-manifest-v3:";
/// The same without the failures (indexes written before they were reported on every run).
const PAYLOAD_V2: &str = "zanlex-manifest-v2:";
/// The same without the stat key (indexes written earlier on 2026-11-21).
const PAYLOAD_LZ4: &str = "zanlex-manifest-lz4:";

/// A digest of everything that decides, without reading a file, that an index is up to date:
/// schema, analyzers, zanlex's version, and each file's path, size and mtime (in path order).
fn stat_key<'a>(
    schema: u32,
    analyzers: &str,
    zanlex: &str,
    files: impl Iterator<Item = (&'a str, u64, u128)>,
) -> String {
    let mut h = Sha256::new();
    h.update(format!("{schema}\n{analyzers}\n{zanlex}\n"));
    for (rel, size, mtime_ns) in files {
        h.update(rel.as_bytes());
        h.update([0]);
        h.update(size.to_le_bytes());
        h.update(mtime_ns.to_le_bytes());
    }
    hex::encode(&h.finalize()[..16])
}

/// The commit payload for `manifest`: its stat key, its failures, then its JSON, compressed
/// and in base64. tantivy keeps the payload as a string inside `meta.json`, which every open
/// parses: plain JSON there would be escaped quote by quote (7 MB for a 1 GB corpus). The
/// stat key lets a search on an unchanged corpus skip decoding the manifest at all, and the
/// failures beside it let that search still name the files that could not be indexed.
fn encode_manifest(manifest: &Manifest) -> serde_json::Result<String> {
    use base64::Engine;
    let json = serde_json::to_vec(manifest)?;
    let packed = lz4_flex::compress_prepend_size(&json);
    let key = stat_key(
        manifest.schema,
        &manifest.analyzers,
        &manifest.zanlex,
        manifest
            .files
            .iter()
            .map(|(rel, e)| (rel.as_str(), e.size, e.mtime_ns)),
    );
    let failures: Vec<(&str, &str)> = manifest
        .files
        .iter()
        .filter_map(|(rel, e)| Some((rel.as_str(), e.failure.as_deref()?)))
        .collect();
    let failures = if failures.is_empty() {
        String::new()
    } else {
        base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(&failures)?)
    };
    Ok(format!(
        "{PAYLOAD_V3}{key}:{failures}:{}",
        base64::engine::general_purpose::STANDARD.encode(packed)
    ))
}

/// The manifest in a commit payload (compressed, or plain JSON as older indexes wrote it).
fn decode_manifest(payload: &str) -> Option<Manifest> {
    use base64::Engine;
    let b64 = if let Some(rest) = payload.strip_prefix(PAYLOAD_V3) {
        rest.splitn(3, ':').nth(2)?
    } else if let Some(rest) = payload.strip_prefix(PAYLOAD_V2) {
        rest.split_once(':')?.1
    } else if let Some(b64) = payload.strip_prefix(PAYLOAD_LZ4) {
        b64
    } else {
        return serde_json::from_str(payload).ok();
    };
    let packed = base64::engine::general_purpose::STANDARD.decode(b64).ok()?;
    let json = lz4_flex::decompress_size_prepended(&packed).ok()?;
    serde_json::from_slice(&json).ok()
}

/// The stat key of the last commit's manifest, when its payload has one.
fn stored_stat_key(index: &Index) -> Option<String> {
    let metas = index.load_metas().ok()?;
    let payload = metas.payload.as_deref()?;
    let rest = payload
        .strip_prefix(PAYLOAD_V3)
        .or_else(|| payload.strip_prefix(PAYLOAD_V2))?;
    Some(rest.split_once(':')?.0.to_string())
}

/// The files the last commit could not index, with their reasons (the manifest's failures),
/// read without decoding the manifest when the payload carries them apart; `None` when the
/// commit has no manifest.
pub(crate) fn stored_failures(index: &Index) -> Option<Vec<(String, String)>> {
    use base64::Engine;
    let metas = index.load_metas().ok()?;
    let payload = metas.payload.as_deref()?;
    if let Some(rest) = payload.strip_prefix(PAYLOAD_V3) {
        let b64 = rest.split(':').nth(1)?;
        if b64.is_empty() {
            return Some(Vec::new());
        }
        let json = base64::engine::general_purpose::STANDARD.decode(b64).ok()?;
        return serde_json::from_slice(&json).ok();
    }
    let manifest = decode_manifest(payload)?;
    Some(
        manifest
            .files
            .into_iter()
            .filter_map(|(rel, e)| Some((rel, e.failure?)))
            .collect(),
    )
}

/// Reads the manifest from the last commit's payload.
pub fn read_manifest(index: &Index) -> Option<Manifest> {
    let metas = index.load_metas().ok()?;
    decode_manifest(metas.payload.as_deref()?)
}

/// What of an act can change without its own file changing: what linking across the corpus
/// gives it (the id, kind and requisites of its keyed edition; amendments merged from older
/// editions, applied from amending acts or dated by another act's publication; the editions
/// and applied amending acts in `versions`). The rest (its units and instructions) is read
/// from its own file, whose hash the manifest compares on its own; a version's units come
/// from the file its `source` names, whose sha256 is hashed here.
#[derive(Serialize)]
struct LinkedFacts<'a> {
    id: &'a str,
    title: &'a str,
    kind: crate::model::ActKind,
    issuances: &'a [crate::model::Issuance],
    registration: &'a Option<crate::model::Registration>,
    status: &'a crate::model::Status,
    languages: &'a [String],
    source: &'a crate::model::Source,
    publication_date: Option<chrono::NaiveDate>,
    version_date: Option<chrono::NaiveDate>,
    amendments: &'a [crate::model::Amendment],
    commencement: &'a Option<crate::model::EffectiveRule>,
    /// `(id, from, to, source)` of each version: not its units.
    versions: Vec<(
        &'a str,
        Option<chrono::NaiveDate>,
        Option<chrono::NaiveDate>,
        &'a crate::model::Source,
    )>,
}

/// A hash of what linking gave the acts of one file ([`LinkedFacts`]): with the file's own
/// hash, it tells whether the file's documents must be written again. An act is re-indexed
/// when an act it links to changes (another edition, an amending act, a publication date),
/// without serializing its whole text.
fn acts_hash(acts: &[&Act]) -> String {
    let mut h = Sha256::new();
    for a in acts {
        let facts = LinkedFacts {
            id: &a.id,
            title: &a.title,
            kind: a.kind,
            issuances: &a.issuances,
            registration: &a.registration,
            status: &a.status,
            languages: &a.languages,
            source: &a.source,
            publication_date: a.publication_date,
            version_date: a.version_date,
            amendments: &a.amendments,
            commencement: &a.commencement,
            versions: a
                .versions
                .iter()
                .map(|v| (v.id.as_str(), v.from, v.to, &v.source))
                .collect(),
        };
        if let Ok(js) = serde_json::to_vec(&facts) {
            h.update(js);
        }
    }
    hex::encode(h.finalize())
}

fn index_err(path: &Path, reason: impl std::fmt::Display) -> crate::Error {
    crate::Error::Index {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

/// Creates an empty index with zanlex's schema and analyzers in `dir`: whoever creates it calls
/// [`make_durable`] once it is complete.
pub(crate) fn create_index(dir: &Path) -> crate::Result<(Index, Fields)> {
    std::fs::create_dir_all(dir)
        .map_err(|e| index_err(dir, format!("cannot create the folder: {e}")))?;
    let (schema, fields) = build_schema();
    let settings = tantivy::IndexSettings {
        // A thread of its own compresses each segment's doc store, beside its indexing thread:
        // worth it only on a core that indexing leaves free. On 2 cores, compressing in the
        // indexing threads took 100 MB from 3.27 to 3.12 s (median of five interleaved runs).
        docstore_compress_dedicated_thread: indexing_threads() < cores(),
        ..tantivy::IndexSettings::default()
    };
    let directory =
        super::directory::GenerationDirectory::open(dir).map_err(|e| index_err(dir, e))?;
    let index = Index::create(directory, schema, settings).map_err(|e| index_err(dir, e))?;
    crate::analysis::register_analyzers(&index);
    Ok((index, fields))
}

/// The file that marks a folder as a zanlex index: zanlex deletes, moves or overwrites only
/// folders that hold it (or, written before the marker existed, a tantivy index whose commit
/// carries zanlex's manifest).
pub const MARKER: &str = "zanlex-index.json";

/// Whether `dir` is a folder zanlex may replace: missing, empty, or a zanlex index.
fn is_replaceable(dir: &Path) -> bool {
    !dir.exists() || is_empty_dir(dir) || is_zanlex_index(dir)
}

/// Whether `dir` holds a zanlex index: its [`MARKER`], or a tantivy index whose last commit
/// carries zanlex's manifest (one written before the marker).
pub fn is_zanlex_index(dir: &Path) -> bool {
    if dir.join(MARKER).is_file() {
        return true;
    }
    IndexDir::new(dir).is_legacy()
        && open_tantivy(dir).is_ok_and(|(index, _)| read_manifest(&index).is_some())
}

/// The error for an `--index` folder that zanlex did not make: it is never written into,
/// moved or deleted.
fn not_an_index(dir: &Path) -> crate::Error {
    let what = if dir.is_file() {
        "is a file, not an index folder"
    } else {
        "is a folder with other files in it, not a zanlex index"
    };
    index_err(
        dir,
        format!("{what}; zanlex writes only into an empty folder or an index it made: pick another --index"),
    )
}

/// Memory for each indexing thread's postings before it writes a segment.
const WRITER_BUDGET_PER_THREAD: usize = 100_000_000;

/// Segments with at most this many live documents are merged (four at a time); a full
/// segment holds about ten times as many.
const SMALL_SEGMENT_DOCS: usize = 10_000;

/// The cores this process may run on.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// How many threads index documents: one a core, at most four.
fn indexing_threads() -> usize {
    cores().clamp(1, 4)
}

fn new_writer(index: &Index, dir: &Path) -> crate::Result<IndexWriter<Queued>> {
    let threads = indexing_threads();
    // Each indexing thread flushes a segment when its postings reach the memory budget: at
    // 100 MB that is about 110 000 unit documents, so 1 GB of acts makes 8 segments. Merging
    // such segments rewrites them once more, and their memory maps count as resident memory
    // (a 600 MB peak at 1 GB). They are left as they are; merges only gather small segments:
    // the partial ones of commits and incremental refreshes, and a large one whose documents
    // were mostly deleted. Measured at 1 GB: 38.0-40.7 s at a 574-600 MB peak before (50 MB
    // budget, merges of up to 200 000 documents), 35.9-36.4 s at 469-473 MB after; queries
    // the same, as the segment count is (7 then, 8 now).
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

fn progress_bar(opts: &BuildOptions, len: u64) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !opts.progress || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::new(len);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{msg:10} [{bar:30}] {pos}/{len} {elapsed}")
    {
        pb.set_style(style.progress_chars("=> "));
    }
    pb
}

/// Writes documents for `acts` into the new index `index` and commits with `manifest` as
/// payload. Returns the number of unit documents written.
fn write_acts(
    index: &Index,
    fields: &Fields,
    dir: &Path,
    acts: Vec<Act>,
    manifest: &Manifest,
    opts: &BuildOptions,
) -> crate::Result<usize> {
    let mut w = ActWriter::new(index, fields, dir, opts, acts.len() as u64, true)?;
    w.add(acts)?;
    w.commit(manifest)
}

/// An index writer fed acts a chunk at a time (as ingestion hands them over), committed once
/// with the manifest at the end.
struct ActWriter<'a> {
    writer: IndexWriter<Queued>,
    backlog: Arc<Backlog>,
    fields: &'a Fields,
    dir: &'a Path,
    pb: indicatif::ProgressBar,
    units: usize,
    /// The index was empty when the writer opened: there is nothing to delete.
    fresh: bool,
    /// Ids of the acts written by this writer (unless `fresh`): their old documents are gone
    /// already, and their new ones must not be deleted.
    written: std::collections::HashSet<String>,
}

impl<'a> ActWriter<'a> {
    fn new(
        index: &Index,
        fields: &'a Fields,
        dir: &'a Path,
        opts: &BuildOptions,
        len: u64,
        fresh: bool,
    ) -> crate::Result<Self> {
        let writer = new_writer(index, dir)?;
        let pb = progress_bar(opts, len);
        pb.set_message("indexing");
        Ok(ActWriter {
            writer,
            backlog: Arc::default(),
            fields,
            dir,
            pb,
            units: 0,
            fresh,
            written: Default::default(),
        })
    }

    /// Deletes the documents of act `id` (of all its editions, whatever their files), unless
    /// this writer wrote them. Documents are deleted by act, not by file: an act's documents
    /// may come from other files than its own (older editions, versions applied from an
    /// amending act), and another act's changes must not take them away.
    fn delete_act(&mut self, id: &str) {
        if !self.fresh && !self.written.contains(id) {
            self.writer
                .delete_term(Term::from_field_text(self.fields.act_id, id));
        }
    }

    fn add(&mut self, mut acts: Vec<Act>) -> crate::Result<()> {
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
            // took (100 MB: 3.35 -> 3.19 s, median of five interleaved runs). The backlog
            // keeps the documents in flight as few as the queue of single documents did.
            let mut act_docs = Vec::with_capacity(per_act.len());
            for docs in per_act {
                let mut docs = docs.into_iter();
                act_docs.extend(docs.next());
                let batch: Vec<IndexDoc> = docs.collect();
                self.units += batch.len();
                self.send(batch)?;
                self.pb.inc(1);
            }
            // Each act document goes alone, so both indexing threads take some: as one batch
            // they went to one thread, whose segment then held fewer unit documents (10 MB:
            // 44 % of the postings against 56 %), and the other serialized its larger segment
            // alone at the end of the build.
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

    /// Commits with `manifest` as payload; returns the number of unit documents written.
    fn commit(mut self, manifest: &Manifest) -> crate::Result<usize> {
        let dir = self.dir;
        self.pb.set_message("committing");
        let payload = encode_manifest(manifest).map_err(|e| index_err(dir, e))?;
        let mut prepared = self
            .writer
            .prepare_commit()
            .map_err(|e| index_err(dir, e))?;
        prepared.set_payload(&payload);
        prepared.commit().map_err(|e| index_err(dir, e))?;
        self.writer
            .wait_merging_threads()
            .map_err(|e| index_err(dir, e))?;
        self.pb.finish_and_clear();
        Ok(self.units)
    }
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

/// Opens the tantivy index in `dir`, registering zanlex's analyzers.
pub(crate) fn open_tantivy(dir: &Path) -> crate::Result<(Index, Fields)> {
    let directory =
        super::directory::GenerationDirectory::open(dir).map_err(|e| index_err(dir, e))?;
    let index = Index::open(directory).map_err(|e| index_err(dir, e))?;
    crate::analysis::register_analyzers(&index);
    let (expected, fields) = build_schema();
    if index.schema() != expected {
        return Err(index_err(
            dir,
            "the index was written by another zanlex version; run `zanlex index` to rebuild it",
        ));
    }
    Ok((index, fields))
}

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

/// `e`, an I/O error of building or swapping the index (which names no path), as an error
/// naming the index folder; other errors name their path already.
pub(crate) fn naming_index(e: crate::Error, index_dir: &Path) -> crate::Error {
    match e {
        crate::Error::Io(io) => index_err(
            index_dir,
            format!("cannot write the index or the folders beside it: {io}"),
        ),
        e => e,
    }
}

/// Fills the failures of a refresh that wrote nothing from the commit in force, so that an
/// index found up to date names the files it could not index as the build that wrote it did.
pub(crate) fn report_stored_failures(report: &mut RefreshReport, index: &Index) {
    if !report.changed {
        report.failures = stored_failures(index).unwrap_or_default();
    }
}

/// Checks `--corpus` and `--index` before anything is read or written, so a mistake is told
/// at once, not after a build: the index must be a folder of its own (not `.`, `..` or `/`,
/// not a file), neither the corpus folder nor inside it nor around it, and empty or a zanlex
/// index; the corpus must be a folder.
pub fn check_paths(corpus: &Path, index_dir: &Path) -> crate::Result<()> {
    if index_dir.file_name().is_none() {
        return Err(index_err(
            index_dir,
            "names no folder of its own; give --index a folder name, e.g. --index index",
        ));
    }
    if index_dir.is_file() {
        return Err(not_an_index(index_dir));
    }
    match std::fs::metadata(corpus) {
        Ok(md) if md.is_dir() => {}
        Ok(_) => {
            return Err(crate::Error::Corpus {
                path: corpus.to_path_buf(),
                reason: "is a file, not a corpus folder; give --corpus the folder of the texts"
                    .into(),
            })
        }
        Err(e) => {
            return Err(crate::Error::Corpus {
                path: corpus.to_path_buf(),
                reason: format!(
                    "cannot read the corpus folder ({e}); give --corpus the folder of the texts"
                ),
            })
        }
    }
    let absolute = |p: &Path| -> Option<PathBuf> {
        if let Ok(c) = std::fs::canonicalize(p) {
            return Some(c);
        }
        // A folder not made yet: its parent's canonical path and its name.
        let parent = std::fs::canonicalize(parent_dir(p)).ok()?;
        Some(parent.join(p.file_name()?))
    };
    if let (Some(c), Some(i)) = (absolute(corpus), absolute(index_dir)) {
        let clash = if c == i {
            Some("is the corpus folder itself")
        } else if i.starts_with(&c) {
            Some("is inside the corpus folder")
        } else if c.starts_with(&i) {
            Some("holds the corpus folder")
        } else {
            None
        };
        if let Some(what) = clash {
            return Err(index_err(
                index_dir,
                format!(
                    "{what} ({}); give --index a folder of its own outside it",
                    corpus.display()
                ),
            ));
        }
    }
    if !is_replaceable(index_dir) {
        return Err(not_an_index(index_dir));
    }
    Ok(())
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
    let corpus = &std::fs::canonicalize(corpus).unwrap_or_else(|_| corpus.to_path_buf());
    let scanned = scan(corpus, opts)?;
    if !opts.force && !opts.verify {
        if let Some(fresh) = open_if_up_to_date(&layout, &scanned)? {
            return Ok(fresh);
        }
    }
    let _writing = layout
        .lock_for_writing(|| {
            if opts.progress {
                eprintln!(
                    "zanlex: waiting for another zanlex process to finish writing {}",
                    index_dir.display()
                );
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
        Some(opened) if !opts.force => match freshness(&layout, &scanned, opened) {
            Freshness::UpToDate(fresh) => return Ok(fresh),
            Freshness::Stale(stale) => Some(stale),
        },
        other => other,
    };
    let (mut report, kept) = refresh_locked(corpus, &layout, &scanned, existing, opts)?;
    if let Some(damage) = damage {
        report.warning = Some(format!("the index was damaged ({damage}); it was rebuilt"));
    }
    Ok((report, kept))
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
            Freshness::UpToDate(fresh) => Some(fresh),
            Freshness::Stale(_) => None,
        },
        None => None,
    })
}

/// An open generation, found up to date or not.
enum Freshness {
    /// Built from exactly the scanned files: the refresh is done, with this index.
    UpToDate(Refreshed),
    /// To be refreshed: the index, handed back to write into or replace.
    Stale((Index, Fields)),
}

/// Whether the open generation was built from exactly the files of `scanned` (same paths,
/// sizes and mtimes) by this zanlex: checked without decoding its manifest (about half of a
/// `zanlex search` on a 1 GB corpus).
fn freshness(
    layout: &IndexDir,
    scanned: &[Scanned],
    (index, fields): (Index, Fields),
) -> Freshness {
    let key = stat_key(
        SCHEMA_VERSION,
        &analyzer_fingerprint(&index, &fields),
        env!("CARGO_PKG_VERSION"),
        scanned.iter().map(|s| (s.rel.as_str(), s.size, s.mtime_ns)),
    );
    if stored_stat_key(&index).is_none_or(|stored| stored != key) {
        return Freshness::Stale((index, fields));
    }
    layout.tidy_if_idle();
    let report = RefreshReport {
        unchanged: scanned.len(),
        ..RefreshReport::default()
    };
    Freshness::UpToDate((report, Some((index, fields))))
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

/// The refresh proper, with the write lock held: incremental into the current generation
/// when its manifest can be reused, otherwise a new generation published when complete.
fn refresh_locked(
    corpus: &Path,
    layout: &IndexDir,
    scanned: &[Scanned],
    existing: Option<(Index, Fields)>,
    opts: &BuildOptions,
) -> crate::Result<Refreshed> {
    let index_dir = layout.root();
    let fingerprint = existing.as_ref().map(|(i, f)| analyzer_fingerprint(i, f));
    let old = existing.as_ref().and_then(|(i, _)| read_manifest(i));
    let reusable = match (&old, &fingerprint) {
        (Some(m), Some(fp)) => {
            !opts.force
                && m.schema == SCHEMA_VERSION
                && &m.analyzers == fp
                && m.zanlex == env!("CARGO_PKG_VERSION")
        }
        _ => false,
    };
    let old = if reusable {
        old.unwrap_or_default()
    } else {
        Manifest::default()
    };

    // Which files differ from the manifest? Size and mtime first, sha256 when they differ.
    let mut shas: BTreeMap<String, String> = BTreeMap::new();
    let mut any_change = !reusable;
    for s in scanned {
        match old.files.get(&s.rel) {
            Some(e) if e.size == s.size && e.mtime_ns == s.mtime_ns => {
                shas.insert(s.rel.clone(), e.sha256.clone());
            }
            Some(prev) => {
                let sha = file_sha(&s.path)?;
                if prev.sha256 != sha {
                    any_change = true;
                }
                shas.insert(s.rel.clone(), sha);
            }
            // A new file: its hash comes from ingestion (`Source::sha256`), which reads it
            // anyway, instead of reading and hashing it twice.
            None => any_change = true,
        }
    }
    let scanned_set: BTreeSet<&str> = scanned.iter().map(|s| s.rel.as_str()).collect();
    let removed: Vec<String> = old
        .files
        .keys()
        .filter(|k| !scanned_set.contains(k.as_str()))
        .cloned()
        .collect();
    if !removed.is_empty() {
        any_change = true;
    }
    let mut report = RefreshReport::default();
    if !any_change {
        // Only mtimes may have moved: nothing to write.
        report.unchanged = scanned.len();
        return Ok((report, existing));
    }

    report.removed = removed;
    report.changed = true;
    let mut manifest = Manifest {
        schema: SCHEMA_VERSION,
        analyzers: String::new(),
        zanlex: env!("CARGO_PKG_VERSION").to_string(),
        files: BTreeMap::new(),
        links: crate::ingest::LINKS_FORMAT,
    };
    // Write into the current generation (incremental) or into a new one published after.
    let (index, fields, write_dir, fresh) = match existing {
        Some((index, fields)) if reusable => {
            let gen = layout
                .current()
                .ok_or_else(|| index_err(index_dir, "its current generation vanished"))?;
            (index, fields, gen, None)
        }
        existing => {
            drop(existing);
            report.rebuilt = true;
            let gen = layout
                .new_generation()
                .map_err(|e| index_err(index_dir, format!("cannot create a generation: {e}")))?;
            let (index, fields) = create_index(&gen)?;
            (index, fields, gen.clone(), Some(gen))
        }
    };
    manifest.analyzers = analyzer_fingerprint(&index, &fields);
    let res = write_streaming(
        corpus,
        scanned,
        &shas,
        &old,
        reusable,
        (&index, &fields, &write_dir),
        &mut manifest,
        &mut report,
        opts,
    );
    drop(index);
    let Some(gen) = fresh else {
        report.units_indexed = res?;
        return Ok((report, None));
    };
    let published = res.and_then(|n| {
        report.units_indexed = n;
        make_durable(&gen)?;
        layout.publish(&gen).map_err(|e| {
            index_err(
                index_dir,
                format!("cannot switch to the new generation: {e}"),
            )
        })
    });
    if let Err(e) = published {
        let _ = std::fs::remove_dir_all(&gen);
        return Err(e);
    }
    layout.remove_leftovers();
    // Only now: a swapped-out folder of an earlier version may hold the only index there was.
    remove_abandoned_builds(index_dir);
    Ok((report, None))
}

/// [`super::durable::make_durable`] on a complete new index, its error naming the folder.
fn make_durable(gen: &Path) -> crate::Result<()> {
    super::durable::make_durable(gen)
        .map_err(|e| index_err(gen, format!("cannot sync the new index to disk: {e}")))
}

/// The index folder's own name, as the staging folders of earlier versions carried it.
fn index_name(index_dir: &Path) -> std::borrow::Cow<'_, str> {
    index_dir
        .file_name()
        .map_or_else(|| "index".into(), |n| n.to_string_lossy())
}

/// The folder `index_dir` is in (`.` for a bare name).
fn parent_dir(index_dir: &Path) -> &Path {
    match index_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Removes the folders that builds by earlier versions of zanlex left beside `index_dir`
/// when they were killed (`.index.new-4242`, `.index.old-4242`): those holding zanlex's
/// marker whose process is gone. Best effort, and only where a process can be looked up
/// (`/proc`).
fn remove_abandoned_builds(index_dir: &Path) {
    #[cfg(target_os = "linux")]
    {
        // Without /proc mounted every process would look gone.
        if !Path::new("/proc/self").exists() {
            return;
        }
        let name = index_name(index_dir);
        let prefixes = [format!(".{name}.new-"), format!(".{name}.old-")];
        let Ok(entries) = std::fs::read_dir(parent_dir(index_dir)) else {
            return;
        };
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(pid) = file_name.to_str().and_then(|n| {
                prefixes
                    .iter()
                    .find_map(|p| n.strip_prefix(p.as_str()))
                    .and_then(|pid| pid.parse::<u32>().ok())
            }) else {
                continue;
            };
            let ours = entry.path().join(MARKER).is_file();
            if ours && !Path::new("/proc").join(pid.to_string()).exists() {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = index_dir;
}

/// A corpus up to this size keeps its acts in memory between the two ingestion phases (see
/// [`crate::ingest::ingest_corpus_streaming`]): acts take about 2.4 bytes of memory per source
/// byte (~300 MB here). A larger corpus spills them to a temporary file, so memory stays flat.
const KEEP_SOURCE_BYTES: u64 = 128_000_000;

/// Files handed to the writer per chunk of linked acts.
const FILES_PER_CHUNK: usize = 64;

/// Ingests the corpus a chunk of linked acts at a time (acts are linked across files) and
/// writes the acts of files that differ from `old`, filling `manifest` and `report`.
#[allow(clippy::too_many_arguments)]
fn write_streaming(
    corpus: &Path,
    scanned: &[Scanned],
    shas: &BTreeMap<String, String>,
    old: &Manifest,
    reusable: bool,
    (index, fields, dir): (&Index, &Fields, &Path),
    manifest: &mut Manifest,
    report: &mut RefreshReport,
    opts: &BuildOptions,
) -> crate::Result<usize> {
    // An index in use by another process is reported before the corpus is read.
    let mut writer = ActWriter::new(index, fields, dir, opts, scanned.len() as u64, !reusable)?;
    for f in &report.removed {
        for id in old.files.get(f).map_or(&[][..], |e| &e.acts[..]) {
            writer.delete_act(id);
        }
    }
    write_streaming_to(
        (
            corpus,
            crate::ingest::Walk {
                follow: opts.follow,
            },
        ),
        scanned,
        shas,
        old,
        reusable,
        manifest,
        report,
        writer,
    )
}

/// [`write_streaming`] with the writer it opened.
#[allow(clippy::too_many_arguments)]
fn write_streaming_to(
    (corpus, walk): (&Path, crate::ingest::Walk),
    scanned: &[Scanned],
    shas: &BTreeMap<String, String>,
    old: &Manifest,
    reusable: bool,
    manifest: &mut Manifest,
    report: &mut RefreshReport,
    mut writer: ActWriter<'_>,
) -> crate::Result<usize> {
    let by_rel: BTreeMap<&str, &Scanned> = scanned.iter().map(|s| (s.rel.as_str(), s)).collect();
    let mut added: BTreeSet<String> = BTreeSet::new();
    let mut updated: BTreeSet<String> = BTreeSet::new();
    let mut unchanged = 0;
    // Records a scanned file's entry; whether its acts are to be written.
    // Each file's own sha256 as ingestion recorded it (in its act's source, or in a version's
    // source when its act was merged into a newer edition), for files not hashed by the scan.
    let mut ingested_shas: BTreeMap<String, String> = BTreeMap::new();
    let mut record = |s: &Scanned,
                      acts: &[&Act],
                      failure: Option<String>,
                      w: &mut ActWriter,
                      manifest: &mut Manifest,
                      ingested: &BTreeMap<String, String>| {
        let sha256 = match shas.get(&s.rel) {
            Some(sha) => sha.clone(),
            None => match ingested.get(&s.rel) {
                Some(own) => with_sidecars(own.clone(), &s.path),
                // A file that gave no act: hash it here (empty when it cannot be read).
                None if s.skipped.is_none() => file_sha(&s.path).unwrap_or_default(),
                None => String::new(),
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
        let write = match old.files.get(&s.rel) {
            Some(prev) if prev.acts_hash == entry.acts_hash && prev.sha256 == entry.sha256 => {
                unchanged += 1;
                false
            }
            Some(prev) => {
                updated.insert(s.rel.clone());
                // The file's acts of before; those it still makes are written again.
                for id in &prev.acts {
                    w.delete_act(id);
                }
                true
            }
            None => {
                added.insert(s.rel.clone());
                true
            }
        };
        manifest.files.insert(s.rel.clone(), entry);
        write
    };
    // The ids whose documents this refresh deletes: those of the removed files' acts, then
    // of the acts written and of those their files made before.
    let mut dropped: std::collections::HashSet<String> = report
        .removed
        .iter()
        .flat_map(|f| old.files.get(f).into_iter().flat_map(|e| e.acts.clone()))
        .collect();
    let previous = if reusable {
        previous_read(old, shas)
    } else {
        None
    };
    let streamed = crate::ingest::ingest_corpus_changes(
        crate::ingest::Corpus { dir: corpus, walk },
        FILES_PER_CHUNK,
        KEEP_SOURCE_BYTES,
        previous.as_ref(),
        |acts| {
            let mut by_file: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for (i, a) in acts.iter().enumerate() {
                by_file.entry(a.source.file.as_str()).or_default().push(i);
                for src in std::iter::once(&a.source).chain(a.versions.iter().map(|v| &v.source)) {
                    if !ingested_shas.contains_key(&src.file) {
                        ingested_shas.insert(src.file.clone(), src.sha256.clone());
                    }
                }
            }
            // In the order of their files.
            let mut to_write: Vec<usize> = Vec::new();
            for (file, of_file) in by_file {
                let write = match by_rel.get(file) {
                    Some(s) => {
                        let refs: Vec<&Act> = of_file.iter().map(|&i| &acts[i]).collect();
                        record(s, &refs, None, &mut writer, manifest, &ingested_shas)
                    }
                    // Acts whose file is not among the scanned ones (should not happen).
                    None => !reusable,
                };
                if write {
                    dropped.extend(old.files.get(file).into_iter().flat_map(|e| e.acts.clone()));
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
            let mut acts: Vec<Option<Act>> = acts.into_iter().map(Some).collect();
            writer.add(to_write.iter().filter_map(|&i| acts[i].take()).collect())
        },
    )?;
    report.parsed = streamed.parsed.len();
    let parent = corpus.parent().unwrap_or(Path::new(""));
    let (warnings, failures): (Vec<_>, Vec<_>) = streamed.failures.iter().partition(|f| f.indexed);
    report.warnings.extend(
        warnings
            .iter()
            .map(|f| (rel_path(&f.path, parent), f.reason.clone())),
    );
    let failures: BTreeMap<String, String> = failures
        .iter()
        .map(|f| (rel_path(&f.path, parent), f.reason.clone()))
        .collect();
    // Files left unread keep their entry, and their documents stay as they are.
    let mut kept = 0;
    for rel in &streamed.skipped {
        if let (Some(s), Some(prev)) = (by_rel.get(rel.as_str()), old.files.get(rel)) {
            let entry = FileEntry {
                size: s.size,
                mtime_ns: s.mtime_ns,
                ..prev.clone()
            };
            manifest.files.insert(rel.clone(), entry);
            kept += 1;
        }
    }
    // Files that gave no act (failures) still get an entry.
    for s in scanned {
        if !manifest.files.contains_key(&s.rel) {
            let failure = failures.get(&s.rel).or(s.skipped.as_ref()).cloned();
            record(s, &[], failure, &mut writer, manifest, &ingested_shas);
        }
    }
    for (rel, links) in streamed.parsed {
        if let Some(entry) = manifest.files.get_mut(&rel) {
            entry.links = Some(links);
        }
    }
    // A file ingestion did not read (one the walk skips) gave no act, and links to nothing.
    for entry in manifest.files.values_mut() {
        entry.links.get_or_insert_with(Default::default);
    }
    for s in scanned {
        if let Some(reason) = manifest.files.get(&s.rel).and_then(|e| e.failure.clone()) {
            report.failures.push((s.rel.clone(), reason));
        }
        if added.contains(&s.rel) {
            report.added.push(s.rel.clone());
        }
        if updated.contains(&s.rel) {
            report.updated.push(s.rel.clone());
        }
    }
    report.unchanged += unchanged + kept;
    writer.commit(manifest)
}

/// What the previous build recorded of the corpus, for an incremental read: each file's
/// links, and the files whose bytes `shas` (the scan's hashes) finds unchanged. A file that
/// could not be read or parsed counts as changed, so it is tried again (one refused for what
/// other files hold is left as its links decide). `None` when a file's links were not
/// recorded, or in another format.
fn previous_read<'a>(
    old: &'a Manifest,
    shas: &BTreeMap<String, String>,
) -> Option<crate::ingest::Previous<'a>> {
    if old.links != crate::ingest::LINKS_FORMAT {
        return None;
    }
    let mut previous = crate::ingest::Previous::default();
    for (rel, entry) in &old.files {
        let links = entry.links.as_ref()?;
        previous.links.insert(rel, links);
        let parsed = entry.failure.is_none() || links.gave_act();
        if parsed && shas.get(rel) == Some(&entry.sha256) {
            previous.unchanged.insert(rel);
        }
    }
    Some(previous)
}

fn is_empty_dir(p: &Path) -> bool {
    std::fs::read_dir(p).is_ok_and(|mut d| d.next().is_none())
}

/// Builds a fresh index in `dir` from acts already in memory (for tools that make acts
/// themselves, and for tests). Replaces the index `dir` held; a folder that is not empty and
/// not a zanlex index is refused.
pub fn build_from_acts(dir: &Path, acts: &[Act]) -> crate::Result<usize> {
    if dir.is_file() || !is_replaceable(dir) {
        return Err(not_an_index(dir));
    }
    let layout = IndexDir::new(dir);
    let _writing = layout
        .lock_for_writing(|| {})
        .map_err(|e| index_err(dir, format!("cannot lock it for writing: {e}")))?;
    layout.remove_leftovers();
    let gen = layout
        .new_generation()
        .map_err(|e| index_err(dir, format!("cannot create a generation: {e}")))?;
    let written = (|| {
        let (index, fields) = create_index(&gen)?;
        let manifest = Manifest {
            schema: SCHEMA_VERSION,
            analyzers: analyzer_fingerprint(&index, &fields),
            zanlex: env!("CARGO_PKG_VERSION").to_string(),
            files: BTreeMap::new(),
            links: crate::ingest::LINKS_FORMAT,
        };
        let units = write_acts(
            &index,
            &fields,
            &gen,
            acts.to_vec(),
            &manifest,
            &BuildOptions::default(),
        )?;
        drop(index);
        make_durable(&gen)?;
        layout
            .publish(&gen)
            .map_err(|e| index_err(dir, format!("cannot switch to the new generation: {e}")))?;
        Ok(units)
    })();
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&gen);
    } else {
        layout.remove_leftovers();
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        let entry = |size, mtime_ns| FileEntry {
            sha256: "ab".repeat(32),
            size,
            mtime_ns,
            acts_hash: "cd".repeat(32),
            acts: vec!["mvd-order-2012-06-14-352".into()],
            failure: None,
            links: None,
        };
        Manifest {
            schema: SCHEMA_VERSION,
            analyzers: "0123456789abcdef".into(),
            zanlex: env!("CARGO_PKG_VERSION").into(),
            files: BTreeMap::from([
                ("corpus/001.txt".to_string(), entry(10, 1)),
                ("corpus/002.txt".to_string(), entry(20, 2)),
            ]),
            links: crate::ingest::LINKS_FORMAT,
        }
    }

    /// A refresh compares links only with a manifest that recorded every file's links in the
    /// current format; a file whose hash moved, or that could not be parsed, is not
    /// unchanged.
    #[test]
    fn previous_read_needs_every_files_links_in_this_format() {
        let mut m = manifest();
        let mut shas: BTreeMap<String, String> = m
            .files
            .iter()
            .map(|(rel, e)| (rel.clone(), e.sha256.clone()))
            .collect();
        assert!(previous_read(&m, &shas).is_none());
        for e in m.files.values_mut() {
            e.links = Some(crate::ingest::FileLinks::default());
        }
        let unchanged = |m: &Manifest, shas: &BTreeMap<String, String>| {
            previous_read(m, shas).map(|p| {
                p.unchanged
                    .into_iter()
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            unchanged(&m, &shas),
            Some(vec!["corpus/001.txt".to_string(), "corpus/002.txt".into()])
        );
        shas.insert("corpus/001.txt".into(), "ef".repeat(32));
        assert_eq!(unchanged(&m, &shas), Some(vec!["corpus/002.txt".into()]));
        if let Some(e) = m.files.get_mut("corpus/002.txt") {
            e.failure = Some("empty file".into());
        }
        assert_eq!(unchanged(&m, &shas), Some(vec![]));
        // Refused though it gave an act (a second undated edition).
        if let Some(e) = m.files.get_mut("corpus/002.txt") {
            e.links = Some(crate::ingest::FileLinks {
                lang: Some(crate::model::Lang::Kk),
                ..Default::default()
            });
        }
        assert_eq!(unchanged(&m, &shas), Some(vec!["corpus/002.txt".into()]));
        m.links = 0;
        assert!(previous_read(&m, &shas).is_none());
    }

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

    /// The payload gives the manifest back, and its stat key is the one a scan of the same
    /// files computes; a file whose size or mtime moved, or a missing file, changes the key.
    #[test]
    fn payload_round_trip_and_stat_key() {
        let m = manifest();
        let payload = encode_manifest(&m).unwrap();
        assert_eq!(decode_manifest(&payload), Some(m.clone()));
        let key = |files: &[(&str, u64, u128)]| {
            stat_key(
                m.schema,
                &m.analyzers,
                &m.zanlex,
                files.iter().map(|(r, s, t)| (*r, *s, *t)),
            )
        };
        let stored = payload
            .strip_prefix(PAYLOAD_V3)
            .and_then(|r| r.split_once(':'))
            .map(|(k, _)| k.to_string());
        let same = key(&[("corpus/001.txt", 10, 1), ("corpus/002.txt", 20, 2)]);
        assert_eq!(stored.as_deref(), Some(same.as_str()));
        assert_ne!(
            key(&[("corpus/001.txt", 10, 1), ("corpus/002.txt", 21, 2)]),
            same
        );
        assert_ne!(
            key(&[("corpus/001.txt", 10, 1), ("corpus/002.txt", 20, 3)]),
            same
        );
        assert_ne!(key(&[("corpus/001.txt", 10, 1)]), same);
        // Payloads written before the stat key still read.
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(decode_manifest(&json), Some(m));
    }
}

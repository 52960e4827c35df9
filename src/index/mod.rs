//! The tantivy index: schema, build, incremental refresh, and reading acts and units back.
//!
//! [`Store`] is the reading API the rest of the crate sees: acts and units back from their
//! stored documents, a searcher over the current generation, and values derived once per
//! generation for the readers that ask (search keeps its title statistics there). It parses
//! no query: the one lookup it answers for a query word is the abbreviations acts define,
//! read when units are indexed ([`abbreviations`]).

pub(crate) mod abbreviations;
mod act_ids;
pub mod build;
mod directory;
pub mod docs;
mod durable;
mod layout;
mod lexicon;
mod manifest;
pub mod numbers;
mod publish;
mod refresh;
mod refresh_cache;
mod scan;
pub mod schema;
pub mod stored;
mod swap;
mod watch;
mod writer;

#[cfg(test)]
pub use build::build_from_acts;
#[cfg(test)]
pub use build::Manifest;
pub use build::{BuildOptions, Progress, RefreshReport, Rehash};
pub use publish::{publish, Published};
pub use refresh::refresh;
pub use refresh_cache::RefreshCache;
pub use schema::{Fields, SCHEMA_VERSION};
#[cfg(feature = "watch")]
pub use watch::CorpusWatch;
pub use watch::Freshness;

use crate::model::citation;
use crate::model::{Act, Unit};
use schema::{DOC_ACT, DOC_UNIT};
use std::any::{Any, TypeId};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, Term};

/// An open zanlex index: the tantivy index with its analyzers, fields and a reader.
pub struct Store {
    dir: PathBuf,
    index: Index,
    fields: Fields,
    reader: IndexReader,
    /// The generation folder opened, when it is known: [`Store::is_current`] compares it with
    /// the one `CURRENT` names now.
    generation: Option<PathBuf>,
    /// Values derived from the last searcher generation seen, by type ([`Store::per_generation`]).
    derived: Mutex<Derived>,
}

/// What [`Store::per_generation`] keeps: one value per type, all of one searcher generation.
#[derive(Default)]
struct Derived {
    generation: u64,
    values: rustc_hash::FxHashMap<TypeId, Arc<dyn Any + Send + Sync>>,
}

/// A unit fetched by act id and eid, with what is needed to cite it.
#[derive(Debug, Clone)]
pub struct UnitView {
    /// The act the unit belongs to.
    pub act: Act,
    /// The unit itself (with its children).
    pub unit: Unit,
    /// Eids from the top-level unit down to the unit.
    pub path: Vec<String>,
    /// The unit's label with its parents (`3-тармақ 2) тармақша`).
    pub label: String,
    /// The unit's pinpoint citation.
    pub citation: String,
}

/// How many ids an unknown act id's error suggests.
pub const SUGGESTED_IDS: usize = 3;

use act_ids::ActIds;
pub use act_ids::MAX_ACT_ID_CHARS;

/// Lists of every act id made for unknown ids (the tests count them).
#[cfg(test)]
static ID_LISTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("dir", &self.dir).finish()
    }
}

impl Store {
    /// Opens an existing index (no refresh). Fails with [`crate::Error::NoIndex`] when `dir`
    /// holds no zanlex index.
    pub fn open(dir: &Path) -> crate::Result<Self> {
        let layout = layout::IndexDir::new(dir);
        // Held while the generation opens, so no writer removes it meanwhile.
        let _reading = layout
            .lock_for_reading()
            .map_err(|source| crate::Error::Locked {
                path: dir.to_path_buf(),
                purpose: "reading",
                source,
            })?;
        let Some(generation) = layout.current() else {
            return Err(crate::Error::NoIndex {
                path: dir.to_path_buf(),
            });
        };
        // Files found damaged as the generation opens are said in one line, naming the index.
        let named = |e: crate::Error| match e.damage() {
            Some(what) => crate::Error::Damaged {
                path: dir.to_path_buf(),
                what,
            },
            None => e,
        };
        let (index, fields) = build::open_tantivy(&generation).map_err(named)?;
        Self::from_parts(dir, index, fields, Some(generation)).map_err(named)
    }

    /// Wraps an index already opened (with its analyzers registered).
    fn from_parts(
        dir: &Path,
        index: Index,
        fields: Fields,
        generation: Option<PathBuf>,
    ) -> crate::Result<Self> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Store {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader,
            generation,
            derived: Default::default(),
        })
    }

    /// Builds the index from `corpus` when missing, refreshes it when stale (only changed
    /// files are re-indexed), then opens it. When `corpus` does not exist but an index does,
    /// or [`BuildOptions::no_refresh`] asks for it, the index is opened as it is.
    ///
    /// An index whose files are found damaged (cut short, corrupt, missing) when it opens is
    /// rebuilt from `corpus` when there is one, and the report's warning says what was damaged
    /// and that it was rebuilt: a damaged segment costs a rebuild, not the service.
    pub fn open_or_build(
        corpus: &Path,
        dir: &Path,
        opts: &BuildOptions,
    ) -> crate::Result<(Self, RefreshReport)> {
        let opened = Self::open_or_build_as_it_is(corpus, dir, opts);
        let what = match &opened {
            Err(e) if !opts.force && corpus.is_dir() && build::is_zanlex_index(dir) => e.damage(),
            _ => None,
        };
        let Some(what) = what else {
            return opened;
        };
        let forced = BuildOptions {
            force: true,
            ..opts.clone()
        };
        let (index, mut report) = Self::open_or_build_as_it_is(corpus, dir, &forced)?;
        report.warning = Some(format!(
            "the index {} was damaged ({what}); rebuilt it from the corpus",
            dir.display()
        ));
        Ok((index, report))
    }

    /// [`Store::open_or_build`] without the rebuild of a damaged index.
    fn open_or_build_as_it_is(
        corpus: &Path,
        dir: &Path,
        opts: &BuildOptions,
    ) -> crate::Result<(Self, RefreshReport)> {
        if let Some(trusted) = Self::open_trusted(corpus, dir, opts) {
            return Ok(trusted);
        }
        let as_it_is = !corpus.is_dir() || (opts.no_refresh && !opts.force);
        if as_it_is && layout::IndexDir::new(dir).current().is_some() {
            let index = Self::open(dir)?;
            let mut report = RefreshReport::default();
            build::report_stored_failures(&mut report, &index.index);
            return Ok((index, report));
        }
        build::check_paths(corpus, dir)?;
        let refreshed =
            refresh::refresh_keeping(corpus, dir, opts).map_err(|e| build::naming_index(e, dir));
        let mut report = match refreshed {
            Ok((mut r, Some((index, fields)))) => {
                build::report_stored_failures(&mut r, &index);
                // Just written and still in force: the generation `CURRENT` names.
                let generation = layout::IndexDir::new(dir).current();
                return Ok((Self::from_parts(dir, index, fields, generation)?, r));
            }
            Ok((r, None)) => r,
            // A failed refresh leaves the last commit in force: use it, and say so.
            Err(e) if build::is_zanlex_index(dir) => RefreshReport {
                warning: Some(format!(
                    "could not refresh the index ({e}); using the previous one"
                )),
                ..RefreshReport::default()
            },
            Err(e) => return Err(e),
        };
        let index = Self::open(dir)?;
        build::report_stored_failures(&mut report, &index.index);
        Ok((index, report))
    }

    /// The current generation of `dir`, opened as it is, for a reader that works on it while
    /// the corpus is scanned ([`Store::scan_corpus`], then [`Store::up_to_date`]): what
    /// [`crate::ZanIndex::open_or_build_with`] does. `None` where [`Store::open_or_build`] is
    /// the way: no corpus folder, a forced or verified build, [`BuildOptions::no_refresh`], or
    /// no index that opens.
    pub(crate) fn open_checking(corpus: &Path, dir: &Path, opts: &BuildOptions) -> Option<Self> {
        // Folders known to have changed are read by a refresh, before any answer.
        if opts.force
            || opts.verify
            || opts.no_refresh
            || opts.changed_folders.is_some()
            || opts.rehash.any()
            || !corpus.is_dir()
        {
            return None;
        }
        build::check_paths(corpus, dir).ok()?;
        Self::open(dir).ok()
    }

    /// The index in `dir`, opened as it is, when something other than a scan of every file
    /// shows it holds `corpus` as it is now, or [`BuildOptions::scan_limit`] lets a large
    /// corpus go unchecked ([`Store::trusted_report`]).
    fn open_trusted(
        corpus: &Path,
        dir: &Path,
        opts: &BuildOptions,
    ) -> Option<(Self, RefreshReport)> {
        // Files to compare by content are read, whatever a watcher says of them.
        if opts.rehash.any() {
            return None;
        }
        let watched = watch::watched(dir, corpus);
        if opts.scan_limit.is_none() && watched != watch::Watched::Clean {
            return None;
        }
        let store = Self::open_checking(corpus, dir, opts)?;
        let report = store.report_without_scan(watched, opts)?;
        Some((store, report))
    }

    /// The report of a search that reads no file of `corpus`: a running watcher saw no change
    /// since the last refresh ([`Freshness::Watched`]), or the corpus is larger than
    /// [`BuildOptions::scan_limit`] and its last full check was of this commit
    /// ([`Freshness::Unchecked`]). `None`: the corpus must be checked file by file.
    pub(crate) fn trusted_report(
        &self,
        corpus: &Path,
        opts: &BuildOptions,
    ) -> Option<RefreshReport> {
        self.report_without_scan(watch::watched(&self.dir, corpus), opts)
    }

    /// [`Store::trusted_report`], with what the watcher says already read. A watcher that has
    /// seen changes overrules the record of the last full check: the corpus is checked.
    fn report_without_scan(
        &self,
        watched: watch::Watched,
        opts: &BuildOptions,
    ) -> Option<RefreshReport> {
        if opts.force || opts.verify || opts.no_refresh {
            return None;
        }
        let freshness = match watched {
            watch::Watched::Clean => Freshness::Watched,
            watch::Watched::Pending => return None,
            watch::Watched::Nobody => {
                let key = manifest::stored_stat_key(&self.index)?;
                watch::unchecked_since(&self.dir, &key, opts.scan_limit?)?
            }
        };
        let mut report = RefreshReport {
            unchanged: match freshness {
                Freshness::Unchecked { files, .. } => files,
                _ => 0,
            },
            freshness,
            ..RefreshReport::default()
        };
        build::report_stored_failures(&mut report, &self.index);
        Some(report)
    }

    /// The corpus's files as a refresh would scan them.
    pub(crate) fn scan_corpus(
        corpus: &Path,
        opts: &BuildOptions,
    ) -> crate::Result<refresh::CorpusScan> {
        refresh::scan_corpus(corpus, opts)
    }

    /// The report of a refresh that has nothing to do, when this index was built from exactly
    /// the files of `scanned` (the stored failures included); `None` when it must be
    /// refreshed.
    pub(crate) fn up_to_date(
        &self,
        scanned: &refresh::CorpusScan,
        opts: &BuildOptions,
    ) -> Option<RefreshReport> {
        let mut report = refresh::up_to_date(&self.dir, scanned, &self.index, &self.fields, opts)?;
        build::report_stored_failures(&mut report, &self.index);
        Some(report)
    }

    /// The folder the index lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The name of the generation folder opened (`gen-000003`), when it is known.
    pub fn generation(&self) -> Option<String> {
        let name = self.generation.as_deref()?.file_name()?;
        Some(name.to_string_lossy().into_owned())
    }

    /// Whether the index folder's `CURRENT` still names the generation opened: false once
    /// another generation was published there. Unknown counts as current.
    pub fn is_current(&self) -> bool {
        self.generation
            .as_ref()
            .is_none_or(|g| layout::IndexDir::new(&self.dir).current().as_ref() == Some(g))
    }

    /// The tantivy index (for tools that want to run their own queries).
    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// Handles of the schema's fields.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// A searcher over the last commit.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// The value of type `T` derived from `searcher`'s generation, made by `make` the first
    /// time a generation is asked for one: what readers compute once per commit (statistics,
    /// store readers with their caches) lasts from one query to the next, and goes when a new
    /// commit is read.
    pub fn per_generation<T: Any + Send + Sync>(
        &self,
        searcher: &Searcher,
        make: impl FnOnce() -> crate::Result<T>,
    ) -> crate::Result<Arc<T>> {
        let generation = searcher.generation().generation_id();
        {
            let mut derived = self.derived.lock().unwrap_or_else(PoisonError::into_inner);
            if derived.generation != generation {
                derived.generation = generation;
                derived.values.clear();
            }
            if let Some(held) = derived.values.get(&TypeId::of::<T>()) {
                if let Ok(value) = Arc::clone(held).downcast::<T>() {
                    return Ok(value);
                }
            }
        }
        // Made outside the lock: another type's reader need not wait for this one.
        let fresh = Arc::new(make()?);
        let mut derived = self.derived.lock().unwrap_or_else(PoisonError::into_inner);
        if derived.generation == generation {
            derived.values.insert(
                TypeId::of::<T>(),
                Arc::clone(&fresh) as Arc<dyn Any + Send + Sync>,
            );
        }
        Ok(fresh)
    }

    /// Runs a read of the index's files. Damaged files make tantivy fail or panic deep inside
    /// a read: either becomes an error that names the index and says how to repair it, and
    /// the process goes on.
    pub fn guarded<T>(&self, read: impl FnOnce() -> crate::Result<T>) -> crate::Result<T> {
        let damaged = |what: String| crate::Error::Damaged {
            path: self.dir.clone(),
            what,
        };
        match crate::panic_guard::catch(read) {
            Ok(Err(crate::Error::Engine(e))) if e.is_corruption() => Err(damaged(e.to_string())),
            Ok(done) => done,
            Err(panic) => Err(damaged(panic)),
        }
    }

    fn act_docs(&self, act_id: Option<&str>) -> crate::Result<Vec<Act>> {
        let mut acts = Vec::new();
        self.visit_act_docs(act_id, Texts::Restored, &mut |act| {
            acts.push(act);
            Ok(())
        })?;
        Ok(acts)
    }

    /// Calls `f` with each act (or each act with id `act_id`) in document order, one at a time.
    fn visit_act_docs(
        &self,
        act_id: Option<&str>,
        texts: Texts,
        visit: &mut dyn FnMut(Act) -> crate::Result<()>,
    ) -> crate::Result<()> {
        self.guarded(|| self.visit_act_docs_unguarded(act_id, texts, visit))
    }

    fn visit_act_docs_unguarded(
        &self,
        act_id: Option<&str>,
        texts: Texts,
        visit: &mut dyn FnMut(Act) -> crate::Result<()>,
    ) -> crate::Result<()> {
        let query = of_type(&self.fields, DOC_ACT, act_id, None);
        self.visit_act_docs_matching(&query, texts, visit)
    }

    /// The outlines of the acts with any of the lookup `keys`
    /// ([`crate::refs::resolve::act_lookup_keys`]): the acts a reference naming them may lead
    /// to, read without reading every act.
    pub fn for_each_act_outline_with_keys(
        &self,
        keys: &[String],
        f: impl FnMut(Act) -> crate::Result<()>,
    ) -> crate::Result<()> {
        self.outlines_with_terms(self.fields.act_lookup, keys, f)
    }

    /// The outlines of the codes whose title, as their title key writes it
    /// ([`crate::refs::resolve::CODE_TITLE_KEY_PREFIX`]), `keep` accepts: the codes a
    /// reference naming a code by its name may lead to. The titles are read from the term
    /// dictionary, so no other code's document is opened (a code's outline holds every
    /// edition's unit tree).
    pub fn for_each_code_outline_titled(
        &self,
        keep: &dyn Fn(&str) -> bool,
        mut f: impl FnMut(Act) -> crate::Result<()>,
    ) -> crate::Result<()> {
        use crate::refs::resolve::CODE_TITLE_KEY_PREFIX as PREFIX;
        let searcher = self.searcher();
        let mut titles = std::collections::BTreeSet::new();
        for segment in searcher.segment_readers() {
            let keys = segment.inverted_index(self.fields.act_lookup)?;
            let mut stream = keys.terms().range().ge(PREFIX).into_stream()?;
            while stream.advance() {
                let Some(title) = std::str::from_utf8(stream.key())
                    .ok()
                    .and_then(|k| k.strip_prefix(PREFIX))
                else {
                    break;
                };
                if keep(title) {
                    titles.insert(format!("{PREFIX}{title}"));
                }
            }
        }
        if titles.is_empty() {
            return Ok(());
        }
        let term = |k: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.act_lookup, k),
                IndexRecordOption::Basic,
            ))
        };
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(of_type(&self.fields, DOC_ACT, None, None)) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(BooleanQuery::new(
                    titles.iter().map(|t| (Occur::Should, term(t))).collect(),
                )),
            ),
        ]);
        self.guarded(|| self.visit_act_docs_matching(&query, Texts::Dropped, &mut f))
    }

    /// The outlines of the acts whose references may lead to an act with any of the lookup
    /// `keys` ([`crate::refs::resolve::act_cites_keys`]; add
    /// [`crate::refs::resolve::CITES_ANY`] for those that may lead to any act).
    pub fn for_each_act_outline_citing(
        &self,
        keys: &[String],
        f: impl FnMut(Act) -> crate::Result<()>,
    ) -> crate::Result<()> {
        self.outlines_with_terms(self.fields.act_cites, keys, f)
    }

    /// The outlines of the act documents with any of `terms` in `field`.
    fn outlines_with_terms(
        &self,
        field: tantivy::schema::Field,
        keys: &[String],
        mut f: impl FnMut(Act) -> crate::Result<()>,
    ) -> crate::Result<()> {
        if keys.is_empty() {
            return Ok(());
        }
        let fields = &self.fields;
        let any_key: Vec<(Occur, Box<dyn Query>)> = keys
            .iter()
            .map(|k| {
                let term = Term::from_field_text(field, k);
                let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, q)
            })
            .collect();
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(of_type(fields, DOC_ACT, None, None)) as Box<dyn Query>,
            ),
            (Occur::Must, Box::new(BooleanQuery::new(any_key))),
        ]);
        self.guarded(|| self.visit_act_docs_matching(&query, Texts::Dropped, &mut f))
    }

    fn visit_act_docs_matching(
        &self,
        query: &dyn Query,
        texts: Texts,
        visit: &mut dyn FnMut(Act) -> crate::Result<()>,
    ) -> crate::Result<()> {
        let f = &self.fields;
        let searcher = self.searcher();
        let addrs = searcher.search(query, &DocSetCollector)?;
        let mut addrs: Vec<_> = addrs.into_iter().collect();
        addrs.sort();
        for a in addrs {
            // Through the cached store readers and their decoder (simdutf8), cheaper than
            // tantivy's document deserializer on long Cyrillic strings.
            let doc = stored::fetch(self, &searcher, a)?;
            let js = doc.str(f.act_json);
            if js.is_empty() {
                continue;
            }
            let mut act: Act = serde_json::from_str(js).map_err(|e| self.unreadable(e))?;
            match texts {
                Texts::Restored => self.restore_texts(&searcher, &mut act)?,
                Texts::Dropped => docs::drop_texts(&mut act),
            }
            visit(act)?;
        }
        Ok(())
    }

    /// The error of a stored act that cannot be read back, naming the index.
    pub(crate) fn unreadable(&self, reason: impl std::fmt::Display) -> crate::Error {
        crate::Error::Index {
            path: self.dir.clone(),
            reason: format!("stored act is unreadable ({reason}); run `zanlex index --force`"),
        }
    }

    /// Puts the texts of `act`'s units back from its unit documents (see [`docs`]).
    fn restore_texts(&self, searcher: &tantivy::Searcher, act: &mut Act) -> crate::Result<()> {
        let f = &self.fields;
        let addrs = searcher.search(
            &of_type(f, DOC_UNIT, Some(&act.id), Some(act.lang)),
            &DocSetCollector,
        )?;
        let mut addrs: Vec<_> = addrs.into_iter().collect();
        addrs.sort();
        // Version id → eid → text.
        type TextsByVersion = rustc_hash::FxHashMap<String, rustc_hash::FxHashMap<String, String>>;
        let mut texts = TextsByVersion::default();
        for a in addrs {
            let mut doc = stored::fetch(self, searcher, a)?;
            let (version_id, eid) = (doc.take_str(f.version_id), doc.take_str(f.eid));
            texts
                .entry(version_id)
                .or_default()
                .insert(eid, doc.take_str(f.text));
        }
        // The current text's edition and the current text share their documents: a text may
        // be read twice.
        docs::restore_texts(act, &mut |version_id, eid| {
            texts.get(version_id).and_then(|t| t.get(eid)).cloned()
        })
        .map_err(|e| self.unreadable(format!("act {}: {e}", act.id)))
    }

    /// Calls `f` with each act of the index, one at a time and in no particular order (sort by
    /// `source.file`, then `id`, for the order of [`Store::acts`]): what is kept of each act
    /// is up to `f`, so listing the acts of a large index need not hold them all in memory.
    pub fn for_each_act(&self, mut f: impl FnMut(Act) -> crate::Result<()>) -> crate::Result<()> {
        self.visit_act_docs(None, Texts::Restored, &mut f)
    }

    /// [`Store::for_each_act`] without the units' texts (each is empty): an act's outline
    /// (metadata, unit tree, amendments, editions) is read from its own document alone, not
    /// from its unit documents too.
    pub fn for_each_act_outline(
        &self,
        mut f: impl FnMut(Act) -> crate::Result<()>,
    ) -> crate::Result<()> {
        self.visit_act_docs(None, Texts::Dropped, &mut f)
    }

    /// Every expression of every act in the index (an act in Kazakh and Russian is two
    /// `Act`s with one id), ordered by source file.
    pub fn acts(&self) -> crate::Result<Vec<Act>> {
        let mut acts = self.act_docs(None)?;
        acts.sort_by(|a, b| a.source.file.cmp(&b.source.file).then(a.id.cmp(&b.id)));
        Ok(acts)
    }

    /// The outlines of every expression of act `id` (empty when the index has no such act).
    pub fn act_outlines(&self, id: &str) -> crate::Result<Vec<Act>> {
        let mut acts = Vec::new();
        self.visit_act_docs(Some(id), Texts::Dropped, &mut |a| {
            acts.push(a);
            Ok(())
        })?;
        Ok(acts)
    }

    /// Calls `f` with the stored JSON of every act document, in store order, unparsed: a
    /// caller that needs a few of its fields reads only those.
    pub(crate) fn for_each_act_json(
        &self,
        mut f: impl FnMut(&str) -> crate::Result<()>,
    ) -> crate::Result<()> {
        self.for_each_stored_act_doc(&mut |doc| {
            let json = doc.str(self.fields.act_json);
            if json.is_empty() {
                return Ok(());
            }
            f(json)
        })
    }

    /// Calls `f` with the id, language and source file of every expression in the index,
    /// read from its act document's stored fields: the act itself is not parsed.
    pub fn for_each_expression_file(
        &self,
        mut f: impl FnMut(&str, crate::model::Lang, &str),
    ) -> crate::Result<()> {
        let fields = &self.fields;
        self.for_each_stored_act_doc(&mut |doc| {
            let lang = crate::model::Lang::parse(doc.str(fields.lang)).unwrap_or_default();
            f(doc.str(fields.act_id), lang, doc.str(fields.file));
            Ok(())
        })
    }

    /// Calls `f` with the stored values of every act document, in store order: each block of
    /// the doc store is decompressed once.
    fn for_each_stored_act_doc(
        &self,
        f: &mut dyn FnMut(&stored::StoredDoc) -> crate::Result<()>,
    ) -> crate::Result<()> {
        self.guarded(|| {
            let searcher = self.searcher();
            let query = of_type(&self.fields, DOC_ACT, None, None);
            let mut addrs: Vec<_> = searcher
                .search(&query, &DocSetCollector)?
                .into_iter()
                .collect();
            addrs.sort();
            for a in addrs {
                f(&stored::fetch(self, &searcher, a)?)?;
            }
            Ok(())
        })
    }

    /// The stored JSON of act `id` in `lang`, unparsed (none when the index has no such
    /// expression): a caller that may need only a few of its fields reads those first, and
    /// the outline ([`Store::outline_of_json`]) when it needs it.
    pub(crate) fn act_json_in(
        &self,
        id: &str,
        lang: crate::model::Lang,
    ) -> crate::Result<Option<String>> {
        let query = of_type(&self.fields, DOC_ACT, Some(id), Some(lang));
        self.guarded(|| {
            let searcher = self.searcher();
            let found = searcher.search(&query, &DocSetCollector)?.into_iter().min();
            match found {
                Some(a) => Ok(Some(
                    stored::fetch(self, &searcher, a)?.take_str(self.fields.act_json),
                )),
                None => Ok(None),
            }
        })
    }

    /// The outline of an act from its stored JSON ([`Store::act_json_in`]).
    pub(crate) fn outline_of_json(&self, json: &str) -> crate::Result<Act> {
        let mut act: Act = serde_json::from_str(json).map_err(|e| self.unreadable(e))?;
        docs::drop_texts(&mut act);
        Ok(act)
    }

    /// Every expression of act `id`, Kazakh first (empty when the index has no such act).
    pub fn expressions(&self, id: &str) -> crate::Result<Vec<Act>> {
        let mut acts = self.act_docs(Some(id))?;
        acts.sort_by_key(|a| a.lang);
        Ok(acts)
    }

    /// One act by id, in `lang` (or in Kazakh when it has a Kazakh text, else in the language
    /// it has, for `None`); [`crate::Error::UnknownAct`] names the nearest ids when it is
    /// missing, [`crate::Error::NoExpression`] the languages it has.
    pub fn act_in(&self, id: &str, lang: Option<crate::model::Lang>) -> crate::Result<Act> {
        let all = self.expressions(id)?;
        if all.is_empty() {
            return self.act(id);
        }
        let has: Vec<crate::model::Lang> = all.iter().map(|a| a.lang).collect();
        let mut all = all.into_iter();
        let found = match lang {
            None => all.next(),
            Some(l) => all.find(|a| a.lang == l),
        };
        found.ok_or_else(|| crate::Error::NoExpression {
            id: id.to_string(),
            lang: lang.unwrap_or_default(),
            has,
        })
    }

    /// One act by id (its Kazakh expression when it has one); [`crate::Error::UnknownAct`]
    /// names the nearest ids when it is missing.
    pub fn act(&self, id: &str) -> crate::Result<Act> {
        if let Some(a) = self.expressions(id)?.into_iter().next() {
            return Ok(a);
        }
        Err(self.no_act(id)?)
    }

    /// The ids of the acts in the index, sorted, read from its term dictionary (no act is
    /// loaded).
    pub fn act_ids(&self) -> crate::Result<Vec<String>> {
        let mut ids = std::collections::BTreeSet::new();
        let searcher = self.searcher();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.act_id)?;
            let mut terms = inverted.terms().stream()?;
            while terms.advance() {
                if let Ok(id) = std::str::from_utf8(terms.key()) {
                    ids.insert(id.to_string());
                }
            }
        }
        Ok(ids.into_iter().collect())
    }

    /// The error for an act id the index does not have: it names at most
    /// [`SUGGESTED_IDS`] ids nearest to it, never the whole list (a large corpus has
    /// tens of thousands).
    fn no_act(&self, id: &str) -> crate::Result<crate::Error> {
        // The ids are listed once per commit: an unknown id costs a binary search and the
        // comparisons around it, not a walk of every act's id.
        let searcher = self.searcher();
        let ids = self.per_generation(&searcher, || {
            #[cfg(test)]
            ID_LISTS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok(ActIds::new(self.act_ids()?))
        })?;
        let mut nearest = Vec::new();
        for candidate in ids.nearest(id) {
            // A term may outlive its deleted documents until their segment is merged.
            if !self.expressions(candidate)?.is_empty() {
                nearest.push(candidate);
            }
            if nearest.len() == SUGGESTED_IDS {
                break;
            }
        }
        // An id of any length is named in the error, but no longer than an id can be.
        let mut shown: String = id.chars().take(MAX_ACT_ID_CHARS).collect();
        if shown.len() < id.len() {
            shown.push('…');
        }
        Ok(crate::Error::UnknownAct {
            id: shown,
            index: self.dir.clone(),
            suggestions: nearest.into_iter().map(str::to_string).collect(),
            acts: ids.len(),
        })
    }

    /// One unit of an act's current text in `lang` (see [`Store::act_in`]), with its
    /// citation; a unit the current text no longer prints (removed, or renumbered away) as
    /// the newest older edition that prints it has it.
    pub fn unit_in(
        &self,
        act_id: &str,
        eid: &str,
        lang: Option<crate::model::Lang>,
    ) -> crate::Result<UnitView> {
        let act = self.act_in(act_id, lang)?;
        match unit_in_act(&act, eid) {
            Some((path, label, citation, unit)) => Ok(UnitView {
                act,
                unit,
                path,
                label,
                citation,
            }),
            None => Err(crate::Error::UnknownUnit {
                act: act_id.to_string(),
                eid: eid.to_string(),
            }),
        }
    }

    /// Whether the index has act `id` in some language, and when `eid` is given, whether
    /// one of its texts or editions has that unit: a lookup of the ids in the terms, no act
    /// read. A unit the terms lack may be one with no document (neither text nor heading of
    /// its own): only then is the act's outline read, from its own document.
    pub(crate) fn has_target(&self, id: &str, eid: Option<&str>) -> crate::Result<bool> {
        let found = |query: &BooleanQuery| -> crate::Result<bool> {
            self.guarded(|| Ok(self.searcher().search(query, &tantivy::collector::Count)? > 0))
        };
        if !found(&of_type(&self.fields, DOC_ACT, Some(id), None))? {
            return Ok(false);
        }
        let Some(eid) = eid else { return Ok(true) };
        let unit = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(of_type(&self.fields, DOC_UNIT, Some(id), None)) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.eid, eid),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        if found(&unit)? {
            return Ok(true);
        }
        let mut has = false;
        for act in self.act_outlines(id)? {
            let trees = std::iter::once(&act.units).chain(act.versions.iter().map(|v| &v.units));
            for units in trees {
                crate::model::walk_with_path(units, &mut |path| {
                    has |= path.last().is_some_and(|u| u.eid == eid);
                });
            }
        }
        Ok(has)
    }

    /// Number of unit documents (current texts and older editions).
    pub fn unit_count(&self) -> crate::Result<usize> {
        let q = TermQuery::new(
            Term::from_field_text(self.fields.doc_type, DOC_UNIT),
            IndexRecordOption::Basic,
        );
        Ok(self.searcher().search(&q, &tantivy::collector::Count)?)
    }
}

/// What reading an act does with the texts its frame leaves out.
#[derive(Clone, Copy)]
enum Texts {
    /// Read from the act's unit documents.
    Restored,
    /// Left empty.
    Dropped,
}

/// How large a file of changes kept beside a whole file of `whole_len` bytes may grow (the
/// lexicon counts' log, the manifest's delta): an eighth of the whole file, so that reading
/// both costs at most that much more than reading the whole file alone, and at least a
/// megabyte, which costs nothing noticeable to read. Past it, the whole file is written again.
fn changes_share(whole_len: u64) -> u64 {
    (whole_len / 8).max(1 << 20)
}

/// Documents of `doc_type` (and of act `act_id` and of its expression in `lang`, when given).
fn of_type(
    f: &Fields,
    doc_type: &str,
    act_id: Option<&str>,
    lang: Option<crate::model::Lang>,
) -> BooleanQuery {
    let term = |field, text: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            tantivy::Term::from_field_text(field, text),
            IndexRecordOption::Basic,
        ))
    };
    let mut clauses = vec![(Occur::Must, term(f.doc_type, doc_type))];
    if let Some(id) = act_id {
        clauses.push((Occur::Must, term(f.act_id, id)));
    }
    if let Some(lang) = lang {
        clauses.push((Occur::Must, term(f.lang, lang.as_str())));
    }
    BooleanQuery::new(clauses)
}

/// Unit `eid` of `act`'s current text, else of the newest older edition that prints it: its
/// path of eids, its label, its pinpoint citation and the unit.
pub(crate) fn unit_in_act(act: &Act, eid: &str) -> Option<(Vec<String>, String, String, Unit)> {
    let mut found: Option<(Vec<String>, String, String, Unit)> = None;
    let trees = std::iter::once(&act.units).chain(act.versions.iter().rev().map(|v| &v.units));
    for units in trees {
        crate::model::walk_with_path(units, &mut |path| {
            if found.is_none() && path.last().is_some_and(|u| u.eid == eid) {
                found = Some((
                    path.iter().map(|u| u.eid.clone()).collect(),
                    citation::unit_label(path, act.kind, act.lang),
                    citation::citation(act, path),
                    (*path[path.len() - 1]).clone(),
                ));
            }
        });
        if found.is_some() {
            break;
        }
    }
    found
}

#[cfg(test)]
mod refresh_reads_tests;

#[cfg(test)]
mod acts_tests;

#[cfg(test)]
mod segments_tests;

#[cfg(test)]
mod nearest_tests;

#[cfg(test)]
mod safety_tests;

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn nearest_ids() {
        let ids: Vec<String> = ["law-2014-12-11-270-v", "mfa-order-2018-01-04-11-1-4-1"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            crate::index::ActIds::new(ids).nearest("mfa-order-2018")[0],
            "mfa-order-2018-01-04-11-1-4-1"
        );
    }
}

#[cfg(test)]
mod refresh_links_tests;

//! The tantivy index: schema, build, incremental refresh, and reading acts and units back.
//!
//! [`ZanIndex`] is the handle the CLI and library users work with:
//!
//! ```no_run
//! use zanlex::index::{BuildOptions, ZanIndex};
//! use zanlex::search::SearchRequest;
//! # fn main() -> zanlex::Result<()> {
//! let (index, _report) = ZanIndex::open_or_build("corpus".as_ref(), "index".as_ref(), &BuildOptions::default())?;
//! let results = index.search(&SearchRequest::new("тұрақты тұруға рұқсат").limit(5))?;
//! for hit in &results.hits {
//!     println!("{}\n  {}", hit.citation, hit.snippet.text);
//! }
//! # Ok(()) }
//! ```

mod as_of;
pub mod build;
mod directory;
pub mod docs;
mod layout;
pub mod schema;
mod staging;

pub use as_of::UnitAsOf;
pub use build::{build_from_acts, refresh, BuildOptions, Manifest, RefreshReport};
pub use schema::{Fields, SCHEMA_VERSION};

use crate::model::{Act, Unit};
use crate::search::citation;
use schema::{DOC_ACT, DOC_UNIT};
use std::path::{Path, PathBuf};
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, Term};

/// An open zanlex index: the tantivy index with its analyzers, fields and a reader.
pub struct ZanIndex {
    dir: PathBuf,
    index: Index,
    fields: Fields,
    reader: IndexReader,
    /// The act documents of the last searcher generation seen (title statistics).
    title_act_docs: std::sync::Mutex<Option<std::sync::Arc<crate::search::title::ActDocs>>>,
    /// The doc-store readers of the last searcher generation seen (hits' stored values).
    stored_docs: std::sync::Mutex<Option<std::sync::Arc<crate::search::stored::StoredDocs>>>,
}

/// A unit fetched by act id and eid, with what is needed to cite it.
#[derive(Debug, Clone)]
pub struct UnitView {
    pub act: Act,
    /// The unit itself (with its children).
    pub unit: Unit,
    /// Eids from the top-level unit down to the unit.
    pub path: Vec<String>,
    pub label: String,
    pub citation: String,
}

/// How many ids an unknown act id's error suggests.
pub const SUGGESTED_IDS: usize = 3;

/// `ids` nearest to `id` first: those containing it (a prefix typed, `mvd-order-2012`), then by
/// edit distance; ties by id.
pub fn nearest_ids<'a>(id: &str, ids: &'a [String]) -> Vec<&'a str> {
    let id = id.trim().to_lowercase();
    let mut scored: Vec<(bool, usize, &str)> = ids
        .iter()
        .map(|c| {
            let contains = !id.is_empty() && c.contains(&id);
            (!contains, strsim::levenshtein(&id, c), c.as_str())
        })
        .collect();
    scored.sort_unstable();
    scored.into_iter().map(|(_, _, c)| c).collect()
}

impl std::fmt::Debug for ZanIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ZanIndex").field("dir", &self.dir).finish()
    }
}

impl ZanIndex {
    /// Opens an existing index (no refresh). Fails with [`crate::Error::Index`] when `dir`
    /// holds no zanlex index.
    pub fn open(dir: &Path) -> crate::Result<Self> {
        let layout = layout::IndexDir::new(dir);
        let index_err = |reason: String| crate::Error::Index {
            path: dir.to_path_buf(),
            reason,
        };
        // Held while the generation opens, so no writer removes it meanwhile.
        let _reading = layout
            .lock_for_reading()
            .map_err(|e| index_err(format!("cannot lock it for reading: {e}")))?;
        let Some(generation) = layout.current() else {
            return Err(index_err(
                "no index here; run `zanlex index` (or `zanlex search`, which builds it)".into(),
            ));
        };
        let (index, fields) = build::open_tantivy(&generation)?;
        Self::from_parts(dir, index, fields)
    }

    /// Wraps an index already opened (with its analyzers registered).
    fn from_parts(dir: &Path, index: Index, fields: Fields) -> crate::Result<Self> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(ZanIndex {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader,
            title_act_docs: Default::default(),
            stored_docs: Default::default(),
        })
    }

    /// Builds the index from `corpus` when missing, refreshes it when stale (only changed
    /// files are re-indexed), then opens it. When `corpus` does not exist but an index does,
    /// the index is opened as it is.
    pub fn open_or_build(
        corpus: &Path,
        dir: &Path,
        opts: &BuildOptions,
    ) -> crate::Result<(Self, RefreshReport)> {
        if !corpus.is_dir() && layout::IndexDir::new(dir).current().is_some() {
            let index = Self::open(dir)?;
            let mut report = RefreshReport::default();
            build::report_stored_failures(&mut report, &index.index);
            return Ok((index, report));
        }
        build::check_paths(corpus, dir)?;
        let refreshed =
            build::refresh_keeping(corpus, dir, opts).map_err(|e| build::naming_index(e, dir));
        let mut report = match refreshed {
            Ok((mut r, Some((index, fields)))) => {
                build::report_stored_failures(&mut r, &index);
                return Ok((Self::from_parts(dir, index, fields)?, r));
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

    /// The folder the index lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
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

    /// The act documents of `searcher` with their unit counts and title lengths, read once per
    /// commit (every search with a title score needs them).
    pub fn title_act_docs(
        &self,
        searcher: &Searcher,
    ) -> crate::Result<std::sync::Arc<crate::search::title::ActDocs>> {
        per_generation(
            &self.title_act_docs,
            searcher,
            |a| a.generation,
            || crate::search::title::ActDocs::read(searcher, &self.fields),
        )
    }

    /// The doc-store readers of `searcher`'s segments, opened once per commit so that their
    /// block caches last from one search to the next.
    pub fn stored_docs(
        &self,
        searcher: &Searcher,
    ) -> crate::Result<std::sync::Arc<crate::search::stored::StoredDocs>> {
        per_generation(
            &self.stored_docs,
            searcher,
            |s| s.generation,
            || crate::search::stored::StoredDocs::open(searcher),
        )
    }

    /// The `kk_stem` terms of `searcher`'s segments whose stem folds to `loose` (a `kk_loose`
    /// token), sorted, one for each form of each such stem ([`crate::analysis::form_term`]):
    /// with the `kk_loose` term itself, what a loose search looks for
    /// ([`crate::analysis::KK_LOOSE_REST`]). A Cyrillic form has those whose stem folds to
    /// it, a number ([`crate::analysis::is_unchanged_form`]) its own term when the index has
    /// it, others none.
    pub fn stem_terms_folding_to(
        &self,
        searcher: &Searcher,
        loose: &str,
    ) -> crate::Result<Vec<String>> {
        let mut set = crate::search::synonym::TermSet::default();
        self.add_stem_terms_folding_to(searcher, loose, None, &mut set)?;
        Ok(set
            .terms()
            .iter()
            .filter_map(|t| t.value().as_str().map(str::to_string))
            .collect())
    }

    /// Adds to `set` the terms [`ZanIndex::stem_terms_folding_to`] returns, with where each is
    /// in each segment, but for the terms of the stem `besides` (the caller has those).
    pub fn add_stem_terms_folding_to(
        &self,
        searcher: &Searcher,
        loose: &str,
        besides: Option<&str>,
        set: &mut crate::search::synonym::TermSet,
    ) -> crate::Result<()> {
        let field = self.fields.kk_stem;
        if crate::analysis::is_unchanged_form(loose) {
            // Such a token is always its own stem, written as it is.
            let own = crate::analysis::form_term(loose, loose);
            set.look_up(searcher, tantivy::Term::from_field_text(field, &own))?;
        } else if crate::analysis::is_cyrillic_word(loose) {
            use crate::search::restore::{each_accepted_in, Besides, FoldsTo};
            let folds = FoldsTo::new(loose);
            set.add_from_segments(searcher, field, |dictionary, found| match besides {
                Some(stem) => {
                    each_accepted_in(dictionary, Besides::new(folds.clone(), stem), found)
                }
                None => each_accepted_in(dictionary, folds.clone(), found),
            })?;
        }
        Ok(())
    }

    /// The manifest of the last commit (what files the index was built from).
    pub fn manifest(&self) -> Option<Manifest> {
        build::read_manifest(&self.index)
    }

    /// Runs a search; see [`crate::search::search`].
    pub fn search(
        &self,
        req: &crate::search::SearchRequest,
    ) -> crate::Result<crate::search::SearchResults> {
        self.guarded(|| crate::search::search(self, req))
    }

    /// Runs a read of the index's files. Damaged files make tantivy fail or panic deep inside
    /// a read: either becomes an error that names the index and says how to repair it, and
    /// the process goes on.
    fn guarded<T>(&self, read: impl FnOnce() -> crate::Result<T>) -> crate::Result<T> {
        let damaged = |what: String| crate::Error::Index {
            path: self.dir.clone(),
            reason: format!("the index is damaged ({what}); run `zanlex index --force`"),
        };
        match crate::panic_guard::catch(read) {
            Ok(Err(crate::Error::Tantivy(e @ tantivy::TantivyError::DataCorruption(_)))) => {
                Err(damaged(e.to_string()))
            }
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
        let f = &self.fields;
        let searcher = self.searcher();
        let addrs = searcher.search(&of_type(f, DOC_ACT, act_id, None), &DocSetCollector)?;
        let mut addrs: Vec<_> = addrs.into_iter().collect();
        addrs.sort();
        for a in addrs {
            // Through the cached store readers and their decoder (simdutf8): tantivy's document
            // deserializer was 47 % of `acts`.
            let doc = crate::search::stored::fetch(self, &searcher, a)?;
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

    fn unreadable(&self, reason: impl std::fmt::Display) -> crate::Error {
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
            let mut doc = crate::search::stored::fetch(self, searcher, a)?;
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
    /// `source.file`, then `id`, for the order of [`ZanIndex::acts`]): what is kept of each act
    /// is up to `f`, so listing the acts of a large index need not hold them all in memory.
    pub fn for_each_act(&self, mut f: impl FnMut(Act) -> crate::Result<()>) -> crate::Result<()> {
        self.visit_act_docs(None, Texts::Restored, &mut f)
    }

    /// [`ZanIndex::for_each_act`] without the units' texts (each is empty): an act's outline
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

    /// Every expression of act `id`, Kazakh first (empty when the index has no such act).
    pub fn expressions(&self, id: &str) -> crate::Result<Vec<Act>> {
        let mut acts = self.act_docs(Some(id))?;
        acts.sort_by_key(|a| a.lang);
        Ok(acts)
    }

    /// One act by id, in `lang` (or in Kazakh when it has a Kazakh text, else in the language
    /// it has, for `None`); [`crate::Error::NotFound`] names the known ids, or the languages
    /// the act has, when it is missing.
    pub fn act_in(&self, id: &str, lang: Option<crate::model::Lang>) -> crate::Result<Act> {
        let all = self.expressions(id)?;
        if all.is_empty() {
            return self.act(id);
        }
        let langs: Vec<&str> = all.iter().map(|a| a.lang.as_str()).collect();
        let langs = langs.join(", ");
        match lang {
            None => Ok(all.into_iter().next().expect("checked non-empty")),
            Some(l) => all.into_iter().find(|a| a.lang == l).ok_or_else(|| {
                crate::Error::NotFound(format!(
                    "act {id} has no text in {l} in the index; it has: {langs}"
                ))
            }),
        }
    }

    /// One act by id (its Kazakh expression when it has one); [`crate::Error::NotFound`] names
    /// the nearest ids when it is missing.
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
        let ids = self.act_ids()?;
        let mut nearest = Vec::new();
        for candidate in nearest_ids(id, &ids) {
            // A term may outlive its deleted documents until their segment is merged.
            if !self.expressions(candidate)?.is_empty() {
                nearest.push(candidate);
            }
            if nearest.len() == SUGGESTED_IDS {
                break;
            }
        }
        let hint = if nearest.is_empty() {
            "it has no acts; run `zanlex index`".to_string()
        } else {
            format!(
                "did you mean: {}? (`zanlex acts` lists all {})",
                nearest.join(", "),
                ids.len()
            )
        };
        Ok(crate::Error::NotFound(format!(
            "no act with id {id:?} in index {}; {hint}",
            self.dir.display()
        )))
    }

    /// One unit of an act's current text, with its citation.
    pub fn unit(&self, act_id: &str, eid: &str) -> crate::Result<UnitView> {
        self.unit_in(act_id, eid, None)
    }

    /// One unit of an act's current text in `lang` (see [`ZanIndex::act_in`]), with its
    /// citation.
    pub fn unit_in(
        &self,
        act_id: &str,
        eid: &str,
        lang: Option<crate::model::Lang>,
    ) -> crate::Result<UnitView> {
        let act = self.act_in(act_id, lang)?;
        let mut found: Option<(Vec<String>, String, String, Unit)> = None;
        docs::walk_with_path(&act.units, &mut |path| {
            if found.is_none() && path.last().is_some_and(|u| u.eid == eid) {
                found = Some((
                    path.iter().map(|u| u.eid.clone()).collect(),
                    citation::unit_label(path, act.kind, act.lang),
                    citation::citation(&act, path),
                    (*path[path.len() - 1]).clone(),
                ));
            }
        });
        match found {
            Some((path, label, citation, unit)) => Ok(UnitView {
                act,
                unit,
                path,
                label,
                citation,
            }),
            None => Err(crate::Error::NotFound(format!(
                "act {act_id} has no unit {eid:?}; list its units with `zanlex units {act_id}`"
            ))),
        }
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

/// What `slot` holds for `searcher`'s generation, made by `make` when it holds another's.
fn per_generation<T>(
    slot: &std::sync::Mutex<Option<std::sync::Arc<T>>>,
    searcher: &Searcher,
    generation_of: impl Fn(&T) -> u64,
    make: impl FnOnce() -> crate::Result<T>,
) -> crate::Result<std::sync::Arc<T>> {
    let generation = searcher.generation().generation_id();
    let mut cached = slot
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(held) = cached.as_ref().filter(|h| generation_of(h) == generation) {
        return Ok(std::sync::Arc::clone(held));
    }
    let fresh = std::sync::Arc::new(make()?);
    *cached = Some(std::sync::Arc::clone(&fresh));
    Ok(fresh)
}

/// What reading an act does with the texts its frame leaves out.
#[derive(Clone, Copy)]
enum Texts {
    /// Read from the act's unit documents.
    Restored,
    /// Left empty.
    Dropped,
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

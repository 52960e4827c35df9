//! [`ZanIndex`], the handle a library user, the command line and the server work with.
//!
//! It sits above every stage: it opens (or builds) the index, runs searches, and answers the
//! questions a reader asks of one act or provision: its text, its wording on a date, its
//! amendment timeline and what changed between two editions. No stage imports it.

use crate::amend::diff::ActDiff;
use crate::amend::history::HistoryEntry;
use crate::index::{BuildOptions, RefreshReport, Store, UnitView};
use crate::model::{Act, Amendment, EditionRef, Lang, TimeState, Unit};
use chrono::NaiveDate;
use std::path::Path;

/// An open zanlex index.
///
/// ```no_run
/// use zanlex::{BuildOptions, SearchRequest, ZanIndex};
/// # fn main() -> zanlex::Result<()> {
/// let (index, _report) = ZanIndex::open_or_build("corpus", "index", &BuildOptions::default())?;
/// let results = index.search(&SearchRequest::new("тұрақты тұруға рұқсат").limit(5))?;
/// for hit in &results.hits {
///     println!("{}\n  {}", hit.citation, hit.snippet.text);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct ZanIndex {
    store: Store,
}

/// A unit in the wording a date asks for, by the point-in-time rule (`docs/time.md`): what
/// `zanlex show ACT#EID --as-of DATE` prints.
#[derive(Debug, Clone)]
pub struct UnitAt {
    /// The unit in the act's current text, with its act, path and citation (for a unit the
    /// current text no longer prints, as the newest edition printing it has it).
    pub current: UnitView,
    /// The wording shown: the one in force on the date (a deletion or a placeholder in force
    /// included), or a repealed act's last wording. `None` when no wording of the corpus was in
    /// force on the date (`state` says why: not yet adopted, not yet in the act, not in the
    /// corpus): no text is presented as in force then.
    pub unit: Option<Unit>,
    /// The id of the edition the wording comes from when that is not the current text.
    pub version: Option<String>,
    /// The source file of the wording shown (the current text's when there is none).
    pub source_file: String,
    /// The amendments that touched this unit, in the act's order.
    pub amendments: Vec<Amendment>,
    /// The unit's state on the date (today's text when none was asked).
    pub state: TimeState,
    /// The edition the wording comes from, with the dates it was in force; `None` when there
    /// is no wording.
    pub edition: Option<EditionRef>,
    /// The date asked for.
    pub as_of: Option<NaiveDate>,
    /// Set when the act asked for was not yet adopted, or not yet in force, on the date and
    /// the answer is read from the act it replaced ([`crate::Succession::replaces`]):
    /// `current`, `unit` and `state` are then that act's.
    pub predecessor: Option<crate::ActLink>,
    /// For a unit not yet in force on the date ([`TimeState::NotYetInForce`]): the wording
    /// the corpus prints for it from the day it takes effect, never in force on the date
    /// (`unit` stays `None`).
    pub to_come: Option<WordingToCome>,
    /// The language of the act's other text whose reading `state` rests on, when the rule
    /// chose the twin's reading ([`crate::UnitAnswer::read_from`]).
    pub(crate) read_from: Option<Lang>,
}

/// The wording a unit not yet in force on a date takes on the day it takes effect
/// ([`UnitAt::to_come`], [`crate::UnitAnswer::to_come`]): shown as the wording to come,
/// never as the text in force.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[non_exhaustive]
pub struct WordingToCome {
    /// Its full text, the units inside it included.
    pub text: String,
    /// The tables printed in `text`, with the byte ranges their cells' lines take.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<crate::model::TextTable>,
    /// The edition it comes from; `from` is the day it takes effect.
    pub edition: EditionRef,
}

impl UnitAt {
    /// The state in words (English for `None`, else Kazakh or Russian), for the date asked.
    pub fn describe(&self, lang: Option<Lang>) -> String {
        self.state.describe(self.as_of, lang)
    }
}

impl ZanIndex {
    /// Opens an existing index (no refresh). Fails with [`crate::Error::NoIndex`] when `dir`
    /// holds no zanlex index.
    pub fn open(dir: impl AsRef<Path>) -> crate::Result<Self> {
        Ok(ZanIndex {
            store: Store::open(dir.as_ref())?,
        })
    }

    /// Builds the index in `dir` from the documents in `corpus` when it is missing, refreshes
    /// it when the corpus changed (only changed files are re-read), then opens it. When
    /// `corpus` does not exist but an index does, or [`BuildOptions::no_refresh`] asks for it,
    /// the index is opened as it is. The report names the files the index does not hold, and
    /// why.
    pub fn open_or_build(
        corpus: impl AsRef<Path>,
        dir: impl AsRef<Path>,
        opts: &BuildOptions,
    ) -> crate::Result<(Self, RefreshReport)> {
        let (store, report) = Store::open_or_build(corpus.as_ref(), dir.as_ref(), opts)?;
        Ok((ZanIndex { store }, report))
    }

    /// [`ZanIndex::open_or_build`], then `work` on the index, for a reader that wants its
    /// answer soon: on a large corpus, finding whether the index is up to date (the size and
    /// time of every file) takes longer than a search. So `work` runs on the index as it is
    /// while the corpus is scanned; when the index proves up to date its answer stands, else
    /// the index is refreshed and `work` runs again, on the refreshed index (an answer from a
    /// stale index is never returned).
    ///
    /// ```no_run
    /// # fn main() -> zanlex::Result<()> {
    /// use zanlex::{BuildOptions, SearchRequest, ZanIndex};
    /// let request = SearchRequest::new("тұрақты тұру");
    /// let (_index, _report, results) = ZanIndex::open_or_build_with(
    ///     "corpus",
    ///     "index",
    ///     &BuildOptions::default(),
    ///     |index| index.search(&request),
    /// )?;
    /// println!("{} hits", results?.hits.len());
    /// # Ok(()) }
    /// ```
    pub fn open_or_build_with<T>(
        corpus: impl AsRef<Path>,
        dir: impl AsRef<Path>,
        opts: &BuildOptions,
        work: impl Fn(&ZanIndex) -> T,
    ) -> crate::Result<(Self, RefreshReport, T)> {
        let (corpus, dir) = (corpus.as_ref(), dir.as_ref());
        if let Some(store) = Store::open_checking(corpus, dir, opts) {
            let index = ZanIndex { store };
            if let Some(report) = index.store.trusted_report(corpus, opts) {
                let answer = work(&index);
                return Ok((index, report, answer));
            }
            let (scanned, answer) = std::thread::scope(|s| {
                let scan = s.spawn(|| Store::scan_corpus(corpus, opts));
                let answer = work(&index);
                (scan.join(), answer)
            });
            let scanned = scanned.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            // A scan that failed is the refresh's to report.
            if let Some(report) = scanned.ok().and_then(|s| index.store.up_to_date(&s, opts)) {
                return Ok((index, report, answer));
            }
        }
        let (index, report) = Self::open_or_build(corpus, dir, opts)?;
        let answer = work(&index);
        Ok((index, report, answer))
    }

    /// The generation of the index folder this index reads (`gen-000003`), when it is known:
    /// how a server says which published index it serves.
    pub fn generation(&self) -> Option<String> {
        self.store.generation()
    }

    /// Whether this is still the index in force in its folder: false once a newer generation
    /// was written or published there ([`crate::publish`]), which a replica then opens.
    ///
    /// ```no_run
    /// # fn main() -> zanlex::Result<()> {
    /// let mut index = zanlex::ZanIndex::open("index")?;
    /// if !index.is_current() {
    ///     index = zanlex::ZanIndex::open("index")?;
    /// }
    /// # let _ = index;
    /// # Ok(()) }
    /// ```
    pub fn is_current(&self) -> bool {
        self.store.is_current()
    }

    /// The folder the index lives in.
    pub fn dir(&self) -> &Path {
        self.store.dir()
    }

    /// The byte spans of each of `texts` that a search for `query` marks in its hits (the
    /// same words, inflected forms, Latin or keyboard-typed spellings, alternatives), for
    /// showing a whole text with the query's words marked. [`crate::Error::Query`] when the
    /// query cannot be read.
    ///
    /// ```no_run
    /// # let (index, _) = zanlex::ZanIndex::open_or_build("corpus", "index", &Default::default())?;
    /// let text = "Тұрақты тұруға рұқсат беріледі.";
    /// let spans = index.highlights("turaqty", &[text])?;
    /// assert_eq!(&text[spans[0][0][0]..spans[0][0][1]], "Тұрақты");
    /// # Ok::<(), zanlex::Error>(())
    /// ```
    pub fn highlights(&self, query: &str, texts: &[&str]) -> crate::Result<Vec<Vec<[usize; 2]>>> {
        self.store
            .guarded(|| crate::search::highlights(&self.store, query, texts))
    }

    /// Every expression of every act in the index (an act in Kazakh and Russian is two
    /// [`Act`]s with one id), ordered by source file.
    pub fn acts(&self) -> crate::Result<Vec<Act>> {
        self.store.acts()
    }

    /// Calls `f` with each act, one at a time and in no particular order, so that listing the
    /// acts of a large index need not hold them all in memory.
    pub fn for_each_act(&self, f: impl FnMut(Act) -> crate::Result<()>) -> crate::Result<()> {
        self.store.for_each_act(f)
    }

    /// [`ZanIndex::for_each_act`] without the units' texts (each is empty): metadata, unit
    /// tree, amendments and editions only, read from one document per act.
    pub fn for_each_act_outline(
        &self,
        f: impl FnMut(Act) -> crate::Result<()>,
    ) -> crate::Result<()> {
        self.store.for_each_act_outline(f)
    }

    /// The ids of the acts in the index, sorted.
    pub fn act_ids(&self) -> crate::Result<Vec<String>> {
        self.store.act_ids()
    }

    /// Every expression of act `id`, Kazakh first (empty when the index has no such act).
    pub fn expressions(&self, id: &str) -> crate::Result<Vec<Act>> {
        self.store.expressions(id)
    }

    /// The outlines (no unit texts) of every expression of act `id`: its requisites without
    /// reading its text (empty when the index has no such act).
    pub(crate) fn act_outlines(&self, id: &str) -> crate::Result<Vec<Act>> {
        self.store.act_outlines(id)
    }

    /// One act by id (its Kazakh expression when it has one); [`crate::Error::UnknownAct`]
    /// names the nearest ids when it is missing.
    pub fn act(&self, id: &str) -> crate::Result<Act> {
        self.store.act(id)
    }

    /// One act by id in `lang` (for `None`, in Kazakh when it has a Kazakh text, else in the
    /// language it has).
    pub fn act_in(&self, id: &str, lang: Option<Lang>) -> crate::Result<Act> {
        self.store.act_in(id, lang)
    }

    /// One unit of an act's current text, with its citation (a unit the current text no
    /// longer prints, from the newest edition printing it).
    pub fn unit(&self, act_id: &str, eid: &str) -> crate::Result<UnitView> {
        self.store.unit_in(act_id, eid, None)
    }

    /// One unit of an act's current text in `lang` (see [`ZanIndex::act_in`]), with its
    /// citation (a unit the current text no longer prints, from the newest edition printing
    /// it).
    pub fn unit_in(&self, act_id: &str, eid: &str, lang: Option<Lang>) -> crate::Result<UnitView> {
        self.store.unit_in(act_id, eid, lang)
    }

    /// Unit `eid` of act `act_id` in `lang` as the point-in-time rule answers for `as_of`
    /// (`None`: today's text): the wording in force then and the edition it comes from, or the
    /// honest state when the corpus has none (not yet adopted, not in the corpus, …).
    ///
    /// ```no_run
    /// # fn main() -> zanlex::Result<()> {
    /// let index = zanlex::ZanIndex::open("index")?;
    /// let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    /// let at = index.unit_as_of("mvd-order-2012-04-20-271", "para_3", None, Some(date))?;
    /// println!("{}: {}", at.current.citation, at.describe(None));
    /// if let (Some(unit), Some(edition)) = (&at.unit, &at.edition) {
    ///     println!("{} (edition {}, in force from {:?})", unit.full_text(), edition.id, edition.from);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn unit_as_of(
        &self,
        act_id: &str,
        eid: &str,
        lang: Option<Lang>,
        as_of: Option<NaiveDate>,
    ) -> crate::Result<UnitAt> {
        let current = self.store.unit_in(act_id, eid, lang)?;
        let act = &current.act;
        let timeline = crate::amend::time::ActTimeline::new(act);
        let unit_time = timeline.unit(eid);
        let answer = unit_time.at(as_of);
        let last = timeline.editions().len().saturating_sub(1);
        let shown = answer
            .piece
            .filter(|_| answer.state.has_wording())
            .and_then(|i| {
                let edition = unit_time.pieces()[i].edition;
                Some((
                    edition,
                    unit_time.unit(i)?.clone(),
                    unit_time.edition_ref(i),
                ))
            });
        let (unit, version, source_file, edition) = match shown {
            Some((k, unit, edition)) => (
                Some(unit),
                (k != last).then(|| edition.id.clone()),
                edition.file.clone(),
                Some(edition),
            ),
            None => (None, None, act.source.file.clone(), None),
        };
        // Before this act, the act it replaced answers for the date, and says so.
        if let (Some(day), TimeState::NotYetAdopted { .. } | TimeState::NotYetInForce { .. }) =
            (as_of, &answer.state)
        {
            if let Some(at) = self.read_in_predecessor(act, eid, day)? {
                return Ok(at);
            }
        }
        let amendments = act
            .amendments
            .iter()
            .filter(|a| a.target_eid == eid)
            .cloned()
            .collect();
        // Before its day, the wording it takes on that day, apart from the text in force.
        let to_come = match answer.state {
            TimeState::NotYetInForce {
                from, estimated, ..
            } => {
                let then = unit_time.at(Some(from));
                then.piece
                    .filter(|_| then.state.has_wording())
                    .and_then(|i| {
                        let (text, tables, _) = unit_time.unit(i)?.full_text_pieces();
                        let mut edition = unit_time.edition_ref(i);
                        // The edition's wording may date from before the unit took effect:
                        // it applies from the unit's day.
                        if edition.from.is_none_or(|f| f < from) {
                            edition.from = Some(from);
                            edition.from_estimated = estimated;
                            edition.basis = format!(
                                "the day the unit takes effect; the edition's wording: {}",
                                edition.basis
                            );
                        }
                        Some(WordingToCome {
                            text,
                            tables,
                            edition,
                        })
                    })
            }
            _ => None,
        };
        Ok(UnitAt {
            current,
            unit,
            version,
            source_file,
            amendments,
            state: answer.state,
            edition,
            as_of,
            predecessor: None,
            to_come,
            read_from: answer.read_from,
        })
    }

    /// Unit `eid` on `day` as the act `act` replaced prints it, when `act` has a predecessor
    /// in the index, older than it, with that unit; `None` else.
    fn read_in_predecessor(
        &self,
        act: &Act,
        eid: &str,
        day: NaiveDate,
    ) -> crate::Result<Option<UnitAt>> {
        let Some(link) = self.succession(&act.id)?.replaces else {
            return Ok(None);
        };
        let Some(id) = link.id.as_deref() else {
            return Ok(None);
        };
        // Only an older act continues this one's time backwards.
        let older = matches!((link.date, act.date()), (Some(d), Some(a)) if d < a);
        if !older {
            return Ok(None);
        }
        match self.unit_as_of(id, eid, Some(act.lang), Some(day)) {
            Ok(mut at) => {
                at.predecessor = Some(link);
                Ok(Some(at))
            }
            Err(crate::Error::UnknownUnit { .. } | crate::Error::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every act of the index (outlines: no unit texts), for resolving cross-references
    /// between acts: [`crate::Catalog::refs_of`] gives what a unit refers to,
    /// [`crate::cited_by()`] what refers to it.
    pub fn catalog(&self) -> crate::Result<crate::Catalog> {
        let mut acts = Vec::new();
        self.store.for_each_act_outline(|a| {
            acts.push(a);
            Ok(())
        })?;
        acts.sort_by(|a, b| a.id.cmp(&b.id).then(a.lang.cmp(&b.lang)));
        Ok(crate::Catalog::new(acts))
    }

    /// A catalog holding `acts` and every act their references to other acts may lead to
    /// (found by the keys the index keeps for each act: its numbers, title and kind), enough
    /// to resolve and cite those references exactly as [`ZanIndex::catalog`] would, without
    /// reading every act of a large corpus. Falls back to the whole catalog when a reference
    /// could name any act (a name with no kind).
    pub fn catalog_for(&self, acts: Vec<Act>) -> crate::Result<crate::Catalog> {
        let references: Vec<&crate::Reference> = acts
            .iter()
            .flat_map(|a| {
                a.references
                    .iter()
                    .chain(a.versions.iter().flat_map(|v| v.references.iter()))
            })
            .collect();
        let keys = crate::refs::resolve::cites_keys(references.iter().copied());
        let names = crate::refs::resolve::cited_code_names(references);
        self.catalog_with_keys(acts, &keys, &names)
    }

    /// A catalog holding `act` and every act `references` (some of the act's) may lead to:
    /// enough to resolve and cite those references as [`ZanIndex::catalog_for`] would,
    /// reading only the acts they may name. A search hit's references are its own unit's,
    /// a few of its act's.
    pub fn catalog_for_references(
        &self,
        act: Act,
        references: &[&crate::Reference],
    ) -> crate::Result<crate::Catalog> {
        let keys = crate::refs::resolve::cites_keys(references.iter().copied());
        let names = crate::refs::resolve::cited_code_names(references.iter().copied());
        self.catalog_with_keys(vec![act], &keys, &names)
    }

    /// `acts` and the acts with any of the lookup `keys` (every act for
    /// [`crate::refs::resolve::CITES_ANY`]); of the codes ([`crate::refs::resolve::CODE_KEY`]),
    /// those whose title holds one of the `code_names` the references give: a code's outline
    /// holds every edition's unit tree, and a corpus with its history holds many codes.
    fn catalog_with_keys(
        &self,
        acts: Vec<Act>,
        keys: &[String],
        code_names: &[Vec<String>],
    ) -> crate::Result<crate::Catalog> {
        use crate::refs::resolve::{title_key_test, CITES_ANY, CODE_KEY};
        if keys.iter().any(|k| k == CITES_ANY) {
            return self.catalog();
        }
        let mut all = acts;
        let mut push = |a| {
            all.push(a);
            Ok(())
        };
        match title_key_test(code_names) {
            Some(named) if keys.iter().any(|k| k == CODE_KEY) => {
                let others: Vec<String> = keys.iter().filter(|k| *k != CODE_KEY).cloned().collect();
                self.store
                    .for_each_act_outline_with_keys(&others, &mut push)?;
                self.store.for_each_code_outline_titled(&named, &mut push)?;
            }
            _ => self.store.for_each_act_outline_with_keys(keys, &mut push)?,
        }
        all.sort_by(|a, b| a.id.cmp(&b.id).then(a.lang.cmp(&b.lang)));
        all.dedup_by(|a, b| a.id == b.id && a.lang == b.lang);
        Ok(crate::Catalog::new(all))
    }

    /// A catalog enough to tell what cites act `act_id` ([`crate::cited_by()`] over it gives
    /// what it gives over [`ZanIndex::catalog`]): the acts whose references may lead to the act
    /// (the index keeps the keys of the acts each act cites), the act itself,
    /// and the acts all their references may lead to ([`ZanIndex::catalog_for`]), without
    /// reading every act.
    pub fn catalog_citing(&self, act_id: &str) -> crate::Result<crate::Catalog> {
        let mut acts = self.store.act_outlines(act_id)?;
        let mut keys: Vec<String> = acts
            .iter()
            .flat_map(crate::refs::resolve::act_lookup_keys)
            .collect();
        keys.push(crate::refs::resolve::CITES_ANY.to_string());
        keys.sort();
        keys.dedup();
        self.store.for_each_act_outline_citing(&keys, |a| {
            acts.push(a);
            Ok(())
        })?;
        self.catalog_for(acts)
    }

    /// Number of unit documents (current texts and older editions).
    pub fn unit_count(&self) -> crate::Result<usize> {
        self.store.unit_count()
    }

    /// The Kazakh↔Russian lexicon learned from the parallel texts of this index (its acts in
    /// both languages, aligned unit by unit): stored with the index when it was built, and
    /// learned again when the index has none for its last commit. [`ZanIndex::lexicon`] lists
    /// it.
    ///
    /// ```no_run
    /// # fn main() -> zanlex::Result<()> {
    /// let index = zanlex::ZanIndex::open("index")?;
    /// for pair in index.learned_lexicon()?.kazakh_for("решение") {
    ///     println!("{} ↔ {}", pair.ru_word, pair.kk_word);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn learned_lexicon(&self) -> crate::Result<std::sync::Arc<crate::Lexicon>> {
        self.store.lexicon()
    }

    /// The reading API under this handle, for the answers that read past its methods and the
    /// unit tests.
    pub(crate) fn store(&self) -> &Store {
        &self.store
    }
}

/// The amendment events of `act`, newest first, limited to unit `eid`, what contains it and
/// what is inside it when given; [`crate::Error::UnknownUnit`] when no edition of the act has
/// such a unit and no amendment names it.
pub fn history(act: &Act, eid: Option<&str>) -> crate::Result<Vec<HistoryEntry>> {
    if let Some(e) = eid.filter(|e| !e.is_empty()) {
        let in_an_edition = || {
            act.versions
                .iter()
                .any(|v| v.units.iter().flat_map(Unit::walk).any(|u| u.eid == e))
        };
        if act.unit(e).is_none()
            && !in_an_edition()
            && !act.amendments.iter().any(|a| a.target_eid == e)
        {
            return Err(crate::Error::UnknownUnit {
                act: act.id.clone(),
                eid: e.to_string(),
            });
        }
    }
    Ok(crate::amend::history::history(act, eid))
}

/// The wordings unit `eid` of `act` had over time by the point-in-time rule, oldest first:
/// one per wording, named by the first edition that prints it, with the dates it was in force
/// (the dates `show --as-of` and `search --as-of` answer by). Empty when no edition prints the
/// unit.
pub fn wordings(act: &Act, eid: &str) -> Vec<EditionRef> {
    let timeline = crate::amend::time::ActTimeline::new(act);
    let unit = timeline.unit(eid);
    (0..unit.segments().len())
        .filter_map(|s| unit.pieces().iter().position(|p| p.segment == s))
        .map(|i| unit.edition_ref(i))
        .collect()
}

/// Whether what happened to unit `target` (an amendment, a note) concerns unit `eid`: the
/// unit itself, something that contains it (`""` for the whole act), or something inside it.
pub fn concerns(target: &str, eid: &str) -> bool {
    crate::amend::time::touches(target, eid)
}

/// Compares editions `from` and `to` of `act` (edition ids or dates it was in force on),
/// optionally one unit only: the units added, removed and changed, with the words changed.
pub fn diff(act: &Act, from: &str, to: &str, eid: Option<&str>) -> crate::Result<ActDiff> {
    crate::amend::diff::diff_versions(act, from, to, eid)
}

/// The tokens analyzer `analyzer` (one of [`crate::ANALYZERS`]) makes of `text`: what the
/// index stores for a text, and what a query's words become.
///
/// ```
/// let analysis = zanlex::analyze("kk_stem", "Тұрақты тұруға").unwrap();
/// assert_eq!(analysis.tokens.len(), 2);
/// assert!(zanlex::analyze("kk_nothing", "x").is_err());
/// ```
pub fn analyze(analyzer: &str, text: &str) -> crate::Result<crate::Analysis> {
    if !crate::ANALYZERS.contains(&analyzer) {
        return Err(crate::Error::UnknownAnalyzer {
            name: analyzer.to_string(),
        });
    }
    let tokens = crate::analysis::analyze(analyzer, text);
    Ok(crate::Analysis::new(analyzer, text, tokens))
}

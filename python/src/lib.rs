//! The Python door of zanlex: the module `zanlex`, built by maturin over PyO3.
//!
//! `zanlex.open(corpus, index)` opens (building or refreshing) an index as the command line
//! does and gives an [`Index`] handle whose methods are the library's requests: each parses its
//! arguments into a library request, asks [`zanlex::ZanIndex`], and hands back the library's
//! typed answer as a Python object whose attributes are the fields of the answer's JSON (the
//! JSON `zanlex … --json` prints), made from the typed answer without writing JSON, with
//! `to_dict()`. History and compare answers also turn
//! into pandas DataFrames (`to_dataframe()`, one row per event or per changed unit), pandas
//! being imported only then. Errors are exceptions carrying the library's error code.

mod answers;
mod errors;
mod wording;

use answers::{new_answer, Record};
use errors::{bad_argument, py_err};
use pyo3::prelude::*;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use zanlex::pages::{ReadArgs, ReadRequest};
use zanlex::{BuildOptions, Lang, RefreshReport, Target, UnitOrParallel, ZanIndex};

/// An index and what opening it did.
struct Opened {
    index: ZanIndex,
    report: RefreshReport,
}

/// An open zanlex index: the requests of the command line, `zanlex serve` and the MCP tools
/// as methods.
#[pyclass(frozen, module = "zanlex", name = "Index")]
pub struct Index {
    corpus: Option<PathBuf>,
    dir: PathBuf,
    follow: bool,
    opened: RwLock<Arc<Opened>>,
}

/// Opens the index in `dir`: from `corpus` when given, built when missing and refreshed when
/// the corpus changed, unless `refresh` is false (then an existing index is used as it is).
fn open_opened(
    corpus: Option<&PathBuf>,
    dir: &PathBuf,
    refresh: bool,
    follow: bool,
) -> zanlex::Result<Opened> {
    match corpus {
        Some(corpus) => {
            let opts = BuildOptions {
                no_refresh: !refresh,
                follow,
                ..BuildOptions::default()
            };
            let (index, report) = ZanIndex::open_or_build(corpus, dir, &opts)?;
            Ok(Opened { index, report })
        }
        None => Ok(Opened {
            index: ZanIndex::open(dir)?,
            report: RefreshReport::default(),
        }),
    }
}

/// Opens the index in folder `index` over the documents in folder `corpus`, as `zanlex
/// search --corpus CORPUS --index INDEX` does: built when missing, refreshed when the corpus
/// changed (only changed files are read again). Without `corpus`, an index already built is
/// opened as it is. `refresh=False` opens an existing index without checking the corpus;
/// `follow=True` reads links that lead out of the corpus folder.
#[pyfunction]
#[pyo3(signature = (corpus, index, *, refresh = true, follow = false))]
fn open(
    py: Python<'_>,
    corpus: Option<PathBuf>,
    index: PathBuf,
    refresh: bool,
    follow: bool,
) -> PyResult<Index> {
    let opened = py
        .detach(|| open_opened(corpus.as_ref(), &index, refresh, follow))
        .map_err(py_err)?;
    Ok(Index {
        corpus,
        dir: index,
        follow,
        opened: RwLock::new(Arc::new(opened)),
    })
}

/// A date argument (`YYYY-MM-DD`), named as Python names it.
fn date(name: &str, value: Option<&str>) -> PyResult<Option<chrono::NaiveDate>> {
    value
        .map(|v| zanlex::date_arg(name, v).map_err(py_err))
        .transpose()
}

/// A language argument (`kk` or `ru`).
fn lang(value: Option<&str>) -> PyResult<Option<Lang>> {
    value
        .map(|v| zanlex::lang_arg(v).map_err(|e| bad_argument(format!("lang: {e}"))))
        .transpose()
}

/// An act, or one of its units.
fn target(act: &str, eid: Option<&str>) -> PyResult<Target> {
    let spec = match eid {
        Some(e) => format!("{act}#{e}"),
        None => act.to_string(),
    };
    Target::parse(&spec).map_err(py_err)
}

impl Index {
    fn opened(&self) -> Arc<Opened> {
        // A refresh that panicked leaves the handle it replaced, which is whole.
        match self.opened.read() {
            Ok(g) => g.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Runs `ask` on the index without holding the GIL, and makes its answer a Python object.
    fn ask<T: Send>(
        &self,
        py: Python<'_>,
        ask: impl FnOnce(&ZanIndex) -> zanlex::Result<T> + Send,
    ) -> PyResult<T> {
        let opened = self.opened();
        py.detach(move || ask(&opened.index)).map_err(py_err)
    }
}

impl Index {
    /// The unit `args` ask for, as the library reads it for every door: in one language or
    /// in both side by side.
    fn read_unit(&self, py: Python<'_>, args: &ReadArgs<'_>) -> PyResult<UnitOrParallel> {
        let request = ReadRequest::parse(args, str::to_string).map_err(py_err)?;
        self.ask(py, |index| {
            zanlex::pages::unit_page(index, &request, &zanlex::pages::Budget::LOCAL)
        })
    }
}

#[pymethods]
impl Index {
    /// Ranked, cited passages for `query` (the query language of `zanlex search`): the hits
    /// after the first `offset`, at most `limit`, as `zanlex search --json` gives them. The
    /// requisites (`issuer` by code or name, `registration`, `number`, `date_from`, `date_to`)
    /// narrow it to acts, and with one of them the query may be empty.
    #[pyo3(signature = (query = "", limit = zanlex::DEFAULT_LIMIT, offset = 0, as_of = None, act = None, kind = None, status = None, lang = None, exact_total = false, issuer = None, registration = None, number = None, date_from = None, date_to = None))]
    #[allow(clippy::too_many_arguments)]
    fn search(
        &self,
        py: Python<'_>,
        query: &str,
        limit: usize,
        offset: usize,
        as_of: Option<&str>,
        act: Option<&str>,
        kind: Option<&str>,
        status: Option<&str>,
        lang: Option<&str>,
        exact_total: bool,
        issuer: Option<&str>,
        registration: Option<&str>,
        number: Option<&str>,
        date_from: Option<&str>,
        date_to: Option<&str>,
    ) -> PyResult<Py<answers::SearchResults>> {
        let args = zanlex::pages::SearchArgs {
            query,
            offset: Some(offset as u64),
            limit: Some(limit as u64),
            as_of,
            act,
            kind,
            status,
            lang,
            issuer,
            registration,
            number,
            date_from,
            date_to,
            exact_total,
            ..Default::default()
        };
        let budget = zanlex::pages::Budget::LOCAL;
        let req = zanlex::pages::SearchPageRequest::parse(&args, &budget, str::to_string)
            .map_err(py_err)?;
        let results = self.ask(py, move |index| {
            Ok(zanlex::pages::search_page(index, &req, &budget)?.results)
        })?;
        new_answer(py, &results, answers::SearchResults)
    }

    /// The acts of the index with their metadata and status (`zanlex acts --json`), all of
    /// them, or the `limit` after the first `offset`.
    #[pyo3(signature = (offset = 0, limit = None))]
    fn acts(
        &self,
        py: Python<'_>,
        offset: usize,
        limit: Option<usize>,
    ) -> PyResult<Py<answers::ActList>> {
        let opened = self.opened();
        let list = py
            .detach(|| match limit {
                None if offset == 0 => opened.index.act_list(&opened.report.failures),
                _ => opened.index.act_list_page(
                    &opened.report.failures,
                    offset,
                    limit.unwrap_or(usize::MAX),
                ),
            })
            .map_err(py_err)?;
        new_answer(py, &list, answers::ActList)
    }

    /// Act `id` as an outline: metadata, editions and its unit tree (each unit's text too with
    /// `texts=True`); on a date `as_of`, the units it had that day, each with its state then
    /// (`zanlex show ID --json`, `GET /v1/acts/{id}`).
    #[pyo3(signature = (id, as_of = None, lang = None, texts = false))]
    fn act(
        &self,
        py: Python<'_>,
        id: &str,
        as_of: Option<&str>,
        lang: Option<&str>,
        texts: bool,
    ) -> PyResult<Py<answers::ActOutline>> {
        let args = ReadArgs {
            target: id,
            as_of,
            lang,
            texts,
            ..Default::default()
        };
        let request = ReadRequest::parse(&args, str::to_string).map_err(py_err)?;
        let outline = self.ask(py, |index| {
            zanlex::pages::act_page(index, &request, &zanlex::pages::Budget::LOCAL)
        })?;
        new_answer(py, &outline, answers::ActOutline)
    }

    /// Act `id`'s unit tree, with the eids its other language's text lacks or has alone
    /// (`zanlex units ID --json`).
    #[pyo3(signature = (id, lang = None))]
    fn units(
        &self,
        py: Python<'_>,
        id: &str,
        lang: Option<&str>,
    ) -> PyResult<Py<answers::UnitTree>> {
        let lang = self::lang(lang)?;
        let tree = self.ask(py, |index| index.unit_tree(id, lang))?;
        new_answer(py, &tree, answers::UnitTree)
    }

    /// Unit `eid` of act `act`, in the wording in force on `as_of` by the point-in-time rule
    /// (today's text without it), with its citation, children, amendments and references
    /// (`zanlex show ACT#EID --json`).
    #[pyo3(signature = (act, eid, as_of = None, lang = None))]
    fn unit(
        &self,
        py: Python<'_>,
        act: &str,
        eid: &str,
        as_of: Option<&str>,
        lang: Option<&str>,
    ) -> PyResult<Py<answers::UnitAnswer>> {
        let target = target(act, Some(eid))?.to_string();
        let args = ReadArgs {
            target: &target,
            as_of,
            lang,
            ..Default::default()
        };
        match self.read_unit(py, &args)? {
            UnitOrParallel::One(one) => new_answer(py, &*one, answers::UnitAnswer),
            _ => Err(bad_argument("a unit in one language was asked".to_string())),
        }
    }

    /// Unit `eid` of act `act` in each language the act has, side by side (`zanlex show
    /// ACT#EID --parallel --json`).
    #[pyo3(signature = (act, eid, as_of = None))]
    fn parallel(
        &self,
        py: Python<'_>,
        act: &str,
        eid: &str,
        as_of: Option<&str>,
    ) -> PyResult<Py<answers::ParallelUnit>> {
        let target = target(act, Some(eid))?.to_string();
        let args = ReadArgs {
            target: &target,
            as_of,
            parallel: true,
            ..Default::default()
        };
        match self.read_unit(py, &args)? {
            UnitOrParallel::Both(both) => new_answer(py, &*both, answers::ParallelUnit),
            _ => Err(bad_argument(
                "a unit in both languages was asked".to_string(),
            )),
        }
    }

    /// The amendment timeline of act `act`, newest first, limited to unit `eid` (with what
    /// contains it and what is inside it) when given (`zanlex history ACT [EID] --json`);
    /// `affected=True` adds the provisions across the corpus citing each changed unit.
    #[pyo3(signature = (act, eid = None, lang = None, affected = false))]
    fn history(
        &self,
        py: Python<'_>,
        act: &str,
        eid: Option<&str>,
        lang: Option<&str>,
        affected: bool,
    ) -> PyResult<Py<answers::ActHistory>> {
        let t = target(act, eid)?;
        let lang = self::lang(lang)?;
        let history = self.ask(py, |index| {
            index.act_history(&t.act, t.eid(), lang, affected)
        })?;
        new_answer(py, &history, answers::ActHistory::new(history.clone()))
    }

    /// What changed between editions `from_` and `to` of act `act` (edition ids or dates the
    /// edition was in force on), optionally of unit `eid` alone (`zanlex diff --json`).
    #[pyo3(signature = (act, from_, to, eid = None, lang = None))]
    fn diff(
        &self,
        py: Python<'_>,
        act: &str,
        from_: &str,
        to: &str,
        eid: Option<&str>,
        lang: Option<&str>,
    ) -> PyResult<Py<answers::ActDiff>> {
        let t = target(act, eid)?;
        let lang = self::lang(lang)?;
        let diff = self.ask(py, |index| index.act_diff(&t.act, from_, to, t.eid(), lang))?;
        new_answer(py, &diff, answers::ActDiff::new(diff.clone()))
    }

    /// What act `act` (or its unit `eid` and the units inside it) refers to, resolved
    /// (`zanlex refs --json`); `unresolved=True` keeps the references that could not be.
    #[pyo3(signature = (act, eid = None, lang = None, as_of = None, unresolved = false))]
    fn refs(
        &self,
        py: Python<'_>,
        act: &str,
        eid: Option<&str>,
        lang: Option<&str>,
        as_of: Option<&str>,
        unresolved: bool,
    ) -> PyResult<Py<answers::RefList>> {
        let t = target(act, eid)?;
        let (as_of, lang) = (date("as_of", as_of)?, self::lang(lang)?);
        let list = self.ask(py, |index| {
            let list = index.refs(&t, lang, as_of)?;
            Ok(if unresolved {
                list.unresolved_only()
            } else {
                list
            })
        })?;
        new_answer(py, &list, answers::RefList)
    }

    /// The provisions across the corpus that refer to act `act` (or its unit `eid`, and the
    /// units inside it unless `exact=True`), `zanlex cited-by --json`.
    #[pyo3(signature = (act, eid = None, exact = false, lang = None, as_of = None))]
    fn cited_by(
        &self,
        py: Python<'_>,
        act: &str,
        eid: Option<&str>,
        exact: bool,
        lang: Option<&str>,
        as_of: Option<&str>,
    ) -> PyResult<Py<answers::CitedByList>> {
        let t = target(act, eid)?;
        let (as_of, lang) = (date("as_of", as_of)?, self::lang(lang)?);
        let list = self.ask(py, |index| index.cited_by_list(&t, !exact, lang, as_of))?;
        new_answer(py, &list, answers::CitedByList)
    }

    /// When `phrase` appeared in the units of act `act` (or of unit `eid` and the units inside
    /// it) and when it went, over the editions the corpus holds (`zanlex wording ACT PHRASE
    /// --json`): the words in their exact forms, letter case and look-alike letters aside; in
    /// `lang`'s text, else the first of the act's texts where it occurs; the page of units
    /// after `offset`, at most `limit`.
    #[pyo3(signature = (act, phrase, eid = None, lang = None, offset = None, limit = None))]
    #[allow(clippy::too_many_arguments)]
    fn wording(
        &self,
        py: Python<'_>,
        act: &str,
        phrase: &str,
        eid: Option<&str>,
        lang: Option<&str>,
        offset: Option<u64>,
        limit: Option<u64>,
    ) -> PyResult<Py<wording::WordingAnswer>> {
        let typed = zanlex::pages::WordingArgs {
            act,
            unit: eid,
            phrase,
            lang,
            offset,
            limit,
        };
        let request =
            zanlex::pages::WordingRequest::parse(&typed, str::to_string).map_err(py_err)?;
        let answer = self.ask(py, |index| {
            zanlex::pages::wording_history(
                index,
                &request,
                &zanlex::pages::Links::official_only(),
                &zanlex::pages::Budget::LOCAL,
            )
        })?;
        new_answer(py, &answer, wording::WordingAnswer::new(answer.clone()))
    }

    /// The act act `id` replaced and the act that replaced it, when the corpus says so.
    fn succession(&self, py: Python<'_>, id: &str) -> PyResult<Py<answers::Succession>> {
        let s = self.ask(py, |index| {
            index.act(id)?;
            index.succession(id)
        })?;
        new_answer(py, &s, answers::Succession)
    }

    /// Counts across the corpus: acts by kind, issuer, year and status; the units amended most
    /// often by events taking effect on or after `since`, and the amending acts that changed
    /// the most acts (at most `limit` of each).
    #[pyo3(signature = (since = None, limit = zanlex::DEFAULT_STATS_LIMIT))]
    fn stats(
        &self,
        py: Python<'_>,
        since: Option<&str>,
        limit: usize,
    ) -> PyResult<Py<answers::CorpusStats>> {
        let since = date("since", since)?;
        let stats = self.ask(py, |index| index.corpus_stats(since, limit))?;
        new_answer(py, &stats, answers::CorpusStats)
    }

    /// The Kazakh↔Russian word pairs learned from the corpus's parallel texts, for `word` or
    /// the most frequent (`zanlex lexicon --json`).
    #[pyo3(signature = (word = None, limit = zanlex::DEFAULT_LEXICON_LIMIT))]
    fn lexicon(
        &self,
        py: Python<'_>,
        word: Option<&str>,
        limit: usize,
    ) -> PyResult<Py<answers::LexiconList>> {
        let list = self.ask(py, |index| index.lexicon(word, limit))?;
        new_answer(py, &list, answers::LexiconList)
    }

    /// What one amending act changed across the corpus, provision by provision
    /// (`zanlex amended-by ACT --json`): the act named by its id in the corpus or by its
    /// requisites («Закон РК от 17.07.2024 № 118-VIII», «2024 жылғы 17 шілдедегі № 118-VIII
    /// Заң»), the notes read in `lang`'s texts, the `limit` provisions after the first
    /// `offset`; each permalink the official text's address.
    #[pyo3(signature = (by, lang = None, offset = None, limit = None))]
    fn amended_by(
        &self,
        py: Python<'_>,
        by: &str,
        lang: Option<&str>,
        offset: Option<u64>,
        limit: Option<u64>,
    ) -> PyResult<Py<answers::AmendedBy>> {
        let args = zanlex::pages::AmendedByArgs {
            by,
            lang,
            offset,
            limit,
        };
        let request =
            zanlex::pages::AmendedByRequest::parse(&args, str::to_string).map_err(py_err)?;
        let answer = self.ask(py, move |index| {
            zanlex::pages::amended_by(
                index,
                &request,
                &zanlex::pages::Links::official_only(),
                &zanlex::pages::Budget::LOCAL,
            )
        })?;
        new_answer(py, &answer, answers::AmendedBy::new(answer.clone()))
    }

    /// The units whose text the regular expression `pattern` matches (`zanlex grep --json`):
    /// in one act (`act`) or the acts of a `kind`, `status` or language (`lang`), the current
    /// texts or the wording in force on `as_of`; the matching units after the first `offset`,
    /// at most `limit`, counted up to `total_bound`.
    #[pyo3(signature = (pattern, act = None, kind = None, status = None, lang = None, as_of = None, ignore_case = false, offset = 0, limit = zanlex::pages::DEFAULT_GREP_PAGE, total_bound = zanlex::pages::DEFAULT_GREP_BOUND))]
    #[allow(clippy::too_many_arguments)]
    fn grep(
        &self,
        py: Python<'_>,
        pattern: &str,
        act: Option<&str>,
        kind: Option<&str>,
        status: Option<&str>,
        lang: Option<&str>,
        as_of: Option<&str>,
        ignore_case: bool,
        offset: usize,
        limit: usize,
        total_bound: usize,
    ) -> PyResult<Py<answers::GrepAnswer>> {
        let args = zanlex::pages::GrepArgs {
            pattern,
            act,
            kind,
            status,
            lang,
            as_of,
            ignore_case,
            offset: Some(offset as u64),
            limit: Some(limit as u64),
            total_bound: Some(total_bound as u64),
        };
        let request = zanlex::pages::GrepRequest::parse(&args, str::to_string).map_err(py_err)?;
        let answer = self.ask(py, move |index| {
            zanlex::pages::grep(
                index,
                &request,
                &zanlex::pages::Links::official_only(),
                &zanlex::pages::Budget::LOCAL,
            )
        })?;
        new_answer(py, &answer, answers::GrepAnswer)
    }

    /// Checks the corpus again and refreshes the index when it changed (only changed files are
    /// read); later requests read the refreshed index. Returns what the refresh did.
    fn refresh(&self, py: Python<'_>) -> PyResult<Py<answers::RefreshReport>> {
        let opened = py
            .detach(|| open_opened(self.corpus.as_ref(), &self.dir, true, self.follow))
            .map_err(py_err)?;
        let report = opened.report.clone();
        match self.opened.write() {
            Ok(mut g) => *g = Arc::new(opened),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(opened),
        }
        new_answer(py, &report, answers::RefreshReport)
    }

    /// What opening (or the last refresh) did: the files added, updated and removed, and the
    /// files the index does not hold, with why.
    #[getter]
    fn report(&self, py: Python<'_>) -> PyResult<Py<answers::RefreshReport>> {
        new_answer(py, &self.opened().report, answers::RefreshReport)
    }

    /// The corpus folder (`None` when the index was opened without one).
    #[getter]
    fn corpus(&self) -> Option<PathBuf> {
        self.corpus.clone()
    }

    /// The index folder.
    #[getter]
    fn path(&self) -> PathBuf {
        self.dir.clone()
    }

    fn __repr__(&self) -> String {
        match &self.corpus {
            Some(c) => format!(
                "zanlex.Index(corpus={:?}, index={:?})",
                c.display().to_string(),
                self.dir.display().to_string()
            ),
            None => format!("zanlex.Index(index={:?})", self.dir.display().to_string()),
        }
    }
}

/// The module `zanlex`.
#[pymodule]
#[pyo3(name = "zanlex")]
fn zanlex_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(open, m)?)?;
    m.add_class::<Index>()?;
    m.add_class::<Record>()?;
    pyo3::types::PyMapping::register::<Record>(m.py())?;
    answers::add_classes(m)?;
    errors::add_classes(m)?;
    m.add("DEFAULT_LIMIT", zanlex::DEFAULT_LIMIT)?;
    m.add("MAX_LIMIT", zanlex::MAX_LIMIT)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

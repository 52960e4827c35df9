//! Searching the index: the query language, ranking, snippets and pinpoint citations.
//!
//! ```no_run
//! use zanlex::{SearchRequest, ZanIndex};
//! # fn main() -> zanlex::Result<()> {
//! let index = ZanIndex::open("index")?;
//! let res = index.search(&SearchRequest::new("\"тұрақты тұру\" status:in_force").limit(3))?;
//! for h in res.hits {
//!     println!("{} {}", h.citation, h.source.file);
//! }
//! # Ok(()) }
//! ```

mod act_named;
pub mod article;
mod bare;
mod boosts;
mod budget;
mod collect;
mod commencement;
pub mod compile;
mod compounds;
pub mod coverage;
pub mod crosslang;
pub mod definitions;
mod derivation;
pub mod dismax;
pub mod filters;
mod number_words;
mod places;
// A first stage for a two-stage search, measured (not searched with yet).
#[cfg(test)]
mod first_stage;
mod in_article;
pub mod issuers;
mod lead;
pub mod numbers;
mod prune;
pub mod query;
pub mod question;
pub mod restore;
pub mod snippet;
mod spelling;
pub mod synonym;
mod terms;
pub mod thesaurus;
pub mod title;
pub mod types;
pub mod word_query;

pub use query::{parse, Filter, Query, QueryFault};
pub use snippet::Snippet;
pub use types::{
    ActMeant, ArticleMatch, Hit, HitAct, HitSource, HitTwin, HitUnit, HitVersion, PlaceNamed,
    ReadAs, SearchResults, SearchedAlso, SeveralActs,
};

use crate::index::schema::{from_tantivy_date, OPEN_FROM, OPEN_TO};
use crate::index::stored::StoredDoc;
use crate::index::Store;
use crate::model::{ActKind, Amendment};
use chrono::NaiveDate;
use collect::Adjust;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Instant;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query as TQuery};
use tantivy::DocAddress;

/// Default number of hits.
pub const DEFAULT_LIMIT: usize = 10;
/// Most hits one request may ask for.
pub const MAX_LIMIT: usize = 1000;
/// How many matches a search counts exactly by default ([`SearchRequest::total_bound`]); past
/// it the total is "at least this many", as Elasticsearch's `track_total_hits` counts to
/// 10,000.
pub const DEFAULT_TOTAL_BOUND: usize = 10_000;

/// A search: the query (text or already parsed) and the command-line filters.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// The query as typed (reported back in results).
    pub text: String,
    /// A query built in code; when set, `text` is not parsed.
    pub parsed: Option<Query>,
    /// The number of hits to return.
    pub limit: usize,
    /// Search the wording valid on this date instead of the current text.
    pub as_of: Option<NaiveDate>,
    /// Keeps hits of one act (by id).
    pub act: Option<String>,
    /// Keeps hits of acts of one kind.
    pub kind: Option<ActKind>,
    /// Keeps hits of acts with this status.
    pub status: Option<crate::model::StatusKind>,
    /// Keeps hits in one language's expressions (`None`: both).
    pub lang: Option<crate::model::Lang>,
    /// Keeps hits of acts with these requisites besides the query's own filters: an issuer,
    /// a registration number, an act's number, a range of adoption dates (a search form's
    /// fields). A request with no words is these alone.
    pub requisites: Vec<Filter>,
    /// Counts every match. By default a search counts [`SearchRequest::total_bound`] matches
    /// exactly, then skips those that cannot be among the best `limit` (the hits are the
    /// same), and its total is then that bound, a lower bound
    /// ([`SearchResults::total_is_lower_bound`]).
    pub exact_total: bool,
    /// How many matches are counted exactly before the search may skip the ones that cannot
    /// rank ([`DEFAULT_TOTAL_BOUND`] by default); ignored with `exact_total`.
    pub total_bound: usize,
    /// Resolves the references each hit's unit makes ([`Hit::references`]); on by default.
    pub references: bool,
    /// How long the search may work before it answers with what it has found
    /// ([`SearchResults::incomplete`]); `None` (the default): as long as it takes.
    pub budget: Option<std::time::Duration>,
}

impl SearchRequest {
    /// A request for a query in zanlex's query language, with the default limit.
    pub fn new(text: impl Into<String>) -> Self {
        SearchRequest {
            text: text.into(),
            parsed: None,
            limit: DEFAULT_LIMIT,
            as_of: None,
            act: None,
            kind: None,
            status: None,
            lang: None,
            requisites: Vec::new(),
            exact_total: false,
            total_bound: DEFAULT_TOTAL_BOUND,
            references: true,
            budget: None,
        }
    }

    /// A request for a query built in code.
    ///
    /// ```
    /// use zanlex::{Query, SearchRequest};
    /// let req = SearchRequest::from_query(Query::Phrase { text: "тұрақты тұру".into(), slop: 1 });
    /// assert_eq!(req.limit, 10);
    /// ```
    pub fn from_query(q: Query) -> Self {
        let mut r = SearchRequest::new(format!("{q:?}"));
        r.parsed = Some(q);
        r
    }

    /// Sets the number of hits.
    pub fn limit(mut self, n: usize) -> Self {
        self.limit = n;
        self
    }

    /// Searches the wording valid on `date`.
    pub fn as_of(mut self, date: NaiveDate) -> Self {
        self.as_of = Some(date);
        self
    }

    /// Keeps hits of one act.
    pub fn act(mut self, id: impl Into<String>) -> Self {
        self.act = Some(id.into());
        self
    }

    /// Keeps hits of acts of one kind.
    pub fn kind(mut self, kind: ActKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Keeps hits of acts with one status.
    pub fn status(mut self, status: crate::model::StatusKind) -> Self {
        self.status = Some(status);
        self
    }

    /// Keeps hits in one language (the Kazakh or the Russian expressions).
    ///
    /// ```
    /// use zanlex::{Lang, SearchRequest};
    /// let req = SearchRequest::new("статья").lang(Lang::Ru);
    /// assert_eq!(req.lang, Some(Lang::Ru));
    /// ```
    pub fn lang(mut self, lang: crate::model::Lang) -> Self {
        self.lang = Some(lang);
        self
    }

    /// Counts every match, so that the total is exact (the search may take longer).
    ///
    /// ```
    /// use zanlex::SearchRequest;
    /// assert!(SearchRequest::new("тіркеу").exact_total(true).exact_total);
    /// ```
    pub fn exact_total(mut self, exact: bool) -> Self {
        self.exact_total = exact;
        self
    }

    /// Counts `bound` matches exactly; past them the total is `bound`, a lower bound.
    ///
    /// ```
    /// use zanlex::{SearchRequest, DEFAULT_TOTAL_BOUND};
    /// assert_eq!(SearchRequest::new("тіркеу").total_bound, DEFAULT_TOTAL_BOUND);
    /// assert_eq!(SearchRequest::new("тіркеу").total_bound(100).total_bound, 100);
    /// ```
    pub fn total_bound(mut self, bound: usize) -> Self {
        self.total_bound = bound;
        self
    }

    /// Whether each hit gets the references its unit makes, resolved (on by default; a
    /// caller that shows none, or resolves them in a catalog it keeps with
    /// [`SearchResults::resolve_references_in`], turns it off).
    ///
    /// ```
    /// use zanlex::SearchRequest;
    /// assert!(SearchRequest::new("тіркеу").references);
    /// assert!(!SearchRequest::new("тіркеу").references(false).references);
    /// ```
    pub fn references(mut self, resolve: bool) -> Self {
        self.references = resolve;
        self
    }

    /// Sets the work budget: after `limit` the search answers with the best of what it has
    /// found so far, marked [`SearchResults::incomplete`]. A server gives every query one,
    /// so that no single query holds a core for long.
    ///
    /// ```
    /// use std::time::Duration;
    /// let req = zanlex::SearchRequest::new("тұрақты тұру").budget(Duration::from_secs(1));
    /// assert_eq!(req.budget, Some(Duration::from_secs(1)));
    /// ```
    pub fn budget(mut self, limit: std::time::Duration) -> Self {
        self.budget = Some(limit);
        self
    }
}

fn qerr(req: &SearchRequest, fault: QueryFault, reason: impl Into<String>) -> crate::Error {
    crate::Error::Query {
        query: req.text.chars().take(80).collect(),
        reason: reason.into(),
        fault,
    }
}

/// Runs a search and returns ranked, cited hits. Errors: [`crate::Error::Query`] for a query
/// that cannot be parsed or has nothing searchable, [`crate::Error::UnknownAct`] for an
/// unknown `--act`.
pub fn search(index: &Store, req: &SearchRequest) -> crate::Result<SearchResults> {
    let started = Instant::now();
    let ReadQuery {
        query: q,
        typed_as_words,
        read_as,
        expansions,
    } = read_query(index, req)?;
    let synonyms = expansions.as_ref();
    let words = if typed_as_words {
        compile::WordMatch::Coverage
    } else {
        compile::WordMatch::All
    };
    if req.limit == 0 || req.limit > MAX_LIMIT {
        return Err(qerr(
            req,
            QueryFault::Other,
            format!("limit must be between 1 and {MAX_LIMIT}"),
        ));
    }
    let f = index.fields();
    let filters = request_filters(index, req)?;
    let searcher = index.searcher();
    let titles = match compile::title_boost(index, &q) {
        Some(t) => title::act_scores(index, &searcher, t.as_ref())?,
        None => title::ActScores::default(),
    };
    let build = |words: compile::WordMatch,
                 floor: Option<&Arc<prune::Floor>>|
     -> crate::Result<BooleanQuery> {
        let main = compile::compile_pruned(index, &q, words, synonyms, floor).ok_or_else(|| {
            qerr(req, QueryFault::NoWords, "nothing searchable: the query has no words (only punctuation or symbols); type a word")
        })?;
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = vec![(Occur::Must, main)];
        clauses.extend(filters.iter().map(|(o, q)| (*o, q.box_clone())));
        Ok(BooleanQuery::new(clauses))
    };
    // Editions of one unit may all match an `--as-of` date range edge: fetch extra, dedupe.
    let hl = highlighter_of(index, &searcher, &q, typed_as_words, synonyms);
    // A phrase with stop words is checked on the text itself: fetch every candidate.
    let fetch = if hl.needs_verify() {
        VERIFY_CANDIDATES
    } else if req.as_of.is_some() {
        req.limit * 3
    } else {
        req.limit
    };
    // Plain words put bare headings below the provisions with their words, among the best
    // few candidates, whatever the page size.
    let plain_words: Vec<&str> = if q.is_plain_words() && !hl.needs_verify() {
        positive_words(&q)
    } else {
        Vec::new()
    };
    // A term asked what it is («что такое X») looks for its own definition among as many.
    let asked_term = if req.parsed.is_none() && typed_as_words {
        question::term_asked(&req.text)
    } else {
        None
    };
    let fetch = if plain_words.is_empty() && asked_term.is_none() {
        fetch
    } else {
        fetch.max(bare::WINDOW)
    };
    // A place the question names ranks its local acts above other places' acts.
    let place = match req.parsed {
        None => places::asked(index, &searcher, &req.text)?,
        Some(_) => None,
    };
    // A question's reading: an article asked for by number (`статья 7 закона о миграции`,
    // `7-бап`, typed in Latin letters too, its words read as the search read them), else a
    // question asking for a named act's own point: when it takes effect («когда вступает в
    // силу закон о ветеранах», «… туралы бұйрық қашан күшіне енеді»), who controls its
    // execution, what it is adopted under; else an act named by its kind and subject («по
    // закону о языках …»).
    let read: Vec<(String, String)> = read_as
        .iter()
        .map(|r| (r.word.clone(), r.read.clone()))
        .collect();
    let reads = req.parsed.is_none() && q.is_plain_words();
    let article_asked = reads
        .then(|| article::asked(&req.text).or_else(|| article::asked_latin(&req.text, &read)))
        .flatten();
    let when = match &article_asked {
        None if reads => commencement::point_asked(&req.text, &read),
        _ => None,
    };
    // The units of an act the question names by its subject rank above other acts' units.
    let named_acts = match (&article_asked, &when) {
        (None, None) if reads => match act_named::named(&req.text, &read) {
            Some(named) => act_named::keys_of(&act_named::acts(index, &searcher, &named)?),
            None => Default::default(),
        },
        _ => Default::default(),
    };
    let adjust = Adjust::new(&searcher, f, titles, req.as_of.is_none())
        .other_places(place.as_ref().map(|p| p.others.clone()).unwrap_or_default())
        .named_acts(named_acts);
    let budget = Arc::new(budget::Budget::new(req.budget));
    let floor = (!req.exact_total).then(|| Arc::new(prune::Floor::new(req.total_bound)));
    let tq = build(words, floor.as_ref())?;
    let (mut top, mut total) =
        top_adjusted(&searcher, &tq, fetch, &adjust, floor.clone(), &budget)?;
    // Past the bound the total is "at least the bound", whether or not the scorers happened to
    // skip anything: which matches they skip depends on how the index is cut into segments,
    // and the same question on the same acts must read the same count.
    let mut total_is_lower_bound = floor
        .as_ref()
        .is_some_and(|f| f.pruned() || total > f.bound());
    #[cfg(test)]
    if floor.as_ref().is_some_and(|f| f.pruned()) {
        SKIPPED.with(|n| n.set(n.get() + 1));
    }
    let mut relaxed = false;
    // The steps below only add hits to what the words found: none starts once the budget
    // is spent.
    if total == 0 && q.is_plain_words() && !budget.spent() {
        let tq = build(compile::WordMatch::Any, None)?;
        (top, total) = top_adjusted(&searcher, &tq, fetch, &adjust, None, &budget)?;
        relaxed = total > 0;
        total_is_lower_bound = false;
    }
    if !plain_words.is_empty() && !budget.spent() {
        top = bare::below_provisions(index, &searcher, &plain_words, top)?;
    }
    // A term asked what it is («что такое X», «X деген не») has its own definition first,
    // above the definitions of its compounds («X-compound – …») that say its words as often.
    if let Some(term) = asked_term.as_deref().filter(|_| !budget.spent()) {
        let query = build(words, None)?;
        own_definitions_first(index, &searcher, term, &query, &mut top);
    }
    // An article asked for by number (`статья 7 закона о миграции`, `7-бап`) comes first.
    let mut several_acts: Option<(article::ArticleAsked, Vec<String>)> = None;
    if reads && !budget.spent() {
        // A question asking when a named act takes effect, who controls it or what it is
        // adopted under has that act's own point first.
        if let Some(when) = when {
            let first = commencement::units(index, &searcher, &when, &filters, &top)?;
            put_first(&mut top, &mut total, first);
        }
        if let Some(asked) = article_asked {
            let article::ArticleFound {
                docs: first,
                several,
            } = article::article_units(index, &searcher, &asked, &filters, req.limit)?;
            if several.len() > 1 {
                several_acts = Some((asked, several));
            }
            put_first(&mut top, &mut total, first);
        }
    }
    let (mut hits, verified) = read_hits(index, &searcher, top, req, &hl, &budget)?;
    let widening = Widening {
        index,
        searcher: &searcher,
        req,
        adjust: &adjust,
        hl: &hl,
        budget: &budget,
    };
    if hl.needs_verify() {
        total = verified;
    }
    // With `--lang`, a query in the other language still finds the units: through their twins,
    // when the language asked for has fewer hits than asked.
    if let Some(lang) = req.lang {
        if hits.len() < req.limit
            && !hl.needs_verify()
            && both_languages(&searcher, f)
            && !budget.spent()
        {
            let other = SearchRequest {
                lang: Some(lang.other()),
                ..req.clone()
            };
            let other_filters = request_filters(index, &other)?;
            let main = compile::compile(
                index,
                &q,
                if relaxed {
                    compile::WordMatch::Any
                } else {
                    words
                },
                synonyms,
            );
            if let Some(main) = main {
                let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = vec![(Occur::Must, main)];
                clauses.extend(other_filters);
                let found = through_twins(&widening, &BooleanQuery::new(clauses), &hits)?;
                total += found.len();
                hits.extend(found);
            }
        }
    }
    if relaxed {
        for h in &mut hits {
            h.partial = true;
        }
    } else if typed_as_words
        && hits.len() < req.limit
        && !hl.needs_verify()
        && !req.text.chars().any(|c| c.is_ascii_digit())
        && !budget.spent()
    {
        // A question in plain words whose full matches leave the page short is filled with
        // the units that have fewer of its words (a plain OR over the same words), below every
        // full match: an everyday question often shares a single word with its answer. A
        // phrase, an operator or a number asks for exactly what it says and is not filled.
        let more = partial_fill(&widening, &build(compile::WordMatch::Any, None)?, &hits)?;
        hits.extend(more);
    }
    let mut hits = ranked_with_twins(&searcher, f, hits)?;
    // A question's words the units do not say, where in their articles they are.
    if typed_as_words && plain_words.len() > 2 && !budget.spent() {
        in_article::fill(index, &searcher, &plain_words, &mut hits)?;
    }
    let incomplete = budget.was_cut();
    // Past the bound, the count depends on how much the scorers skipped: the bound (or the
    // hits shown, if more) is what the search knows for sure, and never more than it counted
    // (the hits may hold units filled in beside the matches).
    if let Some(floor) = floor.as_ref().filter(|_| total_is_lower_bound) {
        total = total.min(floor.bound().max(hits.len()));
    }
    // The corrections the words were searched beside (made once per generation, read again).
    let searched_also = if typed_as_words {
        q.positive_parts()
            .into_iter()
            .filter_map(|p| match p {
                Query::Term(w) => {
                    let also = spelling::corrections(index, w);
                    (!also.is_empty()).then(|| SearchedAlso {
                        word: w.clone(),
                        also,
                    })
                }
                _ => None,
            })
            .collect()
    } else {
        Vec::new()
    };
    // The acts an article lookup's name could mean, each as its hits show it.
    let several_acts = several_acts.map(|(asked, ids)| SeveralActs {
        article: asked.number,
        named: asked.act_words,
        acts: ids
            .iter()
            .filter_map(|id| hits.iter().find(|h| &h.act.id == id))
            .map(|h| ActMeant {
                // A citation is the act's short name, then « · » and the unit's label.
                name: h
                    .citation
                    .split(" · ")
                    .next()
                    .unwrap_or_default()
                    .to_string(),
                act: h.act.clone(),
            })
            .collect(),
    });
    Ok(SearchResults {
        query: req.text.clone(),
        total,
        total_is_lower_bound: total_is_lower_bound || incomplete,
        took_ms: (started.elapsed().as_secs_f64() * 1e6).round() / 1e3,
        hits,
        relaxed,
        incomplete,
        searched_also,
        read_as,
        several_acts,
        place: place.map(|p| p.named),
    })
}

/// Puts the units that define `term` itself ([`definitions::Definitions::units_defining`]) and
/// that `query` matches at the head of `top`, at the best score: those among the candidates in
/// the order they had, then the others. Among the units a bare term's words are in, its own
/// definition — a short item that says the word once — need not be among the best few: the
/// definitions of its compounds, and the provisions that repeat it, say it as often or more.
fn own_definitions_first(
    index: &Store,
    searcher: &tantivy::Searcher,
    term: &[String],
    query: &dyn TQuery,
    top: &mut Vec<(f32, tantivy::DocAddress)>,
) {
    let defs =
        match index.per_generation(searcher, || definitions::Definitions::mine(index, searcher)) {
            Ok(d) => d,
            Err(e) => {
                log::warn!("the corpus's definitions cannot be read ({e}); ranking without them");
                return;
            }
        };
    let own = defs.units_defining(term);
    if own.is_empty() {
        return;
    }
    let (mut first, outside): (Vec<DocAddress>, Vec<DocAddress>) = own
        .into_iter()
        .partition(|addr| top.iter().any(|(_, a)| a == addr));
    first.sort_by_key(|addr| top.iter().position(|(_, a)| a == addr));
    // A unit outside the candidates joins only when the query (its words and every filter:
    // language, kind, date, status) matches it; the best scored first.
    let mut joining: Vec<(f32, DocAddress)> = outside
        .into_iter()
        .filter_map(|addr| Some((query.explain(searcher, addr).ok()?.value(), addr)))
        .collect();
    joining.sort_by(|a, b| b.0.total_cmp(&a.0));
    first.extend(joining.into_iter().map(|(_, addr)| addr));
    // The query matched every one of them: the total has them already.
    let best = top.first().map_or(0.0, |(score, _)| *score);
    top.retain(|(_, addr)| !first.contains(addr));
    top.splice(0..0, first.into_iter().map(|addr| (best, addr)));
}

/// The query of `req` as the search reads it: Latin and keyboard-typed words restored, the
/// words that only ask left out, compounds split; whether it was typed as plain words
/// (three or more of them rank by how many a unit has, and find their thesaurus alternatives);
/// the Latin words read as Cyrillic, to be said in the answer; and, typed as plain words, its
/// words' expansions.
fn read_query(index: &Store, req: &SearchRequest) -> crate::Result<ReadQuery> {
    let q = match &req.parsed {
        Some(q) => q.clone(),
        // A search by requisites alone: the acts that have them, every unit.
        None if req.text.trim().is_empty() && !req.requisites.is_empty() => {
            let mut parts: Vec<Query> = req.requisites.iter().cloned().map(Query::Filter).collect();
            if parts.len() == 1 {
                parts.remove(0)
            } else {
                Query::And(parts)
            }
        }
        None => parse(&req.text)?,
    };
    // Latin letters are read as Russian when asked in Russian, or, asked in no language, when
    // the index knows more of the words read so; as Kazakh otherwise.
    let latin = restore::LatinReadings::of(index, &q);
    let russian = match req.lang {
        Some(lang) => lang == crate::model::Lang::Ru,
        None => latin.read_as_russian(),
    };
    let read_as = latin
        .said(russian)
        .into_iter()
        .map(|(word, read, ru)| ReadAs {
            word,
            read,
            lang: if ru {
                crate::model::Lang::Ru
            } else {
                crate::model::Lang::Kk
            },
        })
        .collect();
    let q = restore::restore_query(index, &q, russian, &latin);
    // Words that only ask (`қашан`, `бола ма`, `можно ли`) are not in the answer.
    let q = question::without_asking_words(&q).unwrap_or(q);
    let q = query::split_compounds(&q);
    let typed_as_words = req.parsed.is_none() && query::typed_as_words(&req.text);
    let expansions = typed_as_words.then(|| compounds::Expansions::of(index, &positive_words(&q)));
    Ok(ReadQuery {
        query: q,
        typed_as_words,
        read_as,
        expansions,
    })
}

/// A request's query as the search reads it ([`read_query`]).
pub(crate) struct ReadQuery {
    /// The query: Latin and keyboard-typed words restored, the words that only ask left out,
    /// compounds split.
    pub(crate) query: Query,
    /// Whether it was typed as plain words (three or more of them rank by how many a unit has,
    /// and find their thesaurus alternatives).
    pub(crate) typed_as_words: bool,
    /// The Latin words read as Cyrillic, to be said in the answer.
    pub(crate) read_as: Vec<ReadAs>,
    /// The expansions of its words (thesaurus, numbers otherwise written, compounds), worked
    /// out once for every search of the request and its highlighting: typed as plain words
    /// only, as only such words find them.
    pub(crate) expansions: Option<compounds::Expansions>,
}

/// The words of `q`'s positive parts ([`Query::positive_parts`]), in order.
fn positive_words(q: &Query) -> Vec<&str> {
    q.positive_parts()
        .into_iter()
        .filter_map(|p| match p {
            Query::Term(w) => Some(w.as_str()),
            _ => None,
        })
        .collect()
}

/// What a hit's snippet marks for the query `q`: its words, their thesaurus alternatives when
/// typed as words, and the verbs a word was read as; a stop word typed among plain words is
/// not marked.
fn highlighter_of(
    index: &Store,
    searcher: &tantivy::Searcher,
    q: &Query,
    typed_as_words: bool,
    synonyms: Option<&compounds::Expansions>,
) -> snippet::Highlighter {
    let q = with_alternatives(index, searcher, q, synonyms);
    if typed_as_words {
        snippet::Highlighter::for_words(&q)
    } else {
        snippet::Highlighter::new(&q)
    }
}

/// The byte spans of each of `texts` that a search for `query` marks in its hits' snippets
/// (the same words, forms, alternatives and readings), for a page showing whole texts.
pub(crate) fn highlights(
    index: &Store,
    query: &str,
    texts: &[&str],
) -> crate::Result<Vec<Vec<[usize; 2]>>> {
    let read = read_query(index, &SearchRequest::new(query))?;
    let hl = highlighter_of(
        index,
        &index.searcher(),
        &read.query,
        read.typed_as_words,
        read.expansions.as_ref(),
    );
    Ok(texts.iter().map(|t| hl.spans(t)).collect())
}

/// `q` with its words' expansions (`synonyms`) beside it, word by word (a phrase would be
/// verified on the text), for highlighting what matched; `q` itself without `synonyms`. The
/// verbs a word was read as are beside it too.
fn with_alternatives(
    index: &Store,
    searcher: &tantivy::Searcher,
    q: &Query,
    synonyms: Option<&compounds::Expansions>,
) -> Query {
    let words = positive_words(q);
    let mut alternatives: Vec<Query> = Vec::new();
    if let Some(expansions) = synonyms {
        alternatives.extend(
            expansions
                .for_words(index, &words)
                .iter()
                .flat_map(|(e, _)| e.alternatives.iter())
                .flat_map(|a| {
                    a.split_whitespace()
                        .map(|w| Query::Term(w.to_string()))
                        .collect::<Vec<_>>()
                }),
        );
    }
    // The verbs the search read a word as (`үйлене` as `үйлену`) are highlighted too.
    let f = index.fields();
    for w in &words {
        for (_, exact) in terms::analyze_field(index, f.kk_exact, w) {
            alternatives.extend(
                word_query::verb_readings_in(index, searcher, &exact)
                    .into_iter()
                    .map(Query::Term),
            );
        }
    }
    if alternatives.is_empty() {
        return q.clone();
    }
    let mut parts = vec![q.clone()];
    parts.extend(alternatives);
    Query::Or(parts)
}

/// The filter clauses of `req`: the validity dates, and the act, kind, status and language
/// asked for. An unknown act is [`crate::Error::NotFound`].
pub(crate) fn request_filters(
    index: &Store,
    req: &SearchRequest,
) -> crate::Result<Vec<(Occur, Box<dyn TQuery>)>> {
    let f = index.fields();
    if let Some(id) = &req.act {
        // A known id needs no more than its term; an unknown one gets `act`'s error, which
        // lists the known ids (reading a whole act for every filtered search was the cost).
        // Doc freqs count deleted documents until a merge: an act just removed from the corpus
        // then finds nothing instead of being named unknown.
        let term = tantivy::Term::from_field_text(f.act_id, id);
        if index.searcher().doc_freq(&term)? == 0 {
            index.act(id)?;
        }
    }
    let mut filters: Vec<(Occur, Box<dyn TQuery>)> = filters::validity_clauses(f, req.as_of);
    if let Some(id) = &req.act {
        filters.push((
            Occur::Must,
            filters::filter_query(f, &Filter::Act(id.clone())),
        ));
    }
    if let Some(k) = req.kind {
        filters.push((Occur::Must, filters::filter_query(f, &Filter::Kind(k))));
    }
    if let Some(s) = req.status {
        filters.push((Occur::Must, filters::filter_query(f, &Filter::Status(s))));
    }
    if let Some(lang) = req.lang {
        filters.push((Occur::Must, filters::lang_filter(f, lang)));
    }
    for r in &req.requisites {
        filters.push((Occur::Must, filters::filter_query(f, r)));
    }
    Ok(filters)
}

/// The hits of the candidates `top`, best first: each unit once (an edition of one already
/// taken is skipped), at most `req.limit`; a phrase with stop words keeps only the candidates
/// whose text has it. Also how many candidates were verified so.
fn read_hits(
    index: &Store,
    searcher: &tantivy::Searcher,
    top: Vec<(f32, DocAddress)>,
    req: &SearchRequest,
    hl: &snippet::Highlighter,
    budget: &budget::Budget,
) -> crate::Result<(Vec<Hit>, usize)> {
    let mut hits = Vec::with_capacity(top.len().min(req.limit));
    let mut seen = HashSet::new();
    let mut verified = 0;
    for (score, addr) in top {
        // Verifying reads each candidate's text: with the budget spent, the hits verified
        // so far are the answer.
        if hl.needs_verify() && budget.spent() {
            break;
        }
        // Fetched once: a verified candidate is printed from the document it was checked on.
        let doc = crate::index::stored::fetch(index, searcher, addr)?;
        if hl.needs_verify() {
            // Most candidates lack the phrase's stop word: a look for it spares putting their
            // text together and analyzing it.
            let f = index.fields();
            if !hl.may_verify(&[doc.str(f.heading), doc.str(f.text)])
                || !hl.verify(&doc_text(index, &doc))
            {
                continue;
            }
            verified += 1;
            if hits.len() == req.limit {
                continue;
            }
        }
        let hit = read_hit(index, doc, score, req.as_of, hl);
        if !seen.insert((hit.act.id.clone(), hit.lang.clone(), hit.unit.eid.clone())) {
            continue;
        }
        if hits.len() < req.limit {
            hits.push(hit);
        } else if !hl.needs_verify() {
            break;
        }
    }
    Ok((hits, verified))
}

/// What the steps that only add hits to the words' own (the other language's twins, the
/// partial fill) read: the search's index, searcher, request, scoring, highlighter and budget.
struct Widening<'a> {
    index: &'a Store,
    searcher: &'a tantivy::Searcher,
    req: &'a SearchRequest,
    adjust: &'a Adjust,
    hl: &'a snippet::Highlighter,
    budget: &'a Arc<budget::Budget>,
}

/// The best matches of `any` (the query's words joined by OR, with the request's filters)
/// that are not among `have`, as many as `have` lacks of the limit, each marked partial and
/// scored no higher than the lowest of `have`, so that they rank below every full match.
fn partial_fill(w: &Widening, any: &BooleanQuery, have: &[Hit]) -> crate::Result<Vec<Hit>> {
    let Some(want) = w.req.limit.checked_sub(have.len()).filter(|n| *n > 0) else {
        return Ok(Vec::new());
    };
    // The full matches are among the OR's best too: fetch enough to skip them all; editions
    // of one unit may all match an `--as-of` date.
    let fetch = (w.req.limit + have.len()) * if w.req.as_of.is_some() { 3 } else { 1 };
    let (top, _) = top_adjusted(w.searcher, any, fetch, w.adjust, None, w.budget)?;
    let wide = SearchRequest {
        limit: fetch,
        ..w.req.clone()
    };
    let (candidates, _) = read_hits(w.index, w.searcher, top, &wide, w.hl, w.budget)?;
    let shown: HashSet<(&str, &str, &str)> = have
        .iter()
        .map(|h| (h.act.id.as_str(), h.lang.as_str(), h.unit.eid.as_str()))
        .collect();
    let cap = have.iter().map(|h| h.score).fold(f32::INFINITY, f32::min);
    Ok(candidates
        .into_iter()
        .filter(|h| !shown.contains(&(h.act.id.as_str(), h.lang.as_str(), h.unit.eid.as_str())))
        .take(want)
        .map(|mut h| {
            h.partial = true;
            h.score = h.score.min(cap);
            h
        })
        .collect())
}

/// How much of its score a hit found through its twin in the other language keeps.
pub const TWIN_FACTOR: f32 = 0.8;

/// Units of `req`'s language whose twins in the other language match `query` (which keeps to
/// that language), best first, none of `have`, at most as many as `have` lacks of the limit.
fn through_twins(w: &Widening, query: &BooleanQuery, have: &[Hit]) -> crate::Result<Vec<Hit>> {
    let (Some(lang), Some(want)) = (w.req.lang, w.req.limit.checked_sub(have.len())) else {
        return Ok(Vec::new());
    };
    let f = w.index.fields();
    // The same candidates whatever the page size: many have no twin and are passed over, and
    // a window sized by the page would end sooner on a short page, which the partial fill
    // would then take, so that its first hits depended on how many were asked for.
    let (top, _) = top_adjusted(w.searcher, query, TWIN_CANDIDATES, w.adjust, None, w.budget)?;
    let mut seen: HashSet<(String, String)> = have
        .iter()
        .map(|h| (h.act.id.clone(), h.unit.eid.clone()))
        .collect();
    let mut out = Vec::new();
    for (score, addr) in top {
        if out.len() == want {
            break;
        }
        let doc = crate::index::stored::fetch(w.index, w.searcher, addr)?;
        let key = (doc.str(f.act_id).to_string(), doc.str(f.eid).to_string());
        if seen.contains(&key) {
            continue;
        }
        let Some(twin) = twin_address(w.searcher, f, &key.0, &key.1, lang, w.req.as_of)? else {
            continue;
        };
        seen.insert(key);
        let doc = crate::index::stored::fetch(w.index, w.searcher, twin)?;
        out.push(read_hit(
            w.index,
            doc,
            score * TWIN_FACTOR,
            w.req.as_of,
            w.hl,
        ));
    }
    Ok(out)
}

/// The document of unit `eid` of `act` in `lang`, current or valid on `as_of`.
fn twin_address(
    searcher: &tantivy::Searcher,
    f: &crate::index::Fields,
    act: &str,
    eid: &str,
    lang: crate::model::Lang,
    as_of: Option<NaiveDate>,
) -> crate::Result<Option<DocAddress>> {
    let mut clauses = unit_clauses(f, act, eid, lang);
    clauses.extend(filters::validity_clauses(f, as_of));
    let top = searcher.search(&BooleanQuery::new(clauses), &TopDocs::with_limit(1))?;
    Ok(top.first().map(|(_, addr)| *addr))
}

/// The clauses that keep the documents of unit `eid` of `act` in `lang` (any edition).
fn unit_clauses(
    f: &crate::index::Fields,
    act: &str,
    eid: &str,
    lang: crate::model::Lang,
) -> Vec<(Occur, Box<dyn TQuery>)> {
    vec![
        (Occur::Must, filters::raw_term(f.act_id, act)),
        (Occur::Must, filters::raw_term(f.lang, lang.as_str())),
        (Occur::Must, filters::raw_term(f.eid, eid)),
    ]
}

/// Whether the index holds both languages' expressions.
fn both_languages(searcher: &tantivy::Searcher, f: &crate::index::Fields) -> bool {
    crate::model::Lang::ALL.iter().all(|l| {
        searcher
            .doc_freq(&tantivy::Term::from_field_text(f.lang, l.as_str()))
            .is_ok_and(|n| n > 0)
    })
}

/// `hits` numbered by rank, each with its twin in the other language when the index holds
/// both.
fn ranked_with_twins(
    searcher: &tantivy::Searcher,
    f: &crate::index::Fields,
    mut hits: Vec<Hit>,
) -> crate::Result<Vec<Hit>> {
    // Twins exist only where the index holds both languages: one term's document count
    // spares a lookup per hit in a one-language index.
    let both = both_languages(searcher, f);
    for (i, h) in hits.iter_mut().enumerate() {
        h.rank = i + 1;
        if both {
            h.twin = twin_of(searcher, f, h)?;
        }
    }
    Ok(hits)
}

#[cfg(test)]
thread_local! {
    /// How many searches of this thread had their scorers skip a match. The answer no longer
    /// shows it (its total reads the same either way), so the tests that check the skipping
    /// changes no hit read it here to know the skipping is exercised.
    static SKIPPED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The best `limit` matches of `query`, scored as `adjust` says, and how many matched.
fn top_adjusted(
    searcher: &tantivy::Searcher,
    query: &dyn TQuery,
    limit: usize,
    adjust: &Adjust,
    floor: Option<Arc<prune::Floor>>,
    budget: &Arc<budget::Budget>,
) -> crate::Result<(Vec<(f32, DocAddress)>, usize)> {
    let collector = collect::TopAdjusted {
        limit,
        adjust: adjust.clone(),
        floor,
        budget: Arc::clone(budget),
    };
    Ok(searcher.search(query, &collector)?)
}

/// The same unit in the act's other language, when the index has it: the Kazakh and Russian
/// expressions of an act share eids.
fn twin_of(
    searcher: &tantivy::Searcher,
    f: &crate::index::Fields,
    hit: &Hit,
) -> crate::Result<Option<HitTwin>> {
    let Some(lang) = crate::model::Lang::parse(&hit.lang) else {
        return Ok(None);
    };
    let other = lang.other();
    let q = BooleanQuery::new(unit_clauses(f, &hit.act.id, &hit.unit.eid, other));
    let found = searcher.search(&q, &Count)? > 0;
    Ok(found.then(|| HitTwin {
        lang: other.as_str().to_string(),
        eid: hit.unit.eid.clone(),
    }))
}

/// Candidates of the other language looked at for twins of a page in one language (each
/// document read only until the page is full).
const TWIN_CANDIDATES: usize = 1000;

/// Most candidates checked for a phrase with stop words.
pub const VERIFY_CANDIDATES: usize = 5000;

/// A unit document's heading and text, as the index analyzed them.
fn doc_text(index: &Store, doc: &StoredDoc) -> String {
    let f = index.fields();
    format!("{}\n{}", doc.str(f.heading), doc.str(f.text))
}

/// A stored date of `doc` as a calendar date.
fn date_of(doc: &StoredDoc, field: tantivy::schema::Field) -> Option<NaiveDate> {
    doc.date(field).and_then(from_tantivy_date)
}

fn read_hit(
    index: &Store,
    mut doc: StoredDoc,
    score: f32,
    as_of: Option<NaiveDate>,
    hl: &snippet::Highlighter,
) -> Hit {
    let f = index.fields();
    let text = doc.take_str(f.text);
    let heading = doc.take_str(f.heading);
    let snippet_src = if text.trim().is_empty() {
        &heading
    } else {
        &text
    };
    let snippet = hl.snippet(snippet_src);
    // The state the point-in-time rule gives the printing on the date asked for, as `show`
    // gives it; its wording's dates (the document's validity for an index without them).
    let time: Option<crate::amend::time::StoredTime> = serde_json::from_str(doc.str(f.time)).ok();
    let (from, to, from_estimated, edition_date, state) = match &time {
        Some(t) => (
            t.wording_from,
            t.wording_to,
            t.from_estimated,
            t.edition_date,
            crate::amend::time::state_in_piece(as_of, &t.facts(doc.str(f.unit_status))),
        ),
        None => (
            date_of(&doc, f.valid_from).filter(|x| *x != OPEN_FROM),
            date_of(&doc, f.valid_to).filter(|x| *x != OPEN_TO),
            false,
            None,
            crate::model::TimeState::InForce,
        ),
    };
    let wording_unknown = matches!(state, crate::model::TimeState::NotInCorpus { .. });
    // Most units were never amended: their list is `[]`.
    let amendments: Vec<Amendment> = match doc.str(f.amendments) {
        "[]" => Vec::new(),
        js => serde_json::from_str(js).unwrap_or_default(),
    };
    let act_date = date_of(&doc, f.act_date);
    let (line_start, line_end, page) =
        (doc.u32(f.line_start), doc.u32(f.line_end), doc.u32(f.page));
    let mut s = |field| doc.take_str(field);
    Hit {
        rank: 0,
        score,
        partial: false,
        lang: s(f.lang),
        twin: None,
        act: HitAct {
            id: s(f.act_id),
            title: s(f.act_title),
            kind: s(f.act_kind),
            number: s(f.act_number),
            date: act_date,
            status: s(f.act_status),
            url: Some(s(f.act_url)).filter(|u| !u.is_empty()),
        },
        unit: HitUnit {
            eid: s(f.eid),
            label: s(f.label),
            kind: crate::model::UnitKind::from_eid_prefix(&s(f.unit_kind))
                .unwrap_or(crate::model::UnitKind::Other),
            status: s(f.unit_status),
            heading: Some(heading).filter(|h| !h.is_empty()),
            path: s(f.path),
        },
        citation: s(f.citation),
        text,
        snippet,
        source: HitSource {
            file: s(f.file),
            line_start: line_start.unwrap_or(0),
            line_end: line_end.unwrap_or(0),
            page,
        },
        version: HitVersion {
            from,
            to,
            id: s(f.version_id),
            wording_unknown,
            state,
            from_estimated,
            edition_date,
        },
        amendments,
        references: Vec::new(),
        in_article: Vec::new(),
        article_key: Some(s(f.article)).filter(|k| !k.is_empty()),
    }
}

#[cfg(test)]
mod synthetic_tests;

#[cfg(test)]
mod corpus_tests;

#[cfg(test)]
mod numbers_tests;

#[cfg(test)]
mod questions_tests;

#[cfg(test)]
mod requisites_tests;

/// Puts `first` (documents a question's reading chose: an act's commencement clause, a looked-up
/// article) at the head of `top` with the best score there, each once; the total counts only
/// those the words had not matched already.
fn put_first(top: &mut Vec<(f32, DocAddress)>, total: &mut usize, first: Vec<DocAddress>) {
    if first.is_empty() {
        return;
    }
    let best = top.first().map_or(0.0, |(score, _)| *score);
    let before = top.len();
    top.retain(|(_, addr)| !first.contains(addr));
    *total += first.len() - (before - top.len());
    top.splice(0..0, first.into_iter().map(|addr| (best, addr)));
}

//! A first stage for a two-stage search, measured before it is searched with: how much of the
//! full scorer's top 10 a cheap stage one finds within its top N.
//!
//! Stage one reads what the full scorer reads, flat: each query word (and each word of its
//! expansions: thesaurus alternatives, defined terms, learned translations, derived words,
//! verb readings and spelling corrections) becomes tantivy term queries over the fields the
//! full scorer searches (every `kk_stem` form of its stem, `kk_exact`, `ru_stem`, `kk_loose`,
//! the heading fields and, for a question, the context fields), each at the full scorer's
//! field boost times the expansion's; a word's own forms also at the exact field's boost, and
//! the stems that fold to its loose spelling at the loose one. A word's clause is their plain
//! disjunction (term scorers only: tantivy's block-max WAND can skip in it, once the filters
//! leave the query); a question's or a relaxed query's words are one disjunction, words that
//! must all match are a conjunction of their disjunctions. A stem's forms share one document
//! frequency (their sum, at most the documents there are), so a rare form does not outweigh
//! its stem as it would with its own idf. Act titles, placeholder units and repealed acts are
//! scored as the full scorer does, per act and per unit from fast fields, after the match.
//!
//! What stage one leaves out: phrase positions, the disjunction-max over fields (it sums) and
//! the coverage rule of a question (enough of its words). `benches/RESULTS.md` has the
//! measurement and what keeps stage one from being searched with.

use super::boosts::{
    BOOST_CONTEXT, BOOST_EXACT, BOOST_HEADING_LOOSE, BOOST_HEADING_STEM, BOOST_LOOSE, BOOST_STEM,
    BOOST_SYNONYM,
};
use super::collect::Adjust;
use super::compile;
use super::crosslang::{translations, BOOST_CROSS};
use super::definitions::Definitions;
use super::derivation::{related_stems, related_to_word, BOOST_DERIVED};
use super::filters;
use super::query::Query;
use super::terms::analyze_field;
use super::word_query::verb_readings_in;
use super::SearchRequest;
use crate::index::Store;
use crate::model::Lang;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use tantivy::collector::Collector;
use tantivy::query::{
    Bm25StatisticsProvider, BooleanQuery, BoostQuery, Occur, Query as TQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, Searcher, Term};

/// Boost of a spelling correction's terms, as the full scorer's.
const BOOST_CORRECTION: f32 = 0.5;

/// The terms of one slot of the query, each at its boost (the highest it was given).
#[derive(Default)]
struct Slot(FxHashMap<Term, f32>);

impl Slot {
    fn add(&mut self, term: Term, boost: f32) {
        let b = self.0.entry(term).or_insert(boost);
        *b = b.max(boost);
    }

    fn extend(&mut self, other: Slot) {
        for (t, b) in other.0 {
            self.add(t, b);
        }
    }

    fn query(self) -> Option<Box<dyn TQuery>> {
        if self.0.is_empty() {
            return None;
        }
        let mut terms: Vec<(Term, f32)> = self.0.into_iter().collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        let clauses = terms
            .into_iter()
            .map(|(t, b)| {
                let q: Box<dyn TQuery> = Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)),
                    b,
                ));
                (Occur::Should, q)
            })
            .collect();
        Some(Box::new(BooleanQuery::new(clauses)))
    }
}

/// Builds stage one's query for one request.
struct Stage<'a> {
    index: &'a Store,
    searcher: Searcher,
    /// Whether the words are a question's (the context fields take part).
    context: bool,
    /// The document frequency each `kk_stem` form is scored with: its stem's.
    df: FxHashMap<Term, u64>,
    /// The expansions of the query's words, worked out when it was read.
    expansions: Option<&'a super::compounds::Expansions>,
}

impl Stage<'_> {
    /// The `kk_stem` terms of `stem`'s forms, in any segment.
    fn forms(&self, stem: &str) -> Vec<Term> {
        let field = self.index.fields().kk_stem;
        let (lo, hi) = crate::analysis::stem_range(stem);
        let mut out: Vec<Term> = Vec::new();
        for reader in self.searcher.segment_readers() {
            let Ok(dict) = reader.inverted_index(field) else {
                continue;
            };
            let Ok(mut stream) = dict
                .terms()
                .range()
                .ge(lo.as_bytes())
                .lt(hi.as_bytes())
                .into_stream()
            else {
                continue;
            };
            while stream.advance() {
                let Ok(text) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                let term = Term::from_field_text(field, text);
                if !out.contains(&term) {
                    out.push(term);
                }
            }
        }
        out
    }

    /// The document frequency of a union of terms, estimated: the sum of theirs, never more
    /// than the documents there are (past that, BM25's idf turns negative).
    fn union_df(&self, terms: &[Term]) -> u64 {
        let sum: u64 = terms.iter().map(|t| self.doc_freq(t)).sum();
        sum.min(self.searcher.total_num_docs().unwrap_or(u64::MAX))
    }

    fn doc_freq(&self, term: &Term) -> u64 {
        self.searcher.doc_freq(term).unwrap_or(0)
    }

    /// Adds the `kk_stem` forms of `stem` at `boost`, sharing one document frequency.
    fn add_forms(&mut self, stem: &str, boost: f32, slot: &mut Slot) -> bool {
        let forms = self.forms(stem);
        let df = self.union_df(&forms);
        for t in &forms {
            self.df.insert(t.clone(), df);
            slot.add(t.clone(), boost);
        }
        !forms.is_empty()
    }

    /// `text`'s words in every field the full scorer searches, at `boost` times each field's.
    fn words(&mut self, text: &str, boost: f32, slot: &mut Slot) {
        let f = self.index.fields();
        let mut found_stem = false;
        for (_, stem) in analyze_field(self.index, f.kk_stem, text) {
            let mut found = self.add_forms(&stem, boost * BOOST_STEM, slot);
            // A Russian word of a Kazakh unit, which the Kazakh stemmer keeps whole.
            if !found {
                if let Some(ru) =
                    super::terms::russian_stem_of_kazakh_unknown(self.index, &self.searcher, &stem)
                {
                    found = self.add_forms(&ru, boost * BOOST_STEM, slot);
                }
            }
            found_stem |= found;
        }
        // A word's own form weighs as the full scorer's exact field: its `kk_stem` terms.
        for (_, word) in analyze_field(self.index, f.kk_exact, text) {
            for form in crate::analysis::form_terms(&word) {
                let term = Term::from_field_text(f.kk_stem, &form);
                if self.doc_freq(&term) > 0 {
                    slot.add(term, boost * BOOST_EXACT);
                }
            }
        }
        // Loose spellings (typed without Kazakh letters) reach the stems that fold to them;
        // a word found as typed, with no Kazakh letter, only those spelled with one (as the
        // full scorer's loose clause).
        let kazakh_only = super::restore::spelled_as_typed(self.index, &self.searcher, text);
        if !text.split_whitespace().any(super::restore::is_foreign_word) {
            // The whole loose analyzer: the field's own keeps only what the stems do not give.
            for t in crate::analysis::analyze(crate::analysis::KK_LOOSE, text) {
                let own = Term::from_field_text(f.kk_loose, &t.text);
                if self.doc_freq(&own) > 0 {
                    slot.add(own, boost * BOOST_LOOSE);
                }
                let mut set = super::synonym::TermSet::default();
                if super::restore::add_stem_terms_folding_to(
                    self.index,
                    &self.searcher,
                    &t.text,
                    None,
                    kazakh_only,
                    &mut set,
                )
                .is_ok()
                {
                    let df = self.union_df(set.terms());
                    for term in set.terms() {
                        self.df.entry(term.clone()).or_insert(df);
                        slot.add(term.clone(), boost * BOOST_LOOSE);
                    }
                }
            }
        }
        if !found_stem {
            // A verb form the index does not spell is searched as its verbal nouns.
            for word in text.split_whitespace() {
                for noun in verb_readings_in(self.index, &self.searcher, word) {
                    for (_, stem) in analyze_field(self.index, f.kk_stem, &noun) {
                        self.add_forms(&stem, boost * BOOST_STEM, slot);
                    }
                }
            }
        }
        let mut fields: Vec<(Field, f32)> = vec![
            (f.kk_exact, BOOST_EXACT),
            (f.ru_stem, BOOST_STEM),
            (f.heading_stem, BOOST_HEADING_STEM),
            (f.heading_loose, BOOST_HEADING_LOOSE),
        ];
        if self.context {
            fields.push((f.context_stem, BOOST_CONTEXT));
            fields.push((f.context_ru, BOOST_CONTEXT));
        }
        for (field, b) in fields {
            for (_, token) in analyze_field(self.index, field, text) {
                let term = Term::from_field_text(field, &token);
                if self.doc_freq(&term) > 0 {
                    slot.add(term, boost * b);
                }
            }
        }
    }

    /// A word with what the full scorer also searches for it.
    fn word(&mut self, w: &str, synonyms: bool, derive: bool) -> Slot {
        let mut slot = Slot::default();
        self.words(w, 1.0, &mut slot);
        if derive {
            self.derived(w, &mut slot);
        }
        if let Ok(lexicon) = self.index.lexicon() {
            for t in translations(&lexicon, w) {
                self.words(&t, BOOST_CROSS, &mut slot);
            }
        }
        if synonyms {
            for c in super::spelling::corrections(self.index, w) {
                self.words(&c, BOOST_CORRECTION, &mut slot);
            }
        }
        slot
    }

    /// The words derived from `w` (or it from them) that the index spells.
    fn derived(&mut self, w: &str, slot: &mut Slot) {
        let f = self.index.fields();
        if let [(_, stem)] = analyze_field(self.index, f.kk_stem, w).as_slice() {
            let related = related_stems(stem, Lang::Kk, |s| !self.forms(s).is_empty());
            for r in related {
                self.add_forms(&r, BOOST_DERIVED * BOOST_STEM, slot);
            }
        }
        if let [(_, stem)] = analyze_field(self.index, f.ru_stem, w).as_slice() {
            let spelled = |s: &str| self.doc_freq(&Term::from_field_text(f.ru_stem, s)) > 0;
            for r in related_to_word(w, stem, Lang::Ru, spelled) {
                slot.add(
                    Term::from_field_text(f.ru_stem, &r),
                    BOOST_DERIVED * BOOST_STEM,
                );
            }
        }
    }

    /// The plain words of a conjunction, one slot per word (a thesaurus alternative joins
    /// every word of the span it replaces).
    fn word_slots(&mut self, terms: &[&str], synonyms: bool, derive: bool) -> Vec<Slot> {
        let mut slots: Vec<Slot> = terms
            .iter()
            .map(|w| self.word(w, synonyms, derive))
            .collect();
        if !synonyms {
            return slots;
        }
        let expansions = match self.expansions {
            Some(known) => known.for_words(self.index, terms),
            None => Cow::Owned(super::compounds::all_expansions(self.index, terms)),
        };
        for (e, number) in expansions.iter() {
            let boost = if *number {
                super::number_words::BOOST_NUMERAL
            } else {
                BOOST_SYNONYM
            };
            let mut alt = Slot::default();
            for a in &e.alternatives {
                self.words(a, boost, &mut alt);
            }
            for s in &mut slots[e.start..e.start + e.len] {
                for (t, b) in &alt.0 {
                    s.add(t.clone(), *b);
                }
            }
        }
        slots
    }

    /// The terms the corpus defines with the words of `terms`, each a slot (a question's).
    fn defined_slots(&mut self, terms: &[&str]) -> Vec<Slot> {
        let searcher = self.searcher.clone();
        let Ok(defs) = self
            .index
            .per_generation(&searcher, || Definitions::mine(self.index, &searcher))
        else {
            return Vec::new();
        };
        defs.terms_for(terms)
            .iter()
            .map(|t| {
                let mut s = Slot::default();
                self.words(t, BOOST_SYNONYM, &mut s);
                s
            })
            .collect()
    }

    /// Stage one's query for `q`, its structure kept: `any` makes a top-level conjunction's
    /// words one disjunction.
    fn query(&mut self, q: &Query, any: bool, synonyms: bool) -> Option<Box<dyn TQuery>> {
        let f = self.index.fields();
        match q {
            Query::Term(w) => {
                let mut all = Slot::default();
                for s in self.word_slots(&[w.as_str()], synonyms, any) {
                    all.extend(s);
                }
                all.query()
            }
            Query::Phrase { text, .. } => {
                // A stop word (no stem in either language) need not match: the full scorer's
                // stem clause of the phrase leaves it out.
                let mut parts: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
                for w in text.split_whitespace() {
                    let stop = analyze_field(self.index, f.kk_stem, w).is_empty()
                        && analyze_field(self.index, f.ru_stem, w).is_empty();
                    let mut s = Slot::default();
                    self.words(w, 1.0, &mut s);
                    if let Some(q) = s.query() {
                        parts.push((if stop { Occur::Should } else { Occur::Must }, q));
                    }
                }
                (!parts.is_empty()).then(|| Box::new(BooleanQuery::new(parts)) as Box<dyn TQuery>)
            }
            Query::Filter(filter) => Some(filters::filter_query(f, filter)),
            Query::Not(inner) => compile::compile(self.index, inner, compile::WordMatch::All, None)
                .map(filters::all_but),
            Query::Or(parts) => {
                let subs: Vec<(Occur, Box<dyn TQuery>)> = parts
                    .iter()
                    .filter_map(|p| self.query(p, false, false))
                    .map(|q| (Occur::Should, q))
                    .collect();
                (!subs.is_empty()).then(|| Box::new(BooleanQuery::new(subs)) as Box<dyn TQuery>)
            }
            Query::And(parts) => {
                let mut subs: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
                let mut terms: Vec<&str> = Vec::new();
                for p in parts {
                    match p {
                        Query::Not(inner) => {
                            if let Some(q) =
                                compile::compile(self.index, inner, compile::WordMatch::All, None)
                            {
                                subs.push((Occur::MustNot, q));
                            }
                        }
                        Query::Filter(flt) => {
                            subs.push((Occur::Must, filters::filter_query(f, flt)))
                        }
                        Query::Term(w) => terms.push(w),
                        _ => {
                            if let Some(q) = self.query(p, false, false) {
                                subs.push((Occur::Must, q));
                            }
                        }
                    }
                }
                let question = synonyms && terms.len() > 2;
                self.context = question;
                let mut slots = self.word_slots(&terms, synonyms, any || question);
                if question {
                    slots.extend(self.defined_slots(&terms));
                }
                if any || question {
                    let mut all = Slot::default();
                    for s in slots {
                        all.extend(s);
                    }
                    if let Some(q) = all.query() {
                        subs.push((Occur::Must, q));
                    }
                } else {
                    subs.extend(
                        slots
                            .into_iter()
                            .filter_map(Slot::query)
                            .map(|q| (Occur::Must, q)),
                    );
                }
                if !subs.iter().any(|(o, _)| *o == Occur::Must) {
                    subs.push((Occur::Must, filters::everything()));
                }
                Some(Box::new(BooleanQuery::new(subs)))
            }
        }
    }
}

/// Scores `kk_stem` forms with their stem's document frequency; everything else as the
/// searcher does.
struct SharedDf<'a> {
    searcher: &'a Searcher,
    df: &'a FxHashMap<Term, u64>,
}

impl Bm25StatisticsProvider for SharedDf<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        match self.df.get(term) {
            Some(n) => Ok(*n),
            None => self.searcher.doc_freq(term),
        }
    }
}

/// One request's two rankings: the full scorer's main matches (the words' matches, before
/// the steps that add an article asked for by number, twins and a partial fill) and stage
/// one's, with how long each took.
pub(crate) struct Rankings {
    /// The full scorer's best `k`.
    pub(crate) full: Vec<DocAddress>,
    /// Stage one's best `n`.
    pub(crate) first: Vec<DocAddress>,
    /// The terms the full scorer's query reads and stage one's does not (field and text).
    pub(crate) missing: Vec<String>,
    pub(crate) full_time: std::time::Duration,
    pub(crate) first_time: std::time::Duration,
}

/// The full scorer's best `k` main matches for `req` and stage one's best `n`, both with the
/// request's filters and the same per-act and per-unit adjustments.
pub(crate) fn rankings(
    index: &Store,
    req: &SearchRequest,
    k: usize,
    n: usize,
) -> crate::Result<Rankings> {
    let read = super::read_query(index, req)?;
    let (q, typed_as_words, synonyms) =
        (&read.query, read.typed_as_words, read.expansions.as_ref());
    let filters = super::request_filters(index, req)?;
    let searcher = index.searcher();
    let f = index.fields();
    let titles = match compile::title_boost(index, q) {
        Some(t) => super::title::act_scores(index, &searcher, t.as_ref())?,
        None => super::title::ActScores::default(),
    };
    let adjust = Adjust::new(&searcher, f, titles, req.as_of.is_none());
    let budget = std::sync::Arc::new(super::budget::Budget::new(None));
    let with_filters = |main: Box<dyn TQuery>| {
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = vec![(Occur::Must, main)];
        clauses.extend(filters.iter().map(|(o, q)| (*o, q.box_clone())));
        BooleanQuery::new(clauses)
    };
    let words = if typed_as_words {
        compile::WordMatch::Coverage
    } else {
        compile::WordMatch::All
    };
    let t0 = std::time::Instant::now();
    let mut relaxed = false;
    let mut full = Vec::new();
    let mut full_terms: Vec<Term> = Vec::new();
    if let Some(main) = compile::compile(index, q, words, synonyms) {
        main.query_terms(&mut |t, _| full_terms.push(t.clone()));
        let (top, total) =
            super::top_adjusted(&searcher, &with_filters(main), k, &adjust, None, &budget)?;
        full = top;
        if total == 0 && q.is_plain_words() {
            relaxed = true;
            if let Some(main) = compile::compile(index, q, compile::WordMatch::Any, synonyms) {
                main.query_terms(&mut |t, _| full_terms.push(t.clone()));
                (full, _) =
                    super::top_adjusted(&searcher, &with_filters(main), k, &adjust, None, &budget)?;
            }
        }
    }
    let full_time = t0.elapsed();
    let t0 = std::time::Instant::now();
    let mut stage = Stage {
        index,
        searcher: searcher.clone(),
        context: false,
        df: FxHashMap::default(),
        expansions: synonyms,
    };
    let mut first = Vec::new();
    let mut stage_terms: std::collections::HashSet<Term> = Default::default();
    if let Some(main) = stage.query(q, relaxed, typed_as_words) {
        main.query_terms(&mut |t, _| {
            stage_terms.insert(t.clone());
        });
        let query = with_filters(main);
        let collector = super::collect::TopAdjusted {
            limit: n,
            adjust: adjust.clone(),
            floor: None,
            budget,
        };
        let stats = SharedDf {
            searcher: &searcher,
            df: &stage.df,
        };
        let (top, _) = search_with(&searcher, &query, &collector, &stats)?;
        first = top;
    }
    let first_time = t0.elapsed();
    let schema = searcher.schema();
    let mut missing: Vec<String> = full_terms
        .iter()
        .filter(|t| !stage_terms.contains(*t))
        .map(|t| {
            let text = t
                .value()
                .as_str()
                .unwrap_or_default()
                .replace(['\u{1}', '\u{2}', '\u{3}'], "·");
            format!("{}:{text}", schema.get_field_name(t.field()))
        })
        .collect();
    missing.sort();
    missing.dedup();
    Ok(Rankings {
        missing,
        full: full.into_iter().map(|(_, a)| a).collect(),
        first: first.into_iter().map(|(_, a)| a).collect(),
        full_time,
        first_time,
    })
}

fn search_with<C: Collector>(
    searcher: &Searcher,
    query: &dyn TQuery,
    collector: &C,
    stats: &dyn Bm25StatisticsProvider,
) -> crate::Result<C::Fruit> {
    Ok(searcher.search_with_statistics_provider(query, collector, stats)?)
}

#[cfg(test)]
mod tests;

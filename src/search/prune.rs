//! Skipping the matches that cannot be among the best ones (top-k pruning, after MaxScore).
//!
//! A search keeps the best `limit` matches; once it holds that many, a match must score above
//! the lowest of them. Every clause of a query word has a largest score it can give (BM25 is
//! bounded: `idf × (k1 + 1)` times the boost), so a word's disjunction ([`super::dismax`])
//! knows which of its clauses cannot lift a unit over that bar even all together. Those
//! (in a common word at 1 GB, the body-text stem clause that matches every unit with the word,
//! when the best units also have it in a heading) are no longer walked: the word moves
//! through the documents of the others, and looks the skipped clauses up only on those.
//!
//! The collector and the words' scorers share a [`Floor`]: the collector writes the score a
//! new match must beat, and each word reads it less the most the query's other words can
//! add. The hits and their scores are the same as without pruning; the count is then of the
//! matches that were looked at, a lower bound ([`Floor::pruned`]).
//!
//! As search engines do (Elasticsearch's `track_total_hits`), the total is exact up to a
//! bound: the floor stays shut, and the scorers skip nothing, until the collector has counted
//! that many matches ([`Floor::new`]). A search with fewer matches than the bound counts them
//! all; one with more says "at least the bound".

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::Mutex;
use tantivy::query::{Bm25StatisticsProvider, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// What a match must score to be among the best kept so far, shared by a search's collector
/// and the scorers of its words (its slots).
#[derive(Debug)]
pub(crate) struct Floor {
    /// The raw score (before the act-title bonus and the factors) a match must exceed, as
    /// `f32` bits; `-inf` until the collector has `limit` matches.
    raw: AtomicU32,
    /// The collector's own bar (adjusted scores), carried from one segment to the next:
    /// segments are collected in order, so a later match that does not beat the best `limit`
    /// of the earlier ones is not among the best. `NaN` bits: none yet.
    kept: AtomicU32,
    /// The best adjusted scores of the segments collected so far, at most `limit` of them:
    /// once there are `limit`, the lowest is a bar for the segments still to come, even when
    /// no segment had `limit` matches of its own.
    best: Mutex<Vec<Score>>,
    /// The most each slot can score in the current segment (`inf` until its scorer says).
    slots: Mutex<Vec<Score>>,
    /// Whether a scorer skipped matches, so the count is a lower bound.
    pruned: AtomicBool,
    /// How many matches are counted before the scorers may skip any.
    bound: usize,
    /// The matches counted in the segments collected so far.
    counted: AtomicUsize,
    /// Whether `bound` matches have been counted: until then [`Floor::raw`] is `-inf`.
    open: AtomicBool,
}

impl Floor {
    /// A floor for a search that counts `bound` matches exactly before its scorers may skip
    /// any; no slot yet ([`Floor::expect_slots`]).
    pub(crate) fn new(bound: usize) -> Floor {
        Floor {
            raw: AtomicU32::new(Score::NEG_INFINITY.to_bits()),
            kept: AtomicU32::new(Score::NAN.to_bits()),
            best: Mutex::new(Vec::new()),
            slots: Mutex::new(Vec::new()),
            pruned: AtomicBool::new(false),
            bound,
            counted: AtomicUsize::new(0),
            open: AtomicBool::new(bound == 0),
        }
    }

    /// How many matches a segment about to be collected must count before the scorers may
    /// skip any; `None` when they already may.
    pub(crate) fn to_open(&self) -> Option<usize> {
        if self.open.load(Ordering::Relaxed) {
            return None;
        }
        match self
            .bound
            .saturating_sub(self.counted.load(Ordering::Relaxed))
        {
            0 => {
                self.open();
                None
            }
            n => Some(n),
        }
    }

    /// The bound is reached: from now on the scorers may skip matches.
    pub(crate) fn open(&self) {
        self.open.store(true, Ordering::Relaxed);
    }

    /// A segment counted `n` matches.
    pub(crate) fn add_counted(&self, n: usize) {
        self.counted.fetch_add(n, Ordering::Relaxed);
    }

    /// The matches counted exactly before any was skipped.
    pub(crate) fn bound(&self) -> usize {
        self.bound
    }

    /// The query's score is the sum of `n` slots' scores, each unbounded until its scorer
    /// registers.
    pub(crate) fn expect_slots(&self, n: usize) {
        if let Ok(mut slots) = self.slots.lock() {
            *slots = vec![Score::INFINITY; n];
        }
    }

    /// The collector's bar for the matches still to come: `kept` in adjusted scores, and
    /// `raw`, what the raw score must exceed to reach it.
    pub(crate) fn raise(&self, kept: Score, raw: Score) {
        self.kept.store(kept.to_bits(), Ordering::Relaxed);
        self.raw.store(raw.to_bits(), Ordering::Relaxed);
    }

    /// Adds a segment's best adjusted scores to those of the earlier segments; once they are
    /// `limit`, raises the bar to the lowest of the best `limit` (`best_title`: the most a
    /// match's title adds to its raw score).
    pub(crate) fn add_segment(
        &self,
        scores: impl Iterator<Item = Score>,
        limit: usize,
        best_title: Score,
    ) {
        let Ok(mut best) = self.best.lock() else {
            return;
        };
        best.extend(scores);
        if best.len() < limit || limit == 0 {
            return;
        }
        best.sort_unstable_by(|a, b| b.total_cmp(a));
        best.truncate(limit);
        let lowest = best[limit - 1];
        if self.kept().is_none_or(|kept| lowest > kept) {
            self.raise(lowest, lowest - best_title);
        }
    }

    /// The bar the earlier segments left, if any.
    pub(crate) fn kept(&self) -> Option<Score> {
        let kept = Score::from_bits(self.kept.load(Ordering::Relaxed));
        (!kept.is_nan()).then_some(kept)
    }

    /// Slot `slot` can score at most `max` in the segment being searched.
    pub(crate) fn register(&self, slot: usize, max: Score) {
        if let Ok(mut slots) = self.slots.lock() {
            if let Some(s) = slots.get_mut(slot) {
                *s = max;
            }
        }
    }

    /// The raw score (before the act-title bonus and the factors) a match must exceed;
    /// `-inf` while the collector has fewer than `limit` matches or has counted fewer than
    /// the bound.
    pub(crate) fn raw(&self) -> Score {
        if !self.open.load(Ordering::Relaxed) {
            return Score::NEG_INFINITY;
        }
        Score::from_bits(self.raw.load(Ordering::Relaxed))
    }

    /// The most the slots other than `slot` can add (`inf` while one of them does not say).
    pub(crate) fn others(&self, slot: usize) -> Score {
        match self.slots.lock() {
            Ok(slots) => slots
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != slot)
                .map(|(_, &m)| m)
                .sum(),
            Err(_) => Score::INFINITY,
        }
    }

    /// A scorer skipped matches.
    pub(crate) fn mark_pruned(&self) {
        self.pruned.store(true, Ordering::Relaxed);
    }

    /// Whether any match was skipped: the count is then a lower bound.
    pub(crate) fn pruned(&self) -> bool {
        self.pruned.load(Ordering::Relaxed)
    }
}

/// A little under `bar`: bounds added up in another order than the scores may round
/// differently, and a match must never be skipped for that.
pub(crate) fn under(bar: Score) -> Score {
    bar - bar.abs() * 1e-4 - 1e-4
}

/// The most `scorer` can score, when it is a [`Bounded`] query's.
pub(crate) fn max_score(scorer: &dyn Scorer) -> Option<Score> {
    scorer
        .as_any()
        .downcast_ref::<BoundedScorer>()
        .map(|s| s.max)
}

/// A tantivy term or phrase query with the most it can score: BM25 over `terms` (of one
/// field) at its largest, what tantivy's own scorers for it compute.
#[derive(Debug)]
pub(crate) struct Bounded {
    inner: Box<dyn Query>,
    terms: Vec<Term>,
}

impl Bounded {
    /// `inner`, scored by BM25 over `terms` (one field, not empty).
    pub(crate) fn new(inner: Box<dyn Query>, terms: Vec<Term>) -> Bounded {
        Bounded { inner, terms }
    }
}

impl Clone for Bounded {
    fn clone(&self) -> Self {
        Bounded {
            inner: self.inner.box_clone(),
            terms: self.terms.clone(),
        }
    }
}

impl Query for Bounded {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let max = match &enable_scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => most_of(*statistics_provider, &self.terms)?,
            EnableScoring::Disabled { .. } => Score::INFINITY,
        };
        Ok(Box::new(BoundedWeight {
            inner: self.inner.weight(enable_scoring)?,
            max,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

/// The most tantivy's BM25 over `terms` can score: its weight, `idf × (1 + k1)` with the
/// terms' idfs summed (a phrase's), times a term-frequency factor that stays under 1.
fn most_of(stats: &dyn Bm25StatisticsProvider, terms: &[Term]) -> tantivy::Result<Score> {
    /// tantivy's `k1`.
    const K1: Score = 1.2;
    let docs = stats.total_num_docs()?;
    let mut idf = 0.0;
    for term in terms {
        let n = stats.doc_freq(term)?;
        let x = (docs.saturating_sub(n) as Score + 0.5) / (n as Score + 0.5);
        idf += (1.0 + x).ln();
    }
    Ok(idf * (1.0 + K1))
}

struct BoundedWeight {
    inner: Box<dyn Weight>,
    max: Score,
}

impl Weight for BoundedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(BoundedScorer {
            inner: self.inner.scorer(reader, boost)?,
            max: self.max * boost,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }
}

/// [`Bounded`]'s scorer: the inner one, and its largest score.
struct BoundedScorer {
    inner: Box<dyn Scorer>,
    max: Score,
}

impl DocSet for BoundedScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target)
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for BoundedScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}

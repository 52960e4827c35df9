//! Act-title scores, computed once per act instead of once per unit.
//!
//! A query word found in an act's title adds to the score of that act's matching units (the
//! title never makes a unit match on its own). Every unit of an act shares its title, so the
//! title is analyzed and indexed only on the act's document (`title_stem`, `title_loose`), and
//! a search first scores the act documents with [`compile::title_boost`] and then adds each
//! act's score to its units through the `act_key` fast field.
//!
//! The score is the one BM25 would give if every unit document carried its act's title, as
//! indexes before schema 5 did: [`UnitWeightedStats`] counts a title term's document frequency
//! and the title fields' token totals as the sum over acts of their `unit_docs`, and an act
//! document's field norm is its title's length, as each unit's was. Indexing the title once per
//! act instead of once per unit takes about 6 % off indexing.
//!
//! [`compile::title_boost`]: super::compile::title_boost

use crate::index::schema::{Fields, DOC_ACT};
use crate::index::ZanIndex;
use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{Bm25StatisticsProvider, Query as TQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, Term, TERMINATED};

/// Each act's title score for a query, by [`crate::index::schema::act_key`].
pub type ActScores = FxHashMap<u64, Score>;

/// Scores the act documents' titles with `title_query` (from
/// [`super::compile::title_boost`]); acts whose title does not match are absent.
pub fn act_scores(
    index: &ZanIndex,
    searcher: &Searcher,
    title_query: &dyn TQuery,
) -> crate::Result<ActScores> {
    let stats = UnitWeightedStats::new(searcher, index.fields());
    let found = searcher.search_with_statistics_provider(title_query, &ByActKey, &stats)?;
    let mut scores = ActScores::default();
    for (key, score) in found {
        let best = scores.entry(key).or_insert(score);
        *best = best.max(score);
    }
    Ok(scores)
}

/// BM25 statistics of the title fields counted over units, as if each unit carried its act's
/// title; every other field's come from the searcher unchanged.
pub struct UnitWeightedStats<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    /// Each title field's token total: every word of a query asks again.
    totals: std::cell::RefCell<FxHashMap<Field, u64>>,
}

impl<'a> UnitWeightedStats<'a> {
    /// Statistics over `searcher`'s segments.
    pub fn new(searcher: &'a Searcher, fields: &'a Fields) -> Self {
        UnitWeightedStats {
            searcher,
            fields,
            totals: Default::default(),
        }
    }

    fn is_title(&self, field: Field) -> bool {
        field == self.fields.title_stem || field == self.fields.title_loose
    }
}

/// Calls `f(doc, unit_docs)` for every live document of `segment` in the postings of `term`.
fn for_each_posting(
    segment: &SegmentReader,
    term: &Term,
    mut f: impl FnMut(DocId, u64),
) -> tantivy::Result<()> {
    let inverted = segment.inverted_index(term.field())?;
    let Some(mut postings) = inverted.read_postings(term, IndexRecordOption::Basic)? else {
        return Ok(());
    };
    let units = segment
        .fast_fields()
        .u64("unit_docs")?
        .first_or_default_col(0);
    let alive = segment.alive_bitset();
    let mut doc = postings.doc();
    while doc != TERMINATED {
        if alive.is_none_or(|a| a.is_alive(doc)) {
            f(doc, units.get_val(doc));
        }
        doc = postings.advance();
    }
    Ok(())
}

impl Bm25StatisticsProvider for UnitWeightedStats<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        if !self.is_title(field) {
            return self.searcher.total_num_tokens(field);
        }
        if let Some(total) = self.totals.borrow().get(&field) {
            return Ok(*total);
        }
        let acts = Term::from_field_text(self.fields.doc_type, DOC_ACT);
        let mut total = 0u64;
        for segment in self.searcher.segment_readers() {
            let norms = segment.get_fieldnorms_reader(field)?;
            for_each_posting(segment, &acts, |doc, units| {
                total += u64::from(norms.fieldnorm(doc)) * units;
            })?;
        }
        self.totals.borrow_mut().insert(field, total);
        Ok(total)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        if !self.is_title(term.field()) {
            return self.searcher.doc_freq(term);
        }
        let mut total = 0u64;
        for segment in self.searcher.segment_readers() {
            for_each_posting(segment, term, |_, units| total += units)?;
        }
        Ok(total)
    }
}

/// Collects `(act_key, score)` of every matching act document.
struct ByActKey;

struct ByActKeySegment {
    keys: Column<u64>,
    found: Vec<(u64, Score)>,
}

impl Collector for ByActKey {
    type Fruit = Vec<(u64, Score)>;
    type Child = ByActKeySegment;

    fn for_segment(&self, _: u32, segment: &SegmentReader) -> tantivy::Result<ByActKeySegment> {
        Ok(ByActKeySegment {
            keys: segment.fast_fields().u64("act_key")?,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(u64, Score)>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for ByActKeySegment {
    type Fruit = Vec<(u64, Score)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(key) = self.keys.first(doc) {
            self.found.push((key, score));
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}

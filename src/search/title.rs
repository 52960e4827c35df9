//! Act-title scores, computed once per act instead of once per unit.
//!
//! A query word found in an act's title adds to the score of that act's matching units (the
//! title never makes a unit match on its own). Every unit of an act shares its title, so the
//! title is analyzed and indexed only on the act's document (`title_stem`, `title_loose`), and
//! a search first scores the act documents with [`compile::title_boost`] and then adds each
//! act's score to its units through the `act_key` fast field.
//!
//! The score is the one BM25 would give if every unit document carried its act's title, as
//! indexes before schema 5 did: `UnitWeightedStats` counts a title term's document frequency
//! and the title fields' token totals as the sum over acts of their `unit_docs`, and an act
//! document's field norm is its title's length, as each unit's was. The title is indexed once
//! per act instead of once per unit, so the index neither stores nor inverts it again for
//! every unit.
//!
//! [`compile::title_boost`]: super::compile::title_boost

use crate::index::schema::{Fields, DOC_ACT};
use crate::index::Store;
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
    index: &Store,
    searcher: &Searcher,
    title_query: &dyn TQuery,
) -> crate::Result<ActScores> {
    // Most query words are in no act's title: then there is nothing to score.
    let mut any_title_term = false;
    title_query.query_terms(&mut |term, _| {
        any_title_term = any_title_term || searcher.doc_freq(term).is_ok_and(|n| n > 0);
    });
    if !any_title_term {
        return Ok(ActScores::default());
    }
    let acts = index.per_generation(searcher, || ActDocs::read(searcher, index.fields()))?;
    let stats = UnitWeightedStats {
        searcher,
        fields: index.fields(),
        acts: &acts,
    };
    let found = searcher.search_with_statistics_provider(title_query, &ByActKey, &stats)?;
    let mut scores = ActScores::default();
    for (key, score) in found {
        let best = scores.entry(key).or_insert(score);
        *best = best.max(score);
    }
    Ok(scores)
}

/// The live act documents of one searcher generation: each one's number of unit documents,
/// and the title fields' token totals counted over units.
#[derive(Debug)]
pub struct ActDocs {
    /// Per segment (in the searcher's order): unit documents by act document.
    units: Vec<FxHashMap<DocId, u64>>,
    /// `title_stem` and `title_loose` token totals, as if every unit carried its act's title.
    totals: [u64; 2],
}

impl ActDocs {
    /// Reads the act documents of `searcher`.
    pub fn read(searcher: &Searcher, fields: &Fields) -> crate::Result<Self> {
        let acts = Term::from_field_text(fields.doc_type, DOC_ACT);
        let mut units = Vec::new();
        let mut totals = [0u64; 2];
        for segment in searcher.segment_readers() {
            let count = segment
                .fast_fields()
                .u64("unit_docs")?
                .first_or_default_col(0);
            let norms = [
                segment.get_fieldnorms_reader(fields.title_stem)?,
                segment.get_fieldnorms_reader(fields.title_loose)?,
            ];
            let mut by_doc = FxHashMap::default();
            for_each_live_posting(segment, &acts, |doc| {
                let n = count.get_val(doc);
                by_doc.insert(doc, n);
                for (total, norm) in totals.iter_mut().zip(&norms) {
                    *total += u64::from(norm.fieldnorm(doc)) * n;
                }
            })?;
            units.push(by_doc);
        }
        Ok(ActDocs { units, totals })
    }
}

/// BM25 statistics of the title fields counted over units, as if each unit carried its act's
/// title; every other field's come from the searcher unchanged.
struct UnitWeightedStats<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    acts: &'a ActDocs,
}

/// Calls `f(doc)` for every live document of `segment` in the postings of `term`.
fn for_each_live_posting(
    segment: &SegmentReader,
    term: &Term,
    mut f: impl FnMut(DocId),
) -> tantivy::Result<()> {
    let inverted = segment.inverted_index(term.field())?;
    let Some(mut postings) = inverted.read_postings(term, IndexRecordOption::Basic)? else {
        return Ok(());
    };
    let alive = segment.alive_bitset();
    let mut doc = postings.doc();
    while doc != TERMINATED {
        if alive.is_none_or(|a| a.is_alive(doc)) {
            f(doc);
        }
        doc = postings.advance();
    }
    Ok(())
}

impl Bm25StatisticsProvider for UnitWeightedStats<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        if field == self.fields.title_stem {
            Ok(self.acts.totals[0])
        } else if field == self.fields.title_loose {
            Ok(self.acts.totals[1])
        } else {
            self.searcher.total_num_tokens(field)
        }
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        if term.field() != self.fields.title_stem && term.field() != self.fields.title_loose {
            return self.searcher.doc_freq(term);
        }
        let mut total = 0u64;
        for (segment, units) in self.searcher.segment_readers().iter().zip(&self.acts.units) {
            for_each_live_posting(segment, term, |doc| {
                total += units.get(&doc).copied().unwrap_or(0);
            })?;
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

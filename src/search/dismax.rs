//! A disjunction-max query for the handful of fields a query word is searched in.
//!
//! tantivy's `DisjunctionMaxQuery` merges its clauses with a `BufferedUnionScorer`, which
//! allocates and fills a 4,096-document score window every time a scorer is made: once per
//! query word, field set and segment, which costs more than merging the few postings lists a
//! word has. A word is
//! searched in at most five fields, so [`DisMax`] merges them by scanning its scorers for the
//! lowest document instead. The score is the same: the best clause's score plus
//! `tie_breaker` times the others'.

use super::prune::{self, Floor};
use std::sync::Arc;
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// The best of its clauses' scores, plus `tie_breaker` times the sum of the others.
#[derive(Debug)]
pub struct DisMax {
    clauses: Vec<Box<dyn Query>>,
    /// How many times each clause counts among the others (see [`DisMax::counting`]).
    counts: Vec<Score>,
    tie_breaker: Score,
    /// The search's floor and this word's slot in it, when its matches may be skipped.
    prune: Option<(Arc<Floor>, usize)>,
}

impl DisMax {
    /// A disjunction of `clauses` scored by the best one, the others weighing `tie_breaker`.
    pub fn new(clauses: Vec<Box<dyn Query>>, tie_breaker: Score) -> Self {
        let counts = vec![1.0; clauses.len()];
        DisMax {
            clauses,
            counts,
            tie_breaker,
            prune: None,
        }
    }

    /// Skips the documents that cannot rank: the query's score is a sum of words, this one
    /// in slot `slot` of `floor` ([`super::prune`]).
    pub(crate) fn pruned_by(mut self, floor: Arc<Floor>, slot: usize) -> Self {
        self.prune = Some((floor, slot));
        self
    }

    /// Clause `i` counts `count` times its score in the sum of the others' scores: it stands
    /// for clauses that would match the same documents with scores in proportion (a clause
    /// that is another one at a lower boost need not be run twice).
    pub fn counting(mut self, i: usize, count: Score) -> Self {
        if let Some(c) = self.counts.get_mut(i) {
            *c = count;
        }
        self
    }
}

impl Clone for DisMax {
    fn clone(&self) -> Self {
        DisMax {
            clauses: cloned(&self.clauses),
            counts: self.counts.clone(),
            tie_breaker: self.tie_breaker,
            prune: self.prune.clone(),
        }
    }
}

impl Query for DisMax {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = weights_of(&self.clauses, enable_scoring)?;
        // Without scoring there is no bar to skip under.
        let prune = match enable_scoring {
            EnableScoring::Enabled { .. } => self.prune.clone(),
            EnableScoring::Disabled { .. } => None,
        };
        Ok(Box::new(DisMaxWeight {
            weights,
            counts: self.counts.clone(),
            tie_breaker: self.tie_breaker,
            prune,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for q in &self.clauses {
            q.query_terms(visitor);
        }
    }
}

struct DisMaxWeight {
    weights: Vec<Box<dyn Weight>>,
    counts: Vec<Score>,
    tie_breaker: Score,
    prune: Option<(Arc<Floor>, usize)>,
}

impl Weight for DisMaxWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorers = Vec::with_capacity(self.weights.len());
        let mut counts = Vec::with_capacity(self.weights.len());
        for (w, &count) in self.weights.iter().zip(&self.counts) {
            let s = w.scorer(reader, boost)?;
            if s.doc() != TERMINATED {
                scorers.push(s);
                counts.push(count);
            }
        }
        let maxes: Vec<Score> = scorers.iter().map(|s| clause_max(s.as_ref())).collect();
        let scorer: Box<dyn Scorer> = match (scorers.len(), counts.first()) {
            (0, _) => Box::new(EmptyScorer),
            (1, Some(1.0)) => scorers.remove(0),
            _ => {
                let prune = self.prune.as_ref().map(|(floor, slot)| {
                    let mut by_max: Vec<usize> = (0..maxes.len()).collect();
                    by_max.sort_by(|&a, &b| maxes[a].total_cmp(&maxes[b]));
                    Prune {
                        floor: Arc::clone(floor),
                        slot: *slot,
                        raw: Score::NEG_INFINITY,
                        others: None,
                        bar: Score::NEG_INFINITY,
                        by_max,
                        walked: vec![true; maxes.len()],
                    }
                });
                Box::new(DisMaxScorer {
                    heads: Heads::new(scorers),
                    counts,
                    tie_breaker: self.tie_breaker,
                    maxes,
                    prune,
                    known: None,
                    scratch: Vec::new(),
                })
            }
        };
        if let Some((floor, slot)) = &self.prune {
            floor.register(*slot, clause_max(scorer.as_ref()));
        }
        Ok(scorer)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        explain_union("DisMax", self, &self.weights, reader, doc)
    }
}

/// `clauses`, each cloned.
pub(crate) fn cloned(clauses: &[Box<dyn Query>]) -> Vec<Box<dyn Query>> {
    clauses.iter().map(|q| q.box_clone()).collect()
}

/// The weights of `clauses`, in their order.
pub(crate) fn weights_of(
    clauses: &[Box<dyn Query>],
    enable_scoring: EnableScoring<'_>,
) -> tantivy::Result<Vec<Box<dyn Weight>>> {
    clauses.iter().map(|q| q.weight(enable_scoring)).collect()
}

/// Why `doc` scores as `weight` (a union of `parts`) scores it: named `name`, with each
/// part's explanation.
pub(crate) fn explain_union(
    name: &'static str,
    weight: &dyn Weight,
    parts: &[Box<dyn Weight>],
    reader: &SegmentReader,
    doc: DocId,
) -> tantivy::Result<Explanation> {
    let mut scorer = weight.scorer(reader, 1.0)?;
    if scorer.seek(doc) != doc {
        return Err(tantivy::TantivyError::InvalidArgument(format!(
            "document {doc} does not match"
        )));
    }
    let mut explanation = Explanation::new(name, scorer.score());
    for w in parts {
        if let Ok(e) = w.explain(reader, doc) {
            explanation.add_detail(e);
        }
    }
    Ok(explanation)
}

/// The union of a few scorers, each positioned on its current document: what [`DisMax`] and
/// [`super::coverage::Coverage`] move through, by scanning for the lowest document.
pub(crate) struct Heads {
    scorers: Vec<Box<dyn Scorer>>,
    /// Each scorer's current document, so that moving on reads no scorer twice.
    docs: Vec<DocId>,
    doc: DocId,
}

impl Heads {
    /// The union of `scorers`, on the lowest of their current documents.
    pub(crate) fn new(scorers: Vec<Box<dyn Scorer>>) -> Heads {
        let docs: Vec<DocId> = scorers.iter().map(|s| s.doc()).collect();
        let doc = docs.iter().copied().min().unwrap_or(TERMINATED);
        Heads { scorers, docs, doc }
    }

    pub(crate) fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let mut lowest = TERMINATED;
        for (s, d) in self.scorers.iter_mut().zip(self.docs.iter_mut()) {
            if *d == self.doc {
                *d = s.advance();
            }
            lowest = lowest.min(*d);
        }
        self.doc = lowest;
        lowest
    }

    pub(crate) fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        let mut lowest = TERMINATED;
        for (s, d) in self.scorers.iter_mut().zip(self.docs.iter_mut()) {
            if *d < target {
                *d = s.seek(target);
            }
            lowest = lowest.min(*d);
        }
        self.doc = lowest;
        lowest
    }

    pub(crate) fn doc(&self) -> DocId {
        self.doc
    }

    /// [`Heads::advance`] through the scorers `walked` marks; the others stay where they are
    /// until [`Heads::catch_up`].
    fn advance_walked(&mut self, walked: &[bool]) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.move_walked(self.doc + 1, walked)
    }

    /// [`Heads::seek`] through the scorers `walked` marks.
    fn seek_walked(&mut self, target: DocId, walked: &[bool]) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        self.move_walked(target, walked)
    }

    /// Moves the scorers `walked` marks to `target` or past it (one on the document before
    /// moves on by one), and the union to the lowest of them.
    fn move_walked(&mut self, target: DocId, walked: &[bool]) -> DocId {
        let mut lowest = TERMINATED;
        for ((s, d), &w) in self
            .scorers
            .iter_mut()
            .zip(self.docs.iter_mut())
            .zip(walked)
        {
            if !w {
                continue;
            }
            if *d < target {
                *d = if *d + 1 == target {
                    s.advance()
                } else {
                    s.seek(target)
                };
            }
            lowest = lowest.min(*d);
        }
        self.doc = lowest;
        lowest
    }

    /// Moves scorer `i` up to the current document, if it is behind.
    fn catch_up_one(&mut self, i: usize) {
        if let (Some(s), Some(d)) = (self.scorers.get_mut(i), self.docs.get_mut(i)) {
            if *d < self.doc && self.doc != TERMINATED {
                *d = s.seek(self.doc);
            }
        }
    }

    /// Moves the scorers `walked` leaves out up to the current document.
    fn catch_up(&mut self, walked: &[bool]) {
        let doc = self.doc;
        if doc == TERMINATED {
            return;
        }
        for ((s, d), &w) in self
            .scorers
            .iter_mut()
            .zip(self.docs.iter_mut())
            .zip(walked)
        {
            if !w && *d < doc {
                *d = s.seek(doc);
            }
        }
    }

    pub(crate) fn size_hint(&self) -> u32 {
        self.scorers
            .iter()
            .map(|s| s.size_hint())
            .max()
            .unwrap_or(0)
    }

    /// How many scorers there are.
    pub(crate) fn len(&self) -> usize {
        self.scorers.len()
    }

    /// The score of scorer `i` when it is on the current document.
    pub(crate) fn score_on_doc(&mut self, i: usize) -> Option<Score> {
        (self.docs[i] == self.doc).then(|| self.scorers[i].score())
    }
}

/// `max + (Σ count·score − max) × tie_breaker` over `scores` (`None`: the clause is not on
/// the document): a disjunction-max score, rising with each clause's score.
fn combine(
    scores: impl Iterator<Item = Option<Score>>,
    counts: &[Score],
    tie_breaker: Score,
) -> Score {
    let (mut max, mut sum) = (0.0 as Score, 0.0 as Score);
    for (x, count) in scores.zip(counts) {
        if let Some(x) = x {
            sum += x * count;
            max = max.max(x);
        }
    }
    max + (sum - max) * tie_breaker
}

/// The most a clause's `scorer` can score on any document; `inf` when it does not say.
fn clause_max(scorer: &dyn Scorer) -> Score {
    if let Some(s) = scorer.as_any().downcast_ref::<DisMaxScorer>() {
        return s.max_score();
    }
    prune::max_score(scorer)
        .or_else(|| super::synonym::max_score(scorer))
        .unwrap_or(Score::INFINITY)
}

/// [`DisMax`]'s scorer: the union of its clauses' scorers.
pub(crate) struct DisMaxScorer {
    heads: Heads,
    counts: Vec<Score>,
    tie_breaker: Score,
    /// Each clause's largest score ([`clause_max`]).
    maxes: Vec<Score>,
    /// Skipping what cannot rank, when the query word is a slot of a pruned search.
    prune: Option<Prune>,
    /// The score of the current document, when working it out decided to stop there.
    known: Option<(DocId, Score)>,
    /// Each clause's score on a document being weighed (or the most it can give).
    scratch: Vec<Option<Score>>,
}

/// How a [`DisMaxScorer`] skips the documents that cannot be among the best.
struct Prune {
    floor: Arc<Floor>,
    slot: usize,
    /// The collector's raw bar the state below was worked out for.
    raw: Score,
    /// The most the other slots add, read once every slot's scorer is made.
    others: Option<Score>,
    /// What this word must score for a match to rank.
    bar: Score,
    /// Clauses by their largest score, least first.
    by_max: Vec<usize>,
    /// Whether each clause is walked; the others are only looked up on the walked ones'
    /// documents: together they cannot reach the bar.
    walked: Vec<bool>,
}

impl DisMaxScorer {
    /// The most it scores on any document.
    pub(crate) fn max_score(&self) -> Score {
        combine(
            self.maxes.iter().map(|&m| Some(m)),
            &self.counts,
            self.tie_breaker,
        )
    }

    /// Reads the collector's bar; when it rose, works out again which clauses are walked.
    fn refresh(&mut self) {
        let Some(p) = self.prune.as_mut() else {
            return;
        };
        let raw = p.floor.raw();
        if raw == p.raw {
            return;
        }
        p.raw = raw;
        let others = *p.others.get_or_insert_with(|| p.floor.others(p.slot));
        p.bar = prune::under(raw - others);
        // The longest run of the least clauses that cannot reach the bar together.
        let mut skipped = vec![false; self.maxes.len()];
        for &i in &p.by_max {
            skipped[i] = true;
            let reach = combine(
                self.maxes
                    .iter()
                    .zip(&skipped)
                    .map(|(&m, &s)| s.then_some(m)),
                &self.counts,
                self.tie_breaker,
            );
            if reach > p.bar {
                skipped[i] = false;
                break;
            }
        }
        let walked: Vec<bool> = skipped.iter().map(|s| !s).collect();
        if walked != p.walked {
            p.floor.mark_pruned();
            p.walked = walked;
        }
    }

    /// From the walked clauses' document at hand, the first that can rank.
    fn settle(&mut self) -> DocId {
        let DisMaxScorer {
            heads,
            counts,
            tie_breaker,
            maxes,
            prune: Some(p),
            known,
            scratch,
        } = self
        else {
            return self.heads.doc();
        };
        if p.bar == Score::NEG_INFINITY {
            return heads.doc();
        }
        loop {
            let doc = heads.doc();
            if doc == TERMINATED {
                return doc;
            }
            // The walked clauses' scores, and the most the others can add.
            scratch.clear();
            scratch.extend((0..maxes.len()).map(|i| {
                if p.walked[i] {
                    heads.score_on_doc(i)
                } else {
                    Some(maxes[i])
                }
            }));
            // The others looked up one at a time, the one that can add most first, until
            // the document cannot rank or every score is known.
            let mut bound = combine(scratch.iter().copied(), counts, *tie_breaker);
            for &i in p.by_max.iter().rev() {
                if bound <= p.bar {
                    break;
                }
                if !p.walked[i] {
                    heads.catch_up_one(i);
                    scratch[i] = heads.score_on_doc(i);
                    bound = combine(scratch.iter().copied(), counts, *tie_breaker);
                }
            }
            if bound > p.bar {
                *known = Some((doc, bound));
                return doc;
            }
            p.floor.mark_pruned();
            heads.advance_walked(&p.walked);
        }
    }

    fn exact_score(&mut self) -> Score {
        let heads = &mut self.heads;
        combine(
            (0..self.counts.len()).map(|i| heads.score_on_doc(i)),
            &self.counts,
            self.tie_breaker,
        )
    }
}

impl DocSet for DisMaxScorer {
    fn advance(&mut self) -> DocId {
        if self.prune.is_none() {
            return self.heads.advance();
        }
        self.refresh();
        if let Some(p) = &self.prune {
            self.heads.advance_walked(&p.walked);
        }
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.prune.is_none() {
            return self.heads.seek(target);
        }
        if self.heads.doc() >= target {
            return self.heads.doc();
        }
        self.refresh();
        if let Some(p) = &self.prune {
            self.heads.seek_walked(target, &p.walked);
        }
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.heads.doc()
    }

    fn size_hint(&self) -> u32 {
        self.heads.size_hint()
    }
}

impl Scorer for DisMaxScorer {
    fn score(&mut self) -> Score {
        let doc = self.heads.doc();
        if let Some((known, score)) = self.known {
            if known == doc {
                return score;
            }
        }
        if let Some(p) = &self.prune {
            self.heads.catch_up(&p.walked);
        }
        self.exact_score()
    }
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn dis_max() {
        use crate::search::dismax::DisMax;
        use tantivy::query::{Query, TermQuery};
        use tantivy::schema::{IndexRecordOption, Schema, TEXT};
        use tantivy::{doc, Index, Term};
        fn main() -> tantivy::Result<()> {
            let mut schema = Schema::builder();
            let (a, b) = (
                schema.add_text_field("a", TEXT),
                schema.add_text_field("b", TEXT),
            );
            let index = Index::create_in_ram(schema.build());
            let mut writer = index.writer(15_000_000)?;
            writer.add_document(doc!(a => "law", b => "law code"))?;
            writer.add_document(doc!(b => "code"))?;
            writer.commit()?;
            let term = |f, t| -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(f, t),
                    IndexRecordOption::WithFreqs,
                ))
            };
            let q = DisMax::new(vec![term(a, "law"), term(b, "law")], 0.1);
            let searcher = index.reader()?.searcher();
            assert_eq!(q.count(&searcher)?, 1);
            Ok(())
        }
        main().unwrap();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, DisjunctionMaxQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::Index;

    /// Same documents and scores as tantivy's `DisjunctionMaxQuery`, over two segments of
    /// documents where the clauses match alone, together and not at all. Both are run inside a
    /// boolean query with an exclusion, as zanlex runs them: a top-level `DisjunctionMaxQuery`
    /// of term queries under `TopDocs` is scored by tantivy's block-WAND, which sums the
    /// clauses instead of taking the best.
    #[test]
    fn scores_like_tantivys_disjunction_max() {
        let mut schema = Schema::builder();
        let fields = [
            schema.add_text_field("a", TEXT),
            schema.add_text_field("b", TEXT),
            schema.add_text_field("c", TEXT),
        ];
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let words = ["law", "code", "order", "law law", "code law", ""];
        let mut n = 0usize;
        for segment in 0..2 {
            for i in 0..300usize {
                let mut d = tantivy::TantivyDocument::default();
                for (k, f) in fields.iter().enumerate() {
                    d.add_text(*f, words[(i * (k + 2) + segment + n) % words.len()]);
                }
                n += i % 7;
                writer.add_document(d).unwrap();
            }
            writer.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        for word in ["law", "code", "order", "absent"] {
            let clauses = || -> Vec<Box<dyn Query>> {
                fields
                    .iter()
                    .zip([3.0, 2.0, 1.0])
                    .map(|(f, boost)| -> Box<dyn Query> {
                        Box::new(tantivy::query::BoostQuery::new(
                            Box::new(TermQuery::new(
                                Term::from_field_text(*f, word),
                                IndexRecordOption::WithFreqs,
                            )),
                            boost,
                        ))
                    })
                    .collect()
            };
            let nested = |q: Box<dyn Query>| {
                BooleanQuery::new(vec![
                    (Occur::Must, q),
                    (
                        Occur::MustNot,
                        Box::new(TermQuery::new(
                            Term::from_field_text(fields[0], "repealed"),
                            IndexRecordOption::Basic,
                        )),
                    ),
                ])
            };
            let ours = searcher
                .search(
                    &nested(Box::new(DisMax::new(clauses(), 0.1))),
                    &TopDocs::with_limit(1000),
                )
                .unwrap();
            let theirs = searcher
                .search(
                    &nested(Box::new(DisjunctionMaxQuery::with_tie_breaker(
                        clauses(),
                        0.1,
                    ))),
                    &TopDocs::with_limit(1000),
                )
                .unwrap();
            assert_eq!(ours.len(), theirs.len(), "{word}");
            let mut a: Vec<_> = ours.iter().map(|(s, d)| (*d, *s)).collect();
            let mut b: Vec<_> = theirs.iter().map(|(s, d)| (*d, *s)).collect();
            a.sort_by_key(|x| x.0);
            b.sort_by_key(|x| x.0);
            for ((da, sa), (db, sb)) in a.iter().zip(&b) {
                assert_eq!(da, db, "{word}");
                assert!((sa - sb).abs() <= 1e-5 * sb.abs(), "{word}: {sa} vs {sb}");
            }
            let q = DisMax::new(clauses(), 0.1);
            assert_eq!(q.count(&searcher).unwrap(), theirs.len(), "{word}");
        }
    }

    /// A clause counted 1.5 times scores as the clause plus a copy of it at half its boost.
    #[test]
    fn a_counted_clause_scores_as_its_copies() {
        let mut schema = Schema::builder();
        let (a, b) = (
            schema.add_text_field("a", TEXT),
            schema.add_text_field("b", TEXT),
        );
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for (x, y) in [
            ("law", "law"),
            ("law code", ""),
            ("", "law"),
            ("code", "code law"),
        ] {
            writer.add_document(tantivy::doc!(a => x, b => y)).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let term = |f, boost| -> Box<dyn Query> {
            Box::new(tantivy::query::BoostQuery::new(
                Box::new(TermQuery::new(
                    Term::from_field_text(f, "law"),
                    IndexRecordOption::WithFreqs,
                )),
                boost,
            ))
        };
        let top = |q: &dyn Query| {
            let mut hits: Vec<(u32, Score)> = searcher
                .search(q, &TopDocs::with_limit(10))
                .unwrap()
                .into_iter()
                .map(|(s, d)| (d.doc_id, s))
                .collect();
            hits.sort_by_key(|h| h.0);
            hits
        };
        let copies = DisMax::new(vec![term(a, 2.0), term(b, 3.0), term(a, 1.0)], 0.1);
        let counted = DisMax::new(vec![term(a, 2.0), term(b, 3.0)], 0.1).counting(0, 1.5);
        let (want, got) = (top(&copies), top(&counted));
        assert_eq!(got.len(), 4);
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g.0, w.0);
            assert!((g.1 - w.1).abs() <= 1e-5 * w.1.abs(), "{got:?} vs {want:?}");
        }
    }
}

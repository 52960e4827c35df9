//! A disjunction-max query for the handful of fields a query word is searched in.
//!
//! tantivy's `DisjunctionMaxQuery` merges its clauses with a `BufferedUnionScorer`, which
//! allocates and fills a 4,096-document score window (48 KB) every time a scorer is made: once
//! per query word, field set and segment. On the 10 MB benchmark index that allocation was 6 %
//! of all query instructions, more than merging the few postings lists a word has. A word is
//! searched in at most five fields, so [`DisMax`] merges them by scanning its scorers for the
//! lowest document instead. The score is the same: the best clause's score plus
//! `tie_breaker` times the others'.

use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// The best of its clauses' scores, plus `tie_breaker` times the sum of the others.
///
/// ```
/// use tantivy::query::{Query, TermQuery};
/// use tantivy::schema::{IndexRecordOption, Schema, TEXT};
/// use tantivy::{doc, Index, Term};
/// use zanlex::internals::search::dismax::DisMax;
/// # fn main() -> tantivy::Result<()> {
/// let mut schema = Schema::builder();
/// let (a, b) = (schema.add_text_field("a", TEXT), schema.add_text_field("b", TEXT));
/// let index = Index::create_in_ram(schema.build());
/// let mut writer = index.writer(15_000_000)?;
/// writer.add_document(doc!(a => "law", b => "law code"))?;
/// writer.add_document(doc!(b => "code"))?;
/// writer.commit()?;
/// let term = |f, t| -> Box<dyn Query> {
///     Box::new(TermQuery::new(Term::from_field_text(f, t), IndexRecordOption::WithFreqs))
/// };
/// let q = DisMax::new(vec![term(a, "law"), term(b, "law")], 0.1);
/// let searcher = index.reader()?.searcher();
/// assert_eq!(q.count(&searcher)?, 1);
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct DisMax {
    clauses: Vec<Box<dyn Query>>,
    /// How many times each clause counts among the others (see [`DisMax::counting`]).
    counts: Vec<Score>,
    tie_breaker: Score,
}

impl DisMax {
    /// A disjunction of `clauses` scored by the best one, the others weighing `tie_breaker`.
    pub fn new(clauses: Vec<Box<dyn Query>>, tie_breaker: Score) -> Self {
        let counts = vec![1.0; clauses.len()];
        DisMax {
            clauses,
            counts,
            tie_breaker,
        }
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
        }
    }
}

impl Query for DisMax {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = weights_of(&self.clauses, enable_scoring)?;
        Ok(Box::new(DisMaxWeight {
            weights,
            counts: self.counts.clone(),
            tie_breaker: self.tie_breaker,
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
        Ok(match (scorers.len(), counts.first()) {
            (0, _) => Box::new(EmptyScorer),
            (1, Some(1.0)) => scorers.remove(0),
            _ => Box::new(DisMaxScorer {
                heads: Heads::new(scorers),
                counts,
                tie_breaker: self.tie_breaker,
            }),
        })
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

/// [`DisMax`]'s scorer: the union of its clauses' scorers.
struct DisMaxScorer {
    heads: Heads,
    counts: Vec<Score>,
    tie_breaker: Score,
}

impl DocSet for DisMaxScorer {
    fn advance(&mut self) -> DocId {
        self.heads.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.heads.seek(target)
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
        let (mut max, mut sum) = (0.0 as Score, 0.0 as Score);
        for (i, count) in self.counts.iter().enumerate() {
            if let Some(x) = self.heads.score_on_doc(i) {
                sum += x * count;
                max = max.max(x);
            }
        }
        max + (sum - max) * self.tie_breaker
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

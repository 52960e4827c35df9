//! Ranking by how much of a query a unit covers.
//!
//! A query of several plain words is a question or a description more often than a list of
//! words that must all be there: «шетелдік тұрақты тұруға рұқсат алу мерзімі» is answered by
//! the article on the permit's term even when it never says «алу». [`Coverage`] matches the
//! units that have at least a minimum number of the words and scores each by the sum of its
//! words' scores times the square of the share of the words it has, so a unit with every word
//! still leads unless the others match far better.

use super::dismax::{cloned, explain_union, weights_of, Heads};
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// Units with at least `min_match` of the clauses, scored by coverage (see the module).
#[derive(Debug)]
pub struct Coverage {
    clauses: Vec<Box<dyn Query>>,
    min_match: usize,
}

impl Coverage {
    /// The clauses (one per query word) and how many of them a unit must match.
    pub fn new(clauses: Vec<Box<dyn Query>>, min_match: usize) -> Self {
        let min_match = min_match.clamp(1, clauses.len().max(1));
        Coverage { clauses, min_match }
    }

    /// How many of `words` query words a unit must have: all of one or two, then a third of
    /// them and never fewer than two. A question in everyday words shares few words with its
    /// answer; the score, not the minimum, puts the units with most words first.
    pub fn min_match_of(words: usize) -> usize {
        if words <= 2 {
            words
        } else {
            words.div_ceil(3).max(2)
        }
    }
}

impl Clone for Coverage {
    fn clone(&self) -> Self {
        Coverage {
            clauses: cloned(&self.clauses),
            min_match: self.min_match,
        }
    }
}

/// How much a clause tells, by the rarest of the documents its terms are in: the inverse
/// document frequency of its commonest term (a clause matches where any of its terms does, so
/// it is at least as common as that one). 1 where scoring is off.
fn informativeness(q: &dyn Query, enable_scoring: &EnableScoring<'_>) -> Score {
    let Some(searcher) = enable_scoring.searcher() else {
        return 1.0;
    };
    let n = searcher.num_docs() as f64;
    let mut least: Option<f64> = None;
    q.query_terms(&mut |term, _| {
        let df = searcher.doc_freq(term).unwrap_or(0) as f64;
        if df > 0.0 {
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            least = Some(least.map_or(idf, |l: f64| l.min(idf)));
        }
    });
    least.unwrap_or(1.0).max(0.01) as Score
}

impl Query for Coverage {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let told: Vec<Score> = self
            .clauses
            .iter()
            .map(|q| informativeness(q.as_ref(), &enable_scoring))
            .collect();
        let weights = weights_of(&self.clauses, enable_scoring)?;
        Ok(Box::new(CoverageWeight {
            weights,
            told,
            min_match: self.min_match,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for q in &self.clauses {
            q.query_terms(visitor);
        }
    }
}

struct CoverageWeight {
    weights: Vec<Box<dyn Weight>>,
    /// Each clause's [`informativeness`].
    told: Vec<Score>,
    min_match: usize,
}

impl Weight for CoverageWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorers = Vec::with_capacity(self.weights.len());
        let mut told = Vec::with_capacity(self.weights.len());
        for (w, t) in self.weights.iter().zip(&self.told) {
            let s = w.scorer(reader, boost)?;
            if s.doc() != TERMINATED {
                scorers.push(s);
                told.push(*t);
            }
        }
        if scorers.len() < self.min_match {
            return Ok(Box::new(EmptyScorer));
        }
        let mut scorer = CoverageScorer {
            heads: Heads::new(scorers),
            told,
            all_told: self.told.iter().sum::<Score>().max(Score::EPSILON),
            min_match: self.min_match,
            score: 0.0,
        };
        scorer.settle();
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        explain_union("Coverage", self, &self.weights, reader, doc)
    }
}

struct CoverageScorer {
    heads: Heads,
    /// The [`informativeness`] of each clause of `heads`, in its order.
    told: Vec<Score>,
    /// Of all the query's clauses (those that match nothing in a segment count too).
    all_told: Score,
    min_match: usize,
    /// The current document's score, computed when it was reached.
    score: Score,
}

impl CoverageScorer {
    /// Moves on from the current document until one has enough words; scores it.
    fn settle(&mut self) -> DocId {
        loop {
            let doc = self.heads.doc();
            if doc == TERMINATED {
                return doc;
            }
            let (mut matched, mut sum, mut told) = (0usize, 0.0 as Score, 0.0 as Score);
            for i in 0..self.heads.len() {
                if let Some(x) = self.heads.score_on_doc(i) {
                    matched += 1;
                    sum += x;
                    told += self.told.get(i).copied().unwrap_or(1.0);
                }
            }
            if matched >= self.min_match {
                // The share of what the query says that the unit has: a rare word (the thing
                // asked about) counts for more than common ones (`должен быть`).
                let share = told / self.all_told;
                self.score = sum * share * share;
                return doc;
            }
            self.heads.advance();
        }
    }
}

impl DocSet for CoverageScorer {
    fn advance(&mut self) -> DocId {
        self.heads.advance();
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.heads.seek(target);
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.heads.doc()
    }

    fn size_hint(&self) -> u32 {
        self.heads.size_hint()
    }
}

impl Scorer for CoverageScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn coverage() {
        use crate::search::coverage::Coverage;
        use tantivy::query::{Query, TermQuery};
        use tantivy::schema::{IndexRecordOption, Schema, TEXT};
        use tantivy::{doc, Index, Term};
        fn main() -> tantivy::Result<()> {
            let mut schema = Schema::builder();
            let text = schema.add_text_field("text", TEXT);
            let index = Index::create_in_ram(schema.build());
            let mut writer = index.writer(15_000_000)?;
            writer.add_document(doc!(text => "visa term extension"))?;
            writer.add_document(doc!(text => "visa term"))?;
            writer.add_document(doc!(text => "visa"))?;
            writer.commit()?;
            let words = ["visa", "term", "extension"].map(|w| -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(text, w),
                    IndexRecordOption::WithFreqs,
                ))
            });
            let searcher = index.reader()?.searcher();
            assert_eq!(Coverage::new(Vec::from(words), 2).count(&searcher)?, 2);
            Ok(())
        }
        main().unwrap();
    }

    #[test]
    fn coverage_min_match_of() {
        use crate::search::coverage::Coverage;
        assert_eq!(Coverage::min_match_of(2), 2);
        assert_eq!(Coverage::min_match_of(5), 2);
        assert_eq!(Coverage::min_match_of(9), 3);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::TermQuery;
    use tantivy::schema::{IndexRecordOption, Schema, STORED, TEXT};
    use tantivy::{doc, Index};

    /// Units with more of the words rank first; units below the minimum are not matched; the
    /// same documents come out across segments and with seeks (inside an intersection).
    #[test]
    fn more_words_rank_first_and_too_few_do_not_match() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT | STORED);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let texts = ["a b c d", "a b", "a a a a a a b", "c", "b d", "d", "x"];
        for (segment, chunk) in texts.chunks(4).enumerate() {
            for t in chunk {
                writer
                    .add_document(doc!(text => format!("{t} s{segment}")))
                    .unwrap();
            }
            writer.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        let words = || -> Vec<Box<dyn Query>> {
            ["a", "b", "c", "d"]
                .iter()
                .map(|w| -> Box<dyn Query> {
                    Box::new(TermQuery::new(
                        Term::from_field_text(text, w),
                        IndexRecordOption::WithFreqs,
                    ))
                })
                .collect()
        };
        let q = Coverage::new(words(), 2);
        let top = searcher.search(&q, &TopDocs::with_limit(10)).unwrap();
        let texts_of = |top: &[(Score, tantivy::DocAddress)]| -> Vec<String> {
            top.iter()
                .map(|(_, a)| {
                    let d: tantivy::TantivyDocument = searcher.doc(*a).unwrap();
                    let v = d.get_first(text).unwrap();
                    tantivy::schema::Value::as_str(&v).unwrap().to_string()
                })
                .collect()
        };
        let got = texts_of(&top);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], "a b c d s0");
        assert!(got.contains(&"b d s1".to_string()));
        assert!(!got
            .iter()
            .any(|t| t.starts_with("c ") || t.starts_with("d ")));
        // Inside an intersection (seeks), the same count.
        let both = tantivy::query::BooleanQuery::new(vec![
            (
                tantivy::query::Occur::Must,
                Box::new(q.clone()) as Box<dyn Query>,
            ),
            (
                tantivy::query::Occur::Must,
                Box::new(tantivy::query::AllQuery),
            ),
        ]);
        assert_eq!(both.count(&searcher).unwrap(), 4);
        assert_eq!(Coverage::new(words(), 4).count(&searcher).unwrap(), 1);
    }
}

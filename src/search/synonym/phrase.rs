//! [`SynonymPhrase`]: a phrase whose every word is a set of terms.

use super::bm25::synonyms_bm25;
use super::term_set::{Located, TermSet};
use super::union::UnionPostings;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// A phrase whose every word is a set of terms taken as one (as in
/// [`Synonyms`](super::Synonyms)): a document matches where, for every word, one of its
/// terms stands at the word's offset from the phrase's start, or, with `slop`, at most
/// `slop` positions further than that from where the previous word was found. Scored as tantivy scores a phrase (BM25 of the number
/// of matches, the idfs of the words' sets summed), with `lengths`' document lengths.
///
/// tantivy's own phrase scorer takes one postings list a word and is not public; its
/// `RegexPhraseQuery` takes sets of terms but builds a bitset of the whole segment for every
/// word, several times slower on short postings.
#[derive(Debug, Clone)]
pub struct SynonymPhrase {
    words: Vec<(u32, TermSet)>,
    lengths: Field,
    slop: u32,
}

impl SynonymPhrase {
    /// `words` as (offset from the phrase's start, terms); at least two, each with a term.
    pub fn new<T: Into<TermSet>>(words: Vec<(u32, T)>, lengths: Field, slop: u32) -> Self {
        SynonymPhrase {
            words: words.into_iter().map(|(o, t)| (o, t.into())).collect(),
            lengths,
            slop,
        }
    }
}

impl Query for SynonymPhrase {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let words = self.words.iter().map(|(_, set)| set);
        let mut located = Vec::with_capacity(self.words.len());
        let bm25 = synonyms_bm25(&enable_scoring, self.lengths, words, &mut located, None)?;
        if located.is_empty() {
            // Scoring off: where the sets were found, if they were.
            located = self
                .words
                .iter()
                .map(|(_, set)| set.located.clone())
                .collect();
        }
        Ok(Box::new(SynonymPhraseWeight {
            phrase: self.clone(),
            located,
            bm25,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (_, set) in &self.words {
            for t in set.terms() {
                visitor(t, true);
            }
        }
    }
}

struct SynonymPhraseWeight {
    phrase: SynonymPhrase,
    /// Each word's [`Located`].
    located: Vec<Located>,
    bm25: Option<Bm25Weight>,
}

impl Weight for SynonymPhraseWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let last = self.phrase.words.iter().map(|(o, _)| *o).max().unwrap_or(0);
        let mut words = Vec::with_capacity(self.phrase.words.len());
        for ((offset, set), located) in self.phrase.words.iter().zip(&self.located) {
            let record = IndexRecordOption::WithFreqsAndPositions;
            match UnionPostings::new(located.postings(reader, set.terms(), record)?) {
                // Positions shifted so that a match has the same number in every word.
                Some(union) => words.push((last - offset, union)),
                None => return Ok(Box::new(EmptyScorer)),
            }
        }
        if words.len() < 2 {
            return Ok(Box::new(EmptyScorer));
        }
        // Candidates come from the word with the fewest documents; the others seek to them.
        let rarest = (0..words.len())
            .min_by_key(|&i| words[i].1.size_hint())
            .unwrap_or(0);
        let mut scorer = SynonymPhraseScorer {
            words,
            rarest,
            slop: self.phrase.slop,
            doc: 0,
            matches: 0,
            fieldnorms: reader.get_fieldnorms_reader(self.phrase.lengths)?,
            bm25: self.bm25.as_ref().map(|w| w.boost_by(boost)),
            left: Vec::new(),
            right: Vec::new(),
        };
        scorer.settle();
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new(
            "SynonymPhrase (words as one BM25 term each)",
            scorer.score(),
        ))
    }
}

struct SynonymPhraseScorer {
    /// (shift of the word's positions, its postings), in the phrase's order.
    words: Vec<(u32, UnionPostings)>,
    /// The word with the fewest documents: the one moved on from a document.
    rarest: usize,
    slop: u32,
    doc: DocId,
    /// Matches of the phrase in `doc`.
    matches: u32,
    fieldnorms: FieldNormReader,
    bm25: Option<Bm25Weight>,
    left: Vec<u32>,
    right: Vec<u32>,
}

impl SynonymPhraseScorer {
    /// Moves to the first document at or after the words' current ones that has every word
    /// and the phrase.
    fn settle(&mut self) {
        loop {
            // Leapfrog the words to a document they all have.
            let mut target = self
                .words
                .iter()
                .map(|(_, w)| w.doc())
                .max()
                .unwrap_or(TERMINATED);
            loop {
                if target == TERMINATED {
                    self.doc = TERMINATED;
                    return;
                }
                let mut moved = false;
                for (_, w) in &mut self.words {
                    if w.doc() < target {
                        let d = w.seek(target);
                        if d > target {
                            target = d;
                            moved = true;
                        }
                    }
                }
                if !moved {
                    break;
                }
            }
            self.matches = self.count_matches();
            if self.matches > 0 {
                self.doc = target;
                return;
            }
            self.words[self.rarest].1.advance();
        }
    }

    /// Places in the current document where every word stands at its offset.
    fn count_matches(&mut self) -> u32 {
        let (first, rest) = self.words.split_at_mut(1);
        let (shift, w) = &mut first[0];
        w.positions(*shift, &mut self.left);
        let slop = self.slop;
        for (shift, w) in rest {
            w.positions(*shift, &mut self.right);
            let right = &self.right;
            let mut j = 0;
            // Each match goes on from the first place of this word within the slop.
            for p in &mut self.left {
                while j < right.len() && right[j] < *p {
                    j += 1;
                }
                match right.get(j) {
                    Some(&r) if r - *p <= slop => *p = r,
                    _ => *p = u32::MAX,
                }
            }
            self.left.retain(|&p| p != u32::MAX);
            self.left.dedup();
            if self.left.is_empty() {
                return 0;
            }
        }
        self.left.len() as u32
    }
}

impl DocSet for SynonymPhraseScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.words[self.rarest].1.advance();
        self.settle();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for (_, w) in &mut self.words {
            if w.doc() < target {
                w.seek(target);
            }
        }
        self.settle();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.words
            .iter()
            .map(|(_, w)| w.size_hint())
            .min()
            .unwrap_or(0)
    }
}

impl Scorer for SynonymPhraseScorer {
    fn score(&mut self) -> Score {
        let Some(bm25) = &self.bm25 else {
            return 0.0;
        };
        bm25.score(self.fieldnorms.fieldnorm_id(self.doc), self.matches)
    }
}

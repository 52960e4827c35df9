//! [`SynonymPhrase`]: a phrase whose every word is a set of terms.

use super::bm25::synonyms_bm25;
use super::term_set::{Located, TermSet};
use super::union::{doc_bits, next_marked, DocBits};
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
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
        let mut bits = Vec::with_capacity(self.words.len());
        let bm25 = synonyms_bm25(
            &enable_scoring,
            self.lengths,
            words,
            &mut located,
            &mut bits,
            None,
        )?;
        if located.is_empty() {
            // Scoring off: where the sets were found, if they were.
            located = self
                .words
                .iter()
                .map(|(_, set)| set.located.clone())
                .collect();
            bits = vec![DocBits::new(); self.words.len()];
        }
        Ok(Box::new(SynonymPhraseWeight {
            phrase: self.clone(),
            located,
            bits,
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
    /// Each word's documents, where the document frequency marked them.
    bits: Vec<DocBits>,
    bm25: Option<Bm25Weight>,
}

impl Weight for SynonymPhraseWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let last = self.phrase.words.iter().map(|(o, _)| *o).max().unwrap_or(0);
        let mut words = Vec::with_capacity(self.phrase.words.len());
        let record = IndexRecordOption::WithFreqsAndPositions;
        for (((offset, set), located), bits) in
            self.phrase.words.iter().zip(&self.located).zip(&self.bits)
        {
            let mut lists = located.postings(reader, set.terms(), record)?;
            if lists.is_empty() {
                return Ok(Box::new(EmptyScorer));
            }
            let docs = match bits.get(&reader.segment_id()) {
                Some(bits) => WordDocs::Marked(std::sync::Arc::clone(bits)),
                None if lists.len() == 1 => WordDocs::List,
                // Scoring off: the document frequency marked nothing.
                None => {
                    let infos = located.infos(reader, set.terms())?;
                    WordDocs::Marked(std::sync::Arc::new(doc_bits(reader, &infos)?))
                }
            };
            // The common forms first: a document's forms are mostly among them, and the
            // runs of rare ones after are seldom read (`PhraseWord::runs`).
            lists.sort_by_key(|l| std::cmp::Reverse(l.size_hint()));
            let at: Vec<DocId> = lists.iter().map(|l| l.doc()).collect();
            // Positions shifted so that a match has the same number in every word.
            words.push(PhraseWord {
                shift: last - offset,
                runs: at
                    .chunks(RUN)
                    .map(|run| run.iter().copied().min().unwrap_or(TERMINATED))
                    .collect(),
                at,
                lists,
                docs,
            });
        }
        if words.len() < 2 {
            return Ok(Box::new(EmptyScorer));
        }
        let mut scorer = SynonymPhraseScorer {
            words,
            slop: self.phrase.slop,
            doc: 0,
            matches: 0,
            fieldnorms: reader.get_fieldnorms_reader(self.phrase.lengths)?,
            bm25: self.bm25.as_ref().map(|w| w.boost_by(boost)),
            left: Vec::new(),
            right: Vec::new(),
        };
        scorer.settle(0);
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

/// How many of a word's lists [`PhraseWord::runs`] keeps one first document for.
const RUN: usize = 16;

/// Where a phrase word's documents are found.
enum WordDocs {
    /// Marked in a bitset (a word of several terms).
    Marked(std::sync::Arc<Vec<u64>>),
    /// The word's one postings list.
    List,
}

/// One word of a phrase in a segment: the postings of its terms with their positions, read
/// only in documents that have every word. A common stem has tens of terms: they are not
/// merged, each is moved to such a document in turn, and most are already past it.
struct PhraseWord {
    /// Added to the word's positions: a match has the same number in every word.
    shift: u32,
    lists: Vec<SegmentPostings>,
    /// Each list's current document, side by side: looking for the lists at a document reads
    /// this, not the lists.
    at: Vec<DocId>,
    /// The first of `at` in each run of [`RUN`] lists: a common stem has tens of forms, most
    /// of them rare, and a run of rare forms none of which is at or before a document is
    /// passed over with one comparison.
    runs: Vec<DocId>,
    docs: WordDocs,
}

impl PhraseWord {
    /// The first document at or after `target` with the word.
    fn first_from(&mut self, target: DocId) -> DocId {
        match &self.docs {
            WordDocs::Marked(bits) => next_marked(bits, target),
            WordDocs::List => match (self.lists.first_mut(), self.at.first_mut()) {
                (Some(list), Some(at)) if *at < target => {
                    *at = list.seek(target);
                    *at
                }
                (_, Some(at)) => *at,
                _ => TERMINATED,
            },
        }
    }

    /// Replaces `out` by the word's positions in `doc` (which has it), shifted, sorted, each
    /// once.
    fn positions(&mut self, doc: DocId, out: &mut Vec<u32>) {
        out.clear();
        let mut found = 0;
        for (run, first) in self.runs.iter_mut().enumerate() {
            // A run whose lists are all past `doc` is passed over unread.
            if *first > doc {
                continue;
            }
            let mut next = TERMINATED;
            for i in run * RUN..(run + 1) * RUN {
                let (Some(at), Some(list)) = (self.at.get_mut(i), self.lists.get_mut(i)) else {
                    break;
                };
                if *at < doc {
                    *at = list.seek(doc);
                }
                if *at == doc {
                    list.append_positions_with_offset(self.shift, out);
                    found += 1;
                }
                next = next.min(*at);
            }
            *first = next;
        }
        if found > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

pub(crate) struct SynonymPhraseScorer {
    /// The words, in the phrase's order.
    words: Vec<PhraseWord>,
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
    /// The most it scores on any document.
    pub(crate) fn max_score(&self) -> Score {
        self.bm25.as_ref().map_or(0.0, Bm25Weight::max_score)
    }

    /// Moves to the first document at or after `target` that has every word and the phrase.
    fn settle(&mut self, mut target: DocId) {
        loop {
            // Leapfrog the words to a document they all have.
            let mut agreed = 0;
            let mut i = 0;
            while agreed < self.words.len() {
                if target == TERMINATED {
                    self.doc = TERMINATED;
                    return;
                }
                let d = self.words[i].first_from(target);
                if d == target {
                    agreed += 1;
                } else {
                    target = d;
                    agreed = 1;
                }
                i = (i + 1) % self.words.len();
            }
            self.matches = self.count_matches(target);
            if self.matches > 0 {
                self.doc = target;
                return;
            }
            target += 1;
        }
    }

    /// Places in `doc` where every word stands at its offset.
    fn count_matches(&mut self, doc: DocId) -> u32 {
        let (first, rest) = self.words.split_at_mut(1);
        first[0].positions(doc, &mut self.left);
        let slop = self.slop;
        for w in rest {
            w.positions(doc, &mut self.right);
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
        self.settle(self.doc + 1);
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        self.settle(target);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.words
            .iter()
            .map(|w| w.lists.iter().map(|l| l.size_hint()).sum::<u32>())
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

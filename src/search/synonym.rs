//! Queries for several terms that count as one word.
//!
//! A loose query word (typed without Kazakh letters, or in Latin) stands for every word that
//! folds to it. The index does not keep a folded copy of every text: most words are found
//! through their stems, the stems in `kk_stem` that fold to the query's form, and `kk_loose`
//! keeps the rest (see [`crate::index::schema`]). A stem is as many terms as the index has
//! forms of it, each term the stem and a form ([`crate::analysis::form_term`]), and an exact
//! word may be two (its form after a Kazakh and after a Russian stem). [`Synonyms`] searches
//! such terms together and scores them as the one term they stand for: term frequencies
//! summed, the documents with any of them counted, BM25 over `kk_stem`'s document lengths (the
//! other analyzers count words as the stem analyzer does). [`SynonymPhrase`] does the same for
//! a phrase, a set of terms in each place.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{
    Bm25StatisticsProvider, Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer,
    Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, Term, TERMINATED};

/// Documents with any of `terms`, scored as one term. The terms may be of several fields
/// indexed with the same positions (`kk_stem` and `kk_loose`).
///
/// ```
/// use tantivy::query::Query;
/// use tantivy::schema::{Schema, TEXT};
/// use tantivy::{doc, Index, Term};
/// use zanlex::search::synonym::Synonyms;
/// # fn main() -> tantivy::Result<()> {
/// let mut schema = Schema::builder();
/// let body = schema.add_text_field("body", TEXT);
/// let index = Index::create_in_ram(schema.build());
/// let mut writer = index.writer(15_000_000)?;
/// writer.add_document(doc!(body => "colour"))?;
/// writer.add_document(doc!(body => "color color"))?;
/// writer.add_document(doc!(body => "hue"))?;
/// writer.commit()?;
/// let q = Synonyms::new(body, vec![
///     Term::from_field_text(body, "color"),
///     Term::from_field_text(body, "colour"),
/// ]);
/// assert_eq!(q.count(&index.reader()?.searcher())?, 2);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Synonyms {
    terms: Vec<Term>,
    lengths: Field,
}

impl Synonyms {
    /// BM25's document lengths are `lengths`' (a field that counts words as the one the terms
    /// stand for would).
    pub fn new(lengths: Field, terms: Vec<Term>) -> Self {
        Synonyms { terms, lengths }
    }
}

/// tantivy's BM25 inverse document frequency.
fn idf(doc_freq: u64, docs: u64) -> Score {
    let x = (docs.saturating_sub(doc_freq) as Score + 0.5) / (doc_freq as Score + 0.5);
    (1.0 + x).ln()
}

/// The document frequency of a set of terms taken as one: the number of documents with any
/// of them, counted from their postings when more than one is in the index (a stem's forms
/// are often in the same document: their frequencies summed would count it twice). `stats` gives each term's own; the union is counted in `searcher`'s segments, so
/// it is only for statistics that are the searcher's (as `kk_stem`'s and `kk_loose`'s are).
fn synonyms_doc_freq(
    searcher: &Searcher,
    stats: &dyn Bm25StatisticsProvider,
    terms: &[Term],
) -> tantivy::Result<u64> {
    let mut present = Vec::with_capacity(terms.len());
    for t in terms {
        let n = stats.doc_freq(t)?;
        if n > 0 {
            present.push((t, n));
        }
    }
    let &[_, _, ..] = present.as_slice() else {
        return Ok(present.first().map_or(0, |&(_, n)| n));
    };
    let mut doc_freq = 0u64;
    let mut seen: Vec<u64> = Vec::new();
    for segment in searcher.segment_readers() {
        seen.clear();
        seen.resize((segment.max_doc() as usize).div_ceil(64), 0);
        for (t, _) in &present {
            let inverted = segment.inverted_index(t.field())?;
            if let Some(mut postings) = inverted.read_postings(t, IndexRecordOption::Basic)? {
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if let Some(word) = seen.get_mut(doc as usize / 64) {
                        *word |= 1 << (doc % 64);
                    }
                    doc = postings.advance();
                }
            }
        }
        doc_freq += seen.iter().map(|w| u64::from(w.count_ones())).sum::<u64>();
    }
    Ok(doc_freq.min(stats.total_num_docs()?))
}

/// BM25 of a word (one set of terms) or a phrase (a set a word), each set taken as one term:
/// a phrase's idf is its words' idfs summed, as tantivy's phrase query sums its terms';
/// document lengths are `lengths`'. `None` when scoring is disabled.
fn synonyms_bm25<'a>(
    enable_scoring: &EnableScoring<'_>,
    lengths: Field,
    sets: impl IntoIterator<Item = &'a [Term]>,
) -> tantivy::Result<Option<Bm25Weight>> {
    let EnableScoring::Enabled {
        searcher,
        statistics_provider: stats,
    } = enable_scoring
    else {
        return Ok(None);
    };
    let total_docs = stats.total_num_docs()?;
    let total_tokens = stats.total_num_tokens(lengths)?;
    let average_length = if total_docs == 0 {
        0.0
    } else {
        total_tokens as Score / total_docs as Score
    };
    let mut doc_freqs = Vec::new();
    for terms in sets {
        doc_freqs.push(synonyms_doc_freq(searcher, *stats, terms)?);
    }
    let first = doc_freqs.first().copied().unwrap_or(0);
    let one = Bm25Weight::for_one_term(first, total_docs, average_length);
    if doc_freqs.len() < 2 {
        return Ok(Some(one));
    }
    // A weight with the summed idf: the first word's, scaled.
    let sum: Score = doc_freqs.iter().map(|&n| idf(n, total_docs)).sum();
    Ok(Some(one.boost_by(sum / idf(first, total_docs))))
}

impl Query for Synonyms {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let bm25 = synonyms_bm25(&enable_scoring, self.lengths, [self.terms.as_slice()])?;
        Ok(Box::new(SynonymsWeight {
            terms: self.terms.clone(),
            lengths: self.lengths,
            bm25,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for t in &self.terms {
            visitor(t, false);
        }
    }
}

struct SynonymsWeight {
    terms: Vec<Term>,
    lengths: Field,
    /// `None` when scoring is off.
    bm25: Option<Bm25Weight>,
}

impl Weight for SynonymsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let Some(union) = UnionPostings::read(reader, &self.terms, IndexRecordOption::WithFreqs)?
        else {
            return Ok(Box::new(EmptyScorer));
        };
        Ok(Box::new(SynonymsScorer {
            union,
            fieldnorms: reader.get_fieldnorms_reader(self.lengths)?,
            bm25: self.bm25.as_ref().map(|w| w.boost_by(boost)),
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("Synonyms (one BM25 term)", scorer.score()))
    }
}

/// The union of a few postings lists (one field), merged by scanning them for the lowest
/// document: a document's term frequency is the sum of theirs.
struct UnionPostings {
    postings: Vec<SegmentPostings>,
    doc: DocId,
}

impl UnionPostings {
    /// The postings of `terms` (of any fields) in `reader`; `None` when none of them is in
    /// the segment.
    fn read(
        reader: &SegmentReader,
        terms: &[Term],
        record: IndexRecordOption,
    ) -> tantivy::Result<Option<Self>> {
        let mut postings = Vec::with_capacity(terms.len());
        for t in terms {
            if let Some(p) = reader.inverted_index(t.field())?.read_postings(t, record)? {
                if p.doc() != TERMINATED {
                    postings.push(p);
                }
            }
        }
        if postings.is_empty() {
            return Ok(None);
        }
        let mut union = UnionPostings {
            postings,
            doc: TERMINATED,
        };
        union.doc = union.lowest();
        Ok(Some(union))
    }

    fn lowest(&self) -> DocId {
        self.postings
            .iter()
            .map(|p| p.doc())
            .min()
            .unwrap_or(TERMINATED)
    }

    fn term_freq(&self) -> u32 {
        let doc = self.doc;
        self.postings
            .iter()
            .filter(|p| p.doc() == doc)
            .map(|p| p.term_freq())
            .sum()
    }

    /// Replaces `out` by the positions in the current document, plus `shift`, sorted, each
    /// once.
    fn positions(&mut self, shift: u32, out: &mut Vec<u32>) {
        out.clear();
        let doc = self.doc;
        let mut lists = 0;
        for p in self.postings.iter_mut().filter(|p| p.doc() == doc) {
            p.append_positions_with_offset(shift, out);
            lists += 1;
        }
        if lists > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

impl DocSet for UnionPostings {
    fn advance(&mut self) -> DocId {
        let current = self.doc;
        for p in &mut self.postings {
            if p.doc() == current {
                p.advance();
            }
        }
        self.doc = self.lowest();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        for p in &mut self.postings {
            if p.doc() < target {
                p.seek(target);
            }
        }
        self.doc = self.lowest();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.postings.iter().map(|p| p.size_hint()).sum()
    }
}

/// [`Synonyms`]' scorer.
struct SynonymsScorer {
    union: UnionPostings,
    fieldnorms: FieldNormReader,
    bm25: Option<Bm25Weight>,
}

impl DocSet for SynonymsScorer {
    fn advance(&mut self) -> DocId {
        self.union.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.union.seek(target)
    }

    fn doc(&self) -> DocId {
        self.union.doc()
    }

    fn size_hint(&self) -> u32 {
        self.union.size_hint()
    }
}

impl Scorer for SynonymsScorer {
    fn score(&mut self) -> Score {
        let Some(bm25) = &self.bm25 else {
            return 0.0;
        };
        let doc = self.union.doc();
        bm25.score(self.fieldnorms.fieldnorm_id(doc), self.union.term_freq())
    }
}

/// A phrase whose every word is a set of terms taken as one (as in [`Synonyms`]): a document
/// matches where, for every word, one of its terms stands at the word's offset from the
/// phrase's start, or, with `slop`, at most `slop` positions further than that from where the
/// previous word was found. Scored as tantivy scores a phrase (BM25 of the number
/// of matches, the idfs of the words' sets summed), with `lengths`' document lengths.
///
/// tantivy's own phrase scorer takes one postings list a word and is not public; its
/// `RegexPhraseQuery` takes sets of terms but builds a bitset of the whole segment for every
/// word, several times slower on short postings.
#[derive(Debug, Clone)]
pub struct SynonymPhrase {
    words: Vec<(u32, Vec<Term>)>,
    lengths: Field,
    slop: u32,
}

impl SynonymPhrase {
    /// `words` as (offset from the phrase's start, terms); at least two, each with a term.
    pub fn new(words: Vec<(u32, Vec<Term>)>, lengths: Field, slop: u32) -> Self {
        SynonymPhrase {
            words,
            lengths,
            slop,
        }
    }
}

impl Query for SynonymPhrase {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let words = self.words.iter().map(|(_, terms)| terms.as_slice());
        let bm25 = synonyms_bm25(&enable_scoring, self.lengths, words)?;
        Ok(Box::new(SynonymPhraseWeight {
            phrase: self.clone(),
            bm25,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (_, terms) in &self.words {
            for t in terms {
                visitor(t, true);
            }
        }
    }
}

struct SynonymPhraseWeight {
    phrase: SynonymPhrase,
    bm25: Option<Bm25Weight>,
}

impl Weight for SynonymPhraseWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let last = self.phrase.words.iter().map(|(o, _)| *o).max().unwrap_or(0);
        let mut words = Vec::with_capacity(self.phrase.words.len());
        for (offset, terms) in &self.phrase.words {
            match UnionPostings::read(reader, terms, IndexRecordOption::WithFreqsAndPositions)? {
                // Positions shifted so that a match has the same number in every word.
                Some(union) => words.push((last - offset, union)),
                None => return Ok(Box::new(EmptyScorer)),
            }
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
    /// (shift of the word's positions, its postings).
    words: Vec<(u32, UnionPostings)>,
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
            self.words[0].1.advance();
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
        self.words[0].1.advance();
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

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{PhraseQuery, TermQuery};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    /// `texts` in a one-field index, with `colour` spelled `color` when `merge`.
    fn index_of(texts: &[&str], merge: bool) -> tantivy::Result<(Index, Field)> {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer(15_000_000)?;
        for t in texts {
            let t = if merge {
                t.replace("colour", "color")
            } else {
                t.to_string()
            };
            writer.add_document(doc!(body => t))?;
        }
        writer.commit()?;
        Ok((index, body))
    }

    /// The hits of `q`, by document.
    fn hits(index: &Index, q: &dyn Query) -> tantivy::Result<Vec<(u32, Score)>> {
        let searcher = index.reader()?.searcher();
        let mut hits: Vec<(u32, Score)> = searcher
            .search(q, &TopDocs::with_limit(10))?
            .into_iter()
            .map(|(s, a)| (a.doc_id, s))
            .collect();
        hits.sort_by_key(|h| h.0);
        Ok(hits)
    }

    /// Runs the first of `queries` on `texts` indexed with `colour` and `color` apart and the
    /// second on them merged into `color`; checks both find the same documents with the same
    /// scores, and returns those documents. `queries` gets a term maker and the field.
    fn apart_scores_as_merged(
        texts: &[&str],
        queries: impl FnOnce(&dyn Fn(&str) -> Term, Field) -> (Box<dyn Query>, Box<dyn Query>),
    ) -> tantivy::Result<Vec<u32>> {
        let ((apart, body), (merged, _)) = (index_of(texts, false)?, index_of(texts, true)?);
        let (on_apart, on_merged) = queries(&|t| Term::from_field_text(body, t), body);
        let (got, want) = (hits(&apart, &*on_apart)?, hits(&merged, &*on_merged)?);
        assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g.0, w.0, "{got:?} vs {want:?}");
            assert!((g.1 - w.1).abs() < 1e-5, "{got:?} vs {want:?}");
        }
        Ok(got.into_iter().map(|h| h.0).collect())
    }

    /// `color` and `colour` searched as one word in `texts` ([`apart_scores_as_merged`]).
    fn color_as_one_word(texts: &[&str]) -> tantivy::Result<Vec<u32>> {
        apart_scores_as_merged(texts, |term, body| {
            (
                Box::new(Synonyms::new(body, vec![term("color"), term("colour")])),
                Box::new(TermQuery::new(term("color"), IndexRecordOption::WithFreqs)),
            )
        })
    }

    /// Two spellings of a word indexed apart score as the word would if it had one spelling:
    /// the same documents, the same scores, whether documents have one of them or both (as a
    /// two forms of a stem often do). A document with both counts once: summed, the
    /// second case's document frequency would be 7 (3 + 4, capped at the 6 documents) instead
    /// of 4, and every score lower.
    #[test]
    fn scores_as_one_term() -> tantivy::Result<()> {
        let one_each = [
            "a b colour",
            "color c",
            "colour colour d e f",
            "g",
            "color h color",
            "i j",
        ];
        assert_eq!(color_as_one_word(&one_each)?, [0, 1, 2, 4]);
        let some_both = [
            "color colour a",
            "colour b color color",
            "color colour",
            "d",
            "e f",
            "colour g h",
        ];
        assert_eq!(color_as_one_word(&some_both)?, [0, 1, 2, 5]);
        Ok(())
    }

    /// A phrase whose first word has two spellings, indexed apart, matches and scores as the
    /// phrase does when the spellings are one.
    #[test]
    fn a_phrase_of_synonyms_scores_as_the_phrase() -> tantivy::Result<()> {
        let texts = [
            "colour wheel here",
            "a color wheel and a color wheel",
            "wheel colour",
            "colour and wheel",
            "color",
            "big colour wheel",
        ];
        let docs = apart_scores_as_merged(&texts, |term, body| {
            let phrase = SynonymPhrase::new(
                vec![
                    (0, vec![term("color"), term("colour")]),
                    (1, vec![term("wheel")]),
                ],
                body,
                0,
            );
            let one = PhraseQuery::new(vec![term("color"), term("wheel")]);
            (Box::new(phrase), Box::new(one))
        })?;
        assert_eq!(docs, [0, 1, 5]);
        Ok(())
    }
}

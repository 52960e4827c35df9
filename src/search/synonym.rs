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
//! a phrase, a set of terms in each place. A [`TermSet`] keeps where each of its terms was
//! found in each segment, so that neither the document frequency nor the scorers look the
//! terms up again; and a word's document frequency reads each segment's union of its terms'
//! postings once, for its scorers to walk.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::SegmentId;
use tantivy::postings::TermInfo;
use tantivy::postings::{BlockSegmentPostings, Postings, SegmentPostings};
use tantivy::query::{
    Bm25StatisticsProvider, Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer,
    Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::termdict::TermDictionary;
use tantivy::{
    DocId, DocSet, InvertedIndexReader, Score, Searcher, SegmentReader, Term, TERMINATED,
};

/// Documents with any of `terms`, scored as one term. The terms may be of several fields
/// indexed with the same positions (`kk_stem` and `kk_loose`).
///
/// ```
/// use tantivy::query::Query;
/// use tantivy::schema::{Schema, TEXT};
/// use tantivy::{doc, Index, Term};
/// use zanlex::internals::search::synonym::Synonyms;
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
    set: TermSet,
    lengths: Field,
}

impl Synonyms {
    /// BM25's document lengths are `lengths`' (a field that counts words as the one the terms
    /// stand for would).
    pub fn new(lengths: Field, terms: impl Into<TermSet>) -> Self {
        Synonyms {
            set: terms.into(),
            lengths,
        }
    }
}

/// The terms that stand for one word, and, when they were found in a searcher's term
/// dictionaries, where each is in each segment: a stem's set is a term for each of its forms,
/// tens for a common stem, found by one walk of a range of the dictionary, and looking each up
/// again for the document frequency and the scorers would be a walk apiece.
///
/// ```
/// use tantivy::schema::{Schema, TEXT};
/// use tantivy::{doc, Index, Term};
/// use zanlex::internals::search::synonym::{Synonyms, TermSet};
/// # fn main() -> tantivy::Result<()> {
/// let mut schema = Schema::builder();
/// let body = schema.add_text_field("body", TEXT);
/// let index = Index::create_in_ram(schema.build());
/// let mut writer = index.writer(15_000_000)?;
/// writer.add_document(doc!(body => "colour colours"))?;
/// writer.add_document(doc!(body => "colourful"))?;
/// writer.add_document(doc!(body => "color"))?;
/// writer.commit()?;
/// let searcher = index.reader()?.searcher();
/// let mut set = TermSet::default();
/// // Every term that starts with `colour`, as a range of each segment's dictionary.
/// set.add_from_segments(&searcher, body, |dictionary, found| {
///     let mut stream = dictionary.range().ge("colour").lt("colous").into_stream()?;
///     while stream.advance() {
///         found(stream.key(), stream.value());
///     }
///     Ok(())
/// })?;
/// assert!(set.look_up(&searcher, Term::from_field_text(body, "color"))?);
/// assert!(!set.look_up(&searcher, Term::from_field_text(body, "hue"))?);
/// assert_eq!(set.terms().len(), 4);
/// let q = Synonyms::new(body, set);
/// use tantivy::query::Query;
/// assert_eq!(q.count(&searcher)?, 3);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Default)]
pub struct TermSet {
    /// Sorted, each once.
    terms: Vec<Term>,
    /// For each segment searched, every term of the set it has: each addition searches all
    /// of a searcher's segments, so a segment's list is whole.
    located: Located,
}

impl From<Vec<Term>> for TermSet {
    /// Terms not looked up: the query looks them up in each segment.
    fn from(mut terms: Vec<Term>) -> Self {
        terms.sort();
        terms.dedup();
        TermSet {
            terms,
            located: Located::default(),
        }
    }
}

impl TermSet {
    /// The terms, sorted.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Whether the set has no term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Adds the terms of the text field `field` that `terms_in` finds in the dictionary of
    /// each of `searcher`'s segments: it calls `found` with each term's bytes and where the
    /// term is in that segment.
    pub fn add_from_segments(
        &mut self,
        searcher: &Searcher,
        field: Field,
        mut terms_in: impl FnMut(
            &TermDictionary,
            &mut dyn FnMut(&[u8], &TermInfo),
        ) -> std::io::Result<()>,
    ) -> tantivy::Result<()> {
        let before = self.terms.len();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let infos = self.located.0.entry(segment.segment_id()).or_default();
            let (terms, added) = (&mut self.terms, infos.len());
            terms_in(inverted.terms(), &mut |bytes, info| {
                if let Ok(text) = std::str::from_utf8(bytes) {
                    infos.push((field, info.clone()));
                    terms.push(Term::from_field_text(field, text));
                }
            })?;
            if infos.len() > added {
                each_once(infos);
            }
        }
        if self.terms.len() > before {
            self.terms.sort();
            self.terms.dedup();
        }
        Ok(())
    }

    /// Adds `other`'s terms (found in the same searcher's segments).
    pub fn extend_from(&mut self, other: &TermSet) {
        self.located
            .0
            .retain(|segment, infos| match other.located.0.get(segment) {
                Some(more) => {
                    infos.extend(more.iter().cloned());
                    each_once(infos);
                    true
                }
                // Not whole there any more: looked up by the query.
                None => false,
            });
        self.terms.extend(other.terms.iter().cloned());
        self.terms.sort();
        self.terms.dedup();
    }

    /// Adds `term` (of a text field) if one of `searcher`'s segments has it; whether one does.
    pub fn look_up(&mut self, searcher: &Searcher, term: Term) -> tantivy::Result<bool> {
        let mut present = false;
        let key = term.serialized_value_bytes();
        self.add_from_segments(searcher, term.field(), |dictionary, found| {
            if let Some(info) = dictionary.get(key)? {
                present = true;
                found(key, &info);
            }
            Ok(())
        })?;
        Ok(present)
    }
}

/// Sorts a segment's term infos and keeps each term once (a term added twice is read once).
fn each_once(infos: &mut Vec<(Field, TermInfo)>) {
    infos.sort_by_key(|(f, info)| (*f, info.postings_range.start));
    infos.dedup_by_key(|(f, info)| (*f, info.postings_range.start));
}

/// tantivy's BM25 inverse document frequency.
fn idf(doc_freq: u64, docs: u64) -> Score {
    let x = (docs.saturating_sub(doc_freq) as Score + 0.5) / (doc_freq as Score + 0.5);
    (1.0 + x).ln()
}

/// Where a set's terms are in each segment: kept from the dictionary walk that found them
/// ([`TermSet`]), or looked up once for a segment the set was not found in, then read by the
/// document frequency and the scorers alike. A stem's set is one term for each of its forms,
/// tens for a common stem, and a lookup is a walk of the term dictionary.
#[derive(Default, Clone, Debug)]
struct Located(HashMap<SegmentId, Vec<(Field, TermInfo)>>);

impl Located {
    /// Where those of `terms` that `reader`'s segment has are, looked up the first time.
    fn in_segment(
        &mut self,
        reader: &SegmentReader,
        terms: &[Term],
    ) -> tantivy::Result<&[(Field, TermInfo)]> {
        let infos = match self.0.entry(reader.segment_id()) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(look_up_in(reader, terms)?),
        };
        Ok(infos)
    }

    /// Where those of `terms` that `reader`'s segment has are: as found when the weight was
    /// made, else looked up (and not kept: a weight is shared by its scorers).
    fn infos(
        &self,
        reader: &SegmentReader,
        terms: &[Term],
    ) -> tantivy::Result<std::borrow::Cow<'_, [(Field, TermInfo)]>> {
        Ok(match self.0.get(&reader.segment_id()) {
            Some(infos) => std::borrow::Cow::Borrowed(infos.as_slice()),
            None => std::borrow::Cow::Owned(look_up_in(reader, terms)?),
        })
    }

    /// The postings of `terms` in `reader`'s segment ([`Located::infos`]).
    fn postings(
        &self,
        reader: &SegmentReader,
        terms: &[Term],
        record: IndexRecordOption,
    ) -> tantivy::Result<Vec<SegmentPostings>> {
        let infos = self.infos(reader, terms)?;
        let mut postings = Vec::with_capacity(infos.len());
        let mut inverted = FieldIndexes::new(reader);
        for (field, info) in infos.iter() {
            let p = inverted
                .of(*field)?
                .read_postings_from_terminfo(info, record)?;
            if p.doc() != TERMINATED {
                postings.push(p);
            }
        }
        Ok(postings)
    }
}

/// Where those of `terms` that `reader`'s segment has are, each looked up in its dictionary.
fn look_up_in(reader: &SegmentReader, terms: &[Term]) -> tantivy::Result<Vec<(Field, TermInfo)>> {
    let mut infos = Vec::with_capacity(terms.len());
    for t in terms {
        if let Some(info) = reader.inverted_index(t.field())?.get_term_info(t)? {
            infos.push((t.field(), info));
        }
    }
    Ok(infos)
}

/// A segment's inverted indexes, the last field's kept: a set's terms come sorted by field,
/// and each `inverted_index` call takes a lock and a map lookup.
struct FieldIndexes<'a> {
    reader: &'a SegmentReader,
    last: Option<(Field, std::sync::Arc<InvertedIndexReader>)>,
}

impl<'a> FieldIndexes<'a> {
    fn new(reader: &'a SegmentReader) -> Self {
        FieldIndexes { reader, last: None }
    }

    fn of(&mut self, field: Field) -> tantivy::Result<&InvertedIndexReader> {
        let current = match self.last.take() {
            Some((f, inverted)) if f == field => (f, inverted),
            _ => (field, self.reader.inverted_index(field)?),
        };
        Ok(&self.last.insert(current).1)
    }
}

/// The document frequency of a set of terms taken as one, and where its terms are in each
/// of `searcher`'s segments: the number of documents with any of them, counted from their
/// postings in each segment that has more than one (a stem's forms are often in the same
/// document: their frequencies summed would count it twice). `stats` gives a single term's;
/// a set is counted in `searcher`'s segments, so it is only for statistics that are the
/// searcher's (as `kk_stem`'s and `kk_loose`'s are). With `unions`, each segment's union is
/// read with its frequencies and kept there for the scorers, which then read nothing again.
fn synonyms_doc_freq(
    searcher: &Searcher,
    stats: &dyn Bm25StatisticsProvider,
    set: &TermSet,
    mut unions: Option<&mut Unions>,
) -> tantivy::Result<(u64, Located)> {
    let mut located = set.located.clone();
    if let [term] = set.terms() {
        return Ok((stats.doc_freq(term)?, located));
    }
    let mut doc_freq = 0u64;
    let mut seen: Vec<u64> = Vec::new();
    for segment in searcher.segment_readers() {
        let present = located.in_segment(segment, set.terms())?;
        if let Some(unions) = unions.as_deref_mut() {
            let union = ReadUnion::read(segment, present)?;
            doc_freq += union.docs.len() as u64;
            unions.insert(segment.segment_id(), std::sync::Arc::new(union));
            continue;
        }
        if let [(_, info)] = present {
            doc_freq += u64::from(info.doc_freq);
            continue;
        }
        seen.clear();
        seen.resize((segment.max_doc() as usize).div_ceil(64), 0);
        // Blocks of documents, without decoding frequencies or seeking.
        each_block(segment, present, IndexRecordOption::Basic, |docs, _| {
            for &doc in docs {
                if let Some(word) = seen.get_mut(doc as usize / 64) {
                    *word |= 1 << (doc % 64);
                }
            }
        })?;
        doc_freq += seen.iter().map(|w| u64::from(w.count_ones())).sum::<u64>();
    }
    Ok((doc_freq.min(stats.total_num_docs()?), located))
}

/// BM25 of a word (one set of terms) or a phrase (a set a word), each set taken as one term:
/// a phrase's idf is its words' idfs summed, as tantivy's phrase query sums its terms';
/// document lengths are `lengths`'. `None` when scoring is disabled.
fn synonyms_bm25<'a>(
    enable_scoring: &EnableScoring<'_>,
    lengths: Field,
    sets: impl IntoIterator<Item = &'a TermSet>,
    located: &mut Vec<Located>,
    mut unions: Option<&mut Unions>,
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
    for set in sets {
        let (doc_freq, found) = synonyms_doc_freq(searcher, *stats, set, unions.as_deref_mut())?;
        doc_freqs.push(doc_freq);
        located.push(found);
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
        let mut located = Vec::with_capacity(1);
        let mut unions = Unions::new();
        let bm25 = synonyms_bm25(
            &enable_scoring,
            self.lengths,
            [&self.set],
            &mut located,
            Some(&mut unions),
        )?;
        Ok(Box::new(SynonymsWeight {
            terms: self.set.terms.clone(),
            // Scoring off: where the set was found, if it was.
            located: located.pop().unwrap_or_else(|| self.set.located.clone()),
            unions,
            lengths: self.lengths,
            bm25,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for t in self.set.terms() {
            visitor(t, false);
        }
    }
}

struct SynonymsWeight {
    terms: Vec<Term>,
    located: Located,
    /// Each segment's union, when the document frequency read it.
    unions: Unions,
    lengths: Field,
    /// `None` when scoring is off.
    bm25: Option<Bm25Weight>,
}

impl Weight for SynonymsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let union = match self.unions.get(&reader.segment_id()) {
            Some(read) => std::sync::Arc::clone(read),
            // Scoring off: the document frequency was not counted, nor the union read.
            None => {
                let infos = self.located.infos(reader, &self.terms)?;
                std::sync::Arc::new(ReadUnion::read(reader, &infos)?)
            }
        };
        if union.docs.is_empty() {
            return Ok(Box::new(EmptyScorer));
        }
        Ok(Box::new(SynonymsScorer {
            union: ReadDocs { union, at: 0 },
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

/// The union of postings lists (of any fields) with their positions, for a phrase's words,
/// merged through a heap of the lists by their current document: a stem is one list for each
/// of its forms, tens for a common one, and an advance costs the lists at the document, not
/// all of them. ([`ReadUnion`] scores single words; it reads whole lists ahead of the
/// current document, so they cannot give positions.)
struct UnionPostings {
    postings: Vec<SegmentPostings>,
    /// The lists past `doc`, by their current document (and index in `postings`).
    ahead: BinaryHeap<Reverse<(DocId, usize)>>,
    /// The lists at `doc`.
    at_doc: Vec<usize>,
    doc: DocId,
}

impl UnionPostings {
    /// The union of `postings`; `None` without any.
    fn new(postings: Vec<SegmentPostings>) -> Option<Self> {
        if postings.is_empty() {
            return None;
        }
        let ahead = postings
            .iter()
            .enumerate()
            .map(|(i, p)| Reverse((p.doc(), i)))
            .collect();
        let mut union = UnionPostings {
            postings,
            ahead,
            at_doc: Vec::new(),
            doc: TERMINATED,
        };
        union.settle();
        Some(union)
    }

    /// Puts the lists at `at_doc` back in the heap (those not exhausted).
    fn requeue(&mut self) {
        for i in self.at_doc.drain(..) {
            let doc = self.postings[i].doc();
            if doc != TERMINATED {
                self.ahead.push(Reverse((doc, i)));
            }
        }
    }

    /// Takes the lists at the lowest document out of the heap: the union's next document.
    fn settle(&mut self) {
        self.doc = match self.ahead.peek() {
            Some(&Reverse((doc, _))) => doc,
            None => TERMINATED,
        };
        while let Some(&Reverse((doc, i))) = self.ahead.peek() {
            if doc != self.doc {
                break;
            }
            self.ahead.pop();
            self.at_doc.push(i);
        }
    }

    /// Replaces `out` by the positions in the current document, plus `shift`, sorted, each
    /// once.
    fn positions(&mut self, shift: u32, out: &mut Vec<u32>) {
        out.clear();
        for &i in &self.at_doc {
            self.postings[i].append_positions_with_offset(shift, out);
        }
        if self.at_doc.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

impl DocSet for UnionPostings {
    fn advance(&mut self) -> DocId {
        for &i in &self.at_doc {
            self.postings[i].advance();
        }
        self.requeue();
        self.settle();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for &i in &self.at_doc {
            self.postings[i].seek(target);
        }
        self.requeue();
        while let Some(&Reverse((doc, i))) = self.ahead.peek() {
            if doc >= target {
                break;
            }
            self.ahead.pop();
            if self.postings[i].seek(target) != TERMINATED {
                self.ahead.push(Reverse((self.postings[i].doc(), i)));
            }
        }
        self.settle();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.postings.iter().map(|p| p.size_hint()).sum()
    }
}

/// Calls `visit` with each block of documents of the postings of `present` (terms of
/// `segment`), read through one block reader, and their frequencies: `record`'s, or one a
/// document where it reads none.
fn each_block(
    segment: &SegmentReader,
    present: &[(Field, TermInfo)],
    record: IndexRecordOption,
    mut visit: impl FnMut(&[DocId], &[u32]),
) -> tantivy::Result<()> {
    let mut inverted = FieldIndexes::new(segment);
    let mut block: Option<BlockSegmentPostings> = None;
    let mut ones: Vec<u32> = Vec::new();
    for (field, info) in present {
        let inverted = inverted.of(*field)?;
        let block = match block.as_mut() {
            Some(b) => {
                inverted.reset_block_postings_from_terminfo(info, b)?;
                b
            }
            None => block.insert(inverted.read_block_postings_from_terminfo(info, record)?),
        };
        while !block.docs().is_empty() {
            let (docs, freqs) = (block.docs(), block.freqs());
            let freqs = if freqs.len() == docs.len() {
                freqs
            } else {
                ones.resize(docs.len(), 1);
                &ones[..docs.len()]
            };
            visit(docs, freqs);
            block.advance();
        }
    }
    Ok(())
}

/// A segment's union of a set's postings, read when the set's document frequency was
/// counted: its documents in order and, for each, the set's term frequencies summed.
#[derive(Debug, Default, PartialEq)]
struct ReadUnion {
    docs: Vec<DocId>,
    freqs: Vec<u32>,
}

/// The unions of a set, by segment.
type Unions = HashMap<SegmentId, std::sync::Arc<ReadUnion>>;

impl ReadUnion {
    /// The union of the postings of `present` (terms of `segment`), read a term at a time
    /// through one block reader. Few postings for the segment's size are sorted; more are
    /// marked and added up in arrays of the segment's documents.
    fn read(segment: &SegmentReader, present: &[(Field, TermInfo)]) -> tantivy::Result<Self> {
        let total: usize = present.iter().map(|(_, i)| i.doc_freq as usize).sum();
        let max_doc = segment.max_doc() as usize;
        let blocks = |visit: &mut dyn FnMut(&[DocId], &[u32])| {
            each_block(segment, present, IndexRecordOption::WithFreqs, visit)
        };
        let mut union = ReadUnion {
            docs: Vec::with_capacity(total),
            freqs: Vec::with_capacity(total),
        };
        if present.len() == 1 {
            blocks(&mut |docs, freqs| {
                union.docs.extend_from_slice(docs);
                union.freqs.extend_from_slice(freqs);
            })?;
        } else if total.saturating_mul(32) < max_doc {
            let mut pairs: Vec<(DocId, u32)> = Vec::with_capacity(total);
            blocks(&mut |docs, freqs| {
                pairs.extend(docs.iter().copied().zip(freqs.iter().copied()))
            })?;
            pairs.sort_unstable_by_key(|&(doc, _)| doc);
            for (doc, freq) in pairs {
                if union.docs.last() == Some(&doc) {
                    if let Some(last) = union.freqs.last_mut() {
                        *last += freq;
                    }
                } else {
                    union.docs.push(doc);
                    union.freqs.push(freq);
                }
            }
        } else {
            let mut marks = vec![0u64; max_doc.div_ceil(64)];
            let mut sums = vec![0u32; max_doc];
            blocks(&mut |docs, freqs| {
                for (&doc, &freq) in docs.iter().zip(freqs) {
                    let i = doc as usize;
                    if let (Some(word), Some(sum)) = (marks.get_mut(i / 64), sums.get_mut(i)) {
                        *word |= 1 << (i % 64);
                        *sum += freq;
                    }
                }
            })?;
            for (k, &word) in marks.iter().enumerate() {
                let mut bits = word;
                while bits != 0 {
                    let i = k * 64 + bits.trailing_zeros() as usize;
                    union.docs.push(i as DocId);
                    union.freqs.push(sums[i]);
                    bits &= bits - 1;
                }
            }
        }
        Ok(union)
    }
}

/// A [`ReadUnion`] read in order.
struct ReadDocs {
    union: std::sync::Arc<ReadUnion>,
    at: usize,
}

impl ReadDocs {
    /// The set's term frequencies summed in the current document.
    fn term_freq(&self) -> u32 {
        self.union.freqs.get(self.at).copied().unwrap_or(0)
    }
}

impl DocSet for ReadDocs {
    fn advance(&mut self) -> DocId {
        self.at += 1;
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc() < target {
            self.at += self.union.docs[self.at..].partition_point(|&d| d < target);
        }
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.union.docs.get(self.at).copied().unwrap_or(TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        self.union.docs.len() as u32
    }
}

/// [`Synonyms`]' scorer.
struct SynonymsScorer {
    union: ReadDocs,
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

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{PhraseQuery, TermQuery};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    /// Ten thousand documents in one segment, each with some of five terms `t0`..`t4`, the
    /// first in one document of two, the last in one of three thousand, and `t5` once in each
    /// document with `t3`: the index, its field, and each document's count of each term.
    fn five_densities() -> tantivy::Result<(Index, Field, Vec<[u32; 6]>)> {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        // One thread: one segment, documents in the order added.
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        let mut next = crate::testing::xorshift(0xb0ff);
        let every = [2, 7, 50, 400, 3000];
        let mut counts = Vec::new();
        for _ in 0..10_000 {
            let mut words = Vec::new();
            let mut count = [0u32; 6];
            for (k, n) in every.iter().enumerate() {
                if next().is_multiple_of(*n) {
                    for _ in 0..1 + next() % 3 {
                        words.push(format!("t{k}"));
                        count[k] += 1;
                    }
                }
            }
            if count[3] > 0 {
                words.push("t5".to_string());
                count[5] = 1;
            }
            counts.push(count);
            writer.add_document(doc!(body => words.join(" ")))?;
        }
        writer.commit()?;
        Ok((index, body, counts))
    }

    /// Every set of the six terms, read as one union the way the document frequency reads it
    /// (one list copied, few postings sorted, many marked in arrays of the segment), gives
    /// each document with any of the set's terms once, with their frequencies summed; and the
    /// union seeks to the first such document at or after the target.
    #[test]
    fn read_union_gives_each_document_once_with_its_frequencies_summed() -> tantivy::Result<()> {
        let (index, body, counts) = five_densities()?;
        let searcher = index.reader()?.searcher();
        let reader = &searcher.segment_readers()[0];
        let inverted = reader.inverted_index(body)?;
        let mut infos = Vec::new();
        for k in 0..6 {
            let term = Term::from_field_text(body, &format!("t{k}"));
            infos.push(inverted.get_term_info(&term)?.map(|info| (body, info)));
        }
        let (mut sorted, mut marked) = (0, 0);
        let mut next = crate::testing::xorshift(0x0e1d);
        for subset in 1u32..64 {
            let present: Vec<(Field, TermInfo)> = (0..6)
                .filter(|k| subset >> k & 1 == 1)
                .filter_map(|k| infos[k].clone())
                .collect();
            let total: usize = present.iter().map(|(_, i)| i.doc_freq as usize).sum();
            if present.len() > 1 {
                if total * 32 < reader.max_doc() as usize {
                    sorted += 1;
                } else {
                    marked += 1;
                }
            }
            let sum = |c: &[u32; 6]| (0..6).filter(|k| subset >> k & 1 == 1).map(|k| c[k]).sum();
            let want: Vec<u32> = counts.iter().map(sum).collect();
            let union = std::sync::Arc::new(ReadUnion::read(reader, &present)?);
            let docs: Vec<u32> = (0..want.len() as u32)
                .filter(|&d| want[d as usize] > 0)
                .collect();
            let freqs: Vec<u32> = docs.iter().map(|&d| want[d as usize]).collect();
            assert_eq!(*union, ReadUnion { docs, freqs }, "subset {subset:06b}");
            for step in [1, 300, 5000] {
                let mut read = ReadDocs {
                    union: std::sync::Arc::clone(&union),
                    at: 0,
                };
                let mut target = 0;
                loop {
                    target += 1 + (next() % step) as u32;
                    let doc = read.seek(target);
                    let first = (target as usize..want.len()).find(|&d| want[d] > 0);
                    assert_eq!(doc, first.map_or(TERMINATED, |d| d as u32));
                    if doc == TERMINATED {
                        break;
                    }
                    assert_eq!(read.term_freq(), want[doc as usize]);
                }
            }
        }
        assert!(sorted > 0 && marked > 0, "{sorted} sorted, {marked} marked");
        Ok(())
    }

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

    /// A set found in the dictionaries (a range of one field, a term of another, in two
    /// segments) matches and scores as its bare terms looked up again. The first term of
    /// each field's postings starts at byte 0 of its own file: a set that told its terms
    /// apart only by where their postings start would lose one.
    #[test]
    fn a_set_found_in_the_dictionaries_scores_as_its_terms() -> tantivy::Result<()> {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let other = schema.add_text_field("other", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer(15_000_000)?;
        for (b, o) in [
            ("color a", "hue"),
            ("colours b colour", "x"),
            ("c", "hue hue"),
        ] {
            writer.add_document(doc!(body => b, other => o))?;
        }
        writer.commit()?;
        for (b, o) in [("d", "hue"), ("colour e", "y"), ("colors", "z")] {
            writer.add_document(doc!(body => b, other => o))?;
        }
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        let mut set = TermSet::default();
        set.add_from_segments(&searcher, body, |dictionary, found| {
            let mut stream = dictionary.range().ge("col").lt("com").into_stream()?;
            while stream.advance() {
                found(stream.key(), stream.value());
            }
            Ok(())
        })?;
        assert!(set.look_up(&searcher, Term::from_field_text(other, "hue"))?);
        assert!(!set.look_up(&searcher, Term::from_field_text(other, "violet"))?);
        let bare = set.terms().to_vec();
        assert_eq!(bare.len(), 5);
        // (segment, document, score), in that order.
        let hits = |q: &dyn Query| -> tantivy::Result<Vec<(u32, u32, Score)>> {
            let mut hits: Vec<_> = searcher
                .search(q, &TopDocs::with_limit(10))?
                .into_iter()
                .map(|(s, a)| (a.segment_ord, a.doc_id, s))
                .collect();
            hits.sort_by_key(|h| (h.0, h.1));
            Ok(hits)
        };
        let found = hits(&Synonyms::new(body, set.clone()))?;
        assert_eq!(found, hits(&Synonyms::new(body, bare.clone()))?);
        assert_eq!(found.len(), 6);
        let phrase = |a: TermSet| {
            SynonymPhrase::new(
                vec![(0, a), (1, vec![Term::from_field_text(body, "b")].into())],
                body,
                0,
            )
        };
        let found = hits(&phrase(set))?;
        assert_eq!(found, hits(&phrase(bare.into()))?);
        assert_eq!(found.len(), 1);
        Ok(())
    }
}

//! [`TermSet`]: the terms of one word, and where each was found in each segment.

use std::collections::HashMap;
use tantivy::index::SegmentId;
use tantivy::postings::{SegmentPostings, TermInfo};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::termdict::TermDictionary;
use tantivy::DocSet;
use tantivy::{InvertedIndexReader, Searcher, SegmentReader, Term, TERMINATED};

/// The terms that stand for one word, and, when they were found in a searcher's term
/// dictionaries, where each is in each segment: a stem's set is a term for each of its forms,
/// tens for a common stem, found by one walk of a range of the dictionary, and looking each up
/// again for the document frequency and the scorers would be a walk apiece.
#[derive(Debug, Clone, Default)]
pub struct TermSet {
    /// Sorted, each once.
    pub(super) terms: Vec<Term>,
    /// For each segment searched, every term of the set it has: each addition searches all
    /// of a searcher's segments, so a segment's list is whole.
    pub(super) located: Located,
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

/// Where a set's terms are in each segment: kept from the dictionary walk that found them
/// ([`TermSet`]), or looked up once for a segment the set was not found in, then read by the
/// document frequency and the scorers alike. A stem's set is one term for each of its forms,
/// tens for a common stem, and a lookup is a walk of the term dictionary.
#[derive(Default, Clone, Debug)]
pub(super) struct Located(HashMap<SegmentId, Vec<(Field, TermInfo)>>);

impl Located {
    /// Where those of `terms` that `reader`'s segment has are, looked up the first time.
    pub(super) fn in_segment(
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
    pub(super) fn infos(
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
    pub(super) fn postings(
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
pub(super) struct FieldIndexes<'a> {
    reader: &'a SegmentReader,
    last: Option<(Field, std::sync::Arc<InvertedIndexReader>)>,
}

impl<'a> FieldIndexes<'a> {
    pub(super) fn new(reader: &'a SegmentReader) -> Self {
        FieldIndexes { reader, last: None }
    }

    pub(super) fn of(&mut self, field: Field) -> tantivy::Result<&InvertedIndexReader> {
        let current = match self.last.take() {
            Some((f, inverted)) if f == field => (f, inverted),
            _ => (field, self.reader.inverted_index(field)?),
        };
        Ok(&self.last.insert(current).1)
    }
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn term_set() {
        use crate::search::synonym::{Synonyms, TermSet};
        use tantivy::schema::{Schema, TEXT};
        use tantivy::{doc, Index, Term};
        fn main() -> tantivy::Result<()> {
            let mut schema = Schema::builder();
            let body = schema.add_text_field("body", TEXT);
            let index = Index::create_in_ram(schema.build());
            let mut writer = index.writer(15_000_000)?;
            writer.add_document(doc!(body => "colour colours"))?;
            writer.add_document(doc!(body => "colourful"))?;
            writer.add_document(doc!(body => "color"))?;
            writer.commit()?;
            let searcher = index.reader()?.searcher();
            let mut set = TermSet::default();
            // Every term that starts with `colour`, as a range of each segment's dictionary.
            set.add_from_segments(&searcher, body, |dictionary, found| {
                let mut stream = dictionary.range().ge("colour").lt("colous").into_stream()?;
                while stream.advance() {
                    found(stream.key(), stream.value());
                }
                Ok(())
            })?;
            assert!(set.look_up(&searcher, Term::from_field_text(body, "color"))?);
            assert!(!set.look_up(&searcher, Term::from_field_text(body, "hue"))?);
            assert_eq!(set.terms().len(), 4);
            let q = Synonyms::new(body, set);
            use tantivy::query::Query;
            assert_eq!(q.count(&searcher)?, 3);
            Ok(())
        }
        main().unwrap();
    }
}

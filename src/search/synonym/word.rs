//! [`Synonyms`]: one word that stands for several terms, scored as one term.

use super::bm25::synonyms_bm25;
use super::term_set::{Located, TermSet};
use super::union::{ReadDocs, ReadUnion, Unions};
use tantivy::fieldnorm::FieldNormReader;
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// Documents with any of `terms`, scored as one term. The terms may be of several fields
/// indexed with the same positions (`kk_stem` and `kk_loose`).
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

impl Query for Synonyms {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut located = Vec::with_capacity(1);
        let mut unions = Unions::new();
        let bm25 = synonyms_bm25(
            &enable_scoring,
            self.lengths,
            [&self.set],
            &mut located,
            &mut Vec::new(),
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

/// [`Synonyms`]' scorer.
pub(crate) struct SynonymsScorer {
    union: ReadDocs,
    fieldnorms: FieldNormReader,
    bm25: Option<Bm25Weight>,
}

impl SynonymsScorer {
    /// The most it scores on any document.
    pub(crate) fn max_score(&self) -> Score {
        self.bm25.as_ref().map_or(0.0, Bm25Weight::max_score)
    }
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

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn synonyms() {
        use crate::search::synonym::Synonyms;
        use tantivy::query::Query;
        use tantivy::schema::{Schema, TEXT};
        use tantivy::{doc, Index, Term};
        fn main() -> tantivy::Result<()> {
            let mut schema = Schema::builder();
            let body = schema.add_text_field("body", TEXT);
            let index = Index::create_in_ram(schema.build());
            let mut writer = index.writer(15_000_000)?;
            writer.add_document(doc!(body => "colour"))?;
            writer.add_document(doc!(body => "color color"))?;
            writer.add_document(doc!(body => "hue"))?;
            writer.commit()?;
            let q = Synonyms::new(
                body,
                vec![
                    Term::from_field_text(body, "color"),
                    Term::from_field_text(body, "colour"),
                ],
            );
            assert_eq!(q.count(&index.reader()?.searcher())?, 2);
            Ok(())
        }
        main().unwrap();
    }
}

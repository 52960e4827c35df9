//! Unions of a set's postings: read whole for single words, merged by a heap for phrases.

use super::term_set::FieldIndexes;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use tantivy::index::SegmentId;
use tantivy::postings::Postings;
use tantivy::postings::{BlockSegmentPostings, SegmentPostings, TermInfo};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED};

/// The union of postings lists (of any fields) with their positions, for a phrase's words,
/// merged through a heap of the lists by their current document: a stem is one list for each
/// of its forms, tens for a common one, and an advance costs the lists at the document, not
/// all of them. ([`ReadUnion`] scores single words; it reads whole lists ahead of the
/// current document, so they cannot give positions.)
pub(super) struct UnionPostings {
    postings: Vec<SegmentPostings>,
    /// The lists past `doc`, by their current document (and index in `postings`).
    ahead: BinaryHeap<Reverse<(DocId, usize)>>,
    /// The lists at `doc`.
    at_doc: Vec<usize>,
    doc: DocId,
}

impl UnionPostings {
    /// The union of `postings`; `None` without any.
    pub(super) fn new(postings: Vec<SegmentPostings>) -> Option<Self> {
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
    pub(super) fn positions(&mut self, shift: u32, out: &mut Vec<u32>) {
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
pub(super) fn each_block(
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
pub(super) struct ReadUnion {
    pub(super) docs: Vec<DocId>,
    pub(super) freqs: Vec<u32>,
}

/// The unions of a set, by segment.
pub(super) type Unions = HashMap<SegmentId, std::sync::Arc<ReadUnion>>;

impl ReadUnion {
    /// The union of the postings of `present` (terms of `segment`), read a term at a time
    /// through one block reader. Few postings for the segment's size are sorted; more are
    /// marked and added up in arrays of the segment's documents.
    pub(super) fn read(
        segment: &SegmentReader,
        present: &[(Field, TermInfo)],
    ) -> tantivy::Result<Self> {
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
pub(super) struct ReadDocs {
    pub(super) union: std::sync::Arc<ReadUnion>,
    pub(super) at: usize,
}

impl ReadDocs {
    /// The set's term frequencies summed in the current document.
    pub(super) fn term_freq(&self) -> u32 {
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

//! Unions of a set's postings, read whole: with their frequencies for single words, as a
//! bitset of documents for a phrase's words.

use super::term_set::FieldIndexes;
use std::collections::HashMap;
use tantivy::index::SegmentId;
use tantivy::postings::{BlockSegmentPostings, TermInfo};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED};

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
    // A block reader is reused within a field only: it reads skip data laid out as its
    // field's record option says (a field with positions has position offsets in it).
    let mut block: Option<(Field, BlockSegmentPostings)> = None;
    let mut ones: Vec<u32> = Vec::new();
    for (field, info) in present {
        let inverted = inverted.of(*field)?;
        let block = match block.as_mut() {
            Some((f, b)) if f == field => {
                inverted.reset_block_postings_from_terminfo(info, b)?;
                b
            }
            _ => {
                let b = inverted.read_block_postings_from_terminfo(info, record)?;
                &mut block.insert((*field, b)).1
            }
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

/// The documents of a set, one bit each, by segment: kept for the segments where the set has
/// more than one term (with one, its postings list is the set's documents).
pub(super) type DocBits = HashMap<SegmentId, std::sync::Arc<Vec<u64>>>;

/// The documents of `present` (terms of `segment`), one bit each: blocks of documents read
/// without decoding frequencies or seeking.
pub(super) fn doc_bits(
    segment: &SegmentReader,
    present: &[(Field, TermInfo)],
) -> tantivy::Result<Vec<u64>> {
    let mut bits = vec![0u64; (segment.max_doc() as usize).div_ceil(64)];
    each_block(segment, present, IndexRecordOption::Basic, |docs, _| {
        for &doc in docs {
            if let Some(word) = bits.get_mut(doc as usize / 64) {
                *word |= 1 << (doc % 64);
            }
        }
    })?;
    Ok(bits)
}

/// The first document at or after `target` marked in `bits`; [`TERMINATED`] past the last.
pub(super) fn next_marked(bits: &[u64], target: DocId) -> DocId {
    let mut k = target as usize / 64;
    let Some(&first) = bits.get(k) else {
        return TERMINATED;
    };
    let mut word = first & (u64::MAX << (target % 64));
    loop {
        if word != 0 {
            return (k * 64) as DocId + word.trailing_zeros();
        }
        k += 1;
        match bits.get(k) {
            Some(&w) => word = w,
            None => return TERMINATED,
        }
    }
}

/// The most documents a segment may have for [`SUMS`] to serve it: 16 MB a thread.
const SUMS_KEPT: usize = 1 << 22;

thread_local! {
    /// A frequency for each document of a segment, for the unions read on this thread that
    /// are marked in a bitset: a read writes a document's entry before it adds to it and
    /// reads only the documents it marked, so the array is never cleared, and a union costs
    /// its postings, not zeroing an array the size of the segment (tens of unions a query).
    static SUMS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

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
            let mut dense = |sums: &mut Vec<u32>| -> tantivy::Result<()> {
                if sums.len() < max_doc {
                    sums.resize(max_doc, 0);
                }
                blocks(&mut |docs, freqs| {
                    for (&doc, &freq) in docs.iter().zip(freqs) {
                        let i = doc as usize;
                        if let (Some(word), Some(sum)) = (marks.get_mut(i / 64), sums.get_mut(i)) {
                            // A document's first frequency replaces what an earlier read
                            // left there, without a branch.
                            let seen = ((*word >> (i % 64)) & 1) as u32;
                            *sum = (*sum & seen.wrapping_neg()) + freq;
                            *word |= 1 << (i % 64);
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
                Ok(())
            };
            if max_doc > SUMS_KEPT {
                dense(&mut Vec::new())?;
            } else {
                SUMS.with(|sums| match sums.try_borrow_mut() {
                    Ok(mut sums) => dense(&mut sums),
                    Err(_) => dense(&mut Vec::new()),
                })?;
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

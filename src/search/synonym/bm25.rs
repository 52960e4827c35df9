//! BM25 of sets of terms each taken as one term: their document frequency and weight.

use super::term_set::{Located, TermSet};
use super::union::{doc_bits, DocBits, ReadUnion, Unions};
use tantivy::query::{Bm25StatisticsProvider, Bm25Weight, EnableScoring};
use tantivy::schema::Field;
use tantivy::{Score, Searcher};

/// tantivy's BM25 inverse document frequency.
fn idf(doc_freq: u64, docs: u64) -> Score {
    let x = (docs.saturating_sub(doc_freq) as Score + 0.5) / (doc_freq as Score + 0.5);
    (1.0 + x).ln()
}

/// The document frequency of a set of terms taken as one, and where its terms are in each
/// of `searcher`'s segments: the number of documents with any of them, counted from their
/// postings in each segment that has more than one (a stem's forms are often in the same
/// document: their frequencies summed would count it twice). `stats` gives a single term's;
/// a set is counted in `searcher`'s segments, so it is only for statistics that are the
/// searcher's (as `kk_stem`'s and `kk_loose`'s are). With `unions`, each segment's union is
/// read with its frequencies and kept there for the scorers, which then read nothing again;
/// else each segment's documents with more than one of the terms are marked in a bitset
/// kept in `bits`, which a phrase's scorer reads.
fn synonyms_doc_freq(
    searcher: &Searcher,
    stats: &dyn Bm25StatisticsProvider,
    set: &TermSet,
    mut unions: Option<&mut Unions>,
    bits: &mut DocBits,
) -> tantivy::Result<(u64, Located)> {
    let mut located = set.located.clone();
    if let [term] = set.terms() {
        return Ok((stats.doc_freq(term)?, located));
    }
    let mut doc_freq = 0u64;
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
        let seen = doc_bits(segment, present)?;
        doc_freq += seen.iter().map(|w| u64::from(w.count_ones())).sum::<u64>();
        bits.insert(segment.segment_id(), std::sync::Arc::new(seen));
    }
    Ok((doc_freq.min(stats.total_num_docs()?), located))
}

/// BM25 of a word (one set of terms) or a phrase (a set a word), each set taken as one term:
/// a phrase's idf is its words' idfs summed, as tantivy's phrase query sums its terms';
/// document lengths are `lengths`'. Each set's [`Located`] and [`DocBits`] are pushed on
/// `located` and `bits` (see [`synonyms_doc_freq`]). `None` when scoring is disabled.
pub(super) fn synonyms_bm25<'a>(
    enable_scoring: &EnableScoring<'_>,
    lengths: Field,
    sets: impl IntoIterator<Item = &'a TermSet>,
    located: &mut Vec<Located>,
    bits: &mut Vec<DocBits>,
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
        let mut set_bits = DocBits::new();
        let (doc_freq, found) =
            synonyms_doc_freq(searcher, *stats, set, unions.as_deref_mut(), &mut set_bits)?;
        doc_freqs.push(doc_freq);
        located.push(found);
        bits.push(set_bits);
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

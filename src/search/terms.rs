//! A query's words as the index's terms: a query text analyzed as a field's text was
//! ([`analyze_field`]), the terms of a Kazakh stem ([`stem_terms`], [`kk_stem_units`]) and a
//! walk of a term dictionary ([`each_accepted_in`]). The search's helpers (restoring spelling,
//! corrections, compounds, the compile) read the index through these, so none of them needs
//! another to look a word up.

use super::synonym::TermSet;
use crate::analysis::{stem_range, KK_EXACT, KK_STEM};
use crate::index::Store;
use tantivy::schema::Field;
use tantivy::Searcher;

/// The analyzed tokens of `text` as a query on `field`: (position, token). The index writes
/// `kk_exact` and `kk_stem` with analyzers that leave out words or join a word's stem and form
/// ([`crate::analysis::KK_EXACT_REST`], [`crate::analysis::KK_STEM_MARKED`]); a query's words
/// are analyzed whole ([`KK_EXACT`], [`KK_STEM`]), and each is looked for as the terms that
/// stand for it.
pub fn analyze_field(index: &Store, field: Field, text: &str) -> Vec<(usize, String)> {
    let f = index.fields();
    let query_analyzer = if field == f.kk_exact {
        crate::analysis::analyzer(KK_EXACT)
    } else if field == f.kk_stem {
        crate::analysis::analyzer(KK_STEM)
    } else {
        index.tantivy().tokenizer_for_field(field).ok()
    };
    let Some(mut an) = query_analyzer else {
        return Vec::new();
    };
    let mut ts = an.token_stream(text);
    let mut out = Vec::new();
    while ts.advance() {
        let t = ts.token();
        out.push((t.position, t.text.clone()));
    }
    out
}

/// The `kk_stem` terms of every word whose stem is `stem` ([`stem_range`]), in any segment.
pub(crate) fn stem_terms(
    searcher: &Searcher,
    field: Field,
    stem: &str,
) -> tantivy::Result<TermSet> {
    let (lo, hi) = stem_range(stem);
    let mut set = TermSet::default();
    set.add_from_segments(searcher, field, |dictionary, found| {
        let range = dictionary.range().ge(lo.as_bytes()).lt(hi.as_bytes());
        let mut stream = range.into_stream()?;
        while stream.advance() {
            found(stream.key(), stream.value());
        }
        Ok(())
    })?;
    Ok(set)
}

/// The units that hold a form of `lower`'s `kk_stem` stem, summed over its forms (a unit with
/// two forms counts twice); 0 when the Kazakh analyzer makes no single stem of it. The Kazakh
/// fields hold the Russian words of Kazakh units too (a bilingual form's «ЗАЯВЛЕНИЕ»).
pub(crate) fn kk_stem_units(index: &Store, searcher: &Searcher, lower: &str) -> u64 {
    let f = index.fields();
    let count = |stem: &str| {
        let mut n = 0u64;
        let (lo, hi) = stem_range(stem);
        for segment in searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(f.kk_stem) else {
                continue;
            };
            let range = inverted.terms().range().ge(lo.as_bytes()).lt(hi.as_bytes());
            let Ok(mut stream) = range.into_stream() else {
                continue;
            };
            while stream.advance() {
                n += u64::from(stream.value().doc_freq);
            }
        }
        n
    };
    let stems = analyze_field(index, f.kk_stem, lower);
    let [(_, stem)] = stems.as_slice() else {
        return 0;
    };
    let kk = count(stem);
    if kk > 0 {
        return kk;
    }
    // A Russian word the Kazakh stemmer keeps whole is held under its Russian stem.
    russian_stem_of_kazakh_unknown(index, searcher, stem).map_or(0, |ru| count(&ru))
}

/// The Russian stem of a word the Kazakh stemmer keeps whole when it is a Russian word
/// (Cyrillic, no Kazakh letter) whose Snowball stem is shorter and no Russian text holds:
/// «заявлению» is its own Kazakh stem, and the Kazakh units that hold the Russian word write
/// it «ЗАЯВЛЕНИЕ» or «заявлении», whose `kk_stem` stem is «заявлен», the Russian one. Asked
/// only for a stem the index has no form of, so a Kazakh word the texts spell is never read
/// otherwise; a stem the Russian texts hold is found by their own field, not here.
pub(crate) fn russian_stem_of_kazakh_unknown(
    index: &Store,
    searcher: &Searcher,
    kk_stem: &str,
) -> Option<String> {
    let russian_letters = kk_stem
        .chars()
        .all(|c| ('а'..='я').contains(&c) || c == 'ё');
    if !russian_letters || kk_stem.chars().count() < 4 {
        return None;
    }
    let ru = crate::analysis::russian::stem(kk_stem);
    // An unreadable count is taken as held: the Russian field is searched as before.
    let in_russian_texts = !searcher
        .doc_freq(&tantivy::Term::from_field_text(index.fields().ru_stem, &ru))
        .is_ok_and(|n| n == 0);
    (ru != kk_stem && ru.chars().count() >= 4 && !in_russian_texts).then_some(ru)
}

/// Every term of `field` in the index with the units that hold it, summed over segments: the
/// vocabulary the corpus-wide listings of derived words are read from (`evals/compounds.tsv`,
/// `evals/derivations.tsv`).
#[cfg(test)]
pub(crate) fn vocabulary(
    searcher: &Searcher,
    field: Field,
) -> std::collections::BTreeMap<String, u64> {
    let mut vocab = std::collections::BTreeMap::<String, u64>::new();
    for reader in searcher.segment_readers() {
        let inverted = reader.inverted_index(field).expect("field");
        let mut stream = inverted.terms().stream().expect("terms");
        while stream.advance() {
            if let Ok(t) = std::str::from_utf8(stream.key()) {
                *vocab.entry(t.to_string()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
    }
    vocab
}

/// Calls `f` with every term of `dictionary` that `automaton` accepts and where it is.
pub fn each_accepted_in<A>(
    dictionary: &tantivy::termdict::TermDictionary,
    automaton: A,
    mut f: impl FnMut(&[u8], &tantivy::postings::TermInfo),
) -> std::io::Result<()>
where
    A: tantivy_fst::Automaton,
    A::State: Clone,
{
    let mut stream = dictionary.search(automaton).into_stream()?;
    while stream.advance() {
        f(stream.key(), stream.value());
    }
    Ok(())
}

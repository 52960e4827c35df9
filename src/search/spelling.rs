//! Spelling corrections from the corpus. A query word the index does not know («искуственного»,
//! «педогогу») is searched beside the nearest words it does know, by edit distance over the
//! words as the corpus writes them: one edit for a word of up to seven letters, two for a longer
//! one, the most frequent first; a short word never to a word as common as the law's grammar
//! ([`MAX_CORRECTION_SHARE`]). A correction ranks below a word's own matches, never makes a
//! unit cover more of a question than its typed words ([`super::coverage`]) and never
//! replaces a word the index knows; the search says which words it searched also.
//!
//! The words as written are the forms of `kk_stem`'s terms ([`crate::analysis::form_term`]),
//! in both languages: a Levenshtein automaton ([`levenshtein_automata`]) walks the term
//! dictionary, so no extra field is indexed for this.

use crate::analysis::{form_terms, FORM_MARK, SELF_STEM_MARK, SUFFIX_MARK};
use crate::index::Store;
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock, PoisonError};

/// Fewest letters of a word that is corrected: shorter words have too many neighbours, and a
/// short word the corpus lacks is more often a real word than a typo («пасти» is not «части»).
const MIN_LETTERS: usize = 6;
/// Letters from which a word may be two edits from its correction.
const TWO_EDITS_FROM: usize = 8;
/// Most units a word may be in and still be corrected: a word the corpus writes, even once,
/// keeps its own meaning («тіркелмеген» is not «тіркелген»).
const MAX_OWN_UNITS: u64 = 0;
/// Fewest units a correction is in.
const MIN_CORRECTION_UNITS: u64 = 3;
/// Most corrections of one word.
const MAX_CORRECTIONS: usize = 2;
/// Largest share of the index's documents a correction of a short word (one edit) may be in:
/// one in twenty. What a wrong
/// correction costs grows with the units it is in, what a right one gives does not: a word
/// that common is the law's grammar or its most general vocabulary («және», «тиіс», «жатады»
/// in a Kazakh corpus, «является», «Республики»), tells almost nothing of what is asked, and
/// searched beside a rare word one letter from it («жабады»), fills the page with units that
/// have the other words and it. A share, not a count, so that it means the same on a small
/// corpus and on every act; a document frequency ratio to the typed word does not apply,
/// as the typed word is in no unit.
const MAX_CORRECTION_SHARE: f64 = 0.05;

/// The automaton builder for `distance` edits (a transposition counts as one), made once: its
/// tables cost more than a search.
fn builder(distance: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if distance <= 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(distance.min(2), true))
}

/// Accepts the `kk_stem` terms whose written form ([`crate::analysis::split_form`]) is within the
/// automaton's distance of the word: a stem followed by [`SELF_STEM_MARK`] (the form is the
/// stem) or by [`SUFFIX_MARK`] and the rest of the form. A term whose form does not begin with
/// its stem ([`FORM_MARK`]) is not read: walking those would visit every stem.
#[derive(Clone)]
struct NearForms<'a>(&'a DFA);

/// Where the walk is: reading the form (its automaton state), past the end of a form that
/// matches, or off.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Walk {
    Form(u32),
    Matched,
    Off,
}

impl tantivy_fst::Automaton for NearForms<'_> {
    type State = Walk;

    fn start(&self) -> Walk {
        Walk::Form(self.0.initial_state())
    }

    fn is_match(&self, state: &Walk) -> bool {
        match *state {
            Walk::Matched => true,
            Walk::Form(s) => matches!(self.0.distance(s), Distance::Exact(_)),
            Walk::Off => false,
        }
    }

    fn can_match(&self, state: &Walk) -> bool {
        match *state {
            Walk::Form(s) => s != SINK_STATE,
            Walk::Matched => true,
            Walk::Off => false,
        }
    }

    fn will_always_match(&self, _: &Walk) -> bool {
        false
    }

    fn accept(&self, state: &Walk, byte: u8) -> Walk {
        let Walk::Form(s) = *state else {
            return Walk::Off;
        };
        match byte {
            // The stem is the whole form: it matches when the stem does.
            b if b == SELF_STEM_MARK as u8 => {
                if matches!(self.0.distance(s), Distance::Exact(_)) {
                    Walk::Matched
                } else {
                    Walk::Off
                }
            }
            // The form goes on after the stem.
            b if b == SUFFIX_MARK as u8 => Walk::Form(s),
            b if b == FORM_MARK as u8 => Walk::Off,
            b => Walk::Form(self.0.transition(s, b)),
        }
    }
}

impl NearForms<'_> {
    /// True when a term accepted ends a form, not only a stem that could go on.
    fn ends_form(term: &str) -> bool {
        term.ends_with(SELF_STEM_MARK) || term.contains(SUFFIX_MARK)
    }
}

/// The corrections found so far in one index generation, by word.
#[derive(Debug, Default)]
struct Known(Mutex<FxHashMap<String, Vec<String>>>);

/// The words the index knows nearest to `word`, the nearest and most frequent first: none when
/// the word has fewer than [`MIN_LETTERS`] letters, is not all Cyrillic, or is in more than
/// [`MAX_OWN_UNITS`] units itself. Kept for the index generation: the search asks again to say
/// what it searched.
pub(crate) fn corrections(index: &Store, word: &str) -> Vec<String> {
    let lower = crate::text::lowercase(word);
    let searcher = index.searcher();
    let Ok(known) = index.per_generation(&searcher, || Ok(Known::default())) else {
        return nearest(index, &lower);
    };
    if let Some(found) = known
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&lower)
    {
        return found.clone();
    }
    let found = nearest(index, &lower);
    known
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(lower, found.clone());
    found
}

fn nearest(index: &Store, lower: &str) -> Vec<String> {
    let lower = lower.to_string();
    let letters = lower.chars().count();
    if letters < MIN_LETTERS
        || !lower
            .chars()
            .all(|c| matches!(c, 'а'..='я' | 'ё') || crate::extract::is_kazakh_letter(c))
    {
        return Vec::new();
    }
    let f = index.fields();
    let searcher = index.searcher();
    let units = |w: &str| -> u64 {
        form_terms(w)
            .iter()
            .map(|t| {
                searcher
                    .doc_freq(&tantivy::Term::from_field_text(f.kk_stem, t))
                    .unwrap_or(0)
            })
            .max()
            .unwrap_or(0)
    };
    let own = units(&lower);
    // A form the corpus does not write is still known when its stem is: another form of a
    // word the corpus has («переименовать» beside «переименования»).
    if own > MAX_OWN_UNITS || stem_units(index, &searcher, &lower) > MAX_OWN_UNITS {
        return Vec::new();
    }
    let distance = if letters >= TWO_EDITS_FROM { 2 } else { 1 };
    let dfa = builder(distance).build_dfa(&lower);
    let mut found: BTreeMap<String, u64> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(f.kk_stem) else {
            continue;
        };
        let _ = super::restore::each_accepted_in(inverted.terms(), NearForms(&dfa), |key, info| {
            let Ok(term) = std::str::from_utf8(key) else {
                return;
            };
            if !NearForms::ends_form(term) {
                return;
            }
            if let Some((_, written)) = crate::analysis::split_form(term) {
                if written != lower {
                    *found.entry(written.into_owned()).or_default() += u64::from(info.doc_freq);
                }
            }
        });
    }
    let floor = MIN_CORRECTION_UNITS.max(own.saturating_mul(10));
    // A short word has many real words one edit from it: one the corpus lacks is as likely a
    // real word as a slip, and a very common neighbour is the costliest guess. A long word's
    // neighbours are few and are its spellings («правитльства»), however common.
    let ceiling = if distance == 1 {
        too_common(searcher.num_docs())
    } else {
        u64::MAX
    };
    let mut ranked: Vec<(String, u64)> = found
        .into_iter()
        .filter(|(_, n)| *n >= floor && *n <= ceiling)
        .collect();
    // The nearest first, then the most frequent: «искуственного» is one letter from
    // «искусственного».
    let dist = |w: &str| match dfa.eval(w) {
        Distance::Exact(d) => d,
        Distance::AtLeast(d) => d,
    };
    ranked.sort_by(|a, b| {
        dist(&a.0)
            .cmp(&dist(&b.0))
            .then(b.1.cmp(&a.1))
            .then(a.0.cmp(&b.0))
    });
    ranked
        .into_iter()
        .take(MAX_CORRECTIONS)
        .map(|(w, _)| w)
        .collect()
}

/// Most documents a correction may be in, of `docs` in the index ([`MAX_CORRECTION_SHARE`]),
/// never fewer than [`MIN_CORRECTION_UNITS`]: a small index still corrects.
fn too_common(docs: u64) -> u64 {
    let share = (docs as f64 * MAX_CORRECTION_SHARE).floor() as u64;
    share.max(MIN_CORRECTION_UNITS)
}

/// The units that hold a word of `lower`'s stems, Kazakh or Russian (the most of the two): the
/// forms of its `kk_stem` stem, summed ([`kk_stem_units`]), and its `ru_stem` stem.
fn stem_units(index: &Store, searcher: &tantivy::Searcher, lower: &str) -> u64 {
    let f = index.fields();
    let kk = kk_stem_units(index, searcher, lower);
    let ru_stem = crate::analysis::russian::stem(lower);
    let ru = searcher
        .doc_freq(&tantivy::Term::from_field_text(f.ru_stem, &ru_stem))
        .unwrap_or(0);
    kk.max(ru)
}

/// The units that hold a form of `lower`'s `kk_stem` stem, summed over its forms (a unit with
/// two forms counts twice); 0 when the Kazakh analyzer makes no single stem of it. The Kazakh
/// fields hold the Russian words of Kazakh units too (a bilingual form's «ЗАЯВЛЕНИЕ»).
pub(crate) fn kk_stem_units(index: &Store, searcher: &tantivy::Searcher, lower: &str) -> u64 {
    let f = index.fields();
    let mut kk = 0u64;
    if let [(_, stem)] = super::compile::analyze_field(index, f.kk_stem, lower).as_slice() {
        let count = |stem: &str| {
            let mut n = 0u64;
            let (lo, hi) = crate::analysis::stem_range(stem);
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
        kk = count(stem);
        // A Russian word the Kazakh stemmer keeps whole is held under its Russian stem.
        if kk == 0 {
            if let Some(ru) = super::compile::russian_stem_of_kazakh_unknown(index, searcher, stem)
            {
                kk = count(&ru);
            }
        }
    }
    kk
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A correction may be in one document in twenty at most, and the smallest index still
    /// corrects to a word in [`MIN_CORRECTION_UNITS`] units.
    #[test]
    fn a_correction_is_never_a_word_that_common() {
        assert_eq!(too_common(181), 9);
        assert_eq!(too_common(100_000), 5_000);
        assert_eq!(too_common(10), MIN_CORRECTION_UNITS);
        assert_eq!(too_common(0), MIN_CORRECTION_UNITS);
    }
}

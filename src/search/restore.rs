//! Restoring Kazakh spelling: a query word typed without Kazakh letters (`туракты`) or in
//! Latin script (`turaqty`) is replaced by the Cyrillic spelling the corpus uses most
//! (`тұрақты`), so it ranks exactly like the properly spelled word. The candidates are the
//! `kk_exact` terms whose folded skeleton ([`fold`]) equals the query word's: an automaton
//! ([`FoldsTo`]) walks the term dictionary and prunes every branch whose skeleton has already
//! left the query's, so no extra field is indexed for this; document frequency picks one.

use crate::analysis::fold::{fold, has_latin};
use crate::index::ZanIndex;
use std::collections::BTreeMap;

/// Letters only Kazakh Cyrillic has: a word with one of them is already spelled properly.
pub fn has_kazakh_letters(w: &str) -> bool {
    w.chars().any(|c| {
        matches!(
            c,
            'ә' | 'ғ'
                | 'қ'
                | 'ң'
                | 'ө'
                | 'ұ'
                | 'ү'
                | 'һ'
                | 'і'
                | 'Ә'
                | 'Ғ'
                | 'Қ'
                | 'Ң'
                | 'Ө'
                | 'Ұ'
                | 'Ү'
                | 'Һ'
                | 'І'
        )
    })
}

/// The spelling `word` stands for, when the corpus spells it with Kazakh letters more often
/// than as typed; `None` when the word is already spelled properly or nothing better is known.
pub fn restore_word(index: &ZanIndex, word: &str) -> Option<String> {
    if has_kazakh_letters(word) || !word.chars().any(char::is_alphabetic) {
        return None;
    }
    let f = index.fields();
    let toks = super::compile::analyze_field(index, f.kk_exact, word);
    let [(_, exact)] = toks.as_slice() else {
        return None;
    };
    let key = fold(exact);
    let mut freq: BTreeMap<String, u64> = BTreeMap::new();
    for seg in index.searcher().segment_readers() {
        let Ok(inv) = seg.inverted_index(f.kk_exact) else {
            continue;
        };
        let Ok(mut stream) = inv.terms().search(FoldsTo::new(&key)).into_stream() else {
            continue;
        };
        while stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            if has_kazakh_letters(term) {
                *freq.entry(term.to_string()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
    }
    // The word as typed counts too (`виза` stays `виза`).
    let own = index
        .searcher()
        .doc_freq(&tantivy::Term::from_field_text(f.kk_exact, exact))
        .unwrap_or(0);
    let (best, n) = freq
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (n > own).then_some(best)
}

/// Accepts the Cyrillic terms whose [`fold`] is exactly `key`.
///
/// The state is the term's prefix. On Cyrillic letters [`fold`] only ever appends (it reads
/// ahead only after Latin letters, for digraphs and apostrophes), so a prefix whose skeleton is
/// not a prefix of `key` cannot lead to a match and its branch is pruned. Terms with Latin
/// letters or apostrophes are not candidates: a word the corpus spells with Kazakh letters is
/// spelled in Cyrillic, and the normalizer has already repaired Latin look-alikes in it.
///
/// ```
/// use tantivy_fst::Automaton;
/// use zanlex::analysis::fold::fold;
/// use zanlex::search::restore::FoldsTo;
/// let a = FoldsTo::new(&fold("туракты"));
/// let run = |w: &str| w.bytes().fold(a.start(), |s, b| a.accept(&s, b));
/// assert!(a.is_match(&run("тұрақты")));
/// assert!(!a.is_match(&run("тұрақ")));
/// assert!(!a.can_match(&run("тұрм")));
/// assert!(!a.can_match(&run("тұрaқты"))); // a Latin `a` inside
/// ```
#[derive(Debug, Clone)]
pub struct FoldsTo {
    key: String,
}

impl FoldsTo {
    /// An automaton for the skeleton `key` (a [`fold`] output).
    pub fn new(key: &str) -> Self {
        FoldsTo {
            key: key.to_string(),
        }
    }
}

/// Whether a term (or a term's beginning) may be a restoration: no Latin letters and no
/// apostrophes, on which [`fold`] would read ahead.
fn is_candidate(t: &str) -> bool {
    !has_latin(t) && !t.contains(['\'', '’', 'ʼ', '`'])
}

impl tantivy_fst::Automaton for FoldsTo {
    type State = Vec<u8>;

    fn start(&self) -> Vec<u8> {
        Vec::new()
    }

    fn is_match(&self, prefix: &Vec<u8>) -> bool {
        std::str::from_utf8(prefix).is_ok_and(|t| is_candidate(t) && fold(t) == self.key)
    }

    fn can_match(&self, prefix: &Vec<u8>) -> bool {
        // A multi-byte letter may be cut in the middle: judge the whole letters only.
        let valid = match std::str::from_utf8(prefix) {
            Ok(_) => prefix.len(),
            Err(e) => e.valid_up_to(),
        };
        std::str::from_utf8(&prefix[..valid])
            .is_ok_and(|t| is_candidate(t) && self.key.starts_with(&fold(t)))
    }

    fn accept(&self, prefix: &Vec<u8>, byte: u8) -> Vec<u8> {
        let mut next = Vec::with_capacity(prefix.len() + 1);
        next.extend_from_slice(prefix);
        next.push(byte);
        next
    }
}

/// Rewrites the words and phrases of a query with restored spellings.
pub fn restore_query(index: &ZanIndex, q: &super::Query) -> super::Query {
    use super::Query;
    let word = |w: &str| restore_word(index, w).unwrap_or_else(|| w.to_string());
    match q {
        Query::Term(w) => Query::Term(word(w)),
        Query::Phrase { text, slop } => Query::Phrase {
            text: text
                .split_whitespace()
                .map(word)
                .collect::<Vec<_>>()
                .join(" "),
            slop: *slop,
        },
        Query::And(v) => Query::And(v.iter().map(|x| restore_query(index, x)).collect()),
        Query::Or(v) => Query::Or(v.iter().map(|x| restore_query(index, x)).collect()),
        Query::Not(x) => Query::Not(Box::new(restore_query(index, x))),
        Query::Filter(_) => q.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy_fst::{IntoStreamer, Streamer};

    /// The automaton finds exactly what filtering every term by its skeleton finds.
    #[test]
    fn folds_to_agrees_with_a_full_scan() {
        let mut words: Vec<&str> = vec![
            "тұрақты",
            "туракты",
            "тұрақтылық",
            "тұру",
            "тұруға",
            "түру",
            "тіркеу",
            "тиркеу",
            "тіркелу",
            "қазақстан",
            "казакстан",
            "қазақстанның",
            "теңге",
            "тенге",
            "кеңес",
            "кенгес",
            "иә",
            "ия",
            "ыя",
            "сыныптау",
            "сiныптау",
            "шығару",
            "шыгару",
            "turaqty",
            "sh'ig'ary",
            "ағылшын",
            "ағылшынша",
            "ғылым",
            "гылым",
            "құқық",
            "кукык",
            "құқығы",
            "қаулы",
            "каули",
            "съезд",
            "сьезд",
            "щит",
            "шит",
            "цех",
            "тсех",
        ];
        words.sort_unstable();
        words.dedup();
        let set =
            tantivy_fst::Map::from_iter(words.iter().map(|w| (w, 0u64))).expect("sorted words");
        for w in &words {
            let key = fold(w);
            let mut found = Vec::new();
            let mut stream = set.search(FoldsTo::new(&key)).into_stream();
            while let Some((t, _)) = stream.next() {
                found.push(String::from_utf8_lossy(t).into_owned());
            }
            let expected: Vec<String> = words
                .iter()
                .filter(|t| !has_latin(t) && !t.contains('\'') && fold(t) == key)
                .map(|t| t.to_string())
                .collect();
            assert_eq!(found, expected, "skeleton of {w}: {key}");
            if !has_latin(w) && !w.contains('\'') {
                assert!(found.iter().any(|t| t == w), "{w} finds itself");
            }
        }
    }
}

//! Restoring Kazakh spelling: a query word typed without Kazakh letters (`туракты`) or in
//! Latin script (`turaqty`) is replaced by the Cyrillic spelling the corpus uses most
//! (`тұрақты`), so it ranks exactly like the properly spelled word. The `restore` field maps
//! each exact token's folded skeleton to the token (`туракти\u{1}тұрақты`, written by the
//! [`crate::analysis::KK_RESTORE`] analyzer at indexing time); the term dictionary's range
//! scan finds the candidates, document frequency picks one.

use crate::analysis::fold::fold;
use crate::index::ZanIndex;
use std::collections::BTreeMap;

/// Separates the folded skeleton from the exact token in a `restore` term.
pub const SEP: char = '\u{1}';

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

/// The corpus's most frequent Kazakh spelling of a word typed without Kazakh letters, if any.
pub fn restore_word(index: &ZanIndex, word: &str) -> Option<String> {
    if has_kazakh_letters(word) || !word.chars().any(char::is_alphabetic) {
        return None;
    }
    let f = index.fields();
    let toks = super::compile::analyze_field(index, f.kk_exact, word);
    let [(_, exact)] = toks.as_slice() else {
        return None;
    };
    let prefix = format!("{}{SEP}", fold(exact));
    let mut end = prefix.clone();
    end.pop();
    end.push('\u{2}');
    let mut freq: BTreeMap<String, u64> = BTreeMap::new();
    for seg in index.searcher().segment_readers() {
        let Ok(inv) = seg.inverted_index(f.restore) else {
            continue;
        };
        let Ok(mut stream) = inv.terms().range().ge(&prefix).lt(&end).into_stream() else {
            continue;
        };
        while stream.advance() {
            let key = String::from_utf8_lossy(stream.key()).into_owned();
            if let Some((_, tok)) = key.split_once(SEP) {
                *freq.entry(tok.to_string()).or_default() += u64::from(stream.value().doc_freq);
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

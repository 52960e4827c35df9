//! Searching across languages through the lexicon learned from the corpus's parallel texts
//! ([`crate::lexicon`]): a query word also finds the provisions written in the other language
//! through its learned translations, so that a Russian query finds a provision the corpus has
//! only in Kazakh, and the reverse. A translation's match ranks below the word's own matches
//! ([`BOOST_CROSS`], under a thesaurus alternative's), and every hit says its language.
//! Thesaurus alternatives are searched as words are, so a group's members carry over to the
//! other language the same way.

use super::boosts::TIE_BREAKER;
use super::dismax::DisMax;
use crate::index::Store;
use crate::lexicon::Lexicon;
use tantivy::query::{BoostQuery, Query as TQuery};

/// Boost of a translation's clause: well below a thesaurus alternative's
/// ([`super::boosts::BOOST_SYNONYM`]), so that a provision matching the query's own words in
/// its own language ranks first even where its words are common and a translation's rare
/// (a low boost, not a strict tier: a translation matched many times may still pass a weak
/// own match).
pub const BOOST_CROSS: f32 = 0.1;

/// The learned translations of a query word: the Kazakh words of its Russian reading and the
/// Russian words of its Kazakh reading (a Cyrillic word may be read as either), strongest
/// first, each once, without the word itself.
pub fn translations(lexicon: &Lexicon, word: &str) -> Vec<String> {
    let lower = crate::text::lowercase(word);
    let mut out: Vec<String> = Vec::new();
    let from_russian = lexicon.kazakh_for(word).into_iter().map(|p| &p.kk_word);
    let from_kazakh = lexicon.russian_for(word).into_iter().map(|p| &p.ru_word);
    for w in from_russian.chain(from_kazakh) {
        if *w != lower && !out.contains(w) {
            out.push(w.clone());
        }
    }
    out
}

/// `own` (a query word's clause) with a clause for each of its translations, made by
/// `translated`, at [`BOOST_CROSS`]: a provision matching either matches the word, scored by
/// the best. `own` alone when the lexicon has no translation (or cannot be read, said in the
/// log).
pub(crate) fn with_translations(
    index: &Store,
    word: &str,
    own: Option<Box<dyn TQuery>>,
    translated: &dyn Fn(&str) -> Option<Box<dyn TQuery>>,
) -> Option<Box<dyn TQuery>> {
    let lexicon = match index.lexicon() {
        Ok(lexicon) => lexicon,
        Err(e) => {
            log::warn!("the lexicon cannot be read ({e}); searching without translations");
            return own;
        }
    };
    let crossing: Vec<Box<dyn TQuery>> = translations(&lexicon, word)
        .iter()
        .filter_map(|t| translated(t))
        .map(|q| Box::new(BoostQuery::new(q, BOOST_CROSS)) as Box<dyn TQuery>)
        .collect();
    if crossing.is_empty() {
        return own;
    }
    let clauses: Vec<Box<dyn TQuery>> = own.into_iter().chain(crossing).collect();
    Some(Box::new(DisMax::new(clauses, TIE_BREAKER)))
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn translations() {
        use crate::lexicon::learn::Learner;
        use crate::search::crosslang::translations;
        let mut learner = Learner::default();
        for _ in 0..2 {
            learner.add_texts("Үкімет шешім қабылдайды", "Правительство принимает решение");
            learner.add_texts("Үкімет бекітеді", "Правительство утверждает");
            learner.add_texts("Шешім күшіне енеді", "Решение вступает в силу");
            learner.add_texts("Әкім өкім шығарады", "Аким издает распоряжение");
        }
        let lexicon = learner.finish();
        assert_eq!(translations(&lexicon, "правительство"), ["үкімет"]);
        assert_eq!(translations(&lexicon, "шешімі"), ["решение"]);
    }
}

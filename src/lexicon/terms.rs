//! The content terms of a unit's text, as the lexicon counts them: each word's stem by the
//! analyzer its language is indexed with (Kazakh: `kk_stem`; Russian: the Snowball stems of
//! `ru_stem`), without stop words, numbers and one- or two-letter words, which carry no term
//! a person would look up in the other language.

use crate::analysis::{analyze, stopwords::is_stop, KK_EXACT, KK_STEM, RU_STEM};
use crate::model::Lang;

/// Russian function words the analyzers keep (they are words a query may need), but which
/// name nothing and co-occur with every Kazakh word of a provision.
const RUSSIAN_FUNCTION_WORDS: &[&str] = &[
    "не",
    "от",
    "его",
    "ее",
    "её",
    "их",
    "они",
    "он",
    "она",
    "оно",
    "это",
    "этот",
    "эта",
    "эти",
    "этого",
    "этой",
    "этих",
    "том",
    "тем",
    "также",
    "который",
    "которая",
    "которое",
    "которые",
    "которого",
    "которой",
    "которых",
    "если",
    "либо",
    "только",
    "так",
    "же",
    "у",
    "под",
    "над",
    "через",
    "после",
    "между",
    "без",
    "все",
    "всех",
    "всем",
    "свой",
    "своих",
    "своего",
    "своей",
    "иной",
    "иных",
    "иного",
    "иные",
    "других",
    "другие",
    "другой",
    "могут",
    "может",
    "быть",
    "является",
    "являются",
    "числе",
    "соответствии",
    "согласно",
    "а",
    "но",
    "ни",
    "ко",
    "мы",
    "вы",
    "им",
    "ею",
    "уже",
];

/// Kazakh function words the stop list keeps (postpositions and particles).
const KAZAKH_FUNCTION_WORDS: &[&str] = &[
    "бойынша",
    "сәйкес",
    "сондай",
    "ақ",
    "басқа",
    "да",
    "де",
    "та",
    "те",
    "не",
    "немесе",
    "мен",
    "бен",
    "пен",
    "және",
    "тиіс",
    "бар",
    "жоқ",
    "болып",
    "болса",
    "болған",
    "болады",
    "табылады",
    "туралы",
    "арқылы",
    "кейін",
    "дейін",
    "қоса",
    "алғанда",
    "осы",
    "сол",
    "бұл",
    "өз",
    "ол",
    "әр",
    "ең",
    "ал",
    "ма",
    "ме",
    "ғана",
    "қана",
    "бір",
    "еш",
];

/// Fewest letters a term's word has: Kazakh has content words of two (үй, ит, ел).
const MIN_LETTERS: usize = 2;

/// The content terms of `text` in `lang`, each as (stem, the word as `kk_exact` writes it:
/// lowercased, look-alike Latin letters repaired), in text order; a word may come more than
/// once.
pub fn content_terms(text: &str, lang: Lang) -> Vec<(String, String)> {
    let analyzer = match lang {
        Lang::Kk => KK_STEM,
        Lang::Ru => RU_STEM,
    };
    let lower = crate::text::lowercase(text);
    // Every analyzer numbers a text's words alike: the exact word is found by position.
    let exact: rustc_hash::FxHashMap<usize, String> = analyze(KK_EXACT, &lower)
        .into_iter()
        .map(|t| (t.position, t.text))
        .collect();
    analyze(analyzer, &lower)
        .into_iter()
        .filter_map(|t| {
            let word = exact.get(&t.position)?.as_str();
            let content = word.chars().count() >= MIN_LETTERS
                && t.text.chars().count() >= MIN_LETTERS
                && word.chars().all(|c| c.is_alphabetic() || c == '-')
                // A number's parts share its word's position: the stem is checked too.
                && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
                && !is_stop(word)
                && !RUSSIAN_FUNCTION_WORDS.contains(&word)
                && !KAZAKH_FUNCTION_WORDS.contains(&word);
            content.then(|| (t.text, word.to_string()))
        })
        .collect()
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn content_terms() {
        use crate::lexicon::terms::content_terms;
        use crate::Lang;
        let kk: Vec<String> = content_terms("Үкімет 2024 жылы осы шешімді қабылдайды", Lang::Kk)
            .into_iter()
            .map(|(stem, _)| stem)
            .collect();
        assert!(kk.contains(&"үкімет".to_string()) && kk.contains(&"шешім".to_string()));
        assert!(!kk.iter().any(|t| t.contains("2024") || t == "осы"));
        let ru = content_terms("Правительство принимает решение", Lang::Ru);
        assert_eq!(
            ru[0],
            ("правительств".to_string(), "правительство".to_string())
        );
    }
}

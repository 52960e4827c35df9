//! Stop words for the `stem` and `loose` fields (never for `exact`).
//!
//! The list is short on purpose: in legal text many "stop words" of general-purpose lists carry
//! meaning — `емес` (not), `жоқ` (absent), `бар` (present), `дейін` (until), `кейін` (after),
//! `бойынша` (under, according to), `тиіс` (must), `қосымша` (annex) — and stay searchable.
//! What is dropped are conjunctions, particles, demonstratives and postpositions whose presence
//! does not change what a provision says about its subject. A dropped word still consumes its
//! position (the stop filter removes the token without renumbering), so a phrase query cannot
//! match across the gap it leaves.

/// Kazakh function words dropped from `stem`/`loose`.
pub const KAZAKH: &[&str] = &[
    "және",
    "мен",
    "бен",
    "пен",
    "да",
    "де",
    "та",
    "те",
    "ал",
    "бірақ",
    "немесе",
    "әрі",
    "яғни",
    "ғана",
    "қана",
    "ма",
    "ме",
    "ба",
    "бе",
    "па",
    "пе",
    "ғой",
    "осы",
    "сол",
    "бұл",
    "ол",
    "олар",
    "оның",
    "олардың",
    "оны",
    "оған",
    "осының",
    "соның",
    "деп",
    "еді",
    "екен",
    "сияқты",
    "тәрізді",
    "үшін",
];

/// Russian function words (the bilingual forms), dropped the same way. `не` (negation) stays.
pub const RUSSIAN: &[&str] = &[
    "и", "в", "во", "на", "с", "со", "по", "для", "или", "при", "до", "за", "к", "о", "об", "из",
    "а", "же", "ли", "бы", "то", "как", "что",
];

/// True when a normalized (lowercased) token is a stop word.
pub fn is_stop(word: &str) -> bool {
    use std::sync::OnceLock;
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    // Stop words are short: skip the lookup for long tokens.
    word.len() <= 16
        && SET
            .get_or_init(|| KAZAKH.iter().chain(RUSSIAN).copied().collect())
            .contains(word)
}

/// True when a folded token is the fold of a stop word (for `loose`, where queries arrive in
/// Latin or without Kazakh letters).
pub fn is_folded_stop(folded: &str) -> bool {
    use std::sync::OnceLock;
    static SET: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        KAZAKH
            .iter()
            .chain(RUSSIAN)
            .map(|w| super::fold::fold(w))
            .collect()
    })
    .contains(folded)
}

#[cfg(test)]
mod tests {
    #[test]
    fn legal_words_stay() {
        for w in [
            "емес",
            "жоқ",
            "бар",
            "дейін",
            "кейін",
            "бойынша",
            "тиіс",
            "не",
        ] {
            assert!(!super::is_stop(w), "{w}");
        }
        assert!(super::is_stop("және"));
        assert!(super::is_folded_stop(&super::super::fold::fold("jane")));
    }

    /// The stem filter drops stop words from its cache of words, which holds only tokens with
    /// a letter that do not start like a number: every stop word must be such a token.
    #[test]
    fn stop_words_are_cached_words() {
        for w in super::KAZAKH.iter().chain(super::RUSSIAN) {
            assert!(w.chars().any(super::super::normalize::is_letter), "{w}");
            assert!(
                !w.starts_with(|c: char| c.is_ascii_digit() || c == '№'),
                "{w}"
            );
        }
    }
}

//! Russian words inside Kazakh acts (the bilingual forms: `Тегі/Фамилия`, `Область / Город
//! республиканского значения`) get Russian Snowball stemming instead of the Kazakh stemmer.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

const KAZAKH_LETTERS: &[char] = &['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'];

/// Endings that Kazakh words (native or inflected loans) do not have.
const RUSSIAN_ENDINGS: &[&str] = &[
    "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ыми", "ими", "ых",
    "их", "ость", "ости", "ение", "ения", "ении", "ание", "ания", "ании", "ться", "тся", "ами",
    "ями", "ов", "ев",
];

/// How sure we are that a lowercased Cyrillic word is Russian.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    /// Has a Kazakh-only letter, or nothing marks it Russian.
    Kazakh,
    /// Has a Russian-only letter (ь ъ ё щ э) or a Russian-only ending.
    Russian,
    /// Neither: Russian only next to a Russian word.
    Unmarked,
}

/// Classifies a lowercased word by its letters and ending.
pub fn classify(word: &str) -> Lang {
    if word.chars().any(|c| KAZAKH_LETTERS.contains(&c)) {
        return Lang::Kazakh;
    }
    if !word.chars().all(|c| matches!(c, 'а'..='я' | 'ё' | '-')) {
        return Lang::Kazakh;
    }
    if word
        .chars()
        .any(|c| matches!(c, 'ь' | 'ъ' | 'ё' | 'щ' | 'э'))
    {
        return Lang::Russian;
    }
    let n = word.chars().count();
    if n >= 4 && RUSSIAN_ENDINGS.iter().any(|e| word.ends_with(e)) {
        return Lang::Russian;
    }
    Lang::Unmarked
}

/// Russian Snowball stem of a lowercased word.
///
/// ```
/// assert_eq!(zanlex_analysis::russian::stem("национальность"), "национальн");
/// ```
pub fn stem(word: &str) -> String {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::Russian))
        .stem(word)
        .into_owned()
}

/// Stems every Cyrillic token of the tokenizer it wraps with Russian Snowball (`ё` read as
/// `е`): the analyzer of the Russian expressions' own field ([`crate::RU_STEM`]),
/// where every word is Russian, whatever its letters say. Numbers and Latin words pass as
/// they are.
#[derive(Clone, Copy, Debug, Default)]
pub struct RussianStem;

impl tantivy::tokenizer::TokenFilter for RussianStem {
    type Tokenizer<T: tantivy::tokenizer::Tokenizer> = RussianStemFilter<T>;

    fn transform<T: tantivy::tokenizer::Tokenizer>(self, tokenizer: T) -> RussianStemFilter<T> {
        RussianStemFilter { inner: tokenizer }
    }
}

/// The tokenizer [`RussianStem`] makes of another.
#[derive(Clone, Debug)]
pub struct RussianStemFilter<T> {
    inner: T,
}

impl<T: tantivy::tokenizer::Tokenizer> tantivy::tokenizer::Tokenizer for RussianStemFilter<T> {
    type TokenStream<'a> = RussianStemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        RussianStemStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`RussianStemFilter`].
pub struct RussianStemStream<T> {
    tail: T,
}

impl<T: tantivy::tokenizer::TokenStream> tantivy::tokenizer::TokenStream for RussianStemStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if token.text.chars().any(|c| matches!(c, 'а'..='я' | 'ё')) {
            token.text = stem(&token.text.replace('ё', "е"));
        }
        true
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        self.tail.token_mut()
    }
}

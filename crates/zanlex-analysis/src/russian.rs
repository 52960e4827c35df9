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

/// Russian Snowball stem of a lowercased word, with a fleeting vowel before a final `к`
/// dropped ([`join_fleeting_vowel`]).
///
/// ```
/// use zanlex_analysis::russian::stem;
/// assert_eq!(stem("национальность"), "национальн");
/// assert_eq!(stem("игрушек"), stem("игрушки"));
/// assert_eq!(stem("участок"), stem("участка"));
/// ```
pub fn stem(word: &str) -> String {
    static S: OnceLock<Stemmer> = OnceLock::new();
    let s = S
        .get_or_init(|| Stemmer::create(Algorithm::Russian))
        .stem(word);
    join_fleeting_vowel(&s).unwrap_or_else(|| s.into_owned())
}

/// Stems that end like a fleeting-vowel form but keep their vowel in every form, and whose
/// stem without it is another word's: «жестокий» (cruel) is not «жесткий» (rigid).
const KEEPS_VOWEL: &[&str] = &["жесток"];

/// The stem of a Snowball stem that ends in a fleeting vowel before `к`, or `None`.
///
/// Snowball strips endings but not the vowel that appears between two consonants when the
/// ending is zero: «игрушек» (genitive plural) keeps `игрушек` while «игрушки», «игрушкой»
/// give `игрушк`; «участок», «порядок», «список» (nominative) keep their `о` while «участка»,
/// «порядке», «списки» lose it. So a question's «игрушки» missed a law's «игрушек». The vowel
/// is dropped from every stem of that shape, so the forms of a word that never loses it
/// («урок», «урока», «человек», «человека») still share one stem among themselves; only a
/// stem without the vowel that is another word's would be joined wrongly, and those are in
/// a short list kept with this function. The shapes, checked on the Russian texts of the acts
/// (every stem they joined is one word's):
/// - a consonant, `ок`: «ошибок», «сделок», «палаток», «участок», «порядок», «рынок»;
/// - `ж`, `ш`, `ч` or `щ`, `ек`: «игрушек», «девушек», «застежек», «точек»;
/// - a vowel, `ек`, where the vowel stands for `й`: «построек», «копеек».
///
/// The stem before the vowel needs a vowel of its own and a consonant at its end («срок»,
/// «сок», «век» keep theirs); `ек` after other consonants keeps its vowel («аптек», «опек»,
/// «человек»: mostly not fleeting).
///
/// ```
/// use zanlex_analysis::russian::join_fleeting_vowel;
/// assert_eq!(join_fleeting_vowel("игрушек").as_deref(), Some("игрушк"));
/// assert_eq!(join_fleeting_vowel("построек").as_deref(), Some("постройк"));
/// assert_eq!(join_fleeting_vowel("срок"), None);
/// assert_eq!(join_fleeting_vowel("аптек"), None);
/// ```
pub fn join_fleeting_vowel(stem: &str) -> Option<String> {
    const VOWELS: &[char] = &['а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я'];
    let head = stem.strip_suffix('к')?;
    let (before, vowel) = match head.strip_suffix('о') {
        Some(b) => (b, 'о'),
        None => (
            head.strip_suffix('е').or_else(|| head.strip_suffix('ё'))?,
            'е',
        ),
    };
    let last = before.chars().next_back()?;
    let rest = &before[..before.len() - last.len_utf8()];
    if !rest.contains(VOWELS) || KEEPS_VOWEL.contains(&stem) {
        return None;
    }
    let consonant = !VOWELS.contains(&last) && !matches!(last, 'й' | 'ь' | 'ъ');
    if vowel == 'о' && consonant || vowel == 'е' && matches!(last, 'ж' | 'ш' | 'ч' | 'щ') {
        Some(format!("{before}к"))
    } else if vowel == 'е' && matches!(last, 'а' | 'е' | 'о' | 'у' | 'я') {
        Some(format!("{before}йк"))
    } else {
        None
    }
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

#[cfg(test)]
mod tests {
    use super::stem;

    /// A zero-ending form with its fleeting vowel has the stem of the word's other forms:
    /// genitive plurals of feminines in «-ка» and nominatives of masculines in «-ок», all
    /// spelled so in the acts.
    #[test]
    fn fleeting_vowel_forms_share_the_stem_of_the_other_forms() {
        for (zero, other) in [
            ("игрушек", "игрушки"),
            ("игрушек", "игрушкой"),
            ("сосок", "соски"),
            ("палаток", "палатки"),
            ("рогаток", "рогатка"),
            ("девушек", "девушка"),
            ("ошибок", "ошибки"),
            ("сделок", "сделку"),
            ("справок", "справка"),
            ("закупок", "закупках"),
            ("проверок", "проверке"),
            ("построек", "постройки"),
            ("участок", "участка"),
            ("порядок", "порядке"),
            ("список", "списком"),
            ("рынок", "рынке"),
            ("суток", "сутками"),
        ] {
            assert_eq!(stem(zero), stem(other), "{zero} / {other}");
        }
    }

    /// Words that keep their vowel keep one stem of their own, apart from the words their
    /// stem without the vowel would name.
    #[test]
    fn words_that_keep_their_vowel_stay_apart() {
        for (a, b) in [
            ("урок", "урока"),
            ("срок", "сроки"),
            ("человек", "человека"),
            ("порок", "пороки"),
            ("аптек", "аптека"),
            ("опеки", "опек"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("жестокого"), stem("жесткого"));
        assert_ne!(stem("человек"), stem("чек"));
        assert_eq!(stem("срок"), "срок");
    }
}

//! Kazakh analysis: normalizer, tokenizer, stemmer and folding as tantivy analyzers.
//!
//! Three analyzers share one tokenizer ([`tokenizer::KkTokenizer`]), so a word has the same
//! position in every field and phrase queries agree across fields:
//! - [`KK_EXACT`]: NFC, look-alike repair, Kazakh lowercase, legal numbers whole and by parts;
//! - [`KK_STEM`]: `exact` without stop words, Kazakh words stemmed ([`stem`]), Russian words
//!   Snowball-stemmed ([`russian`]);
//! - [`KK_LOOSE`]: like `stem`, but every word folded first to the Russian-keyboard/Latin
//!   skeleton ([`fold`]) and stemmed in that skeleton, so `turaqty turu`, `туракты туру` and
//!   `тұрақты тұруға` give the same tokens.
//!
//! Offsets of every token are byte offsets into the original text. A dropped stop word keeps its
//! position (positions are not renumbered), so `A және B` has `A` at 0 and `B` at 2 in `stem`,
//! exactly as in `exact`: the phrase `A B` does not match across the dropped word, the phrase
//! `A және B` matches in every field.
//!
//! ```
//! use zanlex::analysis::{analyze, KK_LOOSE};
//! let a: Vec<String> = analyze(KK_LOOSE, "тұрақты тұруға").into_iter().map(|t| t.text).collect();
//! let b: Vec<String> = analyze(KK_LOOSE, "turaqty turu").into_iter().map(|t| t.text).collect();
//! assert_eq!(a, b);
//! ```

pub mod fold;
pub mod normalize;
pub mod russian;
pub mod stem;
pub mod stopwords;
pub mod tokenizer;

use russian::Lang;
use rustc_hash::FxHashMap;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// Kazakh month names in calendar order (`қаңтар` = January). Dates in acts are written with
/// them (`2016 жылғы 24 қарашадағы`); the stemmer keeps them whole and the header parser reads them.
pub const KK_MONTHS: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

/// Name of the exact analyzer (normalize, lowercase, legal numbers kept whole).
pub const KK_EXACT: &str = "kk_exact";
/// Name of the stemming analyzer.
pub const KK_STEM: &str = "kk_stem";
/// Name of the keyboard/script-folding analyzer.
pub const KK_LOOSE: &str = "kk_loose";

/// All analyzer names, for listing in the CLI.
pub const ANALYZERS: [&str; 3] = [KK_EXACT, KK_STEM, KK_LOOSE];

/// Registers zanlex's analyzers on an index. Call it every time an index is opened or created:
/// tantivy does not store custom tokenizers.
pub fn register_analyzers(index: &tantivy::Index) {
    for name in ANALYZERS {
        if let Some(a) = analyzer(name) {
            index.tokenizers().register(name, a);
        }
    }
}

/// Builds the analyzer called `name` (`kk_exact`, `kk_stem`, `kk_loose`); `None` for others.
pub fn analyzer(name: &str) -> Option<TextAnalyzer> {
    let tok = tokenizer::KkTokenizer::default();
    Some(match name {
        KK_EXACT => TextAnalyzer::builder(tok).build(),
        KK_STEM => TextAnalyzer::builder(tok)
            .filter(KkStopFilter)
            .filter(KkStemFilter { loose: false })
            .build(),
        KK_LOOSE => TextAnalyzer::builder(tok)
            .filter(KkStopFilter)
            .filter(KkStemFilter { loose: true })
            .build(),
        _ => return None,
    })
}

/// One token as an analyzer produced it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AnalyzedToken {
    /// The term as indexed.
    pub text: String,
    /// Word position (shared by all analyzers; parts of a legal number share one).
    pub position: usize,
    /// Start byte offset in the original text.
    pub offset_from: usize,
    /// End byte offset in the original text.
    pub offset_to: usize,
}

/// Runs analyzer `name` over `text`; empty for an unknown analyzer (check with [`analyzer`]).
pub fn analyze(name: &str, text: &str) -> Vec<AnalyzedToken> {
    let Some(mut a) = analyzer(name) else {
        return Vec::new();
    };
    let mut stream = a.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push(AnalyzedToken {
            text: t.text.clone(),
            position: t.position,
            offset_from: t.offset_from,
            offset_to: t.offset_to,
        });
    }
    out
}

fn is_numberish(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit() || c == '№')
}

/// Drops stop words ([`stopwords`]) without renumbering positions. Numbers are never dropped.
#[derive(Clone)]
pub struct KkStopFilter;

/// Tokenizer wrapped by [`KkStopFilter`].
#[derive(Clone)]
pub struct KkStopTokenizer<T> {
    inner: T,
}

/// Token stream of [`KkStopFilter`].
pub struct KkStopStream<S> {
    tail: S,
}

impl TokenFilter for KkStopFilter {
    type Tokenizer<T: Tokenizer> = KkStopTokenizer<T>;
    fn transform<T: Tokenizer>(self, inner: T) -> KkStopTokenizer<T> {
        KkStopTokenizer { inner }
    }
}

impl<T: Tokenizer> Tokenizer for KkStopTokenizer<T> {
    type TokenStream<'a> = KkStopStream<T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        KkStopStream {
            tail: self.inner.token_stream(text),
        }
    }
}

impl<S: TokenStream> TokenStream for KkStopStream<S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let t = &self.tail.token().text;
            if !stopwords::is_stop(t) {
                return true;
            }
        }
        false
    }
    fn token(&self) -> &Token {
        self.tail.token()
    }
    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Stems Kazakh words, Snowball-stems Russian ones; with `loose`, folds to the skeleton first
/// (and drops folded stop words, since loose queries arrive in Latin or without Kazakh letters).
#[derive(Clone)]
pub struct KkStemFilter {
    /// Fold to the keyboard/script skeleton before stemming.
    pub loose: bool,
}

/// Tokenizer wrapped by [`KkStemFilter`]; its stems come from the per-thread cache
/// ([`STEM_CACHE_MAX`]).
#[derive(Clone)]
pub struct KkStemTokenizer<T> {
    inner: T,
    loose: bool,
}

/// Token stream of [`KkStemFilter`].
pub struct KkStemStream<S> {
    tail: S,
    loose: bool,
    prev_russian: bool,
}

impl TokenFilter for KkStemFilter {
    type Tokenizer<T: Tokenizer> = KkStemTokenizer<T>;
    fn transform<T: Tokenizer>(self, inner: T) -> KkStemTokenizer<T> {
        KkStemTokenizer {
            inner,
            loose: self.loose,
        }
    }
}

impl<T: Tokenizer> Tokenizer for KkStemTokenizer<T> {
    type TokenStream<'a> = KkStemStream<T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        KkStemStream {
            tail: self.inner.token_stream(text),
            loose: self.loose,
            prev_russian: false,
        }
    }
}

/// Most words each per-thread cache (stem, loose) holds before it is emptied:
/// about 14 MB a cache at its fullest, so a few tens of MB per indexing thread.
pub const STEM_CACHE_MAX: usize = 100_000;

thread_local! {
    /// What [`KkStemFilter`] computed for the words seen on this thread: `[0]` for `stem`,
    /// `[1]` for `loose`. Shared by every analyzer instance, because tantivy clones the
    /// analyzers for each segment writer and the snippet builder makes fresh ones, and a
    /// per-instance cache started empty each time.
    static STEM_CACHE: std::cell::RefCell<[FxHashMap<String, Cached>; 2]> =
        std::cell::RefCell::new([FxHashMap::default(), FxHashMap::default()]);
}

/// What the stem filter remembers of a word: its language by letters and its Kazakh result.
#[derive(Clone)]
pub struct Cached {
    lang: Lang,
    /// Kazakh stem (`stem`) or folded stem (`loose`); empty for a folded stop word.
    out: String,
}

fn compute(word: &str, loose: bool) -> Cached {
    let latin = fold::has_latin(word);
    let lang = if latin {
        Lang::Kazakh
    } else {
        russian::classify(word)
    };
    let out = if loose {
        let f = fold::fold(word);
        if stopwords::is_folded_stop(&f) {
            String::new()
        } else {
            stem::stem_folded(&f)
        }
    } else if latin {
        word.to_string()
    } else {
        stem::stem(word)
    };
    Cached { lang, out }
}

/// Replaces `text` by its stem in place (reusing its buffer); false when it is to be dropped
/// (a folded stop word in `loose`).
fn stem_in_place(loose: bool, prev_russian: &mut bool, text: &mut String) -> bool {
    STEM_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        stem_with_cache(&mut c[usize::from(loose)], loose, prev_russian, text)
    })
}

/// Remembers `entry` for `word` (the cache is emptied first when full).
fn remember(cache: &mut FxHashMap<String, Cached>, word: String, entry: Cached) {
    if cache.len() >= STEM_CACHE_MAX {
        cache.clear();
    }
    cache.insert(word, entry);
}

/// Rewrites `text` by its cached entry `c`; false when the token is to be dropped.
fn apply(c: &Cached, loose: bool, prev_russian: &mut bool, text: &mut String) -> bool {
    let is_russian = c.lang == Lang::Russian || (c.lang == Lang::Unmarked && *prev_russian);
    *prev_russian = is_russian;
    if is_russian {
        let s = russian::stem(text);
        *text = if loose { fold::fold(&s) } else { s };
        return true;
    }
    if c.out.is_empty() {
        return false;
    }
    text.clear();
    text.push_str(&c.out);
    true
}

/// Stems `text` in place through `cache`. A hit costs one hash and no allocation; a miss
/// computes the entry ([`compute`]) and stores it under a copy of the word.
fn stem_with_cache(
    cache: &mut FxHashMap<String, Cached>,
    loose: bool,
    prev_russian: &mut bool,
    text: &mut String,
) -> bool {
    if is_numberish(text) {
        // `14-бабы` → `14-бап`; plain numbers unchanged.
        let Some((head, word)) = text.rsplit_once('-') else {
            return true;
        };
        if word.is_empty() || !word.chars().all(normalize::is_letter) {
            return true;
        }
        let keep = head.len() + 1;
        match cache.get(word) {
            Some(c) => {
                text.truncate(keep);
                text.push_str(&c.out);
            }
            None => {
                let word = word.to_string();
                let c = compute(&word, loose);
                text.truncate(keep);
                text.push_str(&c.out);
                remember(cache, word, c);
            }
        }
        return true;
    }
    if !text.chars().any(normalize::is_letter) {
        return true;
    }
    match cache.get(text.as_str()) {
        Some(c) => apply(c, loose, prev_russian, text),
        None => {
            let word = text.clone();
            let c = compute(&word, loose);
            let keep = apply(&c, loose, prev_russian, text);
            remember(cache, word, c);
            keep
        }
    }
}

impl<S: TokenStream> TokenStream for KkStemStream<S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let tok = self.tail.token_mut();
            if stem_in_place(self.loose, &mut self.prev_russian, &mut tok.text) {
                return true;
            }
        }
        false
    }
    fn token(&self) -> &Token {
        self.tail.token()
    }
    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

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
/// Name of the analyzer of the `kk_loose` field: the `kk_loose` tokens that the `kk_stem` token
/// at the same place does not give by folding ([`Writes::LooseRest`]).
pub const KK_LOOSE_REST: &str = "kk_loose_rest";

/// All analyzer names, for listing in the CLI.
pub const ANALYZERS: [&str; 4] = [KK_EXACT, KK_STEM, KK_LOOSE, KK_LOOSE_REST];

/// Registers zanlex's analyzers on an index. Call it every time an index is opened or created:
/// tantivy does not store custom tokenizers.
pub fn register_analyzers(index: &tantivy::Index) {
    for name in ANALYZERS {
        if let Some(a) = analyzer(name) {
            index.tokenizers().register(name, a);
        }
    }
}

/// Builds the analyzer called `name` (`kk_exact`, `kk_stem`, `kk_loose`, `kk_loose_rest`);
/// `None` for others.
pub fn analyzer(name: &str) -> Option<TextAnalyzer> {
    let tok = tokenizer::KkTokenizer::default();
    Some(match name {
        KK_EXACT => TextAnalyzer::builder(tok).build(),
        // The stem filter drops stop words itself, answering from its word cache instead of
        // a separate stop filter's hash lookup per token.
        KK_STEM => TextAnalyzer::builder(tok)
            .filter(KkStemFilter {
                writes: Writes::Stems,
            })
            .build(),
        KK_LOOSE => TextAnalyzer::builder(tok)
            .filter(KkStemFilter {
                writes: Writes::LooseForms,
            })
            .build(),
        KK_LOOSE_REST => TextAnalyzer::builder(tok)
            .filter(KkStemFilter {
                writes: Writes::LooseRest,
            })
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

/// Whether `s` is a word of Cyrillic letters only.
pub fn is_cyrillic_word(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| ('\u{400}'..='\u{4FF}').contains(&c) && c.is_alphabetic())
}

fn is_numberish(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit() || c == '№')
}

/// Drops stop words ([`stopwords`]; positions kept, numbers never dropped), stems Kazakh
/// words, Snowball-stems Russian ones, and writes what [`Writes`] says.
#[derive(Clone)]
pub struct KkStemFilter {
    pub writes: Writes,
}

/// What [`KkStemFilter`] writes for a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writes {
    /// Its stem (`kk_stem`).
    Stems,
    /// Its stem in the keyboard/script skeleton (`kk_loose`): the word folded first, then
    /// stemmed, folded stop words dropped too, since loose queries arrive in Latin or without
    /// Kazakh letters.
    LooseForms,
    /// Only the loose forms a search cannot find through the word's stem (`kk_loose_rest`):
    /// those that are not the fold of the `kk_stem` token at their place, and those with other
    /// than Cyrillic letters (numbers, Latin). The others are found by looking up, in
    /// `kk_stem`'s terms, the stems that fold to the loose form (`search::compile`).
    LooseRest,
}

impl Writes {
    fn folds(self) -> bool {
        self != Writes::Stems
    }
}

/// Tokenizer wrapped by [`KkStemFilter`]; its stems come from the per-thread cache
/// ([`STEM_CACHE_MAX`]).
#[derive(Clone)]
pub struct KkStemTokenizer<T> {
    inner: T,
    writes: Writes,
}

/// Token stream of [`KkStemFilter`].
pub struct KkStemStream<S> {
    tail: S,
    writes: Writes,
    prev_russian: bool,
}

impl TokenFilter for KkStemFilter {
    type Tokenizer<T: Tokenizer> = KkStemTokenizer<T>;
    fn transform<T: Tokenizer>(self, inner: T) -> KkStemTokenizer<T> {
        KkStemTokenizer {
            inner,
            writes: self.writes,
        }
    }
}

impl<T: Tokenizer> Tokenizer for KkStemTokenizer<T> {
    type TokenStream<'a> = KkStemStream<T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        KkStemStream {
            tail: self.inner.token_stream(text),
            writes: self.writes,
            prev_russian: false,
        }
    }
}

/// Most words the per-thread cache holds before it is emptied (about 20 MB at its fullest).
/// The cache shared by the threads (`SHARED`) holds at most as many.
pub const STEM_CACHE_MAX: usize = 100_000;

/// What the stem filter knows of a word, for both fields: its language by letters, its Kazakh
/// stem and its folded stem. The `stem` and `loose` fields hold the same texts, so a word seen
/// in one is about to be seen in the other: one entry computed once serves both.
#[derive(Clone)]
struct Entry {
    /// A stop word ([`stopwords::is_stop`]): dropped, and not a word for `prev_russian`.
    stop: bool,
    lang: Lang,
    /// Kazakh stem (`stem`): the word itself when it has Latin letters.
    stem: Box<str>,
    /// Folded stem (`loose`); empty for a folded stop word.
    loose: Box<str>,
    /// `loose` is the fold of `stem`, and `stem` all Cyrillic letters: a loose search finds
    /// the word through its stem ([`Writes::LooseRest`]).
    canonical: bool,
    /// Russian stem and its fold, computed on first need (Russian words, and unmarked words
    /// after a Russian one); only in the per-thread cache. Boxed: most words never need it,
    /// and a key with a smaller entry fits the cache's 64-byte slot (the lookups are
    /// memory-bound).
    ru: Option<Box<(Box<str>, Box<str>)>>,
}

impl Entry {
    /// The Kazakh result for the field: folded stem (`loose`) or stem.
    fn kazakh(&self, loose: bool) -> &str {
        if loose {
            &self.loose
        } else {
            &self.stem
        }
    }
}

type Cache = FxHashMap<Box<str>, Entry>;

thread_local! {
    /// The entries of the words seen on this thread. Shared by every analyzer instance,
    /// because tantivy clones the analyzers for each segment writer and the snippet builder
    /// makes fresh ones, and a per-instance cache started empty each time.
    static STEM_CACHE: std::cell::RefCell<Cache> = std::cell::RefCell::new(Cache::default());
}

/// Shards of [`SHARED`], picked by the word's hash.
const SHARDS: usize = 8;

/// The entries every thread computed: a word new to one indexing thread may have been stemmed
/// by the other already (computing entries is most of the stem filter's cost). Looked up only
/// on a miss of the per-thread cache, so locks are rare.
static SHARED: [std::sync::Mutex<Cache>; SHARDS] = [const {
    std::sync::Mutex::new(std::collections::HashMap::with_hasher(
        rustc_hash::FxBuildHasher,
    ))
}; SHARDS];

fn compute(word: &str) -> Entry {
    let latin = fold::has_latin(word);
    let lang = if latin {
        Lang::Kazakh
    } else {
        russian::classify(word)
    };
    let stem: Box<str> = if latin {
        word.into()
    } else {
        stem::stem(word).into()
    };
    let f = fold::fold(word);
    let loose: Box<str> = if stopwords::is_folded_stop(&f) {
        Box::default()
    } else {
        stem::stem_folded(&f).into()
    };
    let canonical = !loose.is_empty() && is_cyrillic_word(&stem) && *loose == fold::fold(&stem);
    Entry {
        stop: stopwords::is_stop(word),
        lang,
        stem,
        loose,
        canonical,
        ru: None,
    }
}

/// The entry of `word` from the shared cache, computed (and shared) when absent.
fn shared_entry(word: &str) -> Entry {
    use std::hash::BuildHasher;
    let shard = &SHARED[rustc_hash::FxBuildHasher.hash_one(word) as usize % SHARDS];
    let lock = || {
        shard
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    if let Some(e) = lock().get(word) {
        return e.clone();
    }
    let e = compute(word);
    let mut m = lock();
    if m.len() >= STEM_CACHE_MAX / SHARDS {
        m.clear();
    }
    m.insert(word.into(), e.clone());
    e
}

/// Replaces `text` by its stem in place (reusing its buffer); false when it is to be dropped
/// (a stop word, or a folded stop word in `loose`).
fn stem_in_place(writes: Writes, prev_russian: &mut bool, text: &mut String) -> bool {
    STEM_CACHE.with(|c| stem_with_cache(&mut c.borrow_mut(), writes, prev_russian, text))
}

/// Runs `f` on the entry of `word`: from the per-thread cache, else from the shared one
/// (and remembered on this thread; the cache is emptied first when full).
fn with_entry<R>(cache: &mut Cache, word: &str, f: impl FnOnce(&mut Entry) -> R) -> R {
    if let Some(e) = cache.get_mut(word) {
        return f(e);
    }
    let mut e = shared_entry(word);
    let r = f(&mut e);
    if cache.len() >= STEM_CACHE_MAX {
        cache.clear();
    }
    cache.insert(word.into(), e);
    r
}

/// Rewrites `text` by its entry `e`; false when the token is to be dropped.
fn apply(e: &mut Entry, writes: Writes, prev_russian: &mut bool, text: &mut String) -> bool {
    if e.stop {
        // Dropped without touching `prev_russian`, as a separate stop filter in front did.
        return false;
    }
    let is_russian = e.lang == Lang::Russian || (e.lang == Lang::Unmarked && *prev_russian);
    *prev_russian = is_russian;
    let out = if is_russian {
        let (s, l) = &**e.ru.get_or_insert_with(|| {
            let s = russian::stem(text);
            let l = fold::fold(&s);
            Box::new((s.into(), l.into()))
        });
        match writes {
            Writes::Stems => s,
            Writes::LooseForms => l,
            // The loose form is the stem's fold: found through the stem, unless the stem has
            // other than Cyrillic letters.
            Writes::LooseRest if is_cyrillic_word(s) => return false,
            Writes::LooseRest => l,
        }
    } else {
        if writes == Writes::LooseRest && e.canonical {
            return false;
        }
        let out = e.kazakh(writes.folds());
        if out.is_empty() {
            return false;
        }
        out
    };
    text.clear();
    text.push_str(out);
    true
}

/// Stems `text` in place through `cache`. A hit costs one hash and no allocation; a miss
/// takes the entry from the shared cache or computes it ([`compute`]).
fn stem_with_cache(
    cache: &mut Cache,
    writes: Writes,
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
        if let Some(e) = cache.get(word) {
            let out = e.kazakh(writes.folds());
            text.truncate(keep);
            text.push_str(out);
            return true;
        }
        let word = word.to_string();
        with_entry(cache, &word, |e| {
            text.truncate(keep);
            text.push_str(e.kazakh(writes.folds()));
        });
        return true;
    }
    if let Some(e) = cache.get_mut(text.as_str()) {
        // Only words with a letter are cached.
        return apply(e, writes, prev_russian, text);
    }
    if !text.chars().any(normalize::is_letter) {
        return true;
    }
    let word = text.clone();
    with_entry(cache, &word, |e| apply(e, writes, prev_russian, text))
}

impl<S: TokenStream> TokenStream for KkStemStream<S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let tok = self.tail.token_mut();
            if stem_in_place(self.writes, &mut self.prev_russian, &mut tok.text) {
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

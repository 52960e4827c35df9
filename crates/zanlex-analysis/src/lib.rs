//! Kazakh and Russian text analysis for [tantivy]: a normalizer, a tokenizer that keeps legal
//! numbers whole, a Kazakh stemmer that respects vowel harmony and stem alternations, Russian
//! Snowball stemming, and folding to a keyboard/script skeleton, registered as tantivy
//! analyzers ([`register_analyzers`]). Nothing else in tantivy, Lucene or Snowball analyzes
//! Kazakh; this crate depends on nothing of zanlex, so anyone indexing Kazakh with tantivy can
//! use it.
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
//! use zanlex_analysis::{analyze, KK_LOOSE};
//! let a: Vec<String> = analyze(KK_LOOSE, "тұрақты тұруға").into_iter().map(|t| t.text).collect();
//! let b: Vec<String> = analyze(KK_LOOSE, "turaqty turu").into_iter().map(|t| t.text).collect();
//! assert_eq!(a, b);
//! ```
//!
//! [tantivy]: https://docs.rs/tantivy

#![warn(missing_docs)]

pub mod fold;
pub mod normalize;
pub mod numerals;
pub mod russian;
pub mod stem;
pub mod stopwords;
pub mod tokenizer;
pub mod verb;
mod word_cache;

/// The scaffold of property tests (feature `testing`): not part of the supported API.
#[cfg(any(test, feature = "testing"))]
#[doc(hidden)]
pub mod property;

use russian::Lang;
use rustc_hash::FxHashMap;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};
use word_cache::{EntryRef, WordCache};

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

/// Name of the analyzer of the `kk_exact` field: the exact tokens that `kk_stem` does not
/// write, stop words ([`Writes::ExactRest`]).
pub const KK_EXACT_REST: &str = "kk_exact_rest";
/// Name of the analyzer of the `kk_stem` field: each word as its stem and its exact form in one
/// term ([`form_term`], [`Writes::MarkedStems`]).
pub const KK_STEM_MARKED: &str = "kk_stem_marked";

/// Follows a `kk_stem` term's stem where the word at that place is its own stem (`бап` as
/// written): `бап\u{1}`. No token has this character: the tokenizer splits words at control
/// characters.
pub const SELF_STEM_MARK: char = '\u{1}';
/// Joins a `kk_stem` term's stem and the word as written where the word does not begin with
/// its stem: `бап\u{2}бабы`. It sorts right after [`SELF_STEM_MARK`], so a stem's terms are
/// one range of the term dictionary ([`stem_range`]).
pub const FORM_MARK: char = '\u{2}';
/// Joins a `kk_stem` term's stem and the rest of the word as written where the word begins
/// with its stem, as most do: `құжат\u{3}тарды` for `құжаттарды`. Writing the stem once
/// makes terms shorter, and every byte of a term is copied, hashed and compared while
/// indexing, then compiled into the term dictionary (`docs/performance.md`).
pub const SUFFIX_MARK: char = '\u{3}';

/// The `kk_stem` term of a word written `exact` whose stem is `stem`: the stem and the word in
/// one term, so each word is one token, and a stem search reads the range of its stem's terms
/// ([`stem_range`]), an exact search the one term.
///
/// ```
/// use zanlex_analysis::{form_term, split_form};
/// assert_eq!(form_term("бап", "бап"), "бап\u{1}");
/// assert_eq!(form_term("бап", "бабы"), "бап\u{2}бабы");
/// assert_eq!(form_term("құжат", "құжаттарды"), "құжат\u{3}тарды");
/// for (stem, word) in [("құжат", "құжаттарды"), ("бап", "бабы"), ("бап", "бап")] {
///     let term = form_term(stem, word);
///     let (s, w) = split_form(&term).unwrap();
///     assert_eq!((s, &*w), (stem, word));
/// }
/// assert!(split_form("бап").is_none());
/// ```
pub fn form_term(stem: &str, exact: &str) -> String {
    let mut s = String::with_capacity(stem.len() + 1 + exact.len());
    push_form_term(&mut s, stem, exact);
    s
}

fn push_form_term(s: &mut String, stem: &str, exact: &str) {
    s.push_str(stem);
    match exact.strip_prefix(stem) {
        Some("") => s.push(SELF_STEM_MARK),
        Some(suffix) => {
            s.push(SUFFIX_MARK);
            s.push_str(suffix);
        }
        None => {
            s.push(FORM_MARK);
            s.push_str(exact);
        }
    }
}

/// The stem and the word as written of a `kk_stem` term ([`form_term`]); `None` for a term
/// that is not one. The word is borrowed from the term unless the term holds only its suffix.
pub fn split_form(term: &str) -> Option<(&str, std::borrow::Cow<'_, str>)> {
    use std::borrow::Cow;
    if let Some(stem) = term.strip_suffix(SELF_STEM_MARK) {
        return Some((stem, Cow::Borrowed(stem)));
    }
    if let Some((stem, suffix)) = term.split_once(SUFFIX_MARK) {
        return Some((stem, Cow::Owned(format!("{stem}{suffix}"))));
    }
    term.split_once(FORM_MARK)
        .map(|(stem, form)| (stem, Cow::Borrowed(form)))
}

/// The `kk_stem` terms of a word written `exact` (one [`KK_EXACT`] token), in whatever
/// context the index met it: its stem depends on the word before it only where an unmarked
/// word follows a Russian one and is stemmed as Russian ([`russian::Lang`]), so there are one
/// or two. Empty for a stop word: `kk_exact` has it as it is ([`KK_EXACT_REST`]).
///
/// ```
/// use zanlex_analysis::form_terms;
/// assert_eq!(form_terms("құжаттарды"), ["құжат\u{3}тарды"]);
/// assert_eq!(form_terms("2020"), ["2020\u{1}"]);
/// assert_eq!(form_terms("виза"), ["виза\u{1}", "виз\u{3}а"]); // Kazakh, or Russian after a Russian word
/// assert!(form_terms("және").is_empty());
/// ```
pub fn form_terms(exact: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::with_capacity(2);
    for after_russian in [false, true] {
        let mut texts = String::new();
        let out = STEM_CACHE.with(|c| {
            token_output(
                &mut c.borrow_mut(),
                &mut { after_russian },
                exact,
                &mut texts,
            )
        });
        if let Some(stem) = texts.get(out.stem.start..out.stem.end) {
            let term = form_term(stem, exact);
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
    }
    terms
}

/// The bounds of the `kk_stem` terms of every word whose stem is `stem`: from `stem\u{1}`
/// (inclusive) to `stem\u{4}` (exclusive).
///
/// ```
/// use zanlex_analysis::{form_term, stem_range};
/// let (lo, hi) = stem_range("бап");
/// for t in [form_term("бап", "бап"), form_term("бап", "бабы"), form_term("бап", "бапқа")] {
///     assert!(lo <= t && t < hi);
/// }
/// assert!(form_term("бапа", "бапа") >= hi);
/// ```
pub fn stem_range(stem: &str) -> (String, String) {
    (format!("{stem}{SELF_STEM_MARK}"), format!("{stem}\u{4}"))
}

/// Name of the Russian analyzer: the `kk_exact` tokens with Russian Snowball stemming
/// ([`russian::RussianStem`]), for the text of Russian expressions (`ru_stem` field).
pub const RU_STEM: &str = "ru_stem";

/// All analyzer names, for listing in the CLI.
pub const ANALYZERS: [&str; 7] = [
    KK_EXACT,
    KK_STEM,
    KK_LOOSE,
    KK_LOOSE_REST,
    KK_EXACT_REST,
    KK_STEM_MARKED,
    RU_STEM,
];

/// Registers zanlex's analyzers on an index. Call it every time an index is opened or created:
/// tantivy does not store custom tokenizers.
pub fn register_analyzers(index: &tantivy::Index) {
    for name in ANALYZERS {
        if let Some(a) = analyzer(name) {
            index.tokenizers().register(name, a);
        }
    }
}

/// Builds the analyzer called `name` (`kk_exact`, `kk_stem`, `kk_loose`, `kk_loose_rest`,
/// `ru_stem`, …);
/// `None` for others.
pub fn analyzer(name: &str) -> Option<TextAnalyzer> {
    let writes = match name {
        KK_EXACT => return Some(TextAnalyzer::builder(tokenizer::KkTokenizer::default()).build()),
        RU_STEM => {
            return Some(
                TextAnalyzer::builder(tokenizer::KkTokenizer::default())
                    .filter(russian::RussianStem)
                    .build(),
            )
        }
        KK_STEM => Writes::Stems,
        KK_LOOSE => Writes::LooseForms,
        KK_LOOSE_REST => Writes::LooseRest,
        KK_EXACT_REST => Writes::ExactRest,
        KK_STEM_MARKED => Writes::MarkedStems,
        _ => return None,
    };
    Some(TextAnalyzer::builder(KkStemTokenizer::new(writes)).build())
}

/// One token as an analyzer produced it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
///
/// ```
/// use zanlex_analysis::is_cyrillic_word;
/// assert!(is_cyrillic_word("тұрақты") && is_cyrillic_word("Ӏ"));
/// assert!(!is_cyrillic_word("тұрaқты") && !is_cyrillic_word("҂") && !is_cyrillic_word(""));
/// ```
pub fn is_cyrillic_word(s: &str) -> bool {
    // The block U+0400..=U+04FF is letters but for the thousands sign and the combining marks
    // U+0482..=U+0489 (a range test: `char::is_alphabetic` looks the character up in tables).
    !s.is_empty()
        && s.chars()
            .all(|c| ('\u{400}'..='\u{4FF}').contains(&c) && !('\u{482}'..='\u{489}').contains(&c))
}

fn is_numberish(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit() || c == '№')
}

/// What [`KkStemTokenizer`] writes for a word.
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
    /// than Cyrillic letters (Latin, `14-бабы`). The others are found by looking up, in
    /// `kk_stem`'s terms, the stems that fold to the loose form, or for a number the number
    /// itself ([`is_unchanged_form`], `search::compile`).
    LooseRest,
    /// Only the exact forms (as [`KK_EXACT`] writes them) whose stem is dropped: stop words
    /// (`kk_exact_rest`). Every other word is in `kk_stem`, with its exact form
    /// ([`Writes::MarkedStems`]).
    ExactRest,
    /// Each word's stem and exact form in one term ([`form_term`], `kk_stem_marked`): a word
    /// is one token to index, not one in `kk_stem` and another in `kk_exact`. A stem search
    /// reads the range of the stem's terms ([`stem_range`]), an exact search one term
    /// (`search::compile`).
    MarkedStems,
}

/// [`KkTokenizer`](tokenizer::KkTokenizer)'s tokens with stop words dropped (positions kept,
/// numbers never dropped), Kazakh words stemmed, Russian ones Snowball-stemmed, written as
/// [`Writes`] says.
///
/// A text is stemmed once for every way of writing it: the index analyzes a unit's text for
/// `kk_stem` and `kk_loose`, and a heading or title for its stem and loose fields, one after
/// the other on one thread; the first pass looks each word up in the stem cache and keeps what
/// each field writes (`StemOutputs`, beside the tokens in the tokenizer's memo), the second
/// reads it, so the stem cache is looked up once a word, not once a field.
///
/// ```
/// use tantivy::tokenizer::{TextAnalyzer, TokenStream};
/// use zanlex_analysis::{KkStemTokenizer, Writes};
/// let mut a = TextAnalyzer::builder(KkStemTokenizer::new(Writes::Stems)).build();
/// let mut stream = a.token_stream("азаматтары және шетелдіктер");
/// let mut stems = Vec::new();
/// while stream.advance() {
///     stems.push((stream.token().text.clone(), stream.token().position));
/// }
/// assert_eq!(stems, [("азамат".to_string(), 0), ("шетелдік".to_string(), 2)]);
/// ```
#[derive(Clone)]
pub struct KkStemTokenizer {
    writes: Writes,
    /// The token handed out, overwritten at each step (its text buffer is reused).
    token: Token,
}

impl KkStemTokenizer {
    /// A stemming tokenizer that writes what `writes` says.
    pub fn new(writes: Writes) -> Self {
        KkStemTokenizer {
            writes,
            token: Token::default(),
        }
    }
}

/// Token stream of [`KkStemTokenizer`].
pub struct KkStemStream<'a> {
    tokens: std::rc::Rc<tokenizer::Packed>,
    token: &'a mut Token,
    next: usize,
    writes: Writes,
}

impl Tokenizer for KkStemTokenizer {
    type TokenStream<'a> = KkStemStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> KkStemStream<'a> {
        let tokens = tokenizer::memo_tokenize(text);
        tokens.stems.get_or_init(|| stem_outputs(&tokens));
        KkStemStream {
            tokens,
            token: &mut self.token,
            next: 0,
            writes: self.writes,
        }
    }
}

impl TokenStream for KkStemStream<'_> {
    fn advance(&mut self) -> bool {
        let packed = &*self.tokens;
        let Some(outputs) = packed.stems.get() else {
            return false;
        };
        while let (Some(src), Some(out)) =
            (packed.tokens.get(self.next), outputs.tokens.get(self.next))
        {
            self.next += 1;
            if src.end - src.start > tokenizer::MAX_TOKEN_BYTES {
                continue;
            }
            // The token as written: `kk_exact_rest` writes it, `kk_stem_marked` joins it to the stem.
            let exact = || packed.texts.get(src.start..src.end).unwrap_or_default();
            let span = match self.writes {
                Writes::Stems | Writes::MarkedStems => out.stem,
                Writes::LooseForms => out.loose,
                Writes::LooseRest if out.rest => out.loose,
                Writes::LooseRest => continue,
                Writes::ExactRest if out.stem.is_dropped() => {
                    src.write_to(self.token, exact());
                    return true;
                }
                Writes::ExactRest => continue,
            };
            let Some(text) = outputs.texts.get(span.start..span.end) else {
                continue; // dropped
            };
            if self.writes == Writes::MarkedStems {
                src.write_to(self.token, "");
                push_form_term(&mut self.token.text, text, exact());
            } else {
                src.write_to(self.token, text);
            }
            return true;
        }
        false
    }
    fn token(&self) -> &Token {
        self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// What the stem analyzers write for each token of one text, their texts in one string.
#[derive(Default)]
pub(crate) struct StemOutputs {
    texts: String,
    tokens: Vec<TokenOutput>,
}

/// What the stem analyzers write for one token.
#[derive(Clone, Copy)]
struct TokenOutput {
    /// [`Writes::Stems`].
    stem: Span,
    /// [`Writes::LooseForms`].
    loose: Span,
    /// Whether [`Writes::LooseRest`] writes `loose` too.
    rest: bool,
}

/// A token text in [`StemOutputs::texts`]; [`Span::DROPPED`] when nothing is written.
#[derive(Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Out of every string's bounds: the token is dropped.
    const DROPPED: Span = Span {
        start: usize::MAX,
        end: usize::MAX,
    };

    fn is_dropped(self) -> bool {
        self.start == usize::MAX
    }
}

/// Appends `parts` to `texts` as one token text.
fn push_span(texts: &mut String, parts: &[&str]) -> Span {
    let start = texts.len();
    for p in parts {
        texts.push_str(p);
    }
    Span {
        start,
        end: texts.len(),
    }
}

/// The stem outputs of `packed`'s tokens through this thread's stem cache.
fn stem_outputs(packed: &tokenizer::Packed) -> StemOutputs {
    STEM_CACHE.with(|c| {
        let cache = &mut *c.borrow_mut();
        let mut out = StemOutputs {
            texts: String::with_capacity(packed.texts.len() * 2),
            tokens: Vec::with_capacity(packed.tokens.len()),
        };
        let mut prev_russian = false;
        for t in &packed.tokens {
            let text = packed.texts.get(t.start..t.end).unwrap_or_default();
            let o = token_output(cache, &mut prev_russian, text, &mut out.texts);
            out.tokens.push(o);
        }
        out
    })
}

/// Most words the per-thread cache holds before it is emptied; the cache shared by the threads
/// (`SHARED`) holds at most as many.
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
    /// after a Russian one); only in the per-thread cache. Boxed: most words never need it.
    ru: word_cache::Russian,
}

/// The map of [`SHARED`]'s shards.
type Cache = FxHashMap<Box<str>, Entry>;

thread_local! {
    /// The entries of the words seen on this thread. Shared by every analyzer instance,
    /// because tantivy clones the analyzers for each segment writer and the snippet builder
    /// makes fresh ones, and a per-instance cache started empty each time.
    static STEM_CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
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

/// Runs `f` on the entry of `word`: from the per-thread cache, else from the shared one
/// (and remembered on this thread; the cache is emptied first when full).
fn with_entry<R>(cache: &mut WordCache, word: &str, f: impl FnOnce(EntryRef<'_>) -> R) -> R {
    cache.with(word, shared_entry, f)
}

/// Whether the stem analyzers write token `text` as it is, in every field: a number (`14`,
/// `№352`, `11-1-4/730`, but not `14-бабы`) or a token without letters. No other token has
/// such a stem, so a loose search finds these through `kk_stem`, and `kk_loose` does not keep
/// them ([`Writes::LooseRest`]).
///
/// ```
/// use zanlex_analysis::is_unchanged_form;
/// assert!(is_unchanged_form("14") && is_unchanged_form("11-1-4/730") && is_unchanged_form("№352"));
/// assert!(!is_unchanged_form("14-бабы") && !is_unchanged_form("бап") && !is_unchanged_form("visa"));
/// ```
pub fn is_unchanged_form(text: &str) -> bool {
    matches!(form(text), Form::Unchanged)
}

/// What kind of token the stem analyzers see: one rule for [`is_unchanged_form`] and
/// [`token_output`], which decides it once for every token.
enum Form<'a> {
    /// Written as it is ([`is_unchanged_form`]).
    Unchanged,
    /// A number and a word (`14-бабы`): the word is stemmed (`14-бап`).
    NumberedWord { head: &'a str, word: &'a str },
    /// A word.
    Word,
}

fn form(text: &str) -> Form<'_> {
    if is_numberish(text) {
        return match text.rsplit_once('-') {
            Some((head, word)) if !word.is_empty() && word.chars().all(normalize::is_letter) => {
                Form::NumberedWord { head, word }
            }
            _ => Form::Unchanged,
        };
    }
    if text.chars().any(normalize::is_letter) {
        Form::Word
    } else {
        Form::Unchanged
    }
}

/// What the stem analyzers write for a token whose text is `text`, the previous word
/// Russian or not as `prev_russian` says. The texts go to `texts`. A cache hit costs one hash
/// and no allocation; a miss takes the entry from the shared cache or computes it
/// ([`compute`]).
fn token_output(
    cache: &mut WordCache,
    prev_russian: &mut bool,
    text: &str,
    texts: &mut String,
) -> TokenOutput {
    match form(text) {
        // A number or a token without letters is its own stem and loose form: a loose search
        // finds it as the `kk_stem` term that is its loose form ([`is_unchanged_form`]).
        Form::Unchanged => {
            let span = push_span(texts, &[text]);
            TokenOutput {
                stem: span,
                loose: span,
                rest: false,
            }
        }
        Form::NumberedWord { head, word } => with_entry(cache, word, |e| TokenOutput {
            stem: push_span(texts, &[head, "-", e.kazakh(false)]),
            loose: push_span(texts, &[head, "-", e.kazakh(true)]),
            rest: true,
        }),
        Form::Word => with_entry(cache, text, |e| entry_output(e, prev_russian, text, texts)),
    }
}

/// [`token_output`] of a word whose entry is `e`.
fn entry_output(
    e: EntryRef<'_>,
    prev_russian: &mut bool,
    text: &str,
    texts: &mut String,
) -> TokenOutput {
    if e.stop {
        // Dropped without touching `prev_russian`, as a separate stop filter in front did.
        return TokenOutput {
            stem: Span::DROPPED,
            loose: Span::DROPPED,
            rest: false,
        };
    }
    let is_russian = e.lang == Lang::Russian || (e.lang == Lang::Unmarked && *prev_russian);
    *prev_russian = is_russian;
    let written = |texts: &mut String, s: &str| {
        if s.is_empty() {
            Span::DROPPED
        } else {
            push_span(texts, &[s])
        }
    };
    if is_russian {
        let (s, l) = &**e.ru.get_or_insert_with(|| {
            let s = russian::stem(text);
            let l = fold::fold(&s);
            Box::new((s.into(), l.into()))
        });
        // The loose form is the stem's fold: found through the stem, unless the stem has
        // other than Cyrillic letters.
        TokenOutput {
            stem: push_span(texts, &[s]),
            loose: push_span(texts, &[l]),
            rest: !is_cyrillic_word(s),
        }
    } else {
        TokenOutput {
            stem: written(texts, e.stem),
            loose: written(texts, e.loose),
            rest: !e.canonical,
        }
    }
}

#[cfg(test)]
mod tests {
    /// The range test agrees with `char::is_alphabetic` on the whole Cyrillic block.
    #[test]
    fn cyrillic_letters_are_the_alphabetic_characters_of_the_block() {
        for c in '\u{400}'..='\u{4FF}' {
            assert_eq!(
                super::is_cyrillic_word(&c.to_string()),
                c.is_alphabetic(),
                "{c:?}"
            );
        }
    }
}

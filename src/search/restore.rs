//! Restoring Kazakh spelling: a query word typed without Kazakh letters (`туракты`) or in
//! Latin script (`turaqty`) is replaced by the Cyrillic spelling the corpus uses most
//! (`тұрақты`), so it ranks exactly like the properly spelled word. The candidates are the
//! words as written whose folded skeleton ([`fold`]) equals the query word's: the forms in
//! `kk_stem`'s terms ([`crate::analysis::form_term`]) and the `kk_exact` terms (stop words).
//! Automata ([`FormFoldsTo`], [`FoldsTo`]) walk the term dictionaries and prune every branch
//! whose skeleton has already left the key, so no extra field is indexed for this; document
//! frequency picks one.

use super::terms::{analyze_field, each_accepted_in, kk_stem_units};
use crate::analysis::fold::{fold, has_latin};
use crate::analysis::{form_terms, split_form};
use crate::index::Store;
use std::collections::BTreeMap;

/// Letters only Kazakh Cyrillic has: a word with one of them is already spelled properly.
pub fn has_kazakh_letters(w: &str) -> bool {
    w.chars().any(crate::extract::is_kazakh_letter)
}

/// English words of questions about law that Kazakh typed in Latin letters does not have: kept
/// as typed, never read as Kazakh. (Short words that are also Kazakh, «ai» for «ай», «it» for
/// «ит», are English only in capitals.)
const ENGLISH: &[&str] = &[
    "app",
    "bitcoin",
    "blockchain",
    "cloud",
    "covid",
    "crypto",
    "cryptocurrency",
    "data",
    "digital",
    "email",
    "gps",
    "hardware",
    "internet",
    "nft",
    "online",
    "pdf",
    "qr",
    "sim",
    "smart",
    "sms",
    "software",
    "startup",
    "token",
    "url",
    "usb",
    "vpn",
    "website",
    "wifi",
];

/// True when a Latin `word` is English or an acronym, not Kazakh or Russian typed in Latin
/// letters: a word of [`ENGLISH`], or two to four capitals («AI», «IT», «GPS», «SIM») that do not
/// spell, read as Russian, an abbreviation of `data/abbreviations.tsv` («IIN», «MRP»). Such a
/// word is searched as typed: folded, «AI» would be Kazakh «ай» (a month).
pub fn is_foreign_word(word: &str) -> bool {
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    if ENGLISH.contains(&lower.as_str()) {
        return true;
    }
    let letters = word.chars().filter(char::is_ascii_alphabetic).count();
    let capitals = word.chars().all(|c| c.is_ascii_uppercase());
    capitals
        && (2..=4).contains(&letters)
        && !super::thesaurus::Thesaurus::builtin().has_member(&letter_by_letter(&lower))
}

/// An acronym's Latin letters read one by one as the Cyrillic letters they stand for in
/// abbreviations typed on a Latin keyboard («iin» → «иин», «mrp» → «мрп»).
fn letter_by_letter(lower: &str) -> String {
    lower
        .chars()
        .map(|c| match c {
            'a' => 'а',
            'b' => 'б',
            'c' => 'ц',
            'd' => 'д',
            'e' => 'е',
            'f' => 'ф',
            'g' => 'г',
            'h' | 'x' => 'х',
            'i' => 'и',
            'j' => 'ж',
            'k' | 'q' => 'к',
            'l' => 'л',
            'm' => 'м',
            'n' => 'н',
            'o' => 'о',
            'p' => 'п',
            'r' => 'р',
            's' => 'с',
            't' => 'т',
            'u' => 'у',
            'v' | 'w' => 'в',
            'y' => 'ы',
            'z' => 'з',
            other => other,
        })
        .collect()
}

/// The spelling `word` stands for, when the corpus spells it with Kazakh letters more often
/// than as typed; `None` when the word is already spelled properly, is English
/// ([`is_foreign_word`]), or nothing better is known.
pub fn restore_word(index: &Store, word: &str) -> Option<String> {
    if has_kazakh_letters(word) || !word.chars().any(char::is_alphabetic) || is_foreign_word(word) {
        return None;
    }
    let f = index.fields();
    let toks = analyze_field(index, f.kk_exact, word);
    let [(_, exact)] = toks.as_slice() else {
        return None;
    };
    let key = fold(exact);
    let searcher = index.searcher();
    let mut freq: BTreeMap<String, u64> = BTreeMap::new();
    let mut count = |written: &str, doc_freq: u32| {
        if has_kazakh_letters(written) && fold(written) == key {
            *freq.entry(written.to_string()).or_default() += u64::from(doc_freq);
        }
    };
    // Stop words are `kk_exact` terms as written.
    each_term_folding_to(&searcher, f.kk_exact, &key, &mut count).ok()?;
    // Other words are the forms of `kk_stem` terms.
    each_term_accepted(
        &searcher,
        f.kk_stem,
        FormFoldsTo::new(&key),
        |term, doc_freq| {
            if let Some((_, written)) = split_form(term) {
                count(&written, doc_freq);
            }
        },
    )
    .ok()?;
    // The word as typed counts too (`виза` stays `виза`).
    let own = std::iter::once(tantivy::Term::from_field_text(f.kk_exact, exact))
        .chain(
            form_terms(exact)
                .iter()
                .map(|t| tantivy::Term::from_field_text(f.kk_stem, t)),
        )
        .map(|t| searcher.doc_freq(&t).unwrap_or(0))
        .sum::<u64>();
    let (best, n) = freq
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (n > own).then_some(best)
}

/// Calls `f` with every term of `field` in `searcher`'s segments whose [`fold`] is `key` (see
/// [`FoldsTo`]) and its document frequency in the segment: a term in two segments comes twice.
pub fn each_term_folding_to(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    key: &str,
    f: impl FnMut(&str, u32),
) -> tantivy::Result<()> {
    each_term_accepted(searcher, field, FoldsTo::new(key), f)
}

/// Calls `f` with every term of `field` in `searcher`'s segments that `automaton` accepts, and
/// its document frequency in the segment.
fn each_term_accepted<A>(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    automaton: A,
    mut f: impl FnMut(&str, u32),
) -> tantivy::Result<()>
where
    A: tantivy_fst::Automaton + Clone,
    A::State: Clone,
{
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        each_accepted_in(inverted.terms(), automaton.clone(), |key, info| {
            if let Ok(term) = std::str::from_utf8(key) {
                f(term, info.doc_freq);
            }
        })?;
    }
    Ok(())
}

/// Accepts the Cyrillic terms whose [`fold`] is exactly `key`, and the `kk_stem` terms whose
/// stem's is ([`crate::analysis::form_term`]): the stem followed by
/// [`crate::analysis::SELF_STEM_MARK`], or by [`crate::analysis::FORM_MARK`] and a form, or by
/// [`crate::analysis::SUFFIX_MARK`] and the rest of a form.
///
/// The state is how much of `key` the term's prefix folds to, plus the bytes of a letter
/// not yet complete. On Cyrillic letters [`fold`] only ever appends, looking back at the last
/// letter it wrote (`г` after `н` and `и` after `и` are dropped) but never ahead (it reads ahead
/// only after Latin letters, for digraphs and apostrophes), so each letter is folded once, after
/// the part of `key` already matched, and a prefix whose skeleton has left `key` is pruned.
/// Terms with Latin letters or apostrophes are not candidates: a word the corpus spells with
/// Kazakh letters is spelled in Cyrillic, and the normalizer has already repaired Latin
/// look-alikes in it.
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

/// [`crate::analysis::SELF_STEM_MARK`], [`crate::analysis::FORM_MARK`] and
/// [`crate::analysis::SUFFIX_MARK`], one byte each in UTF-8.
const MARK: u8 = crate::analysis::SELF_STEM_MARK as u8;
const FORM: u8 = crate::analysis::FORM_MARK as u8;
const SUFFIX: u8 = crate::analysis::SUFFIX_MARK as u8;

/// Where [`FoldsTo`] is in a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldsToState {
    /// The prefix cannot fold to the key.
    Dead,
    /// The whole key, then [`crate::analysis::SELF_STEM_MARK`]: a `kk_stem` term of a word
    /// that is its own stem.
    Marked,
    /// The whole key, then [`crate::analysis::FORM_MARK`] or
    /// [`crate::analysis::SUFFIX_MARK`]: a form of the stem follows.
    Form,
    /// The prefix's whole letters fold to `key[..matched]`; `partial[..partial_len]` are the
    /// first bytes of the next letter.
    Alive {
        matched: usize,
        partial: [u8; 4],
        partial_len: usize,
    },
}

/// Whether a term (or a term's beginning) may be a restoration: no Latin letters and no
/// apostrophes, on which [`fold`] would read ahead.
fn is_candidate(t: &str) -> bool {
    !has_latin(t) && !t.contains(['\'', '’', 'ʼ', '`'])
}

impl tantivy_fst::Automaton for FoldsTo {
    type State = FoldsToState;

    fn start(&self) -> FoldsToState {
        FoldsToState::Alive {
            matched: 0,
            partial: [0; 4],
            partial_len: 0,
        }
    }

    fn is_match(&self, state: &FoldsToState) -> bool {
        match state {
            FoldsToState::Marked | FoldsToState::Form => true,
            FoldsToState::Alive {
                matched,
                partial_len: 0,
                ..
            } => *matched == self.key.len(),
            _ => false,
        }
    }

    fn can_match(&self, state: &FoldsToState) -> bool {
        *state != FoldsToState::Dead
    }

    fn accept(&self, state: &FoldsToState, byte: u8) -> FoldsToState {
        let FoldsToState::Alive {
            matched,
            mut partial,
            partial_len,
        } = *state
        else {
            return match state {
                FoldsToState::Form => FoldsToState::Form,
                _ => FoldsToState::Dead,
            };
        };
        if partial_len == 0 && matched == self.key.len() {
            match byte {
                MARK => return FoldsToState::Marked,
                FORM | SUFFIX => return FoldsToState::Form,
                _ => {}
            }
        }
        // Most letters are two-byte Cyrillic ones that fold the same whatever came before.
        if partial_len == 1 && (0xD0..=0xD3).contains(&partial[0]) && byte & 0xC0 == 0x80 {
            let index = usize::from(partial[0] & 0x03) << 6 | usize::from(byte & 0x3F);
            if let Some(folded) = &context_free_folds()[index] {
                return match self.key.get(matched..) {
                    Some(rest) if rest.starts_with(&**folded) => FoldsToState::Alive {
                        matched: matched + folded.len(),
                        partial: [0; 4],
                        partial_len: 0,
                    },
                    _ => FoldsToState::Dead,
                };
            }
        }
        partial[partial_len] = byte;
        let len = partial_len + 1;
        match std::str::from_utf8(&partial[..len]) {
            Ok(letter) if is_candidate(letter) => {
                let Some(done) = self.key.get(..matched) else {
                    return FoldsToState::Dead;
                };
                // `fold` looks back at the last letter it wrote only: fold the letter after
                // that one and compare what it appends with the rest of the key.
                let last = done.chars().next_back();
                let mut folded = String::with_capacity(8);
                folded.extend(last);
                let kept = folded.len();
                crate::analysis::fold::fold_into(letter, &mut folded);
                let appended = &folded[kept..];
                if self.key[matched..].starts_with(appended) {
                    FoldsToState::Alive {
                        matched: matched + appended.len(),
                        partial: [0; 4],
                        partial_len: 0,
                    }
                } else {
                    FoldsToState::Dead
                }
            }
            Err(e) if e.error_len().is_none() && len < 4 => FoldsToState::Alive {
                matched,
                partial,
                partial_len: len,
            },
            _ => FoldsToState::Dead,
        }
    }
}

/// Whether the `kk_stem` terms of `stem` are among those [`FoldsTo`] accepts for `key`.
pub fn stem_folds_to(stem: &str, key: &str) -> bool {
    use tantivy_fst::Automaton;
    let a = FoldsTo::new(key);
    let own = crate::analysis::form_term(stem, stem);
    a.is_match(&own.bytes().fold(a.start(), |s, b| a.accept(&s, b)))
}

/// `inner` without the `kk_stem` terms of one stem ([`crate::analysis::form_term`]): the
/// walk does not enter them. A loose query word's stems are nearly always just the stem of
/// the word at its place, whose terms the stem clause has already read: a common stem has
/// tens of forms, and walking them again was a tenth of a word query's time.
#[derive(Debug, Clone)]
pub struct Besides<A> {
    inner: A,
    stem: Box<[u8]>,
}

impl<A> Besides<A> {
    /// `inner`, leaving out the terms of `stem`.
    pub fn new(inner: A, stem: &str) -> Self {
        Besides {
            inner,
            stem: stem.as_bytes().into(),
        }
    }
}

/// Where a term is against the stem [`Besides`] leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BesidesTrack {
    /// The term starts with this many bytes of the stem.
    Within(usize),
    /// The term has left the stem.
    Left,
    /// The term is one of the stem's: left out.
    Excluded,
}

impl<A: tantivy_fst::Automaton> tantivy_fst::Automaton for Besides<A> {
    type State = (A::State, BesidesTrack);

    fn start(&self) -> Self::State {
        (self.inner.start(), BesidesTrack::Within(0))
    }

    fn is_match(&self, state: &Self::State) -> bool {
        state.1 != BesidesTrack::Excluded && self.inner.is_match(&state.0)
    }

    fn can_match(&self, state: &Self::State) -> bool {
        state.1 != BesidesTrack::Excluded && self.inner.can_match(&state.0)
    }

    fn accept(&self, state: &Self::State, byte: u8) -> Self::State {
        let track = match state.1 {
            BesidesTrack::Within(n)
                if n == self.stem.len() && matches!(byte, MARK | FORM | SUFFIX) =>
            {
                BesidesTrack::Excluded
            }
            BesidesTrack::Within(n) if self.stem.get(n) == Some(&byte) => {
                BesidesTrack::Within(n + 1)
            }
            BesidesTrack::Excluded => BesidesTrack::Excluded,
            _ => BesidesTrack::Left,
        };
        (self.inner.accept(&state.0, byte), track)
    }
}

/// Accepts the `kk_stem` terms ([`crate::analysis::form_term`]) of the words written so that
/// their [`fold`] is `key`, whatever their stem: the stem must fold to a beginning of the key
/// but for its last [`STEM_LETTERS_OFF`] letters at most, after two that match (a stem may
/// end otherwise than its word: `кітап` for `кітабы`, `кәсіпорын` for `кәсіпорнына`), then
/// the form must fold to
/// the whole key ([`FoldsTo`]). A stem that leaves the key for longer is pruned, so the walk
/// reads the forms of the key's stems, not the whole dictionary.
#[derive(Debug, Clone)]
pub struct FormFoldsTo {
    key: FoldsTo,
}

/// How many letters at the end of a stem may differ from the word's ([`FormFoldsTo`]).
pub const STEM_LETTERS_OFF: u8 = 2;

impl FormFoldsTo {
    /// An automaton for the skeleton `key` (a [`fold`] output).
    pub fn new(key: &str) -> Self {
        FormFoldsTo {
            key: FoldsTo::new(key),
        }
    }
}

/// Where [`FormFoldsTo`] is in a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormState {
    /// In the stem, folding to a beginning of the key.
    Stem(FoldsToState),
    /// In the stem, this many letters after it left the key.
    Off(u8),
    /// In the form.
    Form(FoldsToState),
    /// A word that is its own stem and folds to the key.
    Own,
    Dead,
}

impl tantivy_fst::Automaton for FormFoldsTo {
    type State = FormState;

    fn start(&self) -> FormState {
        FormState::Stem(self.key.start())
    }

    fn is_match(&self, state: &FormState) -> bool {
        match state {
            FormState::Own => true,
            FormState::Form(s) => self.key.is_match(s),
            _ => false,
        }
    }

    fn can_match(&self, state: &FormState) -> bool {
        match state {
            FormState::Dead => false,
            FormState::Form(s) => self.key.can_match(s),
            _ => true,
        }
    }

    fn accept(&self, state: &FormState, byte: u8) -> FormState {
        let starts_letter = byte & 0xC0 != 0x80;
        match *state {
            FormState::Stem(s) => {
                let FoldsToState::Alive {
                    matched,
                    partial_len,
                    ..
                } = s
                else {
                    return FormState::Dead;
                };
                match (byte, partial_len) {
                    (FORM, 0) => return FormState::Form(self.key.start()),
                    // The form is the stem and the rest: go on from the stem.
                    (SUFFIX, 0) => return FormState::Form(s),
                    (FORM | SUFFIX, _) => return FormState::Dead,
                    _ => {}
                }
                match self.key.accept(&s, byte) {
                    FoldsToState::Marked => FormState::Own,
                    // Only a stem that has matched two letters of the key may leave it: the
                    // walk would read every short stem otherwise.
                    FoldsToState::Dead | FoldsToState::Form
                        if STEM_LETTERS_OFF > 0
                            && self
                                .key
                                .key
                                .get(..matched)
                                .is_some_and(|m| m.chars().nth(1).is_some()) =>
                    {
                        FormState::Off(1)
                    }
                    FoldsToState::Dead | FoldsToState::Form => FormState::Dead,
                    next => FormState::Stem(next),
                }
            }
            FormState::Off(_) if byte == FORM => FormState::Form(self.key.start()),
            // A form that begins with a stem whose skeleton has left the key leaves it too.
            FormState::Off(_) if byte == MARK || byte == SUFFIX => FormState::Dead,
            FormState::Off(n) if !starts_letter => FormState::Off(n),
            FormState::Off(n) if n < STEM_LETTERS_OFF => FormState::Off(n + 1),
            FormState::Form(s) => FormState::Form(self.key.accept(&s, byte)),
            _ => FormState::Dead,
        }
    }
}

/// What [`fold`] writes for each letter U+0400..=U+04FF when that does not depend on the letter
/// written before it (`None` for the others, such as `г` after `н`), worked out from `fold`
/// itself once.
fn context_free_folds() -> &'static [Option<Box<str>>] {
    static FOLDS: std::sync::OnceLock<Vec<Option<Box<str>>>> = std::sync::OnceLock::new();
    FOLDS.get_or_init(|| {
        (0x400..=0x4FF)
            .map(|code| {
                let letter = char::from_u32(code)?.to_string();
                let after = |before: &str| {
                    let mut out = before.to_string();
                    crate::analysis::fold::fold_into(&letter, &mut out);
                    out.split_off(before.len())
                };
                let alone = after("");
                ["н", "и", "а", "г", "у"]
                    .iter()
                    .all(|b| after(b) == alone)
                    .then(|| alone.into_boxed_str())
            })
            .collect()
    })
}

/// How each Latin word of a query reads (not English, [`is_foreign_word`]): as Russian typed
/// in Latin letters ([`russian_word`]) and as Kazakh ([`restore_word`]). Each reading asks the
/// index for up to [`MAX_READINGS`] spellings, so a query's words are read once, here, and the
/// choice of language, the answer's words and the rewritten query all take them from it.
pub struct LatinReadings {
    /// Each Latin word as typed, with its Russian and its Kazakh reading.
    words: Vec<(String, Option<String>, Option<String>)>,
}

impl LatinReadings {
    /// The readings of the Latin words of `q`.
    pub fn of(index: &Store, q: &super::Query) -> Self {
        let mut words: Vec<(String, Option<String>, Option<String>)> = Vec::new();
        for w in latin_words(q) {
            // A word typed twice counts twice, as it is searched twice; it is read once.
            let (ru, kk) = match words.iter().find(|(seen, ..)| *seen == w) {
                Some((_, ru, kk)) => (ru.clone(), kk.clone()),
                None => {
                    let kk = restore_word(index, &w);
                    // A reading only the Kazakh texts hold is a Russian word inside a Kazakh
                    // unit only when the word is no Kazakh word typed without its letters
                    // (`adam` is «адам» either way, and stays Kazakh).
                    let ru = russian_word(index, &w).and_then(|r| {
                        (r.in_russian || (kk.is_none() && !kazakh_finds_folded(index, &w)))
                            .then_some(r.word)
                    });
                    (ru, kk)
                }
            };
            words.push((w, ru, kk));
        }
        LatinReadings { words }
    }

    /// Whether a query asked in no language is Russian typed in Latin letters rather than
    /// Kazakh: more of its Latin words have a Russian reading whose stem the Russian texts of
    /// the index hold than have a Kazakh spelling the corpus prefers. A query of Cyrillic words
    /// only, or an even count, stays Kazakh, as Latin input was read before Russian was:
    /// «turaqty turu» is Kazakh, «srok podachi zayavleniya» Russian.
    pub fn read_as_russian(&self) -> bool {
        let russian = self.words.iter().filter(|(_, ru, _)| ru.is_some()).count();
        let kazakh = self.words.iter().filter(|(.., kk)| kk.is_some()).count();
        russian > kazakh
    }

    /// The words the search reads as Cyrillic, each with the word searched in its place and
    /// whether it was read as Russian (`russian`: the query is read so) or as Kazakh, as
    /// [`restore_query`] reads them: what the answer says it read.
    pub fn said(&self, russian: bool) -> Vec<(String, String, bool)> {
        self.words
            .iter()
            .filter_map(|(w, ru, kk)| match ru.as_ref().filter(|_| russian) {
                Some(r) => Some((w.clone(), r.clone(), true)),
                None => kk.as_ref().map(|k| (w.clone(), k.clone(), false)),
            })
            .collect()
    }

    /// The readings of `word` when it is one of the query's Latin words.
    fn get(&self, word: &str) -> Option<(&Option<String>, &Option<String>)> {
        self.words
            .iter()
            .find(|(w, ..)| w == word)
            .map(|(_, ru, kk)| (ru, kk))
    }
}

/// Rewrites the words and phrases of a query with restored spellings. A query read as Russian
/// (`russian`: asked in Russian, or typed in Latin letters the index knows better as Russian,
/// [`LatinReadings::read_as_russian`]) has its Latin words read first as Russian typed in Latin
/// letters ([`russian_word`]), then as Kazakh; `latin` holds those words' readings, read once.
pub fn restore_query(
    index: &Store,
    q: &super::Query,
    russian: bool,
    latin: &LatinReadings,
) -> super::Query {
    use super::Query;
    let word = |w: &str| {
        if is_foreign_word(w) {
            return w.to_string();
        }
        let (ru, kk) = match latin.get(w) {
            Some((ru, kk)) => (ru.clone().filter(|_| russian), kk.clone()),
            None => (
                russian
                    .then(|| russian_word(index, w).map(|r| r.word))
                    .flatten(),
                restore_word(index, w),
            ),
        };
        ru.or(kk)
            // Read as Russian, a word the index knows in no reading is still searched in
            // Cyrillic, so that a Russian asking word («kto») is known as one.
            .or_else(|| {
                russian
                    .then(|| latin_readings(&w.to_lowercase()).into_iter().next())
                    .flatten()
            })
            .unwrap_or_else(|| w.to_string())
    };
    let inner = |x: &Query| restore_query(index, x, russian, latin);
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
        Query::And(v) => Query::And(v.iter().map(inner).collect()),
        Query::Or(v) => Query::Or(v.iter().map(inner).collect()),
        Query::Not(x) => Query::Not(Box::new(inner(x))),
        Query::Filter(_) => q.clone(),
    }
}

/// The Latin words of `q` (not English, [`is_foreign_word`]), each as typed, from its terms
/// and phrases.
fn latin_words(q: &super::Query) -> Vec<String> {
    use super::Query;
    let mut out = Vec::new();
    let mut take = |text: &str| {
        for w in text.split_whitespace() {
            if w.chars().any(|c| c.is_ascii_alphabetic())
                && w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-'".contains(c))
                && !is_foreign_word(w)
            {
                out.push(w.to_string());
            }
        }
    };
    fn walk(q: &Query, take: &mut dyn FnMut(&str)) {
        match q {
            Query::Term(w) => take(w),
            Query::Phrase { text, .. } => take(text),
            Query::And(v) | Query::Or(v) => v.iter().for_each(|x| walk(x, take)),
            Query::Not(x) => walk(x, take),
            Query::Filter(_) => {}
        }
    }
    walk(q, &mut take);
    out
}

/// The Cyrillic word a Latin `word` stands for when it is Russian typed in Latin letters
/// (`yazyke` → `языке`, `kazakhstane` → `казахстане`), read as people type Russian without a
/// Russian keyboard ([`latin_readings`]): of the readings whose stem the Russian texts of the
/// index hold, or that a text, in either language, writes as it is or in another form of its
/// Kazakh stem (a Russian word inside a Kazakh unit), one the texts write as it is, then the
/// most often held (`otsutstvie` → `отсутствие`, not `оцуцтвие`). A
/// hyphenated word is read part by part (`donorom-partnerom` → `донором-партнером`). `None`
/// when no reading of a part is known.
pub(crate) fn russian_word(index: &Store, word: &str) -> Option<RussianReading> {
    let lower = word.to_lowercase();
    let searcher = index.searcher();
    let f = index.fields();
    // How often the texts hold the reading as written, and its stem.
    let known = |cyr: &str| {
        let df = |field, text: &str| {
            searcher
                .doc_freq(&tantivy::Term::from_field_text(field, text))
                .unwrap_or(0)
        };
        // The word as written, as the exact and stem fields hold it (the Russian texts are in
        // them too): a stop word's own term, another word's forms.
        let exact = analyze_field(index, f.kk_exact, cyr)
            .into_iter()
            .next()
            .map_or(0, |(_, t)| {
                df(f.kk_exact, &t)
                    + form_terms(&t)
                        .iter()
                        .map(|form| df(f.kk_stem, form))
                        .sum::<u64>()
            });
        let ru = df(f.ru_stem, &crate::analysis::russian::stem(cyr));
        // Else the units whose Kazakh stem field holds its stem: a Russian word of a Kazakh
        // unit in another form («заявления» for the form's «ЗАЯВЛЕНИЕ»), found as the Cyrillic
        // word is; read only when nothing better is, as it costs a walk of the stem's terms.
        let kk = if exact == 0 && ru == 0 {
            kk_stem_units(index, &searcher, cyr)
        } else {
            0
        };
        (exact, ru, kk)
    };
    let mut parts = Vec::new();
    let mut in_russian = true;
    for part in lower.split('-').filter(|p| !p.is_empty()) {
        let best = latin_readings(part)
            .into_iter()
            .map(|r| {
                let (exact, ru, kk) = known(&r);
                ((ru > 0, exact, ru, kk), r)
            })
            // A Russian word stands in Kazakh texts too (a bilingual form's «ӨТІНІШ/ЗАЯВЛЕНИЕ»,
            // a Russian name): a reading they write, as it is or in another form, counts.
            .filter(|((_, exact, ru, kk), _)| *exact > 0 || *ru > 0 || *kk > 0)
            // A reading whose stem the Russian texts hold, then a word the texts write
            // (`ответственность`, not `ответственност`, though both have one stem), then the
            // most often held Russian stem, then Kazakh stem; of equals, the reading with fewer
            // departures (first).
            .reduce(|a, b| if b.0 > a.0 { b } else { a })?;
        in_russian &= best.0 .0;
        parts.push(best.1);
    }
    (!parts.is_empty()).then(|| RussianReading {
        word: parts.join("-"),
        in_russian,
    })
}

/// A Latin word's Russian reading ([`russian_word`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RussianReading {
    /// The Cyrillic word.
    pub(crate) word: String,
    /// Whether the Russian texts hold its stem (of each part), not only the Kazakh texts.
    pub(crate) in_russian: bool,
}

/// Whether the Latin `word`, searched as Kazakh typed without its letters, finds a word: its
/// `kk_loose` token is a term, or a `kk_stem` stem folds to it ([`add_stem_terms_folding_to`]),
/// as the loose search looks (`adam` finds «адам», `zhol` «жол»; `zayavlenie` nothing).
fn kazakh_finds_folded(index: &Store, word: &str) -> bool {
    let f = index.fields();
    let toks = analyze_field(index, f.kk_loose, word);
    let [(_, loose)] = toks.as_slice() else {
        return false;
    };
    let searcher = index.searcher();
    if searcher
        .doc_freq(&tantivy::Term::from_field_text(f.kk_loose, loose))
        .unwrap_or(0)
        > 0
    {
        return true;
    }
    let mut set = super::synonym::TermSet::default();
    add_stem_terms_folding_to(index, &searcher, loose, None, false, &mut set).is_ok()
        && !set.is_empty()
}

/// Most readings [`latin_readings`] gives a word.
const MAX_READINGS: usize = 96;
/// The consonants a soft sign may follow.
const SOFTENED: &str = "бвдзклмнпрстф";
/// Most letters read otherwise than first in one reading.
const MAX_DEPARTURES: usize = 2;

/// `word` (lowercase ASCII letters, an apostrophe for `ь`) read as Russian typed in Latin
/// letters: the first reading of [`latin_readings`]; `None` for a word with other characters.
#[cfg(test)]
pub(crate) fn latin_to_russian(word: &str) -> Option<String> {
    latin_readings(word).into_iter().next()
}

/// The readings of `word` (lowercase ASCII letters, an apostrophe for `ь`) as Russian typed in
/// Latin letters, the usual one first: the digraphs of the informal and the GOST/ICAO-like
/// transliterations (`zh`, `kh`, `ts`, `ch`, `sh`, `shch`, `ya`/`ja`/`ia`, `yu`/`ju`/`iu`,
/// `yo`/`jo`), `y` and `i` as `й` after a vowel (`dnei` → `дней`, `raion` → `район`), `y` as
/// `ы` after a consonant; then, at most [`MAX_DEPARTURES`] at a time, the other letters the
/// same Latin may stand for (`ts` as `тс`, `ia` as `ия` or `иа`, `x` as `х`, `e` as `э` at the
/// start, `'` as `ъ`, `i` as `и` after a vowel), and the soft sign people leave out after a
/// consonant before another or at the end (`pravitelstva` → `правительства`,
/// `otvetstvennost` → `ответственность`). Empty for a word with other characters.
pub(crate) fn latin_readings(word: &str) -> Vec<String> {
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_lowercase() || c == '\'') {
        return Vec::new();
    }
    // Each digraph with what it stands for, the usual reading first.
    const DIGRAPHS: &[(&str, &[&str])] = &[
        ("shch", &["щ"]),
        ("sch", &["щ"]),
        ("zh", &["ж"]),
        ("kh", &["х"]),
        ("ts", &["ц", "тс"]),
        ("ch", &["ч"]),
        ("sh", &["ш"]),
        ("ya", &["я"]),
        ("yu", &["ю"]),
        ("yo", &["е", "йо"]),
        ("ja", &["я"]),
        ("ju", &["ю"]),
        ("jo", &["е"]),
        ("ia", &["я", "ия", "иа"]),
        ("iu", &["ю", "иу"]),
    ];
    let vowel = |c: Option<char>| c.is_some_and(|c| "аеиоуыэюя".contains(c));
    // The word cut into the pieces the usual reading reads, each with its readings.
    let mut pieces: Vec<&[&str]> = Vec::new();
    let mut usual = String::new();
    let mut rest = word;
    while let Some(c) = rest.chars().next() {
        if let Some((l, r)) = DIGRAPHS.iter().find(|(l, _)| rest.starts_with(l)) {
            pieces.push(r);
            usual.push_str(r[0]);
            rest = &rest[l.len()..];
            continue;
        }
        let prev_vowel = vowel(usual.chars().next_back());
        let r: &[&str] = match c {
            'a' => &["а"],
            'b' => &["б"],
            'c' => &["ц", "к"],
            'd' => &["д"],
            'e' if usual.is_empty() => &["е", "э"],
            'e' => &["е"],
            'f' => &["ф"],
            'g' => &["г"],
            'h' => &["х"],
            'i' if prev_vowel => &["й", "и"],
            'i' => &["и"],
            'j' => &["й"],
            'k' => &["к"],
            'l' => &["л"],
            'm' => &["м"],
            'n' => &["н"],
            'o' => &["о"],
            'p' => &["п"],
            'q' => &["к"],
            'r' => &["р"],
            's' => &["с"],
            't' => &["т"],
            'u' => &["у"],
            'v' | 'w' => &["в"],
            'x' => &["кс", "х"],
            'y' if prev_vowel => &["й"],
            'y' => &["ы"],
            'z' => &["з"],
            _ => &["ь", "ъ"],
        };
        pieces.push(r);
        usual.push_str(r[0]);
        rest = &rest[c.len_utf8()..];
    }
    // The soft sign left out: after a consonant letter followed by a consonant or the end.
    let consonant = |p: &[&str]| p.len() == 1 && p[0].chars().all(|c| SOFTENED.contains(c));
    let mut pieces: Vec<Vec<String>> = pieces
        .iter()
        .map(|p| p.iter().map(|s| s.to_string()).collect())
        .collect();
    for i in 0..pieces.len() {
        let this: Vec<&str> = pieces[i].iter().map(String::as_str).collect();
        let next_consonant = pieces.get(i + 1).is_none_or(|n| {
            let n: Vec<&str> = n.iter().map(String::as_str).collect();
            consonant(&n) || n[0] == "ц" || n[0] == "ч" || n[0] == "ш" || n[0] == "щ"
        });
        if i > 0 && consonant(&this) && next_consonant {
            let soft = format!("{}ь", this[0]);
            pieces[i].push(soft);
        }
    }
    let mut out = vec![usual];
    // The readings with one departure, then with two: (piece, reading) pairs, in order.
    let choices: Vec<(usize, usize)> = pieces
        .iter()
        .enumerate()
        .flat_map(|(i, r)| (1..r.len()).map(move |k| (i, k)))
        .collect();
    let spell = |picked: &[(usize, usize)]| -> String {
        pieces
            .iter()
            .enumerate()
            .map(|(i, r)| {
                picked
                    .iter()
                    .find(|(at, _)| *at == i)
                    .map_or(r[0].as_str(), |(_, k)| r[*k].as_str())
            })
            .collect()
    };
    for choice in &choices {
        out.push(spell(&[*choice]));
    }
    if MAX_DEPARTURES > 1 {
        'two: for a in 0..choices.len() {
            for b in a + 1..choices.len() {
                if out.len() >= MAX_READINGS {
                    break 'two;
                }
                if choices[a].0 != choices[b].0 {
                    out.push(spell(&[choices[a], choices[b]]));
                }
            }
        }
    }
    out.truncate(MAX_READINGS);
    out
}

/// The `kk_stem` terms of `searcher`'s segments whose stem folds to `loose` (a `kk_loose`
/// token), sorted, one for each form of each such stem ([`crate::analysis::form_term`]):
/// with the `kk_loose` term itself, what a loose search looks for
/// ([`crate::analysis::KK_LOOSE_REST`]). A Cyrillic form has those whose stem folds to
/// it, a number ([`crate::analysis::is_unchanged_form`]) its own term when the index has
/// it, others none.
#[cfg(test)]
pub fn stem_terms_folding_to(
    index: &Store,
    searcher: &tantivy::Searcher,
    loose: &str,
) -> crate::Result<Vec<String>> {
    let mut set = super::synonym::TermSet::default();
    add_stem_terms_folding_to(index, searcher, loose, None, false, &mut set)?;
    Ok(set
        .terms()
        .iter()
        .filter_map(|t| t.value().as_str().map(str::to_string))
        .collect())
}

/// Adds to `set` the terms [`stem_terms_folding_to`] returns, with where each is in each
/// segment, but for the terms of the stem `besides` (the caller has those). With
/// `kazakh_letters_only`, only the stems spelled with a letter of Kazakh's own
/// ([`kazakh_spelled`]).
pub fn add_stem_terms_folding_to(
    index: &Store,
    searcher: &tantivy::Searcher,
    loose: &str,
    besides: Option<&str>,
    kazakh_letters_only: bool,
    set: &mut super::synonym::TermSet,
) -> crate::Result<()> {
    let field = index.fields().kk_stem;
    if crate::analysis::is_unchanged_form(loose) {
        // Such a token is always its own stem, written as it is.
        let own = crate::analysis::form_term(loose, loose);
        set.look_up(searcher, tantivy::Term::from_field_text(field, &own))?;
    } else if crate::analysis::is_cyrillic_word(loose) {
        let folds = FoldsTo::new(loose);
        set.add_from_segments(searcher, field, |dictionary, found| {
            let mut kept = |bytes: &[u8], info: &tantivy::postings::TermInfo| {
                if !kazakh_letters_only || kazakh_spelled(bytes) {
                    found(bytes, info);
                }
            };
            match besides {
                Some(stem) => {
                    each_accepted_in(dictionary, Besides::new(folds.clone(), stem), &mut kept)
                }
                None => each_accepted_in(dictionary, folds.clone(), &mut kept),
            }
        })?;
    }
    Ok(())
}

/// Whether `word` (one query word) is written with no letter of Kazakh's own and the index
/// holds it so written: its Russian stem in the Russian texts, or the word itself in
/// `kk_exact`. Such a word is not Kazakh typed without its letters, and its loose reading
/// keeps only the stems spelled with them ([`kazakh_spelled`]). Two term look-ups.
pub(crate) fn spelled_as_typed(index: &Store, searcher: &tantivy::Searcher, word: &str) -> bool {
    if !crate::analysis::is_cyrillic_word(word)
        || word.chars().any(crate::extract::is_kazakh_letter)
    {
        return false;
    }
    let f = index.fields();
    let held = |field: tantivy::schema::Field| {
        analyze_field(index, field, word).into_iter().any(|(_, t)| {
            searcher
                .doc_freq(&tantivy::Term::from_field_text(field, &t))
                .is_ok_and(|n| n > 0)
        })
    };
    held(f.ru_stem) || held(f.kk_exact)
}

/// Whether the stem of the `kk_stem` term `bytes` (the part before its form's marker) has a
/// letter only Kazakh Cyrillic has. Folding drops those letters (ә → а, і → и) so that a
/// word typed without them finds the law's; it also folds letters both languages write
/// (ы → и), so a word the index spells as typed, with no Kazakh letter, would otherwise
/// find other words that fold alike («митинг» the stem of «мыть»: both `мит`), where it
/// is missing no letter.
pub(crate) fn kazakh_spelled(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let stem = crate::analysis::split_form(&text).map_or(text.as_ref(), |(stem, _)| stem);
    stem.chars().any(crate::extract::is_kazakh_letter)
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn folds_to() {
        use crate::search::restore::FoldsTo;
        use tantivy_fst::Automaton;
        use zanlex_analysis::fold::fold;
        let a = FoldsTo::new(&fold("туракты"));
        let run = |w: &str| w.bytes().fold(a.start(), |s, b| a.accept(&s, b));
        assert!(a.is_match(&run("тұрақты")));
        assert!(!a.is_match(&run("тұрақ")));
        assert!(!a.can_match(&run("тұрм")));
        assert!(!a.can_match(&run("тұрaқты"))); // a Latin `a` inside
        assert!(a.is_match(&run("тұрақты\u{1}"))); // its own stem
        assert!(!a.can_match(&run("тұрақты\u{1}а")));
        assert!(a.is_match(&run("тұрақты\u{3}ға"))); // a form of the stem
        assert!(!a.can_match(&run("тұрақ\u{3}ты")));
        let b = FoldsTo::new(&fold("китап"));
        let run = |w: &str| w.bytes().fold(b.start(), |s, c| b.accept(&s, c));
        assert!(b.is_match(&run("кітап\u{2}кітабы"))); // a form that does not begin with it
    }

    #[test]
    fn besides() {
        use crate::search::restore::{Besides, FoldsTo};
        use tantivy_fst::Automaton;
        use zanlex_analysis::{fold::fold, form_term};
        let a = Besides::new(FoldsTo::new(&fold("кызмет")), "қызмет");
        let run = |w: &str| w.bytes().fold(a.start(), |s, b| a.accept(&s, b));
        assert!(!a.can_match(&run(&form_term("қызмет", "қызметі"))));
        assert!(!a.is_match(&run(&form_term("қызмет", "қызмет"))));
        assert!(a.is_match(&run(&form_term("кызмет", "кызметі")))); // another stem that folds
    }

    #[test]
    fn form_folds_to() {
        use crate::search::restore::FormFoldsTo;
        use tantivy_fst::Automaton;
        use zanlex_analysis::{fold::fold, form_term};
        let a = FormFoldsTo::new(&fold("касипорнына"));
        let run = |w: &str| w.bytes().fold(a.start(), |s, b| a.accept(&s, b));
        assert!(a.is_match(&run(&form_term("кәсіпорын", "кәсіпорнына"))));
        assert!(a.is_match(&run(&form_term("кәсіпорнына", "кәсіпорнына")))); // its own stem
        assert!(!a.is_match(&run(&form_term("кәсіпорын", "кәсіпорны"))));
        assert!(!a.can_match(&run("кәсіпорындар"))); // three letters off the key
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;
    use tantivy_fst::{IntoStreamer, Streamer};

    /// The same on random words over the letters folding treats specially (`г` after `н`,
    /// `и` after `и`, `я`, `ц`, `ъ`), Latin letters, apostrophes and digits.
    #[test]
    fn folds_to_agrees_with_a_full_scan_on_random_words() {
        let letters = "аәбгғдеиійкқнңоөуұүхһыяюёцщъьэтс1-'sng";
        let dictionaries = vec(crate::property::word(letters, 1..=6), 4000);
        crate::property::check(3, dictionaries, |mut words| {
            words.sort_unstable();
            words.dedup();
            let set = tantivy_fst::Map::from_iter(words.iter().map(|w| (w.as_bytes(), 0u64)))
                .expect("sorted words");
            // Keys with more than one spelling: the automaton is tested on real choices.
            let mut ambiguous = 0;
            for w in words.iter().step_by(7) {
                let key = fold(w);
                let found = folding_to(&set, &key);
                let expected: Vec<String> = words
                    .iter()
                    .filter(|t| is_candidate(t) && fold(t) == key)
                    .cloned()
                    .collect();
                assert_eq!(found, expected, "skeleton of {w}: {key}");
                ambiguous += usize::from(found.len() > 1);
            }
            assert!(
                ambiguous > 20,
                "only {ambiguous} keys with several spellings"
            );
        });
    }

    /// The terms of `set` the automaton accepts for `key`, in order.
    fn folding_to(set: &tantivy_fst::Map<Vec<u8>>, key: &str) -> Vec<String> {
        accepted(set, FoldsTo::new(key))
    }

    /// The terms of `set` that `automaton` accepts, in order.
    fn accepted<A: tantivy_fst::Automaton>(
        set: &tantivy_fst::Map<Vec<u8>>,
        automaton: A,
    ) -> Vec<String> {
        let mut found = Vec::new();
        let mut stream = set.search(automaton).into_stream();
        while let Some((t, _)) = stream.next() {
            found.push(String::from_utf8_lossy(t).into_owned());
        }
        found
    }

    /// `terms` sorted, each once, and as a term dictionary.
    fn term_map(terms: &mut Vec<String>) -> tantivy_fst::Map<Vec<u8>> {
        terms.sort_unstable();
        terms.dedup();
        tantivy_fst::Map::from_iter(terms.iter().map(|t| (t.as_bytes(), 0u64)))
            .expect("sorted terms")
    }

    /// On random stems and forms, leaving a stem out of [`FoldsTo`]'s walk finds exactly what
    /// the walk finds but that stem's terms (a longer stem that starts with it stays), and
    /// [`stem_folds_to`] says whether the walk had them.
    #[test]
    fn besides_leaves_out_exactly_one_stems_terms() {
        use crate::analysis::{form_term, split_form};
        let word = |max| crate::property::word("аәгғиікқнңуұүы", 1..=max);
        // Each stem's own term, forms that begin with it and forms that do not: all three
        // marks follow the stem.
        let term = prop_oneof![
            1 => word(3).prop_map(|stem| form_term(&stem, &stem)),
            1 => (word(3), word(4)).prop_map(|(stem, form)| form_term(&stem, &form)),
            2 => (word(3), word(2)).prop_map(|(stem, end)| form_term(&stem, &(stem.clone() + &end))),
        ];
        crate::property::check(3, vec(term, 4000), |mut terms| {
            for mark in [
                crate::analysis::SELF_STEM_MARK,
                crate::analysis::FORM_MARK,
                crate::analysis::SUFFIX_MARK,
            ] {
                assert!(
                    terms.iter().filter(|t| t.contains(mark)).count() > 500,
                    "{mark:?}"
                );
            }
            let set = term_map(&mut terms);
            let (mut left_out, mut kept) = (0, 0);
            for t in terms.iter().step_by(7) {
                let Some((stem, _)) = split_form(t) else {
                    continue;
                };
                let key = fold(stem);
                let all = folding_to(&set, &key);
                let found = accepted(&set, Besides::new(FoldsTo::new(&key), stem));
                let expected: Vec<String> = all
                    .iter()
                    .filter(|t| split_form(t).map(|(s, _)| s) != Some(stem))
                    .cloned()
                    .collect();
                assert_eq!(found, expected, "stem {stem}");
                assert!(stem_folds_to(stem, &key));
                assert!(
                    !stem_folds_to(stem, &fold(&(stem.to_string() + "к"))),
                    "{stem}"
                );
                left_out += all.len() - found.len();
                kept += found.len();
            }
            assert!(left_out > 300 && kept > 300, "{left_out} {kept}");
        });
    }

    /// On random stems and words (of the letters folding treats specially), the form
    /// automaton finds exactly the terms whose form folds to the key and whose stem leaves the
    /// key's beginning for at most its last two letters.
    #[test]
    fn form_folds_to_agrees_with_a_full_scan_on_random_terms() {
        use crate::analysis::{form_term, split_form};
        let word = |max| crate::property::word("аәбгғдиікқнңпуұүыя1-", 1..=max);
        let term = (word(4), word(6), word(3)).prop_map(|(stem, other, end)| {
            // Most forms start with their stem, as Kazakh words do.
            let form = if stem.len().is_multiple_of(3) {
                other
            } else {
                stem.clone() + &end
            };
            form_term(&stem, &form)
        });
        crate::property::check(2, vec(term, 6000), |mut terms| {
            let set = term_map(&mut terms);
            // Whether the stem folds to a beginning of `key` but for at most two letters at its end,
            // after at least two that fold to the key's.
            let near = |stem: &str, key: &str| {
                let chars: Vec<char> = stem.chars().collect();
                (0..=STEM_LETTERS_OFF as usize).any(|off| {
                    let kept: String = chars[..chars.len().saturating_sub(off)].iter().collect();
                    off <= chars.len()
                        && is_candidate(&kept)
                        && key.starts_with(&fold(&kept))
                        && (off == 0 || fold(&kept).chars().count() >= 2)
                })
            };
            let mut matched = 0;
            for t in terms.iter().step_by(5) {
                let Some((_, form)) = split_form(t) else {
                    continue;
                };
                let key = fold(&form);
                let found = accepted(&set, FormFoldsTo::new(&key));
                let expected: Vec<String> = terms
                    .iter()
                    .filter(|t| {
                        let Some((stem, form)) = split_form(t) else {
                            return false;
                        };
                        is_candidate(&form)
                            && fold(&form) == key
                            && (form == stem || near(stem, &key))
                    })
                    .cloned()
                    .collect();
                assert_eq!(found, expected, "key {key}");
                matched += found.len();
            }
            assert!(matched > 500, "{matched}");
        });
    }

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
            let found = folding_to(&set, &key);
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

#[cfg(test)]
mod latin_russian_tests {
    use super::{is_foreign_word, latin_to_russian};

    #[test]
    fn english_words_and_acronyms_are_not_read_as_kazakh() {
        for w in ["AI", "IT", "GPS", "SIM", "online", "Internet", "wifi"] {
            assert!(is_foreign_word(w), "{w}");
        }
        // Kazakh and Russian typed in Latin letters, lowercase short words that Kazakh has
        // («ai» = «ай»), and the abbreviations of the law typed in Latin capitals.
        for w in [
            "ai", "it", "turaqty", "yazyke", "IIN", "MRP", "BIN", "Zan", "ай", "AI2",
        ] {
            assert!(!is_foreign_word(w), "{w}");
        }
    }

    #[test]
    fn russian_typed_in_latin_letters_reads_as_cyrillic() {
        for (latin, cyrillic) in [
            ("na", "на"),
            ("kakom", "каком"),
            ("yazyke", "языке"),
            ("idet", "идет"),
            ("sud", "суд"),
            ("kazakhstane", "казахстане"),
            ("dnei", "дней"),
            ("uvedomit", "уведомит"),
            ("obyazan", "обязан"),
            ("zhaloba", "жалоба"),
            ("shchet", "щет"),
            ("rossiia", "россия"),
            ("raionnyi", "районный"),
            ("kopeyka", "копейка"),
            ("zaiavlenie", "заявление"),
        ] {
            assert_eq!(
                latin_to_russian(latin).as_deref(),
                Some(cyrillic),
                "{latin}"
            );
        }
        // The other readings of the same Latin: `ts` as `тс`, `ia` as `иа`, a first `e` as
        // `э`, `'` as `ъ`, `x` as `х`; the usual reading stays first.
        for (latin, other) in [
            ("otsutstvie", "отсутствие"),
            ("materialy", "материалы"),
            ("initsiativa", "инициатива"),
            ("ekonomiki", "экономики"),
            ("pod'ezd", "подъезд"),
            ("xoziain", "хозяин"),
            ("pravitelstva", "правительства"),
            ("otvetstvennost", "ответственность"),
        ] {
            let readings = super::latin_readings(latin);
            assert!(readings.iter().any(|r| r == other), "{latin}: {readings:?}");
            assert_eq!(
                readings.first(),
                latin_to_russian(latin).as_ref(),
                "{latin}"
            );
            assert!(readings.len() <= super::MAX_READINGS, "{latin}");
        }
        assert_eq!(latin_to_russian("sud2"), None);
        assert_eq!(latin_to_russian("суд"), None);
        assert_eq!(latin_to_russian(""), None);
    }
}

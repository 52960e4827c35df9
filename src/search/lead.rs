//! Which words of a text may hold a query's word, found without tokenizing the text.
//!
//! The highlighter stems only the tokens whose folded beginning (two letters) is one of the
//! query's, but tokenizing every hit's whole text to find them cost more than the search
//! itself. [`LeadFilter`] reads the text's bytes instead
//! and keeps the words (runs of bytes between ASCII whitespace) that may hold such a token;
//! only those are tokenized.
//!
//! A word is kept unless it is plain: two-byte Cyrillic letters and ASCII characters other than
//! letters and apostrophes. In a plain word the tokenizer's normalization changes nothing but
//! case, and a token starts either at a run of Cyrillic letters, whose beginning is then the
//! token's, or at a digit or a sign, which no Cyrillic beginning matches. So a plain word is
//! dropped only when the folded beginning of each of its letter runs is none of the query's,
//! computed as the highlighter computes it. Every other word is kept, and so are the words
//! around whitespace that a token could span (`№ 16354`): they start with a sign or a digit.
//! The filter is only used when every beginning the query has is made of Cyrillic letters.

use crate::analysis::normalize::push_lower;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::OnceLock;

/// What a byte of a text is to the scan of [`LeadFilter::regions`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Byte {
    /// ASCII whitespace: words end there.
    Space,
    /// ASCII other than letters, apostrophes and whitespace: digits and signs.
    Sign,
    /// The first byte of a two-byte Cyrillic character (D0–D3).
    Cyrillic,
    /// Anything else (ASCII letters and apostrophes, other scripts, other signs): the word is
    /// kept.
    Keep,
}

const fn byte_classes() -> [Byte; 256] {
    let mut t = [Byte::Keep; 256];
    let mut x = 0;
    while x < 128 {
        let c = x as u8;
        t[x] = if c.is_ascii_whitespace() {
            Byte::Space
        } else if c.is_ascii_alphabetic() || c == b'\'' || c == b'`' {
            Byte::Keep
        } else {
            Byte::Sign
        };
        x += 1;
    }
    t[0xD0] = Byte::Cyrillic;
    t[0xD1] = Byte::Cyrillic;
    t[0xD2] = Byte::Cyrillic;
    t[0xD3] = Byte::Cyrillic;
    t
}

static BYTES: [Byte; 256] = byte_classes();

/// A set of the two-byte Cyrillic characters U+0400–U+04FF: bit `y & 63` of word `x & 3` for
/// the bytes `x y`.
type CyrillicSet = [u64; 4];

#[inline]
fn contains(set: &CyrillicSet, x: u8, y: u8) -> bool {
    set[usize::from(x & 3)] >> (y & 63) & 1 == 1
}

/// The letters of plain words: U+0400–U+04FF but the sign `҂` and the combining marks
/// U+0483–U+0489, and but `Ӊ`/`ӊ`, which repair changes to another letter.
const PLAIN: CyrillicSet = {
    let mut set = [u64::MAX; 4];
    // U+0482–U+0489: D2 82–89.
    set[2] &= !(0xFF << 2);
    // U+04C9, U+04CA: D3 89–8A.
    set[3] &= !(0b11 << 9);
    set
};

/// Raw letters folded as the highlighter folds the token they begin ([`fold_lowered`]): the
/// tokenizer's normalization lowercases them first (`push_lower`). Computed once per
/// character and once per distinct beginning, so it allocates its own buffers.
fn fold_raw(chars: impl Iterator<Item = char>) -> String {
    let mut normal = String::new();
    chars.for_each(|c| push_lower(c, &mut normal));
    let (mut lower, mut folded) = (String::new(), String::new());
    fold_lowered(normal.chars(), &mut lower, &mut folded);
    folded
}

/// For each character U+0400–U+04FF, the first character of its fold after lowercasing
/// (`None` for `ъ`, `ь`, which fold to nothing).
fn fold_firsts() -> &'static [Option<char>; 256] {
    static FIRSTS: OnceLock<[Option<char>; 256]> = OnceLock::new();
    FIRSTS.get_or_init(|| {
        let mut firsts = [None; 256];
        for (k, first) in firsts.iter_mut().enumerate() {
            let Some(c) = char::from_u32(0x0400 + k as u32) else {
                continue;
            };
            *first = fold_raw(std::iter::once(c)).chars().next();
        }
        firsts
    })
}

/// The folded beginnings a token must start with to be highlighted, and the Cyrillic letters
/// that may start such a token.
#[derive(Debug)]
pub(crate) struct LeadFilter {
    prefixes: Vec<String>,
    /// The letters whose fold starts with a prefix's first letter, or is empty (`ъ`, `ь`).
    first: CyrillicSet,
    /// Whether a run of letters may begin a token with a prefix, by its first four letters'
    /// bytes (zero-padded).
    heads: RefCell<FxHashMap<u64, bool>>,
}

impl LeadFilter {
    /// The filter for the highlighter's `prefixes` (folded, non-empty); `None` when one of them
    /// has anything but Cyrillic letters: a token starting with a digit, a sign or a Latin
    /// letter could then match, and those may start anywhere.
    pub(crate) fn new(prefixes: &[String]) -> Option<Self> {
        let cyrillic = |c: char| ('\u{0400}'..='\u{04FF}').contains(&c) && c.is_alphabetic();
        if prefixes.is_empty() || !prefixes.iter().all(|p| p.chars().all(cyrillic)) {
            return None;
        }
        let firsts: Vec<char> = prefixes.iter().filter_map(|p| p.chars().next()).collect();
        let mut first = [0u64; 4];
        for (k, folded) in fold_firsts().iter().enumerate() {
            if folded.is_none_or(|f| firsts.contains(&f)) {
                // U+0400 + k is the bytes D0 | k >> 6, 80 | k & 63.
                first[k >> 6] |= 1 << (k & 63);
            }
        }
        for (word, plain) in first.iter_mut().zip(PLAIN) {
            *word &= plain;
        }
        Some(LeadFilter {
            prefixes: prefixes.to_vec(),
            first,
            heads: RefCell::default(),
        })
    }

    /// Whether a token starting at the letter run `run` (the bytes from the run's first letter
    /// to the end of its word) may have one of the prefixes, as the highlighter tests it: the
    /// token's first four characters, lowercased and folded, start with a prefix. A run of
    /// fewer than four letters may go on in the same token with digits or signs (`аб1`, `а.б`),
    /// which fold to themselves: what follows the run's fold is then no Cyrillic letter, so
    /// the run's fold alone decides.
    fn run_may_match(&self, run: &[u8]) -> bool {
        if !contains(&self.first, run[0], run[1]) {
            return false;
        }
        let mut len = 2;
        while len < 8 && len + 1 < run.len() && is_plain_letter(run[len], run[len + 1]) {
            len += 2;
        }
        let mut key = [0u8; 8];
        key[..len].copy_from_slice(&run[..len]);
        let key = u64::from_le_bytes(key);
        *self.heads.borrow_mut().entry(key).or_insert_with(|| {
            let letters = run[..len].chunks_exact(2).filter_map(|pair| {
                char::from_u32((u32::from(pair[0] & 0x1F) << 6) | u32::from(pair[1] & 0x3F))
            });
            let folded = fold_raw(letters);
            self.prefixes.iter().any(|p| folded.starts_with(p.as_str()))
        })
    }

    /// Appends to `out` the byte ranges of `text` outside which no token may have one of the
    /// prefixes: runs of kept words, each range from a kept word's first byte to the last kept
    /// word's end before a dropped one.
    pub(crate) fn regions(&self, text: &str, out: &mut Vec<[usize; 2]>) {
        let b = text.as_bytes();
        let n = b.len();
        // Whether a word was dropped since the last range ended.
        let mut dropped = true;
        let mut i = 0;
        while i < n {
            while i < n && BYTES[usize::from(b[i])] == Byte::Space {
                i += 1;
            }
            let start = i;
            let mut keep = false;
            let mut in_run = false;
            while i < n {
                match BYTES[usize::from(b[i])] {
                    Byte::Space => break,
                    Byte::Sign => {
                        in_run = false;
                        i += 1;
                    }
                    // A lead byte of valid UTF-8 has its continuation byte.
                    Byte::Cyrillic if i + 1 < n && contains(&PLAIN, b[i], b[i + 1]) => {
                        if !in_run && self.run_may_match(&b[i..]) {
                            keep = true;
                            break;
                        }
                        in_run = true;
                        i += 2;
                        // The rest of the run, a letter at a time.
                        while i + 1 < n && b[i] & 0xFC == 0xD0 && contains(&PLAIN, b[i], b[i + 1]) {
                            i += 2;
                        }
                    }
                    Byte::Cyrillic | Byte::Keep => {
                        keep = true;
                        break;
                    }
                }
            }
            if !keep {
                dropped |= i > start;
                continue;
            }
            while i < n && BYTES[usize::from(b[i])] != Byte::Space {
                i += 1;
            }
            match out.last_mut() {
                // Only whitespace since the last kept word: one range.
                Some(last) if !dropped => last[1] = i,
                _ => out.push([start, i]),
            }
            dropped = false;
        }
    }
}

/// Whether the bytes `x y` are a letter of a plain word ([`PLAIN`]).
#[inline]
fn is_plain_letter(x: u8, y: u8) -> bool {
    BYTES[usize::from(x)] == Byte::Cyrillic && contains(&PLAIN, x, y)
}

/// Folds `chars` (at most a token's first four characters), lowercased, into `folded`, through the
/// buffer `lower`: what the highlighter compares with the query's folded beginnings. One
/// function for the highlighter (`search::snippet`) and for the lead filter, which must
/// agree with it exactly.
pub(super) fn fold_lowered(
    chars: impl Iterator<Item = char>,
    lower: &mut String,
    folded: &mut String,
) {
    lower.clear();
    folded.clear();
    lower.extend(chars.flat_map(char::to_lowercase));
    crate::analysis::fold::fold_into(lower, folded);
}

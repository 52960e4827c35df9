//! The Kazakh tokenizer: normalization, Unicode word boundaries, legal numbers.
//!
//! Words are cut on Unicode (UAX #29) word boundaries of the normalized text, repaired and
//! lowercased. Legal numbers and references stay whole AND are reachable by their parts: for
//! `11-1-4/730` the tokenizer emits `11-1-4/730`, `11`, `1`, `4`, `730` all at ONE position, so a
//! phrase query over the whole reference matches, and a query for any part finds it too.
//! Shapes handled: `14-1`, `1-1)` (also emitted without the parenthesis), `№ 16354` (`№16354`
//! plus `16354`), `3-қосымша` / `14-бабы` (number + word: compound, number, word; ordinal
//! endings `55-ші` give the compound and the number only).
//!
//! Offsets are byte offsets into the ORIGINAL text.
//!
//! Speed: a text made only of ASCII, Latin, Cyrillic letters and common punctuation (nearly
//! every legal text) is cut by a byte-level segmenter that implements the UAX #29 rules those
//! characters can meet, with no normalization pass (such a text is its own NFC form); any
//! other text is normalized and cut by unicode-segmentation. See `segments` for why the two
//! agree; the tests check them against each other. The byte-level segmenter also works out, as
//! it reads a word, how the word is to be lowercased (`Case`: as it is, by the cheap
//! `lower_simple`, or by the full repair), and keeps no segment for runs of spaces (a gap
//! between two segments stands for one), so each word is read once and each space costs next
//! to nothing. A random test checks the tokens against the tokenizer as it was before.

use super::normalize::{
    is_letter, lower_cyr_run, lower_simple, normalize, repair_lower, Normalized,
};
use std::rc::Rc;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_segmentation::UnicodeSegmentation;

/// zanlex's tokenizer; every analyzer starts with it, so positions agree across fields.
#[derive(Clone, Default)]
pub struct KkTokenizer {
    /// The token handed out, overwritten at each step (its text buffer is reused).
    token: Token,
}

/// The token stream of [`KkTokenizer`] (tokens are computed up front, or taken from the
/// per-thread memo, and copied one at a time into a reused token).
pub struct KkTokenStream<'a> {
    tokens: Rc<Packed>,
    token: &'a mut Token,
    next: usize,
}

impl Tokenizer for KkTokenizer {
    type TokenStream<'a> = KkTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> KkTokenStream<'a> {
        KkTokenStream {
            tokens: memo_tokenize(text),
            token: &mut self.token,
            next: 0,
        }
    }
}

/// One token of a [`Packed`] list: its text is `Packed::texts[start..end]`.
#[derive(Clone, Copy)]
pub(super) struct PackedToken {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) offset_from: usize,
    pub(super) offset_to: usize,
    pub(super) position: usize,
}

impl PackedToken {
    /// Makes `t` this token, with text `text` (the stream's reused token: its buffer is kept).
    #[inline]
    pub(super) fn write_to(&self, t: &mut Token, text: &str) {
        t.offset_from = self.offset_from;
        t.offset_to = self.offset_to;
        t.position = self.position;
        t.position_length = 1;
        t.text.clear();
        t.text.push_str(text);
    }
}

/// The tokens of one text with all their texts in one string: one allocation per text instead
/// of one per token (the token stream copies each text into its reused token anyway).
#[derive(Default)]
pub(super) struct Packed {
    pub(super) texts: String,
    pub(super) tokens: Vec<PackedToken>,
    /// What the stem analyzers make of these tokens, computed by the first of them to read
    /// the text and read by the others ([`super::StemOutputs`]).
    pub(super) stems: std::cell::OnceCell<super::StemOutputs>,
}

/// Where [`tokenize_with`] writes its tokens: a `Vec<Token>` ([`tokenize_into`]) or a
/// [`Packed`] list (the memo of the token stream).
trait Sink {
    /// How many tokens have been written.
    fn count(&self) -> usize;
    /// The text of token `i`.
    fn text_of(&self, i: usize) -> &str;
    /// Makes room for about `bytes` bytes of token text in `tokens` tokens.
    fn reserve(&mut self, bytes: usize, tokens: usize);
    /// Writes a token whose text is `text` followed by `suffix`.
    fn push(&mut self, text: &str, suffix: &str, from: usize, to: usize, position: usize);
    /// Writes a token whose text `write` appends to the string it is given, followed by
    /// `suffix` (a lowercased word is written where it is kept, not copied there).
    fn push_with(
        &mut self,
        write: impl FnOnce(&mut String),
        suffix: &str,
        from: usize,
        to: usize,
        position: usize,
    );
}

impl Sink for Vec<Token> {
    fn reserve(&mut self, _bytes: usize, tokens: usize) {
        Vec::reserve(self, tokens);
    }
    fn count(&self) -> usize {
        self.len()
    }
    fn text_of(&self, i: usize) -> &str {
        &self[i].text
    }
    fn push_with(
        &mut self,
        write: impl FnOnce(&mut String),
        suffix: &str,
        from: usize,
        to: usize,
        position: usize,
    ) {
        let mut s = String::new();
        write(&mut s);
        s.push_str(suffix);
        Vec::push(
            self,
            Token {
                offset_from: from,
                offset_to: to,
                position,
                text: s,
                position_length: 1,
            },
        );
    }
    fn push(&mut self, text: &str, suffix: &str, from: usize, to: usize, position: usize) {
        let mut s = String::with_capacity(text.len() + suffix.len());
        s.push_str(text);
        s.push_str(suffix);
        Vec::push(
            self,
            Token {
                offset_from: from,
                offset_to: to,
                position,
                text: s,
                position_length: 1,
            },
        );
    }
}

impl Sink for Packed {
    fn reserve(&mut self, bytes: usize, tokens: usize) {
        self.texts.reserve(bytes);
        self.tokens.reserve(tokens);
    }
    fn count(&self) -> usize {
        self.tokens.len()
    }
    fn text_of(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.texts[t.start..t.end]
    }
    #[inline]
    fn push_with(
        &mut self,
        write: impl FnOnce(&mut String),
        suffix: &str,
        from: usize,
        to: usize,
        position: usize,
    ) {
        let start = self.texts.len();
        write(&mut self.texts);
        if !suffix.is_empty() {
            self.texts.push_str(suffix);
        }
        self.tokens.push(PackedToken {
            start,
            end: self.texts.len(),
            offset_from: from,
            offset_to: to,
            position,
        });
    }
    #[inline]
    fn push(&mut self, text: &str, suffix: &str, from: usize, to: usize, position: usize) {
        let start = self.texts.len();
        self.texts.push_str(text);
        if !suffix.is_empty() {
            self.texts.push_str(suffix);
        }
        self.tokens.push(PackedToken {
            start,
            end: self.texts.len(),
            offset_from: from,
            offset_to: to,
            position,
        });
    }
}

/// How many recent texts [`memo_tokenize`] remembers per thread.
const MEMO_TEXTS: usize = 4;
/// Texts longer than this are tokenized without being remembered.
const MEMO_MAX_BYTES: usize = 1 << 20;

/// The memo's state: the slot to overwrite next, and (text, tokens) entries.
type Memo = (usize, Vec<(String, Rc<Packed>)>);

thread_local! {
    /// The last few texts tokenized on this thread and their tokens. The index writes each
    /// unit's text into three fields (exact, stem, loose) and each title and heading
    /// into two or three, and tantivy analyzes them one after the other on one thread: only the
    /// first pass normalizes and segments (callgrind: a third fewer indexing instructions).
    static MEMO: std::cell::RefCell<Memo> =
        const { std::cell::RefCell::new((0, Vec::new())) };
}

/// The tokens of `text` through the per-thread memo, shared, not copied.
pub(super) fn memo_tokenize(text: &str) -> Rc<Packed> {
    if text.len() > MEMO_MAX_BYTES {
        let mut tokens = Packed::default();
        tokenize_with(text, &mut tokens);
        return Rc::new(tokens);
    }
    let hit = MEMO.with(|m| {
        let m = m.borrow();
        m.1.iter()
            .find(|(t, _)| t == text)
            .map(|(_, toks)| Rc::clone(toks))
    });
    if let Some(toks) = hit {
        return toks;
    }
    let mut tokens = Packed::default();
    tokenize_with(text, &mut tokens);
    let tokens = Rc::new(tokens);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        let (next, entries) = &mut *m;
        if entries.len() < MEMO_TEXTS {
            entries.push((text.to_string(), Rc::clone(&tokens)));
        } else {
            let e = &mut entries[*next % MEMO_TEXTS];
            e.0.clear();
            e.0.push_str(text);
            e.1 = Rc::clone(&tokens);
        }
        *next = (*next + 1) % MEMO_TEXTS;
    });
    tokens
}

impl TokenStream for KkTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(src) = self.tokens.tokens.get(self.next) else {
            return false;
        };
        self.next += 1;
        src.write_to(self.token, &self.tokens.texts[src.start..src.end]);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Num,
    Word,
    Space,
    Other,
}

fn kind(seg: &str) -> Kind {
    let mut chars = seg.chars();
    let Some(c) = chars.next() else {
        return Kind::Other;
    };
    if is_letter(c) {
        return Kind::Word;
    }
    if c.is_whitespace() {
        return Kind::Space;
    }
    if c.is_numeric() {
        // UAX #29 keeps `26.05.2022` and `2,5` whole; a digit-led segment with letters
        // (`5a`) is a word.
        if seg.chars().any(is_letter) {
            return Kind::Word;
        }
        return Kind::Num;
    }
    if is_letter(c) || seg.chars().any(|c| is_letter(c) || c.is_numeric()) {
        Kind::Word
    } else {
        Kind::Other
    }
}

/// Word-break classes (UAX #29 `Word_Break` values) of the characters the fast segmenter
/// handles; `Double_Quote` is `Other` here (it only matters next to Hebrew letters, which are
/// not handled).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Wb {
    Cr,
    Lf,
    Newline,
    /// `WSegSpace`.
    Space,
    /// `ALetter`.
    Letter,
    /// `Numeric` (ASCII digits only).
    Digit,
    MidLetter,
    MidNum,
    MidNumLet,
    /// `Single_Quote`.
    Quote,
    ExtNumLet,
    Other,
}

/// `Word_Break` of the ASCII characters (Unicode 17, as in unicode-segmentation).
const ASCII_WB: [Wb; 128] = {
    let mut t = [Wb::Other; 128];
    t[b'\n' as usize] = Wb::Lf;
    t[0x0B] = Wb::Newline;
    t[0x0C] = Wb::Newline;
    t[b'\r' as usize] = Wb::Cr;
    t[b' ' as usize] = Wb::Space;
    t[b'\'' as usize] = Wb::Quote;
    t[b',' as usize] = Wb::MidNum;
    t[b';' as usize] = Wb::MidNum;
    t[b'.' as usize] = Wb::MidNumLet;
    t[b':' as usize] = Wb::MidLetter;
    t[b'_' as usize] = Wb::ExtNumLet;
    let mut c = b'0';
    while c <= b'9' {
        t[c as usize] = Wb::Digit;
        c += 1;
    }
    let mut c = b'a';
    while c <= b'z' {
        t[c as usize] = Wb::Letter;
        t[(c - 32) as usize] = Wb::Letter;
        c += 1;
    }
    t
};

/// The word-break class of `c` when the fast segmenter handles it: ASCII, Latin-1 (not the
/// soft hyphen), Latin up to U+02FF, Cyrillic letters and `҂`, general punctuation
/// U+2010–U+205F, `№` and private-use characters (PDF bullets). `None` for everything else,
/// notably the classes whose rules need more context (`Extend`, `Format`, `ZWJ`, emoji,
/// regional indicators, Hebrew, Katakana).
///
/// Every one of these characters is NFC by itself, with combining class 0, and none is
/// dropped by [`normalize`], so a text made only of them is its own normalized form (this set
/// is the `is_simple` set of `normalize`).
#[inline]
fn fast_class(c: char) -> Option<Wb> {
    let u = c as u32;
    Some(match u {
        0..=0x7F => ASCII_WB[u as usize],
        0x85 => Wb::Newline,
        0xAD => return None,
        0xAA | 0xB5 | 0xBA | 0xB8 => Wb::Letter,
        0xB7 => Wb::MidLetter,
        0x80..=0xBF | 0xD7 | 0xF7 => Wb::Other,
        0xC0..=0x2D7 | 0x2DE..=0x2FF => Wb::Letter,
        0x2D8..=0x2DD => Wb::Other,
        0x400..=0x481 | 0x48A..=0x52F => Wb::Letter,
        0x482 => Wb::Other,
        0x205F => Wb::Space,
        0x2010..=0x2017 | 0x201A..=0x2023 | 0x2025 | 0x2026 => Wb::Other,
        0x2018 | 0x2019 | 0x2024 => Wb::MidNumLet,
        0x2027 => Wb::MidLetter,
        0x2028 | 0x2029 => Wb::Newline,
        0x202F | 0x203F | 0x2040 | 0x2054 => Wb::ExtNumLet,
        0x2044 => Wb::MidNum,
        0x2030..=0x205E => Wb::Other,
        0x2116 => Wb::Other,
        0xE000..=0xF8FF => Wb::Other,
        _ => return None,
    })
}

/// The class of the character starting at byte `i` of `b` (valid UTF-8, `i` on a character
/// boundary) and its length in bytes.
#[inline(always)]
fn class_at(b: &[u8], i: usize) -> Option<(Wb, usize)> {
    let x = b[i];
    if x < 0x80 {
        return Some((ASCII_WB[x as usize], 1));
    }
    let y = u32::from(b[i + 1] & 0x3F);
    if x < 0xE0 {
        let u = (u32::from(x & 0x1F) << 6) | y;
        // Cyrillic letters first: most non-ASCII characters of the corpus.
        if (0x400..=0x481).contains(&u) || (0x48A..=0x52F).contains(&u) {
            return Some((Wb::Letter, 2));
        }
        return fast_class(char::from_u32(u)?).map(|w| (w, 2));
    }
    if x < 0xF0 {
        let u = (u32::from(x & 0x0F) << 12) | (y << 6) | u32::from(b[i + 2] & 0x3F);
        return fast_class(char::from_u32(u)?).map(|w| (w, 3));
    }
    None
}

/// [`Kind`] of a one-character segment cut by [`fast_segments`] whose character (code point
/// `u`) is of class `Other`, `MidLetter`, `MidNum`, `MidNumLet` or `Single_Quote`: what [`kind`]
/// says, without its Unicode table lookups. Among these characters only `\t` and U+00A0 are
/// white space, only the Latin-1 superscripts and fractions are numeric, and none is a letter
/// (the `fast_path_agrees_with_unicode_segmentation` test checks every one against [`kind`]).
#[inline]
fn punct_kind(u: u32) -> Kind {
    match u {
        0x09 | 0xA0 => Kind::Space,
        0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE => Kind::Num,
        _ => Kind::Other,
    }
}

/// How a word segment is lowercased and repaired (known only on the fast path; the other path
/// says `General` for every segment).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Case {
    /// [`repair_lower`] leaves it as it is (lowercase Cyrillic or ASCII, not mixed).
    Lower,
    /// ASCII and two-byte Cyrillic only, not mixing Latin and Cyrillic letters:
    /// [`lower_simple`] gives what [`repair_lower`] gives.
    Simple,
    /// Anything else: [`repair_lower`].
    General,
}

/// A word-boundary segment: its byte range in the segmented text, its [`Kind`], and how a
/// word is lowercased ([`Case`]).
///
/// The fast segmenter does not keep runs of spaces (`WSegSpace`: U+0020, U+205F), the most
/// common segment after words: where a segment does not start where the one before it ends,
/// the gap was exactly one such run (two runs side by side would be one segment, WB3d). Such a
/// run is a `Space` segment without a newline, so the tokenizer reads a gap as one.
#[derive(Clone, Copy, Debug)]
struct Seg {
    start: usize,
    end: usize,
    kind: Kind,
    case: Case,
}

/// Cuts `t` into UAX #29 word-boundary segments with their [`Kind`]s.
///
/// Texts made only of the characters of [`fast_class`] (nearly all legal text: Kazakh, Russian,
/// Latin, digits, punctuation) are cut by [`fast_segments`]; any other text goes whole to
/// unicode-segmentation. The two agree on the fast texts because there the UAX #29 rules reduce
/// to a few: no `Extend`/`Format`/`ZWJ` means WB4 never applies and WB3c never fires, no
/// regional indicators, Hebrew or Katakana means WB7a–c, WB13 and WB15–16 never apply, so what
/// is left is WB3–WB3b (CR LF, newlines), WB3d (space runs), WB5, WB8–WB10, WB13a–b (letters,
/// digits and `_` join), WB6–7 (letter Mid letter) and WB11–12 (digit Mid digit); everything
/// else breaks (WB999). The `fast_path_agrees_with_unicode_segmentation` test checks every
/// fast character in context against the crate.
fn segments(t: &str, segs: &mut Vec<Seg>) {
    if !fast_segments(t, segs) {
        segs.clear();
        slow_segments(t, segs);
    }
}

/// The segments of `t` by unicode-segmentation, [`kind`] for their kinds.
fn slow_segments(t: &str, segs: &mut Vec<Seg>) {
    segs.extend(t.split_word_bound_indices().map(|(i, s)| Seg {
        start: i,
        end: i + s.len(),
        kind: kind(s),
        case: Case::General,
    }));
}

/// Where the run of spaces that goes on at byte `e` of `b` ends: the `WSegSpace` characters
/// of [`fast_class`] are U+0020 and U+205F. Whatever comes next is classified (or declined) by
/// the segmenter's next round.
#[inline(always)]
fn space_run_end(b: &[u8], mut e: usize) -> usize {
    loop {
        match b.get(e) {
            Some(b' ') => e += 1,
            Some(0xE2) if b.get(e + 1..e + 3) == Some(&[0x81, 0x9F]) => e += 3,
            _ => return e,
        }
    }
}

/// The fast segmenter of [`segments`]; false (with `segs` partly filled) as soon as it meets a
/// character outside [`fast_class`].
fn fast_segments(t: &str, segs: &mut Vec<Seg>) -> bool {
    let b = t.as_bytes();
    let n = b.len();
    let mut i = 0usize;
    while i < n {
        let x = b[i];
        if x == b' ' {
            // The most common segment, not kept (below).
            i = space_run_end(b, i + 1);
            continue;
        }
        let (c, len) = if x < 0x80 {
            (ASCII_WB[usize::from(x)], 1)
        } else if (0xD0..=0xD3).contains(&x) && (x != 0xD2 || !(0x82..=0x89).contains(&b[i + 1])) {
            // A Cyrillic letter (what [`class_at`] says, without decoding it).
            (Wb::Letter, 2)
        } else {
            let Some(cl) = class_at(b, i) else {
                return false;
            };
            cl
        };
        let mut e = i + len;
        let mut case = Case::General;
        let kind = match c {
            Wb::Cr => {
                if b.get(e) == Some(&b'\n') {
                    e += 1;
                }
                Kind::Space
            }
            // All of them are `White_Space`.
            Wb::Lf | Wb::Newline => Kind::Space,
            Wb::Space => {
                // A run of spaces is not kept: the gap it leaves between two segments
                // stands for it ([`Seg`]).
                i = space_run_end(b, e);
                continue;
            }
            Wb::Letter | Wb::Digit | Wb::ExtNumLet => {
                // The run is read from its first character, which is also noted in the
                // [`Case`] flags (bits of `f`): Cyrillic letters, ASCII letters, characters
                // lowercasing changes, characters other than ASCII and two-byte Cyrillic,
                // letters.
                const CYR: u8 = 1;
                const LATIN: u8 = 2;
                const CHANGES: u8 = 4;
                const OTHER: u8 = 8;
                const LETTER: u8 = 16;
                e = i;
                let mut prev = c;
                let mut f = 0u8;
                while e < n {
                    // Most letters first: lowercase Cyrillic letters change nothing.
                    let run = lower_cyr_run(&b[e..]);
                    if run > 0 {
                        e += run;
                        f |= CYR | LETTER;
                        prev = Wb::Letter;
                        continue;
                    }
                    // Then the other Cyrillic letters (two-byte, lead D0, D1, D3, or D2
                    // outside `҂` and the combining U+0483–U+0489).
                    let x = b[e];
                    if (0xD0..=0xD3).contains(&x) {
                        let y = b[e + 1];
                        if x != 0xD2 || !(0x82..=0x89).contains(&y) {
                            f |= CYR | LETTER | CHANGES;
                            prev = Wb::Letter;
                            e += 2;
                            continue;
                        }
                    }
                    if x == b' ' {
                        // The most common end of a word.
                        break;
                    }
                    let (next, l) = if x < 0x80 {
                        // ASCII letters always join the run (WB5, WB9, WB13b); other ASCII
                        // characters change nothing, joined or not.
                        if x.is_ascii_alphabetic() {
                            f |= LATIN;
                        }
                        if x.is_ascii_uppercase() {
                            f |= CHANGES;
                        }
                        (ASCII_WB[usize::from(x)], 1)
                    } else {
                        let Some(cl) = class_at(b, e) else {
                            return false;
                        };
                        cl
                    };
                    if matches!(next, Wb::Letter | Wb::Digit | Wb::ExtNumLet) {
                        if l > 1 {
                            f |= OTHER;
                        }
                        if next == Wb::Letter {
                            f |= LETTER;
                        }
                        prev = next;
                        e += l;
                        continue;
                    }
                    let mid_letter = prev == Wb::Letter
                        && matches!(next, Wb::MidLetter | Wb::MidNumLet | Wb::Quote);
                    let mid_num =
                        prev == Wb::Digit && matches!(next, Wb::MidNum | Wb::MidNumLet | Wb::Quote);
                    if (mid_letter || mid_num) && e + l < n {
                        let Some((after, _)) = class_at(b, e + l) else {
                            return false;
                        };
                        if after == prev {
                            // WB6/7, WB11/12: the middle character joins; the one after it
                            // (a letter or digit like `prev`) joins in the next round.
                            if l > 1 {
                                f |= OTHER;
                            }
                            prev = next;
                            e += l;
                            continue;
                        }
                    }
                    break;
                }
                case = if f & OTHER != 0 || f & (CYR | LATIN) == CYR | LATIN {
                    Case::General
                } else if f & CHANGES != 0 {
                    Case::Simple
                } else {
                    Case::Lower
                };
                match c {
                    // ASCII and Cyrillic letters are letters ([`is_letter`]); Latin-1
                    // modifier letters (`¸`) are `ALetter` without being alphabetic: [`kind`]
                    // decides.
                    Wb::Letter if x < 0x80 || (0xD0..=0xD4).contains(&x) => Kind::Word,
                    // A digit run with no letter: ASCII digits, `_`-like connectors and
                    // number punctuation, none of them a letter.
                    Wb::Digit if f & LETTER == 0 => Kind::Num,
                    _ => kind(&t[i..e]),
                }
            }
            _ => {
                // A one-character segment (WB999).
                if x < 0x80 {
                    punct_kind(u32::from(x))
                } else {
                    t[i..e]
                        .chars()
                        .next()
                        .map_or(Kind::Other, |ch| punct_kind(ch as u32))
                }
            }
        };
        segs.push(Seg {
            start: i,
            end: e,
            kind,
            case,
        });
        i = e;
    }
    true
}

/// Ordinal endings after a hyphen (`55-ші`, `1-інші`): not worth a token of their own.
fn is_ordinal_ending(w: &str) -> bool {
    matches!(
        w,
        "ші" | "шы"
            | "інші"
            | "ыншы"
            | "нші"
            | "ншы"
            | "ый"
            | "ий"
            | "й"
            | "го"
            | "ая"
            | "е"
    )
}

/// Tokenizes `text` into `tokens` (appending). Public for the evaluation and bench programs
/// and the snippet builder, which keep the tokens.
#[cfg(any(test, feature = "internals"))]
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    tokenize_with(text, tokens);
}

/// The tokens of one text, their texts packed in one string: a buffer the snippet builder
/// reuses from text to text, so reading a text's tokens allocates nothing per token (a
/// `Vec<Token>` holds one `String` each).
#[derive(Default)]
pub struct TokenBuf {
    packed: Packed,
}

/// One token of a [`TokenBuf`], borrowed: the fields of a [`Token`] the analyzers set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenRef<'a> {
    pub text: &'a str,
    /// Byte offsets into the original text.
    pub offset_from: usize,
    pub offset_to: usize,
    pub position: usize,
}

impl std::fmt::Debug for TokenBuf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl TokenBuf {
    /// How many tokens the buffer holds.
    #[cfg(any(test, feature = "internals"))]
    pub fn len(&self) -> usize {
        self.packed.tokens.len()
    }

    /// True when the buffer holds no token.
    #[cfg(any(test, feature = "internals"))]
    pub fn is_empty(&self) -> bool {
        self.packed.tokens.is_empty()
    }

    /// The tokens, in the order [`tokenize_into`] gives them.
    pub fn iter(&self) -> impl Iterator<Item = TokenRef<'_>> + '_ {
        self.packed.tokens.iter().map(|t| TokenRef {
            text: &self.packed.texts[t.start..t.end],
            offset_from: t.offset_from,
            offset_to: t.offset_to,
            position: t.position,
        })
    }
}

/// Tokenizes `text` into `out`, replacing what it held: the same tokens as [`tokenize_into`],
/// without a `String` per token.
///
/// ```
/// use zanlex::internals::analysis::tokenizer::{tokenize_packed, TokenBuf};
/// let mut buf = TokenBuf::default();
/// tokenize_packed("№ 16354 Бұйрық", &mut buf);
/// let texts: Vec<&str> = buf.iter().map(|t| t.text).collect();
/// assert_eq!(texts, ["№16354", "16354", "бұйрық"]);
/// ```
pub fn tokenize_packed(text: &str, out: &mut TokenBuf) {
    out.packed.texts.clear();
    out.packed.tokens.clear();
    out.packed.stems.take();
    tokenize_with(text, &mut out.packed);
}

/// The tokenizer proper: normalize, cut into word-boundary segments ([`segments`]), then
/// emit words and legal-number chains into `sink`.
fn tokenize_with<S: Sink>(text: &str, sink: &mut S) {
    tokenize_impl(text, sink, true);
}

/// [`tokenize_with`]; without `fast`, every text is normalized and cut by unicode-segmentation
/// (the reference the tests compare the fast path with).
fn tokenize_impl<S: Sink>(text: &str, sink: &mut S, fast: bool) {
    SEGS.with(|cell| {
        // A reentrant call (none is known) gets a buffer of its own.
        let mut own = Vec::new();
        let mut guard = cell.try_borrow_mut();
        let segs = match guard.as_deref_mut() {
            Ok(v) => v,
            Err(_) => &mut own,
        };
        segs.clear();
        tokenize_segs(text, sink, fast, segs);
        segs.clear();
        // A very long text's buffer is not kept (32 bytes a segment).
        if segs.capacity() > 1 << 16 {
            *segs = Vec::new();
        }
    });
}

thread_local! {
    /// The segment buffer of [`tokenize_impl`], reused from text to text on a thread.
    static SEGS: std::cell::RefCell<Vec<Seg>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// True when segment `s` of `b` is the text `lit`.
#[inline(always)]
fn seg_is(b: &[u8], s: &Seg, lit: &str) -> bool {
    b.get(s.start..s.end) == Some(lit.as_bytes())
}

/// The tokenizer proper on an empty segment buffer `segs`: normalize, cut into word-boundary
/// segments ([`segments`]), then emit words and legal-number chains into `sink`.
fn tokenize_segs<S: Sink>(text: &str, sink: &mut S, fast: bool, segs: &mut Vec<Seg>) {
    // A text the fast segmenter takes whole is its own normalized form ([`fast_class`]): it is
    // segmented as it is, without a separate normalization pass.
    let norm: Normalized;
    let t: &str = if fast && fast_segments(text, segs) {
        norm = Normalized::unchanged(text);
        text
    } else {
        segs.clear();
        norm = normalize(text);
        if fast {
            segments(&norm.text, segs);
        } else {
            slow_segments(&norm.text, segs);
        }
        &norm.text
    };
    let b = t.as_bytes();
    // About one token a segment: spaces have no segment on the fast path.
    sink.reserve(t.len(), segs.len() + 1);
    let mut position = 0usize;
    let mut i = 0usize;
    let mut buf = String::new();
    let mut parts: Vec<(usize, &str)> = Vec::new();
    while i < segs.len() {
        let s = segs[i];
        // `№ 16354`, `№11-1-4/730`: the sign joins the number that follows.
        let mut numero = None;
        let mut j = i;
        match s.kind {
            Kind::Word => {
                let seg = &t[s.start..s.end];
                let mut end = s.end;
                let mut apostrophe = "";
                // 2017 Latin writes letters with an apostrophe (`n'`): keep a trailing one.
                if let Some(next) = segs.get(i + 1) {
                    if next.start == s.end
                        && matches!(b[next.start], b'\'' | 0xE2 | 0xCA)
                        && (seg_is(b, next, "'") || seg_is(b, next, "’") || seg_is(b, next, "ʼ"))
                        && seg.bytes().all(|c| c.is_ascii_alphabetic() || c == b'\'')
                    {
                        apostrophe = "'";
                        end = next.end;
                        i += 1;
                    }
                }
                let (from, to) = (norm.orig(s.start), norm.orig(end));
                match s.case {
                    Case::Lower => {
                        debug_assert!({
                            let mut r = String::new();
                            repair_lower(seg, &mut r);
                            r == seg
                        });
                        sink.push(seg, apostrophe, from, to, position);
                    }
                    Case::Simple => {
                        sink.push_with(|s| lower_simple(seg, s), apostrophe, from, to, position);
                    }
                    Case::General => {
                        sink.push_with(|s| repair_lower(seg, s), apostrophe, from, to, position);
                    }
                }
                position += 1;
                i += 1;
                continue;
            }
            Kind::Num => {}
            Kind::Other if seg_is(b, &s, "№") => {
                // One space segment may come between: a gap ([`Seg`]) or a kept one.
                let mut n = i + 1;
                let mut joined = n < segs.len();
                if joined && segs[n].start != s.end {
                    // The gap is the space segment.
                } else if joined
                    && segs[n].kind == Kind::Space
                    && !b[segs[n].start..segs[n].end].contains(&b'\n')
                {
                    n += 1;
                    joined = n < segs.len() && segs[n].start == segs[n - 1].end;
                }
                if joined && segs[n].kind == Kind::Num {
                    numero = Some(s.start);
                    j = n;
                } else {
                    i += 1;
                    continue;
                }
            }
            _ => {
                i += 1;
                continue;
            }
        }
        // A number chain: NUM ([-/] NUM)* (- WORD)? )?
        let text_of = |k: usize| (segs[k].start, &t[segs[k].start..segs[k].end]);
        parts.clear();
        parts.push(text_of(j));
        let mut end_idx = j;
        // Each part touches the one before it (no gap: no space between).
        let touch = |k: usize| segs[k].start == segs[k - 1].end;
        while end_idx + 2 < segs.len()
            && (seg_is(b, &segs[end_idx + 1], "-") || seg_is(b, &segs[end_idx + 1], "/"))
            && segs[end_idx + 2].kind == Kind::Num
            && touch(end_idx + 1)
            && touch(end_idx + 2)
        {
            end_idx += 2;
            parts.push(text_of(end_idx));
        }
        let mut word: Option<(usize, &str)> = None;
        if end_idx + 2 < segs.len()
            && seg_is(b, &segs[end_idx + 1], "-")
            && segs[end_idx + 2].kind == Kind::Word
            && touch(end_idx + 1)
            && touch(end_idx + 2)
        {
            end_idx += 2;
            word = Some(text_of(end_idx));
        }
        let paren = word.is_none()
            && segs
                .get(end_idx + 1)
                .is_some_and(|s| seg_is(b, s, ")") && touch(end_idx + 1));
        let first = numero.unwrap_or(parts[0].0);
        let last_end = segs[end_idx].end;
        let whole = numero.is_some() || parts.len() > 1 || word.is_some() || paren;
        if whole {
            buf.clear();
            if numero.is_some() {
                buf.push('№');
            }
            buf.push_str(&t[parts[0].0..last_end]);
            if let Some((ws, w)) = word {
                buf.truncate(buf.len() - (last_end - ws));
                repair_lower(w, &mut buf);
            }
            if paren {
                sink.push(
                    &buf,
                    ")",
                    norm.orig(first),
                    norm.orig(last_end + 1),
                    position,
                );
            }
            if numero.is_some() || parts.len() > 1 || word.is_some() {
                sink.push(&buf, "", norm.orig(first), norm.orig(last_end), position);
            }
        }
        let from = sink.count();
        for &(ps, p) in &parts {
            if (from..sink.count()).any(|k| sink.text_of(k) == p) {
                continue;
            }
            sink.push(p, "", norm.orig(ps), norm.orig(ps + p.len()), position);
        }
        if let Some((ws, w)) = word {
            buf.clear();
            repair_lower(w, &mut buf);
            if !is_ordinal_ending(&buf) {
                sink.push(&buf, "", norm.orig(ws), norm.orig(ws + w.len()), position);
            }
        }
        position += 1;
        i = end_idx + 1 + usize::from(paren);
    }
}

#[cfg(test)]
mod tests {
    use super::super::normalize::is_lower_cyrillic;
    use super::*;

    fn toks(s: &str) -> Vec<(String, usize)> {
        let mut v = Vec::new();
        tokenize_into(s, &mut v);
        v.into_iter().map(|t| (t.text, t.position)).collect()
    }

    /// The tokenizer as it was before segments became ranges with a [`Case`] (commit 933f211),
    /// on its reference path (normalize, unicode-segmentation, [`kind`], [`repair_lower`]): what
    /// the restructured fast path is checked against on random texts.
    fn old_reference<S: Sink>(text: &str, sink: &mut S) {
        type Seg<'t> = (usize, &'t str, Kind, bool);
        let norm = normalize(text);
        let segs: Vec<Seg> = norm
            .text
            .split_word_bound_indices()
            .map(|(i, s)| (i, s, kind(s), false))
            .collect();
        let t: &str = &norm.text;
        sink.reserve(t.len(), segs.len() / 2 + 1);
        let mut position = 0usize;
        let mut i = 0usize;
        let mut buf = String::new();
        let mut parts: Vec<(usize, &str)> = Vec::new();
        while i < segs.len() {
            let (start, seg, k, plain) = segs[i];
            // `№ 16354`, `№11-1-4/730`: the sign joins the number that follows.
            let mut numero = None;
            let mut j = i;
            if seg == "№" {
                let mut n = i + 1;
                if n < segs.len() && segs[n].2 == Kind::Space && !segs[n].1.contains('\n') {
                    n += 1;
                }
                if n < segs.len() && segs[n].2 == Kind::Num {
                    numero = Some(start);
                    j = n;
                } else {
                    i += 1;
                    continue;
                }
            } else if k != Kind::Num {
                if k == Kind::Word {
                    buf.clear();
                    if plain {
                        buf.push_str(seg);
                    } else {
                        repair_lower(seg, &mut buf);
                    }
                    let mut end = start + seg.len();
                    let mut apostrophe = "";
                    // 2017 Latin writes letters with an apostrophe (`n'`): keep a trailing one.
                    if let Some(&(_, next, _, _)) = segs.get(i + 1) {
                        if (next == "'" || next == "’" || next == "ʼ")
                            && seg.bytes().all(|c| c.is_ascii_alphabetic() || c == b'\'')
                        {
                            apostrophe = "'";
                            end += next.len();
                            i += 1;
                        }
                    }
                    sink.push(&buf, apostrophe, norm.orig(start), norm.orig(end), position);
                    position += 1;
                }
                i += 1;
                continue;
            }
            // A number chain: NUM ([-/] NUM)* (- WORD)? )?
            parts.clear();
            parts.push((segs[j].0, segs[j].1));
            let mut end_idx = j;
            while end_idx + 2 < segs.len()
                && matches!(segs[end_idx + 1].1, "-" | "/")
                && segs[end_idx + 2].2 == Kind::Num
            {
                end_idx += 2;
                parts.push((segs[end_idx].0, segs[end_idx].1));
            }
            let mut word: Option<(usize, &str)> = None;
            if end_idx + 2 < segs.len()
                && segs[end_idx + 1].1 == "-"
                && segs[end_idx + 2].2 == Kind::Word
            {
                end_idx += 2;
                word = Some((segs[end_idx].0, segs[end_idx].1));
            }
            let paren = word.is_none() && segs.get(end_idx + 1).is_some_and(|s| s.1 == ")");
            let first = numero.unwrap_or(parts[0].0);
            let last_end = segs[end_idx].0 + segs[end_idx].1.len();
            let whole = numero.is_some() || parts.len() > 1 || word.is_some() || paren;
            if whole {
                buf.clear();
                if numero.is_some() {
                    buf.push('№');
                }
                buf.push_str(&t[parts[0].0..segs[end_idx].0 + segs[end_idx].1.len()]);
                if let Some((ws, w)) = word {
                    buf.truncate(buf.len() - (last_end - ws));
                    repair_lower(w, &mut buf);
                }
                if paren {
                    sink.push(
                        &buf,
                        ")",
                        norm.orig(first),
                        norm.orig(last_end + 1),
                        position,
                    );
                }
                if numero.is_some() || parts.len() > 1 || word.is_some() {
                    sink.push(&buf, "", norm.orig(first), norm.orig(last_end), position);
                }
            }
            let from = sink.count();
            for &(ps, p) in &parts {
                if (from..sink.count()).any(|k| sink.text_of(k) == p) {
                    continue;
                }
                sink.push(p, "", norm.orig(ps), norm.orig(ps + p.len()), position);
            }
            if let Some((ws, w)) = word {
                buf.clear();
                repair_lower(w, &mut buf);
                if !is_ordinal_ending(&buf) {
                    sink.push(&buf, "", norm.orig(ws), norm.orig(ws + w.len()), position);
                }
            }
            position += 1;
            i = end_idx + 1 + usize::from(paren);
        }
    }

    #[test]
    fn lower_cyr_table_is_is_lower_cyrillic() {
        for x in 0xC0..=0xFFu8 {
            for y in 0x80..0xC0u8 {
                let want = (0xD0..=0xD3).contains(&x) && is_lower_cyrillic(x, y);
                assert_eq!(lower_cyr_run(&[x, y, b' ']) == 2, want, "{x:x} {y:x}");
            }
        }
    }

    #[test]
    fn reference_parts_share_a_position() {
        let t = toks("№ 11-1-4/730 бұйрық");
        let texts: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["№11-1-4/730", "11", "1", "4", "730", "бұйрық"]);
        assert_eq!(t[4].1, 0);
        assert_eq!(t[5].1, 1);
    }

    /// Segments of `t` by the fast segmenter, `None` when it declines the text.
    fn fast<'a>(t: &'a str) -> Option<Vec<(usize, &'a str, Kind)>> {
        let mut v = Vec::new();
        if !fast_segments(t, &mut v) {
            return None;
        }
        // A segment called `Lower` is one repair leaves as it is; one called `Simple` is
        // lowercased by `lower_simple` as repair does it.
        for s in &v {
            let text = &t[s.start..s.end];
            let mut r = String::new();
            repair_lower(text, &mut r);
            match s.case {
                Case::Lower => assert_eq!(r, text, "{t:?}"),
                Case::Simple => {
                    let mut l = String::new();
                    lower_simple(text, &mut l);
                    assert_eq!(l, r, "{t:?}");
                }
                Case::General => {}
            }
        }
        // The gaps are runs of spaces: they come back as the `Space` segments they were.
        let gap = |from: usize, to: usize, out: &mut Vec<(usize, &'a str, Kind)>| {
            if from < to {
                let g = &t[from..to];
                assert!(g.chars().all(|c| c == ' ' || c == '\u{205F}'), "{t:?}");
                out.push((from, g, Kind::Space));
            }
        };
        let mut out = Vec::new();
        let mut at = 0usize;
        for s in &v {
            gap(at, s.start, &mut out);
            out.push((s.start, &t[s.start..s.end], s.kind));
            at = s.end;
        }
        gap(at, t.len(), &mut out);
        Some(out)
    }

    fn reference(t: &str) -> Vec<(usize, &str, Kind)> {
        t.split_word_bound_indices()
            .map(|(i, s)| (i, s, kind(s)))
            .collect()
    }

    /// One character of each word-break class the fast path knows, and look-alikes of them.
    const REPS: [char; 34] = [
        'a', 'Z', 'ж', 'Қ', 'é', 'ª', '¸', '1', '\r', '\n', '\u{b}', '\u{85}', '\u{2028}', ' ',
        '\u{205F}', ':', '·', ',', ';', '\u{2044}', '.', '’', '\'', '"', '_', '\u{202F}', '-', '№',
        '\t', '\u{a0}', ')', '/', '«', '\u{f0b7}',
    ];

    #[test]
    fn fast_path_agrees_with_unicode_segmentation() {
        // Every fast character (private use sampled) next to every representative, on either
        // side and in the middle: each UAX #29 rule looks at most two characters each way.
        let all: Vec<char> = (0..0x1_0000u32)
            .filter(|u| !(0xE000..=0xF8FF).contains(u) || u % 251 == 0)
            .filter_map(char::from_u32)
            .filter(|&c| fast_class(c).is_some())
            .collect();
        assert!(all.len() > 1000, "{}", all.len());
        let mut s = String::new();
        let mut checked = 0usize;
        for &c in &all {
            for &a in &REPS {
                for &b in &REPS {
                    for w in [[a, c, b], [c, a, b], [a, b, c]] {
                        s.clear();
                        s.extend(w);
                        let f = fast(&s).expect("fast characters only");
                        assert_eq!(f, reference(&s), "{s:?}");
                        checked += 1;
                    }
                }
            }
        }
        // All strings of up to four representatives.
        let reps = &REPS[..20];
        for &a in reps {
            for &b in reps {
                for &c in reps {
                    for &d in reps {
                        s.clear();
                        s.extend([a, b, c, d]);
                        assert_eq!(fast(&s).expect("fast"), reference(&s), "{s:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1_000_000);
    }

    #[test]
    fn fast_path_declines_what_it_does_not_handle() {
        for s in [
            "и\u{0306}",
            "a\u{00AD}b",
            "x\u{200D}y",
            "😀",
            "🇰🇿",
            "עברית",
            "カタカナ",
            "a\u{2000}b",
            "α",
        ] {
            assert!(fast(s).is_none(), "{s:?}");
        }
    }

    #[test]
    fn fast_characters_are_their_own_normal_form() {
        for u in 0..0x1_0000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            if fast_class(c).is_none() {
                continue;
            }
            let s = format!("a{c}ж{c}");
            let n = normalize(&s);
            assert_eq!(n.text, s, "{u:#x}");
            for i in 0..=s.len() {
                assert_eq!(n.orig(i), i, "{u:#x}");
            }
        }
    }

    #[test]
    fn tokens_agree_with_the_reference_path() {
        let tricky = [
            "№ 11-1-4/730 бұйрық, № 16354, №\n5, № x",
            "1-1) 2-2 3) 1-1)) (1-1) 14-1 14/1 14 - 1 14--1 -1 1-",
            "3-қосымша 14-бабы 55-ші 1-інші 2-ый 5а 5-a 123-VI",
            "Үкiметiнiң ҮКIМЕТIНIҢ Қaзaқ тoп pocсия Kazakhstan ӊол Ӊол",
            "n'ol a'rip sh'ig'ary tura'qty o’n oʼn don't O'Brien Қa'",
            "26.05.2022 2,5 1.000.000 3.14 10:30 a.b.c a:b a_b _x_ 1_000",
            "line one\r\nline two\r\n\r\nline три\r\rx\u{2028}y\u{85}z\u{b}w",
            "«Қазақстан» – “Russia” • \u{f0b7} пункт ¸a a¸ ª1 µm",
            "Ѐ Ѝ ѐ ѝ Ѡ ѡ Ҍ ҍ Ӏ ӏ Ӑ ӑ ԯ Ԁ İstanbul ß ẞ",
            "x\u{202F}y 1\u{202F}000 a\u{2044}b 1\u{2044}2 a\u{2027}b 1·2 a·b",
            "emoji 😀 тест 👍🏽 🇰🇿 и\u{0306}т сөз\u{00AD}дер мем\u{200B}лекет",
            "٠١٢ ۱۲۳ १२३ 123٤ عربي עברית カタカナ α-β",
        ];
        for t in tricky {
            let mut fast_toks: Vec<Token> = Vec::new();
            let mut slow_toks: Vec<Token> = Vec::new();
            tokenize_impl(t, &mut fast_toks, true);
            tokenize_impl(t, &mut slow_toks, false);
            let key = |v: &[Token]| -> Vec<(String, usize, usize, usize)> {
                v.iter()
                    .map(|t| (t.text.clone(), t.position, t.offset_from, t.offset_to))
                    .collect()
            };
            assert_eq!(key(&fast_toks), key(&slow_toks), "{t:?}");
            assert!(!fast_toks.is_empty());
            // The memo's packed tokens are the same tokens.
            let mut packed = Packed::default();
            tokenize_with(t, &mut packed);
            let texts: Vec<&str> = (0..packed.count()).map(|i| packed.text_of(i)).collect();
            let plain: Vec<&str> = fast_toks.iter().map(|t| t.text.as_str()).collect();
            assert_eq!(texts, plain);
        }
    }

    #[test]
    fn packed_tokens_are_the_tokens_of_tokenize_into() {
        // One buffer reused from a long text to shorter ones: nothing of the former is left.
        let mut buf = TokenBuf::default();
        for t in [
            "№ 11-1-4/730 бұйрық, 3-қосымша 55-ші 1-1) Үкiметiнiң n'ol sh'ig'ary 😀 тест",
            "Қазақстан Республикасы",
            "",
            "1-тармақ",
        ] {
            tokenize_packed(t, &mut buf);
            let mut plain: Vec<Token> = Vec::new();
            tokenize_into(t, &mut plain);
            let got: Vec<(&str, usize, usize, usize)> = buf
                .iter()
                .map(|k| (k.text, k.offset_from, k.offset_to, k.position))
                .collect();
            let want: Vec<(&str, usize, usize, usize)> = plain
                .iter()
                .map(|k| (k.text.as_str(), k.offset_from, k.offset_to, k.position))
                .collect();
            assert_eq!(got, want, "{t:?}");
            assert_eq!(buf.len(), plain.len());
        }
    }

    /// A small xorshift generator: the random texts are the same on every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Pieces the random texts are made of: every word-break class the fast path knows,
    /// lowercase, capital and Kazakh letters, mixed-script look-alikes, number and reference
    /// punctuation, and a few characters the fast path declines.
    const PIECES: &[&str] = &[
        "а",
        "б",
        "я",
        "ё",
        "ѐ",
        "џ",
        "Ә",
        "ә",
        "і",
        "І",
        "ң",
        "Ң",
        "ғ",
        "Ғ",
        "қ",
        "Қ",
        "ө",
        "ұ",
        "ү",
        "Ү",
        "һ",
        "Һ",
        "ӊ",
        "Ӊ",
        "ѡ",
        "Ѡ",
        "Ӏ",
        "ӏ",
        "ԁ",
        "Ԁ",
        "a",
        "Z",
        "k",
        "i",
        "I",
        "é",
        "ª",
        "¸",
        "ʼ",
        "0",
        "1",
        "9",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\u{a0}",
        "-",
        "/",
        ")",
        "(",
        "№",
        "№ ",
        "'",
        "’",
        ".",
        ",",
        ":",
        ";",
        "_",
        "«",
        "»",
        "–",
        "\u{202F}",
        "\u{2044}",
        "·",
        "²",
        "½",
        "\u{f0b7}",
        "\u{2028}",
        "\u{205F}",
        "бұйрық",
        "Қазақстан",
        "55",
        "ші",
        "қосымша",
        "n'",
        "O'Brien",
        "ҮКIМЕТ",
        "мемлекет",
        "\u{00AD}",
        "\u{0306}",
        "😀",
    ];

    #[test]
    fn random_texts_give_the_tokens_of_the_old_tokenizer() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut text = String::new();
        let key = |v: &[Token]| -> Vec<(String, usize, usize, usize)> {
            v.iter()
                .map(|t| (t.text.clone(), t.position, t.offset_from, t.offset_to))
                .collect()
        };
        let mut fast_seen = 0usize;
        for round in 0..60_000 {
            text.clear();
            // Most texts only of fast pieces (the last three are declined).
            let pool = if round % 8 == 0 {
                PIECES.len()
            } else {
                PIECES.len() - 3
            };
            for _ in 0..rng.below(24) + 1 {
                text.push_str(PIECES[rng.below(pool)]);
            }
            let mut new: Vec<Token> = Vec::new();
            let mut old: Vec<Token> = Vec::new();
            tokenize_into(&text, &mut new);
            old_reference(&text, &mut old);
            assert_eq!(key(&new), key(&old), "{text:?}");
            let mut segs = Vec::new();
            fast_seen += usize::from(fast_segments(&text, &mut segs));
        }
        assert!(fast_seen > 40_000, "{fast_seen}");
    }
}

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
//! agree; the tests check them against each other.

use super::normalize::{is_letter, is_lower_cyrillic, normalize, repair_lower, Normalized};
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
struct PackedToken {
    start: usize,
    end: usize,
    offset_from: usize,
    offset_to: usize,
    position: usize,
}

/// The tokens of one text with all their texts in one string: one allocation per text instead
/// of one per token (the token stream copies each text into its reused token anyway).
#[derive(Default)]
struct Packed {
    texts: String,
    tokens: Vec<PackedToken>,
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
    fn push(&mut self, text: &str, suffix: &str, from: usize, to: usize, position: usize) {
        let start = self.texts.len();
        self.texts.push_str(text);
        self.texts.push_str(suffix);
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
fn memo_tokenize(text: &str) -> Rc<Packed> {
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
        let t = &mut *self.token;
        t.offset_from = src.offset_from;
        t.offset_to = src.offset_to;
        t.position = src.position;
        t.position_length = 1;
        t.text.clear();
        t.text.push_str(&self.tokens.texts[src.start..src.end]);
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

/// [`Kind`] of a segment cut by [`fast_segments`] that starts with a character of class `c`:
/// the cheap answers first, [`kind`] for the rest.
#[inline]
fn fast_kind(c: Wb, seg: &str) -> Kind {
    match c {
        // All of them are `White_Space`.
        Wb::Space | Wb::Cr | Wb::Lf | Wb::Newline => Kind::Space,
        // ASCII and Cyrillic letters are letters ([`is_letter`]); Latin-1 modifier letters
        // (`¸`) are `ALetter` without being alphabetic: [`kind`] decides.
        Wb::Letter if seg.as_bytes()[0] < 0x80 || (0xD0..=0xD4).contains(&seg.as_bytes()[0]) => {
            Kind::Word
        }
        _ => kind(seg),
    }
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
/// A word-boundary segment: start byte, text, kind, and whether [`repair_lower`] would leave
/// it as it is (a lowercase Cyrillic or ASCII word: known only on the fast path).
type Seg<'t> = (usize, &'t str, Kind, bool);

fn segments<'t>(t: &'t str, segs: &mut Vec<Seg<'t>>) {
    if !fast_segments(t, segs) {
        segs.clear();
        segs.extend(
            t.split_word_bound_indices()
                .map(|(i, s)| (i, s, kind(s), false)),
        );
    }
}

/// The fast segmenter of [`segments`]; false (with `segs` partly filled) as soon as it meets a
/// character outside [`fast_class`].
fn fast_segments<'t>(t: &'t str, segs: &mut Vec<Seg<'t>>) -> bool {
    let b = t.as_bytes();
    let n = b.len();
    let mut i = 0usize;
    while i < n {
        let Some((c, len)) = class_at(b, i) else {
            return false;
        };
        let mut e = i + len;
        let mut plain = false;
        match c {
            Wb::Cr if b.get(e) == Some(&b'\n') => e += 1,
            Wb::Space => {
                while e < n {
                    match class_at(b, e) {
                        Some((Wb::Space, l)) => e += l,
                        Some(_) => break,
                        None => return false,
                    }
                }
            }
            Wb::Letter | Wb::Digit | Wb::ExtNumLet => {
                // The run is read from its first character, which is also noted in the
                // [`repair_lower`] flags: Cyrillic letters, ASCII letters, and anything that
                // lowercasing or repair could change.
                e = i;
                let mut prev = c;
                let (mut has_cyr, mut has_latin, mut changes) = (false, false, false);
                while e < n {
                    // Most letters first: lowercase а–я, ѐ–џ (D0 B0 – D1 9F; in UTF-8 no other
                    // pair falls in that range) are letters that change nothing.
                    let run = e;
                    while e + 1 < n
                        && (0xD0B0..=0xD19F).contains(&u16::from_be_bytes([b[e], b[e + 1]]))
                    {
                        e += 2;
                    }
                    if e > run {
                        has_cyr = true;
                        prev = Wb::Letter;
                        continue;
                    }
                    // Then the other Cyrillic letters (two-byte, lead D0, D1, D3, or D2
                    // outside `҂` and the combining U+0483–U+0489).
                    let x = b[e];
                    if (0xD0..=0xD3).contains(&x) {
                        let y = b[e + 1];
                        if x != 0xD2 || !(0x82..=0x89).contains(&y) {
                            has_cyr = true;
                            changes |= !is_lower_cyrillic(x, y);
                            prev = Wb::Letter;
                            e += 2;
                            continue;
                        }
                    }
                    let Some((next, l)) = class_at(b, e) else {
                        return false;
                    };
                    // ASCII letters always join the run (WB5, WB9, WB13b); other ASCII
                    // characters change nothing, joined or not.
                    has_latin |= x.is_ascii_alphabetic();
                    changes |= x.is_ascii_uppercase();
                    if matches!(next, Wb::Letter | Wb::Digit | Wb::ExtNumLet) {
                        changes |= l > 1;
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
                            changes |= l > 1;
                            prev = next;
                            e += l;
                            continue;
                        }
                    }
                    break;
                }
                plain = !(changes || (has_cyr && has_latin));
            }
            _ => {}
        }
        let seg = &t[i..e];
        segs.push((i, seg, fast_kind(c, seg), plain));
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
    pub fn len(&self) -> usize {
        self.packed.tokens.len()
    }

    /// True when the buffer holds no token.
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
/// use zanlex::analysis::tokenizer::{tokenize_packed, TokenBuf};
/// let mut buf = TokenBuf::default();
/// tokenize_packed("№ 16354 Бұйрық", &mut buf);
/// let texts: Vec<&str> = buf.iter().map(|t| t.text).collect();
/// assert_eq!(texts, ["№16354", "16354", "бұйрық"]);
/// ```
pub fn tokenize_packed(text: &str, out: &mut TokenBuf) {
    out.packed.texts.clear();
    out.packed.tokens.clear();
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
    // A text the fast segmenter takes whole is its own normalized form ([`fast_class`]): it is
    // segmented as it is, without a separate normalization pass.
    let norm: Normalized;
    let mut segs: Vec<Seg> = Vec::with_capacity(text.len() / 4 + 1);
    let t: &str = if fast && fast_segments(text, &mut segs) {
        norm = Normalized::unchanged(text);
        text
    } else {
        segs.clear();
        norm = normalize(text);
        if fast {
            segments(&norm.text, &mut segs);
        } else {
            segs.extend(
                norm.text
                    .split_word_bound_indices()
                    .map(|(i, s)| (i, s, kind(s), false)),
            );
        }
        &norm.text
    };
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
                    debug_assert!({
                        let mut r = String::new();
                        repair_lower(seg, &mut r);
                        r == seg
                    });
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

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(String, usize)> {
        let mut v = Vec::new();
        tokenize_into(s, &mut v);
        v.into_iter().map(|t| (t.text, t.position)).collect()
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
    fn fast(t: &str) -> Option<Vec<(usize, &str, Kind)>> {
        let mut v = Vec::new();
        if !fast_segments(t, &mut v) {
            return None;
        }
        // A segment called plain is one repair leaves as it is.
        for &(_, s, _, plain) in &v {
            if plain {
                let mut r = String::new();
                repair_lower(s, &mut r);
                assert_eq!(r, s);
            }
        }
        Some(v.into_iter().map(|(i, s, k, _)| (i, s, k)).collect())
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
}

//! Cutting a normalized text into word-boundary segments (UAX #29): the byte-level fast
//! path for the characters legal texts use, and unicode-segmentation for the rest.

use crate::normalize::{is_letter, lower_cyr_run};
use unicode_segmentation::UnicodeSegmentation;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    Num,
    Word,
    Space,
    Other,
}

pub(super) fn kind(seg: &str) -> Kind {
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
pub(super) enum Wb {
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
pub(super) fn fast_class(c: char) -> Option<Wb> {
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
pub(super) enum Case {
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
pub(super) struct Seg {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
    pub(super) case: Case,
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
pub(super) fn segments(t: &str, segs: &mut Vec<Seg>) {
    if !fast_segments(t, segs) {
        segs.clear();
        slow_segments(t, segs);
    }
}

/// The segments of `t` by unicode-segmentation, [`kind`] for their kinds.
pub(super) fn slow_segments(t: &str, segs: &mut Vec<Seg>) {
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
pub(super) fn fast_segments(t: &str, segs: &mut Vec<Seg>) -> bool {
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
                let Some((end, f)) = word_run(b, i, c) else {
                    return false;
                };
                e = end;
                case = run_case(f);
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

// The [`Case`] flags of a word run ([`word_run`]), noted as it is read: Cyrillic letters,
// ASCII letters, characters lowercasing changes, characters other than ASCII and two-byte
// Cyrillic, letters.
const CYR: u8 = 1;
const LATIN: u8 = 2;
const CHANGES: u8 = 4;
const OTHER: u8 = 8;
const LETTER: u8 = 16;

/// The end of the run of letters, digits and connectors that starts at `i` with a character
/// of class `c` (UAX #29's WB5–WB13b over the fast classes), and its [`Case`] flags; `None`
/// at a character outside [`fast_class`]. The run is read from its first character, which
/// is also noted in the flags.
#[inline(always)]
fn word_run(b: &[u8], i: usize, c: Wb) -> Option<(usize, u8)> {
    let n = b.len();
    let mut e = i;
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
            class_at(b, e)?
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
        let mid_letter =
            prev == Wb::Letter && matches!(next, Wb::MidLetter | Wb::MidNumLet | Wb::Quote);
        let mid_num = prev == Wb::Digit && matches!(next, Wb::MidNum | Wb::MidNumLet | Wb::Quote);
        if (mid_letter || mid_num) && e + l < n {
            let (after, _) = class_at(b, e + l)?;
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
    Some((e, f))
}

/// The [`Case`] of a word run with flags `f`: runs of one script with no other character
/// lowercase cheaply; mixed scripts and other characters take the full repair.
#[inline(always)]
fn run_case(f: u8) -> Case {
    if f & OTHER != 0 || f & (CYR | LATIN) == CYR | LATIN {
        Case::General
    } else if f & CHANGES != 0 {
        Case::Simple
    } else {
        Case::Lower
    }
}

//! Character normalization that keeps a map back to the original text.
//!
//! Real Kazakh legal text arrives with decomposed letters (`и` + combining breve for `й`), soft
//! hyphens and zero-width characters from PDF and web extraction, and Latin letters typed in place
//! of their Cyrillic look-alikes (`Үкiметiнiң` with a Latin `i`). Search must see through all of
//! it, yet snippet highlighting needs byte offsets into the ORIGINAL text, so every normalized
//! byte remembers the original byte it came from.

use std::borrow::Cow;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Characters dropped before segmentation: soft hyphen, zero-width space/joiners, word joiner,
/// byte-order mark. They split or glue words invisibly.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// A normalized text with, for every byte of it, the byte offset in the original text.
#[derive(Debug)]
pub struct Normalized<'a> {
    /// NFC text without invisible characters.
    pub text: Cow<'a, str>,
    /// `orig[i]` is the original byte offset of normalized byte `i`; `orig[text.len()]` is the
    /// original length. Empty when `text` is borrowed (the identity map).
    orig: Vec<u32>,
}

impl<'a> Normalized<'a> {
    /// `text` itself as its normalized form (the caller knows it is NFC with nothing to drop).
    pub fn unchanged(text: &'a str) -> Normalized<'a> {
        Normalized {
            text: Cow::Borrowed(text),
            orig: Vec::new(),
        }
    }

    /// Original byte offset of normalized byte offset `i`.
    #[inline]
    pub fn orig(&self, i: usize) -> usize {
        if self.orig.is_empty() {
            i
        } else {
            self.orig[i] as usize
        }
    }
}

/// True when every character of `text` is NFC by itself, with combining class 0, and not
/// invisible: ASCII, Latin-1 and Latin up to U+02FF (not the soft hyphen), Cyrillic letters
/// (not the combining U+0483–U+0489), general punctuation U+2010–U+205F, `№` and private-use
/// characters. Such a text is NFC (`is_nfc_quick` would say Yes) and has nothing to drop.
/// Checked on bytes: a run of ASCII costs a few instructions per 8 bytes, a Cyrillic letter a
/// couple of comparisons.
fn is_simple(text: &str) -> bool {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0usize;
    while i < n {
        // Skip ASCII eight bytes at a time.
        while i + 8 <= n {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[i..i + 8]);
            if u64::from_ne_bytes(w) & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            i += 8;
        }
        if i >= n {
            break;
        }
        let x = b[i];
        if x < 0x80 {
            i += 1;
            continue;
        }
        // `text` is valid UTF-8: a lead byte is followed by its continuation bytes.
        let y = b.get(i + 1).copied().unwrap_or(0);
        let ok = match x {
            // U+0080–U+00BF without the soft hyphen; U+00C0–U+02FF.
            0xC2 => y != 0xAD,
            0xC3..=0xCB => true,
            // U+0400–U+047F, U+04C0–U+04FF.
            0xD0 | 0xD1 | 0xD3 => true,
            // U+0480–U+0482, U+048A–U+04BF.
            0xD2 => !(0x83..=0x89).contains(&y),
            // U+0500–U+052F.
            0xD4 => y <= 0xAF,
            0xE2 => {
                let z = b.get(i + 2).copied().unwrap_or(0);
                // U+2010–U+203F, U+2040–U+205F, U+2116.
                (y == 0x80 && z >= 0x90) || (y == 0x81 && z <= 0x9F) || (y == 0x84 && z == 0x96)
            }
            // U+E000–U+EFFF, U+F000–U+F8FF (private use).
            0xEE => true,
            0xEF => y <= 0xA3,
            _ => false,
        };
        if !ok {
            return false;
        }
        i += match x {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
    }
    true
}

/// NFC-normalizes `text` and drops invisible characters, keeping the offset map.
///
/// Clean text (already NFC, nothing to drop, the common case) is borrowed without copying.
pub fn normalize(text: &str) -> Normalized<'_> {
    // Fast path: Latin-1, Cyrillic letters and general punctuation are NFC by themselves.
    let simple = is_simple(text);
    let clean = simple
        || (!text.chars().any(is_invisible) && is_nfc_quick(text.chars()) == IsNormalized::Yes);
    if clean {
        return Normalized {
            text: Cow::Borrowed(text),
            orig: Vec::new(),
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut orig: Vec<u32> = Vec::with_capacity(text.len() + 1);
    let mut cluster = String::new();
    let mut cluster_start = 0usize;
    let flush = |cluster: &mut String, start: usize, out: &mut String, orig: &mut Vec<u32>| {
        if cluster.is_empty() {
            return;
        }
        for c in cluster.nfc() {
            let before = out.len();
            out.push(c);
            orig.extend(std::iter::repeat_n(start as u32, out.len() - before));
        }
        cluster.clear();
    };
    for (i, c) in text.char_indices() {
        if is_invisible(c) {
            continue;
        }
        if canonical_combining_class(c) == 0 {
            flush(&mut cluster, cluster_start, &mut out, &mut orig);
            cluster_start = i;
        }
        cluster.push(c);
    }
    flush(&mut cluster, cluster_start, &mut out, &mut orig);
    orig.push(text.len() as u32);
    Normalized {
        text: Cow::Owned(out),
        orig,
    }
}

/// `char::is_alphabetic` with fast paths for ASCII and Cyrillic (the slow Unicode table lookup
/// dominated tokenizing time).
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{0400}'..='\u{0481}').contains(&c) || ('\u{048A}'..='\u{052F}').contains(&c) {
        true
    } else {
        c.is_alphabetic()
    }
}

/// `char::is_alphanumeric` with the fast paths of [`is_letter`]: the Unicode table lookup it
/// makes for every Cyrillic letter costs more than the rest of a scan over a text.
///
/// ```
/// use zanlex_analysis::normalize::is_letter_or_digit;
/// assert!(is_letter_or_digit('қ') && is_letter_or_digit('7') && is_letter_or_digit('Ⅻ'));
/// assert!(!is_letter_or_digit('«') && !is_letter_or_digit('-'));
/// ```
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_letter(c) || c.is_numeric()
    }
}

/// Kazakh lowercase of one character, with a fast path for Russian-range Cyrillic.
#[inline]
pub fn push_lower(c: char, out: &mut String) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        'Ѐ'..='Џ' => out.push(char::from_u32(c as u32 + 0x50).unwrap_or(c)),
        _ if c.is_ascii() || ('а'..='џ').contains(&c) => out.push(c),
        // Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ …): capital even, small odd.
        '\u{048A}'..='\u{04BF}' | '\u{04D0}'..='\u{04FF}' => {
            let u = c as u32;
            out.push(char::from_u32(u | 1).unwrap_or(c));
        }
        'İ' => out.push('i'),
        _ => out.extend(c.to_lowercase()),
    }
}

/// True for letters of the Cyrillic blocks (Kazakh and Russian letters, `ӊ`).
#[inline]
pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// The Cyrillic letter a Latin (or other) look-alike letter typed inside a Cyrillic word
/// stands for: the one table of look-alikes, read by the analyzer and by the text stage
/// ([`fold_lookalikes`]). A capital `Y` is the Kazakh `Ү` (`Yкiметiнiң`, the only way the texts
/// print it); a small `y` the `у` it looks like.
///
/// ```
/// use zanlex_analysis::normalize::cyrillic_twin;
/// assert_eq!(cyrillic_twin('i'), Some('і'));
/// assert_eq!(cyrillic_twin('Y'), Some('Ү'));
/// assert_eq!(cyrillic_twin('V'), None);
/// ```
pub const fn cyrillic_twin(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'c' => 'с',
        'x' => 'х',
        'y' => 'у',
        'k' => 'к',
        'h' => 'һ',
        'i' => 'і',
        'ı' => 'і',
        'A' => 'А',
        'B' => 'В',
        'E' => 'Е',
        'K' => 'К',
        'M' => 'М',
        'H' => 'Н',
        'O' => 'О',
        'P' => 'Р',
        'C' => 'С',
        'T' => 'Т',
        'X' => 'Х',
        'Y' => 'Ү',
        'I' => 'І',
        'ə' => 'ә',
        'Ə' => 'Ә',
        _ => return None,
    })
}

/// The ASCII bytes that are letters of the look-alike table ([`cyrillic_twin`]).
const ASCII_TWINS: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = cyrillic_twin(b as u8 as char).is_some();
        b += 1;
    }
    table
};

/// Whether `text` holds a letter of the look-alike table: a scan of its bytes first (the
/// table's letters are ASCII, or Latin letters led by 0xC4, 0xC6 or 0xC9), its chars only
/// when a byte may be one.
fn has_lookalike_letter(text: &str) -> bool {
    let may = text.bytes().any(|b| match ASCII_TWINS.get(b as usize) {
        Some(&twin) => twin,
        None => matches!(b, 0xC4 | 0xC6 | 0xC9),
    });
    may && text.chars().any(|c| cyrillic_twin(c).is_some())
}

fn lookalike(c: char) -> Option<char> {
    cyrillic_twin(c)
}

/// Whether `word` (a run of letters and digits) is a Cyrillic word printed with Latin
/// look-alikes ([`cyrillic_twin`]) that [`fold_lookalikes`] makes all Cyrillic: it has a
/// Cyrillic letter, a letter of the table, and no other letter outside the Cyrillic blocks
/// (`COVID`, `iPhone-ға`'s Latin part and `VІI` keep theirs), and it is not a Roman numeral
/// typed partly in Latin (`IІ`, `XІ`: the numeral readers take those as they are).
fn is_lookalike_word(word: &str) -> bool {
    let (mut cyr, mut twin) = (false, false);
    for c in word.chars() {
        if is_cyrillic(c) {
            cyr = true;
        } else if cyrillic_twin(c).is_some() {
            twin = true;
        } else if is_letter(c) {
            return false;
        }
    }
    let roman = word
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M' | 'І'));
    cyr && twin && !roman
}

/// `text` with every word that is Cyrillic but for Latin look-alike letters made all Cyrillic
/// (`Тiзiмдердi` with Latin `i` → `Тізімдерді`, `Yкiметiнiң` → `Үкіметінің`, `cт.` → `ст.`),
/// letter for letter, case kept; a word with no Cyrillic letter (`COVID-19`, `turaqty`, `D1`)
/// or with a Latin letter that has no Cyrillic twin (`VІI`) is left as it is. A word is a run
/// of letters and digits. Borrowed when nothing changes.
///
/// ```
/// use zanlex_analysis::normalize::fold_lookalikes;
/// assert_eq!(fold_lookalikes("Тiзiмдердi тексеру тәртiбi"), "Тізімдерді тексеру тәртібі");
/// assert_eq!(fold_lookalikes("COVID-19, VІI бөлім"), "COVID-19, VІI бөлім");
/// ```
pub fn fold_lookalikes(text: &str) -> Cow<'_, str> {
    // Most texts have no look-alike letter at all, and the rest no Latin letter next to a
    // Cyrillic one: only a word holding both is read.
    if !has_lookalike_letter(text) {
        return Cow::Borrowed(text);
    }
    let words = || text.split(|c: char| !is_letter_or_digit(c));
    if !words().any(is_lookalike_word) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut from = 0;
    for (at, c) in text
        .char_indices()
        .filter(|(_, c)| !is_letter_or_digit(*c))
        .chain(std::iter::once((text.len(), ' ')))
    {
        let word = &text[from..at];
        if is_lookalike_word(word) {
            out.extend(word.chars().map(|c| cyrillic_twin(c).unwrap_or(c)));
        } else {
            out.push_str(word);
        }
        if at < text.len() {
            out.push(c);
        }
        from = at + c.len_utf8();
    }
    Cow::Owned(out)
}

/// Appends `word` to `out` repaired and lowercased by Kazakh rules.
///
/// Repair applies only inside words that contain Cyrillic letters, so Latin-script Kazakh
/// (`turaqty`) and English stay Latin. `ӊ` (Khanty en) always becomes `ң`.
///
/// ```
/// let mut s = String::new();
/// zanlex_analysis::normalize::repair_lower("Үкiметiнiң", &mut s);
/// assert_eq!(s, "үкіметінің");
/// ```
pub fn repair_lower(word: &str, out: &mut String) {
    if !repair_lower_fast(word, out) {
        repair_lower_general(word, out);
    }
}

/// [`repair_lower`] for any word.
fn repair_lower_general(word: &str, out: &mut String) {
    let (mut has_cyr, mut has_other) = (false, false);
    for c in word.chars() {
        if is_cyrillic(c) {
            has_cyr = true;
        } else if is_letter(c) {
            has_other = true;
        }
    }
    let mixed = has_cyr && has_other;
    for c in word.chars() {
        let c = match c {
            'ӊ' => 'ң',
            'Ӊ' => 'ң',
            _ if mixed => lookalike(c).unwrap_or(c),
            _ => c,
        };
        push_lower(c, out);
    }
}

/// Which two-byte Cyrillic characters [`push_lower`] keeps as they are, by lead byte
/// (D0–D3) and continuation byte: bit `(y >> 1) & 31` of `CYR_LOWER[lead & 3]` covers the
/// pair of continuation bytes `y` and `y | 1`. а–п (D0 B0–BF), р–џ (D1 80–9F), and the odd
/// (small) Kazakh letters U+048B–U+04BF (D2 8B–BF odd) and U+04D1–U+04FF (D3 91–BF odd).
/// For D2 and D3 only the odd byte of a pair is lowercase: [`repair_lower_fast`] also tests
/// the parity there.
const CYR_LOWER: [u32; 4] = [
    // D0: B0–BF → pairs 0x18–0x1F.
    0xFF00_0000,
    // D1: 80–9F → pairs 0x00–0x0F.
    0x0000_FFFF,
    // D2: 8A–BF (odd ones lowercase) → pairs 0x05–0x1F.
    0xFFFF_FFE0,
    // D3: 90–BF (odd ones lowercase) → pairs 0x08–0x1F.
    0xFFFF_FF00,
];

/// True when the two-byte character `x y` (lead D0–D3) is a Cyrillic letter [`push_lower`]
/// keeps as it is ([`CYR_LOWER`]): а–я, ѐ–џ, and the small Kazakh letters.
#[inline]
pub(crate) fn is_lower_cyrillic(x: u8, y: u8) -> bool {
    // а–п, р–џ: one range of the two bytes.
    let v = u16::from_be_bytes([x, y]);
    if (0xD0B0..=0xD19F).contains(&v) {
        return true;
    }
    let pair_in = (CYR_LOWER[usize::from(x & 3)] >> ((y >> 1) & 31)) & 1 == 1;
    pair_in && (x < 0xD2 || y & 1 == 1)
}

/// [`repair_lower`] for the common word: ASCII and two-byte Cyrillic (U+0400–U+04FF) only.
/// Returns false, with `out` untouched, for any other word.
///
/// Same results as the general path: with no Latin letter in a Cyrillic word and no Cyrillic
/// letter in a Latin one, repair only maps `ӊ`/`Ӊ` to `ң`, and every character is lowercased
/// by [`push_lower`] (an already lowercase word is copied whole); a word mixing the two is
/// repaired character by character as the general path does once it knows the word is mixed.
fn repair_lower_fast(word: &str, out: &mut String) -> bool {
    let b = word.as_bytes();
    let (mut has_cyr, mut has_latin, mut lower) = (false, false, true);
    let mut i = 0usize;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            has_latin |= x.is_ascii_alphabetic();
            lower &= !x.is_ascii_uppercase();
            i += 1;
            continue;
        }
        if !(0xD0..=0xD3).contains(&x) {
            return false;
        }
        has_cyr = true;
        let y = b.get(i + 1).copied().unwrap_or(0);
        lower &= is_lower_cyrillic(x, y);
        i += 2;
    }
    if has_cyr && has_latin {
        // A Cyrillic word with Latin look-alikes (`Үкiметiнiң`): the general path's
        // repair, without its classifying pass (this one has classified the word).
        out.reserve(word.len());
        for c in word.chars() {
            let c = match c {
                'ӊ' | 'Ӊ' => 'ң',
                _ => lookalike(c).unwrap_or(c),
            };
            push_lower(c, out);
        }
        return true;
    }
    if lower {
        out.push_str(word);
        return true;
    }
    lower_simple(word, out);
    true
}

/// The lowercase Cyrillic letters [`repair_lower`] keeps as they are
/// ([`is_lower_cyrillic`]), by lead byte: bit `y & 63` of
/// `LOWER_CYR[x - 0xD0]` is set when the two bytes `x y` are one:
/// а–п (D0 B0–BF), р–џ (D1 80–9F), and the small Kazakh letters, odd continuation bytes of
/// D2 8B–BF and D3 91–BF. The tokenizer's `lower_cyr_table_is_is_lower_cyrillic` test checks every pair.
pub(crate) const LOWER_CYR: [u64; 4] = {
    let mut t = [0u64; 4];
    let mut y = 0x80u8;
    while y < 0xC0 {
        let bit = 1u64 << (y & 63);
        if y >= 0xB0 {
            t[0] |= bit;
        }
        if y <= 0x9F {
            t[1] |= bit;
        }
        if y & 1 == 1 && y >= 0x8B {
            t[2] |= bit;
        }
        if y & 1 == 1 && y >= 0x91 {
            t[3] |= bit;
        }
        y += 1;
    }
    t
};

/// The length of the run of lowercase Cyrillic letters ([`LOWER_CYR`]) at the start of `b`
/// (which starts on a character boundary of valid UTF-8, so a lead byte D0–D3 is followed by
/// its continuation byte): the letters of most words, read two bytes a step with no bounds
/// check.
#[inline(always)]
pub(crate) fn lower_cyr_run(b: &[u8]) -> usize {
    let mut k = 0usize;
    for p in b.chunks_exact(2) {
        let lead = p[0].wrapping_sub(0xD0);
        if lead > 3 || (LOWER_CYR[usize::from(lead)] >> (p[1] & 63)) & 1 == 0 {
            break;
        }
        k += 2;
    }
    k
}

/// Appends `word` lowercased by [`push_lower`], for a word made only of ASCII and two-byte
/// Cyrillic characters (lead byte D0–D3, U+0400–U+04FF) that does not mix Latin and Cyrillic
/// letters: what [`repair_lower`] gives for such a word (repair there only maps `ӊ`/`Ӊ` to
/// `ң`). The tokenizer's segmenter knows when a word qualifies and calls this directly,
/// without [`repair_lower`]'s checking pass.
///
/// Characters that lowercasing leaves as they are are copied in runs, not one by one.
pub(crate) fn lower_simple(word: &str, out: &mut String) {
    out.reserve(word.len());
    let b = word.as_bytes();
    // `word[done..i]` is copied as it is when the next changed character comes.
    let mut done = 0usize;
    let mut i = 0usize;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if x.is_ascii_uppercase() {
                if done < i {
                    out.push_str(&word[done..i]);
                }
                out.push(char::from(x.to_ascii_lowercase()));
                done = i + 1;
            }
            i += 1;
            continue;
        }
        let run = lower_cyr_run(&b[i..]);
        if run > 0 {
            i += run;
            continue;
        }
        if done < i {
            out.push_str(&word[done..i]);
        }
        let y = b.get(i + 1).copied().unwrap_or(0);
        let u = (u32::from(x & 0x1F) << 6) | u32::from(y & 0x3F);
        i += 2;
        done = i;
        // [`push_lower`]'s Cyrillic cases, on the code point.
        let l = match u {
            0x410..=0x42F => u + 0x20,
            0x400..=0x40F => u + 0x50,
            0x430..=0x45F => u,
            0x4C9 | 0x4CA => u32::from('ң'),
            0x48A..=0x4BF | 0x4D0..=0x4FF => u | 1,
            _ => {
                push_lower(char::from_u32(u).unwrap_or('\u{FFFD}'), out);
                continue;
            }
        };
        out.push(char::from_u32(l).unwrap_or('\u{FFFD}'));
    }
    if done < b.len() {
        out.push_str(&word[done..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte scan finds every letter of the look-alike table, and only those.
    #[test]
    fn lookalike_letters_found_by_their_bytes() {
        let found: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| has_lookalike_letter(&format!("қ{c}қ")))
            .collect();
        let table: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| cyrillic_twin(c).is_some())
            .collect();
        assert_eq!(found, table);
        assert!(!has_lookalike_letter(
            "Қазақстан Республикасы 2024 жылғы «№ 5»"
        ));
    }

    /// The fast paths answer as `char::is_alphanumeric` does, for every character.
    #[test]
    fn letter_or_digit_is_alphanumeric_for_every_char() {
        let differ: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| is_letter_or_digit(c) != c.is_alphanumeric())
            .collect();
        assert_eq!(differ, Vec::<char>::new());
    }

    /// Words the mirror's texts print with Latin look-alikes, each as the Cyrillic word it shows:
    /// the Constitutional Law on the Government (`Yкiметiнiң`, `ШЕШIМ`), the Almaty oblast
    /// maslikhat's pasture rules (`тyған`, `opмaн`), the Administrative Procedural Code's Russian
    /// text (`cт.`), a bundled order (`CІМ`); Roman numerals and Latin words keep their letters.
    #[test]
    fn words_printed_with_latin_look_alikes_are_made_cyrillic() {
        assert_eq!(
            fold_lookalikes("3-бап. Қазақстан Республикасы Yкiметiнiң құрылуы"),
            "3-бап. Қазақстан Республикасы Үкіметінің құрылуы"
        );
        assert_eq!(fold_lookalikes("ШЕШIМ ҚАБЫЛДАДЫ"), "ШЕШІМ ҚАБЫЛДАДЫ");
        assert_eq!(fold_lookalikes("тyған opмaн"), "туған орман");
        assert_eq!(fold_lookalikes("(cт. 12)"), "(ст. 12)");
        assert_eq!(fold_lookalikes("ҚР CІМ"), "ҚР СІМ");
        for kept in [
            "№ 156-VІI",
            "IІ",
            "COVID-19",
            "turaqty",
            "Блок B, D1",
            "iPhone-ға",
        ] {
            assert_eq!(fold_lookalikes(kept), kept);
        }
        let mut s = String::new();
        repair_lower("Yкiметiнiң", &mut s);
        assert_eq!(s, "үкіметінің");
    }

    #[test]
    fn offsets_survive_dropped_and_composed_chars() {
        let t = "а\u{00AD}б и\u{0306}т";
        let n = normalize(t);
        assert_eq!(n.text, "аб йт");
        let j = n.text.find('й').unwrap();
        assert_eq!(n.orig(j), t.find('и').unwrap());
        assert_eq!(n.orig(n.text.len()), t.len());
    }

    #[test]
    fn fast_repair_agrees_with_the_general_one() {
        let mut chars: Vec<char> = (0..0x600u32).filter_map(char::from_u32).collect();
        chars.extend(['İ', 'ı', 'ə', 'Ə', '№', '’']);
        let pick: Vec<char> = "aZkKiI1-'яЯЁёЙйҚқӘәӉӊҢңӀӏѠѡ".chars().collect();
        let mut words = Vec::new();
        for &c in &chars {
            words.push(c.to_string());
            for &p in &pick {
                words.push(format!("{p}{c}"));
                words.push(format!("{c}{p}{c}"));
            }
        }
        words.extend(
            [
                "Үкiметiнiң",
                "ҮКIМЕТIНIҢ",
                "Қaзaқ",
                "KAZAKH",
                "Ӊол",
                "ҚАЗАҚСТАН",
                "Мемлекет",
            ]
            .map(String::from),
        );
        let (mut fast, mut general) = (String::new(), String::new());
        for w in &words {
            fast.clear();
            general.clear();
            repair_lower(w, &mut fast);
            repair_lower_general(w, &mut general);
            assert_eq!(fast, general, "{w:?}");
        }
    }

    #[test]
    fn simple_texts_are_what_nfc_keeps_as_they_are() {
        for u in 0..0x1_0000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let s = format!("ж{c}a");
            if is_simple(&s) {
                assert_eq!(is_nfc_quick(s.chars()), IsNormalized::Yes, "{u:#x}");
                assert!(!is_invisible(c), "{u:#x}");
            }
        }
    }
}

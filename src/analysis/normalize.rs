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

impl Normalized<'_> {
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

/// NFC-normalizes `text` and drops invisible characters, keeping the offset map.
///
/// Clean text (already NFC, nothing to drop, the common case) is borrowed without copying.
pub fn normalize(text: &str) -> Normalized<'_> {
    // Fast path: Latin-1, Cyrillic letters and general punctuation are NFC by themselves.
    let simple = text.chars().all(|c| {
        let u = c as u32;
        (u < 0x300 && c != '\u{00AD}')
            || (0x400..=0x482).contains(&u)
            || (0x48A..=0x52F).contains(&u)
            || ((0x2010..=0x205F).contains(&u) && !is_invisible(c))
    });
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

/// Cyrillic replacement of a Latin (or other) look-alike letter typed inside a Cyrillic word.
fn lookalike(c: char) -> Option<char> {
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
        'Y' => 'У',
        'I' => 'І',
        'ə' => 'ә',
        'Ə' => 'Ә',
        _ => return None,
    })
}

/// Appends `word` to `out` repaired and lowercased by Kazakh rules.
///
/// Repair applies only inside words that contain Cyrillic letters, so Latin-script Kazakh
/// (`turaqty`) and English stay Latin. `ӊ` (Khanty en) always becomes `ң`.
///
/// ```
/// let mut s = String::new();
/// zanlex::analysis::normalize::repair_lower("Үкiметiнiң", &mut s);
/// assert_eq!(s, "үкіметінің");
/// ```
pub fn repair_lower(word: &str, out: &mut String) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_survive_dropped_and_composed_chars() {
        let t = "а\u{00AD}б и\u{0306}т";
        let n = normalize(t);
        assert_eq!(n.text, "аб йт");
        let j = n.text.find('й').unwrap();
        assert_eq!(n.orig(j), t.find('и').unwrap());
        assert_eq!(n.orig(n.text.len()), t.len());
    }
}

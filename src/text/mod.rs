//! Text helpers every stage shares, below them all: whitespace, case and dates as legal texts
//! print them. Extraction uses them as structure and amendments do, so they live in no stage.

mod dates;
mod whitespace;

pub(crate) use dates::{
    date_in_words, find_dates, find_dates_with_words, find_kk_word_dates, find_ru_word_dates,
    first_numeric_date, parse_dotted_date,
};
pub use dates::{normalize_i, parse_date, parse_iso_date};
pub(crate) use whitespace::{clean_spaces, is_collapsed, next_ws, push_words, ws_len};
pub(crate) use zanlex_analysis::normalize::fold_lookalikes;

/// `s` with its first letter in upper case (a citation may open with `мәслихаттың`).
pub(crate) fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `s.to_lowercase()`, with ASCII and Cyrillic letters (Kazakh ones included) mapped directly
/// instead of through the Unicode case tables, and the signs acts print (`«»`, `–`, `№`, the
/// no-break space) kept; any other non-ASCII character hands the whole text to
/// `to_lowercase`, so the result is always the same.
pub(crate) fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let k = c as u32;
        let l = match k {
            0x41..=0x5A => k + 0x20,
            // Latin-1's signs (U+00A0..=U+00BF), general punctuation and `№` have no case.
            0x00..=0x7F | 0xA0..=0xBF | 0x430..=0x45F | 0x2000..=0x206F | 0x2116 => k,
            0x410..=0x42F => k + 0x20,
            0x400..=0x40F => k + 0x50,
            // Capital (even) and small (odd) letters in pairs.
            0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F => k | 1,
            _ => return s.to_lowercase(),
        };
        out.push(char::from_u32(l).unwrap_or(c));
    }
    out
}

//! Bytes → text: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM or NUL pattern), KZ-1048 and
//! Windows-1251; everything else is refused with a one-line reason.
//!
//! Kazakh text from older systems comes in KZ-1048 (STRK1048-2002): Windows-1251 with sixteen
//! Cyrillic letters of Serbian, Macedonian and Ukrainian replaced by the Kazakh letters. The two
//! code pages agree everywhere else, so a file is read as KZ-1048 when it uses any of those
//! sixteen bytes between Cyrillic letters, and as Windows-1251 otherwise (then the result is the
//! same under both names).

/// The encodings zanlex reads; the name goes into `Source::encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Kz1048,
    Windows1251,
}

impl Encoding {
    /// The label recorded in `Source::encoding`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Kz1048 => "kz-1048",
            Encoding::Windows1251 => "windows-1251",
        }
    }
}

/// The bytes where KZ-1048 differs from Windows-1251, and the Kazakh letter each one is.
///
/// Checked against Python's `kz1048` codec (the IANA `KZ-1048` table).
pub const KZ1048_OVERRIDES: [(u8, char); 16] = [
    (0x8D, 'Қ'),
    (0x8E, 'Һ'),
    (0x9D, 'қ'),
    (0x9E, 'һ'),
    (0xA1, 'Ұ'),
    (0xA2, 'ұ'),
    (0xA3, 'Ә'),
    (0xA5, 'Ө'),
    (0xAA, 'Ғ'),
    (0xAF, 'Ү'),
    (0xB4, 'ө'),
    (0xBA, 'ғ'),
    (0xBC, 'ә'),
    (0xBD, 'Ң'),
    (0xBE, 'ң'),
    (0xBF, 'ү'),
];

/// Decodes a file's bytes, or says in one line why it cannot be read ([`decode_noted`] without
/// its note: what the fuzz target and the tests call).
#[cfg(any(test, fuzzing))]
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), String> {
    decode_noted(bytes).map(|(text, enc, _)| (text, enc))
}

/// [`decode`], and what was left out to read the file, in words: the piece of a character
/// where a file cut inside one starts or ends (the rest read as it is).
pub fn decode_noted(bytes: &[u8]) -> Result<(String, Encoding, Option<String>), String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        if let Ok(s) = utf8(rest) {
            return Ok((s.to_string(), Encoding::Utf8Bom, None));
        }
        return match cut_utf8(rest) {
            Some((text, note)) => Ok((text, Encoding::Utf8Bom, Some(note))),
            None => Err(damaged_utf8(rest).unwrap_or_else(|| {
                format!(
                    "invalid UTF-8 after a UTF-8 byte order mark ({})",
                    utf8(rest).err().map_or_else(String::new, |e| e.to_string())
                )
            })),
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, true).map(|(s, note)| (s, Encoding::Utf16Le, note));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, false).map(|(s, note)| (s, Encoding::Utf16Be, note));
    }
    if let Some(little) = utf16_by_nuls(bytes) {
        let enc = if little {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        };
        return decode_utf16(bytes, little).map(|(s, note)| (s, enc, note));
    }
    if let Some(reason) = binary_reason(bytes) {
        return Err(reason);
    }
    if let Ok(s) = utf8(bytes) {
        return Ok((s.to_string(), Encoding::Utf8, None));
    }
    if let Some((text, note)) = cut_utf8(bytes) {
        return Ok((text, Encoding::Utf8, Some(note)));
    }
    if let Some(reason) = damaged_utf8(bytes) {
        return Err(reason);
    }
    decode_cyrillic_single_byte(bytes).map(|(text, enc)| (text, enc, None))
}

/// A UTF-8 text cut inside a character at its start (up to three bytes that end one) or at its
/// end (up to three that begin one), and whole between: the text without those pieces, and
/// what was left out, in words. `None` for any other bytes.
fn cut_utf8(bytes: &[u8]) -> Option<(String, String)> {
    let head = bytes
        .iter()
        .take(3)
        .take_while(|&&b| (0x80..=0xBF).contains(&b))
        .count();
    let body = &bytes[head..];
    let (text, tail) = match utf8(body) {
        Ok(s) => (s, 0),
        // `error_len` is `None` when the input ends inside a character that could go on.
        Err(e) if e.error_len().is_none() => {
            let whole = e.valid_up_to();
            (utf8(&body[..whole]).ok()?, body.len() - whole)
        }
        Err(_) => return None,
    };
    if head + tail == 0 || text.is_ascii() {
        return None;
    }
    let mut said = Vec::new();
    if head > 0 {
        said.push(match head {
            1 => "its first byte ends a character cut off (the file starts inside it)".to_string(),
            n => format!("its first {n} bytes end a character cut off (the file starts inside it)"),
        });
    }
    if tail > 0 {
        said.push(match tail {
            1 => "its last byte begins a character cut off (the file ends inside it)".to_string(),
            n => format!("its last {n} bytes begin a character cut off (the file ends inside it)"),
        });
    }
    let them = if head + tail == 1 {
        "it is"
    } else {
        "they are"
    };
    Some((
        text.to_string(),
        format!("{}; {them} left out", said.join(" and ")),
    ))
}

/// Why a text that is UTF-8 but for a few places cannot be read: where those places are.
/// `None` when the bytes are not mostly UTF-8 (a single-byte code page has few sequences that
/// happen to be UTF-8, next to many that are not).
fn damaged_utf8(bytes: &[u8]) -> Option<String> {
    let mut at = 0usize;
    let (mut first, mut places, mut bad, mut letters) = (None, 0usize, 0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        letters += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        at += chunk.valid().len();
        let invalid = chunk.invalid().len();
        if invalid > 0 {
            // Bytes that are no character one after another are one place.
            if first.is_none() || !chunk.valid().is_empty() {
                places += 1;
            }
            first.get_or_insert(at);
            bad += invalid;
        }
        at += invalid;
    }
    let first = first?;
    if letters < 16 || letters < bad * 10 {
        return None;
    }
    let places = if places == 1 {
        "1 place".to_string()
    } else {
        format!("{places} places")
    };
    Some(format!(
        "damaged UTF-8: {bad} bytes in {places} are no UTF-8 character, the first at byte \
         {first}, in a text otherwise UTF-8; save the file again as UTF-8"
    ))
}

/// `std::str::from_utf8`, validated with SIMD first (the same verdict; std's error when the
/// bytes are not UTF-8, for its position).
fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// Whether a BOM-less file looks like UTF-16 from where its NUL bytes fall: ASCII characters
/// (spaces, digits, punctuation) have a zero high byte, Cyrillic ones 0x04. Returns
/// `Some(true)` for little endian.
fn utf16_by_nuls(bytes: &[u8]) -> Option<bool> {
    // A file cut inside its last character has one byte over: the pairs before it tell.
    let bytes = &bytes[..bytes.len() - bytes.len() % 2];
    // Without a NUL byte neither half has the NULs asked for below.
    if bytes.len() < 4 || memchr::memchr(0, bytes).is_none() {
        return None;
    }
    let pairs = bytes.len() / 2;
    let nul_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let nul_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // The high bytes of Kazakh/Russian/ASCII text are almost all 0x00 or 0x04 (0x20 for dashes
    // and quotes).
    let high_ok = |start: usize| {
        bytes
            .iter()
            .skip(start)
            .step_by(2)
            .filter(|&&b| matches!(b, 0x00 | 0x04 | 0x20 | 0x21))
            .count()
    };
    if nul_odd * 10 >= pairs && nul_even * 100 <= pairs && high_ok(1) * 10 >= pairs * 9 {
        return Some(true);
    }
    if nul_even * 10 >= pairs && nul_odd * 100 <= pairs && high_ok(0) * 10 >= pairs * 9 {
        return Some(false);
    }
    None
}

/// The text of UTF-16 `bytes`; when the file ends inside a character (one byte over), the
/// text before it and a note that it was left out.
fn decode_utf16(bytes: &[u8], little: bool) -> Result<(String, Option<String>), String> {
    let name = if little { "UTF-16LE" } else { "UTF-16BE" };
    let note = (!bytes.len().is_multiple_of(2)).then(|| {
        format!(
            "its last byte begins a {name} character cut off (the file ends inside it); it is \
             left out"
        )
    });
    let bytes = &bytes[..bytes.len() - bytes.len() % 2];
    let units = bytes.chunks_exact(2).map(|c| {
        if little {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let text: String = char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|e| format!("invalid {name} ({e})"))?;
    if text.chars().any(|c| c == '\0') {
        return Err(format!("binary content (NUL characters in a {name} file)"));
    }
    Ok((text, note))
}

/// A reason to call the file binary: NUL bytes, or more than a trace of control bytes that no
/// text file has (tab, LF, CR and form feed are text).
fn binary_reason(bytes: &[u8]) -> Option<String> {
    if memchr::memchr(0, bytes).is_some() {
        return Some("binary file (contains NUL bytes)".into());
    }
    // Counted as a sum of 0/1 over fixed-size chunks, which the compiler vectorizes (a
    // `filter().count()` runs byte by byte over the whole file).
    let is_control = |b: u8| u8::from(b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C));
    let mut chunks = bytes.chunks_exact(64);
    let mut controls: usize = (&mut chunks)
        .map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + is_control(b))))
        .sum();
    controls += chunks
        .remainder()
        .iter()
        .map(|&b| usize::from(is_control(b)))
        .sum::<usize>();
    if controls * 100 > bytes.len() {
        return Some(format!(
            "binary file ({controls} control bytes in {} bytes)",
            bytes.len()
        ));
    }
    None
}

fn is_kz1048_byte(b: u8) -> bool {
    KZ1048_OVERRIDES.iter().any(|&(k, _)| k == b)
}

/// Decodes a non-UTF-8 file as KZ-1048 or Windows-1251 when the result is plausible Cyrillic
/// text, else refuses it as an unknown encoding.
fn decode_cyrillic_single_byte(bytes: &[u8]) -> Result<(String, Encoding), String> {
    let (text, enc) = decode_cyrillic_single_byte_unchecked(bytes);
    if plausible_cyrillic(&text) {
        Ok((text, enc))
    } else {
        Err("unknown encoding (not UTF-8, UTF-16, KZ-1048 or Windows-1251 Cyrillic text)".into())
    }
}

/// KZ-1048 when a Kazakh-only byte sits next to a Cyrillic letter, else Windows-1251.
fn decode_cyrillic_single_byte_unchecked(bytes: &[u8]) -> (String, Encoding) {
    let (cp1251, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
    // A Kazakh-only byte between two Cyrillic letters (or at a word edge next to one) says
    // KZ-1048: in Windows-1251 those bytes are Serbian/Ukrainian letters Kazakh never uses.
    let is_cyr = |b: u8| b >= 0xC0 || b == 0xA8 || b == 0xB8;
    let kazakh_hits = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| {
            is_kz1048_byte(b)
                && (i > 0 && (is_cyr(bytes[i - 1]) || is_kz1048_byte(bytes[i - 1]))
                    || i + 1 < bytes.len()
                        && (is_cyr(bytes[i + 1]) || is_kz1048_byte(bytes[i + 1])))
        })
        .count();
    let (text, enc) = if kazakh_hits > 0 {
        // Windows-1251 maps every byte to one character, so characters and bytes line up.
        let text: String = cp1251
            .chars()
            .zip(bytes)
            .map(|(c, &b)| {
                KZ1048_OVERRIDES
                    .iter()
                    .find(|&&(k, _)| k == b)
                    .map_or(c, |&(_, kz)| kz)
            })
            .collect();
        (text, Encoding::Kz1048)
    } else {
        (cp1251.into_owned(), Encoding::Windows1251)
    };
    (text, enc)
}

/// Whether decoded text reads like Kazakh/Russian prose: its non-ASCII characters are mostly
/// Cyrillic letters, mostly lowercase (KOI8-R read as Windows-1251 comes out in capitals), and
/// words do not mix Latin and Cyrillic letters (Latin-1 or CJK read as Windows-1251 do).
fn plausible_cyrillic(text: &str) -> bool {
    let non_ascii: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
    if non_ascii.is_empty() {
        return false;
    }
    let cyr: Vec<char> = non_ascii
        .iter()
        .copied()
        .filter(|c| ('\u{400}'..='\u{4FF}').contains(c))
        .collect();
    let cyr_letters = cyr.iter().filter(|c| c.is_alphabetic()).count();
    if cyr_letters * 10 < non_ascii.len() * 9 {
        return false;
    }
    let lower = cyr.iter().filter(|c| c.is_lowercase()).count();
    if lower * 2 < cyr_letters {
        return false;
    }
    let mut words = 0usize;
    let mut mixed = 0usize;
    for w in text.split(|c: char| !c.is_alphabetic()) {
        let has_cyr = w.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c));
        if has_cyr {
            words += 1;
            if w.chars().any(|c| c.is_ascii_alphabetic()) {
                mixed += 1;
            }
        }
    }
    words > 0 && mixed * 10 <= words
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn decode() {
        use crate::extract::decode::{decode, Encoding};
        let (text, enc) = decode(&[0xA3, 0xBC, 0x20, 0x9D]).unwrap(); // KZ-1048
        assert_eq!(text, "Әә қ");
        assert_eq!(enc, Encoding::Kz1048);
        assert!(decode(b"").is_err());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kz1048_table_round_trip() {
        let bytes: Vec<u8> = KZ1048_OVERRIDES.iter().map(|&(b, _)| b).collect();
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(enc, Encoding::Kz1048);
        assert_eq!(text, "ҚҺқһҰұӘӨҒҮөғәҢңү");
    }

    #[test]
    fn kz1048_upper_half_matches_the_iana_table() {
        // bytes 0x80..=0xFF as Python's `kz1048` codec decodes them (0x98 is undefined there;
        // Windows-1251 and WHATWG give U+0098).
        let want = "ЂЃ‚ѓ„…†‡€‰Љ‹ЊҚҺЏђ‘’“”•–—\u{98}™љ›њқһџ\u{a0}ҰұӘ¤Ө¦§Ё©Ғ«¬\u{ad}®Ү°±Ііөµ¶·ё№ғ»әҢңүАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя";
        // Between Kazakh letters so the file is read as KZ-1048.
        let mut bytes = vec![0x9D, 0x9D];
        bytes.extend(0x80u8..=0xFF);
        let (text, enc) = decode_cyrillic_single_byte_unchecked(&bytes);
        assert_eq!(enc, Encoding::Kz1048);
        assert_eq!(text.chars().skip(2).collect::<String>(), want);
    }

    #[test]
    fn utf16_without_bom_is_found_by_nuls() {
        let s = "Қазақстан Республикасы 2018 жылғы";
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&le).unwrap(), (s.to_string(), Encoding::Utf16Le));
        assert_eq!(decode(&be).unwrap(), (s.to_string(), Encoding::Utf16Be));
    }

    #[test]
    fn russian_windows_1251_is_read() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Приказ министра внутренних дел");
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(enc, Encoding::Windows1251);
        assert_eq!(text, "Приказ министра внутренних дел");
    }

    /// Any long enough slice of a real act's UTF-8 bytes (cut anywhere, inside a character or
    /// not) is read as UTF-8, the whole characters in it; a copy with bytes overwritten is read
    /// or refused in one line, never a panic (what the `decode` fuzz target checks, run here
    /// on every test run).
    #[test]
    fn slices_and_damaged_copies_of_a_real_act() {
        use proptest::prelude::*;
        let good = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/003_0165b7296e38fd1a.txt"
        ))
        .expect("003");
        let text = String::from_utf8(good.clone()).expect("utf-8");
        let len = good.len();
        let writes = proptest::collection::vec((0..len, any::<u8>()), 0..30);
        let cases = (0..len / 2, len / 2 + 100..len, writes);
        crate::property::check(300, cases, |(from, to, writes)| {
            let (got, enc, _) = decode_noted(&good[from..to]).expect("a slice");
            assert_eq!(enc, Encoding::Utf8);
            let start = (from..=to).find(|&i| text.is_char_boundary(i));
            let end = (from..=to).rev().find(|&i| text.is_char_boundary(i));
            assert_eq!(Some(got.as_str()), start.zip(end).map(|(a, b)| &text[a..b]));
            let mut b = good.clone();
            for (i, v) in writes {
                b[i] = v;
            }
            if let Err(e) = decode_noted(&b) {
                assert!(!e.contains('\n'), "{e}");
            }
        });
    }

    #[test]
    fn koi8r_is_refused() {
        let (bytes, _, _) = encoding_rs::KOI8_R.encode("Приказ министра внутренних дел");
        let err = decode(&bytes).unwrap_err();
        assert!(err.starts_with("unknown encoding"), "{err}");
    }
}

//! Whitespace as legal texts have it: finding, skipping and collapsing every Unicode space,
//! eight bytes at a time where it can. Extraction, structure and amendments all run over every
//! line with these.

/// Whether [`clean_spaces`] (and the repair pass's collapse) would leave the text as it is: no whitespace at either end, and every
/// whitespace character a single ASCII space between two words.
pub(crate) fn is_collapsed(b: &[u8]) -> bool {
    if b.is_empty() {
        return true;
    }
    if ws_len(b, 0) > 0 {
        return false;
    }
    let mut i = 0;
    loop {
        let (p, w) = next_ws(b, i);
        if w == 0 {
            return true;
        }
        if b[p] != b' ' || p + 1 >= b.len() || ws_len(b, p + 1) > 0 {
            return false;
        }
        i = p + 1;
    }
}

/// Collapses runs of spaces and trims.
pub(crate) fn clean_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_words(&mut out, s);
    out
}

/// The byte length of the whitespace character (Unicode `White_Space`, as
/// [`char::is_whitespace`]) starting at byte `i` of `b`, or 0. Continuation bytes never match,
/// so `i` may be any byte offset.
#[inline]
pub(crate) fn ws_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' | b'\t'..=b'\r' => 1,
        0xC2 => match b.get(i + 1) {
            Some(0x85 | 0xA0) => 2,
            _ => 0,
        },
        0xE1 => usize::from(b.get(i + 1..i + 3) == Some(&[0x9A, 0x80][..])) * 3,
        0xE2 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F)) => 3,
            _ => 0,
        },
        0xE3 => usize::from(b.get(i + 1..i + 3) == Some(&[0x80, 0x80][..])) * 3,
        _ => 0,
    }
}

/// Bytes that may start a whitespace character (see [`ws_len`]).
static WS_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b' ' as usize] = true;
    let mut c = 9;
    while c <= 13 {
        t[c] = true;
        c += 1;
    }
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

/// The first whitespace character at or after byte `from` of `b`: its offset and byte length,
/// or `(b.len(), 0)` when there is none.
///
/// The scan reads bytes, not characters: a continuation byte never looks like a lead byte in
/// [`WS_LEAD`].
#[inline]
pub(crate) fn next_ws(b: &[u8], from: usize) -> (usize, usize) {
    let mut at = from;
    while at < b.len() {
        if WS_LEAD[usize::from(b[at])] {
            let w = ws_len(b, at);
            if w > 0 {
                return (at, w);
            }
        }
        at += 1;
    }
    (b.len(), 0)
}

/// The first byte at or after `i` that does not start a whitespace character.
#[inline]
pub(crate) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        let w = ws_len(b, i);
        if w == 0 {
            break;
        }
        i += w;
    }
    i
}

/// Appends the words of `s` (split at whitespace, as [`str::split_whitespace`]) to `out`,
/// one space between them: `s.split_whitespace().collect::<Vec<_>>().join(" ")` without the
/// vector. Stretches whose words are already one ASCII space apart are copied whole.
pub(crate) fn push_words(out: &mut String, s: &str) {
    let b = s.as_bytes();
    let mut i = skip_ws(b, 0);
    let mut seg = i;
    while i < b.len() {
        let (p, w) = next_ws(b, i);
        if w == 0 {
            out.push_str(&s[seg..]);
            return;
        }
        // A single ASCII space between two words stays inside the stretch.
        if b[p] == b' ' && p + 1 < b.len() && ws_len(b, p + 1) == 0 {
            i = p + 1;
            continue;
        }
        out.push_str(&s[seg..p]);
        let j = skip_ws(b, p);
        if j >= b.len() {
            return;
        }
        out.push(' ');
        seg = j;
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;
    use proptest::sample::select;

    /// `push_words` splits exactly where `split_whitespace` does, every Unicode space included.
    #[test]
    fn push_words_is_split_whitespace_joined() {
        let spaces = [
            " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}",
            "\u{2005}", "\u{200a}", "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}",
        ];
        // Near misses: same lead bytes, not spaces.
        let words = [
            "а",
            "Қазақ",
            "«б»",
            "\u{200b}",
            "–",
            "№",
            "\u{2030}",
            "\u{1681}",
            "\u{3001}",
            "x",
            "\u{a9}",
            "\u{1c}",
        ];
        // Spaces and words alike often; long enough for several eight-byte steps of `next_ws`.
        let piece = prop_oneof![select(spaces.to_vec()), select(words.to_vec())];
        let texts = vec(piece, 0..30).prop_map(|p| p.concat());
        crate::property::check(4000, texts, |s| {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(clean_spaces(&s), want, "{s:?}");
            assert_eq!(is_collapsed(s.as_bytes()), want == s, "{s:?}");
            // The first whitespace character, as `char::is_whitespace` finds it.
            let first = s
                .char_indices()
                .find(|(_, c)| c.is_whitespace())
                .map_or((s.len(), 0), |(i, c)| (i, c.len_utf8()));
            assert_eq!(next_ws(s.as_bytes(), 0), first, "{s:?}");
        });
    }
}

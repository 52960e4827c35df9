//! Lines longer than any provision: split into pieces a reader and the index can take.
//!
//! A line of a legal text is a paragraph: a provision, a list item, a table row. The longest
//! in the corpus are a few thousand characters. A file whose line ends were lost (a text pasted
//! into one line, a converter that wrote none) is one line of the whole act; kept whole, it is
//! one unit that every search returns in full, one title of the whole act, one snippet
//! computed over megabytes. Such a line is cut into pieces of at most [`MAX_LINE_BYTES`], each
//! ending where a sentence ends when one does within the bound, else after a space (a word
//! across the bound is kept whole when it ends soon after), else at the last character that
//! fits. The pieces keep the line's number, so citations still name
//! the line of the file.

/// The longest line kept whole, in bytes: many times the longest paragraph of any act read.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// `line` cut into pieces of at most [`MAX_LINE_BYTES`] bytes (itself alone when it is no
/// longer), each piece trimmed of the spaces around the cut. A piece is longer only by a word
/// that straddles the cut and ends within twice the bound: a word is never cut that can be
/// kept whole.
pub fn long_line_pieces(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while rest.len() > MAX_LINE_BYTES {
        let at = cut_at(rest);
        let (piece, tail) = rest.split_at(at);
        let piece = piece.trim_end();
        if !piece.is_empty() {
            out.push(piece);
        }
        rest = tail.trim_start();
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(rest);
    }
    out
}

/// Where to cut `s` (longer than the bound): after the last sentence end (`.`, `;`, `!`, `?`,
/// `:` before a space) in the second half of the bound, else after its last space there. With
/// no space there a long word straddles the bound: it is kept whole when it ends within one
/// more bound (the index leaves such a word out and names it, whole, with its file), else the
/// cut falls after the last space within the bound, else at the last character boundary within
/// it. Never 0, so every cut makes progress.
fn cut_at(s: &str) -> usize {
    let bound = floor_char_boundary(s, MAX_LINE_BYTES);
    let head = &s.as_bytes()[..bound];
    // Only the second half of the window is searched first: a piece ending early would leave
    // many small pieces after a line of few sentences.
    let half = bound / 2;
    let second_half_spaces = || memchr::memrchr_iter(b' ', &head[half..]).map(|i| half + i);
    let sentence = second_half_spaces()
        .find(|&i| i > 0 && matches!(head[i - 1], b'.' | b';' | b'!' | b'?' | b':'));
    if let Some(i) = sentence.or_else(|| second_half_spaces().next()) {
        return i + 1;
    }
    let beyond = &s.as_bytes()[bound..floor_char_boundary(s, 2 * MAX_LINE_BYTES)];
    if let Some(j) = memchr::memchr(b' ', beyond) {
        return bound + j + 1;
    }
    match memchr::memrchr(b' ', head).filter(|&i| i > 0) {
        Some(i) => i + 1,
        None => bound,
    }
}

/// The largest character boundary of `s` at or below `at` (`s.len()` when `at` is past it).
fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_where_sentences_end_and_nothing_is_lost() {
        assert_eq!(long_line_pieces("1. Қысқа жол."), ["1. Қысқа жол."]);
        let sentence = "Шетелдік тұрақты тұруға рұқсат алады. ";
        let long = sentence.repeat(4000);
        let cut = long_line_pieces(long.trim_end());
        assert_eq!(cut.len(), long.len().div_ceil(MAX_LINE_BYTES));
        assert!(cut.iter().all(|p| p.len() <= MAX_LINE_BYTES));
        assert!(cut.iter().all(|p| p.ends_with("алады.")));
        assert_eq!(cut.join(" "), long.trim_end());
    }

    #[test]
    fn a_line_with_no_space_is_cut_on_character_boundaries() {
        // Two-byte letters, so the bound falls inside one: the cut moves back to a boundary.
        let long = "ә".repeat(MAX_LINE_BYTES);
        let cut = long_line_pieces(&long);
        assert_eq!(cut.len(), 2);
        assert!(cut.iter().all(|p| p.len() <= MAX_LINE_BYTES));
        assert_eq!(cut.concat(), long);
    }

    #[test]
    fn with_no_sentence_end_a_line_is_cut_after_a_space() {
        let long = "сөз ".repeat(MAX_LINE_BYTES / 4);
        let cut = long_line_pieces(long.trim_end());
        assert_eq!(cut.len(), 2);
        assert!(cut
            .iter()
            .all(|p| p.ends_with("сөз") && p.starts_with("сөз")));
        assert_eq!(cut.join(" "), long.trim_end());
    }

    #[test]
    fn a_word_across_the_bound_is_kept_whole_when_it_ends_within_another() {
        let word = "а".repeat(40_000);
        let line = format!("3. Ұзын {word} сөз.");
        assert_eq!(
            long_line_pieces(&line),
            [format!("3. Ұзын {word}").as_str(), "сөз."]
        );
    }

    #[test]
    fn a_line_within_the_bound_is_kept_whole() {
        let line = "ә".repeat(MAX_LINE_BYTES / 2);
        assert_eq!(line.len(), MAX_LINE_BYTES);
        assert_eq!(long_line_pieces(&line), [line.as_str()]);
        assert_eq!(long_line_pieces(""), [""]);
    }
}

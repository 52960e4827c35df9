//! A reference's lines in the source file.
//!
//! A unit's text is made of the extracted lines of its span (each of which may join several
//! original lines, with every character's original line kept: [`CleanLine::origin_of`]). The
//! reference's text is looked for in those lines; where extraction damage keeps it from being
//! found whole (a displaced word), its last word is looked for; else the unit's span is
//! given.

use crate::extract::CleanLine;
use crate::model::Unit;
use memchr::memmem;

/// The first and last original line of `unit.text[start..end]`.
pub fn lines_of(unit: &Unit, start: usize, end: usize, lines: &[CleanLine]) -> (u32, u32) {
    let fallback = (
        unit.span.line_start,
        unit.span.line_end.max(unit.span.line_start),
    );
    let Some(needle) = unit.text.get(start..end).filter(|n| !n.is_empty()) else {
        return fallback;
    };
    // The extracted lines within the unit's span (sorted by their first line).
    let from = lines.partition_point(|l| l.span.line_end < unit.span.line_start);
    let within = lines[from..]
        .iter()
        .take_while(|l| l.span.line_start <= unit.span.line_end);
    // The occurrence of the reference in the unit's text: the n-th occurrence there is
    // looked for as the n-th in the lines. Each needle's searcher is built once: a unit has
    // many lines, and setting a searcher up for every line was most of the time here.
    let finder = memmem::Finder::new(needle.as_bytes());
    // Occurrences that do not overlap, as `str::matches` counts them.
    let nth = finder.find_iter(&unit.text.as_bytes()[..start]).count();
    let mut seen = 0;
    let mut first_word: Option<(u32, u32)> = None;
    // Its last word holds the number, rarer in the unit than its first (`осы`).
    let word = needle.split_whitespace().last().unwrap_or(needle);
    let word_finder = memmem::Finder::new(word.as_bytes());
    for l in within {
        for p in finder.find_iter(l.text.as_bytes()) {
            if seen == nth {
                let a = l.origin_of(p).line;
                let b = l.origin_of(p + needle.len().saturating_sub(1)).line;
                return (a, b.max(a));
            }
            seen += 1;
        }
        if first_word.is_none() {
            if let Some(p) = word_finder.find(l.text.as_bytes()) {
                let a = l.origin_of(p).line;
                first_word = Some((a, a));
            }
        }
    }
    first_word.unwrap_or(fallback)
}

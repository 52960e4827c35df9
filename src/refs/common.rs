//! Patterns and helpers both grammars use.

use regex::Regex;
use std::sync::LazyLock;

/// A number after `№` (`11-1-4/1`, `64-340`, `20-42-3.3.17`, `156-VII`, `252/НҚ`), a health
/// order's with its letters before it (`ҚР ДСМ-175/2020`).
pub(crate) static NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:№|\bN)\s*((?:ҚР\s?)?(?:[A-ZА-ЯӘҒҚҢӨҰҮҺІ]{1,6}-)?[0-9]+(?:\s*[-/.]\s*[0-9A-Za-zІіА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһ]+)*)",
    )
    .expect("static regex")
});
/// A title in quotes (`"…туралы"`, `«О …»`).
pub(crate) static QUOTED_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"["«“„]([^"«»“”„]{3,400})["»”“]"#).expect("static regex"));

/// One character of a word as the regex crate's `\w` has it.
static WORD_CHAR_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\w$").expect("static regex"));

/// The matches of `re` in `text` that begin a word: what `\b` before `re` would keep, when
/// `re` begins with a word character. A Unicode `\b` keeps the regex crate from its fast
/// engines on non-ASCII text, and scanning every unit's text for act nouns with it was a
/// tenth of ingestion; checking the character before each match finds the same ones.
pub(crate) fn word_matches<'t>(
    re: &'t Regex,
    text: &'t str,
) -> impl Iterator<Item = regex::Match<'t>> + 't {
    re.find_iter(text).filter(move |m| {
        text[..m.start()]
            .chars()
            .next_back()
            .is_none_or(|c| !WORD_CHAR_RE.is_match(c.encode_utf8(&mut [0; 4])))
    })
}

/// A number as printed after `№`, spaces removed (`11-1-4 / 1` → `11-1-4/1`) but the one
/// after `ҚР` (`ҚР ДСМ-81`, as the order's requisite prints it), trailing dots cut.
fn tidy_number(printed: &str) -> String {
    let num: String = printed.chars().filter(|c| !c.is_whitespace()).collect();
    let num = num.trim_end_matches(['.', '-', '/']);
    match num.strip_prefix("ҚР") {
        Some(rest) if rest.starts_with(|c: char| c.is_alphabetic()) => format!("ҚР {rest}"),
        _ => num.to_string(),
    }
}

/// The last number after `№` in `s`, spaces removed, trailing dots cut, with its span.
pub(crate) fn last_number(s: &str) -> Option<(usize, usize, String)> {
    let c = NUMBER_RE.captures_iter(s).last()?;
    let (m, n) = (c.get(0)?, c.get(1)?);
    Some((m.start(), m.end(), tidy_number(n.as_str())))
}

/// The first number after `№` in `s`, like [`last_number`].
pub(crate) fn first_number(s: &str) -> Option<(usize, usize, String)> {
    let c = NUMBER_RE.captures(s)?;
    let (m, n) = (c.get(0)?, c.get(1)?);
    Some((m.start(), m.end(), tidy_number(n.as_str())))
}

/// A date in digits in `s` (the last one when `last`), with its span.
pub(crate) fn digit_date(s: &str, last: bool) -> Option<(usize, usize, chrono::NaiveDate)> {
    let mut it = crate::text::find_dates(s).into_iter();
    let (d, r) = if last { it.next_back() } else { it.next() }?;
    Some((r.start, r.end, d))
}

/// The numbers a list names (`15, 16 және 17`, `1 – 4`, `27-29` before a plural, `1)–5)`),
/// each as printed (`14-1` is one number, never cut). `plural` says whether the kind word
/// after the list is plural: `27-29-тармақтар` is a range, `2-2-тармағы` one number.
pub(crate) fn list_numbers(list: &str, plural: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut range_next = false;
    let bytes = list.as_bytes();
    let mut i = 0;
    while i < list.len() {
        let c = list[i..].chars().next().unwrap_or(' ');
        if c.is_ascii_digit() {
            let mut j = i;
            while j < list.len()
                && (bytes[j].is_ascii_digit()
                    || (bytes[j] == b'-' && j + 1 < list.len() && bytes[j + 1].is_ascii_digit()))
            {
                j += 1;
            }
            let num = &list[i..j];
            if range_next {
                range_next = false;
                expand_range(&mut out, num);
            } else {
                out.push(num.to_string());
            }
            i = j;
        } else {
            if c == '–' || c == '—' || c == '-' {
                range_next = true;
            }
            i += c.len_utf8();
        }
    }
    // `27-29-тармақтар`: one hyphenated number before a plural, rising, is a range.
    if plural && out.len() == 1 {
        let only = out[0].clone();
        if let Some((a, b)) = only.split_once('-') {
            if let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) {
                if !b.contains('-') && y > x && y - x <= 200 {
                    out = (x..=y).map(|n| n.to_string()).collect();
                }
            }
        }
    }
    out
}

/// Adds the numbers after the last of `out` up to `to` (`1 – 4`: 2, 3, 4).
fn expand_range(out: &mut Vec<String>, to: &str) {
    let from = out.last().and_then(|f| f.parse::<u32>().ok());
    match (from, to.parse::<u32>().ok()) {
        (Some(a), Some(b)) if b > a && b - a <= 200 => {
            out.extend((a + 1..=b).map(|n| n.to_string()));
        }
        _ => out.push(to.to_string()),
    }
}

/// Lowercased with Latin look-alikes (`i`, `Y`) read as Kazakh letters.
pub(crate) fn lower(s: &str) -> String {
    crate::structure::lowercase(s)
        .chars()
        .map(|c| match c {
            'i' => 'і',
            'y' => 'у',
            'a' => 'а',
            'e' => 'е',
            'o' => 'о',
            'p' => 'р',
            'c' => 'с',
            'x' => 'х',
            c => c,
        })
        .collect()
}

/// Words of `s` with their byte spans.
pub(crate) fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// A word without the punctuation around it (`"Заңның,` → `Заңның`).
pub(crate) fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Cartesian product of the numbers at each level of a chain: one path per target.
pub(crate) fn expand(levels: &[(&'static str, Vec<String>)]) -> Vec<Vec<String>> {
    let mut paths: Vec<Vec<String>> = vec![Vec::new()];
    for (prefix, nums) in levels {
        let mut next = Vec::new();
        for p in &paths {
            for n in nums {
                let mut q = p.clone();
                q.push(format!("{prefix}_{n}"));
                next.push(q);
            }
        }
        paths = next;
    }
    paths
}

/// How deep a kind of unit sits: a chain goes strictly deeper (`12-бабының 2-тармағы`).
pub(crate) fn depth(prefix: &str) -> u8 {
    match prefix {
        "sec" => 0,
        "chp" => 1,
        "annex" => 1,
        "art" => 2,
        "para" => 3,
        "subpara" => 4,
        _ => 5,
    }
}

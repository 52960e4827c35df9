//! The unit tree of a question-and-answer document (000): sections `1. Title` and subsections
//! `1.1 Question. Answer…` flattened from a two-column table.
//!
//! A section heading is `N. Title` where N is the next section number and the next line starts
//! subsection `N.1`; law articles quoted inside answers (`1. …`, `2. …`) therefore stay text.
//! A subsection is `N.M` with M above the last subsection number of the open section. A
//! subsection printed with the wrong section number (000 prints `8.2 Оқу визасына қатысты`
//! inside section 7, before section 8 starts) keeps its printed `num` but takes its id from the
//! section it is in (`sec_7.2`), so `sec_8.2` stays the id of section 8's own `8.2`. Quoted
//! numbering with a smaller section number (`2.1`, `2.2.` inside 8.1) is text.
//! `Ескерту:` remarks in a FAQ are answer text, not amendment notes.

use crate::model::UnitKind;
use crate::structure::common::{starts_with_digit, Gated};
use crate::structure::tree::Tree;
use regex::Regex;
use std::sync::LazyLock;

static RE_SECTION: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"^([0-9]+)\.\s+(\S.*)$", |t| {
        number_dot_then(t, char::is_whitespace)
    })
});
static RE_SUBSECTION: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"^([0-9]+)\.([0-9]+)\.?(?:\s+|$)(.*)$", |t| {
        number_dot_then(t, |c| c.is_ascii_digit())
    })
});

/// `а)`: the first item of an answer's list, where a question heading ends at the latest.
static RE_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s[a-zа-яәіңғүұқөһ]\)\s").expect("valid regex"));

/// Text that may start `N.` followed by a character `next` accepts: the pattern's number
/// takes the whole leading run of digits (a dot follows it).
fn number_dot_then(t: &str, next: fn(char) -> bool) -> bool {
    starts_with_digit(t)
        && t.trim_start_matches(|c: char| c.is_ascii_digit())
            .strip_prefix('.')
            .is_some_and(|r| r.starts_with(next))
}

/// Parses lines `start..` of the tree's lines into sections and subsections.
pub(crate) fn parse(t: &mut Tree, start: usize) {
    let n = t.lines.len();
    let mut sec: Option<(usize, u32)> = None;
    let mut sub: Option<(usize, u32)> = None;
    let mut heading_lines = 0usize;
    for i in start..n {
        let line = t.lines[i];
        let text = line.text.trim();
        let next = (i + 1 < n).then(|| t.lines[i + 1].text.trim());
        let cur_sec = sec.map_or(0, |s| s.1);
        if let Some(c) = RE_SECTION.captures(text) {
            let num: u32 = c[1].parse().unwrap_or(0);
            let starts_sub = next.is_some_and(|nx| nx.starts_with(&format!("{num}.1")));
            if num == cur_sec + 1 && starts_sub {
                let u = t.open(
                    None,
                    UnitKind::Section,
                    Some(num.to_string()),
                    format!("sec_{num}"),
                    Some(i),
                );
                t.nodes[u].heading = Some(c[2].trim().to_string());
                t.push(u, text, true, Some(i));
                sec = Some((u, num));
                sub = None;
                continue;
            }
        }
        if let (Some((s, snum)), Some(c)) = (sec, RE_SUBSECTION.captures(text)) {
            let major: u32 = c[1].parse().unwrap_or(0);
            let minor: u32 = c[2].parse().unwrap_or(0);
            let last_minor = sub.map_or(0, |x| x.1);
            if major >= snum && minor > last_minor {
                let printed = format!("{major}.{minor}");
                let u = t.open(
                    Some(s),
                    UnitKind::Section,
                    Some(printed),
                    format!("sec_{snum}.{minor}"),
                    Some(i),
                );
                t.push(u, text, true, Some(i));
                // The table's two columns were flattened with a double space between question
                // and answer (`8.2 Оқу визасына қатысты  Осы тармақтарда…`).
                let q = c[3].trim();
                match q.find("  ") {
                    Some(p) => {
                        t.nodes[u].heading = Some(format!("{}.", q[..p].trim()));
                        heading_lines = 0;
                    }
                    None => {
                        t.nodes[u].heading = Some(q.to_string());
                        heading_lines = 1;
                    }
                }
                sub = Some((u, minor));
                continue;
            }
        }
        let target = sub.map(|x| x.0).or(sec.map(|x| x.0));
        let Some(u) = target else {
            continue;
        };
        // A subsection's heading is its question: the words up to the first full stop.
        if let Some((su, _)) = sub {
            if su == u && heading_lines > 0 && heading_lines < 3 {
                let h = t.nodes[u].heading.clone().unwrap_or_default();
                if !h.contains(['.', '?', ':']) {
                    t.nodes[u].heading = Some(format!("{h} {text}"));
                    heading_lines += 1;
                } else {
                    heading_lines = 0;
                }
            }
        }
        let bullet = text.starts_with(['•', '-', '–'])
            || text.starts_with(|c: char| c.is_ascii_digit()) && text.contains(')')
            || line.indent >= 4;
        t.push(u, text, bullet, Some(i));
    }
    // Cut headings at the end of the question.
    for node in &mut t.nodes {
        if let Some(h) = &node.heading {
            if node.kind == UnitKind::Section
                && node.num.as_deref().is_some_and(|n| n.contains('.'))
            {
                // The question ends at its full stop, or where the answer's list starts (`а)`).
                let stop = [h.find(['.', '?', ':']), RE_ITEM.find(h).map(|m| m.start())]
                    .into_iter()
                    .flatten()
                    .min();
                let cut = stop
                    .map(|p| h[..p].to_string())
                    .unwrap_or_else(|| h.clone());
                node.heading = Some(crate::text::clean_spaces(&cut));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The section gates pass every text their regexes match.
    #[test]
    fn section_gates_pass_every_match() {
        let pieces = [
            "1", "12", ".", " ", "\u{a0}", "2", "Қаз", "x", "\u{0661}", "-",
        ];
        let matched = std::cell::Cell::new(0);
        crate::property::check(20000, crate::property::text(&pieces, 7), |s| {
            for g in [&*RE_SECTION, &*RE_SUBSECTION] {
                if g.is_match_ungated(&s) {
                    matched.set(matched.get() + 1);
                    assert!(g.gate_passes(&s), "{s:?}");
                }
            }
        });
        let matched = matched.get();
        assert!(matched > 100, "{matched}");
    }
}

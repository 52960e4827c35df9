//! Snippets: the part of a unit's text around the query's words, with highlights.
//!
//! The text is run through the same analyzers as the index, so a highlighted word is one the
//! index matched (inflected and folded forms included). A phrase is highlighted as one span
//! from its first word to its last.

use super::compile::analyze_field;
use super::query::Query;
use crate::index::ZanIndex;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use tantivy::schema::Field;

/// Longest snippet, in characters, before it is cut around the densest highlights.
pub const SNIPPET_CHARS: usize = 260;

/// A passage with byte ranges to highlight.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Snippet {
    pub text: String,
    /// `[start, end)` byte ranges into `text`, sorted, not overlapping.
    pub highlights: Vec<[usize; 2]>,
}

impl Snippet {
    /// The snippet with its highlights wrapped in `open`/`close` (e.g. ANSI bold, or `[`/`]`).
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 8 * self.highlights.len());
        let mut last = 0;
        for [s, e] in &self.highlights {
            if *s < last
                || *e > self.text.len()
                || !self.text.is_char_boundary(*s)
                || !self.text.is_char_boundary(*e)
            {
                continue;
            }
            out.push_str(&self.text[last..*s]);
            out.push_str(open);
            out.push_str(&self.text[*s..*e]);
            out.push_str(close);
            last = *e;
        }
        out.push_str(&self.text[last..]);
        out
    }
}

/// What to look for in a text: tokens per analyzer and phrases per analyzer.
#[derive(Debug, Default)]
pub struct Highlighter {
    fields: Vec<Field>,
    /// Per field: single tokens.
    words: Vec<HashSet<String>>,
    /// Per field: phrases as token sequences (with slop).
    phrases: Vec<Vec<(Vec<String>, u32)>>,
}

#[derive(Debug, Clone)]
struct Tok {
    text: String,
    position: usize,
    from: usize,
    to: usize,
}

fn tokens_with_offsets(index: &ZanIndex, field: Field, text: &str) -> Vec<Tok> {
    let Ok(mut an) = index.tantivy().tokenizer_for_field(field) else {
        return Vec::new();
    };
    let mut ts = an.token_stream(text);
    let mut out = Vec::new();
    while ts.advance() {
        let t = ts.token();
        out.push(Tok {
            text: t.text.clone(),
            position: t.position,
            from: t.offset_from,
            to: t.offset_to,
        });
    }
    out
}

impl Highlighter {
    /// Prepares highlighting for the positive words and phrases of `q`.
    pub fn new(index: &ZanIndex, q: &Query) -> Self {
        let f = index.fields();
        let fields = vec![f.kk_exact, f.kk_stem, f.kk_loose];
        let mut words = vec![HashSet::new(); fields.len()];
        let mut phrases = vec![Vec::new(); fields.len()];
        for part in q.positive_parts() {
            for (i, field) in fields.iter().enumerate() {
                match part {
                    Query::Term(w) => {
                        let toks = analyze_field(index, *field, w);
                        if toks.len() == 1 {
                            words[i].insert(toks[0].1.clone());
                        } else if toks.len() > 1 {
                            phrases[i].push((toks.into_iter().map(|t| t.1).collect(), 0));
                        }
                    }
                    Query::Phrase { text, slop } => {
                        let toks = analyze_field(index, *field, text);
                        if toks.len() == 1 {
                            words[i].insert(toks[0].1.clone());
                        } else if toks.len() > 1 {
                            phrases[i].push((toks.into_iter().map(|t| t.1).collect(), *slop));
                        }
                    }
                    _ => {}
                }
            }
        }
        Highlighter {
            fields,
            words,
            phrases,
        }
    }

    /// Byte ranges of `text` that match, merged and sorted.
    pub fn spans(&self, index: &ZanIndex, text: &str) -> Vec<[usize; 2]> {
        let mut word_spans: Vec<[usize; 2]> = Vec::new();
        let mut phrase_spans: Vec<[usize; 2]> = Vec::new();
        for (i, field) in self.fields.iter().enumerate() {
            if self.words[i].is_empty() && self.phrases[i].is_empty() {
                continue;
            }
            let toks = tokens_with_offsets(index, *field, text);
            for t in &toks {
                if self.words[i].contains(&t.text) {
                    word_spans.push([t.from, t.to]);
                }
            }
            for (seq, slop) in &self.phrases[i] {
                phrase_spans.extend(find_phrase(&toks, seq, *slop));
            }
        }
        // A phrase swallows the words inside it.
        let mut all = phrase_spans;
        all.extend(word_spans);
        merge(all, text)
    }

    /// A snippet of `text` around its matches.
    pub fn snippet(&self, index: &ZanIndex, text: &str) -> Snippet {
        let spans = self.spans(index, text);
        make_snippet(text, &spans, SNIPPET_CHARS)
    }
}

/// Occurrences of a token sequence, each next token within `slop` extra positions.
fn find_phrase(toks: &[Tok], seq: &[String], slop: u32) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    if seq.is_empty() {
        return out;
    }
    for (i, t) in toks.iter().enumerate() {
        if t.text != seq[0] {
            continue;
        }
        let mut last = i;
        let mut ok = true;
        for want in &seq[1..] {
            let lim = toks[last].position + 1 + slop as usize;
            match toks[last + 1..]
                .iter()
                .take_while(|x| x.position <= lim)
                .position(|x| &x.text == want)
            {
                Some(k) => last = last + 1 + k,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            out.push([t.from, toks[last].to]);
        }
    }
    out
}

/// Sorts and merges overlapping ranges; drops ranges that are not on char boundaries.
fn merge(mut spans: Vec<[usize; 2]>, text: &str) -> Vec<[usize; 2]> {
    spans.retain(|[s, e]| {
        s < e && *e <= text.len() && text.is_char_boundary(*s) && text.is_char_boundary(*e)
    });
    spans.sort();
    let mut out: Vec<[usize; 2]> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(l) if s[0] <= l[1] => l[1] = l[1].max(s[1]),
            _ => out.push(s),
        }
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Cuts `text` to about `max_chars` characters around the window holding the most spans,
/// on word boundaries, with `…` where text was cut; spans are moved into the snippet.
pub fn make_snippet(text: &str, spans: &[[usize; 2]], max_chars: usize) -> Snippet {
    // Newlines become spaces (same byte length, so offsets hold).
    let flat: String = text
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let max_bytes = max_chars * 2; // Cyrillic is two bytes a letter
    if flat.len() <= max_bytes {
        return Snippet {
            text: flat,
            highlights: spans.to_vec(),
        };
    }
    // The window start (a span start) that covers the most spans.
    let mut best = (0usize, 0usize);
    for (i, s) in spans.iter().enumerate() {
        let n = spans[i..]
            .iter()
            .take_while(|x| x[1] <= s[0] + max_bytes)
            .count();
        if n > best.1 {
            best = (i, n);
        }
    }
    let anchor = spans.get(best.0).map_or(0, |s| s[0]);
    let mut start = floor_boundary(&flat, anchor.saturating_sub(max_bytes / 5));
    if start > 0 {
        // Start on a word.
        if let Some(p) = flat[start..anchor].find(' ') {
            start += p + 1;
        }
    }
    let mut end = floor_boundary(&flat, start + max_bytes);
    if end < flat.len() {
        if let Some(p) = flat[start..end].rfind(' ') {
            if p > 0 && start + p >= spans.get(best.0).map_or(0, |s| s[1]) {
                end = start + p;
            }
        }
    }
    let prefix = if start > 0 { "… " } else { "" };
    let suffix = if end < flat.len() { " …" } else { "" };
    let body = flat[start..end].trim_end();
    let text_out = format!("{prefix}{body}{suffix}");
    let shift = prefix.len();
    let body_end = start + body.len();
    let highlights = spans
        .iter()
        .filter(|s| s[0] >= start && s[1] <= body_end)
        .map(|s| [s[0] - start + shift, s[1] - start + shift])
        .collect();
    Snippet {
        text: text_out,
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole() {
        let s = make_snippet("тұрақты\nтұру", &[[0, 14]], 100);
        assert_eq!(s.text, "тұрақты тұру");
        assert_eq!(s.marked("[", "]"), "[тұрақты] тұру");
    }

    #[test]
    fn long_text_is_cut_around_matches() {
        let text = format!("{} виза {}", "сөз ".repeat(200), "сөз ".repeat(200));
        let at = text.find("виза").unwrap();
        let s = make_snippet(&text, &[[at, at + "виза".len()]], 60);
        assert!(
            s.text.starts_with("… ") && s.text.ends_with(" …"),
            "{}",
            s.text
        );
        assert_eq!(s.highlights.len(), 1);
        let [a, b] = s.highlights[0];
        assert_eq!(&s.text[a..b], "виза");
        assert!(s.text.chars().count() <= 130);
    }

    #[test]
    fn merge_joins_overlaps() {
        assert_eq!(
            merge(vec![[4, 8], [0, 5], [10, 12]], "abcdefghijklmn"),
            vec![[0, 8], [10, 12]]
        );
    }
}

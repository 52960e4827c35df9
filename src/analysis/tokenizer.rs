//! The Kazakh tokenizer: normalization, Unicode word boundaries, legal numbers.
//!
//! Words are cut on Unicode (UAX #29) word boundaries of the normalized text, repaired and
//! lowercased. Legal numbers and references stay whole AND are reachable by their parts: for
//! `11-1-4/730` the tokenizer emits `11-1-4/730`, `11`, `1`, `4`, `730` all at ONE position, so a
//! phrase query over the whole reference matches, and a query for any part finds it too.
//! Shapes handled: `14-1`, `1-1)` (also emitted without the parenthesis), `№ 16354` (`№16354`
//! plus `16354`), `3-қосымша` / `14-бабы` (number + word: compound, number, word; ordinal
//! endings `55-ші` give the compound and the number only).
//!
//! Offsets are byte offsets into the ORIGINAL text.

use super::normalize::{is_letter, normalize, repair_lower};
use std::rc::Rc;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_segmentation::UnicodeSegmentation;

/// zanlex's tokenizer; every analyzer starts with it, so positions agree across fields.
#[derive(Clone, Default)]
pub struct KkTokenizer {
    /// The token handed out, overwritten at each step (its text buffer is reused).
    token: Token,
}

/// The token stream of [`KkTokenizer`] (tokens are computed up front, or taken from the
/// per-thread memo, and copied one at a time into a reused token).
pub struct KkTokenStream<'a> {
    tokens: Rc<Vec<Token>>,
    token: &'a mut Token,
    next: usize,
}

impl Tokenizer for KkTokenizer {
    type TokenStream<'a> = KkTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> KkTokenStream<'a> {
        KkTokenStream {
            tokens: memo_tokenize(text),
            token: &mut self.token,
            next: 0,
        }
    }
}

/// How many recent texts [`memo_tokenize`] remembers per thread.
const MEMO_TEXTS: usize = 4;
/// Texts longer than this are tokenized without being remembered.
const MEMO_MAX_BYTES: usize = 1 << 20;

/// The memo's state: the slot to overwrite next, and (text, tokens) entries.
type Memo = (usize, Vec<(String, Rc<Vec<Token>>)>);

thread_local! {
    /// The last few texts tokenized on this thread and their tokens. The index writes each
    /// unit's text into four fields (exact, stem, loose, restore) and each title and heading
    /// into two or three, and tantivy analyzes them one after the other on one thread: only the
    /// first pass normalizes and segments (callgrind: a third fewer indexing instructions).
    static MEMO: std::cell::RefCell<Memo> =
        const { std::cell::RefCell::new((0, Vec::new())) };
}

/// The tokens of `text` ([`tokenize_into`]) through the per-thread memo, shared, not copied.
fn memo_tokenize(text: &str) -> Rc<Vec<Token>> {
    if text.len() > MEMO_MAX_BYTES {
        let mut tokens = Vec::new();
        tokenize_into(text, &mut tokens);
        return Rc::new(tokens);
    }
    let hit = MEMO.with(|m| {
        let m = m.borrow();
        m.1.iter()
            .find(|(t, _)| t == text)
            .map(|(_, toks)| Rc::clone(toks))
    });
    if let Some(toks) = hit {
        return toks;
    }
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens);
    let tokens = Rc::new(tokens);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        let (next, entries) = &mut *m;
        if entries.len() < MEMO_TEXTS {
            entries.push((text.to_string(), Rc::clone(&tokens)));
        } else {
            let e = &mut entries[*next % MEMO_TEXTS];
            e.0.clear();
            e.0.push_str(text);
            e.1 = Rc::clone(&tokens);
        }
        *next = (*next + 1) % MEMO_TEXTS;
    });
    tokens
}

impl TokenStream for KkTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(src) = self.tokens.get(self.next) else {
            return false;
        };
        self.next += 1;
        let t = &mut *self.token;
        t.offset_from = src.offset_from;
        t.offset_to = src.offset_to;
        t.position = src.position;
        t.position_length = src.position_length;
        t.text.clear();
        t.text.push_str(&src.text);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Num,
    Word,
    Space,
    Other,
}

fn kind(seg: &str) -> Kind {
    let mut chars = seg.chars();
    let Some(c) = chars.next() else {
        return Kind::Other;
    };
    if is_letter(c) {
        return Kind::Word;
    }
    if c.is_whitespace() {
        return Kind::Space;
    }
    if c.is_numeric() {
        // UAX #29 keeps `26.05.2022` and `2,5` whole; a digit-led segment with letters
        // (`5a`) is a word.
        if seg.chars().any(is_letter) {
            return Kind::Word;
        }
        return Kind::Num;
    }
    if is_letter(c) || seg.chars().any(|c| is_letter(c) || c.is_numeric()) {
        Kind::Word
    } else {
        Kind::Other
    }
}

/// Ordinal endings after a hyphen (`55-ші`, `1-інші`): not worth a token of their own.
fn is_ordinal_ending(w: &str) -> bool {
    matches!(
        w,
        "ші" | "шы"
            | "інші"
            | "ыншы"
            | "нші"
            | "ншы"
            | "ый"
            | "ий"
            | "й"
            | "го"
            | "ая"
            | "е"
    )
}

fn push(tokens: &mut Vec<Token>, text: String, from: usize, to: usize, position: usize) {
    tokens.push(Token {
        offset_from: from,
        offset_to: to,
        position,
        text,
        position_length: 1,
    });
}

/// Tokenizes `text` into `tokens` (appending). Public for the evaluation and bench programs.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    let norm = normalize(text);
    let t: &str = &norm.text;
    let segs: Vec<(usize, &str, Kind)> = t
        .split_word_bound_indices()
        .map(|(i, s)| (i, s, kind(s)))
        .collect();
    let mut position = 0usize;
    let mut i = 0usize;
    let mut buf = String::new();
    while i < segs.len() {
        let (start, seg, k) = segs[i];
        // `№ 16354`, `№11-1-4/730`: the sign joins the number that follows.
        let mut numero = None;
        let mut j = i;
        if seg == "№" {
            let mut n = i + 1;
            if n < segs.len() && segs[n].2 == Kind::Space && !segs[n].1.contains('\n') {
                n += 1;
            }
            if n < segs.len() && segs[n].2 == Kind::Num {
                numero = Some(start);
                j = n;
            } else {
                i += 1;
                continue;
            }
        } else if k != Kind::Num {
            if k == Kind::Word {
                buf.clear();
                repair_lower(seg, &mut buf);
                let mut end = start + seg.len();
                // 2017 Latin writes letters with an apostrophe (`n'`): keep a trailing one.
                if let Some(&(_, next, _)) = segs.get(i + 1) {
                    if (next == "'" || next == "’" || next == "ʼ")
                        && seg.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
                    {
                        buf.push('\'');
                        end += next.len();
                        i += 1;
                    }
                }
                push(
                    tokens,
                    buf.clone(),
                    norm.orig(start),
                    norm.orig(end),
                    position,
                );
                position += 1;
            }
            i += 1;
            continue;
        }
        // A number chain: NUM ([-/] NUM)* (- WORD)? )?
        let mut parts: Vec<(usize, &str)> = vec![(segs[j].0, segs[j].1)];
        let mut end_idx = j;
        while end_idx + 2 < segs.len()
            && matches!(segs[end_idx + 1].1, "-" | "/")
            && segs[end_idx + 2].2 == Kind::Num
        {
            end_idx += 2;
            parts.push((segs[end_idx].0, segs[end_idx].1));
        }
        let mut word: Option<(usize, &str)> = None;
        if end_idx + 2 < segs.len()
            && segs[end_idx + 1].1 == "-"
            && segs[end_idx + 2].2 == Kind::Word
        {
            end_idx += 2;
            word = Some((segs[end_idx].0, segs[end_idx].1));
        }
        let paren = word.is_none() && segs.get(end_idx + 1).is_some_and(|s| s.1 == ")");
        let first = numero.unwrap_or(parts[0].0);
        let last_end = segs[end_idx].0 + segs[end_idx].1.len();
        let whole = numero.is_some() || parts.len() > 1 || word.is_some() || paren;
        if whole {
            buf.clear();
            if numero.is_some() {
                buf.push('№');
            }
            buf.push_str(&t[parts[0].0..segs[end_idx].0 + segs[end_idx].1.len()]);
            if let Some((ws, w)) = word {
                buf.truncate(buf.len() - (last_end - ws));
                repair_lower(w, &mut buf);
            }
            if paren {
                let mut with = buf.clone();
                with.push(')');
                push(
                    tokens,
                    with,
                    norm.orig(first),
                    norm.orig(last_end + 1),
                    position,
                );
            }
            if numero.is_some() || parts.len() > 1 || word.is_some() {
                push(
                    tokens,
                    buf.clone(),
                    norm.orig(first),
                    norm.orig(last_end),
                    position,
                );
            }
        }
        let from = tokens.len();
        for (ps, p) in &parts {
            if tokens[from..].iter().any(|tok| tok.text == *p) {
                continue;
            }
            push(
                tokens,
                p.to_string(),
                norm.orig(*ps),
                norm.orig(ps + p.len()),
                position,
            );
        }
        if let Some((ws, w)) = word {
            buf.clear();
            repair_lower(w, &mut buf);
            if !is_ordinal_ending(&buf) {
                push(
                    tokens,
                    buf.clone(),
                    norm.orig(ws),
                    norm.orig(ws + w.len()),
                    position,
                );
            }
        }
        position += 1;
        i = end_idx + 1 + usize::from(paren);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(String, usize)> {
        let mut v = Vec::new();
        tokenize_into(s, &mut v);
        v.into_iter().map(|t| (t.text, t.position)).collect()
    }

    #[test]
    fn reference_parts_share_a_position() {
        let t = toks("№ 11-1-4/730 бұйрық");
        let texts: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["№11-1-4/730", "11", "1", "4", "730", "бұйрық"]);
        assert_eq!(t[4].1, 0);
        assert_eq!(t[5].1, 1);
    }
}

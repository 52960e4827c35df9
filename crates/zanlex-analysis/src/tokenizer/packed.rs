//! Token lists: where the tokenizer writes (a `Vec<Token>` or one packed string) and the
//! per-thread memo of the last texts tokenized.

use super::tokens::tokenize_with;
use std::rc::Rc;
use tantivy::tokenizer::Token;

/// One token of a [`Packed`] list: its text is `Packed::texts[start..end]`.
#[derive(Clone, Copy)]
pub(crate) struct PackedToken {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) offset_from: usize,
    pub(crate) offset_to: usize,
    pub(crate) position: usize,
}

impl PackedToken {
    /// Makes `t` this token, with text `text` (the stream's reused token: its buffer is kept).
    #[inline]
    pub(crate) fn write_to(&self, t: &mut Token, text: &str) {
        t.offset_from = self.offset_from;
        t.offset_to = self.offset_to;
        t.position = self.position;
        t.position_length = 1;
        t.text.clear();
        t.text.push_str(text);
    }
}

/// The tokens of one text with all their texts in one string: one allocation per text instead
/// of one per token (the token stream copies each text into its reused token anyway).
#[derive(Default)]
pub(crate) struct Packed {
    pub(crate) texts: String,
    pub(crate) tokens: Vec<PackedToken>,
    /// What the stem analyzers make of these tokens, computed by the first of them to read
    /// the text and read by the others ([`crate::StemOutputs`]).
    pub(crate) stems: std::cell::OnceCell<crate::StemOutputs>,
}

/// Where [`tokenize_with`] writes its tokens: a `Vec<Token>` ([`tokenize_into`]) or a
/// [`Packed`] list (the memo of the token stream).
pub(super) trait Sink {
    /// How many tokens have been written.
    fn count(&self) -> usize;
    /// The text of token `i`.
    fn text_of(&self, i: usize) -> &str;
    /// Makes room for about `bytes` bytes of token text in `tokens` tokens.
    fn reserve(&mut self, bytes: usize, tokens: usize);
    /// Writes a token whose text is `text` followed by `suffix`.
    fn push(&mut self, text: &str, suffix: &str, from: usize, to: usize, position: usize);
    /// Writes a token whose text `write` appends to the string it is given, followed by
    /// `suffix` (a lowercased word is written where it is kept, not copied there).
    fn push_with(
        &mut self,
        write: impl FnOnce(&mut String),
        suffix: &str,
        from: usize,
        to: usize,
        position: usize,
    );
}

impl Sink for Vec<Token> {
    fn reserve(&mut self, _bytes: usize, tokens: usize) {
        Vec::reserve(self, tokens);
    }
    fn count(&self) -> usize {
        self.len()
    }
    fn text_of(&self, i: usize) -> &str {
        &self[i].text
    }
    fn push_with(
        &mut self,
        write: impl FnOnce(&mut String),
        suffix: &str,
        from: usize,
        to: usize,
        position: usize,
    ) {
        let mut s = String::new();
        write(&mut s);
        s.push_str(suffix);
        Vec::push(
            self,
            Token {
                offset_from: from,
                offset_to: to,
                position,
                text: s,
                position_length: 1,
            },
        );
    }
    fn push(&mut self, text: &str, suffix: &str, from: usize, to: usize, position: usize) {
        let mut s = String::with_capacity(text.len() + suffix.len());
        s.push_str(text);
        s.push_str(suffix);
        Vec::push(
            self,
            Token {
                offset_from: from,
                offset_to: to,
                position,
                text: s,
                position_length: 1,
            },
        );
    }
}

impl Sink for Packed {
    fn reserve(&mut self, bytes: usize, tokens: usize) {
        self.texts.reserve(bytes);
        self.tokens.reserve(tokens);
    }
    fn count(&self) -> usize {
        self.tokens.len()
    }
    fn text_of(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.texts[t.start..t.end]
    }
    #[inline]
    fn push_with(
        &mut self,
        write: impl FnOnce(&mut String),
        suffix: &str,
        from: usize,
        to: usize,
        position: usize,
    ) {
        let start = self.texts.len();
        write(&mut self.texts);
        if !suffix.is_empty() {
            self.texts.push_str(suffix);
        }
        self.tokens.push(PackedToken {
            start,
            end: self.texts.len(),
            offset_from: from,
            offset_to: to,
            position,
        });
    }
    #[inline]
    fn push(&mut self, text: &str, suffix: &str, from: usize, to: usize, position: usize) {
        let start = self.texts.len();
        self.texts.push_str(text);
        if !suffix.is_empty() {
            self.texts.push_str(suffix);
        }
        self.tokens.push(PackedToken {
            start,
            end: self.texts.len(),
            offset_from: from,
            offset_to: to,
            position,
        });
    }
}

/// How many recent texts [`memo_tokenize`] remembers per thread.
const MEMO_TEXTS: usize = 4;
/// Texts longer than this are tokenized without being remembered.
const MEMO_MAX_BYTES: usize = 1 << 20;

/// The memo's state: the slot to overwrite next, and (text, tokens) entries.
type Memo = (usize, Vec<(String, Rc<Packed>)>);

thread_local! {
    /// The last few texts tokenized on this thread and their tokens. The index writes each
    /// unit's text into three fields (exact, stem, loose) and each title and heading
    /// into two or three, and tantivy analyzes them one after the other on one thread: only the
    /// first pass normalizes and segments.
    static MEMO: std::cell::RefCell<Memo> =
        const { std::cell::RefCell::new((0, Vec::new())) };
}

/// The tokens of `text` through the per-thread memo, shared, not copied.
pub(crate) fn memo_tokenize(text: &str) -> Rc<Packed> {
    if text.len() > MEMO_MAX_BYTES {
        let mut tokens = Packed::default();
        tokenize_with(text, &mut tokens);
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
    let mut tokens = Packed::default();
    tokenize_with(text, &mut tokens);
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

//! From segments to tokens: words lowercased, legal numbers and references kept whole and
//! by their parts, and the public entry points that tokenize a text.

use super::packed::{Packed, Sink};
use super::segment::{fast_segments, segments, slow_segments, Case, Kind, Seg};
use crate::normalize::{lower_simple, normalize, repair_lower, Normalized};
use tantivy::tokenizer::Token;

/// Ordinal endings after a hyphen (`55-ші`, `1-інші`): not worth a token of their own.
pub(super) fn is_ordinal_ending(w: &str) -> bool {
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

/// Tokenizes `text` into `tokens` (appending). Public for the evaluation and bench programs
/// and the snippet builder, which keep the tokens.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    tokenize_with(text, tokens);
}

/// The tokens of one text, their texts packed in one string: a buffer the snippet builder
/// reuses from text to text, so reading a text's tokens allocates nothing per token (a
/// `Vec<Token>` holds one `String` each).
#[derive(Default)]
pub struct TokenBuf {
    packed: Packed,
}

/// One token of a [`TokenBuf`], borrowed: the fields of a [`Token`] the analyzers set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenRef<'a> {
    /// The token's text, normalized and lowercased.
    pub text: &'a str,
    /// Where the token starts, a byte offset into the original text.
    pub offset_from: usize,
    /// Where the token ends, a byte offset into the original text.
    pub offset_to: usize,
    /// The token's position, as phrase queries count them.
    pub position: usize,
}

impl std::fmt::Debug for TokenBuf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl TokenBuf {
    /// How many tokens the buffer holds.
    pub fn len(&self) -> usize {
        self.packed.tokens.len()
    }

    /// True when the buffer holds no token.
    pub fn is_empty(&self) -> bool {
        self.packed.tokens.is_empty()
    }

    /// The tokens, in the order [`tokenize_into`] gives them.
    pub fn iter(&self) -> impl Iterator<Item = TokenRef<'_>> + '_ {
        self.packed.tokens.iter().map(|t| TokenRef {
            text: &self.packed.texts[t.start..t.end],
            offset_from: t.offset_from,
            offset_to: t.offset_to,
            position: t.position,
        })
    }
}

/// Tokenizes `text` into `out`, replacing what it held: the same tokens as [`tokenize_into`],
/// without a `String` per token.
///
/// ```
/// use zanlex_analysis::tokenizer::{tokenize_packed, TokenBuf};
/// let mut buf = TokenBuf::default();
/// tokenize_packed("№ 16354 Бұйрық", &mut buf);
/// let texts: Vec<&str> = buf.iter().map(|t| t.text).collect();
/// assert_eq!(texts, ["№16354", "16354", "бұйрық"]);
/// ```
pub fn tokenize_packed(text: &str, out: &mut TokenBuf) {
    out.packed.texts.clear();
    out.packed.tokens.clear();
    out.packed.stems.take();
    tokenize_with(text, &mut out.packed);
}

/// The tokenizer proper: normalize, cut into word-boundary segments ([`segments`]), then
/// emit words and legal-number chains into `sink`.
pub(super) fn tokenize_with<S: Sink>(text: &str, sink: &mut S) {
    tokenize_impl(text, sink, true);
}

/// [`tokenize_with`]; without `fast`, every text is normalized and cut by unicode-segmentation
/// (the reference the tests compare the fast path with).
pub(super) fn tokenize_impl<S: Sink>(text: &str, sink: &mut S, fast: bool) {
    SEGS.with(|cell| {
        // A reentrant call (none is known) gets a buffer of its own.
        let mut own = Vec::new();
        let mut guard = cell.try_borrow_mut();
        let segs = match guard.as_deref_mut() {
            Ok(v) => v,
            Err(_) => &mut own,
        };
        segs.clear();
        tokenize_segs(text, sink, fast, segs);
        segs.clear();
        // A very long text's buffer is not kept (32 bytes a segment).
        if segs.capacity() > 1 << 16 {
            *segs = Vec::new();
        }
    });
}

thread_local! {
    /// The segment buffer of [`tokenize_impl`], reused from text to text on a thread.
    static SEGS: std::cell::RefCell<Vec<Seg>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// True when segment `s` of `b` is the text `lit`.
#[inline(always)]
fn seg_is(b: &[u8], s: &Seg, lit: &str) -> bool {
    b.get(s.start..s.end) == Some(lit.as_bytes())
}

/// The tokenizer proper on an empty segment buffer `segs`: normalize, cut into word-boundary
/// segments ([`segments`]), then emit words and legal-number chains into `sink`.
fn tokenize_segs<S: Sink>(text: &str, sink: &mut S, fast: bool, segs: &mut Vec<Seg>) {
    // A text the fast segmenter takes whole is its own normalized form ([`fast_class`]): it is
    // segmented as it is, without a separate normalization pass.
    let norm: Normalized;
    let t: &str = if fast && fast_segments(text, segs) {
        norm = Normalized::unchanged(text);
        text
    } else {
        segs.clear();
        norm = normalize(text);
        if fast {
            segments(&norm.text, segs);
        } else {
            slow_segments(&norm.text, segs);
        }
        &norm.text
    };
    let b = t.as_bytes();
    // About one token a segment: spaces have no segment on the fast path.
    sink.reserve(t.len(), segs.len() + 1);
    let mut position = 0usize;
    let mut i = 0usize;
    let mut chain = Chain {
        buf: String::new(),
        parts: Vec::new(),
    };
    while i < segs.len() {
        let s = segs[i];
        // `№ 16354`, `№11-1-4/730`: the sign joins the number that follows.
        let mut numero = None;
        let mut j = i;
        match s.kind {
            Kind::Word => {
                i = push_word(sink, t, segs, i, &norm, position);
                position += 1;
                continue;
            }
            Kind::Num => {}
            Kind::Other if seg_is(b, &s, "№") => match numero_joins(b, segs, i) {
                Some(n) => {
                    numero = Some(s.start);
                    j = n;
                }
                None => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        }
        i = chain.push(sink, t, segs, j, numero, &norm, position);
        position += 1;
    }
}

/// Emits the word at segment `i` (with a trailing apostrophe of 2017 Latin, `n'`, kept) at
/// `position`, lowercased as its segment's [`Case`] says; returns the segment after it.
#[inline(always)]
fn push_word<S: Sink>(
    sink: &mut S,
    t: &str,
    segs: &[Seg],
    mut i: usize,
    norm: &Normalized,
    position: usize,
) -> usize {
    let b = t.as_bytes();
    let s = segs[i];
    let seg = &t[s.start..s.end];
    let mut end = s.end;
    let mut apostrophe = "";
    // 2017 Latin writes letters with an apostrophe (`n'`): keep a trailing one.
    if let Some(next) = segs.get(i + 1) {
        if next.start == s.end
            && matches!(b[next.start], b'\'' | 0xE2 | 0xCA)
            && (seg_is(b, next, "'") || seg_is(b, next, "’") || seg_is(b, next, "ʼ"))
            && seg.bytes().all(|c| c.is_ascii_alphabetic() || c == b'\'')
        {
            apostrophe = "'";
            end = next.end;
            i += 1;
        }
    }
    let (from, to) = (norm.orig(s.start), norm.orig(end));
    match s.case {
        Case::Lower => {
            debug_assert!({
                let mut r = String::new();
                repair_lower(seg, &mut r);
                r == seg
            });
            sink.push(seg, apostrophe, from, to, position);
        }
        Case::Simple => {
            sink.push_with(|s| lower_simple(seg, s), apostrophe, from, to, position);
        }
        Case::General => {
            sink.push_with(|s| repair_lower(seg, s), apostrophe, from, to, position);
        }
    }
    i + 1
}

/// The number segment that the `№` at segment `i` joins: the next segment, or the one after
/// a single space on the same line; `None` when no number follows.
#[inline]
fn numero_joins(b: &[u8], segs: &[Seg], i: usize) -> Option<usize> {
    let s = segs[i];
    // One space segment may come between: a gap ([`Seg`]) or a kept one.
    let mut n = i + 1;
    let mut joined = n < segs.len();
    if joined && segs[n].start != s.end {
        // The gap is the space segment.
    } else if joined
        && segs[n].kind == Kind::Space
        && !b[segs[n].start..segs[n].end].contains(&b'\n')
    {
        n += 1;
        joined = n < segs.len() && segs[n].start == segs[n - 1].end;
    }
    (joined && segs[n].kind == Kind::Num).then_some(n)
}

/// The buffers of a legal-number chain, reused from chain to chain in a text.
struct Chain<'t> {
    buf: String,
    /// The chain's numbers: where each starts, and its text.
    parts: Vec<(usize, &'t str)>,
}

impl<'t> Chain<'t> {
    /// Emits the number chain that starts at segment `j`, `NUM ([-/] NUM)* (- WORD)? )?` (after
    /// a `№` at `numero`), at `position`: the whole chain (also with its parenthesis), then
    /// each number, then the word unless it is an ordinal ending. Returns the segment after
    /// the chain.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn push<S: Sink>(
        &mut self,
        sink: &mut S,
        t: &'t str,
        segs: &[Seg],
        j: usize,
        numero: Option<usize>,
        norm: &Normalized,
        position: usize,
    ) -> usize {
        let b = t.as_bytes();
        let (buf, parts) = (&mut self.buf, &mut self.parts);
        // A number chain: NUM ([-/] NUM)* (- WORD)? )?
        let text_of = |k: usize| (segs[k].start, &t[segs[k].start..segs[k].end]);
        parts.clear();
        parts.push(text_of(j));
        let mut end_idx = j;
        // Each part touches the one before it (no gap: no space between).
        let touch = |k: usize| segs[k].start == segs[k - 1].end;
        while end_idx + 2 < segs.len()
            && (seg_is(b, &segs[end_idx + 1], "-") || seg_is(b, &segs[end_idx + 1], "/"))
            && segs[end_idx + 2].kind == Kind::Num
            && touch(end_idx + 1)
            && touch(end_idx + 2)
        {
            end_idx += 2;
            parts.push(text_of(end_idx));
        }
        let mut word: Option<(usize, &str)> = None;
        if end_idx + 2 < segs.len()
            && seg_is(b, &segs[end_idx + 1], "-")
            && segs[end_idx + 2].kind == Kind::Word
            && touch(end_idx + 1)
            && touch(end_idx + 2)
        {
            end_idx += 2;
            word = Some(text_of(end_idx));
        }
        let paren = word.is_none()
            && segs
                .get(end_idx + 1)
                .is_some_and(|s| seg_is(b, s, ")") && touch(end_idx + 1));
        let first = numero.unwrap_or(parts[0].0);
        let last_end = segs[end_idx].end;
        let whole = numero.is_some() || parts.len() > 1 || word.is_some() || paren;
        if whole {
            buf.clear();
            if numero.is_some() {
                buf.push('№');
            }
            buf.push_str(&t[parts[0].0..last_end]);
            if let Some((ws, w)) = word {
                buf.truncate(buf.len() - (last_end - ws));
                repair_lower(w, buf);
            }
            if paren {
                sink.push(
                    buf,
                    ")",
                    norm.orig(first),
                    norm.orig(last_end + 1),
                    position,
                );
            }
            if numero.is_some() || parts.len() > 1 || word.is_some() {
                sink.push(buf, "", norm.orig(first), norm.orig(last_end), position);
            }
        }
        let from = sink.count();
        for &(ps, p) in parts.iter() {
            if (from..sink.count()).any(|k| sink.text_of(k) == p) {
                continue;
            }
            sink.push(p, "", norm.orig(ps), norm.orig(ps + p.len()), position);
        }
        if let Some((ws, w)) = word {
            buf.clear();
            repair_lower(w, buf);
            if !is_ordinal_ending(buf) {
                sink.push(buf, "", norm.orig(ws), norm.orig(ws + w.len()), position);
            }
        }
        end_idx + 1 + usize::from(paren)
    }
}

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
//!
//! Speed: a text made only of ASCII, Latin, Cyrillic letters and common punctuation (nearly
//! every legal text) is cut by a byte-level segmenter that implements the UAX #29 rules those
//! characters can meet, with no normalization pass (such a text is its own NFC form); any
//! other text is normalized and cut by unicode-segmentation. See `segments` for why the two
//! agree; the tests check them against each other. The byte-level segmenter also works out, as
//! it reads a word, how the word is to be lowercased (`Case`: as it is, by the cheap
//! `lower_simple`, or by the full repair), and keeps no segment for runs of spaces (a gap
//! between two segments stands for one), so each word is read once and each space costs next
//! to nothing. A random test checks the tokens against the tokenizer as it was before.

mod packed;
mod segment;
mod tokens;

pub(super) use packed::{memo_tokenize, Packed};
pub use tokens::{tokenize_into, tokenize_packed, TokenBuf, TokenRef};

use std::rc::Rc;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The longest token an index gets, in bytes: a word no language has (a line of one letter,
/// a hash, a damaged extraction) is left out of the index, its position kept, instead of
/// reaching tantivy, which drops tokens past its own limit with a warning that cannot name
/// the file. A Kazakh or Russian word is at most some eighty bytes.
pub const MAX_TOKEN_BYTES: usize = 240;

/// zanlex's tokenizer; every analyzer starts with it, so positions agree across fields.
#[derive(Clone, Default)]
pub struct KkTokenizer {
    /// The token handed out, overwritten at each step (its text buffer is reused).
    token: Token,
}

/// The token stream of [`KkTokenizer`] (tokens are computed up front, or taken from the
/// per-thread memo, and copied one at a time into a reused token).
pub struct KkTokenStream<'a> {
    tokens: Rc<Packed>,
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

impl TokenStream for KkTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let Some(src) = self.tokens.tokens.get(self.next) else {
                return false;
            };
            self.next += 1;
            if src.end - src.start > MAX_TOKEN_BYTES {
                continue;
            }
            src.write_to(self.token, &self.tokens.texts[src.start..src.end]);
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests;

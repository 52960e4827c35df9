//! A PDF content stream read one operation at a time, in the memory of one operation.
//!
//! lopdf's `Content::decode` turns a whole stream into a vector of operations first, about a
//! kilobyte each: a small compressed stream of millions of `q Q` asks for gigabytes before any
//! count can stop it. Reading the operations one by one lets the caller count them as they come
//! and stop, holding no more than the operation at hand. The operands of one operation are
//! bounded too (their number, the objects inside arrays and dictionaries, their nesting), so a
//! stream that is one huge array costs its bytes and no more.
//!
//! The syntax is the content-stream part of ISO 32000-1 §7.2–7.3 and §7.8.2: numbers, names,
//! literal and hexadecimal strings, arrays, dictionaries, `true`/`false`/`null`, comments, and
//! inline images (`BI … ID data EI`), whose data is skipped. Damage is read past, never fatal:
//! a stray delimiter is dropped, an unclosed string or array ends with the stream.

use lopdf::content::Operation;
use lopdf::{Dictionary, Object, StringFormat};

/// Operands kept for one operator; no operator takes more than six, so past this the stream
/// is damaged and the rest is dropped.
const MAX_OPERANDS: usize = 64;
/// Objects kept in the operands of one operation, array and dictionary entries included
/// (a `TJ` array of a long line holds a few hundred).
const MAX_OBJECTS: usize = 65_536;
/// Nesting of arrays and dictionaries kept; deeper ones are skipped without recursion.
const MAX_DEPTH: usize = 16;
/// Longest name kept (ISO 32000-1, Annex C: 127 bytes).
const MAX_NAME: usize = 127;
/// Longest operator kept: every operator of the standard has at most three characters.
const MAX_OPERATOR: usize = 8;

/// The operations of a content stream, read as they are asked for.
pub(crate) struct Operations<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Operations<'a> {
    /// The operations of `data`, a decoded content stream.
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Operations { data, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// Skips white space and comments.
    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            if is_space(c) {
                self.pos += 1;
            } else if c == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\r' || c == b'\n' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// A run of regular characters (a keyword, an operator or a number).
    fn regular(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(is_regular) {
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    /// The object at the current position, `None` when it is not kept: over the budget of
    /// `objects`, nested deeper than [`MAX_DEPTH`], or not an object. Always moves past it.
    fn object(&mut self, depth: usize, objects: &mut usize) -> Option<Object> {
        let c = self.peek()?;
        *objects += 1;
        let keep = *objects <= MAX_OBJECTS;
        match c {
            b'/' => {
                self.pos += 1;
                let name = self.name();
                keep.then_some(Object::Name(name))
            }
            b'(' => {
                self.pos += 1;
                let s = self.literal_string(keep);
                keep.then_some(Object::String(s, StringFormat::Literal))
            }
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                if depth >= MAX_DEPTH {
                    self.skip_nested();
                    return None;
                }
                self.pos += 2;
                let dict = self.dictionary(depth + 1, objects);
                keep.then_some(Object::Dictionary(dict))
            }
            b'<' => {
                self.pos += 1;
                let s = self.hex_string(keep);
                keep.then_some(Object::String(s, StringFormat::Hexadecimal))
            }
            b'[' => {
                if depth >= MAX_DEPTH {
                    self.skip_nested();
                    return None;
                }
                self.pos += 1;
                let items = self.array(depth + 1, objects);
                keep.then_some(Object::Array(items))
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let start = self.pos;
                while self
                    .peek()
                    .is_some_and(|c| matches!(c, b'+' | b'-' | b'.' | b'0'..=b'9'))
                {
                    self.pos += 1;
                }
                let text = std::str::from_utf8(&self.data[start..self.pos]).ok()?;
                if !keep {
                    return None;
                }
                if text.contains('.') {
                    text.parse::<f32>().ok().map(Object::Real)
                } else {
                    text.parse::<i64>()
                        .ok()
                        .map(Object::Integer)
                        .or_else(|| text.parse::<f32>().ok().map(Object::Real))
                }
            }
            c if is_regular(c) => match self.regular() {
                b"true" => keep.then_some(Object::Boolean(true)),
                b"false" => keep.then_some(Object::Boolean(false)),
                b"null" => keep.then_some(Object::Null),
                _ => None,
            },
            _ => {
                // A stray `)`, `>`, `]`, `{` or `}`.
                self.pos += 1;
                None
            }
        }
    }

    /// A name's bytes after its `/`, `#xx` escapes decoded, at most [`MAX_NAME`] kept.
    fn name(&mut self) -> Vec<u8> {
        let raw = self.regular();
        let mut out = Vec::with_capacity(raw.len().min(MAX_NAME));
        let mut i = 0;
        while i < raw.len() && out.len() < MAX_NAME {
            let escaped = (raw[i] == b'#')
                .then(|| raw.get(i + 1..i + 3))
                .flatten()
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match escaped {
                Some(b) => {
                    out.push(b);
                    i += 3;
                }
                None => {
                    out.push(raw[i]);
                    i += 1;
                }
            }
        }
        out
    }

    /// A literal string's bytes after its `(`, escapes decoded (kept only when `keep`).
    fn literal_string(&mut self, keep: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut open = 1usize;
        while let Some(c) = self.peek() {
            self.pos += 1;
            let b = match c {
                b'(' => {
                    open += 1;
                    c
                }
                b')' => {
                    open -= 1;
                    if open == 0 {
                        break;
                    }
                    c
                }
                b'\\' => match self.escape() {
                    Some(b) => b,
                    None => continue,
                },
                _ => c,
            };
            if keep {
                out.push(b);
            }
        }
        out
    }

    /// The byte a backslash escape stands for, the backslash already read; `None` for a line
    /// continuation or a backslash at the end.
    fn escape(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.pos += 1;
        Some(match c {
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'b' => 0x08,
            b'f' => 0x0C,
            b'\r' => {
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
                return None;
            }
            b'\n' => return None,
            b'0'..=b'7' => {
                let mut n = u32::from(c - b'0');
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ b'0'..=b'7') => {
                            n = n * 8 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                (n & 0xFF) as u8
            }
            other => other,
        })
    }

    /// A hexadecimal string's bytes after its `<` (kept only when `keep`); an odd last digit
    /// is followed by 0, as the standard says.
    fn hex_string(&mut self, keep: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            let Some(d) = (c as char).to_digit(16) else {
                continue;
            };
            let d = d as u8;
            match high.take() {
                Some(h) => {
                    if keep {
                        out.push((h << 4) | d);
                    }
                }
                None => high = Some(d),
            }
        }
        if let (Some(h), true) = (high, keep) {
            out.push(h << 4);
        }
        out
    }

    /// An array's items after its `[`, up to its `]` or the end of the stream.
    fn array(&mut self, depth: usize, objects: &mut usize) -> Vec<Object> {
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None => break,
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                Some(_) => {
                    if let Some(o) = self.object(depth, objects) {
                        items.push(o);
                    }
                }
            }
        }
        items
    }

    /// A dictionary's entries after its `<<`, up to its `>>` or the end of the stream.
    fn dictionary(&mut self, depth: usize, objects: &mut usize) -> Dictionary {
        let mut dict = Dictionary::new();
        let mut key: Option<Vec<u8>> = None;
        loop {
            self.skip_space();
            match self.peek() {
                None => break,
                Some(b'>') if self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    break;
                }
                Some(_) => {
                    let value = self.object(depth, objects);
                    match (key.take(), value) {
                        (None, Some(Object::Name(k))) => key = Some(k),
                        (Some(k), Some(v)) => dict.set(k, v),
                        _ => {}
                    }
                }
            }
        }
        dict
    }

    /// Skips an array or dictionary nested too deep, with a counter rather than recursion.
    fn skip_nested(&mut self) {
        let mut open = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'[' => {
                    open += 1;
                    self.pos += 1;
                }
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    open += 1;
                    self.pos += 2;
                }
                b']' => {
                    open = open.saturating_sub(1);
                    self.pos += 1;
                }
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    open = open.saturating_sub(1);
                    self.pos += 2;
                }
                b'(' => {
                    self.pos += 1;
                    self.literal_string(false);
                }
                b'<' => {
                    self.pos += 1;
                    self.hex_string(false);
                }
                b'%' => self.skip_space(),
                _ => self.pos += 1,
            }
            if open == 0 {
                break;
            }
        }
    }

    /// Skips an inline image after its `BI`: the dictionary up to `ID`, then the data up to
    /// an `EI` between white space (or at the end).
    fn skip_inline_image(&mut self) {
        let mut objects = 0;
        loop {
            self.skip_space();
            match self.peek() {
                None => return,
                Some(c) if is_regular(c) && !is_number_start(c) => {
                    if self.regular() == b"ID" {
                        break;
                    }
                }
                Some(_) => {
                    self.object(1, &mut objects);
                }
            }
        }
        // One white-space byte ends `ID`; the data follows.
        self.pos += 1;
        let rest = &self.data[self.pos.min(self.data.len())..];
        let end = memchr::memmem::find_iter(rest, b"EI")
            .find(|&i| {
                let before = i == 0 || is_space(rest[i - 1]);
                let after = rest.get(i + 2).is_none_or(|&c| !is_regular(c));
                before && after
            })
            .map_or(rest.len(), |i| i + 2);
        self.pos = (self.pos + end).min(self.data.len());
    }
}

impl Iterator for Operations<'_> {
    type Item = Operation;

    fn next(&mut self) -> Option<Operation> {
        let mut operands = Vec::new();
        let mut objects = 0usize;
        loop {
            self.skip_space();
            let c = self.peek()?;
            if is_regular(c) && !is_number_start(c) {
                let start = self.pos;
                let word = self.regular();
                match word {
                    b"true" | b"false" | b"null" => {
                        self.pos = start;
                    }
                    b"BI" => {
                        self.skip_inline_image();
                        return Some(Operation::new("BI", Vec::new()));
                    }
                    _ => {
                        let op = &word[..word.len().min(MAX_OPERATOR)];
                        return Some(Operation {
                            operator: String::from_utf8_lossy(op).into_owned(),
                            operands,
                        });
                    }
                }
            }
            if let Some(o) = self.object(0, &mut objects) {
                if operands.len() < MAX_OPERANDS {
                    operands.push(o);
                }
            }
        }
    }
}

/// White space of ISO 32000-1 §7.2.2.
fn is_space(c: u8) -> bool {
    matches!(c, 0 | b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

/// Neither white space nor a delimiter.
fn is_regular(c: u8) -> bool {
    !is_space(c) && !b"()<>[]{}/%".contains(&c)
}

fn is_number_start(c: u8) -> bool {
    matches!(c, b'+' | b'-' | b'.' | b'0'..=b'9')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Object>)> {
        Operations::new(data)
            .map(|op| (op.operator, op.operands))
            .collect()
    }

    /// The stream of a real page reads as lopdf reads it, operation for operation.
    #[test]
    fn reads_as_lopdf_does() {
        let data = b"q 1 0 0 1 72 720 cm BT /F1 12 Tf 0 -14.5 TD [(Sta) -250 (tya)] TJ \
            (a\\(b\\)c\\101) Tj <0041 0042> Tj T* (x) ' 1 2 (y) \" ET Q % a comment\n\
            /Im1 Do";
        let ours = ops(data);
        let theirs: Vec<(String, Vec<Object>)> = lopdf::content::Content::decode(data)
            .expect("lopdf reads it")
            .operations
            .into_iter()
            .map(|op| (op.operator, op.operands))
            .collect();
        assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
        assert_eq!(ours.len(), 14);
    }

    #[test]
    fn inline_image_data_is_skipped() {
        let data = b"q BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\xff EI Q (after) Tj";
        let names: Vec<String> = ops(data).into_iter().map(|(op, _)| op).collect();
        assert_eq!(names, ["q", "BI", "Q", "Tj"]);
    }

    /// Nesting far past the kept depth, and an array of more objects than are kept, cost no
    /// stack and no memory beyond the bound.
    #[test]
    fn deep_and_wide_operands_are_bounded() {
        let mut deep = b"[".repeat(100_000);
        deep.extend_from_slice(b"(x) Tj");
        let read = ops(&deep);
        assert!(read.is_empty(), "{:?}", read.len());
        let mut wide = b"[".to_vec();
        wide.extend_from_slice(&b"1 ".repeat(200_000));
        wide.extend_from_slice(b"] TJ (y) Tj");
        let read = ops(&wide);
        assert_eq!(read.len(), 2);
        let Object::Array(items) = &read[0].1[0] else {
            panic!("{:?}", read[0].1.len())
        };
        assert_eq!(items.len(), MAX_OBJECTS - 1);
        assert_eq!(read[1].1, vec![Object::string_literal("y")]);
    }
}

//! `serde_json::to_string`'s compact output, written faster. The stored `act_json` holds every
//! text of an act (units of all editions, notes), and serde_json looks at each byte of a string
//! through its escape table; here eight bytes are checked at once and a run with nothing to
//! escape is copied whole. Everything else (numbers, literals, punctuation) is written as
//! serde_json writes it; the index dump (`examples/index_dump.rs`) checks the two agree. Ingestion
//! writes the acts it spills to disk with it too.

use serde::ser::{self, Serialize};
use std::fmt::Display;

/// Why a value could not be written (a map key that is not a string, a serializer error).
#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// `value` as compact JSON, byte for byte what `serde_json::to_string` gives.
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> Result<String, Error> {
    let mut w = Writer { out: String::new() };
    value.serialize(&mut w)?;
    Ok(w.out)
}

struct Writer {
    out: String,
}

const HEX: [char; 16] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f',
];

/// A byte serde_json escapes: control characters, `"` and `\`.
#[inline]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The bytes of `v` (little endian) that may need escaping, as the high bit of each byte.
/// The lowest flagged byte always needs it (the flags above a true one may be wrong: a
/// borrow runs upwards), and no byte that needs it goes unflagged.
#[inline]
fn escape_mask(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let control = v.wrapping_sub(ONES * 0x20) & !v;
    let q = v ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q;
    let s = v ^ (ONES * u64::from(b'\\'));
    let slash = s.wrapping_sub(ONES) & !s;
    (control | quote | slash) & HIGH
}

impl Writer {
    fn escaped(&mut self, s: &str) {
        let b = s.as_bytes();
        self.out.reserve(b.len() + 2);
        self.out.push('"');
        let mut start = 0;
        let mut i = 0;
        while i < b.len() {
            if i + 8 <= b.len() {
                let mut chunk = [0u8; 8];
                chunk.copy_from_slice(&b[i..i + 8]);
                let m = escape_mask(u64::from_le_bytes(chunk));
                if m == 0 {
                    i += 8;
                    continue;
                }
                // Straight to the first byte to escape.
                i += (m.trailing_zeros() / 8) as usize;
            }
            let c = b[i];
            if needs_escape(c) {
                // `c` is ASCII: `start` and `i` are character boundaries.
                self.out.push_str(&s[start..i]);
                match c {
                    b'"' => self.out.push_str("\\\""),
                    b'\\' => self.out.push_str("\\\\"),
                    0x08 => self.out.push_str("\\b"),
                    0x0C => self.out.push_str("\\f"),
                    b'\n' => self.out.push_str("\\n"),
                    b'\r' => self.out.push_str("\\r"),
                    b'\t' => self.out.push_str("\\t"),
                    _ => {
                        self.out.push_str("\\u00");
                        self.out.push(HEX[usize::from(c >> 4)]);
                        self.out.push(HEX[usize::from(c & 0xF)]);
                    }
                }
                start = i + 1;
            }
            i += 1;
        }
        self.out.push_str(&s[start..]);
        self.out.push('"');
    }

    fn int(&mut self, v: impl itoa_like::Int) {
        v.write(&mut self.out);
    }
}

/// Integers written as serde_json writes them (plain decimal).
mod itoa_like {
    pub trait Int: std::fmt::Display {
        fn write(self, out: &mut String)
        where
            Self: Sized,
        {
            use std::fmt::Write;
            // Writing into a String cannot fail.
            let _ = write!(out, "{self}");
        }
    }
    impl Int for i8 {}
    impl Int for i16 {}
    impl Int for i32 {}
    impl Int for i64 {}
    impl Int for i128 {}
    impl Int for u8 {}
    impl Int for u16 {}
    impl Int for u32 {}
    impl Int for u64 {}
    impl Int for u128 {}
}

/// A sequence or map being written: whether the next element is the first.
pub struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.w.out.push(',');
        }
        self.first = false;
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        // serde_json's float formatting (shortest round trip; `null` when not finite).
        let s = serde_json::to_string(&v).map_err(|e| Error(e.to_string()))?;
        self.out.push_str(&s);
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        let s = serde_json::to_string(&v).map_err(|e| Error(e.to_string()))?;
        self.out.push_str(&s);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.escaped(v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.escaped(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = ser::Serializer::serialize_seq(self, Some(v.len()))?;
        for b in v {
            ser::SerializeSeq::serialize_element(&mut seq, b)?;
        }
        ser::SerializeSeq::end(seq)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.escaped(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.out.push('{');
        self.escaped(variant);
        self.out.push(':');
        v.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        self.out.push('[');
        Ok(Compound {
            w: self,
            first: true,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        self.escaped(variant);
        self.out.push(':');
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        Ok(Compound {
            w: self,
            first: true,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        self.escaped(variant);
        self.out.push(':');
        self.serialize_map(Some(len))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.comma();
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.w.out.push(']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), Error> {
        self.w.out.push_str("]}");
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, k: &T) -> Result<(), Error> {
        self.comma();
        // Keys go through serde_json's own key rules (strings, numbers and bools quoted,
        // anything else refused), then a colon.
        let key = serde_json::to_value(k).map_err(|e| Error(e.to_string()))?;
        let key = match key {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Bool(b) => b.to_string(),
            _ => return Err(Error("key must be a string".into())),
        };
        self.w.escaped(&key);
        self.w.out.push(':');
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.w.out.push('}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.comma();
        self.w.escaped(key);
        self.w.out.push(':');
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeMap::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, v)
    }
    fn end(self) -> Result<(), Error> {
        self.w.out.push_str("}}");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    enum E {
        Unit,
        New(u8),
        Tup(i32, String),
        Rec { a: Option<bool>, b: Vec<char> },
    }

    #[derive(serde::Serialize)]
    #[serde(tag = "state", rename_all = "snake_case")]
    enum Tagged {
        InForce,
        Repealed { on: Option<String> },
    }

    #[derive(serde::Serialize)]
    struct S<'a> {
        text: &'a str,
        n: i64,
        u: u128,
        f: f64,
        e: Vec<E>,
        t: Vec<Tagged>,
        m: BTreeMap<u32, &'a str>,
        bytes: &'a [u8],
        unit: (),
    }

    /// Byte for byte what serde_json writes, including every escaped byte and a text long
    /// enough for the eight-byte path to meet escapes at every offset.
    #[test]
    fn same_as_serde_json() {
        let mut text = String::new();
        for i in 0u8..0x80 {
            text.push(char::from(i));
            text.push_str("қаз\u{2028}é");
        }
        text.push_str("\"\\\"\\ ақ");
        for cut in 0..40 {
            let s = S {
                text: &text[..text.char_indices().nth(cut * 9).map_or(text.len(), |c| c.0)],
                n: -42,
                u: u128::MAX,
                f: 1.5,
                e: vec![
                    E::Unit,
                    E::New(7),
                    E::Tup(-1, "x\ny".into()),
                    E::Rec {
                        a: None,
                        b: vec!['"', 'ә'],
                    },
                    E::Rec {
                        a: Some(true),
                        b: vec![],
                    },
                ],
                t: vec![
                    Tagged::InForce,
                    Tagged::Repealed {
                        on: Some("2020-01-01".into()),
                    },
                ],
                m: BTreeMap::from([(1, "a"), (20, "\u{1}")]),
                bytes: &[0, 255],
                unit: (),
            };
            let want = serde_json::to_string(&s).unwrap();
            assert_eq!(super::to_string(&s).unwrap(), want);
        }
    }
}

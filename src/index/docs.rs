//! Turning an [`Act`] into index documents: one per unit of the current text, one per unit of
//! each older edition (with its validity range), and one holding the whole act as JSON.

use super::schema::{act_key, to_tantivy_date, Fields, DOC_ACT, DOC_UNIT, OPEN_FROM, OPEN_TO};
use crate::model::{Act, Amendment, Source, Status, Unit, UnitStatus};
use crate::search::citation;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use tantivy::TantivyDocument;

/// `live`, `deleted` or `pending`.
pub fn unit_status_str(s: &UnitStatus) -> &'static str {
    match s {
        UnitStatus::Live => "live",
        UnitStatus::Deleted => "deleted",
        UnitStatus::Pending { .. } => "pending",
    }
}

/// The amendments that touched the units of one eid (the same in every edition).
struct UnitAmendments<'a> {
    /// In the act's order.
    list: Vec<&'a Amendment>,
    /// The `amendments` field: `list` as JSON, written at the first unit document that needs
    /// it (amendments may name eids no unit has); `None` inside when it cannot be serialized.
    json: std::cell::OnceCell<Option<String>>,
}

/// The amendments of every unit they touched, by eid: one pass over the act's amendments, not
/// one per unit document, and each unit's list serialized once for all its editions.
fn amendments_by_eid(act: &Act) -> FxHashMap<&str, UnitAmendments<'_>> {
    let mut by_eid: FxHashMap<&str, UnitAmendments<'_>> = FxHashMap::default();
    for a in &act.amendments {
        by_eid
            .entry(a.target_eid.as_str())
            .or_insert_with(|| UnitAmendments {
                list: Vec::new(),
                json: std::cell::OnceCell::new(),
            })
            .list
            .push(a);
    }
    by_eid
}

/// Calls `f` for every unit with its path from the top-level unit down.
pub fn walk_with_path<'a>(units: &'a [Unit], f: &mut dyn FnMut(&[&'a Unit])) {
    fn go<'a>(u: &'a Unit, path: &mut Vec<&'a Unit>, f: &mut dyn FnMut(&[&'a Unit])) {
        path.push(u);
        f(path);
        for c in &u.children {
            go(c, path, f);
        }
        path.pop();
    }
    let mut path = Vec::new();
    for u in units {
        go(u, &mut path, f);
    }
}

/// The validity of one set of unit documents.
struct Validity<'a> {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    current: bool,
    version_id: &'a str,
    source: &'a Source,
}

/// All documents for one act.
pub fn act_documents(act: &Act, f: &Fields) -> crate::Result<Vec<TantivyDocument>> {
    let mut docs = Vec::new();
    let act_json = fast_json::to_string(act).map_err(|e| crate::Error::Index {
        path: act.source.file.clone().into(),
        reason: format!("cannot serialize act {}: {e}", act.id),
    })?;
    let mut d = TantivyDocument::default();
    d.add_text(f.doc_type, DOC_ACT);
    d.add_text(f.act_id, &act.id);
    d.add_text(f.file, &act.source.file);
    d.add_text(f.act_json, &act_json);
    d.add_text(f.title_stem, &act.title);
    d.add_text(f.title_loose, &act.title);
    let key = act_key(&act.id);
    d.add_u64(f.act_key, key);
    docs.push(d);

    let amendments = amendments_by_eid(act);
    // Older editions, each over its [from, to).
    let mut covered_until: Option<NaiveDate> = None;
    for v in &act.versions {
        if v.to.is_none() && v.source.file == act.source.file {
            continue; // the current text itself
        }
        if let Some(to) = v.to {
            covered_until = Some(covered_until.map_or(to, |c: NaiveDate| c.max(to)));
        }
        let val = Validity {
            from: v.from,
            to: v.to,
            current: false,
            version_id: &v.id,
            source: &v.source,
        };
        unit_documents(act, &v.units, &val, f, key, &amendments, &mut docs);
    }
    let repealed_on = match &act.status {
        Status::Repealed { on, .. } => *on,
        _ => None,
    };
    let val = Validity {
        from: covered_until.or(act.date()),
        to: repealed_on,
        current: true,
        version_id: "current",
        source: &act.source,
    };
    unit_documents(act, &act.units, &val, f, key, &amendments, &mut docs);
    let units = docs.len() as u64 - 1;
    if let Some(d) = docs.first_mut() {
        d.add_u64(f.unit_docs, units);
    }
    Ok(docs)
}

fn unit_documents(
    act: &Act,
    units: &[Unit],
    val: &Validity<'_>,
    f: &Fields,
    key: u64,
    amendments: &FxHashMap<&str, UnitAmendments<'_>>,
    docs: &mut Vec<TantivyDocument>,
) {
    let status = act.status.as_str();
    let number = act.number();
    let citer = citation::Citer::new(act);
    walk_with_path(units, &mut |path| {
        let Some(u) = path.last() else { return };
        let heading = u.heading.as_deref().unwrap_or("").trim();
        if u.text.trim().is_empty() && heading.is_empty() {
            return;
        }
        let mut d = TantivyDocument::default();
        d.add_text(f.doc_type, DOC_UNIT);
        d.add_text(f.act_id, &act.id);
        d.add_text(f.file, &val.source.file);
        d.add_text(f.act_file, &act.source.file);
        d.add_text(f.act_title, &act.title);
        d.add_u64(f.act_key, key);
        d.add_text(f.act_kind, act.kind.as_str());
        for i in &act.issuances {
            d.add_text(f.issuer, &i.issuer_code);
        }
        if let Some(date) = act.date() {
            d.add_date(f.act_date, to_tantivy_date(date));
        }
        d.add_text(f.act_number, &number);
        d.add_text(f.act_status, status);
        d.add_text(f.eid, &u.eid);
        d.add_text(f.unit_kind, u.kind.eid_prefix());
        d.add_text(f.unit_status, unit_status_str(&u.status));
        let label = citation::unit_label(path, act.kind);
        d.add_text(f.label, &label);
        d.add_text(f.citation, citer.citation(path, &label));
        let mut anc = String::new();
        for (i, p) in path.iter().enumerate() {
            if i > 0 {
                anc.push_str(" / ");
            }
            anc.push_str(&p.eid);
        }
        d.add_text(f.path, anc);
        if !heading.is_empty() {
            d.add_text(f.heading, heading);
            d.add_text(f.heading_stem, heading);
            d.add_text(f.heading_loose, heading);
        }
        d.add_text(f.text, &u.text);
        d.add_text(f.kk_exact, &u.text);
        d.add_text(f.kk_stem, &u.text);
        d.add_text(f.kk_loose, &u.text);
        d.add_u64(f.line_start, u64::from(u.span.line_start));
        d.add_u64(f.line_end, u64::from(u.span.line_end));
        if let Some(p) = u.span.page {
            d.add_u64(f.page, u64::from(p));
        }
        d.add_date(f.valid_from, to_tantivy_date(val.from.unwrap_or(OPEN_FROM)));
        d.add_date(f.valid_to, to_tantivy_date(val.to.unwrap_or(OPEN_TO)));
        let am = amendments.get(u.eid.as_str());
        let wording_from = am
            .and_then(|a| {
                a.list
                    .iter()
                    .filter_map(|a| a.effective.as_ref().map(|e| e.date))
                    .max()
            })
            .or(act.date());
        if val.current {
            if let Some(w) = wording_from {
                d.add_date(f.wording_from, to_tantivy_date(w));
            }
        }
        d.add_u64(f.current, u64::from(val.current));
        d.add_text(f.version_id, val.version_id);
        match am {
            // What serde_json writes for an empty list.
            None => d.add_text(f.amendments, "[]"),
            Some(a) => {
                if let Some(js) = a.json.get_or_init(|| serde_json::to_string(&a.list).ok()) {
                    d.add_text(f.amendments, js);
                }
            }
        }
        docs.push(d);
    });
}

/// `serde_json::to_string`'s compact output, written faster: the stored `act_json` holds every
/// text of an act (units of all editions, notes), and serde_json looks at each byte of a string
/// through its escape table; here eight bytes are checked at once and a run with nothing to
/// escape is copied whole. Everything else (numbers, literals, punctuation) is written as
/// serde_json writes it; the index dump (`examples/index_dump.rs`) checks the two agree.
mod fast_json {
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
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            len: usize,
        ) -> Result<Compound<'a>, Error> {
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
}

//! Reading a hit's stored values from the doc store.
//!
//! A hit prints a unit's whole text, so every hit reads a few kilobytes of mostly Cyrillic
//! strings. tantivy's own deserializer checks them with `std::str::from_utf8`, which takes the
//! slow path on every two-byte character, a share of every query that prints hits (see
//! `docs/performance.md`). [`StoredDocs`] reads the document bytes from tantivy's store reader
//! and decodes its binary layout itself, validating strings with `simdutf8` instead. The
//! layout is tantivy 0.25's (doc store version 2); a test compares both decoders on every
//! stored document of the corpus index, and a document this decoder does not understand
//! falls back to tantivy's.

use super::Store;
use tantivy::schema::document::{DeserializeError, DocumentDeserialize, DocumentDeserializer};
use tantivy::schema::{Field, OwnedValue};
use tantivy::store::StoreReader;
use tantivy::{DateTime, DocAddress, Searcher};

/// Blocks each segment's store reader keeps decompressed (tantivy's own searcher keeps 100).
const CACHED_BLOCKS: usize = 100;

/// A unit document's stored values, the first of each field by field id: a hit moves its
/// strings out instead of copying them.
#[derive(Debug, Default, PartialEq)]
pub struct StoredDoc {
    values: Vec<Option<OwnedValue>>,
}

impl StoredDoc {
    fn set(&mut self, field: u32, value: OwnedValue) {
        let i = field as usize;
        if i >= self.values.len() {
            self.values.resize_with(i + 1, || None);
        }
        // Later values of a field (an act's other issuers) are not read.
        if self.values[i].is_none() {
            self.values[i] = Some(value);
        }
    }

    fn get(&self, field: Field) -> Option<&OwnedValue> {
        self.values.get(field.field_id() as usize)?.as_ref()
    }

    /// The string value of `field`; empty when it has none.
    pub fn str(&self, field: Field) -> &str {
        match self.get(field) {
            Some(OwnedValue::Str(s)) => s,
            _ => "",
        }
    }

    /// The string value of `field` (empty when it has none), moved out.
    pub fn take_str(&mut self, field: Field) -> String {
        let slot = self.values.get_mut(field.field_id() as usize);
        match slot.and_then(Option::take) {
            Some(OwnedValue::Str(s)) => s,
            _ => String::new(),
        }
    }

    /// The u64 value of `field` as u32 (saturating).
    pub fn u32(&self, field: Field) -> Option<u32> {
        match self.get(field) {
            Some(OwnedValue::U64(x)) => Some(u32::try_from(*x).unwrap_or(u32::MAX)),
            _ => None,
        }
    }

    /// The date value of `field`.
    pub fn date(&self, field: Field) -> Option<DateTime> {
        match self.get(field) {
            Some(OwnedValue::Date(d)) => Some(*d),
            _ => None,
        }
    }

    /// Decodes tantivy's binary document layout: a VInt count, then per value a little-endian
    /// u32 field id, a type code and the value. `None` for anything else than the text, u64
    /// and date values zanlex stores, or for damaged bytes.
    fn decode(mut bytes: &[u8]) -> Option<StoredDoc> {
        const TEXT: u8 = 0;
        const U64: u8 = 1;
        const DATE: u8 = 5;
        let count = vint(&mut bytes)?;
        let mut doc = StoredDoc::default();
        for _ in 0..count {
            let field = u32::from_le_bytes(take(&mut bytes, 4)?.try_into().ok()?);
            let code = *take(&mut bytes, 1)?.first()?;
            let value = match code {
                TEXT => {
                    let len = usize::try_from(vint(&mut bytes)?).ok()?;
                    let s = simdutf8::basic::from_utf8(take(&mut bytes, len)?).ok()?;
                    OwnedValue::Str(s.to_owned())
                }
                U64 => OwnedValue::U64(u64::from_le_bytes(take(&mut bytes, 8)?.try_into().ok()?)),
                DATE => {
                    let nanos = i64::from_le_bytes(take(&mut bytes, 8)?.try_into().ok()?);
                    OwnedValue::Date(DateTime::from_timestamp_nanos(nanos))
                }
                _ => return None,
            };
            doc.set(field, value);
        }
        bytes.is_empty().then_some(doc)
    }
}

/// The first `n` bytes of `bytes`, which advances past them.
fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if bytes.len() < n {
        return None;
    }
    let (head, tail) = bytes.split_at(n);
    *bytes = tail;
    Some(head)
}

/// tantivy's VInt: 7 bits a byte, least significant first, the last byte's high bit set.
fn vint(bytes: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *take(bytes, 1)?.first()?;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 != 0 {
            return Some(value);
        }
    }
    None
}

impl DocumentDeserialize for StoredDoc {
    fn deserialize<'de, D>(mut deserializer: D) -> Result<Self, DeserializeError>
    where
        D: DocumentDeserializer<'de>,
    {
        let mut doc = StoredDoc::default();
        while let Some((field, value)) = deserializer.next_field::<OwnedValue>()? {
            doc.set(field.field_id(), value);
        }
        Ok(doc)
    }
}

/// One store reader per segment of a searcher generation, kept by [`Store`] so that
/// decompressed blocks stay cached between searches.
pub struct StoredDocs {
    /// The searcher generation the readers belong to.
    pub generation: u64,
    readers: Vec<StoreReader>,
}

impl std::fmt::Debug for StoredDocs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredDocs")
            .field("generation", &self.generation)
            .field("segments", &self.readers.len())
            .finish()
    }
}

impl StoredDocs {
    /// Opens the store of every segment of `searcher`.
    pub fn open(searcher: &Searcher) -> crate::Result<Self> {
        let readers = searcher
            .segment_readers()
            .iter()
            .map(|s| s.get_store_reader(CACHED_BLOCKS))
            .collect::<std::io::Result<_>>()?;
        Ok(StoredDocs {
            generation: searcher.generation().generation_id(),
            readers,
        })
    }

    /// The stored values of the document at `addr`.
    pub fn get(&self, searcher: &Searcher, addr: DocAddress) -> crate::Result<StoredDoc> {
        match self.decode(addr) {
            Some(doc) => Ok(doc),
            None => Ok(searcher.doc(addr)?),
        }
    }

    /// The document at `addr` as this module decodes it, without falling back to tantivy's
    /// deserializer: `None` when the bytes cannot be read or are not understood.
    pub fn decode(&self, addr: DocAddress) -> Option<StoredDoc> {
        let reader = self.readers.get(addr.segment_ord as usize)?;
        let bytes = reader.get_document_bytes(addr.doc_id).ok()?;
        StoredDoc::decode(bytes.as_slice())
    }
}

/// The stored document at `addr` through the index's cached readers.
pub fn fetch(index: &Store, searcher: &Searcher, addr: DocAddress) -> crate::Result<StoredDoc> {
    index
        .per_generation(searcher, || StoredDocs::open(searcher))?
        .get(searcher, addr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vint_reads_tantivys_encoding() {
        // 300 = 0b10_0101100: low 7 bits first, stop bit on the last byte.
        let mut b: &[u8] = &[0x2c, 0x82, 0xff];
        assert_eq!(vint(&mut b), Some(300));
        assert_eq!(b, &[0xff]);
        let mut short: &[u8] = &[0x2c];
        assert_eq!(vint(&mut short), None);
    }

    #[test]
    fn damaged_bytes_are_refused() {
        assert_eq!(StoredDoc::decode(&[]), None);
        // One value announced, field id cut short.
        assert_eq!(StoredDoc::decode(&[0x81, 1, 0]), None);
        // A text value whose length runs past the end.
        assert_eq!(StoredDoc::decode(&[0x81, 0, 0, 0, 0, 0, 0x85, b'a']), None);
        // Invalid UTF-8.
        assert_eq!(StoredDoc::decode(&[0x81, 0, 0, 0, 0, 0, 0x81, 0xff]), None);
        // Trailing bytes.
        assert_eq!(StoredDoc::decode(&[0x80, 0]), None);
        let doc = StoredDoc::decode(&[0x81, 2, 0, 0, 0, 0, 0x82, b'o', b'k']);
        assert_eq!(
            doc.map(|d| d.str(Field::from_field_id(2)).to_string())
                .as_deref(),
            Some("ok")
        );
    }
}

//! Reading a hit's stored values from the doc store, through tantivy's own deserializer.

use tantivy::schema::document::{DeserializeError, DocumentDeserialize, DocumentDeserializer};
use tantivy::schema::{Field, OwnedValue};
use tantivy::{DateTime, DocAddress, Searcher};

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

/// The stored document at `addr`, read through the searcher's store readers (which keep
/// decompressed blocks cached for as long as the searcher's generation lasts).
pub fn fetch(searcher: &Searcher, addr: DocAddress) -> crate::Result<StoredDoc> {
    Ok(searcher.doc(addr)?)
}

//! The manifest's file in postcard: the form a refresh reads and writes at every commit.
//!
//! postcard is not self-describing, so it cannot skip a field that serde's attributes leave
//! out (`skip_serializing_if`); the manifest's own types carry such attributes for their JSON,
//! and this module mirrors them in plain structs instead. Hex digests are stored as their 32
//! bytes: they are most of an entry, and their text doubled its size and its decoding time.

use super::{FileEntry, Manifest};
use crate::ingest::FileLinks;
use crate::model::Lang;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A sha256 as the manifest holds it: the 32 bytes of a lowercase hex digest, or the text
/// itself for anything else (an empty digest marks a file that could not be hashed).
#[derive(Serialize, Deserialize)]
enum Digest<'a> {
    Sha256([u8; 32]),
    #[serde(borrow)]
    Text(Cow<'a, str>),
}

impl<'a> Digest<'a> {
    fn of(hex_text: &'a str) -> Self {
        let mut bytes = [0u8; 32];
        let lowercase = hex_text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if lowercase && hex::decode_to_slice(hex_text, &mut bytes).is_ok() {
            Digest::Sha256(bytes)
        } else {
            Digest::Text(hex_text.into())
        }
    }

    fn into_text(self) -> String {
        match self {
            Digest::Sha256(bytes) => hex::encode(bytes),
            Digest::Text(text) => text.into_owned(),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Links<'a> {
    lang: Option<Lang>,
    has: Cow<'a, [u64]>,
    seeks: Cow<'a, [u64]>,
    fixed_id: Option<u64>,
}

#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    #[serde(borrow)]
    rel: Cow<'a, str>,
    #[serde(borrow)]
    sha256: Digest<'a>,
    size: u64,
    mtime_ns: u128,
    #[serde(borrow)]
    acts_hash: Digest<'a>,
    acts: Cow<'a, [String]>,
    #[serde(borrow)]
    failure: Option<Cow<'a, str>>,
    #[serde(borrow)]
    links: Option<Links<'a>>,
}

#[derive(Serialize, Deserialize)]
struct File<'a> {
    schema: u32,
    analyzers: String,
    zanlex: String,
    links: u32,
    #[serde(borrow)]
    files: Vec<Entry<'a>>,
}

/// The manifest's postcard bytes.
pub(super) fn encode(manifest: &Manifest) -> postcard::Result<Vec<u8>> {
    // Only the entries borrow; the rest is a few short strings.
    let file = File {
        schema: manifest.schema,
        analyzers: manifest.analyzers.clone(),
        zanlex: manifest.zanlex.clone(),
        links: manifest.links,
        files: manifest
            .files
            .iter()
            .map(|(rel, e)| Entry {
                rel: rel.as_str().into(),
                sha256: Digest::of(&e.sha256),
                size: e.size,
                mtime_ns: e.mtime_ns,
                acts_hash: Digest::of(&e.acts_hash),
                acts: e.acts.as_slice().into(),
                failure: e.failure.as_deref().map(Cow::from),
                links: e.links.as_ref().map(|l| Links {
                    lang: l.lang,
                    has: l.has.as_slice().into(),
                    seeks: l.seeks.as_slice().into(),
                    fixed_id: l.fixed_id,
                }),
            })
            .collect(),
    };
    postcard::to_allocvec(&file)
}

/// The manifest of postcard `bytes` ([`encode`]); `None` when they are not one whole.
pub(super) fn decode(bytes: &[u8]) -> Option<Manifest> {
    let (file, rest): (File, _) = postcard::take_from_bytes(bytes).ok()?;
    if !rest.is_empty() {
        return None;
    }
    let mut files = BTreeMap::new();
    for e in file.files {
        let entry = FileEntry {
            sha256: e.sha256.into_text(),
            size: e.size,
            mtime_ns: e.mtime_ns,
            acts_hash: e.acts_hash.into_text(),
            acts: e.acts.into_owned(),
            failure: e.failure.map(Cow::into_owned),
            links: e.links.map(|l| FileLinks {
                lang: l.lang,
                has: l.has.into_owned(),
                seeks: l.seeks.into_owned(),
                fixed_id: l.fixed_id,
            }),
        };
        files.insert(e.rel.into_owned(), entry);
    }
    Some(Manifest {
        schema: file.schema,
        analyzers: file.analyzers,
        zanlex: file.zanlex,
        files,
        links: file.links,
    })
}

//! The manifest: what an index was built from (each source file's sha256, size and mtime,
//! and a hash of the acts made from it), named by the tantivy commit's payload so it changes
//! atomically with the documents.
//!
//! The payload itself carries only what every open needs (the stat key that tells a search
//! the index is fresh, and the files that could not be indexed); the manifest is a file of
//! the generation named by its hash (`zanlex-manifest-<hash>.postcard.lz4`), read only by a
//! refresh. It is postcard, not JSON: at national scale it holds hundreds of thousands of
//! files, and each refresh reads it whole.
//! tantivy keeps the payload inside `meta.json`, which it parses on every open: a manifest
//! there would grow with the corpus and be parsed on each `zanlex search`.
//!
//! A refresh that changes a few entries does not write it whole again: it writes the entries
//! that differ from the file in force (`zanlex-manifest-<hash>.delta.lz4`), and the payload
//! names both. Each such delta holds every change since the whole file was written, so a
//! manifest is at most two files; once a delta would outgrow a share of the whole file
//! ([`super::changes_share`]), the manifest is written whole again.

use super::schema::Fields;
use crate::model::Act;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use tantivy::Index;

/// A sha256 as a manifest keeps it: its 32 bytes, not their 64 hex digits in a string of
/// their own, since a server keeps the manifest of hundreds of thousands of files between
/// refreshes. Read and written as the hex digits, so manifest files keep their layout. Empty
/// for a file that could not be read (written as no digits), which the next refresh reads
/// again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sha256Sum(Option<[u8; 32]>);

impl Sha256Sum {
    /// The sum of a digest's bytes.
    pub fn of(bytes: [u8; 32]) -> Self {
        Sha256Sum(Some(bytes))
    }

    /// The sum written as `hex`; empty for anything but 64 hex digits, so that a file
    /// whose recorded sum cannot be read is read again.
    pub fn of_hex(hex: &str) -> Self {
        let mut bytes = [0u8; 32];
        Sha256Sum(hex::decode_to_slice(hex, &mut bytes).ok().map(|()| bytes))
    }

    /// Whether no bytes gave it.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }
}

impl Serialize for Sha256Sum {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.map(hex::encode).unwrap_or_default())
    }
}

impl<'de> Deserialize<'de> for Sha256Sum {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Hex;
        impl serde::de::Visitor<'_> for Hex {
            type Value = Sha256Sum;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sha256 in hex digits")
            }
            fn visit_str<E: serde::de::Error>(self, hex: &str) -> Result<Sha256Sum, E> {
                Ok(Sha256Sum::of_hex(hex))
            }
        }
        d.deserialize_str(Hex)
    }
}

/// What the index knows about one source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// sha256 of the file's bytes (and of its `.meta.toml` sidecar, when it has one).
    pub sha256: Sha256Sum,
    pub size: u64,
    pub mtime_ns: u128,
    /// sha256 of the JSON of the acts made from the file (they change when linking changes).
    pub acts_hash: Sha256Sum,
    pub acts: Vec<String>,
    /// Why the file could not be ingested, when it could not.
    pub failure: Option<String>,
    /// What the file's act links by, as the build that read the file found it: a refresh
    /// reads again the files linked to a changed one, and leaves the others as they are
    /// (empty links for a file that gave no act; `None` in a manifest written before links
    /// were recorded, whose next refresh reads every file).
    // Never skipped when written: postcard reads fields by position.
    #[serde(default)]
    pub links: Option<crate::ingest::FileLinks>,
}

/// The record of what an index was built from; stored in the commit payload.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema: u32,
    /// Tokens of a probe text under each analyzer: a changed analyzer forces a rebuild.
    pub analyzers: String,
    pub zanlex: String,
    /// By path relative to the corpus folder's parent (`corpus/003_….txt`).
    #[serde(deserialize_with = "files_in_full_nodes")]
    pub files: BTreeMap<String, FileEntry>,
    /// The version of the link keys in `files` ([`crate::ingest::LINKS_FORMAT`]): links of
    /// another version are not compared with those of the files read now.
    #[serde(default)]
    pub links: u32,
}

/// A manifest's files as read, the map built from them at once ([`in_full_nodes`]).
fn files_in_full_nodes<'de, D>(de: D) -> Result<BTreeMap<String, FileEntry>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Entries;
    impl<'de> serde::de::Visitor<'de> for Entries {
        type Value = Vec<(String, FileEntry)>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map of files to their entries")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            // A length read from a damaged file reserves room for a million entries at
            // most, and its pages are touched only as entries come.
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1 << 20));
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            Ok(entries)
        }
    }
    Ok(in_full_nodes(de.deserialize_map(Entries)?))
}

/// A map of files built from its entries at once. Inserted one by one in path order, as a
/// map is read or a whole corpus's entries are added, a `BTreeMap` splits each full node in
/// two and leaves its nodes about half full: a manifest of hundreds of thousands of files,
/// which a server keeps between refreshes, would take nearly twice the memory its entries
/// need. Built from an iterator, the map fills its nodes.
pub(super) fn in_full_nodes(
    entries: impl IntoIterator<Item = (String, FileEntry)>,
) -> BTreeMap<String, FileEntry> {
    entries.into_iter().collect()
}

/// A fingerprint of the registered analyzers: the tokens they make of a probe text.
pub fn analyzer_fingerprint(index: &Index, fields: &Fields) -> String {
    const PROBE: &str = "Қазақстан Республикасының азаматтары тұрақты тұруға рұқсаттар \
        14-1-тармағы 11-1-4/730 VISA визаларын ұзарту turaqty туракты Тегі/Фамилия";
    let mut h = Sha256::new();
    for field in [
        fields.kk_exact,
        fields.kk_stem,
        fields.kk_loose,
        fields.ru_stem,
        fields.heading_loose,
    ] {
        if let Ok(mut an) = index.tokenizer_for_field(field) {
            let mut ts = an.token_stream(PROBE);
            while ts.advance() {
                let t = ts.token();
                h.update(t.text.as_bytes());
                h.update(format!(
                    "@{}:{}-{};",
                    t.position, t.offset_from, t.offset_to
                ));
            }
        }
        h.update(b"|");
    }
    hex::encode(&h.finalize()[..8])
}

/// Marks a payload `zanlex-manifest-v5:{stat key}:{failures}:{file}:{delta}`: as
/// [`PAYLOAD_V4`], with the name of the file of changes over it ([`DELTA_SUFFIX`]) after the
/// whole manifest's, or nothing there when there is none.
const PAYLOAD_V5: &str = "zanlex-manifest-v5:";
/// Marks a payload `zanlex-manifest-v4:{stat key}:{failures}:{file}`, the failures being
/// base64 of the JSON list of the manifest's (file, failure) pairs (empty when none), the file
/// the name of the generation's file holding the manifest: lz4-compressed postcard, or JSON in
/// a file named without `.postcard` (indexes written before; they are read as they are).
const PAYLOAD_V4: &str = "zanlex-manifest-v4:";
/// The same with the manifest itself in base64 in place of the file name (indexes written
/// before the manifest had a file of its own).
const PAYLOAD_V3: &str = "zanlex-manifest-v3:";
/// How manifest files are named: this, 16 hex digits of their sha256, [`POSTCARD_SUFFIX`] (or
/// `.lz4` alone for JSON).
const MANIFEST_FILE_PREFIX: &str = "zanlex-manifest-";
/// The end of the name of a manifest file holding postcard.
const POSTCARD_SUFFIX: &str = ".postcard.lz4";
/// The end of the name of a file of changes over a manifest file ([`Delta`]): lz4-compressed
/// postcard.
const DELTA_SUFFIX: &str = ".delta.lz4";
/// The same without the failures (indexes written before they were reported on every run).
const PAYLOAD_V2: &str = "zanlex-manifest-v2:";
/// The same without the stat key (indexes written earlier on 2026-11-21).
const PAYLOAD_LZ4: &str = "zanlex-manifest-lz4:";

/// A digest of everything that decides, without reading a file, that an index is up to date:
/// schema, analyzers, zanlex's version, and each file's path, size and mtime (in path order).
pub(super) fn stat_key<'a>(
    schema: u32,
    analyzers: &str,
    zanlex: &str,
    files: impl Iterator<Item = (&'a str, u64, u128)>,
) -> String {
    let mut h = Sha256::new();
    h.update(format!("{schema}\n{analyzers}\n{zanlex}\n"));
    for (rel, size, mtime_ns) in files {
        h.update(rel.as_bytes());
        h.update([0]);
        h.update(size.to_le_bytes());
        h.update(mtime_ns.to_le_bytes());
    }
    hex::encode(&h.finalize()[..16])
}

/// A manifest ready to commit: the payload that names it, and the file it is written to.
pub(super) struct EncodedManifest {
    /// The commit payload: stat key, failures, the names of its files.
    pub(super) payload: String,
    /// The file to write into the generation folder: the whole manifest, or its changes over
    /// the whole one in force ([`Layers`]).
    pub(super) file_name: String,
    /// The file's bytes: lz4-compressed postcard.
    pub(super) bytes: Vec<u8>,
    /// The files the manifest is in once written, as [`decode_layered`] reads them back.
    pub(super) layers: Layers,
}

/// The files a manifest read from a commit came from: the whole manifest, and the paths a
/// file of changes over it sets. A next commit in the same folder writes its changes over
/// the same whole file ([`Over`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Layers {
    /// The name of the whole manifest's file.
    base: String,
    /// Its size.
    base_len: u64,
    /// The paths whose entries the file of changes sets (none without one).
    changed: BTreeSet<String>,
}

/// A manifest to encode as its changes over the whole manifest of `layers`: the entries of
/// the paths `layers` changed already and of `touched`, the paths changed since.
pub(super) struct Over<'a> {
    pub(super) layers: &'a Layers,
    pub(super) touched: &'a BTreeSet<String>,
}

/// What a file of changes over a whole manifest holds: the new manifest's fields but its
/// files, and the entry of each path that differs from the whole manifest, `None` for a path
/// gone.
#[derive(Serialize, Deserialize)]
struct Delta {
    schema: u32,
    analyzers: String,
    zanlex: String,
    links: u32,
    /// In path order.
    files: Vec<(String, Option<FileEntry>)>,
}

impl Delta {
    /// The manifest `base` with these changes.
    fn apply(self, mut base: Manifest) -> Manifest {
        for (rel, entry) in self.files {
            match entry {
                Some(e) => base.files.insert(rel, e),
                None => base.files.remove(&rel),
            };
        }
        Manifest {
            schema: self.schema,
            analyzers: self.analyzers,
            zanlex: self.zanlex,
            links: self.links,
            files: base.files,
        }
    }
}

/// Encodes `manifest` for a commit (see the module's documentation): whole, or with `over`
/// as its changes over the whole manifest in force when they are small enough
/// ([`super::changes_share`]). The stat key lets a search on an unchanged corpus skip the manifest, and
/// the failures beside it let that search still name the files that could not be indexed.
pub(super) fn encode_manifest(
    manifest: &Manifest,
    over: Option<Over<'_>>,
) -> Result<EncodedManifest, String> {
    use base64::Engine;
    let key = stat_key(
        manifest.schema,
        &manifest.analyzers,
        &manifest.zanlex,
        manifest
            .files
            .iter()
            .map(|(rel, e)| (rel.as_str(), e.size, e.mtime_ns)),
    );
    let failures: Vec<(&str, &str)> = manifest
        .files
        .iter()
        .filter_map(|(rel, e)| Some((rel.as_str(), e.failure.as_deref()?)))
        .collect();
    let failures = if failures.is_empty() {
        String::new()
    } else {
        let json = serde_json::to_vec(&failures).map_err(|e| e.to_string())?;
        base64::engine::general_purpose::STANDARD.encode(json)
    };
    if let Some(over) = over {
        let changed: BTreeSet<String> = over.layers.changed.union(over.touched).cloned().collect();
        let delta = Delta {
            schema: manifest.schema,
            analyzers: manifest.analyzers.clone(),
            zanlex: manifest.zanlex.clone(),
            links: manifest.links,
            files: changed
                .iter()
                .map(|rel| (rel.clone(), manifest.files.get(rel).cloned()))
                .collect(),
        };
        let packed = postcard::to_stdvec(&delta).map_err(|e| e.to_string())?;
        let bytes = lz4_flex::compress_prepend_size(&packed);
        if bytes.len() as u64 <= super::changes_share(over.layers.base_len) {
            let file_name = manifest_file_name(&bytes, DELTA_SUFFIX);
            let base = &over.layers.base;
            return Ok(EncodedManifest {
                payload: format!("{PAYLOAD_V5}{key}:{failures}:{base}:{file_name}"),
                file_name,
                bytes,
                layers: Layers {
                    changed,
                    ..over.layers.clone()
                },
            });
        }
    }
    let packed = postcard::to_stdvec(manifest).map_err(|e| e.to_string())?;
    let bytes = lz4_flex::compress_prepend_size(&packed);
    let file_name = manifest_file_name(&bytes, POSTCARD_SUFFIX);
    Ok(EncodedManifest {
        payload: format!("{PAYLOAD_V5}{key}:{failures}:{file_name}:"),
        layers: Layers {
            base: file_name.clone(),
            base_len: bytes.len() as u64,
            changed: BTreeSet::new(),
        },
        file_name,
        bytes,
    })
}

/// The name of the file holding manifest `bytes`: named by their hash, so that a commit never
/// replaces the file an earlier commit names, and a damaged file is known by its name; ending
/// in `suffix`, which tells how the manifest is encoded.
fn manifest_file_name(bytes: &[u8], suffix: &str) -> String {
    format!(
        "{MANIFEST_FILE_PREFIX}{}{suffix}",
        hex::encode(&Sha256::digest(bytes)[..8])
    )
}

/// The names of the manifest files a commit's `payload` names: the whole manifest's, and the
/// file of changes over it when there is one (none before the manifest had a file of its own).
pub(super) fn manifest_files_of(payload: &str) -> Vec<&str> {
    if let Some(rest) = payload.strip_prefix(PAYLOAD_V5) {
        return rest.split(':').skip(2).filter(|n| !n.is_empty()).collect();
    }
    payload
        .strip_prefix(PAYLOAD_V4)
        .and_then(|rest| rest.splitn(3, ':').nth(2))
        .into_iter()
        .collect()
}

/// Whether `name` is a manifest file's (see [`manifest_file_name`]).
pub(super) fn is_manifest_file(name: &str) -> bool {
    name.starts_with(MANIFEST_FILE_PREFIX) && name.ends_with(".lz4")
}

/// The bytes of the manifest file `name` in `index`'s folder, when its name is that of a
/// manifest file ending in `suffix` and their hash is the one it is named by.
fn read_manifest_file(index: &Index, name: &str, suffix: &str) -> Option<Vec<u8>> {
    use tantivy::directory::Directory;
    if !is_manifest_file(name) || !name.ends_with(suffix) {
        return None;
    }
    let bytes = index
        .directory()
        .atomic_read(std::path::Path::new(name))
        .ok()?;
    (manifest_file_name(&bytes, suffix) == name).then_some(bytes)
}

/// Postcard compressed with lz4, as manifest files hold it.
fn unpack<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(&lz4_flex::decompress_size_prepended(bytes).ok()?).ok()
}

/// The manifest `payload` names: read from the file it names (in `index`'s folder), or from
/// the payload itself as older indexes wrote it. `None` when it cannot be read whole.
pub(super) fn decode_manifest(index: &Index, payload: &str) -> Option<Manifest> {
    decode_layered(index, payload).map(|(manifest, _)| manifest)
}

/// [`decode_manifest`], with the files it came from when a next commit may write its changes
/// over them (a whole manifest in postcard).
pub(super) fn decode_layered(index: &Index, payload: &str) -> Option<(Manifest, Option<Layers>)> {
    use base64::Engine;
    let whole = |name: &str| -> Option<(Manifest, Layers)> {
        let bytes = read_manifest_file(index, name, POSTCARD_SUFFIX)?;
        let layers = Layers {
            base: name.to_string(),
            base_len: bytes.len() as u64,
            changed: BTreeSet::new(),
        };
        Some((unpack(&bytes)?, layers))
    };
    if let Some(rest) = payload.strip_prefix(PAYLOAD_V5) {
        let mut names = rest.split(':').skip(2);
        let (base, delta) = (names.next()?, names.next()?);
        let (manifest, mut layers) = whole(base)?;
        if delta.is_empty() {
            return Some((manifest, Some(layers)));
        }
        let delta: Delta = unpack(&read_manifest_file(index, delta, DELTA_SUFFIX)?)?;
        layers.changed = delta.files.iter().map(|(rel, _)| rel.clone()).collect();
        return Some((delta.apply(manifest), Some(layers)));
    }
    let packed = if let Some(rest) = payload.strip_prefix(PAYLOAD_V4) {
        let name = rest.splitn(3, ':').nth(2)?;
        if name.ends_with(POSTCARD_SUFFIX) {
            return whole(name).map(|(m, layers)| (m, Some(layers)));
        }
        read_manifest_file(index, name, ".lz4")?
    } else {
        let b64 = if let Some(rest) = payload.strip_prefix(PAYLOAD_V3) {
            rest.splitn(3, ':').nth(2)?
        } else if let Some(rest) = payload.strip_prefix(PAYLOAD_V2) {
            rest.split_once(':')?.1
        } else if let Some(b64) = payload.strip_prefix(PAYLOAD_LZ4) {
            b64
        } else {
            return Some((serde_json::from_str(payload).ok()?, None));
        };
        base64::engine::general_purpose::STANDARD.decode(b64).ok()?
    };
    let json = lz4_flex::decompress_size_prepended(&packed).ok()?;
    Some((serde_json::from_slice(&json).ok()?, None))
}

/// The stat key of the last commit's manifest, when its payload has one.
pub(super) fn stored_stat_key(index: &Index) -> Option<String> {
    let metas = index.load_metas().ok()?;
    let payload = metas.payload.as_deref()?;
    let rest = payload
        .strip_prefix(PAYLOAD_V5)
        .or_else(|| payload.strip_prefix(PAYLOAD_V4))
        .or_else(|| payload.strip_prefix(PAYLOAD_V3))
        .or_else(|| payload.strip_prefix(PAYLOAD_V2))?;
    Some(rest.split_once(':')?.0.to_string())
}

/// The files the last commit could not index, with their reasons (the manifest's failures),
/// read without decoding the manifest when the payload carries them apart; `None` when the
/// commit has no manifest.
pub(crate) fn stored_failures(index: &Index) -> Option<Vec<(String, String)>> {
    use base64::Engine;
    let metas = index.load_metas().ok()?;
    let payload = metas.payload.as_deref()?;
    if let Some(rest) = payload
        .strip_prefix(PAYLOAD_V5)
        .or_else(|| payload.strip_prefix(PAYLOAD_V4))
        .or_else(|| payload.strip_prefix(PAYLOAD_V3))
    {
        let b64 = rest.split(':').nth(1)?;
        if b64.is_empty() {
            return Some(Vec::new());
        }
        let json = base64::engine::general_purpose::STANDARD.decode(b64).ok()?;
        return serde_json::from_slice(&json).ok();
    }
    let manifest = decode_manifest(index, payload)?;
    Some(
        manifest
            .files
            .into_iter()
            .filter_map(|(rel, e)| Some((rel, e.failure?)))
            .collect(),
    )
}

/// Reads the manifest the last commit names.
pub fn read_manifest(index: &Index) -> Option<Manifest> {
    let metas = index.load_metas().ok()?;
    decode_manifest(index, metas.payload.as_deref()?)
}

/// What of an act can change without its own file changing: what linking across the corpus
/// gives it (the id, kind and requisites of its keyed edition; amendments merged from older
/// editions, applied from amending acts or dated by another act's publication; the editions
/// and applied amending acts in `versions`). The rest (its units and instructions) is read
/// from its own file, whose hash the manifest compares on its own; a version's units come
/// from the file its `source` names, whose sha256 is hashed here.
#[derive(Serialize)]
struct LinkedFacts<'a> {
    id: &'a str,
    title: &'a str,
    kind: crate::model::ActKind,
    issuances: &'a [crate::model::Issuance],
    registration: &'a Option<crate::model::Registration>,
    status: &'a crate::model::Status,
    languages: &'a [String],
    source: &'a crate::model::Source,
    publication_date: Option<chrono::NaiveDate>,
    version_date: Option<chrono::NaiveDate>,
    amendments: &'a [crate::model::Amendment],
    commencement: &'a Option<crate::model::EffectiveRule>,
    /// `(id, from, to, source)` of each version: not its units.
    versions: Vec<(
        &'a str,
        Option<chrono::NaiveDate>,
        Option<chrono::NaiveDate>,
        &'a crate::model::Source,
    )>,
    /// `(id, day)` of each version its sidecar marks as the newest when the act's source
    /// stopped carrying it: a mark on an older edition changes no file of the newest one, yet
    /// the days it covers are answered otherwise. Left out when there is none, so that the
    /// hash of an act without one is what it was before such marks were read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    source_removed: Vec<(&'a str, chrono::NaiveDate)>,
}

/// A hash of what linking gave the acts of one file ([`LinkedFacts`]): with the file's own
/// hash, it tells whether the file's documents must be written again. An act is re-indexed
/// when an act it links to changes (another edition, an amending act, a publication date),
/// without serializing its whole text.
pub(super) fn acts_hash(acts: &[&Act]) -> Sha256Sum {
    let mut h = Sha256::new();
    for a in acts {
        let facts = LinkedFacts {
            id: &a.id,
            title: &a.title,
            kind: a.kind,
            issuances: &a.issuances,
            registration: &a.registration,
            status: &a.status,
            languages: &a.languages,
            source: &a.source,
            publication_date: a.publication_date,
            version_date: a.version_date,
            amendments: &a.amendments,
            commencement: &a.commencement,
            versions: a
                .versions
                .iter()
                .map(|v| (v.id.as_str(), v.from, v.to, &v.source))
                .collect(),
            source_removed: a
                .versions
                .iter()
                .filter_map(|v| Some((v.id.as_str(), v.source_removed?)))
                .collect(),
        };
        if let Ok(js) = serde_json::to_vec(&facts) {
            h.update(js);
        }
    }
    Sha256Sum::of(h.finalize().into())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::index::schema::SCHEMA_VERSION;

    /// A manifest of two files, for tests.
    pub(in crate::index) fn manifest() -> Manifest {
        let entry = |size, mtime_ns| FileEntry {
            sha256: Sha256Sum::of_hex(&"ab".repeat(32)),
            size,
            mtime_ns,
            acts_hash: Sha256Sum::of_hex(&"cd".repeat(32)),
            acts: vec!["mvd-order-2012-06-14-352".into()],
            failure: None,
            links: None,
        };
        let linked = FileEntry {
            links: Some(crate::ingest::FileLinks {
                lang: Some(crate::model::Lang::Kk),
                has: vec![1, u64::MAX],
                seeks: Vec::new(),
                fixed_id: Some(7),
            }),
            failure: Some("no act".into()),
            ..entry(30, 3)
        };
        Manifest {
            schema: SCHEMA_VERSION,
            analyzers: "0123456789abcdef".into(),
            zanlex: env!("CARGO_PKG_VERSION").into(),
            files: BTreeMap::from([
                ("corpus/001.txt".to_string(), entry(10, 1)),
                ("corpus/002.txt".to_string(), entry(20, 2)),
                ("corpus/003.txt".to_string(), linked),
            ]),
            links: crate::ingest::LINKS_FORMAT,
        }
    }

    /// The payload gives the manifest back, and its stat key is the one a scan of the same
    /// files computes; a file whose size or mtime moved, or a missing file, changes the key.
    #[test]
    fn payload_round_trip_and_stat_key() {
        let m = manifest();
        let dir = tempfile::tempdir().unwrap();
        let index =
            Index::create_in_dir(dir.path(), tantivy::schema::Schema::builder().build()).unwrap();
        let encoded = encode_manifest(&m, None).unwrap();
        let payload = encoded.payload.clone();
        // Without its file, or with a damaged one, the payload gives no manifest.
        assert_eq!(decode_manifest(&index, &payload), None);
        let file = dir.path().join(&encoded.file_name);
        std::fs::write(&file, b"damaged").unwrap();
        assert_eq!(decode_manifest(&index, &payload), None);
        std::fs::write(&file, &encoded.bytes).unwrap();
        assert_eq!(decode_manifest(&index, &payload), Some(m.clone()));
        let key = |files: &[(&str, u64, u128)]| {
            stat_key(
                m.schema,
                &m.analyzers,
                &m.zanlex,
                files.iter().map(|(r, s, t)| (*r, *s, *t)),
            )
        };
        let stored = stored_stat_key_of(&payload);
        let same = key(&[
            ("corpus/001.txt", 10, 1),
            ("corpus/002.txt", 20, 2),
            ("corpus/003.txt", 30, 3),
        ]);
        assert_eq!(stored.as_deref(), Some(same.as_str()));
        let three = |third: (&'static str, u64, u128)| {
            key(&[("corpus/001.txt", 10, 1), ("corpus/002.txt", 20, 2), third])
        };
        assert_ne!(three(("corpus/003.txt", 31, 3)), same);
        assert_ne!(three(("corpus/003.txt", 30, 4)), same);
        assert_ne!(
            key(&[("corpus/001.txt", 10, 1), ("corpus/002.txt", 20, 2)]),
            same
        );
        // Manifests written as JSON (in a file of their own, or in the payload before the
        // manifest had its file, or before the stat key) still read.
        let json = serde_json::to_string(&m).unwrap();
        let json_lz4 = lz4_flex::compress_prepend_size(json.as_bytes());
        let json_file = manifest_file_name(&json_lz4, ".lz4");
        std::fs::write(dir.path().join(&json_file), &json_lz4).unwrap();
        let v4 = format!("{PAYLOAD_V4}{same}::{json_file}");
        assert_eq!(decode_manifest(&index, &v4), Some(m.clone()));
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(&json_lz4);
        let v3 = format!("{PAYLOAD_V3}{same}::{b64}");
        assert_eq!(decode_manifest(&index, &v3), Some(m.clone()));
        assert_eq!(decode_manifest(&index, &json), Some(m));
    }

    /// Sums kept as bytes are written as the hex strings manifests held before, in postcard
    /// and in JSON, so manifests written by earlier versions read as they are; an empty sum
    /// is no digits, and digits that are not a sum read as empty (the file is read again).
    #[test]
    fn sums_kept_as_bytes_keep_the_layout_of_hex_strings() {
        /// An entry as earlier versions declared it.
        #[derive(Serialize)]
        struct HexEntry {
            sha256: String,
            size: u64,
            mtime_ns: u128,
            acts_hash: String,
            acts: Vec<String>,
            failure: Option<String>,
            links: Option<crate::ingest::FileLinks>,
        }
        let sha = hex::encode(Sha256::digest(b"kaz.md"));
        for sha in [sha.as_str(), ""] {
            let before = HexEntry {
                sha256: sha.to_string(),
                size: 12,
                mtime_ns: 1 << 70,
                acts_hash: "cd".repeat(32),
                acts: vec!["mvd-order-2012-06-14-352".into()],
                failure: None,
                links: Some(crate::ingest::FileLinks::default()),
            };
            let now = FileEntry {
                sha256: Sha256Sum::of_hex(sha),
                size: 12,
                mtime_ns: 1 << 70,
                acts_hash: Sha256Sum::of_hex(&"cd".repeat(32)),
                acts: vec!["mvd-order-2012-06-14-352".into()],
                failure: None,
                links: Some(crate::ingest::FileLinks::default()),
            };
            assert_eq!(now.sha256.is_empty(), sha.is_empty());
            let bytes = postcard::to_allocvec(&before).unwrap();
            assert_eq!(postcard::to_allocvec(&now).unwrap(), bytes);
            assert_eq!(postcard::from_bytes::<FileEntry>(&bytes).unwrap(), now);
            let json = serde_json::to_string(&before).unwrap();
            assert_eq!(serde_json::to_string(&now).unwrap(), json);
            assert_eq!(serde_json::from_str::<FileEntry>(&json).unwrap(), now);
        }
        for not_a_sum in ["ab", "zz".repeat(32).as_str(), &"ab".repeat(33)] {
            assert!(Sha256Sum::of_hex(not_a_sum).is_empty(), "{not_a_sum}");
        }
    }

    /// The stat key a payload carries.
    fn stored_stat_key_of(payload: &str) -> Option<String> {
        payload
            .strip_prefix(PAYLOAD_V5)
            .and_then(|r| r.split_once(':'))
            .map(|(k, _)| k.to_string())
    }

    /// A commit that changes a few entries writes them over the whole manifest in force, and
    /// its payload names both files; a next one writes every change since the whole file
    /// again, over the same file; a change too large for a delta writes the manifest whole.
    #[test]
    fn a_few_changed_entries_are_written_over_the_whole_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let index =
            Index::create_in_dir(dir.path(), tantivy::schema::Schema::builder().build()).unwrap();
        let write = |encoded: &EncodedManifest| {
            std::fs::write(dir.path().join(&encoded.file_name), &encoded.bytes).unwrap();
            encoded.payload.clone()
        };
        let whole = manifest();
        let payload = write(&encode_manifest(&whole, None).unwrap());
        let (read, layers) = decode_layered(&index, &payload).unwrap();
        assert_eq!(read, whole);
        let layers = layers.expect("a whole manifest in postcard takes changes over it");
        assert!(layers.changed.is_empty());
        // One file changed, one gone.
        let mut first = whole.clone();
        first.files.get_mut("corpus/002.txt").unwrap().size = 21;
        first.files.remove("corpus/003.txt");
        let touched = BTreeSet::from(["corpus/002.txt".to_string(), "corpus/003.txt".to_string()]);
        let over = Over {
            layers: &layers,
            touched: &touched,
        };
        let encoded = encode_manifest(&first, Some(over)).unwrap();
        assert!(
            encoded.file_name.ends_with(DELTA_SUFFIX),
            "{}",
            encoded.file_name
        );
        let payload = write(&encoded);
        assert_eq!(
            manifest_files_of(&payload),
            [layers.base.as_str(), encoded.file_name.as_str()]
        );
        assert_eq!(
            stored_stat_key_of(&payload).unwrap(),
            stat_key(
                first.schema,
                &first.analyzers,
                &first.zanlex,
                first
                    .files
                    .iter()
                    .map(|(r, e)| (r.as_str(), e.size, e.mtime_ns))
            )
        );
        let (read, next) = decode_layered(&index, &payload).unwrap();
        assert_eq!(read, first);
        let next = next.unwrap();
        assert_eq!((&next.base, next.base_len), (&layers.base, layers.base_len));
        assert_eq!(next.changed, touched);
        // Then a new file: the delta holds the three paths changed since the whole file.
        let mut second = first.clone();
        let new = whole.files["corpus/001.txt"].clone();
        second.files.insert("corpus/004.txt".into(), new);
        let touched = BTreeSet::from(["corpus/004.txt".to_string()]);
        let over = Over {
            layers: &next,
            touched: &touched,
        };
        let payload = write(&encode_manifest(&second, Some(over)).unwrap());
        let (read, last) = decode_layered(&index, &payload).unwrap();
        assert_eq!(read, second);
        assert_eq!(last.unwrap().changed.len(), 3);
        // A delta without its whole file gives no manifest.
        std::fs::remove_file(dir.path().join(&layers.base)).unwrap();
        assert_eq!(decode_manifest(&index, &payload), None);
        // Past its share of the whole file, the manifest is written whole.
        let mut large = whole.clone();
        let touched: BTreeSet<String> = (0..40_000).map(|i| format!("corpus/{i:06}.txt")).collect();
        for rel in &touched {
            let mut entry = whole.files["corpus/001.txt"].clone();
            entry.sha256 = Sha256Sum::of(Sha256::digest(rel.as_bytes()).into());
            large.files.insert(rel.clone(), entry);
        }
        let over = Over {
            layers: &layers,
            touched: &touched,
        };
        let encoded = encode_manifest(&large, Some(over)).unwrap();
        assert!(
            encoded.file_name.ends_with(POSTCARD_SUFFIX),
            "{}",
            encoded.file_name
        );
        assert_eq!(
            manifest_files_of(&encoded.payload),
            [encoded.file_name.as_str()]
        );
    }
}

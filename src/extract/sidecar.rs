//! `NAME.meta.toml` next to a source file: metadata the text lacks (e.g. the date of first
//! official publication), merged into [`super::Extracted::meta`] as strings.
//!
//! ```toml
//! publication_date = "2018-02-20"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The sidecar path for a source: `corpus/003.txt` → `corpus/003.meta.toml`.
pub fn sidecar_path(source: &Path) -> PathBuf {
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    source.with_file_name(format!("{stem}.meta.toml"))
}

/// Reads the sidecar of `source` if there is one; values of any TOML type become strings
/// (arrays are joined with `; `, tables are flattened to `table.key`). `Err` with a one-line
/// reason naming the sidecar when it cannot be read or is not TOML (the caller indexes the
/// text without it and warns).
pub fn read_sidecar(source: &Path) -> Result<BTreeMap<String, String>, String> {
    let p = sidecar_path(source);
    let mut out = BTreeMap::new();
    if !p.is_file() {
        return Ok(out);
    }
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = crate::files::read_regular_to_string(&p)
        .map_err(|e| format!("cannot read the sidecar {name}: {e}"))?;
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        format!(
            "the sidecar {name} is not valid TOML ({})",
            one_line(e.message())
        )
    })?;
    flatten("", &table, &mut out);
    Ok(out)
}

fn flatten(prefix: &str, t: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (k, v) in t {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(inner) => flatten(&key, inner, out),
            other => {
                out.insert(key, value_string(other));
            }
        }
    }
}

fn value_string(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Array(a) => a.iter().map(value_string).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

/// The names a checkout of the public mirror gives the metadata of the act in its folder.
const FOLDER_META_NAMES: [&str; 2] = ["meta.yaml", "meta.yml"];

/// The extensions a sidecar in a `meta/` folder may have.
const META_FOLDER_EXTS: [&str; 3] = ["yaml", "yml", "toml"];

/// The edition a file name carries after `@` (`kaz@2765827d_v2020-09-30.md` → `2765827d`),
/// as the mirror's history names an edition by its commit.
fn edition_hash(source: &Path) -> Option<String> {
    let name = source.file_name()?.to_str()?;
    let (_, rest) = name.split_once('@')?;
    let hash: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    (!hash.is_empty()).then_some(hash)
}

/// `meta@HASH.yaml` beside an edition: the folder's metadata as of that edition.
fn edition_meta_name(hash: &str) -> [String; 2] {
    [format!("meta@{hash}.yaml"), format!("meta@{hash}.yml")]
}

/// The folder metadata file of `source`, and whether all of it concerns `source` (`false`:
/// only what concerns the act whatever its edition). In order: `meta@HASH.yaml` for a file
/// named `…@HASH…` (the folder's metadata as of that edition), `meta.yaml` beside it (as the
/// public mirror lays an act out: `kaz.md`, `rus.md`, `meta.yaml`), else another edition's
/// `meta@….yaml` (the first by name), whose act-level fields (requisite, form, issuers) are the
/// same for every edition.
pub fn folder_meta_for(source: &Path) -> Option<(PathBuf, bool)> {
    let dir = source.parent()?;
    if let Some(hash) = edition_hash(source) {
        if let Some(p) = edition_meta_name(&hash)
            .iter()
            .map(|n| dir.join(n))
            .find(|p| p.is_file())
        {
            return Some((p, true));
        }
    }
    if let Some(p) = FOLDER_META_NAMES
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file())
    {
        return Some((p, true));
    }
    // Another edition's metadata only for an edition named by its commit (`…@HASH…`).
    edition_hash(source)?;
    other_edition_metas(dir)
        .into_iter()
        .next()
        .map(|p| (p, false))
}

/// Whether `source`, an edition named by its commit (`…@HASH…`), has the folder's metadata as
/// of that edition (`meta@HASH.yaml`): metadata of its own, not borrowed from another edition.
pub fn has_own_edition_meta(source: &Path) -> bool {
    let (Some(dir), Some(hash)) = (source.parent(), edition_hash(source)) else {
        return false;
    };
    edition_meta_name(&hash)
        .iter()
        .any(|n| dir.join(n).is_file())
}

/// The `meta@….yaml` files of a folder, sorted by name.
fn other_edition_metas(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with("meta@") && (n.ends_with(".yaml") || n.ends_with(".yml"))
            })
        })
        .collect();
    out.sort();
    out
}

/// The sidecars of `source` in a `meta/` folder beside it, named after the source with or
/// without its extension (`meta/rus.md.yaml`, `meta/rus.yaml`, `meta/rus.toml`).
fn meta_folder_paths(source: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name), Some(stem)) = (
        source.parent(),
        source.file_name().map(|n| n.to_string_lossy().into_owned()),
        source.file_stem().map(|n| n.to_string_lossy().into_owned()),
    ) else {
        return Vec::new();
    };
    let meta = dir.join("meta");
    [name, stem]
        .iter()
        .flat_map(|base| META_FOLDER_EXTS.iter().map(move |e| format!("{base}.{e}")))
        .map(|n| meta.join(n))
        .collect()
}

/// Whether a file named `name` may be one of [`metadata_paths`]: a `.meta.toml` sidecar, a
/// folder's `meta.yaml` or `meta@HASH.yaml`, or a sidecar in a `meta/` folder (any `.yaml`,
/// `.yml` or `.toml`: no source has those names).
pub fn is_metadata_name(name: &str) -> bool {
    name.ends_with(".meta.toml")
        || FOLDER_META_NAMES.contains(&name)
        || name.ends_with(".yaml")
        || name.ends_with(".yml")
        || name.ends_with(".toml")
}

/// Every file whose bytes are part of `source`'s metadata: its `.meta.toml` sidecars, its
/// sidecars in a `meta/` folder, the folder's `meta.yaml` and, for an edition named
/// `…@HASH…`, the folder's `meta@….yaml`. A change to any of them changes the act, so the
/// index refresh hashes them with the source (the paths may not exist).
pub fn metadata_paths(source: &Path) -> Vec<PathBuf> {
    let mut out = vec![sidecar_path(source), {
        let mut s = source.as_os_str().to_owned();
        s.push(".meta.toml");
        PathBuf::from(s)
    }];
    out.extend(meta_folder_paths(source));
    if let Some(dir) = source.parent() {
        out.extend(FOLDER_META_NAMES.iter().map(|n| dir.join(n)));
        if edition_hash(source).is_some() {
            out.extend(other_edition_metas(dir));
        }
    }
    out
}

/// The metadata of `source` that is its own (not its folder's), flattened: the `NAME.meta.toml`
/// sidecar ([`read_sidecar`]) and the sidecars of a `meta/` folder (YAML or TOML; per-language
/// values also fill the plain key with the value in `lang`, as in [`read_folder_meta`]). The
/// `meta/` folder's override the `.meta.toml`'s. `Err` names the file that cannot be read.
pub fn read_own_sidecars(
    source: &Path,
    lang: crate::model::Lang,
) -> Result<BTreeMap<String, String>, String> {
    let mut out = read_sidecar(source)?;
    for p in meta_folder_paths(source) {
        if !p.is_file() {
            continue;
        }
        let shown = format!(
            "meta/{}",
            p.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        );
        let text = std::fs::read_to_string(&p)
            .map_err(|e| format!("cannot read the sidecar {shown}: {e}"))?;
        let mut map = BTreeMap::new();
        if p.extension().is_some_and(|e| e == "toml") {
            let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
                format!(
                    "the sidecar {shown} is not valid TOML ({})",
                    one_line(e.message())
                )
            })?;
            flatten("", &table, &mut map);
        } else {
            map = yaml_fields(&text, &shown)?;
        }
        by_language(&mut map, lang);
        out.extend(map);
    }
    Ok(out)
}

/// The one reader of metadata written in YAML: a folder's `meta.yaml` (as ingestion and the git
/// history read it), a sidecar in a `meta/` folder and a Markdown front matter. The document's
/// mapping comes flattened: nested keys joined by `.` (`caused_by.code`), lists joined with
/// `; `, scalars as written, nulls left out; a list item that is no scalar is left out with a
/// line saying so under [`UNREAD`]. `Err` names `shown`. Nesting is bounded before the
/// document is parsed ([`MAX_YAML_DEPTH`]).
pub(crate) fn yaml_fields(text: &str, shown: &str) -> Result<BTreeMap<String, String>, String> {
    if let Some(line) = nested_too_deep(text) {
        return Err(format!(
            "{shown} nests lists or mappings more than {MAX_YAML_DEPTH} deep (line {line})"
        ));
    }
    let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(text).map_err(|e| {
        let reason = e.to_string();
        format!("{shown} is not valid YAML ({})", one_line(&reason))
    })?;
    let serde_yaml_ng::Value::Mapping(map) = value else {
        return Err(format!("{shown} is not a YAML mapping of fields"));
    };
    let mut out = BTreeMap::new();
    let mut unread = Vec::new();
    flatten_yaml("", &map, &mut out, &mut unread);
    for (key, item) in unread {
        out.insert(
            format!("{UNREAD}{key}"),
            format!("{shown}: {key} lists {item:?}, where it takes names or numbers; that item is left out"),
        );
    }
    Ok(out)
}

/// Fills `title`, `version_date`, `source` with their value in `lang` (`title.kaz`, …).
fn by_language(out: &mut BTreeMap<String, String>, lang: crate::model::Lang) {
    let suffix = match lang {
        crate::model::Lang::Kk => "kaz",
        crate::model::Lang::Ru => "rus",
    };
    for key in ["title", "version_date", "source"] {
        if let Some(v) = out.get(&format!("{key}.{suffix}")).cloned() {
            out.insert(key.to_string(), v);
        }
    }
}

/// The fields of a folder's metadata that concern the act whatever its edition: what another
/// edition's `meta@HASH.yaml` gives.
const ACT_LEVEL_KEYS: [&str; 7] = [
    "act_code",
    "requisite",
    "form",
    "type_codes",
    "approved_on",
    "approved_by",
    "title",
];

/// Reads the folder's `meta.yaml` for the expression of `source` in `lang`, flattened like a
/// sidecar (`requisite`, `form`, `approved_on`, `caused_by.requisite`, lists joined with `; `).
/// Per-language values (`title.kaz` / `title.rus`, `version_date.*`, `source.*`) also fill
/// the plain key (`title`, …) with the value in `lang`.
///
/// `Ok(None)` when the folder has no such file; `Err` with a one-line reason when it cannot be
/// read or is not a YAML mapping (the caller indexes the text without it and warns).
pub fn read_folder_meta(
    source: &Path,
    lang: crate::model::Lang,
) -> Result<Option<BTreeMap<String, String>>, String> {
    let Some((p, whole)) = folder_meta_for(source) else {
        return Ok(None);
    };
    let mut out = folder_meta_cache::fields(&p)?.as_ref().clone();
    if !whole {
        out.retain(|k, _| {
            ACT_LEVEL_KEYS.iter().any(|a| {
                let k = k.strip_prefix(UNREAD).unwrap_or(k);
                k == *a || k.starts_with(&format!("{a}."))
            })
        });
    }
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    leave_out_meaningless(&mut out, &name);
    by_language(&mut out, lang);
    Ok(Some(out))
}

/// The fields of the folder metadata file `p` (`meta.yaml`), flattened; `Err` with a one-line
/// reason naming it.
fn parse_folder_meta(p: &Path) -> Result<BTreeMap<String, String>, String> {
    // The tests count parses here (feature `failpoints`: `parse-folder-meta=1*off->panic`
    // fails a second parse), to hold a folder's file to one parse a run.
    fail::fail_point!("parse-folder-meta");
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text =
        crate::files::read_regular_to_string(p).map_err(|e| format!("cannot read {name}: {e}"))?;
    yaml_fields(&text, &name)
}

/// How deep a `meta.yaml` may nest `[` lists and `{` mappings: the mirror's nest two or three
/// deep, and parsing a deeper one takes time that grows with the square of its depth.
const MAX_YAML_DEPTH: usize = 64;

/// The line at which `text`, read as YAML, opens more than [`MAX_YAML_DEPTH`] flow lists or
/// mappings (`[`, `{`) at once, not counting those in quotes or comments; `None` when it
/// never does. Brackets in plain text (`title: Закон [2019]`) close as they open.
fn nested_too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut line) = (0usize, 1usize);
    let mut quote: Option<u8> = None;
    let mut comment = false;
    let mut prev = b'\n';
    for &b in text.as_bytes() {
        if b == b'\n' {
            line += 1;
            comment = false;
        }
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if comment => {}
            None => match b {
                b'#' if prev == b' ' || prev == b'\t' || prev == b'\n' => comment = true,
                b'"' | b'\''
                    if matches!(prev, b' ' | b'\t' | b'\n' | b'[' | b'{' | b',' | b':') =>
                {
                    quote = Some(b)
                }
                b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_YAML_DEPTH {
                        return Some(line);
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        prev = b;
    }
    None
}

/// A folder's `meta.yaml` read once for all the texts beside it while ingestion holds a
/// [`folder_meta_cache::Scope`]: a mirror folder keeps every edition of an act beside one
/// `meta.yaml`, which can be tens of megabytes. The file's size and time are checked on every
/// use, so a file changed meanwhile is read again. Without a scope nothing is kept.
pub mod folder_meta_cache {
    use std::collections::{BTreeMap, HashMap};
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex, OnceLock, PoisonError};

    type Fields = Result<Arc<BTreeMap<String, String>>, String>;
    /// One file's fields, parsed once by the first text that asks (the others wait for it).
    type Entry = (Stamp, Arc<OnceLock<Fields>>);
    /// A file's size and modification time.
    type Stamp = (u64, Option<std::time::SystemTime>);

    static SCOPES: AtomicUsize = AtomicUsize::new(0);
    static CACHE: Mutex<Option<HashMap<PathBuf, Entry>>> = Mutex::new(None);

    /// While held, each folder's `meta.yaml` is parsed once; the last scope dropped forgets
    /// them all.
    #[derive(Debug)]
    pub struct Scope(());

    /// Starts keeping parsed `meta.yaml` files until the scope is dropped.
    pub fn scope() -> Scope {
        SCOPES.fetch_add(1, Ordering::SeqCst);
        Scope(())
    }

    impl Drop for Scope {
        fn drop(&mut self) {
            if SCOPES.fetch_sub(1, Ordering::SeqCst) == 1 {
                *CACHE.lock().unwrap_or_else(PoisonError::into_inner) = None;
            }
        }
    }

    /// The flattened fields of the `meta.yaml` at `p`, parsed once while a scope is held.
    pub(super) fn fields(p: &Path) -> Fields {
        if SCOPES.load(Ordering::SeqCst) == 0 {
            return super::parse_folder_meta(p).map(Arc::new);
        }
        let stamp: Stamp = std::fs::metadata(p)
            .map(|md| (md.len(), md.modified().ok()))
            .unwrap_or_default();
        let cell = {
            let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
            let cache = cache.get_or_insert_with(HashMap::new);
            match cache.get(p) {
                Some((s, cell)) if *s == stamp => Arc::clone(cell),
                _ => {
                    let cell = Arc::new(OnceLock::new());
                    cache.insert(p.to_path_buf(), (stamp, Arc::clone(&cell)));
                    cell
                }
            }
        };
        cell.get_or_init(|| super::parse_folder_meta(p).map(Arc::new))
            .clone()
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn flatten_yaml(
    prefix: &str,
    map: &serde_yaml_ng::Mapping,
    out: &mut BTreeMap<String, String>,
    unread: &mut Vec<(String, String)>,
) {
    for (k, v) in map {
        let Some(k) = yaml_scalar(k) else { continue };
        let key = if prefix.is_empty() {
            k
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            serde_yaml_ng::Value::Mapping(inner) => flatten_yaml(&key, inner, out, unread),
            serde_yaml_ng::Value::Sequence(items) => {
                let joined: Vec<String> = items.iter().filter_map(yaml_scalar).collect();
                if let Some(other) = items.iter().find(|i| yaml_scalar(i).is_none()) {
                    unread.push((key.clone(), shown_yaml(other)));
                }
                out.insert(key, joined.join("; "));
            }
            serde_yaml_ng::Value::Null => {}
            other => {
                if let Some(s) = yaml_scalar(other) {
                    out.insert(key, s.trim().to_string());
                }
            }
        }
    }
}

/// A YAML value as one short line, for a warning.
fn shown_yaml(v: &serde_yaml_ng::Value) -> String {
    let text = one_line(&serde_yaml_ng::to_string(v).unwrap_or_default());
    let mut shown: String = text.chars().take(80).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    shown
}

/// The key prefix under which a metadata file's fields keep what they could not take (one
/// line each, naming the file), for [`take_unread`] to say.
const UNREAD: &str = "\u{0}unread:";

/// A line saying what of a metadata file was left out and why, as the key and value [`take_unread`]
/// finds in a metadata map.
pub(crate) fn unread_entry(key: &str, line: String) -> (String, String) {
    (format!("{UNREAD}{key}"), line)
}

/// Takes out of `meta` the lines saying which of its files' values were left out, and why.
pub fn take_unread(meta: &mut BTreeMap<String, String>) -> Vec<String> {
    let keys: Vec<String> = meta
        .keys()
        .filter(|k| k.starts_with(UNREAD))
        .cloned()
        .collect();
    keys.into_iter().filter_map(|k| meta.remove(&k)).collect()
}

/// Leaves out of `fields`, read from the file `shown`, the values that mean nothing where
/// zanlex reads them (a date that is no date, a kind of act it does not know), each with a
/// line saying so under [`UNREAD`].
fn leave_out_meaningless(fields: &mut BTreeMap<String, String>, shown: &str) {
    let mut said = Vec::new();
    for (k, v) in fields.iter() {
        let base = k.split('.').next().unwrap_or(k);
        let v = v.trim().trim_matches(['\'', '"']).trim();
        if v.is_empty() {
            continue;
        }
        let dated =
            super::DATE_FIELDS.contains(&base) || ["approved_on", "approval_date"].contains(&base);
        if dated && crate::text::parse_date(v).is_none() {
            said.push((
                k.clone(),
                format!("{shown}: {k} {v:?} is not a date (write YYYY-MM-DD); the text is indexed without it"),
            ));
        } else if k == "kind" && crate::model::ActKind::parse(v).is_none() {
            said.push((
                k.clone(),
                format!("{shown}: kind {v:?} is no kind of act zanlex knows; the text is indexed without it"),
            ));
        }
    }
    for (k, line) in said {
        fields.remove(&k);
        fields.insert(format!("{UNREAD}{k}"), line);
    }
}

fn yaml_scalar(v: &serde_yaml_ng::Value) -> Option<String> {
    match v {
        serde_yaml_ng::Value::String(s) => Some(s.clone()),
        serde_yaml_ng::Value::Number(n) => Some(n.to_string()),
        serde_yaml_ng::Value::Bool(b) => Some(b.to_string()),
        serde_yaml_ng::Value::Tagged(t) => yaml_scalar(&t.value),
        _ => None,
    }
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn read_folder_meta() -> Result<(), std::io::Error> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("meta.yaml"),
            "act_code: '104316'\ntitle:\n  rus: О Правительстве\n  kaz: Үкіметі туралы\nversion_date:\n  kaz: 2022-11-05\n  rus: 2022-11-05\n")?;
        let meta =
            crate::extract::sidecar::read_folder_meta(&dir.path().join("rus.md"), crate::Lang::Ru)
                .unwrap()
                .unwrap();
        assert_eq!(meta["title"], "О Правительстве");
        assert_eq!(meta["version_date"], "2022-11-05");
        assert_eq!(meta["act_code"], "104316");
        Ok(())
    }
}

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
    let text =
        std::fs::read_to_string(&p).map_err(|e| format!("cannot read the sidecar {name}: {e}"))?;
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

/// The folder metadata file of `source` ([`folder_meta_for`]), when there is one.
pub fn folder_meta_path(source: &Path) -> Option<PathBuf> {
    folder_meta_for(source).map(|(p, _)| p)
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
            map = yaml_map(&text, &shown)?;
        }
        by_language(&mut map, lang);
        out.extend(map);
    }
    Ok(out)
}

/// A YAML document's mapping, flattened; `Err` names `shown`.
fn yaml_map(text: &str, shown: &str) -> Result<BTreeMap<String, String>, String> {
    let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(text).map_err(|e| {
        let reason = e.to_string();
        format!("{shown} is not valid YAML ({})", one_line(&reason))
    })?;
    let serde_yaml_ng::Value::Mapping(map) = value else {
        return Err(format!("{shown} is not a YAML mapping of fields"));
    };
    let mut out = BTreeMap::new();
    flatten_yaml("", &map, &mut out);
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
///
/// ```
/// let dir = tempfile::tempdir()?;
/// std::fs::write(dir.path().join("meta.yaml"),
///     "act_code: '104316'\ntitle:\n  rus: О Правительстве\n  kaz: Үкіметі туралы\nversion_date:\n  kaz: 2022-11-05\n  rus: 2022-11-05\n")?;
/// let meta = zanlex::internals::extract::sidecar::read_folder_meta(&dir.path().join("rus.md"), zanlex::Lang::Ru)
///     .unwrap().unwrap();
/// assert_eq!(meta["title"], "О Правительстве");
/// assert_eq!(meta["version_date"], "2022-11-05");
/// assert_eq!(meta["act_code"], "104316");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn read_folder_meta(
    source: &Path,
    lang: crate::model::Lang,
) -> Result<Option<BTreeMap<String, String>>, String> {
    let Some((p, whole)) = folder_meta_for(source) else {
        return Ok(None);
    };
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = std::fs::read_to_string(&p).map_err(|e| format!("cannot read {name}: {e}"))?;
    let mut out = yaml_map(&text, &name)?;
    if !whole {
        out.retain(|k, _| {
            ACT_LEVEL_KEYS
                .iter()
                .any(|a| k == a || k.starts_with(&format!("{a}.")))
        });
    }
    by_language(&mut out, lang);
    Ok(Some(out))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn flatten_yaml(prefix: &str, map: &serde_yaml_ng::Mapping, out: &mut BTreeMap<String, String>) {
    for (k, v) in map {
        let Some(k) = yaml_scalar(k) else { continue };
        let key = if prefix.is_empty() {
            k
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            serde_yaml_ng::Value::Mapping(inner) => flatten_yaml(&key, inner, out),
            serde_yaml_ng::Value::Sequence(items) => {
                let joined: Vec<String> = items.iter().filter_map(yaml_scalar).collect();
                out.insert(key, joined.join("; "));
            }
            other => {
                if let Some(s) = yaml_scalar(other) {
                    out.insert(key, s.trim().to_string());
                }
            }
        }
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

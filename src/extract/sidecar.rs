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
/// (arrays are joined with `; `, tables are flattened to `table.key`).
pub fn read_sidecar(source: &Path) -> Result<BTreeMap<String, String>, String> {
    let p = sidecar_path(source);
    let mut out = BTreeMap::new();
    if !p.is_file() {
        return Ok(out);
    }
    let text = std::fs::read_to_string(&p)
        .map_err(|e| format!("cannot read sidecar {}: {e}", p.display()))?;
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| format!("bad sidecar {}: {}", p.display(), e.message()))?;
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

//! The built-in thesaurus (`data/thesaurus.tsv`, `data/abbreviations.tsv`) and its members'
//! keys (`data/thesaurus_keys.tsv`) written as Rust statics at build time, so that a process
//! reads them in place instead of parsing the files into maps. Used by `build.rs` and by a test
//! of `src/search/thesaurus.rs`, which checks the statics read as the files do.

use std::collections::HashMap;
use std::fmt::Write;

/// Rust source of a `Compiled` (`src/search/thesaurus.rs`) holding the groups of `files` (each
/// a data file's text, and whether its groups are met only by their first member: the
/// abbreviations), each member with its key from `keys` (`lang <TAB> member <TAB> key`
/// lines), and each key's groups, sorted by key. `None` when a line is not one the run-time
/// reader takes or a member has no key in `keys` (a stale table): the thesaurus is then read,
/// and the missing keys made, at run time, as without this.
pub fn compiled(files: &[(&str, bool)], keys: &str) -> Option<String> {
    let mut table: HashMap<(&str, &str), &str> = HashMap::new();
    for line in keys.lines() {
        let Some((lang, rest)) = line.split_once('\t') else {
            continue;
        };
        let Some((member, key)) = rest.split_once('\t') else {
            continue;
        };
        table.insert((lang, member), key);
    }
    let mut groups: Vec<Vec<(&str, &str)>> = Vec::new();
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for &(tsv, one_way) in files {
        for line in tsv.lines() {
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("lang\t") {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [lang, members, source] = cols.as_slice() else {
                return None;
            };
            if !matches!(*lang, "kk" | "ru") || source.trim().is_empty() {
                return None;
            }
            let members: Vec<(&str, &str)> = members
                .split('|')
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(|m| table.get(&(*lang, m)).map(|k| (m, *k)))
                .collect::<Option<_>>()?;
            if members.len() < 2 {
                return None;
            }
            let group = groups.len();
            let met = if one_way { &members[..1] } else { &members[..] };
            for (_, k) in met {
                let of_key = by_key.entry(k).or_default();
                if !of_key.contains(&group) {
                    of_key.push(group);
                }
            }
            groups.push(members);
        }
    }
    let mut keys: Vec<(&str, Vec<usize>)> = by_key.into_iter().collect();
    keys.sort_unstable();
    let mut out = String::from("Compiled {\n    groups: &[\n");
    for members in &groups {
        out.push_str("        &[");
        for (m, k) in members {
            write!(out, "({m:?}, {k:?}), ").ok()?;
        }
        out.push_str("],\n");
    }
    out.push_str("    ],\n    by_key: &[\n");
    for (k, of_key) in &keys {
        writeln!(out, "        ({k:?}, &{of_key:?}),").ok()?;
    }
    out.push_str("    ],\n}");
    Some(out)
}

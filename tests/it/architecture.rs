//! The pipeline's data flows one way: no module imports a later stage, and no modules import
//! each other in a circle.
//!
//! Each top-level module of `src/` has a place in the order below; its code (its unit tests
//! aside) may name only modules placed before it. A new module must be given a place here.
//! Inside a stage, and inside the binary's doors, every module (one a file) imports one way
//! too: what two parts of a stage both need lives in a module below them both.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages in the order data flows through them; modules on one line share a place.
const LAYERS: &[&[&str]] = &[
    &["text", "panic_guard", "property", "test_support", "files"],
    &["model"],
    &["error", "error_code", "analysis"],
    &["extract"],
    &["walk", "git_history"],
    &["structure"],
    &["amend"],
    &["refs"],
    &["ingest"],
    &["lexicon"],
    &["index"],
    &["search"],
    &["zan_index"],
    &["answer"],
];

fn place(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The `.rs` files below `dir`, unit-test files (`tests.rs`, `notes_tests.rs`) left out.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !is_unit_tests(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The `.rs` files of a top-level module (a file, or a folder of them).
fn sources(src: &Path, module: &str) -> Vec<PathBuf> {
    let file = src.join(format!("{module}.rs"));
    if file.is_file() {
        return vec![file];
    }
    rust_files(&src.join(module))
}

/// A file of unit tests (`tests.rs`, `notes_tests.rs`), declared under `#[cfg(test)]`.
fn is_unit_tests(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.ends_with("tests"))
}

/// The top-level modules `code` names as `crate::module`, outside comments and unit tests.
///
/// A `#[cfg(test)]` item is skipped, whether a `mod x;` line or a block up to its closing
/// brace; what follows it is read again, so production code after a test module is checked.
fn named_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in production_lines(code) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// `code` without comments and `#[cfg(test)]` items, one line of it a line.
fn production_lines(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut lines = code.lines();
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            skip_item(&mut lines);
            continue;
        }
        out.push(line.split("//").next().unwrap_or(""));
    }
    out
}

/// A file's module path (`src/index/build.rs`: `index::build`; a `mod.rs` is its folder's).
fn module_path(root: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The paths `code` names from its own crate, each as the module path it starts with: a
/// `crate::a::b` path, a `super::x` path (read from `own`, the file's module), and each name
/// of a `{…}` group after either (`use super::{a::X, b}`: `a::X` and `b`).
fn named_paths(code: &str, own: &[String]) -> Vec<Vec<String>> {
    let text = production_lines(code).join(" ");
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let head = ["crate::", "super::"]
            .iter()
            .filter_map(|h| rest.find(h).map(|i| (i, *h)))
            .min();
        let Some((i, head)) = head else { break };
        let start = at + i;
        at = start + head.len();
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| is_ident(c) || c == ':')
        {
            continue;
        }
        let mut base: Vec<String> = Vec::new();
        if head == "super::" {
            let mut ups = 1;
            while text[at..].starts_with("super::") {
                ups += 1;
                at += "super::".len();
            }
            base.extend(own[..own.len().saturating_sub(ups)].iter().cloned());
        }
        loop {
            let name: String = text[at..].chars().take_while(|c| is_ident(*c)).collect();
            at += name.len();
            let named = !name.is_empty();
            if named {
                base.push(name);
            }
            if named && text[at..].starts_with("::") {
                at += 2;
                continue;
            }
            if !named && text[at..].starts_with('{') {
                for item in group_items(&text[at..]) {
                    let mut path = base.clone();
                    if item != "self" {
                        path.extend(item.split("::").map(|s| s.trim().to_string()));
                    }
                    out.push(path);
                }
            } else {
                out.push(base.clone());
            }
            break;
        }
    }
    out
}

/// The items of the `{…}` group `text` opens with, split at its top-level commas.
fn group_items(text: &str) -> Vec<String> {
    let (mut depth, mut item, mut out) = (0, String::new(), Vec::new());
    for c in text.chars() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1 {
                    continue;
                }
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    out.push(std::mem::take(&mut item));
                    break;
                }
            }
            ',' if depth == 1 => {
                out.push(std::mem::take(&mut item));
                continue;
            }
            _ => {}
        }
        item.push(c);
    }
    out.into_iter()
        .map(|i| {
            let i = i.trim();
            let end = i
                .find(|c: char| !(is_ident(c) || c == ':'))
                .unwrap_or(i.len());
            i[..end].trim_end_matches(':').to_string()
        })
        .filter(|i| !i.is_empty())
        .collect()
}

/// Each module of the tree at `root` (the library's `src/`, or a binary's folder) and the
/// modules of the same tree it imports.
fn module_graph(root: &Path, skip: &str) -> BTreeMap<String, BTreeSet<String>> {
    let files: Vec<PathBuf> = rust_files(root)
        .into_iter()
        .filter(|f| !f.strip_prefix(root).unwrap().starts_with(skip))
        .collect();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_path(root, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let own = module_path(root, file);
        let code = std::fs::read_to_string(file).unwrap();
        let mut to = BTreeSet::new();
        for path in named_paths(&code, &own) {
            let known = (1..=path.len())
                .rev()
                .map(|n| &path[..n])
                .find(|p| modules.contains(*p));
            if let Some(m) = known.filter(|m| *m != own.as_slice()) {
                to.insert(m.join("::"));
            }
        }
        graph.insert(own.join("::"), to);
    }
    graph
}

/// The modules `from` reaches through imports.
fn reached(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_string()];
    while let Some(m) = stack.pop() {
        for next in graph.get(&m).into_iter().flatten() {
            if seen.insert(next.clone()) {
                stack.push(next.clone());
            }
        }
    }
    seen
}

/// Each circle of `graph`: a module and the modules it reaches that reach it back.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let reach: BTreeMap<&String, BTreeSet<String>> =
        graph.keys().map(|m| (m, reached(graph, m))).collect();
    let mut wrong = BTreeSet::new();
    for (m, from_m) in &reach {
        let circle: Vec<&String> = from_m
            .iter()
            .filter(|other| *other != *m && reach.get(other).is_some_and(|r| r.contains(*m)))
            .collect();
        if !circle.is_empty() {
            let mut names: Vec<&str> = circle.iter().map(|s| s.as_str()).collect();
            names.push(m);
            names.sort();
            wrong.insert(format!("in a circle: {}", names.join(", ")));
        }
    }
    wrong.into_iter().collect()
}

/// Passes over the item after a `#[cfg(test)]`: its other attributes, then one line ending in
/// `;`, or lines up to the brace that closes the item's first one.
fn skip_item<'a>(lines: &mut impl Iterator<Item = &'a str>) {
    let mut depth = 0i64;
    let mut opened = false;
    for line in lines.by_ref() {
        let code = line.split("//").next().unwrap_or("");
        if !opened && code.trim_start().starts_with("#[") {
            continue;
        }
        depth += code.matches('{').count() as i64 - code.matches('}').count() as i64;
        opened |= code.contains('{');
        if (!opened && code.trim_end().ends_with(';')) || (opened && depth <= 0) {
            return;
        }
    }
}

#[test]
fn no_module_imports_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let path = e.path();
            if path.is_dir() && name != "bin" {
                Some(name)
            } else {
                name.strip_suffix(".rs")
                    .filter(|n| *n != "lib")
                    .map(str::to_string)
            }
        })
        .collect();
    modules.sort();
    let mut wrong = Vec::new();
    for module in &modules {
        let Some(own) = place(module) else {
            wrong.push(format!("{module}: not placed in LAYERS"));
            continue;
        };
        for file in sources(&src, module) {
            let code = std::fs::read_to_string(&file).unwrap();
            for named in named_modules(&code) {
                if named == *module {
                    continue;
                }
                match place(&named) {
                    Some(p) if p > own => wrong.push(format!(
                        "{}: imports {named}, a later stage than {module}",
                        file.display()
                    )),
                    _ => {}
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn imports_of_comments_and_tests_are_not_counted() {
    let code = "use crate::model::Act;\n// crate::search::x\nfn f() { crate::text::lowercase(\"\"); }\n#[cfg(test)]\nmod tests { use crate::index::Store; }\n";
    assert_eq!(named_modules(code), ["model", "text"]);
}

#[test]
fn code_after_a_test_module_is_read() {
    let code = "#[cfg(test)]\nmod notes_tests;\n#[cfg(test)]\n#[allow(dead_code)]\nmod tests {\n    fn f() {\n        crate::index::x();\n    }\n}\nfn g() { crate::search::y(); }\n";
    assert_eq!(named_modules(code), ["search"]);
}

#[test]
fn no_modules_import_each_other_in_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut wrong = circles(&module_graph(&root.join("src"), "bin"));
    wrong.extend(
        circles(&module_graph(&root.join("src/bin/zanlex"), "-"))
            .into_iter()
            .map(|c| format!("the binary's doors: {c}")),
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_circle_through_super_and_groups_is_found() {
    let own = |m: &str| m.split("::").map(str::to_string).collect::<Vec<_>>();
    let code = "use super::{b::X, c};\nuse crate::d::{self, e::Y};\n#[cfg(test)]\nmod tests { use super::super::f; }\n";
    let paths: Vec<String> = named_paths(code, &own("s::a"))
        .iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(paths, ["s::b::X", "s::c", "d", "d::e::Y"]);
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("s::a", vec!["s::b"]),
        ("s::b", vec!["s::c"]),
        ("s::c", vec!["s::a"]),
        ("s::d", vec!["s::a"]),
    ]
    .into_iter()
    .map(|(m, to)| (m.to_string(), to.into_iter().map(str::to_string).collect()))
    .collect();
    assert_eq!(
        circles(&graph),
        ["in a circle: s::a, s::b, s::c"],
        "one circle of three, the module outside it not counted"
    );
}

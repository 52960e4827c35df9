//! The pipeline's data flows one way: no module imports a later stage.
//!
//! Each top-level module of `src/` has a place in the order below; its code (its unit tests
//! aside) may name only modules placed before it. A new module must be given a place here.

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

/// The `.rs` files of a top-level module (a file, or a folder of them).
fn sources(src: &Path, module: &str) -> Vec<PathBuf> {
    let file = src.join(format!("{module}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let mut out = Vec::new();
    let mut stack = vec![src.join(module)];
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
    out
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
    let mut lines = code.lines();
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            skip_item(&mut lines);
            continue;
        }
        let line = line.split("//").next().unwrap_or("");
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

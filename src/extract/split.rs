//! Texts the public mirror splits into part files because they are too large for one: beside
//! the head `kaz.md` / `rus.md` (the act's title, its notes, and a table of its parts under
//! `## Части документа`) the text lives in ordered part files `kaz/sec001.md`, `rus/ch001.md`
//! …, each opening with a link back to the head (`↑ [Вся редакция](../rus.md)`). The head and
//! its parts, in the table's order, are the whole text: one act.

use std::path::{Path, PathBuf};

/// The heading under which the head lists its parts.
const PARTS_HEADING: &str = "Части документа";

/// Whether a head's line is the heading of its table of parts (`## Части документа`): from
/// it to the end of the head, the lines describe the split, not the act.
pub fn is_parts_heading(line: &str) -> bool {
    line.trim_start_matches('#').trim() == PARTS_HEADING
}

/// Whether a part's line is its link back to the head (`↑ [Вся редакция](../rus.md)`).
pub fn is_back_link(line: &str) -> bool {
    line.trim_start().starts_with('↑')
}

/// The folder of parts beside a head (`kaz.md` → `kaz/`), when the head is named as the
/// mirror names its texts and the folder exists.
fn parts_dir(head: &Path) -> Option<PathBuf> {
    let stem = head.file_stem()?.to_str()?;
    if !matches!(stem, "kaz" | "rus") || head.extension()? != "md" {
        return None;
    }
    let dir = head.with_file_name(stem);
    dir.is_dir().then_some(dir)
}

/// The part files of `head`, in the order its table of parts gives (the links
/// `](kaz/sec001.md)`), then any other Markdown file of the folder in name order; and the
/// warnings for a listed part that is missing and a part the table does not list. Nothing for
/// a file that is not the head of a split text.
pub fn parts_of(head: &Path, head_text: &str) -> (Vec<PathBuf>, Vec<String>) {
    let Some(dir) = parts_dir(head) else {
        return (Vec::new(), Vec::new());
    };
    let Some(folder) = dir.file_name().and_then(|n| n.to_str()) else {
        return (Vec::new(), Vec::new());
    };
    let mut on_disk: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .collect()
        })
        .unwrap_or_default();
    on_disk.sort();
    let mut warnings = Vec::new();
    let mut ordered: Vec<PathBuf> = Vec::new();
    let prefix = format!("]({folder}/");
    for line in head_text.lines() {
        let mut rest = line;
        while let Some(at) = rest.find(&prefix) {
            let after = &rest[at + prefix.len()..];
            let Some(end) = after.find(')') else { break };
            let name = &after[..end];
            rest = &after[end..];
            if name.contains(['/', '\\']) || name.starts_with('.') {
                continue;
            }
            let part = dir.join(name);
            if ordered.contains(&part) {
                continue;
            }
            if on_disk.contains(&part) {
                ordered.push(part);
            } else {
                warnings.push(format!(
                    "its table of parts lists {folder}/{name}, which is not in the folder; the text is indexed without it"
                ));
            }
        }
    }
    let listed_any = !ordered.is_empty();
    for p in on_disk {
        if !ordered.contains(&p) {
            if listed_any {
                warnings.push(format!(
                    "{folder}/{} is not in its table of parts; it is read after the parts the table lists",
                    p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
                ));
            }
            ordered.push(p);
        }
    }
    (ordered, warnings)
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn split() {
        use crate::extract::split::{is_back_link, is_parts_heading};
        assert!(is_parts_heading("## Части документа"));
        assert!(is_back_link("↑ [Редакцияның толық мәтіні](../kaz.md)"));
        assert!(!is_back_link("1. Осы Кодекс …"));
    }
}

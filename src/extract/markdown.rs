//! Markdown sources: official consolidated texts exported from zan.gov.kz.
//!
//! Their shape: optional YAML front matter (`title`, `version_date`, `act_code`, …), a
//! `## Мазмұны` table of contents (skipped: it repeats every heading), then the text with
//! `#` headings (`## I ТАРАУ. …`, `### 1-бап. …`), `> *Ескерту. …*` notes, `**bold**`
//! signatures, `<a id>` anchors and HTML tables.
//!
//! Every Markdown paragraph becomes one [`CleanLine`] with indent 6, the signal a new paragraph
//! has in Adilet text files; a heading becomes its own line with indent 0 and its `#` marks
//! removed (in the text files headings such as `1-тарау. Жалпы ережелер` also stand alone at
//! indent 0). Markup is stripped; the text is not run through the extraction repairs, since it
//! never went through a PDF.

use super::CleanLine;
use crate::model::SourceSpan;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Parses a Markdown source into its front matter (flattened to string values: nested keys
/// as `parent.child`, lists joined with `; `) and its clean lines.
pub fn parse_markdown(text: &str) -> (BTreeMap<String, String>, Vec<CleanLine>) {
    // `text.split('\n')`, with the line ends found by a vectorized search.
    let mut from = 0;
    let raw: Vec<&str> = memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(std::iter::once(text.len()))
        .map(|end| {
            let l = &text[from..end];
            from = end + 1;
            l.strip_suffix('\r').unwrap_or(l)
        })
        .collect();
    let mut meta = BTreeMap::new();
    let mut i = 0;
    if raw.first().map(|l| l.trim()) == Some("---") {
        if let Some(end) = raw.iter().skip(1).position(|l| l.trim() == "---") {
            meta = front_matter(&raw[1..end + 1]);
            i = end + 2;
        }
    }
    let mut lines = Vec::new();
    let mut in_toc = false;
    // The act's `# ` title outranks every heading before it: what comes before the title (a
    // table of contents, with or without its `## Мазмұны` heading, whose wrapped entries the
    // export may print as `## органдарының … өкілеттігі`; notes on the whole text) is never a
    // heading, so no contents line is ever taken for the title.
    let title_at = raw
        .iter()
        .enumerate()
        .skip(i)
        .find(|(_, l)| l.trim_start().starts_with("# "))
        .map(|(k, _)| k);
    while i < raw.len() {
        let n = i as u32 + 1;
        let before_title = title_at.is_some_and(|at| i < at);
        let line = raw[i];
        i += 1;
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let hashes = t.chars().take_while(|&c| c == '#').count();
        if hashes > 0 && t[hashes..].starts_with(' ') {
            let heading = clean_inline(&t[hashes..]);
            if heading.to_lowercase() == "мазмұны" {
                in_toc = true;
                continue;
            }
            if before_title {
                if !in_toc && !heading.is_empty() {
                    lines.push(line_of(heading, 6, n));
                }
                continue;
            }
            in_toc = false;
            if !heading.is_empty() {
                lines.push(line_of(heading, 0, n));
            }
            continue;
        }
        // A note printed between the contents and the title (`> *Ескерту. Мазмұны алып
        // тасталды …*`, `*бүкіл мәтін бойынша … ауыстырылды …*`) is no contents entry: the
        // structure reads the notes on the whole text from there.
        let is_note = t.starts_with('>') || (t.starts_with('*') && !t.starts_with("**"));
        if in_toc && !(before_title && is_note) {
            continue;
        }
        // An HTML table: its lines are printed as before, each cell's line its own line, and
        // they all point to the table read from them, rows and cells with their spans.
        if t.starts_with("<table") && !before_title {
            let end = raw[i - 1..]
                .iter()
                .position(|l| l.contains("</table"))
                .map_or(raw.len(), |k| i + k);
            let first = lines.len();
            for (k, l) in raw[i - 1..end].iter().enumerate() {
                push_cleaned(&mut lines, &clean_inline(l.trim()), n + k as u32);
            }
            let table = std::sync::Arc::new(super::LineTable {
                rows: table_rows(&raw[i - 1..end].join("\n")),
                lines: lines.len() - first,
            });
            for l in &mut lines[first..] {
                l.table = Some(table.clone());
            }
            i = end;
            continue;
        }
        let body = t.trim_start_matches('>').trim();
        let cleaned = clean_inline(body);
        if cleaned.is_empty() {
            continue;
        }
        push_cleaned(&mut lines, &cleaned, n);
    }
    (meta, lines)
}

/// Pushes a paragraph's cleaned text as a line (none when empty); a line longer than any
/// paragraph is cut, each piece a line of the same number.
fn push_cleaned(lines: &mut Vec<CleanLine>, cleaned: &str, n: u32) {
    if cleaned.is_empty() {
        return;
    }
    if cleaned.len() > super::long_lines::MAX_LINE_BYTES {
        for piece in super::long_lines::long_line_pieces(cleaned) {
            lines.push(line_of(piece.to_string(), 6, n));
        }
        return;
    }
    lines.push(line_of(cleaned.to_string(), 6, n));
}

/// The rows of an HTML table's markup: each `<tr>` a row, each `<td>` or `<th>` a cell with
/// its `colspan` and `rowspan`, its text the cleaned lines of what it holds (markup
/// removed), one per line. Nothing of the markup is kept but these numbers and texts.
fn table_rows(html: &str) -> Vec<Vec<crate::model::TableCell>> {
    use crate::model::TableCell;
    let mut rows: Vec<Vec<TableCell>> = Vec::new();
    let mut row: Vec<TableCell> = Vec::new();
    // The open cell: its spans, whether a header, and where its content begins.
    let mut cell: Option<(u32, u32, bool, usize)> = None;
    let close =
        |cell: &mut Option<(u32, u32, bool, usize)>, to: usize, row: &mut Vec<TableCell>| {
            if let Some((colspan, rowspan, header, from)) = cell.take() {
                let text = html[from..to]
                    .split('\n')
                    .map(|l| clean_inline(l.trim()))
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n");
                row.push(TableCell {
                    text,
                    colspan,
                    rowspan,
                    header,
                });
            }
        };
    let mut from = 0;
    while let Some(lt) = html[from..].find('<').map(|k| from + k) {
        let Some(gt) = html[lt..].find('>').map(|k| lt + k) else {
            break;
        };
        let tag = html[lt + 1..gt].trim().to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        match name.as_str() {
            "tr" | "/tr" | "/table" => {
                close(&mut cell, lt, &mut row);
                if !row.is_empty() {
                    rows.push(std::mem::take(&mut row));
                }
            }
            "td" | "th" => {
                close(&mut cell, lt, &mut row);
                cell = Some((
                    span_attr(&tag, "colspan"),
                    span_attr(&tag, "rowspan"),
                    name == "th",
                    gt + 1,
                ));
            }
            "/td" | "/th" => close(&mut cell, lt, &mut row),
            _ => {}
        }
        from = gt + 1;
    }
    close(&mut cell, html.len(), &mut row);
    if !row.is_empty() {
        rows.push(row);
    }
    // The header: the rows down to the last row of `<th>` cells near the top (a row of
    // column numbers under the column names); where the source marks none, as most of the
    // database's tables, the first row, which names the columns.
    let all_th = |r: &Vec<TableCell>| r.iter().all(|c| c.header);
    let head = match rows.iter().take(4).rposition(all_th) {
        Some(k) => k + 1,
        None => usize::from(rows.len() > 1),
    };
    for c in rows.iter_mut().take(head).flatten() {
        c.header = true;
    }
    rows
}

/// A cell's `colspan` or `rowspan` (`colspan="3"`, `colspan=3`): 1 when absent or not a
/// number, at most 1000 (no printed table is wider or longer).
fn span_attr(tag: &str, name: &str) -> u32 {
    tag.find(name)
        .map(|k| {
            tag[k + name.len()..]
                .trim_start_matches(|c: char| {
                    c == '=' || c == '"' || c == '\'' || c.is_whitespace()
                })
                .chars()
                .take_while(char::is_ascii_digit)
                .take(6)
                .collect::<String>()
        })
        .and_then(|d| d.parse::<u32>().ok())
        .map_or(1, |v| v.clamp(1, 1000))
}

fn line_of(text: String, indent: u16, n: u32) -> CleanLine {
    CleanLine {
        text,
        indent,
        span: SourceSpan {
            line_start: n,
            line_end: n,
            page: None,
        },
        origins: smallvec::smallvec![super::repair::Origin {
            offset: 0,
            line: n,
            page: None,
        }],
        table: None,
    }
}

/// Strips HTML tags, emphasis marks and backslash escapes; collapses spaces.
fn clean_inline(s: &str) -> String {
    // Most lines have no markup or entity: then only the spaces change.
    if !s.bytes().any(|c| matches!(c, b'<' | b'*' | b'\\' | b'&')) {
        let mut out = String::with_capacity(s.len());
        crate::text::push_words(&mut out, s);
        return out;
    }
    // Each replacement only where its pattern occurs (the same text, fewer copies).
    let s = replace_tags(s);
    let mut s = s.into_owned();
    if s.contains("**") {
        s = s.replace("**", "");
    }
    if s.contains('\\') {
        s = s.replace('\\', "");
    }
    let s = s.trim();
    // Single `*` emphasis around a whole line or note (`*Ескерту. …*`), not `3,5*4,5`.
    let s = s.strip_prefix('*').unwrap_or(s);
    let s = s.strip_suffix('*').unwrap_or(s);
    let mut out = String::with_capacity(s.len());
    if s.contains('&') {
        let s = s
            .replace("&nbsp;", " ")
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"");
        crate::text::push_words(&mut out, &s);
    } else {
        crate::text::push_words(&mut out, s);
    }
    out
}

/// Replaces each HTML tag with a space: what the regex `<[^>]*>` replaced with `" "` does (a
/// tag runs from a `<` to the first `>` after it, and the search goes on after that `>`), by
/// hand.
pub(crate) fn replace_tags(s: &str) -> Cow<'_, str> {
    // `<` and `>` are ASCII: byte searches find the same positions.
    let b = s.as_bytes();
    let Some(first) = memchr::memchr(b'<', b) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::new();
    let (mut last, mut from) = (0, first);
    while let Some(lt) = memchr::memchr(b'<', &b[from..]).map(|p| from + p) {
        // With no `>` after this `<`, none follows a later one either.
        let Some(gt) = memchr::memchr(b'>', &b[lt + 1..]).map(|p| lt + 1 + p) else {
            break;
        };
        if out.is_empty() {
            out.reserve(s.len());
        }
        out.push_str(&s[last..lt]);
        out.push(' ');
        last = gt + 1;
        from = gt + 1;
    }
    if last == 0 {
        return Cow::Borrowed(s);
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

/// Whether `text` opens a front matter (`---` on its first line) that no later `---` line
/// closes: [`parse_markdown`] then reads those lines as text.
pub fn front_matter_unclosed(text: &str) -> bool {
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    lines.next().map(str::trim) == Some("---") && !lines.any(|l| l.trim() == "---")
}

/// The fields of a front matter (its lines between the `---`), read by the one reader of
/// metadata in YAML ([`super::sidecar::yaml_fields`]). Bilingual exports nest `title`,
/// `version_date` and `source` by language: the Kazakh one is the plain value. A front matter
/// that is not YAML gives no fields but a line saying so, which extraction warns with the
/// other values left out.
pub(crate) fn front_matter(lines: &[&str]) -> BTreeMap<String, String> {
    // Blank or comments only: no fields, and nothing wrong.
    if lines
        .iter()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return BTreeMap::new();
    }
    let mut out = match super::sidecar::yaml_fields(&lines.join("\n"), "its front matter") {
        Ok(fields) => fields,
        Err(reason) => {
            return BTreeMap::from([super::sidecar::unread_entry(
                "front_matter",
                format!("{reason}; the text is indexed without it"),
            )])
        }
    };
    for k in ["title", "version_date", "source"] {
        if !out.contains_key(k) {
            if let Some(v) = out.get(&format!("{k}.kaz")).cloned() {
                out.insert(k.to_string(), v);
            }
        }
    }
    out
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn parse_markdown() {
        let md = "---\ntitle: Заң\nversion_date: 2022-11-05\n---\n\n## Мазмұны\n\n1-бап. А\n\n# Заң\n\n### 1-бап. А\n\n1. **Мәтін**.\n";
        let (meta, lines) = crate::extract::markdown::parse_markdown(md);
        assert_eq!(meta["version_date"], "2022-11-05");
        let texts: Vec<_> = lines.iter().map(|l| (l.text.as_str(), l.indent)).collect();
        assert_eq!(texts, [("Заң", 0), ("1-бап. А", 0), ("1. Мәтін.", 6)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `replace_tags` replaces what `<[^>]*>` matches, as `Regex::replace_all` did.
    #[test]
    fn replace_tags_is_the_tag_regex() {
        let re = regex::Regex::new(r"<[^>]*>").expect("static regex");
        let pieces = [
            "<",
            ">",
            "a",
            "Қаз",
            " ",
            "\n",
            "<a id=\"x\">",
            "</a>",
            "**",
            "«",
        ];
        crate::property::check(20000, crate::property::text(&pieces, 12), |s| {
            assert_eq!(replace_tags(&s), re.replace_all(&s, " "), "{s:?}");
        });
    }
}

/// A front matter is read by the one reader of metadata in YAML, as a folder's `meta.yaml` is.
#[cfg(test)]
mod front_matter_tests {
    use super::front_matter;
    use std::path::Path;

    fn fields(yaml: &str) -> std::collections::BTreeMap<String, String> {
        front_matter(&yaml.lines().collect::<Vec<_>>())
    }

    /// The government act's front matter (the mirror's export of 104316, edition of
    /// 05.11.2022) gives the fields its folder's `meta.yaml` gives when the same lines are one.
    #[test]
    fn a_front_matter_reads_as_the_same_meta_yaml() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let text =
            std::fs::read_to_string(root.join(
                "tests/fixtures/versions/codes_104316_government/kaz@2c716769_v2022-11-05.md",
            ))
            .expect("fixture");
        let yaml: Vec<&str> = text.lines().skip(1).take_while(|l| *l != "---").collect();
        let own = front_matter(&yaml);
        assert_eq!(own["act_code"], "104316");
        assert_eq!(own["type_codes"], "КЗАК");
        assert_eq!(own["approved_by"], "101000000000");
        assert_eq!(own["caused_by.code"], "173442");
        assert_eq!(own["version_date"], "2022-11-05");
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("meta.yaml"), yaml.join("\n")).expect("write");
        let folder =
            crate::extract::sidecar::read_folder_meta(&dir.path().join("kaz.md"), crate::Lang::Kk)
                .expect("a mapping")
                .expect("a meta.yaml");
        assert_eq!(own, folder);
    }

    /// What YAML means, not what a line looks like: a flow list, a folded title, a comment
    /// after a value, a quote inside a quoted value.
    #[test]
    fn yaml_is_read_as_yaml() {
        let f = fields("type_codes: [КЗАК, ЗАК]\ntitle: >\n  Үкіметі\n  туралы\nform: КЗАК # the code\nnumber: 'N 2688 ''а'''\nrepealed_on: ~\n");
        assert_eq!(f["type_codes"], "КЗАК; ЗАК");
        assert_eq!(f["title"], "Үкіметі туралы");
        assert_eq!(f["form"], "КЗАК");
        assert_eq!(f["number"], "N 2688 'а'");
        assert!(!f.contains_key("repealed_on"), "{f:?}");
        // Bilingual: the Kazakh value is the plain one.
        let f = fields("title:\n  rus: О Правительстве\n  kaz: Үкіметі туралы\n");
        assert_eq!(f["title"], "Үкіметі туралы");
        assert_eq!(f["title.rus"], "О Правительстве");
        assert!(fields("# nothing yet\n\n").is_empty());
    }

    /// A front matter that is no YAML, or nests past the bound, gives no fields and one line
    /// saying so, which extraction warns naming the file.
    #[test]
    fn a_broken_front_matter_is_one_warning() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let body = "# Тексеру туралы заң\n\n### 1-бап. Жалпы ереже\n\n1. Мәтін.\n";
        let cases = [
            (
                "colon.md",
                "title: Заң: тексеру\nversion_date: 2020-01-01\n".to_string(),
                "c/colon.md: its front matter is not valid YAML (mapping values are not allowed in this context at line 1 column 11); the text is indexed without it",
            ),
            (
                "deep.md",
                format!("title: {}\n", "[".repeat(70)),
                "c/deep.md: its front matter nests lists or mappings more than 64 deep (line 1); the text is indexed without it",
            ),
        ];
        let corpus = dir.path().join("c");
        std::fs::create_dir(&corpus)?;
        for (name, yaml, warning) in cases {
            let p = corpus.join(name);
            std::fs::write(&p, format!("---\n{yaml}---\n{body}"))?;
            let doc = crate::extract::extract_file(&p, dir.path())?;
            let said: Vec<String> = doc
                .warnings
                .iter()
                .map(|w| format!("c/{name}: {w}"))
                .collect();
            assert_eq!(said, [warning], "{name}");
            assert!(!doc.meta.contains_key("title"), "{:?}", doc.meta);
            assert!(!doc.meta.contains_key("version_date"), "{:?}", doc.meta);
            assert_eq!(doc.lines[0].text, "Тексеру туралы заң");
        }
        Ok(())
    }
}

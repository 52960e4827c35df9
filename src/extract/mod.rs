//! Stage 1: bytes → clean lines with a map back to the original lines (and PDF pages).
//!
//! Decodes text ([`decode`]: UTF-8/16, KZ-1048, Windows-1251), Markdown ([`markdown`]) and PDF
//! ([`pdf`]), then repairs extraction damage ([`repair`]: letter spacing, displaced hyperlinked
//! words, words broken across lines, page breaks, page headers). A `NAME.meta.toml` sidecar next
//! to a source adds metadata ([`sidecar`]).

pub mod decode;
pub mod long_lines;
pub mod markdown;
pub mod pdf;
mod pdf_ops;
pub mod repair;
pub mod sidecar;
pub mod split;

use crate::model::{Lang, Source, SourceFormat, SourceSpan};
use std::collections::BTreeMap;
use std::path::Path;

/// One line of clean text and the original lines it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanLine {
    /// The repaired text, without leading indentation or trailing spaces, spaces collapsed.
    pub text: String,
    /// Leading spaces of the original line: in Adilet texts a 6-space indent starts a new
    /// paragraph, which the structure stage relies on. A one-space hole a displaced word left
    /// at the line start is not counted (7 spaces → 6).
    pub indent: u16,
    /// Original 1-based lines (first and last when lines were joined) and the PDF page.
    /// For PDF sources the line numbers count the lines of the extracted text of the whole
    /// document (page 1's lines first), as `zanlex` would write them to a `.txt`.
    pub span: SourceSpan,
    /// Where each original line's part of `text` starts: every character maps back to its
    /// original line and page (see [`CleanLine::origin_of`]). One entry unless lines were
    /// joined.
    pub origins: repair::Origins,
    /// The table this line is a cell's line of (the same table shared by all its lines), for
    /// a Markdown source's HTML table.
    pub table: Option<std::sync::Arc<LineTable>>,
}

/// A table of a source, parsed from its markup into rows of cells; its cells' text is also
/// printed as lines, one [`CleanLine`] per source line, which all point to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineTable {
    /// Its rows, each its cells left to right.
    pub rows: Vec<Vec<crate::model::TableCell>>,
    /// How many clean lines its cells were printed as.
    pub lines: usize,
}

impl CleanLine {
    /// The original line and page of the character at byte `offset` of `text`.
    pub fn origin_of(&self, offset: usize) -> repair::Origin {
        self.origins
            .iter()
            .rev()
            .find(|o| o.offset <= offset)
            .or(self.origins.first())
            .copied()
            .unwrap_or(repair::Origin {
                offset: 0,
                line: self.span.line_start,
                page: self.span.page,
            })
    }
}

/// A decoded and repaired document, ready for the structure stage.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The file read, its format and hash.
    pub source: Source,
    /// Front matter fields of a Markdown source (`title`, `version_date`, …), and a sidecar's.
    pub meta: BTreeMap<String, String>,
    /// The text's lines, repaired, each with the lines and pages of the source it came from.
    pub lines: Vec<CleanLine>,
    /// The language of the text: from the file name (`kaz.md`, `rus_2019-01-01.md`), else
    /// from its letters ([`detect_lang`]).
    pub lang: Lang,
    /// Problems that did not stop the file from being read (a broken `meta.yaml`), one line
    /// each, for stderr.
    pub warnings: Vec<String>,
    /// The folder's metadata when it is not the text's own (an edition's, `kaz_2019-01-01.md`
    /// or `rus@HASH_v….md`, beside a `meta.yaml` or another edition's `meta@….yaml`): the
    /// structure stage lets the text take it only where the text's own requisites agree with
    /// the act it names ([`FolderMeta`]).
    pub folder_meta: Option<FolderMeta>,
    /// The folder's metadata when the text took it as its own (`kaz.md` or `rus.md` beside
    /// `meta.yaml`, an edition beside its own `meta@HASH.yaml`), and the keys of
    /// [`Extracted::meta`] it filled: the structure stage checks the text's own title and
    /// header against the act it names and, where they disagree, reads the text without them.
    pub folder_taken: Option<(FolderMeta, Vec<String>)>,
}

/// A folder's metadata a text would borrow: the file it was read from and its fields,
/// flattened as [`Extracted::meta`]'s.
#[derive(Debug, Clone)]
pub struct FolderMeta {
    /// The metadata file's name (`meta@3d51c7a9.yaml`).
    pub name: String,
    /// Its fields for the text's language.
    pub fields: BTreeMap<String, String>,
}

/// A repository's own documentation (`README.md`, `LICENSE.txt`, `CHANGELOG.md`, …), which
/// a checkout of the public mirror holds beside the acts and which is no act.
fn is_repository_document(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("").to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "README" | "LICENSE" | "LICENCE" | "CHANGELOG" | "CONTRIBUTING" | "MANIFEST" | "NOTICE"
    )
}

/// The metadata fields that hold a date (front matter, `.meta.toml`).
const DATE_FIELDS: [&str; 5] = [
    "date",
    "version_date",
    "publication_date",
    "registration_date",
    "repealed_on",
];

/// Whether `path` is a source zanlex reads (`.txt`, `.md`, `.pdf`), not a sidecar or other file.
pub fn is_source_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name.ends_with(".meta.toml") || is_repository_document(name) {
        return false;
    }
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt" | "md" | "pdf")
    )
}

/// Reads, decodes and repairs one file. `corpus_parent` is the folder that `Source::file` is
/// relative to. Errors are [`crate::Error::Extract`] with a one-line reason (`empty file`,
/// `binary file …`, `unknown encoding …`, `damaged PDF: …`, `encrypted PDF: …`).
pub fn extract_file(path: &Path, corpus_parent: &Path) -> crate::Result<Extracted> {
    use sha2::{Digest, Sha256};
    let fail = |reason: String| crate::Error::Extract {
        path: path.to_path_buf(),
        reason,
    };
    // Opened without blocking and read only when a regular file: the listing saw one, but a
    // FIFO put in its place since would block the read (and the index's lock) forever.
    let bytes = crate::files::read_regular(path).map_err(|e| {
        fail(match e {
            crate::files::Unreadable::NotRegular(what) => format!("{what}; it is not read"),
            crate::files::Unreadable::Io(e) => {
                format!("cannot read: {}", crate::files::io_reason(&e))
            }
        })
    })?;
    let file = crate::files::rel_key(path, corpus_parent);
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    let mut meta = BTreeMap::new();
    let mut warnings = Vec::new();
    let mut parts = Vec::new();
    let (format, encoding, lines) = match ext.as_str() {
        "pdf" => {
            if bytes.is_empty() {
                return Err(fail("empty file".into()));
            }
            let lines = pdf::extract_pdf(&bytes).map_err(fail)?;
            (SourceFormat::Pdf, "pdf".to_string(), lines)
        }
        "md" => {
            let (text, enc, note) = decode::decode_noted(&bytes).map_err(fail)?;
            warnings.extend(note);
            let text = lone_cr_as_line_end(text);
            let (m, lines) = markdown::parse_markdown(&text);
            if markdown::front_matter_unclosed(&text) {
                warnings.push(
                    "its front matter (the `---` on line 1) is never closed by a `---` line; it is read as text"
                        .to_string(),
                );
            }
            meta = m;
            let (ps, part_warnings) = split::parts_of(path, &text);
            warnings.extend(part_warnings);
            let lines = if ps.is_empty() {
                lines
            } else {
                let head_lines = u32::try_from(text.lines().count()).unwrap_or(u32::MAX);
                let (joined, located, part_warnings) =
                    join_parts(lines, head_lines, &ps, corpus_parent);
                warnings.extend(part_warnings);
                parts = located;
                joined
            };
            (SourceFormat::Markdown, enc.name().to_string(), lines)
        }
        _ => {
            let (text, enc, note) = decode::decode_noted(&bytes).map_err(fail)?;
            warnings.extend(note);
            let text = lone_cr_as_line_end(text);
            (
                SourceFormat::Text,
                enc.name().to_string(),
                text_lines(&text),
            )
        }
    };
    if lines.is_empty() {
        return Err(fail("no text in file".into()));
    }
    let lang = lang_from_name(path).unwrap_or_else(|| detect_lang(&lines));
    match sidecar::read_own_sidecars(path, lang) {
        Ok(side) => meta.extend(side),
        Err(reason) => warnings.push(format!("{reason}; the text is indexed without it")),
    }
    // A date the front matter or sidecar gives that is no date is dropped here, and said.
    for key in DATE_FIELDS {
        if let Some(v) = meta.get(key) {
            if crate::text::parse_date(v).is_none() {
                warnings.push(format!(
                    "{key} {v:?} in its metadata is not a date (write YYYY-MM-DD); the text is indexed without it"
                ));
                meta.remove(key);
            }
        }
    }
    // The edition's date: the file's own front matter or sidecar (`version_date`, or the
    // date in its `source` address), else its name (`name_date`, read by the structure
    // stage after those), else the folder's meta.yaml, which dates the mirror's
    // `kaz.md`/`rus.md`, not other editions kept beside them.
    let name_date = date_from_name(path);
    if let Some(d) = name_date {
        meta.insert("name_date".into(), d.to_string());
    }
    // An edition's file borrows the folder's metadata unless it is the edition's own
    // (`meta@HASH.yaml` beside `…@HASH…`): the structure stage checks it against the text.
    let edition_file = name_date.is_some()
        || path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().contains('@'));
    let borrowed = edition_file && !sidecar::has_own_edition_meta(path);
    let mut folder_meta: Option<FolderMeta> = None;
    let mut folder_taken: Option<(FolderMeta, Vec<String>)> = None;
    match sidecar::read_folder_meta(path, lang) {
        Ok(Some(folder)) => {
            let name = sidecar::folder_meta_for(path)
                .and_then(|(p, _)| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_default();
            let target = if borrowed {
                &mut folder_meta
                    .insert(FolderMeta {
                        name,
                        fields: BTreeMap::new(),
                    })
                    .fields
            } else {
                folder_taken = Some((
                    FolderMeta {
                        name,
                        fields: folder.clone(),
                    },
                    Vec::new(),
                ));
                &mut meta
            };
            let mut taken = Vec::new();
            for (k, v) in folder {
                // The folder dates and links the edition it describes (`kaz.md`, `rus.md`):
                // its source address names that edition's date, never a dated file's.
                if name_date.is_some() && (k.starts_with("version_date") || k.starts_with("source"))
                {
                    continue;
                }
                // The folder names the act as it is now: a dated edition's own title wins
                // (the structure stage takes `folder.title` only for a text without one).
                let k = if edition_file && (k == "title" || k.starts_with("title.")) {
                    format!("folder.{k}")
                } else {
                    k
                };
                if let std::collections::btree_map::Entry::Vacant(e) = target.entry(k) {
                    taken.push(e.key().clone());
                    e.insert(v);
                }
            }
            if let Some((_, keys)) = &mut folder_taken {
                *keys = taken;
            }
        }
        Ok(None) => {}
        Err(reason) => warnings.push(format!("{reason}; the text is indexed without it")),
    }
    // Values of a metadata file that mean nothing were left out as it was read: said here.
    warnings.extend(sidecar::take_unread(&mut meta));
    if let Some((f, _)) = &mut folder_taken {
        // Said above, as `meta` was read.
        sidecar::take_unread(&mut f.fields);
    }
    if let Some(f) = &mut folder_meta {
        warnings.extend(sidecar::take_unread(&mut f.fields));
    }
    Ok(Extracted {
        source: Source {
            file,
            format,
            sha256,
            encoding,
            parts,
        },
        meta,
        lines,
        lang,
        warnings,
        folder_meta,
        folder_taken,
    })
}

/// The head's lines of a split text (`head_lines` lines long), without its table of parts,
/// followed by each part's (without its link back to the head), the parts' lines numbered on
/// from the head's: the whole text, where each part is, and the warnings for parts that
/// cannot be read (the text goes on without them).
fn join_parts(
    head: Vec<CleanLine>,
    head_lines: u32,
    parts: &[std::path::PathBuf],
    corpus_parent: &Path,
) -> (Vec<CleanLine>, Vec<crate::model::SourcePart>, Vec<String>) {
    let mut lines: Vec<CleanLine> = Vec::new();
    for l in head {
        if split::is_parts_heading(&l.text) {
            break;
        }
        lines.push(l);
    }
    let mut located = Vec::new();
    let mut warnings = Vec::new();
    let mut before = head_lines;
    for part in parts {
        let name = crate::files::rel_key(part, corpus_parent);
        let text = match crate::files::read_regular(part) {
            Ok(bytes) => match decode::decode_noted(&bytes) {
                Ok((text, _, note)) => {
                    warnings.extend(note.map(|n| format!("its part {name}: {n}")));
                    lone_cr_as_line_end(text)
                }
                Err(reason) => {
                    warnings.push(format!(
                        "its part {name}: {reason}; the text is indexed without it"
                    ));
                    continue;
                }
            },
            Err(_) => {
                warnings.push(format!(
                    "its part {name} cannot be read; the text is indexed without it"
                ));
                continue;
            }
        };
        let (_, part_lines) = markdown::parse_markdown(&text);
        for mut l in part_lines {
            if split::is_back_link(&l.text) {
                continue;
            }
            l.span.line_start += before;
            l.span.line_end += before;
            for o in l.origins.iter_mut() {
                o.line += before;
            }
            lines.push(l);
        }
        located.push(crate::model::SourcePart {
            file: name,
            lines_before: before,
        });
        before = before.saturating_add(u32::try_from(text.lines().count()).unwrap_or(u32::MAX));
    }
    (lines, located, warnings)
}

/// The language a file's name gives its text: its first word (`kaz.md`, `rus.md`,
/// `kaz_2019-01-01_x.md`, `rus@2020-11-12.md`, `kk-2019.md`).
pub fn lang_from_name(path: &Path) -> Option<Lang> {
    let stem = path.file_stem()?.to_str()?;
    let first = stem.split(['_', '@', '-', '.', ' ']).next()?;
    Lang::parse(first)
}

/// The edition date a file name carries, in any of the common shapes: `kaz_2019-01-01_x.md`,
/// `name@2019-01-01.md`, `name_v2019-01-01.md`, `2019-01-01.md`.
pub fn date_from_name(path: &Path) -> Option<chrono::NaiveDate> {
    let stem = path.file_stem()?.to_str()?;
    let b = stem.as_bytes();
    // Ten bytes `YYYY-MM-DD` not inside a longer run of digits.
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(k, c)| match k {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        let alone = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        if !(shape && alone) {
            return None;
        }
        crate::text::parse_iso_date(&stem[i..i + 10])
    })
}

/// Whether `c` is one of the letters only Kazakh Cyrillic has (ә ғ қ ң ө ұ ү һ і, either case).
pub fn is_kazakh_letter(c: char) -> bool {
    matches!(
        c,
        'ә' | 'Ә'
            | 'ғ'
            | 'Ғ'
            | 'қ'
            | 'Қ'
            | 'ң'
            | 'Ң'
            | 'ө'
            | 'Ө'
            | 'ұ'
            | 'Ұ'
            | 'ү'
            | 'Ү'
            | 'һ'
            | 'Һ'
            | 'і'
            | 'І'
    )
}

/// How many Cyrillic letters [`detect_lang`] reads at most.
const LANG_SAMPLE_LETTERS: usize = 20_000;

/// The language of a text by its letters: Kazakh prints letters Russian has not (ә ғ қ ң ө ұ ү
/// һ і); a text where they are under one in a hundred Cyrillic letters is Russian. Acts in
/// Kazakh quote Russian only in places (bilingual form fields, further down), so the first
/// 20 000 Cyrillic letters are read.
pub fn detect_lang(lines: &[CleanLine]) -> Lang {
    let (mut kazakh, mut cyrillic) = (0usize, 0usize);
    for c in lines.iter().flat_map(|l| l.text.chars()) {
        if matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё') {
            cyrillic += 1;
        } else if is_kazakh_letter(c) {
            kazakh += 1;
            cyrillic += 1;
        }
        // The head of a text (its title, preamble and first provisions) settles it; reading
        // every letter of a long act would only add work to every build.
        if cyrillic >= LANG_SAMPLE_LETTERS {
            break;
        }
    }
    if cyrillic > 0 && kazakh * 100 < cyrillic {
        Lang::Ru
    } else {
        Lang::Kk
    }
}

/// `text` with each carriage return that no line feed follows (the line end of old Mac
/// files) made a line feed: lines end with `\n`, `\r\n` or a lone `\r`.
fn lone_cr_as_line_end(text: String) -> String {
    let b = text.as_bytes();
    let lone = |i: usize| b.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', b).any(lone) {
        return text;
    }
    let mut bytes = text.into_bytes();
    let ends: Vec<usize> = memchr::memchr_iter(b'\r', &bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .collect();
    for i in ends {
        bytes[i] = b'\n';
    }
    // One ASCII byte replaced by another: still UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Decoded plain text → repaired clean lines.
pub fn text_lines(text: &str) -> Vec<CleanLine> {
    let lines = repair::split_lines(text, 1, None);
    to_clean(repair::repair_all(lines))
}

fn to_clean(lines: Vec<repair::Line>) -> Vec<CleanLine> {
    lines
        .into_iter()
        .map(|l| CleanLine {
            text: l.text,
            indent: l.indent,
            span: l.span,
            origins: l.origins,
            table: None,
        })
        .collect()
}

#[cfg(test)]
mod decode_tests;

#[cfg(test)]
mod pdf_tests;

#[cfg(test)]
mod repair_tests;

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn extract() {
        // Compiled, not run, as the example was.
        let _example = || {
            use std::path::Path;
            let doc = crate::extract::extract_file(
                Path::new("corpus/003_0165b7296e38fd1a.txt"),
                Path::new("."),
            )
            .unwrap();
            assert_eq!(doc.source.file, "corpus/003_0165b7296e38fd1a.txt");
            for l in &doc.lines {
                println!("{:>4} {}", l.span.line_start, l.text);
            }
        };
    }

    #[test]
    fn clean_line_origin_of() {
        let lines =
            crate::extract::text_lines("      3) жіберуді\n;\nжоғары және ЖОО-\nдан кейінгі");
        assert_eq!(lines[0].text, "3) жіберуді;");
        assert_eq!(lines[0].origin_of(lines[0].text.find(';').unwrap()).line, 2);
        assert_eq!(lines[0].origin_of(0).line, 1);
        assert_eq!(lines[1].text, "жоғары және ЖОО-дан кейінгі");
        assert_eq!(lines[1].origin_of(0).line, 3);
        assert_eq!(
            lines[1].origin_of(lines[1].text.find("дан").unwrap()).line,
            4
        );
    }

    #[test]
    fn date_from_name() {
        use crate::extract::date_from_name;
        use std::path::Path;
        let d = |s: &str| date_from_name(Path::new(s)).map(|d| d.to_string());
        assert_eq!(d("kaz_2019-01-01_x.md").as_deref(), Some("2019-01-01"));
        assert_eq!(d("name@2019-01-01.md").as_deref(), Some("2019-01-01"));
        assert_eq!(d("name_v2019-01-01.md").as_deref(), Some("2019-01-01"));
        assert_eq!(d("2019-01-01.md").as_deref(), Some("2019-01-01"));
        assert_eq!(
            d("kaz@31ef956f_v2019-08-23_original.md").as_deref(),
            Some("2019-08-23")
        );
        assert_eq!(d("kaz@146f9b3d_latest.md"), None);
        assert_eq!(d("2019-13-01.md"), None);
    }

    #[test]
    fn is_kazakh_letter() {
        assert!(crate::extract::is_kazakh_letter('Қ'));
        assert!(!crate::extract::is_kazakh_letter('к'));
    }

    #[test]
    fn lang_from_name() {
        use crate::{extract::lang_from_name, Lang};
        use std::path::Path;
        assert_eq!(lang_from_name(Path::new("a/104316/rus.md")), Some(Lang::Ru));
        assert_eq!(
            lang_from_name(Path::new("kaz@1f596f80_v2020-11-12.md")),
            Some(Lang::Kk)
        );
        assert_eq!(
            lang_from_name(Path::new("corpus/003_0165b7296e38fd1a.txt")),
            None
        );
    }

    #[test]
    fn detect_lang() {
        use crate::{
            extract::{detect_lang, text_lines},
            Lang,
        };
        assert_eq!(
            detect_lang(&text_lines(
                "Статья 1. Статус Правительства Республики Казахстан"
            )),
            Lang::Ru
        );
        assert_eq!(
            detect_lang(&text_lines(
                "1-бап. Қазақстан Республикасы Үкіметінің мәртебесі"
            )),
            Lang::Kk
        );
    }
}

//! Decoding of every supported encoding, the refusals of bad input (each naming the file and
//! the reason on one line), source metadata, sidecars and Markdown sources.

use crate::extract::{extract_file, is_source_file, Extracted};
use crate::test_support as common;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bad(name: &str) -> PathBuf {
    root().join("tests/fixtures/bad").join(name)
}

/// Lines 15..31 of 004 (the excerpt the encoded fixtures hold), as UTF-8.
fn excerpt_004() -> String {
    let text = std::fs::read_to_string(common::corpus_file("004_")).expect("read 004");
    let lines: Vec<&str> = text.split('\n').collect();
    lines[14..31].join("\n") + "\n"
}

fn texts(doc: &Extracted) -> Vec<(String, u16, u32, u32)> {
    doc.lines
        .iter()
        .map(|l| (l.text.clone(), l.indent, l.span.line_start, l.span.line_end))
        .collect()
}

fn extract_utf8(text: &str) -> Extracted {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("x.txt");
    std::fs::write(&p, text).expect("write");
    extract_file(&p, dir.path()).expect("extract utf-8")
}

#[test]
fn utf8_corpus_source_fields() {
    let p = common::corpus_file("003_");
    let doc = extract_file(&p, root()).expect("extract");
    let bytes = std::fs::read(&p).expect("read");
    assert_eq!(doc.source.encoding, "utf-8");
    assert_eq!(doc.source.sha256, hex::encode(Sha256::digest(&bytes)));
    assert_eq!(doc.source.file, "corpus/003_0165b7296e38fd1a.txt");
    assert_eq!(doc.source.format, crate::SourceFormat::Text);
}

#[test]
fn kz1048_utf16_and_utf8_bom_crlf_decode_to_the_same_lines() {
    let want = texts(&extract_utf8(&excerpt_004()));
    assert_eq!(want[0].0, "сәйкес 4-тармағына БҰЙЫРАМЫН:");
    assert!(want
        .iter()
        .any(|l| l.0 == "мемлекеттік қызмет регламенті бекітілсін."));
    for (name, enc) in [
        ("kz1048.txt", "kz-1048"),
        ("utf16le.txt", "utf-16le"),
        ("utf16be.txt", "utf-16be"),
    ] {
        let doc = extract_file(&bad(name), root()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.source.encoding, enc, "{name}");
        assert_eq!(texts(&doc), want, "{name}");
    }
    // UTF-8 with a byte order mark and CRLF line ends.
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("bom.txt");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(excerpt_004().replace('\n', "\r\n").into_bytes());
    std::fs::write(&p, bytes).expect("write");
    let doc = extract_file(&p, dir.path()).expect("extract bom");
    assert_eq!(doc.source.encoding, "utf-8-bom");
    assert_eq!(doc.source.file, "bom.txt");
    assert_eq!(texts(&doc), want);
}

#[test]
fn windows_1251_without_kazakh_letters() {
    let doc = extract_file(&bad("windows1251.txt"), root()).expect("extract");
    assert_eq!(doc.source.encoding, "windows-1251");
    assert_eq!(
        doc.lines[0].text,
        "Приказ Министра внутренних дел Республики Казахстан от 14 июня 2012 года № 352."
    );
}

fn refusal(name: &str) -> String {
    let p = bad(name);
    let err = extract_file(&p, root()).expect_err(name).to_string();
    assert!(!err.contains('\n'), "{name}: not one line: {err}");
    assert!(
        err.contains(&p.display().to_string()),
        "{name}: no file name in {err}"
    );
    err
}

#[test]
fn bad_inputs_are_refused_with_a_reason() {
    assert!(refusal("empty.txt").ends_with(": empty file"));
    assert!(refusal("binary.bin").contains(": binary file (contains NUL bytes)"));
    assert!(refusal("damaged.pdf").contains(": damaged PDF: "));
    assert!(refusal("encrypted.pdf").contains(": encrypted PDF: "));
    assert!(refusal("unknown.txt").contains(": unknown encoding"));
    let missing = extract_file(&bad("no-such-file.txt"), root()).expect_err("missing");
    assert!(missing.to_string().contains("cannot read"));
}

#[test]
fn sidecar_metadata_is_merged_and_not_a_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("003.txt");
    std::fs::copy(common::corpus_file("003_"), &src).expect("copy");
    let side = dir.path().join("003.meta.toml");
    std::fs::write(
        &side,
        "publication_date = \"2018-02-20\"\nversion = 3\n[official]\nsource = \"Әділет\"\n",
    )
    .expect("write");
    let doc = extract_file(&src, dir.path()).expect("extract");
    assert_eq!(doc.meta["publication_date"], "2018-02-20");
    assert_eq!(doc.meta["version"], "3");
    assert_eq!(doc.meta["official.source"], "Әділет");
    assert!(is_source_file(&src));
    assert!(!is_source_file(&side));
    assert!(is_source_file(Path::new("corpus/x.PDF")));
    assert!(is_source_file(Path::new("a/b.md")));
    assert!(!is_source_file(Path::new("a/b.yaml")));
    // A broken sidecar is a warning naming it; the text is read without it.
    std::fs::write(&side, "publication_date = ").expect("write");
    let doc = extract_file(&src, dir.path()).expect("read without the sidecar");
    assert!(!doc.meta.contains_key("publication_date"));
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert!(
        doc.warnings[0].starts_with("the sidecar 003.meta.toml is not valid TOML (")
            && doc.warnings[0].ends_with("); the text is indexed without it"),
        "{}",
        doc.warnings[0]
    );
}

fn md(rel: &str) -> Extracted {
    extract_file(&root().join("tests/fixtures/versions").join(rel), root()).expect("extract md")
}

#[test]
fn markdown_code_with_front_matter() {
    let doc = md("codes_104316_government/kaz@2c716769_v2022-11-05.md");
    assert_eq!(doc.source.format, crate::SourceFormat::Markdown);
    assert_eq!(
        doc.meta["title"],
        "Қазақстан Республикасының Үкіметі туралы"
    );
    assert_eq!(doc.meta["version_date"], "2022-11-05");
    assert_eq!(doc.meta["act_code"], "104316");
    assert_eq!(doc.meta["type_codes"], "КЗАК");
    assert_eq!(doc.meta["caused_by.code"], "173442");
    // The table of contents is skipped: the title heading comes first (line 90).
    let first = &doc.lines[0];
    assert_eq!(
        (first.text.as_str(), first.indent, first.span.line_start),
        ("Қазақстан Республикасының Үкіметі туралы", 0, 90)
    );
    let at = |s: &str| {
        doc.lines
            .iter()
            .find(|l| l.text.starts_with(s))
            .unwrap_or_else(|| panic!("no line {s:?}"))
    };
    // Headings are their own lines at indent 0, without `#`; paragraphs have indent 6.
    let ch = at("I ТАРАУ. ЖАЛПЫ ЕРЕЖЕЛЕР");
    assert_eq!((ch.indent, ch.span.line_start), (0, 96));
    let art = at("3-1-бап.");
    assert_eq!(
        art.text,
        "3-1-бап. Қазақстан Республикасының Үкiметi мүшесiнiң ант беруi"
    );
    assert_eq!(art.indent, 0);
    assert_eq!(at("7-бап.").text, "7-бап.");
    let note = at("Ескерту. 7-бап алып тасталды");
    assert_eq!(note.text, "Ескерту. 7-бап алып тасталды - Қазақстан Республикасының 2007.06.19. N 267 Конституциялық Заңымен.");
    assert_eq!(note.indent, 6);
    let part = at("3. Үкiметтiң құрылымын министрлiктер құрайды.");
    assert_eq!(part.indent, 6);
    // Each heading appears once (the TOC copy is gone), and no markup is left.
    assert_eq!(
        doc.lines
            .iter()
            .filter(|l| l.text.starts_with("3-1-бап."))
            .count(),
        1
    );
    for l in &doc.lines {
        assert!(
            !l.text.contains("**") && !l.text.starts_with('#') && !l.text.contains("<a "),
            "{:?}",
            l.text
        );
    }
}

#[test]
fn markdown_without_front_matter_and_with_tables() {
    let doc = md("ministerial_135478/kaz@146f9b3d_latest.md");
    assert!(doc.meta.is_empty());
    assert!(doc.lines[0]
        .text
        .starts_with("Қазақстан Республикасы Президенті Әкімшілігінің"));
    assert!(doc.lines.iter().any(|l| l.text == "Н.Онжанов"));
    assert!(doc.lines.iter().any(|l| l.text == "1-қосымша"));
    assert!(doc.lines.iter().any(|l| l.text == "Буын"));
    assert!(doc
        .lines
        .iter()
        .all(|l| !l.text.contains('<') && !l.text.contains("> *")));
}

/// `bytes` written as `name` in a folder of its own, extracted.
fn extract_bytes(name: &str, bytes: &[u8]) -> crate::Result<Extracted> {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).expect("write");
    extract_file(&p, dir.path())
}

/// A real act in Kazakh (003) and one in Russian (the mirror's Law on the Government), each
/// saved again in every encoding a file of them comes in: each is read as the same lines as
/// its UTF-8 text, its encoding named.
#[test]
fn real_acts_in_every_encoding_read_as_their_utf8_text() {
    let kk = std::fs::read_to_string(common::corpus_file("003_")).expect("003");
    // A Markdown text without front matter: read as a text file, it is its lines.
    let ru = std::fs::read_to_string(root().join(
        "tests/fixtures/mirror/codes/01-const-laws/1995/1218-o-pravitelstve-respubliki-kazakhstan-104316/rus.md",
    ))
    .expect("rus.md");
    let le = |t: &str| {
        t.encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>()
    };
    let be = |t: &str| {
        t.encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect::<Vec<u8>>()
    };
    for (what, text) in [("kk", &kk), ("ru", &ru)] {
        let want = texts(&extract_bytes("a.txt", text.as_bytes()).expect("utf-8"));
        let mut forms: Vec<(&str, Vec<u8>)> = vec![
            ("utf-16le", [&[0xFF, 0xFE][..], &le(text)].concat()),
            ("utf-16le", le(text)),
            ("utf-16be", [&[0xFE, 0xFF][..], &be(text)].concat()),
            ("utf-16be", be(text)),
            (
                "utf-8-bom",
                [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
            ),
        ];
        if what == "ru" {
            let (cp, _, lossy) = encoding_rs::WINDOWS_1251.encode(text);
            assert!(!lossy);
            forms.push(("windows-1251", cp.into_owned()));
        } else {
            let kz: Vec<u8> = text
                .chars()
                .map(|c| {
                    match super::decode::KZ1048_OVERRIDES
                        .iter()
                        .find(|&&(_, k)| k == c)
                    {
                        Some(&(b, _)) => b,
                        None => {
                            let mut buf = [0; 4];
                            let (b, _, lossy) =
                                encoding_rs::WINDOWS_1251.encode(c.encode_utf8(&mut buf));
                            assert!(!lossy, "{c:?}");
                            b[0]
                        }
                    }
                })
                .collect();
            forms.push(("kz-1048", kz));
        }
        for (encoding, bytes) in forms {
            let doc = extract_bytes("a.txt", &bytes).expect(encoding);
            assert_eq!(doc.source.encoding, encoding, "{what}");
            assert_eq!(texts(&doc), want, "{what} {encoding}");
            assert!(
                doc.warnings.is_empty(),
                "{what} {encoding}: {:?}",
                doc.warnings
            );
        }
    }
}

/// A UTF-8 file cut inside a character (at its start, as `tail -c` cuts, or at its end) is
/// read without the piece of it, and says so; a UTF-16 file one byte short likewise.
#[test]
fn a_file_cut_inside_a_character_is_read_without_the_piece_and_says_so() {
    let kk = std::fs::read_to_string(common::corpus_file("003_")).expect("003");
    let whole = texts(&extract_bytes("a.txt", kk.as_bytes()).expect("utf-8"));
    let bytes = kk.as_bytes();
    // 003 opens with a line end and «Қазақстан»: the cut leaves the last byte of «Қ».
    assert_eq!(&bytes[..3], b"\n\xd2\x9a");
    let doc = extract_bytes("a.txt", &bytes[2..]).expect("cut at the start");
    assert_eq!(doc.source.encoding, "utf-8");
    assert_eq!(
        doc.warnings,
        ["its first byte ends a character cut off (the file starts inside it); it is left out"]
    );
    let got = texts(&doc);
    assert_eq!(got[0].0, whole[0].0.strip_prefix('Қ').expect("Қ"));
    assert_eq!(
        got[1..].iter().map(|l| &l.0).collect::<Vec<_>>(),
        whole[1..].iter().map(|l| &l.0).collect::<Vec<_>>()
    );
    // Cut after the first byte of the last Cyrillic letter.
    let last = kk
        .char_indices()
        .rfind(|(_, c)| !c.is_ascii())
        .expect("a letter")
        .0;
    let doc = extract_bytes("a.txt", &bytes[..last + 1]).expect("cut at the end");
    assert_eq!(
        doc.warnings,
        ["its last byte begins a character cut off (the file ends inside it); it is left out"]
    );
    assert_eq!(
        texts(&doc)
            .iter()
            .map(|l| l.0.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        texts(&extract_bytes("a.txt", &bytes[..last]).expect("before the cut"))
            .iter()
            .map(|l| l.0.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    let le: Vec<u8> = kk.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let doc = extract_bytes("a.txt", &le[..le.len() - 1]).expect("utf-16 one byte short");
    assert_eq!(doc.source.encoding, "utf-16le");
    assert_eq!(
        doc.warnings,
        ["its last byte begins a UTF-16LE character cut off (the file ends inside it); it is left out"]
    );
}

/// Bytes that are no UTF-8 before a UTF-8 act (24 of them, or a few inside it) are named
/// where they are, not called an unknown encoding; Windows-1251 and KZ-1048 files, which
/// have UTF-8 sequences only by chance, are still read as such.
#[test]
fn damaged_utf8_is_named_where_it_is_damaged() {
    let kk = std::fs::read_to_string(common::corpus_file("003_")).expect("003");
    let junk = b"\xc0\xc1\xf5\xf8".repeat(6);
    let err = extract_bytes("a.txt", &[&junk[..], kk.as_bytes()].concat())
        .expect_err("24 bytes of no UTF-8")
        .to_string();
    assert!(
        err.ends_with(": damaged UTF-8: 24 bytes in 1 place are no UTF-8 character, the first at byte 0, in a text otherwise UTF-8; save the file again as UTF-8"),
        "{err}"
    );
    // Two spaces become bytes that are no character.
    let mut inside = kk.as_bytes().to_vec();
    let space = |from: usize| {
        from + inside[from..]
            .iter()
            .position(|&b| b == b' ')
            .expect("a space")
    };
    let (a, b) = (space(1000), space(2000));
    assert_eq!((a, b), (1017, 2020));
    inside[a] = 0xFF;
    inside[b] = 0xFF;
    let err = extract_bytes("a.txt", &inside)
        .expect_err("two bytes")
        .to_string();
    assert!(
        err.ends_with(": damaged UTF-8: 2 bytes in 2 places are no UTF-8 character, the first at byte 1017, in a text otherwise UTF-8; save the file again as UTF-8"),
        "{err}"
    );
    for name in ["kz1048.txt", "windows1251.txt"] {
        let bytes = std::fs::read(bad(name)).expect(name);
        assert!(extract_bytes(name, &bytes).is_ok(), "{name}");
    }
}

//! PDF extraction: the PDFs made from 001 and 003 (scripts/make_pdf_fixtures.py) give the same
//! clean text as the text files, with page numbers; hand-built PDFs exercise Identity-H fonts,
//! `TJ` kerning and text-positioning operators.

use crate::extract::{extract_file, Extracted};
use crate::test_support as common;
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream, StringFormat};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus(prefix: &str) -> Extracted {
    let file = common::corpus_file(prefix);
    extract_file(&file, root()).expect("extract text")
}

fn pdf(name: &str) -> Extracted {
    extract_file(&root().join("tests/fixtures/pdf").join(name), root()).expect("extract pdf")
}

fn words(doc: &Extracted) -> Vec<String> {
    doc.lines
        .iter()
        .flat_map(|l| l.text.split_whitespace().map(str::to_string))
        .collect()
}

fn same_text(txt: &Extracted, pdf: &Extracted) {
    let (a, b) = (words(txt), words(pdf));
    if a != b {
        let i = a
            .iter()
            .zip(&b)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        panic!(
            "text and PDF differ at word {i}: {:?} vs {:?}",
            &a[i.saturating_sub(5)..(i + 5).min(a.len())],
            &b[i.saturating_sub(5)..(i + 5).min(b.len())]
        );
    }
    // Line by line too: the same repairs joined the same lines, with the same indentation.
    let ta: Vec<(&str, u16)> = txt
        .lines
        .iter()
        .map(|l| (l.text.as_str(), l.indent))
        .collect();
    let tb: Vec<(&str, u16)> = pdf
        .lines
        .iter()
        .map(|l| (l.text.as_str(), l.indent))
        .collect();
    assert_eq!(ta, tb);
}

#[test]
fn pdf_001_equals_text() {
    let (t, p) = (corpus("001_"), pdf("001.pdf"));
    assert_eq!(p.source.file, "tests/fixtures/pdf/001.pdf");
    assert_eq!(p.source.format, crate::SourceFormat::Pdf);
    same_text(&t, &p);
}

#[test]
fn pdf_003_equals_text() {
    same_text(&corpus("003_"), &pdf("003.pdf"));
}

#[test]
fn pdf_pages_and_repairs() {
    let p = pdf("003.pdf");
    // Running header and page-number footer are gone.
    assert!(p
        .lines
        .iter()
        .all(|l| !l.text.contains("Әділет ақпараттық-құқықтық")));
    assert!(p.lines.iter().all(|l| !l.text.ends_with("-бет")));
    // 56 source lines a page: line 13 of the source is on page 1, line 121 on page 3.
    let find = |s: &str| {
        p.lines
            .iter()
            .find(|l| l.text.starts_with(s))
            .unwrap_or_else(|| panic!("no line {s:?}"))
    };
    let l = find("Республикасы Заңының 14-бабы 1) тармақшасына сәйкес");
    assert_eq!(
        l.text,
        "Республикасы Заңының 14-бабы 1) тармақшасына сәйкес БҰЙЫРАМЫН:"
    );
    assert_eq!(l.span.page, Some(1));
    let l = find("1) осы Қағидаларға 1-қосымшаға");
    assert_eq!(l.span.page, Some(3));
    assert_eq!(l.indent, 6);
    // Line numbers count extracted lines over the whole document and only grow.
    for w in p.lines.windows(2) {
        assert!(w[0].span.line_end < w[1].span.line_start);
        assert!(w[0].span.page <= w[1].span.page);
    }
    assert!(p.lines.iter().all(|l| l.span.page.is_some()));
    assert_eq!(p.lines.last().and_then(|l| l.span.page), Some(21));
}

/// A one-page PDF whose font is a Type0 / Identity-H font with two-byte codes and a ToUnicode
/// map, its text shown with `TJ` (kerning, a wide gap meaning a space), `Td`, `TD`, `T*` and `'`,
/// and a form XObject with its own font resources.
fn identity_h_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    // Codes 0x0101.. map to the letters of "Қазақстан Республикасы 14-бап" (one code per char).
    let chars: Vec<char> = "Қазқстн Республикы14-бпҰғөүі".chars().collect();
    let code = |c: char| -> u16 {
        0x0101 + chars.iter().position(|&x| x == c).expect("char in table") as u16
    };
    let enc = |s: &str| -> Vec<u8> { s.chars().flat_map(|c| code(c).to_be_bytes()).collect() };
    let mut bfchar = String::new();
    for (i, c) in chars.iter().enumerate() {
        let mut u = [0u16; 2];
        let s = c.encode_utf16(&mut u);
        bfchar.push_str(&format!("<{:04X}> <{:04X}>\n", 0x0101 + i, s[0]));
    }
    let cmap = format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n{} beginbfchar\n{bfchar}endbfchar\nendcmap\nend\nend\n",
        chars.len()
    );
    let cmap_id = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "Test",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 500,
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "Test",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid_font)],
        "ToUnicode" => Object::Reference(cmap_id),
    });
    let s = |t: &str| Object::String(enc(t), StringFormat::Hexadecimal);
    let ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 10.into()]),
        Operation::new("Td", vec![50.into(), 700.into()]),
        // "Қазақстан Республикасы": kerning inside words, a wide gap between them.
        Operation::new(
            "TJ",
            vec![Object::Array(vec![
                s("Қаз"),
                Object::Integer(20),
                s("ақстан"),
                Object::Integer(-600),
                s("Республикасы"),
            ])],
        ),
        // Next line by TD (sets leading 14), indented like a paragraph.
        Operation::new("TD", vec![20.into(), (-14).into()]),
        Operation::new("Tj", vec![s("14-бап")]),
        // T* and ' move down by the leading.
        Operation::new("T*", vec![]),
        Operation::new("Td", vec![(-20).into(), 0.into()]),
        Operation::new("Tj", vec![s("ҰғөүіҚ")]),
        Operation::new("'", vec![s("Қазақстан")]),
        Operation::new("ET", vec![]),
        // A form XObject with its own resources, placed by `cm` and its /Matrix.
        Operation::new("q", vec![]),
        Operation::new(
            "cm",
            vec![
                1.into(),
                0.into(),
                0.into(),
                1.into(),
                50.into(),
                600.into(),
            ],
        ),
        Operation::new("Do", vec!["Fm1".into()]),
        Operation::new("Q", vec![]),
    ];
    let form_ops = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F9".into(), 10.into()]),
            Operation::new("Tj", vec![s("Республикасы")]),
            Operation::new("ET", vec![]),
        ],
    };
    let form = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 500.into(), 100.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), (-20).into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F9" => font } },
        },
        form_ops.encode().expect("encode form"),
    ));
    let content = Content { operations: ops };
    let content_id = doc.add_object(Stream::new(
        dictionary! {},
        content.encode().expect("encode"),
    ));
    let resources = dictionary! {
        "Font" => dictionary! { "F1" => font },
        "XObject" => dictionary! { "Fm1" => form },
    };
    one_page_pdf(doc, content_id, resources)
}

/// `doc` saved as a PDF of one A4 page with contents `content_id` and `resources`.
/// `doc` saved as a one-page PDF whose page has `contents` (a stream's id, or an array of
/// them) and `resources`; the PDF tests of `extract::pdf` build theirs with it too.
pub(super) fn one_page_pdf(
    mut doc: Document,
    contents: impl Into<Object>,
    resources: lopdf::Dictionary,
) -> Vec<u8> {
    let pages_id = doc.new_object_id();
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => contents.into(),
        "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

#[test]
fn identity_h_fonts_tj_kerning_line_moves_and_forms() {
    let bytes = identity_h_pdf();
    let raw = crate::extract::pdf::pdf_raw_text(&bytes).expect("raw text");
    assert_eq!(
        raw,
        "Қазақстан Республикасы\n      14-бап\nҰғөүіҚ\nҚазақстан\nРеспубликасы"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("x.pdf");
    std::fs::write(&p, &bytes).expect("write");
    let doc = extract_file(&p, dir.path()).expect("extract");
    let got: Vec<(&str, u16, u32, Option<u32>)> = doc
        .lines
        .iter()
        .map(|l| (l.text.as_str(), l.indent, l.span.line_start, l.span.page))
        .collect();
    assert_eq!(
        got,
        [
            ("Қазақстан Республикасы", 0, 1, Some(1)),
            ("14-бап", 6, 2, Some(1)),
            ("ҰғөүіҚ", 0, 3, Some(1)),
            ("Қазақстан", 0, 4, Some(1)),
            ("Республикасы", 0, 5, Some(1)),
        ]
    );
}

/// All units of an act as (eid, text with whitespace collapsed).
fn units(path: &Path) -> Vec<(String, String)> {
    let act = crate::ingest::ingest_file(path, root()).expect("ingest");
    act.all_units()
        .iter()
        .map(|u| {
            (
                u.eid.clone(),
                u.text.split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect()
}

#[test]
fn pdf_units_equal_text_units() {
    for prefix in ["001", "003"] {
        let from_txt = units(&common::corpus_file(prefix));
        let from_pdf = units(&root().join(format!("tests/fixtures/pdf/{prefix}.pdf")));
        assert!(
            from_txt.iter().any(|u| u.0 == "para_2"),
            "{prefix}: no para_2 in {:?}",
            from_txt.iter().map(|u| &u.0).collect::<Vec<_>>()
        );
        let eids = |v: &[(String, String)]| v.iter().map(|u| u.0.clone()).collect::<Vec<_>>();
        assert_eq!(eids(&from_pdf), eids(&from_txt), "{prefix}: eids");
        assert_eq!(from_pdf, from_txt, "{prefix}: unit texts");
    }
}

/// Issue 35, defect 10: a PDF of some 130 KB whose one content stream inflates past the
/// per-stream cap fails extraction with the file and the reason, before anything inflates it
/// into memory.
#[test]
fn pdf_decompression_bomb_fails_its_file() {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(b"BT /F1 12 Tf 50 700 Td (Bomb) Tj ET")
        .expect("compress");
    let spaces = vec![b' '; 1 << 20];
    let cap_mb = crate::extract::pdf::MAX_STREAM_INFLATE >> 20;
    for _ in 0..cap_mb + 2 {
        z.write_all(&spaces).expect("compress");
    }
    let content = z.finish().expect("compress");
    let mut doc = Document::with_version("1.5");
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let content_id = doc.add_object(Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        content,
    ));
    let bytes = one_page_pdf(
        doc,
        content_id,
        dictionary! { "Font" => dictionary! { "F1" => font } },
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("bomb.pdf");
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    std::fs::write(&p, &bytes).expect("write");
    let err = extract_file(&p, dir.path()).expect_err("refused");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: PDF stream inflates beyond {cap_mb} MB; skipped",
            p.display()
        )
    );
}

//! PDF sources through lopdf: the text of each page in reading order, then the same repairs as
//! text files.
//!
//! Text comes from the page content streams: every `Tj`/`TJ`/`'`/`"` is placed by the text and
//! graphics matrices (`Tm`, `Td`, `TD`, `T*`, `TL`, `cm`), its character codes are decoded by the
//! font's `ToUnicode` CMap (one- or two-byte codes, `Identity-H` included; without a map, the
//! font's WinAnsi encoding), and its advance is measured with the font's glyph widths. Pieces on
//! one baseline make a line, lines are read top to bottom; a gap wider than a quarter em
//! between pieces, or a kerning of more than a quarter em inside a `TJ` array, is a space. A
//! line starting more than one em right of the page's left edge is indented as a paragraph
//! (six spaces, as in Adilet text files).
//!
//! Line numbers in the spans count the extracted lines of the whole document (page 1's first),
//! as if the extracted text had been written to a file; `span.page` is the 1-based page.

use super::pdf_ops::Operations;
use super::repair;
use super::CleanLine;
use lopdf::{Dictionary, Document, Object, Stream};
use std::cell::Cell;
use std::collections::HashMap;
use std::io::Read;

/// Most bytes one stream of a PDF may inflate to. Deflate inflates up to a thousandfold, so
/// without a cap a file of a megabyte can ask for gigabytes of memory.
pub const MAX_STREAM_INFLATE: u64 = 128 << 20;
/// Most bytes all the streams of one PDF may inflate to together (a stream can be shown on
/// every page, each time inflated anew).
pub const MAX_FILE_INFLATE: u64 = 256 << 20;
/// Environment variable that replaces [`MAX_FILE_INFLATE`], in MB (the per-stream cap is
/// never above it).
pub const INFLATE_LIMIT_ENV: &str = "ZANLEX_PDF_INFLATE_MB";

/// The caps on inflated bytes while one PDF is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct InflateLimits {
    pub stream: u64,
    pub file: u64,
}

impl InflateLimits {
    /// The defaults, or the file cap from [`INFLATE_LIMIT_ENV`].
    pub(crate) fn from_env() -> Self {
        Self::with_file_mb(std::env::var(INFLATE_LIMIT_ENV).ok().as_deref())
    }

    /// The defaults, or the file cap of `mb` megabytes when it is a positive number.
    fn with_file_mb(mb: Option<&str>) -> Self {
        let file = mb
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|&mb| mb > 0)
            .map_or(MAX_FILE_INFLATE, |mb| mb.saturating_mul(1 << 20));
        InflateLimits {
            stream: MAX_STREAM_INFLATE.min(file),
            file,
        }
    }
}

/// Content-stream operations one file may run, pages and the forms they draw together. A
/// form drawn by a form, many times at each of its eight levels, multiplies the work of a
/// small file past any text it could hold; a long legal act runs a few hundred thousand.
pub const MAX_PDF_OPERATIONS: u64 = 20_000_000;

/// Content-stream operations one page may run, the forms it draws included: a dense page of
/// an act runs a few thousand, and a small compressed stream can hold tens of millions.
pub const MAX_PAGE_OPERATIONS: u64 = 1_000_000;

/// What drawing a form counts against [`MAX_PDF_OPERATIONS`]: its content is decoded and its
/// fonts read each time it is drawn.
const FORM_DRAW_COST: u64 = 1000;

/// Pieces of text one file may show: each is kept until its page is laid out, so a file that
/// shows the same text over and over is stopped before it fills the memory.
pub const MAX_PDF_TEXT_RUNS: u64 = 2_000_000;

/// Pieces of text one page may show before it is laid out (a page of an act shows a few
/// thousand, one per word at most).
pub const MAX_PAGE_TEXT_RUNS: u64 = 200_000;

/// Bytes of text one page may show (a page of an act holds a few kilobytes).
pub const MAX_PAGE_TEXT_BYTES: u64 = 8 << 20;

/// Bytes of text one file may show (the longest code runs to a few megabytes).
pub const MAX_PDF_TEXT_BYTES: u64 = 128 << 20;

/// Graphics states saved (`q`) and not yet restored that are kept; the standard's readers
/// nest a few dozen.
const MAX_SAVED_STATES: usize = 1024;

/// Inflated bytes, content-stream operations and pieces of text spent so far on one file and
/// on its page being read, against its [`InflateLimits`], [`MAX_PDF_OPERATIONS`],
/// [`MAX_PAGE_OPERATIONS`], [`MAX_PDF_TEXT_RUNS`], [`MAX_PAGE_TEXT_RUNS`] and
/// [`MAX_PAGE_TEXT_BYTES`].
struct Budget {
    limits: InflateLimits,
    used: Cell<u64>,
    operations: Cell<u64>,
    runs: Cell<u64>,
    text: Cell<u64>,
    /// The page being read: its number, operations and text bytes so far.
    page: Cell<u32>,
    page_operations: Cell<u64>,
    page_text: Cell<u64>,
    /// Whether the page drew a form.
    page_forms: Cell<bool>,
}

impl Budget {
    fn new(limits: InflateLimits) -> Self {
        Budget {
            limits,
            used: Cell::new(0),
            operations: Cell::new(0),
            runs: Cell::new(0),
            text: Cell::new(0),
            page: Cell::new(0),
            page_operations: Cell::new(0),
            page_text: Cell::new(0),
            page_forms: Cell::new(false),
        }
    }

    /// Starts counting the operations and text of page `num`.
    fn start_page(&self, num: u32) {
        self.page.set(num);
        self.page_operations.set(0);
        self.page_text.set(0);
        self.page_forms.set(false);
    }

    /// Counts `cost` content-stream operations and the pieces of text the page shows so far
    /// (`runs`); an error once any passes its bound, as the operations are read, so that no
    /// more of the stream is read than the bound.
    fn operate(&self, cost: u64, runs: usize) -> Result<(), String> {
        let text = self.page_text.get();
        let n = self.operations.get() + cost;
        self.operations.set(n);
        let page = self.page.get();
        if n > MAX_PDF_OPERATIONS {
            return Err(format!(
                "PDF content runs more than {MAX_PDF_OPERATIONS} operations (forms drawn within forms); skipped"
            ));
        }
        let p = self.page_operations.get() + cost;
        self.page_operations.set(p);
        if cost == FORM_DRAW_COST {
            self.page_forms.set(true);
        }
        if p > MAX_PAGE_OPERATIONS {
            let forms = if self.page_forms.get() {
                " (forms drawn within forms)"
            } else {
                ""
            };
            return Err(format!(
                "PDF page {page} runs more than {MAX_PAGE_OPERATIONS} content operations{forms}; skipped"
            ));
        }
        if runs as u64 > MAX_PAGE_TEXT_RUNS {
            return Err(format!(
                "PDF page {page} shows more than {MAX_PAGE_TEXT_RUNS} pieces of text; skipped"
            ));
        }
        if self.runs.get() + runs as u64 > MAX_PDF_TEXT_RUNS {
            return Err(format!(
                "PDF content shows more than {MAX_PDF_TEXT_RUNS} pieces of text; skipped"
            ));
        }
        if text > MAX_PAGE_TEXT_BYTES {
            return Err(format!(
                "PDF page {page} shows more than {} MB of text; skipped",
                MAX_PAGE_TEXT_BYTES >> 20
            ));
        }
        if self.text.get() + text > MAX_PDF_TEXT_BYTES {
            return Err(format!(
                "PDF content shows more than {} MB of text; skipped",
                MAX_PDF_TEXT_BYTES >> 20
            ));
        }
        Ok(())
    }

    /// Counts `bytes` of text the page shows.
    fn shown(&self, bytes: usize) {
        self.page_text.set(self.page_text.get() + bytes as u64);
    }

    /// Counts the pieces of text of a page laid out.
    fn laid_out(&self, runs: usize) {
        self.runs.set(self.runs.get() + runs as u64);
        self.text.set(self.text.get() + self.page_text.get());
    }

    /// Most bytes the next stream may inflate to.
    fn room(&self) -> u64 {
        self.limits
            .stream
            .min(self.limits.file.saturating_sub(self.used.get()))
    }

    /// The one-line reason for a stream that would inflate beyond [`Budget::room`].
    fn exceeded(&self) -> String {
        let mb = |b: u64| b >> 20;
        if self.limits.stream <= self.limits.file.saturating_sub(self.used.get()) {
            format!(
                "PDF stream inflates beyond {} MB; skipped",
                mb(self.limits.stream)
            )
        } else {
            format!(
                "PDF streams inflate beyond {} MB in total; skipped",
                mb(self.limits.file)
            )
        }
    }

    /// Counts `n` inflated bytes; an error once they do not fit.
    fn charge(&self, n: u64) -> Result<(), String> {
        if n > self.room() {
            return Err(self.exceeded());
        }
        self.used.set(self.used.get() + n);
        Ok(())
    }
}

/// Inflates a zlib stream into at most `limit` bytes; `None` when it holds more. A stream that
/// is damaged or not zlib gives what inflated before the damage, as lopdf's own decoder does.
fn inflate_bounded(data: &[u8], limit: u64) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut decoder = flate2::read::ZlibDecoder::new(data).take(limit.saturating_add(1));
    // The bytes read before an error stay in `out`.
    let _ = decoder.read_to_end(&mut out);
    (out.len() as u64 <= limit).then_some(out)
}

/// How many bytes a zlib stream inflates to, counting at most `limit + 1` without keeping
/// them.
fn inflated_len(data: &[u8], limit: u64) -> u64 {
    let mut decoder = flate2::read::ZlibDecoder::new(data).take(limit.saturating_add(1));
    std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or(0)
}

/// Checks every stream of the raw file before lopdf parses it: loading inflates
/// cross-reference and object streams with no cap. Streams are found by their `stream`
/// keyword and inflated (without keeping the output) when they are zlib data.
fn check_raw_streams(bytes: &[u8], budget: &Budget) -> Result<(), String> {
    for p in memchr::memmem::find_iter(bytes, b"stream") {
        if bytes[..p].ends_with(b"end") {
            continue;
        }
        let mut start = p + b"stream".len();
        match bytes.get(start..start + 2) {
            Some([b'\r', b'\n']) => start += 2,
            Some([b'\n', _]) | Some([b'\r', _]) | Some([b'\n']) => start += 1,
            _ => continue,
        }
        let room = budget.room();
        let n = inflated_len(&bytes[start..], room);
        if n > room {
            return Err(budget.exceeded());
        }
        budget.charge(n)?;
    }
    Ok(())
}

/// A stream's decoded content, within the file's budget: the content as stored when lopdf
/// cannot decode it (as before), an error when it inflates beyond the budget.
fn stream_data(s: &Stream, budget: &Budget) -> Result<Vec<u8>, String> {
    let filters: Vec<Vec<u8>> = s
        .filters()
        .map(|fs| fs.iter().map(|f| f.to_vec()).collect())
        .unwrap_or_default();
    // Decode layer by layer, each Flate layer with a cap; lopdf then decodes the whole chain
    // (predictors included) only once its size is known to fit.
    let mut data: Option<Vec<u8>> = None;
    let mut decoded = 0;
    for f in &filters {
        let input = data.as_deref().unwrap_or(&s.content);
        let next = if f.as_slice() == b"FlateDecode" {
            let room = budget.room();
            match inflate_bounded(input, room) {
                Some(out) => out,
                None => return Err(budget.exceeded()),
            }
        } else {
            let one = Stream::new(
                lopdf::dictionary! { "Filter" => Object::Name(f.clone()) },
                input.to_vec(),
            );
            match one.decompressed_content() {
                Ok(out) => out,
                Err(_) => break,
            }
        };
        if next.len() as u64 > budget.room() {
            return Err(budget.exceeded());
        }
        data = Some(next);
        decoded += 1;
    }
    let out = match data {
        Some(d) if decoded == filters.len() && s.dict.get(b"DecodeParms").is_err() => d,
        _ if filters.is_empty() => s.content.clone(),
        _ => s
            .decompressed_content()
            .unwrap_or_else(|_| s.content.clone()),
    };
    budget.charge(out.len() as u64)?;
    Ok(out)
}

/// A page's content: its content streams, decoded within the budget, one after another.
fn page_content(doc: &Document, page: lopdf::ObjectId, budget: &Budget) -> Result<Vec<u8>, String> {
    let mut content = Vec::new();
    for id in doc.get_page_contents(page) {
        if let Ok(s) = doc.get_object(id).and_then(Object::as_stream) {
            content.extend_from_slice(&stream_data(s, budget)?);
        }
    }
    Ok(content)
}

/// Extracts and repairs the text of a PDF, or says in one line why it cannot: `damaged PDF: …`
/// or `encrypted PDF: …`.
pub fn extract_pdf(bytes: &[u8]) -> Result<Vec<CleanLine>, String> {
    extract_pdf_limited(bytes, InflateLimits::from_env())
}

/// [`extract_pdf`] with the given caps on inflated bytes.
pub(crate) fn extract_pdf_limited(
    bytes: &[u8],
    limits: InflateLimits,
) -> Result<Vec<CleanLine>, String> {
    let pages = page_lines_limited(bytes, limits)?;
    let mut lines = Vec::new();
    let mut n = 1u32;
    for (page, page_lines) in pages.iter().enumerate() {
        let text = page_lines.join("\n");
        lines.extend(repair::split_lines(&text, n, Some(page as u32 + 1)));
        n += page_lines.len() as u32;
    }
    Ok(super::to_clean(repair::repair_all(lines)))
}

/// The raw text lines of every page, before any repair (leading spaces mark indentation).
#[cfg(test)]
pub fn pdf_page_lines(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    page_lines_limited(bytes, InflateLimits::from_env())
}

fn page_lines_limited(bytes: &[u8], limits: InflateLimits) -> Result<Vec<Vec<String>>, String> {
    // A malformed file must not take the whole ingestion down, even if the parser panics
    // (the panic hook, which is process-wide, is left alone).
    std::panic::catch_unwind(|| read_pages(bytes, limits))
        .unwrap_or_else(|_| Err("damaged PDF: the PDF parser failed on it".into()))
}

fn read_pages(bytes: &[u8], limits: InflateLimits) -> Result<Vec<Vec<String>>, String> {
    check_raw_streams(bytes, &Budget::new(limits))?;
    let budget = Budget::new(limits);
    let mut doc = match Document::load_mem(bytes) {
        Ok(d) => d,
        Err(e) => {
            if contains(bytes, b"/Encrypt") {
                return Err(format!("encrypted PDF: cannot be opened ({e})"));
            }
            return Err(format!("damaged PDF: {e}"));
        }
    };
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err("encrypted PDF: a password is needed to read it".into());
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err("damaged PDF: no pages".into());
    }
    let mut out = Vec::new();
    for (num, id) in pages {
        budget.start_page(num);
        let content = page_content(&doc, id, &budget)?;
        let fonts = doc
            .get_page_fonts(id)
            .map_err(|e| format!("damaged PDF: page {num} fonts: {e}"))?;
        let fonts: HashMap<Vec<u8>, FontDecoder> = fonts
            .into_iter()
            .map(|(name, dict)| Ok((name, FontDecoder::new(&doc, dict, &budget)?)))
            .collect::<Result<_, String>>()?;
        let xobjects = page_xobjects(&doc, id);
        let mut runs = Vec::new();
        let page = Resources {
            fonts: &fonts,
            xobjects: &xobjects,
            budget: &budget,
        };
        run_ops(
            &doc,
            Operations::new(&content),
            &page,
            IDENTITY,
            0,
            &mut runs,
        )?;
        budget.laid_out(runs.len());
        out.push(lines_of(runs));
    }
    Ok(out)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// How one font's codes become text and advance.
struct FontDecoder {
    /// Codes are two bytes (`Type0` fonts, or a two-byte CMap codespace).
    two_byte: bool,
    to_unicode: HashMap<u32, String>,
    /// Glyph widths in thousandths of an em.
    widths: HashMap<u32, f32>,
    default_width: f32,
}

impl FontDecoder {
    fn new(doc: &Document, font: &Dictionary, budget: &Budget) -> Result<Self, String> {
        let deref = |o: &Object| -> Option<Object> {
            match o {
                Object::Reference(id) => doc.get_object(*id).ok().cloned(),
                other => Some(other.clone()),
            }
        };
        let subtype = font
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let mut two_byte = subtype == b"Type0";
        let mut to_unicode = HashMap::new();
        if let Some(Object::Stream(s)) = font.get(b"ToUnicode").ok().and_then(deref) {
            let data = stream_data(&s, budget)?;
            let (map, two) = parse_cmap(&data);
            to_unicode = map;
            if let Some(t) = two {
                two_byte = t;
            }
        }
        let mut widths = HashMap::new();
        let mut default_width = 500.0;
        if two_byte {
            let desc = font
                .get(b"DescendantFonts")
                .ok()
                .and_then(deref)
                .and_then(|a| a.as_array().ok().and_then(|a| a.first().cloned()))
                .and_then(|d| deref(&d))
                .and_then(|d| d.as_dict().ok().cloned());
            if let Some(d) = desc {
                default_width = d
                    .get(b"DW")
                    .ok()
                    .and_then(|o| o.as_float().ok())
                    .unwrap_or(1000.0);
                if let Some(Object::Array(w)) = d.get(b"W").ok().and_then(deref) {
                    parse_cid_widths(&w, &deref, &mut widths);
                }
            }
        } else {
            let first = font
                .get(b"FirstChar")
                .ok()
                .and_then(|o| o.as_i64().ok())
                .unwrap_or(0);
            if let Some(Object::Array(w)) = font.get(b"Widths").ok().and_then(deref) {
                for (i, o) in w.iter().enumerate() {
                    if let Some(v) = deref(o).and_then(|v| v.as_float().ok()) {
                        widths.insert((first + i as i64) as u32, v);
                    }
                }
            }
        }
        Ok(FontDecoder {
            two_byte,
            to_unicode,
            widths,
            default_width,
        })
    }

    /// The codes of a shown string.
    fn codes(&self, bytes: &[u8]) -> Vec<u32> {
        if self.two_byte {
            bytes
                .chunks(2)
                .map(|c| ((c[0] as u32) << 8) | *c.get(1).unwrap_or(&0) as u32)
                .collect()
        } else {
            bytes.iter().map(|&b| b as u32).collect()
        }
    }

    fn text(&self, code: u32) -> String {
        if let Some(s) = self.to_unicode.get(&code) {
            return s.clone();
        }
        if self.two_byte {
            return '\u{FFFD}'.to_string();
        }
        let b = [code as u8];
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(&b)
            .0
            .into_owned()
    }

    fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }
}

fn parse_cid_widths(
    w: &[Object],
    deref: &dyn Fn(&Object) -> Option<Object>,
    out: &mut HashMap<u32, f32>,
) {
    let num = |o: &Object| deref(o).and_then(|v| v.as_float().ok());
    let mut i = 0;
    while i < w.len() {
        let Some(c) = num(&w[i]) else { break };
        match w.get(i + 1).and_then(deref) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate() {
                    if let Some(v) = num(o) {
                        out.insert(c as u32 + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(other) => {
                let (Some(hi), Some(v)) = (num(&other), w.get(i + 2).and_then(num)) else {
                    break;
                };
                for code in c as u32..=hi as u32 {
                    out.insert(code, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// Parses a ToUnicode CMap: `bfchar` and `bfrange` entries, and whether codes are two bytes
/// (from the codespace range), when it says.
pub fn parse_cmap(data: &[u8]) -> (HashMap<u32, String>, Option<bool>) {
    let text = String::from_utf8_lossy(data);
    let toks = cmap_tokens(&text);
    let mut map = HashMap::new();
    let mut two = None;
    let mut i = 0;
    let hex = |t: &str| -> Option<(u32, usize)> {
        let h = t.strip_prefix('<')?.strip_suffix('>')?;
        let h: String = h.chars().filter(|c| !c.is_whitespace()).collect();
        Some((u32::from_str_radix(&h, 16).ok()?, h.len() / 2))
    };
    let utf16 = |t: &str| -> Option<String> {
        let h = t.strip_prefix('<')?.strip_suffix('>')?;
        let h: String = h.chars().filter(|c| !c.is_whitespace()).collect();
        let units: Vec<u16> = (0..h.len() / 4)
            .filter_map(|k| u16::from_str_radix(&h[k * 4..k * 4 + 4], 16).ok())
            .collect();
        Some(String::from_utf16_lossy(&units))
    };
    while i < toks.len() {
        match toks[i].as_str() {
            "begincodespacerange" => {
                if let Some((_, n)) = toks.get(i + 1).and_then(|t| hex(t)) {
                    two = Some(n >= 2);
                }
                i += 1;
            }
            "beginbfchar" => {
                i += 1;
                while i + 1 < toks.len() && toks[i] != "endbfchar" {
                    if let (Some((c, _)), Some(s)) = (hex(&toks[i]), utf16(&toks[i + 1])) {
                        map.insert(c, s);
                    }
                    i += 2;
                }
            }
            "beginbfrange" => {
                i += 1;
                while i + 2 < toks.len() && toks[i] != "endbfrange" {
                    let (Some((lo, _)), Some((hi, _))) = (hex(&toks[i]), hex(&toks[i + 1])) else {
                        i += 1;
                        continue;
                    };
                    if toks[i + 2] == "[" {
                        let mut k = i + 3;
                        let mut code = lo;
                        while k < toks.len() && toks[k] != "]" {
                            if let Some(s) = utf16(&toks[k]) {
                                map.insert(code, s);
                            }
                            code += 1;
                            k += 1;
                        }
                        i = k + 1;
                    } else {
                        if let Some(base) = utf16(&toks[i + 2]) {
                            let units: Vec<u16> = base.encode_utf16().collect();
                            for (off, code) in (lo..=hi.min(lo + 0xFFFF)).enumerate() {
                                let mut u = units.clone();
                                if let Some(last) = u.last_mut() {
                                    *last = last.wrapping_add(off as u16);
                                }
                                map.insert(code, String::from_utf16_lossy(&u));
                            }
                        }
                        i += 3;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    (map, two)
}

fn cmap_tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == '%' {
            while i < cs.len() && cs[i] != '\n' {
                i += 1;
            }
        } else if c == '<' {
            let start = i;
            while i < cs.len() && cs[i] != '>' {
                i += 1;
            }
            out.push(cs[start..=i.min(cs.len() - 1)].iter().collect());
            i += 1;
            continue;
        } else if c == '[' || c == ']' {
            out.push(c.to_string());
        } else if !c.is_whitespace() {
            let start = i;
            while i < cs.len() && !cs[i].is_whitespace() && !matches!(cs[i], '<' | '[' | ']') {
                i += 1;
            }
            out.push(cs[start..i].iter().collect());
            continue;
        }
        i += 1;
    }
    out
}

/// A piece of text placed on the page.
#[derive(Debug, Clone)]
struct Run {
    x: f32,
    y: f32,
    x_end: f32,
    size: f32,
    text: String,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn nums(ops: &[Object]) -> Vec<f32> {
    ops.iter().filter_map(|o| o.as_float().ok()).collect()
}

/// What a content stream's names refer to.
struct Resources<'a> {
    fonts: &'a HashMap<Vec<u8>, FontDecoder>,
    xobjects: &'a HashMap<Vec<u8>, Object>,
    budget: &'a Budget,
}

/// Follows a reference (once more if it points at another reference).
fn resolve(doc: &Document, o: &Object) -> Option<Object> {
    let mut cur = o.clone();
    for _ in 0..4 {
        match cur {
            Object::Reference(id) => cur = doc.get_object(id).ok()?.clone(),
            other => return Some(other),
        }
    }
    None
}

/// The named entries of a resource category (`/Font`, `/XObject`) of a resources dictionary.
fn named(doc: &Document, resources: &Dictionary, key: &[u8]) -> HashMap<Vec<u8>, Object> {
    let mut out = HashMap::new();
    if let Some(Object::Dictionary(d)) = resources.get(key).ok().and_then(|o| resolve(doc, o)) {
        for (k, v) in d.iter() {
            if let Some(v) = resolve(doc, v) {
                out.insert(k.clone(), v);
            }
        }
    }
    out
}

/// A page's XObjects, its own resources first, then inherited ones.
fn page_xobjects(doc: &Document, page: lopdf::ObjectId) -> HashMap<Vec<u8>, Object> {
    let mut out = HashMap::new();
    if let Ok((own, inherited)) = doc.get_page_resources(page) {
        let mut dicts: Vec<Dictionary> = own.into_iter().cloned().collect();
        dicts.extend(
            inherited
                .into_iter()
                .filter_map(|id| doc.get_dictionary(id).ok().cloned()),
        );
        for d in dicts {
            for (k, v) in named(doc, &d, b"XObject") {
                out.entry(k).or_insert(v);
            }
        }
    }
    out
}

/// Interprets a content stream (a page's, or a form XObject's at `depth` > 0) and appends its
/// text pieces, in device space, to `runs`.
fn run_ops(
    doc: &Document,
    ops: Operations<'_>,
    res: &Resources,
    ctm0: Matrix,
    depth: usize,
    runs: &mut Vec<Run>,
) -> Result<(), String> {
    let mut ctm = ctm0;
    let mut stack: Vec<Matrix> = Vec::new();
    // Saves past [`MAX_SAVED_STATES`] are counted, not kept: their restores leave the matrix.
    let mut unkept = 0usize;
    let mut text = TextState::new();
    for op in ops {
        // Drawing a form decodes its content and reads its fonts anew: it counts as many
        // operations as a form of that size would run.
        let cost = if op.operator == "Do" {
            FORM_DRAW_COST
        } else {
            1
        };
        res.budget.operate(cost, runs.len())?;
        let a = &op.operands;
        match op.operator.as_str() {
            "q" if stack.len() < MAX_SAVED_STATES => stack.push(ctm),
            "q" => unkept += 1,
            "Q" if unkept > 0 => unkept -= 1,
            "Q" => ctm = stack.pop().unwrap_or(ctm0),
            "Do" => {
                let Some(name) = a.first().and_then(|o| o.as_name().ok()) else {
                    continue;
                };
                if depth < 8 {
                    if let Some(Object::Stream(form)) = res.xobjects.get(name) {
                        run_form(doc, form, res, ctm, depth, runs)?;
                    }
                }
            }
            "cm" => {
                let v = nums(a);
                if v.len() == 6 {
                    ctm = mul(&[v[0], v[1], v[2], v[3], v[4], v[5]], &ctm);
                }
            }
            "Tj" | "'" | "\"" | "TJ" => {
                let before = runs.len();
                text.show(&op, &ctm, runs);
                if let Some(run) = runs.get(before) {
                    res.budget.shown(run.text.len());
                }
            }
            _ => text.set(&op, res.fonts),
        }
    }
    // The last operation's text is counted too.
    res.budget.operate(0, runs.len())
}

/// The text state of a content stream: the text and line matrices, the font and its size,
/// and the spacing parameters the widths of shown text depend on.
struct TextState<'f> {
    tm: Matrix,
    tlm: Matrix,
    size: f32,
    leading: f32,
    tc: f32,
    tw: f32,
    th: f32,
    font: Option<&'f FontDecoder>,
}

impl<'f> TextState<'f> {
    fn new() -> Self {
        TextState {
            tm: IDENTITY,
            tlm: IDENTITY,
            size: 12.0,
            leading: 0.0,
            tc: 0.0,
            tw: 0.0,
            th: 1.0,
            font: None,
        }
    }

    /// Applies a text-object, text-state or text-positioning operator (others are ignored).
    fn set(&mut self, op: &lopdf::content::Operation, fonts: &'f HashMap<Vec<u8>, FontDecoder>) {
        let a = &op.operands;
        match op.operator.as_str() {
            "BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            "Tf" => {
                if let Some(name) = a.first().and_then(|o| o.as_name().ok()) {
                    self.font = fonts.get(name);
                }
                if let Some(s) = a.get(1).and_then(|o| o.as_float().ok()) {
                    self.size = s;
                }
            }
            "TL" => self.leading = nums(a).first().copied().unwrap_or(self.leading),
            "Tc" => self.tc = nums(a).first().copied().unwrap_or(self.tc),
            "Tw" => self.tw = nums(a).first().copied().unwrap_or(self.tw),
            "Tz" => self.th = nums(a).first().copied().unwrap_or(100.0) / 100.0,
            "Td" | "TD" => {
                let v = nums(a);
                if v.len() == 2 {
                    if op.operator == "TD" {
                        self.leading = -v[1];
                    }
                    self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, v[0], v[1]], &self.tlm);
                    self.tm = self.tlm;
                }
            }
            "Tm" => {
                let v = nums(a);
                if v.len() == 6 {
                    self.tlm = [v[0], v[1], v[2], v[3], v[4], v[5]];
                    self.tm = self.tlm;
                }
            }
            "T*" => self.next_line(),
            _ => {}
        }
    }

    /// Moves to the start of the next line.
    fn next_line(&mut self) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -self.leading], &self.tlm);
        self.tm = self.tlm;
    }

    /// A text-showing operator (`Tj`, `'`, `"`, `TJ`): its text as one run at the current
    /// point in device space (`ctm`), the text matrix moved past it.
    fn show(&mut self, op: &lopdf::content::Operation, ctm: &Matrix, runs: &mut Vec<Run>) {
        let a = &op.operands;
        if op.operator == "'" || op.operator == "\"" {
            if op.operator == "\"" {
                let v = nums(a);
                if v.len() >= 2 {
                    self.tw = v[0];
                    self.tc = v[1];
                }
            }
            self.next_line();
        }
        let Some(f) = self.font else { return };
        let (size, tc, tw, th) = (self.size, self.tc, self.tw, self.th);
        let m = mul(&self.tm, ctm);
        let (x0, y0) = (m[4], m[5]);
        let scale = m[0].hypot(m[1]).max(1e-6);
        let mut text = String::new();
        let mut adv = 0.0f32; // in text space
        let show = |bytes: &[u8], text: &mut String, adv: &mut f32| {
            for code in f.codes(bytes) {
                text.push_str(&f.text(code));
                let mut w = f.width(code) / 1000.0 * size + tc;
                if !f.two_byte && code == 32 {
                    w += tw;
                }
                *adv += w * th;
            }
        };
        match op.operator.as_str() {
            "TJ" => {
                if let Some(Object::Array(items)) = a.first() {
                    for it in items {
                        match it {
                            Object::String(b, _) => show(b, &mut text, &mut adv),
                            other => {
                                if let Ok(n) = other.as_float() {
                                    adv -= n / 1000.0 * size * th;
                                    if n < -250.0 && !text.ends_with(' ') && !text.is_empty() {
                                        text.push(' ');
                                    }
                                }
                            }
                        }
                    }
                }
            }
            _ => {
                if let Some(Object::String(b, _)) = a.last() {
                    show(b, &mut text, &mut adv);
                }
            }
        }
        self.tm = mul(&[1.0, 0.0, 0.0, 1.0, adv, 0.0], &self.tm);
        if !text.is_empty() {
            runs.push(Run {
                x: x0,
                y: y0,
                x_end: x0 + adv * scale,
                size: size * scale,
                text,
            });
        }
    }
}

/// Runs a form XObject: its own content, matrix and resources (the caller's when it has none).
fn run_form(
    doc: &Document,
    form: &lopdf::Stream,
    outer: &Resources,
    ctm: Matrix,
    depth: usize,
    runs: &mut Vec<Run>,
) -> Result<(), String> {
    if form.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
        return Ok(());
    }
    let data = stream_data(form, outer.budget)?;
    let m = form
        .dict
        .get(b"Matrix")
        .ok()
        .and_then(|o| o.as_array().ok())
        .map(|a| nums(a))
        .filter(|v| v.len() == 6)
        .map(|v| [v[0], v[1], v[2], v[3], v[4], v[5]])
        .unwrap_or(IDENTITY);
    let own = form
        .dict
        .get(b"Resources")
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_dict().ok().cloned());
    let ctm = mul(&m, &ctm);
    match own {
        Some(r) => {
            let fonts: HashMap<Vec<u8>, FontDecoder> = named(doc, &r, b"Font")
                .into_iter()
                .filter_map(|(k, v)| match v {
                    Object::Dictionary(d) => {
                        Some(FontDecoder::new(doc, &d, outer.budget).map(|f| (k, f)))
                    }
                    _ => None,
                })
                .collect::<Result<_, String>>()?;
            let fonts = if fonts.is_empty() { None } else { Some(fonts) };
            let xobjects = named(doc, &r, b"XObject");
            let inner = Resources {
                fonts: fonts.as_ref().unwrap_or(outer.fonts),
                xobjects: &xobjects,
                budget: outer.budget,
            };
            run_ops(doc, Operations::new(&data), &inner, ctm, depth + 1, runs)
        }
        None => run_ops(doc, Operations::new(&data), outer, ctm, depth + 1, runs),
    }
}

/// Groups a page's pieces into lines (top to bottom, left to right).
fn lines_of(mut runs: Vec<Run>) -> Vec<String> {
    runs.retain(|r| !r.text.is_empty());
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Run>> = Vec::new();
    for r in runs {
        match lines.last_mut() {
            Some(l) if (l[0].y - r.y).abs() < 0.4 * r.size.max(l[0].size) => l.push(r),
            _ => lines.push(vec![r]),
        }
    }
    let left = lines
        .iter()
        .filter_map(|l| l.iter().map(|r| r.x).reduce(f32::min))
        .reduce(f32::min)
        .unwrap_or(0.0);
    let mut out = Vec::new();
    for mut l in lines {
        l.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut s = String::new();
        if l[0].x - left > l[0].size * 1.5 {
            s.push_str("      ");
        }
        let mut prev_end: Option<f32> = None;
        for r in &l {
            if let Some(e) = prev_end {
                if r.x - e > 0.25 * r.size && !s.ends_with(' ') && !r.text.starts_with(' ') {
                    s.push(' ');
                }
            }
            s.push_str(&r.text);
            prev_end = Some(r.x_end);
        }
        out.push(s);
    }
    out
}

/// The lines a content stream shows on a page whose font `/F1` is Helvetica, within the caps
/// of one file: the fuzz target of content streams reads through it.
#[cfg(any(test, fuzzing))]
pub fn content_stream_lines(content: &[u8]) -> Result<Vec<String>, String> {
    let doc = Document::with_version("1.5");
    let budget = Budget::new(InflateLimits::from_env());
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    let fonts = HashMap::from([(b"F1".to_vec(), FontDecoder::new(&doc, &font, &budget)?)]);
    let xobjects = HashMap::new();
    let page = Resources {
        fonts: &fonts,
        xobjects: &xobjects,
        budget: &budget,
    };
    budget.start_page(1);
    let mut runs = Vec::new();
    run_ops(
        &doc,
        Operations::new(content),
        &page,
        IDENTITY,
        0,
        &mut runs,
    )?;
    Ok(lines_of(runs))
}

/// For tests and tools: the raw page text of a PDF, pages separated by form feeds.
#[cfg(test)]
pub fn pdf_raw_text(bytes: &[u8]) -> Result<String, String> {
    let pages = pdf_page_lines(bytes)?;
    Ok(pages
        .iter()
        .map(|p| p.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\u{000C}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cut and corrupted copies of a fixture are refused or read, never a panic.
    #[test]
    fn mangled_pdfs_never_panic() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pdf/001.pdf");
        let good = std::fs::read(path).expect("fixture");
        use proptest::prelude::*;
        // A third of the copies cut short, the rest with up to sixty bytes overwritten.
        let len = good.len();
        let mangles = prop_oneof![
            1 => (0..len).prop_map(|cut| vec![(cut, None)]),
            2 => proptest::collection::vec((0..len, any::<u8>().prop_map(Some)), 1..61),
        ];
        crate::property::check(60, mangles, |mangles| {
            let mut b = good.clone();
            for (i, byte) in mangles {
                match byte {
                    Some(byte) => b[i] = byte,
                    None => b.truncate(i),
                }
            }
            if let Err(e) = extract_pdf(&b) {
                assert!(
                    e.starts_with("damaged PDF") || e.starts_with("encrypted PDF"),
                    "{e}"
                );
            }
        });
    }

    const MB: u64 = 1 << 20;

    fn zlib(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).expect("compress");
        e.finish().expect("compress")
    }

    /// ASCII85 with its `~>` end marker (no `z` shorthand).
    fn ascii85(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in data.chunks(4) {
            let mut b = [0u8; 4];
            b[..chunk.len()].copy_from_slice(chunk);
            let mut n = u32::from_be_bytes(b);
            let mut digits = [0u8; 5];
            for d in digits.iter_mut().rev() {
                *d = b'!' + (n % 85) as u8;
                n /= 85;
            }
            out.extend_from_slice(&digits[..chunk.len() + 1]);
        }
        out.extend_from_slice(b"~>");
        out
    }

    /// A one-page PDF in Helvetica showing `Bomb` from each of `contents` (the ids of
    /// `streams`, which may repeat), each stream's text padded with `pad` spaces and stored
    /// with `filters`.
    fn pdf(pad: usize, filters: &[&str], streams: usize, contents: &[usize]) -> Vec<u8> {
        use lopdf::{dictionary, Stream};
        let mut doc = Document::with_version("1.5");
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let mut text = b"BT /F1 12 Tf 50 700 Td (Bomb) Tj ET".to_vec();
        text.resize(text.len() + pad, b' ');
        let mut data = text;
        // Filters are listed in decoding order: encode the last one first.
        for f in filters.iter().rev() {
            data = match *f {
                "FlateDecode" => zlib(&data),
                "ASCII85Decode" => ascii85(&data),
                other => panic!("no encoder for {other}"),
            };
        }
        let names: Vec<Object> = filters
            .iter()
            .map(|f| Object::Name(f.as_bytes().to_vec()))
            .collect();
        let ids: Vec<lopdf::ObjectId> = (0..streams)
            .map(|_| {
                doc.add_object(Stream::new(
                    dictionary! { "Filter" => names.clone() },
                    data.clone(),
                ))
            })
            .collect();
        let contents: Vec<Object> = contents
            .iter()
            .map(|&i| Object::Reference(ids[i]))
            .collect();
        one_page(
            doc,
            contents.into(),
            dictionary! { "Font" => dictionary! { "F1" => font } },
        )
    }

    /// `doc` saved as a one-page PDF whose page has `contents` and `resources`.
    fn one_page(doc: Document, contents: Object, resources: lopdf::Dictionary) -> Vec<u8> {
        crate::extract::pdf_tests::one_page_pdf(doc, contents, resources)
    }

    fn limits(stream_mb: u64, file_mb: u64) -> InflateLimits {
        InflateLimits {
            stream: stream_mb * MB,
            file: file_mb * MB,
        }
    }

    /// Issue 35, defect 10: a stream that inflates past the cap is refused before lopdf
    /// parses the file (it would inflate it whole), and the file fails with the reason.
    #[test]
    fn flate_bomb_is_refused_with_the_reason() {
        let bomb = pdf(3 * MB as usize, &["FlateDecode"], 1, &[0]);
        assert!(bomb.len() < 40_000, "{}", bomb.len());
        let err = page_lines_limited(&bomb, limits(1, 8)).expect_err("refused");
        assert_eq!(err, "PDF stream inflates beyond 1 MB; skipped");
        // Within the caps the same file reads.
        let pages = page_lines_limited(&bomb, limits(4, 8)).expect("read");
        assert_eq!(pages, vec![vec!["Bomb".to_string()]]);
    }

    /// A one-page PDF whose page draws a form that draws the form below it `fan` times, `levels`
    /// deep; the innermost form shows `Bomb`.
    fn nested_forms(levels: usize, fan: usize) -> Vec<u8> {
        use lopdf::{dictionary, Stream};
        let mut doc = Document::with_version("1.5");
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let fonts = dictionary! { "F1" => font };
        let mut inner = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "Resources" => dictionary! { "Font" => fonts.clone() } },
            b"BT /F1 12 Tf 50 700 Td (Bomb) Tj ET".to_vec(),
        ));
        for _ in 0..levels {
            inner = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Form",
                    "Resources" => dictionary! { "Font" => fonts.clone(), "XObject" => dictionary! { "X" => inner } },
                },
                b"/X Do ".repeat(fan),
            ));
        }
        let contents = doc.add_object(Stream::new(dictionary! {}, b"/X Do".to_vec()));
        one_page(
            doc,
            contents.into(),
            dictionary! { "Font" => fonts, "XObject" => dictionary! { "X" => inner } },
        )
    }

    /// A small file whose forms draw forms ten times at each of eight levels (10^8 operations)
    /// is refused with the reason; two levels (100 pieces of text) are read.
    #[test]
    fn forms_drawn_within_forms_are_bounded() {
        let bomb = nested_forms(8, 10);
        assert!(bomb.len() < 4096, "{} bytes", bomb.len());
        let err = pdf_page_lines(&bomb).expect_err("refused");
        assert!(
            err.contains("operations (forms drawn within forms)"),
            "{err}"
        );
        let ok = pdf_page_lines(&nested_forms(2, 10)).expect("read");
        assert_eq!(ok.len(), 1);
        assert!(ok[0].iter().any(|l| l.contains("Bomb")), "{ok:?}");
    }

    /// One stream shown again and again inflates anew each time: the file's total is capped.
    #[test]
    fn a_stream_repeated_beyond_the_file_cap_is_refused() {
        let pad = 600 * 1024;
        let five = pdf(pad, &["FlateDecode"], 1, &[0; 5]);
        let err = page_lines_limited(&five, limits(1, 2)).expect_err("refused");
        assert_eq!(err, "PDF streams inflate beyond 2 MB in total; skipped");
        let once = pdf(pad, &["FlateDecode"], 1, &[0]);
        let pages = page_lines_limited(&once, limits(1, 2)).expect("read");
        assert_eq!(pages, vec![vec!["Bomb".to_string()]]);
        // Distinct streams count together from the raw file already.
        let three = pdf(pad, &["FlateDecode"], 3, &[0]);
        let err = page_lines_limited(&three, limits(1, 1)).expect_err("refused");
        assert_eq!(err, "PDF streams inflate beyond 1 MB in total; skipped");
    }

    /// A Flate layer under another filter is not zlib in the raw file; it is capped when the
    /// page is read.
    #[test]
    fn flate_under_ascii85_is_capped_too() {
        let bomb = pdf(3 * MB as usize, &["ASCII85Decode", "FlateDecode"], 1, &[0]);
        let err = page_lines_limited(&bomb, limits(1, 8)).expect_err("refused");
        assert_eq!(err, "PDF stream inflates beyond 1 MB; skipped");
        let pages = page_lines_limited(&bomb, limits(4, 8)).expect("read");
        assert_eq!(pages, vec![vec!["Bomb".to_string()]]);
    }

    /// A one-page PDF whose one content stream, Flate-compressed, is `content`, in Helvetica
    /// as `/F1`.
    fn flate_page(content: &[u8]) -> Vec<u8> {
        use lopdf::{dictionary, Stream};
        let mut doc = Document::with_version("1.5");
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let stream = doc.add_object(Stream::new(
            dictionary! { "Filter" => "FlateDecode" },
            zlib(content),
        ));
        one_page(
            doc,
            stream.into(),
            dictionary! { "Font" => dictionary! { "F1" => font } },
        )
    }

    /// A few kilobytes of Flate holding millions of `q Q`: the operations are counted as they
    /// are read, and the page is refused at its cap without the stream decoded into a vector
    /// of operations first (gigabytes, at about a kilobyte an operation).
    #[test]
    fn an_operator_bomb_is_refused_as_it_is_read() {
        let bomb = flate_page(&b"q Q ".repeat(2_000_000));
        assert!(bomb.len() < 64_000, "{} bytes", bomb.len());
        let started = std::time::Instant::now();
        let err = pdf_page_lines(&bomb).expect_err("refused");
        assert_eq!(
            err,
            "PDF page 1 runs more than 1000000 content operations; skipped"
        );
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
        // The same operations, fewer than the cap, with text: read.
        let mut fine = b"q Q ".repeat(100_000);
        fine.extend_from_slice(b"BT /F1 12 Tf 50 700 Td (Bomb) Tj ET");
        assert_eq!(
            pdf_page_lines(&flate_page(&fine)).expect("read"),
            vec![vec!["Bomb".to_string()]]
        );
    }

    /// Pieces of text shown over and over on one page are refused at the page's cap; saves of
    /// the graphics state never restored are counted, not kept.
    #[test]
    fn a_text_bomb_is_refused_at_the_page_cap() {
        let mut text = b"BT /F1 12 Tf 50 700 Td ".to_vec();
        text.extend_from_slice(&b"(Bomb) Tj ".repeat(250_000));
        let bomb = flate_page(&text);
        assert!(bomb.len() < 40_000, "{} bytes", bomb.len());
        let err = pdf_page_lines(&bomb).expect_err("refused");
        assert_eq!(
            err,
            "PDF page 1 shows more than 200000 pieces of text; skipped"
        );
        let mut saves = b"q ".repeat(500_000);
        saves.extend_from_slice(b"BT /F1 12 Tf 50 700 Td (Bomb) Tj ET");
        assert_eq!(
            content_stream_lines(&saves).expect("read"),
            vec!["Bomb".to_string()]
        );
    }

    /// One string shown as megabytes of text through a font whose map gives each code a long
    /// text is refused at the page's cap on text.
    #[test]
    fn a_page_of_too_much_text_is_refused() {
        let mut text = b"BT /F1 12 Tf 50 700 Td (".to_vec();
        text.extend_from_slice(&b"x".repeat(9 << 20));
        text.extend_from_slice(b") Tj ET");
        let err = content_stream_lines(&text).expect_err("refused");
        assert_eq!(err, "PDF page 1 shows more than 8 MB of text; skipped");
    }

    #[test]
    fn inflate_limit_from_the_environment() {
        let defaults = InflateLimits {
            stream: MAX_STREAM_INFLATE,
            file: MAX_FILE_INFLATE,
        };
        assert_eq!(InflateLimits::with_file_mb(None), defaults);
        assert_eq!(InflateLimits::with_file_mb(Some("many")), defaults);
        assert_eq!(InflateLimits::with_file_mb(Some("0")), defaults);
        assert_eq!(InflateLimits::with_file_mb(Some("64")), limits(64, 64));
        assert_eq!(
            InflateLimits::with_file_mb(Some(" 1024 ")),
            limits(128, 1024)
        );
    }
}

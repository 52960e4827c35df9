//! A corpus scaler for benchmarks: writes N MB of realistic synthetic acts built from real ones.
//!
//! Copies of the same five acts would flatter any engine (the vocabulary would stop growing after
//! the first megabyte, posting lists would be perfectly regular), so each synthetic act is a real
//! template document rewritten the way real acts differ from each other:
//! - dates, years, `№` numbers and registration numbers are re-drawn (consistently inside an act:
//!   the same original number maps to the same new one), and the act's own number (the header's,
//!   or the appendix stamps' of a Markdown act without a requisite) is made unique so every act
//!   gets its own id;
//! - proper names after initials (`Қ.С. Тыныбековке`) are swapped for other surnames;
//! - adjacent numbered paragraphs swap their bodies (numbers stay in order) and sentences inside a
//!   paragraph are shuffled, so word order and n-grams vary;
//! - some words get another inflection of the same stem (stem + plural/case/possessive suffix with
//!   vowel harmony and voicing), a few get a stem from elsewhere in the corpus;
//! - novel words (new terms, names) are spliced in at a Heaps-law rate `V = K·n^β` over the whole
//!   run, so the vocabulary keeps growing sublinearly, as it does in real text.
//!
//! Structural keywords (`тармақ`, `қосымша`, `Ескерту`, `жазылсын`, …), paragraph numbers and the
//! header shape are kept, so each file still ingests as an act. Output is deterministic for a seed
//! and written one act at a time (memory does not grow with the output size).
//!
//! Two layouts: flat files ([`write_corpus`], from the bundled corpus and the versions), and the
//! public mirror's act folders with `kaz.md`, `rus.md` and `meta.yaml`, long texts split into
//! part files, optionally with editions as git history ([`write_mirror`], from the mirror
//! sample; see the `mirror` module's documentation).
//!
//! ```no_run
//! use zanlex_scale::{load_templates, write_corpus};
//! let templates = load_templates(&["corpus".into()]).unwrap();
//! let report = write_corpus(&templates, "/tmp/scaled".as_ref(), 10 << 20, 42).unwrap();
//! assert!(report.bytes >= 9 << 20);
//! ```

use regex::Regex;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

mod mirror;
pub use mirror::{
    load_mirror_templates, write_mirror, MirrorAct, MirrorOptions, MirrorReport, MirrorScaler,
    MirrorTemplate, Segment,
};

/// What can go wrong while reading templates or writing a scaled corpus.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{}: {what}: {source}", path.display())]
    Io {
        path: PathBuf,
        what: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// A template is not UTF-8 text.
    #[error("{}: scaler templates must be UTF-8: {source}", path.display())]
    NotUtf8 {
        path: PathBuf,
        #[source]
        source: std::string::FromUtf8Error,
    },
    /// The folders given hold no `.txt` or `.md` template.
    #[error("no .txt or .md templates under {0}")]
    NoTemplates(String),
    /// The folders given hold no act folder of the mirror (`meta.yaml`, `kaz.md`, `rus.md`).
    #[error("no mirror act folders (meta.yaml, kaz.md and rus.md) under {0}")]
    NoMirrorTemplates(String),
}

/// `Result` with the scaler's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Kazakh month names: a novel word never starts like one, so dates stay dates.
const KK_MONTHS: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

/// Heaps-law constant `K` of the novel-word rate `V = K·n^β` (n = body word tokens so far).
const HEAPS_K: f64 = 1.2;
/// Heaps-law exponent `β`; real text sits between 0.4 and 0.7.
const HEAPS_BETA: f64 = 0.6;
/// Probability that a modifiable word gets another inflection of its stem.
const P_REINFLECT: f64 = 0.06;
/// Probability that a modifiable word gets a stem from elsewhere in the corpus.
const P_RESTEM: f64 = 0.01;
/// Probability that a modifiable word is replaced by an earlier novel word (new terms recur).
const P_NOVEL_REUSE: f64 = 0.004;
/// Probability that two adjacent eligible paragraphs swap bodies.
const P_SWAP_PARAGRAPHS: f64 = 0.35;
/// Probability that an eligible block gets its sentences (after the first) shuffled.
const P_SHUFFLE_SENTENCES: f64 = 0.5;

/// The format of a template and of the synthetic acts made from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateFormat {
    /// Adilet plain text (`corpus/*.txt`): title, header with date and number, indented body.
    Text,
    /// zan.gov.kz Markdown (`versions/**/*.md`), optionally with YAML front matter.
    Markdown,
}

impl TemplateFormat {
    fn extension(self) -> &'static str {
        match self {
            TemplateFormat::Text => "txt",
            TemplateFormat::Markdown => "md",
        }
    }
}

/// One real document the scaler rewrites.
#[derive(Debug, Clone)]
pub struct Template {
    /// Where it was read from (for messages).
    pub path: PathBuf,
    pub format: TemplateFormat,
    pub text: String,
}

/// What [`write_corpus`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScaleReport {
    pub files: u64,
    pub bytes: u64,
    /// Body word tokens seen by the Heaps-law counter.
    pub tokens: u64,
    /// Novel word types spliced in.
    pub novel_words: u64,
}

/// One synthetic act: a file name (`000042_1f…​.txt`) and its text.
#[derive(Debug, Clone)]
pub struct SyntheticAct {
    /// Index of the template it was made from, in the slice given to [`Scaler::new`].
    pub template: usize,
    pub file_name: String,
    pub text: String,
}

/// Reads every `.txt` and `.md` file under `dirs` (recursively; `meta*.yaml` and others are
/// skipped), sorted by path so the template order, and hence the output, is deterministic.
pub fn load_templates(dirs: &[PathBuf]) -> Result<Vec<Template>> {
    let mut paths = Vec::new();
    for d in dirs {
        collect_files(d, &mut paths)?;
    }
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some("txt") => TemplateFormat::Text,
            Some("md") => TemplateFormat::Markdown,
            _ => continue,
        };
        let bytes = std::fs::read(&path).map_err(|source| Error::Io {
            path: path.clone(),
            what: "cannot read the template",
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|source| Error::NotUtf8 {
            path: path.clone(),
            source,
        })?;
        if text.trim().is_empty() {
            continue;
        }
        out.push(Template { path, format, text });
    }
    if out.is_empty() {
        return Err(Error::NoTemplates(listed(dirs)));
    }
    Ok(out)
}

/// The template folders searched, for an error that found none in them.
pub(crate) fn listed(dirs: &[PathBuf]) -> String {
    dirs.iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let listing_failed = |source| Error::Io {
        path: dir.to_path_buf(),
        what: "cannot read the template folder",
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(listing_failed)? {
        let entry = entry.map_err(listing_failed)?;
        let p = entry.path();
        if entry.file_type().map_err(listing_failed)?.is_dir() {
            collect_files(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

/// Writes synthetic acts into `out` (created if missing) until about `bytes` bytes are written
/// (never more than one small act past it, usually within 1%), deterministically for `seed`.
pub fn write_corpus(
    templates: &[Template],
    out: &Path,
    bytes: u64,
    seed: u64,
) -> Result<ScaleReport> {
    std::fs::create_dir_all(out).map_err(|source| Error::Io {
        path: out.to_path_buf(),
        what: "cannot create the output folder",
        source,
    })?;
    let mut scaler = Scaler::new(templates, seed);
    let mut written = 0u64;
    let mut files = 0u64;
    while written < bytes {
        let Some(act) = scaler.next_act(bytes - written) else {
            break;
        };
        let path = out.join(&act.file_name);
        let write = || -> std::io::Result<()> {
            let mut f = std::io::BufWriter::new(std::fs::File::create(&path)?);
            f.write_all(act.text.as_bytes())?;
            f.flush()
        };
        write().map_err(|source| Error::Io {
            path: path.clone(),
            what: "cannot write the act",
            source,
        })?;
        written += act.text.len() as u64;
        files += 1;
    }
    Ok(ScaleReport {
        files,
        bytes: written,
        tokens: scaler.heaps.tokens,
        novel_words: scaler.heaps.novel,
    })
}

/// Generates synthetic acts one at a time. State is a few counters and the templates' stem list,
/// so memory stays flat however many acts are drawn.
pub struct Scaler<'a> {
    templates: &'a [Template],
    /// Template indices by size, for picking one that fits the remaining budget.
    by_size: Vec<usize>,
    stems: Vec<String>,
    rng: Rng,
    seed: u64,
    seq: u64,
    heaps: Heaps,
}

/// The Heaps-law counter of one language's body words: tokens seen, novel words spliced in,
/// and when the next one is due.
#[derive(Debug, Clone)]
struct Heaps {
    tokens: u64,
    novel: u64,
    /// Token count at which the next novel word is due (Heaps law inverted).
    next_novel_at: u64,
}

impl Heaps {
    fn new() -> Self {
        Heaps {
            tokens: 0,
            novel: 0,
            next_novel_at: heaps_due(1),
        }
    }
}

/// Token count at which the `v`-th novel word is due: n = (v / K)^(1/β).
fn heaps_due(v: u64) -> u64 {
    ((v as f64 / HEAPS_K).powf(1.0 / HEAPS_BETA)) as u64
}

impl<'a> Scaler<'a> {
    /// A scaler over `templates` (at least one) for `seed`.
    pub fn new(templates: &'a [Template], seed: u64) -> Self {
        let mut by_size: Vec<usize> = (0..templates.len()).collect();
        by_size.sort_by_key(|&i| (templates[i].text.len(), i));
        Scaler {
            templates,
            by_size,
            stems: kazakh_stems(templates.iter().map(|t| t.text.as_str())),
            rng: Rng::new(seed),
            seed,
            seq: 0,
            heaps: Heaps::new(),
        }
    }

    /// The next act, picked among templates no larger than `budget` bytes when the usual pick
    /// would overshoot; `None` when even the smallest template does not fit.
    pub fn next_act(&mut self, budget: u64) -> Option<SyntheticAct> {
        let mut ti = self.rng.below(self.templates.len() as u64) as usize;
        if self.templates[ti].text.len() as u64 > budget {
            let fitting: Vec<usize> = self
                .by_size
                .iter()
                .copied()
                .filter(|&i| self.templates[i].text.len() as u64 <= budget)
                .collect();
            if fitting.is_empty() {
                return None;
            }
            ti = fitting[self.rng.below(fitting.len() as u64) as usize];
        }
        let seq = self.seq;
        self.seq += 1;
        let act_seed = mix(self.seed ^ mix(seq.wrapping_add(0x9e37_79b9)));
        let template = &self.templates[ti];
        let text = self.rewrite(template, seq, act_seed);
        let file_name = format!(
            "{:06}_{:016x}.{}",
            seq,
            mix(act_seed ^ 0x5ca1e),
            template.format.extension()
        );
        Some(SyntheticAct {
            template: ti,
            file_name,
            text,
        })
    }

    fn rewrite(&mut self, t: &Template, seq: u64, act_seed: u64) -> String {
        let mut lines: Vec<String> = t.text.lines().map(str::to_string).collect();
        // Front matter (Markdown) and header (text) get only date/number rewriting.
        let header_end = match t.format {
            TemplateFormat::Markdown => markdown_header(&mut lines, seq),
            TemplateFormat::Text => text_header_end(&lines),
        };
        // Acts without a date-and-number key are told apart by title, so those get a district
        // name unique to the act in front of the title, as local decisions have.
        let keyed = lines[..header_end]
            .iter()
            .any(|l| date_regexes().3.is_match(l) && !l.starts_with("  "));
        if !keyed || t.format == TemplateFormat::Markdown {
            tag_title(&mut lines[..header_end], t.format, seq);
        }
        let rng = &mut self.rng;
        swap_paragraphs(&mut lines[header_end..], unit_is_movable, |_, _| {
            rng.unit() < P_SWAP_PARAGRAPHS
        });
        shuffle_sentences(
            &mut lines[header_end..],
            t.format,
            is_protected_line,
            &mut self.rng,
        );
        let mut out = String::with_capacity(t.text.len() + t.text.len() / 16);
        // The act's own number is the first after its title, which may cite other acts by
        // number (`… № 148 қаулысына өзгеріс енгізу туралы`): made unique there, acts from one
        // template never share an id.
        let own_number_from = match t.format {
            TemplateFormat::Text => own_number_line(&lines[..header_end]),
            TemplateFormat::Markdown => 0,
        };
        let mut first_number_done = false;
        // A header may break its line between `№` and the number (`… № \n352 Бұйрығы.`).
        let mut sign_ends_line = false;
        // A Markdown act whose front matter names no number is known by the number its
        // appendices' stamps give it (`> *№ 19-42-3.3.17 бұйрығына*`): every place that number
        // is written gets the act's unique one.
        let stamp = match t.format {
            TemplateFormat::Markdown => stamp_number(&lines, header_end),
            TemplateFormat::Text => None,
        };
        let own = stamp.as_deref().map(|n| OwnNumber { original: n, seq });
        for (i, line) in lines.iter().enumerate() {
            let mut l = rewrite_dates_numbers(line, act_seed, own);
            if (own_number_from..header_end).contains(&i) && !first_number_done {
                let unique = make_header_number_unique(&l, seq)
                    .or_else(|| sign_ends_line.then(|| make_leading_number_unique(&l, seq))?);
                if let Some(u) = unique {
                    l = u;
                    first_number_done = true;
                }
                sign_ends_line = l.trim_end().ends_with('№');
            }
            l = rewrite_names(&l, act_seed, NAME_ROOTS);
            if i >= header_end && !is_protected_line(&l) {
                l = rewrite_words(&l, Lang::Kk, &mut self.heaps, &self.stems, &mut self.rng);
            }
            out.push_str(&l);
            out.push('\n');
        }
        out
    }
}

/// The Kazakh stems of `texts`' modifiable words (4+ letters once the ending is off), sorted,
/// each once: what a word is re-stemmed with.
fn kazakh_stems<'t>(texts: impl Iterator<Item = &'t str>) -> Vec<String> {
    let mut stems: Vec<String> = Vec::new();
    for text in texts {
        for w in text.split(|c: char| !c.is_alphabetic()) {
            if is_modifiable_word(w) {
                let (stem, ending) = split_suffix(w);
                if stem.chars().count() >= 4 {
                    stems.push(devoice(stem, ending));
                }
            }
        }
    }
    stems.sort();
    stems.dedup();
    stems
}

/// The language of a text whose words are rewritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Kk,
    Ru,
}

/// Re-inflects, re-stems or replaces words of one body line in `lang`; counts tokens for
/// Heaps' law in `heaps`. `stems` are the language's stems to re-stem with.
fn rewrite_words(
    line: &str,
    lang: Lang,
    heaps: &mut Heaps,
    stems: &[String],
    rng: &mut Rng,
) -> String {
    let modifiable = match lang {
        Lang::Kk => is_modifiable_word,
        Lang::Ru => mirror::is_modifiable_ru,
    };
    let mut out = String::with_capacity(line.len() + 16);
    let mut prev: Option<char> = None;
    let mut rest = line;
    while let Some((start, c)) = rest.char_indices().find(|(_, c)| c.is_alphabetic()) {
        let _ = c;
        out.push_str(&rest[..start]);
        if start > 0 {
            prev = rest[..start].chars().next_back();
        }
        let word_len = rest[start..]
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map(|(i, _)| i)
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        let after = rest[start + word_len..].chars().next();
        heaps.tokens += 1;
        let glued = matches!(prev, Some(p) if p == '-' || p.is_ascii_digit())
            || matches!(after, Some('-') | Some('.'));
        if !glued && modifiable(word) {
            if heaps.tokens >= heaps.next_novel_at {
                heaps.novel += 1;
                heaps.next_novel_at = heaps_due(heaps.novel + 1).max(heaps.tokens + 1);
                out.push_str(&novel_in(lang, heaps.novel, rng));
            } else {
                let r = rng.unit();
                if r < P_REINFLECT {
                    out.push_str(&reinflect_in(lang, word, rng));
                } else if r < P_REINFLECT + P_RESTEM && !stems.is_empty() {
                    let s = &stems[rng.below(stems.len() as u64) as usize];
                    out.push_str(&inflect_in(lang, s, rng));
                } else if r < P_REINFLECT + P_RESTEM + P_NOVEL_REUSE && heaps.novel > 0 {
                    // Earlier novel terms recur, favouring recent ones (Zipf-like reuse).
                    let back = rng.below(heaps.novel.min(2000)) + 1;
                    let id = heaps.novel + 1 - back.min(heaps.novel);
                    out.push_str(&novel_in(lang, id, rng));
                } else {
                    out.push_str(word);
                }
            }
        } else {
            out.push_str(word);
        }
        prev = word.chars().next_back();
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
    out
}

/// The `id`-th novel word of `lang`.
fn novel_in(lang: Lang, id: u64, rng: &mut Rng) -> String {
    match lang {
        Lang::Kk => novel_word(id, rng),
        Lang::Ru => mirror::novel_word_ru(id, rng),
    }
}

/// Another inflection of `word`'s stem in `lang`.
fn reinflect_in(lang: Lang, word: &str, rng: &mut Rng) -> String {
    match lang {
        Lang::Kk => {
            let (stem, ending) = split_suffix(word);
            inflect(&devoice(stem, ending), rng)
        }
        Lang::Ru => mirror::reinflect_ru(word, rng),
    }
}

/// `stem` with an ending of `lang`.
fn inflect_in(lang: Lang, stem: &str, rng: &mut Rng) -> String {
    match lang {
        Lang::Kk => inflect(stem, rng),
        Lang::Ru => mirror::inflect_ru(stem, rng),
    }
}

/// `Бадесо ауданы бойынша `: a district named after the act's sequence number, unique per act,
/// in its Latin spelling too (an act without a number is known by its title's: `ұ` and `ү`
/// spell alike there, so the names are made of [`TAG_SYLLABLES`], which never do).
fn title_tag(seq: u64) -> String {
    let base = TAG_SYLLABLES.len() as u64;
    let mut n = seq + base * base * base;
    let mut name = String::new();
    while n > 0 {
        name.push_str(TAG_SYLLABLES[(n % base) as usize]);
        n /= base;
    }
    let mut chars = name.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    let unit = ["ауданы", "қаласы", "облысы"][(seq % 3) as usize];
    format!("{first}{} {unit} бойынша ", chars.as_str())
}

/// Puts [`title_tag`] in front of the title: the front matter's `title:` and the `# ` heading
/// (Markdown), or the first non-empty line (text).
fn tag_title(header: &mut [String], format: TemplateFormat, seq: u64) {
    let tag = title_tag(seq);
    match format {
        TemplateFormat::Markdown => {
            for l in header.iter_mut() {
                if let Some(t) = l.strip_prefix("title: ") {
                    let (q, t) = match t.strip_prefix('\'') {
                        Some(rest) => ("'", rest),
                        None => ("", t),
                    };
                    *l = format!("title: {q}{tag}{t}");
                } else if let Some(t) = l.strip_prefix("# ") {
                    *l = format!("# {tag}{t}");
                }
            }
        }
        TemplateFormat::Text => {
            if let Some(l) = header.iter_mut().find(|l| !l.trim().is_empty()) {
                let indent = l.len() - l.trim_start().len();
                *l = format!("{}{tag}{}", &l[..indent], &l[indent..]);
            }
        }
    }
}

/// Markdown: rewrites or adds the front matter so the act has a unique `act_code`; returns the
/// end of the header (the line after the `# ` title, or the end of the front matter).
fn markdown_header(lines: &mut Vec<String>, seq: u64) -> usize {
    let code = 900_000 + seq;
    let mut front_end = 0;
    if lines.first().map(|l| l.trim() == "---").unwrap_or(false) {
        if let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "---") {
            front_end = end + 2;
            let mut has_code = false;
            for l in lines.iter_mut().take(front_end - 1).skip(1) {
                if l.starts_with("act_code:") {
                    *l = format!("act_code: '{code}'");
                    has_code = true;
                } else if l.starts_with("version_id:") {
                    *l = format!("version_id: '{code}_{seq}'");
                } else if l.starts_with("registry_number:") {
                    *l = format!("registry_number: '{code}'");
                } else if l.starts_with("source:") {
                    *l = format!("source: https://zan.gov.kz/client/#!/doc/{code}/kaz");
                }
            }
            if !has_code {
                lines.insert(1, format!("act_code: '{code}'"));
                front_end += 1;
            }
        }
    }
    if front_end == 0 {
        let title = lines
            .iter()
            .find_map(|l| l.strip_prefix("# "))
            .map(|t| t.replace('\'', "''"));
        let mut fm = vec!["---".to_string(), format!("act_code: '{code}'")];
        if let Some(t) = title {
            fm.push(format!("title: '{t}'"));
        }
        fm.push("---".to_string());
        fm.push(String::new());
        front_end = fm.len();
        lines.splice(0..0, fm);
    }
    let header_end = lines
        .iter()
        .enumerate()
        .skip(front_end)
        .find(|(_, l)| l.starts_with("# "))
        .map(|(i, _)| i + 1)
        .unwrap_or(front_end);
    header_end
}

/// Where a text header's own `№` number is looked for: the first line after the title (its
/// first paragraph) when a line after it holds a number, else the header's first line.
fn own_number_line(header: &[String]) -> usize {
    let first = header
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(0);
    let after_title = header[first..]
        .iter()
        .position(|l| l.trim().is_empty())
        .map_or(header.len(), |blank| first + blank);
    let numbered = |l: &String| date_regexes().3.is_match(l) || l.trim_end().ends_with('№');
    if header[after_title..].iter().any(numbered) {
        after_title
    } else {
        0
    }
}

/// Text: the header is everything before the first indented line (title, date, number,
/// registration), which the structure stage reads as metadata; at most the first 30 lines (the
/// FAQ has no indented lines: its title is its header).
fn text_header_end(lines: &[String]) -> usize {
    lines
        .iter()
        .take(30)
        .position(|l| l.starts_with("      ") && !l.trim().is_empty())
        .unwrap_or_else(|| {
            let first = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
            first + 1
        })
}

/// Lines that carry structure the ingestion relies on: headings, notes, tables, quotes of
/// amending instructions. Their words are left alone.
fn is_protected_line(l: &str) -> bool {
    let t = l.trim_start();
    t.starts_with('#')
        || t.starts_with('<')
        || t.starts_with('>')
        || t.starts_with('|')
        || t.starts_with("---")
        || l.contains("Ескерту")
        || l.contains("Ескертпе")
        || l.contains("ТАРАУ")
        || l.contains("-тарау")
        || l.contains("қосымша")
}

fn paragraph_start() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"^( {0,8})([1-9][0-9]{0,2})\. (\S.*)$").expect("static regex"))
}

/// Swaps the bodies of adjacent numbered paragraphs (`N.` then `N+1.`, same indent) when neither
/// holds headings, notes or quotes (`movable` says) and `swap(N, k)` says to (`k`: how many
/// pairs starting at a paragraph `N.` came before); the printed numbers stay in order.
fn swap_paragraphs(
    lines: &mut [String],
    movable: fn(&[String]) -> bool,
    mut swap: impl FnMut(u32, u32) -> bool,
) {
    let re = paragraph_start();
    let mut seen: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
    let starts: Vec<(usize, usize, u32)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let c = re.captures(l)?;
            Some((i, c[1].len(), c[2].parse().ok()?))
        })
        .collect();
    let mut k = 0;
    while k + 2 < starts.len() {
        let (a, ind_a, na) = starts[k];
        let (b, ind_b, nb) = starts[k + 1];
        let (c, ind_c, _) = starts[k + 2];
        let ok = ind_a == ind_b
            && ind_b == ind_c
            && nb == na + 1
            && movable(&lines[a..b])
            && movable(&lines[b..c]);
        let nth = if ok {
            let n = seen.entry(na).or_insert(0);
            *n += 1;
            *n - 1
        } else {
            0
        };
        if ok && swap(na, nth) {
            let mut first: Vec<String> = lines[a..b].to_vec();
            let mut second: Vec<String> = lines[b..c].to_vec();
            renumber(&mut second[0], na);
            renumber(&mut first[0], nb);
            let mut merged = second;
            merged.extend(first);
            for (j, l) in merged.into_iter().enumerate() {
                lines[a + j] = l;
            }
            k += 2;
        } else {
            k += 1;
        }
    }
}

fn unit_is_movable(unit: &[String]) -> bool {
    unit.len() <= 40
        && unit.iter().all(|l| {
            !is_protected_line(l)
                && !l.contains(['"', '«', '»', '“', '”'])
                && !l.contains("бекітілген")
                && !l.contains("Қағидалар")
                && !l.contains("тармақ")
                && !starts_with_dotted_number(l)
        })
}

/// `1.1 …`, `2.3. …`: subsections numbered after their section, which must move with it.
fn starts_with_dotted_number(l: &str) -> bool {
    let t = l.trim_start().as_bytes();
    let d = t.iter().take_while(|b| b.is_ascii_digit()).count();
    d > 0 && t.get(d) == Some(&b'.') && t.get(d + 1).is_some_and(|b| b.is_ascii_digit())
}

fn renumber(line: &mut String, n: u32) {
    if let Some(c) = paragraph_start().captures(line) {
        *line = format!("{}{}. {}", &c[1], n, &c[3]);
    }
}

/// Shuffles the sentences after the first inside blocks (a paragraph line and its unindented
/// continuation lines), re-wrapping to the original line widths.
fn shuffle_sentences(
    lines: &mut [String],
    format: TemplateFormat,
    protected: fn(&str) -> bool,
    rng: &mut Rng,
) {
    let mut i = 0;
    while i < lines.len() {
        let starts_block = match format {
            TemplateFormat::Text => lines[i].starts_with("      "),
            TemplateFormat::Markdown => !lines[i].trim().is_empty(),
        };
        if !starts_block {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if format == TemplateFormat::Text {
            while j < lines.len() && !lines[j].starts_with(' ') && !lines[j].trim().is_empty() {
                j += 1;
            }
        }
        let block = &lines[i..j];
        let eligible = block
            .iter()
            .all(|l| !protected(l) && !l.contains(['"', '«', '»', '“', '”', '(', ')']));
        if eligible && rng.unit() < P_SHUFFLE_SENTENCES {
            let widths: Vec<usize> = block.iter().map(|l| l.trim().chars().count()).collect();
            let indent: String = block[0].chars().take_while(|c| *c == ' ').collect();
            let joined = block.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
            let mut sentences = split_sentences(&joined);
            if sentences.len() >= 3 {
                let n = sentences.len() - 1;
                // Fisher-Yates on sentences[1..]; the first one carries the paragraph number.
                for x in (1..n).rev() {
                    let y = rng.below(x as u64 + 1) as usize;
                    sentences.swap(1 + x, 1 + y);
                }
                let text = sentences.join(" ");
                let wrapped = rewrap(&text, &widths);
                for (k, w) in wrapped.into_iter().enumerate() {
                    lines[i + k] = if k == 0 { format!("{indent}{w}") } else { w };
                }
            }
        }
        i = j;
    }
}

/// Splits at `. ` + capital letter when the word before the dot is a real word (not an initial).
fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for k in 0..bytes.len().saturating_sub(2) {
        let (pos, c) = bytes[k];
        if c == '.' && bytes[k + 1].1 == ' ' && bytes[k + 2].1.is_uppercase() {
            let before: String = text[start..pos]
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if before.chars().count() >= 3 && before.chars().all(|c| c.is_lowercase()) {
                out.push(text[start..=pos].trim().to_string());
                start = pos + 1;
            }
        }
    }
    let tail = text[start..].trim();
    if !tail.is_empty() {
        out.push(tail.to_string());
    }
    out
}

/// Greedy wrap of `text` into as many lines as `widths`, each up to its width; the last line
/// takes the rest.
fn rewrap(text: &str, widths: &[usize]) -> Vec<String> {
    let mut out = Vec::with_capacity(widths.len());
    let mut words = text.split(' ').filter(|w| !w.is_empty()).peekable();
    for (k, &w) in widths.iter().enumerate() {
        let mut line = String::new();
        let last = k + 1 == widths.len();
        while let Some(word) = words.peek() {
            let add = word.chars().count() + usize::from(!line.is_empty());
            if !last && !line.is_empty() && line.chars().count() + add > w {
                break;
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            words.next();
        }
        out.push(line);
    }
    out
}

const MONTHS: &str =
    "қаңтар|ақпан|наурыз|сәуір|сәуiр|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан";

fn iso_date_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"\b((?:19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])\b").expect("static")
    })
}

fn date_regexes() -> &'static (Regex, Regex, Regex, Regex) {
    static R: OnceLock<(Regex, Regex, Regex, Regex)> = OnceLock::new();
    R.get_or_init(|| {
        (
            // 26.05.2022
            Regex::new(r"\b([0-3]?[0-9])\.([01][0-9])\.((?:19|20)[0-9]{2})\b").expect("static"),
            // 2018 жылғы / 2012 жылы / 2019 жылдың
            Regex::new(r"\b((?:199|20[0-2])[0-9])( жыл)").expect("static"),
            // 4 қаңтардағы
            Regex::new(&format!(r"\b([0-3]?[0-9])( (?:{MONTHS}))")).expect("static"),
            // № 11-1-4/240, N 2688, № 21165
            Regex::new(r"(№|\bN) ?([0-9][0-9\-/]*[0-9]|[0-9])").expect("static"),
        )
    })
}

/// The act's own number as a template writes it, to be made unique wherever it appears.
#[derive(Debug, Clone, Copy)]
struct OwnNumber<'t> {
    /// The number as the template writes it (`19-42-3.3.17` is `19-42-3`: the `№` regex's
    /// capture).
    original: &'t str,
    /// The act's sequence number: the redrawn number's first digit run becomes `seq + 1`.
    seq: u64,
}

/// The number of a Markdown act whose front matter names none (`0..header_end` holds no `№`):
/// the first `№` in an appendix stamp, a `>` line that is not a note, where zanlex reads the
/// act's date and number when there is no requisite. `None` when the front matter has a number
/// or no stamp has one (the act is then known by its title, which is tagged).
fn stamp_number(lines: &[String], header_end: usize) -> Option<String> {
    let (_, _, _, num) = date_regexes();
    if lines[..header_end].iter().any(|l| num.is_match(l)) {
        return None;
    }
    lines[header_end..]
        .iter()
        .filter(|l| l.trim_start().starts_with('>') && !l.contains("Ескерту"))
        .find_map(|l| num.captures(l).map(|c| c[2].to_string()))
}

/// Re-draws dates, years and act numbers; the same original maps to the same new value inside an
/// act (keyed by the act's seed), and shapes are kept (`11-1-4/240` → `37-5-2/918`). The act's
/// `own` number, when given, maps to the redrawn shape with `seq + 1` as its first digit run.
fn rewrite_dates_numbers(line: &str, act_seed: u64, own: Option<OwnNumber<'_>>) -> String {
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return line.to_string();
    }
    let (dmy, year, day, num) = date_regexes();
    let year_shift = |y: &str| -> String {
        let y: i64 = y.parse().unwrap_or(2015);
        let d = (mix(act_seed ^ 0x7ea5) % 15) as i64 - 7;
        (y + d).clamp(1991, 2025).to_string()
    };
    let s = dmy.replace_all(line, |c: &regex::Captures| {
        let h = mix(act_seed ^ hash_str(&c[0]));
        format!(
            "{:02}.{:02}.{}",
            h % 28 + 1,
            (h >> 8) % 12 + 1,
            year_shift(&c[3])
        )
    });
    let s = iso_date_regex().replace_all(&s, |c: &regex::Captures| {
        let h = mix(act_seed ^ hash_str(&c[0]));
        format!(
            "{}-{:02}-{:02}",
            year_shift(&c[1]),
            (h >> 8) % 12 + 1,
            h % 28 + 1
        )
    });
    let s = year.replace_all(&s, |c: &regex::Captures| {
        format!("{}{}", year_shift(&c[1]), &c[2])
    });
    let s = day.replace_all(&s, |c: &regex::Captures| {
        let h = mix(act_seed ^ hash_str(&c[0]));
        format!("{}{}", h % 28 + 1, &c[2])
    });
    let s = num.replace_all(&s, |c: &regex::Captures| {
        let sep = if c[0].contains(' ') { " " } else { "" };
        let mut n = reshape_number(&c[2], act_seed);
        if let Some(own) = own.filter(|o| o.original == &c[2]) {
            n = with_first_run(&n, own.seq + 1);
        }
        format!("{}{}{}", &c[1], sep, n)
    });
    s.into_owned()
}

/// Same shape, new digits: every digit run is redrawn with the same length (no leading zero).
fn reshape_number(n: &str, act_seed: u64) -> String {
    let mut h = mix(act_seed ^ hash_str(n));
    let mut out = String::with_capacity(n.len());
    let mut run_start = true;
    for c in n.chars() {
        if c.is_ascii_digit() {
            h = mix(h);
            let d = if run_start { h % 9 + 1 } else { h % 10 };
            out.push(char::from(b'0' + d as u8));
            run_start = false;
        } else {
            out.push(c);
            run_start = true;
        }
    }
    out
}

/// Makes the first `№` number of a header unique to the act (its first digit run becomes
/// `seq + 1`), so acts made from the same template never share an id.
fn make_header_number_unique(line: &str, seq: u64) -> Option<String> {
    let (_, _, _, num) = date_regexes();
    let c = num.captures(line)?;
    let m = c.get(2)?;
    let digits_end = m
        .as_str()
        .find(|ch: char| !ch.is_ascii_digit())
        .unwrap_or(m.as_str().len());
    let mut out = String::with_capacity(line.len() + 8);
    out.push_str(&line[..m.start()]);
    let _ = write!(out, "{}", seq + 1);
    out.push_str(&line[m.start() + digits_end..]);
    Some(out)
}

/// `n` with its first digit run replaced by `first` (`37-5-2` → `12-5-2`).
fn with_first_run(n: &str, first: u64) -> String {
    let start = n.find(|ch: char| ch.is_ascii_digit()).unwrap_or(0);
    let end = n[start..]
        .find(|ch: char| !ch.is_ascii_digit())
        .map_or(n.len(), |e| start + e);
    format!("{}{first}{}", &n[..start], &n[end..])
}

/// [`make_header_number_unique`] for a line that goes on from a `№` ending the line before:
/// its leading digit run becomes `seq + 1`.
fn make_leading_number_unique(line: &str, seq: u64) -> Option<String> {
    let start = line.len() - line.trim_start().len();
    let digits = line[start..]
        .find(|ch: char| !ch.is_ascii_digit())
        .unwrap_or(line.len() - start);
    if digits == 0 {
        return None;
    }
    Some(format!(
        "{}{}{}",
        &line[..start],
        seq + 1,
        &line[start + digits..]
    ))
}

fn name_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"\b(\p{Lu}\.\s?(?:\p{Lu}\.\s?)?)(\p{Lu}\p{Ll}+?(?:ов|ев|ин|ова|ева|ина|ұлы|қызы))(\p{Ll}*)",
        )
        .expect("static regex")
    })
}

/// Swaps surnames after initials (`Қ.С. Тыныбековке` → `Қ.С. Сәрсенбаевке`) for one built on
/// one of `roots`, case ending kept.
fn rewrite_names(line: &str, act_seed: u64, roots: &[&str]) -> String {
    if !line.contains('.') {
        return line.to_string();
    }
    name_regex()
        .replace_all(line, |c: &regex::Captures| {
            let surname = &c[2];
            let h = mix(act_seed ^ hash_str(surname));
            let ending = ["ов", "ев", "ин", "ова", "ева", "ина"]
                .iter()
                .find(|e| surname.ends_with(*e))
                .copied()
                .unwrap_or("ов");
            let root = roots[(h % roots.len() as u64) as usize];
            // Сәрсенбай + ов → Сәрсенбаев.
            let (root, ending) = match (root.strip_suffix('й'), ending) {
                (Some(r), "ов") => (r, "ев"),
                (Some(r), "ова") => (r, "ева"),
                (Some(r), _) => (r, ending),
                (None, _) => (root, ending),
            };
            format!("{}{}{}{}", &c[1], root, ending, &c[3])
        })
        .into_owned()
}

const NAME_ROOTS: &[&str] = &[
    "Абдрахман",
    "Ахмет",
    "Байжан",
    "Бекмұхамед",
    "Досмағамбет",
    "Ерғали",
    "Жақсылық",
    "Жұмабай",
    "Игібай",
    "Кенжеғали",
    "Қасымбек",
    "Құдайберген",
    "Мұқан",
    "Мырзахмет",
    "Нұрлыбай",
    "Оспан",
    "Өтеген",
    "Рахымжан",
    "Сәрсенбай",
    "Серікбай",
    "Тілеубай",
    "Төлеген",
    "Ұзақбай",
    "Үсен",
    "Шайхислам",
    "Ыбырай",
    "Әбдікәрім",
    "Есенгелді",
    "Жанұзақ",
    "Мәлік",
];

/// Words whose forms carry structure (units, notes, instructions, act kinds) or that the header
/// parser reads: never rewritten.
const PROTECTED_PREFIXES: &[&str] = &[
    "тарау",
    "қосымша",
    "тармақ",
    "тармағ",
    "бап",
    "баб",
    "бөлім",
    "абзац",
    "ескерт",
    "бекіт",
    "қағида",
    "редакц",
    "жазылсын",
    "толықтыр",
    "алып",
    "тастал",
    "енгіз",
    "өзгеріс",
    "күш",
    "жой",
    "бұйр",
    "қаул",
    "шешім",
    "бірлеск",
    "тіркел",
    "министр",
    "регламент",
    "әділет",
    "сәйкес",
    "мынадай",
    "қолданыс",
    "ауыстыр",
    "сөзд",
    "сөздер",
    "жариял",
    "күнтізбелік",
    "мазмұнд",
    "нысан",
    "жылғы",
    "жылы",
];

/// A lowercase Cyrillic word of 4+ letters that is not a structural keyword.
fn is_modifiable_word(w: &str) -> bool {
    let mut n = 0;
    for c in w.chars() {
        if !(('а'..='я').contains(&c) || "әғқңөұүһіё".contains(c)) {
            return false;
        }
        n += 1;
    }
    n >= 4
        && !PROTECTED_PREFIXES
            .iter()
            .chain(KK_MONTHS.iter())
            .any(|p| w.starts_with(p))
}

/// Endings stripped to find a stem, longest first.
const ENDINGS: &[&str] = &[
    "ларының",
    "лерінің",
    "ларына",
    "леріне",
    "ларында",
    "лерінде",
    "лардың",
    "лердің",
    "ларын",
    "лерін",
    "ларға",
    "лерге",
    "ларда",
    "лерде",
    "ындағы",
    "індегі",
    "лары",
    "лері",
    "дары",
    "дері",
    "тары",
    "тері",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "ының",
    "інің",
    "ымен",
    "імен",
    "лар",
    "лер",
    "дар",
    "дер",
    "тар",
    "тер",
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "нан",
    "нен",
    "дан",
    "ден",
    "тан",
    "тен",
    "мен",
    "бен",
    "пен",
    "ына",
    "іне",
    "ында",
    "інде",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "да",
    "де",
    "та",
    "те",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "сы",
    "сі",
    "ын",
    "ін",
];

/// Splits a word into (stem, ending), keeping at least three letters of stem; undoes the
/// commonest voicing alternation (тармағ- → тармақ) when the ending starts with a vowel.
fn split_suffix(w: &str) -> (&str, &str) {
    let mut stem = w;
    // Two rounds: plural + case (адам|дар|дың) is the commonest stack.
    for _ in 0..2 {
        let Some(s) = ENDINGS
            .iter()
            .find_map(|e| stem.strip_suffix(e).filter(|s| s.chars().count() >= 3))
        else {
            break;
        };
        stem = s;
    }
    (stem, &w[stem.len()..])
}

/// Undoes the voicing a vowel-initial ending caused: тармағ|ы → тармақ, бөлімг|е stays.
fn devoice(stem: &str, ending: &str) -> String {
    let vowel_ending = ending.chars().next().is_some_and(is_vowel);
    let mut s = stem.to_string();
    if vowel_ending {
        if let Some(c) = s.chars().next_back() {
            let v = match c {
                'ғ' => Some('қ'),
                'г' => Some('к'),
                'б' => Some('п'),
                _ => None,
            };
            if let Some(v) = v {
                s.pop();
                s.push(v);
            }
        }
    }
    s
}

fn is_vowel(c: char) -> bool {
    "аәеёиоөуұүыіэюя".contains(c)
}

fn is_front(stem: &str) -> bool {
    for c in stem.chars().rev() {
        if "әеөүіэи".contains(c) {
            return true;
        }
        if "аоұыяёу".contains(c) {
            return false;
        }
    }
    false
}

/// Case and number endings by family; [`attach`] picks the surface form.
#[derive(Clone, Copy)]
enum Ending {
    Plural,
    Genitive,
    Dative,
    Accusative,
    Locative,
    Ablative,
    Instrumental,
    Attributive,
}

/// Attaches a random inflection (plural and/or possessive and/or case) to `stem` with vowel
/// harmony and the voicing rules of the ending's first consonant.
fn inflect(stem: &str, rng: &mut Rng) -> String {
    let front = is_front(stem);
    let mut w = stem.to_string();
    let plural = rng.below(100) < 35;
    if plural {
        w = attach(&w, Ending::Plural, front);
    }
    let possessive = rng.below(100) < 40;
    if possessive {
        let last = w.chars().next_back().unwrap_or('а');
        if is_vowel(last) {
            w.push_str(if front { "сі" } else { "сы" });
        } else {
            voice_last(&mut w);
            w.push_str(if front { "і" } else { "ы" });
        }
        // After a possessive the case endings take the pronominal n.
        let pick = |b: &'static str, f: &'static str| if front { f } else { b };
        let e = match rng.below(8) {
            0 => "",
            1 => pick("ның", "нің"),
            2 => pick("на", "не"),
            3 => pick("нда", "нде"),
            4 => pick("нан", "нен"),
            5 => "н",
            6 => "мен",
            _ => pick("ндағы", "ндегі"),
        };
        w.push_str(e);
        return w;
    }
    let case = match rng.below(8) {
        0 => return w,
        1 => Ending::Genitive,
        2 => Ending::Dative,
        3 => Ending::Locative,
        4 => Ending::Ablative,
        5 => Ending::Accusative,
        6 => Ending::Instrumental,
        _ => Ending::Attributive,
    };
    attach(&w, case, front)
}

fn voice_last(stem: &mut String) {
    if let Some(c) = stem.chars().next_back() {
        let v = match c {
            'қ' => 'ғ',
            'к' => 'г',
            'п' => 'б',
            _ => return,
        };
        stem.pop();
        stem.push(v);
    }
}

/// Joins an ending to `w` with the assimilation of its first consonant (құжат+лар → құжаттар,
/// адам+лар → адамдар, бала+ның → баланың, құжат+ға → құжатқа, құжат+мен → құжатпен).
fn attach(w: &str, ending: Ending, front: bool) -> String {
    let last = w.chars().next_back().unwrap_or('а');
    let voiceless = "кқпстфхцчшщ".contains(last);
    let nasal = "мнң".contains(last);
    let vowel = is_vowel(last);
    let sonorant = "руйл".contains(last);
    let (first, back_rest, front_rest) = match ending {
        Ending::Plural => (
            if vowel || "руй".contains(last) {
                'л'
            } else if voiceless {
                'т'
            } else {
                'д'
            },
            "ар",
            "ер",
        ),
        Ending::Genitive => (
            if vowel || nasal {
                'н'
            } else if voiceless {
                'т'
            } else {
                'д'
            },
            "ың",
            "ің",
        ),
        Ending::Accusative => (
            if vowel {
                'н'
            } else if voiceless {
                'т'
            } else {
                'д'
            },
            "ы",
            "і",
        ),
        Ending::Dative => (
            if voiceless {
                if front {
                    'к'
                } else {
                    'қ'
                }
            } else if front {
                'г'
            } else {
                'ғ'
            },
            "а",
            "е",
        ),
        Ending::Locative => (if voiceless { 'т' } else { 'д' }, "а", "е"),
        Ending::Ablative => (
            if voiceless {
                'т'
            } else if nasal {
                'н'
            } else {
                'д'
            },
            "ан",
            "ен",
        ),
        Ending::Instrumental => (
            if voiceless {
                'п'
            } else if vowel || sonorant {
                'м'
            } else {
                'б'
            },
            "ен",
            "ен",
        ),
        Ending::Attributive => (if voiceless { 'т' } else { 'д' }, "ағы", "егі"),
    };
    let mut out = String::with_capacity(w.len() + 8);
    out.push_str(w);
    out.push(first);
    out.push_str(if front { front_rest } else { back_rest });
    out
}

/// Syllables of one consonant and one vowel whose letters each have a Latin spelling of their
/// own: a name made of them is spelled in Latin as no other is.
const TAG_SYLLABLES: &[&str] = &[
    "ба", "бе", "бо", "да", "де", "до", "жа", "же", "жо", "ла", "ле", "ло", "ма", "ме", "мо", "на",
    "не", "но", "ра", "ре", "ро", "са", "се", "со", "та", "те", "то",
];

const SYLLABLES: &[&str] = &[
    "ба", "бе", "да", "де", "жа", "же", "қа", "ке", "ла", "ле", "ма", "ме", "на", "не", "са", "се",
    "та", "те", "ра", "ре", "ша", "ше", "ға", "ғы", "ты", "ті", "лы", "лі", "бы", "бі", "ды", "ді",
    "тар", "тер", "бол", "бер", "жан", "жең", "қор", "көр", "сал", "сел", "мұн", "мүн", "дық",
    "дік", "ұл", "ел", "ат", "ет", "ор", "өр", "құ", "кү", "шы", "ші", "бақ", "бек", "сұр", "сүр",
    "тұз", "түз", "ай", "ей",
];

/// The `id`-th novel word: distinct syllable strings (≥ 3 syllables, the id in base 64), with an
/// inflection half of the time, so new terms also show up inflected.
fn novel_word(id: u64, rng: &mut Rng) -> String {
    let mut n = id + 64 * 64; // at least three syllables
    let mut w = String::new();
    while n > 0 {
        w.push_str(SYLLABLES[(n % SYLLABLES.len() as u64) as usize]);
        n /= SYLLABLES.len() as u64;
    }
    if rng.unit() < 0.5 {
        w = inflect(&w, rng);
    }
    w
}

/// SplitMix64 finalizer: a good 64-bit mix for deterministic per-act and per-string draws.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a: stable across Rust versions (unlike `DefaultHasher`), so output stays reproducible.
fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A tiny deterministic generator (SplitMix64); hand-written so the scaled corpus for a seed is
/// the same on every machine and every version of any random-number crate.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflection_follows_harmony_and_voicing() {
        assert_eq!(attach("құжат", Ending::Plural, false), "құжаттар");
        assert_eq!(attach("адам", Ending::Plural, false), "адамдар");
        assert_eq!(attach("бала", Ending::Plural, false), "балалар");
        assert_eq!(attach("мекеме", Ending::Plural, true), "мекемелер");
        assert_eq!(attach("құжат", Ending::Dative, false), "құжатқа");
        assert_eq!(attach("адам", Ending::Genitive, false), "адамның");
        assert_eq!(attach("құжат", Ending::Genitive, false), "құжаттың");
        assert_eq!(attach("бала", Ending::Genitive, false), "баланың");
        assert_eq!(attach("құжат", Ending::Instrumental, false), "құжатпен");
        assert_eq!(attach("мекеме", Ending::Ablative, true), "мекемеден");
        assert_eq!(split_suffix("адамдардың"), ("адам", "дардың"));
    }

    #[test]
    fn numbers_keep_their_shape_and_map_consistently() {
        let a = rewrite_dates_numbers("№ 11-1-4/240 және № 11-1-4/240", 7, None);
        let parts: Vec<&str> = a.split(" және ").collect();
        assert_eq!(parts[0], parts[1]);
        assert_ne!(parts[0], "№ 11-1-4/240");
        assert!(Regex::new(r"^№ [1-9]\d-[1-9]-[1-9]/[1-9]\d\d$")
            .unwrap()
            .is_match(parts[0]));
        let b = make_header_number_unique("2018 жылғы 4 қаңтардағы № 11-1-4", 41).unwrap();
        assert!(b.ends_with("№ 42-1-4"), "{b}");
    }

    #[test]
    fn sentences_split_on_real_words_not_initials() {
        let s = split_sentences("Бұл бірінші сөйлем. Қ.С. Тыныбековке жүктелсін. Үшінші сөйлем.");
        assert_eq!(s.len(), 3, "{s:?}");
    }
}

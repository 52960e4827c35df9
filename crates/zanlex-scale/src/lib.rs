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
        let text = read_text(&path)?;
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

/// Every file below `dir`, recursively, in no particular order.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for (path, is_dir) in list_dir(dir)? {
        if is_dir {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// The entries of the template folder `dir`, each with whether it is a folder.
fn list_dir(dir: &Path) -> Result<Vec<(PathBuf, bool)>> {
    let listing_failed = |source| Error::Io {
        path: dir.to_path_buf(),
        what: "cannot read the template folder",
        source,
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(listing_failed)? {
        let entry = entry.map_err(listing_failed)?;
        out.push((
            entry.path(),
            entry.file_type().map_err(listing_failed)?.is_dir(),
        ));
    }
    Ok(out)
}

/// A template file's text.
fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        what: "cannot read the template",
        source,
    })?;
    String::from_utf8(bytes).map_err(|source| Error::NotUtf8 {
        path: path.to_path_buf(),
        source,
    })
}

/// Creates the output folder `out` if it is missing.
fn create_out(out: &Path) -> Result<()> {
    std::fs::create_dir_all(out).map_err(|source| Error::Io {
        path: out.to_path_buf(),
        what: "cannot create the output folder",
        source,
    })
}

/// Writes one file of an act, creating its folder if missing.
fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let write = || -> std::io::Result<()> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
        f.write_all(bytes)?;
        f.flush()
    };
    write().map_err(|source| Error::Io {
        path: path.to_path_buf(),
        what: "cannot write the act",
        source,
    })
}

/// Writes synthetic acts into `out` (created if missing) until about `bytes` bytes are written
/// (never more than one small act past it, usually within 1%), deterministically for `seed`.
pub fn write_corpus(
    templates: &[Template],
    out: &Path,
    bytes: u64,
    seed: u64,
) -> Result<ScaleReport> {
    create_out(out)?;
    let mut scaler = Scaler::new(templates, seed);
    let mut written = 0u64;
    let mut files = 0u64;
    while written < bytes {
        let Some(act) = scaler.next_act(bytes - written) else {
            break;
        };
        write_file(&out.join(&act.file_name), act.text.as_bytes())?;
        written += act.text.len() as u64;
        files += 1;
    }
    Ok(ScaleReport {
        files,
        bytes: written,
        tokens: scaler.words.heaps.tokens,
        novel_words: scaler.words.heaps.novel,
    })
}

/// Generates synthetic acts one at a time. State is a few counters and the templates' stem list,
/// so memory stays flat however many acts are drawn.
pub struct Scaler<'a> {
    templates: &'a [Template],
    picker: Picker,
    words: Rewriter,
    rng: Rng,
}

/// Picks the template of each act within the bytes left to write, and numbers the acts.
struct Picker {
    /// Each template's size in bytes.
    sizes: Vec<u64>,
    /// Template indices by size (ties by index): the templates that fit a budget are a prefix.
    by_size: Vec<usize>,
    seed: u64,
    /// Mixed into every act's seed, so the two layouts draw their acts' seeds apart.
    salt: u64,
    /// The next act's sequence number.
    seq: u64,
}

/// The template, sequence number and seed of the act [`Picker::next`] picked.
struct Pick {
    template: usize,
    seq: u64,
    act_seed: u64,
}

impl Picker {
    fn new(sizes: Vec<u64>, seed: u64, salt: u64) -> Self {
        let mut by_size: Vec<usize> = (0..sizes.len()).collect();
        by_size.sort_by_key(|&i| (sizes[i], i));
        Picker {
            sizes,
            by_size,
            seed,
            salt,
            seq: 0,
        }
    }

    /// The next act: from the template `drawn` when it fits in `budget` bytes, else from one
    /// drawn among those that fit (so the last acts fill the budget instead of overshooting
    /// it); `None` when even the smallest template does not fit.
    fn next(&mut self, drawn: usize, budget: u64, rng: &mut Rng) -> Option<Pick> {
        let mut template = drawn;
        if self.sizes[drawn] > budget {
            let fitting = self.by_size.partition_point(|&i| self.sizes[i] <= budget);
            if fitting == 0 {
                return None;
            }
            template = self.by_size[rng.below(fitting as u64) as usize];
        }
        let seq = self.seq;
        self.seq += 1;
        Some(Pick {
            template,
            seq,
            act_seed: mix(self.seed ^ mix(seq.wrapping_add(self.salt))),
        })
    }
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
        let sizes = templates.iter().map(|t| t.text.len() as u64).collect();
        Scaler {
            templates,
            picker: Picker::new(sizes, seed, 0x9e37_79b9),
            words: Rewriter::new(&Kazakh, templates.iter().map(|t| t.text.as_str())),
            rng: Rng::new(seed),
        }
    }

    /// The next act, picked among templates no larger than `budget` bytes when the usual pick
    /// would overshoot; `None` when even the smallest template does not fit.
    pub fn next_act(&mut self, budget: u64) -> Option<SyntheticAct> {
        let drawn = self.rng.below(self.templates.len() as u64) as usize;
        let Pick {
            template: ti,
            seq,
            act_seed,
        } = self.picker.next(drawn, budget, &mut self.rng)?;
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
        swap_paragraphs(&mut lines[header_end..], &Kazakh, |_, _| {
            rng.unit() < P_SWAP_PARAGRAPHS
        });
        shuffle_sentences(&mut lines[header_end..], t.format, &Kazakh, &mut self.rng);
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
            l = rewrite_names(&l, act_seed, Kazakh.name_roots());
            if i >= header_end && !Kazakh.is_protected_line(&l) {
                l = self.words.line(&l, &mut self.rng);
            }
            out.push_str(&l);
            out.push('\n');
        }
        out
    }
}

/// The rules by which one language's words are rewritten: which words may change, how they
/// inflect, what new words look like, which lines and paragraphs keep their place and words.
trait Language {
    /// Whether `w` may be rewritten: a lowercase word of the language's letters, 4+ long, that
    /// is no structural keyword.
    fn is_modifiable(&self, w: &str) -> bool;
    /// The stem a modifiable word lends to re-stemming other words, when it has one long enough.
    fn lent_stem(&self, w: &str) -> Option<String>;
    /// Another inflection of `w`'s stem.
    fn reinflect(&self, w: &str, rng: &mut Rng) -> String;
    /// `stem` with an ending.
    fn inflect(&self, stem: &str, rng: &mut Rng) -> String;
    /// The `id`-th novel word.
    fn novel_word(&self, id: u64, rng: &mut Rng) -> String;
    /// Surname roots, in the language's spelling.
    fn name_roots(&self) -> &'static [&'static str];
    /// Whether a line carries structure the ingestion relies on (headings, notes, tables,
    /// quotes of amending instructions): its words are left alone.
    fn is_protected_line(&self, l: &str) -> bool;
    /// Words that tie a paragraph to its place (approvals, rules, references to paragraphs).
    fn anchors(&self) -> &'static [&'static str];

    /// Whether a numbered paragraph may swap bodies with its neighbour: short, and no line of it
    /// is protected, quotes, holds an anchor or numbers a subsection.
    fn unit_is_movable(&self, unit: &[String]) -> bool {
        unit.len() <= 40
            && unit.iter().all(|l| {
                !self.is_protected_line(l)
                    && !l.contains(['"', '«', '»', '“', '”'])
                    && !self.anchors().iter().any(|a| l.contains(a))
                    && !starts_with_dotted_number(l)
            })
    }
}

/// Kazakh: words re-inflected with vowel harmony and voicing.
struct Kazakh;

impl Language for Kazakh {
    fn is_modifiable(&self, w: &str) -> bool {
        is_plain_word(w, "әғқңөұүһіё", &[PROTECTED_PREFIXES, &KK_MONTHS])
    }

    fn lent_stem(&self, w: &str) -> Option<String> {
        let (stem, ending) = split_suffix(w);
        (stem.chars().count() >= 4).then(|| devoice(stem, ending))
    }

    fn reinflect(&self, w: &str, rng: &mut Rng) -> String {
        let (stem, ending) = split_suffix(w);
        inflect(&devoice(stem, ending), rng)
    }

    fn inflect(&self, stem: &str, rng: &mut Rng) -> String {
        inflect(stem, rng)
    }

    /// Distinct syllable strings (≥ 3 syllables, the id in base 64), with an inflection half of
    /// the time, so new terms also show up inflected.
    fn novel_word(&self, id: u64, rng: &mut Rng) -> String {
        let w = spell(id + 64 * 64, SYLLABLES);
        if rng.unit() < 0.5 {
            inflect(&w, rng)
        } else {
            w
        }
    }

    fn name_roots(&self) -> &'static [&'static str] {
        NAME_ROOTS
    }

    fn is_protected_line(&self, l: &str) -> bool {
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

    fn anchors(&self) -> &'static [&'static str] {
        &["бекітілген", "Қағидалар", "тармақ"]
    }
}

/// A lowercase Cyrillic word (`а`–`я` and the `extra` letters) of 4+ letters that starts with
/// none of the `protected` prefixes.
fn is_plain_word(w: &str, extra: &str, protected: &[&[&str]]) -> bool {
    w.chars()
        .all(|c| ('а'..='я').contains(&c) || extra.contains(c))
        && w.chars().count() >= 4
        && !protected
            .iter()
            .flat_map(|p| p.iter())
            .any(|p| w.starts_with(p))
}

/// `n` in base `syllables.len()`, a syllable a digit: distinct numbers spell distinct words.
fn spell(mut n: u64, syllables: &[&str]) -> String {
    let base = syllables.len() as u64;
    let mut w = String::new();
    while n > 0 {
        w.push_str(syllables[(n % base) as usize]);
        n /= base;
    }
    w
}

/// Rewrites the body words of one language: its rules, the stems its templates lend, and its
/// Heaps-law counter (each language's vocabulary grows on its own).
struct Rewriter {
    lang: &'static dyn Language,
    /// The stems of the templates' modifiable words, sorted, each once.
    stems: Vec<String>,
    heaps: Heaps,
}

impl Rewriter {
    /// A rewriter of `lang` that re-stems with the stems of `texts`.
    fn new<'t>(lang: &'static dyn Language, texts: impl Iterator<Item = &'t str>) -> Self {
        let mut stems: Vec<String> = texts
            .flat_map(|text| text.split(|c: char| !c.is_alphabetic()))
            .filter(|w| lang.is_modifiable(w))
            .filter_map(|w| lang.lent_stem(w))
            .collect();
        stems.sort();
        stems.dedup();
        Rewriter {
            lang,
            stems,
            heaps: Heaps::new(),
        }
    }

    /// Re-inflects, re-stems or replaces words of one body line; counts its tokens for Heaps'
    /// law, and splices in a novel word whenever one is due.
    fn line(&mut self, line: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(line.len() + 16);
        let mut prev: Option<char> = None;
        let mut rest = line;
        while let Some(start) = rest.find(char::is_alphabetic) {
            out.push_str(&rest[..start]);
            if start > 0 {
                prev = rest[..start].chars().next_back();
            }
            let word_len = rest[start..]
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len() - start);
            let word = &rest[start..start + word_len];
            let after = rest[start + word_len..].chars().next();
            let heaps = &mut self.heaps;
            heaps.tokens += 1;
            // A word glued to a number or a hyphen, or before a dot, is part of a code or an
            // abbreviation.
            let glued = matches!(prev, Some(p) if p == '-' || p.is_ascii_digit())
                || matches!(after, Some('-') | Some('.'));
            let new = if glued || !self.lang.is_modifiable(word) {
                None
            } else if heaps.tokens >= heaps.next_novel_at {
                heaps.novel += 1;
                heaps.next_novel_at = heaps_due(heaps.novel + 1).max(heaps.tokens + 1);
                Some(self.lang.novel_word(heaps.novel, rng))
            } else {
                let r = rng.unit();
                if r < P_REINFLECT {
                    Some(self.lang.reinflect(word, rng))
                } else if r < P_REINFLECT + P_RESTEM && !self.stems.is_empty() {
                    self.restem(rng)
                } else if r < P_REINFLECT + P_RESTEM + P_NOVEL_REUSE && heaps.novel > 0 {
                    // Earlier novel terms recur, favouring recent ones (Zipf-like reuse).
                    let back = rng.below(heaps.novel.min(2000)) + 1;
                    let id = heaps.novel + 1 - back.min(heaps.novel);
                    Some(self.lang.novel_word(id, rng))
                } else {
                    None
                }
            };
            out.push_str(new.as_deref().unwrap_or(word));
            prev = word.chars().next_back();
            rest = &rest[start + word_len..];
        }
        out.push_str(rest);
        out
    }

    /// A stem from elsewhere in the corpus with an ending; `None` (and nothing drawn) when the
    /// templates lent no stem.
    fn restem(&self, rng: &mut Rng) -> Option<String> {
        if self.stems.is_empty() {
            return None;
        }
        let s = &self.stems[rng.below(self.stems.len() as u64) as usize];
        Some(self.lang.inflect(s, rng))
    }

    /// One more novel word, out of the Heaps-law turn (an amendment's new term).
    fn extra_novel(&mut self, rng: &mut Rng) -> String {
        self.heaps.novel += 1;
        self.lang.novel_word(self.heaps.novel, rng)
    }
}

/// `Бадесо ауданы бойынша `: a district named after the act's sequence number, unique per act,
/// in its Latin spelling too (an act without a number is known by its title's: `ұ` and `ү`
/// spell alike there, so the names are made of [`TAG_SYLLABLES`], which never do).
fn title_tag(seq: u64) -> String {
    let base = TAG_SYLLABLES.len() as u64;
    let name = spell(seq + base * base * base, TAG_SYLLABLES);
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

fn paragraph_start() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"^( {0,8})([1-9][0-9]{0,2})\. (\S.*)$").expect("static regex"))
}

/// Swaps the bodies of adjacent numbered paragraphs (`N.` then `N+1.`, same indent) when neither
/// holds headings, notes or quotes (`lang`'s rules say) and `swap(N, k)` says to (`k`: how many
/// pairs starting at a paragraph `N.` came before); the printed numbers stay in order.
fn swap_paragraphs(
    lines: &mut [String],
    lang: &dyn Language,
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
            && lang.unit_is_movable(&lines[a..b])
            && lang.unit_is_movable(&lines[b..c]);
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
/// continuation lines) that `lang`'s rules do not protect, re-wrapping to the original line
/// widths.
fn shuffle_sentences(
    lines: &mut [String],
    format: TemplateFormat,
    lang: &dyn Language,
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
        let eligible = block.iter().all(|l| {
            !lang.is_protected_line(l) && !l.contains(['"', '«', '»', '“', '”', '(', ')'])
        });
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

/// The alternation of Kazakh month names the date regexes match: [`KK_MONTHS`], and April as
/// some texts spell it, with a Latin `i`.
fn kk_month_names() -> String {
    format!("{}|сәуiр", KK_MONTHS.join("|"))
}

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
            Regex::new(&format!(r"\b([0-3]?[0-9])( (?:{}))", kk_month_names())).expect("static"),
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
    let (dmy, year, day, _) = date_regexes();
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
    rewrite_numbers(&s, act_seed, own)
}

/// Re-draws `№` numbers keeping their shape, the same original the same new number inside an
/// act (keyed by the act's seed); the act's `own` number gets `seq + 1` as its first digit run.
fn rewrite_numbers(line: &str, act_seed: u64, own: Option<OwnNumber<'_>>) -> String {
    if !line.contains('№') && !line.contains('N') {
        return line.to_string();
    }
    date_regexes()
        .3
        .replace_all(line, |c: &regex::Captures| {
            let sep = if c[0].contains(' ') { " " } else { "" };
            let mut n = reshape_number(&c[2], act_seed);
            if let Some(own) = own.filter(|o| o.original == &c[2]) {
                n = with_first_run(&n, own.seq + 1);
            }
            format!("{}{}{}", &c[1], sep, n)
        })
        .into_owned()
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
    // The ending's first consonant: one after a voiceless consonant, one after the letters
    // `soft` stands for (vowels, nasals or sonorants, by ending), another after the rest.
    let consonant = |after_voiceless, soft: bool, after_soft, otherwise| {
        if voiceless {
            after_voiceless
        } else if soft {
            after_soft
        } else {
            otherwise
        }
    };
    let (first, back_rest, front_rest) = match ending {
        Ending::Plural => (
            consonant('т', vowel || "руй".contains(last), 'л', 'д'),
            "ар",
            "ер",
        ),
        Ending::Genitive => (consonant('т', vowel || nasal, 'н', 'д'), "ың", "ің"),
        Ending::Accusative => (consonant('т', vowel, 'н', 'д'), "ы", "і"),
        Ending::Dative => {
            let (k, g) = if front { ('к', 'г') } else { ('қ', 'ғ') };
            (consonant(k, false, g, g), "а", "е")
        }
        Ending::Locative => (consonant('т', false, 'д', 'д'), "а", "е"),
        Ending::Ablative => (consonant('т', nasal, 'н', 'д'), "ан", "ен"),
        Ending::Instrumental => (consonant('п', vowel || sonorant, 'м', 'б'), "ен", "ен"),
        Ending::Attributive => (consonant('т', false, 'д', 'д'), "ағы", "егі"),
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

//! The mirror layout: synthetic acts laid out as the public mirror of the official database
//! (GitHub `kazakhstan-law/*`) lays out real ones, optionally with editions as git history.
//!
//! Each act is a folder `<repo>/<category>/<issuer…>/<year>/<mmdd>-<slug>-<act code>/` holding
//! `kaz.md`, `rus.md` and `meta.yaml`; a code too large for one file is split as the mirror
//! splits it: `kaz.md` holds the head of the text and a table of its parts (`## Части
//! документа`), the text goes on in `kaz/sec001.md`, `kaz/sec002.md` … (the same for `rus`).
//! Templates are real mirror folders (`tests/fixtures/mirror`, `tests/fixtures/split`): both
//! texts of a synthetic act are rewritten from the same template pair, so their articles and
//! paragraphs keep the same numbers, and its `meta.yaml` from the template's.
//!
//! What is rewritten, consistently inside an act (the same original maps to the same new value
//! in `kaz.md`, `rus.md` and `meta.yaml`):
//! - every date is moved by the act's own number of days (a week to six years back, so their
//!   order stays: registration after adoption, the edition after both), whatever its spelling:
//!   `2020 жылғы 15 желтоқсандағы` (the month's case ending follows the new month's vowel
//!   harmony), `15 декабря 2020 года`, `15.12.2020`, `2020-12-15`, a year alone (`2015 жылы`),
//!   a stamp's day in quotation marks (`2015 жылғы «27» наурыздағы`, `«27» марта 2015 года`:
//!   the texts' stamps then agree with meta.yaml, as zanlex checks);
//! - `№` numbers keep their shape with new digits; the act's own number (the requisite's)
//!   gets the act's sequence number as its first digit run, so no two acts share an id;
//! - surnames after initials are swapped (Kazakh and Russian spellings of the same roots);
//! - adjacent numbered paragraphs swap bodies (the same pairs in both languages where both
//!   allow it), sentences inside a paragraph are shuffled;
//! - Kazakh words are re-inflected and re-stemmed as in the flat layout; Russian words get
//!   other case endings; both languages get novel words at the Heaps-law rate, each with its
//!   own counter, so both vocabularies grow with the corpus;
//! - titles get a district name unique to the act (`Бадесо ауданы бойынша …`, `… по району
//!   Бадесо`), in the texts' `# ` heading and in meta.yaml's `title.kaz` / `title.rus`.
//!
//! Editions ([`MirrorOptions::editions`]): the output folder is made a git repository whose
//! history has that many commits, written with `git fast-import` (one stream, no checkout: the
//! files are written to the folder as they are made, and the same bytes streamed to it). The
//! first commit adds every act; each later one is an amending law (its trailers
//! `Cause-Act-Code` and `Cause-Act-Requisite`, as the mirror writes them) that rewords one
//! paragraph of each act it amends, in both languages, and updates meta.yaml's
//! `version_date`, `source` and `caused_by`. Commits are dated a few days apart from
//! [`FIRST_COMMIT`], after every date of the acts.

use super::*;
use chrono::{Datelike, Days, NaiveDate, NaiveTime, TimeDelta};
use std::collections::BTreeMap;

/// The day of the first commit of a corpus with editions: after every date an act is given
/// (the templates' dates go up to 2026-08-25 and are only ever moved back).
const FIRST_COMMIT: NaiveDate = NaiveDate::from_ymd_opt(2026, 9, 1).expect("a date");

/// Days between two commits of a corpus with editions.
const COMMIT_STEP_DAYS: u64 = 3;

/// The share of acts from templates that are not split that are written split into part files
/// (when their text has at least two `## ` headings after its title to split at).
const P_SPLIT: f64 = 0.15;

/// The weight of a split template (a code) beside a template in one file (1): codes are few
/// and long (the split template is 20 times the others' mean size), so they make about a
/// tenth of the bytes.
const SPLIT_WEIGHT: f64 = 0.03;

/// The act codes given to synthetic acts start here (real ones are below 300 000).
const ACT_CODE_BASE: u64 = 500_000;

/// The codes of the amending acts of a history start here.
const AMENDING_CODE_BASE: u64 = 400_000;

/// The heading under which a split text's head lists its parts.
const PARTS_HEADING: &str = "Части документа";

/// One file of a template's text: `kaz.md` (the whole text, or the head of a split one) or a
/// part (`kaz/sec001.md`), with its text.
#[derive(Debug, Clone)]
pub struct Segment {
    /// The path inside the act's folder.
    pub name: String,
    pub text: String,
}

/// One act folder of the mirror the scaler rewrites.
#[derive(Debug, Clone)]
pub struct MirrorTemplate {
    /// The folder it was read from.
    pub path: PathBuf,
    /// Its path below the folder it was found in (`codes/01-const-laws/1995/1218-…-104316`).
    pub rel: String,
    /// `meta.yaml`.
    pub meta: String,
    /// `kaz.md`, then its parts in order.
    pub kaz: Vec<Segment>,
    /// `rus.md`, then its parts in order.
    pub rus: Vec<Segment>,
}

impl MirrorTemplate {
    /// Whether the mirror split its texts into part files.
    pub fn is_split(&self) -> bool {
        self.kaz.len() > 1 || self.rus.len() > 1
    }

    /// The files of its text in `lang`.
    fn segments(&self, lang: Lang) -> &[Segment] {
        match lang {
            Lang::Kk => &self.kaz,
            Lang::Ru => &self.rus,
        }
    }

    fn size(&self) -> u64 {
        (self.meta.len()
            + self
                .kaz
                .iter()
                .chain(&self.rus)
                .map(|s| s.text.len())
                .sum::<usize>()) as u64
    }
}

/// What [`write_mirror`] makes besides the acts.
#[derive(Debug, Clone, Default)]
pub struct MirrorOptions {
    /// Write the corpus as a git repository with this many commits (the first adds every act,
    /// each later one amends some); `None`: plain folders, no repository.
    pub editions: Option<u32>,
    /// The share of acts each commit after the first amends (the first act written is amended
    /// by every one, so one act has every edition).
    pub amend_fraction: f64,
}

/// What [`write_mirror`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MirrorReport {
    /// Act folders.
    pub acts: u64,
    /// Texts zanlex reads as acts: `kaz.md` and `rus.md`, two per folder (a split text's head
    /// with its parts is one).
    pub texts: u64,
    /// Part files of split texts (`kaz/sec001.md` …).
    pub parts: u64,
    /// Act folders whose texts are split into parts.
    pub split_acts: u64,
    /// Every file written (texts, parts and meta.yaml; not the repository's).
    pub files: u64,
    /// Their bytes, as they are at the end (after the last commit's amendments).
    pub bytes: u64,
    /// Body word tokens seen by the Heaps-law counters (both languages).
    pub tokens: u64,
    /// Novel word types spliced in (both languages).
    pub novel_words: u64,
    /// Commits of the history (0 without editions).
    pub commits: u64,
    /// Acts amended by some commit, by act code, with how many editions each has (the first
    /// commit's and one a commit that amended it).
    pub editions: BTreeMap<String, u32>,
    /// Folders by repository (`codes`, `ministerial`, `local-…`).
    pub repos: BTreeMap<String, u64>,
}

/// One synthetic act of the mirror layout.
#[derive(Debug, Clone)]
pub struct MirrorAct {
    /// Index of the template it was made from.
    pub template: usize,
    /// Its code (`act_code` in meta.yaml, the number ending its folder's name).
    pub code: String,
    /// Its folder below the corpus folder.
    pub dir: String,
    /// Its files by path inside the folder: `meta.yaml`, `kaz.md`, the Kazakh parts, `rus.md`,
    /// the Russian parts.
    pub files: Vec<(String, String)>,
}

impl MirrorAct {
    /// Whether its texts are split into part files.
    pub fn is_split(&self) -> bool {
        self.files.iter().any(|(n, _)| n.contains('/'))
    }

    /// Its bytes.
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|(_, t)| t.len() as u64).sum()
    }
}

/// Reads every act folder under `dirs` (one holding `meta.yaml`, `kaz.md` and `rus.md`, and
/// the parts in `kaz/`, `rus/` when split), sorted by path.
pub fn load_mirror_templates(dirs: &[PathBuf]) -> Result<Vec<MirrorTemplate>> {
    let mut found: Vec<(PathBuf, String)> = Vec::new();
    for d in dirs {
        find_act_folders(d, d, &mut found)?;
    }
    found.sort();
    let mut out = Vec::new();
    for (path, rel) in found {
        let meta = read_text(&path.join("meta.yaml"))?;
        let kaz = read_segments(&path, "kaz")?;
        let rus = read_segments(&path, "rus")?;
        out.push(MirrorTemplate {
            path,
            rel,
            meta,
            kaz,
            rus,
        });
    }
    if out.is_empty() {
        return Err(Error::NoMirrorTemplates(crate::listed(dirs)));
    }
    Ok(out)
}

/// `kaz.md` and, when the folder `kaz/` is beside it, its `.md` parts by name.
fn read_segments(dir: &Path, lang: &str) -> Result<Vec<Segment>> {
    let mut out = vec![Segment {
        name: format!("{lang}.md"),
        text: read_text(&dir.join(format!("{lang}.md")))?,
    }];
    let parts = dir.join(lang);
    if parts.is_dir() {
        let mut names: Vec<PathBuf> = Vec::new();
        collect_files(&parts, &mut names)?;
        names.retain(|p| p.extension().is_some_and(|e| e == "md"));
        names.sort();
        for p in names {
            let file = p.file_name().map(|n| n.to_string_lossy().into_owned());
            out.push(Segment {
                name: format!("{lang}/{}", file.unwrap_or_default()),
                text: read_text(&p)?,
            });
        }
    }
    Ok(out)
}

fn find_act_folders(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, String)>) -> Result<()> {
    let is_act = ["meta.yaml", "kaz.md", "rus.md"]
        .iter()
        .all(|f| dir.join(f).is_file());
    if is_act {
        let rel = dir
            .strip_prefix(root)
            .unwrap_or(dir)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        out.push((dir.to_path_buf(), rel));
        return Ok(());
    }
    let hidden = |p: &Path| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
    };
    let mut subdirs: Vec<PathBuf> = list_dir(dir)?
        .into_iter()
        .filter(|(p, is_dir)| *is_dir && !hidden(p))
        .map(|(p, _)| p)
        .collect();
    subdirs.sort();
    for d in subdirs {
        find_act_folders(root, &d, out)?;
    }
    Ok(())
}

/// Writes synthetic mirror act folders into `out` (created if missing) until about `bytes`
/// bytes are written, deterministically for `seed`; with [`MirrorOptions::editions`], as a
/// git repository with that history (`out` must not hold one already).
pub fn write_mirror(
    templates: &[MirrorTemplate],
    out: &Path,
    bytes: u64,
    seed: u64,
    opts: &MirrorOptions,
) -> Result<MirrorReport> {
    create_out(out)?;
    let mut git = match opts.editions {
        Some(_) => Some(FastImport::start(out)?),
        None => None,
    };
    if let Some(g) = git.as_mut() {
        g.commit(FIRST_COMMIT, "Актілердің мәтіндері / Тексты актов\n")?;
    }
    let mut scaler = MirrorScaler::new(templates, seed);
    let mut report = MirrorReport::default();
    let mut written_acts: Vec<(String, String, Vec<String>)> = Vec::new();
    while report.bytes < bytes {
        let Some(act) = scaler.next_act(bytes - report.bytes) else {
            break;
        };
        for (name, text) in &act.files {
            let rel = format!("{}/{name}", act.dir);
            let path = out.join(&rel);
            write_file(&path, text.as_bytes())?;
            if let Some(g) = git.as_mut() {
                g.file(&rel, text.as_bytes())?;
            }
            report.files += 1;
            report.bytes += text.len() as u64;
            if name.contains('/') {
                report.parts += 1;
            } else if name.ends_with(".md") {
                report.texts += 1;
            }
        }
        report.acts += 1;
        report.split_acts += u64::from(act.is_split());
        let repo = act.dir.split('/').next().unwrap_or_default().to_string();
        *report.repos.entry(repo).or_default() += 1;
        if git.is_some() {
            let names = act.files.iter().map(|(n, _)| n.clone()).collect();
            written_acts.push((act.code.clone(), act.dir.clone(), names));
        }
    }
    if let (Some(mut g), Some(n)) = (git, opts.editions) {
        report.commits = 1;
        for k in 2..=u64::from(n.max(1)) {
            let day = commit_day(k);
            let cause = AmendingAct::new(k, day);
            g.commit(day, &cause.message())?;
            for (i, (code, dir, names)) in written_acts.iter().enumerate() {
                let h = mix(seed ^ mix(k << 32 ^ i as u64 ^ 0xed17));
                let amended = i == 0 || unit_of(h) < opts.amend_fraction;
                if !amended {
                    continue;
                }
                for (rel, old_len, text) in scaler.amend(out, dir, names, h, &cause)? {
                    let path = out.join(&rel);
                    write_file(&path, text.as_bytes())?;
                    g.file(&rel, text.as_bytes())?;
                    report.bytes = report.bytes - old_len + text.len() as u64;
                }
                *report.editions.entry(code.clone()).or_insert(1) += 1;
            }
            report.commits += 1;
        }
        g.finish()?;
    }
    report.tokens = scaler.kk.heaps.tokens + scaler.ru.heaps.tokens;
    report.novel_words = scaler.kk.heaps.novel + scaler.ru.heaps.novel;
    Ok(report)
}

/// The day of commit `k` (from 1) of a history.
fn commit_day(k: u64) -> NaiveDate {
    let days = Days::new(k.saturating_sub(1).saturating_mul(COMMIT_STEP_DAYS));
    // A history too long for the calendar stays on its last day rather than fail.
    FIRST_COMMIT
        .checked_add_days(days)
        .unwrap_or(NaiveDate::MAX)
}

/// Generates synthetic mirror acts one at a time (memory stays flat however many are drawn).
pub struct MirrorScaler<'a> {
    templates: &'a [MirrorTemplate],
    /// Cumulative weights of the templates, for drawing one.
    cumulative: Vec<f64>,
    picker: Picker,
    kk: Rewriter,
    ru: Rewriter,
    rng: Rng,
}

impl<'a> MirrorScaler<'a> {
    /// A scaler over `templates` (at least one) for `seed`.
    pub fn new(templates: &'a [MirrorTemplate], seed: u64) -> Self {
        let mut total = 0.0;
        let cumulative = templates
            .iter()
            .map(|t| {
                total += if t.is_split() { SPLIT_WEIGHT } else { 1.0 };
                total
            })
            .collect();
        let sizes = templates.iter().map(MirrorTemplate::size).collect();
        let texts = |lang| {
            templates
                .iter()
                .flat_map(move |t| t.segments(lang).iter().map(|s| s.text.as_str()))
        };
        MirrorScaler {
            templates,
            cumulative,
            picker: Picker::new(sizes, seed, 0x6d69_7272),
            kk: Rewriter::new(&Kazakh, texts(Lang::Kk)),
            ru: Rewriter::new(&Russian, texts(Lang::Ru)),
            rng: Rng::new(seed ^ 0x6d69_7272_6f72),
        }
    }

    /// The rewriter of `lang`'s words, and the generator it draws from.
    fn words(&mut self, lang: Lang) -> (&mut Rewriter, &mut Rng) {
        let words = match lang {
            Lang::Kk => &mut self.kk,
            Lang::Ru => &mut self.ru,
        };
        (words, &mut self.rng)
    }

    /// The next act, from a template no larger than `budget` bytes when the usual pick would
    /// overshoot; `None` when even the smallest template does not fit.
    pub fn next_act(&mut self, budget: u64) -> Option<MirrorAct> {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = self.rng.unit() * total;
        let drawn = self
            .cumulative
            .iter()
            .position(|&c| x < c)
            .unwrap_or(self.templates.len() - 1);
        let pick = self.picker.next(drawn, budget, &mut self.rng)?;
        Some(self.rewrite(pick.template, pick.seq, pick.act_seed))
    }

    fn rewrite(&mut self, ti: usize, seq: u64, act_seed: u64) -> MirrorAct {
        let t = &self.templates[ti];
        let code = (ACT_CODE_BASE + seq).to_string();
        let own_number = t
            .meta
            .lines()
            .find_map(|l| l.strip_prefix("requisite:"))
            .and_then(|r| date_regexes().3.captures(r).map(|c| c[2].to_string()));
        let ctx = ActCtx {
            seq,
            act_seed,
            shift: -(7 + (mix(act_seed ^ 0xda7e) % (6 * 365)) as i64),
            own: own_number,
        };
        let mut kaz = self.rewrite_text(&t.kaz, Lang::Kk, &ctx);
        let mut rus = self.rewrite_text(&t.rus, Lang::Ru, &ctx);
        if !t.is_split() && unit_of(mix(act_seed ^ 0x5b17)) <= P_SPLIT {
            let parts = 2 + (mix(act_seed ^ 0x9a27) % 3) as usize;
            if let (Some(k), Some(r)) = (
                split_text(&kaz[0].1, "kaz", parts),
                split_text(&rus[0].1, "rus", parts),
            ) {
                kaz = k;
                rus = r;
            }
        }
        let meta = rewrite_meta(&t.meta, &ctx, &code);
        // The folder: the template's repository, category and issuer, the act's new year, day
        // and code.
        let approved = meta
            .lines()
            .find_map(|l| l.strip_prefix("approved_on:"))
            .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
        let comps: Vec<&str> = t.rel.split('/').collect();
        let prefix = if comps.len() > 2 {
            comps[..comps.len() - 2].join("/")
        } else {
            "acts".to_string()
        };
        let folder = comps.last().copied().unwrap_or("act");
        let slug = folder
            .split_once('-')
            .map_or(folder, |(_, rest)| rest)
            .rsplit_once('-')
            .map_or(folder, |(s, _)| s);
        let (y, m, d) = approved.map_or((2000, 1, 1), |a| (a.year(), a.month(), a.day()));
        let dir = format!("{prefix}/{y}/{m:02}{d:02}-{slug}-{code}");
        let mut files = vec![("meta.yaml".to_string(), meta)];
        files.extend(kaz);
        files.extend(rus);
        MirrorAct {
            template: ti,
            code,
            dir,
            files,
        }
    }

    /// One language's files of an act: the head (with its table of parts rewritten when the
    /// template is split) and the parts.
    fn rewrite_text(
        &mut self,
        segs: &[Segment],
        lang: Lang,
        ctx: &ActCtx,
    ) -> Vec<(String, String)> {
        let mut out = Vec::with_capacity(segs.len());
        for (k, seg) in segs.iter().enumerate() {
            let head = k == 0;
            let mut lines: Vec<String> = seg.text.lines().map(str::to_string).collect();
            if head {
                if let Some(at) = lines.iter().position(|l| is_parts_heading(l)) {
                    lines.truncate(at);
                }
            }
            let header_end = if head {
                match lines.iter().position(|l| l.starts_with("# ")) {
                    Some(t) => {
                        lines[t] = tag_heading(&lines[t], lang, ctx.seq);
                        t + 1
                    }
                    None => 0,
                }
            } else {
                0
            };
            let (words, rng) = self.words(lang);
            let rules = words.lang;
            let act_seed = ctx.act_seed;
            let segment = k as u64;
            swap_paragraphs(&mut lines[header_end..], rules, |n, nth| {
                let h = mix(act_seed ^ mix(segment << 48 ^ u64::from(n) << 16 ^ u64::from(nth)));
                unit_of(h) < P_SWAP_PARAGRAPHS
            });
            shuffle_sentences(
                &mut lines[header_end..],
                TemplateFormat::Markdown,
                rules,
                rng,
            );
            let own = ctx.own.as_deref().map(|n| OwnNumber {
                original: n,
                seq: ctx.seq,
            });
            let mut text = String::with_capacity(seg.text.len() + seg.text.len() / 16);
            for (i, line) in lines.iter().enumerate() {
                let l = rewrite_dates(line, ctx.shift);
                let l = rewrite_numbers(&l, ctx.act_seed, own);
                let mut l = rewrite_names(&l, ctx.act_seed, rules.name_roots());
                if i >= header_end
                    && !rules.is_protected_line(&l)
                    && !l.trim_start().starts_with('↑')
                {
                    l = words.line(&l, rng);
                }
                text.push_str(&l);
                text.push('\n');
            }
            out.push((seg.name.clone(), text));
        }
        if out.len() > 1 {
            let prefix = lang.folder();
            let listed: Vec<(String, String)> = out[1..]
                .iter()
                .map(|(n, t)| {
                    let file = n
                        .strip_prefix(&format!("{prefix}/"))
                        .unwrap_or(n)
                        .to_string();
                    (file, part_title(t))
                })
                .collect();
            end_with_parts_table(&mut out[0].1, prefix, &listed);
        }
        out
    }

    /// Amends the act in folder `dir` (files `names`) for commit `cause`: one paragraph of each
    /// language reworded (a part's, when split; the same paragraph number in both where both
    /// have it), and its meta.yaml dated and caused by `cause`. Gives (path below `out`, the
    /// file's length before, its new text) of each file changed.
    fn amend(
        &mut self,
        out: &Path,
        dir: &str,
        names: &[String],
        h: u64,
        cause: &AmendingAct,
    ) -> Result<Vec<(String, u64, String)>> {
        let mut changed = Vec::new();
        let pick = |lang: &str| -> Option<String> {
            let parts: Vec<&String> = names
                .iter()
                .filter(|n| n.starts_with(&format!("{lang}/")))
                .collect();
            if parts.is_empty() {
                names.iter().find(|n| **n == format!("{lang}.md")).cloned()
            } else {
                Some(parts[(h >> 20) as usize % parts.len()].clone())
            }
        };
        let mut label: Option<(String, usize)> = None;
        for lang in [Lang::Kk, Lang::Ru] {
            let Some(name) = pick(lang.folder()) else {
                continue;
            };
            let rel = format!("{dir}/{name}");
            let old = read_text(&out.join(&rel))?;
            let new = self.reword(&old, lang, h, &mut label);
            changed.push((rel, old.len() as u64, new));
        }
        let rel = format!("{dir}/meta.yaml");
        let old = read_text(&out.join(&rel))?;
        let new = amend_meta(&old, cause);
        changed.push((rel, old.len() as u64, new));
        Ok(changed)
    }

    /// `text` with one numbered paragraph reworded: the paragraph numbered as `label` says
    /// (its number and how many paragraphs so numbered come before it) when the text has
    /// it, else one picked by `h` (and `label` set to it); some of its words get other
    /// endings and a novel word is spliced in, so the edition always differs.
    fn reword(
        &mut self,
        text: &str,
        lang: Lang,
        h: u64,
        label: &mut Option<(String, usize)>,
    ) -> String {
        let (words, rng) = self.words(lang);
        let rules = words.lang;
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let re = amend_paragraph();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let mut candidates: Vec<(usize, String, usize)> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if let Some(c) = re.captures(l) {
                if rules.is_protected_line(l) {
                    continue;
                }
                let n = seen.entry(c[2].to_string()).or_insert(0);
                candidates.push((i, c[2].to_string(), *n));
                *n += 1;
            }
        }
        let chosen = label
            .as_ref()
            .and_then(|(n, nth)| candidates.iter().find(|(_, m, k)| m == n && k == nth))
            .or_else(|| {
                (!candidates.is_empty()).then(|| &candidates[(h >> 8) as usize % candidates.len()])
            })
            .cloned();
        let novel = words.extra_novel(rng);
        match chosen {
            Some((i, n, nth)) => {
                if label.is_none() {
                    *label = Some((n, nth));
                }
                let line = &lines[i];
                let c = re.captures(line).expect("a candidate matches");
                let body_at = c.get(3).map_or(line.len(), |m| m.start());
                let (num, body) = line.split_at(body_at);
                let mut reworded: Vec<String> = Vec::new();
                for (j, w) in body.split(' ').enumerate() {
                    let core = w.trim_end_matches(|c: char| !c.is_alphabetic());
                    let tail = &w[core.len()..];
                    let modifiable = rules.is_modifiable(core);
                    let new = if modifiable && rng.unit() < 0.3 {
                        Some(rules.reinflect(core, rng))
                    } else if modifiable && rng.unit() < 0.05 {
                        words.restem(rng)
                    } else {
                        None
                    };
                    reworded.push(new.map_or_else(|| w.to_string(), |r| format!("{r}{tail}")));
                    if j == 0 {
                        reworded.push(novel.clone());
                    }
                }
                lines[i] = format!("{num}{}", reworded.join(" "));
            }
            None => {
                // No numbered paragraph: the text gets one more sentence at its end.
                let sentence = match lang {
                    Lang::Kk => format!("{novel} толықтырылды."),
                    Lang::Ru => format!("Дополнено {novel}."),
                };
                lines.push(String::new());
                lines.push(sentence);
            }
        }
        let mut out = lines.join("\n");
        out.push('\n');
        out
    }
}

/// The language of one of an act's two texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Kk,
    Ru,
}

impl Lang {
    /// The name of its text in an act's folder (`kaz.md`, `kaz/…`).
    fn folder(self) -> &'static str {
        match self {
            Lang::Kk => "kaz",
            Lang::Ru => "rus",
        }
    }
}

/// A hash as a number in `[0, 1)`.
fn unit_of(h: u64) -> f64 {
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// What rewriting an act needs besides the scaler.
struct ActCtx {
    seq: u64,
    act_seed: u64,
    /// Days every date of the act moves by (negative: back).
    shift: i64,
    /// The number the template's requisite gives its act.
    own: Option<String>,
}

/// `N. text` (also `N-M.`, `N\.`): a numbered paragraph an amendment may reword.
fn amend_paragraph() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^( {0,8})([1-9][0-9]{0,2}(?:-[0-9]{1,3})?)\\?\. (\S.{20,})$")
            .expect("static regex")
    })
}

fn is_parts_heading(line: &str) -> bool {
    line.trim_start_matches('#').trim() == PARTS_HEADING
}

/// The first heading of a part (its section or chapter), without its marks.
fn part_title(text: &str) -> String {
    text.lines()
        .find(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().replace('|', "/"))
        .unwrap_or_default()
}

/// Ends a split text's `head` with the table of its `parts` (file name and title each), after
/// one blank line, as the mirror writes it (in Russian in both languages' heads).
fn end_with_parts_table(head: &mut String, lang: &str, parts: &[(String, String)]) {
    let kept = head.trim_end().len();
    head.truncate(kept);
    let _ = write!(
        head,
        "\n\n## {PARTS_HEADING}\n\n\
         Документ разбит на части: целиком он слишком велик, чтобы GitHub его показал.\n\
         Каждая часть — это отдельный файл рядом с этим, и вместе они составляют полный\n\
         текст редакции.\n\n\
         | Часть | Название |\n|---|---|\n"
    );
    for (file, title) in parts {
        let stem = file.strip_suffix(".md").unwrap_or(file);
        let _ = writeln!(head, "| [`{stem}`]({lang}/{file}) | {title} |");
    }
}

/// Splits a rewritten text in one file into a head and `parts` part files (fewer when it has
/// fewer places to split at) at its `## ` headings after the title, as the mirror splits a
/// long text: the head keeps what comes before the first and ends with the table of parts,
/// each part opens with a link back to the head. `None` when the text has fewer than two such
/// headings. The head and the parts, joined, are the text.
fn split_text(text: &str, lang: &str, parts: usize) -> Option<Vec<(String, String)>> {
    let lines: Vec<&str> = text.lines().collect();
    let title = lines.iter().position(|l| l.starts_with("# "))?;
    let mut fence = false;
    let mut points = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.trim_start().starts_with("```") {
            fence = !fence;
        }
        if i > title && !fence && l.starts_with("## ") && !is_parts_heading(l) {
            points.push(i);
        }
    }
    if points.len() < 2 {
        return None;
    }
    let n = parts.min(points.len());
    let starts: Vec<usize> = (0..n).map(|j| points[j * points.len() / n]).collect();
    let back = match lang {
        "kaz" => "↑ [Редакцияның толық мәтіні](../kaz.md)",
        _ => "↑ [Вся редакция](../rus.md)",
    };
    let mut files = Vec::with_capacity(n + 1);
    let mut listed = Vec::with_capacity(n);
    for (j, &s) in starts.iter().enumerate() {
        let e = starts.get(j + 1).copied().unwrap_or(lines.len());
        let file = format!("ch{:03}.md", j + 1);
        let mut body = format!("{back}\n\n");
        for l in &lines[s..e] {
            body.push_str(l);
            body.push('\n');
        }
        listed.push((file.clone(), part_title(&body)));
        files.push((format!("{lang}/{file}"), body));
    }
    let mut head = lines[..starts[0]].join("\n");
    end_with_parts_table(&mut head, lang, &listed);
    files.insert(0, (format!("{lang}.md"), head));
    Some(files)
}

/// A title with the act's district tag: in front in Kazakh (`Бадесо ауданы бойынша …`), after
/// it in Russian (`… по району Бадесо`).
fn tag_title_value(title: &str, lang: Lang, seq: u64) -> String {
    match lang {
        Lang::Kk => format!("{}{title}", title_tag(seq)),
        Lang::Ru => format!("{title}{}", title_tag_ru(seq)),
    }
}

/// ` по району Бадесо`: [`title_tag`]'s district, in Russian.
fn title_tag_ru(seq: u64) -> String {
    let tag = title_tag(seq);
    let name = tag.split(' ').next().unwrap_or_default();
    let unit = ["району", "городу", "области"][(seq % 3) as usize];
    format!(" по {unit} {name}")
}

/// The `# ` title line tagged.
fn tag_heading(line: &str, lang: Lang, seq: u64) -> String {
    let title = line.strip_prefix("# ").unwrap_or(line);
    format!("# {}", tag_title_value(title.trim_end(), lang, seq))
}

/// A YAML scalar (plain or quoted) with the act's tag put inside its quotes.
fn tag_yaml_value(value: &str, lang: Lang, seq: u64) -> String {
    for q in ['\'', '"'] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return match lang {
                Lang::Kk => format!("{q}{}{inner}{q}", title_tag(seq)),
                Lang::Ru => {
                    // A title quoted for its trailing space keeps it last.
                    let trimmed = inner.trim_end();
                    let space = &inner[trimmed.len()..];
                    format!("{q}{trimmed}{}{space}{q}", title_tag_ru(seq))
                }
            };
        }
    }
    tag_title_value(value, lang, seq)
}

/// The template's meta.yaml for the act: its code, requisite, dates and addresses rewritten as
/// its texts are, its titles tagged.
fn rewrite_meta(meta: &str, ctx: &ActCtx, code: &str) -> String {
    let own = ctx.own.as_deref().map(|n| OwnNumber {
        original: n,
        seq: ctx.seq,
    });
    let mut section = String::new();
    let mut out = String::with_capacity(meta.len() + 128);
    let old_code = meta
        .lines()
        .find_map(|l| l.strip_prefix("act_code:"))
        .map(|c| c.trim().trim_matches(['\'', '"']).to_string())
        .unwrap_or_default();
    let cause_code = meta
        .lines()
        .skip_while(|l| !l.starts_with("caused_by:"))
        .find_map(|l| l.trim_start().strip_prefix("code:"))
        .map(|c| c.trim().trim_matches(['\'', '"']).to_string());
    // The amending act is no act of the corpus: a code of its own range.
    let new_cause_code = cause_code
        .as_deref()
        .map(|c| format!("3{:05}", mix(ctx.act_seed ^ hash_str(c)) % 100_000));
    for line in meta.lines() {
        let indent = line.len() - line.trim_start().len();
        let (key, value) = line
            .trim_start()
            .split_once(':')
            .map_or((line.trim(), ""), |(k, v)| (k.trim(), v.trim()));
        let rewritten = if indent == 0 {
            section = key.to_string();
            match key {
                "act_code" => format!("act_code: '{code}'"),
                "approved_by" | "type_codes" | "form" => line.to_string(),
                _ => rewrite_numbers(&rewrite_dates(line, ctx.shift), ctx.act_seed, own),
            }
        } else {
            match (section.as_str(), key) {
                ("title", "kaz") if indent == 2 => {
                    format!("  kaz: {}", tag_yaml_value(value, Lang::Kk, ctx.seq))
                }
                ("title", "rus") if indent == 2 => {
                    format!("  rus: {}", tag_yaml_value(value, Lang::Ru, ctx.seq))
                }
                ("approved_by" | "type_codes", _) => line.to_string(),
                ("source", _) => rewrite_dates(
                    &line.replace(&format!("/doc/{old_code}/"), &format!("/doc/{code}/")),
                    ctx.shift,
                ),
                ("caused_by", "code") if indent == 2 => {
                    format!(
                        "  code: '{}'",
                        new_cause_code.as_deref().unwrap_or("300000")
                    )
                }
                ("caused_by", "link") if indent == 2 => match (&cause_code, &new_cause_code) {
                    (Some(c), Some(n)) => {
                        line.replace(&format!("/doc/{c}/"), &format!("/doc/{n}/"))
                    }
                    _ => line.to_string(),
                },
                _ => rewrite_numbers(&rewrite_dates(line, ctx.shift), ctx.act_seed, own),
            }
        };
        out.push_str(&rewritten);
        out.push('\n');
    }
    out
}

/// The amending act of commit `k` of a history.
struct AmendingAct {
    code: String,
    /// The day it took effect: the commit's date.
    day: NaiveDate,
    requisite: String,
    title_rus: String,
    title_kaz: String,
}

impl AmendingAct {
    fn new(k: u64, day: NaiveDate) -> Self {
        AmendingAct {
            code: (AMENDING_CODE_BASE + k).to_string(),
            day,
            requisite: format!(
                "Закон Республики Казахстан от {} {} {} года № {k}-VIII ЗРК",
                day.day(),
                ru_month_of(day),
                day.year()
            ),
            title_rus: format!(
                "О внесении изменений и дополнений в некоторые законодательные акты Республики Казахстан ({k})"
            ),
            title_kaz: format!(
                "Қазақстан Республикасының кейбір заңнамалық актілеріне өзгерістер мен толықтырулар енгізу туралы ({k})"
            ),
        }
    }

    /// The commit message: its number and title, then the trailers zanlex reads the cause from.
    fn message(&self) -> String {
        let k = self.code.parse::<u64>().unwrap_or(0) - AMENDING_CODE_BASE;
        format!(
            "№{k}-VIII {}\n\nCause-Act-Code: {}\nCause-Act-Requisite: {}\n",
            self.title_rus, self.code, self.requisite
        )
    }
}

/// meta.yaml dated to `cause`'s day and caused by it: `version_date`, the dates of the
/// `source` addresses, and `caused_by` (replaced, or added last).
fn amend_meta(meta: &str, cause: &AmendingAct) -> String {
    let (y, m, d) = (cause.day.year(), cause.day.month(), cause.day.day());
    let iso = format!("{y}-{m:02}-{d:02}");
    let dmy = format!("{d:02}.{m:02}.{y}");
    let mut out = String::with_capacity(meta.len() + 512);
    let mut section = String::new();
    for line in meta.lines() {
        let indent = line.len() - line.trim_start().len();
        if indent == 0 {
            section = line.split(':').next().unwrap_or_default().to_string();
        }
        if section == "caused_by" {
            continue;
        }
        if indent > 0 && section == "version_date" {
            let key = line.trim_start().split(':').next().unwrap_or_default();
            let _ = writeln!(out, "  {key}: {iso}");
        } else if indent > 0 && section == "source" {
            let base = line.rsplit_once('/').map_or(line, |(b, _)| b);
            let _ = writeln!(out, "{base}/{dmy}");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    let _ = write!(
        out,
        "caused_by:\n  code: '{}'\n  requisite: {}\n  title:\n    rus: {}\n    kaz: {}\n  link: https://zan.gov.kz/client/#!/doc/{}/rus\n",
        cause.code, cause.requisite, cause.title_rus, cause.title_kaz, cause.code
    );
    out
}

/// `git fast-import` fed one commit at a time: the history written as a stream, never a
/// checkout or a commit per file.
struct FastImport {
    child: std::process::Child,
    stdin: Option<std::io::BufWriter<std::process::ChildStdin>>,
    dir: PathBuf,
    commits: u64,
}

impl FastImport {
    fn git(dir: &Path) -> std::process::Command {
        let mut c = std::process::Command::new("git");
        c.current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_TERMINAL_PROMPT", "0");
        c
    }

    fn failed(dir: &Path, what: &'static str, e: impl std::fmt::Display) -> Error {
        Error::Io {
            path: dir.to_path_buf(),
            what,
            source: std::io::Error::other(e.to_string()),
        }
    }

    fn run(dir: &Path, args: &[&str]) -> Result<()> {
        let out = Self::git(dir)
            .args(args)
            .output()
            .map_err(|e| Self::failed(dir, "cannot run git (is it installed?)", e))?;
        if !out.status.success() {
            return Err(Self::failed(
                dir,
                "git failed",
                format!(
                    "git {}: {}",
                    args.join(" "),
                    String::from_utf8_lossy(&out.stderr).trim()
                ),
            ));
        }
        Ok(())
    }

    fn start(dir: &Path) -> Result<Self> {
        if dir.join(".git").exists() {
            return Err(Self::failed(
                dir,
                "cannot write a history",
                "the folder already holds a git repository; give a new folder",
            ));
        }
        Self::run(dir, &["init", "-q"])?;
        Self::run(dir, &["symbolic-ref", "HEAD", "refs/heads/main"])?;
        let mut child = Self::git(dir)
            .args(["fast-import", "--quiet", "--done"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .map_err(|e| Self::failed(dir, "cannot run git fast-import", e))?;
        let stdin = child
            .stdin
            .take()
            .map(|s| std::io::BufWriter::with_capacity(1 << 20, s));
        Ok(FastImport {
            child,
            stdin,
            dir: dir.to_path_buf(),
            commits: 0,
        })
    }

    fn out(&mut self) -> Result<&mut std::io::BufWriter<std::process::ChildStdin>> {
        let dir = self.dir.clone();
        self.stdin
            .as_mut()
            .ok_or_else(|| Self::failed(&dir, "git fast-import", "its input is closed"))
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        let dir = self.dir.clone();
        self.out()?
            .write_all(bytes)
            .map_err(|e| Self::failed(&dir, "cannot write to git fast-import", e))
    }

    /// Opens a commit dated `day` (at midnight in Kazakhstan, +05:00) with `message`; the files
    /// given next are its changes.
    fn commit(&mut self, day: NaiveDate, message: &str) -> Result<()> {
        self.commits += 1;
        let ts = day.and_time(NaiveTime::MIN).and_utc().timestamp() - 5 * 3600;
        let who = format!("zanlex-scale <corpus@zanlex-scale.invalid> {ts} +0500");
        let head = format!(
            "commit refs/heads/main\nmark :{}\nauthor {who}\ncommitter {who}\ndata {}\n{message}\n",
            self.commits,
            message.len()
        );
        self.write(head.as_bytes())
    }

    /// A file of the open commit.
    fn file(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        let head = format!("M 100644 inline {path}\ndata {}\n", bytes.len());
        self.write(head.as_bytes())?;
        self.write(bytes)?;
        self.write(b"\n")
    }

    /// Ends the stream, waits for git, and makes the folder's index match `HEAD` (the files
    /// are already there), so it is a clean checkout.
    fn finish(mut self) -> Result<()> {
        self.write(b"done\n")?;
        let dir = self.dir.clone();
        if let Some(mut s) = self.stdin.take() {
            s.flush()
                .map_err(|e| Self::failed(&dir, "cannot write to git fast-import", e))?;
        }
        let status = self
            .child
            .wait()
            .map_err(|e| Self::failed(&dir, "git fast-import", e))?;
        if !status.success() {
            return Err(Self::failed(&dir, "git fast-import failed", status));
        }
        Self::run(&dir, &["reset", "-q"])
    }
}

impl Drop for FastImport {
    fn drop(&mut self) {
        // An error left the stream open: closing it ends git (which keeps nothing half done).
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
}

// Dates.

const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// `y-m-d` moved by `shift` days; `None` when it is no date (`31 ақпан`).
fn shifted(y: i64, m: u32, d: u32, shift: i64) -> Option<NaiveDate> {
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    date.checked_add_signed(TimeDelta::try_days(shift)?)
}

/// The number (from 1) of a Russian month named in the genitive (`декабря`).
fn ru_month(name: &str) -> u32 {
    RU_MONTHS.iter().position(|m| *m == name).unwrap_or(0) as u32 + 1
}

/// The genitive name of `date`'s month in Russian.
fn ru_month_of(date: NaiveDate) -> &'static str {
    RU_MONTHS[date.month0() as usize]
}

fn kk_month(name: &str) -> Option<u32> {
    let name = name.replace('i', "і");
    KK_MONTHS
        .iter()
        .position(|m| *m == name)
        .map(|i| i as u32 + 1)
}

fn date_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        let kk = kk_month_names();
        let ru = RU_MONTHS.join("|");
        Regex::new(&format!(
            r"(?x)
            \b(?P<ky>(?:1[89]|20)[0-9]{{2}})(?P<kw>\ (?:жылғы|жылы|жылдың)\ )(?P<kq>«?)(?P<kd>[0-3]?[0-9])(?P<kr>»?)\ (?P<km>{kk})(?P<ks>\p{{Ll}}*)
          | (?P<rq>«?)\b(?P<rd>[0-3]?[0-9])(?P<rr>»?)\ (?P<rm>{ru})(?P<rw>\s+)(?P<ry>(?:1[89]|20)[0-9]{{2}})\b
          | \b(?P<dd>[0-3]?[0-9])\.(?P<dm>[01][0-9])\.(?P<dy>(?:1[89]|20)[0-9]{{2}})\b
          | \b(?P<iy>(?:1[89]|20)[0-9]{{2}})-(?P<im>[01][0-9])-(?P<id>[0-3][0-9])\b
          | \b(?P<yy>(?:1[89]|20)[0-9]{{2}})(?P<yw>\ (?:жыл|год))
          | \b(?P<zd>[0-3]?[0-9])\ (?P<zm>{kk})(?P<zs>\p{{Ll}}*)
          | \b(?P<qd>[0-3]?[0-9])\ (?P<qm>{ru})\b
            "
        ))
        .expect("static regex")
    })
}

/// The Kazakh case ending of a month name (`желтоқсан|дағы`), as the ending to put on
/// another month; `Some(None)` for none, `None` when it is none of the dates' endings.
fn month_ending(suffix: &str) -> Option<Option<Ending>> {
    if suffix.is_empty() {
        return Some(None);
    }
    let e = match suffix {
        "дағы" | "дегі" | "тағы" | "тегі" => Ending::Attributive,
        "да" | "де" | "та" | "те" => Ending::Locative,
        "дан" | "ден" | "тан" | "тен" | "нан" | "нен" => Ending::Ablative,
        "ға" | "ге" | "қа" | "ке" => Ending::Dative,
        "ның" | "нің" | "дың" | "дің" | "тың" | "тің" => Ending::Genitive,
        _ => return None,
    };
    Some(Some(e))
}

/// The Kazakh name of `date`'s month with `ending` (harmony and voicing of its last letters).
fn kk_month_with(date: NaiveDate, ending: Option<Ending>) -> String {
    let name = KK_MONTHS[date.month0() as usize];
    match ending {
        None => name.to_string(),
        Some(e) => attach(name, e, is_front(name)),
    }
}

/// Moves every date of `line` by `shift` days, in whatever spelling it is written; a year
/// alone moves as its 1 July would. Dates that are none (`31 ақпан`) stay.
fn rewrite_dates(line: &str, shift: i64) -> String {
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return line.to_string();
    }
    date_regex()
        .replace_all(line, |c: &regex::Captures| {
            moved_date(c, shift).unwrap_or_else(|| c[0].to_string())
        })
        .into_owned()
}

/// The date [`date_regex`] matched, moved by `shift` days and spelled as it was; `None` when it
/// is no date.
fn moved_date(c: &regex::Captures, shift: i64) -> Option<String> {
    let num = |k: &str| -> i64 { c.name(k).map_or(0, |m| m.as_str().parse().unwrap_or(0)) };
    let at = |y: i64, m: u32, d: &str| shifted(y, m, num(d) as u32, shift);
    let spelled = if c.name("ky").is_some() {
        let (m, ending) = (kk_month(&c["km"])?, month_ending(&c["ks"])?);
        let t = at(num("ky"), m, "kd")?;
        format!(
            "{}{}{}{}{} {}",
            t.year(),
            &c["kw"],
            &c["kq"],
            t.day(),
            &c["kr"],
            kk_month_with(t, ending)
        )
    } else if c.name("rd").is_some() {
        let t = at(num("ry"), ru_month(&c["rm"]), "rd")?;
        format!(
            "{}{}{} {}{}{}",
            &c["rq"],
            t.day(),
            &c["rr"],
            ru_month_of(t),
            &c["rw"],
            t.year()
        )
    } else if c.name("dd").is_some() {
        let t = at(num("dy"), num("dm") as u32, "dd")?;
        if c["dd"].len() == 1 {
            format!("{}.{:02}.{}", t.day(), t.month(), t.year())
        } else {
            format!("{:02}.{:02}.{}", t.day(), t.month(), t.year())
        }
    } else if c.name("iy").is_some() {
        let t = at(num("iy"), num("im") as u32, "id")?;
        format!("{}-{:02}-{:02}", t.year(), t.month(), t.day())
    } else if c.name("yy").is_some() {
        let t = shifted(num("yy"), 7, 1, shift)?;
        format!("{}{}", t.year(), &c["yw"])
    } else if c.name("zd").is_some() {
        // A day and month whose year is not written beside them: moved as in a leap year, so
        // 29 February is a date.
        let (m, ending) = (kk_month(&c["zm"])?, month_ending(&c["zs"])?);
        let t = at(2000, m, "zd")?;
        format!("{} {}", t.day(), kk_month_with(t, ending))
    } else {
        let t = at(2000, ru_month(&c["qm"]), "qd")?;
        format!("{} {}", t.day(), ru_month_of(t))
    };
    Some(spelled)
}

// Russian words.

/// Surname roots in their Russian spelling (the Kazakh [`NAME_ROOTS`] as Russian texts write
/// them).
const NAME_ROOTS_RU: &[&str] = &[
    "Абдрахман",
    "Ахмет",
    "Байжан",
    "Бекмухамед",
    "Досмагамбет",
    "Ергали",
    "Жаксылык",
    "Жумабай",
    "Игибай",
    "Кенжегали",
    "Касымбек",
    "Кудайберген",
    "Мукан",
    "Мырзахмет",
    "Нурлыбай",
    "Оспан",
    "Утеген",
    "Рахымжан",
    "Сарсенбай",
    "Серикбай",
    "Тлеубай",
    "Толеген",
    "Узакбай",
    "Усен",
    "Шайхислам",
    "Ибрай",
    "Абдикарим",
    "Есенгельды",
    "Жанузак",
    "Малик",
];

/// Russian words whose forms carry structure or that zanlex reads (units, notes, instructions,
/// act kinds, dates): never rewritten.
const PROTECTED_RU: &[&str] = &[
    "стат",
    "пункт",
    "подпункт",
    "глав",
    "раздел",
    "част",
    "параграф",
    "приложени",
    "утвержд",
    "сноск",
    "примечани",
    "исключ",
    "редакц",
    "излож",
    "дополн",
    "изменени",
    "решени",
    "приказ",
    "постановлени",
    "закон",
    "кодекс",
    "зарегистр",
    "министр",
    "регламент",
    "юстици",
    "соответств",
    "следующ",
    "действ",
    "вводит",
    "года",
    "году",
    "утрат",
    "силу",
    "настоящ",
    "форм",
    "абзац",
    "правил",
    "порядк",
    "слов",
    "заменить",
    "признать",
    "республик",
    "казахстан",
    "январ",
    "феврал",
    "март",
    "апрел",
    "мая",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
];

/// Russian: words get other case endings (adjectives stay adjectives).
struct Russian;

impl Language for Russian {
    fn is_modifiable(&self, w: &str) -> bool {
        is_plain_word(w, "ё", &[PROTECTED_RU])
    }

    /// Only nouns lend their stems: an adjective's would take a noun's ending.
    fn lent_stem(&self, w: &str) -> Option<String> {
        let (stem, _, adj) = split_ru(w);
        (!adj && stem.chars().count() >= 4).then(|| stem.to_string())
    }

    fn reinflect(&self, w: &str, rng: &mut Rng) -> String {
        reinflect_ru(w, rng)
    }

    fn inflect(&self, stem: &str, rng: &mut Rng) -> String {
        inflect_ru(stem, rng)
    }

    /// Distinct syllable strings (≥ 3 syllables, the id in base 48) with a noun suffix,
    /// inflected half of the time.
    fn novel_word(&self, id: u64, rng: &mut Rng) -> String {
        let base = RU_SYLLABLES.len() as u64;
        let mut w = spell(id + base * base, RU_SYLLABLES);
        w.push_str(RU_SUFFIXES[(mix(id) % RU_SUFFIXES.len() as u64) as usize]);
        if rng.unit() < 0.5 {
            w = reinflect_ru(&w, rng);
        }
        w
    }

    fn name_roots(&self) -> &'static [&'static str] {
        NAME_ROOTS_RU
    }

    /// The Kazakh rules' protected lines, and Russian notes (`Сноска`, `Примечание`), chapter
    /// and appendix lines.
    fn is_protected_line(&self, l: &str) -> bool {
        const MARKS: &[&str] = &[
            "Сноска",
            "Примечание",
            "Глава",
            "ГЛАВА",
            "РАЗДЕЛ",
            "Приложение",
            "приложени",
            "ПРИЛОЖЕНИЕ",
        ];
        Kazakh.is_protected_line(l) || MARKS.iter().any(|m| l.contains(m))
    }

    fn anchors(&self) -> &'static [&'static str] {
        &["утвержден", "Правил", "пункт"]
    }
}

/// Adjective endings, longest first.
const RU_ADJ_ENDINGS: &[&str] = &[
    "ыми", "ими", "ого", "его", "ому", "ему", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие",
    "ых", "их", "ую", "юю", "ым", "им",
];
/// Noun endings, longest first.
const RU_NOUN_ENDINGS: &[&str] = &[
    "ами", "ями", "ах", "ях", "ам", "ям", "ов", "ев", "ом", "ем", "ой", "ей", "а", "я", "ы", "и",
    "у", "ю", "е", "о",
];
/// What an adjective's stem gets instead.
const RU_ADJ_NEW: &[&str] = &[
    "ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ые", "ых", "ыми",
];
/// What a noun's stem gets instead.
const RU_NOUN_NEW: &[&str] = &["а", "ы", "е", "у", "ой", "ам", "ами", "ах", "ов", ""];

/// (stem, ending, is an adjective) of a Russian word: the longest ending that leaves 3+ letters.
fn split_ru(w: &str) -> (&str, &str, bool) {
    for (list, adj) in [(RU_ADJ_ENDINGS, true), (RU_NOUN_ENDINGS, false)] {
        if let Some((s, e)) = list.iter().find_map(|e| {
            w.strip_suffix(e)
                .filter(|s| s.chars().count() >= 3)
                .map(|s| (s, *e))
        }) {
            return (s, e, adj);
        }
    }
    (w, "", false)
}

/// A stem after which the adjective endings spell `и` for `ы` (`русск|ий`).
fn ru_soft_spelling(stem: &str, ending: &str) -> String {
    let hushing = stem
        .chars()
        .next_back()
        .is_some_and(|c| "кгхжшчщ".contains(c));
    if hushing {
        ending.replacen('ы', "и", 1)
    } else {
        ending.to_string()
    }
}

/// Another case ending on `word`'s stem (adjectives stay adjectives).
fn reinflect_ru(word: &str, rng: &mut Rng) -> String {
    let (stem, ending, adj) = split_ru(word);
    // A word with none of the endings (a verb, an adverb) keeps its form; the draw is made
    // anyway, so what follows does not depend on it.
    if ending.is_empty() {
        rng.below(RU_NOUN_NEW.len() as u64);
        return word.to_string();
    }
    if adj {
        let e = RU_ADJ_NEW[rng.below(RU_ADJ_NEW.len() as u64) as usize];
        format!("{stem}{}", ru_soft_spelling(stem, e))
    } else {
        inflect_ru(stem, rng)
    }
}

/// `stem` with a noun's case ending.
fn inflect_ru(stem: &str, rng: &mut Rng) -> String {
    let e = RU_NOUN_NEW[rng.below(RU_NOUN_NEW.len() as u64) as usize];
    format!("{stem}{}", ru_soft_spelling(stem, e))
}

const RU_SYLLABLES: &[&str] = &[
    "ба", "ве", "ги", "до", "ку", "ла", "ми", "но", "пе", "ра", "си", "ту", "фо", "ха", "це", "чу",
    "ша", "зе", "бор", "вин", "гал", "дер", "кон", "лит", "мар", "нес", "пол", "рит", "сан", "тер",
    "вал", "дом", "лен", "мир", "ност", "пред", "стан", "тор", "ус", "ен", "ар", "ол", "ин", "ам",
    "ер", "ир", "от", "ум",
];
const RU_SUFFIXES: &[&str] = &["ация", "ость", "ение", "ство", "ник", "ант", "изм", "ура"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_move_together_in_every_spelling() {
        let shift = -100;
        let kk = rewrite_dates("2020 жылғы 15 желтоқсандағы № 64-340 шешімі", shift);
        let ru = rewrite_dates("от 15 декабря 2020 года № 64-340", shift);
        let dmy = rewrite_dates("ҚР 15.12.2020 № 5", shift);
        let iso = rewrite_dates("approved_on: 2020-12-15", shift);
        // 2020-12-15 - 100 days = 2020-09-06.
        assert_eq!(kk, "2020 жылғы 6 қыркүйектегі № 64-340 шешімі");
        assert_eq!(ru, "от 6 сентября 2020 года № 64-340");
        assert_eq!(dmy, "ҚР 06.09.2020 № 5");
        assert_eq!(iso, "approved_on: 2020-09-06");
        // A stamp's day in quotation marks moves with its month and year (2015-03-27 - 100
        // days = 2014-12-17), not the year alone as a year written by itself would.
        assert_eq!(
            rewrite_dates("> *2015 жылғы «27» наурыздағы*", shift),
            "> *2014 жылғы «17» желтоқсандағы*"
        );
        assert_eq!(
            rewrite_dates("> *от «27» марта 2015 года № 43-249*", shift),
            "> *от «17» декабря 2014 года № 43-249*"
        );
        assert_eq!(rewrite_dates("2015 жылы", -400), "2014 жылы");
        assert_eq!(
            rewrite_dates("1 шілдеден бастап", -30),
            "1 маусымнан бастап"
        );
        assert_eq!(rewrite_dates("31 ақпандағы", -1), "31 ақпандағы");
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(shifted(2020, 3, 1, -1), date(2020, 2, 29));
        assert_eq!(shifted(2021, 2, 29, 0), None);
        assert_eq!(shifted(2020, 13, 1, 0), None);
        assert_eq!(commit_day(1), FIRST_COMMIT);
        assert_eq!(Some(commit_day(2)), date(2026, 9, 4));
    }

    #[test]
    fn russian_words_keep_their_kind() {
        let mut rng = Rng::new(3);
        for _ in 0..50 {
            let w = reinflect_ru("государственных", &mut rng);
            assert!(w.starts_with("государственн"), "{w}");
            let w = reinflect_ru("русский", &mut rng);
            assert!(!w.contains("кы"), "{w}");
        }
        assert!(Russian.is_modifiable("выпаса"));
        assert!(!Russian.is_modifiable("статьи"));
        assert!(!Russian.is_modifiable("жүргізу"));
        let a = Russian.novel_word(1, &mut Rng::new(1));
        let b = Russian.novel_word(2, &mut Rng::new(1));
        assert_ne!(a, b);
    }

    #[test]
    fn a_split_text_joins_back_to_itself() {
        let text = "# Заголовок\n\nКіріспе.\n\n## 1. Бірінші\n\n1. Мәтін.\n\n## 2. Екінші\n\n2. Мәтін.\n\n## 3. Үшінші\n\n3. Мәтін.\n";
        let files = split_text(text, "kaz", 2).expect("split");
        assert_eq!(files.len(), 3);
        assert_eq!(files[1].0, "kaz/ch001.md");
        assert!(
            files[0]
                .1
                .contains("| [`ch002`](kaz/ch002.md) | 2. Екінші |"),
            "{}",
            files[0].1
        );
        let head = files[0]
            .1
            .split("## Части документа")
            .next()
            .unwrap()
            .trim_end();
        let mut joined = format!("{head}\n");
        for (_, part) in &files[1..] {
            joined.push_str(part.split_once("\n\n").unwrap().1);
        }
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(squash(&joined), squash(text));
    }
}

//! Runs extract → structure → amend over a corpus folder, in parallel.
//!
//! Each file is read and structured on its own (rayon's threads take the files one at a time,
//! largest first, while the kernel reads the next ones ahead), so the cost grows linearly with
//! the corpus; a file that fails becomes one [`IngestFailure`] and the others go on. Then
//! editions of one act are given one id (`unify_summaries`) and
//! [`crate::amend::link_corpus`] links acts across the corpus.
//!
//! [`ingest_scanned_changes`], which `zanlex index` and every refresh use, reads the files a
//! scan listed and hands their acts over a chunk of linked files at a time, so memory stays
//! flat whatever the corpus size.

use crate::model::Act;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

pub use crate::walk::{corpus_listing, FileStamp, Walk};

/// A file that could not be ingested, and why (one line, for stderr); or, with `indexed`
/// set, a problem with a file that was still ingested (a broken `meta.yaml` beside it).
#[derive(Debug, Clone)]
pub struct IngestFailure {
    pub path: PathBuf,
    pub reason: String,
    /// The file was ingested all the same: this is a warning, not a failure.
    pub indexed: bool,
}

/// Ingests one file into an act (notes and instructions parsed, not yet linked to other acts).
pub fn ingest_file(path: &Path, corpus_parent: &Path) -> crate::Result<Act> {
    ingest_file_warning(path, corpus_parent).map(|(act, _)| act)
}

/// [`ingest_file`] with the warnings extraction gave (one line each). A panic while reading
/// one file (a bug zanlex should fix) becomes that file's error: the other files are still
/// indexed.
fn ingest_file_warning(path: &Path, corpus_parent: &Path) -> crate::Result<(Act, Vec<String>)> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        ingest_file_unguarded(path, corpus_parent)
    }))
    .unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(crate::Error::Structure {
            path: path.to_path_buf(),
            reason: format!(
                "zanlex failed on this file ({}); the other files are indexed; please report it",
                what.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .chars()
                    .take(160)
                    .collect::<String>()
            ),
        })
    })
}

fn ingest_file_unguarded(path: &Path, corpus_parent: &Path) -> crate::Result<(Act, Vec<String>)> {
    let doc = crate::extract::extract_file(path, corpus_parent)?;
    // Extracted lines are collapsed: the structure stage need not collapse them again.
    let (mut act, not_joined) = crate::structure::build_act_noted(&doc)?;
    crate::amend::annotate_act(&mut act);
    crate::refs::annotate_refs(&mut act, &doc.lines);
    let mut warnings = doc.warnings;
    warnings.extend(not_joined);
    if let Some(longest) = longest_unindexed_word(&act) {
        warnings.push(format!(
            "a word of {longest} bytes is not indexed (words longer than {} bytes are not words of a text)",
            crate::analysis::tokenizer::MAX_TOKEN_BYTES
        ));
    }
    if act
        .units
        .first()
        .is_some_and(|u| u.eid == crate::structure::WHOLE_TEXT_EID)
    {
        let units = match act.units.len() {
            1 => "one unit".to_string(),
            n => format!("{n} units of its lines in order"),
        };
        warnings.push(format!(
            "no structure recognised (no numbered paragraphs, articles or questions); the whole text is indexed as {units}"
        ));
    }
    Ok((act, warnings))
}

/// The length in bytes of the longest run of letters or digits in `act`'s texts that the
/// tokenizer leaves out ([`crate::analysis::tokenizer::MAX_TOKEN_BYTES`]), if any.
fn longest_unindexed_word(act: &Act) -> Option<usize> {
    use crate::analysis::normalize::is_letter_or_digit;
    let limit = crate::analysis::tokenizer::MAX_TOKEN_BYTES;
    let texts = std::iter::once(act.title.as_str())
        .chain(act.all_units().into_iter().map(|u| u.text.as_str()));
    texts
        .flat_map(|t| t.split(|c: char| !is_letter_or_digit(c)))
        .map(str::len)
        .filter(|&n| n > limit)
        .max()
}

/// The warnings of `path` as entries of the failure list, marked `indexed`.
fn warnings_of(path: &Path, parent: &Path, warnings: Vec<String>) -> Vec<IngestFailure> {
    let shown = path.strip_prefix(parent).unwrap_or(path).to_path_buf();
    warnings
        .into_iter()
        .map(|reason| IngestFailure {
            path: shown.clone(),
            reason,
            indexed: true,
        })
        .collect()
}

/// How many files [`map_files`] asks the kernel to read ahead of the one being parsed.
const READ_AHEAD_FILES: usize = 32;

/// `f(i, &files[i])` for every file, on every thread of rayon's pool, the largest files first
/// (`sizes[i]` is the size of `files[i]`); the results in the order of `files`.
///
/// A corpus is thousands of small files, and one not in the page cache stalls the thread that
/// reads it, leaving its core idle: the kernel is asked to read each file
/// [`READ_AHEAD_FILES`] files before a thread takes it. The threads take the files one at a
/// time in one order, so that order is also the read-ahead's; largest first, so the last file
/// to finish is a small one.
fn map_files<T: Send, P: AsRef<Path> + Sync>(
    files: &[P],
    sizes: &[u64],
    f: impl Fn(usize, &Path) -> T + Sync,
) -> Vec<T> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Mutex, PoisonError};
    let mut order: Vec<(u64, usize)> = sizes.iter().copied().zip(0..).collect();
    order.sort_by_key(|&(len, i)| (std::cmp::Reverse(len), i));
    for &(_, i) in order.iter().take(READ_AHEAD_FILES) {
        read_ahead(files[i].as_ref());
    }
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, T)>> = Mutex::new(Vec::with_capacity(files.len()));
    let work = || loop {
        let k = next.fetch_add(1, Ordering::Relaxed);
        let Some(&(_, i)) = order.get(k) else { break };
        if let Some(&(_, ahead)) = order.get(k + READ_AHEAD_FILES) {
            read_ahead(files[ahead].as_ref());
        }
        let out = f(i, files[i].as_ref());
        done.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((i, out));
    };
    rayon::scope(|s| {
        for _ in 1..rayon::current_num_threads() {
            s.spawn(|_| work());
        }
        work();
    });
    let mut done = done.into_inner().unwrap_or_else(PoisonError::into_inner);
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, out)| out).collect()
}

/// Starts reading `path` into the page cache without waiting for it (best effort).
#[cfg(target_os = "linux")]
fn read_ahead(path: &Path) {
    // Opened without blocking: a file swapped for a FIFO since the listing must not hang the
    // read-ahead (ingestion then names it).
    if let Ok(file) = crate::files::open_regular(path) {
        let _ = rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::WillNeed);
    }
}

#[cfg(not(target_os = "linux"))]
fn read_ahead(_: &Path) {}

/// The one-line reason of an error, without the path the failure already names.
fn reason_of(err: &crate::Error) -> String {
    let r = match err {
        crate::Error::Extract { reason, .. } | crate::Error::Structure { reason, .. } => {
            reason.clone()
        }
        other => other.to_string(),
    };
    r.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What tells an act from another whose id came out the same: its dates and numbers when
/// complete (as they make its id), else its title (slug).
fn identity(facts: &IdFacts, title: &str) -> String {
    let complete = !facts.issuances.is_empty()
        && facts
            .issuances
            .iter()
            .all(|i| i.date.is_some() && i.number.is_some());
    if complete {
        let numbers: Vec<String> = facts
            .issuances
            .iter()
            .map(|i| format!("{:?}/{}", i.date, i.number.as_deref().unwrap_or("")))
            .collect();
        format!("key:{}", numbers.join("+"))
    } else {
        format!("title:{title}")
    }
}

/// The new id of each act (`facts[i]`: its facts after [`unify_plan`], its language and its
/// title slug) whose id another act of the same language has though it is another act
/// ([`identity`]): an id cut from a long title (six words and a short hash) or numbers that
/// slug alike (`17/4`, `17-4`) can be two acts'. Each such act's id gets a hash of its own
/// identity (`…-a1b2c3d4`), so neither is refused as an edition of the other; ids that no
/// two acts share stay as they are (`None`).
fn ids_apart(facts: &[(IdFacts, crate::model::Lang, &str)]) -> Vec<Option<String>> {
    let mut by_id: HashMap<(&str, crate::model::Lang), BTreeSet<String>> = HashMap::new();
    let identities: Vec<String> = facts.iter().map(|(f, _, t)| identity(f, t)).collect();
    for ((f, lang, _), who) in facts.iter().zip(&identities) {
        by_id
            .entry((f.id.as_str(), *lang))
            .or_default()
            .insert(who.clone());
    }
    facts
        .iter()
        .zip(&identities)
        .map(|((f, lang, _), who)| {
            let shared = by_id
                .get(&(f.id.as_str(), *lang))
                .is_some_and(|w| w.len() > 1);
            shared.then(|| {
                use sha2::{Digest, Sha256};
                let h = hex::encode(Sha256::digest(who.as_bytes()));
                format!("{}-{}", f.id, &h[..8])
            })
        })
        .collect()
}

/// The acts that are a second undated edition of an act in one language (`acts[i]` is its
/// id, language, whether it has an edition date, and its file), each with the error naming
/// both files, in ascending order. Editions are put in order by their dates; with two
/// undated ones zanlex would have to guess which is the newer, so the first (by file name)
/// is read and the others are refused.
fn undated_twins(acts: &[(String, crate::model::Lang, bool, String)]) -> Vec<(usize, String)> {
    let mut first: HashMap<(&str, crate::model::Lang), usize> = HashMap::new();
    let mut order: Vec<usize> = (0..acts.len()).collect();
    order.sort_by(|&a, &b| acts[a].3.cmp(&acts[b].3));
    let mut out = Vec::new();
    for i in order {
        let (id, lang, dated, file) = &acts[i];
        if *dated {
            continue;
        }
        match first.get(&(id.as_str(), *lang)) {
            None => {
                first.insert((id.as_str(), *lang), i);
            }
            Some(&j) => out.push((
                i,
                format!(
                    "{file} and {} are both undated editions of act {id} ({lang}); date one: a date in its file name (`kaz_2019-01-01.md`), `version_date` in its front matter or a meta.yaml",
                    acts[j].3
                ),
            )),
        }
    }
    out.sort_by_key(|(i, _)| *i);
    out
}

/// What [`unify_plan`] reads of an act: its date-and-number key, its title key, its file, its
/// language and its id.
#[derive(Debug, Clone)]
struct UnifyKey {
    key: Option<String>,
    title: String,
    file: String,
    lang: crate::model::Lang,
    id: String,
    /// The database's code of the act (`act_code` in a `meta.yaml`), when known.
    code: Option<String>,
}

impl UnifyKey {
    /// The folder of the act's file (`Source::file` up to its last `/`).
    fn folder(&self) -> &str {
        self.file.rsplit_once('/').map_or("", |(dir, _)| dir)
    }
}

impl UnifyKey {
    fn of(a: &Act) -> Self {
        let complete = !a.issuances.is_empty()
            && a.issuances
                .iter()
                .all(|i| i.date.is_some() && i.number.is_some());
        let key = complete.then(|| {
            a.issuances
                .iter()
                .map(|i| format!("{:?}/{}", i.date, i.number.as_deref().unwrap_or("")))
                .collect::<Vec<_>>()
                .join("+")
        });
        UnifyKey {
            key,
            title: crate::structure::slug(&a.title),
            file: a.source.file.clone(),
            lang: a.lang,
            id: a.id.clone(),
            code: a.code.clone(),
        }
    }

    /// The file's name without its language and what follows a date, a version or a hash
    /// (`foreigners_kaz.md` and `foreigners_rus.md` → `foreigners`; `A_kaz_2023-04-19_x.md`
    /// → `a`; `kaz.md`, `rus@2020-11-12.md` → ``): texts of one act in two languages share it.
    fn stem(&self) -> String {
        let name = self.file.rsplit('/').next().unwrap_or(&self.file);
        let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
        let mut words: Vec<String> = Vec::new();
        for w in stem
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let lower = w.to_lowercase();
            if crate::model::Lang::parse(&lower).is_some() {
                continue;
            }
            let digits = lower.chars().filter(char::is_ascii_digit).count();
            let hex = lower.len() >= 7 && lower.chars().all(|c| c.is_ascii_hexdigit());
            let dated = lower.starts_with(|c: char| c.is_ascii_digit()) && lower.len() >= 4;
            let version =
                lower.starts_with('v') && lower[1..].starts_with(|c: char| c.is_ascii_digit());
            if dated || version || (hex && digits > 0) {
                break;
            }
            words.push(lower);
        }
        words.join("_")
    }
}

/// Whether two texts of one folder, in two languages, are expressions of one act: their
/// `meta.yaml` names one code, their file names share a stem ([`UnifyKey::stem`]), or their
/// requisites (dates and numbers) are the same. Texts with different codes, or with
/// requisites that disagree, never are.
fn twins(a: &UnifyKey, b: &UnifyKey) -> bool {
    if let (Some(x), Some(y)) = (&a.code, &b.code) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (&a.key, &b.key) {
        return x == y;
    }
    a.stem() == b.stem()
}

/// The facts a keyless edition takes from the keyed edition with its title.
#[derive(Debug, Clone)]
struct IdFacts {
    id: String,
    kind: crate::model::ActKind,
    issuances: Vec<crate::model::Issuance>,
    registration: Option<crate::model::Registration>,
}

impl IdFacts {
    fn of(a: &Act) -> Self {
        IdFacts {
            id: a.id.clone(),
            kind: a.kind,
            issuances: a.issuances.clone(),
            registration: a.registration.clone(),
        }
    }

    /// These facts (a giver's, of a text in `lang` whose title's slug is `title`) with what
    /// they leave unknown taken from its takers' (`others`, each with its text's language): a
    /// kind «другое» becomes the one kind the others' texts give, an issuance's unknown day,
    /// number and issuer are the same issuance's as another text prints it (the issuer's
    /// words only from a text in the same language: a citation prints its own language's),
    /// and a missing registration is another's. The id is made again from the facts when the
    /// old one was made from the old facts (an id made otherwise is kept). `None` when the
    /// others know nothing these do not.
    fn learn_from(
        &self,
        others: &[(&IdFacts, crate::model::Lang)],
        lang: crate::model::Lang,
        title: &str,
    ) -> Option<IdFacts> {
        use crate::model::ActKind;
        let mut out = self.clone();
        if out.kind == ActKind::Other {
            let mut known = others
                .iter()
                .map(|(f, _)| f.kind)
                .filter(|&k| k != ActKind::Other);
            // Texts that name two kinds leave the act's unknown rather than pick one.
            if let Some(k) = known.next() {
                if known.all(|other| other == k) {
                    out.kind = k;
                }
            }
        }
        for (f, their_lang) in others {
            if f.issuances.len() != out.issuances.len() {
                continue;
            }
            for (mine, theirs) in out.issuances.iter_mut().zip(&f.issuances) {
                if mine.date.is_none() {
                    mine.date = theirs.date;
                }
                if mine.number.is_none() {
                    mine.number.clone_from(&theirs.number);
                }
                let unknown =
                    |i: &crate::model::Issuance| i.issuer_code == "other" || i.issuer.is_empty();
                if *their_lang == lang && unknown(mine) && !unknown(theirs) {
                    mine.issuer.clone_from(&theirs.issuer);
                    mine.issuer_code.clone_from(&theirs.issuer_code);
                }
            }
            if out.registration.is_none() {
                out.registration.clone_from(&f.registration);
            }
        }
        let same_issuances = out.issuances.len() == self.issuances.len()
            && out.issuances.iter().zip(&self.issuances).all(|(x, y)| {
                x.date == y.date && x.number == y.number && x.issuer_code == y.issuer_code
            });
        let same = out.kind == self.kind
            && same_issuances
            && out.registration.is_some() == self.registration.is_some();
        if same {
            return None;
        }
        // The title's slug makes the same id as the title (a slug's slug is itself).
        let derived = crate::structure::header::act_id(self.kind, &self.issuances, title);
        if derived == self.id {
            out.id = crate::structure::header::act_id(out.kind, &out.issuances, title);
        }
        Some(out)
    }

    fn give_to(self, a: &mut Act) {
        // References resolved within the act at ingestion name it by the id it had.
        for r in &mut a.references {
            if let Some(crate::model::Resolution::Resolved { act, .. }) = &mut r.resolution {
                if *act == a.id {
                    act.clone_from(&self.id);
                }
            }
        }
        a.id = self.id;
        // A fact the giver does not know never replaces one the taker's own text gives: a
        // kind «другое» (words of enactment not read) leaves the twin's decision a decision.
        if self.kind != crate::model::ActKind::Other {
            a.kind = self.kind;
        }
        // An expression that names the same issuances (dates and numbers) keeps its own
        // words for them: the Russian text's `маслихата Алматинской области` is what a
        // Russian citation prints, not the Kazakh text's `Алматы облыстық мәслихатының`.
        let same = a.issuances.len() == self.issuances.len()
            && a.issuances
                .iter()
                .zip(&self.issuances)
                .all(|(x, y)| x.date == y.date && x.number == y.number);
        if !same && !self.issuances.is_empty() {
            let mut given = self.issuances;
            for (g, mine) in given.iter_mut().zip(&a.issuances) {
                keep_known(g, mine);
            }
            a.issuances = given;
        }
        if a.registration.is_none() {
            a.registration = self.registration;
        }
    }
}

/// `given` (an issuance a twin gives) with what it leaves unknown (its day, its number, its
/// issuer, «other») taken from `mine`, the same issuance as the taker's own text prints it.
fn keep_known(given: &mut crate::model::Issuance, mine: &crate::model::Issuance) {
    if given.date.is_none() {
        given.date = mine.date;
    }
    if given.number.is_none() {
        given.number.clone_from(&mine.number);
    }
    let unknown = |i: &crate::model::Issuance| i.issuer_code == "other" || i.issuer.is_empty();
    if unknown(given) && !unknown(mine) {
        given.issuer.clone_from(&mine.issuer);
        given.issuer_code.clone_from(&mine.issuer_code);
    }
}

/// Pairs `(i, j)`: act `i` (keyless) takes the id and requisites of act `j`.
///
/// An edition whose text names its own date and number gets the id built from them; an
/// edition that does not (a Markdown export with no requisites) gets a title-based id alone.
/// Acts are the same act when they share a date-and-number key, or when they share a title
/// (normalized) and their keys do not disagree; a keyless edition takes the id, kind, issuances
/// (and registration, when it has none) of the keyed edition with its title. Acts with different
/// keys are never merged, and a title seen with several keys merges nothing.
fn unify_plan(acts: &[UnifyKey]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..acts.len()).collect();
    order.sort_by(|&x, &y| acts[x].file.cmp(&acts[y].file));
    // Title → the distinct keys seen with it, and the first act with each key.
    let mut keyed: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
    for &i in &order {
        if let Some(k) = &acts[i].key {
            let e = keyed.entry(acts[i].title.as_str()).or_default();
            if !e.iter().any(|(kk, _)| *kk == k) {
                e.push((k, i));
            }
        }
    }
    let mut plan = Vec::new();
    for &i in &order {
        if acts[i].key.is_some() {
            continue;
        }
        // The edition that names its date and number speaks for the act.
        if let Some([(_, j)]) = keyed.get(acts[i].title.as_str()).map(Vec::as_slice) {
            plan.push((i, *j));
        }
    }
    // The Russian text of an act sits beside its Kazakh text (a mirror folder: `kaz.md`,
    // `rus.md`, `meta.yaml`): it is the same act, another expression, whatever its header
    // says. Only the folder's Kazakh texts that are its twins ([`twins`]: one code, one file
    // name stem or the same requisites) count, and only where they are all one act; a text
    // twinned to none is an act of its own.
    let takes: HashMap<usize, usize> = plan.iter().copied().collect();
    let final_id = |j: usize| acts[*takes.get(&j).unwrap_or(&j)].id.as_str();
    let mut kazakh_by_folder: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &order {
        if acts[i].lang == crate::model::Lang::Kk {
            kazakh_by_folder
                .entry(acts[i].folder())
                .or_default()
                .push(i);
        }
    }
    for &i in &order {
        if acts[i].lang == crate::model::Lang::Kk {
            continue;
        }
        let Some(folder) = kazakh_by_folder.get(acts[i].folder()) else {
            continue;
        };
        // Only the Kazakh texts that are its twins: a folder may hold several acts' texts.
        let kazakh: Vec<usize> = folder
            .iter()
            .copied()
            .filter(|&k| twins(&acts[i], &acts[k]))
            .collect();
        let Some(&j) = kazakh.first() else {
            continue;
        };
        let kazakh = &kazakh;
        let one_act = kazakh.iter().all(|&k| final_id(k) == final_id(j));
        if one_act {
            let giver = *takes.get(&j).unwrap_or(&j);
            if acts[giver].key.is_none() && acts[i].key.is_some() {
                // Only this text's metadata names the act (front matter in one language, a
                // sidecar beside the Russian text): the Kazakh texts take its requisites.
                for &k in kazakh {
                    if !plan.iter().any(|&(taker, _)| taker == k) {
                        plan.push((k, i));
                    }
                }
                continue;
            }
            plan.retain(|&(taker, _)| taker != i);
            plan.push((i, giver));
        }
    }
    plan
}

/// A date-and-number pair acts are linked by (number as printed, or without spaces for targets).
type LinkKey = (Option<chrono::NaiveDate>, String);

/// What phase 1 of [`ingest_scanned_changes`] keeps of an act: the keys that link it to
/// other acts in [`crate::amend::link_corpus`], not its text.
struct LinkSummary {
    /// Index into the corpus's file list.
    file: usize,
    unify: UnifyKey,
    facts: IdFacts,
    /// The act its first instruction names (`apply_amending_acts` matches only that one).
    instruction_target: Option<crate::model::ActRef>,
    /// Keys of the notes' amending acts (`refine_effective_dates` matches them).
    cited: Vec<LinkKey>,
    /// The act's own (date, number) as it cites itself when applied to a target.
    own_ref: LinkKey,
    has_publication: bool,
    /// Whether the act's edition date is known.
    dated: bool,
}

impl LinkSummary {
    fn of(file: usize, a: &Act) -> Self {
        LinkSummary {
            file,
            unify: UnifyKey::of(a),
            facts: IdFacts::of(a),
            instruction_target: a.instructions.first().map(|i| i.target_act.clone()),
            cited: a
                .amendments
                .iter()
                .filter_map(|e| Some((e.by.date, e.by.number.clone()?)))
                .collect(),
            own_ref: ref_key(&a.issuances),
            has_publication: a.publication_date.is_some(),
            dated: a.version_date.is_some(),
        }
    }
}

/// `(act.date(), act.number())` of an act with these issuances: how it names itself.
fn ref_key(issuances: &[crate::model::Issuance]) -> LinkKey {
    let date = issuances.iter().find_map(|i| i.date);
    let number = issuances
        .iter()
        .filter_map(|i| i.number.as_deref())
        .collect::<Vec<_>>()
        .join(" / ");
    (date, number)
}

/// Minimal union-find over acts.
struct Groups(Vec<usize>);

impl Groups {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index is the root, so a group is named by its first act.
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Groups acts that [`crate::amend::link_corpus`] may link, given their summaries after
/// [`unify_plan`]: same id (editions), an amending act and every act its instructions' target
/// key matches ([`crate::amend::versions::refers_to`]), and a note's or applied amendment's
/// amending act and every published act with that date and number (effective dates).
fn link_groups(sums: &[LinkSummary]) -> Groups {
    let mut g = Groups((0..sums.len()).collect());
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut by_issuance: HashMap<(chrono::NaiveDate, String), usize> = HashMap::new();
    let mut by_published: HashMap<LinkKey, usize> = HashMap::new();
    for (i, s) in sums.iter().enumerate() {
        if let Some(&j) = by_id.get(s.facts.id.as_str()) {
            g.union(i, j);
        } else {
            by_id.insert(&s.facts.id, i);
        }
        for iss in &s.facts.issuances {
            if let (Some(d), Some(n)) = (iss.date, &iss.number) {
                let k = (d, n.replace(' ', ""));
                match by_issuance.get(&k) {
                    Some(&j) => g.union(i, j),
                    None => {
                        by_issuance.insert(k, i);
                    }
                }
            }
        }
        if s.has_publication {
            // `act_ref`: the first issuance's date, every number of the joined `number()`.
            let (date, number) = &s.own_ref;
            for x in number.split(" / ").filter(|_| !number.is_empty()) {
                let k = (*date, x.to_string());
                match by_published.get(&k) {
                    Some(&j) => g.union(i, j),
                    None => {
                        by_published.insert(k, i);
                    }
                }
            }
        }
    }
    for (i, s) in sums.iter().enumerate() {
        if let Some(t) = &s.instruction_target {
            if let (Some(d), Some(n)) = (t.date, &t.number) {
                for x in n.split(" / ") {
                    if let Some(&j) = by_issuance.get(&(d, x.replace(' ', ""))) {
                        g.union(i, j);
                    }
                }
            }
        }
        let own = (!s.own_ref.1.is_empty()).then_some(&s.own_ref);
        for k in s.cited.iter().chain(own) {
            if let Some(&j) = by_published.get(k) {
                g.union(i, j);
            }
        }
    }
    g
}

/// The version of [`FileLinks`]' keys: changed whenever `FileLinks::of` or `link_key`
/// makes other keys of the same act, so that an index's manifest written with the old keys
/// is read whole once instead of being compared with keys it cannot match. Never 0, which a
/// manifest written before links were recorded reads as.
pub const LINKS_FORMAT: u32 = 1;

/// What an act links by, as an index's manifest keeps it for the act's file: enough for a
/// later incremental read ([`ingest_scanned_changes`]) to tell which files it links to this
/// one without reading it. Keys are 64-bit hashes
/// of the facts linking compares; two facts whose hashes collide only link more files, which
/// makes a refresh read more of them, never fewer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileLinks {
    /// The act's language; `None` for a file that gave no act.
    #[serde(default)]
    pub lang: Option<crate::model::Lang>,
    /// Keys the act is found by: its id, each issuance's date and number, its own date with
    /// each of its numbers, and its title when its requisites are incomplete (an edition that
    /// may take the id of the edition with its title). Files that share one are linked.
    #[serde(default, with = "packed_keys")]
    pub has: Vec<u64>,
    /// Keys the act looks up: the act its instructions amend, the amending acts its notes
    /// cite, and its title when its requisites are complete. A file is linked to every file
    /// that [`has`](Self::has) one of them.
    #[serde(default, with = "packed_keys")]
    pub seeks: Vec<u64>,
    /// The hash of the id of a Kazakh act with complete requisites, which always keeps its own
    /// id: two different ones in a folder mean that the folder's other texts take no id from
    /// its Kazakh ones (`unify_plan`).
    #[serde(default)]
    pub fixed_id: Option<u64>,
}

impl FileLinks {
    /// The links of an act from its summary as phase 1 made it, before [`unify_plan`]: they
    /// depend on the file's own bytes alone, so those of an unchanged file stay true.
    fn of(s: &LinkSummary) -> Self {
        let mut has = vec![link_key("id", &[&s.facts.id])];
        for iss in &s.facts.issuances {
            if let (Some(d), Some(n)) = (iss.date, &iss.number) {
                has.push(act_key(Some(d), n));
            }
        }
        let (date, number) = &s.own_ref;
        for x in number.split(" / ").filter(|_| !number.is_empty()) {
            has.push(act_key(*date, x));
        }
        let mut seeks = Vec::new();
        let title = link_key("title", &[&s.unify.title]);
        if s.unify.key.is_some() {
            seeks.push(title);
        } else {
            has.push(title);
        }
        if let Some(t) = &s.instruction_target {
            if let (Some(d), Some(n)) = (t.date, &t.number) {
                for x in n.split(" / ") {
                    seeks.push(act_key(Some(d), x));
                }
            }
        }
        for (d, n) in &s.cited {
            seeks.push(act_key(*d, n));
        }
        has.sort_unstable();
        has.dedup();
        seeks.sort_unstable();
        seeks.dedup();
        let kazakh = s.unify.lang == crate::model::Lang::Kk;
        FileLinks {
            lang: Some(s.unify.lang),
            has,
            seeks,
            fixed_id: (kazakh && s.unify.key.is_some()).then(|| link_key("id", &[&s.facts.id])),
        }
    }

    /// Whether the file gave an act (one refused for what other files hold included).
    pub fn gave_act(&self) -> bool {
        self.lang.is_some()
    }

    fn is_kazakh(&self) -> bool {
        self.lang == Some(crate::model::Lang::Kk)
    }

    /// A text in another language than Kazakh, which may take the id of its folder's Kazakh
    /// text.
    fn is_other_language(&self) -> bool {
        self.lang.is_some() && !self.is_kazakh()
    }
}

/// [`FileLinks`] keys as their 8-byte big-endian forms: in JSON (manifests written before
/// postcard) one base64 string, half the size of JSON numbers; in postcard, the bytes.
mod packed_keys {
    use base64::engine::general_purpose::STANDARD_NO_PAD;
    use base64::Engine;
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(keys: &[u64], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = keys.iter().flat_map(|k| k.to_be_bytes()).collect();
        if s.is_human_readable() {
            s.serialize_str(&STANDARD_NO_PAD.encode(bytes))
        } else {
            s.serialize_bytes(&bytes)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
        let bytes = if d.is_human_readable() {
            let text = String::deserialize(d)?;
            STANDARD_NO_PAD.decode(text).map_err(D::Error::custom)?
        } else {
            <&[u8]>::deserialize(d)?.to_vec()
        };
        if bytes.len() % 8 != 0 {
            return Err(D::Error::custom("link keys are not 8-byte keys"));
        }
        bytes
            .chunks_exact(8)
            .map(|c| <[u8; 8]>::try_from(c).map(u64::from_be_bytes))
            .collect::<Result<_, _>>()
            .map_err(D::Error::custom)
    }
}

/// A hash of `kind` and `parts` for [`FileLinks`]: FNV-1a, the same on every run, platform
/// and version (std's hasher is not), as the keys outlive the process in the manifest.
fn link_key(kind: &str, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in std::iter::once(kind).chain(parts.iter().copied()) {
        // 0xff never occurs in UTF-8: it separates the parts.
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The key of an act named by a date and a number (an issuance, a target, a cited amending
/// act). Spaces are left out as [`link_groups`] leaves them out of issuances and targets: the
/// key is then at most coarser than a comparison with spaces, so it links no fewer files.
fn act_key(date: Option<chrono::NaiveDate>, number: &str) -> u64 {
    let date = date.map(|d| d.to_string()).unwrap_or_default();
    link_key("act", &[&date, &number.replace(' ', "")])
}

/// What an incremental read ([`ingest_scanned_changes`]) knows of the corpus as the previous
/// read found it, beside the files of the [`Listed`] corpus now: each of its vectors has one
/// entry a file, in the listing's order, so that the two are read side by side rather than
/// looked up by name.
#[derive(Debug, Clone, Default)]
pub struct Previous<'a> {
    /// Each file of the listing with its links at the previous read; `None` for a file the
    /// previous read did not have.
    pub then: Vec<Option<&'a FileLinks>>,
    /// Each file of the listing: whether its bytes (and metadata files) are the same as then,
    /// and it gave an act then (refused or not for what other files hold): read again, it
    /// would give the same act, or be refused alike, unless a file linked to it changed.
    pub unchanged: Vec<bool>,
    /// The files of the previous read that the listing does not have (gone, or passed over by
    /// the walk now), in path order.
    pub unlisted: Vec<Unlisted<'a>>,
}

/// A file of the previous read that the listing now does not have.
#[derive(Debug, Clone, Copy)]
pub struct Unlisted<'a> {
    /// Its path relative to the corpus folder's parent (as `Source::file`).
    pub rel: &'a str,
    /// Its links then.
    pub links: &'a FileLinks,
    /// As [`Previous::unchanged`]. Only a file the walk passed over then as now can be: its
    /// entry is as that walk left it.
    pub unchanged: bool,
}

impl Previous<'_> {
    /// Whether this is of a listing of `files` files.
    fn fits(&self, files: usize) -> bool {
        self.then.len() == files && self.unchanged.len() == files
    }
}

/// What [`ingest_scanned_changes`] did.
#[derive(Debug, Default)]
pub struct StreamReport {
    /// The files that could not be ingested (and, marked `indexed`, warnings).
    pub failures: Vec<IngestFailure>,
    /// The files read and parsed, by path relative to the corpus folder's parent, each with
    /// its links (empty for a file that gave no act). The files left unread are the others:
    /// their acts would be what the previous read made.
    pub parsed: BTreeMap<String, FileLinks>,
}

/// Ingests the corpus's files as a scan listed them and hands the linked acts to `sink` a chunk
/// at a time, so memory holds one chunk of acts, not the corpus's: the one pipeline, which
/// `zanlex index`, every refresh and the tests' whole-folder reads run.
///
/// Phase 1 ingests each file (in parallel) and keeps a link summary of its act in memory and
/// the act itself either in memory too (when the corpus's files add up to `keep_bytes` at most)
/// or in an anonymous temporary file (a spill file), so phase 2 reads it back instead of
/// ingesting the file again; acts that [`crate::amend::link_corpus`] may link (editions,
/// amending act and target, effective dates borrowed from a published act) are grouped. Phase
/// 2 takes the files a group at a time, gathering groups into chunks of about `chunk_files`
/// files (a group is never split), links each chunk with [`crate::amend::link_corpus`] and
/// passes it to `sink`, in the order of each group's first file; an error from `sink` stops
/// the run.
///
/// With `previous`, phase 1 parses the files that changed or are new, then the files linked to
/// them, or to a changed or removed file, now or at the previous read (the two can differ: an
/// act that stops amending another leaves its former target to read again), and only their
/// acts are handed to `sink`: the acts of the files left unread would be what the previous
/// read made of them. Without `previous` every file is read. `previous` must be of the same
/// listing ([`Previous`]); one that is not is taken as none.
pub fn ingest_scanned_changes<F>(
    corpus: &Listed,
    chunk_files: usize,
    keep_bytes: u64,
    previous: Option<&Previous>,
    mut sink: F,
) -> crate::Result<StreamReport>
where
    F: FnMut(Vec<Act>) -> crate::Result<()>,
{
    let previous = previous.filter(|p| {
        let fits = p.fits(corpus.files.len());
        if !fits {
            log::warn!("the previous read is not of this listing: every file is read");
        }
        fits
    });
    // A folder's meta.yaml is parsed once for all the texts beside it.
    let _meta = crate::extract::sidecar::folder_meta_cache::scope();
    let mut report = StreamReport::default();
    let (parsed, spill) = read_files(corpus, keep_bytes, previous);
    let (mut sums, mut stashes) = summarize(corpus, parsed, &mut report);
    let takes = unify_summaries(corpus, &mut sums, &mut stashes, &mut report.failures);
    for chunk in chunks_of_linked_files(&sums, chunk_files) {
        let acts = load_chunk(
            corpus,
            &chunk,
            &mut stashes,
            spill.as_ref(),
            &takes,
            &mut report.failures,
        );
        sink(acts)?;
    }
    Ok(report)
}

/// The corpus's files as a listing found them, with their names and sizes, in the order of
/// their names (as [`crate::walk::sort_paths`] and a manifest have them).
pub struct Listed<'a> {
    /// Each file's path, under the corpus folder by its real name (as ingestion names it).
    pub files: Vec<&'a Path>,
    /// The folder `Source::file` paths are relative to: the corpus folder's parent.
    pub parent: PathBuf,
    /// Each file relative to `parent`, `/` between folders ([`crate::files::rel_key`]): how
    /// `Source::file` names it.
    pub rels: Vec<&'a str>,
    /// Each file's own size.
    pub sizes: Vec<u64>,
}

/// Phase 1: parses the files that must be read (every file, or with `previous` those that
/// changed or are new and the files linked to them), keeping their acts in memory when they
/// add up to `keep_bytes` at most, else spilling them.
fn read_files(
    corpus: &Listed,
    keep_bytes: u64,
    previous: Option<&Previous>,
) -> (Vec<Parsed>, Option<Spill>) {
    let Listed {
        files,
        parent,
        rels,
        sizes,
    } = corpus;
    let first: Vec<usize> = match previous {
        Some(p) => (0..files.len()).filter(|&i| !p.unchanged[i]).collect(),
        None => (0..files.len()).collect(),
    };
    // A small set of files keeps its acts from phase 1 in memory. A large one spills them:
    // even a part kept until its chunk is written stays in the allocator's heap beside the
    // index writer's.
    let bytes_of = |which: &[usize]| which.iter().map(|&i| sizes[i]).sum::<u64>();
    let keep = bytes_of(&first) <= keep_bytes;
    // Without a temporary file phase 2 ingests the files again: slower, same acts.
    let mut spill = if keep { None } else { new_spill() };
    let mut parsed = parse_files(files, sizes, &first, parent, keep, spill.as_ref());
    if let Some(p) = previous {
        let fresh: HashMap<usize, &FileLinks> = parsed.iter().map(|r| (r.file, &r.links)).collect();
        let more: Vec<usize> = files_to_read(rels, p, &fresh)
            .into_iter()
            .filter(|i| !fresh.contains_key(i))
            .collect();
        let keep = keep && bytes_of(&first) + bytes_of(&more) <= keep_bytes;
        if !keep && spill.is_none() {
            spill = new_spill();
        }
        parsed.extend(parse_files(
            files,
            sizes,
            &more,
            parent,
            keep,
            spill.as_ref(),
        ));
        parsed.sort_unstable_by_key(|r| r.file);
    }
    (parsed, spill)
}

/// The link summaries of the acts phase 1 made and where each act waits (by file); the
/// failures and each parsed file's links go to `report`.
fn summarize(
    corpus: &Listed,
    parsed: Vec<Parsed>,
    report: &mut StreamReport,
) -> (Vec<LinkSummary>, HashMap<usize, Stash>) {
    let mut sums = Vec::new();
    let mut stashes: HashMap<usize, Stash> = HashMap::new();
    for r in parsed {
        if let Some((s, stash)) = r.act {
            stashes.insert(s.file, stash);
            sums.push(s);
        }
        report.failures.extend(r.failures);
        report
            .parsed
            .insert(corpus.rels[r.file].to_string(), r.links);
    }
    (sums, stashes)
}

/// Gives editions without requisites their keyed edition's id ([`unify_plan`]) and
/// drops the later of two undated editions of one act, as failures. Returns the facts each
/// file's act takes, by file.
fn unify_summaries(
    corpus: &Listed,
    sums: &mut Vec<LinkSummary>,
    stashes: &mut HashMap<usize, Stash>,
    failures: &mut Vec<IngestFailure>,
) -> HashMap<usize, IdFacts> {
    let keys: Vec<UnifyKey> = sums.iter().map(|s| s.unify.clone()).collect();
    let mut takes: HashMap<usize, IdFacts> = HashMap::new();
    let plan = unify_plan(&keys);
    // The act as a whole knows what any of its texts knows: a giver whose words of enactment
    // were not read («другое») takes the kind its twin's text gives, its unknown day, number
    // and issuer too, and the id those facts make; then every text takes the act's facts.
    let mut learnt: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(i, j) in &plan {
        learnt.entry(j).or_default().push(i);
    }
    for (j, takers) in learnt {
        let others: Vec<(&IdFacts, crate::model::Lang)> = takers
            .iter()
            .map(|&i| (&sums[i].facts, sums[i].unify.lang))
            .collect();
        let giver = &sums[j];
        if let Some(facts) = giver
            .facts
            .learn_from(&others, giver.unify.lang, &giver.unify.title)
        {
            takes.insert(giver.file, facts.clone());
            let s = &mut sums[j];
            s.own_ref = ref_key(&facts.issuances);
            s.facts = facts;
        }
    }
    for (i, j) in plan {
        let facts = sums[j].facts.clone();
        takes.insert(sums[i].file, facts.clone());
        // The summary now links as the unified act does.
        let s = &mut sums[i];
        s.own_ref = ref_key(&facts.issuances);
        s.facts = facts;
    }
    // Two acts whose ids came out the same are told apart, never one refused for the other.
    let facts: Vec<(IdFacts, crate::model::Lang, &str)> = sums
        .iter()
        .map(|s| (s.facts.clone(), s.unify.lang, s.unify.title.as_str()))
        .collect();
    let apart = ids_apart(&facts);
    for (s, id) in sums.iter_mut().zip(apart) {
        if let Some(id) = id {
            s.facts.id = id;
            takes.insert(s.file, s.facts.clone());
        }
    }
    // Two undated editions of one act cannot be put in order: the later files are errors.
    let ids: Vec<(String, crate::model::Lang, bool, String)> = sums
        .iter()
        .map(|s| {
            (
                s.facts.id.clone(),
                s.unify.lang,
                s.dated,
                s.unify.file.clone(),
            )
        })
        .collect();
    let undated = undated_twins(&ids);
    if !undated.is_empty() {
        let mut k = 0;
        sums.retain(|s| {
            let drop = undated.iter().find(|(i, _)| *i == k);
            k += 1;
            match drop {
                Some((_, reason)) => {
                    stashes.remove(&s.file);
                    let file = &corpus.files[s.file];
                    failures.push(IngestFailure {
                        path: file
                            .strip_prefix(&corpus.parent)
                            .unwrap_or(file)
                            .to_path_buf(),
                        reason: reason.clone(),
                        indexed: false,
                    });
                    false
                }
                None => true,
            }
        });
    }
    takes
}

/// The files of the acts of `sums` in chunks of about `chunk_files` files, each chunk whole
/// groups of acts [`crate::amend::link_corpus`] may link ([`link_groups`]), sorted; the
/// chunks in the order of their groups' first file.
fn chunks_of_linked_files(sums: &[LinkSummary], chunk_files: usize) -> Vec<Vec<usize>> {
    let mut groups = link_groups(sums);
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, s) in sums.iter().enumerate() {
        members.entry(groups.find(i)).or_default().push(s.file);
    }
    let mut chunks = Vec::new();
    let mut chunk: Vec<usize> = Vec::new();
    let mut groups_iter = members.into_values().peekable();
    while let Some(group) = groups_iter.next() {
        chunk.extend(group);
        let full = groups_iter
            .peek()
            .is_none_or(|next| chunk.len() + next.len() > chunk_files.max(1));
        if full {
            chunk.sort_unstable();
            chunks.push(std::mem::take(&mut chunk));
        }
    }
    chunks
}

/// Phase 2 for one chunk of files: their acts from where phase 1 left them (read back, or
/// ingested again), given the ids they take, linked with [`crate::amend::link_corpus`].
fn load_chunk(
    corpus: &Listed,
    chunk: &[usize],
    stashes: &mut HashMap<usize, Stash>,
    spill: Option<&Spill>,
    takes: &HashMap<usize, IdFacts>,
    failures: &mut Vec<IngestFailure>,
) -> Vec<Act> {
    let Listed { files, parent, .. } = corpus;
    let stashed: Vec<(usize, Stash)> = chunk
        .iter()
        .filter_map(|&i| stashes.remove(&i).map(|s| (i, s)))
        .collect();
    let loaded: Vec<(usize, crate::Result<Act>)> = stashed
        .into_par_iter()
        .map(|(i, stash)| {
            let again = || ingest_file(files[i], parent);
            let act = match stash {
                Stash::Kept(a) => Ok(*a),
                Stash::Spilled(at) => spill.and_then(|sp| sp.read(&at)).map_or_else(again, Ok),
                Stash::Reread => again(),
            };
            (i, act)
        })
        .collect();
    let mut acts: Vec<Act> = Vec::with_capacity(loaded.len());
    for (i, act) in loaded {
        let mut act = match act {
            Ok(a) => a,
            // The file changed since phase 1.
            Err(e) => {
                failures.push(failure_of(files[i], parent, &e));
                continue;
            }
        };
        if let Some(f) = takes.get(&i) {
            f.clone().give_to(&mut act);
        }
        acts.push(act);
    }
    link(&mut acts);
    acts
}

/// Links acts across the corpus ([`crate::amend::link_corpus`]), then reads the references
/// of the wording amending acts gave their targets ([`crate::refs::annotate_applied`]).
fn link(acts: &mut Vec<Act>) {
    crate::amend::link_corpus(acts);
    crate::refs::annotate_applied(acts);
}

/// The failure of a file that could not be ingested, named relative to the corpus's parent.
fn failure_of(path: &Path, parent: &Path, e: &crate::Error) -> IngestFailure {
    IngestFailure {
        path: path
            .strip_prefix(parent)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| path.to_path_buf()),
        reason: reason_of(e),
        indexed: false,
    }
}

/// What phase 1 of [`ingest_scanned_changes`] made of one file.
struct Parsed {
    /// Index into the corpus's file list.
    file: usize,
    /// The act's link summary and where the act waits for phase 2; `None` when it failed.
    act: Option<(LinkSummary, Stash)>,
    links: FileLinks,
    failures: Vec<IngestFailure>,
}

/// Phase 1 of [`ingest_scanned_changes`] over `files[i]` for each `i` of `which` (in
/// parallel): the results in the order of `which`. Acts are kept in memory with `keep`, else
/// written to `spill` (else read again in phase 2).
fn parse_files(
    files: &[&Path],
    sizes: &[u64],
    which: &[usize],
    parent: &Path,
    keep: bool,
    spill: Option<&Spill>,
) -> Vec<Parsed> {
    let paths: Vec<&Path> = which.iter().map(|&i| files[i]).collect();
    let sizes: Vec<u64> = which.iter().map(|&i| sizes[i]).collect();
    map_files(&paths, &sizes, |k, f| {
        let file = which[k];
        match ingest_file_warning(f, parent) {
            Ok((act, warnings)) => {
                let s = LinkSummary::of(file, &act);
                let stash = if keep {
                    Stash::Kept(Box::new(act))
                } else {
                    let at = spill.and_then(|sp| sp.write(&act));
                    at.map_or(Stash::Reread, Stash::Spilled)
                };
                Parsed {
                    file,
                    links: FileLinks::of(&s),
                    act: Some((s, stash)),
                    failures: warnings_of(f, parent, warnings),
                }
            }
            Err(e) => Parsed {
                file,
                act: None,
                links: FileLinks::default(),
                failures: vec![failure_of(f, parent, &e)],
            },
        }
    })
}

/// The files an incremental read must parse (indices into `rels`, the corpus's files now):
/// every file linked, now or at the previous read, to a file that changed, is new or is gone.
/// `fresh` holds the links of the files parsed already: those not unchanged.
///
/// Files are linked as [`FileLinks`] says, and within a folder that holds a text in another
/// language than Kazakh, then or now, unless the folder held Kazakh acts of two fixed ids
/// both then and now (its texts then take no id from one another, whatever else changes).
/// A file left unread thus belongs to a group of linked files that is the same now as then,
/// none of which changed: linking them again would give the same acts. Where a text to read
/// sits in a folder of several Kazakh acts, two of those acts are read too, so that
/// [`unify_plan`] sees the folder hold several acts, as in a read of the whole corpus.
///
/// The files are grouped once, by their links now and, for the files that changed or are
/// gone, by their links then too: every other file links now as it did then, so a group of
/// this grouping is what linking then and now in turn reaches from a file that changed, and
/// the files that changed are few.
fn files_to_read(
    rels: &[&str],
    previous: &Previous,
    fresh: &HashMap<usize, &FileLinks>,
) -> BTreeSet<usize> {
    let no_act = FileLinks::default();
    let mut fresh_links: Vec<Option<&FileLinks>> = vec![None; rels.len()];
    for (&i, &links) in fresh {
        fresh_links[i] = Some(links);
    }
    // Every file now (`0..rels.len()`), in path order: a folder's witnesses are its first acts.
    let mut files: Vec<(usize, &FileLinks)> = fresh_links
        .iter()
        .zip(&previous.then)
        .enumerate()
        .map(|(i, (now, then))| (i, now.or(*then).unwrap_or(&no_act)))
        .collect();
    let now_len = files.len();
    let mut folders = Folders::of(rels);
    // The files of the previous read that changed (the same file now: read again, so `fresh`
    // has it) or are not listed now (a node of their own after those of now), with their
    // links then.
    let mut then_changed: Vec<(usize, &FileLinks)> = (0..now_len)
        .filter(|&i| !previous.unchanged[i])
        .filter_map(|i| previous.then[i].map(|links| (i, links)))
        .collect();
    for u in previous.unlisted.iter().filter(|u| !u.unchanged) {
        then_changed.push((folders.add_node(u.rel), u.links));
    }
    // A folder holding none of these holds the same acts now as then.
    let changed_folders: BTreeSet<usize> = then_changed
        .iter()
        .map(|&(node, _)| node)
        .chain(fresh.keys().copied())
        .map(|node| folders.of_node[node])
        .collect();
    let folders_now = FolderActs::of_numbered(folders.count(), &folders.of_node, &files);
    // The acts of the changed folders then: of the files listed now that the previous read
    // had, and of those unlisted.
    let mut folders_then: BTreeMap<usize, FolderActs> = BTreeMap::new();
    for &folder in &changed_folders {
        let then = folders_then.entry(folder).or_default();
        for i in in_folder(rels, folders.names[folder]) {
            if let Some(links) = previous.then[i] {
                then.add(i, links);
            }
        }
    }
    for u in &previous.unlisted {
        // A folder with no number has no file now and none that changed: it is not changed.
        let folder = folders.by_name.get(folder_of(u.rel));
        if let Some(then) = folder.and_then(|f| folders_then.get_mut(f)) {
            // Of a folder then, only how many witnesses it has is read: not which files.
            then.add(usize::MAX, u.links);
        }
    }
    let linked: Vec<bool> = (0..folders.count())
        .map(|f| {
            let then = folders_then.get(&f).unwrap_or(&folders_now[f]);
            FolderActs::links_texts(Some(then), Some(&folders_now[f]))
        })
        .collect();
    files.extend(then_changed.iter().copied());
    let mut groups = file_groups(folders.of_node.len(), &files, &folders.of_node, &linked);
    // Groups do not change below: each file's is looked up once.
    let group_of: Vec<usize> = (0..now_len).map(|i| groups.find(i)).collect();
    let mut wanted = vec![false; folders.of_node.len()];
    for &node in fresh
        .keys()
        .chain(then_changed.iter().map(|(node, _)| node))
    {
        wanted[groups.find(node)] = true;
    }
    loop {
        let chosen: BTreeSet<usize> = (0..now_len).filter(|&i| wanted[group_of[i]]).collect();
        let mut more = false;
        for &i in &chosen {
            if files[i].1.is_other_language() {
                for &w in &folders_now[folders.of_node[i]].witnesses {
                    more |= !std::mem::replace(&mut wanted[group_of[w]], true);
                }
            }
        }
        if !more {
            return chosen;
        }
    }
}

/// The folders of the nodes [`files_to_read`] groups, numbered: each file of the listing
/// (nodes `0..` the listing's length, in its order) and each file of the previous read not
/// listed now (the nodes after).
struct Folders<'a> {
    /// Each folder's name ([`folder_of`]), by number.
    names: Vec<&'a str>,
    /// Each node's folder.
    of_node: Vec<usize>,
    /// Folder numbers by name.
    by_name: FxHashMap<&'a str, usize>,
}

impl<'a> Folders<'a> {
    /// The folders of the files `rels` (sorted by name): a folder's files mostly follow one
    /// another, so a name is looked up only where it changes.
    fn of(rels: &[&'a str]) -> Self {
        let mut folders = Folders {
            names: Vec::new(),
            of_node: Vec::with_capacity(rels.len()),
            by_name: FxHashMap::default(),
        };
        for rel in rels {
            let name = folder_of(rel);
            let same = folders
                .of_node
                .last()
                .filter(|&&f| folders.names[f] == name)
                .copied();
            let folder = same.unwrap_or_else(|| folders.number(name));
            folders.of_node.push(folder);
        }
        folders
    }

    /// The number of the folder `name`, a new one if it has none yet.
    fn number(&mut self, name: &'a str) -> usize {
        *self.by_name.entry(name).or_insert_with(|| {
            self.names.push(name);
            self.names.len() - 1
        })
    }

    /// A node for a file not listed now, `rel`: its number.
    fn add_node(&mut self, rel: &'a str) -> usize {
        let folder = self.number(folder_of(rel));
        self.of_node.push(folder);
        self.of_node.len() - 1
    }

    /// How many folders are numbered.
    fn count(&self) -> usize {
        self.names.len()
    }
}

/// The folder of a file named relative to the corpus's parent (up to its last `/`), as
/// [`UnifyKey::folder`] takes it.
fn folder_of(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// The files of `rels` (sorted by name) directly in `folder` ([`folder_of`]): the names
/// under a folder lie together in that order, and are found by halving.
fn in_folder<'r>(rels: &'r [&str], folder: &'r str) -> impl Iterator<Item = usize> + 'r {
    let under = if folder.is_empty() {
        String::new()
    } else {
        format!("{folder}/")
    };
    let from = rels.partition_point(|rel| *rel < under.as_str());
    let to = from
        + rels[from..]
            .iter()
            .take_while(|rel| rel.starts_with(under.as_str()))
            .count();
    (from..to).filter(move |&i| folder_of(rels[i]) == folder)
}

/// What [`unify_plan`]'s rule for the texts of one folder reads of the folder's acts.
#[derive(Default)]
struct FolderActs {
    /// The folder holds a text in another language than Kazakh.
    other_language: bool,
    /// The first two Kazakh acts of different fixed ids ([`FileLinks::fixed_id`]), by index
    /// into the files they were added from ([`FolderActs::add`]).
    witnesses: Vec<usize>,
    /// Those acts' fixed ids.
    fixed: Vec<u64>,
}

impl FolderActs {
    /// Adds the `i`th file, with its links, to the folder's acts (files in path order).
    fn add(&mut self, i: usize, links: &FileLinks) {
        if links.lang.is_none() {
            return;
        }
        self.other_language |= links.is_other_language();
        if let Some(id) = links.fixed_id {
            if self.fixed.len() < 2 && !self.fixed.contains(&id) {
                self.fixed.push(id);
                self.witnesses.push(i);
            }
        }
    }

    /// The acts of each of `count` folders, from `files` (each with its index and links, in
    /// path order) in the folders `of_node` numbers.
    fn of_numbered(count: usize, of_node: &[usize], files: &[(usize, &FileLinks)]) -> Vec<Self> {
        let mut out: Vec<FolderActs> = (0..count).map(|_| FolderActs::default()).collect();
        for &(i, links) in files {
            out[of_node[i]].add(i, links);
        }
        out
    }

    /// The acts of each folder of `files` (paths and links, in path order), by name.
    #[cfg(test)]
    fn of<'a>(files: &[impl FileOf<'a>]) -> FxHashMap<&'a str, FolderActs> {
        let mut out: FxHashMap<&str, FolderActs> = FxHashMap::default();
        for (i, (rel, links)) in files.iter().map(FileOf::file).enumerate() {
            if links.lang.is_some() {
                out.entry(folder_of(rel)).or_default().add(i, links);
            }
        }
        out
    }

    /// Whether the folder's Kazakh acts certainly give no id to its other texts.
    fn several(acts: Option<&FolderActs>) -> bool {
        acts.is_some_and(|a| a.witnesses.len() >= 2)
    }

    /// Whether the texts of a folder are linked, given its acts then and now: where the
    /// folder has a text in another language and may have held one Kazakh act then or now.
    fn links_texts(then: Option<&FolderActs>, now: Option<&FolderActs>) -> bool {
        let other = then.is_some_and(|a| a.other_language) || now.is_some_and(|a| a.other_language);
        other && !(Self::several(then) && Self::several(now))
    }
}

/// A file as [`FolderActs::of`] reads it: its path and its links.
#[cfg(test)]
trait FileOf<'a> {
    fn file(&self) -> (&'a str, &'a FileLinks);
}

#[cfg(test)]
impl<'a> FileOf<'a> for (&'a str, &'a FileLinks) {
    fn file(&self) -> (&'a str, &'a FileLinks) {
        *self
    }
}

#[cfg(test)]
impl<'a> FileOf<'a> for (usize, &'a str, &'a FileLinks) {
    fn file(&self) -> (&'a str, &'a FileLinks) {
        (self.1, self.2)
    }
}

/// Groups the `count` nodes of `files` (each a node and its links: a file may come more than
/// once, with each of its links) by their links ([`FileLinks`]): files that share a key they
/// have, a file and those that have a key it seeks, and the files with an act in a folder
/// `linked` marks (their folders numbered by `of_node`).
fn file_groups(
    count: usize,
    files: &[(usize, &FileLinks)],
    of_node: &[usize],
    linked: &[bool],
) -> Groups {
    let mut g = Groups((0..count).collect());
    let mut first: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(files.len(), Default::default());
    // The first node of each linked folder with an act.
    let mut first_of_folder: Vec<Option<usize>> = vec![None; linked.len()];
    for &(i, links) in files {
        let folder = of_node[i];
        if links.lang.is_some() && linked[folder] {
            match first_of_folder[folder] {
                Some(j) => g.union(i, j),
                None => first_of_folder[folder] = Some(i),
            }
        }
        for &k in &links.has {
            match first.get(&k) {
                Some(&j) => g.union(i, j),
                None => {
                    first.insert(k, i);
                }
            }
        }
    }
    for &(i, links) in files {
        for k in &links.seeks {
            if let Some(&j) = first.get(k) {
                g.union(i, j);
            }
        }
    }
    g
}

/// Where phase 1 of [`ingest_scanned_changes`] left an act for phase 2.
enum Stash {
    /// In memory (a corpus of at most `keep_bytes`).
    Kept(Box<Act>),
    /// In the [`Spill`] file.
    Spilled(Spilled),
    /// Nowhere: phase 2 ingests the file again (no temporary file could be written).
    Reread,
}

/// Where phase 1 of [`ingest_scanned_changes`] put an act in its [`Spill`] file.
#[derive(Debug, Clone, Copy)]
struct Spilled {
    offset: u64,
    len: usize,
}

/// An anonymous temporary file holding phase 1's acts as JSON, so a corpus too large to keep
/// in memory is still read and parsed once: reading an act back costs a fraction of
/// extracting, repairing and segmenting its file again, and the file's pages belong to the
/// kernel's cache, not to zanlex's resident memory. The file is gone when the run ends.
struct Spill {
    file: std::sync::Mutex<(std::fs::File, u64)>,
}

impl Spill {
    fn new() -> std::io::Result<Self> {
        Ok(Spill {
            file: std::sync::Mutex::new((tempfile::tempfile()?, 0)),
        })
    }

    /// Appends `act`; `None` when it could not be written (phase 2 then ingests its file).
    fn write(&self, act: &Act) -> Option<Spilled> {
        use std::io::Write;
        let bytes = serde_json::to_vec(act).ok()?;
        let mut guard = self.file.lock().ok()?;
        let (file, end) = &mut *guard;
        file.write_all(&bytes).ok()?;
        let at = Spilled {
            offset: *end,
            len: bytes.len(),
        };
        *end += bytes.len() as u64;
        Some(at)
    }

    /// The act written at `at`; `None` when it cannot be read back.
    fn read(&self, at: &Spilled) -> Option<Act> {
        use std::io::{Read, Seek, SeekFrom};
        let mut bytes = vec![0; at.len];
        {
            let mut guard = self.file.lock().ok()?;
            let (file, end) = &mut *guard;
            file.seek(SeekFrom::Start(at.offset)).ok()?;
            file.read_exact(&mut bytes).ok()?;
            // Appends go on at the end.
            file.seek(SeekFrom::Start(*end)).ok()?;
        }
        // Checked once, fast: serde_json then reads the strings without checking each again.
        let json = simdutf8::basic::from_utf8(&bytes).ok()?;
        serde_json::from_str(json).ok()
    }
}

/// A spill file for phase 1's acts, or `None` (said in the log): without one, phase 2 reads
/// those files again, slower but with the same acts.
fn new_spill() -> Option<Spill> {
    Spill::new()
        .map_err(|e| {
            log::warn!(
                "cannot create a temporary file for parsed acts ({e}); they will be read again"
            )
        })
        .ok()
}

#[cfg(test)]
mod test_entry;
#[cfg(test)]
pub use test_entry::{corpus_files, ingest_corpus, ingest_corpus_streaming, IngestReport};

#[cfg(test)]
mod files_to_read_tests;

#[cfg(test)]
mod scale_tests;

#[cfg(test)]
mod streaming_tests;

#[cfg(test)]
mod hostile_tests;

#[cfg(test)]
mod corpus_tests;

#[cfg(test)]
mod mirror_tests;

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn ingest_corpus_streaming() {
        // Compiled, not run, as the example was.
        let _example = || -> Result<(), crate::Error> {
            let mut n = 0;
            let _failures = crate::ingest::ingest_corpus_streaming(
                std::path::Path::new("corpus"),
                64,
                0,
                |acts| {
                    n += acts.len();
                    Ok(())
                },
            )?;
            Ok::<(), crate::Error>(())
        };
    }
}

#[cfg(test)]
mod tests {
    use super::test_entry::file_sizes;
    use super::*;

    /// Every file is mapped once and the results come back in the order of the files, though
    /// the files are taken largest first (one thread shows the order taken); a missing file is
    /// still handed to `f`.
    #[test]
    fn map_files_takes_largest_first_and_keeps_file_order() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut files = Vec::new();
        for (name, len) in [("a.txt", 10), ("b.txt", 3000), ("c.txt", 0), ("d.txt", 700)] {
            let path = dir.path().join(name);
            std::fs::write(&path, "x".repeat(len)).expect("write");
            files.push(path);
        }
        files.push(dir.path().join("missing.txt"));
        let sizes = file_sizes(&files);
        assert_eq!(sizes, [10, 3000, 0, 700, 0]);
        let map = || {
            let taken = std::sync::Mutex::new(Vec::new());
            let out = map_files(&files, &sizes, |i, path| {
                taken.lock().expect("lock").push(i);
                (i, std::fs::metadata(path).map_or(u64::MAX, |m| m.len()))
            });
            (out, taken.into_inner().expect("lock"))
        };
        let in_file_order = [(0, 10), (1, 3000), (2, 0), (3, 700), (4, u64::MAX)];
        let one_thread = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("thread pool");
        let (out, taken) = one_thread.install(map);
        assert_eq!(out, in_file_order);
        assert_eq!(taken, [1, 3, 0, 2, 4]);
        let (out, mut taken) = map();
        assert_eq!(out, in_file_order);
        taken.sort_unstable();
        assert_eq!(taken, [0, 1, 2, 3, 4]);
    }

    /// Links go into the manifest as postcard and come back the same, keys as their bytes;
    /// those of manifests written as JSON (keys as packed base64) read back the same too.
    #[test]
    fn file_links_round_trip_through_the_manifest() {
        let links = FileLinks {
            lang: Some(crate::model::Lang::Ru),
            has: vec![1, u64::MAX],
            seeks: vec![0],
            fixed_id: None,
        };
        let packed = postcard::to_stdvec(&links).expect("serializes");
        // Some(ru), 16 bytes of keys, 8 bytes of keys, None.
        assert_eq!(packed.len(), 2 + 1 + 16 + 1 + 8 + 1);
        assert_eq!(
            &packed[3..19],
            &[0, 0, 0, 0, 0, 0, 0, 1, 255, 255, 255, 255, 255, 255, 255, 255]
        );
        let back: FileLinks = postcard::from_bytes(&packed).expect("deserializes");
        assert_eq!(back, links);
        let mut odd = postcard::to_stdvec(&FileLinks::default()).expect("serializes");
        odd[2] = 4;
        odd.splice(3..3, [0u8; 4]);
        assert!(
            postcard::from_bytes::<FileLinks>(&odd).is_err(),
            "keys of 4 bytes"
        );
        let json = r#"{"lang":"ru","has":"AAAAAAAAAAH//////////w","seeks":"AAAAAAAAAAA"}"#;
        let from_json: FileLinks = serde_json::from_str(json).expect("deserializes");
        assert_eq!(from_json, links);
        let none: FileLinks = serde_json::from_str("{}").expect("deserializes");
        assert_eq!(none, FileLinks::default());
        assert!(serde_json::from_str::<FileLinks>(r#"{"has":"AAAA"}"#).is_err());
    }

    /// The keys of [`LINKS_FORMAT`] 1. Making other keys of the same facts needs the format
    /// changed: manifests keep the keys of the build that wrote them.
    #[test]
    fn link_keys_are_those_of_their_format() {
        assert_eq!(LINKS_FORMAT, 1);
        assert_eq!(link_key("id", &["x"]), 0xf6c5_9239_3269_a490);
        let date = chrono::NaiveDate::from_ymd_opt(2019, 3, 1);
        assert_eq!(act_key(date, "11-1-4/ 99"), act_key(date, "11-1-4/99"));
        assert_eq!(act_key(date, "11-1-4/99"), 0x17c6_043f_28ce_e352);
    }
}

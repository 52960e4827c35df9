//! The benchmark corpus scaler's mirror layout (`zanlex-scale --layout mirror`): act folders
//! with `kaz.md`, `rus.md` and `meta.yaml` as the public mirror lays them out, codes split into
//! part files, and editions as git history, all read by zanlex as the mirror is.

use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use zanlex::{BuildOptions, Lang, ZanIndex};
use zanlex_scale::{
    load_mirror_templates, write_mirror, MirrorOptions, MirrorReport, MirrorTemplate,
};

fn templates() -> Vec<MirrorTemplate> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    load_mirror_templates(&[root.join("mirror"), root.join("split")]).expect("templates load")
}

/// The files under `dir` (not `.git`), by path relative to it.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("listing") {
            let p = e.expect("entry").path();
            if p.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .expect("below")
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&p).expect("read"));
            }
        }
    }
    out
}

/// The SHA-256 of a tree: every path and its bytes, in path order.
fn tree_hash(dir: &Path) -> String {
    let mut h = Sha256::new();
    for (path, bytes) in tree(dir) {
        h.update(path.as_bytes());
        h.update([0]);
        h.update((bytes.len() as u64).to_be_bytes());
        h.update(&bytes);
    }
    hex::encode(h.finalize())
}

/// The act folders of a written corpus (those holding a meta.yaml), by path.
fn act_folders(files: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    files
        .keys()
        .filter_map(|k| k.strip_suffix("/meta.yaml").map(str::to_string))
        .collect()
}

fn build(corpus: &Path, index: &Path) -> (ZanIndex, zanlex::RefreshReport) {
    let (index, report) =
        ZanIndex::open_or_build(corpus, index, &BuildOptions::default()).expect("index builds");
    assert!(report.failures.is_empty(), "{:#?}", report.failures);
    (index, report)
}

/// A small mirror corpus (about 2 MB, seed 3), written once.
fn small() -> &'static (tempfile::TempDir, MirrorReport) {
    static BUILT: std::sync::OnceLock<(tempfile::TempDir, MirrorReport)> =
        std::sync::OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        let report = write_mirror(
            &templates(),
            &corpus,
            2_000_000,
            3,
            &MirrorOptions::default(),
        )
        .expect("written");
        (dir, report)
    })
}

/// Every act folder is indexed, in both languages, as one act with the folder's code: as many
/// texts and acts as the scaler says it wrote, every one distinct, split ones included.
#[test]
fn scale_mirror_corpus_is_indexed_act_for_act() {
    let (dir, report) = small();
    let corpus = dir.path().join("corpus");
    let files = tree(&corpus);
    // The report counts what is on disk.
    assert_eq!(files.len() as u64, report.files);
    assert_eq!(
        files.values().map(|b| b.len() as u64).sum::<u64>(),
        report.bytes
    );
    let folders = act_folders(&files);
    assert_eq!(folders.len() as u64, report.acts);
    assert_eq!(report.texts, 2 * report.acts);
    assert!(
        (0.95..=1.0).contains(&(report.bytes as f64 / 2e6)),
        "{} bytes",
        report.bytes
    );
    // A few repositories, as the mirror has.
    let repos: BTreeSet<&str> = folders.iter().filter_map(|f| f.split('/').next()).collect();
    assert_eq!(
        repos,
        BTreeSet::from(["codes", "local-almaty-oblast", "ministerial"])
    );
    assert!(report.split_acts > 0, "no act written split");
    let parts = files
        .keys()
        .filter(|k| k.contains("/kaz/") || k.contains("/rus/"))
        .count();
    assert_eq!(parts as u64, report.parts);

    let (index, built) = build(&corpus, &dir.path().join("index"));
    assert_eq!(built.added.len() as u64, report.texts, "{:?}", built.added);
    let acts = index.acts().expect("acts");
    assert_eq!(acts.len() as u64, report.texts);
    let mut by_id: BTreeMap<&str, Vec<&zanlex::Act>> = BTreeMap::new();
    for a in &acts {
        by_id.entry(a.id.as_str()).or_default().push(a);
    }
    assert_eq!(
        by_id.len() as u64,
        report.acts,
        "every act folder is an act of its own"
    );
    let codes: BTreeSet<String> = folders
        .iter()
        .map(|f| f.rsplit('-').next().expect("code").to_string())
        .collect();
    for (id, exprs) in &by_id {
        let langs: BTreeSet<Lang> = exprs.iter().map(|a| a.lang).collect();
        assert_eq!(langs, BTreeSet::from([Lang::Kk, Lang::Ru]), "{id}");
        let code = exprs[0].code.clone().expect("code from meta.yaml");
        assert!(codes.contains(&code), "{id}: {code}");
        assert!(exprs
            .iter()
            .all(|a| a.code.as_deref() == Some(code.as_str())));
        // Both texts were made from one template pair: the same units, mostly (the sample's
        // own texts differ in a few places, 89455's Kazakh paragraph 16 glued to 15).
        let (kk, ru) = (exprs[0].all_units().len(), exprs[1].all_units().len());
        assert!(
            kk.abs_diff(ru) * 20 <= kk.max(ru),
            "{id}: {kk} and {ru} units"
        );
        assert!(kk >= 3, "{id}: {kk} units");
    }
    // Each split text is read with its parts.
    let split: Vec<&zanlex::Act> = acts.iter().filter(|a| !a.source.parts.is_empty()).collect();
    assert_eq!(split.len() as u64, 2 * report.split_acts);
    assert_eq!(
        split
            .iter()
            .map(|a| a.source.parts.len() as u64)
            .sum::<u64>(),
        report.parts
    );
}

/// The head of a split text and its parts, joined into one file, is the text: a split act
/// has the units, wording for wording, that the same act written whole has.
#[test]
fn scale_mirror_split_acts_read_as_the_whole_text() {
    let (dir, report) = small();
    let corpus = dir.path().join("corpus");
    let files = tree(&corpus);
    let whole = tempfile::tempdir().expect("temp dir");
    let mut joined_acts = 0;
    for folder in act_folders(&files) {
        let has_parts = files
            .keys()
            .any(|k| k.starts_with(&format!("{folder}/kaz/")));
        if !has_parts {
            continue;
        }
        joined_acts += 1;
        let out = whole.path().join("corpus").join(&folder);
        std::fs::create_dir_all(&out).expect("folder");
        std::fs::write(
            out.join("meta.yaml"),
            &files[&format!("{folder}/meta.yaml")],
        )
        .expect("write");
        for lang in ["kaz", "rus"] {
            let head =
                String::from_utf8(files[&format!("{folder}/{lang}.md")].clone()).expect("utf-8");
            let (head, table) = head
                .split_once("## Части документа")
                .expect("a table of parts");
            let mut text = head.to_string();
            // The parts in the table's order.
            for row in table.lines().filter(|l| l.starts_with("| [")) {
                let link = row
                    .split("](")
                    .nth(1)
                    .and_then(|r| r.split(')').next())
                    .expect("link");
                let part =
                    String::from_utf8(files[&format!("{folder}/{link}")].clone()).expect("utf-8");
                let (back, rest) = part.split_once('\n').expect("a back link");
                assert!(back.starts_with('↑'), "{folder}/{link}");
                text.push_str(rest);
            }
            std::fs::write(out.join(format!("{lang}.md")), text).expect("write");
        }
    }
    assert_eq!(joined_acts, report.split_acts);
    let (split_index, _) = build(&corpus, &dir.path().join("index-split"));
    let (whole_index, _) = build(&whole.path().join("corpus"), &whole.path().join("index"));
    let whole_acts = whole_index.acts().expect("acts");
    assert_eq!(whole_acts.len() as u64, 2 * report.split_acts);
    for w in &whole_acts {
        let s = split_index
            .act_in(&w.id, Some(w.lang))
            .expect("the split act");
        assert!(s.source.parts.len() > 1, "{}", w.id);
        let units = |a: &zanlex::Act| -> Vec<(String, String)> {
            a.all_units()
                .iter()
                .map(|u| (u.eid.clone(), u.full_text()))
                .collect()
        };
        assert_eq!(units(&s), units(w), "{} {:?}", w.id, w.lang);
        assert_eq!(s.title, w.title);
    }
}

/// The split template (the Administrative Procedural Code in `sec001.md` … `sec004.md`) gives
/// split acts with every article of the code, in both languages.
#[test]
fn scale_mirror_codes_keep_their_parts_and_articles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let t = load_mirror_templates(&[root.join("split")]).expect("templates");
    assert_eq!(t.len(), 1);
    assert!(t[0].is_split());
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let report =
        write_mirror(&t, &corpus, 1_200_000, 5, &MirrorOptions::default()).expect("written");
    assert_eq!((report.acts, report.split_acts, report.parts), (1, 1, 8));
    let (index, _) = build(&corpus, &dir.path().join("index"));
    let acts = index.acts().expect("acts");
    assert_eq!(acts.len(), 2);
    for a in &acts {
        assert_eq!(a.source.parts.len(), 4, "{:?}", a.lang);
        assert_eq!(a.kind, zanlex::ActKind::Code);
        let articles = a
            .all_units()
            .iter()
            .filter(|u| u.kind == zanlex::UnitKind::Article)
            .count();
        assert_eq!(articles, 195, "{:?}", a.lang);
        // The act's own number is its sequence number, first: `1-VI`.
        assert_eq!(a.number(), "1-VI");
    }
}

/// The same seed writes the same bytes; another seed another corpus.
#[test]
fn scale_mirror_is_deterministic_for_a_seed() {
    let t = templates();
    let dirs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().expect("dir")).collect();
    let opts = MirrorOptions::default();
    let a = write_mirror(&t, dirs[0].path(), 1_200_000, 7, &opts).expect("a");
    let b = write_mirror(&t, dirs[1].path(), 1_200_000, 7, &opts).expect("b");
    let c = write_mirror(&t, dirs[2].path(), 1_200_000, 8, &opts).expect("c");
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_eq!(tree_hash(dirs[0].path()), tree_hash(dirs[1].path()));
    assert_ne!(tree_hash(dirs[0].path()), tree_hash(dirs[2].path()));
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// With editions the corpus is a clean git checkout whose history zanlex reads: every act has
/// the editions the scaler says it gave it (the first act one per commit), dated by the
/// commits, caused by the commit's amending act; the same seed gives the same commits.
#[cfg(feature = "history")]
#[test]
fn scale_mirror_editions_are_read_from_the_history() {
    use zanlex::git_history::{read_history, sync_history, HistoryOptions};
    const N: u32 = 4;
    let t = templates();
    let opts = MirrorOptions {
        editions: Some(N),
        amend_fraction: 0.1,
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let report = write_mirror(&t, &corpus, 1_500_000, 11, &opts).expect("written");
    assert_eq!(report.commits, u64::from(N));
    assert!(report.editions.len() > 3, "{:?}", report.editions);
    assert!(
        git(&corpus, &["status", "--porcelain"]).is_empty(),
        "a clean checkout"
    );
    assert_eq!(
        git(&corpus, &["rev-list", "--count", "HEAD"]).trim(),
        N.to_string()
    );
    // The files are the last commit's and the report counts them.
    let files = tree(&corpus);
    assert_eq!(files.len() as u64, report.files);
    assert_eq!(
        files.values().map(|b| b.len() as u64).sum::<u64>(),
        report.bytes
    );

    let read = read_history(&corpus, &HistoryOptions::default(), None).expect("history");
    assert_eq!(read.commits_read, N as usize);
    assert_eq!(read.acts.len() as u64, report.acts);
    let first = act_folders(&files)
        .iter()
        .map(|f| f.rsplit('-').next().expect("code").to_string())
        .min()
        .expect("an act");
    let mut amended = 0;
    for act in &read.acts {
        let want = report.editions.get(&act.code).copied().unwrap_or(1);
        assert_eq!(act.editions.len(), want as usize, "{}", act.code);
        let dates: Vec<String> = act.editions.iter().map(|e| e.date.to_string()).collect();
        assert_eq!(dates[0], "2026-09-01", "{}", act.code);
        for (e, later) in act.editions.iter().zip(&act.editions[1..]) {
            assert!(e.date < later.date);
        }
        for e in &act.editions[1..] {
            amended += 1;
            assert_eq!(e.languages, ["kaz", "rus"], "{}", act.code);
            let cause = e.cause.as_ref().expect("the amending act");
            let k = cause.code.as_deref().expect("its code");
            assert!(k.starts_with("40000"), "{k}");
            assert!(cause
                .requisite
                .as_deref()
                .unwrap_or("")
                .contains("-VIII ЗРК"));
        }
    }
    assert_eq!(
        amended,
        report.editions.values().map(|n| n - 1).sum::<u32>()
    );
    assert_eq!(
        report.editions.get(&first),
        Some(&N),
        "the first act has every edition"
    );
    let all = read
        .acts
        .iter()
        .find(|a| a.code == first)
        .expect("the first act");
    assert_eq!(all.editions.len(), N as usize);

    // Indexed as `zanlex index --history` does: the editions folders, one act per language
    // with every edition.
    let editions = dir.path().join("index.history");
    std::fs::create_dir_all(&editions).expect("folder");
    let sync = sync_history(&corpus, &editions, &HistoryOptions::default()).expect("sync");
    assert_eq!(sync.written.len() as u64, report.acts + u64::from(amended));
    let (index, _) = build(&editions, &dir.path().join("index"));
    let acts = index.acts().expect("acts");
    assert_eq!(acts.len() as u64, report.texts);
    let act = acts
        .iter()
        .find(|a| a.code.as_deref() == Some(first.as_str()) && a.lang == Lang::Kk)
        .expect("the first act");
    assert_eq!(act.versions.len(), N as usize, "{:?}", act.versions);

    // The same seed: the same commits.
    let again = dir.path().join("again");
    let report2 = write_mirror(&t, &again, 1_500_000, 11, &opts).expect("written");
    assert_eq!(report, report2);
    assert_eq!(
        git(&corpus, &["rev-parse", "HEAD"]),
        git(&again, &["rev-parse", "HEAD"])
    );
    assert_eq!(tree_hash(&corpus), tree_hash(&again));
}

/// Word tokens and distinct words of one language's texts (`kaz.md` and `kaz/*.md`) under
/// `dir`.
fn vocabulary(dir: &Path, lang: &str) -> (usize, usize) {
    let mut types = BTreeSet::new();
    let mut tokens = 0;
    for (path, bytes) in tree(dir) {
        let name = path.rsplit('/').next().unwrap_or_default();
        let in_parts = path.contains(&format!("/{lang}/"));
        if name != format!("{lang}.md") && !in_parts {
            continue;
        }
        for w in String::from_utf8_lossy(&bytes).split(|c: char| !c.is_alphabetic()) {
            if !w.is_empty() {
                tokens += 1;
                types.insert(w.to_lowercase());
            }
        }
    }
    (tokens, types.len())
}

/// Both languages' vocabularies keep growing with the corpus, slower than the text does.
#[test]
fn scale_mirror_vocabulary_grows_in_both_languages() {
    let t = templates();
    let (small, large) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let opts = MirrorOptions::default();
    write_mirror(&t, small.path(), 1_000_000, 2, &opts).expect("small");
    write_mirror(&t, large.path(), 4_000_000, 2, &opts).expect("large");
    for lang in ["kaz", "rus"] {
        let (n0, v0) = vocabulary(small.path(), lang);
        let (n1, v1) = vocabulary(large.path(), lang);
        let (tokens, types) = (n1 as f64 / n0 as f64, v1 as f64 / v0 as f64);
        assert!(types > 1.3, "{lang}: {v0} → {v1} words");
        assert!(
            types < tokens,
            "{lang}: {v0} → {v1} words, {n0} → {n1} tokens"
        );
    }
}

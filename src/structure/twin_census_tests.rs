//! The census of twins: is every real text beside its folder's metadata taken as the act that
//! metadata names, and is every other act's text put there refused? Every text the project
//! holds in the mirror's layout (`kaz.md` / `rus.md` beside `meta.yaml`, an edition
//! `kaz@HASH….md` beside its own `meta@HASH.yaml`) under `tests/fixtures`, `evals/corpus`,
//! `evals/census/acts` and `../shared/data` (`mirror`, `versions`), the acts the data README
//! keeps aside left out, each read once without its metadata ([`super::twin::OwnHeader`]):
//!
//! - real pairs: each text against its own folder's metadata, which [`super::twin::disagreement`]
//!   must find nothing against;
//! - planted pairs: each text against the metadata of every other act (another `act_code`),
//!   as if that act's `kaz.md` and `meta.yaml` lay beside it: each must be refused;
//! - the same two with the metadata's title in the text's language taken away, to measure the
//!   fallback on numbers alone.
//!
//! `evals/twins.sh` runs it (`cargo test --release --lib twin_census -- --ignored
//! --nocapture`) and writes `evals/census/twins.tsv` (one row per real text) and
//! `evals/census/twins-joined.tsv` (every planted pair not refused, with both titles).

use super::twin::{disagreement, title_agreement, OwnHeader};
use crate::extract::{extract_file, Extracted};
use crate::model::Lang;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The acts `../shared/data/README.md` keeps aside for evaluation.
const HELD_OUT: [&str; 15] = [
    "59947", "104035", "104941", "105287", "217048", "211559", "211868", "106668", "98618", "6733",
    "186736", "80997", "84613", "140948", "103490",
];

/// A text in the mirror's layout, read once.
struct Text {
    path: String,
    code: String,
    lang: Lang,
    own: OwnHeader,
    /// Its folder's metadata for its language, and that file's name.
    fields: BTreeMap<String, String>,
    meta_name: String,
    /// Its kind as its own words say (without the metadata).
    kind: crate::model::ActKind,
}

/// Whether `path` is a text the census reads: `kaz.md`/`rus.md` beside `meta.yaml`, or
/// `kaz@HASH….md`/`rus@HASH….md` beside `meta@HASH.yaml`.
fn in_mirror_layout(path: &Path) -> bool {
    let (Some(name), Some(dir)) = (path.file_name().and_then(|n| n.to_str()), path.parent()) else {
        return false;
    };
    if name == "kaz.md" || name == "rus.md" {
        return dir.join("meta.yaml").is_file();
    }
    let Some(rest) = name
        .strip_prefix("kaz@")
        .or_else(|| name.strip_prefix("rus@"))
    else {
        return false;
    };
    let hash: String = rest.chars().take_while(char::is_ascii_hexdigit).collect();
    name.ends_with(".md") && !hash.is_empty() && dir.join(format!("meta@{hash}.yaml")).is_file()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if in_mirror_layout(&p) {
            out.push(p);
        }
    }
}

/// `doc` without the folder's metadata it took.
fn alone(doc: &Extracted) -> Extracted {
    let mut alone = Extracted {
        folder_taken: None,
        ..doc.clone()
    };
    if let Some((_, taken)) = &doc.folder_taken {
        for k in taken {
            alone.meta.remove(k);
        }
    }
    alone
}

fn read(path: &Path, root: &Path) -> Option<Text> {
    let doc = extract_file(path, root).ok()?;
    let (folder, _) = doc.folder_taken.clone()?;
    let code = folder
        .fields
        .get("act_code")?
        .trim_matches(['\'', '"'])
        .to_string();
    let (act, own) = super::build_own(&alone(&doc), true).ok()?;
    Some(Text {
        path: path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string(),
        code,
        lang: doc.lang,
        own,
        fields: folder.fields,
        meta_name: folder.name,
        kind: act.kind,
    })
}

/// The metadata's title in `lang`.
fn title_in(fields: &BTreeMap<String, String>, lang: Lang) -> Option<&str> {
    let key = match lang {
        Lang::Kk => "title.kaz",
        Lang::Ru => "title.rus",
    };
    fields
        .get(key)
        .map(|t| t.trim().trim_matches(['\'', '"']).trim())
}

/// `fields` without the title in `lang`: what the fallback on numbers sees.
fn without_title(fields: &BTreeMap<String, String>, lang: Lang) -> BTreeMap<String, String> {
    let mut f = fields.clone();
    f.remove(match lang {
        Lang::Kk => "title.kaz",
        Lang::Ru => "title.rus",
    });
    f.remove("title");
    f
}

/// Which evidence refused a pair (the reason's wording).
fn by(why: &str) -> &'static str {
    if why.contains("its header names") {
        "requisites"
    } else if why.contains("prints other numbers") {
        "numbers"
    } else {
        "title"
    }
}

#[test]
#[ignore = "reads every text of the fixtures, evals and ../shared/data; run by evals/twins.sh"]
fn twin_census() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = [repo.join("../shared/data"), repo.join("../../shared/data")]
        .into_iter()
        .find(|p| p.is_dir());
    let mut roots = vec![
        repo.join("tests/fixtures"),
        repo.join("evals/corpus"),
        repo.join("evals/census/acts"),
    ];
    if let Some(d) = &data {
        roots.push(d.join("mirror"));
        roots.push(d.join("versions"));
    } else {
        eprintln!("../shared/data not found: the census reads the project's own texts only");
    }
    let mut texts: Vec<Text> = Vec::new();
    let mut seen: BTreeSet<(String, Vec<u8>)> = BTreeSet::new();
    for root in &roots {
        let mut files = Vec::new();
        walk(root, &mut files);
        let parent = root.parent().unwrap_or(root);
        for f in files {
            let Ok(bytes) = std::fs::read(&f) else {
                continue;
            };
            let Some(t) = read(&f, parent) else {
                continue;
            };
            if HELD_OUT.contains(&t.code.as_str()) {
                continue;
            }
            // The same text copied into several folders counts once.
            use sha2::Digest;
            if !seen.insert((t.code.clone(), sha2::Sha256::digest(&bytes).to_vec())) {
                continue;
            }
            texts.push(t);
        }
    }
    let acts: BTreeSet<&str> = texts.iter().map(|t| t.code.as_str()).collect();
    let mut rows = String::from("act_code\tlang\tpath\tagreement\toutcome\treason\n");
    let (mut real, mut real_split, mut real_fallback_split) = (0, 0, 0);
    for t in &texts {
        real += 1;
        let why = disagreement(&t.own, &t.fields, &t.meta_name, t.lang);
        let agreement = title_in(&t.fields, t.lang)
            .and_then(|m| title_agreement(&t.own.title, m))
            .map_or("-".to_string(), |a| format!("{:.3}", a.share));
        if why.is_some() {
            real_split += 1;
        }
        let bare = without_title(&t.fields, t.lang);
        if let Some(why) = disagreement(&t.own, &bare, &t.meta_name, t.lang) {
            real_fallback_split += 1;
            println!("numbers only, real split: {} {why}", t.path);
        }
        let _ = writeln!(
            rows,
            "{}\t{}\t{}\t{agreement}\t{}\t{}",
            t.code,
            match t.lang {
                Lang::Kk => "kk",
                Lang::Ru => "ru",
            },
            t.path,
            if why.is_some() { "split" } else { "joined" },
            why.unwrap_or_default()
        );
    }
    let mut joined = String::from("text_act\tmeta_act\tlang\tagreement\ttext_title\tmeta_title\n");
    let (mut planted, mut split, mut fallback_split) = (0, 0, 0);
    let mut split_by: BTreeMap<&str, usize> = BTreeMap::new();
    let mut pairs_of_acts: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut joined_acts: BTreeSet<(&str, &str)> = BTreeSet::new();
    // Each act's metadata once per language: the first text's.
    let mut metas: BTreeMap<(&str, Lang), &Text> = BTreeMap::new();
    for t in &texts {
        metas.entry((t.code.as_str(), t.lang)).or_insert(t);
    }
    for t in &texts {
        for ((code, lang), m) in &metas {
            if *code == t.code || *lang != t.lang {
                continue;
            }
            planted += 1;
            pairs_of_acts.insert((t.code.as_str(), code));
            match disagreement(&t.own, &m.fields, &m.meta_name, t.lang) {
                Some(why) => {
                    split += 1;
                    *split_by.entry(by(&why)).or_default() += 1;
                }
                None => {
                    joined_acts.insert((t.code.as_str(), code));
                    let agreement = title_in(&m.fields, t.lang)
                        .and_then(|x| title_agreement(&t.own.title, x))
                        .map_or("-".to_string(), |a| format!("{:.3}", a.share));
                    let _ = writeln!(
                        joined,
                        "{}\t{}\t{}\t{agreement}\t{}\t{}",
                        t.code,
                        code,
                        match t.lang {
                            Lang::Kk => "kk",
                            Lang::Ru => "ru",
                        },
                        t.own.title,
                        title_in(&m.fields, t.lang).unwrap_or("")
                    );
                }
            }
            let bare = without_title(&m.fields, t.lang);
            if disagreement(&t.own, &bare, &m.meta_name, t.lang).is_some() {
                fallback_split += 1;
            }
        }
    }
    let summary = format!(
        "texts {real} of {} acts ({} kk, {} ru)\n\
         real pairs: {real} texts beside their own metadata, {real_split} split\n\
         planted pairs: {planted} (text, another act's metadata) over {} pairs of acts; \
         {split} split ({:.2} %), {} joined over {} pairs of acts; split by {split_by:?}\n\
         numbers only (the metadata's title in the text's language taken away): real {real_fallback_split} split of {real}; planted {fallback_split} split of {planted} ({:.2} %)\n",
        acts.len(),
        texts.iter().filter(|t| t.lang == Lang::Kk).count(),
        texts.iter().filter(|t| t.lang == Lang::Ru).count(),
        pairs_of_acts.len(),
        100.0 * split as f64 / planted.max(1) as f64,
        planted - split,
        joined_acts.len(),
        100.0 * fallback_split as f64 / planted.max(1) as f64,
    );
    print!("{summary}");
    // Texts whose own words give no kind while their twin's do (what a twin must not lose).
    for t in &texts {
        if t.kind == crate::model::ActKind::Other {
            let twins: Vec<String> = texts
                .iter()
                .filter(|u| u.code == t.code && u.lang != t.lang)
                .map(|u| format!("{} {:?}", u.path, u.kind))
                .collect();
            println!("kind other: {} {:?}; twins {twins:?}", t.path, t.lang);
        }
    }
    std::fs::write(repo.join("evals/census/twins.tsv"), rows).expect("write twins.tsv");
    std::fs::write(repo.join("evals/census/twins-joined.tsv"), joined)
        .expect("write twins-joined.tsv");
    std::fs::write(repo.join("evals/census/twins-summary.txt"), summary)
        .expect("write twins-summary.txt");
    assert_eq!(
        real_split, 0,
        "real twins split: see evals/census/twins.tsv"
    );
}

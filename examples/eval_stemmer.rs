//! Stem quality on the UD Kazakh KTB treebank (`../shared/data/ud_kazakh_ktb`, both files).
//!
//! For nouns, proper nouns and adjectives (and, reported apart, verbs) with alphabetic forms:
//! - share: tokens whose stem equals the stem of their gold lemma;
//! - pairwise conflation over word types (a type is a distinct lowercased form, with its most
//!   frequent lemma): pairs of types with the same lemma should share a stem, pairs with
//!   different lemmas should not; precision, recall and F1 of "same stem" against "same lemma".
//!
//! The treebank is only read here: nothing of it is compiled into the stemmer.
//!
//! Run: `cargo run --release --example eval_stemmer` (add `-- --errors` to list misses).

use std::collections::HashMap;
use std::path::Path;
use zanlex_analysis::normalize::repair_lower;
use zanlex_analysis::stem::stem;
use zanlex_analysis::verb::verb_readings;

struct Scores {
    tokens: usize,
    share: f64,
    types: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

fn pairs(n: usize) -> u64 {
    (n as u64) * (n as u64).saturating_sub(1) / 2
}

fn score(rows: &[(String, String)], errors: bool) -> Scores {
    let mut cache: HashMap<String, String> = HashMap::new();
    let mut st = |w: &str| -> String {
        cache
            .entry(w.to_string())
            .or_insert_with(|| stem(w))
            .clone()
    };
    let mut ok = 0usize;
    let mut misses: HashMap<(String, String, String, String), usize> = HashMap::new();
    for (form, lemma) in rows {
        let (a, b) = (st(form), st(lemma));
        if a == b {
            ok += 1;
        } else {
            *misses
                .entry((form.clone(), a, lemma.clone(), b))
                .or_default() += 1;
        }
    }
    if errors {
        let mut v: Vec<_> = misses.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for ((f, fs, l, ls), n) in v {
            println!("{n}\t{f} → {fs}\t{l} → {ls}");
        }
    }
    // Types: form → most frequent lemma.
    let mut by_form: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    for (f, l) in rows {
        *by_form.entry(f).or_default().entry(l).or_default() += 1;
    }
    let mut stem_groups: HashMap<String, usize> = HashMap::new();
    let mut lemma_groups: HashMap<&str, usize> = HashMap::new();
    let mut both: HashMap<(String, &str), usize> = HashMap::new();
    for (f, ls) in &by_form {
        let lemma = ls
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(l, _)| *l)
            .unwrap_or(f);
        let s = st(f);
        *stem_groups.entry(s.clone()).or_default() += 1;
        *lemma_groups.entry(lemma).or_default() += 1;
        *both.entry((s, lemma)).or_default() += 1;
    }
    if std::env::args().any(|a| a == "--merges") && errors {
        // Stems shared by forms of different lemmas (the precision losses).
        let mut groups: HashMap<String, Vec<String>> = HashMap::new();
        for (f, ls) in &by_form {
            let lemma = ls
                .iter()
                .max_by_key(|(_, n)| **n)
                .map(|(l, _)| *l)
                .unwrap_or(f);
            groups
                .entry(st(f))
                .or_default()
                .push(format!("{f}<{lemma}"));
        }
        for (s, mut g) in groups {
            let lemmas: std::collections::HashSet<&str> =
                g.iter().filter_map(|x| x.split('<').nth(1)).collect();
            if lemmas.len() > 1 {
                g.sort();
                println!("MERGE {s}: {}", g.join(" "));
            }
        }
    }
    let tp: u64 = both.values().map(|&n| pairs(n)).sum();
    let pred: u64 = stem_groups.values().map(|&n| pairs(n)).sum();
    let gold: u64 = lemma_groups.values().map(|&n| pairs(n)).sum();
    let precision = if pred == 0 {
        1.0
    } else {
        tp as f64 / pred as f64
    };
    let recall = if gold == 0 {
        1.0
    } else {
        tp as f64 / gold as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Scores {
        tokens: rows.len(),
        share: ok as f64 / rows.len().max(1) as f64,
        types: by_form.len(),
        precision,
        recall,
        f1,
    }
}

fn lower(s: &str) -> String {
    let mut out = String::new();
    repair_lower(s, &mut out);
    out
}

fn main() -> std::io::Result<()> {
    let dir = Path::new("../shared/data/ud_kazakh_ktb");
    if !dir.exists() {
        println!("skipped: {} is absent", dir.display());
        return Ok(());
    }
    let errors = std::env::args().any(|a| a == "--errors");
    let verbs_errors = std::env::args().any(|a| a == "--verb-errors");
    let mut nominal = Vec::new();
    let mut verbs = Vec::new();
    for f in ["kk_ktb-ud-test.conllu", "kk_ktb-ud-train.conllu"] {
        let text = std::fs::read_to_string(dir.join(f))?;
        for line in text.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 10 || !cols[0].chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let (form, lemma, pos) = (cols[1], cols[2], cols[3]);
            if !form.chars().all(char::is_alphabetic) || !lemma.chars().all(char::is_alphabetic) {
                continue;
            }
            let row = (lower(form), lower(lemma));
            match pos {
                "NOUN" | "PROPN" | "ADJ" => nominal.push(row),
                "VERB" => verbs.push(row),
                _ => {}
            }
        }
    }
    let t0 = std::time::Instant::now();
    for (name, rows, err) in [
        ("NOUN+PROPN+ADJ", &nominal, errors),
        ("VERB", &verbs, verbs_errors),
    ] {
        let s = score(rows, err);
        println!(
            "{name}: tokens {} share {:.3} | types {} pairwise P {:.3} R {:.3} F1 {:.3}",
            s.tokens, s.share, s.types, s.precision, s.recall, s.f1
        );
    }
    // A query's verb the index has no form of is also read as the verbs it may be a form of
    // (`zanlex_analysis::verb`), kept when the index spells that verb: the share of verb
    // tokens that reach their lemma's stem through the stem or a reading is what a question's
    // verb can meet; the share of nouns with a reading is what the index check must filter.
    let reaches = |(form, lemma): &(String, String)| {
        let target = stem(&format!("{lemma}у"));
        stem(form) == stem(lemma)
            || verb_readings(form)
                .iter()
                .any(|r| stem(r) == target || stem(r) == stem(lemma))
    };
    let verb_share = verbs.iter().filter(|r| reaches(r)).count() as f64 / verbs.len() as f64;
    let noun_readings = nominal
        .iter()
        .filter(|(form, _)| !verb_readings(form).is_empty())
        .count() as f64
        / nominal.len() as f64;
    println!(
        "VERB with readings: share {verb_share:.3} | NOUN+PROPN+ADJ tokens with a reading {noun_readings:.3}"
    );
    eprintln!("({} ms)", t0.elapsed().as_millis());
    Ok(())
}

//! The benchmark corpus scaler: deterministic, the size asked for, a vocabulary that grows as real
//! text does, structure kept, and output that zanlex ingests as acts.

use regex::Regex;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use zanlex_scale::{load_templates, write_corpus, Scaler, Template};

fn templates() -> Vec<Template> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    load_templates(&[root.join("corpus"), root.join("tests/fixtures/versions")])
        .expect("templates load")
}

fn read_dir_sorted(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn scale_templates_are_the_corpus_and_the_versions() {
    let t = templates();
    // 5 corpus texts + 7 Markdown versions (the meta yaml is skipped).
    assert_eq!(t.len(), 12);
    assert_eq!(
        t.iter()
            .filter(|t| t.format == zanlex_scale::TemplateFormat::Text)
            .count(),
        5
    );
}

#[test]
fn scale_is_deterministic_for_a_seed() {
    let t = templates();
    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let ra = write_corpus(&t, a.path(), 1_500_000, 7).unwrap();
    let rb = write_corpus(&t, b.path(), 1_500_000, 7).unwrap();
    let rc = write_corpus(&t, c.path(), 1_500_000, 8).unwrap();
    assert_eq!(ra, rb);
    assert_ne!(ra, rc);
    let (fa, fb, fc) = (
        read_dir_sorted(a.path()),
        read_dir_sorted(b.path()),
        read_dir_sorted(c.path()),
    );
    assert_eq!(fa, fb, "same seed, same bytes");
    assert_ne!(fa, fc, "another seed, another corpus");
    assert_eq!(fa.len() as u64, ra.files);
    assert_eq!(
        fa.values().map(|v| v.len() as u64).sum::<u64>(),
        ra.bytes,
        "the report counts what is on disk"
    );
}

#[test]
fn scale_writes_the_size_asked_for_within_five_percent() {
    let t = templates();
    for target in [1_000_000u64, 3_000_000] {
        let dir = tempfile::tempdir().unwrap();
        let r = write_corpus(&t, dir.path(), target, 3).unwrap();
        let on_disk: u64 = read_dir_sorted(dir.path())
            .values()
            .map(|v| v.len() as u64)
            .sum();
        let ratio = on_disk as f64 / target as f64;
        assert!(
            (0.95..=1.05).contains(&ratio),
            "{on_disk} bytes for a target of {target}"
        );
        assert_eq!(on_disk, r.bytes);
    }
}

#[test]
fn scale_acts_are_all_different_and_keep_their_templates_structure() {
    let t = templates();
    let numbered = Regex::new(r"(?m)^ *[0-9]+(?:-[0-9]+)?[.)] ").unwrap();
    let mut scaler = Scaler::new(&t, 11);
    let mut seen = HashSet::new();
    for _ in 0..60 {
        let act = scaler.next_act(u64::MAX).unwrap();
        let template = &t[act.template].text;
        assert!(seen.insert(act.text.clone()), "{} repeats", act.file_name);
        assert_ne!(&act.text, template);
        // Paragraph and subparagraph numbers are all still there, in the same count.
        assert_eq!(
            numbered.find_iter(&act.text).count(),
            numbered.find_iter(template).count(),
            "{} from {}",
            act.file_name,
            t[act.template].path.display()
        );
        // Most lines are untouched or lightly touched: the text is still the template's kind.
        let template_lines: HashSet<&str> = template.lines().collect();
        let same = act
            .text
            .lines()
            .filter(|l| template_lines.contains(l))
            .count();
        assert!(same * 3 >= template.lines().count(), "{}", act.file_name);
    }
}

/// Every scaled act of a plain-text template has its own number, the first after its title
/// (a title may cite other acts by number: `… № 148 қаулысына өзгеріс енгізу туралы`), also
/// where the header breaks its line between `№` and the number (the 2009 order of
/// corpus/004): acts sharing a date and a number would be one act's editions, and the index
/// would refuse them.
#[test]
fn scale_header_numbers_are_unique_per_act() {
    let t = templates();
    let sign = Regex::new(r"№\s*([0-9][0-9./-]*)").unwrap();
    let mut scaler = Scaler::new(&t, 5);
    let mut seen: HashSet<(usize, String)> = HashSet::new();
    let (mut split_headers, mut cited_in_title) = (0, 0);
    for _ in 0..400 {
        let act = scaler.next_act(u64::MAX).unwrap();
        if !t[act.template].path.to_string_lossy().ends_with(".txt") {
            continue;
        }
        let head: Vec<&str> = act.text.lines().take(12).collect();
        split_headers += usize::from(head.iter().any(|l| l.trim_end().ends_with('№')));
        // The title is the header's first paragraph.
        let first = head.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
        let title_end = head[first..]
            .iter()
            .position(|l| l.trim().is_empty())
            .map_or(head.len(), |blank| first + blank);
        cited_in_title += usize::from(sign.is_match(&head[first..title_end].join(" ")));
        let signature = head[title_end..].join(" ");
        let Some(c) = sign.captures(&signature) else {
            continue;
        };
        assert!(
            seen.insert((act.template, c[1].to_string())),
            "{}: header number {} repeats",
            act.file_name,
            &c[1]
        );
    }
    assert!(split_headers > 0, "no header broke its line after №");
    assert!(cited_in_title > 0, "no title cited an act by number");
}

/// Distinct lowercase words after each quarter of the tokens of a scaled corpus.
fn vocabulary_growth(dir: &Path) -> Vec<(usize, usize)> {
    let files = read_dir_sorted(dir);
    let words: Vec<String> = files
        .values()
        .flat_map(|b| {
            String::from_utf8_lossy(b)
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    let n = words.len();
    let mut types = HashSet::new();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        types.insert(w.as_str());
        if (i + 1) % (n / 4) == 0 && out.len() < 4 {
            out.push((i + 1, types.len()));
        }
    }
    out
}

#[test]
fn scale_vocabulary_grows_sublinearly_and_keeps_growing() {
    let t = templates();
    let dir = tempfile::tempdir().unwrap();
    write_corpus(&t, dir.path(), 8_000_000, 5).unwrap();
    let g = vocabulary_growth(dir.path());
    assert_eq!(g.len(), 4);
    let template_types: HashSet<String> = t
        .iter()
        .flat_map(|t| {
            t.text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    for w in g.windows(2) {
        let (n0, v0) = w[0];
        let (n1, v1) = w[1];
        let token_ratio = n1 as f64 / n0 as f64;
        let type_ratio = v1 as f64 / v0 as f64;
        assert!(type_ratio > 1.03, "vocabulary stalls: {g:?}");
        assert!(type_ratio < token_ratio, "vocabulary grows linearly: {g:?}");
    }
    // Heaps exponent between the first and last quarter mark: real text sits near 0.4-0.7.
    let (n0, v0) = g[0];
    let (n3, v3) = g[3];
    let beta = ((v3 as f64).ln() - (v0 as f64).ln()) / ((n3 as f64).ln() - (n0 as f64).ln());
    assert!((0.2..0.9).contains(&beta), "Heaps beta {beta}: {g:?}");
    // And far more words than copies of the templates would have.
    assert!(
        g[3].1 > 2 * template_types.len(),
        "{} types vs {} in the templates",
        g[3].1,
        template_types.len()
    );
}

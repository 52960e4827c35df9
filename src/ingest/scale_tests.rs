//! Scaled corpora ingest: every synthetic act parses, with its own id and a real unit tree.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use zanlex_scale::{load_templates, write_corpus, Scaler, Template};

fn templates() -> Vec<Template> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    load_templates(&[root.join("corpus"), root.join("tests/fixtures/versions")])
        .expect("templates load")
}

#[test]
fn scale_output_ingests_as_acts_with_unique_ids() {
    let t = templates();
    let dir = tempfile::tempdir().unwrap();
    let corpus: PathBuf = dir.path().join("corpus");
    let report = write_corpus(&t, &corpus, 2_000_000, 9).unwrap();
    let ingested = crate::ingest::ingest_corpus(&corpus);
    let failures: Vec<String> = ingested
        .failures
        .iter()
        .map(|f| format!("{}: {}", f.path.display(), f.reason))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(ingested.acts.len() as u64, report.files);
    let ids: HashSet<&str> = ingested.acts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids.len(),
        ingested.acts.len(),
        "every synthetic act has its own id"
    );
    for act in &ingested.acts {
        assert!(
            act.all_units().len() >= 3,
            "{} has {} units",
            act.source.file,
            act.all_units().len()
        );
    }
}

#[test]
fn scale_acts_have_as_many_units_as_their_templates() {
    let t = templates();
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let mut scaler = Scaler::new(&t, 21);
    let mut made = Vec::new();
    for _ in 0..36 {
        let act = scaler.next_act(u64::MAX).unwrap();
        std::fs::write(corpus.join(&act.file_name), &act.text).unwrap();
        made.push((act.file_name, act.template));
    }
    let ingested = crate::ingest::ingest_corpus(&corpus);
    assert!(ingested.failures.is_empty());
    for (file, ti) in made {
        let act = ingested
            .acts
            .iter()
            .find(|a| a.source.file.ends_with(&file))
            .unwrap_or_else(|| panic!("{file} not ingested"));
        let tpath = &t[ti].path;
        let parent = tpath.parent().unwrap().parent().unwrap();
        let template_act = crate::ingest::ingest_file(tpath, parent).unwrap();
        assert_eq!(
            act.all_units().len(),
            template_act.all_units().len(),
            "{file} from {}",
            tpath.display()
        );
    }
}

/// Acts known by their title (no date and number) get a district name unique to the act in
/// front of it, unique in the Latin spelling their ids are made of too.
#[test]
fn scale_title_tags_are_unique_in_latin() {
    let t = templates();
    let mut scaler = Scaler::new(&t, 5);
    let mut seen: HashSet<String> = HashSet::new();
    for _ in 0..400 {
        let act = scaler.next_act(u64::MAX).unwrap();
        let Some(title) = act.text.lines().find_map(|l| l.strip_prefix("title: ")) else {
            continue;
        };
        let tag = title
            .trim_start_matches('\'')
            .split(' ')
            .next()
            .unwrap_or_default();
        let latin = crate::structure::header::slug(tag);
        assert!(
            seen.insert(latin.clone()),
            "{}: tag {tag} ({latin}) repeats",
            act.file_name
        );
    }
    assert!(seen.len() > 50, "{} tagged titles", seen.len());
}

//! An article asked for by number in an act named as people name it: by an abbreviation
//! («ст. 4 АППК», «ӘРПК 4-бабы»), by its short title or by its kind and subject words
//! («статья 7 закона о правительстве», «рақымшылық туралы заңның 2-бабы»), or by its kind alone
//! («статья 7 конституционного закона»). One index over the bundled corpus, the mirror sample
//! (`tests/fixtures/mirror`), the Administrative Procedural Code (`tests/fixtures/split`) and the
//! amnesty law of 2021 (`tests/fixtures/refs`), so that every act competes with the others.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use zanlex::{BuildOptions, SearchRequest, ZanIndex};

const CODE: &str = "code-2020-06-29-350-vi";
const GOVERNMENT: &str = "constitutional-law-1995-12-18-2688";
const AMNESTY: &str = "law-2021-12-07-81-vii";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn index() -> &'static ZanIndex {
    static BUILT: OnceLock<(tempfile::TempDir, ZanIndex)> = OnceLock::new();
    &BUILT
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let corpus = dir.path().join("corpus");
            crate::common::copy_dir(&root().join("corpus"), &corpus);
            for (from, to) in [
                ("tests/fixtures/mirror", "mirror"),
                ("tests/fixtures/split", "split"),
                ("tests/fixtures/refs", "refs"),
            ] {
                crate::common::copy_dir(&root().join(from), &corpus.join(to));
            }
            let index = crate::common::build_clean(
                &corpus,
                Path::new(dir.path()).join("index"),
                &BuildOptions::default(),
            );
            (dir, index)
        })
        .1
}

/// The first two hits as `act#eid` with their language.
fn first_two(q: &str) -> Vec<(String, String)> {
    index()
        .search(&SearchRequest::new(q).limit(5))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .hits
        .iter()
        .take(2)
        .map(|h| {
            (
                format!("{}#{}", h.act.id, h.unit.eid),
                h.lang.as_str().to_string(),
            )
        })
        .collect()
}

fn both(unit: &str, first: &str, second: &str) -> Vec<(String, String)> {
    vec![
        (unit.to_string(), first.to_string()),
        (unit.to_string(), second.to_string()),
    ]
}

/// An abbreviation of `data/abbreviations.tsv` names the code, in either language, typed in
/// capitals or not; the article of the code comes first, in the query's language.
#[test]
fn an_abbreviation_names_the_act_of_the_article() {
    let art_4 = format!("{CODE}#art_4");
    for q in ["ст. 4 АППК", "статья 4 АППК", "статья 4 аппк"] {
        assert_eq!(first_two(q), both(&art_4, "ru", "kk"), "{q}");
    }
    for q in ["ӘРПК 4-бабы", "әрпк 4-бабы"] {
        assert_eq!(first_two(q), both(&art_4, "kk", "ru"), "{q}");
    }
    // Another article of the code, not the same number in another act.
    assert_eq!(
        first_two("ст. 2 АППК"),
        both(&format!("{CODE}#art_2"), "ru", "kk")
    );
}

/// The act's short title or its subject words with its kind's word name it; the kind alone
/// names the one act of that kind that has the article.
#[test]
fn a_short_title_or_the_kind_names_the_act_of_the_article() {
    let art_7 = format!("{GOVERNMENT}#art_7");
    assert_eq!(
        first_two("статья 7 закона о правительстве"),
        both(&art_7, "ru", "kk")
    );
    assert_eq!(
        first_two("Үкімет туралы заңның 7-бабы"),
        both(&art_7, "kk", "ru")
    );
    assert_eq!(
        first_two("статья 7 конституционного закона"),
        both(&art_7, "ru", "kk")
    );
    assert_eq!(
        first_two("Конституциялық заңның 7-бабы"),
        both(&art_7, "kk", "ru")
    );
    let art_2 = format!("{AMNESTY}#art_2");
    assert_eq!(
        first_two("рақымшылық туралы заңның 2-бабы"),
        both(&art_2, "kk", "ru")
    );
    assert_eq!(
        first_two("статья 2 закона об амнистии"),
        both(&art_2, "ru", "kk")
    );
    // The code's kind word with its subject words.
    assert_eq!(
        first_two("статья 4 административного процедурно-процессуального кодекса"),
        both(&format!("{CODE}#art_4"), "ru", "kk")
    );
}

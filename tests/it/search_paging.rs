//! The first hits of a search do not depend on how many are asked for: on the bundled corpus
//! with the official texts of `tests/fixtures`, for every query of `benches/queries.txt`, of
//! the question set and a few article lookups, the top k of a request are the first k of its
//! top k + n, in both languages and in each alone.

use std::path::PathBuf;
use zanlex::{Lang, SearchRequest};

fn queries() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let column = |file: &str, n: usize| -> Vec<String> {
        let text = std::fs::read_to_string(root.join(file)).expect("query file");
        text.lines()
            .skip_while(|l| l.starts_with("id\t"))
            .filter_map(|l| l.split('\t').nth(n).map(str::to_string))
            .collect()
    };
    let mut all = column("benches/queries.txt", 1);
    all.extend(column("evals/questions.tsv", 2));
    // Article lookups without an act's name: every act's article of that number.
    all.extend(["3-бап", "статья 3", "5-тармақ", "статья 7", "7-бап"].map(str::to_string));
    all
}

/// The hits of `q` at `limit`, each as `act#eid lang`.
fn hits(q: &str, limit: usize, lang: Option<Lang>) -> Vec<String> {
    let mut req = SearchRequest::new(q).limit(limit);
    req.lang = lang;
    crate::search_questions::index()
        .search(&req)
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .hits
        .iter()
        .map(|h| format!("{}#{} {}", h.act.id, h.unit.eid, h.lang))
        .collect()
}

#[test]
fn the_top_hits_do_not_depend_on_the_page_size() {
    let queries = queries();
    assert!(queries.len() > 250, "{}", queries.len());
    let mut failures = Vec::new();
    let mut compared = 0;
    for q in &queries {
        for lang in [None, Some(Lang::Kk), Some(Lang::Ru)] {
            let long = hits(q, 25, lang);
            for k in [1, 3, 10, 15] {
                let short = hits(q, k, lang);
                let prefix: Vec<String> = long.iter().take(k).cloned().collect();
                compared += 1;
                if short != prefix {
                    failures.push(format!(
                        "{q:?} lang {lang:?}: limit {k} gives {short:?}, limit 25 begins {prefix:?}"
                    ));
                }
            }
        }
    }
    assert!(compared > 3000, "{compared}");
    assert!(
        failures.is_empty(),
        "{} of {compared} pages differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

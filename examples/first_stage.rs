//! How far a first stage would go: for each query of the relevance sets (`evals/people.tsv`,
//! `evals/questions.tsv`, `evals/mirror_queries.tsv`) and of `benches/queries.txt`, the share
//! of zanlex's full top 10 (`ZanIndex::search`, every feature) that a plain BM25 over one text
//! field finds within its top N (N = 100, 200, 500): the design question of a two-stage search,
//! where stage one picks candidates cheaply and stage two scores only those.
//!
//! Stage one here is tantivy's BM25 over one field per language, as the fair tantivy peer
//! scores its main field: the query analyzed by `kk_stem` (a Kazakh query) or `ru_stem` (a
//! Russian one) and its terms ORed over that field (`kk_stem`, each Kazakh stem as the terms of
//! its forms there; `ru_stem`), with the same
//! filters as the full search (the current wording, unit documents, the query's language).
//! Neither headings, titles, loose forms, the thesaurus nor the lexicon take part.
//!
//! One index is built over the bundled `corpus/`, `evals/corpus/` (as `people/`) and
//! `../shared/data` (`versions/`, `mirror/`), so every set runs on one index.
//!
//! ```text
//! cargo run --release --example first_stage [-- DATA_DIR]
//! ```

// Only the set reading, copying and index building of the evals are used here.
#[allow(dead_code)]
#[path = "common/eval.rs"]
mod eval;

use eval::Res;
use std::collections::HashSet;
use std::path::PathBuf;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};
use zanlex::{Lang, SearchRequest};

/// The `kk_stem` terms of `stem`'s forms: the stem followed by one of the marks `\u{1}`,
/// `\u{2}`, `\u{3}` (`zanlex analyze --analyzer kk_stem_marked`).
fn forms_of(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    stem: &str,
) -> Res<Vec<String>> {
    let mut forms = std::collections::BTreeSet::new();
    for reader in searcher.segment_readers() {
        let dict = reader.inverted_index(field)?;
        let mut stream = dict
            .terms()
            .range()
            .ge(format!("{stem}\u{1}"))
            .lt(format!("{stem}\u{4}"))
            .into_stream()?;
        while stream.advance() {
            forms.insert(String::from_utf8_lossy(stream.key()).into_owned());
        }
    }
    Ok(forms.into_iter().collect())
}

/// The depths of stage one measured.
const DEPTHS: [usize; 3] = [100, 200, 500];

fn main() -> Res<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = std::env::args_os()
        .nth(1)
        .map_or_else(|| root.join("../shared/data"), PathBuf::from);
    let tmp = tempfile::tempdir()?;
    let corpus = tmp.path().join("corpus");
    eval::copy_tree(&root.join("corpus"), &corpus)?;
    eval::copy_tree(&root.join("evals/corpus"), &corpus.join("people"))?;
    for sub in ["versions", "mirror"] {
        if data.join(sub).is_dir() {
            eval::copy_tree(&data.join(sub), &corpus.join(sub))?;
        }
    }
    let index = eval::build_index(&corpus, &tmp.path().join("index"), 0)?;
    let gen = index
        .generation()
        .ok_or("the index has no generation folder")?;
    let plain = tantivy::Index::open_in_dir(index.dir().join(gen))?;
    let searcher = plain.reader()?.searcher();
    let schema = plain.schema();
    let field = |name: &str| schema.get_field(name);
    let (kk_stem, ru_stem, lang, act_id, eid) = (
        field("kk_stem")?,
        field("ru_stem")?,
        field("lang")?,
        field("act_id")?,
        field("eid")?,
    );
    let (current, doc_type) = (field("current")?, field("doc_type")?);

    let mut sets: Vec<(String, Vec<(Lang, String)>)> = Vec::new();
    for name in ["people", "questions", "mirror_queries"] {
        let set = eval::read_set(&root.join(format!("evals/{name}.tsv")))?;
        sets.push((
            name.into(),
            set.into_iter().map(|q| (q.lang, q.query)).collect(),
        ));
    }
    // The bench queries (zanlex's column), searched in both languages.
    let bench = std::fs::read_to_string(root.join("benches/queries.txt"))?;
    let bench: Vec<(Lang, String)> = bench
        .lines()
        .filter(|l| !l.starts_with("id\t"))
        .filter_map(|l| l.split('\t').nth(1))
        .map(|q| (Lang::Kk, q.to_string()))
        .collect();
    sets.push(("benches/queries.txt".into(), bench));

    println!("| set | queries | full top-10 hits | in BM25 top 100 | top 200 | top 500 |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, queries) in &sets {
        let (mut hits, mut found) = (0usize, [0usize; DEPTHS.len()]);
        let mut all_in = [0usize; DEPTHS.len()];
        let mut asked = 0;
        for (l, q) in queries {
            let is_set = name != "benches/queries.txt";
            let mut req = SearchRequest::new(q.as_str()).limit(10).references(false);
            if is_set {
                req = req.lang(*l);
            }
            let Ok(full) = index.search(&req) else {
                continue;
            };
            // Stage one's words: the plain words of the query (no filters, no operators),
            // analyzed as its language's field is; a bench query, in both languages' fields.
            let words: String = q
                .split_whitespace()
                .filter(|w| !w.contains(':') && !matches!(*w, "AND" | "OR" | "NOT"))
                .flat_map(|w| w.chars().chain([' ']))
                .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                .collect();
            let fields: Vec<(tantivy::schema::Field, &str)> = match (is_set, l) {
                (true, Lang::Kk) => vec![(kk_stem, "kk_stem")],
                (true, Lang::Ru) => vec![(ru_stem, "ru_stem")],
                (false, _) => vec![(kk_stem, "kk_stem"), (ru_stem, "ru_stem")],
            };
            let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for (f, analyzer) in fields {
                let terms: HashSet<String> = zanlex::analyze(analyzer, &words)?
                    .tokens
                    .into_iter()
                    .map(|t| t.text)
                    .collect();
                for t in &terms {
                    // The index's `kk_stem` terms are a stem and a mark of the form
                    // (`kk_stem_marked`): a Kazakh stem stands for every term it begins.
                    let forms = if f == kk_stem {
                        forms_of(&searcher, f, t)?
                    } else {
                        vec![t.clone()]
                    };
                    for form in forms {
                        should.push((
                            Occur::Should,
                            Box::new(TermQuery::new(
                                Term::from_field_text(f, &form),
                                IndexRecordOption::WithFreqs,
                            )),
                        ));
                    }
                }
            }
            let mut clauses: Vec<(Occur, Box<dyn Query>)> =
                vec![(Occur::Must, Box::new(BooleanQuery::new(should)))];
            let term = |fld, v: &str| -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(fld, v),
                    IndexRecordOption::Basic,
                ))
            };
            clauses.push((Occur::Must, term(doc_type, "unit")));
            clauses.push((
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_u64(current, 0),
                    IndexRecordOption::Basic,
                )),
            ));
            if is_set {
                clauses.push((Occur::Must, term(lang, l.as_str())));
            }
            let top = searcher.search(
                &BooleanQuery::new(clauses),
                &TopDocs::with_limit(DEPTHS[DEPTHS.len() - 1]),
            )?;
            let mut ranked: Vec<(String, String)> = Vec::with_capacity(top.len());
            for (_, addr) in &top {
                let doc: TantivyDocument = searcher.doc(*addr)?;
                let text = |fld| {
                    doc.get_first(fld)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string()
                };
                ranked.push((text(act_id), text(eid)));
            }
            asked += 1;
            let want: Vec<(String, String)> = full
                .hits
                .iter()
                .map(|h| (h.act.id.clone(), h.unit.eid.clone()))
                .collect();
            hits += want.len();
            for (i, depth) in DEPTHS.iter().enumerate() {
                let head: HashSet<&(String, String)> = ranked.iter().take(*depth).collect();
                let n = want.iter().filter(|w| head.contains(w)).count();
                found[i] += n;
                all_in[i] += usize::from(n == want.len());
            }
        }
        let pct = |n: usize| 100.0 * n as f64 / hits.max(1) as f64;
        let q = |n: usize| 100.0 * n as f64 / asked.max(1) as f64;
        println!(
            "| {name} | {asked} | {hits} | {:.1} % ({:.0} % of queries whole) | {:.1} % ({:.0} %) | {:.1} % ({:.0} %) |",
            pct(found[0]),
            q(all_in[0]),
            pct(found[1]),
            q(all_in[1]),
            pct(found[2]),
            q(all_in[2]),
        );
    }
    Ok(())
}

//! Ranking quality of the Kazakh analyzers on `../shared/data/kazqad-mini` (BEIR layout:
//! `corpus.jsonl`, `queries.jsonl`, `qrels.tsv`): Recall@10, MRR@10 and nDCG@10 of BM25 over
//! the `kk_stem` + `kk_loose` fields against the same passages indexed with tantivy's default
//! tokenizer, in one run, on in-RAM indexes. Single-field runs are printed too, to show what each
//! analyzer contributes.
//!
//! Run: `cargo run --release --example eval_kazqad`.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{doc, Index, TantivyDocument, Term};
use zanlex_analysis::{analyzer, register_analyzers, KK_EXACT, KK_LOOSE, KK_STEM};

type Res<T> = Result<T, Box<dyn std::error::Error>>;
/// Fields of one run, each with its analyzer name and boost.
type Fields<'a> = Vec<(Field, &'a str, f32)>;

fn text_field(schema: &mut tantivy::schema::SchemaBuilder, name: &str, tok: &str) -> Field {
    let opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tok)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    schema.add_text_field(name, opts)
}

fn terms(a: &mut TextAnalyzer, field: Field, text: &str) -> Vec<Term> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut s = a.token_stream(text);
    while s.advance() {
        let t = s.token().text.clone();
        if seen.insert(t.clone()) {
            out.push(Term::from_field_text(field, &t));
        }
    }
    out
}

struct Metrics {
    recall: f64,
    mrr: f64,
    ndcg: f64,
}

fn evaluate(
    index: &Index,
    fields: &[(Field, &str, f32)],
    queries: &[(String, String)],
    qrels: &HashMap<String, HashSet<String>>,
    id_field: Field,
) -> Res<Metrics> {
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let mut analyzers: Vec<(Field, TextAnalyzer, f32)> = fields
        .iter()
        .map(|(f, name, boost)| {
            let a = index
                .tokenizers()
                .get(name)
                .ok_or_else(|| format!("no tokenizer {name}"))?;
            Ok((*f, a, *boost))
        })
        .collect::<Res<_>>()?;
    let (mut r, mut m, mut n, mut count) = (0.0, 0.0, 0.0, 0usize);
    for (qid, text) in queries {
        let Some(rel) = qrels.get(qid) else { continue };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, a, boost) in analyzers.iter_mut() {
            for t in terms(a, *field, text) {
                let q = TermQuery::new(t, IndexRecordOption::WithFreqs);
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(q), *boost)),
                ));
            }
        }
        count += 1;
        if clauses.is_empty() {
            continue;
        }
        let q = BooleanQuery::new(clauses);
        let top = searcher.search(&q, &tantivy::collector::TopDocs::with_limit(10))?;
        let mut hits = Vec::new();
        for (_, addr) in top {
            let d: TantivyDocument = searcher.doc(addr)?;
            let id = d
                .get_first(id_field)
                .and_then(|v| tantivy::schema::Value::as_str(&v))
                .unwrap_or("")
                .to_string();
            hits.push(id);
        }
        let found = hits.iter().filter(|h| rel.contains(*h)).count();
        r += found as f64 / rel.len() as f64;
        if let Some(pos) = hits.iter().position(|h| rel.contains(h)) {
            m += 1.0 / (pos + 1) as f64;
        }
        let dcg: f64 = hits
            .iter()
            .enumerate()
            .filter(|(_, h)| rel.contains(*h))
            .map(|(i, _)| 1.0 / ((i + 2) as f64).log2())
            .sum();
        let idcg: f64 = (0..rel.len().min(10))
            .map(|i| 1.0 / ((i + 2) as f64).log2())
            .sum();
        n += dcg / idcg;
    }
    let c = count.max(1) as f64;
    Ok(Metrics {
        recall: r / c,
        mrr: m / c,
        ndcg: n / c,
    })
}

fn main() -> Res<()> {
    let dir = Path::new("../shared/data/kazqad-mini");
    if !dir.exists() {
        println!("skipped: {} is absent", dir.display());
        return Ok(());
    }
    let mut passages = Vec::new();
    for line in std::fs::read_to_string(dir.join("corpus.jsonl"))?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
        passages.push((s("_id"), format!("{}\n{}", s("title"), s("text"))));
    }
    let mut queries = Vec::new();
    for line in std::fs::read_to_string(dir.join("queries.jsonl"))?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        queries.push((
            v["_id"].as_str().unwrap_or("").to_string(),
            v["text"].as_str().unwrap_or("").to_string(),
        ));
    }
    let mut qrels: HashMap<String, HashSet<String>> = HashMap::new();
    for line in std::fs::read_to_string(dir.join("qrels.tsv"))?
        .lines()
        .skip(1)
    {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() >= 3 && c[2].trim() != "0" {
            qrels
                .entry(c[0].to_string())
                .or_default()
                .insert(c[1].to_string());
        }
    }

    let mut sb = Schema::builder();
    let id = sb.add_text_field("id", STORED);
    let fdefault = text_field(&mut sb, "default", "default");
    let fexact = text_field(&mut sb, "exact", KK_EXACT);
    let fstem = text_field(&mut sb, "stem", KK_STEM);
    let floose = text_field(&mut sb, "loose", KK_LOOSE);
    let index = Index::create_in_ram(sb.build());
    register_analyzers(&index);
    assert!(analyzer(KK_STEM).is_some());
    let mut w = index.writer_with_num_threads(1, 100_000_000)?;
    let t0 = std::time::Instant::now();
    for (pid, text) in &passages {
        w.add_document(doc!(id => pid.as_str(), fdefault => text.as_str(),
            fexact => text.as_str(), fstem => text.as_str(), floose => text.as_str()))?;
    }
    w.commit()?;
    eprintln!(
        "indexed {} passages in {} ms; {} queries, {} with judgments",
        passages.len(),
        t0.elapsed().as_millis(),
        queries.len(),
        queries.iter().filter(|q| qrels.contains_key(&q.0)).count()
    );
    let runs: [(&str, Fields); 5] = [
        (
            "default (SimpleTokenizer+LowerCaser)",
            vec![(fdefault, "default", 1.0)],
        ),
        ("kk_exact", vec![(fexact, KK_EXACT, 1.0)]),
        ("kk_stem", vec![(fstem, KK_STEM, 1.0)]),
        ("kk_loose", vec![(floose, KK_LOOSE, 1.0)]),
        (
            "kk_stem + kk_loose (0.5)",
            vec![(fstem, KK_STEM, 1.0), (floose, KK_LOOSE, 0.5)],
        ),
    ];
    let mut base = None;
    println!(
        "{:<40} {:>9} {:>8} {:>8}",
        "run", "Recall@10", "MRR@10", "nDCG@10"
    );
    for (name, fields) in &runs {
        let mm = evaluate(&index, fields, &queries, &qrels, id)?;
        let b = *base.get_or_insert(mm.ndcg);
        println!(
            "{:<40} {:>9.3} {:>8.3} {:>8.3}  (nDCG lift {:+.1}%)",
            name,
            mm.recall,
            mm.mrr,
            mm.ndcg,
            (mm.ndcg / b - 1.0) * 100.0
        );
    }
    Ok(())
}

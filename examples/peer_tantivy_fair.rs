//! The "fair tantivy" peer of `benches/compare.py` and `evals/compare.py`: tantivy with zanlex's
//! own Kazakh and Russian analyzers (`zanlex_analysis::register_analyzers`), queried the way a
//! tantivy user would query those fields. Plain tantivy (`peer_tantivy.rs`) is the floor; this
//! is what zanlex's query design is measured against, speed and relevance both.
//!
//! ```text
//! peer_tantivy_fair index UNITS.jsonl INDEX_DIR   index the units zanlex ingested
//! peer_tantivy_fair query INDEX_DIR QUERIES.txt   run every query warm, one thread; JSON stats
//! peer_tantivy_fair search INDEX_DIR              stdin `LANG<TAB>QUESTION` lines; one JSON line
//!                                                 of `[act, eid]` hits (top 10) per question
//! ```
//! Fields, one document per unit: the unit's text as `exact` ([`KK_EXACT`]), `stem`
//! ([`KK_STEM`]), `loose` ([`KK_LOOSE`], keyboard and script folded) and, for units of Russian
//! expressions, `ru` ([`RU_STEM`]); the act's title as `title` ([`KK_STEM`]); all with positions,
//! for phrases. `text` is stored for the results page; `act`, `eid` (STRING, stored), `kind`,
//! `status`, `lang` (STRING) for filters. The writer gets the same threads and memory budget as
//! `peer_tantivy.rs`.
//!
//! A query goes through tantivy's `QueryParser` over the five fields with boosts (exact 2, stem 1,
//! ru 1, title 1.5, loose 0.5): per word, one clause of the fields' terms, each BM25-scored and
//! boosted, and the words' clauses SHOULD (or MUST with `+`); a quoted phrase becomes a
//! `PhraseQuery` per field; `kind:`/`status:` filters are term queries. `query` reads the 4th
//! column of the query file (tantivy's syntax, as `peer_tantivy.rs`); `search` asks for the
//! question's words (as `evals/compare.py` asks every peer: joined by OR) in its language only,
//! over that language's fields: a Kazakh question reads exact, stem, title and loose, a Russian
//! one `ru` and the title (exact forms and folded skeletons of Russian questions brought in
//! stop words and near-misses: on the `people`, `questions` and `mirror` sets, not the held-out
//! one, the Russian fields alone ranked better).
//! Top 10 by tantivy's `TopDocs` (block-max WAND where the query is a union of terms), each hit
//! with its stored fields.

#[path = "common/peer_timing.rs"]
mod peer_timing;

use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;
use tantivy::collector::TopDocs;
use tantivy::query::{Query, QueryParser};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::{Index, IndexWriter, Searcher, TantivyDocument};
use zanlex_analysis::{KK_EXACT, KK_LOOSE, KK_STEM, RU_STEM};

/// The analyzed fields a query reads: name, analyzer, boost.
const QUERY_FIELDS: [(&str, &str, f32); 5] = [
    ("exact", KK_EXACT, 2.0),
    ("stem", KK_STEM, 1.0),
    ("ru", RU_STEM, 1.0),
    ("title", KK_STEM, 1.5),
    ("loose", KK_LOOSE, 0.5),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let r = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["index", jsonl, dir] => index(Path::new(jsonl), Path::new(dir)),
        ["query", dir, queries] => query(Path::new(dir), Path::new(queries)),
        ["search", dir] => search(Path::new(dir)),
        _ => {
            eprintln!(
                "usage: peer_tantivy_fair index UNITS.jsonl DIR | query DIR QUERIES.txt | search DIR"
            );
            return ExitCode::from(2);
        }
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("peer_tantivy_fair: {e}");
            ExitCode::from(1)
        }
    }
}

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn schema() -> Schema {
    let mut b = Schema::builder();
    for (name, analyzer, _) in QUERY_FIELDS {
        b.add_text_field(
            name,
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(analyzer)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            ),
        );
    }
    b.add_text_field("text", STORED);
    for name in ["act", "eid"] {
        b.add_text_field(name, STRING | STORED);
    }
    for name in ["kind", "status", "lang"] {
        b.add_text_field(name, STRING);
    }
    b.build()
}

/// Opens (or creates) the index with zanlex's analyzers registered: tantivy does not store them.
fn open(dir: &Path, create: bool) -> Res<Index> {
    let idx = if create {
        Index::create_in_dir(dir, schema())?
    } else {
        Index::open_in_dir(dir)?
    };
    zanlex_analysis::register_analyzers(&idx);
    Ok(idx)
}

fn index(jsonl: &Path, dir: &Path) -> Res<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let idx = open(dir, true)?;
    let schema = idx.schema();
    let f = |n: &str| schema.get_field(n);
    let (exact, stem, loose, ru, title) =
        (f("exact")?, f("stem")?, f("loose")?, f("ru")?, f("title")?);
    let (text, act, eid, kind, status, lang) = (
        f("text")?,
        f("act")?,
        f("eid")?,
        f("kind")?,
        f("status")?,
        f("lang")?,
    );
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 4);
    let mut w: IndexWriter = idx.writer_with_num_threads(threads, 50_000_000 * threads)?;
    let mut n = 0u64;
    for line in std::io::BufReader::new(std::fs::File::open(jsonl)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let s = |k: &str| v[k].as_str().unwrap_or("");
        let mut d = TantivyDocument::default();
        for field in [exact, stem, loose, text] {
            d.add_text(field, s("text"));
        }
        if s("lang") == "ru" {
            d.add_text(ru, s("text"));
        }
        d.add_text(title, s("title"));
        for (field, key) in [
            (act, "act"),
            (eid, "eid"),
            (kind, "kind"),
            (status, "status"),
            (lang, "lang"),
        ] {
            d.add_text(field, s(key));
        }
        w.add_document(d)?;
        n += 1;
    }
    w.commit()?;
    w.wait_merging_threads()?;
    println!("{{\"docs\": {n}}}");
    Ok(())
}

/// The fields a question in Russian reads, with their boosts: the Russian stems and the title.
const RU_FIELDS: [(&str, &str, f32); 2] = [("ru", RU_STEM, 1.0), ("title", KK_STEM, 1.0)];

/// The fields a question in Kazakh reads: the Kazakh ones of [`QUERY_FIELDS`].
const KK_FIELDS: [(&str, &str, f32); 4] = [
    ("exact", KK_EXACT, 2.0),
    ("stem", KK_STEM, 1.0),
    ("title", KK_STEM, 1.5),
    ("loose", KK_LOOSE, 0.5),
];

/// tantivy's query parser over `fields`, with their boosts.
fn parser(idx: &Index, fields: &[(&str, &str, f32)]) -> Res<QueryParser> {
    let schema = idx.schema();
    let handles: Vec<Field> = fields
        .iter()
        .map(|(name, _, _)| schema.get_field(name))
        .collect::<Result<_, _>>()?;
    let mut p = QueryParser::for_index(idx, handles.clone());
    for (field, (_, _, boost)) in handles.into_iter().zip(fields) {
        p.set_field_boost(field, *boost);
    }
    Ok(p)
}

/// The top 10 of `q` with their stored fields.
fn top(searcher: &Searcher, q: &dyn Query) -> Res<Vec<TantivyDocument>> {
    let hits = searcher.search(q, &TopDocs::with_limit(10))?;
    hits.iter()
        .map(|(_, addr)| Ok(searcher.doc::<TantivyDocument>(*addr)?))
        .collect()
}

fn search(dir: &Path) -> Res<()> {
    let idx = open(dir, false)?;
    let schema = idx.schema();
    let (act, eid) = (schema.get_field("act")?, schema.get_field("eid")?);
    let searcher = idx.reader()?.searcher();
    let (kk, ru) = (parser(&idx, &KK_FIELDS)?, parser(&idx, &RU_FIELDS)?);
    let stored = |d: &TantivyDocument, f: Field| {
        d.get_first(f)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    let mut out = std::io::stdout().lock();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let (lang, question) = line.split_once('\t').unwrap_or(("", line.as_str()));
        let words: Vec<String> = question
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let hits: Vec<(String, String)> = if words.is_empty() || lang.is_empty() {
            Vec::new()
        } else {
            let parser = if lang == "ru" { &ru } else { &kk };
            let q = parser.parse_query(&format!("+lang:{lang} +({})", words.join(" ")))?;
            top(&searcher, q.as_ref())?
                .iter()
                .map(|d| (stored(d, act), stored(d, eid)))
                .collect()
        };
        use std::io::Write;
        writeln!(out, "{}", serde_json::json!(hits))?;
        out.flush()?;
    }
    Ok(())
}

fn query(dir: &Path, queries: &Path) -> Res<()> {
    let idx = open(dir, false)?;
    let searcher = idx.reader()?.searcher();
    let parser = parser(&idx, &QUERY_FIELDS)?;
    peer_timing::time_queries(
        queries,
        |q| Ok(parser.parse_query(q)?),
        |q| Ok(top(&searcher, q.as_ref())?.len()),
    )
}

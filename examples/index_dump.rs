//! Dumps a built zanlex index in a form that does not depend on how tantivy split it into
//! segments, so two builds of one corpus can be compared with `cmp` (performance work must
//! leave the index unchanged).
//!
//! Writes to OUT_DIR:
//! - `terms.txt`: per indexed field, every term with its document frequency and a hash of its
//!   postings (the document's `(act_id, version_id, eid)`, term frequency and positions),
//!   summed over documents so segment order does not matter;
//! - `docs.jsonl`: every stored document as JSON, sorted by `(act_id, version_id, eid)`.
//!
//! ```text
//! cargo run --release --example index_dump -- INDEX_DIR OUT_DIR
//! ```

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use tantivy::postings::Postings;
use tantivy::schema::{IndexRecordOption, OwnedValue, Value};
use tantivy::{DocSet, Document, Index, TantivyDocument, TERMINATED};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 {
        eprintln!("usage: index_dump INDEX_DIR OUT_DIR");
        return ExitCode::from(2);
    }
    match run(Path::new(&args[0]), Path::new(&args[1])) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("index_dump: {e}");
            ExitCode::from(1)
        }
    }
}

/// The first stored text of `name` in `doc`, or "".
fn text_of(doc: &TantivyDocument, schema: &tantivy::schema::Schema, name: &str) -> String {
    let Ok(f) = schema.get_field(name) else {
        return String::new();
    };
    doc.get_first(f)
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

type Key = (String, String, String);

fn run(dir: &Path, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(out)?;
    let index = Index::open_in_dir(dir)?;
    let schema = index.schema();
    let reader = index.reader()?;
    let searcher = reader.searcher();

    // Stored documents and each document's key, per segment.
    let mut docs: Vec<(Key, String)> = Vec::new();
    let mut keys: Vec<Vec<u64>> = Vec::new();
    for seg in searcher.segment_readers() {
        let store = seg.get_store_reader(64)?;
        let mut seg_keys = Vec::with_capacity(seg.max_doc() as usize);
        for d in 0..seg.max_doc() {
            let doc: TantivyDocument = store.get(d)?;
            let key = (
                text_of(&doc, &schema, "act_id"),
                text_of(&doc, &schema, "version_id"),
                text_of(&doc, &schema, "eid"),
            );
            let mut h = std::collections::hash_map::DefaultHasher::new();
            key.hash(&mut h);
            seg_keys.push(h.finish());
            if !seg.is_deleted(d) {
                let named: BTreeMap<String, Vec<OwnedValue>> =
                    doc.iter_fields_and_values()
                        .fold(BTreeMap::new(), |mut m, (f, v)| {
                            m.entry(schema.get_field_name(f).to_string())
                                .or_default()
                                .push(OwnedValue::from(v));
                            m
                        });
                docs.push((key, serde_json::to_string(&named)?));
            }
        }
        keys.push(seg_keys);
    }
    docs.sort();
    let mut w = std::io::BufWriter::new(std::fs::File::create(out.join("docs.jsonl"))?);
    for ((a, v, e), js) in &docs {
        writeln!(w, "{a}\t{v}\t{e}\t{js}")?;
    }
    w.flush()?;

    // Terms: (field, term bytes) -> (doc freq, postings hash).
    let mut w = std::io::BufWriter::new(std::fs::File::create(out.join("terms.txt"))?);
    let mut positions = Vec::new();
    for (field, entry) in schema.fields() {
        if !entry.is_indexed() {
            continue;
        }
        let mut terms: BTreeMap<Vec<u8>, (u64, u64)> = BTreeMap::new();
        for (si, seg) in searcher.segment_readers().iter().enumerate() {
            let inv = seg.inverted_index(field)?;
            let mut stream = inv.terms().stream()?;
            while stream.advance() {
                let e = terms.entry(stream.key().to_vec()).or_default();
                let mut post = inv.read_postings_from_terminfo(
                    stream.value(),
                    IndexRecordOption::WithFreqsAndPositions,
                )?;
                let mut d = post.doc();
                while d != TERMINATED {
                    if !seg.is_deleted(d) {
                        post.positions(&mut positions);
                        let mut h = std::collections::hash_map::DefaultHasher::new();
                        keys[si][d as usize].hash(&mut h);
                        post.term_freq().hash(&mut h);
                        positions.hash(&mut h);
                        e.0 += 1;
                        e.1 = e.1.wrapping_add(h.finish());
                    }
                    d = post.advance();
                }
            }
        }
        for (t, (df, h)) in &terms {
            writeln!(
                w,
                "{}\t{}\t{df}\t{h:016x}",
                entry.name(),
                String::from_utf8_lossy(t).escape_debug()
            )?;
        }
    }
    w.flush()?;
    eprintln!("index_dump: {} documents", docs.len());
    Ok(())
}

//! Repair and segmentation throughput (bytes of source text per second), on the real corpus and
//! on a scaled corpus: `cargo bench --bench pipeline`.
//!
//! - `repair/*`: decoded text → repaired clean lines (`extract::text_lines`: letter spacing,
//!   displaced hyperlinked words, broken lines, page furniture);
//! - `segment/*`: clean lines → act with header metadata and unit tree (`structure::build_act`);
//! - `repair+segment/*`: both, what ingestion costs per MB before analysis and indexing.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::{Path, PathBuf};
use zanlex::internals::extract::{extract_file, text_lines, Extracted};
use zanlex_scale::{load_templates, Scaler};

fn corpus_texts() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let t = std::fs::read_to_string(&p).expect("corpus is UTF-8");
            (p, t)
        })
        .collect()
}

/// About 2 MB of synthetic acts (text templates only, so the repair path is exercised).
fn scaled_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let templates: Vec<_> = load_templates(&[root.join("corpus")])
        .expect("templates")
        .into_iter()
        .filter(|t| t.format == zanlex_scale::TemplateFormat::Text)
        .collect();
    let mut s = Scaler::new(&templates, 1);
    let mut out = Vec::new();
    let mut total = 0;
    while total < 2_000_000 {
        let Some(a) = s.next_act(u64::MAX) else { break };
        total += a.text.len();
        out.push(a.text);
    }
    out
}

fn bench(c: &mut Criterion) {
    let corpus = corpus_texts();
    let corpus_bytes: usize = corpus.iter().map(|(_, t)| t.len()).sum();
    let scaled = scaled_texts();
    let scaled_bytes: usize = scaled.iter().map(|t| t.len()).sum();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let extracted: Vec<Extracted> = corpus
        .iter()
        .map(|(p, _)| extract_file(p, root).expect("corpus extracts"))
        .collect();

    let mut g = c.benchmark_group("repair");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(corpus_bytes as u64));
    g.bench_function("corpus", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|(_, t)| text_lines(t).len())
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(scaled_bytes as u64));
    g.bench_function("scaled_2mb", |b| {
        b.iter(|| scaled.iter().map(|t| text_lines(t).len()).sum::<usize>())
    });
    g.finish();

    let mut g = c.benchmark_group("segment");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(corpus_bytes as u64));
    g.bench_function("corpus", |b| {
        b.iter(|| {
            extracted
                .iter()
                .map(|d| {
                    zanlex::internals::structure::build_act(d)
                        .map(|a| a.units.len())
                        .unwrap_or(0)
                })
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("repair+segment");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(corpus_bytes as u64));
    g.bench_function("corpus", |b| {
        b.iter(|| {
            extracted
                .iter()
                .zip(&corpus)
                .map(|(d, (_, t))| {
                    let doc = Extracted {
                        source: d.source.clone(),
                        meta: d.meta.clone(),
                        lines: text_lines(t),
                        lang: d.lang,
                        warnings: Vec::new(),
                    };
                    zanlex::internals::structure::build_act(&doc)
                        .map(|a| a.units.len())
                        .unwrap_or(0)
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

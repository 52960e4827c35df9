//! Throughput of each zanlex analyzer over the corpus text, beside tantivy's default
//! (`SimpleTokenizer` + `LowerCaser`) on the same text. Text is fed line by line, as short
//! units are fed at indexing time. The stem filters cache stems per analyzer instance; the
//! `_cold` runs start from an empty cache each time. Run: `cargo bench --bench analysis`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer, TokenStream};
use zanlex_analysis::fold::fold;
use zanlex_analysis::stem::{stem, stem_folded};
use zanlex_analysis::{analyze, analyzer, ANALYZERS, KK_EXACT, KK_LOOSE, KK_STEM};

fn corpus_lines() -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir("corpus")
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut lines = Vec::new();
    for f in files {
        if let Ok(t) = std::fs::read_to_string(&f) {
            lines.extend(t.lines().map(str::to_string));
        }
    }
    lines
}

fn run(a: &mut TextAnalyzer, lines: &[String]) -> usize {
    let mut n = 0;
    for l in lines {
        let mut s = a.token_stream(l);
        while s.advance() {
            n += s.token().text.len();
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let lines = corpus_lines();
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    if bytes == 0 {
        eprintln!("skipped: no corpus/ folder here");
        return;
    }
    let mut g = c.benchmark_group("analysis");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    let mut default = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .build();
    g.bench_function("default_simple_lowercase", |b| {
        b.iter(|| run(&mut default, &lines))
    });
    for name in ANALYZERS {
        let Some(mut a) = analyzer(name) else {
            continue;
        };
        g.bench_function(name, |b| b.iter(|| run(&mut a, &lines)));
    }
    // A fresh analyzer each time: every word's stem is computed once (no warm cache).
    for name in [KK_STEM, KK_LOOSE] {
        g.bench_function(format!("{name}_cold"), |b| {
            b.iter(|| analyzer(name).map(|mut a| run(&mut a, &lines)))
        });
    }
    g.finish();
}

/// The stemmer alone on every distinct word of the corpus, each once per iteration: what a new
/// word costs (the analyzers' per-thread stem cache makes a repeated word nearly free, so the
/// runs above measure it only for the first occurrence).
fn bench_stem_words(c: &mut Criterion) {
    let lines = corpus_lines();
    let mut words: Vec<String> = lines
        .iter()
        .flat_map(|l| analyze(KK_EXACT, l))
        .map(|t| t.text)
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    words.sort_unstable();
    words.dedup();
    if words.is_empty() {
        eprintln!("skipped: no corpus/ folder here");
        return;
    }
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let mut g = c.benchmark_group("stem_words");
    g.throughput(Throughput::Elements(words.len() as u64));
    g.sample_size(20);
    g.bench_function("stem", |b| {
        b.iter(|| words.iter().map(|w| stem(w).len()).sum::<usize>())
    });
    g.bench_function("stem_folded", |b| {
        b.iter(|| folded.iter().map(|w| stem_folded(w).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench, bench_stem_words);
criterion_main!(benches);

//! Query latency by query kind on the corpus index, and the whole-process time of
//! `zanlex search` on a built index.
//!
//! ```text
//! cargo bench --bench search
//! ```
//! Besides criterion's estimates, prints p50/p99 per query kind over repeated runs of a fixed
//! query set (goal: p50 under 1 ms), and p50/p99 of a whole `zanlex search` process (goal:
//! under 50 ms).

use criterion::{criterion_group, criterion_main, Criterion};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use zanlex::SearchRequest;
use zanlex::{BuildOptions, ZanIndex};

const KINDS: &[(&str, &[&str])] = &[
    ("word", &["виза", "тіркеу", "рұқсат", "шетелдіктер", "14-1"]),
    (
        "words",
        &[
            "тұрақты тұруға рұқсат",
            "визаның қолданылу мерзімін ұзарту",
            "құжаттар қабылдау",
            "шетелдіктер мен азаматтығы жоқ адамдар",
        ],
    ),
    (
        "phrase",
        &[
            "\"тұрақты тұру\"",
            "\"қолданылу мерзімі\"~1",
            "\"көші-қон қызметі\"",
        ],
    ),
    (
        "phrase_stop",
        &["\"тұрақты тұру үшін\"", "\"азаматтығы жоқ адамдар\""],
    ),
    (
        "folded_latin",
        &["туракты туру", "turaqty turu", "viza uzartu", "кужаттар"],
    ),
    (
        "boolean",
        &[
            "виза OR рұқсат -тіркеу",
            "(виза AND ұзарту) OR \"тұрақты тұру\"",
            "+шетелдік NOT виза",
        ],
    ),
    (
        "filtered",
        &[
            "рұқсат status:repealed",
            "виза date:>=2018-01-01",
            "kind:order шетелдік",
            "status:repealed",
        ],
    ),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "{name:<28} n={:<5} p50={:>9.3} ms  p99={:>9.3} ms",
        times.len(),
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3
    );
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("index");
    let (index, _) = ZanIndex::open_or_build(root().join("corpus"), &dir, &BuildOptions::default())
        .expect("index builds");

    println!("\nquery latency (top 10 with citations and snippets, warm, one thread):");
    let mut all = Vec::new();
    for (kind, queries) in KINDS {
        let reqs: Vec<SearchRequest> = queries
            .iter()
            .map(|q| SearchRequest::new(*q).references(false))
            .collect();
        for r in &reqs {
            index.search(r).expect("query runs");
        }
        let mut times = Vec::new();
        for _ in 0..200 {
            for r in &reqs {
                let t = Instant::now();
                let res = index.search(r).expect("query runs");
                times.push(t.elapsed());
                std::hint::black_box(res);
            }
        }
        all.extend(times.iter().copied());
        report(kind, times);
        let mut g = c.benchmark_group("search");
        g.bench_function(*kind, |b| {
            b.iter(|| {
                for r in &reqs {
                    std::hint::black_box(index.search(r).expect("query runs"));
                }
            })
        });
        g.finish();
    }
    report("all kinds", all);

    // Whole process on a built index.
    let exe = Path::new(env!("CARGO_BIN_EXE_zanlex"));
    let corpus = root().join("corpus");
    let run = || {
        let o = Command::new(exe)
            .arg("--corpus")
            .arg(&corpus)
            .arg("--index")
            .arg(&dir)
            .args(["search", "тұрақты тұруға рұқсат"])
            .output()
            .expect("zanlex runs");
        assert!(o.status.success());
    };
    run();
    let mut times = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        run();
        times.push(t.elapsed());
    }
    report("process `zanlex search`", times);
    let mut g = c.benchmark_group("process");
    g.sample_size(20);
    g.bench_function("zanlex_search", |b| b.iter(run));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

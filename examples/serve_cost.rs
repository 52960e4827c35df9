//! What one `/v1/search` answer costs in process, without HTTP: the library's search, then the
//! rest of the server's work for the page (its hits' references resolved, the JSON body),
//! timed apart, one query after another on one thread. `benches/open_loop.py` divides the
//! cores by the mean of these to get what the cores could give with no HTTP in the way.
//!
//! ```text
//! cargo run --release --example serve_cost -- INDEX_DIR QUERIES_FILE [ROUNDS]
//! ```
//!
//! QUERIES_FILE is benches/queries.txt (kind TAB query TAB ..., the query alone searched). Prints one JSON object:
//! per answer, in ms, `search` (what the server reports as `took_ms`) and `total` (search,
//! page, references and JSON), in query order, round after round; `search_cpu` and
//! `total_cpu` are the same spans in this thread's CPU time, which other programs on a shared
//! machine do not inflate (a search runs on the calling thread alone).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use zanlex::{SearchPage, SearchRequest, ZanIndex};

/// The server's allocator, so the figures are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The server's defaults: ten hits a page and its work budget for one search.
const LIMIT: usize = 10;
const BUDGET: Duration = Duration::from_millis(2_000);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: serve_cost INDEX_DIR QUERIES_FILE [ROUNDS]");
        return ExitCode::from(2);
    }
    let rounds: usize = match args.get(2).map(|r| r.parse()) {
        None => 3,
        Some(Ok(r)) if r > 0 => r,
        Some(_) => {
            eprintln!("ROUNDS is a positive whole number");
            return ExitCode::from(2);
        }
    };
    match run(&PathBuf::from(&args[0]), &PathBuf::from(&args[1]), rounds) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("serve_cost: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(index_dir: &PathBuf, queries_file: &PathBuf, rounds: usize) -> zanlex::Result<()> {
    let text = std::fs::read_to_string(queries_file)?;
    let queries: Vec<&str> = text.lines().filter_map(|l| l.split('\t').nth(1)).collect();
    let index = ZanIndex::open(index_dir)?;
    let one = |q: &str| -> zanlex::Result<[f64; 4]> {
        // As the server asks: references resolved for the page only, from the acts they may
        // name (the server keeps no catalog of every act).
        let req = SearchRequest::new(q)
            .limit(LIMIT)
            .references(false)
            .budget(BUDGET);
        let (t0, c0) = (Instant::now(), thread_cpu_ms());
        let res = index.search(&req)?;
        let (searched, searched_cpu) = (t0.elapsed(), thread_cpu_ms());
        let mut page = SearchPage::new(res, 0, LIMIT);
        page.results.resolve_references(&index, req.as_of)?;
        let body = serde_json::to_vec(&page).map_err(|e| zanlex::Error::Io(e.into()))?;
        std::hint::black_box(body);
        let (total, total_cpu) = (t0.elapsed(), thread_cpu_ms());
        Ok([
            searched.as_secs_f64() * 1e3,
            total.as_secs_f64() * 1e3,
            searched_cpu - c0,
            total_cpu - c0,
        ])
    };
    // Warm: every query once, as the load tests do before measuring.
    for q in &queries {
        one(q)?;
    }
    let mut spans: [Vec<f64>; 4] = Default::default();
    for _ in 0..rounds {
        for q in &queries {
            for (kept, t) in spans.iter_mut().zip(one(q)?) {
                kept.push(t);
            }
        }
    }
    let [search, total, search_cpu, total_cpu] = spans;
    let out = serde_json::json!({
        "queries": queries.len(),
        "rounds": rounds,
        "search": search,
        "total": total,
        "search_cpu": search_cpu,
        "total_cpu": total_cpu,
    });
    println!("{out}");
    Ok(())
}

/// This thread's CPU time so far, in ms.
#[cfg(unix)]
fn thread_cpu_ms() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec that outlives the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
}

/// No thread CPU clock here: the CPU spans come out as NaN (null in the JSON).
#[cfg(not(unix))]
fn thread_cpu_ms() -> f64 {
    f64::NAN
}

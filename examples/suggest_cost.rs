//! What an unknown act id's suggestions cost among 100,000 act ids: the lookup the index makes
//! (`src/index/act_ids.rs`, an FST searched with Levenshtein automata) against the one it made
//! before (a sort of the 2,000 ids around the typed id's place by edit distance, after a scan of
//! every id for those containing it), on the same typed ids, with the first suggestions of each.
//!
//! ```text
//! cargo run --release --example suggest_cost
//! ```

#[path = "../src/index/act_ids.rs"]
#[allow(dead_code)]
mod act_ids;

use std::time::{Duration, Instant};

/// The lookup before the FST, kept here to measure against.
fn scanned<'a>(id: &str, ids: &'a [String]) -> Vec<&'a str> {
    const COMPARED_IDS: usize = 2000;
    let id: String = id.trim().to_lowercase().chars().take(200).collect();
    let at = ids.partition_point(|c| c.as_str() < id.as_str());
    let around = at.saturating_sub(COMPARED_IDS / 2)..(at + COMPARED_IDS / 2).min(ids.len());
    let containing = ids
        .iter()
        .enumerate()
        .filter(|(i, c)| !id.is_empty() && !around.contains(i) && c.contains(&id))
        .take(COMPARED_IDS)
        .map(|(_, c)| c);
    let mut scored: Vec<(bool, usize, &str)> = ids[around.clone()]
        .iter()
        .chain(containing)
        .map(|c| {
            let contains = !id.is_empty() && c.contains(&id);
            (!contains, strsim::levenshtein(&id, c), c.as_str())
        })
        .collect();
    scored.sort_unstable();
    scored.into_iter().map(|(_, _, c)| c).collect()
}

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[runs / 2]
}

fn main() {
    let kinds = [
        "akimat-resolution",
        "maslikhat-decision",
        "mvd-order",
        "government-resolution",
        "mfa-order",
        "law",
    ];
    let mut ids: Vec<String> = (0..100_000u64)
        .map(|i| {
            format!(
                "{}-{}-{:02}-{:02}-{}",
                kinds[(i % 6) as usize],
                1995 + i % 30,
                1 + i % 12,
                1 + (i * 7) % 28,
                (i * 7919) % 100_000
            )
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let t = Instant::now();
    let index = act_ids::ActIds::new(ids.clone());
    println!(
        "{} ids; the FST built once per commit in {:.1?}",
        ids.len(),
        t.elapsed()
    );
    let typed = [
        "mvd-order-2012-06-14-353".to_string(),
        "mfa-ordr-2018".to_string(),
        "nope".to_string(),
        ids[12_345].replacen('-', "_", 1),
        format!("{}9", ids[54_321]),
        ids[777][..ids[777].len() - 2].to_string(),
    ];
    println!(
        "{:<40} {:>10} {:>10}  first suggestion before | now",
        "typed", "before", "now"
    );
    for q in &typed {
        let mut before = Vec::new();
        let mut now = Vec::new();
        let b = median(31, || before = scanned(q, &ids));
        let n = median(31, || now = index.nearest(q));
        println!(
            "{q:<40} {b:>10.2?} {n:>10.2?}  {} | {}",
            before.first().unwrap_or(&""),
            now.first().unwrap_or(&"")
        );
    }
}

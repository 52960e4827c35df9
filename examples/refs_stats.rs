//! Counts the cross-references of a corpus folder, act by act, and the share resolved;
//! lists the unresolved ones with why.
//!
//! ```sh
//! cargo run --release --example refs_stats -- corpus
//! cargo run --release --example refs_stats -- ../shared/data/mirror --unresolved
//! ```

#[path = "common/acts.rs"]
mod acts;

use std::collections::BTreeMap;
use zanlex::{Catalog, Resolution};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "corpus".to_string());
    let list = args.any(|a| a == "--unresolved");
    let path = std::path::Path::new(&dir);
    if !path.is_dir() {
        eprintln!("refs_stats: {dir} is not a folder; skipped");
        return;
    }
    let (acts, _) = match acts::ingested(path) {
        Ok(ingested) => ingested,
        Err(e) => {
            eprintln!("refs_stats: {e}");
            return;
        }
    };
    let catalog = Catalog::new(acts);
    let (mut all, mut resolved) = (0usize, 0usize);
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    println!(
        "{:<48} {:>4} {:>6} {:>9} {:>6}",
        "ACT", "LANG", "REFS", "RESOLVED", "SHARE"
    );
    for act in catalog.acts() {
        let mut n_ok = 0;
        for r in &act.references {
            match catalog.resolve(act, r) {
                Resolution::Resolved { .. } => n_ok += 1,
                Resolution::Unresolved { reason } => {
                    *reasons
                        .entry(format!("{} {}", r.kind.as_str(), reason.message()))
                        .or_default() += 1;
                    if list {
                        println!(
                            "    unresolved ({}): {}#{} «{}» wanted {:?}",
                            reason.message(),
                            act.id,
                            r.eid,
                            r.text.split_whitespace().collect::<Vec<_>>().join(" "),
                            r.wanted
                        );
                    }
                }
            }
        }
        let n = act.references.len();
        all += n;
        resolved += n_ok;
        println!(
            "{:<48} {:>4} {:>6} {:>9} {:>5.0}%",
            act.id,
            act.lang.as_str(),
            n,
            n_ok,
            if n == 0 {
                0.0
            } else {
                100.0 * n_ok as f64 / n as f64
            }
        );
    }
    println!(
        "total: {all} references, {resolved} resolved ({:.0}%)",
        if all == 0 {
            0.0
        } else {
            100.0 * resolved as f64 / all as f64
        }
    );
    for (why, n) in reasons {
        println!("  unresolved, {why}: {n}");
    }
    // Older editions keep the references of their own wording: those the current text no
    // longer makes (the same unit, text and target eid) are what `--as-of` adds.
    let (mut older, mut gone, mut older_ok) = (0usize, 0usize, 0usize);
    for act in catalog.acts() {
        let current: std::collections::HashSet<(&str, &str, &str)> = act
            .references
            .iter()
            .map(|r| (r.eid.as_str(), r.text.as_str(), r.wanted.as_str()))
            .collect();
        let newest = act.versions.len().saturating_sub(1);
        for v in &act.versions[..newest] {
            let wording = zanlex::Wording::of(act, v.from);
            for r in &v.references {
                older += 1;
                if matches!(catalog.resolve_in(&wording, r), Resolution::Resolved { .. }) {
                    older_ok += 1;
                }
                if !current.contains(&(r.eid.as_str(), r.text.as_str(), r.wanted.as_str())) {
                    gone += 1;
                }
            }
        }
    }
    if older > 0 {
        println!(
            "older editions: {older} references, {older_ok} resolved, {gone} not made by the current text"
        );
    }
}

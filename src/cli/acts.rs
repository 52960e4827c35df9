//! `zanlex acts`: the ingested acts with their metadata and status.

use super::Cli;
use crate::ingest::{ingest_corpus, IngestReport};
use crate::model::{Act, Status, Unit};
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `zanlex acts`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Units of an act counted by kind (`paragraph` → 27), in a fixed order for stable output.
pub fn unit_counts(units: &[Unit]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for u in units.iter().flat_map(|u| u.walk()) {
        let k = serde_json::to_value(u.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        *counts.entry(k).or_insert(0) += 1;
    }
    counts
}

/// `in force`, `repealed 2014-03-11 by …`, `unknown`.
pub fn status_text(s: &Status) -> String {
    match s {
        Status::InForce => "in force".into(),
        Status::Unknown => "status unknown".into(),
        Status::Repealed { by, on } => {
            let mut t = "repealed".to_string();
            if let Some(on) = on {
                t.push_str(&format!(" {on}"));
            }
            if let Some(by) = by {
                t.push_str(&format!(" by {by}"));
            }
            t
        }
    }
}

/// Prints ingestion failures on stderr, one line each, and picks the exit code.
pub fn report_failures(report: &IngestReport) -> ExitCode {
    if report.failures.is_empty() {
        return ExitCode::SUCCESS;
    }
    for f in &report.failures {
        eprintln!("zanlex: {}: {}", f.path.display(), f.reason);
    }
    eprintln!(
        "zanlex: {} file(s) could not be ingested; the other {} were",
        report.failures.len(),
        report.acts.len()
    );
    ExitCode::from(1)
}

fn act_json(a: &Act) -> serde_json::Value {
    serde_json::json!({
        "id": a.id,
        "title": a.title,
        "kind": a.kind,
        "date": a.date(),
        "number": a.number(),
        "issuances": a.issuances,
        "registration": a.registration,
        "status": a.status,
        "languages": a.languages,
        "source": a.source,
        "publication_date": a.publication_date,
        "version_date": a.version_date,
        "unit_count": a.all_units().len(),
        "unit_counts": unit_counts(&a.units),
    })
}

fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// Runs `zanlex acts`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let report = ingest_corpus(&cli.corpus);
    let mut out = std::io::stdout().lock();
    if args.json {
        let doc = serde_json::json!({
            "acts": report.acts.iter().map(act_json).collect::<Vec<_>>(),
            "failures": report.failures.iter().map(|f| serde_json::json!({
                "file": f.path.display().to_string(),
                "reason": f.reason,
            })).collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
    } else {
        for a in &report.acts {
            let date = a
                .date()
                .map(|d| d.to_string())
                .unwrap_or_else(|| "-".into());
            let number = a.number();
            writeln!(out, "{}", a.id)?;
            writeln!(out, "  {}", short(&a.title, 110))?;
            let mut facts = vec![a.kind.as_str().to_string(), date];
            if !number.is_empty() {
                facts.push(format!("№ {number}"));
            }
            let issuers: Vec<&str> = a.issuances.iter().map(|i| i.issuer_code.as_str()).collect();
            if !issuers.is_empty() {
                facts.push(issuers.join("+"));
            }
            if let Some(r) = &a.registration {
                let d = r.date.map(|d| format!(" of {d}")).unwrap_or_default();
                facts.push(format!("registered № {}{d}", r.number));
            }
            facts.push(status_text(&a.status));
            if let Some(v) = a.version_date {
                facts.push(format!("edition {v}"));
            }
            writeln!(out, "  {}", facts.join(" · "))?;
            let counts = unit_counts(&a.units)
                .into_iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ");
            writeln!(
                out,
                "  {} · {} · {} units: {}",
                a.source.file,
                a.languages.join("+"),
                a.all_units().len(),
                counts
            )?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(report_failures(&report))
}

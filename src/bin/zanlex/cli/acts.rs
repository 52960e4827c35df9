//! `zanlex acts`: the ingested acts with their metadata and status.

use super::Cli;
use std::io::Write;
use std::process::ExitCode;
use zanlex::{ActSummary, Status};
use zanlex::{RefreshReport, ZanIndex};

/// Arguments of `zanlex acts`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `in force`, `repealed 2014-03-11 by …` (`not before ~2014-03-21`: estimated), `status unknown`,
/// `status unknown: not in the source since 2026-11-28`.
pub fn status_text(s: &Status) -> String {
    match s {
        Status::InForce => "in force".into(),
        Status::Unknown => "status unknown".into(),
        Status::SourceRemoved { on } => format!("status unknown: not in the source since {on}"),
        Status::Repealed { by, on, estimated } => {
            let mut t = "repealed".to_string();
            if let Some(on) = on {
                let about = if *estimated { "not before ~" } else { "" };
                t.push_str(&format!(" {about}{on}"));
            }
            if let Some(by) = by {
                t.push_str(&format!(" by {by}"));
            }
            t
        }
    }
}

/// The status as `status:` filters on it (`in_force`, `repealed`, `unknown`), with the day an
/// act left its source: `unknown (not in the source since 2026-11-04)`.
pub fn status_word(s: &Status) -> String {
    match s {
        Status::SourceRemoved { on } => format!("unknown (not in the source since {on})"),
        other => other.as_str().to_string(),
    }
}

/// The index opened for `acts`, `units`, `history` and `diff`, with the report of opening
/// it (the files it does not hold, named once the command has printed). Reading acts back
/// from the index (stored whole on their act documents) spares these commands a parse of the
/// whole corpus on every run.
pub(crate) struct Indexed {
    pub index: ZanIndex,
    pub report: RefreshReport,
}

impl Indexed {
    /// Opens `--index` as `zanlex search` does: built when missing, refreshed when the corpus
    /// changed (reported on stderr). An index found up to date reports the files it does not
    /// hold as the build that wrote it did.
    pub fn open(cli: &Cli) -> anyhow::Result<Self> {
        let (index, report) = cli.open_index()?;
        Ok(Indexed { index, report })
    }
}

fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// The facts line of an act's entry in the text listing.
fn act_facts(a: &ActSummary) -> String {
    let date = a.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
    let number = &a.number;
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
    facts.join(" · ")
}

/// An expression's source line in the text listing: file, languages met in it, unit counts.
fn expression_line(a: &ActSummary) -> String {
    let counts = a
        .unit_counts
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{} · {} · {} units: {}",
        a.source.file,
        a.languages.join("+"),
        a.unit_count,
        counts
    )
}

/// An act's entry in the text listing: its id, its title in each language, the facts of its
/// first expression (Kazakh when it has one) and one source line per expression.
fn act_text(id: &str, expressions: &[ActSummary]) -> String {
    let mut out = format!("{id}\n");
    let several = expressions.len() > 1;
    for e in expressions {
        if several {
            out.push_str(&format!("  [{}] {}\n", e.lang, short(&e.title, 105)));
        } else {
            out.push_str(&format!("  {}\n", short(&e.title, 110)));
        }
    }
    if let Some(first) = expressions.first() {
        out.push_str(&format!("  {}\n", act_facts(first)));
    }
    for e in expressions {
        if several {
            out.push_str(&format!("  [{}] {}\n", e.lang, expression_line(e)));
        } else {
            out.push_str(&format!("  {}\n", expression_line(e)));
        }
    }
    out.push('\n');
    out
}

/// Runs `zanlex acts`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let indexed = Indexed::open(cli)?;
    let printed = print(&indexed, args);
    super::finish(&indexed.report, printed)
}

/// Prints the listing.
fn print(indexed: &Indexed, args: &Args) -> anyhow::Result<()> {
    let list = indexed.index.act_list(&indexed.report.failures)?;
    if args.json {
        return super::print_json(&list);
    }
    let mut out = super::answer_out();
    for entry in &list.acts {
        out.write_all(
            super::terminal_safe(&act_text(&entry.first.id, &entry.expressions)).as_bytes(),
        )?;
    }
    out.flush()?;
    Ok(())
}

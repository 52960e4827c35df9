//! `zanlex diff ACT_ID[#EID] --from A --to B [--json]`: what changed between two versions.

use super::acts::Indexed;
use super::Cli;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use zanlex::UnitChangeKind;

/// Arguments of `zanlex diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The act id, optionally with a unit: `ACT_ID#art_10`.
    pub target: String,
    /// The older version: a version id (`2022-11-05`) or a date it was in force on.
    #[arg(long)]
    pub from: String,
    /// The newer version: a version id or a date.
    #[arg(long)]
    pub to: String,
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
    /// The language of the text: kk (Kazakh, the default when the act has it) or ru.
    #[arg(long, value_name = "kk|ru")]
    pub lang: Option<String>,
    #[command(flatten)]
    pub page: super::PageArgs,
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const RESET: &str = "\x1b[0m";

/// Runs `zanlex diff`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let typed = zanlex::pages::DiffArgs {
        target: &args.target,
        from: Some(&args.from),
        to: Some(&args.to),
        lang: args.lang.as_deref(),
        offset: args.page.offset,
        limit: args.page.limit,
    };
    let request = zanlex::pages::DiffRequest::parse(
        &typed,
        &zanlex::pages::Budget::SERVER,
        super::search::flag,
    )?;
    let indexed = Indexed::open(cli)?;
    let printed = print(&indexed, args, &request);
    super::finish(&indexed.report, printed)
}

/// Prints the difference `request` asks for.
fn print(
    indexed: &Indexed,
    args: &Args,
    request: &zanlex::pages::DiffRequest,
) -> anyhow::Result<()> {
    let page = zanlex::pages::diff_page(&indexed.index, request, &zanlex::pages::Budget::SERVER)?;
    if args.json {
        return super::print_json(&page);
    }
    super::page_note(&page.page);
    let eid = request.target.eid();
    let d = &page.diff;
    let mut out = super::answer_out();
    let color = std::io::stdout().is_terminal();
    // Texts and notes come from the documents: their control characters are escaped before
    // zanlex's own colours go around them.
    let safe = super::terminal_safe;
    let paint = |s: &str, c: &str| {
        if color {
            format!("{c}{}{RESET}", safe(s))
        } else {
            safe(s).into_owned()
        }
    };
    // The summary's ids come from the documents' numbering, escaped like their texts.
    let mut head: Vec<u8> = Vec::new();
    writeln!(
        head,
        "{}{}: {} → {}",
        d.act,
        eid.map(|e| format!("#{e}")).unwrap_or_default(),
        d.from,
        d.to
    )?;
    // Each side: the date or edition asked, the editions its wordings come from, and the
    // act's state that day when it is not simply in force.
    for (name, asked, side) in [("from", &d.from, &d.from_side), ("to", &d.to, &d.to_side)] {
        let editions = match side.editions.len() {
            0 => "no edition in force".to_string(),
            1 => format!("edition {}", side.editions[0]),
            _ => format!("editions {}", side.editions.join(", ")),
        };
        let state = side
            .state
            .as_ref()
            .map(|s| format!("; {}", s.describe(side.date, None)))
            .unwrap_or_default();
        writeln!(head, "{name} {asked}: {editions}{state}")?;
    }
    writeln!(
        head,
        "deleted ({}): {}",
        d.deleted.len(),
        d.deleted.join(", ")
    )?;
    writeln!(
        head,
        "inserted ({}): {}",
        d.inserted.len(),
        d.inserted.join(", ")
    )?;
    writeln!(
        head,
        "changed ({}): {}",
        d.changed.len(),
        d.changed.join(", ")
    )?;
    if !d.unknown.is_empty() {
        writeln!(
            head,
            "not known, a wording not in the corpus ({}): {}",
            d.unknown.len(),
            d.unknown.join(", ")
        )?;
    }
    let notes_only: Vec<&str> = d
        .units
        .iter()
        .filter(|c| c.kind == UnitChangeKind::NotesOnly)
        .map(|c| c.eid.as_str())
        .collect();
    writeln!(
        head,
        "notes only ({}): {}",
        notes_only.len(),
        notes_only.join(", ")
    )?;
    out.write_all(safe(&String::from_utf8_lossy(&head)).as_bytes())?;
    for c in &d.units {
        match c.kind {
            UnitChangeKind::Changed => {
                writeln!(
                    out,
                    "\n== {} ({} → {})",
                    safe(&c.eid),
                    c.status_from,
                    c.status_to
                )?;
                let mut line = String::new();
                for w in &c.words {
                    match w.tag {
                        "delete" => line.push_str(&paint(&format!("[-{}-]", w.text), RED)),
                        "insert" => line.push_str(&paint(&format!("{{+{}+}}", w.text), GREEN)),
                        _ => line.push_str(&safe(&w.text)),
                    }
                }
                writeln!(out, "{line}")?;
                if c.notes_changed {
                    writeln!(out, "   (notes changed too)")?;
                }
            }
            UnitChangeKind::Deleted | UnitChangeKind::Inserted => {
                let (tag, text, col) = if c.kind == UnitChangeKind::Deleted {
                    ("deleted", c.text_from.as_deref(), RED)
                } else {
                    ("inserted", c.text_to.as_deref(), GREEN)
                };
                writeln!(out, "\n== {} {}", safe(&c.eid), tag)?;
                writeln!(out, "{}", paint(text.unwrap_or(""), col))?;
            }
            UnitChangeKind::Unknown => {
                writeln!(out, "\n== {} not known", safe(&c.eid))?;
                for (name, state, date) in [
                    ("from", &c.state_from, d.from_side.date),
                    ("to", &c.state_to, d.to_side.date),
                ] {
                    if let Some(s) = state.as_ref().filter(|s| !s.has_wording()) {
                        writeln!(out, "   {name}: {}", safe(&s.describe(date, None)))?;
                    }
                }
            }
            UnitChangeKind::NotesOnly => {}
        }
    }
    if !notes_only.is_empty() {
        writeln!(out, "\n-- changes in notes only --")?;
        for c in d
            .units
            .iter()
            .filter(|c| c.kind == UnitChangeKind::NotesOnly)
        {
            writeln!(out, "== {}", safe(&c.eid))?;
            for n in &c.notes_from {
                if !c.notes_to.contains(n) {
                    writeln!(out, "{}", paint(&format!("- {n}"), RED))?;
                }
            }
            for n in &c.notes_to {
                if !c.notes_from.contains(n) {
                    writeln!(out, "{}", paint(&format!("+ {n}"), GREEN))?;
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

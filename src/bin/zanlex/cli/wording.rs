//! `zanlex wording ACT "PHRASE" [--unit EID] [--lang kk|ru] [--json]`: when a phrase appeared
//! in an act's units and when it went, over its editions (the library's wording history, as
//! `GET /v1/acts/{id}/wording` and the MCP tool `wording` give it).

use super::Cli;
use std::io::Write;
use std::process::ExitCode;
use zanlex::pages::{
    Budget, WordingArgs, WordingChange, WordingEdition, WordingEnd, WordingRequest, WordingStart,
};

/// Arguments of `zanlex wording`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The act id, as `zanlex acts` prints it.
    pub act_id: String,
    /// The phrase, its words in the forms to find (letter case and Latin look-alike letters
    /// aside).
    pub phrase: String,
    /// Only this unit (`art_12__para_3`) and the units inside it.
    #[arg(long, value_name = "EID")]
    pub unit: Option<String>,
    /// The language of the text: kk or ru; by default the first of the act's texts (Kazakh
    /// first) where the phrase occurs.
    #[arg(long, value_name = "kk|ru")]
    pub lang: Option<String>,
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
    /// Units before the page: the `next_offset` of the page before.
    #[arg(long, value_name = "N")]
    pub offset: Option<u64>,
    /// Units on the page (20 when not given, at most 100).
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
}

/// Runs `zanlex wording`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    // Checked, as every door checks a wording's history, before the index is touched.
    let typed = WordingArgs {
        act: &args.act_id,
        unit: args.unit.as_deref(),
        phrase: &args.phrase,
        lang: args.lang.as_deref(),
        offset: args.offset,
        limit: args.limit,
    };
    let request = WordingRequest::parse(&typed, super::search::flag)?;
    super::run_paged(
        cli,
        None,
        args.json,
        |index, links| zanlex::pages::wording_history(index, &request, links, &Budget::LOCAL),
        |answer| {
            let mut out = super::answer_out();
            for note in &answer.notes {
                eprintln!("zanlex: {}", super::terminal_safe(note));
            }
            for u in &answer.units {
                writeln!(out, "{}", super::terminal_safe(&u.eid))?;
                for s in &u.spans {
                    let line = format!("    {}\n    {}", start(&s.start), end(&s.end));
                    writeln!(out, "{}", super::terminal_safe(&line))?;
                }
            }
            out.flush()?;
            Ok(())
        },
        |answer| &answer.page,
    )
}

/// A day, `~` before it when estimated, `?` when unknown.
fn day(d: Option<chrono::NaiveDate>, estimated: bool) -> String {
    match d {
        Some(d) if estimated => format!("~{d}"),
        Some(d) => d.to_string(),
        None => "?".to_string(),
    }
}

/// An edition: its id, and its date when the id is not that date.
fn ed(e: &WordingEdition) -> String {
    match e.date.map(|d| d.to_string()) {
        Some(d) if d != e.id => format!("edition {} ({d})", e.id),
        _ => format!("edition {}", e.id),
    }
}

/// The amending acts, after a dash.
fn by(list: &[WordingChange]) -> String {
    if list.is_empty() {
        return String::new();
    }
    let acts: Vec<&str> = list.iter().map(|c| c.amending_act.as_str()).collect();
    format!(" — {}", acts.join("; "))
}

fn start(s: &WordingStart) -> String {
    match s {
        WordingStart::SinceAtLeast {
            edition,
            from,
            from_estimated,
            by: b,
            ..
        } => format!(
            "present since at least {} (in the earliest {}){}",
            day(*from, *from_estimated),
            ed(edition),
            by(b)
        ),
        WordingStart::Appeared {
            edition,
            from,
            from_estimated,
            by: b,
            ..
        } => format!(
            "appeared {} (first in {}){}",
            day(*from, *from_estimated),
            ed(edition),
            by(b)
        ),
        _ => String::new(),
    }
}

fn end(e: &WordingEnd) -> String {
    match e {
        WordingEnd::StillPresent { edition } => {
            format!("still present (in the newest {})", ed(edition))
        }
        WordingEnd::Removed {
            edition,
            until,
            absent_from,
            absent_from_estimated,
            by: b,
            ..
        } => {
            let gone = day(*absent_from, *absent_from_estimated);
            let between = match until {
                Some(u) if *until != *absent_from => format!(
                    " (its wording in force until {u}; the wordings between are not in the corpus)"
                ),
                _ => String::new(),
            };
            format!("gone {gone}{between} (absent in {}){}", ed(edition), by(b))
        }
        WordingEnd::UnitRemoved {
            edition,
            until,
            by: b,
        } => format!(
            "unit removed {} (not printed in {}){}",
            day(*until, false),
            ed(edition),
            by(b)
        ),
        _ => String::new(),
    }
}

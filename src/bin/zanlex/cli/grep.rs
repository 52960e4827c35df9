//! `zanlex grep PATTERN [--act ID] [--kind K] [--lang kk|ru] [--as-of DATE] [-i] [--json]`: the
//! units whose text a regular expression matches, each with its citation and where it matched
//! (the library's `grep`, as `GET /v1/grep`, the MCP tool `grep` and `Index.grep` give it).

use super::Cli;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use zanlex::pages::{Budget, GrepArgs, GrepRequest};

/// Arguments of `zanlex grep`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The regular expression (Rust's `regex` syntax: no look-around, no back-references),
    /// e.g. 'пункт \d+ статьи 12'.
    pub pattern: String,
    /// Only this act's units (an id from `zanlex acts`).
    #[arg(long, value_name = "ID")]
    pub act: Option<String>,
    /// Only acts of this kind (order, law, code, …), as `zanlex search --kind`.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Only acts with this status: in_force, repealed or unknown.
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// Only texts in this language: kk or ru (both when not given).
    #[arg(long, value_name = "kk|ru")]
    pub lang: Option<String>,
    /// Only the wording in force on this day (YYYY-MM-DD); the current texts when not given.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Letters match whatever their case.
    #[arg(short = 'i', long)]
    pub ignore_case: bool,
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
    /// The address of a zanlex server whose pages the permalinks open
    /// (`https://host[/prefix]`); the official text's address without it.
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
    /// Units before the page: the `next_offset` of the page before.
    #[arg(long, value_name = "N")]
    pub offset: Option<u64>,
    /// Units on the page (20 when not given, at most 100).
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
    /// Matching units counted before the reading stops (1,000 when not given, at most
    /// 10,000); past it the total is "more than" it.
    #[arg(long, value_name = "N")]
    pub total_bound: Option<u64>,
}

/// Runs `zanlex grep`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    // Checked, as every door checks a grep, before the index is touched.
    let typed = GrepArgs {
        pattern: &args.pattern,
        act: args.act.as_deref(),
        kind: args.kind.as_deref(),
        status: args.status.as_deref(),
        lang: args.lang.as_deref(),
        as_of: args.as_of.as_deref(),
        ignore_case: args.ignore_case,
        offset: args.offset,
        limit: args.limit,
        total_bound: args.total_bound,
    };
    let request = GrepRequest::parse(&typed, super::search::flag)?;
    super::run_paged(
        cli,
        args.public_url.as_deref(),
        args.json,
        |index, links| zanlex::pages::grep(index, &request, links, &Budget::SERVER),
        |answer| {
            for note in &answer.notes {
                eprintln!("zanlex: {}", super::terminal_safe(note));
            }
            let tty = std::io::stdout().is_terminal();
            let (b0, b1) = if tty {
                ("\x1b[1m", "\x1b[0m")
            } else {
                ("", "")
            };
            let safe = super::terminal_safe;
            let mut out = super::answer_out();
            for (i, u) in answer.units.iter().enumerate() {
                let n = answer.page.offset + i + 1;
                writeln!(out, "{n}. {b0}{}{b1}", safe(&u.citation))?;
                for m in &u.matches {
                    writeln!(out, "   {}-{}: {}", m.start, m.end, safe(&m.excerpt))?;
                }
                if u.matches_total > u.matches.len() {
                    writeln!(out, "   … {} matches in all", u.matches_total)?;
                }
                let mut line = format!(
                    "   {}#{} · {} · {}",
                    u.act_id,
                    u.eid,
                    u.lang,
                    u.state.as_str()
                );
                if let Some(p) = &u.permalink {
                    line.push_str(&format!(" · {p}"));
                }
                writeln!(out, "{}", safe(&line))?;
            }
            out.flush()?;
            let more = if answer.total_is_lower_bound {
                "more than "
            } else {
                ""
            };
            eprintln!(
                "zanlex: {more}{} unit(s) match, {} match(es) in them; {} text(s) read",
                answer.total, answer.matches_total, answer.units_scanned
            );
            Ok(())
        },
        |answer| &answer.page,
    )
}

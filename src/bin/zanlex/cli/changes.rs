//! `zanlex changes [--act ID] [--since D] [--json]`: the amendments the acts' notes record,
//! newest first by the day they take effect, across the corpus or in one act (the library's
//! recent changes, as `GET /v1/changes` and the MCP tool `recent_changes` give them).

use super::Cli;
use std::io::Write;
use std::process::ExitCode;
use zanlex::pages::{Budget, RecentArgs, RecentChangesRequest};

/// Arguments of `zanlex changes`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this act's changes (an id from `zanlex acts`); every act's by default.
    #[arg(long, value_name = "ID")]
    pub act: Option<String>,
    /// Only the changes taking effect on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only the changes taking effect on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// The language of the acts' texts whose notes are read: kk (Kazakh, the default when
    /// the act has it) or ru.
    #[arg(long, value_name = "kk|ru")]
    pub lang: Option<String>,
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
    /// The address of a zanlex server whose pages the permalinks open
    /// (`https://host[/prefix]`); the official text's address without it.
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
    /// Changes before the page: the `next_offset` of the page before.
    #[arg(long, value_name = "N")]
    pub offset: Option<u64>,
    /// Changes on the page (20 when not given, at most 100).
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
}

/// Runs `zanlex changes`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    // Checked, as every door checks recent changes, before the index is touched.
    let typed = RecentArgs {
        act: args.act.as_deref(),
        since: args.since.as_deref(),
        until: args.until.as_deref(),
        lang: args.lang.as_deref(),
        offset: args.offset,
        limit: args.limit,
        ..Default::default()
    };
    let request = RecentChangesRequest::parse(&typed, super::search::flag)?;
    super::run_paged(
        cli,
        args.public_url.as_deref(),
        args.json,
        |index, links| zanlex::pages::recent_changes(index, &request, links, &Budget::SERVER),
        |answer| {
            let mut out = super::answer_out();
            for note in &answer.notes {
                eprintln!("zanlex: {}", super::terminal_safe(note));
            }
            for c in &answer.changes {
                let day = c.day.map_or("….….….".to_string(), |d| d.to_string());
                let line = format!(
                    "{day}  {} ({})\n    {}: {} unit(s){}",
                    c.act_citation,
                    c.act_id,
                    c.amending_act,
                    c.units_total,
                    c.permalink
                        .as_deref()
                        .map_or(String::new(), |p| format!("\n    {p}"))
                );
                writeln!(out, "{}", super::terminal_safe(&line))?;
            }
            if answer.changes.is_empty() {
                eprintln!("zanlex: no change recorded in what was asked");
            }
            out.flush()?;
            Ok(())
        },
        |answer| &answer.page,
    )
}

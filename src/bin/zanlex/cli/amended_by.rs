//! `zanlex amended-by ACT [--lang kk|ru] [--json]`: what one amending act changed across the
//! corpus, provision by provision (the library's [`zanlex::pages::amended_by`], as `GET
//! /v1/amended-by` and the MCP tool `amended_by` give it).

use super::Cli;
use std::io::Write;
use std::process::ExitCode;
use zanlex::pages::{AmendedByArgs, AmendedByRequest, Budget};

/// Arguments of `zanlex amended-by`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The amending act: its id in the corpus, or its requisites as written
    /// («Закон РК от 17.07.2024 № 118-VIII», «2024 жылғы 17 шілдедегі № 118-VIII Заң»).
    #[arg(value_name = "ACT")]
    pub by: String,
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
    /// Provisions before the page: the `next_offset` of the page before.
    #[arg(long, value_name = "N")]
    pub offset: Option<u64>,
    /// Provisions on the page (20 when not given, at most 100).
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
}

/// Runs `zanlex amended-by`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    // Checked, as every door checks it, before the index is touched.
    let typed = AmendedByArgs {
        by: &args.by,
        lang: args.lang.as_deref(),
        offset: args.offset,
        limit: args.limit,
    };
    let request = AmendedByRequest::parse(&typed, |n| match n {
        "by" => "ACT".to_string(),
        n => super::search::flag(n),
    })?;
    super::run_paged(
        cli,
        args.public_url.as_deref(),
        args.json,
        |index, links| zanlex::pages::amended_by(index, &request, links, &Budget::SERVER),
        |answer| {
            let mut out = super::answer_out();
            for note in &answer.notes {
                eprintln!("zanlex: {}", super::terminal_safe(note));
            }
            let head = format!(
                "{}: {} provision(s) in {} act(s){}",
                answer.amending_act,
                answer.total,
                answer.acts_total,
                answer
                    .amending_act_id
                    .as_deref()
                    .map_or(String::new(), |id| format!(" [{id}]"))
            );
            writeln!(out, "{}", super::terminal_safe(&head))?;
            let mut act = "";
            for p in &answer.provisions {
                if p.act_id != act {
                    act = &p.act_id;
                    let line = format!("\n{} ({})", p.act_citation, p.act_id);
                    writeln!(out, "{}", super::terminal_safe(&line))?;
                }
                let day = p.effective.as_ref().map_or("….….….".to_string(), |e| {
                    format!("{}{}", e.date, if e.estimated { " ~" } else { "" })
                });
                let line = format!(
                    "  {day}  {}  {}{}",
                    p.action.as_str(),
                    p.citation,
                    p.permalink
                        .as_deref()
                        .map_or(String::new(), |l| format!("\n    {l}"))
                );
                writeln!(out, "{}", super::terminal_safe(&line))?;
            }
            out.flush()?;
            Ok(())
        },
        |answer| &answer.page,
    )
}

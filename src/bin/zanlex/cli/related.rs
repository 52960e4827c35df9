//! `zanlex related ACT [--as-of D] [--json]`: the acts related to an act (its predecessor and
//! successor, the acts it amends and that amend it, the acts it cites and that cite it), each
//! with its status (the library's related acts, as `GET /v1/acts/{id}/related` and the MCP
//! tool `related` give them).

use super::{Cli, PageArgs};
use std::io::Write;
use std::process::ExitCode;
use zanlex::pages::{Budget, ListArgs, RelatedAct, RelatedRequest};

/// Arguments of `zanlex related`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The act's id (from `zanlex acts`).
    pub act: String,
    /// The related acts' states on this day (YYYY-MM-DD) by the time rule, and the act's
    /// references in force then; today by default.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// The language of the act's text read (its references and amendment notes): kk
    /// (Kazakh, the default when the act has it) or ru.
    #[arg(long, value_name = "kk|ru")]
    pub lang: Option<String>,
    #[command(flatten)]
    pub page: PageArgs,
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
    /// The address of a zanlex server whose pages the permalinks open
    /// (`https://host[/prefix]`); the official text's address without it.
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
}

/// Runs `zanlex related`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    // Checked before the index is touched.
    let typed = ListArgs {
        target: &args.act,
        lang: args.lang.as_deref(),
        as_of: args.as_of.as_deref(),
        offset: args.page.offset,
        limit: args.page.limit,
        ..Default::default()
    };
    let request = RelatedRequest::parse(&typed, &Budget::SERVER, |name| match name {
        "act" => "ACT".to_string(),
        other => super::search::flag(other),
    })?;
    super::run_paged(
        cli,
        args.public_url.as_deref(),
        args.json,
        |index, links| zanlex::pages::related_acts(index, &request, links, &Budget::SERVER),
        |answer| {
            let mut out = super::answer_out();
            let lists: [(&str, &[RelatedAct]); 6] = [
                ("replaces", answer.replaces.as_slice()),
                ("replaced_by", answer.replaced_by.as_slice()),
                ("amends", &answer.amends),
                ("amended_by", &answer.amended_by),
                ("cites", &answer.cites),
                ("cited_by", &answer.cited_by),
            ];
            let mut any = false;
            for (relation, acts) in lists {
                for a in acts {
                    any = true;
                    // No status is known of an act the corpus lacks.
                    let mut status = a
                        .status
                        .as_ref()
                        .map_or("not in the corpus".to_string(), super::acts::status_text);
                    // On the day read: not yet adopted, or not yet applying, then.
                    if let Some(words) = &a.state_in_words {
                        status.push_str("; ");
                        status.push_str(&words[answer.lang]);
                    }
                    let id =
                        a.id.as_deref()
                            .map_or(String::new(), |id| format!(" ({id})"));
                    let name = if a.quoted {
                        format!("«{}» (quoted from the text)", a.citation)
                    } else {
                        a.citation.clone()
                    };
                    let line = format!("{relation:<11}  {name}{id}  [{status}]");
                    writeln!(out, "{}", super::terminal_safe(&line))?;
                }
            }
            if !any {
                eprintln!("zanlex: no related act recorded for {}", answer.act);
            }
            out.flush()?;
            Ok(())
        },
        |answer| &answer.page,
    )
}

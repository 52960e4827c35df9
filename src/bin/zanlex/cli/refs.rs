//! `zanlex refs ACT[#EID]` (what a provision cites) and `zanlex cited-by ACT[#EID]` (what
//! cites it), human and `--json`.

use super::Cli;
use std::io::Write;
use std::process::ExitCode;
use zanlex::pages::{Budget, Links, ListArgs, RefsRequest};
use zanlex::ResolvedReference;

/// The links of the command line's answers: no server to open, the official text's address.
pub(crate) fn links() -> Links {
    Links::official_only()
}

/// Arguments of `zanlex refs`.
#[derive(Debug, clap::Args)]
pub struct RefsArgs {
    /// `ACT_ID#EID` (the unit and the units inside it) or `ACT_ID` (the whole act).
    pub target: String,
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
    /// The language of the citing text: kk (Kazakh, the default when the act has it) or ru.
    #[arg(long, value_name = "kk|ru")]
    pub lang: Option<String>,
    /// Only the references that could not be resolved.
    #[arg(long)]
    pub unresolved: bool,
    /// Read the wording in force on this date (YYYY-MM-DD), when the corpus has that
    /// edition; the current text otherwise.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub page: super::PageArgs,
}

/// Arguments of `zanlex cited-by`.
#[derive(Debug, clap::Args)]
pub struct CitedByArgs {
    /// `ACT_ID#EID` (references to that unit or a unit inside it) or `ACT_ID` (to any of
    /// the act's units or the act itself).
    pub target: String,
    /// Only references to the unit itself, not to units inside it.
    #[arg(long)]
    pub exact: bool,
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
    /// Read every act in its wording in force on this date (YYYY-MM-DD), when the corpus has
    /// that edition; the current texts otherwise.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub page: super::PageArgs,
}

/// Runs `zanlex refs`.
pub fn run_refs(cli: &Cli, args: &RefsArgs) -> anyhow::Result<ExitCode> {
    let typed = ListArgs {
        target: &args.target,
        lang: args.lang.as_deref(),
        as_of: args.as_of.as_deref(),
        offset: args.page.offset,
        limit: args.page.limit,
        unresolved: args.unresolved,
        ..Default::default()
    };
    let request = RefsRequest::parse(&typed, &Budget::SERVER, super::search::flag)?;
    let (index, report) = cli.open_index()?;
    let printed = (|| -> anyhow::Result<()> {
        let page = zanlex::pages::refs_page(&index, &request, &links(), &Budget::SERVER)?;
        if args.json {
            return super::print_json(&page);
        }
        print(&page.list.references, true)?;
        super::page_note(&page.page);
        Ok(())
    })();
    super::finish(&report, printed)
}

/// Runs `zanlex cited-by`.
pub fn run_cited_by(cli: &Cli, args: &CitedByArgs) -> anyhow::Result<ExitCode> {
    let typed = ListArgs {
        target: &args.target,
        as_of: args.as_of.as_deref(),
        offset: args.page.offset,
        limit: args.page.limit,
        exact: args.exact,
        ..Default::default()
    };
    let request = RefsRequest::parse(&typed, &Budget::SERVER, super::search::flag)?;
    let (index, report) = cli.open_index()?;
    let printed = (|| -> anyhow::Result<()> {
        let page = zanlex::pages::cited_by_page(&index, &request, &links(), &Budget::SERVER)?;
        if args.json {
            return super::print_json(&page);
        }
        print(&page.list.cited_by, false)?;
        super::page_note(&page.page);
        Ok(())
    })();
    super::finish(&report, printed)
}

/// Prints references, grouped by citing unit: outgoing (`to`: each with where it leads) or
/// incoming (each with what it cites).
fn print(refs: &[ResolvedReference], outgoing: bool) -> anyhow::Result<()> {
    let mut out = super::answer_out();
    let mut text = String::new();
    let mut last: Option<(&str, &str)> = None;
    for r in refs {
        let here = (r.citing.act.as_str(), r.citing.eid.as_str());
        if last != Some(here) {
            text.push_str(&format!(
                "{}  [{}#{}]\n",
                r.citing.citation, r.citing.act, r.citing.eid
            ));
            last = Some(here);
        }
        let lines = if r.source.line_start == r.source.line_end {
            format!("{}", r.source.line_start)
        } else {
            format!("{}-{}", r.source.line_start, r.source.line_end)
        };
        let to = match (&r.target, r.unresolved) {
            (Some(t), _) => {
                let at = if t.eid.is_empty() {
                    t.act.clone()
                } else {
                    format!("{}#{}", t.act, t.eid)
                };
                if outgoing {
                    format!("→ {}  ({at})", t.citation)
                } else {
                    format!("→ {at}")
                }
            }
            (None, Some(why)) => {
                let wanted = if r.wanted.is_empty() {
                    String::new()
                } else {
                    format!(", {}", r.wanted)
                };
                format!("→ unresolved: {}{wanted}", why.message())
            }
            (None, None) => String::new(),
        };
        let text_one = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
        text.push_str(&format!(
            "  «{text_one}»  {}:{lines}\n    {to}\n",
            r.source.file
        ));
    }
    let resolved = refs.iter().filter(|r| r.target.is_some()).count();
    text.push_str(&format!(
        "{} reference(s), {resolved} resolved\n",
        refs.len()
    ));
    out.write_all(super::terminal_safe(&text).as_bytes())?;
    out.flush()?;
    Ok(())
}

/// A reference on one line: its text, then where it leads or why not.
pub(crate) fn one_line(r: &ResolvedReference) -> String {
    let text = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
    match (&r.target, r.unresolved) {
        (Some(t), _) if t.eid.is_empty() => format!("«{text}» → {} ({})", t.citation, t.act),
        (Some(t), _) => format!("«{text}» → {} ({}#{})", t.citation, t.act, t.eid),
        (None, Some(why)) => format!("«{text}» → unresolved: {}", why.message()),
        (None, None) => format!("«{text}»"),
    }
}

//! `zanlex units ACT_ID`: an act's unit tree.

use super::acts::Indexed;
use super::Cli;
use std::io::Write;
use std::process::ExitCode;
use zanlex::{Source, Unit, UnitStatus};

/// Arguments of `zanlex units`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The act id, as `zanlex acts` prints it.
    pub act_id: String,
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
    /// The language of the text: kk (Kazakh, the default when the act has it) or ru.
    #[arg(long, value_name = "kk|ru")]
    pub lang: Option<String>,
}

/// Prints `u` and the units inside it; lines are those of `source`'s file, or of the part
/// file that holds the unit in a text the mirror split (`sec002.md:L515-549`).
fn print_tree(
    out: &mut impl Write,
    source: &Source,
    u: &Unit,
    depth: usize,
) -> std::io::Result<()> {
    let num = u.num.as_deref().unwrap_or("");
    let status = match &u.status {
        UnitStatus::Live => String::new(),
        UnitStatus::Deleted => " [deleted]".into(),
        UnitStatus::Pending { from } => match from {
            Some(d) => format!(" [pending from {d}]"),
            None => " [pending]".into(),
        },
    };
    let words: String = u
        .heading
        .as_deref()
        .filter(|h| !h.is_empty())
        .unwrap_or(&u.text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut first: String = words.chars().take(70).collect();
    if words.chars().count() > 70 {
        first.push('…');
    }
    let first = super::terminal_safe(&first);
    let notes = if u.notes.is_empty() {
        String::new()
    } else {
        format!(
            " ({} note{})",
            u.notes.len(),
            if u.notes.len() == 1 { "" } else { "s" }
        )
    };
    let (file, span) = source.locate(u.span);
    let part = if source.parts.is_empty() {
        String::new()
    } else {
        let name = file.rsplit('/').next().unwrap_or(file);
        format!("{}:", super::terminal_safe(name))
    };
    writeln!(
        out,
        "{:indent$}{:<w$} {:>6}  {}L{}-{}{}{}  {}",
        "",
        u.eid,
        num,
        part,
        span.line_start,
        span.line_end,
        status,
        notes,
        first,
        indent = depth * 2,
        w = 34usize.saturating_sub(depth * 2),
    )?;
    for c in &u.children {
        print_tree(out, source, c, depth + 1)?;
    }
    Ok(())
}

/// Runs `zanlex units`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    // Checked as every door checks the read of an act's outline, before the index is touched.
    let typed = zanlex::pages::ReadArgs {
        target: &args.act_id,
        lang: args.lang.as_deref(),
        ..Default::default()
    };
    let request = zanlex::pages::ReadRequest::parse(&typed, super::search::flag)?;
    if request.target.eid().is_some() {
        return Err(super::usage(format!(
            "{:?}: units lists an act's units; write the act's id alone, without #EID",
            args.act_id
        )));
    }
    let indexed = Indexed::open(cli)?;
    let printed = print(&indexed, args, &request);
    super::finish(&indexed.report, printed)
}

/// Prints the unit tree `request` asks for.
fn print(
    indexed: &Indexed,
    args: &Args,
    request: &zanlex::pages::ReadRequest,
) -> anyhow::Result<()> {
    let tree = indexed.index.unit_tree(&request.target.act, request.lang)?;
    if args.json {
        return super::print_json(&tree);
    }
    let mut out = super::answer_out();
    let act = &tree.act;
    writeln!(
        out,
        "{}  [{}]  {}",
        act.id,
        act.lang,
        super::terminal_safe(&act.title)
    )?;
    for u in &tree.units {
        print_tree(&mut out, &act.source, u, 0)?;
    }
    let counts = tree
        .unit_counts
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    writeln!(out, "{} units: {}", tree.unit_count, counts)?;
    if let Some(m) = &tree.unmatched {
        let other = m.other_lang;
        if m.only_here.is_empty() && m.only_in_other.is_empty() {
            writeln!(out, "the {other} text has the same units")?;
        } else {
            let list = |v: &[String]| {
                if v.is_empty() {
                    "none".to_string()
                } else {
                    v.join(", ")
                }
            };
            writeln!(
                out,
                "only in this ({}) text: {}",
                act.lang,
                list(&m.only_here)
            )?;
            writeln!(out, "only in the {other} text: {}", list(&m.only_in_other))?;
        }
    }
    out.flush()?;
    Ok(())
}

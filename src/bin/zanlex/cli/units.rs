//! `zanlex units ACT_ID`: an act's unit tree.

use super::acts::{unit_counts, Indexed};
use super::Cli;
use std::io::Write;
use std::process::ExitCode;
use zanlex::{Unit, UnitStatus};

/// Arguments of `zanlex units`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The act id, as `zanlex acts` prints it.
    pub act_id: String,
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
    /// The language of the text: kk (Kazakh, the default when the act has it) or ru.
    #[arg(long, value_name = "kk|ru", value_parser = super::parse_lang)]
    pub lang: Option<zanlex::Lang>,
}

/// The eids of one expression that the act's other expression lacks, and the other way
/// round: where the Kazakh and Russian texts' structures disagree (said, not guessed).
fn unmatched(act: &zanlex::Act, other: &zanlex::Act) -> (Vec<String>, Vec<String>) {
    let eids = |a: &zanlex::Act| -> Vec<String> {
        a.all_units().into_iter().map(|u| u.eid.clone()).collect()
    };
    let (here, there) = (eids(act), eids(other));
    let there_set: std::collections::HashSet<&str> = there.iter().map(String::as_str).collect();
    let here_set: std::collections::HashSet<&str> = here.iter().map(String::as_str).collect();
    (
        here.iter()
            .filter(|e| !there_set.contains(e.as_str()))
            .cloned()
            .collect(),
        there
            .iter()
            .filter(|e| !here_set.contains(e.as_str()))
            .cloned()
            .collect(),
    )
}

fn print_tree(out: &mut impl Write, u: &Unit, depth: usize) -> std::io::Result<()> {
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
    writeln!(
        out,
        "{:indent$}{:<w$} {:>6}  L{}-{}{}{}  {}",
        "",
        u.eid,
        num,
        u.span.line_start,
        u.span.line_end,
        status,
        notes,
        first,
        indent = depth * 2,
        w = 34usize.saturating_sub(depth * 2),
    )?;
    for c in &u.children {
        print_tree(out, c, depth + 1)?;
    }
    Ok(())
}

/// Runs `zanlex units`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let indexed = Indexed::open(cli)?;
    let printed = print(&indexed, args);
    super::finish(&indexed.report, printed)
}

/// Prints what `args` ask of the act.
fn print(indexed: &Indexed, args: &Args) -> anyhow::Result<()> {
    let act = &indexed.act_in(&args.act_id, args.lang)?;
    let other = indexed
        .index
        .expressions(&act.id)?
        .into_iter()
        .find(|a| a.lang != act.lang);
    let mismatch = other.as_ref().map(|o| (o.lang, unmatched(act, o)));
    let mut out = std::io::stdout().lock();
    if args.json {
        let unmatched_js = mismatch.as_ref().map(|(other, (only_here, only_there))| {
            serde_json::json!({
                "other_lang": other,
                "only_here": only_here,
                "only_in_other": only_there,
            })
        });
        let doc = serde_json::json!({
            "act": {
                "id": act.id,
                "title": act.title,
                "kind": act.kind,
                "lang": act.lang,
                "source": act.source,
                "version_date": act.version_date,
            },
            "unit_count": act.all_units().len(),
            "unit_counts": unit_counts(&act.units),
            "unmatched": unmatched_js,
            "units": act.units,
        });
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{}  [{}]  {}",
            act.id,
            act.lang,
            super::terminal_safe(&act.title)
        )?;
        for u in &act.units {
            print_tree(&mut out, u, 0)?;
        }
        let counts = unit_counts(&act.units)
            .into_iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(out, "{} units: {}", act.all_units().len(), counts)?;
        if let Some((other, (only_here, only_there))) = &mismatch {
            if only_here.is_empty() && only_there.is_empty() {
                writeln!(out, "the {other} text has the same units")?;
            } else {
                let list = |v: &[String]| {
                    if v.is_empty() {
                        "none".to_string()
                    } else {
                        v.join(", ")
                    }
                };
                writeln!(out, "only in this ({}) text: {}", act.lang, list(only_here))?;
                writeln!(out, "only in the {other} text: {}", list(only_there))?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

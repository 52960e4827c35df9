//! `zanlex show`.

use super::Cli;
use std::io::Write;
use std::process::ExitCode;
use zanlex::{ActOutline, OutlineUnit, UnitAnswer};

/// Arguments of `zanlex show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `ACT_ID#EID` (a unit) or `ACT_ID` (the act's outline).
    pub target: String,
    /// Show the wording valid on this date (YYYY-MM-DD), when the corpus has it; for an act,
    /// the units it had that day, each with its state then.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// The language of the text shown: kk (Kazakh, the default when the act has it) or ru.
    #[arg(long, value_name = "kk|ru", value_parser = super::parse_lang)]
    pub lang: Option<zanlex::Lang>,
    /// Print the Kazakh and the Russian wording side by side (JSON: one object per language).
    #[arg(long, conflicts_with = "lang")]
    pub parallel: bool,
    /// Print the act as a file to attach, in Markdown (md) or plain text (txt): its citation
    /// and the date on top, then its units in their wording in force on the --as-of date
    /// (today when none is given). Only for a whole act.
    #[arg(long, value_name = "md|txt", conflicts_with_all = ["json", "parallel"])]
    pub format: Option<String>,
}

/// Runs `zanlex show`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let target = zanlex::Target::parse(&args.target)?;
    let as_of = super::as_of_arg(args.as_of.as_deref())?;
    let (index, report) = cli.open_index()?;
    let shown = show(&index, args, &target.act, target.eid(), as_of);
    super::finish(&report, shown)
}

/// Prints the act `act_id`'s outline, or its unit `eid`, as `args` ask.
fn show(
    index: &zanlex::ZanIndex,
    args: &Args,
    act_id: &str,
    eid: Option<&str>,
    as_of: Option<chrono::NaiveDate>,
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if let Some(format) = args.format.as_deref() {
        let format = zanlex::FileFormat::parse(format)?;
        if eid.is_some() {
            anyhow::bail!("--format writes a whole act: give ACT_ID without #EID");
        }
        let date = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
        // Written as it is read: an act of any size is never held whole as a file.
        let file = index.act_file(act_id, args.lang, date, format)?;
        for piece in file.body {
            out.write_all(super::terminal_safe(&piece).as_bytes())?;
        }
        return Ok(());
    }
    let Some(eid) = eid else {
        // On a date: the units the act had that day, each in its state then.
        if let Some(date) = as_of {
            let outline = index.act_outline_on(act_id, args.lang, date)?;
            if args.json {
                writeln!(out, "{}", serde_json::to_string_pretty(&outline)?)?;
                return Ok(());
            }
            for line in outline_lines(&outline) {
                writeln!(out, "{}", super::terminal_safe(&line))?;
            }
            return Ok(());
        }
        if args.json {
            // The act as stored, with the acts it succeeds and is succeeded by beside it.
            let act = zanlex::ActWithSuccession::read(index, act_id, args.lang)?;
            writeln!(out, "{}", serde_json::to_string_pretty(&act)?)?;
            return Ok(());
        }
        let outline = index.act_outline(act_id, args.lang, false)?;
        for line in outline_lines(&outline) {
            writeln!(out, "{}", super::terminal_safe(&line))?;
        }
        return Ok(());
    };
    if args.parallel {
        return show_parallel(index, act_id, eid, as_of, args.json, &mut out);
    }
    let shown = index.unit_answer(act_id, eid, args.lang, as_of)?;
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&shown)?)?;
        return Ok(());
    }
    for line in lines(&shown) {
        writeln!(out, "{}", super::terminal_safe(&line))?;
    }
    Ok(())
}

/// An act's outline as text: its citation, title and facts, then its units, indented by
/// depth, each with its eid and label.
fn outline_lines(outline: &ActOutline) -> Vec<String> {
    fn units(list: &[OutlineUnit], depth: usize, out: &mut Vec<String>) {
        for u in list {
            // On a date, a unit not simply in force says its state.
            let state = match (&u.state, &u.state_text) {
                (Some(s), Some(words)) if !s.is_in_force() => format!(" · {words}"),
                _ => String::new(),
            };
            out.push(format!(
                "{}{}  {}{state}",
                "  ".repeat(depth),
                u.eid,
                u.label
            ));
            units(&u.children, depth + 1, out);
        }
    }
    let mut out = vec![outline.citation.clone(), outline.title.clone()];
    if let Some(date) = outline.as_of {
        out.push(format!("as of {date}"));
    }
    out.push(format!(
        "{} · {} · {}",
        outline.kind.as_str(),
        super::acts::status_word(&outline.status),
        outline.source.file
    ));
    // The act's own state on the date read (today when none), when it is not in force: once,
    // before its units, with the act that repealed it.
    if let Some(words) = &outline.state_text {
        out.push(format!("State: {words}"));
    }
    if let Some(by) = &outline.repealed_by {
        out.push(format!("Repealed by: {}", by.describe()));
    }
    if let Some(old) = &outline.replaces {
        out.push(format!("Replaces: {}", old.describe()));
    }
    if let Some(new) = &outline.replaced_by {
        out.push(format!("Replaced by: {}", new.describe()));
    }
    units(&outline.units, 1, &mut out);
    out
}

/// A unit's human output, one line per item (text lines as they are): its citation, where
/// its wording is, the text, its children, the notes of the amendments that touched it and
/// what it refers to.
fn lines(shown: &UnitAnswer) -> Vec<String> {
    let mut out = vec![shown.citation.clone()];
    // No wording in force on the date: no file lines to point at.
    if !shown.text.is_empty() || shown.edition.is_some() {
        out.push(format!(
            "{}:{}-{} · {}{}",
            shown.source.file,
            shown.source.line_start,
            shown.source.line_end,
            shown.act.status,
            shown
                .edition
                .as_ref()
                .map(|e| format!(" · {}", edition_words(e)))
                .unwrap_or_default()
        ));
    }
    out.push(shown.state.describe(shown.as_of, None));
    if let Some(p) = &shown.predecessor {
        out.push(format!(
            "Read from the act it replaced, {}: the act asked for was not yet in force on {}",
            p.describe(),
            shown
                .as_of
                .map_or_else(|| "?".to_string(), |d| d.to_string())
        ));
    }
    out.push(String::new());
    out.extend(shown.text.lines().map(str::to_string));
    if !shown.children.is_empty() {
        let labels: Vec<&str> = shown.children.iter().map(|c| c.label.as_str()).collect();
        out.push(String::new());
        out.push(format!("Children: {}", labels.join(", ")));
    }
    // On a past date, a change that took effect after it is not part of the wording shown:
    // it is named apart, so that the text is never read as already amended. A note that
    // records several amending acts is printed once, naming those that take effect later.
    let later = |a: &zanlex::Amendment| match (shown.as_of, a.effective.as_ref()) {
        (Some(day), Some(e)) => e.date > day,
        _ => false,
    };
    let mut notes: Vec<(&str, Vec<&zanlex::Amendment>)> = Vec::new();
    for a in &shown.amendments {
        match notes.iter_mut().find(|(note, _)| *note == a.note) {
            Some((_, parts)) => parts.push(a),
            None => notes.push((&a.note, vec![a])),
        }
    }
    for (note, parts) in notes {
        let pending: Vec<&&zanlex::Amendment> = parts.iter().filter(|a| later(a)).collect();
        if pending.len() == parts.len() {
            out.push(format!("Changed later: {note}"));
            continue;
        }
        out.push(format!("Amended: {note}"));
        for a in pending {
            let from = a.effective.as_ref().map(|e| {
                format!(
                    " from {}{}",
                    if e.estimated { "~" } else { "" },
                    e.date.format("%Y-%m-%d")
                )
            });
            out.push(format!(
                "  Changed later by {}{}",
                a.by.cite(shown.lang),
                from.unwrap_or_default()
            ));
        }
    }
    for r in &shown.references {
        out.push(format!("Refers to: {}", super::refs::one_line(r)));
    }
    out
}

/// An edition as `show` names it: `edition 2022-11-05, in force 2017-06-15 – 2023-04-29
/// (start estimated)`.
fn edition_words(e: &zanlex::EditionRef) -> String {
    let day = |d: Option<chrono::NaiveDate>| d.map_or("…".to_string(), |d| d.to_string());
    format!(
        "edition {}, in force {} – {}{}",
        e.id,
        day(e.from),
        day(e.to),
        if e.from_estimated {
            " (start estimated)"
        } else {
            ""
        }
    )
}

/// `show ACT#EID --parallel`: the unit in each language the act has, side by side (JSON: an
/// object keyed by language). A unit missing in one language is said so in its column.
fn show_parallel(
    index: &zanlex::ZanIndex,
    act_id: &str,
    eid: &str,
    as_of: Option<chrono::NaiveDate>,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let shown = index.parallel_unit(act_id, eid, as_of)?;
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&shown)?)?;
        return Ok(());
    }
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .filter(|&c| c >= 40)
        .unwrap_or(120);
    let column = (width - 3) / 2;
    let wrapped: Vec<Vec<String>> = shown
        .columns()
        .into_iter()
        .map(|(lang, unit)| {
            let lines = match unit {
                Some(u) => lines(u),
                None => vec![format!("({eid} is not in the {lang} text of {act_id})")],
            };
            let mut col = vec![format!("[{lang}]")];
            for l in lines {
                if l.is_empty() {
                    col.push(String::new());
                } else {
                    col.extend(
                        textwrap::wrap(&l, column)
                            .into_iter()
                            .map(|c| c.into_owned()),
                    );
                }
            }
            col
        })
        .collect();
    let rows = wrapped.iter().map(Vec::len).max().unwrap_or(0);
    for r in 0..rows {
        let left = wrapped[0].get(r).map_or("", String::as_str);
        let right = wrapped
            .get(1)
            .and_then(|c| c.get(r))
            .map_or("", String::as_str);
        let pad = column.saturating_sub(textwrap::core::display_width(left));
        let (left, right) = (super::terminal_safe(left), super::terminal_safe(right));
        writeln!(out, "{left}{} │ {right}", " ".repeat(pad))?;
    }
    Ok(())
}

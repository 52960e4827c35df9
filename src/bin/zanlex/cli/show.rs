//! `zanlex show`.

use super::Cli;
use std::io::Write;
use std::process::ExitCode;
use zanlex::pages::{Budget, ReadArgs, ReadRequest};
use zanlex::{ActOutline, OutlineUnit, UnitAnswer, UnitOrParallel};

/// Arguments of `zanlex show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `ACT_ID#EID` (a unit) or `ACT_ID` (the act's outline).
    pub target: String,
    /// Show the wording valid on this date (YYYY-MM-DD), when the corpus has it; for an act,
    /// the units it had that day, each with its state then.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Print JSON: what `GET /v1/acts/{id}` (an act) or `GET /v1/acts/{id}/units/{eid}` (a
    /// unit) sends.
    #[arg(long)]
    pub json: bool,
    /// The language of the text shown: kk (Kazakh, the default when the act has it) or ru.
    #[arg(long, value_name = "kk|ru")]
    pub lang: Option<String>,
    /// Print the Kazakh and the Russian wording side by side (JSON: one object per language),
    /// as wide as `COLUMNS` says the terminal is (120 characters when unset).
    #[arg(long)]
    pub parallel: bool,
    /// An act with each unit's own text under it, not its outline alone.
    #[arg(long)]
    pub texts: bool,
    /// With --texts: the units from this place, in document order from 0, with their texts
    /// (the `next_offset` of an answer cut short).
    #[arg(long, value_name = "N")]
    pub offset: Option<u64>,
    /// Print the act as a file to attach, in Markdown (md) or plain text (txt): its citation
    /// and the date on top, then its units in their wording in force on the --as-of date
    /// (today when none is given). Only for a whole act.
    #[arg(long, value_name = "md|txt", conflicts_with_all = ["json", "parallel", "texts"])]
    pub format: Option<String>,
}

/// Runs `zanlex show`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    // Checked, as every door checks a read, before the index is touched.
    let typed = ReadArgs {
        target: &args.target,
        as_of: args.as_of.as_deref(),
        lang: args.lang.as_deref(),
        parallel: args.parallel,
        texts: args.texts,
        offset: args.offset,
        ..Default::default()
    };
    let request = ReadRequest::parse(&typed, super::search::flag)?;
    let (index, report) = cli.open_index()?;
    let shown = show(&index, args, &request);
    super::finish(&report, shown)
}

/// Prints the act's outline, or its unit, as `request` asks and `args` say how.
fn show(index: &zanlex::ZanIndex, args: &Args, request: &ReadRequest) -> anyhow::Result<()> {
    let act_id = request.target.act.as_str();
    if let Some(format) = args.format.as_deref() {
        let format = zanlex::FileFormat::parse(format)?;
        if request.target.eid().is_some() {
            anyhow::bail!("--format writes a whole act: give ACT_ID without #EID");
        }
        let date = request
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        // Written as it is read: an act of any size is never held whole as a file.
        let file = index.act_file(act_id, request.lang, date, format)?;
        let mut out = std::io::stdout().lock();
        for piece in file.body {
            out.write_all(super::terminal_safe(&piece).as_bytes())?;
        }
        return Ok(());
    }
    // A reader on their own machine gets every text whole.
    let budget = Budget::LOCAL;
    let Some(eid) = request.target.eid() else {
        let outline = zanlex::pages::act_page(index, request, &budget)?;
        if args.json {
            return super::print_json(&outline);
        }
        let mut out = super::answer_out();
        for line in outline_lines(&outline) {
            writeln!(out, "{}", super::terminal_safe(&line))?;
        }
        out.flush()?;
        if let Some(cut) = &outline.cut {
            eprintln!("zanlex: {}", super::terminal_safe(cut));
        }
        return Ok(());
    };
    let shown = zanlex::pages::unit_page(index, request, &budget)?;
    if args.json {
        return super::print_json(&shown);
    }
    let mut out = std::io::stdout().lock();
    match shown {
        UnitOrParallel::Both(both) => show_parallel(&both, act_id, eid, &mut out),
        UnitOrParallel::One(one) => {
            for line in lines(&one) {
                writeln!(out, "{}", super::terminal_safe(&line))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
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
            // With --texts, the unit's own text under it, one step further in.
            for line in u.text.iter().flat_map(|t| t.lines()) {
                out.push(format!("{}{line}", "  ".repeat(depth + 1)));
            }
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
    // The act that repealed the act, or deleted the unit, beside its state.
    if let Some(by) = shown.state_by_words() {
        let mut words = by.chars();
        let first = words.next().map(|c| c.to_uppercase().to_string());
        out.push(format!("{}{}", first.unwrap_or_default(), words.as_str()));
    }
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
    // Not yet in force: the wording it takes on its day, apart, never as the text in force.
    if let Some(to_come) = &shown.to_come {
        out.push(format!(
            "Wording to come, not yet in force ({}):",
            edition_words(&to_come.edition)
        ));
        out.extend(to_come.text.lines().map(str::to_string));
    }
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

/// `show ACT#EID --parallel`: the unit in each language the act has, side by side. A unit
/// missing in one language is said so in its column.
fn show_parallel(
    shown: &zanlex::ParallelUnit,
    act_id: &str,
    eid: &str,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .filter(|&c| c >= 40)
        .unwrap_or(120);
    // One column a language, ` │ ` between them.
    let count = shown.columns().count().max(1);
    let column = (width - 3 * (count - 1)) / count;
    let wrapped: Vec<Vec<String>> = shown
        .columns()
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
        let cells: Vec<String> = wrapped
            .iter()
            .enumerate()
            .map(|(i, col)| {
                let cell = col.get(r).map_or("", String::as_str);
                // Every column but the last is padded to its width.
                let pad = if i + 1 < wrapped.len() {
                    column.saturating_sub(textwrap::core::display_width(cell))
                } else {
                    0
                };
                format!("{}{}", super::terminal_safe(cell), " ".repeat(pad))
            })
            .collect();
        writeln!(out, "{}", cells.join(" │ "))?;
    }
    Ok(())
}

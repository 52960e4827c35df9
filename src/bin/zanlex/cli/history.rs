//! `zanlex history ACT_ID [EID] [--json]`: the amendment timeline, newest first.

use super::acts::Indexed;
use super::Cli;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `zanlex history`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The act id, as `zanlex acts` prints it.
    pub act_id: String,
    /// Limit the timeline to one unit (`att_1__para_3`) and what contains or is inside it.
    pub eid: Option<String>,
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
    /// The language of the text: kk (Kazakh, the default when the act has it) or ru.
    #[arg(long, value_name = "kk|ru")]
    pub lang: Option<String>,
    /// Also list the provisions across the corpus that cite each changed unit (or a unit
    /// inside it): the amendments' reach.
    #[arg(long)]
    pub affected: bool,
    #[command(flatten)]
    pub page: super::PageArgs,
}

/// Runs `zanlex history`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let indexed = Indexed::open(cli)?;
    let printed = print(&indexed, args);
    super::finish(&indexed.report, printed)
}

/// Prints what `args` ask of the act.
fn print(indexed: &Indexed, args: &Args) -> anyhow::Result<()> {
    let target = zanlex::Target::new(
        args.act_id.clone(),
        args.eid.clone().filter(|e| !e.is_empty()),
    )
    .to_string();
    let typed = zanlex::pages::ListArgs {
        target: &target,
        lang: args.lang.as_deref(),
        offset: args.page.offset,
        limit: args.page.limit,
        ..Default::default()
    };
    let request = zanlex::pages::HistoryRequest::parse(
        &typed,
        &zanlex::pages::Budget::SERVER,
        super::search::flag,
    )?
    .affected(args.affected);
    let page = zanlex::pages::history_page(
        &indexed.index,
        &request,
        &super::refs::links(),
        &zanlex::pages::Budget::SERVER,
    )?;
    if args.json {
        return super::print_json(&page);
    }
    super::page_note(&page.page);
    let h = &page.history;
    let mut out = std::io::stdout().lock();
    // Titles, unit ids and amending acts come from the documents: escaped for the terminal.
    let mut text: Vec<u8> = Vec::new();
    writeln!(
        text,
        "{}  {}",
        h.act.id,
        h.act.title.split_whitespace().collect::<Vec<_>>().join(" ")
    )?;
    writeln!(text, "status: {}", super::acts::status_word(&h.act.status))?;
    if let Some(old) = &h.act.replaces {
        writeln!(text, "replaces: {}", old.describe())?;
    }
    if let Some(new) = &h.act.replaced_by {
        writeln!(text, "replaced by: {}", new.describe())?;
    }
    if !h.versions.is_empty() {
        let spans: Vec<String> = h
            .versions
            .iter()
            .map(|v| {
                let d =
                    |x: Option<chrono::NaiveDate>| x.map_or("…".to_string(), |d| d.to_string());
                format!("{} [{}, {})", v.id, d(v.from), d(v.to))
            })
            .collect();
        writeln!(text, "versions: {}", spans.join("; "))?;
    }
    // The unit's wordings over time: the dates `show --as-of` and `search --as-of` answer by.
    if let Some(eid) = args.eid.as_deref().filter(|e| !e.is_empty()) {
        let wordings = &h.wordings;
        if !wordings.is_empty() {
            writeln!(text, "wordings of {eid}:")?;
        }
        for w in wordings {
            writeln!(text, "  {}", wording_line(w))?;
        }
    }
    writeln!(
        text,
        "{:<12} {:<11} {:<12} {:<28} AMENDING ACT",
        "EFFECTIVE", "SIGNED", "ACTION", "UNIT"
    )?;
    let mut notes: Vec<String> = Vec::new();
    for e in &h.entries {
        let eff = match &e.effective {
            Some(d) if d.estimated => {
                if !notes.contains(&d.basis) {
                    notes.push(d.basis.clone());
                }
                format!("~{}", d.date)
            }
            Some(d) => d.date.to_string(),
            None => "?".to_string(),
        };
        let signed = e
            .signed
            .map(|d| d.to_string())
            .unwrap_or_else(|| "?".into());
        let unit = if e.eid.is_empty() {
            "(whole act)"
        } else {
            e.eid.as_str()
        };
        let linked = match &e.amending_act_id {
            Some(id) => format!(" [{id}]"),
            None => String::new(),
        };
        writeln!(
            text,
            "{:<12} {:<11} {:<12} {:<28} {}{}",
            eff,
            signed,
            e.action.as_str(),
            unit,
            e.amending_act,
            linked
        )?;
    }
    writeln!(text, "{} event(s)", h.entries.len())?;
    let (unparsed, fallbacks) = (&h.unparsed_notes, &h.target_fallbacks);
    if !unparsed.is_empty() {
        writeln!(
            text,
            "{} note(s) not read as events (see --json: unparsed_notes)",
            unparsed.len()
        )?;
    }
    if !fallbacks.is_empty() {
        writeln!(
            text,
            "{} event(s) moved to an enclosing unit: their target is not in the edition (see --json: target_fallbacks)",
            fallbacks.len()
        )?;
    }
    if let Some(affected) = &h.affected {
        writeln!(
            text,
            "affected: {} changed unit(s) cited elsewhere",
            affected.len()
        )?;
        for a in affected {
            let shown = if a.eid.is_empty() {
                "(whole act)"
            } else {
                a.eid.as_str()
            };
            writeln!(text, "  {shown} is cited by:")?;
            for r in &a.cited_by {
                writeln!(
                    text,
                    "    {}  [{}#{}]  «{}»",
                    r.citing.citation,
                    r.citing.act,
                    r.citing.eid,
                    r.text.split_whitespace().collect::<Vec<_>>().join(" ")
                )?;
            }
        }
    }
    // The history goes on in the act this one replaced.
    if let Some(p) = &h.predecessor {
        writeln!(
            text,
            "before it: the act it replaced, {}  {} (status: {})",
            p.act.id,
            p.act.title.split_whitespace().collect::<Vec<_>>().join(" "),
            super::acts::status_word(&p.act.status)
        )?;
        for w in &p.wordings {
            writeln!(text, "  wording {}", wording_line(w))?;
        }
        let d = |x: Option<chrono::NaiveDate>| x.map_or("…".to_string(), |d| d.to_string());
        for e in &p.entries {
            writeln!(
                text,
                "  {:<12} {:<11} {:<12} {:<28} {}",
                e.effective.as_ref().map_or("?".to_string(), |x| format!(
                    "{}{}",
                    if x.estimated { "~" } else { "" },
                    x.date
                )),
                d(e.signed),
                e.action.as_str(),
                if e.eid.is_empty() {
                    "(whole act)"
                } else {
                    e.eid.as_str()
                },
                e.amending_act
            )?;
        }
        writeln!(text, "  {} event(s)", p.entries.len())?;
    }
    if !notes.is_empty() {
        writeln!(text, "~ estimated dates:")?;
        for n in notes {
            writeln!(text, "  {n}")?;
        }
    }
    out.write_all(super::terminal_safe(&String::from_utf8_lossy(&text)).as_bytes())?;
    out.flush()?;
    Ok(())
}

/// One wording of a unit over time: `~2017-06-15 – 2023-04-29  edition E  FILE:12-14`.
fn wording_line(w: &zanlex::EditionRef) -> String {
    let d = |x: Option<chrono::NaiveDate>| x.map_or("…".to_string(), |d| d.to_string());
    format!(
        "{}{} – {}  edition {}  {}:{}-{}",
        if w.from_estimated { "~" } else { "" },
        d(w.from),
        d(w.to),
        w.id,
        w.file,
        w.line_start,
        w.line_end
    )
}

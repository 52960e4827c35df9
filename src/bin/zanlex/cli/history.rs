//! `zanlex history ACT_ID [EID] [--json]`: the amendment timeline, newest first.

use super::acts::Indexed;
use super::Cli;
use std::io::Write;
use std::process::ExitCode;
use zanlex::history;

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
    #[arg(long, value_name = "kk|ru", value_parser = super::parse_lang)]
    pub lang: Option<zanlex::Lang>,
    /// Also list the provisions across the corpus that cite each changed unit (or a unit
    /// inside it): the amendments' reach.
    #[arg(long)]
    pub affected: bool,
}

/// Runs `zanlex history`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let indexed = Indexed::open(cli)?;
    let printed = print(&indexed, args);
    super::finish(&indexed.report, printed)
}

/// Prints what `args` ask of the act.
fn print(indexed: &Indexed, args: &Args) -> anyhow::Result<()> {
    let act = &indexed.act_in(&args.act_id, args.lang)?;
    let entries = history(act, args.eid.as_deref())?;
    let affected = if args.affected {
        let mut changed: Vec<String> = entries.iter().map(|e| e.eid.clone()).collect();
        changed.sort();
        changed.dedup();
        super::refs::affected(&indexed.index, act, &changed)?
    } else {
        Vec::new()
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut doc = history_doc(act, args.eid.as_deref())?;
        if args.affected {
            doc["affected"] = serde_json::to_value(
                affected
                    .iter()
                    .map(|(eid, refs)| serde_json::json!({ "eid": eid, "cited_by": refs }))
                    .collect::<Vec<_>>(),
            )?;
        }
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(());
    }
    let Related {
        unparsed,
        fallbacks,
    } = related(act, args.eid.as_deref())?;
    // Titles, unit ids and amending acts come from the documents: escaped for the terminal.
    let mut text: Vec<u8> = Vec::new();
    writeln!(
        text,
        "{}  {}",
        act.id,
        act.title.split_whitespace().collect::<Vec<_>>().join(" ")
    )?;
    writeln!(text, "status: {}", act.status.as_str())?;
    if !act.versions.is_empty() {
        let spans: Vec<String> = act
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
        let wordings = zanlex::wordings(act, eid);
        if !wordings.is_empty() {
            writeln!(text, "wordings of {eid}:")?;
        }
        for w in &wordings {
            let d = |x: Option<chrono::NaiveDate>| x.map_or("…".to_string(), |d| d.to_string());
            writeln!(
                text,
                "  {}{} – {}  edition {}  {}:{}-{}",
                if w.from_estimated { "~" } else { "" },
                d(w.from),
                d(w.to),
                w.id,
                w.file,
                w.line_start,
                w.line_end
            )?;
        }
    }
    writeln!(
        text,
        "{:<12} {:<11} {:<12} {:<28} AMENDING ACT",
        "EFFECTIVE", "SIGNED", "ACTION", "UNIT"
    )?;
    let mut notes: Vec<String> = Vec::new();
    for e in &entries {
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
        writeln!(
            text,
            "{:<12} {:<11} {:<12} {:<28} {}",
            eff,
            signed,
            e.action.as_str(),
            unit,
            e.amending_act
        )?;
    }
    writeln!(text, "{} event(s)", entries.len())?;
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
    if args.affected {
        writeln!(
            text,
            "affected: {} changed unit(s) cited elsewhere",
            affected.len()
        )?;
        for (eid, refs) in &affected {
            let shown = if eid.is_empty() { "(whole act)" } else { eid };
            writeln!(text, "  {shown} is cited by:")?;
            for r in refs {
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

/// The notes of `act` that gave no event, and the events moved off a target their edition
/// lacks: for a unit `eid`, those printed under it or what contains it or is inside it.
struct Related<'a> {
    unparsed: Vec<&'a zanlex::UnparsedNote>,
    fallbacks: Vec<&'a zanlex::TargetFallback>,
}

/// [`Related`] of `act` for `eid`, after checking that the act has that unit (or an event
/// aimed at it): [`zanlex::Error::UnknownUnit`] else.
fn related<'a>(act: &'a zanlex::Act, eid: Option<&str>) -> anyhow::Result<Related<'a>> {
    // The library's check that the act has that unit (or an event aimed at it).
    zanlex::history(act, eid)?;
    let related = |e: &str| match eid {
        None | Some("") => true,
        Some(x) => zanlex::concerns(e, x),
    };
    Ok(Related {
        unparsed: act
            .unparsed_notes
            .iter()
            .filter(|n| related(&n.eid))
            .collect(),
        fallbacks: act
            .target_fallbacks
            .iter()
            .filter(|f| related(&f.target_eid))
            .collect(),
    })
}

/// The document `history --json` prints for `act` (and unit `eid`).
pub(crate) fn history_doc(
    act: &zanlex::Act,
    eid: Option<&str>,
) -> anyhow::Result<serde_json::Value> {
    let Related {
        unparsed,
        fallbacks,
    } = related(act, eid)?;
    Ok(serde_json::json!({
        "act": { "id": act.id, "title": act.title, "status": act.status },
        "eid": eid,
        "versions": act.versions.iter().map(|v| serde_json::json!({
            "id": v.id, "from": v.from, "to": v.to, "source": v.source.file,
        })).collect::<Vec<_>>(),
        "entries": history(act, eid)?,
        // The unit's wordings over time by the point-in-time rule (empty for the whole act).
        "wordings": eid.filter(|e| !e.is_empty()).map(|e| zanlex::wordings(act, e)).unwrap_or_default(),
        "unparsed_notes": unparsed,
        "target_fallbacks": fallbacks,
    }))
}

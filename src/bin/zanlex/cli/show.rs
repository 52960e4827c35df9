//! `zanlex show`.

use super::{Cli, UsageError};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;
use zanlex::walk_with_path;

/// Arguments of `zanlex show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `ACT_ID#EID` (a unit) or `ACT_ID` (the act's outline).
    pub target: String,
    /// Show the wording valid on this date (YYYY-MM-DD), when the corpus has it.
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
}

#[derive(Serialize, Clone)]
struct ChildOut {
    eid: String,
    label: String,
}

#[derive(Serialize)]
struct UnitOut<'a> {
    /// The language of the text (`kk`, `ru`).
    lang: &'static str,
    act: zanlex::HitAct,
    unit: zanlex::HitUnit,
    citation: &'a str,
    text: String,
    children: Vec<ChildOut>,
    source: zanlex::HitSource,
    version: Option<&'a str>,
    /// The unit's state on the date asked for (the point-in-time rule).
    state: &'a zanlex::TimeState,
    /// The edition the wording comes from, with the dates it was in force.
    edition: Option<&'a zanlex::EditionRef>,
    amendments: Vec<&'a zanlex::Amendment>,
    /// What the unit's own text refers to.
    references: &'a [zanlex::ResolvedReference],
}

/// Runs `zanlex show`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let (act_id, eid) = match args.target.split_once('#') {
        Some((a, e)) => (a.trim(), Some(e.trim())),
        None => (args.target.trim(), None),
    };
    if act_id.is_empty() || eid == Some("") {
        return Err(UsageError(format!(
            "{:?}: write ACT_ID#EID (e.g. mfa-order-2018-01-04-11-1-4-1#att_1__para_3) or ACT_ID",
            args.target
        ))
        .into());
    }
    let as_of = match &args.as_of {
        Some(d) => Some(super::search::parse_date_arg("--as-of", d)?),
        None => None,
    };
    let (index, report) = cli.open_index()?;
    let shown = show(&index, args, act_id, eid, as_of);
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
    let Some(eid) = eid else {
        let act = index.act_in(act_id, args.lang)?;
        if args.json {
            writeln!(out, "{}", serde_json::to_string_pretty(&act)?)?;
            return Ok(());
        }
        let mut lines = vec![
            act.short_name(),
            act.title.clone(),
            format!(
                "{} · {} · {}",
                act.kind.as_str(),
                act.status.as_str(),
                act.source.file
            ),
        ];
        walk_with_path(&act.units, &mut |path| {
            let u = path[path.len() - 1];
            let indent = "  ".repeat(path.len());
            lines.push(format!(
                "{indent}{}  {}",
                u.eid,
                u.number_label(act.kind, act.lang)
            ));
        });
        for line in lines {
            writeln!(out, "{}", super::terminal_safe(&line))?;
        }
        return Ok(());
    };
    if args.parallel {
        return show_parallel(index, act_id, eid, as_of, args.json, &mut out);
    }
    let shown = unit_shown(index, act_id, eid, args.lang, as_of)?;
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&shown.json())?)?;
        return Ok(());
    }
    for line in shown.lines() {
        writeln!(out, "{}", super::terminal_safe(&line))?;
    }
    Ok(())
}

/// A unit as `show` prints it: its citation, the wording chosen for the date, its children
/// and the notes of the amendments that touched it.
struct UnitShown {
    view: zanlex::UnitView,
    /// The wording shown (`None`: none was in force on the date; `at.state` says why).
    unit: Option<zanlex::Unit>,
    version: Option<String>,
    state: zanlex::TimeState,
    edition: Option<zanlex::EditionRef>,
    as_of: Option<chrono::NaiveDate>,
    source_file: String,
    children: Vec<ChildOut>,
    text: String,
    references: Vec<zanlex::ResolvedReference>,
}

/// Reads unit `eid` of act `act_id` in `lang`, in the wording valid on `as_of` when an older
/// edition in the index has it.
fn unit_shown(
    index: &zanlex::ZanIndex,
    act_id: &str,
    eid: &str,
    lang: Option<zanlex::Lang>,
    as_of: Option<chrono::NaiveDate>,
) -> anyhow::Result<UnitShown> {
    let zanlex::UnitAt {
        current: view,
        unit,
        version,
        source_file,
        state,
        edition,
        ..
    } = index.unit_as_of(act_id, eid, lang, as_of)?;
    let act = &view.act;
    let children: Vec<ChildOut> = unit
        .as_ref()
        .unwrap_or(&view.unit)
        .children
        .iter()
        .map(|c| ChildOut {
            eid: c.eid.clone(),
            label: c.number_label(act.kind, act.lang),
        })
        .collect();
    let text = unit
        .as_ref()
        .map(zanlex::Unit::full_text)
        .unwrap_or_default();
    let references = super::refs::Outgoing::new(index).of(act_id, act.lang, eid, as_of)?;
    Ok(UnitShown {
        view,
        unit,
        version,
        state,
        edition,
        as_of,
        source_file,
        children,
        text,
        references,
    })
}

impl UnitShown {
    fn amendments(&self) -> Vec<&zanlex::Amendment> {
        let eid = self.view.unit.eid.as_str();
        self.view
            .act
            .amendments
            .iter()
            .filter(|a| a.target_eid == eid)
            .collect()
    }

    fn json(&self) -> UnitOut<'_> {
        let act = &self.view.act;
        let unit = self.unit.as_ref().unwrap_or(&self.view.unit);
        // No wording: no lines of a text either.
        let span = match &self.unit {
            Some(u) => u.span,
            None => Default::default(),
        };
        UnitOut {
            lang: act.lang.as_str(),
            act: zanlex::HitAct {
                id: act.id.clone(),
                title: act.title.clone(),
                kind: act.kind.as_str().into(),
                number: act.number(),
                date: act.date(),
                status: act.status.as_str().into(),
            },
            unit: zanlex::HitUnit {
                eid: unit.eid.clone(),
                label: self.view.label.clone(),
                kind: unit.kind.eid_prefix().into(),
                status: unit.status.as_str().into(),
                heading: unit.heading.clone(),
                path: self.view.path.join(" / "),
            },
            citation: &self.view.citation,
            text: self.text.clone(),
            children: self.children.clone(),
            source: zanlex::HitSource {
                file: self.source_file.clone(),
                line_start: span.line_start,
                line_end: span.line_end,
                page: span.page,
            },
            version: self.version.as_deref(),
            state: &self.state,
            edition: self.edition.as_ref(),
            amendments: self.amendments(),
            references: &self.references,
        }
    }

    /// The human output, one line per item (text lines as they are).
    fn lines(&self) -> Vec<String> {
        let mut out = vec![self.view.citation.clone()];
        if let Some(unit) = &self.unit {
            out.push(format!(
                "{}:{}-{} · {}{}",
                self.source_file,
                unit.span.line_start,
                unit.span.line_end,
                self.view.act.status.as_str(),
                self.edition
                    .as_ref()
                    .map(|e| format!(" · {}", edition_words(e)))
                    .unwrap_or_default()
            ));
        }
        out.push(self.state.describe(self.as_of, None));
        out.push(String::new());
        out.extend(self.text.lines().map(str::to_string));
        if !self.children.is_empty() {
            let labels: Vec<&str> = self.children.iter().map(|c| c.label.as_str()).collect();
            out.push(String::new());
            out.push(format!("Children: {}", labels.join(", ")));
        }
        for a in self.amendments() {
            out.push(format!("Amended: {}", a.note));
        }
        for r in &self.references {
            out.push(format!("Refers to: {}", super::refs::one_line(r)));
        }
        out
    }
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
    let shown = parallel_units(index, act_id, eid, as_of)?;
    if json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&parallel_doc(&shown)?)?
        )?;
        return Ok(());
    }
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .filter(|&c| c >= 40)
        .unwrap_or(120);
    let column = (width - 3) / 2;
    let wrapped: Vec<Vec<String>> = shown
        .iter()
        .map(|(lang, unit)| {
            let lines = match unit {
                Some(u) => u.lines(),
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

/// The JSON of `show --parallel`: an object keyed by language, `null` where the unit is not
/// in that language's text.
fn parallel_doc(shown: &[(zanlex::Lang, Option<UnitShown>)]) -> anyhow::Result<serde_json::Value> {
    let mut map = serde_json::Map::new();
    for (lang, unit) in shown {
        let value = match unit {
            Some(u) => serde_json::to_value(u.json())?,
            None => serde_json::Value::Null,
        };
        map.insert(lang.as_str().to_string(), value);
    }
    Ok(serde_json::Value::Object(map))
}

/// What `show ACT#EID --json` prints (`lang` as `--lang`, `as_of` as `--as-of`).
pub(crate) fn unit_json(
    index: &zanlex::ZanIndex,
    act_id: &str,
    eid: &str,
    lang: Option<zanlex::Lang>,
    as_of: Option<chrono::NaiveDate>,
) -> anyhow::Result<serde_json::Value> {
    Ok(serde_json::to_value(
        unit_shown(index, act_id, eid, lang, as_of)?.json(),
    )?)
}

/// What `show ACT#EID --parallel --json` prints.
pub(crate) fn parallel_json(
    index: &zanlex::ZanIndex,
    act_id: &str,
    eid: &str,
    as_of: Option<chrono::NaiveDate>,
) -> anyhow::Result<serde_json::Value> {
    parallel_doc(&parallel_units(index, act_id, eid, as_of)?)
}

/// The unit in each language (Kazakh first), `None` where that language's text lacks it.
fn parallel_units(
    index: &zanlex::ZanIndex,
    act_id: &str,
    eid: &str,
    as_of: Option<chrono::NaiveDate>,
) -> anyhow::Result<Vec<(zanlex::Lang, Option<UnitShown>)>> {
    let langs: Vec<zanlex::Lang> = index.expressions(act_id)?.iter().map(|a| a.lang).collect();
    if langs.is_empty() {
        index.act(act_id)?;
    }
    let mut shown = Vec::new();
    for lang in zanlex::Lang::ALL {
        let unit = if langs.contains(&lang) {
            match unit_shown(index, act_id, eid, Some(lang), as_of) {
                Ok(u) => Some(u),
                Err(e) => match e.downcast_ref::<zanlex::Error>() {
                    Some(zanlex::Error::UnknownUnit { .. }) => None,
                    _ => return Err(e),
                },
            }
        } else {
            None
        };
        shown.push((lang, unit));
    }
    if shown.iter().all(|(_, u)| u.is_none()) {
        // The same error as the one language's view gives.
        index.unit(act_id, eid)?;
    }
    Ok(shown)
}

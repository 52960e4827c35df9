//! `zanlex show`.

use super::{Cli, UsageError};
use crate::index::docs::walk_with_path;
use crate::search::citation;
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

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
}

#[derive(Serialize)]
struct ChildOut {
    eid: String,
    label: String,
}

#[derive(Serialize)]
struct UnitOut<'a> {
    act: crate::search::HitAct,
    unit: crate::search::HitUnit,
    citation: &'a str,
    text: String,
    children: Vec<ChildOut>,
    source: crate::search::HitSource,
    version: Option<&'a str>,
    amendments: Vec<&'a crate::model::Amendment>,
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
    let index = super::search::open_fresh(cli)?;
    let mut out = std::io::stdout().lock();
    let Some(eid) = eid else {
        let act = index.act(act_id)?;
        if args.json {
            writeln!(out, "{}", serde_json::to_string_pretty(&act)?)?;
            return Ok(ExitCode::SUCCESS);
        }
        writeln!(out, "{}", citation::act_short_name(&act))?;
        writeln!(out, "{}", act.title)?;
        writeln!(
            out,
            "{} · {} · {}",
            act.kind.as_str(),
            act.status.as_str(),
            act.source.file
        )?;
        walk_with_path(&act.units, &mut |path| {
            let u = path[path.len() - 1];
            let indent = "  ".repeat(path.len());
            let _ = writeln!(
                out,
                "{indent}{}  {}",
                u.eid,
                citation::unit_number_label(u, act.kind)
            );
        });
        return Ok(ExitCode::SUCCESS);
    };
    let view = index.unit(act_id, eid)?;
    let act = &view.act;
    // An older edition's wording, when asked for and present.
    let mut unit = view.unit.clone();
    let mut version = None;
    let mut source_file = act.source.file.clone();
    if let Some(d) = as_of {
        if let Some(v) = act.versions.iter().find(|v| {
            v.from.is_none_or(|f| f <= d)
                && v.to.is_some_and(|t| d < t)
                && v.source.file != act.source.file
        }) {
            let mut found = None;
            walk_with_path(&v.units, &mut |p| {
                if found.is_none() && p[p.len() - 1].eid == eid {
                    found = Some(p[p.len() - 1].clone());
                }
            });
            if let Some(u) = found {
                unit = u;
                version = Some(v.id.as_str());
                source_file = v.source.file.clone();
            }
        }
    }
    let children: Vec<ChildOut> = unit
        .children
        .iter()
        .map(|c| ChildOut {
            eid: c.eid.clone(),
            label: citation::unit_number_label(c, act.kind),
        })
        .collect();
    let amendments: Vec<&crate::model::Amendment> = act
        .amendments
        .iter()
        .filter(|a| a.target_eid == eid)
        .collect();
    let text = unit.full_text();
    if args.json {
        let o = UnitOut {
            act: crate::search::HitAct {
                id: act.id.clone(),
                title: act.title.clone(),
                kind: act.kind.as_str().into(),
                number: act.number(),
                date: act.date(),
                status: act.status.as_str().into(),
            },
            unit: crate::search::HitUnit {
                eid: unit.eid.clone(),
                label: view.label.clone(),
                kind: unit.kind.eid_prefix().into(),
                status: crate::index::docs::unit_status_str(&unit.status).into(),
                heading: unit.heading.clone(),
                path: view.path.join(" / "),
            },
            citation: &view.citation,
            text,
            children,
            source: crate::search::HitSource {
                file: source_file,
                line_start: unit.span.line_start,
                line_end: unit.span.line_end,
                page: unit.span.page,
            },
            version,
            amendments,
        };
        writeln!(out, "{}", serde_json::to_string_pretty(&o)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{}", view.citation)?;
    writeln!(
        out,
        "{}:{}-{} · {}{}",
        source_file,
        unit.span.line_start,
        unit.span.line_end,
        act.status.as_str(),
        version
            .map(|v| format!(" · edition {v}"))
            .unwrap_or_default()
    )?;
    writeln!(out)?;
    writeln!(out, "{text}")?;
    if !children.is_empty() {
        let labels: Vec<&str> = children.iter().map(|c| c.label.as_str()).collect();
        writeln!(out)?;
        writeln!(out, "Children: {}", labels.join(", "))?;
    }
    for a in amendments {
        writeln!(out, "Amended: {}", a.note)?;
    }
    Ok(ExitCode::SUCCESS)
}

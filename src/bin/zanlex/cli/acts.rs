//! `zanlex acts`: the ingested acts with their metadata and status.

use super::Cli;
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;
use zanlex::{Act, Status, Unit};
use zanlex::{RefreshReport, ZanIndex};

/// Arguments of `zanlex acts`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Units of an act counted by kind (`paragraph` → 27), in a fixed order for stable output.
pub fn unit_counts(units: &[Unit]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for u in units.iter().flat_map(|u| u.walk()) {
        let k = serde_json::to_value(u.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        *counts.entry(k).or_insert(0) += 1;
    }
    counts
}

/// `in force`, `repealed 2014-03-11 by …`, `unknown`.
pub fn status_text(s: &Status) -> String {
    match s {
        Status::InForce => "in force".into(),
        Status::Unknown => "status unknown".into(),
        Status::Repealed { by, on } => {
            let mut t = "repealed".to_string();
            if let Some(on) = on {
                t.push_str(&format!(" {on}"));
            }
            if let Some(by) = by {
                t.push_str(&format!(" by {by}"));
            }
            t
        }
    }
}

/// The index opened for `acts`, `units`, `history` and `diff`, with the report of opening
/// it (the files it does not hold, named once the command has printed). Reading acts back
/// from the index (stored whole on their act documents) spares these commands a parse of the
/// whole corpus on every run.
pub(crate) struct Indexed {
    pub index: ZanIndex,
    pub report: RefreshReport,
}

impl Indexed {
    /// Opens `--index` as `zanlex search` does: built when missing, refreshed when the corpus
    /// changed (reported on stderr). An index found up to date reports the files it does not
    /// hold as the build that wrote it did.
    pub fn open(cli: &Cli) -> anyhow::Result<Self> {
        let (index, report) = cli.open_index()?;
        Ok(Indexed { index, report })
    }

    /// The act `id` in `lang` (its Kazakh text when it has one, for `None`), or a not-found
    /// error naming the ids nearest to `id`, or the languages the act has.
    pub fn act_in(&self, id: &str, lang: Option<zanlex::Lang>) -> anyhow::Result<Act> {
        Ok(self.index.act_in(id, lang)?)
    }
}

fn act_json(a: &Act) -> serde_json::Value {
    serde_json::json!({
        "id": a.id,
        "code": a.code,
        "title": a.title,
        "kind": a.kind,
        "date": a.date(),
        "number": a.number(),
        "issuances": a.issuances,
        "registration": a.registration,
        "status": a.status,
        "languages": a.languages,
        "source": a.source,
        "publication_date": a.publication_date,
        "version_date": a.version_date,
        "unit_count": a.all_units().len(),
        "unit_counts": unit_counts(&a.units),
    })
}

/// An act's JSON entry: its first expression's fields (Kazakh when it has one), with `lang`,
/// and `expressions`, one object per language with that text's own fields.
fn act_entry_json(exprs: Vec<Expression>) -> serde_json::Value {
    let mut all: Vec<serde_json::Value> = Vec::new();
    for e in exprs {
        let mut js = e.json;
        if let Some(o) = js.as_object_mut() {
            o.insert("lang".into(), e.lang.as_str().into());
        }
        all.push(js);
    }
    let mut first = all.first().cloned().unwrap_or(serde_json::Value::Null);
    if let Some(o) = first.as_object_mut() {
        o.insert("expressions".into(), serde_json::Value::Array(all));
    }
    first
}

fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// The facts line of an act's entry in the text listing.
fn act_facts(a: &Act) -> String {
    let date = a
        .date()
        .map(|d| d.to_string())
        .unwrap_or_else(|| "-".into());
    let number = a.number();
    let mut facts = vec![a.kind.as_str().to_string(), date];
    if !number.is_empty() {
        facts.push(format!("№ {number}"));
    }
    let issuers: Vec<&str> = a.issuances.iter().map(|i| i.issuer_code.as_str()).collect();
    if !issuers.is_empty() {
        facts.push(issuers.join("+"));
    }
    if let Some(r) = &a.registration {
        let d = r.date.map(|d| format!(" of {d}")).unwrap_or_default();
        facts.push(format!("registered № {}{d}", r.number));
    }
    facts.push(status_text(&a.status));
    if let Some(v) = a.version_date {
        facts.push(format!("edition {v}"));
    }
    facts.join(" · ")
}

/// An expression's source line in the text listing: file, languages met in it, unit counts.
fn expression_line(a: &Act) -> String {
    let counts = unit_counts(&a.units)
        .into_iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{} · {} · {} units: {}",
        a.source.file,
        a.languages.join("+"),
        a.all_units().len(),
        counts
    )
}

/// What the listing keeps of one expression of an act.
struct Expression {
    lang: zanlex::Lang,
    file: String,
    title: String,
    facts: String,
    line: String,
    json: serde_json::Value,
}

/// An act's entry in the text listing: its id, its title in each language, the facts of its
/// first expression (Kazakh when it has one) and one source line per expression.
fn act_text(id: &str, expressions: &[Expression]) -> String {
    let mut out = format!("{id}\n");
    let several = expressions.len() > 1;
    for e in expressions {
        if several {
            out.push_str(&format!("  [{}] {}\n", e.lang, short(&e.title, 105)));
        } else {
            out.push_str(&format!("  {}\n", short(&e.title, 110)));
        }
    }
    if let Some(first) = expressions.first() {
        out.push_str(&format!("  {}\n", first.facts));
    }
    for e in expressions {
        if several {
            out.push_str(&format!("  [{}] {}\n", e.lang, e.line));
        } else {
            out.push_str(&format!("  {}\n", e.line));
        }
    }
    out.push('\n');
    out
}

/// Runs `zanlex acts`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let indexed = Indexed::open(cli)?;
    let printed = print(&indexed, args);
    super::finish(&indexed.report, printed)
}

/// Prints the listing.
fn print(indexed: &Indexed, args: &Args) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if args.json {
        let doc = acts_doc(&indexed.index, &indexed.report.failures)?;
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
    } else {
        for (id, exprs) in &entries(&indexed.index, false)? {
            out.write_all(super::terminal_safe(&act_text(id, exprs)).as_bytes())?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The document `acts --json` prints: the acts and the files the index does not hold.
pub(crate) fn acts_doc(
    index: &ZanIndex,
    failures: &[(String, String)],
) -> anyhow::Result<serde_json::Value> {
    let entries = entries(index, true)?;
    Ok(serde_json::json!({
        "acts": entries.into_iter().map(|(_, exprs)| act_entry_json(exprs)).collect::<Vec<_>>(),
        "failures": failures.iter().map(|(file, reason)| serde_json::json!({
            "file": file,
            "reason": reason,
        })).collect::<Vec<_>>(),
    }))
}

/// The listing's entries, one per act id with its expressions (their JSON made when `json`).
fn entries(index: &ZanIndex, json: bool) -> anyhow::Result<Vec<(String, Vec<Expression>)>> {
    // Each act is read from the index, turned into its entry and dropped: a large index's
    // acts (texts of every edition) are never all in memory at once. The Kazakh and Russian
    // expressions of an act (one id) make one entry.
    let mut by_id: std::collections::HashMap<String, Vec<Expression>> = Default::default();
    index.for_each_act_outline(|a| {
        let json = if json {
            act_json(&a)
        } else {
            serde_json::Value::Null
        };
        let e = Expression {
            lang: a.lang,
            file: a.source.file.clone(),
            title: a.title.clone(),
            facts: act_facts(&a),
            line: expression_line(&a),
            json,
        };
        by_id.entry(a.id).or_default().push(e);
        Ok(())
    })?;
    // The order of `ZanIndex::acts`: by source file (the first expression's), then id.
    let mut entries: Vec<(String, Vec<Expression>)> = by_id
        .into_iter()
        .map(|(id, mut exprs)| {
            exprs.sort_by(|a, b| a.lang.cmp(&b.lang).then(a.file.cmp(&b.file)));
            (id, exprs)
        })
        .collect();
    entries.sort_by(|a, b| {
        let file = |e: &[Expression]| e.first().map(|x| x.file.clone()).unwrap_or_default();
        file(&a.1).cmp(&file(&b.1)).then(a.0.cmp(&b.0))
    });
    Ok(entries)
}

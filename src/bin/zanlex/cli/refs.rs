//! `zanlex refs ACT[#EID]` (what a provision cites) and `zanlex cited-by ACT[#EID]` (what
//! cites it), human and `--json`.

use super::{Cli, UsageError};
use std::io::Write;
use std::process::ExitCode;
use zanlex::{Catalog, ResolvedReference};

/// Arguments of `zanlex refs`.
#[derive(Debug, clap::Args)]
pub struct RefsArgs {
    /// `ACT_ID#EID` (the unit and the units inside it) or `ACT_ID` (the whole act).
    pub target: String,
    /// Print one JSON document on stdout instead of text.
    #[arg(long)]
    pub json: bool,
    /// The language of the citing text: kk (Kazakh, the default when the act has it) or ru.
    #[arg(long, value_name = "kk|ru", value_parser = super::parse_lang)]
    pub lang: Option<zanlex::Lang>,
    /// Only the references that could not be resolved.
    #[arg(long)]
    pub unresolved: bool,
    /// Read the wording in force on this date (YYYY-MM-DD), when the corpus has that
    /// edition; the current text otherwise.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
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
}

/// Parses `--as-of`.
fn as_of_arg(as_of: Option<&str>) -> anyhow::Result<Option<chrono::NaiveDate>> {
    as_of
        .map(|d| super::search::parse_date_arg("--as-of", d))
        .transpose()
}

/// Splits `ACT_ID#EID`.
fn split_target(target: &str) -> anyhow::Result<(&str, Option<&str>)> {
    let (act, eid) = match target.split_once('#') {
        Some((a, e)) => (a.trim(), Some(e.trim())),
        None => (target.trim(), None),
    };
    if act.is_empty() || eid == Some("") {
        return Err(UsageError(format!(
            "{target:?}: write ACT_ID#EID (e.g. mfa-order-2018-01-04-11-1-4-1#att_1__para_11) or ACT_ID"
        ))
        .into());
    }
    Ok((act, eid))
}

/// Runs `zanlex refs`.
pub fn run_refs(cli: &Cli, args: &RefsArgs) -> anyhow::Result<ExitCode> {
    let (act_id, eid) = split_target(&args.target)?;
    let as_of = as_of_arg(args.as_of.as_deref())?;
    let (index, report) = cli.open_index()?;
    let printed = (|| -> anyhow::Result<()> {
        let act = index.act_in(act_id, args.lang)?;
        check_unit(&act, eid)?;
        let catalog = index.catalog_for(vec![act.clone()])?;
        let mut refs = catalog.refs_of(&act, eid, as_of);
        if args.unresolved {
            refs.retain(|r| r.unresolved.is_some());
        }
        print(&title(&act.id, eid), "references", &refs, args.json, true)
    })();
    super::finish(&report, printed)
}

/// Runs `zanlex cited-by`.
pub fn run_cited_by(cli: &Cli, args: &CitedByArgs) -> anyhow::Result<ExitCode> {
    let (act_id, eid) = split_target(&args.target)?;
    let as_of = as_of_arg(args.as_of.as_deref())?;
    let (index, report) = cli.open_index()?;
    let printed = (|| -> anyhow::Result<()> {
        let act = index.act(act_id)?;
        check_unit(&act, eid)?;
        let catalog = index.catalog_citing(act_id)?;
        let refs = zanlex::cited_by(&catalog, act_id, eid, !args.exact, as_of);
        print(&title(&act.id, eid), "cited_by", &refs, args.json, false)
    })();
    super::finish(&report, printed)
}

/// `ACT_ID#EID`, or `ACT_ID` for the whole act: the `target` of the JSON documents.
fn title(act_id: &str, eid: Option<&str>) -> String {
    match eid {
        Some(e) => format!("{act_id}#{e}"),
        None => act_id.to_string(),
    }
}

/// The JSON document of `refs --json` (`key` `references`) or `cited-by --json` (`cited_by`).
fn json_doc(title: &str, key: &str, refs: &[ResolvedReference]) -> serde_json::Value {
    let resolved = refs.iter().filter(|r| r.target.is_some()).count();
    serde_json::json!({
        "target": title,
        "total": refs.len(),
        "resolved": resolved,
        key: refs,
    })
}

/// What `zanlex refs ACT[#EID] --json` prints (`lang` as `--lang`, `as_of` as `--as-of`),
/// with references resolved in `catalog`.
pub(crate) fn refs_json(
    index: &zanlex::ZanIndex,
    catalog: &Catalog,
    act_id: &str,
    eid: Option<&str>,
    lang: Option<zanlex::Lang>,
    as_of: Option<chrono::NaiveDate>,
) -> anyhow::Result<serde_json::Value> {
    let act = index.act_in(act_id, lang)?;
    check_unit(&act, eid)?;
    let refs = catalog.refs_of(&act, eid, as_of);
    Ok(json_doc(&title(&act.id, eid), "references", &refs))
}

/// What `zanlex cited-by ACT[#EID] --json` prints (`within`: not `--exact`; `as_of` as
/// `--as-of`), from `catalog`; with `lang`, only the references made in texts in that
/// language.
pub(crate) fn cited_by_json(
    index: &zanlex::ZanIndex,
    catalog: &Catalog,
    act_id: &str,
    eid: Option<&str>,
    within: bool,
    lang: Option<zanlex::Lang>,
    as_of: Option<chrono::NaiveDate>,
) -> anyhow::Result<serde_json::Value> {
    let act = index.act(act_id)?;
    check_unit(&act, eid)?;
    let mut refs = zanlex::cited_by(catalog, &act.id, eid, within, as_of);
    if let Some(l) = lang {
        refs.retain(|r| r.citing.lang == l);
    }
    Ok(json_doc(&title(&act.id, eid), "cited_by", &refs))
}

/// A not-found error (exit 2) when `act` has no unit `eid`.
fn check_unit(act: &zanlex::Act, eid: Option<&str>) -> anyhow::Result<()> {
    if let Some(e) = eid {
        if act.unit(e).is_none() {
            return Err(zanlex::Error::UnknownUnit {
                act: act.id.clone(),
                eid: e.to_string(),
            }
            .into());
        }
    }
    Ok(())
}

/// Prints references, grouped by citing unit: outgoing (`to`: each with where it leads) or
/// incoming (each with what it cites).
fn print(
    title: &str,
    key: &str,
    refs: &[ResolvedReference],
    json: bool,
    outgoing: bool,
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &json_doc(title, key, refs))?;
        writeln!(out)?;
        out.flush()?;
        return Ok(());
    }
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

/// Acts read from the index once, for the references of several units (search hits, `show`);
/// a catalog for a unit only when one of its references leads to another act, and then only
/// with the acts its references may lead to ([`zanlex::ZanIndex::catalog_for_references`]).
pub(crate) struct Outgoing<'a> {
    index: &'a zanlex::ZanIndex,
    acts: std::collections::HashMap<(String, zanlex::Lang), zanlex::Act>,
}

impl<'a> Outgoing<'a> {
    pub(crate) fn new(index: &'a zanlex::ZanIndex) -> Self {
        Outgoing {
            index,
            acts: Default::default(),
        }
    }

    /// The references made by unit `eid` of act `act_id` in `lang` (its own text only), in
    /// the wording in force on `at` (the current text for `None`). The acts other than its
    /// own that are read are those these references may name, not those the whole act may.
    pub(crate) fn of(
        &mut self,
        act_id: &str,
        lang: zanlex::Lang,
        eid: &str,
        at: Option<chrono::NaiveDate>,
    ) -> anyhow::Result<Vec<ResolvedReference>> {
        let key = (act_id.to_string(), lang);
        if !self.acts.contains_key(&key) {
            let act = self.index.act_in(act_id, Some(lang))?;
            self.acts.insert(key.clone(), act);
        }
        let Some(act) = self.acts.get(&key) else {
            return Ok(Vec::new());
        };
        let wording = zanlex::Wording::of(act, at);
        let mine: Vec<&zanlex::Reference> = wording
            .references()
            .iter()
            .filter(|r| r.eid == eid)
            .collect();
        let catalog = if mine.iter().any(|r| r.resolution.is_none()) {
            self.index.catalog_for_references(act.clone(), &mine)?
        } else {
            Catalog::new(Vec::new())
        };
        Ok(mine
            .into_iter()
            .map(|r| catalog.view_in(&wording, r))
            .collect())
    }
}

/// For `history --affected`: for each unit an amendment of `act` changed, the provisions
/// across the corpus that cite it or a unit inside it.
pub(crate) fn affected(
    index: &zanlex::ZanIndex,
    act: &zanlex::Act,
    changed: &[String],
) -> anyhow::Result<Vec<(String, Vec<ResolvedReference>)>> {
    let catalog = index.catalog_citing(&act.id)?;
    let mut out = Vec::new();
    for eid in changed {
        let refs = zanlex::cited_by(&catalog, &act.id, Some(eid), true, None);
        if !refs.is_empty() {
            out.push((eid.clone(), refs));
        }
    }
    Ok(out)
}

/// Adds to each hit of a search's JSON its unit's outgoing references (`references`), as the
/// wording in force on `as_of` makes them (the search's `--as-of`).
pub(crate) fn add_to_hits(
    index: &zanlex::ZanIndex,
    results: &mut serde_json::Value,
    as_of: Option<chrono::NaiveDate>,
) -> anyhow::Result<()> {
    let mut outgoing = Outgoing::new(index);
    insert_into_hits(results, |act, lang, eid| outgoing.of(act, lang, eid, as_of))
}

/// [`add_to_hits`] from a catalog the caller keeps (the server's): no act is read.
pub(crate) fn add_to_hits_from(
    catalog: &Catalog,
    results: &mut serde_json::Value,
    as_of: Option<chrono::NaiveDate>,
) -> anyhow::Result<()> {
    insert_into_hits(results, |act_id, lang, eid| {
        let Some(act) = catalog.act(act_id, lang).filter(|a| a.lang == lang) else {
            return Ok(Vec::new());
        };
        let wording = zanlex::Wording::of(act, as_of);
        Ok(wording
            .references()
            .iter()
            .filter(|r| r.eid == eid)
            .map(|r| catalog.view_in(&wording, r))
            .collect())
    })
}

/// Puts `references(act id, language, eid)` into each hit of a search's JSON.
fn insert_into_hits(
    results: &mut serde_json::Value,
    mut references: impl FnMut(&str, zanlex::Lang, &str) -> anyhow::Result<Vec<ResolvedReference>>,
) -> anyhow::Result<()> {
    let Some(hits) = results.get_mut("hits").and_then(|h| h.as_array_mut()) else {
        return Ok(());
    };
    for hit in hits {
        let act = hit["act"]["id"].as_str().unwrap_or_default().to_string();
        let eid = hit["unit"]["eid"].as_str().unwrap_or_default().to_string();
        let lang = hit["lang"]
            .as_str()
            .and_then(zanlex::Lang::parse)
            .unwrap_or_default();
        let refs = references(&act, lang, &eid)?;
        if let Some(obj) = hit.as_object_mut() {
            obj.insert("references".into(), serde_json::to_value(refs)?);
        }
    }
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

//! Turning an [`Act`] into index documents: one per unit of the current text, one per unit of
//! each older edition (with its validity range), and one holding the whole act as JSON.

use super::schema::{act_key, to_tantivy_date, Fields, DOC_ACT, DOC_UNIT, OPEN_FROM, OPEN_TO};
use crate::model::{Act, Amendment, Source, Status, Unit, UnitStatus};
use crate::search::citation;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use tantivy::TantivyDocument;

/// `live`, `deleted` or `pending`.
pub fn unit_status_str(s: &UnitStatus) -> &'static str {
    match s {
        UnitStatus::Live => "live",
        UnitStatus::Deleted => "deleted",
        UnitStatus::Pending { .. } => "pending",
    }
}

/// The amendments that touched the units of one eid (the same in every edition).
struct UnitAmendments<'a> {
    /// In the act's order.
    list: Vec<&'a Amendment>,
    /// The `amendments` field: `list` as JSON, written at the first unit document that needs
    /// it (amendments may name eids no unit has); `None` inside when it cannot be serialized.
    json: std::cell::OnceCell<Option<String>>,
}

/// The amendments of every unit they touched, by eid: one pass over the act's amendments, not
/// one per unit document, and each unit's list serialized once for all its editions.
fn amendments_by_eid(act: &Act) -> FxHashMap<&str, UnitAmendments<'_>> {
    let mut by_eid: FxHashMap<&str, UnitAmendments<'_>> = FxHashMap::default();
    for a in &act.amendments {
        by_eid
            .entry(a.target_eid.as_str())
            .or_insert_with(|| UnitAmendments {
                list: Vec::new(),
                json: std::cell::OnceCell::new(),
            })
            .list
            .push(a);
    }
    by_eid
}

/// Calls `f` for every unit with its path from the top-level unit down.
pub fn walk_with_path<'a>(units: &'a [Unit], f: &mut dyn FnMut(&[&'a Unit])) {
    fn go<'a>(u: &'a Unit, path: &mut Vec<&'a Unit>, f: &mut dyn FnMut(&[&'a Unit])) {
        path.push(u);
        f(path);
        for c in &u.children {
            go(c, path, f);
        }
        path.pop();
    }
    let mut path = Vec::new();
    for u in units {
        go(u, &mut path, f);
    }
}

/// The validity of one set of unit documents.
struct Validity<'a> {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    current: bool,
    version_id: &'a str,
    source: &'a Source,
}

/// All documents for one act.
pub fn act_documents(act: &Act, f: &Fields) -> crate::Result<Vec<TantivyDocument>> {
    let mut docs = Vec::new();
    // sonic-rs writes the bytes serde_json writes (index dumps compared), in half the time on an
    // act's long Cyrillic strings.
    let act_json = sonic_rs::to_string(act).map_err(|e| crate::Error::Index {
        path: act.source.file.clone().into(),
        reason: format!("cannot serialize act {}: {e}", act.id),
    })?;
    let mut d = TantivyDocument::default();
    d.add_text(f.doc_type, DOC_ACT);
    d.add_text(f.act_id, &act.id);
    d.add_text(f.file, &act.source.file);
    d.add_text(f.act_json, &act_json);
    d.add_text(f.title_stem, &act.title);
    d.add_text(f.title_loose, &act.title);
    let key = act_key(&act.id);
    d.add_u64(f.act_key, key);
    docs.push(d);

    let amendments = amendments_by_eid(act);
    // Older editions, each over its [from, to).
    let mut covered_until: Option<NaiveDate> = None;
    for v in &act.versions {
        if v.to.is_none() && v.source.file == act.source.file {
            continue; // the current text itself
        }
        if let Some(to) = v.to {
            covered_until = Some(covered_until.map_or(to, |c: NaiveDate| c.max(to)));
        }
        let val = Validity {
            from: v.from,
            to: v.to,
            current: false,
            version_id: &v.id,
            source: &v.source,
        };
        unit_documents(act, &v.units, &val, f, key, &amendments, &mut docs);
    }
    let repealed_on = match &act.status {
        Status::Repealed { on, .. } => *on,
        _ => None,
    };
    let val = Validity {
        from: covered_until.or(act.date()),
        to: repealed_on,
        current: true,
        version_id: "current",
        source: &act.source,
    };
    unit_documents(act, &act.units, &val, f, key, &amendments, &mut docs);
    let units = docs.len() as u64 - 1;
    if let Some(d) = docs.first_mut() {
        d.add_u64(f.unit_docs, units);
    }
    Ok(docs)
}

fn unit_documents(
    act: &Act,
    units: &[Unit],
    val: &Validity<'_>,
    f: &Fields,
    key: u64,
    amendments: &FxHashMap<&str, UnitAmendments<'_>>,
    docs: &mut Vec<TantivyDocument>,
) {
    let status = act.status.as_str();
    let number = act.number();
    let citer = citation::Citer::new(act);
    walk_with_path(units, &mut |path| {
        let Some(u) = path.last() else { return };
        let heading = u.heading.as_deref().unwrap_or("").trim();
        if u.text.trim().is_empty() && heading.is_empty() {
            return;
        }
        let mut d = TantivyDocument::default();
        d.add_text(f.doc_type, DOC_UNIT);
        d.add_text(f.act_id, &act.id);
        d.add_text(f.file, &val.source.file);
        d.add_text(f.act_file, &act.source.file);
        d.add_text(f.act_title, &act.title);
        d.add_u64(f.act_key, key);
        d.add_text(f.act_kind, act.kind.as_str());
        for i in &act.issuances {
            d.add_text(f.issuer, &i.issuer_code);
        }
        if let Some(date) = act.date() {
            d.add_date(f.act_date, to_tantivy_date(date));
        }
        d.add_text(f.act_number, &number);
        d.add_text(f.act_status, status);
        d.add_text(f.eid, &u.eid);
        d.add_text(f.unit_kind, u.kind.eid_prefix());
        d.add_text(f.unit_status, unit_status_str(&u.status));
        let label = citation::unit_label(path, act.kind);
        d.add_text(f.label, &label);
        d.add_text(f.citation, citer.citation(path, &label));
        let mut anc = String::new();
        for (i, p) in path.iter().enumerate() {
            if i > 0 {
                anc.push_str(" / ");
            }
            anc.push_str(&p.eid);
        }
        d.add_text(f.path, anc);
        if !heading.is_empty() {
            d.add_text(f.heading, heading);
            d.add_text(f.heading_stem, heading);
            d.add_text(f.heading_loose, heading);
        }
        d.add_text(f.text, &u.text);
        d.add_text(f.kk_exact, &u.text);
        d.add_text(f.kk_stem, &u.text);
        d.add_text(f.kk_loose, &u.text);
        d.add_u64(f.line_start, u64::from(u.span.line_start));
        d.add_u64(f.line_end, u64::from(u.span.line_end));
        if let Some(p) = u.span.page {
            d.add_u64(f.page, u64::from(p));
        }
        d.add_date(f.valid_from, to_tantivy_date(val.from.unwrap_or(OPEN_FROM)));
        d.add_date(f.valid_to, to_tantivy_date(val.to.unwrap_or(OPEN_TO)));
        let am = amendments.get(u.eid.as_str());
        let wording_from = am
            .and_then(|a| {
                a.list
                    .iter()
                    .filter_map(|a| a.effective.as_ref().map(|e| e.date))
                    .max()
            })
            .or(act.date());
        if val.current {
            if let Some(w) = wording_from {
                d.add_date(f.wording_from, to_tantivy_date(w));
            }
        }
        d.add_u64(f.current, u64::from(val.current));
        d.add_text(f.version_id, val.version_id);
        match am {
            // What serde_json writes for an empty list.
            None => d.add_text(f.amendments, "[]"),
            Some(a) => {
                if let Some(js) = a.json.get_or_init(|| serde_json::to_string(&a.list).ok()) {
                    d.add_text(f.amendments, js);
                }
            }
        }
        docs.push(d);
    });
}

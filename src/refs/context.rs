//! Where a reference is read: which act its units belong to and which eid it names from the
//! citing unit's place.
//!
//! A bare `10-тармақ` under the Rules' paragraph 11 is the Rules' paragraph 10
//! (`att_1__para_10`); `осы тармақтың 1) тармақшасы` is a subparagraph of the enclosing
//! paragraph. An amending act's instruction (`12-тармақтың 7) тармақшасы алынып тасталсын`,
//! with the new wording it quotes) speaks of its target act: its bare and attachment
//! references are that act's units, read from the unit the instruction targets (the amend
//! stage's [`crate::model::Instruction::target_eid`]), while `осы бірлескен бұйрыққа
//! 1-қосымшаға` is still the amending act's own appendix.

use super::{CitedAct, Found, Scope, TargetKind, Unresolved};
use crate::model::{Act, Unit};
use std::collections::HashSet;

/// The eids of an act, for placing references within it.
pub struct Places {
    eids: HashSet<String>,
}

impl Places {
    /// The eids of `units` and the units inside them (an edition of an act).
    pub fn of_units(units: &[Unit]) -> Self {
        Places {
            eids: units
                .iter()
                .flat_map(Unit::walk)
                .map(|u| u.eid.clone())
                .collect(),
        }
    }

    /// Whether the act has a unit with this eid.
    pub fn has(&self, eid: &str) -> bool {
        self.eids.contains(eid)
    }

    /// The unit a path names from the unit `context` (empty for the act's root): the same
    /// kind in the context's path replaced, or the path inside the context or one of its
    /// ancestors, else the one unit anywhere whose eid ends with the path. `Err` carries the
    /// eid the path would have.
    pub fn lookup(&self, path: &[String], context: &str) -> Result<String, String> {
        let comps: Vec<&str> = if context.is_empty() {
            Vec::new()
        } else {
            context.split("__").collect()
        };
        let candidates = candidates(path, &comps);
        for c in &candidates {
            if self.eids.contains(c) {
                return Ok(c.clone());
            }
        }
        let tail = path.join("__");
        let suffix = format!("__{tail}");
        let mut hits: Vec<&String> = self
            .eids
            .iter()
            .filter(|e| **e == tail || e.ends_with(&suffix))
            .collect();
        hits.sort();
        if let [one] = hits.as_slice() {
            return Ok((*one).clone());
        }
        Err(candidates.into_iter().next().unwrap_or(tail))
    }
}

/// The eids a path may have from a place `comps`, most likely first.
fn candidates(path: &[String], comps: &[&str]) -> Vec<String> {
    let Some(first) = path.first() else {
        return vec![comps.join("__")];
    };
    let kind = first.split('_').next().unwrap_or("");
    let build = |cut: usize| {
        let mut v: Vec<&str> = comps[..cut].to_vec();
        v.extend(path.iter().map(String::as_str));
        v.join("__")
    };
    let mut out = Vec::new();
    if let Some(i) = comps
        .iter()
        .rposition(|c| c.split('_').next() == Some(kind))
    {
        out.push(build(i));
    }
    for cut in (0..=comps.len()).rev() {
        let c = build(cut);
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Whose voice a unit's text is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Voice {
    /// The act's own.
    Own,
    /// An amending instruction: its units are those of `target`, read from `base` (the eid
    /// the instruction targets there).
    Amending { target: CitedAct, base: String },
}

/// The voice of unit `u` of `act`: an amending instruction's when the amend stage read an
/// instruction from it.
pub fn voice_of(act: &Act, u: &Unit) -> Voice {
    // An amending act's own appendix holds new wording for its target (`… осы бірлескен
    // бұйрыққа 1-қосымшаға сәйкес жаңа редакцияда жазылсын`): its text speaks as the target's
    // attachment does.
    let own_annex = u.eid.starts_with("annex_") && !act.instructions.is_empty();
    if let (true, Some(i)) = (own_annex, act.instructions.first()) {
        let base = match attachment_of(&i.target_eid) {
            Some(a) => a.to_string(),
            None => String::new(),
        };
        return Voice::Amending {
            target: cited_of(&i.target_act),
            base,
        };
    }
    match act.instructions.iter().find(|i| i.source_eid == u.eid) {
        Some(i) => Voice::Amending {
            target: cited_of(&i.target_act),
            base: i.target_eid.clone(),
        },
        None => Voice::Own,
    }
}

/// An instruction's target act as a reference describes it.
fn cited_of(r: &crate::model::ActRef) -> CitedAct {
    CitedAct {
        kind: Some(r.kind),
        title: r.title.clone(),
        name: None,
        date: r.date,
        number: r.number.clone(),
        attachment: false,
    }
}

/// A found reference placed in its act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub kind: TargetKind,
    pub act: Option<CitedAct>,
    pub wanted: String,
    /// Within the act: the unit, or why not. `None` for another act (resolved when read).
    pub resolution: Option<Result<String, Unresolved>>,
}

/// The citing unit's attachment (`att_1` of `att_1__para_3`), if it is in one.
fn attachment_of(eid: &str) -> Option<&str> {
    let first = eid.split("__").next()?;
    first.starts_with("att_").then_some(first)
}

/// The part of `eid` down to its deepest component of kind `prefix` (`para` of
/// `att_1__para_3__subpara_2` → `att_1__para_3`).
fn enclosing(eid: &str, prefix: &str) -> Option<String> {
    let comps: Vec<&str> = eid.split("__").collect();
    let i = comps
        .iter()
        .rposition(|c| c.split('_').next() == Some(prefix))?;
    Some(comps[..=i].join("__"))
}

/// The eid a path names in another act, from `base` there, without knowing its units: the
/// same kind in `base` replaced, else inside `base`'s attachment, else from the root.
fn structural(path: &[String], base: &str) -> String {
    let comps: Vec<&str> = if base.is_empty() {
        Vec::new()
    } else {
        base.split("__").collect()
    };
    let Some(first) = path.first() else {
        return attachment_of(base).unwrap_or("").to_string();
    };
    let kind = first.split('_').next().unwrap_or("");
    let mut v: Vec<&str> = match comps
        .iter()
        .rposition(|c| c.split('_').next() == Some(kind))
    {
        Some(i) => comps[..i].to_vec(),
        None => attachment_of(base).into_iter().collect(),
    };
    v.extend(path.iter().map(String::as_str));
    v.join("__")
}

/// The act the text last named before each of `found` (sorted by start, all from one text):
/// `Some` when that was another act, `None` when it was the citing act itself (`настоящего
/// Закона`, `осы Қағидалардың`) or when nothing was named yet.
pub fn named_before(found: &[Found]) -> Vec<Option<&CitedAct>> {
    let mut last: Option<&CitedAct> = None;
    found
        .iter()
        .map(|f| {
            let before = last;
            match &f.scope {
                Scope::Other(a) => last = Some(a),
                Scope::OwnAct | Scope::Attachment => last = None,
                Scope::Context | Scope::Enclosing(_) => {}
            }
            before
        })
        .collect()
}

/// Places `f`, found in unit `u`, in its act: the target's kind and act, the eid it names and,
/// within the act, whether that unit exists. `None` for a reference to the citing unit itself
/// (its own printed number, an appendix's stamp).
///
/// `named` is the act the text named last before `f` ([`named_before`]). A bare unit number
/// after another act is named is that act's («…Уголовным кодексом … от 16 июля 1997 года:
/// убийство (статья 96)»): an article always, another unit when the citing act has none of
/// that number. A bare article number with no act named before it is the citing act's only
/// when the act has that article; otherwise its act is unknown.
pub fn place(
    f: &Found,
    u: &Unit,
    voice: &Voice,
    places: &Places,
    named: Option<&CitedAct>,
) -> Option<Placed> {
    let own = |kind: TargetKind, r: Result<String, String>| {
        let (wanted, resolution) = match r {
            Ok(e) => (e.clone(), Ok(e)),
            Err(w) => (w, Err(Unresolved::UnitNotFound)),
        };
        Placed {
            kind,
            act: None,
            wanted,
            resolution: Some(resolution),
        }
    };
    let other = |act: CitedAct, wanted: String| Placed {
        kind: TargetKind::OtherAct,
        act: Some(act),
        wanted,
        resolution: None,
    };
    let placed = match (&f.scope, voice) {
        (Scope::Other(a), _) => {
            let mut wanted = f.path.join("__");
            if a.attachment {
                wanted = if wanted.is_empty() {
                    "att_1".to_string()
                } else {
                    format!("att_1__{wanted}")
                };
            }
            other(a.clone(), wanted)
        }
        (Scope::OwnAct, _) => {
            if f.path.is_empty() {
                return None;
            }
            own(TargetKind::Unit, places.lookup(&f.path, ""))
        }
        (Scope::Attachment, Voice::Amending { target, base }) => {
            let att = attachment_of(base).unwrap_or("att_1");
            other(target.clone(), structural(&f.path, att))
        }
        (Scope::Attachment, Voice::Own) => {
            let att = attachment_of(&u.eid)
                .map(str::to_string)
                .or_else(|| places.has("att_1").then(|| "att_1".to_string()));
            match (att, f.path.is_empty()) {
                (Some(a), true) => own(TargetKind::Attachment, Ok(a)),
                (Some(a), false) => own(TargetKind::Attachment, places.lookup(&f.path, &a)),
                // An act that is the Rules themselves: its units are the attachment's.
                (None, true) => return None,
                (None, false) => own(TargetKind::Attachment, places.lookup(&f.path, "")),
            }
        }
        (Scope::Enclosing(prefix), Voice::Amending { target, base }) => {
            let at = enclosing(base, prefix).unwrap_or_else(|| base.clone());
            let mut v = vec![at];
            v.extend(f.path.iter().cloned());
            other(target.clone(), v.join("__"))
        }
        (Scope::Enclosing(prefix), Voice::Own) => {
            let at = enclosing(&u.eid, prefix).unwrap_or_else(|| u.eid.clone());
            let mut v = vec![at.clone()];
            v.extend(f.path.iter().cloned());
            let eid = v.join("__");
            if places.has(&eid) {
                own(TargetKind::Unit, Ok(eid))
            } else {
                own(TargetKind::Unit, places.lookup(&f.path, &at))
            }
        }
        (Scope::Context, Voice::Amending { target, base }) => {
            other(target.clone(), structural(&f.path, base))
        }
        (Scope::Context, Voice::Own) => {
            let article = f.path.first().is_some_and(|p| p.starts_with("art_"));
            match (named, places.lookup(&f.path, &u.eid)) {
                (Some(act), _) if article => other(act.clone(), f.path.join("__")),
                (Some(act), Err(_)) => other(act.clone(), f.path.join("__")),
                // No act is named, and the citing act has no such article: the text does not
                // say whose article it is.
                (None, Err(_)) if article => Placed {
                    kind: TargetKind::OtherAct,
                    act: None,
                    wanted: f.path.join("__"),
                    resolution: None,
                },
                (_, found) => own(TargetKind::Unit, found),
            }
        }
    };
    if placed.resolution == Some(Ok(u.eid.clone())) {
        return None;
    }
    Some(placed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_units_are_read_from_the_citing_place() {
        let places = Places {
            eids: [
                "att_1",
                "att_1__para_10",
                "att_1__para_11",
                "para_3",
                "annex_5",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        };
        let p = |path: &[&str], ctx: &str| {
            places.lookup(&path.iter().map(|s| s.to_string()).collect::<Vec<_>>(), ctx)
        };
        assert_eq!(
            p(&["para_10"], "att_1__para_11"),
            Ok("att_1__para_10".into())
        );
        assert_eq!(p(&["annex_5"], "att_1__para_11"), Ok("annex_5".into()));
        assert_eq!(
            p(&["para_9"], "att_1__para_11"),
            Err("att_1__para_9".into())
        );
        assert_eq!(
            structural(
                &["para_12".into(), "subpara_7".into()],
                "att_1__para_12__subpara_7"
            ),
            "att_1__para_12__subpara_7"
        );
        assert_eq!(
            structural(&["para_16".into()], "att_1__para_15"),
            "att_1__para_16"
        );
        assert_eq!(structural(&["annex_1".into()], "att_1"), "att_1__annex_1");
    }

    /// «(статья 3)» in a law of eight articles with no act named before it is the law's
    /// article 3; «(статья 96)» there is nobody's it can tell; after «Уголовным кодексом …»
    /// both are the code's.
    #[test]
    fn a_bare_article_is_the_citing_acts_only_when_it_has_it_and_no_act_is_named() {
        let places = Places {
            eids: ["art_3", "art_4", "art_4__subpara_12"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        };
        let u = Unit::new(
            "art_4__subpara_12",
            crate::model::UnitKind::Subparagraph,
            None,
        );
        let code = CitedAct {
            kind: Some(crate::model::ActKind::Code),
            date: chrono::NaiveDate::from_ymd_opt(1997, 7, 16),
            ..CitedAct::default()
        };
        let at = |art: &str, named: Option<&CitedAct>| {
            let f = Found {
                start: 0,
                end: 0,
                scope: Scope::Context,
                path: vec![art.to_string()],
            };
            place(&f, &u, &Voice::Own, &places, named).expect("a reference")
        };
        let own = at("art_3", None);
        assert_eq!(
            (own.kind, own.act, own.resolution),
            (TargetKind::Unit, None, Some(Ok("art_3".to_string())))
        );
        let unknown = at("art_96", None);
        assert_eq!(
            (
                unknown.kind,
                unknown.act,
                unknown.wanted,
                unknown.resolution
            ),
            (TargetKind::OtherAct, None, "art_96".to_string(), None)
        );
        for art in ["art_3", "art_96"] {
            let theirs = at(art, Some(&code));
            assert_eq!(
                (theirs.kind, theirs.act, theirs.wanted),
                (TargetKind::OtherAct, Some(code.clone()), art.to_string())
            );
        }
    }
}

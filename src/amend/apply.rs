//! Applying an amending act's instructions to its target's unit tree: replace, insert
//! (`8-1` after `8`, in numeric place), delete, replace or append a part/abzats.

use crate::model::{Instruction, InstructionOp, Unit, UnitKind, UnitStatus};
use regex::Regex;
use std::sync::LazyLock;

/// An instruction that could not be applied, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyFailure {
    pub target_eid: String,
    pub reason: String,
}

static SUBPARA_LINE_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([0-9]+(?:-[0-9]+)*)\)\s").expect("static regex"));
static LEAD_NUM_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([0-9]+(?:-[0-9]+)*)(?:[.)]|-тарау\.?|-қосымша)\s*").expect("static regex")
});

/// Applies instructions in order to a copy of `units`; returns the new tree and the
/// instructions that did not apply (target missing for a part operation, words not found).
pub fn apply_instructions(
    units: &[Unit],
    instrs: &[Instruction],
) -> (Vec<Unit>, Vec<ApplyFailure>) {
    let mut tree = units.to_vec();
    let mut failures = Vec::new();
    for ins in instrs {
        if let Err(reason) = apply_one(&mut tree, ins) {
            failures.push(ApplyFailure {
                target_eid: ins.target_eid.clone(),
                reason,
            });
        }
    }
    (tree, failures)
}

/// Numeric sort key of a printed number: `14-1` → [14, 1].
pub fn num_key(num: &str) -> Vec<u32> {
    num.split(['-', '.'])
        .map(|p| p.trim().parse::<u32>().unwrap_or(0))
        .collect()
}

fn find_mut<'a>(units: &'a mut [Unit], eid: &str) -> Option<&'a mut Unit> {
    for u in units.iter_mut() {
        if u.eid == eid {
            return Some(u);
        }
        if let Some(found) = find_mut(&mut u.children, eid) {
            return Some(found);
        }
    }
    None
}

/// The children list that holds `eid` (eids skip chapters: `att_1__para_3` may sit inside
/// `att_1__chp_1`), found by search rather than by the eid's path.
fn holder_of<'a>(units: &'a mut Vec<Unit>, eid: &str) -> Option<&'a mut Vec<Unit>> {
    if units.iter().any(|u| u.eid == eid) {
        return Some(units);
    }
    for u in units.iter_mut() {
        if let Some(h) = holder_of(&mut u.children, eid) {
            return Some(h);
        }
    }
    None
}

/// Every eid in the tree, depth first.
fn all_eids(units: &[Unit]) -> Vec<String> {
    units
        .iter()
        .flat_map(Unit::walk)
        .map(|u| u.eid.clone())
        .collect()
}

fn kind_of_eid(last: &str) -> (UnitKind, Option<String>) {
    let (prefix, num) = last.split_once('_').unwrap_or((last, ""));
    let kind = match prefix {
        "preamble" => UnitKind::Preamble,
        "att" => UnitKind::Attachment,
        "sec" => UnitKind::Section,
        "chp" => UnitKind::Chapter,
        "art" => UnitKind::Article,
        "para" => UnitKind::Paragraph,
        "subpara" => UnitKind::Subparagraph,
        "part" => UnitKind::Part,
        "annex" => UnitKind::Annex,
        "mod" => UnitKind::Instruction,
        _ => UnitKind::Other,
    };
    (kind, (!num.is_empty()).then(|| num.to_string()))
}

/// Builds a unit from an instruction's quoted text: the lines before the first `N)` line are
/// the unit's own text, each `N)` line starts a subparagraph.
pub fn unit_from_text(eid: &str, text: &str, keep_number: bool) -> Unit {
    let last = eid.rsplit("__").next().unwrap_or(eid);
    let (kind, num) = kind_of_eid(last);
    let mut unit = Unit::new(eid, kind, num);
    let mut own: Vec<String> = Vec::new();
    let mut current: Option<Unit> = None;
    let nested = matches!(kind, UnitKind::Paragraph | UnitKind::Article);
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(c) = SUBPARA_LINE_RE.captures(line).filter(|_| nested) {
            if let Some(done) = current.take() {
                unit.children.push(done);
            }
            let n = c.get(1).map_or("", |m| m.as_str()).to_string();
            let mut s = Unit::new(
                format!("{eid}__subpara_{n}"),
                UnitKind::Subparagraph,
                Some(n),
            );
            s.text = line.to_string();
            current = Some(s);
        } else if let Some(cur) = current.as_mut() {
            cur.text.push('\n');
            cur.text.push_str(line);
        } else {
            own.push(line.to_string());
        }
    }
    if let Some(done) = current.take() {
        unit.children.push(done);
    }
    let mut own_text = own.join("\n");
    if !keep_number {
        if let Some(m) = LEAD_NUM_RE.find(&own_text) {
            own_text = own_text[m.end()..].to_string();
        }
    }
    unit.text = own_text;
    unit
}

/// Whether siblings print their number at the start of their text (`10. …`), so a new unit
/// follows the same convention as the structure stage.
fn siblings_keep_number(siblings: &[Unit]) -> bool {
    siblings
        .iter()
        .find_map(|s| {
            s.num
                .as_ref()
                .map(|n| s.text.trim_start().starts_with(n.as_str()))
        })
        .unwrap_or(true)
}

/// The children list where a new `eid` belongs, and the index to insert at: after the
/// existing sibling (same parent path and kind) with the greatest smaller number, else before
/// the first larger one, else at the end of the parent.
fn place_for<'a>(tree: &'a mut Vec<Unit>, eid: &str) -> Option<(&'a mut Vec<Unit>, usize)> {
    let (parent, last) = eid.rsplit_once("__").unwrap_or(("", eid));
    let (prefix, num) = last.split_once('_').unwrap_or((last, ""));
    let key = num_key(num);
    let stem = if parent.is_empty() {
        format!("{prefix}_")
    } else {
        format!("{parent}__{prefix}_")
    };
    let sibs: Vec<(Vec<u32>, String)> = all_eids(tree)
        .into_iter()
        .filter_map(|e| {
            let rest = e.strip_prefix(&stem)?;
            (!rest.contains("__")).then(|| (num_key(rest), e.clone()))
        })
        .collect();
    let before = sibs
        .iter()
        .filter(|(k, _)| *k < key)
        .max_by(|a, b| a.0.cmp(&b.0));
    let after = sibs
        .iter()
        .filter(|(k, _)| *k > key)
        .min_by(|a, b| a.0.cmp(&b.0));
    if let Some((_, anchor)) = before.or(after) {
        let anchor = anchor.clone();
        let offset = usize::from(before.is_some());
        let h = holder_of(tree, &anchor)?;
        let i = h.iter().position(|u| u.eid == anchor)?;
        return Some((h, i + offset));
    }
    if parent.is_empty() {
        let n = tree.len();
        return Some((tree, n));
    }
    let p = find_mut(tree, parent)?;
    let n = p.children.len();
    Some((&mut p.children, n))
}

fn replace_words(units: &mut [Unit], old: &str, new: &str, hits: &mut usize) {
    for u in units {
        let n = u.text.matches(old).count();
        if n > 0 {
            *hits += n;
            u.text = u.text.replace(old, new);
        }
        replace_words(&mut u.children, old, new, hits);
    }
}

fn apply_one(tree: &mut Vec<Unit>, ins: &Instruction) -> Result<(), String> {
    let eid = ins.target_eid.as_str();
    let text = ins.new_text.as_deref().unwrap_or("");
    match ins.op {
        InstructionOp::Delete => {
            let u = find_mut(tree, eid).ok_or_else(|| format!("no unit {eid} to delete"))?;
            u.status = UnitStatus::Deleted;
            u.text = "алып тасталды".to_string();
            u.children.clear();
            Ok(())
        }
        InstructionOp::Replace | InstructionOp::Insert => {
            if text.is_empty() {
                return Err(format!("no new text for {eid}"));
            }
            if let Some(old) = find_mut(tree, eid) {
                let keep = old
                    .num
                    .as_ref()
                    .is_none_or(|n| old.text.trim_start().starts_with(n.as_str()));
                let mut unit = unit_from_text(eid, text, keep);
                unit.span = old.span;
                if unit.kind != UnitKind::Chapter {
                    unit.heading = old.heading.clone();
                }
                *old = unit;
                return Ok(());
            }
            let (holder, at) = place_for(tree, eid).ok_or_else(|| format!("no place for {eid}"))?;
            let keep = siblings_keep_number(holder);
            holder.insert(at.min(holder.len()), unit_from_text(eid, text, keep));
            Ok(())
        }
        InstructionOp::ReplacePart | InstructionOp::Append => {
            let u = find_mut(tree, eid).ok_or_else(|| format!("no unit {eid}"))?;
            let mut parts: Vec<String> = u.text.split('\n').map(str::to_string).collect();
            let new_parts: Vec<String> = text
                .lines()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            let first = ins.part.unwrap_or(parts.len() as u32 + 1).max(1) as usize - 1;
            if ins.op == InstructionOp::Append {
                let at = first.min(parts.len());
                for (k, p) in new_parts.into_iter().enumerate() {
                    parts.insert(at + k, p);
                }
            } else {
                let last = ins.part_last.unwrap_or(ins.part.unwrap_or(1)) as usize;
                if first >= parts.len() {
                    return Err(format!(
                        "{eid} has {} parts, not {}",
                        parts.len(),
                        first + 1
                    ));
                }
                let end = last.min(parts.len());
                parts.splice(first..end, new_parts);
            }
            u.text = parts.join("\n");
            u.status = UnitStatus::Live;
            Ok(())
        }
        InstructionOp::ReplaceWords => {
            let (Some(old), Some(new)) = (ins.old_text.as_deref(), ins.new_text.as_deref()) else {
                return Err(format!("word replacement in {eid} without both texts"));
            };
            // The whole act (`""`) or the unit and everything inside it.
            let scope: &mut [Unit] = if eid.is_empty() {
                tree
            } else {
                let u = find_mut(tree, eid).ok_or_else(|| format!("no unit {eid}"))?;
                std::slice::from_mut(u)
            };
            let mut hits = 0;
            replace_words(scope, old, new, &mut hits);
            if hits == 0 {
                return Err(format!("{old:?} not found in {eid}"));
            }
            Ok(())
        }
    }
}

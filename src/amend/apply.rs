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
    LazyLock::new(|| Regex::new(r"^\s*(\d+(?:-\d+)*)\)\s").expect("static regex"));
static LEAD_NUM_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d+(?:-\d+)*)(?:[.)]|-тарау\.?|-қосымша)\s*").expect("static regex")
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
        if eid.starts_with(&format!("{}__", u.eid)) {
            return find_mut(&mut u.children, eid);
        }
    }
    None
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

fn siblings_mut<'a>(tree: &'a mut Vec<Unit>, eid: &str) -> Option<&'a mut Vec<Unit>> {
    match eid.rsplit_once("__") {
        None => Some(tree),
        Some((parent, _)) => find_mut(tree, parent).map(|p| &mut p.children),
    }
}

fn insert_in_place(siblings: &mut Vec<Unit>, unit: Unit) {
    if let Some(existing) = siblings.iter_mut().find(|s| s.eid == unit.eid) {
        *existing = unit;
        return;
    }
    let key = unit.num.as_deref().map(num_key).unwrap_or_default();
    let same_kind: Vec<usize> = (0..siblings.len())
        .filter(|&i| siblings[i].kind == unit.kind)
        .collect();
    let after = same_kind
        .iter()
        .rev()
        .find(|&&i| siblings[i].num.as_deref().map(num_key).unwrap_or_default() < key)
        .copied();
    let pos = match after {
        Some(i) => i + 1,
        None => same_kind.first().copied().unwrap_or(siblings.len()),
    };
    siblings.insert(pos, unit);
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
            let siblings = siblings_mut(tree, eid).ok_or_else(|| format!("no parent for {eid}"))?;
            let keep = siblings_keep_number(siblings);
            let mut unit = unit_from_text(eid, text, keep);
            if let Some(old) = siblings.iter().find(|s| s.eid == eid) {
                unit.span = old.span;
                unit.heading = old
                    .heading
                    .clone()
                    .filter(|_| unit.kind != UnitKind::Chapter);
            }
            insert_in_place(siblings, unit);
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
        InstructionOp::ReplaceWords => Err(format!("word replacement in {eid} is not applied")),
    }
}

//! Editions of one act merged into a timeline, amending acts applied to their targets, and
//! per-unit versions.
//!
//! Intervals are half-open: a version with `from = 2022-11-05, to = 2023-04-19` is the text
//! in force on 2022-11-05 and every day up to and including 2023-04-18. `from = None` means
//! "since the act's beginning, date unknown"; `to = None` means "still current".

use super::apply::apply_instructions;
#[cfg(test)]
use crate::model::UnitVersion;
use crate::model::{
    Act, ActRef, ActVersion, AmendAction, Amendment, DatedBy, InstructionOp, TargetFallback, Unit,
};
use crate::structure::effective::{resolve, resolve_act};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Links acts across the corpus:
/// 1. editions of one act (same `id`, different `version_date`) become one act whose `versions`
///    hold every edition oldest first, each valid over `[from, to)`; the newest edition's units
///    are the act's units. An act with one edition and nothing applied keeps `versions` empty
///    (its units are its only version: see [`implicit_version`]), so nothing is stored twice;
/// 2. an amending act whose target (by date and number) is in the corpus is applied to the
///    target's newest version, giving a new version from the amending act's effective date,
///    unless the target's notes already cite it (a consolidated text that carries it);
/// 3. effective dates of amendments by acts present in the corpus use their publication dates.
pub fn link_corpus(acts: &mut Vec<Act>) {
    merge_editions(acts);
    apply_amending_acts(acts);
    refine_effective_dates(acts);
    resolve_rules_in_amending_acts(acts);
    resolve_tied_commencements(acts);
    refine_repeal_dates(acts);
    note_later_changes(acts);
    share_unit_times_between_twins(acts);
}

/// 6. the texts of one act in its two languages (the same `id`, the same unit eids) share the
///    clock's readings unit by unit: where one text's words give a unit a time of its own (a
///    day it takes effect, a day it no longer applies, a suspension) and the other text's
///    words give that unit none of that kind (a final article or a note its reader does not
///    read), the other text takes the reading, [`crate::model::UnitTime::read_from`] naming
///    the language it was read from; it never answers the unit in force where its twin says
///    it is not. A wording given for a period is not shared: it is the other language's text
///    (its suspension, shared, keeps the unit from answering in force). Read again on every
///    pass: what an earlier pass shared is dropped first.
fn share_unit_times_between_twins(acts: &mut [Act]) {
    use crate::model::TimeLimit;
    let kind = |l: &TimeLimit| std::mem::discriminant(l);
    for a in acts.iter_mut() {
        a.unit_times.retain(|t| t.read_from.is_none());
    }
    for group in expression_groups(acts) {
        let mut shared: Vec<(usize, Vec<crate::model::UnitTime>)> = Vec::new();
        for &i in &group {
            let (eids, _) = super::unit_eids(&acts[i]);
            let own = &acts[i].unit_times;
            let mut taken: Vec<crate::model::UnitTime> = Vec::new();
            for &j in group.iter().filter(|&&j| acts[j].lang != acts[i].lang) {
                for t in &acts[j].unit_times {
                    let known = t.eid.is_empty() || eids.contains(&t.eid);
                    let read_here = own
                        .iter()
                        .chain(&taken)
                        .any(|o| o.eid == t.eid && kind(&o.limit) == kind(&t.limit));
                    if !known || read_here || matches!(t.limit, TimeLimit::Worded { .. }) {
                        continue;
                    }
                    let mut t = t.clone();
                    // The provision it applied under, only where this text has it.
                    if let TimeLimit::Expires { under, .. } = &mut t.limit {
                        if under.as_ref().is_some_and(|u| !eids.contains(u)) {
                            *under = None;
                        }
                    }
                    t.read_from = Some(acts[j].lang);
                    taken.push(t);
                }
            }
            shared.push((i, taken));
        }
        for (i, taken) in shared {
            acts[i].unit_times.extend(taken);
        }
    }
}

/// 5. a repeal read from a requisite that prints the repealing act's signing day and no
///    commencement of its own (`Утратило силу решением … от 31 июля 2019 года № 51-257`)
///    takes effect when the repealing act does: with that act in the corpus, the repeal's day
///    is the repealing act's commencement day (estimated when that day is), never the signing
///    day alone, so that no day falls between the old act's end and the new one's start.
fn refine_repeal_dates(acts: &mut [Act]) {
    let starts: Vec<(ActRef, crate::model::EffectiveDate)> = acts
        .iter()
        .filter_map(|a| Some((act_ref(a), resolve_act(a.commencement.as_ref()?, a)?)))
        .collect();
    if starts.is_empty() {
        return;
    }
    for act in acts.iter_mut() {
        let crate::model::Status::Repealed {
            by: Some(by),
            on: Some(on),
            estimated,
        } = &mut act.status
        else {
            continue;
        };
        let Some(number) = repealing_number(by) else {
            continue;
        };
        let named = starts.iter().find(|(r, _)| {
            r.date == Some(*on)
                && r.number
                    .as_deref()
                    .is_some_and(|n| n.split(" / ").any(|x| x == number))
        });
        if let Some((_, start)) = named {
            if start.date >= *on {
                *on = start.date;
                *estimated = start.estimated;
            }
        }
    }
}

/// The number a repealing act is named by in a requisite (`… от 31 июля 2019 года № 51-257`,
/// `… № 25-125 шешімімен`): the first run after `№`, without its closing punctuation.
fn repealing_number(by: &str) -> Option<&str> {
    let rest = by.split_once('№')?.1.trim_start();
    let number = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(')
        .next()?
        .trim_end_matches(['.', ')']);
    (!number.is_empty()).then_some(number)
}

/// 4. each expression of an act gets, as [`Act::later_changes`], the amendments its other
///    expressions record whose amending act was signed after its own newest edition: a Russian
///    text of 2022 does not print a change the Kazakh text of 2023 records, and from that
///    change's effective date its wording is not known.
fn note_later_changes(acts: &mut [Act]) {
    for group in expression_groups(acts) {
        let newest: Vec<Option<NaiveDate>> = group
            .iter()
            .map(|&i| super::time::editions(&acts[i]).last().and_then(|e| e.date))
            .collect();
        let mut later: Vec<Vec<Amendment>> = vec![Vec::new(); group.len()];
        for (x, &i) in group.iter().enumerate() {
            for &j in &group {
                if acts[j].lang == acts[i].lang {
                    continue;
                }
                let settled = newest[x]
                    .map(|n| deleted_by_then(&acts[j], n))
                    .unwrap_or_default();
                for e in &acts[j].amendments {
                    let signed_after = match (e.by.date, newest[x]) {
                        (Some(s), Some(n)) => s > n,
                        _ => false,
                    };
                    if signed_after && e.action != AmendAction::Prospective {
                        for target in unsettled_targets(&acts[j].units, &e.target_eid, &settled) {
                            let mut e = e.clone();
                            e.target_eid = target;
                            later[x].push(e);
                        }
                    }
                }
            }
        }
        for (x, &i) in group.iter().enumerate() {
            acts[i].later_changes = std::mem::take(&mut later[x]);
        }
    }
}

/// The indices of the acts of one id (an act's expressions, one per language), for every id
/// held more than once.
fn expression_groups(acts: &[Act]) -> Vec<Vec<usize>> {
    let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, a) in acts.iter().enumerate() {
        by_id.entry(a.id.as_str()).or_default().push(i);
    }
    by_id.into_values().filter(|v| v.len() > 1).collect()
}

/// The units that `other`'s newest text prints as deleted by an act signed by `by` (its own
/// note names the act, `Исключен … от 19.04.2023 № 222-VII`), with no later note on them or
/// inside them: a text of `by` prints their wording already, whatever later acts did to what
/// contains them.
fn deleted_by_then(other: &Act, by: NaiveDate) -> std::collections::HashSet<&str> {
    let own_latest = |eid: &str| {
        let inner = format!("{eid}__");
        other
            .amendments
            .iter()
            .filter(|a| a.target_eid == eid || a.target_eid.starts_with(&inner))
            .filter_map(|a| a.by.date.map(|d| (d, a.action)))
            .max_by_key(|(d, _)| *d)
    };
    other
        .units
        .iter()
        .flat_map(Unit::walk)
        .filter(|u| u.status == crate::model::UnitStatus::Deleted)
        .filter(|u| {
            own_latest(&u.eid).is_some_and(|(d, action)| action == AmendAction::Deleted && d <= by)
        })
        .map(|u| u.eid.as_str())
        .collect()
}

/// What a change the other language records on `target` may have changed in this language:
/// `target` itself, unless some unit inside it is `settled` (deleted before, see
/// [`deleted_by_then`]); then each of its parts that is not, the same way down. An article
/// amended in 2024 whose paragraph 3 was deleted in 2023 had its other paragraphs changed,
/// not the deleted one. When every part is settled the change was to `target`'s own words.
fn unsettled_targets(
    units: &[Unit],
    target: &str,
    settled: &std::collections::HashSet<&str>,
) -> Vec<String> {
    fn split(
        eid: &str,
        children: &[Unit],
        settled: &std::collections::HashSet<&str>,
        out: &mut Vec<String>,
    ) {
        let inside = children
            .iter()
            .flat_map(Unit::walk)
            .any(|c| settled.contains(c.eid.as_str()));
        let open: Vec<&Unit> = children
            .iter()
            .filter(|c| !settled.contains(c.eid.as_str()))
            .collect();
        if !inside || open.is_empty() {
            out.push(eid.to_string());
            return;
        }
        for c in open {
            split(&c.eid, &c.children, settled, out);
        }
    }
    let mut out = Vec::new();
    if settled.is_empty() {
        out.push(target.to_string());
    } else if target.is_empty() {
        split(target, units, settled, &mut out);
    } else {
        match units.iter().flat_map(Unit::walk).find(|u| u.eid == target) {
            Some(u) => split(target, &u.children, settled, &mut out),
            None => out.push(target.to_string()),
        }
    }
    out
}

/// The one version of an act with a single edition and nothing applied: its units from its
/// edition date (or its own date) to `None`, id the same date (`current` when unknown).
pub fn implicit_version(act: &Act) -> ActVersion {
    let from = act.version_date.or(act.date());
    ActVersion {
        id: from.map_or_else(|| "current".to_string(), |d| d.to_string()),
        from,
        dated_by: if act.version_date.is_some() {
            act.version_dated_by
        } else {
            DatedBy::Database
        },
        to: None,
        source_removed: super::time::source_removed_of(act),
        units: act.units.clone(),
        source: act.source.clone(),
        references: act.references.clone(),
    }
}

fn version_id(act: &Act) -> String {
    act.version_date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "current".to_string())
}

fn merge_editions(acts: &mut Vec<Act>) {
    // The Kazakh and the Russian text of one act share an id: each language is a timeline of
    // its own (an expression), merged from that language's editions only.
    let mut groups: BTreeMap<(String, crate::model::Lang), Vec<usize>> = BTreeMap::new();
    for (i, a) in acts.iter().enumerate() {
        groups.entry((a.id.clone(), a.lang)).or_default().push(i);
    }
    let mut remove: Vec<usize> = Vec::new();
    for (_, idx) in groups.into_iter().filter(|(_, v)| v.len() > 1) {
        let mut sorted = idx.clone();
        // Undated editions (`…_latest.md`) count as the newest; ties by file name.
        sorted.sort_by(|&x, &y| {
            let key = |i: usize| (acts[i].version_date.is_none(), acts[i].version_date);
            key(x)
                .cmp(&key(y))
                .then_with(|| acts[x].source.file.cmp(&acts[y].source.file))
        });
        // Two files of one edition (another layout of the same date) are one version.
        let mut dup: Vec<usize> = Vec::new();
        sorted.dedup_by(|later, earlier| {
            let same = acts[*later].version_date.is_some()
                && acts[*later].version_date == acts[*earlier].version_date;
            if same {
                dup.push(*later);
            }
            same
        });
        let versions = edition_versions(acts, &sorted);
        remove.extend(dup);
        let newest = *sorted.last().unwrap_or(&idx[0]);
        let events = merged_events(acts, &sorted, newest);
        // Every edition's unreadable notes and moved targets stay reported, each with its file.
        let mut unparsed = Vec::new();
        let mut fallbacks = Vec::new();
        for &i in &sorted {
            unparsed.extend(acts[i].unparsed_notes.iter().cloned());
            fallbacks.extend(acts[i].target_fallbacks.iter().cloned());
        }
        acts[newest].amendments = events;
        acts[newest].unparsed_notes = unparsed;
        acts[newest].target_fallbacks = fallbacks;
        acts[newest].versions = versions;
        remove.extend(sorted.iter().copied().filter(|&i| i != newest));
    }
    remove.sort_unstable();
    for i in remove.into_iter().rev() {
        acts.remove(i);
    }
}

/// The versions of one act's editions `sorted` (oldest first): each from its date (an
/// undated edition's start inferred from its notes) to the next one's.
fn edition_versions(acts: &[Act], sorted: &[usize]) -> Vec<ActVersion> {
    // An undated edition starts at the latest amendment its notes cite, when that is
    // after the previous edition (id `latest`).
    let starts: Vec<Option<NaiveDate>> = sorted
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            acts[i].version_date.or_else(|| {
                let prev = k.checked_sub(1).and_then(|p| acts[sorted[p]].version_date);
                acts[i]
                    .amendments
                    .iter()
                    .filter(|e| e.action != AmendAction::Prospective)
                    .filter_map(|e| e.effective.as_ref().map(|x| x.date).or(e.by.date))
                    .max()
                    .filter(|d| prev.is_none_or(|p| *d > p))
            })
        })
        .collect();
    let mut versions: Vec<ActVersion> = Vec::new();
    for (k, &i) in sorted.iter().enumerate() {
        let a = &acts[i];
        versions.push(ActVersion {
            id: if a.version_date.is_none() && k > 0 {
                "latest".to_string()
            } else {
                version_id(a)
            },
            from: starts[k],
            dated_by: if a.version_date.is_some() {
                a.version_dated_by
            } else {
                DatedBy::Database
            },
            to: starts.get(k + 1).copied().flatten(),
            source_removed: super::time::source_removed_of(a),
            units: a.units.clone(),
            source: a.source.clone(),
            references: a.references.clone(),
        });
    }
    versions
}

/// The amendment events of the newest edition, and those of the older editions `sorted`
/// that it no longer prints.
fn merged_events(acts: &[Act], sorted: &[usize], newest: usize) -> Vec<Amendment> {
    let mut events = acts[newest].amendments.clone();
    for &i in &sorted[..sorted.len() - 1] {
        for e in &acts[i].amendments {
            // `N 379` in an old edition is `N 379-I` in a newer one.
            let same_number = |a: &Option<String>, b: &Option<String>| match (a, b) {
                (Some(a), Some(b)) => {
                    a == b || a.starts_with(&format!("{b}-")) || b.starts_with(&format!("{a}-"))
                }
                (None, None) => true,
                _ => false,
            };
            // A new heading (of the act: its title) by an act is another change than that
            // act's change of the text under it: a newer edition that notes only the title
            // («Заголовок в редакции … № 379-I») keeps the older edition's note that the same
            // act replaced words throughout the text.
            let same = |x: &Amendment| {
                x.by.date == e.by.date
                    && same_number(&x.by.number, &e.by.number)
                    && x.target_eid == e.target_eid
                    && (x.action == AmendAction::Renamed) == (e.action == AmendAction::Renamed)
            };
            if !events.iter().any(same) {
                events.push(e.clone());
            }
        }
    }
    events
}

/// The reference an amending act's own header gives (for events on its target).
pub fn act_ref(act: &Act) -> ActRef {
    let issuer = act
        .issuances
        .iter()
        .map(|i| i.issuer.as_str())
        .collect::<Vec<_>>()
        .join(" және ");
    let code = act
        .issuances
        .iter()
        .map(|i| i.issuer_code.as_str())
        .collect::<Vec<_>>()
        .join("+");
    ActRef {
        issuer,
        issuer_code: code,
        kind: act.kind,
        date: act.date(),
        number: Some(act.number()).filter(|n| !n.is_empty()),
        title: Some(act.title.clone()),
    }
}

/// Whether `target` (as an amending act cites it) is `act`: same date and a shared number.
pub fn refers_to(target: &ActRef, act: &Act) -> bool {
    let Some(date) = target.date else {
        return false;
    };
    let numbers: Vec<&str> = target
        .number
        .as_deref()
        .map(|n| n.split(" / ").collect())
        .unwrap_or_default();
    act.issuances.iter().any(|i| {
        i.date == Some(date)
            && i.number.as_deref().is_some_and(|n| {
                numbers
                    .iter()
                    .any(|x| x.replace(' ', "") == n.replace(' ', ""))
            })
    })
}

/// The (amending act, target) pairs whose instructions are to be applied: each amending act
/// with instructions, its target in the same language, unless the target's notes show its
/// text already carries the amendments.
fn amending_plans(acts: &[Act]) -> Vec<(usize, usize)> {
    let mut plans: Vec<(usize, usize)> = Vec::new();
    for (a, amending) in acts.iter().enumerate() {
        let Some(first) = amending.instructions.first() else {
            continue;
        };
        // Instructions quote new wording in their own language: they amend the target's
        // expression in that language.
        let Some(t) = (0..acts.len()).find(|&t| {
            t != a && acts[t].lang == amending.lang && refers_to(&first.target_act, &acts[t])
        }) else {
            continue;
        };
        // A consolidated target whose notes already cite the amending act carries its text.
        let me = act_ref(amending);
        let already = acts[t].amendments.iter().any(|e| {
            e.by.date == me.date
                && match (&e.by.number, &me.number) {
                    (Some(n), Some(m)) => m.split(" / ").any(|x| x == n),
                    _ => false,
                }
        });
        if !already {
            plans.push((a, t));
        }
    }
    plans
}

fn apply_amending_acts(acts: &mut [Act]) {
    let mut plans = amending_plans(acts);
    // Apply in order of the amending acts' dates so versions stack up.
    plans.sort_by_key(|&(a, _)| acts[a].date());
    for (a, t) in plans {
        let amending = acts[a].clone();
        let rule = amending
            .commencement
            .clone()
            .unwrap_or(crate::model::EffectiveRule::Unknown);
        let eff = resolve_act(&rule, &amending);
        let from = eff.as_ref().map(|e| e.date).or(amending.date());
        let by = act_ref(&amending);
        let target = &mut acts[t];
        if target.versions.is_empty() {
            target.versions.push(implicit_version(target));
        }
        let base = target
            .versions
            .last()
            .map(|v| v.units.clone())
            .unwrap_or_else(|| target.units.clone());
        let (units, _failures) = apply_instructions(&base, &amending.instructions);
        if let Some(last) = target.versions.last_mut() {
            if last.to.is_none() {
                last.to = from;
            }
        }
        target.versions.push(ActVersion {
            id: format!("applied:{}", amending.id),
            from,
            dated_by: DatedBy::Database,
            to: None,
            source_removed: None,
            units: units.clone(),
            source: amending.source.clone(),
            // Found by the cross-references stage, which reads the applied wording.
            references: Vec::new(),
        });
        target.units = units;
        let eids: std::collections::HashSet<&str> = target
            .units
            .iter()
            .flat_map(Unit::walk)
            .map(|u| u.eid.as_str())
            .collect();
        let mut moved = Vec::new();
        for ins in &amending.instructions {
            // An instruction that could not be applied may name a unit the new version lacks:
            // its event goes to the nearest enclosing unit there, and says so.
            let mut eid = ins.target_eid.as_str();
            while !eid.is_empty() && !eids.contains(eid) {
                eid = eid.rsplit_once("__").map_or("", |(head, _)| head);
            }
            if eid != ins.target_eid {
                moved.push(TargetFallback {
                    file: amending.source.file.clone(),
                    line: ins.span.line_start,
                    label: ins.target_eid.clone(),
                    wanted: ins.target_eid.clone(),
                    target_eid: eid.to_string(),
                });
            }
            target.amendments.push(Amendment {
                target_eid: eid.to_string(),
                target_label: ins.target_eid.clone(),
                action: match ins.op {
                    InstructionOp::Replace => AmendAction::NewWording,
                    InstructionOp::Insert => AmendAction::Inserted,
                    InstructionOp::Delete => AmendAction::Deleted,
                    _ => AmendAction::Changed,
                },
                by: by.clone(),
                rule: rule.clone(),
                effective: eff.clone(),
                note: format!("instruction {} of {}", ins.source_eid, amending.id),
                span: ins.span,
            });
        }
        target.target_fallbacks.extend(moved);
    }
}

fn refine_effective_dates(acts: &mut [Act]) {
    let published: Vec<(ActRef, Option<NaiveDate>)> = acts
        .iter()
        .filter(|a| a.publication_date.is_some())
        .map(|a| (act_ref(a), a.publication_date))
        .collect();
    if published.is_empty() {
        return;
    }
    for act in acts.iter_mut() {
        for e in act.amendments.iter_mut() {
            let hit = published.iter().find(|(r, _)| {
                r.date == e.by.date
                    && match (&r.number, &e.by.number) {
                        (Some(a), Some(b)) => a.split(" / ").any(|x| x == b),
                        _ => false,
                    }
            });
            if let Some((_, pubd)) = hit {
                e.effective = resolve(&e.rule, e.by.date, *pubd);
            }
        }
    }
}

/// 3a. an amendment whose note gives its day as a provision of the amending act (`порядок
///    введения в действие см. ст. 2`, `қолданысқа енгізілу тәртібін 2-баптан қараңыз`) takes
///    that provision's day when the amending act is in the corpus: the provision read as a
///    commencement clause, the amending act's whole-act rule counted from that act's own
///    signing, registration and publication days. A provision that gives some of its units a
///    day of their own (`за исключением подпункта 3) пункта 1 статьи 1, который вводится …`)
///    names units of the amending act, whichever of them changed this unit, so the day stays
///    unknown there, worded as the dependency; an amending act the corpus lacks too.
fn resolve_rules_in_amending_acts(acts: &mut [Act]) {
    use crate::model::{EffectiveRule, UnitKind};
    use crate::structure::effective::parse_commencement;
    let mut wanted: Vec<(String, String, bool)> = Vec::new();
    for a in acts.iter() {
        for e in &a.amendments {
            if let (
                EffectiveRule::InAmendingAct {
                    number, paragraph, ..
                },
                Some(key),
            ) = (&e.rule, e.by.key())
            {
                let w = (key, number.clone(), *paragraph);
                if !wanted.contains(&w) {
                    wanted.push(w);
                }
            }
        }
    }
    if wanted.is_empty() {
        return;
    }
    let mut found: Vec<((String, String, bool), crate::model::EffectiveDate)> = Vec::new();
    // The amending acts the corpus holds, by key, whether or not their provision gives a day.
    let mut held: Vec<&str> = Vec::new();
    for (key, number, paragraph) in &wanted {
        let Some(amending) = acts
            .iter()
            .find(|a| act_ref(a).key().as_deref() == Some(key.as_str()))
        else {
            continue;
        };
        held.push(key);
        let kind = if *paragraph {
            UnitKind::Paragraph
        } else {
            UnitKind::Article
        };
        // The provision of the act itself, not one of a document it approves.
        let Some(unit) = amending.all_units().into_iter().find(|u| {
            u.kind == kind
                && u.num.as_deref() == Some(number.as_str())
                && !u.eid.contains("att_")
                && !u.eid.contains("annex_")
        }) else {
            continue;
        };
        let parts = parse_commencement(&unit.full_text());
        let [part] = parts.as_slice() else {
            continue;
        };
        if !part.labels.is_empty() {
            continue;
        }
        if let Some(mut eff) = resolve_act(&part.rule, amending) {
            eff.basis = format!(
                "{} {number} of the amending act: {}",
                if *paragraph { "paragraph" } else { "article" },
                eff.basis
            );
            found.push(((key.clone(), number.clone(), *paragraph), eff));
        }
    }
    for act in acts.iter_mut() {
        for e in act.amendments.iter_mut() {
            let Some(key) = e.by.key() else { continue };
            let EffectiveRule::InAmendingAct {
                number,
                paragraph,
                in_corpus,
            } = &mut e.rule
            else {
                continue;
            };
            *in_corpus = held.contains(&key.as_str());
            if let Some((_, eff)) = found
                .iter()
                .find(|(w, _)| w.0 == key && &w.1 == number && w.2 == *paragraph)
            {
                e.effective = Some(eff.clone());
            }
        }
    }
}

/// 3b. an act whose own commencement is another act's (`Кодекс вводится в действие в
///    соответствии с Законом РК от 25.12.2017 № 121-VІ`) takes the day that act gives when
///    the corpus holds it: the other act's provision putting this act into effect (`Ввести в
///    действие Кодекс … с 1 января 2018 года, за исключением: …`, `… қоспағанда, 2018 жылғы 1
///    қаңтардан бастап қолданысқа енгізілсін`), read for the whole act, and for each unit of
///    this act its exceptions name the day they give it (`1) абзаца четвертого … статьи 24,
///    который вводится в действие с 1 июля 2018 года`), else the other act's own commencement
///    (`… одновременно с введением в действие …`). Without the other act in the corpus, or
///    with no day there, the day stays unknown and the act says what it waits for.
fn resolve_tied_commencements(acts: &mut [Act]) {
    use crate::model::EffectiveRule;
    type Found = (
        usize,
        Option<crate::model::EffectiveDate>,
        Vec<crate::model::UnitTime>,
    );
    let mut found: Vec<Found> = Vec::new();
    for (i, a) in acts.iter().enumerate() {
        let Some(EffectiveRule::WithOtherAct { act: by, .. }) = &a.commencement else {
            continue;
        };
        let Some(key) = by.key() else {
            continue;
        };
        // The other act in this act's language first: its words name this act as it does.
        let other = acts
            .iter()
            .filter(|o| o.id != a.id && act_ref(o).key().as_deref() == Some(key.as_str()))
            .min_by_key(|o| o.lang != a.lang);
        if let Some(other) = other {
            let (day, units) = putting_into_effect(other, a);
            found.push((i, day, units));
        }
    }
    for (i, day, units) in found {
        let act = &mut acts[i];
        if let Some(EffectiveRule::WithOtherAct { on, in_corpus, .. }) = &mut act.commencement {
            *in_corpus = true;
            *on = day;
        }
        // Read again on every pass: the other act's exceptions replace those read before.
        act.unit_times.retain(|t| {
            !matches!(
                &t.limit,
                crate::model::TimeLimit::Commences {
                    rule: EffectiveRule::WithOtherAct { .. }
                }
            )
        });
        act.unit_times.extend(units);
    }
}

/// The day `other` puts `act` into effect: its provision doing so (`Статья 1. Ввести в
/// действие Кодекс … с 1 января 2018 года, за исключением: …`; `1-бап. … Кодексі … қоспағанда,
/// 2018 жылғы 1 қаңтардан бастап қолданысқа енгізілсін.`), the whole act's part of it, the
/// day counted from `act`'s own signing and publication; else `other`'s own commencement.
/// With it, the days that provision gives `act`'s units it excepts, each a
/// [`crate::model::TimeLimit::Commences`] of the unit whose rule is `other`'s day for it.
fn putting_into_effect(
    other: &Act,
    act: &Act,
) -> (
    Option<crate::model::EffectiveDate>,
    Vec<crate::model::UnitTime>,
) {
    let cite = act_ref(other).cite(act.lang);
    for u in other.units.iter().filter(|u| !u.eid.contains("att_")) {
        let text = u.full_text();
        let Some(rule) = puts_into_effect(&text) else {
            continue;
        };
        let unit = match u.kind {
            crate::model::UnitKind::Article => "article",
            _ => "paragraph",
        };
        let provision = format!("{unit} {} of {cite}", u.num.as_deref().unwrap_or(&u.eid));
        let Some(mut at) = resolve_act(&rule, act) else {
            continue;
        };
        at.basis = format!("{provision}: {}", at.basis);
        return (Some(at), excepted_units(&text, &provision, other, act));
    }
    let Some(mut at) = other
        .commencement
        .as_ref()
        .and_then(|r| resolve_act(r, other))
    else {
        return (None, Vec::new());
    };
    at.basis = format!("the commencement of {cite}: {}", at.basis);
    (Some(at), Vec::new())
}

/// The days a provision of `other` putting `act` into effect (`text`, cited as `provision`)
/// gives the units of `act` it excepts (`за исключением: 1) абзаца четвертого … статьи 24,
/// который вводится в действие с 1 июля 2018 года; …`; `1) 2018 жылғы 1 шілдеден бастап
/// қолданысқа енгізілетін 24-баптың … абзацын; … қоспағанда`): each unit
/// [`excepted_references`] names that `act` has gives that unit the day.
fn excepted_units(
    text: &str,
    provision: &str,
    other: &Act,
    act: &Act,
) -> Vec<crate::model::UnitTime> {
    use crate::model::{EffectiveRule, TimeLimit, UnitTime};
    let (eids, _) = super::unit_eids(act);
    let by = act_ref(other);
    let mut out: Vec<UnitTime> = Vec::new();
    for (rule, named) in excepted_references(text) {
        let Some(mut at) = resolve_act(&rule, act) else {
            continue;
        };
        at.basis = format!("{provision}: {}", at.basis);
        for eid in named {
            if !eids.contains(&eid) || out.iter().any(|t| t.eid == eid) {
                continue;
            }
            out.push(UnitTime {
                eid,
                limit: TimeLimit::Commences {
                    rule: EffectiveRule::WithOtherAct {
                        act: by.clone(),
                        on: Some(at.clone()),
                        in_corpus: true,
                    },
                },
                source: text.to_string(),
                read_from: None,
            });
        }
    }
    out
}

/// The level of a unit a reference names: a subparagraph, a paragraph, an article, or what
/// no eid of the act's text is (a part or a passage of a unit, a chapter or its paragraph,
/// a heading in the table of contents).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Part,
    Subpara,
    Para,
    Article,
    Chapter,
}

/// The exceptions of a provision putting another act into effect, each item's rule and the
/// eids of the other act's units it names (`art_23`, `art_26__para_13`,
/// `art_633__para_4__subpara_6`), read exactly: a passage or part of a unit (`абзаца
/// четвертого`, `части второй`, `бөлігін`), a chapter or a paragraph of one, and the headings
/// of the table of contents (`заголовков … оглавления`, `мазмұнындағы … тақырыптарын`) name
/// none, and a unit whose article the item does not name is left out (never guessed).
pub(crate) fn excepted_references(text: &str) -> Vec<(crate::model::EffectiveRule, Vec<String>)> {
    use crate::structure::effective::parse_rule;
    use regex::Regex;
    use std::sync::LazyLock;
    static RU_ITEM_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s*(?:[0-9]+\)\s*)?(.*?),?\s*котор\w+\s+(вв[оe]д[ия]тся\s+в\s+действие.*)$",
        )
        .expect("static regex")
    });
    static RU_EXCEPT_RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)за\s+исключением\s*:?").expect("static regex"));
    static KK_PARTICIPLE_RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)қолданысқа\s+енгізілетін").expect("static regex"));
    let t = crate::structure::effective::clock_words(text);
    let mut out = Vec::new();
    if let Some(m) = RU_EXCEPT_RE.find(&t) {
        for item in t[m.end()..].split(';') {
            let Some(c) = RU_ITEM_RE.captures(item) else {
                continue;
            };
            let rule = parse_rule(&c[2]);
            if rule != crate::model::EffectiveRule::Unknown {
                out.push((rule, ru_references(&c[1])));
            }
        }
    } else if KK_PARTICIPLE_RE.is_match(&t) {
        for item in t.split(';') {
            let Some(m) = KK_PARTICIPLE_RE.find(item) else {
                continue;
            };
            let rest = &item[m.end()..];
            let refs = rest.find("қоспағанда").map_or(rest, |e| &rest[..e]);
            let rule = parse_rule(&item[..m.end()]);
            if rule != crate::model::EffectiveRule::Unknown {
                out.push((rule, kk_references(refs)));
            }
        }
    }
    out
}

/// The number tokens of a reference list (`131`, `15)`, `6-1`, a dash between two) and its
/// words: Russian `(?:word)` before numbers, Kazakh a number's suffix (`133-баптардың`).
static REF_TOKEN_RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"([0-9]+(?:-[0-9]+)?)\)?(?:-(\w+))?|(\w+)|(\s[–—-]\s?|[–—])")
        .expect("static regex")
});

/// The numbers a token run names, a dash making a range (`630 – 632`: 630, 631, 632).
fn push_number(nums: &mut Vec<String>, n: &str, range: bool) {
    if let (true, Some(from)) = (range, nums.last().and_then(|l| l.parse::<u32>().ok())) {
        if let Ok(to) = n.parse::<u32>() {
            if to > from && to - from <= 200 {
                nums.extend((from + 1..to).map(|k| k.to_string()));
            }
        }
    }
    nums.push(n.to_string());
}

/// The eid of a unit from its article, paragraph and subparagraph numbers.
fn eid_of(art: &str, para: Option<&str>, subpara: Option<&str>) -> String {
    let mut eid = format!("art_{art}");
    if let Some(p) = para {
        eid.push_str(&format!("__para_{p}"));
    }
    if let Some(s) = subpara {
        eid.push_str(&format!("__subpara_{s}"));
    }
    eid
}

/// The units a Russian list names (`подпункта 6) пункта 9 статьи 48, статей 630 – 632,
/// пунктов 1 – 3, подпунктов 1) – 4), 6) и 7) пункта 4, пунктов 5 и 6 статьи 633`): each
/// reference runs inner to outer, its leaf first, up to its article, which every reference
/// before it that names none shares.
fn ru_references(list: &str) -> Vec<String> {
    let level = |w: &str| -> Option<Option<Level>> {
        let w = crate::structure::lowercase(w);
        Some(Some(if w.starts_with("подпункт") {
            Level::Subpara
        } else if w.starts_with("пункт") {
            Level::Para
        } else if w.starts_with("стат") {
            Level::Article
        } else if w.starts_with("глав") || w.starts_with("параграф") || w.starts_with("раздел")
        {
            Level::Chapter
        } else if w.starts_with("абзац") || w.starts_with("част") {
            Level::Part
        } else if w.starts_with("заголов") || w.starts_with("оглавлен") {
            return Some(None);
        } else {
            return None;
        }))
    };
    // Groups of a kind and its numbers, the headings of the contents left out.
    let mut groups: Vec<(Level, Vec<String>)> = Vec::new();
    let mut heading = false;
    let mut dash = false;
    for c in REF_TOKEN_RE.captures_iter(list) {
        if c.get(4).is_some() {
            dash = true;
            continue;
        }
        if let Some(n) = c.get(1) {
            if let (false, Some((_, nums))) = (heading, groups.last_mut()) {
                push_number(nums, n.as_str(), dash);
            }
        } else if let Some(w) = c.get(3) {
            match level(w.as_str()) {
                Some(None) => {
                    heading = crate::structure::lowercase(w.as_str()).starts_with("заголов");
                }
                Some(Some(l)) if !heading => groups.push((l, Vec::new())),
                _ => {}
            }
        }
        dash = false;
    }
    // References still waiting for their article: (leaf level, numbers, paragraph, part).
    struct Open {
        leaf: Level,
        nums: Vec<String>,
        para: Option<String>,
        part: bool,
    }
    let mut open: Vec<Open> = Vec::new();
    let mut out = Vec::new();
    for (l, nums) in groups {
        let top = open.last().map(|o| {
            if o.para.is_some() {
                Level::Para
            } else {
                o.leaf
            }
        });
        match (l, top) {
            (Level::Part, Some(_)) => open.iter_mut().for_each(|o| o.part = true),
            (Level::Para, Some(t)) if t < Level::Para => {
                for o in open
                    .iter_mut()
                    .filter(|o| o.leaf < Level::Para && o.para.is_none())
                {
                    o.para = nums.last().cloned();
                }
            }
            (Level::Article, Some(_)) => {
                let Some(art) = nums.last() else {
                    open.clear();
                    continue;
                };
                for o in open.drain(..).filter(|o| !o.part && o.leaf != Level::Part) {
                    for n in &o.nums {
                        out.push(match o.leaf {
                            Level::Para => eid_of(art, Some(n), None),
                            _ => eid_of(art, o.para.as_deref(), Some(n)),
                        });
                    }
                }
            }
            (Level::Article, None) => out.extend(nums.iter().map(|n| eid_of(n, None, None))),
            (Level::Chapter, _) => open.clear(),
            // `части второй подпункта 4) пункта 2 статьи 19`: where the part is.
            (Level::Subpara, Some(Level::Part)) => {}
            (leaf, _) => open.push(Open {
                leaf,
                nums,
                para: None,
                part: leaf == Level::Part,
            }),
        }
    }
    out
}

/// The units a Kazakh list names (`22-баптың 9 және 10-тармақтарын, 23-бапты, 633-баптың
/// 1–3-тармақтарын, 4-тармағының 1) – 4), 6) және 7) тармақшаларын`): numbers wait for the
/// kind word after them; a kind in the genitive or possessive (`-баптың`, `4-тармағының`,
/// `2-тармағы`) is where the next ones are, one in the accusative (`-бапты`,
/// `-тармақтарын`) names them.
fn kk_references(list: &str) -> Vec<String> {
    let mut pending: Vec<String> = Vec::new();
    let (mut art, mut para, mut subpara): (Option<String>, Option<String>, Option<String>) =
        (None, None, None);
    let (mut part, mut heading, mut dash) = (false, false, false);
    let mut out = Vec::new();
    for c in REF_TOKEN_RE.captures_iter(list) {
        if c.get(4).is_some() {
            dash = true;
            continue;
        }
        if let Some(n) = c.get(1) {
            push_number(&mut pending, n.as_str(), dash);
        }
        dash = false;
        let Some(word) = c.get(2).or(c.get(3)) else {
            continue;
        };
        let w = crate::structure::lowercase(word.as_str());
        if w.starts_with("мазмұн") {
            heading = true;
            pending.clear();
            continue;
        }
        if w.starts_with("тақырып") || w.starts_with("тақырыб") {
            heading = false;
            pending.clear();
            continue;
        }
        let lvl = if w.starts_with("бап") {
            Level::Article
        } else if w.starts_with("тармақша") {
            Level::Subpara
        } else if w.starts_with("тармақ") || w.starts_with("тармағ") {
            Level::Para
        } else if w.starts_with("тарау") || w.starts_with("параграф") || w.starts_with("бөлім")
        {
            Level::Chapter
        } else if w.starts_with("бөлі") || w.starts_with("абзац") {
            Level::Part
        } else {
            continue;
        };
        let nums = std::mem::take(&mut pending);
        if heading {
            continue;
        }
        // The genitive (`-ның`, `-тың`) or a possessive (`тармағы`, `бөлігі`) says where;
        // the accusative (`-ын`, `-ты`, `-ны`) names.
        let names = w.ends_with('н') && !w.ends_with('ң')
            || ["ты", "ті", "ды", "ді", "ны", "ні"]
                .iter()
                .any(|e| w.ends_with(e));
        if !names {
            match lvl {
                Level::Article => {
                    art = nums.last().cloned();
                    (para, subpara, part) = (None, None, false);
                }
                Level::Para => (para, subpara) = (nums.last().cloned(), None),
                Level::Subpara => subpara = nums.last().cloned(),
                Level::Part => part = true,
                Level::Chapter => (art, part) = (None, true),
            }
            continue;
        }
        if part || lvl == Level::Part || lvl == Level::Chapter {
            continue;
        }
        for n in &nums {
            match (lvl, art.as_deref()) {
                (Level::Article, _) => out.push(eid_of(n, None, None)),
                (Level::Para, Some(a)) => out.push(eid_of(a, Some(n), None)),
                (Level::Subpara, Some(a)) if subpara.is_none() => {
                    out.push(eid_of(a, para.as_deref(), Some(n)))
                }
                _ => {}
            }
        }
    }
    out
}

/// The regexes of a provision putting another act into effect: Russian `Ввести в действие`,
/// Kazakh `қолданысқа енгізілсін`.
static RU_PUT_RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)ввести\s+в\s+действие").expect("static regex")
});
static KK_PUT_RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)қолданысқа\s+енгізілсін").expect("static regex")
});

/// The rule by which a provision puts another act into effect, for that act as a whole:
/// Russian `Ввести в действие Кодекс … с 1 января 2018 года, за исключением: …` (the words
/// before the exceptions), Kazakh `… Кодексі … қоспағанда, 2018 жылғы 1 қаңтардан бастап
/// қолданысқа енгізілсін` (the words after them). `None` for a provision that puts nothing
/// into effect or gives no rule.
pub(crate) fn puts_into_effect(text: &str) -> Option<crate::model::EffectiveRule> {
    use crate::structure::effective::parse_rule;
    use regex::Regex;
    use std::sync::LazyLock;
    static RU_EXCEPT_RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)за\s+исключением").expect("static regex"));
    static KK_EXCEPT_RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)қоспағанда").expect("static regex"));
    let part = if let Some(m) = RU_PUT_RE.find(text) {
        let rest = &text[m.end()..];
        let end = RU_EXCEPT_RE.find(rest).map_or(rest.len(), |e| e.start());
        format!("Вводится в действие {}", &rest[..end])
    } else if let Some(m) = KK_PUT_RE.find(text) {
        let head = &text[..m.start()];
        let from = KK_EXCEPT_RE.find_iter(head).last().map_or(0, |e| e.end());
        format!("{} қолданысқа енгізіледі", &head[from..])
    } else {
        return None;
    };
    Some(parse_rule(&part)).filter(|r| !matches!(r, crate::model::EffectiveRule::Unknown))
}

/// Every unit's versions over the act's timeline: consecutive versions with the same text
/// merge into one `[from, to)` interval. With no `versions`, each unit has one version from the
/// act's edition date (or its own date) to `None` (still current).
///
/// `text` is the unit's full text (its own and its children's). `origin` names the version that
/// first carried that text (`2022-11-05`, `applied:…`).
#[cfg(test)]
pub fn unit_versions(act: &Act) -> Vec<UnitVersion> {
    let fallback;
    let versions: &[ActVersion] = if act.versions.is_empty() {
        fallback = [implicit_version(act)];
        &fallback
    } else {
        &act.versions
    };
    let mut out: Vec<UnitVersion> = Vec::new();
    let mut open: BTreeMap<String, usize> = BTreeMap::new();
    for v in versions {
        let mut seen = std::collections::HashSet::new();
        for u in v.units.iter().flat_map(Unit::walk) {
            seen.insert(u.eid.clone());
            let text = u.full_text();
            if let Some(&i) = open.get(&u.eid) {
                if out[i].text == text && out[i].to == v.from {
                    out[i].to = v.to;
                    continue;
                }
            }
            open.insert(u.eid.clone(), out.len());
            out.push(UnitVersion {
                eid: u.eid.clone(),
                from: v.from,
                to: v.to,
                text,
                origin: v.id.clone(),
            });
        }
        open.retain(|k, _| seen.contains(k));
    }
    out
}

/// One unit's wording in force on a date, for `search --as-of` and `show --as-of`.
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitAsOf {
    pub version: UnitVersion,
    /// False when the corpus lacks the wording in force on that date: the text shown is a
    /// later one (a consolidated text that already carries amendments effective after the date,
    /// or the earliest edition when the date precedes it).
    pub wording_known: bool,
}

/// The amendment events that touched a unit (see [`touches`]), oldest first by signing date.
#[cfg(test)]
pub fn amendments_for<'a>(act: &'a Act, eid: &str) -> Vec<&'a Amendment> {
    let mut v: Vec<&Amendment> = act
        .amendments
        .iter()
        .filter(|a| super::time::touches(&a.target_eid, eid))
        .collect();
    v.sort_by_key(|a| a.by.date);
    v
}

/// Every unit's wording on `date` by the point-in-time rule ([`super::time`]): the wording
/// in force then, with `wording_known = false` when the corpus lacks it (the date is before the
/// wording's start and the unit changed in between: the version given is the earliest the
/// corpus has). Units not in the act on `date` (not yet adopted, inserted later, removed) are
/// left out. `version` spans the wording's `[from, to)`; its `origin` is the first edition
/// that printed it.
#[cfg(test)]
pub fn units_as_of(act: &Act, date: NaiveDate) -> Vec<UnitAsOf> {
    use crate::model::TimeState;
    let timeline = super::time::ActTimeline::new(act);
    let mut out = Vec::new();
    for (unit, answer) in super::time::units_at(&timeline, Some(date)) {
        let Some(piece) = answer.piece.map(|i| &unit.pieces()[i]) else {
            continue;
        };
        let seg = &unit.segments()[piece.segment];
        let first = unit
            .pieces()
            .iter()
            .find(|p| p.segment == piece.segment)
            .map_or(piece.edition, |p| p.edition);
        let Some(u) = timeline.unit_in(piece.edition, unit.eid()) else {
            continue;
        };
        out.push(UnitAsOf {
            version: UnitVersion {
                eid: unit.eid().to_string(),
                from: seg.from,
                to: seg.to,
                text: u.full_text(),
                origin: timeline.editions()[first].id.clone(),
            },
            wording_known: !matches!(answer.state, TimeState::NotInCorpus { .. }),
        });
    }
    out.sort_by(|a, b| a.version.eid.cmp(&b.version.eid));
    out
}

/// The older edition of `act` in force on `date` (`from <= date < to`), when that is not the
/// current text (the wording before an amending act was applied is such an edition, read
/// from the act's own file). `None` means the current wording answers for that date.
pub fn older_edition_at(act: &Act, date: NaiveDate) -> Option<&ActVersion> {
    act.versions
        .iter()
        .find(|v| v.from.is_none_or(|f| f <= date) && v.to.is_some_and(|t| date < t))
}

#[cfg(test)]
mod repeal_tests {
    use super::repealing_number;

    #[test]
    fn the_repealing_acts_number_is_read_from_the_requisite() {
        // The requisites of the mirror's Almaty oblast decisions, as `meta.yaml` prints them.
        assert_eq!(
            repealing_number(
                "решением маслихата Алматинской области от 31 июля 2019 года № 51-257"
            ),
            Some("51-257")
        );
        assert_eq!(
            repealing_number(
                "решением маслихата Алматинской области от 13 августа 2024 года № 25-125 (вводится в действие …)"
            ),
            Some("25-125")
        );
        assert_eq!(
            repealing_number("приказом Министра от 5 мая 2020 года № 214."),
            Some("214")
        );
        assert_eq!(repealing_number("Законом РК от 5 мая 2020 года"), None);
    }
}

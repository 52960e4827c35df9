//! The amendment timeline of an act or one of its units, newest first.

use crate::model::{Act, ActRef, AmendAction, EffectiveDate, EffectiveRule, EventInWords};
use chrono::NaiveDate;
use serde::Serialize;

/// One line of `zanlex history`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    /// The amending act in official form in the language of the act's text (`ҚР 19.04.2023
    /// № 222-VII Конституциялық Заңы`, `Конституционный закон РК от 19.04.2023 № 222-VII`,
    /// `ҚР Сыртқы істер министрінің м.а. 05.12.2025 № 11-1-4/730 бұйрығы`).
    pub amending_act: String,
    /// What names the amending act whatever the language of the note that cites it: its date
    /// and number without a convocation suffix ([`ActRef::key`]: the Kazakh `№ 379` and the
    /// Russian `№ 379-I` of 06.05.1999 are one act); `None` without a number.
    pub amending_act_key: Option<String>,
    /// The amending act's id when it is in the corpus (a link to it), found by its date and
    /// number; `None` when the corpus does not hold it or `history` was not asked of an index.
    pub amending_act_id: Option<String>,
    /// The amending act.
    pub by: ActRef,
    /// The date the amending act was signed.
    pub signed: Option<NaiveDate>,
    /// How the effective date is determined.
    pub rule: EffectiveRule,
    /// Effective date, with `estimated` and its `basis` when it rests on an assumption.
    pub effective: Option<EffectiveDate>,
    /// What was done to the unit.
    pub action: AmendAction,
    /// The unit touched (`att_1__para_3`; empty for the whole act).
    pub eid: String,
    /// The target as printed (`3-тармақ`).
    pub label: String,
    /// The note or instruction it came from.
    pub note: String,
    /// The event told in a sentence in Kazakh and in Russian, whatever the language of the
    /// note: what was done to which unit, by which act, from when.
    pub in_words: EventInWords,
}

/// The act's amendment events, newest first (by effective date, else signing date), limited
/// to `eid`, its ancestors and descendants when given (an event on the whole act or on the
/// Rules concerns each of their paragraphs).
pub fn history(act: &Act, eid: Option<&str>) -> Vec<HistoryEntry> {
    let related = |t: &str| match eid {
        None | Some("") => true,
        Some(e) => {
            t.is_empty()
                || t == e
                || e.starts_with(&format!("{t}__"))
                || t.starts_with(&format!("{e}__"))
        }
    };
    let mut out: Vec<HistoryEntry> = act
        .amendments
        .iter()
        .filter(|a| related(&a.target_eid))
        .map(|a| HistoryEntry {
            amending_act: a.by.cite(act.lang),
            amending_act_key: a.by.key(),
            amending_act_id: None,
            by: a.by.clone(),
            signed: a.by.date,
            rule: a.rule.clone(),
            effective: a.effective.clone(),
            action: a.action,
            eid: a.target_eid.clone(),
            label: a.target_label.clone(),
            note: a.note.clone(),
            in_words: EventInWords::of(&a.target_eid, a.action, &a.by, a.effective.as_ref()),
        })
        .collect();
    out.sort_by(|x, y| {
        let kx = (x.effective.as_ref().map(|e| e.date).or(x.signed), x.signed);
        let ky = (y.effective.as_ref().map(|e| e.date).or(y.signed), y.signed);
        ky.cmp(&kx).then_with(|| x.eid.cmp(&y.eid))
    });
    out
}
